//! What the book keeps, as rows, and the one small trait a storage backend implements. The
//! logic of the book (`book.rs`) speaks only this and [`Tx`]; SQL lives in `tx.rs` and `sql.rs`,
//! what differs between databases in the backends (`sqlite.rs`, `postgres.rs`).

use std::borrow::Cow;

use autogiro_format::Direction;
use time::Date;

use crate::BookError;
use crate::states::{ClaimStatus, FileState, MandateStatus};
pub(crate) use crate::tx::Tx;

pub(crate) use crate::schema::VERSION;

/// A file the book has seen.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct FileRow {
    /// The store's id.
    pub(crate) id: i64,
    /// SHA-256 of the file's bytes, hex; `None` for numbers reserved by `new` before the
    /// file is made.
    pub(crate) sha256: Option<String>,
    /// The name it was imported under.
    pub(crate) name: String,
    pub(crate) direction: Direction,
    /// Record 10: sender, recipient, transmission number.
    pub(crate) sender: u32,
    pub(crate) recipient: u32,
    pub(crate) transmission_number: u32,
    pub(crate) state: FileState,
    /// The date MPS reads it (to MPS) or made it (from MPS).
    pub(crate) read_on: Date,
}

/// A claim closed by hand ([`ClaimStatus::Handled`]): when, by whom, why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Handled {
    pub(crate) on: Date,
    pub(crate) by: String,
    pub(crate) why: String,
}

/// A claim of a file made by `new` that bills a rejected claim again.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Replacement {
    /// The file made (its numbers reserved).
    pub(crate) file_id: i64,
    pub(crate) agreement_id: u32,
    /// The new claim's own reference.
    pub(crate) own_reference: String,
    /// The own reference of the claim it bills again.
    pub(crate) replaces: String,
}

/// A claim sent to MPS, and what MPS answered.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct ClaimRow {
    pub(crate) id: i64,
    pub(crate) file_id: i64,
    pub(crate) agreement_id: u32,
    pub(crate) assignment_number: u32,
    pub(crate) transaction_number: u32,
    /// The payer field as written (11 characters, padding included).
    pub(crate) payer: String,
    /// The KID's digits, empty when none.
    pub(crate) kid: String,
    pub(crate) amount_ore: i64,
    pub(crate) due_date: Date,
    pub(crate) short_name: String,
    pub(crate) own_reference: String,
    pub(crate) foreign_reference: String,
    pub(crate) status: ClaimStatus,
    /// After this day with no answer the claim is outstanding: its processing date + 3
    /// business days.
    pub(crate) answer_due: Date,
    pub(crate) processing_date: Option<Date>,
    pub(crate) error_code: Option<u16>,
    pub(crate) answer_file_id: Option<i64>,
    /// How the answer was matched to it ([`MatchedBy::as_str`]), once answered.
    ///
    /// [`MatchedBy::as_str`]: crate::MatchedBy::as_str
    pub(crate) matched_by: Option<String>,
    /// When, by whom and why it was closed by hand.
    pub(crate) handled: Option<Handled>,
}

/// A claim as it is sent, its texts borrowed where they can be: what a file sent writes of
/// each claim ([`crate::tx::Tx::insert_claims`]), and the first columns of a [`ClaimRow`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SentClaim<'c> {
    pub(crate) file_id: i64,
    pub(crate) agreement_id: u32,
    pub(crate) assignment_number: u32,
    pub(crate) transaction_number: u32,
    /// The payer field as written (11 characters, padding included).
    pub(crate) payer: &'c str,
    /// The KID's digits, empty when none.
    pub(crate) kid: &'c str,
    pub(crate) amount_ore: i64,
    pub(crate) due_date: Date,
    pub(crate) short_name: Cow<'c, str>,
    pub(crate) own_reference: Cow<'c, str>,
    pub(crate) foreign_reference: Cow<'c, str>,
    pub(crate) status: ClaimStatus,
    pub(crate) answer_due: Date,
}

impl ClaimRow {
    /// What the claim was sent with.
    pub(crate) fn sent(&self) -> SentClaim<'_> {
        SentClaim {
            file_id: self.file_id,
            agreement_id: self.agreement_id,
            assignment_number: self.assignment_number,
            transaction_number: self.transaction_number,
            payer: &self.payer,
            kid: &self.kid,
            amount_ore: self.amount_ore,
            due_date: self.due_date,
            short_name: Cow::Borrowed(&self.short_name),
            own_reference: Cow::Borrowed(&self.own_reference),
            foreign_reference: Cow::Borrowed(&self.foreign_reference),
            status: self.status,
            answer_due: self.answer_due,
        }
    }
}

/// MPS's answer to a claim sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AnswerRow {
    pub(crate) claim_id: i64,
    /// Settled, rejected or retry.
    pub(crate) status: ClaimStatus,
    pub(crate) processing_date: Date,
    pub(crate) error_code: Option<u16>,
    /// The file of the answer.
    pub(crate) file_id: i64,
    /// How the answer was matched.
    pub(crate) matched_by: &'static str,
}

/// An answer from MPS that matched no claim, kept until one is found for it or a person
/// attributes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct UnmatchedRow {
    /// The store's id (0 for a new one).
    pub(crate) id: i64,
    /// The file it came in.
    pub(crate) file_id: i64,
    pub(crate) agreement_id: u32,
    /// The payer field as written.
    pub(crate) payer: String,
    /// The KID's digits, empty when none.
    pub(crate) kid: String,
    pub(crate) amount_ore: i64,
    /// The processing date, or the day of rejection.
    pub(crate) processing_date: Date,
    /// The code of a rejection; `None` for a settled claim.
    pub(crate) error_code: Option<u16>,
    pub(crate) short_name: String,
    pub(crate) own_reference: String,
    /// How many claims fitted when it was last tried (0, or 2 and more).
    pub(crate) candidates: u32,
}

/// An assignment number a file uses, from a day.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct AssignmentRow {
    pub(crate) file_id: i64,
    pub(crate) agreement_id: u32,
    pub(crate) number: u32,
    pub(crate) used_on: Date,
}

/// A claim waiting for an answer, with what an answer is matched on (its agreement and payer
/// are its [`Group`]'s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WaitingRow {
    pub(crate) id: i64,
    pub(crate) kid: String,
    pub(crate) amount_ore: i64,
    pub(crate) due_date: Date,
    pub(crate) answer_due: Date,
    /// MPS answered 252 (sent to retry) before.
    pub(crate) retry: bool,
    pub(crate) own_reference: String,
    /// The day MPS read the claim's file.
    pub(crate) read_on: Date,
}

/// Which answers a round of matching ([`Tx::match_groups`]) tries: those of the agreements and
/// payers (the payer field) of a file being imported. Answers of other payers can match no
/// claim they could not match before, since every step of matching compares the payer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Of the answers of this file from MPS ([`crate::sorted::SortedAnswers`]).
    Answers(i64),
    /// Of the claims of this file sent, where an answer kept unmatched has their payer.
    Claims(i64),
}

impl Scope {
    /// The file.
    pub(crate) fn file_id(self) -> i64 {
        match self {
            Self::Answers(id) | Self::Claims(id) => id,
        }
    }
}

/// The answers kept unmatched and the claims waiting of one agreement and payer field: what
/// matching decides on together, apart from every other group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Group {
    pub(crate) agreement_id: u32,
    pub(crate) payer: String,
    pub(crate) answers: Vec<UnmatchedRow>,
    /// In the order they were sent.
    pub(crate) claims: Vec<WaitingRow>,
}

/// What matching decided for groups: recorded by the store as it goes, applied at the end of
/// the round ([`Tx::match_groups`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Decided {
    /// Claims answered.
    pub(crate) answers: Vec<AnswerRow>,
    /// Answers kept unmatched from earlier that found their claim: forgotten.
    pub(crate) gone: Vec<i64>,
    /// Answers of the file that match no claim, with how many claims fitted: kept.
    pub(crate) kept: Vec<UnmatchedRow>,
    /// Mandates (agreement, reference) whose day of MPS's latest answer 133 changes.
    pub(crate) blocked: Vec<(u32, String, Option<Date>)>,
    /// The agreement and payer of each group decided with answers of the file and with an
    /// answer 252 among its answers, when the round reads every group: the file's payers
    /// whose answers 252 kept the round may then forget (`Tx::forget_retried`).
    pub(crate) payers: Vec<(u32, String)>,
}

impl Decided {
    /// How many rows wait to be recorded.
    pub(crate) fn len(&self) -> usize {
        self.answers.len()
            + self.gone.len()
            + self.kept.len()
            + self.blocked.len()
            + self.payers.len()
    }

    /// Forgets every row (after they were recorded), keeping the room.
    pub(crate) fn clear(&mut self) {
        self.answers.clear();
        self.gone.clear();
        self.kept.clear();
        self.blocked.clear();
        self.payers.clear();
    }
}

/// A mandate as the book knows it: its register entry (the ledger's `RegisteredMandate` as
/// JSON) and what the payee is waiting for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MandateRow {
    pub(crate) agreement_id: u32,
    /// The payer reference field as written.
    pub(crate) reference: String,
    pub(crate) status: MandateStatus,
    /// The ledger's `RegisteredMandate`, as JSON.
    pub(crate) registered: String,
    /// The day of MPS's latest answer 133 (the bank blocks the mandate) to a claim of this
    /// payer, while no later claim of the payer was settled.
    pub(crate) blocked_seen: Option<Date>,
}

/// A non-blank own reference several claims waiting in an agreement have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SharedReference {
    pub(crate) agreement_id: u32,
    pub(crate) own_reference: String,
    /// How many claims waiting have it.
    pub(crate) claims: u64,
}

/// Which claims to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClaimFilter {
    /// Sent or retried, with no answer after their `answer_due` before this date.
    Outstanding(Date),
    /// Of this status, answered (or due) on or after the date.
    Status(ClaimStatus, Option<Date>),
    /// Every claim, or those answered (or due) on or after the date.
    All(Option<Date>),
}

/// A storage backend: a transaction at a time. Every write of one file happens in one
/// transaction, so a crash leaves the book as before or as after, never between.
pub(crate) trait Store {
    /// Runs `f` in a transaction that writes: committed when `f` returns `Ok`, rolled back
    /// otherwise. Transactions of several processes take turns.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T, BookError>,
    ) -> Result<T, BookError> {
        self.write_if(|tx| f(tx).map(|value| (value, true)))
    }

    /// Runs `f` in a transaction that writes: committed when `f` returns `Ok((_, true))`,
    /// rolled back when it returns `Ok((_, false))` or an error.
    fn write_if<T>(
        &mut self,
        f: impl FnOnce(&mut Tx<'_>) -> Result<(T, bool), BookError>,
    ) -> Result<T, BookError>;

    /// Runs `f` in a transaction that reads one consistent state.
    fn read<T>(
        &mut self,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T, BookError>,
    ) -> Result<T, BookError>;
}

/// How many decided rows a store keeps before it writes them ([`decide`]).
pub(crate) const RECORD_EVERY: usize = 4096;

/// For a store's [`Tx::match_groups`]: hands a group read whole to `each`, has `record` write
/// what was decided once it is [`RECORD_EVERY`] rows or more, and empties the group for the
/// next. A group without answers of the scope has nothing to decide, and is passed over (a
/// round that reads every claim waiting and every answer kept, `sql::Reach::Every`, reads
/// many): of [`Scope::Answers`], an answer of the file; of [`Scope::Claims`], any answer.
/// Whether the group was decided on.
pub(crate) fn decide(
    scope: Scope,
    group: &mut Group,
    each: &mut dyn FnMut(&Group, &mut Decided) -> Result<(), BookError>,
    decided: &mut Decided,
    record: impl FnOnce(&mut Decided) -> Result<(), BookError>,
) -> Result<bool, BookError> {
    let answered = match scope {
        Scope::Answers(file) => group.answers.iter().any(|a| a.file_id == file),
        Scope::Claims(_) => !group.answers.is_empty(),
    };
    if answered {
        each(group, decided)?;
        if decided.len() >= RECORD_EVERY {
            record(decided)?;
        }
    }
    group.answers.clear();
    group.claims.clear();
    Ok(answered)
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    /// A group of payer 1 with answers of the files `files`, in a round of `scope`: whether it
    /// was decided on, and that it is empty after.
    fn decided_on(scope: Scope, files: &[i64]) -> bool {
        let answer = |file_id| UnmatchedRow {
            id: 0,
            file_id,
            agreement_id: 1,
            payer: "00000000001".to_owned(),
            kid: String::new(),
            amount_ore: 100,
            processing_date: date!(2026 - 01 - 15),
            error_code: None,
            short_name: String::new(),
            own_reference: String::new(),
            candidates: 0,
        };
        let mut group = Group {
            agreement_id: 1,
            payer: "00000000001".to_owned(),
            answers: files.iter().map(|&f| answer(f)).collect(),
            claims: Vec::new(),
        };
        let mut called = false;
        let mut each = |_: &Group, _: &mut Decided| {
            called = true;
            Ok(())
        };
        decide(
            scope,
            &mut group,
            &mut each,
            &mut Decided::default(),
            |_| Ok(()),
        )
        .unwrap();
        assert!(group.answers.is_empty());
        called
    }

    #[test]
    fn a_round_of_answers_passes_over_groups_without_an_answer_of_its_file() {
        // A round that reads every answer kept (`Reach::Every`) must leave those of other
        // payers as they are, as a round that reads the file's payers alone does.
        assert!(!decided_on(Scope::Answers(7), &[]));
        assert!(!decided_on(Scope::Answers(7), &[3, 5]));
        assert!(decided_on(Scope::Answers(7), &[3, 7]));
        // A round of the claims of a file sent: its groups are those with answers kept.
        assert!(!decided_on(Scope::Claims(7), &[]));
        assert!(decided_on(Scope::Claims(7), &[3]));
    }
}
