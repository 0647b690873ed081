//! AvtaleGiro's daily job end to end, on both backends: payers sign up (the simulator), claims
//! made from billing rows with the book's numbers, sent (imported), answered by the simulator
//! as MPS would (settlements as OCR giro payments of type 15, on their days; the mandates
//! listed), a claim cancelled before its day, the answers imported, and the book's status.

use super::*;

on_both_backends! {
    fn avtalegiro_from_billing_rows_to_settled_claims_in_the_book(dir, _url) {
        let mut settings = std::fs::read_to_string(dir.join("autogiro.toml")).unwrap();
        settings.push_str(
            "\n[[agreement]]\nid = \"000067890\"\naccount = \"1234.56.78903\"\nservice = \"avtalegiro\"\n",
        );
        std::fs::write(dir.join("autogiro.toml"), settings).unwrap();
        let run = |args: &[&str]| {
            let (code, out, err) = in_book(dir, args);
            assert_eq!(code, 0, "{args:?}: {out}{err}");
            format!("{out}{err}")
        };
        let state = "state.json";
        // Two of the three payers of the billing fixture sign up; the third has no mandate.
        run(&["simulate", "sign-up", "--state", state, "--kid", "123456782", "--written-notice"]);
        run(&["simulate", "sign-up", "--state", state, "--kid", "987654324"]);
        let rows = testdata("billing/avtalegiro-claims.csv");
        run(&[
            "new", "claims", "--service", "avtalegiro", &rows.to_string_lossy(),
            "--today", "2026-01-12", "-o", "claims.txt",
        ]);
        let sent = run(&["book", "import", "claims.txt", "--today", "2026-01-12"]);
        assert!(sent.contains("3 AvtaleGiro claim(s) waiting to be settled"), "{sent}");

        // Read on 12 January: the mandates listed at once, the settlements on their days.
        let first = run(&[
            "simulate", "claims.txt", "--state", state, "--date", "2026-01-12",
            "--until", "2026-01-12", "-o", "answer-1.txt",
        ]);
        assert!(first.contains("2 claim(s) processed after 2026-01-12"), "{first}");
        let answered = run(&["book", "import", "answer-1.txt", "--today", "2026-01-12"]);
        assert!(answered.contains("2 AvtaleGiro mandate(s) listed"), "{answered}");
        assert!(!answered.contains("answer(s) matched"), "{answered}");

        // The claim of 20 February cancelled before its day: MPS settles only the other.
        std::fs::write(dir.join("cancel.csv"), "amount,due_date,kid\n349.50,2026-02-20,987654324\n")
            .unwrap();
        run(&["new", "cancellations", "cancel.csv", "--today", "2026-01-13", "-o", "cancel.txt"]);
        let cancelled = run(&["book", "import", "cancel.txt", "--today", "2026-01-13"]);
        assert!(cancelled.contains("0 AvtaleGiro claim(s) waiting to be settled, 1 cancelled"), "{cancelled}");
        run(&["simulate", "cancel.txt", "--state", state, "--date", "2026-01-13", "-o", "nothing.txt"]);
        let released = run(&["simulate", "--state", state, "--date", "2026-02-20", "-o", "answer-2.txt"]);
        assert!(released.contains("1 AvtaleGiro claim(s) settled as OCR giro payments"), "{released}");
        let (code, _, err) = in_book(dir, &["validate", "answer-2.txt", "--today", "2026-02-20"]);
        assert_eq!(code, 0, "{err}");
        let settled = run(&["book", "import", "answer-2.txt", "--today", "2026-02-20"]);
        assert!(settled.contains("1 OCR giro payment(s) received; 1 AvtaleGiro claim(s) settled"), "{settled}");

        let status = run(&["book", "status", "--today", "2026-03-01", "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(status.trim()).unwrap();
        let giro = &json["giro"];
        assert_eq!(giro["claims"], serde_json::json!([
            ["cancelled", 1, "349.50"], ["sent", 1, "199.00"], ["settled", 1, "499.00"]
        ]), "{status}");
        assert_eq!(giro["not_settled"], serde_json::json!([1, "199.00"]), "the KID without a mandate");
        assert_eq!(giro["mandates"], 2);
        let payments = run(&["book", "status", "--payments", "--format", "csv"]);
        assert!(payments.contains(",15,2026-02-16,499.00,,123456782,1"), "{payments}");
        let table = run(&["book", "status", "--today", "2026-03-01"]);
        assert!(table.contains("AvtaleGiro settled"), "{table}");
    }
}
