//! QĐ 366 Art. 11.4, the Not-completed triggers (`qd366.11.4.*`): what every subject
//! shares (the score under 50, the plan and basic targets) and how a fired trigger is
//! kept with the mitigation the text attaches to it. Each subject's own triggers are in
//! `triggers_member.rs`, `triggers_leader.rs` and `triggers_collective.rs`.

use crate::contract::assessment::BasicTargets;
use crate::contract::decision::{Effect, MitigationKind};
use crate::contract::level::{Level, TargetsReading};
use crate::model::{Score, Tasks};
use crate::points::share_at_least;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};

/// A trigger that fired, with the mitigation the text attaches to it.
#[derive(Clone, Copy)]
pub struct Fired {
    pub rule: Rule,
    pub values: Values,
    pub mitigable_by: Option<MitigationKind>,
}

/// Keeps a trigger that holds, with the mitigation the text attaches to it.
#[inline]
pub fn fire(
    fired: &mut Vec<Fired>,
    rule: Rule,
    holds: bool,
    values: Values,
    mitigable_by: Option<MitigationKind>,
) {
    if holds {
        fired.push(Fired {
            rule,
            values,
            mitigable_by,
        });
    }
}

/// A discipline trigger (Art. 11.4: disciplined at reprimand or heavier for a violation
/// tied to duties), mitigable by self-detection: fires on the duty-related records; when
/// only records not tied to duties counted, a reason says they trigger nothing.
#[inline]
pub fn fire_discipline(
    rule: Rule,
    duty_related: u64,
    not_duty_related: u64,
    reasons: &mut Vec<Reason>,
    fired: &mut Vec<Fired>,
) {
    let values = Values::of(&[
        (Fact::Disciplined, Value::Count(duty_related)),
        (
            Fact::DisciplinedNotDutyRelated,
            Value::Count(not_duty_related),
        ),
    ]);
    if duty_related == 0 && not_duty_related > 0 {
        reasons.push(Reason::new(
            rule,
            false,
            Effect::Info,
            Some(Level::NotCompleted),
            values,
        ));
    }
    fire(
        fired,
        rule,
        duty_related > 0,
        values,
        Some(MitigationKind::SelfDetectedAndRemedied),
    );
}

/// Art. 11.4: a total score under 50.
#[inline]
pub fn score_trigger(score: &Score, fired: &mut Vec<Fired>) {
    let total = score.total();
    fire(
        fired,
        Rule::NotCompletedScore,
        total < Level::Completed.floor(),
        Values::of(&[(Fact::Total, Value::Points(total))]),
        None,
    );
}

#[inline]
pub fn plan_missed(tasks: &Tasks) -> bool {
    // completed under 70% of planned tasks: 10·c < 7·n
    !share_at_least(u64::from(tasks.completed), u64::from(tasks.assigned), 7, 10)
}

#[inline]
pub fn targets_missed(targets: Option<BasicTargets>, reading: TargetsReading) -> bool {
    targets.is_some_and(|t| {
        t.applicable
            && match reading {
                TargetsReading::Any => t.missed >= 1,
                TargetsReading::All => t.missed >= 5,
            }
    })
}

#[inline]
pub fn plan_values(
    tasks: &Tasks,
    targets: Option<BasicTargets>,
    reading: TargetsReading,
) -> Values {
    let mut values = Values::of(&[
        (Fact::Completed, Value::count(tasks.completed)),
        (Fact::Assigned, Value::count(tasks.assigned)),
    ]);
    if let Some(t) = targets {
        values.push(Fact::TargetsApplicable, Value::Flag(t.applicable));
        values.push(Fact::TargetsMissed, Value::count(t.missed));
        values.push(
            Fact::TargetsReadingAll,
            Value::Flag(reading == TargetsReading::All),
        );
    }
    values
}
