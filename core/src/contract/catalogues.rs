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
