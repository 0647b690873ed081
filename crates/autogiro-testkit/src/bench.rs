//! The benchmark data, built one way for every benchmark: `cargo xtask bench-data` (the files
//! the whole programs are timed on), and the criterion-style benches of the format and the model
//! (which time the same transmission in memory).

// Every error here is a builder's refusal of a base file: a bug of the kit, not a case to handle.
#![allow(clippy::missing_errors_doc)]

use autogiro_checksum::{AccountNumber, Kid, Modulus};
use autogiro_format::OcrType;
use autogiro_ledger::next_business_day;
use autogiro_model::{
    Amount, AssignmentHeader, Claim, ClaimsAssignment, SettledAssignment, Transmission,
    payer_reference,
};
use time::{Date, Duration, macros::date};

use crate::transmissions::{AGREEMENT, PAYEE, Result};

/// Claims per assignment.
pub const PER_ASSIGNMENT: u32 = 100_000;

/// The number of claims of a bench: `AUTOGIRO_BENCH_CLAIMS`, else 1 000 000.
pub fn claims_from_env() -> u32 {
    std::env::var("AUTOGIRO_BENCH_CLAIMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

/// Claim `k` of a bench file: due on one of 28 days from 15 January 2026, a payer reference, an
/// amount of 1-997 NOK, an 9-digit KID under modulus 10, a name and an own reference.
pub fn claim(k: u32) -> Result<Claim> {
    let e = |x: &dyn std::fmt::Display| x.to_string();
    let kid = Kid::with_check_digit(&format!("{k:08}"), Modulus::Mod10).map_err(|x| e(&x))?;
    Claim::new(
        date!(2026 - 01 - 15) + Duration::days(i64::from(k % 28)),
        payer_reference(&(10_000 + k).to_string()).map_err(|x| e(&x))?,
        Amount::from_ore(u64::from(k % 997 + 1) * 100).map_err(|x| e(&x))?,
    )
    .with_kid(kid)
    .with_short_name("Nordmann")
    .and_then(|c| c.with_own_reference(&format!("Faktura {k}")))
    .map_err(|x| e(&x))
}

/// A claims file of `n` claims to MPS, [`PER_ASSIGNMENT`] to an assignment.
pub fn claims(n: u32) -> Result<Transmission> {
    claims_file(n, 1, claim, |_| Ok(()))
}

/// [`claims`] and MPS's answer, dated `answered`, settling each claim on the business day
/// after it is due, but every 1000th, which stays outstanding.
pub fn claims_and_answer(n: u32, answered: Date) -> Result<(Transmission, Transmission)> {
    let mut answer = Transmission::from_mps(12345, 1, answered);
    let mut k = 0u32;
    let sent = claims_file(n, 1, claim, |assignment| {
        let mut settled = SettledAssignment::new(assignment.header, answered);
        for claim in &assignment.claims {
            if k % 1000 != 999 {
                settled.push(Claim {
                    date: next_business_day(claim.date),
                    ..claim.clone()
                });
            }
            k += 1;
        }
        answer.push(settled).map_err(|e| e.to_string())
    })?;
    Ok((sent, answer))
}

/// A claims file to MPS, transmission `number`, of `n` claims made by `claim`, [`PER_ASSIGNMENT`]
/// to an assignment; `each` sees every assignment once it is full.
fn claims_file(
    n: u32,
    number: u32,
    claim: impl Fn(u32) -> Result<Claim>,
    mut each: impl FnMut(&ClaimsAssignment) -> Result<()>,
) -> Result<Transmission> {
    let account = AccountNumber::parse(PAYEE).map_err(|e| e.to_string())?;
    let mut sent = Transmission::to_mps(12345, number);
    let mut done = 0;
    while done < n {
        let count = PER_ASSIGNMENT.min(n - done);
        let header = AssignmentHeader::new(AGREEMENT, done / PER_ASSIGNMENT + 1, account);
        let mut assignment = ClaimsAssignment::new(header);
        for k in done..done + count {
            assignment.push(claim(k)?).map_err(|e| e.to_string())?;
        }
        each(&assignment)?;
        sent.push(assignment).map_err(|e| e.to_string())?;
        done += count;
    }
    Ok(sent)
}

/// Payer names of the realistic bench file, Norwegian letters among them.
const NAMES: [&str; 8] = [
    "Ærlig Ås",
    "Øyvind H",
    "Nordmann",
    "Bjørnstad",
    "Kari Lie",
    "Hågensen",
    "Tønnesen",
    "Ås Eiend.",
];

/// Claim `k` of the realistic bench file, as a billing system writes them: a name, an own
/// and a foreign reference on every claim, a KID of 10 to 25 digits (modulus 10 on even `k`,
/// modulus 11 on odd where it has a check digit), and on every 10th claim a notice with one to
/// three specification lines.
pub fn realistic_claim(k: u32) -> Result<Claim> {
    let e = |x: &dyn std::fmt::Display| x.to_string();
    let length = 10 + (k % 16) as usize;
    let mut body = format!("{:0width$}", u64::from(k) * 7919 + 1, width = length - 1);
    body.truncate(length - 1);
    let mod10 = Kid::with_check_digit(&body, Modulus::Mod10).map_err(|x| e(&x))?;
    // A modulus 11 body without a check digit (remainder 1) takes modulus 10 instead.
    let kid = match k % 2 {
        1 => Kid::with_check_digit(&body, Modulus::Mod11).unwrap_or(mod10),
        _ => mod10,
    };
    let name = NAMES
        .get(k as usize % NAMES.len())
        .copied()
        .unwrap_or("Nordmann");
    let month = ["januar", "februar", "mars"]
        .get(k as usize % 3)
        .copied()
        .unwrap_or("januar");
    let mut claim = Claim::new(
        date!(2026 - 01 - 15) + Duration::days(i64::from(k % 28)),
        payer_reference(&(10_000 + k).to_string()).map_err(|x| e(&x))?,
        Amount::from_ore(u64::from(k % 99_991 + 1) * 17).map_err(|x| e(&x))?,
    )
    .with_kid(kid)
    .with_short_name(name)
    .and_then(|c| c.with_own_reference(&format!("Faktura {k:07}/{:04}", k % 9973)))
    .and_then(|c| c.with_foreign_reference(&format!("{month} 2026 nr {k:07}")))
    .map_err(|x| e(&x))?;
    if k.is_multiple_of(10) {
        claim = claim.with_notice();
        for line in 1..=(1 + k / 10 % 3) {
            let line = u16::try_from(line).unwrap_or(1);
            claim
                .add_specification(line, 1, &format!("Husleie {month}, leilighet {}", k % 400))
                .map_err(|x| e(&x))?;
        }
    }
    Ok(claim)
}

/// A claims file of `n` [`realistic_claim`]s to MPS, [`PER_ASSIGNMENT`] to an assignment: the
/// file `autogiro validate` is timed on next to the plain one of [`claims`] (written files
/// carry this much text; about 30 % slower to validate than the plain one).
pub fn realistic(n: u32) -> Result<Transmission> {
    claims_file(n, 2, realistic_claim, |_| Ok(()))
}

/// A file of OCR giro payments from MPS: `n` payments of every transaction type in turn, one
/// an hundred a credit, KIDs of 10-25 digits, in assignments of [`PER_ASSIGNMENT`].
pub fn ocr(n: u32) -> Result<Transmission> {
    let e = |x: &dyn std::fmt::Display| x.to_string();
    let mut file = Transmission::from_mps(12345, 400, date!(2026 - 01 - 20));
    let mut k = 0;
    let mut number = 0;
    while k < n {
        number += 1;
        let header =
            AssignmentHeader::new(AGREEMENT, number, crate::transmissions::account(PAYEE)?);
        let mut payments = Vec::new();
        for i in 0..PER_ASSIGNMENT.min(n - k) {
            let transaction_type = OcrType::ALL
                .get(k as usize % OcrType::ALL.len())
                .copied()
                .unwrap_or(OcrType::GiroDebited);
            let length = 10 + (k % 16) as usize;
            let mut body = format!("{:0width$}", u64::from(k) * 7919 + 1, width = length - 1);
            body.truncate(length - 1);
            let kid = Kid::with_check_digit(&body, Modulus::Mod10).map_err(|x| e(&x))?;
            let day = date!(2026 - 01 - 05) + Duration::days(i64::from(i / (PER_ASSIGNMENT / 10)));
            let kid = if transaction_type.has_free_text() {
                ""
            } else {
                kid.as_str()
            };
            let ore = u64::from(k % 99_991 + 1) * 17;
            let mut payment =
                crate::transmissions::ocr_payment(transaction_type, day, ore, kid, k % 100_000)?;
            payment.transaction_number = i + 1;
            payment.credit = k % 100 == 99;
            payments.push(payment);
            k += 1;
        }
        file.push(autogiro_model::OcrAssignment {
            header,
            generated: date!(2026 - 01 - 20),
            payments,
        })
        .map_err(|x| e(&x))?;
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use autogiro_model::{ReadOptions, validate};

    /// The bench files validate without a finding, and the realistic one carries what it says.
    #[test]
    fn the_bench_files_are_valid_and_the_realistic_one_is_full() {
        let options = ReadOptions::new().today(date!(2026 - 01 - 10));
        for t in [
            claims(2_000).unwrap(),
            realistic(2_000).unwrap(),
            ocr(2_000).unwrap(),
        ] {
            let mut file = Vec::new();
            t.write(&mut file).unwrap();
            let report = validate(&file[..], &options);
            assert!(
                report.diagnostics.is_empty(),
                "{:?}",
                report.diagnostics.first()
            );
        }
        let claims: Vec<Claim> = (0..2_000).map(|k| realistic_claim(k).unwrap()).collect();
        let kid_lengths: std::collections::BTreeSet<usize> = claims
            .iter()
            .filter_map(|c| c.kid.map(|k| k.len()))
            .collect();
        assert_eq!(kid_lengths, (10..=25).collect());
        assert!(claims.iter().all(|c| !c.foreign_reference.is_blank()));
        assert_eq!(
            claims
                .iter()
                .filter(|c| !c.specification.is_empty())
                .count(),
            200
        );
    }
}
