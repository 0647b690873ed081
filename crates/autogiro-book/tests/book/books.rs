//! Books as places: a database of something else, newer versions, TLS, copies between backends.

use super::*;

/// `book init` of a database that holds something else adds nothing to it.
#[test]
fn a_database_of_something_else_is_no_book() {
    let place = Place::sqlite();
    let conn = rusqlite::Connection::open(&place.location).unwrap();
    conn.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY);")
        .unwrap();
    drop(conn);
    let err = Book::init_at(&place.location).unwrap_err();
    assert!(matches!(err, BookError::NotABook { .. }), "{err}");
    assert!(err.to_string().contains("invoices"), "{err}");
    let conn = rusqlite::Connection::open(&place.location).unwrap();
    let tables: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1, "nothing added");
}

/// `book init` of a PostgreSQL database that holds something else is refused.
#[test]
#[cfg(feature = "postgres")]
#[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
fn a_postgresql_database_of_something_else_is_no_book() {
    let mut server = autogiro_testkit::Postgres::for_test();
    let url = server.database();
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .batch_execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY);")
        .unwrap();
    let err = Book::init_at(&url).unwrap_err();
    assert!(matches!(err, BookError::NotABook { .. }), "{err}");
}

fn set_version(path: &Path, version: u32) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "user_version", version).unwrap();
}

#[test]
fn a_book_of_a_newer_version_is_refused() {
    let place = Place::sqlite();
    drop(place.init());
    set_version(Path::new(&place.location), 99);
    let err = Book::open_at(&place.location).unwrap_err();
    assert!(
        matches!(
            err,
            BookError::Newer {
                found: 99,
                known: 8
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("use a newer autogiro"), "{err}");
    let missing = Path::new(&place.location).with_file_name("missing.db");
    assert!(matches!(
        Book::open(&missing).unwrap_err(),
        BookError::NoBook(_)
    ));
}

/// A PostgreSQL database without a book is none; one of a newer version is refused; TLS when
/// the URL asks for it.
#[test]
#[cfg(feature = "postgres")]
#[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
fn a_postgresql_book_of_a_newer_version_is_refused() {
    let mut server = autogiro_testkit::Postgres::for_test();
    let url = server.database();
    assert!(matches!(
        Book::open_at(&url).unwrap_err(),
        BookError::NoBook(_)
    ));
    drop(Book::init_at(&url).unwrap());
    // TLS when the URL asks: `prefer` falls back on a server without it, `require` refuses.
    drop(Book::open_at(&format!("{url}?sslmode=prefer")).unwrap());
    let err = Book::open_at(&format!("{url}?sslmode=require")).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("the book's storage: cannot connect to postgres://postgres@127.0.0.1"),
        "{message}"
    );
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .batch_execute("UPDATE schema_version SET version = 99")
        .unwrap();
    let err = Book::open_at(&url).unwrap_err();
    assert!(
        matches!(
            err,
            BookError::Newer {
                found: 99,
                known: 8
            }
        ),
        "{err}"
    );
}

/// A copy into a book that is not empty is refused.
#[test]
fn a_copy_into_a_book_not_empty_is_refused() {
    let sqlite = Place::sqlite();
    answers_are_matched_and_the_rest_is_outstanding(&sqlite);
    let busy = Place::sqlite();
    answers_that_match_nothing_are_kept_until_they_do(&busy);
    let err = sqlite.open().copy_to(&mut busy.open()).unwrap_err();
    assert!(matches!(err, BookError::NotEmpty), "{err}");
}

/// A book copied from SQLite to PostgreSQL and back exports the same document each time, and
/// the copies take new files after the ones they hold.
#[test]
#[cfg(feature = "postgres")]
#[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
fn a_book_copied_between_backends_exports_the_same() {
    let sqlite = Place::sqlite();
    answers_are_matched_and_the_rest_is_outstanding(&sqlite);
    let export = |place: &Place| serde_json::to_value(place.open().export().unwrap()).unwrap();
    let original = export(&sqlite);
    assert!(!original["claims"].as_array().unwrap().is_empty());
    assert!(!original["assignments"].as_array().unwrap().is_empty());

    let mut server = autogiro_testkit::Postgres::for_test();
    let postgres = Place::postgres(&mut server);
    let (files, claims) = sqlite.open().copy_to(&mut postgres.init()).unwrap();
    assert_eq!((files, claims), (5, 4));
    assert_eq!(export(&postgres), original);
    let back = Place::sqlite();
    postgres.open().copy_to(&mut back.init()).unwrap();
    assert_eq!(export(&back), original);

    let later = file(9, 9, &[("12345", date!(2026 - 06 - 10), 100)], false);
    let mut book = postgres.open();
    assert_eq!(
        import(&mut book, "later.txt", &later, date!(2026 - 06 - 01)).claims,
        1
    );
}

/// The claims' indexes in an SQLite book, as `sqlite_master` holds them: name and first page
/// (an index made again starts on another page).
fn claim_indexes(location: &str) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(location).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT name, rootpage FROM sqlite_master WHERE type = 'index'
             AND tbl_name = 'claims' AND sql IS NOT NULL ORDER BY name",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Reads `first` until it is rewound a second time, then `then`: a file that changes between
/// the two readings of an import.
struct Changing {
    first: Cursor<Vec<u8>>,
    then: Cursor<Vec<u8>>,
    rewinds: u32,
}

impl std::io::Read for Changing {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.rewinds >= 2 {
            self.then.read(buf)
        } else {
            self.first.read(buf)
        }
    }
}

impl std::io::Seek for Changing {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        if pos == std::io::SeekFrom::Start(0) {
            self.rewinds += 1;
        }
        self.first.seek(pos)?;
        self.then.seek(pos)
    }
}

/// A file sent as large as the book (60 000 claims) is imported with the claims' indexes made
/// after its claims: they are all there after it, and its answer is matched through them and
/// makes the index of the claims waiting again; a file that fails in the middle leaves them as
/// they were (one transaction).
#[test]
fn a_large_file_sent_makes_the_claims_indexes_after_it() {
    let place = Place::sqlite();
    let mut book = place.init();
    let all = claim_indexes(&place.location);
    let names = |indexes: &[(String, i64)]| -> Vec<String> {
        indexes.iter().map(|(n, _)| n.clone()).collect()
    };
    assert_eq!(
        names(&all),
        [
            "claims_payer",
            "claims_rejected",
            "claims_rejected_own",
            "claims_waiting"
        ]
    );
    let (sent, answer) =
        autogiro_testkit::bench::claims_and_answer(60_000, date!(2026 - 02 - 20)).unwrap();
    let sent = bytes(&sent);
    let mut changed = sent.clone();
    // A letter of the last claim's name: still valid, another file.
    let at = changed.len() - 100;
    changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
    let input = Changing {
        first: Cursor::new(sent.clone()),
        then: Cursor::new(changed),
        rewinds: 0,
    };
    let options = ReadOptions::new();
    let err = book
        .import("changing.txt", input, date!(2026 - 01 - 10), &options)
        .unwrap_err();
    assert!(matches!(err, BookError::Changed(_)), "{err}");
    assert_eq!(claim_indexes(&place.location), all);
    let imported = book
        .import(
            "sent.txt",
            Cursor::new(sent),
            date!(2026 - 01 - 10),
            &options,
        )
        .unwrap();
    assert_eq!(imported.claims, 60_000);
    // The same indexes, those a claim sent goes into made again (on other pages).
    let after = claim_indexes(&place.location);
    assert_eq!(names(&after), names(&all));
    for ((name, before), (_, now)) in all.iter().zip(&after) {
        let made_again = name == "claims_payer" || name == "claims_waiting";
        assert_eq!(
            before != now,
            made_again,
            "{name}: page {before}, then {now}"
        );
    }
    let answered = import(&mut book, "answer.txt", &answer, date!(2026 - 02 - 20));
    assert_eq!(answered.answered, 59_940);
    assert_eq!(answered.unmatched_total, 0);
    // The answer made the index of the claims waiting again, of the 60 left.
    let answered_then = claim_indexes(&place.location);
    for ((name, before), (_, now)) in after.iter().zip(&answered_then) {
        assert_eq!(
            before != now,
            name == "claims_waiting",
            "{name}: page {before}, then {now}"
        );
    }
    let status = book
        .status(date!(2026 - 06 - 01), Show::Outstanding, None)
        .unwrap();
    assert_eq!(status.claims.len(), 60);
}
