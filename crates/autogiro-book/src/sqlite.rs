//! The book in SQLite: one file, write-ahead log, a busy timeout so that processes take turns,
//! the schema versioned by `PRAGMA user_version` and migrated forward; a book written by a newer
//! version is refused.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};
use time::Date;

use crate::BookError;
use crate::sql::{self, Dialect};
use crate::states::{ClaimStatus, FileState, MandateStatus, direction, direction_name};
use crate::store::{
    AnswerRow, AssignmentRow, ClaimFilter, ClaimRow, Decided, FileRow, Group, Handled, MandateRow,
    Replacement, Scope, SharedReference, Store, Tx, UnmatchedRow, VERSION, WaitingRow, decide,
};

/// The migrations, in order: migration `i` takes the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: files, assignment numbers, claims, mandates.
    "CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        direction TEXT NOT NULL,
        sender INTEGER NOT NULL,
        recipient INTEGER NOT NULL,
        transmission_number INTEGER NOT NULL,
        state TEXT NOT NULL,
        read_on TEXT NOT NULL
    );
    CREATE INDEX files_transmission ON files (direction, sender, transmission_number);
    CREATE TABLE assignments (
        file_id INTEGER NOT NULL REFERENCES files (id),
        agreement_id INTEGER NOT NULL,
        number INTEGER NOT NULL,
        used_on TEXT NOT NULL
    );
    CREATE INDEX assignments_number ON assignments (agreement_id, number);
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES files (id),
        agreement_id INTEGER NOT NULL,
        assignment_number INTEGER NOT NULL,
        transaction_number INTEGER NOT NULL,
        payer TEXT NOT NULL,
        kid TEXT NOT NULL,
        amount_ore INTEGER NOT NULL,
        due_date TEXT NOT NULL,
        short_name TEXT NOT NULL,
        own_reference TEXT NOT NULL,
        foreign_reference TEXT NOT NULL,
        status TEXT NOT NULL,
        answer_due TEXT NOT NULL,
        processing_date TEXT,
        error_code INTEGER,
        answer_file_id INTEGER REFERENCES files (id)
    );
    -- Partial indexes only: an answer takes a claim out of `claims_waiting` and puts nothing
    -- into an index of millions of settled claims. `claims_waiting` serves finding and
    -- counting what is outstanding (by `answer_due`; index only, the amount is in it) and
    -- matching answers (the waiting claims of an agreement).
    CREATE INDEX claims_waiting ON claims (answer_due, agreement_id, amount_ore)
        WHERE status IN ('sent', 'retry');
    CREATE INDEX claims_rejected ON claims (processing_date) WHERE status = 'rejected';
    -- The number and sum of the claims of each status, kept up to date by every write that
    -- adds claims or changes their status: `book status` reads them without counting rows.
    CREATE TABLE totals (
        status TEXT PRIMARY KEY,
        claims INTEGER NOT NULL,
        sum INTEGER NOT NULL
    );
    CREATE TABLE mandates (
        agreement_id INTEGER NOT NULL,
        reference TEXT NOT NULL,
        status TEXT NOT NULL,
        registered TEXT NOT NULL,
        PRIMARY KEY (agreement_id, reference)
    );",
    // 2: how each answer was matched; the answers that matched no claim, kept.
    "ALTER TABLE claims ADD COLUMN matched_by TEXT
        CHECK (matched_by IN ('own-reference', 'exact', 'window', 'hand'));
    CREATE TABLE unmatched (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES files (id),
        agreement_id INTEGER NOT NULL,
        payer TEXT NOT NULL,
        kid TEXT NOT NULL,
        amount_ore INTEGER NOT NULL,
        processing_date TEXT NOT NULL,
        error_code INTEGER,
        short_name TEXT NOT NULL,
        own_reference TEXT NOT NULL,
        candidates INTEGER NOT NULL
    );
    CREATE INDEX unmatched_agreement ON unmatched (agreement_id);",
    // 3: the states as CHECK constraints (SQLite adds none to a table: each is made anew and
    // filled from the old, with its foreign keys off for the while; written with OR, since a
    // list after IN costs a temporary table at every row written); numbers reserved by `new`
    // as the state `reserved` without a hash (they had `reserved ...` in the hash's column);
    // claims closed by hand, the claims a new claim bills again, and MPS's 133 answers to a
    // mandate's payer.
    "CREATE TABLE files_v3 (
        id INTEGER PRIMARY KEY,
        sha256 TEXT UNIQUE,
        name TEXT NOT NULL,
        direction TEXT NOT NULL CHECK ((direction = 'to-mps' OR direction = 'from-mps')),
        sender INTEGER NOT NULL,
        recipient INTEGER NOT NULL,
        transmission_number INTEGER NOT NULL,
        state TEXT NOT NULL CHECK ((state = 'reserved' OR state = 'prepared' OR state = 'sent' OR state = 'answer')),
        read_on TEXT NOT NULL,
        CHECK ((sha256 IS NULL) = (state = 'reserved'))
    );
    INSERT INTO files_v3 SELECT id,
        CASE WHEN sha256 LIKE 'reserved %' THEN NULL ELSE sha256 END,
        name, direction, sender, recipient, transmission_number,
        CASE WHEN sha256 LIKE 'reserved %' THEN 'reserved' ELSE state END,
        read_on FROM files;
    DROP TABLE files;
    ALTER TABLE files_v3 RENAME TO files;
    CREATE INDEX files_transmission ON files (direction, sender, transmission_number);
    CREATE TABLE claims_v3 (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES files (id),
        agreement_id INTEGER NOT NULL,
        assignment_number INTEGER NOT NULL,
        transaction_number INTEGER NOT NULL,
        payer TEXT NOT NULL,
        kid TEXT NOT NULL,
        amount_ore INTEGER NOT NULL,
        due_date TEXT NOT NULL,
        short_name TEXT NOT NULL,
        own_reference TEXT NOT NULL,
        foreign_reference TEXT NOT NULL,
        status TEXT NOT NULL
            CHECK ((status = 'sent' OR status = 'retry' OR status = 'settled' OR status = 'rejected' OR status = 'handled')),
        answer_due TEXT NOT NULL,
        processing_date TEXT,
        error_code INTEGER,
        answer_file_id INTEGER REFERENCES files (id),
        matched_by TEXT CHECK ((matched_by = 'own-reference' OR matched_by = 'exact' OR matched_by = 'window' OR matched_by = 'hand')),
        handled_on TEXT,
        handled_by TEXT,
        handled_why TEXT,
        CHECK ((status = 'handled') = (handled_on IS NOT NULL))
    );
    INSERT INTO claims_v3 (id, file_id, agreement_id, assignment_number, transaction_number,
        payer, kid, amount_ore, due_date, short_name, own_reference, foreign_reference, status,
        answer_due, processing_date, error_code, answer_file_id, matched_by)
        SELECT id, file_id, agreement_id, assignment_number, transaction_number, payer, kid,
        amount_ore, due_date, short_name, own_reference, foreign_reference, status, answer_due,
        processing_date, error_code, answer_file_id, matched_by FROM claims;
    DROP TABLE claims;
    ALTER TABLE claims_v3 RENAME TO claims;
    -- The partial indexes' conditions as the queries write them: SQLite uses a partial index
    -- only for a query whose condition is the index's, written the same way.
    CREATE INDEX claims_waiting ON claims (answer_due, agreement_id, amount_ore)
        WHERE status IN ('sent', 'retry');
    CREATE INDEX claims_rejected ON claims (processing_date) WHERE status = 'rejected';
    CREATE INDEX claims_rejected_own ON claims (agreement_id, own_reference)
        WHERE status = 'rejected';
    CREATE TABLE totals_v3 (
        status TEXT PRIMARY KEY
            CHECK ((status = 'sent' OR status = 'retry' OR status = 'settled' OR status = 'rejected' OR status = 'handled')),
        claims INTEGER NOT NULL,
        sum INTEGER NOT NULL
    );
    INSERT INTO totals_v3 SELECT status, claims, sum FROM totals;
    DROP TABLE totals;
    ALTER TABLE totals_v3 RENAME TO totals;
    CREATE TABLE mandates_v3 (
        agreement_id INTEGER NOT NULL,
        reference TEXT NOT NULL,
        status TEXT NOT NULL CHECK ((status = 'sent' OR status = 'active' OR status = 'deleted')),
        registered TEXT NOT NULL,
        blocked_seen TEXT,
        PRIMARY KEY (agreement_id, reference)
    );
    INSERT INTO mandates_v3 (agreement_id, reference, status, registered)
        SELECT agreement_id, reference, status, registered FROM mandates;
    DROP TABLE mandates;
    ALTER TABLE mandates_v3 RENAME TO mandates;
    CREATE TABLE replacements (
        file_id INTEGER NOT NULL REFERENCES files (id),
        agreement_id INTEGER NOT NULL,
        own_reference TEXT NOT NULL,
        replaces TEXT NOT NULL
    );
    CREATE INDEX replacements_file ON replacements (file_id);",
    // 4: what imports that stream a file of any size look up instead of holding it: the
    // claims by payer (matching, a group of agreement and payer at a time; of every status,
    // since an index an answer changes costs at every claim answered), and the answers kept
    // unmatched by payer and by file.
    "CREATE INDEX claims_payer ON claims (agreement_id, payer);
    DROP INDEX unmatched_agreement;
    CREATE INDEX unmatched_payer ON unmatched (agreement_id, payer);
    CREATE INDEX unmatched_file ON unmatched (file_id);",
];

/// The page cache of a book, in KiB: what keeps the index of claims waiting in memory while a
/// million claims go in or are answered.
const CACHE_KIB: i64 = 24 * 1024;

/// The page cache while a statement sorts, in KiB: SQLite's sort fills as much before it
/// spills to a file, in a buffer it doubles (up to twice as much), so that the two stay
/// within [`CACHE_KIB`].
const SORTING_KIB: i64 = 8 * 1024;

/// A book in an SQLite file.
#[derive(Debug)]
pub(crate) struct Sqlite {
    conn: Connection,
}

#[allow(clippy::needless_pass_by_value)] // The shape `map_err` hands errors over in.
fn db(e: rusqlite::Error) -> BookError {
    BookError::Storage(e.to_string())
}

impl Sqlite {
    /// Opens the book at `path`, creating and migrating it when `create`; else it must exist.
    pub(crate) fn open(path: &Path, create: bool) -> Result<Self, BookError> {
        if !create && !path.exists() {
            return Err(BookError::NoBook(path.to_path_buf()));
        }
        let conn = Connection::open(path).map_err(db)?;
        conn.busy_timeout(Duration::from_secs(60)).map_err(db)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(db)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(db)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(db)?;
        // A page cache of `CACHE_KIB`, temporary tables and sorts in files (the bundled SQLite
        // keeps them in memory by default: the answers of a file being matched took 150 MiB
        // per million): an import's memory is bounded whatever the file's size.
        conn.pragma_update(None, "cache_size", -CACHE_KIB)
            .map_err(db)?;
        conn.pragma_update(None, "temp_store", "FILE").map_err(db)?;
        let mut book = Self { conn };
        book.migrate(create, path)?;
        Ok(book)
    }

    /// Brings the schema to [`VERSION`]; refuses a newer one, and an old one unless `create`
    /// (`book init` migrates).
    fn migrate(&mut self, create: bool, path: &Path) -> Result<(), BookError> {
        // A migration makes tables anew: their foreign keys are checked once it is done, not
        // while the old table is dropped (the pragma is a no-op inside a transaction).
        self.conn
            .pragma_update(None, "foreign_keys", "OFF")
            .map_err(db)?;
        let migrated = self.migrate_in_transaction(create, path);
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(db)?;
        migrated
    }

    fn migrate_in_transaction(&mut self, create: bool, path: &Path) -> Result<(), BookError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)?;
        let found: u32 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(db)?;
        if found > VERSION {
            return Err(BookError::Newer {
                found,
                known: VERSION,
            });
        }
        if found == 0 {
            let tables: Vec<String> = tx
                .prepare(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 5",
                )
                .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
                .map_err(db)?;
            if !tables.is_empty() {
                return Err(BookError::NotABook {
                    location: path.display().to_string(),
                    tables: tables.join(", "),
                });
            }
        }
        if found < VERSION && !create {
            return Err(BookError::Older {
                found,
                known: VERSION,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            tx.execute_batch(sql).map_err(db)?;
            let version = u32::try_from(i + 1).unwrap_or(VERSION);
            tx.pragma_update(None, "user_version", version)
                .map_err(db)?;
        }
        // After tables were made anew, their references are checked once (a scan of every
        // table: not at every open).
        let broken: Option<String> = if found < VERSION {
            tx.query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
                .optional()
                .map_err(db)?
        } else {
            None
        };
        if let Some(table) = broken {
            return Err(BookError::Corrupt(format!(
                "a row of {table} refers to one that is not there"
            )));
        }
        tx.commit().map_err(db)
    }
}

impl Store for Sqlite {
    fn write_if<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Tx) -> Result<(T, bool), BookError>,
    ) -> Result<T, BookError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)?;
        let (value, commit) = f(&mut SqliteTx(&tx))?;
        if commit {
            tx.commit().map_err(db)?;
        } else {
            tx.rollback().map_err(db)?;
        }
        Ok(value)
    }

    fn read<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Tx) -> Result<T, BookError>,
    ) -> Result<T, BookError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(db)?;
        let value = f(&mut SqliteTx(&tx))?;
        tx.finish().map_err(db)?;
        Ok(value)
    }
}

struct SqliteTx<'a>(&'a rusqlite::Transaction<'a>);

fn date(s: &str) -> rusqlite::Result<Date> {
    autogiro_model::parse_date(s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn opt_date(s: Option<&str>) -> rusqlite::Result<Option<Date>> {
    s.map(date).transpose()
}

/// A state stored by its name ([`crate::states`]).
macro_rules! stored_by_name {
    ($($t:ty),+) => {$(
        impl rusqlite::ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $t {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                let name = value.as_str()?;
                <$t>::parse(name).map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }
    )+};
}

stored_by_name!(ClaimStatus, FileState, MandateStatus);

fn direction_of(name: &str) -> rusqlite::Result<autogiro_format::Direction> {
    direction(name).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn file_row(r: &Row<'_>) -> rusqlite::Result<FileRow> {
    Ok(FileRow {
        id: r.get(0)?,
        sha256: r.get(1)?,
        name: r.get(2)?,
        direction: direction_of(&r.get::<_, String>(3)?)?,
        sender: r.get(4)?,
        recipient: r.get(5)?,
        transmission_number: r.get(6)?,
        state: r.get(7)?,
        read_on: date(&r.get::<_, String>(8)?)?,
    })
}

const FILE_COLUMNS: &str =
    "id, sha256, name, direction, sender, recipient, transmission_number, state, read_on";

const CLAIM_COLUMNS: &str = "id, file_id, agreement_id, assignment_number, transaction_number, \
     payer, kid, amount_ore, due_date, short_name, own_reference, foreign_reference, status, \
     answer_due, processing_date, error_code, answer_file_id, matched_by, handled_on, \
     handled_by, handled_why";

fn claim_row(r: &Row<'_>) -> rusqlite::Result<ClaimRow> {
    Ok(ClaimRow {
        id: r.get(0)?,
        file_id: r.get(1)?,
        agreement_id: r.get(2)?,
        assignment_number: r.get(3)?,
        transaction_number: r.get(4)?,
        payer: r.get(5)?,
        kid: r.get(6)?,
        amount_ore: r.get(7)?,
        due_date: date(&r.get::<_, String>(8)?)?,
        short_name: r.get(9)?,
        own_reference: r.get(10)?,
        foreign_reference: r.get(11)?,
        status: r.get(12)?,
        answer_due: date(&r.get::<_, String>(13)?)?,
        processing_date: opt_date(r.get::<_, Option<String>>(14)?.as_deref())?,
        error_code: r.get(15)?,
        answer_file_id: r.get(16)?,
        matched_by: r.get(17)?,
        handled: match opt_date(r.get::<_, Option<String>>(18)?.as_deref())? {
            Some(on) => Some(Handled {
                on,
                by: r.get::<_, Option<String>>(19)?.unwrap_or_default(),
                why: r.get::<_, Option<String>>(20)?.unwrap_or_default(),
            }),
            None => None,
        },
    })
}

const UNMATCHED_COLUMNS: &str = "id, file_id, agreement_id, payer, kid, amount_ore, \
     processing_date, error_code, short_name, own_reference, candidates";

fn unmatched_row(r: &Row<'_>) -> rusqlite::Result<UnmatchedRow> {
    Ok(UnmatchedRow {
        id: r.get(0)?,
        file_id: r.get(1)?,
        agreement_id: r.get(2)?,
        payer: r.get(3)?,
        kid: r.get(4)?,
        amount_ore: r.get(5)?,
        processing_date: date(&r.get::<_, String>(6)?)?,
        error_code: r.get(7)?,
        short_name: r.get(8)?,
        own_reference: r.get(9)?,
        candidates: r.get(10)?,
    })
}

/// Runs `f`, which sorts, with a page cache of [`SORTING_KIB`]: the sort takes as much.
fn sorting<T>(
    conn: &rusqlite::Transaction<'_>,
    f: impl FnOnce() -> Result<T, BookError>,
) -> Result<T, BookError> {
    conn.pragma_update(None, "cache_size", -SORTING_KIB)
        .map_err(db)?;
    let value = f();
    conn.pragma_update(None, "cache_size", -CACHE_KIB)
        .map_err(db)?;
    value
}

/// Adds a row of [`Dialect::groups`] to its group.
fn group_row(r: &Row<'_>, group: &mut Group) -> rusqlite::Result<()> {
    if r.get::<_, i64>(0)? == 0 {
        group.answers.push(UnmatchedRow {
            id: r.get(3)?,
            file_id: r.get(4)?,
            agreement_id: group.agreement_id,
            payer: group.payer.clone(),
            kid: r.get(5)?,
            amount_ore: r.get(6)?,
            processing_date: date(&r.get::<_, String>(7)?)?,
            error_code: r.get(8)?,
            own_reference: r.get(9)?,
            short_name: r.get(10)?,
            candidates: r.get(11)?,
        });
    } else {
        group.claims.push(WaitingRow {
            id: r.get(3)?,
            kid: r.get(5)?,
            amount_ore: r.get(6)?,
            due_date: date(&r.get::<_, String>(7)?)?,
            own_reference: r.get(9)?,
            answer_due: date(&r.get::<_, String>(12)?)?,
            retry: r.get::<_, ClaimStatus>(13)? == ClaimStatus::Retry,
            read_on: date(&r.get::<_, String>(14)?)?,
        });
    }
    Ok(())
}

/// Writes what was decided into the round's temporary tables, and forgets it.
fn record_decided(conn: &rusqlite::Transaction<'_>, d: &mut Decided) -> Result<(), BookError> {
    let mut answers = conn
        .prepare_cached("INSERT INTO decided_answers VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .map_err(db)?;
    for a in &d.answers {
        answers
            .execute(params![
                a.claim_id,
                a.status,
                a.processing_date.to_string(),
                a.error_code,
                a.file_id,
                a.matched_by
            ])
            .map_err(db)?;
    }
    let mut gone = conn
        .prepare_cached("INSERT INTO decided_gone VALUES (?1)")
        .map_err(db)?;
    for id in &d.gone {
        gone.execute(params![id]).map_err(db)?;
    }
    for a in &d.kept {
        // A new row of `unmatched`: the id it had in `incoming` is not its own.
        SqliteTx(conn).insert_unmatched(&UnmatchedRow { id: 0, ..a.clone() })?;
    }
    let mut blocked = conn
        .prepare_cached("INSERT INTO decided_blocked VALUES (?1, ?2, ?3)")
        .map_err(db)?;
    for (agreement, reference, seen) in &d.blocked {
        blocked
            .execute(params![agreement, reference, seen.map(|s| s.to_string())])
            .map_err(db)?;
    }
    d.clear();
    Ok(())
}

impl SqliteTx<'_> {
    /// A new claim: [`Tx::restore_claim`] of a row whose id 0 lets SQLite number it.
    fn insert_claim(&mut self, c: &ClaimRow) -> Result<(), BookError> {
        self.restore_claim(c)
    }
}

impl Tx for SqliteTx<'_> {
    fn file_by_hash(&mut self, sha256: &str) -> Result<Option<FileRow>, BookError> {
        self.0
            .prepare_cached(&format!(
                "SELECT {FILE_COLUMNS} FROM files WHERE sha256 = ?1"
            ))
            .map_err(db)?
            .query_row(params![sha256], file_row)
            .optional()
            .map_err(db)
    }

    fn file_by_transmission(
        &mut self,
        sender: u32,
        number: u32,
    ) -> Result<Option<FileRow>, BookError> {
        self.0
            .prepare_cached(&format!(
                "SELECT {FILE_COLUMNS} FROM files
                 WHERE direction = 'to-mps' AND sender = ?1 AND transmission_number = ?2"
            ))
            .map_err(db)?
            .query_row(params![sender, number], file_row)
            .optional()
            .map_err(db)
    }

    fn insert_file(&mut self, f: &FileRow) -> Result<i64, BookError> {
        // Id 0 lets SQLite number the file.
        self.restore_file(f)?;
        Ok(self.0.last_insert_rowid())
    }

    fn prepare_file(&mut self, id: i64, sha256: &str, name: &str) -> Result<(), BookError> {
        self.0
            .execute(
                "UPDATE files SET sha256 = ?2, name = ?3, state = 'prepared' WHERE id = ?1",
                params![id, sha256, name],
            )
            .map_err(db)?;
        Ok(())
    }

    fn rename_file(&mut self, id: i64, name: &str) -> Result<(), BookError> {
        self.0
            .execute(
                "UPDATE files SET name = ?2 WHERE id = ?1",
                params![id, name],
            )
            .map_err(db)?;
        Ok(())
    }

    fn set_file_state(
        &mut self,
        id: i64,
        state: FileState,
        read_on: Date,
    ) -> Result<(), BookError> {
        self.0
            .execute(
                "UPDATE files SET state = ?2, read_on = ?3 WHERE id = ?1",
                params![id, state, read_on.to_string()],
            )
            .map_err(db)?;
        Ok(())
    }

    fn files(&mut self) -> Result<Vec<FileRow>, BookError> {
        let mut stmt = self
            .0
            .prepare_cached(&format!("SELECT {FILE_COLUMNS} FROM files ORDER BY id"))
            .map_err(db)?;
        let rows = stmt.query_map([], file_row).map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }

    fn last_transmission(&mut self, sender: u32) -> Result<Option<u32>, BookError> {
        self.0
            .query_row(
                "SELECT MAX(transmission_number) FROM files
                 WHERE direction = 'to-mps' AND sender = ?1",
                params![sender],
                |r| r.get(0),
            )
            .map_err(db)
    }

    fn assignment_used(
        &mut self,
        agreement_id: u32,
        number: u32,
    ) -> Result<Option<(Date, i64)>, BookError> {
        self.0
            .prepare_cached(
                "SELECT used_on, file_id FROM assignments WHERE agreement_id = ?1 AND number = ?2
                 ORDER BY used_on DESC LIMIT 1",
            )
            .map_err(db)?
            .query_row(params![agreement_id, number], |r| {
                Ok((date(&r.get::<_, String>(0)?)?, r.get(1)?))
            })
            .optional()
            .map_err(db)
    }

    fn use_assignment(
        &mut self,
        file_id: i64,
        agreement_id: u32,
        number: u32,
        used_on: Date,
    ) -> Result<(), BookError> {
        self.0
            .prepare_cached(
                "INSERT INTO assignments (file_id, agreement_id, number, used_on)
                 VALUES (?1, ?2, ?3, ?4)",
            )
            .map_err(db)?
            .execute(params![file_id, agreement_id, number, used_on.to_string()])
            .map_err(db)?;
        Ok(())
    }

    fn last_assignment(&mut self, agreement_id: u32) -> Result<Option<u32>, BookError> {
        self.0
            .query_row(
                "SELECT MAX(number) FROM assignments WHERE agreement_id = ?1",
                params![agreement_id],
                |r| r.get(0),
            )
            .map_err(db)
    }

    fn assignments(&mut self) -> Result<Vec<AssignmentRow>, BookError> {
        let mut stmt = self
            .0
            .prepare_cached(
                "SELECT file_id, agreement_id, number, used_on FROM assignments
                 ORDER BY file_id, agreement_id, number, used_on",
            )
            .map_err(db)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(AssignmentRow {
                    file_id: r.get(0)?,
                    agreement_id: r.get(1)?,
                    number: r.get(2)?,
                    used_on: date(&r.get::<_, String>(3)?)?,
                })
            })
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }

    fn restore_file(&mut self, f: &FileRow) -> Result<(), BookError> {
        self.0
            .prepare_cached(&format!(
                "INSERT INTO files ({FILE_COLUMNS})
                 VALUES (NULLIF(?1, 0), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            ))
            .map_err(db)?
            .execute(params![
                f.id,
                f.sha256,
                f.name,
                direction_name(f.direction),
                f.sender,
                f.recipient,
                f.transmission_number,
                f.state,
                f.read_on.to_string()
            ])
            .map_err(db)?;
        Ok(())
    }

    fn restore_claim(&mut self, c: &ClaimRow) -> Result<(), BookError> {
        self.0
            .prepare_cached(&format!(
                "INSERT INTO claims ({CLAIM_COLUMNS}) VALUES (NULLIF(?1, 0), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
                 ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
            ))
            .map_err(db)?
            .execute(params![
                c.id,
                c.file_id,
                c.agreement_id,
                c.assignment_number,
                c.transaction_number,
                c.payer,
                c.kid,
                c.amount_ore,
                c.due_date.to_string(),
                c.short_name,
                c.own_reference,
                c.foreign_reference,
                c.status,
                c.answer_due.to_string(),
                c.processing_date.map(|d| d.to_string()),
                c.error_code,
                c.answer_file_id,
                c.matched_by,
                c.handled.as_ref().map(|h| h.on.to_string()),
                c.handled.as_ref().map(|h| h.by.as_str()),
                c.handled.as_ref().map(|h| h.why.as_str()),
            ])
            .map_err(db)?;
        Ok(())
    }

    fn finish_restore(&mut self) -> Result<(), BookError> {
        // SQLite gives a new row the largest id + 1 by itself.
        Ok(())
    }

    fn insert_claims(&mut self, claims: &[ClaimRow]) -> Result<(), BookError> {
        for c in claims {
            self.insert_claim(c)?;
        }
        Ok(())
    }

    fn answer_claim(&mut self, a: &AnswerRow) -> Result<(), BookError> {
        self.0
            .prepare_cached(
                "UPDATE claims SET status = ?2, processing_date = ?3, error_code = ?4,
                 answer_file_id = ?5, matched_by = ?6 WHERE id = ?1",
            )
            .map_err(db)?
            .execute(params![
                a.claim_id,
                a.status,
                a.processing_date.to_string(),
                a.error_code,
                a.file_id,
                a.matched_by
            ])
            .map_err(db)?;
        Ok(())
    }

    fn claim(&mut self, id: i64) -> Result<Option<ClaimRow>, BookError> {
        self.0
            .prepare_cached(&format!("SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?1"))
            .map_err(db)?
            .query_row(params![id], claim_row)
            .optional()
            .map_err(db)
    }

    fn unmatched(&mut self, agreement_id: Option<u32>) -> Result<Vec<UnmatchedRow>, BookError> {
        let mut stmt = self
            .0
            .prepare_cached(&format!(
                "SELECT {UNMATCHED_COLUMNS} FROM unmatched
                 WHERE ?1 IS NULL OR agreement_id = ?1 ORDER BY id"
            ))
            .map_err(db)?;
        let rows = stmt
            .query_map(params![agreement_id], unmatched_row)
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }

    fn waiting_own_references(
        &mut self,
        agreement_id: u32,
    ) -> Result<std::collections::HashMap<String, u64>, BookError> {
        let mut stmt = self
            .0
            .prepare_cached(
                "SELECT own_reference, COUNT(*) FROM claims WHERE agreement_id = ?1
                 AND status IN ('sent', 'retry') AND own_reference <> '' GROUP BY own_reference",
            )
            .map_err(db)?;
        let rows = stmt
            .query_map(params![agreement_id], |r| {
                let count: i64 = r.get(1)?;
                Ok((r.get(0)?, u64::try_from(count).unwrap_or(0)))
            })
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }

    fn unmatched_totals(&mut self) -> Result<(u64, i64), BookError> {
        self.0
            .prepare_cached("SELECT COUNT(*), COALESCE(SUM(amount_ore), 0) FROM unmatched")
            .map_err(db)?
            .query_row([], |r| {
                let count: i64 = r.get(0)?;
                Ok((u64::try_from(count).unwrap_or(0), r.get(1)?))
            })
            .map_err(db)
    }

    fn insert_unmatched(&mut self, a: &UnmatchedRow) -> Result<i64, BookError> {
        self.0
            .prepare_cached(&format!(
                "INSERT INTO unmatched ({UNMATCHED_COLUMNS})
                 VALUES (NULLIF(?1, 0), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
            ))
            .map_err(db)?
            .execute(params![
                a.id,
                a.file_id,
                a.agreement_id,
                a.payer,
                a.kid,
                a.amount_ore,
                a.processing_date.to_string(),
                a.error_code,
                a.short_name,
                a.own_reference,
                a.candidates
            ])
            .map_err(db)?;
        Ok(self.0.last_insert_rowid())
    }

    fn delete_unmatched(&mut self, id: i64) -> Result<(), BookError> {
        self.0
            .prepare_cached("DELETE FROM unmatched WHERE id = ?1")
            .map_err(db)?
            .execute(params![id])
            .map_err(db)?;
        Ok(())
    }

    fn match_groups(
        &mut self,
        scope: Scope,
        each: &mut dyn FnMut(&Group, &mut Decided) -> Result<(), BookError>,
    ) -> Result<(), BookError> {
        let conn = self.0;
        conn.execute(&Dialect::Sqlite.incoming_table(), [])
            .map_err(db)?;
        let any: bool = conn
            .query_row(sql::has_answers(scope), params![scope.file_id()], |r| {
                r.get(0)
            })
            .map_err(db)?;
        if !any {
            return Ok(());
        }
        // The table read in order when the claims waiting are an eighth of it or more.
        let (waiting, all): (i64, i64) = conn
            .query_row(
                "SELECT COALESCE(SUM(CASE WHEN status IN ('sent', 'retry') THEN claims END), 0),
                 COALESCE(SUM(claims), 0) FROM totals",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(db)?;
        for sql in Dialect::Sqlite.decided_tables() {
            conn.execute(&sql, []).map_err(db)?;
        }
        let mut decided = Decided::default();
        sorting(conn, || {
            let groups = Dialect::Sqlite.groups(scope, waiting.saturating_mul(8) >= all);
            let mut stmt = conn.prepare(&groups).map_err(db)?;
            let mut rows = stmt.query(params![scope.file_id()]).map_err(db)?;
            let mut group = Group::default();
            while let Some(r) = rows.next().map_err(db)? {
                let agreement_id: u32 = r.get(1).map_err(db)?;
                let payer = r.get_ref(2).and_then(|v| Ok(v.as_str()?)).map_err(db)?;
                if (agreement_id, payer) != (group.agreement_id, group.payer.as_str()) {
                    let payer = payer.to_owned();
                    decide(&mut group, each, &mut decided, |d| record_decided(conn, d))?;
                    group.agreement_id = agreement_id;
                    group.payer = payer;
                }
                group_row(r, &mut group).map_err(db)?;
            }
            decide(&mut group, each, &mut decided, |d| record_decided(conn, d))?;
            record_decided(conn, &mut decided)
        })?;
        for sql in sql::APPLY_DECIDED {
            conn.execute(sql, []).map_err(db)?;
        }
        Ok(())
    }

    fn forget_retried(&mut self, scope: Scope) -> Result<(u64, u64), BookError> {
        let conn = self.0;
        conn.execute(&Dialect::Sqlite.incoming_table(), [])
            .map_err(db)?;
        let (new, old): (i64, i64) = conn
            .query_row(&sql::count_retried(scope), params![scope.file_id()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(db)?;
        if new + old > 0 {
            conn.execute(&sql::delete_retried(scope), params![scope.file_id()])
                .map_err(db)?;
        }
        // The file's answers are matched, or kept in the book.
        conn.execute("DROP TABLE incoming", []).map_err(db)?;
        Ok((
            u64::try_from(new).unwrap_or(0),
            u64::try_from(old).unwrap_or(0),
        ))
    }

    fn stage_answers(&mut self, answers: &[UnmatchedRow]) -> Result<(), BookError> {
        let conn = self.0;
        conn.execute(&Dialect::Sqlite.incoming_table(), [])
            .map_err(db)?;
        let mut insert = conn
            .prepare_cached(
                "INSERT INTO incoming (file_id, agreement_id, payer, kid, amount_ore,
                 processing_date, error_code, short_name, own_reference)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .map_err(db)?;
        for a in answers {
            insert
                .execute(params![
                    a.file_id,
                    a.agreement_id,
                    a.payer,
                    a.kid,
                    a.amount_ore,
                    a.processing_date.to_string(),
                    a.error_code,
                    a.short_name,
                    a.own_reference,
                ])
                .map_err(db)?;
        }
        Ok(())
    }

    fn unmatched_of_file(
        &mut self,
        file_id: i64,
        first: u32,
    ) -> Result<(u64, Vec<UnmatchedRow>), BookError> {
        let count: i64 = self
            .0
            .query_row(sql::COUNT_UNMATCHED_OF_FILE, params![file_id], |r| r.get(0))
            .map_err(db)?;
        let mut stmt = self
            .0
            .prepare_cached(&format!(
                "SELECT {UNMATCHED_COLUMNS} FROM unmatched WHERE file_id = ?1 ORDER BY id LIMIT ?2"
            ))
            .map_err(db)?;
        let rows = stmt
            .query_map(params![file_id, first], unmatched_row)
            .map_err(db)?;
        let rows = rows.collect::<Result<_, _>>().map_err(db)?;
        Ok((u64::try_from(count).unwrap_or(0), rows))
    }

    fn reused_own_references(
        &mut self,
        file_id: i64,
        first: u32,
    ) -> Result<(u64, Vec<SharedReference>), BookError> {
        let conn = self.0;
        // The claims waiting are sorted by own reference: a sort's memory besides the cache.
        sorting(conn, || {
            let mut stmt = conn
                .prepare_cached(sql::REUSED_OWN_REFERENCES)
                .map_err(db)?;
            let mut rows = stmt.query(params![file_id]).map_err(db)?;
            let (mut count, mut shown) = (0u64, Vec::new());
            while let Some(r) = rows.next().map_err(db)? {
                count += 1;
                if shown.len() < first as usize {
                    let n: i64 = r.get(2).map_err(db)?;
                    shown.push(SharedReference {
                        agreement_id: r.get(0).map_err(db)?,
                        own_reference: r.get(1).map_err(db)?,
                        claims: u64::try_from(n).unwrap_or(0),
                    });
                }
            }
            Ok((count, shown))
        })
    }

    fn claims(
        &mut self,
        filter: ClaimFilter,
        each: &mut dyn FnMut(ClaimRow) -> Result<(), BookError>,
    ) -> Result<(), BookError> {
        // Outstanding claims come from the partial index of waiting claims (a few among
        // millions) in `answer_due` order, not from a scan of the whole table in id order.
        let (condition, args): (&str, Vec<String>) = match filter {
            ClaimFilter::Outstanding(today) => (
                "status IN ('sent', 'retry') AND answer_due < ?1 ORDER BY answer_due, id",
                vec![today.to_string()],
            ),
            ClaimFilter::Status(status, None) => {
                ("status = ?1 ORDER BY id", vec![status.as_str().to_owned()])
            }
            ClaimFilter::Status(status, Some(since)) => (
                "status = ?1 AND COALESCE(processing_date, due_date) >= ?2 ORDER BY id",
                vec![status.as_str().to_owned(), since.to_string()],
            ),
            ClaimFilter::All(None) => ("1 = 1 ORDER BY id", Vec::new()),
            ClaimFilter::All(Some(since)) => (
                "COALESCE(processing_date, due_date) >= ?1 ORDER BY id",
                vec![since.to_string()],
            ),
        };
        let mut stmt = self
            .0
            .prepare(&format!(
                "SELECT {CLAIM_COLUMNS} FROM claims WHERE {condition}"
            ))
            .map_err(db)?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(args.iter()))
            .map_err(db)?;
        while let Some(row) = rows.next().map_err(db)? {
            each(claim_row(row).map_err(db)?)?;
        }
        Ok(())
    }

    fn counts(&mut self, since: Option<Date>) -> Result<Vec<(ClaimStatus, u64, i64)>, BookError> {
        // The totals kept, or, from a day on, the claims counted (a scan of the table).
        let sql = if since.is_some() {
            "SELECT status, COUNT(*), COALESCE(SUM(amount_ore), 0) FROM claims
             WHERE COALESCE(processing_date, due_date) >= ?1 GROUP BY status ORDER BY status"
        } else {
            "SELECT status, claims, sum FROM totals WHERE claims > 0 AND ?1 IS NULL ORDER BY status"
        };
        let mut stmt = self.0.prepare_cached(sql).map_err(db)?;
        let rows = stmt
            .query_map(params![since.map(|d| d.to_string())], |r| {
                let count: i64 = r.get(1)?;
                Ok((r.get(0)?, u64::try_from(count).unwrap_or(0), r.get(2)?))
            })
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }

    fn add_totals(&mut self, status: ClaimStatus, claims: i64, sum: i64) -> Result<(), BookError> {
        self.0
            .prepare_cached(
                "INSERT INTO totals (status, claims, sum) VALUES (?1, ?2, ?3)
                 ON CONFLICT (status) DO UPDATE SET claims = claims + ?2, sum = sum + ?3",
            )
            .map_err(db)?
            .execute(params![status, claims, sum])
            .map_err(db)?;
        Ok(())
    }

    fn outstanding(&mut self, today: Date, since: Option<Date>) -> Result<(u64, i64), BookError> {
        // Without a day, the query the partial index of waiting claims answers alone (with a
        // condition on a column outside it, SQLite scans the table).
        let sql = if since.is_some() {
            "SELECT COUNT(*), COALESCE(SUM(amount_ore), 0) FROM claims
             WHERE status IN ('sent', 'retry') AND answer_due < ?1 AND due_date >= ?2"
        } else {
            "SELECT COUNT(*), COALESCE(SUM(amount_ore), 0) FROM claims
             WHERE status IN ('sent', 'retry') AND answer_due < ?1 AND ?2 IS NULL"
        };
        self.0
            .prepare_cached(sql)
            .map_err(db)?
            .query_row(
                params![today.to_string(), since.map(|d| d.to_string())],
                |r| {
                    let count: i64 = r.get(0)?;
                    Ok((u64::try_from(count).unwrap_or(0), r.get(1)?))
                },
            )
            .map_err(db)
    }

    fn mandates(&mut self, agreement_id: Option<u32>) -> Result<Vec<MandateRow>, BookError> {
        let mut stmt = self
            .0
            .prepare_cached(
                "SELECT agreement_id, reference, status, registered, blocked_seen FROM mandates
                 WHERE ?1 IS NULL OR agreement_id = ?1 ORDER BY agreement_id, reference",
            )
            .map_err(db)?;
        let rows = stmt
            .query_map(params![agreement_id], |r| {
                Ok(MandateRow {
                    agreement_id: r.get(0)?,
                    reference: r.get(1)?,
                    status: r.get(2)?,
                    registered: r.get(3)?,
                    blocked_seen: opt_date(r.get::<_, Option<String>>(4)?.as_deref())?,
                })
            })
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }

    fn put_mandate(&mut self, m: &MandateRow) -> Result<(), BookError> {
        self.0
            .prepare_cached(
                "INSERT OR REPLACE INTO mandates
                 (agreement_id, reference, status, registered, blocked_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .map_err(db)?
            .execute(params![
                m.agreement_id,
                m.reference,
                m.status,
                m.registered,
                m.blocked_seen.map(|d| d.to_string())
            ])
            .map_err(db)?;
        Ok(())
    }

    fn blocked_seen(&mut self) -> Result<Vec<(u32, String, Date)>, BookError> {
        let mut stmt = self
            .0
            .prepare_cached(
                "SELECT agreement_id, reference, blocked_seen FROM mandates
                 WHERE blocked_seen IS NOT NULL",
            )
            .map_err(db)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, date(&r.get::<_, String>(2)?)?))
            })
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }

    fn handle_claim(&mut self, id: i64, h: &Handled) -> Result<(), BookError> {
        self.0
            .prepare_cached(
                "UPDATE claims SET status = 'handled', handled_on = ?2, handled_by = ?3,
                 handled_why = ?4 WHERE id = ?1",
            )
            .map_err(db)?
            .execute(params![id, h.on.to_string(), h.by, h.why])
            .map_err(db)?;
        Ok(())
    }

    fn add_replacement(&mut self, r: &Replacement) -> Result<(), BookError> {
        self.0
            .prepare_cached(
                "INSERT INTO replacements (file_id, agreement_id, own_reference, replaces)
                 VALUES (?1, ?2, ?3, ?4)",
            )
            .map_err(db)?
            .execute(params![
                r.file_id,
                r.agreement_id,
                r.own_reference,
                r.replaces
            ])
            .map_err(db)?;
        Ok(())
    }

    fn replacements(&mut self, file_id: i64) -> Result<Vec<Replacement>, BookError> {
        let mut stmt = self
            .0
            .prepare_cached(
                "SELECT file_id, agreement_id, own_reference, replaces FROM replacements
                 WHERE file_id = ?1 ORDER BY rowid",
            )
            .map_err(db)?;
        let rows = stmt
            .query_map(params![file_id], |r| {
                Ok(Replacement {
                    file_id: r.get(0)?,
                    agreement_id: r.get(1)?,
                    own_reference: r.get(2)?,
                    replaces: r.get(3)?,
                })
            })
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }

    fn rejected_by_own_reference(
        &mut self,
        agreement_id: u32,
        own_reference: &str,
    ) -> Result<Vec<ClaimRow>, BookError> {
        let mut stmt = self
            .0
            .prepare_cached(&format!(
                "SELECT {CLAIM_COLUMNS} FROM claims WHERE agreement_id = ?1
                 AND own_reference = ?2 AND status = 'rejected' ORDER BY id"
            ))
            .map_err(db)?;
        let rows = stmt
            .query_map(params![agreement_id, own_reference], claim_row)
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Show;
    use time::macros::date;

    /// A book of schema 1 with a file sent, numbers reserved, a claim of each status and a
    /// mandate opens, after `book init`, as schema 3 with every row where it was: the reserved
    /// numbers as the state `reserved` without a hash.
    #[test]
    fn a_book_of_schema_1_is_migrated_with_its_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch(
            "INSERT INTO files VALUES (1, 'abc', 'c1.txt', 'to-mps', 12345, 8080, 1, 'sent', '2026-03-16');
             INSERT INTO files VALUES (2, 'reserved 12345 2', '', 'to-mps', 12345, 8080, 2, 'prepared', '2026-03-20');
             INSERT INTO files VALUES (3, 'def', 'a1.txt', 'from-mps', 8080, 12345, 7, 'answer', '2026-04-10');
             INSERT INTO claims VALUES (1, 1, 56789, 1, 1, '      12345', '', 1000, '2026-04-10', '', 'A', '', 'settled', '2026-04-15', '2026-04-10', NULL, 3);
             INSERT INTO claims VALUES (2, 1, 56789, 1, 2, '      12345', '', 2000, '2026-04-10', '', 'B', '', 'rejected', '2026-04-15', '2026-04-10', 131, 3);
             INSERT INTO claims VALUES (3, 1, 56789, 1, 3, '      12345', '', 3000, '2026-04-20', '', 'C', '', 'sent', '2026-04-23', NULL, NULL, NULL);
             INSERT INTO totals VALUES ('settled', 1, 1000), ('rejected', 1, 2000), ('sent', 1, 3000);
             PRAGMA user_version = 1;",
        )
        .unwrap();
        drop(conn);
        let err = crate::Book::open(&path).unwrap_err();
        assert!(
            matches!(
                err,
                BookError::Older {
                    found: 1,
                    known: VERSION
                }
            ),
            "{err}"
        );

        let mut book = crate::Book::init(&path).unwrap();
        let status = book.status(date!(2026 - 05 - 01), Show::All, None).unwrap();
        let claims: Vec<(i64, ClaimStatus, bool)> = status
            .claims
            .iter()
            .map(|c| (c.id, c.status, c.outstanding))
            .collect();
        assert_eq!(
            claims,
            [
                (1, ClaimStatus::Settled, false),
                (2, ClaimStatus::Rejected, false),
                (3, ClaimStatus::Sent, true)
            ]
        );
        assert_eq!(status.count(ClaimStatus::Rejected), 1);
        let export = book.export().unwrap();
        let files: Vec<(Option<&str>, FileState)> = export
            .files
            .iter()
            .map(|f| (f.sha256.as_deref(), f.state))
            .collect();
        assert_eq!(
            files,
            [
                (Some("abc"), FileState::Sent),
                (None, FileState::Reserved),
                (Some("def"), FileState::Answer)
            ]
        );
        // The constraints hold: a status the program does not know is refused.
        let conn = Connection::open(&path).unwrap();
        assert!(
            conn.execute("UPDATE claims SET status = 'outstanding' WHERE id = 3", [])
                .is_err()
        );
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, VERSION);
        // New rows go after the old ones.
        let next = book
            .prepare(12345, date!(2026 - 05 - 01), |p| {
                Ok::<_, BookError>(crate::Made::Nothing(p.transmission()))
            })
            .unwrap();
        assert_eq!(next, 3);
    }
}
