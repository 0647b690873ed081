//! A reader that hands out its bytes in small reads and may fail part-way, for the tests of
//! what reads a file in parts (the two threads of `Transmission::read`, their shared chunks).

use std::io::{self, Read};

/// The message of the error a [`Trickle`] fails with.
pub const FAILURE: &str = "the disk went away";

/// A reader of `data` in reads of at most `most` bytes that fails (with [`FAILURE`]) once
/// `fail_at` bytes are read: a disk that goes away.
#[derive(Debug)]
pub struct Trickle<'a> {
    data: &'a [u8],
    most: usize,
    fail_at: usize,
}

impl<'a> Trickle<'a> {
    /// Reads of at most `most` bytes of `data`, failing after `fail_at` (`usize::MAX`: never).
    pub fn new(data: &'a [u8], most: usize, fail_at: usize) -> Self {
        Self {
            data,
            most,
            fail_at,
        }
    }
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.fail_at == 0 {
            return Err(io::Error::other(FAILURE));
        }
        let n = buf
            .len()
            .min(self.most)
            .min(self.data.len())
            .min(self.fail_at);
        let (head, rest) = self.data.split_at(n);
        buf.get_mut(..n)
            .ok_or_else(|| io::Error::other("a read past the buffer"))?
            .copy_from_slice(head);
        self.data = rest;
        self.fail_at -= n;
        Ok(n)
    }
}
