use core::fmt;
use core::str::FromStr;

use crate::digits::{ascii_str, check_ascii_digits};
use crate::{ChecksumError, Modulus};

/// A Norwegian bank account number (kontonummer): 11 digits, the last a modulus 11 check digit
/// over the first ten (weights 5, 4, 3, 2, 7, 6, 5, 4, 3, 2). Remainder 1 makes an invalid
/// number.
///
/// Autogiro files carry it in the assignment account (record 20, positions 25-35), in the payer's
/// account (record 70, positions 29-39) and, when no payer reference is used, in amount item 1
/// (record 30, positions 22-32).
///
/// ```
/// use autogiro_checksum::AccountNumber;
///
/// let account: AccountNumber = "1234.56.78903".parse()?;
/// assert_eq!(account.as_str(), "12345678903");
/// assert_eq!(account.register_number(), "1234");
/// assert_eq!(account.to_string(), "1234.56.78903");
/// assert_eq!(AccountNumber::parse("1234 56 78903")?, account);
/// assert!(AccountNumber::parse("12345678904").is_err());
/// # Ok::<(), autogiro_checksum::ChecksumError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AccountNumber([u8; AccountNumber::LEN]);

impl AccountNumber {
    /// The number of digits.
    pub const LEN: usize = 11;

    /// Parses the 11 plain digits (`12345678903`) or the grouped form with dots or spaces
    /// (`1234.56.78903`, `1234 56 78903`).
    ///
    /// # Errors
    ///
    /// [`ChecksumError::Empty`], [`ChecksumError::NotADigit`] (a dot anywhere but positions 5 and
    /// 8 of the dotted form counts as one), [`ChecksumError::WrongLength`],
    /// [`ChecksumError::CheckDigitMismatch`], [`ChecksumError::NoCheckDigit`] or
    /// [`ChecksumError::AllZeros`] ([decision 30](docs/spec-decisions.md#decision-30)).
    pub fn parse(s: &str) -> Result<Self, ChecksumError> {
        let mut digits = [0u8; Self::LEN];
        let b = s.as_bytes();
        // `1234.56.78903` or `1234 56 78903`: one separator, at positions 5 and 8.
        let dotted = b.len() == 13 && matches!(b.get(4), Some(b'.' | b' ')) && b.get(7) == b.get(4);
        if s.is_empty() {
            return Err(ChecksumError::Empty);
        }
        let mut count = 0;
        for (i, c) in s.chars().enumerate() {
            if c.is_ascii_digit() {
                if let Some(slot) = digits.get_mut(count) {
                    // An ASCII digit fits a byte.
                    *slot = c as u8;
                }
                count += 1;
            } else if !(dotted && (i == 4 || i == 7)) {
                return Err(ChecksumError::NotADigit {
                    position: i + 1,
                    found: c,
                });
            }
        }
        if count != Self::LEN {
            return Err(ChecksumError::WrongLength {
                expected: Self::LEN,
                found: count,
            });
        }
        if digits == [b'0'; Self::LEN] {
            return Err(ChecksumError::AllZeros);
        }
        Modulus::Mod11.validate_ascii(&digits)?;
        Ok(Self(digits))
    }

    /// Makes an account number from the register number and account body (the first ten
    /// digits) by appending the check digit.
    ///
    /// # Errors
    ///
    /// [`ChecksumError::Empty`], [`ChecksumError::NotADigit`], [`ChecksumError::WrongLength`]
    /// for a body that is not ten digits, [`ChecksumError::NoCheckDigit`] for a body that
    /// has no valid account number, and [`ChecksumError::AllZeros`].
    pub fn with_check_digit(body: &str) -> Result<Self, ChecksumError> {
        let body = check_ascii_digits(body, 1, Self::LEN)?;
        if body.iter().all(|&b| b == b'0') {
            return Err(ChecksumError::AllZeros);
        }
        let [b0, b1, b2, b3, b4, b5, b6, b7, b8, b9] = *body else {
            return Err(ChecksumError::WrongLength {
                expected: Self::LEN - 1,
                found: body.len(),
            });
        };
        let check = Modulus::Mod11
            .check_digit_of(body)
            .ok_or(ChecksumError::NoCheckDigit)?;
        Ok(Self([b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b'0' + check]))
    }

    /// The 11 plain digits, as the files write them.
    pub fn as_str(&self) -> &str {
        ascii_str(&self.0)
    }

    /// The bank's register number (registernummer): the first four digits.
    pub fn register_number(&self) -> &str {
        ascii_str(self.0.get(..4).unwrap_or_default())
    }
}

impl fmt::Display for AccountNumber {
    /// The dotted form `1234.56.78903`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.as_str();
        let (register, rest) = s.split_at(4);
        let (group, serial) = rest.split_at(2);
        write!(f, "{register}.{group}.{serial}")
    }
}

impl fmt::Debug for AccountNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("AccountNumber")
            .field(&self.as_str())
            .finish()
    }
}

impl FromStr for AccountNumber {
    type Err = ChecksumError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}
