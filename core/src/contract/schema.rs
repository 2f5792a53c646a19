//! The one registry of the JSON Schemas the library publishes, generated from the Rust
//! types: `docs/schema/`, the CLI's `schema` command, the WASM package's TypeScript
//! types and any other front end take them from here, by name.

use crate::contract::assessment::Assessment;
use crate::contract::batch::{BatchOptions, RejectedRecord};
use crate::contract::change::{ChangeResult, LevelPath};
use crate::contract::compare::{CompareRequest, Comparison, StatePartyComparison};
use crate::contract::conduct::ConductScope;
use crate::contract::conduct_catalogue::{ApplicableItem, Catalogue};
use crate::contract::criteria::CriteriaProfileDocument;
use crate::contract::decision::DecisionRecord;
use crate::contract::errors::InputError;
use crate::contract::form::{FormRequest, FormSchema};
use crate::contract::level::Options;
use crate::contract::org::OrgReport;
use crate::contract::partial::PartialResult;
use crate::contract::quota::{GroupQuotaReport, QuotaOptions};
use crate::contract::state::StateQuotaReport;
use schemars::JsonSchema;
use serde_json::Value;

/// Every published schema's name, in the order they are listed.
pub const SCHEMA_NAMES: [&str; 22] = [
    "assessment",
    "decision",
    "error",
    "rejected",
    "form-schema",
    "form-request",
    "conduct-catalogue",
    "conduct-scope",
    "applicable-item",
    "partial-result",
    "level-path",
    "change-result",
    "options",
    "batch-options",
    "quota-options",
    "group-quota-report",
    "state-quota-report",
    "comparison",
    "compare-options",
    "state-party-comparison",
    "org-report",
    "criteria-profile",
];

/// The JSON Schema published under `name` ([`SCHEMA_NAMES`]).
pub fn schema(name: &str) -> Option<Value> {
    Some(match name {
        "assessment" => of::<Assessment>(),
        "decision" => of::<DecisionRecord>(),
        "error" => of::<InputError>(),
        "rejected" => of::<RejectedRecord>(),
        "form-schema" => of::<FormSchema>(),
        "form-request" => of::<FormRequest>(),
        "conduct-catalogue" => of::<Catalogue>(),
        "conduct-scope" => of::<ConductScope>(),
        "applicable-item" => of::<ApplicableItem<'static>>(),
        "partial-result" => of::<PartialResult>(),
        "level-path" => of::<LevelPath>(),
        "change-result" => of::<ChangeResult>(),
        "options" => of::<Options>(),
        "batch-options" => of::<BatchOptions>(),
        "quota-options" => of::<QuotaOptions>(),
        "group-quota-report" => of::<GroupQuotaReport>(),
        "state-quota-report" => of::<StateQuotaReport>(),
        "comparison" => of::<Comparison>(),
        "compare-options" => of::<CompareRequest>(),
        "state-party-comparison" => of::<StatePartyComparison>(),
        "org-report" => of::<OrgReport>(),
        "criteria-profile" => of::<CriteriaProfileDocument>(),
        _ => return None,
    })
}

/// The JSON Schema of `T`.
fn of<T: JsonSchema>() -> Value {
    serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default()
}

/// The JSON Schema of an assessment (input).
pub fn assessment_schema() -> Value {
    of::<Assessment>()
}

/// The JSON Schema of a decision (output).
pub fn decision_schema() -> Value {
    of::<DecisionRecord>()
}

/// The JSON Schema of an error.
pub fn error_schema() -> Value {
    of::<InputError>()
}

/// The JSON Schema of a rejected batch record.
pub fn rejected_schema() -> Value {
    of::<RejectedRecord>()
}

/// The JSON Schema of a form schema.
pub fn form_schema_schema() -> Value {
    of::<FormSchema>()
}

/// The JSON Schema of the conduct catalogue's data.
pub fn conduct_catalogue_schema() -> Value {
    of::<Catalogue>()
}

/// The JSON Schema of a conduct scope (`conduct.scope`).
pub fn conduct_scope_schema() -> Value {
    of::<ConductScope>()
}

/// The JSON Schema of a criteria profile document `{"criteria_profile": {…}}`.
pub fn profile_schema() -> Value {
    of::<CriteriaProfileDocument>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_has_its_schema_titled() {
        for name in SCHEMA_NAMES {
            let schema = schema(name).unwrap_or_default();
            assert!(schema.get("title").is_some(), "{name}");
        }
        assert_eq!(schema("nothing"), None);
    }
}
