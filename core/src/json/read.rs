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
