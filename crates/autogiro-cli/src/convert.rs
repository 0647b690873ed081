//! `autogiro convert` (OCR, JSON, CSV) and `autogiro fmt`.

use std::path::Path;

use anyhow::Context as _;
use autogiro::format::{Error as FormatError, LineEnding, Reader, Writer};
use autogiro::model::{Assignment, Diagnostic, ReadOptions, Transmission, WriteError};
use autogiro::rows;

use crate::{Dialect, OutArgs, Status, Target, input, output};

/// Whether the input is the model's JSON: a `.json` name, or a `{` first.
fn is_json(path: &Path, data: &[u8]) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || data.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Prints diagnostics one per line on standard error.
fn report(name: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{name}: {d}");
    }
}

pub(crate) fn run(
    path: &Path,
    to: Target,
    dialect: Dialect,
    out: &OutArgs,
    options: &ReadOptions,
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
                eprintln!("{name}: error: {e}");
                eprintln!("{name}: not converted: not the JSON form of a transmission");
                return Ok(Status::Problems);
            }
        }
    } else {
        let read = Transmission::read_slice(&data, options);
        if read.has_errors() {
            report(&name, &read.diagnostics);
            eprintln!("{name}: not converted: the file has errors");
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
        Target::Csv => csv(&transmission, dialect, &name)?,
        Target::Ocr => {
            // Every rule, on the bytes about to be written: nothing is written that MPS would
            // reject.
            let mut bytes = Vec::new();
            match transmission.write_checked(&mut bytes, options) {
                Ok(report) => report_written(&name, &transmission, json, &report.diagnostics),
                Err(WriteError::Invalid(report)) => {
                    report_written(&name, &transmission, json, &report.diagnostics);
                    eprintln!(
                        "{name}: nothing written: the file would have {} error(s)",
                        report.errors()
                    );
                    return Ok(Status::Problems);
                }
                Err(e) => return Err(e).with_context(|| format!("cannot write {name} as a file")),
            }
            bytes
        }
    };
    output::write(out, &bytes)?;
    Ok(Status::Ok)
}

/// Prints the diagnostics of a file about to be written: for JSON input by the path of the
/// JSON field they concern, else by the line of the written file.
fn report_written(name: &str, t: &Transmission, json: bool, diagnostics: &[Diagnostic]) {
    if !json {
        return report(name, diagnostics);
    }
    for (d, path) in diagnostics.iter().zip(t.json_paths(diagnostics)) {
        let severity = if d.is_error() { "error" } else { "warning" };
        eprintln!("{name}: {path}: {severity}: {} [{}]", d.message, d.code);
    }
}

/// The CSV of a transmission: one row per claim (settled and rejected ones too), in the
/// columns `autogiro new claims` reads; a file of mandates only, one row per mandate in the
/// columns `autogiro new mandates` reads. A file with both gives its claims (and says so).
fn csv(t: &Transmission, dialect: Dialect, name: &str) -> anyhow::Result<Vec<u8>> {
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
    // One kind of row a file: claims, else OCR giro payments, else mandates.
    let has_claims = t.assignments.iter().any(|a| {
        matches!(
            a,
            Assignment::Claims(_) | Assignment::Settled(_) | Assignment::Rejected(_)
        )
    });
    let has_payments = t
        .assignments
        .iter()
        .any(|a| matches!(a, Assignment::OcrGiro(_)));
    let (columns, listed) = if has_claims {
        (rows::CLAIM_COLUMNS, "claims")
    } else if has_payments {
        (rows::PAYMENT_COLUMNS, "OCR giro payments")
    } else {
        (rows::MANDATE_COLUMNS, "mandates")
    };
    let mut skipped_payments = 0;
    w.write_record(columns)?;
    let mut skipped = 0;
    for a in &t.assignments {
        let h = a.header();
        let context = |kind| rows::Context {
            kind,
            agreement: h.agreement_id,
            assignment_number: h.assignment_number,
        };
        let mut cells: Vec<Vec<String>> = match a {
            Assignment::Claims(c) => c
                .claims
                .iter()
                .map(|c| rows::claim_cells(context(a.kind()), c, None))
                .collect(),
            Assignment::Settled(c) => c
                .claims
                .iter()
                .map(|c| rows::claim_cells(context(a.kind()), c, None))
                .collect(),
            Assignment::Rejected(r) => r
                .rejections
                .iter()
                .map(|r| rows::claim_cells(context(a.kind()), &r.claim, Some(r.code)))
                .collect(),
            Assignment::Mandates(m) if !has_claims && !has_payments => m
                .mandates
                .iter()
                .map(|m| rows::mandate_cells(context(a.kind()), m))
                .collect(),
            Assignment::Mandates(m) => {
                skipped += m.mandates.len();
                Vec::new()
            }
            Assignment::OcrGiro(o) if !has_claims => o
                .payments
                .iter()
                .map(|p| rows::payment_cells(context(a.kind()), p))
                .collect(),
            Assignment::OcrGiro(o) => {
                skipped_payments += o.payments.len();
                Vec::new()
            }
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
    if skipped > 0 {
        eprintln!(
            "{name}: its {skipped} mandate(s) are not in the CSV, which lists {listed}: convert a file of mandates alone for them"
        );
    }
    if skipped_payments > 0 {
        eprintln!(
            "{name}: its {skipped_payments} OCR giro payment(s) are not in the CSV, which lists {listed}: convert a file of OCR giro payments alone for them"
        );
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

/// `autogiro fmt`: every record parsed and re-encoded, canonical line breaks.
pub(crate) fn fmt(path: &Path, lf: bool, check: bool, out: &OutArgs) -> anyhow::Result<Status> {
    let name = input::name(path);
    let data = input::bytes(path)?;
    let ending = if lf { LineEnding::Lf } else { LineEnding::CrLf };
    let mut writer = Writer::new(Vec::with_capacity(data.len() + 1024)).line_ending(ending);
    let mut errors = Vec::new();
    for item in Reader::new(&data[..]) {
        match item {
            Ok((_, record)) => writer.write_record(&record)?,
            Err(e @ FormatError::Record { .. }) => errors.push(Diagnostic::from_format_error(&e)),
            Err(e) => return Err(e).with_context(|| format!("cannot read {name}")),
        }
    }
    if !errors.is_empty() {
        report(&name, &errors);
        eprintln!("{name}: not formatted: lines that are not records cannot be rewritten");
        return Ok(Status::Problems);
    }
    let formatted = writer.into_inner();
    if check {
        if formatted == data {
            return Ok(Status::Ok);
        }
        eprintln!("{name}: not canonical (run `autogiro fmt` to rewrite it)");
        return Ok(Status::Problems);
    }
    output::write(out, &formatted)?;
    Ok(Status::Ok)
}
