//! Properties of the regimes that grade criteria (QĐ 124, QĐ 132) and of the comparison:
//! better grades never lower a level, caps and discipline never raise one, and a
//! comparison reads each regime's own fields exactly as an evaluation under that regime
//! does.

#![cfg(test)]

use cadre_eval::{
    compare, decode_assessment, evaluate, Assessment, CompareOptions, Level, Options, Outcome,
};
use proptest::prelude::*;
use serde_json::{json, Value};

const GRADES: [&str; 4] = ["poor", "average", "good", "excellent"];
const LEVELS: [&str; 4] = ["not_completed", "completed", "good", "excellent"];

/// Who is assessed, and under which regime (by the period's year).
fn any_subject() -> impl Strategy<Value = (Value, i32)> {
    let subject = prop_oneof![
        Just(json!({"kind": "member", "admitted_on": "2010-01-01"})),
        Just(json!({"kind": "leader", "admitted_on": "2004-01-01"})),
        Just(json!({"kind": "collective", "collective_kind": "leadership"})),
        Just(json!({"kind": "collective", "collective_kind": "party_organisation"})),
        Just(json!({"kind": "collective", "collective_kind": "agency"})),
    ];
    (subject, prop_oneof![Just(2021), Just(2022), Just(2024)])
}

#[derive(Debug, Clone)]
struct Parts {
    subject: Value,
    year: i32,
    criteria: Vec<usize>,
    task_results: usize,
    assigned: u32,
    completed: u32,
    exceeded: u32,
    late: u32,
    disciplined: Option<(bool, usize)>,
    sick_tenths: u32,
    civil: Option<usize>,
    cap: Option<usize>,
    main_targets_missed: bool,
    member_levels: [u32; 4],
    bodies_good: Option<bool>,
    self_detected: bool,
}

fn any_parts() -> impl Strategy<Value = Parts> {
    (
        any_subject(),
        proptest::collection::vec(0..4usize, 1..5),
        0..4usize,
        (1..20u32, 0..=100u32, 0..=100u32, 0..=100u32),
        proptest::option::of((any::<bool>(), 0..4usize)),
        0..60u32,
        proptest::option::of(0..4usize),
        proptest::option::of(0..4usize),
        any::<bool>(),
        proptest::array::uniform4(0..6u32),
        proptest::option::of(any::<bool>()),
        any::<bool>(),
    )
        .prop_map(
            |(
                (subject, year),
                criteria,
                task_results,
                (assigned, completed_pct, exceeded_pct, late_pct),
                disciplined,
                sick_tenths,
                civil,
                cap,
                main_targets_missed,
                member_levels,
                bodies_good,
                self_detected,
            )| {
                let completed = assigned * completed_pct / 100;
                Parts {
                    subject,
                    year,
                    criteria,
                    task_results,
                    assigned,
                    completed,
                    exceeded: completed * exceeded_pct / 100,
                    late: completed * late_pct / 100,
                    disciplined,
                    sick_tenths,
                    civil,
                    cap,
                    main_targets_missed,
                    member_levels,
                    bodies_good,
                    self_detected,
                }
            },
        )
}

/// The record, with only the fields its subject and regime take.
fn build(p: &Parts) -> Value {
    let kind = p.subject["kind"].as_str().unwrap();
    let collective_kind = p.subject["collective_kind"].as_str();
    let qd132 = p.year < 2023;
    let individual = kind != "collective";
    let criteria: serde_json::Map<String, Value> = p
        .criteria
        .iter()
        .enumerate()
        .map(|(i, g)| (format!("c{i}"), json!(GRADES[*g])))
        .collect();
    let mut record = json!({
        "id": "x",
        "period": {"year": p.year},
        "subject": p.subject,
        "grades": {"criteria": criteria, "task_results": GRADES[p.task_results]},
        "tasks": {
            "assigned": p.assigned,
            "completed": p.completed,
            "on_time": p.completed - p.late,
            "exceeded": p.exceeded,
        },
    });
    if let Some((about_member, form)) = p.disciplined {
        let forms = ["reprimand", "warning", "removal", "expulsion"];
        let mut entry = json!({"form": forms[form], "decided_on": format!("{}-06-01", p.year)});
        if !individual {
            entry["form"] = json!(["reprimand", "warning"][form % 2]);
            if about_member {
                entry["member_id"] = json!("m1");
            }
        }
        record["discipline"] = json!([entry]);
    }
    if individual && p.sick_tenths > 0 {
        record["leave"] = json!({"sick_months": f64::from(p.sick_tenths) / 10.0});
    }
    if p.self_detected {
        record["mitigation"] = json!({"self_detected_and_remedied": true});
    }
    if individual && qd132 {
        if let Some(civil) = p.civil {
            record["civil_service_level"] = json!(LEVELS[civil]);
        }
        if kind == "leader" {
            if let Some(cap) = p.cap {
                record["leader"] = json!({"headed_level": LEVELS[cap]});
            }
        }
    }
    if !individual {
        let mut collective = serde_json::Map::new();
        if collective_kind == Some("leadership") || qd132 {
            collective.insert("main_targets_missed".into(), json!(p.main_targets_missed));
        }
        if qd132 && collective_kind == Some("party_organisation") {
            let [e, g, c, n] = p.member_levels;
            collective.insert(
                "member_levels".into(),
                json!({"excellent": e, "good": g, "completed": c, "not_completed": n}),
            );
            if let Some(good) = p.bodies_good {
                collective.insert("same_level_bodies_good".into(), json!(good));
            }
        }
        if qd132 && collective_kind == Some("leadership") {
            if let Some(cap) = p.cap {
                collective.insert("organisation_level".into(), json!(LEVELS[cap]));
            }
        }
        record["collective"] = Value::Object(collective);
    }
    record
}

fn assessment(record: &Value) -> Assessment {
    decode_assessment(&record.to_string()).unwrap()
}

fn level(record: &Value) -> (Outcome, Option<Level>) {
    let decision = evaluate(&assessment(record), &Options::default())
        .map_err(|e| format!("{record}: {e}"))
        .unwrap();
    (decision.outcome, decision.level)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Every generated record is valid and classified under the regime of its year.
    #[test]
    fn every_record_is_classified_under_its_regime(p in any_parts()) {
        let record = build(&p);
        let decision = evaluate(&assessment(&record), &Options::default()).unwrap();
        prop_assert_eq!(decision.outcome, Outcome::Classified);
        let expected = if p.year < 2023 { "qd132" } else { "qd124" };
        prop_assert_eq!(decision.regime.as_str(), expected);
        let record_out = decision.to_record();
        prop_assert!(record_out.reasons.iter().all(|r| r.rule.starts_with(expected)));
    }

    /// Raising any one grade never lowers the level.
    #[test]
    fn a_better_grade_never_lowers_the_level(p in any_parts(), which in 0..5usize) {
        let before = level(&build(&p));
        let mut better = p.clone();
        if which < better.criteria.len() {
            better.criteria[which] = (better.criteria[which] + 1).min(3);
        } else {
            better.task_results = (better.task_results + 1).min(3);
        }
        let after = level(&build(&better));
        prop_assert!(after.1 >= before.1, "{:?} → {:?}", before, after);
    }

    /// A cap (head, leadership collective) or sick leave never raises the level.
    #[test]
    fn caps_never_raise_the_level(p in any_parts()) {
        let capped = level(&build(&p));
        let mut free = p.clone();
        free.cap = None;
        free.sick_tenths = 0;
        let uncapped = level(&build(&free));
        prop_assert!(capped.1 <= uncapped.1, "{:?} > {:?}", capped, uncapped);
    }

    /// A counted discipline record never raises the level.
    #[test]
    fn discipline_never_raises_the_level(p in any_parts()) {
        let with = level(&build(&p));
        let mut clean = p.clone();
        clean.disciplined = None;
        let without = level(&build(&clean));
        prop_assert!(with.1 <= without.1, "{:?} > {:?}", with, without);
    }

    /// A collective's own discipline never raises the level; it is a Not-completed ground
    /// in both regimes, with no self-detection exception (QĐ 124: the exception attaches
    /// to subordinate units' and members' discipline only, ruling of 7/12/2026).
    #[test]
    fn a_collectives_own_discipline_never_raises_the_level(p in any_parts(), form in 0..2usize) {
        prop_assume!(p.subject["kind"] == "collective");
        let mut own = p.clone();
        own.disciplined = Some((false, form));
        let mut clean = p.clone();
        clean.disciplined = None;
        let (with, without) = (level(&build(&own)), level(&build(&clean)));
        prop_assert!(with.1 <= without.1, "{:?} > {:?}", with, without);
        prop_assert_eq!(with.1, Some(Level::NotCompleted));
    }

    /// Claiming a mitigation (self-detected and remedied, force majeure, or both) never
    /// lowers the level.
    #[test]
    fn a_mitigation_never_lowers_the_level(p in any_parts(), claim in 1u8..4) {
        let mut unclaimed = p.clone();
        unclaimed.self_detected = false;
        let without = build(&unclaimed);
        let mut with = without.clone();
        with["mitigation"] = json!({
            "self_detected_and_remedied": claim & 1 != 0,
            "force_majeure": claim & 2 != 0,
        });
        let (claimed, plain) = (level(&with), level(&without));
        prop_assert!(claimed.1 >= plain.1, "{:?} < {:?}", claimed, plain);
    }

    /// A comparison evaluates each regime exactly as a record written for it: QĐ 366
    /// points beside the grades change nothing under QĐ 124 or QĐ 132.
    #[test]
    fn comparison_reads_each_regimes_own_fields(p in any_parts(), general in 0..=30u32, task in 0..=70u32) {
        let record = build(&p);
        let mut with_points = record.clone();
        with_points["score"] = json!({"general": general, "task_results": task});
        let comparison = compare(&assessment(&with_points), &CompareOptions::default());
        let own = level(&record);
        let index = if p.year < 2023 { 2 } else { 1 };
        prop_assert_eq!(comparison.levels[index], own.1);
        let decision = comparison.results[index].decision.as_ref().unwrap();
        prop_assert_eq!(decision.outcome, own.0);
    }
}

/// A record written for one regime, evaluated as written, rejects the other regime's
/// fields with their paths.
#[test]
fn the_other_regimes_fields_are_rejected_with_their_paths() {
    let record = json!({
        "id": "x", "period": {"year": 2024},
        "subject": {"kind": "member", "admitted_on": "2010-01-01"},
        "grades": {"criteria": {"a": "good"}, "task_results": "good"},
        "score": {"general": 20, "task_results": 50},
        "civil_service_level": "good",
        "tasks": {"assigned": 1, "completed": 1, "on_time": 1, "exceeded": 0}
    });
    let errors = evaluate(&assessment(&record), &Options::default()).unwrap_err();
    let found: Vec<(&str, &str)> = errors
        .errors()
        .iter()
        .map(|e| (e.code.as_str(), e.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("regime_field_mismatch", "/score"),
            ("regime_field_mismatch", "/civil_service_level")
        ]
    );
}
