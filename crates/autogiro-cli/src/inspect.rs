//! `autogiro inspect`: a summary a person reads.

use std::fmt::Write as _;
use std::io::BufRead as _;
use std::path::Path;

use anyhow::Context as _;
use autogiro::format::Direction;
use autogiro::model::{AssignmentKind, Diagnostic, Inspection, ReadOptions, Summary};

use crate::{Status, input};

/// `autogiro inspect`: the file read in parts into an [`Inspection`], which counts each claim
/// and mandate into the summary and drops it: memory stays that of a few records whatever the
/// file's size (the whole model of a million claims took 146 MiB).
pub(crate) fn run(path: &Path, options: &ReadOptions) -> anyhow::Result<Status> {
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
            .with_context(|| format!("cannot read {name}"))?;
        if part.is_empty() {
            break;
        }
        let n = part.len();
        inspection.feed(part, &mut count);
        reader.consume(n);
    }
    let (summary_of_file, _) = inspection.finish(&mut count);
    let mut out = summary(&name, &summary_of_file);
    match (errors, warnings) {
        (0, 0) => out.push_str("valid\n"),
        (0, w) => writeln!(
            out,
            "valid, {w} warning(s): run `autogiro validate` for details"
        )?,
        (e, w) => writeln!(
            out,
            "{e} error(s), {w} warning(s): the summary shows what could be read; run `autogiro validate` for details"
        )?,
    }
    say_raw!("{out}");
    Ok(if errors > 0 {
        Status::Problems
    } else {
        Status::Ok
    })
}

/// The summary of a transmission.
fn summary(name: &str, t: &Summary) -> String {
    let mut s = String::new();
    let direction = match t.direction {
        Direction::ToMps => format!("to MPS from customer unit {:08}", t.sender),
        Direction::FromMps => format!(
            "from MPS to customer unit {:08}, {}",
            t.recipient,
            // Undated: a transmission of AvtaleGiro's mandates alone (decision A8).
            t.generated
                .map_or_else(|| "undated".to_owned(), |d| format!("generated {d}"))
        ),
    };
    let _ = writeln!(
        s,
        "{name}: transmission {} {direction}",
        t.transmission_number
    );
    for (i, a) in t.assignments.iter().enumerate() {
        let h = &a.header;
        // AvtaleGiro's assignment start names no agreement, only its account.
        let agreement = match a.kind {
            AssignmentKind::AvtaleGiroClaims
            | AssignmentKind::AvtaleGiroCancellations
            | AssignmentKind::AvtaleGiroMandates => String::new(),
            _ => format!("agreement {:09}, ", h.agreement_id),
        };
        let _ = writeln!(
            s,
            "  assignment {}: {}, {agreement}number {}, account {}",
            i + 1,
            a.kind.description(),
            h.assignment_number,
            h.account
        );
        let dates = match a.dates {
            Some((first, last)) if first == last => first.to_string(),
            Some((first, last)) => format!("{first} to {last}"),
            None => "none".to_owned(),
        };
        items(&mut s, a, &dates);
    }
    s
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The lines of an assignment's items: counts, sums, dates, and what each kind adds.
fn items(s: &mut String, a: &autogiro::model::AssignmentSummary, dates: &str) {
    let claims = plural(a.items, "claim", "claims");
    match a.kind {
        AssignmentKind::Claims => {
            let _ = writeln!(s, "    {claims}, {} NOK, due {dates}", a.sum);
            let (with_notice, lines) = a.specification;
            if lines > 0 {
                let _ = writeln!(
                    s,
                    "    {} with specification lines ({lines} lines)",
                    plural(with_notice, "claim", "claims")
                );
            }
        }
        AssignmentKind::Settled => {
            let _ = writeln!(s, "    {claims}, {} NOK, processed {dates}", a.sum);
        }
        AssignmentKind::OcrGiro => {
            let payments = plural(a.items, "payment", "payments");
            let credit = if a.credit == autogiro::model::Amount::ZERO {
                String::new()
            } else {
                format!(" less credits of {} NOK", a.credit)
            };
            let _ = writeln!(s, "    {payments}, {} NOK{credit}, settled {dates}", a.sum);
        }
        AssignmentKind::Rejected => {
            let _ = writeln!(s, "    {claims}, {} NOK, processed {dates}", a.sum);
            for r in &a.rejections {
                let _ = writeln!(
                    s,
                    "      {:03} {}: {}, {} NOK",
                    r.code.number(),
                    r.code.meaning().unwrap_or("not listed in spec 3.9"),
                    plural(r.claims, "claim", "claims"),
                    r.sum
                );
            }
        }
        AssignmentKind::Mandates => {
            let m = &a.mandates;
            let by_kind: Vec<String> = m
                .by_registration()
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            let _ = writeln!(
                s,
                "    {}: {}; {} standard, {} simplified; limits {} NOK",
                plural(a.items, "mandate", "mandates"),
                by_kind.join(", "),
                m.standard,
                a.items - m.standard,
                a.sum
            );
        }
        AssignmentKind::AvtaleGiroClaims | AssignmentKind::AvtaleGiroCancellations => {
            let items = if a.kind == AssignmentKind::AvtaleGiroClaims {
                claims
            } else {
                plural(a.items, "cancellation request", "cancellation requests")
            };
            let _ = writeln!(s, "    {items}, {} NOK, due {dates}", a.sum);
            let (with_notice, lines) = a.specification;
            if lines > 0 {
                let _ = writeln!(
                    s,
                    "    {} with specification lines ({lines} lines)",
                    plural(with_notice, "claim", "claims")
                );
            }
        }
        AssignmentKind::AvtaleGiroMandates => {
            let by_kind: Vec<String> = a
                .mandates
                .by_registration()
                .iter()
                // AvtaleGiro's `1` is a new or a changed mandate.
                .map(|(k, n)| format!("{n} {}", if *k == "new" { "new or changed" } else { k }))
                .collect();
            let _ = writeln!(
                s,
                "    {}: {}",
                plural(a.items, "mandate", "mandates"),
                by_kind.join(", ")
            );
        }
    }
}
