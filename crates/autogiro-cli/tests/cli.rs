//! End-to-end tests of the `autogiro` binary: output under snapshot, exit codes, standard
//! input, and what the outputs promise (round trips, atomic writes).
#![cfg(test)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use autogiro_testkit::oracle;

fn testdata(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .canonicalize()
        .unwrap()
        .join(rel)
}

/// Runs `autogiro` from the workspace root (so that file names in output are stable); standard
/// output as raw bytes.
fn autogiro_raw(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::cargo_bin("autogiro")
        .unwrap()
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .args(args)
        // English whatever the machine's locale: the snapshots are in English.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// [`autogiro_raw`] with standard output as text.
fn autogiro(args: &[&str]) -> (i32, String, String) {
    let (code, out, err) = autogiro_raw(args);
    (code, String::from_utf8(out).unwrap(), err)
}

/// A fresh folder for a test, `autogiro-cli-NAME-PID` in the system's temporary folder; the
/// first one a run makes removes those of earlier runs that are over (their process is gone),
/// so that runs do not pile their folders up.
fn temp_dir(name: &str) -> PathBuf {
    static SWEEP: std::sync::Once = std::sync::Once::new();
    SWEEP.call_once(|| {
        let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
            return;
        };
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(rest) = file_name
                .to_str()
                .and_then(|n| n.strip_prefix("autogiro-cli-"))
            else {
                continue;
            };
            let Some((_, pid)) = rest.rsplit_once('-') else {
                continue;
            };
            let ended = pid.bytes().all(|b| b.is_ascii_digit())
                && !Path::new("/proc").join(pid).exists()
                && Path::new("/proc/self").exists();
            if ended {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    });
    let dir = std::env::temp_dir().join(format!("autogiro-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The options the tests read a fixture with (`testdata/README.md`).
fn read_args(file: &str) -> Vec<&str> {
    let mut args = vec!["--today", "2026-01-10"];
    if file.contains("before-3.9") {
        args.extend(["--edition", "before-3.9"]);
    }
    args
}

#[test]
fn validate_every_fixture_human_and_json() {
    insta::glob!("../../../testdata", "{ok,err}/*.txt", |path| {
        let rel = path.strip_prefix(testdata("")).unwrap();
        let file = format!("testdata/{}", rel.display());
        let human_args = [&["validate", file.as_str()][..], &read_args(&file)].concat();
        let (code, human, _) = autogiro(&human_args);
        let json_args = [
            &["validate", "--format", "json", file.as_str()][..],
            &read_args(&file),
        ]
        .concat();
        let (json_code, json, _) = autogiro(&json_args);
        assert_eq!(code, json_code);
        let mut errors = 0;
        let mut found = Vec::new();
        let mut lines: Vec<&str> = json.lines().collect();
        // The last line sums the file up; the others are diagnostics.
        let summary: serde_json::Value = serde_json::from_str(lines.pop().unwrap()).unwrap();
        assert_eq!(summary["file"], file.as_str());
        for line in lines {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            for key in [
                "file",
                "line",
                "columns",
                "record_type",
                "field",
                "code",
                "severity",
                "message",
            ] {
                assert!(v.get(key).is_some(), "{key} missing in {line}");
            }
            errors += usize::from(v["severity"] == "error");
            let columns = v["columns"].as_array().map(|c| {
                let n = |i: usize| usize::try_from(c[i].as_u64().unwrap()).unwrap();
                (n(0), n(1))
            });
            found.push(oracle::Expected {
                severity: if v["severity"] == "error" {
                    "error"
                } else {
                    "warning"
                },
                code: v["code"].as_str().unwrap().to_owned(),
                line: v["line"].as_u64().unwrap(),
                columns,
            });
        }
        // What the command finds is the fixture's oracle (`NAME.expected`).
        if rel.starts_with("err") {
            assert_eq!(found, oracle::of(path), "{file}");
        }
        assert_eq!(code, i32::from(errors > 0), "{file}");
        assert_eq!(summary["errors"].as_u64(), Some(errors as u64), "{file}");
        assert_eq!(summary["valid"].as_bool(), Some(errors == 0), "{file}");
        if rel.starts_with("ok") {
            assert_eq!(code, 0, "{file}");
        }
        insta::assert_snapshot!(format!("exit {code}\n{human}\n--- json\n{json}"));
    });
}

#[test]
fn inspect_the_ok_fixtures() {
    insta::glob!("../../../testdata", "ok/*.txt", |path| {
        let rel = path.strip_prefix(testdata("")).unwrap();
        let file = format!("testdata/{}", rel.display());
        let args = [&["inspect", file.as_str()][..], &read_args(&file)].concat();
        let (code, out, err) = autogiro(&args);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(out);
    });
}

#[test]
fn inspect_a_broken_file_says_so_and_exits_1() {
    let (code, out, _) = autogiro(&[
        "inspect",
        "testdata/err/field-format--filler-not-zero.txt",
        "--today",
        "2026-01-10",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("1 error(s)"), "{out}");
}

#[test]
fn standard_input_is_dash() {
    let data = std::fs::read(testdata("err/field-format--amount-with-letter.txt")).unwrap();
    let out = Command::cargo_bin("autogiro")
        .unwrap()
        .args(["validate", "-", "--today", "2026-01-10"])
        .write_stdin(data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("--> <stdin>:3:33"), "{text}");
}

#[test]
fn bad_inputs_get_one_line_and_the_right_exit_code() {
    let dir = temp_dir("bad");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let random = dir.join("random.bin");
    std::fs::write(&random, (0..=255u8).cycle().take(1000).collect::<Vec<_>>()).unwrap();
    let dir_s = dir.to_string_lossy().into_owned();
    // A directory checks the files in it: both are broken.
    let (code, out, _) = autogiro(&["validate", &dir_s]);
    assert_eq!(code, 1);
    assert!(
        out.contains("empty.txt") && out.contains("random.bin"),
        "{out}"
    );
    let (code, _, err) = autogiro(&["validate", "no/such/file.txt"]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("autogiro: error: cannot read no/such/file.txt"),
        "{err}"
    );
    let (code, out, _) = autogiro(&["validate", &empty.to_string_lossy()]);
    assert_eq!(code, 1);
    assert!(out.contains("the file holds no records"), "{out}");
    let (code, _, err) = autogiro(&["validate", &random.to_string_lossy()]);
    assert_eq!(code, 1);
    assert!(!err.contains("panicked"));
    let (code, _, _) = autogiro(&["validate"]);
    assert_eq!(code, 2, "usage");
    let (code, _, _) = autogiro(&["validate", "x", "--today", "2026-02-30"]);
    assert_eq!(code, 2, "bad date");
}

#[test]
fn outputs_are_never_overwritten_unless_asked() {
    let dir = temp_dir("force");
    let out = dir.join("out.txt");
    std::fs::write(&out, b"keep me").unwrap();
    let out_s = out.to_string_lossy().into_owned();
    let (code, _, err) = autogiro(&["fmt", "testdata/ok/records-to-mps.txt", "-o", &out_s]);
    assert_eq!(code, 2);
    assert!(err.contains("use --force"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    assert_eq!(
        autogiro(&[
            "fmt",
            "testdata/ok/records-to-mps.txt",
            "-o",
            &out_s,
            "--force"
        ])
        .0,
        0
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(testdata("ok/records-to-mps.txt")).unwrap()
    );
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
}

/// `-o` writes into what is not a regular file (a device stays a device) and keeps an
/// existing file's permissions.
#[cfg(unix)]
#[test]
fn outputs_keep_devices_and_permissions() {
    use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
    let dir = temp_dir("outputs-kept");
    let (code, _, err) = autogiro(&[
        "fmt",
        "testdata/ok/records-to-mps.txt",
        "-o",
        "/dev/null",
        "--force",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let out = dir.join("out.txt");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (code, _, err) = autogiro(&[
        "fmt",
        "testdata/ok/records-to-mps.txt",
        "-o",
        &out.to_string_lossy(),
        "--force",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let new = dir.join("new.txt");
    autogiro(&[
        "fmt",
        "testdata/ok/records-to-mps.txt",
        "-o",
        &new.to_string_lossy(),
    ]);
    assert_eq!(
        std::fs::metadata(&new).unwrap().permissions().mode() & 0o777,
        0o644
    );
}

/// A book configured in the settings of `dir`, and `autogiro` run there.
/// Claims files of `n` claims each, transmissions `first..first + count`, made by `new`.
fn claim_files(dir: &Path, first: u32, count: u32) -> Vec<PathBuf> {
    let csv = dir.join("claims.csv");
    std::fs::write(
        &csv,
        "payer_reference,amount,due_date,short_name\n12345,100,2026-04-10,Nordmann\n23456,200,2026-04-20,Nordmann\n",
    )
    .unwrap();
    (first..first + count)
        .map(|n| {
            let out = dir.join(format!("claims-{n}.txt"));
            let (code, _, err) = autogiro(&[
                "new",
                "claims",
                &csv.to_string_lossy(),
                "--transmission",
                &n.to_string(),
                "--assignment",
                &n.to_string(),
                "--today",
                "2026-03-16",
                "--config",
                "testdata/billing/autogiro.toml",
                "-o",
                &out.to_string_lossy(),
                "--force",
            ]);
            assert_eq!(code, 0, "{err}");
            out
        })
        .collect()
}

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("autogiro")
}

fn in_book(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("autogiro")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `autogiro ARGS` in `dir` with the locale variables `env` and no others.
fn in_book_with(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> (i32, String, String) {
    let mut command = Command::cargo_bin("autogiro").unwrap();
    command.current_dir(dir).args(args);
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    for (name, value) in env {
        command.env(name, value);
    }
    let out = command.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn book_dir(name: &str) -> PathBuf {
    book_dir_at(name, None)
}

/// A folder whose settings keep the book in SQLite (`autogiro.db`), or at `url` in PostgreSQL;
/// the book made.
fn book_dir_at(name: &str, url: Option<&str>) -> PathBuf {
    let dir = temp_dir(name);
    let book = url.map_or_else(
        || "path = \"autogiro.db\"".to_owned(),
        |u| format!("url = \"{u}\""),
    );
    std::fs::write(
        dir.join("autogiro.toml"),
        format!("[payee]\ncustomer_unit = \"00012345\"\n\n[book]\n{book}\n\n[[agreement]]\nid = \"000056789\"\naccount = \"1234.56.78903\"\n"),
    )
    .unwrap();
    let (code, _, err) = in_book(&dir, &["book", "init"]);
    assert_eq!(code, 0, "{err}");
    dir
}

/// A test of the book run twice: `NAME::sqlite` on a book in SQLite, and `NAME::postgresql`
/// on one in a real PostgreSQL server started for it, which a plain `cargo test` reports as
/// ignored and `cargo test -- --include-ignored` runs. The body has the book's folder as
/// `DIR` and the server's URL, if any, as `URL`.
macro_rules! on_both_backends {
    ($(#[$meta:meta])* fn $name:ident($dir:ident, $url:pat) $body:block) => {
        $(#[$meta])*
        mod $name {
            use super::*;

            fn test($dir: &Path, $url: Option<&str>) $body

            #[test]
            fn sqlite() {
                test(&book_dir_at(concat!(stringify!($name), "-sqlite"), None), None);
            }

            #[test]
            #[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
            fn postgresql() {
                let mut server = autogiro_testkit::Postgres::for_test();
                let url = server.database();
                let dir = book_dir_at(concat!(stringify!($name), "-postgres"), Some(&url));
                test(&dir, Some(&url));
            }
        }
    };
}

/// Text from billing data that a spreadsheet would take for a formula goes into every CSV the
/// command writes with a `'` before it (OWASP's advice against CSV injection); numbers as they
/// are.
#[test]
fn csv_cells_that_look_like_formulas_are_neutralised() {
    let dir = book_dir_at("csv-formulas", None);
    assert_eq!(in_book(&dir, &["book", "init"]).0, 0);
    std::fs::write(
        dir.join("f.csv"),
        "payer_reference,amount,due_date,short_name,own_reference,foreign_reference\n12345,10,2026-04-15,=HYPERLINK,@SUM(1),+cmd|x\n",
    )
    .unwrap();
    let (code, _, err) = in_book(
        &dir,
        &[
            "new",
            "claims",
            "f.csv",
            "--today",
            "2026-03-16",
            "-o",
            "f.txt",
        ],
    );
    assert_eq!(code, 0, "{err}");
    for dialect in ["plain", "excel"] {
        let (code, out, err) = in_book(
            &dir,
            &["convert", "f.txt", "--to", "csv", "--dialect", dialect],
        );
        assert_eq!(code, 0, "{err}");
        for cell in ["'=HYPERLINK", "'@SUM(1)", "'+cmd|x"] {
            assert!(out.contains(cell), "{dialect}: {cell} in {out}");
        }
    }
    assert_eq!(
        in_book(&dir, &["book", "import", "f.txt", "--today", "2026-03-16"]).0,
        0
    );
    let (_, csv, _) = in_book(&dir, &["book", "status", "--all", "--format", "csv"]);
    assert!(csv.contains(",'@SUM(1),"), "{csv}");
    assert!(csv.contains(",10.00,"), "numbers as they are: {csv}");
}

/// `--max-errors N` prints N diagnostics a file, counts them all, and says how many it did not
/// show; in JSON, the summary carries the number.
#[test]
fn max_errors_prints_so_many_and_counts_the_rest() {
    let file = testdata("err/record-outside-assignment--no-start.txt");
    let file = file.to_str().unwrap();
    let (code, out, _) = autogiro(&[
        "validate",
        "--today",
        "2026-01-10",
        "--max-errors",
        "2",
        file,
    ]);
    assert_eq!(code, 1);
    assert_eq!(out.matches("error[").count(), 2, "{out}");
    assert!(out.contains(": 10 more not shown (--max-errors)"), "{out}");
    assert!(out.contains(": 12 errors, 0 warnings"), "{out}");
    let (_, json, _) = autogiro(&[
        "validate",
        "--today",
        "2026-01-10",
        "--max-errors",
        "2",
        "--format",
        "json",
        file,
    ]);
    let lines: Vec<&str> = json.lines().collect();
    assert_eq!(lines.len(), 3, "{json}");
    assert!(lines[2].contains("\"not_shown\":10"), "{json}");
}

/// `validate a missing b` checks `b` too, reports the missing file, and exits 2 at the end; a
/// directory checks every file in it in name order; JSON ends each file with a summary; `-q`
/// prints only errors.
#[test]
fn validate_goes_on_past_a_missing_file_and_reads_directories() {
    let (code, out, err) = autogiro(&[
        "validate",
        "testdata/ok/records-to-mps.txt",
        "testdata/missing.txt",
        "testdata/ok/several-assignments.txt",
        "--today",
        "2026-01-10",
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "testdata/ok/records-to-mps.txt: valid\ntestdata/ok/several-assignments.txt: valid\n"
    );
    assert!(err.contains("cannot read testdata/missing.txt"), "{err}");

    let dir = temp_dir("validate-dir");
    for (name, fixture) in [
        ("b.txt", "records-to-mps.txt"),
        ("a.txt", "several-assignments.txt"),
    ] {
        std::fs::copy(testdata(&format!("ok/{fixture}")), dir.join(name)).unwrap();
    }
    let (code, out, _) = autogiro(&["validate", &dir.to_string_lossy(), "--today", "2026-01-10"]);
    assert_eq!(code, 0);
    let names: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_suffix(": valid"))
        .filter_map(|l| l.rsplit('/').next())
        .collect();
    assert_eq!(names, ["a.txt", "b.txt"], "name order");

    let (code, out, _) = autogiro(&[
        "validate",
        "--format",
        "json",
        "-q",
        "testdata/err/foreign-organisation--swedish.txt",
        "testdata/err/sum-mismatch--claims-end.txt",
        "--today",
        "2026-01-10",
    ]);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The warning is left out (-q); each file ends with its summary.
    assert_eq!(
        lines[0]["file"],
        "testdata/err/foreign-organisation--swedish.txt"
    );
    assert_eq!(
        (lines[0]["valid"].as_bool(), lines[0]["warnings"].as_u64()),
        (Some(true), Some(1))
    );
    assert_eq!(lines[1]["code"], "sum-mismatch");
    let last = lines.last().unwrap();
    assert_eq!(
        (last["valid"].as_bool(), last["errors"].as_u64()),
        (Some(false), Some(1))
    );
    let (_, quiet, _) = autogiro(&[
        "validate",
        "-q",
        "testdata/ok/records-to-mps.txt",
        "--today",
        "2026-01-10",
    ]);
    assert_eq!(quiet, "", "nothing for a valid file");
}

/// Colors on request, never with `NO_COLOR` or off a terminal; `--help` lists the exit codes;
/// completions for every shell.
#[test]
fn colors_help_and_completions() {
    let file = "testdata/err/sum-mismatch--claims-end.txt";
    let (_, plain, _) = autogiro(&["validate", file, "--today", "2026-01-10"]);
    assert!(!plain.contains('\u{1b}'), "no color off a terminal");
    let (_, colored, _) = autogiro(&[
        "validate",
        file,
        "--today",
        "2026-01-10",
        "--color",
        "always",
    ]);
    assert!(colored.contains('\u{1b}'), "{colored}");
    let (_, never, _) = autogiro(&[
        "validate",
        file,
        "--today",
        "2026-01-10",
        "--color",
        "never",
    ]);
    assert_eq!(never, plain);
    let (_, help, _) = autogiro(&["--help"]);
    assert!(help.contains("Exit codes: 0 success"), "{help}");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (code, script, err) = autogiro(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(script.contains("validate"), "{shell}");
    }
}

/// A file of many read buffers (6 MiB) gives the same diagnostics, byte for byte, as the same
/// bytes on standard input: errors in the first megabyte, far inside, and on lines that cross
/// from one megabyte to the next. `inspect` too.
#[test]
fn a_large_file_reads_as_on_standard_input() {
    let mut data = Vec::new();
    autogiro_testkit::bench::realistic(40_000)
        .unwrap()
        .write(&mut data)
        .unwrap();
    assert!(data.len() > 6 << 20, "{} bytes", data.len());
    // A letter in the amount (columns 33-49) of an amount item 1 near each of these offsets,
    // some on the lines that cross a window's end.
    let window = 1 << 20;
    let mut starts = vec![0];
    starts.extend(memchr_all(&data).into_iter().map(|i| i + 1));
    let mut broken = 0;
    for near in [
        3_000,
        window - 200,
        2 * window - 40,
        3 * window + 5_000,
        6 * window - 81,
    ] {
        let line = starts
            .iter()
            .copied()
            .filter(|&s| s + 81 <= data.len() && data[s..s + 8].ends_with(b"30"))
            .find(|&s| s + 80 >= near)
            .unwrap();
        data[line + 40] = b'X';
        broken += 1;
    }
    let dir = temp_dir("large");
    let path = dir.join("large.txt");
    std::fs::write(&path, &data).unwrap();
    let name = path.to_str().unwrap();
    for command in ["validate", "inspect"] {
        let (code, from_file, err) = autogiro(&[command, name, "--today", "2026-01-10"]);
        let out = Command::cargo_bin("autogiro")
            .unwrap()
            .args([command, "-", "--today", "2026-01-10"])
            .write_stdin(data.clone())
            .output()
            .unwrap();
        let from_stdin = String::from_utf8(out.stdout).unwrap();
        assert_eq!(Some(code), out.status.code(), "{command}: {err}");
        assert!(
            from_file.replace(name, "<stdin>") == from_stdin,
            "{command}: the file and standard input differ"
        );
        if command == "validate" {
            assert_eq!(code, 1);
            assert_eq!(from_file.matches("--> ").count(), broken, "{from_file}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

fn memchr_all(data: &[u8]) -> Vec<usize> {
    data.iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .map(|(i, _)| i)
        .collect()
}

// After the helpers and `on_both_backends!` above, which they use.
#[path = "cli/book.rs"]
mod book;
#[path = "cli/convert.rs"]
mod convert;
#[path = "cli/faults.rs"]
mod faults;
#[path = "cli/giro.rs"]
mod giro;
#[path = "cli/new.rs"]
mod new;
#[path = "cli/report.rs"]
mod report;
#[path = "cli/simulate.rs"]
mod simulate;
#[path = "cli/transfer.rs"]
mod transfer;
#[path = "cli/transfer_kills.rs"]
mod transfer_kills;
