//! The book in SQLite: one file, write-ahead log, a busy timeout so that processes take turns,
//! the schema versioned by `PRAGMA user_version` and migrated forward; a book written by a newer
//! version is refused. The book's statements are `tx.rs`'s; here is what SQLite does its own
//! way ([`Conn`]).

use std::path::Path;
use std::time::Duration;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{CachedStatement, Connection, OptionalExtension, TransactionBehavior};

use crate::BookError;
use crate::db::{Bulk, Columns, Conn, Each, Tidy, Value, write_stored_date};
use crate::schema::{VERSION, giro_tables, schema};
use crate::sql::Dialect;
use crate::store::{Store, Tx};

/// The migrations of books made by earlier versions, in order: migration `i` takes the schema
/// from version `i` to `i + 1`. A new book is made from [`schema`] at once.
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
    // 5: replacements in the order recorded by a column of their own, as in PostgreSQL
    // (they were read in the order of SQLite's hidden `rowid`).
    "CREATE TABLE replacements_v5 (
        seq INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES files (id),
        agreement_id INTEGER NOT NULL,
        own_reference TEXT NOT NULL,
        replaces TEXT NOT NULL
    );
    INSERT INTO replacements_v5 SELECT rowid, file_id, agreement_id, own_reference, replaces
        FROM replacements ORDER BY rowid;
    DROP TABLE replacements;
    ALTER TABLE replacements_v5 RENAME TO replacements;
    CREATE INDEX replacements_file ON replacements (file_id);",
    // 6: the tables of AvtaleGiro and OCR giro, `schema::GIRO_TABLES` (written once for
    // both backends and a new book), run after these by the migration.
    // 7: nothing in SQLite, whose claims keep their foreign keys (PostgreSQL's name their
    // files through triggers, `schema::CLAIM_FILES`).
];

/// The size of a new book's pages, where SQLite's default is 4 096: a million claims sent and
/// answered, three alternated rounds against 4 KiB pages, 4.59-4.90 s against 4.85-5.13 s for
/// the file sent and 8.49-8.88 s against 9.05-9.86 s for the answer, for 4 MiB more at the
/// answer's peak (16 KiB pages did no better, for 7 MiB more: docs/performance.md).
const PAGE_BYTES: i64 = 8192;

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
        // Before the write-ahead log, which fixes the size of a new book's pages; a book made
        // before keeps its own.
        conn.pragma_update(None, "page_size", PAGE_BYTES)
            .map_err(db)?;
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
        if found == 0 {
            tx.execute_batch(&schema(Dialect::Sqlite)).map_err(db)?;
        } else {
            for sql in MIGRATIONS.iter().skip(found as usize) {
                tx.execute_batch(sql).map_err(db)?;
            }
            // 6 (after the history above).
            if found < 6 {
                tx.execute_batch(&giro_tables(Dialect::Sqlite))
                    .map_err(db)?;
            }
        }
        tx.pragma_update(None, "user_version", VERSION)
            .map_err(db)?;
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
        f: impl FnOnce(&mut Tx<'_>) -> Result<(T, bool), BookError>,
    ) -> Result<T, BookError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)?;
        let (value, commit) = f(&mut Tx(&mut SqliteConn(&tx)))?;
        if commit {
            tx.commit().map_err(db)?;
        } else {
            tx.rollback().map_err(db)?;
        }
        Ok(value)
    }

    fn read<T>(
        &mut self,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T, BookError>,
    ) -> Result<T, BookError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(db)?;
        let value = f(&mut Tx(&mut SqliteConn(&tx)))?;
        tx.finish().map_err(db)?;
        Ok(value)
    }
}

/// The connection inside a transaction. Statements are prepared once per connection
/// (rusqlite's cache); a row read may write meanwhile, as SQLite allows.
pub(crate) struct SqliteConn<'a>(pub(crate) &'a Connection);

impl rusqlite::ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match *self {
            Self::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Self::Int(v) => ToSqlOutput::Borrowed(ValueRef::Integer(v)),
            Self::Text(v) => ToSqlOutput::Borrowed(ValueRef::Text(v.as_bytes())),
            // As text, `YYYY-MM-DD`, which sorts as the dates do.
            Self::Date(d) => {
                let mut text = String::with_capacity(10);
                write_stored_date(&mut text, d);
                ToSqlOutput::Owned(rusqlite::types::Value::Text(text))
            }
        })
    }
}

impl Columns for rusqlite::Row<'_> {
    fn value(&self, i: usize) -> Result<Value<'_>, BookError> {
        match self.get_ref(i).map_err(db)? {
            ValueRef::Null => Ok(Value::Null),
            ValueRef::Integer(v) => Ok(Value::Int(v)),
            ValueRef::Text(t) => std::str::from_utf8(t)
                .map(Value::Text)
                .map_err(|e| BookError::Corrupt(format!("column {i}: {e}"))),
            ValueRef::Real(_) | ValueRef::Blob(_) => Err(BookError::Corrupt(format!(
                "column {i}: a number with a fraction or bytes, which the book never writes"
            ))),
        }
    }
}

/// How many rows one statement of [`SqliteBulk`] inserts: SQLite runs a statement in the
/// process, with no round trip to save, but each one started and ended costs (`perf` of a
/// million claims in one-row statements: 5 % in ending them, 6 % in binding). A file sent of
/// a million in 0.95 of the time of one-row statements (docs/performance.md). 64 rows of the
/// widest table (17 columns) are 1 088 values, far within SQLite's 32 766.
const BULK_ROWS: usize = 64;

/// A value of a row waiting in [`SqliteBulk`]: text as its place in the bulk's buffer.
#[derive(Debug, Clone, Copy)]
enum Held {
    Null,
    Int(i64),
    Text(usize, usize),
}

/// Rows inserted [`BULK_ROWS`] a statement, the last few by a statement of as many. The
/// rows waiting are held in one buffer of text, whatever their number of values.
struct SqliteBulk<'s> {
    conn: &'s Connection,
    full: Option<CachedStatement<'s>>,
    table: String,
    columns: String,
    width: usize,
    held: Vec<Held>,
    text: String,
}

impl SqliteBulk<'_> {
    /// `INSERT INTO table (columns) VALUES (?1, …), …` of `rows` rows.
    fn sql(&self, rows: usize) -> String {
        use std::fmt::Write as _;
        let mut sql = format!("INSERT INTO {} ({}) VALUES ", self.table, self.columns);
        for r in 0..rows {
            sql.push_str(if r == 0 { "(" } else { ", (" });
            for c in 0..self.width {
                let _ = write!(
                    sql,
                    "{}?{}",
                    if c > 0 { ", " } else { "" },
                    r * self.width + c + 1
                );
            }
            sql.push(')');
        }
        sql
    }

    /// Inserts the rows held, and forgets them.
    fn flush(&mut self) -> Result<(), BookError> {
        let rows = self.held.len() / self.width.max(1);
        if rows == 0 {
            return Ok(());
        }
        // The full statement is prepared once a bulk (and kept in the connection's cache);
        // the last few rows' once.
        if rows < BULK_ROWS {
            let mut few = self.conn.prepare(&self.sql(rows)).map_err(db)?;
            self.run(&mut few)?;
        } else {
            let mut full = match self.full.take() {
                Some(full) => full,
                None => self.conn.prepare_cached(&self.sql(rows)).map_err(db)?,
            };
            self.run(&mut full)?;
            self.full = Some(full);
        }
        self.held.clear();
        self.text.clear();
        Ok(())
    }

    /// Runs `stmt`, its places bound to the rows held.
    fn run(&self, stmt: &mut rusqlite::Statement<'_>) -> Result<(), BookError> {
        for (i, held) in self.held.iter().enumerate() {
            let value = match *held {
                Held::Null => ValueRef::Null,
                Held::Int(v) => ValueRef::Integer(v),
                Held::Text(from, to) => ValueRef::Text(
                    self.text
                        .as_bytes()
                        .get(from..to)
                        .ok_or_else(|| BookError::Storage("a value lost in bulk".to_owned()))?,
                ),
            };
            stmt.raw_bind_parameter(i + 1, ToSqlOutput::Borrowed(value))
                .map_err(db)?;
        }
        stmt.raw_execute().map_err(db)?;
        Ok(())
    }
}

impl Bulk for SqliteBulk<'_> {
    fn row(&mut self, values: &[Value<'_>]) -> Result<(), BookError> {
        if values.len() != self.width {
            return Err(BookError::Storage(format!(
                "{} values for the {} columns of {}",
                values.len(),
                self.width,
                self.table
            )));
        }
        for v in values {
            self.held.push(match *v {
                Value::Null => Held::Null,
                Value::Int(v) => Held::Int(v),
                Value::Text(t) => {
                    let from = self.text.len();
                    self.text.push_str(t);
                    Held::Text(from, self.text.len())
                }
                // As text, `YYYY-MM-DD`, which sorts as the dates do.
                Value::Date(d) => {
                    let from = self.text.len();
                    write_stored_date(&mut self.text, d);
                    Held::Text(from, self.text.len())
                }
            });
        }
        if self.held.len() >= BULK_ROWS * self.width {
            self.flush()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), BookError> {
        self.flush()
    }
}

impl Conn for SqliteConn<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn execute(&mut self, sql: &str, args: &[Value<'_>]) -> Result<(), BookError> {
        self.0
            .prepare_cached(sql)
            .and_then(|mut s| s.execute(rusqlite::params_from_iter(args)))
            .map_err(db)?;
        Ok(())
    }

    fn query(
        &mut self,
        sql: &str,
        args: &[Value<'_>],
        each: &mut Each<'_>,
    ) -> Result<(), BookError> {
        let mut stmt = self.0.prepare_cached(sql).map_err(db)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args)).map_err(db)?;
        let mut conn = SqliteConn(self.0);
        while let Some(row) = rows.next().map_err(db)? {
            each(row, &mut conn)?;
        }
        Ok(())
    }

    fn bulk<'s>(
        &'s mut self,
        table: &str,
        columns: &[&str],
    ) -> Result<Box<dyn Bulk + 's>, BookError> {
        Ok(Box::new(SqliteBulk {
            conn: self.0,
            full: None,
            table: table.to_owned(),
            columns: columns.join(", "),
            width: columns.len(),
            held: Vec::new(),
            text: String::new(),
        }))
    }

    fn sorting(&mut self, on: bool) -> Result<(), BookError> {
        let kib = if on { SORTING_KIB } else { CACHE_KIB };
        self.0.pragma_update(None, "cache_size", -kib).map_err(db)
    }

    fn tidy(&mut self, _: Tidy) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::states::{ClaimStatus, FileState};
    use crate::{Book, Show};
    use time::macros::date;

    /// Every table's columns (name, type, not null, default, key), indexes (as written) and
    /// foreign keys, and the tables' CHECK constraints by name, of the book at `path`.
    fn tables(path: &Path) -> Vec<String> {
        let conn = Connection::open(path).unwrap();
        let mut out = Vec::new();
        let names: Vec<(String, String, Option<String>)> = conn
            .prepare(
                "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'
                 ORDER BY type, name",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (kind, name, sql) in names {
            let sql = sql.unwrap_or_default();
            if kind == "index" {
                out.push(sql.split_whitespace().collect::<Vec<_>>().join(" "));
                continue;
            }
            let checks: Vec<&str> = sql
                .split("CONSTRAINT ")
                .skip(1)
                .filter_map(|c| c.split_whitespace().next())
                .collect();
            out.push(format!("{name}: constraints {checks:?}"));
            for pragma in ["table_info", "foreign_key_list"] {
                let mut stmt = conn
                    .prepare(&format!("SELECT * FROM pragma_{pragma}('{name}')"))
                    .unwrap();
                let n = stmt.column_count();
                let rows: Vec<String> = stmt
                    .query_map([], |r| {
                        let cells: Vec<String> = (0..n)
                            .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                            .collect();
                        Ok(format!("{name} {pragma}: {}", cells.join(" ")))
                    })
                    .unwrap()
                    .collect::<Result<_, _>>()
                    .unwrap();
                out.extend(rows);
            }
        }
        out
    }

    /// The claims answered by a round of matching are found from the decisions, each by its
    /// id, not by going through every claim of the book; those not decided are left as they
    /// were.
    #[test]
    fn the_claims_answered_are_looked_up_from_the_decisions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.db");
        drop(Sqlite::open(&path, true).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO files (id, sha256, name, direction, sender, recipient,
             transmission_number, state, read_on)
             VALUES (1, 'x', 'sent.txt', 'to-mps', 1, 8080, 1, 'sent', '2026-01-10');
             WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 100)
             INSERT INTO claims (file_id, agreement_id, assignment_number, transaction_number,
             payer, kid, amount_ore, due_date, short_name, own_reference, foreign_reference,
             status, answer_due)
             SELECT 1, 1, 1, k, printf('%011d', k), '', 100, '2026-01-15', '', '', '', 'sent',
             '2026-01-20' FROM n;",
        )
        .unwrap();
        for sql in Dialect::Sqlite.decided_tables() {
            conn.execute_batch(&sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO decided_answers SELECT id, 'settled', '2026-01-15', NULL, 1, 'exact'
             FROM claims WHERE id % 2 = 0",
        )
        .unwrap();
        let mut updates = 0;
        for sql in Dialect::Sqlite.apply_decided() {
            if sql.starts_with("UPDATE claims") {
                let plan: Vec<String> = conn
                    .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                    .unwrap()
                    .query_map([], |r| r.get(3))
                    .unwrap()
                    .collect::<Result<_, _>>()
                    .unwrap();
                let plan = plan.join("\n");
                assert!(
                    plan.contains("SEARCH claims USING INTEGER PRIMARY KEY"),
                    "{plan}"
                );
                assert!(!plan.contains("SCAN claims"), "{plan}");
                updates += 1;
            }
            conn.execute_batch(sql).unwrap();
        }
        assert_eq!(updates, 1);
        let counts: Vec<(String, i64)> = conn
            .prepare("SELECT status, COUNT(*) FROM claims GROUP BY status ORDER BY status")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            counts,
            [("sent".to_owned(), 50), ("settled".to_owned(), 50)]
        );
        let odd: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM claims WHERE id % 2 = 1 AND processing_date IS NULL
                 AND matched_by IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(odd, 50);
    }

    /// Rows written in bulk are all in the table, in the order written, with their values:
    /// full statements of [`BULK_ROWS`] and the few rows after them alike; a row of the wrong
    /// width is refused.
    #[test]
    fn rows_in_bulk_land_in_order() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT, d TEXT)")
            .unwrap();
        let mut c = SqliteConn(&conn);
        for rows in [0, 1, BULK_ROWS, 2 * BULK_ROWS + 5] {
            conn.execute_batch("DELETE FROM t").unwrap();
            let mut bulk = c.bulk("t", &["n", "s", "d"]).unwrap();
            for i in 0..rows {
                let i = i64::try_from(i).unwrap();
                let text = "é".repeat(usize::try_from(i % 3).unwrap());
                let day = (i % 2 == 0).then_some(date!(2026 - 03 - 01));
                bulk.row(&[Value::Int(i), Value::Text(&text), day.into()])
                    .unwrap();
            }
            bulk.finish().unwrap();
            let mut stmt = conn.prepare("SELECT n, s, d FROM t ORDER BY id").unwrap();
            let read: Vec<(i64, String, Option<String>)> = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert_eq!(read.len(), rows);
            for (i, (n, s, d)) in read.into_iter().enumerate() {
                assert_eq!(n, i64::try_from(i).unwrap());
                assert_eq!(s, "é".repeat(i % 3));
                assert_eq!(d.as_deref(), (i % 2 == 0).then_some("2026-03-01"));
            }
        }
        let mut bulk = c.bulk("t", &["n", "s"]).unwrap();
        assert!(bulk.row(&[Value::Int(1)]).is_err());
    }

    #[test]
    fn a_book_migrated_from_schema_1_has_the_tables_of_a_new_one() {
        let dir = tempfile::tempdir().unwrap();
        let (old, new) = (dir.path().join("old.db"), dir.path().join("new.db"));
        let conn = Connection::open(&old).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        drop(conn);
        Book::init(&old).unwrap();
        Book::init(&new).unwrap();
        // A new book's pages are `PAGE_BYTES`; a book made before keeps SQLite's default.
        let page = |path: &Path| -> i64 {
            Connection::open(path)
                .unwrap()
                .pragma_query_value(None, "page_size", |r| r.get(0))
                .unwrap()
        };
        assert_eq!((page(&old), page(&new)), (4096, PAGE_BYTES));
        let migrated = tables(&old);
        assert!(migrated.len() > 30, "{migrated:#?}");
        // The constraints a new book names, a migrated book has without names (SQLite
        // cannot add a constraint to a table made): compared apart from them.
        let unnamed = |t: Vec<String>| -> Vec<String> {
            t.into_iter()
                .filter(|l| !l.contains(": constraints"))
                .collect()
        };
        assert_eq!(unnamed(migrated), unnamed(tables(&new)));
    }

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
