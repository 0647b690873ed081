//! `autogiro inspect`: a summary a person reads.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use autogiro::format::{Direction, MandateType, RegistrationType};
use autogiro::model::{Amount, Assignment, Claim, ReadOptions, Transmission};

use crate::{Status, input};

pub(crate) fn run(path: &Path, options: &ReadOptions) -> anyhow::Result<Status> {
    let read = Transmission::read(input::reader(path)?, options);
    let mut out = summary(&input::name(path), &read.transmission);
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
    print!("{out}");
    Ok(if errors > 0 {
        Status::Problems
    } else {
        Status::Ok
    })
}

/// Amounts are shown as plain kroner with a point: `1234.50 NOK`.
fn sum(claims: impl Iterator<Item = Amount>) -> String {
    format!("{} NOK", claims.sum::<Amount>())
}

fn date_range<'a>(claims: impl Iterator<Item = &'a Claim> + Clone) -> String {
    let first = claims.clone().map(|c| c.date).min();
    let last = claims.map(|c| c.date).max();
    match (first, last) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "none".to_owned(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary of a transmission.
fn summary(name: &str, t: &Transmission) -> String {
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
        let h = a.header();
        let kind = a.kind().description();
        let _ = writeln!(
            s,
            "  assignment {}: {kind}, agreement {:09}, number {}, account {}",
            i + 1,
            h.agreement_id,
            h.assignment_number,
            h.account
        );
        match a {
            Assignment::Claims(c) => {
                let with_notice = c
                    .claims
                    .iter()
                    .filter(|c| !c.specification.is_empty())
                    .count();
                let lines: usize = c.claims.iter().map(|c| c.specification.len()).sum();
                let _ = writeln!(
                    s,
                    "    {}, {}, due {}",
                    plural(c.claims.len(), "claim", "claims"),
                    sum(c.claims.iter().map(|c| c.amount)),
                    date_range(c.claims.iter())
                );
                if lines > 0 {
                    let _ = writeln!(
                        s,
                        "    {} with specification lines ({lines} lines)",
                        plural(with_notice, "claim", "claims")
                    );
                }
            }
            Assignment::Settled(c) => {
                let _ = writeln!(
                    s,
                    "    {}, {}, processed {}",
                    plural(c.claims.len(), "claim", "claims"),
                    sum(c.claims.iter().map(|c| c.amount)),
                    date_range(c.claims.iter())
                );
            }
            Assignment::Rejected(r) => rejected(&mut s, r),
            Assignment::Mandates(m) => mandates(&mut s, m),
        }
    }
    s
}

/// Rejected claims, grouped by error code with the code's meaning.
fn rejected(s: &mut String, r: &autogiro::model::RejectedAssignment) {
    let _ = writeln!(
        s,
        "    {}, {}, processed {}",
        plural(r.rejections.len(), "claim", "claims"),
        sum(r.rejections.iter().map(|r| r.claim.amount)),
        date_range(r.rejections.iter().map(|r| &r.claim))
    );
    let mut by_code: BTreeMap<u16, (usize, Amount, &str)> = BTreeMap::new();
    for r in &r.rejections {
        let entry = by_code.entry(r.code.number()).or_insert((
            0,
            Amount::ZERO,
            r.code.meaning().unwrap_or("not listed in spec 3.9"),
        ));
        entry.0 += 1;
        entry.1 = [entry.1, r.claim.amount].into_iter().sum();
    }
    for (code, (n, amount, meaning)) in by_code {
        let _ = writeln!(
            s,
            "      {code:03} {meaning}: {}, {amount} NOK",
            plural(n, "claim", "claims")
        );
    }
}

/// Mandates by registration type and kind.
fn mandates(s: &mut String, m: &autogiro::model::MandatesAssignment) {
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for mandate in &m.mandates {
        let kind = match mandate.registration_type {
            RegistrationType::Listing => "listed",
            RegistrationType::New => "new",
            RegistrationType::Change => "changed",
            RegistrationType::Delete => "deleted",
        };
        *kinds.entry(kind).or_default() += 1;
    }
    let standard = m
        .mandates
        .iter()
        .filter(|m| m.mandate_type == MandateType::Standard)
        .count();
    let by_kind: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let _ = writeln!(
        s,
        "    {}: {}; {standard} standard, {} simplified; limits {}",
        plural(m.mandates.len(), "mandate", "mandates"),
        by_kind.join(", "),
        m.mandates.len() - standard,
        sum(m.mandates.iter().map(|m| m.amount_limit))
    );
}
