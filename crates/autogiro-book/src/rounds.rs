//! A round of matching MPS's answers to the claims waiting, in the book's tables: the answers
//! of a file from MPS staged, every group of agreement and payer read in order and decided
//! by `import.rs`, what was decided written a few thousand rows at a time and applied set by
//! set at the end. The statements are `sql.rs`'s.

use foldhash::HashMap;
use time::Date;

use crate::BookError;
use crate::db::{Conn, Row, args, one, rows};
use crate::sql::{self, Dialect, Reach};
use crate::states::ClaimStatus;
use crate::store::{Decided, Group, Scope, SharedReference, UnmatchedRow, WaitingRow, decide};
use crate::tx::{
    ANSWER_COLUMNS, Tx, UNMATCHED_COLUMNS, answer_values, decided_values, unmatched_row,
};

/// Adds a row of [`Dialect::groups`] to its group; `read_on` is the day each file sent was
/// read, by its id ([`sql::READ_ON`]).
fn group_row(r: Row<'_>, group: &mut Group, read_on: &HashMap<i64, Date>) -> Result<(), BookError> {
    if r.int(0)? == 0 {
        group.answers.push(UnmatchedRow {
            id: r.int(3)?,
            file_id: r.int(4)?,
            agreement_id: group.agreement_id,
            payer: group.payer.clone(),
            kid: r.string(5)?,
            amount_ore: r.int(6)?,
            processing_date: r.date(7)?,
            error_code: r.opt_number(8)?,
            own_reference: r.string(9)?,
            short_name: r.opt_string(10)?.unwrap_or_default(),
            candidates: r.opt_number(11)?.unwrap_or(0),
        });
    } else {
        let (id, file_id) = (r.int(3)?, r.int(4)?);
        let read_on = read_on.get(&file_id).copied().ok_or_else(|| {
            BookError::Corrupt(format!("claim {id}: its file {file_id} is not in the book"))
        })?;
        group.claims.push(WaitingRow {
            id,
            kid: r.string(5)?,
            amount_ore: r.int(6)?,
            due_date: r.date(7)?,
            own_reference: r.string(9)?,
            answer_due: r.date(12)?,
            retry: ClaimStatus::parse(r.text(13)?)? == ClaimStatus::Retry,
            read_on,
        });
    }
    Ok(())
}

/// Writes what was decided into the round's temporary tables, and forgets it.
fn record_decided(conn: &mut dyn Conn, d: &mut Decided) -> Result<(), BookError> {
    if !d.answers.is_empty() {
        let columns = [
            "claim_id",
            "status",
            "processing_date",
            "error_code",
            "file_id",
            "matched_by",
        ];
        let mut bulk = conn.bulk("decided_answers", &columns)?;
        for a in &d.answers {
            bulk.row(&decided_values(a))?;
        }
        bulk.finish()?;
    }
    if !d.gone.is_empty() {
        let mut bulk = conn.bulk("decided_gone", &["id"])?;
        for id in &d.gone {
            bulk.row(args![*id])?;
        }
        bulk.finish()?;
    }
    if !d.kept.is_empty() {
        // New rows of `unmatched`: the ids they had in `incoming` are not their own.
        let mut bulk = conn.bulk("unmatched", ANSWER_COLUMNS)?;
        for a in &d.kept {
            let [v0, v1, v2, v3, v4, v5, v6, v7, v8] = answer_values(a);
            bulk.row(&[v0, v1, v2, v3, v4, v5, v6, v7, v8, a.candidates.into()])?;
        }
        bulk.finish()?;
    }
    if !d.blocked.is_empty() {
        let columns = ["agreement_id", "reference", "seen"];
        let mut bulk = conn.bulk("decided_blocked", &columns)?;
        for (agreement, reference, seen) in &d.blocked {
            bulk.row(args![*agreement, reference, *seen])?;
        }
        bulk.finish()?;
    }
    d.clear();
    Ok(())
}

impl Tx<'_> {
    /// Hands every [`Group`] of the scope to `each`, in order of agreement and payer, and
    /// records what it decided: claims answered, answers kept from earlier forgotten, answers
    /// of the file kept, mandates' 133 days (the claims changed once every group was
    /// decided). Memory holds one group and what was decided of a few thousand, whatever
    /// the number of groups.
    pub(crate) fn match_groups(
        &mut self,
        scope: Scope,
        each: &mut dyn FnMut(&Group, &mut Decided) -> Result<(), BookError>,
    ) -> Result<(), BookError> {
        let dialect = self.0.dialect();
        self.0.execute(&dialect.incoming_table(), &[])?;
        let Some(reach) = self.reach(scope)? else {
            return Ok(());
        };
        for sql in dialect.decided_tables() {
            self.0.execute(&sql, &[])?;
        }
        let read_on = rows(self.0, sql::READ_ON, &[], |r| Ok((r.int(0)?, r.date(1)?)))?
            .into_iter()
            .collect::<HashMap<_, _>>();
        let mut decided = Decided::default();
        let mut group = Group::default();
        self.0.sorting(true)?;
        let read = self.0.query(
            &dialect.groups(scope, reach),
            args![scope.file_id()],
            &mut |r, conn| {
                let r = Row(r);
                let agreement_id: u32 = r.number(1)?;
                let payer = r.text(2)?;
                if (agreement_id, payer) != (group.agreement_id, group.payer.as_str()) {
                    decide(scope, &mut group, each, &mut decided, |d| {
                        record_decided(conn, d)
                    })?;
                    group.agreement_id = agreement_id;
                    payer.clone_into(&mut group.payer);
                }
                group_row(r, &mut group, &read_on)
            },
        );
        self.0.sorting(false)?;
        read?;
        decide(scope, &mut group, each, &mut decided, |_| Ok(()))?;
        record_decided(self.0, &mut decided)?;
        let answered = one(self.0, "SELECT COUNT(*) FROM decided_answers", &[], |r| {
            r.count(0)
        })?;
        let aside = self.set_waiting_index_aside(answered)?;
        for sql in dialect.apply_decided() {
            self.0.execute(sql, &[])?;
        }
        self.make_indexes(aside)
    }

    /// How a round of matching of `scope` finds its claims waiting ([`Reach`]); none when the
    /// scope has no answer to match.
    fn reach(&mut self, scope: Scope) -> Result<Option<Reach>, BookError> {
        let dialect = self.0.dialect();
        let answers = match scope {
            Scope::Answers(id) => one(self.0, sql::COUNT_INCOMING, args![id], |r| r.count(0))?,
            Scope::Claims(id) => one(self.0, sql::HAS_KEPT_ANSWERS, args![id], |r| r.count(0))?,
        };
        if answers == 0 {
            return Ok(None);
        }
        let (waiting, all) = one(
            self.0,
            "SELECT CAST(COALESCE(SUM(CASE WHEN status IN ('sent', 'retry') THEN claims END), 0)
             AS BIGINT), CAST(COALESCE(SUM(claims), 0) AS BIGINT) FROM totals",
            &[],
            |r| Ok((r.count(0)?, r.count(1)?)),
        )?;
        if matches!(scope, Scope::Answers(_)) && answers.saturating_mul(2) >= waiting {
            return Ok(Some(Reach::Every));
        }
        Ok(Some(match dialect {
            Dialect::Sqlite if waiting.saturating_mul(8) >= all => Reach::Scan,
            Dialect::Sqlite => Reach::Index,
            // PostgreSQL's planner chooses for itself, from statistics of the answers.
            Dialect::Postgres => {
                self.0.execute("ANALYZE incoming", &[])?;
                Reach::Scan
            }
        }))
    }

    /// Forgets the answers 252 of the scope's groups still unmatched that are said of a claim
    /// answered for good: one with their payer, KID, amount and own reference, due by their
    /// date and answered on or after it. How many: of the scope's file, and kept from earlier.
    pub(crate) fn forget_retried(&mut self, scope: Scope) -> Result<(u64, u64), BookError> {
        let dialect = self.0.dialect();
        self.0.execute(&dialect.incoming_table(), &[])?;
        let (new, old) = one(
            self.0,
            &sql::count_retried(scope),
            args![scope.file_id()],
            |r| Ok((r.count(0)?, r.count(1)?)),
        )?;
        if new + old > 0 {
            self.0
                .execute(&sql::delete_retried(scope), args![scope.file_id()])?;
        }
        // The file's answers are matched, or kept in the book.
        self.0.execute("DROP TABLE incoming", &[])?;
        Ok((new, old))
    }

    /// Keeps answers of a file from MPS being imported (their `id` and `candidates` are
    /// ignored) until [`Tx::match_groups`] of [`Scope::Answers`] matches them: those left
    /// unmatched are kept in the book then.
    pub(crate) fn stage_answers(&mut self, answers: &[UnmatchedRow]) -> Result<(), BookError> {
        let dialect = self.0.dialect();
        self.0.execute(&dialect.incoming_table(), &[])?;
        if answers.is_empty() {
            return Ok(());
        }
        let columns = ANSWER_COLUMNS.split_last().map_or(&[][..], |(_, c)| c);
        let mut bulk = self.0.bulk("incoming", columns)?;
        for a in answers {
            bulk.row(&answer_values(a))?;
        }
        bulk.finish()
    }

    /// How many answers of file `file_id` are kept unmatched, and the `first` of them.
    pub(crate) fn unmatched_of_file(
        &mut self,
        file_id: i64,
        first: u32,
    ) -> Result<(u64, Vec<UnmatchedRow>), BookError> {
        let count = one(self.0, sql::COUNT_UNMATCHED_OF_FILE, args![file_id], |r| {
            r.count(0)
        })?;
        let sql = format!(
            "SELECT {UNMATCHED_COLUMNS} FROM unmatched WHERE file_id = ?1 ORDER BY id LIMIT ?2"
        );
        let shown = rows(self.0, &sql, args![file_id, first], unmatched_row)?;
        Ok((count, shown))
    }

    /// The non-blank own references that claims of file `file_id` share with other claims
    /// waiting in their agreement: how many there are, and the `first` of them (agreement,
    /// reference, claims waiting with it).
    pub(crate) fn reused_own_references(
        &mut self,
        file_id: i64,
        first: u32,
    ) -> Result<(u64, Vec<SharedReference>), BookError> {
        let (mut count, mut shown) = (0u64, Vec::new());
        let sql = sql::reused_own_references(self.0.dialect());
        // The claims waiting are sorted by own reference.
        self.0.sorting(true)?;
        let read = self.0.query(&sql, args![file_id], &mut |r, _| {
            let r = Row(r);
            count += 1;
            if shown.len() < first as usize {
                shown.push(SharedReference {
                    agreement_id: r.number(0)?,
                    own_reference: r.string(1)?,
                    claims: r.count(2)?,
                });
            }
            Ok(())
        });
        self.0.sorting(false)?;
        read?;
        Ok((count, shown))
    }
}
