//! The WebAssembly API in a real browser (headless Chromium through chromedriver), under
//! `wasm-bindgen-test`: `.ci/run` runs these with `cargo test --target wasm32-unknown-unknown`.

#![cfg(test)]
#![cfg(target_arch = "wasm32")]

use autogiro_web::{Lines, Validator};
use serde_json::Value;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const VALID: &[u8] = include_bytes!("../../../testdata/ok/records-to-mps.txt");
const SUM: &[u8] = include_bytes!("../../../testdata/err/sum-mismatch--claims-end.txt");

/// Feeds `file` in parts of `size` bytes; the diagnostics and the end.
fn check(file: &[u8], size: usize) -> (Vec<Value>, Value) {
    let mut validator = Validator::new("3.9", "any", "2026-01-10").unwrap();
    let mut found = Vec::new();
    for part in file.chunks(size) {
        let part: Vec<Value> = serde_json::from_str(&validator.feed(part)).unwrap();
        found.extend(part);
    }
    let end: Value = serde_json::from_str(&validator.finish().unwrap()).unwrap();
    found.extend(end["diagnostics"].as_array().unwrap().iter().cloned());
    (found, end)
}

#[wasm_bindgen_test]
fn a_valid_file_in_any_parts() {
    for size in [1, 81, 82, 4096] {
        let (found, end) = check(VALID, size);
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(end["summary"]["direction"], "to-mps");
        assert_eq!(end["summary"]["assignments"][0]["kind"], "claims");
        assert_eq!(
            end["lines"],
            VALID
                .split(|&b| b == b'\n')
                .filter(|l| !l.is_empty())
                .count()
        );
    }
}

#[wasm_bindgen_test]
fn a_broken_file_names_its_line_and_columns() {
    let (found, _) = check(SUM, 100);
    assert_eq!(found.len(), 1);
    let d = &found[0];
    assert_eq!(d["code"], "sum-mismatch");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["line"], 10);
    assert_eq!(d["field"], "sum amount");
    assert_eq!(d["columns"], serde_json::json!([25, 41]));
    // The message in English, as the command gives it, and in each of the page's languages.
    assert_eq!(
        d["message"],
        "sum amount: declared 1124.01, computed 1124.00"
    );
    assert_eq!(d["messages"]["en"], d["message"]);
    assert_eq!(
        d["messages"]["nb"],
        "sum amount: oppgitt 1124.01, beregnet 1124.00"
    );
    let mut lines = Lines::new("[10]").unwrap();
    lines.feed(SUM);
    assert!(lines.done());
    let text: Value = serde_json::from_str(&lines.finish()).unwrap();
    assert!(text["10"].as_str().unwrap().starts_with("NY010088"));
}

#[wasm_bindgen_test]
fn options_are_refused_in_a_sentence() {
    assert!(Validator::new("3.9", "mod12", "2026-01-10").is_err());
    assert!(Validator::new("3.9", "any", "2026-02-30").is_err());
    assert!(Validator::new("3.0", "any", "2026-01-10").is_err());
}
