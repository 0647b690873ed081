//! AvtaleGiro and OCR giro in the book: AvtaleGiro's claims sent and cancelled, every OCR giro
//! payment received (a settled AvtaleGiro claim, transaction type 15, with the claim it
//! settles), and AvtaleGiro's mandates as MPS lists them. The readings of the services'
//! manuals are decisions A1-A9 and O1-O6 of `docs/spec-decisions.md`.
//!
//! AvtaleGiro's files carry no agreement id (its assignment start has zeros there): its claims
//! and mandates are the assignment account's, and MPS's OCR giro assignment of the same account
//! settles them. A payment of type 15 settles the claim of its account, KID and amount still
//! sent whose due date is the latest on or before the payment's Nets date (MPS charges on the
//! due date, or the next business day); one that finds none is kept, counted as a settlement
//! matching no claim, and tried again when AvtaleGiro claims are imported.

use std::collections::{BTreeSet, HashMap};

use time::Date;

use autogiro_format::{AvtaleGiroRegistration, OcrType, WrittenNotice};
use autogiro_model::{
    Amount, Assignment, AvtaleGiroClaim, AvtaleGiroMandates, OcrAssignment, OcrPayment, Said,
};

use crate::BookError;
use crate::book::{answer_due, corrupt};
use crate::db::{Bulk, Row, Value, args, first, one, rows};
use crate::import::PART;
use crate::sql::Dialect;
use crate::states::{GiroClaimStatus, GiroMandateStatus};
use crate::store::Tx;
use crate::views::Imported;

/// The columns of `giro_claims`, its id first.
const GIRO_CLAIM_COLUMNS: &str = "id, file_id, account, assignment_number, transaction_number, \
     kid, amount_ore, due_date, short_name, foreign_reference, status, answer_due, cancelled_by";

/// The columns of `payments`, its id first.
const PAYMENT_COLUMNS: &str = "id, file_id, agreement_id, account, assignment_number, \
     transaction_number, transaction_type, nets_date, amount_ore, kid, claim_id";

/// An AvtaleGiro claim as the book keeps it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct GiroClaimRow {
    pub(crate) id: i64,
    pub(crate) file_id: i64,
    /// The assignment account, 11 digits.
    pub(crate) account: String,
    pub(crate) assignment_number: u32,
    pub(crate) transaction_number: u32,
    pub(crate) kid: String,
    pub(crate) amount_ore: i64,
    pub(crate) due_date: Date,
    pub(crate) short_name: String,
    pub(crate) foreign_reference: String,
    pub(crate) status: GiroClaimStatus,
    /// Its due date and 3 business days: still sent after it, it was not settled.
    pub(crate) answer_due: Date,
    /// The file of the cancellation request that cancelled it.
    pub(crate) cancelled_by: Option<i64>,
}

/// An OCR giro payment as the book keeps it; a credit's amount negative (decision O2).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct PaymentRow {
    pub(crate) id: i64,
    pub(crate) file_id: i64,
    pub(crate) agreement_id: u32,
    pub(crate) account: String,
    pub(crate) assignment_number: u32,
    pub(crate) transaction_number: u32,
    pub(crate) transaction_type: OcrType,
    pub(crate) nets_date: Date,
    pub(crate) amount_ore: i64,
    /// Empty when the payment had none (types 20 and 21).
    pub(crate) kid: String,
    /// The AvtaleGiro claim it settles (type 15).
    pub(crate) claim_id: Option<i64>,
}

/// An AvtaleGiro mandate as the book keeps it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct GiroMandateRow {
    pub(crate) account: String,
    pub(crate) kid: String,
    pub(crate) status: GiroMandateStatus,
    pub(crate) written_notice: WrittenNotice,
    /// The file that listed it last.
    pub(crate) file_id: i64,
}

fn giro_claim_row(r: Row<'_>) -> Result<GiroClaimRow, BookError> {
    Ok(GiroClaimRow {
        id: r.int(0)?,
        file_id: r.int(1)?,
        account: r.string(2)?,
        assignment_number: r.number(3)?,
        transaction_number: r.number(4)?,
        kid: r.string(5)?,
        amount_ore: r.int(6)?,
        due_date: r.date(7)?,
        short_name: r.string(8)?,
        foreign_reference: r.string(9)?,
        status: GiroClaimStatus::parse(r.text(10)?)?,
        answer_due: r.date(11)?,
        cancelled_by: r.opt_int(12)?,
    })
}

fn payment_row(r: Row<'_>) -> Result<PaymentRow, BookError> {
    let code: u16 = r.number(6)?;
    Ok(PaymentRow {
        id: r.int(0)?,
        file_id: r.int(1)?,
        agreement_id: r.number(2)?,
        account: r.string(3)?,
        assignment_number: r.number(4)?,
        transaction_number: r.number(5)?,
        transaction_type: OcrType::from_code(format!("{code:02}").as_bytes()).ok_or_else(|| {
            BookError::Corrupt(format!("unknown OCR giro transaction type {code}"))
        })?,
        nets_date: r.date(7)?,
        amount_ore: r.int(8)?,
        kid: r.string(9)?,
        claim_id: r.opt_int(10)?,
    })
}

fn giro_mandate_row(r: Row<'_>) -> Result<GiroMandateRow, BookError> {
    Ok(GiroMandateRow {
        account: r.string(0)?,
        kid: r.string(1)?,
        status: GiroMandateStatus::parse(r.text(2)?)?,
        written_notice: WrittenNotice::from_code(r.text(3)?.as_bytes())
            .ok_or_else(|| BookError::Corrupt("a written notice neither J nor N".to_owned()))?,
        file_id: r.int(4)?,
    })
}

/// An OCR giro transaction type as the book stores it: its code as a number.
fn type_number(t: OcrType) -> i64 {
    t.code().parse().unwrap_or(0)
}

/// What a cancellation request found.
enum Cancelled {
    /// The claim it names, cancelled now.
    Now,
    /// The claim it names, settled already: MPS cannot cancel it.
    Settled,
    /// No AvtaleGiro claim in the book has its account, due date, amount and KID.
    Nothing,
}

impl Tx<'_> {
    /// Adds AvtaleGiro claims sent (their `id` ignored).
    fn insert_giro_claims(&mut self, claims: &[GiroClaimRow]) -> Result<(), BookError> {
        if claims.is_empty() {
            return Ok(());
        }
        let mut bulk = self.0.bulk(
            "giro_claims",
            &[
                "file_id",
                "account",
                "assignment_number",
                "transaction_number",
                "kid",
                "amount_ore",
                "due_date",
                "short_name",
                "foreign_reference",
                "status",
                "answer_due",
            ],
        )?;
        for c in claims {
            bulk.row(&giro_claim_values(c)[1..12])?;
        }
        bulk.finish()
    }

    /// The AvtaleGiro claims of `account` that `settlements` (KID, amount, Nets date; in the
    /// order they are recorded) settle, marked settled: for each, its claim's id, or none. A
    /// settlement takes the claim still sent of its KID and amount with the latest due date on
    /// or before its Nets date, the lowest id among equals, that no settlement before it took,
    /// as if each looked its claim up in turn. The candidates of all of them are read by one
    /// query and the claims taken marked by one statement, where a lookup of its own for each
    /// took a round trip to the server each: a file of a million payments with 83 333
    /// settlements took PostgreSQL 33 s with no claim to settle and 48-70 s with a claim for
    /// each, 18 s and 21 s since (docs/performance.md).
    fn settle_giro_claims(
        &mut self,
        account: &str,
        settlements: &[(&str, i64, Date)],
    ) -> Result<Vec<Option<i64>>, BookError> {
        if settlements.is_empty() {
            return Ok(Vec::new());
        }
        let dialect = self.0.dialect();
        let keys: BTreeSet<(&str, i64)> = settlements.iter().map(|&(k, a, _)| (k, a)).collect();
        // From each key to its claims by the index of account and KID, whatever the planner
        // believes of the tables: SQLite's CROSS JOIN keeps the order written; PostgreSQL's
        // LATERAL subquery is not merged into the join for its OFFSET (with statistics of a
        // table of claims just written, the server had read every claim of the account once
        // for each key: 2.5 s a part of 4 096 payments).
        let claims = match dialect {
            Dialect::Sqlite => {
                "settling s CROSS JOIN giro_claims g
                 ON g.account = ?1 AND g.kid = s.kid AND g.amount_ore = s.amount_ore
                 AND g.status = 'sent'"
            }
            Dialect::Postgres => {
                "settling s CROSS JOIN LATERAL (SELECT id, kid, amount_ore, due_date
                 FROM giro_claims WHERE account = ?1 AND kid = s.kid
                 AND amount_ore = s.amount_ore AND status = 'sent' OFFSET 0) g"
            }
        };
        let mut candidates: HashMap<(String, i64), Vec<(i64, Date)>> = HashMap::new();
        self.staged(
            "settling (kid TEXT NOT NULL, amount_ore BIGINT NOT NULL)",
            &["kid", "amount_ore"],
            &mut |bulk| {
                keys.iter()
                    .try_for_each(|&(kid, amount)| bulk.row(args![kid, amount]))
            },
            &mut |tx| {
                tx.0.query(
                    &format!(
                        "SELECT g.kid, g.amount_ore, g.id, g.due_date FROM {claims}
                         ORDER BY g.due_date DESC, g.id"
                    ),
                    args![account],
                    &mut |r, _| {
                        let r = Row(r);
                        candidates
                            .entry((r.string(0)?, r.int(1)?))
                            .or_default()
                            .push((r.int(2)?, r.date(3)?));
                        Ok(())
                    },
                )
            },
        )?;
        let mut taken = Vec::new();
        let found: Vec<Option<i64>> = settlements
            .iter()
            .map(|&(kid, amount, nets_date)| {
                let claims = candidates.get_mut(&(kid.to_owned(), amount))?;
                let at = claims.iter().position(|&(_, due)| due <= nets_date)?;
                let (id, _) = claims.remove(at);
                taken.push(id);
                Some(id)
            })
            .collect();
        if !taken.is_empty() {
            self.staged(
                "settled (id BIGINT NOT NULL)",
                &["id"],
                &mut |bulk| taken.iter().try_for_each(|&id| bulk.row(args![id])),
                &mut |tx| {
                    tx.0.execute(
                        "UPDATE giro_claims SET status = 'settled'
                         WHERE id IN (SELECT id FROM settled)",
                        &[],
                    )
                },
            )?;
        }
        Ok(found)
    }

    /// Rows put by `fill` into a temporary table (`definition`: its name and columns, of which
    /// `columns` are filled) for `then` to use, the table dropped after: many rows read or
    /// written by one statement rather than one each.
    fn staged(
        &mut self,
        definition: &str,
        columns: &[&str],
        fill: &mut dyn FnMut(&mut dyn Bulk) -> Result<(), BookError>,
        then: &mut dyn FnMut(&mut Self) -> Result<(), BookError>,
    ) -> Result<(), BookError> {
        let table = definition.split(' ').next().unwrap_or(definition);
        self.0
            .execute(&format!("CREATE TEMPORARY TABLE {definition}"), &[])?;
        let mut bulk = self.0.bulk(table, columns)?;
        fill(&mut *bulk)?;
        bulk.finish()?;
        then(self)?;
        self.0.execute(&format!("DROP TABLE {table}"), &[])
    }

    /// Cancels the AvtaleGiro claim a cancellation request of file `file_id` names (decision
    /// A5: account, due date, amount, KID).
    fn cancel_giro_claim(
        &mut self,
        file_id: i64,
        account: &str,
        claim: &AvtaleGiroClaim,
    ) -> Result<Cancelled, BookError> {
        let kid = claim.kid.as_ref().map_or("", |k| k.as_str());
        let amount = i64::try_from(claim.amount.ore()).map_err(corrupt)?;
        let found = first(
            self.0,
            "SELECT id, status FROM giro_claims WHERE account = ?1 AND kid = ?2
             AND amount_ore = ?3 AND due_date = ?4
             ORDER BY CASE status WHEN 'sent' THEN 0 ELSE 1 END, id LIMIT 1",
            args![account, kid, amount, claim.due_date],
            |r| Ok((r.int(0)?, GiroClaimStatus::parse(r.text(1)?)?)),
        )?;
        Ok(match found {
            Some((id, GiroClaimStatus::Sent)) => {
                self.0.execute(
                    "UPDATE giro_claims SET status = 'cancelled', cancelled_by = ?2 WHERE id = ?1",
                    args![id, file_id],
                )?;
                Cancelled::Now
            }
            Some((_, GiroClaimStatus::Settled)) => Cancelled::Settled,
            Some((_, GiroClaimStatus::Cancelled)) | None => Cancelled::Nothing,
        })
    }

    /// Adds OCR giro payments (their `id` ignored).
    fn insert_payments(&mut self, payments: &[PaymentRow]) -> Result<(), BookError> {
        if payments.is_empty() {
            return Ok(());
        }
        let mut bulk = self.0.bulk(
            "payments",
            &[
                "file_id",
                "agreement_id",
                "account",
                "assignment_number",
                "transaction_number",
                "transaction_type",
                "nets_date",
                "amount_ore",
                "kid",
                "claim_id",
            ],
        )?;
        for p in payments {
            bulk.row(&payment_values(p)[1..])?;
        }
        bulk.finish()
    }

    /// A page of the settlements (type 15) of `account` that settle no claim yet: at most
    /// [`PART`], in order of KID and then of id, after `after` (the KID and id of the last of
    /// the page before; none for the first). The page reads little more of the payments than
    /// it holds (and those of `after`'s KID that pages before left unsettled): the partial
    /// index `payments_unsettling` gives the order of KIDs, and the page ends at the KID of the
    /// [`PART`]th settlement after `after`. However many one KID has, a page holds one
    /// settlement at the least while any is left after `after`.
    fn unsettling_payments(
        &mut self,
        account: &str,
        after: Option<(&str, i64)>,
    ) -> Result<Vec<PaymentRow>, BookError> {
        let (kid, id) = after.unwrap_or(("", 0));
        let unsettling = "account = ?1 AND transaction_type = 15 AND claim_id IS NULL";
        let after = "kid >= ?2 AND (kid > ?2 OR id > ?3)";
        let sql = format!(
            "SELECT {PAYMENT_COLUMNS} FROM payments
             WHERE {unsettling} AND {after}
             AND kid <= (SELECT MAX(kid) FROM (SELECT kid FROM payments
                 WHERE {unsettling} AND {after} ORDER BY kid LIMIT {PART}) page)
             ORDER BY kid, id LIMIT {PART}"
        );
        rows(self.0, &sql, args![account, kid, id], payment_row)
    }

    /// Records the AvtaleGiro claim each payment of `settled` (payment, claim) settles, by one
    /// statement.
    fn set_payment_claims(&mut self, settled: &[(i64, i64)]) -> Result<(), BookError> {
        if settled.is_empty() {
            return Ok(());
        }
        self.staged(
            "paid (id BIGINT NOT NULL, claim_id BIGINT NOT NULL)",
            &["id", "claim_id"],
            &mut |bulk| {
                settled
                    .iter()
                    .try_for_each(|&(payment, claim)| bulk.row(args![payment, claim]))
            },
            &mut |tx| {
                tx.0.execute(
                    "UPDATE payments SET claim_id = p.claim_id FROM paid p WHERE payments.id = p.id",
                    &[],
                )
            },
        )
    }

    /// Writes an AvtaleGiro mandate (new, or replacing the one of its account and KID).
    pub(crate) fn put_giro_mandate(&mut self, m: &GiroMandateRow) -> Result<(), BookError> {
        self.0.execute(
            "DELETE FROM giro_mandates WHERE account = ?1 AND kid = ?2",
            args![&m.account, &m.kid],
        )?;
        self.0.execute(
            "INSERT INTO giro_mandates (account, kid, status, written_notice, file_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            args![
                &m.account,
                &m.kid,
                m.status.as_str(),
                m.written_notice.code(),
                m.file_id
            ],
        )
    }

    /// After a full listing (decision A9) of `account` in file `file_id`: the account's
    /// mandates it did not list are deleted. How many.
    fn delete_unlisted_giro_mandates(
        &mut self,
        account: &str,
        file_id: i64,
    ) -> Result<u64, BookError> {
        let unlisted = one(
            self.0,
            "SELECT COUNT(*) FROM giro_mandates WHERE account = ?1 AND status = 'active'
             AND file_id <> ?2",
            args![account, file_id],
            |r| r.count(0),
        )?;
        self.0.execute(
            "UPDATE giro_mandates SET status = 'deleted', file_id = ?2
             WHERE account = ?1 AND status = 'active' AND file_id <> ?2",
            args![account, file_id],
        )?;
        Ok(unlisted)
    }

    /// Every AvtaleGiro claim, in the order sent.
    pub(crate) fn giro_claims(&mut self) -> Result<Vec<GiroClaimRow>, BookError> {
        let sql = format!("SELECT {GIRO_CLAIM_COLUMNS} FROM giro_claims ORDER BY id");
        rows(self.0, &sql, &[], giro_claim_row)
    }

    /// The OCR giro payments of `kid` (every one without), in the order received.
    pub(crate) fn payments(&mut self, kid: Option<&str>) -> Result<Vec<PaymentRow>, BookError> {
        if let Some(kid) = kid {
            let sql = format!("SELECT {PAYMENT_COLUMNS} FROM payments WHERE kid = ?1 ORDER BY id");
            rows(self.0, &sql, args![kid], payment_row)
        } else {
            let sql = format!("SELECT {PAYMENT_COLUMNS} FROM payments ORDER BY id");
            rows(self.0, &sql, &[], payment_row)
        }
    }

    /// Every AvtaleGiro mandate.
    pub(crate) fn giro_mandates(&mut self) -> Result<Vec<GiroMandateRow>, BookError> {
        rows(
            self.0,
            "SELECT account, kid, status, written_notice, file_id FROM giro_mandates
             ORDER BY account, kid",
            &[],
            giro_mandate_row,
        )
    }

    /// The AvtaleGiro claims and payments the book holds, counted and summed.
    fn giro_totals(&mut self, today: Date) -> Result<GiroTotals, BookError> {
        let claims = rows(
            self.0,
            "SELECT status, COUNT(*), CAST(COALESCE(SUM(amount_ore), 0) AS BIGINT) FROM giro_claims
             GROUP BY status ORDER BY status",
            &[],
            |r| Ok((GiroClaimStatus::parse(r.text(0)?)?, r.count(1)?, r.int(2)?)),
        )?;
        let not_settled = one(
            self.0,
            "SELECT COUNT(*), CAST(COALESCE(SUM(amount_ore), 0) AS BIGINT) FROM giro_claims
             WHERE status = 'sent' AND answer_due < ?1",
            args![today],
            |r| Ok((r.count(0)?, r.int(1)?)),
        )?;
        let payments = one(
            self.0,
            "SELECT COUNT(*), CAST(COALESCE(SUM(amount_ore), 0) AS BIGINT) FROM payments",
            &[],
            |r| Ok((r.count(0)?, r.int(1)?)),
        )?;
        let unsettling = one(
            self.0,
            "SELECT COUNT(*), CAST(COALESCE(SUM(amount_ore), 0) AS BIGINT) FROM payments
             WHERE transaction_type = 15 AND claim_id IS NULL",
            &[],
            |r| Ok((r.count(0)?, r.int(1)?)),
        )?;
        let mandates = one(
            self.0,
            "SELECT COUNT(*) FROM giro_mandates WHERE status = 'active'",
            &[],
            |r| r.count(0),
        )?;
        Ok(GiroTotals {
            claims,
            not_settled,
            payments,
            unsettling,
            mandates,
        })
    }

    /// Puts an AvtaleGiro claim back as it was in another book, its id included.
    pub(crate) fn restore_giro_claim(&mut self, c: &GiroClaimRow) -> Result<(), BookError> {
        let sql = format!(
            "INSERT INTO giro_claims ({GIRO_CLAIM_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
        );
        self.0.execute(&sql, &giro_claim_values(c))
    }

    /// Puts a payment back as it was in another book, its id included.
    pub(crate) fn restore_payment(&mut self, p: &PaymentRow) -> Result<(), BookError> {
        let sql = format!(
            "INSERT INTO payments ({PAYMENT_COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
        );
        self.0.execute(&sql, &payment_values(p))
    }
}

/// The values of an AvtaleGiro claim, in the order of [`GIRO_CLAIM_COLUMNS`].
fn giro_claim_values(c: &GiroClaimRow) -> [Value<'_>; 13] {
    [
        Value::from(c.id),
        Value::from(c.file_id),
        Value::from(&c.account),
        Value::from(c.assignment_number),
        Value::from(c.transaction_number),
        Value::from(&c.kid),
        Value::from(c.amount_ore),
        Value::from(c.due_date),
        Value::from(&c.short_name),
        Value::from(&c.foreign_reference),
        Value::from(c.status.as_str()),
        Value::from(c.answer_due),
        Value::from(c.cancelled_by),
    ]
}

/// The values of a payment, in the order of [`PAYMENT_COLUMNS`].
fn payment_values(p: &PaymentRow) -> [Value<'_>; 11] {
    [
        Value::from(p.id),
        Value::from(p.file_id),
        Value::from(p.agreement_id),
        Value::from(&p.account),
        Value::from(p.assignment_number),
        Value::from(p.transaction_number),
        Value::from(type_number(p.transaction_type)),
        Value::from(p.nets_date),
        Value::from(p.amount_ore),
        Value::from(&p.kid),
        Value::from(p.claim_id),
    ]
}

/// The counts and sums [`GiroStatus`] is made of.
struct GiroTotals {
    claims: Vec<(GiroClaimStatus, u64, i64)>,
    not_settled: (u64, i64),
    payments: (u64, i64),
    unsettling: (u64, i64),
    mandates: u64,
}

/// A part of an AvtaleGiro assignment of a file sent: its claims waiting to be settled, or its
/// cancellation requests applied; nothing for an assignment of another service.
pub(crate) fn sent_part(
    tx: &mut Tx<'_>,
    file_id: i64,
    a: &Assignment,
    read_on: Date,
    imported: &mut Imported,
) -> Result<(), BookError> {
    match a {
        Assignment::AvtaleGiroClaims(c) => {
            let h = &c.header;
            let rows = c
                .claims
                .iter()
                .map(|claim| {
                    Ok(GiroClaimRow {
                        id: 0,
                        file_id,
                        account: h.account.as_str().to_owned(),
                        assignment_number: h.assignment_number,
                        transaction_number: claim.transaction_number,
                        kid: claim.kid.as_ref().map_or("", |k| k.as_str()).to_owned(),
                        amount_ore: i64::try_from(claim.amount.ore()).map_err(corrupt)?,
                        due_date: claim.due_date,
                        short_name: claim
                            .names
                            .map(|n| n.short_name.to_string())
                            .unwrap_or_default(),
                        foreign_reference: claim
                            .names
                            .map(|n| n.foreign_reference.to_string())
                            .unwrap_or_default(),
                        status: GiroClaimStatus::Sent,
                        answer_due: answer_due(claim.due_date, read_on),
                        cancelled_by: None,
                    })
                })
                .collect::<Result<Vec<_>, BookError>>()?;
            tx.insert_giro_claims(&rows)?;
            imported.giro_claims += rows.len();
        }
        Assignment::AvtaleGiroCancellations(c) => {
            let account = c.header.account.as_str();
            for claim in &c.cancellations {
                let what = || {
                    let kid = claim
                        .kid
                        .as_ref()
                        .map_or_else(|| Said::new("book.kid-none"), |k| Said::plain(k.as_str()));
                    Said::new("book.cancellation")
                        .with("number", claim.transaction_number)
                        .with("amount", claim.amount)
                        .with("due", claim.due_date)
                        .with_words("kid", kid)
                };
                match tx.cancel_giro_claim(file_id, account, claim)? {
                    Cancelled::Now => imported.cancelled += 1,
                    Cancelled::Settled => imported
                        .notes
                        .push(Said::new("book.cancel-settled").with_words("what", what())),
                    Cancelled::Nothing => imported.notes.push(
                        Said::new("book.cancel-nothing")
                            .with_words("what", what())
                            .with("account", account),
                    ),
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// After a file sent: the settlements of its accounts kept unmatched that one of its claims
/// settles now (a file from MPS imported before the claims it settles). Read a page at a time
/// (settlements kept pile up in a book that has not the claims they settle): settlements of
/// one KID compete for its claims in the order they were recorded, and those of different KIDs
/// never compete, so that pages in order of KID and then of id settle what one pass in order
/// of id would.
pub(crate) fn settle_kept(
    tx: &mut Tx<'_>,
    accounts: &[String],
    imported: &mut Imported,
) -> Result<(), BookError> {
    for account in accounts {
        let mut after: Option<(String, i64)> = None;
        loop {
            let kept =
                tx.unsettling_payments(account, after.as_ref().map(|(k, i)| (k.as_str(), *i)))?;
            let Some(last) = kept.last() else {
                break;
            };
            after = Some((last.kid.clone(), last.id));
            let settlements: Vec<(&str, i64, Date)> = kept
                .iter()
                .map(|p| (p.kid.as_str(), p.amount_ore, p.nets_date))
                .collect();
            let claims = tx.settle_giro_claims(account, &settlements)?;
            let settled: Vec<(i64, i64)> = kept
                .iter()
                .zip(claims)
                .filter_map(|(p, claim)| Some((p.id, claim?)))
                .collect();
            tx.set_payment_claims(&settled)?;
            imported.settled += settled.len();
        }
    }
    Ok(())
}

/// A part of an assignment of a file from MPS: OCR giro's payments recorded (those of type 15
/// settling AvtaleGiro claims), or AvtaleGiro's mandates kept. `listing` says whether the
/// assignment of mandates being read is a full listing (decision A9), across its parts.
/// Nothing for an assignment of Autogiro.
pub(crate) fn answer_part(
    tx: &mut Tx<'_>,
    file_id: i64,
    part: &autogiro_model::Part<'_>,
    listing: &mut bool,
    imported: &mut Imported,
) -> Result<(), BookError> {
    match part.assignment {
        Assignment::OcrGiro(a) => payments(tx, file_id, a, imported)?,
        Assignment::AvtaleGiroMandates(m) => {
            if part.first {
                *listing = false;
            }
            mandates(tx, file_id, m, listing, imported)?;
            if part.last && *listing {
                let deleted =
                    tx.delete_unlisted_giro_mandates(m.header.account.as_str(), file_id)?;
                if deleted > 0 {
                    imported.notes.push(
                        Said::new("book.giro-unlisted")
                            .with("n", deleted)
                            .with("account", m.header.account),
                    );
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Records the payments of an OCR giro assignment; each of type 15 settles the AvtaleGiro
/// claim it answers, when the book has it.
fn payments(
    tx: &mut Tx<'_>,
    file_id: i64,
    a: &OcrAssignment,
    imported: &mut Imported,
) -> Result<(), BookError> {
    let h = &a.header;
    let account = h.account.as_str();
    let mut rows = a
        .payments
        .iter()
        .map(|p| payment(file_id, h, p))
        .collect::<Result<Vec<_>, _>>()?;
    // Of type 15 and not a credit: a settlement of an AvtaleGiro claim.
    let settles = |p: &OcrPayment| p.transaction_type == OcrType::AvtaleGiro && !p.credit;
    let settlements: Vec<(&str, i64, Date)> = rows
        .iter()
        .zip(&a.payments)
        .filter(|(_, p)| settles(p))
        .map(|(r, _)| (r.kid.as_str(), r.amount_ore, r.nets_date))
        .collect();
    let mut claims = tx.settle_giro_claims(account, &settlements)?.into_iter();
    for (row, _) in rows.iter_mut().zip(&a.payments).filter(|(_, p)| settles(p)) {
        row.claim_id = claims.next().flatten();
        if row.claim_id.is_some() {
            imported.settled += 1;
        } else {
            imported.unsettling += 1;
        }
    }
    imported.payments += rows.len();
    tx.insert_payments(&rows)
}

/// A payment as the book keeps it.
fn payment(
    file_id: i64,
    h: &autogiro_model::AssignmentHeader,
    p: &OcrPayment,
) -> Result<PaymentRow, BookError> {
    let ore = i64::try_from(p.amount.ore()).map_err(corrupt)?;
    Ok(PaymentRow {
        id: 0,
        file_id,
        agreement_id: h.agreement_id,
        account: h.account.as_str().to_owned(),
        assignment_number: h.assignment_number,
        transaction_number: p.transaction_number,
        transaction_type: p.transaction_type,
        nets_date: p.nets_date,
        amount_ore: if p.credit { -ore } else { ore },
        kid: p.kid.as_ref().map_or("", |k| k.as_str()).to_owned(),
        claim_id: None,
    })
}

/// Keeps AvtaleGiro's mandates as MPS lists them: listed, new or changed active, deleted
/// deleted.
fn mandates(
    tx: &mut Tx<'_>,
    file_id: i64,
    m: &AvtaleGiroMandates,
    listing: &mut bool,
    imported: &mut Imported,
) -> Result<(), BookError> {
    let account = m.header.account.as_str();
    for mandate in &m.mandates {
        let Some(kid) = &mandate.kid else {
            imported.notes.push(
                Said::new("book.giro-no-kid")
                    .with("number", mandate.serial_number)
                    .with("account", account),
            );
            continue;
        };
        let status = match mandate.registration_type {
            AvtaleGiroRegistration::Listing => {
                *listing = true;
                GiroMandateStatus::Active
            }
            AvtaleGiroRegistration::NewOrChanged => GiroMandateStatus::Active,
            AvtaleGiroRegistration::Deleted => GiroMandateStatus::Deleted,
        };
        tx.put_giro_mandate(&GiroMandateRow {
            account: account.to_owned(),
            kid: kid.as_str().to_owned(),
            status,
            written_notice: mandate.written_notice,
            file_id,
        })?;
        imported.giro_mandates += 1;
    }
    Ok(())
}

/// AvtaleGiro's claims and OCR giro's payments in the book: what `book status` says of them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GiroStatus {
    /// AvtaleGiro's claims per status: how many, their sum.
    pub claims: Vec<(GiroClaimStatus, u64, Amount)>,
    /// Of the claims still sent, those past their due date and 3 business days: not settled
    /// (MPS answers only what it settles).
    pub not_settled: (u64, Amount),
    /// Every OCR giro payment received: how many, their sum (credits taken off).
    pub payments: (u64, Amount),
    /// Payments of type 15 (a settled AvtaleGiro claim) that settle no claim in the book.
    pub unsettling: (u64, Amount),
    /// AvtaleGiro mandates active as MPS listed them.
    pub mandates: u64,
}

impl GiroStatus {
    /// Whether the book holds nothing of AvtaleGiro or OCR giro.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty() && self.payments.0 == 0 && self.mandates == 0
    }
}

/// An OCR giro payment received, as the book shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Payment {
    /// The book's id of the payment.
    pub id: i64,
    /// The file it came in.
    pub file: String,
    /// The agreement (OCR giro assignment start, positions 9-17).
    pub agreement_id: u32,
    /// The assignment account.
    pub account: String,
    /// Where it came from: `15` a settled AvtaleGiro claim (its code in JSON).
    #[serde(serialize_with = "type_code")]
    pub transaction_type: OcrType,
    /// MPS's settlement date.
    pub nets_date: Date,
    /// The amount.
    pub amount: Amount,
    /// A credit (sign `-`): the amount counts negative.
    pub credit: bool,
    /// The KID, if it had one.
    pub kid: Option<String>,
    /// The AvtaleGiro claim it settles (type 15), by the book's id.
    pub settles: Option<i64>,
}

/// An OCR giro transaction type in JSON: its code (`"15"`).
fn type_code<S: serde::Serializer>(t: &OcrType, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(t.code())
}

/// The status of AvtaleGiro's claims and OCR giro's payments on `today`.
pub(crate) fn status(tx: &mut Tx<'_>, today: Date) -> Result<GiroStatus, BookError> {
    let t = tx.giro_totals(today)?;
    let amount = |sum: i64| Amount::from_ore(sum.unsigned_abs()).unwrap_or(Amount::MAX);
    Ok(GiroStatus {
        claims: t
            .claims
            .into_iter()
            .map(|(s, n, sum)| (s, n, amount(sum)))
            .collect(),
        not_settled: (t.not_settled.0, amount(t.not_settled.1)),
        payments: (t.payments.0, amount(t.payments.1)),
        unsettling: (t.unsettling.0, amount(t.unsettling.1)),
        mandates: t.mandates,
    })
}

/// The payments as the book shows them, with the names of the files they came in.
pub(crate) fn payment_views(tx: &mut Tx<'_>, kid: Option<&str>) -> Result<Vec<Payment>, BookError> {
    let files: std::collections::HashMap<i64, String> =
        tx.files()?.into_iter().map(|f| (f.id, f.name)).collect();
    Ok(tx
        .payments(kid)?
        .into_iter()
        .map(|p| Payment {
            id: p.id,
            file: files.get(&p.file_id).cloned().unwrap_or_default(),
            agreement_id: p.agreement_id,
            account: p.account,
            transaction_type: p.transaction_type,
            nets_date: p.nets_date,
            amount: Amount::from_ore(p.amount_ore.unsigned_abs()).unwrap_or(Amount::MAX),
            credit: p.amount_ore < 0,
            kid: (!p.kid.is_empty()).then_some(p.kid),
            settles: p.claim_id,
        })
        .collect())
}
