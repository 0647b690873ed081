//! `autogiro convert` (OCR, JSON, CSV) and `autogiro fmt`.

use std::io::BufWriter;
use std::ops::ControlFlow;
use std::path::Path;

use crate::told::{Tell as _, because, told};
use autogiro::format::{Error as FormatError, LineEnding, Reader, Writer};
use autogiro::model::{Assignment, Diagnostic, Lang, ReadOptions, Said, Transmission, WriteError};
use autogiro::rows;

use crate::{Dialect, OutArgs, Status, Target, input, output};

/// Whether the input is the model's JSON: a `.json` name, or a `{` first.
fn is_json(path: &Path, data: &[u8]) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || data.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Prints diagnostics one per line on standard error, in `lang`.
fn report(name: &str, diagnostics: &[Diagnostic], lang: Lang) {
    for d in diagnostics {
        eprintln!("{name}: {}", d.to_string_in(lang));
    }
}

pub(crate) fn run(
    path: &Path,
    to: Target,
    dialect: Dialect,
    out: &OutArgs,
    options: &ReadOptions,
    lang: Lang,
) -> anyhow::Result<Status> {
    let name = input::name(path);
    let data = input::bytes(path)?;
    let json = is_json(path, &data);
    let transmission = if json {
        match crate::json::transmission(&data) {
            Ok(mut t) => {
                t.number_unnumbered();
                t
            }
            Err(e) => {
                eprintln!("{name}: {}: {e}", Said::new("cli.error").render(lang));
                eprintln!("{name}: {}", Said::new("convert.not-json").render(lang));
                return Ok(Status::Problems);
            }
        }
    } else {
        let read = Transmission::read_slice(&data, options);
        if read.has_errors() {
            report(&name, &read.diagnostics, lang);
            eprintln!("{name}: {}", Said::new("convert.has-errors").render(lang));
            return Ok(Status::Problems);
        }
        read.transmission
    };
    let bytes = match to {
        Target::Json => {
            let mut json = serde_json::to_vec_pretty(&transmission)?;
            json.push(b'\n');
            json
        }
        Target::Csv => csv(&transmission, dialect, &name, lang)?,
        Target::Ocr => {
            // Every rule, on the bytes about to be written: nothing is written that MPS would
            // reject.
            let mut bytes = Vec::new();
            match transmission.write_checked(&mut bytes, options) {
                Ok(report) => report_written(&name, &transmission, json, &report.diagnostics, lang),
                Err(WriteError::Invalid(report)) => {
                    report_written(&name, &transmission, json, &report.diagnostics, lang);
                    let said = Said::new("convert.would-have-errors").with("n", report.errors());
                    eprintln!("{name}: {}", said.render(lang));
                    return Ok(Status::Problems);
                }
                Err(e) => {
                    return Err(e)
                        .tell(|| Said::new("cli.cannot-write-as-file").with("name", name));
                }
            }
            bytes
        }
    };
    output::write(out, &bytes)?;
    Ok(Status::Ok)
}

/// Prints the diagnostics of a file about to be written: for JSON input by the path of the
/// JSON field they concern, else by the line of the written file.
fn report_written(
    name: &str,
    t: &Transmission,
    json: bool,
    diagnostics: &[Diagnostic],
    lang: Lang,
) {
    if !json {
        return report(name, diagnostics, lang);
    }
    for (d, path) in diagnostics.iter().zip(t.json_paths(diagnostics)) {
        let severity = if d.is_error() { "error" } else { "warning" };
        eprintln!(
            "{name}: {path}: {severity}: {} [{}]",
            d.message_in(lang),
            d.code
        );
    }
}

/// What a CSV of a transmission lists: claims (AvtaleGiro's too), else OCR giro payments,
/// else Autogiro's mandates, else AvtaleGiro's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rows {
    Claims,
    Payments,
    Mandates,
    AvtaleGiroMandates,
}

impl Rows {
    /// The rows of `t`'s CSV: its claims (settled and rejected ones, AvtaleGiro's claims and
    /// cancellation requests too) if it has any, else its OCR giro payments, else its
    /// mandates, else its AvtaleGiro mandates.
    fn of(t: &Transmission) -> Self {
        let has = |f: fn(&Assignment) -> bool| t.assignments.iter().any(f);
        if has(|a| {
            matches!(
                a,
                Assignment::Claims(_)
                    | Assignment::Settled(_)
                    | Assignment::Rejected(_)
                    | Assignment::AvtaleGiroClaims(_)
                    | Assignment::AvtaleGiroCancellations(_)
            )
        }) {
            Self::Claims
        } else if has(|a| matches!(a, Assignment::OcrGiro(_))) {
            Self::Payments
        } else if has(|a| matches!(a, Assignment::AvtaleGiroMandates(_))) {
            Self::AvtaleGiroMandates
        } else {
            Self::Mandates
        }
    }

    /// The columns, and what the rows are, for messages.
    /// Its columns, and what it lists (the catalogue's word).
    fn columns(self) -> (&'static [&'static str], &'static str) {
        match self {
            Self::Claims => (rows::CLAIM_COLUMNS, "kind.claims"),
            Self::Payments => (rows::PAYMENT_COLUMNS, "kind.ocr-giro"),
            Self::Mandates => (rows::MANDATE_COLUMNS, "kind.mandates"),
            Self::AvtaleGiroMandates => {
                (rows::AVTALEGIRO_MANDATE_COLUMNS, "kind.avtalegiro-mandates")
            }
        }
    }

    /// The rows of assignment `a`, or `None` when it holds items of another kind.
    fn cells(self, a: &Assignment) -> Option<Vec<Vec<String>>> {
        let h = a.header();
        let context = rows::Context {
            kind: a.kind(),
            agreement: h.agreement_id,
            assignment_number: h.assignment_number,
        };
        Some(match (self, a) {
            (Self::Claims, Assignment::Claims(c)) => c
                .claims
                .iter()
                .map(|c| rows::claim_cells(context, c, None))
                .collect(),
            (Self::Claims, Assignment::Settled(c)) => c
                .claims
                .iter()
                .map(|c| rows::claim_cells(context, c, None))
                .collect(),
            (Self::Claims, Assignment::Rejected(r)) => r
                .rejections
                .iter()
                .map(|r| rows::claim_cells(context, &r.claim, Some(r.code)))
                .collect(),
            (Self::Mandates, Assignment::Mandates(m)) => m
                .mandates
                .iter()
                .map(|m| rows::mandate_cells(context, m))
                .collect(),
            (Self::Payments, Assignment::OcrGiro(o)) => o
                .payments
                .iter()
                .map(|p| rows::payment_cells(context, p))
                .collect(),
            (Self::Claims, Assignment::AvtaleGiroClaims(c)) => c
                .claims
                .iter()
                .map(|c| rows::avtalegiro_claim_cells(context, c))
                .collect(),
            (Self::Claims, Assignment::AvtaleGiroCancellations(c)) => c
                .cancellations
                .iter()
                .map(|c| rows::avtalegiro_claim_cells(context, c))
                .collect(),
            (Self::AvtaleGiroMandates, Assignment::AvtaleGiroMandates(m)) => m
                .mandates
                .iter()
                .map(|m| rows::avtalegiro_mandate_cells(context, m))
                .collect(),
            _ => return None,
        })
    }
}

/// The CSV of a transmission: one row per claim (settled and rejected ones, AvtaleGiro's
/// claims and cancellation requests too), in the columns `autogiro new claims` reads; a file
/// of OCR giro payments, one row per payment; a file of mandates only, one row per mandate in
/// the columns `autogiro new mandates` reads; AvtaleGiro's mandates, one row each. A file
/// with more than one gives the first of these it has (and says what it left out).
fn csv(t: &Transmission, dialect: Dialect, name: &str, lang: Lang) -> anyhow::Result<Vec<u8>> {
    let excel = dialect == Dialect::Excel;
    let mut out = Vec::new();
    if excel {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(if excel { b';' } else { b',' })
        .terminator(if excel {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(&mut out);
    let kind = Rows::of(t);
    let (columns, listed) = kind.columns();
    w.write_record(columns)?;
    // What is left out, by what it is.
    let mut skipped: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for a in &t.assignments {
        let Some(mut cells) = kind.cells(a) else {
            *skipped.entry(a.kind().description_in(lang)).or_default() += a.len();
            continue;
        };
        for row in &mut cells {
            for cell in row.iter_mut() {
                if let std::borrow::Cow::Owned(safe) = rows::spreadsheet_safe(cell) {
                    *cell = safe;
                }
            }
            if excel {
                excel_cells(columns, row);
            }
            w.write_record(&*row)?;
        }
    }
    w.flush()?;
    drop(w);
    for (what, n) in skipped.into_iter().filter(|&(_, n)| n > 0) {
        let said = Said::new("convert.skipped")
            .with("n", n)
            .with("what", what)
            .with_words("listed", Said::new(listed));
        eprintln!("{name}: {}", said.render(lang));
    }
    Ok(out)
}

/// Cells for Norwegian Excel: a decimal comma in amounts, and identifiers written `="…"` so
/// that leading zeros survive and long numbers are not turned into 1.23E+15.
fn excel_cells(columns: &[&str], row: &mut [String]) {
    for (column, cell) in columns.iter().zip(row.iter_mut()) {
        match *column {
            "amount" | "limit" => *cell = cell.replace('.', ","),
            "agreement"
            | "payer_reference"
            | "kid"
            | "account"
            | "error_code"
            | "organisation_number"
                if !cell.is_empty() =>
            {
                *cell = format!("=\"{cell}\"");
            }
            _ => {}
        }
    }
}

/// `autogiro fmt`: every record parsed and re-encoded, canonical line breaks; read and written a
/// record at a time (the output through a temporary file), so that memory stays bounded
/// whatever the file's size. `--check` writes the canonical form to a temporary file of its own
/// and compares its SHA-256 with the input's, hashed as it was read.
pub(crate) fn fmt(
    path: &Path,
    lf: bool,
    check: bool,
    out: &OutArgs,
    lang: Lang,
) -> anyhow::Result<Status> {
    let name = input::name(path);
    let ending = if lf { LineEnding::Lf } else { LineEnding::CrLf };
    let scratch = OutArgs {
        output: None,
        force: false,
    };
    let temp = output::temporary(if check { &scratch } else { out })?;
    let file = temp
        .reopen()
        .tell(|| Said::new("cli.cannot-write").with("path", temp.path().display()))?;
    let mut writer = Writer::new(BufWriter::with_capacity(1 << 16, file)).line_ending(ending);
    let mut input = autogiro::files::Hashing::new(input::reader(path)?);
    let mut errors = 0u64;
    let mut failed: Option<anyhow::Error> = None;
    Reader::new(&mut input).each(|_, item| {
        match item {
            // Once a line is not a record nothing is written: the rest is read for its errors.
            Ok((_, record)) if errors == 0 => {
                if let Err(e) = writer.write_record(record) {
                    failed = Some(because(Said::new("cli.cannot-write-formatted"), e));
                    return ControlFlow::Break(());
                }
            }
            Ok(_) => {}
            Err(e @ FormatError::Record { .. }) => {
                errors += 1;
                eprintln!(
                    "{name}: {}",
                    Diagnostic::from_format_error(e).to_string_in(lang)
                );
            }
            Err(e) => {
                failed = Some(told(
                    Said::new("cli.cannot-read-named")
                        .with("name", &name)
                        .with("error", e),
                ));
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    });
    if let Some(e) = failed {
        return Err(e);
    }
    if errors > 0 {
        eprintln!(
            "{name}: {}",
            Said::new("convert.not-formatted").render(lang)
        );
        return Ok(Status::Problems);
    }
    writer.flush()?;
    writer
        .into_inner()
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)
        .tell(|| Said::new("cli.cannot-write").with("path", temp.path().display()))?;
    if check {
        let formatted = temp
            .reopen()
            .and_then(autogiro::files::sha256_hex_of)
            .tell(|| Said::new("cli.cannot-read-back"))?;
        if formatted == input.sha256_hex() {
            return Ok(Status::Ok);
        }
        eprintln!(
            "{name}: {}",
            Said::new("convert.not-canonical").render(lang)
        );
        return Ok(Status::Problems);
    }
    output::persist(temp, out)?;
    Ok(Status::Ok)
}
