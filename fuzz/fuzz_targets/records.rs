//! Fuzz target `records`: see `autogiro_fuzz::records`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| autogiro_fuzz::records(data));
