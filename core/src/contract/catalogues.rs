//! What the library publishes about itself (its rules, regimes and levels), as records.

use crate::contract::decision::{Basis, CitationRecord};
use crate::contract::level::Level;
use crate::contract::regime::RegimeId;
use crate::contract::text::Text;
use schemars::JsonSchema;
use serde::Serialize;

/// A rule of the catalogue: its id, citation and basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RuleEntry {
    /// The spec's rule id (`qd366.11.1.N`).
    pub id: &'static str,
    /// Where it is written.
    pub citation: CitationRecord,
    /// Stated in the text, or the library's reading.
    pub basis: Basis,
}

/// A regime of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RegimeEntry {
    /// Its id.
    pub id: RegimeId,
    /// The regulation (`366-QĐ/TW`).
    pub document: &'static str,
    /// The guideline(s).
    pub guideline: &'static str,
    /// First day in force (`YYYY-MM-DD`).
    pub in_force_from: String,
    /// Last day in force, if replaced.
    pub in_force_until: Option<String>,
    /// Whether this version evaluates it.
    pub implemented: bool,
    /// Its name with its span, in Vietnamese and English.
    pub title: Text,
}

/// A level, with its names and its score floor under QĐ 366.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LevelEntry {
    /// Its id (`excellent`).
    pub id: Level,
    /// Its Vietnamese name.
    pub vi: &'static str,
    /// Its English name.
    pub en: &'static str,
    /// Its abbreviation in reports (`HTXSNV`).
    pub code: &'static str,
    /// The floor of its score band (90, 70, 50, 0).
    pub floor: i64,
}

/// What a decision depends on besides its record: the engine's version, every rule
/// (ids, citations, basis), the regimes and the conduct catalogue. Its SHA-256
/// (`catalogue_sha256`) names the rules a rating was made under, for a system that
/// stores it with each rating.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogueDocument {
    /// The engine's version.
    pub engine_version: &'static str,
    /// Every rule, in catalogue order.
    pub rules: Vec<RuleEntry>,
    /// Every regime, oldest first.
    pub regimes: Vec<RegimeEntry>,
    /// The conduct catalogue, as shipped.
    pub conduct_catalogue: serde_json::Value,
}
