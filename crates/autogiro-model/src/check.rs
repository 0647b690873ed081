//! Every cross-record rule of the specification, checked record by record with counters only:
//! the one implementation behind both `Transmission::read` and the streaming `validate`.
//!
//! The checker keeps the state of the current transmission, assignment, claim and mandate, and
//! nothing of what came before them, so memory stays constant whatever the file's size.

use std::collections::HashMap;

use time::Date;

use autogiro_checksum::{AccountNumber, Kid, Modulus, OrganisationNumber};
use autogiro_format::{
    AmountItem1, AssignmentStart, AssignmentType, ClaimType, Direction, ErrorCode, MandatePost1,
    MandateType, PeriodCode, Record, RecordError, RegistrationType, Specification, Text,
};

use crate::{Amount, Code, Diagnostic, Edition, KidCheck, ReadOptions, Severity};

/// The most transactions one transmission may hold.
pub(crate) const MAX_TRANSACTIONS: u64 = 9_999_999;

/// Counts, sum and date range of what an end record declares.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Tally {
    pub(crate) transactions: u64,
    pub(crate) records: u64,
    /// Wide enough that no file can overflow it; compared with the 17 digits a field holds.
    pub(crate) sum: u128,
    pub(crate) first: Option<Date>,
    pub(crate) last: Option<Date>,
}

impl Tally {
    /// Counts one transaction of `amount` øre dated `date`.
    pub(crate) fn add(&mut self, amount: u64, date: Option<Date>) {
        self.transactions += 1;
        self.sum += u128::from(amount);
        if let Some(d) = date {
            self.first = Some(self.first.map_or(d, |f| f.min(d)));
            self.last = Some(self.last.map_or(d, |l| l.max(d)));
        }
    }
}

/// The kind of the open assignment, from its type and the direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Claims,
    Settled,
    Rejected,
    Mandates,
    /// An assignment whose start could not be read: any record is let through.
    Unknown,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Self::Claims => "claims (type 00)",
            Self::Settled => "settled claims (type 00)",
            Self::Rejected => "rejected claims (type 25)",
            Self::Mandates => "mandates (type 24)",
            Self::Unknown => "unknown type",
        }
    }
}

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

/// The open assignment.
#[derive(Debug)]
struct Open {
    kind: Kind,
    assignment_type: AssignmentType,
    line: u64,
    tally: Tally,
    /// The transaction or sequence number the next item 1 or post 1 must have.
    next_number: u32,
    /// A line of the assignment could not be read: its totals cannot be checked.
    damaged: bool,
    /// A line could not be read: skip order checks until the next item 1 or post 1.
    resync: bool,
    pending: Option<Pending>,
    claim: Option<ClaimState>,
    mandate: Option<MandateState>,
}

/// The first and last dates an assignment end declares, with their columns.
#[derive(Debug, Clone, Copy)]
struct DeclaredDates {
    first_columns: (usize, usize),
    first: Option<Date>,
    last_columns: (usize, usize),
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
    /// Each assignment's agreement id and assignment number, with the line of its start, to
    /// find a number used twice in one transmission
    /// ([decision 23](docs/spec-decisions.md#decision-23)). One entry per assignment.
    assignment_numbers: HashMap<(u32, u32), u64>,
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

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Formats øre as NOK for messages.
fn nok(ore: u128) -> String {
    format!("{}.{:02}", ore / 100, ore % 100)
}

fn date_text(d: Option<Date>) -> String {
    d.map_or_else(|| "none (000000)".to_owned(), |d| d.to_string())
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
            assignment_numbers: HashMap::new(),
            open: None,
        }
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

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        severity: Severity,
        code: Code,
        line: u64,
        record_type: u8,
        columns: Option<(usize, usize)>,
        field: Option<&'static str>,
        message: String,
    ) {
        self.diagnostics.push(Diagnostic {
            severity,
            code,
            line,
            columns,
            record_type: Some(record_type),
            field,
            message,
        });
    }

    /// A diagnostic about the field at `columns` of a record.
    #[allow(clippy::too_many_arguments)]
    fn at_field(
        &mut self,
        severity: Severity,
        code: Code,
        line: u64,
        record_type: u8,
        columns: (usize, usize),
        field: &'static str,
        message: String,
    ) {
        self.push(
            severity,
            code,
            line,
            record_type,
            Some(columns),
            Some(field),
            message,
        );
    }

    /// An error about a whole record.
    fn record_error(&mut self, code: Code, line: u64, record_type: u8, message: String) {
        self.push(
            Severity::Error,
            code,
            line,
            record_type,
            None,
            None,
            message,
        );
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
                    kind: Kind::Unknown,
                    assignment_type: AssignmentType::Claims,
                    line,
                    tally: Tally {
                        records: 1,
                        ..Tally::default()
                    },
                    next_number: 1,
                    damaged: true,
                    resync: true,
                    pending: None,
                    claim: None,
                    mandate: None,
                }));
            }
            _ => {
                if let Some(open) = &mut self.open {
                    open.tally.records += 1;
                    open.damaged = true;
                    open.resync = true;
                    open.pending = None;
                    open.claim = None;
                    open.mandate = None;
                }
            }
        }
    }

    /// A record read from `line` of a file in `direction`.
    pub(crate) fn record(&mut self, line: u64, record: &Record, direction: Direction) {
        self.lines = line;
        let record_type = record.record_type();
        if let Record::TransmissionStart(_) = record {
            if self.ended {
                self.after_end(line, record_type);
            } else if self.started {
                self.record_error(
                    Code::DuplicateTransmissionStart,
                    line,
                    10,
                    "a second transmission start: a file holds one transmission".to_owned(),
                );
            } else {
                self.started = true;
                self.tx.records += 1;
            }
            return;
        }
        if !self.started && !self.start_reported {
            self.start_reported = true;
            // Read on as if it had started, so that one missing record is one error.
            self.started = true;
            self.record_error(
                Code::MissingTransmissionStart,
                line,
                record_type,
                format!(
                    "expected a transmission start (record 10) first, found record {record_type:02}"
                ),
            );
        }
        if self.ended {
            self.after_end(line, record_type);
            return;
        }
        self.tx.records += 1;
        match record {
            Record::AssignmentStart(start) => self.start_assignment(line, start, direction),
            Record::ClaimsEnd(end) => {
                let dates = Some(DeclaredDates {
                    first_columns: (42, 47),
                    first: end.first_due_date,
                    last_columns: (48, 53),
                    last: end.last_due_date,
                });
                self.end_assignment(line, AssignmentType::Claims, &end.totals, dates);
            }
            Record::ClaimsEndFromMps(end) => {
                let dates = Some(DeclaredDates {
                    first_columns: (48, 53),
                    first: end.first_date,
                    last_columns: (54, 59),
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
                self.end_transmission(line, &end.totals, None, direction);
            }
            _ => self.transaction(line, record, direction),
        }
    }

    fn after_end(&mut self, line: u64, record_type: u8) {
        if !self.after_end_reported {
            self.after_end_reported = true;
            self.record_error(
                Code::RecordAfterTransmissionEnd,
                line,
                record_type,
                format!("record {record_type:02} after the transmission end"),
            );
        }
    }

    fn start_assignment(&mut self, line: u64, start: &AssignmentStart, direction: Direction) {
        if let Some(mut open) = self.open.take() {
            self.record_error(
                Code::MissingAssignmentEnd,
                line,
                20,
                format!(
                    "the assignment started at line {} has no assignment end (record 88) before this start",
                    open.line
                ),
            );
            self.close_items(&mut open);
        }
        let kind = match (start.assignment_type, direction) {
            (AssignmentType::Claims, Direction::ToMps) => Kind::Claims,
            (AssignmentType::Claims, Direction::FromMps) => Kind::Settled,
            (AssignmentType::Rejected, _) => Kind::Rejected,
            (AssignmentType::Mandates, _) => Kind::Mandates,
        };
        if let Err(e) = AccountNumber::parse(start.account.as_str()) {
            self.at_field(
                Severity::Error,
                Code::AccountCheckDigit,
                line,
                20,
                (25, 35),
                "assignment account",
                format!("assignment account {}: {e}", start.account),
            );
        }
        let key = (start.agreement_id, start.assignment_number);
        if let Some(&first) = self.assignment_numbers.get(&key) {
            self.at_field(
                Severity::Error,
                Code::DuplicateAssignmentNumber,
                line,
                20,
                (18, 24),
                "assignment number",
                format!(
                    "assignment number {} of agreement {} is already used by the assignment at line {first}: each assignment of an agreement needs its own number",
                    start.assignment_number, start.agreement_id
                ),
            );
        } else {
            self.assignment_numbers.insert(key, line);
        }
        self.open = Some(Box::new(Open {
            kind,
            assignment_type: start.assignment_type,
            line,
            tally: Tally {
                records: 1,
                ..Tally::default()
            },
            next_number: 1,
            damaged: false,
            resync: false,
            pending: None,
            claim: None,
            mandate: None,
        }));
    }

    /// Reports what an assignment leaves unfinished: an item 1 without item 2, a mandate
    /// without its required posts.
    fn close_items(&mut self, open: &mut Open) {
        if let Some(p) = open.pending.take() {
            self.missing_item2(p);
        }
        if let Some(m) = open.mandate.take() {
            self.finish_mandate(m);
        }
    }

    fn missing_item2(&mut self, p: Pending) {
        self.record_error(
            Code::MissingItem2,
            p.line,
            p.record_type,
            format!(
                "amount item 1 of transaction {} is not followed by its amount item 2 (record {:02})",
                p.number,
                p.record_type + 1
            ),
        );
    }

    fn transaction(&mut self, line: u64, record: &Record, direction: Direction) {
        let record_type = record.record_type();
        let Some(mut open) = self.open.take() else {
            self.record_error(
                Code::RecordOutsideAssignment,
                line,
                record_type,
                format!(
                    "record {record_type:02} ({}) outside an assignment: expected an assignment start (record 20) before it",
                    record.name()
                ),
            );
            return;
        };
        open.tally.records += 1;
        let allowed = match open.kind {
            Kind::Unknown => true,
            Kind::Claims => matches!(
                record,
                Record::AmountItem1(_) | Record::AmountItem2(_) | Record::Specification(_)
            ),
            Kind::Settled => matches!(record, Record::AmountItem1(_) | Record::AmountItem2(_)),
            Kind::Rejected => matches!(record, Record::RejectedItem1(_) | Record::RejectedItem2(_)),
            Kind::Mandates => matches!(
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
        };
        if !allowed {
            self.record_error(
                Code::RecordNotAllowed,
                line,
                record_type,
                format!(
                    "record {record_type:02} ({}) does not belong in an assignment of {} (started at line {})",
                    record.name(),
                    open.kind.name(),
                    open.line
                ),
            );
            self.open = Some(open);
            return;
        }
        let is_item2 = matches!(record, Record::AmountItem2(_) | Record::RejectedItem2(_));
        if !is_item2 && let Some(p) = open.pending.take() {
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
            }
            Record::RejectedItem2(item) => {
                self.item2(
                    &mut open,
                    line,
                    36,
                    item.item.transaction_type,
                    item.item.transaction_number,
                );
                if let ErrorCode::Other(n) = item.error_code {
                    self.at_field(
                        Severity::Warning,
                        Code::UnlistedErrorCode,
                        line,
                        36,
                        (76, 78),
                        "error code",
                        format!("error code {n:03} is not listed in spec 3.9 (kept as is)"),
                    );
                }
            }
            Record::Specification(spec) => self.specification(&mut open, line, spec),
            Record::MandatePost1(post) => self.post1(&mut open, line, post, direction),
            Record::MandatePost1FromMps(post) => {
                self.post1(&mut open, line, &post.post, direction);
            }
            other => self.later_post(&mut open, line, other, direction),
        }
        self.open = Some(open);
    }

    /// Checks that `number` continues the assignment's numbering
    /// ([decision 19](docs/spec-decisions.md#decision-19)): the first number is greater than
    /// zero (other than 1 is a warning), each next one the previous + 1. Called before the
    /// transaction is counted, so an empty tally means the assignment's first.
    fn number(&mut self, open: &mut Open, line: u64, record_type: u8, number: u32, code: Code) {
        let field = if code == Code::MandateSequence {
            "mandate sequence number"
        } else {
            "transaction number"
        };
        let first = open.tally.transactions == 0;
        if open.resync {
            open.resync = false;
        } else if first && number > 1 {
            self.at_field(
                Severity::Warning,
                Code::NumberingStart,
                line,
                record_type,
                (9, 15),
                field,
                format!(
                    "{field}: the assignment's numbering starts at {number}, not 1 (accepted: \
                     the numbers need only be consecutive; writers start at 1)"
                ),
            );
        } else if number != open.next_number {
            let expected = if first {
                "a number above 0 (writers start at 1)".to_owned()
            } else {
                format!("{} (the previous + 1)", open.next_number)
            };
            self.at_field(
                Severity::Error,
                code,
                line,
                record_type,
                (9, 15),
                field,
                format!("{field}: expected {expected}, found {number}"),
            );
        }
        open.next_number = number.saturating_add(1);
    }

    fn count_transaction(&mut self, line: u64, record_type: u8) {
        if !self.too_many_reported && self.tx.claims + self.tx.mandates > MAX_TRANSACTIONS {
            self.too_many_reported = true;
            self.record_error(
                Code::TooManyTransactions,
                line,
                record_type,
                format!("more than {MAX_TRANSACTIONS} transactions in one transmission"),
            );
        }
    }

    fn item1(
        &mut self,
        open: &mut Open,
        line: u64,
        record_type: u8,
        item: &AmountItem1,
        direction: Direction,
    ) {
        self.number(
            open,
            line,
            record_type,
            item.transaction_number,
            Code::TransactionNumber,
        );
        open.pending = Some(Pending {
            line,
            record_type,
            claim_type: item.transaction_type,
            number: item.transaction_number,
        });
        open.claim = None;
        open.tally.add(item.amount, Some(item.date));
        self.tx.claims += 1;
        self.tx.claim_sum += u128::from(item.amount);
        self.tx.first_date = Some(self.tx.first_date.map_or(item.date, |d| d.min(item.date)));
        self.count_transaction(line, record_type);
        self.check_kid(line, record_type, item);
        // Only a field starting with a digit 1-9 can be an account rather than a padded
        // reference; the byte test keeps the common case cheap.
        let payer = &item.payer;
        if matches!(payer.as_bytes().first(), Some(b'1'..=b'9'))
            && AccountNumber::parse(payer.as_field()).is_err()
        {
            self.at_field(
                Severity::Warning,
                Code::PayerAccountCheckDigit,
                line,
                record_type,
                (22, 32),
                "payer's reference or account",
                format!(
                    "{payer} is no valid account number (modulus 11); fine only if it is a payer reference"
                ),
            );
        }
        if let (Direction::ToMps, Some(today), Some((earliest, latest))) =
            (direction, self.today, self.window)
            && (item.date < earliest || item.date > latest)
        {
            self.at_field(
                Severity::Error,
                Code::DueDateWindow,
                line,
                record_type,
                (16, 21),
                "due date",
                format!(
                    "due date {} is more than 12 months from {today} (expected {earliest} to {latest})",
                    item.date
                ),
            );
        }
    }

    fn check_kid(&mut self, line: u64, record_type: u8, item: &AmountItem1) {
        if item.kid.is_blank() {
            return;
        }
        let digits = item.kid.digits();
        // The check digit alone decides; a `Kid` is built only to word an error.
        let valid = match self.kid {
            KidCheck::Any => {
                Modulus::Mod10.validate(digits).is_ok() || Modulus::Mod11.validate(digits).is_ok()
            }
            KidCheck::Only(m) => m.validate(digits).is_ok(),
            KidCheck::Off => Kid::parse_unchecked(digits).is_ok(),
        };
        if valid {
            return;
        }
        let result = match self.kid {
            KidCheck::Any => Kid::parse(digits),
            KidCheck::Only(m) => Kid::parse_with(digits, m),
            KidCheck::Off => Kid::parse_unchecked(digits),
        };
        if let Err(e) = result {
            self.at_field(
                Severity::Error,
                Code::KidCheckDigit,
                line,
                record_type,
                (50, 74),
                "KID",
                format!("KID {digits}: {e}"),
            );
        }
    }

    fn item2(
        &mut self,
        open: &mut Open,
        line: u64,
        record_type: u8,
        claim_type: ClaimType,
        number: u32,
    ) {
        let Some(p) = open.pending.take() else {
            if !open.resync {
                self.record_error(
                    Code::Item2WithoutItem1,
                    line,
                    record_type,
                    format!(
                        "amount item 2 of transaction {number} does not follow an amount item 1 (record {:02})",
                        record_type - 1
                    ),
                );
            }
            return;
        };
        if p.claim_type != claim_type {
            self.at_field(
                Severity::Error,
                Code::ItemMismatch,
                line,
                record_type,
                (5, 6),
                "transaction type",
                format!(
                    "transaction type {claim_type} differs from its item 1's {} (line {})",
                    p.claim_type, p.line
                ),
            );
        }
        if p.number != number {
            self.at_field(
                Severity::Error,
                Code::ItemMismatch,
                line,
                record_type,
                (9, 15),
                "transaction number",
                format!(
                    "transaction number {number} differs from its item 1's {} (line {})",
                    p.number, p.line
                ),
            );
        }
        open.claim = Some(ClaimState {
            claim_type: p.claim_type,
            number: p.number,
            specifications: 0,
            places: 0,
        });
    }

    fn specification(&mut self, open: &mut Open, line: u64, spec: &Specification) {
        let Some(claim) = &mut open.claim else {
            if !open.resync {
                self.record_error(
                    Code::SpecificationWithoutClaim,
                    line,
                    49,
                    "a specification (record 49) must follow its claim's amount items 1 and 2"
                        .to_owned(),
                );
            }
            return;
        };
        let claim = *claim;
        if claim.claim_type != ClaimType::WithNotice {
            self.at_field(
                Severity::Error,
                Code::SpecificationNotAllowed,
                line,
                49,
                (9, 15),
                "transaction number",
                format!(
                    "claim {} has transaction type {} (without notice): only type 03 has specifications",
                    claim.number, claim.claim_type
                ),
            );
        }
        if spec.transaction_number != claim.number {
            self.at_field(
                Severity::Error,
                Code::SpecificationNumber,
                line,
                49,
                (9, 15),
                "transaction number",
                format!(
                    "transaction number: expected {} (its claim's), found {}",
                    claim.number, spec.transaction_number
                ),
            );
        }
        let mut state = claim;
        state.specifications += 1;
        if state.specifications == 43 {
            self.record_error(
                Code::SpecificationLimit,
                line,
                49,
                format!(
                    "claim {} has more than 42 specifications (21 lines x 2 columns)",
                    claim.number
                ),
            );
        }
        self.specification_place(line, spec, &mut state);
        open.claim = Some(state);
    }

    /// [Decision 12](docs/spec-decisions.md#decision-12): a blank or zero line or column is a warning; a line outside 1-21, a column
    /// outside 1-2, or a place taken twice is an error.
    fn specification_place(&mut self, line: u64, spec: &Specification, state: &mut ClaimState) {
        let claim = *state;
        match (spec.line, spec.column) {
            (None | Some(0), _) | (_, None | Some(0)) => self.at_field(
                Severity::Warning,
                Code::SpecificationBlank,
                line,
                49,
                (17, 20),
                "line, column",
                "a blank or zero line or column: the text is not printed on the payer's notice"
                    .to_owned(),
            ),
            (Some(l), _) if l > 21 => self.at_field(
                Severity::Error,
                Code::SpecificationPlace,
                line,
                49,
                (17, 19),
                "line",
                format!("line: expected 001-021, found {l:03}"),
            ),
            (_, Some(c)) if c > 2 => self.at_field(
                Severity::Error,
                Code::SpecificationPlace,
                line,
                49,
                (20, 20),
                "column",
                format!("column: expected 1 or 2, found {c}"),
            ),
            (Some(l), Some(c)) => {
                let bit = 1u64 << ((u32::from(l) - 1) * 2 + u32::from(c) - 1);
                if state.places & bit != 0 {
                    self.at_field(
                        Severity::Error,
                        Code::SpecificationDuplicate,
                        line,
                        49,
                        (17, 20),
                        "line, column",
                        format!(
                            "claim {} already has a specification at line {l}, column {c}",
                            claim.number
                        ),
                    );
                }
                state.places |= bit;
            }
        }
    }

    fn post1(&mut self, open: &mut Open, line: u64, post: &MandatePost1, direction: Direction) {
        if let Some(m) = open.mandate.take() {
            self.finish_mandate(m);
        }
        self.number(open, line, 70, post.sequence_number, Code::MandateSequence);
        open.tally.add(post.amount_limit, None);
        self.tx.mandates += 1;
        self.tx.limit_sum += u128::from(post.amount_limit);
        self.count_transaction(line, 70);
        if let Err(e) = AccountNumber::parse(post.account.as_str()) {
            self.at_field(
                Severity::Error,
                Code::AccountCheckDigit,
                line,
                70,
                (29, 39),
                "payer's account",
                format!("payer's account {}: {e}", post.account),
            );
        }
        self.check_limit(line, post);
        if let (Some(from), Some(to)) = (post.valid_from, post.valid_to)
            && from > to
        {
            self.at_field(
                Severity::Error,
                Code::MandateDates,
                line,
                70,
                (59, 70),
                "valid from, valid to",
                format!("valid from {from} is after valid to {to}"),
            );
        }
        let (posts, required): (&'static [u8], usize) = match direction {
            Direction::ToMps => {
                let needs = self.edition == Edition::V3_9
                    && matches!(
                        post.registration_type,
                        RegistrationType::New | RegistrationType::Change
                    );
                (&[71, 72, 74], if needs { 3 } else { 0 })
            }
            // A mandate of a full listing also carries post 5
            // ([decision 24](docs/spec-decisions.md#decision-24)).
            Direction::FromMps => (
                &[71, 72, 73, 76],
                if post.registration_type == RegistrationType::Listing {
                    4
                } else {
                    3
                },
            ),
        };
        open.mandate = Some(MandateState {
            line,
            sequence: post.sequence_number,
            mandate_type: post.mandate_type,
            registration: post.registration_type,
            posts,
            next: 0,
            required,
            edition_reported: false,
        });
    }

    /// Simplified mandates: period 00 and limit 0; standard: a period 01-06. A deletion's post 1
    /// is not checked ([decision 11](docs/spec-decisions.md#decision-11)).
    fn check_limit(&mut self, line: u64, post: &MandatePost1) {
        if post.registration_type == RegistrationType::Delete {
            return;
        }
        match post.mandate_type {
            MandateType::Simplified
                if post.period_code != PeriodCode::NoPeriod || post.amount_limit != 0 =>
            {
                self.at_field(
                Severity::Error,
                    Code::MandateLimit,
                    line,
                    70,
                    (40, 58),
                    "period code, amount limit",
                    format!(
                        "a simplified mandate (type 23) has period code 00 and limit 0, found {} and {}",
                        post.period_code,
                        Amount::from_record(post.amount_limit)
                    ),
                );
            }
            MandateType::Standard if post.period_code == PeriodCode::NoPeriod => {
                self.at_field(
                    Severity::Error,
                    Code::MandateLimit,
                    line,
                    70,
                    (40, 41),
                    "period code",
                    "a standard mandate (type 22) has a period code 01-06, found 00".to_owned(),
                );
            }
            _ => {}
        }
    }

    fn finish_mandate(&mut self, m: MandateState) {
        if m.next < m.required {
            let missing: Vec<String> = m
                .posts
                .iter()
                .take(m.required)
                .skip(m.next)
                .map(|&r| post_name(r))
                .collect();
            let edition = if m.posts.contains(&74) {
                ", which edition 3.9 requires for a registration or change"
            } else if m.registration == RegistrationType::Listing {
                ", which every mandate of a full listing carries"
            } else {
                ""
            };
            self.record_error(
                Code::MandatePostMissing,
                m.line,
                70,
                format!(
                    "mandate {} (registration type {}) lacks {}{edition}",
                    m.sequence,
                    m.registration,
                    and_list(&missing)
                ),
            );
        }
    }

    /// Posts 2-5 of a mandate (records 71, 72, 73, 74, 76).
    fn later_post(&mut self, open: &mut Open, line: u64, record: &Record, direction: Direction) {
        let record_type = record.record_type();
        let (mandate_type, sequence) = match record {
            Record::MandatePost2(p) => (p.mandate_type, p.sequence_number),
            Record::MandatePost3(p) => (p.mandate_type, p.sequence_number),
            Record::MandatePost4(p) => (p.mandate_type, p.sequence_number),
            Record::MandatePost2FromMps(p) => (p.mandate_type, p.sequence_number),
            Record::MandatePost3FromMps(p) => (p.mandate_type, p.sequence_number),
            Record::MandatePost4FromMps(p) => (p.mandate_type, p.sequence_number),
            Record::MandatePost5FromMps(p) => (p.mandate_type, p.sequence_number),
            _ => return,
        };
        self.post_fields(line, record);
        let Some(mut m) = open.mandate else {
            if !open.resync {
                self.record_error(
                    Code::MandatePostOrder,
                    line,
                    record_type,
                    format!("mandate post (record {record_type}) without its post 1 (record 70)"),
                );
            }
            return;
        };
        if direction == Direction::ToMps && self.edition == Edition::Before3_9 {
            if !m.edition_reported {
                m.edition_reported = true;
                self.record_error(
                    Code::MandatePostEdition,
                    line,
                    record_type,
                    format!(
                        "mandate posts 2-4 (records 71, 72, 74) exist from edition 3.9; before it a mandate is post 1 only (record {record_type} of mandate {})",
                        m.sequence
                    ),
                );
            }
            open.mandate = Some(m);
            return;
        }
        self.post_belongs(line, record_type, &m, mandate_type, sequence);
        if record_type == 76 && m.registration != RegistrationType::Listing {
            self.record_error(
                Code::MandatePostUnexpected,
                line,
                76,
                format!(
                    "post 5 (record 76) belongs to a full listing (registration type 0), not to registration type {}",
                    m.registration
                ),
            );
        }
        match m.posts.iter().skip(m.next).position(|&r| r == record_type) {
            Some(0) => m.next += 1,
            Some(skipped) if m.next + skipped <= m.required => {
                // Posts between the last one read and this one are missing.
                let missing: Vec<String> = m
                    .posts
                    .iter()
                    .skip(m.next)
                    .take(skipped)
                    .map(|&r| post_name(r))
                    .collect();
                self.record_error(
                    Code::MandatePostMissing,
                    line,
                    record_type,
                    format!(
                        "mandate {} lacks {} before {}",
                        m.sequence,
                        and_list(&missing),
                        post_name(record_type)
                    ),
                );
                m.next += skipped + 1;
            }
            _ => {
                let expected = m
                    .posts
                    .get(m.next)
                    .map_or_else(|| "no further post".to_owned(), |&r| post_name(r));
                self.record_error(
                    Code::MandatePostOrder,
                    line,
                    record_type,
                    format!(
                        "mandate {}: expected {expected} next, found {}",
                        m.sequence,
                        post_name(record_type)
                    ),
                );
                if let Some(i) = m.posts.iter().position(|&r| r == record_type) {
                    m.next = m.next.max(i + 1);
                }
            }
        }
        open.mandate = Some(m);
    }

    /// Checks that a later post carries its post 1's sequence number and transaction type.
    fn post_belongs(
        &mut self,
        line: u64,
        record_type: u8,
        m: &MandateState,
        mandate_type: MandateType,
        sequence: u32,
    ) {
        if sequence != m.sequence {
            self.at_field(
                Severity::Error,
                Code::MandatePostOrder,
                line,
                record_type,
                (9, 15),
                "mandate sequence number",
                format!(
                    "mandate sequence number: expected {} (its post 1's, line {}), found {sequence}",
                    m.sequence, m.line
                ),
            );
        }
        if mandate_type != m.mandate_type {
            self.at_field(
                Severity::Error,
                Code::MandatePostOrder,
                line,
                record_type,
                (5, 6),
                "transaction type",
                format!(
                    "transaction type: expected {} (its post 1's), found {mandate_type}",
                    m.mandate_type
                ),
            );
        }
    }

    /// The field rules of mandate posts 2-4 to MPS: required fields, postal code ([decision 15](docs/spec-decisions.md#decision-15)),
    /// organisation number ([decision 14](docs/spec-decisions.md#decision-14)).
    fn post_fields(&mut self, line: u64, record: &Record) {
        match record {
            Record::MandatePost2(p) => {
                self.required(line, 71, (16, 45), "name", &p.name);
            }
            Record::MandatePost3(p) => {
                self.postal_code(line, p);
                self.required(line, 72, (53, 77), "postal town", &p.postal_town);
            }
            Record::MandatePost4(p) => {
                self.organisation(line, &p.organisation_number);
                self.required(line, 74, (27, 56), "signatory name", &p.signatory);
            }
            _ => {}
        }
    }

    fn required<const N: usize>(
        &mut self,
        line: u64,
        record_type: u8,
        columns: (usize, usize),
        field: &'static str,
        text: &Text<N>,
    ) {
        if text.is_blank() {
            self.at_field(
                Severity::Error,
                Code::RequiredField,
                line,
                record_type,
                columns,
                field,
                format!("{field} is required, found blanks"),
            );
        }
    }

    fn postal_code(&mut self, line: u64, p: &autogiro_format::MandatePost3) {
        let country = p.country_code.to_string();
        let code = p.postal_code.as_field();
        if country.is_empty() || country == "NO" {
            let digits = code.iter().all(u8::is_ascii_digit);
            if !digits || code == b"0000" {
                self.at_field(
                    Severity::Error,
                    Code::PostalCode,
                    line,
                    72,
                    (46, 49),
                    "postal code",
                    format!(
                        "a Norwegian postal code is 4 digits, not 0000, found {:?}",
                        p.postal_code.to_string()
                    ),
                );
            }
            if !p.postal_code_extension.is_blank() {
                self.at_field(
                    Severity::Error,
                    Code::PostalCode,
                    line,
                    72,
                    (50, 52),
                    "postal code extension",
                    format!(
                        "a Norwegian address has a blank extension, found {:?}",
                        p.postal_code_extension.to_string()
                    ),
                );
            }
        } else if p.postal_code.is_blank() && p.postal_code_extension.is_blank() {
            self.at_field(
                Severity::Error,
                Code::PostalCode,
                line,
                72,
                (46, 52),
                "postal code",
                format!(
                    "a foreign address (country {country}) needs a postal code in positions 46-52"
                ),
            );
        }
    }

    fn organisation(&mut self, line: u64, field: &Text<11>) {
        let text = field.to_string();
        let bytes = field.as_field();
        let finding = if field.is_blank() || bytes.iter().all(|&b| b == b'0') {
            Some((
                Severity::Error,
                Code::OrganisationNumber,
                "the organisation number is required, found zeros or blanks".to_owned(),
            ))
        } else if bytes.starts_with(b"00") && bytes.iter().all(u8::is_ascii_digit) {
            OrganisationNumber::parse(&text).err().map(|e| {
                (
                    Severity::Error,
                    Code::OrganisationNumber,
                    format!("organisation number {text}: {e}"),
                )
            })
        } else {
            Some((
                Severity::Warning,
                Code::ForeignOrganisation,
                format!(
                    "{text:?} is not `00` + a Norwegian organisation number: read as the number of a payer outside Norway"
                ),
            ))
        };
        if let Some((severity, code, message)) = finding {
            let field = "organisation number";
            self.at_field(severity, code, line, 74, (16, 26), field, message);
        }
    }

    /// Reports a declared value that differs from the computed one. `values` formats both, and
    /// runs only when they differ: end records that add up cost no formatting.
    #[allow(clippy::too_many_arguments)]
    fn compare(
        &mut self,
        code: Code,
        line: u64,
        record_type: u8,
        columns: (usize, usize),
        field: &'static str,
        equal: bool,
        values: impl FnOnce() -> (String, String),
    ) {
        if !equal {
            let (declared, computed) = values();
            self.at_field(
                Severity::Error,
                code,
                line,
                record_type,
                columns,
                field,
                format!("{field}: declared {declared}, computed {computed}"),
            );
        }
    }

    fn end_assignment(
        &mut self,
        line: u64,
        assignment_type: AssignmentType,
        totals: &autogiro_format::Totals,
        dates: Option<DeclaredDates>,
    ) {
        let Some(mut open) = self.open.take() else {
            self.record_error(
                Code::AssignmentEndWithoutStart,
                line,
                88,
                "an assignment end (record 88) with no assignment start (record 20) before it"
                    .to_owned(),
            );
            return;
        };
        if let Some(p) = open.pending.take() {
            self.missing_item2(p);
        }
        if let Some(m) = open.mandate.take() {
            self.finish_mandate(m);
        }
        open.tally.records += 1;
        if assignment_type != open.assignment_type {
            self.at_field(
                Severity::Error,
                Code::AssignmentTypeMismatch,
                line,
                88,
                (5, 6),
                "assignment type",
                format!(
                    "assignment type: expected {} (its start's, line {}), found {assignment_type}",
                    open.assignment_type, open.line
                ),
            );
        }
        if open.damaged {
            return;
        }
        let t = open.tally;
        self.check_totals(line, 88, totals, t.transactions, t.records, t.sum, None);
        if let Some(DeclaredDates {
            first_columns: first_cols,
            first,
            last_columns: last_cols,
            last,
        }) = dates
        {
            self.compare(
                Code::FirstDateMismatch,
                line,
                88,
                first_cols,
                "first date",
                first == t.first,
                || (date_text(first), date_text(t.first)),
            );
            self.compare(
                Code::LastDateMismatch,
                line,
                88,
                last_cols,
                "last date",
                last == t.last,
                || (date_text(last), date_text(t.last)),
            );
        }
    }

    /// Checks the counters of an end record. `alternative` is a second sum the decisions allow.
    #[allow(clippy::too_many_arguments)]
    fn check_totals(
        &mut self,
        line: u64,
        record_type: u8,
        totals: &autogiro_format::Totals,
        transactions: u64,
        records: u64,
        sum: u128,
        alternative: Option<u128>,
    ) {
        self.compare(
            Code::CountMismatch,
            line,
            record_type,
            (9, 16),
            "number of transactions",
            u64::from(totals.transactions) == transactions,
            || (totals.transactions.to_string(), transactions.to_string()),
        );
        self.compare(
            Code::RecordCountMismatch,
            line,
            record_type,
            (17, 24),
            "number of records",
            u64::from(totals.records) == records,
            || (totals.records.to_string(), records.to_string()),
        );
        if sum > u128::from(Amount::MAX.ore()) {
            self.at_field(
                Severity::Error,
                Code::AmountOverflow,
                line,
                record_type,
                (25, 41),
                "sum amount",
                format!(
                    "the amounts add up to {}, more than the 17 digits of the field hold",
                    nok(sum)
                ),
            );
            return;
        }
        let declared = u128::from(totals.sum);
        self.compare(
            Code::SumMismatch,
            line,
            record_type,
            (25, 41),
            "sum amount",
            declared == sum || Some(declared) == alternative,
            || {
                (
                    nok(declared),
                    match alternative {
                        Some(alt) if alt != sum => format!("{} (or {})", nok(sum), nok(alt)),
                        _ => nok(sum),
                    },
                )
            },
        );
    }

    fn end_transmission(
        &mut self,
        line: u64,
        totals: &autogiro_format::Totals,
        first_date: Option<Date>,
        direction: Direction,
    ) {
        if let Some(mut open) = self.open.take() {
            self.record_error(
                Code::MissingAssignmentEnd,
                line,
                89,
                format!(
                    "the assignment started at line {} has no assignment end (record 88) before the transmission end",
                    open.line
                ),
            );
            self.close_items(&mut open);
        }
        self.ended = true;
        if self.damaged {
            return;
        }
        let tx = &self.tx;
        let all = tx.claims + tx.mandates;
        // [Decision 4](docs/spec-decisions.md#decision-4): writers count claims and mandates; readers also accept zeros in a
        // mandate-only transmission to MPS, and the count without mandates from MPS.
        let declared = u64::from(totals.transactions);
        let count_ok = declared == all
            || (direction == Direction::ToMps && tx.claims == 0 && declared == 0)
            || (direction == Direction::FromMps && declared == tx.claims);
        let transactions = if count_ok { declared } else { all };
        // [Decision 5](docs/spec-decisions.md#decision-5): the sum of the assignment sums, or of the claim amounts alone.
        let (sum, alternative) = (tx.claim_sum + tx.limit_sum, tx.claim_sum);
        let (records, first) = (tx.records, tx.first_date);
        let claims = tx.claims;
        self.check_totals(
            line,
            89,
            totals,
            transactions,
            records,
            sum,
            Some(alternative),
        );
        // Only the transmission end to MPS declares a first date.
        if direction == Direction::ToMps {
            let declared_first = first_date;
            let expected = if claims == 0 { None } else { first };
            self.compare(
                Code::FirstDateMismatch,
                line,
                89,
                (42, 47),
                "first date",
                declared_first == expected,
                || (date_text(declared_first), date_text(expected)),
            );
        }
    }

    /// The end of the input: what is still open is missing its end.
    pub(crate) fn finish(&mut self) {
        let line = self.lines.max(1);
        if !self.started {
            self.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                code: Code::MissingTransmissionStart,
                line,
                columns: None,
                record_type: None,
                field: None,
                message: "the file holds no records: expected a transmission start (record 10)"
                    .to_owned(),
            });
            return;
        }
        if let Some(mut open) = self.open.take() {
            self.record_error(
                Code::MissingAssignmentEnd,
                line,
                88,
                format!(
                    "the assignment started at line {} has no assignment end (record 88) at the end of the file",
                    open.line
                ),
            );
            self.close_items(&mut open);
        }
        if !self.ended {
            self.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                code: Code::MissingTransmissionEnd,
                line,
                columns: None,
                record_type: Some(89),
                field: None,
                message: "the file ends without a transmission end (record 89)".to_owned(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

    /// No fixture can hold 10 million transactions (1.6 GB), so the count starts one short of
    /// the limit and a real file's claims cross it.
    #[test]
    fn the_transaction_past_the_limit_is_reported_once() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../testdata/ok/claims-every-kind.txt"
        );
        let file = std::fs::read(path).unwrap();
        let mut checker = Checker::new(&ReadOptions::new());
        checker.tx.claims = MAX_TRANSACTIONS - 1;
        let mut items1 = Vec::new();
        autogiro_format::Reader::new(&file[..]).each(|ctx, item| {
            let (line, record) = item.unwrap();
            if matches!(record, Record::AmountItem1(_)) {
                items1.push(line);
            }
            checker.record(line, record, ctx.direction);
            std::ops::ControlFlow::Continue(())
        });
        checker.finish();
        let too_many: Vec<u64> = checker
            .take_diagnostics()
            .into_iter()
            .filter(|d| d.code == Code::TooManyTransactions)
            .map(|d| d.line)
            .collect();
        assert!(items1.len() > 2, "{items1:?}");
        // The first claim makes 9 999 999; the second is one too many.
        assert_eq!(too_many, [items1[1]]);
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
