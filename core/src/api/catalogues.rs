//! What the library publishes about itself: its rules, regimes and levels, as records.

pub use crate::conduct::shipped::{
    catalogue as conduct_catalogue, catalogue_json as conduct_catalogue_json,
};
use crate::contract::catalogues::{LevelEntry, RegimeEntry, RuleEntry};
use crate::contract::level::Level;
pub use crate::regimes::qd366::criteria::catalogue::catalogue as criteria_catalogue;
pub use crate::regimes::registry::{RegimeInfo, REGIMES};
use crate::regimes::render::citation_record;
pub use crate::rules::catalogue::Rule;

/// Every rule, in catalogue order: id, citation, basis.
pub fn rule_entries() -> Vec<RuleEntry> {
    Rule::ALL
        .iter()
        .map(|&rule| RuleEntry {
            id: rule.id(),
            citation: citation_record(rule),
            basis: rule.basis(),
        })
        .collect()
}

/// Every regime, oldest first.
pub fn regime_entries() -> Vec<RegimeEntry> {
    REGIMES
        .iter()
        .map(|regime| RegimeEntry {
            id: regime.id,
            document: regime.document,
            guideline: regime.guideline,
            in_force_from: regime.in_force_from.to_string(),
            in_force_until: regime.in_force_until.map(|day| day.to_string()),
            implemented: regime.implemented,
            title: regime.title(),
        })
        .collect()
}

/// The four levels, lowest first, with their names, codes and score floors.
pub fn level_entries() -> Vec<LevelEntry> {
    Level::DESCENDING
        .iter()
        .rev()
        .map(|&level| LevelEntry {
            id: level,
            vi: level.vi(),
            en: level.en(),
            code: level.code(),
            floor: level.floor().hundredths() / 100,
        })
        .collect()
}
