//! The domain types: a transmission and its assignments, claims, mandates, rejections.

use std::fmt;

use time::Date;

use autogiro_checksum::{AccountNumber, Kid, OrganisationNumber};
use autogiro_format::{
    AssignmentType, ClaimType, Direction, ErrorCode, MandateType, PaddedDigits, PeriodCode,
    RegistrationType, Text,
};

use crate::Amount;

/// The payer field of a claim (record 30 positions 22-32) and the payer's reference of a mandate
/// (record 70 positions 17-27): right-justified digits, blank- or zero-padded, or the payer's
/// 11-digit account. A claim's field must equal its mandate's, padding included.
pub type PayerReference = PaddedDigits<11>;

/// A transmission (forsendelse): one file, from its start (record 10) to its end (record 89).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Transmission {
    /// To MPS or from MPS.
    pub direction: Direction,
    /// Record 10, positions 9-16: the sender's customer unit id (`8080` from MPS).
    pub sender: u32,
    /// Record 10, positions 17-23: the transmission number.
    pub transmission_number: u32,
    /// Record 10, positions 24-31: the recipient (`8080` to MPS).
    pub recipient: u32,
    /// Record 89 from MPS, positions 42-47: the date MPS generated the transmission.
    pub generated: Option<Date>,
    /// The assignments, in file order.
    pub assignments: Vec<Assignment>,
}

/// What every assignment start (record 20) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AssignmentHeader {
    /// Positions 9-17: the agreement id (avtale-ID) MPS assigned.
    pub agreement_id: u32,
    /// Positions 18-24: the assignment number, unique per agreement for 12 months + 1 day.
    pub assignment_number: u32,
    /// Positions 25-35: the payee's account.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_util::account"))]
    pub account: AccountNumber,
}

/// An assignment (oppdrag): the transactions of one agreement between an assignment start (20)
/// and its end (88).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "kebab-case"))]
pub enum Assignment {
    /// Claims to MPS (assignment type 00).
    Claims(ClaimsAssignment),
    /// Mandates to MPS, or mandate confirmations and listings from MPS (assignment type 24).
    Mandates(MandatesAssignment),
    /// Settled claims from MPS (assignment type 00).
    Settled(SettledAssignment),
    /// Rejected claims from MPS (assignment type 25).
    Rejected(RejectedAssignment),
    /// OCR giro payments from MPS (service code 09).
    OcrGiro(crate::OcrAssignment),
    /// AvtaleGiro claims to MPS (service code 21, assignment type 00).
    #[cfg_attr(feature = "serde", serde(rename = "avtalegiro-claims"))]
    AvtaleGiroClaims(crate::AvtaleGiroClaims),
    /// AvtaleGiro cancellation requests to MPS (service code 21, assignment type 36).
    #[cfg_attr(feature = "serde", serde(rename = "avtalegiro-cancellations"))]
    AvtaleGiroCancellations(crate::AvtaleGiroCancellations),
    /// AvtaleGiro mandates from MPS (service code 21, assignment type 24).
    #[cfg_attr(feature = "serde", serde(rename = "avtalegiro-mandates"))]
    AvtaleGiroMandates(crate::AvtaleGiroMandates),
}

/// What an assignment holds: the assignment type (record 20, positions 5-6) read in the
/// file's direction. The one place that pairs the two; the reader, the checker, the writer and
/// the command all ask it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssignmentKind {
    /// Claims to MPS (type 00 to MPS).
    Claims,
    /// Settled claims (type 00 from MPS).
    Settled,
    /// Rejected claims (type 25, from MPS).
    Rejected,
    /// Mandates (type 24, both directions).
    Mandates,
    /// OCR giro payments (service code 09, from MPS).
    OcrGiro,
    /// AvtaleGiro claims (service code 21, type 00, to MPS).
    AvtaleGiroClaims,
    /// AvtaleGiro cancellation requests (service code 21, type 36, to MPS).
    AvtaleGiroCancellations,
    /// AvtaleGiro mandates (service code 21, type 24, from MPS).
    AvtaleGiroMandates,
}

impl AssignmentKind {
    /// Every kind, in the order above.
    pub const ALL: [Self; 8] = [
        Self::Claims,
        Self::Settled,
        Self::Rejected,
        Self::Mandates,
        Self::OcrGiro,
        Self::AvtaleGiroClaims,
        Self::AvtaleGiroCancellations,
        Self::AvtaleGiroMandates,
    ];

    /// The kind of an Autogiro assignment of `assignment_type` in a file of `direction`.
    pub fn of(assignment_type: AssignmentType, direction: Direction) -> Self {
        match (assignment_type, direction) {
            (AssignmentType::Claims, Direction::ToMps) => Self::Claims,
            (AssignmentType::Claims, Direction::FromMps) => Self::Settled,
            (AssignmentType::Rejected, _) => Self::Rejected,
            (AssignmentType::Mandates, _) => Self::Mandates,
        }
    }

    /// The assignment type its records 20 and 88 carry, as Autogiro's codes say it (OCR
    /// giro's and AvtaleGiro's claims: `00`, AvtaleGiro's mandates `24`; AvtaleGiro's
    /// cancellations, `36`, have no Autogiro code: [`Self::type_code`] says it).
    pub fn assignment_type(self) -> AssignmentType {
        match self {
            Self::Claims
            | Self::Settled
            | Self::OcrGiro
            | Self::AvtaleGiroClaims
            | Self::AvtaleGiroCancellations => AssignmentType::Claims,
            Self::Rejected => AssignmentType::Rejected,
            Self::Mandates | Self::AvtaleGiroMandates => AssignmentType::Mandates,
        }
    }

    /// The direction of the files that hold it; `None` for mandates (both).
    pub fn direction(self) -> Option<Direction> {
        match self {
            Self::Claims | Self::AvtaleGiroClaims | Self::AvtaleGiroCancellations => {
                Some(Direction::ToMps)
            }
            Self::Settled | Self::Rejected | Self::OcrGiro | Self::AvtaleGiroMandates => {
                Some(Direction::FromMps)
            }
            Self::Mandates => None,
        }
    }

    /// The word the JSON model and the tables use for it: `claims`, `settled`, `rejected`,
    /// `mandates`, `ocr-giro`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Claims => "claims",
            Self::Settled => "settled",
            Self::Rejected => "rejected",
            Self::Mandates => "mandates",
            Self::OcrGiro => "ocr-giro",
            Self::AvtaleGiroClaims => "avtalegiro-claims",
            Self::AvtaleGiroCancellations => "avtalegiro-cancellations",
            Self::AvtaleGiroMandates => "avtalegiro-mandates",
        }
    }

    /// The assignment type its records 20 and 88 carry, as written: `00`, `24`, `25`, `36`.
    pub fn type_code(self) -> &'static str {
        match self {
            Self::AvtaleGiroCancellations => "36",
            other => other.assignment_type().code(),
        }
    }

    /// The kind of a [`Self::tag`].
    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.tag() == tag)
    }

    /// What it holds, for people: `claims`, `settled claims`, `rejected claims`, `mandates`,
    /// `OCR giro payments`.
    pub fn description(self) -> &'static str {
        autogiro_i18n::text(crate::Lang::En, self.key())
    }

    /// What it holds in `lang`: [`AssignmentKind::description`] in English, `betalingskrav`,
    /// `fullmakter`, ... in bokmål.
    pub fn description_in(self, lang: crate::Lang) -> &'static str {
        autogiro_i18n::text(lang, self.key())
    }

    /// The catalogue's key of its description.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Self::Claims => "kind.claims",
            Self::Settled => "kind.settled",
            Self::Rejected => "kind.rejected",
            Self::Mandates => "kind.mandates",
            Self::OcrGiro => "kind.ocr-giro",
            Self::AvtaleGiroClaims => "kind.avtalegiro-claims",
            Self::AvtaleGiroCancellations => "kind.avtalegiro-cancellations",
            Self::AvtaleGiroMandates => "kind.avtalegiro-mandates",
        }
    }
}

impl fmt::Display for AssignmentKind {
    /// The description and the type code: `rejected claims (type 25)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (type {})", self.description(), self.type_code())
    }
}

impl Assignment {
    /// What the assignment holds.
    pub fn kind(&self) -> AssignmentKind {
        match self {
            Self::Claims(_) => AssignmentKind::Claims,
            Self::Mandates(_) => AssignmentKind::Mandates,
            Self::Settled(_) => AssignmentKind::Settled,
            Self::Rejected(_) => AssignmentKind::Rejected,
            Self::OcrGiro(_) => AssignmentKind::OcrGiro,
            Self::AvtaleGiroClaims(_) => AssignmentKind::AvtaleGiroClaims,
            Self::AvtaleGiroCancellations(_) => AssignmentKind::AvtaleGiroCancellations,
            Self::AvtaleGiroMandates(_) => AssignmentKind::AvtaleGiroMandates,
        }
    }

    /// The assignment start's fields.
    pub fn header(&self) -> &AssignmentHeader {
        match self {
            Self::Claims(a) => &a.header,
            Self::Mandates(a) => &a.header,
            Self::Settled(a) => &a.header,
            Self::Rejected(a) => &a.header,
            Self::OcrGiro(a) => &a.header,
            Self::AvtaleGiroClaims(a) => &a.header,
            Self::AvtaleGiroCancellations(a) => &a.header,
            Self::AvtaleGiroMandates(a) => &a.header,
        }
    }

    /// The assignment start's fields, to change.
    pub fn header_mut(&mut self) -> &mut AssignmentHeader {
        match self {
            Self::Claims(a) => &mut a.header,
            Self::Mandates(a) => &mut a.header,
            Self::Settled(a) => &mut a.header,
            Self::Rejected(a) => &mut a.header,
            Self::OcrGiro(a) => &mut a.header,
            Self::AvtaleGiroClaims(a) => &mut a.header,
            Self::AvtaleGiroCancellations(a) => &mut a.header,
            Self::AvtaleGiroMandates(a) => &mut a.header,
        }
    }

    /// The number of transactions: claims, mandates or rejections.
    pub fn len(&self) -> usize {
        match self {
            Self::Claims(a) => a.claims.len(),
            Self::Mandates(a) => a.mandates.len(),
            Self::Settled(a) => a.claims.len(),
            Self::Rejected(a) => a.rejections.len(),
            Self::OcrGiro(a) => a.payments.len(),
            Self::AvtaleGiroClaims(a) => a.claims.len(),
            Self::AvtaleGiroCancellations(a) => a.cancellations.len(),
            Self::AvtaleGiroMandates(a) => a.mandates.len(),
        }
    }

    /// Whether the assignment holds no transaction.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Claims to MPS.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ClaimsAssignment {
    /// The assignment start.
    pub header: AssignmentHeader,
    /// The claims, in file order.
    pub claims: Vec<Claim>,
}

/// Settled claims from MPS.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SettledAssignment {
    /// The assignment start.
    pub header: AssignmentHeader,
    /// Record 88, positions 42-47: the date MPS generated the assignment.
    pub generated: Date,
    /// The settled claims; each claim's date is its processing date.
    pub claims: Vec<Claim>,
}

/// Rejected claims from MPS.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RejectedAssignment {
    /// The assignment start.
    pub header: AssignmentHeader,
    /// Record 88, positions 42-47: the date MPS generated the assignment.
    pub generated: Date,
    /// The rejected claims.
    pub rejections: Vec<RejectedClaim>,
}

/// Mandates: registrations, changes and deletions to MPS; confirmations and full listings from
/// MPS.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MandatesAssignment {
    /// The assignment start.
    pub header: AssignmentHeader,
    /// The mandates, in file order.
    pub mandates: Vec<Mandate>,
}

/// A claim (betalingskrav): amount items 1 and 2 (records 30 and 31, or 35 and 36 when
/// rejected) and, with notice, its specification lines (49).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Claim {
    /// Positions 9-15: the transaction number, consecutive in its assignment (writers start at
    /// 1). In JSON it may be left out: [`Transmission::number_unnumbered`] fills in 0.
    #[cfg_attr(feature = "serde", serde(default))]
    pub transaction_number: u32,
    /// Positions 5-6: `02` without notice, `03` with notice (specification lines allowed).
    pub claim_type: ClaimType,
    /// Item 1 positions 16-21: the due date (to MPS) or the processing date (from MPS).
    pub date: Date,
    /// Item 1 positions 22-32: the payer's reference or account.
    pub payer: PayerReference,
    /// Item 1 positions 33-49: the amount.
    pub amount: Amount,
    /// Item 1 positions 50-74: the KID, if any.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_util::opt_kid"))]
    pub kid: Option<Kid>,
    /// Item 2 positions 16-25: the payer's abbreviated name.
    pub short_name: Text<10>,
    /// Item 2 positions 26-50: the payee's own reference.
    pub own_reference: Text<25>,
    /// Item 2 positions 51-75: the foreign reference, shown on the payer's statement.
    pub foreign_reference: Text<25>,
    /// The specification lines of a claim with notice (record 49), in file order.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub specification: Vec<SpecificationLine>,
}

/// A line of text on the payer's notice (record 49).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SpecificationLine {
    /// Positions 17-19: the line, 1-21 (`None`: blank, not printed; [decision 12](docs/spec-decisions.md#decision-12)).
    pub line: Option<u16>,
    /// Position 20: the column, 1 or 2 (`None`: blank, not printed).
    pub column: Option<u8>,
    /// Positions 21-60: the text.
    pub text: Text<40>,
}

/// A rejected claim from MPS: the claim as returned (records 35, 36) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RejectedClaim {
    /// The claim; its date is the processing date.
    pub claim: Claim,
    /// Record 36, positions 76-78.
    pub code: ErrorCode,
}

/// A mandate (fullmakt): post 1 (record 70) and, to MPS, posts 2-4 (71, 72, 74); from MPS,
/// posts 2-5 (71, 72, 73, 76).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Mandate {
    /// Positions 9-15: the sequence number, consecutive in its assignment (writers start at
    /// 1). In JSON it may be left out: [`Transmission::number_unnumbered`] fills in 0.
    #[cfg_attr(feature = "serde", serde(default))]
    pub sequence_number: u32,
    /// Positions 5-6: `22` standard or `23` simplified.
    pub mandate_type: MandateType,
    /// Position 16: new, change, delete, or (from MPS) part of a full listing.
    pub registration_type: RegistrationType,
    /// Positions 17-27: the payer's reference (or the payer's account when none is used).
    pub payer_reference: PayerReference,
    /// Positions 29-39: the payer's account.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_util::account"))]
    pub account: AccountNumber,
    /// Positions 40-41: the period of the amount limit (`NoPeriod` for simplified).
    pub period_code: PeriodCode,
    /// Positions 42-58: the amount limit per period (zero for simplified). From MPS, on a
    /// change of limit, the old limit.
    pub amount_limit: Amount,
    /// Positions 59-64: the first possible charge date.
    pub valid_from: Option<Date>,
    /// Positions 65-70: the last day of the mandate.
    pub valid_to: Option<Date>,
    /// Posts 2-4 to MPS (none for a deletion, or before edition 3.9).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub payer: Option<PayerDetails>,
    /// What MPS adds in files from MPS.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub mps: Option<MpsMandate>,
}

/// Mandate posts 2-4 to MPS: who the payer is and who signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PayerDetails {
    /// Record 71 positions 16-45: the payer's (company's) name.
    pub name: Text<30>,
    /// Record 71 positions 46-75.
    pub address1: Text<30>,
    /// Record 72 positions 16-45.
    pub address2: Text<30>,
    /// Record 72 positions 46-49.
    pub postal_code: Text<4>,
    /// Record 72 positions 50-52 (blank for a Norwegian address; [decision 15](docs/spec-decisions.md#decision-15)).
    pub postal_code_extension: Text<3>,
    /// Record 72 positions 53-77.
    pub postal_town: Text<25>,
    /// Record 72 positions 78-80.
    pub country_code: Text<3>,
    /// Record 74 positions 16-26.
    pub organisation: Organisation,
    /// Record 74 positions 27-56: who signed the mandate.
    pub signatory: Text<30>,
    /// Record 74 positions 57-64.
    pub signatory_birth_date: Date,
}

/// The organisation number of mandate post 4 ([decision 14](docs/spec-decisions.md#decision-14)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Organisation {
    /// `00` + a Norwegian organisation number.
    Norwegian(
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_util::organisation"))]
        OrganisationNumber,
    ),
    /// Anything else: a payer outside Norway, kept as written.
    Foreign(Text<11>),
}

/// What MPS adds to a mandate in its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MpsMandate {
    /// Record 70 positions 72-80: where the mandate was last registered.
    pub archive_reference: Text<9>,
    /// Record 71 positions 16-45: the payer's name.
    pub name: Text<30>,
    /// Record 73 positions 16-21.
    pub blocked_from: Option<Date>,
    /// Record 73 positions 22-27.
    pub blocked_to: Option<Date>,
    /// Record 73 positions 28-33: when the new limit and period take effect.
    pub new_from: Option<Date>,
    /// Record 73 positions 34-50.
    pub new_amount_limit: Amount,
    /// Record 73 positions 51-52.
    pub new_period_code: PeriodCode,
    /// Record 73 positions 53-58: the first registration.
    pub registration_date: Option<Date>,
    /// Record 73 positions 59-64: the last change.
    pub change_date: Option<Date>,
    /// Post 5 (record 76), in a full listing only.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub listing: Option<ListingPost>,
}

impl MpsMandate {
    /// No information from MPS: blank archive reference and name, no dates, no new limit.
    pub fn empty() -> Self {
        Self {
            archive_reference: Text::BLANK,
            name: Text::BLANK,
            blocked_from: None,
            blocked_to: None,
            new_from: None,
            new_amount_limit: Amount::ZERO,
            new_period_code: PeriodCode::NoPeriod,
            registration_date: None,
            change_date: None,
            listing: None,
        }
    }
}

/// Mandate post 5 (record 76).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ListingPost {
    /// Positions 24-40: charged in the period; blanked since spec 3.9.
    pub charged_in_period: Option<Amount>,
    /// Positions 41-46: the last charge.
    pub last_charged: Option<Date>,
}
