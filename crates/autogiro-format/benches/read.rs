//! Record-level reading and writing speed on a file of 1 000 000 claims (2 000 022 records),
//! the one `autogiro-testkit` builds for every benchmark. Run with `cargo bench -p autogiro-format`; set
//! `AUTOGIRO_BENCH_CLAIMS` for another size.
//!
//! Compare the MB/s divan prints with `wc -l` on a file of the same size
//! (`cargo bench -p autogiro-format -- --help` lists divan's options).
// Measurement code: a failure is a panic with a message, as in a test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(missing_docs)]

use std::sync::LazyLock;

use autogiro_format::{Reader, Record, Writer};
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// The records of the claims file every benchmark times (`autogiro_testkit::bench`).
static RECORDS: LazyLock<Vec<Record>> = LazyLock::new(|| {
    autogiro_testkit::bench::claims(autogiro_testkit::bench::claims_from_env())
        .and_then(|t| t.to_records().map_err(|e| e.to_string()))
        .unwrap()
});

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
