//! AvtaleGiro in the simulator: the payers' mandates (a payer signs up in the net bank, and MPS
//! lists the new mandate to the payee), and MPS's answer to a file of AvtaleGiro claims: each
//! claim whose KID has a mandate of its account settled on its processing date as an OCR giro
//! payment of type 15, the rest not settled (MPS sends nothing of them), a claim cancelled by a
//! cancellation request before its day not settled at all (decision A5 names it by account,
//! due date, amount and KID).

use std::collections::BTreeMap;

use autogiro_checksum::{AccountNumber, Kid};
use autogiro_format::{AvtaleGiroRegistration, Digits, OcrType, WrittenNotice};
use autogiro_model::{
    Amount, Assignment, AssignmentHeader, AvtaleGiroClaim, AvtaleGiroMandate, AvtaleGiroMandates,
    Date, OcrAssignment, OcrPayment, Transmission,
};

use crate::calendar::next_business_day;

/// A payer's AvtaleGiro mandate as MPS holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct GiroMandate {
    /// The payee's customer unit: who MPS lists the mandate to.
    recipient: u32,
    /// The agreement id MPS gives the account's OCR giro assignments.
    agreement_id: u32,
    /// Whether the payer wants a written notice.
    written_notice: WrittenNotice,
    /// Not listed to the payee yet.
    unlisted: bool,
}

/// The AvtaleGiro mandates MPS holds, by the payee's account and the payer's KID.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct GiroRegister {
    #[cfg_attr(feature = "serde", serde(with = "crate::entries"))]
    mandates: BTreeMap<(String, String), GiroMandate>,
}

/// A payer's sign-up for AvtaleGiro in the net bank, as [`crate::Simulator::sign_up`] takes
/// it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignUp {
    /// The payee's customer unit (who MPS lists the mandate to).
    pub recipient: u32,
    /// The payee's AvtaleGiro agreement id.
    pub agreement_id: u32,
    /// The payee's account the agreement is registered on.
    pub account: AccountNumber,
    /// The KID the payer signed up with.
    pub kid: Kid,
    /// Whether the payer wants a written notice.
    pub written_notice: WrittenNotice,
}

impl GiroRegister {
    /// Registers a sign-up (or replaces the payer's earlier one), to be listed.
    pub(crate) fn sign_up(&mut self, s: &SignUp) {
        self.mandates.insert(
            (s.account.as_str().to_owned(), s.kid.as_str().to_owned()),
            GiroMandate {
                recipient: s.recipient,
                agreement_id: s.agreement_id,
                written_notice: s.written_notice,
                unlisted: true,
            },
        );
    }

    /// The mandate of `account` and `kid`, if the payer signed up.
    fn mandate(&self, account: &AccountNumber, kid: &Kid) -> Option<&GiroMandate> {
        self.mandates
            .get(&(account.as_str().to_owned(), kid.as_str().to_owned()))
    }

    /// The mandates of `recipient` not listed yet, an assignment per account (registration
    /// `1`, new or changed), now listed; `next` gives each assignment its number.
    pub(crate) fn listing(
        &mut self,
        recipient: u32,
        mut next: impl FnMut() -> u32,
    ) -> Vec<Assignment> {
        let mut by_account: BTreeMap<String, Vec<AvtaleGiroMandate>> = BTreeMap::new();
        for ((account, kid), m) in &mut self.mandates {
            if !m.unlisted || m.recipient != recipient {
                continue;
            }
            m.unlisted = false;
            let listed = by_account.entry(account.clone()).or_default();
            listed.push(AvtaleGiroMandate {
                serial_number: u32::try_from(listed.len() + 1).unwrap_or(u32::MAX),
                registration_type: AvtaleGiroRegistration::NewOrChanged,
                kid: Kid::parse_unchecked(kid.as_bytes()).ok(),
                written_notice: m.written_notice,
            });
        }
        by_account
            .into_iter()
            .filter_map(|(account, mandates)| {
                let account = AccountNumber::parse(&account).ok()?;
                Some(Assignment::AvtaleGiroMandates(AvtaleGiroMandates {
                    header: AssignmentHeader::new(0, next(), account),
                    mandates,
                }))
            })
            .collect()
    }

    /// The recipients with mandates not listed yet.
    pub(crate) fn unlisted_recipients(&self) -> Vec<u32> {
        let mut r: Vec<u32> = self
            .mandates
            .values()
            .filter(|m| m.unlisted)
            .map(|m| m.recipient)
            .collect();
        r.sort_unstable();
        r.dedup();
        r
    }

    /// MPS's answer to an assignment of AvtaleGiro claims read on `received`: the OCR giro
    /// assignment of the claims it settles (each on its processing date: the due date, or the
    /// day read if later, rolled to a business day), `None` when it settles none. Claims named
    /// by a request of `cancelled` are not settled.
    pub(crate) fn settle(
        &self,
        header: &AssignmentHeader,
        claims: &[AvtaleGiroClaim],
        cancelled: &[Cancellation],
        received: Date,
        number: u32,
    ) -> Option<OcrAssignment> {
        let mut agreement = None;
        let mut payments = Vec::new();
        for claim in claims {
            let Some(kid) = &claim.kid else { continue };
            let Some(m) = self.mandate(&header.account, kid) else {
                continue;
            };
            if cancelled.contains(&Cancellation::of(&header.account, claim)) {
                continue;
            }
            agreement.get_or_insert(m.agreement_id);
            let n = u32::try_from(payments.len() + 1).unwrap_or(u32::MAX);
            payments.push(settlement(
                n,
                kid,
                claim.amount,
                next_business_day(claim.due_date.max(received)),
            ));
        }
        let agreement_id = agreement?;
        Some(OcrAssignment {
            header: AssignmentHeader::new(agreement_id, number, header.account),
            generated: received,
            payments,
        })
    }
}

/// What a cancellation request names (decision A5): the claim's account, due date, amount and
/// KID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cancellation {
    account: String,
    due_date: Date,
    amount: Amount,
    kid: Option<String>,
}

impl Cancellation {
    /// What `claim` of an assignment of `account` names, or is named by.
    pub(crate) fn of(account: &AccountNumber, claim: &AvtaleGiroClaim) -> Self {
        Self {
            account: account.as_str().to_owned(),
            due_date: claim.due_date,
            amount: claim.amount,
            kid: claim.kid.as_ref().map(|k| k.as_str().to_owned()),
        }
    }

    /// Whether `payment` of an OCR giro assignment of `account` settles the claim this names
    /// (its processing date the due date rolled to a business day).
    pub(crate) fn names(&self, account: &AccountNumber, payment: &OcrPayment) -> bool {
        self.account == account.as_str()
            && self.amount == payment.amount
            && self.kid.as_deref() == payment.kid.as_ref().map(Kid::as_str)
            && payment.transaction_type == OcrType::AvtaleGiro
            && next_business_day(self.due_date) == payment.nets_date
    }
}

/// The cancellation requests of a transmission.
pub(crate) fn cancellations(input: &Transmission) -> Vec<Cancellation> {
    input
        .assignments
        .iter()
        .filter_map(|a| match a {
            Assignment::AvtaleGiroCancellations(c) => Some(
                c.cancellations
                    .iter()
                    .map(|claim| Cancellation::of(&c.header.account, claim))
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect()
}

/// A settled AvtaleGiro claim as OCR giro reports it (type 15): the rest of its fields as MPS
/// fills them for a payment charged to the payer's account.
fn settlement(number: u32, kid: &Kid, amount: Amount, nets_date: Date) -> OcrPayment {
    OcrPayment {
        transaction_number: number,
        transaction_type: OcrType::AvtaleGiro,
        nets_date,
        amount,
        credit: false,
        kid: Some(*kid),
        centre_id: 1,
        day_code: u32::from(nets_date.day()),
        partial_settlement: 1,
        serial_number: number % 100_000,
        card_drawer: 0,
        form_number: 0,
        reference: 0,
        reserved: 0,
        bank_date: Some(nets_date),
        debit_account: Digits::ZERO,
        free_text: None,
    }
}
