//! Who is not classified under QĐ 124 (Art. 5.2) and QĐ 132: HD 21 §II.6 from
//! 18/10/2019; before, in the 2018 round under HD 16, QĐ 132 Art. 5.2 alone (only the
//! exempted; ruling of 7/12/2026).

use crate::contract::decision::Effect;
use crate::contract::subject::{PartyStatus, SubjectKind};
use crate::model::ValidAssessment;
use crate::regimes::graded::family::Family;
use crate::regimes::shared::eligibility::{excluded_by, six_months, under_six_months};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};

/// Not classified: returns whether the subject is excluded.
#[inline]
pub fn exclusion(a: &ValidAssessment, family: Family, reasons: &mut Vec<Reason>) -> bool {
    if family.qd132()
        && a.subject.kind != SubjectKind::Collective
        && !a.regime.info().excludes_suspended_and_new(a.period.to)
    {
        return exempted_only(a, reasons);
    }
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
                reasons.push(excluded_by(rule));
                return true;
            }
            PartyStatus::Active => (a.subject.admitted_on, new),
        }
    };
    start.is_some_and(|start| under_six_months(rule, start, a, reasons))
}

/// QĐ 132's 2018 round, under HD 16: only a member exempted from work and party
/// activities is not classified (QĐ 132 Art. 5.2). A suspended member, or one admitted
/// under six months, is classified, and a reason says so (HD 21 excluded them later).
fn exempted_only(a: &ValidAssessment, reasons: &mut Vec<Reason>) -> bool {
    let rule = Rule::Qd132Art5Exempt;
    match a.subject.party_status {
        PartyStatus::Exempted => {
            reasons.push(excluded_by(rule));
            return true;
        }
        PartyStatus::Suspended => reasons.push(Reason::new(
            rule,
            false,
            Effect::Info,
            None,
            Values::of(&[(Fact::Suspended, Value::Flag(true))]),
        )),
        PartyStatus::Active => {}
    }
    if let Some(start) = a.subject.admitted_on {
        let (new, values) = six_months(start, a);
        if new {
            reasons.push(Reason::new(rule, false, Effect::Info, None, values));
        }
    }
    false
}
