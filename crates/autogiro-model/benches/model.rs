//! Streaming validation, full reading and writing of a file of 1 000 000 claims (162 MB) built
//! here with the builders. Run with `cargo bench -p autogiro-model`; set
//! `AUTOGIRO_BENCH_CLAIMS` for another size.

#![allow(missing_docs)]

use std::sync::LazyLock;

use autogiro_checksum::{AccountNumber, Kid, Modulus};
use autogiro_model::{
    Amount, AssignmentHeader, Claim, ClaimsAssignment, ReadOptions, Transmission, payer_reference,
    validate,
};
use divan::counter::BytesCount;
use time::{Duration, macros::date};

fn main() {
    divan::main();
}

static TRANSMISSION: LazyLock<Transmission> = LazyLock::new(|| {
    let n: u32 = std::env::var("AUTOGIRO_BENCH_CLAIMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let account = AccountNumber::parse("12345678903").unwrap();
    let mut t = Transmission::to_mps(12345, 1);
    let mut done = 0;
    while done < n {
        let count = 100_000.min(n - done);
        let number = done / 100_000 + 1;
        let mut a = ClaimsAssignment::new(AssignmentHeader::new(56789, number, account));
        for i in 0..count {
            let k = done + i;
            let claim = Claim::new(
                date!(2026 - 01 - 15) + Duration::days(i64::from(k % 28)),
                payer_reference(&(10_000 + k).to_string()).unwrap(),
                Amount::from_ore(u64::from(k % 997 + 1) * 100).unwrap(),
            )
            .with_kid(Kid::with_check_digit(&format!("{k:08}"), Modulus::Mod10).unwrap())
            .with_short_name("Nordmann")
            .unwrap()
            .with_own_reference(&format!("Faktura {k}"))
            .unwrap();
            a.push(claim).unwrap();
        }
        t.push(a).unwrap();
        done += count;
    }
    t
});

static FILE: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut file = Vec::new();
    TRANSMISSION.write(&mut file).unwrap();
    file
});

/// Every rule, counters only.
#[divan::bench(sample_count = 10)]
fn validate_streaming(bencher: divan::Bencher) {
    let file: &[u8] = &FILE;
    bencher.counter(BytesCount::new(file.len())).bench(|| {
        let report = validate(divan::black_box(file), &ReadOptions::new());
        assert!(report.diagnostics.is_empty());
        report.lines
    });
}

/// Every rule, and the whole model built.
#[divan::bench(sample_count = 10)]
fn read_model(bencher: divan::Bencher) {
    let file: &[u8] = &FILE;
    bencher.counter(BytesCount::new(file.len())).bench(|| {
        let read = Transmission::read(divan::black_box(file), &ReadOptions::new());
        assert!(read.diagnostics.is_empty());
        read.transmission.assignments.len()
    });
}

/// The model written back to bytes, end records computed.
#[divan::bench(sample_count = 10)]
fn write_model(bencher: divan::Bencher) {
    let t: &Transmission = &TRANSMISSION;
    bencher.counter(BytesCount::new(FILE.len())).bench(|| {
        let mut out = Vec::with_capacity(FILE.len());
        t.write(&mut out).unwrap();
        out.len()
    });
}
