//! Fuzz target `checksum`: see `autogiro_fuzz::checksum`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| autogiro_fuzz::checksum(data));
