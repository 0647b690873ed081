//! The rules of mandates: post 1 and its later posts in order, the limit of a period code,
//! required fields, postal codes and organisation numbers.

use autogiro_checksum::{AccountNumber, OrganisationNumber};
use autogiro_format::{
    Direction, Field, MandatePost1, MandatePost2, MandatePost3, MandatePost4, MandatePost4FromMps,
    MandatePost5FromMps, MandateType, PeriodCode, Record, RegistrationType, Text,
};

use super::{Checker, MandateState, Open, Place, and_list, checksum_said, post_name};
use crate::pairing::{self, later_posts};
use crate::said::{Said, said};
use crate::{Amount, Code, Edition, Severity};

impl Checker {
    pub(super) fn post1(
        &mut self,
        open: &mut Open,
        line: u64,
        post: &MandatePost1,
        direction: Direction,
    ) {
        if let Some(m) = open.mandate.take() {
            self.finish_mandate(m);
        }
        self.number(open, line, 70, post.sequence_number, Code::MandateSequence);
        if direction == Direction::ToMps
            && self.find_registered_twice
            && let Ok(reference) = post.payer_reference.digits().parse::<u64>()
            && let Some(key) = registration_key(reference, post.registration_type)
        {
            if let Some(&first) = self.registered.get(&key) {
                self.at_field(
                    Severity::Warning,
                    Code::DuplicateRegistration,
                    line,
                    70,
                    &MandatePost1::PAYER_REFERENCE,
                    said!(
                        "diag.duplicate-registration",
                        payer = post.payer_reference.digits(),
                        registration = post.registration_type,
                        first = first
                    ),
                );
            } else if let Ok(line) = u32::try_from(line) {
                // A line past 2^32 (a file of 343 GB) is far past any transmission MPS
                // takes, whose count the checker reports: its mandate is not looked for again.
                self.registered.insert(key, line);
            }
        }
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
                &MandatePost1::ACCOUNT,
                said!("diag.payer-account", account = post.account)
                    .with_words("error", checksum_said(&e)),
            );
        }
        self.check_limit(line, post);
        if let (Some(from), Some(to)) = (post.valid_from, post.valid_to)
            && from > to
        {
            // Read a century later where that mends it
            // ([decision 31](docs/spec-decisions.md#decision-31)), else an error.
            match crate::assemble::valid_to_read_later(from, to) {
                Some(later) => self.at_field(
                    Severity::Warning,
                    Code::ValidToCentury,
                    line,
                    70,
                    &MandatePost1::VALID_TO,
                    said!("diag.valid-to-century", to = to, from = from, later = later),
                ),
                None => self.at_field(
                    Severity::Error,
                    Code::MandateDates,
                    line,
                    70,
                    Place::across(
                        &MandatePost1::VALID_FROM,
                        &MandatePost1::VALID_TO,
                        "valid from, valid to",
                    ),
                    said!("diag.valid-from-after-to", from = from, to = to),
                ),
            }
        }
        let (posts, required): (&'static [u8], usize) = match direction {
            Direction::ToMps => {
                let needs = self.edition == Edition::V3_9
                    && matches!(
                        post.registration_type,
                        RegistrationType::New | RegistrationType::Change
                    );
                (later_posts(direction), if needs { 3 } else { 0 })
            }
            // A mandate of a full listing also carries post 5
            // ([decision 24](docs/spec-decisions.md#decision-24)).
            Direction::FromMps => (
                later_posts(direction),
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
    pub(super) fn check_limit(&mut self, line: u64, post: &MandatePost1) {
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
                    Place::across(
                        &MandatePost1::PERIOD_CODE,
                        &MandatePost1::AMOUNT_LIMIT,
                        "period code, amount limit",
                    ),
                    said!(
                        "diag.simplified-limit",
                        period = post.period_code,
                        limit = Amount::from_record(post.amount_limit)
                    ),
                );
            }
            MandateType::Standard if post.period_code == PeriodCode::NoPeriod => {
                self.at_field(
                    Severity::Error,
                    Code::MandateLimit,
                    line,
                    70,
                    &MandatePost1::PERIOD_CODE,
                    said!("diag.standard-period"),
                );
            }
            // [Decision 27](docs/spec-decisions.md#decision-27): a standard mandate carries
            // its limit.
            MandateType::Standard if post.amount_limit == 0 => {
                self.at_field(
                    Severity::Error,
                    Code::MandateLimit,
                    line,
                    70,
                    &MandatePost1::AMOUNT_LIMIT,
                    said!("diag.standard-limit"),
                );
            }
            _ => {}
        }
    }

    pub(super) fn finish_mandate(&mut self, m: MandateState) {
        if m.next < m.required {
            let missing: Vec<String> = m
                .posts
                .iter()
                .take(m.required)
                .skip(m.next)
                .map(|&r| post_name(r))
                .collect();
            let key = if m.posts.contains(&74) {
                "diag.mandate-lacks.edition"
            } else if m.registration == RegistrationType::Listing {
                "diag.mandate-lacks.listing"
            } else {
                "diag.mandate-lacks"
            };
            self.record_error(
                Code::MandatePostMissing,
                m.line,
                70,
                Said::new(key)
                    .with("mandate", m.sequence)
                    .with("registration", m.registration)
                    .with_words("posts", and_list(&missing)),
            );
        } else if m.registration == RegistrationType::Delete
            && m.next > 0
            && m.next < m.posts.len().min(3)
        {
            // A deletion needs post 1 only; posts 2-4 after it come whole
            // ([decision 33](docs/spec-decisions.md#decision-33)).
            let missing: Vec<String> = m
                .posts
                .iter()
                .take(3)
                .skip(m.next)
                .map(|&r| post_name(r))
                .collect();
            self.record_warning(
                Code::MandatePostMissing,
                m.line,
                70,
                said!("diag.deletion-posts", mandate = m.sequence)
                    .with_words("posts", and_list(&missing)),
            );
        }
    }

    /// Posts 2-5 of a mandate (records 71, 72, 73, 74, 76).
    pub(super) fn later_post(
        &mut self,
        open: &mut Open,
        line: u64,
        record: &Record,
        direction: Direction,
    ) {
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
                    said!("diag.post-without-post1", record = record_type),
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
                    said!(
                        "diag.post-edition",
                        record = record_type,
                        mandate = m.sequence
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
                said!("diag.post5-not-listing", registration = m.registration),
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
                    said!(
                        "diag.mandate-lacks-before",
                        mandate = m.sequence,
                        post = post_name(record_type)
                    )
                    .with_words("posts", and_list(&missing)),
                );
                m.next += skipped + 1;
            }
            _ => {
                let expected = m.posts.get(m.next).map_or_else(
                    || said!("diag.no-further-post"),
                    |&r| Said::plain(post_name(r)),
                );
                self.record_error(
                    Code::MandatePostOrder,
                    line,
                    record_type,
                    said!(
                        "diag.post-order",
                        mandate = m.sequence,
                        found = post_name(record_type)
                    )
                    .with_words("expected", expected),
                );
                if let Some(i) = m.posts.iter().position(|&r| r == record_type) {
                    m.next = m.next.max(i + 1);
                }
            }
        }
        open.mandate = Some(m);
    }

    /// Checks that a later post carries its post 1's sequence number and transaction type.
    pub(super) fn post_belongs(
        &mut self,
        line: u64,
        record_type: u8,
        m: &MandateState,
        mandate_type: MandateType,
        sequence: u32,
    ) {
        if pairing::post_belongs((m.mandate_type, m.sequence), mandate_type, sequence) {
            return;
        }
        if sequence != m.sequence {
            self.at_field(
                Severity::Error,
                Code::MandatePostOrder,
                line,
                record_type,
                &MandatePost1::SEQUENCE_NUMBER,
                said!(
                    "diag.post-sequence",
                    expected = m.sequence,
                    line = m.line,
                    found = sequence
                ),
            );
        }
        if mandate_type != m.mandate_type {
            self.at_field(
                Severity::Error,
                Code::MandatePostOrder,
                line,
                record_type,
                &MandatePost1::MANDATE_TYPE,
                said!(
                    "diag.post-mandate-type",
                    expected = m.mandate_type,
                    found = mandate_type
                ),
            );
        }
    }

    /// The field rules of mandate posts 2-4 to MPS: required fields, postal code ([decision 15](docs/spec-decisions.md#decision-15)),
    /// organisation number ([decision 14](docs/spec-decisions.md#decision-14)).
    /// Text left-justified ([decision 25](docs/spec-decisions.md#decision-25)), a signatory
    /// born before the file is read, and in a file from MPS blocked dates in order and no sum
    /// charged in a 3.9 listing ([decision 35](docs/spec-decisions.md#decision-35),
    /// [decision 29](docs/spec-decisions.md#decision-29)).
    pub(super) fn post_fields(&mut self, line: u64, record: &Record) {
        match record {
            Record::MandatePost2(p) => {
                self.required(line, 71, &MandatePost2::NAME, &p.name);
                self.left_justified(line, 71, &MandatePost2::NAME, &p.name);
                self.left_justified(line, 71, &MandatePost2::ADDRESS1, &p.address1);
            }
            Record::MandatePost3(p) => {
                self.postal_code(line, p);
                self.required(line, 72, &MandatePost3::POSTAL_TOWN, &p.postal_town);
                self.left_justified(line, 72, &MandatePost3::ADDRESS2, &p.address2);
                self.left_justified(line, 72, &MandatePost3::POSTAL_TOWN, &p.postal_town);
            }
            Record::MandatePost4(p) => {
                self.organisation(line, &p.organisation_number);
                self.required(line, 74, &MandatePost4::SIGNATORY, &p.signatory);
                self.left_justified(line, 74, &MandatePost4::SIGNATORY, &p.signatory);
                if self
                    .today
                    .is_some_and(|today| p.signatory_birth_date > today)
                {
                    self.at_field(
                        Severity::Error,
                        Code::BirthDateAfterFile,
                        line,
                        74,
                        &MandatePost4::SIGNATORY_BIRTH_DATE,
                        said!("diag.birth-date", date = p.signatory_birth_date),
                    );
                }
            }
            Record::MandatePost4FromMps(p) => {
                if let (Some(from), Some(to)) = (p.blocked_from, p.blocked_to)
                    && to < from
                {
                    self.at_field(
                        Severity::Warning,
                        Code::BlockedDates,
                        line,
                        73,
                        Place::across(
                            &MandatePost4FromMps::BLOCKED_FROM,
                            &MandatePost4FromMps::BLOCKED_TO,
                            "blocked from, blocked to",
                        ),
                        said!("diag.blocked-dates", to = to, from = from),
                    );
                }
            }
            Record::MandatePost5FromMps(p) => {
                if let (Edition::V3_9, Some(sum)) = (self.edition, p.charged_in_period) {
                    self.at_field(
                        Severity::Warning,
                        Code::ChargedSumGiven,
                        line,
                        76,
                        &MandatePost5FromMps::CHARGED_IN_PERIOD,
                        said!("diag.charged-sum", sum = Amount::from_record(sum)),
                    );
                }
            }
            _ => {}
        }
    }

    /// The warning of a text field that starts with a blank but is not blank: text is
    /// left-justified ([decision 25](docs/spec-decisions.md#decision-25)); kept as written.
    pub(super) fn left_justified<const N: usize>(
        &mut self,
        line: u64,
        record_type: u8,
        field: &'static Field,
        text: &Text<N>,
    ) {
        if text.as_field().first() == Some(&b' ') && !text.is_blank() {
            self.at_field(
                Severity::Warning,
                Code::TextNotLeftJustified,
                line,
                record_type,
                field,
                // Decoded from ISO-8859-1, without the trailing blanks.
                said!(
                    "diag.left-justified",
                    field = field.name,
                    text = format!("{text:?}")
                ),
            );
        }
    }

    pub(super) fn required<const N: usize>(
        &mut self,
        line: u64,
        record_type: u8,
        field: &'static Field,
        text: &Text<N>,
    ) {
        if text.is_blank() {
            self.at_field(
                Severity::Error,
                Code::RequiredField,
                line,
                record_type,
                field,
                said!("diag.required", field = field.name),
            );
        }
    }

    pub(super) fn postal_code(&mut self, line: u64, p: &autogiro_format::MandatePost3) {
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
                    &MandatePost3::POSTAL_CODE,
                    said!(
                        "diag.postal-code",
                        found = format!("{:?}", p.postal_code.to_string())
                    ),
                );
            }
            if !p.postal_code_extension.is_blank() {
                self.at_field(
                    Severity::Error,
                    Code::PostalCode,
                    line,
                    72,
                    &MandatePost3::POSTAL_CODE_EXTENSION,
                    said!(
                        "diag.postal-extension",
                        found = format!("{:?}", p.postal_code_extension.to_string())
                    ),
                );
            }
        } else if p.postal_code.is_blank() && p.postal_code_extension.is_blank() {
            self.at_field(
                Severity::Error,
                Code::PostalCode,
                line,
                72,
                Place::across(
                    &MandatePost3::POSTAL_CODE,
                    &MandatePost3::POSTAL_CODE_EXTENSION,
                    "postal code",
                ),
                said!("diag.foreign-postal-code", country = country),
            );
        }
    }

    pub(super) fn organisation(&mut self, line: u64, field: &Text<11>) {
        let text = field.to_string();
        let bytes = field.as_field();
        let finding = if field.is_blank() || bytes.iter().all(|&b| b == b'0') {
            Some((
                Severity::Error,
                Code::OrganisationNumber,
                said!("diag.organisation-required"),
            ))
        } else if bytes.starts_with(b"00") && bytes.iter().all(u8::is_ascii_digit) {
            OrganisationNumber::parse(&text).err().map(|e| {
                (
                    Severity::Error,
                    Code::OrganisationNumber,
                    said!("diag.organisation", number = &text)
                        .with_words("error", checksum_said(&e)),
                )
            })
        } else if bytes.iter().all(|&b| b.is_ascii_digit() || b == b' ') {
            // Digits and blanks only: a Norwegian number written without its leading zeros
            // ([decision 32](docs/spec-decisions.md#decision-32)), not a foreign one.
            Some((
                Severity::Error,
                Code::OrganisationNumber,
                said!(
                    "diag.organisation-form",
                    number = format!("{:?}", String::from_utf8_lossy(bytes))
                ),
            ))
        } else {
            Some((
                Severity::Warning,
                Code::ForeignOrganisation,
                said!("diag.foreign-organisation", number = format!("{text:?}")),
            ))
        };
        if let Some((severity, code, message)) = finding {
            let place = &MandatePost4::ORGANISATION_NUMBER;
            self.at_field(severity, code, line, 74, place, message);
        }
    }
}

/// A payer reference (record 70 positions 17-27: eleven digits at most) and a registration
/// type (position 16) as one number, the key of `Checker::registered`; `None` for a reference
/// too large to pack, which eleven digits never are.
fn registration_key(reference: u64, registration: RegistrationType) -> Option<u64> {
    let kind = match registration {
        RegistrationType::Listing => 0,
        RegistrationType::New => 1,
        RegistrationType::Change => 2,
        RegistrationType::Delete => 3,
    };
    reference.checked_mul(4)?.checked_add(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registration_keys_are_one_a_reference_and_type() {
        let types = [
            RegistrationType::Listing,
            RegistrationType::New,
            RegistrationType::Change,
            RegistrationType::Delete,
        ];
        let mut seen = std::collections::HashSet::new();
        for reference in [0, 1, 2, 99_999_999_998, 99_999_999_999] {
            for t in types {
                assert!(seen.insert(registration_key(reference, t).unwrap()));
            }
        }
        assert_eq!(
            registration_key(u64::MAX / 4 + 1, RegistrationType::New),
            None
        );
    }
}
