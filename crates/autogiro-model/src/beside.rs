//! A pass on two threads ([`run_beside`]): one reads and parses, and does with each record what
//! the caller gives it to do there; the other does the rest, the records handed over in
//! batches; and the input they share ([`Input`]), so that whichever thread has time reads the
//! file from the system. `Transmission::read` checks beside the parsing and assembles the model
//! on the caller's thread (building it, a page of new memory at a time, is the larger half
//! there). `validate` runs on one thread: its checking was too little work to pay for the
//! hand-over (each record copied into a batch, then read from the other core's cache): on this
//! project's machine it took 0.11 s on two threads for a million claims against 0.075 s on
//! one, 0.96 s against 0.58 s for ten million (medians, alternated), where `inspect` of ten
//! million took 2.0 s on two and 2.7 s and more on one.
//!
//! Reading a file (the kernel copying it out of the page cache) was about a third of what the
//! parsing thread did, more than the other thread had left over. So the caller's thread,
//! whenever it waits for a batch, reads the next chunk of the input ahead instead, up to
//! [`AHEAD`] chunks, and the parsing thread takes those; when none is ready it reads one itself.
//! Both threads stay busy, whichever half of the work is the larger on the machine and file.
//! An input that holds its bytes in memory already lends more than a chunk at a time (a
//! slice): there is no system call to take off
//! the parsing thread, which reads it directly, and reading it ahead would only have copied it
//! (on a million realistic claims, `inspect` took 0.177 s where it took 0.235 s with the copy).

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};
use std::ops::ControlFlow;
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use autogiro_format::{Direction, Reader, Record};

/// A record (or error) as the reading thread of [`run_beside`] found it, with the
/// direction it was read in.
type Item = (Direction, Result<(u64, Record), autogiro_format::Error>);

/// The records of one hand-over between the threads of [`run_beside`]: enough that the
/// threads meet about a thousand times in a file of a million claims (each meeting may wake a
/// sleeping thread), few enough (213 KB of 104 bytes a record) that a batch is still in the
/// cache when the other thread takes it soon after. (8192 was no faster, alternated at
/// 9 999 999 claims, and took 2.5 MiB more.)
const BATCH: usize = 2048;

/// The records [`run_beside`] reads on the caller's thread before it starts a second one:
/// a file of fewer (about 340 KB) is read on one.
const ALONE: usize = 4096;

/// The batches the reading thread may have filled before the other thread takes them: with
/// one being filled and one being handled, 2.1 MB in all. With 2, either thread held up for a
/// moment (by the system, or by a stretch of records that cost it more) soon stopped the other,
/// and each stop was a sleep and a wake: a run of `validate` (then on two threads) on a million
/// realistic claims switched threads about 850 times and took 15 % more processor time than
/// with 8 (about 500); 16 was no faster, and took 2 MiB more.
const BATCHES: usize = 8;

/// The bytes of one chunk of [`Input::Shared`]: the read buffer of `autogiro`'s commands, so
/// that a `BufReader` of that size hands its reads to the file directly, without a copy.
const CHUNK: usize = 1 << 18;

/// The chunks read ahead that may wait for the parsing thread: 1 MiB.
const AHEAD: usize = 4;

/// The input of a [`crate::Pass`]: the caller's reader itself, then, once two threads share the work,
/// that reader behind a lock, read in chunks by either thread ([`Source`]).
#[derive(Debug)]
pub(crate) enum Input<R> {
    /// Read directly (a file read on one thread, and the start of every file).
    Direct(R),
    /// Bytes already in memory ([`crate::Transmission::read_slice`]): read by the parsing
    /// thread where they lie, never shared (there is no system call to take off it, and
    /// reading ahead would only copy them).
    Memory(R),
    /// Read in chunks, by the parsing thread or ahead of it by the caller's.
    Shared(Chunks<R>),
    /// Between the two, only while the one becomes the other.
    Moving,
}

/// The parsing thread's side of [`Input::Shared`]: the chunk it reads from.
#[derive(Debug)]
pub(crate) struct Chunks<R> {
    source: Arc<Mutex<Source<R>>>,
    chunk: Vec<u8>,
    /// The bytes of `chunk` read into it.
    filled: usize,
    /// The bytes of `chunk` consumed.
    pos: usize,
}

/// The caller's reader and the chunks read from it that the parsing thread has not yet taken,
/// in the order of the input. One lock for both, held through a read: a lock of its own for
/// the chunks, so that a ready one could be taken while the other thread read, and a read
/// ahead only when the reader was free, halved the waits for the lock but not the sleeps, and
/// was no faster (alternated over 41 rounds).
#[derive(Debug)]
struct Source<R> {
    inner: R,
    /// Chunks with the bytes read into each, or the error a read ended with, in input order.
    ready: VecDeque<io::Result<(Vec<u8>, usize)>>,
    /// Chunks the parsing thread is done with, to be read into again.
    free: Vec<Vec<u8>>,
    /// The inner reader has ended (or failed): nothing more to read.
    ended: bool,
}

impl<R: Read> Source<R> {
    /// The next chunk of the inner reader, in a free chunk if there is one: `None` at the end.
    fn read_chunk(&mut self) -> Option<io::Result<(Vec<u8>, usize)>> {
        if self.ended {
            return None;
        }
        let mut chunk = self.free.pop().unwrap_or_else(|| vec![0; CHUNK]);
        loop {
            match self.inner.read(&mut chunk) {
                Ok(0) => {
                    self.ended = true;
                    self.free.push(chunk);
                    return None;
                }
                Ok(n) => return Some(Ok((chunk, n))),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.ended = true;
                    return Some(Err(e));
                }
            }
        }
    }

    /// Reads one chunk ahead, unless [`AHEAD`] are waiting or the input has ended; whether it
    /// did.
    fn read_ahead(&mut self) -> bool {
        if self.ready.len() >= AHEAD {
            return false;
        }
        match self.read_chunk() {
            Some(chunk) => {
                self.ready.push_back(chunk);
                true
            }
            None => false,
        }
    }
}

/// The lock of `source`, also if a thread panicked holding it (a chunk is whole or not there).
fn lock<R>(source: &Mutex<Source<R>>) -> MutexGuard<'_, Source<R>> {
    source.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<R: BufRead> Read for Input<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf.get_mut(..n)
            .unwrap_or_default()
            .copy_from_slice(available.get(..n).unwrap_or_default());
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Input<R> {
    #[inline]
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            Self::Direct(inner) | Self::Memory(inner) => inner.fill_buf(),
            Self::Shared(chunks) => {
                if chunks.pos == chunks.filled {
                    chunks.next()?;
                }
                Ok(chunks
                    .chunk
                    .get(chunks.pos..chunks.filled)
                    .unwrap_or_default())
            }
            Self::Moving => Ok(&[]),
        }
    }

    #[inline]
    fn consume(&mut self, amount: usize) {
        match self {
            Self::Direct(inner) | Self::Memory(inner) => inner.consume(amount),
            Self::Shared(chunks) => chunks.pos = (chunks.pos + amount).min(chunks.filled),
            Self::Moving => {}
        }
    }
}

impl<R: Read> Chunks<R> {
    /// The next chunk in place of the one read to its end: one read ahead, or else one read
    /// now; the end leaves an empty chunk.
    #[cold]
    fn next(&mut self) -> io::Result<()> {
        let mut source = lock(&self.source);
        let done = std::mem::take(&mut self.chunk);
        if done.capacity() > 0 {
            source.free.push(done);
        }
        (self.filled, self.pos) = (0, 0);
        let next = match source.ready.pop_front() {
            Some(chunk) => Some(chunk),
            None => source.read_chunk(),
        };
        if let Some(next) = next {
            (self.chunk, self.filled) = next?;
        }
        Ok(())
    }
}

impl<R: BufRead> Input<R> {
    /// From here on, the input in chunks behind a lock: the source the other thread reads
    /// ahead from. What the caller's reader holds in its buffer comes first, as its `read` does.
    ///
    /// `None`, and the input left as it is, for bytes in memory ([`Input::Memory`]): the
    /// caller said so; nothing is guessed from how much a reader lends at a time.
    fn share(&mut self) -> Option<Arc<Mutex<Source<R>>>> {
        if !matches!(self, Self::Direct(_)) {
            return None;
        }
        let Self::Direct(inner) = std::mem::replace(self, Self::Moving) else {
            return None;
        };
        let source = Arc::new(Mutex::new(Source {
            inner,
            ready: VecDeque::with_capacity(AHEAD),
            free: Vec::new(),
            ended: false,
        }));
        *self = Self::Shared(Chunks {
            source: Arc::clone(&source),
            chunk: Vec::new(),
            filled: 0,
            pos: 0,
        });
        Some(source)
    }
}

/// A record (or its error) as each side of [`run_beside`] is given it.
pub(crate) type Found<'a> = Result<(u64, &'a Record), &'a autogiro_format::Error>;

/// One side of [`run_beside`]: what it does with each record (or error) read, in the direction
/// it was read in; it breaks to end the reading. A trait rather than a closure so that a side
/// can ask for its `take` to be inlined into the loops over records (the checker's does: a
/// call for every record was a measurable share of its thread).
pub(crate) trait Side {
    fn take(&mut self, direction: Direction, found: Found<'_>) -> ControlFlow<()>;
}

/// A closure as a side.
pub(crate) struct Each<F>(pub(crate) F);

impl<F: FnMut(Direction, Found<'_>) -> ControlFlow<()>> Side for Each<F> {
    #[inline]
    fn take(&mut self, direction: Direction, found: Found<'_>) -> ControlFlow<()> {
        (self.0)(direction, found)
    }
}

/// Both sides on one thread: the reading one, then the caller's; breaks if either does.
struct Both<'s, A, B>(&'s mut A, &'s mut B);

impl<A: Side, B: Side> Side for Both<'_, A, B> {
    fn take(&mut self, direction: Direction, found: Found<'_>) -> ControlFlow<()> {
        let first = self.0.take(direction, found);
        let second = self.1.take(direction, found);
        if first.is_break() || second.is_break() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }
}

/// The reading thread of [`run_beside`]: every record (or error) of `reader` given to
/// `reading` and put into batches of [`BATCH`], sent to `filled` as each fills, in a batch the
/// other thread gave back when there is one. Stops where `reading` breaks, and after an error
/// of the input.
fn read_batches<R: BufRead>(
    reader: &mut Reader<R>,
    reading: &mut impl Side,
    filled: &SyncSender<Vec<Item>>,
    returned: &Receiver<Vec<Item>>,
) {
    let mut batch = Vec::with_capacity(BATCH);
    reader.each(|ctx, item| {
        // A push for each case: a record is then copied into the batch once, not through a
        // `Result` made on the way.
        let flow = match item {
            Ok((line, record)) => {
                let flow = reading.take(ctx.direction, Ok((line, record)));
                batch.push((ctx.direction, Ok((line, *record))));
                flow
            }
            Err(e) => {
                let ends = !matches!(e, autogiro_format::Error::Record { .. });
                let flow = reading.take(ctx.direction, Err(e));
                batch.push((ctx.direction, Err(kept(e))));
                if ends { ControlFlow::Break(()) } else { flow }
            }
        };
        // The hand-over out of line: this closure is called for every record, inlined.
        if (batch.len() == BATCH && send(&mut batch, filled, returned).is_break())
            || flow.is_break()
        {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    if !batch.is_empty() {
        // As in `send`: only a thread that panicked is not there to take it.
        let _ = filled.send(batch);
    }
}

/// Sends a full `batch` to the other thread, taking a batch it gave back (or a new one) in its
/// place; breaks if that thread has gone (only if it panicked).
#[cold]
#[inline(never)]
fn send(
    batch: &mut Vec<Item>,
    filled: &SyncSender<Vec<Item>>,
    returned: &Receiver<Vec<Item>>,
) -> ControlFlow<()> {
    let next = returned
        .try_recv()
        .unwrap_or_else(|_| Vec::with_capacity(BATCH));
    if filled.send(std::mem::replace(batch, next)).is_err() {
        ControlFlow::Break(())
    } else {
        ControlFlow::Continue(())
    }
}

/// The next batch for the caller's thread: one waiting, or else, while the parsing thread
/// works on, a chunk of the input read ahead for it and a look again; it waits only when
/// [`AHEAD`] chunks are ready or the input has ended. `None` once the parsing thread is done.
fn next_batch<R: Read>(
    batches: &Receiver<Vec<Item>>,
    source: Option<&Mutex<Source<R>>>,
) -> Option<Vec<Item>> {
    let Some(source) = source else {
        return batches.recv().ok();
    };
    loop {
        match batches.try_recv() {
            Ok(batch) => return Some(batch),
            Err(TryRecvError::Disconnected) => return None,
            Err(TryRecvError::Empty) => {
                if !lock(source).read_ahead() {
                    return batches.recv().ok();
                }
            }
        }
    }
}

/// Reads every record of `reader` and gives each (or its error) to `reading` and then to
/// `caller`, in file order, as one loop calling both would; past the first [`ALONE`] records on
/// two threads: `reading` on a second one that reads and parses, `caller` on this one, the
/// records handed over in batches of [`BATCH`], and the input read ahead by this thread while
/// it waits, unless it is in memory already ([`Input::share`]). The file takes about half of
/// the work instead of all of it; each side sees the same records in the same order, so every
/// diagnostic and every record assembled is the same. Where no thread can be started (WebAssembly in a browser), both sides run on this
/// one. Either side breaks to end the reading (the other still gets the record it broke on);
/// the reader is then at its end: it does not go on after a pause.
pub(crate) fn run_beside<R: BufRead + Send>(
    reader: &mut Reader<Input<R>>,
    mut reading: impl Side + Send,
    mut caller: impl Side,
) {
    // The first records on this thread alone: a small file is done before a thread would
    // have started (`inspect` of a few claims, a fuzzer's input).
    let mut read = 0;
    let mut ended = false;
    let mut both = Both(&mut reading, &mut caller);
    reader.each(|ctx, item| {
        if both.take(ctx.direction, item).is_break() {
            ended = true;
            return ControlFlow::Break(());
        }
        read += 1;
        if read == ALONE {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    if ended || read < ALONE {
        return;
    }
    // Shared, or (`None`) read by the parsing thread alone.
    let source = reader.get_mut().share();
    let started = std::thread::scope(|scope| {
        let (filled, batches) = std::sync::mpsc::sync_channel::<Vec<Item>>(BATCHES);
        let (give_back, returned) = std::sync::mpsc::channel::<Vec<Item>>();
        let (reader, reading) = (&mut *reader, &mut reading);
        let spawned = std::thread::Builder::new()
            .name("autogiro-read".to_owned())
            .spawn_scoped(scope, move || {
                read_batches(reader, reading, &filled, &returned);
            });
        if spawned.is_err() {
            return false;
        }
        'batches: while let Some(mut batch) = next_batch(&batches, source.as_deref()) {
            // By reference, cleared after: moving each item out of the batch was a copy.
            for (direction, item) in &batch {
                let item = item.as_ref().map(|(line, record)| (*line, record));
                if caller.take(*direction, item).is_break() {
                    break 'batches;
                }
            }
            batch.clear();
            // Back to the reading thread, to be filled again instead of a new allocation.
            let _ = give_back.send(batch);
        }
        true
    });
    if !started {
        // The shared input read on this thread alone: the parsing side reads its chunks.
        alone(reader, Both(&mut reading, &mut caller));
    }
}

/// The reading thread's copy of an error [`Reader::each`] lends, to hand over: a record error
/// as it is; an I/O error (which cannot be cloned) by its kind and message, all that the other
/// side makes of it (a diagnostic).
fn kept(e: &autogiro_format::Error) -> autogiro_format::Error {
    use autogiro_format::Error;
    match e {
        Error::Record { line, error } => Error::Record {
            line: *line,
            error: error.clone(),
        },
        Error::Io { line, source } => Error::Io {
            line: *line,
            source: io::Error::new(source.kind(), source.to_string()),
        },
        other => Error::Io {
            line: other.line(),
            source: io::Error::other(other.to_string()),
        },
    }
}

/// The rest of `reader`, every record given to `each`, on this thread.
fn alone<R: BufRead>(reader: &mut Reader<R>, mut each: impl Side) {
    reader.each(|ctx, item| each.take(ctx.direction, item));
}

#[cfg(test)]
mod tests {
    use super::*;
    use autogiro_testkit::{FAILURE, Trickle};

    /// Reads `input` to its end through `Input::Shared`, reading ahead on `ahead` steps the
    /// way the caller's thread does; the bytes taken, and the error met, if any.
    fn drain(input: impl BufRead, ahead: impl Fn(usize) -> bool) -> (Vec<u8>, Option<String>) {
        let mut input = Input::Direct(input);
        // A little read directly first, as the first records are.
        let mut out = input.fill_buf().unwrap()[..10].to_vec();
        input.consume(10);
        let source = input.share().unwrap();
        for step in 0.. {
            if ahead(step) {
                lock(&source).read_ahead();
            }
            match input.fill_buf() {
                Ok([]) => break,
                Ok(bytes) => {
                    let n = bytes.len().min(1 + step % 7000);
                    out.extend_from_slice(&bytes[..n]);
                    input.consume(n);
                }
                Err(e) => return (out, Some(e.to_string())),
            }
        }
        (out, None)
    }

    /// Whoever reads each chunk, the parsing side gets every byte once, in order: chunks read
    /// ahead (up to `AHEAD`), read by itself, and what the caller's buffer held first.
    #[test]
    fn the_bytes_come_in_order_whoever_reads_them() {
        let data: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
        for most in [1000, CHUNK, usize::MAX] {
            for ahead in [|_| false, |s| s % 3 == 0, |_| true] as [fn(usize) -> bool; 3] {
                let input =
                    io::BufReader::with_capacity(4096, Trickle::new(&data, most, usize::MAX));
                assert!(
                    drain(input, ahead) == (data.clone(), None),
                    "reads of {most}"
                );
            }
        }
    }

    /// Reads ahead on another thread, as often as it can, while this one takes the bytes (and
    /// reads itself whenever none is ready): every byte once, in order, whichever thread read
    /// its chunk, in reads of any size.
    #[test]
    fn the_bytes_come_in_order_when_both_threads_read() {
        let data: Vec<u8> = (0..4_000_000u32).map(|i| (i % 251) as u8).collect();
        for most in [1000, 77_777, usize::MAX] {
            let mut input = Input::Direct(io::BufReader::with_capacity(
                4096,
                Trickle::new(&data, most, usize::MAX),
            ));
            let source = input.share().unwrap();
            let done = std::sync::atomic::AtomicBool::new(false);
            let out = std::thread::scope(|scope| {
                scope.spawn(|| {
                    while !done.load(std::sync::atomic::Ordering::Relaxed) {
                        lock(&source).read_ahead();
                    }
                });
                let mut out = Vec::new();
                input.read_to_end(&mut out).unwrap();
                done.store(true, std::sync::atomic::Ordering::Relaxed);
                out
            });
            assert!(out == data, "reads of {most}");
        }
    }

    /// Bytes the caller said are in memory are never read ahead; a reader always is,
    /// whatever it lends at a time (nothing is guessed from a buffer's size).
    #[test]
    fn only_a_reader_is_read_ahead_never_bytes_in_memory() {
        let data = vec![b'7'; 3 * CHUNK];
        let mut slice = Input::Memory(&data[..]);
        assert!(slice.share().is_none());
        assert!(matches!(slice, Input::Memory(_)));
        let mut rest = Vec::new();
        slice.read_to_end(&mut rest).unwrap();
        assert!(rest == data);
        for capacity in [CHUNK, 2 * CHUNK] {
            let mut reader = Input::Direct(io::BufReader::with_capacity(capacity, &data[..]));
            assert!(reader.share().is_some(), "{capacity}");
        }
    }

    /// A read that fails, ahead or not, fails the parsing side after every byte before it.
    #[test]
    fn a_failed_read_comes_after_the_bytes_before_it() {
        let data = vec![b'7'; 2_000_000];
        for ahead in [|_| false, |_| true] as [fn(usize) -> bool; 2] {
            let input = Trickle::new(&data, 5000, 1_234_567);
            let (bytes, error) = drain(io::BufReader::with_capacity(4096, input), ahead);
            assert_eq!(bytes.len(), 1_234_567);
            assert_eq!(error.as_deref(), Some(FAILURE));
        }
    }
}
