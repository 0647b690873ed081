//! `cargo xtask bench-web [N]`: the web page in headless Chromium next to `autogiro validate`,
//! on the same realistic file of N claims, in one run.

use std::path::Path;
use std::time::Duration;

use autogiro_testkit::browser::{ChromeDriver, StaticServer, until};
use fantoccini::{Client, Locator};
use serde_json::Value;

use crate::{RUNS, release_and_claims, root, time_command};

/// What one check of the file in the page took, as the page measured it, and the size of the
/// validator's WebAssembly memory after it.
struct PageRun {
    seconds: f64,
    wasm_bytes: f64,
    errors: i64,
}

pub(crate) fn bench_web(n: Option<&str>) -> Result<(), String> {
    let root = root();
    let (n, _, _) = release_and_claims(&root, n, 1_000_000)?;
    let file = root.join(format!("target/bench-data/realistic-{n}.txt"));
    #[allow(clippy::cast_precision_loss)] // Figures for a report.
    let megabytes = std::fs::read(&file).map_err(|e| e.to_string())?.len() as f64 / 1e6;
    let page = autogiro_testkit::web::build(&root)?;
    let driver = ChromeDriver::start().ok_or("chromium and chromedriver are needed")?;
    let server = StaticServer::start(&page);
    let profile = root.join("target/web-bench");
    let _ = std::fs::remove_dir_all(&profile);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let runs = runtime.block_on(async {
        let client = driver
            .browser(
                "en-US",
                &profile.join("profile"),
                &profile.join("downloads"),
            )
            .await;
        let mut runs = Vec::new();
        for _ in 0..RUNS {
            runs.push(page_run(&client, &server, &file).await?);
        }
        client.close().await.map_err(|e| e.to_string())?;
        Ok::<_, String>(runs)
    })?;
    let cli = root.join("target/release/autogiro");
    let path = file.to_string_lossy().into_owned();
    let validate = time_command(
        "autogiro validate",
        &cli,
        &["validate", &path, "--today", "2026-01-10"],
    )?;
    let mut seconds: Vec<f64> = runs.iter().map(|r| r.seconds).collect();
    seconds.sort_by(f64::total_cmp);
    let page_median = seconds.get(seconds.len() / 2).copied().unwrap_or(0.0);
    let wasm = runs.iter().map(|r| r.wasm_bytes).fold(0.0, f64::max);
    let errors: Vec<i64> = runs.iter().map(|r| r.errors).collect();
    println!(
        "the realistic claims file, {n} claims, {megabytes:.0} MB; median of {RUNS} runs, one sitting\n"
    );
    println!("| | time | MB/s | ratio |");
    println!("|---|---|---|---|");
    println!(
        "| `autogiro validate` | {:.3} s | {:.0} | 1.00 |",
        validate.seconds,
        megabytes / validate.seconds
    );
    println!(
        "| the page in headless Chromium (File.stream() into the validator) | {page_median:.3} s | {:.0} | {:.2} |",
        megabytes / page_median,
        page_median / validate.seconds
    );
    println!(
        "\nthe validator's WebAssembly memory after the largest run: {:.1} MiB; errors found: {errors:?}",
        wasm / 1024.0 / 1024.0
    );
    Ok(())
}

async fn page_run(client: &Client, server: &StaticServer, file: &Path) -> Result<PageRun, String> {
    let fail = |e: fantoccini::error::CmdError| e.to_string();
    client.goto(&server.url("index.html")).await.map_err(fail)?;
    wait(
        client,
        "return document.getElementById('result').dataset.state === 'ready';",
    )
    .await?;
    client
        .execute(
            "document.getElementById('today').value = '2026-01-10';",
            Vec::new(),
        )
        .await
        .map_err(fail)?;
    let input = client.find(Locator::Id("file")).await.map_err(fail)?;
    input
        .send_keys(&file.to_string_lossy())
        .await
        .map_err(fail)?;
    wait(
        client,
        "return document.getElementById('result').dataset.state === 'done';",
    )
    .await?;
    let result = client
        .execute(
            "const r = document.getElementById('result').dataset;
             return [Number(r.millis), Number(r.wasmBytes), Number(r.errors)];",
            Vec::new(),
        )
        .await
        .map_err(fail)?;
    let number = |i: usize| result.get(i).and_then(Value::as_f64).unwrap_or(f64::NAN);
    Ok(PageRun {
        seconds: number(0) / 1000.0,
        wasm_bytes: number(1),
        errors: result.get(2).and_then(Value::as_i64).unwrap_or(-1),
    })
}

async fn wait(client: &Client, script: &str) -> Result<(), String> {
    until(client, script, Duration::from_secs(600)).await
}
