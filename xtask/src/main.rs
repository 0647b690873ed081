//! Developer commands of the autogiro workspace, run as `cargo xtask COMMAND`.
//!
//! Each command is a function here; `cargo xtask --help` lists them.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use autogiro_checksum::{AccountNumber, Kid, Modulus};
use autogiro_model::{
    Amount, AssignmentHeader, Claim, ClaimsAssignment, Transmission, payer_reference,
};
use time::{Duration, macros::date};

/// The commands, with a line of help each.
const COMMANDS: &[(&str, &str)] = &[
    ("help", "print this list of commands"),
    (
        "bench-data [N]",
        "write a valid file of N claims (default 1 000 000, at most 9 999 999) to target/bench-data/",
    ),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            print_help();
            Ok(())
        }
        Some("bench-data") => bench_data(args.get(1).map(String::as_str)),
        Some(other) => {
            eprintln!("xtask: unknown command `{other}`\n");
            print_help();
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print_help() {
    println!("usage: cargo xtask COMMAND\n\ncommands:");
    for (name, help) in COMMANDS {
        println!("  {name:<16} {help}");
    }
}

/// The workspace root (the parent of `xtask/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Claims per assignment in the bench data.
const PER_ASSIGNMENT: u32 = 100_000;

/// Writes `target/bench-data/claims-N.txt`: N claims in assignments of 100 000, with mod-10
/// KIDs and valid accounts, built with the model's builders so that it validates cleanly.
fn bench_data(n: Option<&str>) -> Result<(), String> {
    let n: u32 = match n {
        None => 1_000_000,
        Some(s) => s
            .parse()
            .map_err(|_| format!("not a number of claims: {s}"))?,
    };
    if n == 0 || n > 9_999_999 {
        return Err(format!("{n} claims: a transmission holds 1 to 9 999 999"));
    }
    let started = Instant::now();
    let dir = root().join("target/bench-data");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(format!("claims-{n}.txt"));
    let account = AccountNumber::parse("12345678903").map_err(|e| e.to_string())?;
    let mut transmission = Transmission::to_mps(12345, 1);
    let mut done = 0;
    while done < n {
        let count = PER_ASSIGNMENT.min(n - done);
        let header = AssignmentHeader::new(56789, done / PER_ASSIGNMENT + 1, account);
        let mut assignment = ClaimsAssignment::new(header);
        for k in done..done + count {
            let kid = Kid::with_check_digit(&format!("{k:08}"), Modulus::Mod10)
                .map_err(|e| e.to_string())?;
            let claim = Claim::new(
                date!(2026 - 01 - 15) + Duration::days(i64::from(k % 28)),
                payer_reference(&(10_000 + k).to_string()).map_err(|e| e.to_string())?,
                Amount::from_ore(u64::from(k % 997 + 1) * 100).map_err(|e| e.to_string())?,
            )
            .with_kid(kid)
            .with_short_name("Nordmann")
            .and_then(|c| c.with_own_reference(&format!("Faktura {k}")))
            .map_err(|e| e.to_string())?;
            assignment.push(claim).map_err(|e| e.to_string())?;
        }
        transmission.push(assignment).map_err(|e| e.to_string())?;
        done += count;
    }
    let file = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    transmission
        .write(&mut out)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    out.flush()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "wrote {} ({n} claims) in {:.2} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
