//! The fast path of [`Record::parse`] for the records a claims file is made of: 30 and 35
//! amount item 1, 31 and 36 amount item 2, 49 specification; and OCR giro's payments, 30, 31
//! and 32 of service `09`.
//!
//! Each of those layouts is turned, from its fields in `layout.rs`, into a [`Classes`]: for every
//! one of the 80 byte positions what the byte must be (a fixed byte, a digit, a text byte, a
//! digit or blank, a blank only where the byte before is one too). [`fits`] checks a whole line
//! against it in one pass without a branch per field, which the compiler runs 16 bytes at a
//! time; the values are then decoded without checking them again (amounts for the sums, dates
//! for the window, numbers for the pairing; text and padded digits are kept as bytes) by the
//! record's fast decoder, which its declaration makes (`records/declare.rs`: `Value::fast` of
//! each member, given the layout's fields). The numbers here are read without a check
//! ([`number`]), where `parse::digits_value` checks each digit: `fits` has.
//!
//! Anything the classes cannot settle is left to the decoder of the layout, and anything it
//! cannot settle either (a code outside the list, a day that is not in its month, a `Ã` in a
//! text field, which may be UTF-8) makes the fast path give up: [`parse`] returns `None` and the
//! nom parsers of `records/` read the line as before, so that every error is found and worded
//! by the one precise path. The fast path only ever says yes to a line the precise path reads
//! to the same record: the test `the_fast_path_agrees_with_the_precise_one` and the fuzz targets
//! `records` and `mutate` hold it to that.

use crate::layout::{Field, FieldKind, Layout};
use crate::parse::{ZEROS, ddmmyy_date, eight_checked_digits};
use crate::records::declare::Value;
use crate::value::Context;
use crate::{
    AmountItem1, AmountItem2, Direction, OcrItem1, OcrItem2, OcrItem3, RECORD_LEN, Record,
    RejectedItem2, Specification,
};
use time::Date;

/// What each byte of a layout must be, as arrays of the 80 positions that [`fits`] folds
/// position by position (and the compiler, 16 positions at a time). Most classes are a range
/// of bytes: a fixed byte ([`FieldKind::Literal`], [`FieldKind::Zeros`], [`FieldKind::Blanks`])
/// is the range of itself, a digit `0`-`9`, a text byte `0x20`-`0xFF` less the bytes `text`
/// excludes, any byte where the decoder decides (codes, numbers or blanks). A padded digit is a
/// digit once a blank there is read as `0`; that its blanks come first is `padded_after`'s.
#[derive(Debug)]
pub(crate) struct Classes {
    /// The lowest byte allowed.
    low: [u8; RECORD_LEN],
    /// The highest byte allowed.
    high: [u8; RECORD_LEN],
    /// `0x10` in padded digits, where a blank (`0x20`) is read as a `0` (`0x30`) first.
    blank_as_zero: [u8; RECORD_LEN],
    /// `1` in text: none of the C1 controls `0x80`-`0x9F`, DEL `0x7F` and `Ã` (`0xC3`, the
    /// first byte of UTF-8's Latin-1 letters), which the range `0x20`-`0xFF` lets through.
    text: [u8; RECORD_LEN],
    /// `1` within padded digits after their first column: a blank only after a blank.
    padded_after: [u8; RECORD_LEN],
    /// Whether each [`LANES`] positions of the line hold text, padded digits: where not, the
    /// tests of those classes are left out of [`fits`] (the classes are constants, so this is
    /// settled when the program is built).
    vectors: [Kinds; VECTORS],
}

/// The positions [`fits`] tests at a time: one SSE2 vector of bytes.
const LANES: usize = 16;

/// The vectors of a line: 80 bytes are five of [`LANES`], with no remainder.
const VECTORS: usize = RECORD_LEN / LANES;

/// Which tests of [`fits`] one vector of a layout needs beside the range of each byte.
#[derive(Debug, Clone, Copy)]
struct Kinds {
    /// Some position is text (`Classes::text`).
    text: bool,
    /// Some position is a padded digit (`Classes::blank_as_zero`, `Classes::padded_after`).
    padded: bool,
}

impl Classes {
    /// The classes of `layout`'s fields. Codes and numbers-or-blanks are left to the decoder.
    /// Only ever evaluated for a `const`: an index out of bounds would fail the build, not a
    /// run.
    #[allow(clippy::indexing_slicing)]
    pub(crate) const fn of(layout: &Layout) -> Self {
        let mut c = Self {
            low: [0; RECORD_LEN],
            high: [0xFF; RECORD_LEN],
            blank_as_zero: [0; RECORD_LEN],
            text: [0; RECORD_LEN],
            padded_after: [0; RECORD_LEN],
            vectors: [Kinds {
                text: false,
                padded: false,
            }; VECTORS],
        };
        let mut f = 0;
        while f < layout.fields.len() {
            let field = &layout.fields[f];
            let mut p = field.first - 1;
            while p < field.last {
                let first = p == field.first - 1;
                let last = p + 1 == field.last;
                let (low, high) = match field.kind {
                    FieldKind::Literal(s) => {
                        let byte = s.as_bytes()[p + 1 - field.first];
                        (byte, byte)
                    }
                    FieldKind::Zeros => (b'0', b'0'),
                    FieldKind::Blanks => (b' ', b' '),
                    FieldKind::Number
                    | FieldKind::Digits
                    | FieldKind::Date
                    | FieldKind::OptionalDate
                    | FieldKind::LongDate => (b'0', b'9'),
                    FieldKind::Text => {
                        c.text[p] = 1;
                        c.vectors[p / LANES].text = true;
                        (0x20, 0xFF)
                    }
                    FieldKind::PaddedDigits | FieldKind::PayerReference => {
                        // Never all blanks: with the blanks a prefix, the last is a digit.
                        if !(last && matches!(field.kind, FieldKind::PayerReference)) {
                            c.blank_as_zero[p] = 0x10;
                        }
                        if !first {
                            c.padded_after[p] = 1;
                        }
                        c.vectors[p / LANES].padded = true;
                        (b'0', b'9')
                    }
                    FieldKind::Code(_) | FieldKind::NumberOrBlanks => (0, 0xFF),
                };
                c.low[p] = low;
                c.high[p] = high;
                p += 1;
            }
            f += 1;
        }
        c
    }
}

/// Whether every byte of `line` is what `classes` says. Each test gives a nonzero byte where
/// it fails, folded with `|` without a branch (SSE2 has the unsigned byte minimum and maximum
/// the range test takes), one vector of [`LANES`] positions after another, written out five
/// times so that each vector's classes are constants: a vector without text or padded digits
/// has no test of them (a loop over the vectors kept all of them, for every layout, and
/// loaded the classes from memory). Written with indices (each below [`RECORD_LEN`], the
/// length of every array, so the compiler drops the bounds checks) because the same tests
/// over zipped iterators were not vectorised.
#[inline(always)]
#[allow(clippy::inline_always)] // The classes are a constant: inlined, the zero arrays vanish.
pub(crate) fn fits(line: &[u8; RECORD_LEN], classes: &Classes) -> bool {
    // Lane by lane, folded across the line before the lanes are: one reduction, not five.
    let mut bad = [0u8; LANES];
    vector::<0>(line, classes, &mut bad);
    vector::<1>(line, classes, &mut bad);
    vector::<2>(line, classes, &mut bad);
    vector::<3>(line, classes, &mut bad);
    vector::<4>(line, classes, &mut bad);
    bad == [0; LANES]
}

/// The tests of [`fits`] on positions `V * LANES` to `V * LANES + LANES - 1`, folded into
/// `bad` lane by lane: nonzero where a byte fails.
#[inline(always)]
#[allow(clippy::inline_always)] // As `fits`.
#[allow(clippy::indexing_slicing)] // `V < VECTORS`: every index is below `RECORD_LEN`.
#[allow(clippy::needless_bitwise_bool)] // Without a branch: see above.
fn vector<const V: usize>(line: &[u8; RECORD_LEN], classes: &Classes, bad: &mut [u8; LANES]) {
    let start = V * LANES;
    let kinds = classes.vectors[V];
    for (i, bad) in bad.iter_mut().enumerate() {
        let p = start + i;
        let b = line[p];
        let blank = b == b' ';
        let read = if kinds.padded {
            b | (0u8.wrapping_sub(u8::from(blank)) & classes.blank_as_zero[p])
        } else {
            b
        };
        *bad |= read.max(classes.low[p]).min(classes.high[p]) ^ read;
        if kinds.text {
            // DEL and the C1 controls, 0x7F-0x9F, are the bytes one above which is 0x80-0xA0:
            // as a signed byte, -128 to -96 (one compare, where the bits took three).
            let control = b.wrapping_add(1).cast_signed() < -95;
            let not_text = control | (b == 0xC3);
            *bad |= u8::from(not_text) & classes.text[p];
        }
        if kinds.padded {
            // The byte before position 1 is no digit: a blank.
            let before = if p == 0 { b' ' } else { line[p - 1] };
            let blank_after_digit = blank & (before != b' ');
            *bad |= u8::from(blank_after_digit) & classes.padded_after[p];
        }
    }
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
/// OCR giro's amount item 1 (record 30 of service `09`).
const OCR_ITEM1: Classes = Classes::of(&OcrItem1::LAYOUT);
/// OCR giro's amount item 2 (record 31 of service `09`).
const OCR_ITEM2: Classes = Classes::of(&OcrItem2::LAYOUT);
/// OCR giro's amount item 3 (record 32 of service `09`).
const OCR_ITEM3: Classes = Classes::of(&OcrItem3::LAYOUT);

/// The number in `field` (at most 19 digits), whose bytes [`fits`] found to be digits, so
/// none is checked again: eight at a time, each word combined without a branch, the first
/// `width % 8` in the word that ends with them, the bytes before the field in it read as
/// zeros. (Copying those few digits into a word of zeros instead was slower for its fewer
/// instructions: a wide load of narrow stores waits for them.) A field within the first eight
/// columns gives up (`None`): none of the claims' numbers is there. The test
/// `the_valid_fixtures_take_the_fast_path` and the fuzz targets hold it to the precise path's
/// `digits_value`.
#[inline(always)]
#[allow(clippy::inline_always)] // As `array`.
pub(crate) fn number(line: &[u8; RECORD_LEN], field: &Field) -> Option<u64> {
    let range = field.range();
    let head = range.len() % 8;
    let mut value = 0;
    if head > 0 {
        let end = range.start + head;
        let word: [u8; 8] = line.get(end.checked_sub(8)?..end)?.try_into().ok()?;
        // Little-endian: the bytes before the field are the low ones.
        let digits = u64::MAX << (8 * (8 - head));
        let word = (u64::from_le_bytes(word) & digits) | (ZEROS & !digits);
        value = eight_checked_digits(word.to_le_bytes());
    }
    let words = line.get(range.start + head..range.end)?;
    for word in words.chunks_exact(8) {
        let word = word.try_into().ok()?;
        value = value
            .wrapping_mul(100_000_000)
            .wrapping_add(eight_checked_digits(word));
    }
    Some(value)
}

/// A transaction number (7 digits, below 10^7).
#[inline(always)]
#[allow(clippy::inline_always)] // As `array`.
pub(crate) fn number32(line: &[u8; RECORD_LEN], field: &Field) -> Option<u32> {
    u32::try_from(number(line, field)?).ok()
}

/// The due dates the fast path has read, by their six bytes, for one year rule: the claims of
/// a file share a few due dates, and building a [`Date`] (checking it against its month, then
/// `time` checking it again) took more than a tenth of the fast path. Each slot holds the last
/// date read whose day and month end in its number; a date not there is read and put there.
/// Only dates are kept, never a `None`, so a line the cache has not seen reads as without it.
/// A slot's key is its six bytes as a word, compared in one step; `0` (no digits) is none.
#[derive(Debug, Clone)]
pub(crate) struct Dates {
    /// The year rule the dates were read in ([`Context::reference_date`]).
    reference: Option<Date>,
    keys: [u64; 32],
    values: [Date; 32],
}

impl Default for Dates {
    fn default() -> Self {
        Self {
            reference: None,
            keys: [0; 32],
            values: [Date::MIN; 32],
        }
    }
}

impl Dates {
    /// The date of `bytes` (digits, as [`fits`] has checked) in `ctx`'s year rule.
    #[inline(always)]
    #[allow(clippy::inline_always)] // Once per claim, on the hot path; the hit is a few steps.
    pub(crate) fn date(&mut self, bytes: [u8; 6], ctx: &Context) -> Option<Date> {
        if self.reference != ctx.reference_date {
            *self = Self {
                reference: ctx.reference_date,
                ..Self::default()
            };
        }
        let [d0, d1, m0, m1, y0, y1] = bytes;
        let key = u64::from_le_bytes([d0, d1, m0, m1, y0, y1, 0, 0]);
        // Consecutive days fall in different slots, and so do the same day of two months.
        let slot = usize::from(d1.wrapping_add(d0.wrapping_mul(10)).wrapping_add(m1)) % 32;
        if self.keys.get(slot) == Some(&key) {
            return self.values.get(slot).copied();
        }
        self.miss(bytes, key, slot, ctx)
    }

    /// A date not in its slot: read, and put there.
    #[cold]
    #[inline(never)]
    fn miss(&mut self, bytes: [u8; 6], key: u64, slot: usize, ctx: &Context) -> Option<Date> {
        let date = ddmmyy_date(&bytes, ctx)?;
        *self.keys.get_mut(slot)? = key;
        *self.values.get_mut(slot)? = date;
        Some(date)
    }
}

/// The record of `line`, when the fast path can read it; `None` sends it to the precise path.
/// It dispatches on positions 7-8 and the direction as [`Record::parse_precise`] does; `dates`
/// are the dates read before, in this line's file ([`Dates`]).
#[inline]
pub(crate) fn parse(line: &[u8; RECORD_LEN], ctx: &Context, dates: &mut Dates) -> Option<Record> {
    let to_mps = ctx.direction == Direction::ToMps;
    let [.., service, _, _, b7, b8] = *line.first_chunk::<8>()?;
    // The second digit of the service code tells Autogiro (`01`) from OCR giro (`09`); the
    // classes check the first (and turn away AvtaleGiro's `21`, read on the precise path).
    if service == b'9' {
        return ocr(line, [b7, b8], to_mps, ctx, dates);
    }
    match ([b7, b8], to_mps) {
        ([b'3', b'0'], true) => {
            decode(line, &AmountItem1::LAYOUT_TO_MPS, &ITEM1, ctx, dates).map(Record::AmountItem1)
        }
        ([b'3', b'0'], false) => {
            decode(line, &AmountItem1::LAYOUT_FROM_MPS, &ITEM1, ctx, dates).map(Record::AmountItem1)
        }
        ([b'3', b'5'], false) => decode(
            line,
            &AmountItem1::LAYOUT_REJECTED,
            &REJECTED_ITEM1,
            ctx,
            dates,
        )
        .map(Record::RejectedItem1),
        ([b'3', b'1'], _) => {
            decode(line, &AmountItem2::LAYOUT, &ITEM2, ctx, dates).map(Record::AmountItem2)
        }
        ([b'3', b'6'], false) => decode(line, &RejectedItem2::LAYOUT, &REJECTED_ITEM2, ctx, dates)
            .map(Record::RejectedItem2),
        ([b'4', b'9'], true) => decode(line, &Specification::LAYOUT, &SPECIFICATION, ctx, dates)
            .map(Record::Specification),
        _ => None,
    }
}

/// The fast path of OCR giro's records (service `09`, files from MPS only).
#[inline(never)]
fn ocr(
    line: &[u8; RECORD_LEN],
    record_type: [u8; 2],
    to_mps: bool,
    ctx: &Context,
    dates: &mut Dates,
) -> Option<Record> {
    match (record_type, to_mps) {
        ([b'3', b'0'], false) => {
            decode(line, &OcrItem1::LAYOUT, &OCR_ITEM1, ctx, dates).map(Record::OcrItem1)
        }
        ([b'3', b'1'], false) => {
            decode(line, &OcrItem2::LAYOUT, &OCR_ITEM2, ctx, dates).map(Record::OcrItem2)
        }
        ([b'3', b'2'], false) => {
            decode(line, &OcrItem3::LAYOUT, &OCR_ITEM3, ctx, dates).map(Record::OcrItem3)
        }
        _ => None,
    }
}

/// The record of `layout` in `line`, when every byte is what `classes` (the layout's) says and
/// its declaration's fast decoder settles the rest.
#[inline(always)]
#[allow(clippy::inline_always)] // One call per layout, with its classes and fields constants.
fn decode<T: Value>(
    line: &[u8; RECORD_LEN],
    layout: &'static Layout,
    classes: &Classes,
    ctx: &Context,
    dates: &mut Dates,
) -> Option<T> {
    if !fits(line, classes) {
        return None;
    }
    T::fast(line, layout.fields, ctx, dates)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ClaimType;
    use crate::value::Text;

    /// Every record of the claim types in the valid fixtures takes the fast path (the test in
    /// `tests/format.rs` holds what it reads to the precise path).
    #[test]
    fn the_valid_fixtures_take_the_fast_path() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/ok");
        let mut taken = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let file = std::fs::read(entry.unwrap().path()).unwrap();
            let mut ctx = Context::new(Direction::ToMps);
            // One cache for the file, as the reader keeps it: dates seen before come from it.
            let mut dates = Dates::default();
            for line in file.split(|&b| b == b'\n') {
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                let Ok(line) = <&[u8; RECORD_LEN]>::try_from(line) else {
                    continue;
                };
                if let Ok(Record::TransmissionStart(start)) = Record::parse(line, &ctx) {
                    ctx.direction = start.direction().unwrap();
                }
                let record_type = [line[6], line[7]];
                let from = ctx.direction == Direction::FromMps;
                let claim = match &line[2..4] {
                    b"01" => {
                        matches!(&record_type, b"30" | b"31")
                            || (matches!(&record_type, b"35" | b"36") && from)
                            || (&record_type == b"49" && !from)
                    }
                    b"09" => matches!(&record_type, b"30" | b"31" | b"32"),
                    _ => false,
                };
                if claim {
                    let fast = parse(line, &ctx, &mut dates);
                    assert!(fast.is_some(), "{}", String::from_utf8_lossy(line));
                    assert_eq!(fast.map(Ok), Some(Record::parse_precise(line, &ctx)));
                    taken += 1;
                }
            }
        }
        assert!(taken > 100, "{taken}");
    }

    /// The text classes say no only to the bytes they name: any other byte the precise path
    /// takes in a text field of item 2 (positions 16-75) is read on the fast path.
    #[test]
    fn text_takes_every_byte_the_precise_path_takes_but_a() {
        let ctx = Context::new(Direction::ToMps);
        let line: [u8; RECORD_LEN] = Record::AmountItem2(AmountItem2 {
            transaction_type: ClaimType::WithoutNotice,
            transaction_number: 1,
            short_name: Text::BLANK,
            own_reference: Text::BLANK,
            foreign_reference: Text::BLANK,
        })
        .encode()
        .unwrap();
        let mut fast = 0;
        for at in 15..75 {
            for byte in 0..=u8::MAX {
                let mut changed = line;
                changed[at] = byte;
                let precise = Record::parse_precise(&changed, &ctx).is_ok();
                let taken = parse(&changed, &ctx, &mut Dates::default()).is_some();
                assert_eq!(taken, precise && byte != 0xC3, "{byte:#04x} at {}", at + 1);
                fast += usize::from(taken);
            }
        }
        // 0x20-0x7E and 0xA0-0xFF but 0xC3, at each of the 60 positions.
        assert_eq!(fast, 60 * (95 + 95));
    }

    /// A class of its own for each kind of field: the digits, text and padded columns of
    /// records 30 and 31 are where `docs/records.md` puts them.
    #[test]
    fn the_classes_follow_the_layout() {
        let columns = |c: &Classes, low: u8, high: u8| {
            (0..RECORD_LEN)
                .filter(|&p| c.low[p] == low && c.high[p] == high)
                .map(|p| p + 1)
                .collect::<Vec<_>>()
        };
        let ones = |a: &[u8; RECORD_LEN]| {
            a.iter()
                .enumerate()
                .filter(|(_, v)| **v != 0)
                .map(|(i, _)| i + 1)
                .collect::<Vec<_>>()
        };
        // Dates, the transaction number, the amount, and the digits or blanks of the payer
        // (22-32) and the KID (50-74).
        let digits: Vec<usize> = (9..=74).collect();
        assert_eq!(columns(&ITEM1, b'0', b'9'), digits);
        let mut padded: Vec<usize> = (22..=31).chain(50..=74).collect();
        // Payer 22-32 (the last always a digit, in a payer's reference), KID 50-74.
        assert_eq!(ones(&ITEM1.blank_as_zero), padded);
        padded.retain(|&p| p != 22 && p != 50);
        padded.insert(9, 32);
        assert_eq!(ones(&ITEM1.padded_after), padded);
        assert_eq!(ones(&ITEM2.text), (16..=75).collect::<Vec<_>>());
        assert_eq!(columns(&ITEM2, 0x20, 0xFF), (16..=75).collect::<Vec<_>>());
        let fixed: Vec<usize> = (0..RECORD_LEN)
            .filter(|&p| ITEM1.low[p] == ITEM1.high[p])
            .map(|p| p + 1)
            .collect();
        assert_eq!(
            fixed,
            (1..=4).chain(7..=8).chain(75..=80).collect::<Vec<_>>()
        );
        assert_eq!(&ITEM1.low[..4], b"NY01");
        assert_eq!(&ITEM1.low[74..], b"000000");
        // The transaction type (5-6) is a code: the decoder's.
        assert_eq!(columns(&ITEM1, 0, 0xFF), vec![5, 6]);
    }
}
