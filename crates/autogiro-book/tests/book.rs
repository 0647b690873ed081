//! Integration tests of autogiro-book: imports, matching MPS's answers, numbers, listings,
//! checks, and the schema's version.
#![cfg(test)]

use std::io::Cursor;
use std::path::Path;

use autogiro_book::{
    Book, BookError, ClaimStatus, ListingChange, Made, MandateState, MatchedBy, Show,
};
use autogiro_checksum::AccountNumber;
use autogiro_format::{ErrorCode, PeriodCode, RegistrationType, Text};
use autogiro_ledger::{Ledger, Scenario};
use autogiro_model::{
    Amount, AssignmentHeader, Claim, ClaimsAssignment, Mandate, MandateLimit, MandatesAssignment,
    MpsMandate, Organisation, PayerDetails, ReadOptions, RejectedAssignment, RejectedClaim,
    SettledAssignment, Transmission, payer_reference,
};
use time::{Date, macros::date};

const AGREEMENT: u32 = 56789;

fn account(s: &str) -> AccountNumber {
    AccountNumber::parse(s).unwrap()
}

fn nok(n: u64) -> Amount {
    Amount::from_ore(n * 100).unwrap()
}

/// Where a test's book is: an SQLite file in a temporary folder, or a fresh database of a test
/// PostgreSQL server. Every scenario runs on both.
struct Place {
    location: String,
    _dir: Option<tempfile::TempDir>,
}

impl Place {
    fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let location = dir
            .path()
            .join("autogiro.db")
            .to_string_lossy()
            .into_owned();
        Self {
            location,
            _dir: Some(dir),
        }
    }

    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    fn postgres(server: &mut autogiro_testkit::Postgres) -> Self {
        Self {
            location: server.database(),
            _dir: None,
        }
    }

    fn init(&self) -> Book {
        Book::init_at(&self.location).unwrap()
    }

    fn open(&self) -> Book {
        Book::open_at(&self.location).unwrap()
    }
}

/// The scenarios, each run on SQLite by its own test and on PostgreSQL by
/// `the_scenarios_on_postgresql`.
/// A scenario on a book at a place.
type Case = fn(&Place);

const SCENARIOS: &[(&str, Case)] = &[
    (
        "numbers",
        the_same_file_twice_changes_nothing_and_numbers_are_used_once,
    ),
    ("answers", answers_are_matched_and_the_rest_is_outstanding),
    (
        "unmatched",
        answers_that_match_nothing_are_kept_until_they_do,
    ),
    (
        "listing",
        a_full_listing_replaces_the_mandates_and_reports_the_differences,
    ),
    (
        "mandates-in-parts",
        mandates_larger_than_a_part_are_registered_and_listed_whole,
    ),
    (
        "reserved",
        prepared_numbers_are_taken_once_given_back_when_nothing_is_made,
    ),
    ("sent", a_file_sent_before_is_found_by_content_or_number),
    ("large", files_larger_than_a_part_are_imported_whole),
    (
        "rounds",
        rounds::answers_are_matched_however_their_claims_are_found,
    ),
    (
        "retry-after-final",
        rounds::a_retry_said_after_the_final_answer_is_forgotten,
    ),
    (
        "own-references",
        own::own_references_shared_with_claims_waiting_are_noted,
    ),
    (
        "giro",
        giro::avtalegiro_claims_are_settled_cancelled_and_payments_kept,
    ),
    (
        "giro-order",
        giro::settlements_of_one_kid_take_their_claims_in_turn,
    ),
    (
        "giro-kept-pages",
        giro::settlements_kept_are_settled_a_page_at_a_time,
    ),
    (
        "giro-mandates",
        giro::avtalegiro_mandates_are_kept_as_listed_and_everything_copied,
    ),
];

#[test]
fn the_scenarios_on_sqlite() {
    for (name, scenario) in SCENARIOS {
        eprintln!("SQLite: {name}");
        scenario(&Place::sqlite());
    }
}

/// The same scenarios against a real PostgreSQL server, started for the test.
#[test]
#[cfg(feature = "postgres")]
#[ignore = "needs PostgreSQL: cargo test -- --include-ignored"]
fn the_scenarios_on_postgresql() {
    let mut server = autogiro_testkit::Postgres::for_test();
    for (name, scenario) in SCENARIOS {
        eprintln!("PostgreSQL: {name}");
        scenario(&Place::postgres(&mut server));
    }
}

fn bytes(t: &Transmission) -> Vec<u8> {
    let mut out = Vec::new();
    t.write(&mut out).unwrap();
    out
}

fn details() -> PayerDetails {
    PayerDetails {
        name: Text::new("Nordmann AS").unwrap(),
        address1: Text::BLANK,
        address2: Text::BLANK,
        postal_code: Text::new("0155").unwrap(),
        postal_code_extension: Text::BLANK,
        postal_town: Text::new("OSLO").unwrap(),
        country_code: Text::BLANK,
        organisation: Organisation::Norwegian(
            autogiro_checksum::OrganisationNumber::parse("923609016").unwrap(),
        ),
        signatory: Text::new("Kari Nordmann").unwrap(),
        signatory_birth_date: date!(1980 - 02 - 01),
    }
}

/// A file to MPS: a monthly 1000 NOK mandate for `12345` when `mandate`, and claims.
fn file(number: u32, assignment: u32, claims: &[(&str, Date, u64)], mandate: bool) -> Transmission {
    let mut t = Transmission::to_mps(12345, number);
    if mandate {
        let mut m = MandatesAssignment::new(AssignmentHeader::new(
            AGREEMENT,
            assignment + 100,
            account("12345678903"),
        ));
        let limit = MandateLimit::standard(PeriodCode::Monthly, nok(1000)).unwrap();
        m.push(
            Mandate::new(
                RegistrationType::New,
                payer_reference("12345").unwrap(),
                account("86011117947"),
                limit,
            )
            .with_payer(details()),
        )
        .unwrap();
        t.push(m).unwrap();
    }
    if !claims.is_empty() {
        let mut a = ClaimsAssignment::new(AssignmentHeader::new(
            AGREEMENT,
            assignment,
            account("12345678903"),
        ));
        for (payer, due, kroner) in claims {
            a.push(
                Claim::new(*due, payer_reference(payer).unwrap(), nok(*kroner))
                    .with_short_name("Nordmann")
                    .unwrap(),
            )
            .unwrap();
        }
        t.push(a).unwrap();
    }
    t
}

fn import(book: &mut Book, name: &str, t: &Transmission, on: Date) -> autogiro_book::Imported {
    book.import(name, Cursor::new(bytes(t)), on, &ReadOptions::new())
        .unwrap()
}

fn the_same_file_twice_changes_nothing_and_numbers_are_used_once(place: &Place) {
    let mut book = place.init();
    let sent = file(1, 1, &[("12345", date!(2026 - 01 - 20), 100)], false);
    let first = import(&mut book, "a.txt", &sent, date!(2026 - 01 - 12));
    assert_eq!((first.already, first.claims), (false, 1));
    let again = import(&mut book, "copy-of-a.txt", &sent, date!(2026 - 01 - 12));
    assert!(again.already);
    assert_eq!(
        book.status(date!(2026 - 01 - 12), Show::Counts, None)
            .unwrap()
            .count(ClaimStatus::Sent),
        1
    );

    // Another file with transmission number 1: refused, naming the file that has it.
    let other = file(1, 2, &[("12345", date!(2026 - 01 - 21), 100)], false);
    let err = book
        .import(
            "b.txt",
            Cursor::new(bytes(&other)),
            date!(2026 - 01 - 13),
            &ReadOptions::new(),
        )
        .unwrap_err();
    assert!(
        matches!(err, BookError::TransmissionNumberUsed { number: 1, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("a.txt"), "{err}");

    // Assignment number 1 again within 12 months + 1 day: refused with the day it is free.
    let reused = file(2, 1, &[("12345", date!(2026 - 01 - 21), 100)], false);
    let err = book
        .import(
            "c.txt",
            Cursor::new(bytes(&reused)),
            date!(2026 - 06 - 01),
            &ReadOptions::new(),
        )
        .unwrap_err();
    let BookError::AssignmentNumberTaken { free, .. } = err else {
        panic!("{err}")
    };
    assert_eq!(free, date!(2027 - 01 - 14));
    assert_eq!(
        book.status(date!(2026 - 01 - 12), Show::Counts, None)
            .unwrap()
            .count(ClaimStatus::Sent),
        1
    );

    // A file with errors is refused whole.
    let mut broken = bytes(&reused);
    broken.truncate(broken.len() - 82);
    let err = book
        .import(
            "d.txt",
            Cursor::new(&broken),
            date!(2026 - 01 - 12),
            &ReadOptions::new(),
        )
        .unwrap_err();
    assert!(matches!(err, BookError::Invalid { .. }), "{err}");
}

/// What the simulator answers is matched to the claims sent; status shows settled, rejected
/// with reasons, and outstanding claims.
fn answers_are_matched_and_the_rest_is_outstanding(place: &Place) {
    let mut book = place.init();
    let mut mps = Ledger::new();
    let registration = file(1, 1, &[], true);
    import(
        &mut book,
        "mandates.txt",
        &registration,
        date!(2026 - 03 - 02),
    );
    let confirmation = mps
        .clear(&registration, date!(2026 - 03 - 02), &Scenario::new())
        .response
        .unwrap();
    let imported = import(
        &mut book,
        "confirmation.txt",
        &confirmation,
        date!(2026 - 03 - 02),
    );
    assert_eq!(imported.mandates, 1);
    // Confirmed on 2 March, chargeable from 9 March: pending until then.
    let mandates = book.mandates(date!(2026 - 03 - 06)).unwrap();
    assert_eq!(mandates[0].state, MandateState::Pending);
    assert_eq!(mandates[0].active_from, date!(2026 - 03 - 09));
    assert_eq!(
        (mandates[0].period, mandates[0].limit),
        ("monthly", Some(nok(1000)))
    );
    let mandates = book.mandates(date!(2026 - 03 - 09)).unwrap();
    assert_eq!(mandates[0].state, MandateState::Active);

    let claims = file(
        2,
        2,
        &[
            ("12345", date!(2026 - 04 - 20), 600),
            ("12345", date!(2026 - 04 - 10), 600),
            ("99999", date!(2026 - 04 - 15), 10),
        ],
        false,
    );
    // Before sending: the book says what MPS will reject (181 for the later claim, [decision 22](docs/spec-decisions.md#decision-22);
    // 131 for the payer without a mandate).
    let findings = book.check(&claims, date!(2026 - 03 - 16)).unwrap();
    let codes: Vec<(Option<u32>, Option<u16>)> = findings
        .iter()
        .map(|f| (f.transaction_number, f.code))
        .collect();
    assert_eq!(codes, [(Some(1), Some(181)), (Some(3), Some(131))]);

    import(&mut book, "claims.txt", &claims, date!(2026 - 03 - 16));
    let answer = mps
        .clear(&claims, date!(2026 - 03 - 16), &Scenario::new())
        .response
        .unwrap();
    let imported = import(&mut book, "answer.txt", &answer, date!(2026 - 03 - 16));
    assert_eq!((imported.answered, imported.unmatched.len()), (3, 0));

    // A third file sent and never answered: outstanding after its processing date + 3
    // business days.
    let late = file(3, 3, &[("12345", date!(2026 - 05 - 04), 100)], false);
    import(&mut book, "late.txt", &late, date!(2026 - 04 - 27));
    let status = book.status(date!(2026 - 05 - 07), Show::All, None).unwrap();
    assert_eq!(status.count(ClaimStatus::Settled), 1);
    assert_eq!(status.count(ClaimStatus::Rejected), 2);
    assert_eq!(status.outstanding.0, 0, "due 4 May: answer due by 7 May");
    let status = book
        .status(date!(2026 - 05 - 08), Show::Outstanding, None)
        .unwrap();
    assert_eq!(status.outstanding, (1, nok(100)));
    assert_eq!(status.claims[0].status, ClaimStatus::Sent);
    assert!(status.claims[0].outstanding);
    let rejected = book
        .status(date!(2026 - 05 - 08), Show::Rejected, None)
        .unwrap();
    let reasons: Vec<(u32, Option<String>)> = rejected
        .claims
        .iter()
        .map(|c| (c.transaction_number, c.reason.clone()))
        .collect();
    assert_eq!(
        reasons,
        [
            (
                1,
                Some("mandate amount limit for the period exceeded".to_owned())
            ),
            (3, Some("mandate not found".to_owned()))
        ]
    );
    // The same answer again: nothing counted twice.
    assert!(
        import(
            &mut book,
            "answer-again.txt",
            &answer,
            date!(2026 - 03 - 16)
        )
        .already
    );
}

/// Answers are kept until they find their claim: twin claims are answered in the order sent;
/// an answer that fits no claim is kept, found by the claims file imported after it, and
/// one a person recognises is attributed by hand.
#[allow(clippy::too_many_lines)] // One story of kept answers, told in order.
fn answers_that_match_nothing_are_kept_until_they_do(place: &Place) {
    let mut book = place.init();
    book.expect_customer_unit(12345);
    let twins = file(
        1,
        1,
        &[
            ("12345", date!(2026 - 04 - 10), 100),
            ("12345", date!(2026 - 04 - 10), 100),
        ],
        false,
    );
    import(&mut book, "twins.txt", &twins, date!(2026 - 03 - 16));
    let header = AssignmentHeader::new(AGREEMENT, 9, account("12345678903"));
    let mut settled = SettledAssignment::new(header, date!(2026 - 04 - 10));
    settled.push(Claim::new(
        date!(2026 - 04 - 10),
        payer_reference("12345").unwrap(),
        nok(100),
    ));
    let mut rejected = RejectedAssignment::new(
        AssignmentHeader {
            assignment_number: 10,
            ..header
        },
        date!(2026 - 04 - 10),
    );
    for (payer, kroner) in [("55555", 7), ("66666", 8)] {
        rejected.push(RejectedClaim {
            claim: Claim::new(
                date!(2026 - 04 - 10),
                payer_reference(payer).unwrap(),
                nok(kroner),
            ),
            code: ErrorCode::AccountNotFound,
        });
    }
    let mut answer = Transmission::from_mps(12345, 77, date!(2026 - 04 - 10));
    answer.push(settled).unwrap();
    answer.push(rejected).unwrap();
    let imported = import(&mut book, "answer.txt", &answer, date!(2026 - 04 - 10));
    assert_eq!(imported.answered, 1);
    let found: Vec<(String, usize)> = imported
        .unmatched
        .iter()
        .map(|u| (u.payer.clone(), u.candidates))
        .collect();
    assert_eq!(found, [("55555".to_owned(), 0), ("66666".to_owned(), 0)]);
    let status = book.status(date!(2026 - 04 - 10), Show::All, None).unwrap();
    assert_eq!(
        (
            status.count(ClaimStatus::Sent),
            status.count(ClaimStatus::Settled)
        ),
        (1, 1)
    );
    assert_eq!(status.unmatched, (2, nok(15)));
    // The first sent of the twins took the answer.
    assert_eq!(status.claims[0].status, ClaimStatus::Settled);
    assert_eq!(status.claims[0].matched_by, Some(MatchedBy::Exact));

    // The same answer again, under another name: nothing changes.
    assert!(import(&mut book, "again.txt", &answer, date!(2026 - 04 - 10)).already);
    assert_eq!(book.unmatched().unwrap().len(), 2);

    // The claims file of 55555, imported after its answer: the kept answer finds it.
    let late = file(2, 2, &[("55555", date!(2026 - 04 - 10), 7)], false);
    let imported = import(&mut book, "late.txt", &late, date!(2026 - 03 - 20));
    assert_eq!(imported.rematched, 1);
    let kept = book.unmatched().unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].payer.as_str(), kept[0].file.as_str()),
        ("66666", "answer.txt")
    );

    // 66666 was billed under another payer reference by mistake: a person attributes it.
    let wrong = file(3, 3, &[("66667", date!(2026 - 04 - 10), 8)], false);
    import(&mut book, "wrong.txt", &wrong, date!(2026 - 03 - 20));
    let status = book.status(date!(2026 - 04 - 10), Show::All, None).unwrap();
    let claim = status
        .claims
        .iter()
        .find(|c| c.payer == "66667")
        .unwrap()
        .id;
    let twin = status.claims[0].id;
    let err = book.resolve(kept[0].id, twin).unwrap_err();
    assert!(err.to_string().contains("100.00 NOK"), "{err}");
    let resolved = book.resolve(kept[0].id, claim).unwrap();
    assert_eq!(
        (resolved.status, resolved.error_code, resolved.matched_by),
        (ClaimStatus::Rejected, Some(222), Some(MatchedBy::Hand))
    );
    assert!(book.unmatched().unwrap().is_empty());
    assert!(matches!(
        book.resolve(kept[0].id, claim).unwrap_err(),
        BookError::NoSuchAnswer(_)
    ));
    let status = book
        .status(date!(2026 - 04 - 10), Show::Counts, None)
        .unwrap();
    assert_eq!(
        (status.count(ClaimStatus::Rejected), status.unmatched.0),
        (2, 0)
    );

    // A file of another customer unit is refused and changes nothing.
    let mut other = answer.clone();
    (other.recipient, other.transmission_number) = (99999, 78);
    let err = book
        .import(
            "other.txt",
            Cursor::new(bytes(&other)),
            date!(2026 - 04 - 11),
            &ReadOptions::new(),
        )
        .unwrap_err();
    assert!(
        matches!(
            err,
            BookError::OtherCustomerUnit {
                found: 99999,
                expected: 12345,
                ..
            }
        ),
        "{err}"
    );
}

/// A full listing replaces the agreement's mandates and says what changed.
fn a_full_listing_replaces_the_mandates_and_reports_the_differences(place: &Place) {
    let mut book = place.init();
    let registration = file(1, 1, &[], true);
    import(
        &mut book,
        "mandates.txt",
        &registration,
        date!(2026 - 03 - 02),
    );
    let mut listing = MandatesAssignment::new(AssignmentHeader::new(
        AGREEMENT,
        500,
        account("12345678903"),
    ));
    listing
        .push(listed(
            "23456",
            "15032080119",
            MandateLimit::Simplified,
            date!(2025 - 06 - 02),
        ))
        .unwrap();
    let mut t = Transmission::from_mps(12345, 80, date!(2026 - 03 - 20));
    t.push(listing).unwrap();
    let imported = import(&mut book, "listing.txt", &t, date!(2026 - 03 - 20));
    assert_eq!(
        imported.listing,
        // Those listed as they are read, then those no longer listed.
        [
            ListingChange::Added {
                agreement_id: AGREEMENT,
                reference: "23456".to_owned()
            },
            ListingChange::Removed {
                agreement_id: AGREEMENT,
                reference: "12345".to_owned()
            }
        ]
    );
    // The mandate MPS no longer lists is kept, deleted.
    let states: Vec<(String, MandateState)> = book
        .mandates(date!(2026 - 06 - 01))
        .unwrap()
        .into_iter()
        .map(|m| (m.reference, m.state))
        .collect();
    assert_eq!(
        states,
        [
            ("12345".to_owned(), MandateState::Deleted),
            ("23456".to_owned(), MandateState::Active)
        ]
    );
}

/// A mandate of a full listing from MPS (registration type 0, post 5), registered on
/// `registered`.
fn listed(reference: &str, to: &str, limit: MandateLimit, registered: Date) -> Mandate {
    let mut m = Mandate::new(
        RegistrationType::Listing,
        payer_reference(reference).unwrap(),
        account(to),
        limit,
    );
    m.mps = Some(MpsMandate {
        registration_date: Some(registered),
        listing: Some(autogiro_model::ListingPost {
            charged_in_period: None,
            last_charged: None,
        }),
        ..MpsMandate::empty()
    });
    m
}

/// Assignments of mandates larger than a part (4 096): one sent, whose last mandate changes
/// one its first part registered, and MPS's full listing of all of them but the last, one
/// with another account and one the book never had; then a listing of that one alone. Each
/// part looks up the mandates it names alone; a listing's end finds the mandates no part
/// listed, and the import says the first hundred changes and counts them all.
fn mandates_larger_than_a_part_are_registered_and_listed_whole(place: &Place) {
    const N: usize = 5_000;
    let mut book = place.init();
    let references: Vec<String> = (0..N).map(|i| (200_000 + i).to_string()).collect();
    let limit = |kroner| MandateLimit::standard(PeriodCode::Monthly, nok(kroner)).unwrap();
    let header = |number| AssignmentHeader::new(AGREEMENT, number, account("12345678903"));
    let mut sent = MandatesAssignment::new(header(101));
    for r in &references {
        let m = Mandate::new(
            RegistrationType::New,
            payer_reference(r).unwrap(),
            account("86011117947"),
            limit(1000),
        );
        sent.push(m.with_payer(details())).unwrap();
    }
    let change = Mandate::new(
        RegistrationType::Change,
        payer_reference(&references[0]).unwrap(),
        account("86011117947"),
        limit(2000),
    );
    sent.push(change.with_payer(details())).unwrap();
    let mut t = Transmission::to_mps(12345, 1);
    t.push(sent).unwrap();
    let imported = import(&mut book, "mandates.txt", &t, date!(2026 - 03 - 02));
    assert_eq!(
        (imported.mandates, imported.notes.len()),
        (N + 1, 0),
        "{:?}",
        imported.notes
    );

    let mut listing = MandatesAssignment::new(header(500));
    let all_but_last = references[..N - 1].iter().map(String::as_str);
    for (i, r) in all_but_last.chain(["300000"]).enumerate() {
        let (to, kroner) = match i {
            0 => ("86011117947", 2000),
            99 => ("15032080119", 1000),
            _ => ("86011117947", 1000),
        };
        listing
            .push(listed(r, to, limit(kroner), date!(2026 - 03 - 03)))
            .unwrap();
    }
    let mut t = Transmission::from_mps(12345, 80, date!(2026 - 03 - 20));
    t.push(listing).unwrap();
    let imported = import(&mut book, "listing.txt", &t, date!(2026 - 03 - 20));
    let reference = |r: &str| r.to_owned();
    let (agreement_id, last) = (AGREEMENT, &references[N - 1]);
    assert_eq!(
        imported.listing,
        [
            ListingChange::Changed {
                agreement_id,
                reference: reference(&references[99])
            },
            ListingChange::Added {
                agreement_id,
                reference: reference("300000")
            },
            ListingChange::Removed {
                agreement_id,
                reference: reference(last)
            },
        ]
    );
    let mandates = book.mandates(date!(2026 - 04 - 01)).unwrap();
    let deleted: Vec<&str> = mandates
        .iter()
        .filter(|m| m.state == MandateState::Deleted)
        .map(|m| m.reference.as_str())
        .collect();
    assert_eq!(deleted, [last.as_str()]);
    let active = mandates
        .iter()
        .filter(|m| m.state == MandateState::Active)
        .count();
    assert_eq!((mandates.len(), active), (N + 1, N));

    // A listing of the new one alone: the others removed, the first hundred of them said.
    let mut alone = MandatesAssignment::new(header(501));
    alone
        .push(listed(
            "300000",
            "86011117947",
            limit(1000),
            date!(2026 - 03 - 03),
        ))
        .unwrap();
    let mut t = Transmission::from_mps(12345, 81, date!(2026 - 04 - 20));
    t.push(alone).unwrap();
    let imported = import(&mut book, "listing-2.txt", &t, date!(2026 - 04 - 20));
    assert_eq!(
        (imported.listing.len(), imported.listing_total),
        (100, N - 1)
    );
    assert_eq!(
        imported.listing[0],
        ListingChange::Removed {
            agreement_id,
            reference: reference(&references[0])
        }
    );
}

/// Numbers taken for a file being prepared are never handed out twice, a file not made gives
/// them back, and the file made with them imports as its own.
fn prepared_numbers_are_taken_once_given_back_when_nothing_is_made(place: &Place) {
    let mut book = place.init();
    let today = date!(2026 - 03 - 02);
    // Two assignment numbers taken, then the maker fails: nothing stays taken.
    let failed: Result<(), BookError> = book.prepare(12345, today, |p| {
        assert_eq!(p.transmission(), 1);
        assert_eq!(p.assignment(AGREEMENT)?, 1);
        assert_eq!(p.assignment(AGREEMENT)?, 2);
        Err(BookError::Storage("the disk is full".to_owned()))
    });
    assert!(failed.is_err());
    // Nothing made (the rows had problems): given back too.
    let nothing: Result<u32, BookError> = book.prepare(12345, today, |p| {
        p.assignment(AGREEMENT)?;
        Ok(Made::Nothing(p.transmission()))
    });
    assert_eq!(nothing.unwrap(), 1);
    let (made, assignment) = book
        .prepare(12345, today, |p| {
            let a = p.assignment(AGREEMENT)?;
            let made = file(
                p.transmission(),
                a,
                &[("12345", date!(2026 - 03 - 20), 100)],
                false,
            );
            Ok::<_, BookError>(Made::File {
                sha256: Book::sha256(&bytes(&made)),
                value: (made, a),
                name: "made.txt".to_owned(),
            })
        })
        .unwrap();
    assert_eq!(
        (made.transmission_number, assignment),
        (1, 1),
        "the numbers given back"
    );
    // The next file, by another process, takes the next numbers.
    let mut other = place.open();
    let next = other
        .prepare(12345, today, |p| {
            Ok::<_, BookError>(Made::Nothing((p.transmission(), p.assignment(AGREEMENT)?)))
        })
        .unwrap();
    assert_eq!(next, (2, 2));
    let imported = import(&mut book, "made.txt", &made, today);
    assert_eq!((imported.already, imported.claims), (false, 1));
}

fn a_file_sent_before_is_found_by_content_or_number(place: &Place) {
    let mut book = place.init();
    let sent = file(7, 1, &[("12345", date!(2026 - 01 - 20), 100)], false);
    let (sender, number) = (sent.sender, sent.transmission_number);
    assert_eq!(
        book.sent_before(&Book::sha256(&bytes(&sent)), sender, number)
            .unwrap(),
        None
    );
    // Numbers taken for a file being made are not a file sent.
    let taken = book
        .prepare(sender, date!(2026 - 01 - 12), |p| {
            Ok::<_, BookError>(Made::File {
                value: p.transmission(),
                name: "made.txt".to_owned(),
                sha256: Book::sha256(b"made"),
            })
        })
        .unwrap();
    assert_eq!(
        book.sent_before(&Book::sha256(b"other"), sender, taken)
            .unwrap(),
        None
    );
    import(&mut book, "a.txt", &sent, date!(2026 - 01 - 12));
    assert_eq!(
        book.sent_before(&Book::sha256(&bytes(&sent)), sender, number)
            .unwrap()
            .as_deref(),
        Some("a.txt")
    );
    let renumbered = file(8, 2, &[("12345", date!(2026 - 01 - 21), 100)], false);
    assert_eq!(
        book.sent_before(&Book::sha256(&bytes(&renumbered)), sender, number)
            .unwrap()
            .as_deref(),
        Some("a.txt"),
        "the same transmission number"
    );
    assert_eq!(
        book.sent_before(&Book::sha256(&bytes(&renumbered)), sender, 8)
            .unwrap(),
        None
    );
}

/// Claims to 10 000 payers, more than one part of an import, one batch of what matching decided
/// and one fetch of PostgreSQL's rows: answered before they were sent (the answers kept, then
/// matched by the import of the claims) and after, with a payer answered twice among them.
fn files_larger_than_a_part_are_imported_whole(place: &Place) {
    const N: u64 = 10_000;
    let due = date!(2026 - 04 - 10);
    let payers: Vec<String> = (0..N).map(|i| (100_000 + i).to_string()).collect();
    let claims: Vec<(&str, Date, u64)> = payers
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), due, 100 + i as u64 % 7))
        .collect();
    let header = AssignmentHeader::new(AGREEMENT, 9, account("12345678903"));
    let answers = |number: u32, of: &[(&str, Date, u64)]| {
        let mut settled = SettledAssignment::new(header, due);
        for (payer, day, kroner) in of {
            settled.push(Claim::new(
                *day,
                payer_reference(payer).unwrap(),
                nok(*kroner),
            ));
        }
        let mut answer = Transmission::from_mps(12345, number, due);
        answer.push(settled).unwrap();
        answer
    };
    let mut book = place.init();
    // The first half answered before it is sent: kept, every one.
    let early = answers(1, &claims[..5000]);
    let imported = import(&mut book, "early.txt", &early, due);
    assert_eq!((imported.answered, imported.unmatched_total), (0, 5000));
    assert_eq!(imported.unmatched.len(), 100, "the first hundred listed");
    let sent = file(1, 1, &claims, false);
    let imported = import(&mut book, "sent.txt", &sent, date!(2026 - 03 - 16));
    assert_eq!((imported.claims, imported.rematched), (10_000, 5000));
    // The second half, and the first payer's claim once more: one answer too many.
    let mut late: Vec<(&str, Date, u64)> = claims[5000..].to_vec();
    late.push(claims[0]);
    let imported = import(&mut book, "late.txt", &answers(2, &late), due);
    assert_eq!((imported.answered, imported.unmatched_total), (5000, 1));
    let status = book.status(due, Show::Counts, None).unwrap();
    assert_eq!(
        (
            status.count(ClaimStatus::Sent),
            status.count(ClaimStatus::Settled)
        ),
        (0, 10_000)
    );
    let sum: u64 = claims.iter().map(|c| c.2).sum();
    let settled = status.counts.iter().find(|c| c.0 == ClaimStatus::Settled);
    assert_eq!(settled.map(|c| c.2), Some(nok(sum)));
    assert_eq!(status.unmatched, (1, nok(claims[0].2)));
}

#[path = "book/books.rs"]
mod books;

#[path = "book/giro.rs"]
mod giro;

#[path = "book/own.rs"]
mod own;

#[path = "book/rounds.rs"]
mod rounds;
