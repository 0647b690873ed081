//! Claims and mandates as rows of named columns, both ways: the way in from a billing system's
//! export (CSV, JSON, a spreadsheet), and the way out to a spreadsheet. The columns that
//! `autogiro convert --to csv` writes are the columns read here, so a file can go out to a
//! spreadsheet and come back.
//!
//! A row is a list of cells under a header. [`ClaimColumns::from_header`] finds the columns by
//! name (any order, any case); [`ClaimColumns::read`] makes a [`Claim`](crate::Claim) of a row, or says what is
//! wrong with each cell, every problem of the row at once.
//!
//! ```
//! use autogiro_model::rows::ClaimColumns;
//!
//! let columns =
//!     ClaimColumns::from_header(&["payer_reference", "amount", "due_date", "kid", "short_name"])?;
//! let row = columns.read(&["12345", "1 234,50", "15.01.2026", "123456782", "Nordmann"])?;
//! assert_eq!(row.claim.amount.ore(), 123_450);
//! assert_eq!(row.claim.payer.digits(), "12345");
//!
//! let problems = columns.read(&["12345", "12,34,5", "31.02.2026", "", "Nordmann"]).unwrap_err();
//! assert_eq!(problems[0].column, "amount");
//! assert_eq!(problems[1].column, "due_date");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Claim columns
//!
//! | column | required | what |
//! |---|---|---|
//! | `payer_reference` | yes | the mandate's payer reference (digits, as registered, leading zeros kept), or the payer's account (`1234.56.78903`) |
//! | `amount` | yes | NOK: `1234.50`, `1234,50`, `1 234,50`, `1234` ([`Amount::from_str`](crate::Amount)) |
//! | `due_date` | yes | `YYYY-MM-DD` or `DD.MM.YYYY` |
//! | `kid` | | the KID, 2-25 digits with a modulus 10 or 11 check digit |
//! | `short_name` | yes | the payer's abbreviated name, up to 10 characters, shown on MPS's receipt lists ([decision 26](docs/spec-decisions.md#decision-26)) |
//! | `own_reference` | | the payee's reference, up to 25 characters |
//! | `foreign_reference` | | shown on the payer's statement, up to 25 characters |
//! | `specification` | | text for the payer's notice: makes the claim one with notice (type 03) |
//! | `agreement` | with several agreements | the agreement id the claim belongs to |
//! | `replaces` | | the own reference of a rejected claim this one bills again: when the file is sent and imported into the book, that claim is closed as handled |
//!
//! **Specification.** Each line of the cell is one line of the notice, at most 21 lines (an
//! empty line leaves a line of the notice empty). A line's text goes in column 1; text after a
//! `|` goes in column 2 (`Rent February | 999,00`). Each column holds 40 characters; more
//! lines or longer text is an error, never cut. Each filled column becomes one specification
//! record (record 49), so a claim has at most 42.
//!
//! # Mandate columns
//!
//! | column | required | what |
//! |---|---|---|
//! | `registration` | yes | `new`, `change` or `delete` |
//! | `account` | yes | the payer's account |
//! | `payer_reference` | | the payer reference; empty: the account is the reference |
//! | `period` | | `daily`, `weekly`, `monthly`, `quarterly`, `half-yearly`, `yearly`; empty: a simplified mandate, with no limit |
//! | `limit` | with `period` | NOK per period |
//! | `valid_from`, `valid_to` | | dates |
//! | `name` | new, change | the payer's name, up to 30 characters |
//! | `address1`, `address2` | | up to 30 characters each |
//! | `postal_code` | new, change | 4 digits in Norway; abroad up to 7 characters |
//! | `postal_town` | new, change | up to 25 characters |
//! | `country_code` | | up to 3 characters; empty or `NO` for Norway |
//! | `organisation_number` | new, change | a Norwegian organisation number (9 digits, grouped or not), or a foreign one as written |
//! | `signatory` | new, change | who signed, up to 30 characters |
//! | `signatory_birth_date` | new, change | a date, not after the day the file is made |
//! | `agreement` | with several agreements | the agreement id |
//!
//! A deletion carries the first four columns only (the payer's details go with a registration
//! or a change).
//!
//! Columns that `convert --to csv` adds for people (`kind`, `transaction_number`,
//! `processing_date`, `error_code`, `error_meaning`, `assignment_number`, `sequence_number`,
//! `archive_reference`) are accepted and ignored; any other unknown column is an error, so that
//! a misspelt one is not ignored. A cell written `="00123"` (how spreadsheets are told to keep
//! leading zeros) reads as `00123`.

use std::fmt;

use crate::said::{Said, checksum_said, said, value_said};
use crate::{Amount, BuildError, PayerReference, parse_date};
use autogiro_checksum::AccountNumber;
use autogiro_format::Text;
use time::Date;

/// A problem with one cell of a row, or with the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// The column's name.
    pub column: String,
    /// A stable code: `invalid-amount`, `invalid-date`, `invalid-kid`, `invalid-reference`,
    /// `invalid-account`, `invalid-text`, `invalid-specification`, `invalid-number`,
    /// `invalid-choice`, `missing-value`, `unexpected-value`, `missing-column`,
    /// `unknown-column`, `duplicate-column`.
    pub code: &'static str,
    /// What is wrong, with what was found and how to write it, in any language
    /// ([`Said::render`]).
    pub message: Said,
}

impl fmt::Display for CellError {
    /// `column: message`, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            self.column,
            self.message.render(crate::Lang::En)
        )
    }
}

impl std::error::Error for CellError {}

/// The problems of a row or a header, each naming its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowErrors(pub Vec<CellError>);

impl std::ops::Deref for RowErrors {
    type Target = [CellError];
    fn deref(&self) -> &[CellError] {
        &self.0
    }
}

impl fmt::Display for RowErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RowErrors {}

fn problem(column: &str, code: &'static str, message: Said) -> CellError {
    CellError {
        column: column.to_owned(),
        code,
        message,
    }
}

/// A cell as every CSV the project writes has it: one that a spreadsheet would take for a
/// formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a `'` before
/// it, as OWASP recommends against CSV injection, unless it is a number; any other cell is
/// as it was. A payer's name `=HYPERLINK(...)` opens as text.
///
/// ```
/// use autogiro_model::rows::spreadsheet_safe;
/// assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(spreadsheet_safe("@SUM(1)"), "'@SUM(1)");
/// assert_eq!(spreadsheet_safe("-12.50"), "-12.50");
/// assert_eq!(spreadsheet_safe("Nordmann AS"), "Nordmann AS");
/// ```
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = cell.replace(',', ".").trim().parse::<f64>().is_ok();
    if formula && !number {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// The columns of claims, and any more after them: one list for [`CLAIM_COLUMNS`] and
/// [`BILLING_CLAIM_COLUMNS`].
macro_rules! claim_columns {
    ($($more:literal),*) => {
        &[
            "kind",
            "agreement",
            "assignment_number",
            "transaction_number",
            "payer_reference",
            "amount",
            "due_date",
            "processing_date",
            "kid",
            "short_name",
            "own_reference",
            "foreign_reference",
            "specification",
            "error_code",
            "error_meaning",
            $($more,)*
        ]
    };
}

/// The columns of claims, in the order `convert --to csv` writes them.
pub const CLAIM_COLUMNS: &[&str] = claim_columns!();

/// The columns `new claims` reads: those of [`CLAIM_COLUMNS`], and `replaces`.
pub const BILLING_CLAIM_COLUMNS: &[&str] = claim_columns!("replaces");

/// The columns of mandates, in the order `convert --to csv` writes them.
pub const MANDATE_COLUMNS: &[&str] = &[
    "kind",
    "agreement",
    "assignment_number",
    "sequence_number",
    "registration",
    "payer_reference",
    "account",
    "period",
    "limit",
    "valid_from",
    "valid_to",
    "name",
    "address1",
    "address2",
    "postal_code",
    "postal_town",
    "country_code",
    "organisation_number",
    "signatory",
    "signatory_birth_date",
    "archive_reference",
];

/// Whether a column is written for people and ignored when read.
fn informative(name: &str) -> bool {
    CLAIM_COLUMN_DOCS
        .iter()
        .chain(MANDATE_COLUMN_DOCS)
        .any(|c| c.name == name && c.need == Need::Ignored)
}

/// A header's columns by name: for each known column, its index in the row.
#[derive(Debug, Clone)]
struct Header {
    index: Vec<(&'static str, usize)>,
}

impl Header {
    fn new(
        header: &[&str],
        known: &'static [&'static str],
        required: &[&str],
    ) -> Result<Self, RowErrors> {
        let mut index = Vec::new();
        let mut errors = Vec::new();
        for (i, raw) in header.iter().enumerate() {
            let name = raw
                .trim()
                .trim_start_matches('\u{feff}')
                .to_ascii_lowercase();
            match known.iter().find(|k| **k == name) {
                Some(k) if index.iter().any(|(n, _)| n == k) => errors.push(problem(
                    k,
                    "duplicate-column",
                    said!("row.duplicate-column", column = format!("{k:?}")),
                )),
                Some(k) => index.push((*k, i)),
                None if name.is_empty() => {}
                None => errors.push(problem(
                    raw.trim(),
                    "unknown-column",
                    said!(
                        "row.unknown-column",
                        column = format!("{:?}", raw.trim()),
                        columns = known
                            .iter()
                            .filter(|k| !informative(k))
                            .copied()
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                )),
            }
        }
        for r in required {
            if !index.iter().any(|(n, _)| n == r) {
                errors.push(problem(
                    r,
                    "missing-column",
                    said!("row.missing-column", column = format!("{r:?}")),
                ));
            }
        }
        if errors.is_empty() {
            Ok(Self { index })
        } else {
            Err(RowErrors(errors))
        }
    }

    /// The cell of `column` in `row`: trimmed, `="..."` unwrapped, `None` when empty or absent.
    fn cell<'a>(&self, row: &[&'a str], column: &str) -> Option<&'a str> {
        let (_, i) = self.index.iter().find(|(n, _)| *n == column)?;
        let cell = row.get(*i)?.trim();
        let cell = cell
            .strip_prefix("=\"")
            .and_then(|c| c.strip_suffix('"'))
            .unwrap_or(cell);
        (!cell.is_empty()).then_some(cell)
    }
}

/// A row's cells, read one column at a time, collecting every problem.
struct Cells<'h, 'r> {
    header: &'h Header,
    row: &'r [&'r str],
    errors: Vec<CellError>,
}

impl<'r> Cells<'_, 'r> {
    fn get(&self, column: &str) -> Option<&'r str> {
        self.header.cell(self.row, column)
    }

    /// The cell parsed by `parse`, `None` when empty; a problem when it does not parse.
    fn parse<T>(
        &mut self,
        column: &str,
        code: &'static str,
        parse: impl FnOnce(&str) -> Result<T, Said>,
    ) -> Option<T> {
        let cell = self.get(column)?;
        match parse(cell) {
            Ok(v) => Some(v),
            Err(message) => {
                self.errors.push(problem(column, code, message));
                None
            }
        }
    }

    /// As [`Cells::parse`], and a problem when the cell is empty.
    fn required<T>(
        &mut self,
        column: &str,
        code: &'static str,
        parse: impl FnOnce(&str) -> Result<T, Said>,
    ) -> Option<T> {
        if self.get(column).is_none() {
            self.errors
                .push(problem(column, "missing-value", Said::new("row.required")));
            return None;
        }
        self.parse(column, code, parse)
    }

    fn text<const N: usize>(&mut self, column: &str) -> Text<N> {
        self.parse(column, "invalid-text", text::<N>)
            .unwrap_or(Text::BLANK)
    }

    fn required_text<const N: usize>(&mut self, column: &str) -> Text<N> {
        self.required(column, "invalid-text", text::<N>)
            .unwrap_or(Text::BLANK)
    }

    fn finish<T>(self, value: Option<T>) -> Result<T, RowErrors> {
        match value {
            Some(v) if self.errors.is_empty() => Ok(v),
            _ => Err(RowErrors(self.errors)),
        }
    }
}

/// A cell as text, left-justified: the files' text is ([decision 25](docs/spec-decisions.md#decision-25)).
fn text<const N: usize>(s: &str) -> Result<Text<N>, Said> {
    Text::new(s.trim_start()).map_err(|e| found(s, value_said(&e)))
}

/// `"cell": error`.
fn found(s: &str, error: Said) -> Said {
    Said::new("row.found")
        .with("found", format!("{s:?}"))
        .with_words("error", error)
}

fn agreement(s: &str) -> Result<u32, Said> {
    if s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()) {
        // Nine digits or fewer always fit.
        s.parse()
            .map_err(|_| said!("row.agreement", found = format!("{s:?}")))
    } else {
        Err(said!("row.agreement", found = format!("{s:?}")))
    }
}

fn date(s: &str) -> Result<Date, Said> {
    parse_date(s).map_err(|e| e.said())
}

fn amount(s: &str) -> Result<Amount, Said> {
    s.parse::<Amount>().map_err(|e| e.said())
}

/// The payer field: an account written with dots or spaces becomes its 11 digits; digits are
/// kept as written (leading zeros too), right-justified.
fn payer(s: &str) -> Result<PayerReference, Said> {
    let digits = if s.bytes().all(|b| b.is_ascii_digit()) {
        s.to_owned()
    } else {
        AccountNumber::parse(s)
            .map(|a| a.as_str().to_owned())
            .map_err(|_| said!("row.payer", found = format!("{s:?}")))?
    };
    if digits.len() > 11 {
        return Err(said!("row.payer-digits", found = format!("{s:?}")));
    }
    crate::payer_reference(&digits).map_err(|e| {
        let error = match e {
            BuildError::Text { source, .. } => value_said(&source),
            other => other.said(),
        };
        found(s, error)
    })
}

/// An account's or an organisation number's cell that does not hold one: `what "cell":
/// error` (`what` a key: `row.account`, `row.organisation`).
fn number_found(what: &'static str, s: &str, e: &autogiro_checksum::ChecksumError) -> Said {
    Said::new(what)
        .with("found", format!("{s:?}"))
        .with_words("error", checksum_said(e))
}

/// What a claims row says about the claim's place: its kind and assignment.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// What the assignment holds (its [`AssignmentKind::tag`](crate::AssignmentKind::tag) is the `kind` column).
    pub kind: crate::AssignmentKind,
    /// The assignment's agreement id.
    pub agreement: u32,
    /// The assignment's number.
    pub assignment_number: u32,
}

mod avtalegiro;
mod claims;
mod columns;
mod mandates;
mod payments;

use columns::named;
pub use columns::{CLAIM_COLUMN_DOCS, Column, MANDATE_COLUMN_DOCS, Need};

pub use avtalegiro::{
    AVTALEGIRO_MANDATE_COLUMNS, AvtaleGiroColumns, AvtaleGiroRow, avtalegiro_claim_cells,
    avtalegiro_mandate_cells,
};
pub use claims::{ClaimColumns, ClaimRow, claim_cells};
pub use mandates::{MandateColumns, MandateRow, mandate_cells};
pub use payments::{PAYMENT_COLUMNS, payment_cells};

#[cfg(test)]
mod tests {
    use super::*;
    use claims::{specification, specification_text};

    #[test]
    fn specification_cells_round_trip() {
        let cell = "Rent February | 999,00\n\n | only right\nleft only";
        let lines = specification(cell, 21).unwrap();
        assert_eq!(lines.len(), 4);
        assert_eq!(
            specification_text(&lines),
            "Rent February | 999,00\n\n | only right\nleft only"
        );
        assert!(specification(&"x\n".repeat(22), 21).is_err());
        assert!(specification(&"x".repeat(41), 21).is_err());
    }

    #[test]
    fn headers_name_what_is_missing_and_unknown() {
        let e = ClaimColumns::from_header(&["payer_reference", "amout", "due_date"]).unwrap_err();
        let found: Vec<(&str, &str)> = e.iter().map(|e| (e.column.as_str(), e.code)).collect();
        assert_eq!(
            found,
            [
                ("amout", "unknown-column"),
                ("amount", "missing-column"),
                ("short_name", "missing-column")
            ]
        );
        assert!(
            ClaimColumns::from_header(&[
                "\u{feff}Payer_Reference",
                " AMOUNT ",
                "due_date",
                "kind",
                "Short_Name"
            ])
            .is_ok()
        );
    }

    #[test]
    fn every_problem_of_a_row_at_once() {
        let c = ClaimColumns::from_header(&[
            "payer_reference",
            "amount",
            "due_date",
            "kid",
            "short_name",
        ])
        .unwrap();
        let e = c
            .read(&["", "1,234.50", "2026-13-01", "123456783", "Łukasz"])
            .unwrap_err();
        let codes: Vec<&str> = e.iter().map(|e| e.code).collect();
        assert_eq!(
            codes,
            [
                "missing-value",
                "invalid-amount",
                "invalid-date",
                "invalid-kid",
                "invalid-text"
            ]
        );
        let message = e[4].message.render(crate::Lang::En);
        assert!(message.contains('Ł'), "{message}");
        let row = c
            .read(&["=\"00012345\"", "1", "2026-01-15", "", "  Nordmann"])
            .unwrap();
        assert_eq!(row.claim.payer.as_field(), "   00012345");
        // Text left-justified ([decision 25](docs/spec-decisions.md#decision-25)); a name
        // required ([decision 26](docs/spec-decisions.md#decision-26)).
        assert_eq!(row.claim.short_name.to_string(), "Nordmann");
        let e = c.read(&["12345", "1", "2026-01-15", "", " "]).unwrap_err();
        assert_eq!(
            (e[0].column.as_str(), e[0].code),
            ("short_name", "missing-value")
        );
    }

    /// The columns of a registration or change with every post.
    fn mandate_columns() -> MandateColumns {
        MandateColumns::from_header(&[
            "registration",
            "account",
            "payer_reference",
            "period",
            "limit",
            "name",
            "postal_code",
            "postal_town",
            "organisation_number",
            "signatory",
            "signatory_birth_date",
        ])
        .unwrap()
    }

    /// A new monthly mandate's row for [`mandate_columns`], with its limit and birth date.
    fn registration<'a>(limit: &'a str, birth: &'a str) -> [&'a str; 11] {
        [
            "new",
            "8601 11 17947",
            "12345",
            "monthly",
            limit,
            "Nordmann AS",
            "0155",
            "OSLO",
            "923 609 016",
            "Kari Nordmann",
            birth,
        ]
    }

    /// A signatory born after the day the file is made ([decision 35](docs/spec-decisions.md#decision-35)).
    #[test]
    fn a_signatory_born_after_today_is_refused_by_row() {
        let c = mandate_columns();
        let born = |birth: &'static str| {
            let today = time::macros::date!(2026 - 01 - 10);
            c.clone().today(today).read(&registration("5 000", birth))
        };
        assert!(born("10.01.2026").is_ok());
        let e = born("11.01.2026").unwrap_err();
        assert_eq!(
            (e[0].column.as_str(), e[0].code),
            ("signatory_birth_date", "birth-date-after-file")
        );
    }

    #[test]
    fn mandates_of_every_registration() {
        let c = mandate_columns();
        let new = c.read(&registration("5 000", "01.02.1980")).unwrap();
        assert!(new.mandate.payer.is_some());
        assert_eq!(new.mandate.amount_limit.ore(), 500_000);
        // A standard mandate carries its limit ([decision 27](docs/spec-decisions.md#decision-27)).
        let e = c.read(&registration("0", "01.02.1980")).unwrap_err();
        assert_eq!(
            (e[0].column.as_str(), e[0].code),
            ("limit", "invalid-amount")
        );
        let delete = c
            .read(&["delete", "86011117947", "", "", "", "", "", "", "", "", ""])
            .unwrap();
        assert_eq!(delete.mandate.payer_reference.digits(), "86011117947");
        let e = c
            .read(&[
                "delete",
                "86011117947",
                "",
                "",
                "",
                "Nordmann",
                "",
                "",
                "",
                "",
                "",
            ])
            .unwrap_err();
        assert_eq!(e[0].code, "unexpected-value");
        let e = c
            .read(&[
                "new",
                "86011117947",
                "",
                "monthly",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ])
            .unwrap_err();
        let columns: Vec<&str> = e.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(
            columns,
            [
                "limit",
                "name",
                "postal_code",
                "postal_town",
                "organisation_number",
                "signatory",
                "signatory_birth_date"
            ]
        );
    }
}
