//! `autogiro new claims` and `autogiro new mandates`: `autogiro::payee::Payee::make` on the
//! table the command reads (`table.rs`), each problem of a row printed (in words or as JSON),
//! the file made put where `-o` says.

use std::path::{Path, PathBuf};

use crate::told::Tell as _;
use autogiro::model::{Lang, Said};
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
    /// The language of what is said of the rows and of the file made.
    pub(crate) lang: Lang,
}

/// The table at a path, read from its start at each pass; why it cannot be, in `lang`.
struct PathTable<'a> {
    path: &'a Path,
    shown: &'a Path,
    lang: Lang,
}

impl Table for PathTable<'_> {
    fn read(&mut self, visitor: &mut dyn Visitor) -> Result<(), String> {
        table::read(self.path, self.shown, visitor).map_err(|e| crate::told::render(&e, self.lang))
    }
}

/// Prints what `make` says of the table read from `file`: a row's problem or warning in
/// words (`FILE:ROW: COLUMN: [warning: ]MESSAGE`) or as a JSON line (a warning with
/// `"severity": "warning"`), a diagnostic of the file made as `validate` says it; in `lang`.
fn print(file: &str, format: OutputFormat, lang: Lang, event: RowEvent) {
    let (row, column, code, message, warning) = match event {
        RowEvent::Invalid(d) => {
            let made = Said::new("new.file-made").render(lang);
            eprintln!("{file}: {made}: {}", d.to_string_in(lang));
            return;
        }
        RowEvent::Problem {
            row,
            column,
            code,
            message,
        } => (row, column, code, message, false),
        RowEvent::Warning {
            row,
            column,
            code,
            message,
        } => (row, column, code, message, true),
        _ => return,
    };
    let message = message.render(lang);
    match format {
        OutputFormat::Human => {
            let column = if column.is_empty() {
                String::new()
            } else {
                format!("{column}: ")
            };
            let severity = if warning {
                format!("{}: ", Said::new("cli.warning").render(lang))
            } else {
                String::new()
            };
            eprintln!("{file}:{row}: {column}{severity}{message}");
        }
        OutputFormat::Json => {
            let mut json = serde_json::Map::new();
            json.insert("file".to_owned(), file.into());
            json.insert("row".to_owned(), row.into());
            json.insert("column".to_owned(), column.into());
            json.insert("code".to_owned(), code.into());
            if warning {
                json.insert("severity".to_owned(), "warning".into());
            }
            json.insert("message".to_owned(), message.into());
            eprintln!("{}", serde_json::Value::Object(json));
        }
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
        .tell(|| Said::new("cli.cannot-write").with("path", temp.path().display()))?;
    let name = job
        .out
        .output
        .as_ref()
        .and_then(|p| p.file_name())
        .map_or_else(
            || "<stdout>".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
    let (format, lang) = (job.format, job.lang);
    let made = job.payee.make(
        job.making,
        &mut PathTable {
            path: &path,
            shown,
            lang,
        },
        job.numbers,
        Output {
            file: handle,
            path: temp.path(),
            name,
        },
        |event| print(&file, format, lang, event),
    )?;
    match made {
        Ok(made) => {
            output::persist(temp, job.out)?;
            eprintln!("{}: {}", shown_output(job.out), made.said().render(lang));
            Ok(Status::Ok)
        }
        Err(not) => {
            eprintln!("{file}: {}", not.said().render(lang));
            Ok(Status::Problems)
        }
    }
}

/// Standard input in a temporary file; `None` for a file.
fn spool(input: &Path) -> anyhow::Result<Option<tempfile::NamedTempFile>> {
    if !crate::input::is_stdin(input) {
        return Ok(None);
    }
    let mut temp =
        tempfile::NamedTempFile::new().tell(|| Said::new("cli.cannot-make-temporary"))?;
    std::io::copy(&mut std::io::stdin().lock(), &mut temp)
        .tell(|| Said::new("cli.cannot-read-stdin"))?;
    Ok(Some(temp))
}

/// The output's name, for messages.
fn shown_output(out: &OutArgs) -> String {
    out.output
        .as_ref()
        .map_or_else(|| "<stdout>".to_owned(), |p| p.display().to_string())
}
