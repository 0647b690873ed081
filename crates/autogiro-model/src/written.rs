//! What a transmission built from data (a program's, or JSON's) becomes when written: numbers
//! filled in, every rule checked on the bytes before anything leaves, and each finding traced
//! back to the place in the model it came from.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use autogiro_format::LineEnding;

use crate::write::Place;
use crate::{
    Assignment, ClaimsAssignment, Diagnostic, ReadOptions, Report, SettledAssignment, Transmission,
    WriteError, validate,
};

impl Transmission {
    /// Numbers what was left unnumbered: a claim's transaction number or a mandate's sequence
    /// number of 0 becomes the previous one + 1 (the first: 1), in each assignment. Numbers
    /// that are given are kept, so that [`Transmission::write_checked`] checks them (consecutive,
    /// [decision 19](docs/spec-decisions.md#decision-19)).
    ///
    /// For data that leaves numbering to the writer, such as the model's JSON without
    /// `transaction_number` or `sequence_number`.
    pub fn number_unnumbered(&mut self) {
        fn fill<'a>(numbers: impl Iterator<Item = &'a mut u32>) {
            let mut previous = 0u32;
            for n in numbers {
                if *n == 0 {
                    *n = previous.saturating_add(1);
                }
                previous = *n;
            }
        }
        for a in &mut self.assignments {
            match a {
                Assignment::Claims(ClaimsAssignment { claims, .. })
                | Assignment::Settled(SettledAssignment { claims, .. }) => {
                    fill(claims.iter_mut().map(|c| &mut c.transaction_number));
                }
                Assignment::Rejected(r) => {
                    fill(
                        r.rejections
                            .iter_mut()
                            .map(|r| &mut r.claim.transaction_number),
                    );
                }
                Assignment::Mandates(m) => {
                    fill(m.mandates.iter_mut().map(|m| &mut m.sequence_number));
                }
                Assignment::OcrGiro(o) => {
                    fill(o.payments.iter_mut().map(|p| &mut p.transaction_number));
                }
                Assignment::AvtaleGiroClaims(a) => {
                    fill(a.claims.iter_mut().map(|c| &mut c.transaction_number));
                }
                Assignment::AvtaleGiroCancellations(a) => {
                    fill(
                        a.cancellations
                            .iter_mut()
                            .map(|c| &mut c.transaction_number),
                    );
                }
                Assignment::AvtaleGiroMandates(a) => {
                    fill(a.mandates.iter_mut().map(|m| &mut m.serial_number));
                }
            }
        }
    }

    /// Writes the transmission (CRLF) only if the bytes pass every rule, as
    /// [`validate`] would read them with `options` (the 12-month window of due dates against
    /// `options.today` included). On any error nothing reaches `out`.
    ///
    /// The file is made in memory first, so this holds the whole file once; the facade's
    /// `write_file` checks a temporary file on disk instead.
    ///
    /// # Errors
    ///
    /// [`WriteError::Invalid`] with every diagnostic (see [`Transmission::json_paths`] to name
    /// the model's fields); the errors of [`Transmission::write`].
    pub fn write_checked<W: Write>(
        &self,
        mut out: W,
        options: &ReadOptions,
    ) -> Result<Report, WriteError> {
        let mut bytes = Vec::new();
        self.write_with(&mut bytes, LineEnding::CrLf)?;
        let report = validate(&bytes[..], options);
        if !report.is_valid() {
            return Err(WriteError::Invalid(report));
        }
        out.write_all(&bytes)
            .and_then(|()| out.flush())
            .map_err(|source| WriteError::Io { source })?;
        Ok(report)
    }

    /// Where in the model each diagnostic of the written file comes from, as a path into the
    /// model's JSON form: `assignments[0].claims[3].kid`, `assignments[1].header.account`,
    /// `transmission_number`. A diagnostic that concerns a whole record or an end record names
    /// the element (`assignments[0].mandates[2]`, `assignments[0]`); one about the transmission
    /// as a whole, `(transmission)`.
    ///
    /// The lines are those [`Transmission::write`] produces, so this is meant for the
    /// diagnostics of [`Transmission::write_checked`]. One pass over the model, whatever the
    /// number of diagnostics.
    pub fn json_paths(&self, diagnostics: &[Diagnostic]) -> Vec<String> {
        let mut wanted: BTreeMap<u64, Option<Place>> =
            diagnostics.iter().map(|d| (d.line, None)).collect();
        let mut line = 0u64;
        // Writing to nothing cannot fail on I/O; a value that does not fit ends the walk, and
        // lines not reached are named by the transmission.
        let _ = self.for_each_record(|_, place| {
            line += 1;
            if let Some(slot) = wanted.get_mut(&line) {
                *slot = Some(place);
            }
            Ok::<(), WriteError>(())
        });
        diagnostics
            .iter()
            .map(|d| match wanted.get(&d.line).copied().flatten() {
                Some(place) => self.path(place, d.record_type, d.field),
                None => TRANSMISSION.to_owned(),
            })
            .collect()
    }

    fn path(&self, place: Place, record_type: Option<u8>, field: Option<&str>) -> String {
        let Some(i) = place.assignment else {
            let key = match field {
                Some("data sender") => "sender",
                Some("transmission number") => "transmission_number",
                Some("data recipient") => "recipient",
                Some("date") if record_type == Some(89) => "generated",
                _ => return TRANSMISSION.to_owned(),
            };
            return key.to_owned();
        };
        let mut path = format!("assignments[{i}]");
        let Some(j) = place.item else {
            if record_type == Some(20) {
                let key = match field {
                    Some("agreement id") => Some("agreement_id"),
                    Some("assignment number") => Some("assignment_number"),
                    Some("assignment account") => Some("account"),
                    _ => None,
                };
                if let Some(key) = key {
                    path.push_str(".header.");
                    path.push_str(key);
                }
            }
            return path;
        };
        let assignment = self.assignments.get(i);
        match assignment {
            Some(Assignment::Mandates(_)) => {
                let _ = write!(path, ".mandates[{j}]");
                if let Some(key) = field.and_then(mandate_key) {
                    path.push('.');
                    path.push_str(key);
                }
                return path;
            }
            Some(Assignment::Rejected(_)) => {
                let _ = write!(path, ".rejections[{j}]");
                if field == Some("error code") {
                    path.push_str(".code");
                    return path;
                }
                if field.and_then(claim_key).is_some() || place.specification.is_some() {
                    path.push_str(".claim");
                }
            }
            Some(Assignment::OcrGiro(_)) => {
                let _ = write!(path, ".payments[{j}]");
                return path;
            }
            Some(Assignment::AvtaleGiroClaims(_)) => {
                return avtalegiro_path(path, "claims", j, place, field);
            }
            Some(Assignment::AvtaleGiroCancellations(_)) => {
                return avtalegiro_path(path, "cancellations", j, place, field);
            }
            Some(Assignment::AvtaleGiroMandates(_)) => {
                let _ = write!(path, ".mandates[{j}]");
                return path;
            }
            _ => {
                let _ = write!(path, ".claims[{j}]");
            }
        }
        if let Some(k) = place.specification {
            let _ = write!(path, ".specification[{k}]");
            let key = match field {
                Some("line") => Some("line"),
                Some("column") => Some("column"),
                Some("text") => Some("text"),
                Some("transaction number") => Some("transaction_number"),
                _ => None,
            };
            if let Some(key) = key {
                path.push('.');
                path.push_str(key);
            }
            return path;
        }
        if let Some(key) = field.and_then(claim_key) {
            path.push('.');
            path.push_str(key);
        }
        path
    }
}

/// The path of a finding about the transmission as a whole.
const TRANSMISSION: &str = "(transmission)";

/// The model's JSON key of a claim's field, by the field's name in the records.
fn claim_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "transaction number" => "transaction_number",
        "transaction type" => "claim_type",
        "due date" | "processing date" | "date" => "date",
        "payer's reference or account" => "payer",
        "amount" => "amount",
        "KID" => "kid",
        "abbreviated name" => "short_name",
        "own reference" => "own_reference",
        "foreign reference" => "foreign_reference",
        _ => return None,
    })
}

/// The model's JSON key of a mandate's field, by the field's name in the records.
fn mandate_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "mandate sequence number" => "sequence_number",
        "transaction type" => "mandate_type",
        "registration type" => "registration_type",
        "payer's reference" => "payer_reference",
        "payer's account" => "account",
        "period code" => "period_code",
        "amount limit" => "amount_limit",
        "valid from" => "valid_from",
        "valid to" => "valid_to",
        "name" => "payer.name",
        "address 1" => "payer.address1",
        "address 2" => "payer.address2",
        "postal code" => "payer.postal_code",
        "postal code extension" => "payer.postal_code_extension",
        "postal town" => "payer.postal_town",
        "country code" => "payer.country_code",
        "organisation number" => "payer.organisation",
        "signatory name" => "payer.signatory",
        "signatory birth date" => "payer.signatory_birth_date",
        _ => return None,
    })
}

/// The path under an AvtaleGiro assignment's `list` of the item `j` of `place`, at `field`.
fn avtalegiro_path(
    mut path: String,
    list: &str,
    j: usize,
    place: Place,
    field: Option<&str>,
) -> String {
    let _ = write!(path, ".{list}[{j}]");
    if let Some(k) = place.specification {
        let _ = write!(path, ".specification[{k}]");
        return path;
    }
    let key = match field {
        Some("due date") => Some("due_date"),
        Some("amount") => Some("amount"),
        Some("KID") => Some("kid"),
        Some("transaction number") => Some("transaction_number"),
        Some("abbreviated name") => Some("names.short_name"),
        Some("foreign reference") => Some("names.foreign_reference"),
        _ => None,
    };
    if let Some(key) = key {
        path.push('.');
        path.push_str(key);
    }
    path
}
