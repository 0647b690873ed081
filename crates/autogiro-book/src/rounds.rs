//! A round of matching MPS's answers to the claims waiting, in the book's tables: every group
//! of agreement and payer read in order (the answers of a file from MPS, sorted apart by
//! `sorted.rs`, merged into those the database gives) and decided by `import.rs`, what was
//! decided written a few thousand rows at a time and applied set by set at the end. The
//! statements are `sql.rs`'s.

use foldhash::HashMap;
use time::Date;

use crate::BookError;
use crate::db::{Conn, Row, Value, args, one, rows};
use crate::matching::RETRY;
use crate::sorted::{OwnReferences, SortedAnswers};
use crate::sql::{self, Dialect, Reach};
use crate::states::ClaimStatus;
use crate::store::{Decided, Group, Scope, UnmatchedRow, WaitingRow, decide};
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
        // New rows of `unmatched`, numbered by the table.
        let mut bulk = conn.bulk("unmatched", ANSWER_COLUMNS)?;
        for a in &d.kept {
            let [v0, v1, v2, v3, v4, v5, v6, v7, v8] = answer_values(a);
            bulk.row(&[v0, v1, v2, v3, v4, v5, v6, v7, v8, a.candidates.into()])?;
        }
        bulk.finish()?;
    }
    if !d.payers.is_empty() {
        let mut bulk = conn.bulk("file_payers", &FILE_PAYERS)?;
        for (agreement, payer) in &d.payers {
            bulk.row(args![*agreement, payer])?;
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

/// The columns of the temporary table `file_payers` ([`Dialect::file_payers_table`]).
const FILE_PAYERS: [&str; 2] = ["agreement_id", "payer"];

/// The values of the statements of a round that name the scope's file (`?1`) for
/// [`Scope::Claims`] alone ([`Dialect::groups`], [`sql::delete_retried`]).
fn claims_file(scope: Scope) -> Vec<Value<'static>> {
    match scope {
        Scope::Answers(_) => Vec::new(),
        Scope::Claims(id) => vec![Value::Int(id)],
    }
}

/// A round of matching as it reads the groups: the group being read, what was decided, and
/// the answers of the file being merged in.
struct Round<'f> {
    scope: Scope,
    group: Group,
    decided: Decided,
    file: Option<&'f mut SortedAnswers>,
    /// Whether the groups decided with answers of the file, and with an answer 252 among
    /// their answers, go to `file_payers` (a file whose payers were not written before the
    /// round).
    payers: bool,
    /// Whether `group` is one (the first row was read).
    started: bool,
}

type Each<'e> = dyn FnMut(&Group, &mut Decided) -> Result<(), BookError> + 'e;

impl Round<'_> {
    /// Makes the group of `agreement` and `payer` the one being read: the one before is
    /// decided. Groups come in order; one that came before is refused, rather than split
    /// (and matched apart).
    fn enter(
        &mut self,
        agreement: u32,
        payer: &str,
        each: &mut Each<'_>,
        conn: &mut dyn Conn,
    ) -> Result<(), BookError> {
        if self.started {
            match (agreement, payer).cmp(&(self.group.agreement_id, self.group.payer.as_str())) {
                std::cmp::Ordering::Equal => return Ok(()),
                std::cmp::Ordering::Less => {
                    return Err(BookError::Storage(format!(
                        "the groups of a round of matching came out of order: agreement \
                         {agreement}, payer {payer:?} after agreement {}, payer {:?}",
                        self.group.agreement_id, self.group.payer
                    )));
                }
                std::cmp::Ordering::Greater => self.end(each, conn)?,
            }
        }
        self.group.agreement_id = agreement;
        payer.clone_into(&mut self.group.payer);
        self.started = true;
        Ok(())
    }

    /// Decides the group being read.
    fn end(&mut self, each: &mut Each<'_>, conn: &mut dyn Conn) -> Result<(), BookError> {
        // The group holds every answer of its payer that is kept or in the file (the round
        // reads every group): without an answer 252 among them, none kept after the round is
        // one for `forget_retried` to forget.
        let retried = self.payers
            && self
                .group
                .answers
                .iter()
                .any(|a| a.error_code == Some(RETRY));
        let decided = decide(self.scope, &mut self.group, each, &mut self.decided, |d| {
            record_decided(conn, d)
        })?;
        if decided && retried {
            let payer = (self.group.agreement_id, self.group.payer.clone());
            self.decided.payers.push(payer);
        }
        Ok(())
    }

    /// Adds the answers of the file up to the group of `until` (all that are left, for
    /// `None`) to their groups.
    fn file_until(
        &mut self,
        until: Option<(u32, &str)>,
        each: &mut Each<'_>,
        conn: &mut dyn Conn,
    ) -> Result<(), BookError> {
        loop {
            let Some(file) = self.file.as_deref_mut() else {
                return Ok(());
            };
            match (file.peek_key(), until) {
                (None, _) => return Ok(()),
                (Some(next), Some(until)) if next > until => return Ok(()),
                _ => {}
            }
            let Some(answer) = file.pop()? else {
                return Ok(());
            };
            self.enter(answer.agreement_id, &answer.payer, each, conn)?;
            self.group.answers.push(answer);
        }
    }
}

impl Tx<'_> {
    /// Hands every [`Group`] of the scope to `each`, in order of agreement and payer, and
    /// records what it decided: claims answered, answers kept from earlier forgotten, answers
    /// of the file kept, mandates' 133 days (the claims changed once every group was
    /// decided). `file` holds the answers of the file of [`Scope::Answers`], merged into the
    /// groups the database gives. Memory holds one group and what was decided of a few
    /// thousand, whatever the number of groups.
    pub(crate) fn match_groups(
        &mut self,
        scope: Scope,
        mut file: Option<&mut SortedAnswers>,
        each: &mut dyn FnMut(&Group, &mut Decided) -> Result<(), BookError>,
    ) -> Result<(), BookError> {
        let dialect = self.0.dialect();
        self.0.execute(&dialect.file_payers_table(), &[])?;
        let answers = file.as_ref().map_or(0, |f| f.count());
        let Some(reach) = self.reach(scope, answers)? else {
            return Ok(());
        };
        // The groups' query starts from the file's payers, unless it reads every group: then
        // they are written as the groups are decided, for `forget_retried`.
        let payers_first = matches!(scope, Scope::Answers(_)) && reach != Reach::Every;
        if let Some(file) = file.as_deref_mut().filter(|_| payers_first) {
            self.write_payers(file)?;
        }
        for sql in dialect.decided_tables() {
            self.0.execute(&sql, &[])?;
        }
        let read_on = rows(self.0, sql::READ_ON, &[], |r| Ok((r.int(0)?, r.date(1)?)))?
            .into_iter()
            .collect::<HashMap<_, _>>();
        let mut round = Round {
            scope,
            group: Group::default(),
            decided: Decided::default(),
            payers: file.is_some() && !payers_first,
            file,
            started: false,
        };
        let args = claims_file(scope);
        self.0.sorting(true)?;
        let read = self
            .0
            .query(&dialect.groups(scope, reach), &args, &mut |r, conn| {
                let r = Row(r);
                let agreement_id: u32 = r.number(1)?;
                let payer = r.text(2)?;
                round.file_until(Some((agreement_id, payer)), each, conn)?;
                round.enter(agreement_id, payer, each, conn)?;
                group_row(r, &mut round.group, &read_on)
            });
        self.0.sorting(false)?;
        read?;
        round.file_until(None, each, self.0)?;
        round.end(each, self.0)?;
        record_decided(self.0, &mut round.decided)?;
        let answered = one(self.0, "SELECT COUNT(*) FROM decided_answers", &[], |r| {
            r.count(0)
        })?;
        let aside = self.set_waiting_index_aside(answered)?;
        for sql in dialect.apply_decided() {
            self.0.execute(sql, &[])?;
        }
        self.make_indexes(aside)
    }

    /// Writes the agreements and payers of the answers of `file` into `file_payers`, each
    /// once, and reads the file again from its start.
    fn write_payers(&mut self, file: &mut SortedAnswers) -> Result<(), BookError> {
        let mut bulk = self.0.bulk("file_payers", &FILE_PAYERS)?;
        let mut last: Option<(u32, String)> = None;
        while let Some(a) = file.pop()? {
            if last.as_ref().is_none_or(|(agreement, payer)| {
                (a.agreement_id, a.payer.as_str()) != (*agreement, payer.as_str())
            }) {
                bulk.row(args![a.agreement_id, &a.payer])?;
                last = Some((a.agreement_id, a.payer));
            }
        }
        bulk.finish()?;
        file.rewind()?;
        if self.0.dialect() == Dialect::Postgres {
            // The planner chooses how to find the claims waiting from its statistics.
            self.0.execute("ANALYZE file_payers", &[])?;
        }
        Ok(())
    }

    /// How a round of matching of `scope` finds its claims waiting ([`Reach`]), with
    /// `answers` answers of the file of [`Scope::Answers`]; none when the scope has no answer to
    /// match.
    fn reach(&mut self, scope: Scope, answers: u64) -> Result<Option<Reach>, BookError> {
        let dialect = self.0.dialect();
        let answers = match scope {
            Scope::Answers(_) => answers,
            Scope::Claims(id) => one(self.0, sql::HAS_KEPT_ANSWERS, args![id], |r| r.count(0))?,
        };
        if answers == 0 {
            return Ok(None);
        }
        let (waiting, all) = (self.claims_waiting()?, self.claims_in_book()?);
        if matches!(scope, Scope::Answers(_)) && answers.saturating_mul(2) >= waiting {
            return Ok(Some(Reach::Every));
        }
        Ok(Some(match dialect {
            Dialect::Sqlite if waiting.saturating_mul(8) >= all => Reach::Scan,
            Dialect::Sqlite => Reach::Index,
            // PostgreSQL's planner chooses for itself, from statistics of the groups.
            Dialect::Postgres => Reach::Scan,
        }))
    }

    /// Forgets the answers 252 of the scope's groups still unmatched that are said of a claim
    /// answered for good: one with their payer, KID, amount and own reference, due by their
    /// date and answered on or after it. How many: of the scope's file, and kept from earlier.
    pub(crate) fn forget_retried(&mut self, scope: Scope) -> Result<(u64, u64), BookError> {
        let dialect = self.0.dialect();
        self.0.execute(&dialect.file_payers_table(), &[])?;
        let (new, old) = one(
            self.0,
            &sql::count_retried(scope),
            args![scope.file_id()],
            |r| Ok((r.count(0)?, r.count(1)?)),
        )?;
        if new + old > 0 {
            self.0
                .execute(&sql::delete_retried(scope), &claims_file(scope))?;
        }
        self.0.execute("DROP TABLE file_payers", &[])?;
        Ok((new, old))
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

    /// Adds to `own` the non-blank own references of the claims waiting but those of file
    /// `file_id`, when there are any.
    pub(crate) fn other_own_references(
        &mut self,
        file_id: i64,
        of_file: u64,
        own: &mut OwnReferences,
    ) -> Result<(), BookError> {
        // The totals kept say whether any claim waits besides the file's, which are all
        // waiting yet: a first file, or one sent after the last was answered, reads nothing.
        if self.claims_waiting()? <= of_file {
            return Ok(());
        }
        self.0
            .query(sql::OTHER_OWN_REFERENCES, args![file_id], &mut |r, _| {
                let r = Row(r);
                own.push(r.number(0)?, r.text(1)?, false)
            })
    }
}

#[cfg(all(test, feature = "sqlite"))]
mod tests {
    use super::*;

    /// The groups must come in order of agreement and payer for the file's answers to be merged
    /// into them: one that comes again after another is refused, rather than matched apart
    /// from its first rows.
    #[test]
    fn a_group_out_of_order_is_refused_rather_than_split() {
        let db = rusqlite::Connection::open_in_memory().unwrap();
        let mut conn = crate::sqlite::SqliteConn(&db);
        let mut round = Round {
            scope: Scope::Answers(1),
            group: Group::default(),
            decided: Decided::default(),
            file: None,
            payers: false,
            started: false,
        };
        let mut each = |_: &Group, _: &mut Decided| Ok(());
        round.enter(1, "00000000002", &mut each, &mut conn).unwrap();
        round.enter(1, "00000000002", &mut each, &mut conn).unwrap();
        round.enter(1, "00000000010", &mut each, &mut conn).unwrap();
        round.enter(2, "00000000001", &mut each, &mut conn).unwrap();
        let err = round
            .enter(1, "00000000002", &mut each, &mut conn)
            .unwrap_err();
        assert!(
            err.to_string().contains("came out of order: agreement 1"),
            "{err}"
        );
        assert_eq!(
            (round.group.agreement_id, round.group.payer.as_str()),
            (2, "00000000001")
        );
    }
}
