use std::io::{self, BufRead};
use std::ops::ControlFlow;

use time::Date;

use crate::fast::Dates;
use crate::records::length_error;
use crate::{Context, Direction, Error, ErrorKind, RECORD_LEN, Record, RecordError};

/// The most bytes of one line the reader keeps. A longer line is still read to its end (and its
/// length reported), but memory stays bounded whatever the input: a file of 10 MB with no line
/// break costs these bytes, not 10 MB.
const KEPT_BYTES: usize = 256;

/// A streaming reader of records over any [`BufRead`] (a `&[u8]` is one).
///
/// It yields each record with its 1-based line number and holds one line at a time, so memory
/// stays constant whatever the file's size. Lines end in LF or CRLF; the last may lack its line
/// break, and empty lines at the end of the file are ignored (an empty line before a record is
/// an error). A line that fails to parse is reported and reading goes on with the next.
///
/// The direction comes from each transmission start (record 10): recipient `00008080` means to
/// MPS, sender `00008080` from MPS. Until one is read the reader assumes a file to MPS;
/// [`Reader::direction`] forces a direction instead.
///
/// ```
/// use autogiro_format::{Reader, Record};
///
/// let file = b"NY000010123456780000001000080800000000000000000000000000000000000000000000000000\r\n";
/// let mut reader = Reader::new(&file[..]);
/// let (line, record) = reader.next().unwrap()?;
/// assert_eq!(line, 1);
/// assert!(matches!(record, Record::TransmissionStart(s) if s.sender == 12345678));
/// assert!(reader.next().is_none());
/// # Ok::<(), autogiro_format::Error>(())
/// ```
#[derive(Debug)]
#[allow(clippy::struct_excessive_bools)] // Independent flags of the reading's state.
pub struct Reader<R> {
    inner: R,
    /// The current line without its line break, at most `KEPT_BYTES` of it (lines that take
    /// the general path of `next_record`; the hot path parses in the buffer).
    line: Vec<u8>,
    /// The current line's full length without its line break.
    line_len: usize,
    line_number: u64,
    ctx: Context,
    forced: bool,
    /// The first of a run of empty lines not yet reported: reported only if a record follows.
    empty_since: Option<u64>,
    /// Where the current line stands.
    current: Current,
    failed: bool,
    /// The input may grow ([`Reader::resumable`]): an empty `fill_buf` is a pause.
    resumable: bool,
    /// The last byte of the current line read so far (a CR before its LF is no content).
    last: u8,
    /// The due dates read so far, for the fast path.
    dates: Dates,
    /// The bytes and lines of the buffer's fast path ([`Reader::each_in_buffer`]): every
    /// such line is 80 bytes and LF or CR LF, so the bytes beyond 81 a line are its CRs. Of
    /// the general path's lines, how many, how many ended with CR LF, and whether the last
    /// ended with no line break ([`Reader::line_endings`]).
    fast_bytes: u64,
    general_lines: u64,
    general_crlf: u64,
    unterminated: bool,
}

/// Where the current line stands between two reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Current {
    /// Read and parsed (or none read yet).
    Done,
    /// Read but not yet parsed: it followed an empty line that was reported first.
    Held,
    /// Cut by a pause ([`Reader::resumable`]): `line` holds its start, to be read on.
    Cut,
}

/// What reading a line found.
enum Line {
    /// A whole line is in `self.line`.
    Read,
    /// The end of the input (or of what has come so far, when resumable).
    End,
}

impl<R: BufRead> Reader<R> {
    /// A reader that takes the direction from the transmission start.
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            line: Vec::with_capacity(KEPT_BYTES),
            line_len: 0,
            line_number: 0,
            fast_bytes: 0,
            general_lines: 0,
            general_crlf: 0,
            unterminated: false,
            ctx: Context::default(),
            forced: false,
            empty_since: None,
            current: Current::Done,
            failed: false,
            resumable: false,
            last: 0,
            dates: Dates::default(),
        }
    }

    /// Reads an input that arrives in parts, pushed by the caller (a browser's file stream):
    /// the inner reader's end is then a pause, not the end of the file. [`Reader::each`]
    /// returns there, and the next call goes on where it stopped, a line cut by the pause
    /// included, once the caller has appended more through [`Reader::get_mut`]. Call
    /// [`Reader::end_of_input`] before the last call of `each`, so that a last line without a
    /// line break is read.
    #[must_use]
    pub fn resumable(mut self) -> Self {
        self.resumable = true;
        self
    }

    /// Says that no more input will come: the end of the inner reader is the end of the file.
    pub fn end_of_input(&mut self) {
        self.resumable = false;
    }

    /// The inner reader, to append to it between calls of [`Reader::each`].
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    /// Reads every record in `direction`, whatever the transmission start says.
    #[must_use]
    pub fn direction(mut self, direction: Direction) -> Self {
        self.ctx.direction = direction;
        self.forced = true;
        self
    }

    /// Reads two-digit years as the year nearest to `date` instead of in the window 1970-2069
    /// ([decision 6](docs/spec-decisions.md#decision-6)).
    #[must_use]
    pub fn reference_date(mut self, date: Date) -> Self {
        self.ctx.reference_date = Some(date);
        self
    }

    /// The context the next record is parsed in (direction and year rule).
    pub fn context(&self) -> &Context {
        &self.ctx
    }

    /// The 1-based number of the line last read.
    pub fn line_number(&self) -> u64 {
        self.line_number
    }

    /// Of the lines read so far, how many ended with CR LF and how many with LF alone (a last
    /// line with no line break is neither): a file is one or the other throughout
    /// ([decision 34](docs/spec-decisions.md#decision-34)).
    pub fn line_endings(&self) -> (u64, u64) {
        let fast_lines = self.line_number.saturating_sub(self.general_lines);
        let fast_crlf = self
            .fast_bytes
            .saturating_sub(fast_lines * (RECORD_LEN as u64 + 1));
        let crlf = self.general_crlf + fast_crlf;
        let broken = self.line_number - u64::from(self.unterminated);
        (crlf, broken.saturating_sub(crlf))
    }

    /// Reads the next line into `self.line`, or on with a line that a pause cut.
    fn read_line(&mut self) -> io::Result<Line> {
        let mut started = self.current == Current::Cut;
        if !started {
            self.line.clear();
            self.line_len = 0;
            self.last = 0;
        }
        self.current = Current::Done;
        let mut complete_line = false;
        loop {
            let chunk = match self.inner.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                if self.resumable {
                    if started {
                        self.current = Current::Cut;
                    }
                    return Ok(Line::End);
                }
                if !started {
                    return Ok(Line::End);
                }
                break;
            }
            started = true;
            // memchr finds the line break with SIMD (lines that are not records may be any length).
            let (part, used, complete) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (chunk.get(..i).unwrap_or_default(), i + 1, true),
                None => (chunk, chunk.len(), false),
            };
            if let Some(&b) = part.last() {
                self.last = b;
            }
            let room = KEPT_BYTES.saturating_sub(self.line.len());
            self.line
                .extend_from_slice(part.get(..room.min(part.len())).unwrap_or_default());
            self.line_len += part.len();
            self.inner.consume(used);
            if complete {
                complete_line = true;
                break;
            }
        }
        self.line_number += 1;
        self.general_lines += 1;
        self.unterminated = !complete_line;
        self.general_crlf += u64::from(complete_line && self.last == b'\r' && self.line_len > 0);
        if self.last == b'\r' && self.line_len > 0 {
            if self.line.len() == self.line_len {
                self.line.pop();
            }
            self.line_len -= 1;
        }
        Ok(Line::Read)
    }

    /// Parses the current line, updating the direction on a transmission start.
    fn parse_line(&mut self) -> Result<Record, RecordError> {
        if self.line_len != RECORD_LEN {
            return Err(length_error(&self.line, self.line_len));
        }
        let record = Record::parse(&self.line, &self.ctx)?;
        if let Record::TransmissionStart(start) = &record {
            match start.direction() {
                Some(direction) if !self.forced => self.ctx.direction = direction,
                Some(_) => {}
                None if self.forced => {}
                None => {
                    return Err(RecordError {
                        record_type: Some(10),
                        first_column: 9,
                        last_column: 31,
                        field: "data sender, data recipient",
                        kind: ErrorKind::MpsNotNamed,
                        found: self.line.get(8..31).unwrap_or_default().to_vec(),
                    });
                }
            }
        }
        Ok(record)
    }

    /// Calls `each` with every record (or error) in turn, both lent, until the input ends or
    /// `each` breaks. What the [`Iterator`] yields, without moving each record or error out of
    /// the reader: the way to stream a large file fastest (`autogiro validate` reads so). The
    /// error is lent too, so that what `each` is given is two words: an owned error made the
    /// argument a large value built in memory for every record, 4 % of `validate`'s
    /// instructions.
    /// The [`Context`] is the one the record was read in (its direction).
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use autogiro_format::{Reader, Record};
    ///
    /// let file = b"NY000010123456780000001000080800000000000000000000000000000000000000000000000000\n";
    /// let mut starts = 0;
    /// Reader::new(&file[..]).each(|_, item| {
    ///     if let Ok((_, Record::TransmissionStart(_))) = item {
    ///         starts += 1;
    ///     }
    ///     ControlFlow::Continue(())
    /// });
    /// assert_eq!(starts, 1);
    /// ```
    pub fn each(
        &mut self,
        mut each: impl FnMut(&Context, Result<(u64, &Record), &Error>) -> ControlFlow<()>,
    ) {
        while !self.failed {
            if self.each_in_buffer(&mut each).is_break() {
                return;
            }
            let flow = match self.next_general() {
                None => return,
                Some(Ok((line, record))) => each(&self.ctx, Ok((line, &record))),
                Some(Err(e)) => each(&self.ctx, Err(&e)),
            };
            if flow.is_break() {
                return;
            }
        }
    }

    /// The hot path of [`Reader::each`]: the records that lie whole in the read buffer, each
    /// parsed where it lies (no copy) and lent to `each`, one after another without asking the
    /// inner reader for its buffer again; what they took is consumed once per buffer. It stops
    /// at the first line it leaves to the general path ([`Reader::next_general`]), which reads
    /// that line again: a line across buffers, an error, an empty line, a transmission start
    /// (which may change the direction).
    ///
    /// A record line is 80 bytes and a line break, so the break is looked for at byte 80 (LF)
    /// or 80-81 (CRLF) only, without scanning the line for it. That is sound because no field
    /// of any layout accepts a CR or LF byte: a line with a break inside its first 80 bytes, or
    /// a CR at byte 80 that is not part of the break, fails to parse and goes to the general
    /// path, which finds the real line end. The test
    /// `a_line_break_inside_a_record_never_parses` holds every layout to that.
    ///
    /// The record stays in this frame and is lent out from here, since every move of an
    /// 80-byte record on its way out (through `Result`, `Option`, the iterator) was a
    /// measurable share of validation; so was a `fill_buf` and `consume` for every record.
    #[inline]
    fn each_in_buffer(
        &mut self,
        each: &mut impl FnMut(&Context, Result<(u64, &Record), &Error>) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        if self.current != Current::Done || self.empty_since.is_some() {
            return ControlFlow::Continue(());
        }
        loop {
            let Ok(chunk) = self.inner.fill_buf() else {
                return ControlFlow::Continue(());
            };
            let mut rest = chunk;
            let mut flow = ControlFlow::Continue(());
            let ctx = &self.ctx;
            let line_number = &mut self.line_number;
            while let Some((next, used)) = lend_first(rest, ctx, &mut self.dates, |record| {
                *line_number += 1;
                each(ctx, Ok((*line_number, record)))
            }) {
                rest = rest.get(used..).unwrap_or_default();
                flow = next;
                if flow.is_break() {
                    break;
                }
            }
            let used = chunk.len() - rest.len();
            // The line endings are counted from these bytes once a buffer, not once a line.
            self.fast_bytes += used as u64;
            // Bytes left are a line for the general path, or the start of one the buffer cut
            // (which the inner reader hands out again, unfilled, until it is consumed): either
            // way the general path's. Only a buffer taken to its end is filled again here.
            let left = !rest.is_empty();
            self.inner.consume(used);
            if flow.is_break() || left || used == 0 {
                return flow;
            }
        }
    }

    fn next_record(&mut self) -> Option<Result<(u64, Record), Error>> {
        if self.failed {
            return None;
        }
        if self.current == Current::Done
            && self.empty_since.is_none()
            && let Ok(chunk) = self.inner.fill_buf()
            && let Some((record, used)) =
                lend_first(chunk, &self.ctx, &mut self.dates, |record| *record)
        {
            self.inner.consume(used);
            self.fast_bytes += used as u64;
            self.line_number += 1;
            return Some(Ok((self.line_number, record)));
        }
        self.next_general()
    }

    /// The general path: the next line read into `self.line` (empty lines reported when a
    /// record follows them), then parsed.
    fn next_general(&mut self) -> Option<Result<(u64, Record), Error>> {
        if self.current != Current::Held {
            loop {
                match self.read_line() {
                    Ok(Line::Read) if self.line_len == 0 => {
                        self.empty_since.get_or_insert(self.line_number);
                    }
                    Ok(Line::Read) => break,
                    // Empty lines at the end of the file are allowed (and when resumable, the
                    // empty lines so far are reported if a record comes after the pause).
                    Ok(Line::End) => return None,
                    Err(source) => {
                        self.failed = true;
                        return Some(Err(Error::Io {
                            line: self.line_number,
                            source,
                        }));
                    }
                }
            }
        }
        self.current = Current::Done;
        if let Some(line) = self.empty_since.take() {
            self.current = Current::Held;
            let error = RecordError {
                record_type: None,
                first_column: 1,
                last_column: RECORD_LEN,
                field: "record",
                kind: ErrorKind::EmptyLine,
                found: Vec::new(),
            };
            return Some(Err(Error::Record { line, error }));
        }
        let line = self.line_number;
        Some(
            self.parse_line()
                .map(|record| (line, record))
                .map_err(|error| Error::Record { line, error }),
        )
    }
}

/// Lends the record at the start of `bytes` to `lend`, when the line is whole there, is a
/// record of any type but 10 and parses; what `lend` returns and the bytes the line takes with
/// its line break. Anything else is `None`, for the general path of the reader
/// ([`Reader::each_in_buffer`] says why the break is looked for at byte 80 only). The record
/// is lent where it was parsed: returning it would copy it, twice.
#[inline(always)]
#[allow(clippy::inline_always)] // Once in each hot loop, the closure with it.
fn lend_first<T>(
    bytes: &[u8],
    ctx: &Context,
    dates: &mut Dates,
    lend: impl FnOnce(&Record) -> T,
) -> Option<(T, usize)> {
    let (line, rest) = bytes.split_first_chunk::<RECORD_LEN>()?;
    let used = match rest {
        [b'\r', b'\n', ..] => RECORD_LEN + 2,
        [b'\n', ..] => RECORD_LEN + 1,
        _ => return None,
    };
    if line.get(6..8) == Some(b"10") {
        return None;
    }
    let value = match &crate::fast::parse(line, ctx, dates) {
        Some(record) => lend(record),
        None => lend(&Record::parse_precise(line, ctx).ok()?),
    };
    Some((value, used))
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<(u64, Record), Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.next_record()
    }
}
