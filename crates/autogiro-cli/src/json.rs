//! The model's JSON form read with errors that name the path (`assignments[0].claims[2].amount`)
//! and the type expected, not a line and column of the JSON text.

use autogiro::model::{
    Assignment, AssignmentKind, ClaimsAssignment, MandatesAssignment, RejectedAssignment,
    SettledAssignment, Transmission,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A JSON document that is not the model's form of a transmission.
#[derive(Debug)]
pub(crate) struct JsonError {
    /// Where: a path into the document (`assignments[0].claims[2].amount`), empty for the
    /// document as a whole.
    pub(crate) path: String,
    /// What was expected and what was found.
    pub(crate) message: String,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// `T` from `value`, an error naming the path below `prefix`.
fn at<T: DeserializeOwned>(value: Value, prefix: &str) -> Result<T, JsonError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let inner = e.path().to_string();
        let path = match (prefix.is_empty(), inner.as_str()) {
            (_, ".") => prefix.to_owned(),
            (true, _) => inner,
            (false, _) if inner.starts_with('[') => format!("{prefix}{inner}"),
            (false, _) => format!("{prefix}.{inner}"),
        };
        JsonError {
            path,
            message: e.into_inner().to_string(),
        }
    })
}

/// Reads a transmission from the model's JSON.
///
/// The assignments are tagged by `kind`; serde reads such an enum through a buffer that loses
/// the path, so each assignment is read here by its kind, with its own path.
pub(crate) fn transmission(data: &[u8]) -> Result<Transmission, JsonError> {
    let mut root: Value = serde_json::from_slice(data).map_err(|e| JsonError {
        path: String::new(),
        message: format!("not JSON: {e}"),
    })?;
    let Some(object) = root.as_object_mut() else {
        return Err(JsonError {
            path: String::new(),
            message: "expected an object with the transmission's fields".to_owned(),
        });
    };
    let assignments = object
        .insert("assignments".to_owned(), Value::Array(Vec::new()))
        .unwrap_or(Value::Array(Vec::new()));
    let mut transmission: Transmission = at(root, "")?;
    let Value::Array(items) = assignments else {
        return Err(JsonError {
            path: "assignments".to_owned(),
            message: "expected an array of assignments".to_owned(),
        });
    };
    for (i, mut item) in items.into_iter().enumerate() {
        let path = format!("assignments[{i}]");
        let kind = item
            .as_object_mut()
            .and_then(|o| o.remove("kind"))
            .and_then(|k| k.as_str().map(str::to_owned));
        let assignment = match kind.as_deref().and_then(AssignmentKind::from_tag) {
            Some(AssignmentKind::Claims) => {
                Assignment::Claims(at::<ClaimsAssignment>(item, &path)?)
            }
            Some(AssignmentKind::Mandates) => {
                Assignment::Mandates(at::<MandatesAssignment>(item, &path)?)
            }
            Some(AssignmentKind::Settled) => {
                Assignment::Settled(at::<SettledAssignment>(item, &path)?)
            }
            Some(AssignmentKind::Rejected) => {
                Assignment::Rejected(at::<RejectedAssignment>(item, &path)?)
            }
            Some(AssignmentKind::OcrGiro) => {
                Assignment::OcrGiro(at::<autogiro::model::OcrAssignment>(item, &path)?)
            }
            Some(AssignmentKind::AvtaleGiroClaims) => {
                Assignment::AvtaleGiroClaims(at::<autogiro::model::AvtaleGiroClaims>(item, &path)?)
            }
            Some(AssignmentKind::AvtaleGiroCancellations) => Assignment::AvtaleGiroCancellations(
                at::<autogiro::model::AvtaleGiroCancellations>(item, &path)?,
            ),
            Some(AssignmentKind::AvtaleGiroMandates) => {
                Assignment::AvtaleGiroMandates(at::<autogiro::model::AvtaleGiroMandates>(
                    item, &path,
                )?)
            }
            None => {
                let other = kind.as_deref();
                return Err(JsonError {
                    path: format!("{path}.kind"),
                    message: format!(
                        "expected one of \"claims\", \"mandates\", \"settled\", \"rejected\", \"ocr-giro\", \"avtalegiro-claims\", \"avtalegiro-cancellations\", \"avtalegiro-mandates\", found {}",
                        other.map_or_else(|| "nothing".to_owned(), |k| format!("{k:?}"))
                    ),
                });
            }
        };
        transmission.assignments.push(assignment);
    }
    Ok(transmission)
}
