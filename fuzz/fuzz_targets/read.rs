//! Fuzz target `read`: see `autogiro_fuzz::read`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| autogiro_fuzz::read(data));
