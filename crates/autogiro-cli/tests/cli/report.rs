//! `book report`: the month of the book as one HTML page, on both backends, in both languages
//! (by flag and by locale), its figures those of `book status`; and the page in headless
//! Chromium, its screenshot taken.

use super::*;

/// A January in the book of `dir`: a file sent with two claims and a mandate, MPS's answer
/// (the simulator: both rejected, the mandate confirmed), and answers that match nothing.
fn a_month(dir: &Path) {
    let run = |args: &[&str]| {
        let (code, out, err) = in_book(dir, args);
        assert!(code == 0 || code == 3, "{args:?}: {out}{err}");
    };
    let sent = testdata("ok/records-to-mps.txt");
    let sent = sent.to_string_lossy();
    run(&["book", "import", &sent, "--today", "2026-01-10"]);
    let (_, _, _) = in_book(
        dir,
        &[
            "simulate",
            &sent,
            "--state",
            "mps.json",
            "--date",
            "2026-01-12",
            "-o",
            "answer.txt",
        ],
    );
    run(&["book", "import", "answer.txt", "--today", "2026-01-12"]);
    let kept = testdata("ok/from-mps-every-error-code.txt");
    run(&[
        "book",
        "import",
        &kept.to_string_lossy(),
        "--today",
        "2026-01-20",
    ]);
}

/// The totals the page carries as data attributes: status, claims, sum.
fn totals(html: &str) -> Vec<(String, u64, String)> {
    html.lines()
        .filter_map(|line| {
            let attr = |name: &str| {
                let start = line.find(&format!("{name}=\""))? + name.len() + 2;
                let end = start + line.get(start..)?.find('"')?;
                line.get(start..end).map(str::to_owned)
            };
            Some((
                attr("data-status")?,
                attr("data-claims")?.parse().ok()?,
                attr("data-sum")?,
            ))
        })
        .collect()
}

on_both_backends! {
    fn book_report_shows_the_books_figures_in_either_language(dir, _url) {
        a_month(dir);
        let (code, status, err) = in_book(
            dir,
            &["book", "status", "--today", "2026-02-10", "--format", "json"],
        );
        assert_eq!(code, 0, "{err}");
        let status: serde_json::Value = serde_json::from_str(&status).unwrap();
        let report = ["book", "report", "--month", "2026-01", "--today", "2026-02-10", "-o", "report.html", "--force"];
        let (code, _, err) = in_book_with(dir, &[], &[&report[..], &["--lang", "nb"]].concat());
        assert_eq!(code, 0, "{err}");
        let html = std::fs::read_to_string(dir.join("report.html")).unwrap();

        // Its figures are the book's: each status, the outstanding, the unmatched.
        let found = totals(&html);
        for (name, claims, sum) in &found {
            let (n, s) = match name.as_str() {
                "outstanding" | "unmatched" => (
                    status[name][0].as_u64().unwrap(),
                    status[name][1].as_str().unwrap().to_owned(),
                ),
                other => status["counts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|c| c[0] == other)
                    .map_or((0, "0.00".to_owned()), |c| {
                        (c[1].as_u64().unwrap(), c[2].as_str().unwrap().to_owned())
                    }),
            };
            assert_eq!((*claims, sum.clone()), (n, s), "{name}");
        }
        assert_eq!(found.len(), 7, "five statuses, outstanding, unmatched");
        assert!(found.contains(&("unmatched".to_owned(), 6, "615.00".to_owned())), "{found:?}");

        // Self-contained, in bokmål, printable.
        assert!(html.contains("<html lang=\"nb\">"));
        assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
        assert!(!html.contains("<script") && !html.contains("http:") && !html.contains("https:"));
        assert!(html.contains("@page { size: A4"));
        assert!(html.contains("Månedsrapport 2026-01"), "{html}");
        assert!(html.contains("fullmakt ikke funnet"), "code 131 explained");
        assert!(html.contains("<svg") && html.contains("<rect"), "the bars");

        // The language from the locale when no flag says it; the flag before the locale.
        let (_, english, _) = in_book_with(dir, &[("LANG", "en_GB.UTF-8")], &report[..report.len() - 3]);
        assert!(english.contains("<html lang=\"en\">") && english.contains("Monthly report"));
        let (_, norwegian, _) = in_book_with(dir, &[("LANG", "nb_NO.UTF-8")], &report[..report.len() - 3]);
        assert!(norwegian.contains("<html lang=\"nb\">"));
        let (_, flagged, _) = in_book_with(
            dir,
            &[("LC_ALL", "nn_NO.UTF-8")],
            &[&report[..report.len() - 3], &["--lang", "en"]].concat(),
        );
        assert!(flagged.contains("<html lang=\"en\">"));
        let (code, _, err) = in_book_with(dir, &[], &["book", "report", "--month", "2026-13"]);
        assert_eq!(code, 2);
        assert!(err.contains("expected YYYY-MM"), "{err}");
    }
}

/// The page in headless Chromium: it renders (its bars, its tables), asks for nothing but
/// itself, and its screenshot is `target/report/book-report.png` (docs/book-report.png is one).
#[tokio::test(flavor = "current_thread")]
#[ignore = "needs Chromium: cargo test -- --include-ignored"]
async fn book_report_renders_in_chromium() {
    use autogiro_testkit::browser::{ChromeDriver, StaticServer, workspace_root};
    let dir = book_dir("report-chromium");
    a_month(&dir);
    let page = workspace_root().join("target/report");
    let _ = std::fs::remove_dir_all(&page);
    std::fs::create_dir_all(&page).unwrap();
    let (code, _, err) = in_book_with(
        &dir,
        &[],
        &[
            "book",
            "report",
            "--month",
            "2026-01",
            "--today",
            "2026-02-10",
            "--lang",
            "nb",
            "-o",
            &page.join("report.html").to_string_lossy(),
            "--force",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let driver = ChromeDriver::for_test();
    let server = StaticServer::start(&page);
    let client = driver
        .browser("nb", &page.join("profile"), &page.join("downloads"))
        .await;
    client.goto(&server.url("report.html")).await.unwrap();
    let value = |script: &'static str| {
        let client = client.clone();
        async move { client.execute(script, Vec::new()).await.unwrap() }
    };
    assert_eq!(value("return document.documentElement.lang;").await, "nb");
    assert_eq!(
        value("return document.title;").await,
        "Månedsrapport 2026-01"
    );
    let bars = value("return document.querySelectorAll('svg rect').length;").await;
    assert!(bars.as_u64().unwrap() >= 1, "{bars}");
    let rows = value("return document.querySelectorAll('tr[data-status]').length;").await;
    assert_eq!(rows, 7);
    let width =
        value("return document.querySelector('table').getBoundingClientRect().width;").await;
    assert!(
        width.as_f64().unwrap() > 300.0,
        "the tables are laid out: {width}"
    );
    let png = client.screenshot().await.unwrap();
    assert!(png.len() > 10_000, "a screenshot of a page drawn");
    std::fs::write(page.join("book-report.png"), png).unwrap();
    client.close().await.unwrap();
    let asked: Vec<String> = server
        .requests()
        .into_iter()
        .filter(|r| r != "/favicon.ico")
        .collect();
    assert_eq!(asked, ["/report.html"], "nothing but the page");
}

/// `validate` speaks the locale's language, or `--lang`'s: each diagnostic's message and the
/// summary in bokmål for `LANG=nb_NO.UTF-8`; JSON keeps its keys, codes and levels and gives
/// the message in bokmål; `--lang en` before the locale.
#[test]
fn validate_speaks_bokmal_by_locale_or_flag() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let file = "testdata/err/sum-mismatch--claims-end.txt";
    let nb = [("LANG", "nb_NO.UTF-8")];
    let (code, human, _) = in_book_with(&root, &nb, &["validate", "--today", "2026-01-10", file]);
    assert_eq!(code, 1);
    assert!(
        human.contains("error[sum-mismatch]: sum amount: oppgitt 1124.01, beregnet 1124.00"),
        "{human}"
    );
    assert!(human.contains(": 1 feil, 0 advarsler"), "{human}");
    let (_, json, _) = in_book_with(
        &root,
        &nb,
        &[
            "validate",
            "--format",
            "json",
            "--today",
            "2026-01-10",
            file,
        ],
    );
    let first: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(first["code"], "sum-mismatch");
    assert_eq!(first["severity"], "error");
    assert_eq!(
        first["message"],
        "sum amount: oppgitt 1124.01, beregnet 1124.00"
    );
    let (_, english, _) = in_book_with(
        &root,
        &nb,
        &["--lang", "en", "validate", "--today", "2026-01-10", file],
    );
    assert!(
        english.contains("declared 1124.01, computed 1124.00")
            && english.contains("1 error, 0 warnings"),
        "{english}"
    );
    let (_, warned, _) = in_book_with(
        &root,
        &[("LC_ALL", "nn_NO.UTF-8")],
        &[
            "validate",
            "--today",
            "2026-01-10",
            "testdata/err/duplicate-registration--twice.txt",
        ],
    );
    assert!(warned.contains("advarsel"), "{warned}");
}

/// `inspect`'s summary in bokmål: transmission, assignments, counts, sums, dates, the
/// rejections by code with their meaning, the mandates by registration.
#[test]
fn inspect_speaks_bokmal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut shown = String::new();
    for file in [
        "testdata/ok/records-to-mps.txt",
        "testdata/ok/from-mps-every-error-code.txt",
        "testdata/ok/avtalegiro-claims.txt",
        "testdata/ok/ocr-giro-every-type.txt",
    ] {
        let (code, out, err) = in_book_with(
            &root,
            &[("LANG", "nb_NO.UTF-8")],
            &["inspect", "--today", "2026-01-10", file],
        );
        assert_eq!(code, 0, "{err}");
        shown.push_str(&out);
    }
    insta::assert_snapshot!(shown);
}

/// The book's imports, its status and the command's errors in bokmål: each import line and
/// note, each answer kept unmatched, the table's labels and states, the error of a book that
/// is not there. By the flag as by the locale.
#[test]
fn the_book_speaks_bokmal() {
    let dir = book_dir("book-bokmal");
    let nb = |args: &[&str]| {
        let (code, out, err) = in_book_with(&dir, &[("LANG", "nb_NO.UTF-8")], args);
        format!("$ {} (exit {code})\n{out}{err}", args.join(" "))
    };
    let sent = testdata("ok/records-to-mps.txt");
    let sent = sent.to_string_lossy();
    let kept = testdata("ok/from-mps-every-error-code.txt");
    let mut said = [
        nb(&["book", "import", &sent, "--today", "2026-01-10"]),
        nb(&["book", "import", &sent, "--today", "2026-01-10"]),
        nb(&[
            "book",
            "import",
            &kept.to_string_lossy(),
            "--today",
            "2026-01-20",
        ]),
        nb(&["book", "status", "--today", "2026-02-10"]),
        nb(&["book", "status", "--book", "no-such.db"]),
    ]
    .join("\n");
    for path in [testdata(""), dir.clone()] {
        said = said.replace(&*path.to_string_lossy(), "DIR/");
    }
    let (_, out, err) = in_book(
        &dir,
        &["--lang", "nb", "book", "status", "--book", "no-such.db"],
    );
    assert!(
        said.contains(&err) && out.is_empty() && err.starts_with("autogiro: feil: "),
        "the flag as the locale: {err}"
    );
    insta::assert_snapshot!(said);
}

/// `--help` in bokmål, by the flag and by the locale; English without either.
#[test]
fn help_speaks_bokmal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (code, out, _) = in_book_with(&root, &[], &["--lang", "nb", "book", "status", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Bruk: autogiro book status"), "{out}");
    assert!(out.contains("Valg:") && !out.contains("Options:"), "{out}");
    let (_, out, _) = in_book_with(&root, &[("LANG", "nb_NO.UTF-8")], &["--help"]);
    assert!(out.contains("Kommandoer:"), "{out}");
    let (_, out, _) = in_book_with(&root, &[], &["--help"]);
    assert!(
        out.contains("Commands:") && out.contains("Usage: autogiro"),
        "{out}"
    );
}
