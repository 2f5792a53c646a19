//! Tests of the organisation engine as a whole.

use crate::contract::errors::ErrorCode;
use crate::contract::level::Level;
use crate::contract::limits::MAX_RECORD_BYTES;
use crate::contract::org::{OrgOptions, OrgReport, Stats};
use crate::contract::regime::{RegimeId, RegimeSelection};
use crate::group::org::evaluator::OrgResult;
use crate::group::org::intake::{evaluate_tree_json, evaluate_unit_lines};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Value};
use serde_json::json;
use std::fs::read_to_string;

fn member(id: &str) -> String {
    format!(
        r#"{{"id":"{id}","period":{{"year":2025}},"subject":{{"kind":"member"}},"score":{{"general":25,"task_results":55}},"tasks":{{"assigned":10,"completed":10,"on_time":10,"exceeded":1}}}}"#
    )
}

#[test]
fn every_unknown_unit_field_is_reported_with_its_path() {
    // In the root: nothing can be evaluated.
    let tree = r#"{"id":"u","nmae":"x","units":[{"id":"v","bogus":1}]}"#;
    let errors = evaluate_tree_json(tree, OrgOptions::default())
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    let paths: Vec<(ErrorCode, &str)> = errors.iter().map(|e| (e.code, e.path.as_str())).collect();
    assert_eq!(paths, [(ErrorCode::UnknownField, "/nmae")]);
    // Below it: that unit is rejected, the root evaluated.
    let tree = r#"{"id":"u","units":[{"id":"v","bogus":1}]}"#;
    let result = evaluate_tree_json(tree, OrgOptions::default()).unwrap();
    assert_eq!(
        rejected_paths(&result),
        [(None, vec!["/units/0/bogus".to_owned()])]
    );
    assert_eq!(result.report.rejected[0].unit.as_deref(), Some("v"));
}

/// Issue 16, defect 7: one bad field deep in a nested tree discarded the whole tree.
#[test]
fn a_bad_field_deep_in_a_nested_tree_rejects_that_unit_and_its_subtree_only() {
    let tree = format!(
        r#"{{"id":"root","members":[{}],"units":[{{"id":"a","members":[{}],"units":[{{"id":"b","grassroots":"x","members":[{}],"units":[{{"id":"c"}}]}}]}},{{"id":"d"}}]}}"#,
        member("m1"),
        member("m2"),
        member("m3")
    );
    let result = evaluate_tree_json(&tree, OrgOptions::default()).unwrap();
    let units: Vec<&str> = result.report.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(units, ["root", "a", "d"]);
    assert_eq!(result.records.len(), 2);
    let rejected = &result.report.rejected;
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0].unit.as_deref(), Some("b"));
    assert_eq!(rejected[0].errors[0].path, "/units/0/units/0/grassroots");
    assert_eq!(rejected[0].errors[0].code, ErrorCode::InvalidType);
}

#[test]
fn a_bad_record_is_reported_and_the_rest_evaluated() {
    let tree = format!(
        r#"{{"id":"u","members":[{},{{"id":"bad","period":{{"year":2025}},"subject":{{"kind":"member"}},"scroe":1}}]}}"#,
        member("good")
    );
    let result = evaluate_tree_json(&tree, OrgOptions::default()).unwrap_or_else(|_| OrgResult {
        report: OrgReport {
            units: vec![],
            groups: vec![],
            total: Stats::default(),
            rejected: vec![],
            state_units: vec![],
            state_groups: vec![],
        },
        records: vec![],
    });
    assert_eq!(result.records.len(), 1);
    let rejected = result.report.rejected.first().map(|r| {
        (
            r.id.clone(),
            r.errors.iter().map(|e| e.path.clone()).collect::<Vec<_>>(),
        )
    });
    assert_eq!(
        rejected,
        Some((
            Some("bad".to_owned()),
            vec![
                "/members/1/scroe".to_owned(),
                "/members/1/score".to_owned(),
                "/members/1/tasks".to_owned()
            ]
        ))
    );
}

#[test]
fn a_unit_line_whose_parent_is_missing_is_evaluated_as_a_root() {
    let lines = format!(
        r#"{{"id":"a","parent":"nowhere","members":[{}]}}"#,
        member("m")
    );
    let result = evaluate_unit_lines(&lines, OrgOptions::default());
    assert_eq!(result.records.len(), 1);
    assert_eq!(
        result
            .report
            .rejected
            .first()
            .map(|r| r.errors.first().map(|e| e.path.clone())),
        Some(Some("/parent".to_owned()))
    );
    let nested = r#"{"id":"a","parent":"x","units":[{"id":"b"}]}"#;
    let result = evaluate_unit_lines(nested, OrgOptions::default());
    assert_eq!(
        result
            .report
            .rejected
            .first()
            .and_then(|r| r.errors.first())
            .map(|e| e.code),
        Some(ErrorCode::NotApplicable)
    );
}

fn rejected_paths(result: &OrgResult) -> Vec<(Option<String>, Vec<String>)> {
    result
        .report
        .rejected
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                r.errors.iter().map(|e| e.path.clone()).collect(),
            )
        })
        .collect()
}

#[test]
fn a_record_id_used_twice_in_one_unit_is_rejected() {
    let lines = format!(
        r#"{{"id":"u","members":[{},{},{}]}}"#,
        member("a"),
        member("b"),
        member("a")
    );
    let result = evaluate_unit_lines(&lines, OrgOptions::default());
    assert_eq!(result.records.len(), 2);
    assert_eq!(
        rejected_paths(&result),
        [(Some("a".to_owned()), vec!["/members/2/id".to_owned()])]
    );
}

#[test]
fn a_line_read_in_one_pass_and_one_read_record_by_record_give_the_same_result() {
    // Past the record limit, a line is read record by record (each record's own
    // length is checked); spaces between its tokens change nothing else.
    let compact = format!(
        r#"{{"id":"u","leaders":[{}],"members":[{},{},{{"id":"bad","period":{{"year":2025}},"subject":{{"kind":"member"}},"score":{{"general":99,"task_results":55}}}}]}}"#,
        member("l").replace(r#""kind":"member""#, r#""kind":"leader""#),
        member("a"),
        member("b")
    );
    let padded = compact.replacen(',', &format!(",{}", " ".repeat(MAX_RECORD_BYTES)), 1);
    assert!(compact.len() <= MAX_RECORD_BYTES && padded.len() > MAX_RECORD_BYTES);
    let fast = evaluate_unit_lines(&compact, OrgOptions::default());
    let slow = evaluate_unit_lines(&padded, OrgOptions::default());
    assert_eq!(fast.records.len(), 3);
    assert_eq!(rejected_paths(&fast).len(), 1);
    assert_eq!(fast, slow);
}

/// A 2025 record written with both points and grades.
fn both(id: &str, subject: &str, task_results: &str, score: (u32, u32)) -> String {
    format!(
        r#"{{"id":"{id}","period":{{"year":2025}},"subject":{subject},"score":{{"general":{},"task_results":{}}},"grades":{{"criteria":{{"politics":"good","ethics":"good"}},"task_results":"{task_results}"}},"tasks":{{"assigned":10,"completed":10,"on_time":10,"exceeded":3}}}}"#,
        score.0, score.1
    )
}

#[test]
fn a_comparison_evaluates_every_record_under_one_regime_with_its_tree_facts() {
    let member = r#"{"kind":"member"}"#;
    let tree = format!(
        r#"{{"id":"u","organisation":{},"leadership":{},"members":[{},{},{},{}]}}"#,
        both(
            "o",
            r#"{"kind":"collective","collective_kind":"party_organisation"}"#,
            "excellent",
            (29, 66)
        ),
        both(
            "l",
            r#"{"kind":"collective","collective_kind":"leadership"}"#,
            "excellent",
            (29, 66)
        ),
        both("m1", member, "good", (26, 58)),
        both("m2", member, "good", (26, 58)),
        both("m3", member, "good", (26, 58)),
        both("m4", member, "average", (22, 45)),
    );
    // As written, a 2025 record is under QĐ 366, where grades are another regime's.
    let as_written = evaluate_tree_json(&tree, OrgOptions::default()).ok();
    let mismatches = as_written.map_or(0, |r| {
        r.report
            .rejected
            .iter()
            .flat_map(|e| &e.errors)
            .filter(|e| e.code == ErrorCode::RegimeFieldMismatch)
            .count()
    });
    assert_eq!(mismatches, 6);
    let options = OrgOptions {
        regime: Some(RegimeId::Qd132),
        grades_from_points: None,
        quota: None,
        ..OrgOptions::default()
    };
    let result = evaluate_tree_json(&tree, options).ok();
    let records = result.map(|r| r.records).unwrap_or_default();
    assert_eq!(records.len(), 6);
    assert!(records.iter().all(|r| r.decision.regime == RegimeId::Qd132
        && r.decision.regime_selection == RegimeSelection::Comparison));
    let decision = |id: &str| {
        records
            .iter()
            .find(|r| r.decision.id == id)
            .map(|r| &r.decision)
    };
    // 3 of 4 members Good: 75% < 80%, so the organisation is Good, and caps its
    // leadership collective at Good.
    let organisation = decision("o");
    let derived = organisation
        .and_then(|d| d.reasons.iter().find(|r| r.rule == Rule::Qd132DerivedFact))
        .map(|r| {
            (
                r.values.get(Fact::UnitsCounted),
                r.values.get(Fact::AtLeastGood),
            )
        });
    assert_eq!(
        derived,
        Some((Some(Value::Count(4)), Some(Value::Count(3))))
    );
    assert_eq!(organisation.and_then(|d| d.level), Some(Level::Good));
    let leadership = decision("l");
    assert_eq!(leadership.and_then(|d| d.level), Some(Level::Good));
    assert!(leadership.is_some_and(|d| d
        .reasons
        .iter()
        .any(|r| r.rule == Rule::Qd132LcCap && r.holds)));
}

#[test]
fn an_unknown_field_in_a_line_is_reported_with_its_path() {
    let lines = format!(
        r#"{{"id":"u","members":[{},{{"id":"bad","period":{{"year":2025,"quater":1}},"subject":{{"kind":"member"}}}}]}}"#,
        member("good")
    );
    let result = evaluate_unit_lines(&lines, OrgOptions::default());
    assert_eq!(result.records.len(), 1);
    assert_eq!(
        rejected_paths(&result)
            .first()
            .map(|(id, paths)| (id.clone(), paths.first().cloned())),
        Some((
            Some("bad".to_owned()),
            Some("/members/1/period/quater".to_owned())
        ))
    );
}

/// The result with every list in one order (units, groups, records, rejections by their
/// content) and lines left out, so that results read from different line orders compare.
fn canonical(result: &OrgResult) -> Vec<Vec<String>> {
    let sorted = |mut items: Vec<String>| {
        items.sort();
        items
    };
    let report = &result.report;
    vec![
        sorted(report.units.iter().map(|u| format!("{u:?}")).collect()),
        sorted(report.groups.iter().map(|g| format!("{g:?}")).collect()),
        vec![format!("{:?}", report.total)],
        sorted(
            report
                .rejected
                .iter()
                .map(|r| format!("{:?} {:?} {:?}", r.unit, r.id, r.errors))
                .collect(),
        ),
        sorted(result.records.iter().map(|r| format!("{r:?}")).collect()),
    ]
}

/// Unit lines of a chain `u0 ← u1 ← … ← u{n-1}`, each unit with one member.
fn chain(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let parent = if i == 0 {
                String::new()
            } else {
                format!(r#""parent":"u{}","#, i - 1)
            };
            format!(
                r#"{{"id":"u{i}",{parent}"members":[{}]}}"#,
                member(&format!("m{i}"))
            )
        })
        .collect()
}

/// Issue 16, defect 3: a 40-unit chain gave roots `[u0, u33]` in order and
/// `[u39 … u33, u0]` reversed.
#[test]
fn a_chain_deeper_than_the_limit_is_cut_at_the_same_units_in_any_order() {
    let lines = chain(70);
    let forward = evaluate_unit_lines(&lines.join("\n"), OrgOptions::default());
    let reversed: Vec<String> = lines.iter().rev().cloned().collect();
    let backward = evaluate_unit_lines(&reversed.join("\n"), OrgOptions::default());
    assert_eq!(canonical(&forward), canonical(&backward));
    let mut cut: Vec<Option<String>> = forward
        .report
        .rejected
        .iter()
        .map(|r| r.unit.clone())
        .collect();
    cut.sort();
    assert_eq!(cut, [Some("u33".to_owned()), Some("u66".to_owned())]);
    let error = &forward.report.rejected[0].errors[0];
    assert_eq!(error.code, ErrorCode::TooLarge);
    assert!(error.message.en.contains("u33") || error.message.en.contains("u66"));
    assert_eq!(forward.records.len(), 70);
}

#[test]
fn a_cycle_is_cut_at_its_smallest_id_in_any_order() {
    let lines = [
        r#"{"id":"b","parent":"c"}"#,
        r#"{"id":"c","parent":"a"}"#,
        r#"{"id":"a","parent":"b"}"#,
        r#"{"id":"d","parent":"a"}"#,
    ];
    for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2]] {
        let text: Vec<&str> = order.iter().map(|&i| lines[i]).collect();
        let result = evaluate_unit_lines(&text.join("\n"), OrgOptions::default());
        let cut: Vec<Option<String>> = result
            .report
            .rejected
            .iter()
            .map(|r| r.unit.clone())
            .collect();
        assert_eq!(cut, [Some("a".to_owned())], "order {order:?}");
    }
}

mod order {
    use super::*;
    use proptest::prelude::*;

    /// A forest of up to 60 units (some chains deeper than the limit, some parents
    /// missing, some cycles), each unit with a member, and a permutation of its lines.
    fn forest() -> impl Strategy<Value = (Vec<String>, Vec<usize>)> {
        (1usize..60)
            .prop_flat_map(|n| {
                (
                    proptest::collection::vec((0usize..100, 0u32..100), n),
                    Just(n),
                )
            })
            .prop_flat_map(|(parents, n)| {
                let lines: Vec<String> = parents
                    .iter()
                    .enumerate()
                    .map(|(i, &(pick, score))| {
                        // Mostly the unit just above (deep chains), sometimes any unit
                        // (cycles), sometimes none or a missing one.
                        let parent = match pick {
                            0..=59 if i > 0 => format!(r#""parent":"u{}","#, i - 1),
                            60..=84 => format!(r#""parent":"u{}","#, pick % n),
                            85..=89 => r#""parent":"nowhere","#.to_owned(),
                            _ => String::new(),
                        };
                        let record = member(&format!("m{i}")).replace(
                            r#""task_results":55"#,
                            &format!(r#""task_results":{}"#, 40 + score % 31),
                        );
                        format!(r#"{{"id":"u{i}",{parent}"members":[{record}]}}"#)
                    })
                    .collect();
                let order: Vec<usize> = (0..n).collect();
                (Just(lines), Just(order).prop_shuffle())
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Issue 16, defect 3: shuffled unit lines give the same report.
        #[test]
        fn shuffled_unit_lines_give_the_same_result((lines, order) in forest()) {
            let options = || OrgOptions { keep_decisions: true, ..OrgOptions::default() };
            let in_order = evaluate_unit_lines(&lines.join("\n"), options());
            let shuffled: Vec<&str> = order.iter().map(|&i| lines[i].as_str()).collect();
            let shuffled = evaluate_unit_lines(&shuffled.join("\n"), options());
            prop_assert_eq!(canonical(&in_order), canonical(&shuffled));
        }
    }
}

/// Issue 16, defect 6: a 300-character unit id and a 100,000-character name were
/// accepted.
#[test]
fn a_unit_string_over_the_limit_rejects_the_unit() {
    let long_id = "u".repeat(300);
    let long_name = "n".repeat(100_000);
    let lines = format!(
        "{{\"id\":\"{long_id}\",\"members\":[{}]}}\n{{\"id\":\"ok\",\"name\":\"{long_name}\"}}\n{{\"id\":\"fine\",\"members\":[{}]}}",
        member("a"),
        member("b")
    );
    let result = evaluate_unit_lines(&lines, OrgOptions::default());
    let rejected: Vec<(usize, Vec<(ErrorCode, String)>)> = result
        .report
        .rejected
        .iter()
        .map(|r| {
            (
                r.unit.as_ref().map_or(0, |u| u.chars().count()),
                r.errors.iter().map(|e| (e.code, e.path.clone())).collect(),
            )
        })
        .collect();
    assert_eq!(
        rejected,
        [
            (256, vec![(ErrorCode::TooLarge, "/id".to_owned())]),
            (2, vec![(ErrorCode::TooLarge, "/name".to_owned())]),
        ]
    );
    assert_eq!(result.records.len(), 1);
}

/// A state record that is rejected is counted in the state figures only, never in the
/// party's `rejected` (and a party record's rejection in the party figures only): the
/// tree of vector `state-tree-given-staff-count-contradicts-the-tree` (its head's
/// given `d` contradicts the tree: rejected after placement), with a state record that
/// cannot be validated, a state id used twice, and a party member rejected.
#[test]
fn rejected_records_count_in_their_own_rating_only() {
    let file = read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../vectors/state/org/trees.json"
    ))
    .unwrap();
    let vectors: serde_json::Value = serde_json::from_str(&file).unwrap();
    let vector = vectors["trees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "state-tree-given-staff-count-contradicts-the-tree")
        .unwrap();
    let mut tree = vector["input"].clone();
    let members = tree["members"].as_array_mut().unwrap();
    let mut invalid_state = members[0].clone();
    invalid_state["id"] = "cv-invalid".into();
    invalid_state["periods"] = json!([{"month": 13, "general": 27}]);
    let duplicate_state = members[0].clone();
    let mut bad_party: serde_json::Value = serde_json::from_str(&member("dv-bad")).unwrap();
    bad_party["score"]["general"] = 99.into();
    let good_party: serde_json::Value = serde_json::from_str(&member("dv-good")).unwrap();
    members.extend([invalid_state, duplicate_state, bad_party, good_party]);
    let result = evaluate_tree_json(&tree.to_string(), OrgOptions::default()).unwrap();
    let report = &result.report;
    let mut rejected: Vec<&str> = report
        .rejected
        .iter()
        .filter_map(|r| r.id.as_deref())
        .collect();
    rejected.sort_unstable();
    // The head (conflict), the invalid state record, the second `cv-1`, the party one.
    assert_eq!(rejected, ["cv-1", "cv-invalid", "dv-bad", "truong-phong"]);
    assert_eq!(report.total.rejected, 1, "{:?}", report.total);
    assert_eq!(report.units[0].own.rejected, 1);
    let state_root = &report.state_units[0];
    assert_eq!(state_root.own.rejected, 3, "{:?}", state_root.own);
    assert_eq!(state_root.subtree.rejected, 3);
}

/// A party member placed before its state record (in a unit above, or earlier in the
/// lines) is kept and linked, up to `MAX_PARTY_AWAITING_STATE` party members ahead of
/// its state record; one further ahead was let go, and its pair is the conflict that
/// names the limit.
#[test]
fn a_party_member_before_its_state_record_is_linked_within_the_kept_window() {
    use crate::contract::limits::MAX_PARTY_AWAITING_STATE;
    let party = |id: &str| {
        format!(
            r#"{{"id":"{id}","period":{{"year":2022}},"subject":{{"kind":"member","admitted_on":"2008-11-20"}},"grades":{{"criteria":{{"politics":"good","ethics":"excellent","discipline":"good"}},"task_results":"excellent"}},"tasks":{{"assigned":10,"completed":10,"on_time":10,"exceeded":2}}}}"#
        )
    };
    let state = r#"{"id":"an","rating":"state","period":{"year":2022},"subject":{"kind":"member","employment":"cong_chuc"},"criteria":{"1":"good","2":"good","3":"good","4":"good"},"tasks":{"assigned":10,"completed":10,"on_time":10,"exceeded":3,"poor":0}}"#;
    // `an` first, then `others` party members, then its state record in a unit below.
    let tree = |others: usize| {
        let members: Vec<String> = std::iter::once(party("an"))
            .chain((0..others).map(|i| party(&format!("p{i}"))))
            .collect();
        format!(
            "{{\"id\":\"u\",\"members\":[{}]}}\n{{\"id\":\"v\",\"parent\":\"u\",\"members\":[{state}]}}",
            members.join(",")
        )
    };
    let options = || OrgOptions {
        keep_decisions: true,
        ..OrgOptions::default()
    };
    let an = |result: &OrgResult| {
        result
            .records
            .iter()
            .find(|r| r.decision.id == "an" && r.decision.state.is_none())
            .map(|r| r.decision.clone())
    };
    // The last one kept: linked, Good (QĐ 132's Excellent blocked by the state Good).
    let kept = evaluate_unit_lines(&tree(MAX_PARTY_AWAITING_STATE - 1), options());
    assert!(
        kept.report.rejected.is_empty(),
        "{:?}",
        kept.report.rejected
    );
    let decision = an(&kept).unwrap();
    assert_eq!(decision.level, Some(Level::Good));
    assert!(decision
        .reasons
        .iter()
        .any(|r| r.rule == Rule::LinkStateRating && r.holds));
    // One more party member in between: `an` was let go, its pair a conflict.
    let let_go = evaluate_unit_lines(&tree(MAX_PARTY_AWAITING_STATE), options());
    assert_eq!(an(&let_go), None);
    let rejected = &let_go.report.rejected;
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert_eq!(rejected[0].id.as_deref(), Some("an"));
    assert_eq!(rejected[0].errors[0].code, ErrorCode::Conflict);
    assert!(rejected[0].errors[0]
        .message
        .en
        .contains(&MAX_PARTY_AWAITING_STATE.to_string()));
}

#[test]
fn members_awaiting_their_state_record_reuse_a_bounded_set_of_slots() {
    use crate::contract::limits::MAX_PARTY_AWAITING_STATE;
    use crate::group::org::evaluator::AwaitingState;
    let input = serde_json::from_str(&member("m")).unwrap();
    let valid = crate::validate(&input).unwrap();
    let mut awaiting = AwaitingState::default();
    let total = u32::try_from(3 * MAX_PARTY_AWAITING_STATE).unwrap();
    for record in 0..total {
        awaiting.keep(record, Some(record as usize), valid.clone());
        // Every third one paired at once: it no longer counts towards the window.
        if record % 3 == 0 {
            let (position, taken) = awaiting.take(record).unwrap();
            assert_eq!(position, Some(record as usize));
            assert_eq!(taken, valid);
        }
    }
    assert!(awaiting.slot_count() <= MAX_PARTY_AWAITING_STATE + 1);
    // The latest MAX_PARTY_AWAITING_STATE unpaired ones are kept, the one before is gone.
    let unpaired: Vec<u32> = (0..total).rev().filter(|r| r % 3 != 0).collect();
    let oldest_kept = unpaired[MAX_PARTY_AWAITING_STATE - 1];
    let let_go = unpaired[MAX_PARTY_AWAITING_STATE];
    assert!(awaiting.take(let_go).is_none());
    assert_eq!(
        awaiting.take(oldest_kept).map(|(p, _)| p),
        Some(Some(oldest_kept as usize))
    );
    assert!(awaiting.take(oldest_kept).is_none());
}
