//! The MPS simulator's state ([`Simulator`]): its [`Ledger`], the answer it gave each input,
//! and the answers it has decided but MPS would send on later days, so that a month can be
//! played day by day.

use std::collections::BTreeMap;

use autogiro_model::{
    Assignment, Date, OcrAssignment, OcrPayment, ReadOptions, RejectedAssignment,
    SettledAssignment, Transmission,
};

use crate::clearing::Scenario;
use crate::ledger::Ledger;

/// What the simulator answered to one input.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Answer {
    /// The day it was read on.
    pub received: Date,
    /// The file MPS sends back on that day, if any.
    pub response: Option<Transmission>,
    /// What was refused as a whole, in words.
    pub refused: Vec<String>,
    /// Claims answered on later days: their processing date is after the day the answer
    /// was given to ([`Simulator::answer`]'s `until`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub later: usize,
}

/// The simulator's state: MPS's [`Ledger`] (its register, charges and numbers), the answer
/// given to each input by its SHA-256 (the same input again gets the same answer, and nothing
/// is charged twice), and the answers decided but not yet sent ([`Simulator::release`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Simulator {
    /// The format's version ([`Simulator::VERSION`]).
    version: u32,
    /// The register, the charges and the numbers taken.
    ledger: Ledger,
    /// Each input answered, by the SHA-256 of its bytes.
    answered: BTreeMap<String, Answer>,
    /// Answers decided, to be sent when their claims' processing dates come: each the part of
    /// a response not sent yet.
    #[cfg_attr(feature = "serde", serde(default))]
    later: Vec<Transmission>,
}

impl Default for Simulator {
    fn default() -> Self {
        Self::new()
    }
}

/// Why a saved state cannot be read ([`Simulator::from_json`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StateError {
    /// No `version`: not a state, or one of a version before states had versions.
    #[error(
        "no version field: not a state of this autogiro (or of one before states had versions)"
    )]
    NoVersion,
    /// A version newer than this build knows.
    #[error("state version {0}, newer than this autogiro knows ({v}): use a newer autogiro", v = Simulator::VERSION)]
    Newer(u32),
    /// Not a state of this version.
    #[error("{0}")]
    Invalid(String),
}

impl Simulator {
    /// The version of the state's format this build writes; it reads every earlier one.
    /// Version 2 added the answers kept for later days.
    pub const VERSION: u32 = 2;

    /// An empty state.
    pub fn new() -> Self {
        Self {
            version: Self::VERSION,
            ledger: Ledger::new(),
            answered: BTreeMap::new(),
            later: Vec::new(),
        }
    }

    /// The ledger: its register (to block a mandate) and its charges.
    pub fn ledger_mut(&mut self) -> &mut Ledger {
        &mut self.ledger
    }

    /// A payer signs up for AvtaleGiro in the net bank: MPS lists the mandate to the payee in
    /// its next answer (or in the file [`Simulator::release`] makes), and settles the
    /// agreement's claims of that KID from then on.
    pub fn sign_up(&mut self, sign_up: &crate::SignUp) {
        self.ledger.sign_up(sign_up);
    }

    /// Answers `file` (whose SHA-256 is `sha256`) read on `received`, as MPS would: an input
    /// answered before gets the same answer (`true` beside it), and nothing is charged twice.
    /// With `until`, the claims processed after that day are answered on later days: kept in
    /// the state and sent by [`Simulator::release`]; without it the whole answer is given at
    /// once, the processing dates of the claims due later included.
    pub fn answer(
        &mut self,
        file: &[u8],
        sha256: &str,
        received: Date,
        until: Option<Date>,
    ) -> (Answer, bool) {
        if let Some(a) = self.answered.get(sha256) {
            return (a.clone(), true);
        }
        let options = ReadOptions::new().today(received);
        let outcome = self
            .ledger
            .clear_file(file, &options, received, &Scenario::new());
        // Cancellation requests take the settlements of their claims kept for later days.
        let cancelled = if self.later.is_empty() {
            Vec::new()
        } else {
            crate::giro::cancellations(&Transmission::read(file, &options).transmission)
        };
        if !cancelled.is_empty() {
            for later in &mut self.later {
                cancel(later, &cancelled);
            }
            self.later.retain(|t| !t.assignments.is_empty());
        }
        let (now, later) = match (outcome.response, until) {
            (Some(response), Some(until)) => split(response, until),
            (response, _) => (response, None),
        };
        let waiting = later.as_ref().map_or(0, claims_in);
        if let Some(later) = later {
            self.later.push(later);
        }
        let answer = Answer {
            received,
            response: now,
            refused: outcome.refused.iter().map(ToString::to_string).collect(),
            later: waiting,
        };
        self.answered.insert(sha256.to_owned(), answer.clone());
        (answer, false)
    }

    /// The answers kept for later days whose claims are processed by `until`, and the
    /// AvtaleGiro mandates signed up for since the last answer, as the file MPS sends on that
    /// day (one payee's: answers to others stay for the next call); `None` when none is due.
    pub fn release(&mut self, until: Date) -> Option<Transmission> {
        let mut due: Option<Transmission> = None;
        let mut kept = Vec::new();
        for later in std::mem::take(&mut self.later) {
            let other_payee = due.as_ref().is_some_and(|d| d.recipient != later.recipient);
            let (now, rest) = if other_payee {
                (None, Some(later))
            } else {
                split(later, until)
            };
            kept.extend(rest);
            if let Some(now) = now {
                let file = due.get_or_insert_with(|| {
                    let number = self.ledger.next_transmission_number();
                    Transmission::from_mps(now.recipient, number, until)
                });
                for mut a in now.assignments {
                    set_generated(&mut a, until);
                    file.assignments.push(a);
                }
            }
        }
        self.later = kept;
        let recipient = due
            .as_ref()
            .map(|d| d.recipient)
            .or_else(|| self.ledger.giro.unlisted_recipients().first().copied());
        if let Some(recipient) = recipient {
            let listing = self.ledger.giro_listing(recipient);
            if !listing.is_empty() {
                let file = due.get_or_insert_with(|| {
                    let number = self.ledger.next_transmission_number();
                    Transmission::from_mps(recipient, number, until)
                });
                file.assignments.extend(listing);
            }
        }
        due
    }

    /// How many claims wait in the state to be answered on later days.
    pub fn waiting(&self) -> usize {
        self.later.iter().map(claims_in).sum()
    }

    /// Reads a state saved by [`Simulator::to_json`] of this version or an earlier one.
    ///
    /// # Errors
    ///
    /// [`StateError`]: no version, a newer one, or not a state.
    #[cfg(feature = "serde")]
    pub fn from_json(json: &[u8]) -> Result<Self, StateError> {
        #[derive(serde::Deserialize)]
        struct Version {
            version: Option<u32>,
        }
        let version = serde_json::from_slice::<Version>(json)
            .ok()
            .and_then(|v| v.version);
        match version {
            None => Err(StateError::NoVersion),
            Some(v) if v > Self::VERSION => Err(StateError::Newer(v)),
            Some(_) => {
                let mut state: Self =
                    serde_json::from_slice(json).map_err(|e| StateError::Invalid(e.to_string()))?;
                state.version = Self::VERSION;
                Ok(state)
            }
        }
    }

    /// The state as JSON, to keep.
    ///
    /// # Errors
    ///
    /// When it cannot be serialised (it always can).
    #[cfg(feature = "serde")]
    pub fn to_json(&self) -> Result<Vec<u8>, StateError> {
        serde_json::to_vec_pretty(self).map_err(|e| StateError::Invalid(e.to_string()))
    }
}

/// The claims a response answers.
fn claims_in(t: &Transmission) -> usize {
    t.assignments
        .iter()
        .map(|a| match a {
            Assignment::Settled(s) => s.claims.len(),
            Assignment::Rejected(r) => r.rejections.len(),
            Assignment::OcrGiro(o) => o.payments.len(),
            Assignment::Claims(_)
            | Assignment::Mandates(_)
            | Assignment::AvtaleGiroClaims(_)
            | Assignment::AvtaleGiroCancellations(_)
            | Assignment::AvtaleGiroMandates(_) => 0,
        })
        .sum()
}

/// A response split into what MPS sends by `until` (mandates, and claims processed by then)
/// and what it sends later, each `None` when empty.
fn split(response: Transmission, until: Date) -> (Option<Transmission>, Option<Transmission>) {
    let Transmission {
        direction,
        sender,
        transmission_number,
        recipient,
        generated,
        assignments,
    } = response;
    let envelope = || Transmission {
        direction,
        sender,
        transmission_number,
        recipient,
        generated,
        assignments: Vec::new(),
    };
    let (mut now, mut later) = (envelope(), envelope());
    for a in assignments {
        match a {
            Assignment::Settled(SettledAssignment {
                header,
                generated,
                claims,
            }) => {
                let (due, rest): (Vec<_>, Vec<_>) =
                    claims.into_iter().partition(|c| c.date <= until);
                for (part, claims) in [(&mut now, due), (&mut later, rest)] {
                    if !claims.is_empty() {
                        part.assignments
                            .push(Assignment::Settled(SettledAssignment {
                                header,
                                generated,
                                claims,
                            }));
                    }
                }
            }
            Assignment::Rejected(RejectedAssignment {
                header,
                generated,
                rejections,
            }) => {
                let (due, rest): (Vec<_>, Vec<_>) =
                    rejections.into_iter().partition(|r| r.claim.date <= until);
                for (part, rejections) in [(&mut now, due), (&mut later, rest)] {
                    if !rejections.is_empty() {
                        part.assignments
                            .push(Assignment::Rejected(RejectedAssignment {
                                header,
                                generated,
                                rejections,
                            }));
                    }
                }
            }
            Assignment::OcrGiro(OcrAssignment {
                header,
                generated,
                payments,
            }) => {
                let (due, rest): (Vec<_>, Vec<_>) =
                    payments.into_iter().partition(|p| p.nets_date <= until);
                for (part, payments) in [(&mut now, due), (&mut later, rest)] {
                    if !payments.is_empty() {
                        part.assignments.push(Assignment::OcrGiro(OcrAssignment {
                            header,
                            generated,
                            payments: renumbered(payments),
                        }));
                    }
                }
            }
            other => now.assignments.push(other),
        }
    }
    let some = |t: Transmission| Some(t).filter(|t| !t.assignments.is_empty());
    (some(now), some(later))
}

/// OCR giro payments numbered from 1 again, as a part of an assignment sent on its own day.
fn renumbered(mut payments: Vec<OcrPayment>) -> Vec<OcrPayment> {
    for (p, n) in payments.iter_mut().zip(1..) {
        p.transaction_number = n;
    }
    payments
}

/// Takes from `t` the settlements of the claims `cancelled` names (and the assignments they
/// leave empty).
fn cancel(t: &mut Transmission, cancelled: &[crate::giro::Cancellation]) {
    for a in &mut t.assignments {
        if let Assignment::OcrGiro(o) = a {
            let account = o.header.account;
            o.payments
                .retain(|p| !cancelled.iter().any(|c| c.names(&account, p)));
            o.payments = renumbered(std::mem::take(&mut o.payments));
        }
    }
    t.assignments
        .retain(|a| !matches!(a, Assignment::OcrGiro(o) if o.payments.is_empty()));
}

/// The day MPS made an assignment of its answer.
fn set_generated(a: &mut Assignment, on: Date) {
    match a {
        Assignment::Settled(s) => s.generated = on,
        Assignment::Rejected(r) => r.generated = on,
        Assignment::OcrGiro(o) => o.generated = on,
        Assignment::Claims(_)
        | Assignment::Mandates(_)
        | Assignment::AvtaleGiroClaims(_)
        | Assignment::AvtaleGiroCancellations(_)
        | Assignment::AvtaleGiroMandates(_) => {}
    }
}
