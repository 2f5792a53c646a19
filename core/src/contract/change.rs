//! "What would change the result" as it travels in JSON.

use crate::contract::decision::DecisionRecord;
use crate::contract::level::Level;
use crate::contract::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One change of one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The rule that needs it.
    pub rule: String,
    /// The input to change (JSON Pointer into the assessment).
    pub path: String,
    /// Its value now.
    pub from: serde_json::Value,
    /// The value that reaches the level.
    pub to: serde_json::Value,
    /// The change in words, from the values.
    pub message: Text,
}

/// Why a level cannot be reached by changing what the person still influences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Blocker {
    /// The rule that blocks it.
    pub rule: String,
    /// Why, in words.
    pub message: Text,
}

/// The way to one higher level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelPath {
    /// The level.
    pub level: Level,
    /// Whether it can be reached by the changes listed.
    pub reachable: bool,
    /// The smallest changes that reach it (empty when not reachable).
    pub changes: Vec<Change>,
    /// What keeps it out of reach (empty when reachable).
    pub blockers: Vec<Blocker>,
}

/// A decision and, for each level above it, what would reach it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeResult {
    /// The decision.
    pub decision: DecisionRecord,
    /// For each higher level, the smallest changes that reach it, or why it is out of
    /// reach this period.
    pub what_would_change: Vec<LevelPath>,
}
