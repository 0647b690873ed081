//! The payee's book through the command: a whole month, answers before their claims, claims
//! billed again or closed by hand, imports killed or cut off from their server, several at
//! once; on both backends.

use super::*;

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
