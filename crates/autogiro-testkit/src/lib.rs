//! Test support of the autogiro workspace (not published).
//!
//! [`transmissions`]: the base files to and from MPS that `cargo xtask fixtures` writes and the
//! model's tests change one thing at a time; [`bench`](mod@bench): the benchmark data of every benchmark.
//!
//! [`Trickle`]: a reader of small reads that may fail part-way.
//!
//! [`oracle`]: the expected diagnostics of each `err` fixture (`testdata/err/NAME.expected`),
//! which every layer's tests compare with what they find.
//!
//! [`web::build`] builds the validator's web page into `target/web/`.
//!
//! [`Sshd::for_test`] starts OpenSSH's `sshd` (Debian's `openssh-server`) for the transfer
//! tests, with [`Relay`] to cut connections in the middle.
//!
//! [`Postgres::for_test`] starts a real PostgreSQL server (Debian's `postgresql` package) in a
//! temporary folder, on 127.0.0.1 and a free port, and stops it when dropped. As root (CI) the
//! server runs as the `postgres` user, which the package makes.
//!
//! [`Netsgiro::for_test`] installs the Python library `netsgiro` in a virtual environment under
//! `target/peer/` (once) for the model's differential test of AvtaleGiro and OCR giro.
//!
//! A test that needs a server is marked `#[ignore = "needs ..."]`: a plain `cargo test`
//! reports it as ignored, `cargo test -- --include-ignored` (the README's test command) runs
//! it, and `for_test` fails it when the server is not installed; no such test passes without
//! having run. `start` (an `Option`) is for the benchmarks, which say what they could not
//! measure.

#![forbid(unsafe_code)]
// Test support and developer commands: a failure is a panic with a message, as in a test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
pub mod bench;
#[cfg(feature = "browser")]
pub mod browser;
pub mod oracle;
#[cfg(feature = "servers")]
mod peer;
#[cfg(feature = "servers")]
mod server;
#[cfg(feature = "servers")]
mod sshd;
pub mod transmissions;
mod trickle;
pub mod web;

#[cfg(feature = "servers")]
pub use peer::{Netsgiro, VERSION as NETSGIRO_VERSION};
#[cfg(feature = "servers")]
pub use server::Postgres;
#[cfg(feature = "servers")]
pub use sshd::{Relay, Sshd};
pub use trickle::{FAILURE, Trickle};

/// The folder of the workspace, as an absolute path without `..` (Chromium wants its
/// profile folder so).
///
/// # Panics
///
/// When the folder is gone.
pub fn workspace_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace folder")
}
