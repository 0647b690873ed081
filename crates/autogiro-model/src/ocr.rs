//! OCR giro payments (service code `09`, files from MPS) in the model: an assignment of the
//! payments to one agreement's account, each payment its items 1 and 2 (and 3 for free text)
//! as one value; read from the records (the assembler), written back to them byte for byte
//! (the writer), kept in the JSON form. The rules are the checker's (`check/ocr.rs`).

use time::Date;

use autogiro_checksum::Kid;
use autogiro_format::{
    Digits, OcrAssignmentEnd, OcrAssignmentStart, OcrItem1, OcrItem2, OcrItem3, OcrSign, OcrType,
    Record, Text, Totals,
};

use crate::{Amount, AssignmentHeader};

/// OCR giro payments from MPS: the payments with a KID to one agreement's account, in the
/// order MPS sorted them (by Nets date).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct OcrAssignment {
    /// The assignment start (record 20 of service `09`).
    pub header: AssignmentHeader,
    /// Record 88, positions 42-47: the day MPS made the assignment.
    pub generated: Date,
    /// The payments, in file order.
    pub payments: Vec<OcrPayment>,
}

/// One OCR giro transaction: a payment (or a credit) with its KID, as MPS reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct OcrPayment {
    /// Items 1-3, positions 9-15.
    pub transaction_number: u32,
    /// Items 1-3, positions 5-6: where the payment came from (`15` a settled AvtaleGiro
    /// claim).
    pub transaction_type: OcrType,
    /// Item 1, positions 16-21: the day MPS settled it.
    pub nets_date: Date,
    /// Item 1, positions 33-49.
    pub amount: Amount,
    /// Item 1, position 32 `-`: a credit, which counts negative (decision O2).
    pub credit: bool,
    /// Item 1, positions 50-74; `None` when blank.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_util::opt_kid"))]
    pub kid: Option<Kid>,
    /// Item 1, positions 22-23: the bank data centre.
    pub centre_id: u32,
    /// Item 1, positions 24-25: the day of the month it was processed.
    pub day_code: u32,
    /// Item 1, position 26: the partial settlement.
    pub partial_settlement: u32,
    /// Item 1, positions 27-31: the serial number within the partial settlement.
    pub serial_number: u32,
    /// Item 1, positions 75-76: zeros by the manual, kept as read (decision O1).
    pub card_drawer: u32,
    /// Item 2, positions 16-25: the form number, or zeros.
    pub form_number: u64,
    /// Item 2, positions 26-34: an agreement id, an archive reference, or a BAX and session
    /// number.
    pub reference: u32,
    /// Item 2, positions 35-41: zeros by the manual, kept as read (decision O1).
    pub reserved: u32,
    /// Item 2, positions 42-47, or none.
    pub bank_date: Option<Date>,
    /// Item 2, positions 48-58: the payer's account when known, else zeros.
    pub debit_account: Digits<11>,
    /// Item 3, positions 16-55: the terminal's message (types 20 and 21 only).
    pub free_text: Option<Text<40>>,
}

impl OcrPayment {
    /// The payment of its items as read; `None` when the KID cannot be held (more than 25
    /// digits cannot occur: the field has 25).
    pub(crate) fn of(item1: &OcrItem1, item2: &OcrItem2, item3: Option<&OcrItem3>) -> Option<Self> {
        let kid = crate::assemble::kid_of(&item1.kid).ok()?;
        Some(Self {
            transaction_number: item1.transaction_number,
            transaction_type: item1.transaction_type,
            nets_date: item1.nets_date,
            amount: Amount::from_record(item1.amount),
            credit: item1.sign == OcrSign::Minus,
            kid,
            centre_id: item1.centre_id,
            day_code: item1.day_code,
            partial_settlement: item1.partial_settlement,
            serial_number: item1.serial_number,
            card_drawer: item1.card_drawer,
            form_number: item2.form_number,
            reference: item2.reference,
            reserved: item2.reserved,
            bank_date: item2.bank_date,
            debit_account: item2.debit_account,
            free_text: item3.map(|i| i.free_text),
        })
    }

    /// Its records: items 1 and 2, and item 3 for a free-text type (blank text when the
    /// model has none).
    pub(crate) fn records(&self) -> impl Iterator<Item = Record> {
        let kid = crate::write::kid_field(self.kid.as_ref());
        let item1 = OcrItem1 {
            transaction_type: self.transaction_type,
            transaction_number: self.transaction_number,
            nets_date: self.nets_date,
            centre_id: self.centre_id,
            day_code: self.day_code,
            partial_settlement: self.partial_settlement,
            serial_number: self.serial_number,
            sign: if self.credit {
                OcrSign::Minus
            } else {
                OcrSign::Plus
            },
            amount: self.amount.ore(),
            kid,
            card_drawer: self.card_drawer,
        };
        let item2 = OcrItem2 {
            transaction_type: self.transaction_type,
            transaction_number: self.transaction_number,
            form_number: self.form_number,
            reference: self.reference,
            reserved: self.reserved,
            bank_date: self.bank_date,
            debit_account: self.debit_account,
        };
        let item3 = self.transaction_type.has_free_text().then(|| OcrItem3 {
            transaction_type: self.transaction_type,
            transaction_number: self.transaction_number,
            free_text: self.free_text.unwrap_or(Text::BLANK),
        });
        [Record::OcrItem1(item1), Record::OcrItem2(item2)]
            .into_iter()
            .chain(item3.map(Record::OcrItem3))
    }
}

/// Record 20 of an OCR giro assignment.
pub(crate) fn start(header: &AssignmentHeader) -> Record {
    Record::OcrAssignmentStart(OcrAssignmentStart {
        agreement_id: header.agreement_id,
        assignment_number: header.assignment_number,
        account: crate::write::account_digits(&header.account),
    })
}

/// Record 88 of an OCR giro assignment of `generated`, its totals and its first and last
/// Nets dates.
pub(crate) fn end(generated: Date, totals: Totals, dates: (Option<Date>, Option<Date>)) -> Record {
    Record::OcrAssignmentEnd(OcrAssignmentEnd {
        totals,
        generated,
        first_date: dates.0,
        last_date: dates.1,
    })
}

impl From<OcrAssignment> for crate::Assignment {
    fn from(a: OcrAssignment) -> Self {
        Self::OcrGiro(a)
    }
}

/// Writes an OCR giro assignment: its start, its payments' records, its end; counted into
/// `t`, a credit's amount kept apart (decision O2). The payments it counts; `None` for an
/// assignment of another kind, left to the caller.
pub(crate) fn write_assignment(
    assignment: &crate::Assignment,
    t: &mut crate::limits::Tally,
    here: crate::write::Place,
    emit: &mut impl FnMut(Record, crate::write::Place) -> Result<(), crate::WriteError>,
) -> Result<Option<u64>, crate::WriteError> {
    let crate::Assignment::OcrGiro(a) = assignment else {
        return Ok(None);
    };
    emit(start(&a.header), here)?;
    for (j, p) in a.payments.iter().enumerate() {
        let amount = p.amount.ore();
        let (debit, credit) = if p.credit { (0, amount) } else { (amount, 0) };
        t.add(debit, Some(p.nets_date));
        t.credit += u128::from(credit);
        for record in p.records() {
            t.records += 1;
            emit(record, here.item(j))?;
        }
    }
    emit(
        end(a.generated, crate::write::totals(t, 2)?, (t.first, t.last)),
        here,
    )?;
    Ok(Some(t.transactions))
}
