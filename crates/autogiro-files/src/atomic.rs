//! Files put in place whole: written beside their target under a temporary name, synced, and
//! renamed over it only when complete. A crash, a full disk or an error half-way leaves the old
//! file (or none) where the new one was going, never half of one. The one such writer of the
//! project: the facade's `write_file`, the command's outputs, the simulator's state, the
//! transfer's downloads.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Removes `.NAME.PID.N.tmp` in `dir` where process PID is gone (Linux, where `/proc` tells;
/// elsewhere nothing is removed). A file that cannot be removed is left.
fn remove_leftovers(dir: &Path, name: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|n| n.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some((pid, n)) = rest.split_once('.') else {
            continue;
        };
        let ours = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !ours(pid) || !ours(n) || pid == std::process::id().to_string() {
            continue;
        }
        if !Path::new("/proc").join(pid).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A file being written beside its target, put in place by [`AtomicFile::commit`]; dropped
/// without it, the temporary file is removed.
///
/// ```
/// # fn main() -> std::io::Result<()> {
/// use std::io::Write as _;
///
/// let dir = std::env::temp_dir().join(format!("autogiro-atomic-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let target = dir.join("claims.txt");
/// let mut file = autogiro_files::AtomicFile::create(&target)?;
/// file.write_all(b"NY000010...")?;
/// assert!(!target.exists()); // nothing there until it is complete
/// file.commit(true)?;
/// assert_eq!(std::fs::read(&target)?, b"NY000010...");
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct AtomicFile {
    target: PathBuf,
    temp: PathBuf,
    file: File,
    committed: bool,
}

impl AtomicFile {
    /// Makes a new, empty temporary file beside `target` (`.NAME.PID.N.tmp` in its folder).
    /// The temporary files of `NAME` that processes no longer running left behind (killed
    /// before they committed or cleaned up) are removed first; nothing else is touched.
    ///
    /// # Errors
    ///
    /// The folder cannot be written.
    pub fn create(target: impl AsRef<Path>) -> io::Result<Self> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let target = target.as_ref().to_path_buf();
        let dir = folder_of(&target);
        let name = target
            .file_name()
            .map_or_else(|| "autogiro".into(), |n| n.to_string_lossy().into_owned());
        remove_leftovers(dir, &name);
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let temp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
            match File::options()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&temp)
            {
                Ok(file) => {
                    return Ok(Self {
                        target,
                        temp,
                        file,
                        committed: false,
                    });
                }
                // Left by a process of the same id long gone: take the next number.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// The temporary file's path, to read back what was written before it is committed.
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// The file it will become.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// A second handle on the temporary file (for a buffered writer of its own).
    ///
    /// # Errors
    ///
    /// The file cannot be opened again.
    pub fn reopen(&self) -> io::Result<File> {
        File::options().read(true).write(true).open(&self.temp)
    }

    /// Syncs the temporary file and renames it over the target, then syncs the folder so that
    /// the rename survives a crash. A target that exists is replaced only if `replace`, and
    /// keeps its permissions; a new one gets those the process gives new files.
    ///
    /// # Errors
    ///
    /// [`io::ErrorKind::AlreadyExists`] for a target that exists when `replace` is false; any
    /// error syncing or renaming (the temporary file is then removed).
    pub fn commit(mut self, replace: bool) -> io::Result<()> {
        self.file.flush()?;
        if let Ok(meta) = fs::metadata(&self.target) {
            if !replace {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("{} exists", self.target.display()),
                ));
            }
            fs::set_permissions(&self.temp, meta.permissions())?;
        }
        self.file.sync_all()?;
        if replace {
            fs::rename(&self.temp, &self.target)?;
        } else {
            // A link fails if the target appeared meanwhile: no file is replaced unasked.
            match fs::hard_link(&self.temp, &self.target) {
                Ok(()) => fs::remove_file(&self.temp)?,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
                // A file system without hard links (FAT, some network shares): the target was
                // absent when checked above, so a rename puts the file in place.
                Err(_) => fs::rename(&self.temp, &self.target)?,
            }
        }
        self.committed = true;
        sync_folder(folder_of(&self.target))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// The folder of `path` (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
}

/// Syncs a folder's entries, so that a file renamed into it survives a crash (a rename is
/// durable only then); a no-op where folders cannot be opened (Windows).
///
/// # Errors
///
/// The folder cannot be opened or synced.
pub fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("autogiro-atomic-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A killed run's temporary file (its process gone) is removed by the next file made for
    /// the same target; one of a running process, another target's, or another name is not.
    #[test]
    fn temporary_files_of_dead_runs_are_removed_and_nothing_else() {
        let dir = dir("leftovers");
        let target = dir.join("out.txt");
        // No process has this id (above Linux's pid_max).
        let dead = dir.join(".out.txt.4194305.0.tmp");
        let alive = dir.join(format!(".out.txt.{}.7.tmp", std::process::id()));
        let init = dir.join(".out.txt.1.0.tmp");
        let other = dir.join(".other.txt.4194305.0.tmp");
        let mine = dir.join(".out.txt.notes.tmp");
        for f in [&dead, &alive, &init, &other, &mine] {
            fs::write(f, b"x").unwrap();
        }
        let file = AtomicFile::create(&target).unwrap();
        drop(file);
        if Path::new("/proc/self").exists() {
            assert!(!dead.exists(), "a dead run's");
        }
        for kept in [&alive, &init, &other, &mine] {
            assert!(kept.exists(), "{}", kept.display());
        }
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn nothing_is_in_place_until_committed_and_a_dropped_file_leaves_nothing() {
        let dir = dir("drop");
        let target = dir.join("out.txt");
        fs::write(&target, b"old").unwrap();
        let mut file = AtomicFile::create(&target).unwrap();
        file.write_all(b"new").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"old");
        let temp = file.temp_path().to_path_buf();
        assert!(temp.exists());
        drop(file);
        assert!(!temp.exists());
        assert_eq!(fs::read(&target).unwrap(), b"old");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_existing_file_is_replaced_only_when_asked_and_keeps_its_mode() {
        let dir = dir("replace");
        let target = dir.join("out.txt");
        fs::write(&target, b"old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
        }
        let mut file = AtomicFile::create(&target).unwrap();
        file.write_all(b"new").unwrap();
        let e = file.commit(false).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&target).unwrap(), b"old");
        let mut file = AtomicFile::create(&target).unwrap();
        file.write_all(b"new").unwrap();
        file.commit(true).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = fs::metadata(&target).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }
}
