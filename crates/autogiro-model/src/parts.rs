//! [`Transmission::read_in_parts`]: a file of any size read into the model a part at a time,
//! for a consumer (the book) that stores each part and keeps nothing.

use std::io::BufRead;
use std::ops::ControlFlow;

use autogiro_format::Reader;

use crate::assemble::Assembler;
use crate::{Assignment, Diagnostic, Pass, ReadOptions, Transmission, step};

/// A part of an assignment, handed on by [`Transmission::read_in_parts`] in file order.
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    /// The assignment with the items of this part only: its header and kind as read. The date
    /// MPS made it (settled and rejected claims, record 20's end) is in the last part alone;
    /// earlier parts have [`time::Date::MIN`] there.
    pub assignment: &'a Assignment,
    /// Whether this is the assignment's first part.
    pub first: bool,
    /// Whether this is its last (its end record read, or the input ended).
    pub last: bool,
}

/// What [`Transmission::read_in_parts`] found besides the parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartsRead {
    /// The transmission's start and end (record 10, and MPS's date of record 89), with no
    /// assignments: those were handed on.
    pub transmission: Transmission,
    /// How many errors the rules found (warnings are not counted).
    pub errors: usize,
    /// The first of them.
    pub first_error: Option<Diagnostic>,
    /// The number of lines read.
    pub lines: u64,
}

impl Transmission {
    /// Reads a file of any size into the model a part at a time, checking every rule as
    /// [`Transmission::read`] does for its errors (warnings are neither counted nor looked for
    /// where that would hold the file: a payer reference registered twice in a mandates
    /// assignment, [decision 35](docs/spec-decisions.md#decision-35)): each assignment is handed to `each` in parts of at most
    /// `items` items (at least one), in file order, each item whole (a claim with its
    /// specification lines, a mandate with its posts), and dropped after. Memory stays bounded
    /// whatever the file's size. `each` also gets the transmission read so far (its start).
    ///
    /// The parts are what can be represented of the file, as [`Transmission::read`]'s model:
    /// when [`PartsRead::errors`] is not 0 they are incomplete, and an error can be found after
    /// parts were handed on (a count in an end record), so a consumer that stores them does so
    /// in a transaction it undoes then, or checks the file first with [`crate::validate`]
    /// (constant memory, and faster).
    ///
    /// # Errors
    ///
    /// The first error `each` returns: reading stops there.
    ///
    /// ```
    /// use autogiro_checksum::AccountNumber;
    /// use autogiro_model::{
    ///     payer_reference, Amount, Assignment, AssignmentHeader, Claim, ClaimsAssignment,
    ///     ReadOptions, Transmission,
    /// };
    /// use time::macros::date;
    ///
    /// let account = AccountNumber::parse("1234.56.78903")?;
    /// let mut claims = ClaimsAssignment::new(AssignmentHeader::new(56789, 1, account));
    /// for payer in ["101", "102", "103", "104", "105"] {
    ///     let amount = Amount::from_ore(100_00)?;
    ///     let claim = Claim::new(date!(2026 - 01 - 15), payer_reference(payer)?, amount);
    ///     claims.push(claim.with_short_name("Nordmann")?)?;
    /// }
    /// let mut transmission = Transmission::to_mps(12345, 17);
    /// transmission.push(claims)?;
    /// let mut file = Vec::new();
    /// transmission.write(&mut file)?;
    ///
    /// let mut parts = Vec::new();
    /// let read = Transmission::read_in_parts(&file[..], &ReadOptions::new(), 2, |_, part| {
    ///     parts.push((part.assignment.len(), part.first, part.last));
    ///     Ok::<(), std::convert::Infallible>(())
    /// })?;
    /// assert_eq!(parts, [(2, true, false), (2, false, false), (1, false, true)]);
    /// assert_eq!((read.errors, read.transmission.sender), (0, 12345));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_in_parts<R: BufRead, E>(
        input: R,
        options: &ReadOptions,
        items: usize,
        mut each: impl FnMut(&Transmission, Part<'_>) -> Result<(), E>,
    ) -> Result<PartsRead, E> {
        let items = items.max(1);
        let mut assembler = Assembler::new(options.direction.unwrap_or_default());
        let mut pass = Pass::new(Reader::new(input), options);
        pass.checker.count_errors_only();
        let mut errors = Errors::default();
        let mut handed = false;
        let mut failed = None;
        let Pass { reader, checker } = &mut pass;
        reader.each(|ctx, item| {
            let flow = step(
                checker,
                ctx.direction,
                item,
                &mut |record, direction, checker| {
                    match record {
                        Some((line, record)) => assembler.record(line, record, direction),
                        None => assembler.bad_line(),
                    }
                    if checker.has_diagnostics() {
                        errors.count(checker.take_diagnostics());
                    }
                    if let Err(e) = assembler.hand_parts(items, &mut handed, &mut each) {
                        failed = Some(e);
                    }
                },
            );
            if failed.is_some() {
                ControlFlow::Break(())
            } else {
                flow
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        let lines = pass.finish(|_, _, checker| errors.count(checker.take_diagnostics()));
        let transmission = assembler.finish_parts(&mut handed, &mut each)?;
        Ok(PartsRead {
            transmission,
            errors: errors.count,
            first_error: errors.first,
            lines,
        })
    }
}

/// The errors of a read in parts: how many, and the first.
#[derive(Debug, Default)]
struct Errors {
    count: usize,
    first: Option<Diagnostic>,
}

impl Errors {
    fn count(&mut self, found: Vec<Diagnostic>) {
        for d in found.into_iter().filter(Diagnostic::is_error) {
            self.count += 1;
            self.first.get_or_insert(d);
        }
    }
}
