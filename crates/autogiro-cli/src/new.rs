//! `autogiro new claims` and `autogiro new mandates`: `autogiro::payee::Payee::make` on the
//! table the command reads (`table.rs`), each problem of a row printed (in words or as JSON),
//! the file made put where `-o` says.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use autogiro::payee::{Making, Numbers, Output, Payee, RowEvent, Table, Visitor};

use crate::{OutArgs, OutputFormat, Status, output, table};

/// The numbers and options of a `new` command.
pub(crate) struct Job<'a> {
    pub(crate) making: Making,
    pub(crate) input: &'a Path,
    pub(crate) numbers: Numbers,
    pub(crate) payee: Payee,
    pub(crate) format: OutputFormat,
    pub(crate) out: &'a OutArgs,
}

/// The table at a path, read from its start at each pass.
struct PathTable<'a> {
    path: &'a Path,
    shown: &'a Path,
}

impl Table for PathTable<'_> {
    fn read(&mut self, visitor: &mut dyn Visitor) -> Result<(), String> {
        table::read(self.path, self.shown, visitor).map_err(|e| format!("{e:#}"))
    }
}

/// Prints what `make` says of the table read from `file`.
fn print(file: &str, format: OutputFormat, event: RowEvent) {
    match (event, format) {
        (RowEvent::Invalid(d), _) => eprintln!("{file}: the file made: {d}"),
        (
            RowEvent::Problem {
                row,
                column,
                message,
                ..
            },
            OutputFormat::Human,
        ) => {
            if column.is_empty() {
                eprintln!("{file}:{row}: {message}");
            } else {
                eprintln!("{file}:{row}: {column}: {message}");
            }
        }
        (
            RowEvent::Problem {
                row,
                column,
                code,
                message,
            },
            OutputFormat::Json,
        ) => eprintln!(
            "{}",
            serde_json::json!({
                "file": file, "row": row, "column": column, "code": code, "message": message,
            })
        ),
        (
            RowEvent::Warning {
                row,
                column,
                message,
                ..
            },
            OutputFormat::Human,
        ) => eprintln!("{file}:{row}: {column}: warning: {message}"),
        (
            RowEvent::Warning {
                row,
                column,
                code,
                message,
            },
            OutputFormat::Json,
        ) => eprintln!(
            "{}",
            serde_json::json!({
                "file": file, "row": row, "column": column, "code": code,
                "severity": "warning", "message": message,
            })
        ),
        (_, _) => {}
    }
}

/// Runs `new claims` or `new mandates`.
pub(crate) fn run(mut job: Job<'_>) -> anyhow::Result<Status> {
    let file = crate::input::name(job.input);
    // Standard input goes to a temporary file first: the table is read once per agreement.
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
    let name = job
        .out
        .output
        .as_ref()
        .and_then(|p| p.file_name())
        .map_or_else(
            || "<stdout>".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
    let format = job.format;
    let made = job.payee.make(
        job.making,
        &mut PathTable { path: &path, shown },
        job.numbers,
        Output {
            file: handle,
            path: temp.path(),
            name,
        },
        |event| print(&file, format, event),
    )?;
    match made {
        Ok(made) => {
            output::persist(temp, job.out)?;
            eprintln!("{}: {made}", shown_output(job.out));
            Ok(Status::Ok)
        }
        Err(not) => {
            eprintln!("{file}: {not}");
            Ok(Status::Problems)
        }
    }
}

/// Standard input in a temporary file; `None` for a file.
fn spool(input: &Path) -> anyhow::Result<Option<tempfile::NamedTempFile>> {
    if !crate::input::is_stdin(input) {
        return Ok(None);
    }
    let mut temp = tempfile::NamedTempFile::new().context("cannot make a temporary file")?;
    std::io::copy(&mut std::io::stdin().lock(), &mut temp).context("cannot read standard input")?;
    Ok(Some(temp))
}

/// The output's name, for messages.
fn shown_output(out: &OutArgs) -> String {
    out.output
        .as_ref()
        .map_or_else(|| "<stdout>".to_owned(), |p| p.display().to_string())
}
