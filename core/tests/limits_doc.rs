//! docs/contract.md's "Size limits" table says what `core` enforces (issue 16, defect 6).

#![cfg(test)]

use cadre_eval::{
    MAX_BATCH_BYTES, MAX_BATCH_RECORDS, MAX_COUNT, MAX_CRITERION_ID_CHARS, MAX_DEPTH,
    MAX_DISCIPLINE_RECORDS, MAX_GRADED_CRITERIA, MAX_PROFILE_BYTES, MAX_PROFILE_ITEMS,
    MAX_RECORD_BYTES, MAX_STREAM_QUOTA_CANDIDATES, MAX_STRING_CHARS, MAX_TEXT_CHARS,
    MAX_TREE_BYTES, MAX_UNIT_LINE_BYTES,
};

/// The table's rows: limit → value, as written.
fn documented() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/contract.md"))
        .unwrap();
    let table = text.split("## Size limits").nth(1).unwrap();
    table
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            (cells[0].to_owned(), cells[1].to_owned())
        })
        .collect()
}

/// How the table writes a number: `1,000,000`, `64 KiB`, `256 MiB`.
fn written(value: usize, unit: &str) -> String {
    let (number, suffix) = match unit {
        "bytes" if value % (1024 * 1024) == 0 => (value / (1024 * 1024), " MiB"),
        "bytes" => (value / 1024, " KiB"),
        other => (value, other),
    };
    let digits = number.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{grouped}{suffix}")
}

#[test]
fn the_documented_limits_are_the_enforced_ones() {
    let rows = documented();
    let value_of = |prefix: &str| {
        rows.iter()
            .find(|(limit, _)| limit.starts_with(prefix))
            .map(|(_, value)| value.clone())
            .unwrap_or_else(|| panic!("no row starting {prefix:?} in docs/contract.md"))
    };
    let expected = [
        (
            "one record, as JSON text",
            written(MAX_RECORD_BYTES, "bytes"),
        ),
        ("records in one JSON array", written(MAX_BATCH_RECORDS, "")),
        (
            "Excellent candidates in one JSON Lines stream",
            written(MAX_STREAM_QUOTA_CANDIDATES, ""),
        ),
        ("one JSON array", written(MAX_BATCH_BYTES, "bytes")),
        ("strings", written(MAX_STRING_CHARS, " characters")),
        ("discipline records", written(MAX_DISCIPLINE_RECORDS, "")),
        ("graded criteria", written(MAX_GRADED_CRITERIA, "")),
        (
            "a criterion id",
            written(MAX_CRITERION_ID_CHARS, " characters"),
        ),
        ("any task or vote count", written(MAX_COUNT as usize, "")),
        ("a criteria profile |", String::new()),
        ("labels, issuer", written(MAX_TEXT_CHARS, " characters")),
        (
            "organisation tree depth",
            format!("{MAX_DEPTH} levels below a root"),
        ),
        (
            "a nested organisation tree",
            written(MAX_TREE_BYTES, "bytes"),
        ),
        (
            "one JSON Lines unit line",
            written(MAX_UNIT_LINE_BYTES, "bytes"),
        ),
    ];
    for (prefix, value) in expected {
        if value.is_empty() {
            continue;
        }
        assert!(
            value_of(prefix).starts_with(&value),
            "docs/contract.md says {:?} for {prefix:?}; core enforces {value}",
            value_of(prefix)
        );
    }
    let profile: Vec<&(String, String)> = rows
        .iter()
        .filter(|(limit, _)| limit.starts_with("a criteria profile"))
        .collect();
    assert_eq!(profile[0].1, written(MAX_PROFILE_ITEMS, " items"));
    assert_eq!(profile[1].1, written(MAX_PROFILE_BYTES, "bytes"));
}
