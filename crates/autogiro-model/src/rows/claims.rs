//! Claims from rows and back: the columns of `autogiro new claims` and `convert --to csv`.

use crate::limits::SPECIFICATION_LINES;
use crate::{AssignmentKind, Claim, SpecificationLine};
use autogiro_checksum::Kid;
use autogiro_format::{ClaimType, ErrorCode, Text};

use super::{
    BILLING_CLAIM_COLUMNS, CLAIM_COLUMN_DOCS, Cells, Context, Header, Need, RowErrors, agreement,
    amount, date, named, number_found, payer,
};
use crate::said::{Said, said, value_said};

/// A claim made of a row, with the agreement the row names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    /// The `agreement` column, when the row has one.
    pub agreement: Option<u32>,
    /// The claim, unnumbered.
    pub claim: Claim,
    /// The `replaces` column: the own reference of a rejected claim this one bills again.
    pub replaces: Option<String>,
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
            BILLING_CLAIM_COLUMNS,
            // The abbreviated name is required to MPS ([decision 26](docs/spec-decisions.md#decision-26)).
            &named(CLAIM_COLUMN_DOCS, Need::Required).collect::<Vec<_>>(),
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
            Kid::parse(s).map_err(|e| number_found("row.kid", s, &e))
        });
        let short_name = c.required_text::<10>("short_name");
        let own_reference = c.text::<25>("own_reference");
        let foreign_reference = c.text::<25>("foreign_reference");
        let specification = c
            .parse("specification", "invalid-specification", |s| {
                specification(s, SPECIFICATION_LINES)
            })
            .unwrap_or_default();
        let agreement = c.parse("agreement", "invalid-number", agreement);
        let replaces = c.text::<25>("replaces").to_string();
        let replaces = (!replaces.trim().is_empty()).then_some(replaces);
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
        c.finish(claim.map(|claim| ClaimRow {
            agreement,
            claim,
            replaces,
        }))
    }
}

/// The specification lines of a cell: a line each, `|` before column 2; at most `most` lines
/// (21 for Autogiro, 42 for AvtaleGiro).
pub(super) fn specification(s: &str, most: u16) -> Result<Vec<SpecificationLine>, Said> {
    let lines: Vec<&str> = s.lines().collect();
    if lines.len() > usize::from(most) {
        return Err(said!(
            "row.specification-lines",
            lines = lines.len(),
            most = most
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
                said!(
                    "row.specification-text",
                    line = number,
                    column = column,
                    found = format!("{part:?}"),
                )
                .with_words("error", value_said(&e))
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

/// The cells of a claim, in the order of [`CLAIM_COLUMNS`](super::CLAIM_COLUMNS). `code` is a rejection's error code;
/// settled and rejected claims carry their date as `processing_date`, claims to MPS as
/// `due_date`.
pub fn claim_cells(context: Context, claim: &Claim, code: Option<ErrorCode>) -> Vec<String> {
    let date = claim.date.to_string();
    let (due, processing) = if context.kind == AssignmentKind::Claims {
        (date, String::new())
    } else {
        (String::new(), date)
    };
    vec![
        context.kind.tag().to_owned(),
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
pub(super) fn specification_text(lines: &[SpecificationLine]) -> String {
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
