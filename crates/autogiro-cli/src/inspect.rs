//! `autogiro inspect`: a summary a person reads.

use std::fmt::Write as _;
use std::path::Path;

use autogiro::format::Direction;
use autogiro::model::{AssignmentKind, ReadOptions, Summary, Transmission};

use crate::{Status, input};

pub(crate) fn run(path: &Path, options: &ReadOptions) -> anyhow::Result<Status> {
    let read = Transmission::read(input::reader(path)?, options);
    let mut out = summary(&input::name(path), &Summary::of(&read.transmission));
    let errors = read.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = read.diagnostics.len() - errors;
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
    // The process ends after this: the system takes the model's memory back at once, faster
    // than freeing it claim by claim (a tenth of the command on a large file).
    std::mem::forget(read);
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
            "from MPS to customer unit {:08}, generated {}",
            t.recipient,
            t.generated
                .map_or_else(|| "?".to_owned(), |d| d.to_string())
        ),
    };
    let _ = writeln!(
        s,
        "{name}: transmission {} {direction}",
        t.transmission_number
    );
    for (i, a) in t.assignments.iter().enumerate() {
        let h = &a.header;
        let _ = writeln!(
            s,
            "  assignment {}: {}, agreement {:09}, number {}, account {}",
            i + 1,
            a.kind.description(),
            h.agreement_id,
            h.assignment_number,
            h.account
        );
        let dates = match a.dates {
            Some((first, last)) if first == last => first.to_string(),
            Some((first, last)) => format!("{first} to {last}"),
            None => "none".to_owned(),
        };
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
        }
    }
    s
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
