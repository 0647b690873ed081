//! Check digits of the Norwegian Autogiro files: modulus 10 and modulus 11, KIDs, bank account
//! numbers and organisation numbers.
//!
//! `#![no_std]`, no dependencies, no allocation: a bank that only needs the check digits depends
//! on this crate and nothing else. The rules are those of *Systemspesifikasjon Autogiro 3.9*,
//! section "Kontrollsiffer", as the project describes it in `docs/records.md` ("Check digits").
//!
//! ```
//! use autogiro_checksum::{AccountNumber, ChecksumError, Kid, Modulus, OrganisationNumber};
//!
//! // Compute and check a digit.
//! assert_eq!(Modulus::Mod10.check_digit("12345678"), Ok(2));
//! assert_eq!(
//!     Modulus::Mod11.validate("123456784"),
//!     Err(ChecksumError::CheckDigitMismatch { modulus: Modulus::Mod11, expected: 5, found: 4 })
//! );
//!
//! // Typed numbers that can only hold valid values.
//! let kid = Kid::parse_with("123456785", Modulus::Mod11)?;
//! let account: AccountNumber = "1234.56.78903".parse()?;
//! let org = OrganisationNumber::parse("923609016")?;
//! assert_eq!((kid.as_str(), account.as_str(), org.as_str()), ("123456785", "12345678903", "923609016"));
//!
//! // Errors say what was wrong.
//! let err = AccountNumber::parse("1234.56.7890x").unwrap_err();
//! assert_eq!(err.to_string(), "expected a digit at position 13, found 'x'");
//! # Ok::<(), ChecksumError>(())
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod account;
mod digits;
mod error;
mod kid;
mod modulus;
mod organisation;

pub use account::AccountNumber;
pub use error::ChecksumError;
pub use kid::Kid;
pub use modulus::{MAX_DIGITS, Modulus};
pub use organisation::OrganisationNumber;

#[cfg(test)]
mod tests {
    extern crate std;
    use std::string::ToString;

    use super::*;

    #[test]
    fn spec_examples() {
        // docs/records.md "Check digits": 12345678 -> mod 10: 2, mod 11: sum 138, remainder 6, 5.
        assert_eq!(Modulus::Mod10.check_digit("12345678"), Ok(2));
        assert_eq!(Modulus::Mod11.check_digit("12345678"), Ok(5));
    }

    #[test]
    fn mod11_remainder_cases() {
        // "0" -> sum 0, remainder 0 -> check digit 0.
        assert_eq!(Modulus::Mod11.check_digit("0"), Ok(0));
        // "5": 5*2 = 10, remainder 10 -> 1.
        assert_eq!(Modulus::Mod11.check_digit("5"), Ok(1));
        // "6": 6*2 = 12, remainder 1 -> no check digit.
        assert_eq!(
            Modulus::Mod11.check_digit("6"),
            Err(ChecksumError::NoCheckDigit)
        );
        assert_eq!(
            Modulus::Mod11.validate("60"),
            Err(ChecksumError::NoCheckDigit)
        );
    }

    #[test]
    fn input_errors() {
        assert_eq!(Modulus::Mod10.check_digit(""), Err(ChecksumError::Empty));
        assert_eq!(
            Modulus::Mod10.check_digit("12a4"),
            Err(ChecksumError::NotADigit {
                position: 3,
                found: 'a'
            })
        );
        assert_eq!(
            Modulus::Mod10.check_digit("12-"),
            Err(ChecksumError::NotADigit {
                position: 3,
                found: '-'
            })
        );
        assert_eq!(
            Modulus::Mod11.check_digit("ØØ1"),
            Err(ChecksumError::NotADigit {
                position: 1,
                found: 'Ø'
            })
        );
        assert_eq!(
            Modulus::Mod10.validate("1"),
            Err(ChecksumError::TooShort { min: 2, found: 1 })
        );
        assert_eq!(
            Modulus::Mod10.check_digit("12345678901234567890123456"),
            Err(ChecksumError::TooLong { max: 25, found: 26 })
        );
        assert_eq!(
            Modulus::Mod10.validate("123456783"),
            Err(ChecksumError::CheckDigitMismatch {
                modulus: Modulus::Mod10,
                expected: 2,
                found: 3
            })
        );
    }

    #[test]
    fn kid_schemes() {
        let both = Kid::parse("00").unwrap();
        assert!(both.satisfies(Modulus::Mod10) && both.satisfies(Modulus::Mod11));
        assert_eq!(
            Kid::parse("123456780"),
            Err(ChecksumError::NoScheme {
                mod10: 2,
                mod11: Some(5),
                found: 0
            })
        );
        assert_eq!(
            Kid::parse("61"),
            Err(ChecksumError::NoScheme {
                mod10: 7,
                mod11: None,
                found: 1
            })
        );
        assert_eq!(
            Kid::parse_with("61", Modulus::Mod11),
            Err(ChecksumError::NoCheckDigit)
        );
        assert_eq!(
            Kid::with_check_digit("6", Modulus::Mod11),
            Err(ChecksumError::NoCheckDigit)
        );
        assert_eq!(
            Kid::parse("1"),
            Err(ChecksumError::TooShort { min: 2, found: 1 })
        );
        let long = Kid::with_check_digit("123456789012345678901234", Modulus::Mod10).unwrap();
        assert_eq!(long.len(), 25);
        assert_eq!(
            Kid::with_check_digit("1234567890123456789012345", Modulus::Mod10),
            Err(ChecksumError::TooLong { max: 24, found: 25 })
        );
        assert_eq!(Kid::parse("0000012344").unwrap().as_str(), "0000012344");
        let unchecked = Kid::parse_unchecked("123456780").unwrap();
        assert!(!unchecked.satisfies(Modulus::Mod10) && !unchecked.satisfies(Modulus::Mod11));
        assert_eq!(
            Kid::parse_unchecked("12a"),
            Err(ChecksumError::NotADigit {
                position: 3,
                found: 'a'
            })
        );
        // Bytes, as a record's field holds them: the same KID, the same errors.
        assert_eq!(Kid::parse_unchecked(b"123456780"), Ok(unchecked));
        assert_eq!(
            Kid::parse_unchecked(b"1"),
            Err(ChecksumError::TooShort { min: 2, found: 1 })
        );
        assert_eq!(Kid::parse_unchecked(b""), Err(ChecksumError::Empty));
        assert_eq!(
            Kid::parse_unchecked("12345678901234567890123456".as_bytes()),
            Err(ChecksumError::TooLong { max: 25, found: 26 })
        );
        assert_eq!(
            Kid::parse_unchecked("1ø2".as_bytes()),
            Err(ChecksumError::NotADigit {
                position: 2,
                found: 'ø'
            })
        );
        // ISO-8859-1 `ø`, no UTF-8: named as U+FFFD, at its place; a letter before it first.
        assert_eq!(
            Kid::parse_unchecked(b"12\xF834"),
            Err(ChecksumError::NotADigit {
                position: 3,
                found: char::REPLACEMENT_CHARACTER
            })
        );
        assert_eq!(
            Kid::parse_unchecked(b"1x\xF834"),
            Err(ChecksumError::NotADigit {
                position: 2,
                found: 'x'
            })
        );
    }

    #[test]
    fn account_numbers() {
        // DNB's published account for incoming payments in its own examples, and the spec's
        // test number.
        for s in ["12345678903", "1234.56.78903", "15032080119", "86011117947"] {
            assert!(AccountNumber::parse(s).is_ok(), "{s}");
        }
        let a = AccountNumber::parse("86011117947").unwrap();
        assert_eq!(a.register_number(), "8601");
        assert_eq!(
            AccountNumber::parse("8601111794"),
            Err(ChecksumError::WrongLength {
                expected: 11,
                found: 10
            })
        );
        assert_eq!(
            AccountNumber::parse("8601.11.1794.7"),
            Err(ChecksumError::NotADigit {
                position: 5,
                found: '.'
            })
        );
        assert_eq!(
            AccountNumber::parse("86011117948"),
            Err(ChecksumError::CheckDigitMismatch {
                modulus: Modulus::Mod11,
                expected: 7,
                found: 8
            })
        );
        assert_eq!(
            AccountNumber::with_check_digit("8601111794"),
            Ok(AccountNumber::parse("8601.11.17947").unwrap())
        );
        assert_eq!(
            AccountNumber::with_check_digit("860111179"),
            Err(ChecksumError::WrongLength {
                expected: 10,
                found: 9
            })
        );
    }

    #[test]
    fn organisation_numbers() {
        // Brønnøysund: Equinor ASA, DNB Bank ASA, Norges Bank.
        for s in ["923609016", "984851006", "937884117", "00923609016"] {
            assert!(OrganisationNumber::parse(s).is_ok(), "{s}");
        }
        assert_eq!(
            OrganisationNumber::parse("10923609016"),
            Err(ChecksumError::NonZeroPadding {
                position: 1,
                found: '1'
            })
        );
        assert_eq!(
            OrganisationNumber::parse("92360901"),
            Err(ChecksumError::WrongLength {
                expected: 9,
                found: 8
            })
        );
        assert_eq!(
            OrganisationNumber::with_check_digit("92360901").map(|o| o.to_string()),
            Ok("923609016".into())
        );
    }
}

/// The README's example, run as a doc test so that it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
