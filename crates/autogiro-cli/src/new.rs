//! `autogiro new claims` and `autogiro new mandates`: a file for MPS from a table of billing
//! data (CSV, JSON or `.xlsx`) and the payee's settings.
//!
//! Every problem of every row is reported before anything is written. The file is written
//! record by record to a temporary file (constant memory, whatever the number of rows),
//! validated there with every rule, and only then put in place. With several agreements the
//! rows of each go to an assignment of their own, in the order the agreements first appear:
//! the table is read once per agreement.

use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use autogiro::model::{
    Amount, AssignmentHeader, Claim, Mandate, ReadOptions, TransmissionWriter, WriteError,
};
use autogiro::rows::{ClaimColumns, MandateColumns, RowErrors};
use autogiro::settings::Settings;
use time::Date;

use crate::{OutArgs, OutputFormat, Status, output, table};

/// What a `new` command makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum What {
    Claims,
    Mandates,
}

/// Where the transmission and assignment numbers come from.
pub(crate) enum Numbers {
    /// `--transmission` and `--assignment` (the first assignment; the next take the next).
    Given { transmission: u32, assignment: u32 },
    /// The book: taken there (and recorded as used) for a file prepared on the date.
    Book(Box<autogiro::book::Book>, Date),
}

/// The assignment numbers of the file being written.
enum Numbering<'p, 't> {
    /// The next one to give.
    Given(u32),
    /// Taken from the book, in the transaction that records the file.
    Book(&'p mut autogiro::book::Preparing<'t>),
}

impl Numbering<'_, '_> {
    fn next(&mut self, agreement: u32) -> anyhow::Result<u32> {
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

/// The numbers and options of a `new` command.
pub(crate) struct Job<'a> {
    pub(crate) what: What,
    pub(crate) input: &'a Path,
    pub(crate) numbers: Numbers,
    pub(crate) settings: &'a Settings,
    pub(crate) options: ReadOptions,
    pub(crate) format: OutputFormat,
    pub(crate) out: &'a OutArgs,
}

/// The columns of the table, once its header is read.
enum Columns {
    Claims(ClaimColumns),
    Mandates(MandateColumns),
}

/// One row made into a claim (with the own reference of the rejected claim it bills again)
/// or a mandate.
enum Item {
    Claim(Claim, Option<String>),
    Mandate(Mandate),
}

/// Reads the table in passes, one per agreement, writing the rows of the pass's agreement.
struct Pass<'a, 'p, 't> {
    job: &'a Job<'a>,
    file: String,
    columns: Option<Columns>,
    /// The agreement this pass writes; `None` until the first good row of the first pass.
    agreement: Option<u32>,
    /// Agreements seen that later passes write, in order of first appearance.
    later: Vec<u32>,
    /// Whether this pass reports problems (the first) or only writes.
    reporting: bool,
    problems: u64,
    writer: Option<TransmissionWriter<BufWriter<std::fs::File>>>,
    begun: bool,
    numbering: Numbering<'p, 't>,
    /// The number of the assignment being written.
    number: u32,
    window: Option<(Date, Date)>,
    count: u64,
    sum: Amount,
    /// A fatal error of the writer (I/O), reported after the pass.
    failed: Option<anyhow::Error>,
    /// The non-blank own references written, by agreement, with the first row of each.
    own: std::collections::HashMap<(u32, String), u64>,
}

impl Pass<'_, '_, '_> {
    fn report(&mut self, row: u64, column: &str, code: &str, message: &str) {
        self.problems += 1;
        if !self.reporting {
            return;
        }
        match self.job.format {
            OutputFormat::Human => {
                if column.is_empty() {
                    eprintln!("{}:{row}: {message}", self.file);
                } else {
                    eprintln!("{}:{row}: {column}: {message}", self.file);
                }
            }
            OutputFormat::Json => eprintln!(
                "{}",
                serde_json::json!({
                    "file": self.file, "row": row, "column": column, "code": code, "message": message,
                })
            ),
        }
    }

    /// A warning of a row: said, not counted as a problem (the row is written).
    fn warn(&self, row: u64, column: &str, code: &str, message: &str) {
        match self.job.format {
            OutputFormat::Human => eprintln!("{}:{row}: {column}: warning: {message}", self.file),
            OutputFormat::Json => eprintln!(
                "{}",
                serde_json::json!({
                    "file": self.file, "row": row, "column": column, "code": code,
                    "severity": "warning", "message": message,
                })
            ),
        }
    }

    fn report_all(&mut self, row: u64, errors: &RowErrors) {
        for e in errors.iter() {
            self.report(row, &e.column, e.code, &e.message);
        }
    }

    /// The agreement of a row: its own, or the only one of the settings.
    fn agreement_of(&mut self, row: u64, named: Option<u32>) -> Option<u32> {
        let settings = self.job.settings;
        match named {
            Some(id) if settings.agreement(id).is_some() => Some(id),
            Some(id) => {
                let message = format!(
                    "agreement {id:09} is not in the settings ([[agreement]] tables of autogiro.toml)"
                );
                self.report(row, "agreement", "unknown-agreement", &message);
                None
            }
            None => {
                if let [only] = settings.agreements.as_slice() {
                    return Some(only.id);
                }
                self.report(
                    row,
                    "agreement",
                    "missing-value",
                    "required: the settings list several agreements",
                );
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
        let Some(writer) = &mut self.writer else {
            return;
        };
        if !self.begun {
            match self.numbering.next(agreement) {
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
            Item::Mandate(_) => (None, None),
        };
        let result = (|| {
            if !self.begun {
                let account = self
                    .job
                    .settings
                    .agreement(agreement)
                    .map(|a| a.account)
                    .ok_or(WriteError::NoAssignment { kind: "a row" })?;
                let header = AssignmentHeader::new(agreement, self.number, account);
                match self.job.what {
                    What::Claims => writer.begin_claims(header)?,
                    What::Mandates => writer.begin_mandates(header)?,
                }
                self.begun = true;
            }
            match item {
                Item::Claim(c, _) => {
                    self.sum = self.sum.checked_add(c.amount).unwrap_or(Amount::MAX);
                    writer.push_claim(c)
                }
                Item::Mandate(m) => writer.push_mandate(m),
            }
        })();
        match result {
            Ok(_) => {
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
            Err(WriteError::Build(e)) => self.report(row, "", "invalid-row", &e.to_string()),
            Err(e) => self.failed = Some(e.into()),
        }
    }
}

impl Pass<'_, '_, '_> {
    /// Keeps a row's own reference, with a warning when an earlier row of the file has it.
    fn own_reference(&mut self, row: u64, agreement: u32, own: String) {
        match self.own.entry((agreement, own)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let message = format!(
                    "{:?} is the own reference of row {} too: MPS's answers to the two can be told apart only by payer, amount and date",
                    e.key().1,
                    e.get()
                );
                self.warn(row, "own_reference", "own-reference-reused", &message);
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
            Numbering::Book(preparing) => preparing
                .replaces(agreement, own, replaces)
                .map_err(anyhow::Error::from),
            Numbering::Given(_) => {
                self.report(
                    row,
                    "replaces",
                    "no-book",
                    "a claim billed again is recorded in the book: configure one ([book] in autogiro.toml, or --book)",
                );
                return;
            }
        };
        if let Err(e) = recorded {
            self.failed = Some(e);
        }
    }

    /// Warns of each own reference written that a claim waiting in the book has already.
    fn own_references_waiting(&mut self) -> anyhow::Result<()> {
        let Numbering::Book(book) = &mut self.numbering else {
            return Ok(());
        };
        let agreements: std::collections::BTreeSet<u32> =
            self.own.keys().map(|(a, _)| *a).collect();
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
            let message = format!(
                "{own:?} is the own reference of a claim still waiting for MPS's answer (`autogiro book status --all`): MPS's answers to the two can be told apart only by payer, amount and date"
            );
            self.warn(row, "own_reference", "own-reference-reused", &message);
        }
        Ok(())
    }
}

impl table::Visitor for Pass<'_, '_, '_> {
    fn columns(&self) -> &'static [&'static str] {
        match self.job.what {
            What::Claims => autogiro::rows::BILLING_CLAIM_COLUMNS,
            What::Mandates => autogiro::rows::MANDATE_COLUMNS,
        }
    }

    fn header(&mut self, names: &[&str]) -> Result<(), ()> {
        let columns = match self.job.what {
            What::Claims => ClaimColumns::from_header(names).map(Columns::Claims),
            What::Mandates => MandateColumns::from_header(names)
                .map(|c| match self.job.options.today {
                    Some(today) => c.today(today),
                    None => c,
                })
                .map(Columns::Mandates),
        };
        match columns {
            Ok(c) => {
                self.columns = Some(c);
                Ok(())
            }
            Err(errors) => {
                self.report_all(1, &errors);
                Err(())
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
        };
        let (named, item) = match read {
            Ok(x) => x,
            Err(errors) => {
                self.report_all(number, &errors);
                return;
            }
        };
        if let (Item::Claim(c, _), Some((first, last))) = (&item, self.window)
            && (c.date < first || c.date > last)
        {
            let message = format!(
                "{} is more than 12 months from the day the file is read (expected {first} to {last})",
                c.date
            );
            self.report(number, "due_date", "due-date-window", &message);
            return;
        }
        let Some(agreement) = self.agreement_of(number, named) else {
            return;
        };
        self.write(number, agreement, item);
    }

    fn bad_row(&mut self, number: u64, message: String) {
        self.report(number, "", "invalid-row", &message);
    }
}

/// Runs `new claims` or `new mandates`.
pub(crate) fn run(mut job: Job<'_>) -> anyhow::Result<Status> {
    let sender = job.settings.payee.customer_unit;
    let numbers = std::mem::replace(
        &mut job.numbers,
        Numbers::Given {
            transmission: 0,
            assignment: 0,
        },
    );
    let written = match numbers {
        Numbers::Given {
            transmission,
            assignment,
        } => write(&job, transmission, Numbering::Given(assignment))?,
        // The numbers are taken in the transaction that records the file as prepared, and
        // given back when no file is made: a `new` that fails, or is killed, loses none.
        Numbers::Book(mut book, today) => book.prepare(sender, today, |preparing| {
            let transmission = preparing.transmission();
            match write(&job, transmission, Numbering::Book(preparing))? {
                Written::File(made) => {
                    let content = made.temp.reopen().context("cannot read the file made")?;
                    let sha256 = autogiro::book::Book::sha256_of(content)
                        .context("cannot read the file made")?;
                    let name = job
                        .out
                        .output
                        .as_ref()
                        .and_then(|p| p.file_name())
                        .map_or_else(
                            || "<stdout>".to_owned(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                    Ok::<_, anyhow::Error>(autogiro::book::Made::File {
                        value: Written::File(made),
                        name,
                        sha256,
                    })
                }
                nothing @ Written::Nothing(_) => Ok(autogiro::book::Made::Nothing(nothing)),
            }
        })?,
    };
    let made = match written {
        Written::File(made) => made,
        Written::Nothing(status) => return Ok(status),
    };
    output::persist(made.temp, job.out)?;
    eprintln!("{}", made.summary);
    Ok(Status::Ok)
}

/// What [`write`] made: a file, in its temporary place, with the line that sums it up; or
/// nothing (the problems said).
enum Written {
    File(MadeFile),
    Nothing(Status),
}

/// A file made and validated, not yet in place.
struct MadeFile {
    temp: output::Temporary,
    summary: String,
}

fn write(
    job: &Job<'_>,
    transmission: u32,
    numbering: Numbering<'_, '_>,
) -> anyhow::Result<Written> {
    if job.settings.agreements.is_empty() {
        bail!("the settings list no agreement: add an [[agreement]] table to autogiro.toml");
    }
    let file = crate::input::name(job.input);
    let spooled = spool(job.input)?;
    let path: PathBuf = spooled
        .as_ref()
        .map_or_else(|| job.input.to_path_buf(), |t| t.path().to_path_buf());
    let shown: &Path = if spooled.is_some() {
        Path::new("stdin.csv")
    } else {
        job.input
    };

    let temp = output::temporary(job.out)?;
    let handle = temp
        .reopen()
        .with_context(|| format!("cannot write {}", temp.path().display()))?;
    let writer = TransmissionWriter::to_mps(
        BufWriter::with_capacity(1 << 16, handle),
        job.settings.payee.customer_unit,
        transmission,
    )?;
    let mut pass = Pass {
        job,
        file: file.clone(),
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
        own: std::collections::HashMap::new(),
    };
    table::read(&path, shown, &mut pass)?;
    let mut assignments = u32::from(pass.begun);
    let later = std::mem::take(&mut pass.later);
    for agreement in later {
        if pass.problems > 0 || pass.failed.is_some() {
            break;
        }
        pass.reporting = false;
        pass.agreement = Some(agreement);
        pass.begun = false;
        table::read(&path, shown, &mut pass)?;
        assignments += 1;
    }
    if let Some(e) = pass.failed.take() {
        return Err(e.context("cannot write the file"));
    }
    let what = match job.what {
        What::Claims => "claims",
        What::Mandates => "mandates",
    };
    if pass.problems > 0 {
        eprintln!("{file}: {} problem(s); nothing written", pass.problems);
        return Ok(Written::Nothing(Status::Problems));
    }
    if pass.count == 0 {
        eprintln!("{file}: no rows; nothing written");
        return Ok(Written::Nothing(Status::Problems));
    }
    let writer = pass.writer.take().context("the writer was lost")?;
    let mut handle = writer.finish()?;
    handle.flush().context("cannot write the file")?;
    drop(handle);

    if !valid(&temp, &file, &job.options)? {
        return Ok(Written::Nothing(Status::Problems));
    }
    pass.own_references_waiting()?;
    let total = if job.what == What::Claims {
        format!(", {} NOK", pass.sum)
    } else {
        String::new()
    };
    let summary = format!(
        "{}: transmission {transmission}, {assignments} assignment(s), {} {what}{total}",
        shown_output(job.out),
        pass.count,
    );
    Ok(Written::File(MadeFile { temp, summary }))
}

/// Standard input in a temporary file (the table is read once per agreement); `None` for a
/// file.
fn spool(input: &Path) -> anyhow::Result<Option<tempfile::NamedTempFile>> {
    if !crate::input::is_stdin(input) {
        return Ok(None);
    }
    let mut temp = tempfile::NamedTempFile::new().context("cannot make a temporary file")?;
    std::io::copy(&mut std::io::stdin().lock(), &mut temp).context("cannot read standard input")?;
    Ok(Some(temp))
}

/// Every rule, on the file as written; the diagnostics printed when it is not valid.
fn valid(temp: &output::Temporary, file: &str, options: &ReadOptions) -> anyhow::Result<bool> {
    let report =
        autogiro::validate_file(temp.path(), options).context("cannot read the file back")?;
    if !report.is_valid() {
        for d in &report.diagnostics {
            eprintln!("{file}: the file made: {d}");
        }
        eprintln!("{file}: nothing written: the file would not validate");
    }
    Ok(report.is_valid())
}

/// The output's name, for messages and the book.
fn shown_output(out: &OutArgs) -> String {
    out.output
        .as_ref()
        .map_or_else(|| "<stdout>".to_owned(), |p| p.display().to_string())
}
