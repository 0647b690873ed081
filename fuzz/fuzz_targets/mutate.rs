//! Fuzz target `mutate`: valid files from `testdata/ok` with random mutations; see
//! `autogiro_fuzz::mutate`.
#![no_main]

use std::sync::LazyLock;

static SEEDS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(autogiro_fuzz::seeds);

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let seeds: Vec<&[u8]> = SEEDS.iter().map(Vec::as_slice).collect();
    autogiro_fuzz::mutate(&seeds, data);
});
