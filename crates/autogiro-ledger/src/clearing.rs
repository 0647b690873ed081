//! The MPS clearing simulator: a transmission to MPS in, the files MPS would send back out.

use std::collections::BTreeSet;
use std::fmt;

use time::{Date, Duration};

use autogiro_checksum::AccountNumber;
use autogiro_format::{Direction, Text};
use autogiro_model::{
    Assignment, AssignmentHeader, Claim, Code, Mandate, MandatesAssignment, MpsMandate,
    ReadOptions, RejectedAssignment, RejectedClaim, Said, SettledAssignment, Transmission,
};

use crate::{Decision, Ledger, RejectReason, next_business_day};

/// What the payer's bank does, which a payee cannot know: accounts that do not exist (222) and
/// accounts whose bank refuses the charge (221).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Scenario {
    /// Accounts that do not exist.
    #[cfg_attr(feature = "serde", serde(default))]
    pub missing_accounts: BTreeSet<String>,
    /// Accounts whose bank refuses.
    #[cfg_attr(feature = "serde", serde(default))]
    pub refusing_accounts: BTreeSet<String>,
}

impl Scenario {
    /// No bank-side surprises.
    pub fn new() -> Self {
        Self::default()
    }

    /// `account` does not exist: its claims are rejected with 222.
    #[must_use]
    pub fn account_not_found(mut self, account: &AccountNumber) -> Self {
        self.missing_accounts.insert(account.as_str().to_owned());
        self
    }

    /// `account`'s bank refuses: its claims are rejected with 221.
    #[must_use]
    pub fn bank_refuses(mut self, account: &AccountNumber) -> Self {
        self.refusing_accounts.insert(account.as_str().to_owned());
        self
    }

    fn outcome(&self, account: &AccountNumber) -> Option<RejectReason> {
        if self.missing_accounts.contains(account.as_str()) {
            Some(RejectReason::AccountNotFound)
        } else if self.refusing_accounts.contains(account.as_str()) {
            Some(RejectReason::RejectedByBank)
        } else {
            None
        }
    }
}

/// Something the simulator refused as a whole ([decision 17](docs/spec-decisions.md#decision-17)); the spec defines no record for it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case", tag = "refused"))]
pub enum Refused {
    /// The whole transmission: a missing or wrong transmission start or end.
    Transmission {
        /// Why, in any language.
        reason: Said,
    },
    /// One assignment: a missing or wrong assignment start or end, an error in it, or an
    /// assignment number used within 12 months + 1 day.
    Assignment {
        /// Its agreement.
        agreement_id: u32,
        /// Its number.
        assignment_number: u32,
        /// Why, in any language.
        reason: Said,
    },
    /// One mandate the register cannot take (change of an unknown mandate, a second
    /// registration).
    Mandate {
        /// Its agreement.
        agreement_id: u32,
        /// Its payer reference.
        reference: String,
        /// Why, in any language.
        reason: Said,
    },
}

impl Refused {
    /// What it says, in any language ([`Said::render`]).
    pub fn said(&self) -> Said {
        match self {
            Self::Transmission { reason } => {
                Said::new("refused.transmission").with_words("reason", reason.clone())
            }
            Self::Assignment {
                agreement_id,
                assignment_number,
                reason,
            } => Said::new("refused.assignment")
                .with("number", assignment_number)
                .with("agreement", agreement_id)
                .with_words("reason", reason.clone()),
            // The reason names the mandate.
            Self::Mandate { reason, .. } => {
                Said::new("refused.mandate").with_words("reason", reason.clone())
            }
        }
    }
}

/// [`Refused::said`] in English.
impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said().render(autogiro_model::Lang::En))
    }
}

/// What MPS sends back for a transmission, and what it refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The response file: settled claims, rejected claims and mandate confirmations, each in
    /// its own assignment. `None` when the whole transmission was refused or nothing in it
    /// calls for an answer.
    pub response: Option<Transmission>,
    /// What was refused as a whole, in file order.
    pub refused: Vec<Refused>,
    /// What became of each claim of the input that was taken (not refused with its
    /// assignment), in file order.
    pub claims: Vec<ClaimOutcome>,
}

/// What the simulator did with one claim of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimOutcome {
    /// The claim's assignment: its place in the input, from 0.
    pub assignment: usize,
    /// The claim's place in its assignment, from 0.
    pub claim: usize,
    /// The processing date ([decision 16](docs/spec-decisions.md#decision-16)).
    pub processing_date: Date,
    /// Why it was rejected; `None` when settled.
    pub refusal: Option<RejectReason>,
}

/// The archive reference MPS gives a mandate registered by file.
const BY_FILE: &str = "*90000000";

/// The first day an assignment number first used in a file read on `used` may be used again:
/// 12 months and 1 day later, then the day after ([decision 23](docs/spec-decisions.md#decision-23)).
pub fn assignment_number_free_from(used: Date) -> Date {
    number_taken_until(used) + Duration::days(1)
}

/// The last day an assignment number used on `used` stays taken: 12 months + 1 day.
fn number_taken_until(used: Date) -> Date {
    let year = used.year() + 1;
    let month = used.month();
    let day = used.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).map_or(used, |d| d + Duration::days(1))
}

impl Ledger {
    /// Simulates MPS on a transmission read on `received`: registers its mandates (confirming
    /// them), settles or rejects its claims, and returns the response file.
    ///
    /// A file read on a day that is not a business day counts as read on the next business day
    /// ([decision 21](docs/spec-decisions.md#decision-21)): that is its mandates' registration
    /// date. A claim's processing date is its due date, or the receipt date if that is later,
    /// rolled to a business day ([decision 16](docs/spec-decisions.md#decision-16)).
    ///
    /// Order: mandates are registered first, as MPS registers them on receipt; then the claims
    /// of all the transmission's assignments are taken by processing date, and in file order
    /// among claims with the same processing date
    /// ([decision 22](docs/spec-decisions.md#decision-22)), so an earlier claim uses a
    /// period's limit before a later one listed above it. The response lists its assignments in
    /// the input's order and each assignment's claims in file order. A claim due later is
    /// settled as of its processing date, ahead of time.
    ///
    /// Deterministic: the same ledger, input and date give the same response.
    pub fn clear(&mut self, input: &Transmission, received: Date, scenario: &Scenario) -> Outcome {
        let mut refused = Vec::new();
        if input.direction != Direction::ToMps {
            refused.push(Refused::Transmission {
                reason: Said::new("refused.from-mps"),
            });
            return Outcome {
                response: None,
                refused,
                claims: Vec::new(),
            };
        }
        let registered = next_business_day(received);
        // Pass 1, in file order: assignment numbers and mandates.
        let mut taken = Vec::with_capacity(input.assignments.len());
        for assignment in &input.assignments {
            let header = *assignment.header();
            if let Some(r) = self.take_assignment_number(&header, received) {
                refused.push(r);
                taken.push(Taken::Refused);
                continue;
            }
            taken.push(match assignment {
                Assignment::Mandates(a) => Taken::Mandates(self.register_mandates(
                    &header,
                    &a.mandates,
                    registered,
                    &mut refused,
                )),
                Assignment::Claims(a) => Taken::Claims(vec![None; a.claims.len()]),
                Assignment::AvtaleGiroClaims(_) => Taken::AvtaleGiro,
                // Answers; cancellation requests, applied to the settlements below and to
                // those kept for later days (`Simulator::answer`).
                Assignment::Settled(_)
                | Assignment::Rejected(_)
                | Assignment::OcrGiro(_)
                | Assignment::AvtaleGiroCancellations(_)
                | Assignment::AvtaleGiroMandates(_) => Taken::Refused,
            });
        }
        // Pass 2: every claim, by processing date, then file order (a stable sort).
        let mut order = Vec::new();
        for (i, assignment) in input.assignments.iter().enumerate() {
            if let (Assignment::Claims(a), Some(Taken::Claims(_))) = (assignment, taken.get(i)) {
                for (j, claim) in a.claims.iter().enumerate() {
                    order.push((next_business_day(claim.date.max(received)), i, j));
                }
            }
        }
        order.sort_by_key(|&(processing, _, _)| processing);
        for (processing, i, j) in order {
            let (Some(Assignment::Claims(a)), Some(Taken::Claims(decisions))) =
                (input.assignments.get(i), taken.get_mut(i))
            else {
                continue;
            };
            let (Some(claim), Some(slot)) = (a.claims.get(j), decisions.get_mut(j)) else {
                continue;
            };
            *slot = Some(self.clear_claim(a.header.agreement_id, claim, processing, scenario));
        }
        let mut claims = Vec::new();
        for (i, t) in taken.iter().enumerate() {
            if let Taken::Claims(decisions) = t {
                for (j, d) in decisions.iter().enumerate() {
                    if let Some((c, refusal)) = d {
                        claims.push(ClaimOutcome {
                            assignment: i,
                            claim: j,
                            processing_date: c.date,
                            refusal: *refusal,
                        });
                    }
                }
            }
        }
        // Pass 3, in file order: the response.
        let response = self.respond(input, taken, received);
        Outcome {
            response: Some(response).filter(|r| !r.assignments.is_empty()),
            refused,
            claims,
        }
    }

    /// The response to `input` (pass 3 of [`Ledger::clear`], in file order): mandate
    /// confirmations, settled and rejected claims, AvtaleGiro's settlements as OCR giro
    /// payments, and the AvtaleGiro sign-ups not listed yet.
    fn respond(&mut self, input: &Transmission, taken: Vec<Taken>, received: Date) -> Transmission {
        let number = self.next_transmission_number();
        let mut response = Transmission::from_mps(input.sender, number, received);
        let cancelled = crate::giro::cancellations(input);
        for (assignment, taken) in input.assignments.iter().zip(taken) {
            match taken {
                Taken::Mandates(confirmations) => {
                    // The number is taken even when every mandate was refused.
                    let mut a = MandatesAssignment::new(self.next_header(assignment.header()));
                    if !confirmations.is_empty() {
                        for m in confirmations {
                            // A confirmation carries MPS's fields, which is all `push` asks.
                            let _ = a.push(m);
                        }
                        push(&mut response, a);
                    }
                }
                Taken::Claims(decisions) => {
                    self.respond_claims(assignment.header(), decisions, received, &mut response);
                }
                Taken::AvtaleGiro => {
                    if let Assignment::AvtaleGiroClaims(a) = assignment {
                        let number = self.next_header(&a.header).assignment_number;
                        if let Some(settled) = self
                            .giro
                            .settle(&a.header, &a.claims, &cancelled, received, number)
                        {
                            push(&mut response, settled);
                        }
                    }
                }
                Taken::Refused => {}
            }
        }
        // The payers who signed up for AvtaleGiro since the last answer, listed.
        let listing = self.giro_listing(input.sender);
        response.assignments.extend(listing);
        response
    }

    /// The AvtaleGiro mandates of `recipient` not listed yet, an assignment per account, now
    /// listed.
    pub(crate) fn giro_listing(&mut self, recipient: u32) -> Vec<Assignment> {
        let mut last = self.last_assignment;
        let listing = self.giro.listing(recipient, || {
            last = last.wrapping_add(1).max(1);
            last
        });
        self.last_assignment = last;
        listing
    }

    /// Registers a payer's sign-up for AvtaleGiro in the net bank: listed to the payee in
    /// MPS's next answer, and the agreement's claims of that KID settled from then on.
    pub fn sign_up(&mut self, sign_up: &crate::SignUp) {
        self.giro.sign_up(sign_up);
    }

    /// The number of the next transmission MPS sends (1 to 9 999 999, then 1 again).
    pub(crate) fn next_transmission_number(&mut self) -> u32 {
        self.last_transmission = self.last_transmission.wrapping_add(1).max(1);
        if self.last_transmission > 9_999_999 {
            self.last_transmission = 1;
        }
        self.last_transmission
    }

    /// [`Ledger::clear`] on the bytes of a file, refusing what MPS would refuse as a whole
    /// ([decision 17](docs/spec-decisions.md#decision-17)): the transmission for an error in its start or end, an assignment for an
    /// error anywhere in it.
    pub fn clear_file(
        &mut self,
        file: &[u8],
        options: &ReadOptions,
        received: Date,
        scenario: &Scenario,
    ) -> Outcome {
        let read = Transmission::read(file, options);
        let mut refused = Vec::new();
        let mut refused_spans = BTreeSet::new();
        for d in read.diagnostics.iter().filter(|d| d.is_error()) {
            let framing = matches!(d.record_type, Some(10 | 89))
                || matches!(
                    d.code,
                    Code::MissingTransmissionStart
                        | Code::MissingTransmissionEnd
                        | Code::DuplicateTransmissionStart
                        | Code::RecordAfterTransmissionEnd
                        | Code::Io
                );
            let span = read.spans.iter().position(|s| s.lines.contains(&d.line));
            match span.and_then(|i| Some((i, read.spans.get(i)?))) {
                Some((i, s)) if !framing => {
                    if refused_spans.insert(i) {
                        refused.push(Refused::Assignment {
                            agreement_id: s.agreement_id,
                            assignment_number: s.assignment_number,
                            reason: Said::plain(d),
                        });
                    }
                }
                _ => {
                    return Outcome {
                        response: None,
                        refused: vec![Refused::Transmission {
                            reason: Said::plain(d),
                        }],
                        claims: Vec::new(),
                    };
                }
            }
        }
        // The model's assignments that no error refused, by the span that holds each.
        let kept_indexes: BTreeSet<usize> = read
            .spans
            .iter()
            .enumerate()
            .filter(|(i, _)| !refused_spans.contains(i))
            .filter_map(|(_, s)| s.assignment)
            .collect();
        let kept = read
            .transmission
            .assignments
            .iter()
            .enumerate()
            .filter(|(i, _)| kept_indexes.contains(i))
            .map(|(_, a)| a.clone())
            .collect();
        let input = Transmission {
            assignments: kept,
            ..read.transmission
        };
        let mut outcome = self.clear(&input, received, scenario);
        refused.append(&mut outcome.refused);
        outcome.refused = refused;
        outcome
    }

    /// Refuses an assignment number used within 12 months + 1 day; else takes it.
    fn take_assignment_number(
        &mut self,
        header: &AssignmentHeader,
        received: Date,
    ) -> Option<Refused> {
        let key = (header.agreement_id, header.assignment_number);
        if let Some(&used) = self.assignment_numbers.get(&key)
            && received <= number_taken_until(used)
        {
            return Some(Refused::Assignment {
                agreement_id: header.agreement_id,
                assignment_number: header.assignment_number,
                reason: Said::new("refused.assignment-number")
                    .with("number", header.assignment_number)
                    .with("used", used)
                    .with("received", received)
                    .with("free", number_taken_until(used) + Duration::days(1)),
            });
        }
        self.assignment_numbers.insert(key, received);
        None
    }

    fn next_header(&mut self, header: &AssignmentHeader) -> AssignmentHeader {
        self.last_assignment = self.last_assignment.wrapping_add(1).max(1);
        AssignmentHeader {
            assignment_number: self.last_assignment,
            ..*header
        }
    }

    /// Settles or rejects one claim on its processing date: the claim as returned, and the
    /// code it was rejected with, if any.
    fn clear_claim(
        &mut self,
        agreement: u32,
        claim: &Claim,
        processing: Date,
        scenario: &Scenario,
    ) -> (Claim, Option<RejectReason>) {
        let decision = match self.evaluate(agreement, claim, processing) {
            Decision::Settle => match self.payer_account(agreement, claim) {
                Some(account) => scenario
                    .outcome(&account)
                    .map_or(Decision::Settle, Decision::Reject),
                None => Decision::Settle,
            },
            reject @ Decision::Reject(_) => reject,
        };
        let returned = Claim {
            date: processing,
            specification: Vec::new(),
            ..claim.clone()
        };
        match decision {
            Decision::Settle => {
                self.settle(agreement, claim, processing);
                (returned, None)
            }
            Decision::Reject(refusal) => (returned, Some(refusal)),
        }
    }

    /// The settled and the rejected assignment answering one claims assignment, each claim in
    /// file order.
    fn respond_claims(
        &mut self,
        header: &AssignmentHeader,
        decisions: Vec<Option<(Claim, Option<RejectReason>)>>,
        received: Date,
        response: &mut Transmission,
    ) {
        let mut settled = Vec::new();
        let mut rejected = Vec::new();
        for (claim, refusal) in decisions.into_iter().flatten() {
            match refusal {
                None => settled.push(claim),
                Some(refusal) => rejected.push(RejectedClaim {
                    claim,
                    code: refusal.code(),
                }),
            }
        }
        if !settled.is_empty() {
            let mut a = SettledAssignment::new(self.next_header(header), received);
            for c in settled {
                a.push(c);
            }
            push(response, a);
        }
        if !rejected.is_empty() {
            let mut a = RejectedAssignment::new(self.next_header(header), received);
            for r in rejected {
                a.push(r);
            }
            push(response, a);
        }
    }

    /// The payer's account: the claim's payer field when it is an account, else the mandate's.
    fn payer_account(&self, agreement_id: u32, claim: &Claim) -> Option<AccountNumber> {
        AccountNumber::parse(claim.payer.as_field())
            .ok()
            .or_else(|| {
                self.register()
                    .get(agreement_id, &claim.payer)
                    .map(|m| m.mandate.account)
            })
    }

    /// Registers the mandates of an assignment on `registered`: their confirmations, and what
    /// was refused.
    fn register_mandates(
        &mut self,
        header: &AssignmentHeader,
        mandates: &[Mandate],
        registered: Date,
        refused: &mut Vec<Refused>,
    ) -> Vec<Mandate> {
        let mut confirmations = Vec::new();
        for m in mandates {
            match self
                .register_mut()
                .apply(header.agreement_id, m, registered)
            {
                Ok(r) => confirmations.push(Mandate {
                    payer: None,
                    mps: Some(MpsMandate {
                        archive_reference: Text::new(BY_FILE).unwrap_or(Text::BLANK),
                        name: m.payer.map_or(Text::BLANK, |p| p.name),
                        registration_date: Some(r.registered),
                        change_date: r.changed,
                        ..MpsMandate::empty()
                    }),
                    ..m.clone()
                }),
                Err(e) => refused.push(Refused::Mandate {
                    agreement_id: header.agreement_id,
                    reference: m.payer_reference.digits().to_owned(),
                    reason: e.said(),
                }),
            }
        }
        confirmations
    }
}

/// What pass 1 of [`Ledger::clear`] made of an assignment.
enum Taken {
    /// Refused as a whole, or nothing to answer.
    Refused,
    /// The confirmations of the mandates registered.
    Mandates(Vec<Mandate>),
    /// One slot per claim, filled in processing order.
    Claims(Vec<Option<(Claim, Option<RejectReason>)>>),
    /// AvtaleGiro claims: those with a mandate settled as OCR giro payments.
    AvtaleGiro,
}

/// Adds an assignment to a response (the response's direction always fits).
fn push(response: &mut Transmission, assignment: impl Into<Assignment>) {
    response.assignments.push(assignment.into());
}
