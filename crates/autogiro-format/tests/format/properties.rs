//! Property tests: random records of every type read back as written.

use super::*;

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
/// OCR giro's transaction records (service `09`, from MPS) of any values their fields hold.
fn ocr_record() -> impl Strategy<Value = Record> {
    let kind = || select(OcrType::ALL);
    prop_oneof![
        (
            (kind(), n32(7), date_in_window(), n32(2), n32(2), n32(1)),
            (
                n32(5),
                select(OcrSign::ALL),
                0u64..100_000_000_000_000_000,
                padded::<25>(),
                n32(2)
            ),
        )
            .prop_map(
                |(
                    (
                        transaction_type,
                        transaction_number,
                        nets_date,
                        centre_id,
                        day_code,
                        partial_settlement,
                    ),
                    (serial_number, sign, amount, kid, card_drawer),
                )| {
                    Record::OcrItem1(OcrItem1 {
                        transaction_type,
                        transaction_number,
                        nets_date,
                        centre_id,
                        day_code,
                        partial_settlement,
                        serial_number,
                        sign,
                        amount,
                        kid,
                        card_drawer,
                    })
                }
            ),
        (
            kind(),
            n32(7),
            0u64..10_000_000_000,
            n32(9),
            n32(7),
            opt_date(),
            digits::<11>()
        )
            .prop_map(
                |(
                    transaction_type,
                    transaction_number,
                    form_number,
                    reference,
                    reserved,
                    bank_date,
                    debit_account,
                )| {
                    Record::OcrItem2(OcrItem2 {
                        transaction_type,
                        transaction_number,
                        form_number,
                        reference,
                        reserved,
                        bank_date,
                        debit_account,
                    })
                }
            ),
        (
            select(&[OcrType::ReversalWithText, OcrType::PurchaseWithText][..]),
            n32(7),
            text::<40>()
        )
            .prop_map(|(transaction_type, transaction_number, free_text)| {
                Record::OcrItem3(OcrItem3 {
                    transaction_type,
                    transaction_number,
                    free_text,
                })
            }),
    ]
}

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
        (totals(), opt_date()).prop_map(|(totals, generated)| {
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
            ocr_record().prop_map(|r| (r, Direction::FromMps)),
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
    fn every_layout_from_mps_round_trips(record in prop_oneof![record_from_mps(), ocr_record()]) {
        round_trip(&record, Direction::FromMps)?;
    }

    /// The reader's hot path looks for a line break only after byte 80, trusting that a CR or
    /// LF anywhere in the first 80 bytes makes every layout fail (`Reader::parse_in_buffer`).
    #[test]
    fn a_line_break_inside_a_record_never_parses(
        record in prop_oneof![
            record_to_mps().prop_map(|r| (r, Direction::ToMps)),
            record_from_mps().prop_map(|r| (r, Direction::FromMps)),
            ocr_record().prop_map(|r| (r, Direction::FromMps)),
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
        record in prop_oneof![record_to_mps(), record_from_mps(), ocr_record()],
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
        record in prop_oneof![record_to_mps(), record_from_mps(), ocr_record()],
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
