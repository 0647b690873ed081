//! The book's operations on its tables, written once for both backends over [`Conn`]: each
//! statement here runs as written on SQLite and, with its placeholders numbered `$N`, on
//! PostgreSQL (`Dialect` for the few that differ). The rounds of matching are in `rounds.rs`,
//! their statements, the longest, in `sql.rs`.

use std::collections::HashMap;

use time::Date;

use crate::BookError;
use crate::db::{Conn, Row, Tidy, Value, args, first, one, rows};
use crate::schema::CLAIM_INDEXES;
use crate::sql::Dialect;
use crate::states::{ClaimStatus, FileState, MandateStatus, direction, direction_name};
use crate::store::{
    AnswerRow, AssignmentRow, ClaimFilter, ClaimRow, FileRow, Handled, MandateRow, Replacement,
    SentClaim, UnmatchedRow,
};

/// A transaction of the book: what the book's logic (`book.rs`, `import.rs`) can do with its
/// tables. Every write of one file happens in one transaction ([`crate::store::Store`]).
pub(crate) struct Tx<'c>(pub(crate) &'c mut dyn Conn);

pub(crate) const FILE_COLUMNS: &str =
    "id, sha256, name, direction, sender, recipient, transmission_number, state, read_on";

pub(crate) const CLAIM_COLUMNS: &str = "id, file_id, agreement_id, assignment_number, \
     transaction_number, payer, kid, amount_ore, due_date, short_name, own_reference, \
     foreign_reference, status, answer_due, processing_date, error_code, answer_file_id, \
     matched_by, handled_on, handled_by, handled_why";

pub(crate) const UNMATCHED_COLUMNS: &str = "id, file_id, agreement_id, payer, kid, amount_ore, \
     processing_date, error_code, short_name, own_reference, candidates";

/// The columns a claim sent is written with ([`Tx::insert_claims`]): those of
/// [`CLAIM_COLUMNS`] an answer has not filled yet.
const NEW_CLAIM_COLUMNS: &[&str] = &[
    "file_id",
    "agreement_id",
    "assignment_number",
    "transaction_number",
    "payer",
    "kid",
    "amount_ore",
    "due_date",
    "short_name",
    "own_reference",
    "foreign_reference",
    "status",
    "answer_due",
];

/// The columns of an answer from MPS as `incoming` and `unmatched` hold it, but for its id
/// and (last, `unmatched` only) its candidates.
pub(crate) const ANSWER_COLUMNS: &[&str] = &[
    "file_id",
    "agreement_id",
    "payer",
    "kid",
    "amount_ore",
    "processing_date",
    "error_code",
    "short_name",
    "own_reference",
    "candidates",
];

pub(crate) fn file_row(r: Row<'_>) -> Result<FileRow, BookError> {
    Ok(FileRow {
        id: r.int(0)?,
        sha256: r.opt_string(1)?,
        name: r.string(2)?,
        direction: direction(r.text(3)?)?,
        sender: r.number(4)?,
        recipient: r.number(5)?,
        transmission_number: r.number(6)?,
        state: FileState::parse(r.text(7)?)?,
        read_on: r.date(8)?,
    })
}

pub(crate) fn claim_row(r: Row<'_>) -> Result<ClaimRow, BookError> {
    Ok(ClaimRow {
        id: r.int(0)?,
        file_id: r.int(1)?,
        agreement_id: r.number(2)?,
        assignment_number: r.number(3)?,
        transaction_number: r.number(4)?,
        payer: r.string(5)?,
        kid: r.string(6)?,
        amount_ore: r.int(7)?,
        due_date: r.date(8)?,
        short_name: r.string(9)?,
        own_reference: r.string(10)?,
        foreign_reference: r.string(11)?,
        status: ClaimStatus::parse(r.text(12)?)?,
        answer_due: r.date(13)?,
        processing_date: r.opt_date(14)?,
        error_code: r.opt_number(15)?,
        answer_file_id: r.opt_int(16)?,
        matched_by: r.opt_string(17)?,
        handled: match r.opt_date(18)? {
            Some(on) => Some(Handled {
                on,
                by: r.opt_string(19)?.unwrap_or_default(),
                why: r.opt_string(20)?.unwrap_or_default(),
            }),
            None => None,
        },
    })
}

pub(crate) fn unmatched_row(r: Row<'_>) -> Result<UnmatchedRow, BookError> {
    Ok(UnmatchedRow {
        id: r.int(0)?,
        file_id: r.int(1)?,
        agreement_id: r.number(2)?,
        payer: r.string(3)?,
        kid: r.string(4)?,
        amount_ore: r.int(5)?,
        processing_date: r.date(6)?,
        error_code: r.opt_number(7)?,
        short_name: r.string(8)?,
        own_reference: r.string(9)?,
        candidates: r.number(10)?,
    })
}

/// A file's values but its id, in the order of [`FILE_COLUMNS`].
pub(crate) fn file_values(f: &FileRow) -> [Value<'_>; 8] {
    *args![
        f.sha256.as_ref(),
        &f.name,
        direction_name(f.direction),
        f.sender,
        f.recipient,
        f.transmission_number,
        f.state.as_str(),
        f.read_on
    ]
}

/// An answer's values, in the order of the round's table `decided_answers`: claim, status,
/// processing date, code, file, how matched.
pub(crate) fn decided_values(a: &AnswerRow) -> [Value<'_>; 6] {
    *args![
        a.claim_id,
        a.status.as_str(),
        a.processing_date,
        a.error_code,
        a.file_id,
        a.matched_by
    ]
}

/// A claim's values in the order of [`NEW_CLAIM_COLUMNS`]: what it was sent with.
pub(crate) fn sent_values<'v>(c: &'v SentClaim<'_>) -> [Value<'v>; 13] {
    *args![
        c.file_id,
        c.agreement_id,
        c.assignment_number,
        c.transaction_number,
        c.payer,
        c.kid,
        c.amount_ore,
        c.due_date,
        c.short_name.as_ref(),
        c.own_reference.as_ref(),
        c.foreign_reference.as_ref(),
        c.status.as_str(),
        c.answer_due,
    ]
}

/// An answer's values in the order of [`ANSWER_COLUMNS`], without its candidates.
pub(crate) fn answer_values(a: &UnmatchedRow) -> [Value<'_>; 9] {
    *args![
        a.file_id,
        a.agreement_id,
        &a.payer,
        &a.kid,
        a.amount_ore,
        a.processing_date,
        a.error_code,
        &a.short_name,
        &a.own_reference,
    ]
}

/// The number and sum of a query that counts and sums.
fn count_and_sum(r: Row<'_>) -> Result<(u64, i64), BookError> {
    Ok((r.count(0)?, r.int(1)?))
}

impl Tx<'_> {
    /// The file with this SHA-256.
    pub(crate) fn file_by_hash(&mut self, sha256: &str) -> Result<Option<FileRow>, BookError> {
        let sql = format!("SELECT {FILE_COLUMNS} FROM files WHERE sha256 = ?1");
        first(self.0, &sql, args![sha256], file_row)
    }

    /// The file to MPS of `sender` with this transmission number.
    pub(crate) fn file_by_transmission(
        &mut self,
        sender: u32,
        number: u32,
    ) -> Result<Option<FileRow>, BookError> {
        let sql = format!(
            "SELECT {FILE_COLUMNS} FROM files
             WHERE direction = 'to-mps' AND sender = ?1 AND transmission_number = ?2"
        );
        first(self.0, &sql, args![sender, number], file_row)
    }

    /// Adds a file (its `id` is ignored); its id.
    pub(crate) fn insert_file(&mut self, f: &FileRow) -> Result<i64, BookError> {
        one(
            self.0,
            "INSERT INTO files (sha256, name, direction, sender, recipient, transmission_number,
             state, read_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
            &file_values(f),
            |r| r.int(0),
        )
    }

    /// Records the content of a file whose numbers were reserved.
    pub(crate) fn prepare_file(
        &mut self,
        id: i64,
        sha256: &str,
        name: &str,
    ) -> Result<(), BookError> {
        self.0.execute(
            "UPDATE files SET sha256 = ?2, name = ?3, state = 'prepared' WHERE id = ?1",
            args![id, sha256, name],
        )?;
        Ok(())
    }

    /// Renames a file.
    pub(crate) fn rename_file(&mut self, id: i64, name: &str) -> Result<(), BookError> {
        self.0
            .execute("UPDATE files SET name = ?2 WHERE id = ?1", args![id, name])?;
        Ok(())
    }

    /// Sets a file's state (`prepared` to `sent`).
    pub(crate) fn set_file_state(
        &mut self,
        id: i64,
        state: FileState,
        read_on: Date,
    ) -> Result<(), BookError> {
        self.0.execute(
            "UPDATE files SET state = ?2, read_on = ?3 WHERE id = ?1",
            args![id, state.as_str(), read_on],
        )?;
        Ok(())
    }

    /// Every file, oldest first.
    pub(crate) fn files(&mut self) -> Result<Vec<FileRow>, BookError> {
        let sql = format!("SELECT {FILE_COLUMNS} FROM files ORDER BY id");
        rows(self.0, &sql, &[], file_row)
    }

    /// The highest transmission number of `sender`'s files to MPS.
    pub(crate) fn last_transmission(&mut self, sender: u32) -> Result<Option<u32>, BookError> {
        one(
            self.0,
            "SELECT MAX(transmission_number) FROM files
             WHERE direction = 'to-mps' AND sender = ?1",
            args![sender],
            |r| r.opt_number(0),
        )
    }

    /// The latest date assignment `number` of `agreement_id` was used, and the file.
    pub(crate) fn assignment_used(
        &mut self,
        agreement_id: u32,
        number: u32,
    ) -> Result<Option<(Date, i64)>, BookError> {
        first(
            self.0,
            "SELECT used_on, file_id FROM assignments WHERE agreement_id = ?1 AND number = ?2
             ORDER BY used_on DESC LIMIT 1",
            args![agreement_id, number],
            |r| Ok((r.date(0)?, r.int(1)?)),
        )
    }

    /// Records that a file uses an assignment number, from `used_on`.
    pub(crate) fn use_assignment(
        &mut self,
        file_id: i64,
        agreement_id: u32,
        number: u32,
        used_on: Date,
    ) -> Result<(), BookError> {
        self.0.execute(
            "INSERT INTO assignments (file_id, agreement_id, number, used_on)
             VALUES (?1, ?2, ?3, ?4)",
            args![file_id, agreement_id, number, used_on],
        )?;
        Ok(())
    }

    /// The highest assignment number used for `agreement_id`.
    pub(crate) fn last_assignment(&mut self, agreement_id: u32) -> Result<Option<u32>, BookError> {
        one(
            self.0,
            "SELECT MAX(number) FROM assignments WHERE agreement_id = ?1",
            args![agreement_id],
            |r| r.opt_number(0),
        )
    }

    /// Every assignment number used, by file and number.
    pub(crate) fn assignments(&mut self) -> Result<Vec<AssignmentRow>, BookError> {
        rows(
            self.0,
            "SELECT file_id, agreement_id, number, used_on FROM assignments
             ORDER BY file_id, agreement_id, number, used_on",
            &[],
            |r| {
                Ok(AssignmentRow {
                    file_id: r.int(0)?,
                    agreement_id: r.number(1)?,
                    number: r.number(2)?,
                    used_on: r.date(3)?,
                })
            },
        )
    }

    /// Adds claims sent, each waiting for its answer.
    pub(crate) fn insert_claims(&mut self, claims: &[SentClaim<'_>]) -> Result<(), BookError> {
        if claims.is_empty() {
            return Ok(());
        }
        let mut bulk = self.0.bulk("claims", NEW_CLAIM_COLUMNS)?;
        for c in claims {
            bulk.row(&sent_values(c))?;
        }
        bulk.finish()
    }

    /// Records an answer attributed by hand (`book resolve`); answers matched at an import are
    /// recorded by [`Tx::match_groups`].
    pub(crate) fn answer_claim(&mut self, a: &AnswerRow) -> Result<(), BookError> {
        self.0.execute(
            "UPDATE claims SET status = ?2, processing_date = ?3, error_code = ?4,
             answer_file_id = ?5, matched_by = ?6 WHERE id = ?1",
            &decided_values(a),
        )?;
        Ok(())
    }

    /// The claim with this id.
    pub(crate) fn claim(&mut self, id: i64) -> Result<Option<ClaimRow>, BookError> {
        let sql = format!("SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?1");
        first(self.0, &sql, args![id], claim_row)
    }

    /// The answers kept unmatched, of `agreement_id` or of every agreement, oldest first.
    pub(crate) fn unmatched(
        &mut self,
        agreement_id: Option<u32>,
    ) -> Result<Vec<UnmatchedRow>, BookError> {
        if let Some(agreement_id) = agreement_id {
            let sql = format!(
                "SELECT {UNMATCHED_COLUMNS} FROM unmatched WHERE agreement_id = ?1 ORDER BY id"
            );
            rows(self.0, &sql, args![agreement_id], unmatched_row)
        } else {
            let sql = format!("SELECT {UNMATCHED_COLUMNS} FROM unmatched ORDER BY id");
            rows(self.0, &sql, &[], unmatched_row)
        }
    }

    /// The non-blank own references of the claims of `agreement_id` waiting for an answer,
    /// with how many claims use each.
    pub(crate) fn waiting_own_references(
        &mut self,
        agreement_id: u32,
    ) -> Result<HashMap<String, u64>, BookError> {
        let mut out = HashMap::new();
        self.0.query(
            "SELECT own_reference, COUNT(*) FROM claims WHERE agreement_id = ?1
             AND status IN ('sent', 'retry') AND own_reference <> '' GROUP BY own_reference",
            args![agreement_id],
            &mut |r, _| {
                let r = Row(r);
                out.insert(r.string(0)?, r.count(1)?);
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// The number and sum of the answers kept unmatched.
    pub(crate) fn unmatched_totals(&mut self) -> Result<(u64, i64), BookError> {
        one(
            self.0,
            "SELECT COUNT(*), CAST(COALESCE(SUM(amount_ore), 0) AS BIGINT) FROM unmatched",
            &[],
            count_and_sum,
        )
    }

    /// Keeps an answer unmatched (a new one when its id is 0, else with its id, as copied
    /// from another book); its id.
    pub(crate) fn insert_unmatched(&mut self, a: &UnmatchedRow) -> Result<i64, BookError> {
        let [v0, v1, v2, v3, v4, v5, v6, v7, v8] = answer_values(a);
        let candidates = Value::from(a.candidates);
        if a.id == 0 {
            one(
                self.0,
                "INSERT INTO unmatched (file_id, agreement_id, payer, kid, amount_ore,
                 processing_date, error_code, short_name, own_reference, candidates)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
                &[v0, v1, v2, v3, v4, v5, v6, v7, v8, candidates],
                |r| r.int(0),
            )
        } else {
            let sql = format!(
                "INSERT INTO unmatched ({UNMATCHED_COLUMNS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
            );
            let id = Value::from(a.id);
            self.0
                .execute(&sql, &[id, v0, v1, v2, v3, v4, v5, v6, v7, v8, candidates])?;
            Ok(a.id)
        }
    }

    /// Forgets an answer kept unmatched, now matched.
    pub(crate) fn delete_unmatched(&mut self, id: i64) -> Result<(), BookError> {
        self.0
            .execute("DELETE FROM unmatched WHERE id = ?1", args![id])?;
        Ok(())
    }

    /// Claims of a filter, in the order they were sent, given to `each`.
    pub(crate) fn claims(
        &mut self,
        filter: ClaimFilter,
        each: &mut dyn FnMut(ClaimRow) -> Result<(), BookError>,
    ) -> Result<(), BookError> {
        // Outstanding claims come from the partial index of waiting claims (a few among
        // millions) in `answer_due` order, not from a scan of the whole table in id order.
        let status;
        let (condition, args): (&str, &[Value<'_>]) = match filter {
            ClaimFilter::Outstanding(today) => (
                "status IN ('sent', 'retry') AND answer_due < ?1 ORDER BY answer_due, id",
                args![today],
            ),
            ClaimFilter::Status(s, None) => {
                status = [Value::from(s.as_str())];
                ("status = ?1 ORDER BY id", &status)
            }
            ClaimFilter::Status(s, Some(since)) => (
                "status = ?1 AND COALESCE(processing_date, due_date) >= ?2 ORDER BY id",
                args![s.as_str(), since],
            ),
            ClaimFilter::All(None) => ("1 = 1 ORDER BY id", &[]),
            ClaimFilter::All(Some(since)) => (
                "COALESCE(processing_date, due_date) >= ?1 ORDER BY id",
                args![since],
            ),
        };
        let sql = format!("SELECT {CLAIM_COLUMNS} FROM claims WHERE {condition}");
        self.0
            .query(&sql, args, &mut |r, _| each(claim_row(Row(r))?))
    }

    /// Number and sum of the claims of each status: of every claim (kept up to date by
    /// [`Tx::add_totals`]), or counted among those answered (or due) on or after a date.
    pub(crate) fn counts(
        &mut self,
        since: Option<Date>,
    ) -> Result<Vec<(ClaimStatus, u64, i64)>, BookError> {
        let status_count_sum =
            |r: Row<'_>| Ok((ClaimStatus::parse(r.text(0)?)?, r.count(1)?, r.int(2)?));
        match since {
            // The totals kept, or, from a day on, the claims counted (a scan of the table).
            None => rows(
                self.0,
                "SELECT status, claims, sum FROM totals WHERE claims > 0 ORDER BY status",
                &[],
                status_count_sum,
            ),
            Some(since) => rows(
                self.0,
                "SELECT status, COUNT(*), CAST(COALESCE(SUM(amount_ore), 0) AS BIGINT)
                 FROM claims WHERE COALESCE(processing_date, due_date) >= ?1
                 GROUP BY status ORDER BY status",
                args![since],
                status_count_sum,
            ),
        }
    }

    /// Adds to the number and sum of the claims of a status (negative to take away); every
    /// write that adds claims or changes their status calls it, once per status.
    pub(crate) fn add_totals(
        &mut self,
        status: ClaimStatus,
        claims: i64,
        sum: i64,
    ) -> Result<(), BookError> {
        self.0.execute(
            "INSERT INTO totals (status, claims, sum) VALUES (?1, ?2, ?3)
             ON CONFLICT (status) DO UPDATE
             SET claims = totals.claims + excluded.claims, sum = totals.sum + excluded.sum",
            args![status.as_str(), claims, sum],
        )?;
        Ok(())
    }

    /// Number and sum of the claims waiting for an answer whose `answer_due` is before `today`
    /// (and, with `since`, due on or after it).
    pub(crate) fn outstanding(
        &mut self,
        today: Date,
        since: Option<Date>,
    ) -> Result<(u64, i64), BookError> {
        // Without a day, the query the partial index of waiting claims answers alone (with a
        // condition on a column outside it, SQLite scans the table).
        match since {
            None => one(
                self.0,
                "SELECT COUNT(*), CAST(COALESCE(SUM(amount_ore), 0) AS BIGINT) FROM claims
                 WHERE status IN ('sent', 'retry') AND answer_due < ?1",
                args![today],
                count_and_sum,
            ),
            Some(since) => one(
                self.0,
                "SELECT COUNT(*), CAST(COALESCE(SUM(amount_ore), 0) AS BIGINT) FROM claims
                 WHERE status IN ('sent', 'retry') AND answer_due < ?1 AND due_date >= ?2",
                args![today, since],
                count_and_sum,
            ),
        }
    }

    /// Closes a claim by hand: status handled, with when, who and why.
    pub(crate) fn handle_claim(&mut self, id: i64, h: &Handled) -> Result<(), BookError> {
        self.0.execute(
            "UPDATE claims SET status = 'handled', handled_on = ?2, handled_by = ?3,
             handled_why = ?4 WHERE id = ?1",
            args![id, h.on, &h.by, &h.why],
        )?;
        Ok(())
    }

    /// Records the claim a new claim of file `file_id` (by its own reference) bills again (by
    /// the rejected claim's own reference), for when that file is imported.
    pub(crate) fn add_replacement(&mut self, r: &Replacement) -> Result<(), BookError> {
        self.0.execute(
            "INSERT INTO replacements (file_id, agreement_id, own_reference, replaces)
             VALUES (?1, ?2, ?3, ?4)",
            args![r.file_id, r.agreement_id, &r.own_reference, &r.replaces],
        )?;
        Ok(())
    }

    /// The replacements recorded for file `file_id`, in the order recorded.
    pub(crate) fn replacements(&mut self, file_id: i64) -> Result<Vec<Replacement>, BookError> {
        rows(
            self.0,
            "SELECT file_id, agreement_id, own_reference, replaces FROM replacements
             WHERE file_id = ?1 ORDER BY seq",
            args![file_id],
            |r| {
                Ok(Replacement {
                    file_id: r.int(0)?,
                    agreement_id: r.number(1)?,
                    own_reference: r.string(2)?,
                    replaces: r.string(3)?,
                })
            },
        )
    }

    /// The rejected claims of agreement `agreement_id` with this own reference, in the order
    /// sent.
    pub(crate) fn rejected_by_own_reference(
        &mut self,
        agreement_id: u32,
        own_reference: &str,
    ) -> Result<Vec<ClaimRow>, BookError> {
        let sql = format!(
            "SELECT {CLAIM_COLUMNS} FROM claims WHERE agreement_id = ?1
             AND own_reference = ?2 AND status = 'rejected' ORDER BY id"
        );
        rows(self.0, &sql, args![agreement_id, own_reference], claim_row)
    }

    /// The mandates of `agreement_id`, or of every agreement.
    pub(crate) fn mandates(
        &mut self,
        agreement_id: Option<u32>,
    ) -> Result<Vec<MandateRow>, BookError> {
        if let Some(id) = agreement_id {
            let sql = format!(
                "SELECT {MANDATE_COLUMNS} FROM mandates WHERE agreement_id = ?1 ORDER BY reference"
            );
            rows(self.0, &sql, args![id], mandate_row_of)
        } else {
            let sql =
                format!("SELECT {MANDATE_COLUMNS} FROM mandates ORDER BY agreement_id, reference");
            rows(self.0, &sql, &[], mandate_row_of)
        }
    }

    /// The mandates of `agreement_id` with the references `references` (fields of record 70,
    /// as [`Tx::put_mandate`] keeps them), of any status: looked up by the mandates' key,
    /// [`MANDATES_LOOKED_UP`] a statement.
    pub(crate) fn mandates_of(
        &mut self,
        agreement_id: u32,
        references: &[&str],
    ) -> Result<Vec<MandateRow>, BookError> {
        let mut found = Vec::new();
        for some in references.chunks(MANDATES_LOOKED_UP) {
            let list: Vec<String> = (2..some.len() + 2).map(|n| format!("?{n}")).collect();
            let sql = format!(
                "SELECT {MANDATE_COLUMNS} FROM mandates WHERE agreement_id = ?1
                 AND reference IN ({}) ORDER BY reference",
                list.join(", ")
            );
            let args: Vec<Value<'_>> = std::iter::once(Value::from(agreement_id))
                .chain(some.iter().map(|&r| Value::Text(r)))
                .collect();
            found.extend(rows(self.0, &sql, &args, mandate_row_of)?);
        }
        Ok(found)
    }

    /// Starts recording the mandates an assignment from MPS lists ([`Tx::list`]), until
    /// [`Tx::end_listed`]: in a temporary table, whatever their number.
    pub(crate) fn start_listed(&mut self) -> Result<(), BookError> {
        self.0.execute(
            "CREATE TEMPORARY TABLE IF NOT EXISTS listed_mandates (reference TEXT NOT NULL)",
            &[],
        )?;
        self.0.execute(
            "CREATE INDEX IF NOT EXISTS listed_reference ON listed_mandates (reference)",
            &[],
        )?;
        self.0.execute("DELETE FROM listed_mandates", &[])
    }

    /// Records that the assignment being read lists the mandates of `references`.
    pub(crate) fn list(&mut self, references: &[&str]) -> Result<(), BookError> {
        let mut bulk = self.0.bulk("listed_mandates", &["reference"])?;
        for &r in references {
            bulk.row(args![r])?;
        }
        bulk.finish()
    }

    /// Hands the reference of each mandate of `agreement_id` not deleted that the assignment
    /// did not list to `each`, in their order, then keeps them as deleted, by one statement.
    pub(crate) fn delete_unlisted(
        &mut self,
        agreement_id: u32,
        each: &mut dyn FnMut(&str) -> Result<(), BookError>,
    ) -> Result<(), BookError> {
        let unlisted = "agreement_id = ?1 AND status <> 'deleted' AND NOT EXISTS
             (SELECT 1 FROM listed_mandates l WHERE l.reference = mandates.reference)";
        self.0.query(
            &format!("SELECT reference FROM mandates WHERE {unlisted} ORDER BY reference"),
            args![agreement_id],
            &mut |r, _| each(Row(r).text(0)?),
        )?;
        // As a mandate put deleted is: what was seen of a block goes with it.
        self.0.execute(
            &format!(
                "UPDATE mandates SET status = 'deleted', blocked_seen = NULL WHERE {unlisted}"
            ),
            args![agreement_id],
        )
    }

    /// Ends what [`Tx::start_listed`] started.
    pub(crate) fn end_listed(&mut self) -> Result<(), BookError> {
        self.0.execute("DROP TABLE listed_mandates", &[])
    }

    /// Adds or replaces a mandate.
    pub(crate) fn put_mandate(&mut self, m: &MandateRow) -> Result<(), BookError> {
        self.0.execute(
            "INSERT INTO mandates (agreement_id, reference, status, registered, blocked_seen)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (agreement_id, reference) DO UPDATE
             SET status = excluded.status, registered = excluded.registered,
             blocked_seen = excluded.blocked_seen",
            args![
                m.agreement_id,
                &m.reference,
                m.status.as_str(),
                &m.registered,
                m.blocked_seen
            ],
        )?;
        Ok(())
    }

    /// The mandates with a 133 on record: agreement, reference, day.
    pub(crate) fn blocked_seen(&mut self) -> Result<Vec<(u32, String, Date)>, BookError> {
        rows(
            self.0,
            "SELECT agreement_id, reference, blocked_seen FROM mandates
             WHERE blocked_seen IS NOT NULL",
            &[],
            |r| Ok((r.number(0)?, r.string(1)?, r.date(2)?)),
        )
    }
}

/// How many claims a file sent must hold, or a round of matching answer, at the least, for
/// indexes of the claims to be made again after them rather than kept up at every claim
/// ([`Tx::set_claim_indexes_aside`], [`Tx::set_waiting_index_aside`]).
const SET_ASIDE_AT_LEAST: u64 = 50_000;

impl Tx<'_> {
    /// Before the claims of a file sent of about `claims` claims: when the file is as large as
    /// the book (and large), drops the indexes every claim goes into ([`CLAIM_INDEXES`]), which
    /// [`Tx::make_indexes`] makes again at the end of the file, in the same transaction.
    /// Building an index from a million rows at once took 2.4 s where keeping it up at every
    /// claim cost 5-6 (SQLite, `sqlite3`'s timer and `/usr/bin/time`). SQLite only: there a
    /// reader keeps reading the book as it was meanwhile, where PostgreSQL would make every
    /// reader wait for the end of the import. The indexes dropped.
    pub(crate) fn set_claim_indexes_aside(
        &mut self,
        claims: u64,
    ) -> Result<&'static [&'static str], BookError> {
        if self.0.dialect() != Dialect::Sqlite || !self.many(claims, 1)? {
            return Ok(&[]);
        }
        self.set_aside(&["claims_waiting", "claims_payer"])
    }

    /// Before the claims answered by a round of matching are changed (`rows` of them): when
    /// they are half the book or more (and many), drops the index of the claims waiting, which
    /// every answer takes a claim out of; [`Tx::make_indexes`] makes it again, of the claims
    /// still waiting. PostgreSQL, where a reader would wait for the end of the import, keeps
    /// it and makes it again once the import is committed ([`Tidy::Index`]). The indexes
    /// dropped.
    pub(crate) fn set_waiting_index_aside(
        &mut self,
        rows: u64,
    ) -> Result<&'static [&'static str], BookError> {
        if !self.many(rows, 2)? {
            return Ok(&[]);
        }
        if self.0.dialect() == Dialect::Postgres {
            self.0.tidy(Tidy::Index("claims_waiting"));
            return Ok(&[]);
        }
        self.set_aside(&["claims_waiting"])
    }

    /// Whether `rows` is at least [`SET_ASIDE_AT_LEAST`] and a `share`-th of the book's claims.
    fn many(&mut self, rows: u64, share: u64) -> Result<bool, BookError> {
        if rows < SET_ASIDE_AT_LEAST {
            return Ok(false);
        }
        Ok(rows.saturating_mul(share) >= self.claims_in_book()?)
    }

    /// How many claims the book holds, of every status (the totals kept).
    pub(crate) fn claims_in_book(&mut self) -> Result<u64, BookError> {
        one(
            self.0,
            "SELECT CAST(COALESCE(SUM(claims), 0) AS BIGINT) FROM totals",
            &[],
            |r| r.count(0),
        )
    }

    /// How many claims wait for an answer (the totals kept).
    pub(crate) fn claims_waiting(&mut self) -> Result<u64, BookError> {
        one(
            self.0,
            "SELECT CAST(COALESCE(SUM(claims), 0) AS BIGINT) FROM totals
             WHERE status IN ('sent', 'retry')",
            &[],
            |r| r.count(0),
        )
    }

    /// Drops the indexes `names` of [`CLAIM_INDEXES`] (SQLite's; the callers keep
    /// PostgreSQL's).
    fn set_aside(
        &mut self,
        names: &'static [&'static str],
    ) -> Result<&'static [&'static str], BookError> {
        for name in names {
            self.0.execute(&format!("DROP INDEX {name}"), &[])?;
        }
        Ok(names)
    }

    /// Makes the indexes `names` of [`CLAIM_INDEXES`] again.
    pub(crate) fn make_indexes(&mut self, names: &[&str]) -> Result<(), BookError> {
        if names.is_empty() {
            return Ok(());
        }
        self.0.sorting(true)?;
        let made = CLAIM_INDEXES
            .iter()
            .filter(|(name, _)| names.contains(name))
            .try_for_each(|(_, index)| self.0.execute(index, &[]));
        self.0.sorting(false)?;
        made
    }
}

/// How many claims a file must write, at the least, and what share of the book's (one in
/// [`TIDY_SHARE`]), for the table to be tidied after it ([`Conn::tidy`]): as much as makes
/// PostgreSQL's autovacuum take it up within its next minute, done at once, so that the next
/// command does not run before.
const TIDY_AT_LEAST: u64 = 10_000;
const TIDY_SHARE: u64 = 5;

impl Tx<'_> {
    /// Records that the transaction wrote `rows` claims (added or answered): when that is
    /// many, and a large share of the book's, the table is tidied once committed.
    pub(crate) fn wrote_claims(&mut self, rows: u64) -> Result<(), BookError> {
        if rows < TIDY_AT_LEAST {
            return Ok(());
        }
        if rows.saturating_mul(TIDY_SHARE) >= self.claims_in_book()? {
            self.0.tidy(Tidy::Table("claims"));
        }
        Ok(())
    }
}

/// The columns of a [`MandateRow`], as [`mandate_row_of`] reads them.
const MANDATE_COLUMNS: &str = "agreement_id, reference, status, registered, blocked_seen";

/// How many mandates [`Tx::mandates_of`] looks up by one statement: a part's (4 096) in a few,
/// each a list of parameters far within either backend's limit.
const MANDATES_LOOKED_UP: usize = 1024;

/// A row of [`MANDATE_COLUMNS`].
fn mandate_row_of(r: Row<'_>) -> Result<MandateRow, BookError> {
    Ok(MandateRow {
        agreement_id: r.number(0)?,
        reference: r.string(1)?,
        status: MandateStatus::parse(r.text(2)?)?,
        registered: r.string(3)?,
        blocked_seen: r.opt_date(4)?,
    })
}
