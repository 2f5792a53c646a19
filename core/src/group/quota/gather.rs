//! The quota over a batch read record by record (a table of millions of rows, over
//! several threads): what the quota needs of each decision is gathered as it is
//! evaluated — for an Excellent candidate a few integers and its id, for any other
//! classified subject a count in its group — never the decision itself; then the quota
//! is planned once over the whole batch. Memory grows with the candidates only (about
//! 80 bytes and the id each), whatever the batch's length.

use crate::contract::decision::QuotaOutcome;
use crate::contract::level::{Level, Outcome};
use crate::contract::quota::{GroupQuotaReport, QuotaOptions};
use crate::contract::regime::RegimeId;
use crate::contract::state::Rating;
use crate::contract::subject::{CollectiveKind, SubjectKind};
use crate::group::quota::apply::{apply_verdict, default_group};
use crate::group::quota::plan::{plan_quota_counted, GroupCounts, QuotaEntry, QuotaVerdict};
use crate::points::Points;
use crate::regimes::decision::Decision;
use std::collections::HashMap;

/// What the quota needs of one Excellent candidate.
struct Gathered {
    row: usize,
    group: usize,
    score: Option<Points>,
    exceeded: u32,
    assigned: u32,
    /// The raised 25% ratio is QĐ 366's only.
    regime: RegimeId,
    /// The last tie-break.
    id: Box<str>,
}

/// The quota's inputs gathered over a batch (or over one range of it).
#[derive(Default)]
pub struct BatchQuota {
    names: Vec<String>,
    index: HashMap<String, usize>,
    /// The default group of each subject kind, once named (no string per record).
    defaults: HashMap<(SubjectKind, Option<CollectiveKind>), usize>,
    /// The Excellent candidates.
    entries: Vec<Gathered>,
    /// Per group, the classified subjects that are not candidates.
    counts: Vec<GroupCounts>,
}

impl BatchQuota {
    fn group(&mut self, name: &str) -> usize {
        if let Some(&group) = self.index.get(name) {
            return group;
        }
        let group = self.names.len();
        self.names.push(name.to_owned());
        self.index.insert(name.to_owned(), group);
        self.counts.push(GroupCounts::default());
        group
    }

    /// Notes what the quota needs of the decision of row `row`.
    pub fn add(&mut self, row: usize, decision: &Decision) {
        // A state decision is in the state quota, never the party's.
        if decision.rating == Rating::State {
            return;
        }
        let group = match &decision.quota_group {
            Some(name) => self.group(name),
            None => {
                let kind = (decision.subject_kind, decision.collective_kind);
                match self.defaults.get(&kind) {
                    Some(&group) => group,
                    None => {
                        let group = self.group(&default_group(decision));
                        self.defaults.insert(kind, group);
                        group
                    }
                }
            }
        };
        let Some(level) = (decision.outcome == Outcome::Classified)
            .then_some(decision.level)
            .flatten()
        else {
            return;
        };
        if let Some(counts) = self.counts.get_mut(group) {
            counts.present = true;
            counts.graded |= !decision.regime.info().raised_ratio;
            counts.good += u32::from(level == Level::Good);
        }
        if level == Level::Excellent {
            self.entries.push(Gathered {
                row,
                group,
                score: decision.score,
                exceeded: decision.tasks.map_or(0, |t| t.exceeded),
                assigned: decision.tasks.map_or(0, |t| t.assigned),
                regime: decision.regime,
                id: decision.id.clone().into_boxed_str(),
            });
        }
    }

    /// Takes in another range's entries (ranges arrive in row order).
    pub fn merge(&mut self, other: BatchQuota) {
        for (name, counts) in other.names.iter().zip(&other.counts) {
            let group = self.group(name);
            if let Some(mine) = self.counts.get_mut(group) {
                mine.good += counts.good;
                mine.present |= counts.present;
                mine.graded |= counts.graded;
            }
        }
        for mut entry in other.entries {
            let name = other.names.get(entry.group).map_or("", String::as_str);
            entry.group = self.group(name);
            self.entries.push(entry);
        }
    }

    /// Plans the quota over every record gathered.
    pub fn plan(self, options: &QuotaOptions) -> BatchQuotaPlan {
        let entries: Vec<QuotaEntry<'_>> = self
            .entries
            .iter()
            .map(|e| QuotaEntry {
                group: e.group,
                id: &e.id,
                level: Some(Level::Excellent),
                score: e.score,
                exceeded: e.exceeded,
                assigned: e.assigned,
                regime: e.regime,
            })
            .collect();
        let names: Vec<&str> = self.names.iter().map(String::as_str).collect();
        let plan = plan_quota_counted(&entries, &self.counts, &names, options);
        let mut verdicts = HashMap::new();
        for (entry, verdict) in self.entries.iter().zip(plan.verdicts) {
            if let Some(verdict) = verdict {
                verdicts.insert(entry.row, verdict);
            }
        }
        BatchQuotaPlan {
            verdicts,
            reports: plan.reports,
        }
    }
}

/// The quota planned over a batch: the verdict on each candidate row, and what the
/// quota did in each group.
pub struct BatchQuotaPlan {
    // INVARIANT: every verdict's `report` indexes `reports`.
    verdicts: HashMap<usize, QuotaVerdict>,
    reports: Vec<GroupQuotaReport>,
}

impl BatchQuotaPlan {
    /// Each candidate row, in row order, with what the quota did to it.
    pub fn outcomes(&self) -> Vec<(usize, QuotaOutcome)> {
        let mut rows: Vec<(usize, QuotaOutcome)> = self
            .verdicts
            .iter()
            .filter_map(|(&row, verdict)| {
                let report = self.reports.get(verdict.report)?;
                Some((row, verdict.outcome(report)))
            })
            .collect();
        rows.sort_by_key(|(row, _)| *row);
        rows
    }

    /// Applies the verdict on row `row`, if it is a candidate, to its decision.
    pub fn apply(&self, row: usize, decision: &mut Decision) {
        if let Some(verdict) = self.verdicts.get(&row) {
            if let Some(report) = self.reports.get(verdict.report) {
                apply_verdict(decision, verdict, report);
            }
        }
    }

    /// What the quota did in each group, by group name.
    pub fn into_reports(self) -> Vec<GroupQuotaReport> {
        self.reports
    }
}
