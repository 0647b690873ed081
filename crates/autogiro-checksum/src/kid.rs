use core::fmt;
use core::str::FromStr;

use crate::digits::{all_ascii_digits, ascii_str, check_ascii_digits, first_non_digit};
use crate::modulus::split_check_digit;
use crate::{ChecksumError, Modulus};

/// A KID (kundeidentifikasjon, the payer's payment reference): 2 to 25 digits whose last digit
/// is a modulus 10 or modulus 11 check digit.
///
/// In Autogiro files the KID stands in amount item 1 (record 30/35, positions 50-74),
/// right-justified and blank-padded. The field takes digits only, so a KID never holds the `-`
/// that modulus 11 writes for check digit 10 elsewhere ([decision 13](docs/spec-decisions.md#decision-13)): a body
/// whose modulus 11 check digit would be 10 has no modulus 11 KID.
///
/// An agreement with MPS fixes one scheme; [`Kid::parse_with`] requires it, [`Kid::parse`]
/// takes either, and [`Kid::satisfies`] tells which a KID meets.
///
/// ```
/// use autogiro_checksum::{Kid, Modulus};
///
/// let kid = Kid::parse("123456782")?;
/// assert!(kid.satisfies(Modulus::Mod10));
/// assert!(!kid.satisfies(Modulus::Mod11));
/// assert!(Kid::parse_with("123456782", Modulus::Mod11).is_err());
///
/// let made = Kid::with_check_digit("12345678", Modulus::Mod11)?;
/// assert_eq!(made.as_str(), "123456785");
/// # Ok::<(), autogiro_checksum::ChecksumError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kid {
    /// ASCII digits in `digits[..len]`, zeros after.
    digits: [u8; Kid::MAX_LEN],
    /// At most [`Kid::MAX_LEN`]: a byte, not a `usize`, so that a KID takes 26 bytes rather
    /// than 40 (a model of a million claims holds a million of them).
    len: u8,
}

impl Kid {
    /// The fewest digits of a KID: one body digit and the check digit.
    pub const MIN_LEN: usize = 2;
    /// The most digits of a KID: the width of the field.
    pub const MAX_LEN: usize = 25;

    /// Parses a KID whose check digit is valid under modulus 10 or modulus 11 (or both).
    ///
    /// # Errors
    ///
    /// [`ChecksumError::Empty`], [`ChecksumError::NotADigit`], [`ChecksumError::TooShort`],
    /// [`ChecksumError::TooLong`], or [`ChecksumError::NoScheme`] naming the check digit each
    /// scheme expects.
    pub fn parse(s: &str) -> Result<Self, ChecksumError> {
        let digits = check_ascii_digits(s, Self::MIN_LEN, Self::MAX_LEN)?;
        let kid = Self::from_ascii(digits);
        if kid.satisfies(Modulus::Mod10) || kid.satisfies(Modulus::Mod11) {
            return Ok(kid);
        }
        let (body, found) = split_check_digit(digits);
        Err(ChecksumError::NoScheme {
            mod10: Modulus::Mod10.check_digit_of(body).unwrap_or(0),
            mod11: Modulus::Mod11.check_digit_of(body),
            found,
        })
    }

    /// Parses a KID whose check digit must be valid under `modulus`, the scheme the payee's
    /// agreement fixes.
    ///
    /// # Errors
    ///
    /// The length and character errors of [`Kid::parse`], [`ChecksumError::CheckDigitMismatch`],
    /// or [`ChecksumError::NoCheckDigit`] for a modulus 11 body with no check digit.
    pub fn parse_with(s: &str, modulus: Modulus) -> Result<Self, ChecksumError> {
        let digits = check_ascii_digits(s, Self::MIN_LEN, Self::MAX_LEN)?;
        modulus.validate_ascii(digits)?;
        Ok(Self::from_ascii(digits))
    }

    /// Takes 2 to 25 digits as a KID without checking the check digit, for agreements whose
    /// KIDs the payee has chosen not to check (a reader's "KID check off"). [`Kid::satisfies`]
    /// still tells which scheme, if any, the last digit meets.
    ///
    /// The digits may be text or bytes (a record's field, which a reader of every claim of a
    /// file makes a KID of without turning it into text first).
    ///
    /// # Errors
    ///
    /// The length and character errors of [`Kid::parse`] (a byte that is not UTF-8 is named
    /// as `U+FFFD`).
    pub fn parse_unchecked(digits: impl AsRef<[u8]>) -> Result<Self, ChecksumError> {
        let digits = digits.as_ref();
        if (Self::MIN_LEN..=Self::MAX_LEN).contains(&digits.len()) && all_ascii_digits(digits) {
            return Ok(Self::from_ascii(digits));
        }
        // The error, worded from the text (the test above failed, so this one fails too).
        let text = match core::str::from_utf8(digits) {
            Ok(text) => text,
            Err(e) => {
                let valid = digits.get(..e.valid_up_to()).unwrap_or_default();
                let valid = core::str::from_utf8(valid).unwrap_or_default();
                first_non_digit(valid)?;
                return Err(ChecksumError::NotADigit {
                    position: valid.chars().count() + 1,
                    found: char::REPLACEMENT_CHARACTER,
                });
            }
        };
        check_ascii_digits(text, Self::MIN_LEN, Self::MAX_LEN)?;
        Ok(Self::from_ascii(digits))
    }

    /// Makes a KID from its body (1 to 24 digits) by appending the check digit of `modulus`.
    ///
    /// # Errors
    ///
    /// The character errors of [`Kid::parse`], [`ChecksumError::TooLong`] for a body of more
    /// than 24 digits, and [`ChecksumError::NoCheckDigit`] for a modulus 11 body that has none.
    pub fn with_check_digit(body: &str, modulus: Modulus) -> Result<Self, ChecksumError> {
        let body = check_ascii_digits(body, Self::MIN_LEN - 1, Self::MAX_LEN - 1)?;
        let check = modulus
            .check_digit_of(body)
            .ok_or(ChecksumError::NoCheckDigit)?;
        let mut kid = Self::from_ascii(body);
        // The body has at most MAX_LEN - 1 digits, so the check digit has its place.
        let slot = kid
            .digits
            .get_mut(body.len())
            .ok_or(ChecksumError::TooLong {
                max: Self::MAX_LEN,
                found: body.len() + 1,
            })?;
        *slot = b'0' + check;
        kid.len += 1;
        Ok(kid)
    }

    /// Whether the last digit is a valid check digit under `modulus`.
    pub fn satisfies(&self, modulus: Modulus) -> bool {
        modulus.validate_ascii(self.as_bytes()).is_ok()
    }

    /// The digits, as given.
    pub fn as_str(&self) -> &str {
        ascii_str(self.as_bytes())
    }

    /// The digits as ASCII bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.digits.get(..self.len()).unwrap_or_default()
    }

    /// The number of digits, 2 to 25.
    #[allow(clippy::len_without_is_empty)] // A KID is never empty.
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Copies checked ASCII digits (at most `MAX_LEN`) into a KID without checking the digit.
    fn from_ascii(ascii: &[u8]) -> Self {
        let mut digits = [0; Self::MAX_LEN];
        let len = ascii.len().min(Self::MAX_LEN);
        // One copy rather than a loop per digit: every claim's KID is made here when read.
        if let (Some(to), Some(from)) = (digits.get_mut(..len), ascii.get(..len)) {
            to.copy_from_slice(from);
        }
        // `len` is at most MAX_LEN (25), so the conversion never saturates.
        let len = u8::try_from(len).unwrap_or(u8::MAX);
        Self { digits, len }
    }
}

impl fmt::Display for Kid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for Kid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Kid").field(&self.as_str()).finish()
    }
}

impl FromStr for Kid {
    type Err = ChecksumError;

    /// The same as [`Kid::parse`]: either scheme.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}
