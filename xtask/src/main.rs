//! Developer commands of the autogiro workspace, run as `cargo xtask COMMAND`.
//!
//! Each command is a function here; `cargo xtask --help` lists them.

use std::process::ExitCode;

/// The commands, with a line of help each.
const COMMANDS: &[(&str, &str)] = &[("help", "print this list of commands")];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            print_help();
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("xtask: unknown command `{other}`\n");
            print_help();
            ExitCode::from(2)
        }
    }
}

fn print_help() {
    println!("usage: cargo xtask COMMAND\n\ncommands:");
    for (name, help) in COMMANDS {
        println!("  {name:<12} {help}");
    }
}
