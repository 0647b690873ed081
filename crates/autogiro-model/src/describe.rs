//! A transmission's summary in words ([`Summary::describe`]): what `autogiro inspect` prints
//! and the web page shows, in either language, from the catalogue's `inspect.*` texts.

use std::fmt::Write as _;

use autogiro_format::Direction;
use autogiro_i18n::{render as words, text};

use crate::{AssignmentKind, AssignmentSummary, Lang, MandateTally, Summary};

impl Summary {
    /// The summary in `lang`, a line each: the transmission (direction, parties, the day MPS
    /// made it), then each assignment (its kind, agreement or account, number) with its
    /// counts, sums and dates, its rejections by error code, its mandates by registration.
    /// `autogiro inspect` prints it after the file's name.
    pub fn describe(&self, lang: Lang) -> String {
        describe(self, lang)
    }
}

/// The summary of a transmission, in `lang`.
fn describe(t: &Summary, lang: Lang) -> String {
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
        "{}",
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
fn items(s: &mut String, a: &AssignmentSummary, dates: &str, lang: Lang) {
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
            let credit = if a.credit == crate::Amount::ZERO {
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
fn mandates(a: &AssignmentSummary, lang: Lang) -> String {
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
fn rejections(s: &mut String, a: &AssignmentSummary, lang: Lang) {
    for r in &a.rejections {
        // A code the specification does not list: said as `inspect` has always said it.
        let meaning = if r.code.meaning().is_some() {
            text(lang, crate::error_code_keys(r.code.number()).0)
        } else {
            text(lang, "inspect.not-listed")
        };
        let line = words(
            lang,
            "inspect.rejection",
            &[
                ("code", &format!("{:03}", r.code.number())),
                ("meaning", &meaning),
                (
                    "claims",
                    &count(lang, r.claims, "inspect.claims.one", "inspect.claims.other"),
                ),
                ("sum", &r.sum),
            ],
        );
        let _ = writeln!(s, "      {line}");
    }
}

/// The mandates by registration (`1 deleted, 1 new`), in `lang`; AvtaleGiro's `1` is a new or
/// a changed mandate.
fn registrations(lang: Lang, m: &MandateTally, avtalegiro: bool) -> String {
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
