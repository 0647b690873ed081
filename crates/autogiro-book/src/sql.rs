//! What differs between the backends' SQL ([`Dialect`]), and the statements of the rounds of
//! matching, the longest the book runs. Every statement is written once, with SQLite's
//! placeholders `?1`, `?2`, …, which the PostgreSQL backend turns into `$1`, `$2`, ….

use std::borrow::Cow;

use crate::store::Scope;

/// What differs between the backends in the statements of this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    #[cfg_attr(not(feature = "sqlite"), allow(dead_code))]
    Sqlite,
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    Postgres,
}

impl Dialect {
    /// `sql` with this dialect's placeholders: `?N` as written for SQLite, `$N` for
    /// PostgreSQL.
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    pub(crate) fn sql(self, sql: &str) -> Cow<'_, str> {
        match self {
            Self::Sqlite => Cow::Borrowed(sql),
            Self::Postgres => Cow::Owned(sql.replace('?', "$")),
        }
    }

    /// The type of a date column: text (`YYYY-MM-DD`, which sorts as the dates do) in
    /// SQLite, which has no type of dates, `DATE` in PostgreSQL.
    pub(crate) fn date(self) -> &'static str {
        match self {
            Self::Sqlite => "TEXT",
            Self::Postgres => "DATE",
        }
    }

    /// What makes new rows get ids after those of rows put back with their ids
    /// ([`crate::store::Tx::finish_restore`]): nothing in SQLite, which numbers a row after
    /// the largest id; PostgreSQL's sequences set past them.
    pub(crate) fn after_restore(self) -> &'static [&'static str] {
        match self {
            Self::Sqlite => &[],
            Self::Postgres => &[
                "SELECT setval(pg_get_serial_sequence('files', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM files",
                "SELECT setval(pg_get_serial_sequence('claims', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM claims",
                "SELECT setval(pg_get_serial_sequence('unmatched', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM unmatched",
                "SELECT setval(pg_get_serial_sequence('giro_claims', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM giro_claims",
                "SELECT setval(pg_get_serial_sequence('payments', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM payments",
            ],
        }
    }

    /// A text column compared by its bytes, as SQLite compares text: PostgreSQL otherwise
    /// sorts and groups by the database's collation, through the C library or ICU and
    /// without its shortcut of comparing a key's first bytes. A million random payers
    /// ordered in `psql`: 1.67 s in a database of ICU's `nb-NO`, 1.16 s by bytes; the claims of
    /// the benchmark (in order already) 0.65 s in a `C.UTF-8` database, 0.58 s by bytes, and
    /// grouped by own reference 1.10 s, 0.85 s. Both backends then order the same way.
    pub(crate) fn bytes(self, column: &str) -> String {
        match self {
            Self::Sqlite => column.to_owned(),
            Self::Postgres => format!("{column} COLLATE \"C\""),
        }
    }

    /// The month (`YYYY-MM`) of a date column, as text.
    pub(crate) fn month(self, column: &str) -> String {
        match self {
            Self::Sqlite => format!("substr({column}, 1, 7)"),
            Self::Postgres => format!("to_char({column}, 'YYYY-MM')"),
        }
    }

    /// The temporary table of the agreements and payers of the answers of a file from MPS
    /// being matched (its groups), each once: what the claims waiting and the answers kept
    /// are looked up by, when not all are read ([`Reach`]), and the answers 252 kept that the
    /// file may settle ([`count_retried`]).
    pub(crate) fn file_payers_table(self) -> String {
        let end = match self {
            Self::Sqlite => "",
            Self::Postgres => " ON COMMIT DROP",
        };
        format!(
            "CREATE TEMPORARY TABLE IF NOT EXISTS file_payers (agreement_id BIGINT NOT NULL,
             payer TEXT NOT NULL){end}"
        )
    }

    /// The temporary tables a round of matching records its decisions in, made at its
    /// start: the claims answered, keyed by the claim's id so that the claims are updated in
    /// the order they are stored (in the order of payers, a million updates dirtied pages all
    /// over the table; SQLite's `INTEGER PRIMARY KEY` is the row's own key), the answers
    /// kept from earlier that found their claim, and the mandates' days of a 133.
    pub(crate) fn decided_tables(self) -> [String; 3] {
        let key = match self {
            Self::Sqlite => "INTEGER PRIMARY KEY",
            Self::Postgres => "BIGINT PRIMARY KEY",
        };
        let date = self.date();
        [
            format!(
                "CREATE TEMPORARY TABLE decided_answers (claim_id {key}, status TEXT NOT NULL,
                 processing_date {date} NOT NULL, error_code INTEGER, file_id BIGINT NOT NULL,
                 matched_by TEXT NOT NULL)"
            ),
            format!("CREATE TEMPORARY TABLE decided_gone (id {key})"),
            format!(
                "CREATE TEMPORARY TABLE decided_blocked (agreement_id BIGINT NOT NULL,
                 reference TEXT NOT NULL, seen {date})"
            ),
        ]
    }

    /// Every row of the groups of a scope that the database holds, in order of agreement,
    /// payer and id: answers kept (side 0) and claims waiting (side 1) of a group come
    /// interleaved, each in the order of its ids. The answers of a file from MPS are not among
    /// them: a round merges them in, sorted apart ([`crate::sorted`]). Columns: side,
    /// agreement, payer, id, file, KID, amount, date (an answer's processing date, a claim's
    /// due date), error code, own reference, short name, candidates, answer due, status. Of
    /// [`Scope::Answers`], the answers kept and claims waiting of the file's payers
    /// (`file_payers`), or with [`Reach::Every`], every one (a group without an answer of the
    /// file is passed over); of [`Scope::Claims`], those of the payers of answers kept that
    /// the file's claims have (`?1` the file). The claims waiting are found as `reach` says
    /// ([`Reach`]).
    ///
    /// No side in the order, no file joined to a claim (its file's day read is looked up
    /// apart, [`READ_ON`]), and with [`Reach::Every`] no set of the file's payers: each is a pass
    /// over a million rows. `sqlite3` on a book of a million claims and their million answers,
    /// three alternated rounds: 5.3, 5.1, 5.0 s with all three, 3.1, 3.3, 3.4 s without (SQLite
    /// merges the two sides, each read in order: the claims through `claims_payer`, whose
    /// entries end in the claim's id).
    pub(crate) fn groups(self, scope: Scope, reach: Reach) -> String {
        let date = self.date();
        // Ordered by the payer's bytes on both backends.
        let (up, cp) = (self.bytes("u.payer"), self.bytes("c.payer"));
        // The groups' keys (`k`), none when every claim waiting and every answer kept is read.
        let keys = match (scope, reach) {
            (Scope::Answers(_), Reach::Every) => None,
            (Scope::Answers(_), _) => Some("SELECT agreement_id, payer FROM file_payers"),
            (Scope::Claims(_), _) => Some(
                "SELECT DISTINCT u.agreement_id, u.payer FROM unmatched u
                 WHERE EXISTS (SELECT 1 FROM claims n WHERE n.agreement_id = u.agreement_id
                 AND n.payer = u.payer AND n.status IN ('sent', 'retry') AND n.file_id = ?1)",
            ),
        };
        // SQLite's CROSS JOIN keeps the order written: from each group to its rows.
        let join = match self {
            Self::Sqlite => "CROSS JOIN",
            Self::Postgres => "JOIN",
        };
        let (with, kept) = match keys {
            None => (String::new(), "unmatched u".to_owned()),
            Some(keys) => (
                format!("WITH k AS ({keys}) "),
                format!(
                    "k {join} unmatched u ON u.agreement_id = k.agreement_id AND u.payer = k.payer"
                ),
            ),
        };
        let claims = match (self, reach) {
            (_, Reach::Every) => "claims c",
            (Self::Sqlite, Reach::Scan) => {
                "claims c NOT INDEXED CROSS JOIN k
                 ON c.agreement_id = k.agreement_id AND c.payer = k.payer"
            }
            (Self::Sqlite, Reach::Index) => {
                "k CROSS JOIN claims c INDEXED BY claims_payer
                 ON c.agreement_id = k.agreement_id AND c.payer = k.payer"
            }
            (Self::Postgres, Reach::Scan | Reach::Index) => {
                "k JOIN claims c ON c.agreement_id = k.agreement_id AND c.payer = k.payer"
            }
        };
        format!(
            "{with}SELECT 0, u.agreement_id, {up}, u.id, u.file_id, u.kid, u.amount_ore,
             u.processing_date, u.error_code, u.own_reference, u.short_name,
             CAST(u.candidates AS BIGINT), CAST(NULL AS {date}), CAST(NULL AS TEXT)
             FROM {kept}
             UNION ALL
             SELECT 1, c.agreement_id, {cp}, c.id, c.file_id, c.kid, c.amount_ore, c.due_date,
             CAST(NULL AS INTEGER), c.own_reference, CAST(NULL AS TEXT), CAST(NULL AS BIGINT),
             c.answer_due, c.status
             FROM {claims}
             WHERE c.status IN ('sent', 'retry')
             ORDER BY 2, 3, 4"
        )
    }

    /// What a round of matching decided, recorded set by set; then its tables dropped.
    ///
    /// PostgreSQL updates the claims answered without a hash join: with the server's `work_mem`
    /// (4 MB by default) the hash of a million decisions is cut in 16 batches, each of which goes
    /// through the whole table and its indexes again, so that every page is visited 16 times (at
    /// ten million, 160); joined in the order of the claims' ids instead (a merge join, or for a
    /// few answers a lookup each), each page is visited once. `psql` on a copy of a book of a
    /// million claims, each update vacuumed away before the next, two rounds: 17.2, 17.6 s hashed,
    /// 13.8, 13.9 s merged; in the answer's import, 16.8, 14.5 s against 14.2, 13.6 s, and 23.9 s
    /// against 12.9 s with `work_mem` at 400 kB, which cuts the hash of a million as ten million
    /// are cut (docs/performance.md).
    pub(crate) fn apply_decided(self) -> Vec<&'static str> {
        let update: &[&str] = match self {
            Self::Sqlite => &[UPDATE_ANSWERED_BY_ID],
            Self::Postgres => &[
                "SET LOCAL enable_hashjoin = off",
                UPDATE_ANSWERED,
                "RESET enable_hashjoin",
            ],
        };
        [update, &APPLY_REST].concat()
    }
}

/// How a round of matching finds the claims waiting of its groups ([`Dialect::groups`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Every claim waiting, whatever its payer: when a file's answers are half as many as the
    /// claims waiting or more, most claims waiting are of their groups, and sorting them all
    /// costs less than finding which are (a million answers: 5.2 s against 6.5 s for the
    /// groups' query in `sqlite3`). Every answer kept is read too: a group without an answer
    /// of the file is passed over.
    Every,
    /// The table read in order, a claim taken when its payer is of a group: when the claims
    /// waiting are an eighth of the table or more (a jump to each claim's row in the order of
    /// payers thrashes the page cache). PostgreSQL's planner chooses for itself between this
    /// and [`Reach::Index`].
    Scan,
    /// From each group, through the index of claims by payer.
    Index,
}

/// The day each file sent was read, by its id: what the processing date MPS gives a claim on
/// its first try is reckoned from.
pub(crate) const READ_ON: &str = "SELECT id, read_on FROM files WHERE direction = 'to-mps'";

/// Whether there are answers kept of the payers of the claims of file `?1`.
pub(crate) const HAS_KEPT_ANSWERS: &str = "SELECT EXISTS (SELECT 1 FROM unmatched u
     WHERE EXISTS (SELECT 1 FROM claims n WHERE n.agreement_id = u.agreement_id
     AND n.payer = u.payer AND n.status IN ('sent', 'retry') AND n.file_id = ?1))";

/// The claims answered take what a round of matching decided of them.
const UPDATE_ANSWERED: &str = "UPDATE claims SET status = d.status,
     processing_date = d.processing_date, error_code = d.error_code, answer_file_id = d.file_id,
     matched_by = d.matched_by FROM decided_answers d WHERE claims.id = d.claim_id";

/// [`UPDATE_ANSWERED`] as SQLite runs it best: from each decision to its claim by id. The join
/// of `UPDATE … FROM` SQLite (without statistics) plans the other way round, through every
/// claim of the book (in the index `claims_payer`), each looked up among the decisions: in
/// `sqlite3`, two alternated rounds, a million claims answered took 3.07, 2.70 s in a book of
/// five million, 1.99, 1.65 s this way; in a book of a million, 1.84 s either way.
const UPDATE_ANSWERED_BY_ID: &str = "UPDATE claims SET (status, processing_date, error_code,
     answer_file_id, matched_by) = (SELECT d.status, d.processing_date, d.error_code, d.file_id,
     d.matched_by FROM decided_answers d WHERE d.claim_id = claims.id)
     WHERE claims.id IN (SELECT claim_id FROM decided_answers)";

/// The rest of what a round decided, then its tables dropped.
const APPLY_REST: [&str; 5] = [
    "DELETE FROM unmatched WHERE id IN (SELECT id FROM decided_gone)",
    "UPDATE mandates SET blocked_seen = d.seen FROM decided_blocked d
     WHERE mandates.agreement_id = d.agreement_id AND mandates.reference = d.reference",
    "DROP TABLE decided_answers",
    "DROP TABLE decided_gone",
    "DROP TABLE decided_blocked",
];

/// The answers 252 of a scope's groups, unmatched, that are said of a claim answered for good
/// ([`crate::store::Tx::forget_retried`]), of the payers of the scope's file.
fn retried(scope: Scope) -> String {
    let keys = match scope {
        Scope::Answers(_) => {
            "EXISTS (SELECT 1 FROM file_payers i WHERE i.agreement_id = u.agreement_id
             AND i.payer = u.payer)"
        }
        Scope::Claims(_) => {
            "EXISTS (SELECT 1 FROM claims n WHERE n.agreement_id = u.agreement_id
             AND n.payer = u.payer AND n.status IN ('sent', 'retry') AND n.file_id = ?1)"
        }
    };
    format!(
        "SELECT u.id, u.file_id FROM unmatched u
         WHERE u.error_code = 252 AND {keys} AND EXISTS (SELECT 1 FROM claims c
         WHERE c.agreement_id = u.agreement_id AND c.payer = u.payer AND c.kid = u.kid
         AND c.amount_ore = u.amount_ore AND c.own_reference = u.own_reference
         AND c.status IN ('settled', 'rejected') AND c.due_date <= u.processing_date
         AND c.processing_date >= u.processing_date)"
    )
}

/// How many answers 252 [`retried`] finds: of the scope's file (`?1`), kept from earlier.
pub(crate) fn count_retried(scope: Scope) -> String {
    format!(
        "SELECT COALESCE(SUM(CASE WHEN r.file_id = ?1 THEN 1 ELSE 0 END), 0),
         COALESCE(SUM(CASE WHEN r.file_id = ?1 THEN 0 ELSE 1 END), 0) FROM ({}) r",
        retried(scope)
    )
}

/// Forgets the answers 252 [`retried`] finds.
pub(crate) fn delete_retried(scope: Scope) -> String {
    format!(
        "DELETE FROM unmatched WHERE id IN (SELECT r.id FROM ({}) r)",
        retried(scope)
    )
}

/// The non-blank own references of the claims waiting but those of file `?1`, with their
/// agreements, in no order: [`crate::sorted::OwnReferences`] sorts them with the file's.
pub(crate) const OTHER_OWN_REFERENCES: &str = "SELECT agreement_id, own_reference FROM claims
     WHERE status IN ('sent', 'retry') AND own_reference <> '' AND file_id <> ?1";

/// How many answers of file `?1` are kept unmatched.
pub(crate) const COUNT_UNMATCHED_OF_FILE: &str =
    "SELECT COUNT(*) FROM unmatched WHERE file_id = ?1";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered() {
        // PostgreSQL's `$N` is made of `?N`: a bare `?` would not be.
        let scopes = [Scope::Answers(1), Scope::Claims(1)];
        let reaches = [Reach::Every, Reach::Scan, Reach::Index];
        for sql in scopes.iter().flat_map(|&s| {
            let groups = [Dialect::Sqlite, Dialect::Postgres]
                .into_iter()
                .flat_map(move |d| reaches.map(|r| d.groups(s, r)));
            groups.chain([
                count_retried(s),
                OTHER_OWN_REFERENCES.to_owned(),
                HAS_KEPT_ANSWERS.to_owned(),
            ])
        }) {
            for (i, _) in sql.match_indices('?') {
                assert!(
                    sql[i + 1..].starts_with(|c: char| c.is_ascii_digit()),
                    "{sql}"
                );
            }
        }
    }
}
