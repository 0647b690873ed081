//! Opening inputs: a path or `-` for standard input, with errors that say which.

use autogiro::model::Said;
use std::fs::File;
use std::io::{self, BufRead, IsTerminal, Read};

use autogiro::format::AlignedReader;
use std::path::Path;

use crate::told::{Tell as _, told};

/// The read buffer: large reads (256 KiB) keep the record reader fed with few system calls;
/// aligned on a cache line, so that the kernel's copy into it runs at full speed
/// ([`AlignedReader`]).
pub(crate) const BUFFER: usize = 1 << 18;

/// Files larger than this get a progress bar when standard error is a terminal.
const PROGRESS_FROM: u64 = 50 * 1024 * 1024;

/// Whether `path` means standard input.
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The name to show for `path`.
pub(crate) fn name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Opens a file for reading, refusing directories with a clear message.
pub(crate) fn open_file(path: &Path) -> anyhow::Result<File> {
    let file =
        File::open(path).tell(|| Said::new("cli.cannot-read").with("path", path.display()))?;
    let meta = file
        .metadata()
        .tell(|| Said::new("cli.cannot-read").with("path", path.display()))?;
    if meta.is_dir() {
        return Err(told(
            Said::new("cli.directory-not-file").with("path", path.display()),
        ));
    }
    Ok(file)
}

/// A buffered reader over an input: standard input, a file, or a file behind a progress bar
/// on standard error (for a large file when standard error is a terminal).
///
/// An enum rather than a `Box<dyn BufRead>`: the record reader calls `fill_buf` and `consume`
/// for every record, and static dispatch keeps those calls cheap.
pub(crate) enum Input {
    Stdin(AlignedReader<io::Stdin>),
    File(AlignedReader<File>),
    Progress(AlignedReader<indicatif::ProgressBarIter<File>>),
}

impl Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Self::Stdin(r) => r.read(buf),
            Self::File(r) => r.read(buf),
            Self::Progress(r) => r.read(buf),
        }
    }
}

impl BufRead for Input {
    #[inline]
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            Self::Stdin(r) => r.fill_buf(),
            Self::File(r) => r.fill_buf(),
            Self::Progress(r) => r.fill_buf(),
        }
    }

    #[inline]
    fn consume(&mut self, amount: usize) {
        match self {
            Self::Stdin(r) => r.consume(amount),
            Self::File(r) => r.consume(amount),
            Self::Progress(r) => r.consume(amount),
        }
    }
}

/// A buffered reader over the input `path` names.
pub(crate) fn reader(path: &Path) -> anyhow::Result<Input> {
    if is_stdin(path) {
        return Ok(Input::Stdin(AlignedReader::with_capacity(
            BUFFER,
            io::stdin(),
        )));
    }
    let file = open_file(path)?;
    let len = file.metadata().map_or(0, |m| m.len());
    let bar = (len > PROGRESS_FROM && io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(len);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    Ok(match bar {
        Some(bar) => Input::Progress(AlignedReader::with_capacity(BUFFER, bar.wrap_read(file))),
        None => Input::File(AlignedReader::with_capacity(BUFFER, file)),
    })
}

/// The whole input in memory.
pub(crate) fn bytes(path: &Path) -> anyhow::Result<Vec<u8>> {
    let mut data = Vec::new();
    if is_stdin(path) {
        io::stdin()
            .read_to_end(&mut data)
            .tell(|| Said::new("cli.cannot-read-stdin"))?;
    } else {
        open_file(path)?
            .read_to_end(&mut data)
            .tell(|| Said::new("cli.cannot-read").with("path", path.display()))?;
    }
    Ok(data)
}
