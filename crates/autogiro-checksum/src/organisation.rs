use core::fmt;
use core::str::FromStr;

use crate::digits::{ascii_str, check_ascii_digits, first_non_digit};
use crate::{ChecksumError, Modulus};

/// A Norwegian organisation number (organisasjonsnummer): 9 digits, the last a modulus 11 check
/// digit over the first eight (weights 3, 2, 7, 6, 5, 4, 3, 2). Remainder 1 makes an invalid
/// number.
///
/// Mandate post 4 (record 74, positions 16-26) carries it in 11 digits with two leading zeros;
/// [`OrganisationNumber::parse`] takes that form too and [`OrganisationNumber::as_padded_str`]
/// gives it back.
///
/// ```
/// use autogiro_checksum::OrganisationNumber;
///
/// let org = OrganisationNumber::parse("00923609016")?;
/// assert_eq!(org.as_str(), "923609016");
/// assert_eq!(org.as_padded_str(), "00923609016");
/// assert_eq!(OrganisationNumber::parse("923 609 016")?, org);
/// # Ok::<(), autogiro_checksum::ChecksumError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrganisationNumber([u8; OrganisationNumber::PADDED_LEN]);

impl OrganisationNumber {
    /// The number of digits.
    pub const LEN: usize = 9;
    /// The width of the zero-padded form in mandate post 4.
    pub const PADDED_LEN: usize = 11;

    /// Parses 9 digits, grouped by three with spaces or dots (`923 609 016`, `923.609.016`) or
    /// not, or the 11-digit form `00` + 9 digits.
    ///
    /// # Errors
    ///
    /// [`ChecksumError::Empty`], [`ChecksumError::NotADigit`], [`ChecksumError::WrongLength`]
    /// (neither 9 nor 11 digits), [`ChecksumError::NonZeroPadding`],
    /// [`ChecksumError::CheckDigitMismatch`] or [`ChecksumError::NoCheckDigit`].
    pub fn parse(s: &str) -> Result<Self, ChecksumError> {
        if s.is_empty() {
            return Err(ChecksumError::Empty);
        }
        let b = s.as_bytes();
        if let [x, y, z, sep, d, e, f, sep2, g, h, i] = b
            && matches!(sep, b' ' | b'.')
            && sep == sep2
        {
            let nine = [*x, *y, *z, *d, *e, *f, *g, *h, *i];
            if let Ok(text) = core::str::from_utf8(&nine) {
                return Self::parse(text);
            }
        }
        first_non_digit(s)?;
        let nine = match b.len() {
            Self::LEN => b,
            Self::PADDED_LEN => {
                let (pad, nine) = b.split_at(2);
                if let Some((i, &c)) = pad.iter().enumerate().find(|&(_, &c)| c != b'0') {
                    return Err(ChecksumError::NonZeroPadding {
                        position: i + 1,
                        found: char::from(c),
                    });
                }
                nine
            }
            found => {
                return Err(ChecksumError::WrongLength {
                    expected: Self::LEN,
                    found,
                });
            }
        };
        Modulus::Mod11.validate_ascii(nine)?;
        Ok(Self::from_nine(nine))
    }

    /// Makes an organisation number from its first eight digits by appending the check digit.
    ///
    /// # Errors
    ///
    /// [`ChecksumError::Empty`], [`ChecksumError::NotADigit`], [`ChecksumError::WrongLength`]
    /// for a body that is not eight digits, and [`ChecksumError::NoCheckDigit`].
    pub fn with_check_digit(body: &str) -> Result<Self, ChecksumError> {
        let body = check_ascii_digits(body, 1, Self::LEN)?;
        if body.len() != Self::LEN - 1 {
            return Err(ChecksumError::WrongLength {
                expected: Self::LEN - 1,
                found: body.len(),
            });
        }
        let check = Modulus::Mod11
            .check_digit_of(body)
            .ok_or(ChecksumError::NoCheckDigit)?;
        let mut org = Self::from_nine(body);
        org.0[Self::PADDED_LEN - 1] = b'0' + check;
        Ok(org)
    }

    /// The 9 digits.
    pub fn as_str(&self) -> &str {
        ascii_str(self.0.get(2..).unwrap_or_default())
    }

    /// The 11-digit form with two leading zeros, as mandate post 4 writes it.
    pub fn as_padded_str(&self) -> &str {
        ascii_str(&self.0)
    }

    /// `00` followed by up to nine checked ASCII digits.
    fn from_nine(nine: &[u8]) -> Self {
        let mut padded = [b'0'; Self::PADDED_LEN];
        for (slot, &d) in padded.iter_mut().skip(2).zip(nine) {
            *slot = d;
        }
        Self(padded)
    }
}

impl fmt::Display for OrganisationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for OrganisationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("OrganisationNumber")
            .field(&self.as_str())
            .finish()
    }
}

impl FromStr for OrganisationNumber {
    type Err = ChecksumError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}
