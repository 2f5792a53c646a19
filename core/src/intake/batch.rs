//! A batch as JSON text: the records of an array (with the batch limit) or one record
//! object, and the `id` of a record that could not be read.

use crate::contract::errors::{InputError, InputErrors};
use crate::contract::limits::MAX_BATCH_RECORDS;
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
            Some('{') => return Ok(vec![text]),
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
/// string as it is, any other value as JSON).
pub fn salvage_id(json: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct IdOnly {
        id: Option<serde_json::Value>,
    }
    match serde_json::from_str::<IdOnly>(json).ok()?.id? {
        serde_json::Value::String(id) => Some(id),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;
    use crate::contract::errors::ErrorCode;

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
