//! Property tests: the crate against a deliberately naive reference written from the
//! specification's prose, and compute-then-validate agreement.
#![cfg(test)]

use autogiro_checksum::{AccountNumber, ChecksumError, Kid, Modulus, OrganisationNumber};
use proptest::prelude::*;

/// Modulus 10 as the spec words it: "weights 2,1,2,1 from the right; add the digits of the
/// products; subtract the sum's last digit from 10".
fn naive_mod10(body: &str) -> u8 {
    let digits: Vec<u32> = body.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let mut sum = 0;
    for (i, d) in digits.iter().rev().enumerate() {
        let weight = if i % 2 == 0 { 2 } else { 1 };
        let product = d * weight;
        for c in product.to_string().chars() {
            sum += c.to_digit(10).unwrap();
        }
    }
    let last = sum % 10;
    u8::try_from((10 - last) % 10).unwrap()
}

/// Modulus 11 as the spec words it: weights 2..7 repeated from the right; 11 minus the
/// remainder; remainder 0 gives 0; remainder 1 gives "-" (here `None`).
fn naive_mod11(body: &str) -> Option<u8> {
    let weights = [2, 3, 4, 5, 6, 7];
    let mut sum = 0;
    for (i, c) in body.chars().rev().enumerate() {
        sum += c.to_digit(10).unwrap() * weights[i % 6];
    }
    match sum % 11 {
        0 => Some(0),
        1 => None,
        r => Some(u8::try_from(11 - r).unwrap()),
    }
}

/// The account weights as the spec lists them, left to right; all zeros is no account
/// ([decision 30](docs/spec-decisions.md#decision-30)).
fn naive_account_valid(digits: &str) -> bool {
    if digits.bytes().all(|b| b == b'0') {
        return false;
    }
    let w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let d: Vec<u32> = digits.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let sum: u32 = w.iter().zip(&d).map(|(a, b)| a * b).sum();
    let check = match sum % 11 {
        0 => 0,
        1 => return false,
        r => 11 - r,
    };
    check == d[10]
}

/// The organisation number weights as the spec lists them, left to right.
fn naive_org_valid(digits: &str) -> bool {
    let w = [3, 2, 7, 6, 5, 4, 3, 2];
    let d: Vec<u32> = digits.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let sum: u32 = w.iter().zip(&d).map(|(a, b)| a * b).sum();
    let check = match sum % 11 {
        0 => 0,
        1 => return false,
        r => 11 - r,
    };
    check == d[8]
}

proptest! {
    #[test]
    fn mod10_matches_reference(body in "[0-9]{1,25}") {
        prop_assert_eq!(Modulus::Mod10.check_digit(&body), Ok(naive_mod10(&body)));
    }

    #[test]
    fn mod11_matches_reference(body in "[0-9]{1,25}") {
        let expected = naive_mod11(&body).ok_or(ChecksumError::NoCheckDigit);
        prop_assert_eq!(Modulus::Mod11.check_digit(&body), expected);
    }

    #[test]
    fn compute_then_validate_agree(body in "[0-9]{1,24}", last in 0u8..10) {
        for modulus in [Modulus::Mod10, Modulus::Mod11] {
            let number = format!("{body}{last}");
            match modulus.check_digit(&body) {
                Ok(d) if d == last => prop_assert_eq!(modulus.validate(&number), Ok(())),
                Ok(d) => prop_assert_eq!(
                    modulus.validate(&number),
                    Err(ChecksumError::CheckDigitMismatch { modulus, expected: d, found: last })
                ),
                Err(e) => prop_assert_eq!(modulus.validate(&number), Err(e)),
            }
        }
    }

    /// The one-pass check says what the checked one says, for any text: digits of every length
    /// from 0 to 30 (half of them with a valid check digit), and text that is not digits.
    #[test]
    fn is_valid_is_validate_without_the_error(
        body in "[0-9]{0,29}",
        fix in any::<bool>(),
        other in "[0-9a ]{0,4}",
    ) {
        for modulus in [Modulus::Mod10, Modulus::Mod11] {
            let number = match modulus.check_digit(&body) {
                Ok(d) if fix => format!("{body}{d}"),
                _ => format!("{body}{other}"),
            };
            prop_assert_eq!(modulus.is_valid(&number), modulus.validate(&number).is_ok(), "{}", number);
        }
    }

    /// `Modulus::of` names the scheme `validate` accepts, modulus 10 first, for any text.
    #[test]
    fn of_is_validate_of_either(
        body in "[0-9]{0,29}",
        scheme in 0..3u8,
        other in "[0-9a ]{0,4}",
    ) {
        let number = match scheme {
            0 => Modulus::Mod10.check_digit(&body).map(|d| format!("{body}{d}")),
            1 => Modulus::Mod11.check_digit(&body).map(|d| format!("{body}{d}")),
            _ => Ok(format!("{body}{other}")),
        }
        .unwrap_or_else(|_| format!("{body}{other}"));
        let expected = [Modulus::Mod10, Modulus::Mod11]
            .into_iter()
            .find(|m| m.validate(&number).is_ok());
        prop_assert_eq!(Modulus::of(&number), expected, "{}", number);
    }

    #[test]
    fn kid_made_is_kid_parsed(body in "[0-9]{1,24}") {
        for modulus in [Modulus::Mod10, Modulus::Mod11] {
            if let Ok(kid) = Kid::with_check_digit(&body, modulus) {
                prop_assert!(kid.as_str().starts_with(body.as_str()));
                prop_assert_eq!(Kid::parse_with(kid.as_str(), modulus), Ok(kid));
                prop_assert_eq!(Kid::parse(kid.as_str()), Ok(kid));
            }
        }
    }

    #[test]
    fn kid_parse_is_either_scheme(number in "[0-9]{2,25}") {
        let mod10 = Kid::parse_with(&number, Modulus::Mod10).is_ok();
        let mod11 = Kid::parse_with(&number, Modulus::Mod11).is_ok();
        prop_assert_eq!(Kid::parse(&number).is_ok(), mod10 || mod11);
    }

    #[test]
    fn account_matches_reference(digits in prop_oneof!["[0-9]{11}", "0{11}", "0{10}[0-9]"]) {
        prop_assert_eq!(AccountNumber::parse(&digits).is_ok(), naive_account_valid(&digits));
        let dotted = format!("{}.{}.{}", &digits[..4], &digits[4..6], &digits[6..]);
        prop_assert_eq!(AccountNumber::parse(&dotted).is_ok(), naive_account_valid(&digits));
        if let Ok(a) = AccountNumber::parse(&digits) {
            prop_assert_eq!(a.to_string(), dotted);
            prop_assert_eq!(AccountNumber::with_check_digit(&digits[..10]), Ok(a));
        }
    }

    #[test]
    fn organisation_matches_reference(digits in "[0-9]{9}") {
        prop_assert_eq!(OrganisationNumber::parse(&digits).is_ok(), naive_org_valid(&digits));
        let padded = format!("00{digits}");
        prop_assert_eq!(OrganisationNumber::parse(&padded).is_ok(), naive_org_valid(&digits));
    }

    #[test]
    fn arbitrary_text_never_panics(s in ".{0,40}") {
        let _ = Modulus::Mod10.check_digit(&s);
        let _ = Modulus::Mod11.validate(&s);
        let _ = Kid::parse(&s);
        let _ = AccountNumber::parse(&s);
        let _ = OrganisationNumber::parse(&s);
    }
}

/// All zeros passes the modulus 11 arithmetic, and is refused
/// ([decision 30](docs/spec-decisions.md#decision-30)).
#[test]
fn an_account_of_all_zeros_is_refused() {
    assert_eq!(
        AccountNumber::parse("00000000000"),
        Err(ChecksumError::AllZeros)
    );
    assert_eq!(
        AccountNumber::parse("0000.00.00000"),
        Err(ChecksumError::AllZeros)
    );
    assert_eq!(
        AccountNumber::with_check_digit("0000000000"),
        Err(ChecksumError::AllZeros)
    );
}
