//! The borrowed view of a decision (`Decision::record_json`) writes, byte for byte, what
//! serializing the owned record (`Decision::to_record`) writes: over every decision the
//! shared vectors and the bundled examples give, alone, in groups with the party quota,
//! and paired with the state quota (every rule of the catalogue appears in a vector,
//! `vectors.rs`, so every message, value and citation kind is covered).

#![cfg(test)]

use cadre_eval::{
    apply_quota, evaluate_text, evaluate_with_pairs, Decision, Options, QuotaOptions,
};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// The view's JSON against the record's, compact and pretty; the first difference named.
fn differences(decisions: &[Decision], place: &str, problems: &mut Vec<String>) {
    for decision in decisions {
        let record = decision.to_record();
        let owned = serde_json::to_string(&record).unwrap();
        let viewed = serde_json::to_string(&decision.record_json()).unwrap();
        if owned != viewed {
            problems.push(format!(
                "{place}, {}:\n record {owned}\n view   {viewed}",
                decision.id
            ));
        }
        let owned = serde_json::to_string_pretty(&record).unwrap();
        let viewed = serde_json::to_string_pretty(&decision.record_json()).unwrap();
        if owned != viewed {
            problems.push(format!("{place}, {} (pretty)", decision.id));
        }
    }
}

/// The options of a vector; other kinds of `options` (an organisation's) read as none.
fn options_of(object: &Map<String, Value>) -> Options {
    object
        .get("options")
        .and_then(|o| serde_json::from_value(o.clone()).ok())
        .unwrap_or_default()
}

/// A vector's single input, a group's inputs (alone, with the quota, with pairs), or a
/// batch file's records: every decision they give.
fn check_object(object: &Map<String, Value>, place: &str, problems: &mut Vec<String>) -> usize {
    let options = options_of(object);
    let mut seen = 0;
    if let Some(Value::Object(input)) = object.get("input") {
        if let Ok(decision) = evaluate_text(&Value::Object(input.clone()).to_string(), &options) {
            differences(std::slice::from_ref(&decision), place, problems);
            seen += 1;
        }
    }
    if let Some(Value::Array(inputs)) = object.get("inputs") {
        let template = match object.get("template") {
            Some(Value::Object(template)) => template.clone(),
            _ => Map::new(),
        };
        let texts: Vec<String> = inputs
            .iter()
            .filter_map(Value::as_object)
            .map(|input| {
                let mut record = template.clone();
                record.extend(input.clone());
                Value::Object(record).to_string()
            })
            .collect();
        let quota: QuotaOptions = object
            .get("quota")
            .and_then(|q| serde_json::from_value(q.clone()).ok())
            .unwrap_or_default();
        let mut alone: Vec<Decision> = texts
            .iter()
            .filter_map(|text| evaluate_text(text, &options).ok())
            .collect();
        apply_quota(&mut alone, &quota);
        differences(&alone, place, problems);
        let paired = evaluate_with_pairs(&texts, &options, Some(&quota));
        differences(&paired.decisions, place, problems);
        seen += alone.len() + paired.decisions.len();
    }
    seen
}

fn walk(value: &Value, place: &str, problems: &mut Vec<String>) -> usize {
    match value {
        Value::Object(object) => {
            let here = check_object(object, place, problems);
            here + object
                .values()
                .map(|v| walk(v, place, problems))
                .sum::<usize>()
        }
        Value::Array(items) => items.iter().map(|v| walk(v, place, problems)).sum(),
        _ => 0,
    }
}

#[test]
fn the_view_writes_what_the_record_writes() {
    let mut files = Vec::new();
    json_files(&repo_root().join("vectors"), &mut files);
    json_files(&repo_root().join("examples"), &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut decisions = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let place = file.display().to_string();
        decisions += walk(&value, &place, &mut problems);
        // A batch file (an array of records, the examples): evaluated as one group.
        if let Value::Array(records) = &value {
            let mut group = Map::new();
            group.insert("inputs".to_owned(), Value::Array(records.clone()));
            decisions += check_object(&group, &place, &mut problems);
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {decisions} decisions differ:\n{}",
        problems.len(),
        problems.join("\n")
    );
    // Enough decisions that every kind is seen (vectors alone give over a thousand).
    assert!(decisions > 1000, "only {decisions} decisions checked");
}
