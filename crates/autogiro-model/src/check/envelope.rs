//! The rules of the envelope: assignment starts and ends, their numbers, the numbering of
//! transactions, the counters, sums and dates that records 88 and 89 declare.

use time::Date;

use autogiro_checksum::AccountNumber;
use autogiro_format::{
    AmountItem1, AssignmentStart, AssignmentType, ClaimsEndFromMps, Digits, Direction,
    MandatePost1, Totals, TransmissionEnd, TransmissionStart,
};

use super::{Checker, DeclaredDates, Open, Party, Place, checksum_said, date_text, nok};
use crate::limits::{MAX_TRANSACTIONS, Tally};
use crate::pairing::Items;
use crate::said::{Said, said};
use crate::{Amount, AssignmentKind, Code, Severity};

impl Checker {
    pub(super) fn after_end(&mut self, line: u64, record_type: u8) {
        if !self.after_end_reported {
            self.after_end_reported = true;
            self.record_error(
                Code::RecordAfterTransmissionEnd,
                line,
                record_type,
                said!("diag.after-end", record = format!("{record_type:02}")),
            );
        }
    }

    /// The payee's id in the transmission start: the data sender of a file to MPS, the data
    /// recipient of one from MPS; all zeros is no customer unit
    /// ([decision 30](docs/spec-decisions.md#decision-30)).
    pub(super) fn payee_id(&mut self, line: u64, start: &TransmissionStart, direction: Direction) {
        let (id, field) = match direction {
            Direction::ToMps => (start.sender, &TransmissionStart::SENDER),
            Direction::FromMps => (start.recipient, &TransmissionStart::RECIPIENT),
        };
        if id == 0 {
            self.at_field(
                Severity::Error,
                Code::ZeroId,
                line,
                10,
                field,
                said!("diag.zero-customer-unit", field = field.name),
            );
        }
    }

    pub(super) fn start_assignment(
        &mut self,
        line: u64,
        start: &AssignmentStart,
        direction: Direction,
    ) {
        let kind = Some(AssignmentKind::of(start.assignment_type, direction));
        self.open_assignment(line, start, kind);
    }

    /// The start of an assignment at `line`: one still open before it lacks its end, and the
    /// account (the field `account`, positions 25-35 of every record 20) needs its check
    /// digit.
    pub(super) fn assignment_start(&mut self, line: u64, account: &Digits<11>) {
        if let Some(mut open) = self.open.take() {
            self.record_error(
                Code::MissingAssignmentEnd,
                line,
                20,
                said!(
                    "diag.missing-assignment-end-before-start",
                    start = open.line
                ),
            );
            self.close_items(&mut open);
        }
        if let Err(e) = AccountNumber::parse(account.as_str()) {
            self.at_field(
                Severity::Error,
                Code::AccountCheckDigit,
                line,
                20,
                &AssignmentStart::ACCOUNT,
                said!("diag.assignment-account", account = account)
                    .with_words("error", checksum_said(&e)),
            );
        }
    }

    /// Takes the assignment number of `key` for the assignment at `line`, or reports the
    /// assignment that has it already: `whose` names the series (`agreement 56789`), `why`
    /// says why it must be unique.
    pub(super) fn take_assignment_number(
        &mut self,
        line: u64,
        key: (Party, u32),
        whose: Said,
        why: Said,
    ) {
        if let Some(&first) = self.assignment_numbers.get(&key) {
            self.at_field(
                Severity::Error,
                Code::DuplicateAssignmentNumber,
                line,
                20,
                &AssignmentStart::ASSIGNMENT_NUMBER,
                said!(
                    "diag.duplicate-assignment-number",
                    number = key.1,
                    first = first
                )
                .with_words("whose", whose)
                .with_words("why", why),
            );
        } else {
            self.assignment_numbers.insert(key, line);
        }
    }

    /// Opens an assignment of `kind` at `start`'s line, with the checks every assignment
    /// start has: none open before it, the account's check digit, an agreement id, its
    /// number unused.
    pub(super) fn open_assignment(
        &mut self,
        line: u64,
        start: &AssignmentStart,
        kind: Option<AssignmentKind>,
    ) {
        self.assignment_start(line, &start.account);
        if start.agreement_id == 0 {
            self.at_field(
                Severity::Error,
                Code::ZeroId,
                line,
                20,
                &AssignmentStart::AGREEMENT_ID,
                said!("diag.zero-agreement"),
            );
        }
        self.registered.clear();
        let key = (
            Party::Agreement(start.agreement_id),
            start.assignment_number,
        );
        let whose = said!("diag.whose-agreement", agreement = start.agreement_id);
        let why = said!("diag.why-agreement-number");
        self.take_assignment_number(line, key, whose, why);
        self.push_open(line, kind, start.assignment_type);
    }

    /// Opens the assignment that starts at `line`, holding `kind`.
    pub(super) fn push_open(
        &mut self,
        line: u64,
        kind: Option<AssignmentKind>,
        assignment_type: AssignmentType,
    ) {
        if kind != Some(AssignmentKind::AvtaleGiroMandates) {
            self.dated = true;
        }
        self.open = Some(Box::new(Open {
            kind,
            assignment_type,
            line,
            tally: Tally {
                records: 1,
                ..Tally::default()
            },
            next_number: 1,
            damaged: false,
            resync: false,
            pending: Items::default(),
            claim: None,
            mandate: None,
            ocr: super::ocr::OcrOpen::default(),
            avtale: super::avtalegiro::AvtaleOpen::default(),
        }));
    }

    /// Checks that `number` continues the assignment's numbering
    /// ([decision 19](docs/spec-decisions.md#decision-19)): the first number is greater than
    /// zero (other than 1 is a warning), each next one the previous + 1. Called before the
    /// transaction is counted, so an empty tally means the assignment's first.
    #[inline]
    pub(super) fn number(
        &mut self,
        open: &mut Open,
        line: u64,
        record_type: u8,
        number: u32,
        code: Code,
    ) {
        // The common case, the next number of a numbering that went well, in line; the rest
        // (and every report) out of it.
        let first = open.tally.transactions == 0;
        if open.resync || number != open.next_number || (first && number > 1) {
            self.number_problem(open, (line, record_type), number, code);
        }
        open.next_number = number.saturating_add(1);
    }

    /// [`Checker::number`] where something may be to report, at the `line` of a record of
    /// `record_type`.
    #[cold]
    #[inline(never)]
    fn number_problem(&mut self, open: &mut Open, at: (u64, u8), number: u32, code: Code) {
        let (line, record_type) = at;
        let place = if code == Code::MandateSequence {
            &MandatePost1::SEQUENCE_NUMBER
        } else {
            &AmountItem1::TRANSACTION_NUMBER
        };
        let field = place.name;
        let first = open.tally.transactions == 0;
        if open.resync {
            open.resync = false;
        } else if first && number > 1 {
            self.at_field(
                Severity::Warning,
                Code::NumberingStart,
                line,
                record_type,
                place,
                said!("diag.numbering-start", field = field, number = number),
            );
        } else if number != open.next_number {
            let expected = if first {
                said!("diag.expected-first-number")
            } else {
                said!("diag.expected-next-number", next = open.next_number)
            };
            self.at_field(
                Severity::Error,
                code,
                line,
                record_type,
                place,
                said!("diag.numbering", field = field, number = number)
                    .with_words("expected", expected),
            );
        }
    }

    #[inline]
    pub(super) fn count_transaction(&mut self, line: u64, record_type: u8) {
        if !self.too_many_reported && self.tx.claims + self.tx.mandates > MAX_TRANSACTIONS {
            self.too_many(line, record_type);
        }
    }

    /// Reports the transaction past [`MAX_TRANSACTIONS`], once.
    #[cold]
    #[inline(never)]
    fn too_many(&mut self, line: u64, record_type: u8) {
        self.too_many_reported = true;
        self.record_error(
            Code::TooManyTransactions,
            line,
            record_type,
            said!("diag.too-many-transactions", most = MAX_TRANSACTIONS),
        );
    }

    /// Reports a declared value that differs from the computed one. `values` formats both, and
    /// runs only when they differ: end records that add up cost no formatting.
    pub(super) fn compare(
        &mut self,
        code: Code,
        line: u64,
        record_type: u8,
        place: impl Into<Place>,
        equal: bool,
        values: impl FnOnce() -> (Said, Said),
    ) {
        if !equal {
            let place = place.into();
            let (declared, computed) = values();
            self.at_field(
                Severity::Error,
                code,
                line,
                record_type,
                place,
                said!("diag.declared-computed", field = place.field)
                    .with_words("declared", declared)
                    .with_words("computed", computed),
            );
        }
    }

    pub(super) fn end_assignment(
        &mut self,
        line: u64,
        assignment_type: AssignmentType,
        totals: &Totals,
        dates: Option<DeclaredDates>,
    ) {
        let Some(mut open) = self.open.take() else {
            self.record_error(
                Code::AssignmentEndWithoutStart,
                line,
                88,
                said!("diag.end-without-start"),
            );
            return;
        };
        if let Some(p) = open.pending.other() {
            self.missing_item2(p);
        }
        if let Some(m) = open.mandate.take() {
            self.finish_mandate(m);
        }
        self.close_ocr(&mut open);
        self.close_avtale(&mut open);
        open.tally.records += 1;
        if assignment_type != open.assignment_type {
            self.at_field(
                Severity::Error,
                Code::AssignmentTypeMismatch,
                line,
                88,
                &ClaimsEndFromMps::ASSIGNMENT_TYPE,
                said!(
                    "diag.assignment-type-mismatch",
                    expected = open.assignment_type,
                    start = open.line,
                    found = assignment_type
                ),
            );
        }
        if open.damaged {
            return;
        }
        let t = open.tally;
        if t.transactions == 0 {
            self.record_warning(
                Code::EmptyAssignment,
                line,
                88,
                Said::new(match (open.kind, open.assignment_type) {
                    (Some(AssignmentKind::OcrGiro), _) => "diag.empty-assignment.payment",
                    (Some(AssignmentKind::AvtaleGiroCancellations), _) => {
                        "diag.empty-assignment.cancellation"
                    }
                    (_, AssignmentType::Mandates) => "diag.empty-assignment.mandate",
                    _ => "diag.empty-assignment.claim",
                })
                .with("start", open.line),
            );
        }
        self.check_totals(line, 88, totals, &t, None);
        if let Some(DeclaredDates {
            first_field,
            first,
            last_field,
            last,
        }) = dates
        {
            self.compare(
                Code::FirstDateMismatch,
                line,
                88,
                // Named as every end record names them, whatever the layout's own name.
                Place::named(first_field, "first date"),
                first == t.first,
                || (date_text(first), date_text(t.first)),
            );
            self.compare(
                Code::LastDateMismatch,
                line,
                88,
                Place::named(last_field, "last date"),
                last == t.last,
                || (date_text(last), date_text(t.last)),
            );
        }
    }

    /// Checks the counters of an end record against those `computed`. `alternative` is a
    /// second sum the decisions allow.
    pub(super) fn check_totals(
        &mut self,
        line: u64,
        record_type: u8,
        totals: &Totals,
        computed: &Tally,
        alternative: Option<u128>,
    ) {
        let Tally {
            transactions,
            records,
            sum,
            credit,
            ..
        } = *computed;
        self.compare(
            Code::CountMismatch,
            line,
            record_type,
            &Totals::TRANSACTIONS,
            u64::from(totals.transactions) == transactions,
            || (Said::plain(totals.transactions), Said::plain(transactions)),
        );
        self.compare(
            Code::RecordCountMismatch,
            line,
            record_type,
            &Totals::RECORDS,
            u64::from(totals.records) == records,
            || (Said::plain(totals.records), Said::plain(records)),
        );
        if sum > u128::from(Amount::MAX.ore()) {
            self.at_field(
                Severity::Error,
                Code::AmountOverflow,
                line,
                record_type,
                &Totals::SUM,
                said!("diag.amount-overflow", sum = nok(sum)),
            );
            return;
        }
        let declared = u128::from(totals.sum);
        // Credits count negative (decision O2): a sum below zero is none the field can hold.
        let Some(sum) = sum.checked_sub(credit) else {
            let below = credit.saturating_sub(sum);
            self.compare(
                Code::SumMismatch,
                line,
                record_type,
                &Totals::SUM,
                false,
                || {
                    (
                        Said::plain(nok(declared)),
                        Said::plain(format!("-{}", nok(below))),
                    )
                },
            );
            return;
        };
        let alternative = alternative.and_then(|a| a.checked_sub(credit));
        self.compare(
            Code::SumMismatch,
            line,
            record_type,
            &Totals::SUM,
            declared == sum || Some(declared) == alternative,
            || {
                (
                    Said::plain(nok(declared)),
                    match alternative {
                        Some(alt) if alt != sum => {
                            said!("diag.sum-or", sum = nok(sum), alternative = nok(alt))
                        }
                        _ => Said::plain(nok(sum)),
                    },
                )
            },
        );
    }

    pub(super) fn end_transmission(
        &mut self,
        line: u64,
        totals: &Totals,
        first_date: Option<Date>,
        direction: Direction,
    ) {
        if let Some(mut open) = self.open.take() {
            self.record_error(
                Code::MissingAssignmentEnd,
                line,
                89,
                said!("diag.missing-assignment-end-before-end", start = open.line),
            );
            self.close_items(&mut open);
        }
        self.ended = true;
        if self.damaged {
            return;
        }
        if self.assignment_numbers.is_empty() {
            self.record_error(
                Code::EmptyTransmission,
                line,
                89,
                said!("diag.empty-transmission"),
            );
        }
        let tx = &self.tx;
        let all = tx.claims + tx.mandates;
        // [Decision 4](docs/spec-decisions.md#decision-4): writers count claims and mandates; readers also accept zeros in a
        // mandate-only transmission to MPS, and the count without mandates from MPS.
        let declared = u64::from(totals.transactions);
        let count_ok = declared == all
            || (direction == Direction::ToMps && tx.claims == 0 && declared == 0)
            || (direction == Direction::FromMps && declared == tx.claims);
        let transactions = if count_ok { declared } else { all };
        // [Decision 5](docs/spec-decisions.md#decision-5): the sum of the assignment sums, or of the claim amounts alone.
        let (sum, alternative) = (tx.claim_sum + tx.limit_sum, tx.claim_sum);
        let credit = tx.credit;
        let (records, first) = (tx.records, tx.first_date);
        let claims = tx.claims;
        let computed = Tally {
            transactions,
            records,
            sum,
            credit,
            ..Tally::default()
        };
        self.check_totals(line, 89, totals, &computed, Some(alternative));
        // Only the transmission end to MPS declares a first date.
        if direction == Direction::ToMps {
            let declared_first = first_date;
            let expected = if claims == 0 { None } else { first };
            self.compare(
                Code::FirstDateMismatch,
                line,
                89,
                &TransmissionEnd::FIRST_DATE,
                declared_first == expected,
                || (date_text(declared_first), date_text(expected)),
            );
        }
    }
}
