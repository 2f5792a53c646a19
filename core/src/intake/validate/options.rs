//! How strictly a record is validated: as written, or for a comparison.

use crate::contract::compare::GradeMapping;
use crate::contract::level::Options;
use crate::contract::regime::RegimeId;
use crate::contract::state_options::LeaderComponents;

/// How strictly the regime is checked against the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ValidateOptions {
    /// Allow a named regime whose span does not cover the period (a comparison:
    /// "what would this record get under qd124?").
    pub allow_regime_outside_span: bool,
    /// Skip, without error, fields that belong to another regime (a comparison
    /// evaluates one record, written with both points and grades, under each regime).
    pub ignore_other_regime_fields: bool,
    /// Evaluate under this regime, whatever the record names (a comparison); with
    /// `allow_regime_outside_span`, even outside its span.
    pub regime_override: Option<RegimeId>,
    /// Under QĐ 124 or QĐ 132, grades for a record that has QĐ 366 points and no grades,
    /// by this documented mapping (a comparison only; `docs/regimes.md`).
    pub grades_from_points: Option<GradeMapping>,
    /// State records: which values of `d`, `đ`, `e` given directly are accepted (an
    /// evaluation option, checked here).
    pub leader_components: LeaderComponents,
    /// State records in an organisation tree: a leader's staff under 50 is derived, so a
    /// period need not give it.
    pub staff_derived: bool,
}

impl ValidateOptions {
    /// Validation as an evaluation with `options` needs it.
    pub fn for_evaluation(options: &Options) -> ValidateOptions {
        ValidateOptions {
            leader_components: options.leader_components,
            ..ValidateOptions::default()
        }
    }
}
