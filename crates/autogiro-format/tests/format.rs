//! Integration tests of autogiro-format: fixtures under snapshot, byte-exact round trips,
//! property tests for every layout, and input that must not panic.
#![cfg(test)]

use std::fmt::Write as _;
use std::path::Path;

use autogiro_format::{
    AmountItem1, AmountItem2, AssignmentStart, AssignmentType, ClaimType, ClaimsEnd,
    ClaimsEndFromMps, Context, Digits, Direction, ErrorCode, FieldKind, LAYOUTS, LineEnding,
    MandatePost1, MandatePost1FromMps, MandatePost2, MandatePost2FromMps, MandatePost3,
    MandatePost3FromMps, MandatePost4, MandatePost4FromMps, MandatePost5FromMps, MandateType,
    MandatesEnd, PaddedDigits, PeriodCode, Reader, Record, RegistrationType, RejectedItem2,
    Specification, Text, Totals, TransmissionEnd, TransmissionEndFromMps, TransmissionStart,
    Writer,
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

#[test]
fn err_fixtures_give_the_snapshot_errors() {
    insta::glob!("../../../testdata", "err/*.txt", |path| {
        let name = path.file_name().unwrap().to_string_lossy();
        let code = name.split("--").next().unwrap();
        if !RECORD_CODES.contains(&code) {
            return;
        }
        let text = render(path, false);
        assert!(!text.is_empty(), "no error in {}", path.display());
        insta::assert_snapshot!(text);
    });
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
        generated: date!(1969 - 12 - 31),
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

fn date_in_window() -> impl Strategy<Value = Date> {
    (0i64..36_524).prop_map(|d| date!(1970 - 01 - 01) + Duration::days(d))
}

fn opt_date() -> impl Strategy<Value = Option<Date>> {
    proptest::option::of(date_in_window())
}

fn printable_latin1() -> impl Strategy<Value = u8> {
    prop_oneof![0x20u8..=0x7E, 0xA0u8..=0xFF]
}

fn text<const N: usize>() -> impl Strategy<Value = Text<N>> {
    proptest::collection::vec(printable_latin1(), 0..=N).prop_filter_map("reads as UTF-8", |b| {
        let s: String = b.into_iter().map(char::from).collect();
        Text::<N>::new(&s).ok()
    })
}

fn digits<const N: usize>() -> impl Strategy<Value = Digits<N>> {
    proptest::collection::vec(b'0'..=b'9', N)
        .prop_map(|b| Digits::new(std::str::from_utf8(&b).unwrap()).unwrap())
}

fn padded<const N: usize>() -> impl Strategy<Value = PaddedDigits<N>> {
    proptest::collection::vec(b'0'..=b'9', 0..=N)
        .prop_map(|b| PaddedDigits::new(std::str::from_utf8(&b).unwrap()).unwrap())
}

/// A payer's reference or account: at least one digit ([decision 20](docs/spec-decisions.md#decision-20)).
fn payer() -> impl Strategy<Value = PaddedDigits<11>> {
    proptest::collection::vec(b'0'..=b'9', 1..=11)
        .prop_map(|b| PaddedDigits::new(std::str::from_utf8(&b).unwrap()).unwrap())
}

fn n(digits: u32) -> impl Strategy<Value = u64> {
    0..10u64.pow(digits)
}

fn n32(digits: u32) -> impl Strategy<Value = u32> {
    0..10u32.pow(digits)
}

fn totals() -> impl Strategy<Value = Totals> {
    (n32(8), n32(8), n(17)).prop_map(|(transactions, records, sum)| Totals {
        transactions,
        records,
        sum,
    })
}

fn claim_type() -> impl Strategy<Value = ClaimType> {
    select(ClaimType::ALL)
}

fn mandate_type() -> impl Strategy<Value = MandateType> {
    select(MandateType::ALL)
}

fn item1() -> impl Strategy<Value = AmountItem1> {
    (
        claim_type(),
        n32(7),
        date_in_window(),
        payer(),
        n(17),
        padded::<25>(),
    )
        .prop_map(
            |(transaction_type, transaction_number, date, payer, amount, kid)| AmountItem1 {
                transaction_type,
                transaction_number,
                date,
                payer,
                amount,
                kid,
            },
        )
}

fn item2() -> impl Strategy<Value = AmountItem2> {
    (
        claim_type(),
        n32(7),
        text::<10>(),
        text::<25>(),
        text::<25>(),
    )
        .prop_map(
            |(
                transaction_type,
                transaction_number,
                short_name,
                own_reference,
                foreign_reference,
            )| {
                AmountItem2 {
                    transaction_type,
                    transaction_number,
                    short_name,
                    own_reference,
                    foreign_reference,
                }
            },
        )
}

/// Record 20 with one of `types` (to MPS, rejected claims cannot be sent).
fn assignment_start(types: &'static [AssignmentType]) -> impl Strategy<Value = Record> {
    (select(types), n32(9), n32(7), digits::<11>()).prop_map(
        |(assignment_type, agreement_id, assignment_number, account)| {
            Record::AssignmentStart(AssignmentStart {
                assignment_type,
                agreement_id,
                assignment_number,
                account,
            })
        },
    )
}

fn post1(registration: &'static [RegistrationType]) -> impl Strategy<Value = MandatePost1> {
    (
        mandate_type(),
        n32(7),
        select(registration),
        payer(),
        digits::<11>(),
        select(PeriodCode::ALL),
        n(17),
        opt_date(),
        opt_date(),
    )
        .prop_map(
            |(mt, seq, reg, payer_reference, account, period_code, amount_limit, from, to)| {
                MandatePost1 {
                    mandate_type: mt,
                    sequence_number: seq,
                    registration_type: reg,
                    payer_reference,
                    account,
                    period_code,
                    amount_limit,
                    valid_from: from,
                    valid_to: to,
                }
            },
        )
}

/// Every layout to MPS.
#[allow(clippy::too_many_lines)] // One strategy per layout, in one list.
fn record_to_mps() -> impl Strategy<Value = Record> {
    prop_oneof![
        (n32(8), n32(7), n32(8)).prop_map(|(sender, transmission_number, recipient)| {
            Record::TransmissionStart(TransmissionStart {
                sender,
                transmission_number,
                recipient,
            })
        }),
        assignment_start(&[AssignmentType::Claims, AssignmentType::Mandates]),
        item1().prop_map(Record::AmountItem1),
        item2().prop_map(Record::AmountItem2),
        (
            n32(7),
            proptest::option::of(0u16..1000),
            proptest::option::of(0u8..10),
            text::<40>()
        )
            .prop_map(|(transaction_number, line, column, text)| {
                Record::Specification(Specification {
                    transaction_number,
                    line,
                    column,
                    text,
                })
            }),
        post1(&[
            RegistrationType::New,
            RegistrationType::Change,
            RegistrationType::Delete
        ])
        .prop_map(Record::MandatePost1),
        (mandate_type(), n32(7), text::<30>(), text::<30>()).prop_map(
            |(mandate_type, sequence_number, name, address1)| {
                Record::MandatePost2(MandatePost2 {
                    mandate_type,
                    sequence_number,
                    name,
                    address1,
                })
            }
        ),
        (
            mandate_type(),
            n32(7),
            text::<30>(),
            text::<4>(),
            text::<3>(),
            text::<25>(),
            text::<3>()
        )
            .prop_map(|(mt, seq, address2, code, ext, town, country)| {
                Record::MandatePost3(MandatePost3 {
                    mandate_type: mt,
                    sequence_number: seq,
                    address2,
                    postal_code: code,
                    postal_code_extension: ext,
                    postal_town: town,
                    country_code: country,
                })
            }),
        (
            mandate_type(),
            n32(7),
            text::<11>(),
            text::<30>(),
            (0i64..3_000_000).prop_map(|d| date!(1000 - 01 - 01) + Duration::days(d))
        )
            .prop_map(|(mt, seq, org, signatory, birth)| {
                Record::MandatePost4(MandatePost4 {
                    mandate_type: mt,
                    sequence_number: seq,
                    organisation_number: org,
                    signatory,
                    signatory_birth_date: birth,
                })
            }),
        (totals(), opt_date(), opt_date()).prop_map(|(totals, first, last)| {
            Record::ClaimsEnd(ClaimsEnd {
                totals,
                first_due_date: first,
                last_due_date: last,
            })
        }),
        totals().prop_map(|totals| Record::MandatesEnd(MandatesEnd { totals })),
        (totals(), opt_date()).prop_map(|(totals, first)| {
            Record::TransmissionEnd(TransmissionEnd {
                totals,
                first_due_date: first,
            })
        }),
    ]
}

/// Every layout from MPS.
#[allow(clippy::too_many_lines)] // One strategy per layout, in one list.
fn record_from_mps() -> impl Strategy<Value = Record> {
    prop_oneof![
        assignment_start(AssignmentType::ALL),
        item1().prop_map(Record::AmountItem1),
        item1().prop_map(Record::RejectedItem1),
        (item2(), (0u16..1000).prop_map(ErrorCode::from_number)).prop_map(|(item, error_code)| {
            Record::RejectedItem2(RejectedItem2 { item, error_code })
        }),
        (post1(RegistrationType::ALL), text::<9>()).prop_map(|(post, archive_reference)| {
            Record::MandatePost1FromMps(MandatePost1FromMps {
                post,
                archive_reference,
            })
        }),
        (mandate_type(), n32(7), text::<30>()).prop_map(|(mandate_type, sequence_number, name)| {
            Record::MandatePost2FromMps(MandatePost2FromMps {
                mandate_type,
                sequence_number,
                name,
            })
        }),
        (mandate_type(), n32(7)).prop_map(|(mandate_type, sequence_number)| {
            Record::MandatePost3FromMps(MandatePost3FromMps {
                mandate_type,
                sequence_number,
            })
        }),
        (
            mandate_type(),
            n32(7),
            opt_date(),
            opt_date(),
            opt_date(),
            n(17),
            select(PeriodCode::ALL),
            opt_date(),
            opt_date()
        )
            .prop_map(|(mt, seq, bf, bt, nf, limit, period, reg, chg)| {
                Record::MandatePost4FromMps(MandatePost4FromMps {
                    mandate_type: mt,
                    sequence_number: seq,
                    blocked_from: bf,
                    blocked_to: bt,
                    new_from: nf,
                    new_amount_limit: limit,
                    new_period_code: period,
                    registration_date: reg,
                    change_date: chg,
                })
            }),
        (
            mandate_type(),
            n32(7),
            proptest::option::of(n(17)),
            opt_date()
        )
            .prop_map(|(mandate_type, sequence_number, charged, last)| {
                Record::MandatePost5FromMps(MandatePost5FromMps {
                    mandate_type,
                    sequence_number,
                    charged_in_period: charged,
                    last_charged: last,
                })
            }),
        (
            select(&[AssignmentType::Claims, AssignmentType::Rejected][..]),
            totals(),
            date_in_window(),
            opt_date(),
            opt_date()
        )
            .prop_map(|(assignment_type, totals, generated, first, last)| {
                Record::ClaimsEndFromMps(ClaimsEndFromMps {
                    assignment_type,
                    totals,
                    generated,
                    first_date: first,
                    last_date: last,
                })
            }),
        totals().prop_map(|totals| Record::MandatesEnd(MandatesEnd { totals })),
        (totals(), date_in_window()).prop_map(|(totals, generated)| {
            Record::TransmissionEndFromMps(TransmissionEndFromMps { totals, generated })
        }),
    ]
}

fn round_trip(record: &Record, direction: Direction) -> Result<(), TestCaseError> {
    let bytes = record
        .encode()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(bytes.len(), 80);
    let back = Record::parse(&bytes, &Context::new(direction))
        .map_err(|e| TestCaseError::fail(format!("{e}: {:?}", String::from_utf8_lossy(&bytes))))?;
    prop_assert_eq!(&back, record);
    prop_assert_eq!(back.encode().unwrap(), bytes);
    Ok(())
}

/// Breaks each field of the record's layout alone (a byte no field of its kind accepts at its
/// first column) and expects the parser to report that field, at its columns, by its name: the
/// layout table and the parser agree on every field.
fn each_field_breaks_at_its_columns(
    record: &Record,
    direction: Direction,
) -> Result<(), TestCaseError> {
    let bytes = record.encode().unwrap();
    let layout = record.layout(direction);
    prop_assert!(LAYOUTS.contains(&layout));
    prop_assert!(layout.in_direction(direction));
    for field in layout.fields {
        let mut line = bytes;
        line[field.first - 1] = match field.kind {
            FieldKind::Text => 0x01,
            _ => b'X',
        };
        let e = Record::parse(&line, &Context::new(direction))
            .err()
            .ok_or_else(|| {
                TestCaseError::fail(format!(
                    "{} of record {} accepted X",
                    field.name, layout.record_type
                ))
            })?;
        prop_assert_eq!(
            (e.first_column, e.last_column, e.field),
            (field.first, field.last, field.name),
            "record {}: {}",
            layout.record_type,
            e
        );
        prop_assert_eq!(
            e.record_type,
            Some(layout.record_type).filter(|_| field.name != "record type")
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_layout_table_agrees_with_its_parser(
        record in prop_oneof![
            record_to_mps().prop_map(|r| (r, Direction::ToMps)),
            record_from_mps().prop_map(|r| (r, Direction::FromMps)),
        ],
    ) {
        let (record, direction) = record;
        each_field_breaks_at_its_columns(&record, direction)?;
    }

    #[test]
    fn every_layout_to_mps_round_trips(record in record_to_mps()) {
        round_trip(&record, Direction::ToMps)?;
    }

    #[test]
    fn every_layout_from_mps_round_trips(record in record_from_mps()) {
        round_trip(&record, Direction::FromMps)?;
    }

    /// The reader's hot path looks for a line break only after byte 80, trusting that a CR or
    /// LF anywhere in the first 80 bytes makes every layout fail (`Reader::parse_in_buffer`).
    #[test]
    fn a_line_break_inside_a_record_never_parses(
        record in prop_oneof![
            record_to_mps().prop_map(|r| (r, Direction::ToMps)),
            record_from_mps().prop_map(|r| (r, Direction::FromMps)),
        ],
    ) {
        let (record, direction) = record;
        let bytes = record.encode().unwrap();
        let ctx = Context::new(direction);
        for at in 0..bytes.len() {
            for byte in [b'\r', b'\n'] {
                let mut line = bytes;
                line[at] = byte;
                prop_assert!(Record::parse(&line, &ctx).is_err(), "{byte:#04x} at byte {at} of {record:?}");
            }
        }
    }

    /// The fast path of `Record::parse` (`fast.rs`) says yes only to a line the precise path
    /// reads to the same record, and says no only to what the precise path reads too: every
    /// record of both directions, and each with any one byte replaced by one that breaks some
    /// class (a digit, a blank, a letter, `Ã` and the byte after it in UTF-8, a control
    /// character, a byte of Latin-1's upper half), read in both directions and both year rules.
    #[test]
    fn the_fast_path_agrees_with_the_precise_one(
        record in prop_oneof![record_to_mps(), record_from_mps()],
        at in 0..80usize,
        byte in select(&[b'0', b'9', b' ', b'A', b'/', b':', 0xC3, 0xA5, 0x7F, 0x80, 0x1F, 0xFF, 0x00][..]),
    ) {
        let bytes = record.encode().unwrap();
        let mut broken = bytes;
        broken[at] = byte;
        for line in [bytes, broken] {
            for ctx in [
                Context::new(Direction::ToMps),
                Context::new(Direction::FromMps),
                Context { reference_date: Some(date!(2026 - 01 - 10)), ..Context::new(Direction::ToMps) },
            ] {
                prop_assert_eq!(Record::parse(&line, &ctx), Record::parse_precise(&line, &ctx));
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for direction in [Direction::ToMps, Direction::FromMps] {
            for item in Reader::new(&bytes[..]).direction(direction) {
                if let Err(e) = item {
                    prop_assert!(e.line() >= 1);
                    let _ = e.to_string();
                }
            }
        }
    }

    #[test]
    fn mutated_records_never_panic(
        record in prop_oneof![record_to_mps(), record_from_mps()],
        at in 0usize..80,
        byte in any::<u8>(),
        cut in 0usize..82,
    ) {
        let mut bytes = record.encode().unwrap().to_vec();
        bytes[at] = byte;
        bytes.truncate(cut);
        for direction in [Direction::ToMps, Direction::FromMps] {
            if let Err(e) = Record::parse(&bytes, &Context::new(direction)) {
                prop_assert!(e.first_column >= 1 && e.first_column <= e.last_column);
                let _ = e.to_string();
            }
        }
    }
}

/// The line endings counted whichever path a line takes: records in the buffer, a line too
/// short for a record, a last line with no break; through `each` and through the iterator
/// ([decision 34](docs/spec-decisions.md#decision-34)).
#[test]
fn line_endings_are_counted_on_every_path() {
    let record = "NY000010123456780000001000080800000000000000000000000000000000000000000000000000";
    let file = format!("{record}\r\n{record}\n{record}\r\nshort\n{record}\r\n{record}");
    let mut each = autogiro_format::Reader::new(file.as_bytes());
    each.each(|_, _| std::ops::ControlFlow::Continue(()));
    assert_eq!(each.line_endings(), (3, 2));
    let mut iterated = autogiro_format::Reader::new(file.as_bytes());
    for _ in iterated.by_ref() {}
    assert_eq!(iterated.line_endings(), (3, 2));
}
