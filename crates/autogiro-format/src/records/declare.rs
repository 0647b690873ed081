//! Each record declared once: [`record!`] takes a record's fields in column order, each with
//! its name, columns and kind (a [`Field`]) and, where it carries a value, the member of the
//! struct that holds it, and makes from that one list the struct, the field consts, the record's
//! [`Layout`]s, its `nom` parser, its encoder and its fast decoder (`fast.rs`). Adding a field or
//! a record is one edit of its declaration.
//!
//! How a value is read, written and decoded is said once per Rust type, by [`Value`], whatever
//! record it is in: a `u64` in a [`FieldKind::Number`] field is read by `parse::number`,
//! written by `Out::num`, decoded by `fast::number`. A member whose type is itself a declared
//! record (the totals of records 88 and 89, item 2 inside record 36, post 1 inside the post 1
//! from MPS) takes that record's fields in its place, read from the enclosing layout: so a
//! layout may narrow a field of the part it holds (the registration types of a post 1 from MPS)
//! and the part's parser reads the narrowed field.
//!
//! A layout is the declaration's fields, some of them replaced by a field of the same columns
//! (`with`: the record type `35` in place of `30`, the processing date in place of the due date)
//! and fixed fields added at the end (`then`: the filler after item 2's positions 1-75, which
//! record 36 fills with its error code). The parser, encoder and decoder of a layout are those of
//! its record, given the layout's fields, so the names in every message are the layout's.

// Measured (callgrind): a field's width folds into a constant only where it is inlined; see
// `parse.rs`.
#![allow(clippy::inline_always)]

use time::Date;

use crate::encode::Out;
use crate::fast::{self, Dates};
use crate::layout::{Field, FieldKind};
use crate::parse::{
    PResult, blanks, blanks_or_digits_value, code, date, digits, error_code, literal, long_date,
    number, number_or_blanks, number32, opt_date, padded, payer, text, zeros,
};
use crate::records::length_error;
use crate::services::{
    AvtaleGiroAssignmentType, AvtaleGiroRegistration, AvtaleGiroType, OcrSign, OcrType,
    WrittenNotice,
};
use crate::value::{Code, Context, Digits, PaddedDigits, Text};
use crate::{
    AssignmentType, ClaimType, ErrorCode, MandateType, PeriodCode, RECORD_LEN, RegistrationType,
};

/// How a member of a declared record is read from its fields, written to them, and decoded on
/// the fast path. `fields` start at the member's first field: the layout's own, so that the
/// names and codes are the layout's.
pub(crate) trait Value: Sized {
    /// How many fields of a layout the member takes: one, or a declared record's count.
    const COUNT: usize = 1;

    /// Reads the member from the start of `i` (the nom parsers of `parse.rs`).
    fn parse<'a>(i: &'a [u8], fields: &'static [Field], ctx: &Context) -> PResult<'a, Self>;

    /// Writes the member into `out` (the writers of `encode.rs`).
    fn encode(&self, out: &mut Out, fields: &[Field]);

    /// Decodes the member from a whole line that `fast::fits` has checked against the
    /// layout's classes; `None` where the classes leave something unsettled that the line
    /// does not hold (a code outside the list, a day that is not in its month), which sends
    /// the line to the precise path.
    fn fast(
        line: &[u8; RECORD_LEN],
        fields: &[Field],
        ctx: &Context,
        dates: &mut Dates,
    ) -> Option<Self>;
}

/// The fields from `at` on: where the member at `at` reads. A declaration's layout has as many
/// fields as its members take (it is built from them), so none runs out; were one to, it would
/// read no field and fail ([`first`]).
#[inline(always)]
pub(crate) fn rest(fields: &[Field], at: usize) -> &[Field] {
    fields.get(at..).unwrap_or_default()
}

/// The one field of a single-field member, or the error of a layout with too few fields.
#[inline(always)]
fn first(
    i: &[u8],
    fields: &'static [Field],
) -> Result<&'static Field, nom::Err<crate::RecordError>> {
    fields
        .first()
        .ok_or_else(|| nom::Err::Failure(length_error(i, i.len())))
}

/// The field's bytes as an array of the member's width; `None` if they differ (never, for a
/// declared layout: the tests hold every member to its field's width).
#[inline(always)]
fn array<const W: usize>(line: &[u8; RECORD_LEN], fields: &[Field]) -> Option<[u8; W]> {
    line.get(fields.first()?.range())?.try_into().ok()
}

/// The fixed fields: a literal (format code, service code, record type, a fixed digit), zeros
/// or blanks. On the fast path there is nothing to decode: `fits` has checked every byte.
impl Value for () {
    #[inline(always)]
    fn parse<'a>(i: &'a [u8], fields: &'static [Field], _: &Context) -> PResult<'a, Self> {
        let field = first(i, fields)?;
        match field.kind {
            FieldKind::Zeros => zeros(field)(i),
            FieldKind::Blanks => blanks(field)(i),
            _ => literal(field)(i),
        }
    }

    #[inline(always)]
    fn encode(&self, out: &mut Out, fields: &[Field]) {
        if let Some(field) = fields.first() {
            match field.kind {
                FieldKind::Zeros => out.zeros(field),
                FieldKind::Blanks => out.blanks(field),
                _ => out.lit(field),
            };
        }
    }

    #[inline(always)]
    fn fast(_: &[u8; RECORD_LEN], _: &[Field], _: &Context, _: &mut Dates) -> Option<Self> {
        Some(())
    }
}

/// A number of at most nine digits ([`FieldKind::Number`]): counts, numbers, ids.
impl Value for u32 {
    #[inline(always)]
    fn parse<'a>(i: &'a [u8], fields: &'static [Field], _: &Context) -> PResult<'a, Self> {
        number32(first(i, fields)?)(i)
    }

    #[inline(always)]
    fn encode(&self, out: &mut Out, fields: &[Field]) {
        if let Some(field) = fields.first() {
            out.num(field, (*self).into());
        }
    }

    #[inline(always)]
    fn fast(line: &[u8; RECORD_LEN], fields: &[Field], _: &Context, _: &mut Dates) -> Option<Self> {
        fast::number32(line, fields.first()?)
    }
}

/// A number of up to 17 digits ([`FieldKind::Number`]): amounts, sums.
impl Value for u64 {
    #[inline(always)]
    fn parse<'a>(i: &'a [u8], fields: &'static [Field], _: &Context) -> PResult<'a, Self> {
        number(first(i, fields)?)(i)
    }

    #[inline(always)]
    fn encode(&self, out: &mut Out, fields: &[Field]) {
        if let Some(field) = fields.first() {
            out.num(field, *self);
        }
    }

    #[inline(always)]
    fn fast(line: &[u8; RECORD_LEN], fields: &[Field], _: &Context, _: &mut Dates) -> Option<Self> {
        fast::number(line, fields.first()?)
    }
}

/// Digits or all blanks ([`FieldKind::NumberOrBlanks`]), as a number of the member's type
/// (the field's digits always fit it).
macro_rules! number_or_blanks_values {
    ($($t:ty),*) => {$(
        impl Value for Option<$t> {
            #[inline(always)]
            fn parse<'a>(i: &'a [u8], fields: &'static [Field], _: &Context) -> PResult<'a, Self> {
                let (i, v) = number_or_blanks(first(i, fields)?)(i)?;
                Ok((i, v.and_then(|v| <$t>::try_from(v).ok())))
            }

            #[inline(always)]
            fn encode(&self, out: &mut Out, fields: &[Field]) {
                if let Some(field) = fields.first() {
                    out.num_or_blanks(field, self.map(u64::from));
                }
            }

            #[inline(always)]
            fn fast(
                line: &[u8; RECORD_LEN],
                fields: &[Field],
                _: &Context,
                _: &mut Dates,
            ) -> Option<Self> {
                let v = blanks_or_digits_value(line.get(fields.first()?.range())?).ok()?;
                Some(v.and_then(|v| <$t>::try_from(v).ok()))
            }
        }
    )*};
}
number_or_blanks_values!(u8, u16, u64);

/// A required date: `DDMMYY` ([`FieldKind::Date`]) or `DDMMYYYY` ([`FieldKind::LongDate`]).
/// The fast path reads the first through the cache of dates and leaves the second to the
/// precise one.
impl Value for Date {
    #[inline(always)]
    fn parse<'a>(i: &'a [u8], fields: &'static [Field], ctx: &Context) -> PResult<'a, Self> {
        let field = first(i, fields)?;
        match field.kind {
            FieldKind::LongDate => long_date(field)(i),
            _ => date(ctx, field)(i),
        }
    }

    #[inline(always)]
    fn encode(&self, out: &mut Out, fields: &[Field]) {
        if let Some(field) = fields.first() {
            match field.kind {
                FieldKind::LongDate => out.long_date(field, *self),
                _ => out.date(field, *self),
            };
        }
    }

    #[inline(always)]
    fn fast(
        line: &[u8; RECORD_LEN],
        fields: &[Field],
        ctx: &Context,
        dates: &mut Dates,
    ) -> Option<Self> {
        match fields.first()?.kind {
            FieldKind::Date => dates.date(array(line, fields)?, ctx),
            _ => None,
        }
    }
}

/// A date `DDMMYY` or `000000` for none ([`FieldKind::OptionalDate`]).
impl Value for Option<Date> {
    #[inline(always)]
    fn parse<'a>(i: &'a [u8], fields: &'static [Field], ctx: &Context) -> PResult<'a, Self> {
        opt_date(ctx, first(i, fields)?)(i)
    }

    #[inline(always)]
    fn encode(&self, out: &mut Out, fields: &[Field]) {
        if let Some(field) = fields.first() {
            out.opt_date(field, *self);
        }
    }

    #[inline(always)]
    fn fast(
        line: &[u8; RECORD_LEN],
        fields: &[Field],
        ctx: &Context,
        dates: &mut Dates,
    ) -> Option<Self> {
        let bytes: [u8; 6] = array(line, fields)?;
        if bytes == *b"000000" {
            return Some(None);
        }
        dates.date(bytes, ctx).map(Some)
    }
}

/// Padded digits ([`FieldKind::PaddedDigits`]) or the payer's reference
/// ([`FieldKind::PayerReference`], never all blanks); `fits` has checked either.
impl<const N: usize> Value for PaddedDigits<N> {
    #[inline(always)]
    fn parse<'a>(i: &'a [u8], fields: &'static [Field], _: &Context) -> PResult<'a, Self> {
        let field = first(i, fields)?;
        let (i, bytes) = match field.kind {
            FieldKind::PayerReference => payer::<N>(field)(i)?,
            _ => padded::<N>(field)(i)?,
        };
        Ok((i, Self::from_field(*bytes)))
    }

    #[inline(always)]
    fn encode(&self, out: &mut Out, fields: &[Field]) {
        if let Some(field) = fields.first() {
            out.padded(field, self);
        }
    }

    #[inline(always)]
    fn fast(line: &[u8; RECORD_LEN], fields: &[Field], _: &Context, _: &mut Dates) -> Option<Self> {
        array(line, fields).map(Self::from_field)
    }
}

/// Digits kept as written ([`FieldKind::Digits`]); `fits` has checked them.
impl<const N: usize> Value for Digits<N> {
    #[inline(always)]
    fn parse<'a>(i: &'a [u8], fields: &'static [Field], _: &Context) -> PResult<'a, Self> {
        let (i, bytes) = digits::<N>(first(i, fields)?)(i)?;
        Ok((i, Self::from_field(*bytes)))
    }

    #[inline(always)]
    fn encode(&self, out: &mut Out, fields: &[Field]) {
        if let Some(field) = fields.first() {
            out.digits(field, self);
        }
    }

    #[inline(always)]
    fn fast(line: &[u8; RECORD_LEN], fields: &[Field], _: &Context, _: &mut Dates) -> Option<Self> {
        array(line, fields).map(Self::from_field)
    }
}

/// Text ([`FieldKind::Text`]); `fits` has checked it, `Ã` (the start of UTF-8's Latin-1
/// letters) left to the precise path.
impl<const N: usize> Value for Text<N> {
    #[inline(always)]
    fn parse<'a>(i: &'a [u8], fields: &'static [Field], _: &Context) -> PResult<'a, Self> {
        let (i, bytes) = text::<N>(first(i, fields)?)(i)?;
        Ok((i, Self::from_field(*bytes)))
    }

    #[inline(always)]
    fn encode(&self, out: &mut Out, fields: &[Field]) {
        if let Some(field) = fields.first() {
            out.text(field, self);
        }
    }

    #[inline(always)]
    fn fast(line: &[u8; RECORD_LEN], fields: &[Field], _: &Context, _: &mut Dates) -> Option<Self> {
        array(line, fields).map(Self::from_field)
    }
}

/// The three-digit error code of record 36 ([decision 9](docs/spec-decisions.md#decision-9)).
impl Value for ErrorCode {
    #[inline(always)]
    fn parse<'a>(i: &'a [u8], fields: &'static [Field], _: &Context) -> PResult<'a, Self> {
        error_code(first(i, fields)?)(i)
    }

    #[inline(always)]
    fn encode(&self, out: &mut Out, fields: &[Field]) {
        if let Some(field) = fields.first() {
            out.error_code(field, *self);
        }
    }

    #[inline(always)]
    fn fast(line: &[u8; RECORD_LEN], fields: &[Field], _: &Context, _: &mut Dates) -> Option<Self> {
        let code = u16::try_from(fast::number(line, fields.first()?)?).ok()?;
        Some(Self::from_number(code))
    }
}

/// A code of a code list ([`FieldKind::Code`]), of those the layout allows.
macro_rules! code_values {
    ($($t:ty),*) => {$(
        impl Value for $t {
            #[inline(always)]
            fn parse<'a>(i: &'a [u8], fields: &'static [Field], _: &Context) -> PResult<'a, Self> {
                code::<Self>(first(i, fields)?)(i)
            }

            #[inline(always)]
            fn encode(&self, out: &mut Out, fields: &[Field]) {
                if let Some(field) = fields.first() {
                    out.code(field, *self);
                }
            }

            #[inline(always)]
            fn fast(
                line: &[u8; RECORD_LEN],
                fields: &[Field],
                _: &Context,
                _: &mut Dates,
            ) -> Option<Self> {
                let field = fields.first()?;
                let value = Self::from_code(line.get(field.range())?)?;
                allowed(field, value).then_some(value)
            }
        }
    )*};
}
code_values!(
    AssignmentType,
    ClaimType,
    MandateType,
    PeriodCode,
    RegistrationType,
    AvtaleGiroAssignmentType,
    AvtaleGiroRegistration,
    AvtaleGiroType,
    OcrSign,
    OcrType,
    WrittenNotice
);

/// Whether `field` allows `value`: every code of its type, unless the layout narrows the list
/// (a file to MPS); as `parse::code` decides.
#[inline(always)]
pub(crate) fn allowed<T: Code>(field: &Field, value: T) -> bool {
    match field.kind {
        FieldKind::Code(list) if list.len() < T::CODES.len() => list.contains(&value.code()),
        _ => true,
    }
}

/// The fields of parts, one after another, as one array of `N` (the parts' count, which the
/// build checks).
// Only ever evaluated for a `const`: an index out of bounds or a panic fails the build.
#[allow(clippy::indexing_slicing, clippy::panic)]
pub(crate) const fn concat<const N: usize>(parts: &[&[Field]]) -> [Field; N] {
    let mut out = [PLACEHOLDER; N];
    let mut n = 0;
    let mut p = 0;
    while p < parts.len() {
        let part = parts[p];
        let mut f = 0;
        while f < part.len() {
            assert!(n < N, "a declaration has more fields than it counts");
            out[n] = part[f];
            n += 1;
            f += 1;
        }
        p += 1;
    }
    assert!(n == N, "a declaration has fewer fields than it counts");
    out
}

/// What [`concat`] fills an array with before the fields.
const PLACEHOLDER: Field = Field::new("", 1, 1, FieldKind::Blanks);

/// A layout's fields: `fields` with each of `with` in place of the field of the same columns,
/// then `then`. Only evaluated for a `const`: a field of `with` whose columns no field has
/// fails the build.
// Only ever evaluated for a `const`: an index out of bounds or a panic fails the build.
#[allow(clippy::indexing_slicing, clippy::panic)]
pub(crate) const fn layout_fields<const N: usize, const M: usize>(
    mut fields: [Field; N],
    with: &[Field],
    then: &[Field],
) -> [Field; M] {
    let mut w = 0;
    while w < with.len() {
        let mut f = 0;
        let mut found = false;
        while f < N {
            if fields[f].first == with[w].first {
                assert!(
                    fields[f].last == with[w].last,
                    "a field replaced by another width"
                );
                fields[f] = with[w];
                found = true;
            }
            f += 1;
        }
        assert!(found, "a field replaced where no field starts");
        w += 1;
    }
    let mut out = [PLACEHOLDER; M];
    let mut f = 0;
    while f < M {
        out[f] = if f < N { fields[f] } else { then[f - N] };
        f += 1;
    }
    out
}

/// The record type of a layout's fields: the literal in positions 7-8, as a number.
// Only ever evaluated for a `const`: an index out of bounds or a panic fails the build.
#[allow(clippy::indexing_slicing, clippy::panic)]
pub(crate) const fn record_number(fields: &[Field]) -> u8 {
    let mut f = 0;
    while f < fields.len() {
        if fields[f].first == 7
            && let FieldKind::Literal(code) = fields[f].kind
        {
            let [tens, ones] = *code.as_bytes() else {
                panic!("a record type of other than two digits");
            };
            return (tens - b'0') * 10 + (ones - b'0');
        }
        f += 1;
    }
    panic!("a layout without a record type");
}

/// Declares a record: its struct, field consts and layouts, and its parser, encoder and fast
/// decoder (a [`Value`] over the layout's fields). The fields come in column order, each one
/// of:
///
/// - `_ = CONST,` a fixed field (a literal, zeros or blanks) declared elsewhere;
/// - `_ = CONST("name", first, last, Kind),` a fixed field declared here, as `Self::CONST`;
/// - `member: Type = CONST,` or `member: Type = CONST("name", first, last, Kind),` a value;
/// - `member: Type = ..,` a declared record whose fields take this place.
///
/// Then `layouts { NAME: direction, "name" [, with [fields]] [, then [fields]]; }`: each a
/// `Layout` const of the declaration's fields, some replaced (`with`) and some added at the
/// end (`then`), its record type the literal in positions 7-8.
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident { $($body:tt)* }
        $(layouts {$(
            $(#[$lmeta:meta])*
            $layout:ident : $direction:expr, $lname:literal
            $(, with [$($with:expr),* $(,)?])?
            $(, then [$($then:expr),* $(,)?])?;
        )*})?
    ) => {
        $crate::records::declare::record!(@entry [$(#[$meta])*] $name [] $($body)*);
        $(impl $name {$(
            $(#[$lmeta])*
            pub const $layout: $crate::layout::Layout = {
                const FIELDS: [$crate::layout::Field;
                    $name::COUNT $($(+ { let _ = stringify!($then); 1 })*)?] =
                    $crate::records::declare::layout_fields(
                        $name::FIELDS,
                        &[$($($with),*)?],
                        &[$($($then),*)?],
                    );
                $crate::layout::Layout {
                    record_type: $crate::records::declare::record_number(&FIELDS),
                    direction: $direction,
                    name: $lname,
                    fields: &FIELDS,
                }
            };
        )*})?
    };

    // One field at a time, each made into the same shape: the struct's member (or none), the
    // binding its parser makes, its type, how its encoder reaches it, the constructor's part,
    // the fields it takes and the const it declares.
    (@entry $meta:tt $name:ident [$($done:tt)*]
        _ = $c:ident ($fname:literal, $first:literal, $last:literal, $($kind:tt)+), $($rest:tt)*
    ) => {
        $crate::records::declare::record!(@entry $meta $name [$($done)* {
            [] [_] [()] [&()] [] [&[Self::$c]]
            [
                #[doc = concat!("Positions ", $first, "-", $last, ": ", $fname, ".")]
                pub const $c: $crate::layout::Field = $crate::layout::Field::new(
                    $fname, $first, $last, $crate::layout::FieldKind::$($kind)+);
            ]
        }] $($rest)*);
    };
    (@entry $meta:tt $name:ident [$($done:tt)*] _ = $c:ident, $($rest:tt)*) => {
        $crate::records::declare::record!(@entry $meta $name [$($done)* {
            [] [_] [()] [&()] [] [&[$c]] []
        }] $($rest)*);
    };
    (@entry $meta:tt $name:ident [$($done:tt)*]
        $(#[$fmeta:meta])* $member:ident : $ty:ty =
        $c:ident ($fname:literal, $first:literal, $last:literal, $($kind:tt)+), $($rest:tt)*
    ) => {
        $crate::records::declare::record!(@entry $meta $name [$($done)* {
            [$(#[$fmeta])* pub $member: $ty,] [$member] [$ty] [$member] [$member,]
            [&[Self::$c]]
            [
                #[doc = concat!("Positions ", $first, "-", $last, ": ", $fname, ".")]
                pub const $c: $crate::layout::Field = $crate::layout::Field::new(
                    $fname, $first, $last, $crate::layout::FieldKind::$($kind)+);
            ]
        }] $($rest)*);
    };
    (@entry $meta:tt $name:ident [$($done:tt)*]
        $(#[$fmeta:meta])* $member:ident : $ty:ty = .., $($rest:tt)*
    ) => {
        $crate::records::declare::record!(@entry $meta $name [$($done)* {
            [$(#[$fmeta])* pub $member: $ty,] [$member] [$ty] [$member] [$member,]
            [&<$ty>::FIELDS] []
        }] $($rest)*);
    };
    (@entry $meta:tt $name:ident [$($done:tt)*]
        $(#[$fmeta:meta])* $member:ident : $ty:ty = $c:ident, $($rest:tt)*
    ) => {
        $crate::records::declare::record!(@entry $meta $name [$($done)* {
            [$(#[$fmeta])* pub $member: $ty,] [$member] [$ty] [$member] [$member,]
            [&[$c]] []
        }] $($rest)*);
    };

    // Every field in shape: the record.
    (@entry [$($meta:tt)*] $name:ident [$({
        [$($member:tt)*] [$bind:tt] [$ty:ty] [$($access:tt)*] [$($ctor:tt)*]
        [$($fields:tt)*] [$($const:tt)*]
    })*]) => {
        $($meta)*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name {
            $($($member)*)*
        }

        impl $name {
            $($($const)*)*

            /// How many fields the declaration has, those of its parts included.
            pub(crate) const COUNT: usize =
                0 $(+ <$ty as $crate::records::declare::Value>::COUNT)*;

            /// The declaration's fields, in column order.
            pub(crate) const FIELDS: [$crate::layout::Field; $name::COUNT] =
                $crate::records::declare::concat(&[$($($fields)*),*]);
        }

        impl $crate::records::declare::Value for $name {
            const COUNT: usize = $name::COUNT;

            #[inline(always)]
            #[allow(unused_assignments)]
            fn parse<'a>(
                i: &'a [u8],
                fields: &'static [$crate::layout::Field],
                ctx: &$crate::value::Context,
            ) -> $crate::parse::PResult<'a, Self> {
                let mut at = 0;
                $(
                    let (i, $bind) = <$ty as $crate::records::declare::Value>::parse(
                        i, $crate::records::declare::rest(fields, at), ctx)?;
                    at += <$ty as $crate::records::declare::Value>::COUNT;
                )*
                Ok((i, Self { $($($ctor)*)* }))
            }

            #[inline(always)]
            #[allow(unused_assignments)]
            fn encode(&self, out: &mut $crate::encode::Out, fields: &[$crate::layout::Field]) {
                let Self { $($($ctor)*)* } = self;
                let mut at = 0;
                $(
                    <$ty as $crate::records::declare::Value>::encode(
                        $($access)*, out, $crate::records::declare::rest(fields, at));
                    at += <$ty as $crate::records::declare::Value>::COUNT;
                )*
            }

            #[inline(always)]
            #[allow(unused_assignments)]
            fn fast(
                line: &[u8; $crate::RECORD_LEN],
                fields: &[$crate::layout::Field],
                ctx: &$crate::value::Context,
                dates: &mut $crate::fast::Dates,
            ) -> Option<Self> {
                let mut at = 0;
                $(
                    let $bind = <$ty as $crate::records::declare::Value>::fast(
                        line, $crate::records::declare::rest(fields, at), ctx, dates)?;
                    at += <$ty as $crate::records::declare::Value>::COUNT;
                )*
                Some(Self { $($($ctor)*)* })
            }
        }
    };
}
pub(crate) use record;

/// A whole record of `layout`'s fields: the declared part, then the fields the layout adds
/// at the end (fixed fields, `then`).
#[inline]
pub(crate) fn parse_record<'a, T: Value>(
    i: &'a [u8],
    layout: &'static crate::Layout,
    ctx: &Context,
) -> PResult<'a, T> {
    let (mut i, value) = T::parse(i, layout.fields, ctx)?;
    for at in T::COUNT..layout.fields.len() {
        (i, ()) = <()>::parse(i, rest(layout.fields, at), ctx)?;
    }
    Ok((i, value))
}

/// Writes a whole record of `layout`'s fields, as [`parse_record`] reads it.
#[inline]
pub(crate) fn encode_record<T: Value>(
    value: &T,
    layout: &crate::Layout,
) -> Result<[u8; RECORD_LEN], crate::RecordError> {
    let mut out = Out::new();
    value.encode(&mut out, layout.fields);
    for at in T::COUNT..layout.fields.len() {
        ().encode(&mut out, rest(layout.fields, at));
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use crate::{AmountItem1, AmountItem2, MandatePost1, MandatePost1FromMps, RejectedItem2};

    fn names(layout: &crate::Layout) -> Vec<(&'static str, usize, usize)> {
        layout
            .fields
            .iter()
            .map(|f| (f.name, f.first, f.last))
            .collect()
    }

    /// A layout `with` fields in place of others keeps their columns and takes their names;
    /// its record type is its own literal's.
    #[test]
    fn a_layout_with_replaced_fields_names_them() {
        let to = AmountItem1::LAYOUT_TO_MPS.fields;
        let rejected = AmountItem1::LAYOUT_REJECTED.fields;
        assert_eq!(to.len(), rejected.len());
        let differ: Vec<_> = to
            .iter()
            .zip(rejected)
            .filter(|(a, b)| a != b)
            .map(|(_, b)| (b.name, b.first, b.last))
            .collect();
        assert_eq!(differ, [("record type", 7, 8), ("processing date", 16, 21)]);
        assert_eq!(AmountItem1::LAYOUT_REJECTED.record_type, 35);
        assert_eq!(AmountItem1::LAYOUT_TO_MPS.record_type, 30);
    }

    /// A member that is a declared record takes its fields in its place, and a layout can
    /// narrow one of them: post 1 from MPS reads post 1's fields with registration type `0`.
    #[test]
    fn a_part_takes_its_fields_in_its_place() {
        assert_eq!(AmountItem2::COUNT, 8);
        assert_eq!(RejectedItem2::COUNT, 10);
        let item2 = names(&AmountItem2::LAYOUT);
        let rejected = names(&RejectedItem2::LAYOUT);
        assert_eq!(item2[..3], rejected[..3]);
        assert_eq!(item2.last(), Some(&("filler", 76, 80)));
        assert_eq!(rejected[8], ("error code", 76, 78));
        let registration = |l: &crate::Layout| l.fields.get(5).map(|f| f.kind);
        assert_eq!(
            registration(&MandatePost1FromMps::LAYOUT),
            Some(MandatePost1FromMps::REGISTRATION_TYPE.kind)
        );
        assert_ne!(
            registration(&MandatePost1::LAYOUT),
            registration(&MandatePost1FromMps::LAYOUT)
        );
    }
}
