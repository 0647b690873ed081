//! The page end to end in a real headless Chromium, driven through chromedriver: built by
//! `cargo xtask web`'s own code, served from 127.0.0.1 by the test.

#![cfg(test)]
#![cfg(not(target_arch = "wasm32"))]

use autogiro_testkit::oracle;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use autogiro_model::{ReadOptions, validate};
use autogiro_testkit::browser::{self, ChromeDriver, StaticServer, workspace_root};
use fantoccini::{Client, Locator};
use serde_json::{Value, json};
use time::macros::date;

/// The fixtures whose diagnostics the page must show, each on its line.
const BROKEN: &[&str] = &[
    "sum-mismatch--claims-end.txt",
    "kid-check-digit--neither.txt",
    "line-length--81-characters.txt",
    "missing-transmission-end--removed.txt",
    "not-latin1--utf8-name.txt",
    "record-after-transmission-end--claim.txt",
    // Rules of the third round of decisions (25-36).
    "account-check-digit--payer-zeros.txt",
    "empty-assignment--mandates.txt",
];

fn fixture(path: &str) -> PathBuf {
    workspace_root()
        .join("testdata")
        .join(path)
        .canonicalize()
        .unwrap()
}

async fn run(client: &Client, script: &str) -> Value {
    client.execute(script, Vec::new()).await.unwrap()
}

/// Waits until the script gives `true`.
async fn until(client: &Client, script: &str, what: &str) {
    browser::until(client, script, Duration::from_secs(60))
        .await
        .unwrap_or_else(|e| panic!("waiting for {what}: {e}"));
}

/// Opens `path` in the page and waits until it is checked.
async fn open(client: &Client, path: &Path) -> Value {
    let name = path.file_name().unwrap().to_str().unwrap();
    run(
        client,
        "document.getElementById('today').value = '2026-01-10'",
    )
    .await;
    let input = client.find(Locator::Id("file")).await.unwrap();
    input.send_keys(path.to_str().unwrap()).await.unwrap();
    let done = format!(
        "const r = document.getElementById('result'); return r.dataset.state === 'done' && r.dataset.file === {name:?};"
    );
    until(client, &done, name).await;
    run(
        client,
        "const r = document.getElementById('result');
         return { errors: Number(r.dataset.errors), warnings: Number(r.dataset.warnings),
                  diagnostics: [...r.querySelectorAll('.diagnostic')].map(d => [Number(d.dataset.line), d.dataset.code, d.dataset.severity]),
                  status: document.getElementById('status').textContent,
                  summary: document.getElementById('summary').textContent };",
    )
    .await
}

async fn load(client: &Client, server: &StaticServer) {
    client.goto(&server.url("index.html")).await.unwrap();
    until(
        client,
        "return document.getElementById('result').dataset.state === 'ready';",
        "the validator to load",
    )
    .await;
}

fn options() -> ReadOptions {
    ReadOptions::new().today(date!(2026 - 01 - 10))
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs Chromium: cargo test -- --include-ignored"]
async fn the_page_in_a_real_browser() {
    let root = workspace_root();
    if let Some(missing) = autogiro_testkit::web::tools_missing(&root) {
        panic!("this test needs the page built, and cannot: {missing}");
    }
    let driver = ChromeDriver::for_test();
    let page = autogiro_testkit::web::build(&root).unwrap();
    let server = StaticServer::start(&page);
    let elsewhere = StaticServer::start(&page);
    let scratch = root.join("target/web-test");
    let _ = std::fs::remove_dir_all(&scratch);
    let downloads = scratch.join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();

    let client = driver
        .browser("en-US", &scratch.join("profile-en"), &downloads)
        .await;
    load(&client, &server).await;
    policy_and_a_valid_file(&client).await;
    every_broken_file_shows_its_codes(&client).await;
    screenshot_filters_and_downloads(&client, &page, &downloads).await;
    nothing_leaves(&client, &server, &elsewhere).await;
    client.close().await.unwrap();

    let client = driver
        .browser("nb", &scratch.join("profile-nb"), &downloads)
        .await;
    load(&client, &server).await;
    norwegian_and_switchable(&client).await;
    client.close().await.unwrap();
}

/// The policy that keeps the file on the machine is in the page itself; a valid file shows
/// no error, and inspect's summary.
async fn policy_and_a_valid_file(client: &Client) {
    let policy = run(
        client,
        "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content;",
    )
    .await;
    let policy = policy.as_str().unwrap();
    assert!(policy.contains("default-src 'self'"), "{policy}");
    assert!(policy.contains("'wasm-unsafe-eval'"), "{policy}");
    assert_eq!(
        run(client, "return document.documentElement.lang;").await,
        "en"
    );
    let valid = open(client, &fixture("ok/records-to-mps.txt")).await;
    assert_eq!(valid["errors"], 0, "{valid}");
    assert_eq!(valid["diagnostics"], json!([]));
    // Every valid fixture's summary reads as `autogiro inspect` prints it (the command's
    // snapshots), but for the folder before the file's name.
    let snapshots = workspace_root().join("crates/autogiro-cli/tests/snapshots");
    let mut compared = 0;
    for entry in std::fs::read_dir(workspace_root().join("testdata/ok")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let snapshot = snapshots.join(format!("cli__inspect_the_ok_fixtures@{name}.snap"));
        let Ok(snapshot) = std::fs::read_to_string(&snapshot) else {
            continue;
        };
        let printed = snapshot.splitn(3, "---\n").nth(2).unwrap();
        let printed = printed.trim_end().rsplit_once('\n').unwrap().0;
        let shown = open(client, &path).await;
        assert_eq!(
            format!("testdata/ok/{}", shown["summary"].as_str().unwrap()),
            printed,
            "{name}"
        );
        compared += 1;
    }
    assert!(compared >= 8, "{compared} summaries compared");
}

/// Each broken file shows its oracle (`NAME.expected`, `autogiro_testkit::oracle`): each
/// code on its line, with its severity, and the counts.
async fn every_broken_file_shows_its_codes(client: &Client) {
    for name in BROKEN {
        let path = fixture(&format!("err/{name}"));
        let expected = oracle::of(&path);
        let shown = open(client, &path).await;
        let count = |severity: &str| expected.iter().filter(|e| e.severity == severity).count();
        assert_eq!(shown["errors"], count("error"), "{name}: {shown}");
        assert_eq!(shown["warnings"], count("warning"), "{name}: {shown}");
        let want: Vec<Value> = expected
            .iter()
            .map(|e| json!([e.line, e.code, e.severity]))
            .collect();
        assert_eq!(shown["diagnostics"], Value::from(want), "{name}");
        let code = name.split("--").next().unwrap();
        assert!(
            expected.iter().any(|e| e.code == code),
            "{name} holds its code"
        );
    }
}

/// A broken file with its record and columns underlined is the screenshot; the filters hide
/// one severity; the downloads hold every diagnostic.
async fn screenshot_filters_and_downloads(client: &Client, page: &Path, downloads: &Path) {
    let sum = fixture("err/sum-mismatch--claims-end.txt");
    open(client, &sum).await;
    let text = run(
        client,
        "return document.querySelector('.diagnostic pre').textContent;",
    )
    .await;
    let text = text.as_str().unwrap();
    assert!(text.starts_with("error[sum-mismatch]: "), "{text}");
    assert!(text.contains("^^^"), "{text}");
    let png = client.screenshot().await.unwrap();
    std::fs::write(page.join("screenshot.png"), png).unwrap();

    let expected = validate(&std::fs::read(&sum).unwrap()[..], &options());
    click(client, "show-errors").await;
    let errors_shown =
        "return document.querySelectorAll('.diagnostic[data-severity=\"error\"]').length;";
    assert_eq!(run(client, errors_shown).await, 0);
    click(client, "show-errors").await;
    assert_eq!(run(client, errors_shown).await, expected.errors());
    for (button, suffix) in [("download-json", "jsonl"), ("download-csv", "csv")] {
        click(client, button).await;
        let file = downloads.join(format!("sum-mismatch--claims-end.txt.diagnostics.{suffix}"));
        let text = downloaded(&file).await;
        let rows: Vec<&str> = text.lines().collect();
        let first = &expected.diagnostics[0];
        if suffix == "jsonl" {
            assert_eq!(rows.len(), expected.diagnostics.len());
            let row: Value = serde_json::from_str(rows[0]).unwrap();
            assert_eq!(row["file"], "sum-mismatch--claims-end.txt");
            assert_eq!(row["code"], first.code.as_str());
            assert_eq!(row["line"], first.line);
            assert_eq!(row["message"], first.message);
        } else {
            assert_eq!(rows.len(), expected.diagnostics.len() + 1);
            assert_eq!(
                rows[0],
                "file,line,first_column,last_column,record_type,field,code,severity,message"
            );
            assert!(rows[1].starts_with(&format!("sum-mismatch--claims-end.txt,{},", first.line)));
        }
    }
}

/// The text of a download once the browser has finished writing it: Chromium may make the
/// file before it writes its bytes (a CI run read it empty), so this waits until the file
/// holds bytes and its length has stayed the same for two looks 100 ms apart. A download
/// still empty or missing after 20 s fails the test.
async fn downloaded(file: &Path) -> String {
    let started = Instant::now();
    let mut last = None;
    loop {
        let length = std::fs::metadata(file).map(|m| m.len()).ok();
        if matches!(length, Some(n) if n > 0) && length == last {
            return std::fs::read_to_string(file).unwrap();
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{} downloaded: {length:?} bytes",
            file.display()
        );
        last = length;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn click(client: &Client, id: &str) {
    client
        .find(Locator::Id(id))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Nothing leaves for another origin: the policy refuses it, the other server sees no request
/// at all, and the page asked its own server for its own files only.
async fn nothing_leaves(client: &Client, server: &StaticServer, elsewhere: &StaticServer) {
    let refused = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(arguments[0]).then(() => done('fetched'), () => done('refused'));",
            vec![Value::from(elsewhere.url("leak"))],
        )
        .await
        .unwrap();
    assert_eq!(refused, "refused");
    assert_eq!(elsewhere.requests(), Vec::<String>::new());
    let own = [
        "/index.html",
        "/app.js",
        "/autogiro_web.js",
        "/autogiro_web_bg.wasm",
        "/style.css",
        "/favicon.ico",
    ];
    for request in server.requests() {
        assert!(
            own.contains(&request.as_str()),
            "the page asked for {request}"
        );
    }
}

/// A Norwegian browser gets the page in Norwegian, and can switch to English.
async fn norwegian_and_switchable(client: &Client) {
    assert_eq!(
        run(client, "return document.documentElement.lang;").await,
        "nb"
    );
    let title = "return document.querySelector('h1').textContent;";
    assert_eq!(run(client, title).await, "Kontroll av Autogiro-filer");
    let valid = open(client, &fixture("ok/records-to-mps.txt")).await;
    let status = valid["status"].as_str().unwrap();
    assert!(status.contains("gyldig"), "{status}");
    let summary = valid["summary"].as_str().unwrap();
    assert!(summary.contains("oppdrag 1: betalingskrav"), "{summary}");
    run(
        client,
        "const s = document.getElementById('language'); s.value = 'en'; s.dispatchEvent(new Event('change'));",
    )
    .await;
    assert_eq!(
        run(client, "return document.documentElement.lang;").await,
        "en"
    );
    assert_eq!(run(client, title).await, "Autogiro file check");
    let summary = run(
        client,
        "return document.getElementById('summary').textContent;",
    )
    .await;
    assert!(
        summary.as_str().unwrap().contains("assignment 1: claims"),
        "{summary}"
    );
    run(
        client,
        "const s = document.getElementById('language'); s.value = 'nb'; s.dispatchEvent(new Event('change'));",
    )
    .await;
    // The diagnostics in bokmål too, an error and a warning, their codes as they are.
    let diagnostics = "return [...document.querySelectorAll('#diagnostics .diagnostic pre')].map((p) => p.textContent).join('\\n');";
    open(client, &fixture("err/sum-mismatch--claims-end.txt")).await;
    let error = run(client, diagnostics).await;
    let error = error.as_str().unwrap();
    assert!(
        error.contains("[sum-mismatch]: sum amount: oppgitt 1124.01, beregnet 1124.00"),
        "{error}"
    );
    open(client, &fixture("err/duplicate-registration--twice.txt")).await;
    let warning = run(client, diagnostics).await;
    let warning = warning.as_str().unwrap();
    assert!(
        warning.contains("[duplicate-registration]: betalerreferanse"),
        "{warning}"
    );
    run(
        client,
        "const s = document.getElementById('language'); s.value = 'en'; s.dispatchEvent(new Event('change'));",
    )
    .await;
    // Switched: the same diagnostics in English, without reading the file again.
    let english = run(client, diagnostics).await;
    assert!(
        english
            .as_str()
            .unwrap()
            .contains("[duplicate-registration]: payer reference"),
        "{english}"
    );
}
