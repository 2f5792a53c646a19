//! JSON that cannot be read, in words: serde_json's error (its kind and its place) as
//! a message in Vietnamese and English, so that no English detail of the parser is
//! quoted inside the Vietnamese text.

use crate::contract::text::Text;

/// serde_json's messages (their stable `Display` text, before ` at line L column C`;
/// one ending in `:` stands for every message it begins), and the library's own details
/// of a batch that is not one, with the words of each language. A kind not listed keeps
/// the parser's English in the English message and a general phrase in the Vietnamese
/// one.
const KINDS: &[(&str, &str, &str)] = &[
    (
        "trailing characters",
        "có dữ liệu thừa sau giá trị JSON",
        "trailing characters after the JSON value",
    ),
    ("trailing comma", "có dấu phẩy thừa", "a trailing comma"),
    (
        "EOF while parsing a list",
        "văn bản dừng giữa một mảng",
        "the text ends inside an array",
    ),
    (
        "EOF while parsing an object",
        "văn bản dừng giữa một đối tượng",
        "the text ends inside an object",
    ),
    (
        "EOF while parsing a string",
        "văn bản dừng giữa một chuỗi",
        "the text ends inside a string",
    ),
    (
        "EOF while parsing a value",
        "văn bản dừng trước khi có giá trị",
        "the text ends before a value",
    ),
    (
        "expected value",
        "cần một giá trị JSON",
        "a JSON value was expected",
    ),
    (
        "expected ident",
        "cần true, false hoặc null",
        "true, false or null was expected",
    ),
    (
        "expected `:`",
        "thiếu dấu `:` sau tên trường",
        "`:` was expected after a key",
    ),
    (
        "expected `,` or `]`",
        "cần dấu `,` hoặc `]` trong mảng",
        "`,` or `]` was expected in an array",
    ),
    (
        "expected `,` or `}`",
        "cần dấu `,` hoặc `}` trong đối tượng",
        "`,` or `}` was expected in an object",
    ),
    ("expected `\"`", "cần dấu `\"`", "`\"` was expected"),
    (
        "key must be a string",
        "tên trường phải là chuỗi",
        "a key must be a string",
    ),
    (
        "invalid escape",
        "chuỗi có ký tự thoát không hợp lệ",
        "an invalid escape in a string",
    ),
    ("invalid number", "số không hợp lệ", "an invalid number"),
    (
        "number out of range",
        "số vượt phạm vi đọc được",
        "a number out of range",
    ),
    (
        "invalid unicode code point",
        "mã Unicode không hợp lệ",
        "an invalid Unicode code point",
    ),
    (
        "lone leading surrogate in hex escape",
        "mã Unicode không hợp lệ (nửa cặp thay thế)",
        "a lone surrogate in a Unicode escape",
    ),
    (
        "unexpected end of hex escape",
        "ký tự thoát \\u không đủ bốn chữ số",
        "a \\u escape without four hex digits",
    ),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "chuỗi chứa ký tự điều khiển (phải viết dạng \\u)",
        "a control character inside a string (write it as \\u)",
    ),
    (
        "recursion limit exceeded",
        "lồng quá sâu",
        "nested too deeply",
    ),
    (
        "invalid type: map, expected a sequence",
        "đây là một đối tượng, không phải mảng",
        "an object, not an array",
    ),
    ("invalid type:", "sai kiểu giá trị", "wrong type of value"),
    ("empty input", "dữ liệu trống", "empty input"),
    (
        "neither an array nor an object",
        "không phải mảng hay đối tượng",
        "neither an array nor an object",
    ),
];

/// A serde_json message split into its kind and its place (line, column), when it ends
/// with ` at line L column C`.
fn split_place(message: &str) -> (&str, Option<(&str, &str)>) {
    let Some(at) = message.rfind(" at line ") else {
        return (message, None);
    };
    let Some((line, column)) = message[at + 9..].split_once(" column ") else {
        return (message, None);
    };
    let digits = |n: &str| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    if digits(line) && digits(column) {
        (&message[..at], Some((line, column)))
    } else {
        (message, None)
    }
}

/// What is wrong with a JSON text, from serde_json's message (or another reader's
/// detail), in both languages, with its line and column when the message gives them:
/// "có dữ liệu thừa sau giá trị JSON (dòng 1, cột 203)" / "trailing characters after
/// the JSON value at line 1, column 203".
pub fn json_problem(detail: &str) -> Text {
    let (kind, place) = split_place(detail);
    let (vi, en) = KINDS
        .iter()
        .find(|(known, _, _)| kind == *known || (known.ends_with(':') && kind.starts_with(known)))
        .map_or_else(
            || ("lỗi cú pháp JSON".to_owned(), kind.to_owned()),
            |(_, vi, en)| ((*vi).to_owned(), (*en).to_owned()),
        );
    match place {
        Some((line, column)) => Text::new(
            format!("{vi} (dòng {line}, cột {column})"),
            format!("{en} at line {line}, column {column}"),
        ),
        None => Text::new(vi, en),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem_of(text: &str) -> Text {
        let error = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        json_problem(&error.to_string())
    }

    /// Each of serde_json's syntax errors has words of its own in both languages, with
    /// its place, and no English inside the Vietnamese.
    #[test]
    fn serde_json_errors_are_worded_in_both_languages_with_their_place() {
        let cases = [
            (
                r#"{"id":"p"} xyz"#,
                "có dữ liệu thừa sau giá trị JSON (dòng 1, cột 12)",
                "trailing characters after the JSON value at line 1, column 12",
            ),
            (
                "[1,]",
                "có dấu phẩy thừa (dòng 1, cột 4)",
                "a trailing comma at line 1, column 4",
            ),
            (
                "[1",
                "văn bản dừng giữa một mảng (dòng 1, cột 2)",
                "the text ends inside an array at line 1, column 2",
            ),
            (
                "{\"a\":1",
                "văn bản dừng giữa một đối tượng (dòng 1, cột 6)",
                "the text ends inside an object at line 1, column 6",
            ),
            (
                "\"abc",
                "văn bản dừng giữa một chuỗi (dòng 1, cột 4)",
                "the text ends inside a string at line 1, column 4",
            ),
            (
                "",
                "văn bản dừng trước khi có giá trị (dòng 1, cột 0)",
                "the text ends before a value at line 1, column 0",
            ),
            (
                "x",
                "cần một giá trị JSON (dòng 1, cột 1)",
                "a JSON value was expected at line 1, column 1",
            ),
            (
                "tru",
                "văn bản dừng trước khi có giá trị (dòng 1, cột 3)",
                "the text ends before a value at line 1, column 3",
            ),
            (
                "nul!",
                "cần true, false hoặc null (dòng 1, cột 4)",
                "true, false or null was expected at line 1, column 4",
            ),
            (
                "{\"a\" 1}",
                "thiếu dấu `:` sau tên trường (dòng 1, cột 6)",
                "`:` was expected after a key at line 1, column 6",
            ),
            (
                "[1 2]",
                "cần dấu `,` hoặc `]` trong mảng (dòng 1, cột 4)",
                "`,` or `]` was expected in an array at line 1, column 4",
            ),
            (
                "{\"a\":1 \"b\"}",
                "cần dấu `,` hoặc `}` trong đối tượng (dòng 1, cột 8)",
                "`,` or `}` was expected in an object at line 1, column 8",
            ),
            (
                "{1:2}",
                "tên trường phải là chuỗi (dòng 1, cột 2)",
                "a key must be a string at line 1, column 2",
            ),
            (
                "\"\\q\"",
                "chuỗi có ký tự thoát không hợp lệ (dòng 1, cột 3)",
                "an invalid escape in a string at line 1, column 3",
            ),
            (
                "-",
                "văn bản dừng trước khi có giá trị (dòng 1, cột 1)",
                "the text ends before a value at line 1, column 1",
            ),
            (
                "[-x]",
                "số không hợp lệ (dòng 1, cột 3)",
                "an invalid number at line 1, column 3",
            ),
            (
                "\"\u{1}\"",
                "chuỗi chứa ký tự điều khiển (phải viết dạng \\u) (dòng 1, cột 2)",
                "a control character inside a string (write it as \\u) at line 1, column 2",
            ),
            (
                "\"\\uDC00\"",
                "mã Unicode không hợp lệ (nửa cặp thay thế) (dòng 1, cột 7)",
                "a lone surrogate in a Unicode escape at line 1, column 7",
            ),
            (
                &"[".repeat(200),
                "lồng quá sâu (dòng 1, cột 128)",
                "nested too deeply at line 1, column 128",
            ),
        ];
        for (text, vi, en) in cases {
            let problem = problem_of(text);
            assert_eq!(
                (problem.vi.as_str(), problem.en.as_str()),
                (vi, en),
                "{text:?}"
            );
            assert!(!problem.vi.contains("at line"), "{text:?}");
        }
    }

    /// The issue's case: 200 characters of record, then more text.
    #[test]
    fn trailing_text_after_a_long_record_names_its_column_in_both_languages() {
        let text = format!(r#"{{"id":"{}"}} more"#, "x".repeat(192));
        let problem = problem_of(&text);
        assert_eq!(
            problem.vi,
            "có dữ liệu thừa sau giá trị JSON (dòng 1, cột 203)"
        );
        assert_eq!(
            problem.en,
            "trailing characters after the JSON value at line 1, column 203"
        );
    }

    #[test]
    fn an_unknown_detail_keeps_its_english_in_the_english_text_only() {
        let problem = json_problem("something new at line 3 column 4");
        assert_eq!(problem.vi, "lỗi cú pháp JSON (dòng 3, cột 4)");
        assert_eq!(problem.en, "something new at line 3, column 4");
        let problem = json_problem("invalid type: map, expected a sequence at line 1 column 1");
        assert_eq!(
            problem.vi,
            "đây là một đối tượng, không phải mảng (dòng 1, cột 1)"
        );
        assert_eq!(json_problem("empty input").vi, "dữ liệu trống");
    }
}
