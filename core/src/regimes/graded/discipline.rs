//! Which discipline records count in the year, under QĐ 124 and QĐ 132.

use crate::contract::assessment::DisciplineForm;
use crate::contract::decision::Effect;
use crate::contract::subject::SubjectKind;
use crate::intake::model::ValidAssessment;
use crate::regimes::graded::family::Family;
use crate::regimes::shared::discipline::outside_period;
use crate::rules::reason::{Fact, NotCountedWhy, Reason, Value, Values};

/// Discipline records sorted into what counts in this period.
#[derive(Default)]
pub struct DisciplineTally {
    /// The subject's own records (an individual's, or the collective's itself).
    pub own: u64,
    /// Records about members of the collective.
    pub members: u64,
    /// Of them, at warning or heavier (QĐ 132, leadership collective).
    pub members_warning_or_heavier: u64,
}

pub fn tally_discipline(
    a: &ValidAssessment,
    family: Family,
    reasons: &mut Vec<Reason>,
) -> DisciplineTally {
    let mut tally = DisciplineTally::default();
    for record in &a.discipline {
        // A collective's member at the previous unit: as under QĐ 366 (rules-qd366 §7),
        // it counts against that unit.
        let previous_unit = a.subject.kind == SubjectKind::Collective && record.at_previous_unit;
        let why =
            outside_period(a, record).or(previous_unit.then_some(NotCountedWhy::PreviousUnit));
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
