//! The differential test against a peer: every valid file of OCR giro and AvtaleGiro read by
//! this crate and by the Python library `netsgiro` (installed by `autogiro-testkit` in a
//! virtual environment of its own), every transaction's service, type, number, date, amount
//! and KID and every mandate's number, registration, KID and notice compared. Where the peer
//! reads otherwise, the difference must be one named below, and each named one must occur:
//! the list says what the peer gets wrong, and stays true.

use super::*;
use autogiro_model::Assignment;
use autogiro_testkit::Netsgiro;
use std::path::PathBuf;

/// A difference of the peer's reading from ours, named, with the reason ours is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Known {
    /// netsgiro gives a credit's amount (sign `-`, item 1 position 32) as a positive number,
    /// where decision O2 counts it negative (the totals of record 88 hold it so).
    CreditWithoutSign,
    /// netsgiro refuses a whole file when a cancellation request (type 93) has no item 2,
    /// which the AvtaleGiro manual lets a cancellation leave out (it names the claim by
    /// account, due date, amount and KID: decision A5).
    CancellationWithoutItem2,
}

/// Our reading of a transmission as the peer's lines (`netsgiro_dump.py`), a credit's amount
/// negative.
fn ours(transmission: &Transmission) -> Vec<String> {
    let number = |code: &str| code.parse::<u32>().unwrap();
    let kid = |k: &Option<Kid>| {
        k.as_ref()
            .map_or_else(String::new, |k| k.as_str().to_owned())
    };
    let mut lines = Vec::new();
    for assignment in &transmission.assignments {
        match assignment {
            Assignment::OcrGiro(a) => {
                for p in &a.payments {
                    let ore = i128::from(p.amount.ore());
                    lines.push(format!(
                        "tx\t9\t{}\t{}\t{}\t{}\t{}",
                        number(p.transaction_type.code()),
                        p.transaction_number,
                        p.nets_date,
                        if p.credit { -ore } else { ore },
                        kid(&p.kid),
                    ));
                }
            }
            Assignment::AvtaleGiroClaims(autogiro_model::AvtaleGiroClaims { claims, .. })
            | Assignment::AvtaleGiroCancellations(autogiro_model::AvtaleGiroCancellations {
                cancellations: claims,
                ..
            }) => {
                for c in claims {
                    lines.push(format!(
                        "tx\t21\t{}\t{}\t{}\t{}\t{}",
                        number(c.transaction_type.code()),
                        c.transaction_number,
                        c.due_date,
                        c.amount.ore(),
                        kid(&c.kid),
                    ));
                }
            }
            Assignment::AvtaleGiroMandates(a) => {
                for m in &a.mandates {
                    lines.push(format!(
                        "mandate\t21\t{}\t{}\t{}\t{}",
                        m.serial_number,
                        m.registration_type.code(),
                        kid(&m.kid),
                        m.written_notice.code(),
                    ));
                }
            }
            _ => {}
        }
    }
    lines
}

/// The peer's lines of one file in our form: a transaction's sign column left out (the
/// amount is compared, and a credit's difference named).
fn theirs(lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                ["tx", rest @ ..] if rest.len() == 7 => format!("tx\t{}", rest[..6].join("\t")),
                _ => (*line).to_owned(),
            }
        })
        .collect()
}

/// Compares one file's readings; the differences found, each a known one, or a panic that
/// shows both lines.
fn compare(name: &str, transmission: &Transmission, peer: &[&str]) -> Vec<Known> {
    let mut found = Vec::new();
    if let [error] = peer
        && let Some(message) = error.strip_prefix("error\t")
    {
        let cancellation_alone = transmission.assignments.iter().any(|a| {
            matches!(a, Assignment::AvtaleGiroCancellations(c)
                if c.cancellations.iter().any(|c| c.names.is_none()))
        });
        assert!(
            cancellation_alone && message.contains("pop from empty list"),
            "{name}: netsgiro refuses a file we read as valid: {message}"
        );
        return vec![Known::CancellationWithoutItem2];
    }
    let ours = ours(transmission);
    let theirs = theirs(peer);
    assert_eq!(
        ours.len(),
        theirs.len(),
        "{name}: {} transactions and mandates here, {} by netsgiro",
        ours.len(),
        theirs.len()
    );
    for (o, t) in ours.iter().zip(&theirs) {
        if o == t {
            continue;
        }
        // A credit: ours negative, the peer's the same digits without the sign.
        let unsigned = o.split('\t').nth(5).and_then(|a| a.strip_prefix('-'));
        let same_unsigned = unsigned.is_some_and(|a| {
            let mut fields: Vec<&str> = o.split('\t').collect();
            fields[5] = a;
            fields.join("\t") == *t
        });
        assert!(
            same_unsigned,
            "{name}: read otherwise by netsgiro\n  ours:     {o}\n  netsgiro: {t}"
        );
        found.push(Known::CreditWithoutSign);
    }
    found
}

/// The files compared: every valid fixture of the services, the AvtaleGiro claims fixture
/// with item 2 in its cancellations too (so that the peer reads its claims), and a generated
/// file of OCR giro payments of every type, credits and KIDs of 10-25 digits among them.
fn files(dir: &Path) -> Vec<(String, PathBuf, Transmission)> {
    let options = ReadOptions::new().today(date!(2026 - 01 - 10));
    let ok = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ok");
    let mut files = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&ok)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for path in names {
        let read = Transmission::read_slice(&std::fs::read(&path).unwrap(), &options);
        let transmission = read.transmission;
        let service = transmission.assignments.iter().any(|a| {
            matches!(
                a,
                Assignment::OcrGiro(_)
                    | Assignment::AvtaleGiroClaims(_)
                    | Assignment::AvtaleGiroCancellations(_)
                    | Assignment::AvtaleGiroMandates(_)
            )
        });
        if service {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            files.push((name, path, transmission));
        }
    }
    let (_, _, claims) = files
        .iter()
        .find(|(name, ..)| name == "avtalegiro-claims.txt")
        .expect("the AvtaleGiro claims fixture");
    let mut with_names = claims.clone();
    for a in &mut with_names.assignments {
        if let Assignment::AvtaleGiroCancellations(c) = a {
            for c in &mut c.cancellations {
                c.names.get_or_insert(autogiro_model::AvtaleGiroNames {
                    short_name: Text::new("Hansen").unwrap(),
                    foreign_reference: Text::new("Strøm februar 2026").unwrap(),
                });
            }
        }
    }
    let generated = [
        ("avtalegiro-claims, cancellations with item 2", with_names),
        (
            "3 000 OCR giro payments",
            autogiro_testkit::bench::ocr(3000).unwrap(),
        ),
    ];
    for (i, (name, transmission)) in generated.into_iter().enumerate() {
        let path = dir.join(format!("generated-{i}.txt"));
        let mut bytes = Vec::new();
        transmission.write(&mut bytes).unwrap();
        let read = Transmission::read_slice(&bytes, &options);
        assert!(
            read.diagnostics.is_empty(),
            "{name}: {:?}",
            read.diagnostics
        );
        std::fs::write(&path, &bytes).unwrap();
        files.push((name.to_owned(), path, read.transmission));
    }
    files
}

#[test]
#[ignore = "needs netsgiro (Python 3 with venv; installed from PyPI under target/peer/)"]
fn netsgiro_reads_every_service_file_as_we_do_but_for_its_named_differences() {
    let peer = Netsgiro::for_test();
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let paths: Vec<&Path> = files.iter().map(|(_, p, _)| p.as_path()).collect();
    let dump = peer.dump(&paths);
    let mut per_file: Vec<Vec<&str>> = Vec::new();
    for line in dump.lines() {
        if line.starts_with("file\t") {
            per_file.push(Vec::new());
        } else {
            per_file.last_mut().expect("a file line first").push(line);
        }
    }
    assert_eq!(per_file.len(), files.len(), "{dump}");
    let mut known: Vec<Known> = Vec::new();
    let mut compared = 0;
    for ((name, _, transmission), peer) in files.iter().zip(&per_file) {
        let found = compare(name, transmission, peer);
        if found.is_empty() || found.iter().all(|k| *k == Known::CreditWithoutSign) {
            compared += ours(transmission).len();
        }
        known.extend(found);
    }
    known.sort();
    let credits = known
        .iter()
        .filter(|k| **k == Known::CreditWithoutSign)
        .count();
    known.dedup();
    assert_eq!(
        known,
        [Known::CreditWithoutSign, Known::CancellationWithoutItem2],
        "each named difference occurs, and no other"
    );
    // The generated file has a credit every hundredth payment, the fixture one.
    assert_eq!(credits, 31);
    assert!(compared > 3000, "{compared} compared");
}
