//! The one oracle of the `err` fixtures: beside each `testdata/err/NAME.txt`, a file
//! `NAME.expected` with the diagnostics reading it must give, one a line: severity, code, line,
//! columns (`error sum-mismatch 10 25-41`; `-` for none), in the order found. `cargo xtask
//! fixtures` writes them with the fixtures (a change shows in the diff, to be read as a
//! snapshot's), `--check` holds them to the rules, and every layer's tests compare what they
//! find with them through [`of`]: the format's reader the record-level ones, the model all of
//! them, the command its JSON, the web page what it shows.

use std::fmt;
use std::path::{Path, PathBuf};

use autogiro_model::{Diagnostic, Edition, ReadOptions, Severity};
use time::macros::date;

/// One diagnostic as the oracle holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// `error` or `warning`.
    pub severity: &'static str,
    /// The stable code (`sum-mismatch`).
    pub code: String,
    /// The 1-based line.
    pub line: u64,
    /// The 1-based, inclusive columns, when the finding names a field.
    pub columns: Option<(usize, usize)>,
}

impl Expected {
    /// What the oracle holds of a diagnostic.
    pub fn of(d: &Diagnostic) -> Self {
        Self {
            severity: severity(d.severity),
            code: d.code.as_str().to_owned(),
            line: d.line,
            columns: d.columns,
        }
    }
}

/// How a severity is written.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {} ", self.severity, self.code, self.line)?;
        match self.columns {
            Some((a, b)) => write!(f, "{a}-{b}"),
            None => f.write_str("-"),
        }
    }
}

/// The lines of an oracle file, without the comment that heads it.
///
/// # Errors
///
/// A line that is not `severity code line columns`, named by its number.
pub fn parse(text: &str) -> Result<Vec<Expected>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let bad = || {
            format!(
                "line {}: {line:?} is not `severity code line columns`",
                i + 1
            )
        };
        let [severity, code, number, columns] = line.split(' ').collect::<Vec<_>>()[..] else {
            return Err(bad());
        };
        let severity = match severity {
            "error" => "error",
            "warning" => "warning",
            _ => return Err(bad()),
        };
        let columns = if columns == "-" {
            None
        } else {
            let (a, b) = columns.split_once('-').ok_or_else(bad)?;
            Some((a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?))
        };
        out.push(Expected {
            severity,
            code: code.to_owned(),
            line: number.parse().map_err(|_| bad())?,
            columns,
        });
    }
    Ok(out)
}

/// The oracle file of `diagnostics` found in fixture `name`.
pub fn write(name: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = format!(
        "# What reading err/{name} gives ({}): severity, code, line, columns.\n",
        if name.contains("before-3.9") {
            "on 2026-01-10, editions before 3.9"
        } else {
            "on 2026-01-10"
        }
    );
    for d in diagnostics {
        out.push_str(&Expected::of(d).to_string());
        out.push('\n');
    }
    out
}

/// The options every fixture is read with: on 2026-01-10, and a file with `before-3.9` in
/// its name under the editions before 3.9.
pub fn options(fixture: &Path) -> ReadOptions {
    let options = ReadOptions::new().today(date!(2026 - 01 - 10));
    if fixture.to_string_lossy().contains("before-3.9") {
        options.edition(Edition::Before3_9)
    } else {
        options
    }
}

/// The oracle of fixture `path` (`testdata/err/NAME.txt`).
///
/// # Panics
///
/// When `NAME.expected` is missing or not an oracle file: a test that asked for it fails.
pub fn of(path: &Path) -> Vec<Expected> {
    let oracle = path.with_extension("expected");
    let text = std::fs::read_to_string(&oracle)
        .unwrap_or_else(|e| panic!("{}: {e} (cargo xtask fixtures writes it)", oracle.display()));
    parse(&text).unwrap_or_else(|e| panic!("{}: {e}", oracle.display()))
}

/// Every `err` fixture of the workspace's `testdata/` (from a crate's folder), in name order.
///
/// # Panics
///
/// When the folder cannot be read.
pub fn err_fixtures(manifest_dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(manifest_dir).join("../../testdata/err");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_back_as_written() {
        let text = "# heading\nerror sum-mismatch 10 25-41\nwarning empty-assignment 3 -\n";
        let read = parse(text).unwrap();
        let written: Vec<String> = read.iter().map(ToString::to_string).collect();
        assert_eq!(
            written,
            [
                "error sum-mismatch 10 25-41",
                "warning empty-assignment 3 -"
            ]
        );
        assert!(parse("error sum-mismatch ten 1-2").is_err());
        assert!(parse("fatal sum-mismatch 1 1-2").is_err());
    }
}
