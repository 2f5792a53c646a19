//! Planning the Excellent quota (`qd366.11.1.quota`, `spec/group-rules.md` §1): per
//! quota group, at most `p/q` (1/5, or 1/4 where granted) of the Good count may be
//! Excellent; the candidates are ranked and those beyond `e_max` move to Good. Integer
//! arithmetic only; the plan does not depend on the order of the entries.

use crate::contract::decision::QuotaOutcome;
use crate::contract::level::Level;
use crate::contract::quota::{GroupQuotaReport, QuotaOptions, QuotaReading};
use crate::contract::regime::RegimeId;
use crate::points::Points;
use std::cmp::Ordering;

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

/// What the quota needs to know of one subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotaEntry<'a> {
    /// Index of the subject's group in the names given to [`plan_quota`].
    pub group: usize,
    /// The subject's id (the last tie-break).
    pub id: &'a str,
    /// The proposed level; `None` when not classified (such subjects are in no group).
    pub level: Option<Level>,
    /// The total score.
    pub score: Option<Points>,
    /// Tasks completed above requirement.
    pub exceeded: u32,
    /// Tasks assigned.
    pub assigned: u32,
    /// The regime of the subject's decision: the raised 25% ratio is QĐ 366's only.
    pub regime: RegimeId,
}

/// The quota's verdict on one Excellent candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotaVerdict {
    /// Index of the group's report in [`QuotaPlan::reports`].
    pub report: usize,
    /// Rank among the group's candidates, from 1.
    pub rank: u32,
    /// Keeps Excellent.
    pub keeps: bool,
    /// In a tie at the cut.
    pub tied: bool,
}

impl QuotaVerdict {
    /// What the verdict means for the candidate's decision, in its group.
    pub fn outcome(&self, report: &GroupQuotaReport) -> QuotaOutcome {
        QuotaOutcome {
            group: report.group.clone(),
            e_max: report.e_max,
            rank: self.rank,
            demoted: !self.keeps,
            tied_at_cut: self.tied,
            scope: None,
            rule: None,
        }
    }
}

/// The quota over a batch: a verdict per Excellent candidate, a report per group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaPlan {
    /// Per entry, in entry order: the verdict, for Excellent candidates only.
    pub verdicts: Vec<Option<QuotaVerdict>>,
    /// Per group with classified subjects, sorted by group name.
    pub reports: Vec<GroupQuotaReport>,
}

/// Ranking: higher score first, then higher share exceeded; equal on both is a tie.
fn rank_order(a: &QuotaEntry<'_>, b: &QuotaEntry<'_>) -> Ordering {
    let share = |e: &QuotaEntry<'_>| {
        if e.assigned == 0 {
            (0, 1)
        } else {
            (u64::from(e.exceeded), u64::from(e.assigned))
        }
    };
    let ((xa, na), (xb, nb)) = (share(a), share(b));
    b.score
        .cmp(&a.score)
        .then_with(|| (xb * na).cmp(&(xa * nb)))
}

/// What a caller that keeps only the Excellent candidates as entries knows of the rest
/// of one group (a stream with the quota, `api::stream`): the classified subjects that
/// are not candidates, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GroupCounts {
    /// Subjects proposed Good.
    pub good: u32,
    /// Whether the group has a classified subject at all.
    pub present: bool,
    /// Whether a classified subject's regime knows only 20% (QĐ 124, HD 21).
    pub graded: bool,
}

/// Plans the quota: which candidates keep Excellent in each group. `names[g]` is the
/// name of group `g`. Integer arithmetic only; the result does not depend on the order
/// of the entries (ties are broken by id).
pub fn plan_quota(entries: &[QuotaEntry<'_>], names: &[&str], options: &QuotaOptions) -> QuotaPlan {
    plan_quota_counted(entries, &[], names, options)
}

/// [`plan_quota`] where `counted[g]` adds to group `g` subjects that have no entry (the
/// entries are then usually the candidates alone).
pub fn plan_quota_counted(
    entries: &[QuotaEntry<'_>],
    counted: &[GroupCounts],
    names: &[&str],
    options: &QuotaOptions,
) -> QuotaPlan {
    let mut groups: Vec<(Vec<usize>, u32)> = vec![(Vec::new(), 0); names.len()];
    let mut present = vec![false; names.len()];
    // QĐ 124 and HD 21 know only 20%: a group with one of their records keeps it.
    let mut graded = vec![false; names.len()];
    for (group, counts) in counted.iter().enumerate() {
        if let (Some((_, good)), Some(present), Some(graded)) = (
            groups.get_mut(group),
            present.get_mut(group),
            graded.get_mut(group),
        ) {
            *good += counts.good;
            *present |= counts.present;
            *graded |= counts.graded;
        }
    }
    for (index, entry) in entries.iter().enumerate() {
        let Some(level) = entry.level else { continue };
        if !entry.regime.info().raised_ratio {
            if let Some(flag) = graded.get_mut(entry.group) {
                *flag = true;
            }
        }
        let Some((candidates, good)) = groups.get_mut(entry.group) else {
            continue;
        };
        if let Some(flag) = present.get_mut(entry.group) {
            *flag = true;
        }
        match level {
            Level::Excellent => candidates.push(index),
            Level::Good => *good += 1,
            Level::Completed | Level::NotCompleted => {}
        }
    }
    let mut order: Vec<usize> = (0..names.len())
        .filter(|&g| present.get(g).copied().unwrap_or(false))
        .collect();
    order.sort_by(|&a, &b| names.get(a).cmp(&names.get(b)));
    let mut verdicts = vec![None; entries.len()];
    let mut reports = Vec::with_capacity(order.len());
    for group in order {
        let name = names.get(group).copied().unwrap_or_default();
        let Some((candidates, good)) = groups.get_mut(group) else {
            continue;
        };
        let good = *good;
        let (numerator, denominator, ratio_percent) =
            if options.raised_ratio_groups.iter().any(|g| g == name)
                && !graded.get(group).copied().unwrap_or(false)
            {
                (1, 4, 25)
            } else {
                (1, 5, 20)
            };
        let entry = |i: usize| entries.get(i);
        candidates.sort_by(|&a, &b| match (entry(a), entry(b)) {
            (Some(x), Some(y)) => rank_order(x, y).then_with(|| x.id.cmp(y.id)),
            _ => Ordering::Equal,
        });
        let e0 = u32::try_from(candidates.len()).unwrap_or(u32::MAX);
        let limit = e_max(e0, good, numerator, denominator, options.reading);
        let cut = usize::try_from(limit).unwrap_or(usize::MAX);
        // A tie at the cut: the last kept and the first demoted rank equal.
        let cut_key = match (
            cut.checked_sub(1).and_then(|i| candidates.get(i)),
            candidates.get(cut),
        ) {
            (Some(&last_kept), Some(&first_out)) => match (entry(last_kept), entry(first_out)) {
                (Some(k), Some(o)) if rank_order(k, o) == Ordering::Equal => Some(k),
                _ => None,
            },
            _ => None,
        };
        let report = reports.len();
        let mut demoted = 0;
        let mut tied_count = 0;
        for (position, &index) in candidates.iter().enumerate() {
            let tied = match (cut_key, entry(index)) {
                (Some(key), Some(this)) => rank_order(key, this) == Ordering::Equal,
                _ => false,
            };
            let keeps = position < cut;
            demoted += u32::from(!keeps);
            tied_count += u32::from(tied);
            if let Some(slot) = verdicts.get_mut(index) {
                let rank = u32::try_from(position + 1).unwrap_or(u32::MAX);
                *slot = Some(QuotaVerdict {
                    report,
                    rank,
                    keeps,
                    tied,
                });
            }
        }
        reports.push(GroupQuotaReport {
            group: name.to_owned(),
            ratio_percent,
            candidates: e0,
            good,
            e_max: limit,
            demoted,
            tied_at_cut: tied_count,
        });
    }
    QuotaPlan { verdicts, reports }
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

    /// One Excellent candidate and four Good: 25% keeps one, 20% none.
    fn plan_for(regime: RegimeId) -> QuotaPlan {
        let entry = |id, level| QuotaEntry {
            group: 0,
            id,
            level: Some(level),
            score: None,
            exceeded: 5,
            assigned: 10,
            regime,
        };
        let entries = [
            entry("e", Level::Excellent),
            entry("g1", Level::Good),
            entry("g2", Level::Good),
            entry("g3", Level::Good),
            entry("g4", Level::Good),
        ];
        let options = QuotaOptions {
            raised_ratio_groups: vec!["cb".to_owned()],
            ..QuotaOptions::default()
        };
        plan_quota(&entries, &["cb"], &options)
    }

    #[test]
    fn the_raised_ratio_is_qd366s_only() {
        let raised = plan_for(RegimeId::Qd366);
        assert_eq!(raised.reports[0].ratio_percent, 25);
        assert_eq!(raised.reports[0].e_max, 1);
        for regime in [RegimeId::Qd124, RegimeId::Qd132] {
            let plan = plan_for(regime);
            assert_eq!(plan.reports[0].ratio_percent, 20);
            assert_eq!(plan.reports[0].e_max, 0);
        }
    }
}
