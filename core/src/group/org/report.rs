//! The report: per unit (own records and subtree), per quota group and in all, with exact
//! shares; the kept decisions in tree order.

use crate::contract::level::{Level, Outcome};
use crate::contract::org::{Demotion, GroupReport, OrgReport, Share, Shares, Stats, UnitReport};
use crate::group::org::evaluator::{OrgEvaluator, OrgRecord, OrgResult, RecordSummary};
use crate::group::org::quota::QuotaApplied;
use crate::points::percent_text;
use crate::rules::catalogue::Rule;
use hashbrown::HashMap;
use std::collections::{BTreeMap, HashSet};

/// Counts over a set of records, summed while the report is built (per unit, subtree,
/// group and in all); made into [`Stats`], with its shares and rule ids as text, once.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tally {
    pub(super) records: u64,
    pub(super) classified: u64,
    pub(super) excellent: u64,
    pub(super) good: u64,
    pub(super) completed: u64,
    pub(super) not_completed: u64,
    pub(super) not_classified: u64,
    /// By the rule that excluded them (`None`: none named); a handful of rules at most.
    pub(super) not_classified_by: Vec<(Option<Rule>, u64)>,
    pub(super) undetermined: u64,
    pub(super) needs_decision: u64,
    pub(super) quota_demoted: u64,
    pub(super) rejected: u64,
}

impl Tally {
    pub(super) fn add(&mut self, record: &RecordSummary) {
        self.add_outcome(
            record.outcome,
            record.level,
            record.excluded_by,
            record.needs_decision,
            record.demoted,
        );
    }

    /// Counts one record by its outcome, level, the rule that excluded it, and its marks.
    pub(crate) fn add_outcome(
        &mut self,
        outcome: Outcome,
        level: Option<Level>,
        excluded_by: Option<Rule>,
        needs_decision: bool,
        demoted: bool,
    ) {
        self.records += 1;
        match (outcome, level) {
            (Outcome::Classified, Some(level)) => {
                self.classified += 1;
                match level {
                    Level::Excellent => self.excellent += 1,
                    Level::Good => self.good += 1,
                    Level::Completed => self.completed += 1,
                    Level::NotCompleted => self.not_completed += 1,
                }
            }
            (Outcome::Undetermined, _) => self.undetermined += 1,
            _ => {
                self.not_classified += 1;
                self.count_excluded(excluded_by, 1);
            }
        }
        self.needs_decision += u64::from(needs_decision);
        self.quota_demoted += u64::from(demoted);
    }

    /// Counts a record that was rejected.
    pub(crate) fn add_rejected(&mut self) {
        self.rejected += 1;
    }

    pub(super) fn count_excluded(&mut self, rule: Option<Rule>, count: u64) {
        match self.not_classified_by.iter_mut().find(|(r, _)| *r == rule) {
            Some((_, n)) => *n += count,
            None => self.not_classified_by.push((rule, count)),
        }
    }

    pub(crate) fn merge(&mut self, other: &Tally) {
        self.records += other.records;
        self.classified += other.classified;
        self.excellent += other.excellent;
        self.good += other.good;
        self.completed += other.completed;
        self.not_completed += other.not_completed;
        self.not_classified += other.not_classified;
        for &(rule, count) in &other.not_classified_by {
            self.count_excluded(rule, count);
        }
        self.undetermined += other.undetermined;
        self.needs_decision += other.needs_decision;
        self.quota_demoted += other.quota_demoted;
        self.rejected += other.rejected;
    }

    pub(crate) fn stats(&self, percents: &mut Percents) -> Stats {
        let mut not_classified_by = BTreeMap::new();
        for &(rule, count) in &self.not_classified_by {
            *not_classified_by
                .entry(rule.map_or("unknown", Rule::id).to_owned())
                .or_default() += count;
        }
        let d = self.classified;
        Stats {
            records: self.records,
            classified: self.classified,
            excellent: self.excellent,
            good: self.good,
            completed: self.completed,
            not_completed: self.not_completed,
            not_classified: self.not_classified,
            not_classified_by,
            undetermined: self.undetermined,
            needs_decision: self.needs_decision,
            quota_demoted: self.quota_demoted,
            rejected: self.rejected,
            shares: Shares {
                excellent: percents.share(self.excellent, d),
                good: percents.share(self.good, d),
                completed: percents.share(self.completed, d),
                not_completed: percents.share(self.not_completed, d),
                good_or_better: percents.share(self.excellent + self.good, d),
            },
        }
    }
}

/// Percent texts already made, by numerator and denominator: most shares of small
/// units and groups repeat, so each is formatted once.
#[derive(Default)]
pub(crate) struct Percents(HashMap<(u64, u64), String>);

impl Percents {
    /// Denominators up to this are remembered (bounds the table; larger ones are rare).
    const REMEMBERED: u64 = 1000;

    pub(crate) fn share(&mut self, numerator: u64, denominator: u64) -> Share {
        let percent = if denominator <= Self::REMEMBERED {
            self.0
                .entry((numerator, denominator))
                .or_insert_with(|| percent_text(numerator, denominator))
                .clone()
        } else {
            percent_text(numerator, denominator)
        };
        Share {
            numerator,
            denominator,
            percent,
        }
    }
}

impl OrgEvaluator {
    pub(super) fn report(mut self, preorder: &[u32], quota: QuotaApplied) -> OrgResult {
        let QuotaApplied {
            groups,
            reports: quota_reports,
            report_of,
        } = quota;
        let mut own: Vec<Tally> = vec![Tally::default(); self.units.len()];
        let mut demotions: Vec<Vec<Demotion>> = vec![Vec::new(); self.units.len()];
        let mut total = Tally::default();
        let mut group_tallies: Vec<Tally> = vec![Tally::default(); groups.names.len()];
        for (record, summary) in self.summaries.iter().enumerate() {
            let Some(s) = summary else { continue };
            if let Some(tally) = own.get_mut(s.unit as usize) {
                tally.add(s);
            }
            total.add(s);
            let group = groups.of.get(record).copied().flatten();
            if let Some(tally) = group.and_then(|g| group_tallies.get_mut(g as usize)) {
                tally.add(s);
            }
            if s.demoted {
                let report = group
                    .and_then(|g| report_of.get(g as usize).copied().flatten())
                    .and_then(|r| quota_reports.get(r as usize));
                if let Some(list) = demotions.get_mut(s.unit as usize) {
                    list.push(Demotion {
                        id: s.id.to_string(),
                        group: group
                            .and_then(|g| groups.names.get(g as usize))
                            .cloned()
                            .unwrap_or_default(),
                        e_max: report.map_or(0, |r| r.e_max),
                        // From the summary: kept even when decisions are not.
                        rank: s.quota_rank,
                        tied_at_cut: s.tied_at_cut,
                    });
                }
            }
        }
        // A state record's rejection counts in the state figures only.
        let state_rejected: HashSet<usize> = self.state_rejected.iter().map(|&(i, _)| i).collect();
        for (position, entry) in self.rejected.iter().enumerate() {
            if state_rejected.contains(&position) {
                continue;
            }
            let unit = entry
                .unit
                .as_ref()
                .and_then(|u| self.unit_ids.get(u.as_str()))
                .copied();
            if entry.id.is_some() || entry.unit.is_none() {
                total.rejected += 1;
                if let Some(tally) = unit.and_then(|u| own.get_mut(u as usize)) {
                    tally.rejected += 1;
                }
            }
        }
        // Subtree figures: children before parents, each added into its parent in place.
        let mut subtree: Vec<Tally> = own.clone();
        for &unit in preorder.iter().rev() {
            let Some(parent) = self.units.get(unit as usize).and_then(|u| u.parent) else {
                continue;
            };
            let Some(child) = subtree.get_mut(unit as usize).map(std::mem::take) else {
                continue;
            };
            if let Some(p) = subtree.get_mut(parent as usize) {
                p.merge(&child);
            }
            if let Some(slot) = subtree.get_mut(unit as usize) {
                *slot = child;
            }
        }
        let mut percents = Percents::default();
        let empty = Tally::default();
        let mut units = Vec::with_capacity(preorder.len());
        for &unit in preorder {
            let Some(u) = self.units.get(unit as usize) else {
                continue;
            };
            let index = unit as usize;
            units.push(UnitReport {
                id: u.id.clone(),
                name: u.name.clone(),
                parent: u
                    .parent
                    .and_then(|p| self.units.get(p as usize))
                    .map(|p| p.id.clone()),
                depth: u.depth,
                rating: self.unit_rating(unit),
                own: own.get(index).unwrap_or(&empty).stats(&mut percents),
                subtree: subtree.get(index).unwrap_or(&empty).stats(&mut percents),
                demotions: demotions
                    .get_mut(index)
                    .map(std::mem::take)
                    .unwrap_or_default(),
            });
        }
        drop(own);
        drop(subtree);
        let mut group_of_report = vec![None; quota_reports.len()];
        for (group, report) in report_of.iter().enumerate() {
            if let Some(slot) = report.and_then(|r| group_of_report.get_mut(r as usize)) {
                *slot = Some(group);
            }
        }
        let groups: Vec<GroupReport> = quota_reports
            .into_iter()
            .zip(group_of_report)
            .map(|(quota, group)| GroupReport {
                quota,
                stats: group
                    .and_then(|g| group_tallies.get(g))
                    .unwrap_or(&empty)
                    .stats(&mut percents),
            })
            .collect();
        drop(group_tallies);
        // Before the decisions are taken for the output.
        let (state_units, state_groups) = self.state_report(preorder, &mut percents);
        let mut records = Vec::new();
        if self.options.keep_decisions {
            let mut decisions = std::mem::take(&mut self.decisions);
            for &unit in preorder {
                let Some(u) = self.units.get(unit as usize) else {
                    continue;
                };
                let mut ordered = u.records.clone();
                ordered.sort_by_key(|r| {
                    self.summaries
                        .get(*r as usize)
                        .and_then(|s| s.as_ref())
                        .map(|s| s.role)
                });
                for record in ordered {
                    let role = self
                        .summaries
                        .get(record as usize)
                        .and_then(|s| s.as_ref())
                        .map(|s| s.role);
                    if let (Some(role), Some(slot)) = (role, decisions.get_mut(record as usize)) {
                        if let Some(decision) = slot.take() {
                            records.push(OrgRecord {
                                unit: u.id.clone(),
                                role,
                                decision,
                            });
                        }
                    }
                }
                let unit_id = u.id.clone();
                for (role, decision) in self.take_state_records(unit) {
                    records.push(OrgRecord {
                        unit: unit_id.clone(),
                        role,
                        decision,
                    });
                }
            }
        }
        OrgResult {
            report: OrgReport {
                units,
                groups,
                total: total.stats(&mut percents),
                rejected: self.rejected,
                state_units,
                state_groups,
            },
            records,
        }
    }
}
