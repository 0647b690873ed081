//! The field combinators every record parser is built from.
//!
//! Each takes a [`Field`] of `layout.rs` (its columns, name and kind) and the rest of an 80-byte
//! record, and returns the rest after the field. Errors are [`RecordError`]s that name the field
//! and its columns; the record dispatcher fills in the record type. A layout's parser calls them
//! in column order; in a debug build each asserts that it starts at its field's first column
//! (the tests parse every layout, so a parser that skipped or swapped a field fails them).
//!
//! The parsers of byte fields (text, digits kept as written, padded digits) check the field and
//! return its bytes where they lie in the line, not a value: the record builds its `Text`,
//! `Digits` or `PaddedDigits` once, straight from the line. A value of up to 40 bytes returned
//! through nom's `Result` was copied through the stack at every level (combinator, layout,
//! record), which cost 8 % of `autogiro validate` (0.167 s -> 0.154 s on a million claims).
//!
//! Every combinator's closure is `#[inline(always)]`: a field is a `&'static` const, so once
//! inlined at its call the width and the columns are constants and the checks compile as if
//! written for that field. Left to itself the compiler keeps one shared closure per combinator
//! (they are no longer generic over the width), called through for every field: 23 % more
//! instructions for `autogiro validate` (callgrind, 100 000 claims).

// Measured (callgrind): a field's width folds into a constant only where it is inlined; see
// `parse.rs`.
#![allow(clippy::inline_always)]

use nom::IResult;
use nom::error::{ErrorKind as NomErrorKind, ParseError};
use time::{Date, Month};

use crate::layout::{Field, FieldKind};
use crate::value::{Code, Context, has_utf8_sequence, is_printable_latin1, padded_digits_problem};
use crate::{ErrorCode, ErrorKind, RECORD_LEN, RecordError};

/// The result of a field parser.
pub(crate) type PResult<'a, O> = IResult<&'a [u8], O, RecordError>;

impl ParseError<&[u8]> for RecordError {
    /// Only reached if a record is shorter than its layout, which the reader rules out by
    /// checking the length first.
    fn from_error_kind(input: &[u8], _kind: NomErrorKind) -> Self {
        let length = RECORD_LEN.saturating_sub(input.len());
        Self {
            record_type: None,
            first_column: 1,
            last_column: RECORD_LEN,
            field: "record",
            kind: ErrorKind::LineLength { length },
            found: Vec::new(),
        }
    }

    fn append(_input: &[u8], _kind: NomErrorKind, other: Self) -> Self {
        other
    }
}

/// The error of `field`, whose bytes start `rest`.
fn fail<'a, O>(rest: &'a [u8], field: &Field, kind: ErrorKind) -> PResult<'a, O> {
    Err(nom::Err::Error(RecordError {
        record_type: None,
        first_column: field.first,
        last_column: field.last,
        field: field.name,
        kind,
        found: rest.get(..field.width()).unwrap_or(rest).to_vec(),
    }))
}

/// Splits off the bytes of `field`, which starts `rest`.
#[inline(always)]
fn take<'a>(rest: &'a [u8], field: &Field) -> PResult<'a, &'a [u8]> {
    debug_assert_eq!(
        RECORD_LEN + 1 - rest.len().min(RECORD_LEN),
        field.first,
        "the parser of `{}` is not at its column",
        field.name
    );
    match rest.split_at_checked(field.width()) {
        Some((bytes, after)) => Ok((after, bytes)),
        None => Err(nom::Err::Error(RecordError::from_error_kind(
            rest,
            NomErrorKind::Eof,
        ))),
    }
}

/// Splits off the bytes of `field` as an array: the width of the value the record keeps them in
/// (`Text<10>`, `Digits<11>`), which must be the field's.
#[inline(always)]
fn take_array<'a, const W: usize>(rest: &'a [u8], field: &Field) -> PResult<'a, &'a [u8; W]> {
    debug_assert_eq!(
        W,
        field.width(),
        "the value of `{}` is not its width",
        field.name
    );
    let (after, bytes) = take(rest, field)?;
    match bytes.try_into() {
        Ok(array) => Ok((after, array)),
        Err(_) => fail(rest, field, ErrorKind::LineLength { length: W }),
    }
}

/// The value of ASCII digits, or `None` if any byte is not a digit. At most 19 digits fit a
/// `u64`; fields have at most 17.
///
/// Numeric fields are most of what the reader parses (2 million amounts, dates and numbers in
/// a file of a million claims), so eight digits at a time are checked and combined in one
/// 64-bit word ([`eight_digits`]); the rest one by one. Always inlined: a field's width is
/// then a constant and the loops unroll.
#[inline(always)]
#[allow(clippy::inline_always)] // Measured: see `fast.rs`'s decoding.
pub(crate) fn digits_value(bytes: &[u8]) -> Option<u64> {
    let mut value = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word: [u8; 8] = chunk.try_into().ok()?;
        value = value * 100_000_000 + eight_digits(word)?;
    }
    let mut rest = chunks.remainder();
    if let Some((word, tail)) = rest.split_first_chunk::<4>() {
        value = value * 10_000 + four_digits(*word)?;
        rest = tail;
    }
    for &b in rest {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        value = value * 10 + u64::from(d);
    }
    Some(value)
}

/// The value of four ASCII digits, most significant first, or `None`: [`eight_digits`] in a
/// 32-bit word (a transaction number has 7 digits, a date 6).
#[inline]
fn four_digits(word: [u8; 4]) -> Option<u64> {
    const HIGH: u32 = 0xF0F0_F0F0;
    const ZEROS: u32 = 0x3030_3030;
    let v = u32::from_le_bytes(word);
    if v & HIGH != ZEROS || v.wrapping_add(0x0606_0606) & HIGH != ZEROS {
        return None;
    }
    let v = v - ZEROS;
    let v = (v.wrapping_mul(10) + (v >> 8)) & 0x00FF_00FF;
    Some(u64::from((v.wrapping_mul(100) + (v >> 16)) & 0x0000_FFFF))
}

/// The value of eight ASCII digits, most significant first, or `None` if one is not a digit.
///
/// Loaded little-endian, the first digit sits in the lowest byte. Each byte is a digit when its
/// high nibble is 3 and adding 6 keeps it so (0x30-0x39). Then neighbouring lanes are combined
/// three times: pairs (`d0 * 10 + d1`), quads (`* 100`), and the two halves (`* 10000`).
#[inline]
fn eight_digits(word: [u8; 8]) -> Option<u64> {
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    let v = u64::from_le_bytes(word);
    if v & HIGH != ZEROS || v.wrapping_add(0x0606_0606_0606_0606) & HIGH != ZEROS {
        return None;
    }
    Some(eight_checked_digits(word))
}

/// Eight `0` bytes in a little-endian word.
pub(crate) const ZEROS: u64 = 0x3030_3030_3030_3030;

/// The value of eight bytes known to be ASCII digits, combined as [`eight_digits`] says
/// (other bytes give some number, never a panic).
#[inline]
pub(crate) fn eight_checked_digits(word: [u8; 8]) -> u64 {
    let v = u64::from_le_bytes(word).wrapping_sub(ZEROS);
    let v = (v.wrapping_mul(10).wrapping_add(v >> 8)) & 0x00FF_00FF_00FF_00FF;
    let v = (v.wrapping_mul(100).wrapping_add(v >> 16)) & 0x0000_FFFF_0000_FFFF;
    (v.wrapping_mul(10_000).wrapping_add(v >> 32)) & 0x0000_0000_FFFF_FFFF
}

/// A fixed value ([`FieldKind::Literal`]): format code `NY`, a service code, a record type, a
/// fixed digit.
pub(crate) fn literal(field: &'static Field) -> impl Fn(&[u8]) -> PResult<'_, ()> {
    #[inline(always)]
    move |rest| {
        let expected = field.literal();
        match take(rest, field) {
            // Byte by byte: a slice `==` calls memcmp, too dear for two bytes per field.
            Ok((after, found)) if found.iter().eq(expected.as_bytes()) => Ok((after, ())),
            _ => fail(rest, field, ErrorKind::Literal(expected)),
        }
    }
}

/// Digits, zero-padded, as a number (at most 17 digits).
pub(crate) fn number(field: &'static Field) -> impl Fn(&[u8]) -> PResult<'_, u64> {
    #[inline(always)]
    move |rest| {
        let (after, bytes) = take(rest, field)?;
        match digits_value(bytes) {
            Some(v) => Ok((after, v)),
            None => fail(rest, field, ErrorKind::Digits),
        }
    }
}

/// Digits (at most 9) as a `u32`.
pub(crate) fn number32(field: &'static Field) -> impl Fn(&[u8]) -> PResult<'_, u32> {
    #[inline(always)]
    move |rest| {
        let (after, v) = number(field)(rest)?;
        // At most 9 digits: below 10^9, which fits a u32.
        Ok((after, u32::try_from(v).unwrap_or(u32::MAX)))
    }
}

/// Digits, or blanks for none.
pub(crate) fn number_or_blanks(
    field: &'static Field,
) -> impl Fn(&[u8]) -> PResult<'_, Option<u64>> {
    #[inline(always)]
    move |rest| {
        let (after, bytes) = take(rest, field)?;
        match blanks_or_digits_value(bytes) {
            Ok(v) => Ok((after, v)),
            Err(()) => fail(rest, field, ErrorKind::DigitsOrBlanks),
        }
    }
}

/// All blanks as `Ok(None)`, digits as their value, anything else `Err(())`
/// ([`FieldKind::NumberOrBlanks`]; the fast path reads it too).
#[inline]
pub(crate) fn blanks_or_digits_value(bytes: &[u8]) -> Result<Option<u64>, ()> {
    if bytes.iter().all(|&b| b == b' ') {
        Ok(None)
    } else {
        digits_value(bytes).map(Some).ok_or(())
    }
}

/// Digits kept as written (identifiers with significant leading zeros): the checked bytes,
/// for `Digits::from_field`.
pub(crate) fn digits<const W: usize>(
    field: &'static Field,
) -> impl Fn(&[u8]) -> PResult<'_, &[u8; W]> {
    #[inline(always)]
    move |rest| {
        let (after, bytes) = take_array::<W>(rest, field)?;
        if bytes.iter().all(u8::is_ascii_digit) {
            Ok((after, bytes))
        } else {
            fail(rest, field, ErrorKind::Digits)
        }
    }
}

/// Digits right-justified and blank-padded, or all blanks ([decision 2](docs/spec-decisions.md#decision-2)): the checked bytes, for
/// `PaddedDigits::from_field`.
pub(crate) fn padded<const W: usize>(
    field: &'static Field,
) -> impl Fn(&[u8]) -> PResult<'_, &[u8; W]> {
    #[inline(always)]
    move |rest| {
        let (after, bytes) = take_array::<W>(rest, field)?;
        match padded_digits_problem(bytes) {
            None => Ok((after, bytes)),
            Some(_) => fail(rest, field, ErrorKind::PaddedDigits),
        }
    }
}

/// The payer's reference or account (record 30/35 positions 22-32, record 70 positions 17-27):
/// padded digits as [`padded`], but never all blanks ([decision 20](docs/spec-decisions.md#decision-20)):
/// a claim without it matches no mandate, a mandate without it has no key.
pub(crate) fn payer<const W: usize>(
    field: &'static Field,
) -> impl Fn(&[u8]) -> PResult<'_, &[u8; W]> {
    #[inline(always)]
    move |rest| {
        let (after, bytes) = take_array::<W>(rest, field)?;
        // Blanks then digits: all blanks exactly when the last column is a blank.
        if padded_digits_problem(bytes).is_some() || !bytes.last().is_some_and(u8::is_ascii_digit) {
            return fail(rest, field, ErrorKind::PayerReference);
        }
        Ok((after, bytes))
    }
}

/// Printable ISO-8859-1 text: the checked bytes, for `Text::from_field`.
pub(crate) fn text<const W: usize>(
    field: &'static Field,
) -> impl Fn(&[u8]) -> PResult<'_, &[u8; W]> {
    #[inline(always)]
    move |rest| {
        let (after, bytes) = take_array::<W>(rest, field)?;
        // Hot path: names and references are mostly printable ASCII, which this one loop
        // (vectorised by the compiler) settles; the upper half of Latin-1 takes the slow path.
        // Without a short cut, so that the compiler checks many bytes at a time.
        if bytes
            .iter()
            .fold(true, |ok, &b| ok & (b.wrapping_sub(0x20) < 0x5F))
        {
            return Ok((after, bytes));
        }
        if !bytes.iter().all(|&b| is_printable_latin1(b)) {
            return fail(rest, field, ErrorKind::Text);
        }
        // Printable Latin-1 can still be UTF-8 in disguise: `Ã¥` is how `å` looks.
        if has_utf8_sequence(bytes) {
            return fail(rest, field, ErrorKind::Utf8Text);
        }
        Ok((after, bytes))
    }
}

/// A code of a code list ([`FieldKind::Code`]): a code that is none of `T`'s is reported against
/// all of them, a code of `T` that this layout does not allow (an assignment type `25` to MPS)
/// against the layout's list.
pub(crate) fn code<T: Code>(field: &'static Field) -> impl Fn(&[u8]) -> PResult<'_, T> {
    #[inline(always)]
    move |rest| {
        let (after, bytes) = take(rest, field)?;
        let allowed = match field.kind {
            FieldKind::Code(list) => list,
            _ => T::CODES,
        };
        // Only a layout that narrows `T`'s list (a file to MPS) looks a code up in its own:
        // both lists are constants, so the others compile to no check at all.
        let narrowed = allowed.len() < T::CODES.len();
        match T::from_code(bytes) {
            Some(v) if !narrowed || allowed.contains(&v.code()) => Ok((after, v)),
            Some(_) => fail(rest, field, ErrorKind::OneOf(allowed)),
            None => fail(rest, field, ErrorKind::OneOf(T::CODES)),
        }
    }
}

/// The three-digit error code of record 36; any three digits ([decision 9](docs/spec-decisions.md#decision-9)).
pub(crate) fn error_code(field: &'static Field) -> impl Fn(&[u8]) -> PResult<'_, ErrorCode> {
    #[inline(always)]
    move |rest| {
        let (after, v) = number(field)(rest)?;
        // Three digits: below 1000.
        let n = u16::try_from(v).unwrap_or(u16::MAX);
        Ok((after, ErrorCode::from_number(n)))
    }
}

/// A calendar date from day, month and full year digits, or `None`.
fn calendar_date(day: u64, month: u64, year: i32) -> Option<Date> {
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

/// Reads `DDMMYY`; `Ok(None)` for `000000`, `Err(())` for anything else that is not a date.
fn ddmmyy(bytes: &[u8; 6], ctx: &Context) -> Result<Option<Date>, ()> {
    if !bytes.iter().all(u8::is_ascii_digit) {
        return Err(());
    }
    if *bytes == *b"000000" {
        return Ok(None);
    }
    ddmmyy_date(bytes, ctx).map(Some).ok_or(())
}

/// The date of six bytes known to be digits, or `None` when they are no date (`000000`
/// included): [`ddmmyy`] checks the digits first, the fast path (`fast.rs`) has checked them in
/// `fits`. Each pair read as two digits, without a division; the day checked against its
/// month's length and the date built from its day of the year, which `time` checks in fewer
/// steps than a calendar date (the claims of a file each have one, so this is on the hot
/// path). The test `ddmmyy_date_is_the_calendar_date` holds it to `time`'s calendar dates.
#[inline]
pub(crate) fn ddmmyy_date(bytes: &[u8; 6], ctx: &Context) -> Option<Date> {
    /// The days of each month (1-12) in a common year.
    const LENGTH: [u8; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    /// The days of a common year before each month (1-12).
    const BEFORE: [u16; 13] = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    // Wrapping: bytes that are not digits give some number, never a panic.
    let pair = |tens: u8, ones: u8| {
        tens.wrapping_sub(b'0')
            .wrapping_mul(10)
            .wrapping_add(ones.wrapping_sub(b'0'))
    };
    let [d0, d1, m0, m1, y0, y1] = *bytes;
    let (day, month, yy) = (pair(d0, d1), pair(m0, m1), pair(y0, y1));
    let year = ctx.full_year(i32::from(yy));
    let leap = time::util::is_leap_year(year);
    let month = usize::from(month);
    // Month 0 has length 0, so no day fits it; a month past 12 is no index.
    let length = LENGTH.get(month)? + u8::from(leap && month == 2);
    if day == 0 || day > length {
        return None;
    }
    let ordinal = BEFORE.get(month)? + u16::from(day) + u16::from(leap && month > 2);
    Date::from_ordinal_date(year, ordinal).ok()
}

/// A required date `DDMMYY` ([decision 6](docs/spec-decisions.md#decision-6) for the century).
pub(crate) fn date<'c>(
    ctx: &'c Context,
    field: &'static Field,
) -> impl Fn(&[u8]) -> PResult<'_, Date> + 'c {
    #[inline(always)]
    move |rest| {
        let (after, bytes) = take_array::<6>(rest, field)?;
        match ddmmyy(bytes, ctx) {
            Ok(Some(d)) => Ok((after, d)),
            _ => fail(rest, field, ErrorKind::Date),
        }
    }
}

/// An optional date `DDMMYY`, `000000` for none.
pub(crate) fn opt_date<'c>(
    ctx: &'c Context,
    field: &'static Field,
) -> impl Fn(&[u8]) -> PResult<'_, Option<Date>> + 'c {
    #[inline(always)]
    move |rest| {
        let (after, bytes) = take_array::<6>(rest, field)?;
        match ddmmyy(bytes, ctx) {
            Ok(d) => Ok((after, d)),
            Err(()) => fail(rest, field, ErrorKind::OptionalDate),
        }
    }
}

/// A required date `DDMMYYYY` (record 74, signatory's birth date).
pub(crate) fn long_date(field: &'static Field) -> impl Fn(&[u8]) -> PResult<'_, Date> {
    #[inline(always)]
    move |rest| {
        let (after, bytes) = take_array::<8>(rest, field)?;
        let [d0, d1, m0, m1, y @ ..] = *bytes;
        let parsed = (|| {
            let year = i32::try_from(digits_value(&y)?).ok()?;
            calendar_date(digits_value(&[d0, d1])?, digits_value(&[m0, m1])?, year)
        })();
        match parsed {
            Some(d) => Ok((after, d)),
            None => fail(rest, field, ErrorKind::LongDate),
        }
    }
}

/// Filler of zeros.
pub(crate) fn zeros(field: &'static Field) -> impl Fn(&[u8]) -> PResult<'_, ()> {
    #[inline(always)]
    move |rest| {
        let (after, bytes) = take(rest, field)?;
        if bytes.iter().all(|&b| b == b'0') {
            Ok((after, ()))
        } else {
            fail(rest, field, ErrorKind::ZeroFiller)
        }
    }
}

/// Filler of blanks.
pub(crate) fn blanks(field: &'static Field) -> impl Fn(&[u8]) -> PResult<'_, ()> {
    #[inline(always)]
    move |rest| {
        let (after, bytes) = take(rest, field)?;
        if bytes.iter().all(|&b| b == b' ') {
            Ok((after, ()))
        } else {
            fail(rest, field, ErrorKind::BlankFiller)
        }
    }
}

#[cfg(test)]
mod tests;
