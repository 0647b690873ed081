//! `Transmission::read_in_parts` hands on, part by part, the model `Transmission::read` builds
//! of the whole file, and finds as many errors.

use std::path::{Path, PathBuf};

use autogiro_model::{Assignment, ReadOptions, Transmission};
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
