//! Property tests: random valid transmissions round-trip cleanly.

use super::*;

// ---- property test: random valid transmissions round-trip cleanly ----

fn date_near() -> impl Strategy<Value = Date> {
    (0i64..700).prop_map(|d| date!(2025 - 06 - 01) + Duration::days(d))
}

fn kid() -> impl Strategy<Value = Option<Kid>> {
    proptest::option::of(
        ("[0-9]{1,24}", any::<bool>()).prop_filter_map("no check digit", |(b, m)| {
            Kid::with_check_digit(&b, if m { Modulus::Mod10 } else { Modulus::Mod11 }).ok()
        }),
    )
}

fn claim() -> impl Strategy<Value = Claim> {
    (
        date_near(),
        "[1-9][0-9]{0,9}",
        0u64..10_000_000_000,
        kid(),
        "[A-Za-zÆØÅæøå][A-Za-zÆØÅæøå ]{0,9}",
        proptest::collection::vec("[a-zæøå0-9,.][a-zæøå0-9 ,.]{0,39}", 0..5),
    )
        .prop_map(|(due, payer, ore, kid, name, specs)| {
            let mut c = Claim::new(
                due,
                payer_reference(&payer).unwrap(),
                Amount::from_ore(ore).unwrap(),
            );
            c.kid = kid;
            c.short_name = Text::new(&name).unwrap();
            if !specs.is_empty() {
                c = c.with_notice();
                for (i, s) in specs.iter().enumerate() {
                    c.add_specification(
                        u16::try_from(i / 2 + 1).unwrap(),
                        u8::try_from(i % 2 + 1).unwrap(),
                        s,
                    )
                    .unwrap();
                }
            }
            c
        })
}

fn mandate() -> impl Strategy<Value = Mandate> {
    (
        "[1-9][0-9]{0,10}",
        "[0-9]{10}",
        prop_oneof![Just(None), (1usize..7, 1u64..1_000_000_000).prop_map(Some)],
        0u8..3,
    )
        .prop_filter_map(
            "account body without check digit",
            |(reference, body, limit, reg)| {
                let account = AccountNumber::with_check_digit(&body).ok()?;
                let limit = match limit {
                    None => MandateLimit::Simplified,
                    Some((p, l)) => {
                        MandateLimit::standard(PeriodCode::ALL[p], Amount::from_ore(l).unwrap())
                            .unwrap()
                    }
                };
                let registration = [
                    RegistrationType::New,
                    RegistrationType::Change,
                    RegistrationType::Delete,
                ][usize::from(reg)];
                let m = Mandate::new(
                    registration,
                    payer_reference(&reference).unwrap(),
                    account,
                    limit,
                );
                Some(if registration == RegistrationType::Delete {
                    m
                } else {
                    m.with_payer(details("Nordmann AS"))
                })
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_valid_transmissions_round_trip_cleanly(
        claims in proptest::collection::vec(proptest::collection::vec(claim(), 1..6), 0..3),
        mandates in proptest::collection::vec(proptest::collection::vec(mandate(), 1..5), 0..3),
    ) {
        // A transmission holds one or more assignments ([decision 28](docs/spec-decisions.md#decision-28)).
        prop_assume!(!claims.is_empty() || !mandates.is_empty());
        // A payer registered twice alike in one assignment is a warning
        // ([decision 35](docs/spec-decisions.md#decision-35)).
        prop_assume!(mandates.iter().all(|list| {
            let mut seen = std::collections::HashSet::new();
            list.iter()
                .all(|m| seen.insert((m.payer_reference.digits().to_owned(), m.registration_type)))
        }));
        let mut t = Transmission::to_mps(12345, 1);
        for (n, list) in claims.into_iter().enumerate() {
            let mut a = ClaimsAssignment::new(AssignmentHeader::new(56789, u32::try_from(n).unwrap() + 1, account("12345678903")));
            for c in list { a.push(c).unwrap(); }
            t.push(a).unwrap();
        }
        for (n, list) in mandates.into_iter().enumerate() {
            let mut a = MandatesAssignment::new(AssignmentHeader::new(56789, u32::try_from(n).unwrap() + 10, account("12345678903")));
            for m in list { a.push(m).unwrap(); }
            t.push(a).unwrap();
        }
        let mut file = Vec::new();
        t.write(&mut file).unwrap();
        let read = Transmission::read(&file[..], &ReadOptions::new());
        prop_assert!(read.diagnostics.is_empty(), "{:#?}", read.diagnostics);
        prop_assert_eq!(read.transmission, t);
    }
}
