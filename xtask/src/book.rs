//! `cargo xtask bench-book [N]`: the book alone, in SQLite and in PostgreSQL side by side.

use std::path::Path;

use crate::{Timing, bench_data, mib, time_once};

/// The book: a file of N claims sent, MPS's answer settling all but every 1000th, and the
/// status of the book then. Each step runs once, on a book made for the run: in SQLite, and
/// in PostgreSQL when it is installed (a server started for the run), side by side.
pub(crate) fn bench_book(root: &Path, cli: &Path, n: u32) -> Result<(), String> {
    let data = root.join("target/bench-data");
    let answers = data.join(format!("answers-{n}.txt"));
    if !answers.exists() {
        bench_data(Some(&n.to_string()))?;
    }
    let book = data.join(format!("book-{n}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let mut p = book.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(&p);
    }
    let claims = data.join(format!("claims-{n}.txt"));
    let sqlite = book_steps(cli, &book.to_string_lossy(), &claims, &answers)?;
    let mut server = autogiro_testkit::Postgres::start();
    let postgres = match &mut server {
        Some(server) => Some(book_steps(cli, &server.database(), &claims, &answers)?),
        None => None,
    };
    println!("the book, {n} claims, each step once:\n");
    println!("| step | SQLite | peak RSS | PostgreSQL | peak RSS |");
    println!("|---|---|---|---|---|");
    for (i, t) in sqlite.iter().enumerate() {
        let pg = postgres.as_ref().and_then(|p| p.get(i)).map_or_else(
            || "(not installed) | ".to_owned(),
            |p| format!("{:.3} s | {}", p.seconds, mib(p.rss_kib)),
        );
        println!(
            "| {} | {:.3} s | {} | {pg} |",
            t.name,
            t.seconds,
            mib(t.rss_kib)
        );
    }
    Ok(())
}

/// `--book LOCATION ARGS`.
fn on<'a>(location: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    [&["--book", location][..], args].concat()
}

/// The steps of [`bench_book`] on the book at `location`.
pub(crate) fn book_steps(
    cli: &Path,
    location: &str,
    claims: &Path,
    answers: &Path,
) -> Result<Vec<Timing>, String> {
    let claims = claims.to_string_lossy();
    let answers = answers.to_string_lossy();
    let with = |args: &[&'static str]| on(location, args);
    time_once("book init", cli, &with(&["book", "init"]))?;
    Ok(vec![
        // What every command pays before its first query: the connection (for PostgreSQL a
        // TCP session and authentication) and the schema's check.
        time_once(
            "a command's setup (book status of an empty book)",
            cli,
            &with(&["book", "status", "--today", "2026-01-10"]),
        )?,
        time_once(
            "book import, the file sent",
            cli,
            &on(
                location,
                &["book", "import", &claims, "--today", "2026-01-10"],
            ),
        )?,
        time_once(
            "book import, MPS's answer settling all but every 1000th",
            cli,
            &on(location, &["book", "import", &answers]),
        )?,
        time_once(
            "book status (counts and sums)",
            cli,
            &with(&["book", "status", "--today", "2026-06-01"]),
        )?,
        time_once(
            "book status --outstanding (listed as CSV)",
            cli,
            &with(&[
                "book",
                "status",
                "--outstanding",
                "--today",
                "2026-06-01",
                "--format",
                "csv",
            ]),
        )?,
    ])
}
