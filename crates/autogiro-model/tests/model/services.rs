//! The rules of OCR giro and AvtaleGiro that no error fixture shows alone: the records of the
//! valid files changed one thing at a time, read as the fixtures are.

use super::*;

/// The records of the fixture `name` under `testdata/ok`.
fn records_of(name: &str) -> Vec<Record> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/ok")
        .join(name);
    let bytes = std::fs::read(path).unwrap();
    autogiro_format::Reader::new(&bytes[..])
        .map(|item| item.unwrap().1)
        .collect()
}

fn read(records: &[Record]) -> Vec<(Code, u64)> {
    codes(
        &bytes_of(records),
        &ReadOptions::new().today(date!(2026 - 01 - 10)),
    )
}

#[test]
fn ocr_items_pair_by_type_and_number() {
    let base = records_of("ocr-giro-every-type.txt");
    assert_eq!(read(&base), []);
    // Item 2 of transaction 1 given another number, then left out.
    let mut other = base.clone();
    if let Record::OcrItem2(i) = &mut other[3] {
        i.transaction_number = 7;
    }
    assert_eq!(read(&other), [(Code::ItemMismatch, 4)]);
    let mut alone = base.clone();
    alone.remove(2);
    let found = read(&alone);
    assert!(found.contains(&(Code::Item2WithoutItem1, 3)), "{found:?}");
}

#[test]
fn an_ocr_assignment_left_open_is_reported_at_the_next_start() {
    let mut records = records_of("ocr-giro-every-type.txt");
    let end = records
        .iter()
        .position(|r| matches!(r, Record::OcrAssignmentEnd(_)))
        .unwrap();
    records.remove(end);
    let found = read(&records);
    assert!(
        found.contains(&(Code::MissingAssignmentEnd, end as u64 + 1)),
        "{found:?}"
    );
}

#[test]
fn ocr_credits_are_taken_from_the_sums() {
    let mut records = records_of("ocr-giro-every-type.txt");
    // The first payment made a credit: its end's sum and the transmission's now count it twice
    // over (taken away instead of added).
    if let Record::OcrItem1(i) = &mut records[2] {
        i.sign = autogiro_format::OcrSign::Minus;
    }
    let found = read(&records);
    let sums: Vec<u64> = found
        .iter()
        .filter(|(c, _)| *c == Code::SumMismatch)
        .map(|(_, l)| *l)
        .collect();
    assert_eq!(sums.len(), 2, "{found:?}");
}

#[test]
fn avtalegiro_claims_keep_their_own_rules() {
    let base = records_of("avtalegiro-claims.txt");
    assert_eq!(read(&base), []);
    // A cancellation (93) among claims, and a specification line placed twice.
    let mut cancel = base.clone();
    if let Record::AvtaleGiroItem1(i) = &mut cancel[2] {
        i.transaction_type = autogiro_format::AvtaleGiroType::Cancellation;
    }
    let found = read(&cancel);
    assert!(found.contains(&(Code::RecordNotAllowed, 3)), "{found:?}");
    let mut twice = base.clone();
    if let Record::AvtaleGiroSpecification(s) = &mut twice[5] {
        s.line = 1;
    }
    assert_eq!(read(&twice), [(Code::SpecificationDuplicate, 6)]);
    // A line past 42.
    let mut far = base;
    if let Record::AvtaleGiroSpecification(s) = &mut far[5] {
        s.line = 43;
    }
    assert_eq!(read(&far), [(Code::SpecificationPlace, 6)]);
}

/// The streaming writer of AvtaleGiro's claims and cancellation requests writes what the
/// model writes for the same items, and refuses an item of the other assignment, a claim
/// without a KID, and an item with no AvtaleGiro assignment open.
#[test]
fn the_streaming_writer_writes_avtalegiro_as_the_model_does() {
    use autogiro_format::AvtaleGiroType;
    use autogiro_model::{AvtaleGiroClaim, BuildError, TransmissionWriter, WriteError};
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ok/avtalegiro-claims.txt");
    let bytes = std::fs::read(path).unwrap();
    let model = Transmission::read_slice(&bytes, &ReadOptions::new().today(date!(2026 - 01 - 10)))
        .transmission;
    let mut out =
        TransmissionWriter::to_mps(Vec::new(), model.sender, model.transmission_number).unwrap();
    for a in &model.assignments {
        match a {
            autogiro_model::Assignment::AvtaleGiroClaims(c) => {
                out.begin_avtalegiro_claims(c.header).unwrap();
                for claim in &c.claims {
                    out.push_avtalegiro(claim.clone()).unwrap();
                }
            }
            autogiro_model::Assignment::AvtaleGiroCancellations(c) => {
                out.begin_avtalegiro_cancellations(c.header).unwrap();
                for claim in &c.cancellations {
                    out.push_avtalegiro(claim.clone()).unwrap();
                }
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(out.finish().unwrap(), bytes);

    let claim = AvtaleGiroClaim {
        transaction_number: 0,
        transaction_type: AvtaleGiroType::WithoutNotice,
        due_date: date!(2026 - 02 - 16),
        amount: Amount::from_ore(100).unwrap(),
        kid: None,
        names: None,
        specification: Vec::new(),
    };
    let header = AssignmentHeader::new(0, 1, account("1234.56.78903"));
    let mut out = TransmissionWriter::to_mps(Vec::new(), 1, 1).unwrap();
    assert!(matches!(
        out.push_avtalegiro(claim.clone()),
        Err(WriteError::NoAssignment { .. })
    ));
    out.begin_avtalegiro_claims(header).unwrap();
    assert_eq!(
        out.push_avtalegiro(claim.clone()).unwrap_err().to_string(),
        WriteError::Build(BuildError::AvtaleGiroWithoutKid).to_string()
    );
    let cancellation = AvtaleGiroClaim {
        transaction_type: AvtaleGiroType::Cancellation,
        ..claim
    };
    assert!(matches!(
        out.push_avtalegiro(cancellation),
        Err(WriteError::Build(BuildError::AvtaleGiroMisplaced { .. }))
    ));
}
