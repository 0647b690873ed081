//! The payee's book: what was sent to Mastercard Payment Services (MPS), what MPS answered,
//! what is still outstanding, which numbers are taken, and which mandates MPS holds.
//!
//! A [`Book`] lives in an SQLite file (write-ahead log, so that several processes can use it;
//! a schema version, so that a newer book is refused by an older program) or a PostgreSQL
//! database ([`Book::open_at`] with a URL), each behind its feature: `sqlite` (the default)
//! and `postgres` (a PostgreSQL client, rustls and a tokio runtime, which a build of SQLite
//! alone does not compile). Everything one file
//! changes is written in one transaction: a crash leaves the book as it was before the file or
//! as after it, never between; importing the same file again changes nothing.
//!
//! * [`Book::import`] takes a file sent to MPS (its claims wait for an answer, its mandates
//!   are registered) or a file from MPS (settled and rejected claims are matched to the claims
//!   sent; mandate confirmations and full listings update the mandates).
//! * [`Book::check`] says which claims of a file MPS would reject, and why, with the same
//!   ledger code the simulator uses.
//! * [`Book::status`] counts claims by status and lists them: settled, rejected with the
//!   reason, and outstanding (no answer by the processing date + 3 business days).
//!
//! ```
//! use autogiro_book::{Book, ClaimStatus, Show};
//! use autogiro_model::ReadOptions;
//! use time::macros::date;
//!
//! let dir = tempfile::tempdir()?;
//! let mut book = Book::init(&dir.path().join("autogiro.db"))?;
//! let file = std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/ok/records-to-mps.txt"))?;
//! let imported = book.import("records-to-mps.txt", &file, date!(2026 - 01 - 12), &ReadOptions::new())?;
//! assert_eq!(imported.claims, 2);
//! let status = book.status(date!(2026 - 01 - 12), Show::Counts, None)?;
//! assert_eq!(status.count(ClaimStatus::Sent), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]

mod book;
mod db;
mod giro;
mod import;
mod matching;
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(feature = "sqlite")]
mod sqlite;

#[cfg(not(any(feature = "sqlite", feature = "postgres")))]
compile_error!(
    "autogiro-book keeps its book in SQLite or PostgreSQL: enable the feature `sqlite`, `postgres` or both"
);
mod rounds;
mod schema;
mod sorted;
mod sql;
mod states;
mod store;
mod tx;
mod views;

use std::path::PathBuf;

/// The model's types that this crate's signatures use.
pub use autogiro_model::{Amount, Date, Direction, Transmission};
pub use book::{
    Book, BookClaim, BookMandate, Export, Finding, HandledClaim, Imported, LimitNear,
    ListingChange, Made, MandateChange, MandateState, MonthCounts, MonthReport, NotAMonth,
    Preparing, REPORT_LISTED, Rejections, ReportMonth, Show, Status, Unmatched,
};
pub use giro::{GiroStatus, Payment};
pub use matching::MatchedBy;
pub use states::{ClaimStatus, GiroClaimStatus, GiroMandateStatus};

/// A book's location as shown to people: a PostgreSQL URL without its password, a path as it
/// is.
pub fn shown_location(location: &str) -> String {
    match (location.find("://"), location.find('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user = location.get(scheme + 3..at).unwrap_or_default();
            let user = user.split(':').next().unwrap_or_default();
            format!(
                "{}{user}@{}",
                location.get(..scheme + 3).unwrap_or_default(),
                location.get(at + 1..).unwrap_or_default()
            )
        }
        _ => location.to_owned(),
    }
}

/// Why the book could not do what was asked. Nothing was changed.
#[derive(Debug)]
#[non_exhaustive]
pub enum BookError {
    /// No book at the path (`autogiro book init` makes one).
    NoBook(PathBuf),
    /// The book was written by a newer version of autogiro.
    Newer {
        /// The book's schema version.
        found: u32,
        /// The newest version this build knows.
        known: u32,
    },
    /// The book is of an older schema; `autogiro book init` migrates it.
    Older {
        /// The book's schema version.
        found: u32,
        /// The version this build writes.
        known: u32,
    },
    /// The file has errors; it is not imported.
    Invalid {
        /// The file's name.
        name: String,
        /// The number of errors.
        errors: usize,
        /// The first error.
        first: String,
    },
    /// The file could not be read.
    Unreadable {
        /// The file's name.
        name: String,
        /// What the system said.
        message: String,
    },
    /// The file changed between the two passes of its import (its rules checked, then its
    /// records stored).
    Changed(String),
    /// A different file was imported with the same transmission number.
    TransmissionNumberUsed {
        /// The customer unit.
        sender: u32,
        /// The transmission number.
        number: u32,
        /// The name of the file that has it.
        other: String,
    },
    /// An assignment number still taken ([decision 23](docs/spec-decisions.md#decision-23)).
    AssignmentNumberTaken {
        /// The agreement.
        agreement_id: u32,
        /// The assignment number.
        number: u32,
        /// The file that used it.
        other: String,
        /// When that file was read.
        used: time::Date,
        /// The first day the number is free.
        free: time::Date,
    },
    /// A file of another customer unit than the book's: from MPS to another recipient, or
    /// to MPS from another sender (record 10, positions 9-16 and 17-24).
    OtherCustomerUnit {
        /// The file's name.
        name: String,
        /// `from MPS for` or `to MPS from`.
        direction: &'static str,
        /// The customer unit in the file.
        found: u32,
        /// The book's customer unit.
        expected: u32,
    },
    /// `book resolve` of an answer the book does not keep as unmatched.
    NoSuchAnswer(i64),
    /// `book resolve` naming a claim the book does not have.
    NoSuchClaim(i64),
    /// `book resolve` of an answer to a claim it cannot answer.
    CannotResolve {
        /// The answer.
        answer: i64,
        /// The claim.
        claim: i64,
        /// Why.
        reason: String,
    },
    /// `book init` of a database that holds tables of something else.
    NotABook {
        /// The database, as shown to people.
        location: String,
        /// Some of the tables it holds.
        tables: String,
    },
    /// `book copy` into a book that already holds something.
    NotEmpty,
    /// The storage failed (disk, locking, a corrupt file).
    Storage(String),
    /// Data in the book could not be read back.
    Corrupt(String),
}

impl BookError {
    /// What it says, in any language ([`Said::render`](autogiro_model::Said::render)); its
    /// `Display` is the English.
    pub fn said(&self) -> autogiro_model::Said {
        use autogiro_model::Said;
        match self {
            Self::NoBook(path) => Said::new("err.book.no-book").with("path", path.display()),
            Self::Newer { found, known } => Said::new("err.book.newer")
                .with("found", found)
                .with("known", known),
            Self::Older { found, known } => Said::new("err.book.older")
                .with("found", found)
                .with("known", known),
            Self::Invalid {
                name,
                errors,
                first,
            } => Said::new("err.book.invalid")
                .with("name", name)
                .with("errors", errors)
                .with("first", first),
            Self::Unreadable { name, message } => Said::new("err.book.unreadable")
                .with("name", name)
                .with("message", message),
            Self::Changed(name) => Said::new("err.book.changed").with("name", name),
            Self::TransmissionNumberUsed {
                sender,
                number,
                other,
            } => Said::new("err.book.transmission-used")
                .with("number", number)
                .with("sender", format!("{sender:08}"))
                .with("other", other),
            Self::AssignmentNumberTaken {
                agreement_id,
                number,
                other,
                used,
                free,
            } => Said::new("err.book.assignment-taken")
                .with("number", number)
                .with("agreement", format!("{agreement_id:09}"))
                .with("other", other)
                .with("used", used)
                .with("free", free),
            Self::OtherCustomerUnit {
                name,
                direction,
                found,
                expected,
            } => Said::new(if direction.starts_with("from") {
                "err.book.other-unit-from"
            } else {
                "err.book.other-unit-to"
            })
            .with("name", name)
            .with("found", format!("{found:08}"))
            .with("expected", format!("{expected:08}")),
            Self::NoSuchAnswer(id) => Said::new("err.book.no-such-answer").with("id", id),
            Self::NoSuchClaim(id) => Said::new("err.book.no-such-claim").with("id", id),
            Self::CannotResolve {
                answer,
                claim,
                reason,
            } => Said::new("err.book.cannot-resolve")
                .with("answer", answer)
                .with("claim", claim)
                .with("reason", reason),
            Self::NotABook { location, tables } => Said::new("err.book.not-a-book")
                .with("location", location)
                .with("tables", tables),
            Self::NotEmpty => Said::new("err.book.not-empty"),
            Self::Storage(e) => Said::new("err.book.storage").with("error", e),
            Self::Corrupt(e) => Said::new("err.book.corrupt").with("error", e),
        }
    }
}

/// [`BookError::said`] in English.
impl std::fmt::Display for BookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said().render(autogiro_model::Lang::En))
    }
}

impl std::error::Error for BookError {}

/// The README's example, run as a doc test so that it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
