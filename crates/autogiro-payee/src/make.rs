//! A file for MPS from a table of billing data ([`Payee::make`]): claims or mandates, with the
//! payee's settings and numbers from the book.
//!
//! Every problem of every row is told before anything is written. The file is written record
//! by record (constant memory, whatever the number of rows), validated with every rule, and
//! only then handed back to be put in place. With several agreements the rows of each go to
//! an assignment of their own, in the order the agreements first appear: the table is read
//! once per agreement.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::ops::ControlFlow;
use std::path::Path;

use autogiro_book::{Book, Made, Preparing};
use autogiro_format::Service;
use autogiro_model::rows::{AvtaleGiroColumns, ClaimColumns, MandateColumns, RowErrors};
use autogiro_model::{
    Amount, AssignmentHeader, AvtaleGiroClaim, Claim, Diagnostic, Lang, Mandate, ReadOptions, Said,
    TransmissionWriter, WriteError,
};
use time::Date;

use crate::settings::Settings;
use crate::{Error, Payee};

/// What a file made from rows holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Making {
    /// Claims (betalingskrav): the columns of [`autogiro_model::rows::BILLING_CLAIM_COLUMNS`].
    Claims,
    /// Mandates (fullmakter): the columns of [`autogiro_model::rows::MANDATE_COLUMNS`].
    Mandates,
    /// AvtaleGiro claims, for the settings' AvtaleGiro agreements: the columns of claims,
    /// `kid` required, no payer or own reference ([`AvtaleGiroColumns::claims`]).
    AvtaleGiroClaims,
    /// AvtaleGiro cancellation requests: amount, due date and KID of each claim to cancel
    /// ([`AvtaleGiroColumns::cancellations`]).
    AvtaleGiroCancellations,
}

impl Making {
    /// The service whose agreements the rows go to.
    fn service(self) -> Service {
        match self {
            Self::Claims | Self::Mandates => Service::Autogiro,
            Self::AvtaleGiroClaims | Self::AvtaleGiroCancellations => Service::AvtaleGiro,
        }
    }

    /// Whether the rows are claims (or cancellation requests), with a sum.
    fn has_sum(self) -> bool {
        self != Self::Mandates
    }
}

/// Where the transmission and assignment numbers of a file made come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbers {
    /// Given: the transmission number, and the number of the first assignment (the next
    /// agreements take the next numbers).
    Given {
        /// Record 10's transmission number.
        transmission: u32,
        /// Record 20's assignment number of the first assignment.
        assignment: u32,
    },
    /// The book's next ones, taken in the transaction that records the file as prepared, and
    /// given back when no file is made: a run that fails, or is killed, loses none.
    Book,
}

/// A table of billing data, read from its start each time [`Table::read`] is called (once per
/// agreement): what reads CSV, JSON or a spreadsheet.
pub trait Table {
    /// Gives `visitor` the header, then each row.
    ///
    /// # Errors
    ///
    /// The table cannot be read, in words (in the language the caller shows them in).
    fn read(&mut self, visitor: &mut dyn Visitor) -> Result<(), String>;
}

/// What reads a [`Table`]: the header once, then each row.
pub trait Visitor {
    /// The columns a table of named fields (JSON objects) may have.
    fn columns(&self) -> &'static [&'static str];
    /// The header; [`ControlFlow::Break`] ends the reading (the header's columns are not those
    /// of the file made: the visitor has told its problems).
    fn header(&mut self, names: &[&str]) -> ControlFlow<()>;
    /// A row, by its number (the header is row 1), with its cells in the header's order.
    fn row(&mut self, number: u64, cells: &[&str]);
    /// A row that cannot be a row of the header (more cells than columns, a JSON value that is
    /// not an object).
    fn bad_row(&mut self, number: u64, message: Said);
}

/// Something [`Payee::make`] says of the table, as it reads it.
#[derive(Debug)]
#[non_exhaustive]
pub enum RowEvent {
    /// A problem of a row (or of the header, row 1): nothing will be written.
    Problem {
        /// The row, from 1 (the header).
        row: u64,
        /// The column, or empty for the row as a whole.
        column: String,
        /// A stable code (`invalid-amount`, `missing-value`, ...).
        code: &'static str,
        /// What is wrong, in any language ([`Said::render`]).
        message: Said,
    },
    /// A warning of a row: the row is written.
    Warning {
        /// The row.
        row: u64,
        /// The column.
        column: String,
        /// A stable code.
        code: &'static str,
        /// What to look at, in any language.
        message: Said,
    },
    /// A diagnostic of the file made, which breaks a rule (a row the row checks let through):
    /// nothing is written. Each of its diagnostics, errors and warnings, is told.
    Invalid(Diagnostic),
}

/// Why [`Payee::make`] made no file (its [`RowEvent`]s said the details).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotMade {
    /// Rows had problems: how many.
    Problems(u64),
    /// The table has no rows.
    NoRows,
    /// The file made does not validate.
    Invalid,
}

impl NotMade {
    /// What it says, in any language.
    pub fn said(&self) -> Said {
        match self {
            Self::Problems(n) => Said::new("make.problems").with("n", n),
            Self::NoRows => Said::new("make.no-rows"),
            Self::Invalid => Said::new("make.invalid"),
        }
    }
}

impl fmt::Display for NotMade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said().render(Lang::En))
    }
}

/// A file made: its numbers and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct MadeFile {
    /// What it holds.
    pub making: Making,
    /// Record 10's transmission number.
    pub transmission: u32,
    /// How many assignments (one per agreement).
    pub assignments: u32,
    /// How many claims or mandates.
    pub count: u64,
    /// The claims' sum (zero for mandates).
    pub sum: Amount,
}

/// As `autogiro new` says it, after the output's name: `transmission 3, 1 assignment(s), 2
/// claims, 300.00 NOK`.
impl MadeFile {
    /// What it holds, in any language: `transmission 7, 1 assignment(s), 3 claims, 1234.50
    /// NOK`.
    pub fn said(&self) -> Said {
        let what = match self.making {
            Making::Claims => "make.what.claims",
            Making::Mandates => "make.what.mandates",
            Making::AvtaleGiroClaims => "make.what.avtalegiro-claims",
            Making::AvtaleGiroCancellations => "make.what.cancellations",
        };
        let said = Said::new(if self.making.has_sum() {
            "make.made-sum"
        } else {
            "make.made"
        })
        .with("transmission", self.transmission)
        .with("assignments", self.assignments)
        .with("count", self.count)
        .with_words("what", Said::new(what));
        if self.making.has_sum() {
            said.with("sum", self.sum)
        } else {
            said
        }
    }
}

impl fmt::Display for MadeFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said().render(Lang::En))
    }
}

/// Where a file made is written: a file (a temporary one, put in place by the caller once
/// [`Payee::make`] returns it made), the path to read it back from, and the name the book
/// records it by.
pub struct Output<'a> {
    /// Written from its start.
    pub file: File,
    /// Where it is, to be validated.
    pub path: &'a Path,
    /// Its name, for the book.
    pub name: String,
}

impl Payee {
    /// Makes a file of `making` for MPS from `table`: every row checked (every problem of
    /// every row told to `on` before anything is written), each agreement's rows in an
    /// assignment of their own, the file written to `output` and validated with every rule.
    /// With [`Numbers::Book`], the numbers are taken in the transaction that records the file
    /// as prepared, and given back when no file is made. `Ok(Err(_))` when no file was made
    /// (the events said why); the caller then puts nothing in place.
    ///
    /// # Errors
    ///
    /// The settings list no agreement of the service; [`Numbers::Book`] and no book; the
    /// table cannot be read; the output cannot be written; the book.
    pub fn make(
        &mut self,
        making: Making,
        table: &mut dyn Table,
        numbers: Numbers,
        output: Output<'_>,
        mut on: impl FnMut(RowEvent),
    ) -> Result<Result<MadeFile, NotMade>, Error> {
        let service = making.service();
        if !self
            .settings
            .agreements
            .iter()
            .any(|a| a.service == service)
        {
            let key = if service == Service::AvtaleGiro {
                "make.no-agreement-giro"
            } else {
                "make.no-agreement"
            };
            return Err(Error::Make(Said::new(key).with("service", service.name())));
        }
        let job = Job {
            making,
            settings: &self.settings,
            options: &self.options,
        };
        match numbers {
            Numbers::Given {
                transmission,
                assignment,
            } => write(
                &job,
                table,
                transmission,
                Numbering::Given(assignment),
                output.file,
                output.path,
                &mut on,
            ),
            Numbers::Book => {
                let book: &mut Book = self.book.as_mut().ok_or(Error::NoBookForNumbers)?;
                let sender = job.settings.payee.customer_unit;
                let (file, path, name) = (output.file, output.path, output.name);
                book.prepare(sender, self.today, |preparing| {
                    let transmission = preparing.transmission();
                    match write(
                        &job,
                        table,
                        transmission,
                        Numbering::Book(preparing),
                        file,
                        path,
                        &mut on,
                    )? {
                        Ok(made) => Ok(Made::File {
                            value: Ok(made),
                            name,
                            sha256: crate::sha256_of(path)?,
                        }),
                        Err(not) => Ok::<_, Error>(Made::Nothing(Err(not))),
                    }
                })
            }
        }
    }
}

/// What the passes over the table share.
struct Job<'a> {
    making: Making,
    settings: &'a Settings,
    options: &'a ReadOptions,
}

/// The assignment numbers of the file being written.
enum Numbering<'p, 't> {
    /// The next one to give.
    Given(u32),
    /// Taken from the book, in the transaction that records the file.
    Book(&'p mut Preparing<'t>),
}

impl Numbering<'_, '_> {
    fn next(&mut self, agreement: u32) -> Result<u32, Error> {
        match self {
            Self::Given(n) => {
                let number = *n;
                *n = n.saturating_add(1);
                Ok(number)
            }
            Self::Book(preparing) => Ok(preparing.assignment(agreement)?),
        }
    }
}

/// The columns of the table, once its header is read.
enum Columns {
    Claims(ClaimColumns),
    Mandates(MandateColumns),
    AvtaleGiro(AvtaleGiroColumns),
}

/// One row made into a claim (with the own reference of the rejected claim it bills again)
/// or a mandate.
enum Item {
    Claim(Claim, Option<String>),
    Mandate(Mandate),
    AvtaleGiro(AvtaleGiroClaim),
}

impl Item {
    /// The due date of a claim or cancellation request.
    fn due_date(&self) -> Option<Date> {
        match self {
            Self::Claim(c, _) => Some(c.date),
            Self::AvtaleGiro(c) => Some(c.due_date),
            Self::Mandate(_) => None,
        }
    }
}

/// Reads the table in passes, one per agreement, writing the rows of the pass's agreement.
struct Pass<'a, 'p, 't, 'o> {
    job: &'a Job<'a>,
    on: &'o mut dyn FnMut(RowEvent),
    columns: Option<Columns>,
    /// The agreement this pass writes; `None` until the first good row of the first pass.
    agreement: Option<u32>,
    /// Agreements seen that later passes write, in order of first appearance.
    later: Vec<u32>,
    /// Whether this pass reports problems (the first) or only writes.
    reporting: bool,
    problems: u64,
    writer: Option<TransmissionWriter<BufWriter<File>>>,
    begun: bool,
    numbering: Numbering<'p, 't>,
    /// The number of the assignment being written.
    number: u32,
    window: Option<(Date, Date)>,
    count: u64,
    sum: Amount,
    /// A fatal error (I/O, the book), reported after the pass.
    failed: Option<Error>,
    /// The non-blank own references written, by agreement, with the first row of each.
    own: HashMap<(u32, String), u64>,
}

impl Pass<'_, '_, '_, '_> {
    fn report(&mut self, row: u64, column: &str, code: &'static str, message: Said) {
        self.problems += 1;
        if self.reporting {
            (self.on)(RowEvent::Problem {
                row,
                column: column.to_owned(),
                code,
                message,
            });
        }
    }

    /// A warning of a row: said, not counted as a problem (the row is written).
    fn warn(&mut self, row: u64, column: &str, code: &'static str, message: Said) {
        (self.on)(RowEvent::Warning {
            row,
            column: column.to_owned(),
            code,
            message,
        });
    }

    fn report_all(&mut self, row: u64, errors: &RowErrors) {
        for e in errors.iter() {
            self.report(row, &e.column, e.code, e.message.clone());
        }
    }

    /// The agreement of a row: its own, or the only one of the settings of the file's
    /// service.
    fn agreement_of(&mut self, row: u64, named: Option<u32>) -> Option<u32> {
        let settings = self.job.settings;
        let service = self.job.making.service();
        match named.map(|id| (id, settings.agreement(id))) {
            Some((id, Some(a))) if a.service == service => Some(id),
            Some((id, Some(a))) => {
                let message = Said::new("make.wrong-service")
                    .with("id", format!("{id:09}"))
                    .with("service", a.service.name())
                    .with("wanted", service.name().to_lowercase());
                self.report(row, "agreement", "wrong-service", message);
                None
            }
            Some((id, None)) => {
                let message = Said::new("make.unknown-agreement").with("id", format!("{id:09}"));
                self.report(row, "agreement", "unknown-agreement", message);
                None
            }
            None => {
                let mut of_service = settings.agreements.iter().filter(|a| a.service == service);
                if let (Some(only), None) = (of_service.next(), of_service.next()) {
                    return Some(only.id);
                }
                let message = Said::new("make.several-agreements").with("service", service.name());
                self.report(row, "agreement", "missing-value", message);
                None
            }
        }
    }

    fn write(&mut self, row: u64, agreement: u32, item: Item) {
        if self.agreement.is_none() {
            self.agreement = Some(agreement);
        }
        if self.agreement != Some(agreement) {
            if self.reporting && !self.later.contains(&agreement) {
                self.later.push(agreement);
            }
            return;
        }
        // Once a row has a problem nothing will be written: read on only to report.
        if self.problems > 0 || self.failed.is_some() {
            return;
        }
        if self.writer.is_none() {
            return;
        }
        if !self.begun {
            // AvtaleGiro's assignment start has no agreement id: the book numbers its
            // assignments under agreement 0, as it reads them from the file.
            let key = match self.job.making.service() {
                Service::AvtaleGiro => 0,
                _ => agreement,
            };
            match self.numbering.next(key) {
                Ok(n) => self.number = n,
                Err(e) => {
                    self.failed = Some(e);
                    return;
                }
            }
        }
        let (own, replaces) = match &item {
            Item::Claim(c, replaces) => {
                let own = c.own_reference.to_string();
                ((!own.trim().is_empty()).then_some(own), replaces.clone())
            }
            Item::Mandate(_) | Item::AvtaleGiro(_) => (None, None),
        };
        match self.push(agreement, item) {
            Ok(()) => {
                self.count += 1;
                if let Some(replaces) = replaces {
                    self.replaces(
                        row,
                        agreement,
                        own.as_deref().unwrap_or_default(),
                        &replaces,
                    );
                }
                if let Some(own) = own {
                    self.own_reference(row, agreement, own);
                }
            }
            Err(WriteError::Build(e)) => self.report(row, "", "invalid-row", e.said()),
            Err(e) => {
                self.failed = Some(Error::Make(Said::new("make.cannot-write").with("error", e)));
            }
        }
    }

    /// Writes an item, beginning the pass's assignment first.
    fn push(&mut self, agreement: u32, item: Item) -> Result<(), WriteError> {
        let Some(writer) = &mut self.writer else {
            return Ok(());
        };
        if !self.begun {
            let account = self
                .job
                .settings
                .agreement(agreement)
                .map(|a| a.account)
                .ok_or(WriteError::NoAssignment { kind: "a row" })?;
            let header = AssignmentHeader::new(agreement, self.number, account);
            match self.job.making {
                Making::Claims => writer.begin_claims(header)?,
                Making::Mandates => writer.begin_mandates(header)?,
                Making::AvtaleGiroClaims => writer.begin_avtalegiro_claims(header)?,
                Making::AvtaleGiroCancellations => writer.begin_avtalegiro_cancellations(header)?,
            }
            self.begun = true;
        }
        match item {
            Item::Claim(c, _) => {
                self.sum = self.sum.checked_add(c.amount).unwrap_or(Amount::MAX);
                writer.push_claim(c)?;
            }
            Item::Mandate(m) => {
                writer.push_mandate(m)?;
            }
            Item::AvtaleGiro(c) => {
                self.sum = self.sum.checked_add(c.amount).unwrap_or(Amount::MAX);
                writer.push_avtalegiro(c)?;
            }
        }
        Ok(())
    }

    /// Keeps a row's own reference, with a warning when an earlier row of the file has it.
    fn own_reference(&mut self, row: u64, agreement: u32, own: String) {
        match self.own.entry((agreement, own)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let message = Said::new("make.own-reference-row")
                    .with("own", format!("{:?}", e.key().1))
                    .with("row", e.get());
                self.warn(row, "own_reference", "own-reference-reused", message);
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(row);
            }
        }
    }

    /// Records in the book that the claim of `row` bills again the rejected claim whose own
    /// reference is `replaces`; without a book, a problem of the row.
    fn replaces(&mut self, row: u64, agreement: u32, own: &str, replaces: &str) {
        let recorded = match &mut self.numbering {
            Numbering::Book(preparing) => preparing.replaces(agreement, own, replaces),
            Numbering::Given(_) => {
                self.report(row, "replaces", "no-book", Said::new("make.no-book"));
                return;
            }
        };
        if let Err(e) = recorded {
            self.failed = Some(e.into());
        }
    }

    /// Warns of each own reference written that a claim waiting in the book has already.
    fn own_references_waiting(&mut self) -> Result<(), Error> {
        let Numbering::Book(book) = &mut self.numbering else {
            return Ok(());
        };
        let agreements: BTreeSet<u32> = self.own.keys().map(|(a, _)| *a).collect();
        let mut reused = Vec::new();
        for agreement in agreements {
            let waiting = book.waiting_own_references(agreement)?;
            reused.extend(
                self.own
                    .iter()
                    .filter(|((a, own), _)| *a == agreement && waiting.contains_key(own))
                    .map(|((_, own), row)| (*row, own.clone())),
            );
        }
        reused.sort();
        for (row, own) in reused {
            let message = Said::new("make.own-reference-waiting").with("own", format!("{own:?}"));
            self.warn(row, "own_reference", "own-reference-reused", message);
        }
        Ok(())
    }
}

impl Visitor for Pass<'_, '_, '_, '_> {
    fn columns(&self) -> &'static [&'static str] {
        match self.job.making {
            Making::Mandates => autogiro_model::rows::MANDATE_COLUMNS,
            _ => autogiro_model::rows::BILLING_CLAIM_COLUMNS,
        }
    }

    fn header(&mut self, names: &[&str]) -> ControlFlow<()> {
        let columns = match self.job.making {
            Making::Claims => ClaimColumns::from_header(names).map(Columns::Claims),
            Making::Mandates => MandateColumns::from_header(names)
                .map(|c| match self.job.options.today {
                    Some(today) => c.today(today),
                    None => c,
                })
                .map(Columns::Mandates),
            Making::AvtaleGiroClaims => AvtaleGiroColumns::claims(names).map(Columns::AvtaleGiro),
            Making::AvtaleGiroCancellations => {
                AvtaleGiroColumns::cancellations(names).map(Columns::AvtaleGiro)
            }
        };
        match columns {
            Ok(c) => {
                self.columns = Some(c);
                ControlFlow::Continue(())
            }
            Err(errors) => {
                self.report_all(1, &errors);
                ControlFlow::Break(())
            }
        }
    }

    fn row(&mut self, number: u64, cells: &[&str]) {
        let Some(columns) = &self.columns else {
            return;
        };
        let read = match columns {
            Columns::Claims(c) => c
                .read(cells)
                .map(|r| (r.agreement, Item::Claim(r.claim, r.replaces))),
            Columns::Mandates(c) => c
                .read(cells)
                .map(|r| (r.agreement, Item::Mandate(r.mandate))),
            Columns::AvtaleGiro(c) => c
                .read(cells)
                .map(|r| (r.agreement, Item::AvtaleGiro(r.claim))),
        };
        let (named, item) = match read {
            Ok(x) => x,
            Err(errors) => {
                self.report_all(number, &errors);
                return;
            }
        };
        if let (Some(due), Some((first, last))) = (item.due_date(), self.window)
            && (due < first || due > last)
        {
            let message = Said::new("make.due-date-window")
                .with("due", due)
                .with("first", first)
                .with("last", last);
            self.report(number, "due_date", "due-date-window", message);
            return;
        }
        let Some(agreement) = self.agreement_of(number, named) else {
            return;
        };
        self.write(number, agreement, item);
    }

    fn bad_row(&mut self, number: u64, message: Said) {
        self.report(number, "", "invalid-row", message);
    }
}

/// Writes the file of `table` to `file` (at `path`) and validates it.
fn write(
    job: &Job<'_>,
    table: &mut dyn Table,
    transmission: u32,
    numbering: Numbering<'_, '_>,
    file: File,
    path: &Path,
    on: &mut dyn FnMut(RowEvent),
) -> Result<Result<MadeFile, NotMade>, Error> {
    let writer = TransmissionWriter::to_mps(
        BufWriter::with_capacity(1 << 16, file),
        job.settings.payee.customer_unit,
        transmission,
    )
    .map_err(|e| Error::Make(Said::new("make.cannot-write").with("error", e)))?;
    let mut pass = Pass {
        job,
        on,
        columns: None,
        agreement: None,
        later: Vec::new(),
        reporting: true,
        problems: 0,
        writer: Some(writer),
        begun: false,
        numbering,
        number: 0,
        window: job.options.due_date_window(),
        count: 0,
        sum: Amount::ZERO,
        failed: None,
        own: HashMap::new(),
    };
    table
        .read(&mut pass)
        .map_err(|e| Error::Make(Said::plain(e)))?;
    let mut assignments = u32::from(pass.begun);
    for agreement in std::mem::take(&mut pass.later) {
        if pass.problems > 0 || pass.failed.is_some() {
            break;
        }
        pass.reporting = false;
        pass.agreement = Some(agreement);
        pass.begun = false;
        table
            .read(&mut pass)
            .map_err(|e| Error::Make(Said::plain(e)))?;
        assignments += 1;
    }
    if let Some(e) = pass.failed.take() {
        return Err(e);
    }
    if pass.problems > 0 {
        return Ok(Err(NotMade::Problems(pass.problems)));
    }
    if pass.count == 0 {
        return Ok(Err(NotMade::NoRows));
    }
    let writer = pass
        .writer
        .take()
        .ok_or_else(|| Error::Make(Said::new("make.writer-lost")))?;
    let cannot =
        |e: &dyn fmt::Display| Error::Make(Said::new("make.cannot-write").with("error", e));
    let mut handle = writer.finish().map_err(|e| cannot(&e))?;
    handle.flush().map_err(|e| cannot(&e))?;
    drop(handle);
    // Every rule, on the file as written.
    let file = File::open(path).map_err(Error::io("io.read-made", path))?;
    let mut diagnostics = Vec::new();
    autogiro_model::validate_each(
        autogiro_format::AlignedReader::with_capacity(1 << 16, file),
        job.options,
        |d| diagnostics.push(d),
    );
    if diagnostics.iter().any(Diagnostic::is_error) {
        for d in diagnostics {
            (pass.on)(RowEvent::Invalid(d));
        }
        return Ok(Err(NotMade::Invalid));
    }
    pass.own_references_waiting()?;
    Ok(Ok(MadeFile {
        making: job.making,
        transmission,
        assignments,
        count: pass.count,
        sum: pass.sum,
    }))
}
