//! Importing a file into the book: a file sent (its numbers taken, its claims waiting, its
//! mandates registered) and MPS's answers (each matched to the claim it answers, mandates
//! confirmed or listed).

use std::collections::{BTreeMap, BTreeSet};

use time::Date;

use autogiro_format::RegistrationType;
use autogiro_ledger::{RegisterError, assignment_number_free_from, next_business_day};
use autogiro_model::{Assignment, Claim, Mandate, Transmission};

use crate::BookError;
use crate::book::{
    Imported, ListingChange, answer_due, corrupt, mandate_row, processing_date, register,
    unmatched_view,
};
use crate::matching::{Answer, MatchedBy, RETRY, WaitingClaim, match_answers};
use crate::store::{AnswerRow, ClaimRow, FileRow, Tx, UnmatchedRow};

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
    let this = tx.file_by_transmission(t.sender, t.transmission_number)?;
    let id = match (prepared, this) {
        (Some(p), _) => {
            tx.set_file_state(p.id, "sent", read_on)?;
            tx.rename_file(p.id, name)?;
            p.id
        }
        (None, Some(other))
            if other.state == "prepared" && other.sha256.starts_with("reserved ") =>
        {
            // Numbers reserved by `new` for a file whose content was not recorded.
            tx.prepare_file(other.id, sha, name)?;
            tx.set_file_state(other.id, "sent", read_on)?;
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
            sha256: sha.to_owned(),
            name: name.to_owned(),
            direction: "to-mps".to_owned(),
            sender: t.sender,
            recipient: t.recipient,
            transmission_number: t.transmission_number,
            state: "sent".to_owned(),
            read_on,
        })?,
    };
    let registered_on = next_business_day(read_on);
    let mut agreements = BTreeSet::new();
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
                tx.insert_claims(&rows)?;
                let count = i64::try_from(c.claims.len()).map_err(corrupt)?;
                tx.add_totals("sent", count, sum)?;
                agreements.insert(h.agreement_id);
            }
            Assignment::Mandates(m) => {
                let mut reg = register(&tx.mandates(Some(h.agreement_id))?)?;
                for mandate in &m.mandates {
                    match reg.apply(h.agreement_id, mandate, registered_on) {
                        Ok(r) if mandate.registration_type == RegistrationType::Delete => {
                            tx.delete_mandate(
                                h.agreement_id,
                                r.mandate.payer_reference.as_field(),
                            )?;
                            imported.mandates += 1;
                        }
                        Ok(r) => {
                            tx.put_mandate(&mandate_row(&r, "sent")?)?;
                            imported.mandates += 1;
                        }
                        Err(e) => imported.notes.push(note(&e)),
                    }
                }
            }
            Assignment::Settled(_) | Assignment::Rejected(_) => {}
        }
    }
    // Answers imported before the claims they answer find them now.
    rematch(tx, &agreements, Vec::new(), imported)
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
        status: "sent".to_owned(),
        answer_due: answer_due(claim.date, read_on),
        processing_date: None,
        error_code: None,
        answer_file_id: None,
        matched_by: None,
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
        sha256: sha.to_owned(),
        name: name.to_owned(),
        direction: "from-mps".to_owned(),
        sender: t.sender,
        recipient: t.recipient,
        transmission_number: t.transmission_number,
        state: "answer".to_owned(),
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
    let answers: Vec<Answer> = rows
        .iter()
        .map(|r| Answer {
            agreement_id: r.agreement_id,
            payer: r.payer.clone(),
            kid: r.kid.clone(),
            amount_ore: r.amount_ore,
            own_reference: r.own_reference.clone(),
            date: r.processing_date,
            code: r.error_code,
        })
        .collect();
    let matching = match_answers(&waiting, &answers);
    // Per claim, by its place in `waiting`: its final answer, else an answer 252.
    let mut outcome: BTreeMap<usize, (usize, MatchedBy)> = BTreeMap::new();
    for (a, m) in matching.claim.iter().enumerate() {
        let Some((c, how)) = *m else { continue };
        let retry = answers.get(a).is_some_and(|x| x.code == Some(RETRY));
        outcome
            .entry(c)
            .and_modify(|e| {
                if !retry {
                    *e = (a, how);
                }
            })
            .or_insert((a, how));
    }
    let mut moves = Moves::default();
    for (c, (a, how)) in outcome {
        let (Some(claim), Some(row)) = (waiting.get(c), rows.get(a)) else {
            continue;
        };
        if row.error_code == Some(RETRY) && claim.retry {
            // Retried already: nothing changes.
            continue;
        }
        moves.answer(
            AnswerRow {
                claim_id: claim.id,
                status: answer_status(row.error_code),
                processing_date: row.processing_date,
                error_code: row.error_code,
                file_id: row.file_id,
                matched_by: how.as_str(),
            },
            if claim.retry { "retry" } else { "sent" },
            claim.amount_ore,
        );
    }
    for (a, (row, m)) in rows.into_iter().zip(&matching.claim).enumerate() {
        let old = a < kept;
        let matched = m.is_some() || (row.error_code == Some(RETRY) && tx.retried_before(&row)?);
        match (old, matched) {
            (true, true) => {
                tx.delete_unmatched(row.id)?;
                imported.rematched += 1;
            }
            (true, false) => {}
            (false, true) => imported.answered += 1,
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

/// The status an answer gives its claim: settled, sent to retry (252), or rejected.
pub(crate) fn answer_status(code: Option<u16>) -> &'static str {
    match code {
        None => "settled",
        Some(RETRY) => "retry",
        Some(_) => "rejected",
    }
}

/// How the claims of each status change with a file of answers: from status, to status,
/// number, sum.
/// The answers themselves are written together at the end of the file.
#[derive(Default)]
pub(crate) struct Moves {
    totals: BTreeMap<(&'static str, &'static str), (i64, i64)>,
    answers: Vec<AnswerRow>,
}

impl Moves {
    /// Answers a claim waiting in status `from` (`sent` or `retry`) for `amount` øre.
    pub(crate) fn answer(&mut self, answer: AnswerRow, from: &'static str, amount: i64) {
        let e = self.totals.entry((from, answer.status)).or_insert((0, 0));
        e.0 += 1;
        e.1 = e.1.saturating_add(amount);
        self.answers.push(answer);
    }

    /// Writes the answers, and the moves to the totals once per status.
    pub(crate) fn apply(self, tx: &mut dyn Tx) -> Result<(), BookError> {
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
        for m in before.iter() {
            tx.delete_mandate(agreement_id, m.mandate.payer_reference.as_field())?;
        }
    } else {
        for m in mandates {
            after.apply_from_mps(agreement_id, m);
            if m.registration_type == RegistrationType::Delete {
                tx.delete_mandate(agreement_id, m.payer_reference.as_field())?;
            }
        }
    }
    for m in mandates {
        if let Some(r) = after.get(agreement_id, &m.payer_reference) {
            tx.put_mandate(&mandate_row(r, "active")?)?;
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
