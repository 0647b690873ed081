//! Which answer from MPS answers which claim sent: a pure function of the claims waiting and
//! the answers on hand, with no store and no I/O. Every import (of either backend) calls it
//! with the claims waiting in the agreements concerned and every answer not yet matched, the
//! new file's and those kept from earlier imports, so the outcome is the same whatever order
//! the records of a file or the files themselves come in (docs/guide.md, "How answers are
//! matched").
//!
//! What MPS gives back of a claim (settled amount item 1 and 2, records 30 and 31; rejected,
//! records 35 and 36): the payer field, the KID, the amount, the own reference (item 2
//! positions 26-50) as they were sent, and a date: the processing date
//! ([decision 16](docs/spec-decisions.md#decision-16)) of a claim settled on its first try, or
//! the day MPS gave up on it after retries (code 252 first).
//!
//! The steps, each over the whole set of answers before the next begins:
//!
//! 1. **Own reference**: an answer whose non-blank own reference, payer and amount are those of
//!    exactly one waiting claim, and of no other answer, is that claim's, when its date lies in
//!    the claim's window (step 3).
//! 2. **Exact**: payer, KID, amount, own reference and the processing date expected of the claim
//!    all equal the answer's. Claims equal in all of them are interchangeable: they are
//!    answered in the order they were sent.
//! 3. **Window**: an answer dated on or after a claim's due date and no later than one business
//!    day after the claim's answer was due (its processing date + 3 business days of retries),
//!    where the claims that fit are all interchangeable
//!    (one claim, or several equal in every field MPS returns, the expected processing date
//!    included). Repeated until nothing more is matched, since each match can leave another
//!    answer with one candidate.
//!
//! What this cannot tell apart, it leaves unmatched for a person (`autogiro book resolve`):
//! answers that fit several claims of one payer, KID, amount and own reference with different
//! processing dates. And one guess it makes: an answer that comes days late (after retries)
//! on the very day another claim of the same payer, KID, amount and own reference is
//! processed is taken for that claim's, as MPS's records say nothing to tell them apart. A
//! payee who bills one payer the same amount on nearby days avoids both with an own
//! reference per claim.
//!
//! Final answers (settled, or rejected with any code but 252) are matched first, each claim
//! taking one; answers 252 ("sent to retry") are matched after, among the same claims, and mark
//! a claim as being retried only while it has no final answer.

// Keys are hashed with foldhash: a million answers are looked up several times each, and SipHash
// took a tenth of an answer file's import; its seed is per process, as std's is.
use foldhash::{HashMap, HashMapExt as _};

use time::Date;

use autogiro_ledger::add_business_days;

/// The code of an answer that says the claim is being retried.
pub(crate) const RETRY: u16 = 252;

/// A claim waiting for an answer, as matching sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WaitingClaim {
    /// The book's id: also the order the claims were sent in.
    pub(crate) id: i64,
    pub(crate) agreement_id: u32,
    /// The payer field as written (11 characters).
    pub(crate) payer: String,
    /// The KID's digits, empty when none.
    pub(crate) kid: String,
    pub(crate) amount_ore: i64,
    /// The own reference as sent (item 2 positions 26-50), trailing blanks left out.
    pub(crate) own_reference: String,
    pub(crate) due_date: Date,
    /// The processing date MPS gives it on a first try: the due date or the day the file was
    /// read, whichever is later, moved to a business day.
    pub(crate) processing_date: Date,
    /// The day after which, with no answer, the claim is outstanding.
    pub(crate) answer_due: Date,
    /// MPS answered 252 (sent to retry) before.
    pub(crate) retry: bool,
}

/// An answer from MPS, as matching sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Answer<'a> {
    pub(crate) agreement_id: u32,
    pub(crate) payer: &'a str,
    pub(crate) kid: &'a str,
    pub(crate) amount_ore: i64,
    pub(crate) own_reference: &'a str,
    /// The processing date, or the day of rejection.
    pub(crate) date: Date,
    /// The error code of a rejection; `None` for a settled claim.
    pub(crate) code: Option<u16>,
}

/// What claims and answers are grouped by in steps 2 and 3: agreement, payer, KID, amount,
/// own reference.
type Key<'k> = (u32, &'k str, &'k str, i64, &'k str);

/// What step 1 looks an own reference up by: agreement, payer, amount, own reference (the KID
/// aside).
type OwnKey<'k> = (u32, &'k str, i64, &'k str);

impl WaitingClaim {
    fn key(&self) -> Key<'_> {
        (
            self.agreement_id,
            &self.payer,
            &self.kid,
            self.amount_ore,
            &self.own_reference,
        )
    }

    fn own_key(&self) -> OwnKey<'_> {
        (
            self.agreement_id,
            &self.payer,
            self.amount_ore,
            &self.own_reference,
        )
    }
}

impl Answer<'_> {
    fn is_retry(&self) -> bool {
        self.code == Some(RETRY)
    }

    fn key(&self) -> Key<'_> {
        (
            self.agreement_id,
            self.payer,
            self.kid,
            self.amount_ore,
            self.own_reference,
        )
    }

    fn own_key(&self) -> OwnKey<'_> {
        (
            self.agreement_id,
            self.payer,
            self.amount_ore,
            self.own_reference,
        )
    }
}

/// How an answer from MPS was matched to its claim (docs/guide.md, "How answers are matched").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchedBy {
    /// Its own reference names one claim (step 1).
    OwnReference,
    /// Payer, KID, amount, own reference and expected processing date (step 2).
    Exact,
    /// The only claim, or claims that cannot be told apart, whose window holds its date (step 3).
    Window,
    /// A person attributed it (`autogiro book resolve`).
    Hand,
}

impl MatchedBy {
    /// The name the book stores and shows.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OwnReference => "own-reference",
            Self::Exact => "exact",
            Self::Window => "window",
            Self::Hand => "hand",
        }
    }

    /// The value of [`MatchedBy::as_str`].
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::OwnReference, Self::Exact, Self::Window, Self::Hand]
            .into_iter()
            .find(|m| m.as_str() == name)
    }
}

/// What [`match_answers`] decided.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Matching {
    /// Per answer, by its index: the index of its claim and how, or `None`.
    pub(crate) claim: Vec<Option<(usize, MatchedBy)>>,
    /// Per answer left unmatched, by its index: how many claims would fit (0, or 2 and more
    /// that can be told apart).
    pub(crate) candidates: Vec<usize>,
}

/// Matches `answers` to `waiting` claims (see the module's documentation). The result does
/// not depend on the order of either slice, except for which of several interchangeable claims
/// gets which answer (the claims sent first are answered first).
pub(crate) fn match_answers(waiting: &[WaitingClaim], answers: &[Answer<'_>]) -> Matching {
    let mut claim: Vec<Option<(usize, MatchedBy)>> = vec![None; answers.len()];
    let mut candidates = vec![0; answers.len()];
    // Claims known to be retried: those answered 252 before, and those with a final answer
    // now (a final answer can come after retries).
    let mut retried: Vec<bool> = waiting.iter().map(|w| w.retry).collect();
    // Claims in the order they were sent, answers in an order of their content alone.
    let mut claims: Vec<usize> = (0..waiting.len()).collect();
    claims.sort_by_key(|&c| waiting.get(c).map(|w| w.id));
    for retry in [false, true] {
        let mut open: Vec<usize> = (0..answers.len())
            .filter(|&a| answers.get(a).is_some_and(|x| x.is_retry() == retry))
            .collect();
        if open.is_empty() {
            continue;
        }
        open.sort_by(|&a, &b| content(answers, a).cmp(&content(answers, b)));
        let mut pass = Pass {
            waiting,
            answers,
            taken: vec![false; waiting.len()],
            claim: &mut claim,
        };
        pass.own_reference(&claims, &mut open);
        pass.exact(&claims, &mut open);
        if retry {
            pass.said_before(&claims, &mut open, &retried, &mut candidates);
        } else {
            pass.window(&claims, &mut open, &mut candidates);
            for (c, _) in claim.iter().flatten() {
                if let Some(r) = retried.get_mut(*c) {
                    *r = true;
                }
            }
        }
    }
    Matching { claim, candidates }
}

/// An answer's content, for an order of answers that does not depend on where they stood.
fn content<'a>(answers: &'a [Answer<'a>], i: usize) -> Option<(Key<'a>, Date, Option<u16>)> {
    answers.get(i).map(|a| (a.key(), a.date, a.code))
}

/// One pass of the three steps over the final answers, or over the answers 252.
struct Pass<'a, 'm> {
    waiting: &'a [WaitingClaim],
    answers: &'a [Answer<'a>],
    /// Claims answered in this pass.
    taken: Vec<bool>,
    claim: &'m mut [Option<(usize, MatchedBy)>],
}

impl<'a> Pass<'a, '_> {
    fn take(&mut self, answer: usize, claim: usize, how: MatchedBy) {
        if let Some(t) = self.taken.get_mut(claim) {
            *t = true;
        }
        if let Some(slot) = self.claim.get_mut(answer) {
            *slot = Some((claim, how));
        }
    }

    fn free(&self, claim: usize) -> bool {
        self.taken.get(claim).is_some_and(|t| !t)
    }

    /// Whether an answer's date fits the claim its own reference names: an answer 252 on the
    /// claim's processing date, any other in its window.
    fn own_fits(&self, x: &Answer<'_>, claim: usize) -> bool {
        if x.is_retry() {
            self.waiting
                .get(claim)
                .is_some_and(|w| w.processing_date == x.date)
        } else {
            self.fits(x, claim)
        }
    }

    /// Whether the answer's date lies in the claim's window: on or after its due date, and no
    /// later than one business day after its answer was due (the processing date + 3 business
    /// days, the longest MPS retries, + 1 for a file made the next day). Claims of one payer
    /// and amount a week apart never share a window.
    fn fits(&self, x: &Answer<'_>, claim: usize) -> bool {
        self.waiting
            .get(claim)
            .is_some_and(|w| w.due_date <= x.date && x.date <= add_business_days(w.answer_due, 1))
    }

    /// Step 1: one claim and one answer with the same non-blank own reference, payer and
    /// amount.
    fn own_reference(&mut self, claims: &[usize], open: &mut Vec<usize>) {
        if open.is_empty() {
            return;
        }
        let mut by_claim: HashMap<OwnKey<'_>, (usize, usize)> = HashMap::new();
        for &c in claims {
            if let Some(w) = self.waiting.get(c)
                && !w.own_reference.trim().is_empty()
            {
                by_claim.entry(w.own_key()).or_insert((c, 0)).1 += 1;
            }
        }
        let mut by_answer: HashMap<OwnKey<'_>, usize> = HashMap::new();
        for &a in open.iter() {
            if let Some(x) = self.answers.get(a)
                && !x.own_reference.trim().is_empty()
            {
                *by_answer.entry(x.own_key()).or_default() += 1;
            }
        }
        let answers = self.answers;
        open.retain(|&a| {
            let Some(x) = answers.get(a) else {
                return false;
            };
            let key = x.own_key();
            match (by_claim.get(&key), by_answer.get(&key)) {
                (Some(&(c, 1)), Some(1)) if self.free(c) && self.own_fits(x, c) => {
                    self.take(a, c, MatchedBy::OwnReference);
                    false
                }
                _ => true,
            }
        });
    }

    /// Step 2: payer, KID, amount, own reference and processing date; claims equal in all of
    /// them answered in the order they were sent.
    fn exact(&mut self, claims: &[usize], open: &mut Vec<usize>) {
        const END: usize = usize::MAX;
        if open.is_empty() {
            return;
        }
        // Per key the first claim not yet answered, and per claim the next with its key, in the
        // order sent: a list through the claims, with no allocation per key.
        let mut first: HashMap<(Key<'_>, Date), usize> = HashMap::with_capacity(claims.len());
        let mut next = vec![END; self.waiting.len()];
        for &c in claims.iter().rev() {
            if let Some(w) = self.waiting.get(c)
                && self.free(c)
            {
                let head = first.entry((w.key(), w.processing_date)).or_insert(END);
                if let Some(n) = next.get_mut(c) {
                    *n = *head;
                }
                *head = c;
            }
        }
        let answers = self.answers;
        open.retain(|&a| {
            let Some(x) = answers.get(a) else {
                return false;
            };
            let Some(head) = first.get_mut(&(x.key(), x.date)) else {
                return true;
            };
            if *head == END {
                return true;
            }
            let c = *head;
            *head = next.get(c).copied().unwrap_or(END);
            self.take(a, c, MatchedBy::Exact);
            false
        });
    }

    /// Answers 252 come on the processing date (steps 1 and 2). One on another day says again
    /// what was said of a claim being retried: it goes with the first claim (in the order
    /// sent) whose window holds it and that is known to be retried; with none, it is left
    /// unmatched.
    fn said_before(
        &mut self,
        claims: &[usize],
        open: &mut Vec<usize>,
        retried: &[bool],
        candidates: &mut [usize],
    ) {
        if open.is_empty() {
            return;
        }
        let answers = self.answers;
        let groups = self.groups(claims, false);
        open.retain(|&a| {
            let Some(x) = answers.get(a) else {
                return false;
            };
            let fitting: Vec<usize> = groups
                .get(&x.key())
                .map(|g| g.iter().copied().filter(|&c| self.fits(x, c)).collect())
                .unwrap_or_default();
            let known = fitting
                .iter()
                .copied()
                .find(|&c| retried.get(c).copied().unwrap_or(false) || !self.free(c));
            if let Some(c) = known {
                if let Some(slot) = self.claim.get_mut(a) {
                    *slot = Some((c, MatchedBy::Window));
                }
                false
            } else {
                if let Some(slot) = candidates.get_mut(a) {
                    *slot = fitting.len();
                }
                true
            }
        });
    }

    /// The claims by payer, KID, amount and own reference, each group in the order sent:
    /// every claim, or those not yet answered in this pass.
    fn groups(&self, claims: &[usize], only_free: bool) -> HashMap<Key<'a>, Vec<usize>> {
        let waiting = self.waiting;
        let mut by_key: HashMap<Key<'a>, Vec<usize>> = HashMap::new();
        for &c in claims {
            if let Some(w) = waiting.get(c)
                && (!only_free || self.free(c))
            {
                by_key.entry(w.key()).or_default().push(c);
            }
        }
        by_key
    }

    /// Step 3: the window, where what fits cannot be told apart; again until nothing changes.
    /// What is left is unmatched, with the number of claims that fit.
    fn window(&mut self, claims: &[usize], open: &mut Vec<usize>, candidates: &mut [usize]) {
        if open.is_empty() {
            return;
        }
        let mut by_key = self.groups(claims, true);
        let answers = self.answers;
        let waiting = self.waiting;
        loop {
            let before = open.len();
            open.retain(|&a| {
                let Some(x) = answers.get(a) else {
                    return false;
                };
                let Some(group) = by_key.get_mut(&x.key()) else {
                    return true;
                };
                let mut first: Option<usize> = None;
                let mut one_kind = true;
                for &c in group.iter().filter(|&&c| self.fits(x, c)) {
                    match first {
                        None => first = Some(c),
                        Some(f) => {
                            let (Some(f), Some(c)) = (waiting.get(f), waiting.get(c)) else {
                                continue;
                            };
                            one_kind &= f.processing_date == c.processing_date;
                        }
                    }
                }
                match first {
                    Some(c) if one_kind => {
                        group.retain(|&g| g != c);
                        self.take(a, c, MatchedBy::Window);
                        false
                    }
                    _ => true,
                }
            });
            if open.len() == before {
                break;
            }
        }
        for &a in open.iter() {
            let Some(x) = answers.get(a) else { continue };
            if let Some(slot) = candidates.get_mut(a) {
                *slot = by_key
                    .get(&x.key())
                    .map_or(0, |g| g.iter().filter(|&&c| self.fits(x, c)).count());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn claim(id: i64, payer: &str, ore: i64, own: &str, due: Date) -> WaitingClaim {
        let processing = autogiro_ledger::next_business_day(due);
        WaitingClaim {
            id,
            agreement_id: 1,
            payer: format!("{payer:>11}"),
            kid: String::new(),
            amount_ore: ore,
            own_reference: own.to_owned(),
            due_date: due,
            processing_date: processing,
            answer_due: add_business_days(processing, 3),
            retry: false,
        }
    }

    fn answer(c: &WaitingClaim, date: Date, code: Option<u16>) -> Answer<'_> {
        Answer {
            agreement_id: c.agreement_id,
            payer: &c.payer,
            kid: &c.kid,
            amount_ore: c.amount_ore,
            own_reference: &c.own_reference,
            date,
            code,
        }
    }

    /// What MPS answers, as (the index of the claim, date, code).
    type Said = Vec<(usize, Date, Option<u16>)>;

    fn answers_of<'a>(waiting: &'a [WaitingClaim], said: &Said) -> Vec<Answer<'a>> {
        said.iter()
            .map(|&(c, date, code)| answer(&waiting[c], date, code))
            .collect()
    }

    /// The claim id and how, per answer.
    fn ids(waiting: &[WaitingClaim], m: &Matching) -> Vec<Option<(i64, MatchedBy)>> {
        m.claim
            .iter()
            .map(|c| c.map(|(i, how)| (waiting[i].id, how)))
            .collect()
    }

    #[test]
    fn a_settled_answer_first_in_the_file_still_finds_its_claim() {
        // The held-out scenario: two 10.00 NOK claims of one payer, one rejected 131 on its
        // due date, the other settled; the settled record comes first in MPS's file.
        let waiting = [
            claim(1, "12345", 1000, "", date!(2026 - 03 - 10)),
            claim(2, "12345", 1000, "", date!(2026 - 03 - 20)),
        ];
        let (a, b) = (&waiting[0], &waiting[1]);
        let answers = [
            answer(b, b.processing_date, None),
            answer(a, a.processing_date, Some(131)),
        ];
        let m = match_answers(&waiting, &answers);
        assert_eq!(
            ids(&waiting, &m),
            [Some((2, MatchedBy::Exact)), Some((1, MatchedBy::Exact))]
        );
    }

    #[test]
    fn the_own_reference_tells_equal_claims_apart() {
        let d = date!(2026 - 03 - 10);
        let waiting = [
            claim(1, "12345", 1000, "INV-1", d),
            claim(2, "12345", 1000, "INV-2", d),
        ];
        let answers = [
            answer(&waiting[1], d, Some(131)),
            answer(&waiting[0], d, None),
        ];
        let m = match_answers(&waiting, &answers);
        assert_eq!(
            ids(&waiting, &m),
            [
                Some((2, MatchedBy::OwnReference)),
                Some((1, MatchedBy::OwnReference))
            ]
        );
    }

    #[test]
    fn interchangeable_claims_are_answered_in_the_order_they_were_sent() {
        let d = date!(2026 - 03 - 10);
        let waiting = [
            claim(7, "12345", 1000, "", d),
            claim(3, "12345", 1000, "", d),
        ];
        let one = [answer(&waiting[0], d, None)];
        assert_eq!(
            ids(&waiting, &match_answers(&waiting, &one)),
            [Some((3, MatchedBy::Exact))]
        );
        // Rejected after retries, three business days on: the window, the first sent.
        let late = [answer(&waiting[0], date!(2026 - 03 - 13), Some(221))];
        let m = match_answers(&waiting, &late);
        assert_eq!(ids(&waiting, &m), [Some((3, MatchedBy::Window))]);
    }

    #[test]
    fn claims_that_can_be_told_apart_are_not_guessed_at() {
        // Due 10 and 11 March, the answer of the 12th fits both windows and neither date.
        let waiting = [
            claim(1, "12345", 1000, "", date!(2026 - 03 - 10)),
            claim(2, "12345", 1000, "", date!(2026 - 03 - 11)),
        ];
        let answers = [answer(&waiting[0], date!(2026 - 03 - 12), Some(221))];
        let m = match_answers(&waiting, &answers);
        assert_eq!(m.claim, [None]);
        assert_eq!(m.candidates, [2]);
        // Once the claim of the 11th is answered on its day, the other answer has one claim.
        let answers = [
            answers[0].clone(),
            answer(&waiting[1], date!(2026 - 03 - 11), None),
        ];
        let m = match_answers(&waiting, &answers);
        assert_eq!(
            ids(&waiting, &m),
            [Some((1, MatchedBy::Window)), Some((2, MatchedBy::Exact))]
        );
    }

    #[test]
    fn a_retry_and_its_final_answer_go_to_one_claim() {
        let waiting = [claim(1, "12345", 1000, "", date!(2026 - 03 - 10))];
        let c = &waiting[0];
        let answers = [
            answer(c, date!(2026 - 03 - 12), Some(221)),
            answer(c, c.processing_date, Some(RETRY)),
        ];
        let m = match_answers(&waiting, &answers);
        assert_eq!(
            ids(&waiting, &m),
            [Some((1, MatchedBy::Window)), Some((1, MatchedBy::Exact))]
        );
    }

    #[test]
    fn an_answer_of_no_claim_is_unmatched() {
        let waiting = [claim(1, "12345", 1000, "", date!(2026 - 03 - 10))];
        let mut other = answer(&waiting[0], waiting[0].processing_date, None);
        other.amount_ore = 999;
        let m = match_answers(&waiting, &[other]);
        assert_eq!((m.claim, m.candidates), (vec![None], vec![0]));
    }

    /// A month of claims of a few payers and amounts, and what MPS answers to each: settled on
    /// the processing date, rejected on it, or sent to retry and then settled or rejected
    /// 1-3 business days later. With `spaced`, claims of one payer, amount and own reference
    /// are a week or more apart, as monthly and weekly charges are. Per answer, the index of
    /// the claim it answers.
    fn month(spaced: bool) -> impl Strategy<Value = (Vec<WaitingClaim>, Said)> {
        let one = (0..4usize, 0..3i64, 0..4usize, 0..28u8, 0..6u8, 1..4u32);
        proptest::collection::vec(one, 1..40).prop_map(move |rows| {
            let mut waiting: Vec<WaitingClaim> = Vec::new();
            let mut said = Vec::new();
            for (i, (payer, amount, own, day, fate, retries)) in rows.into_iter().enumerate() {
                let own = match own {
                    0 => String::new(),
                    1 => "SAME".to_owned(),
                    _ => format!("INV-{i}"),
                };
                let due = date!(2026 - 03 - 01) + time::Duration::days(i64::from(day));
                let id = i64::try_from(i).unwrap() + 1;
                let c = claim(id, &format!("{}", 10_000 + payer), 1000 + amount, &own, due);
                if spaced
                    && waiting.iter().any(|w| {
                        (&w.payer, w.amount_ore, &w.own_reference)
                            == (&c.payer, c.amount_ore, &c.own_reference)
                            && (w.due_date - c.due_date).whole_days().abs() < 7
                    })
                {
                    continue;
                }
                let later = add_business_days(c.processing_date, retries);
                let n = waiting.len();
                let first = c.processing_date;
                match fate {
                    0 => {}
                    1 | 2 => said.push((n, first, None)),
                    3 => said.push((n, first, Some(131))),
                    4 => said.extend([(n, first, Some(RETRY)), (n, later, None)]),
                    _ => said.extend([(n, first, Some(RETRY)), (n, later, Some(221))]),
                }
                waiting.push(c);
            }
            (waiting, said)
        })
    }

    /// What MPS can tell of a claim: interchangeable claims have the same.
    fn class(w: &WaitingClaim) -> String {
        format!(
            "{} {} {} {:?} {} {:?}",
            w.payer, w.kid, w.amount_ore, w.own_reference, w.processing_date, w.answer_due
        )
    }

    /// A shuffle of `items` from `seed` (Fisher-Yates over xorshift).
    fn shuffle<T>(items: &mut [T], seed: u64) {
        let mut s = seed | 1;
        for i in (1..items.len()).rev() {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let j = usize::try_from(s % (i as u64 + 1)).unwrap();
            items.swap(i, j);
        }
    }

    /// What the book shows after answers were imported file by file as the book does: each
    /// import matches the claims still waiting to the file's answers and those kept unmatched;
    /// an answer 252 of a claim already answered for good is taken as said. Per claim (by what
    /// MPS can tell of it): its final answer, and whether it was sent to retry; and the
    /// answers left unmatched.
    fn outcome<'a>(
        waiting: &'a [WaitingClaim],
        files: &[Vec<Answer<'a>>],
    ) -> (Vec<String>, Vec<String>) {
        let mut open: Vec<WaitingClaim> = waiting.to_vec();
        let mut done: Vec<(WaitingClaim, Answer<'a>)> = Vec::new();
        let mut retried: Vec<i64> = Vec::new();
        let mut kept: Vec<Answer<'a>> = Vec::new();
        for file in files {
            let mut answers = std::mem::take(&mut kept);
            answers.extend(file.iter().cloned());
            for w in &mut open {
                w.retry = retried.contains(&w.id);
            }
            let m = match_answers(&open, &answers);
            let mut finals: Vec<(usize, Answer<'a>)> = Vec::new();
            for (a, c) in m.claim.iter().enumerate() {
                match c {
                    Some((c, _)) if answers[a].is_retry() => retried.push(open[*c].id),
                    Some((c, _)) => finals.push((*c, answers[a].clone())),
                    None => {
                        let x = &answers[a];
                        let absorbed = x.is_retry()
                            && done.iter().any(|(w, f)| {
                                w.key() == x.key() && w.due_date <= x.date && f.date >= x.date
                            });
                        if !absorbed {
                            kept.push(x.clone());
                        }
                    }
                }
            }
            finals.sort_by_key(|(c, _)| std::cmp::Reverse(*c));
            for (c, a) in finals {
                done.push((open.remove(c), a));
            }
        }
        let mut claims: Vec<String> = done
            .iter()
            .map(|(w, a)| format!("{} -> {:?} {:?}", class(w), a.code, a.date))
            .chain(open.iter().map(|w| {
                format!(
                    "{} -> waiting, retried {}",
                    class(w),
                    retried.contains(&w.id)
                )
            }))
            .collect();
        claims.sort();
        let mut left: Vec<String> = kept.iter().map(|a| format!("{a:?}")).collect();
        left.sort();
        (claims, left)
    }

    proptest! {
        /// Any order of the answers in a file: the same claims answered the same way, the same
        /// answers left over, whatever the claims.
        #[test]
        fn the_outcome_does_not_depend_on_the_order_of_a_file(
            (waiting, said) in month(false),
            seed in any::<u64>(),
        ) {
            let answers = answers_of(&waiting, &said);
            let all = outcome(&waiting, std::slice::from_ref(&answers));
            let mut shuffled = answers;
            shuffle(&mut shuffled, seed);
            prop_assert_eq!(&outcome(&waiting, &[shuffled]), &all);
        }

        /// Charges a week or more apart: any order of the answers, any split into files
        /// imported one after another, the same outcome; every answer finds the claim it
        /// answers (or one MPS cannot tell from it), and no claim takes two final answers.
        #[test]
        fn charges_apart_are_all_matched_in_any_order_and_files(
            (waiting, said) in month(true),
            seed in any::<u64>(),
            cuts in proptest::collection::vec(any::<bool>(), 80),
        ) {
            let answers = answers_of(&waiting, &said);
            let truth: Vec<usize> = said.iter().map(|s| s.0).collect();
            let m = match_answers(&waiting, &answers);
            let mut finals = std::collections::HashSet::new();
            for (a, c) in m.claim.iter().enumerate() {
                let Some((c, _)) = c else {
                    return Err(TestCaseError::fail(format!("answer {a} unmatched: {m:?}")));
                };
                prop_assert_eq!(class(&waiting[*c]), class(&waiting[truth[a]]));
                if !answers[a].is_retry() {
                    prop_assert!(finals.insert(*c), "claim {} answered twice", waiting[*c].id);
                }
            }
            let all = outcome(&waiting, std::slice::from_ref(&answers));
            let mut shuffled = answers;
            shuffle(&mut shuffled, seed);
            let mut files = vec![Vec::new()];
            for (i, a) in shuffled.into_iter().enumerate() {
                if cuts[i % cuts.len()] {
                    files.push(Vec::new());
                }
                files.last_mut().unwrap().push(a);
            }
            prop_assert_eq!(&outcome(&waiting, &files), &all);
        }
    }
}
