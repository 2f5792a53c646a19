//! The state Excellent quota (`spec/state-regimes.md` §2.3, §3; design §7): applied to
//! the state decisions of a call after each is evaluated, never mixed with the party
//! quota. Only decisions of one rating year and regime are compared; within them, per
//! quota group and then per agency:
//!
//! - `nd335`, `nd233` (`nd335.20.5.a`, `.b`): Excellent at most `r` of the Good count,
//!   `k = ⌊r·(H + X)/(1 + r)⌋` with `r` = 1/5, or 1/4 for an agency recognised Excellent;
//!   candidates ranked by the rounded annual score.
//! - `nd90` with ND 48 (`nd90.2.6`): Excellent at most the party's Excellent rate `ρ` of
//!   all classified, `k = ⌊ρ·N⌋`, ranked by the share of tasks exceeded; without a rate,
//!   the party norm (as `nd335` at 1/5). Before ND 48 nothing is demoted.
//!
//! Ties at the cut need the competent level's decision (kept in id order). Applying the
//! quota twice changes nothing: a second call first undoes the first.

use crate::contract::decision::{Basis, Effect, QuotaOutcome};
use crate::contract::level::{Level, Outcome};
use crate::contract::quota::QuotaOptions;
use crate::contract::regime::RegimeId;
use crate::contract::state::{PartyRate, QuotaScope, Rating, RatioSource, StateQuotaReport};
use crate::contract::subject::SubjectKind;
use crate::points::Points;
use crate::regimes::decision::Decision;
use crate::regimes::state::citations::points_basis;
use crate::regimes::state::part::QuotaStep;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The rules the state quota writes (undone by a second application).
const QUOTA_RULES: [Rule; 3] = [Rule::StateQuota, Rule::StateRecognised, Rule::Nd90Quota];

/// A state decision that takes part: classified, rated by a regime, not an agency record.
fn takes_part(d: &Decision) -> bool {
    d.rating == Rating::State
        && d.outcome == Outcome::Classified
        && d.state
            .as_deref()
            .is_some_and(|s| !s.no_regime && s.unit_level.is_none())
}

/// Undoes an earlier application on `d`.
fn restore(d: &mut Decision) {
    let Some(part) = d.state.as_deref_mut() else {
        return;
    };
    if part.quota_steps.is_empty() {
        return;
    }
    if d.quota.as_ref().is_some_and(|q| q.demoted) {
        d.level = Some(Level::Excellent);
    }
    if let Some(before) = part.needs_decision_before_quota.take() {
        d.needs_decision = before;
    }
    part.quota_steps.clear();
    d.quota = None;
    d.reasons.retain(|r| !QUOTA_RULES.contains(&r.rule));
}

/// The ratio of one scope, as a fraction, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ratio {
    numerator: u64,
    denominator: u64,
    source: RatioSource,
    /// A derived rate's counts: Excellent party members and those classified.
    party_counts: Option<(u32, u32)>,
}

impl Ratio {
    const NORM: Ratio = Ratio {
        numerator: 1,
        denominator: 5,
        source: RatioSource::Norm,
        party_counts: None,
    };

    /// Largest number of Excellent: by the Good count (`⌊r·(H + X)/(1 + r)⌋`), or by all
    /// classified (`⌊ρ·N⌋`, a given or derived party rate).
    fn e_max(self, candidates: u64, good: u64, rated: u64) -> u64 {
        match self.source {
            RatioSource::Given | RatioSource::Derived => {
                self.numerator * rated / self.denominator.max(1)
            }
            RatioSource::NotInForce => candidates,
            RatioSource::Norm | RatioSource::Recognised | RatioSource::PartyNorm => {
                self.numerator * (good + candidates) / (self.numerator + self.denominator)
            }
        }
    }
}

/// An agency's party Excellent rate (`nd90.2.6`), as a fraction in lowest terms.
fn party_rate(rate: &PartyRate) -> Option<(u64, u64)> {
    let (n, d) = match rate {
        PartyRate::Counts { excellent, rated } if *rated > 0 && excellent <= rated => {
            (u64::from(*excellent), u64::from(*rated))
        }
        PartyRate::Counts { .. } => return None,
        PartyRate::Percent(number) => {
            let p = Points::from_json_number(number).ok()?.hundredths();
            (u64::try_from(p).ok()?, 10_000)
        }
    };
    let g = gcd(n, d).max(1);
    Some((n / g, d / g))
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// One member of a scope.
struct Member {
    index: usize,
    level: Level,
}

/// Ranks two candidates: the higher rounded annual score (`nd335`, `nd233`) or share of
/// tasks exceeded (`nd90`, cross-multiplied) first; `Equal` is a tie.
fn compare(a: &Decision, b: &Decision, regime: RegimeId) -> Ordering {
    if regime == RegimeId::Nd90 {
        let (ea, aa) = a.tasks.map_or((0, 1), |t| (t.exceeded, t.assigned.max(1)));
        let (eb, ab) = b.tasks.map_or((0, 1), |t| (t.exceeded, t.assigned.max(1)));
        (u64::from(eb) * u64::from(aa)).cmp(&(u64::from(ea) * u64::from(ab)))
    } else {
        b.score.cmp(&a.score)
    }
}

/// The state quota over every state decision of `decisions`; returns a report per group
/// and agency with a classified record (year, regime, groups before agencies, by name).
pub fn apply_state_quota(
    decisions: &mut [Decision],
    options: &QuotaOptions,
) -> Vec<StateQuotaReport> {
    apply_state_quota_with(decisions, options, &BTreeMap::new())
}

/// [`apply_state_quota`] with the party Excellent rates derived from a call's paired
/// party records (`nd90.2.6`): agency → (Excellent, classified).
pub fn apply_state_quota_with(
    decisions: &mut [Decision],
    options: &QuotaOptions,
    derived: &BTreeMap<String, (u32, u32)>,
) -> Vec<StateQuotaReport> {
    decisions.iter_mut().for_each(restore);
    // (year, regime) → indices of the decisions that take part.
    let mut rounds: BTreeMap<(i32, RegimeId), Vec<usize>> = BTreeMap::new();
    for (index, d) in decisions.iter().enumerate() {
        if takes_part(d) {
            let year = d.state.as_deref().map_or(0, |s| s.year);
            rounds.entry((year, d.regime)).or_default().push(index);
        }
    }
    let mut reports = Vec::new();
    for ((year, regime), members) in rounds {
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut agencies: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &i in &members {
            let d = &decisions[i];
            let agency = d
                .state
                .as_deref()
                .map_or_else(String::new, |s| s.agency.clone());
            let group = d.quota_group.clone().unwrap_or_else(|| {
                let who = if d.subject_kind == SubjectKind::Leader {
                    "leaders"
                } else {
                    "members"
                };
                format!("{agency}/{who}")
            });
            groups.entry(group).or_default().push(i);
            agencies.entry(agency).or_default().push(i);
        }
        let nd48 = members
            .first()
            .and_then(|&i| decisions[i].state.as_deref())
            .is_none_or(|s| s.nd48);
        for (scope, scopes) in [
            (QuotaScope::Group, &groups),
            (QuotaScope::Agency, &agencies),
        ] {
            for (name, indices) in scopes {
                let ratio = ratio_of(decisions, indices, regime, nd48, options, derived);
                reports.push(rank_scope(
                    decisions, indices, scope, name, year, regime, ratio,
                ));
            }
        }
    }
    reports
}

/// The ratio of a scope: every agency in it recognised → 1/4 (`nd335`, `nd233`); under
/// `nd90` the agency's party rate, else the party norm; before ND 48, none.
fn ratio_of(
    decisions: &[Decision],
    indices: &[usize],
    regime: RegimeId,
    nd48: bool,
    options: &QuotaOptions,
    derived: &BTreeMap<String, (u32, u32)>,
) -> Ratio {
    let agencies: Vec<&str> = indices
        .iter()
        .filter_map(|&i| decisions[i].state.as_deref().map(|s| s.agency.as_str()))
        .collect();
    if regime == RegimeId::Nd90 {
        if !nd48 {
            return Ratio {
                numerator: 0,
                denominator: 1,
                source: RatioSource::NotInForce,
                party_counts: None,
            };
        }
        let rate = agencies
            .first()
            .and_then(|a| options.party_excellent_rate.get(*a))
            .and_then(party_rate);
        let derived_rate = agencies
            .first()
            .and_then(|a| derived.get(*a))
            .filter(|(_, rated)| *rated > 0);
        return match (rate, derived_rate) {
            (Some((numerator, denominator)), _) => Ratio {
                numerator,
                denominator,
                source: RatioSource::Given,
                party_counts: None,
            },
            (None, Some(&(excellent, rated))) => {
                let g = gcd(u64::from(excellent), u64::from(rated)).max(1);
                Ratio {
                    numerator: u64::from(excellent) / g,
                    denominator: u64::from(rated) / g,
                    source: RatioSource::Derived,
                    party_counts: Some((excellent, rated)),
                }
            }
            (None, None) => Ratio {
                source: RatioSource::PartyNorm,
                ..Ratio::NORM
            },
        };
    }
    let recognised = !agencies.is_empty()
        && agencies
            .iter()
            .all(|a| options.agency_recognised_excellent.iter().any(|r| r == a));
    if recognised {
        Ratio {
            numerator: 1,
            denominator: 4,
            source: RatioSource::Recognised,
            party_counts: None,
        }
    } else {
        Ratio::NORM
    }
}

/// Ranks the Excellent candidates of one scope, demotes those beyond the cut, and says
/// so on each candidate.
fn rank_scope(
    decisions: &mut [Decision],
    indices: &[usize],
    scope: QuotaScope,
    name: &str,
    year: i32,
    regime: RegimeId,
    ratio: Ratio,
) -> StateQuotaReport {
    let members: Vec<Member> = indices
        .iter()
        .filter_map(|&index| decisions[index].level.map(|level| Member { index, level }))
        .collect();
    let mut candidates: Vec<usize> = members
        .iter()
        .filter(|m| m.level == Level::Excellent)
        .map(|m| m.index)
        .collect();
    let good = members.iter().filter(|m| m.level == Level::Good).count() as u64;
    let rated = members.len() as u64;
    let x = candidates.len() as u64;
    let e_max = ratio.e_max(x, good, rated);
    candidates.sort_by(|&a, &b| {
        compare(&decisions[a], &decisions[b], regime)
            .then_with(|| decisions[a].id.cmp(&decisions[b].id))
    });
    let k = usize::try_from(e_max).unwrap_or(usize::MAX);
    // Tied at the cut: the candidates equal to the last kept, when one of them is cut.
    let tied: Vec<usize> = match (
        k.checked_sub(1).and_then(|l| candidates.get(l)),
        candidates.get(k),
    ) {
        (Some(&last), Some(&first_out))
            if compare(&decisions[last], &decisions[first_out], regime) == Ordering::Equal =>
        {
            candidates
                .iter()
                .copied()
                .filter(|&c| compare(&decisions[c], &decisions[last], regime) == Ordering::Equal)
                .collect()
        }
        _ => Vec::new(),
    };
    let rule = if regime == RegimeId::Nd90 {
        Rule::Nd90Quota
    } else {
        Rule::StateQuota
    };
    let in_force = ratio.source != RatioSource::NotInForce;
    let mut demoted = 0;
    for (position, &c) in candidates.iter().enumerate() {
        let keeps = position < k || !in_force;
        let is_tied = tied.contains(&c);
        let d = &mut decisions[c];
        let Some(part) = d.state.as_deref_mut() else {
            continue;
        };
        if part.needs_decision_before_quota.is_none() {
            part.needs_decision_before_quota = Some(d.needs_decision);
        }
        let step_index = u8::try_from(part.quota_steps.len()).unwrap_or(u8::MAX);
        part.quota_steps.push(QuotaStep {
            scope,
            name: name.to_owned(),
            rule,
            ratio: in_force.then_some((ratio.numerator, ratio.denominator)),
            source: ratio.source,
            rated: u32::try_from(rated).unwrap_or(u32::MAX),
            candidates: u32::try_from(x).unwrap_or(u32::MAX),
            good: u32::try_from(good).unwrap_or(u32::MAX),
            e_max: u32::try_from(e_max).unwrap_or(u32::MAX),
            rank: u32::try_from(position + 1).unwrap_or(u32::MAX),
            tied: is_tied,
            keeps,
            party_counts: ratio.party_counts,
        });
        let recognised_reason = ratio.source == RatioSource::Recognised
            && scope == QuotaScope::Group
            && !d.reasons.iter().any(|r| r.rule == Rule::StateRecognised);
        if recognised_reason {
            d.reasons.push(
                Reason::new(
                    Rule::StateRecognised,
                    true,
                    Effect::Info,
                    None,
                    Values::default(),
                )
                .with_basis(points_basis(Rule::StateRecognised, regime)),
            );
        }
        let values = Values::of(&[(Fact::QuotaStep, Value::QuotaStep(step_index))]);
        let effect = if keeps { Effect::Info } else { Effect::Demotes };
        // Before ND 48 the rule is shown, not in force: it does not hold.
        let holds = keeps && in_force;
        let mut reason = Reason::new(rule, holds, effect, Some(Level::Excellent), values);
        if ratio.source == RatioSource::PartyNorm {
            reason = reason.with_basis(Basis::Inferred);
        }
        d.reasons.push(reason);
        if is_tied {
            d.needs_decision = true;
        }
        if !keeps {
            d.level = Some(Level::Good);
            demoted += 1;
        }
        d.quota = Some(QuotaOutcome {
            group: name.to_owned(),
            e_max: u32::try_from(e_max).unwrap_or(u32::MAX),
            rank: u32::try_from(position + 1).unwrap_or(u32::MAX),
            demoted: !keeps,
            tied_at_cut: is_tied,
            scope: Some(scope),
            rule: Some(rule.id().to_owned()),
        });
    }
    StateQuotaReport {
        scope,
        name: name.to_owned(),
        year,
        regime,
        rule: rule.id().to_owned(),
        ratio: in_force.then(|| {
            let g = gcd(ratio.numerator, ratio.denominator).max(1);
            let (n, d) = (ratio.numerator / g, ratio.denominator / g);
            if d == 1 {
                n.to_string()
            } else {
                format!("{n}/{d}")
            }
        }),
        ratio_source: ratio.source,
        rated: u32::try_from(rated).unwrap_or(u32::MAX),
        candidates: u32::try_from(x).unwrap_or(u32::MAX),
        good: u32::try_from(good).unwrap_or(u32::MAX),
        e_max: u32::try_from(e_max).unwrap_or(u32::MAX),
        demoted,
        tied_at_cut: u32::try_from(tied.len()).unwrap_or(u32::MAX),
    }
}
