//! The book in PostgreSQL, for payees whose billing runs on more than one machine. The same
//! tables and statements as the SQLite backend (`schema.rs`, `tx.rs`); writes are serialised
//! by a transaction-scoped advisory lock, so that numbers taken from two servers at the same
//! moment are never the same; the schema is versioned in `schema_version` and a newer one is
//! refused. TLS when the URL asks for it (`sslmode=require`), with the system's root
//! certificates. Here is what PostgreSQL does its own way ([`Conn`]): placeholders `$N`,
//! values encoded in each column's own type, rows written by binary `COPY`, long queries read
//! through a portal.

use std::collections::HashMap;
use std::error::Error;
use std::sync::Arc;

use bytes::BytesMut;
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};
use postgres::{Client, IsolationLevel, Statement};

use crate::BookError;
use crate::db::{Bulk, Columns, Conn, Each, Tidy, Value};
use crate::schema::{CLAIM_FILES, GIRO_ROWS, VERSION, giro_tables, schema};
use crate::sql::Dialect;
use crate::store::{Store, Tx};

/// The migrations of books made by earlier versions, in order: migration `i` takes the schema
/// from version `i` to `i + 1`. A new book is made from [`schema`] at once.
const MIGRATIONS: &[&str] = &[
    // 1: files, assignment numbers, claims, mandates, totals.
    "CREATE TABLE files (
        id BIGSERIAL PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        direction TEXT NOT NULL,
        sender BIGINT NOT NULL,
        recipient BIGINT NOT NULL,
        transmission_number BIGINT NOT NULL,
        state TEXT NOT NULL,
        read_on TEXT NOT NULL
    );
    CREATE INDEX files_transmission ON files (direction, sender, transmission_number);
    CREATE TABLE assignments (
        file_id BIGINT NOT NULL REFERENCES files (id),
        agreement_id BIGINT NOT NULL,
        number BIGINT NOT NULL,
        used_on TEXT NOT NULL
    );
    CREATE INDEX assignments_number ON assignments (agreement_id, number);
    CREATE TABLE claims (
        id BIGSERIAL PRIMARY KEY,
        file_id BIGINT NOT NULL REFERENCES files (id),
        agreement_id BIGINT NOT NULL,
        assignment_number BIGINT NOT NULL,
        transaction_number BIGINT NOT NULL,
        payer TEXT NOT NULL,
        kid TEXT NOT NULL,
        amount_ore BIGINT NOT NULL,
        due_date TEXT NOT NULL,
        short_name TEXT NOT NULL,
        own_reference TEXT NOT NULL,
        foreign_reference TEXT NOT NULL,
        status TEXT NOT NULL,
        answer_due TEXT NOT NULL,
        processing_date TEXT,
        error_code INTEGER,
        answer_file_id BIGINT REFERENCES files (id)
    );
    CREATE INDEX claims_waiting ON claims (answer_due, agreement_id, amount_ore)
        WHERE status IN ('sent', 'retry');
    CREATE INDEX claims_rejected ON claims (processing_date) WHERE status = 'rejected';
    CREATE TABLE totals (
        status TEXT PRIMARY KEY,
        claims BIGINT NOT NULL,
        sum BIGINT NOT NULL
    );
    CREATE TABLE mandates (
        agreement_id BIGINT NOT NULL,
        reference TEXT NOT NULL,
        status TEXT NOT NULL,
        registered TEXT NOT NULL,
        PRIMARY KEY (agreement_id, reference)
    );",
    // 2: how each answer was matched; the answers that matched no claim, kept.
    "ALTER TABLE claims ADD COLUMN matched_by TEXT
        CHECK (matched_by IN ('own-reference', 'exact', 'window', 'hand'));
    CREATE TABLE unmatched (
        id BIGSERIAL PRIMARY KEY,
        file_id BIGINT NOT NULL REFERENCES files (id),
        agreement_id BIGINT NOT NULL,
        payer TEXT NOT NULL,
        kid TEXT NOT NULL,
        amount_ore BIGINT NOT NULL,
        processing_date TEXT NOT NULL,
        error_code INTEGER,
        short_name TEXT NOT NULL,
        own_reference TEXT NOT NULL,
        candidates BIGINT NOT NULL
    );
    CREATE INDEX unmatched_agreement ON unmatched (agreement_id);",
    // 3: the states as CHECK constraints; numbers reserved by `new` as the state `reserved`
    // without a hash (they had `reserved ...` in the hash's column); claims closed by hand,
    // the claims a new claim bills again, and MPS's 133 answers to a mandate's payer.
    "ALTER TABLE files ALTER COLUMN sha256 DROP NOT NULL;
    UPDATE files SET state = 'reserved', sha256 = NULL WHERE sha256 LIKE 'reserved %';
    ALTER TABLE files
        ADD CONSTRAINT files_direction CHECK (direction IN ('to-mps', 'from-mps')),
        ADD CONSTRAINT files_state CHECK (state IN ('reserved', 'prepared', 'sent', 'answer')),
        ADD CONSTRAINT files_reserved CHECK ((sha256 IS NULL) = (state = 'reserved'));
    ALTER TABLE claims
        ADD COLUMN handled_on TEXT,
        ADD COLUMN handled_by TEXT,
        ADD COLUMN handled_why TEXT,
        ADD CONSTRAINT claims_status
            CHECK (status IN ('sent', 'retry', 'settled', 'rejected', 'handled')),
        ADD CONSTRAINT claims_handled CHECK ((status = 'handled') = (handled_on IS NOT NULL));
    CREATE INDEX claims_rejected_own ON claims (agreement_id, own_reference)
        WHERE status = 'rejected';
    ALTER TABLE totals ADD CONSTRAINT totals_status
        CHECK (status IN ('sent', 'retry', 'settled', 'rejected', 'handled'));
    ALTER TABLE mandates
        ADD COLUMN blocked_seen TEXT,
        ADD CONSTRAINT mandates_status CHECK (status IN ('sent', 'active', 'deleted'));
    CREATE TABLE replacements (
        seq BIGSERIAL PRIMARY KEY,
        file_id BIGINT NOT NULL REFERENCES files (id),
        agreement_id BIGINT NOT NULL,
        own_reference TEXT NOT NULL,
        replaces TEXT NOT NULL
    );
    CREATE INDEX replacements_file ON replacements (file_id);",
    // 4: as SQLite's.
    "CREATE INDEX claims_payer ON claims (agreement_id, payer);
    DROP INDEX unmatched_agreement;
    CREATE INDEX unmatched_payer ON unmatched (agreement_id, payer);
    CREATE INDEX unmatched_file ON unmatched (file_id);",
    // 5: dates as `DATE` (they were text, `YYYY-MM-DD`); the constraint of migration 2
    // named as a new book's.
    "ALTER TABLE files ALTER COLUMN read_on TYPE DATE USING read_on::DATE;
    ALTER TABLE assignments ALTER COLUMN used_on TYPE DATE USING used_on::DATE;
    ALTER TABLE claims
        ALTER COLUMN due_date TYPE DATE USING due_date::DATE,
        ALTER COLUMN answer_due TYPE DATE USING answer_due::DATE,
        ALTER COLUMN processing_date TYPE DATE USING processing_date::DATE,
        ALTER COLUMN handled_on TYPE DATE USING handled_on::DATE;
    ALTER TABLE claims RENAME CONSTRAINT claims_matched_by_check TO claims_matched_by;
    ALTER TABLE unmatched ALTER COLUMN processing_date TYPE DATE USING processing_date::DATE;
    ALTER TABLE mandates ALTER COLUMN blocked_seen TYPE DATE USING blocked_seen::DATE;",
    // 6: the tables of AvtaleGiro and OCR giro, `schema::GIRO_TABLES` (written once for
    // both backends and a new book), run after these by the migration.
    // 7: the claims name their files through triggers, `schema::CLAIM_FILES`, in place of
    // their foreign keys, after the tables of 6 ([`CLAIM_FILES_FROM_KEYS`]).
    // 8: AvtaleGiro's claims and OCR giro's payments likewise, `schema::GIRO_ROWS`
    // ([`GIRO_ROWS_FROM_KEYS`]).
];

/// Migration 7: the claims' foreign keys dropped, [`CLAIM_FILES`] in their place.
const CLAIM_FILES_FROM_KEYS: &str = "ALTER TABLE claims DROP CONSTRAINT claims_file_id_fkey,
    DROP CONSTRAINT claims_answer_file_id_fkey;";

/// Migration 8: the foreign keys of AvtaleGiro's claims and OCR giro's payments dropped,
/// [`GIRO_ROWS`] in their place. A book that had not their tables yet made them without.
const GIRO_ROWS_FROM_KEYS: &str =
    "ALTER TABLE giro_claims DROP CONSTRAINT IF EXISTS giro_claims_file_id_fkey;
    ALTER TABLE payments DROP CONSTRAINT IF EXISTS payments_file_id_fkey,
    DROP CONSTRAINT IF EXISTS payments_claim_id_fkey;";

/// The advisory lock every writing transaction takes: one writer at a time, as in SQLite.
const WRITE_LOCK: i64 = 0x0061_7574_6f67_6972; // "autogir"

/// A book in a PostgreSQL database.
pub(crate) struct Postgres {
    client: Client,
}

impl std::fmt::Debug for Postgres {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Postgres")
    }
}

fn db(e: &postgres::Error) -> BookError {
    // The server's own words, when it said something ("db error" alone says nothing).
    match e.as_db_error() {
        Some(d) => BookError::Storage(format!("{e}: {}", d.message())),
        None => BookError::Storage(e.to_string()),
    }
}

/// A TLS connector with the system's root certificates, used when the URL asks for TLS.
fn tls() -> Result<tokio_postgres_rustls::MakeRustlsConnect, BookError> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls_native_certs::load_native_certs().certs {
        // A certificate the store cannot take is left out, as a browser would.
        let _ = roots.add(cert);
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| BookError::Storage(format!("TLS: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

impl Postgres {
    /// Connects to the database of `url`; makes and migrates the schema when `create`, else
    /// it must be there and of this version.
    pub(crate) fn open(url: &str, create: bool) -> Result<Self, BookError> {
        // TLS when the URL asks for it (`sslmode=require`, `verify-*`, `prefer`): reading the
        // system's roots costs a fifth of a second that a connection without TLS need not pay.
        let wants_tls = ["sslmode=require", "sslmode=verify", "sslmode=prefer"]
            .iter()
            .any(|m| url.contains(m));
        let client = if wants_tls {
            Client::connect(url, tls()?)
        } else {
            Client::connect(url, postgres::NoTls)
        }
        .map_err(|e| {
            BookError::Storage(format!(
                "cannot connect to {}: {e}",
                crate::shown_location(url)
            ))
        })?;
        let mut book = Self { client };
        book.migrate(create, url)?;
        Ok(book)
    }

    fn migrate(&mut self, create: bool, url: &str) -> Result<(), BookError> {
        let mut t = self.client.transaction().map_err(|e| db(&e))?;
        t.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .map_err(|e| db(&e))?;
        let exists: bool = t
            .query_one("SELECT to_regclass('schema_version') IS NOT NULL", &[])
            .map_err(|e| db(&e))?
            .get(0);
        let found = if exists {
            let v: i32 = t
                .query_one("SELECT version FROM schema_version", &[])
                .map_err(|e| db(&e))?
                .get(0);
            u32::try_from(v).unwrap_or(0)
        } else {
            if !create {
                return Err(BookError::NoBook(std::path::PathBuf::from(
                    crate::shown_location(url),
                )));
            }
            let tables: Vec<String> = t
                .query(
                    "SELECT table_name::TEXT FROM information_schema.tables
                     WHERE table_schema = current_schema() ORDER BY table_name LIMIT 5",
                    &[],
                )
                .map_err(|e| db(&e))?
                .iter()
                .map(|r| r.get(0))
                .collect();
            if !tables.is_empty() {
                return Err(BookError::NotABook {
                    location: crate::shown_location(url),
                    tables: tables.join(", "),
                });
            }
            t.batch_execute("CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (0);")
                .map_err(|e| db(&e))?;
            0
        };
        if found > VERSION {
            return Err(BookError::Newer {
                found,
                known: VERSION,
            });
        }
        if found < VERSION && !create {
            return Err(BookError::Older {
                found,
                known: VERSION,
            });
        }
        if found == 0 {
            t.batch_execute(&schema(Dialect::Postgres))
                .map_err(|e| db(&e))?;
        } else {
            for sql in MIGRATIONS.iter().skip(found as usize) {
                t.batch_execute(sql).map_err(|e| db(&e))?;
            }
            // 6, 7 and 8 (after the history above).
            if found < 6 {
                t.batch_execute(&giro_tables(Dialect::Postgres))
                    .map_err(|e| db(&e))?;
            }
            if found < 7 {
                t.batch_execute(CLAIM_FILES_FROM_KEYS)
                    .and_then(|()| t.batch_execute(CLAIM_FILES))
                    .map_err(|e| db(&e))?;
            }
            if found < 8 {
                t.batch_execute(GIRO_ROWS_FROM_KEYS)
                    .and_then(|()| t.batch_execute(GIRO_ROWS))
                    .map_err(|e| db(&e))?;
            }
        }
        let version = i32::try_from(VERSION).unwrap_or(i32::MAX);
        t.execute("UPDATE schema_version SET version = $1", &[&version])
            .map_err(|e| db(&e))?;
        t.commit().map_err(|e| db(&e))
    }
}

impl Store for Postgres {
    fn write_if<T>(
        &mut self,
        f: impl FnOnce(&mut Tx<'_>) -> Result<(T, bool), BookError>,
    ) -> Result<T, BookError> {
        let mut t = self.client.transaction().map_err(|e| db(&e))?;
        t.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .map_err(|e| db(&e))?;
        let mut conn = PgConn::new(&mut t);
        let (value, commit) = f(&mut Tx(&mut conn))?;
        let tidy = std::mem::take(&mut conn.tidy);
        if !commit {
            t.rollback().map_err(|e| db(&e))?;
            return Ok(value);
        }
        t.commit().map_err(|e| db(&e))?;
        // Outside the transaction (a vacuum cannot run inside one), once what it wrote is
        // in the book: a failure here loses nothing and is left to autovacuum. An index made
        // again locks out the queries of its table meanwhile (0.15 s after an answer to a
        // million), where a drop inside the import would have locked them out for all of it;
        // made again in one transaction, it is never left half made.
        for what in tidy {
            let sql = match what {
                Tidy::Table(table) => format!("VACUUM (ANALYZE) {table}"),
                Tidy::Index(index) => format!("REINDEX INDEX {index}"),
            };
            let _ = self.client.batch_execute(&sql);
        }
        Ok(value)
    }

    fn read<T>(
        &mut self,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T, BookError>,
    ) -> Result<T, BookError> {
        let mut t = self
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(|e| db(&e))?;
        let value = f(&mut Tx(&mut PgConn::new(&mut t)))?;
        t.commit().map_err(|e| db(&e))?;
        Ok(value)
    }
}

/// How many rows of a query are read at a time ([`Conn::query`]).
const QUERY_ROWS: i32 = 8192;

/// The wrong type for a value, which a statement of the book never asks for.
fn wrong_type(value: &Value<'_>, ty: &Type) -> Box<dyn Error + Sync + Send> {
    format!("{value:?} given for a value of type {ty}").into()
}

/// A value in the type the server asks for: an integer as `SMALLINT`, `INTEGER` or `BIGINT`
/// (a number too large for the column is an error, not a wrap), a date as `DATE`.
impl ToSql for Value<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        match *self {
            Self::Null => Ok(IsNull::Yes),
            Self::Int(v) if *ty == Type::INT8 => v.to_sql(ty, out),
            Self::Int(v) if *ty == Type::INT4 => i32::try_from(v)?.to_sql(ty, out),
            Self::Int(v) if *ty == Type::INT2 => i16::try_from(v)?.to_sql(ty, out),
            Self::Text(v) if <&str as ToSql>::accepts(ty) => v.to_sql(ty, out),
            Self::Date(v) if *ty == Type::DATE => v.to_sql(ty, out),
            _ => Err(wrong_type(self, ty)),
        }
    }

    fn accepts(_: &Type) -> bool {
        // Each value checks its type as it is written.
        true
    }

    to_sql_checked!();
}

/// A value as the server sent it: integers of every width and truths as `Int`.
impl<'a> FromSql<'a> for Value<'a> {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn Error + Sync + Send>> {
        if *ty == Type::INT8 {
            Ok(Self::Int(i64::from_sql(ty, raw)?))
        } else if *ty == Type::INT4 {
            Ok(Self::Int(i32::from_sql(ty, raw)?.into()))
        } else if *ty == Type::INT2 {
            Ok(Self::Int(i16::from_sql(ty, raw)?.into()))
        } else if *ty == Type::BOOL {
            Ok(Self::Int(bool::from_sql(ty, raw)?.into()))
        } else if *ty == Type::DATE {
            Ok(Self::Date(time::Date::from_sql(ty, raw)?))
        } else {
            Ok(Self::Text(<&str>::from_sql(ty, raw)?))
        }
    }

    fn from_sql_null(_: &Type) -> Result<Self, Box<dyn Error + Sync + Send>> {
        Ok(Self::Null)
    }

    fn accepts(ty: &Type) -> bool {
        [Type::INT8, Type::INT4, Type::INT2, Type::BOOL, Type::DATE].contains(ty)
            || <&str as FromSql>::accepts(ty)
    }
}

impl Columns for postgres::Row {
    fn value(&self, i: usize) -> Result<Value<'_>, BookError> {
        self.try_get(i)
            .map_err(|e| BookError::Corrupt(format!("column {i}: {e}")))
    }
}

/// A transaction, with the statements it prepared (parsed by the server once per
/// transaction, not once per use) and the types of the columns it copied into.
struct PgConn<'a, 'b> {
    t: &'a mut postgres::Transaction<'b>,
    prepared: HashMap<String, Statement>,
    types: HashMap<String, Vec<Type>>,
    /// What to tidy once committed ([`Conn::tidy`]).
    tidy: Vec<Tidy>,
}

impl<'a, 'b> PgConn<'a, 'b> {
    fn new(t: &'a mut postgres::Transaction<'b>) -> Self {
        Self {
            t,
            prepared: HashMap::new(),
            types: HashMap::new(),
            tidy: Vec::new(),
        }
    }

    /// The statement of `sql` (placeholders `?N`), prepared once.
    fn statement(&mut self, sql: &str) -> Result<Statement, BookError> {
        if let Some(s) = self.prepared.get(sql) {
            return Ok(s.clone());
        }
        let s = self
            .t
            .prepare(&Dialect::Postgres.sql(sql))
            .map_err(|e| db(&e))?;
        self.prepared.insert(sql.to_owned(), s.clone());
        Ok(s)
    }
}

fn params<'v>(args: &'v [Value<'_>]) -> Vec<&'v (dyn ToSql + Sync)> {
    args.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

/// Rows copied in `COPY`'s binary format, each value in its column's type.
struct PgBulk<'s> {
    writer: BinaryCopyInWriter<'s>,
    columns: usize,
}

impl Bulk for PgBulk<'_> {
    fn row(&mut self, values: &[Value<'_>]) -> Result<(), BookError> {
        if values.len() != self.columns {
            return Err(BookError::Storage(format!(
                "{} values for {} columns",
                values.len(),
                self.columns
            )));
        }
        self.writer.write(&params(values)).map_err(|e| db(&e))
    }

    fn finish(self: Box<Self>) -> Result<(), BookError> {
        self.writer.finish().map_err(|e| db(&e))?;
        Ok(())
    }
}

impl Conn for PgConn<'_, '_> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn execute(&mut self, sql: &str, args: &[Value<'_>]) -> Result<(), BookError> {
        if args.is_empty() {
            // Statements without values (a table made, a set applied) in one round trip.
            return self.t.batch_execute(sql).map_err(|e| db(&e));
        }
        let statement = self.statement(sql)?;
        self.t
            .execute(&statement, &params(args))
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn query(
        &mut self,
        sql: &str,
        args: &[Value<'_>],
        each: &mut Each<'_>,
    ) -> Result<(), BookError> {
        let statement = self.statement(sql)?;
        // A portal read a few thousand rows at a time: the rows of a query of millions are
        // never all in memory, and the reader may write between them.
        let portal = self.t.bind(&statement, &params(args)).map_err(|e| db(&e))?;
        loop {
            let rows = self
                .t
                .query_portal(&portal, QUERY_ROWS)
                .map_err(|e| db(&e))?;
            for row in &rows {
                each(row, self)?;
            }
            if rows.len() < QUERY_ROWS as usize {
                return Ok(());
            }
        }
    }

    fn bulk<'s>(
        &'s mut self,
        table: &str,
        columns: &[&str],
    ) -> Result<Box<dyn Bulk + 's>, BookError> {
        let columns = columns.join(", ");
        let key = format!("{table} ({columns})");
        let types = if let Some(types) = self.types.get(&key) {
            types.clone()
        } else {
            let probe = format!("SELECT {columns} FROM {table} LIMIT 0");
            let types: Vec<Type> = self
                .t
                .prepare(&probe)
                .map_err(|e| db(&e))?
                .columns()
                .iter()
                .map(|c| c.type_().clone())
                .collect();
            self.types.insert(key.clone(), types.clone());
            types
        };
        let copy = format!("COPY {key} FROM STDIN (FORMAT binary)");
        let writer = self.t.copy_in(&copy).map_err(|e| db(&e))?;
        Ok(Box::new(PgBulk {
            columns: types.len(),
            writer: BinaryCopyInWriter::new(writer, &types),
        }))
    }

    fn sorting(&mut self, _: bool) -> Result<(), BookError> {
        // The server's `work_mem` bounds its sorts.
        Ok(())
    }

    fn tidy(&mut self, what: Tidy) {
        if !self.tidy.contains(&what) {
            self.tidy.push(what);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Show;
    use crate::states::{ClaimStatus, FileState};
    use time::macros::date;

    /// Makes the database of `url` a book of schema 1, as the first version wrote it; a client
    /// of it.
    fn schema_1(url: &str) -> Client {
        let mut client = Client::connect(url, postgres::NoTls).unwrap();
        client
            .batch_execute(
                "CREATE TABLE schema_version (version INTEGER NOT NULL);
                 INSERT INTO schema_version VALUES (1);",
            )
            .unwrap();
        client.batch_execute(MIGRATIONS[0]).unwrap();
        client
    }

    /// Every table's columns (position, type, nullable, default), indexes (as the server
    /// writes them) and constraints (name, kind, definition) in the database of `url`.
    fn tables(url: &str) -> Vec<String> {
        let mut client = Client::connect(url, postgres::NoTls).unwrap();
        let queries = [
            "SELECT table_name || '.' || column_name || ' ' || ordinal_position || ' '
             || data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '')
             FROM information_schema.columns WHERE table_schema = current_schema()
             ORDER BY table_name, ordinal_position",
            "SELECT indexname || ': ' || indexdef FROM pg_indexes
             WHERE schemaname = current_schema() ORDER BY indexname",
            "SELECT conrelid::regclass::TEXT || ' ' || conname || ' ' || contype::TEXT || ' '
             || pg_get_constraintdef(oid) FROM pg_constraint
             WHERE connamespace = current_schema()::regnamespace ORDER BY 1",
            "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1",
            "SELECT proname || ': ' || prosrc FROM pg_proc
             WHERE pronamespace = current_schema()::regnamespace ORDER BY 1",
        ];
        queries
            .iter()
            .flat_map(|q| client.query(*q, &[]).unwrap())
            .map(|r| r.get::<_, String>(0))
            .collect()
    }

    /// `t` written out and imported into `book` as the file `name`, read on 10 January 2026.
    fn import(
        book: &mut crate::Book,
        name: &str,
        t: &autogiro_model::Transmission,
    ) -> crate::Imported {
        let mut bytes = Vec::new();
        t.write(&mut bytes).unwrap();
        let options = autogiro_model::ReadOptions::new();
        book.import(
            name,
            std::io::Cursor::new(bytes),
            date!(2026 - 01 - 10),
            &options,
        )
        .unwrap()
    }

    /// An import that wrote most of the book's claims leaves the table vacuumed and analyzed
    /// (`Conn::tidy`); one that wrote few of them does not.
    #[test]
    #[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
    fn an_import_of_many_claims_leaves_them_tidied() {
        let mut server = autogiro_testkit::Postgres::for_test();
        let url = server.database();
        let mut book = crate::Book::init_at(&url).unwrap();
        let mut client = Client::connect(&url, postgres::NoTls).unwrap();
        let vacuums = |client: &mut Client| -> i64 {
            client
                .query_one(
                    "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'claims'",
                    &[],
                )
                .unwrap()
                .get(0)
        };
        let (sent, answer) =
            autogiro_testkit::bench::claims_and_answer(20_000, date!(2026 - 02 - 20)).unwrap();
        for (name, t) in [("sent.txt", &sent), ("answer.txt", &answer)] {
            let before = vacuums(&mut client);
            import(&mut book, name, t);
            assert_eq!(vacuums(&mut client), before + 1, "{name}");
        }
        let before = vacuums(&mut client);
        let few = autogiro_testkit::transmissions::from_mps().unwrap();
        import(&mut book, "few.txt", &few);
        assert_eq!(vacuums(&mut client), before);
    }

    /// An answer to half the book's claims or more leaves the index of the claims waiting
    /// made again once committed (`Tidy::Index`): of the claims still waiting alone, in a page
    /// or two, where a vacuum would have left the few spread over the pages of all it held;
    /// an answer to few claims leaves it as it was.
    #[test]
    #[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
    fn a_large_answer_leaves_the_index_of_claims_waiting_made_again() {
        let mut server = autogiro_testkit::Postgres::for_test();
        let url = server.database();
        let mut book = crate::Book::init_at(&url).unwrap();
        let mut client = Client::connect(&url, postgres::NoTls).unwrap();
        let index = |client: &mut Client| -> (u32, i64) {
            let r = client
                .query_one(
                    "SELECT relfilenode, pg_relation_size('claims_waiting') FROM pg_class
                     WHERE relname = 'claims_waiting'",
                    &[],
                )
                .unwrap();
            (r.get(0), r.get(1))
        };
        let (sent, answer) =
            autogiro_testkit::bench::claims_and_answer(60_000, date!(2026 - 02 - 20)).unwrap();
        import(&mut book, "sent.txt", &sent);
        let (node, size) = index(&mut client);
        assert!(size > 16 * 8192, "{size}");
        let answered = import(&mut book, "answer.txt", &answer);
        assert_eq!(answered.answered, 59_940);
        let (again, small) = index(&mut client);
        assert_ne!(again, node);
        assert!(small <= 2 * 8192, "{small}");
        let waiting: i64 = client
            .query_one(
                "SELECT COUNT(*) FROM claims WHERE status IN ('sent', 'retry')",
                &[],
            )
            .unwrap()
            .get(0);
        assert_eq!(waiting, 60);
        import(
            &mut book,
            "few.txt",
            &autogiro_testkit::transmissions::from_mps().unwrap(),
        );
        assert_eq!(index(&mut client).0, again);
    }

    /// The claims a round answered are updated joined in the order of their ids, not through
    /// a hash of the decisions (which the server's `work_mem` cuts in batches that each go
    /// through the whole table again), and the planner is left as it was for the rest of the
    /// transaction.
    #[test]
    #[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
    fn the_claims_answered_are_updated_in_the_order_of_their_ids() {
        let mut server = autogiro_testkit::Postgres::for_test();
        let url = server.database();
        let mut book = crate::Book::init_at(&url).unwrap();
        let (sent, _) =
            autogiro_testkit::bench::claims_and_answer(40_000, date!(2026 - 02 - 20)).unwrap();
        import(&mut book, "sent.txt", &sent);
        let mut client = Client::connect(&url, postgres::NoTls).unwrap();
        let mut t = client.transaction().unwrap();
        for sql in Dialect::Postgres.decided_tables() {
            t.batch_execute(&sql).unwrap();
        }
        t.batch_execute(
            "INSERT INTO decided_answers SELECT id, 'settled', due_date, NULL, file_id, 'exact'
             FROM claims ORDER BY payer DESC",
        )
        .unwrap();
        let mut updates = 0;
        for sql in Dialect::Postgres.apply_decided() {
            if sql.starts_with("UPDATE claims") {
                let plan: Vec<String> = t
                    .query(&format!("EXPLAIN {sql}"), &[])
                    .unwrap()
                    .iter()
                    .map(|r| r.get(0))
                    .collect();
                let plan = plan.join("\n");
                assert!(!plan.contains("Hash"), "{plan}");
                updates += 1;
            }
            t.batch_execute(sql).unwrap();
        }
        assert_eq!(updates, 1);
        let settled: i64 = t
            .query_one("SELECT COUNT(*) FROM claims WHERE status = 'settled'", &[])
            .unwrap()
            .get(0);
        assert_eq!(settled, 40_000);
        let hash: String = t.query_one("SHOW enable_hashjoin", &[]).unwrap().get(0);
        assert_eq!(hash, "on");
    }

    /// A book of schema 1 migrated has the tables, columns, indexes and constraints of a new
    /// one, but for how two kinds of CHECK constraints are written (`IN` against `OR`).
    #[test]
    #[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
    fn a_book_migrated_from_schema_1_has_the_tables_of_a_new_one() {
        let mut server = autogiro_testkit::Postgres::for_test();
        let (old, new) = (server.database(), server.database());
        schema_1(&old);
        crate::Book::init_at(&old).unwrap();
        crate::Book::init_at(&new).unwrap();
        // A constraint's definition as a new book writes it (`IN` lists as `OR`s).
        let same = |lines: Vec<String>| -> Vec<String> {
            lines
                .into_iter()
                .map(|l| match l.split_once(" CHECK ") {
                    Some((head, _)) if l.contains(" c CHECK ") => head.to_owned(),
                    _ => l,
                })
                .collect()
        };
        let migrated = tables(&old);
        assert!(migrated.len() > 60, "{migrated:#?}");
        assert!(
            migrated.contains(&"claims.due_date 9 date NO ".to_owned()),
            "{migrated:#?}"
        );
        assert!(
            migrated
                .iter()
                .any(|l| l.contains("claims_updated_name_files")),
            "{migrated:#?}"
        );
        assert_eq!(same(migrated), same(tables(&new)));
    }

    /// A new book on `server` with three files (1 sent, 2 and 3 from MPS), and a client of it.
    fn book_of_three_files(server: &mut autogiro_testkit::Postgres) -> Client {
        let url = server.database();
        crate::Book::init_at(&url).unwrap();
        let mut client = Client::connect(&url, postgres::NoTls).unwrap();
        client
            .batch_execute(
                "INSERT INTO files VALUES (1, 'a', 'c.txt', 'to-mps', 1, 2, 1, 'sent', '2026-03-16'),
                 (2, 'b', 'a.txt', 'from-mps', 2, 1, 1, 'answer', '2026-03-20'),
                 (3, 'c', 'x.txt', 'from-mps', 2, 1, 2, 'answer', '2026-03-21');",
            )
            .unwrap();
        client
    }

    /// `sql` refused as a foreign key refuses it.
    fn refused(client: &mut Client, sql: &str) {
        let e = client.batch_execute(sql).unwrap_err();
        let e = e.as_db_error().unwrap();
        assert_eq!(
            e.code(),
            &postgres::error::SqlState::FOREIGN_KEY_VIOLATION,
            "{sql}"
        );
    }

    /// `rows` (text) by `copy` (`COPY … FROM STDIN`), as the book writes in bulk, refused as a
    /// foreign key refuses them.
    fn copy_refused(client: &mut Client, copy: &str, rows: &[u8]) {
        let mut writer = client.copy_in(copy).unwrap();
        std::io::Write::write_all(&mut writer, rows).unwrap();
        let e = writer.finish().unwrap_err();
        assert_eq!(
            e.as_db_error().unwrap().code(),
            &postgres::error::SqlState::FOREIGN_KEY_VIOLATION,
            "{copy}"
        );
    }

    /// A claim names a file of the book, by its triggers of schema 7 (`schema::CLAIM_FILES`):
    /// one naming a file not there is refused, written or changed, in a statement of one row or
    /// of many; a file claims name cannot be deleted nor renumbered; what refers to nothing
    /// goes.
    #[test]
    #[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
    fn a_claim_names_a_file_of_the_book() {
        let mut server = autogiro_testkit::Postgres::for_test();
        let mut client = book_of_three_files(&mut server);
        let claim = |file: i64| {
            format!(
                "INSERT INTO claims (file_id, agreement_id, assignment_number, transaction_number,
                 payer, kid, amount_ore, due_date, short_name, own_reference, foreign_reference,
                 status, answer_due) VALUES ({file}, 1, 1, 1, 'p', '', 100, '2026-04-01', '', '',
                 '', 'sent', '2026-04-06')"
            )
        };
        refused(&mut client, &claim(9));
        client.batch_execute(&claim(1)).unwrap();
        // Among many rows, one naming no file.
        refused(
            &mut client,
            &format!(
                "{}, (1, 1, 1, 2, 'p', '', 1, '2026-04-01', '', '', '', 'sent', '2026-04-06'), (8, 1, 1, 3, 'p', '', 1, '2026-04-01', '', '', '', 'sent', '2026-04-06')",
                claim(1)
            ),
        );
        // As the book writes claims: by `COPY`.
        copy_refused(
            &mut client,
            "COPY claims (file_id, agreement_id, assignment_number, transaction_number, payer,
             kid, amount_ore, due_date, short_name, own_reference, foreign_reference, status,
             answer_due) FROM STDIN",
            b"1\t1\t1\t4\tp\t\t1\t2026-04-01\t\t\t\tsent\t2026-04-06\n\
              9\t1\t1\t5\tp\t\t1\t2026-04-01\t\t\t\tsent\t2026-04-06\n",
        );
        refused(&mut client, "UPDATE claims SET answer_file_id = 9");
        refused(&mut client, "UPDATE claims SET file_id = 9");
        client
            .batch_execute("UPDATE claims SET answer_file_id = 2, status = 'settled'")
            .unwrap();
        refused(&mut client, "DELETE FROM files WHERE id = 1");
        refused(&mut client, "DELETE FROM files WHERE id = 2");
        refused(&mut client, "UPDATE files SET id = 7 WHERE id = 1");
        // A file no claim names goes, and a file's other columns change.
        client
            .batch_execute(
                "UPDATE files SET name = 'c2.txt' WHERE id = 1; DELETE FROM files WHERE id = 3",
            )
            .unwrap();
        let count: i64 = client
            .query_one("SELECT COUNT(*) FROM claims", &[])
            .unwrap()
            .get(0);
        assert_eq!(count, 1);
    }

    /// AvtaleGiro's claims name a file of the book, and OCR giro's payments a file and the
    /// claim they settle, by the triggers of schema 8 (`schema::GIRO_ROWS`): a row naming what
    /// is not there is refused, written or changed, by a statement of one row or by `COPY`; a
    /// file or a claim rows name cannot be deleted nor renumbered; what nothing names goes.
    #[test]
    #[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
    fn giro_rows_name_files_and_claims_of_the_book() {
        let mut server = autogiro_testkit::Postgres::for_test();
        let mut client = book_of_three_files(&mut server);
        let claim = |file: i64| {
            format!(
                "INSERT INTO giro_claims (id, file_id, account, assignment_number,
                 transaction_number, kid, amount_ore, due_date, short_name, foreign_reference,
                 status, answer_due) VALUES (1, {file}, '12345678903', 1, 1, '123456782',
                 100, '2026-04-01', '', '', 'sent', '2026-04-06')"
            )
        };
        let payment = |file: i64, claim: &str| {
            format!(
                "INSERT INTO payments (file_id, agreement_id, account, assignment_number,
                 transaction_number, transaction_type, nets_date, amount_ore, kid, claim_id)
                 VALUES ({file}, 0, '12345678903', 1, 1, 15, '2026-04-01', 100, '123456782',
                 {claim})"
            )
        };
        refused(&mut client, &claim(9));
        client.batch_execute(&claim(1)).unwrap();
        refused(&mut client, "UPDATE giro_claims SET file_id = 9");
        refused(&mut client, &payment(9, "NULL"));
        refused(&mut client, &payment(2, "7"));
        client.batch_execute(&payment(2, "NULL")).unwrap();
        client.batch_execute(&payment(2, "1")).unwrap();
        // Among many rows, one naming no claim.
        refused(
            &mut client,
            &format!(
                "{}, (2, 0, '12345678903', 1, 2, 15, '2026-04-01', 100, '123456782', 8)",
                payment(2, "1")
            ),
        );
        // As the book writes payments: by `COPY`.
        copy_refused(
            &mut client,
            "COPY payments (file_id, agreement_id, account, assignment_number,
             transaction_number, transaction_type, nets_date, amount_ore, kid) FROM STDIN",
            b"2\t0\t12345678903\t1\t3\t10\t2026-04-01\t100\t\n\
              9\t0\t12345678903\t1\t4\t10\t2026-04-01\t100\t\n",
        );
        refused(&mut client, "UPDATE payments SET claim_id = 9");
        refused(&mut client, "UPDATE payments SET file_id = 9");
        refused(&mut client, "DELETE FROM files WHERE id = 1");
        refused(&mut client, "DELETE FROM files WHERE id = 2");
        refused(&mut client, "UPDATE files SET id = 7 WHERE id = 2");
        refused(&mut client, "DELETE FROM giro_claims WHERE id = 1");
        refused(&mut client, "UPDATE giro_claims SET id = 7 WHERE id = 1");
        // What nothing names goes, and the other columns change.
        client
            .batch_execute(
                "UPDATE giro_claims SET status = 'settled'; UPDATE payments SET claim_id = NULL;
                 DELETE FROM giro_claims WHERE id = 1; DELETE FROM files WHERE id = 3",
            )
            .unwrap();
        let count: i64 = client
            .query_one("SELECT COUNT(*) FROM payments", &[])
            .unwrap()
            .get(0);
        assert_eq!(count, 2);
    }

    /// A book of schema 1 on a real server, with reserved numbers and a claim of each status,
    /// opens after `book init` as schema 3 with every row where it was.
    #[test]
    #[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
    fn a_book_of_schema_1_is_migrated_with_its_rows() {
        let mut server = autogiro_testkit::Postgres::for_test();
        let url = server.database();
        let mut client = schema_1(&url);
        client
            .batch_execute(
                "INSERT INTO files VALUES (1, 'abc', 'c1.txt', 'to-mps', 12345, 8080, 1, 'sent', '2026-03-16');
                 INSERT INTO files VALUES (2, 'reserved 12345 2', '', 'to-mps', 12345, 8080, 2, 'prepared', '2026-03-20');
                 INSERT INTO claims VALUES (1, 1, 56789, 1, 1, '      12345', '', 1000, '2026-04-10', '', 'A', '', 'settled', '2026-04-15', '2026-04-10', NULL, NULL);
                 INSERT INTO claims VALUES (2, 1, 56789, 1, 2, '      12345', '', 3000, '2026-04-20', '', 'C', '', 'sent', '2026-04-23', NULL, NULL, NULL);
                 INSERT INTO totals VALUES ('settled', 1, 1000), ('sent', 1, 3000);
                 SELECT setval(pg_get_serial_sequence('files', 'id'), 3, false);
                 SELECT setval(pg_get_serial_sequence('claims', 'id'), 3, false);",
            )
            .unwrap();
        let err = crate::Book::open_at(&url).unwrap_err();
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
        let mut book = crate::Book::init_at(&url).unwrap();
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
                (2, ClaimStatus::Sent, true)
            ]
        );
        let export = book.export().unwrap();
        let files: Vec<(Option<&str>, FileState)> = export
            .files
            .iter()
            .map(|f| (f.sha256.as_deref(), f.state))
            .collect();
        assert_eq!(
            files,
            [(Some("abc"), FileState::Sent), (None, FileState::Reserved)]
        );
        assert!(
            client
                .execute("UPDATE claims SET status = 'outstanding' WHERE id = 2", &[])
                .is_err()
        );
        let next = book
            .prepare(12345, date!(2026 - 05 - 01), |p| {
                Ok::<_, BookError>(crate::Made::Nothing(p.transmission()))
            })
            .unwrap();
        assert_eq!(next, 3);
    }
}
