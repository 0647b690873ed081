//! The crate's one error type: each failure as one sentence a person can act on.

use std::fmt;
use std::path::PathBuf;

use autogiro_i18n::{Lang, Said};

/// Why a transfer failed. Each variant's message is one sentence that says what happened and
/// where; none carries a passphrase or key material.
#[derive(Debug)]
#[non_exhaustive]
pub enum TransferError {
    /// The server could not be reached at all (no route, refused, name not found).
    Unreachable {
        /// The server's host name or address.
        host: String,
        /// The port.
        port: u16,
        /// What the operating system or the SSH layer said.
        reason: String,
    },
    /// The server's host key is not in `known_hosts`, and accepting a new key was not asked
    /// for.
    UnknownHostKey {
        /// The server.
        host: String,
        /// The port.
        port: u16,
        /// The key the server showed, `ALGORITHM SHA256:...`.
        fingerprint: String,
        /// The file looked in.
        known_hosts: PathBuf,
    },
    /// The server showed another key than the one recorded: refused always (someone may be
    /// in between).
    HostKeyChanged {
        /// The server.
        host: String,
        /// The port.
        port: u16,
        /// The file that holds the recorded key.
        known_hosts: PathBuf,
        /// Its line.
        line: usize,
        /// The recorded key, `ALGORITHM SHA256:...`.
        expected: String,
        /// The key the server showed.
        found: String,
    },
    /// `known_hosts` could not be read or written.
    KnownHosts {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The server refused every key offered.
    AuthRefused {
        /// The server.
        host: String,
        /// The user name.
        user: String,
        /// The key or keys offered: path and fingerprint, or the agent's keys.
        offered: String,
    },
    /// The server refused to start SFTP for the account (no SFTP subsystem, or not for this
    /// user): not retried.
    NoSftp {
        /// The server.
        host: String,
        /// The user name.
        user: String,
    },
    /// The private key could not be loaded.
    Key {
        /// The key file.
        path: PathBuf,
        /// Why (`it is protected by a passphrase: set AUTOGIRO_KEY_PASSPHRASE`, ...).
        reason: String,
    },
    /// The ssh-agent could not be used.
    Agent {
        /// Why.
        reason: String,
    },
    /// A remote directory does not exist.
    NoSuchDirectory {
        /// The directory.
        dir: String,
    },
    /// A remote file does not exist.
    NoSuchFile {
        /// The file.
        path: String,
    },
    /// The server refused an operation on a path.
    PermissionDenied {
        /// What was tried: its catalogue key (`sftp-op.writing`, `sftp-op.renaming-to`, ...).
        what: &'static str,
        /// The remote path.
        path: String,
    },
    /// A file is already at the remote path: nothing is overwritten.
    RemoteExists {
        /// The remote path.
        path: String,
    },
    /// The connection was lost while the server was asked to rename an upload to its final
    /// name, and afterwards the file is under neither name: the rename may have been done
    /// and MPS may have taken the file. Nothing is uploaded again.
    MaybeSent {
        /// The remote path.
        path: String,
    },
    /// The size on the other side is not the size sent.
    SizeMismatch {
        /// The file.
        path: String,
        /// Bytes sent.
        expected: u64,
        /// Bytes found.
        found: u64,
    },
    /// The server answered an operation with an error.
    Remote {
        /// What was tried: its catalogue key (`sftp-op.removing`, ...).
        what: &'static str,
        /// The remote path.
        path: String,
        /// What the server said.
        message: String,
    },
    /// The local disk is full.
    DiskFull {
        /// The file being written.
        path: PathBuf,
    },
    /// A local file could not be read or written.
    Local {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A local file is already at the path a download would take: nothing is overwritten.
    LocalExists {
        /// The path.
        path: PathBuf,
    },
    /// The connection was lost, and so was every retry.
    Lost {
        /// The server.
        host: String,
        /// The port.
        port: u16,
        /// What was being done, in any language (`listing /inbox`).
        what: Said,
        /// How many connections were tried.
        attempts: u32,
        /// The last reason.
        reason: String,
    },
}

impl TransferError {
    /// What it says, in any language ([`Said::render`]); its `Display` is the English.
    pub fn said(&self) -> Said {
        match self {
            Self::Unreachable { host, port, reason } => Said::new("err.sftp.unreachable")
                .with("host", host)
                .with("port", port)
                .with("reason", reason),
            Self::UnknownHostKey {
                host,
                port,
                fingerprint,
                known_hosts,
            } => Said::new("err.sftp.unknown-host-key")
                .with("host", host)
                .with("port", port)
                .with("fingerprint", fingerprint)
                .with("file", known_hosts.display()),
            Self::HostKeyChanged {
                host,
                port,
                known_hosts,
                line,
                expected,
                found,
            } => Said::new("err.sftp.host-key-changed")
                .with("host", host)
                .with("port", port)
                .with("file", known_hosts.display())
                .with("line", line)
                .with("expected", expected)
                .with("found", found),
            Self::KnownHosts { path, reason } => Said::new("err.sftp.known-hosts")
                .with("file", path.display())
                .with("reason", reason),
            Self::AuthRefused {
                host,
                user,
                offered,
            } => Said::new("err.sftp.auth-refused")
                .with("host", host)
                .with("user", user)
                .with("offered", offered),
            Self::NoSftp { host, user } => Said::new("err.sftp.no-sftp")
                .with("host", host)
                .with("user", user),
            Self::Key { path, reason } => Said::new("err.sftp.key")
                .with("file", path.display())
                .with("reason", reason),
            Self::Agent { reason } => Said::new("err.sftp.agent").with("reason", reason),
            Self::NoSuchDirectory { dir } => {
                Said::new("err.sftp.no-such-directory").with("dir", dir)
            }
            Self::NoSuchFile { path } => Said::new("err.sftp.no-such-file").with("path", path),
            Self::PermissionDenied { what, path } => Said::new("err.sftp.permission-denied")
                .with_words("what", Said::new(what))
                .with("path", path),
            Self::RemoteExists { path } => Said::new("err.sftp.remote-exists").with("path", path),
            Self::MaybeSent { path } => Said::new("err.sftp.maybe-sent").with("path", path),
            Self::SizeMismatch {
                path,
                expected,
                found,
            } => Said::new("err.sftp.size-mismatch")
                .with("path", path)
                .with("expected", expected)
                .with("found", found),
            Self::Remote {
                what,
                path,
                message,
            } => Said::new("err.sftp.remote")
                .with_words("what", Said::new(what))
                .with("path", path)
                .with("message", message),
            Self::DiskFull { path } => Said::new("err.sftp.disk-full").with("file", path.display()),
            Self::Local { path, source } => Said::new("err.sftp.local")
                .with("file", path.display())
                .with("error", source),
            Self::LocalExists { path } => {
                Said::new("err.sftp.local-exists").with("file", path.display())
            }
            Self::Lost {
                host,
                port,
                what,
                attempts,
                reason,
            } => Said::new("err.sftp.lost")
                .with("host", host)
                .with("port", port)
                .with("attempts", attempts)
                .with_words("what", what.clone())
                .with("reason", reason),
        }
    }
}

/// [`TransferError::said`] in English.
impl fmt::Display for TransferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said().render(Lang::En))
    }
}

/// Its message says its cause (the system's error): no source is told again after it.
impl std::error::Error for TransferError {}

impl TransferError {
    /// A local I/O error on `path`, with a full disk named as such.
    pub(crate) fn local(path: &std::path::Path, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::StorageFull {
            Self::DiskFull {
                path: path.to_path_buf(),
            }
        } else {
            Self::Local {
                path: path.to_path_buf(),
                source,
            }
        }
    }
}
