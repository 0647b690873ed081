//! A month of the book at a glance ([`Book::report`]): what `autogiro book report` draws.

use std::fmt;
use std::str::FromStr;

use autogiro_ledger::{Period, RegisteredMandate};
use autogiro_model::Amount;
use time::{Date, Month};

use super::{Book, BookClaim, BookError, ClaimFilter, ClaimStatus, Status, Store, Unmatched};
use crate::db::{args, rows};
use crate::states::MandateStatus;

/// How many outstanding claims and unmatched answers a report lists (it counts them all).
pub const REPORT_LISTED: usize = 50;

/// A calendar month (`YYYY-MM`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReportMonth {
    year: i32,
    month: Month,
}

impl ReportMonth {
    /// The month of `day`.
    pub fn of(day: Date) -> Self {
        Self {
            year: day.year(),
            month: day.month(),
        }
    }

    /// Its first day.
    pub fn first_day(self) -> Date {
        Date::from_calendar_date(self.year, self.month, 1).unwrap_or(Date::MIN)
    }

    /// Its last day.
    pub fn last_day(self) -> Date {
        let days = self.month.length(self.year);
        Date::from_calendar_date(self.year, self.month, days).unwrap_or(Date::MAX)
    }

    /// The month before.
    #[must_use]
    pub fn previous(self) -> Self {
        Self::of(self.first_day().previous_day().unwrap_or(Date::MIN))
    }
}

impl fmt::Display for ReportMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, u8::from(self.month))
    }
}

impl serde::Serialize for ReportMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Why a month cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a month: expected YYYY-MM, as 2026-03")]
pub struct NotAMonth(String);

impl FromStr for ReportMonth {
    type Err = NotAMonth;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || NotAMonth(s.to_owned());
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        let month = Month::try_from(month).map_err(|_| bad())?;
        Ok(Self { year, month })
    }
}

/// The claims of one month, by status.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MonthCounts {
    /// The month (of the claims' due dates).
    pub month: ReportMonth,
    /// Per status: how many, and their sum.
    pub counts: Vec<(ClaimStatus, u64, Amount)>,
}

/// The rejections of one error code in the month.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rejections {
    /// MPS's error code (record 36 positions 76-78).
    pub code: u16,
    /// How many claims.
    pub claims: u64,
    /// Their sum.
    pub sum: Amount,
}

/// A mandate whose claims in the period use 80 % of its amount limit or more.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LimitNear {
    /// The agreement.
    pub agreement_id: u32,
    /// The payer reference.
    pub payer: String,
    /// The period's name (`monthly`, ...).
    pub period: &'static str,
    /// The period's first and last day.
    pub window: (Date, Date),
    /// The limit.
    pub limit: Amount,
    /// The claims sent, retried or settled with a due date in the period.
    pub used: Amount,
}

/// A mandate registered or deleted in the month.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MandateChange {
    /// The agreement.
    pub agreement_id: u32,
    /// The payer reference.
    pub payer: String,
    /// The day (registered by MPS, or deleted).
    pub on: Date,
}

/// A month of the book, as `autogiro book report` shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MonthReport {
    /// The month.
    pub month: ReportMonth,
    /// The day the report was made: what is outstanding is as of it.
    pub today: Date,
    /// The twelve months up to the month, oldest first: claims by due date and status.
    pub months: Vec<MonthCounts>,
    /// The book's status on `today`, as `book status` gives it.
    pub status: Status,
    /// The month's rejections by error code (by processing date; 252, a retry, is none).
    pub rejections: Vec<Rejections>,
    /// Mandates near their amount limit in the period of the month's last day (or today).
    pub limits: Vec<LimitNear>,
    /// Mandates MPS registered in the month.
    pub mandates_added: Vec<MandateChange>,
    /// Mandates deleted in the month.
    pub mandates_removed: Vec<MandateChange>,
    /// The first [`REPORT_LISTED`] claims outstanding past their answer date (all are counted
    /// in `status.outstanding`).
    pub outstanding: Vec<BookClaim>,
    /// The first [`REPORT_LISTED`] answers kept unmatched (all are counted in
    /// `status.unmatched`).
    pub unmatched: Vec<Unmatched>,
}

impl Book {
    /// The report of `month` as of `today`: the claims of the twelve months up to it by
    /// status, its rejections by code, the mandates near their limits, registered and
    /// deleted, and what is outstanding and unmatched.
    ///
    /// # Errors
    ///
    /// [`BookError::Storage`], [`BookError::Corrupt`].
    pub fn report(&mut self, month: ReportMonth, today: Date) -> Result<MonthReport, BookError> {
        let status = self.status(today, crate::Show::Counts, None)?;
        let mut outstanding = Vec::new();
        let first = (0..11).fold(month, |m, _| m.previous());
        let (months, rejections, limits, (added, removed)) = self.store.read(|tx| {
            tx.claims(ClaimFilter::Outstanding(today), &mut |row| {
                if outstanding.len() < REPORT_LISTED {
                    outstanding.push(super::book_claim(row, Some(today)));
                }
                Ok(())
            })?;
            let months = months(tx, first, month)?;
            let rejections = rows(
                tx.0,
                "SELECT error_code, COUNT(*), CAST(COALESCE(SUM(amount_ore), 0) AS BIGINT)
                 FROM claims WHERE error_code IS NOT NULL AND error_code <> 252
                 AND processing_date >= ?1 AND processing_date <= ?2
                 GROUP BY error_code ORDER BY error_code",
                args![month.first_day(), month.last_day()],
                |r| {
                    Ok(Rejections {
                        code: r.number(0)?,
                        claims: r.count(1)?,
                        sum: super::ore(r.int(2)?),
                    })
                },
            )?;
            let day = month.last_day().min(today);
            Ok((
                months,
                rejections,
                limits(tx, day)?,
                mandate_changes(tx, month)?,
            ))
        })?;
        let mut unmatched = self.unmatched()?;
        unmatched.truncate(REPORT_LISTED);
        Ok(MonthReport {
            month,
            today,
            months,
            status,
            rejections,
            limits,
            mandates_added: added,
            mandates_removed: removed,
            outstanding,
            unmatched,
        })
    }
}

/// The claims of the months `first` to `last` by due date and status, every month listed.
fn months(
    tx: &mut crate::store::Tx<'_>,
    first: ReportMonth,
    last: ReportMonth,
) -> Result<Vec<MonthCounts>, BookError> {
    let sql = format!(
        "SELECT {}, status, COUNT(*), CAST(COALESCE(SUM(amount_ore), 0) AS BIGINT) FROM claims
         WHERE due_date >= ?1 AND due_date <= ?2 GROUP BY 1, 2 ORDER BY 1, 2",
        tx.0.dialect().month("due_date")
    );
    let found = rows(tx.0, &sql, args![first.first_day(), last.last_day()], |r| {
        let month: ReportMonth = r
            .text(0)?
            .parse()
            .map_err(|e: NotAMonth| BookError::Corrupt(e.to_string()))?;
        Ok((
            month,
            ClaimStatus::parse(r.text(1)?)?,
            r.count(2)?,
            r.int(3)?,
        ))
    })?;
    let mut months = Vec::new();
    let mut m = first;
    loop {
        months.push(MonthCounts {
            month: m,
            counts: found
                .iter()
                .filter(|(x, ..)| *x == m)
                .map(|(_, s, n, sum)| (*s, *n, super::ore(*sum)))
                .collect(),
        });
        if m >= last {
            break;
        }
        m = ReportMonth::of(m.last_day().next_day().unwrap_or(Date::MAX));
    }
    Ok(months)
}

/// The mandates whose claims sent, retried or settled in the period of `day` use 80 % of the
/// limit or more, the most used first.
fn limits(tx: &mut crate::store::Tx<'_>, day: Date) -> Result<Vec<LimitNear>, BookError> {
    let mut near = Vec::new();
    for row in tx.mandates(None)? {
        if row.status == MandateStatus::Deleted {
            continue;
        }
        let r: RegisteredMandate = serde_json::from_str(&row.registered).map_err(super::corrupt)?;
        if r.is_unlimited() {
            continue;
        }
        let (code, limit) = r.limit_on(day);
        let Some(window) = Period::containing(code, day) else {
            continue;
        };
        let used = crate::db::one(
            tx.0,
            "SELECT CAST(COALESCE(SUM(amount_ore), 0) AS BIGINT) FROM claims
             WHERE agreement_id = ?1 AND payer = ?2 AND due_date >= ?3 AND due_date <= ?4
             AND (status = 'sent' OR status = 'retry' OR status = 'settled')",
            args![r.agreement_id, &row.reference, window.start, window.end],
            |r| r.int(0),
        )?;
        let used = super::ore(used);
        // 80 %, in øre: used * 5 >= limit * 4.
        if limit.ore() > 0 && u128::from(used.ore()) * 5 >= u128::from(limit.ore()) * 4 {
            near.push(LimitNear {
                agreement_id: r.agreement_id,
                payer: r.mandate.payer_reference.digits().to_owned(),
                period: code.name(),
                window: (window.start, window.end),
                limit,
                used,
            });
        }
    }
    near.sort_by(|a, b| {
        let share =
            |x: &LimitNear| u128::from(x.used.ore()) * 1000 / u128::from(x.limit.ore().max(1));
        share(b).cmp(&share(a))
    });
    Ok(near)
}

/// The mandates registered by MPS in `month`, and those deleted in it.
fn mandate_changes(
    tx: &mut crate::store::Tx<'_>,
    month: ReportMonth,
) -> Result<(Vec<MandateChange>, Vec<MandateChange>), BookError> {
    let within = |d: Date| month.first_day() <= d && d <= month.last_day();
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    for row in tx.mandates(None)? {
        let r: RegisteredMandate = serde_json::from_str(&row.registered).map_err(super::corrupt)?;
        let change = |on| MandateChange {
            agreement_id: r.agreement_id,
            payer: r.mandate.payer_reference.digits().to_owned(),
            on,
        };
        if row.status == MandateStatus::Deleted {
            let on = r.changed.unwrap_or(r.registered);
            if within(on) {
                removed.push(change(on));
            }
        } else if within(r.registered) {
            added.push(change(r.registered));
        }
    }
    Ok((added, removed))
}
