//! Developer commands of the autogiro workspace, run as `cargo xtask COMMAND`.
//!
//! Each command is a function here; `cargo xtask --help` lists them.
// Test support and developer commands: a failure is a panic with a message, as in a test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![forbid(unsafe_code)]

mod against;
mod billing;
mod book;
mod bounds;
mod codegen;
mod decisions;
mod fixtures;
mod transfer;
mod web;

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use autogiro_checksum::{Kid, Modulus};
use autogiro_model::Transmission;
use time::macros::date;

/// The commands, with a line of help each.
const COMMANDS: &[(&str, &str)] = &[
    ("help", "print this list of commands"),
    (
        "fixtures [--check]",
        "write testdata/ (ok/, err/, README.md) from the builders; --check fails when it is out of date",
    ),
    (
        "codegen [--check]",
        "write the documents made from the code (docs/columns.md); --check fails, naming the file, when one is out of date",
    ),
    (
        "snapshots",
        "fail on pending (.snap.new) or unreferenced insta snapshots: a test or fixture that no longer exists",
    ),
    (
        "decisions",
        "fail on a citation of a decision that is not a link to docs/spec-decisions.md or names no decision there, and on references outside the repository",
    ),
    (
        "man",
        "write the man pages of `autogiro` and each of its commands to target/man/",
    ),
    (
        "bench [N]",
        "time `wc -l` and the release `autogiro` (validate, inspect, fmt) on the bench data of N claims, and `new claims` on N rows of CSV; median of 5 rounds (each command once a round, in turn), peak RSS, ratios to wc -l",
    ),
    (
        "bench --against REV [N]",
        "build the release `autogiro` of commit REV beside this tree's and time both (validate, inspect) on the plain and the realistic bench files of N claims, in 11 rounds of `wc -l` and both binaries, median of each; fails if their output differs",
    ),
    (
        "web",
        "build the validator's web page into target/web/ (autogiro-web compiled to wasm32-unknown-unknown, bindings by wasm-bindgen of the crate's version, the page's files); serve that folder with any static server",
    ),
    (
        "bench-web [N]",
        "time the web page checking the realistic file of N claims (default 1 000 000) in headless Chromium through chromedriver, next to `autogiro validate` on the same file; the validator's WebAssembly memory",
    ),
    (
        "bench-transfer [N]",
        "time `autogiro send` and `autogiro fetch` of the file of N claims (default 9 999 999, 1.6 GB) through a real sshd on 127.0.0.1, next to scp of the same file; peak RSS",
    ),
    (
        "bench-bounds [N]",
        "peak RSS and time of validate on 1 000 000 broken lines and on 2 GiB of random bytes, validate and inspect of the file of N claims (default 9 999 999), and fetch of 2 GiB of random bytes through a real sshd on 127.0.0.1; each once, next to its bound",
    ),
    (
        "bench-book [--against REV] [N]",
        "the book alone, in SQLite and in PostgreSQL (a server started for the run) side by side: a command's setup (status of an empty book), the import of the file of N claims sent (default 1 000 000) and of MPS's answer, status; time and peak RSS of each step, once; with --against, by the release binary of REV and of this tree, each on a book of its own, in three rounds of one run (the binaries' order turned each round), the median of each",
    ),
    (
        "bench-data [N]",
        "write valid files of N claims (default 1 000 000, at most 9 999 999), plain and realistic (names, both references, KIDs of 10-25 digits, specifications on every 10th), N OCR giro payments of every type, and N rows of billing CSV to target/bench-data/",
    ),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            print_help();
            Ok(())
        }
        Some("fixtures") => match args.get(1).map(String::as_str) {
            None => write_fixtures(),
            Some("--check") => check_fixtures(),
            Some(other) => Err(format!("fixtures: unknown option `{other}`")),
        },
        Some("codegen") => match args.get(1).map(String::as_str) {
            None => codegen::run(&root(), false),
            Some("--check") => codegen::run(&root(), true),
            Some(other) => Err(format!("codegen: unknown option `{other}`")),
        },
        Some("snapshots") => check_snapshots(),
        Some("decisions") => check_decisions(),
        Some("man") => man(),
        Some("bench-data") => bench_data(args.get(1).map(String::as_str)),
        Some("bench") => match args.get(1).map(String::as_str) {
            Some("--against") => match args.get(2) {
                Some(rev) => against::bench_against(rev, args.get(3).map(String::as_str)),
                None => Err("bench --against: which commit?".to_owned()),
            },
            n => bench(n),
        },
        Some("web") => autogiro_testkit::web::build(&root()).map(|dir| {
            println!(
                "the page is in {}: serve that folder with any static server",
                dir.display()
            );
        }),
        Some("bench-web") => web::bench_web(args.get(1).map(String::as_str)),
        Some("bench-transfer") => transfer::bench_transfer(args.get(1).map(String::as_str)),
        Some("bench-bounds") => bounds::bench_bounds(args.get(1).map(String::as_str)),
        Some("bench-book") => match args.get(1).map(String::as_str) {
            Some("--against") => match args.get(2) {
                Some(rev) => against::bench_book_against(rev, args.get(3).map(String::as_str)),
                None => Err("bench-book --against: which commit?".to_owned()),
            },
            n => {
                let root = root();
                release_and_claims(&root, n, 1_000_000).and_then(|(n, _, _)| {
                    book::bench_book(&root, &root.join("target/release/autogiro"), n)
                })
            }
        },
        Some(other) => {
            eprintln!("xtask: unknown command `{other}`\n");
            print_help();
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print_help() {
    println!("usage: cargo xtask COMMAND\n\ncommands:");
    for (name, help) in COMMANDS {
        println!("  {name:<16} {help}");
    }
}

/// The workspace root (the parent of `xtask/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// `cargo xtask man`: `target/man/autogiro.1`, and `autogiro-COMMAND.1` for each command.
fn man() -> Result<(), String> {
    let dir = root().join("target/man");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let command = autogiro_cli::command();
    let mut pages = vec![("autogiro".to_owned(), command.clone())];
    for sub in command.get_subcommands() {
        let name = format!("autogiro-{}", sub.get_name());
        // A page names its command `autogiro-COMMAND`; clap takes a name for good.
        let page = sub.clone().name(&*name.clone().leak());
        pages.push((name, page));
    }
    for (name, page) in &pages {
        let mut out = Vec::new();
        clap_mangen::Man::new(page.clone())
            .render(&mut out)
            .map_err(|e| format!("{name}: {e}"))?;
        let path = dir.join(format!("{name}.1"));
        std::fs::write(&path, out).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!("wrote {} man pages to {}", pages.len(), dir.display());
    Ok(())
}

/// `cargo xtask decisions`: see `decisions.rs`.
fn check_decisions() -> Result<(), String> {
    let problems = decisions::problems(&root())?;
    if problems.is_empty() {
        println!("every decision cited is a link to one that exists");
        return Ok(());
    }
    for p in &problems {
        eprintln!("{p}");
    }
    Err(format!("{} citation problem(s)", problems.len()))
}

/// Every generated file under `testdata/`, README included, by path relative to it.
fn generated() -> Result<std::collections::BTreeMap<String, Vec<u8>>, String> {
    let fixtures = fixtures::all()?;
    let readme = fixtures::readme(&fixtures);
    let mut files: std::collections::BTreeMap<String, Vec<u8>> = fixtures
        .into_iter()
        .map(|(path, (bytes, _))| (path, bytes))
        .collect();
    // Beside each error fixture, the oracle of what reading it gives (`autogiro_testkit::oracle`).
    let oracles: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter_map(|(path, bytes)| {
            let name = path.strip_prefix("err/")?.strip_suffix(".txt")?;
            let options = autogiro_testkit::oracle::options(Path::new(path));
            let read = Transmission::read(&bytes[..], &options);
            let oracle = autogiro_testkit::oracle::write(&format!("{name}.txt"), &read.diagnostics);
            Some((format!("err/{name}.expected"), oracle.into_bytes()))
        })
        .collect();
    files.extend(oracles);
    files.insert("README.md".to_owned(), readme.into_bytes());
    Ok(files)
}

/// The files under `testdata/ok`, `testdata/err` and `testdata/README.md` as they are on disk.
fn on_disk(testdata: &Path) -> Result<std::collections::BTreeMap<String, Vec<u8>>, String> {
    let mut files = std::collections::BTreeMap::new();
    for dir in ["ok", "err", "billing"] {
        let Ok(entries) = std::fs::read_dir(testdata.join(dir)) else {
            continue;
        };
        for entry in entries {
            let entry = entry.map_err(|e| e.to_string())?;
            let name = format!("{dir}/{}", entry.file_name().to_string_lossy());
            files.insert(
                name,
                std::fs::read(entry.path()).map_err(|e| e.to_string())?,
            );
        }
    }
    if let Ok(readme) = std::fs::read(testdata.join("README.md")) {
        files.insert("README.md".to_owned(), readme);
    }
    Ok(files)
}

/// `cargo xtask fixtures`: writes every fixture and removes those no longer generated.
fn write_fixtures() -> Result<(), String> {
    let testdata = root().join("testdata");
    let wanted = generated()?;
    for stale in on_disk(&testdata)?
        .keys()
        .filter(|k| !wanted.contains_key(*k))
    {
        std::fs::remove_file(testdata.join(stale)).map_err(|e| format!("{stale}: {e}"))?;
    }
    for (path, bytes) in &wanted {
        let full = testdata.join(path);
        if let Some(dir) = full.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&full, bytes).map_err(|e| format!("{}: {e}", full.display()))?;
    }
    println!("wrote {} files under {}", wanted.len(), testdata.display());
    Ok(())
}

/// `cargo xtask fixtures --check`: fails, naming the files, when `testdata/` differs from what
/// the command would write.
fn check_fixtures() -> Result<(), String> {
    let differing = stale_fixtures()?;
    if differing.is_empty() {
        println!("testdata/ is up to date");
        return Ok(());
    }
    Err(format!(
        "testdata/ is out of date: {}
run `cargo xtask fixtures` and commit",
        differing.join(", ")
    ))
}

/// The files under `testdata/` that differ from what `cargo xtask fixtures` writes.
fn stale_fixtures() -> Result<Vec<String>, String> {
    let wanted = generated()?;
    let disk = on_disk(&root().join("testdata"))?;
    let mut differing: Vec<String> = wanted
        .iter()
        .filter(|(path, bytes)| disk.get(*path) != Some(*bytes))
        .map(|(path, _)| path.clone())
        .collect();
    differing.extend(
        disk.keys()
            .filter(|k| !wanted.contains_key(*k))
            .map(|k| format!("{k} (not generated)")),
    );
    Ok(differing)
}

/// `cargo xtask snapshots`: every `.snap` under `crates/*/tests/snapshots` must belong to a test
/// function that exists (`BINARY__TEST[@INPUT].snap`) and, for a glob snapshot, to an input file
/// that exists; no `.snap.new` may be left. The check `cargo insta test --unreferenced=reject`
/// makes, without installing cargo-insta.
fn check_snapshots() -> Result<(), String> {
    let problems = snapshot_problems()?;
    if problems.is_empty() {
        println!("snapshots: every one is referenced, none pending");
        return Ok(());
    }
    Err(format!("snapshots:\n  {}", problems.join("\n  ")))
}

fn snapshot_problems() -> Result<Vec<String>, String> {
    let root = root();
    let mut problems = Vec::new();
    let crates = std::fs::read_dir(root.join("crates")).map_err(|e| e.to_string())?;
    for krate in crates {
        let tests = krate.map_err(|e| e.to_string())?.path().join("tests");
        let Ok(snapshots) = std::fs::read_dir(tests.join("snapshots")) else {
            continue;
        };
        for snap in snapshots {
            let path = snap.map_err(|e| e.to_string())?.path();
            let shown = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let Some(stem) = name.strip_suffix(".snap") else {
                problems.push(format!(
                    "{shown}: pending; review it and accept or delete it"
                ));
                continue;
            };
            let Some((binary, test)) = stem.split('@').next().and_then(|s| s.split_once("__"))
            else {
                problems.push(format!("{shown}: not named BINARY__TEST.snap"));
                continue;
            };
            let source =
                std::fs::read_to_string(tests.join(format!("{binary}.rs"))).unwrap_or_default();
            if !source.contains(&format!("fn {test}(")) {
                problems.push(format!("{shown}: no test `{test}` in tests/{binary}.rs"));
                continue;
            }
            let contents = std::fs::read_to_string(&path).map_err(|e| format!("{shown}: {e}"))?;
            if let Some(input) = contents
                .lines()
                .find_map(|l| l.strip_prefix("input_file: "))
                && !root.join(input.trim()).exists()
            {
                problems.push(format!("{shown}: its input {input} no longer exists"));
            }
        }
    }
    Ok(problems)
}

/// One timed command: the median wall time of `RUNS` runs and the largest peak RSS.
struct Timing {
    name: String,
    seconds: f64,
    rss_kib: Option<u64>,
}

/// How many times each command runs; the median is reported.
const RUNS: usize = 5;

/// Runs `program args` `RUNS` times, its output discarded: the median time and the largest
/// peak RSS.
fn time_command(name: &str, program: &Path, args: &[&str]) -> Result<Timing, String> {
    time_rounds(RUNS, &[(name, program, args)])?
        .pop()
        .ok_or_else(|| format!("no timing of {name}"))
}

/// Runs each of `commands` (name, program, arguments) once a round for `rounds` rounds, in
/// turn, their output discarded: the median time and the largest peak RSS of each. A change of
/// the machine's pace falls on every command of a round alike, so their ratios hold. Before
/// each command its input files are read into the page cache again ([`warm`]), untimed.
fn time_rounds(rounds: usize, commands: &[(&str, &Path, &[&str])]) -> Result<Vec<Timing>, String> {
    let mut runs: Vec<Vec<Timing>> = commands.iter().map(|_| Vec::new()).collect();
    for _ in 0..rounds {
        for ((name, program, args), runs) in commands.iter().zip(&mut runs) {
            warm(args)?;
            runs.push(time_once(name, program, args)?);
        }
    }
    Ok(runs.into_iter().map(median).collect())
}

/// Reads every argument that names a file, so that the command timed next finds it in the
/// page cache. Once before all rounds is not enough on the project's machine: a virtual one
/// whose host takes back the page cache it has not touched for a while (idle, its cache
/// shrank by about 20 MB a second), so that a file read a few seconds before was partly read
/// from disk again, and by whichever command came first.
fn warm(args: &[&str]) -> Result<(), String> {
    for path in args.iter().map(Path::new).filter(|p| p.is_file()) {
        std::fs::File::open(path)
            .and_then(|mut file| std::io::copy(&mut file, &mut std::io::sink()))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The median time of `runs`, with the largest peak RSS of them.
fn median(mut runs: Vec<Timing>) -> Timing {
    let rss_kib = runs.iter().filter_map(|t| t.rss_kib).max();
    runs.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    let middle = runs.len() / 2;
    let mut t = runs.into_iter().nth(middle).unwrap_or(Timing {
        name: String::new(),
        seconds: 0.0,
        rss_kib: None,
    });
    t.rss_kib = rss_kib;
    t
}

/// Runs `program args` once, its output discarded; peak RSS from `/usr/bin/time` when the
/// machine has it.
fn time_once(name: &str, program: &Path, args: &[&str]) -> Result<Timing, String> {
    time_exiting(name, program, args, 0)
}

/// [`time_once`] of a command expected to exit with `code` (1: a file with problems).
fn time_exiting(name: &str, program: &Path, args: &[&str], code: i32) -> Result<Timing, String> {
    let gnu_time = Path::new("/usr/bin/time");
    let started = Instant::now();
    let output = if gnu_time.exists() {
        std::process::Command::new(gnu_time)
            .args(["-f", "%M"])
            .arg(program)
            .args(args)
            .stdout(std::process::Stdio::null())
            .output()
    } else {
        std::process::Command::new(program)
            .args(args)
            .stdout(std::process::Stdio::null())
            .output()
    }
    .map_err(|e| format!("{}: {e}", program.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    if output.status.code() != Some(code) {
        return Err(format!(
            "{name} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let rss_kib = String::from_utf8_lossy(&output.stderr)
        .lines()
        .last()
        .and_then(|l| l.trim().parse::<u64>().ok());
    Ok(Timing {
        name: name.to_owned(),
        seconds,
        rss_kib,
    })
}

/// The number of claims of a bench (`n`, else `default`), the release `autogiro` built, and
/// the bench's claims file (written when missing) with its size.
fn release_and_claims(
    root: &Path,
    n: Option<&str>,
    default: u32,
) -> Result<(u32, PathBuf, u64), String> {
    let n: u32 = n.map_or(Ok(default), |s| {
        s.parse()
            .map_err(|_| format!("not a number of claims: {s}"))
    })?;
    build_release_cli(root)?;
    let data = root.join(format!("target/bench-data/claims-{n}.txt"));
    let realistic = root.join(format!("target/bench-data/realistic-{n}.txt"));
    let ocr = root.join(format!("target/bench-data/ocr-{n}.txt"));
    if !data.exists() || !realistic.exists() || !ocr.exists() {
        bench_data(Some(&n.to_string()))?;
    }
    let bytes = std::fs::metadata(&data).map_err(|e| e.to_string())?.len();
    Ok((n, data, bytes))
}

/// Builds the release `autogiro`.
fn build_release_cli(root: &Path) -> Result<(), String> {
    let status = std::process::Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet", "-p", "autogiro-cli"])
        .current_dir(root)
        .status()
        .map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err("cargo build --release -p autogiro-cli failed".to_owned())
    }
}

/// `wc -l`, `autogiro validate` and `autogiro inspect` on the claims `file` (and `autogiro fmt`
/// with `fmt`), in [`RUNS`] rounds.
fn time_claims(cli: &Path, file: &str, fmt: bool) -> Result<Vec<Timing>, String> {
    let today = ["--today", "2026-01-10"];
    let validate = [&["validate", file][..], &today].concat();
    let inspect = [&["inspect", file][..], &today].concat();
    let (wc, fmt_args) = (["-l", file], ["fmt", file]);
    let mut commands = vec![
        ("wc -l", Path::new("wc"), &wc[..]),
        ("autogiro validate (streaming, every rule)", cli, &validate),
        (
            "autogiro inspect (Transmission::read, the whole model)",
            cli,
            &inspect,
        ),
    ];
    if fmt {
        commands.push((
            "autogiro fmt (every record read and written)",
            cli,
            &fmt_args,
        ));
    }
    time_rounds(RUNS, &commands)
}

/// `cargo xtask bench [N]`: the release CLI against `wc -l` on the bench data, in one run.
fn bench(n: Option<&str>) -> Result<(), String> {
    let root = root();
    let (n, data, bytes) = release_and_claims(&root, n, 1_000_000)?;
    let file = data.to_string_lossy().into_owned();
    let cli = root.join("target/release/autogiro");
    let timings = time_claims(&cli, &file, true)?;
    println!(
        "{n} claims, median of {RUNS} rounds (each command once a round, in turn), files in the page cache\n"
    );
    print_table(&format!("the claims file, {n} claims"), bytes, &timings);

    // The same number of claims as a billing system writes them: names, both references, KIDs
    // of 10-25 digits, specifications on every 10th.
    let realistic = root.join(format!("target/bench-data/realistic-{n}.txt"));
    let realistic_bytes = std::fs::metadata(&realistic)
        .map_err(|e| e.to_string())?
        .len();
    let realistic = realistic.to_string_lossy().into_owned();
    let timings = time_claims(&cli, &realistic, false)?;
    print_table(
        &format!("the realistic claims file, {n} claims"),
        realistic_bytes,
        &timings,
    );

    // The same number of OCR giro payments from MPS, of every transaction type.
    let ocr = root.join(format!("target/bench-data/ocr-{n}.txt"));
    let ocr_bytes = std::fs::metadata(&ocr).map_err(|e| e.to_string())?.len();
    let timings = time_claims(&cli, &ocr.to_string_lossy(), false)?;
    print_table(
        &format!("the OCR giro file, {n} payments"),
        ocr_bytes,
        &timings,
    );

    // The way in: the same number of billing rows as CSV, made into a claims file.
    let csv = root.join(format!("target/bench-data/billing-{n}.csv"));
    let settings = root.join("target/bench-data/autogiro.toml");
    if !csv.exists() || !settings.exists() {
        bench_data(Some(&n.to_string()))?;
    }
    let csv_bytes = std::fs::metadata(&csv).map_err(|e| e.to_string())?.len();
    let csv_file = csv.to_string_lossy().into_owned();
    let out = root.join("target/bench-data/new-claims.txt");
    let new_args = [
        "new",
        "claims",
        &csv_file,
        "--transmission",
        "1",
        "--assignment",
        "1",
        "--today",
        "2026-01-10",
        "--config",
        &settings.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--force",
    ]
    .map(str::to_owned);
    let new_args: Vec<&str> = new_args.iter().map(String::as_str).collect();
    let timings = time_rounds(
        RUNS,
        &[
            ("wc -l", Path::new("wc"), &["-l", &csv_file]),
            (
                "autogiro new claims (rows read, file written and validated)",
                &cli,
                &new_args,
            ),
        ],
    )?;
    print_table(
        &format!("billing rows as CSV, {n} rows"),
        csv_bytes,
        &timings,
    );
    book::bench_book(&root, &cli, n)
}

/// Peak RSS for a report.
#[allow(clippy::cast_precision_loss)] // Figures for a report.
fn mib(kib: Option<u64>) -> String {
    kib.map_or_else(
        || "?".to_owned(),
        |k| format!("{:.1} MiB", k as f64 / 1024.0),
    )
}

/// A table of timings of commands on one file of `bytes`, each next to the first (`wc -l`).
#[allow(clippy::cast_precision_loss)] // Figures for a report, not amounts.
fn print_table(title: &str, bytes: u64, timings: &[Timing]) {
    let mb = bytes as f64 / 1e6;
    let wc = timings.first().map_or(1.0, |t| t.seconds);
    println!("{title}, {mb:.0} MB:\n");
    println!("| command | seconds | MB/s | x wc -l time | peak RSS |");
    println!("|---|---|---|---|---|");
    for t in timings {
        let rss = mib(t.rss_kib);
        println!(
            "| {} | {:.3} | {:.0} | {:.1} | {rss} |",
            t.name,
            t.seconds,
            mb / t.seconds,
            t.seconds / wc,
        );
    }
    println!();
}

/// Writes `target/bench-data/claims-N.txt`: N claims in assignments of 100 000, with mod-10
/// KIDs and valid accounts, built with the model's builders so that it validates cleanly.
fn bench_data(n: Option<&str>) -> Result<(), String> {
    let n: u32 = match n {
        None => 1_000_000,
        Some(s) => s
            .parse()
            .map_err(|_| format!("not a number of claims: {s}"))?,
    };
    if n == 0 || n > 9_999_999 {
        return Err(format!("{n} claims: a transmission holds 1 to 9 999 999"));
    }
    let started = Instant::now();
    let dir = root().join("target/bench-data");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(format!("claims-{n}.txt"));
    // MPS's answer: every claim settled on the business day after it is due, but every
    // 1000th, which stays outstanding.
    let (transmission, answer) =
        autogiro_testkit::bench::claims_and_answer(n, date!(2026 - 02 - 20))?;
    let answer_path = dir.join(format!("answers-{n}.txt"));
    write_transmission(&answer, &answer_path)?;
    write_transmission(&transmission, &path)?;
    let realistic = dir.join(format!("realistic-{n}.txt"));
    write_transmission(&autogiro_testkit::bench::realistic(n)?, &realistic)?;
    let ocr = dir.join(format!("ocr-{n}.txt"));
    write_transmission(&autogiro_testkit::bench::ocr(n)?, &ocr)?;
    println!(
        "wrote {} and {} ({n} claims each) in {:.2} s",
        path.display(),
        realistic.display(),
        started.elapsed().as_secs_f64()
    );
    billing_csv(&dir, n)
}

fn write_transmission(t: &Transmission, path: &Path) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    t.write(&mut out)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    out.flush().map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes `target/bench-data/billing-N.csv`, N rows of billing data as a billing system
/// exports them (payer reference, amount with a decimal comma, due date, KID, name, own
/// reference), and the settings `autogiro new` reads them with.
fn billing_csv(dir: &Path, n: u32) -> Result<(), String> {
    let path = dir.join(format!("billing-{n}.csv"));
    let file = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let io = |e: std::io::Error| format!("{}: {e}", path.display());
    out.write_all(b"payer_reference;amount;due_date;kid;short_name;own_reference\n")
        .map_err(io)?;
    for k in 0..n {
        let kid =
            Kid::with_check_digit(&format!("{k:08}"), Modulus::Mod10).map_err(|e| e.to_string())?;
        writeln!(
            out,
            "{};{},00;{:02}.01.2026;{kid};Nordmann;Faktura {k}",
            10_000 + k,
            k % 997 + 1,
            15 + k % 14,
        )
        .map_err(io)?;
    }
    out.flush().map_err(io)?;
    let settings = dir.join("autogiro.toml");
    std::fs::write(
        &settings,
        "[payee]\ncustomer_unit = \"00012345\"\n\n[[agreement]]\nid = \"000056789\"\naccount = \"1234.56.78903\"\n",
    )
    .map_err(|e| format!("{}: {e}", settings.display()))?;
    println!(
        "wrote {} ({n} rows) and {}",
        path.display(),
        settings.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn snapshots_are_referenced() {
        let problems = super::snapshot_problems().unwrap();
        assert!(problems.is_empty(), "{problems:#?}");
    }

    /// The same check as `cargo xtask fixtures --check`, so that `cargo test` catches it too.
    #[test]
    fn fixtures_are_up_to_date() {
        let stale = super::stale_fixtures().unwrap();
        assert!(
            stale.is_empty(),
            "testdata/ is out of date: {}\nrun `cargo xtask fixtures` and commit",
            stale.join(", ")
        );
    }

    #[test]
    fn man_pages_are_written() {
        super::man().unwrap();
        let page = std::fs::read_to_string(super::root().join("target/man/autogiro.1")).unwrap();
        assert!(page.contains("Exit codes"), "{page}");
        assert!(
            super::root()
                .join("target/man/autogiro-validate.1")
                .exists()
        );
    }

    #[test]
    fn fixtures_are_deterministic() {
        assert_eq!(super::generated().unwrap(), super::generated().unwrap());
    }
}
