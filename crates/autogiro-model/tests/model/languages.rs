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

/// What a row problem says in both languages: every place filled, no key shown for words, no
/// bokmål message the English one unless it is only values (`"x": …`).
fn said_in_both(problems: &[autogiro_model::rows::CellError], keys: &mut BTreeSet<&'static str>) {
    for p in problems {
        let en = p.message.render(Lang::En);
        let nb = p.message.render(Lang::Nb);
        assert!(
            !en.contains('{') && !nb.contains('{'),
            "{}: a place unfilled: {en} / {nb}",
            p.column
        );
        assert!(
            !nb.contains("row.") && !nb.contains("value.") && !nb.contains("sum."),
            "{}: a key shown: {nb}",
            p.column
        );
        assert_ne!(
            en, nb,
            "{}: the bokmål message is the English one",
            p.column
        );
        keys.insert(p.message.key());
    }
}

/// Rows of claims broken every way a claim's row can be.
fn claim_problems(keys: &mut BTreeSet<&'static str>) {
    use autogiro_model::rows::ClaimColumns;
    let header = ClaimColumns::from_header(&["amount", "amount", "colour"]).unwrap_err();
    said_in_both(&header, keys);
    let claims = ClaimColumns::from_header(&[
        "payer_reference",
        "amount",
        "due_date",
        "kid",
        "short_name",
        "specification",
        "agreement",
    ])
    .unwrap();
    let lines = vec!["x"; 22].join("\n");
    for row in [
        [
            "12.3",
            "12,34,5",
            "31.02.2026",
            "123456789",
            "Nordmann AS",
            &lines,
            "1234567890",
        ],
        ["1234567890123", "-5", "15/01/2026", "12x", "Ω", "a|b", "x"],
        ["000", "1.001", "2026-01-15", "", "", &"y".repeat(41), ""],
        ["", "1,234.50", "", "", "N", "", ""],
    ] {
        said_in_both(&claims.read(&row).unwrap_err(), keys);
    }
}

/// Rows of mandates broken every way a mandate's row can be.
fn mandate_problems(keys: &mut BTreeSet<&'static str>) {
    use autogiro_model::rows::MandateColumns;
    let mandates = MandateColumns::from_header(&[
        "registration",
        "account",
        "period",
        "limit",
        "name",
        "postal_code",
        "postal_town",
        "country_code",
        "organisation_number",
        "signatory",
        "signatory_birth_date",
    ])
    .unwrap()
    .today(time::macros::date!(2026 - 01 - 10));
    for row in [
        [
            "renew",
            "1234.56.78904",
            "fortnightly",
            "",
            "N",
            "12345",
            "Oslo",
            "",
            "123",
            "S",
            "2030-01-01",
        ],
        [
            "new",
            "1234.56.78903",
            "monthly",
            "0",
            "N",
            "0150",
            "Oslo",
            "",
            "923609016",
            "S",
            "1980-01-01",
        ],
        [
            "new",
            "1234.56.78903",
            "monthly",
            "",
            "N",
            "0150",
            "Oslo",
            "",
            "923609016",
            "S",
            "1980-01-01",
        ],
        [
            "new",
            "1234.56.78903",
            "",
            "100",
            "N",
            "12345678",
            "X",
            "SE",
            "1",
            "S",
            "1980-01-01",
        ],
        [
            "delete",
            "1234.56.78903",
            "",
            "",
            "N",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
    ] {
        said_in_both(&mandates.read(&row).unwrap_err(), keys);
    }
    let giro = autogiro_model::rows::AvtaleGiroColumns::cancellations(&[
        "amount",
        "due_date",
        "kid",
        "payer_reference",
        "own_reference",
        "replaces",
        "specification",
    ])
    .unwrap();
    let row = ["10", "2026-01-15", "123456782", "1", "a", "b", "line"];
    said_in_both(&giro.read(&row).unwrap_err(), keys);
}

#[test]
fn every_row_problem_is_said_in_bokmal_too() {
    let mut keys = BTreeSet::new();
    claim_problems(&mut keys);
    mandate_problems(&mut keys);
    // Every kind of row problem the model words is among them.
    let expected = [
        "row.duplicate-column",
        "row.unknown-column",
        "row.missing-column",
        "row.required",
        "row.found",
        "row.agreement",
        "row.payer",
        "row.payer-digits",
        "row.kid",
        "row.account",
        "row.organisation",
        "row.specification-lines",
        "row.specification-text",
        "row.avtalegiro-payer-reference",
        "row.avtalegiro-own-reference",
        "row.avtalegiro-replaces",
        "row.avtalegiro-cancellation-lines",
        "row.limit-zero",
        "row.limit-missing",
        "row.period-missing",
        "row.deletion-details",
        "row.birth-date",
        "date.form",
        "date.no-such-day",
        "amount.fraction",
        "amount.not-an-amount",
        "amount.ambiguous",
    ];
    let missing: Vec<_> = expected.iter().filter(|k| !keys.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "not shown: {missing:?} (shown: {keys:?})"
    );
}
