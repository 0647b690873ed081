//! Writing outputs: standard output, or a file written beside its target under a temporary name
//! and renamed into place, so that a crash or a full disk never leaves a half-written payment
//! file where the old one stood. An existing file is replaced only when asked.

use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context as _, bail};
use tempfile::NamedTempFile;

use crate::OutArgs;

/// Writes `bytes` to the output `out` names.
pub(crate) fn write(out: &OutArgs, bytes: &[u8]) -> anyhow::Result<()> {
    match &out.output {
        None => {
            let mut stdout = io::stdout().lock();
            stdout
                .write_all(bytes)
                .context("cannot write to standard output")?;
            stdout.flush().context("cannot write to standard output")
        }
        Some(path) => write_file(path, bytes, out.force),
    }
}

/// Writes `bytes` to `path` atomically; refuses to replace an existing file unless `force`.
pub(crate) fn write_file(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    let out = OutArgs {
        output: Some(path.to_path_buf()),
        force,
    };
    let mut temp = temporary(&out)?;
    temp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    persist(temp, &out)
}

/// A temporary file for the output `out` names: beside it, so that it can be renamed into
/// place, or in the system's temporary folder for standard output. Refuses an existing output
/// unless `--force`, before anything is made.
pub(crate) fn temporary(out: &OutArgs) -> anyhow::Result<NamedTempFile> {
    let Some(path) = &out.output else {
        return NamedTempFile::new().context("cannot make a temporary file");
    };
    if !out.force && path.exists() {
        bail!("{} exists; use --force to overwrite it", path.display());
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    tempfile::Builder::new()
        .prefix(".autogiro-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))
}

/// Puts a complete temporary file where `out` says: synced and renamed over the output file
/// (replacing one only with `--force`, and keeping its permissions), or copied to standard
/// output. An output that exists and is not a regular file (a device such as `/dev/null`, a
/// pipe) is written into, never replaced; a directory is refused.
pub(crate) fn persist(temp: NamedTempFile, out: &OutArgs) -> anyhow::Result<()> {
    let Some(path) = &out.output else {
        let mut file = temp.reopen().context("cannot read the temporary file")?;
        let mut stdout = io::stdout().lock();
        io::copy(&mut file, &mut stdout).context("cannot write to standard output")?;
        return stdout.flush().context("cannot write to standard output");
    };
    let existing = std::fs::metadata(path).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            bail!("{} is a directory", path.display());
        }
        if !meta.is_file() {
            let mut file = temp.reopen().context("cannot read the temporary file")?;
            let mut target = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            io::copy(&mut file, &mut target)
                .with_context(|| format!("cannot write {}", path.display()))?;
            return Ok(());
        }
    }
    // A new file gets the usual permissions (a temporary file is made private); a replaced
    // one keeps its own.
    let permissions = match &existing {
        Some(meta) => Some(meta.permissions()),
        None => new_file_permissions(),
    };
    if let Some(permissions) = permissions {
        std::fs::set_permissions(temp.path(), permissions)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    temp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    if out.force {
        temp.persist(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
    } else {
        temp.persist_noclobber(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// Read and write for the owner, read for the others: what a file made with the common umask
/// 022 gets.
#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // `None` on the platforms without mode bits.
fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt as _;
    Some(std::fs::Permissions::from_mode(0o644))
}

/// Elsewhere the temporary file's own permissions stand (Windows has no mode bits).
#[cfg(not(unix))]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}
