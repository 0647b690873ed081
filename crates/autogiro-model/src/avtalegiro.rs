//! AvtaleGiro (service code `21`) in the model: claims and cancellation requests to MPS, and
//! the payers' mandates MPS lists back; read from the records (the assembler), written back to
//! them byte for byte (the writer), kept in the JSON form. The rules are the checker's
//! (`check/avtalegiro.rs`, decisions A1-A9 of `docs/spec-decisions.md`).

use time::Date;

use autogiro_checksum::Kid;
use autogiro_format::{
    AvtaleGiroAssignmentStart, AvtaleGiroAssignmentType, AvtaleGiroClaimsEnd, AvtaleGiroItem1,
    AvtaleGiroItem2, AvtaleGiroMandate as MandateRecord, AvtaleGiroMandatesEnd,
    AvtaleGiroRegistration, AvtaleGiroSpecification, AvtaleGiroType, Record, Text, WrittenNotice,
};

use crate::{Amount, AssignmentHeader, SpecificationLine};

/// AvtaleGiro claims to MPS (assignment type `00`); the header's agreement id is 0: AvtaleGiro's
/// assignment start has none (positions 9-17 are zeros).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AvtaleGiroClaims {
    /// The assignment start (record 20 of service `21`).
    pub header: AssignmentHeader,
    /// The claims, in file order.
    pub claims: Vec<AvtaleGiroClaim>,
}

/// AvtaleGiro cancellation requests to MPS (assignment type `36`): each names the claim it
/// cancels by account, due date, amount and KID (decision A5).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AvtaleGiroCancellations {
    /// The assignment start.
    pub header: AssignmentHeader,
    /// The requests, in file order (transaction type `93`).
    pub cancellations: Vec<AvtaleGiroClaim>,
}

/// AvtaleGiro mandates from MPS (assignment type `24`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AvtaleGiroMandates {
    /// The assignment start.
    pub header: AssignmentHeader,
    /// The mandate records, in file order.
    pub mandates: Vec<AvtaleGiroMandate>,
}

/// An AvtaleGiro claim, or a request to cancel one: items 1 and 2 (30, 31) and its
/// specification lines (49).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AvtaleGiroClaim {
    /// Items 1 and 2, positions 9-15.
    pub transaction_number: u32,
    /// Items 1 and 2, positions 5-6: `02` without notice, `21` with, `93` a cancellation.
    pub transaction_type: AvtaleGiroType,
    /// Item 1, positions 16-21.
    pub due_date: Date,
    /// Item 1, positions 33-49.
    pub amount: Amount,
    /// Item 1, positions 50-74: required in a claim (decision A1); `None` when blank.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_util::opt_kid"))]
    pub kid: Option<Kid>,
    /// Item 2: required in a claim, may be left out of a cancellation request.
    pub names: Option<AvtaleGiroNames>,
    /// The specification records (49) after item 2, in file order.
    pub specification: Vec<SpecificationLine>,
}

/// Item 2 of an AvtaleGiro claim: the payer's short name and the text of the payer's
/// statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AvtaleGiroNames {
    /// Positions 16-25.
    pub short_name: Text<10>,
    /// Positions 51-75.
    pub foreign_reference: Text<25>,
}

/// An AvtaleGiro mandate as MPS lists it (record 70, transaction type `94`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AvtaleGiroMandate {
    /// Positions 9-15.
    pub serial_number: u32,
    /// Position 16: listed, new or changed, deleted.
    pub registration_type: AvtaleGiroRegistration,
    /// Positions 17-41; `None` when blank.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_util::opt_kid"))]
    pub kid: Option<Kid>,
    /// Position 42: whether the payer wants a written notice.
    pub written_notice: WrittenNotice,
}

impl AvtaleGiroClaim {
    /// The claim of its items as read (item 2 when there is one); `None` when the KID cannot
    /// be held.
    pub(crate) fn of(item1: &AvtaleGiroItem1, item2: Option<&AvtaleGiroItem2>) -> Option<Self> {
        Some(Self {
            transaction_number: item1.transaction_number,
            transaction_type: item1.transaction_type,
            due_date: item1.due_date,
            amount: Amount::from_record(item1.amount),
            kid: crate::assemble::kid_of(&item1.kid).ok()?,
            names: item2.map(|i| AvtaleGiroNames {
                short_name: i.short_name,
                foreign_reference: i.foreign_reference,
            }),
            specification: Vec::new(),
        })
    }

    /// Its records: item 1, item 2 when it has one, its specification lines.
    pub(crate) fn records(&self) -> impl Iterator<Item = Record> {
        let item1 = AvtaleGiroItem1 {
            transaction_type: self.transaction_type,
            transaction_number: self.transaction_number,
            due_date: self.due_date,
            amount: self.amount.ore(),
            kid: crate::write::kid_field(self.kid.as_ref()),
        };
        let item2 = self.names.map(|n| AvtaleGiroItem2 {
            transaction_type: self.transaction_type,
            transaction_number: self.transaction_number,
            short_name: n.short_name,
            foreign_reference: n.foreign_reference,
        });
        let number = self.transaction_number;
        let lines = self.specification.iter().map(move |l| {
            Record::AvtaleGiroSpecification(AvtaleGiroSpecification {
                transaction_number: number,
                line: l.line.map_or(0, u32::from),
                column: l.column.map_or(0, u32::from),
                text: l.text,
            })
        });
        std::iter::once(Record::AvtaleGiroItem1(item1))
            .chain(item2.map(Record::AvtaleGiroItem2))
            .chain(lines)
    }
}

impl AvtaleGiroMandate {
    /// The mandate of its record; `None` when the KID cannot be held.
    pub(crate) fn of(record: &MandateRecord) -> Option<Self> {
        Some(Self {
            serial_number: record.serial_number,
            registration_type: record.registration_type,
            kid: crate::assemble::kid_of(&record.kid).ok()?,
            written_notice: record.written_notice,
        })
    }

    /// Its record.
    pub(crate) fn record(&self) -> Record {
        Record::AvtaleGiroMandate(MandateRecord {
            serial_number: self.serial_number,
            registration_type: self.registration_type,
            kid: crate::write::kid_field(self.kid.as_ref()),
            written_notice: self.written_notice,
        })
    }
}

/// Record 20 of an AvtaleGiro assignment of `assignment_type`.
pub(crate) fn start(
    header: &AssignmentHeader,
    assignment_type: AvtaleGiroAssignmentType,
) -> Record {
    Record::AvtaleGiroAssignmentStart(AvtaleGiroAssignmentStart {
        assignment_type,
        assignment_number: header.assignment_number,
        account: crate::write::account_digits(&header.account),
    })
}

/// Record 88 of claims or cancellations: totals, first and last due dates.
pub(crate) fn claims_end(
    assignment_type: AvtaleGiroAssignmentType,
    totals: autogiro_format::Totals,
    dates: (Option<Date>, Option<Date>),
) -> Record {
    Record::AvtaleGiroClaimsEnd(AvtaleGiroClaimsEnd {
        assignment_type,
        totals,
        first_due_date: dates.0,
        last_due_date: dates.1,
    })
}

/// Record 88 of mandates: counts only.
pub(crate) fn mandates_end(totals: autogiro_format::Totals) -> Record {
    Record::AvtaleGiroMandatesEnd(AvtaleGiroMandatesEnd {
        transactions: totals.transactions,
        records: totals.records,
    })
}

impl From<AvtaleGiroClaims> for crate::Assignment {
    fn from(a: AvtaleGiroClaims) -> Self {
        Self::AvtaleGiroClaims(a)
    }
}

impl From<AvtaleGiroCancellations> for crate::Assignment {
    fn from(a: AvtaleGiroCancellations) -> Self {
        Self::AvtaleGiroCancellations(a)
    }
}

impl From<AvtaleGiroMandates> for crate::Assignment {
    fn from(a: AvtaleGiroMandates) -> Self {
        Self::AvtaleGiroMandates(a)
    }
}

/// Writes an AvtaleGiro assignment: its start, its claims' or mandates' records, its end;
/// counted into `t`. The claims it counts (its mandates count as transactions, not claims);
/// `None` for an assignment of another service, left to the caller.
pub(crate) fn write_assignment(
    assignment: &crate::Assignment,
    t: &mut crate::limits::Tally,
    here: crate::write::Place,
    emit: &mut impl FnMut(Record, crate::write::Place) -> Result<(), crate::WriteError>,
) -> Result<Option<u64>, crate::WriteError> {
    let (header, assignment_type, claims) = match assignment {
        crate::Assignment::AvtaleGiroClaims(a) => {
            (&a.header, AvtaleGiroAssignmentType::Claims, &a.claims)
        }
        crate::Assignment::AvtaleGiroCancellations(a) => (
            &a.header,
            AvtaleGiroAssignmentType::Cancellations,
            &a.cancellations,
        ),
        crate::Assignment::AvtaleGiroMandates(a) => {
            emit(start(&a.header, AvtaleGiroAssignmentType::Mandates), here)?;
            for (j, m) in a.mandates.iter().enumerate() {
                t.add(0, None);
                t.records += 1;
                emit(m.record(), here.item(j))?;
            }
            emit(mandates_end(crate::write::totals(t, 2)?), here)?;
            return Ok(Some(0));
        }
        _ => return Ok(None),
    };
    emit(start(header, assignment_type), here)?;
    for (j, claim) in claims.iter().enumerate() {
        t.add(claim.amount.ore(), Some(claim.due_date));
        for record in claim.records() {
            t.records += 1;
            emit(record, here.item(j))?;
        }
    }
    let end = claims_end(
        assignment_type,
        crate::write::totals(t, 2)?,
        (t.first, t.last),
    );
    emit(end, here)?;
    Ok(Some(t.transactions))
}
