//! `cargo xtask bench-bounds [N]`: what the reading paths hold at the sizes that matter: peak
//! RSS (and time) of `validate` on a million broken lines and on 2 GiB of random bytes,
//! `validate` and `inspect` of the file of N claims (default 9 999 999, the largest legal
//! transmission), and `fetch` of 2 GiB of random bytes through a real sshd on 127.0.0.1. Each
//! once; the bounds are the ones the project holds itself to (docs/performance.md).

use std::io::Write as _;
use std::path::Path;

use crate::{Timing, mib, release_and_claims, root, time_exiting};

/// The size of the file of random bytes: 2 GiB.
const RANDOM_BYTES: u64 = 2 << 30;

/// Measures each step once and prints a table of them with their bound.
pub(crate) fn bench_bounds(n: Option<&str>) -> Result<(), String> {
    let root = root();
    let (n, claims, _) = release_and_claims(&root, n, 9_999_999)?;
    let cli = root.join("target/release/autogiro");
    let data = root.join("target/bench-data");
    let broken = data.join("broken-1000000.txt");
    if !broken.exists() {
        crate::bench_data(Some("1000000"))?;
    }
    let random = data.join("random-2GiB.bin");
    if !random.exists() {
        write_random(&random)?;
    }
    let [claims, broken, random_arg] =
        [&claims, &broken, &random].map(|p| p.to_string_lossy().into_owned());
    let today = ["--today", "2026-01-10"];
    let mut rows: Vec<(Timing, &str)> = Vec::new();
    // With the exit code each gives: 1 for a file with errors.
    let steps = [
        (
            "validate, 1 000 000 broken lines",
            "validate",
            &broken,
            1,
            "≤ 3 s, ≤ 64 MiB",
        ),
        (
            "validate, 2 GiB of random bytes",
            "validate",
            &random_arg,
            1,
            "≤ 64 MiB",
        ),
        (
            "validate, the file of N claims",
            "validate",
            &claims,
            0,
            "≤ 1 s (N = 9 999 999)",
        ),
        (
            "inspect, the file of N claims",
            "inspect",
            &claims,
            0,
            "≤ 64 MiB",
        ),
    ];
    for (name, command, file, code, bound) in steps {
        let args = [command, file.as_str(), today[0], today[1]];
        crate::warm(&args)?;
        rows.push((time_exiting(name, &cli, &args, code)?, bound));
    }
    rows.push((fetch_random(&root, &cli, &random)?, "≤ 64 MiB"));
    println!("{n} claims; each step once, its output discarded; files in the page cache\n");
    println!("| step | time | peak RSS | bound |");
    println!("|---|---|---|---|");
    for (t, bound) in rows {
        println!(
            "| {} | {:.2} s | {} | {bound} |",
            t.name,
            t.seconds,
            mib(t.rss_kib)
        );
    }
    Ok(())
}

/// Writes `RANDOM_BYTES` bytes of a fixed pseudo-random sequence (xorshift64*) to `path`.
fn write_random(path: &Path) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut chunk = vec![0u8; 1 << 20];
    for _ in 0..RANDOM_BYTES / (1 << 20) {
        for word in chunk.chunks_exact_mut(8) {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            word.copy_from_slice(&state.wrapping_mul(0x2545_f491_4f6c_dd1d).to_le_bytes());
        }
        out.write_all(&chunk)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    out.flush().map_err(|e| format!("{}: {e}", path.display()))
}

/// `autogiro fetch` of the random bytes, put in the inbox of a real sshd: downloaded, found
/// invalid by the bounded check, left on the server.
fn fetch_random(root: &Path, cli: &Path, random: &Path) -> Result<Timing, String> {
    let crate::transfer::SftpPayee {
        sshd,
        dir: payee,
        settings,
        ..
    } = crate::transfer::SftpPayee::start(root, "bounds")?;
    let remote = sshd.remote();
    let inbox_file = remote.join("outbound/garbage.txt");
    if std::fs::hard_link(random, &inbox_file).is_err() {
        std::fs::copy(random, &inbox_file).map_err(|e| e.to_string())?;
    }
    let timing = time_exiting(
        "fetch, 2 GiB of random bytes (refused, left on the server)",
        cli,
        &["--config", &settings, "fetch", "--today", "2026-01-10"],
        1,
    )?;
    let _ = std::fs::remove_dir_all(&payee);
    Ok(timing)
}
