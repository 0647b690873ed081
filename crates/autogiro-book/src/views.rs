//! What the book answers with: what an import did, a finding of a check, the status, a claim or
//! mandate as the book holds it, the numbers reserved for a file, an export.

use time::Date;

use autogiro_format::Direction;
use autogiro_model::Amount;

use crate::ClaimStatus;
use crate::store::{AssignmentRow, ClaimRow, FileRow, UnmatchedRow};

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Imported {
    /// The file's name.
    pub name: String,
    /// `to MPS` or `from MPS`.
    pub direction: Direction,
    /// The file was in the book already: nothing changed.
    pub already: bool,
    /// Claims sent (to MPS) now waiting for an answer.
    pub claims: usize,
    /// Answers (from MPS) matched to a claim sent.
    pub answered: usize,
    /// Of those, the rejections (and 252, the retries), by error code: how many.
    pub rejected: std::collections::BTreeMap<u16, usize>,
    /// Answers that match no claim sent, or more than one: kept in the book, tried again at
    /// every import, listed by `book status --unmatched`. The first 100 of the file's; how
    /// many there are is [`Imported::unmatched_total`].
    pub unmatched: Vec<Unmatched>,
    /// How many answers of the file are kept unmatched.
    pub unmatched_total: usize,
    /// Answers of earlier files, kept unmatched, that found their claim now.
    pub rematched: usize,
    /// Rejected claims closed as handled because a claim of this file bills them again.
    pub replaced: usize,
    /// Mandates registered, confirmed or listed.
    pub mandates: usize,
    /// What a full listing changed in the book's mandates: those added or changed in the order
    /// listed, then those no longer listed (kept as deleted), in order of reference. The first
    /// 100; how many there are is [`Imported::listing_total`], and `book mandates` lists the
    /// mandates as they are.
    pub listing: Vec<ListingChange>,
    /// How many mandates a full listing changed.
    pub listing_total: usize,
    /// AvtaleGiro claims sent, now waiting to be settled.
    pub giro_claims: usize,
    /// AvtaleGiro claims cancelled by the file's cancellation requests (decision A5).
    pub cancelled: usize,
    /// OCR giro payments received.
    pub payments: usize,
    /// AvtaleGiro claims settled: by the file's payments of type 15, or (a file sent) by
    /// payments kept that settled no claim until its claims came.
    pub settled: usize,
    /// Payments of type 15 that settle no AvtaleGiro claim in the book: kept, and tried again
    /// when AvtaleGiro claims are imported.
    pub unsettling: usize,
    /// AvtaleGiro mandates listed, new, changed or deleted.
    pub giro_mandates: usize,
    /// What else is worth knowing (a mandate the register refused), in any language
    /// ([`Said::render`](autogiro_model::Said::render)).
    pub notes: Vec<autogiro_model::Said>,
}

/// An answer from MPS that matches no claim sent, or several, kept in the book.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unmatched {
    /// The book's id of the answer (`autogiro book resolve ANSWER --claim CLAIM`).
    pub id: i64,
    /// The file it came in.
    pub file: String,
    /// The agreement.
    pub agreement_id: u32,
    /// The payer's reference or account.
    pub payer: String,
    /// The KID, if any.
    pub kid: Option<String>,
    /// The amount.
    pub amount: Amount,
    /// MPS's processing date.
    pub processing_date: Date,
    /// The error code of a rejection.
    pub code: Option<u16>,
    /// The payee's own reference, as MPS echoed it.
    pub own_reference: String,
    /// How many claims sent would fit (0, or 2 and more).
    pub candidates: usize,
}

/// A difference between a full listing from MPS and the mandates the book had.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum ListingChange {
    /// MPS lists a mandate the book did not have.
    Added {
        /// The agreement.
        agreement_id: u32,
        /// The payer reference.
        reference: String,
    },
    /// The book had a mandate MPS does not list.
    Removed {
        /// The agreement.
        agreement_id: u32,
        /// The payer reference.
        reference: String,
    },
    /// MPS lists a mandate with another account, period, limit or validity.
    Changed {
        /// The agreement.
        agreement_id: u32,
        /// The payer reference.
        reference: String,
    },
}

/// Something in a file MPS would reject ([`Book::check`](crate::Book::check)).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// The assignment, by its place in the file from 1.
    pub assignment: usize,
    /// The claim's transaction number, when the finding is about a claim.
    pub transaction_number: Option<u32>,
    /// The payer's reference or account of the claim.
    pub payer: Option<String>,
    /// The amount of the claim.
    pub amount: Option<Amount>,
    /// The error code MPS would answer with; `None` for an assignment refused whole.
    pub code: Option<u16>,
    /// Why, in any language.
    pub reason: autogiro_model::Said,
}

impl Finding {
    /// As `autogiro book check` and `send` say it: `assignment 1, claim 3 (payer 12345, 125.00
    /// NOK): MPS would reject: 131: ...`, in any language.
    pub fn said(&self) -> autogiro_model::Said {
        use autogiro_model::Said;
        let place = match (self.transaction_number, &self.payer, self.amount) {
            (Some(n), Some(payer), Some(amount)) => Said::new("book.finding-claim")
                .with("assignment", self.assignment)
                .with("claim", n)
                .with("payer", payer)
                .with("amount", amount),
            _ => Said::new("book.finding-assignment").with("assignment", self.assignment),
        };
        let reason = match self.code {
            Some(code) => Said::new("book.finding-code")
                .with("code", format!("{code:03}"))
                .with_words("reason", self.reason.clone()),
            None => self.reason.clone(),
        };
        Said::new("book.finding")
            .with_words("place", place)
            .with_words("reason", reason)
    }
}

/// [`Finding::said`] in English.
impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said().render(autogiro_model::Lang::En))
    }
}

/// Which claims [`Book::status`](crate::Book::status) lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// None: counts and sums only.
    Counts,
    /// Claims with no answer by their processing date + 3 business days.
    Outstanding,
    /// Claims MPS rejected.
    Rejected,
    /// Claims MPS settled.
    Settled,
    /// Claims closed by hand.
    Handled,
    /// Every claim.
    All,
    /// No claims: the answers kept unmatched are listed by [`Book::unmatched`](crate::Book::unmatched).
    Unmatched,
    /// No claims: the OCR giro payments received are listed by [`Book::payments`](crate::Book::payments).
    Payments,
}

/// Counts and sums per status, and the claims asked for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    /// Per status: the number of claims and their sum.
    pub counts: Vec<(ClaimStatus, u64, Amount)>,
    /// Of the claims waiting for an answer, how many are outstanding, and their sum.
    pub outstanding: (u64, Amount),
    /// Answers from MPS that match no claim, kept: how many, and their sum.
    pub unmatched: (u64, Amount),
    /// The claims asked for.
    pub claims: Vec<BookClaim>,
    /// AvtaleGiro's claims and OCR giro's payments.
    pub giro: crate::GiroStatus,
}

impl Status {
    /// The number of claims of `status`.
    pub fn count(&self, status: ClaimStatus) -> u64 {
        self.counts
            .iter()
            .find(|(s, _, _)| *s == status)
            .map_or(0, |(_, n, _)| *n)
    }
}

/// A claim in the book.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BookClaim {
    /// The book's id of the claim (`autogiro book resolve ANSWER --claim CLAIM`).
    pub id: i64,
    /// Where it stands.
    pub status: ClaimStatus,
    /// Waiting with no answer after its processing date + 3 business days.
    pub outstanding: bool,
    /// When, by whom and why it was closed by hand ([`ClaimStatus::Handled`]).
    pub handled: Option<HandledClaim>,
    /// The agreement.
    pub agreement_id: u32,
    /// The assignment number.
    pub assignment_number: u32,
    /// The transaction number in the file sent.
    pub transaction_number: u32,
    /// The payer's reference or account (digits).
    pub payer: String,
    /// The KID.
    pub kid: Option<String>,
    /// The amount.
    pub amount: Amount,
    /// The due date.
    pub due_date: Date,
    /// MPS's processing date, once answered.
    pub processing_date: Option<Date>,
    /// The error code of a rejection (or 252, retry).
    pub error_code: Option<u16>,
    /// What the error code means.
    pub reason: Option<String>,
    /// The payer's abbreviated name.
    pub short_name: String,
    /// The payee's own reference.
    pub own_reference: String,
    /// How MPS's answer was matched to it, once answered.
    pub matched_by: Option<crate::MatchedBy>,
}

/// A claim closed by hand: when, by whom, why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HandledClaim {
    /// The day.
    pub on: Date,
    /// Who: the person's login name, or `autogiro new` for a claim billed again.
    pub by: String,
    /// Why.
    pub why: String,
}

/// Where a mandate stands on a day ([`Book::mandates`](crate::Book::mandates)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MandateState {
    /// Sent to MPS, not yet confirmed.
    Sent,
    /// Confirmed, but not chargeable before its first day ([decision 10](docs/spec-decisions.md#decision-10)).
    Pending,
    /// Chargeable.
    Active,
    /// The bank blocks it: in MPS's listing, or MPS answered 133 to a claim of the payer and
    /// settled none since.
    Blocked,
    /// Its valid-to date has passed.
    Expired,
    /// Deleted, by the payee or by MPS.
    Deleted,
}

impl MandateState {
    /// The name the book shows.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Sent => "sent",
            Self::Pending => "pending",
            Self::Active => "active",
            Self::Blocked => "blocked",
            Self::Expired => "expired",
            Self::Deleted => "deleted",
        }
    }
}

/// A mandate in the book.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BookMandate {
    /// The agreement.
    pub agreement_id: u32,
    /// The payer reference (digits).
    pub reference: String,
    /// Where it stands on the day asked.
    pub state: MandateState,
    /// The payer's account.
    pub account: String,
    /// `standard` or `simplified`.
    pub mandate_type: &'static str,
    /// The period of the limit in force on the day asked, as billing data spells it
    /// (`monthly`, ...; empty for a simplified mandate).
    pub period: &'static str,
    /// The limit per period on the day asked; `None` for a simplified mandate (no limit).
    pub limit: Option<Amount>,
    /// The day of MPS's latest answer 133 to a claim of the payer, while none was settled
    /// since.
    pub blocked_seen: Option<Date>,
    /// Valid from.
    pub valid_from: Option<Date>,
    /// Valid to.
    pub valid_to: Option<Date>,
    /// The date MPS registered it.
    pub registered: Date,
    /// The first day it can be charged ([decision 10](docs/spec-decisions.md#decision-10)).
    pub active_from: Date,
    /// Blocked from.
    pub blocked_from: Option<Date>,
    /// Blocked to.
    pub blocked_to: Option<Date>,
}

/// Everything in the book, for a backup or a move to another store.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Export {
    pub(crate) version: u32,
    pub(crate) files: Vec<FileRow>,
    pub(crate) assignments: Vec<AssignmentRow>,
    pub(crate) claims: Vec<ClaimRow>,
    pub(crate) unmatched: Vec<UnmatchedRow>,
    pub(crate) mandates: Vec<serde_json::Value>,
    pub(crate) giro_claims: Vec<crate::giro::GiroClaimRow>,
    pub(crate) payments: Vec<crate::giro::PaymentRow>,
    pub(crate) giro_mandates: Vec<crate::giro::GiroMandateRow>,
}
