//! Everything in a book, out as one document ([`Book::export`]) and into another book
//! ([`Book::copy_to`]), and what only the copy asks of a transaction: rows put back with the
//! ids they had.

use super::{
    Book, BookError, ClaimFilter, ClaimRow, ClaimStatus, Export, FileRow, Store, Tx, corrupt,
};
use crate::db::Value;
use crate::db::args;
use crate::tx::{CLAIM_COLUMNS, FILE_COLUMNS, file_values, sent_values};

impl Book {
    /// Everything in the book.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`], [`BookError::Corrupt`].
    pub fn export(&mut self) -> Result<Export, BookError> {
        self.store.read(|tx| {
            let files = tx.files()?;
            let assignments = tx.assignments()?;
            let mut claims = Vec::new();
            tx.claims(ClaimFilter::All(None), &mut |row| {
                claims.push(row);
                Ok(())
            })?;
            let mandates = tx
                .mandates(None)?
                .into_iter()
                .map(|m| {
                    let registered: serde_json::Value =
                        serde_json::from_str(&m.registered).map_err(corrupt)?;
                    Ok(serde_json::json!({
                        "agreement_id": m.agreement_id,
                        "reference": m.reference,
                        "status": m.status.as_str(),
                        "blocked_seen": m.blocked_seen,
                        "registered": registered,
                    }))
                })
                .collect::<Result<_, BookError>>()?;
            Ok(Export {
                version: crate::store::VERSION,
                files,
                assignments,
                claims,
                unmatched: tx.unmatched(None)?,
                mandates,
                giro_claims: tx.giro_claims()?,
                payments: tx.payments(None)?,
                giro_mandates: tx.giro_mandates()?,
            })
        })
    }

    /// Copies everything in this book into `to`, an empty book (of either backend), in one
    /// transaction: afterwards both export the same document. Returns the number of files and
    /// of claims copied.
    ///
    /// # Errors
    ///
    /// [`BookError::NotEmpty`] when `to` holds anything; [`BookError::Storage`]: nothing is
    /// copied.
    pub fn copy_to(&mut self, to: &mut Book) -> Result<(usize, usize), BookError> {
        let (files, assignments, claims, mandates, unmatched, replacements, giro) =
            self.store.read(|tx| {
                let mut claims = Vec::new();
                tx.claims(ClaimFilter::All(None), &mut |row| {
                    claims.push(row);
                    Ok(())
                })?;
                let files = tx.files()?;
                let mut replacements = Vec::new();
                for f in &files {
                    replacements.extend(tx.replacements(f.id)?);
                }
                Ok((
                    files,
                    tx.assignments()?,
                    claims,
                    tx.mandates(None)?,
                    tx.unmatched(None)?,
                    replacements,
                    (tx.giro_claims()?, tx.payments(None)?, tx.giro_mandates()?),
                ))
            })?;
        to.store.write(|tx| {
            if !tx.files()?.is_empty()
                || !tx.mandates(None)?.is_empty()
                || !tx.giro_mandates()?.is_empty()
            {
                return Err(BookError::NotEmpty);
            }
            for f in &files {
                tx.restore_file(f)?;
            }
            for a in &assignments {
                tx.use_assignment(a.file_id, a.agreement_id, a.number, a.used_on)?;
            }
            let mut totals: std::collections::BTreeMap<ClaimStatus, (i64, i64)> =
                std::collections::BTreeMap::new();
            for c in &claims {
                tx.restore_claim(c)?;
                let t = totals.entry(c.status).or_default();
                t.0 += 1;
                t.1 = t.1.saturating_add(c.amount_ore);
            }
            for (status, (n, sum)) in totals {
                tx.add_totals(status, n, sum)?;
            }
            for m in &mandates {
                tx.put_mandate(m)?;
            }
            for u in &unmatched {
                tx.insert_unmatched(u)?;
            }
            for r in &replacements {
                tx.add_replacement(r)?;
            }
            let (giro_claims, payments, giro_mandates) = &giro;
            for c in giro_claims {
                tx.restore_giro_claim(c)?;
            }
            for p in payments {
                tx.restore_payment(p)?;
            }
            for m in giro_mandates {
                tx.put_giro_mandate(m)?;
            }
            tx.finish_restore()?;
            Ok((files.len(), claims.len()))
        })
    }
}

/// What only a copy of one book into another ([`crate::Book::copy_to`]) does: rows put back
/// with the ids they had.
impl Tx<'_> {
    /// Puts a file back as it was in another book, its id included.
    pub(crate) fn restore_file(&mut self, f: &FileRow) -> Result<(), BookError> {
        let sql = format!(
            "INSERT INTO files ({FILE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        );
        let values: Vec<Value<'_>> = std::iter::once(Value::from(f.id))
            .chain(file_values(f))
            .collect();
        self.0.execute(&sql, &values)?;
        Ok(())
    }

    /// Puts a claim back as it was in another book, its id and answer included.
    pub(crate) fn restore_claim(&mut self, c: &ClaimRow) -> Result<(), BookError> {
        let sql = format!(
            "INSERT INTO claims ({CLAIM_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
             ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
        );
        let handled = c.handled.as_ref();
        let sent = c.sent();
        let answer = args![
            c.processing_date,
            c.error_code,
            c.answer_file_id,
            c.matched_by.as_ref(),
            handled.map(|h| h.on),
            handled.map(|h| &h.by),
            handled.map(|h| &h.why),
        ];
        // The columns of `CLAIM_COLUMNS`: the id, what it was sent with, its answer.
        let values: Vec<Value<'_>> = std::iter::once(Value::from(c.id))
            .chain(sent_values(&sent))
            .chain(answer.iter().copied())
            .collect();
        self.0.execute(&sql, &values)?;
        Ok(())
    }

    /// After rows were put back with their ids: new rows get ids after them.
    pub(crate) fn finish_restore(&mut self) -> Result<(), BookError> {
        for sql in self.0.dialect().after_restore() {
            self.0.execute(sql, &[])?;
        }
        Ok(())
    }
}
