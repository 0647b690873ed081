//! The records around the assignments: 10 transmission start, 20 assignment start, 89
//! transmission end, and the totals (positions 9-41) that records 88 and 89 share.

use time::Date;

use super::declare::record;
use crate::layout::{
    ASSIGNMENT_TYPES, ASSIGNMENT_TYPES_TO_MPS, FORMAT_CODE, Field, FieldKind, SERVICE_CODE_00,
    SERVICE_CODE_01, TRANSMISSION_TYPE,
};
use crate::value::Digits;
use crate::{AssignmentType, Direction};

record! {
    /// 10 Transmission start (both directions).
    pub struct TransmissionStart {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_00,
        _ = TRANSMISSION_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("10")),
        /// [`Self::SENDER`]: the sender's customer unit id (`00008080` from MPS).
        sender: u32 = SENDER("data sender", 9, 16, Number),
        /// [`Self::TRANSMISSION_NUMBER`]: the sender's own unique numbering.
        transmission_number: u32 = TRANSMISSION_NUMBER("transmission number", 17, 23, Number),
        /// [`Self::RECIPIENT`] (`00008080` to MPS).
        recipient: u32 = RECIPIENT("data recipient", 24, 31, Number),
        _ = FILLER("filler", 32, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: None, "transmission start";
    }
}

impl TransmissionStart {
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

record! {
    /// 20 Assignment start (both directions; type 25 from MPS only).
    pub struct AssignmentStart {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        /// [`Self::ASSIGNMENT_TYPE`]: `00` claims (settled, from MPS), `24` mandates, `25`
        /// rejected claims.
        assignment_type: AssignmentType = ASSIGNMENT_TYPE_TO_MPS,
        _ = RECORD_TYPE("record type", 7, 8, Literal("20")),
        /// [`Self::AGREEMENT_ID`] (avtale-ID), assigned by MPS.
        agreement_id: u32 = AGREEMENT_ID("agreement id", 9, 17, Number),
        /// [`Self::ASSIGNMENT_NUMBER`]: unique per agreement id for 12 months + 1 day.
        assignment_number: u32 = ASSIGNMENT_NUMBER("assignment number", 18, 24, Number),
        /// [`Self::ACCOUNT`]: the payee's bank account.
        account: Digits<11> = ACCOUNT("assignment account", 25, 35, Digits),
        _ = FILLER("filler", 36, 80, Zeros),
    }
    layouts {
        /// The layout in files to MPS.
        LAYOUT_TO_MPS: Some(Direction::ToMps), "assignment start";
        /// The layout in files from MPS.
        LAYOUT_FROM_MPS: Some(Direction::FromMps), "assignment start",
            with [AssignmentStart::ASSIGNMENT_TYPE];
    }
}

/// The assignment type of record 20 as files to MPS allow it.
const ASSIGNMENT_TYPE_TO_MPS: Field = assignment_type(ASSIGNMENT_TYPES_TO_MPS);

impl AssignmentStart {
    /// Assignment type (in files to MPS `00` or `24`; from MPS also `25`).
    pub const ASSIGNMENT_TYPE: Field = assignment_type(ASSIGNMENT_TYPES);
}

record! {
    /// The counters every assignment end and transmission end starts with (positions 9-41).
    #[derive(Default)]
    pub struct Totals {
        /// [`Self::TRANSACTIONS`].
        transactions: u32 = TRANSACTIONS("number of transactions", 9, 16, Number),
        /// [`Self::RECORDS`], start and end included.
        records: u32 = RECORDS("number of records", 17, 24, Number),
        /// [`Self::SUM`] in øre.
        sum: u64 = SUM("sum amount", 25, 41, Number),
    }
}

record! {
    /// 89 Transmission end (to MPS).
    pub struct TransmissionEnd {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_00,
        _ = TRANSMISSION_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("89")),
        /// Positions 9-41: transactions ([decision 4](docs/spec-decisions.md#decision-4)),
        /// records, sum ([decision 5](docs/spec-decisions.md#decision-5)).
        totals: Totals = ..,
        /// [`Self::FIRST_DATE`]: the earliest due date; none in a mandate-only transmission.
        first_due_date: Option<Date> = FIRST_DATE("first date", 42, 47, OptionalDate),
        _ = FILLER("filler", 48, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::ToMps), "transmission end";
    }
}

record! {
    /// 89 Transmission end (from MPS).
    pub struct TransmissionEndFromMps {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_00,
        _ = TRANSMISSION_TYPE,
        _ = TRANSMISSION_END,
        /// Positions 9-41: transactions ([decision 4](docs/spec-decisions.md#decision-4)),
        /// records, sum ([decision 5](docs/spec-decisions.md#decision-5)).
        totals: Totals = ..,
        /// [`Self::DATE`]: the date MPS generated the transmission; zeros (`None`) in a
        /// transmission of AvtaleGiro mandates only (decision A8), which the model checks.
        generated: Option<Date> = DATE("date", 42, 47, OptionalDate),
        _ = TRANSMISSION_END_FILLER,
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "transmission end";
    }
}

/// Positions 7-8 of both directions' record 89.
const TRANSMISSION_END: Field = TransmissionEnd::RECORD_TYPE;
/// Positions 48-80 of both directions' record 89.
const TRANSMISSION_END_FILLER: Field = TransmissionEnd::FILLER;
