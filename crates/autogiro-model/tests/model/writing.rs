//! Writing: findings named by their JSON path, claims and mandates numbered.

use super::*;

/// `write_checked` writes nothing invalid, and `json_paths` names the model's field of each
/// finding: a claim's specification line, a rejected claim's KID, a mandate's account, an
/// assignment's number.
#[test]
fn checked_writing_names_the_json_path_of_each_finding() {
    use autogiro_model::{Assignment, WriteError};
    let options = ReadOptions::new().today(date!(2026 - 01 - 10));
    let mut to = to_mps();
    let Assignment::Claims(claims) = &mut to.assignments[0] else {
        panic!()
    };
    claims.claims[1].specification[0].line = Some(22);
    let Assignment::Mandates(mandates) = &mut to.assignments[1] else {
        panic!()
    };
    mandates.header.assignment_number = 1;
    let mut out = Vec::new();
    let Err(WriteError::Invalid(report)) = to.write_checked(&mut out, &options) else {
        panic!("expected findings")
    };
    assert!(out.is_empty(), "nothing written");
    assert_eq!(
        to.json_paths(&report.diagnostics),
        [
            "assignments[0].claims[1].specification[0].line",
            "assignments[1].header.assignment_number"
        ]
    );

    let mut from = from_mps();
    let Assignment::Rejected(rejected) = &mut from.assignments[1] else {
        panic!()
    };
    rejected.rejections[0].claim.kid = Some(Kid::parse_unchecked("123456783").unwrap());
    let Err(WriteError::Invalid(report)) = from.write_checked(&mut out, &options) else {
        panic!("expected findings")
    };
    // The KID broken here, and the base file's unlisted code 253 (a warning).
    assert_eq!(
        from.json_paths(&report.diagnostics),
        [
            "assignments[1].rejections[0].claim.kid",
            "assignments[1].rejections[1].code"
        ]
    );
    // A valid transmission is written whole, its warnings reported.
    let report = from_mps().write_checked(&mut out, &options).unwrap();
    assert_eq!(report.errors(), 0);
    assert!(!out.is_empty());
}

/// Numbers left at 0 are filled in after the previous one; numbers given are kept.
#[test]
fn unnumbered_claims_and_mandates_are_numbered() {
    use autogiro_model::Assignment;
    let mut t = to_mps();
    let Assignment::Claims(claims) = &mut t.assignments[0] else {
        panic!()
    };
    claims.claims[0].transaction_number = 0;
    claims.claims[1].transaction_number = 0;
    let Assignment::Mandates(mandates) = &mut t.assignments[1] else {
        panic!()
    };
    mandates.mandates[0].sequence_number = 7;
    mandates.mandates[1].sequence_number = 0;
    t.number_unnumbered();
    let Assignment::Claims(claims) = &t.assignments[0] else {
        panic!()
    };
    let numbers: Vec<u32> = claims.claims.iter().map(|c| c.transaction_number).collect();
    assert_eq!(numbers, [1, 2]);
    let Assignment::Mandates(mandates) = &t.assignments[1] else {
        panic!()
    };
    let numbers: Vec<u32> = mandates
        .mandates
        .iter()
        .map(|m| m.sequence_number)
        .collect();
    assert_eq!(numbers, [7, 8]);
}
