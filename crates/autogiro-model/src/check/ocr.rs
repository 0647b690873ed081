//! The rules of OCR giro's assignments (service code `09`, files from MPS), decisions O1-O6 of
//! `docs/spec-decisions.md`: a transaction is its items 1 and 2, and for the free-text types 20
//! and 21 its item 3, all of one number and type; numbers above zero and ascending, a gap a
//! warning; transactions in the order of their Nets dates, else a warning; fillers with other
//! digits than zeros and terminal payments with a settlement number or a debit account are
//! warnings; a credit's amount counts negative in the sums.

use time::Date;

use autogiro_format::{
    AssignmentStart, AssignmentType, OcrAssignmentStart, OcrItem1, OcrItem2, OcrItem3, OcrSign,
    OcrType,
};

use super::{Checker, Open};
use crate::said::{Said, said};
use crate::{AssignmentKind, Code, Severity};

/// What an OCR giro assignment remembers between its records.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct OcrOpen {
    /// The transaction being read.
    current: Option<Transaction>,
    /// The number of the last item 1, which the next must pass.
    last_number: Option<u32>,
    /// The Nets date of the last item 1, which the next should not precede.
    last_date: Option<Date>,
}

/// An OCR giro transaction whose items are being read.
#[derive(Debug, Clone, Copy)]
struct Transaction {
    /// The line of its item 1.
    line: u64,
    kind: OcrType,
    number: u32,
    /// The last of its items read: 1, 2 or 3.
    items: u8,
}

impl Transaction {
    /// The items the transaction has: 3 for the free-text types, else 2.
    fn items_of_kind(&self) -> u8 {
        if self.kind.has_free_text() { 3 } else { 2 }
    }
}

impl Checker {
    /// Record 20 of OCR giro: an assignment of payments, with the checks of every assignment
    /// start and its number above the one before it (decision O5).
    pub(super) fn start_ocr(&mut self, line: u64, start: &OcrAssignmentStart) {
        if let Some(previous) = self.ocr_assignment
            && start.assignment_number <= previous
        {
            self.at_field(
                Severity::Warning,
                Code::AssignmentNumberOrder,
                line,
                20,
                &OcrAssignmentStart::ASSIGNMENT_NUMBER,
                said!(
                    "diag.ocr-assignment-order",
                    number = start.assignment_number,
                    previous = previous
                ),
            );
        }
        self.ocr_assignment = Some(start.assignment_number);
        let as_autogiro = AssignmentStart {
            assignment_type: AssignmentType::Claims,
            agreement_id: start.agreement_id,
            assignment_number: start.assignment_number,
            account: start.account,
        };
        self.open_assignment(line, &as_autogiro, Some(AssignmentKind::OcrGiro));
    }

    /// Record 30 of OCR giro: a new transaction, counted with its signed amount.
    pub(super) fn ocr_item1(&mut self, open: &mut Open, line: u64, item: &OcrItem1) {
        self.close_ocr(open);
        self.ocr_number(open, line, item.transaction_number);
        if let Some(before) = open.ocr.last_date
            && item.nets_date < before
        {
            self.at_field(
                Severity::Warning,
                Code::TransactionOrder,
                line,
                30,
                &OcrItem1::NETS_DATE,
                said!(
                    "diag.nets-date-order",
                    date = item.nets_date,
                    before = before
                ),
            );
        }
        open.ocr.last_date = Some(item.nets_date);
        if item.transaction_type.is_terminal() && item.partial_settlement != 0 {
            self.at_field(
                Severity::Warning,
                Code::TerminalFields,
                line,
                30,
                &OcrItem1::PARTIAL_SETTLEMENT,
                said!(
                    "diag.terminal-settlement",
                    number = item.partial_settlement,
                    code = item.transaction_type
                ),
            );
        }
        if item.card_drawer != 0 {
            self.filler_digits(line, 30, &OcrItem1::CARD_DRAWER, item.card_drawer);
        }
        // A credit's amount is kept apart, and taken from the sum (decision O2).
        let amount = u128::from(item.amount);
        let (debit, credit) = match item.sign {
            OcrSign::Plus => (item.amount, 0),
            OcrSign::Minus => (0, amount),
        };
        open.tally.add(debit, Some(item.nets_date));
        open.tally.credit += credit;
        self.tx.claims += 1;
        self.tx.claim_sum += u128::from(debit);
        self.tx.credit += credit;
        self.count_transaction(line, 30);
        open.ocr.current = Some(Transaction {
            line,
            kind: item.transaction_type,
            number: item.transaction_number,
            items: 1,
        });
    }

    /// Checks an item 1's number against the assignment's (decision O5).
    fn ocr_number(&mut self, open: &mut Open, line: u64, number: u32) {
        let resync = std::mem::take(&mut open.resync);
        let at = (line, 30, &OcrItem1::TRANSACTION_NUMBER);
        self.ascending(&mut open.ocr.last_number, resync, at, number);
    }

    /// Checks a number against the last of its series, `last`: above zero and above the last
    /// (else an error), the first 1 and each next the last + 1 (else a warning: the numbers
    /// need only ascend, decisions O5 and A3). `at` is the line, record type and field.
    #[inline]
    pub(super) fn ascending(
        &mut self,
        last: &mut Option<u32>,
        resync: bool,
        at: (u64, u8, &'static autogiro_format::Field),
        number: u32,
    ) {
        // The common case, the next number, in line; the rest (and every report) out of it.
        if number > 0 && last.map_or(number == 1, |n| n.checked_add(1) == Some(number)) {
            *last = Some(number);
            return;
        }
        self.ascending_problem(last, resync, at, number);
    }

    /// [`Checker::ascending`] of a number other than the next.
    #[cold]
    #[inline(never)]
    fn ascending_problem(
        &mut self,
        last: &mut Option<u32>,
        resync: bool,
        at: (u64, u8, &'static autogiro_format::Field),
        number: u32,
    ) {
        let (line, record_type, field) = at;
        let expected = last.map_or(1, |n| n.saturating_add(1));
        if number == 0 || last.is_some_and(|n| number <= n) {
            let above = last.map_or_else(
                || said!("diag.above-zero"),
                |n| said!("diag.above-previous", previous = n),
            );
            self.at_field(
                Severity::Error,
                Code::TransactionNumber,
                line,
                record_type,
                field,
                said!("diag.ocr-number", field = field.name, number = number)
                    .with_words("above", above),
            );
        } else if number != expected && !resync {
            let (code, key) = if last.is_none() {
                (Code::NumberingStart, "diag.ocr-numbering-start")
            } else {
                (Code::NumberingGap, "diag.ocr-numbering-gap")
            };
            self.at_field(
                Severity::Warning,
                code,
                line,
                record_type,
                field,
                Said::new(key)
                    .with("field", field.name)
                    .with("number", number)
                    .with("expected", expected),
            );
        }
        *last = Some(number.max(last.unwrap_or(0)));
    }

    /// Record 31 of OCR giro: the item 2 of the transaction whose item 1 is right before it.
    pub(super) fn ocr_item2(&mut self, open: &mut Open, line: u64, item: &OcrItem2) {
        let current = open.ocr.current.filter(|t| t.items == 1);
        let Some(mut t) = current else {
            if !open.resync {
                self.close_ocr(open);
                self.item2_unpaired(line, item.transaction_number);
            }
            return;
        };
        if (t.kind, t.number) != (item.transaction_type, item.transaction_number) {
            let found = (item.transaction_type.code(), item.transaction_number);
            self.item2_mismatch_of(line, found, (t.kind.code(), t.number, t.line));
        }
        if item.reserved != 0 {
            self.filler_digits(line, 31, &OcrItem2::RESERVED, item.reserved);
        }
        if t.kind.is_terminal() && !item.debit_account.is_zero() {
            self.at_field(
                Severity::Warning,
                Code::TerminalFields,
                line,
                31,
                &OcrItem2::DEBIT_ACCOUNT,
                said!(
                    "diag.terminal-account",
                    account = item.debit_account,
                    code = t.kind
                ),
            );
        }
        t.items = 2;
        open.ocr.current = Some(t);
    }

    /// Record 32 of OCR giro: the free text of the transaction whose items 1 and 2 are right
    /// before it, of type 20 or 21.
    pub(super) fn ocr_item3(&mut self, open: &mut Open, line: u64, item: &OcrItem3) {
        let current = open.ocr.current.filter(|t| t.items == 2);
        match current {
            Some(mut t)
                if t.kind.has_free_text()
                    && (t.kind, t.number) == (item.transaction_type, item.transaction_number) =>
            {
                t.items = 3;
                open.ocr.current = Some(t);
            }
            _ if open.resync => {}
            _ => {
                let after = match current {
                    Some(t) if !t.kind.has_free_text() => said!(
                        "diag.item3-type-without-text",
                        number = t.number,
                        line = t.line,
                        code = t.kind
                    ),
                    Some(t) => said!(
                        "diag.item3-other-transaction",
                        code = t.kind,
                        number = t.number,
                        line = t.line
                    ),
                    None => said!("diag.item3-alone"),
                };
                self.record_error(
                    Code::UnexpectedItem3,
                    line,
                    32,
                    said!(
                        "diag.unexpected-item3",
                        code = item.transaction_type,
                        number = item.transaction_number
                    )
                    .with_words("after", after),
                );
            }
        }
    }

    /// Reports what the OCR giro transaction being read lacks, and forgets it: at its next
    /// item 1, the end of the assignment, or a line that could not be read.
    #[inline]
    pub(super) fn close_ocr(&mut self, open: &mut Open) {
        let Some(t) = open.ocr.current.take() else {
            return;
        };
        if t.items >= t.items_of_kind() {
            return;
        }
        self.ocr_incomplete(t);
    }

    /// Reports a transaction without its item 2, or a free-text one without its item 3.
    #[cold]
    #[inline(never)]
    fn ocr_incomplete(&mut self, t: Transaction) {
        if t.items == 1 {
            self.record_error(
                Code::MissingItem2,
                t.line,
                30,
                said!("diag.missing-item2", number = t.number, record = "31"),
            );
        } else if t.items < t.items_of_kind() {
            self.record_error(
                Code::MissingItem3,
                t.line,
                30,
                said!("diag.missing-item3", number = t.number, code = t.kind),
            );
        }
    }

    /// The error of an item 2 (record 31 of OCR giro or AvtaleGiro) with no item 1 right
    /// before it.
    #[cold]
    #[inline(never)]
    pub(super) fn item2_unpaired(&mut self, line: u64, number: u32) {
        self.record_error(
            Code::Item2WithoutItem1,
            line,
            31,
            said!("diag.item2-without-item1", number = number, record = "30"),
        );
    }

    /// The error of an item 2 (record 31 of OCR giro or AvtaleGiro) whose type and number,
    /// `found`, are not those of its item 1 (type, number, line).
    #[cold]
    #[inline(never)]
    pub(super) fn item2_mismatch_of(
        &mut self,
        line: u64,
        found: (&str, u32),
        item1: (&str, u32, u64),
    ) {
        self.record_error(
            Code::ItemMismatch,
            line,
            31,
            said!(
                "diag.item-mismatch",
                found_type = found.0,
                found_number = found.1,
                code = item1.0,
                number = item1.1,
                line = item1.2
            ),
        );
    }

    /// The warning of a filler of a file from MPS that holds other digits than zeros, kept as
    /// read (decision O1).
    fn filler_digits(
        &mut self,
        line: u64,
        record_type: u8,
        field: &autogiro_format::Field,
        value: u32,
    ) {
        self.at_field(
            Severity::Warning,
            Code::FillerDigits,
            line,
            record_type,
            field,
            said!(
                "diag.filler-digits",
                field = field.name,
                value = format!("{value:0width$}", width = field.width())
            ),
        );
    }
}
