//! `autogiro convert` (OCR, JSON, CSV) and `autogiro fmt`.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use autogiro::format::{Error as FormatError, LineEnding, Reader, Writer};
use autogiro::model::{Assignment, Claim, Diagnostic, ReadOptions, Transmission, WriteError};

use crate::{OutArgs, Status, Target, input, output};

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
        let read = Transmission::read(&data[..], options);
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
        Target::Csv => csv(&transmission).into_bytes(),
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

/// A CSV field, quoted when it must be.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// One row per claim (settled and rejected ones too), with its assignment's columns.
fn csv(t: &Transmission) -> String {
    let mut s = String::from(
        "assignment,kind,agreement_id,assignment_number,assignment_account,transaction_number,claim_type,date,payer,amount_nok,kid,short_name,own_reference,foreign_reference,error_code\n",
    );
    for (i, a) in t.assignments.iter().enumerate() {
        let h = a.header();
        let rows: Vec<(&Claim, Option<u16>)> = match a {
            Assignment::Claims(c) => c.claims.iter().map(|c| (c, None)).collect(),
            Assignment::Settled(c) => c.claims.iter().map(|c| (c, None)).collect(),
            Assignment::Rejected(r) => r
                .rejections
                .iter()
                .map(|r| (&r.claim, Some(r.code.number())))
                .collect(),
            Assignment::Mandates(_) => Vec::new(),
        };
        let kind = match a {
            Assignment::Claims(_) => "claims",
            Assignment::Settled(_) => "settled",
            Assignment::Rejected(_) => "rejected",
            Assignment::Mandates(_) => "mandates",
        };
        for (c, code) in rows {
            let _ = writeln!(
                s,
                "{},{kind},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                i + 1,
                h.agreement_id,
                h.assignment_number,
                h.account.as_str(),
                c.transaction_number,
                c.claim_type,
                c.date,
                field(c.payer.digits()),
                c.amount,
                c.kid.map(|k| k.as_str().to_owned()).unwrap_or_default(),
                field(&c.short_name.to_string()),
                field(&c.own_reference.to_string()),
                field(&c.foreign_reference.to_string()),
                code.map(|c| format!("{c:03}")).unwrap_or_default(),
            );
        }
    }
    s
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
