//! Structured input errors: a stable code, a JSON path and a message in two languages.
//!
//! Errors are data, so every binding sends the same shape: the Rust API returns
//! [`InputErrors`], the CLI prints them as JSON, Python raises one exception carrying
//! them, WASM returns them in a tagged failure value.

use crate::contract::json_syntax::json_problem;
use crate::contract::limits::MAX_RECORD_BYTES;
use crate::contract::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable error code. New codes may be added; existing ones keep their meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The text is not JSON, or a JSON Lines line is not.
    InvalidJson,
    /// A field that the contract does not define.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A field has the wrong JSON type (a string where a number goes…).
    InvalidType,
    /// A value is not one of the allowed names (an unknown `kind`, `form`…).
    InvalidValue,
    /// A number outside its allowed range.
    OutOfRange,
    /// Points with more than two digits after the decimal point.
    TooManyDecimals,
    /// Counts that contradict each other (`on_time > completed`…).
    InconsistentCounts,
    /// Not an ISO date `YYYY-MM-DD`, or a date that does not exist, or out of order.
    InvalidDate,
    /// A field that does not apply to this subject kind or regime.
    NotApplicable,
    /// A regime name the library does not know.
    UnknownRegime,
    /// A regime whose span does not cover the period, or no regime covers it.
    RegimePeriodMismatch,
    /// A known regime whose rules this version does not implement yet.
    RegimeNotImplemented,
    /// An input over a documented size limit.
    TooLarge,
    /// Two places in the input state facts that contradict each other.
    Conflict,
    /// A field of another regime (points under QĐ 124, grades under QĐ 366…).
    RegimeFieldMismatch,
}

impl ErrorCode {
    /// The code as written in JSON (`out_of_range`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::TooManyDecimals => "too_many_decimals",
            ErrorCode::InconsistentCounts => "inconsistent_counts",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::NotApplicable => "not_applicable",
            ErrorCode::UnknownRegime => "unknown_regime",
            ErrorCode::RegimePeriodMismatch => "regime_period_mismatch",
            ErrorCode::RegimeNotImplemented => "regime_not_implemented",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::Conflict => "conflict",
            ErrorCode::RegimeFieldMismatch => "regime_field_mismatch",
        }
    }

    /// Every code, for documentation and for bindings that list them.
    pub const ALL: [ErrorCode; 16] = [
        ErrorCode::InvalidJson,
        ErrorCode::UnknownField,
        ErrorCode::MissingField,
        ErrorCode::InvalidType,
        ErrorCode::InvalidValue,
        ErrorCode::OutOfRange,
        ErrorCode::TooManyDecimals,
        ErrorCode::InconsistentCounts,
        ErrorCode::InvalidDate,
        ErrorCode::NotApplicable,
        ErrorCode::UnknownRegime,
        ErrorCode::RegimePeriodMismatch,
        ErrorCode::RegimeNotImplemented,
        ErrorCode::TooLarge,
        ErrorCode::Conflict,
        ErrorCode::RegimeFieldMismatch,
    ];
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem with an input, located by a JSON Pointer (`/tasks/on_time`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, thiserror::Error)]
#[serde(deny_unknown_fields)]
#[error("{code} at `{path}`: {}", message.en)]
pub struct InputError {
    /// Stable code.
    pub code: ErrorCode,
    /// JSON Pointer (RFC 6901) of the offending field; `""` is the whole record.
    pub path: String,
    /// What is wrong and what is expected, in Vietnamese and English.
    pub message: Text,
}

impl InputError {
    /// An error from its parts.
    pub fn new(
        code: ErrorCode,
        path: impl Into<String>,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) -> InputError {
        InputError {
            code,
            path: path.into(),
            message: Text::new(vi, en),
        }
    }

    /// A JSON text that cannot be read (bad syntax, trailing text).
    pub fn invalid_json(path: impl Into<String>, detail: &dyn fmt::Display) -> InputError {
        // serde_json's detail is English: its kind and place are put in words
        // (issue 16: "trailing characters at line 1 column 203" inside the Vietnamese).
        let problem = json_problem(&detail.to_string());
        InputError::new(
            ErrorCode::InvalidJson,
            path,
            format!("Không đọc được JSON: {}", problem.vi),
            format!("not valid JSON: {}", problem.en),
        )
    }

    /// One record's JSON text over [`MAX_RECORD_BYTES`].
    pub fn record_too_large(length: usize) -> InputError {
        InputError::record_over(length, MAX_RECORD_BYTES)
    }

    /// One record's JSON text over `limit` bytes (a party record's, or a state
    /// record's larger limit).
    pub fn record_over(length: usize, limit: usize) -> InputError {
        InputError::new(
            ErrorCode::TooLarge,
            "",
            format!("Hồ sơ dài {length} byte, vượt giới hạn {limit}"),
            format!("the record is {length} bytes, over the limit of {limit}"),
        )
    }

    /// A whole input (a file, stdin, a request body) longer than `limit` bytes; reading
    /// stopped at the limit, so its full length is not known.
    pub fn input_too_large(limit: usize) -> InputError {
        InputError::new(
            ErrorCode::TooLarge,
            "",
            format!("Dữ liệu vào dài hơn giới hạn {limit} byte; đã dừng đọc tại giới hạn"),
            format!("the input is longer than the limit of {limit} bytes; reading stopped there"),
        )
    }

    /// A JSON Lines stream with the quota holding more than `limit` Excellent candidates.
    pub fn too_many_candidates(limit: usize) -> InputError {
        InputError::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "Dữ liệu vào có hơn {limit} hồ sơ đề xuất Hoàn thành xuất sắc nhiệm vụ để xét tỷ lệ; đã dừng đọc"
            ),
            format!(
                "the input holds more than {limit} Excellent candidates for the quota; reading stopped"
            ),
        )
    }

    /// An input read twice (a stream with the quota) that changed between the readings.
    pub fn input_changed() -> InputError {
        InputError::new(
            ErrorCode::InvalidValue,
            "",
            "Dữ liệu vào đã thay đổi giữa hai lần đọc".to_owned(),
            "the input changed between its two readings".to_owned(),
        )
    }

    /// A line of JSON Lines over `limit` bytes (a record's, or a unit's).
    pub fn line_too_large(length: u64, limit: usize) -> InputError {
        InputError::new(
            ErrorCode::TooLarge,
            "",
            format!("Dòng dài {length} byte, vượt giới hạn {limit}"),
            format!("the line is {length} bytes, over the limit of {limit}"),
        )
    }

    /// A line of JSON Lines that is not UTF-8 text.
    pub fn line_not_utf8() -> InputError {
        InputError::new(
            ErrorCode::InvalidJson,
            "",
            "Dòng không phải văn bản UTF-8 hợp lệ",
            "the line is not valid UTF-8 text",
        )
    }

    /// A batch that is not a JSON array of records (`or_one`: nor one record object).
    pub fn not_a_batch(detail: &dyn fmt::Display, or_one: bool) -> InputError {
        let problem = json_problem(&detail.to_string());
        let (vi_or, en_or) = if or_one {
            (" hoặc một hồ sơ", " or one assessment")
        } else {
            ("", "")
        };
        InputError::new(
            ErrorCode::InvalidJson,
            "",
            format!(
                "Dữ liệu phải là một mảng JSON các hồ sơ đánh giá{vi_or}: {}",
                problem.vi
            ),
            format!(
                "the input must be a JSON array of assessments{en_or}: {}",
                problem.en
            ),
        )
    }

    /// A batch of `count` records, over `limit` (at most
    /// [`MAX_BATCH_RECORDS`](crate::contract::limits::MAX_BATCH_RECORDS); a service
    /// may take fewer at once); `suggest_lines` adds that JSON Lines has no such limit
    /// (where the caller reads them).
    pub fn too_many_records(count: usize, limit: usize, suggest_lines: bool) -> InputError {
        let (vi_hint, en_hint) = if suggest_lines {
            ("; hãy dùng JSON Lines", "; use JSON Lines")
        } else {
            ("", "")
        };
        InputError::new(
            ErrorCode::TooLarge,
            "",
            format!("{count} hồ sơ, vượt giới hạn {limit} hồ sơ của một lô{vi_hint}"),
            format!("{count} records, over the batch limit of {limit} records{en_hint}"),
        )
    }

    /// A date field that is not a valid day `YYYY-MM-DD`.
    pub fn invalid_date(path: impl Into<String>, text: &str) -> InputError {
        InputError::new(
            ErrorCode::InvalidDate,
            path,
            format!("`{text}` không phải ngày hợp lệ dạng YYYY-MM-DD"),
            format!("`{text}` is not a valid date of the form YYYY-MM-DD"),
        )
    }

    /// A string field longer than its limit, in characters.
    pub fn string_too_long(path: impl Into<String>, chars: usize, limit: usize) -> InputError {
        InputError::new(
            ErrorCode::TooLarge,
            path,
            format!("Chuỗi dài {chars} ký tự, vượt giới hạn {limit}"),
            format!("{chars} characters, over the limit of {limit}"),
        )
    }

    /// An argument that is not a day `YYYY-MM-DD`.
    pub fn not_a_day(path: impl Into<String>, text: &str) -> InputError {
        InputError::new(
            ErrorCode::InvalidDate,
            path,
            format!("`{text}` không phải ngày YYYY-MM-DD"),
            format!("`{text}` is not a date YYYY-MM-DD"),
        )
    }

    /// An argument (an option object, a request) that cannot be read.
    pub fn invalid_argument(
        path: impl Into<String>,
        name_vi: &str,
        name_en: &str,
        detail: &dyn fmt::Display,
    ) -> InputError {
        InputError::new(
            ErrorCode::InvalidValue,
            path,
            format!("{name_vi} không hợp lệ: {detail}"),
            format!("{name_en} is not valid: {detail}"),
        )
    }

    /// A criteria profile id that names no shipped profile; `known` lists them.
    pub fn unknown_profile(path: impl Into<String>, id: &str, known: &[&str]) -> InputError {
        let known = known.join(", ");
        InputError::new(
            ErrorCode::InvalidValue,
            path,
            format!("Không có hồ sơ tiêu chí `{id}`; có: {known}"),
            format!("no criteria profile `{id}`; there are: {known}"),
        )
    }

    /// A shipped catalogue that cannot be read (a defect of the build, not of the input).
    pub fn catalogue_unreadable(detail: &dyn fmt::Display) -> InputError {
        InputError::new(
            ErrorCode::InvalidValue,
            "",
            format!("Danh mục chuẩn mực không đọc được: {detail}"),
            format!("the conduct catalogue is unreadable: {detail}"),
        )
    }
}

/// Every problem found in one record, in the order of the fields. Never empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, thiserror::Error)]
#[serde(transparent)]
// INVARIANT: never empty: every `Err(InputErrors)` is returned only after a problem was
// found (the collectors check `is_empty` first).
pub struct InputErrors(pub Vec<InputError>);

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for error in &self.0 {
            if !first {
                f.write_str("; ")?;
            }
            first = false;
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl InputErrors {
    /// A list holding one error.
    pub fn one(error: InputError) -> InputErrors {
        InputErrors(vec![error])
    }

    /// The errors, in the order found.
    pub fn errors(&self) -> &[InputError] {
        &self.0
    }
}

/// Escapes one JSON Pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn pointer_segment(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}
