//! The fast path of [`Record::parse`] for the records a claims file is made of: 30 and 35
//! amount item 1, 31 and 36 amount item 2, 49 specification.
//!
//! Each of those layouts is turned, from its fields in `layout.rs`, into a [`Classes`]: for every
//! one of the 80 byte positions what the byte must be (a fixed byte, a digit, a text byte, a
//! digit or blank, a blank only where the byte before is one too). [`fits`] checks a whole line
//! against it in one pass without a branch per field, which the compiler runs 16 bytes at a
//! time; the values are then decoded without checking them again (amounts for the sums, dates
//! for the window, numbers for the pairing; text and padded digits are kept as bytes).
//!
//! Anything the classes cannot settle is left to the decoder of the layout, and anything it
//! cannot settle either (a code outside the list, a day that is not in its month, a `Ã` in a
//! text field, which may be UTF-8) makes the fast path give up: [`parse`] returns `None` and the
//! nom parsers of `records/` read the line as before, so that every error is found and worded
//! by the one precise path. The fast path only ever says yes to a line the precise path reads
//! to the same record: the test `the_fast_path_agrees_with_the_precise_one` and the fuzz targets
//! `records` and `mutate` hold it to that.

use crate::layout::{Field, FieldKind, Layout, TRANSACTION_NUMBER};
use crate::parse::{blanks_or_digits_value, ddmmyy_date, digits_value};
use crate::value::{Context, PaddedDigits, Text};
use crate::{
    AmountItem1, AmountItem2, ClaimType, Direction, ErrorCode, RECORD_LEN, Record, RejectedItem2,
    Specification,
};

/// What each byte of a layout must be: one array per class, `1` where the class applies, so
/// that [`fits`] folds them position by position (and the compiler, 16 positions at a time).
#[derive(Debug)]
pub(crate) struct Classes {
    /// The fixed byte ([`FieldKind::Literal`], [`FieldKind::Zeros`], [`FieldKind::Blanks`]).
    fixed: [u8; RECORD_LEN],
    /// `0xFF` where `fixed` applies.
    fixed_mask: [u8; RECORD_LEN],
    /// A digit: numbers, digits, dates, the last column of a payer's reference.
    digit: [u8; RECORD_LEN],
    /// Printable ISO-8859-1 other than `Ã` (`0xC3`, the first byte of UTF-8's Latin-1 letters).
    text: [u8; RECORD_LEN],
    /// A digit or a blank (padded digits, payer's reference).
    padded: [u8; RECORD_LEN],
    /// Within padded digits after their first column: a blank only after a blank.
    padded_after: [u8; RECORD_LEN],
}

impl Classes {
    /// The classes of `layout`'s fields. Codes and numbers-or-blanks are left to the decoder.
    /// Only ever evaluated for a `const`: an index out of bounds would fail the build, not a
    /// run.
    #[allow(clippy::indexing_slicing)]
    pub(crate) const fn of(layout: &Layout) -> Self {
        let mut c = Self {
            fixed: [0; RECORD_LEN],
            fixed_mask: [0; RECORD_LEN],
            digit: [0; RECORD_LEN],
            text: [0; RECORD_LEN],
            padded: [0; RECORD_LEN],
            padded_after: [0; RECORD_LEN],
        };
        let mut f = 0;
        while f < layout.fields.len() {
            let field = &layout.fields[f];
            let mut p = field.first - 1;
            while p < field.last {
                let first = p == field.first - 1;
                match field.kind {
                    FieldKind::Literal(s) => {
                        c.fixed[p] = s.as_bytes()[p + 1 - field.first];
                        c.fixed_mask[p] = 0xFF;
                    }
                    FieldKind::Zeros => {
                        c.fixed[p] = b'0';
                        c.fixed_mask[p] = 0xFF;
                    }
                    FieldKind::Blanks => {
                        c.fixed[p] = b' ';
                        c.fixed_mask[p] = 0xFF;
                    }
                    FieldKind::Number
                    | FieldKind::Digits
                    | FieldKind::Date
                    | FieldKind::OptionalDate
                    | FieldKind::LongDate => c.digit[p] = 1,
                    FieldKind::Text => c.text[p] = 1,
                    FieldKind::PaddedDigits | FieldKind::PayerReference => {
                        c.padded[p] = 1;
                        if !first {
                            c.padded_after[p] = 1;
                        }
                        // Never all blanks: with the blanks a prefix, the last is a digit.
                        if matches!(field.kind, FieldKind::PayerReference) && p + 1 == field.last {
                            c.digit[p] = 1;
                        }
                    }
                    FieldKind::Code(_) | FieldKind::NumberOrBlanks => {}
                }
                p += 1;
            }
            f += 1;
        }
        c
    }
}

/// Whether every byte of `line` is what `classes` says. Two passes over the 80 bytes without a
/// branch: each class test is a bit, folded with `|`. Written with indices (each below
/// [`RECORD_LEN`], the length of every array, so the compiler drops the bounds checks) because
/// the same loop over zipped iterators was not vectorised: four times the instructions.
#[inline(always)]
#[allow(clippy::inline_always)] // The classes are a constant: inlined, the zero arrays vanish.
#[allow(clippy::indexing_slicing)] // `p < RECORD_LEN`, the length of `line` and of each class.
#[allow(clippy::needless_range_loop)] // One index into seven arrays.
#[allow(clippy::needless_bitwise_bool)] // Without a branch: see above.
pub(crate) fn fits(line: &[u8; RECORD_LEN], classes: &Classes) -> bool {
    let mut bad = 0u8;
    for p in 0..RECORD_LEN {
        let b = line[p];
        let not_digit = b.wrapping_sub(b'0') > 9;
        let low = b & 0x7F;
        let not_text = (low < 0x20) | (b == 0x7F) | (b == 0xC3);
        bad |= (b ^ classes.fixed[p]) & classes.fixed_mask[p];
        bad |= u8::from(not_digit) & classes.digit[p];
        bad |= u8::from(not_text) & classes.text[p];
        bad |= u8::from(not_digit & (b != b' ')) & classes.padded[p];
    }
    for p in 1..RECORD_LEN {
        let blank_after_digit = (line[p] == b' ') & (line[p - 1] != b' ');
        bad |= u8::from(blank_after_digit) & classes.padded_after[p];
    }
    bad == 0
}

/// Item 1 of a claim (records 30 and 35, the same columns in both directions).
const ITEM1: Classes = Classes::of(&AmountItem1::LAYOUT_TO_MPS);
/// Rejected item 1 (record 35).
const REJECTED_ITEM1: Classes = Classes::of(&AmountItem1::LAYOUT_REJECTED);
/// Item 2 (record 31).
const ITEM2: Classes = Classes::of(&AmountItem2::LAYOUT);
/// Rejected item 2 (record 36).
const REJECTED_ITEM2: Classes = Classes::of(&RejectedItem2::LAYOUT);
/// Specification (record 49).
const SPECIFICATION: Classes = Classes::of(&Specification::LAYOUT);

/// The bytes of `field` as an array of its width.
#[inline(always)]
#[allow(clippy::inline_always)] // The field is a constant: inlined, the columns are too.
fn array<const W: usize>(line: &[u8; RECORD_LEN], field: &Field) -> Option<[u8; W]> {
    line.get(field.range())?.try_into().ok()
}

/// The number in `field`, whose bytes [`fits`] found to be digits.
#[inline(always)]
#[allow(clippy::inline_always)] // As `array`.
fn number(line: &[u8; RECORD_LEN], field: &Field) -> Option<u64> {
    digits_value(line.get(field.range())?)
}

/// A transaction number (7 digits, below 10^7).
#[inline(always)]
#[allow(clippy::inline_always)] // As `array`.
fn number32(line: &[u8; RECORD_LEN], field: &Field) -> Option<u32> {
    u32::try_from(number(line, field)?).ok()
}

/// The record of `line`, when the fast path can read it; `None` sends it to the precise path.
/// It dispatches on positions 7-8 and the direction as [`Record::parse_precise`] does.
#[inline]
pub(crate) fn parse(line: &[u8; RECORD_LEN], ctx: &Context) -> Option<Record> {
    let to_mps = ctx.direction == Direction::ToMps;
    let [.., b7, b8] = *line.first_chunk::<8>()?;
    match ([b7, b8], to_mps) {
        ([b'3', b'0'], _) => item1(line, &ITEM1, ctx).map(Record::AmountItem1),
        ([b'3', b'5'], false) => item1(line, &REJECTED_ITEM1, ctx).map(Record::RejectedItem1),
        ([b'3', b'1'], _) if fits(line, &ITEM2) => item2(line).map(Record::AmountItem2),
        ([b'3', b'6'], false) if fits(line, &REJECTED_ITEM2) => {
            let item = item2(line)?;
            let code = u16::try_from(number(line, &RejectedItem2::ERROR_CODE)?).ok()?;
            Some(Record::RejectedItem2(RejectedItem2 {
                item,
                error_code: ErrorCode::from_number(code),
            }))
        }
        ([b'4', b'9'], true) if fits(line, &SPECIFICATION) => specification(line),
        _ => None,
    }
}

/// Records 30 and 35.
#[inline(always)]
#[allow(clippy::inline_always)] // One call per record type, with its classes as constants.
fn item1(line: &[u8; RECORD_LEN], classes: &Classes, ctx: &Context) -> Option<AmountItem1> {
    if !fits(line, classes) {
        return None;
    }
    let date: [u8; 6] = array(line, &AmountItem1::DUE_DATE)?;
    Some(AmountItem1 {
        transaction_type: ClaimType::from_code(line.get(4..6)?)?,
        transaction_number: number32(line, &TRANSACTION_NUMBER)?,
        date: ddmmyy_date(&date, ctx)?,
        payer: PaddedDigits::from_field(array(line, &AmountItem1::PAYER)?),
        amount: number(line, &AmountItem1::AMOUNT)?,
        kid: PaddedDigits::from_field(array(line, &AmountItem1::KID)?),
    })
}

/// Positions 1-75 of records 31 and 36, once [`fits`] has checked them.
#[inline(always)]
#[allow(clippy::inline_always)] // As `item1`.
fn item2(line: &[u8; RECORD_LEN]) -> Option<AmountItem2> {
    Some(AmountItem2 {
        transaction_type: ClaimType::from_code(line.get(4..6)?)?,
        transaction_number: number32(line, &TRANSACTION_NUMBER)?,
        short_name: Text::from_field(array(line, &AmountItem2::SHORT_NAME)?),
        own_reference: Text::from_field(array(line, &AmountItem2::OWN_REFERENCE)?),
        foreign_reference: Text::from_field(array(line, &AmountItem2::FOREIGN_REFERENCE)?),
    })
}

/// Record 49, once [`fits`] has checked it: the line and column are digits or all blanks.
fn specification(line: &[u8; RECORD_LEN]) -> Option<Record> {
    let number_or_blank = |field: &Field| blanks_or_digits_value(line.get(field.range())?).ok();
    Some(Record::Specification(Specification {
        transaction_number: number32(line, &TRANSACTION_NUMBER)?,
        line: number_or_blank(&Specification::LINE)?.and_then(|v| u16::try_from(v).ok()),
        column: number_or_blank(&Specification::COLUMN)?.and_then(|v| u8::try_from(v).ok()),
        text: Text::from_field(array(line, &Specification::TEXT)?),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record of the claim types in the valid fixtures takes the fast path (the test in
    /// `tests/format.rs` holds what it reads to the precise path).
    #[test]
    fn the_valid_fixtures_take_the_fast_path() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/ok");
        let mut taken = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let file = std::fs::read(entry.unwrap().path()).unwrap();
            let mut ctx = Context::new(Direction::ToMps);
            for line in file.split(|&b| b == b'\n') {
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                let Ok(line) = <&[u8; RECORD_LEN]>::try_from(line) else {
                    continue;
                };
                if let Ok(Record::TransmissionStart(start)) = Record::parse(line, &ctx) {
                    ctx.direction = start.direction().unwrap();
                }
                let record_type = [line[6], line[7]];
                let claim = matches!(&record_type, b"30" | b"31")
                    || (matches!(&record_type, b"35" | b"36")
                        && ctx.direction == Direction::FromMps)
                    || (&record_type == b"49" && ctx.direction == Direction::ToMps);
                if claim {
                    let fast = parse(line, &ctx);
                    assert!(fast.is_some(), "{}", String::from_utf8_lossy(line));
                    assert_eq!(fast.map(Ok), Some(Record::parse_precise(line, &ctx)));
                    taken += 1;
                }
            }
        }
        assert!(taken > 100, "{taken}");
    }

    /// A class of its own for each kind of field: the digits, text and padded columns of
    /// record 30 are where `docs/records.md` puts them.
    #[test]
    fn the_classes_follow_the_layout() {
        let ones = |a: &[u8; RECORD_LEN]| {
            a.iter()
                .enumerate()
                .filter(|(_, v)| **v != 0)
                .map(|(i, _)| i + 1)
                .collect::<Vec<_>>()
        };
        let mut digits: Vec<usize> = (9..=21).chain(33..=49).collect();
        digits.insert(13, 32); // The payer's last column.
        assert_eq!(ones(&ITEM1.digit), digits);
        assert_eq!(
            ones(&ITEM1.padded),
            (22..=32).chain(50..=74).collect::<Vec<_>>()
        );
        assert_eq!(ones(&ITEM2.text), (16..=75).collect::<Vec<_>>());
        assert_eq!(
            ones(&ITEM1.fixed_mask),
            (1..=4).chain(7..=8).chain(75..=80).collect::<Vec<_>>()
        );
    }
}
