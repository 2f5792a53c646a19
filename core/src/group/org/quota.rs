//! The Excellent quota over the tree: each record's group (per unit, per grassroots
//! organisation under QĐ 132, per sibling collectives), then the quota applied.

use crate::contract::decision::Effect;
use crate::contract::level::{Level, Outcome};
use crate::contract::org::Role;
use crate::contract::quota::GroupQuotaReport;
use crate::contract::subject::CollectiveKind;
use crate::group::org::evaluator::OrgEvaluator;
use crate::group::quota::apply::apply_verdict;
use crate::group::quota::plan::{plan_quota, QuotaEntry};
use hashbrown::hash_table::Entry;
use hashbrown::{DefaultHashBuilder, HashMap, HashTable};
use std::hash::BuildHasher;

/// The quota groups of a tree: their names, and each record's group.
#[derive(Default)]
pub(super) struct QuotaGroups {
    /// By group.
    pub(super) names: Vec<String>,
    /// `(hash of the name, group)`, to find a group by its name.
    pub(super) by_name: HashTable<(u64, u32)>,
    pub(super) hasher: DefaultHashBuilder,
    /// By record (none for a rejected record).
    pub(super) of: Vec<Option<u32>>,
}

impl QuotaGroups {
    /// The group of this name, added if new.
    pub(super) fn intern(&mut self, name: &str) -> u32 {
        let hash = self.hasher.hash_one(name);
        let names = &self.names;
        match self.by_name.entry(
            hash,
            |&(h, g)| h == hash && names.get(g as usize).is_some_and(|n| n == name),
            |&(h, _)| h,
        ) {
            Entry::Occupied(entry) => entry.get().1,
            Entry::Vacant(entry) => {
                let group = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
                entry.insert((hash, group));
                self.names.push(name.to_owned());
                group
            }
        }
    }

    pub(super) fn find(&self, name: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(name);
        self.by_name
            .find(hash, |&(h, g)| {
                h == hash && self.names.get(g as usize).is_some_and(|n| n == name)
            })
            .map(|&(_, group)| group)
    }
}

/// The quota as applied: the groups, their reports (sorted by name) and the report of
/// each group that has one.
pub(super) struct QuotaApplied {
    pub(super) groups: QuotaGroups,
    pub(super) reports: Vec<GroupQuotaReport>,
    /// By group.
    pub(super) report_of: Vec<Option<u32>>,
}

/// A collective kind's name as in JSON (`party_organisation`), found once per kind.
pub(super) fn collective_kind_name(
    known: &mut Vec<(Option<CollectiveKind>, String)>,
    kind: Option<CollectiveKind>,
) -> String {
    if let Some((_, name)) = known.iter().find(|(k, _)| *k == kind) {
        return name.clone();
    }
    let name = kind
        .and_then(|k| serde_json::to_value(k).ok())
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    known.push((kind, name.clone()));
    name
}

impl OrgEvaluator {
    /// Each record's quota group. The default groups are keyed by integers — (unit,
    /// members), (unit, leaders), (parent unit, collective kind) — so a group's name is
    /// formatted once, not once per record; names still decide what is one group (a
    /// `quota_group` may name a default group).
    pub(super) fn quota_groups(&self) -> QuotaGroups {
        const NO_GROUP: u32 = u32::MAX;
        let mut groups = QuotaGroups::default();
        let mut members = vec![NO_GROUP; self.units.len()];
        let mut leaders = vec![NO_GROUP; self.units.len()];
        let mut collectives: HashMap<(Option<u32>, Option<CollectiveKind>), u32> = HashMap::new();
        let mut kind_names: Vec<(Option<CollectiveKind>, String)> = Vec::new();
        // HD 21 groups QĐ 132 members per grassroots organisation: the nearest unit at
        // or above theirs flagged `grassroots`.
        let grassroots_of = |unit: u32| {
            let mut at = Some(unit);
            let mut steps = 0;
            while let (Some(index), true) = (at, steps <= self.units.len()) {
                let u = self.units.get(index as usize)?;
                if u.grassroots {
                    return Some(index);
                }
                at = u.parent;
                steps += 1;
            }
            None
        };
        groups.of.reserve(self.summaries.len());
        for summary in &self.summaries {
            let Some(s) = summary else {
                groups.of.push(None);
                continue;
            };
            if let Some(name) = &s.quota_group {
                let group = groups.intern(name);
                groups.of.push(Some(group));
                continue;
            }
            let unit = self.units.get(s.unit as usize);
            let unit_id = unit.map_or("", |u| u.id.as_str());
            let group = match s.role {
                Role::Member
                    if s.regime.info().tree.grassroots_member_quota
                        && grassroots_of(s.unit).is_some() =>
                {
                    let root = grassroots_of(s.unit).unwrap_or(s.unit);
                    match members.get_mut(root as usize) {
                        Some(slot) if *slot != NO_GROUP => *slot,
                        slot => {
                            let root_id =
                                self.units.get(root as usize).map_or("", |u| u.id.as_str());
                            let group = groups.intern(&format!("{root_id}/members"));
                            if let Some(slot) = slot {
                                *slot = group;
                            }
                            group
                        }
                    }
                }
                Role::Member | Role::Leader => {
                    let (slots, suffix) = if s.role == Role::Member {
                        (&mut members, "members")
                    } else {
                        (&mut leaders, "leaders")
                    };
                    match slots.get_mut(s.unit as usize) {
                        Some(slot) if *slot != NO_GROUP => *slot,
                        slot => {
                            let group = groups.intern(&format!("{unit_id}/{suffix}"));
                            if let Some(slot) = slot {
                                *slot = group;
                            }
                            group
                        }
                    }
                }
                Role::Organisation | Role::Agency | Role::Leadership | Role::StateAgency => {
                    // Collectives are compared with those of the sibling units; the
                    // roots' with each other (their real peers are outside the tree).
                    let parent = unit.and_then(|u| u.parent);
                    match collectives.entry((parent, s.collective_kind)) {
                        hashbrown::hash_map::Entry::Occupied(entry) => *entry.get(),
                        hashbrown::hash_map::Entry::Vacant(entry) => {
                            let parent_id = parent
                                .and_then(|p| self.units.get(p as usize))
                                .map_or("(root)", |p| p.id.as_str());
                            let kind = collective_kind_name(&mut kind_names, s.collective_kind);
                            *entry.insert(groups.intern(&format!("{parent_id}/collectives/{kind}")))
                        }
                    }
                }
            };
            groups.of.push(Some(group));
        }
        groups
    }

    /// Applies the quota over every evaluated record; returns the groups, each record's
    /// group and the groups' reports.
    pub(super) fn apply_quota(&mut self) -> QuotaApplied {
        let groups = self.quota_groups();
        let Some(options) = self.options.quota.clone() else {
            return QuotaApplied {
                report_of: vec![None; groups.names.len()],
                groups,
                reports: Vec::new(),
            };
        };
        // Undo an earlier application (the quota may run again after re-evaluation).
        for (summary, decision) in self.summaries.iter_mut().zip(
            self.decisions
                .iter_mut()
                .map(Some)
                .chain(std::iter::repeat_with(|| None)),
        ) {
            if let Some(s) = summary {
                if s.demoted {
                    s.level = Some(Level::Excellent);
                    s.demoted = false;
                }
                s.quota_rank = 0;
                s.tied_at_cut = false;
            }
            if let Some(Some(d)) = decision {
                if let Some(q) = d.quota.take() {
                    if q.demoted {
                        d.level = Some(Level::Excellent);
                    }
                    let rule = d.regime.info().quota_rule;
                    d.reasons.retain(|r| r.rule != rule);
                    d.needs_decision = d.reasons.iter().any(|r| r.effect == Effect::NeedsDecision);
                }
            }
        }
        // Records without a level are in no group's count: they are left out.
        let mut records: Vec<u32> = Vec::new();
        let entries: Vec<QuotaEntry<'_>> = self
            .summaries
            .iter()
            .zip(&groups.of)
            .enumerate()
            .filter_map(|(record, (s, g))| {
                let (s, group) = (s.as_ref()?, (*g)?);
                let level = if s.outcome == Outcome::Classified {
                    s.level?
                } else {
                    return None;
                };
                records.push(u32::try_from(record).unwrap_or(u32::MAX));
                Some(QuotaEntry {
                    group: group as usize,
                    id: &s.id,
                    level: Some(level),
                    score: s.score,
                    exceeded: s.tasks.0,
                    assigned: s.tasks.1,
                    regime: s.regime,
                })
            })
            .collect();
        let name_refs: Vec<&str> = groups.names.iter().map(String::as_str).collect();
        let plan = plan_quota(&entries, &name_refs, &options);
        drop(name_refs);
        drop(entries);
        for (verdict, record) in plan.verdicts.iter().zip(records) {
            let Some(verdict) = verdict else { continue };
            let Some(report) = plan.reports.get(verdict.report) else {
                continue;
            };
            if let Some(Some(s)) = self.summaries.get_mut(record as usize) {
                if !verdict.keeps {
                    s.level = Some(Level::Good);
                    s.demoted = true;
                }
                s.needs_decision |= verdict.tied;
                s.quota_rank = verdict.rank;
                s.tied_at_cut = verdict.tied;
            }
            if let Some(Some(d)) = self.decisions.get_mut(record as usize) {
                apply_verdict(d, verdict, report);
            }
        }
        let mut report_of = vec![None; groups.names.len()];
        for (index, report) in plan.reports.iter().enumerate() {
            if let Some(slot) = groups
                .find(&report.group)
                .and_then(|group| report_of.get_mut(group as usize))
            {
                *slot = Some(u32::try_from(index).unwrap_or(u32::MAX));
            }
        }
        QuotaApplied {
            groups,
            reports: plan.reports,
            report_of,
        }
    }
}
