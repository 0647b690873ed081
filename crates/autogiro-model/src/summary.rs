//! What `autogiro inspect` shows of a transmission: per assignment its counts, sums and dates,
//! folded item by item, so that a file can be summed up while it streams
//! ([`crate::Inspection`]) as well as from a whole [`Transmission`].

use std::collections::BTreeMap;

use time::Date;

use autogiro_format::{Direction, ErrorCode, MandateType, RegistrationType};

use crate::{
    Amount, Assignment, AssignmentHeader, AssignmentKind, Claim, Mandate, RejectedClaim,
    Transmission,
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
    /// The sum of the claims' amounts (item 1, amount), or of the mandates' amount limits
    /// (post 1, amount limit).
    pub sum: Amount,
    /// The first and last date of the claims (due, or processed from MPS); `None` for
    /// mandates and for an assignment without claims.
    pub dates: Option<(Date, Date)>,
    /// Claims to MPS: how many have specification lines (record 49), and how many lines.
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
    /// The summary of a whole transmission.
    pub fn of(transmission: &Transmission) -> Self {
        let mut summary = Self::empty(transmission.direction);
        summary.set_transmission(transmission);
        summary
            .assignments
            .extend(transmission.assignments.iter().map(AssignmentSummary::of));
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
        }
    }

    fn claim(&mut self, claim: &Claim) {
        self.items += 1;
        self.sum = self.sum.saturating_add(claim.amount);
        self.dates = Some(match self.dates {
            None => (claim.date, claim.date),
            Some((first, last)) => (first.min(claim.date), last.max(claim.date)),
        });
        if !claim.specification.is_empty() {
            self.specification.0 += 1;
            self.specification.1 += claim.specification.len();
        }
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
