//! `autogiro digits`: whether an account number, a KID or an organisation number is valid, and
//! what its check digit should be; the number with the check digit its body calls for. The
//! rules are `autogiro::checksum`'s; this file says what they found.

use autogiro::checksum::{AccountNumber, ChecksumError, Kid, Modulus, OrganisationNumber};

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
pub(crate) fn run(kind: Kind, numbers: &[String]) -> Status {
    let mut status = Status::Ok;
    for number in numbers {
        let (valid, line) = verdict(kind, number);
        println!("{line}");
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

/// Whether `input` is a valid number of `kind`, and the line that says so.
fn verdict(kind: Kind, input: &str) -> (bool, String) {
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

fn account(input: &str) -> (bool, String) {
    let what = "account number";
    match AccountNumber::parse(input) {
        Ok(a) => (
            true,
            format!(
                "{input}: a valid {what} ({}, register number {}; modulus 11)",
                grouped(&a),
                a.register_number()
            ),
        ),
        // The ten digits before the check digit: what the number is with it.
        Err(ChecksumError::WrongLength { found: 10, .. }) => {
            match AccountNumber::with_check_digit(&digits(input)) {
                Ok(a) => (
                    false,
                    format!(
                        "{input}: 10 digits, not an {what}; with the check digit they call for (modulus 11): {}",
                        grouped(&a)
                    ),
                ),
                Err(e) => (false, format!("{input}: not an {what}: {e}")),
            }
        }
        Err(e @ ChecksumError::CheckDigitMismatch { expected, .. }) => {
            let fixed = AccountNumber::parse(&corrected(&digits(input), expected))
                .map(|a| format!("; corrected: {}", grouped(&a)))
                .unwrap_or_default();
            (false, format!("{input}: not a valid {what}: {e}{fixed}"))
        }
        Err(e) => (false, format!("{input}: not a valid {what}: {e}")),
    }
}

fn kid(input: &str) -> (bool, String) {
    match Kid::parse(input) {
        Ok(k) => {
            let schemes: Vec<&str> = [(Modulus::Mod10, "10"), (Modulus::Mod11, "11")]
                .into_iter()
                .filter(|(m, _)| k.satisfies(*m))
                .map(|(_, name)| name)
                .collect();
            (
                true,
                format!(
                    "{input}: a valid KID of {} digits (modulus {})",
                    k.len(),
                    schemes.join(" and ")
                ),
            )
        }
        Err(e @ ChecksumError::NoScheme { mod10, mod11, .. }) => {
            let digits = digits(input);
            let with = match mod11 {
                Some(m) if m == mod10 => {
                    format!("{} (modulus 10 and 11)", corrected(&digits, mod10))
                }
                Some(m) => format!(
                    "{} (modulus 10) or {} (modulus 11)",
                    corrected(&digits, mod10),
                    corrected(&digits, m)
                ),
                None => format!("{} (modulus 10)", corrected(&digits, mod10)),
            };
            (
                false,
                format!("{input}: not a valid KID: {e}; corrected: {with}"),
            )
        }
        Err(e) => (false, format!("{input}: not a valid KID: {e}")),
    }
}

fn orgnr(input: &str) -> (bool, String) {
    let what = "organisation number";
    match OrganisationNumber::parse(input) {
        Ok(o) => (
            true,
            format!("{input}: a valid {what} ({}; modulus 11)", o.as_str()),
        ),
        Err(e @ ChecksumError::CheckDigitMismatch { expected, .. }) => {
            let digits = digits(input);
            let nine = digits
                .get(digits.len().saturating_sub(9)..)
                .unwrap_or_default();
            (
                false,
                format!(
                    "{input}: not a valid {what}: {e}; corrected: {}",
                    corrected(nine, expected)
                ),
            )
        }
        Err(e) => (false, format!("{input}: not a valid {what}: {e}")),
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
            let (v, line) = verdict(kind, input);
            assert_eq!(v, valid, "{line}");
            assert!(line.starts_with(&format!("{input}: ")), "{line}");
            assert!(line.contains(says), "{line}");
        }
    }
}
