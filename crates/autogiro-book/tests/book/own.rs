//! Own references that claims of a file sent share with other claims waiting in their
//! agreement are noted at its import: MPS's answers to them are told apart by payer, amount and
//! date alone.

use super::*;

const OTHER: u32 = 56790;

/// A file to MPS of claims of `AGREEMENT` then of `OTHER`, each given by its own reference.
fn sent(number: u32, ours: &[&str], others: &[&str]) -> Transmission {
    let mut t = Transmission::to_mps(12345, number);
    for (agreement, owns) in [(AGREEMENT, ours), (OTHER, others)] {
        let header = AssignmentHeader::new(agreement, number, account("12345678903"));
        let mut a = ClaimsAssignment::new(header);
        for (i, own) in owns.iter().enumerate() {
            let claim = Claim::new(
                date!(2026 - 02 - 20),
                payer_reference(&format!("{}", 10_000 + i)).unwrap(),
                nok(100 + u64::from(number) * 10 + i as u64),
            )
            .with_short_name("Nordmann")
            .unwrap()
            .with_own_reference(own)
            .unwrap();
            a.push(claim).unwrap();
        }
        t.push(a).unwrap();
    }
    t
}

/// The notes of an import, in English.
fn notes(imported: &autogiro_book::Imported) -> Vec<String> {
    imported.notes.iter().map(ToString::to_string).collect()
}

/// The first file's own references: none shared, though `B` and `C` are each in both
/// agreements. Its claim `Z` is settled. The second file shares `A` and `Ø` with claims still
/// waiting and uses `W` three times itself; `Z` (settled), `C` (of the other agreement), `AB`
/// (which starts like `A`) and blanks are not noted.
pub(super) fn own_references_shared_with_claims_waiting_are_noted(place: &Place) {
    let mut book = place.init();
    let first = sent(1, &["A", "B", "Z", "Ø", "C"], &["B", "D"]);
    let imported = import(&mut book, "first.txt", &first, date!(2026 - 01 - 10));
    assert_eq!(imported.claims, 7);
    assert_eq!(notes(&imported), Vec::<String>::new());

    let day = date!(2026 - 02 - 20);
    let mut answer = Transmission::from_mps(12345, 1, day);
    let header = AssignmentHeader::new(AGREEMENT, 1, account("12345678903"));
    let mut settled = SettledAssignment::new(header, day);
    let autogiro_model::Assignment::Claims(claims) = &first.assignments[0] else {
        panic!("claims first");
    };
    settled.push(claims.claims[2].clone());
    answer.push(settled).unwrap();
    let imported = import(&mut book, "answer.txt", &answer, day);
    assert_eq!(imported.answered, 1);

    let second = sent(
        2,
        &["W", "A", "Z", "", "W", "AB", "Ø", "", "W"],
        &["C", "E"],
    );
    let imported = import(&mut book, "second.txt", &second, date!(2026 - 01 - 11));
    assert_eq!(imported.claims, 11);
    let said = |own: &str, claims: u32| {
        format!(
            "own reference {own:?} is used by {claims} claims waiting in agreement 0000{AGREEMENT}: \
             MPS's answers to them can be told apart only by payer, amount and date"
        )
    };
    assert_eq!(
        notes(&imported),
        [said("A", 2), said("W", 3), said("Ø", 2)],
        "in order of agreement and own reference's bytes"
    );
}
