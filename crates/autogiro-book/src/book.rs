//! The book's logic, over any [`Store`]: importing files, matching MPS's answers, checking a
//! file before it is sent, and what stands where.

use std::path::Path;

use sha2::{Digest, Sha256};
use time::Date;

use autogiro_format::{Direction, ErrorCode, PaddedDigits, RegistrationType};
use autogiro_ledger::{
    Ledger, Register, RegisterError, RegisteredMandate, Scenario, add_business_days,
    assignment_number_free_from, next_business_day,
};
use autogiro_model::{Amount, Assignment, Claim, Mandate, MandateType, ReadOptions, Transmission};

use crate::BookError;
use crate::postgres::Postgres;
use crate::sqlite::Sqlite;
use std::collections::HashMap;

use crate::store::{
    AnswerRow, AssignmentRow, ClaimFilter, ClaimRow, FileRow, MandateRow, Store, Tx,
};

/// The payee's book. See the crate's documentation.
#[derive(Debug)]
pub struct Book {
    store: Backend,
}

/// Where a book is kept.
#[derive(Debug)]
enum Backend {
    Sqlite(Sqlite),
    Postgres(Postgres),
}

impl Store for Backend {
    fn write<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Tx) -> Result<T, BookError>,
    ) -> Result<T, BookError> {
        match self {
            Self::Sqlite(s) => s.write(f),
            Self::Postgres(p) => p.write(f),
        }
    }

    fn read<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Tx) -> Result<T, BookError>,
    ) -> Result<T, BookError> {
        match self {
            Self::Sqlite(s) => s.read(f),
            Self::Postgres(p) => p.read(f),
        }
    }
}

/// Whether `location` names a PostgreSQL database rather than an SQLite file.
fn is_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Imported {
    /// The file's name.
    pub name: String,
    /// `to MPS` or `from MPS`.
    pub direction: Direction,
    /// The file was in the book already: nothing changed.
    pub already: bool,
    /// Claims sent (to MPS) now waiting for an answer.
    pub claims: usize,
    /// Answers (from MPS) matched to a claim sent.
    pub answered: usize,
    /// Answers that match no claim sent, or more than one.
    pub unmatched: Vec<Unmatched>,
    /// Mandates registered, confirmed or listed.
    pub mandates: usize,
    /// What a full listing changed in the book's mandates.
    pub listing: Vec<ListingChange>,
    /// What else is worth knowing (a mandate the register refused).
    pub notes: Vec<String>,
}

/// An answer from MPS that matches no claim sent, or several.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unmatched {
    /// The agreement.
    pub agreement_id: u32,
    /// The payer's reference or account.
    pub payer: String,
    /// The KID, if any.
    pub kid: Option<String>,
    /// The amount.
    pub amount: Amount,
    /// MPS's processing date.
    pub processing_date: Date,
    /// The error code of a rejection.
    pub code: Option<u16>,
    /// How many claims sent would fit (0, or 2 and more).
    pub candidates: usize,
}

/// A difference between a full listing from MPS and the mandates the book had.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum ListingChange {
    /// MPS lists a mandate the book did not have.
    Added {
        /// The agreement.
        agreement_id: u32,
        /// The payer reference.
        reference: String,
    },
    /// The book had a mandate MPS does not list.
    Removed {
        /// The agreement.
        agreement_id: u32,
        /// The payer reference.
        reference: String,
    },
    /// MPS lists a mandate with another account, period, limit or validity.
    Changed {
        /// The agreement.
        agreement_id: u32,
        /// The payer reference.
        reference: String,
    },
}

/// Something in a file MPS would reject ([`Book::check`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// The assignment, by its place in the file from 1.
    pub assignment: usize,
    /// The claim's transaction number, when the finding is about a claim.
    pub transaction_number: Option<u32>,
    /// The payer's reference or account of the claim.
    pub payer: Option<String>,
    /// The amount of the claim.
    pub amount: Option<Amount>,
    /// The error code MPS would answer with; `None` for an assignment refused whole.
    pub code: Option<u16>,
    /// Why.
    pub reason: String,
}

/// Which claims [`Book::status`] lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// None: counts and sums only.
    Counts,
    /// Claims with no answer by their processing date + 3 business days.
    Outstanding,
    /// Claims MPS rejected.
    Rejected,
    /// Claims MPS settled.
    Settled,
    /// Every claim.
    All,
}

/// Counts and sums per status, and the claims asked for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    /// Per status (`sent`, `retry`, `settled`, `rejected`): the number of claims and their sum.
    pub counts: Vec<(String, u64, Amount)>,
    /// Of the claims waiting for an answer, how many are outstanding, and their sum.
    pub outstanding: (u64, Amount),
    /// The claims asked for.
    pub claims: Vec<BookClaim>,
}

impl Status {
    /// The number of claims of `status`.
    pub fn count(&self, status: &str) -> u64 {
        self.counts
            .iter()
            .find(|(s, _, _)| s == status)
            .map_or(0, |(_, n, _)| *n)
    }
}

/// A claim in the book.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BookClaim {
    /// `sent`, `retry`, `settled` or `rejected`; `outstanding` for a claim sent with no answer
    /// in time.
    pub status: String,
    /// The agreement.
    pub agreement_id: u32,
    /// The assignment number.
    pub assignment_number: u32,
    /// The transaction number in the file sent.
    pub transaction_number: u32,
    /// The payer's reference or account (digits).
    pub payer: String,
    /// The KID.
    pub kid: Option<String>,
    /// The amount.
    pub amount: Amount,
    /// The due date.
    pub due_date: Date,
    /// MPS's processing date, once answered.
    pub processing_date: Option<Date>,
    /// The error code of a rejection (or 252, retry).
    pub error_code: Option<u16>,
    /// What the error code means.
    pub reason: Option<String>,
    /// The payer's abbreviated name.
    pub short_name: String,
    /// The payee's own reference.
    pub own_reference: String,
}

/// A mandate in the book.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BookMandate {
    /// The agreement.
    pub agreement_id: u32,
    /// The payer reference (digits).
    pub reference: String,
    /// `sent` (not yet confirmed by MPS) or `active`.
    pub status: String,
    /// The payer's account.
    pub account: String,
    /// `standard` or `simplified`.
    pub mandate_type: &'static str,
    /// The period of the limit (`01`-`06`; `00` none).
    pub period_code: String,
    /// The limit per period.
    pub limit: Amount,
    /// Valid from.
    pub valid_from: Option<Date>,
    /// Valid to.
    pub valid_to: Option<Date>,
    /// The date MPS registered it.
    pub registered: Date,
    /// The first day it can be charged ([decision 10](docs/spec-decisions.md#decision-10)).
    pub active_from: Date,
    /// Blocked from.
    pub blocked_from: Option<Date>,
    /// Blocked to.
    pub blocked_to: Option<Date>,
}

/// Numbers taken for a file being prepared ([`Book::reserve_transmission`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reservation {
    file_id: i64,
    /// The customer unit.
    pub sender: u32,
    /// The transmission number taken.
    pub transmission: u32,
    today: Date,
}

/// Everything in the book, for a backup or a move to another store.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Export {
    version: u32,
    files: Vec<FileRow>,
    assignments: Vec<AssignmentRow>,
    claims: Vec<ClaimRow>,
    mandates: Vec<serde_json::Value>,
}

fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut hex = String::with_capacity(2 * digest.len());
    for &b in digest {
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

/// A sum of øre from the store as an amount (a negative or too large sum, which the store
/// cannot hold for claims, reads as the nearest bound).
fn ore(sum: i64) -> Amount {
    Amount::from_ore(u64::try_from(sum).unwrap_or(0)).unwrap_or(Amount::MAX)
}

fn corrupt(e: impl std::fmt::Display) -> BookError {
    BookError::Corrupt(e.to_string())
}

/// The day after which a claim with no answer is outstanding: its processing date
/// ([decision 16](docs/spec-decisions.md#decision-16)) + 3 business days.
fn answer_due(due: Date, read_on: Date) -> Date {
    add_business_days(next_business_day(due.max(read_on)), 3)
}

/// The mandates of the book as the ledger's register.
fn register(rows: &[MandateRow]) -> Result<Register, BookError> {
    let mut register = Register::new();
    for row in rows {
        let m: RegisteredMandate = serde_json::from_str(&row.registered).map_err(corrupt)?;
        register.insert(m);
    }
    Ok(register)
}

fn mandate_row(m: &RegisteredMandate, status: &str) -> Result<MandateRow, BookError> {
    Ok(MandateRow {
        agreement_id: m.agreement_id,
        reference: m.mandate.payer_reference.as_field().to_owned(),
        status: status.to_owned(),
        registered: serde_json::to_string(m).map_err(corrupt)?,
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
    let outstanding = today
        .is_some_and(|t| matches!(row.status.as_str(), "sent" | "retry") && row.answer_due < t);
    let reason = row.error_code.map(|c| {
        ErrorCode::from_number(c)
            .meaning()
            .unwrap_or("not listed in spec 3.9")
            .to_owned()
    });
    BookClaim {
        status: if outstanding {
            "outstanding".to_owned()
        } else {
            row.status
        },
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
        Ok(Self {
            store: Backend::Sqlite(Sqlite::open(path, true)?),
        })
    }

    /// [`Book::init`] of a location: a PostgreSQL URL (`postgres://user@host/db`, TLS with
    /// `sslmode=require`) or the path of an SQLite file.
    ///
    /// # Errors
    ///
    /// As [`Book::init`]; [`BookError::Storage`] when the server cannot be reached.
    pub fn init_at(location: &str) -> Result<Self, BookError> {
        if is_url(location) {
            Ok(Self {
                store: Backend::Postgres(Postgres::open(location, true)?),
            })
        } else {
            Self::init(Path::new(location))
        }
    }

    /// [`Book::open`] of a location: a PostgreSQL URL or the path of an SQLite file.
    ///
    /// # Errors
    ///
    /// As [`Book::open`].
    pub fn open_at(location: &str) -> Result<Self, BookError> {
        if is_url(location) {
            Ok(Self {
                store: Backend::Postgres(Postgres::open(location, false)?),
            })
        } else {
            Self::open(Path::new(location))
        }
    }

    /// Opens the book at `path`.
    ///
    /// # Errors
    ///
    /// [`BookError::NoBook`], [`BookError::Newer`], [`BookError::Older`],
    /// [`BookError::Storage`].
    pub fn open(path: &Path) -> Result<Self, BookError> {
        Ok(Self {
            store: Backend::Sqlite(Sqlite::open(path, false)?),
        })
    }

    /// Imports a file: one sent (or to be sent) to MPS on `read_on`, or one from MPS. The same
    /// file twice changes nothing and says so ([`Imported::already`]); a file with errors is
    /// refused whole.
    ///
    /// # Errors
    ///
    /// [`BookError::Invalid`], [`BookError::TransmissionNumberUsed`],
    /// [`BookError::AssignmentNumberTaken`], [`BookError::Storage`]: nothing is changed.
    pub fn import(
        &mut self,
        name: &str,
        bytes: &[u8],
        read_on: Date,
        options: &ReadOptions,
    ) -> Result<Imported, BookError> {
        let read = Transmission::read(bytes, options);
        if read.has_errors() {
            let errors: Vec<_> = read.diagnostics.iter().filter(|d| d.is_error()).collect();
            return Err(BookError::Invalid {
                name: name.to_owned(),
                errors: errors.len(),
                first: errors.first().map(ToString::to_string).unwrap_or_default(),
            });
        }
        let t = read.transmission;
        let sha = sha256(bytes);
        let mut imported = Imported {
            name: name.to_owned(),
            direction: t.direction,
            already: false,
            claims: 0,
            answered: 0,
            unmatched: Vec::new(),
            mandates: 0,
            listing: Vec::new(),
            notes: Vec::new(),
        };
        self.store.write(|tx| {
            let existing = tx.file_by_hash(&sha)?;
            if existing.as_ref().is_some_and(|f| f.state != "prepared") {
                imported.already = true;
                return Ok(());
            }
            match t.direction {
                Direction::ToMps => {
                    import_sent(tx, &t, &sha, name, read_on, existing, &mut imported)
                }
                Direction::FromMps => import_answer(tx, &t, &sha, name, &mut imported),
            }
        })?;
        Ok(imported)
    }

    /// Takes the next transmission number of `sender` for a file being prepared on `today`,
    /// recording it as used in one transaction: two processes never get the same number.
    /// [`Book::import`] of the file made with it later finds the number its own.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`].
    pub fn reserve_transmission(
        &mut self,
        sender: u32,
        today: Date,
    ) -> Result<Reservation, BookError> {
        self.store.write(|tx| {
            let transmission = tx.last_transmission(sender)?.unwrap_or(0) + 1;
            let file_id = tx.insert_file(&FileRow {
                id: 0,
                sha256: format!("reserved {sender} {transmission}"),
                name: String::new(),
                direction: "to-mps".to_owned(),
                sender,
                recipient: autogiro_format::MPS_ID,
                transmission_number: transmission,
                state: "prepared".to_owned(),
                read_on: today,
            })?;
            Ok(Reservation {
                file_id,
                sender,
                transmission,
                today,
            })
        })
    }

    /// Takes the next assignment number of `agreement_id` for the file of `reservation`, in one
    /// transaction.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`].
    pub fn reserve_assignment(
        &mut self,
        reservation: &Reservation,
        agreement_id: u32,
    ) -> Result<u32, BookError> {
        self.store.write(|tx| {
            let number = tx.last_assignment(agreement_id)?.unwrap_or(0) + 1;
            tx.use_assignment(reservation.file_id, agreement_id, number, reservation.today)?;
            Ok(number)
        })
    }

    /// Records the file made with a reservation as prepared (not yet sent): its name and
    /// content, so that importing it when it is sent finds it.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`].
    pub fn prepared(
        &mut self,
        reservation: &Reservation,
        name: &str,
        mut content: impl std::io::Read,
    ) -> Result<(), BookError> {
        let mut hasher = Sha256::new();
        let mut buffer = vec![0; 1 << 16];
        loop {
            let n = content
                .read(&mut buffer)
                .map_err(|e| BookError::Storage(e.to_string()))?;
            if n == 0 {
                break;
            }
            hasher.update(buffer.get(..n).unwrap_or_default());
        }
        let sha = hex(&hasher.finalize());
        self.store
            .write(|tx| tx.prepare_file(reservation.file_id, &sha, name))
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
            let same = tx.file_by_hash(sha256)?.filter(|f| f.state != "prepared");
            let numbered = tx
                .file_by_transmission(sender, transmission)?
                .filter(|f| f.state != "prepared" && f.direction == "to-mps");
            Ok(same.or(numbered).map(|f| f.name))
        })
    }

    /// The SHA-256 of `bytes` in lower-case hex: how the book knows a file it has seen.
    pub fn sha256(bytes: &[u8]) -> String {
        sha256(bytes)
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
            tx.claims(ClaimFilter::Status("settled", None), &mut |row| {
                let claim = claim_of(&row)?;
                let date = row.processing_date.unwrap_or(row.due_date);
                ledger.record_charge(row.agreement_id, &claim, date);
                Ok(())
            })?;
            let mut findings = Vec::new();
            // The file itself, when the book has it (prepared by `new`): its own numbers.
            let this = tx
                .file_by_transmission(t.sender, t.transmission_number)?
                .map(|f| f.id);
            for (i, a) in t.assignments.iter().enumerate() {
                let h = a.header();
                if let Some((used, file_id)) = tx.assignment_used(h.agreement_id, h.assignment_number)?
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
                        reason: format!(
                            "assignment number {} of agreement {:09} was used by {other} read on {used}: MPS refuses the assignment until {}",
                            h.assignment_number,
                            h.agreement_id,
                            assignment_number_free_from(used)
                        ),
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
                reason: r.to_string(),
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
                reason: format!("{refusal} (processing date {})", c.processing_date),
            });
        }
        findings.sort_by_key(|f| (f.assignment, f.transaction_number));
        Ok(findings)
    }

    /// Counts and sums per status as of `today`, and the claims of `show` (answered or due on
    /// or after `since`).
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
                .counts()?
                .into_iter()
                .map(|(s, n, sum)| (s, n, ore(sum)))
                .collect();
            let (count, sum) = tx.outstanding(today)?;
            let outstanding = (count, ore(sum));
            let mut claims = Vec::new();
            let filter = match show {
                Show::Counts => None,
                Show::Outstanding => Some(ClaimFilter::Outstanding(today)),
                Show::Rejected => Some(ClaimFilter::Status("rejected", since)),
                Show::Settled => Some(ClaimFilter::Status("settled", since)),
                Show::All => Some(ClaimFilter::All),
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
                claims,
            })
        })
    }

    /// The mandates the book knows, by agreement and reference.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`], [`BookError::Corrupt`].
    pub fn mandates(&mut self) -> Result<Vec<BookMandate>, BookError> {
        let rows = self.store.read(|tx| tx.mandates(None))?;
        rows.iter()
            .map(|row| {
                let r: RegisteredMandate =
                    serde_json::from_str(&row.registered).map_err(corrupt)?;
                let m = &r.mandate;
                Ok(BookMandate {
                    agreement_id: r.agreement_id,
                    reference: m.payer_reference.digits().to_owned(),
                    status: row.status.clone(),
                    account: m.account.to_string(),
                    mandate_type: match m.mandate_type {
                        MandateType::Standard => "standard",
                        MandateType::Simplified => "simplified",
                    },
                    period_code: m.period_code.code().to_owned(),
                    limit: m.amount_limit,
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

    /// Everything in the book.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`], [`BookError::Corrupt`].
    pub fn export(&mut self) -> Result<Export, BookError> {
        self.store.read(|tx| {
            let files = tx.files()?;
            let assignments = tx.assignments()?;
            let mut claims = Vec::new();
            tx.claims(ClaimFilter::All, &mut |row| {
                claims.push(row);
                Ok(())
            })?;
            let mandates = tx
                .mandates(None)?
                .into_iter()
                .map(|m| {
                    let registered: serde_json::Value =
                        serde_json::from_str(&m.registered).map_err(corrupt)?;
                    Ok(serde_json::json!({
                        "agreement_id": m.agreement_id,
                        "reference": m.reference,
                        "status": m.status,
                        "registered": registered,
                    }))
                })
                .collect::<Result<_, BookError>>()?;
            Ok(Export {
                version: crate::sqlite::VERSION,
                files,
                assignments,
                claims,
                mandates,
            })
        })
    }

    /// Copies everything in this book into `to`, an empty book (of either backend), in one
    /// transaction: afterwards both export the same document. Returns the number of files and
    /// of claims copied.
    ///
    /// # Errors
    ///
    /// [`BookError::NotEmpty`] when `to` holds anything; [`BookError::Storage`]: nothing is
    /// copied.
    pub fn copy_to(&mut self, to: &mut Book) -> Result<(usize, usize), BookError> {
        let (files, assignments, claims, mandates) = self.store.read(|tx| {
            let mut claims = Vec::new();
            tx.claims(ClaimFilter::All, &mut |row| {
                claims.push(row);
                Ok(())
            })?;
            Ok((tx.files()?, tx.assignments()?, claims, tx.mandates(None)?))
        })?;
        to.store.write(|tx| {
            if !tx.files()?.is_empty() || !tx.mandates(None)?.is_empty() {
                return Err(BookError::NotEmpty);
            }
            for f in &files {
                tx.restore_file(f)?;
            }
            for a in &assignments {
                tx.use_assignment(a.file_id, a.agreement_id, a.number, a.used_on)?;
            }
            let mut totals: std::collections::BTreeMap<&str, (i64, i64)> =
                std::collections::BTreeMap::new();
            for c in &claims {
                tx.restore_claim(c)?;
                let t = totals.entry(c.status.as_str()).or_default();
                t.0 += 1;
                t.1 = t.1.saturating_add(c.amount_ore);
            }
            for (status, (n, sum)) in totals {
                tx.add_totals(status, n, sum)?;
            }
            for m in &mandates {
                tx.put_mandate(m)?;
            }
            tx.finish_restore()?;
            Ok((files.len(), claims.len()))
        })
    }
}

/// A file to MPS: its numbers checked and taken, its claims waiting, its mandates registered.
fn import_sent(
    tx: &mut dyn Tx,
    t: &Transmission,
    sha: &str,
    name: &str,
    read_on: Date,
    prepared: Option<FileRow>,
    imported: &mut Imported,
) -> Result<(), BookError> {
    let this = tx.file_by_transmission(t.sender, t.transmission_number)?;
    let id = match (prepared, this) {
        (Some(p), _) => {
            tx.set_file_state(p.id, "sent", read_on)?;
            tx.rename_file(p.id, name)?;
            p.id
        }
        (None, Some(other))
            if other.state == "prepared" && other.sha256.starts_with("reserved ") =>
        {
            // Numbers reserved by `new` for a file whose content was not recorded.
            tx.prepare_file(other.id, sha, name)?;
            tx.set_file_state(other.id, "sent", read_on)?;
            other.id
        }
        (None, Some(other)) => {
            return Err(BookError::TransmissionNumberUsed {
                sender: t.sender,
                number: t.transmission_number,
                other: other.name,
            });
        }
        (None, None) => tx.insert_file(&FileRow {
            id: 0,
            sha256: sha.to_owned(),
            name: name.to_owned(),
            direction: "to-mps".to_owned(),
            sender: t.sender,
            recipient: t.recipient,
            transmission_number: t.transmission_number,
            state: "sent".to_owned(),
            read_on,
        })?,
    };
    let registered_on = next_business_day(read_on);
    for a in &t.assignments {
        let h = a.header();
        match tx.assignment_used(h.agreement_id, h.assignment_number)? {
            Some((_, file)) if file == id => {}
            Some((used, file)) if read_on < assignment_number_free_from(used) => {
                let other = tx
                    .files()?
                    .into_iter()
                    .find(|f| f.id == file)
                    .map_or_else(String::new, |f| f.name);
                return Err(BookError::AssignmentNumberTaken {
                    agreement_id: h.agreement_id,
                    number: h.assignment_number,
                    other,
                    used,
                    free: assignment_number_free_from(used),
                });
            }
            _ => tx.use_assignment(id, h.agreement_id, h.assignment_number, read_on)?,
        }
        match a {
            Assignment::Claims(c) => {
                let mut sum = 0i64;
                let mut rows = Vec::with_capacity(c.claims.len());
                for claim in &c.claims {
                    let row = sent_claim(id, h, claim, read_on)?;
                    sum = sum.saturating_add(row.amount_ore);
                    rows.push(row);
                    imported.claims += 1;
                }
                tx.insert_claims(&rows)?;
                let count = i64::try_from(c.claims.len()).map_err(corrupt)?;
                tx.add_totals("sent", count, sum)?;
            }
            Assignment::Mandates(m) => {
                let mut reg = register(&tx.mandates(Some(h.agreement_id))?)?;
                for mandate in &m.mandates {
                    match reg.apply(h.agreement_id, mandate, registered_on) {
                        Ok(r) if mandate.registration_type == RegistrationType::Delete => {
                            tx.delete_mandate(
                                h.agreement_id,
                                r.mandate.payer_reference.as_field(),
                            )?;
                            imported.mandates += 1;
                        }
                        Ok(r) => {
                            tx.put_mandate(&mandate_row(&r, "sent")?)?;
                            imported.mandates += 1;
                        }
                        Err(e) => imported.notes.push(note(&e)),
                    }
                }
            }
            Assignment::Settled(_) | Assignment::Rejected(_) => {}
        }
    }
    Ok(())
}

/// A claim of a file to MPS as the book keeps it, waiting for an answer.
fn sent_claim(
    file_id: i64,
    h: &autogiro_model::AssignmentHeader,
    claim: &Claim,
    read_on: Date,
) -> Result<ClaimRow, BookError> {
    Ok(ClaimRow {
        id: 0,
        file_id,
        agreement_id: h.agreement_id,
        assignment_number: h.assignment_number,
        transaction_number: claim.transaction_number,
        payer: claim.payer.as_field().to_owned(),
        kid: claim.kid.map(|k| k.as_str().to_owned()).unwrap_or_default(),
        amount_ore: i64::try_from(claim.amount.ore()).map_err(corrupt)?,
        due_date: claim.date,
        short_name: claim.short_name.to_string(),
        own_reference: claim.own_reference.to_string(),
        foreign_reference: claim.foreign_reference.to_string(),
        status: "sent".to_owned(),
        answer_due: answer_due(claim.date, read_on),
        processing_date: None,
        error_code: None,
        answer_file_id: None,
    })
}

fn note(e: &RegisterError) -> String {
    format!("mandate not registered in the book: {e}")
}

/// A file from MPS: answers matched to the claims sent, mandates confirmed or listed.
fn import_answer(
    tx: &mut dyn Tx,
    t: &Transmission,
    sha: &str,
    name: &str,
    imported: &mut Imported,
) -> Result<(), BookError> {
    let id = tx.insert_file(&FileRow {
        id: 0,
        sha256: sha.to_owned(),
        name: name.to_owned(),
        direction: "from-mps".to_owned(),
        sender: t.sender,
        recipient: t.recipient,
        transmission_number: t.transmission_number,
        state: "answer".to_owned(),
        read_on: t.generated.unwrap_or(Date::MIN),
    })?;
    let mut moves = Moves::default();
    let mut waiting = Waiting::default();
    for a in &t.assignments {
        let agreement = a.header().agreement_id;
        match a {
            Assignment::Settled(s) => {
                for claim in &s.claims {
                    answer(
                        tx,
                        &mut waiting,
                        id,
                        agreement,
                        claim,
                        None,
                        imported,
                        &mut moves,
                    )?;
                }
            }
            Assignment::Rejected(r) => {
                for rejection in &r.rejections {
                    answer(
                        tx,
                        &mut waiting,
                        id,
                        agreement,
                        &rejection.claim,
                        Some(rejection.code),
                        imported,
                        &mut moves,
                    )?;
                }
            }
            Assignment::Mandates(m) => mandates_from_mps(tx, agreement, &m.mandates, imported)?,
            Assignment::Claims(_) => {}
        }
    }
    moves.apply(tx)
}

/// How the claims of each status change with a file of answers: from status, to status,
/// number, sum.
/// The answers themselves are written together at the end of the file.
#[derive(Default)]
struct Moves {
    totals: std::collections::BTreeMap<(String, &'static str), (i64, i64)>,
    answers: Vec<AnswerRow>,
}

impl Moves {
    fn add(&mut self, from: &str, to: &'static str, amount: i64) {
        let e = self.totals.entry((from.to_owned(), to)).or_insert((0, 0));
        e.0 += 1;
        e.1 = e.1.saturating_add(amount);
    }

    /// Writes the answers, and the moves to the totals once per status.
    fn apply(self, tx: &mut dyn Tx) -> Result<(), BookError> {
        tx.answer_claims(&self.answers)?;
        for ((from, to), (n, sum)) in self.totals {
            tx.add_totals(&from, -n, -sum)?;
            tx.add_totals(to, n, sum)?;
        }
        Ok(())
    }
}

/// What an answer is matched on: payer field, KID, amount.
type MatchKey = (String, String, i64);

/// A claim waiting for an answer, as matching needs it (the rest stays in the store).
struct Candidate {
    id: i64,
    amount_ore: i64,
    due_date: Date,
    answer_due: Date,
    retry: bool,
}

/// The claims waiting for an answer, of the agreements a file of answers concerns, by what an
/// answer is matched on; each agreement's loaded with one query when first needed.
#[derive(Default)]
struct Waiting(HashMap<u32, HashMap<MatchKey, Vec<Candidate>>>);

impl Waiting {
    fn get(
        &mut self,
        tx: &mut dyn Tx,
        agreement_id: u32,
        key: MatchKey,
    ) -> Result<&mut Vec<Candidate>, BookError> {
        let claims = match self.0.entry(agreement_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let mut map: HashMap<MatchKey, Vec<Candidate>> = HashMap::new();
                tx.waiting(agreement_id, &mut |row| {
                    let candidate = Candidate {
                        id: row.id,
                        amount_ore: row.amount_ore,
                        due_date: row.due_date,
                        answer_due: row.answer_due,
                        retry: row.retry,
                    };
                    map.entry((row.payer, row.kid, row.amount_ore))
                        .or_default()
                        .push(candidate);
                    Ok(())
                })?;
                e.insert(map)
            }
        };
        Ok(claims.entry(key).or_default())
    }
}

/// Matches one answer to the claim it answers: same agreement, payer field, KID and amount,
/// waiting for an answer, due on or before the processing date and answered no later than 7
/// business days after it was due to be. One candidate is answered; none or several are
/// reported, not guessed at.
#[allow(clippy::too_many_arguments)] // The import's state, passed down as it is.
fn answer(
    tx: &mut dyn Tx,
    waiting: &mut Waiting,
    file_id: i64,
    agreement_id: u32,
    claim: &Claim,
    code: Option<ErrorCode>,
    imported: &mut Imported,
    moves: &mut Moves,
) -> Result<(), BookError> {
    let kid = claim.kid.map(|k| k.as_str().to_owned()).unwrap_or_default();
    let amount = i64::try_from(claim.amount.ore()).map_err(corrupt)?;
    let processing = claim.date;
    let key = (claim.payer.as_field().to_owned(), kid, amount);
    let candidates = waiting.get(tx, agreement_id, key)?;
    let fits: Vec<usize> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.due_date <= processing && processing <= add_business_days(c.answer_due, 7)
        })
        .map(|(i, _)| i)
        .collect();
    if let [i] = fits.as_slice() {
        let status = match code {
            None => "settled",
            Some(ErrorCode::SentToRetry) => "retry",
            Some(_) => "rejected",
        };
        let Some(one) = candidates.get_mut(*i) else {
            return Ok(());
        };
        moves.answers.push(AnswerRow {
            claim_id: one.id,
            status,
            processing_date: processing,
            error_code: code.map(ErrorCode::number),
            file_id,
        });
        let from = if one.retry { "retry" } else { "sent" };
        moves.add(from, status, one.amount_ore);
        imported.answered += 1;
        if status == "retry" {
            one.retry = true;
        } else {
            // Answered for good: it waits no longer.
            candidates.swap_remove(*i);
        }
    } else {
        imported.unmatched.push(Unmatched {
            agreement_id,
            payer: claim.payer.digits().to_owned(),
            kid: claim.kid.map(|k| k.as_str().to_owned()),
            amount: claim.amount,
            processing_date: processing,
            code: code.map(ErrorCode::number),
            candidates: fits.len(),
        });
    }
    Ok(())
}

/// Mandates from MPS: a full listing replaces the agreement's mandates (and the differences
/// are reported); confirmations make mandates active.
fn mandates_from_mps(
    tx: &mut dyn Tx,
    agreement_id: u32,
    mandates: &[Mandate],
    imported: &mut Imported,
) -> Result<(), BookError> {
    let before = register(&tx.mandates(Some(agreement_id))?)?;
    let mut after = before.clone();
    let listing = mandates
        .iter()
        .any(|m| m.registration_type == RegistrationType::Listing);
    if listing {
        after.replace_agreement(agreement_id, mandates);
        for m in before.iter() {
            let key = &m.mandate.payer_reference;
            let reference = key.digits().to_owned();
            match after.get(agreement_id, key) {
                None => imported.listing.push(ListingChange::Removed {
                    agreement_id,
                    reference,
                }),
                Some(n) if !same_terms(&n.mandate, &m.mandate) => {
                    imported.listing.push(ListingChange::Changed {
                        agreement_id,
                        reference,
                    });
                }
                Some(_) => {}
            }
        }
        for m in after.iter() {
            if before
                .get(agreement_id, &m.mandate.payer_reference)
                .is_none()
            {
                imported.listing.push(ListingChange::Added {
                    agreement_id,
                    reference: m.mandate.payer_reference.digits().to_owned(),
                });
            }
        }
        for m in before.iter() {
            tx.delete_mandate(agreement_id, m.mandate.payer_reference.as_field())?;
        }
    } else {
        for m in mandates {
            after.apply_from_mps(agreement_id, m);
            if m.registration_type == RegistrationType::Delete {
                tx.delete_mandate(agreement_id, m.payer_reference.as_field())?;
            }
        }
    }
    for m in mandates {
        if let Some(r) = after.get(agreement_id, &m.payer_reference) {
            tx.put_mandate(&mandate_row(r, "active")?)?;
        }
        imported.mandates += 1;
    }
    Ok(())
}

/// Whether two mandates have the same account, type, period, limit and validity.
fn same_terms(a: &Mandate, b: &Mandate) -> bool {
    (
        a.account,
        a.mandate_type,
        a.period_code,
        a.amount_limit,
        a.valid_from,
        a.valid_to,
    ) == (
        b.account,
        b.mandate_type,
        b.period_code,
        b.amount_limit,
        b.valid_from,
        b.valid_to,
    )
}
