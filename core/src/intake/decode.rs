//! Reading assessments from JSON: every unknown field reported with its path, type and
//! syntax errors located by JSON Pointer, size limits enforced before parsing.

use crate::contract::assessment::Assessment;
use crate::contract::errors::{InputError, InputErrors};
use crate::contract::limits::{MAX_RECORD_BYTES, MAX_STATE_RECORD_BYTES};
use crate::contract::state::Rating;
use crate::intake::validate::assessment::validate_with;
use crate::intake::validate::options::ValidateOptions;
#[cfg(not(target_arch = "wasm32"))]
use crate::json::read::decode_json_quietly;
use crate::json::read::{decode_reporting_unknown, is_json_syntax, structural_error, Decoded};
use crate::model::ValidAssessment;
use serde::de::Deserializer;

/// Reads an assessment from any serde deserializer (JSON text, a Python dict, a JS value),
/// reporting every unknown field and the first structural error, each with its path.
pub fn assessment_from_deserializer<'de, D>(deserializer: D) -> Result<Assessment, InputErrors>
where
    D: Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    into_result(decode_lenient(deserializer))
}

fn into_result(decoded: Decoded<Assessment>) -> Result<Assessment, InputErrors> {
    match decoded {
        Decoded {
            value: Some(assessment),
            errors,
        } if errors.is_empty() => Ok(assessment),
        Decoded { errors, .. } => Err(InputErrors(errors)),
    }
}

fn decode_lenient<'de, D>(deserializer: D) -> Decoded<Assessment>
where
    D: Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    decode_reporting_unknown(deserializer, |_| false)
}

/// Decodes JSON text, keeping the record when only unknown fields were found.
pub fn decode_json_lenient(json: &str) -> Decoded<Assessment> {
    if json.len() > MAX_STATE_RECORD_BYTES {
        return Decoded {
            value: None,
            errors: vec![InputError::record_over(json.len(), MAX_STATE_RECORD_BYTES)],
        };
    }
    let decoded = decode_json_within_limit(json);
    // Only a state record (with its product lists) may use the larger limit.
    let is_state = decoded
        .value
        .as_ref()
        .is_some_and(|a| a.rating == Some(Rating::State));
    if json.len() > MAX_RECORD_BYTES && !is_state {
        return Decoded {
            value: None,
            errors: vec![InputError::record_too_large(json.len())],
        };
    }
    decoded
}

fn decode_json_within_limit(json: &str) -> Decoded<Assessment> {
    // Not in the WASM build: the quiet path is a second copy of every contract type's
    // deserializer (about 28 KB of the gzipped module, docs/performance.md "WASM"), for
    // about 15-25 µs a record that a keystroke does not notice.
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(assessment) = decode_json_quietly(json) {
        return Decoded {
            value: Some(assessment),
            errors: Vec::new(),
        };
    }
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let Decoded {
        value: assessment,
        errors: mut unknown,
    } = decode_reporting_unknown(&mut deserializer, is_json_syntax);
    let Some(assessment) = assessment else {
        return Decoded {
            value: None,
            errors: unknown,
        };
    };
    if let Err(error) = deserializer.end() {
        unknown.push(structural_error(&error.to_string(), String::new(), true));
        return Decoded {
            value: None,
            errors: unknown,
        };
    }
    Decoded {
        value: Some(assessment),
        errors: unknown,
    }
}

/// Reads one assessment from JSON text.
pub fn decode_assessment(json: &str) -> Result<Assessment, InputErrors> {
    into_result(decode_json_lenient(json))
}

/// Reads one assessment from a parsed JSON value.
pub fn assessment_from_value(value: &serde_json::Value) -> Result<Assessment, InputErrors> {
    assessment_from_deserializer(value)
}

/// Decodes and validates JSON text, reporting every problem at once: unknown fields and
/// the validation problems of the rest of the record together.
pub fn decode_and_validate(
    json: &str,
    options: ValidateOptions,
) -> Result<ValidAssessment, InputErrors> {
    let Decoded {
        value: assessment,
        mut errors,
    } = decode_json_lenient(json);
    let Some(assessment) = assessment else {
        return Err(InputErrors(errors));
    };
    match validate_with(&assessment, options) {
        Ok(valid) if errors.is_empty() => Ok(valid),
        Ok(_) => Err(InputErrors(errors)),
        Err(more) => {
            errors.extend(more.0);
            Err(InputErrors(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::errors::ErrorCode;

    fn codes(json: &str) -> Vec<(ErrorCode, String)> {
        match decode_assessment(json) {
            Ok(_) => vec![],
            Err(errors) => errors.0.into_iter().map(|e| (e.code, e.path)).collect(),
        }
    }

    const GOOD: &str = r#"{"id":"a","period":{"year":2025},"subject":{"kind":"member"}}"#;

    #[test]
    fn reads_a_minimal_record() {
        assert!(decode_assessment(GOOD).is_ok());
    }

    #[test]
    fn reports_every_unknown_field_with_its_path() {
        let json = r#"{"id":"a","perod":1,"period":{"year":2025,"quater":2},"subject":{"kind":"member"},
            "discipline":[{"form":"warning","decided_on":"2025-01-01","memberid":"x"}]}"#;
        assert_eq!(
            codes(json),
            vec![
                (ErrorCode::UnknownField, "/perod".to_owned()),
                (ErrorCode::UnknownField, "/period/quater".to_owned()),
                (ErrorCode::UnknownField, "/discipline/0/memberid".to_owned()),
            ]
        );
    }

    #[test]
    fn locates_type_errors_and_missing_fields() {
        let json = r#"{"id":"a","period":{"year":2025},"subject":{"kind":"member"},"tasks":{"assigned":"x"}}"#;
        assert_eq!(
            codes(json),
            vec![(ErrorCode::InvalidType, "/tasks/assigned".to_owned())]
        );
        let json = r#"{"id":"a","period":{"year":2025},"subject":{}}"#;
        assert_eq!(
            codes(json),
            vec![(ErrorCode::MissingField, "/subject/kind".to_owned())]
        );
        let json = r#"{"id":"a","period":{"year":2025},"subject":{"kind":"boss"}}"#;
        assert_eq!(
            codes(json),
            vec![(ErrorCode::InvalidValue, "/subject/kind".to_owned())]
        );
        let json = r#"{"id":"a","period":{"year":2025},"subject":{"kind":"member"},"tasks":{"assigned":-1,"completed":0,"on_time":0,"exceeded":0}}"#;
        assert_eq!(
            codes(json),
            vec![(ErrorCode::OutOfRange, "/tasks/assigned".to_owned())]
        );
    }

    #[test]
    fn rejects_bad_json_and_trailing_text() {
        assert_eq!(codes("{"), vec![(ErrorCode::InvalidJson, String::new())]);
        assert_eq!(
            codes(&format!("{GOOD} x")),
            vec![(ErrorCode::InvalidJson, String::new())]
        );
        assert_eq!(codes("[]")[0].0, ErrorCode::InvalidType);
    }

    #[test]
    fn rejects_oversized_records_before_parsing() {
        let big = " ".repeat(MAX_RECORD_BYTES + 1);
        assert_eq!(codes(&big), vec![(ErrorCode::TooLarge, String::new())]);
    }
}
