//! What the book asks of a database: statements with values, rows read one at a time, rows
//! written in bulk. The one implementation of the book's operations ([`crate::store::Tx`])
//! speaks only this; each backend (`sqlite.rs`, `postgres.rs`) implements [`Conn`] once, with
//! what really differs between them: placeholders, how a column's type is encoded, how rows
//! are written in bulk (inserts against binary `COPY`), how a long query is read.

use time::Date;

use crate::BookError;
use crate::sql::Dialect;

/// A value given to a statement or read from a row. Integers of any width are one `Int`: each
/// backend writes it in the type of the column or parameter (PostgreSQL's `INTEGER` and
/// `BIGINT` are different types on the wire). A date is a `Date` given; read back, it is a
/// `Date` from PostgreSQL's `DATE` and text (`YYYY-MM-DD`) from SQLite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Value<'a> {
    Null,
    Int(i64),
    Text(&'a str),
    Date(Date),
}

impl From<i64> for Value<'_> {
    fn from(v: i64) -> Self {
        Self::Int(v)
    }
}

impl From<u32> for Value<'_> {
    fn from(v: u32) -> Self {
        Self::Int(i64::from(v))
    }
}

impl From<u16> for Value<'_> {
    fn from(v: u16) -> Self {
        Self::Int(i64::from(v))
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(v: &'a str) -> Self {
        Self::Text(v)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(v: &'a String) -> Self {
        Self::Text(v)
    }
}

impl From<Date> for Value<'_> {
    fn from(v: Date) -> Self {
        Self::Date(v)
    }
}

impl<'a, T: Into<Value<'a>>> From<Option<T>> for Value<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Self::Null, Into::into)
    }
}

/// The values of a statement, each as its [`Value`].
macro_rules! args {
    ($($v:expr),* $(,)?) => {
        &[$(crate::db::Value::from($v)),*]
    };
}
pub(crate) use args;

/// A row being read: its columns by position, from 0.
pub(crate) trait Columns {
    /// The value of column `i`.
    fn value(&self, i: usize) -> Result<Value<'_>, BookError>;
}

/// What a row's reader is handed besides the row: the connection, to write while a long
/// query is read (what a round of matching decided, a few thousand rows at a time).
pub(crate) type Each<'e> = dyn FnMut(&dyn Columns, &mut dyn Conn) -> Result<(), BookError> + 'e;

/// Rows written in bulk into one table ([`Conn::bulk`]).
pub(crate) trait Bulk {
    /// Writes a row: one value per column named.
    fn row(&mut self, values: &[Value<'_>]) -> Result<(), BookError>;
    /// Ends the writing: the rows are in the table.
    fn finish(self: Box<Self>) -> Result<(), BookError>;
}

/// A connection inside a transaction. Statements are written once for both backends, with
/// SQLite's placeholders `?1`, `?2`, … ([`Dialect::sql`]).
pub(crate) trait Conn {
    /// Which database this is, for the few statements that differ ([`Dialect`]).
    fn dialect(&self) -> Dialect;
    /// Runs a statement.
    fn execute(&mut self, sql: &str, args: &[Value<'_>]) -> Result<(), BookError>;
    /// Runs a query and hands its rows to `each` one at a time, as they come: a query of
    /// millions of rows is never all in memory.
    fn query(
        &mut self,
        sql: &str,
        args: &[Value<'_>],
        each: &mut Each<'_>,
    ) -> Result<(), BookError>;
    /// Starts writing rows into `table` (`columns` as named there): inserts of many rows a
    /// statement in SQLite, binary `COPY` in PostgreSQL.
    fn bulk<'s>(
        &'s mut self,
        table: &str,
        columns: &[&str],
    ) -> Result<Box<dyn Bulk + 's>, BookError>;
    /// Tells the connection that the statements until `sorting(false)` sort large sets:
    /// SQLite gives the sort the memory of its page cache meanwhile.
    fn sorting(&mut self, on: bool) -> Result<(), BookError>;
    /// Asks that a table or an index the transaction changed much be tidied once the
    /// transaction is committed ([`Tidy`]). SQLite changes its rows and indexes in place and
    /// needs nothing.
    fn tidy(&mut self, what: Tidy);
}

/// What a backend tidies once a transaction that wrote much is committed ([`Conn::tidy`]):
/// PostgreSQL, in the order asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tidy {
    /// A table a large share of whose rows the transaction wrote, vacuumed and analyzed: a
    /// row updated leaves its old version in every index until a vacuum (the next `book
    /// status` after a million answers counted through a million dead entries: 0.24 s, 0.02 s
    /// after), and a table without statistics is planned blind.
    Table(&'static str),
    /// An index most of whose entries the transaction took out, made again: a vacuum leaves
    /// the few left spread one to a page (`book status` after an answer to ten million claims
    /// read the 9 999 claims waiting from as many pages: 0.106 s).
    Index(&'static str),
}

/// The rows of a query, each made by `make`.
pub(crate) fn rows<T>(
    conn: &mut dyn Conn,
    sql: &str,
    args: &[Value<'_>],
    mut make: impl FnMut(Row<'_>) -> Result<T, BookError>,
) -> Result<Vec<T>, BookError> {
    let mut out = Vec::new();
    conn.query(sql, args, &mut |r, _| {
        out.push(make(Row(r))?);
        Ok(())
    })?;
    Ok(out)
}

/// The first row of a query, if any, made by `make`.
pub(crate) fn first<T>(
    conn: &mut dyn Conn,
    sql: &str,
    args: &[Value<'_>],
    mut make: impl FnMut(Row<'_>) -> Result<T, BookError>,
) -> Result<Option<T>, BookError> {
    let mut out = None;
    conn.query(sql, args, &mut |r, _| {
        if out.is_none() {
            out = Some(make(Row(r))?);
        }
        Ok(())
    })?;
    Ok(out)
}

/// The one row of a query that always gives one (an aggregate), made by `make`.
pub(crate) fn one<T>(
    conn: &mut dyn Conn,
    sql: &str,
    args: &[Value<'_>],
    make: impl FnMut(Row<'_>) -> Result<T, BookError>,
) -> Result<T, BookError> {
    first(conn, sql, args, make)?.ok_or_else(|| BookError::Storage(format!("no row from {sql}")))
}

/// A row, read by column and type: a value of another type than asked is a book written by
/// something else ([`BookError::Corrupt`]).
#[derive(Clone, Copy)]
pub(crate) struct Row<'r>(pub(crate) &'r dyn Columns);

fn unexpected(i: usize, what: &str, found: Value<'_>) -> BookError {
    BookError::Corrupt(format!("column {i}: expected {what}, found {found:?}"))
}

impl<'r> Row<'r> {
    /// An integer, or `None` for null.
    pub(crate) fn opt_int(self, i: usize) -> Result<Option<i64>, BookError> {
        match self.0.value(i)? {
            Value::Null => Ok(None),
            Value::Int(v) => Ok(Some(v)),
            other => Err(unexpected(i, "an integer", other)),
        }
    }

    /// An integer.
    pub(crate) fn int(self, i: usize) -> Result<i64, BookError> {
        self.opt_int(i)?
            .ok_or_else(|| unexpected(i, "an integer", Value::Null))
    }

    /// A count: an integer of 0 or more.
    pub(crate) fn count(self, i: usize) -> Result<u64, BookError> {
        let v = self.int(i)?;
        u64::try_from(v).map_err(|_| unexpected(i, "a count", Value::Int(v)))
    }

    /// An integer that fits `T` (an agreement id, a number), or `None` for null.
    pub(crate) fn opt_number<T: TryFrom<i64>>(self, i: usize) -> Result<Option<T>, BookError> {
        self.opt_int(i)?
            .map(|v| T::try_from(v).map_err(|_| unexpected(i, "a smaller number", Value::Int(v))))
            .transpose()
    }

    /// An integer that fits `T`.
    pub(crate) fn number<T: TryFrom<i64>>(self, i: usize) -> Result<T, BookError> {
        self.opt_number(i)?
            .ok_or_else(|| unexpected(i, "a number", Value::Null))
    }

    /// A text, or `None` for null.
    pub(crate) fn opt_text(self, i: usize) -> Result<Option<&'r str>, BookError> {
        match self.0.value(i)? {
            Value::Null => Ok(None),
            Value::Text(v) => Ok(Some(v)),
            other => Err(unexpected(i, "a text", other)),
        }
    }

    /// A text.
    pub(crate) fn text(self, i: usize) -> Result<&'r str, BookError> {
        self.opt_text(i)?
            .ok_or_else(|| unexpected(i, "a text", Value::Null))
    }

    /// A text, owned.
    pub(crate) fn string(self, i: usize) -> Result<String, BookError> {
        self.text(i).map(str::to_owned)
    }

    /// A text, owned, or `None` for null.
    pub(crate) fn opt_string(self, i: usize) -> Result<Option<String>, BookError> {
        Ok(self.opt_text(i)?.map(str::to_owned))
    }

    /// A date, or `None` for null.
    pub(crate) fn opt_date(self, i: usize) -> Result<Option<Date>, BookError> {
        match self.0.value(i)? {
            Value::Null => Ok(None),
            Value::Date(d) => Ok(Some(d)),
            Value::Text(s) => match stored_date(s) {
                Some(d) => Ok(Some(d)),
                None => autogiro_model::parse_date(s)
                    .map(Some)
                    .map_err(|e| BookError::Corrupt(format!("column {i}: {e}"))),
            },
            other @ Value::Int(_) => Err(unexpected(i, "a date", other)),
        }
    }

    /// A date.
    pub(crate) fn date(self, i: usize) -> Result<Date, BookError> {
        self.opt_date(i)?
            .ok_or_else(|| unexpected(i, "a date", Value::Null))
    }
}

/// A date as SQLite's book stores it, `YYYY-MM-DD` exactly (how [`Value::Date`] is written),
/// read without the general parser of dates people type: a round of matching reads three
/// dates a claim (`perf` of an answer of a million: 6 % of the import in that parser); `None`
/// for any other text, which the general parser then reads or refuses.
fn stored_date(s: &str) -> Option<Date> {
    let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = s.as_bytes() else {
        return None;
    };
    let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |ds: &[u8]| ds.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
    let month = time::Month::try_from(u8::try_from(n(&[m1, m2])).ok()?).ok()?;
    let day = u8::try_from(n(&[d1, d2])).ok()?;
    Date::from_calendar_date(i32::from(n(&[y1, y2, y3, y4])), month, day).ok()
}

/// Writes `d` to `out` as SQLite's book stores a date, `YYYY-MM-DD` (as `Date`'s `Display`
/// writes it), the digits put down without the formatting machinery for years 0-9999: a
/// file sent writes two dates a claim, a round of matching one an answer (`perf` of a file
/// sent of a million: 0.8 % in `fmt::write` alone). Other years as `Display` writes them.
#[cfg_attr(not(feature = "sqlite"), allow(dead_code))]
pub(crate) fn write_stored_date(out: &mut String, d: Date) {
    let Ok(year @ 0..=9999) = u16::try_from(d.year()) else {
        use std::fmt::Write as _;
        let _ = write!(out, "{d}");
        return;
    };
    let digit = |n: u16| char::from(b'0' + u8::try_from(n % 10).unwrap_or(0));
    let (month, day) = (u16::from(u8::from(d.month())), u16::from(d.day()));
    for c in [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        '-',
        digit(month / 10),
        digit(month),
        '-',
        digit(day / 10),
        digit(day),
    ] {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_date_is_read_as_it_was_written() {
        let mut day = time::macros::date!(1900 - 01 - 01);
        while day <= time::macros::date!(2100 - 12 - 31) {
            assert_eq!(stored_date(&day.to_string()), Some(day), "{day}");
            let mut written = String::new();
            write_stored_date(&mut written, day);
            assert_eq!(written, day.to_string());
            day = day.next_day().unwrap();
        }
        for day in [
            time::macros::date!(0000 - 01 - 01),
            time::macros::date!(9999 - 12 - 31),
            time::macros::date!(-0001 - 12 - 31),
        ] {
            let mut written = String::new();
            write_stored_date(&mut written, day);
            assert_eq!(written, day.to_string());
        }
        for other in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-05",
            "20260105",
            " 2026-01-05",
            "2026-01-05 ",
            "2026/01/05",
            "2026-01-0x",
            "",
        ] {
            assert_eq!(stored_date(other), None, "{other:?}");
        }
    }
}
