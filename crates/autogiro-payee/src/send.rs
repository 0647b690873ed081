//! Sending files to MPS at most once ([`Payee::send`]), and recording one that a stopped run
//! may have sent ([`Payee::confirm`]).

use std::path::{Path, PathBuf};

use autogiro_format::Direction;
use autogiro_model::Transmission;
use autogiro_transfer::{Connection, Publication, TransferError};

use crate::event::{Event, HowSent, InBook, NotSent, Sending};
use crate::journal::{Entry, Journal, Pending, now};
use crate::settings::TransferSettings;
use crate::{
    Done, Error, Payee, bytes_of, counting, errors_of, file_name, opened, sha256_of,
    transmission_start,
};

/// How [`Payee::send`] sends: by default nothing twice and nothing MPS would reject.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Send {
    /// Send a file again that the journal or the book has as sent (or as maybe sent: the
    /// rename that hands it to MPS was asked and its answer lost). Only after MPS's receipt
    /// shows it did not arrive: a claims file sent twice charges every payer twice.
    pub resend: bool,
    /// Send a file in which the book predicts rejections by MPS.
    pub accept_rejections: bool,
}

/// What `send` learnt of a file before it goes.
struct Outgoing {
    path: PathBuf,
    shown: String,
    sha: String,
    size: u64,
    sender: u32,
    transmission: u32,
    /// Its remote name (after `remote_name`).
    remote: String,
    /// The rename of an earlier run that stopped: looked at on the server first.
    pending: Option<Pending>,
}

impl Payee {
    /// Sends `files` to MPS's outbox: each checked (valid, to MPS, not sent before, nothing
    /// the book predicts MPS rejects unless `how` accepts it), staged under a hidden name,
    /// its rename journalled and then asked, and recorded in the book. What becomes of each
    /// file is told to `on`; a file that cannot go is a problem event, and the others go all
    /// the same.
    ///
    /// # Errors
    ///
    /// What stops the whole run: no `[transfer]` settings, the journal, the connection, the
    /// book.
    pub fn send(
        &mut self,
        files: &[PathBuf],
        how: Send,
        mut on: impl FnMut(Event),
    ) -> Result<Done, Error> {
        let mut done = Done::default();
        let mut on = counting(&mut on, &mut done);
        let t = self.transfer_settings()?.clone();
        let mut journal = self.journal(&mut on)?;
        let mut outgoing = Vec::new();
        for file in files {
            if let Some(o) = self.check_outgoing(file, &t, &journal, how, &mut on)? {
                outgoing.push(o);
            }
        }
        if self.dry_run {
            for o in outgoing {
                let what = match &o.pending {
                    Some(p) => Sending::WouldResume { remote: p.remote() },
                    None => Sending::WouldSend {
                        remote: format!("{}/{}", t.outbox, o.remote),
                        size: o.size,
                    },
                };
                on(Event::Send {
                    file: o.shown,
                    what,
                });
            }
        } else if !outgoing.is_empty() {
            let mut mps = self.connect(&mut on)?;
            for o in &outgoing {
                let sent = match &o.pending {
                    Some(p) => resume(&mut mps, &mut journal, o, p, &mut on)?,
                    None => send_one(&mut mps, &mut journal, &t, o, &mut on)?,
                };
                if let Some((remote, size, how)) = sent {
                    journal.append(Entry::Sent {
                        file: file_name(&o.path),
                        sha256: o.sha.clone(),
                        sender: o.sender,
                        transmission: o.transmission,
                        remote: remote.clone(),
                        size,
                        at: now(),
                    })?;
                    let book = self.record_sent(&o.path, &o.shown)?;
                    on(Event::Send {
                        file: o.shown.clone(),
                        what: Sending::Sent {
                            how,
                            remote,
                            size,
                            book,
                        },
                    });
                }
            }
        }
        drop(on);
        Ok(done)
    }

    /// Records as sent the `files` that a run stopped in while renaming them on the server,
    /// and that MPS's receipt shows arrived: in the journal and in the book.
    ///
    /// # Errors
    ///
    /// As [`Payee::send`].
    pub fn confirm(&mut self, files: &[PathBuf], mut on: impl FnMut(Event)) -> Result<Done, Error> {
        let mut done = Done::default();
        let mut on = counting(&mut on, &mut done);
        let mut journal = self.journal(&mut on)?;
        for file in files {
            let shown = file.display().to_string();
            let (_, sender, transmission, _) = transmission_start(file)?;
            let sha = sha256_of(file)?;
            let Some(p) = journal.renaming(&sha) else {
                on(Event::Send {
                    file: shown,
                    what: Sending::NothingToConfirm,
                });
                continue;
            };
            if self.dry_run {
                on(Event::Send {
                    file: shown,
                    what: Sending::WouldConfirm { remote: p.remote() },
                });
                continue;
            }
            journal.append(Entry::Sent {
                file: file_name(file),
                sha256: sha,
                sender,
                transmission,
                remote: p.remote(),
                size: p.size,
                at: now(),
            })?;
            let book = self.record_sent(file, &shown)?;
            on(Event::Send {
                file: shown,
                what: Sending::Confirmed {
                    remote: p.remote(),
                    book,
                },
            });
        }
        drop(on);
        Ok(done)
    }

    /// Checks one file: valid, to MPS, not sent before, nothing predicted rejected. `None`
    /// (told to `on` why) when it must not go.
    fn check_outgoing(
        &mut self,
        file: &Path,
        t: &TransferSettings,
        journal: &Journal,
        how: Send,
        on: &mut impl FnMut(Event),
    ) -> Result<Option<Outgoing>, Error> {
        let shown = file.display().to_string();
        let not_sent = |why| Event::Send {
            file: shown.clone(),
            what: Sending::NotSent(why),
        };
        let (errors, first) = errors_of(file, &self.options)?;
        if errors > 0 {
            let first = first.map(|d| d.to_string()).unwrap_or_default();
            on(not_sent(NotSent::Invalid { errors, first }));
            return Ok(None);
        }
        let (direction, sender, transmission, _) = transmission_start(file)?;
        if direction != Direction::ToMps {
            on(not_sent(NotSent::FromMps));
            return Ok(None);
        }
        let sha = sha256_of(file)?;
        let size = std::fs::metadata(file)
            .map_err(Error::io("io.read", file))?
            .len();
        let in_journal = journal.sent(&sha, sender, transmission);
        let in_book = match self.book.as_mut() {
            Some(b) => b.sent_before(&sha, sender, transmission)?,
            None => None,
        };
        if let (Some((earlier, _)), None, Some(b), false) = (
            journal.sent_same(&sha),
            &in_book,
            self.book.as_mut(),
            self.dry_run,
        ) {
            // Sent by a run that stopped before it reached the book: recorded there now (not
            // by a dry run, which changes nothing).
            b.import(&file_name(file), opened(file)?, self.today, &self.options)?;
            on(Event::Send {
                file: shown.clone(),
                what: Sending::RecordedNow {
                    earlier: earlier.to_owned(),
                },
            });
        }
        let pending = if how.resend {
            None
        } else {
            journal.renaming(&sha)
        };
        let earlier = in_journal.map(|(f, r)| format!("{f} ({r})")).or(in_book);
        if let Some(earlier) = earlier
            && !how.resend
        {
            on(not_sent(NotSent::SentBefore {
                earlier,
                sender,
                transmission,
            }));
            return Ok(None);
        }
        if let (Some(b), false) = (self.book.as_mut(), how.accept_rejections) {
            // What the book predicts MPS would reject: sent anyway only when told.
            let read = Transmission::read_slice(&bytes_of(file)?, &self.options);
            let findings = b.check(&read.transmission, self.today)?;
            if !findings.is_empty() {
                on(not_sent(NotSent::Rejections(findings)));
                return Ok(None);
            }
        }
        let date = format!(
            "{:04}{:02}{:02}",
            self.today.year(),
            u8::from(self.today.month()),
            self.today.day()
        );
        let remote = t.remote_name_of(sender, transmission, &date, &file_name(file));
        Ok(Some(Outgoing {
            path: file.to_path_buf(),
            shown,
            sha,
            size,
            sender,
            transmission,
            remote,
            pending,
        }))
    }

    /// Records a file sent in the book, when there is one.
    fn record_sent(&mut self, path: &Path, shown: &str) -> Result<InBook, Error> {
        let Some(b) = self.book.as_mut() else {
            return Ok(InBook::NoBook);
        };
        let imported = b
            .import(&file_name(path), opened(path)?, self.today, &self.options)
            .map_err(|source| Error::NotRecorded {
                file: shown.to_owned(),
                source,
            })?;
        Ok(if imported.already {
            InBook::Already
        } else {
            InBook::Recorded
        })
    }
}

/// A file on the server under its final name: its remote path, size and how it got there.
type Sent = Option<(String, u64, HowSent)>;

/// Uploads one file: staged under its hidden name, the rename journalled, then asked.
fn send_one(
    mps: &mut Connection,
    journal: &mut Journal,
    t: &TransferSettings,
    o: &Outgoing,
    on: &mut impl FnMut(Event),
) -> Result<Sent, Error> {
    let pending = Pending {
        outbox: t.outbox.clone(),
        name: o.remote.clone(),
        size: o.size,
    };
    if mps.stat(&t.outbox, &o.remote)?.is_some() {
        on(Event::Send {
            file: o.shown.clone(),
            what: Sending::NotSent(NotSent::OnServer {
                remote: pending.remote(),
            }),
        });
        return Ok(None);
    }
    let size = mps.stage(&o.path, &t.outbox, &o.remote)?;
    let staged = Pending { size, ..pending };
    publish(mps, journal, o, &staged, HowSent::Uploaded, on)
}

/// Journals the rename of a staged file, then asks for it.
fn publish(
    mps: &mut Connection,
    journal: &mut Journal,
    o: &Outgoing,
    p: &Pending,
    how: HowSent,
    on: &mut impl FnMut(Event),
) -> Result<Sent, Error> {
    journal.append(Entry::Renaming {
        file: file_name(&o.path),
        sha256: o.sha.clone(),
        sender: o.sender,
        transmission: o.transmission,
        outbox: p.outbox.clone(),
        name: p.name.clone(),
        size: p.size,
        at: now(),
    })?;
    match mps.publish(&p.outbox, &p.name, p.size) {
        Ok(()) => Ok(Some((p.remote(), p.size, how))),
        Err(TransferError::MaybeSent { .. }) => {
            on(maybe_sent(o, p));
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// Finishes the sending of a file that an earlier run stopped in while renaming it: what is
/// on the server tells whether the rename was done.
fn resume(
    mps: &mut Connection,
    journal: &mut Journal,
    o: &Outgoing,
    p: &Pending,
    on: &mut impl FnMut(Event),
) -> Result<Sent, Error> {
    match mps.publication(&p.outbox, &p.name)? {
        Publication::Published(f) if f.size == p.size => {
            Ok(Some((p.remote(), p.size, HowSent::FoundSent)))
        }
        Publication::Published(f) => {
            on(Event::Send {
                file: o.shown.clone(),
                what: Sending::NotSent(NotSent::OtherOnServer {
                    remote: p.remote(),
                    found: f.size,
                    expected: p.size,
                }),
            });
            Ok(None)
        }
        Publication::Staged(_) => {
            // Never renamed: staged again (what is there may be cut short) and sent.
            let size = mps.stage(&o.path, &p.outbox, &p.name)?;
            let again = Pending { size, ..p.clone() };
            publish(mps, journal, o, &again, HowSent::Finished, on)
        }
        Publication::Absent => {
            on(maybe_sent(o, p));
            Ok(None)
        }
    }
}

/// That `o` may have reached MPS, and how to find out and go on.
fn maybe_sent(o: &Outgoing, p: &Pending) -> Event {
    Event::Send {
        file: o.shown.clone(),
        what: Sending::NotSent(NotSent::MaybeSent {
            remote: p.remote(),
            sender: o.sender,
            transmission: o.transmission,
        }),
    }
}
