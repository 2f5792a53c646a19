//! Runs every shared test vector (`vectors/**/*.json`) through the Rust API, and checks
//! that every rule id of the spec appears in at least one vector.

#![cfg(test)]

use cadre_eval::{
    apply_quota, decision_name, evaluate_batch_json, evaluate_records, evaluate_text,
    evaluate_with_pairs, BatchOptions, ColumnOf, Decision, DecisionRecord, EvaluationSink,
    GroupQuotaReport, Options, QuotaOptions, ReasonRecord, Records, RejectedRecord,
};
use num_bigint::BigInt;
use num_rational::BigRational;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VectorFile {
    #[expect(dead_code, reason = "documentation for readers of the file")]
    description: String,
    #[serde(default)]
    vectors: Vec<Vector>,
    #[serde(default)]
    groups: Vec<GroupVector>,
}

/// A group vector: several assessments, evaluated, then the Excellent quota applied.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupVector {
    name: String,
    #[serde(default)]
    #[expect(dead_code, reason = "documentation for readers of the file")]
    description: Option<String>,
    #[serde(default)]
    options: Options,
    #[serde(default)]
    quota: QuotaOptions,
    /// Each input overlays this object (top-level keys replaced).
    #[serde(default)]
    template: serde_json::Map<String, serde_json::Value>,
    inputs: Vec<serde_json::Map<String, serde_json::Value>>,
    expect: GroupExpect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupExpect {
    levels: BTreeMap<String, Option<String>>,
    demoted: Vec<String>,
    needs_decision: Vec<String>,
    groups: Vec<GroupQuotaReport>,
    rules: Vec<String>,
    /// The state quota reports, in order, compared on the keys given.
    #[serde(default)]
    state_groups: Vec<serde_json::Map<String, serde_json::Value>>,
    /// Annual scores by decision name (`<id>@state` for the state half of a pair).
    #[serde(default)]
    scores: BTreeMap<String, serde_json::Number>,
    /// Reason expectations by decision name.
    #[serde(default)]
    reasons: BTreeMap<String, Vec<ReasonExpect>>,
    /// Records the call rejects.
    #[serde(default)]
    rejected: Vec<ErrorExpectFor>,
}

/// A rejected record of a group vector.
#[derive(Deserialize, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
struct ErrorExpectFor {
    id: String,
    code: String,
    path: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Vector {
    name: String,
    #[serde(default)]
    #[expect(dead_code, reason = "documentation for readers of the file")]
    description: Option<String>,
    #[serde(default)]
    options: Options,
    input: serde_json::Value,
    expect: Expect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    outcome: Option<String>,
    #[serde(default, deserialize_with = "present")]
    level: Option<Option<String>>,
    needs_decision: Option<bool>,
    band: Option<String>,
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    reasons: Vec<ReasonExpect>,
    #[serde(default)]
    absent_rules: Vec<String>,
    alternatives: Option<Vec<AlternativeExpect>>,
    /// The guideline the decision names (`regime_info.guideline`).
    guideline: Option<String>,
    errors: Option<Vec<ErrorExpect>>,
    /// The regime applied (`null`: none, `state.none`).
    #[serde(default, deserialize_with = "present")]
    regime: Option<Option<String>>,
    /// The score (a state decision: the annual score), compared as exact decimals.
    #[serde(default, deserialize_with = "present_number")]
    score: Option<Option<serde_json::Number>>,
    /// A state decision's unrounded mean, exact (`"n/d"`).
    mean: Option<String>,
    /// A state decision's periods, in input order: the keys given must match.
    periods: Option<Vec<serde_json::Map<String, serde_json::Value>>>,
}

/// Distinguishes `"score": null` from an absent key.
fn present_number<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<serde_json::Number>>, D::Error> {
    Option::<serde_json::Number>::deserialize(d).map(Some)
}

/// An exact number from a vector or a decision: `"n/d"`, `"n"`, a decimal string or a
/// JSON number (read from its decimal text, never through a float).
fn exact(value: &serde_json::Value) -> Option<BigRational> {
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    if let Ok(r) = BigRational::from_str(&text) {
        return Some(r);
    }
    let (whole, fraction) = text.split_once('.')?;
    let digits = u32::try_from(fraction.len()).ok()?;
    let n = BigInt::from_str(&format!("{whole}{fraction}")).ok()?;
    Some(BigRational::new(n, BigInt::from(10u32).pow(digits)))
}

/// Two values agree: equal JSON, or equal as exact numbers.
fn agrees(got: &serde_json::Value, wanted: &serde_json::Value) -> bool {
    if got == wanted {
        return true;
    }
    match (exact(got), exact(wanted)) {
        (Some(a), Some(b)) => a == b && !got.is_boolean(),
        _ => false,
    }
}

/// Distinguishes `"level": null` (must be null) from an absent key.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReasonExpect {
    rule: String,
    holds: Option<bool>,
    effect: Option<String>,
    level: Option<String>,
    basis: Option<String>,
    /// The citation's document.
    document: Option<String>,
    /// Named values the reason must carry (exact numbers compared as rationals).
    #[serde(default)]
    values: serde_json::Map<String, serde_json::Value>,
}

#[derive(Deserialize, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
struct AlternativeExpect {
    level: Option<String>,
    r#if: String,
    /// Whether the alternative is itself a case for the competent level; checked when
    /// given (absent in the decision means false).
    needs_decision: Option<bool>,
}

#[derive(Deserialize, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
struct ErrorExpect {
    code: String,
    path: String,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn vector_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![repo_root().join("vectors")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                // Other kinds, with their own runners: `vectors/org/` (organisation trees,
                // `org_vectors.rs`), `vectors/partial/` and `vectors/change/`
                // (`form_vectors.rs`), `vectors/compare/` (`compare_vectors.rs`),
                // `vectors/sheets/` (spreadsheet files, `sheets/tests/round_trip.rs`).
                if path.file_name().is_some_and(|name| {
                    name == "org"
                        || name == "partial"
                        || name == "change"
                        || name == "compare"
                        || name == "sheets"
                }) {
                    continue;
                }
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn load_files() -> Vec<(String, VectorFile)> {
    vector_files()
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).unwrap();
            let parsed: VectorFile =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            (
                file.file_name().unwrap().to_string_lossy().into_owned(),
                parsed,
            )
        })
        .collect()
}

fn load() -> Vec<(String, Vector)> {
    load_files()
        .into_iter()
        .flat_map(|(stem, file)| file.vectors.into_iter().map(move |v| (stem.clone(), v)))
        .collect()
}

fn load_groups() -> Vec<(String, GroupVector)> {
    load_files()
        .into_iter()
        .flat_map(|(stem, file)| file.groups.into_iter().map(move |v| (stem.clone(), v)))
        .collect()
}

/// Whether a group vector holds state records (the state batch with its quota and the
/// pair form, issue 12 step 4).
fn holds_state_records(vector: &GroupVector) -> bool {
    vector
        .inputs
        .iter()
        .chain(std::iter::once(&vector.template))
        .any(|i| i.get("rating").and_then(|r| r.as_str()) == Some("state"))
}

/// A group vector holding state records: the call with pairs, both quotas and the link.
fn check_state_group(vector: &GroupVector) -> Vec<String> {
    let mut problems = Vec::new();
    let texts: Vec<String> = vector
        .inputs
        .iter()
        .map(|input| {
            let mut record = vector.template.clone();
            record.extend(input.clone());
            serde_json::Value::Object(record).to_string()
        })
        .collect();
    let batch = evaluate_with_pairs(&texts, &vector.options, Some(&vector.quota));
    // The in-memory batch carries both quotas' reports as the pair form gives them.
    let array = format!("[{}]", texts.join(","));
    let batch_options = BatchOptions {
        evaluation: vector.options,
        quota: Some(vector.quota.clone()),
    };
    match evaluate_batch_json(&array, &batch_options) {
        Ok(whole) => {
            if whole.state_groups != batch.state_groups || whole.groups != batch.groups {
                problems.push(format!(
                    "evaluate_batch_json's reports differ from the pair form's: {:?} / {:?}",
                    whole.state_groups, whole.groups
                ));
            }
        }
        Err(errors) => problems.push(format!("evaluate_batch_json refused the batch: {errors:?}")),
    }
    problems.extend(check_records_entry(&array, &batch_options, &batch));
    let party_ids: BTreeSet<String> = vector
        .inputs
        .iter()
        .filter(|i| i.get("rating").and_then(|r| r.as_str()) != Some("state"))
        .filter_map(|i| i.get("id").and_then(|v| v.as_str()).map(str::to_owned))
        .collect();
    let named: BTreeMap<String, &cadre_eval::Decision> = batch
        .decisions
        .iter()
        .map(|d| (decision_name(d, party_ids.contains(&d.id)), d))
        .collect();
    if batch.groups != vector.expect.groups {
        problems.push(format!(
            "group reports: got {:?}, want {:?}",
            batch.groups, vector.expect.groups
        ));
    }
    let got_state: Vec<serde_json::Value> = batch
        .state_groups
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect();
    // Compared in order on the reports listed: the link vectors list the group's report
    // only, not the agency's after it (the quota vectors list both).
    if got_state.len() < vector.expect.state_groups.len() {
        problems.push(format!(
            "state groups: got {got_state:?}, want {:?}",
            vector.expect.state_groups
        ));
    }
    for (index, (got, wanted)) in got_state
        .iter()
        .zip(&vector.expect.state_groups)
        .enumerate()
    {
        for (key, value) in wanted {
            let have = got.get(key).cloned().unwrap_or(serde_json::Value::Null);
            if !agrees(&have, value) {
                problems.push(format!(
                    "state_groups[{index}].{key}: got {have}, want {value}"
                ));
            }
        }
    }
    for (name, level) in &vector.expect.levels {
        let got = named
            .get(name.as_str())
            .map(|d| d.level.map(|l| l.as_str().to_owned()));
        if got != Some(level.clone()) {
            problems.push(format!("{name}: level {got:?}, want {level:?}"));
        }
    }
    let mut demoted: Vec<&str> = named
        .iter()
        .filter(|(_, d)| d.quota.as_ref().is_some_and(|q| q.demoted))
        .map(|(n, _)| n.as_str())
        .collect();
    let mut wanted_demoted: Vec<&str> = vector.expect.demoted.iter().map(String::as_str).collect();
    demoted.sort_unstable();
    wanted_demoted.sort_unstable();
    if demoted != wanted_demoted {
        problems.push(format!("demoted: got {demoted:?}, want {wanted_demoted:?}"));
    }
    let mut needs: Vec<&str> = named
        .iter()
        .filter(|(_, d)| d.needs_decision)
        .map(|(n, _)| n.as_str())
        .collect();
    let mut wanted_needs: Vec<&str> = vector
        .expect
        .needs_decision
        .iter()
        .map(String::as_str)
        .collect();
    needs.sort_unstable();
    wanted_needs.sort_unstable();
    if needs != wanted_needs {
        problems.push(format!(
            "needs_decision: got {needs:?}, want {wanted_needs:?}"
        ));
    }
    for rule in &vector.expect.rules {
        if !batch
            .decisions
            .iter()
            .any(|d| d.rule_ids().any(|r| r == rule))
        {
            problems.push(format!("rule {rule} in no decision"));
        }
    }
    for (name, score) in &vector.expect.scores {
        let got = named.get(name.as_str()).and_then(|d| d.score);
        let same = got.is_some_and(|g| {
            agrees(
                &serde_json::Value::Number(g.to_json_number()),
                &serde_json::Value::Number(score.clone()),
            )
        });
        if !same {
            problems.push(format!("{name}: score {got:?}, want {score}"));
        }
    }
    for (name, reasons) in &vector.expect.reasons {
        let Some(decision) = named.get(name.as_str()) else {
            problems.push(format!("{name}: no decision"));
            continue;
        };
        let record = decision.to_record();
        for wanted in reasons {
            if !record.reasons.iter().any(|r| reason_agrees(r, wanted)) {
                let got: Vec<String> = record
                    .reasons
                    .iter()
                    .filter(|r| r.rule == wanted.rule)
                    .map(|r| {
                        format!(
                            "holds={} effect={:?} values={:?}",
                            r.holds, r.effect, r.values
                        )
                    })
                    .collect();
                problems.push(format!(
                    "{name}: no reason {} matching; got {got:?}",
                    wanted.rule
                ));
            }
        }
    }
    let mut rejected: Vec<(String, String, String)> = batch
        .rejected
        .iter()
        .flat_map(|(_, name, errors)| {
            errors
                .0
                .iter()
                .map(move |e| (name.clone(), e.code.to_string(), e.path.clone()))
        })
        .collect();
    let mut wanted_rejected: Vec<(String, String, String)> = vector
        .expect
        .rejected
        .iter()
        .map(|r| (r.id.clone(), r.code.clone(), r.path.clone()))
        .collect();
    rejected.sort();
    wanted_rejected.sort();
    if rejected != wanted_rejected {
        problems.push(format!(
            "rejected: got {rejected:?}, want {wanted_rejected:?}"
        ));
    }
    problems
}

/// A rejected record as a sink receives it: its index, its name, each error's code and
/// path.
type RejectedAt = (usize, Option<String>, Vec<(String, String)>);

/// What a sink of `evaluate_records` receives, by record index.
#[derive(Default)]
struct Received {
    decisions: Vec<(usize, Decision)>,
    finals: Vec<(usize, Decision)>,
    rejected: Vec<RejectedAt>,
}

impl EvaluationSink for Received {
    fn decision(&mut self, index: usize, decision: &Decision) {
        self.decisions.push((index, decision.clone()));
    }

    fn rejected(&mut self, rejected: &RejectedRecord, _: &ColumnOf<'_>) {
        let errors = rejected
            .errors
            .iter()
            .map(|e| (e.code.to_string(), e.path.clone()))
            .collect();
        self.rejected
            .push((rejected.index, rejected.id.clone(), errors));
    }

    fn final_decision(&mut self, index: usize, decision: &Decision) {
        self.finals.push((index, decision.clone()));
    }
}

/// The batch entry of the front ends' tables (`evaluate_records`, here over the JSON
/// array the Python binding hands over for a list of dicts) gives what the pair form
/// gives: the same decisions at the same positions, the same rejections, both quotas'
/// reports.
fn check_records_entry(
    array: &str,
    options: &BatchOptions,
    paired: &cadre_eval::PairedBatch,
) -> Vec<String> {
    let mut problems = Vec::new();
    let records = Records::json_array(array).expect("a JSON array");
    let evaluated = evaluate_records(&records, options, 2, true, &|_| Received::default())
        .expect("no worker stops");
    let mut decisions = Vec::new();
    let mut finals = Vec::new();
    let mut rejected = Vec::new();
    for sink in evaluated.sinks {
        decisions.extend(sink.decisions);
        finals.extend(sink.finals);
        rejected.extend(sink.rejected);
    }
    let wanted: Vec<(usize, Decision)> = paired
        .indices
        .iter()
        .copied()
        .zip(paired.decisions.iter().cloned())
        .collect();
    if decisions != wanted || finals != wanted {
        problems.push(format!(
            "evaluate_records: decisions differ from the pair form's: {decisions:?}"
        ));
    }
    let wanted_rejected: Vec<RejectedAt> = paired
        .rejected
        .iter()
        .map(|(index, name, errors)| {
            let errors = errors
                .0
                .iter()
                .map(|e| (e.code.to_string(), e.path.clone()))
                .collect();
            (*index, Some(name.clone()).filter(|n| !n.is_empty()), errors)
        })
        .collect();
    rejected.sort_by_key(|(index, _, _)| *index);
    let mut wanted_rejected = wanted_rejected;
    wanted_rejected.sort_by_key(|(index, _, _)| *index);
    if rejected != wanted_rejected {
        problems.push(format!(
            "evaluate_records: rejected {rejected:?}, want {wanted_rejected:?}"
        ));
    }
    if evaluated.groups != paired.groups || evaluated.state_groups != paired.state_groups {
        problems.push(format!(
            "evaluate_records: reports {:?} / {:?}",
            evaluated.groups, evaluated.state_groups
        ));
    }
    if decisions.len() + rejected.len() != records_count(array) {
        problems.push("evaluate_records: a record has no result".to_owned());
    }
    problems
}

fn records_count(array: &str) -> usize {
    serde_json::from_str::<Vec<serde_json::Value>>(array).map_or(0, |v| v.len())
}

fn check_group(vector: &GroupVector) -> Vec<String> {
    if holds_state_records(vector) {
        return check_state_group(vector);
    }
    let mut problems = Vec::new();
    let mut decisions = Vec::new();
    for input in &vector.inputs {
        let mut record = vector.template.clone();
        record.extend(input.clone());
        let text = serde_json::Value::Object(record).to_string();
        match evaluate_text(&text, &vector.options) {
            Ok(decision) => decisions.push(decision),
            Err(errors) => problems.push(format!("input rejected: {errors}")),
        }
    }
    let reports = apply_quota(&mut decisions, &vector.quota);
    if reports != vector.expect.groups {
        problems.push(format!(
            "group reports: got {reports:?}, want {:?}",
            vector.expect.groups
        ));
    }
    let by_id: BTreeMap<&str, &cadre_eval::Decision> =
        decisions.iter().map(|d| (d.id.as_str(), d)).collect();
    for (id, level) in &vector.expect.levels {
        let got = by_id
            .get(id.as_str())
            .map(|d| d.level.map(|l| l.as_str().to_owned()));
        if got != Some(level.clone()) {
            problems.push(format!("{id}: level {got:?}, want {level:?}"));
        }
    }
    let demoted: Vec<&str> = decisions
        .iter()
        .filter(|d| d.quota.as_ref().is_some_and(|q| q.demoted))
        .map(|d| d.id.as_str())
        .collect();
    let mut wanted_demoted: Vec<&str> = vector.expect.demoted.iter().map(String::as_str).collect();
    let mut got_demoted = demoted.clone();
    got_demoted.sort_unstable();
    wanted_demoted.sort_unstable();
    if got_demoted != wanted_demoted {
        problems.push(format!(
            "demoted: got {got_demoted:?}, want {wanted_demoted:?}"
        ));
    }
    let mut needs: Vec<&str> = decisions
        .iter()
        .filter(|d| d.needs_decision)
        .map(|d| d.id.as_str())
        .collect();
    let mut wanted_needs: Vec<&str> = vector
        .expect
        .needs_decision
        .iter()
        .map(String::as_str)
        .collect();
    needs.sort_unstable();
    wanted_needs.sort_unstable();
    if needs != wanted_needs {
        problems.push(format!(
            "needs_decision: got {needs:?}, want {wanted_needs:?}"
        ));
    }
    for rule in &vector.expect.rules {
        let demoted_have_it = decisions
            .iter()
            .filter(|d| d.quota.as_ref().is_some_and(|q| q.demoted))
            .all(|d| d.rule_ids().any(|r| r == rule));
        let anyone_has_it = decisions.iter().any(|d| d.rule_ids().any(|r| r == rule));
        if !demoted_have_it || !anyone_has_it {
            problems.push(format!("rule {rule} missing from the demoted decisions"));
        }
    }
    // Applying the quota twice changes nothing.
    let before = decisions.clone();
    apply_quota(&mut decisions, &vector.quota);
    if before != decisions {
        problems.push("applying the quota twice changed the decisions".to_owned());
    }
    problems
}

#[test]
fn every_group_vector_gives_its_expected_quota() {
    let groups = load_groups();
    assert!(!groups.is_empty(), "no group vectors found under vectors/");
    let mut failures = Vec::new();
    for (file, vector) in &groups {
        for problem in check_group(vector) {
            failures.push(format!("{file} / {}: {problem}", vector.name));
        }
    }
    println!("{} group vectors checked", groups.len());
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn json_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap_or("")
        .to_owned()
}

/// Checks one vector; returns the problems found.
fn check(vector: &Vector) -> Vec<String> {
    let mut problems = Vec::new();
    let text = vector.input.to_string();
    let result = evaluate_text(&text, &vector.options);
    let expect = &vector.expect;
    match (result, &expect.errors) {
        (Err(errors), Some(wanted)) => {
            let got: Vec<ErrorExpect> = errors
                .0
                .iter()
                .map(|e| ErrorExpect {
                    code: e.code.to_string(),
                    path: e.path.clone(),
                })
                .collect();
            if &got != wanted {
                problems.push(format!("errors: got {got:?}, want {wanted:?}"));
            }
        }
        (Err(errors), None) => problems.push(format!("unexpected errors: {errors}")),
        (Ok(decision), Some(_)) => {
            problems.push(format!("expected errors, got level {:?}", decision.level))
        }
        (Ok(decision), None) => {
            let record: DecisionRecord = decision.to_record();
            check_decision(&record, expect, &mut problems);
        }
    }
    problems
}

/// A decision's reason agrees with an expectation on every key it gives.
fn reason_agrees(r: &ReasonRecord, wanted: &ReasonExpect) -> bool {
    r.rule == wanted.rule
        && wanted.holds.is_none_or(|h| h == r.holds)
        && wanted
            .effect
            .as_ref()
            .is_none_or(|e| *e == json_name(&r.effect))
        && wanted
            .level
            .as_ref()
            .is_none_or(|l| Some(l.as_str()) == r.level.map(|x| x.as_str()))
        && wanted
            .basis
            .as_ref()
            .is_none_or(|b| *b == json_name(&r.basis))
        && wanted
            .document
            .as_ref()
            .is_none_or(|d| *d == r.citation.document)
        && wanted
            .values
            .iter()
            .all(|(key, value)| r.values.get(key).is_some_and(|v| agrees(v, value)))
}

/// The state keys of an expectation: regime, score, mean, periods.
fn check_state(record: &DecisionRecord, expect: &Expect, problems: &mut Vec<String>) {
    if let Some(wanted) = &expect.regime {
        let got = record.regime.map(|r| r.as_str().to_owned());
        if got != *wanted {
            problems.push(format!("regime: got {got:?}, want {wanted:?}"));
        }
    }
    if let Some(wanted) = &expect.score {
        let got = record.score.clone().map(serde_json::Value::Number);
        let wanted = wanted.clone().map(serde_json::Value::Number);
        let same = match (&got, &wanted) {
            (Some(g), Some(w)) => agrees(g, w),
            (None, None) => true,
            _ => false,
        };
        if !same {
            problems.push(format!("score: got {got:?}, want {wanted:?}"));
        }
    }
    let state = record.state.as_ref();
    if let Some(wanted) = &expect.mean {
        let got = state.and_then(|s| s.mean.clone());
        let same = got.as_ref().is_some_and(|g| {
            agrees(
                &serde_json::Value::String(g.clone()),
                &serde_json::Value::String(wanted.clone()),
            )
        });
        if !same {
            problems.push(format!("mean: got {got:?}, want {wanted}"));
        }
    }
    if let Some(wanted) = &expect.periods {
        let got: Vec<serde_json::Value> = state
            .map(|s| {
                s.periods
                    .iter()
                    .map(|p| serde_json::to_value(p).unwrap())
                    .collect()
            })
            .unwrap_or_default();
        if got.len() != wanted.len() {
            problems.push(format!(
                "periods: got {} periods, want {}",
                got.len(),
                wanted.len()
            ));
        }
        for (index, (g, w)) in got.iter().zip(wanted).enumerate() {
            for (key, value) in w {
                let have = g.get(key).cloned().unwrap_or(serde_json::Value::Null);
                if !agrees(&have, value) {
                    problems.push(format!("periods[{index}].{key}: got {have}, want {value}"));
                }
            }
        }
    }
}

fn check_decision(record: &DecisionRecord, expect: &Expect, problems: &mut Vec<String>) {
    check_state(record, expect, problems);
    let outcome = json_name(&record.outcome);
    if expect.outcome.as_deref() != Some(outcome.as_str()) {
        problems.push(format!("outcome: got {outcome}, want {:?}", expect.outcome));
    }
    let level = record.level.map(|l| l.as_str().to_owned());
    match &expect.level {
        Some(wanted) if *wanted != level => {
            problems.push(format!("level: got {level:?}, want {wanted:?}"))
        }
        None => problems.push("expect.level is required for a decision vector".to_owned()),
        _ => {}
    }
    match expect.needs_decision {
        Some(wanted) if wanted != record.needs_decision => problems.push(format!(
            "needs_decision: got {}, want {wanted}",
            record.needs_decision
        )),
        None => problems.push("expect.needs_decision is required for a decision vector".to_owned()),
        _ => {}
    }
    if let Some(band) = &expect.band {
        let got = record.band.map(|b| b.as_str().to_owned());
        if got.as_deref() != Some(band.as_str()) {
            problems.push(format!("band: got {got:?}, want {band}"));
        }
    }
    if expect.rules.is_empty() {
        problems.push("expect.rules must name at least one rule".to_owned());
    }
    let ids: Vec<&str> = record.reasons.iter().map(|r| r.rule.as_str()).collect();
    for rule in &expect.rules {
        if !ids.contains(&rule.as_str()) {
            problems.push(format!("rule {rule} missing; reasons: {ids:?}"));
        }
    }
    for rule in &expect.absent_rules {
        if ids.contains(&rule.as_str()) {
            problems.push(format!("rule {rule} must not appear; reasons: {ids:?}"));
        }
    }
    for wanted in &expect.reasons {
        let found = record.reasons.iter().any(|r| reason_agrees(r, wanted));
        if !found {
            let got: Vec<String> = record
                .reasons
                .iter()
                .filter(|r| r.rule == wanted.rule)
                .map(|r| {
                    format!(
                        "holds={} effect={} level={:?} basis={}",
                        r.holds,
                        json_name(&r.effect),
                        r.level,
                        json_name(&r.basis)
                    )
                })
                .collect();
            let values: Vec<String> = record
                .reasons
                .iter()
                .filter(|r| r.rule == wanted.rule)
                .map(|r| format!("{} {:?}", r.citation.document, r.values))
                .collect();
            problems.push(format!(
                "no reason {} matching holds={:?} effect={:?} level={:?} basis={:?} document={:?} values={:?}; got {got:?} {values:?}",
                wanted.rule, wanted.holds, wanted.effect, wanted.level, wanted.basis, wanted.document, wanted.values
            ));
        }
    }
    if let Some(wanted) = &expect.alternatives {
        // Read from the JSON, where `needs_decision` is written only when true.
        let got: Vec<AlternativeExpect> = record
            .alternatives
            .iter()
            .map(|a| AlternativeExpect {
                level: a.level.map(|l| l.as_str().to_owned()),
                r#if: a.r#if.clone(),
                needs_decision: Some(
                    serde_json::to_value(a)
                        .ok()
                        .and_then(|v| v.get("needs_decision").and_then(|n| n.as_bool()))
                        .unwrap_or(false),
                ),
            })
            .collect();
        let matches = got.len() == wanted.len()
            && got.iter().zip(wanted).all(|(g, w)| {
                g.level == w.level
                    && g.r#if == w.r#if
                    && w.needs_decision.is_none_or(|n| Some(n) == g.needs_decision)
            });
        if !matches {
            problems.push(format!("alternatives: got {got:?}, want {wanted:?}"));
        }
    }
    if let Some(wanted) = &expect.guideline {
        let got = record
            .regime_info
            .as_ref()
            .map(|info| info.guideline.as_str());
        if got != Some(wanted.as_str()) {
            problems.push(format!("guideline: got {got:?}, want {wanted}"));
        }
    }
}

#[test]
fn every_vector_gives_its_expected_decision() {
    let vectors = load();
    assert!(!vectors.is_empty(), "no vectors found under vectors/");
    let mut names = BTreeSet::new();
    let mut failures = Vec::new();
    for (file, vector) in &vectors {
        if !names.insert(vector.name.clone()) {
            failures.push(format!("{file}: duplicate vector name {}", vector.name));
        }
        for problem in check(vector) {
            failures.push(format!("{file} / {}: {problem}", vector.name));
        }
    }
    println!("{} vectors checked", vectors.len());
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Rule ids written in backticks in a spec file, with a given prefix.
///
/// The vendored copy (`vectors/<copy>`) keeps the ids so the tests run without the spec
/// beside the repository; when the spec is there, the copy must equal it (a spec change
/// that adds a rule fails here until the copy, the catalogue and the vectors follow).
fn vendored_spec_ids(copy: &str, spec_file: &str, prefixes: &[&str]) -> BTreeSet<String> {
    let copy_path = repo_root().join("vectors").join(copy);
    let vendored: BTreeSet<String> = std::fs::read_to_string(&copy_path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_owned())
        .collect();
    let spec_path = repo_root().join("../shared/spec").join(spec_file);
    if let Ok(text) = std::fs::read_to_string(&spec_path) {
        let live: BTreeSet<String> = text
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|token| prefixes.iter().any(|p| token.starts_with(p)) && !token.contains(' '))
            .map(str::to_owned)
            .collect();
        assert_eq!(
            vendored,
            live,
            "{} differs from the rule ids of {}",
            copy_path.display(),
            spec_path.display()
        );
    }
    vendored
}

/// Rule ids of the form `qd366.…` written in backticks in `spec/rules-qd366.md`.
fn spec_rule_ids() -> BTreeSet<String> {
    vendored_spec_ids("spec-rule-ids.txt", "rules-qd366.md", &["qd366."])
}

/// Rule ids of the earlier regimes in `spec/regimes-history.md`.
fn spec_regime_rule_ids() -> BTreeSet<String> {
    vendored_spec_ids(
        "spec-regime-rule-ids.txt",
        "regimes-history.md",
        &["qd124.", "qd132."],
    )
}

/// Rule ids that appear in some vector's expectations.
fn covered_rule_ids() -> BTreeSet<String> {
    let mut covered = BTreeSet::new();
    for (_, vector) in load() {
        covered.extend(vector.expect.rules.iter().cloned());
        covered.extend(vector.expect.reasons.iter().map(|r| r.rule.clone()));
    }
    for (_, group) in load_groups() {
        covered.extend(group.expect.rules.iter().cloned());
        covered.extend(
            group
                .expect
                .reasons
                .values()
                .flatten()
                .map(|r| r.rule.clone()),
        );
    }
    // Organisation trees (`org_vectors.rs` checks them): the ids their expectations name.
    fn rule_ids_in(value: &serde_json::Value, out: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, item) in map {
                    match (key.as_str(), item) {
                        ("rule", serde_json::Value::String(id)) => {
                            out.insert(id.clone());
                        }
                        ("rules" | "absent_rules", serde_json::Value::Array(ids))
                            if key == "rules" =>
                        {
                            out.extend(ids.iter().filter_map(|id| id.as_str().map(str::to_owned)));
                        }
                        // Trees holding state records name rules per decision.
                        ("rules", serde_json::Value::Object(by_id)) => {
                            for ids in by_id.values().filter_map(|v| v.as_array()) {
                                out.extend(
                                    ids.iter().filter_map(|id| id.as_str().map(str::to_owned)),
                                );
                            }
                        }
                        ("input", _) => {}
                        _ => rule_ids_in(item, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| rule_ids_in(i, out)),
            _ => {}
        }
    }
    let trees = ["vectors/org", "vectors/state/org"]
        .into_iter()
        .flat_map(|dir| std::fs::read_dir(repo_root().join(dir)).unwrap());
    for entry in trees {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let value: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            rule_ids_in(&value, &mut covered);
        }
    }
    covered
}

#[test]
fn every_regime_history_rule_id_appears_in_a_vector_and_the_catalogue() {
    let spec = spec_regime_rule_ids();
    assert!(spec.len() >= 12, "expected the spec's ids, found {spec:?}");
    let covered = covered_rule_ids();
    let missing: Vec<&String> = spec.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "regimes-history rule ids with no vector: {missing:?}"
    );
    for id in &spec {
        assert!(
            cadre_eval::Rule::from_id(id).is_some(),
            "{id} is in the spec but not in the rule catalogue"
        );
    }
}

/// The library's own ids for the earlier regimes (`docs/regimes.md`) are tested too.
#[test]
fn every_earlier_regime_rule_appears_in_a_vector() {
    let covered = covered_rule_ids();
    let missing: Vec<&str> = cadre_eval::Rule::ALL
        .iter()
        .map(|r| r.id())
        .filter(|id| {
            (id.starts_with("qd124.") || id.starts_with("qd132.")) && !covered.contains(*id)
        })
        .collect();
    assert!(
        missing.is_empty(),
        "rules of QĐ 124 or QĐ 132 with no vector: {missing:?}"
    );
}

#[test]
fn every_spec_rule_id_appears_in_a_vector() {
    let spec = spec_rule_ids();
    assert!(
        spec.len() >= 30,
        "expected the spec's rule ids, found {spec:?}"
    );
    let covered = covered_rule_ids();
    let missing: Vec<&String> = spec.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "spec rule ids with no vector: {missing:?}"
    );
}

/// Every spec rule id is also a rule the library knows.
#[test]
fn every_spec_rule_id_is_in_the_catalogue() {
    for id in spec_rule_ids() {
        assert!(
            cadre_eval::Rule::from_id(&id).is_some(),
            "{id} is in the spec but not in the rule catalogue"
        );
    }
}

/// Rule ids of the state regimes in `spec/state-regimes.md` (`nd90.`, `nd335.`, `nd233.`,
/// `link.`, `state.`); a token ending `.N–M` stands for `.N` … `.M`
/// (`nd335.20.1–3`).
fn spec_state_rule_ids() -> BTreeSet<String> {
    let copy_path = repo_root().join("vectors/spec-state-rule-ids.txt");
    let vendored: BTreeSet<String> = std::fs::read_to_string(&copy_path)
        .unwrap()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let spec_path = repo_root().join("../shared/spec/state-regimes.md");
    if let Ok(text) = std::fs::read_to_string(&spec_path) {
        let prefixes = ["nd90.", "nd335.", "nd233.", "link.", "state."];
        let mut live = BTreeSet::new();
        for token in text.split('`').skip(1).step_by(2) {
            if !prefixes.iter().any(|p| token.starts_with(p)) || token.contains(' ') {
                continue;
            }
            let range = token.rsplit_once('.').and_then(|(stem, last)| {
                let (from, to) = last.split_once('–')?;
                Some((stem, from.parse::<u32>().ok()?, to.parse::<u32>().ok()?))
            });
            match range {
                Some((stem, from, to)) => live.extend((from..=to).map(|n| format!("{stem}.{n}"))),
                None => {
                    live.insert(token.to_owned());
                }
            }
        }
        assert_eq!(
            vendored,
            live,
            "{} differs from the rule ids of {}",
            copy_path.display(),
            spec_path.display()
        );
    }
    vendored
}

#[test]
fn every_state_rule_id_appears_in_a_vector_and_the_catalogue() {
    let spec = spec_state_rule_ids();
    assert!(
        spec.len() >= 36,
        "expected the spec's state ids, found {spec:?}"
    );
    let covered = covered_rule_ids();
    for id in &spec {
        assert!(
            cadre_eval::Rule::from_id(id).is_some(),
            "{id} is in the spec but not in the rule catalogue"
        );
    }
    // The library's own state ids are tested too.
    let own = [
        "nd335.discipline",
        "nd90.discipline",
        "state.derived",
        "state.unit_level",
    ];
    let missing: Vec<&str> = spec
        .iter()
        .map(String::as_str)
        .chain(own)
        .filter(|id| !covered.contains(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "state rule ids with no vector: {missing:?}"
    );
}
