//! Applying the Excellent quota to decisions: each decision's group, the plan's verdict
//! on each candidate written into its decision (level, reason, quota outcome).

use crate::contract::decision::Effect;
use crate::contract::level::{Level, Outcome};
use crate::contract::quota::{GroupQuotaReport, QuotaOptions};
use crate::contract::state::Rating;
use crate::contract::subject::SubjectKind;
use crate::group::quota::plan::{plan_quota, QuotaEntry, QuotaVerdict};
use crate::regimes::decision::Decision;
use crate::rules::reason::{Fact, Reason, Value, Values};

/// The default group when the input names none: same subject kind (and collective
/// sub-kind). In an organisation tree the parent organisation is added by the caller.
pub fn default_group(decision: &Decision) -> String {
    match (decision.subject_kind, decision.collective_kind) {
        (SubjectKind::Member, _) => "members".to_owned(),
        (SubjectKind::Leader, _) => "leaders".to_owned(),
        (SubjectKind::Collective, Some(kind)) => {
            let name = serde_json::to_value(kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            format!("collectives/{name}")
        }
        (SubjectKind::Collective, None) => "collectives".to_owned(),
    }
}

/// The group a decision belongs to.
pub fn group_of(decision: &Decision) -> String {
    decision
        .quota_group
        .clone()
        .unwrap_or_else(|| default_group(decision))
}

/// Undoes an earlier application, so that applying the quota twice changes nothing.
pub fn restore(decision: &mut Decision) {
    if let Some(previous) = decision.quota.take() {
        if previous.demoted {
            decision.level = Some(Level::Excellent);
        }
        let rule = decision.regime.info().quota_rule;
        decision.reasons.retain(|r| r.rule != rule);
        decision.needs_decision = decision
            .reasons
            .iter()
            .any(|r| r.effect == Effect::NeedsDecision);
    }
}

/// Applies one verdict to a full decision: the level, the reason, the quota outcome.
pub fn apply_verdict(decision: &mut Decision, verdict: &QuotaVerdict, report: &GroupQuotaReport) {
    let values = Values::of(&[
        (Fact::EMax, Value::Count(u64::from(report.e_max))),
        (Fact::Rank, Value::Count(u64::from(verdict.rank))),
        (Fact::Candidates, Value::Count(u64::from(report.candidates))),
        (Fact::GoodCount, Value::Count(u64::from(report.good))),
        (Fact::Tied, Value::Flag(verdict.tied)),
    ]);
    let effect = if verdict.keeps {
        Effect::Info
    } else {
        Effect::Demotes
    };
    decision.reasons.push(Reason::new(
        decision.regime.info().quota_rule,
        verdict.keeps,
        effect,
        Some(Level::Excellent),
        values,
    ));
    if !verdict.keeps {
        decision.level = Some(Level::Good);
    }
    if verdict.tied {
        decision.needs_decision = true;
    }
    decision.quota = Some(verdict.outcome(report));
}

/// Applies the quota in every group, in place; returns a report per group (sorted by
/// group name). Only Excellent candidates change; nobody moves up; input order does
/// not matter (ties are broken by id).
pub fn apply_quota(decisions: &mut [Decision], options: &QuotaOptions) -> Vec<GroupQuotaReport> {
    // Party and state quotas never mix: state decisions have their own
    // (`group::quota::state`).
    let party: Vec<usize> = (0..decisions.len())
        .filter(|&i| decisions[i].rating == Rating::Party)
        .collect();
    party.iter().for_each(|&i| restore(&mut decisions[i]));
    let group_names: Vec<String> = party.iter().map(|&i| group_of(&decisions[i])).collect();
    let mut names: Vec<&str> = Vec::new();
    let mut index_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut groups = Vec::with_capacity(decisions.len());
    for name in &group_names {
        let next = names.len();
        let group = *index_of.entry(name.as_str()).or_insert(next);
        if group == next {
            names.push(name.as_str());
        }
        groups.push(group);
    }
    let entries: Vec<QuotaEntry<'_>> = party
        .iter()
        .map(|&i| &decisions[i])
        .zip(&groups)
        .map(|(d, &group)| QuotaEntry {
            group,
            id: d.id.as_str(),
            level: if d.outcome == Outcome::Classified {
                d.level
            } else {
                None
            },
            score: d.score,
            exceeded: d.tasks.map_or(0, |t| t.exceeded),
            assigned: d.tasks.map_or(0, |t| t.assigned),
            regime: d.regime,
        })
        .collect();
    let plan = plan_quota(&entries, &names, options);
    for (&i, verdict) in party.iter().zip(&plan.verdicts) {
        if let (Some(verdict), Some(decision)) = (verdict, decisions.get_mut(i)) {
            if let Some(report) = plan.reports.get(verdict.report) {
                apply_verdict(decision, verdict, report);
            }
        }
    }
    plan.reports
}
