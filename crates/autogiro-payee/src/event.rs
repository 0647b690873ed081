//! What the payee's jobs say as they go ([`Event`]), each a line for the person at the desk.

use std::fmt;
use std::path::PathBuf;

use autogiro_book::{Finding, Imported};

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

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::HostKeyRecorded {
                host,
                port,
                fingerprint,
                known_hosts,
            } => write!(
                f,
                "{host}:{port}: host key {fingerprint} recorded in {}",
                known_hosts.display()
            ),
            Self::WaitingForLock { lock } => write!(
                f,
                "{}: another send or fetch is running; waiting for it",
                lock.display()
            ),
            Self::InboxEmpty { inbox } => write!(f, "inbox {inbox}: nothing to fetch"),
            Self::Send { file, what } => sending(f, file, what),
            Self::Fetch { name, what } => fetching(f, name, what),
        }
    }
}

fn sending(f: &mut fmt::Formatter<'_>, file: &str, what: &Sending) -> fmt::Result {
    match what {
        Sending::NotSent(why) => not_sent(f, file, why),
        Sending::RecordedNow { earlier } => write!(
            f,
            "{file}: sent earlier as {earlier} by a run that stopped; now in the book"
        ),
        Sending::WouldResume { remote } => write!(
            f,
            "{file}: an earlier run stopped while renaming it to {remote} on the server: send looks there first and uploads nothing twice"
        ),
        Sending::WouldSend { remote, size } => {
            write!(f, "{file}: would be sent as {remote} ({size} bytes)")
        }
        Sending::Sent {
            how,
            remote,
            size,
            book,
        } => {
            let how = match how {
                HowSent::Uploaded => "sent as",
                HowSent::FoundSent => "found sent, by a run that stopped before it said so, as",
                HowSent::Finished => "sent (its earlier run stopped before the rename) as",
            };
            write!(f, "{file}: {how} {remote} ({size} bytes){book}")
        }
        Sending::NothingToConfirm => write!(
            f,
            "{file}: nothing to confirm: no run stopped while renaming this file on the server"
        ),
        Sending::WouldConfirm { remote } => {
            write!(f, "{file}: would be recorded as sent as {remote}")
        }
        Sending::Confirmed { remote, book } => {
            write!(f, "{file}: recorded as sent as {remote}{book}")
        }
    }
}

impl fmt::Display for InBook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NoBook => "",
            Self::Recorded => "; recorded in the book",
            Self::Already => "; the book had it",
        })
    }
}

fn not_sent(f: &mut fmt::Formatter<'_>, file: &str, why: &NotSent) -> fmt::Result {
    match why {
        NotSent::Invalid { errors, first } => write!(
            f,
            "{file}: not sent: {errors} error(s), the first: {first} (autogiro validate {file} shows all)"
        ),
        NotSent::FromMps => write!(f, "{file}: not sent: a file from MPS, not one for it"),
        NotSent::SentBefore {
            earlier,
            sender,
            transmission,
        } => write!(
            f,
            "{file}: not sent: sent before as {earlier}, with the same content or transmission number {transmission:07} of data sender {sender:08}; --resend sends it again"
        ),
        NotSent::Rejections(findings) => {
            for finding in findings {
                writeln!(f, "{file}: {finding}")?;
            }
            write!(
                f,
                "{file}: not sent: the book predicts {} rejection(s) by MPS (listed above, as `autogiro book check` lists them); fix them, or send with --accept-rejections",
                findings.len()
            )
        }
        NotSent::OnServer { remote } => write!(
            f,
            "{file}: not sent: {remote} is on the server already, not yet taken by MPS"
        ),
        NotSent::OtherOnServer {
            remote,
            found,
            expected,
        } => write!(
            f,
            "{file}: not sent: {remote} is on the server with {found} bytes, not this file's {expected}"
        ),
        NotSent::MaybeSent {
            remote,
            sender,
            transmission,
        } => write!(
            f,
            "{file}: not sent: it may have reached MPS already: it was being renamed to {remote} when the connection was lost or the run stopped, and it is no longer on the server. Look in MPS's receipt for transmission {transmission:07} of data sender {sender:08}: if it arrived, `autogiro transfer confirm {file}` records it as sent; if not, `autogiro send --resend {file}` sends it"
        ),
    }
}

fn fetching(f: &mut fmt::Formatter<'_>, name: &str, what: &Fetching) -> fmt::Result {
    match what {
        Fetching::RefusedName { why } => {
            write!(f, "{name:?}: not fetched: {why}; left on the server")
        }
        Fetching::Failed(e) => write!(f, "{name}: {e}; left on the server"),
        Fetching::FetchedBefore { archived } => {
            write!(f, "{name}: fetched before, in {}", archived.display())
        }
        Fetching::WouldFetch { size } => write!(f, "{name}: would be fetched ({size} bytes)"),
        Fetching::Fetched { archived } => {
            write!(f, "{name}: fetched to {}", archived.display())
        }
        Fetching::Invalid { errors, archived } => write!(
            f,
            "{name}: {errors} error(s) (autogiro validate {} shows them); not imported, left on the server",
            archived.display()
        ),
        Fetching::NotOurs {
            sender,
            recipient,
            unit,
        } => write!(
            f,
            "{name}: from data sender {sender:08} to data recipient {recipient:08}, not from MPS ({:08}) to this payee ({unit:08}); not imported, left on the server",
            autogiro_format::MPS_ID
        ),
        Fetching::AlreadyInBook => write!(f, "{name}: already in the book"),
        Fetching::Imported(imported) => write!(
            f,
            "{name}: imported: {} claim(s), {} answer(s), {} mandate(s)",
            imported.claims, imported.answered, imported.mandates
        ),
        Fetching::NotImported { error } => {
            write!(f, "{name}: not imported: {error}; left on the server")
        }
        Fetching::Changed { then, now } => write!(
            f,
            "{name}: changed on the server since it was fetched ({then} bytes then, {now} now); left there, the next fetch takes it"
        ),
    }
}
