//! `cargo xtask codegen [--check]`: the documents written from the code. `docs/columns.md`,
//! every column of billing data `new claims` and `new mandates` read, from
//! `autogiro_model::rows::CLAIM_COLUMN_DOCS` and `MANDATE_COLUMN_DOCS` (whose tests hold them to
//! what the reading does). `--check` fails, naming the file, when what is on disk differs.

use std::fmt::Write as _;
use std::path::Path;

use autogiro_model::rows::{CLAIM_COLUMN_DOCS, Column, MANDATE_COLUMN_DOCS, Need};

/// Every generated file: its path from the workspace's root, and its content.
fn generated() -> Vec<(&'static str, String)> {
    vec![("docs/columns.md", columns())]
}

/// Writes every generated file, or with `check` says which differ.
pub(crate) fn run(root: &Path, check: bool) -> Result<(), String> {
    let mut stale = Vec::new();
    for (path, content) in generated() {
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
