//! The fields of the assessment that only some regimes read: under another regime such
//! a field is an error (`regime_field_mismatch`), or skipped in a comparison. Which
//! regime reads which is each regime's to say (`regimes::fields`).

/// A field of the assessment read by some regimes only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegimeField {
    /// `/score`: points.
    Score,
    /// `/grades`: criterion grades.
    Grades,
    /// `/civil_service_level`.
    CivilServiceLevel,
    /// `/shortcomings`.
    Shortcomings,
    /// `/conduct`: the conduct checklist.
    Conduct,
    /// `/procedure`.
    Procedure,
    /// `/subject/temporary_activity`.
    TemporaryActivity,
    /// `/conclusions/cadre_work_violation`.
    CadreWorkViolation,
    /// `/conclusions/prohibition_breach`.
    ProhibitionBreach,
    /// `/conclusions/exemplary_breach`.
    ExemplaryBreach,
    /// `/conclusions/disunity`.
    Disunity,
    /// `/leader/confidence_vote`.
    ConfidenceVote,
    /// `/leader/units_in_charge`.
    UnitsInCharge,
    /// `/leader/basic_targets`.
    LeaderBasicTargets,
    /// `/leader/scope_corruption_disciplined`.
    ScopeCorruption,
    /// `/leader/main_targets_missed`.
    LeaderMainTargetsMissed,
    /// `/leader/headed_level`.
    HeadedLevel,
    /// `/collective/basic_targets`.
    CollectiveBasicTargets,
    /// `/collective/subordinate_units`.
    SubordinateUnits,
    /// `/collective/main_targets_missed`.
    CollectiveMainTargetsMissed,
    /// `/collective/member_levels`.
    MemberLevels,
    /// `/collective/subordinate_levels`.
    SubordinateLevels,
    /// `/collective/same_level_bodies_good`.
    SameLevelBodiesGood,
    /// `/collective/organisation_level`.
    OrganisationLevel,
}

impl RegimeField {
    /// The field's JSON Pointer.
    pub fn path(self) -> &'static str {
        match self {
            RegimeField::Score => "/score",
            RegimeField::Grades => "/grades",
            RegimeField::CivilServiceLevel => "/civil_service_level",
            RegimeField::Shortcomings => "/shortcomings",
            RegimeField::Conduct => "/conduct",
            RegimeField::Procedure => "/procedure",
            RegimeField::TemporaryActivity => "/subject/temporary_activity",
            RegimeField::CadreWorkViolation => "/conclusions/cadre_work_violation",
            RegimeField::ProhibitionBreach => "/conclusions/prohibition_breach",
            RegimeField::ExemplaryBreach => "/conclusions/exemplary_breach",
            RegimeField::Disunity => "/conclusions/disunity",
            RegimeField::ConfidenceVote => "/leader/confidence_vote",
            RegimeField::UnitsInCharge => "/leader/units_in_charge",
            RegimeField::LeaderBasicTargets => "/leader/basic_targets",
            RegimeField::ScopeCorruption => "/leader/scope_corruption_disciplined",
            RegimeField::LeaderMainTargetsMissed => "/leader/main_targets_missed",
            RegimeField::HeadedLevel => "/leader/headed_level",
            RegimeField::CollectiveBasicTargets => "/collective/basic_targets",
            RegimeField::SubordinateUnits => "/collective/subordinate_units",
            RegimeField::CollectiveMainTargetsMissed => "/collective/main_targets_missed",
            RegimeField::MemberLevels => "/collective/member_levels",
            RegimeField::SubordinateLevels => "/collective/subordinate_levels",
            RegimeField::SameLevelBodiesGood => "/collective/same_level_bodies_good",
            RegimeField::OrganisationLevel => "/collective/organisation_level",
        }
    }
}
