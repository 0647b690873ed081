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
                known: 5
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
                known: 5
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
