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

/// Fails on the first character of `s` that is not an ASCII digit, naming its position.
pub(crate) fn first_non_digit(s: &str) -> Result<(), ChecksumError> {
    // The common case, all digits, is a byte scan; positions are counted in characters only
    // when there is something to report.
    // Folded without stopping early, so that the compiler checks many bytes at a time.
    if s.bytes().fold(true, |all, b| all & b.is_ascii_digit()) {
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
