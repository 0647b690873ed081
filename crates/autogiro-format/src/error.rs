use std::fmt;
use std::io;

use crate::Direction;
use crate::services::Service;

/// What went wrong with one record: where (columns, record type, field), what was expected and
/// the bytes found.
///
/// It carries no line number: [`Error`] adds that where the record came from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The record type (positions 7-8, e.g. `30`) when it was recognised.
    pub record_type: Option<u8>,
    /// First column of the field, 1-based.
    pub first_column: usize,
    /// Last column of the field, 1-based, inclusive.
    pub last_column: usize,
    /// The field's name as `docs/records.md` gives it.
    pub field: &'static str,
    /// What the field should have held.
    pub kind: ErrorKind,
    /// The bytes found in the field, as read (ISO-8859-1). For a line of the wrong length, at
    /// most the first [`RecordError::MAX_QUOTED`] bytes.
    pub found: Vec<u8>,
}

/// What a field should have held, for [`RecordError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The line is not 80 characters long.
    LineLength {
        /// The length of the line in bytes, without its line break.
        length: usize,
    },
    /// The line is not 80 bytes long and reads as UTF-8: the file was probably saved as UTF-8
    /// instead of ISO-8859-1.
    LooksLikeUtf8 {
        /// The length of the line in bytes, without its line break.
        length: usize,
    },
    /// A text field holds the UTF-8 encoding of a letter (`Ã¥` for `å`).
    Utf8Text,
    /// An empty line before the end of the file.
    EmptyLine,
    /// A transmission start (record 10) that names MPS (`00008080`) neither as data sender nor
    /// as data recipient, so the direction of the file is unknown.
    MpsNotNamed,
    /// Positions 7-8 hold no record type of the direction.
    UnknownRecordType(Direction),
    /// A record type the service's files of this direction do not have (OCR giro's files all
    /// come from MPS).
    UnknownServiceRecord {
        /// The service, from positions 3-4.
        service: Service,
        /// The direction of the file.
        direction: Direction,
    },
    /// The record type exists only in files of the other direction.
    WrongDirection {
        /// The direction the file is read in.
        direction: Direction,
    },
    /// A fixed value (format code, service code, record type, a fixed digit).
    Literal(&'static str),
    /// One of a list of codes.
    OneOf(&'static [&'static str]),
    /// Digits only, zero-padded on the left.
    Digits,
    /// Digits, right-justified, padded on the left with blanks (or all blanks): [decision 2](docs/spec-decisions.md#decision-2).
    PaddedDigits,
    /// The payer's reference or account: digits, right-justified, padded on the left with
    /// zeros or blanks, at least one digit.
    PayerReference,
    /// Digits or all blanks.
    DigitsOrBlanks,
    /// A calendar date `DDMMYY`.
    Date,
    /// A calendar date `DDMMYY`, or `000000` for none.
    OptionalDate,
    /// A calendar date `DDMMYYYY`.
    LongDate,
    /// Printable ISO-8859-1 text: no control characters.
    Text,
    /// Filler of zeros.
    ZeroFiller,
    /// Filler of blanks.
    BlankFiller,
    /// Writing: a number with more digits than the field holds.
    TooLarge {
        /// The value that did not fit.
        value: u64,
    },
    /// Writing: a year that a two-digit year does not read back to ([decision 6](docs/spec-decisions.md#decision-6): 1970-2069).
    YearOutOfRange {
        /// The year that did not fit.
        year: i32,
    },
}

impl RecordError {
    /// The most bytes of a line of the wrong length kept in [`RecordError::found`].
    pub const MAX_QUOTED: usize = 120;

    /// The field's width in columns.
    pub fn width(&self) -> usize {
        self.last_column + 1 - self.first_column
    }

    /// What was expected and what was found (`expected 17 digits, found "…"`), without the
    /// columns, record type and field that [`Display`](fmt::Display) puts before it: for a
    /// caller that shows the place itself, as a diagnostic does.
    pub fn message(&self) -> Message<'_> {
        Message(self)
    }

    /// The found bytes as text: ISO-8859-1 decoded, so every byte is one character.
    pub fn found_text(&self) -> String {
        self.found.iter().copied().map(char::from).collect()
    }

    fn write_expected(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self.width();
        match &self.kind {
            ErrorKind::LineLength { length } => write!(
                f,
                "expected a record of 80 characters, found {length}: {:?}",
                self.found_text()
            ),
            ErrorKind::LooksLikeUtf8 { length } => write!(
                f,
                "expected a record of 80 ISO-8859-1 characters, found {length} bytes that read as \
                 UTF-8 (save the file as ISO-8859-1): {:?}",
                String::from_utf8_lossy(&self.found)
            ),
            ErrorKind::Utf8Text => write!(
                f,
                "expected ISO-8859-1 text, found text that reads as UTF-8 (save the file as \
                 ISO-8859-1): {:?}",
                String::from_utf8_lossy(&self.found)
            ),
            ErrorKind::EmptyLine => f.write_str("expected a record, found an empty line"),
            ErrorKind::MpsNotNamed => f.write_str(
                "expected MPS (00008080) as data sender (files from MPS) or data recipient (files to MPS)",
            ),
            ErrorKind::UnknownRecordType(direction) => {
                write!(f, "expected a record type of files {direction} (")?;
                for (i, t) in crate::layout::record_types(*direction).enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t:02}")?;
                }
                f.write_str(")")
            }
            ErrorKind::UnknownServiceRecord { service, direction } => {
                let types: Vec<String> = crate::layout::service_record_types(*service, *direction)
                    .map(|t| format!("{t:02}"))
                    .collect();
                if types.is_empty() {
                    write!(
                        f,
                        "expected no {} record in files {direction}: {} files come only {}",
                        service.name(),
                        service.name(),
                        direction.reverse()
                    )
                } else {
                    write!(
                        f,
                        "expected a record type of {} files {direction} ({})",
                        service.name(),
                        types.join(", ")
                    )
                }
            }
            ErrorKind::WrongDirection { direction } => write!(
                f,
                "expected a record type of files {direction}; this one exists only in files {}",
                direction.reverse()
            ),
            ErrorKind::Literal(s) => write!(f, "expected `{s}`"),
            ErrorKind::OneOf(list) => {
                f.write_str("expected one of ")?;
                for (i, code) in list.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(code)?;
                }
                Ok(())
            }
            ErrorKind::Digits => write!(f, "expected {width} digits"),
            ErrorKind::PaddedDigits => write!(
                f,
                "expected digits right-justified in {width} columns, padded on the left with blanks"
            ),
            ErrorKind::PayerReference => write!(
                f,
                "expected the payer's reference or account: digits right-justified in {width} \
                 columns, padded on the left with zeros or blanks, never all blanks"
            ),
            ErrorKind::DigitsOrBlanks => write!(f, "expected {width} digits or {width} blanks"),
            ErrorKind::Date => f.write_str("expected a date DDMMYY"),
            ErrorKind::OptionalDate => f.write_str("expected a date DDMMYY or 000000"),
            ErrorKind::LongDate => f.write_str("expected a date DDMMYYYY"),
            ErrorKind::Text => f.write_str("expected printable ISO-8859-1 text"),
            ErrorKind::ZeroFiller => write!(f, "expected {width} zeros (filler)"),
            ErrorKind::BlankFiller => write!(f, "expected {width} blanks (filler)"),
            ErrorKind::TooLarge { value } => {
                write!(f, "expected at most {width} digits, found the value {value}")
            }
            ErrorKind::YearOutOfRange { year } => write!(
                f,
                "expected a year from 1970 to 2069 (two-digit years read back in that window), found {year}"
            ),
        }
    }
}

impl fmt::Display for RecordError {
    /// `columns 33-49 (record 30, amount): expected 17 digits, found "…"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first_column == self.last_column {
            write!(f, "column {}", self.first_column)?;
        } else {
            write!(f, "columns {}-{}", self.first_column, self.last_column)?;
        }
        match self.record_type {
            Some(t) => write!(f, " (record {t:02}, {}): ", self.field)?,
            None => write!(f, " ({}): ", self.field)?,
        }
        self.message().fmt(f)
    }
}

/// What a [`RecordError`] expected and found, without the place: see [`RecordError::message`].
#[derive(Debug, Clone, Copy)]
pub struct Message<'a>(&'a RecordError);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.0;
        e.write_expected(f)?;
        if !matches!(
            e.kind,
            ErrorKind::TooLarge { .. }
                | ErrorKind::YearOutOfRange { .. }
                | ErrorKind::EmptyLine
                | ErrorKind::LineLength { .. }
                | ErrorKind::LooksLikeUtf8 { .. }
                | ErrorKind::Utf8Text
        ) {
            write!(f, ", found {:?}", e.found_text())?;
        }
        Ok(())
    }
}

impl std::error::Error for RecordError {}

/// An error reading or writing a file of records.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A record that could not be read or written.
    #[error("line {line}, {error}")]
    Record {
        /// The 1-based line number.
        line: u64,
        /// What was wrong with the record.
        error: RecordError,
    },
    /// The underlying reader or writer failed.
    #[error("I/O error after line {line}: {source}")]
    Io {
        /// The last line read or written completely.
        line: u64,
        /// The I/O error.
        source: io::Error,
    },
}

impl Error {
    /// The 1-based line the error concerns.
    pub fn line(&self) -> u64 {
        match self {
            Self::Record { line, .. } | Self::Io { line, .. } => *line,
        }
    }

    /// The record error, unless this is an I/O error.
    pub fn record_error(&self) -> Option<&RecordError> {
        match self {
            Self::Record { error, .. } => Some(error),
            Self::Io { .. } => None,
        }
    }
}

/// Why a value cannot be stored in a field type ([`crate::Text`], [`crate::Digits`],
/// [`crate::PaddedDigits`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValueError {
    /// Longer than the field.
    #[error("{found} characters do not fit a field of {max}")]
    TooLong {
        /// The field's width.
        max: usize,
        /// The number of characters given.
        found: usize,
    },
    /// A character outside ISO-8859-1, which these files cannot carry.
    #[error("character {found:?} at position {position} is not in ISO-8859-1 (Latin-1)")]
    NotLatin1 {
        /// 1-based position in the value.
        position: usize,
        /// The character.
        found: char,
    },
    /// A control character, which a text field must not hold.
    #[error("control character {found:?} at position {position}")]
    Control {
        /// 1-based position in the value.
        position: usize,
        /// The character.
        found: char,
    },
    /// `Ã` followed by a symbol of `\u{A0}`-`¿`: the UTF-8 encoding of a letter read as
    /// ISO-8859-1, which the reader rejects as a file saved in the wrong encoding.
    #[error("`Ã` followed by a symbol at position {position} reads as UTF-8, not ISO-8859-1")]
    LooksLikeUtf8 {
        /// 1-based position of the `Ã`.
        position: usize,
    },
    /// A character that is not a digit in a digit field.
    #[error("expected a digit at position {position}, found {found:?}")]
    NotADigit {
        /// 1-based position in the value.
        position: usize,
        /// The character.
        found: char,
    },
    /// A digit field of fixed width given fewer digits.
    #[error("expected {expected} digits, found {found}")]
    WrongLength {
        /// The width of the field.
        expected: usize,
        /// The number of digits given.
        found: usize,
    },
}
