//! QĐ 366 Art. 11.4, a leader (`qd366.11.4.L.*`): the plan, basic targets or units in
//! charge; low confidence; duty-related discipline; degradation; corruption under direct
//! management.

use crate::contract::decision::{Effect, MitigationKind};
use crate::contract::level::{Level, Options};
use crate::model::{Tasks, ValidAssessment};
use crate::points::share_more_than;
use crate::regimes::qd366::discipline::DisciplineTally;
use crate::regimes::qd366::triggers::{
    fire, fire_discipline, plan_missed, plan_values, targets_missed, Fired,
};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};

/// The leader's triggers that fired, in the text's order.
#[inline]
pub fn triggers(
    a: &ValidAssessment,
    tasks: &Tasks,
    tally: &DisciplineTally,
    options: &Options,
    reasons: &mut Vec<Reason>,
    fired: &mut Vec<Fired>,
) {
    let c = &a.conclusions;
    let self_detected = Some(MitigationKind::SelfDetectedAndRemedied);
    let l = &a.leader;
    let units = l.units_in_charge;
    let units_failed = units
        .is_some_and(|u| share_more_than(u64::from(u.not_completed), u64::from(u.total), 1, 2));
    let holds = plan_missed(tasks)
        || targets_missed(l.basic_targets, options.basic_targets)
        || units_failed;
    let mut values = plan_values(tasks, l.basic_targets, options.basic_targets);
    if let Some(u) = units {
        values.push(Fact::UnitsNotCompleted, Value::count(u.not_completed));
        values.push(Fact::UnitsTotal, Value::count(u.total));
    }
    fire(fired, Rule::LeaderPlan, holds, values, None);
    if let Some(vote) = l.confidence_vote {
        fire(
            fired,
            Rule::LeaderConfidence,
            share_more_than(u64::from(vote.low), u64::from(vote.total), 1, 2),
            Values::of(&[
                (Fact::LowVotes, Value::count(vote.low)),
                (Fact::TotalVotes, Value::count(vote.total)),
            ]),
            None,
        );
    }
    fire_discipline(
        Rule::LeaderDiscipline,
        tally.duty_related,
        tally.not_duty_related,
        reasons,
        fired,
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
    fire(
        fired,
        Rule::LeaderDegradation,
        c.degradation,
        breach_values,
        None,
    );
    fire(
        fired,
        Rule::LeaderScopeCorruption,
        l.scope_corruption_disciplined,
        Values::of(&[(Fact::ScopeCorruption, Value::Flag(true))]),
        self_detected,
    );
}
