//! The book in PostgreSQL, for payees whose billing runs on more than one machine. The same
//! rows and operations as the SQLite backend; writes are serialised by a transaction-scoped
//! advisory lock, so that numbers taken from two servers at the same moment are never the
//! same; the schema is versioned in `schema_version` and a newer one is refused. TLS when the
//! URL asks for it (`sslmode=require`), with the system's root certificates.

use std::fmt::Write as _;
use std::sync::Arc;

use postgres::{Client, IsolationLevel, Row};
use time::Date;

use crate::BookError;
use crate::sql::{self, Dialect};
use crate::states::{ClaimStatus, FileState, MandateStatus, direction, direction_name};
use crate::store::{
    AnswerRow, AssignmentRow, ClaimFilter, ClaimRow, Decided, FileRow, Group, Handled, MandateRow,
    Replacement, Scope, SharedReference, Store, Tx, UnmatchedRow, VERSION, WaitingRow, decide,
};

/// The migrations, in order: migration `i` takes the schema from version `i` to `i + 1`. The
/// same tables as SQLite's, in PostgreSQL's types.
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
];

/// `text` as a value of `COPY`'s text format: a backslash, tab, newline or carriage return
/// escaped (a payee's own reference may hold a backslash).
fn copy_text(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            other => out.push(other),
        }
    }
}

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
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            t.batch_execute(sql).map_err(|e| db(&e))?;
            let version = i32::try_from(i + 1).unwrap_or(i32::MAX);
            t.execute("UPDATE schema_version SET version = $1", &[&version])
                .map_err(|e| db(&e))?;
        }
        t.commit().map_err(|e| db(&e))
    }
}

impl Store for Postgres {
    fn write_if<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Tx) -> Result<(T, bool), BookError>,
    ) -> Result<T, BookError> {
        let mut t = self.client.transaction().map_err(|e| db(&e))?;
        t.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .map_err(|e| db(&e))?;
        let (value, commit) = f(&mut PgTx {
            t: &mut t,
            prepared: std::collections::HashMap::new(),
        })?;
        if commit {
            t.commit().map_err(|e| db(&e))?;
        } else {
            t.rollback().map_err(|e| db(&e))?;
        }
        Ok(value)
    }

    fn read<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Tx) -> Result<T, BookError>,
    ) -> Result<T, BookError> {
        let mut t = self
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(|e| db(&e))?;
        let value = f(&mut PgTx {
            t: &mut t,
            prepared: std::collections::HashMap::new(),
        })?;
        t.commit().map_err(|e| db(&e))?;
        Ok(value)
    }
}

/// A transaction, with the statements it prepared: a statement is parsed by the server once
/// per transaction, not once per row.
struct PgTx<'a, 'b> {
    t: &'a mut postgres::Transaction<'b>,
    prepared: std::collections::HashMap<&'static str, postgres::Statement>,
}

impl PgTx<'_, '_> {
    fn statement(&mut self, sql: &'static str) -> Result<postgres::Statement, BookError> {
        if let Some(s) = self.prepared.get(sql) {
            return Ok(s.clone());
        }
        let s = self.t.prepare(sql).map_err(|e| db(&e))?;
        self.prepared.insert(sql, s.clone());
        Ok(s)
    }
}

fn date(s: &str) -> Result<Date, BookError> {
    autogiro_model::parse_date(s).map_err(|e| BookError::Corrupt(e.to_string()))
}

fn u32_of(v: i64) -> Result<u32, BookError> {
    u32::try_from(v).map_err(|e| BookError::Corrupt(e.to_string()))
}

/// The columns of a file that PostgreSQL holds in other types than the row: sender, recipient
/// and transmission number as `BIGINT`, the date as text.
fn file_values(f: &FileRow) -> (i64, i64, i64, String) {
    (
        i64::from(f.sender),
        i64::from(f.recipient),
        i64::from(f.transmission_number),
        f.read_on.to_string(),
    )
}

fn file_row(r: &Row) -> Result<FileRow, BookError> {
    Ok(FileRow {
        id: r.get(0),
        sha256: r.get(1),
        name: r.get(2),
        direction: direction(r.get(3))?,
        sender: u32_of(r.get(4))?,
        recipient: u32_of(r.get(5))?,
        transmission_number: u32_of(r.get(6))?,
        state: FileState::parse(r.get(7))?,
        read_on: date(r.get(8))?,
    })
}

const FILE_COLUMNS: &str =
    "id, sha256, name, direction, sender, recipient, transmission_number, state, read_on";

const CLAIM_COLUMNS: &str = "id, file_id, agreement_id, assignment_number, transaction_number, \
     payer, kid, amount_ore, due_date, short_name, own_reference, foreign_reference, status, \
     answer_due, processing_date, error_code, answer_file_id, matched_by, handled_on, \
     handled_by, handled_why";

fn claim_row(r: &Row) -> Result<ClaimRow, BookError> {
    let processing: Option<String> = r.get(14);
    let code: Option<i32> = r.get(15);
    Ok(ClaimRow {
        id: r.get(0),
        file_id: r.get(1),
        agreement_id: u32_of(r.get(2))?,
        assignment_number: u32_of(r.get(3))?,
        transaction_number: u32_of(r.get(4))?,
        payer: r.get(5),
        kid: r.get(6),
        amount_ore: r.get(7),
        due_date: date(r.get(8))?,
        short_name: r.get(9),
        own_reference: r.get(10),
        foreign_reference: r.get(11),
        status: ClaimStatus::parse(r.get(12))?,
        answer_due: date(r.get(13))?,
        processing_date: processing.as_deref().map(date).transpose()?,
        error_code: code.map(|c| u16::try_from(c).unwrap_or(u16::MAX)),
        answer_file_id: r.get(16),
        matched_by: r.get(17),
        handled: match r.get::<_, Option<&str>>(18) {
            Some(on) => Some(Handled {
                on: date(on)?,
                by: r.get::<_, Option<String>>(19).unwrap_or_default(),
                why: r.get::<_, Option<String>>(20).unwrap_or_default(),
            }),
            None => None,
        },
    })
}

const UNMATCHED_COLUMNS: &str = "id, file_id, agreement_id, payer, kid, amount_ore, \
     processing_date, error_code, short_name, own_reference, candidates";

fn unmatched_row(r: &Row) -> Result<UnmatchedRow, BookError> {
    let code: Option<i32> = r.get(7);
    Ok(UnmatchedRow {
        id: r.get(0),
        file_id: r.get(1),
        agreement_id: u32_of(r.get(2))?,
        payer: r.get(3),
        kid: r.get(4),
        amount_ore: r.get(5),
        processing_date: date(r.get(6))?,
        error_code: code.map(|c| u16::try_from(c).unwrap_or(u16::MAX)),
        short_name: r.get(8),
        own_reference: r.get(9),
        candidates: u32_of(r.get(10))?,
    })
}

/// How many rows of the groups of a round of matching are read at a time.
const GROUP_ROWS: i32 = 8192;

/// Adds a row of [`sql::groups`] to its group.
fn group_row(r: &Row, group: &mut Group) -> Result<(), BookError> {
    let side: i32 = r.get(0);
    if side == 0 {
        let code: Option<i32> = r.get(8);
        let candidates: Option<i64> = r.get(11);
        group.answers.push(UnmatchedRow {
            id: r.get(3),
            file_id: r.get(4),
            agreement_id: group.agreement_id,
            payer: group.payer.clone(),
            kid: r.get(5),
            amount_ore: r.get(6),
            processing_date: date(r.get(7))?,
            error_code: code.map(|c| u16::try_from(c).unwrap_or(u16::MAX)),
            own_reference: r.get(9),
            short_name: r.get::<_, Option<String>>(10).unwrap_or_default(),
            candidates: u32_of(candidates.unwrap_or(0))?,
        });
    } else {
        let status: &str = r.get(13);
        group.claims.push(WaitingRow {
            id: r.get(3),
            kid: r.get(5),
            amount_ore: r.get(6),
            due_date: date(r.get(7))?,
            own_reference: r.get(9),
            answer_due: date(r.get::<_, Option<&str>>(12).unwrap_or_default())?,
            retry: status == ClaimStatus::Retry.as_str(),
            read_on: date(r.get::<_, Option<&str>>(14).unwrap_or_default())?,
        });
    }
    Ok(())
}

/// An answer as a line of `COPY`'s text format: file, agreement, payer, KID, amount, date,
/// code, short name, own reference, and the candidates when `candidates`.
fn unmatched_line(out: &mut String, a: &UnmatchedRow, candidates: bool) {
    let _ = write!(out, "{}\t{}\t", a.file_id, a.agreement_id);
    for text in [&a.payer, &a.kid] {
        copy_text(out, text);
        out.push('\t');
    }
    let _ = write!(out, "{}\t{}\t", a.amount_ore, a.processing_date);
    copy_value(out, a.error_code);
    copy_text(out, &a.short_name);
    out.push('\t');
    copy_text(out, &a.own_reference);
    if candidates {
        let _ = write!(out, "\t{}", a.candidates);
    }
    out.push('\n');
}

/// A value or `\N` (null) of `COPY`'s text format, and a tab.
fn copy_value(out: &mut String, value: Option<impl std::fmt::Display>) {
    match value {
        Some(v) => {
            let _ = write!(out, "{v}\t");
        }
        None => out.push_str("\\N\t"),
    }
}

impl PgTx<'_, '_> {
    /// Copies what was decided into the round's temporary tables, and forgets it.
    fn record_decided(&mut self, d: &mut Decided) -> Result<(), BookError> {
        let mut lines = String::new();
        for a in &d.answers {
            let _ = write!(
                lines,
                "{}\t{}\t{}\t",
                a.claim_id,
                a.status.as_str(),
                a.processing_date
            );
            copy_value(&mut lines, a.error_code);
            let _ = writeln!(lines, "{}\t{}", a.file_id, a.matched_by);
        }
        self.copy_lines("COPY decided_answers FROM STDIN", &lines)?;
        lines.clear();
        for id in &d.gone {
            let _ = writeln!(lines, "{id}");
        }
        self.copy_lines("COPY decided_gone FROM STDIN", &lines)?;
        lines.clear();
        for a in &d.kept {
            unmatched_line(&mut lines, a, true);
        }
        self.copy_lines(
            "COPY unmatched (file_id, agreement_id, payer, kid, amount_ore, processing_date,
             error_code, short_name, own_reference, candidates) FROM STDIN",
            &lines,
        )?;
        lines.clear();
        for (agreement, reference, seen) in &d.blocked {
            let _ = write!(lines, "{agreement}\t");
            copy_text(&mut lines, reference);
            lines.push('\t');
            match seen {
                Some(day) => {
                    let _ = writeln!(lines, "{day}");
                }
                None => lines.push_str("\\N\n"),
            }
        }
        self.copy_lines("COPY decided_blocked FROM STDIN", &lines)?;
        d.clear();
        Ok(())
    }

    /// Copies lines of `COPY`'s text format, if there are any.
    fn copy_lines(&mut self, copy: &str, lines: &str) -> Result<(), BookError> {
        if lines.is_empty() {
            return Ok(());
        }
        let mut writer = self.t.copy_in(copy).map_err(|e| db(&e))?;
        std::io::Write::write_all(&mut writer, lines.as_bytes())
            .map_err(|e| BookError::Storage(e.to_string()))?;
        writer.finish().map_err(|e| db(&e))?;
        Ok(())
    }
}

impl Tx for PgTx<'_, '_> {
    fn file_by_hash(&mut self, sha256: &str) -> Result<Option<FileRow>, BookError> {
        let sql = format!("SELECT {FILE_COLUMNS} FROM files WHERE sha256 = $1");
        self.t
            .query_opt(&sql, &[&sha256])
            .map_err(|e| db(&e))?
            .as_ref()
            .map(file_row)
            .transpose()
    }

    fn file_by_transmission(
        &mut self,
        sender: u32,
        number: u32,
    ) -> Result<Option<FileRow>, BookError> {
        let sql = format!(
            "SELECT {FILE_COLUMNS} FROM files
             WHERE direction = 'to-mps' AND sender = $1 AND transmission_number = $2"
        );
        self.t
            .query_opt(&sql, &[&i64::from(sender), &i64::from(number)])
            .map_err(|e| db(&e))?
            .as_ref()
            .map(file_row)
            .transpose()
    }

    fn insert_file(&mut self, f: &FileRow) -> Result<i64, BookError> {
        let (sender, recipient, number, read_on) = file_values(f);
        let row = self
            .t
            .query_one(
                "INSERT INTO files (sha256, name, direction, sender, recipient,
                 transmission_number, state, read_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 RETURNING id",
                &[
                    &f.sha256,
                    &f.name,
                    &direction_name(f.direction),
                    &sender,
                    &recipient,
                    &number,
                    &f.state.as_str(),
                    &read_on,
                ],
            )
            .map_err(|e| db(&e))?;
        Ok(row.get(0))
    }

    fn prepare_file(&mut self, id: i64, sha256: &str, name: &str) -> Result<(), BookError> {
        self.t
            .execute(
                "UPDATE files SET sha256 = $2, name = $3, state = 'prepared' WHERE id = $1",
                &[&id, &sha256, &name],
            )
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn rename_file(&mut self, id: i64, name: &str) -> Result<(), BookError> {
        self.t
            .execute("UPDATE files SET name = $2 WHERE id = $1", &[&id, &name])
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn set_file_state(
        &mut self,
        id: i64,
        state: FileState,
        read_on: Date,
    ) -> Result<(), BookError> {
        self.t
            .execute(
                "UPDATE files SET state = $2, read_on = $3 WHERE id = $1",
                &[&id, &state.as_str(), &read_on.to_string()],
            )
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn files(&mut self) -> Result<Vec<FileRow>, BookError> {
        let sql = format!("SELECT {FILE_COLUMNS} FROM files ORDER BY id");
        self.t
            .query(&sql, &[])
            .map_err(|e| db(&e))?
            .iter()
            .map(file_row)
            .collect()
    }

    fn last_transmission(&mut self, sender: u32) -> Result<Option<u32>, BookError> {
        let v: Option<i64> = self
            .t
            .query_one(
                "SELECT MAX(transmission_number) FROM files
                 WHERE direction = 'to-mps' AND sender = $1",
                &[&i64::from(sender)],
            )
            .map_err(|e| db(&e))?
            .get(0);
        v.map(u32_of).transpose()
    }

    fn assignment_used(
        &mut self,
        agreement_id: u32,
        number: u32,
    ) -> Result<Option<(Date, i64)>, BookError> {
        let row = self
            .t
            .query_opt(
                "SELECT used_on, file_id FROM assignments WHERE agreement_id = $1 AND number = $2
                 ORDER BY used_on DESC LIMIT 1",
                &[&i64::from(agreement_id), &i64::from(number)],
            )
            .map_err(|e| db(&e))?;
        row.map(|r| Ok((date(r.get(0))?, r.get(1)))).transpose()
    }

    fn use_assignment(
        &mut self,
        file_id: i64,
        agreement_id: u32,
        number: u32,
        used_on: Date,
    ) -> Result<(), BookError> {
        self.t
            .execute(
                "INSERT INTO assignments (file_id, agreement_id, number, used_on)
                 VALUES ($1, $2, $3, $4)",
                &[
                    &file_id,
                    &i64::from(agreement_id),
                    &i64::from(number),
                    &used_on.to_string(),
                ],
            )
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn last_assignment(&mut self, agreement_id: u32) -> Result<Option<u32>, BookError> {
        let v: Option<i64> = self
            .t
            .query_one(
                "SELECT MAX(number) FROM assignments WHERE agreement_id = $1",
                &[&i64::from(agreement_id)],
            )
            .map_err(|e| db(&e))?
            .get(0);
        v.map(u32_of).transpose()
    }

    fn assignments(&mut self) -> Result<Vec<AssignmentRow>, BookError> {
        let rows = self
            .t
            .query(
                "SELECT file_id, agreement_id, number, used_on FROM assignments
                 ORDER BY file_id, agreement_id, number, used_on",
                &[],
            )
            .map_err(|e| db(&e))?;
        rows.iter()
            .map(|r| {
                Ok(AssignmentRow {
                    file_id: r.get(0),
                    agreement_id: u32_of(r.get(1))?,
                    number: u32_of(r.get(2))?,
                    used_on: date(r.get(3))?,
                })
            })
            .collect()
    }

    fn restore_file(&mut self, f: &FileRow) -> Result<(), BookError> {
        let (sender, recipient, number, read_on) = file_values(f);
        self.t
            .execute(
                &format!(
                    "INSERT INTO files ({FILE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                ),
                &[
                    &f.id,
                    &f.sha256,
                    &f.name,
                    &direction_name(f.direction),
                    &sender,
                    &recipient,
                    &number,
                    &f.state.as_str(),
                    &read_on,
                ],
            )
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn restore_claim(&mut self, c: &ClaimRow) -> Result<(), BookError> {
        let statement = self.statement(
            "INSERT INTO claims (id, file_id, agreement_id, assignment_number, transaction_number,
             payer, kid, amount_ore, due_date, short_name, own_reference, foreign_reference, status,
             answer_due, processing_date, error_code, answer_file_id, matched_by, handled_on,
             handled_by, handled_why)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
             $18, $19, $20, $21)",
        )?;
        self.t
            .execute(
                &statement,
                &[
                    &c.id,
                    &c.file_id,
                    &i64::from(c.agreement_id),
                    &i64::from(c.assignment_number),
                    &i64::from(c.transaction_number),
                    &c.payer,
                    &c.kid,
                    &c.amount_ore,
                    &c.due_date.to_string(),
                    &c.short_name,
                    &c.own_reference,
                    &c.foreign_reference,
                    &c.status.as_str(),
                    &c.answer_due.to_string(),
                    &c.processing_date.map(|d| d.to_string()),
                    &c.error_code.map(i32::from),
                    &c.answer_file_id,
                    &c.matched_by,
                    &c.handled.as_ref().map(|h| h.on.to_string()),
                    &c.handled.as_ref().map(|h| h.by.as_str()),
                    &c.handled.as_ref().map(|h| h.why.as_str()),
                ],
            )
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn finish_restore(&mut self) -> Result<(), BookError> {
        // Rows put back with their ids left the sequences behind.
        self.t
            .batch_execute(
                "SELECT setval(pg_get_serial_sequence('files', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM files;
                 SELECT setval(pg_get_serial_sequence('claims', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM claims;
                 SELECT setval(pg_get_serial_sequence('unmatched', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM unmatched;",
            )
            .map_err(|e| db(&e))
    }

    fn insert_claims(&mut self, claims: &[ClaimRow]) -> Result<(), BookError> {
        // Copied (`COPY`), not inserted: statements of a thousand rows of boxed parameters,
        // each parsed and planned, took two thirds of the import of a million claims.
        let mut lines = String::new();
        for c in claims {
            let _ = write!(
                lines,
                "{}\t{}\t{}\t{}\t",
                c.file_id, c.agreement_id, c.assignment_number, c.transaction_number
            );
            for text in [&c.payer, &c.kid] {
                copy_text(&mut lines, text);
                lines.push('\t');
            }
            let _ = write!(lines, "{}\t{}\t", c.amount_ore, c.due_date);
            for text in [&c.short_name, &c.own_reference, &c.foreign_reference] {
                copy_text(&mut lines, text);
                lines.push('\t');
            }
            let _ = writeln!(lines, "{}\t{}", c.status.as_str(), c.answer_due);
        }
        self.copy_lines(
            "COPY claims (file_id, agreement_id, assignment_number, transaction_number,
             payer, kid, amount_ore, due_date, short_name, own_reference, foreign_reference,
             status, answer_due) FROM STDIN",
            &lines,
        )
    }

    fn answer_claim(&mut self, a: &AnswerRow) -> Result<(), BookError> {
        self.t
            .execute(
                "UPDATE claims SET status = $2, processing_date = $3, error_code = $4,
                 answer_file_id = $5, matched_by = $6 WHERE id = $1",
                &[
                    &a.claim_id,
                    &a.status.as_str(),
                    &a.processing_date.to_string(),
                    &a.error_code.map(i32::from),
                    &a.file_id,
                    &a.matched_by,
                ],
            )
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn claim(&mut self, id: i64) -> Result<Option<ClaimRow>, BookError> {
        let sql = format!("SELECT {CLAIM_COLUMNS} FROM claims WHERE id = $1");
        self.t
            .query_opt(&sql, &[&id])
            .map_err(|e| db(&e))?
            .map(|r| claim_row(&r))
            .transpose()
    }

    fn unmatched(&mut self, agreement_id: Option<u32>) -> Result<Vec<UnmatchedRow>, BookError> {
        let sql = format!(
            "SELECT {UNMATCHED_COLUMNS} FROM unmatched
             WHERE $1::BIGINT IS NULL OR agreement_id = $1 ORDER BY id"
        );
        self.t
            .query(&sql, &[&agreement_id.map(i64::from)])
            .map_err(|e| db(&e))?
            .iter()
            .map(unmatched_row)
            .collect()
    }

    fn waiting_own_references(
        &mut self,
        agreement_id: u32,
    ) -> Result<std::collections::HashMap<String, u64>, BookError> {
        let rows = self
            .t
            .query(
                "SELECT own_reference, COUNT(*) FROM claims WHERE agreement_id = $1
                 AND status IN ('sent', 'retry') AND own_reference <> '' GROUP BY own_reference",
                &[&i64::from(agreement_id)],
            )
            .map_err(|e| db(&e))?;
        Ok(rows
            .iter()
            .map(|r| {
                let count: i64 = r.get(1);
                (r.get(0), u64::try_from(count).unwrap_or(0))
            })
            .collect())
    }

    fn unmatched_totals(&mut self) -> Result<(u64, i64), BookError> {
        let row = self
            .t
            .query_one(
                "SELECT COUNT(*), COALESCE(SUM(amount_ore), 0)::BIGINT FROM unmatched",
                &[],
            )
            .map_err(|e| db(&e))?;
        let count: i64 = row.get(0);
        Ok((u64::try_from(count).unwrap_or(0), row.get(1)))
    }

    fn insert_unmatched(&mut self, a: &UnmatchedRow) -> Result<i64, BookError> {
        let sql = format!(
            "INSERT INTO unmatched ({UNMATCHED_COLUMNS})
             VALUES (COALESCE(NULLIF($1::BIGINT, 0), nextval(pg_get_serial_sequence('unmatched', 'id'))),
             $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id"
        );
        Ok(self
            .t
            .query_one(
                &sql,
                &[
                    &a.id,
                    &a.file_id,
                    &i64::from(a.agreement_id),
                    &a.payer,
                    &a.kid,
                    &a.amount_ore,
                    &a.processing_date.to_string(),
                    &a.error_code.map(i32::from),
                    &a.short_name,
                    &a.own_reference,
                    &i64::from(a.candidates),
                ],
            )
            .map_err(|e| db(&e))?
            .get(0))
    }

    fn delete_unmatched(&mut self, id: i64) -> Result<(), BookError> {
        self.t
            .execute("DELETE FROM unmatched WHERE id = $1", &[&id])
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn match_groups(
        &mut self,
        scope: Scope,
        each: &mut dyn FnMut(&Group, &mut Decided) -> Result<(), BookError>,
    ) -> Result<(), BookError> {
        self.t
            .batch_execute(&Dialect::Postgres.incoming_table())
            .map_err(|e| db(&e))?;
        let any = Dialect::Postgres.sql(sql::has_answers(scope)).into_owned();
        let any: bool = self
            .t
            .query_one(&any, &[&scope.file_id()])
            .map_err(|e| db(&e))?
            .get(0);
        if !any {
            return Ok(());
        }
        for sql in Dialect::Postgres.decided_tables() {
            self.t.batch_execute(&sql).map_err(|e| db(&e))?;
        }
        let groups = Dialect::Postgres
            .sql(&Dialect::Postgres.groups(scope, false))
            .into_owned();
        // Statistics of the file's answers, for the plan of the query that groups them.
        self.t
            .batch_execute("ANALYZE incoming")
            .map_err(|e| db(&e))?;
        let statement = self.t.prepare(&groups).map_err(|e| db(&e))?;
        // A portal read a few thousand rows at a time, what was decided written in between:
        // the rows of a million answers are never all in memory.
        let portal = self
            .t
            .bind(&statement, &[&scope.file_id()])
            .map_err(|e| db(&e))?;
        let mut decided = Decided::default();
        let mut group = Group::default();
        loop {
            let rows = self
                .t
                .query_portal(&portal, GROUP_ROWS)
                .map_err(|e| db(&e))?;
            if rows.is_empty() {
                break;
            }
            for r in &rows {
                let agreement_id = u32_of(r.get(1))?;
                let payer: &str = r.get(2);
                if (agreement_id, payer) != (group.agreement_id, group.payer.as_str()) {
                    decide(&mut group, each, &mut decided, |_| Ok(()))?;
                    group.agreement_id = agreement_id;
                    payer.clone_into(&mut group.payer);
                }
                group_row(r, &mut group)?;
            }
            self.record_decided(&mut decided)?;
        }
        decide(&mut group, each, &mut decided, |_| Ok(()))?;
        self.record_decided(&mut decided)?;
        drop(portal);
        for sql in sql::APPLY_DECIDED {
            self.t.batch_execute(sql).map_err(|e| db(&e))?;
        }
        Ok(())
    }

    fn forget_retried(&mut self, scope: Scope) -> Result<(u64, u64), BookError> {
        self.t
            .batch_execute(&Dialect::Postgres.incoming_table())
            .map_err(|e| db(&e))?;
        let count = Dialect::Postgres
            .sql(&sql::count_retried(scope))
            .into_owned();
        let row = self
            .t
            .query_one(&count, &[&scope.file_id()])
            .map_err(|e| db(&e))?;
        let (new, old): (i64, i64) = (row.get(0), row.get(1));
        if new + old > 0 {
            let delete = Dialect::Postgres
                .sql(&sql::delete_retried(scope))
                .into_owned();
            self.t
                .execute(&delete, &[&scope.file_id()])
                .map_err(|e| db(&e))?;
        }
        // The file's answers are matched, or kept in the book.
        self.t
            .batch_execute("DROP TABLE incoming")
            .map_err(|e| db(&e))?;
        Ok((
            u64::try_from(new).unwrap_or(0),
            u64::try_from(old).unwrap_or(0),
        ))
    }

    fn stage_answers(&mut self, answers: &[UnmatchedRow]) -> Result<(), BookError> {
        if answers.is_empty() {
            return Ok(());
        }
        self.t
            .batch_execute(&Dialect::Postgres.incoming_table())
            .map_err(|e| db(&e))?;
        let mut lines = String::new();
        for a in answers {
            unmatched_line(&mut lines, a, false);
        }
        self.copy_lines(
            "COPY incoming (file_id, agreement_id, payer, kid, amount_ore, processing_date,
             error_code, short_name, own_reference) FROM STDIN",
            &lines,
        )
    }

    fn unmatched_of_file(
        &mut self,
        file_id: i64,
        first: u32,
    ) -> Result<(u64, Vec<UnmatchedRow>), BookError> {
        let count = Dialect::Postgres
            .sql(sql::COUNT_UNMATCHED_OF_FILE)
            .into_owned();
        let count: i64 = self
            .t
            .query_one(&count, &[&file_id])
            .map_err(|e| db(&e))?
            .get(0);
        let rows = self
            .t
            .query(
                &format!(
                    "SELECT {UNMATCHED_COLUMNS} FROM unmatched WHERE file_id = $1
                     ORDER BY id LIMIT $2"
                ),
                &[&file_id, &i64::from(first)],
            )
            .map_err(|e| db(&e))?;
        let rows = rows.iter().map(unmatched_row).collect::<Result<_, _>>()?;
        Ok((u64::try_from(count).unwrap_or(0), rows))
    }

    fn reused_own_references(
        &mut self,
        file_id: i64,
        first: u32,
    ) -> Result<(u64, Vec<SharedReference>), BookError> {
        let sql = Dialect::Postgres
            .sql(sql::REUSED_OWN_REFERENCES)
            .into_owned();
        let rows = self.t.query(&sql, &[&file_id]).map_err(|e| db(&e))?;
        let shown = rows
            .iter()
            .take(first as usize)
            .map(|r| {
                let n: i64 = r.get(2);
                Ok(SharedReference {
                    agreement_id: u32_of(r.get(0))?,
                    own_reference: r.get(1),
                    claims: u64::try_from(n).unwrap_or(0),
                })
            })
            .collect::<Result<_, BookError>>()?;
        Ok((rows.len() as u64, shown))
    }

    fn claims(
        &mut self,
        filter: ClaimFilter,
        each: &mut dyn FnMut(ClaimRow) -> Result<(), BookError>,
    ) -> Result<(), BookError> {
        let (condition, args): (&str, Vec<String>) = match filter {
            ClaimFilter::Outstanding(today) => (
                "status IN ('sent', 'retry') AND answer_due < $1 ORDER BY answer_due, id",
                vec![today.to_string()],
            ),
            ClaimFilter::Status(status, None) => {
                ("status = $1 ORDER BY id", vec![status.as_str().to_owned()])
            }
            ClaimFilter::Status(status, Some(since)) => (
                "status = $1 AND COALESCE(processing_date, due_date) >= $2 ORDER BY id",
                vec![status.as_str().to_owned(), since.to_string()],
            ),
            ClaimFilter::All(None) => ("TRUE ORDER BY id", Vec::new()),
            ClaimFilter::All(Some(since)) => (
                "COALESCE(processing_date, due_date) >= $1 ORDER BY id",
                vec![since.to_string()],
            ),
        };
        let sql = format!("SELECT {CLAIM_COLUMNS} FROM claims WHERE {condition}");
        let params: Vec<&(dyn postgres::types::ToSql + Sync)> = args
            .iter()
            .map(|a| a as &(dyn postgres::types::ToSql + Sync))
            .collect();
        for row in self.t.query(&sql, &params).map_err(|e| db(&e))? {
            each(claim_row(&row)?)?;
        }
        Ok(())
    }

    fn counts(&mut self, since: Option<Date>) -> Result<Vec<(ClaimStatus, u64, i64)>, BookError> {
        let rows = match since {
            None => self.t.query(
                "SELECT status, claims, sum FROM totals WHERE claims > 0 ORDER BY status",
                &[],
            ),
            Some(since) => self.t.query(
                "SELECT status, COUNT(*), COALESCE(SUM(amount_ore), 0)::BIGINT FROM claims
                 WHERE COALESCE(processing_date, due_date) >= $1 GROUP BY status ORDER BY status",
                &[&since.to_string()],
            ),
        }
        .map_err(|e| db(&e))?;
        rows.iter()
            .map(|r| {
                let n: i64 = r.get(1);
                Ok((
                    ClaimStatus::parse(r.get(0))?,
                    u64::try_from(n).unwrap_or(0),
                    r.get(2),
                ))
            })
            .collect()
    }

    fn add_totals(&mut self, status: ClaimStatus, claims: i64, sum: i64) -> Result<(), BookError> {
        self.t
            .execute(
                "INSERT INTO totals (status, claims, sum) VALUES ($1, $2, $3)
                 ON CONFLICT (status) DO UPDATE
                 SET claims = totals.claims + EXCLUDED.claims, sum = totals.sum + EXCLUDED.sum",
                &[&status.as_str(), &claims, &sum],
            )
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn outstanding(&mut self, today: Date, since: Option<Date>) -> Result<(u64, i64), BookError> {
        let r = self
            .t
            .query_one(
                if since.is_some() {
                    "SELECT COUNT(*), COALESCE(SUM(amount_ore), 0)::BIGINT FROM claims
                     WHERE status IN ('sent', 'retry') AND answer_due < $1 AND due_date >= $2"
                } else {
                    "SELECT COUNT(*), COALESCE(SUM(amount_ore), 0)::BIGINT FROM claims
                     WHERE status IN ('sent', 'retry') AND answer_due < $1 AND $2::TEXT IS NULL"
                },
                &[&today.to_string(), &since.map(|d| d.to_string())],
            )
            .map_err(|e| db(&e))?;
        let count: i64 = r.get(0);
        Ok((u64::try_from(count).unwrap_or(0), r.get(1)))
    }

    fn mandates(&mut self, agreement_id: Option<u32>) -> Result<Vec<MandateRow>, BookError> {
        let rows = self
            .t
            .query(
                "SELECT agreement_id, reference, status, registered, blocked_seen FROM mandates
                 WHERE $1::BIGINT IS NULL OR agreement_id = $1 ORDER BY agreement_id, reference",
                &[&agreement_id.map(i64::from)],
            )
            .map_err(|e| db(&e))?;
        rows.iter()
            .map(|r| {
                Ok(MandateRow {
                    agreement_id: u32_of(r.get(0))?,
                    reference: r.get(1),
                    status: MandateStatus::parse(r.get(2))?,
                    registered: r.get(3),
                    blocked_seen: r.get::<_, Option<&str>>(4).map(date).transpose()?,
                })
            })
            .collect()
    }

    fn put_mandate(&mut self, m: &MandateRow) -> Result<(), BookError> {
        self.t
            .execute(
                "INSERT INTO mandates (agreement_id, reference, status, registered, blocked_seen)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (agreement_id, reference) DO UPDATE
                 SET status = EXCLUDED.status, registered = EXCLUDED.registered,
                 blocked_seen = EXCLUDED.blocked_seen",
                &[
                    &i64::from(m.agreement_id),
                    &m.reference,
                    &m.status.as_str(),
                    &m.registered,
                    &m.blocked_seen.map(|d| d.to_string()),
                ],
            )
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn blocked_seen(&mut self) -> Result<Vec<(u32, String, Date)>, BookError> {
        let rows = self
            .t
            .query(
                "SELECT agreement_id, reference, blocked_seen FROM mandates
                 WHERE blocked_seen IS NOT NULL",
                &[],
            )
            .map_err(|e| db(&e))?;
        rows.iter()
            .map(|r| Ok((u32_of(r.get(0))?, r.get(1), date(r.get(2))?)))
            .collect()
    }

    fn handle_claim(&mut self, id: i64, h: &Handled) -> Result<(), BookError> {
        self.t
            .execute(
                "UPDATE claims SET status = 'handled', handled_on = $2, handled_by = $3,
                 handled_why = $4 WHERE id = $1",
                &[&id, &h.on.to_string(), &h.by, &h.why],
            )
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn add_replacement(&mut self, r: &Replacement) -> Result<(), BookError> {
        self.t
            .execute(
                "INSERT INTO replacements (file_id, agreement_id, own_reference, replaces)
                 VALUES ($1, $2, $3, $4)",
                &[
                    &r.file_id,
                    &i64::from(r.agreement_id),
                    &r.own_reference,
                    &r.replaces,
                ],
            )
            .map_err(|e| db(&e))?;
        Ok(())
    }

    fn replacements(&mut self, file_id: i64) -> Result<Vec<Replacement>, BookError> {
        let rows = self
            .t
            .query(
                "SELECT file_id, agreement_id, own_reference, replaces FROM replacements
                 WHERE file_id = $1 ORDER BY seq",
                &[&file_id],
            )
            .map_err(|e| db(&e))?;
        rows.iter()
            .map(|r| {
                Ok(Replacement {
                    file_id: r.get(0),
                    agreement_id: u32_of(r.get(1))?,
                    own_reference: r.get(2),
                    replaces: r.get(3),
                })
            })
            .collect()
    }

    fn rejected_by_own_reference(
        &mut self,
        agreement_id: u32,
        own_reference: &str,
    ) -> Result<Vec<ClaimRow>, BookError> {
        let sql = format!(
            "SELECT {CLAIM_COLUMNS} FROM claims WHERE agreement_id = $1
             AND own_reference = $2 AND status = 'rejected' ORDER BY id"
        );
        self.t
            .query(&sql, &[&i64::from(agreement_id), &own_reference])
            .map_err(|e| db(&e))?
            .iter()
            .map(claim_row)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn copy_text_escapes_what_copy_would_read_as_its_own() {
        let mut out = String::new();
        copy_text(&mut out, "Øst\\vest\tA/S\n\r");
        assert_eq!(out, "Øst\\\\vest\\tA/S\\n\\r");
    }

    use super::*;
    use crate::Show;
    use time::macros::date;

    /// A book of schema 1 on a real server, with reserved numbers and a claim of each status,
    /// opens after `book init` as schema 3 with every row where it was.
    #[test]
    fn a_book_of_schema_1_is_migrated_with_its_rows() {
        let Some(mut server) = autogiro_testkit::Postgres::start() else {
            return;
        };
        let url = server.database();
        let mut client = Client::connect(&url, postgres::NoTls).unwrap();
        client
            .batch_execute(
                "CREATE TABLE schema_version (version INTEGER NOT NULL);
                 INSERT INTO schema_version VALUES (1);",
            )
            .unwrap();
        client.batch_execute(MIGRATIONS[0]).unwrap();
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
