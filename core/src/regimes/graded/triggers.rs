//! The Not-completed triggers of QĐ 124 (Art. 12) and QĐ 132 (HD 21 §II.B), one reason
//! per trigger, and the triggers the text excepts.

use crate::contract::assessment::{DisciplineForm, Grade};
use crate::contract::decision::Effect;
use crate::contract::level::Level;
use crate::contract::subject::SubjectKind;
use crate::model::{Grades, Tasks, ValidAssessment};
use crate::regimes::graded::discipline::DisciplineTally;
use crate::regimes::graded::family::Family;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Part, Reason, Trigger, Value, Values};

#[inline]
pub fn trigger(rule: Rule, which: Trigger, extra: &[(Fact, Value)]) -> Reason {
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
#[inline]
pub fn excepted(rule: Rule, which: Trigger, extra: &[(Fact, Value)]) -> Reason {
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

/// `completed < 50% of assigned`, exactly.
#[inline]
pub fn under_half(tasks: &Tasks) -> bool {
    u64::from(tasks.completed) * 2 < u64::from(tasks.assigned)
}

#[inline]
pub fn plan_values(tasks: &Tasks, missed: Option<bool>, force_majeure: bool) -> [(Fact, Value); 4] {
    [
        (Fact::Completed, Value::count(tasks.completed)),
        (Fact::Assigned, Value::count(tasks.assigned)),
        (Fact::MainTargetsMissed, Value::Flag(missed == Some(true))),
        (Fact::ForceMajeure, Value::Flag(force_majeure)),
    ]
}

/// The Not-completed triggers that fire, each as a reason; also the reasons of triggers
/// the text excepts.
#[inline]
pub fn triggers(
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
    // main targets; a leader's tasks are the unit led, so for a leader it is read as the
    // collective's ground (ruling of 7/12/2026).
    match family {
        Family::Qd132Member if kind == SubjectKind::Member && under_half(tasks) => {
            reasons.push(trigger(
                rule,
                Trigger::TasksUnderHalf,
                &[
                    (Fact::Completed, Value::count(tasks.completed)),
                    (Fact::Assigned, Value::count(tasks.assigned)),
                ],
            ));
        }
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

    // Collectives. Disunity: any collective's ground under QĐ 124, a leadership
    // collective's under HD 21 (ruling of 7/12/2026).
    if a.conclusions.disunity && (leadership || a.regime.info().disunity_of_any_collective) {
        reasons.push(trigger(rule, Trigger::Disunity, &[]).inferred_if(qd124_grouping));
    }
    if leadership && a.conclusions.member_degraded() {
        reasons.push(trigger(rule, Trigger::MemberDegraded, &[]).inferred_if(qd124_grouping));
    }
    if tally.own > 0 {
        // The collective itself disciplined: no exception, in either regime. QĐ 124's
        // self-detection exception attaches to subordinate units' and members'
        // discipline only (ruling of 7/12/2026); a claim is said not to apply.
        let values = [
            (Fact::Disciplined, Value::Count(tally.own)),
            (
                Fact::SelfDetectedAndRemedied,
                Value::Flag(family == Family::Qd124 && self_detected),
            ),
        ];
        reasons.push(
            trigger(rule, Trigger::CollectiveDisciplined, &values).inferred_if(qd124_grouping),
        );
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
                                (Fact::SubordinateUnits, Value::count(total)),
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
