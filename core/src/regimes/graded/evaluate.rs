//! Evaluation under the regimes that grade criteria instead of scoring them: QĐ 124-QĐ/TW
//! (2023) with HD 25, and QĐ 132-QĐ/TW (2018) with HD 21 (`spec/regimes-history.md`,
//! `docs/regimes.md`).
//!
//! Order of evaluation, which is also the order of the reasons: who is not classified;
//! discipline records that do not count; the Not-completed triggers (one reason each);
//! otherwise the level conditions from Excellent down; then, under QĐ 132, the caps
//! (sick leave, leadership collective, head).

use crate::contract::decision::{Basis, Effect};
use crate::contract::level::{Level, Options, Outcome};
use crate::model::ValidAssessment;
use crate::regimes::decision::Decision;
use crate::regimes::graded::caps::caps;
use crate::regimes::graded::discipline::tally_discipline;
use crate::regimes::graded::family::Family;
use crate::regimes::graded::levels::levels;
use crate::regimes::graded::not_classified::exclusion;
use crate::regimes::graded::triggers::triggers;

/// Evaluates a validated assessment under QĐ 124 or QĐ 132.
#[inline]
pub fn evaluate(a: &ValidAssessment, options: &Options) -> Decision {
    let family = Family::of(a);
    let mut reasons = Vec::with_capacity(4);
    let mut decision = Decision::unclassified(a, options);
    let excluded = exclusion(a, family, &mut reasons);
    let (false, Some(grades), Some(tasks)) = (excluded, a.grades.as_ref(), a.tasks) else {
        decision.reasons = reasons;
        return decision;
    };
    let tally = tally_discipline(a, family, &mut reasons);
    let level = if triggers(a, family, grades, &tasks, &tally, &mut reasons) {
        Level::NotCompleted
    } else {
        levels(a, family, grades, &tasks, &tally, &mut reasons)
    };
    let level = caps(a, family, level, &mut reasons);
    if family.rates_leader_by_member_rules(a) {
        // HD 21 §II.B.4 points to QĐ 89's criteria, not found: a leader is rated by the
        // member rules, which is a reading (basis inferred, ruling of 7/12/2026). The
        // head cap is HD 21's own rule and keeps its basis.
        for reason in &mut reasons {
            if Family::is_member_rule(reason.rule) {
                reason.basis_override = Some(Basis::Inferred);
            }
        }
    }
    decision.outcome = Outcome::Classified;
    decision.level = Some(level);
    decision.needs_decision = reasons.iter().any(|r| r.effect == Effect::NeedsDecision);
    decision.reasons = reasons;
    decision
}
