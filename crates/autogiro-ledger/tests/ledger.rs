//! Integration tests of autogiro-ledger: the calendar, the register, limits per period, and the
//! MPS simulator.
#![cfg(test)]

use std::fmt::Write as _;
use std::path::Path;

use autogiro_checksum::AccountNumber;
use autogiro_format::{ErrorCode, PeriodCode, RegistrationType};
use autogiro_ledger::{
    Decision, Ledger, LimitChange, Period, Refused, RegisterError, RejectReason, Scenario,
    add_business_days, business_days_between, easter_sunday, is_business_day, next_business_day,
};
use autogiro_model::{
    Amount, Assignment, AssignmentHeader, Claim, ClaimsAssignment, Mandate, MandateLimit,
    MandatesAssignment, PayerDetails, ReadOptions, Transmission, payer_reference,
};
use proptest::prelude::*;
use time::{Date, Duration, Month, Weekday, macros::date};

const AGREEMENT: u32 = 56789;

fn account(s: &str) -> AccountNumber {
    AccountNumber::parse(s).unwrap()
}

fn nok(n: u64) -> Amount {
    Amount::from_ore(n * 100).unwrap()
}

fn mandate(period: PeriodCode, limit: Amount) -> Mandate {
    Mandate::new(
        RegistrationType::New,
        payer_reference("12345").unwrap(),
        account("86011117947"),
        MandateLimit::standard(period, limit).unwrap(),
    )
}

fn claim(amount: Amount) -> Claim {
    Claim::new(
        date!(2026 - 01 - 01),
        payer_reference("12345").unwrap(),
        amount,
    )
}

/// A ledger with the monthly 1000 NOK mandate registered on Monday 2026-01-05.
fn ledger_with(period: PeriodCode, limit: Amount) -> Ledger {
    let mut ledger = Ledger::new();
    ledger
        .register_mut()
        .apply(AGREEMENT, &mandate(period, limit), date!(2026 - 01 - 05))
        .unwrap();
    ledger
}

#[test]
fn easter_by_the_computus() {
    for (year, easter) in [
        (2000, date!(2000 - 04 - 23)),
        (2019, date!(2019 - 04 - 21)),
        (2024, date!(2024 - 03 - 31)),
        (2025, date!(2025 - 04 - 20)),
        (2026, date!(2026 - 04 - 05)),
        (2027, date!(2027 - 03 - 28)),
        (2038, date!(2038 - 04 - 25)),
        (2100, date!(2100 - 03 - 28)),
    ] {
        assert_eq!(easter_sunday(year), Some(easter), "{year}");
    }
    for year in 2000..=2100 {
        let e = easter_sunday(year).unwrap();
        assert_eq!(e.weekday(), Weekday::Sunday, "{year}");
        assert!(e >= Date::from_calendar_date(year, Month::March, 22).unwrap());
        assert!(e <= Date::from_calendar_date(year, Month::April, 25).unwrap());
    }
}

#[test]
fn settlement_days_of_2026() {
    // Norges Bank's settlement holidays of 2026 that fall on weekdays.
    let holidays = [
        date!(2026 - 01 - 01),
        date!(2026 - 04 - 02),
        date!(2026 - 04 - 03),
        date!(2026 - 04 - 06),
        date!(2026 - 05 - 01),
        date!(2026 - 05 - 14),
        date!(2026 - 05 - 25),
        date!(2026 - 12 - 24),
        date!(2026 - 12 - 25),
    ];
    let mut d = date!(2026 - 01 - 01);
    let mut business = 0;
    while d.year() == 2026 {
        let weekend = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
        assert_eq!(
            is_business_day(d),
            !weekend && !holidays.contains(&d),
            "{d}"
        );
        business += i32::from(is_business_day(d));
        d = d.next_day().unwrap();
    }
    assert_eq!(business, 252);
    assert!(
        is_business_day(date!(2025 - 12 - 31)),
        "31 December on a weekday"
    );
    assert!(
        !is_business_day(date!(2027 - 05 - 17)),
        "17 May on a Monday"
    );
}

#[test]
fn rolling_and_counting_business_days() {
    // 17 May 2026 is a Sunday: a claim due then rolls to Monday 18 May.
    assert_eq!(
        next_business_day(date!(2026 - 05 - 17)),
        date!(2026 - 05 - 18)
    );
    // 17 May 2027 is a Monday holiday: to Tuesday.
    assert_eq!(
        next_business_day(date!(2027 - 05 - 17)),
        date!(2027 - 05 - 18)
    );
    // Easter 2026: Wednesday 1 April + 1 business day is Tuesday 7 April.
    assert_eq!(
        add_business_days(date!(2026 - 04 - 01), 1),
        date!(2026 - 04 - 07)
    );
    assert_eq!(
        add_business_days(date!(2026 - 01 - 09), 1),
        date!(2026 - 01 - 12)
    );
    assert_eq!(
        business_days_between(date!(2026 - 01 - 05), date!(2026 - 01 - 12)),
        5
    );
    assert_eq!(
        business_days_between(date!(2026 - 01 - 12), date!(2026 - 01 - 05)),
        -5
    );
    assert_eq!(
        business_days_between(date!(2026 - 03 - 27), date!(2026 - 04 - 10)),
        7
    );
}

#[test]
fn periods_are_calendar_windows() {
    let d = date!(2026 - 08 - 19);
    let window = |code| {
        let p = Period::containing(code, d).unwrap();
        (p.start, p.end)
    };
    assert_eq!(window(PeriodCode::Daily), (d, d));
    assert_eq!(
        window(PeriodCode::Weekly),
        (date!(2026 - 08 - 17), date!(2026 - 08 - 23))
    );
    assert_eq!(
        window(PeriodCode::Monthly),
        (date!(2026 - 08 - 01), date!(2026 - 08 - 31))
    );
    assert_eq!(
        window(PeriodCode::Quarterly),
        (date!(2026 - 07 - 01), date!(2026 - 09 - 30))
    );
    assert_eq!(
        window(PeriodCode::HalfYearly),
        (date!(2026 - 07 - 01), date!(2026 - 12 - 31))
    );
    assert_eq!(
        window(PeriodCode::Yearly),
        (date!(2026 - 01 - 01), date!(2026 - 12 - 31))
    );
    assert_eq!(Period::containing(PeriodCode::NoPeriod, d), None);
    let feb = Period::containing(PeriodCode::Monthly, date!(2028 - 02 - 10)).unwrap();
    assert_eq!(feb.end, date!(2028 - 02 - 29));
}

#[test]
fn a_claim_the_day_before_activation_is_rejected_on_the_day_settled() {
    // Registered Monday 5 January 2026: chargeable 5 business days later, Monday 12 January.
    let mut ledger = ledger_with(PeriodCode::Monthly, nok(1000));
    let m = ledger
        .register()
        .get(AGREEMENT, &payer_reference("12345").unwrap())
        .unwrap();
    assert_eq!(m.active_from(), date!(2026 - 01 - 12));
    assert_eq!(
        ledger.settle(AGREEMENT, &claim(nok(100)), date!(2026 - 01 - 09)),
        Decision::Reject(RejectReason::NotYetActive {
            active_from: date!(2026 - 01 - 12)
        })
    );
    assert_eq!(
        ledger.settle(AGREEMENT, &claim(nok(100)), date!(2026 - 01 - 12)),
        Decision::Settle
    );
    // Before 2024-09-01 it took 2 business days; a later valid-from wins.
    let mut old = Ledger::new();
    old.register_mut()
        .apply(
            AGREEMENT,
            &mandate(PeriodCode::Monthly, nok(1)),
            date!(2024 - 08 - 30),
        )
        .unwrap();
    let m = old
        .register()
        .get(AGREEMENT, &payer_reference("12345").unwrap())
        .unwrap();
    assert_eq!(m.active_from(), date!(2024 - 09 - 03));
    let mut later = Ledger::new();
    let valid = mandate(PeriodCode::Monthly, nok(1)).valid(Some(date!(2026 - 03 - 01)), None);
    later
        .register_mut()
        .apply(AGREEMENT, &valid, date!(2026 - 01 - 05))
        .unwrap();
    let m = later
        .register()
        .get(AGREEMENT, &payer_reference("12345").unwrap())
        .unwrap();
    assert_eq!(m.active_from(), date!(2026 - 03 - 01));
}

#[test]
fn monthly_limit_600_plus_400_then_one_ore_too_many_then_next_month() {
    let mut ledger = ledger_with(PeriodCode::Monthly, nok(1000));
    let day = date!(2026 - 02 - 10);
    assert_eq!(
        ledger.settle(AGREEMENT, &claim(nok(600)), day),
        Decision::Settle
    );
    assert_eq!(
        ledger.settle(AGREEMENT, &claim(nok(400)), day),
        Decision::Settle
    );
    let one_ore = claim(Amount::from_ore(1).unwrap());
    let rejected = ledger.settle(AGREEMENT, &one_ore, date!(2026 - 02 - 27));
    assert_eq!(
        rejected,
        Decision::Reject(RejectReason::LimitExceeded {
            limit: nok(1000),
            used: nok(1000),
            requested: Amount::from_ore(1).unwrap()
        })
    );
    let Decision::Reject(refusal) = rejected else {
        unreachable!()
    };
    assert_eq!(refusal.code(), ErrorCode::LimitExceeded);
    assert_eq!(
        ledger.settle(AGREEMENT, &one_ore, date!(2026 - 03 - 02)),
        Decision::Settle
    );
}

#[test]
fn weekly_limits_across_a_year_boundary() {
    // Monday 28 December 2026 to Sunday 3 January 2027 is one ISO week.
    let mut ledger = ledger_with(PeriodCode::Weekly, nok(500));
    assert_eq!(
        ledger.settle(AGREEMENT, &claim(nok(300)), date!(2026 - 12 - 29)),
        Decision::Settle
    );
    assert!(matches!(
        ledger.settle(AGREEMENT, &claim(nok(300)), date!(2026 - 12 - 31)),
        Decision::Reject(RejectReason::LimitExceeded { .. })
    ));
    assert_eq!(
        ledger.settle(AGREEMENT, &claim(nok(300)), date!(2027 - 01 - 04)),
        Decision::Settle
    );
}

#[test]
fn blocks_expiry_deletion_and_limit_changes() {
    let mut ledger = ledger_with(PeriodCode::Monthly, nok(1000));
    let reference = payer_reference("12345").unwrap();
    ledger
        .register_mut()
        .block(
            AGREEMENT,
            &reference,
            Some(date!(2026 - 03 - 01)),
            Some(date!(2026 - 03 - 15)),
        )
        .unwrap();
    let blocked = ledger.settle(AGREEMENT, &claim(nok(1)), date!(2026 - 03 - 10));
    assert!(
        matches!(blocked, Decision::Reject(r @ RejectReason::Blocked { .. }) if r.code() == ErrorCode::MandateBlocked)
    );
    assert_eq!(
        ledger.settle(AGREEMENT, &claim(nok(1)), date!(2026 - 03 - 16)),
        Decision::Settle
    );

    ledger
        .register_mut()
        .change_limit(
            AGREEMENT,
            &reference,
            LimitChange {
                from: date!(2026 - 04 - 01),
                period_code: PeriodCode::Monthly,
                amount_limit: nok(2000),
            },
        )
        .unwrap();
    assert!(matches!(
        ledger.evaluate(AGREEMENT, &claim(nok(1500)), date!(2026 - 03 - 20)),
        Decision::Reject(RejectReason::LimitExceeded { .. })
    ));
    assert_eq!(
        ledger.settle(AGREEMENT, &claim(nok(1500)), date!(2026 - 04 - 01)),
        Decision::Settle
    );

    let change = Mandate {
        registration_type: RegistrationType::Change,
        ..mandate(PeriodCode::Monthly, nok(1000)).valid(None, Some(date!(2026 - 06 - 30)))
    };
    ledger
        .register_mut()
        .apply(AGREEMENT, &change, date!(2026 - 05 - 01))
        .unwrap();
    assert_eq!(
        ledger.evaluate(AGREEMENT, &claim(nok(1)), date!(2026 - 07 - 01)),
        Decision::Reject(RejectReason::Expired {
            valid_to: date!(2026 - 06 - 30)
        })
    );

    let delete = Mandate {
        registration_type: RegistrationType::Delete,
        ..mandate(PeriodCode::Monthly, nok(1000))
    };
    ledger
        .register_mut()
        .apply(AGREEMENT, &delete, date!(2026 - 05 - 02))
        .unwrap();
    let after = ledger.evaluate(AGREEMENT, &claim(nok(1)), date!(2026 - 05 - 04));
    assert_eq!(after, Decision::Reject(RejectReason::NotFound));
    assert_eq!(RejectReason::NotFound.code(), ErrorCode::MandateNotFound);
}

#[test]
fn impossible_register_operations_name_the_mandate() {
    let mut ledger = ledger_with(PeriodCode::Monthly, nok(1000));
    let again = ledger.register_mut().apply(
        AGREEMENT,
        &mandate(PeriodCode::Monthly, nok(1)),
        date!(2026 - 01 - 06),
    );
    assert_eq!(
        again.unwrap_err().to_string(),
        "mandate 12345 of agreement 56789 is already registered"
    );
    let unknown = Mandate {
        registration_type: RegistrationType::Change,
        payer_reference: payer_reference("999").unwrap(),
        ..mandate(PeriodCode::Monthly, nok(1))
    };
    assert!(matches!(
        ledger
            .register_mut()
            .apply(AGREEMENT, &unknown, date!(2026 - 01 - 06)),
        Err(RegisterError::UnknownMandate {
            agreement_id: AGREEMENT,
            ..
        })
    ));
    let moved = Mandate {
        registration_type: RegistrationType::Change,
        ..mandate(PeriodCode::Monthly, nok(1)).valid(Some(date!(2026 - 02 - 01)), None)
    };
    assert!(matches!(
        ledger
            .register_mut()
            .apply(AGREEMENT, &moved, date!(2026 - 01 - 06)),
        Err(RegisterError::ValidFromChanged { .. })
    ));
    // The account can change only when a reference distinct from it is used.
    let by_account = Mandate {
        payer_reference: payer_reference("86011117947").unwrap(),
        ..mandate(PeriodCode::Monthly, nok(1))
    };
    ledger
        .register_mut()
        .apply(AGREEMENT, &by_account, date!(2026 - 01 - 06))
        .unwrap();
    let new_account = Mandate {
        registration_type: RegistrationType::Change,
        account: account("15032080119"),
        ..by_account.clone()
    };
    assert!(matches!(
        ledger
            .register_mut()
            .apply(AGREEMENT, &new_account, date!(2026 - 01 - 07)),
        Err(RegisterError::AccountChangeWithoutReference { .. })
    ));
}

/// [Decision 21](docs/spec-decisions.md#decision-21): a mandate file read on Saturday 21 March 2026 counts as read on Monday 23
/// March, so the mandate is chargeable 5 business days later, Monday 30 March (not Friday 27
/// March, which counting from the Saturday would give).
#[test]
fn a_file_read_on_a_saturday_counts_from_the_monday() {
    let saturday = date!(2026 - 03 - 21);
    assert_eq!(saturday.weekday(), Weekday::Saturday);
    assert_eq!(add_business_days(saturday, 5), date!(2026 - 03 - 30));
    let mut ledger = Ledger::new();
    let out = ledger.clear(&file_with(1, &[], true), saturday, &Scenario::new());
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    let m = ledger
        .register()
        .get(AGREEMENT, &payer_reference("12345").unwrap())
        .unwrap();
    assert_eq!(m.registered, date!(2026 - 03 - 23));
    assert_eq!(m.active_from(), date!(2026 - 03 - 30));
    assert!(matches!(
        ledger.settle(AGREEMENT, &claim(nok(1)), date!(2026 - 03 - 27)),
        Decision::Reject(RejectReason::NotYetActive { .. })
    ));
    assert_eq!(
        ledger.settle(AGREEMENT, &claim(nok(1)), date!(2026 - 03 - 30)),
        Decision::Settle
    );
}

/// [Decision 22](docs/spec-decisions.md#decision-22): within a transmission claims use the limit in the order of their processing
/// dates, not in file order; the response still lists them in file order.
#[test]
fn limits_are_charged_in_time_order_not_file_order() {
    let mut ledger = Ledger::new();
    ledger.clear(
        &file_with(1, &[], true),
        date!(2026 - 03 - 02),
        &Scenario::new(),
    );
    // 600 due 20 April listed above 600 due 10 April: the monthly 1000 fits one of them, and
    // it is the earlier one's.
    let claims = [
        (date!(2026 - 04 - 20), nok(600)),
        (date!(2026 - 04 - 10), nok(600)),
    ];
    let out = ledger.clear(
        &file_with(2, &claims, false),
        date!(2026 - 03 - 16),
        &Scenario::new(),
    );
    let response = out.response.unwrap();
    let [Assignment::Settled(settled), Assignment::Rejected(rejected)] = &response.assignments[..]
    else {
        panic!("{:#?}", response.assignments)
    };
    let settled: Vec<Date> = settled.claims.iter().map(|c| c.date).collect();
    assert_eq!(settled, [date!(2026 - 04 - 10)]);
    let rejected: Vec<(Date, ErrorCode)> = rejected
        .rejections
        .iter()
        .map(|r| (r.claim.date, r.code))
        .collect();
    assert_eq!(
        rejected,
        [(date!(2026 - 04 - 20), ErrorCode::LimitExceeded)]
    );
}

/// [Decision 22](docs/spec-decisions.md#decision-22) across assignments, and file order among equal processing dates: claims due on
/// a Saturday and on the Monday after share one processing date and keep file order.
#[test]
fn equal_processing_dates_keep_file_order_across_assignments() {
    let mut ledger = Ledger::new();
    ledger.clear(
        &file_with(1, &[], true),
        date!(2026 - 03 - 02),
        &Scenario::new(),
    );
    let mut t = file_with(2, &[(date!(2026 - 04 - 13), nok(700))], false);
    let mut second =
        ClaimsAssignment::new(AssignmentHeader::new(AGREEMENT, 99, account("12345678903")));
    second
        .push(
            Claim::new(
                date!(2026 - 04 - 11),
                payer_reference("12345").unwrap(),
                nok(700),
            )
            .with_short_name("Nordmann")
            .unwrap(),
        )
        .unwrap();
    t.push(second).unwrap();
    let response = ledger
        .clear(&t, date!(2026 - 03 - 16), &Scenario::new())
        .response
        .unwrap();
    // Saturday 11 April rolls to Monday 13 April: the same processing date as the first claim,
    // which comes first in the file and takes the limit.
    let kinds: Vec<&str> = response
        .assignments
        .iter()
        .map(|a| match a {
            Assignment::Settled(_) => "settled",
            Assignment::Rejected(_) => "rejected",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["settled", "rejected"]);
}

fn details() -> PayerDetails {
    PayerDetails {
        name: autogiro_format::Text::new("Nordmann AS").unwrap(),
        address1: autogiro_format::Text::BLANK,
        address2: autogiro_format::Text::BLANK,
        postal_code: autogiro_format::Text::new("0155").unwrap(),
        postal_code_extension: autogiro_format::Text::BLANK,
        postal_town: autogiro_format::Text::new("OSLO").unwrap(),
        country_code: autogiro_format::Text::BLANK,
        organisation: autogiro_model::Organisation::Norwegian(
            autogiro_checksum::OrganisationNumber::parse("923609016").unwrap(),
        ),
        signatory: autogiro_format::Text::new("Kari Nordmann").unwrap(),
        signatory_birth_date: date!(1980 - 02 - 01),
    }
}

fn file_with(number: u32, claims: &[(Date, Amount)], register: bool) -> Transmission {
    let mut t = Transmission::to_mps(12345, number);
    if register {
        let mut m = MandatesAssignment::new(AssignmentHeader::new(
            AGREEMENT,
            number * 10,
            account("12345678903"),
        ));
        m.push(mandate(PeriodCode::Monthly, nok(1000)).with_payer(details()))
            .unwrap();
        t.push(m).unwrap();
    }
    if !claims.is_empty() {
        let mut a = ClaimsAssignment::new(AssignmentHeader::new(
            AGREEMENT,
            number * 10 + 1,
            account("12345678903"),
        ));
        for (due, amount) in claims {
            a.push(
                Claim::new(*due, payer_reference("12345").unwrap(), *amount)
                    .with_short_name("Nordmann")
                    .unwrap(),
            )
            .unwrap();
        }
        t.push(a).unwrap();
    }
    t
}

#[path = "ledger/simulator.rs"]
mod simulator;
