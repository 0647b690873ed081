//! `cargo xtask fixtures`: every file of `testdata/ok` and `testdata/err`, and
//! `testdata/README.md`, written deterministically from the model's builders.
//!
//! Valid files are built, so they are correct by construction. Each error file is a valid file
//! with one thing broken, named `CODE--WHAT.txt` after the diagnostic code it must raise; the
//! tests of the format, model and CLI crates check that it does.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use autogiro_checksum::{Kid, Modulus};
use autogiro_format::{
    AmountItem1, AmountItem2, AssignmentType, ClaimType, ClaimsEnd, Digits, ErrorCode, FORMAT_CODE,
    Field, LineEnding, MandatePost1, MandatePost4, MandateType, PaddedDigits, PeriodCode, Record,
    RegistrationType, Text, TransmissionStart, Writer,
};
use autogiro_model::{
    Amount, AssignmentHeader, Claim, ClaimsAssignment, ListingPost, Mandate, MandateLimit,
    MandatesAssignment, MpsMandate, RejectedAssignment, RejectedClaim, Transmission,
    payer_reference,
};
use time::{Duration, macros::date};

/// The files, by path under `testdata/`, with their bytes and a line saying what each shows.
pub(crate) type Fixtures = BTreeMap<String, (Vec<u8>, String)>;

type Result<T> = std::result::Result<T, String>;

fn e(x: impl std::fmt::Display) -> String {
    x.to_string()
}

/// A small linear congruential generator: the fixed seed that makes the varied fixtures the same
/// bytes on every machine.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

use autogiro_testkit::transmissions::{
    AGREEMENT, PAYEE, account, details, from_mps, nok, text, to_mps,
};

fn bytes(records: &[Record], ending: LineEnding) -> Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new()).line_ending(ending);
    for r in records {
        w.write_record(r).map_err(e)?;
    }
    Ok(w.into_inner())
}

fn file(t: &Transmission) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    t.write(&mut out).map_err(e)?;
    Ok(out)
}

/// Claims of every kind: without and with notice (up to the 42 specification lines), KIDs
/// under modulus 10 and 11 of several lengths, payer references blank- and zero-padded, and
/// payer accounts.
fn claims_every_kind() -> Result<Transmission> {
    let mut rng = Seeded(0x00A0_7061_0000_2026);
    let mut a = ClaimsAssignment::new(AssignmentHeader::new(AGREEMENT, 3, account(PAYEE)?));
    let payers = [
        "1",
        "12345",
        "00000012345",
        "86011117947",
        "15032080119",
        "98765432",
    ];
    let names = ["Ærlig Ås", "Øyvind", "Åse", "Bjørn", "Kjærstad", "Nordmann"];
    for i in 0..12u64 {
        let due = date!(2026 - 01 - 15) + Duration::days(i64::try_from(rng.next(60)).map_err(e)?);
        let payer = payers[usize::try_from(i % 6).map_err(e)?];
        let reference = if payer.len() == 11 {
            PaddedDigits::from_field_str(payer).map_err(e)?
        } else {
            payer_reference(payer).map_err(e)?
        };
        let mut claim = Claim::new(due, reference, nok(rng.next(5_000_000) + 100)?)
            .with_short_name(names[usize::try_from(i % 6).map_err(e)?])
            .and_then(|c| c.with_own_reference(&format!("Faktura 2026-{:03}", i + 1)))
            .map_err(e)?;
        let body = format!(
            "{}",
            10 + rng.next(10u64.pow(u32::try_from(2 + i).map_err(e)?))
        );
        let modulus = if i % 2 == 0 {
            Modulus::Mod10
        } else {
            Modulus::Mod11
        };
        if i % 4 != 3 {
            let kid = Kid::with_check_digit(&body, modulus)
                .or_else(|_| Kid::with_check_digit(&body, Modulus::Mod10))
                .map_err(e)?;
            claim = claim.with_kid(kid);
        }
        if i % 3 == 1 {
            claim = claim.with_notice();
            let lines = if i == 1 { 42 } else { 1 + rng.next(6) };
            for n in 0..lines {
                let line = u16::try_from(n / 2 + 1).map_err(e)?;
                let column = u8::try_from(n % 2 + 1).map_err(e)?;
                claim
                    .add_specification(
                        line,
                        column,
                        &format!("Linje {line}, kolonne {column}: æøå ÆØÅ"),
                    )
                    .map_err(e)?;
            }
        }
        a.push(claim).map_err(e)?;
    }
    let mut t = Transmission::to_mps(12345, 18);
    t.push(a).map_err(e)?;
    Ok(t)
}

/// Mandates of every kind: standard with each period code, simplified, registrations,
/// changes and deletions.
fn mandates_every_kind(edition_3_9: bool) -> Result<Transmission> {
    let mut a = MandatesAssignment::new(AssignmentHeader::new(AGREEMENT, 4, account(PAYEE)?));
    let accounts = ["86011117947", "15032080119", "12345678903"];
    for (i, period) in PeriodCode::ALL.iter().enumerate() {
        let limit = match period {
            PeriodCode::NoPeriod => MandateLimit::Simplified,
            p => MandateLimit::standard(*p, nok(100_000 * (i as u64))?).map_err(e)?,
        };
        let registration = if i == 3 {
            RegistrationType::Change
        } else {
            RegistrationType::New
        };
        let mut m = Mandate::new(
            registration,
            payer_reference(&format!("{}", 1000 + i)).map_err(e)?,
            account(accounts[i % 3])?,
            limit,
        )
        .valid(
            Some(date!(2026 - 02 - 01) + Duration::days(i64::try_from(i).map_err(e)?)),
            (i % 2 == 1).then_some(date!(2027 - 12 - 31)),
        );
        if edition_3_9 {
            m = m.with_payer(details(&format!("Kjøpmann {i} AS"), "984851006")?);
            a.push(m).map_err(e)?;
        } else {
            // Before 3.9 a mandate is post 1 only: pushed as MPS-side data so the builder lets
            // it through without posts 2-4.
            m.mps = Some(MpsMandate::empty());
            a.mandates.push(Mandate {
                sequence_number: u32::try_from(a.mandates.len() + 1).map_err(e)?,
                mps: None,
                ..m
            });
        }
    }
    a.push(Mandate::new(
        RegistrationType::Delete,
        payer_reference("999").map_err(e)?,
        account("86011117947")?,
        MandateLimit::Simplified,
    ))
    .map_err(e)?;
    let mut t = Transmission::to_mps(12345, 19);
    t.push(a).map_err(e)?;
    Ok(t)
}

/// Several assignments of two agreements, claims and mandates mixed.
fn several_assignments() -> Result<Transmission> {
    let base = to_mps()?;
    let mut t = Transmission::to_mps(12345, 20);
    for (n, agreement) in [(1, AGREEMENT), (2, 56790)] {
        for a in &base.assignments {
            let mut a = a.clone();
            let h = match &mut a {
                autogiro_model::Assignment::Claims(c) => &mut c.header,
                autogiro_model::Assignment::Mandates(m) => &mut m.header,
                autogiro_model::Assignment::Settled(s) => &mut s.header,
                autogiro_model::Assignment::Rejected(r) => &mut r.header,
            };
            h.agreement_id = agreement;
            h.assignment_number += 10 * n;
            t.push(a).map_err(e)?;
        }
    }
    Ok(t)
}

/// A file from MPS rejecting one claim with each code spec 3.9 lists.
fn every_error_code() -> Result<Transmission> {
    let mut rejected = RejectedAssignment::new(
        AssignmentHeader::new(AGREEMENT, 201, account(PAYEE)?),
        date!(2026 - 03 - 02),
    );
    for (i, code) in ErrorCode::LISTED.iter().enumerate() {
        let claim = Claim::new(
            date!(2026 - 03 - 02),
            payer_reference(&format!("{}", 2000 + i)).map_err(e)?,
            nok(10_000 + 100 * i as u64)?,
        )
        .with_short_name("Nordmann")
        .and_then(|c| c.with_own_reference(&format!("Kode {code}")))
        .map_err(e)?;
        rejected.push(RejectedClaim { claim, code: *code });
    }
    let mut t = Transmission::from_mps(12345, 43, date!(2026 - 03 - 02));
    t.push(rejected).map_err(e)?;
    Ok(t)
}

/// A full listing of three mandates with post 5.
fn full_listing() -> Result<Transmission> {
    let mut listing =
        MandatesAssignment::new(AssignmentHeader::new(AGREEMENT, 301, account(PAYEE)?));
    for (i, (reference, simplified)) in [("12345", false), ("23456", true), ("86011117947", false)]
        .into_iter()
        .enumerate()
    {
        let limit = if simplified {
            MandateLimit::Simplified
        } else {
            MandateLimit::standard(PeriodCode::Quarterly, nok(300_000)?).map_err(e)?
        };
        let reference = if reference.len() == 11 {
            PaddedDigits::from_field_str(reference).map_err(e)?
        } else {
            payer_reference(reference).map_err(e)?
        };
        let mut m = Mandate::new(
            RegistrationType::Listing,
            reference,
            account("86011117947")?,
            limit,
        );
        m.mps = Some(MpsMandate {
            archive_reference: text(["*90000000", "9000MPS", "7001AB58"][i])?,
            name: text(["Ærlig Ås AS", "Åse Bjørnstad", "Øvre Kjøl"][i])?,
            registration_date: Some(
                date!(2025 - 06 - 02) + Duration::days(7 * i64::try_from(i).map_err(e)?),
            ),
            listing: Some(ListingPost {
                charged_in_period: (i == 2).then_some(nok(12_500)?),
                last_charged: Some(date!(2026 - 02 - 02)),
            }),
            ..MpsMandate::empty()
        });
        listing.push(m).map_err(e)?;
    }
    let mut t = Transmission::from_mps(12345, 44, date!(2026 - 02 - 20));
    t.push(listing).map_err(e)?;
    Ok(t)
}

/// Collects the fixtures.
struct Out(Fixtures);

impl Out {
    fn add(&mut self, path: &str, bytes: Vec<u8>, about: &str) {
        self.0.insert(path.to_owned(), (bytes, about.to_owned()));
    }

    /// An error file: the base's records with `mutate` applied.
    fn err(
        &mut self,
        name: &str,
        base: &[Record],
        about: &str,
        mutate: impl FnOnce(&mut Vec<Record>),
    ) -> Result<()> {
        let mut records = base.to_vec();
        mutate(&mut records);
        self.add(
            &format!("err/{name}.txt"),
            bytes(&records, LineEnding::CrLf)?,
            about,
        );
        Ok(())
    }

    /// An error file: the base's bytes with line `index` (0-based) replaced by `line`.
    fn err_line(&mut self, name: &str, base: &[u8], index: usize, line: Vec<u8>, about: &str) {
        let mut lines: Vec<Vec<u8>> = base
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| l.strip_suffix(b"\r").unwrap_or(l).to_vec())
            .collect();
        if let Some(slot) = lines.get_mut(index) {
            *slot = line;
        }
        let mut out = Vec::new();
        for l in lines {
            out.extend_from_slice(&l);
            out.extend_from_slice(b"\r\n");
        }
        self.add(&format!("err/{name}.txt"), out, about);
    }
}

/// A copy of `line` with `with` written into `field`, `within` bytes after its first column
/// (the layouts of `autogiro-format` say where each field is).
fn patch(line: &[u8], field: &Field, within: usize, with: &[u8]) -> Vec<u8> {
    let at = field.range().start + within;
    let mut l = line.to_vec();
    if let Some(slot) = l.get_mut(at..at + with.len()) {
        slot.copy_from_slice(with);
    }
    l
}

/// Every fixture.
pub(crate) fn all() -> Result<Fixtures> {
    let mut out = Out(BTreeMap::new());
    let to = to_mps()?;
    let from = from_mps()?;
    let to_bytes = file(&to)?;
    out.add(
        "ok/records-to-mps.txt",
        to_bytes.clone(),
        "every record layout of a file to MPS (10, 20, 30, 31, 49, 70, 71, 72, 74, 88 of claims and mandates, 89): a type-02 claim with a payer reference and a mod-10 KID, a type-03 claim with a payer account, a mod-11 KID and three specification lines, a standard mandate registered with posts 1-4, a simplified mandate deleted with post 1 only; names with ÆØÅ; CRLF",
    );
    let mut lf = bytes(&to.to_records().map_err(e)?, LineEnding::Lf)?;
    lf.pop();
    out.add(
        "ok/records-to-mps-lf-no-final-break.txt",
        lf,
        "the same records with LF line breaks and no line break after the last record",
    );
    out.add(
        "ok/records-from-mps.txt",
        file(&from)?,
        "every record layout of a file from MPS (10, 20, 30, 31, 35, 36, 70, 71, 72, 73, 76, 88 of settled, rejected and mandates, 89): a settled claim, rejections with code 181 and the unlisted 253 (a warning), a full listing with a block, a coming limit change and post 5",
    );
    out.add(
        "ok/claims-every-kind.txt",
        file(&claims_every_kind()?)?,
        "twelve claims: with and without notice (one with all 42 specification lines), KIDs under modulus 10 and 11 of 3 to 14 digits and none, payer references blank- and zero-padded, payer accounts; names with ÆØÅæøå",
    );
    out.add(
        "ok/mandates-every-kind.txt",
        file(&mandates_every_kind(true)?)?,
        "mandates under edition 3.9 (posts 1-4): standard with each period code 01-06, simplified, a change, a deletion (post 1 only), open and closed validity",
    );
    out.add(
        "ok/mandates-before-3.9.txt",
        file(&mandates_every_kind(false)?)?,
        "the same mandates as the editions before 3.9 wrote them: post 1 only (read with `--edition before-3.9`; an error under 3.9)",
    );
    out.add(
        "ok/several-assignments.txt",
        file(&several_assignments()?)?,
        "four assignments of two agreements, claims and mandates mixed, in one transmission",
    );
    out.add(
        "ok/from-mps-every-error-code.txt",
        file(&every_error_code()?)?,
        "a file from MPS rejecting one claim with each code spec 3.9 lists: 131, 133, 181, 221, 222, 252",
    );
    out.add(
        "ok/from-mps-full-listing.txt",
        file(&full_listing()?)?,
        "a full listing of an agreement's mandates (registration type 0) with post 5, archive references by file, online and by a bank",
    );
    errors(&mut out, &to, &from, &to_bytes)?;
    crate::billing::add(&mut out.0)?;
    Ok(out.0)
}

fn item1(r: &mut [Record], i: usize) -> Option<&mut autogiro_format::AmountItem1> {
    match r.get_mut(i)? {
        Record::AmountItem1(x) | Record::RejectedItem1(x) => Some(x),
        _ => None,
    }
}

fn post1(r: &mut [Record], i: usize) -> Option<&mut autogiro_format::MandatePost1> {
    match r.get_mut(i)? {
        Record::MandatePost1(p) => Some(p),
        Record::MandatePost1FromMps(p) => Some(&mut p.post),
        _ => None,
    }
}

fn totals(r: &mut [Record], i: usize) -> Option<&mut autogiro_format::Totals> {
    match r.get_mut(i)? {
        Record::ClaimsEnd(x) => Some(&mut x.totals),
        Record::ClaimsEndFromMps(x) => Some(&mut x.totals),
        Record::MandatesEnd(x) => Some(&mut x.totals),
        Record::TransmissionEnd(x) => Some(&mut x.totals),
        Record::TransmissionEndFromMps(x) => Some(&mut x.totals),
        _ => None,
    }
}

/// Runs `f` on record `i` when it is a `Variant`.
macro_rules! on {
    ($r:expr, $i:expr, $variant:ident, |$x:ident| $body:expr) => {
        if let Some(Record::$variant($x)) = $r.get_mut($i) {
            $body;
        }
    };
}

/// The error files. The base to MPS, by index: 0 start, 1 assignment start, 2-3 claim 1,
/// 4-5 claim 2, 6-8 its specifications, 9 assignment end, 10 mandates start, 11-14 mandate 1
/// (posts 70 71 72 74), 15 mandate 2 (post 70), 16 assignment end, 17 transmission end. From
/// MPS: 0 start, 1-4 settled, 5-10 rejected, 11-17 listing, 18 end.
#[allow(clippy::too_many_lines)] // One entry per rule, in one table.
fn errors(out: &mut Out, to: &Transmission, from: &Transmission, to_bytes: &[u8]) -> Result<()> {
    let t = to.to_records().map_err(e)?;
    let f = from.to_records().map_err(e)?;
    let t = &t[..];
    let f = &f[..];
    // Record-level (autogiro-format) errors: the bytes of one line broken.
    let lines: Vec<&[u8]> = to_bytes
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect();
    let line = |i: usize| lines.get(i).copied().unwrap_or_default();
    out.err_line(
        "line-length--79-characters",
        to_bytes,
        2,
        line(2)[..79].to_vec(),
        "a record one character short",
    );
    out.err_line(
        "line-length--81-characters",
        to_bytes,
        2,
        [line(2), b"0"].concat(),
        "a record one character long",
    );
    out.err_line(
        "line-length--binary",
        to_bytes,
        5,
        b"\x00\xff\x1b\x89PNG\x0d\x1a\x00\x00\x00\x0dIHDR".to_vec(),
        "a line of binary bytes (the start of a PNG file)",
    );
    let utf8: Vec<u8> = line(5)
        .iter()
        .map(|&b| char::from(b))
        .collect::<String>()
        .into_bytes();
    out.err_line(
        "not-latin1--utf8-name",
        to_bytes,
        5,
        utf8,
        "a name with `Ø` saved as UTF-8: the record is 81 bytes",
    );
    out.err_line(
        "unknown-record-type--39",
        to_bytes,
        3,
        patch(line(3), &AmountItem2::RECORD_TYPE, 0, b"39"),
        "record type `39`, which no layout has",
    );
    out.err_line(
        "wrong-direction--record-36-to-mps",
        to_bytes,
        3,
        patch(
            &patch(line(3), &AmountItem2::RECORD_TYPE, 0, b"36"),
            &AmountItem2::FILLER,
            0,
            b"18100",
        ),
        "record 36 (rejected amount item 2), which exists only in files from MPS",
    );
    out.err_line(
        "field-format--format-code-xy",
        to_bytes,
        1,
        patch(line(1), &FORMAT_CODE, 0, b"XY"),
        "format code `XY` instead of `NY`",
    );
    out.err_line(
        "field-format--amount-with-letter",
        to_bytes,
        2,
        patch(line(2), &AmountItem1::AMOUNT, 12, b"X"),
        "a letter in the amount of record 30",
    );
    out.err_line(
        "field-format--due-date-31-february",
        to_bytes,
        2,
        patch(line(2), &AmountItem1::DUE_DATE, 0, b"310226"),
        "`310226` as a due date",
    );
    out.err_line(
        "field-format--filler-not-zero",
        to_bytes,
        9,
        patch(
            line(9),
            &ClaimsEnd::FILLER,
            ClaimsEnd::FILLER.width() - 1,
            b"1",
        ),
        "a `1` in the zero filler of record 88",
    );
    out.err_line(
        "field-format--kid-with-letter",
        to_bytes,
        2,
        patch(line(2), &AmountItem1::KID, 11, b"A"),
        "a letter in the KID",
    );
    out.err_line(
        "field-format--kid-left-justified",
        to_bytes,
        2,
        patch(line(2), &AmountItem1::KID, 0, b"123456782                "),
        "a KID left-justified ([decision 2](../docs/spec-decisions.md#decision-2): right-justified, blank-padded)",
    );
    out.err_line(
        "field-format--nul-in-name",
        to_bytes,
        3,
        patch(line(3), &AmountItem2::SHORT_NAME, 2, b"\x00"),
        "a NUL byte in the abbreviated name",
    );
    out.err_line(
        "field-format--transaction-type-99",
        to_bytes,
        2,
        patch(line(2), &AmountItem1::TRANSACTION_TYPE, 0, b"99"),
        "transaction type `99` in record 30",
    );
    out.err_line(
        "field-format--period-code-07",
        to_bytes,
        11,
        patch(line(11), &MandatePost1::PERIOD_CODE, 0, b"07"),
        "period code `07` in mandate post 1",
    );
    out.err_line(
        "field-format--registration-type-0-to-mps",
        to_bytes,
        11,
        patch(line(11), &MandatePost1::REGISTRATION_TYPE, 0, b"0"),
        "registration type `0` (full listing) in a file to MPS",
    );
    out.err_line(
        "field-format--birth-date-31-february",
        to_bytes,
        14,
        patch(
            line(14),
            &MandatePost4::SIGNATORY_BIRTH_DATE,
            0,
            b"31021980",
        ),
        "31 February as the signatory's birth date (`DDMMYYYY`)",
    );
    out.err_line(
        "mps-not-named--transmission-start",
        to_bytes,
        0,
        patch(line(0), &TransmissionStart::RECIPIENT, 0, b"00001234"),
        "a transmission start naming MPS (00008080) neither as sender nor as recipient",
    );
    {
        let mut with_gap: Vec<u8> = Vec::new();
        for (i, l) in lines.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
            if i == 4 {
                with_gap.extend_from_slice(b"\r\n");
            }
            with_gap.extend_from_slice(l);
            with_gap.extend_from_slice(b"\r\n");
        }
        out.add(
            "err/empty-line--between-records.txt",
            with_gap,
            "an empty line before a record (empty lines at the end are allowed)",
        );
    }

    // Cross-record (autogiro-model) rules: the records of a valid file, one thing changed.
    out.err(
        "missing-transmission-start--removed",
        t,
        "the transmission start removed",
        |r| {
            r.remove(0);
        },
    )?;
    out.err(
        "duplicate-transmission-start--twice",
        t,
        "the transmission start twice",
        |r| {
            r.insert(1, r[0]);
        },
    )?;
    out.err(
        "missing-transmission-end--removed",
        t,
        "the transmission end removed",
        |r| {
            r.pop();
        },
    )?;
    out.err(
        "record-after-transmission-end--claim",
        t,
        "an amount item 1 after the transmission end",
        |r| {
            r.push(r[2]);
        },
    )?;
    out.err(
        "record-outside-assignment--no-start",
        t,
        "claims without their assignment start",
        |r| {
            r.remove(1);
        },
    )?;
    out.err(
        "missing-assignment-end--claims",
        t,
        "the claims assignment without its end",
        |r| {
            r.remove(9);
        },
    )?;
    out.err(
        "assignment-end-without-start--twice",
        t,
        "an assignment end twice",
        |r| {
            r.insert(10, r[9]);
        },
    )?;
    out.err(
        "assignment-type-mismatch--claims-closed-as-mandates",
        t,
        "a claims assignment closed by a mandates end",
        |r| {
            r[9] = r[16];
        },
    )?;
    out.err(
        "record-not-allowed--mandate-among-claims",
        t,
        "a mandate post 1 in a claims assignment",
        |r| {
            r.insert(9, r[15]);
        },
    )?;
    out.err(
        "missing-item-2--removed",
        t,
        "an amount item 1 without its item 2",
        |r| {
            r.remove(3);
        },
    )?;
    out.err(
        "item-2-without-item-1--removed",
        t,
        "an amount item 2 without its item 1",
        |r| {
            r.remove(2);
        },
    )?;
    out.err(
        "item-mismatch--number",
        t,
        "an item 2 with another transaction number than its item 1",
        |r| {
            on!(r, 3, AmountItem2, |x| x.transaction_number = 9);
        },
    )?;
    out.err(
        "item-mismatch--type",
        t,
        "an item 2 with another transaction type than its item 1",
        |r| {
            on!(r, 3, AmountItem2, |x| x.transaction_type =
                ClaimType::WithNotice);
        },
    )?;
    out.err(
        "transaction-number--gap",
        t,
        "transaction numbers 1, 3",
        |r| {
            if let Some(x) = item1(r, 4) {
                x.transaction_number = 3;
            }
            on!(r, 5, AmountItem2, |x| x.transaction_number = 3);
            for i in 6..9 {
                on!(r, i, Specification, |x| x.transaction_number = 3);
            }
        },
    )?;
    out.err("transaction-number--zero", t, "transaction number 0", |r| {
        if let Some(x) = item1(r, 2) {
            x.transaction_number = 0;
        }
        on!(r, 3, AmountItem2, |x| x.transaction_number = 0);
    })?;
    out.err(
        "specification-without-claim--before-claims",
        t,
        "a specification before any claim",
        |r| {
            let s = r.remove(6);
            r.insert(2, s);
        },
    )?;
    out.err(
        "specification-not-allowed--type-02",
        t,
        "specifications of a claim without notice (type 02)",
        |r| {
            if let Some(x) = item1(r, 4) {
                x.transaction_type = ClaimType::WithoutNotice;
            }
            on!(r, 5, AmountItem2, |x| x.transaction_type =
                ClaimType::WithoutNotice);
        },
    )?;
    out.err(
        "specification-number--other-claim",
        t,
        "a specification with another claim's number",
        |r| {
            on!(r, 7, Specification, |x| x.transaction_number = 1);
        },
    )?;
    out.err(
        "specification-limit--43",
        t,
        "43 specifications of one claim",
        |r| {
            if let Some(Record::Specification(s)) = r.get(6).copied() {
                let mut extra = Vec::new();
                for line in 2..=22u16 {
                    for column in 1..=2u8 {
                        if (line, column) != (2, 1) {
                            extra.push(Record::Specification(autogiro_format::Specification {
                                line: Some(line.min(21)),
                                column: Some(column),
                                ..s
                            }));
                        }
                    }
                }
                extra.truncate(40);
                for (k, x) in extra.into_iter().enumerate() {
                    r.insert(9 + k, x);
                }
            }
        },
    )?;
    out.err(
        "specification-place--line-22",
        t,
        "a specification on line 22",
        |r| {
            on!(r, 8, Specification, |x| x.line = Some(22));
        },
    )?;
    out.err(
        "specification-place--column-3",
        t,
        "a specification in column 3",
        |r| {
            on!(r, 8, Specification, |x| x.column = Some(3));
        },
    )?;
    out.err(
        "specification-duplicate--same-place",
        t,
        "two specifications at line 1, column 1",
        |r| {
            on!(r, 8, Specification, |x| x.line = Some(1));
        },
    )?;
    out.err(
        "specification-blank--line",
        t,
        "a specification with a blank line (a warning: not printed, [decision 12](../docs/spec-decisions.md#decision-12))",
        |r| {
            on!(r, 8, Specification, |x| x.line = None);
        },
    )?;
    out.err(
        "mandate-sequence--gap",
        t,
        "mandate sequence numbers 1, 5",
        |r| {
            if let Some(p) = post1(r, 15) {
                p.sequence_number = 5;
            }
        },
    )?;
    out.err(
        "mandate-post-missing--post-3",
        t,
        "a registration without post 3 (record 72)",
        |r| {
            r.remove(13);
        },
    )?;
    out.err(
        "mandate-post-order--other-mandate",
        t,
        "post 2 of another mandate's sequence number",
        |r| {
            on!(r, 12, MandatePost2, |x| x.sequence_number = 2);
        },
    )?;
    out.err(
        "mandate-limit--simplified-with-limit",
        t,
        "a simplified mandate (type 23) with a period and a limit",
        |r| {
            for i in 11..15 {
                match r.get_mut(i) {
                    Some(Record::MandatePost1(x)) => x.mandate_type = MandateType::Simplified,
                    Some(Record::MandatePost2(x)) => x.mandate_type = MandateType::Simplified,
                    Some(Record::MandatePost3(x)) => x.mandate_type = MandateType::Simplified,
                    Some(Record::MandatePost4(x)) => x.mandate_type = MandateType::Simplified,
                    _ => {}
                }
            }
        },
    )?;
    out.err(
        "mandate-limit--standard-without-period",
        t,
        "a standard mandate with period code 00",
        |r| {
            if let Some(p) = post1(r, 11) {
                p.period_code = PeriodCode::NoPeriod;
            }
        },
    )?;
    out.err(
        "mandate-dates--reversed",
        t,
        "a mandate valid from after its valid-to",
        |r| {
            if let Some(p) = post1(r, 11) {
                p.valid_to = Some(date!(2026 - 01 - 01));
            }
        },
    )?;
    out.err(
        "count-mismatch--claims-end",
        t,
        "the claims assignment end counts 3 claims, not 2",
        |r| {
            if let Some(x) = totals(r, 9) {
                x.transactions = 3;
            }
        },
    )?;
    out.err(
        "count-mismatch--transmission-end",
        t,
        "the transmission end counts 2 transactions, not 4",
        |r| {
            if let Some(x) = totals(r, 17) {
                x.transactions = 2;
            }
        },
    )?;
    out.err(
        "record-count-mismatch--claims-end",
        t,
        "the claims assignment end counts 8 records, not 9",
        |r| {
            if let Some(x) = totals(r, 9) {
                x.records = 8;
            }
        },
    )?;
    out.err(
        "sum-mismatch--claims-end",
        t,
        "the claims assignment end's sum 1 øre off",
        |r| {
            if let Some(x) = totals(r, 9) {
                x.sum += 1;
            }
        },
    )?;
    out.err(
        "sum-mismatch--mandates-end",
        t,
        "the mandates assignment end's sum of limits zero",
        |r| {
            if let Some(x) = totals(r, 16) {
                x.sum = 0;
            }
        },
    )?;
    out.err(
        "sum-mismatch--transmission-end",
        t,
        "the transmission end's sum 0.01 NOK",
        |r| {
            if let Some(x) = totals(r, 17) {
                x.sum = 1;
            }
        },
    )?;
    out.err(
        "first-date-mismatch--claims-end",
        t,
        "the claims assignment end's first due date a day early",
        |r| {
            on!(r, 9, ClaimsEnd, |x| x.first_due_date =
                Some(date!(2026 - 01 - 14)));
        },
    )?;
    out.err(
        "last-date-mismatch--claims-end",
        t,
        "the claims assignment end without its last due date",
        |r| {
            on!(r, 9, ClaimsEnd, |x| x.last_due_date = None);
        },
    )?;
    out.err(
        "first-date-mismatch--transmission-end",
        t,
        "the transmission end without its first due date",
        |r| {
            on!(r, 17, TransmissionEnd, |x| x.first_due_date = None);
        },
    )?;
    out.err("due-date-window--18-months-ahead", t, "a claim due 18 months after 2026-01-10, the date the tests read the files on (spec 2.3 field 6: at most 12 months)", |r| {
        if let Some(x) = item1(r, 2) {
            x.date = date!(2027 - 07 - 15);
        }
        on!(r, 9, ClaimsEnd, |x| {
            x.first_due_date = Some(date!(2026 - 02 - 01));
            x.last_due_date = Some(date!(2027 - 07 - 15));
        });
        on!(r, 17, TransmissionEnd, |x| x.first_due_date = Some(date!(2026 - 02 - 01)));
    })?;
    out.err(
        "account-check-digit--assignment",
        t,
        "the payee's account with a wrong check digit",
        |r| {
            on!(r, 1, AssignmentStart, |x| x.account =
                Digits::new("12345678904").unwrap_or(Digits::ZERO));
        },
    )?;
    out.err(
        "account-check-digit--mandate",
        t,
        "a mandate's payer account with a wrong check digit",
        |r| {
            if let Some(p) = post1(r, 11) {
                p.account = Digits::new("86011117948").unwrap_or(Digits::ZERO);
            }
        },
    )?;
    out.err(
        "payer-account-check-digit--claim",
        t,
        "a claim's 11-digit payer field that is no account (a warning)",
        |r| {
            if let Some(x) = item1(r, 4) {
                x.payer = PaddedDigits::new("86011117948").unwrap_or(PaddedDigits::BLANK);
            }
        },
    )?;
    out.err(
        "kid-check-digit--neither",
        t,
        "a KID valid under neither modulus 10 nor 11",
        |r| {
            if let Some(x) = item1(r, 2) {
                x.kid = PaddedDigits::new("123456780").unwrap_or(PaddedDigits::BLANK);
            }
        },
    )?;
    out.err(
        "organisation-number--check-digit",
        t,
        "an organisation number with a wrong check digit",
        |r| {
            on!(r, 14, MandatePost4, |x| x.organisation_number =
                Text::new("00923609017").unwrap_or(Text::BLANK));
        },
    )?;
    out.err(
        "organisation-number--zeros",
        t,
        "an organisation number of zeros",
        |r| {
            on!(r, 14, MandatePost4, |x| x.organisation_number =
                Text::new("00000000000").unwrap_or(Text::BLANK));
        },
    )?;
    out.err(
        "foreign-organisation--swedish",
        t,
        "a Swedish organisation number (a warning, [decision 14](../docs/spec-decisions.md#decision-14))",
        |r| {
            on!(r, 14, MandatePost4, |x| x.organisation_number =
                Text::new("SE556036079").unwrap_or(Text::BLANK));
        },
    )?;
    out.err("postal-code--zeros", t, "postal code 0000", |r| {
        on!(r, 13, MandatePost3, |x| x.postal_code =
            Text::new("0000").unwrap_or(Text::BLANK));
    })?;
    out.err(
        "postal-code--foreign-blank",
        t,
        "a Swedish address without a postal code",
        |r| {
            on!(r, 13, MandatePost3, |x| {
                x.postal_code = Text::BLANK;
                x.country_code = Text::new("SE").unwrap_or(Text::BLANK);
            });
        },
    )?;
    out.err(
        "required-field--name",
        t,
        "a mandate's payer name blank",
        |r| {
            on!(r, 12, MandatePost2, |x| x.name = Text::BLANK);
        },
    )?;
    out.err(
        "required-field--signatory",
        t,
        "a mandate's signatory blank",
        |r| {
            on!(r, 14, MandatePost4, |x| x.signatory = Text::BLANK);
        },
    )?;
    out.err("mandate-post-edition--before-3.9-posts-2-4", t, "a registration with posts 2-4, read as a file of the editions before 3.9 (read with `--edition before-3.9`; valid under 3.9)", |_| {})?;
    out.err(
        "unlisted-error-code--132",
        f,
        "error code 132, not listed in spec 3.9 (a warning, [decision 9](../docs/spec-decisions.md#decision-9))",
        |r| {
            on!(r, 7, RejectedItem2, |x| x.error_code =
                ErrorCode::Other(132));
        },
    )?;
    out.err(
        "mandate-post-unexpected--post-5-outside-listing",
        f,
        "post 5 of a mandate that is not part of a full listing",
        |r| {
            if let Some(p) = post1(r, 12) {
                p.registration_type = RegistrationType::New;
            }
        },
    )?;
    out.err(
        "mandate-post-missing--from-mps-post-4",
        f,
        "a mandate from MPS without post 4 (record 73)",
        |r| {
            r.remove(15);
        },
    )?;
    out.err(
        "assignment-type-mismatch--settled-closed-as-rejected",
        f,
        "a settled assignment closed by a rejected end",
        |r| {
            on!(r, 4, ClaimsEndFromMps, |x| x.assignment_type =
                AssignmentType::Rejected);
        },
    )?;
    out.err(
        "sum-mismatch--rejected-end",
        f,
        "the rejected assignment end's sum 0.01 NOK",
        |r| {
            if let Some(x) = totals(r, 10) {
                x.sum = 1;
            }
        },
    )?;
    out.err(
        "amount-overflow--transmission-end",
        t,
        "the largest amount in three claims: the sum is past 17 digits",
        |r| {
            let max = Amount::MAX.ore();
            for i in [2, 4] {
                if let Some(x) = item1(r, i) {
                    x.amount = max;
                }
            }
            if let Some(x) = totals(r, 9) {
                x.sum = max;
            }
        },
    )?;
    spec_round_2(out, t, f, to_bytes)
}

/// The rules of the second round of decisions: a payer's reference never blank ([decision 20](docs/spec-decisions.md#decision-20)),
/// numbering from above 1 (19), an assignment number used twice (23), a full listing without
/// post 5 (24).
fn spec_round_2(out: &mut Out, t: &[Record], f: &[Record], to_bytes: &[u8]) -> Result<()> {
    let lines: Vec<&[u8]> = to_bytes
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect();
    let line = |i: usize| lines.get(i).copied().unwrap_or_default();
    out.err_line(
        "field-format--payer-blank",
        to_bytes,
        2,
        patch(line(2), &AmountItem1::PAYER, 0, &[b' '; 11]),
        "a claim whose payer's reference or account is all blanks (never blank: [decision 20](../docs/spec-decisions.md#decision-20))",
    );
    out.err_line(
        "field-format--mandate-reference-blank",
        to_bytes,
        11,
        patch(line(11), &MandatePost1::PAYER_REFERENCE, 0, &[b' '; 11]),
        "a mandate whose payer's reference is all blanks (never blank: [decision 20](../docs/spec-decisions.md#decision-20))",
    );
    out.err(
        "field-format--rejected-payer-blank",
        f,
        "a rejected claim from MPS whose payer's reference is all blanks ([decision 20](../docs/spec-decisions.md#decision-20))",
        |r| {
            if let Some(x) = item1(r, 6) {
                x.payer = PaddedDigits::BLANK;
            }
        },
    )?;
    out.err(
        "numbering-start--from-101",
        t,
        "claims numbered 101, 102 and mandates 11, 12: consecutive, starting above 1 (a warning: [decision 19](../docs/spec-decisions.md#decision-19))",
        |r| {
            for record in r.iter_mut() {
                match record {
                    Record::AmountItem1(x) => x.transaction_number += 100,
                    Record::AmountItem2(x) => x.transaction_number += 100,
                    Record::Specification(x) => x.transaction_number += 100,
                    Record::MandatePost1(x) => x.sequence_number += 10,
                    Record::MandatePost2(x) => x.sequence_number += 10,
                    Record::MandatePost3(x) => x.sequence_number += 10,
                    Record::MandatePost4(x) => x.sequence_number += 10,
                    _ => {}
                }
            }
        },
    )?;
    out.err(
        "duplicate-assignment-number--twice",
        t,
        "the mandates assignment with the claims assignment's number, 1, of the same agreement ([decision 23](../docs/spec-decisions.md#decision-23))",
        |r| on!(r, 10, AssignmentStart, |x| x.assignment_number = 1),
    )?;
    out.err(
        "mandate-post-missing--listing-without-post-5",
        f,
        "a mandate of a full listing without post 5 (record 76), the end records' counts adjusted ([decision 24](../docs/spec-decisions.md#decision-24))",
        |r| {
            r.remove(16);
            for i in [16, 17] {
                if let Some(x) = totals(r, i) {
                    x.records -= 1;
                }
            }
        },
    )?;
    Ok(())
}

/// `testdata/README.md`, one line per file.
pub(crate) fn readme(fixtures: &Fixtures) -> String {
    let mut s = String::from(
        "# testdata\n\n\
         Written by `cargo xtask fixtures` from the model's builders (deterministic: the same bytes on\n\
         every machine); `cargo xtask fixtures --check` fails when this folder is out of date. Do not\n\
         edit by hand: change `xtask/src/fixtures.rs` and run the command.\n\n\
         `ok/` holds valid files. `err/` holds files that each break one thing, named\n\
         `CODE--WHAT.txt` after the diagnostic code they raise (the tests check that they do).\n\
         `billing/` holds billing data for `autogiro new` (CSV, JSON, .xlsx) and the settings it\n\
         is read with. The\n\
         tests read every file as on 2026-01-10 (`--today 2026-01-10`), and a file with `before-3.9`\n\
         in its name under the editions before 3.9 (`--edition before-3.9`).\n",
    );
    for (dir, title) in [("ok/", "ok/"), ("err/", "err/"), ("billing/", "billing/")] {
        let _ = write!(s, "\n## {title}\n\n| file | what it shows |\n|---|---|\n");
        for (path, (_, about)) in fixtures.range(dir.to_owned()..) {
            if !path.starts_with(dir) {
                break;
            }
            let name = path.trim_start_matches(dir);
            let _ = writeln!(s, "| `{name}` | {} |", about.replace('|', "\\|"));
        }
    }
    s
}
