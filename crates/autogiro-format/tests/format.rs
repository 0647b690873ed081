//! Integration tests of autogiro-format: fixtures under snapshot, byte-exact round trips,
//! property tests for every layout, and input that must not panic.
#![cfg(test)]

use autogiro_testkit::oracle;
use std::fmt::Write as _;
use std::path::Path;

use autogiro_format::{
    AmountItem1, AmountItem2, AssignmentStart, AssignmentType, ClaimType, ClaimsEnd,
    ClaimsEndFromMps, Context, Digits, Direction, ErrorCode, FieldKind, LAYOUTS, LineEnding,
    MandatePost1, MandatePost1FromMps, MandatePost2, MandatePost2FromMps, MandatePost3,
    MandatePost3FromMps, MandatePost4, MandatePost4FromMps, MandatePost5FromMps, MandateType,
    MandatesEnd, OcrItem1, OcrItem2, OcrItem3, OcrSign, OcrType, PaddedDigits, PeriodCode, Reader,
    Record, RegistrationType, RejectedItem2, Specification, Text, Totals, TransmissionEnd,
    TransmissionEndFromMps, TransmissionStart, Writer,
};
use proptest::prelude::*;
use proptest::sample::select;
use time::{Date, Duration, macros::date};

/// Every item of a file: the record (pretty-printed) or the error.
fn render(path: &Path, records: bool) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut out = String::new();
    for item in Reader::new(&bytes[..]) {
        match item {
            Ok((line, record)) if records => writeln!(out, "{line}: {record:#?}").unwrap(),
            Ok(_) => {}
            Err(e) => writeln!(out, "{e}").unwrap(),
        }
    }
    out
}

#[test]
fn ok_fixtures_parse_to_the_snapshot_and_write_back_byte_for_byte() {
    insta::glob!("../../../testdata", "ok/*.txt", |path| {
        let bytes = std::fs::read(path).unwrap();
        let text = render(path, true);
        assert!(
            !text.contains("line "),
            "errors in {}:\n{text}",
            path.display()
        );
        insta::assert_snapshot!(text);

        let ending = if bytes.windows(2).any(|w| w == b"\r\n") {
            LineEnding::CrLf
        } else {
            LineEnding::Lf
        };
        let mut writer = Writer::new(Vec::new()).line_ending(ending);
        for item in Reader::new(&bytes[..]) {
            writer.write_record(&item.unwrap().1).unwrap();
        }
        let written = writer.into_inner();
        let expected_len = written.len().min(bytes.len());
        assert_eq!(written[..expected_len], bytes[..], "{}", path.display());
    });
}

/// The diagnostic codes of record-level errors, the prefixes of the `err` fixtures that this
/// crate's reader must report.
const RECORD_CODES: &[&str] = &[
    "line-length",
    "not-latin1",
    "empty-line",
    "unknown-record-type",
    "wrong-direction",
    "field-format",
    "mps-not-named",
];

/// Every record-level diagnostic of each `err` fixture's oracle (`NAME.expected`,
/// `autogiro_testkit::oracle`) is an error of this crate's reader, at the same line and
/// columns, in the same order; the reader finds no other. (How each reads is
/// `errors_read_well`'s, and the command's snapshots'.)
#[test]
fn err_fixtures_give_their_oracle() {
    let mut compared = 0;
    for path in oracle::err_fixtures(env!("CARGO_MANIFEST_DIR")) {
        let bytes = std::fs::read(&path).unwrap();
        let found: Vec<(u64, Option<(usize, usize)>)> = Reader::new(&bytes[..])
            .filter_map(Result::err)
            .map(|e| match e {
                autogiro_format::Error::Record { line, error } => {
                    (line, Some((error.first_column, error.last_column)))
                }
                other => (other.line(), None),
            })
            .collect();
        let expected: Vec<(u64, Option<(usize, usize)>)> = oracle::of(&path)
            .into_iter()
            .filter(|e| RECORD_CODES.contains(&e.code.as_str()))
            .map(|e| (e.line, e.columns))
            .collect();
        assert_eq!(found, expected, "{}", path.display());
        compared += usize::from(!expected.is_empty());
    }
    assert!(compared >= 20, "{compared} fixtures with record errors");
}

/// The errors the issue names, asserted in full so that they keep reading well.
#[test]
fn errors_read_well() {
    let cases: &[(&str, &str)] = &[
        (
            "line-length--79-characters",
            "line 3, column 80 (record): expected a record of 80 characters, found 79: \"NY0102300000001150126      1234500000000000012500                12345678200000\"",
        ),
        (
            "field-format--amount-with-letter",
            "line 3, columns 33-49 (record 30, amount): expected 17 digits, found \"000000000000X2500\"",
        ),
        (
            "field-format--due-date-31-february",
            "line 3, columns 16-21 (record 30, due date): expected a date DDMMYY, found \"310226\"",
        ),
        (
            "unknown-record-type--39",
            "line 4, columns 7-8 (record type): expected a record type of files to MPS (10, 20, 30, 31, 49, 70, 71, 72, 74, 88, 89), found \"39\"",
        ),
        (
            "field-format--format-code-xy",
            "line 2, columns 1-2 (record 20, format code): expected `NY`, found \"XY\"",
        ),
        (
            "field-format--filler-not-zero",
            "line 10, columns 54-80 (record 88, filler): expected 27 zeros (filler), found \"000000000000000000000000001\"",
        ),
        (
            "not-latin1--utf8-name",
            "line 6, column 81 (record): expected a record of 80 ISO-8859-1 characters, found 81 bytes that read as UTF-8 (save the file as ISO-8859-1): \"NY0103310000002Øyvind    Faktura 2026-002                                  00000\"",
        ),
        (
            "wrong-direction--record-36-to-mps",
            "line 4, columns 7-8 (record 36, record type): expected a record type of files to MPS; this one exists only in files from MPS, found \"36\"",
        ),
        (
            "empty-line--between-records",
            "line 5, columns 1-80 (record): expected a record, found an empty line",
        ),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/err");
    for (name, expected) in cases {
        let text = render(&root.join(format!("{name}.txt")), false);
        assert_eq!(text.lines().next(), Some(*expected), "{name}");
    }
}

#[test]
fn binary_line_is_reported_with_its_bytes() {
    let root =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/err/line-length--binary.txt");
    let text = render(&root, false);
    assert_eq!(
        text.lines().next(),
        Some(
            "line 6, columns 18-80 (record): expected a record of 80 characters, found 17: \"\\0ÿ\\u{1b}\\u{89}PNG\\r\\u{1a}\\0\\0\\0\\rIHDR\""
        )
    );
}

#[test]
fn reader_takes_lf_crlf_missing_final_break_and_trailing_empty_lines() {
    let rec = "NY000010000123450000017000080800000000000000000000000000000000000000000000000000";
    for file in [
        format!("{rec}\n{rec}\n"),
        format!("{rec}\r\n{rec}\r\n"),
        format!("{rec}\r\n{rec}"),
        format!("{rec}\n{rec}\r"),
        format!("{rec}\n{rec}\n\n\r\n\n"),
    ] {
        let lines: Vec<u64> = Reader::new(file.as_bytes())
            .map(|item| item.unwrap().0)
            .collect();
        assert_eq!(lines, [1, 2], "{file:?}");
    }
    assert!(Reader::new(&b""[..]).next().is_none());
    assert!(Reader::new(&b"\n\n\r\n"[..]).next().is_none());
}

/// `Reader::each` lends out what the iterator yields, item for item, in the same context, and
/// stops when told.
#[test]
fn each_yields_what_the_iterator_yields() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut files = 0;
    for dir in ["ok", "err"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            let show = |direction: Direction, item: Result<(u64, &Record), String>| match item {
                Ok((line, record)) => format!("{direction:?} {line}: {record:?}"),
                Err(e) => format!("{direction:?} {e}"),
            };
            let mut reader = Reader::new(&bytes[..]);
            let mut iterated = Vec::new();
            while let Some(item) = reader.next() {
                let item = item.as_ref().map(|(line, record)| (*line, record));
                iterated.push(show(
                    reader.context().direction,
                    item.map_err(ToString::to_string),
                ));
            }
            let mut lent = Vec::new();
            Reader::new(&bytes[..]).each(|ctx, item| {
                lent.push(show(ctx.direction, item.map_err(ToString::to_string)));
                std::ops::ControlFlow::Continue(())
            });
            assert_eq!(lent, iterated);
            let mut first = Vec::new();
            Reader::new(&bytes[..]).each(|ctx, item| {
                first.push(show(ctx.direction, item.map_err(ToString::to_string)));
                std::ops::ControlFlow::Break(())
            });
            assert_eq!(first[..], iterated[..1.min(iterated.len())]);
            files += 1;
        }
    }
    assert!(files > 80, "{files} fixtures");
}

/// Lines whose break falls where a record's would (byte 80 or 81) but that are not records: the
/// reader's hot path must hand each to the general path, which reports its true length.
#[test]
fn lines_that_look_80_bytes_long_are_measured_not_trusted() {
    let item = "NY0102300000001150126      1000000000000000000100                000000000000000";
    assert_eq!(item.len(), 80);
    let cut = |n: usize| &item[..n];
    // Each file with, per item, its line and the length reported (`None`: a record).
    let cases = [
        // 79 bytes and CRLF: the LF is byte 81, where a CRLF record's is.
        (
            format!("{}\r\n{item}\n", cut(79)),
            vec![(1, Some(79)), (2, None)],
        ),
        // 80 bytes, a stray CR, then CRLF: 81 bytes.
        (
            format!("{item}\r\r\n{item}\n"),
            vec![(1, Some(81)), (2, None)],
        ),
        // Two short lines whose second break is byte 81, where an LF record's is.
        (
            format!("{}\n{}\n{item}\n", cut(40), cut(39)),
            vec![(1, Some(40)), (2, Some(39)), (3, None)],
        ),
        (
            format!("{}\r\n{}\r\n{item}\r\n", cut(40), cut(38)),
            vec![(1, Some(40)), (2, Some(38)), (3, None)],
        ),
    ];
    for (file, expected) in cases {
        let items: Vec<(u64, Option<usize>)> = Reader::new(file.as_bytes())
            .map(|item| match item {
                Ok((line, _)) => (line, None),
                Err(autogiro_format::Error::Record { line, error }) => match error.kind {
                    autogiro_format::ErrorKind::LineLength { length } => (line, Some(length)),
                    other => panic!("line {line}: {other:?}"),
                },
                Err(e) => panic!("{e}"),
            })
            .collect();
        assert_eq!(items, expected, "{file:?}");
    }
}

#[test]
fn direction_comes_from_the_transmission_start_or_is_forced() {
    let from_mps = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ok/records-from-mps.txt"),
    )
    .unwrap();
    let mut reader = Reader::new(&from_mps[..]);
    reader.next().unwrap().unwrap();
    assert_eq!(reader.context().direction, Direction::FromMps);
    // Forced to MPS, the file's outbound-only records are errors that say so.
    let errors: Vec<String> = Reader::new(&from_mps[..])
        .direction(Direction::ToMps)
        .filter_map(Result::err)
        .map(|e| e.to_string())
        .collect();
    assert_eq!(errors.len(), 10, "{errors:#?}");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("exists only in files from MPS"))
    );
    let neither =
        "NY000010000123450000017000012340000000000000000000000000000000000000000000000000";
    let err = Reader::new(neither.as_bytes()).next().unwrap().unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1, columns 9-31 (record 10, data sender, data recipient): expected MPS (00008080) as data sender (files from MPS) or data recipient (files to MPS), found \"00012345000001700001234\""
    );
}

#[test]
fn overlong_line_without_break_costs_bounded_memory_and_one_error() {
    let mut file = vec![b'9'; 10 * 1024 * 1024];
    file.extend_from_slice(b"\n");
    let items: Vec<_> = Reader::new(&file[..]).collect();
    assert_eq!(items.len(), 1);
    let err = items.into_iter().next().unwrap().unwrap_err();
    let record_error = err.record_error().unwrap();
    assert_eq!(
        (record_error.first_column, record_error.last_column),
        (81, 10 * 1024 * 1024)
    );
    assert_eq!(record_error.found.len(), 120);
    assert!(
        err.to_string().starts_with(
            "line 1, columns 81-10485760 (record): expected a record of 80 characters, found 10485760: \"999"
        ),
        "{err}"
    );
}

#[test]
fn writing_a_value_that_does_not_fit_is_an_error_not_a_cut() {
    let too_big = Record::AmountItem1(AmountItem1 {
        transaction_type: ClaimType::WithoutNotice,
        transaction_number: 1,
        date: date!(2026 - 01 - 15),
        payer: PaddedDigits::BLANK,
        amount: 100_000_000_000_000_000,
        kid: PaddedDigits::BLANK,
    });
    let mut writer = Writer::new(Vec::new());
    let err = writer.write_record(&too_big).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1, columns 33-49 (record 30, amount): expected at most 17 digits, found the value 100000000000000000"
    );
    assert!(writer.into_inner().is_empty(), "nothing half-written");

    let old = Record::TransmissionEndFromMps(TransmissionEndFromMps {
        totals: Totals::default(),
        generated: Some(date!(1969 - 12 - 31)),
    });
    assert_eq!(
        old.encode().unwrap_err().to_string(),
        "columns 42-47 (record 89, date): expected a year from 1970 to 2069 (two-digit years read back in that window), found 1969"
    );
    assert!(Text::<30>::new(&"x".repeat(31)).is_err());
    assert!(Text::<30>::new("Łukasz").is_err());
    assert!(PaddedDigits::<25>::new("12A").is_err());
}

/// Every byte value at every position of each record type the fast path reads (30 and 31
/// to MPS, 49, and 30, 31, 35, 36 from MPS), taken from the valid fixtures: the fast path's
/// byte classes (the bounds of text, 0x7F-0x9F and 0xC3 in particular) say yes only where the
/// precise parsers read the same record, and no error is worded by the fast path.
#[test]
fn every_byte_at_every_position_reads_as_the_precise_path_reads_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ok");
    let mut samples = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let file = std::fs::read(entry.unwrap().path()).unwrap();
        let mut direction = Direction::ToMps;
        for line in file.split(|&b| b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let Ok(line) = <[u8; 80]>::try_from(line) else {
                continue;
            };
            if let Ok(Record::TransmissionStart(start)) =
                Record::parse(&line, &Context::new(direction))
            {
                direction = start.direction().unwrap();
            }
            let record_type = [line[6], line[7]];
            if matches!(&record_type, b"30" | b"31" | b"35" | b"36" | b"49") {
                samples
                    .entry((direction == Direction::ToMps, record_type))
                    .or_insert(line);
            }
        }
    }
    assert_eq!(samples.len(), 7, "{:?}", samples.keys());
    for ((to_mps, _), line) in samples {
        let direction = if to_mps {
            Direction::ToMps
        } else {
            Direction::FromMps
        };
        let ctx = Context {
            reference_date: Some(date!(2026 - 01 - 10)),
            ..Context::new(direction)
        };
        for at in 0..80 {
            for byte in 0..=u8::MAX {
                let mut changed = line;
                changed[at] = byte;
                assert_eq!(
                    Record::parse(&changed, &ctx),
                    Record::parse_precise(&changed, &ctx),
                    "byte {byte:#04x} at position {}",
                    at + 1
                );
            }
        }
    }
}

#[test]
fn two_digit_years_follow_decision_6() {
    let line = |yy: &str| {
        format!(
            "NY01023000000011501{yy}      1234500000000000012500                123456782000000"
        )
    };
    let parse = |yy: &str, reference: Option<Date>| {
        let ctx = Context {
            direction: Direction::ToMps,
            reference_date: reference,
        };
        match Record::parse(line(yy).as_bytes(), &ctx).unwrap() {
            Record::AmountItem1(item) => item.date.year(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(parse("69", None), 2069);
    assert_eq!(parse("70", None), 1970);
    assert_eq!(parse("97", Some(date!(2024 - 06 - 01))), 1997);
    assert_eq!(parse("69", Some(date!(2024 - 06 - 01))), 2069);
    assert_eq!(parse("80", Some(date!(2040 - 06 - 01))), 2080);
    assert_eq!(parse("90", Some(date!(2040 - 06 - 01))), 1990);
}

// ---- property tests: every layout writes 80 bytes and reads back equal ----

#[path = "format/properties.rs"]
mod properties;

#[path = "format/services.rs"]
mod services;
