//! What a person does by hand: answers kept unmatched listed and attributed to a claim, claims
//! closed as handled.

use super::{
    AnswerRow, Book, BookClaim, BookError, ClaimStatus, Date, Handled, MatchedBy, RETRY, Store,
    Totals, Unmatched, book_claim, ore, unmatched_view,
};

impl Book {
    /// The answers from MPS the book keeps unmatched, oldest first.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`], [`BookError::Corrupt`].
    pub fn unmatched(&mut self) -> Result<Vec<Unmatched>, BookError> {
        self.store.read(|tx| {
            let names: std::collections::HashMap<i64, String> =
                tx.files()?.into_iter().map(|f| (f.id, f.name)).collect();
            Ok(tx
                .unmatched(None)?
                .iter()
                .map(|row| {
                    let file = names.get(&row.file_id).map_or("", String::as_str);
                    unmatched_view(row, file)
                })
                .collect())
        })
    }

    /// Attributes an answer kept unmatched to a claim by hand: the claim takes the answer (a
    /// 252 marks it as being retried) and is recorded as [`MatchedBy::Hand`]. The claim must be
    /// of the answer's agreement and amount, and have no final answer yet.
    ///
    /// # Errors
    ///
    /// [`BookError::NoSuchAnswer`], [`BookError::NoSuchClaim`], [`BookError::CannotResolve`];
    /// [`BookError::Storage`]: nothing is changed.
    pub fn resolve(&mut self, answer: i64, claim: i64) -> Result<BookClaim, BookError> {
        self.store.write(|tx| {
            let row = tx
                .unmatched(None)?
                .into_iter()
                .find(|u| u.id == answer)
                .ok_or(BookError::NoSuchAnswer(answer))?;
            let c = tx.claim(claim)?.ok_or(BookError::NoSuchClaim(claim))?;
            let refuse = |reason: String| BookError::CannotResolve {
                answer,
                claim,
                reason,
            };
            if c.agreement_id != row.agreement_id {
                return Err(refuse(format!(
                    "the claim is of agreement {:09}, the answer of {:09}",
                    c.agreement_id, row.agreement_id
                )));
            }
            if c.amount_ore != row.amount_ore {
                return Err(refuse(format!(
                    "the claim is of {} NOK, the answer of {} NOK",
                    ore(c.amount_ore),
                    ore(row.amount_ore)
                )));
            }
            if !c.status.is_waiting() {
                return Err(refuse(format!(
                    "the claim has MPS's final answer ({})",
                    c.status
                )));
            }
            let waited = c.status;
            if row.error_code == Some(RETRY) && waited == ClaimStatus::Retry {
                // Retried already: the answer says nothing new.
                tx.delete_unmatched(answer)?;
                return Ok(book_claim(c, None));
            }
            let status = ClaimStatus::of_answer(row.error_code);
            tx.answer_claim(&AnswerRow {
                claim_id: c.id,
                status,
                processing_date: row.processing_date,
                error_code: row.error_code,
                file_id: row.file_id,
                matched_by: MatchedBy::Hand.as_str(),
            })?;
            let mut totals = Totals::default();
            totals.add(waited, status, c.amount_ore);
            totals.apply(tx)?;
            tx.delete_unmatched(answer)?;
            let answered = tx.claim(claim)?.ok_or(BookError::NoSuchClaim(claim))?;
            Ok(book_claim(answered, None))
        })
    }

    /// Closes a claim by hand, as [`ClaimStatus::Handled`], with the day, who and why: a claim
    /// MPS rejected, or one still waiting for MPS's answer (outstanding), that the payee
    /// settled another way. Kept, shown and counted apart.
    ///
    /// # Errors
    ///
    /// [`BookError::NoSuchClaim`]; [`BookError::CannotResolve`] for a claim settled or handled
    /// already, or without a reason; [`BookError::Storage`]: nothing is changed.
    pub fn handle(
        &mut self,
        claim: i64,
        on: Date,
        by: &str,
        why: &str,
    ) -> Result<BookClaim, BookError> {
        self.store.write(|tx| {
            let c = tx.claim(claim)?.ok_or(BookError::NoSuchClaim(claim))?;
            let refuse = |reason: &str| BookError::CannotResolve {
                answer: 0,
                claim,
                reason: reason.to_owned(),
            };
            if why.trim().is_empty() {
                return Err(refuse("say why the claim is closed by hand"));
            }
            if !(c.status == ClaimStatus::Rejected || c.status.is_waiting()) {
                return Err(refuse(&format!(
                    "the claim is {}: only a rejected claim or one waiting for MPS's answer is closed by hand",
                    c.status
                )));
            }
            let handled = Handled {
                on,
                by: by.to_owned(),
                why: why.trim().to_owned(),
            };
            tx.handle_claim(c.id, &handled)?;
            tx.add_totals(c.status, -1, -c.amount_ore)?;
            tx.add_totals(ClaimStatus::Handled, 1, c.amount_ore)?;
            let handled = tx.claim(claim)?.ok_or(BookError::NoSuchClaim(claim))?;
            Ok(book_claim(handled, None))
        })
    }
}
