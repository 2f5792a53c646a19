//! The fields of the assessment that only some regimes read: under the record's regime,
//! kept; under another, an error, or skipped in a comparison (`ValidateOptions`).

use crate::contract::assessment::{
    Assessment, CollectiveInput, Conclusions, LeaderInput, Procedure, TemporaryActivity,
};
use crate::contract::conduct::ConductScope;
use crate::contract::fields::RegimeField;
use crate::intake::validate::problems::Problems;
use crate::intake::validate::regime::RegimeFields;
use crate::model::{ConductFinding, Shortcomings};

/// What is kept of the regime-specific fields.
pub struct Owned {
    /// Conclusions.
    pub conclusions: Conclusions,
    /// Leader facts (defaults when absent).
    pub leader: LeaderInput,
    /// Collective facts (defaults when absent).
    pub collective: CollectiveInput,
    /// Shortcomings.
    pub shortcomings: Option<Shortcomings>,
    /// The state of the procedure.
    pub procedure: Procedure,
    /// Temporary party activity.
    pub temporary_activity: Option<TemporaryActivity>,
    /// Who the person is for the conduct checklist.
    pub conduct_scope: Option<ConductScope>,
    /// The checklist's answers.
    pub conduct: Vec<ConductFinding>,
}

/// Keeps each regime-specific field the record's regime reads.
pub fn keep_owned(
    p: &mut Problems,
    input: &Assessment,
    fields: RegimeFields,
    shortcomings: Option<Shortcomings>,
    (conduct_scope, conduct): (Option<ConductScope>, Vec<ConductFinding>),
) -> Owned {
    let s = &input.subject;
    let mut conclusions = input.conclusions;
    let mut leader = input.leader.unwrap_or_default();
    let mut collective = input.collective.unwrap_or_default();
    let mut shortcomings = shortcomings;
    let mut procedure = input.procedure;
    let mut temporary_activity = s.temporary_activity.clone();
    let (mut conduct_scope, mut conduct) = (conduct_scope, conduct);
    if !fields.allows(p, RegimeField::Shortcomings, shortcomings.is_some()) {
        shortcomings = None;
    }
    if !fields.allows(p, RegimeField::Conduct, input.conduct.is_some()) {
        (conduct_scope, conduct) = (None, Vec::new());
    }
    if !fields.allows(p, RegimeField::Procedure, !procedure.is_empty()) {
        procedure = Default::default();
    }
    if !fields.allows(
        p,
        RegimeField::TemporaryActivity,
        temporary_activity.is_some(),
    ) {
        temporary_activity = None;
    }
    macro_rules! owned_by {
        ($field:ident, $place:expr, $present:expr, $clear:expr) => {
            if !fields.allows(p, RegimeField::$field, $present) {
                $place = $clear;
            }
        };
    }
    owned_by!(
        CadreWorkViolation,
        conclusions.cadre_work_violation,
        conclusions.cadre_work_violation,
        false
    );
    owned_by!(
        ProhibitionBreach,
        conclusions.prohibition_breach,
        conclusions.prohibition_breach,
        false
    );
    owned_by!(
        ExemplaryBreach,
        conclusions.exemplary_breach,
        conclusions.exemplary_breach,
        false
    );
    owned_by!(Disunity, conclusions.disunity, conclusions.disunity, false);
    owned_by!(
        ConfidenceVote,
        leader.confidence_vote,
        leader.confidence_vote.is_some(),
        None
    );
    owned_by!(
        UnitsInCharge,
        leader.units_in_charge,
        leader.units_in_charge.is_some(),
        None
    );
    owned_by!(
        LeaderBasicTargets,
        leader.basic_targets,
        leader.basic_targets.is_some(),
        None
    );
    owned_by!(
        ScopeCorruption,
        leader.scope_corruption_disciplined,
        leader.scope_corruption_disciplined,
        false
    );
    owned_by!(
        LeaderMainTargetsMissed,
        leader.main_targets_missed,
        leader.main_targets_missed.is_some(),
        None
    );
    owned_by!(
        HeadedLevel,
        leader.headed_level,
        leader.headed_level.is_some(),
        None
    );
    owned_by!(
        CollectiveBasicTargets,
        collective.basic_targets,
        collective.basic_targets.is_some(),
        None
    );
    owned_by!(
        SubordinateUnits,
        collective.subordinate_units,
        collective.subordinate_units.is_some(),
        None
    );
    owned_by!(
        CollectiveMainTargetsMissed,
        collective.main_targets_missed,
        collective.main_targets_missed.is_some(),
        None
    );
    owned_by!(
        MemberLevels,
        collective.member_levels,
        collective.member_levels.is_some(),
        None
    );
    owned_by!(
        SubordinateLevels,
        collective.subordinate_levels,
        collective.subordinate_levels.is_some(),
        None
    );
    owned_by!(
        SameLevelBodiesGood,
        collective.same_level_bodies_good,
        collective.same_level_bodies_good.is_some(),
        None
    );
    owned_by!(
        OrganisationLevel,
        collective.organisation_level,
        collective.organisation_level.is_some(),
        None
    );
    Owned {
        conclusions,
        leader,
        collective,
        shortcomings,
        procedure,
        temporary_activity,
        conduct_scope,
        conduct,
    }
}
