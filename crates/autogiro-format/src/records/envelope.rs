//! The records around the assignments: 10 transmission start, 20 assignment start, 89
//! transmission end, and the totals (positions 9-41) that records 88 and 89 share.

// Measured (callgrind): a field's width folds into a constant only where it is inlined; see
// `parse.rs`.
#![allow(clippy::inline_always)]

use time::Date;

use super::{head, head_out, transmission_head, transmission_head_out};
use crate::encode::Out;
use crate::layout::{
    ASSIGNMENT_TYPES, ASSIGNMENT_TYPES_TO_MPS, FORMAT_CODE, Field, FieldKind, Layout,
    SERVICE_CODE_00, SERVICE_CODE_01, TRANSMISSION_TYPE, record_type,
};
use crate::parse::{PResult, date, digits, number, number32, opt_date, zeros};
use crate::value::{Context, Digits};
use crate::{AssignmentType, Direction, RECORD_LEN, RecordError};

/// 10 Transmission start (both directions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransmissionStart {
    /// [`Self::SENDER`]: the sender's customer unit id (`00008080` from MPS).
    pub sender: u32,
    /// [`Self::TRANSMISSION_NUMBER`]: the sender's own unique numbering.
    pub transmission_number: u32,
    /// [`Self::RECIPIENT`] (`00008080` to MPS).
    pub recipient: u32,
}

impl TransmissionStart {
    /// Positions 7-8.
    pub const RECORD_TYPE: Field = record_type("10");
    /// Data sender.
    pub const SENDER: Field = Field::new("data sender", 9, 16, FieldKind::Number);
    /// Transmission number.
    pub const TRANSMISSION_NUMBER: Field =
        Field::new("transmission number", 17, 23, FieldKind::Number);
    /// Data recipient.
    pub const RECIPIENT: Field = Field::new("data recipient", 24, 31, FieldKind::Number);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 32, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 10,
        direction: None,
        name: "transmission start",
        fields: &[
            FORMAT_CODE,
            SERVICE_CODE_00,
            TRANSMISSION_TYPE,
            Self::RECORD_TYPE,
            Self::SENDER,
            Self::TRANSMISSION_NUMBER,
            Self::RECIPIENT,
            Self::FILLER,
        ],
    };

    pub(super) fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, ()) = transmission_head(&Self::RECORD_TYPE)(i)?;
        let (i, sender) = number32(&Self::SENDER)(i)?;
        let (i, transmission_number) = number32(&Self::TRANSMISSION_NUMBER)(i)?;
        let (i, recipient) = number32(&Self::RECIPIENT)(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        let record = Self {
            sender,
            transmission_number,
            recipient,
        };
        Ok((i, record))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        transmission_head_out(&Self::RECORD_TYPE)
            .num(&Self::SENDER, self.sender.into())
            .num(&Self::TRANSMISSION_NUMBER, self.transmission_number.into())
            .num(&Self::RECIPIENT, self.recipient.into())
            .zeros(&Self::FILLER)
            .finish()
    }

    /// The direction this start gives the file: recipient MPS means to MPS, sender MPS means
    /// from MPS; `None` when neither is MPS.
    pub fn direction(&self) -> Option<Direction> {
        if self.recipient == crate::MPS_ID {
            Some(Direction::ToMps)
        } else if self.sender == crate::MPS_ID {
            Some(Direction::FromMps)
        } else {
            None
        }
    }
}

/// The assignment type field of record 20 or 88, allowing `codes`.
const fn assignment_type(codes: &'static [&'static str]) -> Field {
    Field::new("assignment type", 5, 6, FieldKind::Code(codes))
}

/// 20 Assignment start (both directions; type 25 from MPS only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AssignmentStart {
    /// [`Self::ASSIGNMENT_TYPE`]: `00` claims (settled, from MPS), `24` mandates, `25`
    /// rejected claims.
    pub assignment_type: AssignmentType,
    /// [`Self::AGREEMENT_ID`] (avtale-ID), assigned by MPS.
    pub agreement_id: u32,
    /// [`Self::ASSIGNMENT_NUMBER`]: unique per agreement id for 12 months + 1 day.
    pub assignment_number: u32,
    /// [`Self::ACCOUNT`]: the payee's bank account.
    pub account: Digits<11>,
}

impl AssignmentStart {
    /// Assignment type (in files to MPS `00` or `24`; from MPS also `25`).
    pub const ASSIGNMENT_TYPE: Field = assignment_type(ASSIGNMENT_TYPES);
    /// The assignment type as files to MPS allow it.
    const ASSIGNMENT_TYPE_TO_MPS: Field = assignment_type(ASSIGNMENT_TYPES_TO_MPS);
    /// Positions 7-8.
    pub const RECORD_TYPE: Field = record_type("20");
    /// Agreement id.
    pub const AGREEMENT_ID: Field = Field::new("agreement id", 9, 17, FieldKind::Number);
    /// Assignment number.
    pub const ASSIGNMENT_NUMBER: Field = Field::new("assignment number", 18, 24, FieldKind::Number);
    /// Assignment account.
    pub const ACCOUNT: Field = Field::new("assignment account", 25, 35, FieldKind::Digits);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 36, 80, FieldKind::Zeros);
    /// The layout in files to MPS.
    pub const LAYOUT_TO_MPS: Layout = Layout {
        record_type: 20,
        direction: Some(Direction::ToMps),
        name: "assignment start",
        fields: &[
            FORMAT_CODE,
            SERVICE_CODE_01,
            Self::ASSIGNMENT_TYPE_TO_MPS,
            Self::RECORD_TYPE,
            Self::AGREEMENT_ID,
            Self::ASSIGNMENT_NUMBER,
            Self::ACCOUNT,
            Self::FILLER,
        ],
    };
    /// The layout in files from MPS.
    pub const LAYOUT_FROM_MPS: Layout = Layout {
        record_type: 20,
        direction: Some(Direction::FromMps),
        name: "assignment start",
        fields: &[
            FORMAT_CODE,
            SERVICE_CODE_01,
            Self::ASSIGNMENT_TYPE,
            Self::RECORD_TYPE,
            Self::AGREEMENT_ID,
            Self::ASSIGNMENT_NUMBER,
            Self::ACCOUNT,
            Self::FILLER,
        ],
    };

    pub(super) fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let type_field = match ctx.direction {
            Direction::ToMps => &Self::ASSIGNMENT_TYPE_TO_MPS,
            Direction::FromMps => &Self::ASSIGNMENT_TYPE,
        };
        let (i, assignment_type) = head::<AssignmentType>(type_field, &Self::RECORD_TYPE)(i)?;
        let (i, agreement_id) = number32(&Self::AGREEMENT_ID)(i)?;
        let (i, assignment_number) = number32(&Self::ASSIGNMENT_NUMBER)(i)?;
        let (i, account) = digits::<11>(&Self::ACCOUNT)(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        let record = Self {
            assignment_type,
            agreement_id,
            assignment_number,
            account: Digits::from_field(*account),
        };
        Ok((i, record))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        head_out(
            &Self::ASSIGNMENT_TYPE,
            self.assignment_type,
            &Self::RECORD_TYPE,
        )
        .num(&Self::AGREEMENT_ID, self.agreement_id.into())
        .num(&Self::ASSIGNMENT_NUMBER, self.assignment_number.into())
        .digits(&Self::ACCOUNT, &self.account)
        .zeros(&Self::FILLER)
        .finish()
    }
}

/// The counters every assignment end and transmission end starts with (positions 9-41).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Totals {
    /// [`Self::TRANSACTIONS`].
    pub transactions: u32,
    /// [`Self::RECORDS`], start and end included.
    pub records: u32,
    /// [`Self::SUM`] in øre.
    pub sum: u64,
}

impl Totals {
    /// Number of transactions.
    pub const TRANSACTIONS: Field = Field::new("number of transactions", 9, 16, FieldKind::Number);
    /// Number of records.
    pub const RECORDS: Field = Field::new("number of records", 17, 24, FieldKind::Number);
    /// Sum amount.
    pub const SUM: Field = Field::new("sum amount", 25, 41, FieldKind::Number);

    pub(super) fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, transactions) = number32(&Self::TRANSACTIONS)(i)?;
        let (i, records) = number32(&Self::RECORDS)(i)?;
        let (i, sum) = number(&Self::SUM)(i)?;
        let totals = Self {
            transactions,
            records,
            sum,
        };
        Ok((i, totals))
    }

    #[inline(always)]
    pub(super) fn encode<'o>(&self, out: &'o mut Out) -> &'o mut Out {
        out.num(&Self::TRANSACTIONS, self.transactions.into())
            .num(&Self::RECORDS, self.records.into())
            .num(&Self::SUM, self.sum)
    }
}

/// Positions 1-41 of record 89: the head and the totals.
macro_rules! transmission_end_fields {
    ($($field:expr),* $(,)?) => {
        &[
            FORMAT_CODE,
            SERVICE_CODE_00,
            TRANSMISSION_TYPE,
            TransmissionEnd::RECORD_TYPE,
            Totals::TRANSACTIONS,
            Totals::RECORDS,
            Totals::SUM,
            $($field),*
        ]
    };
}

/// 89 Transmission end (to MPS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransmissionEnd {
    /// Positions 9-41: transactions ([decision 4](docs/spec-decisions.md#decision-4)), records, sum ([decision 5](docs/spec-decisions.md#decision-5)).
    pub totals: Totals,
    /// [`Self::FIRST_DATE`]: the earliest due date; none in a mandate-only transmission.
    pub first_due_date: Option<Date>,
}

impl TransmissionEnd {
    /// Positions 7-8.
    pub const RECORD_TYPE: Field = record_type("89");
    /// First date: the earliest due date.
    pub const FIRST_DATE: Field = Field::new("first date", 42, 47, FieldKind::OptionalDate);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 48, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 89,
        direction: Some(Direction::ToMps),
        name: "transmission end",
        fields: transmission_end_fields![Self::FIRST_DATE, Self::FILLER],
    };

    pub(super) fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, ()) = transmission_head(&Self::RECORD_TYPE)(i)?;
        let (i, totals) = Totals::parse(i)?;
        let (i, first_due_date) = opt_date(ctx, &Self::FIRST_DATE)(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        let record = Self {
            totals,
            first_due_date,
        };
        Ok((i, record))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        self.totals
            .encode(&mut transmission_head_out(&Self::RECORD_TYPE))
            .opt_date(&Self::FIRST_DATE, self.first_due_date)
            .zeros(&Self::FILLER)
            .finish()
    }
}

/// 89 Transmission end (from MPS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransmissionEndFromMps {
    /// Positions 9-41: transactions ([decision 4](docs/spec-decisions.md#decision-4)), records, sum ([decision 5](docs/spec-decisions.md#decision-5)).
    pub totals: Totals,
    /// [`Self::DATE`]: the date MPS generated the transmission.
    pub generated: Date,
}

impl TransmissionEndFromMps {
    /// The date MPS generated the transmission.
    pub const DATE: Field = Field::new("date", 42, 47, FieldKind::Date);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 89,
        direction: Some(Direction::FromMps),
        name: "transmission end",
        fields: transmission_end_fields![Self::DATE, TransmissionEnd::FILLER],
    };

    pub(super) fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, ()) = transmission_head(&TransmissionEnd::RECORD_TYPE)(i)?;
        let (i, totals) = Totals::parse(i)?;
        let (i, generated) = date(ctx, &Self::DATE)(i)?;
        let (i, ()) = zeros(&TransmissionEnd::FILLER)(i)?;
        Ok((i, Self { totals, generated }))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        self.totals
            .encode(&mut transmission_head_out(&TransmissionEnd::RECORD_TYPE))
            .date(&Self::DATE, self.generated)
            .zeros(&TransmissionEnd::FILLER)
            .finish()
    }
}
