//! Writing a transmission to MPS as its claims and mandates come, in constant memory: for a
//! million rows of billing data, where a [`Transmission`](crate::Transmission) in memory would
//! not do.

use std::io::Write;

use autogiro_format::{
    AvtaleGiroAssignmentType, AvtaleGiroType, ClaimsEnd, Direction, LineEnding, MPS_ID,
    MandatesEnd, Record, TransmissionStart, Writer,
};

use crate::limits::{MAX_TRANSACTIONS, Tally};
use crate::write::{Ends, Place, claim_records, mandate_records, start, totals};
use crate::{
    AssignmentHeader, AssignmentKind, AvtaleGiroClaim, BuildError, Claim, Mandate, WriteError,
};

/// Writes a transmission to MPS record by record: numbers each claim and mandate (from 1 in its
/// assignment), and computes every end record from what went out. Autogiro's claims and
/// mandates, and AvtaleGiro's claims and cancellation requests. What it writes is what
/// [`Transmission::write`](crate::Transmission::write) would write for the same claims and
/// mandates.
///
/// ```
/// use autogiro_checksum::AccountNumber;
/// use autogiro_model::{Amount, AssignmentHeader, Claim, TransmissionWriter, payer_reference, validate, ReadOptions};
/// use time::macros::date;
///
/// let mut out = TransmissionWriter::to_mps(Vec::new(), 12345, 17)?;
/// out.begin_claims(AssignmentHeader::new(56789, 1, AccountNumber::parse("1234.56.78903")?))?;
/// for (payer, ore) in [("12345", 125_00), ("23456", 99_50)] {
///     let claim = Claim::new(date!(2026 - 01 - 15), payer_reference(payer)?, Amount::from_ore(ore)?)
///         .with_short_name("Nordmann")?;
///     out.push_claim(claim)?;
/// }
/// let file = out.finish()?;
/// assert!(validate(&file[..], &ReadOptions::new()).is_valid());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct TransmissionWriter<W: Write> {
    writer: Writer<W>,
    ends: Ends,
    transactions: u64,
    open: Option<Open>,
}

/// The assignment being written.
#[derive(Debug)]
struct Open {
    kind: AssignmentKind,
    tally: Tally,
    /// The number the next claim or mandate gets.
    next: u32,
}

impl<W: Write> TransmissionWriter<W> {
    /// Starts a transmission from the payee with customer unit id `sender` to MPS (record 10),
    /// CRLF line breaks.
    ///
    /// # Errors
    ///
    /// [`WriteError`] when the start cannot be written.
    pub fn to_mps(out: W, sender: u32, transmission_number: u32) -> Result<Self, WriteError> {
        let mut writer = Writer::new(out).line_ending(LineEnding::CrLf);
        writer.write_record(&Record::TransmissionStart(TransmissionStart {
            sender,
            transmission_number,
            recipient: MPS_ID,
        }))?;
        Ok(Self {
            writer,
            ends: Ends::default(),
            transactions: 0,
            open: None,
        })
    }

    /// Starts an assignment of claims (record 20, type 00), ending the open one.
    ///
    /// # Errors
    ///
    /// [`WriteError`].
    pub fn begin_claims(&mut self, header: AssignmentHeader) -> Result<(), WriteError> {
        self.begin(header, AssignmentKind::Claims)
    }

    /// Starts an assignment of AvtaleGiro claims (record 20 of service `21`, type 00), ending
    /// the open one. The header's agreement id is not written (AvtaleGiro's assignment start
    /// has none).
    ///
    /// # Errors
    ///
    /// [`WriteError`].
    pub fn begin_avtalegiro_claims(&mut self, header: AssignmentHeader) -> Result<(), WriteError> {
        self.begin(header, AssignmentKind::AvtaleGiroClaims)
    }

    /// Starts an assignment of AvtaleGiro cancellation requests (record 20 of service `21`,
    /// type 36), ending the open one.
    ///
    /// # Errors
    ///
    /// [`WriteError`].
    pub fn begin_avtalegiro_cancellations(
        &mut self,
        header: AssignmentHeader,
    ) -> Result<(), WriteError> {
        self.begin(header, AssignmentKind::AvtaleGiroCancellations)
    }

    /// Starts an assignment of mandates (record 20, type 24), ending the open one.
    ///
    /// # Errors
    ///
    /// [`WriteError`].
    pub fn begin_mandates(&mut self, header: AssignmentHeader) -> Result<(), WriteError> {
        self.begin(header, AssignmentKind::Mandates)
    }

    fn begin(&mut self, header: AssignmentHeader, kind: AssignmentKind) -> Result<(), WriteError> {
        self.end_assignment()?;
        let start = match kind {
            AssignmentKind::AvtaleGiroClaims => {
                crate::avtalegiro::start(&header, AvtaleGiroAssignmentType::Claims)
            }
            AssignmentKind::AvtaleGiroCancellations => {
                crate::avtalegiro::start(&header, AvtaleGiroAssignmentType::Cancellations)
            }
            _ => start(&header, kind.assignment_type()),
        };
        self.writer.write_record(&start)?;
        self.open = Some(Open {
            kind,
            tally: Tally::default(),
            next: 1,
        });
        Ok(())
    }

    /// The open assignment, if it is one of `kinds`, after counting one transaction.
    fn open<'a>(
        transactions: &mut u64,
        open: &'a mut Option<Open>,
        kinds: &[AssignmentKind],
    ) -> Result<&'a mut Open, WriteError> {
        let kind = match kinds {
            [AssignmentKind::Mandates] => "a mandate",
            [AssignmentKind::Claims] => "a claim",
            _ => "an AvtaleGiro claim or cancellation request",
        };
        *transactions += 1;
        if *transactions > MAX_TRANSACTIONS {
            return Err(WriteError::Build(BuildError::TooManyTransactions));
        }
        match open {
            Some(open) if kinds.contains(&open.kind) => Ok(open),
            _ => Err(WriteError::NoAssignment { kind }),
        }
    }

    /// Writes a claim (items 1 and 2, and its specifications) into the open claims assignment,
    /// giving it the next transaction number. Returns the number.
    ///
    /// # Errors
    ///
    /// [`WriteError::NoAssignment`] when no claims assignment is open; [`WriteError::Build`]
    /// for what [`ClaimsAssignment::push`](crate::ClaimsAssignment::push) refuses; a value that
    /// does not fit; I/O.
    pub fn push_claim(&mut self, mut claim: Claim) -> Result<u32, WriteError> {
        claim.check().map_err(WriteError::Build)?;
        let open = Self::open(
            &mut self.transactions,
            &mut self.open,
            &[AssignmentKind::Claims],
        )?;
        claim.transaction_number = open.next;
        open.next = open.next.saturating_add(1);
        let writer = &mut self.writer;
        claim_records(
            &claim,
            None,
            &mut open.tally,
            Place::TRANSMISSION,
            &mut |r, _| writer.write_record(&r).map_err(WriteError::from),
        )?;
        Ok(claim.transaction_number)
    }

    /// Writes a mandate (post 1, and posts 2-4 when it has the payer's details) into the open
    /// mandates assignment, giving it the next sequence number. Returns the number.
    ///
    /// # Errors
    ///
    /// [`WriteError::NoAssignment`]; [`WriteError::Build`] for what
    /// [`MandatesAssignment::push`](crate::MandatesAssignment::push) refuses; I/O.
    pub fn push_mandate(&mut self, mut mandate: Mandate) -> Result<u32, WriteError> {
        mandate.check_to_mps().map_err(WriteError::Build)?;
        let open = Self::open(
            &mut self.transactions,
            &mut self.open,
            &[AssignmentKind::Mandates],
        )?;
        mandate.sequence_number = open.next;
        open.next = open.next.saturating_add(1);
        let writer = &mut self.writer;
        mandate_records(
            &mandate,
            Direction::ToMps,
            &mut open.tally,
            Place::TRANSMISSION,
            &mut |r, _| writer.write_record(&r).map_err(WriteError::from),
        )?;
        Ok(mandate.sequence_number)
    }

    /// Writes an AvtaleGiro claim (items 1 and 2, and its specification lines) into the open
    /// AvtaleGiro claims assignment, or a cancellation request into the open cancellations
    /// assignment, giving it the next transaction number. Returns the number.
    ///
    /// # Errors
    ///
    /// [`WriteError::NoAssignment`] when no AvtaleGiro assignment is open;
    /// [`BuildError::AvtaleGiroMisplaced`] for a cancellation among claims or a claim among
    /// cancellations; [`BuildError::AvtaleGiroWithoutKid`] for a claim without a KID; more
    /// than 42 specification lines; I/O.
    pub fn push_avtalegiro(&mut self, mut claim: AvtaleGiroClaim) -> Result<u32, WriteError> {
        let open = Self::open(
            &mut self.transactions,
            &mut self.open,
            &[
                AssignmentKind::AvtaleGiroClaims,
                AssignmentKind::AvtaleGiroCancellations,
            ],
        )?;
        let cancellation = claim.transaction_type == AvtaleGiroType::Cancellation;
        if cancellation != (open.kind == AssignmentKind::AvtaleGiroCancellations) {
            return Err(WriteError::Build(BuildError::AvtaleGiroMisplaced {
                transaction_type: claim.transaction_type,
                kind: open.kind,
            }));
        }
        if claim.kid.is_none() && !cancellation {
            return Err(WriteError::Build(BuildError::AvtaleGiroWithoutKid));
        }
        if claim.specification.len() > 2 * usize::from(crate::limits::AVTALEGIRO_LINES) {
            return Err(WriteError::Build(BuildError::TooManySpecifications));
        }
        claim.transaction_number = open.next;
        open.next = open.next.saturating_add(1);
        open.tally.add(claim.amount.ore(), Some(claim.due_date));
        for record in claim.records() {
            open.tally.records += 1;
            self.writer.write_record(&record)?;
        }
        Ok(claim.transaction_number)
    }

    /// Ends the open assignment (record 88), if one is open.
    ///
    /// # Errors
    ///
    /// [`WriteError`].
    pub fn end_assignment(&mut self) -> Result<(), WriteError> {
        let Some(open) = self.open.take() else {
            return Ok(());
        };
        let t = &open.tally;
        let end = match open.kind {
            AssignmentKind::Mandates => Record::MandatesEnd(MandatesEnd {
                totals: totals(t, 2)?,
            }),
            AssignmentKind::AvtaleGiroClaims | AssignmentKind::AvtaleGiroCancellations => {
                self.ends.claims += t.transactions;
                let assignment_type = if open.kind == AssignmentKind::AvtaleGiroClaims {
                    AvtaleGiroAssignmentType::Claims
                } else {
                    AvtaleGiroAssignmentType::Cancellations
                };
                crate::avtalegiro::claims_end(assignment_type, totals(t, 2)?, (t.first, t.last))
            }
            _ => {
                self.ends.claims += t.transactions;
                Record::ClaimsEnd(ClaimsEnd {
                    totals: totals(t, 2)?,
                    first_due_date: t.first,
                    last_due_date: t.last,
                })
            }
        };
        self.writer.write_record(&end)?;
        self.ends.add_assignment(t);
        Ok(())
    }

    /// Ends the open assignment and the transmission (record 89), flushes, and returns the
    /// output.
    ///
    /// # Errors
    ///
    /// [`WriteError`].
    pub fn finish(mut self) -> Result<W, WriteError> {
        self.end_assignment()?;
        let end = self.ends.transmission_end(Direction::ToMps, None)?;
        self.writer.write_record(&end)?;
        self.writer.flush()?;
        Ok(self.writer.into_inner())
    }
}
