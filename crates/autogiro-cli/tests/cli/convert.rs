//! `convert` and `fmt`: JSON, fixed-width and CSV both ways, and the canonical form.

use super::*;

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
