//! Integration tests of autogiro-model: builders round-trip, every rule broken once and seen,
//! property tests, and the fixtures under snapshot.
#![cfg(test)]

use autogiro_testkit::oracle;
use std::fmt::Write as _;
use std::path::Path;

use autogiro_checksum::{AccountNumber, Kid, Modulus};
use autogiro_format::{
    Direction, LineEnding, PaddedDigits, PeriodCode, Record, RegistrationType, Text, Writer,
};
use autogiro_model::{
    Amount, AssignmentHeader, BuildError, Claim, ClaimsAssignment, Code, Edition, KidCheck,
    Mandate, MandateLimit, MandatesAssignment, PayerDetails, ReadOptions, Transmission,
    payer_reference, validate,
};
use proptest::prelude::*;
use time::{Date, Duration, macros::date};

fn account(s: &str) -> AccountNumber {
    AccountNumber::parse(s).unwrap()
}

/// The payer details of a registration, as the base files have them.
fn details(name: &str) -> PayerDetails {
    autogiro_testkit::transmissions::details(name, "923609016").unwrap()
}

/// The base file to MPS of `autogiro-testkit` (the fixtures' own).
fn to_mps() -> Transmission {
    autogiro_testkit::transmissions::to_mps().unwrap()
}

/// The base file from MPS of `autogiro-testkit` (the fixtures' own).
fn from_mps() -> Transmission {
    autogiro_testkit::transmissions::from_mps().unwrap()
}

fn bytes_of(records: &[Record]) -> Vec<u8> {
    let mut w = Writer::new(Vec::new()).line_ending(LineEnding::Lf);
    for r in records {
        w.write_record(r).unwrap();
    }
    w.into_inner()
}

fn codes(bytes: &[u8], options: &ReadOptions) -> Vec<(Code, u64)> {
    let read = Transmission::read(bytes, options);
    // The streaming validator must find exactly what the full read finds, and the read of
    // the bytes where they lie what the read through a reader finds.
    let report = validate(bytes, options);
    assert_eq!(report.diagnostics, read.diagnostics);
    let slice = Transmission::read_slice(bytes, options);
    assert_eq!(slice.diagnostics, read.diagnostics);
    assert_eq!(slice.transmission, read.transmission);
    read.diagnostics.iter().map(|d| (d.code, d.line)).collect()
}

#[test]
fn built_files_read_back_equal_and_clean() {
    for t in [to_mps(), from_mps()] {
        let mut file = Vec::new();
        t.write(&mut file).unwrap();
        let read = Transmission::read(&file[..], &ReadOptions::new());
        // The one finding: the base file from MPS carries the unlisted error code 253 on
        // purpose, which reads with a warning.
        let codes: Vec<Code> = read.diagnostics.iter().map(|d| d.code).collect();
        let expected: &[Code] = if t.direction == Direction::FromMps {
            &[Code::UnlistedErrorCode]
        } else {
            &[]
        };
        assert_eq!(codes, expected, "{:#?}", read.diagnostics);
        assert_eq!(read.transmission, t);
        // And writing it again gives the same bytes.
        let mut again = Vec::new();
        read.transmission.write(&mut again).unwrap();
        assert_eq!(again, file);
    }
}

/// Each span's lines and model index.
fn spans_of(read: &autogiro_model::Read) -> Vec<(std::ops::RangeInclusive<u64>, Option<usize>)> {
    read.spans
        .iter()
        .map(|s| (s.lines.clone(), s.assignment))
        .collect()
}

/// Each assignment's span runs from its start to its end; one the model cannot hold (a wrong
/// check digit in its account) keeps its span, without an index; one without an end runs to
/// the line before the transmission end.
#[test]
fn read_gives_each_assignment_its_lines() {
    let t = to_mps();
    let mut records = t.to_records().unwrap();
    let read = Transmission::read(&bytes_of(&records)[..], &ReadOptions::new());
    let starts: Vec<u64> = records
        .iter()
        .zip(1..)
        .filter(|(r, _)| matches!(r, Record::AssignmentStart(_)))
        .map(|(_, line)| line)
        .collect();
    let ends: Vec<u64> = records
        .iter()
        .zip(1..)
        .filter(|(r, _)| r.record_type() == 88)
        .map(|(_, line)| line)
        .collect();
    let spans = spans_of(&read);
    assert_eq!(
        spans,
        [
            (starts[0]..=ends[0], Some(0)),
            (starts[1]..=ends[1], Some(1))
        ]
    );
    assert_eq!(
        read.span_of(starts[1] + 1).map(|s| s.assignment),
        Some(Some(1))
    );
    assert!(read.span_of(1).is_none());

    // The claims assignment's account broken, its end removed.
    if let Record::AssignmentStart(s) = &mut records[1] {
        s.account = autogiro_format::Digits::new("12345678900").unwrap();
    }
    let end = usize::try_from(ends[0] - 1).unwrap();
    records.remove(end);
    let file = bytes_of(&records);
    let read = Transmission::read(&file[..], &ReadOptions::new());
    let spans = spans_of(&read);
    assert_eq!(
        spans,
        [
            (starts[0]..=starts[1] - 2, None),
            (starts[1] - 1..=ends[1] - 1, Some(0))
        ]
    );
}

/// The model holds what the checker pairs: an item 1 whose item 2 comes after another record is
/// no claim, a later post with another sequence number gives its mandate no details.
#[test]
fn the_model_pairs_records_as_the_checker_does() {
    let mut records = to_mps().to_records().unwrap();
    // Claim 2's item 1 (index 4), then a specification, then its item 2.
    let spec = records[6];
    records.insert(5, spec);
    // Mandate 1's post 2 (index 11-14 before, 12-15 now) with another sequence number.
    if let Record::MandatePost2(p) = &mut records[13] {
        p.sequence_number = 9;
    } else {
        panic!("{:?}", records[13]);
    }
    let read = Transmission::read(&bytes_of(&records)[..], &ReadOptions::new());
    let codes: Vec<Code> = read.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&Code::MissingItem2), "{codes:?}");
    assert!(codes.contains(&Code::Item2WithoutItem1), "{codes:?}");
    assert!(codes.contains(&Code::MandatePostOrder), "{codes:?}");
    let autogiro_model::Assignment::Claims(claims) = &read.transmission.assignments[0] else {
        panic!()
    };
    assert_eq!(claims.claims.len(), 1, "only claim 1 pairs");
    let autogiro_model::Assignment::Mandates(mandates) = &read.transmission.assignments[1] else {
        panic!()
    };
    assert!(
        mandates.mandates[0].payer.is_none(),
        "post 2 is not mandate 1's"
    );
}

#[test]
fn hand_written_fixtures_are_what_the_builders_write() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ok");
    for name in ["records-to-mps.txt", "records-from-mps.txt"] {
        let file = std::fs::read(root.join(name)).unwrap();
        let read = Transmission::read(&file[..], &ReadOptions::new());
        assert!(!read.has_errors(), "{name}: {:#?}", read.diagnostics);
        let mut written = Vec::new();
        read.transmission.write(&mut written).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&written),
            String::from_utf8_lossy(&file),
            "{name}"
        );
    }
}

fn item1(records: &mut [Record], index: usize) -> &mut autogiro_format::AmountItem1 {
    match &mut records[index] {
        Record::AmountItem1(i) | Record::RejectedItem1(i) => i,
        other => panic!("record {index} is {other:?}"),
    }
}

fn totals(records: &mut [Record], index: usize) -> &mut autogiro_format::Totals {
    match &mut records[index] {
        Record::ClaimsEnd(e) => &mut e.totals,
        Record::ClaimsEndFromMps(e) => &mut e.totals,
        Record::MandatesEnd(e) => &mut e.totals,
        Record::TransmissionEnd(e) => &mut e.totals,
        Record::TransmissionEndFromMps(e) => &mut e.totals,
        other => panic!("record {index} is {other:?}"),
    }
}

/// How the tests read a fixture: as on 2026-01-10, and under the editions before 3.9 when its
/// name says so (`testdata/README.md`).
fn options_for(path: &Path) -> ReadOptions {
    let options = ReadOptions::new().today(date!(2026 - 01 - 10));
    if path.to_string_lossy().contains("before-3.9") {
        options.edition(Edition::Before3_9)
    } else {
        options
    }
}

/// Every rule has an `err` fixture named after its code (made by `cargo xtask fixtures`, each a
/// valid file with one thing broken); reading it gives exactly its oracle
/// (`NAME.expected`, `autogiro_testkit::oracle`), which raises that code, and the streaming
/// validator finds exactly what the full read finds.
#[test]
fn every_err_fixture_gives_its_oracle() {
    let mut seen = std::collections::BTreeSet::new();
    for path in oracle::err_fixtures(env!("CARGO_MANIFEST_DIR")) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let code = name.split("--").next().unwrap().to_owned();
        let bytes = std::fs::read(&path).unwrap();
        let options = oracle::options(&path);
        codes(&bytes, &options);
        let read = Transmission::read(&bytes[..], &options);
        let found: Vec<oracle::Expected> =
            read.diagnostics.iter().map(oracle::Expected::of).collect();
        let expected = oracle::of(&path);
        assert_eq!(found, expected, "{name}");
        assert!(
            expected.iter().any(|e| e.code == code),
            "{name}: its oracle does not raise {code}"
        );
        seen.insert(code);
    }
    // Every code has its fixture, but those no small file can show: `io`, and
    // `too-many-transactions`, tested in `check/mod.rs` with the count started near the limit.
    for code in Code::ALL {
        if !matches!(code, Code::Io | Code::TooManyTransactions) {
            assert!(seen.contains(code.as_str()), "no err fixture raises {code}");
        }
    }
}

#[test]
fn rules_with_options() {
    let base = bytes_of(&to_mps().to_records().unwrap());
    // 12-month window around the date the file is read.
    let late = ReadOptions::new().today(date!(2027 - 03 - 01));
    assert!(
        codes(&base, &late)
            .iter()
            .any(|(c, l)| *c == Code::DueDateWindow && *l == 3)
    );
    assert!(codes(&base, &ReadOptions::new().today(date!(2026 - 01 - 20))).is_empty());
    // A fixed KID scheme: claim 1's KID is mod 10, claim 2's mod 11.
    let mod11 = ReadOptions::new().kid(KidCheck::Only(Modulus::Mod11));
    assert_eq!(codes(&base, &mod11), vec![(Code::KidCheckDigit, 3)]);
    let mut records = to_mps().to_records().unwrap();
    item1(&mut records, 2).kid = PaddedDigits::new("123456780").unwrap();
    let bad_kid = bytes_of(&records);
    assert!(codes(&bad_kid, &ReadOptions::new().kid(KidCheck::Off)).is_empty());
}

/// The checker sums a KID's field with its blanks as zeros: a KID of one digit is still too
/// short under every scheme (`0` would sum to zero, which both schemes take), and zeros in
/// front of a KID, or a KID of the field's full 25 digits, are still summed as written.
#[test]
fn kid_lengths_and_leading_zeros() {
    let with_kid = |kid: &str| {
        let mut records = to_mps().to_records().unwrap();
        item1(&mut records, 2).kid = PaddedDigits::new(kid).unwrap();
        bytes_of(&records)
    };
    let schemes = [
        KidCheck::Any,
        KidCheck::Only(Modulus::Mod10),
        KidCheck::Only(Modulus::Mod11),
        KidCheck::Off,
    ];
    for scheme in schemes {
        let options = ReadOptions::new().kid(scheme);
        for short in ["0", "5"] {
            let file = with_kid(short);
            // Line 3 is the KID set here (line 5 is another claim's, modulus 11).
            let at_3: Vec<_> = codes(&file, &options)
                .into_iter()
                .filter(|c| c.1 == 3)
                .collect();
            assert_eq!(at_3, vec![(Code::KidCheckDigit, 3)], "{scheme:?} {short}");
            let found = Transmission::read(&file[..], &options);
            let message = &found.diagnostics[0].message;
            assert!(
                message.ends_with("too short: expected at least 2 digits, found 1"),
                "{message}"
            );
        }
    }
    // 123456782 holds under modulus 10 only, 123456785 under modulus 11 only: so with
    // any number of zeros in front, up to all 25 digits.
    for zeros in [0, 1, 7, 16] {
        let zeros = "0".repeat(zeros);
        let mod10 = with_kid(&format!("{zeros}123456782"));
        let mod11 = with_kid(&format!("{zeros}123456785"));
        assert!(codes(&mod10, &ReadOptions::new()).is_empty());
        assert!(codes(&mod11, &ReadOptions::new()).is_empty());
        let only11 = ReadOptions::new().kid(KidCheck::Only(Modulus::Mod11));
        assert_eq!(codes(&mod10, &only11), vec![(Code::KidCheckDigit, 3)]);
        assert!(codes(&mod11, &only11).is_empty());
    }
}

#[test]
fn editions_say_which_rule_they_broke() {
    let base = bytes_of(&to_mps().to_records().unwrap());
    let old = ReadOptions::new().edition(Edition::Before3_9);
    let found = Transmission::read(&base[..], &old);
    assert_eq!(found.diagnostics.len(), 1, "{:#?}", found.diagnostics);
    assert_eq!(found.diagnostics[0].code, Code::MandatePostEdition);
    assert!(found.diagnostics[0].message.contains("from edition 3.9"));
    // A post-1-only registration: fine before 3.9, an error in 3.9.
    let mut records = to_mps().to_records().unwrap();
    records.drain(12..15);
    let totals16 = totals(&mut records, 13);
    totals16.records -= 3;
    totals(&mut records, 14).records -= 3;
    let post1_only = bytes_of(&records);
    assert!(codes(&post1_only, &old).is_empty());
    let found = codes(&post1_only, &ReadOptions::new());
    assert_eq!(found, vec![(Code::MandatePostMissing, 12)]);
}

#[test]
fn decisions_4_and_5_accept_the_alternatives() {
    // A mandate-only transmission may count zero transactions; its sum may be the claims' (0).
    let mut t = to_mps();
    t.assignments.remove(0);
    let mut records = t.to_records().unwrap();
    let last = records.len() - 1;
    assert_eq!(
        totals(&mut records, last).transactions,
        0,
        "writers write zeros"
    );
    totals(&mut records, last).transactions = 2;
    assert!(codes(&bytes_of(&records), &ReadOptions::new()).is_empty());
    totals(&mut records, last).sum = 0;
    assert!(codes(&bytes_of(&records), &ReadOptions::new()).is_empty());
    totals(&mut records, last).transactions = 1;
    assert_eq!(
        codes(&bytes_of(&records), &ReadOptions::new()),
        vec![(Code::CountMismatch, records.len() as u64)]
    );
}

#[test]
fn builders_refuse_what_would_not_validate() {
    // [Decision 20](docs/spec-decisions.md#decision-20): the payer's reference or account is never blank.
    assert_eq!(payer_reference(""), Err(BuildError::BlankPayer));
    let claim = Claim::new(
        date!(2026 - 01 - 15),
        payer_reference("1").unwrap(),
        Amount::ZERO,
    );
    let mut without = claim.clone();
    assert_eq!(
        without.add_specification(1, 1, "x"),
        Err(BuildError::SpecificationWithoutNotice)
    );
    let mut with = claim.with_notice();
    for line in 1..=21 {
        for column in 1..=2 {
            with.add_specification(line, column, "x").unwrap();
        }
    }
    assert_eq!(
        with.add_specification(1, 1, "x"),
        Err(BuildError::TooManySpecifications)
    );
    assert_eq!(
        MandateLimit::standard(PeriodCode::NoPeriod, Amount::ZERO),
        Err(BuildError::StandardWithoutPeriod)
    );
    let mut mandates = MandatesAssignment::new(AssignmentHeader::new(1, 1, account("12345678903")));
    let new = Mandate::new(
        RegistrationType::New,
        payer_reference("1").unwrap(),
        account("86011117947"),
        MandateLimit::Simplified,
    );
    assert_eq!(
        mandates.push(new.clone()),
        Err(BuildError::MissingPayerDetails)
    );
    let delete = Mandate {
        registration_type: RegistrationType::Delete,
        ..new.with_payer(details("x"))
    };
    assert_eq!(mandates.push(delete), Err(BuildError::DeletionWithDetails));
    assert!(
        Claim::new(
            date!(2026 - 01 - 15),
            payer_reference("1").unwrap(),
            Amount::ZERO
        )
        .with_short_name("Eleven char")
        .is_err()
    );
    let mut from = Transmission::from_mps(1, 1, date!(2026 - 01 - 01));
    assert!(matches!(
        from.push(ClaimsAssignment::new(AssignmentHeader::new(
            1,
            1,
            account("12345678903")
        ))),
        Err(BuildError::WrongDirection { .. })
    ));
}

#[test]
fn hostile_inputs_give_one_clear_error() {
    let cases: &[(&[u8], Code)] = &[
        (b"", Code::MissingTransmissionStart),
        (b"\n\n\r\n", Code::MissingTransmissionStart),
    ];
    for (input, code) in cases {
        let report = validate(*input, &ReadOptions::new());
        assert_eq!(
            report.diagnostics.len(),
            1,
            "{input:?}: {:#?}",
            report.diagnostics
        );
        assert_eq!(report.diagnostics[0].code, *code);
    }
    // Truncated in the middle of a record.
    let base = bytes_of(&to_mps().to_records().unwrap());
    let cut = &base[..base.len() / 2 + 17];
    let found = codes(cut, &ReadOptions::new());
    assert!(
        found.iter().any(|(c, _)| *c == Code::LineLength),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(c, _)| *c == Code::MissingTransmissionEnd)
    );
}

#[test]
fn sums_past_17_digits_are_an_error_not_a_wrap() {
    // Three assignments, each claiming the largest amount a record holds.
    let header = AssignmentHeader::new(1, 1, account("12345678903"));
    let mut t = Transmission::to_mps(1, 1);
    for n in 1..=3 {
        let mut a = ClaimsAssignment::new(AssignmentHeader {
            assignment_number: n,
            ..header
        });
        a.push(
            Claim::new(
                date!(2026 - 01 - 15),
                payer_reference("1").unwrap(),
                Amount::MAX,
            )
            .with_short_name("Nordmann")
            .unwrap(),
        )
        .unwrap();
        t.push(a).unwrap();
    }
    // The writer refuses the transmission end's sum...
    let err = t.write(Vec::new()).unwrap_err().to_string();
    assert!(err.contains("sum amount"), "{err}");
    // ...and the reader reports a file that declares one, whatever it declares.
    let mut records = Vec::new();
    for a in &t.assignments {
        let single = Transmission {
            assignments: vec![a.clone()],
            ..t.clone()
        };
        let r = single.to_records().unwrap();
        if records.is_empty() {
            records.push(r[0]);
        }
        records.extend_from_slice(&r[1..r.len() - 1]);
    }
    let mut end = Transmission {
        assignments: Vec::new(),
        ..t.clone()
    }
    .to_records()
    .unwrap()[1];
    if let Record::TransmissionEnd(e) = &mut end {
        e.totals.transactions = 3;
        e.totals.records = u32::try_from(records.len()).unwrap() + 1;
        e.totals.sum = Amount::MAX.ore();
        e.first_due_date = Some(date!(2026 - 01 - 15));
    }
    records.push(end);
    let found = codes(&bytes_of(&records), &ReadOptions::new());
    assert_eq!(found, vec![(Code::AmountOverflow, records.len() as u64)]);
}

/// `read_slice` and `read` through a reader give the same model and diagnostics on every
/// fixture (the `err` ones through `codes` above) and on a file long enough for the second
/// thread, whole and cut short.
#[test]
fn read_slice_reads_as_the_streaming_path() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ok");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let options = options_for(&path);
        let (a, b) = (
            Transmission::read_slice(&bytes, &options),
            Transmission::read(std::io::BufReader::new(&bytes[..]), &options),
        );
        assert_eq!(a.diagnostics, b.diagnostics, "{}", path.display());
        assert_eq!(a.transmission, b.transmission, "{}", path.display());
    }
    let mut big = Vec::new();
    autogiro_testkit::bench::realistic(20_000)
        .unwrap()
        .write(&mut big)
        .unwrap();
    for end in [big.len(), big.len() / 2 + 37] {
        let bytes = &big[..end];
        let options = ReadOptions::new().today(date!(2026 - 01 - 10));
        let (a, b) = (
            Transmission::read_slice(bytes, &options),
            Transmission::read(std::io::BufReader::new(bytes), &options),
        );
        assert_eq!(a.diagnostics, b.diagnostics, "{end}");
        assert_eq!(a.transmission, b.transmission, "{end}");
    }
}

// ---- the fixtures under snapshot ----

/// The model of every `ok` fixture and its diagnostics under each edition: a change to the
/// format layer or to a rule shows up here as a diff to review.
#[test]
fn fixtures_model_and_diagnostics() {
    // Both folders, so that the snapshots keep their names (`@ok__NAME`); the `err` fixtures
    // have their oracle (`every_err_fixture_gives_its_oracle`).
    insta::glob!("../../../testdata", "{ok,err}/*.txt", |path| {
        if path.parent().unwrap().ends_with("err") {
            return;
        }
        let bytes = std::fs::read(path).unwrap();
        let mut out = String::new();
        for edition in [Edition::V3_9, Edition::Before3_9] {
            let options = ReadOptions::new()
                .today(date!(2026 - 01 - 10))
                .edition(edition);
            let read = Transmission::read(&bytes[..], &options);
            writeln!(out, "## edition {}", edition.name()).unwrap();
            for d in &read.diagnostics {
                writeln!(out, "{d}").unwrap();
            }
        }
        let read = Transmission::read(&bytes[..], &options_for(path));
        assert!(
            !read.has_errors(),
            "{}: {:#?}",
            path.display(),
            read.diagnostics
        );
        writeln!(out, "## model\n{:#?}", read.transmission).unwrap();
        insta::assert_snapshot!(out);
    });
}

#[test]
fn direction_forced_or_taken_from_the_file() {
    let file = bytes_of(&from_mps().to_records().unwrap());
    let read = Transmission::read(&file[..], &ReadOptions::new());
    assert_eq!(read.transmission.direction, Direction::FromMps);
    let forced = Transmission::read(&file[..], &ReadOptions::new().direction(Direction::ToMps));
    assert!(forced.has_errors());
}

#[cfg(feature = "serde")]
#[test]
fn json_round_trips_to_an_identical_file() {
    for t in [to_mps(), from_mps()] {
        let json = serde_json::to_string_pretty(&t).unwrap();
        let back: Transmission = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        t.write(&mut a).unwrap();
        back.write(&mut b).unwrap();
        assert_eq!(a, b);
    }
    let json = serde_json::to_value(to_mps()).unwrap();
    let claim = &json["assignments"][0]["claims"][0];
    assert_eq!(claim["amount"], "125.00");
    assert_eq!(claim["date"], "2026-01-15");
    assert_eq!(claim["payer"], "      12345");
    assert_eq!(claim["kid"], "123456782");
    assert_eq!(json["assignments"][0]["kind"], "claims");
}

/// Hostile and odd input (issue: reliability): each gives exactly these diagnostics, no panic.
#[test]
fn hostile_inputs_exact_diagnostics() {
    let base = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ok/records-to-mps.txt"),
    )
    .unwrap();
    let lines: Vec<&[u8]> = base.split_inclusive(|&b| b == b'\n').collect();
    let end = lines[17];
    let two_ends = [&base[..], end].concat();
    let after_end = [&base[..], lines[2], lines[3]].concat();
    let truncated = &base[..82 * 5 + 40];
    let cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        (
            "empty file",
            Vec::new(),
            vec![
                "error: line 1: the file holds no records: expected a transmission start (record 10) [missing-transmission-start]",
            ],
        ),
        (
            "only line breaks",
            b"\r\n\n\n\r\n".to_vec(),
            vec![
                "error: line 1: the file holds no records: expected a transmission start (record 10) [missing-transmission-start]",
            ],
        ),
        (
            "NUL bytes",
            vec![0u8; 80],
            vec![
                "error: line 1, columns 1-2 (format code): expected `NY`, found \"\\0\\0\" [field-format]",
                "error: line 1 (record 89): the file ends without a transmission end (record 89) [missing-transmission-end]",
            ],
        ),
        (
            "two transmission ends",
            two_ends,
            vec![
                "error: line 19 (record 89): record 89 after the transmission end [record-after-transmission-end]",
            ],
        ),
        (
            "records after the end",
            after_end,
            vec![
                "error: line 19 (record 30): record 30 after the transmission end [record-after-transmission-end]",
            ],
        ),
        (
            "truncated in a record",
            truncated.to_vec(),
            vec![
                "error: line 6, columns 41-80 (record): expected a record of 80 characters, found 40: \"NY0103310000002Øyvind    Faktura 2026-00\" [line-length]",
                "error: line 6 (record 88): the assignment started at line 2 has no assignment end (record 88) at the end of the file [missing-assignment-end]",
                "error: line 6 (record 89): the file ends without a transmission end (record 89) [missing-transmission-end]",
            ],
        ),
    ];
    for (name, input, expected) in cases {
        let report = validate(&input[..], &ReadOptions::new());
        let found: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(found, expected, "{name}");
    }
}

/// The streaming writer writes what `Transmission::write` writes for the same data.
#[test]
fn the_streaming_writer_writes_what_the_model_writes() {
    use autogiro_model::{Assignment, TransmissionWriter};
    let t = to_mps();
    let mut w = TransmissionWriter::to_mps(Vec::new(), t.sender, t.transmission_number).unwrap();
    for a in &t.assignments {
        match a {
            Assignment::Claims(c) => {
                w.begin_claims(c.header).unwrap();
                for claim in &c.claims {
                    w.push_claim(claim.clone()).unwrap();
                }
            }
            Assignment::Mandates(m) => {
                w.begin_mandates(m.header).unwrap();
                for mandate in &m.mandates {
                    w.push_mandate(mandate.clone()).unwrap();
                }
            }
            _ => unreachable!(),
        }
    }
    let streamed = w.finish().unwrap();
    let mut written = Vec::new();
    t.write(&mut written).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&streamed),
        String::from_utf8_lossy(&written)
    );
    // A claim with no claims assignment open is refused.
    let mut w = TransmissionWriter::to_mps(Vec::new(), 1, 1).unwrap();
    let Assignment::Claims(c) = &t.assignments[0] else {
        unreachable!()
    };
    assert!(w.push_claim(c.claims[0].clone()).is_err());
}

/// A model of a million claims is about a million of these (`autogiro inspect` holds one):
/// a KID is its 25 digits and a byte of length, and nothing of a claim is padded beyond the
/// alignment of its amount.
#[test]
fn a_claim_takes_144_bytes() {
    assert_eq!(std::mem::size_of::<autogiro_model::Claim>(), 144);
    assert_eq!(std::mem::size_of::<Option<Kid>>(), 27);
}

/// "No end" written `311299` is read as 2099-12-31 in the model, and writes back as it was
/// ([decision 31](docs/spec-decisions.md#decision-31)).
#[test]
fn a_valid_to_of_99_is_read_a_century_later() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/err/valid-to-century--311299.txt");
    let bytes = std::fs::read(&path).unwrap();
    let read = Transmission::read(&bytes[..], &options_for(&path));
    let mandate = read
        .transmission
        .assignments
        .iter()
        .find_map(|a| match a {
            autogiro_model::Assignment::Mandates(m) => m.mandates.first().cloned(),
            _ => None,
        })
        .unwrap();
    assert_eq!(mandate.valid_to, Some(date!(2099 - 12 - 31)));
    let mut written = Vec::new();
    read.transmission.write(&mut written).unwrap();
    assert_eq!(written, bytes);
}

/// A name not left-justified is named in the warning as written, decoded from ISO-8859-1
/// ([decision 25](docs/spec-decisions.md#decision-25)).
#[test]
fn a_name_not_left_justified_is_quoted_as_written() {
    let mut records = to_mps().to_records().unwrap();
    if let Some(Record::AmountItem2(item)) = records.get_mut(3) {
        item.short_name = Text::new("  Ærlig").unwrap();
    }
    let read = Transmission::read(&bytes_of(&records)[..], &ReadOptions::new());
    let warning = read
        .diagnostics
        .iter()
        .find(|d| d.code == Code::TextNotLeftJustified)
        .unwrap();
    assert!(
        warning.message.contains("\"  Ærlig\""),
        "{}",
        warning.message
    );
}

#[path = "model/properties.rs"]
mod properties;

#[path = "model/writing.rs"]
mod writing;

#[path = "model/services.rs"]
mod services;

#[path = "model/peer.rs"]
mod peer;

#[path = "model/languages.rs"]
mod languages;
