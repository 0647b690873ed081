//! The `autogiro` command: validate, inspect, make, book, convert, format and simulate
//! Norwegian Autogiro files of Mastercard Payment Services. See the `autogiro_cli` library.

#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    autogiro_cli::main()
}
