//! `autogiro digits`: whether an account number, a KID or an organisation number is valid, and
//! what its check digit should be; the number with the check digit its body calls for. The
//! rules are `autogiro::checksum`'s; this file says what they found.

use autogiro::checksum::{AccountNumber, ChecksumError, Kid, Modulus, OrganisationNumber};
use autogiro::model::{Lang, Said, checksum_said};

use crate::Status;

/// What kind of number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Kind {
    /// A Norwegian bank account number: 11 digits, modulus 11 (`1234.56.78903`).
    Account,
    /// A KID (customer identification): 2-25 digits, modulus 10 or modulus 11.
    Kid,
    /// An organisation number (organisasjonsnummer): 9 digits, modulus 11.
    Orgnr,
}

/// Prints a line for each number; exit 1 when any is not valid.
pub(crate) fn run(kind: Kind, numbers: &[String], lang: Lang) -> Status {
    let mut status = Status::Ok;
    for number in numbers {
        let (valid, line) = verdict(kind, number);
        println!("{number}: {}", line.render(lang));
        if !valid {
            status = Status::Problems;
        }
    }
    status
}

/// The digits of `input`, separators (spaces, dots) left out.
fn digits(input: &str) -> String {
    input.chars().filter(char::is_ascii_digit).collect()
}

/// `digits` without their last, with `check` in its place.
fn corrected(digits: &str, check: u8) -> String {
    let mut body: String = digits
        .chars()
        .take(digits.len().saturating_sub(1))
        .collect();
    body.push(char::from(b'0' + check));
    body
}

/// Whether `input` is a valid number of `kind`, and what the line says of it.
fn verdict(kind: Kind, input: &str) -> (bool, Said) {
    match kind {
        Kind::Account => account(input),
        Kind::Kid => kid(input),
        Kind::Orgnr => orgnr(input),
    }
}

/// An account number shown as the banks write it.
fn grouped(a: &AccountNumber) -> String {
    let s = a.as_str();
    format!(
        "{}.{}.{}",
        s.get(..4).unwrap_or_default(),
        s.get(4..6).unwrap_or_default(),
        s.get(6..).unwrap_or_default()
    )
}

/// `not a valid WHAT: ERROR`, and what it is with the check digit it calls for.
fn not_valid(what: &'static str, e: &ChecksumError, corrected: Option<Said>) -> Said {
    Said::new("digits.not-valid")
        .with_words("what", Said::new(what))
        .with_words("error", checksum_said(e))
        .with_words(
            "fixed",
            corrected.map_or_else(
                || Said::plain(""),
                |c| Said::new("digits.corrected").with_words("number", c),
            ),
        )
}

fn account(input: &str) -> (bool, Said) {
    let what = "digits.account";
    match AccountNumber::parse(input) {
        Ok(a) => (
            true,
            Said::new("digits.valid-account")
                .with("number", grouped(&a))
                .with("register", a.register_number()),
        ),
        // The ten digits before the check digit: what the number is with it.
        Err(ChecksumError::WrongLength { found: 10, .. }) => {
            match AccountNumber::with_check_digit(&digits(input)) {
                Ok(a) => (
                    false,
                    Said::new("digits.ten-digits").with("number", grouped(&a)),
                ),
                Err(e) => (false, not_valid(what, &e, None)),
            }
        }
        Err(e @ ChecksumError::CheckDigitMismatch { expected, .. }) => {
            let fixed = AccountNumber::parse(&corrected(&digits(input), expected))
                .ok()
                .map(|a| Said::plain(grouped(&a)));
            (false, not_valid(what, &e, fixed))
        }
        Err(e) => (false, not_valid(what, &e, None)),
    }
}

fn kid(input: &str) -> (bool, Said) {
    match Kid::parse(input) {
        Ok(k) => {
            let (mod10, mod11) = (k.satisfies(Modulus::Mod10), k.satisfies(Modulus::Mod11));
            let schemes = match (mod10, mod11) {
                (true, true) => Said::new("digits.mod-10-11"),
                (true, false) => Said::new("digits.mod-10"),
                _ => Said::new("digits.mod-11"),
            };
            (
                true,
                Said::new("digits.valid-kid")
                    .with("n", k.len())
                    .with_words("schemes", schemes),
            )
        }
        Err(e @ ChecksumError::NoScheme { mod10, mod11, .. }) => {
            let digits = digits(input);
            let with = match mod11 {
                Some(m) if m == mod10 => {
                    Said::new("digits.with-10-11").with("number", corrected(&digits, mod10))
                }
                Some(m) => Said::new("digits.with-10-or-11")
                    .with("mod10", corrected(&digits, mod10))
                    .with("mod11", corrected(&digits, m)),
                None => Said::new("digits.with-10").with("number", corrected(&digits, mod10)),
            };
            (false, not_valid("digits.kid", &e, Some(with)))
        }
        Err(e) => (false, not_valid("digits.kid", &e, None)),
    }
}

fn orgnr(input: &str) -> (bool, Said) {
    let what = "digits.orgnr";
    match OrganisationNumber::parse(input) {
        Ok(o) => (
            true,
            Said::new("digits.valid-orgnr").with("number", o.as_str()),
        ),
        Err(e @ ChecksumError::CheckDigitMismatch { expected, .. }) => {
            let digits = digits(input);
            let nine = digits
                .get(digits.len().saturating_sub(9)..)
                .unwrap_or_default();
            (
                false,
                not_valid(what, &e, Some(Said::plain(corrected(nine, expected)))),
            )
        }
        Err(e) => (false, not_valid(what, &e, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_says_valid_or_what_the_check_digit_should_be() {
        let cases = [
            (
                Kind::Account,
                "1234.56.78903",
                true,
                "a valid account number (1234.56.78903, register number 1234; modulus 11)",
            ),
            (
                Kind::Account,
                "1234.56.78904",
                false,
                "modulus 11 check digit: expected 3, found 4; corrected: 1234.56.78903",
            ),
            (
                Kind::Account,
                "1234567890",
                false,
                "with the check digit they call for (modulus 11): 1234.56.78903",
            ),
            (
                Kind::Account,
                "1234.56.7890x",
                false,
                "expected a digit at position 13",
            ),
            (
                Kind::Kid,
                "123456782",
                true,
                "a valid KID of 9 digits (modulus 10)",
            ),
            (Kind::Kid, "123456785", true, "(modulus 11)"),
            (
                Kind::Kid,
                "123456789",
                false,
                "corrected: 123456782 (modulus 10) or 123456785 (modulus 11)",
            ),
            (
                Kind::Kid,
                "12345678",
                false,
                "corrected: 12345674 (modulus 10 and 11)",
            ),
            (Kind::Kid, "1", false, "too short"),
            (
                Kind::Orgnr,
                "923 609 016",
                true,
                "a valid organisation number (923609016; modulus 11)",
            ),
            (
                Kind::Orgnr,
                "923609017",
                false,
                "expected 6, found 7; corrected: 923609016",
            ),
        ];
        for (kind, input, valid, says) in cases {
            let (v, said) = verdict(kind, input);
            let line = said.render(Lang::En);
            assert_eq!(v, valid, "{line}");
            assert!(line.contains(says), "{line}");
            let norwegian = said.render(Lang::Nb);
            assert!(!norwegian.contains('{'), "{norwegian}");
            assert_ne!(norwegian, line);
        }
        let (_, said) = verdict(Kind::Kid, "123456789");
        assert_eq!(
            said.render(Lang::Nb),
            "ikke en gyldig KID: kontrollsifferet 9 er gyldig verken etter modulus 10 (ventet 2) eller modulus 11 (ventet 5); rettet: 123456782 (modulus 10) eller 123456785 (modulus 11)"
        );
    }
}
