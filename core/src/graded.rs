//! Evaluation under the regimes that grade criteria instead of scoring them: QĐ 124-QĐ/TW
//! (2023) with HD 25, and QĐ 132-QĐ/TW (2018) with HD 21 (`spec/regimes-history.md`,
//! `docs/regimes.md`).
//!
//! Order of evaluation, which is also the order of the reasons: who is not classified;
//! discipline records that do not count; the Not-completed triggers (one reason each);
//! otherwise the level conditions from Excellent down; then, under QĐ 132, the caps
//! (sick leave, leadership collective, head).

use crate::contract::{CollectiveKind, DisciplineForm, Grade, PartyStatus, SubjectKind};
use crate::decision::Decision;
use crate::level::{Level, Options, Outcome};
use crate::model::{Grades, Tasks, ValidAssessment};
use crate::points::{share_at_least, Points};
use crate::reason::{Effect, Fact, NotCountedWhy, Part, Reason, Trigger, Value, Values, Whose};
use crate::regime::RegimeId;
use crate::rules::Rule;

/// Which of the two regimes, and the subject's place in its rules.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    /// QĐ 124: one set of level rules for everyone.
    Qd124,
    /// QĐ 132, a member or a leader (HD 21 §II.B.2).
    Qd132Member,
    /// QĐ 132, a party organisation or committee, or an agency (HD 21 §II.B.1).
    Qd132Organisation,
    /// QĐ 132, a leadership collective (HD 21 §II.B.3).
    Qd132Leadership,
}

impl Family {
    fn of(a: &ValidAssessment) -> Family {
        match (a.regime, a.subject.kind) {
            (RegimeId::Qd132, SubjectKind::Member | SubjectKind::Leader) => Family::Qd132Member,
            (RegimeId::Qd132, SubjectKind::Collective)
                if a.subject.collective_kind == Some(CollectiveKind::Leadership) =>
            {
                Family::Qd132Leadership
            }
            (RegimeId::Qd132, SubjectKind::Collective) => Family::Qd132Organisation,
            _ => Family::Qd124,
        }
    }

    fn qd132(self) -> bool {
        self != Family::Qd124
    }

    fn not_completed(self) -> Rule {
        match self {
            Family::Qd124 => Rule::Qd124NotCompleted,
            Family::Qd132Member => Rule::Qd132MemberNotCompleted,
            Family::Qd132Organisation => Rule::Qd132OrgNotCompleted,
            Family::Qd132Leadership => Rule::Qd132LcNotCompleted,
        }
    }

    fn level_rule(self, level: Level) -> Rule {
        match (self, level) {
            (Family::Qd124, Level::Excellent) => Rule::Qd124Excellent,
            (Family::Qd124, Level::Good) => Rule::Qd124Good,
            (Family::Qd124, _) => Rule::Qd124Completed,
            (Family::Qd132Member, Level::Excellent) => Rule::Qd132MemberExcellent,
            (Family::Qd132Member, Level::Good) => Rule::Qd132MemberGood,
            (Family::Qd132Member, _) => Rule::Qd132MemberCompleted,
            (Family::Qd132Organisation, Level::Excellent) => Rule::Qd132OrgExcellent,
            (Family::Qd132Organisation, Level::Good) => Rule::Qd132OrgGood,
            (Family::Qd132Organisation, _) => Rule::Qd132OrgCompleted,
            (Family::Qd132Leadership, Level::Excellent) => Rule::Qd132LcExcellent,
            (Family::Qd132Leadership, Level::Good) => Rule::Qd132LcGood,
            (Family::Qd132Leadership, _) => Rule::Qd132LcCompleted,
        }
    }

    fn discipline_not_counted(self) -> Rule {
        if self.qd132() {
            Rule::Qd132DisciplineNotCounted
        } else {
            Rule::Qd124DisciplineNotCounted
        }
    }
}

/// The regime's quota rule, for the group evaluation.
pub(crate) fn quota_rule(regime: RegimeId) -> Rule {
    match regime {
        RegimeId::Qd124 => Rule::Qd124Quota,
        RegimeId::Qd132 => Rule::Qd132Quota,
        RegimeId::Qd366 => Rule::ExcellentQuota,
    }
}

/// Discipline records sorted into what counts in this period.
#[derive(Default)]
struct DisciplineTally {
    /// The subject's own records (an individual's, or the collective's itself).
    own: u64,
    /// Records about members of the collective.
    members: u64,
    /// Of them, at warning or heavier (QĐ 132, leadership collective).
    members_warning_or_heavier: u64,
}

fn count(n: u32) -> Value {
    Value::Count(u64::from(n))
}

fn grade_values(grades: &Grades, threshold: Grade) -> Values {
    Values::of(&[
        (Fact::Part, Value::Part(Part::Grades)),
        (Fact::TaskResultsGrade, Value::Grade(grades.task_results)),
        (Fact::LowestGrade, Value::Grade(grades.lowest_other())),
        (
            Fact::CriteriaBelow,
            Value::Count(grades.others_below(threshold)),
        ),
        (
            Fact::CriteriaCount,
            Value::Count(grades.criteria.len() as u64),
        ),
        (Fact::Threshold, Value::Grade(threshold)),
    ])
}

fn trigger(rule: Rule, which: Trigger, extra: &[(Fact, Value)]) -> Reason {
    let mut values = Values::of(&[(Fact::Trigger, Value::Trigger(which))]);
    for &(fact, value) in extra {
        values.push(fact, value);
    }
    Reason::new(
        rule,
        true,
        Effect::Decides,
        Some(Level::NotCompleted),
        values,
    )
}

/// A trigger the text excepts when the violation was self-detected and remedied: said,
/// changing nothing.
fn excepted(rule: Rule, which: Trigger, extra: &[(Fact, Value)]) -> Reason {
    let mut values = Values::of(&[
        (Fact::Trigger, Value::Trigger(which)),
        (Fact::Part, Value::Part(Part::Exception)),
        (Fact::SelfDetectedAndRemedied, Value::Flag(true)),
    ]);
    for &(fact, value) in extra {
        values.push(fact, value);
    }
    Reason::new(rule, false, Effect::Info, None, values)
}

/// Not classified: returns whether the subject is excluded.
fn exclusion(a: &ValidAssessment, family: Family, reasons: &mut Vec<Reason>) -> bool {
    let (exempt, suspended, new) = if family.qd132() {
        (
            Rule::Qd132Exempt,
            Rule::Qd132Suspended,
            Rule::Qd132NewMember,
        )
    } else {
        (
            Rule::Qd124Exempt,
            Rule::Qd124Suspended,
            Rule::Qd124NewMember,
        )
    };
    let (start, rule) = if a.subject.kind == SubjectKind::Collective {
        // Only HD 21 leaves a new organisation or collective unclassified.
        if !family.qd132() {
            return false;
        }
        (a.subject.established_on, Rule::Qd132NewCollective)
    } else {
        match a.subject.party_status {
            PartyStatus::Exempted | PartyStatus::Suspended => {
                let rule = if a.subject.party_status == PartyStatus::Exempted {
                    exempt
                } else {
                    suspended
                };
                reasons.push(Reason::new(
                    rule,
                    true,
                    Effect::Excludes,
                    None,
                    Values::default(),
                ));
                return true;
            }
            PartyStatus::Active => (a.subject.admitted_on, new),
        }
    };
    start.is_some_and(|start| crate::qd366::under_six_months(rule, start, a, reasons))
}

fn tally_discipline(
    a: &ValidAssessment,
    family: Family,
    reasons: &mut Vec<Reason>,
) -> DisciplineTally {
    let mut tally = DisciplineTally::default();
    for record in &a.discipline {
        // A collective's member at the previous unit: as under QĐ 366 (rules-qd366 §7),
        // it counts against that unit.
        let previous_unit = a.subject.kind == SubjectKind::Collective && record.at_previous_unit;
        let why = crate::qd366::outside_period(a, record)
            .or(previous_unit.then_some(NotCountedWhy::PreviousUnit));
        if let Some(why) = why {
            reasons.push(Reason::new(
                family.discipline_not_counted(),
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
        if record.member_id.is_some() {
            tally.members += 1;
            if record.form != DisciplineForm::Reprimand {
                tally.members_warning_or_heavier += 1;
            }
        } else {
            tally.own += 1;
        }
    }
    tally
}

/// `completed < 50% of assigned`, exactly.
fn under_half(tasks: &Tasks) -> bool {
    u64::from(tasks.completed) * 2 < u64::from(tasks.assigned)
}

fn plan_values(tasks: &Tasks, missed: Option<bool>, force_majeure: bool) -> [(Fact, Value); 4] {
    [
        (Fact::Completed, count(tasks.completed)),
        (Fact::Assigned, count(tasks.assigned)),
        (Fact::MainTargetsMissed, Value::Flag(missed == Some(true))),
        (Fact::ForceMajeure, Value::Flag(force_majeure)),
    ]
}

/// The Not-completed triggers that fire, each as a reason; also the reasons of triggers
/// the text excepts.
fn triggers(
    a: &ValidAssessment,
    family: Family,
    grades: &Grades,
    tasks: &Tasks,
    tally: &DisciplineTally,
    reasons: &mut Vec<Reason>,
) -> bool {
    let rule = family.not_completed();
    let before = reasons.len();
    let kind = a.subject.kind;
    let individual = kind != SubjectKind::Collective;
    let leadership = a.subject.is_leadership_collective();
    let self_detected = a.mitigation.self_detected_and_remedied;
    let force_majeure = a.mitigation.force_majeure;
    // QĐ 124's list of triggers does not always name its subject; grouping them by
    // subject is the spec's reading (sources §2.2), and so is "below Completed" under
    // HD 21 (its Completed criteria were not found).
    let qd124_grouping = family == Family::Qd124;

    if grades.lowest() == Grade::Poor {
        reasons.push(
            trigger(
                rule,
                Trigger::PoorGrade,
                &[
                    (Fact::TaskResultsGrade, Value::Grade(grades.task_results)),
                    (Fact::LowestGrade, Value::Grade(grades.lowest_other())),
                    (
                        Fact::CriteriaBelow,
                        Value::Count(grades.others_below(Grade::Average)),
                    ),
                    (
                        Fact::CriteriaCount,
                        Value::Count(grades.criteria.len() as u64),
                    ),
                ],
            )
            .inferred_if(family == Family::Qd132Member || family == Family::Qd132Leadership),
        );
    }

    // Under 50% of the tasks, with the main targets missed and no force majeure: the
    // unit led (a collective, or a leader). HD 21 words it for members without the
    // main targets.
    match family {
        Family::Qd132Member if under_half(tasks) => {
            reasons.push(trigger(
                rule,
                Trigger::TasksUnderHalf,
                &[
                    (Fact::Completed, count(tasks.completed)),
                    (Fact::Assigned, count(tasks.assigned)),
                ],
            ));
        }
        Family::Qd132Member => {}
        _ if kind == SubjectKind::Member => {}
        _ => {
            let missed = if kind == SubjectKind::Leader {
                a.leader.main_targets_missed
            } else {
                a.collective.main_targets_missed
            };
            if under_half(tasks) && missed == Some(true) {
                let values = plan_values(tasks, missed, force_majeure);
                if force_majeure {
                    let mut excepted_values =
                        Values::of(&[(Fact::Trigger, Value::Trigger(Trigger::Plan))]);
                    for (fact, value) in values {
                        excepted_values.push(fact, value);
                    }
                    reasons.push(Reason::new(
                        rule,
                        false,
                        Effect::Info,
                        None,
                        excepted_values,
                    ));
                } else {
                    reasons.push(trigger(rule, Trigger::Plan, &values).inferred_if(qd124_grouping));
                }
            } else if under_half(tasks) {
                // Under half of the tasks, but the main targets are not stated as missed:
                // the trigger needs both, so it is said not to hold.
                let mut values = Values::of(&[(Fact::Trigger, Value::Trigger(Trigger::Plan))]);
                for (fact, value) in plan_values(tasks, missed, force_majeure) {
                    values.push(fact, value);
                }
                values.push(Fact::Given, Value::Flag(missed.is_some()));
                reasons.push(Reason::new(rule, false, Effect::Info, None, values));
            }
        }
    }

    if individual {
        let c = a.conclusions;
        if c.degradation {
            reasons.push(trigger(rule, Trigger::Degradation, &[]).inferred_if(qd124_grouping));
        }
        if family == Family::Qd124 {
            if c.prohibition_breach {
                reasons.push(trigger(rule, Trigger::ProhibitionBreach, &[]).inferred_if(true));
            }
            if c.exemplary_breach {
                reasons.push(trigger(rule, Trigger::ExemplaryBreach, &[]).inferred_if(true));
            }
        }
        if let Some(Level::NotCompleted) = a.civil_service_level {
            reasons.push(trigger(
                rule,
                Trigger::CivilServiceNotCompleted,
                &[(Fact::CivilServiceLevel, Value::Level(Level::NotCompleted))],
            ));
        }
        if tally.own > 0 {
            let values = [(Fact::Disciplined, Value::Count(tally.own))];
            if family == Family::Qd124 && self_detected {
                reasons.push(excepted(rule, Trigger::Disciplined, &values).inferred_if(true));
            } else {
                reasons
                    .push(trigger(rule, Trigger::Disciplined, &values).inferred_if(qd124_grouping));
            }
        }
        return reasons.len() > before && reasons[before..].iter().any(|r| r.holds);
    }

    // Collectives.
    if leadership {
        if a.conclusions.disunity {
            reasons.push(trigger(rule, Trigger::Disunity, &[]).inferred_if(qd124_grouping));
        }
        if a.conclusions.member_degraded() {
            reasons.push(trigger(rule, Trigger::MemberDegraded, &[]).inferred_if(qd124_grouping));
        }
    }
    if tally.own > 0 {
        let values = [(Fact::Disciplined, Value::Count(tally.own))];
        if family == Family::Qd124 && self_detected {
            reasons.push(excepted(rule, Trigger::CollectiveDisciplined, &values).inferred_if(true));
        } else {
            reasons.push(
                trigger(rule, Trigger::CollectiveDisciplined, &values).inferred_if(qd124_grouping),
            );
        }
    }
    match family {
        Family::Qd124 => {
            let subordinates = u64::from(a.collective.subordinate_units_disciplined.unwrap_or(0));
            if let Some(total) = a.collective.subordinate_units {
                // More than 20%: 5·d > n, exactly. The text attaches no exception to it.
                if subordinates * 5 > u64::from(total) {
                    reasons.push(
                        trigger(
                            rule,
                            Trigger::SubordinatesOverShare,
                            &[
                                (
                                    Fact::SubordinateUnitsDisciplined,
                                    Value::Count(subordinates),
                                ),
                                (Fact::SubordinateUnits, count(total)),
                            ],
                        )
                        .inferred_if(true),
                    );
                }
            } else if subordinates > 0 && self_detected {
                // Without the number of subordinate units, "more than 20%" (which no
                // exception covers) cannot be settled: the competent level decides.
                reasons.push(
                    Reason::new(
                        rule,
                        false,
                        Effect::NeedsDecision,
                        Some(Level::NotCompleted),
                        Values::of(&[
                            (
                                Fact::Trigger,
                                Value::Trigger(Trigger::SubordinatesOverShare),
                            ),
                            (
                                Fact::SubordinateUnitsDisciplined,
                                Value::Count(subordinates),
                            ),
                            (Fact::Given, Value::Flag(false)),
                        ]),
                    )
                    .inferred_if(true),
                );
            }
            for (which, n, fact) in [
                (
                    Trigger::SubordinatesDisciplined,
                    subordinates,
                    Fact::SubordinateUnitsDisciplined,
                ),
                (
                    Trigger::MemberDisciplined,
                    tally.members,
                    Fact::MembersDisciplined,
                ),
            ] {
                if n == 0 {
                    continue;
                }
                let values = [(fact, Value::Count(n))];
                if self_detected {
                    reasons.push(excepted(rule, which, &values).inferred_if(true));
                } else {
                    reasons.push(trigger(rule, which, &values).inferred_if(true));
                }
            }
        }
        Family::Qd132Leadership => {
            if tally.members_warning_or_heavier > 0 {
                reasons.push(trigger(
                    rule,
                    Trigger::MemberDisciplined,
                    &[(
                        Fact::MembersDisciplined,
                        Value::Count(tally.members_warning_or_heavier),
                    )],
                ));
            } else if tally.members > 0 {
                // A reprimand does not reach the threshold: said, so the reader sees why.
                reasons.push(Reason::new(
                    rule,
                    false,
                    Effect::Info,
                    None,
                    Values::of(&[
                        (Fact::Trigger, Value::Trigger(Trigger::MemberDisciplined)),
                        (Fact::MembersDisciplined, Value::Count(tally.members)),
                        (Fact::Form, Value::Form(DisciplineForm::Reprimand)),
                    ]),
                ));
            }
        }
        Family::Qd132Organisation | Family::Qd132Member => {}
    }
    reasons[before..].iter().any(|r| r.holds)
}

/// One condition of a level: whether it holds, its values, and whether it rests on the
/// library's reading.
struct Condition {
    holds: bool,
    values: Values,
    inferred: bool,
}

/// The conditions of `level`, in order; the level holds when all do.
fn conditions(
    a: &ValidAssessment,
    family: Family,
    level: Level,
    grades: &Grades,
    tasks: &Tasks,
    tally: &DisciplineTally,
) -> Vec<Condition> {
    let individual = a.subject.kind != SubjectKind::Collective;
    let mut out = Vec::with_capacity(4);
    let pattern = |threshold: Grade, task_floor: Grade| Condition {
        holds: grades.lowest_other() >= threshold && grades.task_results >= task_floor,
        values: grade_values(grades, threshold),
        inferred: false,
    };
    match level {
        Level::Excellent => {
            out.push(pattern(Grade::Good, Grade::Excellent));
            match family {
                Family::Qd124 if individual => {
                    // All on time, and at least 50% exceeded (2·x ≥ n). For a leader the
                    // text's unit conditions are truncated: the unit led's tasks stand in.
                    let holds = tasks.on_time == tasks.assigned
                        && share_at_least(
                            u64::from(tasks.exceeded),
                            u64::from(tasks.assigned),
                            1,
                            2,
                        );
                    out.push(Condition {
                        holds,
                        values: Values::of(&[
                            (Fact::Part, Value::Part(Part::Tasks)),
                            (Fact::Assigned, count(tasks.assigned)),
                            (Fact::Completed, count(tasks.completed)),
                            (Fact::OnTime, count(tasks.on_time)),
                            (Fact::Exceeded, count(tasks.exceeded)),
                        ]),
                        inferred: a.subject.kind == SubjectKind::Leader,
                    });
                    out.push(Condition {
                        holds: tally.own == 0,
                        values: Values::of(&[
                            (Fact::Part, Value::Part(Part::Discipline)),
                            (Fact::Disciplined, Value::Count(tally.own)),
                        ]),
                        inferred: true,
                    });
                }
                Family::Qd124 => {
                    let subordinates =
                        u64::from(a.collective.subordinate_units_disciplined.unwrap_or(0));
                    out.push(Condition {
                        holds: subordinates == 0 && tally.members == 0 && tally.own == 0,
                        values: Values::of(&[
                            (Fact::Part, Value::Part(Part::Discipline)),
                            (
                                Fact::SubordinateUnitsDisciplined,
                                Value::Count(subordinates),
                            ),
                            (Fact::MembersDisciplined, Value::Count(tally.members)),
                            (Fact::Disciplined, Value::Count(tally.own)),
                        ]),
                        inferred: false,
                    });
                }
                Family::Qd132Member => {
                    if let Some(civil) = a.civil_service_level {
                        out.push(Condition {
                            holds: civil == Level::Excellent,
                            values: Values::of(&[
                                (Fact::Part, Value::Part(Part::CivilService)),
                                (Fact::CivilServiceLevel, Value::Level(civil)),
                            ]),
                            inferred: false,
                        });
                    }
                }
                Family::Qd132Organisation => organisation_conditions(a, &mut out),
                Family::Qd132Leadership => {}
            }
        }
        Level::Good => {
            let mut condition = pattern(Grade::Average, Grade::Good);
            // QĐ 124 states Good for collectives only; HD 21 states no Good at all
            // (those rules carry the `inferred` basis themselves).
            condition.inferred = family == Family::Qd124 && individual;
            out.push(condition);
        }
        Level::Completed | Level::NotCompleted => {
            let mut condition = pattern(Grade::Average, Grade::Average);
            condition.inferred = family == Family::Qd124 && individual;
            out.push(condition);
        }
    }
    out
}

/// HD 21 §II.B.1, a party organisation's Excellent: its members (chi bộ) or subordinate
/// organisations (đảng bộ) all at least Completed and at least 80% Good; the same-level
/// bodies Good or better. An agency has no such conditions.
fn organisation_conditions(a: &ValidAssessment, out: &mut Vec<Condition>) {
    if a.subject.collective_kind == Some(CollectiveKind::Agency) {
        return;
    }
    let given: Vec<_> = [
        (Whose::Members, a.collective.member_levels),
        (
            Whose::SubordinateOrganisations,
            a.collective.subordinate_levels,
        ),
    ]
    .into_iter()
    .filter_map(|(whose, counts)| counts.map(|c| (whose, c)))
    .collect();
    if given.is_empty() {
        out.push(Condition {
            holds: false,
            values: Values::of(&[
                (Fact::Part, Value::Part(Part::Subordinates)),
                (Fact::Given, Value::Flag(false)),
            ]),
            inferred: false,
        });
    }
    for (whose, counts) in given {
        let total = counts.total();
        let completed = counts.at_least(Level::Completed);
        let good = counts.at_least(Level::Good);
        out.push(Condition {
            holds: total > 0 && completed == total && share_at_least(good, total, 8, 10),
            values: Values::of(&[
                (Fact::Part, Value::Part(Part::Subordinates)),
                (Fact::Given, Value::Flag(true)),
                (Fact::Whose, Value::Whose(whose)),
                (Fact::UnitsCounted, Value::Count(total)),
                (Fact::AtLeastCompleted, Value::Count(completed)),
                (Fact::AtLeastGood, Value::Count(good)),
            ]),
            inferred: false,
        });
    }
    let bodies = a.collective.same_level_bodies_good;
    out.push(Condition {
        holds: bodies == Some(true),
        values: Values::of(&[
            (Fact::Part, Value::Part(Part::SameLevelBodies)),
            (Fact::Given, Value::Flag(bodies.is_some())),
            (Fact::SameLevelBodiesGood, Value::Flag(bodies == Some(true))),
        ]),
        inferred: false,
    });
}

/// The level from Excellent down, with a reason for each failed condition of a higher
/// level and one for the level that holds.
fn levels(
    a: &ValidAssessment,
    family: Family,
    grades: &Grades,
    tasks: &Tasks,
    tally: &DisciplineTally,
    reasons: &mut Vec<Reason>,
) -> Level {
    for level in [Level::Excellent, Level::Good, Level::Completed] {
        let rule = family.level_rule(level);
        let found = conditions(a, family, level, grades, tasks, tally);
        if found.iter().all(|c| c.holds) {
            for condition in found {
                reasons.push(
                    Reason::new(rule, true, Effect::Decides, Some(level), condition.values)
                        .inferred_if(condition.inferred),
                );
            }
            return level;
        }
        for condition in found.into_iter().filter(|c| !c.holds) {
            reasons.push(
                Reason::new(rule, false, Effect::Blocks, Some(level), condition.values)
                    .inferred_if(condition.inferred),
            );
        }
    }
    // Unreachable: without a poor grade (a trigger), Completed's pattern holds.
    Level::NotCompleted
}

/// A cap by another level (HD 21): lowers the level, or says it did not.
fn cap(
    rule: Rule,
    level: Level,
    cap: Level,
    extra: (Fact, Value),
    reasons: &mut Vec<Reason>,
) -> Level {
    let lowers = level > cap;
    reasons.push(Reason::new(
        rule,
        lowers,
        if lowers {
            Effect::Demotes
        } else {
            Effect::Info
        },
        Some(level.min(cap)),
        Values::of(&[
            (Fact::Part, Value::Part(Part::Cap)),
            (Fact::LevelBefore, Value::Level(level)),
            (Fact::CapLevel, Value::Level(cap)),
            extra,
        ]),
    ));
    level.min(cap)
}

/// HD 21's caps: sick leave, the leadership collective under its organisation, the head
/// under what they head.
fn caps(a: &ValidAssessment, family: Family, mut level: Level, reasons: &mut Vec<Reason>) -> Level {
    if family == Family::Qd132Member {
        if a.leave.sick_months >= Points::whole(3) {
            level = cap(
                Rule::Qd132Sick,
                level,
                Level::Completed,
                (Fact::SickMonths, Value::Points(a.leave.sick_months)),
                reasons,
            );
        }
        if a.leave.maternity {
            reasons.push(Reason::new(
                Rule::Qd132Sick,
                true,
                Effect::Info,
                None,
                Values::of(&[
                    (Fact::Part, Value::Part(Part::Leave)),
                    (Fact::Maternity, Value::Flag(true)),
                ]),
            ));
        }
        if let Some(headed) = a.leader.headed_level {
            level = cap(
                Rule::Qd132HeadCap,
                level,
                headed,
                (Fact::Kind, Value::Kind(a.subject.kind)),
                reasons,
            );
        }
    }
    if family == Family::Qd132Leadership {
        if let Some(organisation) = a.collective.organisation_level {
            level = cap(
                Rule::Qd132LcCap,
                level,
                organisation,
                (Fact::Kind, Value::Kind(a.subject.kind)),
                reasons,
            );
        }
    }
    level
}

/// Evaluates a validated assessment under QĐ 124 or QĐ 132.
pub(crate) fn evaluate(a: &ValidAssessment, options: &Options) -> Decision {
    let family = Family::of(a);
    let mut reasons = Vec::with_capacity(4);
    let mut decision = Decision {
        id: a.id.clone(),
        regime: a.regime,
        regime_selection: a.regime_selection,
        subject_kind: a.subject.kind,
        collective_kind: a.subject.collective_kind,
        tasks: a.tasks,
        period: a.period,
        as_of: a.as_of,
        outcome: Outcome::NotClassified,
        level: None,
        score: None,
        band: None,
        needs_decision: false,
        reading: options.reading,
        reasons: Vec::new(),
        alternatives: Vec::new(),
        quota: None,
        quota_group: a.quota_group.clone(),
    };
    let excluded = exclusion(a, family, &mut reasons);
    let (false, Some(grades), Some(tasks)) = (excluded, a.grades.as_ref(), a.tasks) else {
        decision.reasons = reasons;
        return decision;
    };
    let tally = tally_discipline(a, family, &mut reasons);
    let level = if triggers(a, family, grades, &tasks, &tally, &mut reasons) {
        Level::NotCompleted
    } else {
        levels(a, family, grades, &tasks, &tally, &mut reasons)
    };
    let level = caps(a, family, level, &mut reasons);
    decision.outcome = Outcome::Classified;
    decision.level = Some(level);
    decision.needs_decision = reasons.iter().any(|r| r.effect == Effect::NeedsDecision);
    decision.reasons = reasons;
    decision
}
