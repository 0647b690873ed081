use core::fmt;

use crate::Modulus;

/// Why a digit string is not a valid number of the kind asked for.
///
/// Every variant says what was expected and what was found, so that a caller can show it to a
/// person as it is. Positions are 1-based and count characters of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChecksumError {
    /// The input was empty.
    Empty,
    /// Fewer digits than the kind of number needs.
    TooShort {
        /// The least number of digits allowed.
        min: usize,
        /// The number of digits found.
        found: usize,
    },
    /// More digits than the kind of number allows.
    TooLong {
        /// The most digits allowed.
        max: usize,
        /// The number of digits found.
        found: usize,
    },
    /// A fixed-length number (account, organisation number) with another length.
    WrongLength {
        /// The length the kind of number has.
        expected: usize,
        /// The number of digits found.
        found: usize,
    },
    /// A character that is not an ASCII digit.
    NotADigit {
        /// 1-based position of the character in the input.
        position: usize,
        /// The character found there.
        found: char,
    },
    /// The zero-padded 11-digit form of an organisation number (mandate post 4, record 74,
    /// positions 16-26) did not start with `00`.
    NonZeroPadding {
        /// 1-based position of the first padding character that is not `0`.
        position: usize,
        /// The character found there.
        found: char,
    },
    /// The last digit is not the check digit the body calls for.
    CheckDigitMismatch {
        /// The scheme the check digit was computed with.
        modulus: Modulus,
        /// The check digit the body calls for.
        expected: u8,
        /// The check digit found.
        found: u8,
    },
    /// Modulus 11 left remainder 1: the check digit would be 10, which no field of these
    /// formats can hold, so no valid number has this body.
    NoCheckDigit,
    /// An account number of all zeros: it passes the modulus 11 arithmetic, yet no bank issues
    /// it ([decision 30](docs/spec-decisions.md#decision-30)).
    AllZeros,
    /// A KID whose last digit is valid under neither modulus 10 nor modulus 11.
    NoScheme {
        /// The modulus 10 check digit the body calls for.
        mod10: u8,
        /// The modulus 11 check digit the body calls for (`None`: none exists).
        mod11: Option<u8>,
        /// The check digit found.
        found: u8,
    },
}

impl fmt::Display for ChecksumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Empty => f.write_str("empty: expected digits"),
            Self::TooShort { min, found } => {
                write!(
                    f,
                    "too short: expected at least {min} digits, found {found}"
                )
            }
            Self::TooLong { max, found } => {
                write!(f, "too long: expected at most {max} digits, found {found}")
            }
            Self::WrongLength { expected, found } => {
                write!(f, "wrong length: expected {expected} digits, found {found}")
            }
            Self::NotADigit { position, found } => {
                write!(
                    f,
                    "expected a digit at position {position}, found {found:?}"
                )
            }
            Self::NonZeroPadding { position, found } => write!(
                f,
                "expected zero padding `00` before the 9 digits, found {found:?} at position {position}"
            ),
            Self::CheckDigitMismatch {
                modulus,
                expected,
                found,
            } => write!(
                f,
                "{modulus} check digit: expected {expected}, found {found}"
            ),
            Self::NoCheckDigit => f.write_str(
                "no valid check digit exists for this body (modulus 11 leaves remainder 1)",
            ),
            Self::AllZeros => f.write_str("all zeros: no bank issues this account number"),
            Self::NoScheme {
                mod10,
                mod11,
                found,
            } => {
                write!(
                    f,
                    "check digit {found} is valid under neither modulus 10 (expected {mod10}) nor modulus 11 ("
                )?;
                match mod11 {
                    Some(d) => write!(f, "expected {d})"),
                    None => f.write_str("no check digit exists)"),
                }
            }
        }
    }
}

impl core::error::Error for ChecksumError {}
