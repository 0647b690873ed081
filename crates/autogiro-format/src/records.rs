//! One type, one parser and one writer per record layout of `docs/records.md`.
//!
//! Each parser reads the fields in column order with the combinators of `parse`, checking fixed
//! values and fillers; each writer writes them in the same order with `encode::Out`. Field names
//! in errors are those of `docs/records.md`.

use time::Date;

use crate::encode::Out;
use crate::parse::{
    PResult, blanks, code, date, digits, digits_value, error_code, literal, long_date, number,
    number_or_blanks, number32, opt_date, padded, payer, text, zeros,
};
use crate::value::{Code, Context, Digits, PaddedDigits, Text, has_utf8_sequence};
use crate::{
    AssignmentType, ClaimType, Direction, ErrorCode, ErrorKind, MandateType, PeriodCode,
    RECORD_LEN, RecordError, RegistrationType,
};

/// Positions 1-8 of a record of service code `01` (every record but 10 and 89): format code
/// `NY`, service code `01`, a type code in positions 5-6, the record type in 7-8.
fn head<T: Code>(
    type_field: &'static str,
    record: &'static str,
) -> impl Fn(&[u8]) -> PResult<'_, T> {
    move |i| {
        let (i, ()) = literal("NY", "format code")(i)?;
        let (i, ()) = literal("01", "service code")(i)?;
        let (i, t) = code::<T, 2>(type_field)(i)?;
        let (i, ()) = literal(record, "record type")(i)?;
        Ok((i, t))
    }
}

/// Positions 1-8 of the transmission records 10 and 89: `NY`, service code `00`, transmission
/// type `00`, the record type.
fn transmission_head(record: &'static str) -> impl Fn(&[u8]) -> PResult<'_, ()> {
    move |i| {
        let (i, ()) = literal("NY", "format code")(i)?;
        let (i, ()) = literal("00", "service code")(i)?;
        let (i, ()) = literal("00", "transmission type")(i)?;
        literal(record, "record type")(i)
    }
}

/// Narrows a parsed code to the values a layout allows, or fails at its columns.
fn only<'a, T: Code + PartialEq>(
    value: T,
    allowed: &[T],
    codes: &'static [&'static str],
    at: &'a [u8],
    field: &'static str,
) -> PResult<'a, T> {
    if allowed.contains(&value) {
        return Ok((at, value));
    }
    let width = value.code().len();
    let first_column = RECORD_LEN + 1 - at.len();
    Err(nom::Err::Error(RecordError {
        record_type: None,
        first_column,
        last_column: first_column + width - 1,
        field,
        kind: ErrorKind::OneOf(codes),
        found: at.get(..width).unwrap_or(at).to_vec(),
    }))
}

/// 10 Transmission start (both directions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransmissionStart {
    /// Positions 9-16, data sender: the sender's customer unit id (`00008080` from MPS).
    pub sender: u32,
    /// Positions 17-23, transmission number: the sender's own unique numbering.
    pub transmission_number: u32,
    /// Positions 24-31, data recipient (`00008080` to MPS).
    pub recipient: u32,
}

impl TransmissionStart {
    fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, ()) = transmission_head("10")(i)?;
        let (i, sender) = number32::<8>("data sender")(i)?;
        let (i, transmission_number) = number32::<7>("transmission number")(i)?;
        let (i, recipient) = number32::<8>("data recipient")(i)?;
        let (i, ()) = zeros::<49>("filler")(i)?;
        let record = Self {
            sender,
            transmission_number,
            recipient,
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        Out::new()
            .lit("NY000010")
            .num::<8>(self.sender.into(), "data sender")
            .num::<7>(self.transmission_number.into(), "transmission number")
            .num::<8>(self.recipient.into(), "data recipient")
            .zeros::<49>()
            .finish(10)
    }

    /// The direction this start gives the file: recipient MPS means to MPS, sender MPS means
    /// from MPS; `None` when neither is MPS.
    pub fn direction(&self) -> Option<Direction> {
        if self.recipient == crate::MPS_ID {
            Some(Direction::ToMps)
        } else if self.sender == crate::MPS_ID {
            Some(Direction::FromMps)
        } else {
            None
        }
    }
}

/// 20 Assignment start (both directions; type 25 from MPS only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AssignmentStart {
    /// Positions 5-6: `00` claims (settled, from MPS), `24` mandates, `25` rejected claims.
    pub assignment_type: AssignmentType,
    /// Positions 9-17, agreement id (avtale-ID), assigned by MPS.
    pub agreement_id: u32,
    /// Positions 18-24, assignment number: unique per agreement id for 12 months + 1 day.
    pub assignment_number: u32,
    /// Positions 25-35, assignment account: the payee's bank account.
    pub account: Digits<11>,
}

impl AssignmentStart {
    fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let at = i.get(4..).unwrap_or_default();
        let (i, assignment_type) = head::<AssignmentType>("assignment type", "20")(i)?;
        if ctx.direction == Direction::ToMps {
            only(
                assignment_type,
                &[AssignmentType::Claims, AssignmentType::Mandates],
                &["00", "24"],
                at,
                "assignment type",
            )?;
        }
        let (i, agreement_id) = number32::<9>("agreement id")(i)?;
        let (i, assignment_number) = number32::<7>("assignment number")(i)?;
        let (i, account) = digits::<11>("assignment account")(i)?;
        let (i, ()) = zeros::<45>("filler")(i)?;
        let record = Self {
            assignment_type,
            agreement_id,
            assignment_number,
            account: Digits::from_field(*account),
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        Out::new()
            .lit("NY01")
            .code(self.assignment_type)
            .lit("20")
            .num::<9>(self.agreement_id.into(), "agreement id")
            .num::<7>(self.assignment_number.into(), "assignment number")
            .digits(&self.account)
            .zeros::<45>()
            .finish(20)
    }
}

/// 30 Amount item 1 (both directions) and 35 Rejected amount item 1 (from MPS): one claim's
/// amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AmountItem1 {
    /// Positions 5-6, transaction type: `02` without notice, `03` with notice.
    pub transaction_type: ClaimType,
    /// Positions 9-15, transaction number: consecutive within the assignment, from 1.
    pub transaction_number: u32,
    /// Positions 16-21: the due date (to MPS) or the processing date (from MPS).
    pub date: Date,
    /// Positions 22-32, the payer's reference (blank-padded digits) or 11-digit account; never
    /// all blanks ([decision 20](docs/spec-decisions.md#decision-20)).
    pub payer: PaddedDigits<11>,
    /// Positions 33-49, amount in øre.
    pub amount: u64,
    /// Positions 50-74, KID: right-justified digits, or blanks ([decision 2](docs/spec-decisions.md#decision-2)).
    pub kid: PaddedDigits<25>,
}

impl AmountItem1 {
    fn parse<'a>(i: &'a [u8], ctx: &Context, record: &'static str) -> PResult<'a, Self> {
        let (i, transaction_type) = head::<ClaimType>("transaction type", record)(i)?;
        let (i, transaction_number) = number32::<7>("transaction number")(i)?;
        let date_field = match ctx.direction {
            Direction::ToMps => "due date",
            Direction::FromMps => "processing date",
        };
        let (i, date) = date(ctx, date_field)(i)?;
        let (i, payer) = payer::<11>("payer's reference or account")(i)?;
        let (i, amount) = number::<17>("amount")(i)?;
        let (i, kid) = padded::<25>("KID")(i)?;
        let (i, ()) = zeros::<6>("filler")(i)?;
        let record = Self {
            transaction_type,
            transaction_number,
            date,
            payer: PaddedDigits::from_field(*payer),
            amount,
            kid: PaddedDigits::from_field(*kid),
        };
        Ok((i, record))
    }

    fn encode(&self, record: &'static str) -> Result<[u8; RECORD_LEN], RecordError> {
        Out::new()
            .lit("NY01")
            .code(self.transaction_type)
            .lit(record)
            .num::<7>(self.transaction_number.into(), "transaction number")
            .date(self.date, "date")
            .padded(&self.payer)
            .num::<17>(self.amount, "amount")
            .padded(&self.kid)
            .zeros::<6>()
            .finish(record_number(record))
    }
}

/// 31 Amount item 2 (both directions): the claim's names and references.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AmountItem2 {
    /// Positions 5-6, transaction type, the same as item 1's.
    pub transaction_type: ClaimType,
    /// Positions 9-15, transaction number, the same as item 1's.
    pub transaction_number: u32,
    /// Positions 16-25, abbreviated name of the payer.
    pub short_name: Text<10>,
    /// Positions 26-50, own reference: the payee's.
    pub own_reference: Text<25>,
    /// Positions 51-75, foreign reference: shown on the payer's statement.
    pub foreign_reference: Text<25>,
}

impl AmountItem2 {
    fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, item) = item2_fields(i, "31")?;
        let (i, ()) = zeros::<5>("filler")(i)?;
        Ok((i, item))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        self.encode_fields("31").zeros::<5>().finish(31)
    }

    /// Positions 1-75, shared with record 36.
    fn encode_fields(&self, record: &'static str) -> Out {
        let mut out = Out::new();
        out.lit("NY01")
            .code(self.transaction_type)
            .lit(record)
            .num::<7>(self.transaction_number.into(), "transaction number")
            .text(&self.short_name)
            .text(&self.own_reference)
            .text(&self.foreign_reference);
        out
    }
}

/// Positions 1-75 of records 31 and 36.
fn item2_fields<'a>(i: &'a [u8], record: &'static str) -> PResult<'a, AmountItem2> {
    let (i, transaction_type) = head::<ClaimType>("transaction type", record)(i)?;
    let (i, transaction_number) = number32::<7>("transaction number")(i)?;
    let (i, short_name) = text::<10>("abbreviated name")(i)?;
    let (i, own_reference) = text::<25>("own reference")(i)?;
    let (i, foreign_reference) = text::<25>("foreign reference")(i)?;
    let item = AmountItem2 {
        transaction_type,
        transaction_number,
        short_name: Text::from_field(*short_name),
        own_reference: Text::from_field(*own_reference),
        foreign_reference: Text::from_field(*foreign_reference),
    };
    Ok((i, item))
}

/// 36 Rejected amount item 2 (from MPS): item 2 of a rejected claim, with the error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RejectedItem2 {
    /// Positions 1-75, as in record 31.
    pub item: AmountItem2,
    /// Positions 76-78, error code.
    pub error_code: ErrorCode,
}

impl RejectedItem2 {
    fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, item) = item2_fields(i, "36")?;
        let (i, error_code) = error_code("error code")(i)?;
        let (i, ()) = zeros::<2>("filler")(i)?;
        Ok((i, Self { item, error_code }))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        self.item
            .encode_fields("36")
            .error_code(self.error_code, "error code")
            .zeros::<2>()
            .finish(36)
    }
}

/// 49 Specification (to MPS, transaction type 03 only): a line of text on the payer's notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Specification {
    /// Positions 9-15, transaction number of the claim it belongs to.
    pub transaction_number: u32,
    /// Positions 17-19, line 1-21; `None` when blank. A blank or zero line is not printed
    /// ([decision 12](docs/spec-decisions.md#decision-12)); the model checks the range.
    pub line: Option<u16>,
    /// Position 20, column 1 or 2; `None` when blank ([decision 12](docs/spec-decisions.md#decision-12)).
    pub column: Option<u8>,
    /// Positions 21-60, the text ([decision 3](docs/spec-decisions.md#decision-3): not a KID).
    pub text: Text<40>,
}

impl Specification {
    fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, ()) = literal("NY", "format code")(i)?;
        let (i, ()) = literal("01", "service code")(i)?;
        let (i, ()) = literal("03", "transaction type")(i)?;
        let (i, ()) = literal("49", "record type")(i)?;
        let (i, transaction_number) = number32::<7>("transaction number")(i)?;
        let (i, ()) = literal("3", "notice flag")(i)?;
        let (i, line) = number_or_blanks::<3>("line")(i)?;
        let (i, column) = number_or_blanks::<1>("column")(i)?;
        let (i, text) = text::<40>("text")(i)?;
        let (i, ()) = zeros::<20>("filler")(i)?;
        let record = Self {
            transaction_number,
            // Three digits fit a u16, one digit a u8.
            line: line.and_then(|v| u16::try_from(v).ok()),
            column: column.and_then(|v| u8::try_from(v).ok()),
            text: Text::from_field(*text),
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        Out::new()
            .lit("NY010349")
            .num::<7>(self.transaction_number.into(), "transaction number")
            .lit("3")
            .num_or_blanks::<3>(self.line.map(u64::from), "line")
            .num_or_blanks::<1>(self.column.map(u64::from), "column")
            .text(&self.text)
            .zeros::<20>()
            .finish(49)
    }
}

/// 70 Mandate post 1 (to MPS): the mandate itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost1 {
    /// Positions 5-6, `22` standard or `23` simplified.
    pub mandate_type: MandateType,
    /// Positions 9-15, mandate sequence number: consecutive within the assignment.
    pub sequence_number: u32,
    /// Position 16, registration type: `1` new, `2` change, `3` delete.
    pub registration_type: RegistrationType,
    /// Positions 17-27, payer's reference: right-justified digits padded with zeros or blanks,
    /// or the payer's account when no reference is used; never all blanks
    /// ([decision 20](docs/spec-decisions.md#decision-20)).
    pub payer_reference: PaddedDigits<11>,
    /// Positions 29-39, payer's account (position 28 is the modulus code, always `3`).
    pub account: Digits<11>,
    /// Positions 40-41, period code: `01`-`06` standard, `00` simplified.
    pub period_code: PeriodCode,
    /// Positions 42-58, amount limit per period in øre; zeros for simplified.
    pub amount_limit: u64,
    /// Positions 59-64, valid from (first possible charge date), or none.
    pub valid_from: Option<Date>,
    /// Positions 65-70, valid to (last day, inclusive), or none.
    pub valid_to: Option<Date>,
}

impl MandatePost1 {
    /// Positions 1-70, shared by the records 70 of both directions.
    fn parse_fields<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, mandate_type) = head::<MandateType>("transaction type", "70")(i)?;
        let (i, sequence_number) = number32::<7>("mandate sequence number")(i)?;
        let at = i;
        let (i, registration_type) = code::<RegistrationType, 1>("registration type")(i)?;
        if ctx.direction == Direction::ToMps {
            only(
                registration_type,
                &[
                    RegistrationType::New,
                    RegistrationType::Change,
                    RegistrationType::Delete,
                ],
                &["1", "2", "3"],
                at,
                "registration type",
            )?;
        }
        let (i, payer_reference) = payer::<11>("payer's reference")(i)?;
        let (i, ()) = literal("3", "modulus code")(i)?;
        let (i, account) = digits::<11>("payer's account")(i)?;
        let (i, period_code) = code::<PeriodCode, 2>("period code")(i)?;
        let (i, amount_limit) = number::<17>("amount limit")(i)?;
        let (i, valid_from) = opt_date(ctx, "valid from")(i)?;
        let (i, valid_to) = opt_date(ctx, "valid to")(i)?;
        let post = Self {
            mandate_type,
            sequence_number,
            registration_type,
            payer_reference: PaddedDigits::from_field(*payer_reference),
            account: Digits::from_field(*account),
            period_code,
            amount_limit,
            valid_from,
            valid_to,
        };
        Ok((i, post))
    }

    /// Writes positions 1-70.
    fn encode_fields(&self) -> Out {
        let mut out = Out::new();
        out.lit("NY01")
            .code(self.mandate_type)
            .lit("70")
            .num::<7>(self.sequence_number.into(), "mandate sequence number")
            .code(self.registration_type)
            .padded(&self.payer_reference)
            .lit("3")
            .digits(&self.account)
            .code(self.period_code)
            .num::<17>(self.amount_limit, "amount limit")
            .opt_date(self.valid_from, "valid from")
            .opt_date(self.valid_to, "valid to");
        out
    }
}

impl MandatePost1 {
    fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, post) = Self::parse_fields(i, ctx)?;
        let (i, ()) = zeros::<10>("filler")(i)?;
        Ok((i, post))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        self.encode_fields().zeros::<10>().finish(70)
    }
}

/// 70 Mandate post 1 (from MPS): the mandate as registered, with its archive reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost1FromMps {
    /// Positions 1-70, as in the record to MPS; registration type may also be `0` (listing),
    /// and on a change of limit the amount limit is the OLD limit.
    pub post: MandatePost1,
    /// Positions 72-80, archive reference: where the mandate was last registered (free text,
    /// e.g. `*90000000` by file, `9000MPS` online at MPS). Position 71 is a `0` filler.
    pub archive_reference: Text<9>,
}

impl MandatePost1FromMps {
    fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, post) = MandatePost1::parse_fields(i, ctx)?;
        let (i, ()) = zeros::<1>("filler")(i)?;
        let (i, archive_reference) = text::<9>("archive reference")(i)?;
        Ok((
            i,
            Self {
                post,
                archive_reference: Text::from_field(*archive_reference),
            },
        ))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        self.post
            .encode_fields()
            .zeros::<1>()
            .text(&self.archive_reference)
            .finish(70)
    }
}

/// 71 Mandate post 2 (to MPS): the payer's name and first address line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost2 {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
    /// Positions 16-45, the payer's (company's) name; required.
    pub name: Text<30>,
    /// Positions 46-75, address line 1, blanks if unused.
    pub address1: Text<30>,
}

impl MandatePost2 {
    fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, (mandate_type, sequence_number)) = mandate_head(i, "71")?;
        let (i, name) = text::<30>("name")(i)?;
        let (i, address1) = text::<30>("address 1")(i)?;
        let (i, ()) = zeros::<5>("filler")(i)?;
        let record = Self {
            mandate_type,
            sequence_number,
            name: Text::from_field(*name),
            address1: Text::from_field(*address1),
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        mandate_out(self.mandate_type, "71", self.sequence_number)
            .text(&self.name)
            .text(&self.address1)
            .zeros::<5>()
            .finish(71)
    }
}

/// Positions 1-15 of mandate posts 2-5: the head and the mandate sequence number.
fn mandate_head<'a>(i: &'a [u8], record: &'static str) -> PResult<'a, (MandateType, u32)> {
    let (i, mandate_type) = head::<MandateType>("transaction type", record)(i)?;
    let (i, sequence_number) = number32::<7>("mandate sequence number")(i)?;
    Ok((i, (mandate_type, sequence_number)))
}

/// Writes positions 1-15 of mandate posts 2-5.
fn mandate_out(mandate_type: MandateType, record: &'static str, sequence_number: u32) -> Out {
    let mut out = Out::new();
    out.lit("NY01")
        .code(mandate_type)
        .lit(record)
        .num::<7>(sequence_number.into(), "mandate sequence number");
    out
}

/// 71 Mandate post 2 (from MPS): the payer's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost2FromMps {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
    /// Positions 16-45, the payer's name. Positions 46-75 are blanks, 76-80 zeros.
    pub name: Text<30>,
}

impl MandatePost2FromMps {
    fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, (mandate_type, sequence_number)) = mandate_head(i, "71")?;
        let (i, name) = text::<30>("name")(i)?;
        let (i, ()) = blanks::<30>("filler")(i)?;
        let (i, ()) = zeros::<5>("filler")(i)?;
        let record = Self {
            mandate_type,
            sequence_number,
            name: Text::from_field(*name),
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        mandate_out(self.mandate_type, "71", self.sequence_number)
            .text(&self.name)
            .blanks::<30>()
            .zeros::<5>()
            .finish(71)
    }
}

/// 72 Mandate post 3 (to MPS): the rest of the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost3 {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
    /// Positions 16-45, address line 2, blanks if unused.
    pub address2: Text<30>,
    /// Positions 46-49, postal code: 4 digits for a Norwegian address; with the extension a
    /// foreign postal code ([decision 15](docs/spec-decisions.md#decision-15)), so read as text.
    pub postal_code: Text<4>,
    /// Positions 50-52, postal code extension: blanks for a Norwegian address.
    pub postal_code_extension: Text<3>,
    /// Positions 53-77, postal town; required.
    pub postal_town: Text<25>,
    /// Positions 78-80, country code, optional free text.
    pub country_code: Text<3>,
}

impl MandatePost3 {
    fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, (mandate_type, sequence_number)) = mandate_head(i, "72")?;
        let (i, address2) = text::<30>("address 2")(i)?;
        let (i, postal_code) = text::<4>("postal code")(i)?;
        let (i, postal_code_extension) = text::<3>("postal code extension")(i)?;
        let (i, postal_town) = text::<25>("postal town")(i)?;
        let (i, country_code) = text::<3>("country code")(i)?;
        let record = Self {
            mandate_type,
            sequence_number,
            address2: Text::from_field(*address2),
            postal_code: Text::from_field(*postal_code),
            postal_code_extension: Text::from_field(*postal_code_extension),
            postal_town: Text::from_field(*postal_town),
            country_code: Text::from_field(*country_code),
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        mandate_out(self.mandate_type, "72", self.sequence_number)
            .text(&self.address2)
            .text(&self.postal_code)
            .text(&self.postal_code_extension)
            .text(&self.postal_town)
            .text(&self.country_code)
            .finish(72)
    }
}

/// 72 Mandate post 3 (from MPS): positions 16-80 are blanks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost3FromMps {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
}

impl MandatePost3FromMps {
    fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, (mandate_type, sequence_number)) = mandate_head(i, "72")?;
        let (i, ()) = blanks::<65>("filler")(i)?;
        let record = Self {
            mandate_type,
            sequence_number,
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        mandate_out(self.mandate_type, "72", self.sequence_number)
            .blanks::<65>()
            .finish(72)
    }
}

/// 74 Mandate post 4 (to MPS): the company and the person who signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost4 {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
    /// Positions 16-26, organisation number: `00` + 9 digits for a Norwegian company; other
    /// content is a payer outside Norway ([decision 14](docs/spec-decisions.md#decision-14)), so read as text.
    pub organisation_number: Text<11>,
    /// Positions 27-56, the signatory's name; required.
    pub signatory: Text<30>,
    /// Positions 57-64, the signatory's birth date, `DDMMYYYY`.
    pub signatory_birth_date: Date,
}

impl MandatePost4 {
    fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, (mandate_type, sequence_number)) = mandate_head(i, "74")?;
        let (i, organisation_number) = text::<11>("organisation number")(i)?;
        let (i, signatory) = text::<30>("signatory name")(i)?;
        let (i, signatory_birth_date) = long_date("signatory birth date")(i)?;
        let (i, ()) = zeros::<16>("filler")(i)?;
        let record = Self {
            mandate_type,
            sequence_number,
            organisation_number: Text::from_field(*organisation_number),
            signatory: Text::from_field(*signatory),
            signatory_birth_date,
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        mandate_out(self.mandate_type, "74", self.sequence_number)
            .text(&self.organisation_number)
            .text(&self.signatory)
            .long_date(self.signatory_birth_date, "signatory birth date")
            .zeros::<16>()
            .finish(74)
    }
}

/// 73 Mandate post 4 (from MPS): blocks, a coming limit change, registration and change dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost4FromMps {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
    /// Positions 16-21, blocked by the bank from this date ([decision 1](docs/spec-decisions.md#decision-1): not 15-21).
    pub blocked_from: Option<Date>,
    /// Positions 22-27, blocked until and including this date.
    pub blocked_to: Option<Date>,
    /// Positions 28-33, the date a new limit and/or period code takes effect.
    pub new_from: Option<Date>,
    /// Positions 34-50, the new amount limit in øre.
    pub new_amount_limit: u64,
    /// Positions 51-52, the new period code.
    pub new_period_code: PeriodCode,
    /// Positions 53-58, the date of the first registration.
    pub registration_date: Option<Date>,
    /// Positions 59-64, the date of the last change.
    pub change_date: Option<Date>,
}

impl MandatePost4FromMps {
    fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, (mandate_type, sequence_number)) = mandate_head(i, "73")?;
        let (i, blocked_from) = opt_date(ctx, "blocked from")(i)?;
        let (i, blocked_to) = opt_date(ctx, "blocked to")(i)?;
        let (i, new_from) = opt_date(ctx, "new from")(i)?;
        let (i, new_amount_limit) = number::<17>("new amount limit")(i)?;
        let (i, new_period_code) = code::<PeriodCode, 2>("new period code")(i)?;
        let (i, registration_date) = opt_date(ctx, "registration date")(i)?;
        let (i, change_date) = opt_date(ctx, "change date")(i)?;
        let (i, ()) = zeros::<16>("filler")(i)?;
        let record = Self {
            mandate_type,
            sequence_number,
            blocked_from,
            blocked_to,
            new_from,
            new_amount_limit,
            new_period_code,
            registration_date,
            change_date,
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        mandate_out(self.mandate_type, "73", self.sequence_number)
            .opt_date(self.blocked_from, "blocked from")
            .opt_date(self.blocked_to, "blocked to")
            .opt_date(self.new_from, "new from")
            .num::<17>(self.new_amount_limit, "new amount limit")
            .code(self.new_period_code)
            .opt_date(self.registration_date, "registration date")
            .opt_date(self.change_date, "change date")
            .zeros::<16>()
            .finish(73)
    }
}

/// 76 Mandate post 5 (from MPS, full listing only): the last charge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost5FromMps {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
    /// Positions 24-40, the sum charged in the period in øre; blanked since spec 3.9 (`None`).
    /// Positions 16-23 are blanks.
    pub charged_in_period: Option<u64>,
    /// Positions 41-46, the date of the last charge.
    pub last_charged: Option<Date>,
}

impl MandatePost5FromMps {
    fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, (mandate_type, sequence_number)) = mandate_head(i, "76")?;
        let (i, ()) = blanks::<8>("filler")(i)?;
        let (i, charged_in_period) = number_or_blanks::<17>("sum charged in period")(i)?;
        let (i, last_charged) = opt_date(ctx, "last charged")(i)?;
        let (i, ()) = zeros::<34>("filler")(i)?;
        let record = Self {
            mandate_type,
            sequence_number,
            charged_in_period,
            last_charged,
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        mandate_out(self.mandate_type, "76", self.sequence_number)
            .blanks::<8>()
            .num_or_blanks::<17>(self.charged_in_period, "sum charged in period")
            .opt_date(self.last_charged, "last charged")
            .zeros::<34>()
            .finish(76)
    }
}

/// The counters every assignment end and transmission end starts with (positions 9-41).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Totals {
    /// Positions 9-16, number of transactions.
    pub transactions: u32,
    /// Positions 17-24, number of records, start and end included.
    pub records: u32,
    /// Positions 25-41, sum amount in øre.
    pub sum: u64,
}

impl Totals {
    fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, transactions) = number32::<8>("number of transactions")(i)?;
        let (i, records) = number32::<8>("number of records")(i)?;
        let (i, sum) = number::<17>("sum amount")(i)?;
        let totals = Self {
            transactions,
            records,
            sum,
        };
        Ok((i, totals))
    }

    fn encode(&self, out: &mut Out) {
        out.num::<8>(self.transactions.into(), "number of transactions")
            .num::<8>(self.records.into(), "number of records")
            .num::<17>(self.sum, "sum amount");
    }
}

/// 88 Assignment end of a claims assignment (to MPS, assignment type 00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClaimsEnd {
    /// Positions 9-41: claims, records, sum of item-1 amounts.
    pub totals: Totals,
    /// Positions 42-47, the earliest due date.
    pub first_due_date: Option<Date>,
    /// Positions 48-53, the latest due date.
    pub last_due_date: Option<Date>,
}

impl ClaimsEnd {
    fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, _) = head::<AssignmentType>("assignment type", "88")(i)?;
        let (i, totals) = Totals::parse(i)?;
        let (i, first_due_date) = opt_date(ctx, "first due date")(i)?;
        let (i, last_due_date) = opt_date(ctx, "last due date")(i)?;
        let (i, ()) = zeros::<27>("filler")(i)?;
        let record = Self {
            totals,
            first_due_date,
            last_due_date,
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        let mut out = Out::new();
        out.lit("NY010088");
        self.totals.encode(&mut out);
        out.opt_date(self.first_due_date, "first due date")
            .opt_date(self.last_due_date, "last due date")
            .zeros::<27>()
            .finish(88)
    }
}

/// 88 Assignment end of a settled (00) or rejected (25) claims assignment (from MPS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClaimsEndFromMps {
    /// Positions 5-6: `00` settled or `25` rejected.
    pub assignment_type: AssignmentType,
    /// Positions 9-41: claims, records, sum of item-1 amounts.
    pub totals: Totals,
    /// Positions 42-47, the date MPS generated the assignment.
    pub generated: Date,
    /// Positions 48-53, the earliest processing date.
    pub first_date: Option<Date>,
    /// Positions 54-59, the latest processing date.
    pub last_date: Option<Date>,
}

impl ClaimsEndFromMps {
    fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, assignment_type) = head::<AssignmentType>("assignment type", "88")(i)?;
        let (i, totals) = Totals::parse(i)?;
        let (i, generated) = date(ctx, "date")(i)?;
        let (i, first_date) = opt_date(ctx, "first date")(i)?;
        let (i, last_date) = opt_date(ctx, "last date")(i)?;
        let (i, ()) = zeros::<21>("filler")(i)?;
        let record = Self {
            assignment_type,
            totals,
            generated,
            first_date,
            last_date,
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        let mut out = Out::new();
        out.lit("NY01").code(self.assignment_type).lit("88");
        self.totals.encode(&mut out);
        out.date(self.generated, "date")
            .opt_date(self.first_date, "first date")
            .opt_date(self.last_date, "last date")
            .zeros::<21>()
            .finish(88)
    }
}

/// 88 Assignment end of a mandates assignment (both directions, assignment type 24).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatesEnd {
    /// Positions 9-41: mandates (posts of one mandate count once), records, sum of post-1
    /// amount limits. Positions 42-80 are zeros.
    pub totals: Totals,
}

impl MandatesEnd {
    fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, _) = head::<AssignmentType>("assignment type", "88")(i)?;
        let (i, totals) = Totals::parse(i)?;
        let (i, ()) = zeros::<39>("filler")(i)?;
        Ok((i, Self { totals }))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        let mut out = Out::new();
        out.lit("NY012488");
        self.totals.encode(&mut out);
        out.zeros::<39>().finish(88)
    }
}

/// 89 Transmission end (to MPS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransmissionEnd {
    /// Positions 9-41: transactions ([decision 4](docs/spec-decisions.md#decision-4)), records, sum ([decision 5](docs/spec-decisions.md#decision-5)).
    pub totals: Totals,
    /// Positions 42-47, the earliest due date; none in a mandate-only transmission.
    pub first_due_date: Option<Date>,
}

impl TransmissionEnd {
    fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, ()) = transmission_head("89")(i)?;
        let (i, totals) = Totals::parse(i)?;
        let (i, first_due_date) = opt_date(ctx, "first date")(i)?;
        let (i, ()) = zeros::<33>("filler")(i)?;
        let record = Self {
            totals,
            first_due_date,
        };
        Ok((i, record))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        let mut out = Out::new();
        out.lit("NY000089");
        self.totals.encode(&mut out);
        out.opt_date(self.first_due_date, "first date")
            .zeros::<33>()
            .finish(89)
    }
}

/// 89 Transmission end (from MPS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransmissionEndFromMps {
    /// Positions 9-41: transactions ([decision 4](docs/spec-decisions.md#decision-4)), records, sum ([decision 5](docs/spec-decisions.md#decision-5)).
    pub totals: Totals,
    /// Positions 42-47, the date MPS generated the transmission.
    pub generated: Date,
}

impl TransmissionEndFromMps {
    fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, ()) = transmission_head("89")(i)?;
        let (i, totals) = Totals::parse(i)?;
        let (i, generated) = date(ctx, "date")(i)?;
        let (i, ()) = zeros::<33>("filler")(i)?;
        Ok((i, Self { totals, generated }))
    }

    fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        let mut out = Out::new();
        out.lit("NY000089");
        self.totals.encode(&mut out);
        out.date(self.generated, "date").zeros::<33>().finish(89)
    }
}

/// One record of either direction, one variant per layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Record {
    /// 10 Transmission start (both directions).
    TransmissionStart(TransmissionStart),
    /// 20 Assignment start (both directions).
    AssignmentStart(AssignmentStart),
    /// 30 Amount item 1 (both directions: a claim to MPS, a settled claim from MPS).
    AmountItem1(AmountItem1),
    /// 31 Amount item 2 (both directions).
    AmountItem2(AmountItem2),
    /// 35 Rejected amount item 1 (from MPS).
    RejectedItem1(AmountItem1),
    /// 36 Rejected amount item 2 (from MPS).
    RejectedItem2(RejectedItem2),
    /// 49 Specification (to MPS).
    Specification(Specification),
    /// 70 Mandate post 1 (to MPS).
    MandatePost1(MandatePost1),
    /// 71 Mandate post 2 (to MPS).
    MandatePost2(MandatePost2),
    /// 72 Mandate post 3 (to MPS).
    MandatePost3(MandatePost3),
    /// 74 Mandate post 4 (to MPS).
    MandatePost4(MandatePost4),
    /// 70 Mandate post 1 (from MPS).
    MandatePost1FromMps(MandatePost1FromMps),
    /// 71 Mandate post 2 (from MPS).
    MandatePost2FromMps(MandatePost2FromMps),
    /// 72 Mandate post 3 (from MPS).
    MandatePost3FromMps(MandatePost3FromMps),
    /// 73 Mandate post 4 (from MPS).
    MandatePost4FromMps(MandatePost4FromMps),
    /// 76 Mandate post 5 (from MPS).
    MandatePost5FromMps(MandatePost5FromMps),
    /// 88 Assignment end, claims (to MPS).
    ClaimsEnd(ClaimsEnd),
    /// 88 Assignment end, settled or rejected claims (from MPS).
    ClaimsEndFromMps(ClaimsEndFromMps),
    /// 88 Assignment end, mandates (both directions).
    MandatesEnd(MandatesEnd),
    /// 89 Transmission end (to MPS).
    TransmissionEnd(TransmissionEnd),
    /// 89 Transmission end (from MPS).
    TransmissionEndFromMps(TransmissionEndFromMps),
}

/// The record types of a direction, for messages.
pub(crate) fn record_types(direction: Direction) -> &'static str {
    match direction {
        Direction::ToMps => "10, 20, 30, 31, 49, 70, 71, 72, 74, 88, 89",
        Direction::FromMps => "10, 20, 30, 31, 35, 36, 70, 71, 72, 73, 76, 88, 89",
    }
}

/// The number of a two-digit record type literal.
fn record_number(record: &str) -> u8 {
    digits_value(record.as_bytes())
        .and_then(|v| u8::try_from(v).ok())
        .unwrap_or(0)
}

impl Record {
    /// Parses one record: exactly 80 bytes of ISO-8859-1, without the line break.
    ///
    /// The record type (positions 7-8) and the direction choose the layout; positions 5-6
    /// choose among the layouts of record 88.
    ///
    /// # Errors
    ///
    /// A [`RecordError`] naming the columns, the field, what was expected and what was found:
    /// a line of another length (with a hint when it looks like UTF-8), an unknown record type,
    /// a record of the other direction, or a field that does not hold what its layout says.
    pub fn parse(line: &[u8], ctx: &Context) -> Result<Self, RecordError> {
        if line.len() != RECORD_LEN {
            return Err(length_error(line, line.len()));
        }
        // Two-byte arrays, not slices, so that the dispatch compares integers (slice patterns
        // of string literals call memcmp for every record).
        let record_type: [u8; 2] = line
            .get(6..8)
            .and_then(|b| b.try_into().ok())
            .unwrap_or_default();
        let type_code = line.get(4..6).unwrap_or_default();
        let number = digits_value(&record_type).and_then(|v| u8::try_from(v).ok());
        let to_mps = ctx.direction == Direction::ToMps;
        let parsed = match (record_type, to_mps) {
            ([b'1', b'0'], _) => {
                TransmissionStart::parse(line).map(|(_, r)| Self::TransmissionStart(r))
            }
            ([b'2', b'0'], _) => {
                AssignmentStart::parse(line, ctx).map(|(_, r)| Self::AssignmentStart(r))
            }
            ([b'3', b'0'], _) => {
                AmountItem1::parse(line, ctx, "30").map(|(_, r)| Self::AmountItem1(r))
            }
            ([b'3', b'1'], _) => AmountItem2::parse(line).map(|(_, r)| Self::AmountItem2(r)),
            ([b'3', b'5'], false) => {
                AmountItem1::parse(line, ctx, "35").map(|(_, r)| Self::RejectedItem1(r))
            }
            ([b'3', b'6'], false) => {
                RejectedItem2::parse(line).map(|(_, r)| Self::RejectedItem2(r))
            }
            ([b'4', b'9'], true) => Specification::parse(line).map(|(_, r)| Self::Specification(r)),
            ([b'7', b'0'], true) => {
                MandatePost1::parse(line, ctx).map(|(_, r)| Self::MandatePost1(r))
            }
            ([b'7', b'1'], true) => MandatePost2::parse(line).map(|(_, r)| Self::MandatePost2(r)),
            ([b'7', b'2'], true) => MandatePost3::parse(line).map(|(_, r)| Self::MandatePost3(r)),
            ([b'7', b'4'], true) => MandatePost4::parse(line).map(|(_, r)| Self::MandatePost4(r)),
            ([b'7', b'0'], false) => {
                MandatePost1FromMps::parse(line, ctx).map(|(_, r)| Self::MandatePost1FromMps(r))
            }
            ([b'7', b'1'], false) => {
                MandatePost2FromMps::parse(line).map(|(_, r)| Self::MandatePost2FromMps(r))
            }
            ([b'7', b'2'], false) => {
                MandatePost3FromMps::parse(line).map(|(_, r)| Self::MandatePost3FromMps(r))
            }
            ([b'7', b'3'], false) => {
                MandatePost4FromMps::parse(line, ctx).map(|(_, r)| Self::MandatePost4FromMps(r))
            }
            ([b'7', b'6'], false) => {
                MandatePost5FromMps::parse(line, ctx).map(|(_, r)| Self::MandatePost5FromMps(r))
            }
            ([b'8', b'8'], _) => return parse_assignment_end(line, type_code, ctx),
            ([b'8', b'9'], true) => {
                TransmissionEnd::parse(line, ctx).map(|(_, r)| Self::TransmissionEnd(r))
            }
            ([b'8', b'9'], false) => TransmissionEndFromMps::parse(line, ctx)
                .map(|(_, r)| Self::TransmissionEndFromMps(r)),
            _ => return Err(unknown_record(line, number, ctx.direction)),
        };
        finish(parsed, line, number)
    }

    /// Writes the record as its 80 ISO-8859-1 bytes.
    ///
    /// # Errors
    ///
    /// A [`RecordError`] for the first field whose value does not fit (a number with more
    /// digits than the field, a year that two digits cannot carry).
    pub fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        match self {
            Self::TransmissionStart(r) => r.encode(),
            Self::AssignmentStart(r) => r.encode(),
            Self::AmountItem1(r) => r.encode("30"),
            Self::AmountItem2(r) => r.encode(),
            Self::RejectedItem1(r) => r.encode("35"),
            Self::RejectedItem2(r) => r.encode(),
            Self::Specification(r) => r.encode(),
            Self::MandatePost1(r) => r.encode(),
            Self::MandatePost2(r) => r.encode(),
            Self::MandatePost3(r) => r.encode(),
            Self::MandatePost4(r) => r.encode(),
            Self::MandatePost1FromMps(r) => r.encode(),
            Self::MandatePost2FromMps(r) => r.encode(),
            Self::MandatePost3FromMps(r) => r.encode(),
            Self::MandatePost4FromMps(r) => r.encode(),
            Self::MandatePost5FromMps(r) => r.encode(),
            Self::ClaimsEnd(r) => r.encode(),
            Self::ClaimsEndFromMps(r) => r.encode(),
            Self::MandatesEnd(r) => r.encode(),
            Self::TransmissionEnd(r) => r.encode(),
            Self::TransmissionEndFromMps(r) => r.encode(),
        }
    }

    /// The record type, positions 7-8.
    pub fn record_type(&self) -> u8 {
        match self {
            Self::TransmissionStart(_) => 10,
            Self::AssignmentStart(_) => 20,
            Self::AmountItem1(_) => 30,
            Self::AmountItem2(_) => 31,
            Self::RejectedItem1(_) => 35,
            Self::RejectedItem2(_) => 36,
            Self::Specification(_) => 49,
            Self::MandatePost1(_) | Self::MandatePost1FromMps(_) => 70,
            Self::MandatePost2(_) | Self::MandatePost2FromMps(_) => 71,
            Self::MandatePost3(_) | Self::MandatePost3FromMps(_) => 72,
            Self::MandatePost4FromMps(_) => 73,
            Self::MandatePost4(_) => 74,
            Self::MandatePost5FromMps(_) => 76,
            Self::ClaimsEnd(_) | Self::ClaimsEndFromMps(_) | Self::MandatesEnd(_) => 88,
            Self::TransmissionEnd(_) | Self::TransmissionEndFromMps(_) => 89,
        }
    }

    /// The direction whose files hold this layout; `None` for layouts both directions share.
    pub fn direction(&self) -> Option<Direction> {
        match self {
            Self::TransmissionStart(_)
            | Self::AssignmentStart(_)
            | Self::AmountItem1(_)
            | Self::AmountItem2(_)
            | Self::MandatesEnd(_) => None,
            Self::Specification(_)
            | Self::MandatePost1(_)
            | Self::MandatePost2(_)
            | Self::MandatePost3(_)
            | Self::MandatePost4(_)
            | Self::ClaimsEnd(_)
            | Self::TransmissionEnd(_) => Some(Direction::ToMps),
            Self::RejectedItem1(_)
            | Self::RejectedItem2(_)
            | Self::MandatePost1FromMps(_)
            | Self::MandatePost2FromMps(_)
            | Self::MandatePost3FromMps(_)
            | Self::MandatePost4FromMps(_)
            | Self::MandatePost5FromMps(_)
            | Self::ClaimsEndFromMps(_)
            | Self::TransmissionEndFromMps(_) => Some(Direction::FromMps),
        }
    }

    /// The record's name in `docs/records.md`, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Self::TransmissionStart(_) => "transmission start",
            Self::AssignmentStart(_) => "assignment start",
            Self::AmountItem1(_) => "amount item 1",
            Self::AmountItem2(_) => "amount item 2",
            Self::RejectedItem1(_) => "rejected amount item 1",
            Self::RejectedItem2(_) => "rejected amount item 2",
            Self::Specification(_) => "specification",
            Self::MandatePost1(_) | Self::MandatePost1FromMps(_) => "mandate post 1",
            Self::MandatePost2(_) | Self::MandatePost2FromMps(_) => "mandate post 2",
            Self::MandatePost3(_) | Self::MandatePost3FromMps(_) => "mandate post 3",
            Self::MandatePost4(_) | Self::MandatePost4FromMps(_) => "mandate post 4",
            Self::MandatePost5FromMps(_) => "mandate post 5",
            Self::ClaimsEnd(_) | Self::ClaimsEndFromMps(_) | Self::MandatesEnd(_) => {
                "assignment end"
            }
            Self::TransmissionEnd(_) | Self::TransmissionEndFromMps(_) => "transmission end",
        }
    }
}

/// The parse result of a layout as the record's result, its errors tagged with the record type.
fn finish(
    parsed: Result<Record, nom::Err<RecordError>>,
    line: &[u8],
    record_type: Option<u8>,
) -> Result<Record, RecordError> {
    parsed.map_err(|e| {
        let mut e = match e {
            nom::Err::Error(e) | nom::Err::Failure(e) => e,
            nom::Err::Incomplete(_) => length_error(line, line.len()),
        };
        e.record_type = record_type;
        e
    })
}

/// Record 88, whose layout depends on the assignment type (positions 5-6) and the direction.
fn parse_assignment_end(
    line: &[u8],
    type_code: &[u8],
    ctx: &Context,
) -> Result<Record, RecordError> {
    let to_mps = ctx.direction == Direction::ToMps;
    let parsed = match (type_code, to_mps) {
        (b"00", true) => ClaimsEnd::parse(line, ctx).map(|(_, r)| Record::ClaimsEnd(r)),
        (b"00" | b"25", false) => {
            ClaimsEndFromMps::parse(line, ctx).map(|(_, r)| Record::ClaimsEndFromMps(r))
        }
        (b"24", _) => MandatesEnd::parse(line).map(|(_, r)| Record::MandatesEnd(r)),
        _ => {
            let codes: &'static [&'static str] = if to_mps {
                &["00", "24"]
            } else {
                &["00", "24", "25"]
            };
            return Err(
                field_error(line, 5, 6, "assignment type", ErrorKind::OneOf(codes)).with_record(88),
            );
        }
    };
    finish(parsed, line, Some(88))
}

/// The error for a record type that no layout of `direction` has: one of the other
/// direction, or none at all (then a wrong format code is the likelier story).
fn unknown_record(line: &[u8], number: Option<u8>, direction: Direction) -> RecordError {
    if matches!(number, Some(35 | 36 | 73 | 76 | 49 | 74)) {
        return field_error(
            line,
            7,
            8,
            "record type",
            ErrorKind::WrongDirection { direction },
        )
        .with_record_opt(number);
    }
    if line.get(..2) != Some(b"NY") {
        return field_error(line, 1, 2, "format code", ErrorKind::Literal("NY"));
    }
    field_error(
        line,
        7,
        8,
        "record type",
        ErrorKind::UnknownRecordType(direction),
    )
}

impl RecordError {
    fn with_record(mut self, record_type: u8) -> Self {
        self.record_type = Some(record_type);
        self
    }

    fn with_record_opt(mut self, record_type: Option<u8>) -> Self {
        self.record_type = record_type;
        self
    }
}

/// The error for the 1-based inclusive columns `first..=last` of an 80-byte record.
fn field_error(
    line: &[u8],
    first: usize,
    last: usize,
    field: &'static str,
    kind: ErrorKind,
) -> RecordError {
    RecordError {
        record_type: None,
        first_column: first,
        last_column: last,
        field,
        kind,
        found: line.get(first - 1..last).unwrap_or_default().to_vec(),
    }
}

/// The error for a line of `length` bytes, not 80, of which `line` holds the first (all, or as
/// many as the reader kept): it points past the record's end for a long line, at the missing
/// columns for a short one, and says so when the line reads as UTF-8.
pub(crate) fn length_error(line: &[u8], length: usize) -> RecordError {
    // UTF-8 all through (a cut at the end of what the reader kept aside), with non-ASCII in it.
    let utf8 = match std::str::from_utf8(line) {
        Ok(s) => !s.is_ascii(),
        Err(e) => e.error_len().is_none() && has_utf8_sequence(line),
    };
    let (first_column, last_column) = match length {
        0 => (1, RECORD_LEN),
        n if n < RECORD_LEN => (n + 1, RECORD_LEN),
        n => (RECORD_LEN + 1, n),
    };
    let kind = if utf8 {
        ErrorKind::LooksLikeUtf8 { length }
    } else {
        ErrorKind::LineLength { length }
    };
    RecordError {
        record_type: None,
        first_column,
        last_column,
        field: "record",
        kind,
        found: line.get(..RecordError::MAX_QUOTED).unwrap_or(line).to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses a line written as a Rust string, encoded as ISO-8859-1.
    fn parse(line: &str, direction: Direction) -> Result<Record, RecordError> {
        let latin1: Vec<u8> = line.chars().map(|c| u8::try_from(c).unwrap()).collect();
        Record::parse(&latin1, &Context::new(direction))
    }

    fn err(line: &str, direction: Direction) -> String {
        parse(line, direction).unwrap_err().to_string()
    }

    #[test]
    fn assignment_end_layouts_follow_assignment_type_and_direction() {
        let settled =
            "NY010088000000010000000400000000000012500150126150126150126000000000000000000000";
        assert!(matches!(
            parse(settled, Direction::FromMps),
            Ok(Record::ClaimsEndFromMps(_))
        ));
        // The same bytes to MPS: positions 54-59 must be filler.
        assert_eq!(
            err(settled, Direction::ToMps),
            "columns 54-80 (record 88, filler): expected 27 zeros (filler), found \"150126000000000000000000000\""
        );
        let rejected =
            "NY012588000000010000000400000000000012500150126150126150126000000000000000000000";
        assert_eq!(
            err(rejected, Direction::ToMps),
            "columns 5-6 (record 88, assignment type): expected one of 00, 24, found \"25\""
        );
        let unknown =
            "NY019988000000010000000400000000000012500150126150126150126000000000000000000000";
        assert_eq!(
            err(unknown, Direction::FromMps),
            "columns 5-6 (record 88, assignment type): expected one of 00, 24, 25, found \"99\""
        );
    }

    #[test]
    fn outbound_mandate_posts_check_their_blank_fillers() {
        let post2 =
            "NY0122710000001Ærlig Ås AS                   Storgata 1                    00000";
        assert!(matches!(
            parse(post2, Direction::ToMps),
            Ok(Record::MandatePost2(_))
        ));
        assert_eq!(
            err(post2, Direction::FromMps),
            "columns 46-75 (record 71, filler): expected 30 blanks (filler), found \"Storgata 1                    \""
        );
        let post5 =
            "NY0122760000001        000000000000125000202260000000000000000000000000000000000";
        match parse(post5, Direction::FromMps) {
            Ok(Record::MandatePost5FromMps(p)) => assert_eq!(p.charged_in_period, Some(12500)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn prefix_errors_point_at_their_columns() {
        let start =
            "NY010010000123450000017000080800000000000000000000000000000000000000000000000000";
        assert_eq!(
            err(start, Direction::ToMps),
            "columns 3-4 (record 10, service code): expected `00`, found \"01\""
        );
        let spec =
            "NY010249000000230011Husleie februar                         00000000000000000000";
        assert_eq!(
            err(spec, Direction::ToMps),
            "columns 5-6 (record 49, transaction type): expected `03`, found \"02\""
        );
        assert_eq!(
            err(spec, Direction::FromMps),
            "columns 7-8 (record 49, record type): expected a record type of files from MPS; this one exists only in files to MPS, found \"49\""
        );
    }

    #[test]
    fn every_record_names_its_type_and_direction() {
        let line =
            "NY000010000123450000017000080800000000000000000000000000000000000000000000000000";
        let record = parse(line, Direction::ToMps).unwrap();
        assert_eq!(
            (record.record_type(), record.direction(), record.name()),
            (10, None, "transmission start")
        );
    }
}
