//! Fuzz target `roundtrip`: see `autogiro_fuzz::roundtrip`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| autogiro_fuzz::roundtrip(data));
