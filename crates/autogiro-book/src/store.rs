//! What the book keeps, as rows, and the one small trait a storage backend implements. The
//! logic of the book (`book.rs`) speaks only this; SQL lives in the backends (`sqlite.rs`).

use autogiro_format::Direction;
use time::Date;

use crate::BookError;
use crate::states::{ClaimStatus, FileState, MandateStatus};

/// The schema version this build writes, the same number on both backends for the same
/// tables (each keeps it its own way: `PRAGMA user_version`, a `schema_version` table).
pub(crate) const VERSION: u32 = 4;

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
    /// Of the answers of this file from MPS ([`Tx::stage_answers`]).
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
}

impl Decided {
    /// How many rows wait to be recorded.
    pub(crate) fn len(&self) -> usize {
        self.answers.len() + self.gone.len() + self.kept.len() + self.blocked.len()
    }

    /// Forgets every row (after they were recorded), keeping the room.
    pub(crate) fn clear(&mut self) {
        self.answers.clear();
        self.gone.clear();
        self.kept.clear();
        self.blocked.clear();
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
        f: impl FnOnce(&mut dyn Tx) -> Result<T, BookError>,
    ) -> Result<T, BookError> {
        self.write_if(|tx| f(tx).map(|value| (value, true)))
    }

    /// Runs `f` in a transaction that writes: committed when `f` returns `Ok((_, true))`,
    /// rolled back when it returns `Ok((_, false))` or an error.
    fn write_if<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Tx) -> Result<(T, bool), BookError>,
    ) -> Result<T, BookError>;

    /// Runs `f` in a transaction that reads one consistent state.
    fn read<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Tx) -> Result<T, BookError>,
    ) -> Result<T, BookError>;
}

/// What a transaction can do.
pub(crate) trait Tx {
    /// The file with this SHA-256.
    fn file_by_hash(&mut self, sha256: &str) -> Result<Option<FileRow>, BookError>;
    /// The file to MPS of `sender` with this transmission number.
    fn file_by_transmission(
        &mut self,
        sender: u32,
        number: u32,
    ) -> Result<Option<FileRow>, BookError>;
    /// Adds a file; its id.
    fn insert_file(&mut self, file: &FileRow) -> Result<i64, BookError>;
    /// Records the content of a file whose numbers were reserved.
    fn prepare_file(&mut self, id: i64, sha256: &str, name: &str) -> Result<(), BookError>;
    /// Renames a file.
    fn rename_file(&mut self, id: i64, name: &str) -> Result<(), BookError>;
    /// Sets a file's state (`prepared` to `sent`).
    fn set_file_state(&mut self, id: i64, state: FileState, read_on: Date)
    -> Result<(), BookError>;
    /// Every file, oldest first.
    fn files(&mut self) -> Result<Vec<FileRow>, BookError>;
    /// The highest transmission number of `sender`'s files to MPS.
    fn last_transmission(&mut self, sender: u32) -> Result<Option<u32>, BookError>;

    /// The latest date assignment `number` of `agreement_id` was used, and the file.
    fn assignment_used(
        &mut self,
        agreement_id: u32,
        number: u32,
    ) -> Result<Option<(Date, i64)>, BookError>;
    /// Records that a file uses an assignment number, from `used_on`.
    fn use_assignment(
        &mut self,
        file_id: i64,
        agreement_id: u32,
        number: u32,
        used_on: Date,
    ) -> Result<(), BookError>;
    /// The highest assignment number used for `agreement_id`.
    fn last_assignment(&mut self, agreement_id: u32) -> Result<Option<u32>, BookError>;

    /// Every assignment number used, by file and number.
    fn assignments(&mut self) -> Result<Vec<AssignmentRow>, BookError>;
    /// Puts a file back as it was in another book, its id included ([`Book::copy_to`]).
    ///
    /// [`Book::copy_to`]: crate::Book::copy_to
    fn restore_file(&mut self, file: &FileRow) -> Result<(), BookError>;
    /// Puts a claim back as it was in another book, its id and answer included.
    fn restore_claim(&mut self, claim: &ClaimRow) -> Result<(), BookError>;
    /// After files and claims were put back with their ids: new rows get ids after them.
    fn finish_restore(&mut self) -> Result<(), BookError>;
    /// Adds claims (their `id` is ignored).
    fn insert_claims(&mut self, claims: &[ClaimRow]) -> Result<(), BookError>;
    /// Hands every [`Group`] of the scope to `each`, in order of agreement and payer, and
    /// records what it decided: claims answered, answers kept from earlier forgotten, answers
    /// of the file kept, mandates' 133 days (the claims changed once every group was
    /// decided). Memory holds one
    /// group and what was decided of a few thousand, whatever the number of groups.
    fn match_groups(
        &mut self,
        scope: Scope,
        each: &mut dyn FnMut(&Group, &mut Decided) -> Result<(), BookError>,
    ) -> Result<(), BookError>;
    /// Forgets the answers 252 of the scope's groups still unmatched that are said of a claim
    /// answered for good: one with their payer, KID, amount and own reference, due by their
    /// date and answered on or after it. How many: of the scope's file, and kept from earlier.
    fn forget_retried(&mut self, scope: Scope) -> Result<(u64, u64), BookError>;
    /// Keeps answers of a file from MPS being imported (their `id` and `candidates` are
    /// ignored) until [`Tx::match_groups`] of [`Scope::Answers`] matches them: those left
    /// unmatched are kept in the book then.
    fn stage_answers(&mut self, answers: &[UnmatchedRow]) -> Result<(), BookError>;
    /// How many answers of file `file_id` are kept unmatched, and the `first` of them.
    fn unmatched_of_file(
        &mut self,
        file_id: i64,
        first: u32,
    ) -> Result<(u64, Vec<UnmatchedRow>), BookError>;
    /// The non-blank own references that claims of file `file_id` share with other claims
    /// waiting in their agreement: how many there are, and the `first` of them (agreement,
    /// reference, claims waiting with it).
    fn reused_own_references(
        &mut self,
        file_id: i64,
        first: u32,
    ) -> Result<(u64, Vec<SharedReference>), BookError>;
    /// Records an answer attributed by hand (`book resolve`); answers matched at an import are
    /// recorded by [`Tx::match_groups`].
    fn answer_claim(&mut self, answer: &AnswerRow) -> Result<(), BookError>;
    /// The claim with this id.
    fn claim(&mut self, id: i64) -> Result<Option<ClaimRow>, BookError>;
    /// The answers kept unmatched, of `agreement_id` or of every agreement, oldest first.
    fn unmatched(&mut self, agreement_id: Option<u32>) -> Result<Vec<UnmatchedRow>, BookError>;
    /// The non-blank own references of the claims of `agreement_id` waiting for an answer,
    /// with how many claims use each.
    fn waiting_own_references(
        &mut self,
        agreement_id: u32,
    ) -> Result<std::collections::HashMap<String, u64>, BookError>;
    /// The number and sum of the answers kept unmatched.
    fn unmatched_totals(&mut self) -> Result<(u64, i64), BookError>;
    /// Keeps an answer unmatched (a new one when its id is 0); its id.
    fn insert_unmatched(&mut self, answer: &UnmatchedRow) -> Result<i64, BookError>;
    /// Forgets an answer kept unmatched, now matched.
    fn delete_unmatched(&mut self, id: i64) -> Result<(), BookError>;
    /// Claims of a filter, in the order they were sent, given to `each`.
    fn claims(
        &mut self,
        filter: ClaimFilter,
        each: &mut dyn FnMut(ClaimRow) -> Result<(), BookError>,
    ) -> Result<(), BookError>;
    /// Number and sum of the claims of each status: of every claim (kept up to date by
    /// [`Tx::add_totals`]), or counted among those answered (or due) on or after a date.
    fn counts(&mut self, since: Option<Date>) -> Result<Vec<(ClaimStatus, u64, i64)>, BookError>;
    /// Adds to the number and sum of the claims of a status (negative to take away); every
    /// write that adds claims or changes their status calls it, once per status.
    fn add_totals(&mut self, status: ClaimStatus, claims: i64, sum: i64) -> Result<(), BookError>;
    /// Number and sum of the claims waiting for an answer whose `answer_due` is before `today`
    /// (and, with `since`, due on or after it).
    fn outstanding(&mut self, today: Date, since: Option<Date>) -> Result<(u64, i64), BookError>;
    /// Closes a claim by hand: status handled, with when, who and why.
    fn handle_claim(&mut self, id: i64, handled: &Handled) -> Result<(), BookError>;
    /// Records the claim a new claim of file `file_id` (by its own reference) bills again (by
    /// the rejected claim's own reference), for when that file is imported.
    fn add_replacement(&mut self, replacement: &Replacement) -> Result<(), BookError>;
    /// The replacements recorded for file `file_id`.
    fn replacements(&mut self, file_id: i64) -> Result<Vec<Replacement>, BookError>;
    /// The rejected claims of agreement `agreement_id` with this own reference, in the order
    /// sent.
    fn rejected_by_own_reference(
        &mut self,
        agreement_id: u32,
        own_reference: &str,
    ) -> Result<Vec<ClaimRow>, BookError>;

    /// The mandates of `agreement_id`, or of every agreement.
    fn mandates(&mut self, agreement_id: Option<u32>) -> Result<Vec<MandateRow>, BookError>;
    /// Adds or replaces a mandate.
    fn put_mandate(&mut self, mandate: &MandateRow) -> Result<(), BookError>;
    /// The mandates with a 133 on record: agreement, reference, day.
    fn blocked_seen(&mut self) -> Result<Vec<(u32, String, Date)>, BookError>;
}

/// How many decided rows a store keeps before it writes them ([`decide`]).
pub(crate) const RECORD_EVERY: usize = 4096;

/// For a store's [`Tx::match_groups`]: hands a group read whole to `each`, has `record` write
/// what was decided once it is [`RECORD_EVERY`] rows or more, and empties the group for the
/// next.
pub(crate) fn decide(
    group: &mut Group,
    each: &mut dyn FnMut(&Group, &mut Decided) -> Result<(), BookError>,
    decided: &mut Decided,
    record: impl FnOnce(&mut Decided) -> Result<(), BookError>,
) -> Result<(), BookError> {
    if !group.answers.is_empty() || !group.claims.is_empty() {
        each(group, decided)?;
        if decided.len() >= RECORD_EVERY {
            record(decided)?;
        }
    }
    group.answers.clear();
    group.claims.clear();
    Ok(())
}
