//! What every regime shares about who is classified: the six-month rule.

use crate::contract::decision::Effect;
use crate::dates::add_months;
use crate::model::ValidAssessment;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};
use chrono::NaiveDate;

/// The reason that puts a subject outside classification (exempted, suspended).
#[inline]
pub fn excluded_by(rule: Rule) -> Reason {
    Reason::new(rule, true, Effect::Excludes, None, Values::default())
}

/// Whether `start` is under six calendar months before the evaluation day, and the
/// values that say so (the start, the evaluation day, the day six months are reached).
pub fn six_months(start: NaiveDate, a: &ValidAssessment) -> (bool, Values) {
    let eligible = add_months(start, 6);
    let new = eligible.is_none_or(|day| day > a.as_of);
    let mut values = Values::of(&[
        (Fact::AdmittedOn, Value::Date(start)),
        (Fact::AsOf, Value::Date(a.as_of)),
    ]);
    if let Some(day) = eligible {
        values.push(Fact::EligibleOn, Value::Date(day));
    }
    (new, values)
}

/// The six-month rule of every regime (admitted, or for HD 21 established, under six
/// calendar months before the evaluation day → not classified): whether `start` is that
/// recent. The reason is shown when the six months end after the period began, so the
/// reader sees why a recent member is, or is not yet, classified.
pub fn under_six_months(
    rule: Rule,
    start: NaiveDate,
    a: &ValidAssessment,
    reasons: &mut Vec<Reason>,
) -> bool {
    let (new, values) = six_months(start, a);
    if new
        || values
            .date(Fact::EligibleOn)
            .is_some_and(|day| day > a.period.from)
    {
        let effect = if new { Effect::Excludes } else { Effect::Info };
        reasons.push(Reason::new(rule, new, effect, None, values));
    }
    new
}
