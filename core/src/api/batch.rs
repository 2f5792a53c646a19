//! Batches: a JSON array or JSON Lines of assessments, evaluated record by record.
//!
//! A bad record never stops the batch: it is reported by index and id with all its
//! errors, and every good record is still evaluated, in input order.

use crate::api::evaluate::evaluate_text;
use crate::contract::batch::RejectedRecord;
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::level::Options;
use crate::contract::limits::{MAX_BATCH_RECORDS, MAX_RECORD_BYTES};
use crate::regimes::decision::Decision;
use serde::Deserialize;
use serde_json::value::RawValue;

/// One record's result in a batch.
#[derive(Debug, Clone, PartialEq)]
pub enum BatchItem {
    /// Evaluated.
    Decision(Box<Decision>),
    /// Rejected, with its errors.
    Rejected(RejectedRecord),
}

/// Best effort: the `id` of a record that failed validation, for the report.
fn salvage_id(json: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct IdOnly {
        id: Option<serde_json::Value>,
    }
    match serde_json::from_str::<IdOnly>(json).ok()?.id? {
        serde_json::Value::String(id) => Some(id),
        other => Some(other.to_string()),
    }
}

/// Evaluates one record's JSON text, as a batch item.
pub fn evaluate_record_text(index: usize, json: &str, options: &Options) -> BatchItem {
    let result = evaluate_text(json, options);
    match result {
        Ok(decision) => BatchItem::Decision(Box::new(decision)),
        Err(errors) => BatchItem::Rejected(RejectedRecord {
            index,
            id: salvage_id(json),
            errors: errors.0,
        }),
    }
}

/// Evaluates a JSON array of assessments. Fails as a whole only when the text is not a
/// JSON array or holds more than [`MAX_BATCH_RECORDS`] records.
pub fn evaluate_json_array(json: &str, options: &Options) -> Result<Vec<BatchItem>, InputErrors> {
    let records: Vec<&RawValue> = serde_json::from_str(json).map_err(|error| {
        InputErrors::one(InputError::new(
            ErrorCode::InvalidJson,
            "",
            format!("Dữ liệu phải là một mảng JSON các hồ sơ đánh giá: {error}"),
            format!("the input must be a JSON array of assessments: {error}"),
        ))
    })?;
    if records.len() > MAX_BATCH_RECORDS {
        return Err(InputErrors::one(InputError::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "{} hồ sơ, vượt giới hạn {MAX_BATCH_RECORDS} của một lô; hãy dùng JSON Lines",
                records.len()
            ),
            format!(
                "{} records, over the batch limit of {MAX_BATCH_RECORDS}; use JSON Lines",
                records.len()
            ),
        )));
    }
    Ok(records
        .iter()
        .enumerate()
        .map(|(index, raw)| evaluate_record_text(index, raw.get(), options))
        .collect())
}

/// The rejection of a JSON Lines line over the record limit (`length` bytes), for
/// readers that skip such a line without keeping it.
pub fn line_too_large(index: usize, length: u64) -> RejectedRecord {
    RejectedRecord {
        index,
        id: None,
        errors: vec![InputError::new(
            ErrorCode::TooLarge,
            "",
            format!("Dòng dài {length} byte, vượt giới hạn {MAX_RECORD_BYTES}"),
            format!("the line is {length} bytes, over the limit of {MAX_RECORD_BYTES}"),
        )],
    }
}

/// The rejection of a JSON Lines line that is not UTF-8 text.
pub fn line_not_utf8(index: usize) -> RejectedRecord {
    RejectedRecord {
        index,
        id: None,
        errors: vec![InputError::new(
            ErrorCode::InvalidJson,
            "",
            "Dòng không phải văn bản UTF-8 hợp lệ",
            "the line is not valid UTF-8 text",
        )],
    }
}

/// Evaluates one JSON Lines line (blank lines are skipped by the caller).
pub fn evaluate_json_line(index: usize, line: &str, options: &Options) -> BatchItem {
    if line.len() > MAX_RECORD_BYTES {
        let length = u64::try_from(line.len()).unwrap_or(u64::MAX);
        return BatchItem::Rejected(line_too_large(index, length));
    }
    evaluate_record_text(index, line, options)
}

/// Evaluates JSON Lines text: one assessment per non-blank line.
pub fn evaluate_json_lines(text: &str, options: &Options) -> Vec<BatchItem> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| evaluate_json_line(index, line, options))
        .collect()
}
