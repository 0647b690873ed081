//! The columns of billing data as `new claims` and `new mandates` read them, described once:
//! the reading code takes the required and the ignored columns from here, its tests hold every
//! description's maximum length to what the reading refuses, and `cargo xtask codegen` writes
//! `docs/columns.md` from them.

/// Whether a row must fill a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Need {
    /// Every row: the header must have the column, and every row a value in it.
    Required,
    /// The rows that register a mandate or change one (`registration` `new` or `change`); a
    /// deletion leaves it empty.
    ToRegister,
    /// A row may leave it empty.
    Optional,
    /// Written by `convert --to csv` for people, ignored when read.
    Ignored,
}

impl Need {
    /// How `docs/columns.md` says it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::ToRegister => "required to register or change",
            Self::Optional => "optional",
            Self::Ignored => "ignored (written for people)",
        }
    }
}

/// A column of billing data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Its name in the header (case and surrounding blanks do not matter).
    pub name: &'static str,
    /// Whether a row must fill it.
    pub need: Need,
    /// The most characters it takes, for text (the field's width in the record).
    pub max_chars: Option<usize>,
    /// What it holds: its form, its values, how it is checked.
    pub holds: &'static str,
}

const fn column(
    name: &'static str,
    need: Need,
    max_chars: Option<usize>,
    holds: &'static str,
) -> Column {
    Column {
        name,
        need,
        max_chars,
        holds,
    }
}

const KIND: Column = column(
    "kind",
    Need::Ignored,
    None,
    "what the assignment holds (`claims`, `settled`, `rejected`, `mandates`, ...)",
);
const AGREEMENT: Column = column(
    "agreement",
    Need::Optional,
    None,
    "the agreement id (avtale-ID), up to 9 digits; empty for the settings' only agreement",
);
const ASSIGNMENT_NUMBER: Column = column(
    "assignment_number",
    Need::Ignored,
    None,
    "the assignment's number (the book or `--assignment` gives it)",
);
const PAYER_REFERENCE: Column = column(
    "payer_reference",
    Need::Required,
    None,
    "the payer's reference (up to 11 digits, kept as written, leading zeros too) or account \
     number (`1234.56.78903`, checked with modulus 11); the mandate's, padding included",
);

/// The columns of claims `new claims` reads, in the order of
/// [`BILLING_CLAIM_COLUMNS`](super::BILLING_CLAIM_COLUMNS).
pub const CLAIM_COLUMN_DOCS: &[Column] = &[
    KIND,
    AGREEMENT,
    ASSIGNMENT_NUMBER,
    column(
        "transaction_number",
        Need::Ignored,
        None,
        "the claim's number in its assignment (numbered from 1 as written)",
    ),
    PAYER_REFERENCE,
    column(
        "amount",
        Need::Required,
        None,
        "NOK above zero, with a decimal point or comma and at most two decimals (`1234.50`, \
         `1 234,50`)",
    ),
    column(
        "due_date",
        Need::Required,
        None,
        "the due date, `YYYY-MM-DD` or `DD.MM.YYYY`, within 12 months of the day the file is made",
    ),
    column(
        "processing_date",
        Need::Ignored,
        None,
        "MPS's processing date of a settled or rejected claim",
    ),
    column(
        "kid",
        Need::Optional,
        None,
        "the KID, 2-25 digits whose last is a check digit valid under modulus 10 or modulus 11 \
         (`autogiro digits kid` says which, or what it should be)",
    ),
    column(
        "short_name",
        Need::Required,
        Some(10),
        "the payer's name as MPS's receipt lists print it, ISO-8859-1 text",
    ),
    column(
        "own_reference",
        Need::Optional,
        Some(25),
        "the payee's reference (an invoice number): MPS returns it in its answer, and the book \
         matches the answer by it first",
    ),
    column(
        "foreign_reference",
        Need::Optional,
        Some(25),
        "a reference shown on the payer's statement",
    ),
    column(
        "specification",
        Need::Optional,
        None,
        "the notice's lines: a line of the cell for each line of the notice (at most 21), `|` \
         before the second column, at most 40 characters a column; a claim with it is sent \
         with notice",
    ),
    column(
        "error_code",
        Need::Ignored,
        None,
        "MPS's code of a rejected claim",
    ),
    column("error_meaning", Need::Ignored, None, "what the code means"),
    column(
        "replaces",
        Need::Optional,
        Some(25),
        "the own reference of a rejected claim this claim bills again: that claim is closed as \
         handled when the file is imported as sent",
    ),
];

/// The columns of mandates `new mandates` reads, in the order of
/// [`MANDATE_COLUMNS`](super::MANDATE_COLUMNS).
pub const MANDATE_COLUMN_DOCS: &[Column] = &[
    KIND,
    AGREEMENT,
    ASSIGNMENT_NUMBER,
    column(
        "sequence_number",
        Need::Ignored,
        None,
        "the mandate's number in its assignment",
    ),
    column(
        "registration",
        Need::Required,
        None,
        "`new`, `change` or `delete` (or `1`, `2`, `3`)",
    ),
    column(
        "payer_reference",
        Need::Optional,
        None,
        "the payer's reference (up to 11 digits, kept as written) or account number; empty: \
         the account's 11 digits",
    ),
    column(
        "account",
        Need::Required,
        None,
        "the payer's account number, 11 digits, dots or spaces between the groups allowed \
         (`1234.56.78903`), checked with modulus 11",
    ),
    column(
        "period",
        Need::Optional,
        None,
        "the limit's period: `daily`, `weekly`, `monthly`, `quarterly`, `half-yearly` or \
         `yearly` (or `01` to `06`); empty, with `limit` empty, for a simplified mandate",
    ),
    column(
        "limit",
        Need::Optional,
        None,
        "the most charged a period, NOK above zero; required with a period",
    ),
    column(
        "valid_from",
        Need::Optional,
        None,
        "the first day of the mandate, a date",
    ),
    column(
        "valid_to",
        Need::Optional,
        None,
        "its last day, a date; empty for no end",
    ),
    column("name", Need::ToRegister, Some(30), "the payer's name"),
    column(
        "address1",
        Need::Optional,
        Some(30),
        "the first address line",
    ),
    column(
        "address2",
        Need::Optional,
        Some(30),
        "the second address line",
    ),
    column(
        "postal_code",
        Need::ToRegister,
        None,
        "4 digits in Norway (not `0000`); abroad up to 7 characters",
    ),
    column("postal_town", Need::ToRegister, Some(25), "the postal town"),
    column(
        "country_code",
        Need::Optional,
        Some(3),
        "empty or `NO` for Norway, else the country's code",
    ),
    column(
        "organisation_number",
        Need::ToRegister,
        None,
        "a Norwegian organisation number, 9 digits (spaces or dots between the groups allowed), \
         checked with modulus 11 (`autogiro digits orgnr`); a foreign one as text of up to 11 \
         characters",
    ),
    column(
        "signatory",
        Need::ToRegister,
        Some(30),
        "who signed the mandate",
    ),
    column(
        "signatory_birth_date",
        Need::ToRegister,
        None,
        "the signatory's birth date, a date not after the day the file is made",
    ),
    column(
        "archive_reference",
        Need::Ignored,
        None,
        "MPS's archive reference of a mandate it lists",
    ),
];

/// The names of the columns of `docs` that are `need`.
pub(crate) fn named(docs: &'static [Column], need: Need) -> impl Iterator<Item = &'static str> {
    docs.iter().filter(move |c| c.need == need).map(|c| c.name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rows::{BILLING_CLAIM_COLUMNS, ClaimColumns, MANDATE_COLUMNS, MandateColumns};

    /// A row of `header` with `values` (column, value) and every other cell empty.
    fn row(header: &[&'static str], values: &[(&str, String)]) -> Vec<String> {
        header
            .iter()
            .map(|h| {
                values
                    .iter()
                    .find(|(c, _)| c == h)
                    .map_or_else(String::new, |(_, v)| v.clone())
            })
            .collect()
    }

    /// The columns named in the problems of a row, read by `read` of the cells of `header`.
    fn problems<T>(
        header: &[&'static str],
        values: &[(&str, String)],
        read: impl Fn(&[&str]) -> Result<T, crate::rows::RowErrors>,
    ) -> Vec<String> {
        let cells = row(header, values);
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        read(&cells)
            .err()
            .map(|e| e.0.into_iter().map(|p| p.column).collect())
            .unwrap_or_default()
    }

    fn claim_problems(values: &[(&str, String)]) -> Vec<String> {
        let columns = ClaimColumns::from_header(BILLING_CLAIM_COLUMNS).unwrap();
        problems(BILLING_CLAIM_COLUMNS, values, |cells| columns.read(cells))
    }

    fn mandate_problems(values: &[(&str, String)]) -> Vec<String> {
        let columns = MandateColumns::from_header(MANDATE_COLUMNS).unwrap();
        problems(MANDATE_COLUMNS, values, |cells| columns.read(cells))
    }

    fn claim_row() -> Vec<(&'static str, String)> {
        [
            ("payer_reference", "12345"),
            ("amount", "100"),
            ("due_date", "2026-04-10"),
            ("short_name", "Nordmann"),
        ]
        .map(|(c, v)| (c, v.to_owned()))
        .to_vec()
    }

    fn mandate_row() -> Vec<(&'static str, String)> {
        [
            ("registration", "new"),
            ("account", "8601.11.17947"),
            ("name", "Nordmann AS"),
            ("postal_code", "0155"),
            ("postal_town", "OSLO"),
            ("organisation_number", "923609016"),
            ("signatory", "Kari Nordmann"),
            ("signatory_birth_date", "01.02.1980"),
        ]
        .map(|(c, v)| (c, v.to_owned()))
        .to_vec()
    }

    fn with(
        mut values: Vec<(&'static str, String)>,
        column: &'static str,
        value: String,
    ) -> Vec<(&'static str, String)> {
        values.retain(|(c, _)| *c != column);
        values.push((column, value));
        values
    }

    #[test]
    fn the_descriptions_are_of_the_columns_read_in_their_order() {
        let names = |docs: &[Column]| docs.iter().map(|c| c.name).collect::<Vec<_>>();
        assert_eq!(names(CLAIM_COLUMN_DOCS), BILLING_CLAIM_COLUMNS);
        assert_eq!(names(MANDATE_COLUMN_DOCS), MANDATE_COLUMNS);
    }

    /// Each required column is refused empty, each other left empty is taken, and every
    /// text column takes its maximum and refuses one character more.
    #[test]
    fn needs_and_lengths_are_what_reading_does() {
        assert_eq!(claim_problems(&claim_row()), Vec::<String>::new());
        assert_eq!(mandate_problems(&mandate_row()), Vec::<String>::new());
        for (docs, base, read) in [
            (
                CLAIM_COLUMN_DOCS,
                claim_row(),
                claim_problems as fn(&[(&str, String)]) -> Vec<String>,
            ),
            (MANDATE_COLUMN_DOCS, mandate_row(), mandate_problems),
        ] {
            for c in docs {
                let emptied = with(base.clone(), c.name, String::new());
                let refused = read(&emptied).contains(&c.name.to_owned());
                let required = matches!(c.need, Need::Required | Need::ToRegister);
                assert_eq!(refused, required, "{} left empty", c.name);
                if let Some(max) = c.max_chars {
                    let fits = with(base.clone(), c.name, "Å".repeat(max));
                    assert_eq!(read(&fits), Vec::<String>::new(), "{} of {max}", c.name);
                    let over = with(base.clone(), c.name, "Å".repeat(max + 1));
                    assert_eq!(read(&over), [c.name], "{} of {}", c.name, max + 1);
                }
            }
        }
        // A deletion needs none of the columns to register.
        let delete = [("registration", "delete"), ("account", "8601.11.17947")]
            .map(|(c, v)| (c, v.to_owned()));
        assert_eq!(mandate_problems(&delete), Vec::<String>::new());
    }
}
