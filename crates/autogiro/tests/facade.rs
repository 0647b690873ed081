//! Integration tests of the facade's one-call helpers.

#![cfg(test)]
#![cfg(feature = "model")]

use autogiro::checksum::AccountNumber;
use autogiro::model::{
    Amount, AssignmentHeader, Claim, ClaimsAssignment, Code, ReadOptions, Transmission, WriteError,
    payer_reference,
};
use time::macros::date;

fn claims_due(due: time::Date) -> Transmission {
    let mut a = ClaimsAssignment::new(AssignmentHeader::new(
        56789,
        1,
        AccountNumber::parse("12345678903").unwrap(),
    ));
    a.push(
        Claim::new(
            due,
            payer_reference("12345").unwrap(),
            Amount::from_ore(100).unwrap(),
        )
        .with_short_name("Nordmann")
        .unwrap(),
    )
    .unwrap();
    let mut t = Transmission::to_mps(12345, 1);
    t.push(a).unwrap();
    t
}

/// `write_file` checks every rule on the bytes first: a claim due more than 12 months after
/// `today` is refused, nothing is left behind (neither the file nor its temporary), and an
/// existing file stays as it was.
#[test]
fn write_file_writes_nothing_that_would_not_validate() {
    let dir = std::env::temp_dir().join(format!("autogiro-facade-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("claims.txt");
    let options = ReadOptions::new().today(date!(2026 - 01 - 10));

    let report = autogiro::write_file(&claims_due(date!(2026 - 01 - 15)), &path, &options).unwrap();
    assert!(report.is_valid());
    let before = std::fs::read(&path).unwrap();

    let err =
        autogiro::write_file(&claims_due(date!(2029 - 01 - 15)), &path, &options).unwrap_err();
    let WriteError::Invalid(report) = err else {
        panic!("{err}")
    };
    let codes: Vec<Code> = report.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::DueDateWindow]);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the old file is untouched"
    );
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, [std::ffi::OsString::from("claims.txt")]);
    std::fs::remove_dir_all(&dir).unwrap();
}
