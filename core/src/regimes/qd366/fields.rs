//! The fields of the assessment QĐ 366 reads that some other regime does not.

use crate::contract::fields::RegimeField;

/// Whether QĐ 366 reads `field`.
pub fn reads(field: RegimeField) -> bool {
    matches!(
        field,
        RegimeField::Score
            | RegimeField::Shortcomings
            | RegimeField::Conduct
            | RegimeField::Procedure
            | RegimeField::TemporaryActivity
            | RegimeField::CadreWorkViolation
            | RegimeField::ProhibitionBreach
            | RegimeField::ExemplaryBreach
            | RegimeField::ConfidenceVote
            | RegimeField::UnitsInCharge
            | RegimeField::LeaderBasicTargets
            | RegimeField::ScopeCorruption
            | RegimeField::CollectiveBasicTargets
    )
}
