//! `Inspection` (a file pushed in parts) finds what `Transmission::read` and `Summary::of`
//! find on the whole file, wherever the parts are cut; `Transmission::read_in_parts` hands on,
//! part by part, the model `Transmission::read` builds of the whole file.
#![cfg(test)]

use std::io::BufReader;
use std::path::{Path, PathBuf};

use autogiro_model::{
    Assignment, Diagnostic, Inspection, ReadOptions, Summary, Transmission, validate,
};
use autogiro_testkit::{FAILURE, Trickle};
use proptest::prelude::*;
use time::macros::date;

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut files: Vec<PathBuf> = ["ok", "err"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() > 50, "the fixtures are there");
    files
}

fn options() -> ReadOptions {
    ReadOptions::new().today(date!(2026 - 01 - 10))
}

/// Pushes `file` cut after each offset of `cuts`.
fn inspect(file: &[u8], cuts: &[usize]) -> (Vec<Diagnostic>, Summary, u64) {
    let mut inspection = Inspection::new(&options());
    let mut diagnostics = Vec::new();
    let mut from = 0;
    for &cut in cuts.iter().chain([&file.len()]) {
        let cut = cut.clamp(from, file.len());
        inspection.feed(&file[from..cut], |d| diagnostics.push(d));
        from = cut;
    }
    let (summary, lines) = inspection.finish(|d| diagnostics.push(d));
    (diagnostics, summary, lines)
}

/// The bytes `transmission` writes.
fn written(transmission: &Transmission) -> Vec<u8> {
    let mut file = Vec::new();
    transmission.write(&mut file).unwrap();
    file
}

fn whole(file: &[u8]) -> (Vec<Diagnostic>, Summary, u64) {
    let read = Transmission::read(file, &options());
    let lines = validate(file, &options()).lines;
    (read.diagnostics, Summary::of(&read.transmission), lines)
}

/// Every fixture, cut into parts of 1, 7, 80, 81, 82, 83 and 4096 bytes.
#[test]
fn every_fixture_in_parts_of_any_size() {
    for path in fixtures() {
        let file = std::fs::read(&path).unwrap();
        let expected = whole(&file);
        for size in [1, 7, 80, 81, 82, 83, 4096] {
            let cuts: Vec<usize> = (size..file.len()).step_by(size).collect();
            assert_eq!(
                inspect(&file, &cuts),
                expected,
                "{} in parts of {size}",
                path.display()
            );
        }
    }
}

/// Odd input where a cut matters most: a CR and its LF in two parts, a last line without a
/// line break, empty lines before a record and at the end, a line far longer than a record.
#[test]
fn cuts_through_line_breaks_and_odd_lines() {
    let base = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ok/records-to-mps.txt"),
    )
    .unwrap();
    let no_last_break = base.strip_suffix(b"\r\n").unwrap().to_vec();
    let empty_lines = [&base[..82], b"\r\n\r\n", &base[82..], b"\r\n\n"].concat();
    let long_line = [&base[..82], &[b'9'; 10_000][..], b"\r\n", &base[82..]].concat();
    let no_breaks: Vec<u8> = base.iter().copied().filter(|&b| b != b'\n').collect();
    for file in [base, no_last_break, empty_lines, long_line, no_breaks] {
        let expected = whole(&file);
        for cut in 0..file.len().min(400) {
            assert_eq!(inspect(&file, &[cut]), expected, "cut at {cut}");
        }
        let at_crs: Vec<usize> = (0..file.len()).filter(|&i| file[i] == b'\r').collect();
        assert_eq!(inspect(&file, &at_crs), expected, "cut before every CR");
    }
}

/// The summary folds each claim as it goes: a file of many claims is summed up as the model
/// of it is, and the counts are right.
#[test]
fn a_large_file_sums_up_as_its_model() {
    let file = written(&autogiro_testkit::bench::realistic(5_000).unwrap());
    let (diagnostics, summary, lines) =
        inspect(&file, &(1..40).map(|i| i * 9_999).collect::<Vec<_>>());
    assert_eq!((diagnostics.clone(), summary.clone(), lines), whole(&file));
    assert!(diagnostics.iter().all(|d| !d.is_error()));
    assert_eq!(
        summary.assignments.iter().map(|a| a.items).sum::<usize>(),
        5_000
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any cuts of any fixture.
    #[test]
    fn any_cuts(index in any::<prop::sample::Index>(), mut cuts in prop::collection::vec(0usize..4000, 0..12)) {
        let files = fixtures();
        let file = std::fs::read(index.get(&files)).unwrap();
        cuts.sort_unstable();
        prop_assert_eq!(inspect(&file, &cuts), whole(&file));
    }
}

/// A file large enough that `Transmission::read` reads it on two threads (past its first 4096
/// records, in batches of 2048), damaged at lines on both sides of those boundaries: the
/// diagnostics, the summary and the lines are those of `Inspection`, which reads on one
/// thread, as `validate` does.
#[test]
fn a_file_read_on_two_threads_reads_as_on_one() {
    let file = written(&autogiro_testkit::bench::realistic(12_000).unwrap());
    let mut lines: Vec<Vec<u8>> = file
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l).to_vec())
        .filter(|l| !l.is_empty())
        .collect();
    assert!(lines.len() > 4096 + 2 * 2048, "{} lines", lines.len());
    // From the last line back, so that each index is the line it names in the file written.
    for at in [4097 + 2048 + 1, 4096 + 2048, 4097, 4096, 4095, 1000, 3] {
        let line = &mut lines[at];
        match at % 4 {
            // A byte that no field allows.
            0 => line[10] = b'x',
            // A line cut short.
            1 => line.truncate(60),
            // A record of no type.
            2 => line[6..8].copy_from_slice(b"99"),
            // An empty line before it.
            _ => line.insert(0, b'\n'),
        }
    }
    lines.remove(9000); // An item without its pair.
    let mut damaged = lines.join(&b"\r\n"[..]);
    damaged.extend_from_slice(b"\r\n");
    let expected = inspect(&damaged, &[]);
    assert!(expected.0.len() >= 9, "{:?}", expected.0);
    assert_eq!(whole(&damaged), expected);
    assert_eq!(validate(&damaged[..], &options()).diagnostics, expected.0);
    // In reads of at most 1000 bytes: the chunks the two threads share end anywhere in a line.
    let trickled = BufReader::with_capacity(4096, Trickle::new(&damaged, 1000, usize::MAX));
    assert_eq!(validate(trickled, &options()).diagnostics, expected.0);
    let trickled = BufReader::with_capacity(4096, Trickle::new(&damaged, 1000, usize::MAX));
    assert_eq!(
        Transmission::read(trickled, &options()).diagnostics,
        expected.0
    );
}

/// A read that fails in the middle of a large file, read on two threads (and ahead, by the
/// assembling one, or, from a reader that lends more than a chunk at a time, by the parsing
/// one alone), is reported as one that fails near the start (on one thread): the same
/// diagnostics, after the last whole line read before the failure, and the same as
/// `validate`'s, on one thread throughout.
#[test]
fn a_read_that_fails_on_two_threads_fails_as_on_one() {
    for (buffer, most) in [(4096, 1000), (1 << 20, usize::MAX)] {
        a_read_that_fails_with(buffer, most);
    }
}

fn a_read_that_fails_with(buffer: usize, most: usize) {
    let file = written(&autogiro_testkit::bench::claims(20_000).unwrap());
    let line = file.iter().position(|&b| b == b'\n').unwrap() + 1;
    assert!(file.len() > 3 * (1 << 20) && line == 82);
    // Within the line after `lines`, the last whole one an item 1 (odd: 10, 20, then pairs).
    let fail = |lines: usize| {
        let input =
            || BufReader::with_capacity(buffer, Trickle::new(&file, most, lines * line + 40));
        let read = Transmission::read(input(), &options()).diagnostics;
        assert_eq!(validate(input(), &options()).diagnostics, read);
        read
    };
    let (near, far) = (fail(3), fail(30_001));
    let codes = |d: &[Diagnostic]| {
        d.iter()
            .map(|d| (d.code, d.record_type))
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&far), codes(&near));
    assert_eq!(
        far[0].message,
        format!("I/O error after line 30001: {FAILURE}")
    );
    assert!(far.iter().all(|d| d.line == 30_001), "{far:?}");
    assert!(near.iter().all(|d| d.line == 3), "{near:?}");
    assert!(
        far.iter().any(|d| d.message.contains("transaction 15000 ")),
        "{far:?}"
    );
}

/// Appends the items of `part` to `whole`, which has the same kind and header.
fn append(whole: &mut Assignment, part: &Assignment) {
    match (whole, part) {
        (Assignment::Claims(w), Assignment::Claims(p)) => w.claims.extend(p.claims.clone()),
        (Assignment::Settled(w), Assignment::Settled(p)) => {
            w.claims.extend(p.claims.clone());
            w.generated = p.generated;
        }
        (Assignment::Rejected(w), Assignment::Rejected(p)) => {
            w.rejections.extend(p.rejections.clone());
            w.generated = p.generated;
        }
        (Assignment::Mandates(w), Assignment::Mandates(p)) => {
            w.mandates.extend(p.mandates.clone());
        }
        (Assignment::OcrGiro(w), Assignment::OcrGiro(p)) => {
            w.payments.extend(p.payments.clone());
            w.generated = p.generated;
        }
        (Assignment::AvtaleGiroClaims(w), Assignment::AvtaleGiroClaims(p)) => {
            w.claims.extend(p.claims.clone());
        }
        (Assignment::AvtaleGiroCancellations(w), Assignment::AvtaleGiroCancellations(p)) => {
            w.cancellations.extend(p.cancellations.clone());
        }
        (Assignment::AvtaleGiroMandates(w), Assignment::AvtaleGiroMandates(p)) => {
            w.mandates.extend(p.mandates.clone());
        }
        (w, p) => panic!("a part of another kind: {w:?} then {p:?}"),
    }
}

#[test]
fn the_parts_of_every_fixture_make_its_model() {
    let options = ReadOptions::new().today(date!(2026 - 01 - 10));
    for path in fixtures() {
        let file = std::fs::read(&path).unwrap();
        let read = Transmission::read(&file[..], &options);
        let errors = read.diagnostics.iter().filter(|d| d.is_error()).count();
        for items in [1, 2, 3, 1000] {
            let mut assignments: Vec<Assignment> = Vec::new();
            let mut open = false;
            let parts = Transmission::read_in_parts(&file[..], &options, items, |_, part| {
                assert!(part.assignment.len() <= items, "{}", path.display());
                assert_eq!(part.first, !open, "{}", path.display());
                if part.first {
                    assignments.push(part.assignment.clone());
                } else {
                    append(assignments.last_mut().unwrap(), part.assignment);
                }
                open = !part.last;
                Ok::<(), ()>(())
            })
            .unwrap();
            assert!(!open, "{}: the last part is marked", path.display());
            let mut model = parts.transmission.clone();
            model.assignments = assignments;
            assert_eq!(
                model,
                read.transmission,
                "{} in parts of {items}",
                path.display()
            );
            assert_eq!(parts.errors, errors, "{}", path.display());
            assert_eq!(
                parts.first_error.as_ref(),
                read.diagnostics.iter().find(|d| d.is_error()),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn an_error_of_the_consumer_stops_the_reading() {
    let file = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ok/records-to-mps.txt"),
    )
    .unwrap();
    let mut calls = 0;
    let result = Transmission::read_in_parts(&file[..], &ReadOptions::new(), 1, |_, _| {
        calls += 1;
        Err("stop")
    });
    assert_eq!((result, calls), (Err("stop"), 1));
}
