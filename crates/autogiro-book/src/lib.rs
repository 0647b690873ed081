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
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BookError {
    /// No book at the path (`autogiro book init` makes one).
    #[error("no book at {}: make one with `autogiro book init`", .0.display())]
    NoBook(PathBuf),
    /// The book was written by a newer version of autogiro.
    #[error(
        "the book has schema version {found}, newer than this autogiro knows ({known}): use a newer autogiro"
    )]
    Newer {
        /// The book's schema version.
        found: u32,
        /// The newest version this build knows.
        known: u32,
    },
    /// The book is of an older schema; `autogiro book init` migrates it.
    #[error(
        "the book has schema version {found}, older than this autogiro's ({known}): run `autogiro book init` to migrate it"
    )]
    Older {
        /// The book's schema version.
        found: u32,
        /// The version this build writes.
        known: u32,
    },
    /// The file has errors; it is not imported.
    #[error("{name} does not validate ({} error(s)), the first: {first}; nothing imported", .errors)]
    Invalid {
        /// The file's name.
        name: String,
        /// The number of errors.
        errors: usize,
        /// The first error.
        first: String,
    },
    /// The file could not be read.
    #[error("cannot read {name}: {message}; nothing imported")]
    Unreadable {
        /// The file's name.
        name: String,
        /// What the system said.
        message: String,
    },
    /// The file changed between the two passes of its import (its rules checked, then its
    /// records stored).
    #[error("{0} changed while it was being imported; nothing imported: import it again")]
    Changed(String),
    /// A different file was imported with the same transmission number.
    #[error(
        "transmission {number} of customer unit {sender:08} is already in the book as {other}, a different file: a transmission number is used once"
    )]
    TransmissionNumberUsed {
        /// The customer unit.
        sender: u32,
        /// The transmission number.
        number: u32,
        /// The name of the file that has it.
        other: String,
    },
    /// An assignment number still taken ([decision 23](docs/spec-decisions.md#decision-23)).
    #[error(
        "assignment number {number} of agreement {agreement_id:09} was used by {other} read on {used}; it may be used again from {free}"
    )]
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
    #[error(
        "{name} is {direction} customer unit {found:08}, not this book's {expected:08}; nothing imported"
    )]
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
    #[error("no unmatched answer {0} in the book (`autogiro book status --unmatched` lists them)")]
    NoSuchAnswer(i64),
    /// `book resolve` naming a claim the book does not have.
    #[error("no claim {0} in the book (`autogiro book status --all` lists them with their ids)")]
    NoSuchClaim(i64),
    /// `book resolve` of an answer to a claim it cannot answer.
    #[error("answer {answer} cannot be attributed to claim {claim}: {reason}")]
    CannotResolve {
        /// The answer.
        answer: i64,
        /// The claim.
        claim: i64,
        /// Why.
        reason: String,
    },
    /// `book init` of a database that holds tables of something else.
    #[error(
        "{location} holds other tables ({tables}) and no book: a book needs a database of its own"
    )]
    NotABook {
        /// The database, as shown to people.
        location: String,
        /// Some of the tables it holds.
        tables: String,
    },
    /// `book copy` into a book that already holds something.
    #[error("the book to copy into is not empty: copy into a new book")]
    NotEmpty,
    /// The storage failed (disk, locking, a corrupt file).
    #[error("the book's storage: {0}")]
    Storage(String),
    /// Data in the book could not be read back.
    #[error("the book holds data this autogiro cannot read: {0}")]
    Corrupt(String),
}

/// The README's example, run as a doc test so that it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
