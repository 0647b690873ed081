//! Streaming validation, full reading and writing of a file of 1 000 000 claims (162 MB) built by
//! `autogiro-testkit` with the builders, as for every benchmark. Run with `cargo bench -p autogiro-model`; set
//! `AUTOGIRO_BENCH_CLAIMS` for another size.
// Measurement code: a failure is a panic with a message, as in a test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(missing_docs)]

use std::sync::LazyLock;

use autogiro_model::{ReadOptions, Transmission, validate};
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// The claims file every benchmark times (`autogiro_testkit::bench`).
static TRANSMISSION: LazyLock<Transmission> = LazyLock::new(|| {
    autogiro_testkit::bench::claims(autogiro_testkit::bench::claims_from_env()).unwrap()
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
