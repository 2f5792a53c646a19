//! Properties of partial evaluation and "what would change the result" on state records
//! (`nd335`, `nd233`; design §14):
//! - every completion of a record being filled in lands among the reachable results,
//!   between the lowest and the highest level;
//! - a field reported as unable to change the level never does, whatever the answers to
//!   the others;
//! - every change offered, applied, reaches the stated level; a level said out of reach
//!   this period is not reached even by a perfect last period.

#![cfg(test)]

use cadre_eval::{
    evaluate_partial_json, evaluate_text, validate, what_would_change, Level, Options, Outcome,
    Reachable,
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// One period as generated: its kind and its numbers.
#[derive(Debug, Clone)]
struct PeriodSeed {
    kind: u8,
    general: u32,
    task_results: u32,
    products: Vec<(u32, u8, u32, u32)>,
    unit: u8,
}

fn period_seed() -> impl Strategy<Value = PeriodSeed> {
    (
        0u8..5,
        0u32..=3000,
        0u32..=7000,
        proptest::collection::vec((1u32..=5, 0u8..3, 0u32..=3, 0u32..=3), 1..4),
        0u8..3,
    )
        .prop_map(|(kind, general, task_results, products, unit)| PeriodSeed {
            kind,
            general,
            task_results,
            products,
            unit,
        })
}

fn hundredths(value: u32) -> Value {
    json!(f64::from(value) / 100.0)
}

/// A state record being filled in: each period known, open (key only), with its general
/// points open, or scored from products whose `done` may be open (a leader's unit facts
/// may be open too); the degradation conclusion answered, or marked unanswered.
fn partial_record() -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(period_seed(), 1..=12),
        0u8..4,
    )
        .prop_map(|(leader, vien_chuc, seeds, ground)| {
            let periods: Vec<Value> = seeds
                .iter()
                .enumerate()
                .map(|(i, seed)| {
                    let month = i + 1;
                    match seed.kind {
                        0 => json!({"month": month, "general": hundredths(seed.general), "task_results": hundredths(seed.task_results)}),
                        1 => json!({"month": month}),
                        2 => json!({"month": month, "task_results": hundredths(seed.task_results)}),
                        3 => json!({"month": month, "no_work": true}),
                        _ => {
                            let products: Vec<Value> = seed
                                .products
                                .iter()
                                .map(|&(weight, done, failures, delays)| {
                                    let mut product = json!({"weight": weight});
                                    if done < 2 {
                                        product["done"] = json!(done == 1);
                                    }
                                    if done == 1 {
                                        product["quality_failures"] = json!(failures);
                                        product["delays"] = json!(delays);
                                    }
                                    product
                                })
                                .collect();
                            let mut period = json!({"month": month, "general": hundredths(seed.general), "products": products});
                            if leader && seed.unit > 0 {
                                period["unit"] = json!({"staff_not_completed": u32::from(seed.unit == 1), "prolonged_delays": seed.unit == 1, "disunity_complaints": false});
                            }
                            period
                        }
                    }
                })
                .collect();
            let mut record = json!({
                "id": "sp-1",
                "rating": "state",
                "period": {"year": 2026},
                "subject": {"kind": if leader { "leader" } else { "member" }, "employment": if vien_chuc { "vien_chuc" } else { "cong_chuc" }},
                "periods": periods,
            });
            match ground {
                1 => record["unanswered"] = json!(["/conclusions/degradation"]),
                2 => record["conclusions"] = json!({"degradation": true}),
                _ => {}
            }
            record
        })
}

/// One answer to an open field, from a seed.
fn answer(path: &str, seed: (u32, u32)) -> Value {
    let (points, count) = seed;
    if path.ends_with("/general") {
        hundredths(points % 3001)
    } else if path.ends_with("/task_results") {
        hundredths(points % 7001)
    } else if path.ends_with("/done") || path.ends_with("/degradation") {
        json!(count % 2 == 1)
    } else if path.ends_with("/unit") {
        json!({"staff_not_completed": count % 2, "prolonged_delays": count % 3 == 1, "disunity_complaints": count % 5 == 1})
    } else {
        // A period listed with its key only.
        json!({"general": hundredths(points % 3001), "task_results": hundredths((points * 7) % 7001)})
    }
}

/// The record with every open field answered (`seeds` by position; `field` answered
/// with `alternative` instead).
fn complete(
    partial: &Value,
    paths: &[String],
    seeds: &[(u32, u32)],
    field: Option<(&str, (u32, u32))>,
) -> Value {
    let mut filled = partial.clone();
    if let Some(object) = filled.as_object_mut() {
        object.remove("unanswered");
    }
    for (k, path) in paths.iter().enumerate() {
        let seed = match field {
            Some((p, alternative)) if p == path => alternative,
            _ => seeds[k % seeds.len()],
        };
        let value = answer(path, seed);
        let (parent, key) = path.rsplit_once('/').unwrap_or_default();
        if path.starts_with("/periods/") && key.parse::<usize>().is_ok() {
            let period = filled
                .pointer_mut(path)
                .and_then(Value::as_object_mut)
                .unwrap();
            for (k, v) in value.as_object().unwrap() {
                period.insert(k.clone(), v.clone());
            }
        } else if parent == "/conclusions" {
            filled["conclusions"][key] = value;
        } else {
            filled.pointer_mut(parent).unwrap()[key] = value;
        }
    }
    filled
}

fn level_of(record: &Value) -> (Outcome, Option<Level>) {
    let decision = evaluate_text(&record.to_string(), &Options::default()).unwrap();
    (decision.outcome, decision.level)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn state_fields_said_not_to_matter_never_do(
        partial in partial_record(),
        seeds in proptest::collection::vec((0u32..=7000, 0u32..=20), 1..8),
        alternatives in proptest::collection::vec((0u32..=7000, 0u32..=20), 2),
    ) {
        let result = evaluate_partial_json(&partial.to_string(), &Options::default()).unwrap();
        let paths: Vec<String> = result.unanswered.iter().map(|f| f.path.clone()).collect();
        prop_assert_eq!(result.complete, paths.is_empty());
        let filled = complete(&partial, &paths, &seeds, None);
        let (outcome, level) = level_of(&filled);
        if !result.complete {
            prop_assert!(
                result.reachable.contains(&Reachable { outcome, level }),
                "{:?}/{:?} not in {:?}", outcome, level, result.reachable
            );
        }
        if outcome == Outcome::Classified {
            prop_assert!(result.lowest <= level && level <= result.highest, "{:?} outside {:?}..{:?}", level, result.lowest, result.highest);
        }
        for field in result.unanswered.iter().filter(|f| !f.can_change) {
            for &alternative in &alternatives {
                let other = complete(&partial, &paths, &seeds, Some((field.path.as_str(), alternative)));
                prop_assert_eq!(level_of(&other), (outcome, level), "{} said not to matter", field.path);
            }
        }
    }

    #[test]
    fn state_changes_offered_reach_their_level(partial in partial_record(), seeds in proptest::collection::vec((0u32..=7000, 0u32..=20), 1..8)) {
        let result = evaluate_partial_json(&partial.to_string(), &Options::default()).unwrap();
        let paths: Vec<String> = result.unanswered.iter().map(|f| f.path.clone()).collect();
        let record = complete(&partial, &paths, &seeds, None);
        let a = cadre_eval::decode_assessment(&record.to_string()).unwrap();
        let valid = validate(&a).unwrap();
        let options = Options::default();
        let decision = cadre_eval::evaluate_valid(&valid, &options).unwrap();
        let offered = what_would_change(&valid, &decision, &options);
        for path in &offered {
            prop_assert!(Some(path.level) > decision.level || decision.outcome != Outcome::Classified);
            if path.reachable {
                let mut changed = record.clone();
                for change in &path.changes {
                    if let Some(now) = record.pointer(&change.path) {
                        let same = match (now.as_f64(), change.from.as_f64()) {
                            (Some(a), Some(b)) => a == b,
                            _ => now == &change.from,
                        };
                        prop_assert!(same, "from at {}: {} vs {}", change.path, now, change.from);
                    }
                    let (parent, key) = change.path.rsplit_once('/').unwrap();
                    changed.pointer_mut(parent).unwrap()[key] = change.to.clone();
                }
                let (outcome, level) = level_of(&changed);
                prop_assert_eq!(outcome, Outcome::Classified);
                prop_assert!(level >= Some(path.level), "{:?} after {:?}, wanted {:?}", level, path.changes, path.level);
            } else {
                prop_assert!(!path.blockers.is_empty());
            }
        }
    }
}

/// An `nd90` record (2025, a công chức): criteria and consistent task counts.
fn nd90_record() -> impl Strategy<Value = Value> {
    (
        proptest::collection::vec(0u8..3, 4),
        (1u32..=20, 0u32..=20, 0u32..=20, 0u32..=20, 0u32..=20),
    )
        .prop_map(|(grades, (n, c, o, x, p))| {
            let c = c.min(n);
            let o = o.min(c);
            let x = x.min(c);
            let p = p.min(n - o);
            let grade = |g: u8| ["fails", "meets", "good"][usize::from(g)];
            json!({
                "id": "nd90-1",
                "rating": "state",
                "period": {"year": 2025},
                "subject": {"kind": "member", "employment": "cong_chuc"},
                "criteria": {"1": grade(grades[0]), "2": grade(grades[1]), "3": grade(grades[2]), "4": grade(grades[3])},
                "tasks": {"assigned": n, "completed": c, "on_time": o, "exceeded": x, "poor": p}
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// `nd90`: every change of the person's tasks offered reaches its level; a level out
    /// of reach is the last one listed and names its blocker.
    #[test]
    fn nd90_changes_offered_reach_their_level(record in nd90_record()) {
        let a = cadre_eval::decode_assessment(&record.to_string()).unwrap();
        let valid = validate(&a).unwrap();
        let options = Options::default();
        let decision = cadre_eval::evaluate_valid(&valid, &options).unwrap();
        let offered = what_would_change(&valid, &decision, &options);
        for (i, path) in offered.iter().enumerate() {
            if path.reachable {
                let mut changed = record.clone();
                for change in &path.changes {
                    changed.pointer_mut(&change.path).map(|at| *at = change.to.clone()).unwrap();
                }
                let (outcome, level) = level_of(&changed);
                prop_assert_eq!(outcome, Outcome::Classified);
                prop_assert!(level >= Some(path.level), "{:?} after {:?}", level, path.changes);
            } else {
                prop_assert!(!path.blockers.is_empty());
                prop_assert_eq!(i + 1, offered.len(), "a level out of reach is the last listed");
            }
        }
    }
}
