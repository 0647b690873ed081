//! The records of claims: 30/35 amount item 1, 31/36 amount item 2, 49 specification, and the
//! 88 assignment ends of claims assignments.

// Measured (callgrind): a field's width folds into a constant only where it is inlined; see
// `parse.rs`.
#![allow(clippy::inline_always)]

use time::Date;

use super::{head, head_out};
use crate::encode::Out;
use crate::layout::{
    CLAIM_TYPE, FORMAT_CODE, Field, FieldKind, Layout, SERVICE_CODE_01, TRANSACTION_NUMBER,
    record_type,
};
use crate::parse::{
    PResult, date, error_code, literal, number, number_or_blanks, number32, opt_date, padded,
    payer, text, zeros,
};
use crate::value::{Context, PaddedDigits, Text};
use crate::{AssignmentType, ClaimType, Direction, ErrorCode, RECORD_LEN, RecordError, Totals};

/// Positions 1-15 of amount items 1, then `date` and the rest of the layout.
macro_rules! item1_fields {
    ($record:expr, $date:expr) => {
        &[
            FORMAT_CODE,
            SERVICE_CODE_01,
            CLAIM_TYPE,
            $record,
            TRANSACTION_NUMBER,
            $date,
            AmountItem1::PAYER,
            AmountItem1::AMOUNT,
            AmountItem1::KID,
            AmountItem1::FILLER,
        ]
    };
}

/// 30 Amount item 1 (both directions) and 35 Rejected amount item 1 (from MPS): one claim's
/// amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AmountItem1 {
    /// Positions 5-6, transaction type: `02` without notice, `03` with notice.
    pub transaction_type: ClaimType,
    /// Positions 9-15, transaction number: consecutive within the assignment, from 1.
    pub transaction_number: u32,
    /// [`Self::DUE_DATE`] (to MPS) or [`Self::PROCESSING_DATE`] (from MPS).
    pub date: Date,
    /// [`Self::PAYER`]: the payer's reference (blank-padded digits) or 11-digit account; never
    /// all blanks ([decision 20](docs/spec-decisions.md#decision-20)).
    pub payer: PaddedDigits<11>,
    /// [`Self::AMOUNT`] in øre.
    pub amount: u64,
    /// [`Self::KID`]: right-justified digits, or blanks ([decision 2](docs/spec-decisions.md#decision-2)).
    pub kid: PaddedDigits<25>,
}

impl AmountItem1 {
    /// Positions 5-6.
    pub const TRANSACTION_TYPE: Field = CLAIM_TYPE;
    /// Positions 7-8 of record 30.
    pub const RECORD_TYPE: Field = record_type("30");
    /// Positions 7-8 of record 35.
    pub const REJECTED_RECORD_TYPE: Field = record_type("35");
    /// Positions 9-15.
    pub const TRANSACTION_NUMBER: Field = TRANSACTION_NUMBER;
    /// Due date (to MPS).
    pub const DUE_DATE: Field = Field::new("due date", 16, 21, FieldKind::Date);
    /// Processing date (from MPS), in the due date's columns.
    pub const PROCESSING_DATE: Field = Field::new("processing date", 16, 21, FieldKind::Date);
    /// The due or processing date, as the writer names it (a record does not know its
    /// direction).
    const DATE: Field = Field::new("date", 16, 21, FieldKind::Date);
    /// The payer's reference or account.
    pub const PAYER: Field = Field::new(
        "payer's reference or account",
        22,
        32,
        FieldKind::PayerReference,
    );
    /// Amount.
    pub const AMOUNT: Field = Field::new("amount", 33, 49, FieldKind::Number);
    /// KID.
    pub const KID: Field = Field::new("KID", 50, 74, FieldKind::PaddedDigits);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 75, 80, FieldKind::Zeros);
    /// Record 30 in files to MPS.
    pub const LAYOUT_TO_MPS: Layout = Layout {
        record_type: 30,
        direction: Some(Direction::ToMps),
        name: "amount item 1",
        fields: item1_fields![Self::RECORD_TYPE, Self::DUE_DATE],
    };
    /// Record 30 in files from MPS (settled claims).
    pub const LAYOUT_FROM_MPS: Layout = Layout {
        record_type: 30,
        direction: Some(Direction::FromMps),
        name: "amount item 1",
        fields: item1_fields![Self::RECORD_TYPE, Self::PROCESSING_DATE],
    };
    /// Record 35 (rejected claims, from MPS).
    pub const LAYOUT_REJECTED: Layout = Layout {
        record_type: 35,
        direction: Some(Direction::FromMps),
        name: "rejected amount item 1",
        fields: item1_fields![Self::REJECTED_RECORD_TYPE, Self::PROCESSING_DATE],
    };

    pub(super) fn parse<'a>(
        i: &'a [u8],
        ctx: &Context,
        record: &'static Field,
    ) -> PResult<'a, Self> {
        let (i, transaction_type) = head::<ClaimType>(&CLAIM_TYPE, record)(i)?;
        let (i, transaction_number) = number32(&TRANSACTION_NUMBER)(i)?;
        let date_field = match ctx.direction {
            Direction::ToMps => &Self::DUE_DATE,
            Direction::FromMps => &Self::PROCESSING_DATE,
        };
        let (i, date) = date(ctx, date_field)(i)?;
        let (i, payer) = payer::<11>(&Self::PAYER)(i)?;
        let (i, amount) = number(&Self::AMOUNT)(i)?;
        let (i, kid) = padded::<25>(&Self::KID)(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        let record = Self {
            transaction_type,
            transaction_number,
            date,
            payer: PaddedDigits::from_field(*payer),
            amount,
            kid: PaddedDigits::from_field(*kid),
        };
        Ok((i, record))
    }

    #[inline(always)]
    pub(super) fn encode(&self, record: &Field) -> Result<[u8; RECORD_LEN], RecordError> {
        head_out(&CLAIM_TYPE, self.transaction_type, record)
            .num(&TRANSACTION_NUMBER, self.transaction_number.into())
            .date(&Self::DATE, self.date)
            .padded(&Self::PAYER, &self.payer)
            .num(&Self::AMOUNT, self.amount)
            .padded(&Self::KID, &self.kid)
            .zeros(&Self::FILLER)
            .finish()
    }
}

/// 31 Amount item 2 (both directions): the claim's names and references.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AmountItem2 {
    /// Positions 5-6, transaction type, the same as item 1's.
    pub transaction_type: ClaimType,
    /// Positions 9-15, transaction number, the same as item 1's.
    pub transaction_number: u32,
    /// [`Self::SHORT_NAME`]: the payer's abbreviated name.
    pub short_name: Text<10>,
    /// [`Self::OWN_REFERENCE`]: the payee's.
    pub own_reference: Text<25>,
    /// [`Self::FOREIGN_REFERENCE`]: shown on the payer's statement.
    pub foreign_reference: Text<25>,
}

/// Positions 1-75 of records 31 and 36.
macro_rules! item2_fields {
    ($record:expr, $($rest:expr),*) => {
        &[
            FORMAT_CODE,
            SERVICE_CODE_01,
            CLAIM_TYPE,
            $record,
            TRANSACTION_NUMBER,
            AmountItem2::SHORT_NAME,
            AmountItem2::OWN_REFERENCE,
            AmountItem2::FOREIGN_REFERENCE,
            $($rest),*
        ]
    };
}

impl AmountItem2 {
    /// Positions 7-8.
    pub const RECORD_TYPE: Field = record_type("31");
    /// Abbreviated name of the payer.
    pub const SHORT_NAME: Field = Field::new("abbreviated name", 16, 25, FieldKind::Text);
    /// Own reference.
    pub const OWN_REFERENCE: Field = Field::new("own reference", 26, 50, FieldKind::Text);
    /// Foreign reference.
    pub const FOREIGN_REFERENCE: Field = Field::new("foreign reference", 51, 75, FieldKind::Text);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 76, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 31,
        direction: None,
        name: "amount item 2",
        fields: item2_fields![Self::RECORD_TYPE, Self::FILLER],
    };

    pub(super) fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, item) = Self::parse_fields(i, &Self::RECORD_TYPE)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        Ok((i, item))
    }

    /// Positions 1-75 of records 31 and 36.
    fn parse_fields<'a>(i: &'a [u8], record: &'static Field) -> PResult<'a, Self> {
        let (i, transaction_type) = head::<ClaimType>(&CLAIM_TYPE, record)(i)?;
        let (i, transaction_number) = number32(&TRANSACTION_NUMBER)(i)?;
        let (i, short_name) = text::<10>(&Self::SHORT_NAME)(i)?;
        let (i, own_reference) = text::<25>(&Self::OWN_REFERENCE)(i)?;
        let (i, foreign_reference) = text::<25>(&Self::FOREIGN_REFERENCE)(i)?;
        let item = Self {
            transaction_type,
            transaction_number,
            short_name: Text::from_field(*short_name),
            own_reference: Text::from_field(*own_reference),
            foreign_reference: Text::from_field(*foreign_reference),
        };
        Ok((i, item))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        self.encode_fields(&Self::RECORD_TYPE)
            .zeros(&Self::FILLER)
            .finish()
    }

    /// Positions 1-75, shared with record 36.
    #[inline(always)]
    fn encode_fields(&self, record: &Field) -> Out {
        let mut out = head_out(&CLAIM_TYPE, self.transaction_type, record);
        out.num(&TRANSACTION_NUMBER, self.transaction_number.into())
            .text(&Self::SHORT_NAME, &self.short_name)
            .text(&Self::OWN_REFERENCE, &self.own_reference)
            .text(&Self::FOREIGN_REFERENCE, &self.foreign_reference);
        out
    }
}

/// 36 Rejected amount item 2 (from MPS): item 2 of a rejected claim, with the error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RejectedItem2 {
    /// Positions 1-75, as in record 31.
    pub item: AmountItem2,
    /// [`Self::ERROR_CODE`].
    pub error_code: ErrorCode,
}

impl RejectedItem2 {
    /// Positions 7-8.
    pub const RECORD_TYPE: Field = record_type("36");
    /// Error code.
    pub const ERROR_CODE: Field = Field::new("error code", 76, 78, FieldKind::Number);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 79, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 36,
        direction: Some(Direction::FromMps),
        name: "rejected amount item 2",
        fields: item2_fields![Self::RECORD_TYPE, Self::ERROR_CODE, Self::FILLER],
    };

    pub(super) fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, item) = AmountItem2::parse_fields(i, &Self::RECORD_TYPE)?;
        let (i, error_code) = error_code(&Self::ERROR_CODE)(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        Ok((i, Self { item, error_code }))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        self.item
            .encode_fields(&Self::RECORD_TYPE)
            .error_code(&Self::ERROR_CODE, self.error_code)
            .zeros(&Self::FILLER)
            .finish()
    }
}

/// 49 Specification (to MPS, transaction type 03 only): a line of text on the payer's notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Specification {
    /// Positions 9-15, transaction number of the claim it belongs to.
    pub transaction_number: u32,
    /// [`Self::LINE`], 1-21; `None` when blank. A blank or zero line is not printed
    /// ([decision 12](docs/spec-decisions.md#decision-12)); the model checks the range.
    pub line: Option<u16>,
    /// [`Self::COLUMN`], 1 or 2; `None` when blank ([decision 12](docs/spec-decisions.md#decision-12)).
    pub column: Option<u8>,
    /// [`Self::TEXT`] ([decision 3](docs/spec-decisions.md#decision-3): not a KID).
    pub text: Text<40>,
}

impl Specification {
    /// Positions 5-6: always `03`, with notice.
    pub const TRANSACTION_TYPE: Field =
        Field::new("transaction type", 5, 6, FieldKind::Literal("03"));
    /// Positions 7-8.
    pub const RECORD_TYPE: Field = record_type("49");
    /// Notice flag, always `3`.
    pub const NOTICE_FLAG: Field = Field::new("notice flag", 16, 16, FieldKind::Literal("3"));
    /// Line.
    pub const LINE: Field = Field::new("line", 17, 19, FieldKind::NumberOrBlanks);
    /// Column.
    pub const COLUMN: Field = Field::new("column", 20, 20, FieldKind::NumberOrBlanks);
    /// Text.
    pub const TEXT: Field = Field::new("text", 21, 60, FieldKind::Text);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 61, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 49,
        direction: Some(Direction::ToMps),
        name: "specification",
        fields: &[
            FORMAT_CODE,
            SERVICE_CODE_01,
            Self::TRANSACTION_TYPE,
            Self::RECORD_TYPE,
            TRANSACTION_NUMBER,
            Self::NOTICE_FLAG,
            Self::LINE,
            Self::COLUMN,
            Self::TEXT,
            Self::FILLER,
        ],
    };

    pub(super) fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, ()) = literal(&FORMAT_CODE)(i)?;
        let (i, ()) = literal(&SERVICE_CODE_01)(i)?;
        let (i, ()) = literal(&Self::TRANSACTION_TYPE)(i)?;
        let (i, ()) = literal(&Self::RECORD_TYPE)(i)?;
        let (i, transaction_number) = number32(&TRANSACTION_NUMBER)(i)?;
        let (i, ()) = literal(&Self::NOTICE_FLAG)(i)?;
        let (i, line) = number_or_blanks(&Self::LINE)(i)?;
        let (i, column) = number_or_blanks(&Self::COLUMN)(i)?;
        let (i, text) = text::<40>(&Self::TEXT)(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        let record = Self {
            transaction_number,
            // Three digits fit a u16, one digit a u8.
            line: line.and_then(|v| u16::try_from(v).ok()),
            column: column.and_then(|v| u8::try_from(v).ok()),
            text: Text::from_field(*text),
        };
        Ok((i, record))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        Out::new()
            .lit(&FORMAT_CODE)
            .lit(&SERVICE_CODE_01)
            .lit(&Self::TRANSACTION_TYPE)
            .lit(&Self::RECORD_TYPE)
            .num(&TRANSACTION_NUMBER, self.transaction_number.into())
            .lit(&Self::NOTICE_FLAG)
            .num_or_blanks(&Self::LINE, self.line.map(u64::from))
            .num_or_blanks(&Self::COLUMN, self.column.map(u64::from))
            .text(&Self::TEXT, &self.text)
            .zeros(&Self::FILLER)
            .finish()
    }
}

/// Positions 1-41 of record 88: the head and the totals, then the rest of the layout.
macro_rules! assignment_end_fields {
    ($type:expr, $($rest:expr),*) => {
        &[
            FORMAT_CODE,
            SERVICE_CODE_01,
            $type,
            ClaimsEnd::RECORD_TYPE,
            Totals::TRANSACTIONS,
            Totals::RECORDS,
            Totals::SUM,
            $($rest),*
        ]
    };
}
pub(super) use assignment_end_fields;

/// 88 Assignment end of a claims assignment (to MPS, assignment type 00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClaimsEnd {
    /// Positions 9-41: claims, records, sum of item-1 amounts.
    pub totals: Totals,
    /// [`Self::FIRST_DUE_DATE`]: the earliest due date.
    pub first_due_date: Option<Date>,
    /// [`Self::LAST_DUE_DATE`]: the latest due date.
    pub last_due_date: Option<Date>,
}

impl ClaimsEnd {
    /// Positions 5-6: `00`, claims.
    pub const ASSIGNMENT_TYPE: Field =
        Field::new("assignment type", 5, 6, FieldKind::Literal("00"));
    /// Positions 7-8 of every record 88.
    pub const RECORD_TYPE: Field = record_type("88");
    /// First due date.
    pub const FIRST_DUE_DATE: Field = Field::new("first due date", 42, 47, FieldKind::OptionalDate);
    /// Last due date.
    pub const LAST_DUE_DATE: Field = Field::new("last due date", 48, 53, FieldKind::OptionalDate);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 54, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 88,
        direction: Some(Direction::ToMps),
        name: "assignment end",
        fields: assignment_end_fields![
            Self::ASSIGNMENT_TYPE,
            Self::FIRST_DUE_DATE,
            Self::LAST_DUE_DATE,
            Self::FILLER
        ],
    };

    pub(super) fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, ()) = literal(&FORMAT_CODE)(i)?;
        let (i, ()) = literal(&SERVICE_CODE_01)(i)?;
        let (i, ()) = literal(&Self::ASSIGNMENT_TYPE)(i)?;
        let (i, ()) = literal(&Self::RECORD_TYPE)(i)?;
        let (i, totals) = Totals::parse(i)?;
        let (i, first_due_date) = opt_date(ctx, &Self::FIRST_DUE_DATE)(i)?;
        let (i, last_due_date) = opt_date(ctx, &Self::LAST_DUE_DATE)(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        let record = Self {
            totals,
            first_due_date,
            last_due_date,
        };
        Ok((i, record))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        let mut out = Out::new();
        out.lit(&FORMAT_CODE)
            .lit(&SERVICE_CODE_01)
            .lit(&Self::ASSIGNMENT_TYPE)
            .lit(&Self::RECORD_TYPE);
        self.totals
            .encode(&mut out)
            .opt_date(&Self::FIRST_DUE_DATE, self.first_due_date)
            .opt_date(&Self::LAST_DUE_DATE, self.last_due_date)
            .zeros(&Self::FILLER)
            .finish()
    }
}

/// 88 Assignment end of a settled (00) or rejected (25) claims assignment (from MPS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClaimsEndFromMps {
    /// [`Self::ASSIGNMENT_TYPE`]: `00` settled or `25` rejected.
    pub assignment_type: AssignmentType,
    /// Positions 9-41: claims, records, sum of item-1 amounts.
    pub totals: Totals,
    /// [`Self::DATE`]: the date MPS generated the assignment.
    pub generated: Date,
    /// [`Self::FIRST_DATE`]: the earliest processing date.
    pub first_date: Option<Date>,
    /// [`Self::LAST_DATE`]: the latest processing date.
    pub last_date: Option<Date>,
}

impl ClaimsEndFromMps {
    /// Positions 5-6: `00` settled or `25` rejected.
    pub const ASSIGNMENT_TYPE: Field =
        Field::new("assignment type", 5, 6, FieldKind::Code(&["00", "25"]));
    /// The date MPS generated the assignment.
    pub const DATE: Field = Field::new("date", 42, 47, FieldKind::Date);
    /// First date.
    pub const FIRST_DATE: Field = Field::new("first date", 48, 53, FieldKind::OptionalDate);
    /// Last date.
    pub const LAST_DATE: Field = Field::new("last date", 54, 59, FieldKind::OptionalDate);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 60, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 88,
        direction: Some(Direction::FromMps),
        name: "assignment end",
        fields: assignment_end_fields![
            Self::ASSIGNMENT_TYPE,
            Self::DATE,
            Self::FIRST_DATE,
            Self::LAST_DATE,
            Self::FILLER
        ],
    };

    pub(super) fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, assignment_type) =
            head::<AssignmentType>(&Self::ASSIGNMENT_TYPE, &ClaimsEnd::RECORD_TYPE)(i)?;
        let (i, totals) = Totals::parse(i)?;
        let (i, generated) = date(ctx, &Self::DATE)(i)?;
        let (i, first_date) = opt_date(ctx, &Self::FIRST_DATE)(i)?;
        let (i, last_date) = opt_date(ctx, &Self::LAST_DATE)(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        let record = Self {
            assignment_type,
            totals,
            generated,
            first_date,
            last_date,
        };
        Ok((i, record))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        self.totals
            .encode(&mut head_out(
                &Self::ASSIGNMENT_TYPE,
                self.assignment_type,
                &ClaimsEnd::RECORD_TYPE,
            ))
            .date(&Self::DATE, self.generated)
            .opt_date(&Self::FIRST_DATE, self.first_date)
            .opt_date(&Self::LAST_DATE, self.last_date)
            .zeros(&Self::FILLER)
            .finish()
    }
}
