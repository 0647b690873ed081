use std::collections::BTreeMap;
use std::fmt;

use time::Date;

use autogiro_format::{ErrorCode, PeriodCode};
use autogiro_model::{Amount, Claim, PayerReference};

use crate::{Period, Register};

/// Why a claim is not settled ([decision 9](docs/spec-decisions.md#decision-9) maps each to an error code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case", tag = "reason"))]
pub enum RejectReason {
    /// No mandate for the payer reference under the agreement (131).
    NotFound,
    /// The mandate is not chargeable yet (131).
    NotYetActive {
        /// The first day it is.
        active_from: Date,
    },
    /// The mandate ended (131).
    Expired {
        /// Its last day.
        valid_to: Date,
    },
    /// The payer's bank blocks the mandate (133).
    Blocked {
        /// Blocked from.
        from: Option<Date>,
        /// Blocked to.
        to: Option<Date>,
    },
    /// The claim would take the period's charges past the limit (181).
    LimitExceeded {
        /// The limit in force.
        limit: Amount,
        /// Already settled in the period.
        used: Amount,
        /// The claim's amount.
        requested: Amount,
    },
    /// The payer's account does not exist (222): a bank-side outcome from a [`crate::Scenario`].
    AccountNotFound,
    /// The payer's bank refused (221): a bank-side outcome from a [`crate::Scenario`].
    RejectedByBank,
}

impl RejectReason {
    /// The error code MPS returns for it ([decision 9](docs/spec-decisions.md#decision-9)).
    pub fn code(self) -> ErrorCode {
        match self {
            Self::NotFound | Self::NotYetActive { .. } | Self::Expired { .. } => {
                ErrorCode::MandateNotFound
            }
            Self::Blocked { .. } => ErrorCode::MandateBlocked,
            Self::LimitExceeded { .. } => ErrorCode::LimitExceeded,
            Self::AccountNotFound => ErrorCode::AccountNotFound,
            Self::RejectedByBank => ErrorCode::RejectedByBank,
        }
    }
}

impl RejectReason {
    /// What it says, in any language ([`Said::render`](autogiro_model::Said::render)).
    pub fn said(self) -> autogiro_model::Said {
        use autogiro_model::Said;
        let day = |d: Option<Date>| d.map_or_else(|| Said::new("ledger.open"), Said::plain);
        match self {
            Self::NotFound => Said::new("ledger.not-found"),
            Self::NotYetActive { active_from } => {
                Said::new("ledger.not-yet-active").with("date", active_from)
            }
            Self::Expired { valid_to } => Said::new("ledger.expired").with("date", valid_to),
            Self::Blocked { from, to } => Said::new("ledger.blocked")
                .with_words("from", day(from))
                .with_words("to", day(to)),
            Self::LimitExceeded {
                limit,
                used,
                requested,
            } => Said::new("ledger.limit")
                .with("limit", limit)
                .with("used", used)
                .with("requested", requested),
            Self::AccountNotFound => Said::new("ledger.account-not-found"),
            Self::RejectedByBank => Said::new("ledger.rejected-by-bank"),
        }
    }
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound => f.write_str("no mandate for the payer reference"),
            Self::NotYetActive { active_from } => {
                write!(f, "the mandate is chargeable from {active_from}")
            }
            Self::Expired { valid_to } => write!(f, "the mandate ended on {valid_to}"),
            Self::Blocked { from, to } => {
                let d = |d: &Option<Date>| d.map_or_else(|| "open".to_owned(), |d| d.to_string());
                write!(f, "the mandate is blocked from {} to {}", d(from), d(to))
            }
            Self::LimitExceeded {
                limit,
                used,
                requested,
            } => write!(
                f,
                "limit {limit} NOK for the period: {used} used, {requested} requested"
            ),
            Self::AccountNotFound => f.write_str("the payer's account does not exist"),
            Self::RejectedByBank => f.write_str("the payer's bank refused the charge"),
        }
    }
}

/// What happens to a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// MPS settles it.
    Settle,
    /// MPS rejects it.
    Reject(RejectReason),
}

/// The key of a period's charges: mandate, period code and the window's first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct ChargeKey {
    agreement_id: u32,
    payer: PayerReference,
    period_code: PeriodCode,
    start: Date,
}

/// The register and what has been charged per mandate and period: what a payee needs in order
/// not to send claims MPS will reject.
///
/// ```
/// use autogiro_checksum::AccountNumber;
/// use autogiro_format::{PeriodCode, RegistrationType};
/// use autogiro_ledger::{Decision, Ledger, RejectReason};
/// use autogiro_model::{payer_reference, Amount, Claim, Mandate, MandateLimit};
/// use time::macros::date;
///
/// let mut ledger = Ledger::new();
/// let limit = MandateLimit::standard(PeriodCode::Monthly, Amount::from_ore(100_000)?)?;
/// let mandate = Mandate::new(RegistrationType::New, payer_reference("12345")?,
///     AccountNumber::parse("86011117947")?, limit);
/// ledger.register_mut().apply(56789, &mandate, date!(2026 - 01 - 05))?;
///
/// let claim = Claim::new(date!(2026 - 01 - 20), payer_reference("12345")?, Amount::from_ore(60_000)?);
/// assert_eq!(ledger.settle(56789, &claim, date!(2026 - 01 - 20)), Decision::Settle);
/// assert!(matches!(
///     ledger.settle(56789, &claim, date!(2026 - 01 - 21)),
///     Decision::Reject(RejectReason::LimitExceeded { .. })
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Ledger {
    register: Register,
    #[cfg_attr(feature = "serde", serde(with = "crate::entries"))]
    charged: BTreeMap<ChargeKey, Amount>,
    /// Assignment numbers by agreement, with the date of the file that used them.
    #[cfg_attr(feature = "serde", serde(with = "crate::entries"))]
    pub(crate) assignment_numbers: BTreeMap<(u32, u32), Date>,
    /// The last transmission and assignment numbers the simulator gave.
    pub(crate) last_transmission: u32,
    pub(crate) last_assignment: u32,
    /// AvtaleGiro's mandates (a ledger of an earlier version has none).
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) giro: crate::giro::GiroRegister,
}

impl Ledger {
    /// An empty ledger.
    pub fn new() -> Self {
        Self::default()
    }

    /// The mandate register.
    pub fn register(&self) -> &Register {
        &self.register
    }

    /// The mandate register, to change.
    pub fn register_mut(&mut self) -> &mut Register {
        &mut self.register
    }

    /// What has been settled under the mandate of `payer` in the window of `period_code` that
    /// holds `date`.
    pub fn charged(
        &self,
        agreement_id: u32,
        payer: &PayerReference,
        period_code: PeriodCode,
        date: Date,
    ) -> Amount {
        Period::containing(period_code, date)
            .and_then(|p| {
                self.charged.get(&ChargeKey {
                    agreement_id,
                    payer: *payer,
                    period_code,
                    start: p.start,
                })
            })
            .copied()
            .unwrap_or(Amount::ZERO)
    }

    /// Whether MPS would settle `claim` of `agreement_id` processed on `processing_date` (its
    /// due date rolled to a business day; [decision 16](docs/spec-decisions.md#decision-16)): the mandate is found, active, not
    /// expired, not blocked, and the period's settled sum plus the claim stays within the
    /// limit in force that day (simplified mandates have none).
    pub fn evaluate(&self, agreement_id: u32, claim: &Claim, processing_date: Date) -> Decision {
        let Some(m) = self.register.get(agreement_id, &claim.payer) else {
            return Decision::Reject(RejectReason::NotFound);
        };
        let active_from = m.active_from();
        if processing_date < active_from {
            return Decision::Reject(RejectReason::NotYetActive { active_from });
        }
        if let Some(valid_to) = m.mandate.valid_to
            && processing_date > valid_to
        {
            return Decision::Reject(RejectReason::Expired { valid_to });
        }
        if m.is_blocked_on(processing_date) {
            return Decision::Reject(RejectReason::Blocked {
                from: m.blocked_from,
                to: m.blocked_to,
            });
        }
        if m.is_unlimited() {
            return Decision::Settle;
        }
        let (period_code, limit) = m.limit_on(processing_date);
        let used = self.charged(agreement_id, &claim.payer, period_code, processing_date);
        match used.checked_add(claim.amount) {
            Some(total) if total <= limit || period_code == PeriodCode::NoPeriod => {
                Decision::Settle
            }
            _ => Decision::Reject(RejectReason::LimitExceeded {
                limit,
                used,
                requested: claim.amount,
            }),
        }
    }

    /// Counts a charge MPS has settled (from its answer file) in its period, as
    /// [`Ledger::settle`] would, without asking whether it could be: for a ledger rebuilt from
    /// a payee's records. A charge under no mandate in the register counts nowhere.
    pub fn record_charge(&mut self, agreement_id: u32, claim: &Claim, processing_date: Date) {
        if let Some(m) = self.register.get(agreement_id, &claim.payer) {
            let (period_code, _) = m.limit_on(processing_date);
            self.count(agreement_id, claim, period_code, processing_date);
        }
    }

    fn count(&mut self, agreement_id: u32, claim: &Claim, period_code: PeriodCode, date: Date) {
        if let Some(period) = Period::containing(period_code, date) {
            let key = ChargeKey {
                agreement_id,
                payer: claim.payer,
                period_code,
                start: period.start,
            };
            let entry = self.charged.entry(key).or_insert(Amount::ZERO);
            *entry = entry.checked_add(claim.amount).unwrap_or(Amount::MAX);
        }
    }

    /// [`Ledger::evaluate`], and when the claim settles, its amount counted in its period.
    pub fn settle(&mut self, agreement_id: u32, claim: &Claim, processing_date: Date) -> Decision {
        let decision = self.evaluate(agreement_id, claim, processing_date);
        if decision == Decision::Settle {
            self.record_charge(agreement_id, claim, processing_date);
        }
        decision
    }
}
