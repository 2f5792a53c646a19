//! Evaluation under `nd90`: ND 90/2020 as amended by ND 48/2023 (`spec/state-regimes.md`
//! §3). No points: the criteria graded, the share of tasks (and for the leader pattern
//! the unit's targets and the managed units' levels), every share by
//! cross-multiplication.
//!
//! Order of evaluation, which is also the order of the reasons: who is not classified
//! (Art. 2.3.a, c); discipline not counted; the grounds of Not completed (Art. 2.5 with
//! ND 48, the closed list of Arts. 7, 11, 15); the levels from the top, the first whose
//! conditions all hold deciding; the gap (no level, no ground); the leave cap (Art.
//! 2.3.b). The quota (Art. 2.6) is the batch's.

use crate::contract::decision::Effect;
use crate::contract::level::{Level, Options, Outcome, Reading};
use crate::contract::state::{CriterionGrade, Employment};
use crate::model::{Nd90Grades, StateFacts, Tasks, ValidAssessment};
use crate::points::{share_at_least, share_more_than};
use crate::regimes::decision::Decision;
use crate::regimes::state::citations::nd90_basis;
use crate::regimes::state::discipline::counted;
use crate::regimes::state::eligibility::{nd90_exclusion, nd90_leave_cap};
use crate::regimes::state::part::StatePart;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Nd90Part, Nd90Parts, Reason, Trigger, Value, Values};

/// Evaluates a validated `nd90` record. Never fails and never panics.
pub fn evaluate(a: &ValidAssessment, s: &StateFacts, options: &Options) -> Decision {
    let mut decision = Decision::unclassified(a, options);
    let part = StatePart::of(a, s, options);
    let mut reasons = Vec::with_capacity(6);
    let leader = part.leader;
    let employment = s.employment;
    if nd90_exclusion(s, &mut reasons) {
        return finish(decision, reasons, part);
    }
    let (Some(criteria), Some(tasks)) = (s.criteria, a.tasks) else {
        return finish(decision, reasons, part);
    };
    decision.outcome = Outcome::Classified;
    let records = counted(a, Rule::Nd90DisciplineNotCounted, s.nd48, &mut reasons);
    let not_completed = Some(Level::NotCompleted);
    let mut grounds = false;
    let ground = |trigger: Trigger, values: &[(Fact, Value)]| {
        let mut all = Values::of(&[(Fact::Trigger, Value::Trigger(trigger))]);
        for &(fact, value) in values {
            all.push(fact, value);
        }
        Reason::new(
            Rule::Nd90NotCompleted,
            true,
            Effect::Decides,
            not_completed,
            all,
        )
        .with_basis(nd90_basis(Rule::Nd90NotCompleted, employment))
    };
    for record in &records {
        grounds = true;
        let values = Values::of(&[
            (Fact::Form, Value::Form(record.form)),
            (Fact::DecidedOn, Value::Date(record.decided_on)),
            (Fact::DisciplineKind, Value::DisciplineKind(record.kind)),
        ]);
        reasons.push(if s.nd48 {
            Reason::new(
                Rule::Nd90Disciplined,
                true,
                Effect::Decides,
                not_completed,
                values,
            )
        } else {
            // Before ND 48 only administrative records count (`counted`).
            ground(
                Trigger::Disciplined,
                &[
                    (Fact::Form, Value::Form(record.form)),
                    (Fact::DecidedOn, Value::Date(record.decided_on)),
                ],
            )
        });
    }
    if a.conclusions.degradation {
        grounds = true;
        reasons.push(ground(Trigger::Degradation, &[]));
    }
    if 2 * u64::from(s.poor) > u64::from(tasks.assigned) {
        grounds = true;
        reasons.push(ground(
            Trigger::Poor,
            &[
                (Fact::Late, Value::count(s.poor)),
                (Fact::Assigned, Value::count(tasks.assigned)),
            ],
        ));
    }
    if leader {
        if let Some(unit) = s.unit {
            if 2 * u64::from(unit.completed) < u64::from(unit.assigned) {
                grounds = true;
                reasons.push(ground(
                    Trigger::UnitUnderHalf,
                    &[
                        (Fact::Completed, Value::count(unit.completed)),
                        (Fact::Assigned, Value::count(unit.assigned)),
                    ],
                ));
            }
        }
        if a.leader.scope_corruption_disciplined {
            grounds = true;
            reasons.push(ground(Trigger::ScopeCorruption, &[]));
        }
    }
    let level = if grounds {
        Level::NotCompleted
    } else {
        match levels(&criteria, &tasks, s, leader, employment, &mut reasons) {
            Some(level) => level,
            None => {
                let strict = options.reading == Reading::Strict;
                decision.needs_decision = true;
                reasons.push(
                    Reason::new(
                        Rule::Nd90Gap,
                        true,
                        Effect::NeedsDecision,
                        (!strict).then_some(Level::Completed),
                        Values::default(),
                    )
                    .with_basis(nd90_basis(Rule::Nd90Gap, employment)),
                );
                if strict {
                    decision.outcome = Outcome::Undetermined;
                    return finish(decision, reasons, part);
                }
                Level::Completed
            }
        }
    };
    decision.level = Some(nd90_leave_cap(s, level, &mut reasons));
    finish(decision, reasons, part)
}

fn finish(mut decision: Decision, reasons: Vec<Reason>, part: StatePart) -> Decision {
    decision.reasons = reasons;
    decision.state = Some(Box::new(part));
    decision
}

/// `part/whole ≥ numerator/denominator`, exactly (`10·part ≥ 7·whole`).
fn at_least(part: u32, whole: u32, numerator: u64, denominator: u64) -> bool {
    share_at_least(u64::from(part), u64::from(whole), numerator, denominator)
}

/// The conditions of each level that failed, from the top: the first level with none
/// decides (`None`: the gap).
fn levels(
    criteria: &Nd90Grades,
    tasks: &Tasks,
    s: &StateFacts,
    leader: bool,
    employment: Option<Employment>,
    reasons: &mut Vec<Reason>,
) -> Option<Level> {
    let all_good = criteria.all().all(|(_, g)| g == CriterionGrade::Good);
    let none_fails = criteria.all().all(|(_, g)| g != CriterionGrade::Fails);
    let managed = s.managed_units.unwrap_or_default();
    let unit = s.unit.unwrap_or_default();
    let own_completed = tasks.completed == tasks.assigned;
    let own_poor = 5 * u64::from(s.poor) <= u64::from(tasks.assigned);
    for (level, rule) in [
        (Level::Excellent, Rule::Nd90Excellent),
        (Level::Good, Rule::Nd90Good),
        (Level::Completed, Rule::Nd90Completed),
    ] {
        let mut failed = Nd90Parts::default();
        let mut check = |holds: bool, part: Nd90Part| {
            if !holds {
                failed.insert(part);
            }
        };
        let criteria_hold = if level == Level::Excellent {
            all_good
        } else {
            none_fails
        };
        check(criteria_hold, Nd90Part::Criteria);
        match (leader, level) {
            (false, Level::Excellent) => {
                check(tasks.on_time == tasks.assigned, Nd90Part::TasksOnTime);
                check(
                    at_least(tasks.exceeded, tasks.assigned, 1, 2),
                    Nd90Part::Exceeded,
                );
            }
            (false, Level::Good) => {
                check(tasks.on_time == tasks.assigned, Nd90Part::TasksOnTime);
            }
            (true, Level::Excellent | Level::Good) => {
                check(unit.completed == unit.assigned, Nd90Part::UnitCompleted);
                if level == Level::Excellent {
                    check(
                        at_least(unit.exceeded, unit.assigned, 1, 2),
                        Nd90Part::UnitExceeded,
                    );
                } else {
                    check(
                        at_least(unit.on_time, unit.assigned, 4, 5),
                        Nd90Part::UnitOnTime,
                    );
                }
                check(
                    managed.completed_or_better == managed.total,
                    Nd90Part::ManagedCompleted,
                );
                check(
                    at_least(managed.good_or_better, managed.total, 7, 10),
                    Nd90Part::ManagedGood,
                );
            }
            (_, _) => {
                check(own_completed, Nd90Part::TasksCompleted);
                check(own_poor, Nd90Part::Poor);
                if leader {
                    check(
                        unit.assigned == 0
                            || share_more_than(
                                u64::from(unit.completed),
                                u64::from(unit.assigned),
                                7,
                                10,
                            ),
                        Nd90Part::UnitCompleted,
                    );
                    check(
                        at_least(managed.completed_or_better, managed.total, 7, 10),
                        Nd90Part::ManagedCompleted,
                    );
                }
            }
        }
        let holds = failed.is_empty();
        let mut values = Values::of(&[
            (Fact::Failed, Value::Parts(failed)),
            (Fact::Assigned, Value::count(tasks.assigned)),
            (Fact::OnTime, Value::count(tasks.on_time)),
            (Fact::Exceeded, Value::count(tasks.exceeded)),
        ]);
        values.push(Fact::Completed, Value::count(tasks.completed));
        reasons.push(
            Reason::new(
                rule,
                holds,
                if holds {
                    Effect::Decides
                } else {
                    Effect::Blocks
                },
                Some(level),
                values,
            )
            .with_basis(nd90_basis(rule, employment)),
        );
        if holds {
            return Some(level);
        }
    }
    None
}
