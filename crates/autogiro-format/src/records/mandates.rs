//! The records of mandates: 70-76 mandate posts of both directions and the 88 assignment end of
//! a mandates assignment.

// Measured (callgrind): a field's width folds into a constant only where it is inlined; see
// `parse.rs`.
#![allow(clippy::inline_always)]

use time::Date;

use super::claims::assignment_end_fields;
use super::{head, head_out};
use crate::encode::Out;
use crate::layout::{
    FORMAT_CODE, Field, FieldKind, Layout, MANDATE_TYPE, PERIOD_CODES, REGISTRATION_TYPES,
    REGISTRATION_TYPES_TO_MPS, SEQUENCE_NUMBER, SERVICE_CODE_01, record_type,
};
use crate::parse::{
    PResult, blanks, code, digits, literal, long_date, number, number_or_blanks, number32,
    opt_date, payer, text, zeros,
};
use crate::value::{Context, Digits, PaddedDigits, Text};
use crate::{
    ClaimsEnd, Direction, MandateType, PeriodCode, RECORD_LEN, RecordError, RegistrationType,
    Totals,
};

/// Positions 1-15 of every mandate post, then the rest of the layout.
macro_rules! post_fields {
    ($record:expr, $($rest:expr),*) => {
        &[
            FORMAT_CODE,
            SERVICE_CODE_01,
            MANDATE_TYPE,
            $record,
            SEQUENCE_NUMBER,
            $($rest),*
        ]
    };
}

/// Positions 1-15 of a mandate post: the head and the mandate sequence number.
fn post_head<'a>(i: &'a [u8], record: &'static Field) -> PResult<'a, (MandateType, u32)> {
    let (i, mandate_type) = head::<MandateType>(&MANDATE_TYPE, record)(i)?;
    let (i, sequence_number) = number32(&SEQUENCE_NUMBER)(i)?;
    Ok((i, (mandate_type, sequence_number)))
}

/// Writes positions 1-15 of a mandate post.
#[inline(always)]
fn post_out(mandate_type: MandateType, record: &Field, sequence_number: u32) -> Out {
    let mut out = head_out(&MANDATE_TYPE, mandate_type, record);
    out.num(&SEQUENCE_NUMBER, sequence_number.into());
    out
}

/// The registration type field, allowing `codes`.
const fn registration_type(codes: &'static [&'static str]) -> Field {
    Field::new("registration type", 16, 16, FieldKind::Code(codes))
}

/// 70 Mandate post 1 (to MPS): the mandate itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost1 {
    /// Positions 5-6, `22` standard or `23` simplified.
    pub mandate_type: MandateType,
    /// Positions 9-15, mandate sequence number: consecutive within the assignment.
    pub sequence_number: u32,
    /// [`Self::REGISTRATION_TYPE`]: `1` new, `2` change, `3` delete.
    pub registration_type: RegistrationType,
    /// [`Self::PAYER_REFERENCE`]: right-justified digits padded with zeros or blanks, or the
    /// payer's account when no reference is used; never all blanks
    /// ([decision 20](docs/spec-decisions.md#decision-20)).
    pub payer_reference: PaddedDigits<11>,
    /// [`Self::ACCOUNT`] (after [`Self::MODULUS_CODE`], always `3`).
    pub account: Digits<11>,
    /// [`Self::PERIOD_CODE`]: `01`-`06` standard, `00` simplified.
    pub period_code: PeriodCode,
    /// [`Self::AMOUNT_LIMIT`] per period in øre; zeros for simplified.
    pub amount_limit: u64,
    /// [`Self::VALID_FROM`] (first possible charge date), or none.
    pub valid_from: Option<Date>,
    /// [`Self::VALID_TO`] (last day, inclusive), or none.
    pub valid_to: Option<Date>,
}

impl MandatePost1 {
    /// Positions 5-6.
    pub const MANDATE_TYPE: Field = MANDATE_TYPE;
    /// Positions 7-8 of both directions' record 70.
    pub const RECORD_TYPE: Field = record_type("70");
    /// Positions 9-15.
    pub const SEQUENCE_NUMBER: Field = SEQUENCE_NUMBER;
    /// Registration type, as files to MPS allow it.
    pub const REGISTRATION_TYPE: Field = registration_type(REGISTRATION_TYPES_TO_MPS);
    /// The payer's reference.
    pub const PAYER_REFERENCE: Field =
        Field::new("payer's reference", 17, 27, FieldKind::PayerReference);
    /// Modulus code, always `3`.
    pub const MODULUS_CODE: Field = Field::new("modulus code", 28, 28, FieldKind::Literal("3"));
    /// The payer's account.
    pub const ACCOUNT: Field = Field::new("payer's account", 29, 39, FieldKind::Digits);
    /// Period code.
    pub const PERIOD_CODE: Field = Field::new("period code", 40, 41, FieldKind::Code(PERIOD_CODES));
    /// Amount limit.
    pub const AMOUNT_LIMIT: Field = Field::new("amount limit", 42, 58, FieldKind::Number);
    /// Valid from.
    pub const VALID_FROM: Field = Field::new("valid from", 59, 64, FieldKind::OptionalDate);
    /// Valid to.
    pub const VALID_TO: Field = Field::new("valid to", 65, 70, FieldKind::OptionalDate);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 71, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 70,
        direction: Some(Direction::ToMps),
        name: "mandate post 1",
        fields: post_fields![
            Self::RECORD_TYPE,
            Self::REGISTRATION_TYPE,
            Self::PAYER_REFERENCE,
            Self::MODULUS_CODE,
            Self::ACCOUNT,
            Self::PERIOD_CODE,
            Self::AMOUNT_LIMIT,
            Self::VALID_FROM,
            Self::VALID_TO,
            Self::FILLER
        ],
    };

    /// Positions 1-70, shared by the records 70 of both directions.
    fn parse_fields<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, (mandate_type, sequence_number)) = post_head(i, &Self::RECORD_TYPE)?;
        let registration = match ctx.direction {
            Direction::ToMps => &Self::REGISTRATION_TYPE,
            Direction::FromMps => &MandatePost1FromMps::REGISTRATION_TYPE,
        };
        let (i, registration_type) = code::<RegistrationType>(registration)(i)?;
        let (i, payer_reference) = payer::<11>(&Self::PAYER_REFERENCE)(i)?;
        let (i, ()) = literal(&Self::MODULUS_CODE)(i)?;
        let (i, account) = digits::<11>(&Self::ACCOUNT)(i)?;
        let (i, period_code) = code::<PeriodCode>(&Self::PERIOD_CODE)(i)?;
        let (i, amount_limit) = number(&Self::AMOUNT_LIMIT)(i)?;
        let (i, valid_from) = opt_date(ctx, &Self::VALID_FROM)(i)?;
        let (i, valid_to) = opt_date(ctx, &Self::VALID_TO)(i)?;
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
    #[inline(always)]
    fn encode_fields(&self) -> Out {
        let mut out = post_out(self.mandate_type, &Self::RECORD_TYPE, self.sequence_number);
        out.code(&Self::REGISTRATION_TYPE, self.registration_type)
            .padded(&Self::PAYER_REFERENCE, &self.payer_reference)
            .lit(&Self::MODULUS_CODE)
            .digits(&Self::ACCOUNT, &self.account)
            .code(&Self::PERIOD_CODE, self.period_code)
            .num(&Self::AMOUNT_LIMIT, self.amount_limit)
            .opt_date(&Self::VALID_FROM, self.valid_from)
            .opt_date(&Self::VALID_TO, self.valid_to);
        out
    }

    pub(super) fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, post) = Self::parse_fields(i, ctx)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        Ok((i, post))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        self.encode_fields().zeros(&Self::FILLER).finish()
    }
}

/// 70 Mandate post 1 (from MPS): the mandate as registered, with its archive reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost1FromMps {
    /// Positions 1-70, as in the record to MPS; registration type may also be `0` (listing),
    /// and on a change of limit the amount limit is the OLD limit.
    pub post: MandatePost1,
    /// [`Self::ARCHIVE_REFERENCE`]: where the mandate was last registered (free text, e.g.
    /// `*90000000` by file, `9000MPS` online at MPS).
    pub archive_reference: Text<9>,
}

impl MandatePost1FromMps {
    /// Registration type, `0` (listing) included.
    pub const REGISTRATION_TYPE: Field = registration_type(REGISTRATION_TYPES);
    /// Filler, a `0`.
    pub const FILLER: Field = Field::new("filler", 71, 71, FieldKind::Zeros);
    /// Archive reference.
    pub const ARCHIVE_REFERENCE: Field = Field::new("archive reference", 72, 80, FieldKind::Text);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 70,
        direction: Some(Direction::FromMps),
        name: "mandate post 1",
        fields: post_fields![
            MandatePost1::RECORD_TYPE,
            Self::REGISTRATION_TYPE,
            MandatePost1::PAYER_REFERENCE,
            MandatePost1::MODULUS_CODE,
            MandatePost1::ACCOUNT,
            MandatePost1::PERIOD_CODE,
            MandatePost1::AMOUNT_LIMIT,
            MandatePost1::VALID_FROM,
            MandatePost1::VALID_TO,
            Self::FILLER,
            Self::ARCHIVE_REFERENCE
        ],
    };

    pub(super) fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, post) = MandatePost1::parse_fields(i, ctx)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        let (i, archive_reference) = text::<9>(&Self::ARCHIVE_REFERENCE)(i)?;
        let record = Self {
            post,
            archive_reference: Text::from_field(*archive_reference),
        };
        Ok((i, record))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        self.post
            .encode_fields()
            .zeros(&Self::FILLER)
            .text(&Self::ARCHIVE_REFERENCE, &self.archive_reference)
            .finish()
    }
}

/// 71 Mandate post 2 (to MPS): the payer's name and first address line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost2 {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
    /// [`Self::NAME`]: the payer's (company's) name; required.
    pub name: Text<30>,
    /// [`Self::ADDRESS1`], blanks if unused.
    pub address1: Text<30>,
}

impl MandatePost2 {
    /// Positions 7-8 of both directions' record 71.
    pub const RECORD_TYPE: Field = record_type("71");
    /// Name.
    pub const NAME: Field = Field::new("name", 16, 45, FieldKind::Text);
    /// Address line 1.
    pub const ADDRESS1: Field = Field::new("address 1", 46, 75, FieldKind::Text);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 76, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 71,
        direction: Some(Direction::ToMps),
        name: "mandate post 2",
        fields: post_fields![Self::RECORD_TYPE, Self::NAME, Self::ADDRESS1, Self::FILLER],
    };

    pub(super) fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, (mandate_type, sequence_number)) = post_head(i, &Self::RECORD_TYPE)?;
        let (i, name) = text::<30>(&Self::NAME)(i)?;
        let (i, address1) = text::<30>(&Self::ADDRESS1)(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        let record = Self {
            mandate_type,
            sequence_number,
            name: Text::from_field(*name),
            address1: Text::from_field(*address1),
        };
        Ok((i, record))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        post_out(self.mandate_type, &Self::RECORD_TYPE, self.sequence_number)
            .text(&Self::NAME, &self.name)
            .text(&Self::ADDRESS1, &self.address1)
            .zeros(&Self::FILLER)
            .finish()
    }
}

/// 71 Mandate post 2 (from MPS): the payer's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost2FromMps {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
    /// [`MandatePost2::NAME`]: the payer's name.
    pub name: Text<30>,
}

impl MandatePost2FromMps {
    /// Blank filler where the record to MPS has address line 1.
    pub const BLANKS: Field = Field::new("filler", 46, 75, FieldKind::Blanks);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 71,
        direction: Some(Direction::FromMps),
        name: "mandate post 2",
        fields: post_fields![
            MandatePost2::RECORD_TYPE,
            MandatePost2::NAME,
            Self::BLANKS,
            MandatePost2::FILLER
        ],
    };

    pub(super) fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, (mandate_type, sequence_number)) = post_head(i, &MandatePost2::RECORD_TYPE)?;
        let (i, name) = text::<30>(&MandatePost2::NAME)(i)?;
        let (i, ()) = blanks(&Self::BLANKS)(i)?;
        let (i, ()) = zeros(&MandatePost2::FILLER)(i)?;
        let record = Self {
            mandate_type,
            sequence_number,
            name: Text::from_field(*name),
        };
        Ok((i, record))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        post_out(
            self.mandate_type,
            &MandatePost2::RECORD_TYPE,
            self.sequence_number,
        )
        .text(&MandatePost2::NAME, &self.name)
        .blanks(&Self::BLANKS)
        .zeros(&MandatePost2::FILLER)
        .finish()
    }
}

/// 72 Mandate post 3 (to MPS): the rest of the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost3 {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
    /// [`Self::ADDRESS2`], blanks if unused.
    pub address2: Text<30>,
    /// [`Self::POSTAL_CODE`]: 4 digits for a Norwegian address; with the extension a foreign
    /// postal code ([decision 15](docs/spec-decisions.md#decision-15)), so read as text.
    pub postal_code: Text<4>,
    /// [`Self::POSTAL_CODE_EXTENSION`]: blanks for a Norwegian address.
    pub postal_code_extension: Text<3>,
    /// [`Self::POSTAL_TOWN`]; required.
    pub postal_town: Text<25>,
    /// [`Self::COUNTRY_CODE`], optional free text.
    pub country_code: Text<3>,
}

impl MandatePost3 {
    /// Positions 7-8 of both directions' record 72.
    pub const RECORD_TYPE: Field = record_type("72");
    /// Address line 2.
    pub const ADDRESS2: Field = Field::new("address 2", 16, 45, FieldKind::Text);
    /// Postal code.
    pub const POSTAL_CODE: Field = Field::new("postal code", 46, 49, FieldKind::Text);
    /// Postal code extension.
    pub const POSTAL_CODE_EXTENSION: Field =
        Field::new("postal code extension", 50, 52, FieldKind::Text);
    /// Postal town.
    pub const POSTAL_TOWN: Field = Field::new("postal town", 53, 77, FieldKind::Text);
    /// Country code.
    pub const COUNTRY_CODE: Field = Field::new("country code", 78, 80, FieldKind::Text);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 72,
        direction: Some(Direction::ToMps),
        name: "mandate post 3",
        fields: post_fields![
            Self::RECORD_TYPE,
            Self::ADDRESS2,
            Self::POSTAL_CODE,
            Self::POSTAL_CODE_EXTENSION,
            Self::POSTAL_TOWN,
            Self::COUNTRY_CODE
        ],
    };

    pub(super) fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, (mandate_type, sequence_number)) = post_head(i, &Self::RECORD_TYPE)?;
        let (i, address2) = text::<30>(&Self::ADDRESS2)(i)?;
        let (i, postal_code) = text::<4>(&Self::POSTAL_CODE)(i)?;
        let (i, postal_code_extension) = text::<3>(&Self::POSTAL_CODE_EXTENSION)(i)?;
        let (i, postal_town) = text::<25>(&Self::POSTAL_TOWN)(i)?;
        let (i, country_code) = text::<3>(&Self::COUNTRY_CODE)(i)?;
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

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        post_out(self.mandate_type, &Self::RECORD_TYPE, self.sequence_number)
            .text(&Self::ADDRESS2, &self.address2)
            .text(&Self::POSTAL_CODE, &self.postal_code)
            .text(&Self::POSTAL_CODE_EXTENSION, &self.postal_code_extension)
            .text(&Self::POSTAL_TOWN, &self.postal_town)
            .text(&Self::COUNTRY_CODE, &self.country_code)
            .finish()
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
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 16, 80, FieldKind::Blanks);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 72,
        direction: Some(Direction::FromMps),
        name: "mandate post 3",
        fields: post_fields![MandatePost3::RECORD_TYPE, Self::FILLER],
    };

    pub(super) fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, (mandate_type, sequence_number)) = post_head(i, &MandatePost3::RECORD_TYPE)?;
        let (i, ()) = blanks(&Self::FILLER)(i)?;
        let record = Self {
            mandate_type,
            sequence_number,
        };
        Ok((i, record))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        post_out(
            self.mandate_type,
            &MandatePost3::RECORD_TYPE,
            self.sequence_number,
        )
        .blanks(&Self::FILLER)
        .finish()
    }
}

/// 74 Mandate post 4 (to MPS): the company and the person who signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost4 {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
    /// [`Self::ORGANISATION_NUMBER`]: `00` + 9 digits for a Norwegian company; other content
    /// is a payer outside Norway ([decision 14](docs/spec-decisions.md#decision-14)), so read as text.
    pub organisation_number: Text<11>,
    /// [`Self::SIGNATORY`]: the signatory's name; required.
    pub signatory: Text<30>,
    /// [`Self::SIGNATORY_BIRTH_DATE`], `DDMMYYYY`.
    pub signatory_birth_date: Date,
}

impl MandatePost4 {
    /// Positions 7-8.
    pub const RECORD_TYPE: Field = record_type("74");
    /// Organisation number.
    pub const ORGANISATION_NUMBER: Field =
        Field::new("organisation number", 16, 26, FieldKind::Text);
    /// The signatory's name.
    pub const SIGNATORY: Field = Field::new("signatory name", 27, 56, FieldKind::Text);
    /// The signatory's birth date.
    pub const SIGNATORY_BIRTH_DATE: Field =
        Field::new("signatory birth date", 57, 64, FieldKind::LongDate);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 65, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 74,
        direction: Some(Direction::ToMps),
        name: "mandate post 4",
        fields: post_fields![
            Self::RECORD_TYPE,
            Self::ORGANISATION_NUMBER,
            Self::SIGNATORY,
            Self::SIGNATORY_BIRTH_DATE,
            Self::FILLER
        ],
    };

    pub(super) fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, (mandate_type, sequence_number)) = post_head(i, &Self::RECORD_TYPE)?;
        let (i, organisation_number) = text::<11>(&Self::ORGANISATION_NUMBER)(i)?;
        let (i, signatory) = text::<30>(&Self::SIGNATORY)(i)?;
        let (i, signatory_birth_date) = long_date(&Self::SIGNATORY_BIRTH_DATE)(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        let record = Self {
            mandate_type,
            sequence_number,
            organisation_number: Text::from_field(*organisation_number),
            signatory: Text::from_field(*signatory),
            signatory_birth_date,
        };
        Ok((i, record))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        post_out(self.mandate_type, &Self::RECORD_TYPE, self.sequence_number)
            .text(&Self::ORGANISATION_NUMBER, &self.organisation_number)
            .text(&Self::SIGNATORY, &self.signatory)
            .long_date(&Self::SIGNATORY_BIRTH_DATE, self.signatory_birth_date)
            .zeros(&Self::FILLER)
            .finish()
    }
}

/// 73 Mandate post 4 (from MPS): blocks, a coming limit change, registration and change dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost4FromMps {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
    /// [`Self::BLOCKED_FROM`]: blocked by the bank from this date ([decision 1](docs/spec-decisions.md#decision-1): not 15-21).
    pub blocked_from: Option<Date>,
    /// [`Self::BLOCKED_TO`]: blocked until and including this date.
    pub blocked_to: Option<Date>,
    /// [`Self::NEW_FROM`]: the date a new limit and/or period code takes effect.
    pub new_from: Option<Date>,
    /// [`Self::NEW_AMOUNT_LIMIT`] in øre.
    pub new_amount_limit: u64,
    /// [`Self::NEW_PERIOD_CODE`].
    pub new_period_code: PeriodCode,
    /// [`Self::REGISTRATION_DATE`]: the date of the first registration.
    pub registration_date: Option<Date>,
    /// [`Self::CHANGE_DATE`]: the date of the last change.
    pub change_date: Option<Date>,
}

impl MandatePost4FromMps {
    /// Positions 7-8.
    pub const RECORD_TYPE: Field = record_type("73");
    /// Blocked from.
    pub const BLOCKED_FROM: Field = Field::new("blocked from", 16, 21, FieldKind::OptionalDate);
    /// Blocked to.
    pub const BLOCKED_TO: Field = Field::new("blocked to", 22, 27, FieldKind::OptionalDate);
    /// New from.
    pub const NEW_FROM: Field = Field::new("new from", 28, 33, FieldKind::OptionalDate);
    /// New amount limit.
    pub const NEW_AMOUNT_LIMIT: Field = Field::new("new amount limit", 34, 50, FieldKind::Number);
    /// New period code.
    pub const NEW_PERIOD_CODE: Field =
        Field::new("new period code", 51, 52, FieldKind::Code(PERIOD_CODES));
    /// Registration date.
    pub const REGISTRATION_DATE: Field =
        Field::new("registration date", 53, 58, FieldKind::OptionalDate);
    /// Change date.
    pub const CHANGE_DATE: Field = Field::new("change date", 59, 64, FieldKind::OptionalDate);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 65, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 73,
        direction: Some(Direction::FromMps),
        name: "mandate post 4",
        fields: post_fields![
            Self::RECORD_TYPE,
            Self::BLOCKED_FROM,
            Self::BLOCKED_TO,
            Self::NEW_FROM,
            Self::NEW_AMOUNT_LIMIT,
            Self::NEW_PERIOD_CODE,
            Self::REGISTRATION_DATE,
            Self::CHANGE_DATE,
            Self::FILLER
        ],
    };

    pub(super) fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, (mandate_type, sequence_number)) = post_head(i, &Self::RECORD_TYPE)?;
        let (i, blocked_from) = opt_date(ctx, &Self::BLOCKED_FROM)(i)?;
        let (i, blocked_to) = opt_date(ctx, &Self::BLOCKED_TO)(i)?;
        let (i, new_from) = opt_date(ctx, &Self::NEW_FROM)(i)?;
        let (i, new_amount_limit) = number(&Self::NEW_AMOUNT_LIMIT)(i)?;
        let (i, new_period_code) = code::<PeriodCode>(&Self::NEW_PERIOD_CODE)(i)?;
        let (i, registration_date) = opt_date(ctx, &Self::REGISTRATION_DATE)(i)?;
        let (i, change_date) = opt_date(ctx, &Self::CHANGE_DATE)(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
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

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        post_out(self.mandate_type, &Self::RECORD_TYPE, self.sequence_number)
            .opt_date(&Self::BLOCKED_FROM, self.blocked_from)
            .opt_date(&Self::BLOCKED_TO, self.blocked_to)
            .opt_date(&Self::NEW_FROM, self.new_from)
            .num(&Self::NEW_AMOUNT_LIMIT, self.new_amount_limit)
            .code(&Self::NEW_PERIOD_CODE, self.new_period_code)
            .opt_date(&Self::REGISTRATION_DATE, self.registration_date)
            .opt_date(&Self::CHANGE_DATE, self.change_date)
            .zeros(&Self::FILLER)
            .finish()
    }
}

/// 76 Mandate post 5 (from MPS, full listing only): the last charge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatePost5FromMps {
    /// Positions 5-6, as post 1.
    pub mandate_type: MandateType,
    /// Positions 9-15, as post 1.
    pub sequence_number: u32,
    /// [`Self::CHARGED_IN_PERIOD`] in øre; blanked since spec 3.9 (`None`).
    pub charged_in_period: Option<u64>,
    /// [`Self::LAST_CHARGED`]: the date of the last charge.
    pub last_charged: Option<Date>,
}

impl MandatePost5FromMps {
    /// Positions 7-8.
    pub const RECORD_TYPE: Field = record_type("76");
    /// Blank filler.
    pub const BLANKS: Field = Field::new("filler", 16, 23, FieldKind::Blanks);
    /// Sum charged in the period.
    pub const CHARGED_IN_PERIOD: Field =
        Field::new("sum charged in period", 24, 40, FieldKind::NumberOrBlanks);
    /// Last charged.
    pub const LAST_CHARGED: Field = Field::new("last charged", 41, 46, FieldKind::OptionalDate);
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 47, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 76,
        direction: Some(Direction::FromMps),
        name: "mandate post 5",
        fields: post_fields![
            Self::RECORD_TYPE,
            Self::BLANKS,
            Self::CHARGED_IN_PERIOD,
            Self::LAST_CHARGED,
            Self::FILLER
        ],
    };

    pub(super) fn parse<'a>(i: &'a [u8], ctx: &Context) -> PResult<'a, Self> {
        let (i, (mandate_type, sequence_number)) = post_head(i, &Self::RECORD_TYPE)?;
        let (i, ()) = blanks(&Self::BLANKS)(i)?;
        let (i, charged_in_period) = number_or_blanks(&Self::CHARGED_IN_PERIOD)(i)?;
        let (i, last_charged) = opt_date(ctx, &Self::LAST_CHARGED)(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        let record = Self {
            mandate_type,
            sequence_number,
            charged_in_period,
            last_charged,
        };
        Ok((i, record))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        post_out(self.mandate_type, &Self::RECORD_TYPE, self.sequence_number)
            .blanks(&Self::BLANKS)
            .num_or_blanks(&Self::CHARGED_IN_PERIOD, self.charged_in_period)
            .opt_date(&Self::LAST_CHARGED, self.last_charged)
            .zeros(&Self::FILLER)
            .finish()
    }
}

/// 88 Assignment end of a mandates assignment (both directions, assignment type 24).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MandatesEnd {
    /// Positions 9-41: mandates (posts of one mandate count once), records, sum of post-1
    /// amount limits.
    pub totals: Totals,
}

impl MandatesEnd {
    /// Positions 5-6: `24`, mandates.
    pub const ASSIGNMENT_TYPE: Field =
        Field::new("assignment type", 5, 6, FieldKind::Literal("24"));
    /// Filler.
    pub const FILLER: Field = Field::new("filler", 42, 80, FieldKind::Zeros);
    /// The layout.
    pub const LAYOUT: Layout = Layout {
        record_type: 88,
        direction: None,
        name: "assignment end",
        fields: assignment_end_fields![Self::ASSIGNMENT_TYPE, Self::FILLER],
    };

    pub(super) fn parse(i: &[u8]) -> PResult<'_, Self> {
        let (i, ()) = literal(&FORMAT_CODE)(i)?;
        let (i, ()) = literal(&SERVICE_CODE_01)(i)?;
        let (i, ()) = literal(&Self::ASSIGNMENT_TYPE)(i)?;
        let (i, ()) = literal(&ClaimsEnd::RECORD_TYPE)(i)?;
        let (i, totals) = Totals::parse(i)?;
        let (i, ()) = zeros(&Self::FILLER)(i)?;
        Ok((i, Self { totals }))
    }

    pub(super) fn encode(&self) -> Result<[u8; RECORD_LEN], RecordError> {
        let mut out = Out::new();
        out.lit(&FORMAT_CODE)
            .lit(&SERVICE_CODE_01)
            .lit(&Self::ASSIGNMENT_TYPE)
            .lit(&ClaimsEnd::RECORD_TYPE);
        self.totals.encode(&mut out).zeros(&Self::FILLER).finish()
    }
}
