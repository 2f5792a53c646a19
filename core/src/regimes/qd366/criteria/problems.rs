//! Problems found in a criteria profile or its scores, each at a path under a prefix.

use crate::contract::errors::{ErrorCode, InputError};
use crate::dates::parse_iso_date;
use crate::points::{Points, PointsProblem};

/// Collects problems with their paths.
pub struct Problems<'a> {
    /// The JSON Pointer every path starts with.
    pub prefix: &'a str,
    /// What was found, in order.
    pub errors: Vec<InputError>,
}

impl Problems<'_> {
    pub fn path(&self, relative: &str) -> String {
        format!("{}{relative}", self.prefix)
    }

    pub fn push(&mut self, code: ErrorCode, relative: &str, vi: String, en: String) {
        let path = self.path(relative);
        self.errors.push(InputError::new(code, path, vi, en));
    }

    /// A date field.
    pub fn date(&mut self, relative: &str, text: &str) {
        if parse_iso_date(text).is_none() {
            let path = self.path(relative);
            self.errors.push(InputError::invalid_date(path, text));
        }
    }

    /// A required, bounded string.
    pub fn text(&mut self, relative: &str, text: &str, limit: usize) {
        let chars = text.chars().count();
        if text.trim().is_empty() {
            self.push(
                ErrorCode::InvalidValue,
                relative,
                "Giá trị không được để trống".to_owned(),
                "must not be empty".to_owned(),
            );
        } else if chars > limit {
            let path = self.path(relative);
            self.errors
                .push(InputError::string_too_long(path, chars, limit));
        }
    }

    /// Points in `0..=max`, at most two decimals.
    pub fn points(
        &mut self,
        relative: &str,
        number: &serde_json::Number,
        max: Points,
        what_vi: &str,
        what_en: &str,
    ) -> Option<Points> {
        match Points::from_json_number(number) {
            Ok(points) if points < Points::ZERO || points > max => {
                self.push(
                    ErrorCode::OutOfRange,
                    relative,
                    format!("{what_vi} {number} nằm ngoài khoảng 0–{}", max.vi()),
                    format!("{what_en} {number} is outside 0–{max}"),
                );
                None
            }
            Ok(points) => Some(points),
            Err(PointsProblem::TooManyDecimals) => {
                self.push(
                    ErrorCode::TooManyDecimals,
                    relative,
                    format!("{what_vi} {number} có quá hai chữ số thập phân"),
                    format!("{what_en} {number} has more than two decimal places"),
                );
                None
            }
            Err(PointsProblem::NotANumber) => {
                self.push(
                    ErrorCode::OutOfRange,
                    relative,
                    format!("{what_vi} {number} không đọc được như một số hữu hạn"),
                    format!("{what_en} {number} cannot be read as a finite number"),
                );
                None
            }
        }
    }
}
