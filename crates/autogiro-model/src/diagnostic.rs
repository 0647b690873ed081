use std::fmt;

use autogiro_format::{Direction, Error as FormatError, ErrorKind, RecordError};

use crate::said::{Lang, Said};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Severity {
    /// Allowed, but worth a look ([decision 9](docs/spec-decisions.md#decision-9), [decision 12](docs/spec-decisions.md#decision-12) and [decision 14](docs/spec-decisions.md#decision-14)).
    Warning,
    /// MPS rejects the record, the assignment or the transmission.
    Error,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, )+) => {
        /// The stable, machine-readable code of a diagnostic (kebab-case in JSON and text).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $variant, )+
        }

        impl Code {
            /// Every code.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The code as text, e.g. `sum-mismatch`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)+
                }
            }
        }
    };
}

codes! {
    /// A line that is not 80 characters long.
    LineLength = "line-length",
    /// A line or field that reads as UTF-8, not ISO-8859-1.
    NotLatin1 = "not-latin1",
    /// An empty line before a record.
    EmptyLine = "empty-line",
    /// Positions 7-8 hold no record type of the direction.
    UnknownRecordType = "unknown-record-type",
    /// A record type of the other direction.
    WrongDirection = "wrong-direction",
    /// A transmission start naming MPS neither as sender nor as recipient.
    MpsNotNamed = "mps-not-named",
    /// A field that does not hold what its layout says (digits, date, code, filler, text).
    FieldFormat = "field-format",
    /// The file could not be read.
    Io = "io",
    /// The first record is not a transmission start (10).
    MissingTransmissionStart = "missing-transmission-start",
    /// A second transmission start.
    DuplicateTransmissionStart = "duplicate-transmission-start",
    /// No transmission end (89) at the end of the file.
    MissingTransmissionEnd = "missing-transmission-end",
    /// A record after the transmission end.
    RecordAfterTransmissionEnd = "record-after-transmission-end",
    /// A transaction record with no assignment start before it.
    RecordOutsideAssignment = "record-outside-assignment",
    /// An assignment not closed by its assignment end (88).
    MissingAssignmentEnd = "missing-assignment-end",
    /// An assignment end with no assignment start.
    AssignmentEndWithoutStart = "assignment-end-without-start",
    /// An assignment end of another assignment type than its start.
    AssignmentTypeMismatch = "assignment-type-mismatch",
    /// A record that does not belong in this kind of assignment.
    RecordNotAllowed = "record-not-allowed",
    /// Amount item 1 not followed by its item 2.
    MissingItem2 = "missing-item-2",
    /// Amount item 2 not right after an item 1.
    Item2WithoutItem1 = "item-2-without-item-1",
    /// Item 2's transaction type or number differs from item 1's.
    ItemMismatch = "item-mismatch",
    /// A transaction number that is not the previous + 1, or a first one of 0.
    TransactionNumber = "transaction-number",
    /// An assignment whose numbering starts above 1: allowed, a warning.
    NumberingStart = "numbering-start",
    /// Two assignments of one agreement with the same assignment number in one transmission.
    DuplicateAssignmentNumber = "duplicate-assignment-number",
    /// A specification (49) with no claim before it.
    SpecificationWithoutClaim = "specification-without-claim",
    /// A specification for a claim of transaction type 02 (without notice).
    SpecificationNotAllowed = "specification-not-allowed",
    /// A specification whose transaction number is not its claim's.
    SpecificationNumber = "specification-number",
    /// More than 42 specifications for one claim.
    SpecificationLimit = "specification-limit",
    /// A specification line outside 1-21 or column outside 1-2.
    SpecificationPlace = "specification-place",
    /// Two specifications at the same line and column of one claim.
    SpecificationDuplicate = "specification-duplicate",
    /// A specification with a blank or zero line or column: not printed ([decision 12](docs/spec-decisions.md#decision-12)).
    SpecificationBlank = "specification-blank",
    /// A mandate sequence number that is not the previous + 1, or a first one of 0.
    MandateSequence = "mandate-sequence",
    /// A mandate without a post its registration type requires.
    MandatePostMissing = "mandate-post-missing",
    /// Mandate posts out of order, or of another mandate.
    MandatePostOrder = "mandate-post-order",
    /// A mandate post that does not exist in the edition read.
    MandatePostEdition = "mandate-post-edition",
    /// Post 5 (76) outside a full listing.
    MandatePostUnexpected = "mandate-post-unexpected",
    /// Period code and amount limit that do not fit the mandate type.
    MandateLimit = "mandate-limit",
    /// A mandate valid from a date after its valid-to date.
    MandateDates = "mandate-dates",
    /// A declared number of transactions that differs from the records.
    CountMismatch = "count-mismatch",
    /// A declared number of records that differs from the records.
    RecordCountMismatch = "record-count-mismatch",
    /// A declared sum that differs from the records.
    SumMismatch = "sum-mismatch",
    /// A declared first date that differs from the records.
    FirstDateMismatch = "first-date-mismatch",
    /// A declared last date that differs from the records.
    LastDateMismatch = "last-date-mismatch",
    /// An account number (payee's, or a mandate's payer account) with a wrong check digit.
    AccountCheckDigit = "account-check-digit",
    /// A claim's 11-digit payer field that is no valid account: fine only if it is a
    /// zero-padded payer reference.
    PayerAccountCheckDigit = "payer-account-check-digit",
    /// A KID with no valid check digit of the scheme.
    KidCheckDigit = "kid-check-digit",
    /// A Norwegian organisation number with a wrong check digit, or none at all.
    OrganisationNumber = "organisation-number",
    /// An organisation number that is not Norwegian ([decision 14](docs/spec-decisions.md#decision-14)).
    ForeignOrganisation = "foreign-organisation",
    /// A due date more than 12 months from the date the file is read.
    DueDateWindow = "due-date-window",
    /// A text field to MPS that starts with a blank (a warning,
    /// [decision 25](docs/spec-decisions.md#decision-25)): text is left-justified.
    TextNotLeftJustified = "text-not-left-justified",
    /// A sum charged in the period in post 5 of a 3.9 full listing, where it is blanked (a
    /// warning, [decision 29](docs/spec-decisions.md#decision-29)).
    ChargedSumGiven = "charged-sum-given",
    /// A valid-to date before valid-from, read a century later (a warning,
    /// [decision 31](docs/spec-decisions.md#decision-31)).
    ValidToCentury = "valid-to-century",
    /// Lines ending CR LF and lines ending LF alone in one file (a warning,
    /// [decision 34](docs/spec-decisions.md#decision-34)).
    MixedLineEndings = "mixed-line-endings",
    /// A signatory born after the day the file is read
    /// ([decision 35](docs/spec-decisions.md#decision-35)).
    BirthDateAfterFile = "birth-date-after-file",
    /// The same payer reference registered twice with the same registration type in one
    /// mandates assignment (a warning, [decision 35](docs/spec-decisions.md#decision-35)).
    DuplicateRegistration = "duplicate-registration",
    /// Blocked to before blocked from in a mandate from MPS (a warning,
    /// [decision 35](docs/spec-decisions.md#decision-35)).
    BlockedDates = "blocked-dates",
    /// A transmission with no assignment: its start, then its end
    /// ([decision 28](docs/spec-decisions.md#decision-28)).
    EmptyTransmission = "empty-transmission",
    /// An assignment with no claim and no mandate (a warning,
    /// [decision 28](docs/spec-decisions.md#decision-28)).
    EmptyAssignment = "empty-assignment",
    /// An agreement id, or the payee's data sender or recipient id, of all zeros
    /// ([decision 30](docs/spec-decisions.md#decision-30)).
    ZeroId = "zero-id",
    /// A postal code that breaks [decision 15](docs/spec-decisions.md#decision-15).
    PostalCode = "postal-code",
    /// A required text field left blank.
    RequiredField = "required-field",
    /// More than 9 999 999 transactions in one transmission.
    TooManyTransactions = "too-many-transactions",
    /// An error code spec 3.9 does not list ([decision 9](docs/spec-decisions.md#decision-9)).
    UnlistedErrorCode = "unlisted-error-code",
    /// A sum of amounts too large for the 17 digits of its field.
    AmountOverflow = "amount-overflow",
    /// An OCR giro transaction of type 20 or 21 whose items 1 and 2 are not followed by its
    /// amount item 3 (record 32).
    MissingItem3 = "missing-item-3",
    /// An amount item 3 (record 32) that does not follow the items 1 and 2 of a free-text
    /// transaction (types 20 and 21) of its number.
    UnexpectedItem3 = "unexpected-item-3",
    /// Digits other than zeros in a filler of a file from MPS (a warning, kept as read:
    /// decision O1).
    FillerDigits = "filler-digits",
    /// A terminal or internet payment (OCR giro types 18-21) with a partial settlement number
    /// or a debit account (a warning, decision O3).
    TerminalFields = "terminal-fields",
    /// A transaction dated before the one above it in its assignment (a warning, decision
    /// O5).
    TransactionOrder = "transaction-order",
    /// A transaction number past the previous + 1 where numbers need only ascend (a warning,
    /// decision O5).
    NumberingGap = "numbering-gap",
    /// An assignment number not above the one before it in the transmission (a warning,
    /// decision O5).
    AssignmentNumberOrder = "assignment-number-order",
    /// An AvtaleGiro mandates assignment that mixes a full listing (`0`) with changes (`1`,
    /// `2`): decision A9.
    ListingMixed = "listing-mixed",
    /// A transmission end from MPS without its date, where the transmission holds more than
    /// AvtaleGiro mandates (decision A8).
    MissingDate = "missing-date",
}

impl Code {
    /// The code of a record-level error of `autogiro-format`.
    pub fn of_record_error(error: &RecordError) -> Self {
        match error.kind {
            ErrorKind::LineLength { .. } => Self::LineLength,
            ErrorKind::LooksLikeUtf8 { .. } | ErrorKind::Utf8Text => Self::NotLatin1,
            ErrorKind::EmptyLine => Self::EmptyLine,
            ErrorKind::UnknownRecordType(_) | ErrorKind::UnknownServiceRecord { .. } => {
                Self::UnknownRecordType
            }
            ErrorKind::WrongDirection { .. } => Self::WrongDirection,
            ErrorKind::MpsNotNamed => Self::MpsNotNamed,
            _ => Self::FieldFormat,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding about a file: where (line, columns, record type, field), what (a stable code and a
/// message naming the declared and the computed or expected value), and how bad.
///
/// Structural findings (a sum or a count off) point at the end record that declares the value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The stable code.
    pub code: Code,
    /// The 1-based line.
    pub line: u64,
    /// The 1-based, inclusive column range, when the finding concerns a field.
    pub columns: Option<(usize, usize)>,
    /// The record type of the line, when known.
    pub record_type: Option<u8>,
    /// The field's name as `docs/records.md` gives it.
    pub field: Option<&'static str>,
    /// What is wrong, in English, with the values involved.
    pub message: String,
    /// What is wrong as the catalogue says it, in any language ([`Diagnostic::message_in`]).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub said: Said,
}

impl Diagnostic {
    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What is wrong, in `lang`: [`Diagnostic::message`] in English.
    pub fn message_in(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.message.clone(),
            Lang::Nb => self.said.render(lang),
        }
    }

    /// A diagnostic of what `said` says (its English words the message).
    pub(crate) fn new(
        severity: Severity,
        code: Code,
        line: u64,
        place: (Option<(usize, usize)>, Option<u8>, Option<&'static str>),
        said: Said,
    ) -> Self {
        let (columns, record_type, field) = place;
        Self {
            severity,
            code,
            line,
            columns,
            record_type,
            field,
            message: said.render(Lang::En),
            said,
        }
    }

    /// The diagnostic of an `autogiro-format` error.
    pub fn from_format_error(error: &FormatError) -> Self {
        match error {
            FormatError::Record { line, error } => Self::from_record_error(*line, error),
            FormatError::Io { line, source } => Self::new(
                Severity::Error,
                Code::Io,
                *line,
                (None, None, None),
                Said::new("diag.io")
                    .with("line", line)
                    .with("error", source),
            ),
            other => Self::new(
                Severity::Error,
                Code::Io,
                other.line(),
                (None, None, None),
                Said::plain(other),
            ),
        }
    }

    /// The diagnostic of a record error on `line`.
    pub fn from_record_error(line: u64, error: &RecordError) -> Self {
        // The diagnostic carries the place; the message is what was expected and found.
        Self::new(
            Severity::Error,
            Code::of_record_error(error),
            line,
            (
                Some((error.first_column, error.last_column)),
                error.record_type,
                Some(error.field),
            ),
            record_said(error),
        )
    }
}

/// A direction's words.
fn direction_said(direction: Direction) -> Said {
    match direction {
        Direction::ToMps => Said::new("dir.to-mps"),
        Direction::FromMps => Said::new("dir.from-mps"),
    }
}

/// Two-digit record types, listed.
fn types_listed(types: impl Iterator<Item = u8>) -> String {
    types
        .map(|t| format!("{t:02}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a record error says: what was expected and, for most, what was found (the words of
/// [`RecordError::message`]).
fn record_said(e: &RecordError) -> Said {
    use autogiro_format::ErrorKind;
    let width = e.width();
    let expected = match &e.kind {
        ErrorKind::LineLength { length } => {
            return Said::new("rec.line-length")
                .with("length", length)
                .with("found", format!("{:?}", e.found_text()));
        }
        ErrorKind::LooksLikeUtf8 { length } => {
            return Said::new("rec.looks-like-utf8")
                .with("length", length)
                .with("found", format!("{:?}", String::from_utf8_lossy(&e.found)));
        }
        ErrorKind::Utf8Text => {
            return Said::new("rec.utf8-text")
                .with("found", format!("{:?}", String::from_utf8_lossy(&e.found)));
        }
        ErrorKind::EmptyLine => return Said::new("rec.empty-line"),
        ErrorKind::TooLarge { value } => {
            return Said::new("rec.too-large")
                .with("width", width)
                .with("value", value);
        }
        ErrorKind::YearOutOfRange { year } => {
            return Said::new("rec.year").with("year", year);
        }
        ErrorKind::MpsNotNamed => Said::new("rec.mps-not-named"),
        ErrorKind::UnknownRecordType(direction) => Said::new("rec.unknown-record-type")
            .with_words("direction", direction_said(*direction))
            .with(
                "types",
                types_listed(autogiro_format::record_types(*direction)),
            ),
        ErrorKind::UnknownServiceRecord { service, direction } => {
            let types = types_listed(autogiro_format::service_record_types(*service, *direction));
            if types.is_empty() {
                Said::new("rec.no-service-record")
                    .with("service", service.name())
                    .with_words("direction", direction_said(*direction))
                    .with_words("other", direction_said(direction.reverse()))
            } else {
                Said::new("rec.service-record-type")
                    .with("service", service.name())
                    .with_words("direction", direction_said(*direction))
                    .with("types", types)
            }
        }
        ErrorKind::WrongDirection { direction } => Said::new("rec.wrong-direction")
            .with_words("direction", direction_said(*direction))
            .with_words("other", direction_said(direction.reverse())),
        ErrorKind::Literal(s) => Said::new("rec.literal").with("value", s),
        ErrorKind::OneOf(list) => Said::new("rec.one-of").with("codes", list.join(", ")),
        ErrorKind::Digits => Said::new("rec.digits").with("width", width),
        ErrorKind::PaddedDigits => Said::new("rec.padded-digits").with("width", width),
        ErrorKind::PayerReference => Said::new("rec.payer-reference").with("width", width),
        ErrorKind::DigitsOrBlanks => Said::new("rec.digits-or-blanks").with("width", width),
        ErrorKind::Date => Said::new("rec.date"),
        ErrorKind::OptionalDate => Said::new("rec.optional-date"),
        ErrorKind::LongDate => Said::new("rec.long-date"),
        ErrorKind::Text => Said::new("rec.text"),
        ErrorKind::ZeroFiller => Said::new("rec.zero-filler").with("width", width),
        ErrorKind::BlankFiller => Said::new("rec.blank-filler").with("width", width),
        // An error of a kind this build does not word: the format's English words.
        _ => return Said::plain(e.message()),
    };
    Said::new("rec.expected-found")
        .with_words("expected", expected)
        .with("found", format!("{:?}", e.found_text()))
}

impl Diagnostic {
    /// As its `Display` says it, with the message in `lang` (the place, the level and the
    /// code as they are in every language).
    pub fn to_string_in(&self, lang: Lang) -> String {
        let mut out = String::new();
        let _ = self.write_with(&mut out, &self.message_in(lang));
        out
    }

    fn write_with(&self, f: &mut dyn fmt::Write, message: &str) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}: line {}", self.line)?;
        match self.columns {
            Some((a, b)) if a == b => write!(f, ", column {a}")?,
            Some((a, b)) => write!(f, ", columns {a}-{b}")?,
            None => {}
        }
        match (self.record_type, self.field) {
            (Some(t), Some(field)) => write!(f, " (record {t:02}, {field})")?,
            (Some(t), None) => write!(f, " (record {t:02})")?,
            (None, Some(field)) => write!(f, " ({field})")?,
            (None, None) => {}
        }
        write!(f, ": {message} [{}]", self.code)
    }
}

impl fmt::Display for Diagnostic {
    /// `error: line 10, columns 25-41 (record 88, sum amount): declared …, computed … [sum-mismatch]`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_with(f, &self.message)
    }
}

/// The most characters of a line that [`line_as_shown`] keeps: an overlong line is cut.
pub const SHOWN_CHARACTERS: usize = 100;

/// A line of a file as a diagnostic shows it: ISO-8859-1 decoded, a CR at its end dropped,
/// control characters as `·`, at most [`SHOWN_CHARACTERS`] characters (`autogiro validate`
/// and the web page show the same).
pub fn line_as_shown(line: &[u8]) -> String {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.iter()
        .take(SHOWN_CHARACTERS)
        .map(|&b| match b {
            0x20..=0x7E | 0xA0..=0xFF => char::from(b),
            _ => '·',
        })
        .collect()
}
