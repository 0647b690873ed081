//! The records of AvtaleGiro (service code `21`): to MPS 20 assignment start (claims `00`,
//! cancellation requests `36`), 30/31 items 1 and 2 of a claim or a cancellation request, 49
//! specification, 88 assignment end; from MPS 20 assignment start (mandates `24`), 70 mandate
//! record, 88 assignment end (`docs/records.md`, "AvtaleGiro"). The transmission start and end
//! are Autogiro's (10, 89); settled claims come back as OCR giro transactions of type 15.

use time::Date;

use super::declare::record;
use crate::layout::{FORMAT_CODE, Field, FieldKind, SERVICE_CODE_21};
use crate::services::{
    AvtaleGiroAssignmentType, AvtaleGiroRegistration, AvtaleGiroType, WrittenNotice,
};
use crate::value::{Digits, PaddedDigits, Text};
use crate::{Direction, Totals};

/// Positions 5-6 of records 30 and 31.
const ITEM_TYPE: Field = Field::new(
    "transaction type",
    5,
    6,
    FieldKind::Code(AvtaleGiroType::CODES),
);
/// Positions 9-15 of records 30, 31 and 49.
const TRANSACTION_NUMBER: Field = Field::new("transaction number", 9, 15, FieldKind::Number);
/// Positions 9-17 of record 20: zeros, where Autogiro and OCR giro have the agreement id.
const NO_AGREEMENT_ID: Field = Field::new("filler", 9, 17, FieldKind::Zeros);

record! {
    /// 20 Assignment start of AvtaleGiro: claims (`00`) or cancellation requests (`36`) to
    /// MPS, mandates (`24`) from MPS.
    pub struct AvtaleGiroAssignmentStart {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_21,
        /// [`Self::ASSIGNMENT_TYPE`].
        assignment_type: AvtaleGiroAssignmentType =
            ASSIGNMENT_TYPE("assignment type", 5, 6, Code(&["00", "36"])),
        _ = RECORD_TYPE("record type", 7, 8, Literal("20")),
        _ = NO_AGREEMENT_ID,
        /// [`Self::ASSIGNMENT_NUMBER`]: unique per agreement for 12 months and a day;
        /// claims and cancellations share the series (decision A5).
        assignment_number: u32 = ASSIGNMENT_NUMBER("assignment number", 18, 24, Number),
        /// [`Self::ACCOUNT`]: the payee's account, on which the agreement is registered.
        account: Digits<11> = ACCOUNT("assignment account", 25, 35, Digits),
        _ = FILLER("filler", 36, 80, Zeros),
    }
    layouts {
        /// The layout in files to MPS.
        LAYOUT_TO_MPS: Some(Direction::ToMps), "assignment start";
        /// The layout in files from MPS.
        LAYOUT_FROM_MPS: Some(Direction::FromMps), "assignment start",
            with [AvtaleGiroAssignmentStart::MANDATES];
    }
}

impl AvtaleGiroAssignmentStart {
    /// Assignment type in files from MPS: `24`, mandates.
    pub const MANDATES: Field = Field::new("assignment type", 5, 6, FieldKind::Code(&["24"]));
}

record! {
    /// 30 Amount item 1 of AvtaleGiro (to MPS): a claim (`02`, `21`) or a request to cancel
    /// one (`93`).
    pub struct AvtaleGiroItem1 {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_21,
        /// Positions 5-6: `02` without notice, `21` with notice, `93` a cancellation.
        transaction_type: AvtaleGiroType =
            TRANSACTION_TYPE("transaction type", 5, 6, Code(AvtaleGiroType::CODES)),
        _ = RECORD_TYPE("record type", 7, 8, Literal("30")),
        /// Positions 9-15, transaction number: above zero, ascending within the assignment
        /// (decision A3).
        transaction_number: u32 = TRANSACTION_NUMBER("transaction number", 9, 15, Number),
        /// [`Self::DUE_DATE`] (decision A2).
        due_date: Date = DUE_DATE("due date", 16, 21, Date),
        _ = RESERVED("filler", 22, 32, Blanks),
        /// [`Self::AMOUNT`] in øre.
        amount: u64 = AMOUNT("amount", 33, 49, Number),
        /// [`Self::KID`]: required, with a valid check digit (decision A1).
        kid: PaddedDigits<25> = KID("KID", 50, 74, PaddedDigits),
        _ = FILLER("filler", 75, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::ToMps), "amount item 1";
    }
}

record! {
    /// 31 Amount item 2 of AvtaleGiro (to MPS): the payer's short name and the text for the
    /// payer's statement.
    pub struct AvtaleGiroItem2 {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_21,
        /// Positions 5-6, its item 1's (decision A4).
        transaction_type: AvtaleGiroType = ITEM_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("31")),
        /// Positions 9-15, the number of its item 1.
        transaction_number: u32 = TRANSACTION_NUMBER,
        /// [`Self::SHORT_NAME`]: the payer's abbreviated name.
        short_name: Text<10> = SHORT_NAME("abbreviated name", 16, 25, Text),
        _ = RESERVED("filler", 26, 50, Blanks),
        /// [`Self::FOREIGN_REFERENCE`]: shown on the payer's statement and AvtaleGiro info.
        foreign_reference: Text<25> = FOREIGN_REFERENCE("foreign reference", 51, 75, Text),
        _ = FILLER("filler", 76, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::ToMps), "amount item 2";
    }
}

record! {
    /// 49 Specification of AvtaleGiro (to MPS): a line of text on the payer's AvtaleGiro
    /// info, after a claim of type `21`.
    pub struct AvtaleGiroSpecification {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_21,
        _ = TRANSACTION_TYPE("transaction type", 5, 6, Literal("21")),
        _ = RECORD_TYPE("record type", 7, 8, Literal("49")),
        /// Positions 9-15, the number of the claim's item 1.
        transaction_number: u32 = TRANSACTION_NUMBER("transaction number", 9, 15, Number),
        _ = PAYMENT_NOTICE("payment notice", 16, 16, Literal("4")),
        /// [`Self::LINE`], `001`-`042`.
        line: u32 = LINE("line", 17, 19, Number),
        /// [`Self::COLUMN`], `1` or `2`.
        column: u32 = COLUMN("column", 20, 20, Number),
        /// [`Self::TEXT`].
        text: Text<40> = TEXT("text", 21, 60, Text),
        _ = FILLER("filler", 61, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::ToMps), "specification";
    }
}

record! {
    /// 88 Assignment end of an AvtaleGiro assignment of claims (`00`) or cancellation
    /// requests (`36`), to MPS.
    pub struct AvtaleGiroClaimsEnd {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_21,
        /// [`Self::ASSIGNMENT_TYPE`].
        assignment_type: AvtaleGiroAssignmentType =
            ASSIGNMENT_TYPE("assignment type", 5, 6, Code(&["00", "36"])),
        _ = RECORD_TYPE("record type", 7, 8, Literal("88")),
        /// Positions 9-41: claims or requests, records, the sum of the item-1 amounts.
        totals: Totals = ..,
        /// [`Self::FIRST_DUE_DATE`]: the earliest due date written in item 1 (decision A7).
        first_due_date: Option<Date> = FIRST_DUE_DATE("first due date", 42, 47, OptionalDate),
        /// [`Self::LAST_DUE_DATE`]: the latest.
        last_due_date: Option<Date> = LAST_DUE_DATE("last due date", 48, 53, OptionalDate),
        _ = FILLER("filler", 54, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::ToMps), "assignment end";
    }
}

record! {
    /// 70 Mandate record of AvtaleGiro (from MPS, transaction type `94`): a payer's mandate.
    pub struct AvtaleGiroMandate {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_21,
        _ = TRANSACTION_TYPE("transaction type", 5, 6, Literal("94")),
        _ = RECORD_TYPE("record type", 7, 8, Literal("70")),
        /// [`Self::SERIAL_NUMBER`]: running within the assignment.
        serial_number: u32 = SERIAL_NUMBER("mandate serial number", 9, 15, Number),
        /// [`Self::REGISTRATION_TYPE`]: `0` full listing, `1` new or changed, `2` deleted.
        registration_type: AvtaleGiroRegistration = REGISTRATION_TYPE("registration type", 16, 16,
            Code(AvtaleGiroRegistration::CODES)),
        /// [`Self::KID`]: the KID the mandate is registered with.
        kid: PaddedDigits<25> = KID("KID", 17, 41, PaddedDigits),
        /// [`Self::WRITTEN_NOTICE`]: whether the payer wants a written notice.
        written_notice: WrittenNotice =
            WRITTEN_NOTICE("written notice", 42, 42, Code(WrittenNotice::CODES)),
        _ = FILLER("filler", 43, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "mandate record";
    }
}

record! {
    /// 88 Assignment end of an AvtaleGiro assignment of mandates (`24`, from MPS): counts, no
    /// sum and no dates.
    pub struct AvtaleGiroMandatesEnd {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_21,
        _ = ASSIGNMENT_TYPE("assignment type", 5, 6, Literal("24")),
        _ = RECORD_TYPE("record type", 7, 8, Literal("88")),
        /// [`Self::TRANSACTIONS`]: the mandate records of the assignment.
        transactions: u32 = TRANSACTIONS("number of transactions", 9, 16, Number),
        /// [`Self::RECORDS`]: the assignment's records, its start and end included
        /// (decision A7).
        records: u32 = RECORDS("number of records", 17, 24, Number),
        _ = FILLER("filler", 25, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "assignment end";
    }
}
