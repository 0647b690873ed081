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
/// a byte that already fails), the last eight overlapping the words before, fewer than eight
/// in a word of `0`s. Every claim's KID read into the model goes through here. The test
/// `all_ascii_digits_is_every_byte_a_digit` holds it to the byte-by-byte test.
pub(crate) fn all_ascii_digits(bytes: &[u8]) -> bool {
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    const SIXES: u64 = 0x0606_0606_0606_0606;
    // Nonzero unless all eight bytes are digits.
    let bad = |v: u64| ((v & HIGH) ^ ZEROS) | ((v.wrapping_add(SIXES) & HIGH) ^ ZEROS);
    let word = |w: &[u8]| u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
    let Some(last) = bytes
        .len()
        .checked_sub(8)
        .and_then(|from| bytes.get(from..))
    else {
        // Fewer than eight: in a word of zeros.
        let mut padded = [b'0'; 8];
        if let Some(to) = padded.get_mut(..bytes.len()) {
            to.copy_from_slice(bytes);
        }
        return bad(u64::from_le_bytes(padded)) == 0;
    };
    // The whole words, then the last eight bytes (which overlap the words before them when
    // the length is no multiple of eight): no byte is looked at one by one.
    let words = bytes.chunks_exact(8).fold(0, |acc, w| acc | bad(word(w)));
    (words | bad(word(last))) == 0
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every length a KID or account may have and more, each byte in turn replaced by every
    /// byte value: the word test says what the byte-by-byte one says.
    #[test]
    fn all_ascii_digits_is_every_byte_a_digit() {
        for len in 0..=40 {
            let mut digits = [0u8; 40];
            for (d, digit) in digits.iter_mut().zip((b'0'..=b'9').cycle()) {
                *d = digit;
            }
            let digits = &digits[..len];
            assert!(all_ascii_digits(digits), "{len}");
            for at in 0..len {
                for byte in 0..=255u8 {
                    let mut bytes = [0u8; 40];
                    bytes[..len].copy_from_slice(digits);
                    bytes[at] = byte;
                    assert_eq!(
                        all_ascii_digits(&bytes[..len]),
                        byte.is_ascii_digit(),
                        "{len} {at} {byte:#04x}"
                    );
                }
            }
        }
    }
}
