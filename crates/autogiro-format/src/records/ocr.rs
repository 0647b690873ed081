//! The records of OCR giro (service code `09`, files from MPS only): 20 assignment start,
//! 30/31/32 amount items 1-3 of a transaction, 88 assignment end (`docs/records.md`, "OCR
//! giro"). The transmission start and end are Autogiro's (10, 89).

use time::Date;

use super::declare::record;
use crate::layout::{FORMAT_CODE, Field, FieldKind, SERVICE_CODE_09};
use crate::services::{OcrSign, OcrType};
use crate::value::{Digits, PaddedDigits, Text};
use crate::{Direction, Totals};

/// Positions 5-6 of OCR giro's records 20 and 88: always `00`.
const ASSIGNMENT_TYPE: Field = Field::new("assignment type", 5, 6, FieldKind::Literal("00"));
/// Positions 5-6 of records 30 and 31.
const OCR_TYPE: Field = Field::new("transaction type", 5, 6, FieldKind::Code(OcrType::CODES));
/// Positions 9-15 of records 30-32.
const TRANSACTION_NUMBER: Field = Field::new("transaction number", 9, 15, FieldKind::Number);

record! {
    /// 20 Assignment start of OCR giro (from MPS): the agreement whose payments follow.
    pub struct OcrAssignmentStart {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_09,
        _ = ASSIGNMENT_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("20")),
        /// [`Self::AGREEMENT_ID`]: the OCR giro agreement of the assignment account.
        agreement_id: u32 = AGREEMENT_ID("agreement id", 9, 17, Number),
        /// [`Self::ASSIGNMENT_NUMBER`]: running within the transmission (decision O5).
        assignment_number: u32 = ASSIGNMENT_NUMBER("assignment number", 18, 24, Number),
        /// [`Self::ACCOUNT`]: the payee's account the payments went to.
        account: Digits<11> = ACCOUNT("assignment account", 25, 35, Digits),
        _ = FILLER("filler", 36, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "assignment start";
    }
}

record! {
    /// 30 Amount item 1 of OCR giro (from MPS): one payment's date, settlement and amount.
    pub struct OcrItem1 {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_09,
        /// Positions 5-6, where the payment came from (`15` a settled AvtaleGiro claim).
        transaction_type: OcrType = OCR_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("30")),
        /// Positions 9-15, transaction number: ascending within the assignment (decision O5).
        transaction_number: u32 = TRANSACTION_NUMBER,
        /// [`Self::NETS_DATE`]: the day MPS processed (settled) the payment.
        nets_date: Date = NETS_DATE("Nets date", 16, 21, Date),
        /// [`Self::CENTRE_ID`]: the bank data centre the payment was sent to.
        centre_id: u32 = CENTRE_ID("centre id", 22, 23, Number),
        /// [`Self::DAY_CODE`]: the day of the month it was processed.
        day_code: u32 = DAY_CODE("day code", 24, 25, Number),
        /// [`Self::PARTIAL_SETTLEMENT`]: the partial settlement it was in; `0` for types 18-21
        /// (decision O3).
        partial_settlement: u32 = PARTIAL_SETTLEMENT("partial settlement number", 26, 26, Number),
        /// [`Self::SERIAL_NUMBER`]: within the partial settlement; the bank statement shows
        /// one sum per serial number.
        serial_number: u32 = SERIAL_NUMBER("serial number", 27, 31, Number),
        /// [`Self::SIGN`]: `-` makes the amount a credit (decision O2).
        sign: OcrSign = SIGN("sign", 32, 32, Code(OcrSign::CODES)),
        /// [`Self::AMOUNT`] in øre.
        amount: u64 = AMOUNT("amount", 33, 49, Number),
        /// [`Self::KID`]: the payee's reference, right-justified digits, or blanks.
        kid: PaddedDigits<25> = KID("KID", 50, 74, PaddedDigits),
        /// [`Self::CARD_DRAWER`]: zeros by the manual; other digits are kept and warned of
        /// (decision O1).
        card_drawer: u32 = CARD_DRAWER("filler / card drawer", 75, 76, Number),
        _ = FILLER("filler", 77, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "amount item 1";
    }
}

impl OcrItem1 {
    /// Positions 9-15.
    pub const TRANSACTION_NUMBER: Field = TRANSACTION_NUMBER;

    /// The amount with its sign, in øre: negative for a credit (decision O2).
    pub fn signed_amount(&self) -> i128 {
        let amount = i128::from(self.amount);
        match self.sign {
            OcrSign::Plus => amount,
            OcrSign::Minus => -amount,
        }
    }
}

record! {
    /// 31 Amount item 2 of OCR giro (from MPS): where the payment came from.
    pub struct OcrItem2 {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_09,
        /// Positions 5-6, the same as item 1's.
        transaction_type: OcrType = OCR_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("31")),
        /// Positions 9-15, the number of its item 1.
        transaction_number: u32 = TRANSACTION_NUMBER,
        /// [`Self::FORM_NUMBER`]: the giro form's number, a standing order's form type, or
        /// zeros.
        form_number: u64 = FORM_NUMBER("form number", 16, 25, Number),
        /// [`Self::REFERENCE`]: the payer's agreement id (direct remittance), the archive
        /// reference at MPS, or a BAX and session number (types 18-21).
        reference: u32 = REFERENCE("agreement id / archive reference", 26, 34, Number),
        /// [`Self::RESERVED`]: zeros by the manual; other digits are kept and warned of
        /// (decision O1).
        reserved: u32 = RESERVED("filler", 35, 41, Number),
        /// [`Self::BANK_DATE`], or none (`000000`, decision O1).
        bank_date: Option<Date> = BANK_DATE("bank date", 42, 47, OptionalDate),
        /// [`Self::DEBIT_ACCOUNT`]: the payer's account when known, else zeros; zeros for
        /// types 18-21 (decision O3).
        debit_account: Digits<11> = DEBIT_ACCOUNT("debit account", 48, 58, Digits),
        _ = FILLER("filler", 59, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "amount item 2";
    }
}

record! {
    /// 32 Amount item 3 of OCR giro (from MPS, types 20 and 21 only): the terminal's message.
    pub struct OcrItem3 {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_09,
        /// Positions 5-6: `20` or `21`.
        transaction_type: OcrType = TRANSACTION_TYPE("transaction type", 5, 6, Code(&["20", "21"])),
        _ = RECORD_TYPE("record type", 7, 8, Literal("32")),
        /// Positions 9-15, the number of its items 1 and 2.
        transaction_number: u32 = TRANSACTION_NUMBER,
        /// [`Self::FREE_TEXT`]: the message sent from the payment terminal.
        free_text: Text<40> = FREE_TEXT("free text", 16, 55, Text),
        _ = FILLER("filler", 56, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "amount item 3";
    }
}

record! {
    /// 88 Assignment end of OCR giro (from MPS).
    pub struct OcrAssignmentEnd {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_09,
        _ = ASSIGNMENT_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("88")),
        /// Positions 9-41: transactions (items 1, 2 and 3 count once), records, the sum of
        /// the item-1 amounts with their signs (decision O2).
        totals: Totals = ..,
        /// [`Self::NETS_DATE`]: the day MPS made the assignment.
        generated: Date = NETS_DATE("Nets date", 42, 47, Date),
        /// [`Self::FIRST_DATE`]: the earliest Nets date of its transactions.
        first_date: Option<Date> = FIRST_DATE("earliest Nets date", 48, 53, OptionalDate),
        /// [`Self::LAST_DATE`]: the latest.
        last_date: Option<Date> = LAST_DATE("latest Nets date", 54, 59, OptionalDate),
        _ = FILLER("filler", 60, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "assignment end";
    }
}
