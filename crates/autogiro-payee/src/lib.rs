//! The payee's jobs with the Autogiro files of Mastercard Payment Services (MPS): the settings
//! of `autogiro.toml` ([`settings`]), and [`Payee`], which sends files to MPS at most once and
//! fetches MPS's answers into the book, over SFTP, with a journal that makes a run after a
//! crash or a lost connection send nothing twice and import nothing twice. `autogiro send`,
//! `autogiro fetch` and `autogiro transfer confirm` are these functions and a line printed
//! for each [`Event`].
//!
//! What it guarantees, whoever calls it:
//!
//! - **At most once.** A file is staged under a hidden name, the rename that hands it to MPS
//!   is journalled before it is asked, and a file whose rename may have reached the server is
//!   never uploaded again unless told ([`Send::resend`]): a claims file sent twice charges
//!   every payer twice. [`Payee::confirm`] records one that MPS's receipt shows arrived.
//! - **Checked before it goes.** A file with errors, one from MPS, one sent before (same
//!   content, or same transmission number of the same data sender) or one the book predicts
//!   MPS will reject in part ([`Send::accept_rejections`]) is not sent.
//! - **Remote names are data, never paths.** Only a plain file name is fetched (no `/`, `\`,
//!   NUL or control character, not hidden, at most 200 bytes, UTF-8); anything else is
//!   reported and left on the server, and the rest of the inbox is fetched all the same. The
//!   journal lives in a hidden folder of the archive that no remote name reaches.
//! - **Only MPS's files for this payee are imported**, and a file is removed from the server
//!   only once it is archived, imported, and unchanged since it was listed.
//! - **A dry run is pure**: no file, journal or book is changed.
//!
//! ```no_run
//! use autogiro_payee::{Payee, Send, settings::Settings};
//!
//! let settings = Settings::load(None)?;
//! let book = autogiro_book::Book::open(std::path::Path::new("autogiro.db"))?;
//! let today = time::macros::date!(2026 - 01 - 10);
//! let mut payee = Payee::new(settings, today).book(book);
//! let files = [std::path::PathBuf::from("claims.txt")];
//! let sent = payee.send(&files, Send::default(), |event| println!("{event}"))?;
//! let fetched = payee.fetch(false, |event| println!("{event}"))?;
//! assert_eq!(sent.problems + fetched.problems, 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The README runs a send and a fetch against a real OpenSSH server.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use autogiro_book::{Book, BookError};
use autogiro_format::{AlignedReader, Direction, Reader, Record};
use autogiro_model::{Diagnostic, ReadOptions, Said};
use autogiro_transfer::{Connection, TransferError};
use time::Date;

mod daily;
mod event;
mod fetch;
mod journal;
mod make;
mod report;
mod send;
pub mod settings;

pub use autogiro_i18n::Lang;
pub use daily::Daily;
pub use event::{Event, Fetching, HowSent, InBook, NotSent, Sending};
pub use make::{MadeFile, Making, NotMade, Numbers, Output, RowEvent, Table, Visitor};
pub use report::report_html;
pub use send::Send;

use settings::{Settings, TransferSettings};

/// An error that stops a job (a file that merely cannot be sent or fetched is an [`Event`]).
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A local file or folder.
    Io {
        /// What was being done: its key in the catalogue (`io.read`, `io.write`, ...).
        what: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// A line of the transfer journal is damaged (not the last, which a crash may cut).
    Journal {
        /// The journal.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The job imports into the book, and none is kept.
    NoBook,
    /// A file is to take its numbers from the book, and none is kept.
    NoBookForNumbers,
    /// A file could not be made from rows, in any language.
    Make(Said),
    /// The settings have no `[transfer]`.
    NoTransferSettings,
    /// The server's host key is not in `known_hosts`.
    UnknownHostKey(TransferError),
    /// SFTP.
    Transfer(TransferError),
    /// The book.
    Book(BookError),
    /// A file was sent but could not be recorded in the book.
    NotRecorded {
        /// The file.
        file: String,
        /// Why.
        source: BookError,
    },
    /// A file does not start with a transmission start.
    NoTransmissionStart {
        /// The file.
        path: PathBuf,
    },
    /// A file's first line is no record.
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A file changed on the server while it was downloaded.
    ChangedWhileDownloading {
        /// Its size when listed.
        listed: u64,
        /// The bytes that came.
        downloaded: u64,
    },
}

impl Error {
    /// What it says, in any language ([`Said::render`]); its `Display` is the English.
    pub fn said(&self) -> Said {
        match self {
            Self::Io { what, path, source } => Said::new("err.io")
                .with_words("what", Said::new(what))
                .with("path", path.display())
                .with("error", source),
            Self::Journal {
                path,
                line,
                message,
            } => Said::new("err.journal")
                .with("path", path.display())
                .with("line", line)
                .with("message", message),
            Self::NoBook => Said::new("err.payee.no-book"),
            Self::NoBookForNumbers => Said::new("err.payee.no-book-for-numbers"),
            Self::Make(m) => m.clone(),
            Self::NoTransferSettings => Said::new("err.payee.no-transfer"),
            Self::UnknownHostKey(e) => {
                Said::new("err.payee.unknown-host-key").with_words("error", e.said())
            }
            Self::Transfer(e) => e.said(),
            Self::Book(e) => e.said(),
            Self::NotRecorded { file, source } => Said::new("err.payee.not-recorded")
                .with("file", file)
                .with_words("error", source.said()),
            Self::NoTransmissionStart { path } => {
                Said::new("err.payee.no-start").with("path", path.display())
            }
            Self::Unreadable { path, message } => Said::new("err.payee.unreadable")
                .with("path", path.display())
                .with("message", message),
            Self::ChangedWhileDownloading { listed, downloaded } => {
                Said::new("err.payee.changed-downloading")
                    .with("listed", listed)
                    .with("downloaded", downloaded)
            }
        }
    }
}

/// [`Error::said`] in English.
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said().render(Lang::En))
    }
}

/// Its message says its cause (the system's error, the book's, the transfer's): no source is
/// told again after it.
impl std::error::Error for Error {}

impl From<TransferError> for Error {
    fn from(e: TransferError) -> Self {
        Self::Transfer(e)
    }
}

impl From<BookError> for Error {
    fn from(e: BookError) -> Self {
        Self::Book(e)
    }
}

impl Error {
    /// A closure that makes an I/O error about `path`, for `map_err`; `what` is the
    /// catalogue's key of what was being done (`io.read`).
    fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.to_path_buf();
        move |source| Self::Io { what, path, source }
    }
}

/// What a job did: how many of its events were problems ([`Event::is_problem`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct Done {
    /// Files not sent, not fetched or not imported.
    pub problems: usize,
}

/// The payee, with what its jobs need: the settings, the book (if one is kept), the day, and
/// how to read files. [`Payee::send`], [`Payee::fetch`], [`Payee::confirm`].
pub struct Payee {
    settings: Settings,
    book: Option<Book>,
    options: ReadOptions,
    today: Date,
    dry_run: bool,
    accept_new_host_key: bool,
    passphrase: Option<String>,
}

impl Payee {
    /// The payee of `settings` on `today` (the date in Oslo: `autogiro_ledger::today_in_oslo`),
    /// with no book; files read with `today` as the day they are read.
    pub fn new(settings: Settings, today: Date) -> Self {
        Self {
            settings,
            book: None,
            options: ReadOptions::new().today(today),
            today,
            dry_run: false,
            accept_new_host_key: false,
            passphrase: None,
        }
    }

    /// Keeps the payee's book: files sent and fetched are recorded in it, and a file is
    /// checked against it before it goes.
    #[must_use]
    pub fn book(mut self, book: Book) -> Self {
        self.book = Some(book);
        self
    }

    /// Reads files with `options` (their `today` included).
    #[must_use]
    pub fn options(mut self, options: ReadOptions) -> Self {
        self.options = options;
        self
    }

    /// Says what would be done and changes nothing: no upload, download, journal or book.
    #[must_use]
    pub fn dry_run(mut self) -> Self {
        self.dry_run = true;
        self
    }

    /// Records a server key `known_hosts` does not have yet (OpenSSH's `accept-new`); a
    /// changed key is refused whatever this says.
    #[must_use]
    pub fn accept_new_host_key(mut self) -> Self {
        self.accept_new_host_key = true;
        self
    }

    /// The passphrase of the private key file.
    #[must_use]
    pub fn passphrase(mut self, passphrase: String) -> Self {
        self.passphrase = Some(passphrase);
        self
    }

    /// The book, if one is kept.
    pub fn book_mut(&mut self) -> Option<&mut Book> {
        self.book.as_mut()
    }

    /// The `[transfer]` settings.
    ///
    /// # Errors
    ///
    /// [`Error::NoTransferSettings`].
    pub fn transfer_settings(&self) -> Result<&TransferSettings, Error> {
        self.settings
            .transfer
            .as_ref()
            .ok_or(Error::NoTransferSettings)
    }

    /// Connects to MPS as the settings say; a host key recorded is told to `on`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownHostKey`] (with the hint to record it), or the connection's
    /// [`TransferError`].
    pub fn connect(&self, on: &mut impl FnMut(Event)) -> Result<Connection, Error> {
        let t = self.transfer_settings()?;
        let config = t.connection(self.passphrase.clone(), self.accept_new_host_key);
        let connection = Connection::open(config).map_err(|e| match e {
            TransferError::UnknownHostKey { .. } => Error::UnknownHostKey(e),
            other => Error::Transfer(other),
        })?;
        let key = connection.host_key();
        if key.recorded {
            on(Event::HostKeyRecorded {
                host: t.host.clone(),
                port: t.port,
                fingerprint: key.fingerprint.clone(),
                known_hosts: t.known_hosts.clone(),
            });
        }
        Ok(connection)
    }

    /// The journal, under its lock (waiting for another run is told to `on`).
    fn journal(&self, on: &mut impl FnMut(Event)) -> Result<journal::Journal, Error> {
        let t = self.transfer_settings()?;
        journal::Journal::open(
            &t.journal(),
            &t.archive.join("transfer-journal.jsonl"),
            |lock| {
                on(Event::WaitingForLock {
                    lock: lock.to_path_buf(),
                });
            },
        )
    }
}

/// Counts the problems among the events a job tells `on`.
fn counting(on: &mut impl FnMut(Event), done: &mut Done) -> impl FnMut(Event) {
    move |event| {
        if event.is_problem() {
            done.problems += 1;
        }
        on(event);
    }
}

/// The number of errors of the file at `path`, and the first, in one streaming pass that keeps
/// nothing else: a file of any size, garbage included, is checked in the memory of a few
/// records (every file sent or fetched is checked so).
fn errors_of(path: &Path, options: &ReadOptions) -> Result<(u64, Option<Diagnostic>), Error> {
    let file = File::open(path).map_err(Error::io("io.read", path))?;
    let mut errors = 0;
    let mut first = None;
    autogiro_model::validate_each(AlignedReader::with_capacity(1 << 18, file), options, |d| {
        if d.is_error() {
            errors += 1;
            first.get_or_insert(d);
        }
    });
    Ok((errors, first))
}

/// Record 10 of a file: its direction, data sender, transmission number and data recipient.
fn transmission_start(path: &Path) -> Result<(Direction, u32, u32, u32), Error> {
    let file = File::open(path).map_err(Error::io("io.read", path))?;
    let mut reader = Reader::new(BufReader::new(file));
    match reader.next() {
        Some(Ok((_, Record::TransmissionStart(start)))) => Ok((
            reader.context().direction,
            start.sender,
            start.transmission_number,
            start.recipient,
        )),
        Some(Ok(_)) | None => Err(Error::NoTransmissionStart {
            path: path.to_path_buf(),
        }),
        Some(Err(e)) => Err(Error::Unreadable {
            path: path.to_path_buf(),
            message: e.to_string(),
        }),
    }
}

/// The SHA-256 of a file, read in chunks, as the book hashes it.
fn sha256_of(path: &Path) -> Result<String, Error> {
    File::open(path)
        .and_then(autogiro_files::sha256_hex_of)
        .map_err(Error::io("io.read", path))
}

/// A file's bytes.
fn bytes_of(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(Error::io("io.read", path))
}

/// A file opened to be read (by the book, which reads it in parts).
fn opened(path: &Path) -> Result<std::fs::File, Error> {
    std::fs::File::open(path).map_err(Error::io("io.read", path))
}

/// The name of a file, as the journal and the book keep it.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The README's example, run as a doc test so that it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
