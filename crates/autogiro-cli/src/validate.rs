//! `autogiro validate`: streaming validation, diagnostics printed the way rustc prints them, or
//! as JSON lines.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use annotate_snippets::{Level, Renderer, Snippet};
use autogiro::model::{
    Diagnostic, ReadOptions, SHOWN_CHARACTERS, Said, Severity, line_as_shown, validate_each,
};
use autogiro_i18n::render as words;

use crate::input;
use crate::{OutputFormat, Status};

/// How `validate` prints.
pub(crate) struct Show {
    pub(crate) format: OutputFormat,
    /// Errors only.
    pub(crate) quiet: bool,
    /// Colored snippets.
    pub(crate) color: bool,
    /// Print at most this many diagnostics a file (all are counted).
    pub(crate) max: Option<u64>,
    /// The language of the messages and the summary.
    pub(crate) lang: autogiro::model::Lang,
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
                let said = Said::new("cli.cannot-read").with("path", path.display());
                let error = Said::new("cli.error").render(show.lang);
                eprintln!("autogiro: {error}: {}: {e}", said.render(show.lang));
                unreadable = true;
                continue;
            }
        };
        let name = input::name(&path);
        let counts = match check(&path, &name, options, show, &mut stdout) {
            Ok(counts) => counts,
            Err(e) if crate::closed_pipe(&e) => return Err(e),
            Err(e) => {
                // Reported, and the next file is checked all the same; exit 2 at the end.
                let error = Said::new("cli.error").render(show.lang);
                eprintln!("autogiro: {error}: {}", crate::told::render(&e, show.lang));
                unreadable = true;
                continue;
            }
        };
        let (errors, warnings, hidden) = (counts.errors, counts.warnings, counts.hidden);
        if errors > 0 {
            status = crate::Status::Problems;
        }
        match show.format {
            OutputFormat::Json => {
                let mut summary = serde_json::json!({
                    "file": name, "errors": errors, "warnings": warnings, "valid": errors == 0,
                });
                if hidden > 0
                    && let Some(fields) = summary.as_object_mut()
                {
                    fields.insert("not_shown".to_owned(), hidden.into());
                }
                writeln!(stdout, "{summary}")?;
            }
            OutputFormat::Human => {
                if show.quiet && errors == 0 {
                    continue;
                }
                if hidden > 0 {
                    let more = words(show.lang, "cli.hidden", &[("n", &hidden)]);
                    writeln!(stdout, "{name}: {more}")?;
                }
                writeln!(stdout, "{name}: {}", summary(show.lang, errors, warnings))?;
            }
        }
    }
    stdout.flush()?;
    if unreadable {
        return Ok(Status::Unreadable);
    }
    Ok(status)
}

/// `valid`, `valid, 1 warning`, `2 errors, 0 warnings`, in `lang`.
fn summary(lang: autogiro::model::Lang, errors: u64, warnings: u64) -> String {
    let count = |one: &'static str, other: &'static str, n: u64| {
        words(lang, if n == 1 { one } else { other }, &[("n", &n)])
    };
    let w = count("cli.warnings.one", "cli.warnings.other", warnings);
    match (errors, warnings) {
        (0, 0) => words(lang, "cli.valid", &[]),
        (0, _) => words(lang, "cli.valid-with", &[("warnings", &w)]),
        (e, _) => words(
            lang,
            "cli.counts",
            &[
                ("errors", &count("cli.errors.one", "cli.errors.other", e)),
                ("warnings", &w),
            ],
        ),
    }
}

/// What a file's pass counted: every diagnostic, and those not printed (past `--max-errors`).
#[derive(Default)]
struct Counts {
    errors: u64,
    warnings: u64,
    hidden: u64,
}

/// Validates one input in a single streaming pass, printing each diagnostic as it is found:
/// what the pass keeps is the counts, and for a snippet the last lines read (a second reader of
/// the file follows the first to the lines the diagnostics point at), so memory does not grow
/// with the number of diagnostics.
fn check(
    path: &Path,
    name: &str,
    options: &ReadOptions,
    show: &Show,
    out: &mut impl Write,
) -> anyhow::Result<Counts> {
    let renderer = if show.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut counts = Counts::default();
    let mut failed: Option<io::Error> = None;
    let mut print = |mut d: Diagnostic, lines: &mut Option<Follower<'_>>| {
        if show.lang != autogiro::model::Lang::En {
            d.message = d.message_in(show.lang);
        }
        if d.is_error() {
            counts.errors += 1;
        } else {
            counts.warnings += 1;
        }
        if failed.is_some() || (show.quiet && !d.is_error()) {
            return;
        }
        if show
            .max
            .is_some_and(|max| counts.errors + counts.warnings > max)
        {
            counts.hidden += 1;
            return;
        }
        let written = match (show.format, lines) {
            (OutputFormat::Json, _) => {
                serde_json::to_writer(&mut *out, &JsonDiagnostic::new(name, &d))
                    .map_err(io::Error::from)
                    .and_then(|()| writeln!(out))
            }
            (OutputFormat::Human, lines) => {
                let text = lines.as_mut().and_then(|l| l.line(d.line));
                let plain = (!show.color)
                    .then(|| text.as_deref().and_then(|t| plain_snippet(name, &d, t)))
                    .flatten();
                match plain {
                    Some(snippet) => writeln!(out, "{snippet}"),
                    None => writeln!(out, "{}\n", render(&renderer, name, &d, text.as_deref())),
                }
            }
        };
        if let Err(e) = written {
            failed = Some(e);
        }
    };
    if input::is_stdin(path) {
        let data = input::bytes(path)?;
        let mut lines =
            (show.format == OutputFormat::Human).then(|| Follower::new(Source::Memory(&data)));
        validate_each(&data[..], options, |d| print(d, &mut lines));
    } else {
        let reader = input::reader(path)?;
        let mut lines =
            (show.format == OutputFormat::Human).then(|| Follower::new(Source::File(path)));
        validate_each(reader, options, |d| print(d, &mut lines));
    }
    match failed {
        Some(e) => Err(anyhow::Error::from(e)),
        None => Ok(counts),
    }
}

/// Where the text of a diagnostic's line is read from.
#[derive(Clone, Copy)]
enum Source<'a> {
    /// A file on disk, opened again for the lines.
    File(&'a Path),
    /// Standard input, in memory.
    Memory(&'a [u8]),
}

/// A second reader of the input that follows the first to the lines diagnostics point at,
/// keeping the last [`Follower::KEEP`] lines read (as shown: decoded from ISO-8859-1, control
/// characters as `·`, at most [`SHOWN_CHARACTERS`] characters): a diagnostic comes at its line
/// or a few after it. One about a line further back starts the reading over.
struct Follower<'a> {
    source: Source<'a>,
    reader: Option<Box<dyn BufRead + 'a>>,
    /// The number of the last line read.
    number: u64,
    kept: std::collections::VecDeque<(u64, String)>,
    buf: Vec<u8>,
}

impl<'a> Follower<'a> {
    const KEEP: usize = 1024;

    fn new(source: Source<'a>) -> Self {
        Self {
            source,
            reader: None,
            number: 0,
            kept: std::collections::VecDeque::with_capacity(Self::KEEP),
            buf: Vec::new(),
        }
    }

    /// The text of line `wanted` (`None` past the end, or when the file cannot be read again).
    fn line(&mut self, wanted: u64) -> Option<String> {
        let behind = self.kept.front().is_none_or(|(first, _)| wanted < *first);
        if self.reader.is_none() || (wanted <= self.number && behind) {
            self.reader = Some(match self.source {
                Source::File(path) => Box::new(input::reader(path).ok()?),
                Source::Memory(data) => Box::new(data),
            });
            self.number = 0;
            self.kept.clear();
        }
        let reader = self.reader.as_mut()?;
        while self.number < wanted {
            self.buf.clear();
            if read_line_capped(reader, &mut self.buf).ok()? == 0 {
                return None;
            }
            self.number += 1;
            if self.number + (Self::KEEP as u64) > wanted {
                if self.kept.len() == Self::KEEP {
                    self.kept.pop_front();
                }
                self.kept.push_back((self.number, line_as_shown(&self.buf)));
            }
        }
        self.kept
            .iter()
            .rev()
            .find(|(n, _)| *n == wanted)
            .map(|(_, text)| text.clone())
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

/// A diagnostic with its line, rustc style and without colour, as [`render`] writes it
/// through annotate-snippets (a test holds the two to the same bytes), with the blank line
/// after it; written directly, for annotate-snippets' general layout costs twice the time of
/// the whole validation on a file of a million broken lines. `None` where the line or the span
/// is not the plain case (a character other than printable ASCII or Latin-1, a span beyond the
/// line): [`render`] then.
fn plain_snippet(name: &str, d: &Diagnostic, text: &str) -> Option<String> {
    use std::fmt::Write as _;
    let plain = |c: char| matches!(c, ' '..='~' | '\u{a0}'..='\u{ff}') && c != '\u{ad}';
    if !text.chars().all(plain) || !d.message.chars().all(plain) || d.message.is_empty() {
        return None;
    }
    let chars = text.chars().count();
    let (first, last) = d.columns.unwrap_or((1, chars.max(1)));
    if first == 0 || first > last || last > chars {
        return None;
    }
    let label = d.field.unwrap_or("record");
    let (level, marker) = match d.severity {
        Severity::Error => ("error", "^"),
        Severity::Warning => ("warning", "-"),
    };
    let number = d.line.to_string();
    let gutter = " ".repeat(number.len());
    let mut s = String::with_capacity(2 * text.len() + d.message.len() + name.len() + 64);
    let _ = writeln!(s, "{level}[{}]: {}", d.code.as_str(), d.message);
    let _ = writeln!(s, "{gutter}--> {name}:{number}:{first}");
    let _ = writeln!(s, "{gutter} |");
    let _ = writeln!(s, "{number} | {text}");
    let _ = writeln!(
        s,
        "{gutter} | {}{} {label}",
        " ".repeat(first - 1),
        marker.repeat(last - first + 1)
    );
    let _ = writeln!(s, "{gutter} |");
    Some(s)
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `check` prints of a diagnostic through annotate-snippets...
    fn through_annotate_snippets(name: &str, d: &Diagnostic, text: &str) -> String {
        format!("{}\n\n", render(&Renderer::plain(), name, d, Some(text)))
    }

    /// ...and of a plain snippet.
    fn plain(name: &str, d: &Diagnostic, text: &str) -> Option<String> {
        plain_snippet(name, d, text).map(|s| format!("{s}\n"))
    }

    fn testdata() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
    }

    /// Every diagnostic of every fixture that has a line: the plain snippet, where it applies,
    /// is annotate-snippets' byte for byte.
    #[test]
    fn plain_snippets_are_annotate_snippets_on_every_fixture() {
        let mut compared = 0;
        for folder in ["err", "ok", "warn"] {
            let Ok(entries) = std::fs::read_dir(testdata().join(folder)) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                let bytes = std::fs::read(&path).unwrap();
                let lines: Vec<String> = bytes
                    .split(|&b| b == b'\n')
                    .map(|l| line_as_shown(l.strip_suffix(b"\r").unwrap_or(l)))
                    .collect();
                let mut diagnostics = Vec::new();
                validate_each(&bytes[..], &ReadOptions::new(), |d| diagnostics.push(d));
                for d in diagnostics {
                    let Some(text) = usize::try_from(d.line)
                        .ok()
                        .and_then(|n| n.checked_sub(1))
                        .and_then(|i| lines.get(i))
                    else {
                        continue;
                    };
                    if let Some(plain) = plain("f.txt", &d, text) {
                        assert_eq!(
                            plain,
                            through_annotate_snippets("f.txt", &d, text),
                            "{}",
                            path.display()
                        );
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 100, "{compared}");
    }

    proptest! {
        /// Any plain line, span, line number, message and severity: the same bytes.
        #[test]
        fn plain_snippets_are_annotate_snippets(
            text in "[ -~\u{a0}-\u{ff}]{0,90}",
            first in 1usize..95,
            width in 0usize..30,
            line in prop_oneof![1u64..12, 1u64..10_000_000_000],
            message in "[ -~\u{a0}-\u{ff}]{0,60}",
            warning in any::<bool>(),
        ) {
            let d = Diagnostic {
                severity: if warning { Severity::Warning } else { Severity::Error },
                code: autogiro::model::Code::ALL[usize::from(warning)],
                line,
                columns: Some((first, first + width)),
                record_type: Some(30),
                field: Some("amount"),
                said: autogiro::model::Said::plain(&message),
                message,
            };
            if let Some(plain) = plain("some file.txt", &d, &text) {
                prop_assert_eq!(plain, through_annotate_snippets("some file.txt", &d, &text));
            }
        }
    }
}
