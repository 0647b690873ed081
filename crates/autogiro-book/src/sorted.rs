//! The answers of a file from MPS in the order a round of matching reads its groups
//! ([`crate::sql::Dialect::groups`]): by agreement, then payer (its bytes, as both backends
//! order the groups), then the order the file holds them. Sorted in bounded memory, whatever
//! the file's size: runs of [`RUN_BYTES`] sorted in memory and written to unnamed temporary
//! files (which the system removes with the process, however it ends), then merged.
//!
//! The database sorted them before: every answer written to a temporary table, read back
//! sorted beside the claims. `sqlite3` on a book of a million claims and their million
//! answers: the groups' query took 2.9-3.1 s with the answers in it, 1.1 s without
//! (docs/performance.md).

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufRead as _, BufReader, BufWriter, Read as _, Seek as _, Write as _};

use time::Date;

use crate::BookError;
use crate::store::UnmatchedRow;

/// The bytes of answers a run holds in memory before it is sorted and written out: a million
/// answers (about 80 bytes each) make 10 runs.
const RUN_BYTES: usize = 8 << 20;

/// The buffer each run is read through while the runs are merged: the 98 runs of ten million
/// answers take 3 MiB.
const READ_BUFFER: usize = 32 << 10;

/// An answer encoded: agreement (4 bytes), order in the file (8), amount (8), date as a Julian
/// day (4), error code (2) and whether there is one (1), then payer, KID, short name and own
/// reference, each as its length (2 bytes) and its bytes. Little-endian.
const FIXED: usize = 27;

/// An answer read back from a temporary file that is not one this module wrote.
fn garbled() -> BookError {
    BookError::Storage("an answer garbled in a temporary file".to_owned())
}

fn storage(e: &std::io::Error) -> BookError {
    BookError::Storage(format!("a temporary file of the answers being sorted: {e}"))
}

/// Appends `a`, the `seq`-th answer of the file, encoded and preceded by its length (4 bytes).
fn encode(out: &mut Vec<u8>, seq: u64, a: &UnmatchedRow) -> Result<(), BookError> {
    let start = out.len();
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&a.agreement_id.to_le_bytes());
    out.extend_from_slice(&seq.to_le_bytes());
    out.extend_from_slice(&a.amount_ore.to_le_bytes());
    out.extend_from_slice(&a.processing_date.to_julian_day().to_le_bytes());
    out.extend_from_slice(&a.error_code.unwrap_or(0).to_le_bytes());
    out.push(u8::from(a.error_code.is_some()));
    for text in [&a.payer, &a.kid, &a.short_name, &a.own_reference] {
        let len = u16::try_from(text.len()).map_err(|_| {
            BookError::Storage(format!("an answer's field of {} bytes", text.len()))
        })?;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(text.as_bytes());
    }
    let len = u32::try_from(out.len() - start - 4)
        .map_err(|_| BookError::Storage("an answer too long to sort".to_owned()))?;
    if let Some(prefix) = out.get_mut(start..start + 4) {
        prefix.copy_from_slice(&len.to_le_bytes());
    }
    Ok(())
}

/// `N` bytes of `rec` from `at`.
fn bytes<const N: usize>(rec: &[u8], at: usize) -> Option<[u8; N]> {
    rec.get(at..at + N)?.try_into().ok()
}

/// The `n`-th text of an encoded answer (0 payer, 1 KID, 2 short name, 3 own reference).
fn text(rec: &[u8], n: usize) -> Option<&[u8]> {
    let mut at = FIXED;
    for _ in 0..n {
        at += 2 + usize::from(u16::from_le_bytes(bytes(rec, at)?));
    }
    let len = usize::from(u16::from_le_bytes(bytes(rec, at)?));
    rec.get(at + 2..at + 2 + len)
}

/// What answers are sorted by: agreement, payer, order in the file.
fn key(rec: &[u8]) -> Option<(u32, &[u8], u64)> {
    Some((
        u32::from_le_bytes(bytes(rec, 0)?),
        text(rec, 0)?,
        u64::from_le_bytes(bytes(rec, 4)?),
    ))
}

fn order(a: &[u8], b: &[u8]) -> Ordering {
    key(a).cmp(&key(b))
}

/// The answer encoded in `rec`, of file `file_id`.
fn decode(rec: &[u8], file_id: i64) -> Result<UnmatchedRow, BookError> {
    let string = |n| {
        text(rec, n)
            .and_then(|t| std::str::from_utf8(t).ok())
            .map(str::to_owned)
            .ok_or_else(garbled)
    };
    let code = u16::from_le_bytes(bytes(rec, 24).ok_or_else(garbled)?);
    Ok(UnmatchedRow {
        id: 0,
        file_id,
        agreement_id: u32::from_le_bytes(bytes(rec, 0).ok_or_else(garbled)?),
        payer: string(0)?,
        kid: string(1)?,
        amount_ore: i64::from_le_bytes(bytes(rec, 12).ok_or_else(garbled)?),
        processing_date: Date::from_julian_day(i32::from_le_bytes(
            bytes(rec, 20).ok_or_else(garbled)?,
        ))
        .map_err(|_| garbled())?,
        error_code: (rec.get(26) == Some(&1)).then_some(code),
        short_name: string(2)?,
        own_reference: string(3)?,
        candidates: 0,
    })
}

/// The answer (without its length) that starts at `start` of `buf`.
fn record_at(buf: &[u8], start: usize) -> &[u8] {
    let len = bytes(buf, start).map_or(0, |b| u32::from_le_bytes(b) as usize);
    buf.get(start + 4..start + 4 + len).unwrap_or_default()
}

/// The answers of a file from MPS as they are read; [`AnswerSort::finish`] sorts them.
#[derive(Debug)]
pub(crate) struct AnswerSort {
    file_id: i64,
    /// The answers of the run being filled, each with its length before it.
    buf: Vec<u8>,
    /// Where each answer of `buf` starts.
    starts: Vec<usize>,
    /// The runs written out, each sorted.
    runs: Vec<File>,
    count: u64,
    /// [`RUN_BYTES`], but in tests.
    run_bytes: usize,
}

impl AnswerSort {
    /// No answers yet, of file `file_id`.
    pub(crate) fn new(file_id: i64) -> Self {
        Self {
            file_id,
            buf: Vec::new(),
            starts: Vec::new(),
            runs: Vec::new(),
            count: 0,
            run_bytes: RUN_BYTES,
        }
    }

    /// Adds the next answer of the file.
    pub(crate) fn push(&mut self, a: &UnmatchedRow) -> Result<(), BookError> {
        self.starts.push(self.buf.len());
        encode(&mut self.buf, self.count, a)?;
        self.count += 1;
        if self.buf.len() >= self.run_bytes {
            self.spill()?;
        }
        Ok(())
    }

    fn sort(&mut self) {
        let buf = &self.buf;
        self.starts
            .sort_unstable_by(|&a, &b| order(record_at(buf, a), record_at(buf, b)));
    }

    /// Sorts the run in memory and writes it out.
    fn spill(&mut self) -> Result<(), BookError> {
        self.sort();
        let file = tempfile::tempfile().map_err(|e| storage(&e))?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        for &start in &self.starts {
            let len = record_at(&self.buf, start).len() + 4;
            let rec = self.buf.get(start..start + len).unwrap_or_default();
            out.write_all(rec).map_err(|e| storage(&e))?;
        }
        let file = out.into_inner().map_err(|e| storage(e.error()))?;
        self.runs.push(file);
        self.buf.clear();
        self.starts.clear();
        Ok(())
    }

    /// The answers, sorted.
    pub(crate) fn finish(mut self) -> Result<SortedAnswers, BookError> {
        let source = if self.runs.is_empty() {
            self.sort();
            Source::Memory {
                buf: self.buf,
                starts: self.starts,
                at: 0,
            }
        } else {
            if !self.starts.is_empty() {
                self.spill()?;
            }
            let runs = self
                .runs
                .into_iter()
                .map(|f| BufReader::with_capacity(READ_BUFFER, f))
                .collect();
            Source::Runs {
                runs,
                heads: BinaryHeap::new(),
            }
        };
        let mut sorted = SortedAnswers {
            file_id: self.file_id,
            count: self.count,
            source,
            next: None,
        };
        sorted.rewind()?;
        Ok(sorted)
    }
}

/// The next answer of a run, first in the merge's heap when its key is the least.
#[derive(Debug)]
struct Head {
    rec: Vec<u8>,
    run: usize,
}

impl Ord for Head {
    fn cmp(&self, other: &Self) -> Ordering {
        // The heap gives its greatest first: the least answer is the greatest head.
        order(&other.rec, &self.rec)
    }
}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Head {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Head {}

/// Reads the next answer of a run into `rec`; false at its end.
fn read_record(run: &mut BufReader<File>, rec: &mut Vec<u8>) -> Result<bool, BookError> {
    if run.fill_buf().map_err(|e| storage(&e))?.is_empty() {
        return Ok(false);
    }
    let mut len = [0; 4];
    run.read_exact(&mut len).map_err(|e| storage(&e))?;
    let len = u32::from_le_bytes(len) as usize;
    // Four texts of at most 65 535 bytes each and the fixed part: anything longer is not an
    // answer this module wrote, and is not allocated for.
    if len > FIXED + 4 * (2 + usize::from(u16::MAX)) {
        return Err(garbled());
    }
    rec.resize(len, 0);
    run.read_exact(rec).map_err(|e| storage(&e))?;
    Ok(true)
}

#[derive(Debug)]
enum Source {
    /// One run, never written out.
    Memory {
        buf: Vec<u8>,
        starts: Vec<usize>,
        at: usize,
    },
    /// Runs written out, merged.
    Runs {
        runs: Vec<BufReader<File>>,
        heads: BinaryHeap<Head>,
    },
}

/// The answers of a file from MPS in order of agreement, payer and place in the file.
#[derive(Debug)]
pub(crate) struct SortedAnswers {
    file_id: i64,
    count: u64,
    source: Source,
    /// The next answer, read ahead.
    next: Option<UnmatchedRow>,
}

impl SortedAnswers {
    /// How many answers there are.
    pub(crate) fn count(&self) -> u64 {
        self.count
    }

    /// Starts again from the first answer.
    pub(crate) fn rewind(&mut self) -> Result<(), BookError> {
        match &mut self.source {
            Source::Memory { at, .. } => *at = 0,
            Source::Runs { runs, heads } => {
                heads.clear();
                for (n, run) in runs.iter_mut().enumerate() {
                    run.rewind().map_err(|e| storage(&e))?;
                    let mut rec = Vec::new();
                    if read_record(run, &mut rec)? {
                        heads.push(Head { rec, run: n });
                    }
                }
            }
        }
        self.next = self.read()?;
        Ok(())
    }

    /// The agreement and payer of the next answer.
    pub(crate) fn peek_key(&self) -> Option<(u32, &str)> {
        self.next
            .as_ref()
            .map(|a| (a.agreement_id, a.payer.as_str()))
    }

    /// The next answer.
    pub(crate) fn pop(&mut self) -> Result<Option<UnmatchedRow>, BookError> {
        let next = self.read()?;
        Ok(std::mem::replace(&mut self.next, next))
    }

    fn read(&mut self) -> Result<Option<UnmatchedRow>, BookError> {
        match &mut self.source {
            Source::Memory { buf, starts, at } => {
                let Some(&start) = starts.get(*at) else {
                    return Ok(None);
                };
                *at += 1;
                decode(record_at(buf, start), self.file_id).map(Some)
            }
            Source::Runs { runs, heads } => {
                let Some(mut head) = heads.pop() else {
                    return Ok(None);
                };
                let answer = decode(&head.rec, self.file_id)?;
                if let Some(run) = runs.get_mut(head.run)
                    && read_record(run, &mut head.rec)?
                {
                    heads.push(head);
                }
                Ok(Some(answer))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn answer(k: u32) -> UnmatchedRow {
        UnmatchedRow {
            id: 0,
            file_id: 9,
            agreement_id: 1 + k % 3,
            // Payers of unequal lengths and letters beyond ASCII, ordered by their bytes.
            payer: ["00000000007", "Ø", "0000000002", "00000000010"][(k % 4) as usize].to_owned(),
            kid: format!("{k}"),
            amount_ore: i64::from(k) * 100 - 50_000,
            processing_date: date!(2026 - 02 - 20) + time::Duration::days(i64::from(k % 5)),
            error_code: k.is_multiple_of(7).then_some(252),
            short_name: "Ås".to_owned(),
            own_reference: format!("Faktura {k}"),
            candidates: 0,
        }
    }

    /// `n` answers pushed, in runs of 16 KiB (about 200 answers).
    fn sort_of(n: u32) -> AnswerSort {
        let mut sort = AnswerSort::new(9);
        sort.run_bytes = 16 << 10;
        for k in 0..n {
            sort.push(&answer(k)).unwrap();
        }
        sort
    }

    /// What the sort gives back of `n` answers, pushed then read; `rewound`, a second time.
    fn sorted(n: u32, rewound: bool) -> (u64, Vec<UnmatchedRow>) {
        let mut sorted = sort_of(n).finish().unwrap();
        if rewound {
            while sorted.pop().unwrap().is_some() {}
            sorted.rewind().unwrap();
        }
        let mut out = Vec::new();
        while let Some(key) = sorted.peek_key().map(|(a, p)| (a, p.to_owned())) {
            let a = sorted.pop().unwrap().unwrap();
            assert_eq!((a.agreement_id, a.payer.clone()), key);
            out.push(a);
        }
        (sorted.count(), out)
    }

    /// Every answer comes back whole, in order of agreement, payer's bytes and place in the
    /// file: from memory (a few) and from runs written out and merged (many), and again after a
    /// rewind.
    #[test]
    fn answers_come_back_whole_in_order_of_agreement_and_payer() {
        for (n, spilled) in [(50, false), (5_000, true)] {
            for rewound in [false, true] {
                let mut expected: Vec<(u32, UnmatchedRow)> =
                    (0..n).map(|k| (k, answer(k))).collect();
                expected.sort_by(|(i, a), (j, b)| {
                    (a.agreement_id, a.payer.as_bytes(), i).cmp(&(
                        b.agreement_id,
                        b.payer.as_bytes(),
                        j,
                    ))
                });
                let expected: Vec<UnmatchedRow> = expected.into_iter().map(|(_, a)| a).collect();
                let (count, got) = sorted(n, rewound);
                assert_eq!(count, u64::from(n));
                assert_eq!(got.len(), expected.len());
                assert!(got == expected, "{n} answers, rewound {rewound}");
                assert_eq!(!sort_of(n).runs.is_empty(), spilled);
            }
        }
    }

    /// A run whose record says it is longer than any answer is refused before anything is
    /// allocated for it.
    #[test]
    fn a_garbled_run_is_refused() {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&u32::MAX.to_le_bytes()).unwrap();
        let mut run = BufReader::new(file);
        run.rewind().unwrap();
        let mut rec = Vec::new();
        let err = read_record(&mut run, &mut rec).unwrap_err();
        assert!(err.to_string().contains("garbled"), "{err}");
        assert_eq!(rec.capacity(), 0);
    }

    #[test]
    fn no_answers_give_none() {
        let (count, got) = sorted(0, true);
        assert_eq!((count, got.len()), (0, 0));
    }
}
