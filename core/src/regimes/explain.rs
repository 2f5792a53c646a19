//! Messages in Vietnamese and English, built from each reason's values: which wording
//! each rule of the catalogue takes. The wording itself lives with its regime
//! (`qd366::messages`, `graded::messages`) or, when every regime words a rule alike, in
//! `shared::messages`. The match is exhaustive: a new rule does not compile until it has
//! its wording here.

use crate::contract::text::Text;
use crate::regimes::decision::{Alternative, Decision};
use crate::regimes::graded::messages as graded;
use crate::regimes::qd366::messages as qd366;
use crate::regimes::shared::messages as shared;
use crate::regimes::state::messages as state;
use crate::rules::catalogue::Rule;
use crate::rules::reason::Reason;

/// The message of one reason, from its values.
pub fn message(reason: &Reason, decision: &Decision) -> Text {
    let v = &reason.values;
    match reason.rule {
        // Every regime.
        Rule::Exempt | Rule::Qd124Exempt | Rule::Qd132Exempt => shared::exempt(),
        Rule::Qd132Art5Exempt if reason.holds => shared::exempt(),
        Rule::Qd132Art5Exempt => graded::hd16_classified(reason),
        Rule::Suspended | Rule::Qd124Suspended | Rule::Qd132Suspended => shared::suspended(),
        Rule::NewMember | Rule::Qd124NewMember | Rule::Qd132NewMember => shared::new_member(reason),
        Rule::DisciplineNotCounted
        | Rule::Qd124DisciplineNotCounted
        | Rule::Qd132DisciplineNotCounted => shared::discipline_not_counted(reason),
        Rule::ExcellentQuota | Rule::Qd124Quota | Rule::Qd132Quota => {
            shared::quota(reason, decision)
        }
        Rule::DerivedFact | Rule::Qd124DerivedFact | Rule::Qd132DerivedFact => {
            shared::derived_text(v)
        }
        // QĐ 366.
        Rule::SickLeave => qd366::sick_leave(v),
        Rule::TemporaryActivity => qd366::temporary_activity(v),
        Rule::Score => qd366::score(v),
        Rule::NotCompletedScore => qd366::not_completed_score(v),
        Rule::MemberConduct | Rule::LeaderDiscipline if !reason.holds => qd366::not_duty_related(v),
        Rule::MemberConduct => qd366::member_conduct(v),
        Rule::MemberTasks => qd366::member_tasks(v),
        Rule::LeaderPlan | Rule::CollectivePlan => qd366::plan(reason),
        Rule::LeaderConfidence => qd366::leader_confidence(v),
        Rule::LeaderDiscipline => qd366::leader_discipline(v),
        Rule::LeaderDegradation if !reason.holds => qd366::leader_breach_without_conclusion(),
        Rule::LeaderDegradation => qd366::leader_degradation(),
        Rule::LeaderScopeCorruption => qd366::leader_scope_corruption(),
        Rule::CollectiveCadreWork => qd366::collective_cadre_work(),
        Rule::CollectiveMemberDiscipline => qd366::collective_member_discipline(v),
        Rule::CollectiveMemberDegradation => qd366::collective_member_degradation(),
        Rule::CollectiveOwnDiscipline => qd366::collective_own_discipline(reason),
        Rule::OwnDisciplineNeedsDecision => qd366::own_discipline_for_superior(v),
        Rule::MemberMitigation | Rule::LeaderMitigation | Rule::CollectiveMitigation => {
            qd366::mitigation_text(reason)
        }
        Rule::ExcellentMember
        | Rule::ExcellentLeader
        | Rule::ExcellentCollective
        | Rule::GoodMember
        | Rule::GoodLeader
        | Rule::GoodCollective
        | Rule::CompletedMember
        | Rule::CompletedLeader
        | Rule::CompletedCollective => qd366::task_condition(reason.rule, reason.holds, v),
        Rule::ExcellentShortcomingsFixed => qd366::shortcomings_fixed(reason),
        Rule::ConductBreach | Rule::ConductNeedsConclusion | Rule::ConductSoftFinding => {
            qd366::conduct_text(reason.rule, v)
        }
        Rule::CascadeGap => qd366::cascade_gap(),
        Rule::StrictUndetermined => qd366::strict_undetermined(v),
        Rule::OpenComplaints => qd366::open_complaints(),
        // QĐ 124 and QĐ 132: worded from the trigger or the part of a level the values name.
        Rule::Qd124NotCompleted
        | Rule::Qd124Excellent
        | Rule::Qd124Good
        | Rule::Qd124Completed
        | Rule::Qd132NewCollective
        | Rule::Qd132Sick
        | Rule::Qd132MemberNotCompleted
        | Rule::Qd132MemberExcellent
        | Rule::Qd132MemberGood
        | Rule::Qd132MemberCompleted
        | Rule::Qd132OrgExcellent
        | Rule::Qd132OrgGood
        | Rule::Qd132OrgCompleted
        | Rule::Qd132OrgNotCompleted
        | Rule::Qd132LcNotCompleted
        | Rule::Qd132LcExcellent
        | Rule::Qd132LcGood
        | Rule::Qd132LcCompleted
        | Rule::Qd132LcCap
        | Rule::Qd132HeadCap => graded::message(reason),
        // The state regimes and the link between the two ratings.
        Rule::LinkStateRating
        | Rule::LinkMismatch
        | Rule::StateNone
        | Rule::StateQuantity
        | Rule::StateQuality
        | Rule::StateProgress
        | Rule::StateUnitResults
        | Rule::StateOrganising
        | Rule::StateRallying
        | Rule::StatePeriodScore
        | Rule::StateYear
        | Rule::StateNoWork
        | Rule::StateTimeWorked
        | Rule::StateShort
        | Rule::StateLeave
        | Rule::StateOldUnit
        | Rule::StateDisciplineNotCounted
        | Rule::StateUnder50
        | Rule::StateConduct
        | Rule::StateDisciplined
        | Rule::StateScopeCorruption
        | Rule::StateExcellent
        | Rule::StateGood
        | Rule::StateCompleted
        | Rule::StateQuota
        | Rule::StateRecognised
        | Rule::StateHeadCap
        | Rule::StateDerived
        | Rule::StateUnitLevel
        | Rule::Nd90Short
        | Rule::Nd90LeaveCap
        | Rule::Nd90Maternity
        | Rule::Nd90Disciplined
        | Rule::Nd90Quota
        | Rule::Nd90DisciplineNotCounted
        | Rule::Nd90Excellent
        | Rule::Nd90Good
        | Rule::Nd90Completed
        | Rule::Nd90NotCompleted
        | Rule::Nd90Gap => state::message(reason, decision),
    }
}

/// The message of an alternative (only QĐ 366 has mitigations that open one).
pub fn alternative_message(alternative: &Alternative) -> Text {
    qd366::alternative(alternative)
}
