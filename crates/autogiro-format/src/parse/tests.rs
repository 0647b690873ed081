//! Unit tests of `parse.rs`.

use super::*;
use crate::{Direction, Text};

/// Every `DDMMYY` of digits, in both year rules (a reference date in each half of a
/// century, and one near the change of century): the date from the day of the year is the
/// calendar date `time` makes of the same day, month and year, and none where it makes none.
#[test]
fn ddmmyy_date_is_the_calendar_date() {
    let references = [
        None,
        Some(Date::from_calendar_date(2026, Month::January, 10).unwrap()),
        Some(Date::from_calendar_date(2049, Month::December, 31).unwrap()),
        Some(Date::from_calendar_date(2099, Month::June, 1).unwrap()),
    ];
    for reference_date in references {
        let ctx = Context {
            direction: Direction::ToMps,
            reference_date,
        };
        for day in 0..100u8 {
            for month in 0..100u8 {
                for yy in 0..100u8 {
                    let two = |n: u8| [b'0' + n / 10, b'0' + n % 10];
                    let [d0, d1] = two(day);
                    let [m0, m1] = two(month);
                    let [y0, y1] = two(yy);
                    let expected = Month::try_from(month).ok().and_then(|m| {
                        Date::from_calendar_date(ctx.full_year(i32::from(yy)), m, day).ok()
                    });
                    assert_eq!(
                        ddmmyy_date(&[d0, d1, m0, m1, y0, y1], &ctx),
                        expected,
                        "{day:02}{month:02}{yy:02} {reference_date:?}"
                    );
                }
            }
        }
    }
}

/// Three blanks at columns 78-80 (no layout has a blank filler there).
const BLANKS: Field = Field::new("filler", 78, 80, FieldKind::Blanks);

/// An 80-byte record whose columns `column..` start with `field`, the rest filled with `#`.
fn at(column: usize, field: &[u8]) -> Vec<u8> {
    let mut line = vec![b'#'; RECORD_LEN];
    line[column - 1..column - 1 + field.len()].copy_from_slice(field);
    line
}

/// Runs `parser` on the field at `column` (the bytes before it are skipped).
fn run<'a, O>(
    parser: impl Fn(&'a [u8]) -> PResult<'a, O>,
    line: &'a [u8],
    column: usize,
) -> Result<O, RecordError> {
    match parser(&line[column - 1..]) {
        Ok((_, v)) => Ok(v),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(e),
        Err(nom::Err::Incomplete(_)) => unreachable!(),
    }
}

fn kind<O: std::fmt::Debug>(r: Result<O, RecordError>) -> (usize, usize, ErrorKind) {
    let e = r.unwrap_err();
    (e.first_column, e.last_column, e.kind)
}

#[test]
fn eight_digits_at_a_time_agree_with_one_at_a_time() {
    for s in [
        "00000000", "12345678", "99999999", "00000001", "10000000", "31415926",
    ] {
        let word: [u8; 8] = s.as_bytes().try_into().unwrap();
        assert_eq!(eight_digits(word), s.parse().ok(), "{s}");
    }
    for bad in [
        "1234567/",
        "1234567:",
        " 2345678",
        "1234 678",
        "12345\u{0}78",
        "ABCDEFGH",
    ] {
        let word: [u8; 8] = bad.as_bytes().try_into().unwrap();
        assert_eq!(eight_digits(word), None, "{bad:?}");
    }
    assert_eq!(
        digits_value(b"99999999999999999"),
        Some(99_999_999_999_999_999)
    );
    assert_eq!(digits_value(b"00000000000012500"), Some(12_500));
    assert_eq!(digits_value(b"0000000000001250X"), None);
    assert_eq!(digits_value(b"000000000000\xff2500"), None);
    assert_eq!(digits_value(b""), Some(0));
    for s in ["0000", "1234", "9999", "0420"] {
        let word: [u8; 4] = s.as_bytes().try_into().unwrap();
        assert_eq!(four_digits(word), s.parse().ok(), "{s}");
    }
    for bad in ["123/", "12:4", " 234", "ABCD"] {
        let word: [u8; 4] = bad.as_bytes().try_into().unwrap();
        assert_eq!(four_digits(word), None, "{bad:?}");
    }
    assert_eq!(digits_value(b"0000001"), Some(1));
    assert_eq!(digits_value(b"1234567"), Some(1_234_567));
    assert_eq!(digits_value(b"123456789"), Some(123_456_789));
    assert_eq!(digits_value(b"12345x7"), None);
}

#[test]
fn numbers() {
    let line = at(33, b"00000000000012500");
    assert_eq!(
        run(number(&crate::AmountItem1::AMOUNT), &line, 33),
        Ok(12500)
    );
    let line = at(33, b"0000000000001 500");
    assert_eq!(
        kind(run(number(&crate::AmountItem1::AMOUNT), &line, 33)),
        (33, 49, ErrorKind::Digits)
    );
    let line = at(9, b"99999999");
    assert_eq!(
        run(number32(&crate::Totals::TRANSACTIONS), &line, 9),
        Ok(99_999_999)
    );
    let line = at(9, b"-0000001");
    assert!(run(number32(&crate::Totals::TRANSACTIONS), &line, 9).is_err());
}

#[test]
fn numbers_or_blanks() {
    assert_eq!(
        run(
            number_or_blanks(&crate::Specification::LINE),
            &at(17, b"   "),
            17
        ),
        Ok(None)
    );
    assert_eq!(
        run(
            number_or_blanks(&crate::Specification::LINE),
            &at(17, b"021"),
            17
        ),
        Ok(Some(21))
    );
    assert_eq!(
        kind(run(
            number_or_blanks(&crate::Specification::LINE),
            &at(17, b" 21"),
            17
        )),
        (17, 19, ErrorKind::DigitsOrBlanks)
    );
}

#[test]
fn digit_fields() {
    let line = at(25, b"01234567890");
    assert_eq!(
        run(digits::<11>(&crate::AssignmentStart::ACCOUNT), &line, 25),
        Ok(b"01234567890")
    );
    assert_eq!(
        kind(run(
            digits::<11>(&crate::AssignmentStart::ACCOUNT),
            &at(25, b"0123456789 "),
            25
        )),
        (25, 35, ErrorKind::Digits)
    );
}

#[test]
fn padded_digit_fields() {
    for ok in [
        &b"      12345"[..],
        b"00000012345",
        b"           ",
        b"12345678901",
    ] {
        let line = at(22, ok);
        let v = run(padded::<11>(&crate::AmountItem1::PAYER), &line, 22).unwrap();
        assert_eq!(&v[..], ok);
    }
    for bad in [&b"12345      "[..], b"   12 45   ", b"     1234X"] {
        let line = at(22, bad);
        assert_eq!(
            kind(run(padded::<11>(&crate::AmountItem1::PAYER), &line, 22)).2,
            ErrorKind::PaddedDigits,
            "{bad:?}"
        );
    }
}

#[test]
fn text_fields() {
    let line = at(16, b"\xC6rlig \xC5s  ");
    assert_eq!(
        run(text::<10>(&crate::AmountItem2::SHORT_NAME), &line, 16)
            .map(|t| Text::from_field(*t).to_string()),
        Ok("Ærlig Ås".to_owned())
    );
    for bad in [&b"Tab\there  "[..], b"Del\x7f      ", b"C1\x85       "] {
        let line = at(16, bad);
        assert_eq!(
            kind(run(text::<10>(&crate::AmountItem2::SHORT_NAME), &line, 16)).2,
            ErrorKind::Text
        );
    }
    let line = at(16, b"\xC3\xA5se     ");
    assert_eq!(
        kind(run(text::<10>(&crate::AmountItem2::SHORT_NAME), &line, 16)).2,
        ErrorKind::Utf8Text
    );
}

#[test]
fn literals_codes_and_fillers() {
    assert_eq!(
        run(literal(&crate::layout::FORMAT_CODE), &at(1, b"NY"), 1),
        Ok(())
    );
    assert_eq!(
        kind(run(literal(&crate::layout::FORMAT_CODE), &at(1, b"ny"), 1)),
        (1, 2, ErrorKind::Literal("NY"))
    );
    assert_eq!(
        run(
            code::<crate::PeriodCode>(&crate::MandatePost1::PERIOD_CODE),
            &at(40, b"06"),
            40
        ),
        Ok(crate::PeriodCode::Yearly)
    );
    assert_eq!(
        kind(run(
            code::<crate::ClaimType>(&crate::layout::CLAIM_TYPE),
            &at(5, b"04"),
            5
        ))
        .2,
        ErrorKind::OneOf(&["02", "03"])
    );
    assert_eq!(
        run(zeros(&crate::AmountItem2::FILLER), &at(76, b"00000"), 76),
        Ok(())
    );
    assert_eq!(
        kind(run(
            zeros(&crate::AmountItem2::FILLER),
            &at(76, b"0000 "),
            76
        )),
        (76, 80, ErrorKind::ZeroFiller)
    );
    assert_eq!(run(blanks(&BLANKS), &at(78, b"   "), 78), Ok(()));
    assert_eq!(
        kind(run(blanks(&BLANKS), &at(78, b" 0 "), 78)),
        (78, 80, ErrorKind::BlankFiller)
    );
    assert_eq!(
        run(
            error_code(&crate::RejectedItem2::ERROR_CODE),
            &at(76, b"253"),
            76
        ),
        Ok(ErrorCode::Other(253))
    );
}

#[test]
fn dates() {
    let ctx = Context::new(Direction::ToMps);
    assert_eq!(
        run(
            date(&ctx, &crate::AmountItem1::DUE_DATE),
            &at(16, b"290224"),
            16
        )
        .map(|d| d.to_string()),
        Ok("2024-02-29".to_owned())
    );
    for bad in [
        &b"290223"[..],
        b"310226",
        b"000000",
        b"011326",
        b"00012 ",
        b"1501-6",
    ] {
        assert_eq!(
            kind(run(
                date(&ctx, &crate::AmountItem1::DUE_DATE),
                &at(16, bad),
                16
            )),
            (16, 21, ErrorKind::Date),
            "{bad:?}"
        );
    }
    assert_eq!(
        run(
            opt_date(&ctx, &crate::MandatePost1::VALID_TO),
            &at(65, b"000000"),
            65
        ),
        Ok(None)
    );
    assert_eq!(
        kind(run(
            opt_date(&ctx, &crate::MandatePost1::VALID_TO),
            &at(65, b"000026"),
            65
        ))
        .2,
        ErrorKind::OptionalDate
    );
    assert_eq!(
        run(
            long_date(&crate::MandatePost4::SIGNATORY_BIRTH_DATE),
            &at(57, b"01021980"),
            57
        )
        .map(|d| d.to_string()),
        Ok("1980-02-01".to_owned())
    );
    assert_eq!(
        kind(run(
            long_date(&crate::MandatePost4::SIGNATORY_BIRTH_DATE),
            &at(57, b"00000000"),
            57
        ))
        .2,
        ErrorKind::LongDate
    );
}
