//! Every diagnostic in both languages: each finding of every fixture said in bokmål as well as
//! in English, every place filled, no bokmål message the English one; and every code is found
//! by some fixture, so none goes unsaid.

use super::*;
use autogiro_model::Lang;
use std::collections::BTreeSet;

/// The diagnostics of every fixture, read as its tests read it.
fn every_diagnostic() -> Vec<(String, autogiro_model::Diagnostic)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut found = Vec::new();
    for dir in ["ok", "err"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            let options = oracle::options(&path);
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            for d in Transmission::read_slice(&bytes, &options).diagnostics {
                found.push((name.clone(), d));
            }
        }
    }
    found
}

#[test]
fn every_diagnostic_is_said_in_bokmal_too() {
    let placeholder = |s: &str| {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}'))
            .any(|(name, _)| {
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            })
    };
    let mut codes = BTreeSet::new();
    for (file, d) in every_diagnostic() {
        let en = d.message_in(Lang::En);
        let nb = d.message_in(Lang::Nb);
        assert_eq!(en, d.message, "{file}: English is the message");
        assert_ne!(
            en, nb,
            "{file}: [{}] the bokmål message is the English one",
            d.code
        );
        assert!(
            !placeholder(&nb) && !placeholder(&en),
            "{file}: a place unfilled: {nb}"
        );
        codes.insert(d.code);
    }
    // What no fixture can show: a failing read, and ten million claims (the checker's unit
    // test `the_transaction_past_the_limit_is_reported_once` says that one in both languages).
    let unreachable = [Code::Io, Code::TooManyTransactions];
    let missing: Vec<_> = Code::ALL
        .iter()
        .filter(|c| !codes.contains(c) && !unreachable.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes no fixture shows, in either language: {missing:?}"
    );
}
