//! Batches as they travel in JSON: a record that could not be evaluated, and the options
//! of a batch.

use crate::contract::errors::InputError;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A record of a batch that could not be evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectedRecord {
    /// Position in the batch, from 0 (for JSON Lines: the line number minus one).
    pub index: usize,
    /// The record's `id`, when it could be read.
    pub id: Option<String>,
    /// Every problem found.
    pub errors: Vec<InputError>,
}
