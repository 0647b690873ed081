//! The rules of claims: item 1 and item 2 in pairs, KID and account check digits, the due date
//! window, specification records (49) and their places.

use autogiro_checksum::{AccountNumber, Kid, Modulus};
use autogiro_format::{
    AmountItem1, AmountItem2, ClaimType, Direction, Field, PaddedDigits, Specification,
};

use super::{Checker, ClaimState, Open, Pending, Place, checksum_said};
use crate::limits::{MAX_SPECIFICATIONS, SPECIFICATION_LINES};
use crate::said::said;
use crate::{Code, Date, KidCheck, Severity};

impl Checker {
    pub(super) fn missing_item2(&mut self, p: Pending) {
        self.record_error(
            Code::MissingItem2,
            p.line,
            p.record_type,
            said!(
                "diag.missing-item2",
                number = p.number,
                record = format!("{:02}", p.record_type + 1)
            ),
        );
    }

    pub(super) fn item1(
        &mut self,
        open: &mut Open,
        line: u64,
        record_type: u8,
        item: &AmountItem1,
        direction: Direction,
    ) {
        self.number(
            open,
            line,
            record_type,
            item.transaction_number,
            Code::TransactionNumber,
        );
        let unpaired = open.pending.item1(Pending {
            line,
            record_type,
            claim_type: item.transaction_type,
            number: item.transaction_number,
        });
        // The record before an item 1 has already closed any item 1 before it.
        if let Some(p) = unpaired {
            self.missing_item2(p);
        }
        open.claim = None;
        open.tally.add(item.amount, Some(item.date));
        self.tx.claims += 1;
        self.tx.claim_sum += u128::from(item.amount);
        self.tx.first_date = Some(self.tx.first_date.map_or(item.date, |d| d.min(item.date)));
        self.count_transaction(line, record_type);
        self.check_kid(line, record_type, &item.kid, &AmountItem1::KID);
        // Only a field starting with a digit 1-9 can be an account rather than a padded
        // reference; the byte test keeps the common case cheap.
        let payer = &item.payer;
        let bytes = payer.as_bytes();
        match (bytes.first(), bytes.last()) {
            (Some(b'1'..=b'9'), _) if AccountNumber::parse(payer.as_field()).is_err() => {
                self.payer_not_account(line, record_type, item);
            }
            // Zeros only end with one: the last byte spares the common case the loop.
            (Some(b'0' | b' '), Some(b'0')) if bytes.iter().all(|&b| b == b'0' || b == b' ') => {
                self.payer_zeros(line, record_type, payer.as_field());
            }
            _ => {}
        }
        if let (Direction::ToMps, Some(today), Some(window)) = (direction, self.today, self.window)
            && (item.date < window.0 || item.date > window.1)
        {
            self.outside_window(line, record_type, item.date, today, window);
        }
    }

    /// The warning of a payer's field that starts like an account but is none. Out of line,
    /// as every report of an item 1: the common case keeps a small frame.
    #[cold]
    #[inline(never)]
    fn payer_not_account(&mut self, line: u64, record_type: u8, item: &AmountItem1) {
        let payer = &item.payer;
        self.at_field(
            Severity::Warning,
            Code::PayerAccountCheckDigit,
            line,
            record_type,
            &AmountItem1::PAYER,
            said!("diag.payer-not-account", payer = payer),
        );
    }

    /// The error of a payer's field of all zeros: no reference and no account
    /// ([decision 30](docs/spec-decisions.md#decision-30)).
    #[cold]
    #[inline(never)]
    fn payer_zeros(&mut self, line: u64, record_type: u8, payer: &str) {
        self.at_field(
            Severity::Error,
            Code::AccountCheckDigit,
            line,
            record_type,
            &AmountItem1::PAYER,
            said!("diag.zero-payer", payer = payer),
        );
    }

    /// The error of a due date outside the window around today.
    #[cold]
    #[inline(never)]
    fn outside_window(
        &mut self,
        line: u64,
        record_type: u8,
        date: Date,
        today: Date,
        (earliest, latest): (Date, Date),
    ) {
        self.at_field(
            Severity::Error,
            Code::DueDateWindow,
            line,
            record_type,
            &AmountItem1::DUE_DATE,
            said!(
                "diag.due-date-window",
                date = date,
                today = today,
                earliest = earliest,
                latest = latest
            ),
        );
    }

    /// Checks the KID in `kid` (the field `field`, at most 25 digits) by the scheme of the
    /// options; a blank one is the caller's to judge. Always inlined: called for every claim,
    /// from two places (Autogiro's and AvtaleGiro's item 1), the compiler otherwise keeps it
    /// apart (callgrind: 2 % more instructions for `validate`).
    #[inline(always)]
    #[allow(clippy::inline_always)]
    pub(super) fn check_kid(
        &mut self,
        line: u64,
        record_type: u8,
        kid: &PaddedDigits<25>,
        field: &'static Field,
    ) {
        if kid.is_blank() {
            return;
        }
        // The check digit alone decides; a `Kid` is built only to word an error. The field's
        // blanks lead, so it holds at least `Kid::MIN_LEN` digits when the byte that many
        // from its end is one; its digits are then summed with the blanks as zeros, 25 at a
        // time wherever they start.
        let long_enough = kid
            .as_bytes()
            .get(Kid::MAX_LEN - Kid::MIN_LEN)
            .is_some_and(|&b| b != b' ');
        let valid = long_enough
            && match self.kid {
                KidCheck::Any => Modulus::of(kid.zero_padded()).is_some(),
                KidCheck::Only(m) => m.is_valid(kid.zero_padded()),
                KidCheck::Off => Kid::parse_unchecked(kid.digit_bytes()).is_ok(),
            };
        if !valid {
            self.kid_error(line, record_type, kid, field);
        }
    }

    /// The error of a KID whose check digit (or digits) fail.
    #[cold]
    #[inline(never)]
    fn kid_error(
        &mut self,
        line: u64,
        record_type: u8,
        kid: &PaddedDigits<25>,
        field: &'static Field,
    ) {
        let digits = kid.digits();
        let result = match self.kid {
            KidCheck::Any => Kid::parse(digits),
            KidCheck::Only(m) => Kid::parse_with(digits, m),
            KidCheck::Off => Kid::parse_unchecked(digits),
        };
        if let Err(e) = result {
            self.at_field(
                Severity::Error,
                Code::KidCheckDigit,
                line,
                record_type,
                field,
                said!("diag.kid", kid = digits).with_words("error", checksum_said(&e)),
            );
        }
    }

    #[inline]
    pub(super) fn item2(
        &mut self,
        open: &mut Open,
        line: u64,
        record_type: u8,
        claim_type: ClaimType,
        number: u32,
    ) {
        // The common case, the pair of the item 1 before, in line; every report out of it.
        let Some(p) = open.pending.item2() else {
            if !open.resync {
                self.item2_alone(line, record_type, number);
            }
            return;
        };
        if p.claim_type != claim_type || p.number != number {
            self.item2_mismatch(&p, line, record_type, claim_type, number);
        }
        open.claim = Some(ClaimState {
            claim_type: p.claim_type,
            number: p.number,
            specifications: 0,
            places: 0,
        });
    }

    /// The text of an amount item 2: the abbreviated name filled in (an error to MPS, a
    /// warning from it: [decision 26](docs/spec-decisions.md#decision-26)), and text to MPS
    /// left-justified ([decision 25](docs/spec-decisions.md#decision-25)).
    #[inline(never)]
    pub(super) fn item2_text(
        &mut self,
        line: u64,
        record_type: u8,
        item: &AmountItem2,
        direction: Direction,
    ) {
        if item.short_name.is_blank() {
            let severity = match direction {
                Direction::ToMps => Severity::Error,
                Direction::FromMps => Severity::Warning,
            };
            self.at_field(
                severity,
                Code::RequiredField,
                line,
                record_type,
                &AmountItem2::SHORT_NAME,
                said!("diag.blank-short-name"),
            );
        }
        if direction == Direction::ToMps {
            self.left_justified(
                line,
                record_type,
                &AmountItem2::SHORT_NAME,
                &item.short_name,
            );
            let own = &item.own_reference;
            self.left_justified(line, record_type, &AmountItem2::OWN_REFERENCE, own);
            let foreign = &item.foreign_reference;
            self.left_justified(line, record_type, &AmountItem2::FOREIGN_REFERENCE, foreign);
        }
    }

    /// An item 2 without its item 1.
    #[cold]
    #[inline(never)]
    fn item2_alone(&mut self, line: u64, record_type: u8, number: u32) {
        self.record_error(
            Code::Item2WithoutItem1,
            line,
            record_type,
            said!(
                "diag.item2-without-item1",
                number = number,
                record = format!("{:02}", record_type - 1)
            ),
        );
    }

    /// An item 2 whose type or number differs from its item 1's (`p`).
    #[cold]
    #[inline(never)]
    fn item2_mismatch(
        &mut self,
        p: &Pending,
        line: u64,
        record_type: u8,
        claim_type: ClaimType,
        number: u32,
    ) {
        if p.claim_type != claim_type {
            self.at_field(
                Severity::Error,
                Code::ItemMismatch,
                line,
                record_type,
                &AmountItem1::TRANSACTION_TYPE,
                said!(
                    "diag.item-type-mismatch",
                    found = claim_type,
                    expected = p.claim_type,
                    line = p.line
                ),
            );
        }
        if p.number != number {
            self.at_field(
                Severity::Error,
                Code::ItemMismatch,
                line,
                record_type,
                &AmountItem1::TRANSACTION_NUMBER,
                said!(
                    "diag.item-number-mismatch",
                    found = number,
                    expected = p.number,
                    line = p.line
                ),
            );
        }
    }

    pub(super) fn specification(&mut self, open: &mut Open, line: u64, spec: &Specification) {
        let Some(claim) = &mut open.claim else {
            if !open.resync {
                self.record_error(
                    Code::SpecificationWithoutClaim,
                    line,
                    49,
                    said!("diag.specification-without-claim"),
                );
            }
            return;
        };
        let claim = *claim;
        if claim.claim_type != ClaimType::WithNotice {
            self.at_field(
                Severity::Error,
                Code::SpecificationNotAllowed,
                line,
                49,
                &AmountItem1::TRANSACTION_NUMBER,
                said!(
                    "diag.specification-not-allowed",
                    number = claim.number,
                    code = claim.claim_type
                ),
            );
        }
        if spec.transaction_number != claim.number {
            self.at_field(
                Severity::Error,
                Code::SpecificationNumber,
                line,
                49,
                &AmountItem1::TRANSACTION_NUMBER,
                said!(
                    "diag.specification-number",
                    expected = claim.number,
                    found = spec.transaction_number
                ),
            );
        }
        let mut state = claim;
        state.specifications += 1;
        if state.specifications == MAX_SPECIFICATIONS + 1 {
            self.record_error(
                Code::SpecificationLimit,
                line,
                49,
                said!(
                    "diag.specification-limit",
                    number = claim.number,
                    most = MAX_SPECIFICATIONS,
                    lines = SPECIFICATION_LINES
                ),
            );
        }
        self.specification_place(line, spec, &mut state);
        open.claim = Some(state);
    }

    /// [Decision 12](docs/spec-decisions.md#decision-12): a blank or zero line or column is a warning; a line outside 1-21, a column
    /// outside 1-2, or a place taken twice is an error.
    pub(super) fn specification_place(
        &mut self,
        line: u64,
        spec: &Specification,
        state: &mut ClaimState,
    ) {
        let claim = *state;
        match (spec.line, spec.column) {
            (None | Some(0), _) | (_, None | Some(0)) => self.at_field(
                Severity::Warning,
                Code::SpecificationBlank,
                line,
                49,
                Place::across(&Specification::LINE, &Specification::COLUMN, "line, column"),
                said!("diag.specification-blank"),
            ),
            (Some(l), _) if l > SPECIFICATION_LINES => self.at_field(
                Severity::Error,
                Code::SpecificationPlace,
                line,
                49,
                &Specification::LINE,
                said!("diag.specification-line", line = format!("{l:03}")),
            ),
            (_, Some(c)) if c > 2 => self.at_field(
                Severity::Error,
                Code::SpecificationPlace,
                line,
                49,
                &Specification::COLUMN,
                said!("diag.specification-column", column = c),
            ),
            (Some(l), Some(c)) => {
                let bit = 1u64 << ((u32::from(l) - 1) * 2 + u32::from(c) - 1);
                if state.places & bit != 0 {
                    self.at_field(
                        Severity::Error,
                        Code::SpecificationDuplicate,
                        line,
                        49,
                        Place::across(&Specification::LINE, &Specification::COLUMN, "line, column"),
                        said!(
                            "diag.specification-twice",
                            number = claim.number,
                            line = l,
                            column = c
                        ),
                    );
                }
                state.places |= bit;
            }
        }
    }
}
