//! `cargo xtask bench --against REV [N]` (and `bench-book --against REV [N]`, the book's steps
//! alone): the release `autogiro` of another commit built beside
//! this tree's, both timed on the same files in one run, in rounds of `wc -l` and both binaries
//! so that what the machine does meanwhile falls on all of them alike; and their output
//! compared, byte for byte. Then the book's steps (`book import` of the file sent and of MPS's
//! answer, `book status`) by each binary on a book of its own, in rounds, SQLite and, where
//! the server is installed, PostgreSQL.
//!
//! The other commit is checked out as a git worktree under `target/against/SHA/src` and built
//! into `target/against/SHA/target` (kept, so that a second run builds nothing).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::book::book_steps;
use crate::{Timing, median, mib, release_and_claims, root, time_rounds};

/// The rounds of [`bench_against`], each timing `wc -l` and both binaries once per command: on
/// a machine whose pace changes from one second to the next, a ratio to `wc -l` timed apart, in
/// five runs, moved by a tenth between two runs.
const ROUNDS: usize = 11;

/// The commands timed, as `autogiro` takes them.
const COMMANDS: [(&str, &[&str]); 2] = [
    ("validate", &["validate", "--today", "2026-01-10"]),
    ("inspect", &["inspect", "--today", "2026-01-10"]),
];

/// Builds `rev`'s `autogiro`, times it and this tree's on the plain and the realistic bench
/// files of `n` claims, and prints a table of both with their ratio.
pub(crate) fn bench_against(rev: &str, n: Option<&str>) -> Result<(), String> {
    let root = root();
    let (n, plain, _) = release_and_claims(&root, n, 1_000_000)?;
    let realistic = root.join(format!("target/bench-data/realistic-{n}.txt"));
    let (short, theirs) = build_at(&root, rev)?;
    let ours = root.join("target/release/autogiro");
    let files = [("plain", plain), ("realistic", realistic)];
    for (_, file) in &files {
        same_output(&theirs, &ours, file)?;
    }
    println!(
        "{n} claims; {short} against this tree, `wc -l` and both binaries alternated, median of {ROUNDS} rounds; files in the page cache\n"
    );
    println!(
        "| file | command | {short} | this tree | {short} / this tree | this tree x wc -l | peak RSS {short} | peak RSS this tree |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (label, file) in &files {
        let file_arg = file.to_string_lossy().into_owned();
        let args: Vec<Vec<&str>> = COMMANDS
            .iter()
            .map(|(_, args)| args.iter().copied().chain([file_arg.as_str()]).collect())
            .collect();
        // `wc -l`, then each command by either binary, in every round.
        let wc_args = ["-l", file_arg.as_str()];
        let mut commands = vec![("wc -l", Path::new("wc"), &wc_args[..])];
        for ((name, _), args) in COMMANDS.iter().zip(&args) {
            commands.push((name, &theirs, args));
            commands.push((name, &ours, args));
        }
        let mut timings = time_rounds(ROUNDS, &commands)?.into_iter();
        let wc = timings.next().ok_or("no timing of wc -l")?;
        for (name, _) in COMMANDS {
            let (Some(a), Some(b)) = (timings.next(), timings.next()) else {
                return Err(format!("no timing of {name}"));
            };
            println!(
                "| {label} | {name} | {:.3} s | {:.3} s | {:.2} | {:.1} | {} | {} |",
                a.seconds,
                b.seconds,
                a.seconds / b.seconds,
                b.seconds / wc.seconds,
                mib(a.rss_kib),
                mib(b.rss_kib),
            );
        }
        println!("| {label} | wc -l | | {:.3} s | | 1.0 | | |", wc.seconds);
    }
    book_against(&root, n, &short, &theirs, &ours)
}

/// `cargo xtask bench-book --against REV [N]`: the book's steps alone ([`book_against`]).
pub(crate) fn bench_book_against(rev: &str, n: Option<&str>) -> Result<(), String> {
    let root = root();
    let (n, _, _) = release_and_claims(&root, n, 1_000_000)?;
    let (short, theirs) = build_at(&root, rev)?;
    book_against(
        &root,
        n,
        &short,
        &theirs,
        &root.join("target/release/autogiro"),
    )
}

/// How many rounds [`book_against`] runs: each a new book for each binary and backend. A
/// step of the book takes seconds to a minute, and the machine's pace moves by a third between
/// two runs of one binary minutes apart (docs/performance.md): one run of each said 1.38 of a
/// change that touched nothing it timed.
const BOOK_ROUNDS: usize = 3;

/// The book's steps by `theirs` and by `ours`, each on a new book of its own, in
/// [`BOOK_ROUNDS`] rounds in one run, the binaries' order turned each round so that neither
/// always runs on a book written a moment before: SQLite, and PostgreSQL where it is installed
/// (each binary and round a database of its own). The median of each step and binary, and the
/// largest peak RSS.
fn book_against(
    root: &Path,
    n: u32,
    short: &str,
    theirs: &Path,
    ours: &Path,
) -> Result<(), String> {
    let data = root.join("target/bench-data");
    let claims = data.join(format!("claims-{n}.txt"));
    let answers = data.join(format!("answers-{n}.txt"));
    if !answers.exists() {
        crate::bench_data(Some(&n.to_string()))?;
    }
    let sqlite = |who: &str, cli: &Path| {
        let book = data.join(format!("book-against-{who}-{n}.db"));
        for suffix in ["", "-wal", "-shm"] {
            let mut p = book.as_os_str().to_owned();
            p.push(suffix);
            let _ = std::fs::remove_file(&p);
        }
        book_steps(cli, &book.to_string_lossy(), &claims, &answers)
    };
    let mut server = autogiro_testkit::Postgres::start();
    // Per backend, per binary (theirs, ours): each round's steps.
    let mut rounds: Vec<(&str, [Vec<Vec<Timing>>; 2])> = vec![("SQLite", [vec![], vec![]])];
    if server.is_some() {
        rounds.push(("PostgreSQL", [vec![], vec![]]));
    }
    for round in 0..BOOK_ROUNDS {
        let order = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        for (backend, runs) in &mut rounds {
            for who in order {
                let (name, cli) = [("theirs", theirs), ("ours", ours)][who];
                let steps = match server.as_mut() {
                    Some(server) if *backend == "PostgreSQL" => {
                        book_steps(cli, &server.database(), &claims, &answers)?
                    }
                    _ => sqlite(name, cli)?,
                };
                runs[who].push(steps);
            }
        }
    }
    println!(
        "\nthe book, {n} claims, each step by each binary on a book of its own, median of \
         {BOOK_ROUNDS} rounds (the binaries' order turned each round), the largest peak RSS:\n"
    );
    println!(
        "| backend | step | {short} | this tree | this tree / {short} | peak RSS {short} | peak RSS this tree |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (backend, [a, b]) in rounds {
        for (a, b) in medians(a).iter().zip(medians(b)) {
            println!(
                "| {backend} | {} | {:.3} s | {:.3} s | {:.2} | {} | {} |",
                a.name,
                a.seconds,
                b.seconds,
                b.seconds / a.seconds,
                mib(a.rss_kib),
                mib(b.rss_kib),
            );
        }
    }
    Ok(())
}

/// Of rounds of the same steps, each step's median time and largest peak RSS.
fn medians(rounds: Vec<Vec<Timing>>) -> Vec<Timing> {
    let mut steps: Vec<Vec<Timing>> = Vec::new();
    for round in rounds {
        for (i, t) in round.into_iter().enumerate() {
            match steps.get_mut(i) {
                Some(runs) => runs.push(t),
                None => steps.push(vec![t]),
            }
        }
    }
    steps.into_iter().map(median).collect()
}

/// Fails unless both binaries print the same (and exit the same) for `validate` and `inspect`
/// of `file`: a faster binary that says something else is no faster.
fn same_output(theirs: &Path, ours: &Path, file: &Path) -> Result<(), String> {
    for (name, args) in COMMANDS {
        let run = |program: &Path| {
            Command::new(program)
                .args(args)
                .arg(file)
                .output()
                .map_err(|e| format!("{}: {e}", program.display()))
        };
        let (a, b) = (run(theirs)?, run(ours)?);
        if a.stdout != b.stdout || a.status.code() != b.status.code() {
            return Err(format!(
                "`autogiro {name} {}`: the two binaries disagree (exit {:?} and {:?})",
                file.display(),
                a.status.code(),
                b.status.code()
            ));
        }
    }
    Ok(())
}

/// The release `autogiro` of `rev`, built in a worktree of its own: its short hash and path.
fn build_at(root: &Path, rev: &str) -> Result<(String, PathBuf), String> {
    let git = |args: &[&str]| -> Result<String, String> {
        let out = Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .map_err(|e| format!("git: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "git {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    };
    let sha = git(&["rev-parse", "--verify", &format!("{rev}^{{commit}}")])?;
    let short: String = sha.chars().take(12).collect();
    let dir = root.join("target/against").join(&short);
    let src = dir.join("src");
    if !src.join("Cargo.toml").exists() {
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        git(&["worktree", "prune"])?;
        git(&[
            "worktree",
            "add",
            "--detach",
            "--force",
            &src.to_string_lossy(),
            &sha,
        ])?;
    }
    eprintln!("building autogiro at {short} in {}", src.display());
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "--quiet",
            "--locked",
            "-p",
            "autogiro-cli",
        ])
        .current_dir(&src)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .status()
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("building autogiro at {short} failed"));
    }
    Ok((short, dir.join("target/release/autogiro")))
}
