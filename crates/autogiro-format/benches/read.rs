//! Record-level reading and writing speed on a file of 1 000 000 claims (2 000 022 records,
//! 162 MB), generated here. Run with `cargo bench -p autogiro-format`; set
//! `AUTOGIRO_BENCH_CLAIMS` for another size.
//!
//! Compare the MB/s divan prints with `wc -l` on a file of the same size
//! (`cargo bench -p autogiro-format -- --help` lists divan's options).

#![allow(missing_docs)]

use std::sync::LazyLock;

use autogiro_format::{
    AmountItem1, AmountItem2, AssignmentStart, AssignmentType, ClaimType, ClaimsEnd, Digits,
    PaddedDigits, Reader, Record, Text, Totals, TransmissionEnd, TransmissionStart, Writer,
};
use divan::counter::BytesCount;
use time::{Date, Duration, Month};

fn main() {
    divan::main();
}

/// Claims per assignment, as `cargo xtask bench-data` spreads them.
const PER_ASSIGNMENT: u32 = 100_000;

fn claims() -> u32 {
    std::env::var("AUTOGIRO_BENCH_CLAIMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

/// The records of a valid claims file of `n` claims.
fn records(n: u32) -> Vec<Record> {
    let first = Date::from_calendar_date(2026, Month::January, 15).unwrap();
    let account = Digits::new("12345678903").unwrap();
    let mut out = vec![Record::TransmissionStart(TransmissionStart {
        sender: 12345,
        transmission_number: 1,
        recipient: 8080,
    })];
    let mut done = 0;
    let mut assignment = 0;
    while done < n {
        assignment += 1;
        let count = PER_ASSIGNMENT.min(n - done);
        out.push(Record::AssignmentStart(AssignmentStart {
            assignment_type: AssignmentType::Claims,
            agreement_id: 56789,
            assignment_number: assignment,
            account,
        }));
        let mut sum = 0;
        for i in 1..=count {
            let amount = u64::from(i % 997 + 1) * 100;
            sum += amount;
            out.push(Record::AmountItem1(AmountItem1 {
                transaction_type: ClaimType::WithoutNotice,
                transaction_number: i,
                date: first + Duration::days(i64::from(i % 28)),
                payer: PaddedDigits::new(&format!("{}", 10_000 + i)).unwrap(),
                amount,
                kid: PaddedDigits::new(&format!("{i:09}")).unwrap(),
            }));
            out.push(Record::AmountItem2(AmountItem2 {
                transaction_type: ClaimType::WithoutNotice,
                transaction_number: i,
                short_name: Text::new("Nordmann").unwrap(),
                own_reference: Text::new(&format!("Faktura {i}")).unwrap(),
                foreign_reference: Text::new("Husleie").unwrap(),
            }));
        }
        out.push(Record::ClaimsEnd(ClaimsEnd {
            totals: Totals {
                transactions: count,
                records: count * 2 + 2,
                sum,
            },
            first_due_date: Some(first),
            last_due_date: Some(first + Duration::days(27)),
        }));
        done += count;
    }
    out.push(Record::TransmissionEnd(TransmissionEnd {
        totals: Totals::default(),
        first_due_date: Some(first),
    }));
    out
}

static RECORDS: LazyLock<Vec<Record>> = LazyLock::new(|| records(claims()));

static FILE: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut writer = Writer::new(Vec::with_capacity(RECORDS.len() * 82));
    for record in RECORDS.iter() {
        writer.write_record(record).unwrap();
    }
    writer.into_inner()
});

/// Reads every record of the file from memory.
#[divan::bench(sample_count = 10)]
fn read_records(bencher: divan::Bencher) {
    let file: &[u8] = &FILE;
    bencher.counter(BytesCount::new(file.len())).bench(|| {
        let mut n = 0u64;
        for item in Reader::new(divan::black_box(file)) {
            if item.is_ok() {
                n += 1;
            }
        }
        assert_eq!(n, RECORDS.len() as u64);
        n
    });
}

/// Writes every record of the file into memory.
#[divan::bench(sample_count = 10)]
fn write_records(bencher: divan::Bencher) {
    let records: &[Record] = &RECORDS;
    bencher.counter(BytesCount::new(FILE.len())).bench(|| {
        let mut writer = Writer::new(Vec::with_capacity(FILE.len()));
        for record in records {
            writer.write_record(record).unwrap();
        }
        writer.into_inner().len()
    });
}

/// `wc -l`'s work on the same bytes in-process: count line breaks, the floor any reader pays.
#[divan::bench(sample_count = 10)]
fn count_lines(bencher: divan::Bencher) {
    let file: &[u8] = &FILE;
    bencher
        .counter(BytesCount::new(file.len()))
        .bench(|| memchr::memchr_iter(b'\n', divan::black_box(file)).count());
}
