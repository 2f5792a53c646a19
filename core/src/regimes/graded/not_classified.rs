//! Who is not classified under QĐ 124 (Art. 5.2) and QĐ 132 (HD 21 §II.6).

use crate::contract::decision::Effect;
use crate::contract::subject::{PartyStatus, SubjectKind};
use crate::model::ValidAssessment;
use crate::regimes::graded::family::Family;
use crate::regimes::shared::eligibility::under_six_months;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Reason, Values};

/// Not classified: returns whether the subject is excluded.
#[inline]
pub fn exclusion(a: &ValidAssessment, family: Family, reasons: &mut Vec<Reason>) -> bool {
    let (exempt, suspended, new) = if family.qd132() {
        (
            Rule::Qd132Exempt,
            Rule::Qd132Suspended,
            Rule::Qd132NewMember,
        )
    } else {
        (
            Rule::Qd124Exempt,
            Rule::Qd124Suspended,
            Rule::Qd124NewMember,
        )
    };
    let (start, rule) = if a.subject.kind == SubjectKind::Collective {
        // Only HD 21 leaves a new organisation or collective unclassified.
        if !family.qd132() {
            return false;
        }
        (a.subject.established_on, Rule::Qd132NewCollective)
    } else {
        match a.subject.party_status {
            PartyStatus::Exempted | PartyStatus::Suspended => {
                let rule = if a.subject.party_status == PartyStatus::Exempted {
                    exempt
                } else {
                    suspended
                };
                reasons.push(Reason::new(
                    rule,
                    true,
                    Effect::Excludes,
                    None,
                    Values::default(),
                ));
                return true;
            }
            PartyStatus::Active => (a.subject.admitted_on, new),
        }
    };
    start.is_some_and(|start| under_six_months(rule, start, a, reasons))
}
