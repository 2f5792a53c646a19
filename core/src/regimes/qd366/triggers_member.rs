//! QĐ 366 Art. 11.4, a member (`qd366.11.4.N.*`): conduct (degradation, duty-related
//! discipline, a must-not-do or exemplary-conduct breach, a self-reported checklist
//! breach) and over half of the tasks not completed.

use crate::contract::decision::{Effect, MitigationKind};
use crate::contract::level::Level;
use crate::model::{Tasks, ValidAssessment};
use crate::points::share_more_than;
use crate::regimes::qd366::discipline::DisciplineTally;
use crate::regimes::qd366::triggers::{fire, Fired};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};

/// The member's triggers that fired, in the text's order.
#[inline]
pub fn triggers(
    a: &ValidAssessment,
    tasks: &Tasks,
    tally: &DisciplineTally,
    self_reported: u64,
    reasons: &mut Vec<Reason>,
    fired: &mut Vec<Fired>,
) {
    let c = &a.conclusions;
    let self_detected = Some(MitigationKind::SelfDetectedAndRemedied);
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
    fire(fired, Rule::MemberConduct, holds, values, self_detected);
    let (f, n) = (u64::from(tasks.not_completed), u64::from(tasks.assigned));
    fire(
        fired,
        Rule::MemberTasks,
        share_more_than(f, n, 1, 2),
        Values::of(&[
            (Fact::NotCompleted, Value::Count(f)),
            (Fact::Assigned, Value::Count(n)),
        ]),
        None,
    );
}
