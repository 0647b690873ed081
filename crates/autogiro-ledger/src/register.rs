use std::collections::BTreeMap;

use time::Date;

use autogiro_format::{MandateType, PeriodCode, RegistrationType};
use autogiro_model::{Amount, Mandate, PayerReference};

use crate::calendar::add_business_days;

/// Why the register refused a registration, change or deletion of a mandate. Nothing is
/// changed when it does.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// A registration of a mandate the register already has.
    #[error("mandate {reference} of agreement {agreement_id} is already registered")]
    AlreadyRegistered {
        /// The agreement.
        agreement_id: u32,
        /// The payer reference.
        reference: String,
    },
    /// A change or deletion of a mandate the register does not have.
    #[error("mandate {reference} of agreement {agreement_id} is not registered")]
    UnknownMandate {
        /// The agreement.
        agreement_id: u32,
        /// The payer reference.
        reference: String,
    },
    /// A change of valid-from (delete and register anew instead).
    #[error(
        "mandate {reference} of agreement {agreement_id}: valid-from cannot change (delete and register anew)"
    )]
    ValidFromChanged {
        /// The agreement.
        agreement_id: u32,
        /// The payer reference.
        reference: String,
    },
    /// A change of account of a mandate whose reference is the account.
    #[error(
        "mandate {reference} of agreement {agreement_id}: the account can change only when a payer reference distinct from it is used (delete and register anew)"
    )]
    AccountChangeWithoutReference {
        /// The agreement.
        agreement_id: u32,
        /// The payer reference.
        reference: String,
    },
    /// Registration type 0 sent to MPS.
    #[error("registration type 0 (full listing) exists only in files from MPS")]
    ListingToMps,
}

impl RegisterError {
    /// What this error says, in any language ([`Said::render`](autogiro_model::Said::render)).
    pub fn said(&self) -> autogiro_model::Said {
        use autogiro_model::Said;
        let mandate = |key: &'static str, agreement_id: &u32, reference: &str| {
            Said::new(key)
                .with("reference", reference)
                .with("agreement", agreement_id)
        };
        match self {
            Self::AlreadyRegistered {
                agreement_id,
                reference,
            } => mandate("register.already", agreement_id, reference),
            Self::UnknownMandate {
                agreement_id,
                reference,
            } => mandate("register.unknown", agreement_id, reference),
            Self::ValidFromChanged {
                agreement_id,
                reference,
            } => mandate("register.valid-from", agreement_id, reference),
            Self::AccountChangeWithoutReference {
                agreement_id,
                reference,
            } => mandate("register.account-change", agreement_id, reference),
            Self::ListingToMps => Said::new("register.listing-to-mps"),
        }
    }
}

/// The date from which mandates get 5 business days to activate instead of 2 ([decision 10](docs/spec-decisions.md#decision-10)).
const FIVE_DAYS_FROM: Date = match Date::from_calendar_date(2024, time::Month::September, 1) {
    Ok(d) => d,
    Err(_) => Date::MIN,
};

/// A new amount limit and/or period, in force from a date (mandate post 4 from MPS, record 73).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct LimitChange {
    /// The first day the new limit holds.
    pub from: Date,
    /// The new period.
    pub period_code: PeriodCode,
    /// The new limit.
    pub amount_limit: Amount,
}

/// A mandate as the register knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RegisteredMandate {
    /// The agreement it belongs to.
    pub agreement_id: u32,
    /// Its post 1 (and payer details) as last registered or changed.
    pub mandate: Mandate,
    /// The date MPS registered it.
    pub registered: Date,
    /// The date of the last change.
    pub changed: Option<Date>,
    /// Blocked by the bank from this date (record 73).
    pub blocked_from: Option<Date>,
    /// Blocked until and including this date (record 73).
    pub blocked_to: Option<Date>,
    /// A coming limit change (record 73).
    pub limit_change: Option<LimitChange>,
}

impl RegisteredMandate {
    /// The first day a claim may be charged ([decision 10](docs/spec-decisions.md#decision-10)): the later of its valid-from and
    /// its registration date + 5 business days (+ 2 for registrations before 2024-09-01).
    pub fn active_from(&self) -> Date {
        let days = if self.registered < FIVE_DAYS_FROM {
            2
        } else {
            5
        };
        let activation = add_business_days(self.registered, days);
        self.mandate
            .valid_from
            .map_or(activation, |from| from.max(activation))
    }

    /// The period and limit in force on `date`.
    pub fn limit_on(&self, date: Date) -> (PeriodCode, Amount) {
        match self.limit_change {
            Some(change) if change.from <= date => (change.period_code, change.amount_limit),
            _ => (self.mandate.period_code, self.mandate.amount_limit),
        }
    }

    /// Whether the bank blocks the mandate on `date`.
    pub fn is_blocked_on(&self, date: Date) -> bool {
        match (self.blocked_from, self.blocked_to) {
            (None, None) => false,
            (from, to) => from.is_none_or(|f| f <= date) && to.is_none_or(|t| date <= t),
        }
    }

    /// Whether the mandate has no amount limit (a simplified mandate).
    pub fn is_unlimited(&self) -> bool {
        self.mandate.mandate_type == MandateType::Simplified
    }
}

/// The mandate register: every mandate known, by agreement id and payer reference.
///
/// A claim's payer field must equal its mandate's payer reference, padding included, so the
/// key is the field as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Register {
    mandates: BTreeMap<(u32, PayerReference), RegisteredMandate>,
}

impl Register {
    /// An empty register.
    pub fn new() -> Self {
        Self::default()
    }

    /// The mandate of `payer` under `agreement_id`.
    pub fn get(&self, agreement_id: u32, payer: &PayerReference) -> Option<&RegisteredMandate> {
        self.mandates.get(&(agreement_id, *payer))
    }

    /// Every mandate, by agreement and payer reference.
    pub fn iter(&self) -> impl Iterator<Item = &RegisteredMandate> {
        self.mandates.values()
    }

    /// The number of mandates.
    pub fn len(&self) -> usize {
        self.mandates.len()
    }

    /// Whether the register is empty.
    pub fn is_empty(&self) -> bool {
        self.mandates.is_empty()
    }

    /// Puts a registered mandate in the register as it is (replacing one of the same agreement
    /// and payer reference): for a register kept elsewhere and loaded back.
    pub fn insert(&mut self, mandate: RegisteredMandate) {
        self.mandates.insert(
            (mandate.agreement_id, mandate.mandate.payer_reference),
            mandate,
        );
    }

    /// Applies a mandate sent to MPS, read by MPS on `date`: registration (1), change (2) or
    /// deletion (3). Returns the mandate as registered (the deleted one for a deletion).
    ///
    /// # Errors
    ///
    /// [`RegisterError::AlreadyRegistered`], [`RegisterError::UnknownMandate`],
    /// [`RegisterError::ValidFromChanged`], [`RegisterError::AccountChangeWithoutReference`],
    /// [`RegisterError::ListingToMps`]: nothing is changed.
    pub fn apply(
        &mut self,
        agreement_id: u32,
        mandate: &Mandate,
        date: Date,
    ) -> Result<RegisteredMandate, RegisterError> {
        let key = (agreement_id, mandate.payer_reference);
        let name = || (agreement_id, mandate.payer_reference.digits().to_owned());
        match mandate.registration_type {
            RegistrationType::New => {
                if self.mandates.contains_key(&key) {
                    let (agreement_id, reference) = name();
                    return Err(RegisterError::AlreadyRegistered {
                        agreement_id,
                        reference,
                    });
                }
                let registered = RegisteredMandate {
                    agreement_id,
                    mandate: Mandate {
                        mps: None,
                        ..mandate.clone()
                    },
                    registered: date,
                    changed: None,
                    blocked_from: None,
                    blocked_to: None,
                    limit_change: None,
                };
                self.mandates.insert(key, registered.clone());
                Ok(registered)
            }
            RegistrationType::Change => {
                let Some(current) = self.mandates.get_mut(&key) else {
                    let (agreement_id, reference) = name();
                    return Err(RegisterError::UnknownMandate {
                        agreement_id,
                        reference,
                    });
                };
                if mandate.valid_from != current.mandate.valid_from {
                    let (agreement_id, reference) = name();
                    return Err(RegisterError::ValidFromChanged {
                        agreement_id,
                        reference,
                    });
                }
                let uses_account =
                    mandate.payer_reference.digits() == current.mandate.account.as_str();
                if mandate.account != current.mandate.account && uses_account {
                    let (agreement_id, reference) = name();
                    return Err(RegisterError::AccountChangeWithoutReference {
                        agreement_id,
                        reference,
                    });
                }
                let m = &mut current.mandate;
                m.account = mandate.account;
                m.mandate_type = mandate.mandate_type;
                m.period_code = mandate.period_code;
                m.amount_limit = mandate.amount_limit;
                m.valid_to = mandate.valid_to;
                if mandate.payer.is_some() {
                    m.payer = mandate.payer;
                }
                current.changed = Some(date);
                current.limit_change = None;
                Ok(current.clone())
            }
            RegistrationType::Delete => self.mandates.remove(&key).ok_or_else(|| {
                let (agreement_id, reference) = name();
                RegisterError::UnknownMandate {
                    agreement_id,
                    reference,
                }
            }),
            RegistrationType::Listing => Err(RegisterError::ListingToMps),
        }
    }

    /// Takes in what MPS says of a mandate (a confirmation or a listing entry, record 70-76 from
    /// MPS): blocks, a coming limit change, the registration and change dates. A mandate MPS
    /// knows and the register does not is added.
    pub fn apply_from_mps(&mut self, agreement_id: u32, mandate: &Mandate) {
        let key = (agreement_id, mandate.payer_reference);
        if mandate.registration_type == RegistrationType::Delete {
            self.mandates.remove(&key);
            return;
        }
        let mps = mandate.mps.unwrap_or(autogiro_model::MpsMandate::empty());
        let entry = self
            .mandates
            .entry(key)
            .or_insert_with(|| RegisteredMandate {
                agreement_id,
                mandate: mandate.clone(),
                registered: mps.registration_date.unwrap_or(Date::MIN),
                changed: None,
                blocked_from: None,
                blocked_to: None,
                limit_change: None,
            });
        let payer = entry.mandate.payer;
        entry.mandate = Mandate {
            payer,
            mps: None,
            ..mandate.clone()
        };
        if let Some(d) = mps.registration_date {
            entry.registered = d;
        }
        entry.changed = mps.change_date.or(entry.changed);
        entry.blocked_from = mps.blocked_from;
        entry.blocked_to = mps.blocked_to;
        entry.limit_change = mps.new_from.map(|from| LimitChange {
            from,
            period_code: mps.new_period_code,
            amount_limit: mps.new_amount_limit,
        });
    }

    /// A full listing of an agreement's mandates (registration type 0 from MPS) replaces what
    /// the register knows of that agreement.
    pub fn replace_agreement(&mut self, agreement_id: u32, listing: &[Mandate]) {
        self.mandates.retain(|(a, _), _| *a != agreement_id);
        for m in listing {
            self.apply_from_mps(agreement_id, m);
        }
    }

    /// Blocks a mandate from `from` to `to` (either open), as the payer's bank may.
    ///
    /// # Errors
    ///
    /// [`RegisterError::UnknownMandate`].
    pub fn block(
        &mut self,
        agreement_id: u32,
        payer: &PayerReference,
        from: Option<Date>,
        to: Option<Date>,
    ) -> Result<(), RegisterError> {
        let m = self.get_mut(agreement_id, payer)?;
        m.blocked_from = from;
        m.blocked_to = to;
        Ok(())
    }

    /// Sets a new limit and period in force from `change.from`.
    ///
    /// # Errors
    ///
    /// [`RegisterError::UnknownMandate`].
    pub fn change_limit(
        &mut self,
        agreement_id: u32,
        payer: &PayerReference,
        change: LimitChange,
    ) -> Result<(), RegisterError> {
        self.get_mut(agreement_id, payer)?.limit_change = Some(change);
        Ok(())
    }

    fn get_mut(
        &mut self,
        agreement_id: u32,
        payer: &PayerReference,
    ) -> Result<&mut RegisteredMandate, RegisterError> {
        self.mandates
            .get_mut(&(agreement_id, *payer))
            .ok_or_else(|| RegisterError::UnknownMandate {
                agreement_id,
                reference: payer.digits().to_owned(),
            })
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Register, RegisteredMandate};

    impl Serialize for Register {
        /// A list of mandates; each carries its key.
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.mandates.values())
        }
    }

    impl<'de> Deserialize<'de> for Register {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let list = Vec::<RegisteredMandate>::deserialize(d)?;
            let mandates = list
                .into_iter()
                .map(|m| ((m.agreement_id, m.mandate.payer_reference), m))
                .collect();
            Ok(Self { mandates })
        }
    }
}
