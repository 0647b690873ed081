//! What the fuzz targets check, shared with the regression tests that replay every input in
//! `regressions/TARGET/` on stable (`cargo test --manifest-path fuzz/Cargo.toml`).
//!
//! Each check panics when a property breaks; a panic is what libFuzzer reports as a crash.

use std::ops::ControlFlow;

use autogiro_checksum::{AccountNumber, ChecksumError, Kid, Modulus};
use autogiro_format::{Context, Direction, Reader, Record};
use autogiro_model::{ReadOptions, Transmission, validate};

/// The record reader on arbitrary bytes, both directions: it never panics, every error names a
/// line of the input and a column range inside the line's length, and `Reader::each` lends out
/// what the iterator yields.
pub fn records(data: &[u8]) {
    fast_path(data);
    let lines = data.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    for direction in [Direction::ToMps, Direction::FromMps] {
        let mut lent = Vec::new();
        Reader::new(data).direction(direction).each(|_, item| {
            lent.push(match item {
                Ok((line, record)) => format!("{line}: {record:?}"),
                Err(e) => e.to_string(),
            });
            ControlFlow::Continue(())
        });
        let mut lent = lent.into_iter();
        for item in Reader::new(data).direction(direction) {
            let shown = match &item {
                Ok((line, record)) => format!("{line}: {record:?}"),
                Err(e) => e.to_string(),
            };
            assert_eq!(lent.next().as_deref(), Some(shown.as_str()));
            if let Err(e) = item {
                let line = e.line();
                assert!(line >= 1 && line <= lines, "line {line} of {lines}: {e}");
                if let Some(r) = e.record_error() {
                    assert!(
                        r.first_column >= 1 && r.first_column <= r.last_column,
                        "{e}"
                    );
                }
                let _ = e.to_string();
            }
        }
        assert_eq!(lent.next(), None);
    }
}

/// Every line of `data` of 80 bytes, in both directions and both year rules: `Record::parse`,
/// which takes the fast path where it can, gives exactly what the precise nom path gives; and
/// so does every record `Reader::each` reads (whose fast path keeps the due dates it has read,
/// so a date seen on an earlier line comes from there).
pub fn fast_path(data: &[u8]) {
    let lines: Vec<&[u8]> = data
        .split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .collect();
    for direction in [Direction::ToMps, Direction::FromMps] {
        for reference_date in [None, autogiro_model::Date::from_ordinal_date(2026, 10).ok()] {
            let ctx = Context {
                direction,
                reference_date,
            };
            for line in lines.iter().filter(|line| line.len() == 80) {
                assert_eq!(
                    Record::parse(line, &ctx),
                    Record::parse_precise(line, &ctx),
                    "{:?}",
                    String::from_utf8_lossy(line)
                );
            }
            let mut reader = Reader::new(data).direction(direction);
            if let Some(date) = reference_date {
                reader = reader.reference_date(date);
            }
            reader.each(|ctx, item| {
                if let Ok((number, record)) = item {
                    let line = usize::try_from(number - 1).ok().and_then(|i| lines.get(i));
                    let line = line.expect("a record's line number is a line of the input");
                    assert_eq!(
                        Ok(*record),
                        Record::parse_precise(line, ctx),
                        "line {number}: {:?}",
                        String::from_utf8_lossy(line)
                    );
                }
                ControlFlow::Continue(())
            });
        }
    }
}

/// `Transmission::read` and the streaming `validate` on arbitrary bytes: neither panics, and
/// both find the same diagnostics.
pub fn read(data: &[u8]) {
    let options = ReadOptions::new();
    let read = Transmission::read(data, &options);
    let report = validate(data, &options);
    assert_eq!(read.diagnostics, report.diagnostics);
    for d in &read.diagnostics {
        let _ = d.to_string();
    }
}

/// Round trip: a file the model reads without errors writes back to bytes that read to an
/// equal transmission, again without errors.
pub fn roundtrip(data: &[u8]) {
    let options = ReadOptions::new();
    let first = Transmission::read(data, &options);
    if first.has_errors() {
        return;
    }
    let mut bytes = Vec::new();
    first
        .transmission
        .write(&mut bytes)
        .expect("a transmission read without errors writes");
    let second = Transmission::read(&bytes[..], &options);
    assert!(!second.has_errors(), "{:#?}", second.diagnostics);
    assert_eq!(second.transmission, first.transmission);
}

/// A valid file from `seeds`, picked and mutated by `data`: bytes flipped, lines swapped,
/// dropped and duplicated. Then [`read`] and [`roundtrip`] on the result.
pub fn mutate(seeds: &[&[u8]], data: &[u8]) {
    let Some((&pick, ops)) = data.split_first() else {
        return;
    };
    let Some(seed) = seeds.get(usize::from(pick) % seeds.len().max(1)) else {
        return;
    };
    let mut lines: Vec<Vec<u8>> = seed.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    for op in ops.chunks(4) {
        let [kind, a, b, c] = [0, 1, 2, 3].map(|i| op.get(i).copied().unwrap_or(0));
        let n = lines.len();
        if n == 0 {
            break;
        }
        let (i, j) = (usize::from(a) % n, usize::from(b) % n);
        match kind % 5 {
            0 => {
                if let Some(line) = lines.get_mut(i)
                    && !line.is_empty()
                {
                    let at = usize::from(b) % line.len();
                    line[at] = c;
                }
            }
            1 => lines.swap(i, j),
            2 => {
                if i < lines.len() {
                    lines.remove(i);
                }
            }
            3 => {
                if let Some(line) = lines.get(i).cloned() {
                    lines.insert(j, line);
                }
            }
            _ => {
                if let Some(line) = lines.get_mut(i) {
                    line.truncate(usize::from(b));
                }
            }
        }
    }
    let file = lines.join(&b'\n');
    fast_path(&file);
    read(&file);
    roundtrip(&file);
}

/// The check digits against a naive reading of the specification's prose.
pub fn checksum(data: &[u8]) {
    let digits: String = data
        .iter()
        .map(|b| char::from(b'0' + b % 10))
        .take(26)
        .collect();
    if digits.is_empty() {
        return;
    }
    let naive10 = |body: &str| {
        let sum: u32 = body
            .chars()
            .rev()
            .enumerate()
            .map(|(i, c)| {
                let p = c.to_digit(10).unwrap_or(0) * if i % 2 == 0 { 2 } else { 1 };
                p / 10 + p % 10
            })
            .sum();
        ((10 - sum % 10) % 10) as u8
    };
    let naive11 = |body: &str| {
        let sum: u32 = body
            .chars()
            .rev()
            .enumerate()
            .map(|(i, c)| c.to_digit(10).unwrap_or(0) * (2 + (i as u32 % 6)))
            .sum();
        match sum % 11 {
            0 => Some(0),
            1 => None,
            r => Some((11 - r) as u8),
        }
    };
    if digits.len() <= 25 {
        assert_eq!(Modulus::Mod10.check_digit(&digits), Ok(naive10(&digits)));
        assert_eq!(
            Modulus::Mod11.check_digit(&digits),
            naive11(&digits).ok_or(ChecksumError::NoCheckDigit)
        );
    } else {
        assert!(Modulus::Mod10.check_digit(&digits).is_err());
    }
    if (2..=25).contains(&digits.len()) {
        let (body, last) = digits.split_at(digits.len() - 1);
        let last = last.as_bytes()[0] - b'0';
        let ok10 = naive10(body) == last;
        let ok11 = naive11(body) == Some(last);
        assert_eq!(Kid::parse(&digits).is_ok(), ok10 || ok11, "{digits}");
    }
    if digits.len() == 11 {
        let (body, last) = digits.split_at(10);
        // All zeros passes the arithmetic, and is no account ([decision 30](docs/spec-decisions.md#decision-30)).
        let ok = naive11(body) == Some(last.as_bytes()[0] - b'0') && digits != "00000000000";
        assert_eq!(AccountNumber::parse(&digits).is_ok(), ok, "{digits}");
    }
    // Arbitrary text, not only digits, must never panic.
    let text = String::from_utf8_lossy(data);
    let _ = Kid::parse(&text);
    let _ = AccountNumber::parse(&text);
    let _ = Modulus::Mod11.validate(&text);
}

/// The valid files the structure-aware target starts from: `testdata/ok`, and the base files of
/// `autogiro-testkit` as the model writes them today (the fixtures are written from them too,
/// but a fixture not yet regenerated would lag behind).
pub fn seeds() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/ok");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut seeds: Vec<Vec<u8>> = files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    let base = [
        autogiro_testkit::transmissions::to_mps(),
        autogiro_testkit::transmissions::from_mps(),
    ];
    for t in base.into_iter().flatten() {
        let mut file = Vec::new();
        if t.write(&mut file).is_ok() {
            seeds.push(file);
        }
    }
    seeds
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every input saved in `regressions/TARGET/` (crashes found and fixed) through its check.
    #[test]
    fn regressions() {
        let seeds = seeds();
        let seeds: Vec<&[u8]> = seeds.iter().map(Vec::as_slice).collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
        let mut count = 0;
        for (target, check) in [
            ("records", records as fn(&[u8])),
            ("read", read),
            ("roundtrip", roundtrip),
            ("checksum", checksum),
        ] {
            for entry in std::fs::read_dir(root.join(target))
                .into_iter()
                .flatten()
                .flatten()
            {
                check(&std::fs::read(entry.path()).unwrap());
                count += 1;
            }
        }
        for entry in std::fs::read_dir(root.join("mutate"))
            .into_iter()
            .flatten()
            .flatten()
        {
            mutate(&seeds, &std::fs::read(entry.path()).unwrap());
            count += 1;
        }
        println!("{count} regression inputs replayed");
    }

    #[test]
    fn the_testdata_files_pass_every_check() {
        for seed in seeds() {
            records(&seed);
            read(&seed);
            roundtrip(&seed);
        }
    }
}
