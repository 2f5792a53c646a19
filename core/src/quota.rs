//! The Excellent quota (`qd366.11.1.quota`, `spec/group-rules.md` §1).
//!
//! Applied after individual evaluation, per quota group: at most `p/q` (1/5, or 1/4
//! where granted) of the Good count may be Excellent. Integer arithmetic only.

use crate::contract::SubjectKind;
use crate::decision::{Decision, QuotaOutcome};
use crate::level::{Level, Outcome};
use crate::reason::{Effect, Fact, Reason, Value, Values};
use crate::rules::Rule;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// How the ratio's Good count is read (group-rules §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuotaReading {
    /// The final tallies: those demoted become Good and count as Good (default).
    /// `e_max = floor(p·(E₀+G₀)/(p+q))`.
    #[default]
    FinalTally,
    /// Only those proposed Good count: `e_max = floor(p·G₀/q)`.
    ProposedGood,
}

/// Options of the quota.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuotaOptions {
    /// `final_tally` (default) or `proposed_good`.
    #[serde(default)]
    pub reading: QuotaReading,
    /// Groups for which the competent level allowed 25% instead of 20%.
    #[serde(default)]
    pub raised_ratio_groups: Vec<String>,
}

/// What the quota did in one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupQuotaReport {
    /// The group.
    pub group: String,
    /// The ratio applied, in percent of the Good count (20 or 25).
    pub ratio_percent: u32,
    /// Proposed Excellent before the quota (`E₀`).
    pub candidates: u32,
    /// Proposed Good before the quota (`G₀`).
    pub good: u32,
    /// Largest admissible number of Excellent.
    pub e_max: u32,
    /// Moved down to Good.
    pub demoted: u32,
    /// Candidates tied at the cut (each marked needs-decision).
    pub tied_at_cut: u32,
}

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

/// `floor(p·(E₀+G₀)/(p+q))` or `floor(p·G₀/q)`.
pub fn e_max(
    candidates: u32,
    good: u32,
    numerator: u32,
    denominator: u32,
    reading: QuotaReading,
) -> u32 {
    let (p, q) = (u64::from(numerator), u64::from(denominator));
    let value = match reading {
        QuotaReading::FinalTally => p * (u64::from(candidates) + u64::from(good)) / (p + q).max(1),
        QuotaReading::ProposedGood => p * u64::from(good) / q.max(1),
    };
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// Ranking: higher score first, then higher share exceeded; equal on both is a tie.
fn rank_order(a: &Decision, b: &Decision) -> Ordering {
    let share = |d: &Decision| {
        d.tasks.map_or((0, 1), |t| {
            if t.assigned == 0 {
                (0, 1)
            } else {
                (u64::from(t.exceeded), u64::from(t.assigned))
            }
        })
    };
    let ((xa, na), (xb, nb)) = (share(a), share(b));
    b.score
        .cmp(&a.score)
        .then_with(|| (xb * na).cmp(&(xa * nb)))
}

/// Undoes an earlier application, so that applying the quota twice changes nothing.
fn restore(decision: &mut Decision) {
    if let Some(previous) = decision.quota.take() {
        if previous.demoted {
            decision.level = Some(Level::Excellent);
        }
        decision.reasons.retain(|r| r.rule != Rule::ExcellentQuota);
        decision.needs_decision = decision
            .reasons
            .iter()
            .any(|r| r.effect == Effect::NeedsDecision);
    }
}

/// Applies the quota in every group, in place; returns a report per group (sorted by
/// group name). Only Excellent candidates change; nobody moves up; input order does
/// not matter (ties are broken by id).
pub fn apply_quota(decisions: &mut [Decision], options: &QuotaOptions) -> Vec<GroupQuotaReport> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, decision) in decisions.iter_mut().enumerate() {
        restore(decision);
        if decision.outcome == Outcome::Classified {
            groups.entry(group_of(decision)).or_default().push(index);
        }
    }
    let mut reports = Vec::with_capacity(groups.len());
    for (group, members) in groups {
        let (numerator, denominator, ratio_percent) =
            if options.raised_ratio_groups.contains(&group) {
                (1, 4, 25)
            } else {
                (1, 5, 20)
            };
        let mut candidates: Vec<usize> = Vec::new();
        let mut good = 0u32;
        for &index in &members {
            match decisions.get(index).and_then(|d| d.level) {
                Some(Level::Excellent) => candidates.push(index),
                Some(Level::Good) => good += 1,
                _ => {}
            }
        }
        candidates.sort_by(|&a, &b| match (decisions.get(a), decisions.get(b)) {
            (Some(x), Some(y)) => rank_order(x, y).then_with(|| x.id.cmp(&y.id)),
            _ => Ordering::Equal,
        });
        let e0 = u32::try_from(candidates.len()).unwrap_or(u32::MAX);
        let limit = e_max(e0, good, numerator, denominator, options.reading);
        let cut = usize::try_from(limit).unwrap_or(usize::MAX);
        // A tie at the cut: the last kept and the first demoted rank equal.
        let tied_with_cut = |index: usize| -> bool {
            if cut == 0 || cut >= candidates.len() {
                return false;
            }
            let (Some(&last_kept), Some(&first_out)) =
                (candidates.get(cut - 1), candidates.get(cut))
            else {
                return false;
            };
            match (
                decisions.get(last_kept),
                decisions.get(first_out),
                decisions.get(index),
            ) {
                (Some(k), Some(o), Some(d)) => {
                    rank_order(k, o) == Ordering::Equal && rank_order(k, d) == Ordering::Equal
                }
                _ => false,
            }
        };
        let ties: Vec<bool> = candidates.iter().map(|&i| tied_with_cut(i)).collect();
        let mut demoted = 0;
        for (position, &index) in candidates.iter().enumerate() {
            let tied = ties.get(position).copied().unwrap_or(false);
            let Some(decision) = decisions.get_mut(index) else {
                continue;
            };
            let rank = u32::try_from(position + 1).unwrap_or(u32::MAX);
            let keeps = position < cut;
            let values = Values::of(&[
                (Fact::EMax, Value::Count(u64::from(limit))),
                (Fact::Rank, Value::Count(u64::from(rank))),
                (Fact::Candidates, Value::Count(u64::from(e0))),
                (Fact::GoodCount, Value::Count(u64::from(good))),
                (Fact::Tied, Value::Flag(tied)),
            ]);
            let effect = if keeps { Effect::Info } else { Effect::Demotes };
            decision.reasons.push(Reason::new(
                Rule::ExcellentQuota,
                keeps,
                effect,
                Some(Level::Excellent),
                values,
            ));
            if !keeps {
                decision.level = Some(Level::Good);
                demoted += 1;
            }
            if tied {
                decision.needs_decision = true;
            }
            decision.quota = Some(QuotaOutcome {
                group: group.clone(),
                e_max: limit,
                rank,
                demoted: !keeps,
                tied_at_cut: tied,
            });
        }
        reports.push(GroupQuotaReport {
            group,
            ratio_percent,
            candidates: e0,
            good,
            e_max: limit,
            demoted,
            tied_at_cut: u32::try_from(ties.iter().filter(|t| **t).count()).unwrap_or(u32::MAX),
        });
    }
    reports
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_max_matches_the_spec_examples() {
        let final_tally = QuotaReading::FinalTally;
        assert_eq!(e_max(6, 0, 1, 5, final_tally), 1);
        assert_eq!(e_max(1, 3, 1, 5, final_tally), 0);
        assert_eq!(e_max(2, 10, 1, 5, final_tally), 2);
        assert_eq!(e_max(2, 10, 1, 5, QuotaReading::ProposedGood), 2);
        assert_eq!(e_max(6, 0, 1, 5, QuotaReading::ProposedGood), 0);
        assert_eq!(e_max(5, 0, 1, 4, final_tally), 1);
    }
}
