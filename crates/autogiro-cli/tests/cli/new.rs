//! `new claims` and `new mandates` from billing data, and `config check`.

use super::*;

/// `autogiro new ARGS --config testdata/billing/autogiro.toml --today 2026-01-10 ...`.
pub(super) fn new_file(what: &str, input: &str, out: &Path, extra: &[&str]) -> (i32, String) {
    new_file_in(&[], what, input, out, extra)
}

/// [`new_file`] with the locale variables `env`.
fn new_file_in(
    env: &[(&str, &str)],
    what: &str,
    input: &str,
    out: &Path,
    extra: &[&str],
) -> (i32, String) {
    let out = out.to_string_lossy();
    let args = [
        &[
            "new",
            what,
            input,
            "--transmission",
            "1",
            "--assignment",
            "1",
            "--today",
            "2026-01-10",
            "-o",
            &out,
            "--force",
        ][..],
        extra,
    ]
    .concat();
    let with_config = if extra.contains(&"--config") {
        args
    } else {
        [&args[..], &["--config", "testdata/billing/autogiro.toml"]].concat()
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (code, _, err) = in_book_with(&root, env, &with_config);
    (code, err)
}

/// The same claims as CSV from Norwegian Excel, JSON and .xlsx make the same file, which
/// validates; it goes out to a spreadsheet (`convert --to csv`, both dialects) and comes back
/// as the same bytes.
#[test]
fn new_claims_from_csv_json_and_xlsx() {
    let dir = temp_dir("new-claims");
    let mut files = Vec::new();
    for input in ["claims.csv", "claims.json", "claims.xlsx"] {
        let out = dir.join(format!("{input}.txt"));
        let (code, err) = new_file("claims", &format!("testdata/billing/{input}"), &out, &[]);
        assert_eq!(code, 0, "{input}: {err}");
        let (code, _, err) =
            autogiro(&["validate", "--today", "2026-01-10", &out.to_string_lossy()]);
        assert_eq!(code, 0, "{input}: {err}");
        files.push(std::fs::read(&out).unwrap());
    }
    assert_eq!(files[0], files[1], "CSV and JSON");
    assert_eq!(files[0], files[2], "CSV and .xlsx");
    // ISO-8859-1, one character a byte.
    insta::assert_snapshot!(files[0].iter().map(|&b| char::from(b)).collect::<String>());

    let written = dir.join("claims.csv.txt");
    for dialect in ["plain", "excel"] {
        let csv = dir.join(format!("out-{dialect}.csv"));
        let (code, _, err) = autogiro(&[
            "convert",
            &written.to_string_lossy(),
            "--to",
            "csv",
            "--dialect",
            dialect,
            "-o",
            &csv.to_string_lossy(),
            "--force",
            "--today",
            "2026-01-10",
        ]);
        assert_eq!(code, 0, "{err}");
        let back = dir.join(format!("back-{dialect}.txt"));
        let (code, err) = new_file("claims", &csv.to_string_lossy(), &back, &[]);
        assert_eq!(code, 0, "{dialect}: {err}");
        assert_eq!(std::fs::read(&back).unwrap(), files[0], "{dialect}");
    }
}

/// A CSV with a broken amount, date, KID and reference on four rows reports all four, by row
/// and column, and writes nothing; `--format json` gives the same as JSON lines.
#[test]
fn new_claims_reports_every_broken_row_and_writes_nothing() {
    let dir = temp_dir("new-broken");
    let out = dir.join("claims.txt");
    let (code, human) = new_file("claims", "testdata/billing/claims-broken.csv", &out, &[]);
    assert_eq!(code, 1);
    assert!(!out.exists(), "nothing written");
    let (code, json) = new_file(
        "claims",
        "testdata/billing/claims-broken.csv",
        &out,
        &["--format", "json"],
    );
    assert_eq!(code, 1);
    assert!(!out.exists(), "nothing written");
    insta::assert_snapshot!(format!("{human}\n--- json\n{json}"));
}

/// The same broken rows in bokmål (`--lang nb`, and by the locale), JSON's `message` too;
/// a file made is said in bokmål as well.
#[test]
fn new_speaks_bokmal() {
    let dir = temp_dir("new-bokmal");
    let out = dir.join("claims.txt");
    let (code, human) = new_file(
        "claims",
        "testdata/billing/claims-broken.csv",
        &out,
        &["--lang", "nb"],
    );
    assert_eq!(code, 1);
    let (code, by_locale) = new_file_in(
        &[("LANG", "nb_NO.UTF-8")],
        "claims",
        "testdata/billing/claims-broken.csv",
        &out,
        &[],
    );
    assert_eq!(code, 1);
    assert_eq!(by_locale, human, "by the locale as by the flag");
    let (code, json) = new_file(
        "claims",
        "testdata/billing/claims-broken.csv",
        &out,
        &["--format", "json", "--lang", "nb"],
    );
    assert_eq!(code, 1);
    let (code, made) = new_file(
        "claims",
        "testdata/billing/claims.csv",
        &out,
        &["--lang", "nb"],
    );
    assert_eq!(code, 0, "{made}");
    let made = made.replace(&*dir.to_string_lossy(), "DIR");
    insta::assert_snapshot!(format!("{human}\n--- json\n{json}\n--- made\n{made}"));
}

/// Rows of two agreements go to an assignment each; mandates of every registration type; CSV on
/// standard input.
#[test]
fn new_with_two_agreements_mandates_and_standard_input() {
    let dir = temp_dir("new-more");
    let out = dir.join("two.txt");
    let (code, err) = new_file(
        "claims",
        "testdata/billing/claims-two-agreements.csv",
        &out,
        &["--config", "testdata/billing/autogiro-two-agreements.toml"],
    );
    assert_eq!(code, 0, "{err}");
    let (code, inspect, _) =
        autogiro(&["inspect", "--today", "2026-01-10", &out.to_string_lossy()]);
    assert_eq!(code, 0);
    assert!(
        inspect.contains("agreement 000056789, number 1"),
        "{inspect}"
    );
    assert!(
        inspect.contains("agreement 000056790, number 2"),
        "{inspect}"
    );

    let out = dir.join("mandates.txt");
    let (code, err) = new_file("mandates", "testdata/billing/mandates.csv", &out, &[]);
    assert_eq!(code, 0, "{err}");
    let (code, inspect, _) =
        autogiro(&["inspect", "--today", "2026-01-10", &out.to_string_lossy()]);
    assert_eq!(code, 0);
    assert!(
        inspect.contains("4 mandates: 1 changed, 1 deleted, 2 new"),
        "{inspect}"
    );

    let csv = std::fs::read(testdata("billing/claims.csv")).unwrap();
    let out = Command::cargo_bin("autogiro")
        .unwrap()
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .args([
            "new",
            "claims",
            "-",
            "--transmission",
            "1",
            "--assignment",
            "1",
            "--today",
            "2026-01-10",
            "--config",
            "testdata/billing/autogiro.toml",
        ])
        .write_stdin(csv)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.starts_with(b"NY000010000123450000001"));
    let written = dir.join("stdin.txt");
    std::fs::write(&written, &out.stdout).unwrap();
    let (code, _, err) = autogiro(&[
        "validate",
        "--today",
        "2026-01-10",
        &written.to_string_lossy(),
    ]);
    assert_eq!(code, 0, "{err}");
}

/// `config check` prints what it understood; a misspelt key is named with its line.
#[test]
fn config_check_names_a_misspelt_key() {
    let (code, out, _) = autogiro(&[
        "config",
        "check",
        "--config",
        "testdata/billing/autogiro.toml",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "testdata/billing/autogiro.toml: valid\npayee: customer unit 00012345\nagreement 000056789: account 1234.56.78903\n"
    );
    let dir = temp_dir("config");
    let bad = dir.join("autogiro.toml");
    std::fs::write(&bad, "[payee]\ncustomer_unit = \"00012345\"\n\n[[agreement]]\nid = \"1\"\naccont = \"12345678903\"\n").unwrap();
    let (code, _, err) = autogiro(&["config", "check", "--config", &bad.to_string_lossy()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("line 6, column 1: unknown field `accont`"),
        "{err}"
    );
}

/// `new claims --help`, `new mandates --help` and the guide name every column the command
/// reads (docs/columns.md, written from the same descriptions, gives each one's rules), and
/// the README points to that page.
#[test]
fn help_and_guide_name_every_column_read() {
    use autogiro::rows::{CLAIM_COLUMN_DOCS, MANDATE_COLUMN_DOCS, Need};
    let guide = std::fs::read_to_string(testdata("../docs/guide.md")).unwrap();
    let readme = std::fs::read_to_string(testdata("../README.md")).unwrap();
    assert!(readme.contains("docs/columns.md"));
    for (what, docs) in [
        ("claims", CLAIM_COLUMN_DOCS),
        ("mandates", MANDATE_COLUMN_DOCS),
    ] {
        let (code, help, _) = autogiro(&["new", what, "--help"]);
        assert_eq!(code, 0);
        for c in docs.iter().filter(|c| c.need != Need::Ignored) {
            let name = format!("`{}`", c.name);
            assert!(help.contains(&name), "new {what} --help lacks {name}");
            assert!(guide.contains(&name), "docs/guide.md lacks {name}");
        }
    }
}

/// AvtaleGiro: claims and a cancellation request from rows, for the settings' AvtaleGiro
/// agreement beside an Autogiro one; each file validates, goes out to CSV and comes back as the
/// same bytes. Autogiro's rows (a payer and an own reference, a claim without a KID) are
/// refused for AvtaleGiro, cell by cell, and a row naming the Autogiro agreement too.
#[test]
fn new_avtalegiro_claims_and_cancellations() {
    let dir = temp_dir("new-avtalegiro");
    let config = ["--config", "testdata/billing/autogiro-avtalegiro.toml"];
    let mut made = Vec::new();
    for (what, input, service) in [
        (
            "claims",
            "avtalegiro-claims.csv",
            &["--service", "avtalegiro"][..],
        ),
        ("cancellations", "avtalegiro-cancellations.csv", &[][..]),
    ] {
        let out = dir.join(format!("{what}.txt"));
        let input = format!("testdata/billing/{input}");
        let (code, err) = new_file(what, &input, &out, &[service, &config[..]].concat());
        assert_eq!(code, 0, "{what}: {err}");
        let (code, _, err) =
            autogiro(&["validate", "--today", "2026-01-10", &out.to_string_lossy()]);
        assert_eq!(code, 0, "{what}: {err}");
        let csv = dir.join(format!("{what}.csv"));
        let (code, _, err) = autogiro(&[
            "convert",
            &out.to_string_lossy(),
            "--to",
            "csv",
            "-o",
            &csv.to_string_lossy(),
            "--force",
            "--today",
            "2026-01-10",
        ]);
        assert_eq!(code, 0, "{err}");
        let back = dir.join(format!("{what}-back.txt"));
        let (code, err) = new_file(
            what,
            &csv.to_string_lossy(),
            &back,
            &[service, &config[..]].concat(),
        );
        assert_eq!(code, 0, "{what} from its CSV: {err}");
        let bytes = std::fs::read(&out).unwrap();
        assert_eq!(std::fs::read(&back).unwrap(), bytes, "{what}");
        made.push(bytes.iter().map(|&b| char::from(b)).collect::<String>());
    }
    insta::assert_snapshot!(made.join("--- cancellations\n"));

    let out = dir.join("refused.txt");
    let (code, autogiro_rows) = new_file(
        "claims",
        "testdata/billing/claims.csv",
        &out,
        &["--service", "avtalegiro", config[0], config[1]],
    );
    assert_eq!(code, 1);
    assert!(!out.exists(), "nothing written");
    let rows = dir.join("wrong-agreement.csv");
    std::fs::write(
        &rows,
        "agreement,amount,due_date,kid,short_name\n000056789,100.00,2026-02-16,123456782,Hansen\n",
    )
    .unwrap();
    let (code, wrong_agreement) = new_file(
        "claims",
        &rows.to_string_lossy(),
        &out,
        &["--service", "avtalegiro", config[0], config[1]],
    );
    assert_eq!(code, 1);
    let (code, no_agreement) = new_file(
        "cancellations",
        "testdata/billing/avtalegiro-cancellations.csv",
        &out,
        &[],
    );
    assert_eq!(
        code, 2,
        "settings without an AvtaleGiro agreement: {no_agreement}"
    );
    insta::assert_snapshot!(
        "new_avtalegiro_refused",
        format!("{autogiro_rows}--- an Autogiro agreement\n{wrong_agreement}--- no AvtaleGiro agreement\n{no_agreement}")
            .replace(&*rows.to_string_lossy(), "ROWS.csv")
    );
}
