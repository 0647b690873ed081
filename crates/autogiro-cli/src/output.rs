//! Writing outputs: standard output, or a file written beside its target under a temporary name
//! and renamed into place, so that a crash or a full disk never leaves a half-written payment
//! file where the old one stood. An existing file is replaced only when asked.

use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context as _, bail};

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
    if !force && path.exists() {
        bail!("{} exists; use --force to overwrite it", path.display());
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".autogiro-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    if force {
        temp.persist(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
    } else {
        temp.persist_noclobber(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
