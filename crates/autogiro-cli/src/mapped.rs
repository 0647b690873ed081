//! Reading a large file through a memory map instead of `read(2)`: the record reader then
//! parses the page cache's own pages, and the kernel no longer copies every byte of the file
//! into a buffer first (that copy was two fifths of `autogiro validate`'s time on a large
//! file: the README's performance section). The only `unsafe` code of the workspace is here.
//!
//! # Why it is sound
//!
//! Rust requires that the bytes behind a `&[u8]` do not change while the slice is lent, and
//! the pages of a mapped file change whenever another program writes to the file; reading a
//! page past its end, after it has been cut short, raises `SIGBUS`. So the mapping is used only
//! while nothing can write to the file, and the one case that cannot be ruled out is detected:
//!
//! 1. Before it maps the file, [`Mapped::open`] takes a read lease (`fcntl(F_SETLEASE,
//!    F_RDLCK)`), which the kernel grants only when no one has the file open for writing (a
//!    writable mapping holds it open). While the lease is held, another program's `open` for
//!    writing, or its `truncate`, waits: the kernel breaks the lease, and lets the writer go on
//!    when the holder gives the lease up, or once `/proc/sys/fs/lease-break-time` seconds (45
//!    by default) have passed since the break began. Where no lease can be had (a file of
//!    another user, a file system without leases, a file open for writing), the file is read
//!    with `read(2)` as before.
//! 2. The file is lent one window ([`WINDOW`]) at a time. Before lending the next, the reader
//!    asks whether a break is pending (`F_GETLEASE`). If one is, it unmaps the file, gives the
//!    lease up and reads the rest with `read(2)` from where it stood: the writer waits no longer
//!    than one window takes to check (well under a millisecond), and all that was read through
//!    the map was read before it could write.
//! 3. A writer gets past the lease without that only when a break has gone unanswered for the
//!    whole break time: this process stood still inside one window for that long (stopped by a
//!    signal, say). Only then can bytes change under a lent slice, and then nothing is built on
//!    them: the reader notes the time of each check, and finding the lease gone more than half
//!    the break time after the last check, it ends the reading with an error instead of
//!    handing on another byte. Should the file also have been cut short, the pages past its new
//!    end are replaced by zeros (in a `SIGBUS` handler that takes only faults inside a mapping
//!    of this module and leaves every other to the handler there was before), so the reading
//!    does not die there, and ends in the same error at the next check.
//!
//! The lease is given to this process's file description alone, and its break is told by a
//! signal: `SIGURG`, whose default is to be ignored (the default `SIGIO` would end the
//! process); the reader looks with `F_GETLEASE` instead.
//!
//! # The pages mapped ahead
//!
//! The kernel maps the pages of a file into the process only when they are first touched, a
//! fault for every sixteen pages, and on a large file that work was about a tenth of
//! `autogiro validate`'s time. A second thread ([`Ahead`]) has them mapped a little ahead of
//! the reader (`madvise(MADV_POPULATE_READ)`, which maps the page cache's pages and reads
//! nothing), so that the reader finds them there, and gives back the pages the reader is done
//! with (`MADV_DONTNEED`), which on the reader's thread had become dearer once there were two
//! threads to tell. It only asks the kernel for mappings of the map's own range, never reads
//! a byte of it, and is stopped and joined before the map is unmapped; where it has ended or
//! fallen behind, the reader gives its pages back itself.

#![allow(unsafe_code)]

use std::ffi::c_void;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::os::fd::AsRawFd;
use std::ptr::{self, NonNull};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The bytes lent at a time: small, so that a waiting writer waits little and the pages read
/// are given back soon (peak memory stays low whatever the file's size); large enough that
/// the checks between windows cost nothing measurable (1 MiB and 4 MiB took the same time).
pub(crate) const WINDOW: usize = 1 << 20;

/// The read buffer after the map is given up.
const BUFFER: usize = crate::input::BUFFER;

/// How far [`Ahead`] maps the file past the end of the window lent: two windows more. The
/// pages mapped count in the process's memory until the reader gives them back, so peak
/// memory stays that of a few windows.
const AHEAD: usize = 2 * WINDOW;

/// How far the thread ahead may fall behind in giving back the pages the reader is done with
/// before the reader gives them back itself: peak memory stays bounded when the system holds
/// that thread up.
const LAG: usize = 2 * WINDOW;

/// The bytes [`Ahead`] asks the kernel to map at a time: small enough that stopping it, when
/// the map is dropped, waits for little.
const STRIDE: usize = 1 << 16;

/// `F_SETSIG` of Linux's `<fcntl.h>` (the `libc` crate has it for few targets).
const F_SETSIG: libc::c_int = 10;

/// The mappings a `SIGBUS` may come from, for the handler: at most this many at once (a
/// mapping more reads with `read(2)`).
const SLOTS: usize = 16;

/// Where one mapping lies (`start == 0`: free), and whether the handler has had to put zeros
/// in place of pages the file no longer has.
struct Slot {
    start: AtomicUsize,
    end: AtomicUsize,
    cut: AtomicBool,
}

static MAPPINGS: [Slot; SLOTS] = [const {
    Slot {
        start: AtomicUsize::new(0),
        end: AtomicUsize::new(0),
        cut: AtomicBool::new(false),
    }
}; SLOTS];

/// The page size, for the handler.
static PAGE: AtomicUsize = AtomicUsize::new(0);

/// The `SIGBUS` action there was before this module's, for the faults that are not its own.
static PREVIOUS: OnceLock<libc::sigaction> = OnceLock::new();

/// A file read through a map while a read lease is held, then, if another program wants to
/// write to it, through `read(2)` ([the module](self) says why that is sound).
pub(crate) struct Mapped {
    state: State,
    /// The bytes consumed, for a progress bar.
    consumed: u64,
}

enum State {
    Mapped(Map),
    Read(BufReader<File>),
    /// The file changed while it was mapped; every read after says so.
    Changed,
}

/// The map and the lease.
struct Map {
    file: File,
    ptr: NonNull<u8>,
    len: usize,
    slot: &'static Slot,
    /// The bytes consumed.
    pos: usize,
    /// The end of the window lent (`pos..lent_end` is what `fill_buf` returns).
    lent_end: usize,
    /// The pages before this have been given back (`MADV_DONTNEED`), or handed to the thread
    /// ahead to give back.
    given_back: usize,
    /// The pages before this the reader has given back itself (while there is no thread ahead
    /// to do it).
    given_back_here: usize,
    page: usize,
    /// When the lease was last seen held with no break pending.
    checked: Instant,
    /// Half the kernel's lease break time: a writer cannot have got past the lease sooner
    /// than this after the last check.
    safe_for: Duration,
    /// The thread that maps the pages ahead of the reader, if one could start.
    ahead: Option<Ahead>,
}

// SAFETY: the mapping belongs to the `Map` alone and is only read; moving it to another thread
// moves that reading with it.
unsafe impl Send for Map {}

/// What the check between two windows found.
enum Next {
    /// The lease is held: the next window is lent.
    Lent,
    /// A writer waits: give the map up and read on with `read(2)`.
    GiveUp,
    /// The file may have changed under the map.
    Changed,
}

impl Mapped {
    /// Maps `file` under a read lease, or gives it back when that cannot be done (then it is to
    /// be read with `read(2)`: nothing about the file is wrong).
    pub(crate) fn open(file: File) -> Result<Self, File> {
        Map::open(file).map(|map| Self {
            state: State::Mapped(map),
            consumed: 0,
        })
    }

    /// The bytes consumed so far.
    pub(crate) fn position(&self) -> u64 {
        self.consumed
    }

    /// Whether the file is still read through the map.
    #[cfg(test)]
    fn is_mapped(&self) -> bool {
        matches!(self.state, State::Mapped(_))
    }

    /// Gives the map and the lease up and reads on with `read(2)` from where the map stood.
    fn give_up(&mut self) -> io::Result<()> {
        let State::Mapped(map) = &self.state else {
            return Ok(());
        };
        let pos = map.pos as u64;
        // A second descriptor of the same open file; the lease goes with the map's own.
        let mut file = map.file.try_clone()?;
        self.state = State::Changed;
        file.seek(SeekFrom::Start(pos))?;
        self.state = State::Read(BufReader::with_capacity(BUFFER, file));
        Ok(())
    }
}

fn changed() -> io::Error {
    io::Error::other(
        "another program may have changed the file while it was being read (this process had \
         stood still for longer than the kernel holds a writer back), so what follows may not \
         be the file: read it again",
    )
}

impl BufRead for Mapped {
    #[inline]
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if let State::Mapped(map) = &mut self.state
            && map.pos == map.lent_end
        {
            match map.next_window() {
                Next::Lent => {}
                Next::GiveUp => self.give_up()?,
                Next::Changed => {
                    self.state = State::Changed;
                }
            }
        }
        match &mut self.state {
            State::Mapped(map) => Ok(map.lent()),
            State::Read(reader) => reader.fill_buf(),
            State::Changed => Err(changed()),
        }
    }

    #[inline]
    fn consume(&mut self, amount: usize) {
        let taken = match &mut self.state {
            State::Mapped(map) => {
                let before = map.pos;
                map.pos = map.pos.saturating_add(amount).min(map.lent_end);
                map.pos - before
            }
            State::Read(reader) => {
                reader.consume(amount);
                amount
            }
            State::Changed => 0,
        };
        self.consumed += taken as u64;
    }
}

impl Read for Mapped {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let lent = self.fill_buf()?;
        let n = lent.len().min(buf.len());
        if let (Some(to), Some(from)) = (buf.get_mut(..n), lent.get(..n)) {
            to.copy_from_slice(from);
        }
        self.consume(n);
        Ok(n)
    }
}

impl Map {
    /// Takes the lease, maps the file and records the mapping for the `SIGBUS` handler; gives
    /// the file back if any of that cannot be done.
    fn open(file: File) -> Result<Self, File> {
        let Some(break_time) = lease(&file) else {
            return Err(file);
        };
        let Some((ptr, len, slot, page)) = map_leased(&file) else {
            release_lease(file.as_raw_fd());
            return Err(file);
        };
        Ok(Self {
            file,
            ptr,
            len,
            slot,
            pos: 0,
            lent_end: 0,
            given_back: 0,
            given_back_here: 0,
            page,
            checked: Instant::now(),
            safe_for: break_time / 2,
            ahead: Ahead::start(ptr, len),
        })
    }

    /// The check between two windows, then the next window.
    fn next_window(&mut self) -> Next {
        let now = Instant::now();
        // SAFETY: fcntl on the map's own descriptor.
        let held = unsafe { libc::fcntl(self.file.as_raw_fd(), libc::F_GETLEASE) } == libc::F_RDLCK;
        let stood_still = now.duration_since(self.checked) >= self.safe_for;
        if self.slot.cut.load(Ordering::Acquire) || (!held && stood_still) {
            return Next::Changed;
        }
        if !held {
            return Next::GiveUp;
        }
        self.checked = now;
        let done = self.pos / self.page * self.page;
        if done > self.given_back {
            self.given_back = done;
            // Given back by the thread ahead, unless it has ended or fallen behind by more
            // than [`LAG`]; then from where it stands, here.
            let from = match &self.ahead {
                Some(ahead) => ahead.give_back(done),
                None => Some(0),
            };
            if let Some(from) = from {
                let from = from.max(self.given_back_here);
                if done > from {
                    // SAFETY: the pages given back lie inside the mapping (`from` a page
                    // boundary the reader or the thread reached) and are read no more (the
                    // slice that lent them has been consumed); they are read again from the
                    // page cache if touched.
                    unsafe {
                        libc::madvise(
                            self.ptr.as_ptr().add(from).cast::<c_void>(),
                            done - from,
                            libc::MADV_DONTNEED,
                        );
                    }
                }
                self.given_back_here = done;
            }
        }
        self.lent_end = self.len.min(self.pos.saturating_add(WINDOW));
        if let Some(ahead) = &self.ahead {
            ahead.follow(self.lent_end);
        }
        Next::Lent
    }

    /// The window lent: the bytes from `pos` to `lent_end`.
    fn lent(&self) -> &[u8] {
        // SAFETY: `pos <= lent_end <= len`, inside the mapping, which lives as long as `self`;
        // the bytes do not change while the lease is held, which the check before this window
        // found (the module's doc).
        unsafe {
            std::slice::from_raw_parts(self.ptr.as_ptr().add(self.pos), self.lent_end - self.pos)
        }
    }
}

impl Drop for Map {
    fn drop(&mut self) {
        // Before the unmapping: the thread asks for mappings of this range only while it is
        // mapped.
        if let Some(ahead) = self.ahead.take() {
            ahead.stop();
        }
        let start = self.ptr.as_ptr();
        // SAFETY: the mapping made in `map_leased`, of this length; no slice of it is lent
        // (they borrow the map).
        unsafe {
            libc::munmap(start.cast::<c_void>(), self.len);
        }
        self.slot.end.store(0, Ordering::Release);
        self.slot.start.store(0, Ordering::Release);
        release_lease(self.file.as_raw_fd());
    }
}

/// The thread that has the kernel map the file's pages ahead of the reader ([the
/// module](self#the-pages-mapped-ahead)).
struct Ahead {
    progress: Arc<Progress>,
    thread: JoinHandle<()>,
}

/// What the reader tells [`Ahead`]'s thread.
struct Progress {
    /// The end of the window lent.
    lent_end: AtomicUsize,
    /// The reader is done with the pages before this: the thread gives them back.
    given_back: AtomicUsize,
    /// The thread still runs (and gives back what the reader is done with).
    alive: AtomicBool,
    /// The pages before this the thread has given back.
    returned: AtomicUsize,
    /// The map is about to be dropped: stop.
    stop: AtomicBool,
}

impl Ahead {
    /// Starts the thread for the mapping at `ptr` of `len` bytes; `None` if none starts (then
    /// the reader's own faults map the pages, as they would).
    fn start(ptr: NonNull<u8>, len: usize) -> Option<Self> {
        let progress = Arc::new(Progress {
            lent_end: AtomicUsize::new(0),
            given_back: AtomicUsize::new(0),
            alive: AtomicBool::new(true),
            returned: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
        });
        let theirs = Arc::clone(&progress);
        // An address, not a pointer: the thread never reads through it.
        let start = ptr.as_ptr() as usize;
        let thread = std::thread::Builder::new()
            .name("autogiro-map-ahead".to_owned())
            .spawn(move || map_ahead(start, len, &theirs))
            .ok()?;
        Some(Self { progress, thread })
    }

    /// The reader has lent the bytes up to `lent_end`: map on to [`AHEAD`] past it.
    fn follow(&self, lent_end: usize) {
        self.progress.lent_end.store(lent_end, Ordering::Release);
        self.thread.thread().unpark();
    }

    /// The reader is done with the pages before `done`: give them back. `None` if the thread
    /// will; where the reader is to give them back from itself if it will not (it has ended,
    /// or has not yet given back the pages [`LAG`] before `done`: stopped by the system, say).
    fn give_back(&self, done: usize) -> Option<usize> {
        // Told first, then looked at, as the thread marks itself ended and then looks (all
        // sequentially consistent): either this sees it ended, or it sees `done`.
        self.progress.given_back.store(done, Ordering::SeqCst);
        if !self.progress.alive.load(Ordering::SeqCst) {
            return Some(0);
        }
        let behind = self.progress.returned.load(Ordering::Acquire);
        (done - behind.min(done) > LAG).then_some(behind)
    }

    /// Stops the thread and waits for it: it asks for no mapping after this.
    fn stop(self) {
        self.progress.stop.store(true, Ordering::Release);
        self.thread.thread().unpark();
        let _ = self.thread.join();
    }
}

/// The body of [`Ahead`]'s thread: the pages the reader is done with given back, and the
/// mapping from `start`, of `len` bytes, mapped by the kernel [`STRIDE`] at a time from the end
/// of the reader's window up to [`AHEAD`] past it, until the end of the file, a stop, or a
/// refusal (a kernel before 5.14, which lacks `MADV_POPULATE_READ`; a file cut short, which
/// the reader's own checks report). Then it gives back what the reader is done with, and
/// tells the reader that it has ended: from then on the reader gives back its pages itself.
///
/// The pages mapped stay few: this thread maps nothing before the end of the window it last
/// saw (fallen behind, it goes on from there), and gives back every page before the reader's
/// position, whoever mapped it, each time it wakes.
fn map_ahead(start: usize, len: usize, progress: &Progress) {
    let stride_after = |at: usize| at.div_ceil(STRIDE).saturating_mul(STRIDE);
    let mut mapped = 0;
    let mut returned = 0;
    let give_back = |returned: &mut usize| {
        let done = progress.given_back.load(Ordering::SeqCst);
        if done > *returned {
            advise(start, *returned, done, libc::MADV_DONTNEED);
            *returned = done;
            progress.returned.store(done, Ordering::Release);
        }
    };
    while !progress.stop.load(Ordering::Acquire) {
        give_back(&mut returned);
        let lent_end = progress.lent_end.load(Ordering::Acquire);
        mapped = mapped.max(stride_after(lent_end));
        // A multiple of STRIDE, as every start asked for must be page-aligned; or the end.
        let ahead = lent_end.saturating_add(AHEAD);
        let target = if ahead >= len {
            len
        } else {
            ahead / STRIDE * STRIDE
        };
        if mapped >= target {
            // Woken by `follow` or `stop` (a wake before the park returns it at once).
            std::thread::park();
            continue;
        }
        let end = target.min(mapped + STRIDE);
        if advise(start, mapped, end, libc::MADV_POPULATE_READ) != 0 {
            break;
        }
        mapped = end;
    }
    progress.alive.store(false, Ordering::SeqCst);
    // What the reader handed over before it saw this thread gone.
    give_back(&mut returned);
}

/// `madvise` of the bytes `from..to` of the mapping at `start`, for [`map_ahead`]: its result.
fn advise(start: usize, from: usize, to: usize, advice: libc::c_int) -> libc::c_int {
    if to <= from {
        return 0;
    }
    // SAFETY: a range inside the mapping (`from < to <= len`, `from` a multiple of STRIDE, so
    // page-aligned, from the mapping's page-aligned start; or, to give back, a page boundary
    // the reader reached; the kernel rounds `to` up to a page), which stays mapped until
    // `Ahead::stop` has joined the thread that asks. MADV_POPULATE_READ maps the page cache's
    // pages into it and changes no byte; MADV_DONTNEED unmaps pages the reader is done with,
    // which it reads no more (they are read again from the page cache if touched).
    unsafe { libc::madvise((start + from) as *mut c_void, to - from, advice) }
}

/// Takes a read lease of `file`, its break told by `SIGURG` (ignored); the kernel's lease
/// break time, or `None` if there is no lease to be had (or writers would not wait for one).
fn lease(file: &File) -> Option<Duration> {
    let break_time: u64 = std::fs::read_to_string("/proc/sys/fs/lease-break-time")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    if break_time == 0 {
        return None;
    }
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function borrows, with integer arguments.
    let taken = unsafe {
        libc::fcntl(fd, F_SETSIG, libc::SIGURG) == 0
            && libc::fcntl(fd, libc::F_SETLEASE, libc::F_RDLCK) == 0
    };
    taken.then(|| Duration::from_secs(break_time))
}

fn release_lease(fd: libc::c_int) {
    // SAFETY: fcntl on a descriptor the caller holds.
    unsafe {
        libc::fcntl(fd, libc::F_SETLEASE, libc::F_UNLCK);
    }
}

/// Maps the file, whose length cannot change now that the lease is held, and records the
/// mapping in a slot for the `SIGBUS` handler.
fn map_leased(file: &File) -> Option<(NonNull<u8>, usize, &'static Slot, usize)> {
    let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
    if len == 0 {
        return None;
    }
    let page = page_size()?;
    install_handler()?;
    // SAFETY: a new read-only mapping of a file this function borrows; the kernel picks where.
    let raw = unsafe {
        libc::mmap(
            ptr::null_mut(),
            len,
            libc::PROT_READ,
            libc::MAP_SHARED,
            file.as_raw_fd(),
            0,
        )
    };
    if raw == libc::MAP_FAILED {
        return None;
    }
    let ptr = NonNull::new(raw.cast::<u8>())?;
    let start = ptr.as_ptr() as usize;
    let free = MAPPINGS.iter().find(|slot| {
        slot.start
            .compare_exchange(0, start, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
    });
    let Some(slot) = free else {
        // SAFETY: the mapping just made, not lent to anyone.
        unsafe {
            libc::munmap(raw, len);
        }
        return None;
    };
    slot.cut.store(false, Ordering::Release);
    slot.end.store(start + len, Ordering::Release);
    Some((ptr, len, slot, page))
}

fn page_size() -> Option<usize> {
    // SAFETY: sysconf takes and returns integers.
    let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).ok()?;
    if !page.is_power_of_two() {
        return None;
    }
    PAGE.store(page, Ordering::Release);
    Some(page)
}

/// Installs the `SIGBUS` handler once; `None` if it could not be.
fn install_handler() -> Option<()> {
    static INSTALLED: OnceLock<bool> = OnceLock::new();
    let installed = *INSTALLED.get_or_init(|| {
        // SAFETY: sigaction with structures zeroed, then filled as the manual asks; the handler
        // is async-signal-safe (atomics, mmap, sigaction).
        unsafe {
            let mut previous: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(libc::SIGBUS, ptr::null(), &raw mut previous) != 0 {
                return false;
            }
            let _ = PREVIOUS.set(previous);
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigbus as *const () as libc::sighandler_t;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
            libc::sigemptyset(&raw mut action.sa_mask);
            libc::sigaction(libc::SIGBUS, &raw const action, ptr::null_mut()) == 0
        }
    });
    installed.then_some(())
}

/// A `SIGBUS` at an address inside one of this module's mappings: the file has been cut short
/// under it. The rest of that mapping becomes zeros, the slot notes it and the faulting read
/// goes on (reading zeros); the reader ends in an error at its next check. Any other `SIGBUS`
/// is put back to the action there was before, and the fault, repeated, goes there.
extern "C" fn on_sigbus(_signal: libc::c_int, info: *mut libc::siginfo_t, _context: *mut c_void) {
    // SAFETY: the kernel passes a valid siginfo for a handler installed with SA_SIGINFO.
    let address = unsafe { (*info).si_addr() } as usize;
    let page = PAGE.load(Ordering::Acquire).max(1);
    for slot in &MAPPINGS {
        let start = slot.start.load(Ordering::Acquire);
        let end = slot.end.load(Ordering::Acquire);
        if start != 0 && start <= address && address < end {
            let from = address / page * page;
            // SAFETY: replaces pages of our own mapping, from the faulting one to its end,
            // with zeros; nothing else lies there.
            let zeros = unsafe {
                libc::mmap(
                    from as *mut c_void,
                    end - from,
                    libc::PROT_READ,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED,
                    -1,
                    0,
                )
            };
            if zeros != libc::MAP_FAILED {
                slot.cut.store(true, Ordering::Release);
                return;
            }
        }
    }
    let default = {
        // SAFETY: a zeroed sigaction is SIG_DFL with no flags.
        let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
        action.sa_sigaction = libc::SIG_DFL;
        action
    };
    let previous = PREVIOUS.get().unwrap_or(&default);
    // SAFETY: sigaction with a structure that sigaction itself filled (or SIG_DFL).
    unsafe {
        libc::sigaction(libc::SIGBUS, previous, ptr::null_mut());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;
    use std::sync::mpsc;

    /// A file of `len` bytes of lines of 80, and its bytes.
    /// (Closed: a file open for writing, even by this process, gets no lease.)
    fn file_of(len: usize) -> (tempfile::TempPath, Vec<u8>) {
        let bytes: Vec<u8> = (0..len)
            .map(|i| {
                if i % 81 == 80 {
                    b'\n'
                } else {
                    b"0123456789"[i % 10]
                }
            })
            .collect();
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(&bytes).unwrap();
        file.flush().unwrap();
        (file.into_temp_path(), bytes)
    }

    fn lease_of(mapped: &Mapped) -> libc::c_int {
        let State::Mapped(map) = &mapped.state else {
            panic!("not mapped");
        };
        unsafe { libc::fcntl(map.file.as_raw_fd(), libc::F_GETLEASE) }
    }

    #[test]
    fn a_file_is_read_whole_through_the_map_and_its_pages_given_back() {
        let (file, bytes) = file_of(3 * WINDOW + 12_345);
        let mut mapped = Mapped::open(File::open(&file).unwrap()).ok().unwrap();
        assert_eq!(lease_of(&mapped), libc::F_RDLCK);
        let mut read = Vec::new();
        // Small reads, so that lines cross windows, as the record reader sees them.
        let mut buf = [0; 777];
        loop {
            let n = mapped.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            read.extend_from_slice(&buf[..n]);
        }
        assert!(mapped.is_mapped());
        assert_eq!(read, bytes);
        assert_eq!(mapped.position(), bytes.len() as u64);
        let State::Mapped(map) = &mapped.state else {
            unreachable!()
        };
        assert!(map.given_back >= 3 * WINDOW, "{}", map.given_back);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

        /// Whatever the file's length (around the windows' ends too) and however the reader
        /// takes it (a `fill_buf` and part of it consumed, or a `read` of any size), it gets
        /// the file's bytes, each once, in order.
        #[test]
        fn any_file_read_in_any_steps_is_the_file(
            windows in 0usize..3,
            extra in proptest::prop_oneof![0usize..200, WINDOW - 200..WINDOW],
            steps in proptest::collection::vec((proptest::bool::ANY, 1usize..300_000), 1..40),
        ) {
            let len = (windows * WINDOW + extra).max(1);
            let (file, bytes) = file_of(len);
            let mut mapped = Mapped::open(File::open(&file).unwrap()).ok().unwrap();
            let mut read = Vec::new();
            for &(by_fill, size) in steps.iter().cycle() {
                if by_fill {
                    let lent = mapped.fill_buf().unwrap();
                    if lent.is_empty() {
                        break;
                    }
                    let n = size.min(lent.len());
                    read.extend_from_slice(&lent[..n]);
                    mapped.consume(n);
                } else {
                    let mut buf = vec![0; size];
                    let n = mapped.read(&mut buf).unwrap();
                    if n == 0 {
                        break;
                    }
                    read.extend_from_slice(&buf[..n]);
                }
            }
            proptest::prop_assert!(read == bytes, "{} bytes read of {}", read.len(), bytes.len());
            proptest::prop_assert_eq!(mapped.position(), len as u64);
        }
    }

    /// The resident bytes of the mapping that starts at `start` (`/proc/self/smaps`).
    fn resident(start: usize) -> usize {
        let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
        let mut lines = smaps.lines();
        let header = format!("{start:x}-");
        lines.find(|l| l.starts_with(&header)).expect("the mapping");
        let rss = lines.find(|l| l.starts_with("Rss:")).unwrap();
        let kib: usize = rss.split_whitespace().nth(1).unwrap().parse().unwrap();
        kib * 1024
    }

    /// The thread ahead has the pages past the window lent mapped before the reader asks for
    /// them, not the whole file; the reader gives them back behind it.
    #[test]
    fn the_pages_ahead_are_mapped_before_they_are_read() {
        let (file, bytes) = file_of(8 * WINDOW);
        let mut mapped = Mapped::open(File::open(&file).unwrap()).ok().unwrap();
        let window = mapped.fill_buf().unwrap().len();
        let State::Mapped(map) = &mapped.state else {
            unreachable!()
        };
        let start = map.ptr.as_ptr() as usize;
        assert!(map.ahead.is_some());
        let started = Instant::now();
        // Nothing of the file read yet: what is resident was mapped by the thread ahead.
        while resident(start) < window + AHEAD {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{} bytes mapped",
                resident(start)
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        // Not the whole file: the thread waits for the reader (the kernel maps a little more
        // than it is asked for, to the end of a large page of the page cache).
        std::thread::sleep(Duration::from_millis(50));
        assert!(resident(start) < 6 * WINDOW, "{}", resident(start));
        let mut read = Vec::new();
        mapped.read_to_end(&mut read).unwrap();
        assert!(read == bytes);
        let State::Mapped(map) = &mapped.state else {
            unreachable!()
        };
        // Given back behind the reader by the thread, soon.
        let read_all = Instant::now();
        while resident(start) > 2 * WINDOW {
            assert!(
                read_all.elapsed() < Duration::from_secs(10),
                "{}",
                resident(start)
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        // Dropped, it stops the thread (joined) before the map goes.
        assert!(map.ahead.is_some());
        drop(mapped);
    }

    #[test]
    fn a_file_open_for_writing_is_not_mapped() {
        let (file, _) = file_of(WINDOW);
        let _writer = std::fs::OpenOptions::new().write(true).open(&file).unwrap();
        assert!(Mapped::open(File::open(&file).unwrap()).is_err());
    }

    #[test]
    fn a_writer_waits_one_window_then_reading_goes_on_with_read() {
        let (file, bytes) = file_of(3 * WINDOW);
        let mut mapped = Mapped::open(File::open(&file).unwrap()).ok().unwrap();
        let first = mapped.fill_buf().unwrap().len();
        assert_eq!(first, WINDOW);
        mapped.consume(first);
        let path = file.to_path_buf();
        let (opened, was_opened) = mpsc::channel();
        let started = Instant::now();
        let writer = std::thread::spawn(move || {
            // Waits for the lease to be given up.
            let file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
            opened.send(started.elapsed()).unwrap();
            file
        });
        while lease_of(&mapped) == libc::F_RDLCK {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "no lease break"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        assert!(was_opened.try_recv().is_err(), "the writer did not wait");
        let mut rest = Vec::new();
        mapped.read_to_end(&mut rest).unwrap();
        assert!(!mapped.is_mapped());
        assert_eq!(mapped.position(), bytes.len() as u64);
        // The writer went on once the reader saw it wait (not after the kernel's 45 s).
        let waited = was_opened.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(waited < Duration::from_secs(10), "{waited:?}");
        drop(writer.join().unwrap());
        // What the map lent, then the rest by read(2): the file whole.
        assert!(
            rest == bytes[WINDOW..],
            "{} bytes read after the map",
            rest.len()
        );
    }

    #[test]
    fn a_file_cut_short_under_the_map_ends_in_an_error_not_a_fault() {
        let (file, _) = file_of(2 * WINDOW);
        let mut mapped = Mapped::open(File::open(&file).unwrap()).ok().unwrap();
        let window = mapped.fill_buf().unwrap();
        let last = window.len() - 1;
        // As if the lease had been broken by force (this process stood still): given up
        // behind the reader's back, and the file cut to 100 bytes.
        let State::Mapped(map) = &mapped.state else {
            unreachable!()
        };
        release_lease(map.file.as_raw_fd());
        std::fs::OpenOptions::new()
            .write(true)
            .open(&file)
            .unwrap()
            .set_len(100)
            .unwrap();
        let window = mapped.fill_buf().unwrap();
        // The page past the end reads as zeros (the handler), not a fault.
        assert_eq!(std::hint::black_box(window)[last], 0);
        mapped.consume(WINDOW);
        let error = mapped.fill_buf().unwrap_err();
        assert!(error.to_string().contains("changed the file"), "{error}");
        assert!(mapped.read(&mut [0; 10]).is_err());
    }

    #[test]
    fn a_lease_lost_after_the_writer_may_have_gone_on_ends_in_an_error() {
        let (file, _) = file_of(2 * WINDOW);
        let mut mapped = Mapped::open(File::open(&file).unwrap()).ok().unwrap();
        let n = mapped.fill_buf().unwrap().len();
        mapped.consume(n);
        let State::Mapped(map) = &mut mapped.state else {
            unreachable!()
        };
        release_lease(map.file.as_raw_fd());
        // The last check as long ago as a forced break takes.
        map.safe_for = Duration::ZERO;
        let error = mapped.fill_buf().unwrap_err();
        assert!(error.to_string().contains("changed the file"), "{error}");
    }
}
