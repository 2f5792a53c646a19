//! QĐ 366 Art. 11.4, a leadership collective (`qd366.11.4.T.*`): cadre work, members'
//! duty-related discipline and degradation, the plan and basic targets, and its own
//! duty-related discipline (rules-qd366 §4, basis reading). Other collectives have no
//! trigger but the score (their own discipline: `qd366.7.own_discipline`, `discipline.rs`).

use crate::contract::decision::MitigationKind;
use crate::contract::level::Options;
use crate::model::{Tasks, ValidAssessment};
use crate::regimes::qd366::discipline::DisciplineTally;
use crate::regimes::qd366::triggers::{
    fire, fire_discipline, plan_missed, plan_values, targets_missed, Fired,
};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};

/// The leadership collective's triggers that fired, in the text's order.
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
    // The collective's own discipline: the trigger list does not name it, the mitigation
    // sentence does ("tập thể lãnh đạo, quản lý hoặc có thành viên … bị xử lý kỷ luật").
    fire_discipline(
        Rule::CollectiveOwnDiscipline,
        tally.own_duty_related,
        tally.own_not_duty_related,
        reasons,
        fired,
    );
}
