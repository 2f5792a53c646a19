//! The committee's summary: a season's decisions counted per unit (its own records and
//! with the units below) and in total, each split as a committee reports them to its
//! superior (HD 43): party organisations, other collectives, party members and, of
//! them, leaders, and apart from them the state records and, of them, leaders; with the records not classified by rule and the quota's demotions
//! with their rank (`spec/group-rules.md` §4). The counting is the organisation
//! report's ([`Tally`]); shares are exact fractions shown to one decimal place.

use crate::contract::decision::Effect;
use crate::contract::results::{
    CategoryStats, CommitteeSummary, NotClassifiedCount, QuotaDemotion, UnitSummary,
};
use crate::contract::state::Rating;
use crate::contract::subject::{CollectiveKind, SubjectKind};
use crate::group::org::report::{Percents, Tally};
use crate::regimes::decision::Decision;
use crate::rules::catalogue::Rule;

/// A unit of the summary: its id, name, and its parent's position among the units
/// (which come parents first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryUnit {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: Option<String>,
    /// Its parent's position in the list, if it has one.
    pub parent: Option<usize>,
    /// 0 for a root.
    pub depth: u32,
}

/// Counts by category while the decisions are read.
#[derive(Debug, Clone, Default)]
struct CategoryTally {
    party_organisations: Tally,
    other_collectives: Tally,
    party_members: Tally,
    leaders: Tally,
    state: Tally,
    state_leaders: Tally,
    all: Tally,
}

impl CategoryTally {
    fn add(&mut self, decision: &Decision) {
        let excluded_by = decision
            .reasons
            .iter()
            .find(|reason| reason.effect == Effect::Excludes)
            .map(|reason| reason.rule);
        let demoted = decision.quota.as_ref().is_some_and(|q| q.demoted);
        let count = |tally: &mut Tally| {
            tally.add_outcome(
                decision.outcome,
                decision.level,
                excluded_by,
                decision.needs_decision,
                demoted,
            );
        };
        match (
            decision.rating,
            decision.subject_kind,
            decision.collective_kind,
        ) {
            // A state record counts apart from the party's categories.
            (Rating::State, SubjectKind::Leader, _) => {
                count(&mut self.state);
                count(&mut self.state_leaders);
            }
            (Rating::State, _, _) => count(&mut self.state),
            (_, SubjectKind::Member, _) => count(&mut self.party_members),
            (_, SubjectKind::Leader, _) => {
                count(&mut self.party_members);
                count(&mut self.leaders);
            }
            (
                _,
                SubjectKind::Collective,
                Some(CollectiveKind::PartyOrganisation | CollectiveKind::PartyCommittee),
            ) => count(&mut self.party_organisations),
            (_, SubjectKind::Collective, _) => count(&mut self.other_collectives),
        }
        count(&mut self.all);
    }

    fn merge(&mut self, other: &CategoryTally) {
        self.party_organisations.merge(&other.party_organisations);
        self.other_collectives.merge(&other.other_collectives);
        self.party_members.merge(&other.party_members);
        self.leaders.merge(&other.leaders);
        self.state.merge(&other.state);
        self.state_leaders.merge(&other.state_leaders);
        self.all.merge(&other.all);
    }

    fn stats(&self, percents: &mut Percents) -> CategoryStats {
        CategoryStats {
            party_organisations: self.party_organisations.stats(percents),
            other_collectives: self.other_collectives.stats(percents),
            party_members: self.party_members.stats(percents),
            leaders: self.leaders.stats(percents),
            state: self.state.stats(percents),
            state_leaders: self.state_leaders.stats(percents),
            all: self.all.stats(percents),
        }
    }
}

/// One decision to count: its unit's position among the units (none outside a tree),
/// the name given beside it, and the decision.
pub struct Counted<'a> {
    /// The unit's position.
    pub unit: Option<usize>,
    /// The name given beside the record.
    pub name: Option<&'a str>,
    /// The decision, with the quota applied.
    pub decision: &'a Decision,
}

/// The summary of these decisions, over these units; `rejected` gives the unit of each
/// record that was not evaluated (none: outside any unit).
pub fn committee_summary<'a>(
    title: Option<String>,
    units: &[SummaryUnit],
    decisions: impl IntoIterator<Item = Counted<'a>>,
    rejected: impl IntoIterator<Item = Option<usize>>,
) -> CommitteeSummary {
    let mut own = vec![CategoryTally::default(); units.len()];
    let mut total = CategoryTally::default();
    let mut demotions = Vec::new();
    for counted in decisions {
        let decision = counted.decision;
        if let Some(tally) = counted.unit.and_then(|u| own.get_mut(u)) {
            tally.add(decision);
        }
        total.add(decision);
        if let Some(quota) = decision.quota.as_ref().filter(|q| q.demoted) {
            demotions.push(QuotaDemotion {
                id: decision.id.clone(),
                name: counted.name.map(str::to_owned),
                unit: counted
                    .unit
                    .and_then(|u| units.get(u))
                    .map(|u| u.id.clone()),
                group: quota.group.clone(),
                rank: quota.rank,
                e_max: quota.e_max,
                tied_at_cut: quota.tied_at_cut,
            });
        }
    }
    for unit in rejected {
        if let Some(tally) = unit.and_then(|u| own.get_mut(u)) {
            tally.all.add_rejected();
        }
        total.all.add_rejected();
    }
    // Units come parents first: adding each into its parent from the last up sums every
    // subtree.
    let mut subtree = own.clone();
    let mut has_units_below = vec![false; units.len()];
    for (position, unit) in units.iter().enumerate().rev() {
        let Some(parent) = unit.parent.filter(|&p| p < position) else {
            continue;
        };
        let child = subtree.get(position).cloned().unwrap_or_default();
        if let Some(tally) = subtree.get_mut(parent) {
            tally.merge(&child);
        }
        if let Some(flag) = has_units_below.get_mut(parent) {
            *flag = true;
        }
    }
    let mut percents = Percents::default();
    let unit_summaries = units
        .iter()
        .enumerate()
        .map(|(position, unit)| UnitSummary {
            id: unit.id.clone(),
            name: unit.name.clone(),
            depth: unit.depth,
            has_units_below: has_units_below.get(position).copied().unwrap_or(false),
            own: own
                .get(position)
                .map(|t| t.stats(&mut percents))
                .unwrap_or_default(),
            subtree: subtree
                .get(position)
                .map(|t| t.stats(&mut percents))
                .unwrap_or_default(),
        })
        .collect();
    let total = total.stats(&mut percents);
    let not_classified = total
        .all
        .not_classified_by
        .iter()
        .map(|(rule, &count)| NotClassifiedCount {
            rule: rule.clone(),
            citation: Rule::from_id(rule).map_or_else(String::new, |r| r.citation().in_words()),
            count,
        })
        .collect();
    CommitteeSummary {
        title,
        units: unit_summaries,
        total,
        not_classified,
        demotions,
    }
}
