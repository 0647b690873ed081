//! Every 80-column record of the Norwegian Autogiro files of Mastercard Payment Services (MPS),
//! and of AvtaleGiro and OCR giro ([`Service`]), which share their envelope, read and written
//! byte for byte.
//!
//! This crate knows the records and nothing above them: a type, a [nom] parser and a writer per
//! record layout of *Systemspesifikasjon Autogiro 3.9* (transcribed in the project's
//! `docs/records.md`), in both directions; a streaming [`Reader`] and a [`Writer`]. Which records may
//! follow which, and whether counts and sums add up, is `autogiro-model`'s business.
//!
//! * Every layout is also data: each field's columns, name and kind are a [`Field`] const of
//!   its record's type (`AmountItem1::KID`), each layout a [`Layout`] in [`LAYOUTS`]; the
//!   parsers, the writers and every message take columns and names from there. Each record is
//!   declared once, its fields in column order, and its type, layouts, parser, writer and fast
//!   decoder come from that declaration.
//! * Fixed values (format code `NY`, service codes, fillers) are checked when reading and
//!   written when writing; they are fields of the layouts, not of the types.
//! * Numbers are integers (`u32`, amounts in øre as `u64`); identifiers whose leading zeros
//!   matter are [`Digits`]; blank-padded digit fields (payer reference, KID) are
//!   [`PaddedDigits`] ([decision 2](docs/spec-decisions.md#decision-2)); text is [`Text`], ISO-8859-1 held inline. Reading and
//!   writing a record allocates nothing.
//! * Dates are [`time::Date`]; `000000` reads as `None` where a field is optional; two-digit
//!   years follow [decision 6](docs/spec-decisions.md#decision-6) ([`Context::reference_date`]).
//! * Errors name the line, the 1-based columns, the record type, the field, what was expected
//!   and the bytes found ([`RecordError`], [`Error`]).
//! * The [`Reader`] is an iterator of owned records; [`Reader::each`] hands out the same
//!   records by reference instead, the faster way through a large file.
//!
//! ```
//! use autogiro_format::{Direction, LineEnding, Reader, Record, Writer};
//!
//! let file = concat!(
//!     "NY000010123456780000001000080800000000000000000000000000000000000000000000000000\r\n",
//!     "NY000089000000000000000200000000000000000000000000000000000000000000000000000000\r\n",
//! );
//! let mut records = Vec::new();
//! for item in Reader::new(file.as_bytes()) {
//!     let (line, record) = item?;
//!     records.push(record);
//! }
//! assert!(matches!(records[0], Record::TransmissionStart(s) if s.transmission_number == 1));
//!
//! // Writing them back gives the same bytes.
//! let mut writer = Writer::new(Vec::new()).line_ending(LineEnding::CrLf);
//! for record in &records {
//!     writer.write_record(record)?;
//! }
//! assert_eq!(writer.into_inner(), file.as_bytes());
//! # Ok::<(), autogiro_format::Error>(())
//! ```
//!
//! Dependencies: `nom` (the parsers), `time` (dates), `thiserror` (errors) and `memchr`, which
//! finds line breaks with SIMD in the one scan the reader makes over every byte (nom already
//! depends on it). The optional `serde` feature adds `Serialize` / `Deserialize` to the field
//! value types, for `autogiro-model`'s JSON form.

#![forbid(unsafe_code)]

mod aligned;
mod encode;
mod error;
mod fast;
mod layout;
mod parse;
mod reader;
mod records;
mod services;
mod value;
mod writer;

pub use aligned::AlignedReader;
pub use error::{Error, ErrorKind, Message, RecordError, ValueError};
pub use layout::{
    FORMAT_CODE, Field, FieldKind, LAYOUTS, Layout, RECORD_TYPE, SERVICE_CODE, SERVICE_CODE_00,
    SERVICE_CODE_01, SERVICE_CODE_09, SERVICE_CODE_21, TRANSMISSION_TYPE, record_types,
    service_record_types,
};
pub use reader::Reader;
pub use records::{
    AmountItem1, AmountItem2, AssignmentStart, AvtaleGiroAssignmentStart, AvtaleGiroClaimsEnd,
    AvtaleGiroItem1, AvtaleGiroItem2, AvtaleGiroMandate, AvtaleGiroMandatesEnd,
    AvtaleGiroSpecification, ClaimsEnd, ClaimsEndFromMps, MandatePost1, MandatePost1FromMps,
    MandatePost2, MandatePost2FromMps, MandatePost3, MandatePost3FromMps, MandatePost4,
    MandatePost4FromMps, MandatePost5FromMps, MandatesEnd, OcrAssignmentEnd, OcrAssignmentStart,
    OcrItem1, OcrItem2, OcrItem3, Record, RejectedItem2, Specification, Totals, TransmissionEnd,
    TransmissionEndFromMps, TransmissionStart,
};
pub use services::{
    AvtaleGiroAssignmentType, AvtaleGiroRegistration, AvtaleGiroType, OcrSign, OcrType, Service,
    WrittenNotice,
};
pub use value::{
    AssignmentType, ClaimType, Context, Digits, Direction, ErrorCode, MPS_ID, MandateType,
    PaddedDigits, PeriodCode, RegistrationType, Text,
};
pub use writer::{LineEnding, Writer};

/// The length of every record in bytes, without the line break.
pub const RECORD_LEN: usize = 80;

/// The README's example, run as a doc test so that it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
