//! One SFTP connection to MPS, blocking to its caller: SSH (russh) and SFTP (russh-sftp) run on
//! a single-threaded tokio runtime the connection owns. Every operation is retried on a new
//! connection when the old one is lost, a bounded number of times with a doubling wait.

use std::fmt;
use std::io::Write as _;
use std::path::Path;
use std::time::Duration;

use autogiro_files::AtomicFile;
use russh_sftp::client::SftpSession;
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{OpenFlags, StatusCode};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

use crate::known_hosts::HostKey;
use crate::session::{Live, connect};
use crate::{Config, TransferError};
use autogiro_i18n::Said;

/// How much of a file is read or written at a time: memory stays bounded whatever the file's
/// size (a few of these, and russh-sftp's 16 requests in flight of 32 KiB each).
const CHUNK: usize = 256 * 1024;

/// A file in a remote directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteFile {
    /// Its name in the directory.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// When it was last modified, in seconds since 1970, as the server says.
    pub modified: Option<u32>,
}

/// Where an upload stands on the server ([`Connection::publication`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Publication {
    /// The file is under its name: sent, not yet taken by MPS.
    Published(RemoteFile),
    /// The file is under its hidden name only: staged, never renamed.
    Staged(RemoteFile),
    /// Neither: never staged, or renamed and taken by MPS already.
    Absent,
}

/// A connection to the server. Made by [`Connection::open`]; closed when dropped.
pub struct Connection {
    config: Config,
    runtime: tokio::runtime::Runtime,
    live: Option<Live>,
    host_key: HostKey,
    /// How many connections were made (1 unless one was lost).
    connections: u32,
}

impl fmt::Debug for Connection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Connection")
            .field("host", &self.config.host)
            .field("port", &self.config.port)
            .field("host_key", &self.host_key)
            .finish_non_exhaustive()
    }
}

/// How an attempt failed: the connection was lost (try again), or something a new connection
/// will not change.
pub(crate) enum Failure {
    Lost(String),
    Fatal(TransferError),
}

impl From<TransferError> for Failure {
    fn from(e: TransferError) -> Self {
        Self::Fatal(e)
    }
}

/// An SFTP error on `path` while doing `what` (its catalogue key, `sftp-op.*`).
fn sftp_failure(e: SftpError, what: &'static str, path: &str) -> Failure {
    match e {
        SftpError::Status(status) => match status.status_code {
            StatusCode::NoSuchFile => Failure::Fatal(TransferError::NoSuchFile {
                path: path.to_owned(),
            }),
            StatusCode::PermissionDenied => Failure::Fatal(TransferError::PermissionDenied {
                what,
                path: path.to_owned(),
            }),
            StatusCode::NoConnection | StatusCode::ConnectionLost => {
                Failure::Lost(status.error_message)
            }
            _ => Failure::Fatal(TransferError::Remote {
                what,
                path: path.to_owned(),
                message: if status.error_message.is_empty() {
                    status.status_code.to_string()
                } else {
                    status.error_message
                },
            }),
        },
        SftpError::Timeout => Failure::Lost("no answer in time".to_owned()),
        other => Failure::Lost(other.to_string()),
    }
}

/// A missing path in `dir` named as the directory missing: what listing or creating a file
/// there means by "no such file".
fn in_directory(failure: Failure, dir: &str) -> Failure {
    match failure {
        Failure::Fatal(TransferError::NoSuchFile { .. }) => {
            Failure::Fatal(TransferError::NoSuchDirectory {
                dir: dir.to_owned(),
            })
        }
        other => other,
    }
}

/// `dir/name` on the server.
fn remote_path(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else if dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

/// The name a file has on the server while it is being uploaded: hidden, so that nothing that
/// lists the directory takes it for a file.
fn partial_name(name: &str) -> String {
    format!(".{name}.part")
}

impl Connection {
    /// Connects, checks the server's key against `known_hosts` (recording it when it is new and
    /// [`Config::accept_new_host_key`] is set), authenticates and opens SFTP. A connection that
    /// cannot be made is retried as [`Config::retries`] says; a refused key or host key is not.
    ///
    /// # Errors
    ///
    /// [`TransferError::Unreachable`] (also when no connection is made in time),
    /// [`TransferError::UnknownHostKey`], [`TransferError::HostKeyChanged`],
    /// [`TransferError::AuthRefused`], [`TransferError::Key`], [`TransferError::Agent`].
    pub fn open(config: Config) -> Result<Self, TransferError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| TransferError::Unreachable {
                host: config.host.clone(),
                port: config.port,
                reason: format!("cannot start the I/O runtime: {e}"),
            })?;
        let mut attempt = 0;
        let (live, host_key) = loop {
            attempt += 1;
            match runtime.block_on(connect(&config)) {
                Ok(done) => break done,
                Err(Failure::Fatal(e)) => return Err(e),
                Err(Failure::Lost(reason)) if attempt > config.retries => {
                    return Err(TransferError::Unreachable {
                        host: config.host.clone(),
                        port: config.port,
                        reason: format!("{reason} ({attempt} attempt(s))"),
                    });
                }
                Err(Failure::Lost(_)) => std::thread::sleep(backoff(&config, attempt)),
            }
        };
        Ok(Self {
            config,
            runtime,
            live: Some(live),
            host_key,
            connections: 1,
        })
    }

    /// The server's key: its fingerprint, and whether it was recorded by this connection.
    pub fn host_key(&self) -> &HostKey {
        &self.host_key
    }

    /// How many connections this one has taken so far: 1, plus one for each lost and made
    /// again.
    pub fn connections(&self) -> u32 {
        self.connections
    }

    /// The regular files in the remote directory `dir`, by name. Hidden files (a name that
    /// starts with `.`, such as an upload under way) are left out.
    ///
    /// # Errors
    ///
    /// [`TransferError::NoSuchDirectory`], [`TransferError::PermissionDenied`],
    /// [`TransferError::Lost`].
    pub fn list(&mut self, dir: &str) -> Result<Vec<RemoteFile>, TransferError> {
        let what = Said::new("sftp-doing.listing").with("path", dir);
        self.retrying(&what, async |sftp: &SftpSession| {
            let entries = sftp
                .read_dir(dir)
                .await
                .map_err(|e| in_directory(sftp_failure(e, "sftp-op.listing", dir), dir))?;
            let mut files: Vec<RemoteFile> = entries
                .filter(|e| e.file_type().is_file() && !e.file_name().starts_with('.'))
                .map(|e| {
                    let m = e.metadata();
                    RemoteFile {
                        name: e.file_name(),
                        size: m.size.unwrap_or(0),
                        modified: m.mtime,
                    }
                })
                .collect();
            files.sort_by(|a, b| a.name.cmp(&b.name));
            Ok(files)
        })
    }

    /// The file `name` in `dir`, or `None` when there is none.
    ///
    /// # Errors
    ///
    /// [`TransferError::PermissionDenied`], [`TransferError::Lost`].
    pub fn stat(&mut self, dir: &str, name: &str) -> Result<Option<RemoteFile>, TransferError> {
        let path = remote_path(dir, name);
        let what = Said::new("sftp-doing.looking-at").with("path", &path);
        self.retrying(&what, async |sftp: &SftpSession| {
            stat(sftp, &path, name).await
        })
    }

    /// Uploads the local file `from` to `dir` under the hidden name of `name` (`.NAME.part`),
    /// which nothing that lists the directory takes for a file, and checks its size there.
    /// Nothing is at `dir/name` yet: [`Connection::publish`] puts it there. An upload staged
    /// before (by a run that stopped) is written over. Returns the size.
    ///
    /// A connection lost on the way is made again and the upload starts over.
    ///
    /// # Errors
    ///
    /// [`TransferError::RemoteExists`] (a file is at `dir/name` already),
    /// [`TransferError::NoSuchDirectory`], [`TransferError::PermissionDenied`],
    /// [`TransferError::SizeMismatch`], [`TransferError::Local`], [`TransferError::Lost`].
    pub fn stage(&mut self, from: &Path, dir: &str, name: &str) -> Result<u64, TransferError> {
        let size = std::fs::metadata(from)
            .map_err(|e| TransferError::local(from, e))?
            .len();
        let target = remote_path(dir, name);
        let partial = remote_path(dir, &partial_name(name));
        let what = Said::new("sftp-doing.uploading").with("path", from.display());
        self.retrying(&what, async |sftp: &SftpSession| {
            if stat(sftp, &target, name).await?.is_some() {
                return Err(Failure::Fatal(TransferError::RemoteExists {
                    path: target.clone(),
                }));
            }
            upload(sftp, from, dir, &partial, size).await?;
            match stat(sftp, &partial, name).await? {
                Some(f) if f.size == size => Ok(size),
                found => Err(Failure::Fatal(TransferError::SizeMismatch {
                    path: partial.clone(),
                    expected: size,
                    found: found.map_or(0, |f| f.size),
                })),
            }
        })
    }

    /// Renames the upload [`Connection::stage`]d as `name` in `dir` to `name`: the moment the
    /// file is sent, for MPS may take it as soon as it is there. Record that it may have been
    /// sent before calling this: when the reply to the rename is lost, nobody can know whether
    /// the server did it.
    ///
    /// A connection lost on the way is made again and the server looked at: the file under
    /// its name (of `size` bytes) means the rename was done; the staged file still there means
    /// it was not, and it is asked again; neither means MPS may have taken the file already,
    /// and nothing is uploaded again ([`TransferError::MaybeSent`]): at most once.
    ///
    /// # Errors
    ///
    /// [`TransferError::MaybeSent`], [`TransferError::RemoteExists`],
    /// [`TransferError::NoSuchFile`] (nothing staged), [`TransferError::SizeMismatch`],
    /// [`TransferError::PermissionDenied`], [`TransferError::Lost`].
    pub fn publish(&mut self, dir: &str, name: &str, size: u64) -> Result<(), TransferError> {
        let target = remote_path(dir, name);
        let partial = remote_path(dir, &partial_name(name));
        let what = Said::new("sftp-doing.renaming")
            .with("from", &partial)
            .with("to", name);
        let mut first = true;
        self.retrying(&what, async |sftp: &SftpSession| {
            let again = !std::mem::replace(&mut first, false);
            if again {
                match publication(sftp, &target, &partial, name).await? {
                    Publication::Published(f) if f.size == size => return Ok(()),
                    Publication::Published(_) => {
                        return Err(Failure::Fatal(TransferError::RemoteExists {
                            path: target.clone(),
                        }));
                    }
                    Publication::Staged(_) => {}
                    Publication::Absent => {
                        return Err(Failure::Fatal(TransferError::MaybeSent {
                            path: target.clone(),
                        }));
                    }
                }
            }
            sftp.rename(partial.as_str(), target.as_str())
                .await
                .map_err(|e| sftp_failure(e, "sftp-op.renaming-to", &target))?;
            match stat(sftp, &target, name).await? {
                Some(f) if f.size == size => Ok(()),
                // Taken by MPS the moment it was there.
                None => Ok(()),
                Some(f) => Err(Failure::Fatal(TransferError::SizeMismatch {
                    path: target.clone(),
                    expected: size,
                    found: f.size,
                })),
            }
        })
    }

    /// Where an upload of `name` to `dir` stands: under its name, staged under the hidden
    /// one, or neither (never begun, or taken by MPS).
    ///
    /// # Errors
    ///
    /// [`TransferError::PermissionDenied`], [`TransferError::Lost`].
    pub fn publication(&mut self, dir: &str, name: &str) -> Result<Publication, TransferError> {
        let target = remote_path(dir, name);
        let partial = remote_path(dir, &partial_name(name));
        let what = Said::new("sftp-doing.looking-at").with("path", &target);
        self.retrying(&what, async |sftp: &SftpSession| {
            publication(sftp, &target, &partial, name).await
        })
    }

    /// Downloads `dir/name` to the local path `to`: written to a hidden temporary file beside
    /// it (`autogiro_files::AtomicFile`), synced to disk, its size checked against the
    /// server's, put in place as `to`, and the folder synced, so that `to` is either absent or
    /// complete after a crash. Nothing at `to` is overwritten, also a file that appears there
    /// while the download runs. Returns the size.
    ///
    /// # Errors
    ///
    /// [`TransferError::LocalExists`], [`TransferError::NoSuchFile`],
    /// [`TransferError::PermissionDenied`], [`TransferError::SizeMismatch`],
    /// [`TransferError::DiskFull`], [`TransferError::Local`], [`TransferError::Lost`].
    pub fn download(&mut self, dir: &str, name: &str, to: &Path) -> Result<u64, TransferError> {
        let exists = || TransferError::LocalExists {
            path: to.to_path_buf(),
        };
        if to.exists() {
            return Err(exists());
        }
        let source = remote_path(dir, name);
        let what = Said::new("sftp-doing.downloading").with("path", &source);
        let (file, size) = self.retrying(&what, async |sftp: &SftpSession| {
            download(sftp, &source, name, to).await
        })?;
        file.commit(false).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => exists(),
            _ => TransferError::local(to, e),
        })?;
        Ok(size)
    }

    /// Removes `dir/name` from the server. A file already gone when a retry comes to it
    /// counts as removed.
    ///
    /// # Errors
    ///
    /// [`TransferError::NoSuchFile`], [`TransferError::PermissionDenied`],
    /// [`TransferError::Lost`].
    pub fn remove(&mut self, dir: &str, name: &str) -> Result<(), TransferError> {
        let path = remote_path(dir, name);
        let what = Said::new("sftp-doing.removing").with("path", &path);
        let mut first = true;
        self.retrying(&what, async |sftp: &SftpSession| {
            let again = !std::mem::replace(&mut first, false);
            let path = &path;
            {
                match sftp.remove_file(path.as_str()).await {
                    Ok(()) => Ok(()),
                    Err(e) => match sftp_failure(e, "sftp-op.removing", path) {
                        Failure::Fatal(TransferError::NoSuchFile { .. }) if again => Ok(()),
                        other => Err(other),
                    },
                }
            }
        })
    }

    /// Runs `op` on the SFTP session; when the connection is lost, connects again (after the
    /// backoff) and runs it again, up to [`Config::retries`] times.
    fn retrying<T>(
        &mut self,
        what: &Said,
        mut op: impl AsyncFnMut(&SftpSession) -> Result<T, Failure>,
    ) -> Result<T, TransferError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let live = match self.live.take() {
                Some(live) => live,
                None => match self.runtime.block_on(connect(&self.config)) {
                    Ok((live, _)) => {
                        self.connections += 1;
                        live
                    }
                    Err(Failure::Fatal(e)) => return Err(e),
                    Err(Failure::Lost(reason)) if attempt > self.config.retries => {
                        return Err(lost(&self.config, what, attempt, reason));
                    }
                    Err(Failure::Lost(_)) => {
                        std::thread::sleep(backoff(&self.config, attempt));
                        continue;
                    }
                },
            };
            match self.runtime.block_on(op(&live.sftp)) {
                Ok(value) => {
                    self.live = Some(live);
                    return Ok(value);
                }
                Err(Failure::Fatal(e)) => {
                    self.live = Some(live);
                    return Err(e);
                }
                Err(Failure::Lost(reason)) => {
                    // The session is dropped: the next attempt makes a new one.
                    drop(live);
                    if attempt > self.config.retries {
                        return Err(lost(&self.config, what, attempt, reason));
                    }
                    std::thread::sleep(backoff(&self.config, attempt));
                }
            }
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if let Some(live) = self.live.take() {
            let _ = self.runtime.block_on(async {
                let _ = live.sftp.close().await;
                live.ssh
                    .disconnect(russh::Disconnect::ByApplication, "", "en")
                    .await
            });
        }
    }
}

/// The wait before retry number `attempt` (1-based): the backoff, doubled each time.
fn backoff(config: &Config, attempt: u32) -> Duration {
    config
        .backoff
        .saturating_mul(1 << attempt.saturating_sub(1).min(16))
}

fn lost(config: &Config, what: &Said, attempts: u32, reason: String) -> TransferError {
    TransferError::Lost {
        host: config.host.clone(),
        port: config.port,
        what: what.clone(),
        attempts,
        reason,
    }
}

/// Where the upload of `name` (at `target`, staged at `partial`) stands.
async fn publication(
    sftp: &SftpSession,
    target: &str,
    partial: &str,
    name: &str,
) -> Result<Publication, Failure> {
    if let Some(f) = stat(sftp, target, name).await? {
        return Ok(Publication::Published(f));
    }
    Ok(match stat(sftp, partial, name).await? {
        Some(f) => Publication::Staged(f),
        None => Publication::Absent,
    })
}

/// `path` (named `name` in its directory), or `None` when there is nothing there.
async fn stat(sftp: &SftpSession, path: &str, name: &str) -> Result<Option<RemoteFile>, Failure> {
    match sftp.metadata(path).await {
        Ok(m) => Ok(Some(RemoteFile {
            name: name.to_owned(),
            size: m.size.unwrap_or(0),
            modified: m.mtime,
        })),
        Err(e) => match sftp_failure(e, "sftp-op.looking-at", path) {
            Failure::Fatal(TransferError::NoSuchFile { .. }) => Ok(None),
            other => Err(other),
        },
    }
}

/// Writes the local file `from` (of `size` bytes) to the remote `partial`, truncating what an
/// earlier attempt left there, and checks the size the server then has.
async fn upload(
    sftp: &SftpSession,
    from: &Path,
    dir: &str,
    partial: &str,
    size: u64,
) -> Result<(), Failure> {
    let mut local = tokio::fs::File::open(from)
        .await
        .map_err(|e| TransferError::local(from, e))?;
    let mut remote = sftp
        .open_with_flags(
            partial,
            OpenFlags::CREATE | OpenFlags::TRUNCATE | OpenFlags::WRITE,
        )
        .await
        .map_err(|e| in_directory(sftp_failure(e, "sftp-op.writing", partial), dir))?;
    let mut buffer = vec![0; CHUNK];
    let io_lost = |e: std::io::Error| Failure::Lost(e.to_string());
    loop {
        let n = local
            .read(&mut buffer)
            .await
            .map_err(|e| TransferError::local(from, e))?;
        let Some(chunk) = buffer.get(..n).filter(|c| !c.is_empty()) else {
            break;
        };
        remote.write_all(chunk).await.map_err(io_lost)?;
    }
    remote.flush().await.map_err(io_lost)?;
    // fsync@openssh.com where the server has it; a server without it is not an error.
    let _ = remote.sync_all().await;
    remote.shutdown().await.map_err(io_lost)?;
    let written = sftp
        .metadata(partial)
        .await
        .map_err(|e| sftp_failure(e, "sftp-op.looking-at", partial))?
        .size
        .unwrap_or(0);
    if written == size {
        Ok(())
    } else {
        Err(Failure::Fatal(TransferError::SizeMismatch {
            path: partial.to_owned(),
            expected: size,
            found: written,
        }))
    }
}

/// Reads the remote `source` into the local `partial`, synced to disk, and checks its size
/// against the server's.
async fn download(
    sftp: &SftpSession,
    source: &str,
    name: &str,
    to: &Path,
) -> Result<(AtomicFile, u64), Failure> {
    let expected = stat(sftp, source, name)
        .await?
        .ok_or_else(|| TransferError::NoSuchFile {
            path: source.to_owned(),
        })?
        .size;
    let mut remote = sftp
        .open_with_flags(source, OpenFlags::READ)
        .await
        .map_err(|e| sftp_failure(e, "sftp-op.reading", source))?;
    let local_error = |e| Failure::Fatal(TransferError::local(to, e));
    // A new temporary file for each attempt; the one of an attempt cut off goes with it.
    let mut local = AtomicFile::create(to).map_err(local_error)?;
    let mut buffer = vec![0; CHUNK];
    let mut size = 0u64;
    loop {
        let n = remote
            .read(&mut buffer)
            .await
            .map_err(|e| Failure::Lost(e.to_string()))?;
        let Some(chunk) = buffer.get(..n).filter(|c| !c.is_empty()) else {
            break;
        };
        // The runtime is this connection's own, on this thread: a blocking write holds up
        // nothing else.
        local.write_all(chunk).map_err(local_error)?;
        size += n as u64;
    }
    if size == expected {
        Ok((local, size))
    } else {
        Err(Failure::Fatal(TransferError::SizeMismatch {
            path: source.to_owned(),
            expected,
            found: size,
        }))
    }
}
