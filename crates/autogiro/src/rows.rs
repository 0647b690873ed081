//! Claims and mandates as rows of named columns, both ways: the way in from a billing system's
//! export (CSV, JSON, a spreadsheet), and the way out to a spreadsheet. The columns that
//! `autogiro convert --to csv` writes are the columns read here, so a file can go out to a
//! spreadsheet and come back.
//!
//! A row is a list of cells under a header. [`ClaimColumns::from_header`] finds the columns by
//! name (any order, any case); [`ClaimColumns::read`] makes a [`Claim`] of a row, or says what is
//! wrong with each cell, every problem of the row at once.
//!
//! ```
//! use autogiro::rows::ClaimColumns;
//!
//! let columns = ClaimColumns::from_header(&["payer_reference", "amount", "due_date", "kid"])?;
//! let row = columns.read(&["12345", "1 234,50", "15.01.2026", "123456782"])?;
//! assert_eq!(row.claim.amount.ore(), 123_450);
//! assert_eq!(row.claim.payer.digits(), "12345");
//!
//! let problems = columns.read(&["12345", "12,34,5", "31.02.2026", ""]).unwrap_err();
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
//! | `amount` | yes | NOK: `1234.50`, `1234,50`, `1 234,50`, `1234` ([`Amount::from_str`](crate::model::Amount)) |
//! | `due_date` | yes | `YYYY-MM-DD` or `DD.MM.YYYY` |
//! | `kid` | | the KID, 2-25 digits with a modulus 10 or 11 check digit |
//! | `short_name` | | the payer's abbreviated name, up to 10 characters |
//! | `own_reference` | | the payee's reference, up to 25 characters |
//! | `foreign_reference` | | shown on the payer's statement, up to 25 characters |
//! | `specification` | | text for the payer's notice: makes the claim one with notice (type 03) |
//! | `agreement` | with several agreements | the agreement id the claim belongs to |
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
//! | `signatory_birth_date` | new, change | a date |
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

use autogiro_checksum::{AccountNumber, Kid, OrganisationNumber};
use autogiro_format::{ClaimType, ErrorCode, PaddedDigits, PeriodCode, RegistrationType, Text};
use autogiro_model::{
    Amount, Claim, Mandate, MandateLimit, Organisation, PayerDetails, PayerReference,
    SpecificationLine, parse_date,
};
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
    /// What is wrong, with what was found and how to write it.
    pub message: String,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.column, self.message)
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

fn problem(column: &str, code: &'static str, message: impl Into<String>) -> CellError {
    CellError {
        column: column.to_owned(),
        code,
        message: message.into(),
    }
}

/// The columns of claims, in the order `convert --to csv` writes them.
pub const CLAIM_COLUMNS: &[&str] = &[
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
];

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

/// Columns written for people and ignored when read.
const INFORMATIVE: &[&str] = &[
    "kind",
    "assignment_number",
    "transaction_number",
    "sequence_number",
    "processing_date",
    "error_code",
    "error_meaning",
    "archive_reference",
];

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
                    format!("the column {k:?} appears twice"),
                )),
                Some(k) => index.push((*k, i)),
                None if name.is_empty() => {}
                None => errors.push(problem(
                    raw.trim(),
                    "unknown-column",
                    format!(
                        "unknown column {:?}; the columns are {}",
                        raw.trim(),
                        known
                            .iter()
                            .filter(|k| !INFORMATIVE.contains(k))
                            .copied()
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )),
            }
        }
        for r in required {
            if !index.iter().any(|(n, _)| n == r) {
                errors.push(problem(
                    r,
                    "missing-column",
                    format!("the column {r:?} is required"),
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
        parse: impl FnOnce(&str) -> Result<T, String>,
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
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        if self.get(column).is_none() {
            self.errors
                .push(problem(column, "missing-value", "required, found nothing"));
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

fn text<const N: usize>(s: &str) -> Result<Text<N>, String> {
    Text::new(s).map_err(|e| format!("{s:?}: {e}"))
}

fn agreement(s: &str) -> Result<u32, String> {
    if s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse()
            .map_err(|_| format!("{s:?} is not an agreement id"))
    } else {
        Err(format!("{s:?} is not an agreement id (up to 9 digits)"))
    }
}

fn date(s: &str) -> Result<Date, String> {
    parse_date(s).map_err(|e| e.to_string())
}

fn amount(s: &str) -> Result<Amount, String> {
    s.parse::<Amount>().map_err(|e| e.to_string())
}

/// The payer field: an account written with dots or spaces becomes its 11 digits; digits are
/// kept as written (leading zeros too), right-justified.
fn payer(s: &str) -> Result<PayerReference, String> {
    let digits = if s.bytes().all(|b| b.is_ascii_digit()) {
        s.to_owned()
    } else {
        AccountNumber::parse(s)
            .map(|a| a.as_str().to_owned())
            .map_err(|_| {
                format!("{s:?} is neither a payer reference (digits) nor an account number")
            })?
    };
    if digits.len() > 11 {
        return Err(format!("{s:?} has more than 11 digits"));
    }
    autogiro_model::payer_reference(&digits).map_err(|e| format!("{s:?}: {e}"))
}

/// A claim made of a row, with the agreement the row names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    /// The `agreement` column, when the row has one.
    pub agreement: Option<u32>,
    /// The claim, unnumbered.
    pub claim: Claim,
}

/// The columns of a header of claims.
#[derive(Debug, Clone)]
pub struct ClaimColumns(Header);

impl ClaimColumns {
    /// Finds the columns by name (any order; case and surrounding blanks ignored).
    ///
    /// # Errors
    ///
    /// Every missing required column, unknown or duplicate column.
    pub fn from_header(header: &[&str]) -> Result<Self, RowErrors> {
        Header::new(
            header,
            CLAIM_COLUMNS,
            &["payer_reference", "amount", "due_date"],
        )
        .map(Self)
    }

    /// The claim of a row.
    ///
    /// # Errors
    ///
    /// Every problem of the row, each naming its column.
    pub fn read(&self, row: &[&str]) -> Result<ClaimRow, RowErrors> {
        let mut c = Cells {
            header: &self.0,
            row,
            errors: Vec::new(),
        };
        let payer = c.required("payer_reference", "invalid-reference", payer);
        let amount = c.required("amount", "invalid-amount", amount);
        let due = c.required("due_date", "invalid-date", date);
        let kid = c.parse("kid", "invalid-kid", |s| {
            Kid::parse(s).map_err(|e| format!("KID {s:?}: {e}"))
        });
        let short_name = c.text::<10>("short_name");
        let own_reference = c.text::<25>("own_reference");
        let foreign_reference = c.text::<25>("foreign_reference");
        let specification = c
            .parse("specification", "invalid-specification", specification)
            .unwrap_or_default();
        let agreement = c.parse("agreement", "invalid-number", agreement);
        let claim = match (payer, amount, due) {
            (Some(payer), Some(amount), Some(due)) => Some(Claim {
                transaction_number: 0,
                claim_type: if specification.is_empty() {
                    ClaimType::WithoutNotice
                } else {
                    ClaimType::WithNotice
                },
                date: due,
                payer,
                amount,
                kid,
                short_name,
                own_reference,
                foreign_reference,
                specification,
            }),
            _ => None,
        };
        c.finish(claim.map(|claim| ClaimRow { agreement, claim }))
    }
}

/// The specification lines of a cell: a line each, `|` before column 2.
fn specification(s: &str) -> Result<Vec<SpecificationLine>, String> {
    let lines: Vec<&str> = s.lines().collect();
    if lines.len() > 21 {
        return Err(format!(
            "{} lines: a notice has at most 21 (each line of the cell is a line of the notice)",
            lines.len()
        ));
    }
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let number = u16::try_from(i + 1).unwrap_or(u16::MAX);
        let (left, right) = match line.split_once('|') {
            Some((l, r)) => (l.trim_end(), Some(r.trim())),
            None => (line.trim_end(), None),
        };
        for (column, part) in [(1u8, Some(left)), (2, right)] {
            let Some(part) = part.filter(|p| !p.trim().is_empty()) else {
                continue;
            };
            let text = Text::<40>::new(part).map_err(|e| {
                format!("line {number}, column {column}: {part:?}: {e} (40 characters a column)")
            })?;
            out.push(SpecificationLine {
                line: Some(number),
                column: Some(column),
                text,
            });
        }
    }
    Ok(out)
}

/// A mandate made of a row, with the agreement the row names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MandateRow {
    /// The `agreement` column, when the row has one.
    pub agreement: Option<u32>,
    /// The mandate, unnumbered.
    pub mandate: Mandate,
}

/// The columns of a header of mandates.
#[derive(Debug, Clone)]
pub struct MandateColumns(Header);

/// The payer's details columns (posts 2-4), which a deletion leaves empty.
const DETAILS: &[&str] = &[
    "name",
    "address1",
    "address2",
    "postal_code",
    "postal_town",
    "country_code",
    "organisation_number",
    "signatory",
    "signatory_birth_date",
];

impl MandateColumns {
    /// Finds the columns by name.
    ///
    /// # Errors
    ///
    /// Every missing required column, unknown or duplicate column.
    pub fn from_header(header: &[&str]) -> Result<Self, RowErrors> {
        Header::new(header, MANDATE_COLUMNS, &["registration", "account"]).map(Self)
    }

    /// The mandate of a row.
    ///
    /// # Errors
    ///
    /// Every problem of the row, each naming its column.
    pub fn read(&self, row: &[&str]) -> Result<MandateRow, RowErrors> {
        let mut c = Cells {
            header: &self.0,
            row,
            errors: Vec::new(),
        };
        let registration = c.required("registration", "invalid-choice", |s| {
            match s.to_ascii_lowercase().as_str() {
                "new" | "1" => Ok(RegistrationType::New),
                "change" | "2" => Ok(RegistrationType::Change),
                "delete" | "3" => Ok(RegistrationType::Delete),
                _ => Err(format!("{s:?}: expected new, change or delete")),
            }
        });
        let account = c.required("account", "invalid-account", |s| {
            AccountNumber::parse(s).map_err(|e| format!("account {s:?}: {e}"))
        });
        let reference = c.parse("payer_reference", "invalid-reference", payer);
        let period = c.parse("period", "invalid-choice", period);
        let limit = c.parse("limit", "invalid-amount", amount);
        let limit = match (period, limit) {
            (None, None) => Some(MandateLimit::Simplified),
            (Some(period), Some(limit)) => Some(MandateLimit::Standard { period, limit }),
            (Some(_), None) => {
                if c.get("period").is_some() && c.get("limit").is_none() {
                    c.errors.push(problem(
                        "limit",
                        "missing-value",
                        "a mandate with a period has a limit per period, found nothing",
                    ));
                }
                None
            }
            (None, Some(_)) => {
                if c.get("period").is_none() {
                    c.errors.push(problem(
                        "period",
                        "missing-value",
                        "a limit needs its period (daily to yearly); leave both empty for a simplified mandate",
                    ));
                }
                None
            }
        };
        let valid_from = c.parse("valid_from", "invalid-date", date);
        let valid_to = c.parse("valid_to", "invalid-date", date);
        let agreement = c.parse("agreement", "invalid-number", agreement);
        let details = match registration {
            Some(RegistrationType::Delete) => {
                for column in DETAILS {
                    if c.get(column).is_some() {
                        c.errors.push(problem(
                            column,
                            "unexpected-value",
                            "a deletion carries no payer's details; leave it empty",
                        ));
                    }
                }
                None
            }
            _ => Some(payer_details(&mut c)),
        };
        let mandate = match (registration, account, limit) {
            (Some(registration), Some(account), Some(limit)) => {
                let reference = reference.unwrap_or_else(|| {
                    PaddedDigits::new(account.as_str()).unwrap_or(PaddedDigits::BLANK)
                });
                let mut m = Mandate::new(registration, reference, account, limit)
                    .valid(valid_from, valid_to);
                m.payer = details.flatten();
                Some(m)
            }
            _ => None,
        };
        c.finish(mandate.map(|mandate| MandateRow { agreement, mandate }))
    }
}

fn period(s: &str) -> Result<PeriodCode, String> {
    Ok(match s.to_ascii_lowercase().as_str() {
        "daily" | "01" => PeriodCode::Daily,
        "weekly" | "02" => PeriodCode::Weekly,
        "monthly" | "03" => PeriodCode::Monthly,
        "quarterly" | "04" => PeriodCode::Quarterly,
        "half-yearly" | "05" => PeriodCode::HalfYearly,
        "yearly" | "06" => PeriodCode::Yearly,
        _ => {
            return Err(format!(
                "{s:?}: expected daily, weekly, monthly, quarterly, half-yearly or yearly (empty for a simplified mandate)"
            ));
        }
    })
}

/// Posts 2-4 of a registration or change; `None` when a required value is missing (reported).
fn payer_details(c: &mut Cells<'_, '_>) -> Option<PayerDetails> {
    let name = c.required_text::<30>("name");
    let address1 = c.text::<30>("address1");
    let address2 = c.text::<30>("address2");
    let country_code = c.text::<3>("country_code");
    let norway = country_code.is_blank() || country_code.to_string() == "NO";
    let postal = c.required("postal_code", "invalid-text", |s| {
        if norway {
            if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && s != "0000" {
                return Ok((text::<4>(s)?, Text::BLANK));
            }
            return Err(format!("{s:?}: a Norwegian postal code is 4 digits"));
        }
        // Abroad positions 46-52 hold the code: 4 characters, then 3.
        let chars: Vec<char> = s.chars().collect();
        if chars.len() > 7 {
            return Err(format!(
                "{s:?}: a foreign postal code has at most 7 characters"
            ));
        }
        let (a, b) = chars.split_at(chars.len().min(4));
        Ok((
            text::<4>(&a.iter().collect::<String>())?,
            text::<3>(&b.iter().collect::<String>())?,
        ))
    });
    let postal_town = c.required_text::<25>("postal_town");
    let organisation = c.required("organisation_number", "invalid-number", |s| {
        if s.bytes()
            .all(|b| b.is_ascii_digit() || b == b' ' || b == b'.')
        {
            OrganisationNumber::parse(s)
                .map(Organisation::Norwegian)
                .map_err(|e| format!("organisation number {s:?}: {e}"))
        } else {
            text::<11>(s).map(Organisation::Foreign)
        }
    });
    let signatory = c.required_text::<30>("signatory");
    let birth = c.required("signatory_birth_date", "invalid-date", date);
    let ((postal_code, postal_code_extension), organisation, birth) =
        (postal?, organisation?, birth?);
    Some(PayerDetails {
        name,
        address1,
        address2,
        postal_code,
        postal_code_extension,
        postal_town,
        country_code,
        organisation,
        signatory,
        signatory_birth_date: birth,
    })
}

/// What a claims row says about the claim's place: its kind and assignment.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// `claims`, `settled`, `rejected` or `mandates`.
    pub kind: &'static str,
    /// The assignment's agreement id.
    pub agreement: u32,
    /// The assignment's number.
    pub assignment_number: u32,
}

/// The cells of a claim, in the order of [`CLAIM_COLUMNS`]. `code` is a rejection's error code;
/// settled and rejected claims carry their date as `processing_date`, claims to MPS as
/// `due_date`.
pub fn claim_cells(context: Context, claim: &Claim, code: Option<ErrorCode>) -> Vec<String> {
    let date = claim.date.to_string();
    let (due, processing) = if context.kind == "claims" {
        (date, String::new())
    } else {
        (String::new(), date)
    };
    vec![
        context.kind.to_owned(),
        format!("{:09}", context.agreement),
        context.assignment_number.to_string(),
        claim.transaction_number.to_string(),
        claim.payer.digits().to_owned(),
        claim.amount.to_string(),
        due,
        processing,
        claim.kid.map(|k| k.as_str().to_owned()).unwrap_or_default(),
        claim.short_name.to_string(),
        claim.own_reference.to_string(),
        claim.foreign_reference.to_string(),
        specification_text(&claim.specification),
        code.map(|c| c.to_string()).unwrap_or_default(),
        code.map(|c| c.meaning().unwrap_or("not listed in spec 3.9").to_owned())
            .unwrap_or_default(),
    ]
}

/// The specification lines as the `specification` column writes them: a line each, `|`
/// before column 2.
fn specification_text(lines: &[SpecificationLine]) -> String {
    let last = lines.iter().filter_map(|s| s.line).max().unwrap_or(0);
    let mut out = Vec::new();
    for n in 1..=last {
        let column = |c: u8| {
            lines
                .iter()
                .find(|s| s.line == Some(n) && s.column == Some(c))
                .map(|s| s.text.to_string())
        };
        out.push(match (column(1), column(2)) {
            (left, Some(right)) => format!("{} | {right}", left.unwrap_or_default()),
            (Some(left), None) => left,
            (None, None) => String::new(),
        });
    }
    out.join("\n")
}

/// The cells of a mandate, in the order of [`MANDATE_COLUMNS`].
pub fn mandate_cells(context: Context, m: &Mandate) -> Vec<String> {
    let registration = match m.registration_type {
        RegistrationType::New => "new",
        RegistrationType::Change => "change",
        RegistrationType::Delete => "delete",
        RegistrationType::Listing => "listing",
    };
    let period = match m.period_code {
        PeriodCode::NoPeriod => "",
        PeriodCode::Daily => "daily",
        PeriodCode::Weekly => "weekly",
        PeriodCode::Monthly => "monthly",
        PeriodCode::Quarterly => "quarterly",
        PeriodCode::HalfYearly => "half-yearly",
        PeriodCode::Yearly => "yearly",
    };
    let limit = if m.period_code == PeriodCode::NoPeriod {
        String::new()
    } else {
        m.amount_limit.to_string()
    };
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut cells = vec![
        context.kind.to_owned(),
        format!("{:09}", context.agreement),
        context.assignment_number.to_string(),
        m.sequence_number.to_string(),
        registration.to_owned(),
        m.payer_reference.digits().to_owned(),
        m.account.as_str().to_owned(),
        period.to_owned(),
        limit,
        date(m.valid_from),
        date(m.valid_to),
    ];
    match (&m.payer, &m.mps) {
        (Some(p), _) => cells.extend([
            p.name.to_string(),
            p.address1.to_string(),
            p.address2.to_string(),
            format!("{}{}", p.postal_code, p.postal_code_extension),
            p.postal_town.to_string(),
            p.country_code.to_string(),
            match p.organisation {
                Organisation::Norwegian(n) => n.as_str().to_owned(),
                Organisation::Foreign(t) => t.to_string(),
            },
            p.signatory.to_string(),
            p.signatory_birth_date.to_string(),
        ]),
        (None, Some(mps)) => {
            cells.push(mps.name.to_string());
            cells.extend(std::iter::repeat_n(String::new(), DETAILS.len() - 1));
        }
        (None, None) => cells.extend(std::iter::repeat_n(String::new(), DETAILS.len())),
    }
    cells.push(
        m.mps
            .map(|x| x.archive_reference.to_string())
            .unwrap_or_default(),
    );
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specification_cells_round_trip() {
        let cell = "Rent February | 999,00\n\n | only right\nleft only";
        let lines = specification(cell).unwrap();
        assert_eq!(lines.len(), 4);
        assert_eq!(
            specification_text(&lines),
            "Rent February | 999,00\n\n | only right\nleft only"
        );
        assert!(specification(&"x\n".repeat(22)).is_err());
        assert!(specification(&"x".repeat(41)).is_err());
    }

    #[test]
    fn headers_name_what_is_missing_and_unknown() {
        let e = ClaimColumns::from_header(&["payer_reference", "amout", "due_date"]).unwrap_err();
        let found: Vec<(&str, &str)> = e.iter().map(|e| (e.column.as_str(), e.code)).collect();
        assert_eq!(
            found,
            [("amout", "unknown-column"), ("amount", "missing-column")]
        );
        assert!(
            ClaimColumns::from_header(&["\u{feff}Payer_Reference", " AMOUNT ", "due_date", "kind"])
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
        assert!(e[4].message.contains('Ł'), "{}", e[4].message);
        let row = c
            .read(&["=\"00012345\"", "1", "2026-01-15", "", ""])
            .unwrap();
        assert_eq!(row.claim.payer.as_field(), "   00012345");
    }

    #[test]
    fn mandates_of_every_registration() {
        let header = [
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
        ];
        let c = MandateColumns::from_header(&header).unwrap();
        let new = c
            .read(&[
                "new",
                "8601 11 17947",
                "12345",
                "monthly",
                "5 000",
                "Nordmann AS",
                "0155",
                "OSLO",
                "923 609 016",
                "Kari Nordmann",
                "01.02.1980",
            ])
            .unwrap();
        assert!(new.mandate.payer.is_some());
        assert_eq!(new.mandate.amount_limit.ore(), 500_000);
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
