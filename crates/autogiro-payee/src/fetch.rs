//! Fetching MPS's files from the inbox into the archive and the book ([`Payee::fetch`]).

use std::path::{Path, PathBuf};

use autogiro_format::{Direction, MPS_ID};
use autogiro_transfer::{Connection, RemoteFile};

use crate::event::{Event, Fetching};
use crate::journal::{Entry, Journal, now};
use crate::settings::TransferSettings;
use crate::{
    Done, Error, Payee, counting, errors_of, file_name, opened, sha256_of, transmission_start,
};

impl Payee {
    /// Fetches each file of MPS's inbox with a plain name: archived (complete and synced),
    /// validated, checked to be MPS's to this payee, imported into the book, and only then
    /// removed from the server (unless `keep_remote`), if it is unchanged since it was
    /// listed. A file that fails is told to `on` and left on the server; the others are
    /// fetched all the same. The downloads a killed run left in the archive are removed
    /// first.
    ///
    /// # Errors
    ///
    /// What stops the whole run: no `[transfer]` settings, the journal, the connection or the
    /// listing of the inbox.
    pub fn fetch(&mut self, keep_remote: bool, mut on: impl FnMut(Event)) -> Result<Done, Error> {
        let mut done = Done::default();
        let mut on = counting(&mut on, &mut done);
        let t = self.transfer_settings()?.clone();
        let mut journal = self.journal(&mut on)?;
        if !self.dry_run {
            remove_partials(&t.archive);
        }
        let mut mps = self.connect(&mut on)?;
        let files = mps.list(&t.inbox)?;
        if files.is_empty() {
            on(Event::InboxEmpty {
                inbox: t.inbox.clone(),
            });
        }
        for f in &files {
            let what = match plain_name(&f.name) {
                Err(why) => Some(Fetching::RefusedName { why }),
                Ok(()) => self
                    .fetch_one(&t, &mut journal, &mut mps, f, keep_remote, &mut on)
                    .unwrap_or_else(|e| Some(Fetching::Failed(e))),
            };
            if let Some(what) = what {
                on(Event::Fetch {
                    name: f.name.clone(),
                    what,
                });
            }
        }
        drop(on);
        Ok(done)
    }

    /// One file of the inbox: see [`Payee::fetch`]. The last word on it, if any (the steps
    /// before it are told to `on`).
    fn fetch_one(
        &mut self,
        t: &TransferSettings,
        journal: &mut Journal,
        mps: &mut Connection,
        f: &RemoteFile,
        keep_remote: bool,
        on: &mut impl FnMut(Event),
    ) -> Result<Option<Fetching>, Error> {
        // A file archived before and deleted from the archive since (by hand) is fetched anew.
        let known = journal.fetched(f, &t.archive).filter(|a| a.exists());
        if self.dry_run {
            return Ok(Some(match known {
                Some(archived) => Fetching::FetchedBefore { archived },
                None => Fetching::WouldFetch { size: f.size },
            }));
        }
        let archived = if let Some(a) = known {
            a
        } else {
            let (archived, sha) = download(mps, t, f)?;
            journal.append(Entry::Fetched {
                remote: f.name.clone(),
                size: f.size,
                modified: f.modified,
                sha256: sha,
                archived: file_name(&archived),
                at: now(),
            })?;
            on(Event::Fetch {
                name: f.name.clone(),
                what: Fetching::Fetched {
                    archived: archived.clone(),
                },
            });
            archived
        };
        let (errors, _) = errors_of(&archived, &self.options)?;
        if errors > 0 {
            return Ok(Some(Fetching::Invalid { errors, archived }));
        }
        let (direction, sender, _, recipient) = transmission_start(&archived)?;
        let unit = self.settings.payee.customer_unit;
        if direction != Direction::FromMps || sender != MPS_ID || recipient != unit {
            return Ok(Some(Fetching::NotOurs {
                sender,
                recipient,
                unit,
            }));
        }
        if let Some(b) = self.book.as_mut() {
            let file = opened(&archived)?;
            let what = match b.import(&file_name(&archived), file, self.today, &self.options) {
                Ok(imported) if imported.already => Fetching::AlreadyInBook,
                Ok(imported) => Fetching::Imported(imported),
                Err(error) => return Ok(Some(Fetching::NotImported { error })),
            };
            on(Event::Fetch {
                name: f.name.clone(),
                what,
            });
        }
        if !keep_remote {
            // The bytes removed are the bytes fetched: a file changed on the server since it
            // was listed (size or time) is left there for the next fetch, never deleted unseen.
            match mps.stat(&t.inbox, &f.name)? {
                Some(now) if now.size != f.size || now.modified != f.modified => {
                    return Ok(Some(Fetching::Changed {
                        then: f.size,
                        now: now.size,
                    }));
                }
                Some(_) => mps.remove(&t.inbox, &f.name)?,
                None => {}
            }
            journal.append(Entry::Removed {
                remote: f.name.clone(),
                size: f.size,
                modified: f.modified,
                at: now(),
            })?;
        }
        Ok(None)
    }
}

/// Removes the downloads a killed `fetch` of an earlier version left in the archive
/// (`.NAME.part`, hidden: no remote name reaches them), under the journal's lock, so that no
/// other fetch is writing one. Any other file is left. (Downloads are now written through
/// `autogiro_files::AtomicFile`, whose temporary files of killed runs the next download of the
/// same name removes.)
fn remove_partials(archive: &Path) {
    let Ok(entries) = std::fs::read_dir(archive) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        // The transfer's own name for a download under way: `.NAME.part`, exactly.
        let partial = name
            .to_str()
            .and_then(|n| n.strip_prefix('.'))
            .and_then(|n| n.strip_suffix(".part"))
            .is_some_and(|n| !n.is_empty());
        if partial && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The archive path for a remote file: its name, or `name.2`, `name.3`, ... when a different
/// file has it already.
fn archive_path(archive: &Path, name: &str, n: u32) -> PathBuf {
    if n <= 1 {
        archive.join(name)
    } else {
        archive.join(format!("{name}.{n}"))
    }
}

/// Downloads `f` into the archive; a file left there complete by a run that stopped before it
/// wrote the journal is found by its content and not kept twice.
fn download(
    mps: &mut Connection,
    t: &TransferSettings,
    f: &RemoteFile,
) -> Result<(PathBuf, String), Error> {
    let mut n = 1;
    while archive_path(&t.archive, &f.name, n).exists() {
        n += 1;
    }
    let to = archive_path(&t.archive, &f.name, n);
    let size = mps.download(&t.inbox, &f.name, &to)?;
    if size != f.size {
        // Written to (or swapped) since it was listed: what was listed is not what came.
        std::fs::remove_file(&to).map_err(Error::io("io.remove", &to))?;
        return Err(Error::ChangedWhileDownloading {
            listed: f.size,
            downloaded: size,
        });
    }
    let sha = sha256_of(&to)?;
    for earlier in 1..n {
        let other = archive_path(&t.archive, &f.name, earlier);
        if sha256_of(&other)? == sha {
            std::fs::remove_file(&to).map_err(Error::io("io.remove", &to))?;
            return Ok((other, sha));
        }
    }
    Ok((to, sha))
}

/// Whether a remote name may be kept in the archive under that name: one plain file name of
/// valid UTF-8 (as the server sent it), with no `/`, `\\`, NUL or control character, not `.`
/// or `..`, not hidden (a leading `.`: the archive's own files are hidden), at most 200 bytes.
/// A remote name is data, never a path: anything else is reported and left on the server.
fn plain_name(name: &str) -> Result<(), &'static str> {
    if name.is_empty() {
        Err("an empty name")
    } else if name.len() > 200 {
        Err("longer than 200 bytes")
    } else if name.starts_with('.') {
        Err("a hidden name (it starts with a dot)")
    } else if name.contains(['/', '\\']) {
        Err("a path, not a name")
    } else if name
        .chars()
        .any(|c| c.is_control() || c == char::REPLACEMENT_CHARACTER)
    {
        Err("a control character, or bytes that are not UTF-8")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remote_name_is_a_plain_file_name_or_refused() {
        for good in ["AG00012345.txt", "answer 2026-01-12", "ÆØÅ.txt"] {
            assert_eq!(plain_name(good), Ok(()), "{good:?}");
        }
        let long = "a".repeat(201);
        for bad in [
            "",
            "/etc/cron.d/x",
            "../x",
            "..",
            ".",
            ".autogiro",
            "transfer\\journal",
            "a\u{0}b",
            "a\nb",
            "bad\u{fffd}utf8",
            long.as_str(),
        ] {
            assert!(plain_name(bad).is_err(), "{bad:?}");
        }
        // What stays in the archive's own name space is not a remote name.
        assert!(plain_name("transfer-journal.jsonl").is_ok());
    }
}
