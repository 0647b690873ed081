//! `send` and `fetch` killed (SIGKILL) at moments spread over their run, against a real
//! OpenSSH server: nothing sent or imported twice, nothing lost.

use super::transfer::{Payee, names};
use super::*;

/// Runs `autogiro ARGS` in the payee's folder and kills it (SIGKILL) after `after`, unless it
/// ended before.
fn killed(p: &Payee, args: &[&str], after: std::time::Duration) {
    let mut child = std::process::Command::new(binary())
        .current_dir(&p.dir)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
}

/// How long `autogiro ARGS` takes in the payee's folder; it must succeed.
fn timed(p: &Payee, args: &[&str]) -> std::time::Duration {
    let start = std::time::Instant::now();
    p.ok(args);
    start.elapsed()
}

/// How many journal lines of `event` name `what`.
fn journal_count(p: &Payee, event: &str, what: &str) -> usize {
    std::fs::read_to_string(p.dir.join("archive/.autogiro/transfer-journal.jsonl"))
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(&format!("\"event\":\"{event}\"")) && l.contains(what))
        .count()
}

/// How many times `send` and `fetch` are killed.
const KILL_ROUNDS: u32 = 30;

/// The moment of round `round` in a run that takes `whole`: from a third of the run to half as
/// long again as it (the machine's pace varies while other tests run), so that kills fall
/// before, within and after the upload, the rename, the download and the journal's lines.
fn moment(whole: std::time::Duration, round: u32) -> std::time::Duration {
    whole.mul_f64(0.3 + 1.2 * f64::from(round) / f64::from(KILL_ROUNDS))
}

fn send_args(file: &str) -> [&str; 5] {
    ["send", file, "--today", "2026-03-16", "--accept-rejections"]
}

/// `book status --format json` on 16 March 2026.
fn status_json(p: &Payee) -> serde_json::Value {
    let json = p.ok(&[
        "book",
        "status",
        "--format",
        "json",
        "--today",
        "2026-03-16",
    ]);
    serde_json::from_str(&json).unwrap()
}

/// The book's claims with `status`, as `book status --format json` counts them.
fn claims_with(p: &Payee, status: &str) -> u64 {
    status_json(p)["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c[0] == status)
        .map_or(0, |c| c[1].as_u64().unwrap())
}

/// `send` and `fetch` killed (SIGKILL) at moments spread over their run, 30 times each, then
/// run again: every file is on the server once, under its name, and in the journal and the
/// book once; every answer is archived once, imported once and removed from the server;
/// nothing half-done is left behind.
#[test]
#[ignore = "needs sshd: cargo test -- --include-ignored"]
fn send_and_fetch_killed_at_any_moment_do_nothing_twice_and_lose_nothing() {
    let p = Payee::new("transfer-killed");
    p.pin_host_key();
    let files = claim_files(&p.dir, 1, KILL_ROUNDS + 1);
    let names_of: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let sent = sends_killed(&p, &files, &names_of);
    let fetched = fetches_killed(&p, &names_of);
    eprintln!("send killed: {sent:?}\nfetch killed: {fetched:?}");
}

/// The sends of all `files` but the first killed, each then run again; what each kill fell
/// on: before the file was sent, midway (the next run found it renamed or staged), after.
fn sends_killed(p: &Payee, files: &[PathBuf], names_of: &[String]) -> Vec<&'static str> {
    // One send whole, to know how long one takes.
    let whole = timed(p, &send_args(&names_of[0]));
    let inbound = p.sshd.remote().join("inbound");
    let mut outcomes = Vec::new();
    for (round, (file, shown)) in (1..=KILL_ROUNDS).zip(files[1..].iter().zip(&names_of[1..])) {
        let at = moment(whole, round);
        killed(p, &send_args(shown), at);
        let (code, out, err) = p.run(&send_args(shown));
        let said = format!("{out}{err}");
        // Sent now (whole, or finished: staged by the killed run and renamed now), found sent
        // (renamed by the killed run), or refused as sent before (the killed run was done).
        let sent_now = ["sent as", "found sent", "stopped before the rename) as"]
            .iter()
            .any(|s| said.contains(s));
        assert!(
            (code == 0 && sent_now) || (code == 1 && said.contains("sent before")),
            "round {round}, killed after {at:?}: {said}"
        );
        let sha = autogiro::book::Book::sha256(&std::fs::read(file).unwrap());
        assert_eq!(journal_count(p, "sent", &sha), 1, "round {round}: {said}");
        outcomes.push(if code == 1 {
            "after"
        } else if said.contains("found sent") || said.contains("stopped before the rename") {
            "midway"
        } else {
            "before"
        });
    }
    // The kills fell both before a send was done and after.
    assert!(
        outcomes.contains(&"before") && outcomes.contains(&"after"),
        "{outcomes:?}"
    );
    // On the server: each file once, whole, under its own name; nothing hidden left.
    let on_server = names(&inbound);
    assert_eq!(on_server.len(), files.len(), "{on_server:?}");
    assert!(
        on_server.iter().all(|n| !n.starts_with('.')),
        "{on_server:?}"
    );
    for file in files {
        let content = std::fs::read(file).unwrap();
        let copies = on_server
            .iter()
            .filter(|n| std::fs::read(inbound.join(n)).unwrap() == content)
            .count();
        assert_eq!(copies, 1, "{}", file.display());
    }
    assert_eq!(
        claims_with(p, "sent"),
        2 * u64::from(KILL_ROUNDS + 1),
        "each claim in the book once"
    );
    // MPS takes them.
    for n in &on_server {
        std::fs::remove_file(inbound.join(n)).unwrap();
    }
    outcomes
}

/// MPS's answers to the files sent, each fetched by a run killed, then run again; what each
/// kill fell on.
fn fetches_killed(p: &Payee, names_of: &[String]) -> Vec<&'static str> {
    let outbound = p.sshd.remote().join("outbound");
    let answers: Vec<String> = names_of
        .iter()
        .map(|f| {
            let answer = format!("answer-{f}");
            p.answer_on(f, &answer, "2026-03-16");
            answer
        })
        .collect();
    std::fs::copy(p.dir.join(&answers[0]), outbound.join(&answers[0])).unwrap();
    let whole = timed(p, &["fetch", "--today", "2026-03-16"]);
    let mut fetched = Vec::new();
    for (round, answer) in (1..=KILL_ROUNDS).zip(&answers[1..]) {
        std::fs::copy(p.dir.join(answer), outbound.join(answer)).unwrap();
        let at = moment(whole, round);
        killed(p, &["fetch", "--today", "2026-03-16"], at);
        let (code, out, err) = p.run(&["fetch", "--today", "2026-03-16"]);
        assert_eq!(code, 0, "round {round}, killed after {at:?}: {out}{err}");
        fetched.push(if out.contains("nothing to fetch") {
            "after"
        } else if out.contains("fetched to") {
            "before"
        } else {
            "midway"
        });
        assert!(names(&outbound).is_empty(), "round {round}: {out}{err}");
        assert_eq!(journal_count(p, "fetched", answer), 1, "round {round}");
        // A run killed between the removal and its line in the journal leaves no line: the
        // file is archived and imported all the same (checked below).
        assert!(journal_count(p, "removed", answer) <= 1, "round {round}");
    }
    assert!(
        fetched.contains(&"before") && fetched.contains(&"after"),
        "{fetched:?}"
    );
    // The archive: each answer once, whole, nothing half-downloaded.
    let mut kept = answers.clone();
    kept.push(".autogiro".to_owned());
    kept.sort();
    assert_eq!(names(&p.dir.join("archive")), kept);
    for answer in &answers {
        assert_eq!(
            std::fs::read(p.dir.join("archive").join(answer)).unwrap(),
            std::fs::read(p.dir.join(answer)).unwrap()
        );
    }
    assert_eq!(claims_with(p, "sent"), 0, "every claim answered");
    let json = status_json(p);
    assert_eq!(json["unmatched"][0], 0, "{json}");
    fetched
}
