//! AvtaleGiro and OCR giro in the book: claims sent, settled by OCR giro's type 15 (before or
//! after the claims come), cancelled by request (decision A5), payments of every other type
//! recorded with their KIDs, mandates as MPS lists them (decision A9), and all of it copied.

use super::*;
use autogiro_book::{GiroClaimStatus, Payment};
use autogiro_checksum::Modulus;
use autogiro_format::{AvtaleGiroRegistration, AvtaleGiroType, OcrType, WrittenNotice};
use autogiro_model::{
    AvtaleGiroCancellations, AvtaleGiroClaim, AvtaleGiroClaims, AvtaleGiroMandate,
    AvtaleGiroMandates, AvtaleGiroNames, OcrAssignment,
};

const PAYEE: &str = "12345678903";

fn kid(s: &str) -> autogiro_checksum::Kid {
    autogiro_checksum::Kid::parse(s).unwrap()
}

/// AvtaleGiro claims or cancellation requests (`kid`, øre, due date) of the payee's account.
fn avtalegiro(number: u32, cancel: bool, claims: &[(&str, u64, Date)]) -> Transmission {
    let mut t = Transmission::to_mps(12345, number);
    let header = AssignmentHeader::new(0, number, account(PAYEE));
    let items: Vec<AvtaleGiroClaim> = claims
        .iter()
        .zip(1..)
        .map(|((k, ore, due), n)| AvtaleGiroClaim {
            transaction_number: n,
            transaction_type: if cancel {
                AvtaleGiroType::Cancellation
            } else {
                AvtaleGiroType::WithoutNotice
            },
            due_date: *due,
            amount: Amount::from_ore(*ore).unwrap(),
            kid: Some(kid(k)),
            names: (!cancel).then(|| AvtaleGiroNames {
                short_name: Text::new("Hansen").unwrap(),
                foreign_reference: Text::new("Strøm").unwrap(),
            }),
            specification: Vec::new(),
        })
        .collect();
    if cancel {
        t.push(AvtaleGiroCancellations {
            header,
            cancellations: items,
        })
        .unwrap();
    } else {
        t.push(AvtaleGiroClaims {
            header,
            claims: items,
        })
        .unwrap();
    }
    t
}

/// An OCR giro file from MPS of the payee's account: (type, `kid`, øre, Nets date, credit).
fn ocr(number: u32, payments: &[(OcrType, &str, u64, Date, bool)]) -> Transmission {
    let generated = payments.iter().map(|p| p.3).max().unwrap();
    let mut t = Transmission::from_mps(12345, number, generated);
    let payments = payments
        .iter()
        .zip(1..)
        .map(|((ty, k, ore, day, credit), n)| {
            let mut p =
                autogiro_testkit::transmissions::ocr_payment(*ty, *day, *ore, k, n).unwrap();
            p.transaction_number = n;
            p.credit = *credit;
            p
        })
        .collect();
    t.push(OcrAssignment {
        header: AssignmentHeader::new(67890, number, account(PAYEE)),
        generated,
        payments,
    })
    .unwrap();
    t
}

/// AvtaleGiro mandates from MPS of the payee's account: (`kid`, registration, notice).
fn listing(
    number: u32,
    mandates: &[(&str, AvtaleGiroRegistration, WrittenNotice)],
) -> Transmission {
    let mut t = Transmission::from_mps(12345, number, date!(2026 - 02 - 01));
    t.push(AvtaleGiroMandates {
        header: AssignmentHeader::new(0, number, account(PAYEE)),
        mandates: mandates
            .iter()
            .zip(1..)
            .map(
                |((k, registration_type, written_notice), serial_number)| AvtaleGiroMandate {
                    serial_number,
                    registration_type: *registration_type,
                    kid: Some(kid(k)),
                    written_notice: *written_notice,
                },
            )
            .collect(),
    })
    .unwrap();
    t
}

fn count(status: &autogiro_book::Status, s: GiroClaimStatus) -> (u64, Amount) {
    status
        .giro
        .claims
        .iter()
        .find(|(x, _, _)| *x == s)
        .map_or((0, Amount::ZERO), |(_, n, sum)| (*n, *sum))
}

fn ore(n: u64) -> Amount {
    Amount::from_ore(n).unwrap()
}

pub(super) fn avtalegiro_claims_are_settled_cancelled_and_payments_kept(place: &Place) {
    let mut book = place.init();
    let on = date!(2026 - 02 - 01);
    // A settlement that comes before the claim it settles is kept.
    let early = ocr(
        1,
        &[(
            OcrType::AvtaleGiro,
            "987654324",
            34_950,
            date!(2026 - 02 - 20),
            false,
        )],
    );
    let imported = import(&mut book, "ocr-1.txt", &early, date!(2026 - 02 - 20));
    assert_eq!(
        (imported.payments, imported.settled, imported.unsettling),
        (1, 0, 1)
    );

    let claims = avtalegiro(
        1,
        false,
        &[
            ("123456782", 49_900, date!(2026 - 02 - 16)),
            ("1234567806", 19_900, date!(2026 - 02 - 16)),
            ("987654324", 34_950, date!(2026 - 02 - 20)),
            ("123456782", 49_900, date!(2026 - 03 - 16)),
        ],
    );
    let imported = import(&mut book, "avtalegiro-1.txt", &claims, on);
    assert_eq!(
        (imported.giro_claims, imported.settled),
        (4, 1),
        "{imported:?}"
    );
    assert!(import(&mut book, "again.txt", &claims, on).already);

    // The second claim cancelled; a request naming no claim, and one naming a settled claim,
    // are said.
    let cancel = avtalegiro(
        2,
        true,
        &[
            ("1234567806", 19_900, date!(2026 - 02 - 16)),
            ("1234567806", 19_901, date!(2026 - 02 - 16)),
            ("987654324", 34_950, date!(2026 - 02 - 20)),
        ],
    );
    let imported = import(&mut book, "cancel-2.txt", &cancel, on);
    assert_eq!(imported.cancelled, 1);
    assert_eq!(imported.notes.len(), 2, "{:?}", imported.notes);
    assert!(
        imported.notes[0]
            .to_string()
            .contains("names no AvtaleGiro claim"),
        "{:?}",
        imported.notes
    );
    assert!(
        imported.notes[1].to_string().contains("settled already"),
        "{:?}",
        imported.notes
    );

    // February's settlement settles February's claim, not March's of the same KID and
    // amount; a giro payment and a credit are kept with their KIDs; a settlement of an
    // unknown KID is kept.
    let answers = ocr(
        2,
        &[
            (
                OcrType::AvtaleGiro,
                "123456782",
                49_900,
                date!(2026 - 02 - 16),
                false,
            ),
            (
                OcrType::GiroDebited,
                "55512346",
                10_000,
                date!(2026 - 02 - 17),
                false,
            ),
            (
                OcrType::GiroDebited,
                "55512346",
                2_500,
                date!(2026 - 02 - 18),
                true,
            ),
            (
                OcrType::AvtaleGiro,
                "1234567814",
                5_000,
                date!(2026 - 02 - 18),
                false,
            ),
        ],
    );
    let imported = import(&mut book, "ocr-2.txt", &answers, date!(2026 - 02 - 18));
    assert_eq!(
        (imported.payments, imported.settled, imported.unsettling),
        (4, 1, 1)
    );

    what_the_book_says(&mut book);
}

pub(super) fn avtalegiro_mandates_are_kept_as_listed_and_everything_copied(place: &Place) {
    let mut book = place.init();
    let on = date!(2026 - 02 - 01);
    let claims = avtalegiro(1, false, &[("123456782", 49_900, date!(2026 - 02 - 16))]);
    import(&mut book, "avtalegiro-1.txt", &claims, on);
    let answers = ocr(
        2,
        &[
            (
                OcrType::AvtaleGiro,
                "123456782",
                49_900,
                date!(2026 - 02 - 16),
                false,
            ),
            (
                OcrType::GiroDebited,
                "55512346",
                2_500,
                date!(2026 - 02 - 18),
                true,
            ),
        ],
    );
    import(&mut book, "ocr-2.txt", &answers, on);
    // A full listing, then another that leaves one out: deleted.
    let imported = import(
        &mut book,
        "mandates-3.txt",
        &listing(
            3,
            &[
                (
                    "123456782",
                    AvtaleGiroRegistration::Listing,
                    WrittenNotice::Yes,
                ),
                (
                    "987654324",
                    AvtaleGiroRegistration::Listing,
                    WrittenNotice::No,
                ),
            ],
        ),
        on,
    );
    assert_eq!(imported.giro_mandates, 2);
    let imported = import(
        &mut book,
        "mandates-4.txt",
        &listing(
            4,
            &[(
                "123456782",
                AvtaleGiroRegistration::Listing,
                WrittenNotice::No,
            )],
        ),
        on,
    );
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.to_string().contains("1 AvtaleGiro mandate(s)")),
        "{:?}",
        imported.notes
    );
    let status = book.status(on, Show::Counts, None).unwrap();
    assert_eq!(status.giro.mandates, 1);
    import(
        &mut book,
        "mandates-5.txt",
        &listing(
            5,
            &[(
                "1234567806",
                AvtaleGiroRegistration::NewOrChanged,
                WrittenNotice::Yes,
            )],
        ),
        on,
    );
    assert_eq!(
        book.status(on, Show::Counts, None).unwrap().giro.mandates,
        2
    );

    // Everything goes to a copy.
    let copy = Place::sqlite();
    let mut other = copy.init();
    book.copy_to(&mut other).unwrap();
    assert_eq!(
        serde_json::to_value(other.export().unwrap()).unwrap(),
        serde_json::to_value(book.export().unwrap()).unwrap()
    );
}

/// Each payment of the book, with the due date of the AvtaleGiro claim it settles.
fn settling(book: &mut Book) -> Vec<(Payment, Option<String>)> {
    let export = serde_json::to_value(book.export().unwrap()).unwrap();
    let due = |id: i64| {
        export["giro_claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["due_date"].as_str().unwrap().to_owned())
    };
    book.payments(None)
        .unwrap()
        .into_iter()
        .map(|p| {
            let d = p.settles.and_then(due);
            (p, d)
        })
        .collect()
}

/// Settlements of one KID and amount in one file take their claims in turn: each the latest
/// due on or before its Nets date that none before it took; one that finds none is kept, and
/// settles a claim sent later when its due date allows.
pub(super) fn settlements_of_one_kid_take_their_claims_in_turn(place: &Place) {
    let mut book = place.init();
    let claims = avtalegiro(
        1,
        false,
        &[
            ("123456782", 49_900, date!(2026 - 02 - 16)),
            ("123456782", 49_900, date!(2026 - 03 - 16)),
            ("123456782", 49_900, date!(2026 - 04 - 16)),
            ("987654324", 34_950, date!(2026 - 02 - 20)),
        ],
    );
    import(
        &mut book,
        "avtalegiro-1.txt",
        &claims,
        date!(2026 - 02 - 01),
    );
    let settlement = |kid, ore, day| (OcrType::AvtaleGiro, kid, ore, day, false);
    let answers = ocr(
        1,
        &[
            settlement("123456782", 49_900, date!(2026 - 02 - 10)),
            settlement("987654324", 34_950, date!(2026 - 02 - 20)),
            settlement("987654324", 34_950, date!(2026 - 02 - 21)),
            settlement("123456782", 49_900, date!(2026 - 03 - 17)),
            settlement("123456782", 49_900, date!(2026 - 03 - 18)),
        ],
    );
    let imported = import(&mut book, "ocr-1.txt", &answers, date!(2026 - 03 - 18));
    assert_eq!(
        (imported.payments, imported.settled, imported.unsettling),
        (5, 3, 2),
        "{imported:?}"
    );
    let later = avtalegiro(2, false, &[("987654324", 34_950, date!(2026 - 02 - 19))]);
    let imported = import(&mut book, "avtalegiro-2.txt", &later, date!(2026 - 02 - 01));
    assert_eq!(imported.settled, 1, "{imported:?}");

    let settled: Vec<(String, Date, Option<String>)> = settling(&mut book)
        .into_iter()
        .map(|(p, due)| (p.kid.unwrap(), p.nets_date, due))
        .collect();
    let day = |d: Date, due: Option<&str>| (d, due.map(str::to_owned));
    let want = [
        ("123456782", day(date!(2026 - 02 - 10), None)),
        ("987654324", day(date!(2026 - 02 - 20), Some("2026-02-20"))),
        ("987654324", day(date!(2026 - 02 - 21), Some("2026-02-19"))),
        ("123456782", day(date!(2026 - 03 - 17), Some("2026-03-16"))),
        ("123456782", day(date!(2026 - 03 - 18), Some("2026-02-16"))),
    ];
    let want: Vec<(String, Date, Option<String>)> = want
        .into_iter()
        .map(|(kid, (d, due))| (kid.to_owned(), d, due))
        .collect();
    assert_eq!(settled, want);
}

/// Settlements kept before their claims come are settled a page (4 096) at a time when the
/// claims come, and settle what one pass in order would: ten KIDs with a settlement each, a
/// KID with 4 100, and ten more. Of the 4 100, the 4 085th to the 4 088th (by id) are of an
/// amount the KID's three claims have, the others of none: the pages part between the 4 086th
/// and the 4 087th, and the first page leaves 4 084 of that KID unsettled behind the second.
/// The four, all on one day, take the three claims from the latest due, none twice; the
/// fourth is kept, and the ten KIDs after are settled.
pub(super) fn settlements_kept_are_settled_a_page_at_a_time(place: &Place) {
    let mut book = place.init();
    let kid_of = |body: u32| {
        autogiro_checksum::Kid::with_check_digit(&body.to_string(), Modulus::Mod10)
            .unwrap()
            .as_str()
            .to_owned()
    };
    let many = kid_of(20_000);
    let (before, after): (Vec<String>, Vec<String>) = (
        (10_000..10_010).map(kid_of).collect(),
        (30_000..30_010).map(kid_of).collect(),
    );
    let day = date!(2026 - 03 - 20);
    let claimed = 4_085..=4_088;
    // Those of the many first in the file: a page is in order of KID, not of the file.
    let payments: Vec<(OcrType, &str, u64, Date, bool)> = (1..=4_100)
        .map(|n| {
            let ore = if claimed.contains(&n) { 20_000 } else { 10_000 };
            (OcrType::AvtaleGiro, many.as_str(), ore, day, false)
        })
        .chain(
            before
                .iter()
                .chain(&after)
                .map(|k| (OcrType::AvtaleGiro, k.as_str(), 10_000, day, false)),
        )
        .collect();
    let imported = import(&mut book, "ocr-1.txt", &ocr(1, &payments), day);
    assert_eq!((imported.settled, imported.unsettling), (0, 4_120));

    let dues = [
        date!(2026 - 01 - 16),
        date!(2026 - 02 - 16),
        date!(2026 - 03 - 16),
    ];
    let claims: Vec<(&str, u64, Date)> = dues
        .iter()
        .map(|&due| (many.as_str(), 20_000, due))
        .chain(
            before
                .iter()
                .chain(&after)
                .map(|k| (k.as_str(), 10_000, dues[2])),
        )
        .collect();
    let imported = import(
        &mut book,
        "avtalegiro-1.txt",
        &avtalegiro(1, false, &claims),
        date!(2026 - 01 - 02),
    );
    assert_eq!(imported.settled, 3 + 20, "{imported:?}");

    let of_many: Vec<(u64, Option<String>)> = settling(&mut book)
        .into_iter()
        .filter(|(p, _)| p.kid.as_deref() == Some(many.as_str()))
        .map(|(p, due)| (p.amount.ore(), due))
        .filter(|&(ore, _)| ore == 20_000)
        .collect();
    let want = ["2026-03-16", "2026-02-16", "2026-01-16"].map(|d| (20_000, Some(d.to_owned())));
    assert_eq!(of_many, [&want[..], &[(20_000, None)]].concat());
}

/// What the book says after the claims, the cancellations and the payments of
/// [`avtalegiro_claims_are_settled_cancelled_and_payments_kept`].
fn what_the_book_says(book: &mut Book) {
    let status = book
        .status(date!(2026 - 04 - 01), Show::Counts, None)
        .unwrap();
    assert_eq!(count(&status, GiroClaimStatus::Settled), (2, ore(84_850)));
    assert_eq!(count(&status, GiroClaimStatus::Cancelled), (1, ore(19_900)));
    assert_eq!(count(&status, GiroClaimStatus::Sent), (1, ore(49_900)));
    assert_eq!(
        status.giro.not_settled,
        (1, ore(49_900)),
        "March's, past its due date"
    );
    // 349.50 + 499.00 + 100.00 - 25.00 + 50.00
    assert_eq!(status.giro.payments, (5, ore(97_350)));
    assert_eq!(status.giro.unsettling, (1, ore(5_000)));
    let before_due = book
        .status(date!(2026 - 03 - 17), Show::Counts, None)
        .unwrap();
    assert_eq!(before_due.giro.not_settled.0, 0);

    let paid: Vec<Payment> = book.payments(Some("55512346")).unwrap();
    assert_eq!(paid.len(), 2);
    assert!(!paid[0].credit && paid[1].credit);
    assert_eq!(paid[0].file, "ocr-2.txt");
    let settlement = book.payments(Some("123456782")).unwrap();
    assert!(settlement[0].settles.is_some());
}
