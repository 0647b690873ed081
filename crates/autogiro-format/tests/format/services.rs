//! The records of OCR giro and AvtaleGiro beside Autogiro's: a file of each read into its
//! records and written back byte for byte, and the errors of a record in a file or service it
//! does not belong to.

use autogiro_format::{
    AvtaleGiroAssignmentType, AvtaleGiroRegistration, AvtaleGiroType, Context, Direction,
    LineEnding, OcrSign, OcrType, Reader, Record, Service, Writer, WrittenNotice,
};
use time::macros::date;

/// The records of `lines` (ISO-8859-1 written as Rust text), each written back as it was.
fn read(lines: &[&str]) -> Vec<Record> {
    let file: Vec<u8> = lines
        .iter()
        .flat_map(|l| l.chars().map(|c| u8::try_from(c).unwrap()).chain([b'\n']))
        .collect();
    let records: Vec<Record> = Reader::new(&file[..]).map(|item| item.unwrap().1).collect();
    let mut writer = Writer::new(Vec::new()).line_ending(LineEnding::Lf);
    for r in &records {
        writer.write_record(r).unwrap();
    }
    assert_eq!(
        String::from_utf8_lossy(&writer.into_inner()),
        String::from_utf8_lossy(&file)
    );
    records
}

/// The error of one line read in a file of `direction`.
fn error(line: &str, direction: Direction) -> String {
    let bytes: Vec<u8> = line.chars().map(|c| u8::try_from(c).unwrap()).collect();
    Record::parse(&bytes, &Context::new(direction))
        .unwrap_err()
        .to_string()
}

const OCR: &[&str] = &[
    "NY000010000080800000170000123450000000000000000000000000000000000000000000000000",
    "NY090020000056789000000112345678903000000000000000000000000000000000000000000000",
    "NY09103000000011501260115100042000000000000012500                123456782000000",
    "NY091031000000196000000001234567890000000140126123456789030000000000000000000000",
    "NY09213000000021601260016000043-00000000000000990                         000000",
    "NY092131000000200000000001234560010000000000000000000000000000000000000000000000",
    "NY0921320000002Kiosk 14, kvittering 2231               0000000000000000000000000",
    "NY090088000000020000000700000000000011510170126150126160126000000000000000000000",
    "NY000089000000020000000900000000000011510170126000000000000000000000000000000000",
];

#[test]
fn an_ocr_giro_file_reads_into_its_transactions_and_back() {
    let records = read(OCR);
    let services: Vec<_> = records.iter().map(Record::service).collect();
    assert_eq!(services[0], None);
    assert!(services[1..8].iter().all(|s| *s == Some(Service::OcrGiro)));
    let Record::OcrItem1(giro) = records[2] else {
        panic!("{:?}", records[2])
    };
    assert_eq!(giro.transaction_type, OcrType::GiroDebited);
    assert_eq!(giro.nets_date, date!(2026 - 01 - 15));
    assert_eq!((giro.amount, giro.signed_amount()), (12500, 12500));
    assert_eq!(giro.kid.to_string(), "123456782");
    let Record::OcrItem1(credit) = records[4] else {
        panic!("{:?}", records[4])
    };
    assert_eq!(
        (credit.sign, credit.signed_amount()),
        (OcrSign::Minus, -990)
    );
    assert!(credit.transaction_type.has_free_text());
    let Record::OcrItem2(form) = records[3] else {
        panic!("{:?}", records[3])
    };
    assert_eq!(form.form_number, 9_600_000_000);
    assert_eq!(form.bank_date, Some(date!(2026 - 01 - 14)));
    let Record::OcrItem3(text) = records[6] else {
        panic!("{:?}", records[6])
    };
    assert_eq!(text.free_text.to_string(), "Kiosk 14, kvittering 2231");
    let Record::OcrAssignmentEnd(end) = records[7] else {
        panic!("{:?}", records[7])
    };
    assert_eq!((end.totals.transactions, end.totals.records), (2, 7));
    assert_eq!(end.last_date, Some(date!(2026 - 01 - 16)));
}

const AVTALEGIRO_CLAIMS: &[&str] = &[
    "NY000010000123450000042000080800000000000000000000000000000000000000000000000000",
    "NY210020000000000000000112345678903000000000000000000000000000000000000000000000",
    "NY2121300000001150226           00000000000012500                123456782000000",
    "NY2121310000001Hansen                             Strøm februar            00000",
    "NY212149000000140011Strøm, januar 2026                      00000000000000000000",
    "NY210088000000010000000500000000000012500150226150226000000000000000000000000000",
    "NY213620000000000000000212345678903000000000000000000000000000000000000000000000",
    "NY2193300000001150226           00000000000012500                123456782000000",
    "NY213688000000010000000300000000000012500150226150226000000000000000000000000000",
    "NY000089000000020000001000000000000025000150226000000000000000000000000000000000",
];

#[test]
fn an_avtalegiro_file_of_claims_and_cancellations_reads_and_writes_back() {
    let records = read(AVTALEGIRO_CLAIMS);
    let Record::AvtaleGiroAssignmentStart(start) = records[1] else {
        panic!("{:?}", records[1])
    };
    assert_eq!(start.assignment_type, AvtaleGiroAssignmentType::Claims);
    let Record::AvtaleGiroItem1(claim) = records[2] else {
        panic!("{:?}", records[2])
    };
    assert_eq!(claim.transaction_type, AvtaleGiroType::WithNotice);
    assert_eq!(claim.due_date, date!(2026 - 02 - 15));
    let Record::AvtaleGiroItem2(names) = records[3] else {
        panic!("{:?}", records[3])
    };
    assert_eq!(names.foreign_reference.to_string(), "Strøm februar");
    let Record::AvtaleGiroSpecification(spec) = records[4] else {
        panic!("{:?}", records[4])
    };
    assert_eq!((spec.line, spec.column), (1, 1));
    let Record::AvtaleGiroItem1(cancel) = records[7] else {
        panic!("{:?}", records[7])
    };
    assert_eq!(cancel.transaction_type, AvtaleGiroType::Cancellation);
    assert!(matches!(
        records[8],
        Record::AvtaleGiroClaimsEnd(e) if e.assignment_type == AvtaleGiroAssignmentType::Cancellations
    ));
}

#[test]
fn avtalegiro_mandates_from_mps_read_and_write_back() {
    let records = read(&[
        "NY000010000080800000171000123450000000000000000000000000000000000000000000000000",
        "NY212420000000000000000112345678903000000000000000000000000000000000000000000000",
        "NY21947000000010                123456782J00000000000000000000000000000000000000",
        "NY21947000000020               1234567803N00000000000000000000000000000000000000",
        "NY212488000000020000000400000000000000000000000000000000000000000000000000000000",
        "NY000089000000020000000600000000000000000170126000000000000000000000000000000000",
    ]);
    let Record::AvtaleGiroMandate(m) = records[3] else {
        panic!("{:?}", records[3])
    };
    assert_eq!(m.registration_type, AvtaleGiroRegistration::Listing);
    assert_eq!(m.kid.to_string(), "1234567803");
    assert_eq!(m.written_notice, WrittenNotice::No);
    assert!(matches!(
        records[4],
        Record::AvtaleGiroMandatesEnd(e) if (e.transactions, e.records) == (2, 4)
    ));
}

#[test]
fn a_record_outside_its_service_or_direction_is_named_so() {
    // An OCR giro record in a file to MPS.
    assert_eq!(
        error(OCR[2], Direction::ToMps),
        "columns 7-8 (record 30, record type): expected no OCR giro record in files to MPS: OCR giro files come only from MPS, found \"30\""
    );
    // AvtaleGiro's mandate record in a file to MPS.
    assert_eq!(
        error(
            "NY21947000000010                123456782J00000000000000000000000000000000000000",
            Direction::ToMps
        ),
        "columns 7-8 (record 70, record type): expected a record type of AvtaleGiro files to MPS (20, 30, 31, 49, 88), found \"70\""
    );
    // A service code of no service.
    assert_eq!(
        error(
            "NY051030000000115012601151000420000000000000125000000000000000000000000000000000",
            Direction::FromMps
        ),
        "columns 3-4 (record 30, service code): expected one of 01, 09, 21, found \"05\""
    );
    // A claim of AvtaleGiro with a type only cancellation assignments... is read: the
    // assignment's rules are the model's. A type of no list is not.
    assert_eq!(
        error(
            "NY2125300000001150226           00000000000012500                123456782000000",
            Direction::ToMps
        ),
        "columns 5-6 (record 30, transaction type): expected one of 02, 21, 93, found \"25\""
    );
}
