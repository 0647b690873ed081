//! `autogiro inspect`: a summary a person reads.

use std::fmt::Write as _;
use std::io::BufRead as _;
use std::path::Path;

use crate::told::Tell as _;
use autogiro::format::Direction;
use autogiro::model::{AssignmentKind, Diagnostic, Inspection, Lang, ReadOptions, Said, Summary};
use autogiro_i18n::{render as words, text};

use crate::{Status, input};

/// `autogiro inspect`: the file read in parts into an [`Inspection`], which counts each claim
/// and mandate into the summary and drops it: memory stays that of a few records whatever the
/// file's size (the whole model of a million claims took 146 MiB).
pub(crate) fn run(path: &Path, options: &ReadOptions, lang: Lang) -> anyhow::Result<Status> {
    let name = input::name(path);
    let mut reader = input::reader(path)?;
    let mut inspection = Inspection::new(options);
    let (mut errors, mut warnings) = (0u64, 0u64);
    let mut count = |d: Diagnostic| {
        if d.is_error() {
            errors += 1;
        } else {
            warnings += 1;
        }
    };
    loop {
        let part = reader
            .fill_buf()
            .tell(|| Said::new("cli.cannot-read").with("path", &name))?;
        if part.is_empty() {
            break;
        }
        let n = part.len();
        inspection.feed(part, &mut count);
        reader.consume(n);
    }
    let (summary_of_file, _) = inspection.finish(&mut count);
    let mut out = summary(&name, &summary_of_file, lang);
    let key = match (errors, warnings) {
        (0, 0) => "inspect.valid",
        (0, _) => "inspect.valid-warnings",
        _ => "inspect.errors",
    };
    writeln!(
        out,
        "{}",
        words(lang, key, &[("errors", &errors), ("warnings", &warnings)])
    )?;
    say_raw!("{out}");
    Ok(if errors > 0 {
        Status::Problems
    } else {
        Status::Ok
    })
}

/// The summary of a transmission, in `lang`.
fn summary(name: &str, t: &Summary, lang: Lang) -> String {
    let mut s = String::new();
    let direction = match (t.direction, t.generated) {
        (Direction::ToMps, _) => words(
            lang,
            "inspect.to-mps",
            &[("sender", &format!("{:08}", t.sender))],
        ),
        // Undated: a transmission of AvtaleGiro's mandates alone (decision A8).
        (Direction::FromMps, None) => words(
            lang,
            "inspect.from-mps-undated",
            &[("recipient", &format!("{:08}", t.recipient))],
        ),
        (Direction::FromMps, Some(d)) => words(
            lang,
            "inspect.from-mps",
            &[
                ("recipient", &format!("{:08}", t.recipient)),
                ("generated", &d),
            ],
        ),
    };
    let _ = writeln!(
        s,
        "{name}: {}",
        words(
            lang,
            "inspect.transmission",
            &[
                ("number", &t.transmission_number),
                ("direction", &direction)
            ]
        )
    );
    for (i, a) in t.assignments.iter().enumerate() {
        let h = &a.header;
        let kind = a.kind.description_in(lang);
        // AvtaleGiro's assignment start names no agreement, only its account.
        let key = match a.kind {
            AssignmentKind::AvtaleGiroClaims
            | AssignmentKind::AvtaleGiroCancellations
            | AssignmentKind::AvtaleGiroMandates => "inspect.assignment-of-account",
            _ => "inspect.assignment",
        };
        let line = words(
            lang,
            key,
            &[
                ("index", &(i + 1)),
                ("kind", &kind),
                ("agreement", &format!("{:09}", h.agreement_id)),
                ("number", &h.assignment_number),
                ("account", &h.account),
            ],
        );
        let _ = writeln!(s, "  {line}");
        let dates = match a.dates {
            Some((first, last)) if first == last => first.to_string(),
            Some((first, last)) => {
                words(lang, "inspect.dates", &[("first", &first), ("last", &last)])
            }
            None => text(lang, "inspect.no-dates").to_owned(),
        };
        items(&mut s, a, &dates, lang);
    }
    s
}

/// `n` things as `lang` counts them: the catalogue's `KEY.one` or `KEY.other`.
fn count(lang: Lang, n: usize, one: &'static str, other: &'static str) -> String {
    words(lang, if n == 1 { one } else { other }, &[("n", &n)])
}

/// The lines of an assignment's items: counts, sums, dates, and what each kind adds.
fn items(s: &mut String, a: &autogiro::model::AssignmentSummary, dates: &str, lang: Lang) {
    let claims = count(lang, a.items, "inspect.claims.one", "inspect.claims.other");
    let with_notice = |s: &mut String| {
        let (with_notice, lines) = a.specification;
        if lines > 0 {
            let claims = count(
                lang,
                with_notice,
                "inspect.claims.one",
                "inspect.claims.other",
            );
            let line = words(
                lang,
                "inspect.specification",
                &[("claims", &claims), ("lines", &lines)],
            );
            let _ = writeln!(s, "    {line}");
        }
    };
    let line = |key: &'static str, items: &str, extra: &str| {
        words(
            lang,
            key,
            &[
                ("items", &items),
                ("sum", &a.sum),
                ("dates", &dates),
                ("extra", &extra),
            ],
        )
    };
    match a.kind {
        AssignmentKind::Claims => {
            let _ = writeln!(s, "    {}", line("inspect.due", &claims, ""));
            with_notice(s);
        }
        AssignmentKind::Settled => {
            let _ = writeln!(s, "    {}", line("inspect.processed", &claims, ""));
        }
        AssignmentKind::OcrGiro => {
            let payments = count(
                lang,
                a.items,
                "inspect.payments.one",
                "inspect.payments.other",
            );
            let credit = if a.credit == autogiro::model::Amount::ZERO {
                String::new()
            } else {
                words(lang, "inspect.credits", &[("credit", &a.credit)])
            };
            let _ = writeln!(s, "    {}", line("inspect.settled", &payments, &credit));
        }
        AssignmentKind::Rejected => {
            let _ = writeln!(s, "    {}", line("inspect.processed", &claims, ""));
            rejections(s, a, lang);
        }
        AssignmentKind::Mandates => {
            let _ = writeln!(s, "    {}", mandates(a, lang));
        }
        AssignmentKind::AvtaleGiroClaims | AssignmentKind::AvtaleGiroCancellations => {
            let items = if a.kind == AssignmentKind::AvtaleGiroClaims {
                claims
            } else {
                count(
                    lang,
                    a.items,
                    "inspect.cancellations.one",
                    "inspect.cancellations.other",
                )
            };
            let _ = writeln!(s, "    {}", line("inspect.due", &items, ""));
            with_notice(s);
        }
        AssignmentKind::AvtaleGiroMandates => {
            let by_kind = registrations(lang, &a.mandates, true);
            let mandates = count(
                lang,
                a.items,
                "inspect.mandates.one",
                "inspect.mandates.other",
            );
            let _ = writeln!(s, "    {mandates}: {by_kind}");
        }
    }
}

/// The line of an assignment of Autogiro's mandates: by registration, by type, the limits.
fn mandates(a: &autogiro::model::AssignmentSummary, lang: Lang) -> String {
    let m = &a.mandates;
    words(
        lang,
        "inspect.mandates",
        &[
            (
                "mandates",
                &count(
                    lang,
                    a.items,
                    "inspect.mandates.one",
                    "inspect.mandates.other",
                ),
            ),
            ("kinds", &registrations(lang, m, false)),
            ("standard", &m.standard),
            ("simplified", &(a.items - m.standard)),
            ("sum", &a.sum),
        ],
    )
}

/// The rejections of an assignment by code: what each means, how many, their sum.
fn rejections(s: &mut String, a: &autogiro::model::AssignmentSummary, lang: Lang) {
    for r in &a.rejections {
        let meaning = match lang {
            Lang::En => r.code.meaning().unwrap_or("not listed in spec 3.9"),
            Lang::Nb => text(lang, autogiro::model::error_code_keys(r.code.number()).0),
        };
        let _ = writeln!(
            s,
            "      {:03} {meaning}: {}, {} NOK",
            r.code.number(),
            count(lang, r.claims, "inspect.claims.one", "inspect.claims.other"),
            r.sum
        );
    }
}

/// The mandates by registration (`1 deleted, 1 new`), in `lang`; AvtaleGiro's `1` is a new or
/// a changed mandate.
fn registrations(lang: Lang, m: &autogiro::model::MandateTally, avtalegiro: bool) -> String {
    m.by_registration()
        .iter()
        .map(|(k, n)| {
            let one = *n == 1;
            let key = match *k {
                "listed" => "inspect.reg.listed",
                "new" if avtalegiro && one => "inspect.reg.new-or-changed.one",
                "new" if avtalegiro => "inspect.reg.new-or-changed.other",
                "new" if one => "inspect.reg.new.one",
                "new" => "inspect.reg.new.other",
                "changed" => "inspect.reg.changed",
                _ => "inspect.reg.deleted",
            };
            words(lang, key, &[("n", n)])
        })
        .collect::<Vec<_>>()
        .join(", ")
}
