//! Autogiro state across files and time: what a payee needs in order not to send claims MPS
//! will reject, and what lets them test without MPS.
//!
//! * The business-day calendar of Norges Bank's settlement system ([decision 8](docs/spec-decisions.md#decision-8)):
//!   [`is_business_day`], [`next_business_day`], [`add_business_days`],
//!   [`business_days_between`], [`easter_sunday`]; and the payee's "today", [`today_in_oslo`].
//! * [`Period`]: the calendar window of a period code that holds a date ([decision 7](docs/spec-decisions.md#decision-7)).
//! * [`Register`]: the mandates of each agreement, from the files sent to MPS and from MPS.
//! * [`Ledger`]: the register and the charges per mandate and period; [`Ledger::evaluate`]
//!   says whether MPS would settle a claim, and why not ([`RejectReason`], codes 131, 133, 181).
//! * [`Ledger::clear`] / [`Ledger::clear_file`]: an MPS simulator that turns a file to MPS into
//!   the file MPS would send back, deterministically; a [`Scenario`] adds what only the payer's
//!   bank knows (221, 222).
//!
//! ```
//! use autogiro_checksum::AccountNumber;
//! use autogiro_format::{ErrorCode, PeriodCode, RegistrationType};
//! use autogiro_ledger::{Ledger, Scenario};
//! use autogiro_model::{
//!     payer_reference, Amount, Assignment, AssignmentHeader, Claim, ClaimsAssignment, Mandate,
//!     MandateLimit, Transmission,
//! };
//! use time::macros::date;
//!
//! let mut ledger = Ledger::new();
//! let limit = MandateLimit::standard(PeriodCode::Monthly, Amount::from_ore(100_000)?)?;
//! let mandate = Mandate::new(RegistrationType::New, payer_reference("12345")?,
//!     AccountNumber::parse("86011117947")?, limit);
//! ledger.register_mut().apply(56789, &mandate, date!(2026 - 01 - 05))?;
//!
//! // Two claims of 600 NOK in January: the second would pass the 1000 NOK monthly limit.
//! let header = AssignmentHeader::new(56789, 1, AccountNumber::parse("12345678903")?);
//! let mut claims = ClaimsAssignment::new(header);
//! for day in [20, 21] {
//!     let due = time::Date::from_calendar_date(2026, time::Month::January, day)?;
//!     claims.push(
//!         Claim::new(due, payer_reference("12345")?, Amount::from_ore(60_000)?)
//!             .with_short_name("Nordmann")?,
//!     )?;
//! }
//! let mut file = Transmission::to_mps(12345, 1);
//! file.push(claims)?;
//!
//! let outcome = ledger.clear(&file, date!(2026 - 01 - 16), &Scenario::new());
//! let response = outcome.response.unwrap();
//! let Assignment::Rejected(rejected) = &response.assignments[1] else { panic!() };
//! assert_eq!(rejected.rejections[0].code, ErrorCode::LimitExceeded);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]

mod calendar;
mod clearing;
mod giro;
mod ledger;
mod period;
mod register;
mod simulator;

pub use calendar::{
    TimeZoneError, add_business_days, business_days_between, date_in_oslo, easter_sunday, holiday,
    is_business_day, next_business_day, today_in_oslo,
};
pub use clearing::{ClaimOutcome, Outcome, Refused, Scenario, assignment_number_free_from};
pub use giro::SignUp;
pub use ledger::{Decision, Ledger, RejectReason};
pub use period::Period;
pub use register::{LimitChange, Register, RegisterError, RegisteredMandate};
pub use simulator::{Answer, Simulator, StateError};

/// The model's types that this crate's signatures use.
pub use autogiro_model::{
    AccountNumber, Amount, AssignmentHeader, Claim, Date, ErrorCode, Mandate, PayerReference,
    PeriodCode, ReadOptions, Transmission,
};

/// Serde for maps whose keys are not strings: a list of `[key, value]` pairs.
#[cfg(feature = "serde")]
mod entries {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub(crate) fn serialize<K: Serialize, V: Serialize, S: Serializer>(
        map: &BTreeMap<K, V>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(map.iter())
    }

    pub(crate) fn deserialize<'de, K, V, D>(d: D) -> Result<BTreeMap<K, V>, D::Error>
    where
        K: Deserialize<'de> + Ord,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Ok(Vec::<(K, V)>::deserialize(d)?.into_iter().collect())
    }
}

/// The README's example, run as a doc test so that it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
