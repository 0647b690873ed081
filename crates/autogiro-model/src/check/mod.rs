//! Every cross-record rule of the specification, checked record by record with counters only:
//! the one implementation behind both `Transmission::read` and the streaming `validate`.
//!
//! One `Checker` and one file per rule family: the envelope (`envelope.rs`: assignment and
//! transmission starts and ends, numbering, counters, sums, dates), claims (`claims.rs`) and
//! mandates (`mandates.rs`); this file holds the state and the dispatch of each record.
//!
//! The checker keeps the state of the current transmission, assignment, claim and mandate, and
//! nothing of what came before them, so memory stays constant whatever the file's size.

mod avtalegiro;
mod claims;
mod envelope;
mod mandates;
mod ocr;

use std::collections::HashMap;

use time::Date;

use autogiro_format::{
    AssignmentType, ClaimType, ClaimsEnd, ClaimsEndFromMps, Direction, ErrorCode, Field,
    MandateType, OcrAssignmentEnd, Record, RecordError, RegistrationType, RejectedItem2,
    Specification,
};

use crate::limits::Tally;
use crate::pairing::{self, Items};
pub(crate) use crate::said::checksum_said;
use crate::said::{Said, said};
use crate::{AssignmentKind, Code, Diagnostic, Edition, KidCheck, ReadOptions, Severity};

/// An amount item 1 waiting for its item 2.
#[derive(Debug, Clone, Copy)]
struct Pending {
    line: u64,
    record_type: u8,
    claim_type: ClaimType,
    number: u32,
}

/// The last complete claim, which specification records attach to.
#[derive(Debug, Clone, Copy)]
struct ClaimState {
    claim_type: ClaimType,
    number: u32,
    specifications: u32,
    /// One bit per line and column: bit `(line - 1) * 2 + (column - 1)`.
    places: u64,
}

/// The mandate whose posts are being read.
#[derive(Debug, Clone, Copy)]
struct MandateState {
    line: u64,
    sequence: u32,
    mandate_type: MandateType,
    registration: RegistrationType,
    /// The record types of the posts after post 1, in order.
    posts: &'static [u8],
    /// How many of `posts` have been read.
    next: usize,
    /// How many of `posts` the mandate must have.
    required: usize,
    edition_reported: bool,
}

/// Whose numbering an assignment number is in: an agreement's (Autogiro, OCR giro), or the
/// account's (AvtaleGiro, whose assignment start has no agreement id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Party {
    Agreement(u32),
    Account(autogiro_format::Digits<11>),
}

/// The open assignment.
#[derive(Debug)]
struct Open {
    /// `None` for an assignment whose start could not be read: any record is let through.
    kind: Option<AssignmentKind>,
    assignment_type: AssignmentType,
    line: u64,
    tally: Tally,
    /// The transaction or sequence number the next item 1 or post 1 must have.
    next_number: u32,
    /// A line of the assignment could not be read: its totals cannot be checked.
    damaged: bool,
    /// A line could not be read: skip order checks until the next item 1 or post 1.
    resync: bool,
    /// The item 1 waiting for its item 2 ([`Items`]).
    pending: Items<Pending>,
    claim: Option<ClaimState>,
    mandate: Option<MandateState>,
    /// The OCR giro transaction being read, and what came before it in the assignment.
    ocr: ocr::OcrOpen,
    /// The AvtaleGiro claim or mandate being read, and what came before it.
    avtale: avtalegiro::AvtaleOpen,
}

/// Where a finding points: the columns of a field (or of neighbouring fields) and the name its
/// message gives them, from the layouts of `autogiro-format`.
#[derive(Debug, Clone, Copy)]
struct Place {
    columns: (usize, usize),
    field: &'static str,
}

impl From<&Field> for Place {
    fn from(field: &Field) -> Self {
        Self {
            columns: field.columns(),
            field: field.name,
        }
    }
}

impl Place {
    /// From the first column of `first` to the last of `last`, named `name`.
    const fn across(first: &Field, last: &Field, name: &'static str) -> Self {
        Self {
            columns: (first.first, last.last),
            field: name,
        }
    }

    /// The columns of `field` under the name `name`.
    const fn named(field: &Field, name: &'static str) -> Self {
        Self {
            columns: field.columns(),
            field: name,
        }
    }
}

/// The first and last dates an assignment end declares, with their fields.
#[derive(Debug, Clone, Copy)]
struct DeclaredDates {
    first_field: &'static Field,
    first: Option<Date>,
    last_field: &'static Field,
    last: Option<Date>,
}

/// What the transmission end declares, counted.
#[derive(Debug, Default)]
struct TransmissionTally {
    records: u64,
    claims: u64,
    mandates: u64,
    claim_sum: u128,
    limit_sum: u128,
    /// The amounts of credits (OCR giro's sign `-`), which count negative (decision O2).
    credit: u128,
    first_date: Option<Date>,
}

/// The rule checker. Feed it every line's record (or record error) in order, then call
/// [`Checker::finish`].
#[derive(Debug)]
#[allow(clippy::struct_excessive_bools)] // Independent flags of the transmission's state.
pub(crate) struct Checker {
    edition: Edition,
    kid: KidCheck,
    today: Option<Date>,
    /// The first and last due dates allowed (12 months either side of `today`).
    window: Option<(Date, Date)>,
    diagnostics: Vec<Diagnostic>,
    lines: u64,
    started: bool,
    start_reported: bool,
    ended: bool,
    after_end_reported: bool,
    too_many_reported: bool,
    /// A line could not be read: the transmission's totals cannot be checked.
    damaged: bool,
    tx: TransmissionTally,
    /// The assignment number of the last OCR giro assignment, which the next must pass
    /// (decision O5).
    ocr_assignment: Option<u32>,
    /// Each assignment's agreement id and assignment number, with the line of its start, to
    /// find a number used twice in one transmission
    /// ([decision 23](docs/spec-decisions.md#decision-23)). One entry per assignment.
    assignment_numbers: HashMap<(Party, u32), u64>,
    /// Whether an assignment other than AvtaleGiro's mandates was opened: a transmission
    /// from MPS of those alone may leave its date zeros (decision A8).
    dated: bool,
    /// In the mandates assignment being read, each payer reference and registration type
    /// (packed, [`registration_key`]) with the line of its post 1, to find one registered
    /// twice ([decision 35](docs/spec-decisions.md#decision-35)): 17 bytes a mandate of the
    /// assignment in the map (a million mandates: 84 MiB for `validate` when a key was a pair
    /// and the line 64 bits), nothing for claims. Emptied at each assignment start; kept out of
    /// `Open`, whose replacement at every record would otherwise run a map's drop check.
    registered: HashMap<u64, u32>,
    /// Whether `registered` is kept: not in a pass that counts errors alone
    /// ([`Checker::count_errors_only`]), for whom the warning would be thrown away.
    find_registered_twice: bool,
    /// Boxed: every transaction record takes it out and puts it back, which moves a pointer
    /// rather than the whole state.
    open: Option<Box<Open>>,
}

/// A mandate post by its record type: `post 3 (record 72)`.
fn post_name(record_type: u8) -> String {
    let post = match record_type {
        71 => 2,
        72 => 3,
        73 | 74 => 4,
        76 => 5,
        _ => 1,
    };
    format!("post {post} (record {record_type})")
}

/// `a`, `a and b`, `a, b and c` (`og` in bokmål).
fn and_list(items: &[String]) -> Said {
    match items {
        [] => Said::plain(""),
        [one] => Said::plain(one),
        [init @ .., last] => Said::new("list.and")
            .with("init", init.join(", "))
            .with("last", last),
    }
}

/// What an assignment holds, with its type code (`rejected claims (type 25)`), or an unknown
/// type.
fn kind_said(kind: Option<AssignmentKind>) -> Said {
    let Some(kind) = kind else {
        return Said::new("kind.unknown");
    };
    Said::new("kind.typed")
        .with_words("kind", Said::new(kind.key()))
        .with("type", kind.type_code())
}

/// Formats øre as NOK for messages.
fn nok(ore: u128) -> String {
    format!("{}.{:02}", ore / 100, ore % 100)
}

fn date_text(d: Option<Date>) -> Said {
    match d {
        Some(d) => Said::plain(d),
        None => Said::new("date.none"),
    }
}

impl Checker {
    pub(crate) fn new(options: &ReadOptions) -> Self {
        Self {
            edition: options.edition,
            kid: options.kid,
            today: options.today,
            window: options.due_date_window(),
            diagnostics: Vec::new(),
            lines: 0,
            started: false,
            start_reported: false,
            ended: false,
            after_end_reported: false,
            too_many_reported: false,
            damaged: false,
            tx: TransmissionTally::default(),
            ocr_assignment: None,
            assignment_numbers: HashMap::new(),
            dated: false,
            registered: HashMap::new(),
            find_registered_twice: true,
            open: None,
        }
    }

    /// For a pass whose caller counts errors alone (`Transmission::read_in_parts`, the second
    /// reading of a file a book imports after `validate_each` reported everything): the
    /// mandates registered are not kept to find one registered twice, a warning, which would
    /// otherwise hold every mandate of the assignment a second time.
    pub(crate) fn count_errors_only(&mut self) {
        self.find_registered_twice = false;
    }

    /// Adds a diagnostic found outside the checker (an I/O error).
    pub(crate) fn push_diagnostic(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// Whether diagnostics are waiting to be taken.
    pub(crate) fn has_diagnostics(&self) -> bool {
        !self.diagnostics.is_empty()
    }

    /// The diagnostics so far, taken out.
    pub(crate) fn take_diagnostics(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.diagnostics)
    }

    fn push(
        &mut self,
        severity: Severity,
        code: Code,
        line: u64,
        record_type: u8,
        place: Option<Place>,
        said: Said,
    ) {
        self.diagnostics.push(Diagnostic::new(
            severity,
            code,
            line,
            (
                place.map(|p| p.columns),
                Some(record_type),
                place.map(|p| p.field),
            ),
            said,
        ));
    }

    /// A diagnostic about a field (or neighbouring fields) of a record.
    fn at_field(
        &mut self,
        severity: Severity,
        code: Code,
        line: u64,
        record_type: u8,
        place: impl Into<Place>,
        said: Said,
    ) {
        self.push(severity, code, line, record_type, Some(place.into()), said);
    }

    /// An error about a whole record.
    fn record_error(&mut self, code: Code, line: u64, record_type: u8, said: Said) {
        self.push(Severity::Error, code, line, record_type, None, said);
    }

    /// The line endings the file's lines had: CR LF and LF alone in one file is a warning
    /// ([decision 34](docs/spec-decisions.md#decision-34)), on the first line.
    pub(crate) fn line_endings(&mut self, (crlf, lf): (u64, u64)) {
        if crlf > 0 && lf > 0 && self.started {
            self.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                Code::MixedLineEndings,
                1,
                (None, None, None),
                said!("diag.mixed-line-endings", crlf = crlf, lf = lf),
            ));
        }
    }

    /// A warning about a whole record.
    fn record_warning(&mut self, code: Code, line: u64, record_type: u8, said: Said) {
        self.push(Severity::Warning, code, line, record_type, None, said);
    }

    /// A line that could not be read as a record.
    pub(crate) fn bad_line(&mut self, line: u64, error: &RecordError) {
        self.lines = line;
        self.diagnostics
            .push(Diagnostic::from_record_error(line, error));
        if matches!(error.kind, autogiro_format::ErrorKind::EmptyLine) {
            return;
        }
        // Guess what the line meant to be from positions 7-8, to keep framing in step.
        let guessed = error.record_type.or_else(|| {
            let b = error.found.get(6..8)?;
            std::str::from_utf8(b).ok()?.parse().ok()
        });
        if !self.started {
            self.started = true;
            if guessed == Some(10) {
                self.tx.records += 1;
                return;
            }
        }
        if self.ended {
            return;
        }
        self.tx.records += 1;
        self.damaged = true;
        match guessed {
            Some(88) => {
                if let Some(open) = &mut self.open {
                    open.tally.records += 1;
                }
                self.open = None;
            }
            Some(89) => {
                self.open = None;
                self.ended = true;
            }
            Some(20) => {
                // An assignment start that could not be read still opens an assignment.
                self.open = Some(Box::new(Open {
                    kind: None,
                    assignment_type: AssignmentType::Claims,
                    line,
                    tally: Tally {
                        records: 1,
                        ..Tally::default()
                    },
                    next_number: 1,
                    damaged: true,
                    resync: true,
                    pending: Items::default(),
                    claim: None,
                    mandate: None,
                    ocr: ocr::OcrOpen::default(),
                    avtale: avtalegiro::AvtaleOpen::default(),
                }));
            }
            _ => {
                if let Some(open) = &mut self.open {
                    open.tally.records += 1;
                    open.damaged = true;
                    open.resync = true;
                    open.pending.other();
                    open.claim = None;
                    open.mandate = None;
                }
            }
        }
    }

    /// A record read from `line` of a file in `direction`.
    ///
    /// The common case, a transaction record (an item, a specification, a mandate post)
    /// inside a started transmission, is taken here, in line in the loop over records; every
    /// other record, and every report, out of line ([`Checker::envelope_record`]).
    #[inline(always)]
    #[allow(clippy::inline_always)] // Into each loop over records (`step`): see above.
    pub(crate) fn record(&mut self, line: u64, record: &Record, direction: Direction) {
        if self.started && !self.ended && !is_envelope(record) {
            self.lines = line;
            self.tx.records += 1;
            self.transaction(line, record, direction);
        } else {
            self.envelope_record(line, record, direction);
        }
    }

    /// [`Checker::record`] of any record: the transmission's and assignments' starts and
    /// ends, and whatever comes before the start or after the end.
    #[inline(never)]
    fn envelope_record(&mut self, line: u64, record: &Record, direction: Direction) {
        self.lines = line;
        // The record type only words an error: taken where one is.
        if let Record::TransmissionStart(start) = record {
            if self.ended {
                self.after_end(line, record.record_type());
            } else if self.started {
                self.record_error(
                    Code::DuplicateTransmissionStart,
                    line,
                    10,
                    said!("diag.duplicate-transmission-start"),
                );
            } else {
                self.started = true;
                self.tx.records += 1;
                self.payee_id(line, start, direction);
            }
            return;
        }
        if !self.started && !self.start_reported {
            let record_type = record.record_type();
            self.start_reported = true;
            // Read on as if it had started, so that one missing record is one error.
            self.started = true;
            self.record_error(
                Code::MissingTransmissionStart,
                line,
                record_type,
                said!(
                    "diag.missing-transmission-start",
                    record = format!("{record_type:02}")
                ),
            );
        }
        if self.ended {
            self.after_end(line, record.record_type());
            return;
        }
        self.tx.records += 1;
        match record {
            Record::AssignmentStart(start) => self.start_assignment(line, start, direction),
            Record::OcrAssignmentStart(start) => self.start_ocr(line, start),
            Record::AvtaleGiroAssignmentStart(start) => self.start_avtale(line, start, direction),
            Record::AvtaleGiroClaimsEnd(end) => self.end_avtale_claims(line, end),
            Record::AvtaleGiroMandatesEnd(end) => self.end_avtale_mandates(line, end),
            Record::OcrAssignmentEnd(end) => {
                let dates = Some(DeclaredDates {
                    first_field: &OcrAssignmentEnd::FIRST_DATE,
                    first: end.first_date,
                    last_field: &OcrAssignmentEnd::LAST_DATE,
                    last: end.last_date,
                });
                self.end_assignment(line, AssignmentType::Claims, &end.totals, dates);
            }
            Record::ClaimsEnd(end) => {
                let dates = Some(DeclaredDates {
                    first_field: &ClaimsEnd::FIRST_DUE_DATE,
                    first: end.first_due_date,
                    last_field: &ClaimsEnd::LAST_DUE_DATE,
                    last: end.last_due_date,
                });
                self.end_assignment(line, AssignmentType::Claims, &end.totals, dates);
            }
            Record::ClaimsEndFromMps(end) => {
                let dates = Some(DeclaredDates {
                    first_field: &ClaimsEndFromMps::FIRST_DATE,
                    first: end.first_date,
                    last_field: &ClaimsEndFromMps::LAST_DATE,
                    last: end.last_date,
                });
                self.end_assignment(line, end.assignment_type, &end.totals, dates);
            }
            Record::MandatesEnd(end) => {
                self.end_assignment(line, AssignmentType::Mandates, &end.totals, None);
            }
            Record::TransmissionEnd(end) => {
                self.end_transmission(line, &end.totals, end.first_due_date, direction);
            }
            Record::TransmissionEndFromMps(end) => {
                if end.generated.is_none() {
                    self.undated_end(line);
                }
                self.end_transmission(line, &end.totals, None, direction);
            }
            _ => self.transaction(line, record, direction),
        }
    }

    /// Reports what an assignment leaves unfinished: an item 1 without item 2, a mandate
    /// without its required posts.
    fn close_items(&mut self, open: &mut Open) {
        if let Some(p) = open.pending.other() {
            self.missing_item2(p);
        }
        if let Some(m) = open.mandate.take() {
            self.finish_mandate(m);
        }
        self.close_ocr(open);
        self.close_avtale(open);
    }

    #[inline(always)]
    #[allow(clippy::inline_always)] // As `record`, whose common case this is.
    fn transaction(&mut self, line: u64, record: &Record, direction: Direction) {
        let Some(mut open) = self.open.take() else {
            self.outside_assignment(line, record);
            return;
        };
        open.tally.records += 1;
        if !allowed(open.kind, record) {
            self.not_allowed(line, record, &open);
            self.open = Some(open);
            return;
        }
        if !pairing::is_item2(record)
            && let Some(p) = open.pending.other()
        {
            self.missing_item2(p);
        }
        match record {
            Record::AmountItem1(item) => self.item1(&mut open, line, 30, item, direction),
            Record::RejectedItem1(item) => self.item1(&mut open, line, 35, item, direction),
            Record::AmountItem2(item) => {
                self.item2(
                    &mut open,
                    line,
                    31,
                    item.transaction_type,
                    item.transaction_number,
                );
                // A name or a reference starting with a blank (or no name, or a blank
                // reference, which is common): looked at out of line.
                let firsts = [
                    item.short_name.as_field()[0],
                    item.own_reference.as_field()[0],
                    item.foreign_reference.as_field()[0],
                ];
                if firsts.contains(&b' ') {
                    self.item2_text(line, 31, item, direction);
                }
            }
            Record::RejectedItem2(item) => {
                self.item2(
                    &mut open,
                    line,
                    36,
                    item.item.transaction_type,
                    item.item.transaction_number,
                );
                if item.item.short_name.as_field().first() == Some(&b' ') {
                    self.item2_text(line, 36, &item.item, direction);
                }
                if let ErrorCode::Other(n) = item.error_code {
                    self.at_field(
                        Severity::Warning,
                        Code::UnlistedErrorCode,
                        line,
                        36,
                        &RejectedItem2::ERROR_CODE,
                        said!("diag.unlisted-error-code", code = format!("{n:03}")),
                    );
                }
            }
            Record::Specification(spec) => {
                self.specification(&mut open, line, spec);
                if spec.text.as_field()[0] == b' ' {
                    self.left_justified(line, 49, &Specification::TEXT, &spec.text);
                }
            }
            Record::MandatePost1(post) => self.post1(&mut open, line, post, direction),
            Record::MandatePost1FromMps(post) => {
                self.post1(&mut open, line, &post.post, direction);
            }
            Record::OcrItem1(item) => self.ocr_item1(&mut open, line, item),
            Record::OcrItem2(item) => self.ocr_item2(&mut open, line, item),
            Record::OcrItem3(item) => self.ocr_item3(&mut open, line, item),
            Record::AvtaleGiroItem1(item) => self.avtale_item1(&mut open, line, item),
            Record::AvtaleGiroItem2(item) => self.avtale_item2(&mut open, line, item),
            Record::AvtaleGiroSpecification(spec) => {
                self.avtale_specification(&mut open, line, spec);
            }
            Record::AvtaleGiroMandate(m) => self.avtale_mandate(&mut open, line, m),
            other => self.later_post(&mut open, line, other, direction),
        }
        self.open = Some(open);
    }

    /// The error of a transaction record outside any assignment.
    #[cold]
    #[inline(never)]
    fn outside_assignment(&mut self, line: u64, record: &Record) {
        let record_type = record.record_type();
        self.record_error(
            Code::RecordOutsideAssignment,
            line,
            record_type,
            said!(
                "diag.record-outside-assignment",
                record = format!("{record_type:02}"),
                name = record.name()
            ),
        );
    }

    /// The error of a record that does not belong in the assignment `open`.
    #[cold]
    #[inline(never)]
    fn not_allowed(&mut self, line: u64, record: &Record, open: &Open) {
        let record_type = record.record_type();
        self.record_error(
            Code::RecordNotAllowed,
            line,
            record_type,
            said!(
                "diag.record-not-allowed",
                record = format!("{record_type:02}"),
                name = record.name(),
                start = open.line
            )
            .with_words("kind", kind_said(open.kind)),
        );
    }

    /// The end of the input: what is still open is missing its end.
    pub(crate) fn finish(&mut self) {
        let line = self.lines.max(1);
        if !self.started {
            self.diagnostics.push(Diagnostic::new(
                Severity::Error,
                Code::MissingTransmissionStart,
                line,
                (None, None, None),
                said!("diag.no-records"),
            ));
            return;
        }
        if let Some(mut open) = self.open.take() {
            self.record_error(
                Code::MissingAssignmentEnd,
                line,
                88,
                said!("diag.missing-assignment-end-at-eof", start = open.line),
            );
            self.close_items(&mut open);
        }
        if !self.ended {
            self.diagnostics.push(Diagnostic::new(
                Severity::Error,
                Code::MissingTransmissionEnd,
                line,
                (None, Some(89), None),
                said!("diag.missing-transmission-end"),
            ));
        }
    }
}

/// Whether `record` is a start or an end of the transmission or an assignment: the records
/// [`Checker::record`] leaves to [`Checker::envelope_record`].
#[inline]
fn is_envelope(record: &Record) -> bool {
    matches!(
        record,
        Record::TransmissionStart(_)
            | Record::AssignmentStart(_)
            | Record::ClaimsEnd(_)
            | Record::ClaimsEndFromMps(_)
            | Record::MandatesEnd(_)
            | Record::TransmissionEnd(_)
            | Record::TransmissionEndFromMps(_)
            | Record::OcrAssignmentStart(_)
            | Record::OcrAssignmentEnd(_)
            | Record::AvtaleGiroAssignmentStart(_)
            | Record::AvtaleGiroClaimsEnd(_)
            | Record::AvtaleGiroMandatesEnd(_)
    )
}

/// Whether a transaction record belongs in an assignment of `kind` (any, when its type is
/// unknown: the start was damaged, and that is reported). In line at its one call: called
/// for every transaction record, it cost 12 instructions a record as a call.
#[inline(always)]
#[allow(clippy::inline_always)] // Measured: see above.
fn allowed(kind: Option<AssignmentKind>, record: &Record) -> bool {
    let Some(kind) = kind else {
        return true;
    };
    match kind {
        AssignmentKind::OcrGiro => matches!(
            record,
            Record::OcrItem1(_) | Record::OcrItem2(_) | Record::OcrItem3(_)
        ),
        AssignmentKind::AvtaleGiroClaims | AssignmentKind::AvtaleGiroCancellations => matches!(
            record,
            Record::AvtaleGiroItem1(_)
                | Record::AvtaleGiroItem2(_)
                | Record::AvtaleGiroSpecification(_)
        ),
        AssignmentKind::AvtaleGiroMandates => matches!(record, Record::AvtaleGiroMandate(_)),
        AssignmentKind::Claims => matches!(
            record,
            Record::AmountItem1(_) | Record::AmountItem2(_) | Record::Specification(_)
        ),
        AssignmentKind::Settled => {
            matches!(record, Record::AmountItem1(_) | Record::AmountItem2(_))
        }
        AssignmentKind::Rejected => {
            matches!(record, Record::RejectedItem1(_) | Record::RejectedItem2(_))
        }
        AssignmentKind::Mandates => matches!(
            record,
            Record::MandatePost1(_)
                | Record::MandatePost2(_)
                | Record::MandatePost3(_)
                | Record::MandatePost4(_)
                | Record::MandatePost1FromMps(_)
                | Record::MandatePost2FromMps(_)
                | Record::MandatePost3FromMps(_)
                | Record::MandatePost4FromMps(_)
                | Record::MandatePost5FromMps(_)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::MAX_TRANSACTIONS;
    use time::macros::date;

    #[test]
    fn twelve_months_clamps_the_day() {
        let window = |d| ReadOptions::new().today(d).due_date_window();
        assert_eq!(
            window(date!(2024 - 02 - 29)),
            Some((date!(2023 - 02 - 28), date!(2025 - 02 - 28)))
        );
        assert_eq!(
            window(date!(2026 - 01 - 15)),
            Some((date!(2025 - 01 - 15), date!(2027 - 01 - 15)))
        );
    }

    #[test]
    fn post_names() {
        assert_eq!(post_name(72), "post 3 (record 72)");
        assert_eq!(post_name(73), "post 4 (record 73)");
        assert_eq!(post_name(76), "post 5 (record 76)");
    }

    /// Every record of the fixture `name` (of `testdata/`) checked by `checker`, each handed
    /// to `after` with its line once checked; the checker finished.
    fn check_fixture(
        name: &str,
        checker: &mut Checker,
        mut after: impl FnMut(u64, &Record, &Checker),
    ) {
        let path = format!("{}/../../testdata/{name}", env!("CARGO_MANIFEST_DIR"));
        let file = std::fs::read(path).unwrap();
        autogiro_format::Reader::new(&file[..]).each(|ctx, item| {
            let (line, record) = item.unwrap();
            checker.record(line, record, ctx.direction);
            after(line, record, checker);
            std::ops::ControlFlow::Continue(())
        });
        checker.finish();
    }

    /// No fixture can hold 10 million transactions (1.6 GB), so the count starts one short of
    /// the limit and a real file's claims cross it.
    #[test]
    fn the_transaction_past_the_limit_is_reported_once() {
        let mut checker = Checker::new(&ReadOptions::new());
        checker.tx.claims = MAX_TRANSACTIONS - 1;
        let mut items1 = Vec::new();
        check_fixture(
            "ok/claims-every-kind.txt",
            &mut checker,
            |line, record, _| {
                if matches!(record, Record::AmountItem1(_)) {
                    items1.push(line);
                }
            },
        );
        let too_many: Vec<Diagnostic> = checker
            .take_diagnostics()
            .into_iter()
            .filter(|d| d.code == Code::TooManyTransactions)
            .collect();
        // The one code no fixture shows (it takes ten million claims) in both languages too.
        for d in &too_many {
            let nb = d.message_in(crate::Lang::Nb);
            assert_eq!(nb, "mer enn 9999999 transaksjoner i én forsendelse");
            assert_ne!(nb, d.message);
        }
        let too_many: Vec<u64> = too_many.iter().map(|d| d.line).collect();
        assert!(items1.len() > 2, "{items1:?}");
        // The first claim makes 9 999 999; the second is one too many.
        assert_eq!(too_many, [items1[1]]);
    }

    /// A mandate registered twice is a warning of a checker that reports everything, and is
    /// not looked for by one that counts errors alone, which keeps no registration.
    #[test]
    fn a_registration_twice_is_looked_for_unless_errors_alone_count() {
        let check = |errors_only: bool| {
            let mut checker = Checker::new(&ReadOptions::new());
            if errors_only {
                checker.count_errors_only();
            }
            let mut kept = 0;
            check_fixture(
                "err/duplicate-registration--twice.txt",
                &mut checker,
                |_, _, checker| kept = kept.max(checker.registered.len()),
            );
            let twice = checker
                .take_diagnostics()
                .iter()
                .filter(|d| d.code == Code::DuplicateRegistration)
                .count();
            (twice, kept)
        };
        let (twice, kept) = check(false);
        assert_eq!(twice, 1);
        assert!(kept > 0);
        assert_eq!(check(true), (0, 0));
    }

    #[test]
    fn tally_keeps_the_date_range() {
        let mut t = Tally::default();
        t.add(5, Some(date!(2026 - 02 - 01)));
        t.add(7, Some(date!(2026 - 01 - 01)));
        t.add(1, None);
        assert_eq!((t.transactions, t.sum), (3, 13));
        assert_eq!(
            (t.first, t.last),
            (Some(date!(2026 - 01 - 01)), Some(date!(2026 - 02 - 01)))
        );
    }
}
