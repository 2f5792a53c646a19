//! JSON Schemas of the contract's records, generated from the Rust types.

use crate::contract::assessment::Assessment;
use crate::contract::batch::RejectedRecord;
use crate::contract::decision::DecisionRecord;
use crate::contract::errors::InputError;

/// The JSON Schema of an assessment (input).
pub fn assessment_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Assessment)).unwrap_or_default()
}

/// The JSON Schema of a decision (output).
pub fn decision_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(DecisionRecord)).unwrap_or_default()
}

/// The JSON Schema of an error.
pub fn error_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(InputError)).unwrap_or_default()
}

/// The JSON Schema of a rejected batch record.
pub fn rejected_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(RejectedRecord)).unwrap_or_default()
}
