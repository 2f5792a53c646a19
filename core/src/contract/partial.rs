//! Partial evaluation as it travels in JSON: what is still reachable while a form is
//! being filled in.

use crate::contract::decision::DecisionRecord;
use crate::contract::level::{Level, Outcome};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Whether one unanswered field can still change the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldInfluence {
    /// The field (JSON Pointer into the assessment).
    pub path: String,
    /// Whether some answer to it, with some answers to the others, changes the result.
    pub can_change: bool,
}

/// A possible result: the outcome and the level.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Reachable {
    /// Outcome.
    pub outcome: Outcome,
    /// Level, when classified.
    pub level: Option<Level>,
}

/// The result of a partial evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialResult {
    /// Nothing is unanswered: `decision` holds the decision.
    pub complete: bool,
    /// The lowest level still reachable (classified outcomes only).
    pub lowest: Option<Level>,
    /// The highest level still reachable.
    pub highest: Option<Level>,
    /// Every result still reachable.
    pub reachable: Vec<Reachable>,
    /// Each unanswered field, and whether its answer can still change the result.
    pub unanswered: Vec<FieldInfluence>,
    /// The decision, when nothing is unanswered.
    pub decision: Option<DecisionRecord>,
}
