//! QĐ 366 Art. 5.2: who is not classified (exempted, suspended, admitted under six
//! months).

use crate::contract::subject::{PartyStatus, SubjectKind};
use crate::model::ValidAssessment;
use crate::regimes::shared::eligibility::{excluded_by, under_six_months};
use crate::rules::catalogue::Rule;
use crate::rules::reason::Reason;

/// Not classified (Art. 5.2): returns the excluding reason.
#[inline]
pub fn exclusion(a: &ValidAssessment, reasons: &mut Vec<Reason>) -> bool {
    if a.subject.kind == SubjectKind::Collective {
        return false;
    }
    match a.subject.party_status {
        PartyStatus::Exempted => {
            reasons.push(excluded_by(Rule::Exempt));
            return true;
        }
        PartyStatus::Suspended => {
            reasons.push(excluded_by(Rule::Suspended));
            return true;
        }
        PartyStatus::Active => {}
    }
    a.subject
        .admitted_on
        .is_some_and(|admitted| under_six_months(Rule::NewMember, admitted, a, reasons))
}
