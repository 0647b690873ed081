//! The writer's counterpart of `parse`: fills an 80-byte record field by field, each a
//! [`Field`] of `layout.rs`, in column order, and keeps the first error (a value that does not
//! fit its field). In a debug build each write asserts that it starts at its field's column.
//! Every method is `#[inline(always)]`, as the parser's combinators are: the field is a
//! `&'static` const, so its width and columns fold into constants where it is written.

// Measured (callgrind): a field's width folds into a constant only where it is inlined; see
// `parse.rs`.
#![allow(clippy::inline_always)]

use time::Date;

use crate::layout::{Field, RECORD_TYPE};
use crate::parse::digits_value;
use crate::value::{Code, Digits, PaddedDigits, Text};
use crate::{ErrorCode, ErrorKind, RECORD_LEN, RecordError};

/// An 80-byte record being written, field after field.
pub(crate) struct Out {
    buf: [u8; RECORD_LEN],
    pos: usize,
    error: Option<RecordError>,
}

impl Out {
    pub(crate) fn new() -> Self {
        Self {
            buf: [b' '; RECORD_LEN],
            pos: 0,
            error: None,
        }
    }

    /// Copies `bytes` as the value of `field`.
    #[inline(always)]
    fn put(&mut self, field: &Field, bytes: &[u8]) -> &mut Self {
        debug_assert_eq!(
            self.pos + 1,
            field.first,
            "`{}` written out of order",
            field.name
        );
        debug_assert_eq!(
            bytes.len(),
            field.width(),
            "`{}` written at another width",
            field.name
        );
        if let Some(slot) = self.buf.get_mut(field.range())
            && let Some(bytes) = bytes.get(..slot.len())
        {
            slot.copy_from_slice(bytes);
        }
        self.pos = field.last;
        self
    }

    /// Records the first error, for the columns of `field`, and skips them.
    #[cold]
    fn fail(&mut self, field: &Field, kind: ErrorKind) -> &mut Self {
        if self.error.is_none() {
            self.error = Some(RecordError {
                record_type: None,
                first_column: field.first,
                last_column: field.last,
                field: field.name,
                kind,
                found: Vec::new(),
            });
        }
        self.pos = field.last;
        self
    }

    /// A fixed value.
    #[inline(always)]
    pub(crate) fn lit(&mut self, field: &Field) -> &mut Self {
        self.put(field, field.literal().as_bytes())
    }

    /// A number with leading zeros, as wide as `field`, written where it goes.
    #[inline(always)]
    pub(crate) fn num(&mut self, field: &Field, value: u64) -> &mut Self {
        debug_assert_eq!(
            self.pos + 1,
            field.first,
            "`{}` written out of order",
            field.name
        );
        let Some(slot) = self.buf.get_mut(field.range()) else {
            return self.fail(field, ErrorKind::TooLarge { value });
        };
        let mut rest = value;
        for digit in slot.iter_mut().rev() {
            // `rest % 10` is a single digit.
            *digit = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        if rest != 0 {
            return self.fail(field, ErrorKind::TooLarge { value });
        }
        self.pos = field.last;
        self
    }

    /// A number, or blanks for `None`.
    #[inline(always)]
    pub(crate) fn num_or_blanks(&mut self, field: &Field, value: Option<u64>) -> &mut Self {
        match value {
            Some(v) => self.num(field, v),
            None => self.blanks(field),
        }
    }

    /// Digits kept as written.
    #[inline(always)]
    pub(crate) fn digits<const W: usize>(&mut self, field: &Field, value: &Digits<W>) -> &mut Self {
        self.put(field, value.as_str().as_bytes())
    }

    /// Blank-padded digits kept as written.
    #[inline(always)]
    pub(crate) fn padded<const W: usize>(
        &mut self,
        field: &Field,
        value: &PaddedDigits<W>,
    ) -> &mut Self {
        self.put(field, value.as_field().as_bytes())
    }

    /// Text, already ISO-8859-1 and blank-padded to the field's width.
    #[inline(always)]
    pub(crate) fn text<const W: usize>(&mut self, field: &Field, value: &Text<W>) -> &mut Self {
        self.put(field, value.as_field())
    }

    /// A code of a code list.
    #[inline(always)]
    pub(crate) fn code<T: Code>(&mut self, field: &Field, value: T) -> &mut Self {
        self.put(field, value.code().as_bytes())
    }

    /// A three-digit error code.
    #[inline(always)]
    pub(crate) fn error_code(&mut self, field: &Field, value: ErrorCode) -> &mut Self {
        self.num(field, u64::from(value.number()))
    }

    /// A date `DDMMYY`. Only years 1970-2069 read back as written ([decision 6](docs/spec-decisions.md#decision-6)).
    #[inline(always)]
    pub(crate) fn date(&mut self, field: &Field, value: Date) -> &mut Self {
        let year = value.year();
        if !(1970..=2069).contains(&year) {
            return self.fail(field, ErrorKind::YearOutOfRange { year });
        }
        let [d0, d1, m0, m1] = day_month(value);
        let [y0, y1] = two_digits(year.unsigned_abs() % 100);
        self.put(field, &[d0, d1, m0, m1, y0, y1])
    }

    /// An optional date `DDMMYY`, `000000` for none.
    #[inline(always)]
    pub(crate) fn opt_date(&mut self, field: &Field, value: Option<Date>) -> &mut Self {
        match value {
            Some(d) => self.date(field, d),
            None => self.put(field, b"000000"),
        }
    }

    /// A date `DDMMYYYY`.
    #[inline(always)]
    pub(crate) fn long_date(&mut self, field: &Field, value: Date) -> &mut Self {
        let year = value.year();
        if !(0..=9999).contains(&year) {
            return self.fail(field, ErrorKind::YearOutOfRange { year });
        }
        let [d0, d1, m0, m1] = day_month(value);
        let year = year.unsigned_abs();
        let [c0, c1] = two_digits(year / 100);
        let [y0, y1] = two_digits(year % 100);
        self.put(field, &[d0, d1, m0, m1, c0, c1, y0, y1])
    }

    /// Filler of zeros.
    #[inline(always)]
    pub(crate) fn zeros(&mut self, field: &Field) -> &mut Self {
        self.fill(field, b'0')
    }

    /// Filler of blanks.
    #[inline(always)]
    pub(crate) fn blanks(&mut self, field: &Field) -> &mut Self {
        self.fill(field, b' ')
    }

    /// `field` filled with `byte`.
    #[inline(always)]
    fn fill(&mut self, field: &Field, byte: u8) -> &mut Self {
        debug_assert_eq!(
            self.pos + 1,
            field.first,
            "`{}` written out of order",
            field.name
        );
        if let Some(slot) = self.buf.get_mut(field.range()) {
            slot.fill(byte);
        }
        self.pos = field.last;
        self
    }

    /// The record, or the first field that did not fit, tagged with the record type the
    /// record's positions 7-8 hold (every layout writes its own there).
    #[inline(always)]
    pub(crate) fn finish(&mut self) -> Result<[u8; RECORD_LEN], RecordError> {
        debug_assert_eq!(self.pos, RECORD_LEN, "a layout left columns unwritten");
        match self.error.take() {
            Some(mut e) => {
                e.record_type =
                    digits_value(RECORD_TYPE.bytes(&self.buf)).and_then(|v| u8::try_from(v).ok());
                Err(e)
            }
            None => Ok(self.buf),
        }
    }
}

/// Two ASCII digits of a number below 100.
fn two_digits(n: u32) -> [u8; 2] {
    // Each of the two is a single digit.
    [b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8]
}

/// `DDMM` of a date.
fn day_month(value: Date) -> [u8; 4] {
    let [d0, d1] = two_digits(u32::from(value.day()));
    let [m0, m1] = two_digits(u32::from(u8::from(value.month())));
    [d0, d1, m0, m1]
}
