//! What every regime shares about discipline records: whether one falls in the period,
//! and the reason that says one does not count.

use crate::contract::decision::Effect;
use crate::model::{Discipline, ValidAssessment};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, NotCountedWhy, Reason, Value, Values};

/// Why a discipline record does not count in this period, by its dates and by whether
/// it was counted before (one violation is counted once), in every regime.
#[inline]
pub fn outside_period(a: &ValidAssessment, record: &Discipline) -> Option<NotCountedWhy> {
    if record.decided_on < a.period.from {
        Some(NotCountedWhy::BeforePeriod)
    } else if record.decided_on > a.period.to || record.decided_on > a.as_of {
        Some(NotCountedWhy::AfterPeriod)
    } else if record.counted_before {
        Some(NotCountedWhy::CountedBefore)
    } else {
        None
    }
}

/// The reason that says a discipline record does not count, and why.
pub fn not_counted_reason(rule: Rule, record: &Discipline, why: NotCountedWhy) -> Reason {
    discipline_reason(rule, record, true, why)
}

/// A discipline record's reason under `rule`: `holds` when it does not count (`why`).
fn discipline_reason(rule: Rule, record: &Discipline, holds: bool, why: NotCountedWhy) -> Reason {
    Reason::new(
        rule,
        holds,
        Effect::Info,
        None,
        Values::of(&[
            (Fact::Form, Value::Form(record.form)),
            (Fact::DecidedOn, Value::Date(record.decided_on)),
            (Fact::Why, Value::Why(why)),
        ]),
    )
}

/// Calls `count` with every discipline record of the assessment that counts; for every
/// other one, the regime's `rule` explains why not (`not_counted`). A record that counts
/// although the violation was at the previous unit is said too (the same rule, not
/// holding): QĐ 366 sets it aside for a collective only (Art. 11 notes 2–3), and the
/// earlier regimes have no such exception (rulings of 7/12/2026), so the reader sees why
/// it was not set aside.
pub fn for_each_counted(
    a: &ValidAssessment,
    rule: Rule,
    reasons: &mut Vec<Reason>,
    not_counted: impl Fn(&Discipline) -> Option<NotCountedWhy>,
    mut count: impl FnMut(&Discipline),
) {
    for record in &a.discipline {
        let why = not_counted(record);
        if why.is_none() {
            count(record);
        }
        if why.is_some() || record.at_previous_unit {
            reasons.push(discipline_reason(
                rule,
                record,
                why.is_some(),
                why.unwrap_or(NotCountedWhy::PreviousUnit),
            ));
        }
    }
}
