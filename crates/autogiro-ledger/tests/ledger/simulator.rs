//! The simulator: files answered as MPS would.

use super::*;

#[test]
fn simulator_confirms_settles_and_rejects() {
    let mut ledger = Ledger::new();
    // File 1: the registration, read on Monday 5 January 2026.
    let out = ledger.clear(
        &file_with(1, &[], true),
        date!(2026 - 01 - 05),
        &Scenario::new(),
    );
    assert!(out.refused.is_empty());
    let response = out.response.unwrap();
    let Assignment::Mandates(confirmed) = &response.assignments[0] else {
        panic!()
    };
    let mps = confirmed.mandates[0].mps.unwrap();
    assert_eq!(mps.archive_reference.to_string(), "*90000000");
    assert_eq!(mps.registration_date, Some(date!(2026 - 01 - 05)));

    // File 2: claims due before activation, on it, over the limit, and on a Sunday.
    let claims = [
        (date!(2026 - 01 - 09), nok(100)),
        (date!(2026 - 01 - 12), nok(600)),
        (date!(2026 - 01 - 13), nok(400)),
        (date!(2026 - 01 - 14), Amount::from_ore(1).unwrap()),
        (date!(2026 - 02 - 01), nok(50)),
    ];
    let out = ledger.clear(
        &file_with(2, &claims, false),
        date!(2026 - 01 - 06),
        &Scenario::new(),
    );
    let response = out.response.unwrap();
    let mut bytes = Vec::new();
    response.write(&mut bytes).unwrap();
    // The response reads back cleanly as a file from MPS.
    let read = Transmission::read(&bytes[..], &ReadOptions::new());
    assert!(read.diagnostics.is_empty(), "{:#?}", read.diagnostics);
    assert_eq!(read.transmission, response);
    let Assignment::Settled(settled) = &response.assignments[0] else {
        panic!()
    };
    let dates: Vec<Date> = settled.claims.iter().map(|c| c.date).collect();
    assert_eq!(
        dates,
        [
            date!(2026 - 01 - 12),
            date!(2026 - 01 - 13),
            date!(2026 - 02 - 02)
        ]
    );
    let Assignment::Rejected(rejected) = &response.assignments[1] else {
        panic!()
    };
    let codes: Vec<ErrorCode> = rejected.rejections.iter().map(|r| r.code).collect();
    assert_eq!(
        codes,
        [ErrorCode::MandateNotFound, ErrorCode::LimitExceeded]
    );

    // Deterministic: the same ledger and input give the same bytes.
    let mut a = Ledger::new();
    let mut b = Ledger::new();
    for l in [&mut a, &mut b] {
        l.clear(
            &file_with(1, &[], true),
            date!(2026 - 01 - 05),
            &Scenario::new(),
        );
    }
    let ra = a.clear(
        &file_with(2, &claims, false),
        date!(2026 - 01 - 06),
        &Scenario::new(),
    );
    let rb = b.clear(
        &file_with(2, &claims, false),
        date!(2026 - 01 - 06),
        &Scenario::new(),
    );
    assert_eq!(ra, rb);
}

#[test]
fn bank_side_outcomes_come_from_the_scenario() {
    let mut ledger = Ledger::new();
    ledger.clear(
        &file_with(1, &[], true),
        date!(2026 - 01 - 05),
        &Scenario::new(),
    );
    let claims = [(date!(2026 - 01 - 20), nok(10))];
    let missing = Scenario::new().account_not_found(&account("86011117947"));
    let out = ledger.clear(
        &file_with(2, &claims, false),
        date!(2026 - 01 - 19),
        &missing,
    );
    let response = out.response.unwrap();
    let Assignment::Rejected(r) = &response.assignments[0] else {
        panic!()
    };
    assert_eq!(r.rejections[0].code, ErrorCode::AccountNotFound);
    let refusing = Scenario::new().bank_refuses(&account("86011117947"));
    let out = ledger.clear(
        &file_with(3, &claims, false),
        date!(2026 - 01 - 19),
        &refusing,
    );
    let response = out.response.unwrap();
    let Assignment::Rejected(r) = &response.assignments[0] else {
        panic!()
    };
    assert_eq!(r.rejections[0].code, ErrorCode::RejectedByBank);
}

#[test]
fn assignment_numbers_are_taken_for_12_months_and_a_day() {
    let mut ledger = Ledger::new();
    let file = file_with(1, &[], true);
    assert!(
        ledger
            .clear(&file, date!(2026 - 01 - 05), &Scenario::new())
            .refused
            .is_empty()
    );
    let again = ledger.clear(&file, date!(2027 - 01 - 06), &Scenario::new());
    assert!(
        matches!(
            &again.refused[..],
            [Refused::Assignment {
                agreement_id: AGREEMENT,
                assignment_number: 10,
                ..
            }]
        ),
        "{:?}",
        again.refused
    );
    assert_eq!(
        again.refused[0].to_string(),
        format!(
            "assignment 10 of agreement {AGREEMENT} refused: assignment number 10 was used in the file read on 2026-01-05; this file, read on 2027-01-06, may reuse it from 2027-01-07 (12 months + 1 day, spec 2.2 field 6)"
        )
    );
    let later = ledger.clear(
        &file_with(1, &[], false),
        date!(2027 - 01 - 07),
        &Scenario::new(),
    );
    assert!(later.refused.is_empty());
}

#[test]
fn decision_17_refuses_the_transmission_or_the_assignment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let ok = std::fs::read(root.join("ok/records-to-mps.txt")).unwrap();
    // An error in an assignment end refuses that assignment only.
    let bad_end = std::fs::read(root.join("err/field-format--filler-not-zero.txt")).unwrap();
    let out = Ledger::new().clear_file(
        &bad_end,
        &ReadOptions::new(),
        date!(2026 - 01 - 10),
        &Scenario::new(),
    );
    assert!(
        matches!(
            &out.refused[..],
            [
                Refused::Assignment {
                    assignment_number: 1,
                    ..
                },
                Refused::Mandate { .. }
            ]
        ),
        "{:#?}",
        out.refused
    );
    let response = out.response.unwrap();
    assert!(matches!(
        &response.assignments[..],
        [Assignment::Mandates(_)]
    ));
    // No transmission end: the whole transmission.
    let cut = &ok[..ok.len() - 82];
    let out = Ledger::new().clear_file(
        cut,
        &ReadOptions::new(),
        date!(2026 - 01 - 10),
        &Scenario::new(),
    );
    assert!(out.response.is_none());
    assert!(matches!(&out.refused[..], [Refused::Transmission { .. }]));
}

#[test]
fn simulator_output_for_the_inbound_fixtures() {
    insta::glob!("../../../../testdata", "ok/*to-mps*.txt", |path| {
        let file = std::fs::read(path).unwrap();
        let mut ledger = Ledger::new();
        let out = ledger.clear_file(
            &file,
            &ReadOptions::new(),
            date!(2026 - 01 - 10),
            &Scenario::new(),
        );
        let mut text = String::new();
        for r in &out.refused {
            writeln!(text, "refused: {r}").unwrap();
        }
        if let Some(response) = out.response {
            let mut bytes = Vec::new();
            response.write(&mut bytes).unwrap();
            let latin1: String = bytes.iter().copied().map(char::from).collect();
            text.push_str(&latin1.replace('\r', ""));
        }
        insta::assert_snapshot!(text);
    });
}

#[cfg(feature = "serde")]
#[test]
fn state_saves_and_loads_as_json() {
    let mut ledger = Ledger::new();
    ledger.clear(
        &file_with(1, &[], true),
        date!(2026 - 01 - 05),
        &Scenario::new(),
    );
    ledger.clear(
        &file_with(2, &[(date!(2026 - 01 - 20), nok(10))], false),
        date!(2026 - 01 - 19),
        &Scenario::new(),
    );
    let json = serde_json::to_string(&ledger).unwrap();
    let back: Ledger = serde_json::from_str(&json).unwrap();
    assert_eq!(back, ledger);
    // The simulator runs on from the loaded state as from the live one.
    let next = file_with(3, &[(date!(2026 - 01 - 21), nok(995))], false);
    let (mut a, mut b) = (ledger, back);
    assert_eq!(
        a.clear(&next, date!(2026 - 01 - 20), &Scenario::new()),
        b.clear(&next, date!(2026 - 01 - 20), &Scenario::new())
    );
}

proptest! {
    #[test]
    fn settled_sums_never_pass_the_limit(
        period in 1usize..7,
        limit in 1u64..5_000,
        claims in proptest::collection::vec((0i64..400, 1u64..2_000), 1..60),
    ) {
        let code = PeriodCode::ALL[period];
        let mut ledger = ledger_with(code, nok(limit));
        let mut settled: Vec<(Date, u64)> = Vec::new();
        for (offset, amount) in claims {
            let day = next_business_day(date!(2026 - 01 - 12) + Duration::days(offset));
            if ledger.settle(AGREEMENT, &claim(nok(amount)), day) == Decision::Settle {
                settled.push((day, amount));
            }
        }
        for (day, _) in &settled {
            let window = Period::containing(code, *day).unwrap();
            let sum: u64 = settled.iter().filter(|(d, _)| window.contains(*d)).map(|(_, a)| a).sum();
            prop_assert!(sum <= limit, "{sum} > {limit} in {window:?}");
        }
    }
}

/// AvtaleGiro in the simulator: a claim whose KID signed up is settled on its due date as an
/// OCR giro payment of type 15, one without a mandate is not; the sign-ups are listed once; a
/// cancellation request, in the same file or a later one, takes the settlement of its claim;
/// the answers validate.
#[test]
#[cfg(feature = "serde")]
fn the_simulator_settles_avtalegiro_claims_with_a_mandate_and_lists_the_sign_ups() {
    use autogiro_checksum::Kid;
    use autogiro_format::WrittenNotice;
    use autogiro_ledger::{SignUp, Simulator};
    let read_on = date!(2026 - 01 - 12);
    let claims = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ok/avtalegiro-claims.txt"),
    )
    .unwrap();
    let fixture = Transmission::read(&claims[..], &ReadOptions::new().today(read_on)).transmission;
    // The fixture's claims alone, or its cancellation request alone, as transmission `number`.
    let part = |number: u32, cancellations: bool| {
        let mut t = fixture.clone();
        t.transmission_number = number;
        t.assignments
            .retain(|a| matches!(a, Assignment::AvtaleGiroCancellations(_)) == cancellations);
        t.assignments[0].header_mut().assignment_number = number;
        let mut bytes = Vec::new();
        t.write(&mut bytes).unwrap();
        bytes
    };
    let mut sim = Simulator::new();
    for kid in ["123456782", "987654324"] {
        sim.sign_up(&SignUp {
            recipient: 12345,
            agreement_id: 67890,
            account: account("1234.56.78903"),
            kid: Kid::parse(kid).unwrap(),
            written_notice: WrittenNotice::No,
        });
    }
    // The fixture: 499.00 for KID 123456782 (signed up) and 199.00 for 1234567806 (not), and
    // a request that cancels the first: nothing settled; the sign-ups listed.
    let (answer, _) = sim.answer(&claims, "fixture", read_on, Some(read_on));
    let now = answer.response.expect("the sign-ups listed at once");
    let kinds: Vec<_> = now.assignments.iter().map(Assignment::kind).collect();
    assert_eq!(kinds, [autogiro_model::AssignmentKind::AvtaleGiroMandates]);
    assert_eq!(answer.later, 0, "{:?}", answer.refused);

    // The claims alone: the first settled on 16 February, and listed no more.
    let (answer, _) = sim.answer(&part(20, false), "claims", read_on, Some(read_on));
    assert_eq!((answer.response, answer.later), (None, 1));
    assert!(sim.release(date!(2026 - 02 - 13)).is_none(), "nothing due");
    let due = sim.release(date!(2026 - 02 - 16)).expect("the settlement");
    let Some(Assignment::OcrGiro(o)) = due.assignments.first() else {
        panic!("{due:?}");
    };
    assert_eq!(o.header.agreement_id, 67890);
    assert_eq!(o.payments.len(), 1);
    assert_eq!(o.payments[0].amount.ore(), 49_900);
    assert_eq!(o.payments[0].nets_date, date!(2026 - 02 - 16));
    let mut written = Vec::new();
    due.write(&mut written).unwrap();
    let report = autogiro_model::validate(
        &written[..],
        &ReadOptions::new().today(date!(2026 - 02 - 16)),
    );
    assert!(report.is_valid(), "{:?}", report.diagnostics);

    // The claims again, then the request in a file of its own before the day: never settled.
    let (answer, _) = sim.answer(&part(21, false), "again", read_on, Some(read_on));
    assert_eq!(answer.later, 1);
    sim.answer(&part(22, true), "cancel", date!(2026 - 01 - 13), None);
    assert_eq!(sim.waiting(), 0, "the settlement taken by the request");
    assert!(sim.release(date!(2026 - 02 - 16)).is_none());
}
