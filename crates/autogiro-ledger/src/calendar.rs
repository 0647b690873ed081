//! Norges Bank's settlement calendar ([decision 8](docs/spec-decisions.md#decision-8)): the days MPS settles on.

use time::{Date, Duration, Month, Weekday};

/// The date in Oslo (time zone `Europe/Oslo`, summer time included) at the instant `at`: the
/// "today" of a payee, whose files MPS dates by Norwegian days. The UTC date is yesterday's
/// between midnight and 01:00 (02:00 in summer) in Oslo.
///
/// ```
/// use autogiro_ledger::date_in_oslo;
/// use std::time::{Duration, SystemTime};
/// use time::macros::date;
///
/// // 2026-07-01 22:30 UTC is 00:30 on 2 July in Oslo (summer time, UTC+2).
/// let at = SystemTime::UNIX_EPOCH + Duration::from_secs(1_782_945_000);
/// assert_eq!(date_in_oslo(at)?, date!(2026 - 07 - 02));
/// # Ok::<(), autogiro_ledger::TimeZoneError>(())
/// ```
///
/// # Errors
///
/// [`TimeZoneError`] when the time zone database (the system's, else the one built in) has no
/// `Europe/Oslo`, or `at` is outside the dates it can tell.
pub fn date_in_oslo(at: std::time::SystemTime) -> Result<Date, TimeZoneError> {
    let wrong = |e: &dyn std::fmt::Display| TimeZoneError(e.to_string());
    let oslo = jiff::tz::TimeZone::get("Europe/Oslo").map_err(|e| wrong(&e))?;
    let timestamp = jiff::Timestamp::try_from(at).map_err(|e| wrong(&e))?;
    let day = oslo.to_datetime(timestamp).date();
    let month = u8::try_from(day.month()).map_err(|e| wrong(&e))?;
    let month = Month::try_from(month).map_err(|e| wrong(&e))?;
    let d = u8::try_from(day.day()).map_err(|e| wrong(&e))?;
    Date::from_calendar_date(i32::from(day.year()), month, d).map_err(|e| wrong(&e))
}

/// Today's date in Oslo ([`date_in_oslo`] of now).
///
/// # Errors
///
/// [`TimeZoneError`], as [`date_in_oslo`].
pub fn today_in_oslo() -> Result<Date, TimeZoneError> {
    date_in_oslo(std::time::SystemTime::now())
}

/// Oslo's date could not be told: the time zone database failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot tell the date in Europe/Oslo: {0}")]
pub struct TimeZoneError(String);

/// Easter Sunday of `year`, by the Gregorian computus (the anonymous algorithm of 1876).
///
/// ```
/// use autogiro_ledger::easter_sunday;
/// use time::macros::date;
///
/// assert_eq!(easter_sunday(2026), Some(date!(2026 - 04 - 05)));
/// ```
///
/// `None` only for years `time::Date` cannot hold.
#[allow(clippy::many_single_char_names)] // The names of the published algorithm.
pub fn easter_sunday(year: i32) -> Option<Date> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

/// The name of the settlement holiday `date` is, if it is one (weekends aside).
pub fn holiday(date: Date) -> Option<&'static str> {
    let fixed = match (date.month(), date.day()) {
        (Month::January, 1) => Some("New Year's Day"),
        (Month::May, 1) => Some("Labour Day"),
        (Month::May, 17) => Some("Constitution Day"),
        (Month::December, 24) => Some("Christmas Eve"),
        (Month::December, 25) => Some("Christmas Day"),
        (Month::December, 26) => Some("Boxing Day"),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    // Easter Sunday falls from 22 March to 25 April: its holidays, from Maundy Thursday to Whit
    // Monday, from 19 March to 14 June. Outside them Easter need not be computed (the book
    // asks for every claim it stores).
    let (month, day) = (date.month(), date.day());
    if month < Month::March
        || month > Month::June
        || (month == Month::March && day < 19)
        || (month == Month::June && day > 14)
    {
        return None;
    }
    let easter = easter_sunday(date.year())?;
    match (date - easter).whole_days() {
        -3 => Some("Maundy Thursday"),
        -2 => Some("Good Friday"),
        0 => Some("Easter Sunday"),
        1 => Some("Easter Monday"),
        39 => Some("Ascension Day"),
        49 => Some("Whit Sunday"),
        50 => Some("Whit Monday"),
        _ => None,
    }
}

/// Whether MPS settles on `date`: Monday to Friday, not a holiday of [decision 8](docs/spec-decisions.md#decision-8). 31 December
/// on a weekday is a business day.
pub fn is_business_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) && holiday(date).is_none()
}

/// `date` if it is a business day, else the next one: where a due date on a non-business day
/// rolls to (spec 2.3 field 6).
pub fn next_business_day(date: Date) -> Date {
    let mut d = date;
    while !is_business_day(d) {
        match d.next_day() {
            Some(next) => d = next,
            None => return d,
        }
    }
    d
}

/// The business day `n` business days after `date`, counted from `date` when it is a business
/// day and from the next business day when it is not: a file read on a Saturday counts as
/// read on the Monday ([decision 21](docs/spec-decisions.md#decision-21)), so Saturday 21 March
/// 2026 + 5 is Monday 30 March, not Friday 27 March. For 0: `date` itself when it is a
/// business day, else the next one.
pub fn add_business_days(date: Date, n: u32) -> Date {
    let mut d = next_business_day(date);
    for _ in 0..n {
        d = next_business_day(d.next_day().unwrap_or(d));
    }
    d
}

/// The number of business days after `from` up to and including `to` (negative when `to` is
/// before `from`).
pub fn business_days_between(from: Date, to: Date) -> i64 {
    let (start, end, sign) = if from <= to {
        (from, to, 1)
    } else {
        (to, from, -1)
    };
    let mut count = 0;
    let mut d = start;
    while d < end {
        d += Duration::days(1);
        if is_business_day(d) {
            count += 1;
        }
    }
    sign * count
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    /// Oslo's date on either side of its midnight, in winter (UTC+1) and summer (UTC+2), and
    /// on the days the clocks change (29 March and 25 October 2026).
    #[test]
    fn oslo_dates_turn_at_oslo_midnight_in_winter_and_summer() {
        let at = |utc: time::OffsetDateTime| {
            let seconds = u64::try_from(utc.unix_timestamp()).unwrap();
            date_in_oslo(std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds)).unwrap()
        };
        let cases = [
            (datetime!(2026-01-15 22:59:59 UTC), date!(2026 - 01 - 15)),
            (datetime!(2026-01-15 23:00:00 UTC), date!(2026 - 01 - 16)),
            (datetime!(2026-07-01 21:59:59 UTC), date!(2026 - 07 - 01)),
            (datetime!(2026-07-01 22:00:00 UTC), date!(2026 - 07 - 02)),
            // Still winter time at midnight before the spring change...
            (datetime!(2026-03-28 22:59:59 UTC), date!(2026 - 03 - 28)),
            (datetime!(2026-03-28 23:00:00 UTC), date!(2026 - 03 - 29)),
            // ...summer time at the next.
            (datetime!(2026-03-29 21:59:59 UTC), date!(2026 - 03 - 29)),
            (datetime!(2026-03-29 22:00:00 UTC), date!(2026 - 03 - 30)),
            (datetime!(2026-10-24 21:59:59 UTC), date!(2026 - 10 - 24)),
            (datetime!(2026-10-24 22:00:00 UTC), date!(2026 - 10 - 25)),
            (datetime!(2026-10-25 22:59:59 UTC), date!(2026 - 10 - 25)),
            (datetime!(2026-10-25 23:00:00 UTC), date!(2026 - 10 - 26)),
            (datetime!(2026-12-31 23:00:00 UTC), date!(2027 - 01 - 01)),
        ];
        for (utc, oslo) in cases {
            assert_eq!(at(utc), oslo, "{utc}");
        }
    }

    #[test]
    fn the_moveable_holidays_stay_within_march_19_and_june_14() {
        // Every year's Maundy Thursday and Whit Monday, 1900-2299: within the range the
        // holidays are looked for in.
        for year in 1900..2300 {
            let easter = easter_sunday(year).unwrap();
            for offset in [-3, 50] {
                // Whit Monday on 17 May is named Constitution Day.
                let day = easter + time::Duration::days(offset);
                assert!(holiday(day).is_some(), "{day}");
            }
        }
    }

    #[test]
    fn holidays_of_2027_by_name() {
        assert_eq!(holiday(date!(2027 - 03 - 25)), Some("Maundy Thursday"));
        assert_eq!(holiday(date!(2027 - 03 - 26)), Some("Good Friday"));
        assert_eq!(holiday(date!(2027 - 03 - 29)), Some("Easter Monday"));
        assert_eq!(holiday(date!(2027 - 05 - 06)), Some("Ascension Day"));
        assert_eq!(holiday(date!(2027 - 05 - 17)), Some("Constitution Day"));
        assert_eq!(
            holiday(date!(2027 - 05 - 17)),
            holiday(date!(2026 - 05 - 17))
        );
        assert_eq!(holiday(date!(2027 - 12 - 31)), None);
    }

    #[test]
    fn zero_business_days_is_the_day_itself_or_the_next() {
        assert_eq!(
            add_business_days(date!(2026 - 01 - 05), 0),
            date!(2026 - 01 - 05)
        );
        assert_eq!(
            add_business_days(date!(2026 - 01 - 03), 0),
            date!(2026 - 01 - 05)
        );
    }
}
