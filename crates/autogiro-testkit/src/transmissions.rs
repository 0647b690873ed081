//! The base transmissions every test starts from: the files `cargo xtask fixtures` writes to
//! `testdata/` are these, and the model's tests change them one thing at a time.

// Every error here is a builder's refusal of a base file: a bug of the kit, not a case to handle.
#![allow(clippy::missing_errors_doc)]

use autogiro_checksum::{AccountNumber, Kid, OrganisationNumber};
use autogiro_format::{
    Digits, ErrorCode, OcrType, PaddedDigits, PeriodCode, RegistrationType, Text,
};
use autogiro_model::{
    Amount, AssignmentHeader, Claim, ClaimsAssignment, ListingPost, Mandate, MandateLimit,
    MandatesAssignment, MpsMandate, OcrPayment, Organisation, PayerDetails, RejectedAssignment,
    RejectedClaim, SettledAssignment, Transmission, payer_reference,
};
use time::{Date, macros::date};

/// A builder's refusal, as text (a base file that does not build is a bug of this kit).
pub type Result<T> = std::result::Result<T, String>;

fn e(x: impl std::fmt::Display) -> String {
    x.to_string()
}

/// An account number.
pub fn account(s: &str) -> Result<AccountNumber> {
    AccountNumber::parse(s).map_err(e)
}

/// A text field.
pub fn text<const N: usize>(s: &str) -> Result<Text<N>> {
    Text::new(s).map_err(e)
}

/// An amount in øre.
pub fn nok(ore: u64) -> Result<Amount> {
    Amount::from_ore(ore).map_err(e)
}

/// The agreement id of every base file.
pub const AGREEMENT: u32 = 56789;
/// The payee's account of every base file.
pub const PAYEE: &str = "12345678903";

/// The payer details of a registration: `name`, a Norwegian address, organisation `org`.
pub fn details(name: &str, org: &str) -> Result<PayerDetails> {
    Ok(PayerDetails {
        name: text(name)?,
        address1: text("Storgata 1")?,
        address2: Text::BLANK,
        postal_code: text("0155")?,
        postal_code_extension: Text::BLANK,
        postal_town: text("OSLO")?,
        country_code: text("NO")?,
        organisation: Organisation::Norwegian(OrganisationNumber::parse(org).map_err(e)?),
        signatory: text("Kari Nordmann")?,
        signatory_birth_date: date!(1980 - 02 - 01),
    })
}

/// Claim 1 of the base files, due (or settled) on `date`: without notice, a payer reference,
/// a KID under modulus 10, both references.
fn first_claim(date: time::Date) -> Result<Claim> {
    Claim::new(date, payer_reference("12345").map_err(e)?, nok(12_500)?)
        .with_kid(Kid::parse("123456782").map_err(e)?)
        .with_short_name("Ærlig Ås")
        .and_then(|c| c.with_own_reference("Faktura 2026-001"))
        .and_then(|c| c.with_foreign_reference("Husleie januar"))
        .map_err(e)
}

/// Claim 2 of the base files, due (or rejected) on `date`: with notice, a payer account, a KID
/// under modulus 11, no specification lines yet.
fn second_claim(date: time::Date) -> Result<Claim> {
    Ok(Claim::new(
        date,
        payer_reference("86011117947").map_err(e)?,
        nok(99_900)?,
    )
    .with_kid(Kid::parse("123456785").map_err(e)?)
    .with_short_name("Øyvind")
    .and_then(|c| c.with_own_reference("Faktura 2026-002"))
    .map_err(e)?
    .with_notice())
}

/// The base file to MPS: two claims (one with notice and three specification lines) and two
/// mandates (a registration with posts 1-4, a deletion with post 1).
pub fn to_mps() -> Result<Transmission> {
    let header = AssignmentHeader::new(AGREEMENT, 1, account(PAYEE)?);
    let mut claims = ClaimsAssignment::new(header);
    claims
        .push(first_claim(date!(2026 - 01 - 15))?)
        .map_err(e)?;
    let mut second = second_claim(date!(2026 - 02 - 01))?;
    second
        .add_specification(1, 1, "Husleie februar")
        .map_err(e)?;
    second.add_specification(1, 2, "999,00").map_err(e)?;
    second
        .add_specification(2, 1, "Fellesutgifter inkludert")
        .map_err(e)?;
    claims.push(second).map_err(e)?;

    let mut mandates =
        MandatesAssignment::new(AssignmentHeader::new(AGREEMENT, 2, account(PAYEE)?));
    let limit = MandateLimit::standard(PeriodCode::Monthly, nok(500_000)?).map_err(e)?;
    let registration = Mandate::new(
        RegistrationType::New,
        payer_reference("12345").map_err(e)?,
        account("86011117947")?,
        limit,
    )
    .valid(Some(date!(2026 - 02 - 01)), None)
    .with_payer(details("Ærlig Ås AS", "923609016")?);
    mandates.push(registration).map_err(e)?;
    let deletion = Mandate::new(
        RegistrationType::Delete,
        PaddedDigits::from_field_str("00000054321").map_err(e)?,
        account("15032080119")?,
        MandateLimit::Simplified,
    );
    mandates.push(deletion).map_err(e)?;
    let mut t = Transmission::to_mps(12345, 17);
    t.push(claims).map_err(e)?;
    t.push(mandates).map_err(e)?;
    Ok(t)
}

/// The base file from MPS: a settled claim, two rejected (181 and the unlisted 253), and a full
/// listing of one mandate with a block, a coming limit change and post 5.
pub fn from_mps() -> Result<Transmission> {
    let header = |n| -> Result<AssignmentHeader> {
        Ok(AssignmentHeader::new(AGREEMENT, n, account(PAYEE)?))
    };
    let mut settled = SettledAssignment::new(header(101)?, date!(2026 - 01 - 15));
    settled.push(first_claim(date!(2026 - 01 - 15))?);
    let mut rejected = RejectedAssignment::new(header(102)?, date!(2026 - 02 - 02));
    let limited = second_claim(date!(2026 - 02 - 02))?;
    rejected.push(RejectedClaim {
        claim: limited,
        code: ErrorCode::LimitExceeded,
    });
    let old_code = Claim::new(
        date!(2026 - 02 - 02),
        payer_reference("12345").map_err(e)?,
        nok(5_000)?,
    )
    .with_short_name("Ærlig Ås")
    .and_then(|c| c.with_own_reference("Purring 2025-117"))
    .map_err(e)?;
    rejected.push(RejectedClaim {
        claim: old_code,
        code: ErrorCode::Other(253),
    });
    let mut listing = MandatesAssignment::new(header(103)?);
    let limit = MandateLimit::standard(PeriodCode::Monthly, nok(500_000)?).map_err(e)?;
    let mut listed = Mandate::new(
        RegistrationType::Listing,
        payer_reference("12345").map_err(e)?,
        account("86011117947")?,
        limit,
    )
    .valid(Some(date!(2026 - 02 - 01)), None);
    listed.mps = Some(MpsMandate {
        archive_reference: text("*90000000")?,
        name: text("Ærlig Ås AS")?,
        blocked_from: Some(date!(2026 - 03 - 01)),
        blocked_to: Some(date!(2026 - 03 - 15)),
        new_from: Some(date!(2026 - 04 - 01)),
        new_amount_limit: nok(750_000)?,
        new_period_code: PeriodCode::Monthly,
        registration_date: Some(date!(2026 - 01 - 26)),
        change_date: Some(date!(2026 - 02 - 20)),
        listing: Some(ListingPost {
            charged_in_period: None,
            last_charged: Some(date!(2026 - 02 - 02)),
        }),
    });
    listing.push(listed).map_err(e)?;
    let mut t = Transmission::from_mps(12345, 42, date!(2026 - 02 - 02));
    t.push(settled).map_err(e)?;
    t.push(rejected).map_err(e)?;
    t.push(listing).map_err(e)?;
    Ok(t)
}

/// An OCR giro payment of `transaction_type` settled on `nets_date`, of `ore`, with `kid` (none when
/// empty); the rest as MPS fills it for its type.
pub fn ocr_payment(
    transaction_type: OcrType,
    nets_date: Date,
    ore: u64,
    kid: &str,
    serial_number: u32,
) -> Result<OcrPayment> {
    let terminal = transaction_type.is_terminal();
    Ok(OcrPayment {
        transaction_number: 0,
        transaction_type,
        nets_date,
        amount: nok(ore)?,
        credit: false,
        kid: if kid.is_empty() {
            None
        } else {
            Some(Kid::parse_unchecked(kid.as_bytes()).map_err(e)?)
        },
        centre_id: u32::from(!terminal),
        day_code: u32::from(nets_date.day()),
        partial_settlement: u32::from(!terminal),
        serial_number,
        card_drawer: 0,
        form_number: match transaction_type {
            OcrType::GiroDebited => 9_400_112_233,
            OcrType::StandingOrder => 9_600_000_000,
            _ => 0,
        },
        reference: if terminal {
            123_456_001
        } else {
            250_117_000 + serial_number
        },
        reserved: 0,
        bank_date: (!terminal).then(|| nets_date.previous_day()).flatten(),
        debit_account: if terminal {
            Digits::ZERO
        } else {
            Digits::new("98765432103").map_err(e)?
        },
        free_text: transaction_type
            .has_free_text()
            .then(|| Text::new("Kiosk 14, kvittering 2231"))
            .transpose()
            .map_err(e)?,
    })
}
