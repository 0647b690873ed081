//! The payee's daily run ([`Payee::daily`]): fetch and import MPS's answers, send what waits to
//! be sent, and say what needs a person.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use autogiro_book::{Amount, BookClaim, Show};
use autogiro_model::{Lang, Said, error_code_keys};

use crate::event::{Event, Fetching};
use crate::send::Send;
use crate::{Done, Error, Payee, sha256_of};

/// What a daily run did and found; [`Daily::needs_attention`] says whether a person should
/// look (`autogiro daily` then exits 1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct Daily {
    /// The fetch: its problems (files not fetched or not imported).
    pub fetched: Done,
    /// Files imported into the book.
    pub imported: usize,
    /// Claims MPS rejected in the answers imported, by error code (252: to be retried).
    pub rejected: BTreeMap<u16, usize>,
    /// Answers imported that match no claim sent (kept in the book).
    pub unmatched: usize,
    /// Mandates a full listing added, removed or changed in the book.
    pub mandates_changed: usize,
    /// Files of the outgoing folder sent, or to be sent (a dry run).
    pub to_send: usize,
    /// The send: its problems (files not sent).
    pub sent: Done,
    /// Claims with no answer after their processing date + 3 business days.
    pub outstanding: Vec<BookClaim>,
}

impl Daily {
    /// Whether a person should look: a file not fetched, imported or sent, a claim rejected,
    /// an answer unmatched, or a claim outstanding past its answer date.
    pub fn needs_attention(&self) -> bool {
        self.fetched.problems > 0
            || self.sent.problems > 0
            || !self.rejected.is_empty()
            || self.unmatched > 0
            || !self.outstanding.is_empty()
    }
}

/// The report, a line each, as `autogiro daily` prints it after the files' lines.
impl Daily {
    /// The report in `lang`, a line each: files imported and waiting, claims rejected by
    /// code, answers unmatched, the listing's changes, claims outstanding, and whether anything
    /// needs attention.
    pub fn render(&self, lang: Lang) -> String {
        let line = |said: Said| said.render(lang);
        let mut lines = vec![line(
            Said::new("daily.files")
                .with("imported", self.imported)
                .with("to_send", self.to_send),
        )];
        if !self.rejected.is_empty() {
            let n: usize = self.rejected.values().sum();
            let codes: Vec<String> = self
                .rejected
                .iter()
                .map(|(code, n)| {
                    let (meaning, _) = error_code_keys(*code);
                    line(
                        Said::new("daily.code")
                            .with("n", n)
                            .with("code", format!("{code:03}"))
                            .with_words("meaning", Said::new(meaning)),
                    )
                })
                .collect();
            lines.push(line(
                Said::new("daily.rejected")
                    .with("n", n)
                    .with("codes", codes.join(", ")),
            ));
        }
        if self.unmatched > 0 {
            lines.push(line(Said::new("daily.unmatched").with("n", self.unmatched)));
        }
        if self.mandates_changed > 0 {
            lines.push(line(
                Said::new("daily.mandates").with("n", self.mandates_changed),
            ));
        }
        if !self.outstanding.is_empty() {
            let sum = self
                .outstanding
                .iter()
                .try_fold(Amount::ZERO, |s, c| s.checked_add(c.amount));
            let sum = sum.map_or_else(|| Said::new("daily.too-large"), Said::plain);
            lines.push(line(
                Said::new("daily.outstanding")
                    .with("n", self.outstanding.len())
                    .with_words("sum", sum),
            ));
        }
        lines.push(line(Said::new(if self.needs_attention() {
            "daily.attention"
        } else {
            "daily.no-attention"
        })));
        lines.join("\n")
    }
}

/// [`Daily::render`] in English.
impl fmt::Display for Daily {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl Payee {
    /// The daily run: [`Payee::fetch`] (each answer imported into the book and removed from
    /// the server), then [`Payee::send`] of every file in the `[transfer] outgoing` folder
    /// that the book does not have as sent yet (in name order; nothing sent twice, nothing
    /// the book predicts MPS rejects), then the book's outstanding claims. Each file's
    /// outcome is told to `on`; what needs a person is in the [`Daily`] returned.
    ///
    /// # Errors
    ///
    /// What stops the run: no book (the run imports into it), no `[transfer]` settings, an
    /// outgoing folder that cannot be read, the journal, the connection, the book.
    pub fn daily(&mut self, mut on: impl FnMut(Event)) -> Result<Daily, Error> {
        if self.book.is_none() {
            return Err(Error::NoBook);
        }
        let mut daily = Daily::default();
        daily.fetched = self.fetch(false, |event| {
            if let Event::Fetch {
                what: Fetching::Imported(imported),
                ..
            } = &event
            {
                daily.imported += 1;
                for (code, n) in &imported.rejected {
                    *daily.rejected.entry(*code).or_default() += n;
                }
                daily.unmatched += imported.unmatched_total;
                daily.mandates_changed += imported.listing_total;
            }
            on(event);
        })?;
        let outgoing = self.transfer_settings()?.outgoing.clone();
        let files = self.waiting(&outgoing)?;
        daily.to_send = files.len();
        if !files.is_empty() {
            daily.sent = self.send(&files, Send::default(), &mut on)?;
        }
        if let Some(book) = self.book.as_mut() {
            daily.outstanding = book.status(self.today, Show::Outstanding, None)?.claims;
        }
        Ok(daily)
    }

    /// The files of `folder` that wait to be sent: plain files, not hidden, whose content the
    /// book does not have as sent, in name order. A folder that is not there holds none.
    fn waiting(&mut self, folder: &Path) -> Result<Vec<PathBuf>, Error> {
        let entries = match std::fs::read_dir(folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io("io.read-folder", folder)(e)),
        };
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry.map_err(Error::io("io.read-folder", folder))?;
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden || !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            files.push(entry.path());
        }
        files.sort();
        let mut waiting = Vec::new();
        for file in files {
            let sha = sha256_of(&file)?;
            let sent = match self.book.as_mut() {
                Some(book) => book.has_file(&sha)?,
                None => false,
            };
            if !sent {
                waiting.push(file);
            }
        }
        Ok(waiting)
    }
}
