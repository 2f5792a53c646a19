//! Runs the organisation-tree vectors (`vectors/org/*.json`, and the trees holding state
//! records, `vectors/state/org/*.json`): each tree is evaluated
//! both nested and as JSON Lines of units, and the two results must agree with each
//! other and the expectation. The example đảng bộ is also read with its lines reversed,
//! to show that line order does not matter.

#![cfg(test)]

use cadre_eval::{
    evaluate_tree_json, evaluate_unit_lines, Options, OrgOptions, OrgRecord, OrgResult,
    QuotaOptions, Rating,
};
use num_bigint::BigInt;
use num_rational::BigRational;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TreeFile {
    #[expect(dead_code, reason = "documentation for readers of the file")]
    description: String,
    trees: Vec<TreeVector>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TreeVector {
    name: String,
    #[serde(default)]
    #[expect(dead_code, reason = "documentation for readers of the file")]
    description: Option<String>,
    #[serde(default)]
    options: Options,
    #[serde(default)]
    quota: QuotaOptions,
    input: serde_json::Value,
    expect: TreeExpect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TreeExpect {
    levels: BTreeMap<String, Option<String>>,
    rejected: Vec<RejectedExpect>,
    #[serde(default)]
    rules: BTreeMap<String, Vec<String>>,
    /// Rule ids that must not appear among a record's reasons.
    #[serde(default)]
    absent_rules: BTreeMap<String, Vec<String>>,
    /// Finer checks: each entry matches at least one of the record's reasons on every
    /// key it gives (`values`: each named value equal).
    #[serde(default)]
    reasons: BTreeMap<String, Vec<ReasonExpect>>,
    #[serde(default)]
    units: BTreeMap<String, UnitExpect>,
    /// State records: decision name → annual score (exact decimals).
    #[serde(default)]
    scores: BTreeMap<String, serde_json::Value>,
    /// State records: decision name → each period's expected keys, in input order.
    #[serde(default)]
    periods: BTreeMap<String, Vec<serde_json::Map<String, serde_json::Value>>>,
    /// As `units`, over the state records only.
    #[serde(default)]
    state_units: BTreeMap<String, UnitExpect>,
    /// Exactly these state quota reports, in order, compared on the keys given.
    #[serde(default)]
    state_groups: Option<Vec<serde_json::Map<String, serde_json::Value>>>,
}

/// A JSON number or exact string as a rational.
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
    got == wanted
        || matches!((exact(got), exact(wanted)), (Some(a), Some(b)) if a == b && !got.is_boolean())
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ReasonExpect {
    rule: String,
    #[serde(default)]
    holds: Option<bool>,
    #[serde(default)]
    effect: Option<String>,
    #[serde(default)]
    level: Option<String>,
    #[serde(default)]
    values: BTreeMap<String, serde_json::Value>,
}

impl ReasonExpect {
    fn matches(&self, reason: &cadre_eval::ReasonRecord) -> bool {
        reason.rule == self.rule
            && self.holds.is_none_or(|h| h == reason.holds)
            && self.effect.as_ref().is_none_or(|e| {
                serde_json::to_value(reason.effect)
                    .ok()
                    .as_ref()
                    .and_then(|v| v.as_str())
                    == Some(e.as_str())
            })
            && self
                .level
                .as_ref()
                .is_none_or(|l| reason.level.map(|r| r.as_str()) == Some(l.as_str()))
            && self
                .values
                .iter()
                .all(|(key, value)| reason.values.get(key).is_some_and(|got| agrees(got, value)))
    }
}

#[derive(Deserialize, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
struct RejectedExpect {
    id: String,
    code: String,
}

#[derive(Deserialize, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct UnitExpect {
    excellent: u64,
    good: u64,
    completed: u64,
    not_completed: u64,
    not_classified: u64,
    undetermined: u64,
    needs_decision: u64,
    demoted: u64,
}

/// The nested tree as JSON Lines of units, each naming its parent, in reverse order.
fn as_unit_lines(unit: &serde_json::Value, parent: Option<&str>, lines: &mut Vec<String>) {
    let mut flat = unit.as_object().unwrap().clone();
    let children = flat.remove("units");
    if let Some(parent) = parent {
        flat.insert(
            "parent".to_owned(),
            serde_json::Value::String(parent.to_owned()),
        );
    }
    let id = flat["id"].as_str().unwrap().to_owned();
    lines.push(serde_json::Value::Object(flat).to_string());
    for child in children.iter().flat_map(|c| c.as_array().unwrap()) {
        as_unit_lines(child, Some(&id), lines);
    }
}

/// A decision's name: its id, or `<id>@state` for the state half of a pair.
fn name(result: &OrgResult, record: &OrgRecord) -> String {
    let d = &record.decision;
    let paired = d.rating == Rating::State
        && result
            .records
            .iter()
            .any(|r| r.decision.id == d.id && r.decision.rating == Rating::Party);
    if paired {
        format!("{}@state", d.id)
    } else {
        d.id.clone()
    }
}

fn find<'a>(result: &'a OrgResult, wanted: &str) -> Option<&'a OrgRecord> {
    result.records.iter().find(|r| name(result, r) == wanted)
}

fn levels(result: &OrgResult) -> BTreeMap<String, Option<String>> {
    result
        .records
        .iter()
        .map(|r| {
            (
                name(result, r),
                r.decision.level.map(|l| l.as_str().to_owned()),
            )
        })
        .collect()
}

fn check(vector: &TreeVector) -> Vec<String> {
    let mut problems = Vec::new();
    let options = || OrgOptions {
        evaluation: vector.options,
        quota: Some(vector.quota.clone()),
        keep_decisions: true,
        regime: None,
        grades_from_points: None,
    };
    let nested = match evaluate_tree_json(&vector.input.to_string(), options()) {
        Ok(result) => result,
        Err(errors) => return vec![format!("tree rejected as a whole: {errors}")],
    };
    let mut lines = Vec::new();
    as_unit_lines(&vector.input, None, &mut lines);
    let flat = evaluate_unit_lines(&lines.join("\n"), options());
    if levels(&nested) != levels(&flat) {
        problems.push(format!(
            "nested and JSON Lines differ: {:?} vs {:?}",
            levels(&nested),
            levels(&flat)
        ));
    }
    if nested.report.total != flat.report.total {
        problems.push("nested and JSON Lines give different totals".to_owned());
    }
    let got = levels(&nested);
    for (id, want) in &vector.expect.levels {
        match got.get(id) {
            Some(level) if level == want => {}
            Some(level) => problems.push(format!("{id}: level {level:?}, want {want:?}")),
            None if vector.expect.rejected.iter().any(|r| &r.id == id) => {}
            None => problems.push(format!("{id}: no decision (want {want:?})")),
        }
    }
    for id in got.keys() {
        if !vector.expect.levels.contains_key(id) {
            problems.push(format!("{id}: evaluated but not in expect.levels"));
        }
    }
    let mut rejected: Vec<RejectedExpect> = nested
        .report
        .rejected
        .iter()
        .flat_map(|r| {
            r.errors.iter().map(move |e| RejectedExpect {
                id: r.id.clone().or_else(|| r.unit.clone()).unwrap_or_default(),
                code: e.code.to_string(),
            })
        })
        .collect();
    rejected.sort();
    let mut wanted: Vec<&RejectedExpect> = vector.expect.rejected.iter().collect();
    wanted.sort();
    if rejected.iter().collect::<Vec<_>>() != wanted {
        problems.push(format!("rejected: got {rejected:?}, want {wanted:?}"));
    }
    for (id, rules) in &vector.expect.rules {
        let Some(record) = find(&nested, id) else {
            problems.push(format!("{id}: no decision to check rules on"));
            continue;
        };
        let ids: Vec<&str> = record.decision.rule_ids().collect();
        for rule in rules {
            if !ids.contains(&rule.as_str()) {
                problems.push(format!("{id}: rule {rule} missing; reasons: {ids:?}"));
            }
        }
    }
    for (id, rules) in &vector.expect.absent_rules {
        let Some(record) = find(&nested, id) else {
            problems.push(format!("{id}: no decision to check absent rules on"));
            continue;
        };
        for rule in rules {
            if record.decision.rule_ids().any(|r| r == rule) {
                problems.push(format!("{id}: rule {rule} present but must not be"));
            }
        }
    }
    for (id, wanted) in &vector.expect.reasons {
        let Some(record) = find(&nested, id) else {
            problems.push(format!("{id}: no decision to check reasons on"));
            continue;
        };
        let reasons = record.decision.to_record().reasons;
        for want in wanted {
            if !reasons.iter().any(|r| want.matches(r)) {
                let got: Vec<_> = reasons
                    .iter()
                    .filter(|r| r.rule == want.rule)
                    .map(|r| (r.holds, r.effect, r.level, &r.values))
                    .collect();
                problems.push(format!(
                    "{id}: no reason matches {want:?}; reasons of that rule: {got:?}"
                ));
            }
        }
    }
    if nested.report.state_units != flat.report.state_units
        || nested.report.state_groups != flat.report.state_groups
    {
        problems.push("nested and JSON Lines give different state statistics".to_owned());
    }
    for (id, want) in &vector.expect.scores {
        let Some(record) = find(&nested, id) else {
            problems.push(format!("{id}: no decision to check the score on"));
            continue;
        };
        let got = record
            .decision
            .to_record()
            .score
            .map(serde_json::Value::Number);
        let same = match &got {
            Some(g) => agrees(g, want),
            None => want.is_null(),
        };
        if !same {
            problems.push(format!("{id}: score {got:?}, want {want}"));
        }
    }
    for (id, wanted) in &vector.expect.periods {
        let Some(record) = find(&nested, id) else {
            problems.push(format!("{id}: no decision to check periods on"));
            continue;
        };
        let got: Vec<serde_json::Value> = record
            .decision
            .to_record()
            .state
            .map(|s| {
                s.periods
                    .iter()
                    .map(|p| serde_json::to_value(p).unwrap())
                    .collect()
            })
            .unwrap_or_default();
        if got.len() != wanted.len() {
            problems.push(format!(
                "{id}: {} periods, want {}",
                got.len(),
                wanted.len()
            ));
        }
        for (index, (g, w)) in got.iter().zip(wanted).enumerate() {
            for (key, value) in w {
                let have = g.get(key).cloned().unwrap_or(serde_json::Value::Null);
                if !agrees(&have, value) {
                    problems.push(format!(
                        "{id}: periods[{index}].{key}: got {have}, want {value}"
                    ));
                }
            }
        }
    }
    if let Some(wanted) = &vector.expect.state_groups {
        let got: Vec<serde_json::Value> = nested
            .report
            .state_groups
            .iter()
            .map(|g| serde_json::to_value(&g.quota).unwrap())
            .collect();
        if got.len() != wanted.len() {
            problems.push(format!(
                "state_groups: {} reports, want {}: {got:?}",
                got.len(),
                wanted.len()
            ));
        }
        for (index, (g, w)) in got.iter().zip(wanted).enumerate() {
            for (key, value) in w {
                let have = g.get(key).cloned().unwrap_or(serde_json::Value::Null);
                if !agrees(&have, value) {
                    problems.push(format!(
                        "state_groups[{index}].{key}: got {have}, want {value}"
                    ));
                }
            }
        }
    }
    for (unit, want) in &vector.expect.state_units {
        let Some(report) = nested.report.state_units.iter().find(|u| &u.id == unit) else {
            problems.push(format!("unit {unit} missing from the state report"));
            continue;
        };
        let s = &report.subtree;
        let got = UnitExpect {
            excellent: s.excellent,
            good: s.good,
            completed: s.completed,
            not_completed: s.not_completed,
            not_classified: s.not_classified,
            undetermined: s.undetermined,
            needs_decision: s.needs_decision,
            demoted: s.quota_demoted,
        };
        if &got != want {
            problems.push(format!("state unit {unit}: got {got:?}, want {want:?}"));
        }
    }
    for (unit, want) in &vector.expect.units {
        let Some(report) = nested.report.units.iter().find(|u| &u.id == unit) else {
            problems.push(format!("unit {unit} missing from the report"));
            continue;
        };
        let s = &report.subtree;
        let got = UnitExpect {
            excellent: s.excellent,
            good: s.good,
            completed: s.completed,
            not_completed: s.not_completed,
            not_classified: s.not_classified,
            undetermined: s.undetermined,
            needs_decision: s.needs_decision,
            demoted: s.quota_demoted,
        };
        if &got != want {
            problems.push(format!("unit {unit}: got {got:?}, want {want:?}"));
        }
    }
    problems
}

#[test]
fn every_tree_vector_gives_its_expected_result_nested_and_as_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files: Vec<_> = ["vectors/org", "vectors/state/org"]
        .into_iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap())
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut count = 0;
    let mut failures = Vec::new();
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "json"))
    {
        let parsed: TreeFile = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for vector in &parsed.trees {
            count += 1;
            for problem in check(vector) {
                failures.push(format!(
                    "{} / {}: {problem}",
                    file.file_name().unwrap().to_string_lossy(),
                    vector.name
                ));
            }
        }
    }
    println!("{count} tree vectors checked");
    assert!(count >= 16, "expected the tree vectors, found {count}");
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The example đảng bộ evaluates with nothing rejected, the same nested and as lines.
#[test]
fn the_example_dang_bo_evaluates_cleanly() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/dang-bo-xa-2025.json");
    let text = std::fs::read_to_string(path).unwrap();
    let result = evaluate_tree_json(&text, OrgOptions::default()).unwrap();
    assert!(
        result.report.rejected.is_empty(),
        "{:?}",
        result.report.rejected
    );
    assert!(
        result.report.total.records >= 55,
        "about 60 people: {}",
        result.report.total.records
    );
    assert!(result.report.total.quota_demoted > 0, "the quota bites");
    assert!(
        result.report.groups.iter().any(|g| g.quota.tied_at_cut > 0),
        "a tie at the cut"
    );
    let mut lines = Vec::new();
    as_unit_lines(&serde_json::from_str(&text).unwrap(), None, &mut lines);
    let flat = evaluate_unit_lines(&lines.join("\n"), OrgOptions::default());
    assert_eq!(levels(&result), levels(&flat));
    assert_eq!(result.report.units, flat.report.units);
    // Without kept decisions (the national mode) the report is the same, demotions'
    // ranks and ties included.
    let lean = evaluate_tree_json(
        &text,
        OrgOptions {
            keep_decisions: false,
            ..OrgOptions::default()
        },
    )
    .unwrap();
    assert_eq!(lean.report, result.report);
    assert!(lean
        .report
        .units
        .iter()
        .flat_map(|u| &u.demotions)
        .any(|d| d.rank > 0 && d.tied_at_cut));
    lines.reverse();
    let reversed = evaluate_unit_lines(&lines.join("\n"), OrgOptions::default());
    assert_eq!(levels(&result), levels(&reversed));
    assert_eq!(result.report.total, reversed.report.total);
    assert_eq!(result.report.groups, reversed.report.groups);
}

/// The trees holding state records: the state vectors and the 2026 ministry example.
fn state_trees() -> Vec<serde_json::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join("vectors/state/org/trees.json")).unwrap();
    let parsed: TreeFile = serde_json::from_str(&text).unwrap();
    let mut trees: Vec<serde_json::Value> = parsed.trees.into_iter().map(|v| v.input).collect();
    let example =
        std::fs::read_to_string(root.join("examples/vu-ke-hoach-tai-chinh-2026.json")).unwrap();
    trees.push(serde_json::from_str(&example).unwrap());
    trees
}

/// What a tree's state side gives, independent of the order units came in: each
/// decision (by name), the state figures per unit and per group, and the rejections.
fn state_outcome(result: &OrgResult) -> Vec<Vec<String>> {
    let sorted = |mut items: Vec<String>| {
        items.sort();
        items
    };
    let report = &result.report;
    vec![
        sorted(
            result
                .records
                .iter()
                .map(|r| format!("{} {:?}", name(result, r), r.decision.to_record()))
                .collect(),
        ),
        sorted(
            report
                .state_units
                .iter()
                .map(|u| format!("{u:?}"))
                .collect(),
        ),
        sorted(
            report
                .state_groups
                .iter()
                .map(|g| format!("{g:?}"))
                .collect(),
        ),
        sorted(
            report
                .rejected
                .iter()
                .map(|r| format!("{:?} {:?} {:?}", r.unit, r.id, r.errors))
                .collect(),
        ),
    ]
}

mod state_order {
    use super::*;
    use proptest::prelude::*;

    /// One of the state trees as unit lines, a permutation of them, and a seed that
    /// shuffles the records within each unit.
    fn shuffled_tree() -> impl Strategy<Value = (Vec<String>, Vec<usize>, u64)> {
        let trees: Vec<Vec<String>> = state_trees()
            .iter()
            .map(|tree| {
                let mut lines = Vec::new();
                as_unit_lines(tree, None, &mut lines);
                lines
            })
            .collect();
        proptest::sample::select(trees).prop_flat_map(|lines| {
            let order: Vec<usize> = (0..lines.len()).collect();
            (Just(lines), Just(order).prop_shuffle(), any::<u64>())
        })
    }

    /// A unit line with its `members` and `leaders` each in an order drawn from `seed`
    /// (Fisher–Yates over SplitMix64).
    fn shuffle_records(line: &str, seed: &mut u64) -> String {
        let mut unit: serde_json::Value = serde_json::from_str(line).unwrap();
        for slot in ["members", "leaders"] {
            let Some(records) = unit.get_mut(slot).and_then(|v| v.as_array_mut()) else {
                continue;
            };
            for i in (1..records.len()).rev() {
                *seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
                let mut z = *seed;
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                z ^= z >> 31;
                let j = usize::try_from(z % (i as u64 + 1)).unwrap();
                records.swap(i, j);
            }
        }
        unit.to_string()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// A tree's state results (decisions, `d` derived from the staff, the state
        /// quota, `state_units`, `state_groups`) and its pairs' party results do not
        /// depend on the order of its units nor of the records within a unit: a party
        /// record before its state record is linked as one after it.
        #[test]
        fn results_do_not_depend_on_unit_or_record_order((lines, order, seed) in shuffled_tree()) {
            let options = || OrgOptions { keep_decisions: true, ..OrgOptions::default() };
            let in_order = evaluate_unit_lines(&lines.join("\n"), options());
            let mut seed = seed;
            let shuffled: Vec<String> =
                order.iter().map(|&i| shuffle_records(&lines[i], &mut seed)).collect();
            let shuffled = evaluate_unit_lines(&shuffled.join("\n"), options());
            prop_assert!(!in_order.report.state_units.is_empty());
            prop_assert_eq!(state_outcome(&in_order), state_outcome(&shuffled));
            prop_assert_eq!(&in_order.report.total, &shuffled.report.total);
        }
    }
}

/// `d` derived from the staff equals `d` given when the given count agrees with the
/// tree: writing the derived `staff_not_completed` into the leader's periods changes
/// neither its level, nor its score, nor its periods, and raises no conflict.
#[test]
fn d_derived_equals_d_given_when_consistent() {
    let mut checked = 0;
    for tree in state_trees() {
        let options = || OrgOptions {
            keep_decisions: true,
            ..OrgOptions::default()
        };
        let derived = evaluate_tree_json(&tree.to_string(), options()).unwrap();
        // Each leader whose `d` was read from the tree: the staff count per period.
        let mut given = tree.clone();
        let mut leaders = Vec::new();
        for record in &derived.records {
            let d = &record.decision;
            if d.rating != Rating::State {
                continue;
            }
            let reasons = d.to_record().reasons;
            let counts: Vec<(serde_json::Value, serde_json::Value)> = reasons
                .iter()
                .filter(|r| r.rule == "nd335.15.3.a")
                .filter_map(|r| {
                    let month = r.values.get("month").or_else(|| r.values.get("quarter"))?;
                    Some((month.clone(), r.values.get("staff_not_completed")?.clone()))
                })
                .collect();
            if counts.is_empty() || !reasons.iter().any(|r| r.rule == "state.derived") {
                continue;
            }
            if write_staff_counts(&mut given, &d.id, &counts) {
                leaders.push(name(&derived, record));
            }
        }
        if leaders.is_empty() {
            continue;
        }
        let with_given = evaluate_tree_json(&given.to_string(), options()).unwrap();
        assert_eq!(
            with_given.report.rejected.len(),
            derived.report.rejected.len(),
            "{:?}",
            with_given.report.rejected
        );
        for leader in &leaders {
            let a = find(&derived, leader).unwrap().decision.to_record();
            let b = find(&with_given, leader).unwrap().decision.to_record();
            assert_eq!(a.level, b.level, "{leader}");
            assert_eq!(a.score, b.score, "{leader}");
            assert_eq!(
                a.state.map(|s| s.periods),
                b.state.map(|s| s.periods),
                "{leader}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 2, "leaders with d derived: {checked}");
}

/// Writes `unit.staff_not_completed` into each period (by `month` or `quarter`) of the
/// state leader record `id` anywhere in `tree`; whether the record was found.
fn write_staff_counts(
    tree: &mut serde_json::Value,
    id: &str,
    counts: &[(serde_json::Value, serde_json::Value)],
) -> bool {
    let mut found = false;
    if let Some(leaders) = tree.get_mut("leaders").and_then(|l| l.as_array_mut()) {
        for leader in leaders {
            if leader["id"] != id || leader["rating"] != "state" {
                continue;
            }
            for period in leader["periods"].as_array_mut().into_iter().flatten() {
                let key = period
                    .get("month")
                    .or_else(|| period.get("quarter"))
                    .cloned();
                let Some((_, count)) = counts.iter().find(|(k, _)| Some(k) == key.as_ref()) else {
                    continue;
                };
                let unit = period
                    .as_object_mut()
                    .unwrap()
                    .entry("unit")
                    .or_insert_with(|| serde_json::json!({}));
                unit["staff_not_completed"] = count.clone();
            }
            found = true;
        }
    }
    for child in tree
        .get_mut("units")
        .and_then(|u| u.as_array_mut())
        .into_iter()
        .flatten()
    {
        found |= write_staff_counts(child, id, counts);
    }
    found
}
