//! What the library publishes about itself: its rules, regimes and levels, as records.

pub use crate::conduct::shipped::{
    catalogue as conduct_catalogue, catalogue_json as conduct_catalogue_json,
    version as conduct_catalogue_version,
};
use crate::contract::catalogues::{CatalogueDocument, LevelEntry, RegimeEntry, RuleEntry};
use crate::contract::level::Level;
pub use crate::regimes::qd366::criteria::catalogue::catalogue as criteria_catalogue;
pub use crate::regimes::registry::{RegimeInfo, REGIMES};
use crate::regimes::render::citation_record;
pub use crate::rules::catalogue::Rule;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// The library's version (every front end's engine version).
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

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

/// The catalogue document: the engine's version, every rule, every regime and the conduct
/// catalogue (a conduct catalogue that cannot be read is `null`, as its entry points
/// report it).
pub fn catalogue_document() -> CatalogueDocument {
    CatalogueDocument {
        engine_version: ENGINE_VERSION,
        rules: rule_entries(),
        regimes: regime_entries(),
        conduct_catalogue: serde_json::from_str(conduct_catalogue_json())
            .unwrap_or(serde_json::Value::Null),
    }
}

/// The catalogue document as compact JSON: the bytes [`catalogue_sha256`] digests.
pub fn catalogue_document_json() -> String {
    // Serializing the catalogue's own types cannot fail; an empty text would be caught by
    // the hash's test.
    serde_json::to_string(&catalogue_document()).unwrap_or_default()
}

/// SHA-256 (lower-case hex) of [`catalogue_document_json`]: names the rules a decision
/// was made under, so that a system can store it with each rating.
pub fn catalogue_sha256() -> String {
    let digest = Sha256::digest(catalogue_document_json().as_bytes());
    let mut hex = String::with_capacity(2 * digest.len());
    for byte in digest {
        // Writing to a String cannot fail.
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;

    #[test]
    fn the_catalogue_document_holds_every_rule_and_regime_and_the_conduct_catalogue() {
        let document: serde_json::Value = serde_json::from_str(&catalogue_document_json()).unwrap();
        assert_eq!(document["engine_version"], ENGINE_VERSION);
        assert_eq!(document["rules"].as_array().unwrap().len(), Rule::ALL.len());
        assert_eq!(document["regimes"].as_array().unwrap().len(), REGIMES.len());
        assert_eq!(
            document["conduct_catalogue"]["version"],
            conduct_catalogue_version().unwrap()
        );
    }

    #[test]
    fn the_catalogue_hash_is_the_sha256_of_the_document() {
        let hash = catalogue_sha256();
        assert_eq!(hash.len(), 64);
        assert!(hash
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        let expected: String = Sha256::digest(catalogue_document_json().as_bytes())
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        assert_eq!(hash, expected);
        // One rule more or less is another document, and so another hash.
        let mut fewer = catalogue_document();
        fewer.rules.pop();
        let other: String = Sha256::digest(serde_json::to_string(&fewer).unwrap().as_bytes())
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        assert_ne!(hash, other);
    }
}
