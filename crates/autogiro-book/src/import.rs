//! Importing a file into the book: a file sent (its numbers taken, its claims waiting, its
//! mandates registered) and MPS's answers (each matched to the claim it answers, mandates
//! confirmed or listed).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use time::Date;

use autogiro_format::{Direction, RegistrationType};
use autogiro_ledger::{RegisterError, assignment_number_free_from, next_business_day};
use autogiro_model::{Assignment, Claim, Mandate, Transmission};

use crate::BookError;
use crate::book::{
    Imported, ListingChange, answer_due, corrupt, mandate_row, processing_date, register,
    unmatched_view,
};
use crate::matching::{Answer, MatchedBy, RETRY, WaitingClaim, match_answers};
use crate::states::{ClaimStatus, FileState, MandateStatus};
use crate::store::{AnswerRow, ClaimRow, FileRow, Handled, Tx, UnmatchedRow};

/// A file to MPS: its numbers checked and taken, its claims waiting, its mandates registered.
pub(crate) fn import_sent(
    tx: &mut dyn Tx,
    t: &Transmission,
    sha: &str,
    name: &str,
    read_on: Date,
    prepared: Option<FileRow>,
    imported: &mut Imported,
) -> Result<(), BookError> {
    let id = sent_file(tx, t, sha, name, read_on, prepared)?;
    let registered_on = next_business_day(read_on);
    let mut agreements = BTreeSet::new();
    // The own references of the claims waiting from earlier files, per agreement (read before
    // this file's claims go in, so that what is read is those few), and of this file: one
    // used twice is warned of.
    let mut own: BTreeMap<u32, OwnReferences> = BTreeMap::new();
    for a in &t.assignments {
        let h = a.header();
        match tx.assignment_used(h.agreement_id, h.assignment_number)? {
            Some((_, file)) if file == id => {}
            Some((used, file)) if read_on < assignment_number_free_from(used) => {
                let other = tx
                    .files()?
                    .into_iter()
                    .find(|f| f.id == file)
                    .map_or_else(String::new, |f| f.name);
                return Err(BookError::AssignmentNumberTaken {
                    agreement_id: h.agreement_id,
                    number: h.assignment_number,
                    other,
                    used,
                    free: assignment_number_free_from(used),
                });
            }
            _ => tx.use_assignment(id, h.agreement_id, h.assignment_number, read_on)?,
        }
        match a {
            Assignment::Claims(c) => {
                let mut sum = 0i64;
                let mut rows = Vec::with_capacity(c.claims.len());
                for claim in &c.claims {
                    let row = sent_claim(id, h, claim, read_on)?;
                    sum = sum.saturating_add(row.amount_ore);
                    rows.push(row);
                    imported.claims += 1;
                }
                if !own.contains_key(&h.agreement_id)
                    && rows.iter().any(|r| !r.own_reference.trim().is_empty())
                {
                    let earlier = tx.waiting_own_references(h.agreement_id)?;
                    own.insert(
                        h.agreement_id,
                        OwnReferences {
                            earlier,
                            here: Vec::new(),
                        },
                    );
                }
                tx.insert_claims(&rows)?;
                if let Some(seen) = own.get_mut(&h.agreement_id) {
                    seen.here.extend(
                        rows.into_iter()
                            .map(|r| r.own_reference)
                            .filter(|r| !r.trim().is_empty()),
                    );
                }
                let count = i64::try_from(c.claims.len()).map_err(corrupt)?;
                tx.add_totals(ClaimStatus::Sent, count, sum)?;
                agreements.insert(h.agreement_id);
            }
            Assignment::Mandates(m) => {
                let mut reg = register(&tx.mandates(Some(h.agreement_id))?)?;
                for mandate in &m.mandates {
                    match reg.apply(h.agreement_id, mandate, registered_on) {
                        Ok(r) => {
                            let status = if mandate.registration_type == RegistrationType::Delete {
                                MandateStatus::Deleted
                            } else {
                                MandateStatus::Sent
                            };
                            tx.put_mandate(&mandate_row(&r, status)?)?;
                            imported.mandates += 1;
                        }
                        Err(e) => imported.notes.push(note(&e)),
                    }
                }
            }
            Assignment::Settled(_) | Assignment::Rejected(_) => {}
        }
    }
    reused_own_references(own, imported);
    replace(tx, id, name, read_on, imported)?;
    // Answers imported before the claims they answer find them now.
    rematch(tx, &agreements, Vec::new(), imported)
}

/// The own references of an agreement's claims waiting: of earlier files, with how many
/// claims use each, and of the file being imported.
struct OwnReferences {
    earlier: HashMap<String, u64>,
    here: Vec<String>,
}

/// The rejected claims that claims of file `id` bill again (`replaces` of `new claims`),
/// closed as handled.
fn replace(
    tx: &mut dyn Tx,
    id: i64,
    name: &str,
    read_on: Date,
    imported: &mut Imported,
) -> Result<(), BookError> {
    for r in tx.replacements(id)? {
        let rejected = tx.rejected_by_own_reference(r.agreement_id, &r.replaces)?;
        let Some(old) = rejected.first() else {
            imported.notes.push(format!(
                "no rejected claim of agreement {:09} has the own reference {:?} that a claim of this file replaces; close it by hand with `autogiro book resolve CLAIM --handled WHY`",
                r.agreement_id, r.replaces
            ));
            continue;
        };
        let why = if r.own_reference.is_empty() {
            format!("billed again in {name}")
        } else {
            format!(
                "billed again in {name} by the claim with own reference {}",
                r.own_reference
            )
        };
        let handled = Handled {
            on: read_on,
            by: "autogiro new".to_owned(),
            why,
        };
        tx.handle_claim(old.id, &handled)?;
        tx.add_totals(ClaimStatus::Rejected, -1, -old.amount_ore)?;
        tx.add_totals(ClaimStatus::Handled, 1, old.amount_ore)?;
        imported.replaced += 1;
    }
    Ok(())
}

/// The file's row: the one `new` prepared or reserved numbers for, now sent, or a new one; its
/// id. Another file with the same transmission number is refused.
fn sent_file(
    tx: &mut dyn Tx,
    t: &Transmission,
    sha: &str,
    name: &str,
    read_on: Date,
    prepared: Option<FileRow>,
) -> Result<i64, BookError> {
    let this = tx.file_by_transmission(t.sender, t.transmission_number)?;
    Ok(match (prepared, this) {
        (Some(p), _) => {
            tx.set_file_state(p.id, FileState::Sent, read_on)?;
            tx.rename_file(p.id, name)?;
            p.id
        }
        (None, Some(other)) if other.state == FileState::Reserved => {
            // Numbers reserved by `new` for a file whose content was not recorded.
            tx.prepare_file(other.id, sha, name)?;
            tx.set_file_state(other.id, FileState::Sent, read_on)?;
            other.id
        }
        (None, Some(other)) => {
            return Err(BookError::TransmissionNumberUsed {
                sender: t.sender,
                number: t.transmission_number,
                other: other.name,
            });
        }
        (None, None) => tx.insert_file(&FileRow {
            id: 0,
            sha256: Some(sha.to_owned()),
            name: name.to_owned(),
            direction: Direction::ToMps,
            sender: t.sender,
            recipient: t.recipient,
            transmission_number: t.transmission_number,
            state: FileState::Sent,
            read_on,
        })?,
    })
}

/// Notes each own reference that more than one claim waiting in its agreement has.
fn reused_own_references(own: BTreeMap<u32, OwnReferences>, imported: &mut Imported) {
    for (agreement, mut references) in own {
        // Sorted, equal references stand together: each run is one reference and its count.
        references.here.sort_unstable();
        let mut reused = Vec::new();
        for run in references.here.chunk_by(|a, b| a == b) {
            let Some(r) = run.first() else { continue };
            let earlier = references.earlier.get(r).copied().unwrap_or(0);
            let n = u64::try_from(run.len()).unwrap_or(u64::MAX) + earlier;
            if n > 1 {
                reused.push((r, n));
            }
        }
        for (r, n) in reused {
            imported.notes.push(format!(
                "own reference {r:?} is used by {n} claims waiting in agreement {agreement:09}: MPS's answers to them can be told apart only by payer, amount and date"
            ));
        }
    }
}

/// A claim of a file to MPS as the book keeps it, waiting for an answer.
fn sent_claim(
    file_id: i64,
    h: &autogiro_model::AssignmentHeader,
    claim: &Claim,
    read_on: Date,
) -> Result<ClaimRow, BookError> {
    Ok(ClaimRow {
        id: 0,
        file_id,
        agreement_id: h.agreement_id,
        assignment_number: h.assignment_number,
        transaction_number: claim.transaction_number,
        payer: claim.payer.as_field().to_owned(),
        kid: claim.kid.map(|k| k.as_str().to_owned()).unwrap_or_default(),
        amount_ore: i64::try_from(claim.amount.ore()).map_err(corrupt)?,
        due_date: claim.date,
        short_name: claim.short_name.to_string(),
        own_reference: claim.own_reference.to_string(),
        foreign_reference: claim.foreign_reference.to_string(),
        status: ClaimStatus::Sent,
        answer_due: answer_due(claim.date, read_on),
        processing_date: None,
        error_code: None,
        answer_file_id: None,
        matched_by: None,
        handled: None,
    })
}

fn note(e: &RegisterError) -> String {
    format!("mandate not registered in the book: {e}")
}

/// A file from MPS: answers matched to the claims sent (with the answers kept unmatched from
/// earlier files), mandates confirmed or listed.
pub(crate) fn import_answer(
    tx: &mut dyn Tx,
    t: &Transmission,
    sha: &str,
    name: &str,
    imported: &mut Imported,
) -> Result<(), BookError> {
    let id = tx.insert_file(&FileRow {
        id: 0,
        sha256: Some(sha.to_owned()),
        name: name.to_owned(),
        direction: Direction::FromMps,
        sender: t.sender,
        recipient: t.recipient,
        transmission_number: t.transmission_number,
        state: FileState::Answer,
        read_on: t.generated.unwrap_or(Date::MIN),
    })?;
    let mut answers = Vec::new();
    for a in &t.assignments {
        let agreement = a.header().agreement_id;
        match a {
            Assignment::Settled(s) => {
                for claim in &s.claims {
                    answers.push(answer_row(id, agreement, claim, None)?);
                }
            }
            Assignment::Rejected(r) => {
                for rejection in &r.rejections {
                    let code = Some(rejection.code.number());
                    answers.push(answer_row(id, agreement, &rejection.claim, code)?);
                }
            }
            Assignment::Mandates(m) => mandates_from_mps(tx, agreement, &m.mandates, imported)?,
            Assignment::Claims(_) => {}
        }
    }
    let agreements: BTreeSet<u32> = answers.iter().map(|a| a.agreement_id).collect();
    rematch(tx, &agreements, answers, imported)
}

/// An answer of a file from MPS, as the book keeps one that matches no claim.
fn answer_row(
    file_id: i64,
    agreement_id: u32,
    claim: &Claim,
    code: Option<u16>,
) -> Result<UnmatchedRow, BookError> {
    Ok(UnmatchedRow {
        id: 0,
        file_id,
        agreement_id,
        payer: claim.payer.as_field().to_owned(),
        kid: claim.kid.map(|k| k.as_str().to_owned()).unwrap_or_default(),
        amount_ore: i64::try_from(claim.amount.ore()).map_err(corrupt)?,
        processing_date: claim.date,
        error_code: code,
        short_name: claim.short_name.to_string(),
        own_reference: claim.own_reference.to_string(),
        candidates: 0,
    })
}

/// Matches the claims waiting in `agreements` to the answers kept unmatched there and to
/// `new` answers ([`match_answers`]), and records the outcome: claims answered, kept answers
/// now matched forgotten, new answers that match nothing kept.
pub(crate) fn rematch(
    tx: &mut dyn Tx,
    agreements: &BTreeSet<u32>,
    new: Vec<UnmatchedRow>,
    imported: &mut Imported,
) -> Result<(), BookError> {
    let mut rows = Vec::new();
    for &agreement in agreements {
        rows.extend(tx.unmatched(Some(agreement))?);
    }
    let kept = rows.len();
    if kept == 0 && new.is_empty() {
        return Ok(());
    }
    rows.extend(new);
    let waiting = waiting_claims(tx, agreements)?;
    let answers: Vec<Answer<'_>> = rows
        .iter()
        .map(|r| Answer {
            agreement_id: r.agreement_id,
            payer: &r.payer,
            kid: &r.kid,
            amount_ore: r.amount_ore,
            own_reference: &r.own_reference,
            date: r.processing_date,
            code: r.error_code,
        })
        .collect();
    let matching = match_answers(&waiting, &answers);
    drop(answers);
    // Per claim, by its place in `waiting`: its final answer, else an answer 252.
    let mut outcome: Vec<Option<(usize, MatchedBy)>> = vec![None; waiting.len()];
    for (a, m) in matching.claim.iter().enumerate() {
        let Some((c, how)) = *m else { continue };
        let retry = rows.get(a).is_some_and(|x| x.error_code == Some(RETRY));
        if let Some(slot) = outcome.get_mut(c)
            && (slot.is_none() || !retry)
        {
            *slot = Some((a, how));
        }
    }
    let mut moves = Moves::default();
    let mut blocking = Vec::new();
    for (c, (a, how)) in outcome
        .into_iter()
        .enumerate()
        .filter_map(|(c, o)| o.map(|o| (c, o)))
    {
        let (Some(claim), Some(row)) = (waiting.get(c), rows.get(a)) else {
            continue;
        };
        if matches!(row.error_code, None | Some(BLOCKED)) {
            blocking.push((
                claim.agreement_id,
                claim.payer.as_str(),
                row.error_code,
                row.processing_date,
            ));
        }
        if row.error_code == Some(RETRY) && claim.retry {
            // Retried already: nothing changes.
            continue;
        }
        moves.answer(
            AnswerRow {
                claim_id: claim.id,
                status: ClaimStatus::of_answer(row.error_code),
                processing_date: row.processing_date,
                error_code: row.error_code,
                file_id: row.file_id,
                matched_by: how.as_str(),
            },
            if claim.retry {
                ClaimStatus::Retry
            } else {
                ClaimStatus::Sent
            },
            claim.amount_ore,
        );
    }
    // In time order, a 133 before a claim settled the same day.
    blocking.sort_by_key(|&(_, _, code, date)| (date, code.is_none()));
    blocked_seen(tx, agreements, &blocking)?;
    for (a, (row, m)) in rows.into_iter().zip(&matching.claim).enumerate() {
        let old = a < kept;
        let matched = m.is_some() || (row.error_code == Some(RETRY) && tx.retried_before(&row)?);
        match (old, matched) {
            (true, true) => {
                tx.delete_unmatched(row.id)?;
                imported.rematched += 1;
            }
            (true, false) => {}
            (false, true) => answered(imported, row.error_code),
            (false, false) => {
                let candidates = matching.candidates.get(a).copied().unwrap_or(0);
                let kept = UnmatchedRow {
                    candidates: u32::try_from(candidates).unwrap_or(u32::MAX),
                    ..row
                };
                let id = tx.insert_unmatched(&kept)?;
                let view = unmatched_view(&UnmatchedRow { id, ..kept }, &imported.name);
                imported.unmatched.push(view);
            }
        }
    }
    moves.apply(tx)
}

/// Counts an answer of the file imported matched to its claim, and a rejection by its code.
fn answered(imported: &mut Imported, code: Option<u16>) {
    imported.answered += 1;
    if let Some(code) = code {
        *imported.rejected.entry(code).or_default() += 1;
    }
}

/// The error code of an answer that says the bank blocks the payer's mandate.
const BLOCKED: u16 = 133;

/// Keeps, per mandate, the day of MPS's latest answer 133 to a claim of its payer, and forgets
/// it when a claim of the payer is settled on or after that day. `answers`: agreement, payer
/// field, code (`None` settled, or 133), date.
fn blocked_seen(
    tx: &mut dyn Tx,
    agreements: &BTreeSet<u32>,
    answers: &[(u32, &str, Option<u16>, Date)],
) -> Result<(), BookError> {
    // What is on record: few mandates have a 133, so a file of settled claims costs a lookup
    // each in a small map.
    let mut on_record: Vec<(u32, String, Date)> = Vec::new();
    for &agreement in agreements {
        for (reference, day) in tx.blocked_seen(agreement)? {
            on_record.push((agreement, reference, day));
        }
    }
    let mut seen: HashMap<(u32, &str), Option<Date>> = on_record
        .iter()
        .map(|(a, r, d)| ((*a, r.as_str()), Some(*d)))
        .collect();
    let mut changed = BTreeSet::new();
    for &(agreement, payer, code, date) in answers {
        match code {
            Some(_) => {
                let slot = seen.entry((agreement, payer)).or_insert(None);
                if slot.is_none_or(|s| s < date) {
                    *slot = Some(date);
                    changed.insert((agreement, payer));
                }
            }
            None => {
                if let Some(slot) = seen.get_mut(&(agreement, payer))
                    && slot.is_some_and(|s| s <= date)
                {
                    *slot = None;
                    changed.insert((agreement, payer));
                }
            }
        }
    }
    for (agreement, payer) in changed {
        let value = seen.get(&(agreement, payer)).copied().flatten();
        tx.set_blocked_seen(agreement, payer, value)?;
    }
    Ok(())
}

/// The claims waiting for an answer in `agreements`, as matching sees them.
fn waiting_claims(
    tx: &mut dyn Tx,
    agreements: &BTreeSet<u32>,
) -> Result<Vec<WaitingClaim>, BookError> {
    let mut waiting = Vec::new();
    for &agreement in agreements {
        tx.waiting(agreement, &mut |row| {
            let processing_date = processing_date(row.due_date, row.read_on);
            waiting.push(WaitingClaim {
                id: row.id,
                agreement_id: agreement,
                payer: row.payer,
                kid: row.kid,
                amount_ore: row.amount_ore,
                own_reference: row.own_reference,
                due_date: row.due_date,
                processing_date,
                answer_due: row.answer_due,
                retry: row.retry,
            });
            Ok(())
        })?;
    }
    Ok(waiting)
}

/// How the claims of each status change with a file of answers: from status, to status,
/// number, sum.
/// The answers themselves are written together at the end of the file.
#[derive(Default)]
pub(crate) struct Moves {
    totals: BTreeMap<(ClaimStatus, ClaimStatus), (i64, i64)>,
    answers: Vec<AnswerRow>,
}

impl Moves {
    /// Answers a claim waiting in status `from` (`sent` or `retry`) for `amount` øre.
    pub(crate) fn answer(&mut self, answer: AnswerRow, from: ClaimStatus, amount: i64) {
        let e = self.totals.entry((from, answer.status)).or_insert((0, 0));
        e.0 += 1;
        e.1 = e.1.saturating_add(amount);
        self.answers.push(answer);
    }

    /// Writes the answers, and the moves to the totals once per status.
    pub(crate) fn apply(mut self, tx: &mut dyn Tx) -> Result<(), BookError> {
        // In the order of the claims' ids, which is the order of their rows: written in the
        // order matching found them (by the index of waiting claims, by date), a million
        // updates dirtied pages all over the table and took twice as long.
        self.answers.sort_unstable_by_key(|a| a.claim_id);
        tx.answer_claims(&self.answers)?;
        for ((from, to), (n, sum)) in self.totals {
            tx.add_totals(from, -n, -sum)?;
            tx.add_totals(to, n, sum)?;
        }
        Ok(())
    }
}

/// Mandates from MPS: a full listing replaces the agreement's mandates (and the differences
/// are reported); confirmations make mandates active.
fn mandates_from_mps(
    tx: &mut dyn Tx,
    agreement_id: u32,
    mandates: &[Mandate],
    imported: &mut Imported,
) -> Result<(), BookError> {
    let before = register(&tx.mandates(Some(agreement_id))?)?;
    let mut after = before.clone();
    let listing = mandates
        .iter()
        .any(|m| m.registration_type == RegistrationType::Listing);
    if listing {
        after.replace_agreement(agreement_id, mandates);
        for m in before.iter() {
            let key = &m.mandate.payer_reference;
            let reference = key.digits().to_owned();
            match after.get(agreement_id, key) {
                None => imported.listing.push(ListingChange::Removed {
                    agreement_id,
                    reference,
                }),
                Some(n) if !same_terms(&n.mandate, &m.mandate) => {
                    imported.listing.push(ListingChange::Changed {
                        agreement_id,
                        reference,
                    });
                }
                Some(_) => {}
            }
        }
        for m in after.iter() {
            if before
                .get(agreement_id, &m.mandate.payer_reference)
                .is_none()
            {
                imported.listing.push(ListingChange::Added {
                    agreement_id,
                    reference: m.mandate.payer_reference.digits().to_owned(),
                });
            }
        }
        // Those MPS no longer lists are kept as deleted; those it lists are put below.
        for m in before.iter() {
            tx.put_mandate(&mandate_row(m, MandateStatus::Deleted)?)?;
        }
    } else {
        for m in mandates {
            after.apply_from_mps(agreement_id, m);
            if m.registration_type == RegistrationType::Delete
                && let Some(r) = before.get(agreement_id, &m.payer_reference)
            {
                tx.put_mandate(&mandate_row(r, MandateStatus::Deleted)?)?;
            }
        }
    }
    for m in mandates {
        if let Some(r) = after.get(agreement_id, &m.payer_reference) {
            tx.put_mandate(&mandate_row(r, MandateStatus::Active)?)?;
        }
        imported.mandates += 1;
    }
    Ok(())
}

/// Whether two mandates have the same account, type, period, limit and validity.
fn same_terms(a: &Mandate, b: &Mandate) -> bool {
    (
        a.account,
        a.mandate_type,
        a.period_code,
        a.amount_limit,
        a.valid_from,
        a.valid_to,
    ) == (
        b.account,
        b.mandate_type,
        b.period_code,
        b.amount_limit,
        b.valid_from,
        b.valid_to,
    )
}
