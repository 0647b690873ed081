//! The writer's counterpart of `parse`: fills an 80-byte record field by field, in column
//! order, and keeps the first error (a value that does not fit its field).

use time::Date;

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

    /// Copies `bytes` at the current column.
    fn put(&mut self, bytes: &[u8]) -> &mut Self {
        if let Some(slot) = self.buf.get_mut(self.pos..self.pos + bytes.len()) {
            slot.copy_from_slice(bytes);
        }
        self.pos += bytes.len();
        self
    }

    /// Records the first error, for the `width` columns at the current one, and skips them.
    fn fail(&mut self, width: usize, field: &'static str, kind: ErrorKind) -> &mut Self {
        if self.error.is_none() {
            self.error = Some(RecordError {
                record_type: None,
                first_column: self.pos + 1,
                last_column: self.pos + width,
                field,
                kind,
                found: Vec::new(),
            });
        }
        self.pos += width;
        self
    }

    /// A fixed value.
    pub(crate) fn lit(&mut self, s: &str) -> &mut Self {
        self.put(s.as_bytes())
    }

    /// A number in `W` digits with leading zeros.
    pub(crate) fn num<const W: usize>(&mut self, value: u64, field: &'static str) -> &mut Self {
        let mut digits = [b'0'; W];
        let mut rest = value;
        for slot in digits.iter_mut().rev() {
            // `rest % 10` is a single digit.
            *slot = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        if rest == 0 {
            self.put(&digits)
        } else {
            self.fail(W, field, ErrorKind::TooLarge { value })
        }
    }

    /// A number in `W` digits, or `W` blanks for `None`.
    pub(crate) fn num_or_blanks<const W: usize>(
        &mut self,
        value: Option<u64>,
        field: &'static str,
    ) -> &mut Self {
        match value {
            Some(v) => self.num::<W>(v, field),
            None => self.put(&[b' '; W]),
        }
    }

    /// Digits kept as written.
    pub(crate) fn digits<const W: usize>(&mut self, value: &Digits<W>) -> &mut Self {
        self.put(value.as_str().as_bytes())
    }

    /// Blank-padded digits kept as written.
    pub(crate) fn padded<const W: usize>(&mut self, value: &PaddedDigits<W>) -> &mut Self {
        self.put(value.as_field().as_bytes())
    }

    /// Text, already ISO-8859-1 and blank-padded to `W`.
    pub(crate) fn text<const W: usize>(&mut self, value: &Text<W>) -> &mut Self {
        self.put(value.as_field())
    }

    /// A code of a code list.
    pub(crate) fn code<T: Code>(&mut self, value: T) -> &mut Self {
        self.put(value.code().as_bytes())
    }

    /// A three-digit error code.
    pub(crate) fn error_code(&mut self, value: ErrorCode, field: &'static str) -> &mut Self {
        self.num::<3>(u64::from(value.number()), field)
    }

    /// A date `DDMMYY`. Only years 1970-2069 read back as written ([decision 6](docs/spec-decisions.md#decision-6)).
    pub(crate) fn date(&mut self, value: Date, field: &'static str) -> &mut Self {
        let year = value.year();
        if !(1970..=2069).contains(&year) {
            return self.fail(6, field, ErrorKind::YearOutOfRange { year });
        }
        self.day_month(value, field)
            .num::<2>(u64::from(year.unsigned_abs() % 100), field)
    }

    /// An optional date `DDMMYY`, `000000` for none.
    pub(crate) fn opt_date(&mut self, value: Option<Date>, field: &'static str) -> &mut Self {
        match value {
            Some(d) => self.date(d, field),
            None => self.put(b"000000"),
        }
    }

    /// A date `DDMMYYYY`.
    pub(crate) fn long_date(&mut self, value: Date, field: &'static str) -> &mut Self {
        let year = value.year();
        if !(0..=9999).contains(&year) {
            return self.fail(8, field, ErrorKind::YearOutOfRange { year });
        }
        self.day_month(value, field)
            .num::<4>(u64::from(year.unsigned_abs()), field)
    }

    fn day_month(&mut self, value: Date, field: &'static str) -> &mut Self {
        self.num::<2>(u64::from(value.day()), field)
            .num::<2>(u64::from(u8::from(value.month())), field)
    }

    /// `W` zeros.
    pub(crate) fn zeros<const W: usize>(&mut self) -> &mut Self {
        self.put(&[b'0'; W])
    }

    /// `W` blanks.
    pub(crate) fn blanks<const W: usize>(&mut self) -> &mut Self {
        self.put(&[b' '; W])
    }

    /// The record, or the first field that did not fit, tagged with the record type.
    pub(crate) fn finish(&mut self, record_type: u8) -> Result<[u8; RECORD_LEN], RecordError> {
        debug_assert_eq!(self.pos, RECORD_LEN, "layout of record {record_type}");
        match self.error.take() {
            Some(mut e) => {
                e.record_type = Some(record_type);
                Err(e)
            }
            None => Ok(self.buf),
        }
    }
}
