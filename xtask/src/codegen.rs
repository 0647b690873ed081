//! `cargo xtask codegen [--check]`: the documents written from the code. `docs/columns.md`,
//! every column of billing data `new claims` and `new mandates` read, from
//! `autogiro_model::rows::CLAIM_COLUMN_DOCS` and `MANDATE_COLUMN_DOCS` (whose tests hold them to
//! what the reading does); in `docs/records.md`, the table of each record layout from
//! `autogiro_format::LAYOUTS` (its fields' columns, names and kinds), between the markers
//! `<!-- layout RT DIRECTION -->` and `<!-- end layout -->`, the prose around them kept.
//! `--check` fails, naming the file, when what is on disk differs.

use std::fmt::Write as _;
use std::path::Path;

use autogiro_format::{Direction, FieldKind, LAYOUTS, Layout, Service};
use autogiro_model::rows::{CLAIM_COLUMN_DOCS, Column, MANDATE_COLUMN_DOCS, Need};

/// Every generated file: its path from the workspace's root, and its content.
fn generated(root: &Path) -> Result<Vec<(&'static str, String)>, String> {
    let records = root.join("docs/records.md");
    let records =
        std::fs::read_to_string(&records).map_err(|e| format!("{}: {e}", records.display()))?;
    Ok(vec![
        ("docs/columns.md", columns()),
        ("docs/records.md", with_layouts(&records)?),
    ])
}

/// Writes every generated file, or with `check` says which differ.
pub(crate) fn run(root: &Path, check: bool) -> Result<(), String> {
    let mut stale = Vec::new();
    for (path, content) in generated(root)? {
        let file = root.join(path);
        let on_disk = std::fs::read_to_string(&file).unwrap_or_default();
        if on_disk == content {
            continue;
        }
        if check {
            stale.push(path);
        } else {
            std::fs::write(&file, content).map_err(|e| format!("{}: {e}", file.display()))?;
            println!("wrote {path}");
        }
    }
    if stale.is_empty() {
        println!("generated files: up to date");
        Ok(())
    } else {
        Err(format!(
            "{} differ from what the code says: run `cargo xtask codegen`",
            stale.join(", ")
        ))
    }
}

/// A table of columns.
fn table(out: &mut String, docs: &[Column]) {
    out.push_str("| column | needed | at most | what it holds |\n|---|---|---|---|\n");
    for c in docs.iter().filter(|c| c.need != Need::Ignored) {
        let max = c
            .max_chars
            .map_or_else(String::new, |m| format!("{m} characters"));
        // A `|` in a cell would end it.
        let holds = c.holds.replace('|', "\\|");
        let name = c.name;
        let need = c.need.as_str();
        let _ = writeln!(out, "| `{name}` | {need} | {max} | {holds} |");
    }
    let ignored: Vec<String> = docs
        .iter()
        .filter(|c| c.need == Need::Ignored)
        .map(|c| format!("`{}` ({})", c.name, c.holds))
        .collect();
    let _ = writeln!(
        out,
        "\nIgnored when read (`convert --to csv` writes them for people): {}.",
        ignored.join(", ")
    );
}

/// `docs/columns.md`.
fn columns() -> String {
    let mut out = String::from(
        "# The columns of billing data\n\n\
         <!-- Written by `cargo xtask codegen` from `crates/autogiro-model/src/rows/columns.rs`; \
         edit that file, not this one. -->\n\n\
         What `autogiro new claims` and `autogiro new mandates` read, from CSV (`,` or `;`, UTF-8 \
         or Windows-1252), a JSON array of objects or an `.xlsx` sheet: a header names the \
         columns, in any order, case and surrounding blanks aside; an unknown column is refused \
         by name. Text is ISO-8859-1, as the files are, and left-justified. A date is \
         `YYYY-MM-DD` or `DD.MM.YYYY`. Every problem of every row is reported, by row and \
         column, before anything is written.\n\n\
         ## Claims (`new claims`)\n\n",
    );
    table(&mut out, CLAIM_COLUMN_DOCS);
    out.push_str("\n## Mandates (`new mandates`)\n\n");
    table(&mut out, MANDATE_COLUMN_DOCS);
    out.push_str(
        "\nA deletion (`registration` `delete`) carries no payer's details: `name` to \
         `signatory_birth_date` stay empty.\n",
    );
    out
}

/// How a layout is named in its marker: `30 to-mps`, `31 both`, and for the services beside
/// Autogiro with the service first: `ocr 30 from-mps`, `avtalegiro 20 to-mps`.
fn key(layout: &Layout) -> String {
    let direction = match layout.direction {
        Some(Direction::ToMps) => "to-mps",
        Some(Direction::FromMps) => "from-mps",
        None => "both",
    };
    let service = match layout.service() {
        Some(Service::OcrGiro) => "ocr ",
        Some(Service::AvtaleGiro) => "avtalegiro ",
        _ => "",
    };
    format!("{service}{:02} {direction}", layout.record_type)
}

/// What a field of `kind` holds, as the tables say it.
fn form(kind: FieldKind) -> String {
    let quoted = |codes: &[&str]| {
        codes
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match kind {
        FieldKind::Literal(s) => format!("`{s}`"),
        FieldKind::Code(codes) => format!("one of {}", quoted(codes)),
        FieldKind::Number => "N: digits, zero-padded".to_owned(),
        FieldKind::NumberOrBlanks => "N, or blanks for none".to_owned(),
        FieldKind::Digits => "digits as written".to_owned(),
        FieldKind::PaddedDigits => "digits right-justified, blank-padded; or blanks".to_owned(),
        FieldKind::PayerReference => {
            "digits right-justified, padded with zeros or blanks; never blank".to_owned()
        }
        FieldKind::Date => "date `DDMMYY`".to_owned(),
        FieldKind::OptionalDate => "date `DDMMYY`, or `000000` for none".to_owned(),
        FieldKind::LongDate => "date `DDMMYYYY`".to_owned(),
        FieldKind::Text => "A: text, left-justified, blank-padded".to_owned(),
        FieldKind::Zeros => "zeros".to_owned(),
        FieldKind::Blanks => "blanks".to_owned(),
        _ => "see the code".to_owned(),
    }
}

/// The table of a layout.
fn layout_table(layout: &Layout) -> String {
    let mut out = String::from("| positions | field | form |\n|---|---|---|\n");
    for f in layout.fields {
        let positions = if f.first == f.last {
            f.first.to_string()
        } else {
            format!("{}-{}", f.first, f.last)
        };
        let _ = writeln!(out, "| {positions} | {} | {} |", f.name, form(f.kind));
    }
    out
}

/// `records` with the table between each pair of layout markers written anew; every layout
/// must have its markers, once.
fn with_layouts(records: &str) -> Result<String, String> {
    const END: &str = "<!-- end layout -->";
    let mut out = String::new();
    let mut rest = records;
    let mut seen = Vec::new();
    while let Some(start) = rest.find("<!-- layout ") {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let close = from.find(" -->").ok_or("a layout marker without its end")?;
        let name = from.get("<!-- layout ".len()..close).unwrap_or_default();
        let layout = LAYOUTS
            .iter()
            .find(|l| key(l) == name)
            .ok_or_else(|| format!("docs/records.md: no layout {name:?}"))?;
        let end = from
            .find(END)
            .ok_or_else(|| format!("docs/records.md: layout {name} without {END}"))?;
        let _ = write!(out, "<!-- layout {name} -->\n{}{END}", layout_table(layout));
        seen.push(name.to_owned());
        rest = from.get(end + END.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    for layout in LAYOUTS {
        let name = key(layout);
        let count = seen.iter().filter(|s| **s == name).count();
        if count != 1 {
            return Err(format!(
                "docs/records.md has the markers of layout {name} {count} times, not once"
            ));
        }
    }
    Ok(out)
}
