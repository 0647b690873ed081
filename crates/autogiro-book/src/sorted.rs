//! Records sorted in bounded memory, whatever their number: runs of a few MiB
//! ([`Kind::RUN_BYTES`]) sorted in memory and written to unnamed temporary files (which the
//! system removes with the process, however it ends), then merged. Two kinds are sorted so:
//!
//! - The answers of a file from MPS ([`AnswerSort`]), in the order a round of matching reads
//!   its groups ([`crate::sql::Dialect::groups`]): by agreement, then payer (its bytes, as both
//!   backends order the groups), then the order the file holds them. The database sorted them
//!   before: every answer written to a temporary table, read back sorted beside the claims.
//!   `sqlite3` on a book of a million claims and their million answers: the groups' query took
//!   2.9-3.1 s with the answers in it, 1.1 s without (docs/performance.md).
//! - The own references of the claims waiting ([`OwnReferences`]), by agreement and own
//!   reference, to find those a file sent shares. The database grouped every claim waiting by
//!   its own reference before (docs/performance.md).

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufRead as _, BufReader, BufWriter, Read as _, Seek as _, Write as _};
use std::marker::PhantomData;

use time::Date;

use crate::BookError;
use crate::store::{SharedReference, UnmatchedRow};

/// The buffer each run is read through while the runs are merged: the 98 runs of ten million
/// answers take 3 MiB.
const READ_BUFFER: usize = 32 << 10;

/// A kind of record sorted apart: how its encoded bytes are ordered, and how long they can be.
trait Kind {
    /// The bytes of records a run holds in memory before it is sorted and written out.
    const RUN_BYTES: usize;
    /// What a record is called in errors.
    const WHAT: &'static str;
    /// The most bytes a record of this kind takes: a run's record that claims more is not one
    /// this module wrote, and nothing is allocated for it.
    const MAX_BYTES: usize;
    /// The order of two encoded records.
    fn order(a: &[u8], b: &[u8]) -> Ordering;
}

/// A record read back from a temporary file that is not one this module wrote.
fn garbled(what: &str) -> BookError {
    BookError::Storage(format!("{what} garbled in a temporary file"))
}

fn storage(what: &str, e: &std::io::Error) -> BookError {
    BookError::Storage(format!("a temporary file of {what} being sorted: {e}"))
}

/// `N` bytes of `rec` from `at`.
fn bytes<const N: usize>(rec: &[u8], at: usize) -> Option<[u8; N]> {
    rec.get(at..at + N)?.try_into().ok()
}

/// Appends `text` as its length (2 bytes, little-endian) and its bytes.
fn push_text(out: &mut Vec<u8>, text: &str) -> Result<(), BookError> {
    let len = u16::try_from(text.len())
        .map_err(|_| BookError::Storage(format!("a field of {} bytes to sort", text.len())))?;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(text.as_bytes());
    Ok(())
}

/// The record (without its length) that starts at `start` of `buf`.
fn record_at(buf: &[u8], start: usize) -> &[u8] {
    let len = bytes(buf, start).map_or(0, |b| u32::from_le_bytes(b) as usize);
    buf.get(start + 4..start + 4 + len).unwrap_or_default()
}

/// Records of kind `K` as they come, each with its length (4 bytes) before it;
/// [`Sort::finish`] sorts them.
#[derive(Debug)]
struct Sort<K> {
    /// The records of the run being filled.
    buf: Vec<u8>,
    /// Where each record of `buf` starts (a run is far less than 4 GiB).
    starts: Vec<u32>,
    /// The runs written out, each sorted.
    written: Vec<File>,
    /// [`Kind::RUN_BYTES`], but in tests.
    run_bytes: usize,
    kind: PhantomData<K>,
}

impl<K: Kind> Sort<K> {
    fn new() -> Self {
        Self {
            buf: Vec::new(),
            starts: Vec::new(),
            written: Vec::new(),
            run_bytes: K::RUN_BYTES,
            kind: PhantomData,
        }
    }

    /// Adds a record, which `encode` appends to the buffer it is handed.
    fn push(
        &mut self,
        encode: impl FnOnce(&mut Vec<u8>) -> Result<(), BookError>,
    ) -> Result<(), BookError> {
        let too_long = || BookError::Storage(format!("{} too long to sort", K::WHAT));
        let start = self.buf.len();
        // A run is far less than 4 GiB: it is written out once it holds `run_bytes`.
        let at = u32::try_from(start).map_err(|_| too_long())?;
        self.buf.extend_from_slice(&[0; 4]);
        let encoded = encode(&mut self.buf).and_then(|()| {
            let len = self.buf.len() - start - 4;
            u32::try_from(len)
                .ok()
                .filter(|_| len <= K::MAX_BYTES)
                .ok_or_else(too_long)
        });
        let len = match encoded {
            Ok(len) => len,
            Err(e) => {
                self.buf.truncate(start);
                return Err(e);
            }
        };
        if let Some(prefix) = self.buf.get_mut(start..start + 4) {
            prefix.copy_from_slice(&len.to_le_bytes());
        }
        self.starts.push(at);
        if self.buf.len() >= self.run_bytes {
            self.spill()?;
        }
        Ok(())
    }

    fn sort(&mut self) {
        let buf = &self.buf;
        self.starts.sort_unstable_by(|&a, &b| {
            K::order(record_at(buf, a as usize), record_at(buf, b as usize))
        });
    }

    /// Sorts the run in memory and writes it out.
    fn spill(&mut self) -> Result<(), BookError> {
        self.sort();
        let file = tempfile::tempfile().map_err(|e| storage(K::WHAT, &e))?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        for &start in &self.starts {
            let start = start as usize;
            let len = record_at(&self.buf, start).len() + 4;
            let rec = self.buf.get(start..start + len).unwrap_or_default();
            out.write_all(rec).map_err(|e| storage(K::WHAT, &e))?;
        }
        let file = out.into_inner().map_err(|e| storage(K::WHAT, e.error()))?;
        self.written.push(file);
        self.buf.clear();
        self.starts.clear();
        Ok(())
    }

    /// The records, sorted, from the first.
    fn finish(mut self) -> Result<Merged<K>, BookError> {
        let mut merged = if self.written.is_empty() {
            self.sort();
            Merged::Memory {
                buf: self.buf,
                starts: self.starts,
                at: 0,
            }
        } else {
            if !self.starts.is_empty() {
                self.spill()?;
            }
            let runs = self
                .written
                .into_iter()
                .map(|f| BufReader::with_capacity(READ_BUFFER, f))
                .collect();
            Merged::Runs {
                runs,
                heads: BinaryHeap::new(),
                current: Vec::new(),
            }
        };
        merged.rewind()?;
        Ok(merged)
    }
}

/// The next record of a run, first in the merge's heap when it is the least.
#[derive(Debug)]
struct Head<K> {
    rec: Vec<u8>,
    run: usize,
    kind: PhantomData<K>,
}

impl<K: Kind> Ord for Head<K> {
    fn cmp(&self, other: &Self) -> Ordering {
        // The heap gives its greatest first: the least record is the greatest head.
        K::order(&other.rec, &self.rec)
    }
}

impl<K: Kind> PartialOrd for Head<K> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<K: Kind> PartialEq for Head<K> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<K: Kind> Eq for Head<K> {}

/// Reads the next record of a run into `rec`; false at its end.
fn read_record<K: Kind>(run: &mut BufReader<File>, rec: &mut Vec<u8>) -> Result<bool, BookError> {
    if run.fill_buf().map_err(|e| storage(K::WHAT, &e))?.is_empty() {
        return Ok(false);
    }
    let mut len = [0; 4];
    run.read_exact(&mut len).map_err(|e| storage(K::WHAT, &e))?;
    let len = u32::from_le_bytes(len) as usize;
    if len > K::MAX_BYTES {
        return Err(garbled(K::WHAT));
    }
    rec.resize(len, 0);
    run.read_exact(rec).map_err(|e| storage(K::WHAT, &e))?;
    Ok(true)
}

/// Records of kind `K` in order.
#[derive(Debug)]
enum Merged<K> {
    /// One run, never written out.
    Memory {
        buf: Vec<u8>,
        starts: Vec<u32>,
        at: usize,
    },
    /// Runs written out, merged.
    Runs {
        runs: Vec<BufReader<File>>,
        heads: BinaryHeap<Head<K>>,
        /// The record last given.
        current: Vec<u8>,
    },
}

impl<K: Kind> Merged<K> {
    /// Starts again from the first record.
    fn rewind(&mut self) -> Result<(), BookError> {
        match self {
            Self::Memory { at, .. } => *at = 0,
            Self::Runs { runs, heads, .. } => {
                heads.clear();
                for (n, run) in runs.iter_mut().enumerate() {
                    run.rewind().map_err(|e| storage(K::WHAT, &e))?;
                    let mut rec = Vec::new();
                    if read_record::<K>(run, &mut rec)? {
                        heads.push(Head {
                            rec,
                            run: n,
                            kind: PhantomData,
                        });
                    }
                }
            }
        }
        Ok(())
    }

    /// The next record.
    fn next(&mut self) -> Result<Option<&[u8]>, BookError> {
        match self {
            Self::Memory { buf, starts, at } => {
                let Some(&start) = starts.get(*at) else {
                    return Ok(None);
                };
                *at += 1;
                Ok(Some(record_at(buf, start as usize)))
            }
            Self::Runs {
                runs,
                heads,
                current,
            } => {
                let Some(mut head) = heads.pop() else {
                    return Ok(None);
                };
                // The head's buffer is given; the one given before takes the run's next.
                std::mem::swap(current, &mut head.rec);
                if let Some(run) = runs.get_mut(head.run)
                    && read_record::<K>(run, &mut head.rec)?
                {
                    heads.push(head);
                }
                Ok(Some(current))
            }
        }
    }
}

/// Answers, as [`AnswerSort`] sorts them.
#[derive(Debug)]
struct Answers;

/// An answer encoded: agreement (4 bytes), order in the file (8), amount (8), date as a Julian
/// day (4), error code (2) and whether there is one (1), then payer, KID, short name and own
/// reference, each as its length (2 bytes) and its bytes. Little-endian.
const FIXED: usize = 27;

impl Kind for Answers {
    /// A million answers (about 80 bytes each) make 10 runs.
    const RUN_BYTES: usize = 8 << 20;
    const WHAT: &'static str = "an answer";
    /// The fixed part and four texts of at most 65 535 bytes each.
    const MAX_BYTES: usize = FIXED + 4 * (2 + u16::MAX as usize);

    /// By agreement, payer, order in the file.
    fn order(a: &[u8], b: &[u8]) -> Ordering {
        answer_key(a).cmp(&answer_key(b))
    }
}

/// Appends `a`, the `seq`-th answer of the file, encoded.
fn encode(out: &mut Vec<u8>, seq: u64, a: &UnmatchedRow) -> Result<(), BookError> {
    out.extend_from_slice(&a.agreement_id.to_le_bytes());
    out.extend_from_slice(&seq.to_le_bytes());
    out.extend_from_slice(&a.amount_ore.to_le_bytes());
    out.extend_from_slice(&a.processing_date.to_julian_day().to_le_bytes());
    out.extend_from_slice(&a.error_code.unwrap_or(0).to_le_bytes());
    out.push(u8::from(a.error_code.is_some()));
    for text in [&a.payer, &a.kid, &a.short_name, &a.own_reference] {
        push_text(out, text)?;
    }
    Ok(())
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
fn answer_key(rec: &[u8]) -> Option<(u32, &[u8], u64)> {
    Some((
        u32::from_le_bytes(bytes(rec, 0)?),
        text(rec, 0)?,
        u64::from_le_bytes(bytes(rec, 4)?),
    ))
}

/// The answer encoded in `rec`, of file `file_id`.
fn decode(rec: &[u8], file_id: i64) -> Result<UnmatchedRow, BookError> {
    let garbled = || garbled(Answers::WHAT);
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

/// The answers of a file from MPS as they are read; [`AnswerSort::finish`] sorts them.
#[derive(Debug)]
pub(crate) struct AnswerSort {
    file_id: i64,
    runs: Sort<Answers>,
    count: u64,
}

impl AnswerSort {
    /// No answers yet, of file `file_id`.
    pub(crate) fn new(file_id: i64) -> Self {
        Self {
            file_id,
            runs: Sort::new(),
            count: 0,
        }
    }

    /// Adds the next answer of the file.
    pub(crate) fn push(&mut self, a: &UnmatchedRow) -> Result<(), BookError> {
        let seq = self.count;
        self.runs.push(|out| encode(out, seq, a))?;
        self.count += 1;
        Ok(())
    }

    /// The answers, sorted.
    pub(crate) fn finish(self) -> Result<SortedAnswers, BookError> {
        let mut sorted = SortedAnswers {
            file_id: self.file_id,
            count: self.count,
            merged: self.runs.finish()?,
            next: None,
        };
        sorted.next = sorted.read()?;
        Ok(sorted)
    }
}

/// The answers of a file from MPS in order of agreement, payer and place in the file.
#[derive(Debug)]
pub(crate) struct SortedAnswers {
    file_id: i64,
    count: u64,
    merged: Merged<Answers>,
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
        self.merged.rewind()?;
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
        let file_id = self.file_id;
        self.merged
            .next()?
            .map(|rec| decode(rec, file_id))
            .transpose()
    }
}

/// Own references, as [`OwnReferences`] sorts them.
#[derive(Debug)]
struct Own;

impl Kind for Own {
    /// Half an answer's: an own reference is held while the claims go in, beside the page
    /// cache at its fullest. A million of about 20 bytes make 5 runs.
    const RUN_BYTES: usize = 4 << 20;
    const WHAT: &'static str = "an own reference";
    /// The agreement, the mark, and an own reference of at most 25 characters of ISO-8859-1
    /// (50 bytes of UTF-8); room to spare.
    const MAX_BYTES: usize = 5 + 4 * 25;

    /// By agreement, then own reference's bytes (after the agreement and the mark).
    fn order(a: &[u8], b: &[u8]) -> Ordering {
        (a.get(..4), a.get(5..)).cmp(&(b.get(..4), b.get(5..)))
    }
}

/// The non-blank own references of claims waiting, each of its agreement and marked when it
/// is of the file sent being imported; [`OwnReferences::shared`] finds those the file shares.
/// Encoded as the agreement (4 bytes, big-endian), the mark (1) and the reference's bytes.
#[derive(Debug)]
pub(crate) struct OwnReferences {
    runs: Sort<Own>,
}

impl OwnReferences {
    pub(crate) fn new() -> Self {
        Self { runs: Sort::new() }
    }

    /// Adds the own reference `own` of a claim waiting in agreement `agreement_id`, of the
    /// file being imported when `of_file`.
    pub(crate) fn push(
        &mut self,
        agreement_id: u32,
        own: &str,
        of_file: bool,
    ) -> Result<(), BookError> {
        self.runs.push(|out| {
            out.extend_from_slice(&agreement_id.to_be_bytes());
            out.push(u8::from(of_file));
            out.extend_from_slice(own.as_bytes());
            Ok(())
        })
    }

    /// The own references held by more than one claim, one of them of the file: how many
    /// there are, and the `first` of them, in order of agreement and own reference's bytes.
    pub(crate) fn shared(self, first: usize) -> Result<(u64, Vec<SharedReference>), BookError> {
        let mut merged = self.runs.finish()?;
        let (mut count, mut shown) = (0u64, Vec::new());
        // The group being read: its first record, its claims, whether one is the file's.
        let (mut key, mut claims, mut of_file) = (Vec::new(), 0u64, false);
        loop {
            let rec = merged.next()?;
            if let Some(rec) = rec
                && claims > 0
                && Own::order(&key, rec) == Ordering::Equal
            {
                claims += 1;
                of_file |= rec.get(4) == Some(&1);
                continue;
            }
            if claims > 1 && of_file {
                count += 1;
                if shown.len() < first {
                    shown.push(shared_reference(&key, claims)?);
                }
            }
            let Some(rec) = rec else {
                return Ok((count, shown));
            };
            key.clear();
            key.extend_from_slice(rec);
            (claims, of_file) = (1, rec.get(4) == Some(&1));
        }
    }
}

/// The own reference encoded in `key`, held by `claims` claims waiting.
fn shared_reference(key: &[u8], claims: u64) -> Result<SharedReference, BookError> {
    let garbled = || garbled(Own::WHAT);
    Ok(SharedReference {
        agreement_id: u32::from_be_bytes(bytes(key, 0).ok_or_else(garbled)?),
        own_reference: key
            .get(5..)
            .and_then(|t| std::str::from_utf8(t).ok())
            .ok_or_else(garbled)?
            .to_owned(),
        claims,
    })
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
        sort.runs.run_bytes = 16 << 10;
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
                assert_eq!(!sort_of(n).runs.written.is_empty(), spilled);
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
        let err = read_record::<Answers>(&mut run, &mut rec).unwrap_err();
        assert!(err.to_string().contains("garbled"), "{err}");
        assert_eq!(rec.capacity(), 0);
    }

    /// The own references shared, as the database grouped them before: the claims waiting
    /// grouped by agreement and own reference's bytes, those of more than one claim with one
    /// of the file.
    fn shared_by_grouping(refs: &[(u32, String, bool)]) -> Vec<(u32, String, u64)> {
        let mut groups: std::collections::BTreeMap<(u32, Vec<u8>), (u64, bool)> =
            std::collections::BTreeMap::new();
        for (agreement, own, of_file) in refs {
            let group = groups
                .entry((*agreement, own.as_bytes().to_vec()))
                .or_default();
            group.0 += 1;
            group.1 |= of_file;
        }
        groups
            .into_iter()
            .filter(|(_, (claims, of_file))| *claims > 1 && *of_file)
            .map(|((a, own), (claims, _))| (a, String::from_utf8(own).unwrap(), claims))
            .collect()
    }

    /// Own references of unequal lengths, one the start of another, beyond ASCII, in three
    /// agreements, of the file and not: those shared are found as grouping finds them, each
    /// counted, the first few shown; from memory and from runs written out.
    #[test]
    fn own_references_shared_are_those_grouping_finds() {
        let words = ["A", "AB", "Ø", "B", "Faktura 1", "Faktura 10", "Å", "Z"];
        for n in [40u32, 20_000] {
            let refs: Vec<(u32, String, bool)> = (0..n)
                .map(|k| {
                    // Claims 24 apart share agreement and word; a number tells a few apart.
                    let word = words[(k / 3 % 8) as usize];
                    let number = if n > 1_000 {
                        format!(" {}", k / 24 % (n / 100))
                    } else {
                        String::new()
                    };
                    (k % 3, format!("{word}{number}"), k % 5 == 0)
                })
                .collect();
            let mut own = OwnReferences::new();
            own.runs.run_bytes = 16 << 10;
            for (agreement, reference, of_file) in &refs {
                own.push(*agreement, reference, *of_file).unwrap();
            }
            assert_eq!(!own.runs.written.is_empty(), n > 1_000);
            let expected = shared_by_grouping(&refs);
            assert!(!expected.is_empty());
            assert_eq!(
                expected.len() > 20,
                n > 1_000,
                "some shown, the rest counted"
            );
            let (count, shown) = own.shared(20).unwrap();
            assert_eq!(count, expected.len() as u64, "{n}");
            let shown: Vec<(u32, String, u64)> = shown
                .into_iter()
                .map(|r| (r.agreement_id, r.own_reference, r.claims))
                .collect();
            assert_eq!(shown, expected[..expected.len().min(20)], "{n}");
        }
    }

    /// A record longer than its kind's is refused, and leaves nothing of itself behind.
    #[test]
    fn a_record_too_long_is_refused_whole() {
        let mut own = OwnReferences::new();
        own.push(1, "A", true).unwrap();
        let held = own.runs.buf.len();
        let err = own.push(1, &"Å".repeat(60), false).unwrap_err();
        assert!(err.to_string().contains("too long to sort"), "{err}");
        assert_eq!((own.runs.buf.len(), own.runs.starts.len()), (held, 1));
        own.push(1, "A", false).unwrap();
        let (count, shown) = own.shared(20).unwrap();
        assert_eq!(count, 1);
        assert_eq!((shown[0].own_reference.as_str(), shown[0].claims), ("A", 2));
    }

    #[test]
    fn no_own_references_share_nothing() {
        assert_eq!(OwnReferences::new().shared(20).unwrap(), (0, Vec::new()));
    }

    #[test]
    fn no_answers_give_none() {
        let (count, got) = sorted(0, true);
        assert_eq!((count, got.len()), (0, 0));
    }
}
