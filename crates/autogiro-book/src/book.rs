//! The book's logic, over any [`Store`]: importing files, matching MPS's answers, checking a
//! file before it is sent, and what stands where.

use std::io::{Read, Seek};
use std::path::Path;

use time::Date;

use autogiro_format::{AlignedReader, Direction, ErrorCode, PaddedDigits};
use autogiro_ledger::{
    Ledger, Register, RegisteredMandate, Scenario, add_business_days, assignment_number_free_from,
    next_business_day,
};
use autogiro_model::{Amount, Assignment, Claim, MandateType, ReadOptions, Transmission};

use autogiro_files::Hashing;

use crate::BookError;

mod copy;
mod hand;
mod report;
use crate::import::{Importing, PART};
#[cfg(feature = "postgres")]
use crate::postgres::Postgres;
#[cfg(feature = "sqlite")]
use crate::sqlite::Sqlite;
pub use crate::views::{
    BookClaim, BookMandate, Export, Finding, HandledClaim, Imported, ListingChange, MandateState,
    Show, Status, Unmatched,
};
pub use report::{
    LimitNear, MandateChange, MonthCounts, MonthReport, NotAMonth, REPORT_LISTED, Rejections,
    ReportMonth,
};

use crate::import::Totals;
use crate::matching::{MatchedBy, RETRY};
use crate::states::{ClaimStatus, FileState, MandateStatus};
use crate::store::{
    AnswerRow, ClaimFilter, ClaimRow, FileRow, Handled, MandateRow, Replacement, Store, Tx,
    UnmatchedRow,
};

/// The size of the buffer a file imported is read through, twice ([`Book::import`]): an
/// [`AlignedReader`]'s, which starts on a cache line, as every file the command reads, so that
/// the kernel's copy of the file into it is never the slow one into a buffer that does not
/// (`std::io::BufReader`'s; ARCHITECTURE.md, docs/performance.md).
const READ_BUFFER: usize = 1 << 16;

/// A file being prepared with numbers from the book, inside the transaction of
/// [`Book::prepare`].
pub struct Preparing<'t> {
    tx: Tx<'t>,
    file_id: i64,
    transmission: u32,
    today: Date,
}

impl std::fmt::Debug for Preparing<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Preparing")
            .field("transmission", &self.transmission)
            .field("today", &self.today)
            .finish_non_exhaustive()
    }
}

impl Preparing<'_> {
    /// The file's transmission number (record 10, positions 17-23).
    pub fn transmission(&self) -> u32 {
        self.transmission
    }

    /// Takes the next assignment number of `agreement_id` (record 20, positions 18-24) for
    /// this file.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`].
    pub fn assignment(&mut self, agreement_id: u32) -> Result<u32, BookError> {
        let number = self.tx.last_assignment(agreement_id)?.unwrap_or(0) + 1;
        self.tx
            .use_assignment(self.file_id, agreement_id, number, self.today)?;
        Ok(number)
    }

    /// Records that a claim of this file (its own reference `own_reference`) bills again the
    /// rejected claim of `agreement_id` whose own reference is `replaces`: when the file is
    /// imported as sent, that claim is closed as handled.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`].
    pub fn replaces(
        &mut self,
        agreement_id: u32,
        own_reference: &str,
        replaces: &str,
    ) -> Result<(), BookError> {
        self.tx.add_replacement(&Replacement {
            file_id: self.file_id,
            agreement_id,
            own_reference: own_reference.to_owned(),
            replaces: replaces.to_owned(),
        })
    }

    /// As [`Book::waiting_own_references`], in this transaction.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`].
    pub fn waiting_own_references(
        &mut self,
        agreement_id: u32,
    ) -> Result<std::collections::HashMap<String, u64>, BookError> {
        self.tx.waiting_own_references(agreement_id)
    }
}

/// What the maker of [`Book::prepare`] made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Made<T> {
    /// A file, recorded as prepared: its name, and its SHA-256 as [`Book::sha256`] or
    /// [`Book::sha256_of`] gives it.
    File {
        /// What `prepare` returns.
        value: T,
        /// The file's name.
        name: String,
        /// Its SHA-256, lower-case hex.
        sha256: String,
    },
    /// No file: every number taken is given back.
    Nothing(T),
}

/// The payee's book. See the crate's documentation.
#[derive(Debug)]
pub struct Book {
    store: Backend,
    /// The payee's customer unit, when told ([`Book::expect_customer_unit`]).
    customer_unit: Option<u32>,
}

/// Where a book is kept.
#[derive(Debug)]
enum Backend {
    #[cfg(feature = "sqlite")]
    Sqlite(Sqlite),
    #[cfg(feature = "postgres")]
    Postgres(Postgres),
}

impl Store for Backend {
    fn write_if<T>(
        &mut self,
        f: impl FnOnce(&mut Tx<'_>) -> Result<(T, bool), BookError>,
    ) -> Result<T, BookError> {
        match self {
            #[cfg(feature = "sqlite")]
            Self::Sqlite(s) => s.write_if(f),
            #[cfg(feature = "postgres")]
            Self::Postgres(p) => p.write_if(f),
        }
    }

    fn read<T>(
        &mut self,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T, BookError>,
    ) -> Result<T, BookError> {
        match self {
            #[cfg(feature = "sqlite")]
            Self::Sqlite(s) => s.read(f),
            #[cfg(feature = "postgres")]
            Self::Postgres(p) => p.read(f),
        }
    }
}

/// Whether `location` names a PostgreSQL database rather than an SQLite file.
fn is_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

fn sha256(bytes: &[u8]) -> String {
    autogiro_files::sha256_hex(bytes)
}

/// A sum of øre from the store as an amount (a negative or too large sum, which the store
/// cannot hold for claims, reads as the nearest bound).
fn ore(sum: i64) -> Amount {
    Amount::from_ore(u64::try_from(sum).unwrap_or(0)).unwrap_or(Amount::MAX)
}

/// An answer kept unmatched, as the book shows it; `file` is the name of the file it came in.
pub(crate) fn unmatched_view(row: &UnmatchedRow, file: &str) -> Unmatched {
    Unmatched {
        id: row.id,
        file: file.to_owned(),
        agreement_id: row.agreement_id,
        payer: row.payer.trim_start().to_owned(),
        kid: (!row.kid.is_empty()).then(|| row.kid.clone()),
        amount: ore(row.amount_ore),
        processing_date: row.processing_date,
        code: row.error_code,
        own_reference: row.own_reference.clone(),
        candidates: usize::try_from(row.candidates).unwrap_or(usize::MAX),
    }
}

pub(crate) fn corrupt(e: impl std::fmt::Display) -> BookError {
    BookError::Corrupt(e.to_string())
}

/// The processing date MPS gives a claim due on `due` of a file read on `read_on`
/// ([decision 16](docs/spec-decisions.md#decision-16)): the later of the two, moved to a
/// business day.
pub(crate) fn processing_date(due: Date, read_on: Date) -> Date {
    next_business_day(due.max(read_on))
}

/// The day after which a claim with no answer is outstanding: its processing date + 3
/// business days.
pub(crate) fn answer_due(due: Date, read_on: Date) -> Date {
    add_business_days(processing_date(due, read_on), 3)
}

/// The mandates of the book as the ledger's register (those deleted left out).
pub(crate) fn register(rows: &[MandateRow]) -> Result<Register, BookError> {
    let mut register = Register::new();
    for row in rows.iter().filter(|r| r.status != MandateStatus::Deleted) {
        let m: RegisteredMandate = serde_json::from_str(&row.registered).map_err(corrupt)?;
        register.insert(m);
    }
    Ok(register)
}

pub(crate) fn mandate_row(
    m: &RegisteredMandate,
    status: MandateStatus,
) -> Result<MandateRow, BookError> {
    Ok(MandateRow {
        agreement_id: m.agreement_id,
        reference: m.mandate.payer_reference.as_field().to_owned(),
        status,
        registered: serde_json::to_string(m).map_err(corrupt)?,
        blocked_seen: None,
    })
}

/// A claim of the book as the model's claim (for the ledger).
fn claim_of(row: &ClaimRow) -> Result<Claim, BookError> {
    let payer = PaddedDigits::from_field_str(&row.payer).map_err(corrupt)?;
    let amount =
        Amount::from_ore(u64::try_from(row.amount_ore).map_err(corrupt)?).map_err(corrupt)?;
    Ok(Claim::new(row.due_date, payer, amount))
}

fn book_claim(row: ClaimRow, today: Option<Date>) -> BookClaim {
    let outstanding = today.is_some_and(|t| row.status.is_waiting() && row.answer_due < t);
    let reason = row.error_code.map(|c| {
        ErrorCode::from_number(c)
            .meaning()
            .unwrap_or("not listed in spec 3.9")
            .to_owned()
    });
    BookClaim {
        id: row.id,
        matched_by: row.matched_by.as_deref().and_then(MatchedBy::from_name),
        status: row.status,
        outstanding,
        handled: row.handled.map(|h| HandledClaim {
            on: h.on,
            by: h.by,
            why: h.why,
        }),
        agreement_id: row.agreement_id,
        assignment_number: row.assignment_number,
        transaction_number: row.transaction_number,
        payer: row.payer.trim_start().to_owned(),
        kid: (!row.kid.is_empty()).then_some(row.kid),
        amount: Amount::from_ore(u64::try_from(row.amount_ore).unwrap_or(0))
            .unwrap_or(Amount::ZERO),
        due_date: row.due_date,
        processing_date: row.processing_date,
        error_code: row.error_code,
        reason,
        short_name: row.short_name,
        own_reference: row.own_reference,
    }
}

impl Book {
    /// Makes a book at `path`, or brings an existing one to this version's schema.
    ///
    /// # Errors
    ///
    /// [`BookError::Newer`]; [`BookError::Storage`].
    pub fn init(path: &Path) -> Result<Self, BookError> {
        Self::sqlite(path, true)
    }

    /// [`Book::init`] of a location: a PostgreSQL URL (`postgres://user@host/db`, TLS with
    /// `sslmode=require`) or the path of an SQLite file.
    ///
    /// # Errors
    ///
    /// As [`Book::init`]; [`BookError::Storage`] when the server cannot be reached.
    pub fn init_at(location: &str) -> Result<Self, BookError> {
        Self::at(location, true)
    }

    /// [`Book::open`] of a location: a PostgreSQL URL or the path of an SQLite file.
    ///
    /// # Errors
    ///
    /// As [`Book::open`].
    pub fn open_at(location: &str) -> Result<Self, BookError> {
        Self::at(location, false)
    }

    /// The book at `location`, made when `create`: in PostgreSQL for a URL, else in SQLite;
    /// a backend this build leaves out is an error that says so.
    fn at(location: &str, create: bool) -> Result<Self, BookError> {
        if !is_url(location) {
            return Self::sqlite(Path::new(location), create);
        }
        #[cfg(feature = "postgres")]
        {
            Ok(Self {
                store: Backend::Postgres(Postgres::open(location, create)?),
                customer_unit: None,
            })
        }
        #[cfg(not(feature = "postgres"))]
        Err(BookError::Storage(format!(
            "{}: this autogiro is built without PostgreSQL (the feature `postgres` of autogiro-book)",
            crate::shown_location(location)
        )))
    }

    /// The book in the SQLite file at `path`, made when `create`.
    #[cfg_attr(not(feature = "sqlite"), allow(clippy::unnecessary_wraps))]
    fn sqlite(path: &Path, create: bool) -> Result<Self, BookError> {
        #[cfg(feature = "sqlite")]
        {
            Ok(Self {
                store: Backend::Sqlite(Sqlite::open(path, create)?),
                customer_unit: None,
            })
        }
        #[cfg(not(feature = "sqlite"))]
        {
            let _ = create;
            Err(BookError::Storage(format!(
                "{}: this autogiro is built without SQLite (the feature `sqlite` of autogiro-book)",
                path.display()
            )))
        }
    }

    /// Opens the book at `path`.
    ///
    /// # Errors
    ///
    /// [`BookError::NoBook`], [`BookError::Newer`], [`BookError::Older`],
    /// [`BookError::Storage`].
    pub fn open(path: &Path) -> Result<Self, BookError> {
        Self::sqlite(path, false)
    }

    /// Imports a file: one sent (or to be sent) to MPS on `read_on`, or one from MPS. The same
    /// file twice changes nothing and says so ([`Imported::already`]); a file with errors is
    /// refused whole. `input` is read twice from its start (every rule first, in constant
    /// memory; then the records, a part at a time, in one transaction): memory stays bounded
    /// whatever the file's size.
    ///
    /// # Errors
    ///
    /// [`BookError::Invalid`], [`BookError::Unreadable`], [`BookError::Changed`],
    /// [`BookError::OtherCustomerUnit`], [`BookError::TransmissionNumberUsed`],
    /// [`BookError::AssignmentNumberTaken`], [`BookError::Storage`]: nothing is changed.
    pub fn import<R: Read + Seek>(
        &mut self,
        name: &str,
        mut input: R,
        read_on: Date,
        options: &ReadOptions,
    ) -> Result<Imported, BookError> {
        let unreadable = |e: std::io::Error| BookError::Unreadable {
            name: name.to_owned(),
            message: e.to_string(),
        };
        // First every rule, in constant memory, and the file's hash: a file with errors is
        // refused before the book is touched.
        input.rewind().map_err(unreadable)?;
        let mut reader = Hashing::new(AlignedReader::with_capacity(READ_BUFFER, &mut input));
        let (mut errors, mut first) = (0, None);
        let lines = autogiro_model::validate_each(&mut reader, options, |d| {
            if d.is_error() {
                errors += 1;
                first.get_or_insert_with(|| d.to_string());
            }
        });
        if errors > 0 {
            return Err(BookError::Invalid {
                name: name.to_owned(),
                errors,
                first: first.unwrap_or_default(),
            });
        }
        let sha = reader.sha256_hex();
        let customer_unit = self.customer_unit;
        // Then into the book a part at a time, in one transaction.
        self.store.write(|tx| {
            let existing = tx.file_by_hash(&sha)?;
            if let Some(f) = existing.as_ref().filter(|f| f.state != FileState::Prepared) {
                return Ok(Imported::nothing(name, f.direction));
            }
            input.rewind().map_err(unreadable)?;
            let mut reader = Hashing::new(AlignedReader::with_capacity(READ_BUFFER, &mut input));
            let mut importing = Importing::new(name, &sha, read_on, existing, customer_unit, lines);
            let read = Transmission::read_in_parts(&mut reader, options, PART, |t, part| {
                importing.part(tx, t, part)
            })?;
            if read.errors > 0 || reader.sha256_hex() != sha {
                return Err(BookError::Changed(name.to_owned()));
            }
            importing.finish(tx, &read.transmission)
        })
    }

    /// Tells the book the payee's customer unit (record 10 positions 9-16 of a file to MPS,
    /// 17-24 of one from MPS): from then on [`Book::import`] refuses a file of another one.
    pub fn expect_customer_unit(&mut self, customer_unit: u32) {
        self.customer_unit = Some(customer_unit);
    }

    /// The non-blank own references (amount item 2, positions 26-50) of the claims of
    /// `agreement_id` waiting for MPS's answer, with how many claims use each: an own reference
    /// used once is what tells MPS's answers apart best (docs/guide.md).
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`].
    pub fn waiting_own_references(
        &mut self,
        agreement_id: u32,
    ) -> Result<std::collections::HashMap<String, u64>, BookError> {
        self.store
            .read(|tx| tx.waiting_own_references(agreement_id))
    }

    /// Prepares a file to MPS with numbers from the book, all in one transaction: the next
    /// transmission number of `sender` (for a file made on `today`) and, as `make` asks, the
    /// next assignment number of each agreement ([`Preparing`]). When `make` returns
    /// [`Made::File`], the file is recorded as prepared (not yet sent; [`Book::import`] of it
    /// later finds the numbers its own) and the numbers stay taken; when it returns
    /// [`Made::Nothing`] or fails, or the process dies meanwhile, every number is given back.
    /// Two processes never get the same number: the second waits for the first.
    ///
    /// # Errors
    ///
    /// What `make` returns, or [`BookError::Storage`] (as `E`): nothing taken.
    pub fn prepare<T, E: From<BookError>>(
        &mut self,
        sender: u32,
        today: Date,
        make: impl FnOnce(&mut Preparing<'_>) -> Result<Made<T>, E>,
    ) -> Result<T, E> {
        let mut outcome: Option<Result<T, E>> = None;
        self.store.write_if(|tx| {
            let transmission = tx.last_transmission(sender)?.unwrap_or(0) + 1;
            let file_id = tx.insert_file(&FileRow {
                id: 0,
                sha256: None,
                name: String::new(),
                direction: Direction::ToMps,
                sender,
                recipient: autogiro_format::MPS_ID,
                transmission_number: transmission,
                state: FileState::Reserved,
                read_on: today,
            })?;
            let mut preparing = Preparing {
                tx: Tx(&mut *tx.0),
                file_id,
                transmission,
                today,
            };
            let commit = match make(&mut preparing) {
                Ok(Made::File {
                    value,
                    name,
                    sha256,
                }) => {
                    preparing.tx.prepare_file(file_id, &sha256, &name)?;
                    outcome = Some(Ok(value));
                    true
                }
                Ok(Made::Nothing(value)) => {
                    outcome = Some(Ok(value));
                    false
                }
                Err(e) => {
                    outcome = Some(Err(e));
                    false
                }
            };
            Ok(((), commit))
        })?;
        outcome
            .unwrap_or_else(|| Err(BookError::Storage("the file was not made".to_owned()).into()))
    }

    /// The file sent before that a file repeats, if any: one with the same content (its
    /// SHA-256 `sha256`, in lower-case hex, as [`Book::sha256`] gives it), or one with the
    /// same sender and transmission number (record 10, positions 9-16 and 17-23). Numbers only
    /// reserved, and files only prepared, do not count. Its name.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`].
    pub fn sent_before(
        &mut self,
        sha256: &str,
        sender: u32,
        transmission: u32,
    ) -> Result<Option<String>, BookError> {
        self.store.read(|tx| {
            let sent = |f: &FileRow| !matches!(f.state, FileState::Reserved | FileState::Prepared);
            let same = tx.file_by_hash(sha256)?.filter(sent);
            let numbered = tx
                .file_by_transmission(sender, transmission)?
                .filter(|f| sent(f) && f.direction == Direction::ToMps);
            Ok(same.or(numbered).map(|f| f.name))
        })
    }

    /// Whether a file of this content (its SHA-256, as [`Book::sha256`] gives it) is in the
    /// book as sent to MPS or received from it: not a file only prepared.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`].
    pub fn has_file(&mut self, sha256: &str) -> Result<bool, BookError> {
        self.store.read(|tx| {
            Ok(tx
                .file_by_hash(sha256)?
                .is_some_and(|f| !matches!(f.state, FileState::Reserved | FileState::Prepared)))
        })
    }

    /// The SHA-256 of `bytes` in lower-case hex: how the book knows a file it has seen.
    pub fn sha256(bytes: &[u8]) -> String {
        sha256(bytes)
    }

    /// The SHA-256 of what `content` reads, as [`Book::sha256`] gives it, read in chunks.
    ///
    /// # Errors
    ///
    /// When `content` cannot be read.
    pub fn sha256_of(content: impl std::io::Read) -> std::io::Result<String> {
        autogiro_files::sha256_hex_of(content)
    }

    /// Which claims of `t` MPS would reject if it read the file on `received`, and why: the
    /// book's mandates and settled charges, run through the ledger the simulator uses. An
    /// assignment number still taken is reported too.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`], [`BookError::Corrupt`].
    pub fn check(&mut self, t: &Transmission, received: Date) -> Result<Vec<Finding>, BookError> {
        let (mut ledger, mut findings) = self.store.read(|tx| {
            let mut ledger = Ledger::new();
            *ledger.register_mut() = register(&tx.mandates(None)?)?;
            tx.claims(
                ClaimFilter::Status(ClaimStatus::Settled, None),
                &mut |row| {
                    let claim = claim_of(&row)?;
                    let date = row.processing_date.unwrap_or(row.due_date);
                    ledger.record_charge(row.agreement_id, &claim, date);
                    Ok(())
                },
            )?;
            let mut findings = Vec::new();
            // The file itself, when the book has it (prepared by `new`): its own numbers.
            let this = tx
                .file_by_transmission(t.sender, t.transmission_number)?
                .map(|f| f.id);
            for (i, a) in t.assignments.iter().enumerate() {
                let h = a.header();
                if let Some((used, file_id)) =
                    tx.assignment_used(h.agreement_id, h.assignment_number)?
                    && Some(file_id) != this
                    && received < assignment_number_free_from(used)
                {
                    let other = tx
                        .files()?
                        .into_iter()
                        .find(|f| f.id == file_id)
                        .map_or_else(String::new, |f| f.name);
                    findings.push(Finding {
                        assignment: i + 1,
                        transaction_number: None,
                        payer: None,
                        amount: None,
                        code: None,
                        reason: autogiro_model::Said::new("book.assignment-used")
                            .with("number", h.assignment_number)
                            .with("agreement", format!("{:09}", h.agreement_id))
                            .with("other", other)
                            .with("used", used)
                            .with("until", assignment_number_free_from(used)),
                    });
                }
            }
            Ok((ledger, findings))
        })?;
        let outcome = ledger.clear(t, received, &Scenario::new());
        for r in &outcome.refused {
            findings.push(Finding {
                assignment: 0,
                transaction_number: None,
                payer: None,
                amount: None,
                code: None,
                reason: r.said(),
            });
        }
        for c in &outcome.claims {
            let (Some(refusal), Some(Assignment::Claims(a))) =
                (c.refusal, t.assignments.get(c.assignment))
            else {
                continue;
            };
            let Some(claim) = a.claims.get(c.claim) else {
                continue;
            };
            findings.push(Finding {
                assignment: c.assignment + 1,
                transaction_number: Some(claim.transaction_number),
                payer: Some(claim.payer.digits().to_owned()),
                amount: Some(claim.amount),
                code: Some(refusal.code().number()),
                reason: autogiro_model::Said::new("book.refusal")
                    .with_words("refusal", refusal.said())
                    .with("date", c.processing_date),
            });
        }
        findings.sort_by_key(|f| (f.assignment, f.transaction_number));
        Ok(findings)
    }

    /// Counts and sums per status as of `today`, and the claims of `show`; with `since`, of
    /// the claims answered (or due, while waiting) on or after it alone, counts and list alike.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`], [`BookError::Corrupt`].
    pub fn status(
        &mut self,
        today: Date,
        show: Show,
        since: Option<Date>,
    ) -> Result<Status, BookError> {
        self.store.read(|tx| {
            let counts = tx
                .counts(since)?
                .into_iter()
                .map(|(s, n, sum)| (s, n, ore(sum)))
                .collect();
            let (count, sum) = tx.outstanding(today, since)?;
            let outstanding = (count, ore(sum));
            let (count, sum) = tx.unmatched_totals()?;
            let unmatched = (count, ore(sum));
            let mut claims = Vec::new();
            let filter = match show {
                Show::Counts | Show::Unmatched | Show::Payments => None,
                Show::Outstanding => Some(ClaimFilter::Outstanding(today)),
                Show::Rejected => Some(ClaimFilter::Status(ClaimStatus::Rejected, since)),
                Show::Settled => Some(ClaimFilter::Status(ClaimStatus::Settled, since)),
                Show::Handled => Some(ClaimFilter::Status(ClaimStatus::Handled, since)),
                Show::All => Some(ClaimFilter::All(since)),
            };
            if let Some(filter) = filter {
                tx.claims(filter, &mut |row| {
                    if show != Show::Outstanding || since.is_none_or(|s| row.due_date >= s) {
                        claims.push(book_claim(row, Some(today)));
                    }
                    Ok(())
                })?;
            }
            Ok(Status {
                counts,
                outstanding,
                unmatched,
                claims,
                giro: crate::giro::status(tx, today)?,
            })
        })
    }

    /// The OCR giro payments received, in the order received; with `kid`, those of that KID
    /// alone: which invoices were paid by giro, and which AvtaleGiro claim each settles.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`], [`BookError::Corrupt`].
    pub fn payments(&mut self, kid: Option<&str>) -> Result<Vec<crate::Payment>, BookError> {
        self.store.read(|tx| crate::giro::payment_views(tx, kid))
    }

    /// The mandates the book knows, deleted ones included, by agreement and reference, each
    /// with its state on `on`.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`], [`BookError::Corrupt`].
    pub fn mandates(&mut self, on: Date) -> Result<Vec<BookMandate>, BookError> {
        let rows = self.store.read(|tx| tx.mandates(None))?;
        rows.iter()
            .map(|row| {
                let r: RegisteredMandate =
                    serde_json::from_str(&row.registered).map_err(corrupt)?;
                let m = &r.mandate;
                let (period, limit) = r.limit_on(on);
                let state = match row.status {
                    MandateStatus::Deleted => MandateState::Deleted,
                    MandateStatus::Sent => MandateState::Sent,
                    MandateStatus::Active
                        if r.is_blocked_on(on) || row.blocked_seen.is_some_and(|s| s <= on) =>
                    {
                        MandateState::Blocked
                    }
                    MandateStatus::Active if m.valid_to.is_some_and(|to| to < on) => {
                        MandateState::Expired
                    }
                    MandateStatus::Active if on < r.active_from() => MandateState::Pending,
                    MandateStatus::Active => MandateState::Active,
                };
                Ok(BookMandate {
                    agreement_id: r.agreement_id,
                    reference: m.payer_reference.digits().to_owned(),
                    state,
                    account: m.account.to_string(),
                    mandate_type: match m.mandate_type {
                        MandateType::Standard => "standard",
                        MandateType::Simplified => "simplified",
                    },
                    period: period.name(),
                    limit: (!r.is_unlimited()).then_some(limit),
                    blocked_seen: row.blocked_seen,
                    valid_from: m.valid_from,
                    valid_to: m.valid_to,
                    registered: r.registered,
                    active_from: r.active_from(),
                    blocked_from: r.blocked_from,
                    blocked_to: r.blocked_to,
                })
            })
            .collect()
    }
}
