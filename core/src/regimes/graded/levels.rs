//! The level conditions of QĐ 124 (Art. 12) and QĐ 132 (HD 21 §II.B), from Excellent
//! down: the grade pattern and each regime's further conditions.

use crate::contract::assessment::Grade;
use crate::contract::decision::Effect;
use crate::contract::level::Level;
use crate::contract::subject::{CollectiveKind, SubjectKind};
use crate::model::{Grades, Tasks, ValidAssessment};
use crate::points::share_at_least;
use crate::regimes::graded::discipline::DisciplineTally;
use crate::regimes::graded::family::Family;
use crate::rules::reason::{Fact, Part, Reason, Value, Values, Whose};

#[inline]
pub fn grade_values(grades: &Grades, threshold: Grade) -> Values {
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

/// One condition of a level: whether it holds, its values, and whether it rests on the
/// library's reading.
pub struct Condition {
    pub holds: bool,
    pub values: Values,
    pub inferred: bool,
}

/// The conditions of `level`, in order; the level holds when all do.
pub fn conditions(
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
                            (Fact::Assigned, Value::count(tasks.assigned)),
                            (Fact::Completed, Value::count(tasks.completed)),
                            (Fact::OnTime, Value::count(tasks.on_time)),
                            (Fact::Exceeded, Value::count(tasks.exceeded)),
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
pub fn organisation_conditions(a: &ValidAssessment, out: &mut Vec<Condition>) {
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
pub fn levels(
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
