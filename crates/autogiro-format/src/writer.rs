use std::io::Write;

use crate::{Error, RECORD_LEN, Record};

/// The line break written after each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineEnding {
    /// `\r\n`, as MPS's files use.
    #[default]
    CrLf,
    /// `\n`.
    Lf,
}

impl LineEnding {
    /// The bytes of the line break.
    pub fn as_bytes(self) -> &'static [u8] {
        match self {
            Self::CrLf => b"\r\n",
            Self::Lf => b"\n",
        }
    }
}

/// Writes records to any [`Write`], one 80-byte line each, followed by the line break.
///
/// Each record is encoded whole before any of it is written, so a record with a value that does
/// not fit leaves nothing half-written. Wrap a file in a `BufWriter`: the writer makes one
/// `write_all` per record.
///
/// ```
/// use autogiro_format::{Record, TransmissionStart, Writer};
///
/// let mut writer = Writer::new(Vec::new());
/// let start = TransmissionStart { sender: 12345678, transmission_number: 1, recipient: 8080 };
/// writer.write_record(&Record::TransmissionStart(start))?;
/// assert_eq!(
///     writer.into_inner(),
///     b"NY000010123456780000001000080800000000000000000000000000000000000000000000000000\r\n"
/// );
/// # Ok::<(), autogiro_format::Error>(())
/// ```
#[derive(Debug)]
pub struct Writer<W> {
    inner: W,
    ending: LineEnding,
    line_number: u64,
}

impl<W: Write> Writer<W> {
    /// A writer with CRLF line breaks.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            ending: LineEnding::CrLf,
            line_number: 0,
        }
    }

    /// Uses `ending` after each record.
    #[must_use]
    pub fn line_ending(mut self, ending: LineEnding) -> Self {
        self.ending = ending;
        self
    }

    /// Writes one record and its line break.
    ///
    /// # Errors
    ///
    /// [`Error::Record`] for a value that does not fit its field (nothing is written), or
    /// [`Error::Io`].
    pub fn write_record(&mut self, record: &Record) -> Result<(), Error> {
        let line = self.line_number + 1;
        let bytes = record
            .encode()
            .map_err(|error| Error::Record { line, error })?;
        let mut buf = [0u8; RECORD_LEN + 2];
        let ending = self.ending.as_bytes();
        let len = RECORD_LEN + ending.len();
        if let Some((head, tail)) = buf.split_at_mut_checked(RECORD_LEN) {
            head.copy_from_slice(&bytes);
            if let Some(slot) = tail.get_mut(..ending.len()) {
                slot.copy_from_slice(ending);
            }
        }
        self.inner
            .write_all(buf.get(..len).unwrap_or_default())
            .map_err(|source| Error::Io {
                line: self.line_number,
                source,
            })?;
        self.line_number = line;
        Ok(())
    }

    /// Flushes the underlying writer.
    ///
    /// # Errors
    ///
    /// [`Error::Io`].
    pub fn flush(&mut self) -> Result<(), Error> {
        self.inner.flush().map_err(|source| Error::Io {
            line: self.line_number,
            source,
        })
    }

    /// The number of records written.
    pub fn records_written(&self) -> u64 {
        self.line_number
    }

    /// The underlying writer.
    pub fn into_inner(self) -> W {
        self.inner
    }
}
