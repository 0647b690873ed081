//! The model into records: every end record computed from what precedes it ([decision 4](docs/spec-decisions.md#decision-4) and [decision 5](docs/spec-decisions.md#decision-5)
//! for the transmission end).

use std::io::Write;

use time::Date;

use autogiro_format::{
    AmountItem1, AmountItem2, AssignmentStart, AssignmentType, ClaimsEnd, ClaimsEndFromMps, Digits,
    Direction, LineEnding, MandatePost1, MandatePost1FromMps, MandatePost2, MandatePost2FromMps,
    MandatePost3, MandatePost3FromMps, MandatePost4, MandatePost4FromMps, MandatePost5FromMps,
    MandatesEnd, PaddedDigits, Record, RejectedItem2, Specification, Text, Totals, TransmissionEnd,
    TransmissionEndFromMps, TransmissionStart, Writer,
};

use crate::limits::Tally;
use crate::{Assignment, AssignmentHeader, Claim, Mandate, Organisation, Transmission};

/// Why a transmission could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// A record whose value does not fit its field, or an I/O error.
    #[error(transparent)]
    Format(#[from] autogiro_format::Error),
    /// An assignment the builders would have refused (one of a kind the transmission's
    /// direction does not carry).
    #[error("assignment {index}: {error}")]
    Assignment {
        /// 1-based position of the assignment.
        index: usize,
        /// What is wrong with it.
        error: crate::BuildError,
    },
    /// A transmission from MPS without the date MPS generated it (record 89).
    #[error("a transmission from MPS needs the date it was generated (record 89, positions 42-47)")]
    MissingGeneratedDate,
    /// The written file would not pass every rule ([`Transmission::write_checked`]): each
    /// diagnostic, with the line it would have had.
    #[error("the file would not validate: {} error(s), the first: {}", .0.errors(), first_error(.0))]
    Invalid(crate::Report),
    /// A claim or mandate the builders refuse.
    #[error(transparent)]
    Build(#[from] crate::BuildError),
    /// A claim with no claims assignment open, or a mandate with no mandates assignment
    /// ([`TransmissionWriter`](crate::TransmissionWriter)).
    #[error("{kind} needs an assignment of its kind begun first")]
    NoAssignment {
        /// `a claim` or `a mandate`.
        kind: &'static str,
    },
    /// The output could not be written.
    #[error("cannot write the file: {source}")]
    Io {
        /// The I/O error.
        source: std::io::Error,
    },
    /// OCR giro payments whose credits exceed their debits: the sum of an assignment or the
    /// transmission would be below zero, which its field cannot hold.
    #[error(
        "the credits exceed the payments by {credit} øre: a sum field holds no amount below zero"
    )]
    NegativeSum {
        /// By how much, in øre.
        credit: u128,
    },
    /// More than a count field holds.
    #[error("{what}: {count} does not fit the 8 digits of the field")]
    TooMany {
        /// What was counted.
        what: &'static str,
        /// The count.
        count: u64,
    },
}

/// The first error of a report, for [`WriteError::Invalid`]'s message.
fn first_error(report: &crate::Report) -> String {
    report
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .map_or_else(String::new, ToString::to_string)
}

impl Transmission {
    /// Writes the transmission with CRLF line breaks, computing every end record.
    ///
    /// # Errors
    ///
    /// [`WriteError`]: a value that does not fit its field, an assignment of the wrong
    /// direction, an I/O error.
    pub fn write<W: Write>(&self, out: W) -> Result<(), WriteError> {
        self.write_with(out, LineEnding::CrLf)
    }

    /// Writes the transmission with the given line breaks.
    ///
    /// # Errors
    ///
    /// As [`Transmission::write`].
    pub fn write_with<W: Write>(&self, out: W, ending: LineEnding) -> Result<(), WriteError> {
        let mut writer = Writer::new(out).line_ending(ending);
        self.for_each_record(|r, _| writer.write_record(r))?;
        writer.flush()?;
        Ok(())
    }

    /// The records of the transmission, end records computed, in file order.
    ///
    /// # Errors
    ///
    /// As [`Transmission::write`], but for I/O.
    pub fn to_records(&self) -> Result<Vec<Record>, WriteError> {
        let mut records = Vec::new();
        self.for_each_record(|r, _| {
            records.push(*r);
            Ok::<(), autogiro_format::Error>(())
        })?;
        Ok(records)
    }

    /// Gives every record to `sink`, in file order, as it is made, with the place in the model
    /// it was made from: each assignment's end is computed from the tally kept while its
    /// records went out, so nothing is buffered (a buffer of each assignment's records, grown
    /// and copied, cost a tenth of writing).
    pub(crate) fn for_each_record<E>(
        &self,
        mut sink: impl FnMut(&Record, Place) -> Result<(), E>,
    ) -> Result<(), WriteError>
    where
        WriteError: From<E>,
    {
        let direction = self.direction;
        let mut ends = Ends::default();
        let mut emit = |r: Record, place: Place| -> Result<(), WriteError> {
            sink(&r, place)?;
            Ok(())
        };
        emit(
            Record::TransmissionStart(TransmissionStart {
                sender: self.sender,
                transmission_number: self.transmission_number,
                recipient: self.recipient,
            }),
            Place::TRANSMISSION,
        )?;
        for (i, assignment) in self.assignments.iter().enumerate() {
            let mut t = Tally::default();
            let here = Place::assignment(i);
            let kind = assignment.kind();
            if kind.direction().is_some_and(|d| d != direction) {
                return Err(WriteError::Assignment {
                    index: i + 1,
                    error: crate::BuildError::WrongDirection { kind, direction },
                });
            }
            ends.dated |= !matches!(assignment, Assignment::AvtaleGiroMandates(_));
            let service = match crate::ocr::write_assignment(assignment, &mut t, here, &mut emit)? {
                Some(claims) => Some(claims),
                None => crate::avtalegiro::write_assignment(assignment, &mut t, here, &mut emit)?,
            };
            if let Some(claims) = service {
                ends.claims += claims;
                ends.add_assignment(&t);
                continue;
            }
            emit(start(assignment.header(), kind.assignment_type()), here)?;
            match assignment {
                Assignment::Claims(a) => {
                    for (j, claim) in a.claims.iter().enumerate() {
                        claim_records(claim, None, &mut t, here.item(j), &mut emit)?;
                    }
                    ends.claims += t.transactions;
                    let end = Record::ClaimsEnd(ClaimsEnd {
                        totals: totals(&t, 2)?,
                        first_due_date: t.first,
                        last_due_date: t.last,
                    });
                    emit(end, here)?;
                }
                Assignment::Settled(a) => {
                    for (j, claim) in a.claims.iter().enumerate() {
                        claim_records(claim, None, &mut t, here.item(j), &mut emit)?;
                    }
                    ends.claims += t.transactions;
                    emit(
                        mps_claims_end(kind.assignment_type(), a.generated, &t)?,
                        here,
                    )?;
                }
                Assignment::Rejected(a) => {
                    for (j, r) in a.rejections.iter().enumerate() {
                        claim_records(&r.claim, Some(r.code), &mut t, here.item(j), &mut emit)?;
                    }
                    ends.claims += t.transactions;
                    emit(
                        mps_claims_end(kind.assignment_type(), a.generated, &t)?,
                        here,
                    )?;
                }
                Assignment::Mandates(a) => {
                    for (j, m) in a.mandates.iter().enumerate() {
                        mandate_records(m, direction, &mut t, here.item(j), &mut emit)?;
                    }
                    let end = Record::MandatesEnd(MandatesEnd {
                        totals: totals(&t, 2)?,
                    });
                    emit(end, here)?;
                }
                // Written above.
                Assignment::OcrGiro(_)
                | Assignment::AvtaleGiroClaims(_)
                | Assignment::AvtaleGiroCancellations(_)
                | Assignment::AvtaleGiroMandates(_) => {}
            }
            ends.add_assignment(&t);
        }
        let end = ends.transmission_end(direction, self.generated)?;
        emit(end, Place::TRANSMISSION)?;
        Ok(())
    }
}

/// What the transmission end declares, added up from the assignments as they are written.
#[derive(Debug, Default)]
pub(crate) struct Ends {
    tx: Tally,
    /// Claims, settled and rejected claims: not mandates.
    pub(crate) claims: u64,
    /// Whether an assignment other than AvtaleGiro's mandates was written: the transmission
    /// end from MPS then needs its date (decision A8).
    pub(crate) dated: bool,
}

impl Ends {
    /// Adds an assignment of tally `t` (its transactions, without its start and end).
    pub(crate) fn add_assignment(&mut self, t: &Tally) {
        // The assignment's records, its start and end included.
        self.tx.records += t.records + 2;
        self.tx.transactions += t.transactions;
        self.tx.sum += t.sum;
        self.tx.credit += t.credit;
        if let Some(first) = t.first {
            self.tx.first = Some(self.tx.first.map_or(first, |f| f.min(first)));
        }
    }

    /// The transmission end (record 89) of `direction`.
    pub(crate) fn transmission_end(
        mut self,
        direction: Direction,
        generated: Option<Date>,
    ) -> Result<Record, WriteError> {
        // The transmission's start and end.
        self.tx.records += 2;
        Ok(match direction {
            Direction::ToMps => {
                // [Decision 4](docs/spec-decisions.md#decision-4): zeros when the transmission
                // holds only mandates.
                if self.claims == 0 {
                    self.tx.transactions = 0;
                }
                Record::TransmissionEnd(TransmissionEnd {
                    totals: totals(&self.tx, 0)?,
                    first_due_date: self.tx.first,
                })
            }
            Direction::FromMps => Record::TransmissionEndFromMps(TransmissionEndFromMps {
                totals: totals(&self.tx, 0)?,
                generated: match generated {
                    Some(date) => Some(date),
                    // Zeros only in a transmission of AvtaleGiro's mandates alone.
                    None if !self.dated => None,
                    None => return Err(WriteError::MissingGeneratedDate),
                },
            }),
        })
    }
}

/// Where in the model a written record comes from: the transmission itself, an assignment
/// (its start and end), one of its claims, rejections or mandates, or one of a claim's
/// specification lines. Indexes are 0-based, as in the model's JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) assignment: Option<usize>,
    pub(crate) item: Option<usize>,
    pub(crate) specification: Option<usize>,
}

impl Place {
    pub(crate) const TRANSMISSION: Self = Self {
        assignment: None,
        item: None,
        specification: None,
    };

    fn assignment(i: usize) -> Self {
        Self {
            assignment: Some(i),
            ..Self::TRANSMISSION
        }
    }

    pub(crate) fn item(self, j: usize) -> Self {
        Self {
            item: Some(j),
            ..self
        }
    }

    fn specification(self, k: usize) -> Self {
        Self {
            specification: Some(k),
            ..self
        }
    }
}

/// The totals of a tally, with `extra` records (the assignment's start and end) added.
pub(crate) fn totals(t: &Tally, extra: u64) -> Result<Totals, WriteError> {
    let count = |what, n: u64| {
        u32::try_from(n)
            .ok()
            .filter(|&n| n <= 99_999_999)
            .ok_or(WriteError::TooMany { what, count: n })
    };
    // Credits count negative (decision O2); a sum field holds none below zero.
    let sum = t
        .sum
        .checked_sub(t.credit)
        .ok_or_else(|| WriteError::NegativeSum {
            credit: t.credit.saturating_sub(t.sum),
        })?;
    Ok(Totals {
        transactions: count("number of transactions", t.transactions)?,
        records: count("number of records", t.records + extra)?,
        // A sum past u64 is past the 17 digits too: the record's writer reports it.
        sum: u64::try_from(sum).unwrap_or(u64::MAX),
    })
}

pub(crate) fn start(header: &AssignmentHeader, assignment_type: AssignmentType) -> Record {
    Record::AssignmentStart(AssignmentStart {
        assignment_type,
        agreement_id: header.agreement_id,
        assignment_number: header.assignment_number,
        account: account_digits(&header.account),
    })
}

/// The KID field (item 1, positions 50-74) of `kid`: blanks for none. A KID has at most 25
/// digits, so it fits.
pub(crate) fn kid_field(kid: Option<&autogiro_checksum::Kid>) -> PaddedDigits<25> {
    kid.and_then(|k| PaddedDigits::new(k.as_str()).ok())
        .unwrap_or(PaddedDigits::BLANK)
}

pub(crate) fn account_digits(account: &autogiro_checksum::AccountNumber) -> Digits<11> {
    Digits::new(account.as_str()).unwrap_or(Digits::ZERO)
}

fn mps_claims_end(
    assignment_type: AssignmentType,
    generated: Date,
    t: &Tally,
) -> Result<Record, WriteError> {
    Ok(Record::ClaimsEndFromMps(ClaimsEndFromMps {
        assignment_type,
        totals: totals(t, 2)?,
        generated,
        first_date: t.first,
        last_date: t.last,
    }))
}

/// Items 1 and 2 (30/31, or 35/36 when rejected with `code`) and the specifications of a claim.
pub(crate) fn claim_records(
    claim: &Claim,
    code: Option<crate::ErrorCode>,
    tally: &mut Tally,
    place: Place,
    emit: &mut impl FnMut(Record, Place) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let kid = kid_field(claim.kid.as_ref());
    let item1 = AmountItem1 {
        transaction_type: claim.claim_type,
        transaction_number: claim.transaction_number,
        date: claim.date,
        payer: claim.payer,
        amount: claim.amount.ore(),
        kid,
    };
    let item2 = AmountItem2 {
        transaction_type: claim.claim_type,
        transaction_number: claim.transaction_number,
        short_name: claim.short_name,
        own_reference: claim.own_reference,
        foreign_reference: claim.foreign_reference,
    };
    tally.add(claim.amount.ore(), Some(claim.date));
    tally.records += 2;
    if let Some(error_code) = code {
        emit(Record::RejectedItem1(item1), place)?;
        let item2 = RejectedItem2 {
            item: item2,
            error_code,
        };
        emit(Record::RejectedItem2(item2), place)?;
    } else {
        emit(Record::AmountItem1(item1), place)?;
        emit(Record::AmountItem2(item2), place)?;
    }
    for (k, s) in claim.specification.iter().enumerate() {
        tally.records += 1;
        let record = Record::Specification(Specification {
            transaction_number: claim.transaction_number,
            line: s.line,
            column: s.column,
            text: s.text,
        });
        emit(record, place.specification(k))?;
    }
    Ok(())
}

/// Post 1 and the later posts of a mandate, in the layouts of `direction`.
pub(crate) fn mandate_records(
    m: &Mandate,
    direction: Direction,
    tally: &mut Tally,
    place: Place,
    emit: &mut impl FnMut(Record, Place) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let mut out = |r: Record| {
        tally.records += 1;
        emit(r, place)
    };
    let post1 = MandatePost1 {
        mandate_type: m.mandate_type,
        sequence_number: m.sequence_number,
        registration_type: m.registration_type,
        payer_reference: m.payer_reference,
        account: account_digits(&m.account),
        period_code: m.period_code,
        amount_limit: m.amount_limit.ore(),
        valid_from: m.valid_from,
        valid_to: m.valid_to.map(|to| written_valid_to(m.valid_from, to)),
    };
    let (mandate_type, sequence_number) = (m.mandate_type, m.sequence_number);
    match direction {
        Direction::ToMps => {
            out(Record::MandatePost1(post1))?;
            if let Some(p) = &m.payer {
                out(Record::MandatePost2(MandatePost2 {
                    mandate_type,
                    sequence_number,
                    name: p.name,
                    address1: p.address1,
                }))?;
                out(Record::MandatePost3(MandatePost3 {
                    mandate_type,
                    sequence_number,
                    address2: p.address2,
                    postal_code: p.postal_code,
                    postal_code_extension: p.postal_code_extension,
                    postal_town: p.postal_town,
                    country_code: p.country_code,
                }))?;
                out(Record::MandatePost4(MandatePost4 {
                    mandate_type,
                    sequence_number,
                    organisation_number: match p.organisation {
                        Organisation::Norwegian(n) => {
                            Text::new(n.as_padded_str()).unwrap_or(Text::BLANK)
                        }
                        Organisation::Foreign(t) => t,
                    },
                    signatory: p.signatory,
                    signatory_birth_date: p.signatory_birth_date,
                }))?;
            }
        }
        Direction::FromMps => {
            let mps = m.mps.unwrap_or_else(|| crate::MpsMandate {
                name: m.payer.map_or(Text::BLANK, |p| p.name),
                ..crate::MpsMandate::empty()
            });
            out(Record::MandatePost1FromMps(MandatePost1FromMps {
                post: post1,
                archive_reference: mps.archive_reference,
            }))?;
            out(Record::MandatePost2FromMps(MandatePost2FromMps {
                mandate_type,
                sequence_number,
                name: mps.name,
            }))?;
            out(Record::MandatePost3FromMps(MandatePost3FromMps {
                mandate_type,
                sequence_number,
            }))?;
            out(Record::MandatePost4FromMps(MandatePost4FromMps {
                mandate_type,
                sequence_number,
                blocked_from: mps.blocked_from,
                blocked_to: mps.blocked_to,
                new_from: mps.new_from,
                new_amount_limit: mps.new_amount_limit.ore(),
                new_period_code: mps.new_period_code,
                registration_date: mps.registration_date,
                change_date: mps.change_date,
            }))?;
            if let Some(l) = mps.listing {
                out(Record::MandatePost5FromMps(MandatePost5FromMps {
                    mandate_type,
                    sequence_number,
                    charged_in_period: l.charged_in_period.map(crate::Amount::ore),
                    last_charged: l.last_charged,
                }))?;
            }
        }
    }
    tally.add(m.amount_limit.ore(), None);
    Ok(())
}

/// The valid-to date as its six digits carry it: a date a century past the two-digit window
/// (2099-12-31, "no end") as the date the window reads from the same digits (1999-12-31), when
/// the reader reads those back as it ([decision 31](docs/spec-decisions.md#decision-31));
/// any other date as it is.
fn written_valid_to(from: Option<Date>, to: Date) -> Date {
    // Only a date the window cannot hold (1970-2069, [decision 6](docs/spec-decisions.md#decision-6))
    // is written as another.
    let Some(from) = from.filter(|_| to.year() >= 2070) else {
        return to;
    };
    match to.replace_year(to.year() - 100) {
        Ok(earlier) if crate::assemble::valid_to_read_later(from, earlier) == Some(to) => earlier,
        _ => to,
    }
}
