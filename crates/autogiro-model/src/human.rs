//! Dates as people write them, for data that comes from billing systems and spreadsheets.

use time::{Date, Month};

/// Why text is not a date ([`parse_date`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` or `DD.MM.YYYY`.
    #[error("{0:?} is not a date (write it like 2026-01-15 or 15.01.2026)")]
    Form(String),
    /// Of the form, but no day of the calendar (`2026-02-30`).
    #[error("{0:?} is no day of the calendar")]
    NoSuchDay(String),
}

/// A date written `YYYY-MM-DD` (ISO 8601) or `DD.MM.YYYY` (as in Norway); one-digit days and
/// months are allowed in the second form (`5.1.2026`).
///
/// ```
/// use autogiro_model::parse_date;
/// use time::macros::date;
///
/// assert_eq!(parse_date("2026-01-15")?, date!(2026 - 01 - 15));
/// assert_eq!(parse_date("15.01.2026")?, date!(2026 - 01 - 15));
/// assert_eq!(parse_date("5.1.2026")?, date!(2026 - 01 - 05));
/// assert!(parse_date("2026-02-30").is_err());
/// assert!(parse_date("15/01/2026").is_err());
/// # Ok::<(), autogiro_model::DateError>(())
/// ```
///
/// # Errors
///
/// [`DateError::Form`], [`DateError::NoSuchDay`].
pub fn parse_date(text: &str) -> Result<Date, DateError> {
    let s = text.trim();
    let form = || DateError::Form(text.to_owned());
    let number = |part: &str, min: usize, max: usize| -> Result<u32, DateError> {
        if (min..=max).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().map_err(|_| form())
        } else {
            Err(form())
        }
    };
    let parts: Vec<&str> = if s.contains('-') {
        s.split('-').collect()
    } else {
        s.split('.').rev().collect()
    };
    let [year, month, day] = parts[..] else {
        return Err(form());
    };
    let short = if s.contains('-') { 2 } else { 1 };
    let (year, month, day) = (
        number(year, 4, 4)?,
        number(month, short, 2)?,
        number(day, short, 2)?,
    );
    let no_such = || DateError::NoSuchDay(text.to_owned());
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or_else(no_such)?;
    let year = i32::try_from(year).map_err(|_| no_such())?;
    let day = u8::try_from(day).map_err(|_| no_such())?;
    Date::from_calendar_date(year, month, day).map_err(|_| no_such())
}
