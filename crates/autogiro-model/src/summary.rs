//! What `autogiro inspect` shows of a transmission: per assignment its counts, sums and dates,
//! folded item by item, so that a file can be summed up while it streams
//! ([`crate::Inspection`]) as well as from a whole [`Transmission`].

use std::collections::BTreeMap;

use time::Date;

use autogiro_format::{Direction, ErrorCode, MandateType, RegistrationType};

use autogiro_format::AvtaleGiroRegistration;

use crate::{
    Amount, Assignment, AssignmentHeader, AssignmentKind, AvtaleGiroClaim, Claim, Mandate,
    OcrPayment, RejectedClaim, SpecificationLine, Transmission,
};

/// A transmission summed up: its start and end (record 10 and 89), and each assignment's
/// tallies. Built by [`Summary::of`] from a model, or by [`crate::Inspection`] from a stream;
/// both give the same summary of the same file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// To or from MPS.
    pub direction: Direction,
    /// Record 10, data sender (the customer unit, to MPS).
    pub sender: u32,
    /// Record 10, data recipient (the customer unit, from MPS).
    pub recipient: u32,
    /// Record 10, transmission number.
    pub transmission_number: u32,
    /// Record 89 from MPS, the date MPS made the file.
    pub generated: Option<Date>,
    /// Every assignment the model holds, in file order.
    pub assignments: Vec<AssignmentSummary>,
}

/// One assignment summed up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentSummary {
    /// What the assignment holds.
    pub kind: AssignmentKind,
    /// Record 20's agreement, number and account.
    pub header: AssignmentHeader,
    /// The number of claims, settled claims, rejected claims or mandates.
    pub items: usize,
    /// The sum of the claims' amounts (item 1, amount), of the mandates' amount limits (post
    /// 1, amount limit), or of the OCR giro payments that are not credits.
    pub sum: Amount,
    /// OCR giro: the sum of the credits (sign `-`), which count negative (decision O2).
    pub credit: Amount,
    /// The first and last date of the claims (due, or processed from MPS); `None` for
    /// mandates and for an assignment without claims.
    pub dates: Option<(Date, Date)>,
    /// Claims to MPS: how many have specification lines (record 49), and how many lines of
    /// their notices are printed (a line of two columns counts once; a record with a blank
    /// line or column is not printed).
    pub specification: (usize, usize),
    /// Rejected claims: per error code (item 2, error code), in code order.
    pub rejections: Vec<CodeTally>,
    /// Mandates: how many of each registration and mandate type.
    pub mandates: MandateTally,
}

/// The rejected claims of one error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeTally {
    /// Item 2 of a rejected claim, the error code.
    pub code: ErrorCode,
    /// How many claims MPS rejected with it.
    pub claims: usize,
    /// Their amounts summed.
    pub sum: Amount,
}

/// Mandates counted by post 1's registration type and mandate type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MandateTally {
    /// Registration type listing (from MPS).
    pub listed: usize,
    /// New mandates.
    pub new: usize,
    /// Changed mandates.
    pub changed: usize,
    /// Deleted mandates.
    pub deleted: usize,
    /// Standard mandates (the rest are simplified).
    pub standard: usize,
}

impl Summary {
    /// The summary of a whole transmission. One of a million items or more, in more than
    /// one assignment, is summed up on two threads, each taking about half of the items.
    pub fn of(transmission: &Transmission) -> Self {
        let mut summary = Self::empty(transmission.direction);
        summary.set_transmission(transmission);
        summary.assignments = of_each(&transmission.assignments, SPLIT_FROM);
        summary
    }

    pub(crate) fn empty(direction: Direction) -> Self {
        Self {
            direction,
            sender: 0,
            recipient: 0,
            transmission_number: 0,
            generated: None,
            assignments: Vec::new(),
        }
    }

    /// Takes the start's and end's fields of `transmission` (not its assignments).
    pub(crate) fn set_transmission(&mut self, transmission: &Transmission) {
        self.direction = transmission.direction;
        self.sender = transmission.sender;
        self.recipient = transmission.recipient;
        self.transmission_number = transmission.transmission_number;
        self.generated = transmission.generated;
    }
}

/// The items from which [`Summary::of`] takes a second thread: reading a model of ten million
/// claims (1.4 GB) again took a tenth of a second on one, after the file had been read, where
/// nothing else runs beside it (`inspect`); below a million, a thread's start is no longer
/// small beside the work.
const SPLIT_FROM: usize = 1_000_000;

/// The summary of each of `assignments`, in order: the first of them up to about half of the
/// items on a second thread once there are `split_from` items ([`SPLIT_FROM`]), the rest on
/// this one. Where no thread can start (WebAssembly in a browser), all on this one.
fn of_each(assignments: &[Assignment], split_from: usize) -> Vec<AssignmentSummary> {
    let of = |part: &[Assignment]| part.iter().map(AssignmentSummary::of).collect::<Vec<_>>();
    let items: usize = assignments.iter().map(Assignment::len).sum();
    if items < split_from {
        return of(assignments);
    }
    let mut taken = 0;
    let half = assignments
        .iter()
        .position(|a| {
            taken += a.len();
            taken * 2 >= items
        })
        .map_or(assignments.len(), |i| i + 1);
    let (first, second) = assignments.split_at(half);
    if first.is_empty() || second.is_empty() {
        return of(assignments);
    }
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("autogiro-summary".to_owned())
            .spawn_scoped(scope, || of(first));
        let rest = of(second);
        let mut all = match spawned {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => of(first),
        };
        all.extend(rest);
        all
    })
}

impl AssignmentSummary {
    /// The summary of a whole assignment.
    pub fn of(assignment: &Assignment) -> Self {
        let mut summary = Self::empty(assignment);
        summary.add_items(assignment, 0..usize::MAX);
        summary
    }

    /// The summary of an assignment's header, with no items counted yet.
    pub(crate) fn empty(assignment: &Assignment) -> Self {
        Self {
            kind: assignment.kind(),
            header: *assignment.header(),
            items: 0,
            sum: Amount::ZERO,
            credit: Amount::ZERO,
            dates: None,
            specification: (0, 0),
            rejections: Vec::new(),
            mandates: MandateTally::default(),
        }
    }

    /// Counts the items of `assignment` in `range` (clamped to the items there are).
    pub(crate) fn add_items(&mut self, assignment: &Assignment, range: std::ops::Range<usize>) {
        fn part<T>(items: &[T], range: std::ops::Range<usize>) -> &[T] {
            let end = range.end.min(items.len());
            items.get(range.start.min(end)..end).unwrap_or_default()
        }
        match assignment {
            Assignment::Claims(a) => part(&a.claims, range).iter().for_each(|c| self.claim(c)),
            Assignment::Settled(a) => part(&a.claims, range).iter().for_each(|c| self.claim(c)),
            Assignment::Rejected(a) => part(&a.rejections, range)
                .iter()
                .for_each(|r| self.rejected(r)),
            Assignment::Mandates(a) => part(&a.mandates, range)
                .iter()
                .for_each(|m| self.mandate(m)),
            Assignment::OcrGiro(a) => part(&a.payments, range)
                .iter()
                .for_each(|p| self.payment(p)),
            Assignment::AvtaleGiroClaims(a) => part(&a.claims, range)
                .iter()
                .for_each(|c| self.avtale_claim(c)),
            Assignment::AvtaleGiroCancellations(a) => part(&a.cancellations, range)
                .iter()
                .for_each(|c| self.avtale_claim(c)),
            Assignment::AvtaleGiroMandates(a) => {
                for m in part(&a.mandates, range) {
                    self.items += 1;
                    let count = match m.registration_type {
                        AvtaleGiroRegistration::Listing => &mut self.mandates.listed,
                        AvtaleGiroRegistration::NewOrChanged => &mut self.mandates.new,
                        AvtaleGiroRegistration::Deleted => &mut self.mandates.deleted,
                    };
                    *count += 1;
                }
            }
        }
    }

    fn avtale_claim(&mut self, claim: &AvtaleGiroClaim) {
        self.item(claim.due_date);
        self.sum = self.sum.saturating_add(claim.amount);
        self.specification_lines(&claim.specification);
    }

    fn payment(&mut self, payment: &OcrPayment) {
        self.item(payment.nets_date);
        if payment.credit {
            self.credit = self.credit.saturating_add(payment.amount);
        } else {
            self.sum = self.sum.saturating_add(payment.amount);
        }
    }

    fn claim(&mut self, claim: &Claim) {
        self.item(claim.date);
        self.sum = self.sum.saturating_add(claim.amount);
        self.specification_lines(&claim.specification);
    }

    /// Counts one item dated `date` (claims, payments): its amount is the caller's.
    fn item(&mut self, date: Date) {
        self.items += 1;
        self.dates = Some(match self.dates {
            None => (date, date),
            Some((first, last)) => (first.min(date), last.max(date)),
        });
    }

    /// Counts a claim's specification lines, if it has any: a line of the notice is printed
    /// once whatever its columns (record 49, positions 17-19); a record with a blank line
    /// number is not printed. At most 42 records (84 in AvtaleGiro).
    #[inline]
    fn specification_lines(&mut self, lines: &[SpecificationLine]) {
        // Most claims have none: checked where the claim is counted, not in a call.
        if !lines.is_empty() {
            self.printed_lines(lines);
        }
    }

    fn printed_lines(&mut self, lines: &[SpecificationLine]) {
        self.specification.0 += 1;
        let mut printed: Vec<u16> = lines
            .iter()
            .filter_map(|l| l.line.filter(|_| l.column.is_some()))
            .collect();
        printed.sort_unstable();
        printed.dedup();
        self.specification.1 += printed.len();
    }

    fn rejected(&mut self, rejected: &RejectedClaim) {
        self.claim(&rejected.claim);
        let number = rejected.code.number();
        let at = self
            .rejections
            .binary_search_by_key(&number, |t| t.code.number());
        let tally = match at {
            Ok(i) => self.rejections.get_mut(i),
            Err(i) => {
                self.rejections.insert(
                    i,
                    CodeTally {
                        code: rejected.code,
                        claims: 0,
                        sum: Amount::ZERO,
                    },
                );
                self.rejections.get_mut(i)
            }
        };
        if let Some(tally) = tally {
            tally.claims += 1;
            tally.sum = tally.sum.saturating_add(rejected.claim.amount);
        }
    }

    fn mandate(&mut self, mandate: &Mandate) {
        self.items += 1;
        self.sum = self.sum.saturating_add(mandate.amount_limit);
        let m = &mut self.mandates;
        match mandate.registration_type {
            RegistrationType::Listing => m.listed += 1,
            RegistrationType::New => m.new += 1,
            RegistrationType::Change => m.changed += 1,
            RegistrationType::Delete => m.deleted += 1,
        }
        if mandate.mandate_type == MandateType::Standard {
            m.standard += 1;
        }
    }
}

impl MandateTally {
    /// The counts by registration that are not zero, keyed by the word `autogiro inspect`
    /// prints for each (`listed`, `new`, `changed`, `deleted`), in the words' order.
    pub fn by_registration(&self) -> BTreeMap<&'static str, usize> {
        [
            ("listed", self.listed),
            ("new", self.new),
            ("changed", self.changed),
            ("deleted", self.deleted),
        ]
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Split anywhere, on two threads, the summaries are those of one thread, in order.
    /// Two lines of two columns are two lines of the notice, not four records.
    #[test]
    fn specification_lines_are_counted_as_printed() {
        let account = autogiro_checksum::AccountNumber::parse("12345678903").unwrap();
        let mut part = crate::ClaimsAssignment::new(crate::AssignmentHeader::new(5, 1, account));
        let payer = crate::payer_reference("100").unwrap();
        let due = time::macros::date!(2026 - 01 - 15);
        let mut claim = Claim::new(due, payer, Amount::from_ore(100).unwrap())
            .with_short_name("Nordmann")
            .unwrap()
            .with_notice();
        for (line, column) in [(1, 1), (1, 2), (2, 1), (2, 2)] {
            claim.add_specification(line, column, "Husleie").unwrap();
        }
        part.push(claim).unwrap();
        let summary = AssignmentSummary::of(&Assignment::Claims(part));
        assert_eq!(summary.specification, (1, 2));
    }

    #[test]
    fn a_summary_on_two_threads_is_the_summary_on_one() {
        let account = autogiro_checksum::AccountNumber::parse("12345678903").unwrap();
        let assignments: Vec<Assignment> = [300u32, 7, 120, 1, 0, 64]
            .iter()
            .enumerate()
            .map(|(number, &n)| {
                let header =
                    crate::AssignmentHeader::new(5, u32::try_from(number).unwrap(), account);
                let mut part = crate::ClaimsAssignment::new(header);
                for k in 0..n {
                    let due = time::macros::date!(2026 - 01 - 15)
                        + time::Duration::days(i64::from(k % 40));
                    let payer = crate::payer_reference(&(100 + k).to_string()).unwrap();
                    let amount = Amount::from_ore(u64::from(k) * 1013 + 1).unwrap();
                    let mut claim = Claim::new(due, payer, amount)
                        .with_short_name("Nordmann")
                        .unwrap();
                    if k % 3 == 0 {
                        claim = claim.with_notice();
                        claim.add_specification(1, 1, "Husleie").unwrap();
                    }
                    part.push(claim).unwrap();
                }
                Assignment::Claims(part)
            })
            .collect();
        let one = of_each(&assignments, usize::MAX);
        assert_eq!(one.len(), assignments.len());
        assert_eq!((one[2].items, one[2].specification), (120, (40, 40)));
        for split_from in [0, 1, 300, 492] {
            assert_eq!(of_each(&assignments, split_from), one, "{split_from}");
        }
        for n in 0..assignments.len() {
            assert_eq!(
                of_each(&assignments[..n], 0),
                of_each(&assignments[..n], usize::MAX)
            );
        }
    }
}
