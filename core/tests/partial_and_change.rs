//! Properties of partial evaluation and "what would change the result":
//! - every suggested change, applied to the assessment, reaches the stated level;
//! - a field reported as unable to change the result never does, whatever the answers;
//! - the result of any completion lies among the reachable results, between the lowest
//!   and the highest level.

#![cfg(test)]

use cadre_eval::{
    evaluate_json, evaluate_partial_json, evaluate_text, validate, what_would_change, Level,
    Options, Outcome, Reachable, Reading,
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// A valid assessment (as JSON) of a member, a leader or a leadership collective.
fn assessment() -> impl Strategy<Value = Value> {
    (
        0u8..3,
        (0u32..=3000, 0u32..=7000),
        (0u32..=20, 0u32..=20, 0u32..=20, 0u32..=20, 0u32..=20),
        (0u32..=3, 0u32..=3),
        (any::<bool>(), any::<bool>(), any::<bool>()),
    )
        .prop_map(|(kind, (g, r), (n, c, o, x, f), (identified, fixed), (degraded, disciplined, breach))| {
            let n = n.max(1);
            let c = c.min(n);
            let o = o.min(c);
            let x = x.min(c);
            let f = f.min(n - c);
            let subject = match kind {
                0 => json!({"kind": "member"}),
                1 => json!({"kind": "leader"}),
                _ => json!({"kind": "collective", "collective_kind": "leadership"}),
            };
            let mut record = json!({
                "id": "p-1",
                "period": {"year": 2025},
                "subject": subject,
                "score": {"general": f64::from(g) / 100.0, "task_results": f64::from(r) / 100.0},
                "tasks": {"assigned": n, "completed": c, "on_time": o, "exceeded": x, "not_completed": f},
                "shortcomings": {"identified": identified, "fixed": fixed.min(identified)}
            });
            if kind == 0 && breach {
                record["conclusions"] = json!({"prohibition_breach": true});
            }
            if kind != 2 && degraded {
                record["conclusions"] = json!({"degradation": true});
            }
            if disciplined && kind != 2 {
                record["discipline"] = json!([{"form": "reprimand", "decided_on": "2025-05-01"}]);
            }
            record
        })
}

fn set_path(record: &mut Value, path: &str, value: Value) {
    let mut at = record;
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            at[*part] = value;
            return;
        }
        at = &mut at[*part];
    }
}

fn level_of(json: &Value, options: &Options) -> (Outcome, Option<Level>) {
    let d = evaluate_json(&json.to_string(), options).unwrap();
    (d.outcome, d.level)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every change offered, applied, reaches the stated level; a level offered as
    /// unreachable is never reached by the changes the person influences (checked on
    /// the best such change: all tasks done, on time, 100% exceeded, full points).
    #[test]
    fn suggested_changes_reach_their_level(record in assessment(), strict in any::<bool>()) {
        let options = Options { reading: if strict { Reading::Strict } else { Reading::Cascade }, ..Options::default() };
        let a = cadre_eval::decode_assessment(&record.to_string()).unwrap();
        let valid = validate(&a).unwrap();
        let decision = cadre_eval::evaluate_valid(&valid, &options).unwrap();
        let paths = what_would_change(&valid, &decision, &options);
        for path in &paths {
            prop_assert!(decision.outcome != Outcome::Classified || Some(path.level) > decision.level);
            if path.reachable {
                prop_assert!(!path.changes.is_empty() || decision.outcome != Outcome::Classified);
                let mut changed = record.clone();
                for change in &path.changes {
                    if let Some(now) = record.pointer(&change.path) {
                        prop_assert_eq!(now.as_f64(), change.from.as_f64(), "from at {}", change.path);
                    }
                    set_path(&mut changed, &change.path, change.to.clone());
                    prop_assert!(!change.message.vi.is_empty() && !change.message.en.is_empty());
                    prop_assert!(cadre_eval::Rule::from_id(&change.rule).is_some());
                }
                let (outcome, level) = level_of(&changed, &options);
                prop_assert_eq!(outcome, Outcome::Classified);
                prop_assert!(level >= Some(path.level), "{:?} after {:?}, wanted {:?}", level, path.changes, path.level);
            } else {
                prop_assert!(!path.blockers.is_empty());
                let n = record["tasks"]["assigned"].clone();
                let mut best = record.clone();
                best["score"] = json!({"general": 30, "task_results": 70});
                best["tasks"] = json!({"assigned": n, "completed": n, "on_time": n, "exceeded": n, "not_completed": 0});
                if let Some(identified) = record["shortcomings"]["identified"].as_u64() {
                    best["shortcomings"]["fixed"] = json!(identified);
                }
                let (_, level) = level_of(&best, &options);
                prop_assert!(level < Some(path.level), "{:?} reached {:?} with the best changes", path.level, level);
            }
        }
    }

    /// Blank some answers; every completion lands among the reachable results, and a
    /// field said not to matter never changes the result of a completion.
    #[test]
    fn unanswered_fields_said_not_to_matter_never_do(
        record in assessment(),
        blanks in proptest::collection::vec(0usize..8, 1..4),
        fills in proptest::collection::vec((0u32..=7000, 0u32..=20), 8),
        alternative in (0u32..=7000, 0u32..=20),
    ) {
        let options = Options::default();
        let fields = ["/score/general", "/score/task_results", "/tasks/assigned", "/tasks/completed", "/tasks/on_time", "/tasks/exceeded", "/shortcomings", "/conclusions/degradation"];
        let mut partial = record.clone();
        let mut marked = Vec::new();
        let mut blanked: Vec<&str> = Vec::new();
        for &i in &blanks {
            let path = fields[i];
            if blanked.contains(&path) { continue; }
            blanked.push(path);
            match path {
                "/shortcomings" | "/conclusions/degradation" => marked.push(path),
                _ => {
                    let (parent, key) = path.rsplit_once('/').unwrap();
                    if let Some(object) = partial.pointer_mut(parent).and_then(Value::as_object_mut) {
                        object.remove(key);
                    }
                }
            }
        }
        if !marked.is_empty() {
            partial["unanswered"] = json!(marked);
        }
        let Ok(result) = evaluate_partial_json(&partial.to_string(), &options) else {
            // A blank that makes the rest inconsistent (e.g. on_time known, completed blank
            // but assigned smaller) is an input error, not a property failure.
            return Ok(());
        };
        prop_assert!(!result.complete);
        // A completion: fill the blanks with values that keep the record valid.
        let complete = |seed: &[(u32, u32)], override_field: Option<(&str, (u32, u32))>| -> Option<Value> {
            let mut filled = partial.clone();
            if let Some(object) = filled.as_object_mut() { object.remove("unanswered"); }
            for (k, path) in blanked.iter().enumerate() {
                let (points, count) = match override_field {
                    Some((p, v)) if p == *path => v,
                    _ => seed[k],
                };
                match *path {
                    "/score/general" => set_path(&mut filled, path, json!(f64::from(points % 3001) / 100.0)),
                    "/score/task_results" => set_path(&mut filled, path, json!(f64::from(points) / 100.0)),
                    "/shortcomings" => filled["shortcomings"] = json!({"identified": 1, "fixed": count % 2}),
                    "/conclusions/degradation" => {
                        if record["subject"]["kind"] != "collective" {
                            filled["conclusions"]["degradation"] = json!(count % 2 == 1);
                        }
                    }
                    _ => set_path(&mut filled, path, json!(count)),
                }
            }
            evaluate_text(&filled.to_string(), &options).ok().map(|_| filled)
        };
        let Some(filled) = complete(&fills, None) else { return Ok(()); };
        let (outcome, level) = level_of(&filled, &options);
        prop_assert!(result.reachable.contains(&Reachable { outcome, level }), "{:?}/{:?} not in {:?}", outcome, level, result.reachable);
        if outcome == Outcome::Classified {
            prop_assert!(result.lowest <= level && level <= result.highest);
        }
        for field in result.unanswered.iter().filter(|f| !f.can_change) {
            let Some(other) = complete(&fills, Some((field.path.as_str(), alternative))) else { continue };
            prop_assert_eq!(level_of(&other, &options), (outcome, level), "{} said not to matter", field.path);
        }
    }
}

#[test]
fn what_would_change_speaks_in_values() {
    let json = r#"{"id":"dv","period":{"year":2025},"subject":{"kind":"member"},
        "score":{"general":27.5,"task_results":60},"tasks":{"assigned":10,"completed":10,"on_time":10,"exceeded":2},
        "shortcomings":{"identified":1,"fixed":0}}"#;
    let valid = validate(&cadre_eval::decode_assessment(json).unwrap()).unwrap();
    let decision = cadre_eval::evaluate_valid(&valid, &Options::default()).unwrap();
    assert_eq!(decision.level, Some(Level::Good));
    let paths = what_would_change(&valid, &decision, &Options::default());
    assert_eq!(paths.len(), 1);
    let messages: Vec<&str> = paths[0]
        .changes
        .iter()
        .map(|c| c.message.en.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "1 more task completed above requirement: 3 of 10 is 30%",
            "fix the 1 remaining shortcoming",
            "2.5 more points (task results), 90 in total"
        ]
    );
}

#[test]
fn not_reachable_this_period_when_disciplined() {
    let json = r#"{"id":"dv","period":{"year":2025},"subject":{"kind":"member"},
        "score":{"general":27.5,"task_results":60},"tasks":{"assigned":10,"completed":10,"on_time":10,"exceeded":2},
        "discipline":[{"form":"warning","decided_on":"2025-03-01"}]}"#;
    let valid = validate(&cadre_eval::decode_assessment(json).unwrap()).unwrap();
    let decision = cadre_eval::evaluate_valid(&valid, &Options::default()).unwrap();
    let paths = what_would_change(&valid, &decision, &Options::default());
    // Reported once: the levels above Completed are held back by the same trigger.
    assert_eq!(paths.len(), 1);
    for path in paths {
        assert!(!path.reachable);
        assert_eq!(path.blockers[0].rule, "qd366.11.4.N.conduct");
        assert!(
            path.blockers[0]
                .message
                .en
                .starts_with("Not reachable this period: "),
            "{}",
            path.blockers[0].message.en
        );
    }
}

#[test]
fn partial_reports_what_still_matters() {
    // Points and exceeded unanswered; all tasks on time.
    let json = r#"{"id":"dv","period":{"year":2025},"subject":{"kind":"member"},
        "score":{"general":28},"tasks":{"assigned":10,"completed":10,"on_time":10},
        "unanswered":["/conclusions/degradation"]}"#;
    let result = evaluate_partial_json(json, &Options::default()).unwrap();
    assert_eq!(result.lowest, Some(Level::NotCompleted));
    assert_eq!(result.highest, Some(Level::Excellent));
    let influence: Vec<(&str, bool)> = result
        .unanswered
        .iter()
        .map(|f| (f.path.as_str(), f.can_change))
        .collect();
    assert_eq!(
        influence,
        [
            ("/score/task_results", true),
            ("/tasks/exceeded", true),
            ("/conclusions/degradation", true)
        ]
    );

    // With 60 points of task results, only Excellent depends on `exceeded`: still matters.
    // With 30 points, Excellent is out of reach, so `exceeded` no longer matters.
    let json = r#"{"id":"dv","period":{"year":2025},"subject":{"kind":"member"},
        "score":{"general":28,"task_results":30},"tasks":{"assigned":10,"completed":10,"on_time":10}}"#;
    let result = evaluate_partial_json(json, &Options::default()).unwrap();
    assert_eq!(
        (result.lowest, result.highest),
        (Some(Level::Completed), Some(Level::Completed))
    );
    assert_eq!(result.unanswered[0].path, "/tasks/exceeded");
    assert!(!result.unanswered[0].can_change);

    // Nothing unanswered: the decision itself.
    let json = r#"{"id":"dv","period":{"year":2025},"subject":{"kind":"member"},
        "score":{"general":28,"task_results":30},"tasks":{"assigned":10,"completed":10,"on_time":10,"exceeded":0}}"#;
    let result = evaluate_partial_json(json, &Options::default()).unwrap();
    assert!(result.complete && result.decision.is_some());
}
