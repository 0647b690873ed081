//! Norwegian Autogiro transmissions as data: claims, mandates, settlements and rejections; and
//! AvtaleGiro's claims, cancellation requests and mandates and OCR giro's payments, which come
//! in the same files (their rules: decisions A1-A9 and O1-O6 of `docs/spec-decisions.md`).
//!
//! This is where a file stops being lines and becomes a [`Transmission`] a payee's system can
//! trust, or reject with reasons. [`Transmission::read`] assembles the records of
//! `autogiro-format` into the model and checks every rule of the specification across records
//! (order, pairing of items 1 and 2, consecutive numbers, counts, sums and dates of every end
//! record, specification limits, mandate posts, check digits, the 12-month window), returning
//! **all** [`Diagnostic`]s, not only the first. [`validate`] checks the same rules while keeping
//! only counters, in constant memory, for files of any size; [`Transmission::read_in_parts`]
//! hands the model on a part at a time, for a consumer that stores it. Builders write correct files: they
//! number transactions themselves and [`Transmission::write`] computes every end record.
//!
//! ```
//! use autogiro_checksum::{AccountNumber, Kid, Modulus};
//! use autogiro_model::{
//!     payer_reference, Amount, AssignmentHeader, Claim, ClaimsAssignment, ReadOptions, Transmission,
//! };
//! use time::macros::date;
//!
//! // Build a claims file.
//! let account = AccountNumber::parse("1234.56.78903")?;
//! let mut claims = ClaimsAssignment::new(AssignmentHeader::new(56789, 1, account));
//! let claim = Claim::new(date!(2026 - 01 - 15), payer_reference("12345")?, Amount::from_ore(125_00)?)
//!     .with_kid(Kid::with_check_digit("12345678", Modulus::Mod10)?)
//!     .with_short_name("Nordmann")?
//!     .with_own_reference("Faktura 2026-001")?;
//! claims.push(claim)?;
//! let mut transmission = Transmission::to_mps(12345, 17);
//! transmission.push(claims)?;
//! let mut file = Vec::new();
//! transmission.write(&mut file)?;
//!
//! // Read it back: the same transmission, and nothing to complain about.
//! let read = Transmission::read(&file[..], &ReadOptions::new());
//! assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
//! assert_eq!(read.transmission, transmission);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]

mod amount;
mod assemble;
mod avtalegiro;
mod beside;
mod build;
mod check;
mod describe;
mod diagnostic;
mod human;
mod inspection;
mod limits;
mod model;
mod ocr;
mod options;
mod pairing;
mod parts;
pub mod rows;
mod said;
#[cfg(feature = "serde")]
mod serde_util;
mod stream;
mod summary;
mod write;
mod written;

use std::io::BufRead;
use std::ops::ControlFlow;

use autogiro_format::Reader;

// The types of other crates that this crate's signatures use, so that a user needs no other
// dependency to call it.
pub use autogiro_checksum::{AccountNumber, ChecksumError, Kid, Modulus, OrganisationNumber};
pub use autogiro_format::{
    AssignmentType, ClaimType, Direction, ErrorCode, MandateType, PaddedDigits, PeriodCode, Record,
    RegistrationType, Text, ValueError,
};
pub use rust_decimal::Decimal;
pub use time::{Date, Month};

pub use amount::{Amount, AmountError};
pub use avtalegiro::{
    AvtaleGiroCancellations, AvtaleGiroClaim, AvtaleGiroClaims, AvtaleGiroMandate,
    AvtaleGiroMandates, AvtaleGiroNames,
};
pub use build::{BuildError, MandateLimit, payer_reference};
pub use diagnostic::{Code, Diagnostic, SHOWN_CHARACTERS, Severity, line_as_shown};
pub use human::{DateError, parse_date};
pub use inspection::Inspection;
pub use model::{
    Assignment, AssignmentHeader, AssignmentKind, Claim, ClaimsAssignment, ListingPost, Mandate,
    MandatesAssignment, MpsMandate, Organisation, PayerDetails, PayerReference, RejectedAssignment,
    RejectedClaim, SettledAssignment, SpecificationLine, Transmission,
};
pub use ocr::{OcrAssignment, OcrPayment};
pub use options::{Edition, KidCheck, ReadOptions};
pub use parts::{Part, PartsRead};
pub use said::{Lang, Said, checksum_said, error_code_keys};
pub use stream::TransmissionWriter;
pub use summary::{AssignmentSummary, CodeTally, MandateTally, Summary};
pub use write::WriteError;

/// A transmission read, with every diagnostic found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    /// What could be read. When `diagnostics` hold errors it is incomplete: items whose fields
    /// could not be represented (an account number with a wrong check digit) are left out,
    /// each named by an error.
    pub transmission: Transmission,
    /// Every error and warning, in line order.
    pub diagnostics: Vec<Diagnostic>,
    /// Where each assignment lies in the file, in file order, including those the model could
    /// not hold: what a diagnostic's line belongs to.
    pub spans: Vec<AssignmentSpan>,
}

/// Where an assignment lies in a file read: from its start (record 20) to its end (record 88).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentSpan {
    /// Record 20's agreement id.
    pub agreement_id: u32,
    /// Record 20's assignment number.
    pub assignment_number: u32,
    /// The first and last line, 1-based. An assignment without an end runs to the line before
    /// the next start or the transmission end, or to the last line of the file.
    pub lines: std::ops::RangeInclusive<u64>,
    /// Its index in [`Read::transmission`]'s assignments; `None` when the model could not
    /// hold it (an assignment account with a wrong check digit).
    pub assignment: Option<usize>,
}

impl Read {
    /// The span of the assignment that `line` belongs to, if any.
    pub fn span_of(&self, line: u64) -> Option<&AssignmentSpan> {
        self.spans.iter().find(|s| s.lines.contains(&line))
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// What streaming validation found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// Every error and warning, in line order.
    pub diagnostics: Vec<Diagnostic>,
    /// The number of lines read.
    pub lines: u64,
}

impl Report {
    /// The number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// The number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// Whether the file has no error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.errors() == 0
    }
}

impl Transmission {
    /// Reads a whole file into the model, checking every rule; never fails, never panics.
    /// Past its first 4096 records, the input is read, parsed and checked on a second thread
    /// while this one assembles the model (hence `Send`); where no thread can start, all on
    /// this one, with the same result.
    pub fn read<R: BufRead + Send>(input: R, options: &ReadOptions) -> Read {
        Self::read_input(beside::Input::Direct(input), options)
    }

    /// [`Transmission::read`] of a file already in memory: the same model and diagnostics,
    /// the bytes parsed where they lie (a reader of a file is read ahead in chunks on the
    /// caller's thread while the other parses; bytes in memory need no reading).
    pub fn read_slice(bytes: &[u8], options: &ReadOptions) -> Read {
        Self::read_input(beside::Input::Memory(bytes), options)
    }

    fn read_input<R: BufRead + Send>(input: beside::Input<R>, options: &ReadOptions) -> Read {
        let mut assembler = assemble::Assembler::new(options.direction.unwrap_or_default());
        let mut diagnostics = Vec::new();
        let mut pass = Pass::new(Reader::new(input), options);
        let Pass { reader, checker } = &mut pass;
        // The rules checked beside the parsing (on its thread, once there are two), the model
        // assembled on this one.
        beside::run_beside(
            reader,
            Checking {
                checker,
                after: |checker: &mut check::Checker| {
                    diagnostics.append(&mut checker.take_diagnostics());
                },
            },
            beside::Each(|direction, found: beside::Found<'_>| {
                match found {
                    Ok((line, record)) => assembler.record(line, record, direction),
                    Err(_) => assembler.bad_line(),
                }
                ControlFlow::Continue(())
            }),
        );
        pass.finish(|_, _, checker| diagnostics.append(&mut checker.take_diagnostics()));
        let (transmission, spans) = assembler.finish();
        Read {
            transmission,
            diagnostics,
            spans,
        }
    }
}

/// Checks every rule of a file in one pass, keeping only counters: constant memory whatever the
/// file's size, but for the payer references of a mandates assignment sent, kept to find one
/// registered twice ([decision 35](docs/spec-decisions.md#decision-35): 17 bytes a mandate). The same rules and diagnostics as [`Transmission::read`], on this thread alone
/// (`ARCHITECTURE.md` says why).
pub fn validate<R: BufRead>(input: R, options: &ReadOptions) -> Report {
    let mut diagnostics = Vec::new();
    let lines = validate_each(input, options, |d| diagnostics.push(d));
    Report { diagnostics, lines }
}

/// [`validate`], handing each diagnostic to `each` as soon as it is found (for a tool that
/// prints while it reads). Returns the number of lines read.
pub fn validate_each<R: BufRead>(
    input: R,
    options: &ReadOptions,
    mut each: impl FnMut(Diagnostic),
) -> u64 {
    // One thread: handing each record to a second one cost more than the checking it took
    // off this one (the records copied into batches, then read from another core's cache).
    let mut pass = Pass::new(Reader::new(input), options);
    pass.run(|_, _, checker| {
        if checker.has_diagnostics() {
            hand_on(checker, &mut each);
        }
    });
    pass.finish(|_, _, checker| hand_on(checker, &mut each))
}

/// Hands the checker's new diagnostics, if any, to `each`; out of line, since most records
/// have none (the caller looks first).
#[cold]
#[inline(never)]
fn hand_on(checker: &mut check::Checker, each: &mut impl FnMut(Diagnostic)) {
    for d in checker.take_diagnostics() {
        each(d);
    }
}

/// The checker as a side of a pass ([`beside::run_beside`]): each record checked, then
/// `after` given the checker when it has found something.
struct Checking<'c, A> {
    checker: &'c mut check::Checker,
    after: A,
}

impl<A: FnMut(&mut check::Checker)> beside::Side for Checking<'_, A> {
    #[inline(always)]
    #[allow(clippy::inline_always)] // Into each loop over records, as `step`.
    fn take(&mut self, direction: Direction, found: beside::Found<'_>) -> ControlFlow<()> {
        let after = &mut self.after;
        step(self.checker, direction, found, &mut |_, _, checker| {
            if checker.has_diagnostics() {
                after(checker);
            }
        })
    }
}

/// One pass over a file: the reader and the checker, and what reads on from where a pause
/// ([`Reader::resumable`]) stopped.
#[derive(Debug)]
struct Pass<R> {
    reader: Reader<R>,
    checker: check::Checker,
}

/// Feeds the checker one record (or error) read in `direction`, then calls `after`; breaks on
/// an error that ends the reading (one of input, not of a record). Inlined into each loop
/// over records: a call for every record was a measurable share of the checking thread.
#[inline(always)]
#[allow(clippy::inline_always)]
fn step(
    checker: &mut check::Checker,
    direction: Direction,
    item: Result<(u64, &Record), &autogiro_format::Error>,
    after: &mut impl FnMut(Option<(u64, &Record)>, Direction, &mut check::Checker),
) -> ControlFlow<()> {
    match item {
        Ok((line, record)) => {
            checker.record(line, record, direction);
            after(Some((line, record)), direction, checker);
        }
        Err(autogiro_format::Error::Record { line, error }) => {
            checker.bad_line(*line, error);
            after(None, direction, checker);
        }
        Err(e) => {
            let mut d = Diagnostic::from_format_error(e);
            d.line = d.line.max(1);
            checker.push_diagnostic(d);
            after(None, direction, checker);
            return ControlFlow::Break(());
        }
    }
    ControlFlow::Continue(())
}

impl<R: BufRead> Pass<R> {
    fn new(mut reader: Reader<R>, options: &ReadOptions) -> Self {
        if let Some(direction) = options.direction {
            reader = reader.direction(direction);
        }
        if let Some(today) = options.today {
            reader = reader.reference_date(today);
        }
        Self {
            reader,
            checker: check::Checker::new(options),
        }
    }

    /// Reads every line there is (until the end, or a pause), feeds the checker, and calls
    /// `after` with the line and its record (if it parsed), the direction and the checker.
    fn run(
        &mut self,
        mut after: impl FnMut(Option<(u64, &Record)>, Direction, &mut check::Checker),
    ) {
        let checker = &mut self.checker;
        self.reader
            .each(|ctx, item| step(checker, ctx.direction, item, &mut after));
    }

    /// The checks of the end of the file; returns the number of lines read.
    fn finish(
        &mut self,
        mut after: impl FnMut(Option<(u64, &Record)>, Direction, &mut check::Checker),
    ) -> u64 {
        self.checker.line_endings(self.reader.line_endings());
        self.checker.finish();
        after(None, self.reader.context().direction, &mut self.checker);
        self.reader.line_number()
    }
}

/// The README's example, run as a doc test so that it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
