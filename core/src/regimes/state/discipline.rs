//! Which discipline records count in a state rating (`docs/state-regimes.md`,
//! discipline): decided (taking effect) in the rating year, on or before the evaluation
//! day, not counted before (one act counted once across years and across party and state
//! discipline); under ND 90 before ND 48 applied, administrative discipline only.

use crate::contract::state::DisciplineKind;
use crate::model::{Discipline, ValidAssessment};
use crate::regimes::shared::discipline::{not_counted_reason, outside_period};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{NotCountedWhy, Reason};

/// The counted records, in input order; for every other one, `rule` explains why not.
/// `party_counts` is false under ND 90 before ND 48 applied.
pub fn counted<'a>(
    a: &'a ValidAssessment,
    rule: Rule,
    party_counts: bool,
    reasons: &mut Vec<Reason>,
) -> Vec<&'a Discipline> {
    let mut out = Vec::new();
    for record in &a.discipline {
        let why = outside_period(a, record).or_else(|| {
            (!party_counts && record.kind == DisciplineKind::Party)
                .then_some(NotCountedWhy::BeforeNd48)
        });
        match why {
            Some(why) => reasons.push(not_counted_reason(rule, record, why)),
            None => out.push(record),
        }
    }
    out
}
