//! Batches as they travel in JSON: a record that could not be evaluated, and the options
//! of a batch.

use crate::contract::errors::InputError;
use crate::contract::level::Options;
use crate::contract::quota::QuotaOptions;
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

/// Options of a batch: each record's evaluation, and the Excellent quota over the batch.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchOptions {
    /// Options of each record's evaluation.
    #[serde(default)]
    pub evaluation: Options,
    /// The quota, applied per group over the whole batch; absent: not applied.
    #[serde(default)]
    pub quota: Option<QuotaOptions>,
}

/// One line of JSON Lines as a reader hands it over: its text, or why it has none. A
/// reader that bounds its memory skips a line over the limit and keeps its length only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<'a> {
    /// The line, without its end of line.
    Text(&'a str),
    /// A line longer than the reader keeps: its length in bytes.
    TooLong(u64),
    /// A line that is not UTF-8 text.
    NotUtf8,
}
