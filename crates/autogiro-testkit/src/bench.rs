//! The benchmark data, built one way for every benchmark: `cargo xtask bench-data` (the files
//! the whole programs are timed on), and the criterion-style benches of the format and the model
//! (which time the same transmission in memory).

// Every error here is a builder's refusal of a base file: a bug of the kit, not a case to handle.
#![allow(clippy::missing_errors_doc)]

use autogiro_checksum::{AccountNumber, Kid, Modulus};
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
    build(n, None).map(|(sent, _)| sent)
}

/// [`claims`] and MPS's answer, dated `answered`, settling each claim on the business day
/// after it is due, but every 1000th, which stays outstanding.
pub fn claims_and_answer(n: u32, answered: Date) -> Result<(Transmission, Transmission)> {
    build(n, Some(answered))
}

fn build(n: u32, answered: Option<Date>) -> Result<(Transmission, Transmission)> {
    let account = AccountNumber::parse(PAYEE).map_err(|e| e.to_string())?;
    let mut sent = Transmission::to_mps(12345, 1);
    let mut answer = Transmission::from_mps(12345, 1, answered.unwrap_or(date!(2026 - 02 - 20)));
    let mut done = 0;
    while done < n {
        let count = PER_ASSIGNMENT.min(n - done);
        let header = AssignmentHeader::new(AGREEMENT, done / PER_ASSIGNMENT + 1, account);
        let mut assignment = ClaimsAssignment::new(header);
        let mut settled =
            SettledAssignment::new(header, answer.generated.unwrap_or(date!(2026 - 02 - 20)));
        for k in done..done + count {
            let claim = claim(k)?;
            if answered.is_some() && k % 1000 != 999 {
                settled.push(Claim {
                    date: next_business_day(claim.date),
                    ..claim.clone()
                });
            }
            assignment.push(claim).map_err(|e| e.to_string())?;
        }
        sent.push(assignment).map_err(|e| e.to_string())?;
        if answered.is_some() {
            answer.push(settled).map_err(|e| e.to_string())?;
        }
        done += count;
    }
    Ok((sent, answer))
}
