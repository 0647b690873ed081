//! Tables of billing data as billing and accounting systems export them: CSV, JSON (an array
//! of objects), or the first sheet of an `.xlsx` workbook; a header, then rows.
//!
//! CSV: the delimiter, `,` or `;`, is the one of the two the header line has more of (outside
//! quotes). Text is UTF-8, with or without a byte order mark, or Windows-1252 (what Excel in
//! Norway writes): from the first field that is not UTF-8 on, the file is read as
//! Windows-1252. Rows are numbered as a spreadsheet shows them: the header is row 1. For JSON the
//! row is the object's place in the array, from 1. Rows with every cell empty are skipped.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::told::{Tell as _, told};
use autogiro::model::Said;
use autogiro::payee::Visitor;

/// The kinds of table, by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Csv,
    Json,
    Xlsx,
}

fn kind(path: &Path) -> anyhow::Result<Kind> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    Ok(match ext.as_deref() {
        _ if crate::input::is_stdin(path) => Kind::Csv,
        Some("csv" | "txt") => Kind::Csv,
        Some("json") => Kind::Json,
        Some("xlsx" | "xlsm") => Kind::Xlsx,
        _ => {
            return Err(told(
                Said::new("cli.table-kind").with("path", path.display()),
            ));
        }
    })
}

/// Reads the table at `path` (a file; `-` is spooled to a file by the caller).
pub(crate) fn read(path: &Path, shown_as: &Path, visitor: &mut dyn Visitor) -> anyhow::Result<()> {
    let name = shown_as.display();
    match kind(shown_as)? {
        Kind::Csv => {
            let file =
                File::open(path).tell(|| Said::new("cli.cannot-read").with("path", &name))?;
            csv(BufReader::with_capacity(1 << 16, file), visitor)
                .tell(|| Said::new("cli.cannot-read-csv").with("name", &name))
        }
        Kind::Json => {
            let file =
                File::open(path).tell(|| Said::new("cli.cannot-read").with("path", &name))?;
            json(BufReader::with_capacity(1 << 16, file), visitor)
                .tell(|| Said::new("cli.cannot-read-json").with("name", &name))
        }
        Kind::Xlsx => {
            xlsx(path, visitor).tell(|| Said::new("cli.cannot-read-xlsx").with("name", &name))
        }
    }
}

/// The delimiter of a header line: `;` when it has more semicolons than commas outside quotes.
fn delimiter(line: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// A field's text: UTF-8, or Windows-1252 once the file has shown it is not UTF-8.
fn decode<'a>(bytes: &'a [u8], windows_1252: &mut bool) -> std::borrow::Cow<'a, str> {
    if !*windows_1252 {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return s.into();
        }
        *windows_1252 = true;
    }
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
}

fn csv(mut input: impl BufRead, visitor: &mut dyn Visitor) -> anyhow::Result<()> {
    let mut first = Vec::new();
    input.read_until(b'\n', &mut first)?;
    let head = first.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&first);
    let delimiter = delimiter(head);
    let head = head.to_vec();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(std::io::Cursor::new(head).chain(input));
    let mut record = csv::ByteRecord::new();
    let mut windows_1252 = false;
    let mut number = 0u64;
    let mut width = 0;
    // The cells' strings are kept from row to row: a million rows cost no allocation each.
    let mut cells: Vec<String> = Vec::new();
    while reader.read_byte_record(&mut record)? {
        number += 1;
        for (i, field) in record.iter().enumerate() {
            let text = decode(field, &mut windows_1252);
            match cells.get_mut(i) {
                Some(cell) => {
                    cell.clear();
                    cell.push_str(&text);
                }
                None => cells.push(text.into_owned()),
            }
        }
        let refs: Vec<&str> = cells
            .iter()
            .take(record.len())
            .map(String::as_str)
            .collect();
        if number == 1 {
            width = refs.len();
            if visitor.header(&refs).is_break() {
                return Ok(());
            }
            continue;
        }
        if refs.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if refs.len() > width
            && refs
                .get(width..)
                .is_some_and(|r| r.iter().any(|c| !c.trim().is_empty()))
        {
            visitor.bad_row(
                number,
                Said::new("table.cells")
                    .with("cells", refs.len())
                    .with("width", width),
            );
            continue;
        }
        visitor.row(number, &refs);
    }
    if number == 0 {
        return Err(told(Said::new("cli.empty-table")));
    }
    Ok(())
}

fn json(input: impl Read, visitor: &mut dyn Visitor) -> anyhow::Result<()> {
    use serde::de::{Deserializer as _, SeqAccess, Visitor as SerdeVisitor};
    use serde_json::Value;

    struct Rows<'v>(&'v mut dyn Visitor);

    impl<'de> SerdeVisitor<'de> for Rows<'_> {
        type Value = ();

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an array of objects")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let columns = self.0.columns();
            if self.0.header(columns).is_break() {
                return Ok(());
            }
            let mut number = 0u64;
            // One object at a time: the array is never held whole.
            while let Some(value) = seq.next_element::<Value>()? {
                number += 1;
                let Value::Object(object) = value else {
                    self.0.bad_row(
                        number,
                        Said::new("table.not-an-object").with("found", value),
                    );
                    continue;
                };
                let mut cells = vec![String::new(); columns.len()];
                let mut unknown = Vec::new();
                for (key, value) in object {
                    let text = match value {
                        Value::Null => String::new(),
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    match columns.iter().position(|c| c.eq_ignore_ascii_case(&key)) {
                        Some(i) => {
                            if let Some(slot) = cells.get_mut(i) {
                                *slot = text;
                            }
                        }
                        None => unknown.push(key),
                    }
                }
                if !unknown.is_empty() {
                    self.0.bad_row(
                        number,
                        Said::new("table.unknown-keys")
                            .with("keys", format!("{unknown:?}"))
                            .with("columns", columns.join(", ")),
                    );
                    continue;
                }
                let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
                self.0.row(number, &refs);
            }
            Ok(())
        }
    }

    let mut de = serde_json::Deserializer::from_reader(input);
    de.deserialize_seq(Rows(visitor))?;
    de.end()?;
    Ok(())
}

fn xlsx(path: &Path, visitor: &mut dyn Visitor) -> anyhow::Result<()> {
    use calamine::{Data, Reader as _};
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path)?;
    let range = book
        .worksheet_range_at(0)
        .tell(|| Said::new("cli.no-sheet"))??;
    let first_row = u64::from(range.start().map_or(0, |(row, _)| row));
    let text = |cell: &Data| -> String {
        match cell {
            Data::Empty => String::new(),
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
            Data::Int(i) => i.to_string(),
            #[allow(clippy::cast_possible_truncation)] // Checked to be a whole number in range.
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => (*f as i64).to_string(),
            Data::Float(f) => f.to_string(),
            Data::Bool(b) => b.to_string(),
            Data::DateTime(d) => excel_date(d.as_f64()),
            Data::Error(e) => format!("#{e:?}"),
        }
    };
    for (i, row) in range.rows().enumerate() {
        let number = first_row + i as u64 + 1;
        let cells: Vec<String> = row.iter().map(text).collect();
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        if i == 0 {
            if visitor.header(&refs).is_break() {
                return Ok(());
            }
            continue;
        }
        if refs.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        visitor.row(number, &refs);
    }
    if range.is_empty() {
        return Err(told(Said::new("cli.empty-sheet")));
    }
    Ok(())
}

/// A date cell (days since 30 December 1899) as `YYYY-MM-DD`.
fn excel_date(serial: f64) -> String {
    let Ok(epoch) = time::Date::from_calendar_date(1899, time::Month::December, 30) else {
        return serial.to_string();
    };
    #[allow(clippy::cast_possible_truncation)] // Dates of a spreadsheet are far inside i64.
    let days = serial.floor() as i64;
    epoch
        .checked_add(time::Duration::days(days))
        .map_or_else(|| serial.to_string(), |d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_counted_outside_quotes() {
        assert_eq!(delimiter(b"a;b;c\n"), b';');
        assert_eq!(delimiter(b"a,b,c\n"), b',');
        assert_eq!(delimiter(b"\"x;y;z\",b\n"), b',');
    }

    #[test]
    fn windows_1252_from_the_first_field_that_is_not_utf8() {
        let mut w = false;
        assert_eq!(decode("Ærlig".as_bytes(), &mut w), "Ærlig");
        assert!(!w);
        assert_eq!(decode(b"\xC6rlig \x80", &mut w), "Ærlig €");
        assert!(w);
    }

    #[test]
    fn excel_dates() {
        assert_eq!(excel_date(46_037.0), "2026-01-15");
    }
}
