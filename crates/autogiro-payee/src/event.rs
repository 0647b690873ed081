//! What the payee's jobs say as they go ([`Event`]), each a line for the person at the desk.

use std::fmt;
use std::path::PathBuf;

use autogiro_book::{Finding, Imported};
use autogiro_model::{Lang, Said};

use crate::Error;

/// Something a job did, or declined to do, told as it happens: `autogiro` prints each as a
/// line (to standard error when [`Event::is_problem`] or [`Event::is_note`]).
#[derive(Debug)]
#[non_exhaustive]
pub enum Event {
    /// The server's host key was new and is now pinned in `known_hosts` (asked for with
    /// `accept_new_host_key`).
    HostKeyRecorded {
        /// The server.
        host: String,
        /// Its port.
        port: u16,
        /// The key's SHA-256 fingerprint.
        fingerprint: String,
        /// Where it is recorded.
        known_hosts: PathBuf,
    },
    /// Another `send` or `fetch` holds the journal's lock; this one waits for it.
    WaitingForLock {
        /// The lock file.
        lock: PathBuf,
    },
    /// The inbox holds no file.
    InboxEmpty {
        /// The inbox folder.
        inbox: String,
    },
    /// A file to send (or to confirm as sent).
    Send {
        /// The local file, as given.
        file: String,
        /// What became of it.
        what: Sending,
    },
    /// A file of the inbox.
    Fetch {
        /// Its name on the server.
        name: String,
        /// What became of it.
        what: Fetching,
    },
}

/// What became of a file to send ([`Event::Send`]).
#[derive(Debug)]
#[non_exhaustive]
pub enum Sending {
    /// Not sent, and why.
    NotSent(NotSent),
    /// Sent by an earlier run that stopped before it reached the book: recorded there now.
    RecordedNow {
        /// The file's name in the journal.
        earlier: String,
    },
    /// (Dry run.) An earlier run stopped while renaming it on the server: a real run looks
    /// there first.
    WouldResume {
        /// The remote path it was renamed to.
        remote: String,
    },
    /// (Dry run.) It would be sent.
    WouldSend {
        /// The remote path.
        remote: String,
        /// Its size in bytes.
        size: u64,
    },
    /// It is on the server under its final name.
    Sent {
        /// How it got there.
        how: HowSent,
        /// The remote path.
        remote: String,
        /// Its size in bytes.
        size: u64,
        /// What the book made of it.
        book: InBook,
    },
    /// `confirm`: no run stopped while renaming this file, so there is nothing to confirm.
    NothingToConfirm,
    /// (Dry run.) `confirm` would record it as sent.
    WouldConfirm {
        /// The remote path.
        remote: String,
    },
    /// `confirm`: recorded as sent, as MPS's receipt shows.
    Confirmed {
        /// The remote path.
        remote: String,
        /// What the book made of it.
        book: InBook,
    },
}

/// How a file came to be sent ([`Sending::Sent`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HowSent {
    /// Uploaded and renamed by this run.
    Uploaded,
    /// Found under its final name: an earlier run renamed it and stopped before it said so.
    FoundSent,
    /// An earlier run uploaded it and stopped before the rename: uploaded again and renamed.
    Finished,
}

/// What the book made of a file sent ([`Sending::Sent`], [`Sending::Confirmed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InBook {
    /// No book is kept.
    NoBook,
    /// Recorded in it now.
    Recorded,
    /// It had it already.
    Already,
}

/// Why a file was not sent ([`Sending::NotSent`]).
#[derive(Debug)]
#[non_exhaustive]
pub enum NotSent {
    /// It has errors.
    Invalid {
        /// How many.
        errors: u64,
        /// The first, as `autogiro validate` says it.
        first: String,
    },
    /// It is a file from MPS.
    FromMps,
    /// The journal or the book has it sent already (same content, or the same transmission
    /// number of the same data sender).
    SentBefore {
        /// The earlier file and where it went.
        earlier: String,
        /// Record 10's data sender.
        sender: u32,
        /// Record 10's transmission number.
        transmission: u32,
    },
    /// The book predicts that MPS rejects some of it.
    Rejections(Vec<Finding>),
    /// A file of its remote name is on the server, not yet taken by MPS.
    OnServer {
        /// The remote path.
        remote: String,
    },
    /// A file of another size is under its remote name.
    OtherOnServer {
        /// The remote path.
        remote: String,
        /// The size found there.
        found: u64,
        /// This file's size.
        expected: u64,
    },
    /// It may have reached MPS already: the rename that hands it over was asked, and the
    /// answer was lost; only MPS's receipt can tell.
    MaybeSent {
        /// The remote path it was renamed to.
        remote: String,
        /// Record 10's data sender.
        sender: u32,
        /// Record 10's transmission number.
        transmission: u32,
    },
}

/// What became of a file of the inbox ([`Event::Fetch`]).
#[derive(Debug)]
#[non_exhaustive]
pub enum Fetching {
    /// Its name is not one plain file name: left on the server.
    RefusedName {
        /// Why.
        why: &'static str,
    },
    /// It could not be fetched or handled: left on the server.
    Failed(Error),
    /// (Dry run.) Fetched by an earlier run, kept in the archive.
    FetchedBefore {
        /// Where.
        archived: PathBuf,
    },
    /// (Dry run.) It would be fetched.
    WouldFetch {
        /// Its size in bytes.
        size: u64,
    },
    /// Downloaded into the archive, complete and synced.
    Fetched {
        /// Where.
        archived: PathBuf,
    },
    /// It has errors: not imported, left on the server.
    Invalid {
        /// How many.
        errors: u64,
        /// Where it is kept.
        archived: PathBuf,
    },
    /// It is not from MPS to this payee: not imported, left on the server.
    NotOurs {
        /// Record 10's data sender.
        sender: u32,
        /// Record 10's data recipient.
        recipient: u32,
        /// The payee's customer unit.
        unit: u32,
    },
    /// The book had it already.
    AlreadyInBook,
    /// Imported into the book.
    Imported(Imported),
    /// The book refused it: left on the server.
    NotImported {
        /// Why.
        error: autogiro_book::BookError,
    },
    /// It changed on the server since it was fetched: left there for the next fetch.
    Changed {
        /// Its size when listed.
        then: u64,
        /// Its size now.
        now: u64,
    },
}

impl Event {
    /// Whether the event is a problem: a file not sent, not fetched or not imported (the
    /// command then exits 1).
    pub fn is_problem(&self) -> bool {
        match self {
            Self::Send { what, .. } => {
                matches!(what, Sending::NotSent(_) | Sending::NothingToConfirm)
            }
            Self::Fetch { what, .. } => matches!(
                what,
                Fetching::RefusedName { .. }
                    | Fetching::Failed(_)
                    | Fetching::Invalid { .. }
                    | Fetching::NotOurs { .. }
                    | Fetching::NotImported { .. }
                    | Fetching::Changed { .. }
            ),
            Self::HostKeyRecorded { .. }
            | Self::WaitingForLock { .. }
            | Self::InboxEmpty { .. } => false,
        }
    }

    /// Whether the event is a note for standard error that is no problem (waiting for a lock).
    pub fn is_note(&self) -> bool {
        matches!(self, Self::WaitingForLock { .. })
    }
}

impl Event {
    /// What it says, a line (or, for predicted rejections, lines), in any language
    /// ([`Said::render`]).
    pub fn said(&self) -> Said {
        match self {
            Self::HostKeyRecorded {
                host,
                port,
                fingerprint,
                known_hosts,
            } => Said::new("event.host-key")
                .with("host", host)
                .with("port", port)
                .with("fingerprint", fingerprint)
                .with("file", known_hosts.display()),
            Self::WaitingForLock { lock } => {
                Said::new("event.waiting").with("lock", lock.display())
            }
            Self::InboxEmpty { inbox } => Said::new("event.inbox-empty").with("inbox", inbox),
            Self::Send { file, what } => sending(file, what),
            Self::Fetch { name, what } => fetching(name, what),
        }
    }
}

/// [`Event::said`] in English.
impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said().render(Lang::En))
    }
}

/// `name: what`.
fn of(name: &str, what: Said) -> Said {
    Said::new("event.of")
        .with("name", name)
        .with_words("what", what)
}

fn sending(file: &str, what: &Sending) -> Said {
    let said = match what {
        Sending::NotSent(why) => return not_sent(file, why),
        Sending::RecordedNow { earlier } => {
            Said::new("event.recorded-now").with("earlier", earlier)
        }
        Sending::WouldResume { remote } => Said::new("event.would-resume").with("remote", remote),
        Sending::WouldSend { remote, size } => Said::new("event.would-send")
            .with("remote", remote)
            .with("size", size),
        Sending::Sent {
            how,
            remote,
            size,
            book,
        } => Said::new(match how {
            HowSent::Uploaded => "event.sent",
            HowSent::FoundSent => "event.found-sent",
            HowSent::Finished => "event.sent-finished",
        })
        .with("remote", remote)
        .with("size", size)
        .with_words("book", book.said()),
        Sending::NothingToConfirm => Said::new("event.nothing-to-confirm"),
        Sending::WouldConfirm { remote } => Said::new("event.would-confirm").with("remote", remote),
        Sending::Confirmed { remote, book } => Said::new("event.confirmed")
            .with("remote", remote)
            .with_words("book", book.said()),
    };
    of(file, said)
}

impl InBook {
    fn said(self) -> Said {
        match self {
            Self::NoBook => Said::plain(""),
            Self::Recorded => Said::new("event.book-recorded"),
            Self::Already => Said::new("event.book-already"),
        }
    }
}

fn not_sent(file: &str, why: &NotSent) -> Said {
    let said = match why {
        NotSent::Invalid { errors, first } => Said::new("event.invalid")
            .with("errors", errors)
            .with("first", first)
            .with("file", file),
        NotSent::FromMps => Said::new("event.from-mps"),
        NotSent::SentBefore {
            earlier,
            sender,
            transmission,
        } => Said::new("event.sent-before")
            .with("earlier", earlier)
            .with("transmission", format!("{transmission:07}"))
            .with("sender", format!("{sender:08}")),
        NotSent::Rejections(findings) => {
            // Each finding a line, then what to do.
            let last = of(
                file,
                Said::new("event.rejections").with("n", findings.len()),
            );
            return findings.iter().rev().fold(last, |rest, finding| {
                Said::new("event.lines")
                    .with_words("first", of(file, finding.said()))
                    .with_words("rest", rest)
            });
        }
        NotSent::OnServer { remote } => Said::new("event.on-server").with("remote", remote),
        NotSent::OtherOnServer {
            remote,
            found,
            expected,
        } => Said::new("event.other-on-server")
            .with("remote", remote)
            .with("found", found)
            .with("expected", expected),
        NotSent::MaybeSent {
            remote,
            sender,
            transmission,
        } => Said::new("event.maybe-sent")
            .with("remote", remote)
            .with("transmission", format!("{transmission:07}"))
            .with("sender", format!("{sender:08}"))
            .with("file", file),
    };
    of(file, said)
}

fn fetching(name: &str, what: &Fetching) -> Said {
    let said = match what {
        Fetching::RefusedName { why } => {
            return Said::new("event.refused-name")
                .with("name", format!("{name:?}"))
                .with("why", why);
        }
        Fetching::Failed(e) => Said::new("event.failed").with("error", e),
        Fetching::FetchedBefore { archived } => {
            Said::new("event.fetched-before").with("file", archived.display())
        }
        Fetching::WouldFetch { size } => Said::new("event.would-fetch").with("size", size),
        Fetching::Fetched { archived } => {
            Said::new("event.fetched").with("file", archived.display())
        }
        Fetching::Invalid { errors, archived } => Said::new("event.fetched-invalid")
            .with("errors", errors)
            .with("file", archived.display()),
        Fetching::NotOurs {
            sender,
            recipient,
            unit,
        } => Said::new("event.not-ours")
            .with("sender", format!("{sender:08}"))
            .with("recipient", format!("{recipient:08}"))
            .with("mps", format!("{:08}", autogiro_format::MPS_ID))
            .with("unit", format!("{unit:08}")),
        Fetching::AlreadyInBook => Said::new("event.already-in-book"),
        Fetching::Imported(imported) => Said::new("event.imported")
            .with("claims", imported.claims)
            .with("answered", imported.answered)
            .with("mandates", imported.mandates),
        Fetching::NotImported { error } => Said::new("event.not-imported").with("error", error),
        Fetching::Changed { then, now } => Said::new("event.changed")
            .with("then", then)
            .with("now", now),
    };
    of(name, said)
}

#[cfg(test)]
mod tests {
    use super::*;
    use autogiro_book::{Amount, BookError, Finding};

    /// Every event, in both languages: every place filled, the bokmål words not the English.
    #[test]
    #[allow(clippy::too_many_lines)] // A list of every event.
    fn every_event_is_said_in_both_languages() {
        let finding = Finding {
            assignment: 1,
            transaction_number: Some(3),
            payer: Some("12345".to_owned()),
            amount: Some(Amount::from_ore(12_500).unwrap()),
            code: Some(181),
            reason: Said::new("ledger.not-found"),
        };
        let send = |what| Event::Send {
            file: "claims.txt".to_owned(),
            what,
        };
        let fetch = |what| Event::Fetch {
            name: "answer.txt".to_owned(),
            what,
        };
        let remote = || "/outbox/claims.txt".to_owned();
        let events = [
            Event::HostKeyRecorded {
                host: "sftp.example".to_owned(),
                port: 22,
                fingerprint: "ssh-ed25519 SHA256:x".to_owned(),
                known_hosts: PathBuf::from("known_hosts"),
            },
            Event::WaitingForLock {
                lock: PathBuf::from("journal.lock"),
            },
            Event::InboxEmpty {
                inbox: "/inbox".to_owned(),
            },
            send(Sending::RecordedNow { earlier: remote() }),
            send(Sending::WouldResume { remote: remote() }),
            send(Sending::WouldSend {
                remote: remote(),
                size: 160,
            }),
            send(Sending::Sent {
                how: HowSent::Uploaded,
                remote: remote(),
                size: 160,
                book: InBook::Recorded,
            }),
            send(Sending::Sent {
                how: HowSent::FoundSent,
                remote: remote(),
                size: 160,
                book: InBook::Already,
            }),
            send(Sending::Sent {
                how: HowSent::Finished,
                remote: remote(),
                size: 160,
                book: InBook::Recorded,
            }),
            send(Sending::NothingToConfirm),
            send(Sending::WouldConfirm { remote: remote() }),
            send(Sending::Confirmed {
                remote: remote(),
                book: InBook::Recorded,
            }),
            send(Sending::NotSent(NotSent::Invalid {
                errors: 2,
                first: "line 1".to_owned(),
            })),
            send(Sending::NotSent(NotSent::FromMps)),
            send(Sending::NotSent(NotSent::SentBefore {
                earlier: remote(),
                sender: 1234,
                transmission: 7,
            })),
            send(Sending::NotSent(NotSent::Rejections(vec![
                finding.clone(),
                finding,
            ]))),
            send(Sending::NotSent(NotSent::OnServer { remote: remote() })),
            send(Sending::NotSent(NotSent::OtherOnServer {
                remote: remote(),
                found: 1,
                expected: 2,
            })),
            send(Sending::NotSent(NotSent::MaybeSent {
                remote: remote(),
                sender: 1234,
                transmission: 7,
            })),
            fetch(Fetching::Failed(Error::NoBook)),
            fetch(Fetching::FetchedBefore {
                archived: PathBuf::from("archive/answer.txt"),
            }),
            fetch(Fetching::WouldFetch { size: 160 }),
            fetch(Fetching::Fetched {
                archived: PathBuf::from("archive/answer.txt"),
            }),
            fetch(Fetching::Invalid {
                errors: 1,
                archived: PathBuf::from("archive/answer.txt"),
            }),
            fetch(Fetching::NotOurs {
                sender: 8080,
                recipient: 1,
                unit: 2,
            }),
            fetch(Fetching::AlreadyInBook),
            fetch(Fetching::NotImported {
                error: BookError::NotEmpty,
            }),
            fetch(Fetching::Changed { then: 1, now: 2 }),
        ];
        for event in &events {
            let (en, nb) = (event.said().render(Lang::En), event.said().render(Lang::Nb));
            assert!(!en.contains('{') && !nb.contains('{'), "{en} / {nb}");
            assert_ne!(en, nb, "{event:?}");
            assert_eq!(en, event.to_string());
        }
        // The lines of predicted rejections: each finding, then what to do.
        let rejections = events
            .iter()
            .find(|e| {
                matches!(
                    e,
                    Event::Send {
                        what: Sending::NotSent(NotSent::Rejections(_)),
                        ..
                    }
                )
            })
            .map(|e| e.said().render(Lang::Nb))
            .unwrap_or_default();
        assert_eq!(rejections.lines().count(), 3, "{rejections}");
        assert!(
            rejections.contains("MPS ville avvist: 181:"),
            "{rejections}"
        );
    }
}
