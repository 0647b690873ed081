use core::fmt;

use crate::ChecksumError;
use crate::digits::{check_ascii_digits, digit_value};

/// The most digits of any number these formats check: a KID (item 1, record 30, positions 50-74).
pub const MAX_DIGITS: usize = 25;

/// The width both sums are weighed over: a number is right-aligned in it, as if after zeros,
/// which add nothing to either sum; its digits take the weights of the positions they fall on.
const WIDTH: usize = 32;

/// The weights of modulus 11 over a whole number from its right, at the positions of
/// [`WIDTH`] from its left: 1 for the check digit, then 2, 3, 4, 5, 6, 7, 2, ... for the body.
const MOD11_WEIGHTS: [u16; WIDTH] = [
    2, 7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1,
];

/// Both weighted sums of `digits` (2 to [`MAX_DIGITS`] bytes), the check digit weighing 1:
/// `(modulus 10, modulus 11)`, or `None` when a byte is not an ASCII digit or the length is
/// out of range. Modulus 10 counts a doubled digit by its digits (`2d - 9` from 5 up). The
/// number holds under a scheme when its sum is a multiple of 10 or 11: the check digit is the
/// one that makes it so (modulus 11 with remainder 1 has none).
#[inline]
fn sums(digits: &[u8]) -> Option<(u16, u16)> {
    if !(2..=MAX_DIGITS).contains(&digits.len()) {
        return None;
    }
    // The digits where they stand, each at its position of `WIDTH`: copied into a line of
    // zeros first, they were stored a few bytes at a time and then read eight at a time, and
    // each read that spanned stores waited for them.
    let offset = WIDTH - digits.len();
    // No branch per digit: a byte that is not a digit sets `bad`, and its value (clamped)
    // only spoils sums that are then not looked at. At most 32 * 18 and 32 * 63: a `u16`.
    let (mut bad, mut mod10, mut mod11) = (0u16, 0u16, 0u16);
    let weights = MOD11_WEIGHTS.get(offset..)?;
    for (i, (&b, &weight)) in digits.iter().zip(weights).enumerate() {
        let p = offset + i;
        let d = u16::from(digit_value(b));
        bad |= u16::from(d > 9);
        let d = d.min(9);
        // Every second digit from the right, from the one left of the check digit (`WIDTH`
        // is even: the even positions from the left).
        let doubled = u16::from(p.is_multiple_of(2));
        mod10 += d + doubled * d - doubled * 9 * u16::from(d > 4);
        mod11 += d * weight;
    }
    (bad == 0).then_some((mod10, mod11))
}

/// A check-digit scheme of the Autogiro specification ("Kontrollsiffer").
///
/// ```
/// use autogiro_checksum::Modulus;
///
/// // The specification's own worked examples.
/// assert_eq!(Modulus::Mod10.check_digit("12345678"), Ok(2));
/// assert_eq!(Modulus::Mod11.check_digit("12345678"), Ok(5));
/// assert!(Modulus::Mod10.validate("123456782").is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modulus {
    /// Modulus 10 (Luhn): weights 2, 1, 2, 1, ... from the rightmost digit of the body; the
    /// digits of each product are added (12 counts 1 + 2); the check digit is
    /// `(10 - sum mod 10) mod 10`.
    Mod10,
    /// Modulus 11: weights 2, 3, 4, 5, 6, 7, 2, 3, ... from the rightmost digit of the body; the
    /// check digit is `11 - sum mod 11`, with remainder 0 giving 0. Remainder 1 would give 10:
    /// no valid number has such a body ([`ChecksumError::NoCheckDigit`]).
    Mod11,
}

impl Modulus {
    /// The check digit for `body` (1 to [`MAX_DIGITS`] ASCII digits).
    ///
    /// # Errors
    ///
    /// [`ChecksumError::Empty`], [`ChecksumError::NotADigit`], [`ChecksumError::TooLong`], and
    /// for modulus 11 [`ChecksumError::NoCheckDigit`] when remainder 1 leaves no check digit.
    pub fn check_digit(self, body: &str) -> Result<u8, ChecksumError> {
        let body = check_ascii_digits(body, 1, MAX_DIGITS)?;
        self.check_digit_of(body).ok_or(ChecksumError::NoCheckDigit)
    }

    /// Checks that the last digit of `number` (2 to [`MAX_DIGITS`] ASCII digits) is the check
    /// digit of the digits before it.
    ///
    /// # Errors
    ///
    /// The length and character errors of [`Modulus::check_digit`],
    /// [`ChecksumError::CheckDigitMismatch`] naming the expected and found digits, and
    /// [`ChecksumError::NoCheckDigit`] when no check digit exists for the body.
    pub fn validate(self, number: &str) -> Result<(), ChecksumError> {
        let digits = check_ascii_digits(number, 2, MAX_DIGITS)?;
        self.validate_ascii(digits)
    }

    /// Whether `number` (2 to [`MAX_DIGITS`] ASCII digits) ends in the check digit of the
    /// digits before it: [`Modulus::validate`]`.is_ok()` without the error, in one pass (a
    /// KID on every claim makes this the hot path of validation).
    ///
    /// ```
    /// use autogiro_checksum::Modulus;
    ///
    /// assert!(Modulus::Mod10.is_valid("123456782"));
    /// assert!(Modulus::Mod11.is_valid("123456785"));
    /// assert!(!Modulus::Mod11.is_valid("123456782"));
    /// assert!(!Modulus::Mod10.is_valid("12345678x"));
    /// ```
    pub fn is_valid(self, number: impl AsRef<[u8]>) -> bool {
        sums(number.as_ref()).is_some_and(|sums| self.holds(sums))
    }

    /// The scheme whose check digit `number` (2 to [`MAX_DIGITS`] ASCII digits) ends in:
    /// modulus 10 when it holds, else modulus 11 when that holds, else `None`. Both weighted
    /// sums in one pass: what a reader that takes either scheme asks of every KID.
    ///
    /// ```
    /// use autogiro_checksum::Modulus;
    ///
    /// assert_eq!(Modulus::of("123456782"), Some(Modulus::Mod10));
    /// assert_eq!(Modulus::of("123456785"), Some(Modulus::Mod11));
    /// assert_eq!(Modulus::of("123456789"), None);
    /// assert_eq!(Modulus::of("12345678x"), None);
    /// ```
    pub fn of(number: impl AsRef<[u8]>) -> Option<Self> {
        let sums = sums(number.as_ref())?;
        [Self::Mod10, Self::Mod11]
            .into_iter()
            .find(|m| m.holds(sums))
    }

    /// Whether the sums of [`sums`] say that a number holds under this scheme.
    fn holds(self, (mod10, mod11): (u16, u16)) -> bool {
        match self {
            Self::Mod10 => mod10.is_multiple_of(10),
            Self::Mod11 => mod11.is_multiple_of(11),
        }
    }

    /// Validates a string already known to hold only ASCII digits, at least two.
    pub(crate) fn validate_ascii(self, digits: &[u8]) -> Result<(), ChecksumError> {
        if sums(digits).is_some_and(|sums| self.holds(sums)) {
            return Ok(());
        }
        // Only a number that fails says which digit it expected.
        let (body, last) = split_check_digit(digits);
        let expected = self
            .check_digit_of(body)
            .ok_or(ChecksumError::NoCheckDigit)?;
        if expected == last {
            Ok(())
        } else {
            Err(ChecksumError::CheckDigitMismatch {
                modulus: self,
                expected,
                found: last,
            })
        }
    }

    /// The check digit of a body of ASCII digits; `None` where modulus 11 leaves remainder 1.
    ///
    /// The caller has checked that `body` holds only ASCII digits.
    pub(crate) fn check_digit_of(self, body: &[u8]) -> Option<u8> {
        match self {
            Self::Mod10 => {
                let sum: u32 = body
                    .iter()
                    .rev()
                    .zip([2u32, 1].into_iter().cycle())
                    .map(|(&b, w)| {
                        let p = u32::from(digit_value(b)) * w;
                        p / 10 + p % 10
                    })
                    .sum();
                u8::try_from((10 - sum % 10) % 10).ok()
            }
            Self::Mod11 => {
                let sum: u32 = body
                    .iter()
                    .rev()
                    .zip((2u32..=7).cycle())
                    .map(|(&b, w)| u32::from(digit_value(b)) * w)
                    .sum();
                match sum % 11 {
                    0 => Some(0),
                    1 => None,
                    // 11 - r for r in 2..=10 is a digit 1..=9.
                    r => u8::try_from(11 - r).ok(),
                }
            }
        }
    }
}

impl fmt::Display for Modulus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Mod10 => "modulus 10",
            Self::Mod11 => "modulus 11",
        })
    }
}

/// Splits ASCII digits (at least one) into the body and the value of the last digit.
pub(crate) fn split_check_digit(digits: &[u8]) -> (&[u8], u8) {
    match digits.split_last() {
        Some((&last, body)) => (body, digit_value(last)),
        None => (digits, 0),
    }
}
