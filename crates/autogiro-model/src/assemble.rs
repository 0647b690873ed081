//! Records into the model, best effort: the checker says what is wrong, the assembler keeps
//! what can be represented. An item whose fields cannot be represented (an account number
//! with a wrong check digit) is left out; the checker has reported it as an error.

use time::Date;

use autogiro_checksum::{AccountNumber, Kid, OrganisationNumber};
use autogiro_format::{
    AmountItem1, AmountItem2, AssignmentStart, AssignmentType, Direction, MandatePost1,
    MandatePost2, MandatePost3, MandatePost4, MandateType, OcrItem1, OcrItem2, OcrItem3, Record,
    Text,
};

use crate::pairing::{self, Items};
use crate::parts::Part;
use crate::summary::{AssignmentSummary, Summary};
use crate::{
    Amount, Assignment, AssignmentHeader, AssignmentKind, AssignmentSpan, AvtaleGiroCancellations,
    AvtaleGiroClaim, AvtaleGiroClaims, AvtaleGiroMandate, AvtaleGiroMandates, Claim,
    ClaimsAssignment, ListingPost, Mandate, MandatesAssignment, MpsMandate, OcrAssignment,
    OcrPayment, Organisation, PayerDetails, RejectedAssignment, RejectedClaim, SettledAssignment,
    SpecificationLine, Transmission,
};

/// The posts 2-4 of the mandate being read, until all three are there.
#[derive(Debug, Default)]
struct Posts {
    post2: Option<MandatePost2>,
    post3: Option<MandatePost3>,
}

/// A summary being folded from a stream by [`Assembler::fold_into`].
#[derive(Debug)]
pub(crate) struct Streamed {
    pub(crate) summary: Summary,
    /// Whether the summary's last assignment is the one the assembler is reading.
    pub(crate) open: bool,
}

impl Streamed {
    pub(crate) fn new(direction: Direction) -> Self {
        Self {
            summary: Summary::empty(direction),
            open: false,
        }
    }
}

#[derive(Debug)]
pub(crate) struct Assembler {
    transmission: Transmission,
    /// The assignment being read; pushed at its end (or at the end of the input).
    current: Option<Assignment>,
    /// The item 1 waiting for its item 2 ([`Items`], the checker's rule).
    pending: Items<AmountItem1>,
    posts: Posts,
    /// The last mandate could not be represented: its later posts are dropped too.
    skip_mandate: bool,
    /// Every assignment start read, with its lines; the last is open until its end.
    spans: Vec<AssignmentSpan>,
    /// Whether the last span is still open (no end record yet).
    span_open: bool,
    /// The last line seen.
    line: u64,
    /// The items of the OCR giro payment being read: item 1, then item 2 when its type has
    /// an item 3 to wait for.
    ocr: Option<(OcrItem1, Option<OcrItem2>)>,
    /// Whether the last AvtaleGiro claim takes the item 2 or lines that follow: the record
    /// before was its item 1, item 2 or one of its lines.
    avtale_open: bool,
}

impl Assembler {
    pub(crate) fn new(direction: Direction) -> Self {
        Self {
            transmission: Transmission {
                direction,
                sender: 0,
                transmission_number: 0,
                recipient: 0,
                generated: None,
                assignments: Vec::new(),
            },
            current: None,
            pending: Items::default(),
            posts: Posts::default(),
            skip_mandate: false,
            spans: Vec::new(),
            span_open: false,
            ocr: None,
            avtale_open: false,
            line: 0,
        }
    }

    /// A line that could not be read: an item 1 before it stays without its item 2, as the
    /// checker has it.
    pub(crate) fn bad_line(&mut self) {
        self.pending.other();
    }

    /// Closes the open span at `last`.
    fn close_span(&mut self, last: u64) {
        if self.span_open
            && let Some(span) = self.spans.last_mut()
        {
            span.lines = *span.lines.start()..=last.max(*span.lines.start());
        }
        self.span_open = false;
    }

    /// Reads the record of `line`. A line that could not be read is not given, but it stays
    /// inside the span of the assignment it is in.
    pub(crate) fn record(&mut self, line: u64, record: &Record, direction: Direction) {
        self.line = line;
        // Autogiro's claims, most of every large file, first.
        if self.autogiro_item(record) {
            return;
        }
        self.track(line, record);
        match record {
            Record::TransmissionStart(s) => {
                let t = &mut self.transmission;
                t.direction = direction;
                t.sender = s.sender;
                t.transmission_number = s.transmission_number;
                t.recipient = s.recipient;
            }
            Record::AssignmentStart(s) => self.start(s, direction),
            Record::OcrAssignmentStart(s) => {
                let s = AssignmentStart {
                    assignment_type: AssignmentType::Claims,
                    agreement_id: s.agreement_id,
                    assignment_number: s.assignment_number,
                    account: s.account,
                };
                self.start_kind(&s, AssignmentKind::OcrGiro);
            }
            Record::AvtaleGiroAssignmentStart(s) => self.avtale_start(s),
            Record::AvtaleGiroItem1(i) => self.avtale_item1(i),
            Record::AvtaleGiroItem2(i) => self.avtale_item2(i),
            Record::AvtaleGiroSpecification(s) => self.avtale_specification(s),
            Record::AvtaleGiroMandate(m) => self.avtale_mandate(m),
            Record::AvtaleGiroClaimsEnd(_) | Record::AvtaleGiroMandatesEnd(_) => self.end(),
            Record::OcrItem1(i) => self.ocr = Some((*i, None)),
            Record::OcrItem2(i) => self.ocr_item2(i),
            Record::OcrItem3(i) => self.ocr_item3(i),
            Record::OcrAssignmentEnd(end) => {
                if let Some(Assignment::OcrGiro(a)) = &mut self.current {
                    a.generated = end.generated;
                }
                self.end();
            }
            // Read above.
            Record::AmountItem1(_)
            | Record::RejectedItem1(_)
            | Record::AmountItem2(_)
            | Record::RejectedItem2(_) => {}
            Record::Specification(s) => {
                if let Some(Assignment::Claims(a)) = &mut self.current
                    && let Some(claim) = a.claims.last_mut()
                {
                    claim.specification.push(SpecificationLine {
                        line: s.line,
                        column: s.column,
                        text: s.text,
                    });
                }
            }
            Record::MandatePost1(p) => self.post1(p, None),
            Record::MandatePost1FromMps(p) => self.post1(&p.post, Some(p.archive_reference)),
            Record::MandatePost2(p) => self.posts.post2 = Some(*p),
            Record::MandatePost3(p) => self.posts.post3 = Some(*p),
            Record::MandatePost4(p) => self.post4(p),
            Record::ClaimsEndFromMps(end) => {
                match &mut self.current {
                    Some(Assignment::Settled(a)) => a.generated = end.generated,
                    Some(Assignment::Rejected(a)) => a.generated = end.generated,
                    _ => {}
                }
                self.end();
            }
            Record::ClaimsEnd(_) | Record::MandatesEnd(_) | Record::TransmissionEnd(_) => {
                self.end();
            }
            Record::TransmissionEndFromMps(end) => {
                self.end();
                self.transmission.generated = end.generated;
            }
            other => self.mps_post(other),
        }
    }

    /// Reads an item of Autogiro's claims (31 and 35 and their item 2), most of every large
    /// file, without the bookkeeping of the other records: an item ends only what the
    /// services' items left open, and neither starts nor ends a span. `false` for any other
    /// record.
    #[inline]
    fn autogiro_item(&mut self, record: &Record) -> bool {
        match record {
            Record::AmountItem1(i) | Record::RejectedItem1(i) => {
                self.services_closed();
                self.pending.item1(*i);
                true
            }
            Record::AmountItem2(i) => {
                self.services_closed();
                if let Some(claim) = self.claim(i) {
                    match &mut self.current {
                        Some(Assignment::Claims(a)) => a.claims.push(claim),
                        Some(Assignment::Settled(a)) => a.claims.push(claim),
                        _ => {}
                    }
                }
                true
            }
            Record::RejectedItem2(i) => {
                self.services_closed();
                if let (Some(claim), Some(Assignment::Rejected(a))) =
                    (self.claim(&i.item), &mut self.current)
                {
                    a.rejections.push(RejectedClaim {
                        claim,
                        code: i.error_code,
                    });
                }
                true
            }
            _ => false,
        }
    }

    /// An Autogiro item is read: no OCR giro transaction or AvtaleGiro claim takes the
    /// records after it.
    fn services_closed(&mut self) {
        self.ocr = None;
        self.avtale_open = false;
    }

    /// What a record other than Autogiro's items ends before it is read: the item waiting for
    /// its pair, the span of the assignment it starts or ends.
    fn track(&mut self, line: u64, record: &Record) {
        // An item 1 pairs only with the item 2 right after it, as the checker pairs them.
        if !pairing::is_item2(record) {
            self.pending.other();
        }
        // An OCR giro item pairs only with the items of its transaction right before it.
        if !matches!(record, Record::OcrItem2(_) | Record::OcrItem3(_)) {
            self.ocr = None;
        }
        // An AvtaleGiro item 2 or line belongs only to the claim of the records right before.
        if !matches!(
            record,
            Record::AvtaleGiroItem1(_)
                | Record::AvtaleGiroItem2(_)
                | Record::AvtaleGiroSpecification(_)
        ) {
            self.avtale_open = false;
        }
        let start = match record {
            Record::AssignmentStart(s) => Some((s.agreement_id, s.assignment_number)),
            Record::OcrAssignmentStart(s) => Some((s.agreement_id, s.assignment_number)),
            Record::AvtaleGiroAssignmentStart(s) => Some((0, s.assignment_number)),
            _ => None,
        };
        if let Some((agreement_id, assignment_number)) = start {
            self.close_span(line - 1);
            self.spans.push(AssignmentSpan {
                agreement_id,
                assignment_number,
                lines: line..=line,
                assignment: None,
            });
            self.span_open = true;
        }
        match record {
            Record::ClaimsEnd(_)
            | Record::ClaimsEndFromMps(_)
            | Record::MandatesEnd(_)
            | Record::OcrAssignmentEnd(_)
            | Record::AvtaleGiroClaimsEnd(_)
            | Record::AvtaleGiroMandatesEnd(_) => {
                self.close_span(line);
            }
            Record::TransmissionEnd(_) | Record::TransmissionEndFromMps(_) => {
                self.close_span(line - 1);
            }
            _ => {}
        }
    }

    fn start(&mut self, s: &AssignmentStart, direction: Direction) {
        self.start_kind(s, AssignmentKind::of(s.assignment_type, direction));
    }

    /// An OCR giro item 2: the payment of the item 1 right before it, unless its type waits
    /// for an item 3. Items of another number or type are the checker's to report.
    fn ocr_item2(&mut self, item2: &OcrItem2) {
        let Some((item1, None)) = self.ocr.take() else {
            return;
        };
        if (item1.transaction_type, item1.transaction_number)
            != (item2.transaction_type, item2.transaction_number)
        {
            return;
        }
        if item1.transaction_type.has_free_text() {
            self.ocr = Some((item1, Some(*item2)));
        } else {
            self.push_payment(&item1, item2, None);
        }
    }

    /// An OCR giro item 3: the payment of the items 1 and 2 right before it.
    fn ocr_item3(&mut self, item3: &OcrItem3) {
        if let Some((item1, Some(item2))) = self.ocr.take()
            && (item1.transaction_type, item1.transaction_number)
                == (item3.transaction_type, item3.transaction_number)
        {
            self.push_payment(&item1, &item2, Some(item3));
        }
    }

    /// An AvtaleGiro assignment start: of claims, cancellations or mandates, with no agreement
    /// id (0 in the header).
    fn avtale_start(&mut self, s: &autogiro_format::AvtaleGiroAssignmentStart) {
        let kind = match s.assignment_type {
            autogiro_format::AvtaleGiroAssignmentType::Claims => AssignmentKind::AvtaleGiroClaims,
            autogiro_format::AvtaleGiroAssignmentType::Cancellations => {
                AssignmentKind::AvtaleGiroCancellations
            }
            autogiro_format::AvtaleGiroAssignmentType::Mandates => {
                AssignmentKind::AvtaleGiroMandates
            }
        };
        let s = AssignmentStart {
            assignment_type: kind.assignment_type(),
            agreement_id: 0,
            assignment_number: s.assignment_number,
            account: s.account,
        };
        self.start_kind(&s, kind);
    }

    /// An AvtaleGiro mandate record.
    fn avtale_mandate(&mut self, m: &autogiro_format::AvtaleGiroMandate) {
        if let (Some(Assignment::AvtaleGiroMandates(a)), Some(m)) =
            (&mut self.current, AvtaleGiroMandate::of(m))
        {
            a.mandates.push(m);
        }
    }

    /// The claims or requests being read: of an AvtaleGiro assignment of claims or
    /// cancellations.
    fn avtale_claims(&mut self) -> Option<&mut Vec<AvtaleGiroClaim>> {
        match &mut self.current {
            Some(Assignment::AvtaleGiroClaims(a)) => Some(&mut a.claims),
            Some(Assignment::AvtaleGiroCancellations(a)) => Some(&mut a.cancellations),
            _ => None,
        }
    }

    /// An AvtaleGiro item 1: a claim or request, its item 2 and lines to come.
    fn avtale_item1(&mut self, item: &autogiro_format::AvtaleGiroItem1) {
        self.avtale_open = false;
        if let (Some(claim), Some(claims)) = (AvtaleGiroClaim::of(item, None), self.avtale_claims())
        {
            claims.push(claim);
            self.avtale_open = true;
        }
    }

    /// An AvtaleGiro item 2: the names of the claim whose item 1 is right before it, of its
    /// type and number.
    fn avtale_item2(&mut self, item: &autogiro_format::AvtaleGiroItem2) {
        let open = std::mem::take(&mut self.avtale_open);
        let Some(last) = self.avtale_claims().and_then(|c| c.last_mut()) else {
            return;
        };
        if open
            && last.names.is_none()
            && (last.transaction_type, last.transaction_number)
                == (item.transaction_type, item.transaction_number)
        {
            last.names = Some(crate::AvtaleGiroNames {
                short_name: item.short_name,
                foreign_reference: item.foreign_reference,
            });
            self.avtale_open = true;
        }
    }

    /// An AvtaleGiro specification line of the claim right before it.
    fn avtale_specification(&mut self, s: &autogiro_format::AvtaleGiroSpecification) {
        if !self.avtale_open {
            return;
        }
        if let Some(last) = self.avtale_claims().and_then(|c| c.last_mut())
            && last.names.is_some()
            && last.transaction_number == s.transaction_number
        {
            last.specification.push(crate::SpecificationLine {
                line: u16::try_from(s.line).ok(),
                column: u8::try_from(s.column).ok(),
                text: s.text,
            });
        }
    }

    fn push_payment(&mut self, item1: &OcrItem1, item2: &OcrItem2, item3: Option<&OcrItem3>) {
        if let (Some(payment), Some(Assignment::OcrGiro(a))) =
            (OcrPayment::of(item1, item2, item3), &mut self.current)
        {
            a.payments.push(payment);
        }
    }

    fn start_kind(&mut self, s: &AssignmentStart, kind: AssignmentKind) {
        self.end();
        let Ok(account) = AccountNumber::parse(s.account.as_str()) else {
            return;
        };
        let header = AssignmentHeader {
            agreement_id: s.agreement_id,
            assignment_number: s.assignment_number,
            account,
        };
        // A placeholder until the assignment end gives MPS's date.
        let generated = Date::MIN;
        self.current = Some(match kind {
            AssignmentKind::Claims => Assignment::Claims(ClaimsAssignment {
                header,
                claims: Vec::new(),
            }),
            AssignmentKind::Settled => Assignment::Settled(SettledAssignment {
                header,
                generated,
                claims: Vec::new(),
            }),
            AssignmentKind::Rejected => Assignment::Rejected(RejectedAssignment {
                header,
                generated,
                rejections: Vec::new(),
            }),
            AssignmentKind::Mandates => Assignment::Mandates(MandatesAssignment {
                header,
                mandates: Vec::new(),
            }),
            AssignmentKind::OcrGiro => Assignment::OcrGiro(OcrAssignment {
                header,
                generated,
                payments: Vec::new(),
            }),
            AssignmentKind::AvtaleGiroClaims => Assignment::AvtaleGiroClaims(AvtaleGiroClaims {
                header,
                claims: Vec::new(),
            }),
            AssignmentKind::AvtaleGiroCancellations => {
                Assignment::AvtaleGiroCancellations(AvtaleGiroCancellations {
                    header,
                    cancellations: Vec::new(),
                })
            }
            AssignmentKind::AvtaleGiroMandates => {
                Assignment::AvtaleGiroMandates(AvtaleGiroMandates {
                    header,
                    mandates: Vec::new(),
                })
            }
        });
    }

    fn end(&mut self) {
        if let Some(a) = self.current.take() {
            if let Some(span) = self.spans.last_mut() {
                span.assignment = Some(self.transmission.assignments.len());
            }
            self.transmission.assignments.push(a);
        }
        self.pending.other();
    }

    /// The claim of the pending item 1 and this item 2.
    fn claim(&mut self, item2: &AmountItem2) -> Option<Claim> {
        let item1 = self.pending.item2()?;
        let kid = kid_of(&item1.kid).ok()?;
        Some(Claim {
            transaction_number: item1.transaction_number,
            claim_type: item1.transaction_type,
            date: item1.date,
            payer: item1.payer,
            amount: Amount::from_record(item1.amount),
            kid,
            short_name: item2.short_name,
            own_reference: item2.own_reference,
            foreign_reference: item2.foreign_reference,
            specification: Vec::new(),
        })
    }

    fn post1(&mut self, p: &MandatePost1, archive_reference: Option<Text<9>>) {
        self.posts = Posts::default();
        let Ok(account) = AccountNumber::parse(p.account.as_str()) else {
            self.skip_mandate = true;
            return;
        };
        self.skip_mandate = false;
        let mps = archive_reference.map(|archive_reference| MpsMandate {
            archive_reference,
            ..MpsMandate::empty()
        });
        if let Some(Assignment::Mandates(a)) = &mut self.current {
            a.mandates.push(Mandate {
                sequence_number: p.sequence_number,
                mandate_type: p.mandate_type,
                registration_type: p.registration_type,
                payer_reference: p.payer_reference,
                account,
                period_code: p.period_code,
                amount_limit: Amount::from_record(p.amount_limit),
                valid_from: p.valid_from,
                valid_to: match (p.valid_from, p.valid_to) {
                    (Some(from), Some(to)) if from > to => {
                        valid_to_read_later(from, to).or(Some(to))
                    }
                    (_, to) => to,
                },
                payer: None,
                mps,
            });
        }
    }

    /// The mandate a later post of `mandate_type` and `sequence` belongs to: the last one read,
    /// if the post carries its type and sequence number (the checker reports one that does not).
    fn last_mandate(&mut self, mandate_type: MandateType, sequence: u32) -> Option<&mut Mandate> {
        if self.skip_mandate {
            return None;
        }
        match &mut self.current {
            Some(Assignment::Mandates(a)) => a.mandates.last_mut().filter(|m| {
                pairing::post_belongs((m.mandate_type, m.sequence_number), mandate_type, sequence)
            }),
            _ => None,
        }
    }

    fn post4(&mut self, p4: &MandatePost4) {
        let (Some(p2), Some(p3)) = (self.posts.post2.take(), self.posts.post3.take()) else {
            return;
        };
        let organisation = organisation(&p4.organisation_number);
        let same = |t, n| (t, n) == (p4.mandate_type, p4.sequence_number);
        if !same(p2.mandate_type, p2.sequence_number) || !same(p3.mandate_type, p3.sequence_number)
        {
            return;
        }
        if let Some(m) = self.last_mandate(p4.mandate_type, p4.sequence_number) {
            m.payer = Some(PayerDetails {
                name: p2.name,
                address1: p2.address1,
                address2: p3.address2,
                postal_code: p3.postal_code,
                postal_code_extension: p3.postal_code_extension,
                postal_town: p3.postal_town,
                country_code: p3.country_code,
                organisation,
                signatory: p4.signatory,
                signatory_birth_date: p4.signatory_birth_date,
            });
        }
    }

    /// Posts 2, 4 and 5 from MPS (post 3 from MPS holds nothing).
    fn mps_post(&mut self, record: &Record) {
        let (mandate_type, sequence) = match record {
            Record::MandatePost2FromMps(p) => (p.mandate_type, p.sequence_number),
            Record::MandatePost4FromMps(p) => (p.mandate_type, p.sequence_number),
            Record::MandatePost5FromMps(p) => (p.mandate_type, p.sequence_number),
            _ => return,
        };
        let Some(mps) = self
            .last_mandate(mandate_type, sequence)
            .and_then(|m| m.mps.as_mut())
        else {
            return;
        };
        match record {
            Record::MandatePost2FromMps(p) => mps.name = p.name,
            Record::MandatePost4FromMps(p) => {
                mps.blocked_from = p.blocked_from;
                mps.blocked_to = p.blocked_to;
                mps.new_from = p.new_from;
                mps.new_amount_limit = Amount::from_record(p.new_amount_limit);
                mps.new_period_code = p.new_period_code;
                mps.registration_date = p.registration_date;
                mps.change_date = p.change_date;
            }
            Record::MandatePost5FromMps(p) => {
                mps.listing = Some(ListingPost {
                    charged_in_period: p.charged_in_period.map(Amount::from_record),
                    last_charged: p.last_charged,
                });
            }
            _ => {}
        }
    }

    /// For a stream ([`crate::Inspection`]): folds every finished assignment, and every item
    /// of the current one but the last (which later records may still add to: specification
    /// lines, mandate posts), into `streamed`'s summary, and drops them, so that memory stays
    /// bounded whatever the file's size. Called after every record.
    pub(crate) fn fold_into(&mut self, streamed: &mut Streamed) {
        let summary = &mut streamed.summary;
        // Most calls find nothing finished: a drain of nothing still costs its drop.
        if !self.transmission.assignments.is_empty() {
            for finished in self.transmission.assignments.drain(..) {
                match summary.assignments.last_mut() {
                    Some(open) if streamed.open => open.add_items(&finished, 0..usize::MAX),
                    _ => summary.assignments.push(AssignmentSummary::of(&finished)),
                }
                streamed.open = false;
            }
        }
        if let Some(current) = &mut self.current {
            if !streamed.open {
                summary.assignments.push(AssignmentSummary::empty(current));
                streamed.open = true;
            }
            let done = current.len().saturating_sub(1);
            if done > 0
                && let Some(open) = summary.assignments.last_mut()
            {
                open.add_items(current, 0..done);
                match current {
                    Assignment::Claims(a) => drop(a.claims.drain(..done)),
                    Assignment::Settled(a) => drop(a.claims.drain(..done)),
                    Assignment::Rejected(a) => drop(a.rejections.drain(..done)),
                    Assignment::Mandates(a) => drop(a.mandates.drain(..done)),
                    Assignment::OcrGiro(a) => drop(a.payments.drain(..done)),
                    Assignment::AvtaleGiroClaims(a) => drop(a.claims.drain(..done)),
                    Assignment::AvtaleGiroCancellations(a) => {
                        drop(a.cancellations.drain(..done));
                    }
                    Assignment::AvtaleGiroMandates(a) => drop(a.mandates.drain(..done)),
                }
            }
        }
        // Only the open span is still needed: it is what the next records close.
        let spans = self.spans.len().saturating_sub(1);
        if spans > 0 {
            self.spans.drain(..spans);
        }
    }

    /// For a reader in parts ([`crate::Transmission::read_in_parts`]): hands every finished
    /// assignment to `each` (its last part), and the items of the current one but the last
    /// (which later records may still add to) once they are more than `items`; drops what it
    /// handed on. `handed` says whether the current assignment has had a part handed on. Called
    /// after every record.
    pub(crate) fn hand_parts<E>(
        &mut self,
        items: usize,
        handed: &mut bool,
        each: &mut impl FnMut(&Transmission, Part<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        if !self.transmission.assignments.is_empty() {
            let mut finished = std::mem::take(&mut self.transmission.assignments);
            for a in &finished {
                let part = Part {
                    assignment: a,
                    first: !*handed,
                    last: true,
                };
                *handed = false;
                each(&self.transmission, part)?;
            }
            // The vector's room kept for the next one.
            finished.clear();
            self.transmission.assignments = finished;
        }
        if let Some(current) = &mut self.current
            && current.len() > items
        {
            let done = split_done(current);
            let part = Part {
                assignment: &done,
                first: !*handed,
                last: false,
            };
            *handed = true;
            each(&self.transmission, part)?;
        }
        let spans = self.spans.len().saturating_sub(1);
        self.spans.drain(..spans);
        Ok(())
    }

    /// For a reader in parts: the end of the input, the rest handed on; the transmission's
    /// start and end, with no assignments.
    pub(crate) fn finish_parts<E>(
        mut self,
        handed: &mut bool,
        each: &mut impl FnMut(&Transmission, Part<'_>) -> Result<(), E>,
    ) -> Result<Transmission, E> {
        self.end_input();
        self.hand_parts(usize::MAX, handed, each)?;
        Ok(self.transmission)
    }

    /// For a stream: the end of the input (the assignment being read ends there), the rest
    /// folded, and the transmission's start and end taken into the summary.
    pub(crate) fn finish_into(mut self, mut streamed: Streamed) -> Summary {
        self.end_input();
        self.fold_into(&mut streamed);
        streamed.summary.set_transmission(&self.transmission);
        streamed.summary
    }

    /// The model and the span of every assignment start read (one without an end runs to the
    /// last line read).
    pub(crate) fn finish(mut self) -> (Transmission, Vec<AssignmentSpan>) {
        self.end_input();
        (self.transmission, self.spans)
    }

    /// The end of the input: the assignment being read ends there.
    fn end_input(&mut self) {
        self.end();
        self.close_span(self.line);
    }
}

/// Takes every item of `a` but the last into an assignment of the same kind and header,
/// leaving the last in `a`.
fn split_done(a: &mut Assignment) -> Assignment {
    fn split<T>(items: &mut Vec<T>) -> Vec<T> {
        let last = items.pop();
        let done = std::mem::take(items);
        items.extend(last);
        done
    }
    match a {
        Assignment::Claims(x) => Assignment::Claims(ClaimsAssignment {
            header: x.header,
            claims: split(&mut x.claims),
        }),
        Assignment::Settled(x) => Assignment::Settled(SettledAssignment {
            header: x.header,
            generated: x.generated,
            claims: split(&mut x.claims),
        }),
        Assignment::Rejected(x) => Assignment::Rejected(RejectedAssignment {
            header: x.header,
            generated: x.generated,
            rejections: split(&mut x.rejections),
        }),
        Assignment::Mandates(x) => Assignment::Mandates(MandatesAssignment {
            header: x.header,
            mandates: split(&mut x.mandates),
        }),
        Assignment::OcrGiro(x) => Assignment::OcrGiro(OcrAssignment {
            header: x.header,
            generated: x.generated,
            payments: split(&mut x.payments),
        }),
        Assignment::AvtaleGiroClaims(x) => Assignment::AvtaleGiroClaims(AvtaleGiroClaims {
            header: x.header,
            claims: split(&mut x.claims),
        }),
        Assignment::AvtaleGiroCancellations(x) => {
            Assignment::AvtaleGiroCancellations(AvtaleGiroCancellations {
                header: x.header,
                cancellations: split(&mut x.cancellations),
            })
        }
        Assignment::AvtaleGiroMandates(x) => Assignment::AvtaleGiroMandates(AvtaleGiroMandates {
            header: x.header,
            mandates: split(&mut x.mandates),
        }),
    }
}

/// The KID of a KID field (item 1, positions 50-74): `None` when blank, an error when the
/// digits cannot be a KID. The check digit is the checker's to judge; the model keeps the
/// digits.
pub(crate) fn kid_of(
    field: &autogiro_format::PaddedDigits<25>,
) -> Result<Option<Kid>, autogiro_checksum::ChecksumError> {
    if field.is_blank() {
        return Ok(None);
    }
    Kid::parse_unchecked(field.digit_bytes()).map(Some)
}

/// [Decision 14](docs/spec-decisions.md#decision-14): `00` + a valid Norwegian organisation number, or anything else as written.
pub(crate) fn organisation(field: &Text<11>) -> Organisation {
    let text = field.to_string();
    match OrganisationNumber::parse(&text) {
        Ok(n) if text.len() == 11 => Organisation::Norwegian(n),
        _ => Organisation::Foreign(*field),
    }
}

/// A valid-to date that the two-digit window reads in an earlier century than valid-from,
/// read one century later when that mends it (`311299`, "no end", is 2099-12-31):
/// [decision 31](docs/spec-decisions.md#decision-31). `None` when the two are read in the
/// same century (valid-to before valid-from is then an error), or a century does not mend it.
pub(crate) fn valid_to_read_later(from: Date, to: Date) -> Option<Date> {
    if to.year().div_euclid(100) >= from.year().div_euclid(100) {
        return None;
    }
    let later = to.replace_year(to.year() + 100).ok()?;
    (later >= from).then_some(later)
}
