//! The book's tables, written once for both backends: a new book is made from [`schema`];
//! a book of an older version is brought to it by its backend's migrations (`sqlite.rs`,
//! `postgres.rs`: each backend's history, kept as it ran), and a test of each backend
//! migrates a book of schema 1 and compares its tables, columns, indexes and constraints
//! with a new one's.

use crate::sql::Dialect;

/// The schema version this build writes, the same number on both backends for the same
/// tables (each keeps it its own way: `PRAGMA user_version`, a `schema_version` table).
pub(crate) const VERSION: u32 = 8;

/// The statements that make the tables of a new book in `dialect`: integers as `INTEGER`
/// (SQLite's one integer type, of 64 bits) or `BIGINT`, dates as [`Dialect::date`].
///
/// The states are held to their names by CHECK constraints ([`crate::states`]), written with
/// `OR`: SQLite makes a temporary table for a list after `IN` at every row written.
pub(crate) fn schema(dialect: Dialect) -> String {
    let (id, int) = match dialect {
        Dialect::Sqlite => ("INTEGER PRIMARY KEY", "INTEGER"),
        Dialect::Postgres => ("BIGSERIAL PRIMARY KEY", "BIGINT"),
    };
    let mut schema = SCHEMA
        .replace("{id}", id)
        .replace("{int}", int)
        .replace("{files}", &references(dialect, "files"))
        .replace("{date}", dialect.date())
        .replace(
            "{claim_status}",
            "status = 'sent' OR status = 'retry' OR status = 'settled' \
             OR status = 'rejected' OR status = 'handled'",
        );
    for (_, index) in CLAIM_INDEXES {
        schema.push('\n');
        schema.push_str(index);
        schema.push(';');
    }
    schema.push('\n');
    schema.push_str(&giro_tables(dialect));
    if dialect == Dialect::Postgres {
        schema.push('\n');
        schema.push_str(CLAIM_FILES);
        schema.push('\n');
        schema.push_str(GIRO_ROWS);
    }
    schema
}

/// How a table written in bulk refers to `table` in `dialect`: by a foreign key in SQLite,
/// which costs it little; by nothing in the table's definition in PostgreSQL, whose triggers
/// check a statement's rows at once ([`CLAIM_FILES`], [`GIRO_ROWS`]).
fn references(dialect: Dialect, table: &str) -> String {
    match dialect {
        Dialect::Sqlite => format!(" REFERENCES {table} (id)"),
        Dialect::Postgres => String::new(),
    }
}

/// How a PostgreSQL book holds its claims to the files they name (`file_id`, and
/// `answer_file_id` once answered), schema 7: checked once a statement, by triggers that see
/// the rows the statement wrote, where a foreign key checks every row on its own (44 % of the
/// `COPY` of a file's claims, 43 % of the `UPDATE` of a million claims answered: see
/// docs/performance.md). Of the same strength: the files named are locked as a foreign key
/// locks them (`FOR KEY SHARE`), so that a file being deleted meanwhile waits, or makes the
/// statement fail; a file named by claims cannot be deleted nor its id changed. SQLite keeps its
/// foreign keys, which cost it little. Written as `postgres.rs`'s migration 7 runs it after
/// dropping the foreign keys, and as a new book has it.
pub(crate) const CLAIM_FILES: &str = "
    CREATE FUNCTION claims_name_files() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        PERFORM 1 FROM files WHERE id IN (SELECT file_id FROM claims_written
            UNION SELECT answer_file_id FROM claims_written) FOR KEY SHARE;
        IF EXISTS (SELECT 1 FROM claims_written c
                WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.id = c.file_id)
                OR c.answer_file_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM files f WHERE f.id = c.answer_file_id)) THEN
            RAISE foreign_key_violation USING MESSAGE = 'a claim names a file not in the book';
        END IF;
        RETURN NULL;
    END $f$;
    CREATE TRIGGER claims_inserted_name_files AFTER INSERT ON claims
        REFERENCING NEW TABLE AS claims_written
        FOR EACH STATEMENT EXECUTE FUNCTION claims_name_files();
    CREATE TRIGGER claims_updated_name_files AFTER UPDATE ON claims
        REFERENCING NEW TABLE AS claims_written
        FOR EACH STATEMENT EXECUTE FUNCTION claims_name_files();
    CREATE FUNCTION files_named_by_claims() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        IF EXISTS (SELECT 1 FROM files_before b
                WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.id = b.id)
                AND EXISTS (SELECT 1 FROM claims c
                    WHERE c.file_id = b.id OR c.answer_file_id = b.id)) THEN
            RAISE foreign_key_violation USING MESSAGE = 'a file that claims name cannot go';
        END IF;
        RETURN NULL;
    END $f$;
    CREATE TRIGGER files_deleted_named_by_claims AFTER DELETE ON files
        REFERENCING OLD TABLE AS files_before
        FOR EACH STATEMENT EXECUTE FUNCTION files_named_by_claims();
    CREATE TRIGGER files_updated_named_by_claims AFTER UPDATE ON files
        REFERENCING OLD TABLE AS files_before
        FOR EACH STATEMENT EXECUTE FUNCTION files_named_by_claims();";

/// The indexes of the claims that every claim sent goes into, by name: an import of a file
/// as large as the book makes them again after its claims rather than keeping them up at every
/// claim (`Tx::set_claim_indexes_aside`). `claims_waiting` serves finding and counting what is
/// outstanding (by `answer_due`; index only, the amount is in it); `claims_payer`, matching,
/// which looks claims up by agreement and payer, of every status (an index an answer changes
/// costs at every claim answered).
pub(crate) const CLAIM_INDEXES: [(&str, &str); 2] = [
    (
        "claims_waiting",
        "CREATE INDEX claims_waiting ON claims (answer_due, agreement_id, amount_ore)
        WHERE status IN ('sent', 'retry')",
    ),
    (
        "claims_payer",
        "CREATE INDEX claims_payer ON claims (agreement_id, payer)",
    ),
];

/// The tables, with `{id}`, `{int}`, `{date}` and `{claim_status}` for what [`schema`] puts
/// in.
const SCHEMA: &str = "CREATE TABLE files (
        id {id},
        sha256 TEXT UNIQUE,
        name TEXT NOT NULL,
        direction TEXT NOT NULL,
        sender {int} NOT NULL,
        recipient {int} NOT NULL,
        transmission_number {int} NOT NULL,
        state TEXT NOT NULL,
        read_on {date} NOT NULL,
        CONSTRAINT files_direction CHECK (direction = 'to-mps' OR direction = 'from-mps'),
        CONSTRAINT files_state CHECK (state = 'reserved' OR state = 'prepared'
            OR state = 'sent' OR state = 'answer'),
        CONSTRAINT files_reserved CHECK ((sha256 IS NULL) = (state = 'reserved'))
    );
    CREATE INDEX files_transmission ON files (direction, sender, transmission_number);
    CREATE TABLE assignments (
        file_id {int} NOT NULL REFERENCES files (id),
        agreement_id {int} NOT NULL,
        number {int} NOT NULL,
        used_on {date} NOT NULL
    );
    CREATE INDEX assignments_number ON assignments (agreement_id, number);
    CREATE TABLE claims (
        id {id},
        file_id {int} NOT NULL{files},
        agreement_id {int} NOT NULL,
        assignment_number {int} NOT NULL,
        transaction_number {int} NOT NULL,
        payer TEXT NOT NULL,
        kid TEXT NOT NULL,
        amount_ore {int} NOT NULL,
        due_date {date} NOT NULL,
        short_name TEXT NOT NULL,
        own_reference TEXT NOT NULL,
        foreign_reference TEXT NOT NULL,
        status TEXT NOT NULL,
        answer_due {date} NOT NULL,
        processing_date {date},
        error_code INTEGER,
        answer_file_id {int}{files},
        matched_by TEXT,
        handled_on {date},
        handled_by TEXT,
        handled_why TEXT,
        CONSTRAINT claims_status CHECK ({claim_status}),
        CONSTRAINT claims_handled CHECK ((status = 'handled') = (handled_on IS NOT NULL)),
        CONSTRAINT claims_matched_by CHECK (matched_by = 'own-reference'
            OR matched_by = 'exact' OR matched_by = 'window' OR matched_by = 'hand')
    );
    -- Partial indexes where an answer changes the rows: an answer takes a claim out of
    -- `claims_waiting` (in `CLAIM_INDEXES`) and puts nothing into an index of millions of
    -- settled claims. Their conditions are written as the queries write theirs: SQLite uses
    -- a partial index only for a query whose condition is the index's, written the same way.
    CREATE INDEX claims_rejected ON claims (processing_date) WHERE status = 'rejected';
    CREATE INDEX claims_rejected_own ON claims (agreement_id, own_reference)
        WHERE status = 'rejected';
    -- The number and sum of the claims of each status, kept up to date by every write
    -- that adds claims or changes their status: `book status` reads them without
    -- counting rows.
    CREATE TABLE totals (
        status TEXT PRIMARY KEY,
        claims {int} NOT NULL,
        sum {int} NOT NULL,
        CONSTRAINT totals_status CHECK ({claim_status})
    );
    CREATE TABLE mandates (
        agreement_id {int} NOT NULL,
        reference TEXT NOT NULL,
        status TEXT NOT NULL,
        registered TEXT NOT NULL,
        blocked_seen {date},
        PRIMARY KEY (agreement_id, reference),
        CONSTRAINT mandates_status CHECK (status = 'sent' OR status = 'active'
            OR status = 'deleted')
    );
    CREATE TABLE unmatched (
        id {id},
        file_id {int} NOT NULL REFERENCES files (id),
        agreement_id {int} NOT NULL,
        payer TEXT NOT NULL,
        kid TEXT NOT NULL,
        amount_ore {int} NOT NULL,
        processing_date {date} NOT NULL,
        error_code INTEGER,
        short_name TEXT NOT NULL,
        own_reference TEXT NOT NULL,
        candidates {int} NOT NULL
    );
    CREATE INDEX unmatched_payer ON unmatched (agreement_id, payer);
    CREATE INDEX unmatched_file ON unmatched (file_id);
    CREATE TABLE replacements (
        seq {id},
        file_id {int} NOT NULL REFERENCES files (id),
        agreement_id {int} NOT NULL,
        own_reference TEXT NOT NULL,
        replaces TEXT NOT NULL
    );
    CREATE INDEX replacements_file ON replacements (file_id);";

/// The tables of AvtaleGiro and OCR giro (schema 6), with `{id}`, `{int}`, `{date}` and
/// `{files}` as in [`SCHEMA`] and `{giro_claims}` likewise ([`references`]; schema 8): a new
/// book's, and the migration from schema 5 on both backends (written once,
/// so that a migrated book has the tables of a new one). AvtaleGiro's claims sent, named by
/// the assignment account (AvtaleGiro's files carry no agreement id) and the KID; every OCR
/// giro payment received, a settled AvtaleGiro claim (type 15) with the claim it settles;
/// AvtaleGiro's mandates as MPS lists them, by account and KID.
pub(crate) const GIRO_TABLES: &str = "CREATE TABLE giro_claims (
        id {id},
        file_id {int} NOT NULL{files},
        account TEXT NOT NULL,
        assignment_number {int} NOT NULL,
        transaction_number {int} NOT NULL,
        kid TEXT NOT NULL,
        amount_ore {int} NOT NULL,
        due_date {date} NOT NULL,
        short_name TEXT NOT NULL,
        foreign_reference TEXT NOT NULL,
        status TEXT NOT NULL,
        answer_due {date} NOT NULL,
        cancelled_by {int} REFERENCES files (id),
        CONSTRAINT giro_claims_status CHECK (status = 'sent' OR status = 'settled'
            OR status = 'cancelled'),
        CONSTRAINT giro_claims_cancelled CHECK ((status = 'cancelled') = (cancelled_by IS NOT NULL))
    );
    CREATE INDEX giro_claims_kid ON giro_claims (account, kid);
    CREATE TABLE payments (
        id {id},
        file_id {int} NOT NULL{files},
        agreement_id {int} NOT NULL,
        account TEXT NOT NULL,
        assignment_number {int} NOT NULL,
        transaction_number {int} NOT NULL,
        transaction_type {int} NOT NULL,
        nets_date {date} NOT NULL,
        amount_ore {int} NOT NULL,
        kid TEXT NOT NULL,
        claim_id {int}{giro_claims}
    );
    CREATE INDEX payments_kid ON payments (kid);
    CREATE INDEX payments_unsettling ON payments (account, kid)
        WHERE transaction_type = 15 AND claim_id IS NULL;
    CREATE TABLE giro_mandates (
        account TEXT NOT NULL,
        kid TEXT NOT NULL,
        status TEXT NOT NULL,
        written_notice TEXT NOT NULL,
        file_id {int} NOT NULL REFERENCES files (id),
        PRIMARY KEY (account, kid),
        CONSTRAINT giro_mandates_status CHECK (status = 'active' OR status = 'deleted'),
        CONSTRAINT giro_mandates_notice CHECK (written_notice = 'J' OR written_notice = 'N')
    );";

/// [`GIRO_TABLES`] in `dialect`.
pub(crate) fn giro_tables(dialect: Dialect) -> String {
    let (id, int) = match dialect {
        Dialect::Sqlite => ("INTEGER PRIMARY KEY", "INTEGER"),
        Dialect::Postgres => ("BIGSERIAL PRIMARY KEY", "BIGINT"),
    };
    GIRO_TABLES
        .replace("{id}", id)
        .replace("{int}", int)
        .replace("{files}", &references(dialect, "files"))
        .replace("{giro_claims}", &references(dialect, "giro_claims"))
        .replace("{date}", dialect.date())
}

/// How a PostgreSQL book holds AvtaleGiro's claims to their files, and OCR giro's payments to
/// their files and to the claims they settle (schema 8): as [`CLAIM_FILES`] holds the claims,
/// by triggers that check a statement's rows at once, where a foreign key checked each row on
/// its own (6.6 s of a `COPY` of a million payments of 10.9 s: docs/performance.md). The rows
/// named are locked as a foreign key locks them (`FOR KEY SHARE`); a file or a claim that rows
/// name cannot be deleted nor its id changed. Written as `postgres.rs`'s migration 8 runs it
/// after dropping the foreign keys, and as a new book has it.
pub(crate) const GIRO_ROWS: &str = "
    CREATE FUNCTION giro_claims_name_files() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        PERFORM 1 FROM files WHERE id IN (SELECT file_id FROM giro_claims_written) FOR KEY SHARE;
        IF EXISTS (SELECT 1 FROM giro_claims_written g
                WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.id = g.file_id)) THEN
            RAISE foreign_key_violation
                USING MESSAGE = 'an AvtaleGiro claim names a file not in the book';
        END IF;
        RETURN NULL;
    END $f$;
    CREATE TRIGGER giro_claims_inserted_name_files AFTER INSERT ON giro_claims
        REFERENCING NEW TABLE AS giro_claims_written
        FOR EACH STATEMENT EXECUTE FUNCTION giro_claims_name_files();
    CREATE TRIGGER giro_claims_updated_name_files AFTER UPDATE ON giro_claims
        REFERENCING NEW TABLE AS giro_claims_written
        FOR EACH STATEMENT EXECUTE FUNCTION giro_claims_name_files();
    CREATE FUNCTION payments_name_rows() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        PERFORM 1 FROM files WHERE id IN (SELECT file_id FROM payments_written) FOR KEY SHARE;
        PERFORM 1 FROM giro_claims WHERE id IN (SELECT claim_id FROM payments_written)
            FOR KEY SHARE;
        IF EXISTS (SELECT 1 FROM payments_written p
                WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.id = p.file_id)
                OR p.claim_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM giro_claims g WHERE g.id = p.claim_id)) THEN
            RAISE foreign_key_violation
                USING MESSAGE = 'a payment names a file or a claim not in the book';
        END IF;
        RETURN NULL;
    END $f$;
    CREATE TRIGGER payments_inserted_name_rows AFTER INSERT ON payments
        REFERENCING NEW TABLE AS payments_written
        FOR EACH STATEMENT EXECUTE FUNCTION payments_name_rows();
    CREATE TRIGGER payments_updated_name_rows AFTER UPDATE ON payments
        REFERENCING NEW TABLE AS payments_written
        FOR EACH STATEMENT EXECUTE FUNCTION payments_name_rows();
    CREATE FUNCTION files_named_by_giro() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        IF EXISTS (SELECT 1 FROM files_before b
                WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.id = b.id)
                AND (EXISTS (SELECT 1 FROM giro_claims g WHERE g.file_id = b.id)
                    OR EXISTS (SELECT 1 FROM payments p WHERE p.file_id = b.id))) THEN
            RAISE foreign_key_violation
                USING MESSAGE = 'a file that AvtaleGiro claims or payments name cannot go';
        END IF;
        RETURN NULL;
    END $f$;
    CREATE TRIGGER files_deleted_named_by_giro AFTER DELETE ON files
        REFERENCING OLD TABLE AS files_before
        FOR EACH STATEMENT EXECUTE FUNCTION files_named_by_giro();
    CREATE TRIGGER files_updated_named_by_giro AFTER UPDATE ON files
        REFERENCING OLD TABLE AS files_before
        FOR EACH STATEMENT EXECUTE FUNCTION files_named_by_giro();
    CREATE FUNCTION giro_claims_named_by_payments() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        IF EXISTS (SELECT 1 FROM giro_claims_before b
                WHERE NOT EXISTS (SELECT 1 FROM giro_claims g WHERE g.id = b.id)
                AND EXISTS (SELECT 1 FROM payments p WHERE p.claim_id = b.id)) THEN
            RAISE foreign_key_violation
                USING MESSAGE = 'an AvtaleGiro claim that payments name cannot go';
        END IF;
        RETURN NULL;
    END $f$;
    CREATE TRIGGER giro_claims_deleted_named_by_payments AFTER DELETE ON giro_claims
        REFERENCING OLD TABLE AS giro_claims_before
        FOR EACH STATEMENT EXECUTE FUNCTION giro_claims_named_by_payments();
    CREATE TRIGGER giro_claims_updated_named_by_payments AFTER UPDATE ON giro_claims
        REFERENCING OLD TABLE AS giro_claims_before
        FOR EACH STATEMENT EXECUTE FUNCTION giro_claims_named_by_payments();";
