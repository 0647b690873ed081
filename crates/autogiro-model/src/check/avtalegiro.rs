//! The rules of AvtaleGiro's assignments (service code `21`), decisions A1-A9 of
//! `docs/spec-decisions.md`: to MPS, claims (`00`, types 02 and 21) and cancellation requests
//! (`36`, type 93), each its item 1, its item 2 (optional in a request) and a claim of type 21
//! its specification lines; from MPS, mandate records (`24`). Numbers above zero and ascending,
//! a gap a warning; every claim a KID with a valid check digit; due dates in the window, a past
//! one a warning; the end records' counts, sums and dates; a full listing not mixed with
//! changes; a transmission end from MPS without a date only for mandates alone.

use autogiro_format::{
    AssignmentType, AvtaleGiroAssignmentStart, AvtaleGiroAssignmentType, AvtaleGiroClaimsEnd,
    AvtaleGiroItem1, AvtaleGiroItem2, AvtaleGiroMandate, AvtaleGiroMandatesEnd,
    AvtaleGiroRegistration, AvtaleGiroSpecification, AvtaleGiroType, Direction, Totals,
    TransmissionEndFromMps,
};

use super::{Checker, DeclaredDates, Open, Party, kind_said};
use crate::said::{Said, said};
use crate::{AssignmentKind, Code, Severity};

/// The lines of one AvtaleGiro claim's notice (each of 2 columns).
const MAX_LINES: u32 = crate::limits::AVTALEGIRO_LINES as u32;

/// What an AvtaleGiro assignment remembers between its records.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct AvtaleOpen {
    /// The claim or request being read.
    current: Option<Claim>,
    /// The number of the last item 1 or mandate record, which the next must pass.
    last_number: Option<u32>,
    /// Whether the mandates read hold a full listing (`0`), and whether changes (`1`, `2`):
    /// the line of the first of each.
    listing: Option<u64>,
    changes: Option<u64>,
}

/// An AvtaleGiro claim or cancellation request whose records are being read.
#[derive(Debug, Clone, Copy)]
struct Claim {
    line: u64,
    kind: AvtaleGiroType,
    number: u32,
    /// Whether its item 2 has been read.
    item2: bool,
    /// Its specification records so far, and one bit per line and column placed.
    specifications: u32,
    places: u128,
}

impl Checker {
    /// Record 20 of AvtaleGiro: claims or cancellations to MPS, mandates from it. The account's
    /// check digit; the number unused by another assignment of the account in the
    /// transmission (claims and cancellations share one series: decision A5).
    pub(super) fn start_avtale(
        &mut self,
        line: u64,
        start: &AvtaleGiroAssignmentStart,
        direction: Direction,
    ) {
        self.assignment_start(line, &start.account);
        let key = (Party::Account(start.account), start.assignment_number);
        let whose = said!("diag.whose-account", account = start.account);
        let why = said!("diag.why-shared-series");
        self.take_assignment_number(line, key, whose, why);
        let (kind, assignment_type) = match (start.assignment_type, direction) {
            (AvtaleGiroAssignmentType::Mandates, _) => {
                (AssignmentKind::AvtaleGiroMandates, AssignmentType::Mandates)
            }
            (AvtaleGiroAssignmentType::Cancellations, _) => (
                AssignmentKind::AvtaleGiroCancellations,
                AssignmentType::Claims,
            ),
            (AvtaleGiroAssignmentType::Claims, _) => {
                (AssignmentKind::AvtaleGiroClaims, AssignmentType::Claims)
            }
        };
        self.push_open(line, Some(kind), assignment_type);
    }

    /// Record 30 of AvtaleGiro: a claim, or a request to cancel one.
    pub(super) fn avtale_item1(&mut self, open: &mut Open, line: u64, item: &AvtaleGiroItem1) {
        self.close_avtale(open);
        let cancellations = open.kind == Some(AssignmentKind::AvtaleGiroCancellations);
        if (item.transaction_type == AvtaleGiroType::Cancellation) != cancellations
            && open.kind.is_some()
        {
            let kind = kind_said(open.kind);
            self.at_field(
                Severity::Error,
                Code::RecordNotAllowed,
                line,
                30,
                &AvtaleGiroItem1::TRANSACTION_TYPE,
                said!(
                    "diag.avtalegiro-type-misplaced",
                    code = item.transaction_type
                )
                .with_words("kind", kind),
            );
        }
        let resync = std::mem::take(&mut open.resync);
        let at = (line, 30, &AvtaleGiroItem1::TRANSACTION_NUMBER);
        self.ascending(
            &mut open.avtale.last_number,
            resync,
            at,
            item.transaction_number,
        );
        if item.kid.is_blank() {
            self.at_field(
                Severity::Error,
                Code::KidCheckDigit,
                line,
                30,
                &AvtaleGiroItem1::KID,
                said!("diag.avtalegiro-blank-kid"),
            );
        } else {
            self.check_kid(line, 30, &item.kid, &AvtaleGiroItem1::KID);
        }
        self.avtale_due_date(line, item);
        open.tally.add(item.amount, Some(item.due_date));
        self.tx.claims += 1;
        self.tx.claim_sum += u128::from(item.amount);
        self.tx.first_date = Some(
            self.tx
                .first_date
                .map_or(item.due_date, |d| d.min(item.due_date)),
        );
        self.count_transaction(line, 30);
        open.avtale.current = Some(Claim {
            line,
            kind: item.transaction_type,
            number: item.transaction_number,
            item2: false,
            specifications: 0,
            places: 0,
        });
    }

    /// The due date of an item 1: within 12 months of the day the file is read, and a date
    /// already past a warning (decision A2).
    fn avtale_due_date(&mut self, line: u64, item: &AvtaleGiroItem1) {
        let (Some(today), Some((earliest, latest))) = (self.today, self.window) else {
            return;
        };
        let date = item.due_date;
        let (severity, expected) = if date < earliest || date > latest {
            (
                Severity::Error,
                said!("diag.window", earliest = earliest, latest = latest),
            )
        } else if date < today {
            (
                Severity::Warning,
                said!("diag.today-or-later", today = today),
            )
        } else {
            return;
        };
        self.at_field(
            severity,
            Code::DueDateWindow,
            line,
            30,
            &AvtaleGiroItem1::DUE_DATE,
            said!("diag.avtalegiro-due-date", date = date, today = today)
                .with_words("expected", expected),
        );
    }

    /// Record 31 of AvtaleGiro: the item 2 of the item 1 right before it, of its type and
    /// number (decision A4).
    pub(super) fn avtale_item2(&mut self, open: &mut Open, line: u64, item: &AvtaleGiroItem2) {
        let current = open
            .avtale
            .current
            .filter(|c| !c.item2 && c.specifications == 0);
        let Some(mut claim) = current else {
            if !open.resync {
                self.item2_unpaired(line, item.transaction_number);
            }
            return;
        };
        if (claim.kind, claim.number) != (item.transaction_type, item.transaction_number) {
            let found = (item.transaction_type.code(), item.transaction_number);
            let item1 = (claim.kind.code(), claim.number, claim.line);
            self.item2_mismatch_of(line, found, item1);
        }
        if item.short_name.is_blank() && claim.kind != AvtaleGiroType::Cancellation {
            self.at_field(
                Severity::Warning,
                Code::RequiredField,
                line,
                31,
                &AvtaleGiroItem2::SHORT_NAME,
                said!("diag.avtalegiro-blank-name"),
            );
        }
        claim.item2 = true;
        open.avtale.current = Some(claim);
    }

    /// Record 49 of AvtaleGiro: a line of the claim right before it; only a claim of type 21
    /// carries them to the payer (decision A4).
    pub(super) fn avtale_specification(
        &mut self,
        open: &mut Open,
        line: u64,
        spec: &AvtaleGiroSpecification,
    ) {
        let Some(mut claim) = open.avtale.current.filter(|c| c.item2) else {
            if !open.resync {
                self.record_error(
                    Code::SpecificationWithoutClaim,
                    line,
                    49,
                    said!("diag.avtalegiro-specification-without-claim"),
                );
            }
            return;
        };
        if spec.transaction_number != claim.number {
            self.at_field(
                Severity::Error,
                Code::SpecificationNumber,
                line,
                49,
                &AvtaleGiroSpecification::TRANSACTION_NUMBER,
                said!(
                    "diag.avtalegiro-specification-number",
                    expected = claim.number,
                    found = spec.transaction_number
                ),
            );
        }
        claim.specifications += 1;
        if claim.specifications == 1 && claim.kind == AvtaleGiroType::WithoutNotice {
            self.record_warning(
                Code::SpecificationNotAllowed,
                line,
                49,
                said!(
                    "diag.avtalegiro-specification-ignored",
                    number = claim.number
                ),
            );
        }
        if claim.specifications == MAX_LINES * 2 + 1 {
            self.record_error(
                Code::SpecificationLimit,
                line,
                49,
                said!(
                    "diag.avtalegiro-specification-limit",
                    most = MAX_LINES * 2,
                    number = claim.number,
                    lines = MAX_LINES
                ),
            );
        }
        let placed = (1..=MAX_LINES).contains(&spec.line) && (1..=2).contains(&spec.column);
        if placed {
            let bit = 1u128 << ((spec.line - 1) * 2 + (spec.column - 1));
            if claim.places & bit != 0 {
                self.record_error(
                    Code::SpecificationDuplicate,
                    line,
                    49,
                    said!(
                        "diag.avtalegiro-specification-twice",
                        line = spec.line,
                        column = spec.column,
                        number = claim.number
                    ),
                );
            }
            claim.places |= bit;
        } else {
            self.at_field(
                Severity::Error,
                Code::SpecificationPlace,
                line,
                49,
                &AvtaleGiroSpecification::LINE,
                said!(
                    "diag.avtalegiro-specification-place",
                    line = format!("{:03}", spec.line),
                    column = spec.column
                ),
            );
        }
        open.avtale.current = Some(claim);
    }

    /// Reports what the claim being read lacks, and forgets it: a claim's item 2 (a
    /// cancellation request may leave it out).
    pub(super) fn close_avtale(&mut self, open: &mut Open) {
        let Some(claim) = open.avtale.current.take() else {
            return;
        };
        if !claim.item2 && claim.kind != AvtaleGiroType::Cancellation {
            self.record_error(
                Code::MissingItem2,
                claim.line,
                30,
                said!("diag.missing-item2", number = claim.number, record = "31"),
            );
        }
    }

    /// Record 70 of AvtaleGiro (from MPS): a mandate. Serial numbers ascending; a full listing
    /// not mixed with changes (decision A9).
    pub(super) fn avtale_mandate(&mut self, open: &mut Open, line: u64, m: &AvtaleGiroMandate) {
        let resync = std::mem::take(&mut open.resync);
        let at = (line, 70, &AvtaleGiroMandate::SERIAL_NUMBER);
        self.ascending(&mut open.avtale.last_number, resync, at, m.serial_number);
        let listing = m.registration_type == AvtaleGiroRegistration::Listing;
        let (this, other) = if listing {
            (&mut open.avtale.listing, open.avtale.changes)
        } else {
            (&mut open.avtale.changes, open.avtale.listing)
        };
        if this.is_none() {
            *this = Some(line);
            if let Some(first) = other {
                self.at_field(
                    Severity::Error,
                    Code::ListingMixed,
                    line,
                    70,
                    &AvtaleGiroMandate::REGISTRATION_TYPE,
                    Said::new(if listing {
                        "diag.listing-among-changes"
                    } else {
                        "diag.change-in-listing"
                    })
                    .with("registration", m.registration_type)
                    .with("first", first),
                );
            }
        }
        open.tally.add(0, None);
        self.tx.mandates += 1;
        self.count_transaction(line, 70);
    }

    /// Record 88 of AvtaleGiro claims or cancellations: of its start's type, its counts, sum
    /// and the due dates written in item 1 (decision A7).
    pub(super) fn end_avtale_claims(&mut self, line: u64, end: &AvtaleGiroClaimsEnd) {
        let expected = match end.assignment_type {
            AvtaleGiroAssignmentType::Cancellations => AssignmentKind::AvtaleGiroCancellations,
            _ => AssignmentKind::AvtaleGiroClaims,
        };
        self.end_avtale_kind(line, expected);
        let dates = Some(DeclaredDates {
            first_field: &AvtaleGiroClaimsEnd::FIRST_DUE_DATE,
            first: end.first_due_date,
            last_field: &AvtaleGiroClaimsEnd::LAST_DUE_DATE,
            last: end.last_due_date,
        });
        let assignment_type = self
            .open
            .as_ref()
            .map_or(AssignmentType::Claims, |o| o.assignment_type);
        self.end_assignment(line, assignment_type, &end.totals, dates);
    }

    /// Record 88 of AvtaleGiro mandates: its counts (it has no sum).
    pub(super) fn end_avtale_mandates(&mut self, line: u64, end: &AvtaleGiroMandatesEnd) {
        self.end_avtale_kind(line, AssignmentKind::AvtaleGiroMandates);
        let totals = Totals {
            transactions: end.transactions,
            records: end.records,
            sum: 0,
        };
        let assignment_type = self
            .open
            .as_ref()
            .map_or(AssignmentType::Mandates, |o| o.assignment_type);
        self.end_assignment(line, assignment_type, &totals, None);
    }

    /// The error of an AvtaleGiro end of another kind than its assignment's start.
    fn end_avtale_kind(&mut self, line: u64, expected: AssignmentKind) {
        let Some(open) = &self.open else {
            return;
        };
        let found = open.kind;
        if found.is_some() && found != Some(expected) {
            let start = open.line;
            let started = kind_said(found);
            self.at_field(
                Severity::Error,
                Code::AssignmentTypeMismatch,
                line,
                88,
                &AvtaleGiroClaimsEnd::ASSIGNMENT_TYPE,
                said!("diag.avtalegiro-end-kind", start = start)
                    .with_words("started", started)
                    .with_words("found", kind_said(Some(expected))),
            );
        }
    }

    /// A transmission end from MPS whose date is zeros: only a transmission of AvtaleGiro
    /// mandates alone may leave it so (decision A8).
    pub(super) fn undated_end(&mut self, line: u64) {
        if self.dated {
            self.at_field(
                Severity::Error,
                Code::MissingDate,
                line,
                89,
                &TransmissionEndFromMps::DATE,
                said!("diag.missing-date"),
            );
        }
    }
}
