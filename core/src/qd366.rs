//! Evaluation under QĐ 366-QĐ/TW (2025) and HD 43-HD/BTCTW (`spec/rules-qd366.md`).
//!
//! Order of evaluation, which is also the order of the reasons: who is not classified
//! (§6); context (leave, temporary activity, the score); discipline records that do not
//! count (§7); the Not-completed triggers (§4, 11.4) and any mitigation (§5); otherwise
//! the level conditions from the score's band down (§4, §5); open complaints (§7).

use crate::contract::{PartyStatus, SubjectKind};
use crate::dates::add_months;
use crate::decision::{Alternative, Decision, MitigationKind};
use crate::level::{Level, Options, Outcome, Reading, TargetsReading};
use crate::model::{Discipline, Score, Tasks, ValidAssessment};
use crate::points::{share_at_least, share_more_than, Points};
use crate::reason::{Effect, Fact, NotCountedWhy, Reason, RuleSet, Value, Values};
use crate::rules::Rule;
use chrono::NaiveDate;

/// A trigger that fired, with the mitigation the text attaches to it.
#[derive(Clone, Copy)]
struct Fired {
    rule: Rule,
    values: Values,
    mitigable_by: Option<MitigationKind>,
}

/// Discipline records sorted into what counts for this subject in this period.
struct DisciplineTally {
    /// Counted, tied to duties (individual: its own; collective: its members').
    duty_related: u64,
    /// Counted, not tied to duties.
    not_duty_related: u64,
    /// Counted records about members of the collective, any kind.
    members_any: u64,
}

fn count(n: u32) -> Value {
    Value::Count(u64::from(n))
}

fn tally_discipline(a: &ValidAssessment, reasons: &mut Vec<Reason>) -> DisciplineTally {
    let collective = a.subject.kind == SubjectKind::Collective;
    let mut tally = DisciplineTally {
        duty_related: 0,
        not_duty_related: 0,
        members_any: 0,
    };
    for record in &a.discipline {
        let why = not_counted_why(a, record, collective);
        if let Some(why) = why {
            reasons.push(Reason::new(
                Rule::DisciplineNotCounted,
                true,
                Effect::Info,
                None,
                Values::of(&[
                    (Fact::Form, Value::Form(record.form)),
                    (Fact::DecidedOn, Value::Date(record.decided_on)),
                    (Fact::Why, Value::Why(why)),
                ]),
            ));
            continue;
        }
        if collective {
            tally.members_any += 1;
        }
        if record.duty_related {
            tally.duty_related += 1;
        } else {
            tally.not_duty_related += 1;
        }
    }
    tally
}

fn not_counted_why(
    a: &ValidAssessment,
    record: &Discipline,
    collective: bool,
) -> Option<NotCountedWhy> {
    outside_period(a, record).or_else(|| {
        if collective && record.at_previous_unit {
            Some(NotCountedWhy::PreviousUnit)
        } else if collective && record.member_id.is_none() {
            Some(NotCountedWhy::CollectiveItself)
        } else {
            None
        }
    })
}

/// Not classified (Art. 5.2): returns the excluding reason.
fn exclusion(a: &ValidAssessment, reasons: &mut Vec<Reason>) -> bool {
    if a.subject.kind == SubjectKind::Collective {
        return false;
    }
    match a.subject.party_status {
        PartyStatus::Exempted => {
            reasons.push(Reason::new(
                Rule::Exempt,
                true,
                Effect::Excludes,
                None,
                Values::default(),
            ));
            return true;
        }
        PartyStatus::Suspended => {
            reasons.push(Reason::new(
                Rule::Suspended,
                true,
                Effect::Excludes,
                None,
                Values::default(),
            ));
            return true;
        }
        PartyStatus::Active => {}
    }
    a.subject
        .admitted_on
        .is_some_and(|admitted| under_six_months(Rule::NewMember, admitted, a, reasons))
}

/// The six-month rule of every regime (admitted, or for HD 21 established, under six
/// calendar months before the evaluation day → not classified): whether `start` is that
/// recent. The reason is shown when the six months end after the period began, so the
/// reader sees why a recent member is, or is not yet, classified.
pub(crate) fn under_six_months(
    rule: Rule,
    start: NaiveDate,
    a: &ValidAssessment,
    reasons: &mut Vec<Reason>,
) -> bool {
    let eligible = add_months(start, 6);
    let new = eligible.is_none_or(|day| day > a.as_of);
    if new || eligible.is_some_and(|day| day > a.period.from) {
        let mut values = Values::of(&[
            (Fact::AdmittedOn, Value::Date(start)),
            (Fact::AsOf, Value::Date(a.as_of)),
        ]);
        if let Some(day) = eligible {
            values.push(Fact::EligibleOn, Value::Date(day));
        }
        let effect = if new { Effect::Excludes } else { Effect::Info };
        reasons.push(Reason::new(rule, new, effect, None, values));
    }
    new
}

/// Why a discipline record does not count in this period, by its dates and by whether
/// it was counted before (one violation is counted once), in every regime.
pub(crate) fn outside_period(a: &ValidAssessment, record: &Discipline) -> Option<NotCountedWhy> {
    if record.decided_on < a.period.from {
        Some(NotCountedWhy::BeforePeriod)
    } else if record.decided_on > a.period.to || record.decided_on > a.as_of {
        Some(NotCountedWhy::AfterPeriod)
    } else if record.counted_before {
        Some(NotCountedWhy::CountedBefore)
    } else {
        None
    }
}

/// One level condition: the rule, whether it holds, the values it read.
type Condition = (Rule, bool, Values);

/// The conditions of `level` for this subject (Art. 11.1–11.3), each with its values.
fn conditions(
    level: Level,
    a: &ValidAssessment,
    tasks: &Tasks,
    tally: &DisciplineTally,
) -> [Option<Condition>; 2] {
    let (n, c, o, x) = (
        u64::from(tasks.assigned),
        u64::from(tasks.completed),
        u64::from(tasks.on_time),
        u64::from(tasks.exceeded),
    );
    let kind = a.subject.kind;
    let task_values = |extra: &[(Fact, Value)]| {
        let mut values = Values::of(&[
            (Fact::Assigned, count(tasks.assigned)),
            (Fact::Completed, count(tasks.completed)),
            (Fact::OnTime, count(tasks.on_time)),
            (Fact::Exceeded, count(tasks.exceeded)),
        ]);
        for &(fact, value) in extra {
            values.push(fact, value);
        }
        values
    };
    let thirty_percent = share_at_least(x, n, 3, 10);
    match level {
        Level::Excellent => {
            let main = match kind {
                SubjectKind::Collective => {
                    let subordinates =
                        u64::from(a.collective.subordinate_units_disciplined.unwrap_or(0));
                    let holds =
                        o == n && thirty_percent && subordinates == 0 && tally.members_any == 0;
                    let values = task_values(&[
                        (
                            Fact::SubordinateUnitsDisciplined,
                            Value::Count(subordinates),
                        ),
                        (Fact::MembersDisciplined, Value::Count(tally.members_any)),
                    ]);
                    (Rule::ExcellentCollective, holds, values)
                }
                // The text does not say "on time" for the units a leader leads.
                SubjectKind::Leader => (
                    Rule::ExcellentLeader,
                    c == n && thirty_percent,
                    task_values(&[]),
                ),
                SubjectKind::Member => (
                    Rule::ExcellentMember,
                    o == n && thirty_percent,
                    task_values(&[]),
                ),
            };
            let fix = (a.shortcomings.identified > 0).then(|| {
                let s = a.shortcomings;
                (
                    Rule::ExcellentShortcomingsFixed,
                    s.fixed >= s.identified,
                    Values::of(&[
                        (Fact::Identified, count(s.identified)),
                        (Fact::Fixed, count(s.fixed)),
                    ]),
                )
            });
            [Some(main), fix]
        }
        Level::Good => {
            let rule = match kind {
                SubjectKind::Collective => Rule::GoodCollective,
                SubjectKind::Leader => Rule::GoodLeader,
                SubjectKind::Member => Rule::GoodMember,
            };
            [Some((rule, o == n, task_values(&[]))), None]
        }
        Level::Completed => {
            let rule = match kind {
                SubjectKind::Collective => Rule::CompletedCollective,
                SubjectKind::Leader => Rule::CompletedLeader,
                SubjectKind::Member => Rule::CompletedMember,
            };
            let late = c.saturating_sub(o);
            // 5·late ≤ n: tasks not on schedule at most 20%.
            let holds = c == n && late * 5 <= n;
            [
                Some((
                    rule,
                    holds,
                    task_values(&[(Fact::Late, Value::Count(late))]),
                )),
                None,
            ]
        }
        Level::NotCompleted => [None, None],
    }
}

/// How the level conditions resolved.
enum Resolution {
    Level(Level),
    /// `cascade`: no level's conditions hold (rules-qd366 §5.3).
    Gap,
    /// `strict`: the band's own conditions fail.
    Undetermined,
}

/// Applies the level conditions from `band` down (rules-qd366 §5), pushing each
/// condition's reason: all of the deciding level's, and the failed ones above it.
fn resolve(
    band: Level,
    a: &ValidAssessment,
    tasks: &Tasks,
    tally: &DisciplineTally,
    reading: Reading,
    reasons: &mut Vec<Reason>,
) -> Resolution {
    let mut level = band;
    while level != Level::NotCompleted {
        let conds = conditions(level, a, tasks, tally);
        let all_hold = conds.iter().flatten().all(|(_, holds, _)| *holds);
        for (rule, holds, values) in conds.into_iter().flatten() {
            if all_hold {
                reasons.push(Reason::new(
                    rule,
                    true,
                    Effect::Decides,
                    Some(level),
                    values,
                ));
            } else if !holds {
                reasons.push(Reason::new(
                    rule,
                    false,
                    Effect::Blocks,
                    Some(level),
                    values,
                ));
            }
        }
        if all_hold {
            return Resolution::Level(level);
        }
        if reading == Reading::Strict {
            reasons.push(Reason::new(
                Rule::StrictUndetermined,
                true,
                Effect::NeedsDecision,
                Some(band),
                Values::of(&[(Fact::Band, Value::Level(band))]),
            ));
            return Resolution::Undetermined;
        }
        let Some(next) = level.below() else { break };
        level = next;
    }
    reasons.push(Reason::new(
        Rule::CascadeGap,
        true,
        Effect::NeedsDecision,
        Some(Level::NotCompleted),
        Values::default(),
    ));
    Resolution::Gap
}

fn plan_missed(tasks: &Tasks) -> bool {
    // completed under 70% of planned tasks: 10·c < 7·n
    !share_at_least(u64::from(tasks.completed), u64::from(tasks.assigned), 7, 10)
}

fn targets_missed(targets: Option<crate::contract::BasicTargets>, reading: TargetsReading) -> bool {
    targets.is_some_and(|t| {
        t.applicable
            && match reading {
                TargetsReading::Any => t.missed >= 1,
                TargetsReading::All => t.missed >= 5,
            }
    })
}

fn plan_values(
    tasks: &Tasks,
    targets: Option<crate::contract::BasicTargets>,
    reading: TargetsReading,
) -> Values {
    let mut values = Values::of(&[
        (Fact::Completed, count(tasks.completed)),
        (Fact::Assigned, count(tasks.assigned)),
    ]);
    if let Some(t) = targets {
        values.push(Fact::TargetsApplicable, Value::Flag(t.applicable));
        values.push(Fact::TargetsMissed, count(t.missed));
        values.push(
            Fact::TargetsReadingAll,
            Value::Flag(reading == TargetsReading::All),
        );
    }
    values
}

/// The Not-completed triggers of Art. 11.4 that fired, in the text's order.
fn triggers(
    a: &ValidAssessment,
    score: &Score,
    tasks: &Tasks,
    tally: &DisciplineTally,
    self_reported: u64,
    options: &Options,
    reasons: &mut Vec<Reason>,
) -> Vec<Fired> {
    let mut fired = Vec::new();
    let mut fire =
        |rule: Rule, holds: bool, values: Values, mitigable_by: Option<MitigationKind>| {
            if holds {
                fired.push(Fired {
                    rule,
                    values,
                    mitigable_by,
                });
            }
        };
    let total = score.total();
    fire(
        Rule::NotCompletedScore,
        total < Level::Completed.floor(),
        Values::of(&[(Fact::Total, Value::Points(total))]),
        None,
    );
    let c = &a.conclusions;
    let self_detected = Some(MitigationKind::SelfDetectedAndRemedied);
    match a.subject.kind {
        SubjectKind::Member => {
            let holds = c.degradation
                || tally.duty_related > 0
                || c.prohibition_breach
                || c.exemplary_breach
                || self_reported > 0;
            let values = Values::of(&[
                (Fact::Degradation, Value::Flag(c.degradation)),
                (Fact::Disciplined, Value::Count(tally.duty_related)),
                (Fact::ProhibitionBreach, Value::Flag(c.prohibition_breach)),
                (Fact::ExemplaryBreach, Value::Flag(c.exemplary_breach)),
                (
                    Fact::DisciplinedNotDutyRelated,
                    Value::Count(tally.not_duty_related),
                ),
                (Fact::SelfReported, Value::Count(self_reported)),
            ]);
            if !holds && tally.not_duty_related > 0 {
                reasons.push(Reason::new(
                    Rule::MemberConduct,
                    false,
                    Effect::Info,
                    Some(Level::NotCompleted),
                    values,
                ));
            }
            fire(Rule::MemberConduct, holds, values, self_detected);
            let (f, n) = (u64::from(tasks.not_completed), u64::from(tasks.assigned));
            fire(
                Rule::MemberTasks,
                share_more_than(f, n, 1, 2),
                Values::of(&[
                    (Fact::NotCompleted, Value::Count(f)),
                    (Fact::Assigned, Value::Count(n)),
                ]),
                None,
            );
        }
        SubjectKind::Leader => {
            let l = &a.leader;
            let units = l.units_in_charge;
            let units_failed = units.is_some_and(|u| {
                share_more_than(u64::from(u.not_completed), u64::from(u.total), 1, 2)
            });
            let holds = plan_missed(tasks)
                || targets_missed(l.basic_targets, options.basic_targets)
                || units_failed;
            let mut values = plan_values(tasks, l.basic_targets, options.basic_targets);
            if let Some(u) = units {
                values.push(Fact::UnitsNotCompleted, count(u.not_completed));
                values.push(Fact::UnitsTotal, count(u.total));
            }
            fire(Rule::LeaderPlan, holds, values, None);
            if let Some(vote) = l.confidence_vote {
                fire(
                    Rule::LeaderConfidence,
                    share_more_than(u64::from(vote.low), u64::from(vote.total), 1, 2),
                    Values::of(&[
                        (Fact::LowVotes, count(vote.low)),
                        (Fact::TotalVotes, count(vote.total)),
                    ]),
                    None,
                );
            }
            let discipline_values = Values::of(&[
                (Fact::Disciplined, Value::Count(tally.duty_related)),
                (
                    Fact::DisciplinedNotDutyRelated,
                    Value::Count(tally.not_duty_related),
                ),
            ]);
            if tally.duty_related == 0 && tally.not_duty_related > 0 {
                reasons.push(Reason::new(
                    Rule::LeaderDiscipline,
                    false,
                    Effect::Info,
                    Some(Level::NotCompleted),
                    discipline_values,
                ));
            }
            fire(
                Rule::LeaderDiscipline,
                tally.duty_related > 0,
                discipline_values,
                self_detected,
            );
            let breach_values = Values::of(&[
                (Fact::Degradation, Value::Flag(c.degradation)),
                (Fact::ProhibitionBreach, Value::Flag(c.prohibition_breach)),
                (Fact::ExemplaryBreach, Value::Flag(c.exemplary_breach)),
            ]);
            if !c.degradation && (c.prohibition_breach || c.exemplary_breach) {
                // conduct.md: for a leader, a breach counts only through a degradation conclusion.
                reasons.push(Reason::new(
                    Rule::LeaderDegradation,
                    false,
                    Effect::Info,
                    Some(Level::NotCompleted),
                    breach_values,
                ));
            }
            fire(Rule::LeaderDegradation, c.degradation, breach_values, None);
            fire(
                Rule::LeaderScopeCorruption,
                l.scope_corruption_disciplined,
                Values::of(&[(Fact::ScopeCorruption, Value::Flag(true))]),
                self_detected,
            );
        }
        SubjectKind::Collective if a.subject.is_leadership_collective() => {
            fire(
                Rule::CollectiveCadreWork,
                c.cadre_work_violation,
                Values::of(&[(Fact::CadreWorkViolation, Value::Flag(true))]),
                None,
            );
            fire(
                Rule::CollectiveMemberDiscipline,
                tally.duty_related > 0,
                Values::of(&[
                    (Fact::Disciplined, Value::Count(tally.duty_related)),
                    (
                        Fact::DisciplinedNotDutyRelated,
                        Value::Count(tally.not_duty_related),
                    ),
                ]),
                self_detected,
            );
            fire(
                Rule::CollectiveMemberDegradation,
                c.member_degraded(),
                Values::of(&[(Fact::MemberDegradation, Value::Flag(true))]),
                None,
            );
            let targets = a.collective.basic_targets;
            fire(
                Rule::CollectivePlan,
                plan_missed(tasks) || targets_missed(targets, options.basic_targets),
                plan_values(tasks, targets, options.basic_targets),
                Some(MitigationKind::ForceMajeure),
            );
        }
        SubjectKind::Collective => {}
    }
    fired
}

/// The conduct checklist (conduct.md): one reason per finding; returns how many
/// self-reported breaches are Not-completed triggers for this subject (a member).
fn conduct_findings(a: &ValidAssessment, reasons: &mut Vec<Reason>) -> u64 {
    use crate::conduct::ItemEffect;
    use crate::contract::ConductAnswerKind;
    let Ok(catalogue) = crate::conduct::catalogue() else {
        return 0;
    };
    let mut triggers = 0;
    for finding in &a.conduct {
        let Some(item) = catalogue.items().get(usize::from(finding.item)) else {
            continue;
        };
        let hard = match item.effect {
            ItemEffect::MustNotDo => true,
            ItemEffect::Exemplary => finding.harmed_prestige,
            ItemEffect::Standard | ItemEffect::DisciplineForm => false,
        };
        let rule = match (finding.answer, hard, a.subject.kind) {
            (ConductAnswerKind::Complied, _, _) => continue,
            (ConductAnswerKind::Breach, true, SubjectKind::Member) => {
                triggers += 1;
                Rule::ConductBreach
            }
            (ConductAnswerKind::Breach, true, _) => Rule::ConductNeedsConclusion,
            _ => Rule::ConductSoftFinding,
        };
        reasons.push(Reason::new(
            rule,
            true,
            Effect::Info,
            (rule == Rule::ConductBreach).then_some(Level::NotCompleted),
            Values::of(&[
                (Fact::Item, Value::ConductItem(finding.item)),
                (Fact::Form, Value::Answer(finding.answer)),
                (Fact::ExemplaryBreach, Value::Flag(finding.harmed_prestige)),
            ]),
        ));
    }
    triggers
}

fn mitigation_rule(kind: SubjectKind) -> Rule {
    match kind {
        SubjectKind::Member => Rule::MemberMitigation,
        SubjectKind::Leader => Rule::LeaderMitigation,
        SubjectKind::Collective => Rule::CollectiveMitigation,
    }
}

fn claimed(a: &ValidAssessment) -> [(MitigationKind, bool); 2] {
    [
        (
            MitigationKind::SelfDetectedAndRemedied,
            a.mitigation.self_detected_and_remedied,
        ),
        (MitigationKind::ForceMajeure, a.mitigation.force_majeure),
    ]
}

fn claim_values(a: &ValidAssessment) -> Values {
    Values::of(&[
        (
            Fact::SelfDetectedAndRemedied,
            Value::Flag(a.mitigation.self_detected_and_remedied),
        ),
        (Fact::ForceMajeure, Value::Flag(a.mitigation.force_majeure)),
    ])
}

/// Evaluates a validated QĐ 366 assessment. Never fails and never panics.
pub(crate) fn evaluate(
    a: &ValidAssessment,
    options: &Options,
    score: Option<Score>,
    tasks: Option<Tasks>,
) -> Decision {
    let mut reasons = Vec::with_capacity(4);
    let total = score.map(|s| s.total());
    let band = total.map(Level::band_of);
    let mut decision = Decision {
        id: a.id.clone(),
        regime: a.regime,
        regime_selection: a.regime_selection,
        subject_kind: a.subject.kind,
        collective_kind: a.subject.collective_kind,
        tasks,
        period: a.period,
        as_of: a.as_of,
        outcome: Outcome::NotClassified,
        level: None,
        score: total,
        band,
        needs_decision: false,
        reading: options.reading,
        reasons: Vec::new(),
        alternatives: Vec::new(),
        quota: None,
        quota_group: a.quota_group.clone(),
    };

    let excluded = exclusion(a, &mut reasons);
    let (false, Some(score), Some(tasks), Some(band)) = (excluded, score, tasks, band) else {
        decision.reasons = reasons;
        return decision;
    };

    if a.leave.sick_months >= Points::whole(3) || a.leave.maternity {
        reasons.push(Reason::new(
            Rule::SickLeave,
            true,
            Effect::Info,
            None,
            Values::of(&[
                (Fact::SickMonths, Value::Points(a.leave.sick_months)),
                (Fact::Maternity, Value::Flag(a.leave.maternity)),
            ]),
        ));
    }
    if let Some(activity) = &a.subject.temporary_activity {
        reasons.push(Reason::new(
            Rule::TemporaryActivity,
            true,
            Effect::Info,
            None,
            Values::of(&[(
                Fact::CommentReceived,
                Value::Flag(activity.comment_received),
            )]),
        ));
    }
    reasons.push(Reason::new(
        Rule::Score,
        true,
        Effect::Info,
        Some(band),
        Values::of(&[
            (Fact::General, Value::Points(score.general)),
            (Fact::TaskResults, Value::Points(score.task_results)),
            (Fact::Total, Value::Points(score.total())),
            (Fact::Band, Value::Level(band)),
        ]),
    ));

    let tally = tally_discipline(a, &mut reasons);
    let self_reported = conduct_findings(a, &mut reasons);
    let fired = triggers(
        a,
        &score,
        &tasks,
        &tally,
        self_reported,
        options,
        &mut reasons,
    );
    let any_claimed = claimed(a).iter().any(|(_, on)| *on);

    decision.outcome = Outcome::Classified;
    if fired.is_empty() {
        match resolve(band, a, &tasks, &tally, options.reading, &mut reasons) {
            Resolution::Level(level) => decision.level = Some(level),
            Resolution::Gap => {
                decision.level = Some(Level::NotCompleted);
                decision.needs_decision = true;
            }
            Resolution::Undetermined => {
                decision.outcome = Outcome::Undetermined;
                decision.needs_decision = true;
            }
        }
        if any_claimed {
            // A claim with nothing to mitigate changes nothing, and says so.
            reasons.push(Reason::new(
                mitigation_rule(a.subject.kind),
                false,
                Effect::Info,
                None,
                claim_values(a),
            ));
        }
    } else {
        decision.level = Some(Level::NotCompleted);
        for trigger in &fired {
            reasons.push(Reason::new(
                trigger.rule,
                true,
                Effect::Decides,
                Some(Level::NotCompleted),
                trigger.values,
            ));
        }
        if any_claimed {
            mitigate(
                a,
                &fired,
                band,
                &tasks,
                &tally,
                options,
                &mut decision,
                &mut reasons,
            );
        }
    }

    if a.procedure.open_complaints {
        decision.needs_decision = true;
        reasons.push(Reason::new(
            Rule::OpenComplaints,
            true,
            Effect::NeedsDecision,
            None,
            Values::default(),
        ));
    }
    decision.reasons = reasons;
    decision
}

/// Rules-qd366 §5, mitigation: the level stays Not completed, and if accepting the
/// mitigation would lead elsewhere, the case needs a decision and carries that level.
#[allow(
    clippy::too_many_arguments,
    reason = "one call site; the pieces are the evaluation's state"
)]
fn mitigate(
    a: &ValidAssessment,
    fired: &[Fired],
    band: Level,
    tasks: &Tasks,
    tally: &DisciplineTally,
    options: &Options,
    decision: &mut Decision,
    reasons: &mut Vec<Reason>,
) {
    let rule = mitigation_rule(a.subject.kind);
    let claims = claimed(a);
    let is_claimed = |kind: MitigationKind| claims.iter().any(|(k, on)| *k == kind && *on);
    let mitigated: Vec<&Fired> = fired
        .iter()
        .filter(|f| f.mitigable_by.is_some_and(is_claimed))
        .collect();
    let Some(first) = mitigated.first() else {
        reasons.push(Reason::new(
            rule,
            false,
            Effect::Info,
            None,
            claim_values(a),
        ));
        return;
    };
    let mitigation = first
        .mitigable_by
        .unwrap_or(MitigationKind::SelfDetectedAndRemedied);
    let mut remaining = RuleSet::default();
    for f in fired
        .iter()
        .filter(|f| !f.mitigable_by.is_some_and(is_claimed))
    {
        remaining.insert(f.rule);
    }
    let mut values = claim_values(a);
    if remaining.iter().next().is_some() {
        values.push(Fact::Remaining, Value::Rules(remaining));
        reasons.push(Reason::new(
            rule,
            true,
            Effect::Info,
            Some(Level::NotCompleted),
            values,
        ));
        return;
    }
    let mut scratch = Vec::new();
    match resolve(band, a, tasks, tally, options.reading, &mut scratch) {
        Resolution::Level(level) if level > Level::NotCompleted => {
            values.push(Fact::Alternative, Value::Level(level));
            reasons.push(Reason::new(
                rule,
                true,
                Effect::NeedsDecision,
                Some(level),
                values,
            ));
            decision.needs_decision = true;
            decision.alternatives.push(Alternative {
                level: Some(level),
                mitigation,
                rule,
            });
        }
        Resolution::Undetermined => {
            reasons.push(Reason::new(rule, true, Effect::NeedsDecision, None, values));
            decision.needs_decision = true;
            decision.alternatives.push(Alternative {
                level: None,
                mitigation,
                rule,
            });
        }
        Resolution::Level(_) | Resolution::Gap => {
            values.push(Fact::Alternative, Value::Level(Level::NotCompleted));
            reasons.push(Reason::new(
                rule,
                true,
                Effect::Info,
                Some(Level::NotCompleted),
                values,
            ));
        }
    }
}
