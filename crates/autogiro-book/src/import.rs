//! Importing a file into the book a part at a time ([`Transmission::read_in_parts`]), so that
//! memory stays bounded whatever the file's size: a file sent (its numbers taken, its claims
//! waiting, its mandates registered) and MPS's answers (kept as unmatched, then each matched to
//! the claim it answers, a group of agreement and payer at a time; mandates confirmed or
//! listed).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use time::Date;

use autogiro_format::{Direction, RegistrationType};
use autogiro_ledger::{Register, RegisterError, assignment_number_free_from, next_business_day};
use autogiro_model::{Assignment, Claim, Kid, Mandate, Part, PayerReference, Said, Transmission};

use crate::BookError;
use crate::book::{
    Imported, ListingChange, answer_due, corrupt, mandate_row, processing_date, register,
    unmatched_view,
};
use crate::giro;
use crate::matching::{Answer, MatchedBy, RETRY, WaitingClaim, match_answers};
use crate::sorted::{AnswerSort, OwnReferences, SortedAnswers};
use crate::states::{ClaimStatus, FileState, MandateStatus};
use crate::store::{
    AnswerRow, Decided, FileRow, Group, Handled, Scope, SentClaim, Tx, UnmatchedRow,
};

/// How many answers left unmatched an import lists ([`Imported::unmatched`]); the rest are
/// counted, and `book status --unmatched` lists them all.
pub(crate) const UNMATCHED_SHOWN: u32 = 100;

/// How many changes of a full listing an import lists ([`Imported::listing`]); the rest are
/// counted (a first listing of an agreement says each of its mandates added).
pub(crate) const LISTING_SHOWN: usize = 100;

/// How many items of an assignment are stored at a time.
pub(crate) const PART: usize = 4096;

/// How many own references shared by several claims waiting an import names in its notes.
const REUSED_SHOWN: usize = 20;

/// A file being imported, a part at a time, in one transaction.
pub(crate) struct Importing<'n> {
    name: &'n str,
    sha: &'n str,
    /// The day MPS reads a file sent.
    read_on: Date,
    /// The file's row, when `new` prepared it.
    prepared: Option<FileRow>,
    /// The payee's customer unit, when the book knows it.
    customer_unit: Option<u32>,
    /// The file's id and direction, once its row is written.
    file: Option<(i64, Direction)>,
    /// The number and sum of the claims sent.
    sent: (i64, i64),
    /// The lines of the file (its first reading counted them).
    lines: u64,
    /// The indexes of the claims dropped for this file, to be made again at its end.
    indexes_aside: &'static [&'static str],
    /// Whether the assignment of mandates being read (from MPS) is a full listing
    /// ([decision 24](docs/spec-decisions.md#decision-24)), from its first mandate of
    /// registration type 0 on.
    listing: bool,
    /// Whether the assignment of AvtaleGiro mandates being read is a full listing.
    giro_listing: bool,
    /// The accounts of the AvtaleGiro claims of a file sent: settlements kept unmatched there
    /// are tried again at its end.
    giro_accounts: Vec<String>,
    /// The answers of a file from MPS, matched at its end.
    answers: Option<AnswerSort>,
    /// The own references of the claims of a file sent, compared at its end with those of
    /// the claims waiting before it.
    own: OwnReferences,
    pub(crate) imported: Imported,
}

impl<'n> Importing<'n> {
    pub(crate) fn new(
        name: &'n str,
        sha: &'n str,
        read_on: Date,
        prepared: Option<FileRow>,
        customer_unit: Option<u32>,
        lines: u64,
    ) -> Self {
        Self {
            name,
            sha,
            read_on,
            prepared,
            customer_unit,
            file: None,
            sent: (0, 0),
            lines,
            indexes_aside: &[],
            listing: false,
            giro_listing: false,
            giro_accounts: Vec::new(),
            answers: None,
            own: OwnReferences::new(),
            imported: Imported {
                already: false,
                ..Imported::nothing(name, Direction::ToMps)
            },
        }
    }

    /// The file's row, written at its first part (or at its end, for one with no
    /// assignment): its id and direction.
    fn start(&mut self, tx: &mut Tx<'_>, t: &Transmission) -> Result<(i64, Direction), BookError> {
        if let Some(file) = self.file {
            return Ok(file);
        }
        if let Some(expected) = self.customer_unit {
            let (direction, found) = match t.direction {
                Direction::ToMps => ("to MPS from", t.sender),
                Direction::FromMps => ("from MPS for", t.recipient),
            };
            if found != expected {
                return Err(BookError::OtherCustomerUnit {
                    name: self.name.to_owned(),
                    direction,
                    found,
                    expected,
                });
            }
        }
        let id = match t.direction {
            Direction::ToMps => {
                let prepared = self.prepared.take();
                let id = sent_file(tx, t, self.sha, self.name, self.read_on, prepared)?;
                // A claim takes two lines at the least.
                self.indexes_aside = tx.set_claim_indexes_aside(self.lines / 2)?;
                id
            }
            // Its date (record 89) is known at its end: until then, the day it is read in.
            Direction::FromMps => tx.insert_file(&FileRow {
                id: 0,
                sha256: Some(self.sha.to_owned()),
                name: self.name.to_owned(),
                direction: Direction::FromMps,
                sender: t.sender,
                recipient: t.recipient,
                transmission_number: t.transmission_number,
                state: FileState::Answer,
                read_on: t.generated.unwrap_or(self.read_on),
            })?,
        };
        self.imported.direction = t.direction;
        self.file = Some((id, t.direction));
        Ok((id, t.direction))
    }

    /// Stores a part of an assignment.
    pub(crate) fn part(
        &mut self,
        tx: &mut Tx<'_>,
        t: &Transmission,
        part: Part<'_>,
    ) -> Result<(), BookError> {
        let (id, direction) = self.start(tx, t)?;
        match direction {
            Direction::ToMps => self.sent_part(tx, id, part),
            Direction::FromMps => self.answer_part(tx, id, part),
        }
    }

    /// A part of a file to MPS: its assignment number checked and taken (at its first part),
    /// its claims waiting, its mandates registered.
    fn sent_part(&mut self, tx: &mut Tx<'_>, id: i64, part: Part<'_>) -> Result<(), BookError> {
        let a = part.assignment;
        let h = a.header();
        if part.first {
            take_assignment_number(tx, id, h.agreement_id, h.assignment_number, self.read_on)?;
        }
        match a {
            Assignment::Claims(c) => {
                let rows = c
                    .claims
                    .iter()
                    .map(|claim| sent_claim(id, h, claim, self.read_on))
                    .collect::<Result<Vec<_>, _>>()?;
                for row in &rows {
                    self.sent.0 += 1;
                    self.sent.1 = self.sent.1.saturating_add(row.amount_ore);
                    if !row.own_reference.is_empty() {
                        self.own.push(row.agreement_id, &row.own_reference, true)?;
                    }
                }
                tx.insert_claims(&rows)?;
                self.imported.claims += rows.len();
            }
            Assignment::Mandates(m) => {
                // The register of the mandates this part names alone: a change looks at its
                // own mandate only, and those of parts before are in the book by now.
                let mut reg = part_register(tx, h.agreement_id, &m.mandates)?;
                let registered_on = next_business_day(self.read_on);
                for mandate in &m.mandates {
                    match reg.apply(h.agreement_id, mandate, registered_on) {
                        Ok(mut r) => {
                            let status = if mandate.registration_type == RegistrationType::Delete {
                                // Its last change: the deletion, on the day MPS takes it.
                                r.changed = Some(registered_on);
                                MandateStatus::Deleted
                            } else {
                                MandateStatus::Sent
                            };
                            tx.put_mandate(&mandate_row(&r, status)?)?;
                            self.imported.mandates += 1;
                        }
                        Err(e) => self.imported.notes.push(note(&e)),
                    }
                }
            }
            Assignment::AvtaleGiroClaims(c) => {
                let account = c.header.account.as_str();
                if !self.giro_accounts.iter().any(|a| a == account) {
                    self.giro_accounts.push(account.to_owned());
                }
                giro::sent_part(tx, id, a, self.read_on, &mut self.imported)?;
            }
            Assignment::AvtaleGiroCancellations(_) => {
                giro::sent_part(tx, id, a, self.read_on, &mut self.imported)?;
            }
            // Files from MPS only: the model reads none in a file sent.
            Assignment::Settled(_)
            | Assignment::Rejected(_)
            | Assignment::OcrGiro(_)
            | Assignment::AvtaleGiroMandates(_) => {}
        }
        Ok(())
    }

    /// A part of a file from MPS: its answers kept as unmatched (matched at the end), its
    /// mandates confirmed or listed (at the assignment's end).
    fn answer_part(&mut self, tx: &mut Tx<'_>, id: i64, part: Part<'_>) -> Result<(), BookError> {
        let a = part.assignment;
        let agreement = a.header().agreement_id;
        let rows = match a {
            Assignment::Settled(s) => s
                .claims
                .iter()
                .map(|claim| answer_row(id, agreement, claim, None))
                .collect::<Result<Vec<_>, _>>()?,
            Assignment::Rejected(r) => r
                .rejections
                .iter()
                .map(|x| answer_row(id, agreement, &x.claim, Some(x.code.number())))
                .collect::<Result<Vec<_>, _>>()?,
            Assignment::Mandates(m) => {
                if part.first {
                    self.listing = false;
                    tx.start_listed()?;
                }
                self.listing |= m
                    .mandates
                    .iter()
                    .any(|m| m.registration_type == RegistrationType::Listing);
                mandates_from_mps(tx, agreement, &m.mandates, self.listing, &mut self.imported)?;
                if part.last {
                    if self.listing {
                        unlisted(tx, agreement, &mut self.imported)?;
                    }
                    tx.end_listed()?;
                }
                Vec::new()
            }
            Assignment::OcrGiro(_) | Assignment::AvtaleGiroMandates(_) => {
                giro::answer_part(tx, id, &part, &mut self.giro_listing, &mut self.imported)?;
                Vec::new()
            }
            // Files to MPS only: the model reads none in a file from MPS.
            Assignment::Claims(_)
            | Assignment::AvtaleGiroClaims(_)
            | Assignment::AvtaleGiroCancellations(_) => Vec::new(),
        };
        if !rows.is_empty() {
            let answers = self.answers.get_or_insert_with(|| AnswerSort::new(id));
            for row in &rows {
                answers.push(row)?;
            }
        }
        Ok(())
    }

    /// The end of the file: for a file sent, its totals, the own references it shares, the
    /// rejected claims it bills again, and the answers kept unmatched its claims answer; for
    /// one from MPS, its answers matched.
    pub(crate) fn finish(
        mut self,
        tx: &mut Tx<'_>,
        t: &Transmission,
    ) -> Result<Imported, BookError> {
        let (id, direction) = self.start(tx, t)?;
        let imported = &mut self.imported;
        match direction {
            Direction::ToMps => {
                tx.make_indexes(self.indexes_aside)?;
                if self.sent.0 > 0 {
                    tx.add_totals(ClaimStatus::Sent, self.sent.0, self.sent.1)?;
                }
                tx.other_own_references(id, self.sent.0.unsigned_abs(), &mut self.own)?;
                reused_own_references(self.own, imported)?;
                replace(tx, id, self.name, self.read_on, imported)?;
                // Answers imported before the claims they answer find them now.
                rematch(tx, Scope::Claims(id), None, imported)?;
                giro::settle_kept(tx, &self.giro_accounts, imported)?;
            }
            Direction::FromMps => {
                let made = t.generated.unwrap_or(self.read_on);
                tx.set_file_state(id, FileState::Answer, made)?;
                let mut answers = self.answers.take().map(AnswerSort::finish).transpose()?;
                rematch(tx, Scope::Answers(id), answers.as_mut(), imported)?;
            }
        }
        let written = imported.claims + imported.answered + imported.rematched;
        tx.wrote_claims(u64::try_from(written).unwrap_or(u64::MAX))?;
        Ok(self.imported)
    }
}

impl Imported {
    /// A change a full listing made: counted, and kept among the first [`LISTING_SHOWN`].
    fn listed(&mut self, change: ListingChange) {
        self.listing_total += 1;
        if self.listing.len() < LISTING_SHOWN {
            self.listing.push(change);
        }
    }

    /// What the import of a file in the book already says: nothing was done.
    pub(crate) fn nothing(name: &str, direction: Direction) -> Self {
        Self {
            name: name.to_owned(),
            direction,
            already: true,
            claims: 0,
            answered: 0,
            rejected: BTreeMap::new(),
            unmatched: Vec::new(),
            unmatched_total: 0,
            rematched: 0,
            replaced: 0,
            mandates: 0,
            listing: Vec::new(),
            listing_total: 0,
            giro_claims: 0,
            cancelled: 0,
            payments: 0,
            settled: 0,
            unsettling: 0,
            giro_mandates: 0,
            notes: Vec::new(),
        }
    }
}

/// Checks that an assignment number is free for a file read on `read_on` and takes it
/// ([decision 23](docs/spec-decisions.md#decision-23)).
fn take_assignment_number(
    tx: &mut Tx<'_>,
    id: i64,
    agreement_id: u32,
    number: u32,
    read_on: Date,
) -> Result<(), BookError> {
    match tx.assignment_used(agreement_id, number)? {
        Some((_, file)) if file == id => Ok(()),
        Some((used, file)) if read_on < assignment_number_free_from(used) => {
            let other = tx
                .files()?
                .into_iter()
                .find(|f| f.id == file)
                .map_or_else(String::new, |f| f.name);
            Err(BookError::AssignmentNumberTaken {
                agreement_id,
                number,
                other,
                used,
                free: assignment_number_free_from(used),
            })
        }
        _ => tx.use_assignment(id, agreement_id, number, read_on),
    }
}

/// The rejected claims that claims of file `id` bill again (`replaces` of `new claims`),
/// closed as handled.
fn replace(
    tx: &mut Tx<'_>,
    id: i64,
    name: &str,
    read_on: Date,
    imported: &mut Imported,
) -> Result<(), BookError> {
    for r in tx.replacements(id)? {
        let rejected = tx.rejected_by_own_reference(r.agreement_id, &r.replaces)?;
        let Some(old) = rejected.first() else {
            imported.notes.push(
                Said::new("book.replaces-nothing")
                    .with("agreement", format!("{:09}", r.agreement_id))
                    .with("own", format!("{:?}", r.replaces)),
            );
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
    tx: &mut Tx<'_>,
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

/// Notes the own references that claims of a file sent share with other claims waiting in
/// their agreement (`own`: those of its claims and of the claims waiting before it): MPS's
/// answers to them are told apart by payer, amount and date alone.
fn reused_own_references(own: OwnReferences, imported: &mut Imported) -> Result<(), BookError> {
    let (count, shown) = own.shared(REUSED_SHOWN)?;
    for r in &shown {
        imported.notes.push(
            Said::new("book.own-reused")
                .with("own", format!("{:?}", r.own_reference))
                .with("claims", r.claims)
                .with("agreement", format!("{:09}", r.agreement_id)),
        );
    }
    let more = count.saturating_sub(shown.len() as u64);
    if more > 0 {
        imported
            .notes
            .push(Said::new("book.own-reused-more").with("n", more));
    }
    Ok(())
}

/// A claim of a file to MPS as the book keeps it, waiting for an answer.
fn sent_claim<'c>(
    file_id: i64,
    h: &autogiro_model::AssignmentHeader,
    claim: &'c Claim,
    read_on: Date,
) -> Result<SentClaim<'c>, BookError> {
    Ok(SentClaim {
        file_id,
        agreement_id: h.agreement_id,
        assignment_number: h.assignment_number,
        transaction_number: claim.transaction_number,
        payer: claim.payer.as_field(),
        kid: claim.kid.as_ref().map_or("", Kid::as_str),
        amount_ore: i64::try_from(claim.amount.ore()).map_err(corrupt)?,
        due_date: claim.date,
        short_name: claim.short_name.to_str(),
        own_reference: claim.own_reference.to_str(),
        foreign_reference: claim.foreign_reference.to_str(),
        status: ClaimStatus::Sent,
        answer_due: answer_due(claim.date, read_on),
    })
}

fn note(e: &RegisterError) -> Said {
    Said::new("book.not-registered").with_words("error", e.said())
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
        short_name: claim.short_name.to_str().into_owned(),
        own_reference: claim.own_reference.to_str().into_owned(),
        candidates: 0,
    })
}

/// Matches the answers kept unmatched in the groups (agreement and payer) of `scope` to the
/// claims waiting there ([`match_answers`], a group at a time: every step of matching compares
/// the payer, so groups never decide on each other), and records the outcome: claims
/// answered, answers now matched forgotten, those of the file that match nothing listed.
pub(crate) fn rematch(
    tx: &mut Tx<'_>,
    scope: Scope,
    file: Option<&mut SortedAnswers>,
    imported: &mut Imported,
) -> Result<(), BookError> {
    let blocked: HashMap<(u32, String), Date> = tx
        .blocked_seen()?
        .into_iter()
        .map(|(agreement, reference, day)| ((agreement, reference), day))
        .collect();
    let new_file = match scope {
        Scope::Answers(id) => Some(id),
        Scope::Claims(_) => None,
    };
    let mut totals = Totals::default();
    tx.match_groups(scope, file, &mut |group, decided| {
        decide_group(group, decided, &blocked, new_file, &mut totals, imported);
        Ok(())
    })?;
    // Answers 252 said of claims answered for good since (in this file, too).
    let (new, old) = tx.forget_retried(scope)?;
    let new = usize::try_from(new).unwrap_or(usize::MAX);
    imported.answered += new;
    if new > 0 {
        *imported.rejected.entry(RETRY).or_default() += new;
    }
    imported.rematched += usize::try_from(old).unwrap_or(usize::MAX);
    totals.apply(tx)?;
    if let Some(id) = new_file {
        let (count, rows) = tx.unmatched_of_file(id, UNMATCHED_SHOWN)?;
        imported.unmatched_total = usize::try_from(count).unwrap_or(usize::MAX);
        imported.unmatched = rows
            .iter()
            .map(|row| unmatched_view(row, &imported.name))
            .collect();
    }
    Ok(())
}

/// Decides on one group: which answer answers which claim, the mandate's day of MPS's latest
/// 133, and what the import counts.
fn decide_group(
    group: &Group,
    decided: &mut Decided,
    blocked: &HashMap<(u32, String), Date>,
    new_file: Option<i64>,
    totals: &mut Totals,
    imported: &mut Imported,
) {
    let waiting: Vec<WaitingClaim> = group
        .claims
        .iter()
        .map(|c| WaitingClaim {
            id: c.id,
            agreement_id: group.agreement_id,
            payer: group.payer.clone(),
            kid: c.kid.clone(),
            amount_ore: c.amount_ore,
            own_reference: c.own_reference.clone(),
            due_date: c.due_date,
            processing_date: processing_date(c.due_date, c.read_on),
            answer_due: c.answer_due,
            retry: c.retry,
        })
        .collect();
    let rows = &group.answers;
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
    // The payer's answers that say whether the bank blocks its mandate: code, date.
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
            blocking.push((row.error_code, row.processing_date));
        }
        if row.error_code == Some(RETRY) && claim.retry {
            // Retried already: nothing changes.
            continue;
        }
        let from = if claim.retry {
            ClaimStatus::Retry
        } else {
            ClaimStatus::Sent
        };
        let to = ClaimStatus::of_answer(row.error_code);
        totals.add(from, to, claim.amount_ore);
        decided.answers.push(AnswerRow {
            claim_id: claim.id,
            status: to,
            processing_date: row.processing_date,
            error_code: row.error_code,
            file_id: row.file_id,
            matched_by: how.as_str(),
        });
    }
    let key = (group.agreement_id, group.payer.clone());
    if let (seen, true) = blocked_seen(blocked.get(&key).copied(), &mut blocking) {
        decided.blocked.push((key.0, key.1, seen));
    }
    for (a, (row, m)) in rows.iter().zip(&matching.claim).enumerate() {
        let new = Some(row.file_id) == new_file;
        if m.is_some() {
            if new {
                answered(imported, row.error_code);
            } else {
                decided.gone.push(row.id);
                imported.rematched += 1;
            }
        } else if new {
            let candidates = matching.candidates.get(a).copied().unwrap_or(0);
            decided.kept.push(UnmatchedRow {
                candidates: u32::try_from(candidates).unwrap_or(u32::MAX),
                ..row.clone()
            });
        }
    }
}

/// The error code of an answer that says the bank blocks the payer's mandate.
const BLOCKED: u16 = 133;

/// The day of MPS's latest answer 133 to a claim of a mandate's payer, forgotten when a claim
/// of the payer is settled on or after that day: from the day on record and the payer's
/// answers now (code `None` settled, or 133; date). The new day, and whether it changed.
fn blocked_seen(
    on_record: Option<Date>,
    answers: &mut [(Option<u16>, Date)],
) -> (Option<Date>, bool) {
    // In time order, a 133 before a claim settled the same day.
    answers.sort_by_key(|&(code, date)| (date, code.is_none()));
    let mut seen = on_record;
    let mut changed = false;
    for &(code, date) in answers.iter() {
        match code {
            Some(_) if seen.is_none_or(|s| s < date) => {
                seen = Some(date);
                changed = true;
            }
            None if seen.is_some_and(|s| s <= date) => {
                seen = None;
                changed = true;
            }
            _ => {}
        }
    }
    (seen, changed)
}

/// How the claims of each status change with a round of matching: from status, to status,
/// number, sum.
#[derive(Default)]
pub(crate) struct Totals(BTreeMap<(ClaimStatus, ClaimStatus), (i64, i64)>);

impl Totals {
    /// A claim of `amount` øre moved from status `from` to `to`.
    pub(crate) fn add(&mut self, from: ClaimStatus, to: ClaimStatus, amount: i64) {
        let e = self.0.entry((from, to)).or_insert((0, 0));
        e.0 += 1;
        e.1 = e.1.saturating_add(amount);
    }

    /// Writes the moves to the totals, once per status.
    pub(crate) fn apply(self, tx: &mut Tx<'_>) -> Result<(), BookError> {
        for ((from, to), (n, sum)) in self.0 {
            tx.add_totals(from, -n, -sum)?;
            tx.add_totals(to, n, sum)?;
        }
        Ok(())
    }
}

/// Counts an answer of the file imported matched to its claim, and a rejection by its code.
fn answered(imported: &mut Imported, code: Option<u16>) {
    imported.answered += 1;
    if let Some(code) = code {
        *imported.rejected.entry(code).or_default() += 1;
    }
}

/// The register of the mandates of `agreement_id` that `mandates` name, as the book has them
/// (those deleted left out): what a part of an assignment of mandates needs, whatever the
/// number of the agreement's mandates.
fn part_register(
    tx: &mut Tx<'_>,
    agreement_id: u32,
    mandates: &[Mandate],
) -> Result<Register, BookError> {
    let references: BTreeSet<&str> = mandates
        .iter()
        .map(|m| m.payer_reference.as_field())
        .collect();
    let references: Vec<&str> = references.into_iter().collect();
    register(&tx.mandates_of(agreement_id, &references)?)
}

/// A part of an assignment of mandates from MPS (record 70, registration type in post 1
/// position 16). A full listing (`listing`) replaces the agreement's mandates: each listed is
/// taken as listed, and said added or changed (in the order listed; those no longer listed are
/// found at the assignment's end, [`unlisted`]); other mandates from MPS change those the book
/// has. Either way, each mandate listed is recorded as listed ([`Tx::list`]).
fn mandates_from_mps(
    tx: &mut Tx<'_>,
    agreement_id: u32,
    mandates: &[Mandate],
    listing: bool,
    imported: &mut Imported,
) -> Result<(), BookError> {
    let before = part_register(tx, agreement_id, mandates)?;
    let mut after = if listing {
        Register::new()
    } else {
        before.clone()
    };
    for m in mandates {
        after.apply_from_mps(agreement_id, m);
        if !listing
            && m.registration_type == RegistrationType::Delete
            && let Some(r) = before.get(agreement_id, &m.payer_reference)
        {
            tx.put_mandate(&mandate_row(r, MandateStatus::Deleted)?)?;
        }
    }
    if listing {
        let mut seen = BTreeSet::new();
        for m in mandates {
            let key = &m.payer_reference;
            if !seen.insert(key.as_field()) {
                continue;
            }
            let reference = key.digits().to_owned();
            match (before.get(agreement_id, key), after.get(agreement_id, key)) {
                (None, Some(_)) => imported.listed(ListingChange::Added {
                    agreement_id,
                    reference,
                }),
                (Some(b), Some(n)) if !same_terms(&n.mandate, &b.mandate) => {
                    imported.listed(ListingChange::Changed {
                        agreement_id,
                        reference,
                    });
                }
                // Listed to be deleted: no longer the agreement's.
                (Some(b), None) => {
                    imported.listed(ListingChange::Removed {
                        agreement_id,
                        reference,
                    });
                    tx.put_mandate(&mandate_row(b, MandateStatus::Deleted)?)?;
                }
                _ => {}
            }
        }
    }
    let listed: Vec<&str> = after
        .iter()
        .map(|r| r.mandate.payer_reference.as_field())
        .collect();
    tx.list(&listed)?;
    for m in mandates {
        if let Some(r) = after.get(agreement_id, &m.payer_reference) {
            tx.put_mandate(&mandate_row(r, MandateStatus::Active)?)?;
        }
        imported.mandates += 1;
    }
    Ok(())
}

/// At the end of a full listing: the mandates of the agreement it did not list, said removed
/// and kept as deleted.
fn unlisted(tx: &mut Tx<'_>, agreement_id: u32, imported: &mut Imported) -> Result<(), BookError> {
    tx.delete_unlisted(agreement_id, &mut |reference| {
        let reference = PayerReference::from_field_str(reference).map_err(corrupt)?;
        imported.listed(ListingChange::Removed {
            agreement_id,
            reference: reference.digits().to_owned(),
        });
        Ok(())
    })
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
