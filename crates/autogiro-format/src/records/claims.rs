//! The records of claims: 30/35 amount item 1, 31/36 amount item 2, 49 specification, and the
//! 88 assignment ends of claims assignments.

use time::Date;

use super::declare::record;
use crate::layout::{
    ASSIGNMENT_END, CLAIM_TYPE, FORMAT_CODE, Field, FieldKind, SERVICE_CODE_01, TRANSACTION_NUMBER,
    record_type,
};
use crate::value::{PaddedDigits, Text};
use crate::{AssignmentType, ClaimType, Direction, ErrorCode, Totals};

record! {
    /// 30 Amount item 1 (both directions) and 35 Rejected amount item 1 (from MPS): one claim's
    /// amount.
    pub struct AmountItem1 {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        /// Positions 5-6, transaction type: `02` without notice, `03` with notice.
        transaction_type: ClaimType = CLAIM_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("30")),
        /// Positions 9-15, transaction number: consecutive within the assignment, from 1.
        transaction_number: u32 = TRANSACTION_NUMBER,
        /// [`Self::DUE_DATE`] (to MPS) or [`Self::PROCESSING_DATE`] (from MPS).
        date: Date = DUE_DATE("due date", 16, 21, Date),
        /// [`Self::PAYER`]: the payer's reference (blank-padded digits) or 11-digit account;
        /// never all blanks ([decision 20](docs/spec-decisions.md#decision-20)).
        payer: PaddedDigits<11> = PAYER("payer's reference or account", 22, 32, PayerReference),
        /// [`Self::AMOUNT`] in øre.
        amount: u64 = AMOUNT("amount", 33, 49, Number),
        /// [`Self::KID`]: right-justified digits, or blanks
        /// ([decision 2](docs/spec-decisions.md#decision-2)).
        kid: PaddedDigits<25> = KID("KID", 50, 74, PaddedDigits),
        _ = FILLER("filler", 75, 80, Zeros),
    }
    layouts {
        /// Record 30 in files to MPS.
        LAYOUT_TO_MPS: Some(Direction::ToMps), "amount item 1";
        /// Record 30 in files from MPS (settled claims).
        LAYOUT_FROM_MPS: Some(Direction::FromMps), "amount item 1", with [AmountItem1::PROCESSING_DATE];
        /// Record 35 (rejected claims, from MPS).
        LAYOUT_REJECTED: Some(Direction::FromMps), "rejected amount item 1",
            with [AmountItem1::REJECTED_RECORD_TYPE, AmountItem1::PROCESSING_DATE];
    }
}

impl AmountItem1 {
    /// Positions 5-6.
    pub const TRANSACTION_TYPE: Field = CLAIM_TYPE;
    /// Positions 7-8 of record 35.
    pub const REJECTED_RECORD_TYPE: Field = record_type("35");
    /// Positions 9-15.
    pub const TRANSACTION_NUMBER: Field = TRANSACTION_NUMBER;
    /// Processing date (from MPS), in the due date's columns.
    pub const PROCESSING_DATE: Field = Field::new("processing date", 16, 21, FieldKind::Date);
}

record! {
    /// 31 Amount item 2 (both directions): the claim's names and references. Positions 1-75;
    /// record 31 ends in a filler, record 36 ([`RejectedItem2`]) in the error code.
    pub struct AmountItem2 {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        /// Positions 5-6, transaction type, the same as item 1's.
        transaction_type: ClaimType = CLAIM_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("31")),
        /// Positions 9-15, transaction number, the same as item 1's.
        transaction_number: u32 = TRANSACTION_NUMBER,
        /// [`Self::SHORT_NAME`]: the payer's abbreviated name.
        short_name: Text<10> = SHORT_NAME("abbreviated name", 16, 25, Text),
        /// [`Self::OWN_REFERENCE`]: the payee's.
        own_reference: Text<25> = OWN_REFERENCE("own reference", 26, 50, Text),
        /// [`Self::FOREIGN_REFERENCE`]: shown on the payer's statement.
        foreign_reference: Text<25> = FOREIGN_REFERENCE("foreign reference", 51, 75, Text),
    }
    layouts {
        /// The layout.
        LAYOUT: None, "amount item 2", then [AmountItem2::FILLER];
    }
}

impl AmountItem2 {
    /// Filler, positions 76-80 of record 31.
    pub const FILLER: Field = Field::new("filler", 76, 80, FieldKind::Zeros);
}

record! {
    /// 36 Rejected amount item 2 (from MPS): item 2 of a rejected claim, with the error code.
    pub struct RejectedItem2 {
        /// Positions 1-75, as in record 31.
        item: AmountItem2 = ..,
        /// [`Self::ERROR_CODE`].
        error_code: ErrorCode = ERROR_CODE("error code", 76, 78, Number),
        _ = FILLER("filler", 79, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "rejected amount item 2", with [RejectedItem2::RECORD_TYPE];
    }
}

impl RejectedItem2 {
    /// Positions 7-8.
    pub const RECORD_TYPE: Field = record_type("36");
}

record! {
    /// 49 Specification (to MPS, transaction type 03 only): a line of text on the payer's
    /// notice.
    pub struct Specification {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        _ = TRANSACTION_TYPE("transaction type", 5, 6, Literal("03")),
        _ = RECORD_TYPE("record type", 7, 8, Literal("49")),
        /// Positions 9-15, transaction number of the claim it belongs to.
        transaction_number: u32 = TRANSACTION_NUMBER,
        _ = NOTICE_FLAG("notice flag", 16, 16, Literal("3")),
        /// [`Self::LINE`], 1-21; `None` when blank. A blank or zero line is not printed
        /// ([decision 12](docs/spec-decisions.md#decision-12)); the model checks the range.
        line: Option<u16> = LINE("line", 17, 19, NumberOrBlanks),
        /// [`Self::COLUMN`], 1 or 2; `None` when blank
        /// ([decision 12](docs/spec-decisions.md#decision-12)).
        column: Option<u8> = COLUMN("column", 20, 20, NumberOrBlanks),
        /// [`Self::TEXT`] ([decision 3](docs/spec-decisions.md#decision-3): not a KID).
        text: Text<40> = TEXT("text", 21, 60, Text),
        _ = FILLER("filler", 61, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::ToMps), "specification";
    }
}

record! {
    /// 88 Assignment end of a claims assignment (to MPS, assignment type 00).
    pub struct ClaimsEnd {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        _ = ASSIGNMENT_TYPE("assignment type", 5, 6, Literal("00")),
        _ = RECORD_TYPE("record type", 7, 8, Literal("88")),
        /// Positions 9-41: claims, records, sum of item-1 amounts.
        totals: Totals = ..,
        /// [`Self::FIRST_DUE_DATE`]: the earliest due date.
        first_due_date: Option<Date> = FIRST_DUE_DATE("first due date", 42, 47, OptionalDate),
        /// [`Self::LAST_DUE_DATE`]: the latest due date.
        last_due_date: Option<Date> = LAST_DUE_DATE("last due date", 48, 53, OptionalDate),
        _ = FILLER("filler", 54, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::ToMps), "assignment end";
    }
}

record! {
    /// 88 Assignment end of a settled (00) or rejected (25) claims assignment (from MPS).
    pub struct ClaimsEndFromMps {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        /// [`Self::ASSIGNMENT_TYPE`]: `00` settled or `25` rejected.
        assignment_type: AssignmentType =
            ASSIGNMENT_TYPE("assignment type", 5, 6, Code(&["00", "25"])),
        _ = ASSIGNMENT_END,
        /// Positions 9-41: claims, records, sum of item-1 amounts.
        totals: Totals = ..,
        /// [`Self::DATE`]: the date MPS generated the assignment.
        generated: Date = DATE("date", 42, 47, Date),
        /// [`Self::FIRST_DATE`]: the earliest processing date.
        first_date: Option<Date> = FIRST_DATE("first date", 48, 53, OptionalDate),
        /// [`Self::LAST_DATE`]: the latest processing date.
        last_date: Option<Date> = LAST_DATE("last date", 54, 59, OptionalDate),
        _ = FILLER("filler", 60, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "assignment end";
    }
}
