use time::{Date, Duration, Month};

use autogiro_format::PeriodCode;

/// A calendar window of an amount limit ([decision 7](docs/spec-decisions.md#decision-7)): the first and last day, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Period {
    /// The first day.
    pub start: Date,
    /// The last day.
    pub end: Date,
}

impl Period {
    /// The window of `code` that holds `date`: the day; the ISO week Monday-Sunday; the month;
    /// the quarter; January-June or July-December; the year. `None` for
    /// [`PeriodCode::NoPeriod`] (simplified mandates have no limit).
    ///
    /// The spec does not say whether periods are calendar or rolling; the project counts
    /// calendar periods, an assumption ([decision 7](docs/spec-decisions.md#decision-7)).
    ///
    /// ```
    /// use autogiro_format::PeriodCode;
    /// use autogiro_ledger::Period;
    /// use time::macros::date;
    ///
    /// let week = Period::containing(PeriodCode::Weekly, date!(2027 - 01 - 01)).unwrap();
    /// assert_eq!((week.start, week.end), (date!(2026 - 12 - 28), date!(2027 - 01 - 03)));
    /// ```
    pub fn containing(code: PeriodCode, date: Date) -> Option<Self> {
        let year = date.year();
        let month_start = |m: Month| Date::from_calendar_date(year, m, 1).ok();
        let month_end = |m: Month| Date::from_calendar_date(year, m, m.length(year)).ok();
        let (start, end) = match code {
            PeriodCode::NoPeriod => return None,
            PeriodCode::Daily => (date, date),
            PeriodCode::Weekly => {
                let monday =
                    date - Duration::days(i64::from(date.weekday().number_days_from_monday()));
                (monday, monday + Duration::days(6))
            }
            PeriodCode::Monthly => (month_start(date.month())?, month_end(date.month())?),
            PeriodCode::Quarterly => {
                let first = (u8::from(date.month()) - 1) / 3 * 3 + 1;
                let first = Month::try_from(first).ok()?;
                (month_start(first)?, month_end(first.nth_next(2))?)
            }
            PeriodCode::HalfYearly => {
                if u8::from(date.month()) <= 6 {
                    (month_start(Month::January)?, month_end(Month::June)?)
                } else {
                    (month_start(Month::July)?, month_end(Month::December)?)
                }
            }
            PeriodCode::Yearly => (month_start(Month::January)?, month_end(Month::December)?),
        };
        Some(Self { start, end })
    }

    /// Whether `date` lies in the window.
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }
}
