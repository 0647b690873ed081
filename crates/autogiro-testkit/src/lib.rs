//! Test support of the autogiro workspace (not published).
//!
//! [`transmissions`]: the base files to and from MPS that `cargo xtask fixtures` writes and the
//! model's tests change one thing at a time; [`bench`](mod@bench): the benchmark data of every benchmark.
//!
//! [`Trickle`]: a reader of small reads that may fail part-way.
//!
//! [`web::build`] builds the validator's web page into `target/web/`.
//!
//! [`Sshd::start`] starts OpenSSH's `sshd` (Debian's `openssh-server`) the same way for the
//! transfer tests, with [`Relay`] to cut connections in the middle; `AUTOGIRO_REQUIRE_SSHD`
//! makes a missing `sshd` fail them.
//!
//! [`Postgres::start`] starts a real PostgreSQL server (Debian's `postgresql` package) in a
//! temporary folder, on 127.0.0.1 and a free port, and stops it when dropped. As root (CI) the
//! server runs as the `postgres` user, which the package makes. Without the package the
//! tests that need it are skipped with a line saying so, unless `AUTOGIRO_REQUIRE_POSTGRES` is
//! set (CI sets it), when they fail.

#![forbid(unsafe_code)]
pub mod bench;
#[cfg(feature = "browser")]
pub mod browser;
#[cfg(feature = "servers")]
mod server;
#[cfg(feature = "servers")]
mod sshd;
pub mod transmissions;
mod trickle;
pub mod web;

#[cfg(feature = "servers")]
pub use server::Postgres;
#[cfg(feature = "servers")]
pub use sshd::{Relay, Sshd};
pub use trickle::{FAILURE, Trickle};
