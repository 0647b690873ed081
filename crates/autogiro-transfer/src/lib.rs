//! Moving Autogiro files to and from Mastercard Payment Services (MPS, formerly Nets) over
//! SFTP, authenticated by a key pair, with the server's host key pinned in an OpenSSH
//! `known_hosts` file. Pure Rust (russh and russh-sftp): no OpenSSH binary at run time.
//!
//! This crate knows no records: it moves files. What a file holds, whether it may be sent and
//! what the payee's book makes of it are the callers' (`autogiro-payee`'s `send`, `fetch`
//! and `daily`, which the `autogiro` command runs).
//!
//! * [`Connection::open`] connects, checks the host key (an unknown key is refused unless
//!   [`Config::accept_new_host_key`]; a changed one always, with both fingerprints),
//!   authenticates with a key file or the ssh-agent, and opens SFTP.
//! * [`Connection::stage`] writes under a hidden temporary name and checks the size;
//!   [`Connection::publish`] then renames it to the final name: the server never shows half a
//!   file under its name. Between the two the caller records that the file may be sent: a
//!   rename whose reply is lost is never followed by a second upload
//!   ([`TransferError::MaybeSent`]), and [`Connection::publication`] tells a later run where
//!   the upload stands. At most once: a claims file sent twice charges every payer twice.
//! * [`Connection::download`] writes a temporary file, syncs it, checks the size, renames it
//!   into place and syncs the folder.
//! * A lost connection is made again and the operation run again, up to [`Config::retries`]
//!   times with a doubling wait; every failure is a [`TransferError`] of one sentence.
//! * Files stream in chunks of 256 KiB: memory stays bounded whatever their size.
//!
//! ```no_run
//! use autogiro_transfer::{Config, Connection, Identity};
//!
//! let identity = Identity::KeyFile { path: "keys/id_ed25519".into(), passphrase: None };
//! let mut config = Config::new("sftp.example.no", "c00012345", identity, "keys/known_hosts");
//! config.port = 22;
//! let mut mps = Connection::open(config)?;
//! println!("server key {}", mps.host_key().fingerprint);
//! let name = "autogiro-00012345-0000042.txt";
//! let size = mps.stage("claims.txt".as_ref(), "/inbound", name)?;
//! // Record here, durably, that the file may be sent from now on.
//! mps.publish("/inbound", name, size)?;
//! for file in mps.list("/outbound")? {
//!     mps.download("/outbound", &file.name, &std::path::Path::new("archive").join(&file.name))?;
//!     mps.remove("/outbound", &file.name)?;
//! }
//! # Ok::<(), autogiro_transfer::TransferError>(())
//! ```

#![forbid(unsafe_code)]

mod config;
mod connection;
mod error;
mod known_hosts;
mod session;

pub use config::{Config, Identity};
pub use connection::{Connection, Publication, RemoteFile};
pub use error::TransferError;
pub use known_hosts::HostKey;

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
