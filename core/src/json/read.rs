//! Reading JSON with every problem located: each unknown field reported with its JSON
//! Pointer, a structural error at its path, syntax told from data.

use crate::contract::errors::{pointer_segment, ErrorCode, InputError};
use crate::json::objects_only::ObjectsOnly;
use serde::de::Deserializer;
use serde::Deserialize;
use serde_ignored::Path as IgnoredPath;
use serde_path_to_error::{Path as TrackedPath, Segment};

/// Converts serde_ignored's path of an ignored (unknown) key to a JSON Pointer.
fn ignored_pointer(path: &IgnoredPath<'_>) -> String {
    match path {
        IgnoredPath::Root => String::new(),
        IgnoredPath::Seq { parent, index } => format!("{}/{index}", ignored_pointer(parent)),
        IgnoredPath::Map { parent, key } => {
            format!("{}/{}", ignored_pointer(parent), pointer_segment(key))
        }
        IgnoredPath::Some { parent }
        | IgnoredPath::NewtypeStruct { parent }
        | IgnoredPath::NewtypeVariant { parent } => ignored_pointer(parent),
    }
}

fn tracked_pointer(path: &TrackedPath) -> String {
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
pub fn structural_error(message: &str, mut path: String, syntax: bool) -> InputError {
    if syntax {
        return InputError::invalid_json(path, &message);
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
    let message = without_position(message);
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (given, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let given = cut(given, 80);
        let allowed = allowed.strip_prefix("one of ").unwrap_or(allowed);
        return InputError::new(
            ErrorCode::InvalidValue,
            path,
            format!("Giá trị {given} không được phép; các giá trị được phép: {allowed}"),
            format!("{given} is not allowed; expected one of {allowed}"),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (found_vi, found_en) = found_phrase(found);
        let (expected_vi, expected_en) = expected_phrase(expected);
        return InputError::new(
            ErrorCode::OutOfRange,
            path,
            format!("{found_vi} nằm ngoài khoảng cho phép (cần {expected_vi})"),
            format!("{found_en} is out of range (expected {expected_en})"),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        if is_integer_beyond_u64(found) {
            // serde_json reads an integer over u64 as a float; it is still an integer.
            let (expected_vi, expected_en) = expected_phrase(expected);
            return InputError::new(
                ErrorCode::OutOfRange,
                path,
                format!("Số nguyên lớn hơn {} (cần {expected_vi})", u64::MAX),
                format!("a whole number over {} (expected {expected_en})", u64::MAX),
            );
        }
        let (found_vi, found_en) = found_phrase(found);
        let (expected_vi, expected_en) = expected_phrase(expected);
        return InputError::new(
            ErrorCode::InvalidType,
            path,
            format!("Kiểu giá trị không đúng: có {found_vi}, cần {expected_vi}"),
            format!("wrong type: found {found_en}, expected {expected_en}"),
        );
    }
    InputError::new(
        ErrorCode::InvalidType,
        path,
        "Giá trị không đọc được theo định dạng dữ liệu",
        format!("the value cannot be read: {}", cut(message, 200)),
    )
}

/// A serde_json message without its ` at line L column C` (the JSON path says where).
fn without_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(at)
            if message[at + 9..]
                .split(" column ")
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) =>
        {
            &message[..at]
        }
        _ => message,
    }
}

/// At most `limit` characters of `text`, `…` marking a cut (a value echoed in a
/// message may be as long as its input).
fn cut(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Whether serde found a "float" that is a whole number beyond `u64` (how serde_json
/// reads an integer too large for `u64` or `i64`).
fn is_integer_beyond_u64(found: &str) -> bool {
    found
        .strip_prefix("floating point `")
        .and_then(|rest| rest.strip_suffix('`'))
        .and_then(|number| number.parse::<f64>().ok())
        .is_some_and(|value| value.fract() == 0.0 && value.abs() >= 1.8e19)
}

/// What serde found (its `Unexpected`), as people name JSON values.
fn found_phrase(found: &str) -> (String, String) {
    let literal = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|rest| cut(rest.trim_matches('`'), 40))
    };
    if let Some(number) = literal("integer ").or_else(|| literal("floating point ")) {
        return (format!("số {number}"), format!("the number {number}"));
    }
    let (vi, en) = match found {
        "sequence" => ("một mảng", "an array"),
        "map" => ("một đối tượng", "an object"),
        "null" | "unit value" => ("null", "null"),
        _ if found.starts_with("string") => ("một chuỗi", "a string"),
        _ if found.starts_with("boolean") => ("một giá trị true/false", "true or false"),
        _ => ("một giá trị kiểu khác", "a value of another type"),
    };
    (vi.to_owned(), en.to_owned())
}

/// What serde expected (a visitor's `expecting`), as people name JSON values.
fn expected_phrase(expected: &str) -> (String, String) {
    let whole = |max: u64| {
        (
            format!("một số nguyên từ 0 đến {max}"),
            format!("a whole number from 0 to {max}"),
        )
    };
    match expected {
        "u8" => whole(u64::from(u8::MAX)),
        "u16" => whole(u64::from(u16::MAX)),
        "u32" => whole(u64::from(u32::MAX)),
        "u64" | "usize" => whole(u64::MAX),
        "i8" | "i16" | "i32" | "i64" | "isize" => {
            ("một số nguyên".to_owned(), "a whole number".to_owned())
        }
        _ => {
            let (vi, en) = if expected.starts_with("struct ") || expected.contains("map") {
                (
                    "một đối tượng JSON có các trường được đặt tên",
                    "a JSON object with named fields",
                )
            } else if expected.contains("sequence") || expected.contains("tuple") {
                ("một mảng", "an array")
            } else if expected.contains("string") || expected.starts_with("a date") {
                ("một chuỗi", "a string")
            } else if expected.contains("bool") {
                ("true hoặc false", "true or false")
            } else if expected.contains("number") || expected.starts_with('f') {
                ("một số", "a number")
            } else {
                ("một giá trị kiểu khác", "a value of another type")
            };
            (vi.to_owned(), en.to_owned())
        }
    }
}

fn unknown_field(path: String) -> InputError {
    InputError::new(
        ErrorCode::UnknownField,
        path.clone(),
        format!("Trường `{path}` không được định nghĩa trong định dạng dữ liệu"),
        format!("`{path}` is not a field of this format"),
    )
}

/// What decoding found: the record, if its shape was sound, and the problems (unknown
/// fields alone leave the record readable, so validation can still report the rest).
pub struct Decoded<T> {
    /// The value, when every known field had the right shape.
    pub value: Option<T>,
    /// Unknown fields and the first structural error.
    pub errors: Vec<InputError>,
}

/// Reads any type from any deserializer, reporting every unknown field (by JSON
/// Pointer) and the first structural error. Structs are read only from objects
/// ([`ObjectsOnly`]). `is_syntax` tells a syntax error (bad JSON)
/// from a data error (a wrong type or value). The shared reader of every format the
/// library takes: assessments, organisation units, criteria profiles.
pub fn decode_reporting_unknown<'de, T, D>(
    deserializer: D,
    is_syntax: impl Fn(&D::Error) -> bool,
) -> Decoded<T>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    let mut unknown = Vec::new();
    let mut on_unknown =
        |path: IgnoredPath<'_>| unknown.push(unknown_field(ignored_pointer(&path)));
    let tracked = serde_ignored::Deserializer::new(ObjectsOnly(deserializer), &mut on_unknown);
    let result: Result<T, serde_path_to_error::Error<D::Error>> =
        serde_path_to_error::deserialize(tracked);
    match result {
        Ok(value) => Decoded {
            value: Some(value),
            errors: unknown,
        },
        Err(error) => {
            let path = tracked_pointer(error.path());
            let syntax = is_syntax(error.inner());
            unknown.push(structural_error(&error.inner().to_string(), path, syntax));
            Decoded {
                value: None,
                errors: unknown,
            }
        }
    }
}

/// Whether a serde_json error is about the JSON text itself rather than its data.
pub fn is_json_syntax(error: &serde_json::Error) -> bool {
    !matches!(error.classify(), serde_json::error::Category::Data)
}

/// The fast path for valid input: decodes JSON text noting only *whether* a field was
/// unknown, without tracking paths (which costs an allocation per key and per level).
/// `None` on any problem: an unknown field, a wrong shape, bad or trailing text; the
/// reporting decoder then reads the text again and says what and where, so errors are
/// the same as without this path.
pub fn decode_json_quietly<'de, T: Deserialize<'de>>(json: &'de str) -> Option<T> {
    let mut unknown = false;
    let mut on_unknown = |_: IgnoredPath<'_>| unknown = true;
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let value = T::deserialize(serde_ignored::Deserializer::new(
        ObjectsOnly(&mut deserializer),
        &mut on_unknown,
    ))
    .ok()?;
    deserializer.end().ok()?;
    (!unknown).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::assessment::Assessment;

    fn error_of(json: &str) -> InputError {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let decoded: Decoded<Assessment> =
            decode_reporting_unknown(&mut deserializer, is_json_syntax);
        decoded.errors.into_iter().next().unwrap()
    }

    const TASKS: &str = r#"{"id":"a","period":{"year":2025},"subject":{"kind":"member"},"tasks":"#;

    /// Issue 16, defect 11: no serde internals ("expected u32", "struct Assessment with
    /// 19 elements", positions) in messages, and no English inside the Vietnamese text.
    #[test]
    fn messages_name_json_types_in_both_languages() {
        for json in [
            r#"["a"]"#.to_owned(),
            format!(r#"{TASKS}{{"assigned":"x"}}}}"#),
            format!(r#"{TASKS}{{"assigned":-1}}}}"#),
            r#"{"id":"a","period":{"year":2025},"subject":{"kind":"boss"}}"#.to_owned(),
        ] {
            let error = error_of(&json);
            for text in [&error.message.vi, &error.message.en] {
                for internal in [
                    "struct ",
                    "u32",
                    " elements",
                    " at line ",
                    "sequence",
                    "invalid type",
                ] {
                    assert!(!text.contains(internal), "{json}: {text}");
                }
            }
            for english in ["expected", "found", "wrong type", "not allowed"] {
                assert!(
                    !error.message.vi.contains(english),
                    "{json}: {}",
                    error.message.vi
                );
            }
        }
    }

    /// Issue 16, defect 11: an integer beyond u64 was reported as a float.
    #[test]
    fn an_integer_beyond_u64_is_reported_as_an_integer() {
        let error = error_of(&format!(r#"{TASKS}{{"assigned":18446744073709551616}}}}"#));
        assert_eq!(error.code, ErrorCode::OutOfRange);
        assert_eq!(error.path, "/tasks/assigned");
        assert!(error
            .message
            .en
            .contains("whole number over 18446744073709551615"));
        assert!(!error.message.en.contains("e+19"));
    }
}
