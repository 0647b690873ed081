//! The transfer journal: what was sent and fetched, one JSON object a line, each synced to disk
//! before the next step, so that a run again after a crash sends nothing twice and imports
//! nothing twice.

use std::fs::File;
use std::io::{BufReader, Read as _, Write as _};
use std::path::{Path, PathBuf};

use autogiro_files::Lock;
use autogiro_transfer::RemoteFile;
use serde::{Deserialize, Serialize};

use crate::Error;

/// One line of the transfer journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) enum Entry {
    /// A file is on the server under its final name (written right after the rename).
    Sent {
        /// The local file's name.
        file: String,
        /// Its SHA-256.
        sha256: String,
        /// Record 10's data sender.
        sender: u32,
        /// Record 10's transmission number.
        transmission: u32,
        /// Its remote path.
        remote: String,
        /// Its size.
        size: u64,
        /// When, in seconds since 1970.
        at: u64,
    },
    /// A file is staged on the server under its hidden name and about to be renamed to
    /// `name`: from here on it may have been sent (written before the rename is asked; a
    /// later run looks on the server before anything is uploaded again).
    Renaming {
        /// The local file's name.
        file: String,
        /// Its SHA-256.
        sha256: String,
        /// Record 10's data sender.
        sender: u32,
        /// Record 10's transmission number.
        transmission: u32,
        /// The remote folder.
        outbox: String,
        /// The name it is renamed to there.
        name: String,
        /// Its size.
        size: u64,
        /// When, in seconds since 1970.
        at: u64,
    },
    /// A file of the inbox is in the archive, complete and synced.
    Fetched {
        /// Its name in the inbox.
        remote: String,
        /// Its size and modification time there: what makes it the same file.
        size: u64,
        /// The server's modification time.
        modified: Option<u32>,
        /// Its SHA-256.
        sha256: String,
        /// Its name in the archive.
        archived: String,
        /// When.
        at: u64,
    },
    /// A fetched file was removed from the inbox.
    Removed {
        /// Its name in the inbox.
        remote: String,
        /// Its size there.
        size: u64,
        /// The server's modification time.
        modified: Option<u32>,
        /// When.
        at: u64,
    },
}

/// A rename into place asked for by a run that stopped before it knew the outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pending {
    pub(crate) outbox: String,
    pub(crate) name: String,
    pub(crate) size: u64,
}

impl Pending {
    /// The remote path it is renamed to.
    pub(crate) fn remote(&self) -> String {
        format!("{}/{}", self.outbox.trim_end_matches('/'), self.name)
    }
}

/// The journal of a payee's transfers, in a folder of the archive that no remote name reaches
/// (a hidden name is never fetched). Held under an exclusive lock (`transfer-journal.lock`)
/// for a whole `send` or `fetch`, so that two runs never work on the same files at once.
pub(crate) struct Journal {
    path: PathBuf,
    pub(crate) entries: Vec<Entry>,
    _lock: Lock,
}

/// Seconds since 1970, for the journal's `at`.
pub(crate) fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Journal {
    /// Opens the journal at `path` under its lock (`waiting` is told when another run holds
    /// it); one left at `legacy` by an earlier version (in the archive's own folder, where a
    /// remote file of its name could have replaced it) is moved to `path` first.
    pub(crate) fn open(
        path: &Path,
        legacy: &Path,
        waiting: impl FnOnce(&Path),
    ) -> Result<Self, Error> {
        // Only when the journal's folder is new: once it is there, a file of the legacy name
        // in the archive is one fetched from the inbox, never a journal.
        let fresh = path.parent().is_some_and(|folder| !folder.exists());
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(Error::io("io.make-folder", folder))?;
        }
        if fresh && legacy.exists() {
            std::fs::rename(legacy, path).map_err(Error::io("io.move", legacy))?;
            let _ = std::fs::remove_file(legacy.with_extension("lock"));
        }
        let lock_path = path.with_extension("lock");
        let lock = Lock::take(&lock_path, waiting).map_err(Error::io("io.lock", &lock_path))?;
        let entries = read_entries(path)?;
        Ok(Self {
            path: path.to_path_buf(),
            entries,
            _lock: lock,
        })
    }

    /// Appends `entry` and syncs it to disk.
    pub(crate) fn append(&mut self, entry: Entry) -> Result<(), Error> {
        let mut line = serde_json::to_string(&entry).map_err(|e| Error::Journal {
            path: self.path.clone(),
            line: self.entries.len() + 1,
            message: e.to_string(),
        })?;
        line.push('\n');
        File::options()
            .create(true)
            .append(true)
            .open(&self.path)
            .and_then(|mut file| {
                file.write_all(line.as_bytes())?;
                file.sync_all()
            })
            .map_err(Error::io("io.write", &self.path))?;
        self.entries.push(entry);
        Ok(())
    }

    /// A file sent with this content, or this sender and transmission number; or one of this
    /// sender and transmission number with other content that a run was sending when it
    /// stopped: its name and where it went.
    pub(crate) fn sent(&self, sha: &str, sender: u32, transmission: u32) -> Option<(&str, String)> {
        self.entries.iter().rev().find_map(|e| match e {
            Entry::Sent {
                file,
                sha256,
                sender: s,
                transmission: t,
                remote,
                ..
            } if sha256 == sha || (*s == sender && *t == transmission) => {
                Some((file.as_str(), remote.clone()))
            }
            Entry::Renaming {
                file,
                sha256,
                sender: s,
                transmission: t,
                outbox,
                name,
                ..
            } if sha256 != sha && *s == sender && *t == transmission => Some((
                file.as_str(),
                format!("{outbox}/{name}, its sending cut short"),
            )),
            _ => None,
        })
    }

    /// The rename into place of a file of this content that a run asked for (or was about to)
    /// when it stopped, with nothing known of its outcome: the last word on the content.
    pub(crate) fn renaming(&self, sha: &str) -> Option<Pending> {
        self.entries.iter().rev().find_map(|e| match e {
            Entry::Sent { sha256, .. } if sha256 == sha => Some(None),
            Entry::Renaming {
                sha256,
                outbox,
                name,
                size,
                ..
            } if sha256 == sha => Some(Some(Pending {
                outbox: outbox.clone(),
                name: name.clone(),
                size: *size,
            })),
            _ => None,
        })?
    }

    /// A file sent with this very content: its name and remote path.
    pub(crate) fn sent_same(&self, sha: &str) -> Option<(&str, &str)> {
        self.entries.iter().rev().find_map(|e| match e {
            Entry::Sent {
                file,
                sha256,
                remote,
                ..
            } if sha256 == sha => Some((file.as_str(), remote.as_str())),
            _ => None,
        })
    }

    /// Where a remote file of this name, size and time was archived, if it was and was not
    /// removed from the server since (a file that looks the same after a removal is a new
    /// one, and is fetched): its name in `archive` (a journal written before names were kept
    /// alone has the path as it was then, relative to the folder the command ran in: the name
    /// in it is looked up in `archive`).
    pub(crate) fn fetched(&self, f: &RemoteFile, archive: &Path) -> Option<PathBuf> {
        let same = |remote: &String, size: &u64, modified: &Option<u32>| {
            *remote == f.name && *size == f.size && *modified == f.modified
        };
        self.entries.iter().rev().find_map(|e| match e {
            Entry::Fetched {
                remote,
                size,
                modified,
                archived,
                ..
            } if same(remote, size, modified) => {
                Some(Path::new(archived).file_name().map(|n| archive.join(n)))
            }
            Entry::Removed {
                remote,
                size,
                modified,
                ..
            } if same(remote, size, modified) => Some(None),
            _ => None,
        })?
    }
}

/// The entries of the journal at `path` (none when there is no file). A last line cut short
/// by a crash while it was written (the step after it never ran) is cut off, under the lock,
/// so that the next entry starts a line of its own; any other damaged line is an error.
fn read_entries(path: &Path) -> Result<Vec<Entry>, Error> {
    let mut text = String::new();
    match File::open(path) {
        Ok(file) => {
            BufReader::new(file)
                .read_to_string(&mut text)
                .map_err(Error::io("io.read", path))?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("io.read", path)(e)),
    }
    let mut entries = Vec::new();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(line) {
            Ok(entry) => entries.push(entry),
            Err(_) if i + 1 == lines.len() && !line.ends_with('\n') => {
                let keep = (text.len() - line.len()) as u64;
                File::options()
                    .write(true)
                    .open(path)
                    .and_then(|f| f.set_len(keep).and_then(|()| f.sync_all()))
                    .map_err(Error::io("io.repair", path))?;
            }
            Err(e) => {
                return Err(Error::Journal {
                    path: path.to_path_buf(),
                    line: i + 1,
                    message: format!("not a journal entry: {e}"),
                });
            }
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufRead as _;

    fn lines(path: &Path) -> Vec<String> {
        File::open(path)
            .map(|f| BufReader::new(f).lines().map_while(Result::ok).collect())
            .unwrap_or_default()
    }

    fn sent(n: u32) -> Entry {
        Entry::Sent {
            file: format!("f{n}.txt"),
            sha256: format!("{n:064}"),
            sender: 12345,
            transmission: n,
            remote: format!("/inbound/r{n}"),
            size: 80,
            at: 0,
        }
    }

    fn open(path: &Path, legacy: &Path) -> Result<Journal, Error> {
        Journal::open(path, legacy, |_| {})
    }

    #[test]
    fn the_journal_keeps_what_was_synced_and_forgets_a_line_cut_short() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive/.autogiro/transfer-journal.jsonl");
        let legacy = dir.path().join("archive/transfer-journal.jsonl");
        {
            let mut j = open(&path, &legacy).unwrap();
            j.append(sent(1)).unwrap();
        }
        // A crash in the middle of the second line.
        let mut f = File::options().append(true).open(&path).unwrap();
        f.write_all(br#"{"event":"sent","file":"f2"#).unwrap();
        drop(f);
        let mut j = open(&path, &legacy).unwrap();
        assert_eq!(j.entries, vec![sent(1)]);
        assert!(j.sent(&format!("{:064}", 1), 0, 0).is_some());
        assert!(
            j.sent("other", 12345, 1).is_some(),
            "same transmission number"
        );
        assert!(j.sent("other", 12345, 2).is_none());
        j.append(sent(3)).unwrap();
        drop(j);
        let j = open(&path, &legacy).unwrap();
        assert_eq!(j.entries, vec![sent(1), sent(3)]);
        assert_eq!(lines(&path).len(), 2, "the cut line is gone");
        // A damaged line that is not the last is an error naming it.
        std::fs::write(&path, "garbage\n{}\n").unwrap();
        drop(j);
        let err = open(&path, &legacy).err().unwrap().to_string();
        assert!(err.contains("transfer-journal.jsonl:1:"), "{err}");
    }

    /// A journal where an earlier version kept it, in the archive's own folder, is moved out
    /// of the remote names' reach and read from there.
    #[test]
    fn a_journal_in_the_archive_folder_moves_to_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive/.autogiro/transfer-journal.jsonl");
        let legacy = dir.path().join("archive/transfer-journal.jsonl");
        {
            let mut j = open(&legacy, &dir.path().join("none")).unwrap();
            j.append(sent(1)).unwrap();
        }
        let j = open(&path, &legacy).unwrap();
        assert_eq!(j.entries, vec![sent(1)]);
        assert!(!legacy.exists() && path.exists());
        drop(j);
        // A file of that name fetched later is a file of the inbox, never the journal.
        std::fs::write(&legacy, "{\"event\":\"forged\"}\n").unwrap();
        let j = open(&path, &legacy).unwrap();
        assert_eq!(j.entries, vec![sent(1)]);
        assert!(legacy.exists());
    }

    /// A file fetched is known by its name, size and time until it is removed from the
    /// server: one that looks the same after that is a new file.
    #[test]
    fn a_file_removed_and_put_there_again_is_fetched_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = open(&dir.path().join(".autogiro/j.jsonl"), &dir.path().join("x")).unwrap();
        let f = RemoteFile {
            name: "answer.txt".to_owned(),
            size: 160,
            modified: Some(1_767_000_000),
        };
        assert_eq!(j.fetched(&f, dir.path()), None);
        j.append(Entry::Fetched {
            remote: f.name.clone(),
            size: f.size,
            modified: f.modified,
            sha256: "00".repeat(32),
            archived: "answer.txt".to_owned(),
            at: 0,
        })
        .unwrap();
        assert_eq!(
            j.fetched(&f, dir.path()),
            Some(dir.path().join("answer.txt"))
        );
        j.append(Entry::Removed {
            remote: f.name.clone(),
            size: f.size,
            modified: f.modified,
            at: 0,
        })
        .unwrap();
        assert_eq!(j.fetched(&f, dir.path()), None);
    }

    /// A second run waits for the first's lock, and is told so.
    #[test]
    fn a_second_run_waits_for_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".autogiro/transfer-journal.jsonl");
        let legacy = dir.path().join("transfer-journal.jsonl");
        let first = open(&path, &legacy).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let second = std::thread::spawn(move || {
            Journal::open(&path, &legacy, |lock| {
                tx.send(lock.to_path_buf()).unwrap();
            })
            .map(|_| ())
        });
        let told = rx.recv().unwrap();
        assert!(
            told.ends_with("transfer-journal.lock"),
            "{}",
            told.display()
        );
        drop(first);
        second.join().unwrap().unwrap();
    }
}
