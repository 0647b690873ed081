//! Every record layout of `docs/records.md`, each record declared once (`declare.rs`,
//! `record!`), by family: `envelope.rs` (10, 20, 89 and the totals), `claims.rs` (30, 31, 35,
//! 36, 49, 88 of claims), `mandates.rs` (70-76, 88 of mandates). A declaration makes the
//! record's type, its fields' consts ([`crate::Field`]), its layouts ([`crate::Layout`]), its
//! parser (the combinators of `parse.rs` in column order), its writer (`encode::Out`) and its
//! fast decoder (`fast.rs`). [`Record`] has a variant per layout and dispatches on positions
//! 7-8 and the direction.

mod avtalegiro;
mod claims;
pub(crate) mod declare;
mod envelope;
mod mandates;
mod ocr;

pub use avtalegiro::{
    AvtaleGiroAssignmentStart, AvtaleGiroClaimsEnd, AvtaleGiroItem1, AvtaleGiroItem2,
    AvtaleGiroMandate, AvtaleGiroMandatesEnd, AvtaleGiroSpecification,
};
pub use claims::{
    AmountItem1, AmountItem2, ClaimsEnd, ClaimsEndFromMps, RejectedItem2, Specification,
};
pub use envelope::{
    AssignmentStart, Totals, TransmissionEnd, TransmissionEndFromMps, TransmissionStart,
};
pub use mandates::{
    MandatePost1, MandatePost1FromMps, MandatePost2, MandatePost2FromMps, MandatePost3,
    MandatePost3FromMps, MandatePost4, MandatePost4FromMps, MandatePost5FromMps, MandatesEnd,
};
pub use ocr::{OcrAssignmentEnd, OcrAssignmentStart, OcrItem1, OcrItem2, OcrItem3};

use declare::{encode_record, parse_record};

use crate::layout::{
    ASSIGNMENT_TYPES, ASSIGNMENT_TYPES_TO_MPS, FORMAT_CODE, Field, Layout, RECORD_TYPE,
    SERVICE_CODE, only_in_other_direction,
};
use crate::parse::digits_value;
use crate::services::{AvtaleGiroAssignmentType, Service};
use crate::value::{Context, has_utf8_sequence};
use crate::{Direction, ErrorKind, RECORD_LEN, RecordError};

/// One record of either direction, one variant per layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Record {
    /// 10 Transmission start (both directions).
    TransmissionStart(TransmissionStart),
    /// 20 Assignment start (both directions).
    AssignmentStart(AssignmentStart),
    /// 30 Amount item 1 (both directions: a claim to MPS, a settled claim from MPS).
    AmountItem1(AmountItem1),
    /// 31 Amount item 2 (both directions).
    AmountItem2(AmountItem2),
    /// 35 Rejected amount item 1 (from MPS).
    RejectedItem1(AmountItem1),
    /// 36 Rejected amount item 2 (from MPS).
    RejectedItem2(RejectedItem2),
    /// 49 Specification (to MPS).
    Specification(Specification),
    /// 70 Mandate post 1 (to MPS).
    MandatePost1(MandatePost1),
    /// 71 Mandate post 2 (to MPS).
    MandatePost2(MandatePost2),
    /// 72 Mandate post 3 (to MPS).
    MandatePost3(MandatePost3),
    /// 74 Mandate post 4 (to MPS).
    MandatePost4(MandatePost4),
    /// 70 Mandate post 1 (from MPS).
    MandatePost1FromMps(MandatePost1FromMps),
    /// 71 Mandate post 2 (from MPS).
    MandatePost2FromMps(MandatePost2FromMps),
    /// 72 Mandate post 3 (from MPS).
    MandatePost3FromMps(MandatePost3FromMps),
    /// 73 Mandate post 4 (from MPS).
    MandatePost4FromMps(MandatePost4FromMps),
    /// 76 Mandate post 5 (from MPS).
    MandatePost5FromMps(MandatePost5FromMps),
    /// 88 Assignment end, claims (to MPS).
    ClaimsEnd(ClaimsEnd),
    /// 88 Assignment end, settled or rejected claims (from MPS).
    ClaimsEndFromMps(ClaimsEndFromMps),
    /// 88 Assignment end, mandates (both directions).
    MandatesEnd(MandatesEnd),
    /// 89 Transmission end (to MPS).
    TransmissionEnd(TransmissionEnd),
    /// 89 Transmission end (from MPS).
    TransmissionEndFromMps(TransmissionEndFromMps),
    /// 20 Assignment start of OCR giro (from MPS).
    OcrAssignmentStart(OcrAssignmentStart),
    /// 30 Amount item 1 of OCR giro (from MPS).
    OcrItem1(OcrItem1),
    /// 31 Amount item 2 of OCR giro (from MPS).
    OcrItem2(OcrItem2),
    /// 32 Amount item 3 of OCR giro (from MPS, types 20 and 21).
    OcrItem3(OcrItem3),
    /// 88 Assignment end of OCR giro (from MPS).
    OcrAssignmentEnd(OcrAssignmentEnd),
    /// 20 Assignment start of AvtaleGiro (claims and cancellations to MPS, mandates from MPS).
    AvtaleGiroAssignmentStart(AvtaleGiroAssignmentStart),
    /// 30 Amount item 1 of an AvtaleGiro claim or cancellation request (to MPS).
    AvtaleGiroItem1(AvtaleGiroItem1),
    /// 31 Amount item 2 of an AvtaleGiro claim or cancellation request (to MPS).
    AvtaleGiroItem2(AvtaleGiroItem2),
    /// 49 Specification of an AvtaleGiro claim (to MPS).
    AvtaleGiroSpecification(AvtaleGiroSpecification),
    /// 88 Assignment end of AvtaleGiro claims or cancellation requests (to MPS).
    AvtaleGiroClaimsEnd(AvtaleGiroClaimsEnd),
    /// 70 Mandate record of AvtaleGiro (from MPS).
    AvtaleGiroMandate(AvtaleGiroMandate),
    /// 88 Assignment end of AvtaleGiro mandates (from MPS).
    AvtaleGiroMandatesEnd(AvtaleGiroMandatesEnd),
}

impl Record {
    /// Parses one record: exactly 80 bytes of ISO-8859-1, without the line break.
    ///
    /// The record type (positions 7-8) and the direction choose the layout; positions 5-6
    /// choose among the layouts of record 88.
    ///
    /// # Errors
    ///
    /// A [`RecordError`] naming the columns, the field, what was expected and what was found:
    /// a line of another length (with a hint when it looks like UTF-8), an unknown record type,
    /// a record of the other direction, or a field that does not hold what its layout says.
    pub fn parse(line: &[u8], ctx: &Context) -> Result<Self, RecordError> {
        // The records of claims take the fast path when they can (`fast.rs`); whatever it
        // cannot settle, a line of another length included, the precise path reads and words.
        if let Ok(whole) = <&[u8; RECORD_LEN]>::try_from(line)
            && let Some(record) = crate::fast::parse(whole, ctx, &mut crate::fast::Dates::default())
        {
            return Ok(record);
        }
        Self::parse_precise(line, ctx)
    }

    /// [`Record::parse`] without its fast path: every record through the nom parsers of its
    /// layout. For the tests and fuzz targets that hold the fast path to it; use `parse`.
    ///
    /// # Errors
    ///
    /// As [`Record::parse`].
    #[doc(hidden)]
    pub fn parse_precise(line: &[u8], ctx: &Context) -> Result<Self, RecordError> {
        if line.len() != RECORD_LEN {
            return Err(length_error(line, line.len()));
        }
        // Two-byte arrays, not slices, so that the dispatch compares integers (slice patterns
        // of string literals call memcmp for every record).
        let record_type: [u8; 2] = line
            .get(6..8)
            .and_then(|b| b.try_into().ok())
            .unwrap_or_default();
        let type_code = line.get(4..6).unwrap_or_default();
        let number = digits_value(&record_type).and_then(|v| u8::try_from(v).ok());
        let to_mps = ctx.direction == Direction::ToMps;
        // The services beside Autogiro, by positions 3-4 (the transmission's records 10 and
        // 89 carry `00`, and are read below whatever they carry). A service code of no
        // service is named as such in a line that starts with the format code `NY`; in any
        // other, the format code is the likelier story, told below.
        if !matches!(record_type, [b'1', b'0'] | [b'8', b'9']) {
            match line.get(2..4).unwrap_or_default() {
                b"09" => return parse_service(line, Service::OcrGiro, record_type, number, ctx),
                b"21" => {
                    return parse_service(line, Service::AvtaleGiro, record_type, number, ctx);
                }
                b"00" | b"01" => {}
                _ if !line.starts_with(b"NY") => {}
                _ => {
                    let e = field_error(line, &SERVICE_CODE, ErrorKind::OneOf(Service::CODES));
                    return Err(e.with_record_opt(number));
                }
            }
        }
        // The record of `$layout`, as the variant `$variant`.
        macro_rules! read {
            ($variant:ident, $layout:expr) => {
                parse_record(line, &$layout, ctx).map(|(_, r)| Self::$variant(r))
            };
        }
        let parsed = match (record_type, to_mps) {
            ([b'1', b'0'], _) => read!(TransmissionStart, TransmissionStart::LAYOUT),
            ([b'2', b'0'], true) => read!(AssignmentStart, AssignmentStart::LAYOUT_TO_MPS),
            ([b'2', b'0'], false) => read!(AssignmentStart, AssignmentStart::LAYOUT_FROM_MPS),
            ([b'3', b'0'], true) => read!(AmountItem1, AmountItem1::LAYOUT_TO_MPS),
            ([b'3', b'0'], false) => read!(AmountItem1, AmountItem1::LAYOUT_FROM_MPS),
            ([b'3', b'1'], _) => read!(AmountItem2, AmountItem2::LAYOUT),
            ([b'3', b'5'], false) => read!(RejectedItem1, AmountItem1::LAYOUT_REJECTED),
            ([b'3', b'6'], false) => read!(RejectedItem2, RejectedItem2::LAYOUT),
            ([b'4', b'9'], true) => read!(Specification, Specification::LAYOUT),
            ([b'7', b'0'], true) => read!(MandatePost1, MandatePost1::LAYOUT),
            ([b'7', b'1'], true) => read!(MandatePost2, MandatePost2::LAYOUT),
            ([b'7', b'2'], true) => read!(MandatePost3, MandatePost3::LAYOUT),
            ([b'7', b'4'], true) => read!(MandatePost4, MandatePost4::LAYOUT),
            ([b'7', b'0'], false) => read!(MandatePost1FromMps, MandatePost1FromMps::LAYOUT),
            ([b'7', b'1'], false) => read!(MandatePost2FromMps, MandatePost2FromMps::LAYOUT),
            ([b'7', b'2'], false) => read!(MandatePost3FromMps, MandatePost3FromMps::LAYOUT),
            ([b'7', b'3'], false) => read!(MandatePost4FromMps, MandatePost4FromMps::LAYOUT),
            ([b'7', b'6'], false) => read!(MandatePost5FromMps, MandatePost5FromMps::LAYOUT),
            ([b'8', b'8'], _) => return parse_assignment_end(line, type_code, ctx),
            ([b'8', b'9'], true) => read!(TransmissionEnd, TransmissionEnd::LAYOUT),
            ([b'8', b'9'], false) => {
                read!(TransmissionEndFromMps, TransmissionEndFromMps::LAYOUT)
            }
            _ => return Err(unknown_record(line, number, ctx.direction)),
        };
        finish(parsed, line, number)
    }

    /// Writes the record as its 80 ISO-8859-1 bytes.
    ///
    /// # Errors
    ///
    /// A [`RecordError`] for the first field whose value does not fit (a number with more
    /// digits than the field, a year that two digits cannot carry).
    pub fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        // A record does not know its direction: the layouts of records 20 and 30 to MPS, whose
        // columns those from MPS share.
        let layout = self.layout(Direction::ToMps);
        match self {
            Self::TransmissionStart(r) => encode_record(r, layout),
            Self::AssignmentStart(r) => encode_record(r, layout),
            Self::AmountItem1(r) | Self::RejectedItem1(r) => encode_record(r, layout),
            Self::AmountItem2(r) => encode_record(r, layout),
            Self::RejectedItem2(r) => encode_record(r, layout),
            Self::Specification(r) => encode_record(r, layout),
            Self::MandatePost1(r) => encode_record(r, layout),
            Self::MandatePost2(r) => encode_record(r, layout),
            Self::MandatePost3(r) => encode_record(r, layout),
            Self::MandatePost4(r) => encode_record(r, layout),
            Self::MandatePost1FromMps(r) => encode_record(r, layout),
            Self::MandatePost2FromMps(r) => encode_record(r, layout),
            Self::MandatePost3FromMps(r) => encode_record(r, layout),
            Self::MandatePost4FromMps(r) => encode_record(r, layout),
            Self::MandatePost5FromMps(r) => encode_record(r, layout),
            Self::ClaimsEnd(r) => encode_record(r, layout),
            Self::ClaimsEndFromMps(r) => encode_record(r, layout),
            Self::MandatesEnd(r) => encode_record(r, layout),
            Self::TransmissionEnd(r) => encode_record(r, layout),
            Self::TransmissionEndFromMps(r) => encode_record(r, layout),
            Self::OcrAssignmentStart(r) => encode_record(r, layout),
            Self::OcrItem1(r) => encode_record(r, layout),
            Self::OcrItem2(r) => encode_record(r, layout),
            Self::OcrItem3(r) => encode_record(r, layout),
            Self::OcrAssignmentEnd(r) => encode_record(r, layout),
            Self::AvtaleGiroAssignmentStart(r) => encode_record(r, layout),
            Self::AvtaleGiroItem1(r) => encode_record(r, layout),
            Self::AvtaleGiroItem2(r) => encode_record(r, layout),
            Self::AvtaleGiroSpecification(r) => encode_record(r, layout),
            Self::AvtaleGiroClaimsEnd(r) => encode_record(r, layout),
            Self::AvtaleGiroMandate(r) => encode_record(r, layout),
            Self::AvtaleGiroMandatesEnd(r) => encode_record(r, layout),
        }
    }

    /// The layout of this record in files of `direction`. Records 20 and 30 have one type
    /// for both directions and a layout for each (the codes a file to MPS allows, the name of
    /// the date); every other type has one layout, whatever `direction` says.
    pub fn layout(&self, direction: Direction) -> &'static Layout {
        let to_mps = direction == Direction::ToMps;
        match self {
            Self::TransmissionStart(_) => &TransmissionStart::LAYOUT,
            Self::AssignmentStart(_) if to_mps => &AssignmentStart::LAYOUT_TO_MPS,
            Self::AssignmentStart(_) => &AssignmentStart::LAYOUT_FROM_MPS,
            Self::AmountItem1(_) if to_mps => &AmountItem1::LAYOUT_TO_MPS,
            Self::AmountItem1(_) => &AmountItem1::LAYOUT_FROM_MPS,
            Self::AmountItem2(_) => &AmountItem2::LAYOUT,
            Self::RejectedItem1(_) => &AmountItem1::LAYOUT_REJECTED,
            Self::RejectedItem2(_) => &RejectedItem2::LAYOUT,
            Self::Specification(_) => &Specification::LAYOUT,
            Self::MandatePost1(_) => &MandatePost1::LAYOUT,
            Self::MandatePost2(_) => &MandatePost2::LAYOUT,
            Self::MandatePost3(_) => &MandatePost3::LAYOUT,
            Self::MandatePost4(_) => &MandatePost4::LAYOUT,
            Self::MandatePost1FromMps(_) => &MandatePost1FromMps::LAYOUT,
            Self::MandatePost2FromMps(_) => &MandatePost2FromMps::LAYOUT,
            Self::MandatePost3FromMps(_) => &MandatePost3FromMps::LAYOUT,
            Self::MandatePost4FromMps(_) => &MandatePost4FromMps::LAYOUT,
            Self::MandatePost5FromMps(_) => &MandatePost5FromMps::LAYOUT,
            Self::ClaimsEnd(_) => &ClaimsEnd::LAYOUT,
            Self::ClaimsEndFromMps(_) => &ClaimsEndFromMps::LAYOUT,
            Self::MandatesEnd(_) => &MandatesEnd::LAYOUT,
            Self::TransmissionEnd(_) => &TransmissionEnd::LAYOUT,
            Self::TransmissionEndFromMps(_) => &TransmissionEndFromMps::LAYOUT,
            Self::OcrAssignmentStart(_) => &OcrAssignmentStart::LAYOUT,
            Self::OcrItem1(_) => &OcrItem1::LAYOUT,
            Self::OcrItem2(_) => &OcrItem2::LAYOUT,
            Self::OcrItem3(_) => &OcrItem3::LAYOUT,
            Self::OcrAssignmentEnd(_) => &OcrAssignmentEnd::LAYOUT,
            Self::AvtaleGiroAssignmentStart(r) => {
                // Claims and cancellations go to MPS, mandates come from it.
                if r.assignment_type == AvtaleGiroAssignmentType::Mandates {
                    &AvtaleGiroAssignmentStart::LAYOUT_FROM_MPS
                } else {
                    &AvtaleGiroAssignmentStart::LAYOUT_TO_MPS
                }
            }
            Self::AvtaleGiroItem1(_) => &AvtaleGiroItem1::LAYOUT,
            Self::AvtaleGiroItem2(_) => &AvtaleGiroItem2::LAYOUT,
            Self::AvtaleGiroSpecification(_) => &AvtaleGiroSpecification::LAYOUT,
            Self::AvtaleGiroClaimsEnd(_) => &AvtaleGiroClaimsEnd::LAYOUT,
            Self::AvtaleGiroMandate(_) => &AvtaleGiroMandate::LAYOUT,
            Self::AvtaleGiroMandatesEnd(_) => &AvtaleGiroMandatesEnd::LAYOUT,
        }
    }

    /// The record type, positions 7-8.
    pub fn record_type(&self) -> u8 {
        self.layout(Direction::ToMps).record_type
    }

    /// The direction whose files hold this record's type; `None` for types both directions
    /// share.
    pub fn direction(&self) -> Option<Direction> {
        let (to, from) = (
            self.layout(Direction::ToMps).direction,
            self.layout(Direction::FromMps).direction,
        );
        if to == from { to } else { None }
    }

    /// The record's name in `docs/records.md`, for messages.
    pub fn name(&self) -> &'static str {
        self.layout(Direction::ToMps).name
    }

    /// The service the record belongs to; `None` for the transmission's start and end, which
    /// every service shares.
    pub fn service(&self) -> Option<Service> {
        self.layout(Direction::ToMps).service()
    }
}

/// A record of OCR giro or AvtaleGiro, by its record type and the direction (and for
/// AvtaleGiro's record 88, its assignment type).
fn parse_service(
    line: &[u8],
    service: Service,
    record_type: [u8; 2],
    number: Option<u8>,
    ctx: &Context,
) -> Result<Record, RecordError> {
    let to_mps = ctx.direction == Direction::ToMps;
    macro_rules! read {
        ($variant:ident, $layout:expr) => {
            parse_record(line, &$layout, ctx).map(|(_, r)| Record::$variant(r))
        };
    }
    let parsed = match (service, record_type, to_mps) {
        (Service::OcrGiro, [b'2', b'0'], false) => {
            read!(OcrAssignmentStart, OcrAssignmentStart::LAYOUT)
        }
        (Service::OcrGiro, [b'3', b'0'], false) => read!(OcrItem1, OcrItem1::LAYOUT),
        (Service::OcrGiro, [b'3', b'1'], false) => read!(OcrItem2, OcrItem2::LAYOUT),
        (Service::OcrGiro, [b'3', b'2'], false) => read!(OcrItem3, OcrItem3::LAYOUT),
        (Service::OcrGiro, [b'8', b'8'], false) => {
            read!(OcrAssignmentEnd, OcrAssignmentEnd::LAYOUT)
        }
        (Service::AvtaleGiro, [b'2', b'0'], true) => read!(
            AvtaleGiroAssignmentStart,
            AvtaleGiroAssignmentStart::LAYOUT_TO_MPS
        ),
        (Service::AvtaleGiro, [b'2', b'0'], false) => read!(
            AvtaleGiroAssignmentStart,
            AvtaleGiroAssignmentStart::LAYOUT_FROM_MPS
        ),
        (Service::AvtaleGiro, [b'3', b'0'], true) => {
            read!(AvtaleGiroItem1, AvtaleGiroItem1::LAYOUT)
        }
        (Service::AvtaleGiro, [b'3', b'1'], true) => {
            read!(AvtaleGiroItem2, AvtaleGiroItem2::LAYOUT)
        }
        (Service::AvtaleGiro, [b'4', b'9'], true) => {
            read!(AvtaleGiroSpecification, AvtaleGiroSpecification::LAYOUT)
        }
        (Service::AvtaleGiro, [b'8', b'8'], true) => {
            read!(AvtaleGiroClaimsEnd, AvtaleGiroClaimsEnd::LAYOUT)
        }
        (Service::AvtaleGiro, [b'7', b'0'], false) => {
            read!(AvtaleGiroMandate, AvtaleGiroMandate::LAYOUT)
        }
        (Service::AvtaleGiro, [b'8', b'8'], false) => {
            read!(AvtaleGiroMandatesEnd, AvtaleGiroMandatesEnd::LAYOUT)
        }
        _ => {
            let kind = ErrorKind::UnknownServiceRecord {
                service,
                direction: ctx.direction,
            };
            return Err(field_error(line, &RECORD_TYPE, kind).with_record_opt(number));
        }
    };
    finish(parsed, line, number)
}

/// The parse result of a layout as the record's result, its errors tagged with the record type.
fn finish(
    parsed: Result<Record, nom::Err<RecordError>>,
    line: &[u8],
    record_type: Option<u8>,
) -> Result<Record, RecordError> {
    parsed.map_err(|e| {
        let mut e = match e {
            nom::Err::Error(e) | nom::Err::Failure(e) => e,
            nom::Err::Incomplete(_) => length_error(line, line.len()),
        };
        e.record_type = record_type;
        e
    })
}

/// Record 88, whose layout depends on the assignment type (positions 5-6) and the direction.
fn parse_assignment_end(
    line: &[u8],
    type_code: &[u8],
    ctx: &Context,
) -> Result<Record, RecordError> {
    let to_mps = ctx.direction == Direction::ToMps;
    let parsed = match (type_code, to_mps) {
        (b"00", true) => {
            parse_record(line, &ClaimsEnd::LAYOUT, ctx).map(|(_, r)| Record::ClaimsEnd(r))
        }
        (b"00" | b"25", false) => parse_record(line, &ClaimsEndFromMps::LAYOUT, ctx)
            .map(|(_, r)| Record::ClaimsEndFromMps(r)),
        (b"24", _) => {
            parse_record(line, &MandatesEnd::LAYOUT, ctx).map(|(_, r)| Record::MandatesEnd(r))
        }
        _ => {
            let codes = if to_mps {
                ASSIGNMENT_TYPES_TO_MPS
            } else {
                ASSIGNMENT_TYPES
            };
            return Err(field_error(
                line,
                &AssignmentStart::ASSIGNMENT_TYPE,
                ErrorKind::OneOf(codes),
            )
            .with_record(88));
        }
    };
    finish(parsed, line, Some(88))
}

/// The error for a record type that no layout of `direction` has: one of the other
/// direction, or none at all (then a wrong format code is the likelier story).
fn unknown_record(line: &[u8], number: Option<u8>, direction: Direction) -> RecordError {
    if number.is_some_and(|n| only_in_other_direction(n, direction)) {
        return field_error(line, &RECORD_TYPE, ErrorKind::WrongDirection { direction })
            .with_record_opt(number);
    }
    if FORMAT_CODE.bytes(line) != FORMAT_CODE.literal().as_bytes() {
        return field_error(
            line,
            &FORMAT_CODE,
            ErrorKind::Literal(FORMAT_CODE.literal()),
        );
    }
    field_error(line, &RECORD_TYPE, ErrorKind::UnknownRecordType(direction))
}

impl RecordError {
    fn with_record(mut self, record_type: u8) -> Self {
        self.record_type = Some(record_type);
        self
    }

    fn with_record_opt(mut self, record_type: Option<u8>) -> Self {
        self.record_type = record_type;
        self
    }
}

/// The error of `field` in an 80-byte record.
fn field_error(line: &[u8], field: &Field, kind: ErrorKind) -> RecordError {
    RecordError {
        record_type: None,
        first_column: field.first,
        last_column: field.last,
        field: field.name,
        kind,
        found: field.bytes(line).to_vec(),
    }
}

/// The error for a line of `length` bytes, not 80, of which `line` holds the first (all, or as
/// many as the reader kept): it points past the record's end for a long line, at the missing
/// columns for a short one, and says so when the line reads as UTF-8.
pub(crate) fn length_error(line: &[u8], length: usize) -> RecordError {
    // UTF-8 all through (a cut at the end of what the reader kept aside), with non-ASCII in it.
    let utf8 = match std::str::from_utf8(line) {
        Ok(s) => !s.is_ascii(),
        Err(e) => e.error_len().is_none() && has_utf8_sequence(line),
    };
    let (first_column, last_column) = match length {
        0 => (1, RECORD_LEN),
        n if n < RECORD_LEN => (n + 1, RECORD_LEN),
        n => (RECORD_LEN + 1, n),
    };
    let kind = if utf8 {
        ErrorKind::LooksLikeUtf8 { length }
    } else {
        ErrorKind::LineLength { length }
    };
    RecordError {
        record_type: None,
        first_column,
        last_column,
        field: "record",
        kind,
        found: line.get(..RecordError::MAX_QUOTED).unwrap_or(line).to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses a line written as a Rust string, encoded as ISO-8859-1.
    fn parse(line: &str, direction: Direction) -> Result<Record, RecordError> {
        let latin1: Vec<u8> = line.chars().map(|c| u8::try_from(c).unwrap()).collect();
        Record::parse(&latin1, &Context::new(direction))
    }

    fn err(line: &str, direction: Direction) -> String {
        parse(line, direction).unwrap_err().to_string()
    }

    #[test]
    fn assignment_end_layouts_follow_assignment_type_and_direction() {
        let settled =
            "NY010088000000010000000400000000000012500150126150126150126000000000000000000000";
        assert!(matches!(
            parse(settled, Direction::FromMps),
            Ok(Record::ClaimsEndFromMps(_))
        ));
        // The same bytes to MPS: positions 54-59 must be filler.
        assert_eq!(
            err(settled, Direction::ToMps),
            "columns 54-80 (record 88, filler): expected 27 zeros (filler), found \"150126000000000000000000000\""
        );
        let rejected =
            "NY012588000000010000000400000000000012500150126150126150126000000000000000000000";
        assert_eq!(
            err(rejected, Direction::ToMps),
            "columns 5-6 (record 88, assignment type): expected one of 00, 24, found \"25\""
        );
        let unknown =
            "NY019988000000010000000400000000000012500150126150126150126000000000000000000000";
        assert_eq!(
            err(unknown, Direction::FromMps),
            "columns 5-6 (record 88, assignment type): expected one of 00, 24, 25, found \"99\""
        );
    }

    #[test]
    fn outbound_mandate_posts_check_their_blank_fillers() {
        let post2 =
            "NY0122710000001Ærlig Ås AS                   Storgata 1                    00000";
        assert!(matches!(
            parse(post2, Direction::ToMps),
            Ok(Record::MandatePost2(_))
        ));
        assert_eq!(
            err(post2, Direction::FromMps),
            "columns 46-75 (record 71, filler): expected 30 blanks (filler), found \"Storgata 1                    \""
        );
        let post5 =
            "NY0122760000001        000000000000125000202260000000000000000000000000000000000";
        match parse(post5, Direction::FromMps) {
            Ok(Record::MandatePost5FromMps(p)) => assert_eq!(p.charged_in_period, Some(12500)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn prefix_errors_point_at_their_columns() {
        let start =
            "NY010010000123450000017000080800000000000000000000000000000000000000000000000000";
        assert_eq!(
            err(start, Direction::ToMps),
            "columns 3-4 (record 10, service code): expected `00`, found \"01\""
        );
        let spec =
            "NY010249000000230011Husleie februar                         00000000000000000000";
        assert_eq!(
            err(spec, Direction::ToMps),
            "columns 5-6 (record 49, transaction type): expected `03`, found \"02\""
        );
        assert_eq!(
            err(spec, Direction::FromMps),
            "columns 7-8 (record 49, record type): expected a record type of files from MPS; this one exists only in files to MPS, found \"49\""
        );
    }

    #[test]
    fn every_record_names_its_type_and_direction() {
        let line =
            "NY000010000123450000017000080800000000000000000000000000000000000000000000000000";
        let record = parse(line, Direction::ToMps).unwrap();
        assert_eq!(
            (record.record_type(), record.direction(), record.name()),
            (10, None, "transmission start")
        );
    }
}
