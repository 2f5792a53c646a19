//! Runs the shared vectors of the two form-filling helpers:
//! - `vectors/partial/*.json`: partial evaluation ([`cadre_eval::partial`]) of an
//!   assessment still being filled in: the lowest and highest level still reachable, and
//!   for each unanswered field whether its answer can still change the result;
//! - `vectors/change/*.json`: "what would change the result" ([`cadre_eval::change`]):
//!   for each higher level, the smallest changes or what blocks it. Every reachable
//!   path's changes are also applied to the input and evaluated again, so a suggestion
//!   that does not reach its level fails here whatever the vector expects.
//!
//! The format of both kinds is in `vectors/README.md`.

#![cfg(test)]

use cadre_eval::{
    decode_assessment, evaluate_partial_json, evaluate_text, evaluate_valid, validate,
    what_would_change, InputErrors, Level, LevelPath, Options, Outcome, Points,
};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartialFile {
    #[expect(dead_code, reason = "documentation for readers of the file")]
    description: String,
    vectors: Vec<PartialVector>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartialVector {
    name: String,
    #[serde(default)]
    #[expect(dead_code, reason = "documentation for readers of the file")]
    description: Option<String>,
    #[serde(default)]
    options: Options,
    /// An assessment, possibly without score or task fields, with an optional
    /// `unanswered` list of JSON Pointers.
    input: Value,
    expect: PartialExpect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartialExpect {
    complete: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    lowest: Option<Option<Level>>,
    #[serde(default, deserialize_with = "present")]
    highest: Option<Option<Level>>,
    /// Exactly these unanswered fields, each with whether it can change the result.
    unanswered: Option<BTreeMap<String, bool>>,
    errors: Option<Vec<ErrorExpect>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeFile {
    #[expect(dead_code, reason = "documentation for readers of the file")]
    description: String,
    vectors: Vec<ChangeVector>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeVector {
    name: String,
    #[serde(default)]
    #[expect(dead_code, reason = "documentation for readers of the file")]
    description: Option<String>,
    #[serde(default)]
    options: Options,
    /// A complete assessment.
    input: Value,
    expect: ChangeExpect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeExpect {
    /// Exactly these paths, in order (lowest level first).
    paths: Vec<PathExpect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PathExpect {
    level: Level,
    reachable: bool,
    /// Exactly these changes, in order.
    changes: Vec<ChangeItemExpect>,
    /// Exactly these blocking rule ids, in order.
    blockers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeItemExpect {
    path: String,
    to: Value,
    /// Optional: text the English message must contain.
    #[serde(default)]
    en: Option<String>,
}

#[derive(Deserialize, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
struct ErrorExpect {
    code: String,
    path: String,
}

/// Distinguishes `"lowest": null` (must be null) from an absent key.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<Level>>, D::Error> {
    Option::<Level>::deserialize(d).map(Some)
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The `*.json` files of one vector folder, sorted; fails when there are none.
fn files_in(folder: &str) -> Vec<PathBuf> {
    let dir = repo_root().join("vectors").join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files in {}", dir.display());
    files
}

fn load<T: for<'de> Deserialize<'de>>(folder: &str) -> Vec<(String, T)> {
    files_in(folder)
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).unwrap();
            let parsed: T =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            (
                format!("{folder}/{}", file.file_name().unwrap().to_string_lossy()),
                parsed,
            )
        })
        .collect()
}

fn error_list(errors: &InputErrors) -> Vec<ErrorExpect> {
    errors
        .0
        .iter()
        .map(|e| ErrorExpect {
            code: e.code.to_string(),
            path: e.path.clone(),
        })
        .collect()
}

fn level_name(level: Option<Level>) -> &'static str {
    level.map_or("null", Level::as_str)
}

fn check_partial(vector: &PartialVector) -> Vec<String> {
    let mut problems = Vec::new();
    let expect = &vector.expect;
    let result = evaluate_partial_json(&vector.input.to_string(), &vector.options);
    let result = match (result, &expect.errors) {
        (Err(errors), Some(wanted)) => {
            let got = error_list(&errors);
            if &got != wanted {
                problems.push(format!("errors: got {got:?}, want {wanted:?}"));
            }
            return problems;
        }
        (Err(errors), None) => {
            problems.push(format!("unexpected errors: {errors}"));
            return problems;
        }
        (Ok(result), Some(_)) => {
            problems.push(format!(
                "expected errors, got lowest {} highest {} unanswered {:?}",
                level_name(result.lowest),
                level_name(result.highest),
                result.unanswered
            ));
            return problems;
        }
        (Ok(result), None) => result,
    };
    match expect.complete {
        Some(wanted) if wanted != result.complete => {
            problems.push(format!("complete: got {}, want {wanted}", result.complete));
        }
        None => problems.push("expect.complete is required".to_owned()),
        _ => {}
    }
    for (key, wanted, got) in [
        ("lowest", expect.lowest, result.lowest),
        ("highest", expect.highest, result.highest),
    ] {
        match wanted {
            Some(wanted) if wanted != got => problems.push(format!(
                "{key}: got {}, want {}",
                level_name(got),
                level_name(wanted)
            )),
            None => problems.push(format!("expect.{key} is required (null allowed)")),
            _ => {}
        }
    }
    let mut got = BTreeMap::new();
    for field in &result.unanswered {
        if got.insert(field.path.clone(), field.can_change).is_some() {
            problems.push(format!("unanswered field {} listed twice", field.path));
        }
    }
    match &expect.unanswered {
        Some(wanted) if *wanted != got => {
            problems.push(format!("unanswered: got {got:?}, want {wanted:?}"));
        }
        None => problems.push("expect.unanswered is required ({} when none)".to_owned()),
        _ => {}
    }
    // Consistency of the result itself, whatever the vector says.
    if result.complete != result.unanswered.is_empty() {
        problems.push("complete must mean nothing unanswered".to_owned());
    }
    if result.complete != result.decision.is_some() {
        problems.push("a complete result carries its decision, and only then".to_owned());
    }
    if result.lowest > result.highest {
        problems.push("lowest above highest".to_owned());
    }
    problems
}

/// Sets `value` at the JSON Pointer `path` of `record`, creating objects on the way (an
/// index into an existing array, such as a state record's `/periods/3`, stays one).
fn set_at(record: &mut Value, path: &str, value: Value) {
    let mut at = record;
    for segment in path.trim_start_matches('/').split('/') {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        let index = segment.parse::<usize>().ok();
        if let Some(index) = index.filter(|&i| at.as_array().is_some_and(|l| i < l.len())) {
            at = &mut at[index];
            continue;
        }
        if !at.is_object() {
            *at = Value::Object(serde_json::Map::new());
        }
        at = at
            .as_object_mut()
            .unwrap()
            .entry(segment)
            .or_insert(Value::Null);
    }
    *at = value;
}

/// Two JSON values equal as inputs: numbers compare as exact points (`50` = `50.0`).
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            match (Points::from_json_number(x), Points::from_json_number(y)) {
                (Ok(x), Ok(y)) => x == y,
                _ => x == y,
            }
        }
        _ => a == b,
    }
}

/// Applies one path's changes to the input and checks the result reaches the level.
fn reaches(
    input: &Value,
    level: Level,
    changes: &[(String, Value)],
    options: &Options,
) -> Result<(), String> {
    let mut record = input.clone();
    for (path, to) in changes {
        set_at(&mut record, path, to.clone());
    }
    match evaluate_text(&record.to_string(), options) {
        Ok(decision)
            if decision.outcome == Outcome::Classified && decision.level >= Some(level) =>
        {
            Ok(())
        }
        Ok(decision) => Err(format!(
            "applying {changes:?} gives {:?} {}, not {} or above",
            decision.outcome,
            level_name(decision.level),
            level.as_str()
        )),
        Err(errors) => Err(format!(
            "applying {changes:?} makes the input invalid: {errors}"
        )),
    }
}

fn engine_paths(vector: &ChangeVector) -> Result<Vec<LevelPath>, String> {
    let assessment = decode_assessment(&vector.input.to_string()).map_err(|e| e.to_string())?;
    let valid = validate(&assessment).map_err(|e| e.to_string())?;
    let decision = evaluate_valid(&valid, &vector.options).map_err(|e| e.to_string())?;
    Ok(what_would_change(&valid, &decision, &vector.options))
}

fn check_change(vector: &ChangeVector) -> Vec<String> {
    let mut problems = Vec::new();
    let paths = match engine_paths(vector) {
        Ok(paths) => paths,
        Err(e) => return vec![format!("input rejected: {e}")],
    };
    let summary = |p: &LevelPath| {
        format!(
            "{} reachable={} changes={:?} blockers={:?}",
            p.level.as_str(),
            p.reachable,
            p.changes
                .iter()
                .map(|c| format!("{} → {}", c.path, c.to))
                .collect::<Vec<_>>(),
            p.blockers
                .iter()
                .map(|b| b.rule.as_str())
                .collect::<Vec<_>>()
        )
    };
    let wanted = &vector.expect.paths;
    if paths.len() != wanted.len()
        || paths
            .iter()
            .zip(wanted)
            .any(|(got, want)| got.level != want.level)
    {
        problems.push(format!(
            "levels: got [{}], want {:?}",
            paths.iter().map(summary).collect::<Vec<_>>().join("; "),
            wanted.iter().map(|w| w.level.as_str()).collect::<Vec<_>>()
        ));
    }
    for (got, want) in paths.iter().zip(wanted) {
        if got.level != want.level {
            continue;
        }
        let level = got.level.as_str();
        let same_changes = got.changes.len() == want.changes.len()
            && got
                .changes
                .iter()
                .zip(&want.changes)
                .all(|(g, w)| g.path == w.path && same_value(&g.to, &w.to));
        let blockers: Vec<&str> = got.blockers.iter().map(|b| b.rule.as_str()).collect();
        if got.reachable != want.reachable || !same_changes || blockers != want.blockers {
            problems.push(format!(
                "{level}: got {}, want reachable={} changes={:?} blockers={:?}",
                summary(got),
                want.reachable,
                want.changes
                    .iter()
                    .map(|c| format!("{} → {}", c.path, c.to))
                    .collect::<Vec<_>>(),
                want.blockers
            ));
        }
        for (g, w) in got.changes.iter().zip(&want.changes) {
            if let Some(text) = &w.en {
                if g.path == w.path && !g.message.en.contains(text.as_str()) {
                    problems.push(format!(
                        "{level} {}: message {:?} does not contain {text:?}",
                        g.path, g.message.en
                    ));
                }
            }
        }
    }
    // Whatever the vector says: a path is reachable with changes or blocked with reasons,
    // and every reachable path's changes, applied, reach its level.
    for got in &paths {
        let level = got.level.as_str();
        if got.reachable && (got.changes.is_empty() || !got.blockers.is_empty()) {
            problems.push(format!("{level}: reachable needs changes and no blockers"));
        }
        if !got.reachable && (!got.changes.is_empty() || got.blockers.is_empty()) {
            problems.push(format!(
                "{level}: unreachable needs blockers and no changes"
            ));
        }
        if got.reachable {
            let changes: Vec<(String, Value)> = got
                .changes
                .iter()
                .map(|c| (c.path.clone(), c.to.clone()))
                .collect();
            if let Err(e) = reaches(&vector.input, got.level, &changes, &vector.options) {
                problems.push(format!("engine's {level} path: {e}"));
            }
        }
    }
    // The vector's own claims too, where they differ from the engine's.
    for want in wanted.iter().filter(|w| w.reachable) {
        let changes: Vec<(String, Value)> = want
            .changes
            .iter()
            .map(|c| (c.path.clone(), c.to.clone()))
            .collect();
        if let Err(e) = reaches(&vector.input, want.level, &changes, &vector.options) {
            problems.push(format!("expected {} path: {e}", want.level.as_str()));
        }
    }
    problems
}

/// Every `vectors[].name` in every vector file (any kind), for the uniqueness check.
fn all_vector_names() -> Vec<(String, String)> {
    let mut names = Vec::new();
    let mut stack = vec![repo_root().join("vectors")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                let value: Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                for vector in value["vectors"].as_array().into_iter().flatten() {
                    if let Some(name) = vector["name"].as_str() {
                        names.push((path.display().to_string(), name.to_owned()));
                    }
                }
            }
        }
    }
    names
}

fn report(kind: &str, count: usize, failures: &[String]) {
    println!("{count} {kind} vectors checked");
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_partial_vector_gives_its_expected_result() {
    let mut files: Vec<(String, PartialFile)> = load("partial");
    files.extend(load("state/partial"));
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, parsed) in &files {
        assert!(!parsed.vectors.is_empty(), "{file} holds no vectors");
        for vector in &parsed.vectors {
            count += 1;
            for problem in check_partial(vector) {
                failures.push(format!("{file} / {}: {problem}", vector.name));
            }
        }
    }
    report("partial", count, &failures);
}

#[test]
fn every_change_vector_gives_its_expected_paths() {
    let mut files: Vec<(String, ChangeFile)> = load("change");
    files.extend(load("state/change"));
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, parsed) in &files {
        assert!(!parsed.vectors.is_empty(), "{file} holds no vectors");
        for vector in &parsed.vectors {
            count += 1;
            for problem in check_change(vector) {
                failures.push(format!("{file} / {}: {problem}", vector.name));
            }
        }
    }
    report("change", count, &failures);
}

#[test]
fn vector_names_are_unique_across_all_files() {
    let mut seen = BTreeSet::new();
    let duplicates: Vec<String> = all_vector_names()
        .into_iter()
        .filter(|(_, name)| !seen.insert(name.clone()))
        .map(|(file, name)| format!("{file}: {name}"))
        .collect();
    assert!(
        duplicates.is_empty(),
        "duplicate vector names: {duplicates:?}"
    );
}
