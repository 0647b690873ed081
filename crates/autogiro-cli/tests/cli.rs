//! End-to-end tests of the `autogiro` binary: output under snapshot, exit codes, standard
//! input, and what the outputs promise (round trips, atomic writes).
#![cfg(test)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

#[path = "cli/transfer.rs"]
mod transfer;

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
fn json_to_ocr_to_json_is_lossless() {
    let dir = temp_dir("convert");
    for name in ["ok/records-to-mps.txt", "ok/records-from-mps.txt"] {
        let json = dir.join("a.json");
        let ocr = dir.join("b.txt");
        let json2 = dir.join("c.json");
        let file = testdata(name).to_string_lossy().into_owned();
        let args = |a: &[&str]| autogiro(a).0;
        assert_eq!(
            args(&[
                "convert",
                &file,
                "--to",
                "json",
                "-o",
                &json.to_string_lossy(),
                "--force",
                "--today",
                "2026-01-10"
            ]),
            0
        );
        assert_eq!(
            args(&[
                "convert",
                &json.to_string_lossy(),
                "--to",
                "ocr",
                "-o",
                &ocr.to_string_lossy(),
                "--force",
                "--today",
                "2026-01-10"
            ]),
            0
        );
        assert_eq!(
            args(&[
                "convert",
                &ocr.to_string_lossy(),
                "--to",
                "json",
                "-o",
                &json2.to_string_lossy(),
                "--force",
                "--today",
                "2026-01-10"
            ]),
            0
        );
        assert_eq!(
            std::fs::read(&json).unwrap(),
            std::fs::read(&json2).unwrap(),
            "{name}"
        );
        assert_eq!(
            std::fs::read(&ocr).unwrap(),
            std::fs::read(testdata(name)).unwrap(),
            "{name}"
        );
    }
}

/// An edit of a transmission's JSON.
type JsonEdit = fn(&mut serde_json::Value);

/// The JSON form of `testdata/ok/records-to-mps.txt`.
fn base_json(dir: &Path) -> serde_json::Value {
    let base_path = dir.join("base.json");
    let (code, _, _) = autogiro(&[
        "convert",
        "testdata/ok/records-to-mps.txt",
        "--to",
        "json",
        "-o",
        &base_path.to_string_lossy(),
        "--today",
        "2026-01-10",
    ]);
    assert_eq!(code, 0);
    serde_json::from_slice(&std::fs::read(&base_path).unwrap()).unwrap()
}

/// `convert --to ocr` from JSON checks every rule before it writes: each broken edit of a
/// valid file's JSON exits 1, writes nothing, and names the JSON path of what is wrong.
#[test]
fn json_to_ocr_writes_nothing_that_would_not_validate() {
    use serde_json::json;
    let dir = temp_dir("json-checked");
    let base = base_json(&dir);
    let cases: [(&str, JsonEdit, &str); 8] = [
        (
            "copied claim",
            |v| {
                let c = v["assignments"][0]["claims"][0].clone();
                v["assignments"][0]["claims"]
                    .as_array_mut()
                    .unwrap()
                    .push(c);
            },
            "assignments[0].claims[2].transaction_number: error: transaction number: expected 3 (the previous + 1), found 1 [transaction-number]",
        ),
        (
            "wrong KID check digit",
            |v| v["assignments"][0]["claims"][0]["kid"] = json!("123456783"),
            "assignments[0].claims[0].kid: error: KID 123456783: check digit 3 is valid under neither modulus 10 (expected 2) nor modulus 11 (expected 5) [kid-check-digit]",
        ),
        (
            "due in 2029",
            |v| v["assignments"][0]["claims"][0]["date"] = json!("2029-01-15"),
            "assignments[0].claims[0].date: error: due date 2029-01-15 is more than 12 months from 2026-01-10 (expected 2025-01-10 to 2027-01-10) [due-date-window]",
        ),
        (
            "a gap in the numbering",
            |v| v["assignments"][0]["claims"][1]["transaction_number"] = json!(3),
            "assignments[0].claims[1].transaction_number: error: transaction number: expected 2 (the previous + 1), found 3 [transaction-number]",
        ),
        (
            "a registration with post 1 only",
            |v| {
                v["assignments"][1]["mandates"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("payer");
            },
            "assignments[1].mandates[0]: error: mandate 1 (registration type 1) lacks post 2 (record 71), post 3 (record 72) and post 4 (record 74), which edition 3.9 requires for a registration or change [mandate-post-missing]",
        ),
        (
            "a decimal comma",
            |v| v["assignments"][0]["claims"][1]["amount"] = json!("125,50"),
            "error: assignments[0].claims[1].amount: expected an amount in NOK such as \"125.50\", found \"125,50\"",
        ),
        (
            "a number for an amount",
            |v| v["assignments"][0]["claims"][1]["amount"] = json!(125),
            "error: assignments[0].claims[1].amount: invalid type: integer `125`, expected an amount in NOK such as \"125.50\"",
        ),
        (
            "a misspelt key",
            |v| v["assignments"][0]["claims"][1]["kidd"] = json!("1"),
            "error: assignments[0].claims[1].kidd: unknown field `kidd`",
        ),
    ];
    for (what, edit, expected) in cases {
        let mut v = base.clone();
        edit(&mut v);
        let input = dir.join("edited.json");
        std::fs::write(&input, serde_json::to_vec(&v).unwrap()).unwrap();
        let output = dir.join("out.txt");
        let (code, out, err) = autogiro(&[
            "convert",
            &input.to_string_lossy(),
            "--to",
            "ocr",
            "-o",
            &output.to_string_lossy(),
            "--today",
            "2026-01-10",
        ]);
        assert_eq!((code, out.as_str()), (1, ""), "{what}: {err}");
        assert!(err.contains(expected), "{what}: {err}");
        assert!(!output.exists(), "{what}: nothing written");
    }
}

/// Numbers may be left out of the JSON: the writer numbers from 1, and the file is the
/// original.
#[test]
fn json_without_numbers_is_numbered_from_1() {
    use serde_json::Value;
    let dir = temp_dir("json-unnumbered");
    let mut v = base_json(&dir);
    for a in v["assignments"].as_array_mut().unwrap() {
        for key in ["claims", "mandates"] {
            let items = a.get_mut(key).and_then(Value::as_array_mut);
            for item in items.into_iter().flatten() {
                let o = item.as_object_mut().unwrap();
                o.remove("transaction_number");
                o.remove("sequence_number");
            }
        }
    }
    let input = dir.join("unnumbered.json");
    std::fs::write(&input, serde_json::to_vec(&v).unwrap()).unwrap();
    let (code, out, err) = autogiro_raw(&[
        "convert",
        &input.to_string_lossy(),
        "--to",
        "ocr",
        "--today",
        "2026-01-10",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        std::fs::read(testdata("ok/records-to-mps.txt")).unwrap()
    );
}

#[test]
fn csv_of_claims() {
    let (code, out, _) = autogiro(&[
        "convert",
        "testdata/ok/records-from-mps.txt",
        "--to",
        "csv",
        "--today",
        "2026-02-02",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
fn convert_refuses_a_file_with_errors() {
    let (code, out, err) = autogiro(&[
        "convert",
        "testdata/err/unknown-record-type--39.txt",
        "--to",
        "json",
    ]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("unknown-record-type"), "{err}");
}

#[test]
fn fmt_is_canonical_and_check_says_when_not() {
    let canonical = std::fs::read(testdata("ok/records-to-mps.txt")).unwrap();
    let (code, out, _) = autogiro_raw(&["fmt", "testdata/ok/records-to-mps-lf-no-final-break.txt"]);
    assert_eq!(code, 0);
    assert_eq!(out, canonical);
    assert_eq!(
        autogiro(&["fmt", "--check", "testdata/ok/records-to-mps.txt"]).0,
        0
    );
    let (code, _, err) = autogiro(&[
        "fmt",
        "--check",
        "testdata/ok/records-to-mps-lf-no-final-break.txt",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("not canonical"));
    let (code, out, _) = autogiro_raw(&["fmt", "--lf", "testdata/ok/records-to-mps.txt"]);
    assert_eq!(code, 0);
    let crlf: Vec<u8> = out
        .iter()
        .flat_map(|&b| {
            if b == b'\n' {
                vec![b'\r', b'\n']
            } else {
                vec![b]
            }
        })
        .collect();
    assert_eq!(crlf, canonical);
    let (code, _, err) = autogiro(&["fmt", "testdata/err/field-format--nul-in-name.txt"]);
    assert_eq!(code, 1);
    assert!(err.contains("field-format"), "{err}");
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

#[test]
fn simulate_writes_a_response_and_keeps_state() {
    let dir = temp_dir("simulate");
    let state = dir.join("state.json").to_string_lossy().into_owned();
    let response = dir.join("response.txt").to_string_lossy().into_owned();
    let (code, _, err) = autogiro(&[
        "simulate",
        "testdata/ok/records-to-mps.txt",
        "--state",
        &state,
        "--date",
        "2026-01-10",
        "-o",
        &response,
    ]);
    // The fixture deletes a mandate the register does not know: refused, exit 1.
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("mandate refused"), "{err}");
    // It says what it wrote, and that a Saturday is no day MPS reads files.
    assert!(
        err.contains(
            "warning: 2026-01-10 is not a business day: MPS reads a file sent then on 2026-01-12"
        ),
        "{err}"
    );
    assert!(
        err.contains("records-to-mps.txt: answered with ") && err.contains(" settled and "),
        "{err}"
    );
    let (code, out, _) = autogiro(&["validate", &response, "--today", "2026-01-10"]);
    assert_eq!(code, 0, "{out}");
    insta::assert_snapshot!(
        autogiro(&["inspect", &response, "--today", "2026-01-10"])
            .1
            .replace(&response, "response.txt")
    );
    // The same input again: the same answer, and the state unchanged (nothing charged twice).
    let before = std::fs::read(&state).unwrap();
    let again = dir.join("again.txt").to_string_lossy().into_owned();
    let (code, _, err) = autogiro(&[
        "simulate",
        "testdata/ok/records-to-mps.txt",
        "--state",
        &state,
        "--date",
        "2026-01-11",
        "-o",
        &again,
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("answered before (read on 2026-01-10)"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(&response).unwrap()
    );
    assert_eq!(std::fs::read(&state).unwrap(), before);
}

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

/// Two runs on one state at the same moment take turns: neither loses the other's update
/// (before the lock, 30 of 30 tries lost one).
#[test]
fn simulate_runs_on_one_state_take_turns() {
    let dir = temp_dir("simulate-race");
    let state = dir.join("state.json");
    let files = claim_files(&dir, 1, 16);
    for pair in files.chunks(2) {
        let children: Vec<_> = pair
            .iter()
            .map(|f| {
                std::process::Command::new(binary())
                    .args([
                        "simulate",
                        &f.to_string_lossy(),
                        "--state",
                        &state.to_string_lossy(),
                        "--date",
                        "2026-03-16",
                        "-o",
                    ])
                    .arg(f.with_extension("answer"))
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in children {
            child.wait().unwrap();
        }
    }
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(
        json["answered"].as_object().unwrap().len(),
        16,
        "every run's update kept"
    );
    assert_eq!(
        json["ledger"]["assignment_numbers"]
            .as_array()
            .unwrap()
            .len(),
        16
    );
}

/// A state with a field it does not know, or without a version, is refused, not half read.
#[test]
fn simulate_refuses_a_state_it_does_not_know() {
    let dir = temp_dir("simulate-state");
    let files = claim_files(&dir, 1, 1);
    let state = dir.join("state.json");
    let run = || {
        autogiro(&[
            "simulate",
            &files[0].to_string_lossy(),
            "--state",
            &state.to_string_lossy(),
            "--date",
            "2026-03-16",
            "-o",
            &dir.join("answer.txt").to_string_lossy(),
            "--force",
        ])
    };
    std::fs::write(&state, r#"{"register":[],"charged":[]}"#).unwrap();
    let (code, _, err) = run();
    assert_eq!(code, 2);
    assert!(err.contains("no version field"), "{err}");
    std::fs::write(
        &state,
        r#"{"version":1,"ledger":{"register":[],"charged":[],"assignment_numbers":[],"last_transmission":0,"last_assignment":0},"answered":{},"notes":"x"}"#,
    )
    .unwrap();
    let (code, _, err) = run();
    assert_eq!(code, 2);
    assert!(err.contains("unknown field `notes`"), "{err:#}");
    std::fs::write(&state, r#"{"version":7}"#).unwrap();
    let (code, _, err) = run();
    assert_eq!(code, 2);
    assert!(err.contains("state version 7, newer"), "{err}");
    // A state of version 1 (before answers were kept for later days) is read, and written
    // back as version 2.
    std::fs::write(
        &state,
        r#"{"version":1,"ledger":{"register":[],"charged":[],"assignment_numbers":[],"last_transmission":0,"last_assignment":0},"answered":{}}"#,
    )
    .unwrap();
    let (code, _, err) = run();
    assert!(code <= 1, "{err}");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    assert_eq!(json["version"], 2);
}

/// The answers of one file, as (payer, amount, processing date, error code) in order.
fn answers_in(files: &[&Path]) -> Vec<(String, String, String, Option<u16>)> {
    let mut answers = Vec::new();
    for file in files {
        let read = autogiro::model::Transmission::read_slice(
            &std::fs::read(file).unwrap(),
            &autogiro::model::ReadOptions::new(),
        );
        assert!(
            !read.has_errors(),
            "{}: {:?}",
            file.display(),
            read.diagnostics
        );
        for a in &read.transmission.assignments {
            match a {
                autogiro::model::Assignment::Settled(s) => {
                    answers.extend(s.claims.iter().map(|c| {
                        (
                            c.payer.digits().to_owned(),
                            c.amount.to_string(),
                            c.date.to_string(),
                            None,
                        )
                    }));
                }
                autogiro::model::Assignment::Rejected(r) => {
                    answers.extend(r.rejections.iter().map(|r| {
                        let c = &r.claim;
                        let code = Some(r.code.number());
                        (
                            c.payer.digits().to_owned(),
                            c.amount.to_string(),
                            c.date.to_string(),
                            code,
                        )
                    }));
                }
                _ => {}
            }
        }
    }
    answers.sort();
    answers
}

/// `simulate --until`: MPS's answers sent on their days, a run with no file for each day,
/// give the same answers as the whole at once, each on the day its claim is processed.
#[test]
fn simulate_answers_day_by_day_with_until() {
    let dir = temp_dir("simulate-until");
    let files = claim_files(&dir, 1, 1); // claims due 2026-04-10 and 2026-04-20
    let whole = dir.join("whole.txt");
    assert!(
        simulate(
            &files[0],
            &dir.join("whole.json").to_string_lossy(),
            "2026-03-16",
            &whole
        ) <= 1
    );
    let state = dir.join("day.json").to_string_lossy().into_owned();
    let day = |date: &str, out: &Path, file: Option<&Path>, until: Option<&str>| {
        let mut args = vec!["simulate".to_owned()];
        args.extend(file.map(|f| f.to_string_lossy().into_owned()));
        args.extend(["--state", &state, "--date", date, "-o"].map(str::to_owned));
        args.push(out.to_string_lossy().into_owned());
        if let Some(u) = until {
            args.extend(["--until".to_owned(), u.to_owned()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        autogiro(&args)
    };
    // Read on 16 March: nothing is processed by then, so MPS sends nothing yet.
    let first = dir.join("d0.txt");
    let (code, _, err) = day("2026-03-16", &first, Some(&files[0]), Some("2026-03-16"));
    assert_eq!(code, 0, "{err}");
    assert!(
        !first.exists() && err.contains("2 claim(s) processed after 2026-03-16"),
        "{err}"
    );
    // Day by day: 9 April nothing, 10 April the first claim, 20 April the second.
    let (code, _, err) = day("2026-04-09", &dir.join("d1.txt"), None, None);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("no answer is due") && !dir.join("d1.txt").exists(),
        "{err}"
    );
    let (code, _, err) = day("2026-04-10", &dir.join("d2.txt"), None, None);
    assert!(
        code == 0 && err.contains("1 claim(s) wait for later days"),
        "{err}"
    );
    let (code, _, err) = day("2026-04-20", &dir.join("d3.txt"), None, None);
    assert!(code == 0 && !err.contains("wait for later days"), "{err}");
    let (d2, d3) = (dir.join("d2.txt"), dir.join("d3.txt"));
    assert_eq!(answers_in(&[&d2]).len(), 1);
    assert_eq!(answers_in(&[&d3]).len(), 1);
    assert_eq!(answers_in(&[&d2, &d3]), answers_in(&[&whole]));
    // Each file is MPS's of that day, with a number of its own.
    let start = |f: &Path| {
        std::fs::read_to_string(f)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_owned()
    };
    assert_ne!(start(&d2), start(&d3));
    // Nothing is sent twice: the day again sends nothing.
    let (_, _, err) = day("2026-04-20", &dir.join("d4.txt"), None, None);
    assert!(err.contains("no answer is due"), "{err}");
    // --until goes with a file.
    let (code, _, err) = day("2026-04-21", &dir.join("d5.txt"), None, Some("2026-04-21"));
    assert_eq!(code, 2, "{err}");
}

/// `autogiro simulate FILE --state STATE --date DATE -o OUT`; the exit code.
fn simulate(file: &Path, state: &str, date: &str, out: &Path) -> i32 {
    let (code, _, _) = autogiro(&[
        "simulate",
        &file.to_string_lossy(),
        "--state",
        state,
        "--date",
        date,
        "-o",
        &out.to_string_lossy(),
    ]);
    code
}

/// The bank blocks a mandate: its claims are rejected with 133; unblocked, they settle.
#[test]
fn simulate_block_and_unblock() {
    let dir = temp_dir("simulate-block");
    let state = dir.join("state.json").to_string_lossy().into_owned();
    let mandates = dir.join("mandates.txt");
    let (code, err) = new_file("mandates", "testdata/billing/mandates.csv", &mandates, &[]);
    assert_eq!(code, 0, "{err}");
    simulate(&mandates, &state, "2026-01-12", &dir.join("m.answer"));
    let block = |reference: &str| {
        autogiro(&[
            "simulate",
            "block",
            "--state",
            &state,
            "--agreement",
            "56789",
            "--reference",
            reference,
            "--from",
            "2026-03-01",
        ])
    };
    let (code, out, err) = block("12345");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "mandate 12345 of agreement 000056789: blocked from 2026-03-01 to open\n"
    );
    let files = claim_files(&dir, 2, 2);
    let inspect = |answer: &Path| {
        autogiro(&[
            "inspect",
            &answer.to_string_lossy(),
            "--today",
            "2026-03-16",
        ])
        .1
    };
    let answer = dir.join("blocked.txt");
    simulate(&files[0], &state, "2026-03-16", &answer);
    assert!(
        inspect(&answer).contains("133 mandate blocked: 1 claim"),
        "{}",
        inspect(&answer)
    );
    let unblock = [
        "simulate",
        "unblock",
        "--state",
        &state,
        "--agreement",
        "56789",
        "--reference",
        "12345",
    ];
    assert_eq!(autogiro(&unblock).0, 0);
    let answer = dir.join("unblocked.txt");
    simulate(&files[1], &state, "2026-03-16", &answer);
    assert!(
        !inspect(&answer).contains("133 mandate blocked"),
        "{}",
        inspect(&answer)
    );
    let (code, _, err) = block("777");
    assert_eq!(code, 2);
    assert!(err.contains("no mandate 777"), "{err}");
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

/// `autogiro new ARGS --config testdata/billing/autogiro.toml --today 2026-01-10 ...`.
fn new_file(what: &str, input: &str, out: &Path, extra: &[&str]) -> (i32, String) {
    let out = out.to_string_lossy();
    let args = [
        &[
            "new",
            what,
            input,
            "--transmission",
            "1",
            "--assignment",
            "1",
            "--today",
            "2026-01-10",
            "-o",
            &out,
            "--force",
        ][..],
        extra,
    ]
    .concat();
    let with_config = if extra.contains(&"--config") {
        args
    } else {
        [&args[..], &["--config", "testdata/billing/autogiro.toml"]].concat()
    };
    let (code, _, err) = autogiro(&with_config);
    (code, err)
}

/// The same claims as CSV from Norwegian Excel, JSON and .xlsx make the same file, which
/// validates; it goes out to a spreadsheet (`convert --to csv`, both dialects) and comes back
/// as the same bytes.
#[test]
fn new_claims_from_csv_json_and_xlsx() {
    let dir = temp_dir("new-claims");
    let mut files = Vec::new();
    for input in ["claims.csv", "claims.json", "claims.xlsx"] {
        let out = dir.join(format!("{input}.txt"));
        let (code, err) = new_file("claims", &format!("testdata/billing/{input}"), &out, &[]);
        assert_eq!(code, 0, "{input}: {err}");
        let (code, _, err) =
            autogiro(&["validate", "--today", "2026-01-10", &out.to_string_lossy()]);
        assert_eq!(code, 0, "{input}: {err}");
        files.push(std::fs::read(&out).unwrap());
    }
    assert_eq!(files[0], files[1], "CSV and JSON");
    assert_eq!(files[0], files[2], "CSV and .xlsx");
    // ISO-8859-1, one character a byte.
    insta::assert_snapshot!(files[0].iter().map(|&b| char::from(b)).collect::<String>());

    let written = dir.join("claims.csv.txt");
    for dialect in ["plain", "excel"] {
        let csv = dir.join(format!("out-{dialect}.csv"));
        let (code, _, err) = autogiro(&[
            "convert",
            &written.to_string_lossy(),
            "--to",
            "csv",
            "--dialect",
            dialect,
            "-o",
            &csv.to_string_lossy(),
            "--force",
            "--today",
            "2026-01-10",
        ]);
        assert_eq!(code, 0, "{err}");
        let back = dir.join(format!("back-{dialect}.txt"));
        let (code, err) = new_file("claims", &csv.to_string_lossy(), &back, &[]);
        assert_eq!(code, 0, "{dialect}: {err}");
        assert_eq!(std::fs::read(&back).unwrap(), files[0], "{dialect}");
    }
}

/// A CSV with a broken amount, date, KID and reference on four rows reports all four, by row
/// and column, and writes nothing; `--format json` gives the same as JSON lines.
#[test]
fn new_claims_reports_every_broken_row_and_writes_nothing() {
    let dir = temp_dir("new-broken");
    let out = dir.join("claims.txt");
    let (code, human) = new_file("claims", "testdata/billing/claims-broken.csv", &out, &[]);
    assert_eq!(code, 1);
    assert!(!out.exists(), "nothing written");
    let (code, json) = new_file(
        "claims",
        "testdata/billing/claims-broken.csv",
        &out,
        &["--format", "json"],
    );
    assert_eq!(code, 1);
    assert!(!out.exists(), "nothing written");
    insta::assert_snapshot!(format!("{human}\n--- json\n{json}"));
}

/// Rows of two agreements go to an assignment each; mandates of every registration type; CSV on
/// standard input.
#[test]
fn new_with_two_agreements_mandates_and_standard_input() {
    let dir = temp_dir("new-more");
    let out = dir.join("two.txt");
    let (code, err) = new_file(
        "claims",
        "testdata/billing/claims-two-agreements.csv",
        &out,
        &["--config", "testdata/billing/autogiro-two-agreements.toml"],
    );
    assert_eq!(code, 0, "{err}");
    let (code, inspect, _) =
        autogiro(&["inspect", "--today", "2026-01-10", &out.to_string_lossy()]);
    assert_eq!(code, 0);
    assert!(
        inspect.contains("agreement 000056789, number 1"),
        "{inspect}"
    );
    assert!(
        inspect.contains("agreement 000056790, number 2"),
        "{inspect}"
    );

    let out = dir.join("mandates.txt");
    let (code, err) = new_file("mandates", "testdata/billing/mandates.csv", &out, &[]);
    assert_eq!(code, 0, "{err}");
    let (code, inspect, _) =
        autogiro(&["inspect", "--today", "2026-01-10", &out.to_string_lossy()]);
    assert_eq!(code, 0);
    assert!(
        inspect.contains("4 mandates: 1 changed, 1 deleted, 2 new"),
        "{inspect}"
    );

    let csv = std::fs::read(testdata("billing/claims.csv")).unwrap();
    let out = Command::cargo_bin("autogiro")
        .unwrap()
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .args([
            "new",
            "claims",
            "-",
            "--transmission",
            "1",
            "--assignment",
            "1",
            "--today",
            "2026-01-10",
            "--config",
            "testdata/billing/autogiro.toml",
        ])
        .write_stdin(csv)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.starts_with(b"NY000010000123450000001"));
    let written = dir.join("stdin.txt");
    std::fs::write(&written, &out.stdout).unwrap();
    let (code, _, err) = autogiro(&[
        "validate",
        "--today",
        "2026-01-10",
        &written.to_string_lossy(),
    ]);
    assert_eq!(code, 0, "{err}");
}

/// `config check` prints what it understood; a misspelt key is named with its line.
#[test]
fn config_check_names_a_misspelt_key() {
    let (code, out, _) = autogiro(&[
        "config",
        "check",
        "--config",
        "testdata/billing/autogiro.toml",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "testdata/billing/autogiro.toml: valid\npayee: customer unit 00012345\nagreement 000056789: account 1234.56.78903\n"
    );
    let dir = temp_dir("config");
    let bad = dir.join("autogiro.toml");
    std::fs::write(&bad, "[payee]\ncustomer_unit = \"00012345\"\n\n[[agreement]]\nid = \"1\"\naccont = \"12345678903\"\n").unwrap();
    let (code, _, err) = autogiro(&["config", "check", "--config", &bad.to_string_lossy()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("line 6, column 1: unknown field `accont`"),
        "{err}"
    );
}

/// A book configured in the settings of `dir`, and `autogiro` run there.
fn in_book(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("autogiro")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
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

/// Billing data of two new mandates: 12345 with a monthly limit of 1000 NOK, 23456 simplified.
const TWO_MANDATES: &str = "registration,payer_reference,account,period,limit,name,postal_code,postal_town,organisation_number,signatory,signatory_birth_date\n\
     new,12345,8601.11.17947,monthly,1000,Nordmann AS,0155,OSLO,923609016,Kari Nordmann,01.02.1980\n\
     new,23456,1503.20.80119,,,Åse AS,5003,BERGEN,923609016,Åse Berg,15.03.1975\n";

on_both_backends! {
    /// The whole month: mandates sent and confirmed, claims made with `new claims`, checked,
    /// imported, answered by `simulate`, the answer imported, and `status` showing what the
    /// simulator did: settled, rejected with reasons, and a file never answered outstanding.
    /// On SQLite and on PostgreSQL.
    fn book_walks_the_whole_month(dir, _) {
        whole_month(dir);
    }
}

#[allow(clippy::too_many_lines)] // One month, told in order.
fn whole_month(dir: &Path) {
    let dir = dir.to_path_buf();
    std::fs::write(dir.join("mandates.csv"), TWO_MANDATES).unwrap();
    let run = |args: &[&str]| {
        let (code, out, err) = in_book(&dir, args);
        assert!(code <= 1, "{args:?}: {err}");
        (code, out, err)
    };
    run(&[
        "new",
        "mandates",
        "mandates.csv",
        "--today",
        "2026-03-02",
        "-o",
        "m1.txt",
    ]);
    run(&["book", "import", "m1.txt", "--today", "2026-03-02"]);
    run(&[
        "simulate",
        "m1.txt",
        "--state",
        "mps.json",
        "--date",
        "2026-03-02",
        "-o",
        "m1-answer.txt",
    ]);
    let (_, out, _) = run(&["book", "import", "m1-answer.txt"]);
    assert!(out.contains("2 mandate(s)"), "{out}");
    let (_, mandates, _) = run(&["book", "mandates", "--format", "csv"]);
    assert_eq!(
        mandates.lines().filter(|l| l.contains(",active,")).count(),
        2,
        "{mandates}"
    );

    std::fs::write(
        dir.join("march.csv"),
        "payer_reference,amount,due_date,own_reference,short_name\n12345,600,2026-04-20,A,Nordmann\n12345,600,2026-04-10,B,Nordmann\n23456,50,2026-04-15,C,Nordmann\n99999,10,2026-04-15,D,Nordmann\n",
    )
    .unwrap();
    // A `new` that writes nothing takes no number: rows with a problem, an output refused.
    std::fs::write(
        dir.join("bad.csv"),
        "payer_reference,amount,due_date,short_name\n12345,-5,2026-04-20,Nordmann\n",
    )
    .unwrap();
    let (code, _, err) = run(&[
        "new",
        "claims",
        "bad.csv",
        "--today",
        "2026-03-16",
        "-o",
        "x.txt",
    ]);
    assert_eq!(code, 1, "{err}");
    std::fs::write(dir.join("taken.txt"), "mine").unwrap();
    let (code, _, err) = in_book(
        &dir,
        &[
            "new",
            "claims",
            "march.csv",
            "--today",
            "2026-03-16",
            "-o",
            "taken.txt",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("taken.txt")).unwrap(),
        "mine"
    );
    let (_, out, err) = run(&[
        "new",
        "claims",
        "march.csv",
        "--today",
        "2026-03-16",
        "-o",
        "c1.txt",
    ]);
    assert!(err.contains("c1.txt: transmission 2"), "{out}{err}");
    let (code, check, _) = run(&["book", "check", "c1.txt", "--date", "2026-03-16"]);
    assert_eq!(code, 1);
    assert!(
        check.contains("claim 1 (payer 12345, 600.00 NOK): MPS would reject: 181"),
        "{check}"
    );
    assert!(
        check.contains("claim 4 (payer 99999, 10.00 NOK): MPS would reject: 131"),
        "{check}"
    );
    run(&["book", "import", "c1.txt", "--today", "2026-03-16"]);
    run(&[
        "simulate",
        "c1.txt",
        "--state",
        "mps.json",
        "--date",
        "2026-03-16",
        "-o",
        "c1-answer.txt",
    ]);
    let (_, out, _) = run(&["book", "import", "c1-answer.txt"]);
    assert!(out.contains("4 answer(s) matched"), "{out}");

    std::fs::write(
        dir.join("april.csv"),
        "payer_reference,amount,due_date,short_name\n23456,75,2026-05-04,Nordmann\n",
    )
    .unwrap();
    run(&[
        "new",
        "claims",
        "april.csv",
        "--today",
        "2026-04-27",
        "-o",
        "c2.txt",
    ]);
    run(&["book", "import", "c2.txt", "--today", "2026-04-27"]);

    let (_, csv, _) = run(&[
        "book",
        "status",
        "--all",
        "--today",
        "2026-05-11",
        "--format",
        "csv",
    ]);
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let summary: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r[1], r[10], r[12])).collect();
    assert_eq!(
        summary,
        [
            ("rejected", "181", "A"),
            ("settled", "", "B"),
            ("settled", "", "C"),
            ("rejected", "131", "D"),
            ("outstanding", "", ""),
        ],
        "{csv}"
    );
    let (_, table, _) = run(&["book", "status", "--rejected", "--today", "2026-05-11"]);
    assert!(
        table.contains("mandate amount limit for the period exceeded"),
        "{table}"
    );
    assert!(
        table.contains("of these, outstanding  1       75.00"),
        "{table}"
    );
    let (_, json, _) = run(&["book", "export", "--format", "json"]);
    let export: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(export["claims"].as_array().unwrap().len(), 5);
}

on_both_backends! {
    /// MPS's answers imported before the claims they answer, in reverse order and twice: exit 3
    /// and kept while their claims are missing, every one matched once the claims files are in
    /// (weekly charges of one amount, twin claims, no own references). On both backends.
    #[allow(clippy::too_many_lines)] // One story: the files made, then imported in the wrong order.
    fn answers_before_their_claims_are_kept_and_then_matched(dir, _) {
        let dir = dir.to_path_buf();
        let run = |args: &[&str]| in_book(&dir, args);
        std::fs::write(dir.join("mandates.csv"), TWO_MANDATES).unwrap();
        let step = |args: &[&str]| {
            let (code, out, err) = run(args);
            assert_eq!(code, 0, "{args:?}: {out}{err}");
        };
        step(&[
            "new",
            "mandates",
            "mandates.csv",
            "--today",
            "2026-03-02",
            "-o",
            "m.txt",
        ]);
        step(&[
            "simulate",
            "m.txt",
            "--state",
            "mps.json",
            "--date",
            "2026-03-02",
            "-o",
            "m-answer.txt",
        ]);
        std::fs::write(
            dir.join("weeks.csv"),
            "payer_reference,amount,due_date,short_name\n12345,400,2026-04-06,Nordmann\n12345,400,2026-04-13,Nordmann\n12345,400,2026-04-20,Nordmann\n23456,50,2026-04-15,Nordmann\n23456,50,2026-04-15,Nordmann\n23456,50,2026-04-22,Nordmann\n",
        )
        .unwrap();
        step(&[
            "new",
            "claims",
            "weeks.csv",
            "--today",
            "2026-03-16",
            "-o",
            "c1.txt",
        ]);
        step(&[
            "simulate",
            "c1.txt",
            "--state",
            "mps.json",
            "--date",
            "2026-03-16",
            "-o",
            "a1.txt",
        ]);
        std::fs::write(
            dir.join("may.csv"),
            "payer_reference,amount,due_date,short_name\n23456,75,2026-05-04,Nordmann\n",
        )
        .unwrap();
        step(&[
            "new",
            "claims",
            "may.csv",
            "--today",
            "2026-04-27",
            "-o",
            "c2.txt",
        ]);
        step(&[
            "simulate",
            "c2.txt",
            "--state",
            "mps.json",
            "--date",
            "2026-04-27",
            "-o",
            "a2.txt",
        ]);

        // The answers first, the later file first: nothing to match, all kept, exit 3.
        let (code, _, err) = run(&["book", "import", "a2.txt"]);
        assert_eq!(code, 3, "{err}");
        assert!(err.contains("matches no claim sent; kept"), "{err}");
        let (code, _, _) = run(&["book", "import", "a1.txt"]);
        assert_eq!(code, 3);
        let (code, out, _) = run(&["book", "import", "a1.txt"]);
        assert_eq!(code, 0);
        assert!(out.contains("already in the book"), "{out}");
        let (_, kept, _) = run(&["book", "status", "--unmatched", "--format", "csv"]);
        assert_eq!(kept.lines().count(), 1 + 7, "{kept}");
        let (_, counts, _) = run(&["book", "status", "--today", "2026-03-16"]);
        assert!(counts.contains("unmatched answers"), "{counts}");

        // The claims files: every kept answer finds its claim.
        let (code, out, err) = run(&["book", "import", "c2.txt", "--today", "2026-04-27"]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(
            out.contains("1 answer(s) kept from earlier files found their claim"),
            "{out}"
        );
        let (code, out, err) = run(&["book", "import", "c1.txt", "--today", "2026-03-16"]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(
            out.contains("6 answer(s) kept from earlier files found their claim"),
            "{out}"
        );
        let (_, kept, _) = run(&["book", "status", "--unmatched"]);
        assert_eq!(kept.trim(), "no unmatched answers");
        let (_, csv, _) = run(&[
            "book",
            "status",
            "--all",
            "--today",
            "2026-06-01",
            "--format",
            "csv",
        ]);
        let statuses: Vec<&str> = csv
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(1).unwrap())
            .collect();
        assert_eq!(
            statuses,
            // c2's claim first (its file came in first), then c1's: the third week over the
            // monthly limit (181), Easter Monday's processed on the 7th.
            [
                "settled", "settled", "settled", "rejected", "settled", "settled", "settled"
            ],
            "{csv}"
        );
    }
}

on_both_backends! {
    /// A rejected claim billed again (`replaces`) or settled another way (`resolve --handled`) is
    /// closed as handled, with who, when and why, and counted apart; a mandate shows its state on
    /// the day asked, blocked once MPS answered 133; an own reference used twice is warned of. On
    /// both backends.
    #[allow(clippy::too_many_lines)] // One story, told in order.
    fn rejected_claims_are_billed_again_or_closed_by_hand(dir, _) {
        let dir = dir.to_path_buf();
        let run = |args: &[&str]| in_book(&dir, args);
        let step = |args: &[&str]| {
            let (code, out, err) = run(args);
            assert_eq!(code, 0, "{args:?}: {out}{err}");
            (out, err)
        };
        std::fs::write(dir.join("mandates.csv"), TWO_MANDATES).unwrap();
        step(&[
            "new",
            "mandates",
            "mandates.csv",
            "--today",
            "2026-03-02",
            "-o",
            "m.txt",
        ]);
        step(&["book", "import", "m.txt", "--today", "2026-03-02"]);
        step(&[
            "simulate",
            "m.txt",
            "--state",
            "mps.json",
            "--date",
            "2026-03-02",
            "-o",
            "m-answer.txt",
        ]);
        step(&["book", "import", "m-answer.txt"]);
        let (csv, _) = step(&[
            "book",
            "mandates",
            "--today",
            "2026-03-05",
            "--format",
            "csv",
        ]);
        assert!(csv.contains(",12345,pending,"), "{csv}");
        assert!(csv.contains(",monthly,1000.00,"), "{csv}");
        // The simplified mandate has no limit: its cells are empty, not 0.00.
        assert!(csv.contains(",simplified,,,"), "{csv}");
        let (csv, _) = step(&[
            "book",
            "mandates",
            "--today",
            "2026-03-16",
            "--format",
            "csv",
        ]);
        assert!(csv.contains(",12345,active,"), "{csv}");

        std::fs::write(
            dir.join("april.csv"),
            "payer_reference,amount,due_date,own_reference,short_name\n12345,600,2026-04-10,A,Nordmann\n12345,600,2026-04-20,B,Nordmann\n23456,50,2026-04-15,C,Nordmann\n99999,10,2026-04-15,D,Nordmann\n",
        )
        .unwrap();
        step(&[
            "new",
            "claims",
            "april.csv",
            "--today",
            "2026-03-16",
            "-o",
            "c1.txt",
        ]);
        step(&["book", "import", "c1.txt", "--today", "2026-03-16"]);
        step(&[
            "simulate",
            "block",
            "--state",
            "mps.json",
            "--agreement",
            "56789",
            "--reference",
            "23456",
            "--from",
            "2026-04-01",
        ]);
        step(&[
            "simulate",
            "c1.txt",
            "--state",
            "mps.json",
            "--date",
            "2026-03-16",
            "-o",
            "a1.txt",
        ]);
        step(&["book", "import", "a1.txt"]);
        let (csv, _) = step(&[
            "book",
            "mandates",
            "--today",
            "2026-04-16",
            "--format",
            "csv",
        ]);
        assert!(csv.contains(",23456,blocked,"), "MPS answered 133: {csv}");

        // B (181) billed again in May; A2 twice in the billing data is warned of.
        std::fs::write(
            dir.join("may.csv"),
            "payer_reference,amount,due_date,own_reference,replaces,short_name\n12345,600,2026-05-20,B2,B,Nordmann\n12345,10,2026-05-21,A2,,Nordmann\n12345,20,2026-05-22,A2,,Nordmann\n",
        )
        .unwrap();
        let (_, err) = step(&[
            "new",
            "claims",
            "may.csv",
            "--today",
            "2026-04-27",
            "-o",
            "c2.txt",
        ]);
        assert!(
            err.contains(
                "may.csv:4: own_reference: warning: \"A2\" is the own reference of row 3 too"
            ),
            "{err}"
        );
        let (out, err) = step(&["book", "import", "c2.txt", "--today", "2026-04-27"]);
        assert!(
            err.contains("own reference \"A2\" is used by 2 claims waiting in agreement 000056789"),
            "{err}"
        );
        assert!(
            out.contains("1 rejected claim(s) billed again by this file, closed as handled"),
            "{out}"
        );

        // D (131) was paid in cash.
        let (csv, _) = step(&[
            "book",
            "status",
            "--rejected",
            "--format",
            "csv",
            "--today",
            "2026-04-27",
        ]);
        let d = csv
            .lines()
            .find(|l| l.contains(",D,"))
            .unwrap()
            .split(',')
            .next()
            .unwrap()
            .to_owned();
        let (out, _) = step(&[
            "book",
            "resolve",
            &d,
            "--handled",
            "paid in cash",
            "--today",
            "2026-04-28",
        ]);
        assert!(out.contains("closed by hand"), "{out}");
        let (code, _, err) = run(&["book", "resolve", &d, "--handled", "again"]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("the claim is handled"), "{err}");

        let (csv, _) = step(&[
            "book",
            "status",
            "--handled",
            "--format",
            "csv",
            "--today",
            "2026-04-28",
        ]);
        let handled: Vec<(String, String)> = csv
            .lines()
            .skip(1)
            .map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                (cells[12].to_owned(), cells[16].to_owned())
            })
            .collect();
        assert_eq!(
            handled,
            [
                (
                    "B".to_owned(),
                    "billed again in c2.txt by the claim with own reference B2".to_owned()
                ),
                ("D".to_owned(), "paid in cash".to_owned())
            ],
            "{csv}"
        );
        let (table, _) = step(&["book", "status", "--today", "2026-04-28"]);
        assert!(table.contains("handled"), "{table}");
        let (json, _) = step(&["book", "export"]);
        assert!(json.contains("paid in cash"), "{json}");
    }
}

on_both_backends! {
    /// `book import` killed (SIGKILL) at moments spread over its run leaves the book as before the
    /// file or as after it, never between, the answers kept unmatched included: an answer file
    /// whose claims the book does not have yet is kept whole or not at all, and the claims file
    /// after it is answered whole or not at all. The same import run again completes it. On both
    /// backends.
    fn kept_answers_killed_midway_are_kept_whole_or_not_at_all(dir, _) {
        const N: u64 = 3000;
        let dir = dir.to_path_buf();
        let step = |args: &[&str]| {
            let (code, out, err) = in_book(&dir, args);
            assert!(code == 0 || code == 3, "{args:?}: {out}{err}");
        };
        let answered = || {
            let (_, json, _) = in_book(&dir, &["book", "status", "--format", "json"]);
            let status: serde_json::Value = serde_json::from_str(&json).unwrap();
            let count = |s: &str| {
                status["counts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|c| c[0] == s)
                    .map_or(0, |c| c[1].as_u64().unwrap())
            };
            (
                count("settled") + count("rejected"),
                status["unmatched"][0].as_u64().unwrap(),
            )
        };
        let rows: String =
            std::iter::once("payer_reference,amount,due_date,short_name\n".to_owned())
                .chain((0..N).map(|i| format!("{},10,2026-04-15,Nordmann\n", 10_000 + i)))
                .collect();
        std::fs::write(dir.join("many.csv"), rows).unwrap();
        let mut killed_before = 0;
        let mut killed_after = 0;
        for round in 0..6u64 {
            let claims = format!("c{round}.txt");
            let answer = format!("a{round}.txt");
            step(&[
                "new",
                "claims",
                "many.csv",
                "--today",
                "2026-03-16",
                "-o",
                &claims,
            ]);
            step(&[
                "simulate",
                &claims,
                "--state",
                "mps.json",
                "--date",
                "2026-03-16",
                "-o",
                &answer,
            ]);
            // The answer first (kept unmatched: its claims are not in the book), killed midway.
            for (file, today) in [(&answer, None), (&claims, Some("2026-03-16"))] {
                let mut args = vec!["book", "import", file.as_str()];
                if let Some(t) = today {
                    args.extend(["--today", t]);
                }
                let (before, unmatched_before) = answered();
                let mut child = std::process::Command::new(binary())
                    .current_dir(&dir)
                    .args(&args)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .unwrap();
                std::thread::sleep(std::time::Duration::from_millis(40 + 150 * round));
                let _ = child.kill();
                let _ = child.wait();
                let (now, unmatched) = answered();
                if today.is_none() {
                    // The answer alone: its N answers kept unmatched, or none.
                    assert_eq!(now, before);
                    assert!(
                        unmatched == unmatched_before || unmatched == unmatched_before + N,
                        "{unmatched}"
                    );
                    if unmatched == unmatched_before {
                        killed_before += 1;
                    } else {
                        killed_after += 1;
                    }
                } else {
                    // The claims, which the kept answers then answer: all of them, or none.
                    assert!(now == before || now == before + N, "{before} -> {now}");
                    assert_eq!(now == before, unmatched == unmatched_before, "{unmatched}");
                }
                step(&args);
            }
            assert_eq!(answered(), ((round + 1) * N, 0));
        }
        eprintln!("kills before the commit: {killed_before}, after: {killed_after}");
    }
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

/// A reader that goes away after one byte (`| head -c1`) ends the command quietly: exit 0,
/// nothing on standard error (it panicked on the closed pipe before).
#[test]
fn a_closed_pipe_ends_book_status_quietly() {
    use std::io::Read as _;
    let dir = book_dir_at("book-pipe", None);
    assert_eq!(in_book(&dir, &["book", "init"]).0, 0);
    let rows: String = std::iter::once("payer_reference,amount,due_date,short_name\n".to_owned())
        .chain((0..3000).map(|i| format!("{},10,2026-04-15,Nordmann\n", 10_000 + i)))
        .collect();
    std::fs::write(dir.join("many.csv"), rows).unwrap();
    let (code, _, err) = in_book(
        &dir,
        &[
            "new",
            "claims",
            "many.csv",
            "--today",
            "2026-03-16",
            "-o",
            "c.txt",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        in_book(&dir, &["book", "import", "c.txt", "--today", "2026-03-16"]).0,
        0
    );
    // More than a pipe holds, so that the command is still writing when the reader leaves.
    let mut child = std::process::Command::new(binary())
        .current_dir(&dir)
        .args(["book", "status", "--all", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    stdout.read_exact(&mut one).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

on_both_backends! {
    /// Eight imports started at once on one book (different files) all end with their file in it;
    /// eight of one file land it once. On SQLite and on PostgreSQL.
    fn eight_imports_at_once_all_land(dir, _) {
        let files = claim_files(dir, 1, 8);
        let children: Vec<_> = files
            .iter()
            .map(|f| {
                std::process::Command::new(binary())
                    .current_dir(dir)
                    .args([
                        "book",
                        "import",
                        &f.to_string_lossy(),
                        "--today",
                        "2026-03-16",
                    ])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect::<Vec<_>>();
        // All eight run before any is waited for.
        for child in children {
            let out = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{err}");
        }
        let (_, json, _) = in_book(dir, &["book", "export"]);
        let export: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(export["files"].as_array().unwrap().len(), 8);
        assert_eq!(export["claims"].as_array().unwrap().len(), 16);
        // The same file eight times at once: it lands once, and seven say it was there.
        let same = big_claims_file(dir, 5000, 9);
        let children: Vec<_> = (0..8)
            .map(|_| {
                std::process::Command::new(binary())
                    .current_dir(dir)
                    .args(["book", "import", &same, "--today", "2026-03-16"])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut already = 0;
        for child in children {
            let out = child.wait_with_output().unwrap();
            let (text, err) = (
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr),
            );
            assert_eq!(out.status.code(), Some(0), "{err}");
            already += usize::from(text.contains("already in the book"));
        }
        assert_eq!(already, 7);
        assert_eq!(claims_in_book(dir), 16 + 5000);
    }
}

on_both_backends! {
    /// Two processes that make files at the same moment from one book never get the same
    /// transmission or assignment number.
    fn numbers_taken_at_the_same_moment_differ(dir, _) {
        std::fs::write(
            dir.join("rows.csv"),
            "payer_reference,amount,due_date,short_name\n12345,100,2026-04-10,Nordmann\n",
        )
        .unwrap();
        let children: Vec<_> = (0..6)
            .map(|i| {
                std::process::Command::new(binary())
                    .current_dir(dir)
                    .args(["new", "claims", "rows.csv", "--today", "2026-03-16", "-o"])
                    .arg(format!("made-{i}.txt"))
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let mut numbers: Vec<(String, String)> = (0..6)
            .map(|i| {
                let file = std::fs::read(dir.join(format!("made-{i}.txt"))).unwrap();
                let text: String = file.iter().map(|&b| char::from(b)).collect();
                let lines: Vec<&str> = text.lines().collect();
                (lines[0][16..23].to_owned(), lines[1][17..24].to_owned())
            })
            .collect();
        numbers.sort();
        numbers.dedup_by(|a, b| a.0 == b.0 || a.1 == b.1);
        assert_eq!(numbers.len(), 6, "{numbers:?}");
    }
}

on_both_backends! {
    /// An import killed with SIGKILL in the middle leaves the book as before (one transaction per
    /// file), and the next import of the file lands whole; on SQLite and on PostgreSQL.
    fn an_import_killed_midway_leaves_the_book_as_before(dir, url) {
        killed_midway(dir, url);
    }
}

/// Writes `big-N.txt` in `dir`, a file of `rows` claims with transmission and assignment
/// number `n`, made by `new claims` (of `big.csv`, written the first time); its name.
fn big_claims_file(dir: &Path, rows: usize, n: u32) -> String {
    let csv = dir.join("big.csv");
    if !csv.exists() {
        let mut text = String::from("payer_reference,amount,due_date,short_name\n");
        for k in 0..rows {
            let _ = writeln!(
                text,
                "{},{}.00,2026-04-{:02},Nordmann",
                10_000 + k,
                k % 900 + 1,
                10 + k % 15
            );
        }
        std::fs::write(&csv, text).unwrap();
    }
    let name = format!("big-{n}.txt");
    let n = n.to_string();
    let (code, _, err) = in_book(
        dir,
        &[
            "new",
            "claims",
            "big.csv",
            "--transmission",
            &n,
            "--assignment",
            &n,
            "--today",
            "2026-03-16",
            "-o",
            &name,
        ],
    );
    assert_eq!(code, 0, "{err}");
    name
}

/// How many claims the book of `dir` holds.
fn claims_in_book(dir: &Path) -> usize {
    let (code, json, err) = in_book(dir, &["book", "status", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let status: serde_json::Value = serde_json::from_str(&json).unwrap();
    let counts = status["counts"].as_array().unwrap().iter();
    usize::try_from(counts.map(|c| c[1].as_u64().unwrap()).sum::<u64>()).unwrap()
}

/// Whether a session on the database of `url` has a transaction that has written.
fn writing_to(url: &str) -> bool {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let row = client
        .query_one(
            "SELECT COUNT(*) FROM pg_stat_activity
             WHERE backend_xid IS NOT NULL AND datname = current_database()",
            &[],
        )
        .unwrap();
    row.get::<_, i64>(0) > 0
}

fn killed_midway(dir: &Path, url: Option<&str>) {
    let dir = dir.to_path_buf();
    let rows = 60_000;
    let big = big_claims_file(&dir, rows, 1);
    let claims_in_book = || claims_in_book(&dir);
    let wal = dir.join("autogiro.db-wal");
    let before = std::fs::metadata(&wal).map_or(0, |m| m.len());
    let mut child = std::process::Command::new(binary())
        .current_dir(&dir)
        .args(["book", "import", &big, "--today", "2026-03-16"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it is writing: SQLite's write-ahead log grows; PostgreSQL shows a
    // transaction that has written.
    let writing = || match url {
        None => std::fs::metadata(&wal).map_or(0, |m| m.len()) > before + 1_000_000,
        Some(url) => writing_to(url),
    };
    let started = std::time::Instant::now();
    while !writing() && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "killed before it could finish");
    assert_eq!(claims_in_book(), 0, "as before, not between");
    let (code, out, err) = in_book(&dir, &["book", "import", &big, "--today", "2026-03-16"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("{rows} claim(s)")), "{out}");
    assert_eq!(claims_in_book(), rows);
}

on_both_backends! {
    /// `book import` killed (SIGKILL) at twenty moments spread over twice the time an import
    /// takes, from its start to past its end, each round a new file: the book holds the file whole or
    /// not at all, and the same import run again completes it. On both backends.
    fn imports_killed_at_twenty_moments_land_whole_or_not_at_all(dir, _) {
        const ROUNDS: u32 = 20;
        const ROWS: usize = 8_000;
        let import = |name: &str| {
            std::process::Command::new(binary())
                .current_dir(dir)
                .args(["book", "import", name, "--today", "2026-03-16"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        };
        // How long an import takes, whole: the last one that ran to its end.
        let first = big_claims_file(dir, ROWS, 1);
        let started = std::time::Instant::now();
        assert!(import(&first).wait().unwrap().success());
        let mut whole = started.elapsed();
        let (mut cut, mut landed) = (0, 0);
        for round in 1..=ROUNDS {
            let before = claims_in_book(dir);
            let name = big_claims_file(dir, ROWS, round + 1);
            let started = std::time::Instant::now();
            let mut child = import(&name);
            // From the start to twice the time of an import, in equal steps.
            let moment = whole * 2 * round / ROUNDS;
            let ended = loop {
                if let Some(status) = child.try_wait().unwrap() {
                    break Some((status, started.elapsed()));
                }
                if started.elapsed() >= moment {
                    break None;
                }
                std::thread::sleep(std::time::Duration::from_millis(2));
            };
            let killed = if let Some((status, took)) = ended {
                assert!(status.success(), "round {round}: {status}");
                whole = took;
                false
            } else {
                let _ = child.kill();
                !child.wait().unwrap().success()
            };
            let after = claims_in_book(dir);
            assert!(
                after == before || after == before + ROWS,
                "round {round}: {before} claims before, {after} after: between"
            );
            if after == before {
                assert!(killed, "round {round}: ended well with nothing imported");
                cut += 1;
                let started = std::time::Instant::now();
                let (code, _, err) =
                    in_book(dir, &["book", "import", &name, "--today", "2026-03-16"]);
                whole = started.elapsed();
                assert_eq!(code, 0, "round {round}: {err}");
                assert_eq!(
                    claims_in_book(dir),
                    before + ROWS,
                    "round {round}: run again"
                );
            } else {
                landed += 1;
            }
        }
        // The moments fell both in and after the imports.
        assert!(cut > 0 && landed > 0, "{cut} cut, {landed} landed");
    }
}

/// A PostgreSQL server that goes away in the middle of an import: the command says that
/// nothing of the file was imported, the book holds nothing of it once the server is back,
/// and the same import then lands whole.
#[test]
#[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
fn an_import_whose_server_goes_away_is_rolled_back_and_run_again() {
    let mut server = autogiro_testkit::Postgres::for_test();
    let url = server.database();
    let dir = book_dir_at("book-server-away", Some(&url));
    let rows = 60_000;
    let big = big_claims_file(&dir, rows, 1);
    let child = std::process::Command::new(binary())
        .current_dir(&dir)
        .args(["book", "import", &big, "--today", "2026-03-16"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !writing_to(&url) && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    server.stop_now();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("{big}: not imported")), "{err}");
    assert!(
        err.contains("the book is as it was before this file"),
        "{err}"
    );
    server.start_again();
    assert_eq!(claims_in_book(&dir), 0);
    let (code, out, err) = in_book(&dir, &["book", "import", &big, "--today", "2026-03-16"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("{rows} claim(s)")), "{out}");
    assert_eq!(claims_in_book(&dir), rows);
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

/// `book copy` moves a whole book from SQLite to PostgreSQL and back; `book export` of each is
/// the same document.
#[test]
#[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
fn book_copy_round_trips_between_backends() {
    let mut server = autogiro_testkit::Postgres::for_test();
    let dir = book_dir("book-copy");
    for f in claim_files(&dir, 1, 3) {
        let (code, _, err) = in_book(
            &dir,
            &[
                "book",
                "import",
                &f.to_string_lossy(),
                "--today",
                "2026-03-16",
            ],
        );
        assert_eq!(code, 0, "{err}");
    }
    let (_, original, _) = in_book(&dir, &["book", "export"]);
    let url = server.database();
    let (code, out, err) = in_book(
        &dir,
        &["book", "copy", "--from", "autogiro.db", "--to", &url],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3 file(s), 6 claim(s)"), "{out}");
    let (_, copied, _) = in_book(&dir, &["book", "export", "--book", &url]);
    assert_eq!(copied, original);
    let (code, _, err) = in_book(&dir, &["book", "copy", "--from", &url, "--to", "back.db"]);
    assert_eq!(code, 0, "{err}");
    let (_, back, _) = in_book(&dir, &["book", "export", "--book", "back.db"]);
    assert_eq!(back, original);
    // Into a book that holds something: refused.
    let (code, _, err) = in_book(&dir, &["book", "copy", "--from", &url, "--to", "back.db"]);
    assert_eq!(code, 2);
    assert!(err.contains("not empty"), "{err}");
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
