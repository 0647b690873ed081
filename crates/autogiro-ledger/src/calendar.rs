//! Norges Bank's settlement calendar ([decision 8](docs/spec-decisions.md#decision-8)): the days MPS settles on.

use time::{Date, Duration, Month, Weekday};

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
    use time::macros::date;

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
