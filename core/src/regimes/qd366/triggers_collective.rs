//! QĐ 366 Art. 11.4, a leadership collective (`qd366.11.4.T.*`): cadre work, members'
//! duty-related discipline and degradation, the plan and basic targets. Other
//! collectives have no trigger but the score.

use crate::contract::decision::MitigationKind;
use crate::contract::level::Options;
use crate::model::{Tasks, ValidAssessment};
use crate::regimes::qd366::discipline::DisciplineTally;
use crate::regimes::qd366::triggers::{fire, plan_missed, plan_values, targets_missed, Fired};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Value, Values};

/// The leadership collective's triggers that fired, in the text's order.
#[inline]
pub fn triggers(
    a: &ValidAssessment,
    tasks: &Tasks,
    tally: &DisciplineTally,
    options: &Options,
    fired: &mut Vec<Fired>,
) {
    let c = &a.conclusions;
    let self_detected = Some(MitigationKind::SelfDetectedAndRemedied);
    fire(
        fired,
        Rule::CollectiveCadreWork,
        c.cadre_work_violation,
        Values::of(&[(Fact::CadreWorkViolation, Value::Flag(true))]),
        None,
    );
    fire(
        fired,
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
        fired,
        Rule::CollectiveMemberDegradation,
        c.member_degraded(),
        Values::of(&[(Fact::MemberDegradation, Value::Flag(true))]),
        None,
    );
    let targets = a.collective.basic_targets;
    fire(
        fired,
        Rule::CollectivePlan,
        plan_missed(tasks) || targets_missed(targets, options.basic_targets),
        plan_values(tasks, targets, options.basic_targets),
        Some(MitigationKind::ForceMajeure),
    );
}
