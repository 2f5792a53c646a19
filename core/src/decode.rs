//! Reading assessments from JSON: every unknown field reported with its path, type and
//! syntax errors located by JSON Pointer, size limits enforced before parsing.

use crate::contract::Assessment;
use crate::error::{pointer_segment, ErrorCode, InputError, InputErrors};
use crate::limits::MAX_RECORD_BYTES;
use crate::model::ValidAssessment;
use crate::validate::{validate_with, ValidateOptions};
use serde::de::Deserializer;

/// Converts serde_ignored's path of an ignored (unknown) key to a JSON Pointer.
fn ignored_pointer(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}/{index}", ignored_pointer(parent)),
        Path::Map { parent, key } => {
            format!("{}/{}", ignored_pointer(parent), pointer_segment(key))
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => ignored_pointer(parent),
    }
}

fn tracked_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                pointer.push('/');
                pointer.push_str(&pointer_segment(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    pointer
}

/// The text between the first pair of backticks in a serde message (a field name).
fn quoted_name(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message.get(start..)?.find('`')?;
    message.get(start..start + len)
}

/// Turns one serde error (with the path where it happened) into a contract error.
pub(crate) fn structural_error(message: &str, mut path: String, syntax: bool) -> InputError {
    if syntax {
        return InputError::new(
            ErrorCode::InvalidJson,
            path,
            format!("Không đọc được JSON: {message}"),
            format!("not valid JSON: {message}"),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let name = quoted_name(rest).unwrap_or("");
        path.push('/');
        path.push_str(&pointer_segment(name));
        return InputError::new(
            ErrorCode::MissingField,
            path.clone(),
            format!("Thiếu trường bắt buộc `{path}`"),
            format!("`{path}` is required"),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        // From a type that denies unknown fields itself; the path may already end at it.
        let segment = format!("/{}", pointer_segment(quoted_name(rest).unwrap_or("")));
        if !path.ends_with(&segment) {
            path.push_str(&segment);
        }
        return unknown_field(path);
    }
    if message.starts_with("unknown variant") {
        return InputError::new(
            ErrorCode::InvalidValue,
            path,
            format!("Giá trị không được phép: {message}"),
            message.to_owned(),
        );
    }
    if message.starts_with("invalid value: integer") {
        return InputError::new(
            ErrorCode::OutOfRange,
            path,
            format!("Số nằm ngoài khoảng cho phép: {message}"),
            message.to_owned(),
        );
    }
    InputError::new(
        ErrorCode::InvalidType,
        path,
        format!("Kiểu giá trị không đúng: {message}"),
        message.to_owned(),
    )
}

fn unknown_field(path: String) -> InputError {
    InputError::new(
        ErrorCode::UnknownField,
        path.clone(),
        format!("Trường `{path}` không được định nghĩa trong định dạng dữ liệu"),
        format!("`{path}` is not a field of this format"),
    )
}

/// Reads an assessment from any serde deserializer (JSON text, a Python dict, a JS value),
/// reporting every unknown field and the first structural error, each with its path.
pub fn assessment_from_deserializer<'de, D>(deserializer: D) -> Result<Assessment, InputErrors>
where
    D: Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    into_result(decode_lenient(deserializer))
}

/// What decoding found: the record, if its shape was sound, and the problems (unknown
/// fields alone leave the record readable, so validation can still report the rest).
pub struct Decoded<T = Assessment> {
    /// The record, when every known field had the right shape.
    pub assessment: Option<T>,
    /// Unknown fields and the first structural error.
    pub errors: Vec<InputError>,
}

fn into_result(decoded: Decoded) -> Result<Assessment, InputErrors> {
    match decoded {
        Decoded {
            assessment: Some(assessment),
            errors,
        } if errors.is_empty() => Ok(assessment),
        Decoded { errors, .. } => Err(InputErrors(errors)),
    }
}

/// Reads any type from any deserializer, reporting every unknown field (by JSON
/// Pointer) and the first structural error. `is_syntax` tells a syntax error (bad JSON)
/// from a data error (a wrong type or value). The shared reader of every format the
/// library takes: assessments, organisation units, criteria profiles.
pub fn decode_reporting_unknown<'de, T, D>(
    deserializer: D,
    is_syntax: impl Fn(&D::Error) -> bool,
) -> Decoded<T>
where
    T: serde::Deserialize<'de>,
    D: Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    let mut unknown = Vec::new();
    let mut on_unknown =
        |path: serde_ignored::Path<'_>| unknown.push(unknown_field(ignored_pointer(&path)));
    let tracked = serde_ignored::Deserializer::new(deserializer, &mut on_unknown);
    let result: Result<T, serde_path_to_error::Error<D::Error>> =
        serde_path_to_error::deserialize(tracked);
    match result {
        Ok(value) => Decoded {
            assessment: Some(value),
            errors: unknown,
        },
        Err(error) => {
            let path = tracked_pointer(error.path());
            let syntax = is_syntax(error.inner());
            unknown.push(structural_error(&error.inner().to_string(), path, syntax));
            Decoded {
                assessment: None,
                errors: unknown,
            }
        }
    }
}

/// Whether a serde_json error is about the JSON text itself rather than its data.
pub fn is_json_syntax(error: &serde_json::Error) -> bool {
    !matches!(error.classify(), serde_json::error::Category::Data)
}

fn decode_lenient<'de, D>(deserializer: D) -> Decoded
where
    D: Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    decode_reporting_unknown(deserializer, |_| false)
}

/// The fast path for valid input: decodes JSON text noting only *whether* a field was
/// unknown, without tracking paths (which costs an allocation per key and per level).
/// `None` on any problem: an unknown field, a wrong shape, bad or trailing text; the
/// reporting decoder then reads the text again and says what and where, so errors are
/// the same as without this path.
pub(crate) fn decode_json_quietly<'de, T: serde::Deserialize<'de>>(json: &'de str) -> Option<T> {
    let mut unknown = false;
    let mut on_unknown = |_: serde_ignored::Path<'_>| unknown = true;
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let value = T::deserialize(serde_ignored::Deserializer::new(
        &mut deserializer,
        &mut on_unknown,
    ))
    .ok()?;
    deserializer.end().ok()?;
    (!unknown).then_some(value)
}

/// Decodes JSON text, keeping the record when only unknown fields were found.
pub fn decode_json_lenient(json: &str) -> Decoded {
    if json.len() > MAX_RECORD_BYTES {
        return Decoded {
            assessment: None,
            errors: vec![InputError::new(
                ErrorCode::TooLarge,
                "",
                format!(
                    "Hồ sơ dài {} byte, vượt giới hạn {MAX_RECORD_BYTES}",
                    json.len()
                ),
                format!(
                    "the record is {} bytes, over the limit of {MAX_RECORD_BYTES}",
                    json.len()
                ),
            )],
        };
    }
    if let Some(assessment) = decode_json_quietly(json) {
        return Decoded {
            assessment: Some(assessment),
            errors: Vec::new(),
        };
    }
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let Decoded {
        assessment,
        errors: mut unknown,
    } = decode_reporting_unknown(&mut deserializer, is_json_syntax);
    let Some(assessment) = assessment else {
        return Decoded {
            assessment: None,
            errors: unknown,
        };
    };
    if let Err(error) = deserializer.end() {
        unknown.push(structural_error(&error.to_string(), String::new(), true));
        return Decoded {
            assessment: None,
            errors: unknown,
        };
    }
    Decoded {
        assessment: Some(assessment),
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
        assessment,
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
