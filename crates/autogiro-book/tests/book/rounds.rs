//! Rounds of matching that find their claims waiting each way (`sql::Reach`): every claim
//! waiting, when a file answers half of them or more; the table read in order; the index of
//! claims by payer, when few of the book's claims wait. The same answers, whichever.

use super::*;

/// MPS's answer `number` settling `claims`, and answering for a payer no claim has.
fn settling(number: u32, claims: &[Claim], stranger: bool) -> Transmission {
    let day = date!(2026 - 02 - 20);
    let mut answer = Transmission::from_mps(12345, number, day);
    let header = AssignmentHeader::new(AGREEMENT, number, account("1234.56.78903"));
    let mut settled = SettledAssignment::new(header, day);
    for claim in claims {
        settled.push(claim.clone());
    }
    if stranger {
        let mut nobody = claims[0].clone();
        nobody.payer = payer_reference("99999999").unwrap();
        settled.push(nobody);
    }
    answer.push(settled).unwrap();
    answer
}

/// 2 000 claims sent, answered in four files: 10 (of 2 000 waiting: the table read), 1 890 and
/// one of a payer with no claim (of 1 990: every claim waiting, those of payers not answered
/// passed over), 10 (of 100 waiting among 2 000: through the index), 88 (of 90: every claim
/// waiting again). Each file's answers are matched, the stranger kept, two claims left
/// waiting.
pub(super) fn answers_are_matched_however_their_claims_are_found(place: &Place) {
    let mut book = place.init();
    let (sent, answer) =
        autogiro_testkit::bench::claims_and_answer(2_000, date!(2026 - 02 - 20)).unwrap();
    let imported = import(&mut book, "sent.txt", &sent, date!(2026 - 01 - 10));
    assert_eq!(imported.claims, 2_000);
    let settled: Vec<Claim> = answer
        .assignments
        .iter()
        .flat_map(|a| match a {
            autogiro_model::Assignment::Settled(s) => s.claims.clone(),
            _ => Vec::new(),
        })
        .collect();
    assert_eq!(settled.len(), 1_998);
    let parts = [
        (&settled[..10], false),
        (&settled[10..1_900], true),
        (&settled[1_900..1_910], false),
        (&settled[1_910..], false),
    ];
    let mut waiting = 2_000;
    for (i, (claims, stranger)) in parts.into_iter().enumerate() {
        let number = u32::try_from(i).unwrap() + 1;
        let file = settling(number, claims, stranger);
        let imported = import(
            &mut book,
            &format!("answer-{number}.txt"),
            &file,
            date!(2026 - 02 - 20),
        );
        assert_eq!(imported.answered, claims.len(), "file {number}");
        assert_eq!(
            imported.unmatched_total,
            usize::from(stranger),
            "file {number}"
        );
        waiting -= claims.len() as u64;
        let status = book
            .status(date!(2026 - 01 - 10), Show::Counts, None)
            .unwrap();
        assert_eq!(status.count(ClaimStatus::Sent), waiting, "file {number}");
        assert_eq!(status.unmatched.0, u64::from(number >= 2), "file {number}");
    }
    assert_eq!(waiting, 2);
    let status = book
        .status(date!(2026 - 06 - 01), Show::Outstanding, None)
        .unwrap();
    let left: Vec<u32> = status.claims.iter().map(|c| c.transaction_number).collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

/// MPS's answers to one claim (payer 12345, 100 NOK, due Friday 10 April) come in two files,
/// read in the wrong order: the settlement after retries (Tuesday 14 April) first, then the
/// answer 252 of the day it was due. The 252 finds its claim answered for good: it is counted
/// as answered and forgotten, not kept unmatched.
pub(super) fn a_retry_said_after_the_final_answer_is_forgotten(place: &Place) {
    let mut book = place.init();
    let due = date!(2026 - 04 - 10);
    let sent = file(1, 1, &[("12345", due, 100)], false);
    import(&mut book, "sent.txt", &sent, date!(2026 - 03 - 16));
    let header = AssignmentHeader::new(AGREEMENT, 9, account("12345678903"));
    let claim = Claim::new(due, payer_reference("12345").unwrap(), nok(100));
    let mut settled = SettledAssignment::new(header, date!(2026 - 04 - 14));
    settled.push(Claim {
        date: date!(2026 - 04 - 14),
        ..claim.clone()
    });
    let mut final_answer = Transmission::from_mps(12345, 80, date!(2026 - 04 - 14));
    final_answer.push(settled).unwrap();
    let imported = import(
        &mut book,
        "settled.txt",
        &final_answer,
        date!(2026 - 04 - 14),
    );
    assert_eq!((imported.answered, imported.unmatched_total), (1, 0));
    let mut rejected = RejectedAssignment::new(
        AssignmentHeader {
            assignment_number: 10,
            ..header
        },
        due,
    );
    rejected.push(RejectedClaim {
        claim,
        code: ErrorCode::SentToRetry,
    });
    let mut retry = Transmission::from_mps(12345, 81, due);
    retry.push(rejected).unwrap();
    let imported = import(&mut book, "retry.txt", &retry, date!(2026 - 04 - 15));
    assert_eq!((imported.answered, imported.unmatched_total), (1, 0));
    assert_eq!(imported.rejected.get(&252), Some(&1));
    assert!(book.unmatched().unwrap().is_empty());
    let status = book.status(due, Show::All, None).unwrap();
    assert_eq!(status.claims.len(), 1);
    assert_eq!(status.claims[0].status, ClaimStatus::Settled);
}
