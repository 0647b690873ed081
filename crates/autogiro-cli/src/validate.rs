//! `autogiro validate`: streaming validation, diagnostics printed the way rustc prints them, or
//! as JSON lines.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use annotate_snippets::{Level, Renderer, Snippet};
use anyhow::Context as _;
use autogiro::model::{
    Diagnostic, ReadOptions, SHOWN_CHARACTERS, Severity, line_as_shown, validate_each,
};

use crate::input;
use crate::{OutputFormat, Status};

/// How `validate` prints.
pub(crate) struct Show {
    pub(crate) format: OutputFormat,
    /// Errors only.
    pub(crate) quiet: bool,
    /// Colored snippets.
    pub(crate) color: bool,
}

/// The files to check: each argument, and every regular file of a directory argument in name
/// order.
fn expand(args: &[PathBuf]) -> Vec<Result<PathBuf, (PathBuf, String)>> {
    let mut out = Vec::new();
    for path in args {
        if !path.is_dir() {
            out.push(Ok(path.clone()));
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut files: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file())
                    .collect();
                files.sort();
                out.extend(files.into_iter().map(Ok));
            }
            Err(e) => out.push(Err((path.clone(), e.to_string()))),
        }
    }
    out
}

pub(crate) fn run(files: &[PathBuf], show: &Show, options: &ReadOptions) -> anyhow::Result<Status> {
    let mut status = Status::Ok;
    let mut unreadable = false;
    let mut stdout = io::stdout().lock();
    for entry in expand(files) {
        let path = match entry {
            Ok(p) => p,
            Err((path, e)) => {
                eprintln!("autogiro: error: cannot read {}: {e}", path.display());
                unreadable = true;
                continue;
            }
        };
        let name = input::name(&path);
        let (diagnostics, source) = match check(&path, options) {
            Ok(x) => x,
            Err(e) => {
                // Reported, and the next file is checked all the same; exit 2 at the end.
                eprintln!("autogiro: error: {e:#}");
                unreadable = true;
                continue;
            }
        };
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        if errors > 0 {
            status = crate::Status::Problems;
        }
        let shown = diagnostics.iter().filter(|d| !show.quiet || d.is_error());
        match show.format {
            OutputFormat::Json => {
                for d in shown {
                    serde_json::to_writer(&mut stdout, &JsonDiagnostic::new(&name, d))?;
                    writeln!(stdout)?;
                }
                let summary = serde_json::json!({
                    "file": name, "errors": errors, "warnings": warnings, "valid": errors == 0,
                });
                writeln!(stdout, "{summary}")?;
            }
            OutputFormat::Human => {
                let lines = source.lines(&diagnostics)?;
                let renderer = if show.color {
                    Renderer::styled()
                } else {
                    Renderer::plain()
                };
                for d in shown {
                    let text = render(&renderer, &name, d, lines.get(&d.line).map(String::as_str));
                    writeln!(stdout, "{text}\n")?;
                }
                if show.quiet && errors == 0 {
                    continue;
                }
                writeln!(
                    stdout,
                    "{name}: {}",
                    match (errors, warnings) {
                        (0, 0) => "valid".to_owned(),
                        (0, w) => format!("valid, {w} warning{}", plural(w)),
                        (e, w) => format!("{e} error{}, {w} warning{}", plural(e), plural(w)),
                    }
                )?;
            }
        }
    }
    stdout.flush()?;
    if unreadable {
        return Ok(Status::Unreadable);
    }
    Ok(status)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Where the text of a diagnostic's line comes from, for the snippet.
enum Source<'a> {
    /// A file on disk: read again for the few lines that are needed.
    File(&'a Path),
    /// Standard input, kept in memory.
    Memory(Vec<u8>),
}

/// Validates one input in a single streaming pass.
fn check<'a>(
    path: &'a Path,
    options: &ReadOptions,
) -> anyhow::Result<(Vec<Diagnostic>, Source<'a>)> {
    let mut diagnostics = Vec::new();
    if input::is_stdin(path) {
        let data = input::bytes(path)?;
        validate_each(&data[..], options, |d| diagnostics.push(d));
        return Ok((diagnostics, Source::Memory(data)));
    }
    let reader = input::reader(path)?;
    validate_each(reader, options, |d| diagnostics.push(d));
    Ok((diagnostics, Source::File(path)))
}

impl Source<'_> {
    /// The text of the lines the diagnostics point at, decoded from ISO-8859-1 (control
    /// characters shown as `·`), at most [`SHOWN_CHARACTERS`] characters each.
    fn lines(&self, diagnostics: &[Diagnostic]) -> anyhow::Result<BTreeMap<u64, String>> {
        let wanted: std::collections::BTreeSet<u64> = diagnostics.iter().map(|d| d.line).collect();
        let mut found = BTreeMap::new();
        if wanted.is_empty() {
            return Ok(found);
        }
        let mut take = |number: u64, line: &[u8]| {
            if wanted.contains(&number) {
                found.insert(number, line_as_shown(line));
            }
        };
        match self {
            Source::Memory(data) => {
                for (i, line) in data.split(|&b| b == b'\n').enumerate() {
                    take(i as u64 + 1, line);
                }
            }
            Source::File(path) => {
                let last = wanted.last().copied().unwrap_or(0);
                let mut reader = input::reader(path)?;
                let mut buf = Vec::new();
                let mut number = 0;
                while number < last {
                    buf.clear();
                    // Lines past SHOWN_CHARACTERS characters are read through without being kept whole.
                    if read_line_capped(&mut reader, &mut buf)
                        .with_context(|| format!("cannot read {}", path.display()))?
                        == 0
                    {
                        break;
                    }
                    number += 1;
                    take(number, &buf);
                }
            }
        }
        Ok(found)
    }
}

/// Reads one line into `buf`, keeping at most `SHOWN_CHARACTERS + 2` bytes of it; returns the bytes read.
fn read_line_capped(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut total = 0;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(total);
        }
        let (part, used, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (chunk.get(..i).unwrap_or(chunk), i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        let room = (SHOWN_CHARACTERS + 2).saturating_sub(buf.len());
        buf.extend_from_slice(part.get(..room).unwrap_or(part));
        total += used;
        reader.consume(used);
        if done {
            return Ok(total);
        }
    }
}

/// One diagnostic, rustc style.
fn render(renderer: &Renderer, name: &str, d: &Diagnostic, line: Option<&str>) -> String {
    let level = match d.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    };
    let title = d.message.as_str();
    let code = d.code.as_str();
    let Some(text) = line else {
        let origin = format!("{name}:{}", d.line);
        let message = level
            .title(title)
            .id(code)
            .footer(Level::Note.title(&origin));
        return renderer.render(message).to_string();
    };
    // Columns are characters of an ISO-8859-1 line: one byte each, but `text` is UTF-8.
    let chars = text.chars().count();
    let (first, last) = d.columns.unwrap_or((1, chars.max(1)));
    let first = first.clamp(1, chars + 1);
    let last = last.clamp(first, chars.max(first));
    let offset = |column: usize| {
        text.char_indices()
            .nth(column - 1)
            .map_or(text.len(), |(i, _)| i)
    };
    let span = offset(first)..offset(last + 1).max(offset(first) + usize::from(first > chars));
    let label = d.field.unwrap_or("record");
    let origin = name.to_owned();
    let message = level.title(title).id(code).snippet(
        Snippet::source(text)
            .line_start(usize::try_from(d.line).unwrap_or(usize::MAX))
            .origin(&origin)
            .fold(false)
            .annotation(level.span(span).label(label)),
    );
    renderer.render(message).to_string()
}

/// The JSON form of a diagnostic, one per line.
#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    line: u64,
    columns: Option<[usize; 2]>,
    record_type: Option<u8>,
    field: Option<&'static str>,
    code: &'static str,
    severity: &'static str,
    message: &'a str,
}

impl<'a> JsonDiagnostic<'a> {
    fn new(file: &'a str, d: &'a Diagnostic) -> Self {
        Self {
            file,
            line: d.line,
            columns: d.columns.map(|(a, b)| [a, b]),
            record_type: d.record_type,
            field: d.field,
            code: d.code.as_str(),
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            message: &d.message,
        }
    }
}
