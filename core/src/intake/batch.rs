//! A batch as JSON text: the records of an array (with the batch limit) or one record
//! object, and the `id` of a record that could not be read.

use crate::contract::errors::{InputError, InputErrors};
use crate::contract::limits::{MAX_BATCH_RECORDS, MAX_STRING_CHARS};
use serde::Deserialize;
use serde_json::value::RawValue;

/// How a batch of records may be written as JSON text, and so what its errors say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchText {
    /// A JSON array; a batch over the limit is told to use JSON Lines (which the caller
    /// also reads).
    ArrayOrLines,
    /// A JSON array only.
    Array,
    /// A JSON array, or one record object.
    ArrayOrRecord,
}

/// The records of a batch's JSON text, each as its own text: the elements of an array
/// (at most [`MAX_BATCH_RECORDS`]) or, where `shape` allows, the one record object.
pub fn batch_records(text: &str, shape: BatchText) -> Result<Vec<&str>, InputErrors> {
    batch_records_within(text, shape, MAX_BATCH_RECORDS)
}

/// [`batch_records`] with at most `limit` records (itself at most [`MAX_BATCH_RECORDS`]).
pub fn batch_records_within(
    text: &str,
    shape: BatchText,
    limit: usize,
) -> Result<Vec<&str>, InputErrors> {
    let limit = limit.min(MAX_BATCH_RECORDS);
    let or_one = shape == BatchText::ArrayOrRecord;
    if or_one {
        match text.trim_start().chars().next() {
            Some('[') => {}
            Some('{') => {
                // One JSON value and nothing after it: trailing text or broken syntax
                // refuses the whole input, as for an array (issue 16, defect 11:
                // `compare` rejected it as a record without its id, exit 1, where
                // `evaluate` exits 2).
                return match serde_json::from_str::<&RawValue>(text) {
                    Ok(_) => Ok(vec![text]),
                    Err(error) => Err(InputErrors::one(InputError::not_a_batch(&error, true))),
                };
            }
            Some(_) => {
                let error = InputError::not_a_batch(&"neither an array nor an object", true);
                return Err(InputErrors::one(error));
            }
            None => {
                return Err(InputErrors::one(InputError::not_a_batch(
                    &"empty input",
                    true,
                )))
            }
        }
    }
    let records: Vec<&RawValue> = serde_json::from_str(text)
        .map_err(|error| InputErrors::one(InputError::not_a_batch(&error, or_one)))?;
    if records.len() > limit {
        let suggest_lines = shape == BatchText::ArrayOrLines;
        return Err(InputErrors::one(InputError::too_many_records(
            records.len(),
            limit,
            suggest_lines,
        )));
    }
    Ok(records.into_iter().map(RawValue::get).collect())
}

/// Best effort: the `id` of a record that could not be read, for its rejection (a
/// string as it is, any other value as JSON), cut to [`MAX_STRING_CHARS`] characters so
/// that an oversized id is never echoed whole.
pub fn salvage_id(json: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct IdOnly {
        id: Option<serde_json::Value>,
    }
    let id = match serde_json::from_str::<IdOnly>(json).ok()?.id? {
        serde_json::Value::String(id) => id,
        other => other.to_string(),
    };
    Some(match id.char_indices().nth(MAX_STRING_CHARS) {
        Some((cut, _)) => id[..cut].to_owned(),
        None => id,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;
    use crate::contract::errors::ErrorCode;

    /// Issue 16, defect 11: one record followed by text was a rejected record without
    /// its id (`compare`, exit 1); it is the whole input's error, as for an array.
    #[test]
    fn one_record_with_trailing_text_is_not_a_batch() {
        for text in [
            r#"{"id":"p"} xyz"#,
            r#"{"id":"p"}{"id":"q"}"#,
            r#"{"id":"p""#,
        ] {
            let errors = batch_records(text, BatchText::ArrayOrRecord).unwrap_err();
            assert_eq!(errors.0[0].code, ErrorCode::InvalidJson, "{text}");
            assert_eq!(errors.0[0].path, "", "{text}");
            // The parser's English stays out of the Vietnamese text (issue 16).
            let vi = &errors.0[0].message.vi;
            assert!(vi.contains("(dòng 1, cột "), "{vi}");
            for english in ["trailing", "EOF", "expected", " at line "] {
                assert!(!vi.contains(english), "{vi}");
            }
        }
        let records = batch_records(" {\"id\":\"p\"}\n", BatchText::ArrayOrRecord).unwrap();
        assert_eq!(records.len(), 1);
    }

    #[test]
    fn a_salvaged_id_is_cut_to_the_string_limit() {
        let long = "x".repeat(100_000);
        let id = salvage_id(&format!(r#"{{"id":"{long}","period":1}}"#)).unwrap();
        assert_eq!(id.chars().count(), MAX_STRING_CHARS);
        let accented = "ệ".repeat(300);
        let id = salvage_id(&format!(r#"{{"id":"{accented}"}}"#)).unwrap();
        assert_eq!(id, "ệ".repeat(MAX_STRING_CHARS));
        assert_eq!(salvage_id(r#"{"id":"short"}"#).as_deref(), Some("short"));
    }

    #[test]
    fn a_caller_s_limit_refuses_a_longer_array_and_names_the_limit() {
        let text = r#"[{"id":"a"},{"id":"b"},{"id":"c"}]"#;
        assert_eq!(
            batch_records_within(text, BatchText::Array, 3)
                .unwrap()
                .len(),
            3
        );
        let errors = batch_records_within(text, BatchText::ArrayOrLines, 2).unwrap_err();
        assert_eq!(errors.0.len(), 1);
        assert_eq!(errors.0[0].code, ErrorCode::TooLarge);
        assert!(
            errors.0[0].message.en.contains("3 records"),
            "{:?}",
            errors.0[0].message
        );
        assert!(errors.0[0]
            .message
            .en
            .contains("limit of 2 records; use JSON Lines"));
    }
}
