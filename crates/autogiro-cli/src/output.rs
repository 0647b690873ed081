//! Writing outputs: standard output, or a file put in place whole through the facade's
//! [`AtomicFile`] (beside its target under a temporary name, synced, renamed), so that a crash
//! or a full disk never leaves a half-written payment file where the old one stood. An existing
//! file is replaced only when asked.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

use autogiro::model::Said;

use crate::told::{Tell as _, told};
use autogiro::AtomicFile;
use tempfile::NamedTempFile;

use crate::OutArgs;

/// Writes `bytes` to the output `out` names.
pub(crate) fn write(out: &OutArgs, bytes: &[u8]) -> anyhow::Result<()> {
    match &out.output {
        None => {
            let mut stdout = io::stdout().lock();
            stdout
                .write_all(bytes)
                .tell(|| Said::new("cli.cannot-write-stdout"))?;
            stdout.flush().tell(|| Said::new("cli.cannot-write-stdout"))
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
    let temp = temporary(&out)?;
    temp.reopen()
        .and_then(|mut f| f.write_all(bytes))
        .tell(|| Said::new("cli.cannot-write").with("path", path.display()))?;
    persist(temp, &out)
}

/// An output being written: beside its file, or in the system's temporary folder for
/// standard output (copied there once complete).
pub(crate) enum Temporary {
    /// Beside the output file, to be renamed over it.
    Beside(AtomicFile),
    /// For standard output, or for a device or pipe that is written into.
    Elsewhere(NamedTempFile),
}

impl Temporary {
    /// Where it is being written.
    pub(crate) fn path(&self) -> &Path {
        match self {
            Self::Beside(f) => f.temp_path(),
            Self::Elsewhere(f) => f.path(),
        }
    }

    /// A handle to write it, or read back what was written.
    pub(crate) fn reopen(&self) -> io::Result<File> {
        match self {
            Self::Beside(f) => f.reopen(),
            Self::Elsewhere(f) => f.reopen(),
        }
    }
}

/// A temporary file for the output `out` names: beside it, so that it can be renamed into
/// place; in the system's temporary folder for standard output or an output that is not a
/// regular file (a device such as `/dev/null`, a pipe), which is written into, never replaced.
/// Refuses a directory, and an existing output unless `--force`, before anything is made.
pub(crate) fn temporary(out: &OutArgs) -> anyhow::Result<Temporary> {
    let elsewhere = || {
        NamedTempFile::new()
            .map(Temporary::Elsewhere)
            .tell(|| Said::new("cli.cannot-make-temporary"))
    };
    let Some(path) = &out.output else {
        return elsewhere();
    };
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_dir() {
            return Err(told(
                Said::new("cli.is-directory").with("path", path.display()),
            ));
        }
        if !out.force {
            return Err(told(Said::new("cli.exists").with("path", path.display())));
        }
        if !meta.is_file() {
            return elsewhere();
        }
    }
    AtomicFile::create(path)
        .map(Temporary::Beside)
        .tell(|| Said::new("cli.cannot-write-beside").with("path", path.display()))
}

/// Puts a complete temporary file where `out` says: renamed over the output file (replacing
/// one only with `--force`, keeping its permissions), copied into a device or pipe, or to
/// standard output.
pub(crate) fn persist(temp: Temporary, out: &OutArgs) -> anyhow::Result<()> {
    match (temp, &out.output) {
        (Temporary::Beside(file), Some(path)) => file
            .commit(out.force)
            .tell(|| Said::new("cli.cannot-write").with("path", path.display())),
        (Temporary::Elsewhere(temp), Some(path)) => {
            let mut file = temp
                .reopen()
                .tell(|| Said::new("cli.cannot-read-temporary"))?;
            let mut target = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .tell(|| Said::new("cli.cannot-write").with("path", path.display()))?;
            io::copy(&mut file, &mut target)
                .tell(|| Said::new("cli.cannot-write").with("path", path.display()))?;
            Ok(())
        }
        (temp, None) => {
            let mut file = temp
                .reopen()
                .tell(|| Said::new("cli.cannot-read-temporary"))?;
            let mut stdout = io::stdout().lock();
            io::copy(&mut file, &mut stdout).tell(|| Said::new("cli.cannot-write-stdout"))?;
            stdout.flush().tell(|| Said::new("cli.cannot-write-stdout"))
        }
    }
}
