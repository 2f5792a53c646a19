//! An organisation tree compared under several regimes: the whole tree evaluated under
//! each, then record by record.

use crate::analysis::compare::{compare_decisions, explain_missing_grades};
use crate::contract::compare::CompareOptions;
use crate::contract::compare_org::{
    LevelChanges, OrgComparison, OrgRecordComparison, OrgRegimeResult,
};
use crate::contract::errors::InputErrors;
use crate::contract::fields::RegimeField;
use crate::contract::org::{OrgOptions, RejectedEntry, Role};
use crate::contract::quota::QuotaOptions;
use crate::contract::regime::{RegimeId, RegimeSelection};
use crate::group::org::intake::evaluate_tree_json;
use crate::regimes::decision::Decision;
use crate::regimes::fields::reads;

/// Compares an organisation tree (`docs/organisation-trees.md`, nested form) under the
/// regimes of `options`: the whole tree is evaluated under each regime, with its derived
/// facts and quota, and each record's decisions are compared. With a mapping, records
/// that have points only are given grades under QĐ 124 and QĐ 132, as for one record.
/// Every regime is recorded as selected for the `comparison` (the records of a tree may
/// have different periods).
pub fn compare_org(
    tree_json: &str,
    options: &CompareOptions,
    quota: Option<QuotaOptions>,
) -> Result<OrgComparison, InputErrors> {
    let mut regimes = Vec::with_capacity(options.regimes.len());
    let mut by_id: Vec<(String, String, Role, Vec<Option<Decision>>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (position, &regime) in options.regimes.iter().enumerate() {
        let org_options = OrgOptions {
            evaluation: options.evaluation,
            quota: quota.clone(),
            keep_decisions: true,
            regime: Some(regime),
            grades_from_points: options.grades_from_points,
        };
        let result = evaluate_tree_json(tree_json, org_options)?;
        regimes.push(OrgRegimeResult {
            regime: regime.info().record(RegimeSelection::Comparison),
            total: result.report.total.clone(),
            rejected: result
                .report
                .rejected
                .iter()
                .map(|entry| RejectedEntry {
                    errors: if reads(regime, RegimeField::Grades) {
                        explain_missing_grades(InputErrors(entry.errors.clone())).0
                    } else {
                        entry.errors.clone()
                    },
                    ..entry.clone()
                })
                .collect(),
        });
        for record in result.records {
            let slot = *index.entry(record.decision.id.clone()).or_insert_with(|| {
                by_id.push((
                    record.decision.id.clone(),
                    record.unit.clone(),
                    record.role,
                    vec![None; options.regimes.len()],
                ));
                by_id.len() - 1
            });
            if let Some(place) = by_id.get_mut(slot).and_then(|r| r.3.get_mut(position)) {
                *place = Some(record.decision);
            }
        }
    }
    let mut changes = Vec::new();
    for (i, &from) in options.regimes.iter().enumerate() {
        for (j, &to) in options.regimes.iter().enumerate().skip(i + 1) {
            let mut pair = LevelChanges {
                from,
                to,
                compared: 0,
                up: 0,
                down: 0,
            };
            for (_, _, _, decisions) in &by_id {
                let level = |k: usize| {
                    decisions
                        .get(k)
                        .and_then(|d| d.as_ref())
                        .and_then(|d| d.level)
                };
                if let (Some(a), Some(b)) = (level(i), level(j)) {
                    pair.compared += 1;
                    pair.up += u64::from(b > a);
                    pair.down += u64::from(b < a);
                }
            }
            changes.push(pair);
        }
    }
    let records = by_id
        .into_iter()
        .map(|(id, unit, role, decisions)| {
            let levels = decisions
                .iter()
                .map(|d| d.as_ref().and_then(|d| d.level))
                .collect();
            let outcomes = decisions
                .iter()
                .map(|d| d.as_ref().map(|d| d.outcome))
                .collect();
            let evaluated: Vec<Decision> = decisions.into_iter().flatten().collect();
            let compared: Vec<RegimeId> = evaluated.iter().map(|d| d.regime).collect();
            let (levels_agree, topics) = compare_decisions(&evaluated, &compared);
            OrgRecordComparison {
                id,
                unit,
                role,
                levels,
                outcomes,
                levels_agree,
                differences: topics.into_iter().filter(|t| t.differs).collect(),
            }
        })
        .collect();
    Ok(OrgComparison {
        regimes,
        records,
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::compare::GradeMapping;
    use crate::contract::level::Level;
    use crate::contract::topic::Topic;
    #[test]
    fn an_organisation_is_compared_record_by_record_with_a_mapping() {
        let member = |id: &str, general: f64, exceeded: u32| {
            serde_json::json!({
                "id": id, "period": {"year": 2025},
                "subject": {"kind": "member", "admitted_on": "2010-01-01"},
                "score": {"general": general, "task_results": 63},
                "tasks": {"assigned": 12, "completed": 12, "on_time": 12, "exceeded": exceeded}
            })
        };
        let tree = serde_json::json!({
            "id": "chi-bo-1",
            "organisation": {
                "id": "chi-bo-1-2025", "period": {"year": 2025},
                "subject": {"kind": "collective", "collective_kind": "party_organisation"},
                "score": {"general": 28, "task_results": 64},
                "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 5}
            },
            "members": [member("a", 28.0, 4), member("b", 27.0, 6), member("c", 20.0, 0)]
        });
        let options = CompareOptions {
            grades_from_points: Some(GradeMapping::ScoreShares),
            ..CompareOptions::default()
        };
        let compared = compare_org(&tree.to_string(), &options, None).unwrap();
        assert_eq!(compared.regimes.len(), 3);
        assert!(compared.regimes.iter().all(|r| r.rejected.is_empty()));
        assert_eq!(compared.records.len(), 4);
        assert_eq!(compared.changes.len(), 3);
        let a = compared.records.iter().find(|r| r.id == "a").unwrap();
        // 4 of 12 exceeded: Excellent under QĐ 366 and QĐ 132, Good under QĐ 124.
        assert_eq!(
            a.levels,
            vec![
                Some(Level::Excellent),
                Some(Level::Good),
                Some(Level::Excellent)
            ]
        );
        assert!(!a.levels_agree);
        assert!(a.differences.iter().any(|t| t.topic == Topic::Excellent));
        // The chi bộ is evaluated under every regime (under QĐ 132 with its members'
        // levels derived from the tree).
        let chi_bo = compared
            .records
            .iter()
            .find(|r| r.id == "chi-bo-1-2025")
            .unwrap();
        assert_eq!(chi_bo.levels.len(), 3);
        let qd366_to_qd124 = compared.changes[0];
        assert_eq!(
            (qd366_to_qd124.from, qd366_to_qd124.to),
            (RegimeId::Qd366, RegimeId::Qd124)
        );
        assert_eq!(qd366_to_qd124.compared, 4);
        assert!(qd366_to_qd124.down >= 1);
    }

    #[test]
    fn a_quota_demotion_in_one_regime_only_is_a_difference() {
        // Six members Completed under QĐ 366 (60 points) are Good under QĐ 132 (grades
        // good): QĐ 366's group has fewer Good, so its quota demotes b, QĐ 132's keeps b.
        let member = |id: &str, general: u32, task: u32, grade: &str, exceeded: u32| {
            serde_json::json!({
                "id": id, "period": {"year": 2025},
                "subject": {"kind": "member", "admitted_on": "2010-01-01"},
                "score": {"general": general, "task_results": task},
                "grades": {"criteria": {"a": "good"}, "task_results": grade},
                "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": exceeded}
            })
        };
        let mut members = vec![
            member("a", 29, 66, "excellent", 6),
            member("b", 28, 64, "excellent", 5),
        ];
        for i in 0..4 {
            members.push(member(&format!("g{i}"), 25, 55, "good", 0));
        }
        for i in 0..6 {
            members.push(member(&format!("c{i}"), 20, 40, "good", 0));
        }
        let tree = serde_json::json!({"id": "cb", "members": members});
        let options = CompareOptions {
            regimes: vec![RegimeId::Qd366, RegimeId::Qd132],
            ..CompareOptions::default()
        };
        let quota = Some(QuotaOptions::default());
        let compared = compare_org(&tree.to_string(), &options, quota).unwrap();
        let b = compared.records.iter().find(|r| r.id == "b").unwrap();
        assert_eq!(b.levels, vec![Some(Level::Good), Some(Level::Excellent)]);
        assert!(
            b.differences.iter().any(|t| t.topic == Topic::Quota),
            "{:?}",
            b.differences.iter().map(|t| t.topic).collect::<Vec<_>>()
        );
    }
}
