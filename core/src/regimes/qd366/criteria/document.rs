//! Reading profile documents `{"criteria_profile": {…}}` from JSON.

use crate::contract::criteria::CriteriaProfileDocument;
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::limits::MAX_PROFILE_BYTES;
use crate::json::read::{decode_reporting_unknown, is_json_syntax, structural_error};
use crate::regimes::qd366::criteria::profile::ValidProfile;
use crate::regimes::qd366::criteria::validate::validate_profile_at;

fn decode_document<'de, D>(
    deserializer: D,
    errors: &mut Vec<InputError>,
) -> Option<CriteriaProfileDocument>
where
    D: serde::Deserializer<'de, Error = serde_json::Error>,
{
    let decoded = decode_reporting_unknown(deserializer, is_json_syntax);
    errors.extend(decoded.errors);
    decoded.value
}

fn validate_document(
    document: Option<CriteriaProfileDocument>,
    mut errors: Vec<InputError>,
) -> Result<ValidProfile, InputErrors> {
    let Some(document) = document else {
        return Err(InputErrors(errors));
    };
    match validate_profile_at(&document.criteria_profile, "/criteria_profile") {
        Ok(valid) if errors.is_empty() => Ok(valid),
        Ok(_) => Err(InputErrors(errors)),
        Err(more) => {
            errors.extend(more.0);
            Err(InputErrors(errors))
        }
    }
}

/// Reads and validates a profile document `{"criteria_profile": {…}}` from JSON text,
/// reporting every unknown field together with the validation problems; paths are
/// from the document (`/criteria_profile/items/3/max`).
pub fn decode_profile(json: &str) -> Result<ValidProfile, InputErrors> {
    if json.len() > MAX_PROFILE_BYTES {
        return Err(InputErrors::one(InputError::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "Hồ sơ tiêu chí dài {} byte, vượt giới hạn {MAX_PROFILE_BYTES}",
                json.len()
            ),
            format!(
                "the criteria profile is {} bytes, over the limit of {MAX_PROFILE_BYTES}",
                json.len()
            ),
        )));
    }
    let mut errors = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let document = decode_document(&mut deserializer, &mut errors);
    if document.is_some() {
        if let Err(error) = deserializer.end() {
            errors.push(structural_error(&error.to_string(), String::new(), true));
            return Err(InputErrors(errors));
        }
    }
    validate_document(document, errors)
}

/// [`decode_profile`] from a parsed JSON value.
pub fn decode_profile_value(value: &serde_json::Value) -> Result<ValidProfile, InputErrors> {
    let mut errors = Vec::new();
    let document = decode_document(value, &mut errors);
    validate_document(document, errors)
}
