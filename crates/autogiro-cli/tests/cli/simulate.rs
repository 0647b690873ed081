//! `simulate`: MPS's answers from a kept state, runs that take turns, day by day, blocked
//! mandates.

use super::new::new_file;
use super::*;

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
