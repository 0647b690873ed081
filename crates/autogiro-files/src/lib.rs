//! Files as the autogiro-rs crates keep them, in one place: [`AtomicFile`] (put in place whole:
//! written beside its target, synced, renamed, the folder synced; the temporary files of killed
//! runs removed), [`sync_folder`], [`Lock`] (an exclusive lock file held for a whole run), and
//! [`sha256_hex`] / [`sha256_hex_of`] / [`Hashing`] (how the book, the transfer journal and the simulator
//! know a file).
//!
//! ```
//! use std::io::Write as _;
//!
//! let dir = tempfile::tempdir()?;
//! let _lock = autogiro_files::Lock::take(&dir.path().join("state.lock"), |_| {})?;
//! let mut file = autogiro_files::AtomicFile::create(dir.path().join("state.json"))?;
//! file.write_all(b"{}")?;
//! file.commit(false)?;
//! assert_eq!(
//!     autogiro_files::sha256_hex(b"{}"),
//!     "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
//! );
//! # Ok::<(), std::io::Error>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

mod atomic;

pub use atomic::{AtomicFile, sync_folder};

/// An exclusive lock on a file, held until dropped: two runs that take the same lock take
/// turns. The lock file itself stays (empty); only the lock goes with the process, also when
/// it is killed.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    _file: File,
}

impl Lock {
    /// Takes the lock at `path` (the file is made if missing), waiting for another holder;
    /// `waiting` is told first when it has to wait.
    ///
    /// # Errors
    ///
    /// The file cannot be opened or locked.
    pub fn take(path: &Path, waiting: impl FnOnce(&Path)) -> io::Result<Self> {
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)?;
        if file.try_lock().is_err() {
            waiting(path);
            file.lock()?;
        }
        Ok(Self {
            path: path.to_path_buf(),
            _file: file,
        })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The SHA-256 of what `content` reads, in lower-case hex, read in chunks (a file of any
/// size in little memory).
///
/// # Errors
///
/// When `content` cannot be read.
pub fn sha256_hex_of(mut content: impl Read) -> io::Result<String> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 1 << 16];
    loop {
        let n = match content.read(&mut buffer) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            break;
        }
        hasher.update(buffer.get(..n).unwrap_or_default());
    }
    Ok(hex(&hasher.finalize()))
}

/// A reader that hashes what is read through it: the SHA-256 of a file read once for another
/// purpose, with no second pass.
///
/// ```
/// use std::io::Read as _;
///
/// let mut reader = autogiro_files::Hashing::new(&b"{}"[..]);
/// let mut text = String::new();
/// reader.read_to_string(&mut text)?;
/// assert_eq!(reader.sha256_hex(), autogiro_files::sha256_hex(b"{}"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Hashing<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: BufRead> Hashing<R> {
    /// Reads `inner`, hashing what is consumed.
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
        }
    }

    /// The SHA-256 of what was read, in lower-case hex.
    pub fn sha256_hex(self) -> String {
        hex(&self.hasher.finalize())
    }
}

impl<R: BufRead> Read for Hashing<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.fill_buf()?.read(out)?;
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Hashing<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if let Ok(buffer) = self.inner.fill_buf() {
            self.hasher.update(buffer.get(..amount).unwrap_or(buffer));
        }
        self.inner.consume(amount);
    }
}

fn hex(digest: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(2 * digest.len());
    for &b in digest {
        for nibble in [b >> 4, b & 0x0f] {
            hex.push(char::from(
                DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_read_through_hashing_is_hashed_whole() {
        let bytes: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        let mut reader = Hashing::new(io::BufReader::with_capacity(7, &bytes[..]));
        let mut lines = 0;
        let mut line = Vec::new();
        while reader.read_until(7, &mut line).unwrap() > 0 {
            lines += 1;
            line.clear();
        }
        assert!(lines > 300);
        assert_eq!(reader.sha256_hex(), sha256_hex(&bytes));
    }

    #[test]
    fn the_hash_of_bytes_and_of_a_reader_agree() {
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        assert_eq!(
            sha256_hex(&bytes),
            sha256_hex_of(&bytes[..]).unwrap(),
            "across the 64 KiB chunks"
        );
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn a_second_taker_waits_and_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        let first = Lock::take(&path, |_| panic!("nobody holds it")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let second = std::thread::spawn(move || {
            Lock::take(&path, |p| tx.send(p.to_path_buf()).unwrap()).map(|_| ())
        });
        assert!(rx.recv().unwrap().ends_with("x.lock"));
        drop(first);
        second.join().unwrap().unwrap();
    }
}

/// The README's example, run as a doc test so that it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
