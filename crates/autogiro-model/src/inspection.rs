//! [`Inspection`]: what `autogiro inspect` finds, for a file that arrives in parts.

use std::io::{self, BufRead};

use autogiro_format::{Direction, Reader, Record};

use crate::assemble::{Assembler, Streamed};
use crate::check::Checker;
use crate::{Diagnostic, Pass, ReadOptions, Summary, hand_on};

/// [`Transmission::read`](crate::Transmission::read) for a file pushed in parts of any size
/// (a browser's file stream): every diagnostic as soon as it is found, and at the end the
/// [`Summary`] instead of the model. Memory stays bounded whatever the file's size: each
/// claim and mandate is counted into the summary and dropped. The diagnostics and the summary
/// are those of [`Transmission::read`](crate::Transmission::read) and
/// [`Summary::of`] on the whole file, however it is cut into parts.
///
/// ```
/// use autogiro_checksum::AccountNumber;
/// use autogiro_model::{
///     payer_reference, Amount, AssignmentHeader, Claim, ClaimsAssignment, Inspection,
///     ReadOptions, Transmission,
/// };
/// use time::macros::date;
///
/// let account = AccountNumber::parse("1234.56.78903")?;
/// let mut claims = ClaimsAssignment::new(AssignmentHeader::new(56789, 1, account));
/// claims.push(
///     Claim::new(date!(2026 - 01 - 15), payer_reference("12345")?, Amount::from_ore(125_00)?)
///         .with_short_name("Nordmann")?,
/// )?;
/// let mut transmission = Transmission::to_mps(12345, 17);
/// transmission.push(claims)?;
/// let mut file = Vec::new();
/// transmission.write(&mut file)?;
///
/// // The file arrives 7 bytes at a time.
/// let options = ReadOptions::new().today(date!(2026 - 01 - 10));
/// let mut inspection = Inspection::new(&options);
/// let mut errors = 0;
/// for part in file.chunks(7) {
///     inspection.feed(part, |d| errors += usize::from(d.is_error()));
/// }
/// let (summary, lines) = inspection.finish(|d| errors += usize::from(d.is_error()));
/// assert_eq!((errors, lines), (0, 6));
/// assert_eq!(summary.assignments[0].items, 1);
/// assert_eq!(summary.assignments[0].sum, Amount::from_ore(125_00)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Inspection {
    pass: Pass<Parts>,
    assembler: Assembler,
    streamed: Streamed,
}

impl Inspection {
    /// An inspection with nothing read yet.
    pub fn new(options: &ReadOptions) -> Self {
        let direction = options.direction.unwrap_or_default();
        Self {
            pass: Pass::new(Reader::new(Parts::default()).resumable(), options),
            assembler: Assembler::new(direction),
            streamed: Streamed::new(direction),
        }
    }

    /// Reads the next part of the file, handing each diagnostic found to `each`. A line cut
    /// at the part's end is read when the rest of it comes.
    pub fn feed(&mut self, part: &[u8], each: impl FnMut(Diagnostic)) {
        self.pass.reader.get_mut().push(part);
        self.read(each);
    }

    /// The end of the file: the last line (if it has no line break) and the checks of the
    /// end, each diagnostic handed to `each`. Returns the summary and the number of lines.
    pub fn finish(mut self, mut each: impl FnMut(Diagnostic)) -> (Summary, u64) {
        self.pass.reader.end_of_input();
        self.read(&mut each);
        let lines = self
            .pass
            .finish(|_, _, checker: &mut Checker| hand_on(checker, &mut each));
        (self.assembler.finish_into(self.streamed), lines)
    }

    /// Reads every whole line there is.
    fn read(&mut self, mut each: impl FnMut(Diagnostic)) {
        let assembler = &mut self.assembler;
        let streamed = &mut self.streamed;
        self.pass.run(
            |record: Option<(u64, &Record)>, direction: Direction, checker: &mut Checker| {
                match record {
                    Some((line, record)) => assembler.record(line, record, direction),
                    None => assembler.bad_line(),
                }
                assembler.fold_into(streamed);
                hand_on(checker, &mut each);
            },
        );
        self.pass.reader.get_mut().compact();
    }
}

/// The bytes pushed and not yet read: the reader's input.
#[derive(Debug, Default)]
struct Parts {
    bytes: Vec<u8>,
    read: usize,
}

impl Parts {
    fn push(&mut self, part: &[u8]) {
        self.bytes.extend_from_slice(part);
    }

    /// Drops what has been read. The reader takes a cut line into its own buffer, so after a
    /// pass nothing is left unread and memory stays at one part.
    fn compact(&mut self) {
        self.bytes.drain(..self.read.min(self.bytes.len()));
        self.read = 0;
    }
}

impl io::Read for Parts {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.fill_buf()?.read(out)?;
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Parts {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        Ok(self.bytes.get(self.read..).unwrap_or_default())
    }

    fn consume(&mut self, amount: usize) {
        self.read = (self.read + amount).min(self.bytes.len());
    }
}
