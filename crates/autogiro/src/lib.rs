//! Norwegian **Autogiro** direct-debit files of Mastercard Payment Services (MPS, formerly
//! Nets/BBS): the front door to the autogiro-rs crates, each behind a feature so that a user
//! picks only what they need.
//!
//! | feature | module | what |
//! |---|---|---|
//! | `checksum` | [`checksum`] | modulus 10 / 11, KID, account and organisation numbers (`no_std`) |
//! | `format` | [`format`](mod@format) | the 80-column records, read and written byte for byte |
//! | `model` | [`model`] | transmissions, every rule of the spec, builders; [`read_file`], [`validate_file`], [`write_file`] |
//! | `ledger` | [`ledger`] | business days, the mandate register, limits, the MPS simulator |
//! | `model` | [`rows`] | claims and mandates from rows of named columns (billing data), and back |
//! | `book` | [`book`] | the payee's book, in SQLite: what was sent, answered, outstanding |
//! | `postgres` | [`book`] | the same book in PostgreSQL too (a client, rustls, a tokio runtime) |
//! | `transfer` | [`transfer`] | SFTP to and from MPS: key pairs, pinned host keys, rename when complete |
//! | `payee` | [`payee`], [`settings`] | the payee's jobs: `autogiro.toml`, sending each file at most once, fetching into the book |
//! | `serde` | | JSON for the model and the ledger's state |
//!
//! The default is all but `serde`, `transfer` (which brings an SSH implementation) and `payee`
//! (which needs it; `settings` is its old name). `default-features = false, features = ["checksum"]` builds
//! the check digits and nothing else.
//!
//! ```
//! # #[cfg(feature = "model")] {
//! let dir = std::env::temp_dir().join(format!("autogiro-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let path = dir.join("claims.txt");
//!
//! // Write a file (checked against every rule first) and validate it, each in one call.
//! use autogiro::model::{payer_reference, Amount, AssignmentHeader, Claim, ClaimsAssignment};
//! let options = autogiro::model::ReadOptions::new().today(time::macros::date!(2026 - 01 - 10));
//! let payee = autogiro::checksum::AccountNumber::parse("1234.56.78903")?;
//! let mut claims = ClaimsAssignment::new(AssignmentHeader::new(56789, 1, payee));
//! let due = time::macros::date!(2026 - 01 - 15);
//! claims.push(Claim::new(due, payer_reference("12345")?, Amount::from_ore(125_00)?).with_short_name("Nordmann")?)?;
//! let mut transmission = autogiro::model::Transmission::to_mps(12345, 1);
//! transmission.push(claims)?;
//! autogiro::write_file(&transmission, &path, &options)?;
//! let report = autogiro::validate_file(&path, &options)?;
//! assert!(report.is_valid());
//! let read = autogiro::read_file(&path, &options)?;
//! assert_eq!(read.transmission, transmission);
//! # std::fs::remove_dir_all(&dir)?;
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]

#[cfg(feature = "book")]
pub use autogiro_book as book;
#[cfg(feature = "checksum")]
pub use autogiro_checksum as checksum;
#[cfg(feature = "format")]
pub use autogiro_format as format;
#[cfg(feature = "ledger")]
pub use autogiro_ledger as ledger;
#[cfg(feature = "model")]
pub use autogiro_model as model;
#[cfg(feature = "payee")]
pub use autogiro_payee as payee;
#[cfg(feature = "payee")]
pub use autogiro_payee::settings;
#[cfg(feature = "transfer")]
pub use autogiro_transfer as transfer;

#[cfg(feature = "model")]
pub use autogiro_model::rows;

/// Files put in place whole, lock files, folders synced, SHA-256 in hex: `autogiro-files`.
#[cfg(feature = "model")]
pub use autogiro_files as files;
#[cfg(feature = "model")]
pub use autogiro_files::AtomicFile;

#[cfg(feature = "model")]
mod helpers {
    use std::fs::File;
    use std::io::{self, BufWriter, Write as _};
    use std::path::Path;

    use autogiro_format::AlignedReader;
    use autogiro_model::{Read, ReadOptions, Report, Transmission, WriteError};

    /// The buffer for reading files: large reads keep the record reader fed; aligned, so that
    /// the kernel's copy into it runs at full speed.
    const BUFFER: usize = 1 << 18;

    /// Reads the file at `path` into a transmission with all its diagnostics.
    ///
    /// # Errors
    ///
    /// The file could not be opened. Problems in its content are diagnostics, not errors.
    pub fn read_file(path: impl AsRef<Path>, options: &ReadOptions) -> io::Result<Read> {
        let file = File::open(path)?;
        Ok(Transmission::read(
            AlignedReader::with_capacity(BUFFER, file),
            options,
        ))
    }

    /// Validates the file at `path` in one streaming pass, in constant memory.
    ///
    /// # Errors
    ///
    /// The file could not be opened.
    pub fn validate_file(path: impl AsRef<Path>, options: &ReadOptions) -> io::Result<Report> {
        let file = File::open(path)?;
        Ok(autogiro_model::validate(
            AlignedReader::with_capacity(BUFFER, file),
            options,
        ))
    }

    /// Writes `transmission` to `path` (CRLF line breaks, end records computed), only if the
    /// file passes every rule as [`validate_file`] reads it with `options` (so the 12-month
    /// window of due dates is checked against `options.today`).
    ///
    /// The file is written beside the target under a temporary name, validated there in one
    /// streaming pass, and renamed into place only when valid, so neither an invalid file nor
    /// a crash or a full disk leaves a payment file where the old one stood.
    ///
    /// # Errors
    ///
    /// [`WriteError::Invalid`] with every diagnostic; a value that does not fit;
    /// [`WriteError::Io`].
    pub fn write_file(
        transmission: &Transmission,
        path: impl AsRef<Path>,
        options: &ReadOptions,
    ) -> Result<Report, WriteError> {
        let io = |source| WriteError::Io { source };
        let mut file = crate::AtomicFile::create(path).map_err(io)?;
        let mut out = BufWriter::new(&mut file);
        transmission.write(&mut out)?;
        out.flush().map_err(io)?;
        drop(out);
        let report = validate_file(file.temp_path(), options).map_err(io)?;
        if !report.is_valid() {
            return Err(WriteError::Invalid(report));
        }
        file.commit(true).map_err(io)?;
        Ok(report)
    }
}

#[cfg(feature = "model")]
pub use helpers::{read_file, validate_file, write_file};

/// Defines [`Error`] with a variant, a `From` and the `Display` and `source` of each layer's
/// error, each behind its feature (written by hand, so that the check digits alone pull in no
/// other crate).
macro_rules! error {
    ($( $(#[$doc:meta])* [$($feature:literal)?] $variant:ident($ty:ty), )+) => {
        /// Any error of the layers picked, so that `?` works across them in a user's function
        /// that returns `Result<_, autogiro::Error>`: a check digit, an amount or a date as
        /// people write them, a builder's refusal, a file that would not validate, a row of
        /// billing data, the settings, I/O.
        #[derive(Debug)]
        #[non_exhaustive]
        pub enum Error {
            $( $(#[$doc])* $(#[cfg(feature = $feature)])? $variant($ty), )+
        }

        $(
            $(#[cfg(feature = $feature)])?
            impl From<$ty> for Error {
                fn from(e: $ty) -> Self {
                    Self::$variant(e)
                }
            }
        )+

        impl std::fmt::Display for Error {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self {
                    $( $(#[cfg(feature = $feature)])? Self::$variant(e) => e.fmt(f), )+
                }
            }
        }

        impl std::error::Error for Error {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                match self {
                    $( $(#[cfg(feature = $feature)])? Self::$variant(e) => e.source(), )+
                }
            }
        }
    };
}

error! {
    /// A check digit, an account or organisation number, a KID.
    ["checksum"] Checksum(autogiro_checksum::ChecksumError),
    /// A value that does not fit its field.
    ["format"] Value(autogiro_format::ValueError),
    /// An amount.
    ["model"] Amount(autogiro_model::AmountError),
    /// A date as people write it.
    ["model"] Date(autogiro_model::DateError),
    /// What a builder refused.
    ["model"] Build(autogiro_model::BuildError),
    /// A transmission that could not be written, or would not validate.
    ["model"] Write(autogiro_model::WriteError),
    /// A row of billing data, or its header.
    ["model"] Rows(rows::RowErrors),
    /// What the mandate register refused.
    ["ledger"] Ledger(autogiro_ledger::RegisterError),
    /// The settings.
    ["settings"] Settings(settings::SettingsError),
    /// The book.
    ["book"] Book(autogiro_book::BookError),
    /// Moving a file to or from MPS.
    ["transfer"] Transfer(autogiro_transfer::TransferError),
    /// Reading or writing a file.
    [] Io(std::io::Error),
}

/// The guide of the daily jobs (`docs/guide.md`): its Rust is run as a doc test so that it
/// stays true.
#[cfg(all(doctest, feature = "ledger", feature = "payee"))]
#[doc = include_str!("../../../docs/guide.md")]
pub struct GuideDoctests;

/// The README's example, run as a doc test so that it stays true.
#[cfg(all(doctest, feature = "ledger"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
