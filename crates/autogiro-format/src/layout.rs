//! Every record layout of `docs/records.md` as data: each field once, with its columns, its name
//! and what it holds; one table of the layouts with their record type, direction and name.
//!
//! The fields and layouts themselves are made by each record's declaration (`records/`,
//! `record!`), from which its parser, encoder and fast decoder come too: each walks the
//! layout's fields in column order. The model's checker (the columns of a cross-record finding)
//! and the fixtures (`cargo xtask fixtures`, which writes broken records by column) take a
//! field's columns and name from here. In a debug build each combinator asserts that it starts
//! where its field does, and the tests hold every table to the 80 columns (no gap, no overlap)
//! and every parser to its table (a field broken alone is reported at that field's columns, by
//! that field's name).

use std::ops::Range;

use crate::Direction;
use crate::services::Service;
use crate::value::{AssignmentType, ClaimType, MandateType, PeriodCode, RegistrationType};

/// What a field holds, as `docs/records.md` describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldKind {
    /// A fixed value: the format code, a service code, the record type, a fixed digit.
    Literal(&'static str),
    /// One code of a list (a transaction, assignment, registration or period code).
    Code(&'static [&'static str]),
    /// Digits with leading zeros, read as a number (counts, amounts, numbers, error codes).
    Number,
    /// Digits, or all blanks for none.
    NumberOrBlanks,
    /// Digits kept as written (an account: its leading zeros count).
    Digits,
    /// Digits right-justified and padded on the left with blanks, or all blanks (the KID).
    PaddedDigits,
    /// The payer's reference or account: digits right-justified, padded with zeros or blanks,
    /// never all blanks.
    PayerReference,
    /// A date `DDMMYY`.
    Date,
    /// A date `DDMMYY`, or `000000` for none.
    OptionalDate,
    /// A date `DDMMYYYY`.
    LongDate,
    /// Printable ISO-8859-1 text, blank-padded on the right.
    Text,
    /// Filler of zeros.
    Zeros,
    /// Filler of blanks.
    Blanks,
}

/// One field of a record layout: its 1-based inclusive columns, its name in `docs/records.md`
/// (the name every message uses), and what it holds.
///
/// ```
/// use autogiro_format::{AmountItem1, FieldKind};
///
/// let kid = AmountItem1::KID;
/// assert_eq!((kid.name, kid.columns(), kid.kind), ("KID", (50, 74), FieldKind::PaddedDigits));
/// let line = b"NY0102300000001150126      1234500000000000012500                123456782000000";
/// assert_eq!(kid.bytes(line), b"                123456782");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The name in `docs/records.md` and in every message.
    pub name: &'static str,
    /// The first column, 1-based.
    pub first: usize,
    /// The last column, 1-based, inclusive.
    pub last: usize,
    /// What the field holds.
    pub kind: FieldKind,
}

impl Field {
    /// A field of columns `first..=last` (1-based).
    pub const fn new(name: &'static str, first: usize, last: usize, kind: FieldKind) -> Self {
        Self {
            name,
            first,
            last,
            kind,
        }
    }

    /// The number of columns.
    pub const fn width(&self) -> usize {
        self.last + 1 - self.first
    }

    /// The first and last column (1-based, inclusive), as diagnostics carry them.
    pub const fn columns(&self) -> (usize, usize) {
        (self.first, self.last)
    }

    /// The field's bytes as a 0-based range of the 80-byte record.
    pub const fn range(&self) -> Range<usize> {
        self.first - 1..self.last
    }

    /// The field's bytes in `record` (fewer if the record is short).
    pub fn bytes<'a>(&self, record: &'a [u8]) -> &'a [u8] {
        let end = self.last.min(record.len());
        record.get(self.first - 1..end).unwrap_or_default()
    }

    /// The fixed value of a [`FieldKind::Literal`] field.
    pub(crate) const fn literal(&self) -> &'static str {
        match self.kind {
            FieldKind::Literal(s) => s,
            _ => "",
        }
    }
}

/// One record layout: the record type (positions 7-8), the direction whose files hold it
/// (`None` for a layout both directions share), its name, and its fields in column order.
///
/// ```
/// use autogiro_format::{Direction, LAYOUTS, Service};
///
/// // The layouts of Autogiro's mandate posts in files from MPS, by name.
/// let posts: Vec<_> = LAYOUTS
///     .iter()
///     .filter(|l| l.direction == Some(Direction::FromMps) && (70..=76).contains(&l.record_type))
///     .filter(|l| l.service() == Some(Service::Autogiro))
///     .map(|l| (l.record_type, l.name))
///     .collect();
/// assert_eq!(posts[0], (70, "mandate post 1"));
/// assert_eq!(posts.len(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The record type, positions 7-8.
    pub record_type: u8,
    /// The direction whose files hold this layout; `None` for a layout both share.
    pub direction: Option<Direction>,
    /// The record's name in `docs/records.md`, for messages.
    pub name: &'static str,
    /// The fields, in column order, covering columns 1-80.
    pub fields: &'static [Field],
}

impl Layout {
    /// Whether files of `direction` hold this layout.
    pub fn in_direction(&self, direction: Direction) -> bool {
        self.direction.is_none_or(|d| d == direction)
    }

    /// The service of the layout, from its service code (positions 3-4); `None` for the
    /// transmission's start and end (`00`), which every service shares.
    pub fn service(&self) -> Option<Service> {
        let code = self.fields.get(1)?.literal();
        Service::from_code(code.as_bytes())
    }
}

const fn field(name: &'static str, first: usize, last: usize, kind: FieldKind) -> Field {
    Field::new(name, first, last, kind)
}

/// Positions 1-2 of every record.
pub const FORMAT_CODE: Field = field("format code", 1, 2, FieldKind::Literal("NY"));
/// Positions 3-4 of records 10 and 89.
pub const SERVICE_CODE_00: Field = field("service code", 3, 4, FieldKind::Literal("00"));
/// Positions 3-4 of every other record.
pub const SERVICE_CODE_01: Field = field("service code", 3, 4, FieldKind::Literal("01"));
/// Positions 3-4 of OCR giro's records.
pub const SERVICE_CODE_09: Field = field("service code", 3, 4, FieldKind::Literal("09"));
/// Positions 3-4 of AvtaleGiro's records.
pub const SERVICE_CODE_21: Field = field("service code", 3, 4, FieldKind::Literal("21"));
/// Positions 5-6 of records 10 and 89.
pub const TRANSMISSION_TYPE: Field = field("transmission type", 5, 6, FieldKind::Literal("00"));

/// Positions 3-4 of any record, before its service is known.
pub const SERVICE_CODE: Field = field("service code", 3, 4, FieldKind::Code(Service::CODES));

/// Positions 7-8 of any record, before its type is known.
pub const RECORD_TYPE: Field = field("record type", 7, 8, FieldKind::Number);

/// Positions 7-8 of every record 88.
pub(crate) const ASSIGNMENT_END: Field = record_type("88");

/// Positions 7-8: the record type `code`.
pub(crate) const fn record_type(code: &'static str) -> Field {
    field("record type", 7, 8, FieldKind::Literal(code))
}

/// Positions 5-6 of records 30, 31, 35 and 36.
pub(crate) const CLAIM_TYPE: Field =
    field("transaction type", 5, 6, FieldKind::Code(ClaimType::CODES));
/// Positions 5-6 of records 70-76.
pub(crate) const MANDATE_TYPE: Field = field(
    "transaction type",
    5,
    6,
    FieldKind::Code(MandateType::CODES),
);
/// Positions 9-15 of records 30, 31, 35, 36 and 49.
pub(crate) const TRANSACTION_NUMBER: Field = field("transaction number", 9, 15, FieldKind::Number);
/// Positions 9-15 of records 70-76.
pub(crate) const SEQUENCE_NUMBER: Field =
    field("mandate sequence number", 9, 15, FieldKind::Number);

/// The assignment type codes a file to MPS may hold (records 20 and 88).
pub(crate) const ASSIGNMENT_TYPES_TO_MPS: &[&str] = &["00", "24"];
/// The registration types a file to MPS may hold (record 70, position 16).
pub(crate) const REGISTRATION_TYPES_TO_MPS: &[&str] = &["1", "2", "3"];
/// All assignment type codes (records 20 and 88 from MPS).
pub(crate) const ASSIGNMENT_TYPES: &[&str] = AssignmentType::CODES;
/// All registration types (record 70 from MPS).
pub(crate) const REGISTRATION_TYPES: &[&str] = RegistrationType::CODES;
/// All period codes (records 70 and 73).
pub(crate) const PERIOD_CODES: &[&str] = PeriodCode::CODES;

/// Every layout of both directions: Autogiro's (and the transmission's) in record type order,
/// then OCR giro's, then AvtaleGiro's.
pub static LAYOUTS: &[&Layout] = &[
    &crate::TransmissionStart::LAYOUT,
    &crate::AssignmentStart::LAYOUT_TO_MPS,
    &crate::AssignmentStart::LAYOUT_FROM_MPS,
    &crate::AmountItem1::LAYOUT_TO_MPS,
    &crate::AmountItem1::LAYOUT_FROM_MPS,
    &crate::AmountItem2::LAYOUT,
    &crate::AmountItem1::LAYOUT_REJECTED,
    &crate::RejectedItem2::LAYOUT,
    &crate::Specification::LAYOUT,
    &crate::MandatePost1::LAYOUT,
    &crate::MandatePost1FromMps::LAYOUT,
    &crate::MandatePost2::LAYOUT,
    &crate::MandatePost2FromMps::LAYOUT,
    &crate::MandatePost3::LAYOUT,
    &crate::MandatePost3FromMps::LAYOUT,
    &crate::MandatePost4FromMps::LAYOUT,
    &crate::MandatePost4::LAYOUT,
    &crate::MandatePost5FromMps::LAYOUT,
    &crate::ClaimsEnd::LAYOUT,
    &crate::ClaimsEndFromMps::LAYOUT,
    &crate::MandatesEnd::LAYOUT,
    &crate::TransmissionEnd::LAYOUT,
    &crate::TransmissionEndFromMps::LAYOUT,
    &crate::OcrAssignmentStart::LAYOUT,
    &crate::OcrItem1::LAYOUT,
    &crate::OcrItem2::LAYOUT,
    &crate::OcrItem3::LAYOUT,
    &crate::OcrAssignmentEnd::LAYOUT,
    &crate::AvtaleGiroAssignmentStart::LAYOUT_TO_MPS,
    &crate::AvtaleGiroAssignmentStart::LAYOUT_FROM_MPS,
    &crate::AvtaleGiroItem1::LAYOUT,
    &crate::AvtaleGiroItem2::LAYOUT,
    &crate::AvtaleGiroSpecification::LAYOUT,
    &crate::AvtaleGiroMandate::LAYOUT,
    &crate::AvtaleGiroClaimsEnd::LAYOUT,
    &crate::AvtaleGiroMandatesEnd::LAYOUT,
];

/// The record types of Autogiro's (and the transmission's) layouts of `direction`, in order,
/// each once.
pub fn record_types(direction: Direction) -> impl Iterator<Item = u8> {
    types(direction, |s| matches!(s, None | Some(Service::Autogiro)))
}

/// The record types of `service`'s layouts of `direction`, in order, each once.
pub fn service_record_types(service: Service, direction: Direction) -> impl Iterator<Item = u8> {
    types(direction, move |s| s == Some(service))
}

/// The record types of the layouts of `direction` whose service `service` takes, in the order
/// of [`LAYOUTS`], each once.
fn types(
    direction: Direction,
    service: impl Fn(Option<Service>) -> bool,
) -> impl Iterator<Item = u8> {
    let mut previous = None;
    LAYOUTS
        .iter()
        .filter(move |l| l.in_direction(direction) && service(l.service()))
        .filter_map(move |l| {
            let new = previous != Some(l.record_type);
            previous = Some(l.record_type);
            new.then_some(l.record_type)
        })
}

/// Whether `record_type` is a record type of the other direction only.
pub(crate) fn only_in_other_direction(record_type: u8, direction: Direction) -> bool {
    let of = |d: Direction| record_types(d).any(|t| t == record_type);
    of(direction.reverse()) && !of(direction)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RECORD_LEN;

    #[test]
    fn every_layout_covers_the_80_columns_in_order() {
        for layout in LAYOUTS {
            let mut next = 1;
            for f in layout.fields {
                assert_eq!(f.first, next, "record {} {}", layout.record_type, f.name);
                assert!(
                    f.last >= f.first,
                    "record {} {}",
                    layout.record_type,
                    f.name
                );
                if let FieldKind::Literal(s) = f.kind {
                    assert_eq!(
                        s.len(),
                        f.width(),
                        "record {} {}",
                        layout.record_type,
                        f.name
                    );
                }
                next = f.last + 1;
            }
            assert_eq!(next, RECORD_LEN + 1, "record {}", layout.record_type);
            assert_eq!(layout.fields[3].name, "record type");
            assert_eq!(
                layout.fields[3].literal(),
                format!("{:02}", layout.record_type)
            );
        }
    }

    #[test]
    fn record_types_per_direction() {
        let list = |d| record_types(d).map(|t| t.to_string()).collect::<Vec<_>>();
        assert_eq!(
            list(Direction::ToMps),
            [
                "10", "20", "30", "31", "49", "70", "71", "72", "74", "88", "89"
            ]
        );
        assert_eq!(
            list(Direction::FromMps),
            [
                "10", "20", "30", "31", "35", "36", "70", "71", "72", "73", "76", "88", "89"
            ]
        );
        assert!(only_in_other_direction(49, Direction::FromMps));
        assert!(!only_in_other_direction(70, Direction::FromMps));
    }
}
