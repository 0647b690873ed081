//! AvtaleGiro's claims and cancellation requests from rows and back, in the columns of
//! Autogiro's claims (`new claims --service avtalegiro`, `new cancellations`, `convert --to
//! csv`), and its mandates as rows (`convert --to csv`).

use crate::{AvtaleGiroClaim, AvtaleGiroMandate, AvtaleGiroNames};
use autogiro_checksum::Kid;
use autogiro_format::{AvtaleGiroType, Text};

use super::claims::{specification, specification_text};
use super::{
    BILLING_CLAIM_COLUMNS, Cells, Context, Header, RowErrors, agreement, amount, date, number_found,
};
use crate::said::Said;

/// An AvtaleGiro claim or cancellation request made of a row, with the agreement the row
/// names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvtaleGiroRow {
    /// The `agreement` column, when the row has one.
    pub agreement: Option<u32>,
    /// The claim or request, unnumbered.
    pub claim: AvtaleGiroClaim,
}

/// The columns of a header of AvtaleGiro claims or cancellation requests: Autogiro's claim
/// columns, of which `payer_reference`, `own_reference` and `replaces` stay empty (an
/// AvtaleGiro claim names its payer's mandate by the KID alone, decision A1, and its records
/// have no own reference).
#[derive(Debug, Clone)]
pub struct AvtaleGiroColumns {
    header: Header,
    cancellations: bool,
}

/// The columns Autogiro's claims have and AvtaleGiro's records do not.
const NOT_AVTALEGIRO: [(&str, &str); 3] = [
    ("payer_reference", "row.avtalegiro-payer-reference"),
    ("own_reference", "row.avtalegiro-own-reference"),
    ("replaces", "row.avtalegiro-replaces"),
];

impl AvtaleGiroColumns {
    /// The columns of claims (`amount`, `due_date`, `kid` and `short_name` required: item 2
    /// goes with every claim).
    ///
    /// # Errors
    ///
    /// Every missing required column, unknown or duplicate column.
    pub fn claims(header: &[&str]) -> Result<Self, RowErrors> {
        Header::new(
            header,
            BILLING_CLAIM_COLUMNS,
            &["amount", "due_date", "kid", "short_name"],
        )
        .map(|header| Self {
            header,
            cancellations: false,
        })
    }

    /// The columns of cancellation requests: `amount`, `due_date` and `kid` required, the
    /// claim's as sent (decision A5); item 2 is written when `short_name` or
    /// `foreign_reference` is given.
    ///
    /// # Errors
    ///
    /// Every missing required column, unknown or duplicate column.
    pub fn cancellations(header: &[&str]) -> Result<Self, RowErrors> {
        Header::new(
            header,
            BILLING_CLAIM_COLUMNS,
            &["amount", "due_date", "kid"],
        )
        .map(|header| Self {
            header,
            cancellations: true,
        })
    }

    /// The claim or cancellation request of a row: transaction type `21` (the bank notifies
    /// the payer) when the row has specification lines, else `02`; `93` for a cancellation.
    ///
    /// # Errors
    ///
    /// Every problem of the row, each naming its column.
    pub fn read(&self, row: &[&str]) -> Result<AvtaleGiroRow, RowErrors> {
        let mut c = Cells {
            header: &self.header,
            row,
            errors: Vec::new(),
        };
        for (column, why) in NOT_AVTALEGIRO {
            if c.get(column).is_some() {
                c.errors
                    .push(super::problem(column, "not-in-avtalegiro", Said::new(why)));
            }
        }
        let amount = c.required("amount", "invalid-amount", amount);
        let due = c.required("due_date", "invalid-date", date);
        let kid = c.required("kid", "invalid-kid", |s| {
            Kid::parse(s).map_err(|e| number_found("row.kid", s, &e))
        });
        let short_name: Text<10> = if self.cancellations {
            c.text("short_name")
        } else {
            c.required_text("short_name")
        };
        let foreign_reference: Text<25> = c.text("foreign_reference");
        let lines = c
            .parse("specification", "invalid-specification", |s| {
                specification(s, crate::limits::AVTALEGIRO_LINES)
            })
            .unwrap_or_default();
        let agreement = c.parse("agreement", "invalid-number", agreement);
        let transaction_type = match (self.cancellations, lines.is_empty()) {
            (true, _) => AvtaleGiroType::Cancellation,
            (false, true) => AvtaleGiroType::WithoutNotice,
            (false, false) => AvtaleGiroType::WithNotice,
        };
        if self.cancellations && !lines.is_empty() {
            c.errors.push(super::problem(
                "specification",
                "not-in-avtalegiro",
                Said::new("row.avtalegiro-cancellation-lines"),
            ));
        }
        let names =
            (!self.cancellations || !short_name.is_blank() || !foreign_reference.is_blank())
                .then_some(AvtaleGiroNames {
                    short_name,
                    foreign_reference,
                });
        let claim = match (amount, due, kid) {
            (Some(amount), Some(due_date), Some(kid)) => Some(AvtaleGiroClaim {
                transaction_number: 0,
                transaction_type,
                due_date,
                amount,
                kid: Some(kid),
                names,
                specification: lines,
            }),
            _ => None,
        };
        c.finish(claim.map(|claim| AvtaleGiroRow { agreement, claim }))
    }
}

/// The cells of an AvtaleGiro claim or cancellation request, in the order of
/// [`CLAIM_COLUMNS`](super::CLAIM_COLUMNS): no agreement (AvtaleGiro's assignment start has
/// none), no payer reference, no own reference; so that the rows make the same file again.
pub fn avtalegiro_claim_cells(context: Context, claim: &AvtaleGiroClaim) -> Vec<String> {
    let text = |t: Option<String>| t.unwrap_or_default();
    vec![
        context.kind.tag().to_owned(),
        String::new(),
        context.assignment_number.to_string(),
        claim.transaction_number.to_string(),
        String::new(),
        claim.amount.to_string(),
        claim.due_date.to_string(),
        String::new(),
        text(claim.kid.as_ref().map(|k| k.as_str().to_owned())),
        text(claim.names.map(|n| n.short_name.to_string())),
        String::new(),
        text(claim.names.map(|n| n.foreign_reference.to_string())),
        specification_text(&claim.specification),
        String::new(),
        String::new(),
    ]
}

/// The columns of AvtaleGiro's mandates, in the order `convert --to csv` writes them.
pub const AVTALEGIRO_MANDATE_COLUMNS: &[&str] = &[
    "kind",
    "assignment_number",
    "serial_number",
    "registration",
    "kid",
    "written_notice",
];

/// The cells of an AvtaleGiro mandate, in the order of [`AVTALEGIRO_MANDATE_COLUMNS`]: the
/// registration `listed`, `new-or-changed` or `deleted`, the notice `yes` or `no`.
pub fn avtalegiro_mandate_cells(context: Context, mandate: &AvtaleGiroMandate) -> Vec<String> {
    use autogiro_format::{AvtaleGiroRegistration, WrittenNotice};
    vec![
        context.kind.tag().to_owned(),
        context.assignment_number.to_string(),
        mandate.serial_number.to_string(),
        match mandate.registration_type {
            AvtaleGiroRegistration::Listing => "listed",
            AvtaleGiroRegistration::NewOrChanged => "new-or-changed",
            AvtaleGiroRegistration::Deleted => "deleted",
        }
        .to_owned(),
        mandate
            .kid
            .as_ref()
            .map(|k| k.as_str().to_owned())
            .unwrap_or_default(),
        match mandate.written_notice {
            WrittenNotice::Yes => "yes",
            WrittenNotice::No => "no",
        }
        .to_owned(),
    ]
}
