//! Character checks shared by every kind of number.

use crate::ChecksumError;

/// The value of an ASCII digit. The callers have checked that `b` is one.
pub(crate) const fn digit_value(b: u8) -> u8 {
    b.wrapping_sub(b'0')
}

/// Checks that `s` is `min..=max` ASCII digits and returns its bytes.
///
/// A character that is not a digit is reported before the length, because it says more about
/// what is wrong.
pub(crate) fn check_ascii_digits(s: &str, min: usize, max: usize) -> Result<&[u8], ChecksumError> {
    if s.is_empty() {
        return Err(ChecksumError::Empty);
    }
    first_non_digit(s)?;
    let found = s.len();
    if found < min {
        Err(ChecksumError::TooShort { min, found })
    } else if found > max {
        Err(ChecksumError::TooLong { max, found })
    } else {
        Ok(s.as_bytes())
    }
}

/// Whether every byte is an ASCII digit: eight at a time in a 64-bit word (each byte a digit
/// when its high nibble is 3 and adding 6 keeps it so; a carry out of a byte only happens from
/// a byte that already fails), the last few one by one. Every claim's KID read into the model
/// goes through here.
pub(crate) fn all_ascii_digits(bytes: &[u8]) -> bool {
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    const SIXES: u64 = 0x0606_0606_0606_0606;
    let mut words = bytes.chunks_exact(8);
    let mut bad = 0;
    for word in &mut words {
        // Eight bytes, always; zeros (no digits) would fail.
        let v = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
        bad |= ((v & HIGH) ^ ZEROS) | ((v.wrapping_add(SIXES) & HIGH) ^ ZEROS);
    }
    bad == 0 && words.remainder().iter().all(u8::is_ascii_digit)
}

/// Fails on the first character of `s` that is not an ASCII digit, naming its position.
pub(crate) fn first_non_digit(s: &str) -> Result<(), ChecksumError> {
    // The common case, all digits, is a byte scan; positions are counted in characters only
    // when there is something to report.
    if all_ascii_digits(s.as_bytes()) {
        return Ok(());
    }
    match s.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, found)) => Err(ChecksumError::NotADigit {
            position: i + 1,
            found,
        }),
        None => Ok(()),
    }
}

/// The text of bytes that are ASCII digits by construction.
pub(crate) fn ascii_str(bytes: &[u8]) -> &str {
    // Every type of this crate stores only ASCII digits, which are valid UTF-8, so the fallback
    // is never taken; it exists so that no code path can panic.
    core::str::from_utf8(bytes).unwrap_or_default()
}
