//! Importing a file into the book: a file sent (its numbers taken, its claims waiting, its
//! mandates registered) and MPS's answers (each matched to the claim it answers, mandates
//! confirmed or listed).

use std::collections::HashMap;

use time::Date;

use autogiro_format::{ErrorCode, RegistrationType};
use autogiro_ledger::{
    RegisterError, add_business_days, assignment_number_free_from, next_business_day,
};
use autogiro_model::{Assignment, Claim, Mandate, Transmission};

use crate::BookError;
use crate::book::{Imported, ListingChange, Unmatched, answer_due, corrupt, mandate_row, register};
use crate::store::{AnswerRow, ClaimRow, FileRow, Tx};

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
    Ok(())
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
    })
}

fn note(e: &RegisterError) -> String {
    format!("mandate not registered in the book: {e}")
}

/// A file from MPS: answers matched to the claims sent, mandates confirmed or listed.
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
    let mut moves = Moves::default();
    let mut waiting = Waiting::default();
    for a in &t.assignments {
        let agreement = a.header().agreement_id;
        match a {
            Assignment::Settled(s) => {
                for claim in &s.claims {
                    answer(
                        tx,
                        &mut waiting,
                        id,
                        agreement,
                        claim,
                        None,
                        imported,
                        &mut moves,
                    )?;
                }
            }
            Assignment::Rejected(r) => {
                for rejection in &r.rejections {
                    answer(
                        tx,
                        &mut waiting,
                        id,
                        agreement,
                        &rejection.claim,
                        Some(rejection.code),
                        imported,
                        &mut moves,
                    )?;
                }
            }
            Assignment::Mandates(m) => mandates_from_mps(tx, agreement, &m.mandates, imported)?,
            Assignment::Claims(_) => {}
        }
    }
    moves.apply(tx)
}

/// How the claims of each status change with a file of answers: from status, to status,
/// number, sum.
/// The answers themselves are written together at the end of the file.
#[derive(Default)]
struct Moves {
    totals: std::collections::BTreeMap<(String, &'static str), (i64, i64)>,
    answers: Vec<AnswerRow>,
}

impl Moves {
    fn add(&mut self, from: &str, to: &'static str, amount: i64) {
        let e = self.totals.entry((from.to_owned(), to)).or_insert((0, 0));
        e.0 += 1;
        e.1 = e.1.saturating_add(amount);
    }

    /// Writes the answers, and the moves to the totals once per status.
    fn apply(self, tx: &mut dyn Tx) -> Result<(), BookError> {
        tx.answer_claims(&self.answers)?;
        for ((from, to), (n, sum)) in self.totals {
            tx.add_totals(&from, -n, -sum)?;
            tx.add_totals(to, n, sum)?;
        }
        Ok(())
    }
}

/// What an answer is matched on: payer field, KID, amount.
type MatchKey = (String, String, i64);

/// A claim waiting for an answer, as matching needs it (the rest stays in the store).
struct Candidate {
    id: i64,
    amount_ore: i64,
    due_date: Date,
    answer_due: Date,
    retry: bool,
}

/// The claims waiting for an answer, of the agreements a file of answers concerns, by what an
/// answer is matched on; each agreement's loaded with one query when first needed.
#[derive(Default)]
struct Waiting(HashMap<u32, HashMap<MatchKey, Vec<Candidate>>>);

impl Waiting {
    fn get(
        &mut self,
        tx: &mut dyn Tx,
        agreement_id: u32,
        key: MatchKey,
    ) -> Result<&mut Vec<Candidate>, BookError> {
        let claims = match self.0.entry(agreement_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let mut map: HashMap<MatchKey, Vec<Candidate>> = HashMap::new();
                tx.waiting(agreement_id, &mut |row| {
                    let candidate = Candidate {
                        id: row.id,
                        amount_ore: row.amount_ore,
                        due_date: row.due_date,
                        answer_due: row.answer_due,
                        retry: row.retry,
                    };
                    map.entry((row.payer, row.kid, row.amount_ore))
                        .or_default()
                        .push(candidate);
                    Ok(())
                })?;
                e.insert(map)
            }
        };
        Ok(claims.entry(key).or_default())
    }
}

/// Matches one answer to the claim it answers: same agreement, payer field, KID and amount,
/// waiting for an answer, due on or before the processing date and answered no later than 7
/// business days after it was due to be. One candidate is answered; none or several are
/// reported, not guessed at.
#[allow(clippy::too_many_arguments)] // The import's state, passed down as it is.
fn answer(
    tx: &mut dyn Tx,
    waiting: &mut Waiting,
    file_id: i64,
    agreement_id: u32,
    claim: &Claim,
    code: Option<ErrorCode>,
    imported: &mut Imported,
    moves: &mut Moves,
) -> Result<(), BookError> {
    let kid = claim.kid.map(|k| k.as_str().to_owned()).unwrap_or_default();
    let amount = i64::try_from(claim.amount.ore()).map_err(corrupt)?;
    let processing = claim.date;
    let key = (claim.payer.as_field().to_owned(), kid, amount);
    let candidates = waiting.get(tx, agreement_id, key)?;
    let fits: Vec<usize> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.due_date <= processing && processing <= add_business_days(c.answer_due, 7)
        })
        .map(|(i, _)| i)
        .collect();
    if let [i] = fits.as_slice() {
        let status = match code {
            None => "settled",
            Some(ErrorCode::SentToRetry) => "retry",
            Some(_) => "rejected",
        };
        let Some(one) = candidates.get_mut(*i) else {
            return Ok(());
        };
        moves.answers.push(AnswerRow {
            claim_id: one.id,
            status,
            processing_date: processing,
            error_code: code.map(ErrorCode::number),
            file_id,
        });
        let from = if one.retry { "retry" } else { "sent" };
        moves.add(from, status, one.amount_ore);
        imported.answered += 1;
        if status == "retry" {
            one.retry = true;
        } else {
            // Answered for good: it waits no longer.
            candidates.swap_remove(*i);
        }
    } else {
        imported.unmatched.push(Unmatched {
            agreement_id,
            payer: claim.payer.digits().to_owned(),
            kid: claim.kid.map(|k| k.as_str().to_owned()),
            amount: claim.amount,
            processing_date: processing,
            code: code.map(ErrorCode::number),
            candidates: fits.len(),
        });
    }
    Ok(())
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
