//! Problems found while a record is validated, each at its JSON path, with the
//! messages the checks share.

use crate::contract::assessment::BasicTargets;
use crate::contract::errors::{ErrorCode, InputError};
use crate::contract::limits::{MAX_COUNT, MAX_STRING_CHARS};
use crate::contract::subject::SubjectKind;
use crate::dates::parse_iso_date;
use crate::points::{Points, PointsProblem};
use chrono::NaiveDate;

/// Collects problems as validation walks the record.
#[derive(Default)]
pub struct Problems(pub Vec<InputError>);

impl Problems {
    pub fn push(&mut self, code: ErrorCode, path: &str, vi: String, en: String) {
        self.0.push(InputError::new(code, path, vi, en));
    }

    pub fn not_applicable(&mut self, path: &str, vi_whom: &str, en_whom: &str) {
        self.push(
            ErrorCode::NotApplicable,
            path,
            format!("Trường `{path}` không áp dụng cho {vi_whom}"),
            format!("`{path}` does not apply to {en_whom}"),
        );
    }

    pub fn missing(&mut self, path: &str, vi_why: &str, en_why: &str) {
        self.push(
            ErrorCode::MissingField,
            path,
            format!("Thiếu trường `{path}`: {vi_why}"),
            format!("`{path}` is required: {en_why}"),
        );
    }

    /// A field of the other rating (party or state), or of another family of the state
    /// regimes, present on this record.
    pub fn foreign(&mut self, path: &str, vi_owner: &str, en_owner: &str) {
        self.push(
            ErrorCode::RegimeFieldMismatch,
            path,
            format!("Trường `{path}` chỉ dùng cho {vi_owner}"),
            format!("`{path}` is used only by {en_owner}"),
        );
    }

    pub fn date(&mut self, path: &str, text: &str) -> Option<NaiveDate> {
        let parsed = parse_iso_date(text);
        if parsed.is_none() {
            self.0.push(InputError::invalid_date(path, text));
        }
        parsed
    }

    pub fn string_length(&mut self, path: &str, text: &str) {
        let chars = text.chars().count();
        if chars > MAX_STRING_CHARS {
            self.0
                .push(InputError::string_too_long(path, chars, MAX_STRING_CHARS));
        }
    }

    pub fn count(&mut self, path: &str, value: u32) {
        if value > MAX_COUNT {
            self.push(
                ErrorCode::OutOfRange,
                path,
                format!("{value} vượt giới hạn {MAX_COUNT}"),
                format!("{value} is over the limit of {MAX_COUNT}"),
            );
        }
    }

    pub fn at_most(&mut self, smaller_path: &str, smaller: u32, larger_path: &str, larger: u32) {
        if smaller > larger {
            self.push(
                ErrorCode::InconsistentCounts,
                smaller_path,
                format!("`{smaller_path}` = {smaller} lớn hơn `{larger_path}` = {larger}"),
                format!("`{smaller_path}` = {smaller} is more than `{larger_path}` = {larger}"),
            );
        }
    }

    /// Reads an exact amount (points, or months of leave) in `0..=max`.
    pub fn points(&mut self, path: &str, number: &serde_json::Number, max: i64) -> Option<Points> {
        let (unit_vi, unit_en) = if path.starts_with("/leave") {
            ("Số tháng", "months")
        } else if path.ends_with("/weight") {
            ("Trọng số", "units of weight")
        } else if path.contains("/unit/") {
            ("Giá trị", "as a value")
        } else {
            ("Điểm", "points")
        };
        match Points::from_json_number(number) {
            Ok(points) if points < Points::ZERO || points > Points::whole(max) => {
                self.push(
                    ErrorCode::OutOfRange,
                    path,
                    format!("{unit_vi} {number} nằm ngoài khoảng 0–{max}"),
                    format!("{number} {unit_en} is outside 0–{max}"),
                );
                None
            }
            Ok(points) => Some(points),
            Err(PointsProblem::TooManyDecimals) => {
                self.push(
                    ErrorCode::TooManyDecimals,
                    path,
                    format!("{unit_vi} {number} có quá hai chữ số thập phân"),
                    format!("{number} has more than two decimal places"),
                );
                None
            }
            Err(PointsProblem::NotANumber) => {
                self.push(
                    ErrorCode::OutOfRange,
                    path,
                    format!("{unit_vi} {number} không đọc được như một số hữu hạn"),
                    format!("{number} cannot be read as a finite number of {unit_en}"),
                );
                None
            }
        }
    }

    pub fn basic_targets(&mut self, path: &str, targets: &BasicTargets) {
        if targets.missed > 5 {
            self.push(
                ErrorCode::OutOfRange,
                &format!("{path}/missed"),
                format!(
                    "Chỉ có 5 chỉ tiêu cơ bản; không thể không đạt {}",
                    targets.missed
                ),
                format!(
                    "There are 5 basic targets; {} cannot have been missed",
                    targets.missed
                ),
            );
        }
        if !targets.applicable && targets.missed > 0 {
            self.push(
                ErrorCode::InconsistentCounts,
                &format!("{path}/missed"),
                "Các chỉ tiêu không áp dụng nhưng lại ghi là không đạt".to_owned(),
                "Targets marked not applicable cannot be missed".to_owned(),
            );
        }
    }
}

/// Whom a field that does not apply was given for, in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Whom {
    /// Vietnamese.
    pub vi: &'static str,
    /// English.
    pub en: &'static str,
}

impl Whom {
    /// The subject kind, as the messages name it.
    pub fn of(kind: SubjectKind) -> Whom {
        let (vi, en) = match kind {
            SubjectKind::Member => ("đảng viên không giữ chức vụ lãnh đạo", "a member"),
            SubjectKind::Leader => ("cán bộ lãnh đạo, quản lý", "a leader"),
            SubjectKind::Collective => ("tập thể", "a collective"),
        };
        Whom { vi, en }
    }
}
