//! Builders: what payees send, numbered and checked at the call, so that a file written from
//! them validates cleanly; and what MPS sends back, for the ledger's simulator.

use time::Date;

use autogiro_checksum::{AccountNumber, Kid};
use autogiro_format::{
    ClaimType, Direction, MPS_ID, MandateType, PaddedDigits, PeriodCode, RegistrationType, Text,
};

use crate::limits::{MAX_SPECIFICATIONS, MAX_TRANSACTIONS, SPECIFICATION_LINES};
use crate::{
    Amount, Assignment, AssignmentHeader, AssignmentKind, Claim, ClaimsAssignment, Mandate,
    MandatesAssignment, PayerDetails, PayerReference, RejectedAssignment, RejectedClaim,
    SettledAssignment, SpecificationLine, Transmission,
};

/// Why a builder refused a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// Specification lines on a claim without notice (transaction type 02).
    #[error("a claim without notice (transaction type 02) has no specification lines")]
    SpecificationWithoutNotice,
    /// A 43rd specification line.
    #[error("a claim has at most 42 specification lines (21 lines x 2 columns)")]
    TooManySpecifications,
    /// A line outside 1-21 or a column outside 1-2.
    #[error("a specification goes on line 1-21, column 1-2, not line {line}, column {column}")]
    SpecificationPlace {
        /// The line asked for.
        line: u16,
        /// The column asked for.
        column: u8,
    },
    /// Two specifications at one place.
    #[error("the claim already has a specification at line {line}, column {column}")]
    SpecificationTaken {
        /// The line.
        line: u16,
        /// The column.
        column: u8,
    },
    /// A standard mandate without a period code.
    #[error("a standard mandate needs a period code 01-06")]
    StandardWithoutPeriod,
    /// A claim to MPS without the payer's abbreviated name
    /// ([decision 26](docs/spec-decisions.md#decision-26)).
    #[error("a claim to MPS carries the payer's abbreviated name (amount item 2, positions 16-25)")]
    BlankShortName,
    /// A standard mandate with a limit of zero
    /// ([decision 27](docs/spec-decisions.md#decision-27)).
    #[error("a standard mandate needs an amount limit above zero (a simplified mandate has none)")]
    StandardWithoutLimit,
    /// A registration or change without posts 2-4 (edition 3.9).
    #[error("a mandate registration or change to MPS carries the payer's details (posts 2-4)")]
    MissingPayerDetails,
    /// A deletion with posts 2-4 ([decision 11](docs/spec-decisions.md#decision-11): post 1 only).
    #[error(
        "a mandate deletion carries post 1 only: the payer's details (posts 2-4) go with a registration or a change"
    )]
    DeletionWithDetails,
    /// A mandate valid from a date after its valid-to date.
    #[error("valid from {from} is after valid to {to}")]
    ValidityReversed {
        /// Valid from.
        from: Date,
        /// Valid to.
        to: Date,
    },
    /// An assignment the transmission's direction does not carry (settled claims to MPS).
    #[error("{} cannot be sent {direction}", .kind.description())]
    WrongDirection {
        /// The kind of assignment.
        kind: AssignmentKind,
        /// The transmission's direction.
        direction: Direction,
    },
    /// More than 9 999 999 transactions in one transmission.
    #[error("a transmission holds at most 9 999 999 transactions")]
    TooManyTransactions,
    /// A payer's reference or account without a digit
    /// ([decision 20](docs/spec-decisions.md#decision-20)).
    #[error("the payer's reference or account needs at least one digit")]
    BlankPayer,
    /// A payer's reference or account of zeros only
    /// ([decision 30](docs/spec-decisions.md#decision-30)).
    #[error("the payer's reference or account is all zeros: neither a reference nor an account")]
    ZeroPayer,
    /// An AvtaleGiro claim without a KID ([decision A1](docs/spec-decisions.md#decision-a1)):
    /// MPS finds the payer's mandate by it.
    #[error("an AvtaleGiro claim carries a KID: MPS finds the payer's mandate by it")]
    AvtaleGiroWithoutKid,
    /// An AvtaleGiro item of a transaction type its assignment does not hold (a cancellation,
    /// type 93, among claims, or a claim among cancellation requests).
    #[error("an AvtaleGiro item of transaction type {} does not go in an assignment of {}", .transaction_type.code(), .kind.description())]
    AvtaleGiroMisplaced {
        /// The item's transaction type.
        transaction_type: autogiro_format::AvtaleGiroType,
        /// The assignment it was pushed into.
        kind: AssignmentKind,
    },
    /// A text that does not fit its field.
    #[error("{field}: {source}")]
    Text {
        /// The field.
        field: &'static str,
        /// Why.
        source: autogiro_format::ValueError,
    },
}

/// `s` as the text of `field`.
fn text<const N: usize>(field: &'static str, s: &str) -> Result<Text<N>, BuildError> {
    Text::new(s).map_err(|source| BuildError::Text { field, source })
}

impl Transmission {
    /// An empty transmission from the payee with customer unit id `sender` to MPS.
    pub fn to_mps(sender: u32, transmission_number: u32) -> Self {
        Self {
            direction: Direction::ToMps,
            sender,
            transmission_number,
            recipient: MPS_ID,
            generated: None,
            assignments: Vec::new(),
        }
    }

    /// An empty transmission from MPS to the payee `recipient`, generated on `generated`.
    pub fn from_mps(recipient: u32, transmission_number: u32, generated: Date) -> Self {
        Self {
            direction: Direction::FromMps,
            sender: MPS_ID,
            transmission_number,
            recipient,
            generated: Some(generated),
            assignments: Vec::new(),
        }
    }

    /// The number of transactions (claims, rejections, mandates) in all assignments.
    pub fn transactions(&self) -> usize {
        self.assignments.iter().map(Assignment::len).sum()
    }

    /// Adds an assignment.
    ///
    /// # Errors
    ///
    /// [`BuildError::WrongDirection`] for claims from MPS or settled and rejected claims to
    /// MPS; [`BuildError::TooManyTransactions`].
    pub fn push(&mut self, assignment: impl Into<Assignment>) -> Result<(), BuildError> {
        let assignment = assignment.into();
        let kind = assignment.kind();
        if kind.direction().is_some_and(|d| d != self.direction) {
            return Err(BuildError::WrongDirection {
                kind,
                direction: self.direction,
            });
        }
        if (self.transactions() + assignment.len()) as u64 > MAX_TRANSACTIONS {
            return Err(BuildError::TooManyTransactions);
        }
        self.assignments.push(assignment);
        Ok(())
    }
}

impl AssignmentHeader {
    /// The assignment start's fields.
    pub fn new(agreement_id: u32, assignment_number: u32, account: AccountNumber) -> Self {
        Self {
            agreement_id,
            assignment_number,
            account,
        }
    }
}

impl From<ClaimsAssignment> for Assignment {
    fn from(a: ClaimsAssignment) -> Self {
        Self::Claims(a)
    }
}

impl From<MandatesAssignment> for Assignment {
    fn from(a: MandatesAssignment) -> Self {
        Self::Mandates(a)
    }
}

impl From<SettledAssignment> for Assignment {
    fn from(a: SettledAssignment) -> Self {
        Self::Settled(a)
    }
}

impl From<RejectedAssignment> for Assignment {
    fn from(a: RejectedAssignment) -> Self {
        Self::Rejected(a)
    }
}

impl Claim {
    /// A claim without notice (transaction type 02) of `amount` from `payer`, due on `due`.
    /// Names and references are blank until set; the assignment numbers it.
    pub fn new(due: Date, payer: PayerReference, amount: Amount) -> Self {
        Self {
            transaction_number: 0,
            claim_type: ClaimType::WithoutNotice,
            date: due,
            payer,
            amount,
            kid: None,
            short_name: Text::BLANK,
            own_reference: Text::BLANK,
            foreign_reference: Text::BLANK,
            specification: Vec::new(),
        }
    }

    /// Sets the KID.
    #[must_use]
    pub fn with_kid(mut self, kid: Kid) -> Self {
        self.kid = Some(kid);
        self
    }

    /// Sets the payer's abbreviated name (at most 10 characters).
    ///
    /// # Errors
    ///
    /// [`BuildError::Text`].
    pub fn with_short_name(mut self, name: &str) -> Result<Self, BuildError> {
        self.short_name = text("abbreviated name", name)?;
        Ok(self)
    }

    /// Sets the payee's own reference (at most 25 characters).
    ///
    /// # Errors
    ///
    /// [`BuildError::Text`].
    pub fn with_own_reference(mut self, reference: &str) -> Result<Self, BuildError> {
        self.own_reference = text("own reference", reference)?;
        Ok(self)
    }

    /// Sets the foreign reference, shown on the payer's statement (at most 25 characters).
    ///
    /// # Errors
    ///
    /// [`BuildError::Text`].
    pub fn with_foreign_reference(mut self, reference: &str) -> Result<Self, BuildError> {
        self.foreign_reference = text("foreign reference", reference)?;
        Ok(self)
    }

    /// Makes it a claim with notice (transaction type 03), which may carry specification
    /// lines.
    #[must_use]
    pub fn with_notice(mut self) -> Self {
        self.claim_type = ClaimType::WithNotice;
        self
    }

    /// Adds a specification line (record 49) at `line` 1-21, `column` 1-2.
    ///
    /// # Errors
    ///
    /// [`BuildError::SpecificationWithoutNotice`], [`BuildError::TooManySpecifications`],
    /// [`BuildError::SpecificationPlace`], [`BuildError::SpecificationTaken`],
    /// [`BuildError::Text`] (more than 40 characters).
    pub fn add_specification(
        &mut self,
        line: u16,
        column: u8,
        text_: &str,
    ) -> Result<(), BuildError> {
        if self.claim_type != ClaimType::WithNotice {
            return Err(BuildError::SpecificationWithoutNotice);
        }
        if self.specification.len() >= MAX_SPECIFICATIONS as usize {
            return Err(BuildError::TooManySpecifications);
        }
        if !(1..=SPECIFICATION_LINES).contains(&line) || !(1..=2).contains(&column) {
            return Err(BuildError::SpecificationPlace { line, column });
        }
        if self
            .specification
            .iter()
            .any(|s| s.line == Some(line) && s.column == Some(column))
        {
            return Err(BuildError::SpecificationTaken { line, column });
        }
        self.specification.push(SpecificationLine {
            line: Some(line),
            column: Some(column),
            text: text("specification text", text_)?,
        });
        Ok(())
    }

    /// Checks what the builders promise: specifications only with notice, at most 42, each
    /// at its own place in 1-21 x 1-2.
    pub(crate) fn check(&self) -> Result<(), BuildError> {
        if self.claim_type == ClaimType::WithoutNotice && !self.specification.is_empty() {
            return Err(BuildError::SpecificationWithoutNotice);
        }
        if self.specification.len() > MAX_SPECIFICATIONS as usize {
            return Err(BuildError::TooManySpecifications);
        }
        let mut places = 0u64;
        for s in &self.specification {
            let (line, column) = (s.line.unwrap_or(0), s.column.unwrap_or(0));
            if !(1..=SPECIFICATION_LINES).contains(&line) || !(1..=2).contains(&column) {
                return Err(BuildError::SpecificationPlace { line, column });
            }
            let bit = 1u64 << ((u32::from(line) - 1) * 2 + u32::from(column) - 1);
            if places & bit != 0 {
                return Err(BuildError::SpecificationTaken { line, column });
            }
            places |= bit;
        }
        Ok(())
    }
}

impl ClaimsAssignment {
    /// An empty assignment of claims to MPS.
    pub fn new(header: AssignmentHeader) -> Self {
        Self {
            header,
            claims: Vec::new(),
        }
    }

    /// Adds a claim, numbering it (the next transaction number, from 1).
    ///
    /// # Errors
    ///
    /// [`BuildError::SpecificationWithoutNotice`] and the other specification errors of
    /// [`Claim::add_specification`], for a claim whose fields were set by hand;
    /// [`BuildError::BlankShortName`] for a claim without the abbreviated name.
    pub fn push(&mut self, mut claim: Claim) -> Result<(), BuildError> {
        claim.check()?;
        if claim.short_name.is_blank() {
            return Err(BuildError::BlankShortName);
        }
        claim.transaction_number = next_number(self.claims.len());
        self.claims.push(claim);
        Ok(())
    }
}

/// The number of the next transaction after `len`.
fn next_number(len: usize) -> u32 {
    u32::try_from(len + 1).unwrap_or(u32::MAX)
}

impl SettledAssignment {
    /// An empty assignment of settled claims from MPS, generated on `generated`.
    pub fn new(header: AssignmentHeader, generated: Date) -> Self {
        Self {
            header,
            generated,
            claims: Vec::new(),
        }
    }

    /// Adds a settled claim (its date: the processing date), numbering it.
    pub fn push(&mut self, mut claim: Claim) {
        claim.specification.clear();
        claim.transaction_number = next_number(self.claims.len());
        self.claims.push(claim);
    }
}

impl RejectedAssignment {
    /// An empty assignment of rejected claims from MPS, generated on `generated`.
    pub fn new(header: AssignmentHeader, generated: Date) -> Self {
        Self {
            header,
            generated,
            rejections: Vec::new(),
        }
    }

    /// Adds a rejected claim, numbering it.
    pub fn push(&mut self, mut rejection: RejectedClaim) {
        rejection.claim.specification.clear();
        rejection.claim.transaction_number = next_number(self.rejections.len());
        self.rejections.push(rejection);
    }
}

/// The amount limit of a mandate: a standard mandate's period and limit, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MandateLimit {
    /// A standard mandate (type 22): at most `limit` per `period`.
    Standard {
        /// Daily to yearly.
        period: PeriodCode,
        /// The most that may be charged per period.
        limit: Amount,
    },
    /// A simplified mandate (type 23), without a limit.
    Simplified,
}

impl MandateLimit {
    /// A standard mandate's limit.
    ///
    /// # Errors
    ///
    /// [`BuildError::StandardWithoutPeriod`] for [`PeriodCode::NoPeriod`];
    /// [`BuildError::StandardWithoutLimit`] for a limit of zero
    /// ([decision 27](docs/spec-decisions.md#decision-27)).
    pub fn standard(period: PeriodCode, limit: Amount) -> Result<Self, BuildError> {
        if period == PeriodCode::NoPeriod {
            return Err(BuildError::StandardWithoutPeriod);
        }
        if limit == Amount::ZERO {
            return Err(BuildError::StandardWithoutLimit);
        }
        Ok(Self::Standard { period, limit })
    }

    fn parts(self) -> (MandateType, PeriodCode, Amount) {
        match self {
            Self::Standard { period, limit } => (MandateType::Standard, period, limit),
            Self::Simplified => (MandateType::Simplified, PeriodCode::NoPeriod, Amount::ZERO),
        }
    }
}

impl Mandate {
    /// A mandate to MPS of `registration` type for `payer_reference` (use the account's
    /// digits, `PaddedDigits::new(account.as_str())`, when no reference is used).
    pub fn new(
        registration: RegistrationType,
        payer_reference: PayerReference,
        account: AccountNumber,
        limit: MandateLimit,
    ) -> Self {
        let (mandate_type, period_code, amount_limit) = limit.parts();
        Self {
            sequence_number: 0,
            mandate_type,
            registration_type: registration,
            payer_reference,
            account,
            period_code,
            amount_limit,
            valid_from: None,
            valid_to: None,
            payer: None,
            mps: None,
        }
    }

    /// Sets the validity (either end may be open).
    #[must_use]
    pub fn valid(mut self, from: Option<Date>, to: Option<Date>) -> Self {
        self.valid_from = from;
        self.valid_to = to;
        self
    }

    /// Sets posts 2-4.
    #[must_use]
    pub fn with_payer(mut self, payer: PayerDetails) -> Self {
        self.payer = Some(payer);
        self
    }
}

/// The blank-padded payer field of a reference or account's digits.
///
/// # Errors
///
/// [`BuildError::Text`] for more than 11 digits or a character that is not a digit;
/// [`BuildError::BlankPayer`] for no digit at all; [`BuildError::ZeroPayer`] for zeros only.
pub fn payer_reference(digits: &str) -> Result<PayerReference, BuildError> {
    let reference = PaddedDigits::new(digits).map_err(|source| BuildError::Text {
        field: "payer's reference",
        source,
    })?;
    if reference.digits().is_empty() {
        return Err(BuildError::BlankPayer);
    }
    if reference.digits().bytes().all(|b| b == b'0') {
        return Err(BuildError::ZeroPayer);
    }
    Ok(reference)
}

impl MandatesAssignment {
    /// An empty assignment of mandates.
    pub fn new(header: AssignmentHeader) -> Self {
        Self {
            header,
            mandates: Vec::new(),
        }
    }

    /// Adds a mandate to MPS, numbering it (the next sequence number, from 1).
    ///
    /// # Errors
    ///
    /// [`BuildError::MissingPayerDetails`] for a registration or change without posts 2-4,
    /// [`BuildError::DeletionWithDetails`], [`BuildError::StandardWithoutPeriod`],
    /// [`BuildError::ValidityReversed`].
    pub fn push(&mut self, mut mandate: Mandate) -> Result<(), BuildError> {
        mandate.check_to_mps()?;
        mandate.sequence_number = next_number(self.mandates.len());
        self.mandates.push(mandate);
        Ok(())
    }
}

impl Mandate {
    /// Checks what [`MandatesAssignment::push`] promises of a mandate.
    pub(crate) fn check_to_mps(&self) -> Result<(), BuildError> {
        let mandate = self;
        match mandate.registration_type {
            RegistrationType::Delete if mandate.payer.is_some() => {
                return Err(BuildError::DeletionWithDetails);
            }
            RegistrationType::New | RegistrationType::Change
                if mandate.payer.is_none() && mandate.mps.is_none() =>
            {
                return Err(BuildError::MissingPayerDetails);
            }
            _ => {}
        }
        if mandate.mandate_type == MandateType::Standard
            && mandate.period_code == PeriodCode::NoPeriod
        {
            return Err(BuildError::StandardWithoutPeriod);
        }
        if let (Some(from), Some(to)) = (mandate.valid_from, mandate.valid_to)
            && from > to
        {
            return Err(BuildError::ValidityReversed { from, to });
        }
        Ok(())
    }
}
