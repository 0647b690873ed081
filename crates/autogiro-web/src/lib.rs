//! The Autogiro validator as a web page: [`Validator`] runs the model's every rule on a file
//! pushed to it in parts, in the browser, compiled to WebAssembly; nothing leaves the machine.
//!
//! The page (`www/`, built by `cargo xtask web` into `target/web/`) reads the file the user
//! opens with `File.stream()` and hands each part to [`Validator::feed`]; what comes back is
//! JSON, which the page's script parses and shows. [`Lines`] fetches the text of the lines the
//! diagnostics point at, in a second pass over the file, as `autogiro validate` does.
//!
//! The same types work natively, which is how they are tested outside a browser:
//!
//! ```
//! use autogiro_web::Validator;
//!
//! let mut validator = Validator::new("3.9", "any", "2026-01-10")?;
//! let found = validator.feed(b"NY000010123456780000001000080800000000000000000000000000000000000000000000000000\n");
//! assert_eq!(found, "[]");
//! let end: serde_json::Value = serde_json::from_str(&validator.finish()?).unwrap();
//! assert_eq!(end["diagnostics"][0]["code"], "missing-transmission-end");
//! assert_eq!(end["summary"]["sender"], 12345678);
//! # Ok::<(), String>(())
//! ```

#![forbid(unsafe_code)]

use std::collections::{BTreeMap, BTreeSet};

use autogiro_model::{
    AssignmentSummary, Diagnostic, Direction, Edition, Inspection, KidCheck, Lang, Modulus,
    ReadOptions, Summary, line_as_shown, parse_date,
};
use serde_json::{Value, json};
use wasm_bindgen::prelude::wasm_bindgen;

/// Validation of one file, fed in parts: [`Transmission::read`]'s every rule and
/// diagnostic, and `autogiro inspect`'s summary, in bounded memory.
///
/// [`Transmission::read`]: autogiro_model::Transmission::read
#[wasm_bindgen]
#[derive(Debug)]
pub struct Validator {
    /// `None` once finished.
    inspection: Option<Inspection>,
}

#[wasm_bindgen]
impl Validator {
    /// A validator with the options of `autogiro validate`: `edition` `3.9` or `before-3.9`,
    /// `kid` `any`, `mod10`, `mod11` or `off`, and `today` the date the file is read
    /// (YYYY-MM-DD), which sets the 12-month window of due dates.
    ///
    /// # Errors
    ///
    /// An option that is none of these, in a sentence.
    #[wasm_bindgen(constructor)]
    pub fn new(edition: &str, kid: &str, today: &str) -> Result<Validator, String> {
        let edition = match edition {
            "3.9" => Edition::V3_9,
            "before-3.9" => Edition::Before3_9,
            other => return Err(format!("no edition {other:?}: 3.9 or before-3.9")),
        };
        let kid = match kid {
            "any" => KidCheck::Any,
            "mod10" => KidCheck::Only(Modulus::Mod10),
            "mod11" => KidCheck::Only(Modulus::Mod11),
            "off" => KidCheck::Off,
            other => return Err(format!("no KID scheme {other:?}: any, mod10, mod11 or off")),
        };
        let today = parse_date(today).map_err(|e| e.to_string())?;
        let options = ReadOptions::new().edition(edition).kid(kid).today(today);
        Ok(Self {
            inspection: Some(Inspection::new(&options)),
        })
    }

    /// Reads the next part of the file; returns the diagnostics found in it as a JSON array
    /// (the fields of `autogiro validate --format json` but the file's name).
    pub fn feed(&mut self, part: &[u8]) -> String {
        let mut found = Vec::new();
        if let Some(inspection) = &mut self.inspection {
            inspection.feed(part, |d| found.push(d));
        }
        to_json(&found)
    }

    /// The end of the file: `{"diagnostics": [...], "lines": N, "summary": {...}}`, the last
    /// diagnostics and the summary `autogiro inspect` prints, as JSON.
    ///
    /// # Errors
    ///
    /// When called a second time.
    pub fn finish(&mut self) -> Result<String, String> {
        let inspection = self
            .inspection
            .take()
            .ok_or_else(|| "this file has been read to its end already".to_owned())?;
        let mut found = Vec::new();
        let (summary, lines) = inspection.finish(|d| found.push(d));
        let end = json!({
            "diagnostics": found.iter().map(diagnostic_json).collect::<Vec<_>>(),
            "lines": lines,
            "summary": summary_json(&summary),
        });
        Ok(end.to_string())
    }
}

/// The catalogue's texts the page shows of its own (its labels and status lines), and those it
/// shares with `autogiro validate`: the levels and the counts of errors and warnings.
const PAGE_TEXTS: &[&str] = &[
    "page.title",
    "page.language",
    "page.lead",
    "page.private",
    "page.choose",
    "page.edition",
    "page.before-3-9",
    "page.kid",
    "page.kid-any",
    "page.kid-mod10",
    "page.kid-mod11",
    "page.kid-off",
    "page.today",
    "page.show",
    "page.errors",
    "page.warnings",
    "page.download",
    "page.json-lines",
    "page.footer",
    "page.ready",
    "page.reading",
    "page.lines",
    "page.valid",
    "page.valid-warnings",
    "page.invalid",
    "page.failed",
    "page.no-date",
    "page.more",
    "page.field",
    "cli.error",
    "cli.warning",
    "cli.errors.one",
    "cli.errors.other",
    "cli.warnings.one",
    "cli.warnings.other",
];

/// The page's words in both languages, from the catalogue: `{"en": {...}, "nb": {...}}`, each
/// text by its key (`page.` left out), with the `{name}` places the page fills.
#[wasm_bindgen]
pub fn texts() -> String {
    let of = |lang: Lang| {
        PAGE_TEXTS
            .iter()
            .map(|key| {
                let name = key.strip_prefix("page.").unwrap_or(key);
                (name.to_owned(), Value::from(autogiro_i18n::text(lang, key)))
            })
            .collect::<serde_json::Map<_, _>>()
    };
    json!({ "en": of(Lang::En), "nb": of(Lang::Nb) }).to_string()
}

fn to_json(diagnostics: &[Diagnostic]) -> String {
    Value::Array(diagnostics.iter().map(diagnostic_json).collect()).to_string()
}

/// A diagnostic as `autogiro validate --format json` gives it (its `message` in English), and
/// its message in each of the page's languages, `messages.en` and `messages.nb`: the page
/// switches language without reading the file again.
fn diagnostic_json(d: &Diagnostic) -> Value {
    let mut value = serde_json::to_value(d).unwrap_or_default();
    if let Some(fields) = value.as_object_mut() {
        fields.insert(
            "messages".to_owned(),
            json!({
                "en": d.message_in(Lang::En),
                "nb": d.message_in(Lang::Nb),
            }),
        );
    }
    value
}

/// The summary: every figure `autogiro inspect` prints, and its words in each of the page's
/// languages (`described.en`, `described.nb`), as `inspect` prints them after the file's name.
fn summary_json(s: &Summary) -> Value {
    json!({
        "described": {
            "en": s.describe(Lang::En),
            "nb": s.describe(Lang::Nb),
        },
        "direction": match s.direction {
            Direction::ToMps => "to-mps",
            Direction::FromMps => "from-mps",
        },
        "sender": s.sender,
        "recipient": s.recipient,
        "transmission_number": s.transmission_number,
        "generated": s.generated.map(|d| d.to_string()),
        "assignments": s.assignments.iter().map(assignment_json).collect::<Vec<_>>(),
    })
}

fn assignment_json(a: &AssignmentSummary) -> Value {
    json!({
        "kind": a.kind.tag(),
        "agreement_id": a.header.agreement_id,
        "assignment_number": a.header.assignment_number,
        "account": a.header.account.to_string(),
        "items": a.items,
        "sum": a.sum.to_string(),
        "credit": a.credit.to_string(),
        "dates": a.dates.map(|(first, last)| [first.to_string(), last.to_string()]),
        "specification": [a.specification.0, a.specification.1],
        "rejections": a.rejections.iter().map(|r| json!({
            "code": r.code.number(),
            "meaning": r.code.meaning(),
            "claims": r.claims,
            "sum": r.sum.to_string(),
        })).collect::<Vec<_>>(),
        "mandates": {
            "listed": a.mandates.listed,
            "new": a.mandates.new,
            "changed": a.mandates.changed,
            "deleted": a.mandates.deleted,
            "standard": a.mandates.standard,
        },
    })
}

/// The text of some lines of a file, as a diagnostic shows them ([`line_as_shown`]), taken
/// from the file fed in parts: the page's second pass, for the lines its diagnostics name.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Lines {
    wanted: BTreeSet<u64>,
    found: BTreeMap<u64, String>,
    /// The number of the line being read (1-based).
    line: u64,
    /// Its bytes so far, when it is wanted (at most [`KEPT`]).
    current: Vec<u8>,
}

/// The most bytes of a line kept: more than any line is shown.
const KEPT: usize = 256;

#[wasm_bindgen]
impl Lines {
    /// Collects the lines numbered in `wanted`, a JSON array of 1-based line numbers.
    ///
    /// # Errors
    ///
    /// When `wanted` is not such an array.
    #[wasm_bindgen(constructor)]
    pub fn new(wanted: &str) -> Result<Lines, String> {
        let wanted: BTreeSet<u64> =
            serde_json::from_str(wanted).map_err(|e| format!("line numbers: {e}"))?;
        Ok(Self {
            wanted,
            found: BTreeMap::new(),
            line: 1,
            current: Vec::new(),
        })
    }

    /// Whether every line wanted has been found (the rest of the file need not be read).
    pub fn done(&self) -> bool {
        self.wanted.last().is_none_or(|&last| self.line > last)
    }

    /// Reads the next part of the file.
    pub fn feed(&mut self, mut part: &[u8]) {
        while !part.is_empty() && !self.done() {
            let (text, rest, complete) = match part.iter().position(|&b| b == b'\n') {
                Some(i) => (part.get(..i), part.get(i + 1..), true),
                None => (Some(part), None, false),
            };
            let text = text.unwrap_or_default();
            if self.wanted.contains(&self.line) {
                let room = KEPT.saturating_sub(self.current.len());
                self.current
                    .extend_from_slice(text.get(..room.min(text.len())).unwrap_or_default());
            }
            part = rest.unwrap_or_default();
            if complete {
                self.end_line();
            }
        }
    }

    /// The end of the file; returns `{"LINE": "text", ...}` as JSON.
    pub fn finish(&mut self) -> String {
        if !self.current.is_empty() {
            self.end_line();
        }
        serde_json::to_string(&self.found).unwrap_or_else(|_| "{}".to_owned())
    }

    fn end_line(&mut self) {
        if self.wanted.contains(&self.line) {
            self.found.insert(self.line, line_as_shown(&self.current));
        }
        self.current.clear();
        self.line += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const START: &[u8] =
        b"NY000010123456780000001000080800000000000000000000000000000000000000000000000000\r\n";

    /// Every word the page asks for (`data-i18n` in `index.html`, `t("...")` and
    /// `count("...")` in `app.js`) is among [`texts`], in both languages, every place one the
    /// page fills.
    #[test]
    fn the_page_has_every_word_it_asks_for() {
        let texts: Value = serde_json::from_str(&texts()).unwrap();
        let www = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
        let html = std::fs::read_to_string(www.join("index.html")).unwrap();
        let script = std::fs::read_to_string(www.join("app.js")).unwrap();
        // The key after each `marker` that does not end a longer name (`split("` is not `t("`).
        let after = |text: &str, marker: &str| -> Vec<String> {
            text.match_indices(marker)
                .filter(|(at, _)| {
                    text[..*at]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                })
                .filter_map(|(at, _)| {
                    let rest = &text[at + marker.len()..];
                    rest.split_once('"').map(|(key, _)| key.to_owned())
                })
                .collect()
        };
        let mut asked = after(&html, "data-i18n=\"");
        asked.extend(after(&script, "t(\""));
        asked.extend(
            after(&script, "count(\"")
                .into_iter()
                .flat_map(|k| [format!("{k}.one"), format!("{k}.other")]),
        );
        asked.extend(["cli.error".to_owned(), "cli.warning".to_owned()]);
        assert!(asked.len() > 25, "{asked:?}");
        for key in &asked {
            for lang in ["en", "nb"] {
                let text = texts[lang][key].as_str().unwrap_or_default();
                assert!(!text.is_empty(), "{lang}: {key}");
            }
        }
        assert_ne!(texts["en"]["title"], texts["nb"]["title"]);
    }

    #[test]
    fn options_are_those_of_the_command() {
        assert!(Validator::new("3.9", "mod11", "2026-01-10").is_ok());
        assert!(Validator::new("before-3.9", "off", "2026-01-10").is_ok());
        let no = |e: &str, k: &str, t: &str| Validator::new(e, k, t).unwrap_err();
        assert!(no("4.0", "any", "2026-01-10").contains("no edition \"4.0\""));
        assert!(no("3.9", "mod12", "2026-01-10").contains("no KID scheme"));
        assert!(!no("3.9", "any", "2026-02-30").is_empty());
    }

    #[test]
    fn finishes_once() {
        let mut v = Validator::new("3.9", "any", "2026-01-10").unwrap();
        assert_eq!(v.feed(START), "[]");
        assert!(v.finish().is_ok());
        assert!(v.finish().is_err());
        assert_eq!(v.feed(START), "[]");
    }

    #[test]
    fn lines_are_found_in_parts_and_shown_as_the_command_shows_them() {
        let file = [START, b"x\x01\xe6\xf8\xe5\r\n", b"third\n", b"fourth"].concat();
        for size in 1..file.len() {
            let mut lines = Lines::new("[2, 4]").unwrap();
            for part in file.chunks(size) {
                lines.feed(part);
            }
            let found: BTreeMap<String, String> = serde_json::from_str(&lines.finish()).unwrap();
            assert_eq!(found["2"], "x·æøå", "parts of {size}");
            assert_eq!(found["4"], "fourth", "parts of {size}");
            assert_eq!(found.len(), 2);
        }
        assert!(Lines::new("[1").is_err());
        let mut none = Lines::new("[]").unwrap();
        assert!(none.done());
        none.feed(&file);
        assert_eq!(none.finish(), "{}");
    }
}

/// The README's example, run as a doc test so that it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
