//! The records of mandates: 70-76 mandate posts of both directions and the 88 assignment end of
//! a mandates assignment. Every post starts with the same positions 1-15: format code, service
//! code, mandate type, record type, mandate sequence number.

use time::Date;

use super::declare::record;
use crate::layout::{
    ASSIGNMENT_END, FORMAT_CODE, Field, FieldKind, MANDATE_TYPE, PERIOD_CODES, REGISTRATION_TYPES,
    REGISTRATION_TYPES_TO_MPS, SEQUENCE_NUMBER, SERVICE_CODE_01,
};
use crate::value::{Digits, PaddedDigits, Text};
use crate::{Direction, MandateType, PeriodCode, RegistrationType, Totals};

/// The registration type field, allowing `codes`.
const fn registration_type(codes: &'static [&'static str]) -> Field {
    Field::new("registration type", 16, 16, FieldKind::Code(codes))
}

record! {
    /// 70 Mandate post 1 (to MPS): the mandate itself. Positions 1-70; the post 1 from MPS
    /// ([`MandatePost1FromMps`]) holds them too.
    pub struct MandatePost1 {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        /// Positions 5-6, `22` standard or `23` simplified.
        mandate_type: MandateType = MANDATE_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("70")),
        /// Positions 9-15, mandate sequence number: consecutive within the assignment.
        sequence_number: u32 = SEQUENCE_NUMBER,
        /// [`Self::REGISTRATION_TYPE`]: `1` new, `2` change, `3` delete.
        registration_type: RegistrationType = REGISTRATION_TYPE("registration type", 16, 16,
            Code(REGISTRATION_TYPES_TO_MPS)),
        /// [`Self::PAYER_REFERENCE`]: right-justified digits padded with zeros or blanks, or the
        /// payer's account when no reference is used; never all blanks
        /// ([decision 20](docs/spec-decisions.md#decision-20)).
        payer_reference: PaddedDigits<11> =
            PAYER_REFERENCE("payer's reference", 17, 27, PayerReference),
        _ = MODULUS_CODE("modulus code", 28, 28, Literal("3")),
        /// [`Self::ACCOUNT`] (after [`Self::MODULUS_CODE`], always `3`).
        account: Digits<11> = ACCOUNT("payer's account", 29, 39, Digits),
        /// [`Self::PERIOD_CODE`]: `01`-`06` standard, `00` simplified.
        period_code: PeriodCode = PERIOD_CODE("period code", 40, 41, Code(PERIOD_CODES)),
        /// [`Self::AMOUNT_LIMIT`] per period in øre; zeros for simplified.
        amount_limit: u64 = AMOUNT_LIMIT("amount limit", 42, 58, Number),
        /// [`Self::VALID_FROM`] (first possible charge date), or none.
        valid_from: Option<Date> = VALID_FROM("valid from", 59, 64, OptionalDate),
        /// [`Self::VALID_TO`] (last day, inclusive), or none.
        valid_to: Option<Date> = VALID_TO("valid to", 65, 70, OptionalDate),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::ToMps), "mandate post 1", then [MandatePost1::FILLER];
    }
}

impl MandatePost1 {
    /// Positions 5-6.
    pub const MANDATE_TYPE: Field = MANDATE_TYPE;
    /// Positions 9-15.
    pub const SEQUENCE_NUMBER: Field = SEQUENCE_NUMBER;
    /// Filler, positions 71-80 of the record to MPS.
    pub const FILLER: Field = Field::new("filler", 71, 80, FieldKind::Zeros);
}

record! {
    /// 70 Mandate post 1 (from MPS): the mandate as registered, with its archive reference.
    pub struct MandatePost1FromMps {
        /// Positions 1-70, as in the record to MPS; registration type may also be `0`
        /// (listing), and on a change of limit the amount limit is the OLD limit.
        post: MandatePost1 = ..,
        _ = FILLER("filler", 71, 71, Zeros),
        /// [`Self::ARCHIVE_REFERENCE`]: where the mandate was last registered (free text, e.g.
        /// `*90000000` by file, `9000MPS` online at MPS).
        archive_reference: Text<9> = ARCHIVE_REFERENCE("archive reference", 72, 80, Text),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "mandate post 1", with [MandatePost1FromMps::REGISTRATION_TYPE];
    }
}

impl MandatePost1FromMps {
    /// Registration type, `0` (listing) included.
    pub const REGISTRATION_TYPE: Field = registration_type(REGISTRATION_TYPES);
}

record! {
    /// 71 Mandate post 2 (to MPS): the payer's name and first address line.
    pub struct MandatePost2 {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        /// Positions 5-6, as post 1.
        mandate_type: MandateType = MANDATE_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("71")),
        /// Positions 9-15, as post 1.
        sequence_number: u32 = SEQUENCE_NUMBER,
        /// [`Self::NAME`]: the payer's (company's) name; required.
        name: Text<30> = NAME("name", 16, 45, Text),
        /// [`Self::ADDRESS1`], blanks if unused.
        address1: Text<30> = ADDRESS1("address 1", 46, 75, Text),
        _ = FILLER("filler", 76, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::ToMps), "mandate post 2";
    }
}

record! {
    /// 71 Mandate post 2 (from MPS): the payer's name.
    pub struct MandatePost2FromMps {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        /// Positions 5-6, as post 1.
        mandate_type: MandateType = MANDATE_TYPE,
        _ = POST_2,
        /// Positions 9-15, as post 1.
        sequence_number: u32 = SEQUENCE_NUMBER,
        /// [`MandatePost2::NAME`]: the payer's name.
        name: Text<30> = NAME,
        _ = BLANKS("filler", 46, 75, Blanks),
        _ = POST_2_FILLER,
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "mandate post 2";
    }
}

/// Positions 7-8 of both directions' record 71.
const POST_2: Field = MandatePost2::RECORD_TYPE;
/// The name of both directions' record 71.
const NAME: Field = MandatePost2::NAME;
/// Positions 76-80 of both directions' record 71.
const POST_2_FILLER: Field = MandatePost2::FILLER;

record! {
    /// 72 Mandate post 3 (to MPS): the rest of the address.
    pub struct MandatePost3 {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        /// Positions 5-6, as post 1.
        mandate_type: MandateType = MANDATE_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("72")),
        /// Positions 9-15, as post 1.
        sequence_number: u32 = SEQUENCE_NUMBER,
        /// [`Self::ADDRESS2`], blanks if unused.
        address2: Text<30> = ADDRESS2("address 2", 16, 45, Text),
        /// [`Self::POSTAL_CODE`]: 4 digits for a Norwegian address; with the extension a
        /// foreign postal code ([decision 15](docs/spec-decisions.md#decision-15)), so read as
        /// text.
        postal_code: Text<4> = POSTAL_CODE("postal code", 46, 49, Text),
        /// [`Self::POSTAL_CODE_EXTENSION`]: blanks for a Norwegian address.
        postal_code_extension: Text<3> =
            POSTAL_CODE_EXTENSION("postal code extension", 50, 52, Text),
        /// [`Self::POSTAL_TOWN`]; required.
        postal_town: Text<25> = POSTAL_TOWN("postal town", 53, 77, Text),
        /// [`Self::COUNTRY_CODE`], optional free text.
        country_code: Text<3> = COUNTRY_CODE("country code", 78, 80, Text),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::ToMps), "mandate post 3";
    }
}

record! {
    /// 72 Mandate post 3 (from MPS): positions 16-80 are blanks.
    pub struct MandatePost3FromMps {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        /// Positions 5-6, as post 1.
        mandate_type: MandateType = MANDATE_TYPE,
        _ = POST_3,
        /// Positions 9-15, as post 1.
        sequence_number: u32 = SEQUENCE_NUMBER,
        _ = FILLER("filler", 16, 80, Blanks),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "mandate post 3";
    }
}

/// Positions 7-8 of both directions' record 72.
const POST_3: Field = MandatePost3::RECORD_TYPE;

record! {
    /// 74 Mandate post 4 (to MPS): the company and the person who signed.
    pub struct MandatePost4 {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        /// Positions 5-6, as post 1.
        mandate_type: MandateType = MANDATE_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("74")),
        /// Positions 9-15, as post 1.
        sequence_number: u32 = SEQUENCE_NUMBER,
        /// [`Self::ORGANISATION_NUMBER`]: `00` + 9 digits for a Norwegian company; other
        /// content is a payer outside Norway
        /// ([decision 14](docs/spec-decisions.md#decision-14)), so read as text.
        organisation_number: Text<11> = ORGANISATION_NUMBER("organisation number", 16, 26, Text),
        /// [`Self::SIGNATORY`]: the signatory's name; required.
        signatory: Text<30> = SIGNATORY("signatory name", 27, 56, Text),
        /// [`Self::SIGNATORY_BIRTH_DATE`], `DDMMYYYY`.
        signatory_birth_date: Date =
            SIGNATORY_BIRTH_DATE("signatory birth date", 57, 64, LongDate),
        _ = FILLER("filler", 65, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::ToMps), "mandate post 4";
    }
}

record! {
    /// 73 Mandate post 4 (from MPS): blocks, a coming limit change, registration and change
    /// dates.
    pub struct MandatePost4FromMps {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        /// Positions 5-6, as post 1.
        mandate_type: MandateType = MANDATE_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("73")),
        /// Positions 9-15, as post 1.
        sequence_number: u32 = SEQUENCE_NUMBER,
        /// [`Self::BLOCKED_FROM`]: blocked by the bank from this date
        /// ([decision 1](docs/spec-decisions.md#decision-1): not 15-21).
        blocked_from: Option<Date> = BLOCKED_FROM("blocked from", 16, 21, OptionalDate),
        /// [`Self::BLOCKED_TO`]: blocked until and including this date.
        blocked_to: Option<Date> = BLOCKED_TO("blocked to", 22, 27, OptionalDate),
        /// [`Self::NEW_FROM`]: the date a new limit and/or period code takes effect.
        new_from: Option<Date> = NEW_FROM("new from", 28, 33, OptionalDate),
        /// [`Self::NEW_AMOUNT_LIMIT`] in øre.
        new_amount_limit: u64 = NEW_AMOUNT_LIMIT("new amount limit", 34, 50, Number),
        /// [`Self::NEW_PERIOD_CODE`].
        new_period_code: PeriodCode =
            NEW_PERIOD_CODE("new period code", 51, 52, Code(PERIOD_CODES)),
        /// [`Self::REGISTRATION_DATE`]: the date of the first registration.
        registration_date: Option<Date> =
            REGISTRATION_DATE("registration date", 53, 58, OptionalDate),
        /// [`Self::CHANGE_DATE`]: the date of the last change.
        change_date: Option<Date> = CHANGE_DATE("change date", 59, 64, OptionalDate),
        _ = FILLER("filler", 65, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "mandate post 4";
    }
}

record! {
    /// 76 Mandate post 5 (from MPS, full listing only): the last charge.
    pub struct MandatePost5FromMps {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        /// Positions 5-6, as post 1.
        mandate_type: MandateType = MANDATE_TYPE,
        _ = RECORD_TYPE("record type", 7, 8, Literal("76")),
        /// Positions 9-15, as post 1.
        sequence_number: u32 = SEQUENCE_NUMBER,
        _ = BLANKS("filler", 16, 23, Blanks),
        /// [`Self::CHARGED_IN_PERIOD`] in øre; blanked since spec 3.9 (`None`).
        charged_in_period: Option<u64> =
            CHARGED_IN_PERIOD("sum charged in period", 24, 40, NumberOrBlanks),
        /// [`Self::LAST_CHARGED`]: the date of the last charge.
        last_charged: Option<Date> = LAST_CHARGED("last charged", 41, 46, OptionalDate),
        _ = FILLER("filler", 47, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: Some(Direction::FromMps), "mandate post 5";
    }
}

record! {
    /// 88 Assignment end of a mandates assignment (both directions, assignment type 24).
    pub struct MandatesEnd {
        _ = FORMAT_CODE,
        _ = SERVICE_CODE_01,
        _ = ASSIGNMENT_TYPE("assignment type", 5, 6, Literal("24")),
        _ = ASSIGNMENT_END,
        /// Positions 9-41: mandates (posts of one mandate count once), records, sum of post-1
        /// amount limits.
        totals: Totals = ..,
        _ = FILLER("filler", 42, 80, Zeros),
    }
    layouts {
        /// The layout.
        LAYOUT: None, "assignment end";
    }
}
