//! Properties of the Excellent quota (`qd366.11.1.quota`, `spec/group-rules.md` §1) over
//! generated batches of decisions (proptest).
//!
//! A batch is built from valid assessments, evaluated one by one with
//! `cadre_eval::evaluate`, then given to `apply_quota`. The generator is narrow on
//! purpose: scores come from a small set and task counts from a small set (10 and 20
//! tasks with the same shares exceeded), so that candidates tie on score AND share
//! exceeded often, and ties fall at the cut. Groups are a few named `quota_group`s plus
//! records with none (default group by subject kind); levels cover Excellent, Good,
//! Completed, Not completed, not classified and (under `strict`) undetermined.
//!
//! Each property is checked against counts and an `e_max` computed here from the ratio
//! itself (the largest `e` the ratio admits, found by counting), not against the
//! engine's closed formula.

#![cfg(test)]

use cadre_eval::{
    apply_quota, evaluate, group_of, Assessment, CollectiveKind, Conclusions, Decision, Effect,
    GroupQuotaReport, Level, Mitigation, Options, Outcome, PartyStatus, PeriodInput, Procedure,
    QuotaOptions, QuotaReading, Reading, ScoreInput, ShortcomingsInput, SubjectInput, SubjectKind,
    TargetsReading, TasksInput,
};
use proptest::prelude::*;
use serde_json::Number;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

const QUOTA_RULE: &str = "qd366.11.1.quota";

// ---------------------------------------------------------------------------------
// Batches
// ---------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
enum Who {
    Member,
    Leader,
    Collective(CollectiveKind),
}

/// One record of a batch, in the few values that matter to the quota.
#[derive(Debug, Clone)]
struct RecordParts {
    who: Who,
    quota_group: Option<&'static str>,
    /// The total score in hundredths.
    total: u32,
    /// How the total is split between `general` and `task_results` (the quota ranks by
    /// the total only).
    general_is_full: bool,
    assigned: u32,
    /// Tasks exceeded, in tenths of those assigned: equal shares over 10 and 20 tasks.
    exceeded_tenths: u32,
    one_late: bool,
    shortcoming_unfixed: bool,
    degradation: bool,
    excluded: Option<PartyStatus>,
    open_complaints: bool,
}

fn rare() -> impl Strategy<Value = bool> {
    proptest::bool::weighted(0.08)
}

fn record_parts() -> impl Strategy<Value = RecordParts> {
    (
        prop_oneof![
            6 => Just(Who::Member),
            2 => Just(Who::Leader),
            1 => Just(Who::Collective(CollectiveKind::Leadership)),
            1 => Just(Who::Collective(CollectiveKind::Agency)),
        ],
        prop_oneof![
            3 => Just(None),
            2 => Just(Some("g1")),
            2 => Just(Some("g2")),
            1 => Just(Some("g3")),
        ],
        // Excellent band (three scores, so that ties are frequent), then Good,
        // Completed and Not completed bands.
        prop_oneof![
            6 => prop_oneof![Just(9_000u32), Just(9_250), Just(9_500)],
            2 => Just(8_000u32),
            1 => Just(6_000u32),
            1 => Just(4_000u32),
        ],
        any::<bool>(),
        (
            prop_oneof![1 => Just(0u32), 3 => Just(10u32), 3 => Just(20u32)],
            // 1/10 fails Excellent's `10·x ≥ 3·n`; 3/10 meets it exactly.
            prop_oneof![Just(1u32), Just(3), Just(4)],
            rare(),
            rare(),
            rare(),
        ),
        prop_oneof![
            12 => Just(None),
            1 => Just(Some(PartyStatus::Exempted)),
            1 => Just(Some(PartyStatus::Suspended)),
        ],
        rare(),
    )
        .prop_map(
            |(
                who,
                quota_group,
                total,
                general_is_full,
                (assigned, exceeded_tenths, one_late, shortcoming_unfixed, degradation),
                excluded,
                open_complaints,
            )| RecordParts {
                who,
                quota_group,
                total,
                general_is_full,
                assigned,
                exceeded_tenths,
                one_late,
                shortcoming_unfixed,
                degradation,
                excluded,
                open_complaints,
            },
        )
}

fn points_number(hundredths: u32) -> Number {
    if hundredths % 100 == 0 {
        Number::from(hundredths / 100)
    } else {
        Number::from_f64(f64::from(hundredths) / 100.0).unwrap()
    }
}

/// A valid assessment from its parts.
fn build(id: String, p: &RecordParts) -> Assessment {
    let (kind, collective_kind) = match p.who {
        Who::Member => (SubjectKind::Member, None),
        Who::Leader => (SubjectKind::Leader, None),
        Who::Collective(sub_kind) => (SubjectKind::Collective, Some(sub_kind)),
    };
    let individual = kind != SubjectKind::Collective;
    // Totals lie in 40..=95 points: a `general` of 25 or 30 leaves `task_results` ≤ 70.
    let general = if p.general_is_full { 3_000 } else { 2_500 };
    let late = u32::from(p.one_late && p.assigned > 0);
    Assessment {
        id,
        period: PeriodInput {
            year: Some(2025),
            ..PeriodInput::default()
        },
        as_of: None,
        regime: None,
        subject: SubjectInput {
            kind,
            in_political_system: None,
            centrally_managed: None,
            collective_kind,
            party_status: if kind == SubjectKind::Member {
                p.excluded
            } else {
                None
            },
            employment: None,
            unit_regulation: None,
            admitted_on: None,
            established_on: None,
            temporary_activity: None,
        },
        score: Some(ScoreInput::points(
            points_number(general),
            points_number(p.total - general),
        )),
        grades: None,
        civil_service_level: None,
        tasks: Some(TasksInput {
            assigned: p.assigned,
            completed: p.assigned,
            on_time: p.assigned - late,
            exceeded: p.assigned * p.exceeded_tenths / 10,
            not_completed: None,
            poor: None,
        }),
        shortcomings: p.shortcoming_unfixed.then_some(ShortcomingsInput {
            identified: 1,
            fixed: 0,
        }),
        leave: None,
        discipline: Vec::new(),
        conclusions: Conclusions {
            degradation: p.degradation && individual,
            member_degradation: (p.degradation
                && collective_kind == Some(CollectiveKind::Leadership))
            .then_some(true),
            ..Conclusions::default()
        },
        leader: None,
        collective: None,
        mitigation: Mitigation::default(),
        procedure: Procedure {
            open_complaints: p.open_complaints,
        },
        quota_group: p.quota_group.map(str::to_owned),
        conduct: None,
        rating: None,
        agency: None,
        periods: None,
        criteria: None,
        unit: None,
        managed_units: None,
        unit_level: None,
        state_rating: None,
    }
}

/// Every group name a batch can produce, and one that no record uses.
const GROUP_NAMES: [&str; 8] = [
    "g1",
    "g2",
    "g3",
    "members",
    "leaders",
    "collectives/leadership",
    "collectives/agency",
    "no-such-group",
];

fn quota_options() -> impl Strategy<Value = QuotaOptions> {
    (
        prop_oneof![
            Just(QuotaReading::FinalTally),
            Just(QuotaReading::ProposedGood)
        ],
        proptest::sample::subsequence(GROUP_NAMES.to_vec(), 0..=3),
    )
        .prop_map(|(reading, raised)| QuotaOptions {
            reading,
            raised_ratio_groups: raised.into_iter().map(str::to_owned).collect(),
            ..QuotaOptions::default()
        })
}

fn evaluation_options() -> impl Strategy<Value = Options> {
    prop_oneof![3 => Just(Reading::Cascade), 1 => Just(Reading::Strict)].prop_map(|reading| {
        Options {
            reading,
            basic_targets: TargetsReading::Any,
            ..Options::default()
        }
    })
}

#[derive(Debug, Clone)]
struct Batch {
    assessments: Vec<Assessment>,
    evaluation: Options,
    quota: QuotaOptions,
}

/// A batch with unique ids, assigned by a random permutation so that id order (the
/// engine's tie-break) is unrelated to position.
fn batch() -> impl Strategy<Value = Batch> {
    (
        proptest::collection::vec(record_parts(), 0..=36),
        evaluation_options(),
        quota_options(),
    )
        .prop_flat_map(|(parts, evaluation, quota)| {
            let ids = Just((0..parts.len()).collect::<Vec<_>>()).prop_shuffle();
            (Just(parts), ids, Just(evaluation), Just(quota))
        })
        .prop_map(|(parts, ids, evaluation, quota)| Batch {
            assessments: parts
                .iter()
                .zip(ids)
                .map(|(p, id)| build(format!("r{id:02}"), p))
                .collect(),
            evaluation,
            quota,
        })
}

/// A batch and a permutation of its positions.
fn batch_and_permutation() -> impl Strategy<Value = (Batch, Vec<usize>)> {
    batch().prop_flat_map(|b| {
        let order = Just((0..b.assessments.len()).collect::<Vec<_>>()).prop_shuffle();
        (Just(b), order)
    })
}

fn evaluate_batch(batch: &Batch) -> Result<Vec<Decision>, TestCaseError> {
    batch
        .assessments
        .iter()
        .map(|a| {
            evaluate(a, &batch.evaluation).map_err(|errors| {
                TestCaseError::fail(format!("a generated record is invalid: {errors}\n{a:#?}"))
            })
        })
        .collect()
}

/// The decisions before and after the quota (same positions), and the reports.
struct Applied {
    before: Vec<Decision>,
    after: Vec<Decision>,
    reports: Vec<GroupQuotaReport>,
}

fn apply(batch: &Batch) -> Result<Applied, TestCaseError> {
    let before = evaluate_batch(batch)?;
    let mut after = before.clone();
    let reports = apply_quota(&mut after, &batch.quota);
    Ok(Applied {
        before,
        after,
        reports,
    })
}

// ---------------------------------------------------------------------------------
// The rule, computed independently
// ---------------------------------------------------------------------------------

/// `(p, q)`: 1/4 for a group granted the raised ratio, else 1/5.
fn ratio(group: &str, options: &QuotaOptions) -> (u64, u64) {
    if options.raised_ratio_groups.iter().any(|g| g == group) {
        (1, 4)
    } else {
        (1, 5)
    }
}

/// The largest number of Excellent the ratio admits (group-rules §1), found by counting
/// up from zero rather than by the closed formula. Under `final_tally` those demoted
/// count as Good: `e` Excellent leave `E₀ + G₀ − e` Good. Under `proposed_good` only the
/// `G₀` proposed Good count. `q·e ≤ p·good(e)` only gets harder as `e` grows.
fn admissible_excellent(e0: u64, g0: u64, (p, q): (u64, u64), reading: QuotaReading) -> u64 {
    let holds = |e: u64| match reading {
        QuotaReading::FinalTally => q * e <= p * (e0 + g0 - e),
        QuotaReading::ProposedGood => q * e <= p * g0,
    };
    (0..=e0 + g0).take_while(|&e| holds(e)).last().unwrap_or(0)
}

/// The share of tasks exceeded as a fraction `(x, n)`; no tasks reads as 0.
fn share_exceeded(d: &Decision) -> (u64, u64) {
    match d.tasks {
        Some(t) if t.assigned > 0 => (u64::from(t.exceeded), u64::from(t.assigned)),
        _ => (0, 1),
    }
}

/// Group-rules §1 ranking: higher total score first, then higher share exceeded
/// (compared by cross-multiplication); `Equal` is a tie.
fn ranking(a: &Decision, b: &Decision) -> Ordering {
    let ((xa, na), (xb, nb)) = (share_exceeded(a), share_exceeded(b));
    b.score.cmp(&a.score).then((xb * na).cmp(&(xa * nb)))
}

/// Positions of the classified decisions of each group (the engine's own `group_of`,
/// which only reads `quota_group` or the subject kind).
fn groups(decisions: &[Decision]) -> BTreeMap<String, Vec<usize>> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, d) in decisions.iter().enumerate() {
        if d.outcome == Outcome::Classified {
            groups.entry(group_of(d)).or_default().push(index);
        }
    }
    groups
}

fn count(decisions: &[Decision], members: &[usize], level: Level) -> u64 {
    let n = members
        .iter()
        .filter(|&&i| decisions[i].level == Some(level))
        .count();
    u64::try_from(n).unwrap()
}

/// One group's figures before and after the quota.
struct GroupFigures<'a> {
    name: &'a str,
    p: u64,
    q: u64,
    e0: u64,
    g0: u64,
    e: u64,
    g: u64,
    /// Positions of the Excellent candidates (Excellent before the quota).
    candidates: Vec<usize>,
}

fn figures<'a>(
    applied: &Applied,
    name: &'a str,
    members: &[usize],
    options: &QuotaOptions,
) -> GroupFigures<'a> {
    let (p, q) = ratio(name, options);
    GroupFigures {
        name,
        p,
        q,
        e0: count(&applied.before, members, Level::Excellent),
        g0: count(&applied.before, members, Level::Good),
        e: count(&applied.after, members, Level::Excellent),
        g: count(&applied.after, members, Level::Good),
        candidates: members
            .iter()
            .copied()
            .filter(|&i| applied.before[i].level == Some(Level::Excellent))
            .collect(),
    }
}

fn report_of<'a>(reports: &'a [GroupQuotaReport], group: &str) -> Option<&'a GroupQuotaReport> {
    reports.iter().find(|r| r.group == group)
}

// ---------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    /// 1. After the quota, every group satisfies `q·E ≤ p·G` over its final levels.
    #[test]
    fn every_group_respects_the_ratio_after_the_quota(b in batch()) {
        let applied = apply(&b)?;
        for (name, members) in groups(&applied.before) {
            let f = figures(&applied, &name, &members, &b.quota);
            prop_assert!(
                f.q * f.e <= f.p * f.g,
                "group {}: {} Excellent, {} Good exceed {}/{} ({:?})",
                f.name, f.e, f.g, f.p, f.q, b.quota
            );
        }
    }

    /// 2. Nobody is moved up, and nobody changes outcome (classified or not).
    #[test]
    fn nobody_is_moved_up(b in batch()) {
        let applied = apply(&b)?;
        for (before, after) in applied.before.iter().zip(&applied.after) {
            prop_assert_eq!(before.outcome, after.outcome, "{}", &before.id);
            prop_assert!(
                after.level <= before.level,
                "{} moved up from {:?} to {:?}", &before.id, before.level, after.level
            );
            if before.level == Some(Level::Excellent) {
                prop_assert!(matches!(after.level, Some(Level::Excellent | Level::Good)),
                    "{} fell below Good: {:?}", &before.id, after.level);
            }
        }
    }

    /// 3. A decision that was not an Excellent candidate is identical after the quota.
    #[test]
    fn only_excellent_candidates_change(b in batch()) {
        let applied = apply(&b)?;
        for (before, after) in applied.before.iter().zip(&applied.after) {
            if before.level != Some(Level::Excellent) {
                prop_assert_eq!(before, after);
            }
        }
    }

    /// 4. The result does not depend on the order of the batch.
    #[test]
    fn the_result_does_not_depend_on_input_order((b, order) in batch_and_permutation()) {
        let applied = apply(&b)?;
        let shuffled = Batch {
            assessments: order.iter().map(|&i| b.assessments[i].clone()).collect(),
            ..b.clone()
        };
        let applied_shuffled = apply(&shuffled)?;
        prop_assert_eq!(&applied.reports, &applied_shuffled.reports);
        let by_id: BTreeMap<&str, &Decision> =
            applied_shuffled.after.iter().map(|d| (d.id.as_str(), d)).collect();
        prop_assert_eq!(by_id.len(), applied.after.len(), "ids are not unique");
        for d in &applied.after {
            prop_assert_eq!(Some(&d), by_id.get(d.id.as_str()));
        }
    }

    /// 5. Applying the quota twice changes nothing: same decisions, same reports.
    #[test]
    fn applying_the_quota_twice_changes_nothing(b in batch()) {
        let applied = apply(&b)?;
        let mut twice = applied.after.clone();
        let reports = apply_quota(&mut twice, &b.quota);
        prop_assert_eq!(&applied.reports, &reports);
        for (once, twice) in applied.after.iter().zip(&twice) {
            prop_assert_eq!(once, twice);
        }
    }

    /// 6. The number kept is `min(E₀, e_max)` with `e_max` per group-rules §1 for the
    /// reading; the report gives the same figures, and reports exactly the groups with
    /// classified decisions.
    #[test]
    fn the_number_kept_is_the_admissible_number(b in batch()) {
        let applied = apply(&b)?;
        let groups = groups(&applied.before);
        let reported: BTreeSet<&str> = applied.reports.iter().map(|r| r.group.as_str()).collect();
        let expected: BTreeSet<&str> = groups.keys().map(String::as_str).collect();
        prop_assert_eq!(reported, expected);
        for (name, members) in &groups {
            let f = figures(&applied, name, members, &b.quota);
            let e_max = admissible_excellent(f.e0, f.g0, (f.p, f.q), b.quota.reading);
            let kept = f.e0.min(e_max);
            prop_assert_eq!(f.e, kept, "group {} kept {} of {} (e_max {})", name, f.e, f.e0, e_max);
            prop_assert_eq!(f.g, f.g0 + f.e0 - kept, "group {}: Good count", name);
            let report = report_of(&applied.reports, name).unwrap();
            prop_assert_eq!(u64::from(report.candidates), f.e0, "group {}", name);
            prop_assert_eq!(u64::from(report.good), f.g0, "group {}", name);
            prop_assert_eq!(u64::from(report.e_max), e_max, "group {}", name);
            prop_assert_eq!(u64::from(report.demoted), f.e0 - kept, "group {}", name);
            prop_assert_eq!(report.ratio_percent, if f.q == 4 { 25 } else { 20 }, "group {}", name);
            for &i in &f.candidates {
                let quota = applied.after[i].quota.as_ref();
                prop_assert!(quota.is_some(), "candidate {} has no quota outcome", &applied.after[i].id);
                let quota = quota.unwrap();
                prop_assert_eq!(&quota.group, name);
                prop_assert_eq!(u64::from(quota.e_max), e_max);
                prop_assert_eq!(quota.demoted, applied.after[i].level == Some(Level::Good));
            }
        }
    }

    /// 7. Who keeps Excellent: candidates are kept in ranking order, ties broken by id
    /// ascending; the candidates tied with the last kept one are marked `tied_at_cut`
    /// (and need a decision) exactly when the cut falls inside their tie, and every one
    /// so marked ranks equal to the last kept; exactly `min(E₀, e_max)` are kept even
    /// with ties; each candidate carries one `qd366.11.1.quota` reason, `demotes` for
    /// those moved down, naming the group, `e_max` and its rank.
    #[test]
    fn ties_at_the_cut_are_marked_and_broken_by_id(b in batch()) {
        let applied = apply(&b)?;
        for (name, members) in groups(&applied.before) {
            let f = figures(&applied, &name, &members, &b.quota);
            let after = |i: usize| &applied.after[i];
            let (kept, demoted): (Vec<usize>, Vec<usize>) = f
                .candidates
                .iter()
                .partition(|&&i| after(i).level == Some(Level::Excellent));
            let e_max = admissible_excellent(f.e0, f.g0, (f.p, f.q), b.quota.reading);
            prop_assert_eq!(u64::try_from(kept.len()).unwrap(), f.e0.min(e_max), "group {}", &name);

            // Every kept candidate ranks before every demoted one (ids break ties).
            for &k in &kept {
                for &d in &demoted {
                    let order = ranking(after(k), after(d)).then_with(|| after(k).id.cmp(&after(d).id));
                    prop_assert_eq!(order, Ordering::Less,
                        "group {}: {} kept but {} demoted", &name, &after(k).id, &after(d).id);
                }
            }

            // The last kept: the lowest in the ranking among those kept.
            let last_kept = kept.iter().copied().max_by(|&x, &y| ranking(after(x), after(y)));
            let cut_in_tie = last_kept.is_some_and(|l| {
                demoted.iter().any(|&d| ranking(after(l), after(d)) == Ordering::Equal)
            });
            let mut marked = 0u32;
            for &i in &f.candidates {
                let d = after(i);
                let quota = d.quota.as_ref().unwrap();
                let ties_last = last_kept.is_some_and(|l| ranking(after(l), d) == Ordering::Equal);
                prop_assert_eq!(quota.tied_at_cut, cut_in_tie && ties_last,
                    "group {}: {} tied_at_cut", &name, &d.id);
                if quota.tied_at_cut {
                    marked += 1;
                    prop_assert!(ties_last, "{} is marked tied but ranks apart from the last kept", &d.id);
                    prop_assert!(d.needs_decision, "{} is tied at the cut without needing a decision", &d.id);
                }
                // Rank: 1 + the candidates ahead (ranking, then id).
                let ahead = f.candidates.iter().filter(|&&j| {
                    ranking(after(j), d).then_with(|| after(j).id.cmp(&d.id)) == Ordering::Less
                }).count();
                prop_assert_eq!(usize::try_from(quota.rank).unwrap(), ahead + 1, "{} rank", &d.id);

                let record = d.to_record();
                let reasons: Vec<_> = record.reasons.iter().filter(|r| r.rule == QUOTA_RULE).collect();
                prop_assert_eq!(reasons.len(), 1, "{}: quota reasons", &d.id);
                let reason = reasons[0];
                let is_demoted = d.level == Some(Level::Good);
                prop_assert_eq!(reason.effect == Effect::Demotes, is_demoted, "{}: effect {:?}", &d.id, reason.effect);
                prop_assert_eq!(reason.values.get("e_max"), Some(&serde_json::Value::from(e_max)));
                prop_assert_eq!(reason.values.get("rank"), Some(&serde_json::Value::from(quota.rank)));
                prop_assert!(reason.message.en.contains(&name) && reason.message.vi.contains(&name),
                    "{}: the reason does not name group {}: {:?}", &d.id, &name, reason.message);
            }
            prop_assert_eq!(report_of(&applied.reports, &name).unwrap().tied_at_cut, marked, "group {}", &name);
        }
    }

    /// 8. Under `final_tally` the quota keeps as many as it can: whenever a candidate was
    /// demoted, keeping one more would break the ratio, `q·(E+1) > p·(G−1)`.
    #[test]
    fn final_tally_keeps_as_many_as_the_ratio_allows(b in batch()) {
        let b = Batch { quota: QuotaOptions { reading: QuotaReading::FinalTally, ..b.quota.clone() }, ..b };
        let applied = apply(&b)?;
        for (name, members) in groups(&applied.before) {
            let f = figures(&applied, &name, &members, &b.quota);
            if f.e < f.e0 {
                prop_assert!(f.g >= 1, "group {}: a demoted candidate is not counted as Good", &name);
                prop_assert!(
                    f.q * (f.e + 1) > f.p * (f.g - 1),
                    "group {}: {} Excellent and {} Good could keep one more under {}/{}",
                    &name, f.e, f.g, f.p, f.q
                );
            }
        }
    }
}

/// The generator reaches the cases the properties are about, so that none of them is
/// vacuous: demotions under both readings and both ratios, a cut inside a tie with
/// some tied kept and some demoted, a group where all candidates are demoted, a group
/// where `e_max` exceeds the candidates, default groups, and every outcome.
#[test]
fn generator_reaches_every_quota_case() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let strategy = batch();
    let mut seen = BTreeSet::new();
    for _ in 0..300 {
        let b = strategy.new_tree(&mut runner).unwrap().current();
        let applied = apply(&b).unwrap();
        for d in &applied.before {
            seen.insert(match d.level {
                Some(level) => level.as_str().to_owned(),
                None => format!("{:?}", d.outcome),
            });
            if d.quota_group.is_none() && d.outcome == Outcome::Classified {
                seen.insert(format!("default group {}", group_of(d)));
            }
        }
        for report in &applied.reports {
            if report.demoted > 0 {
                seen.insert(format!(
                    "demoted under {:?} at {}%",
                    b.quota.reading, report.ratio_percent
                ));
            }
            if report.demoted > 0 && report.demoted == report.candidates {
                seen.insert("all candidates demoted".to_owned());
            }
            if report.e_max > report.candidates {
                seen.insert("e_max above the candidates".to_owned());
            }
            let tied: Vec<&Decision> = applied
                .after
                .iter()
                .filter(|d| {
                    d.quota
                        .as_ref()
                        .is_some_and(|q| q.group == report.group && q.tied_at_cut)
                })
                .collect();
            if tied.iter().any(|d| d.level == Some(Level::Excellent))
                && tied.iter().any(|d| d.level == Some(Level::Good))
            {
                seen.insert("cut inside a tie".to_owned());
                let (first, last) = (tied[0], tied[tied.len() - 1]);
                if first.tasks.map(|t| t.assigned) != last.tasks.map(|t| t.assigned) {
                    seen.insert("tie over different task counts".to_owned());
                }
            }
        }
    }
    let expected = [
        "excellent",
        "good",
        "completed",
        "not_completed",
        "NotClassified",
        "Undetermined",
        "default group members",
        "default group leaders",
        "demoted under FinalTally at 20%",
        "demoted under FinalTally at 25%",
        "demoted under ProposedGood at 20%",
        "demoted under ProposedGood at 25%",
        "all candidates demoted",
        "e_max above the candidates",
        "cut inside a tie",
        "tie over different task counts",
    ];
    for case in expected {
        assert!(
            seen.contains(case),
            "never generated: {case}; seen {seen:?}"
        );
    }
}

/// The counting `e_max` agrees with the spec's worked examples (group-rules §1), so the
/// properties above compare the engine against the text, not against themselves.
#[test]
fn admissible_excellent_matches_the_spec_examples() {
    let final_tally = QuotaReading::FinalTally;
    assert_eq!(admissible_excellent(6, 0, (1, 5), final_tally), 1);
    assert_eq!(admissible_excellent(1, 3, (1, 5), final_tally), 0);
    assert_eq!(admissible_excellent(2, 10, (1, 5), final_tally), 2);
    assert_eq!(admissible_excellent(5, 0, (1, 4), final_tally), 1);
    assert_eq!(
        admissible_excellent(6, 0, (1, 5), QuotaReading::ProposedGood),
        0
    );
    assert_eq!(
        admissible_excellent(2, 10, (1, 5), QuotaReading::ProposedGood),
        2
    );
}
