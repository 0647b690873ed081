//! The crate's one error type: each failure as one sentence a person can act on.

use std::path::PathBuf;

/// Why a transfer failed. Each variant's message is one sentence that says what happened and
/// where; none carries a passphrase or key material.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TransferError {
    /// The server could not be reached at all (no route, refused, name not found).
    #[error("cannot reach {host}:{port}: {reason}")]
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
    #[error(
        "the host key of {host}:{port} ({fingerprint}) is not in {}: compare the fingerprint with the one MPS gave you, then accept it once",
        known_hosts.display()
    )]
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
    #[error(
        "the host key of {host}:{port} has changed: {} line {line} expects {expected}, the server showed {found}; if MPS announced a new key, replace that line",
        known_hosts.display()
    )]
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
    #[error("cannot use {}: {reason}", path.display())]
    KnownHosts {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The server refused every key offered.
    #[error("{host} refused to authenticate {user} with {offered}")]
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
    #[error(
        "{host} refused to start SFTP for {user}: the account has no SFTP access; ask MPS to check it"
    )]
    NoSftp {
        /// The server.
        host: String,
        /// The user name.
        user: String,
    },
    /// The private key could not be loaded.
    #[error("cannot use the private key {}: {reason}", path.display())]
    Key {
        /// The key file.
        path: PathBuf,
        /// Why (`it is protected by a passphrase: set AUTOGIRO_KEY_PASSPHRASE`, ...).
        reason: String,
    },
    /// The ssh-agent could not be used.
    #[error("cannot use the ssh-agent: {reason}")]
    Agent {
        /// Why.
        reason: String,
    },
    /// A remote directory does not exist.
    #[error("no such remote directory: {dir}")]
    NoSuchDirectory {
        /// The directory.
        dir: String,
    },
    /// A remote file does not exist.
    #[error("no such remote file: {path}")]
    NoSuchFile {
        /// The file.
        path: String,
    },
    /// The server refused an operation on a path.
    #[error("permission denied on the server: {what} {path}")]
    PermissionDenied {
        /// What was tried (`writing`, `renaming to`, ...).
        what: &'static str,
        /// The remote path.
        path: String,
    },
    /// A file is already at the remote path: nothing is overwritten.
    #[error("{path} is already on the server: nothing overwritten")]
    RemoteExists {
        /// The remote path.
        path: String,
    },
    /// The connection was lost while the server was asked to rename an upload to its final
    /// name, and afterwards the file is under neither name: the rename may have been done
    /// and MPS may have taken the file. Nothing is uploaded again.
    #[error(
        "the connection was lost while {path} was being renamed into place, and the file is no longer on the server: MPS may have taken it; look in MPS's receipt before sending it again"
    )]
    MaybeSent {
        /// The remote path.
        path: String,
    },
    /// The size on the other side is not the size sent.
    #[error("{path}: {expected} bytes sent, {found} bytes arrived")]
    SizeMismatch {
        /// The file.
        path: String,
        /// Bytes sent.
        expected: u64,
        /// Bytes found.
        found: u64,
    },
    /// The server answered an operation with an error.
    #[error("the server refused {what} {path}: {message}")]
    Remote {
        /// What was tried.
        what: &'static str,
        /// The remote path.
        path: String,
        /// What the server said.
        message: String,
    },
    /// The local disk is full.
    #[error("the local disk is full: cannot write {}", path.display())]
    DiskFull {
        /// The file being written.
        path: PathBuf,
    },
    /// A local file could not be read or written.
    #[error("{}: {source}", path.display())]
    Local {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A local file is already at the path a download would take: nothing is overwritten.
    #[error("{} exists already: nothing overwritten", path.display())]
    LocalExists {
        /// The path.
        path: PathBuf,
    },
    /// The connection was lost, and so was every retry.
    #[error("the connection to {host}:{port} was lost {attempts} time(s) while {what}: {reason}")]
    Lost {
        /// The server.
        host: String,
        /// The port.
        port: u16,
        /// What was being done.
        what: String,
        /// How many connections were tried.
        attempts: u32,
        /// The last reason.
        reason: String,
    },
}

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
