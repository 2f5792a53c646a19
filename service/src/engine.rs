//! The one place where the service calls the library for work.
//!
//! Every handler goes through these functions; each forwards to one entry point of the
//! library's front door (`cadre_eval::api`, re-exported at the crate's root) and at
//! most converts what it returns into the service's wire types. No rule and no
//! orchestration lives here: batches, JSON Lines, the quota, the record limit's error,
//! the catalogue document and its hash are the library's, shared with the CLI and the
//! bindings.

use crate::wire::{BatchEntry, ConductItemsRequest, OrgRecordEntry, SchemaName};
use cadre_eval::{
    ApplicableItem, BatchItem, BatchOptions, ChangeResult, CompareOptions, Comparison,
    DecisionRecord, FormRequest, FormSchema, GroupQuotaReport, InputError, InputErrors,
    JsonLinesBatch, Options, OrgComparison, OrgOptions, OrgResult, PartialResult, QuotaOptions,
    RegimeEntry, RuleEntry, StateQuotaReport,
};

pub use cadre_eval::{ENGINE_VERSION, MAX_RECORD_BYTES, MAX_UNIT_LINE_BYTES};

/// One assessment (JSON text) to its decision record.
pub fn evaluate_one(text: &str, options: &Options) -> Result<DecisionRecord, InputErrors> {
    cadre_eval::evaluate_json(text, options)
}

/// The error of a request holding more records than the service takes at once.
pub fn too_many_records(count: usize, limit: usize) -> InputError {
    InputError::too_many_records(count, limit, false)
}

/// A batch item at `index` as the service writes it.
pub fn batch_entry(index: usize, item: BatchItem) -> BatchEntry {
    match item {
        BatchItem::Decision(decision) => BatchEntry::evaluated_at(index, decision.to_record()),
        BatchItem::Rejected(rejected) => BatchEntry::rejected(rejected),
    }
}

/// A batch's entries, in input order, with the party quota's reports per group and the
/// state quota's reports (both empty without the quota).
pub type EvaluatedBatch = (
    Vec<BatchEntry>,
    Vec<GroupQuotaReport>,
    Vec<StateQuotaReport>,
);

/// Evaluates a JSON array of assessments (at most `max_records`), then applies the
/// Excellent quota per group when `options` asks for it; the entries keep input order.
pub fn evaluate_batch(
    text: &str,
    options: &BatchOptions,
    max_records: usize,
) -> Result<EvaluatedBatch, InputErrors> {
    let batch = cadre_eval::evaluate_batch_json_within(text, options, max_records)?;
    let entries = batch
        .items
        .into_iter()
        .enumerate()
        .map(|(index, item)| batch_entry(index, item))
        .collect();
    Ok((entries, batch.groups, batch.state_groups))
}

/// A JSON Lines batch read one line at a time (without the quota: every line's result
/// comes back at once).
pub fn json_lines(options: Options) -> JsonLinesBatch {
    JsonLinesBatch::new(BatchOptions {
        evaluation: options,
        quota: None,
    })
}

/// Evaluates an organisation tree: one nested unit (JSON), or JSON Lines of units.
pub fn evaluate_org(
    text: &str,
    json_lines: bool,
    options: OrgOptions,
) -> Result<OrgResult, InputErrors> {
    if json_lines {
        Ok(cadre_eval::evaluate_unit_lines(text, options))
    } else {
        cadre_eval::evaluate_tree_json(text, options)
    }
}

/// The kept records of an organisation evaluation, as the contract writes them
/// (`OrgResult::output`), owned for the response.
pub fn org_records(result: &OrgResult) -> Vec<OrgRecordEntry> {
    result
        .output()
        .records
        .into_iter()
        .map(|record| OrgRecordEntry {
            unit: record.unit.to_owned(),
            role: record.role,
            decision: record.decision,
        })
        .collect()
}

/// One assessment under several regimes.
pub fn compare(text: &str, options: &CompareOptions) -> Result<Comparison, InputErrors> {
    cadre_eval::compare_json(text, options)
}

/// An organisation tree under several regimes.
pub fn compare_org(
    text: &str,
    options: &CompareOptions,
    quota: Option<QuotaOptions>,
) -> Result<OrgComparison, InputErrors> {
    cadre_eval::compare_org(text, options, quota)
}

/// An assessment still being filled in.
pub fn partial(text: &str, options: &Options) -> Result<PartialResult, InputErrors> {
    cadre_eval::evaluate_partial_json(text, options)
}

/// The decision and what would reach each higher level.
pub fn what_would_change(text: &str, options: &Options) -> Result<ChangeResult, InputErrors> {
    cadre_eval::what_would_change_json(text, options)
}

/// The self-assessment form for a request, with one field per criteria item when a
/// shipped criteria profile is named.
pub fn form_schema(
    request: &FormRequest,
    profile: Option<&str>,
) -> Result<FormSchema, InputErrors> {
    cadre_eval::form_schema_for(request, profile)
}

/// The shipped criteria profiles' ids.
pub fn criteria_profile_ids() -> &'static [&'static str] {
    &cadre_eval::SHIPPED_PROFILE_IDS
}

/// The conduct catalogue as shipped (JSON text).
pub fn conduct_catalogue_json() -> &'static str {
    cadre_eval::conduct_catalogue_json()
}

/// The conduct catalogue's version (empty when the shipped catalogue cannot be read,
/// which its own endpoints then report).
pub fn conduct_catalogue_version() -> String {
    cadre_eval::conduct_catalogue_version()
        .map(str::to_owned)
        .unwrap_or_default()
}

/// The conduct items that apply to a person on a day.
pub fn conduct_items(
    request: &ConductItemsRequest,
) -> Result<Vec<ApplicableItem<'static>>, InputErrors> {
    cadre_eval::conduct_items(&request.scope, &request.on.day().to_string())
}

/// The rule catalogue, in catalogue order.
pub fn rule_catalogue() -> Vec<RuleEntry> {
    cadre_eval::rule_entries()
}

/// The regimes the library knows, oldest first.
pub fn regimes() -> Vec<RegimeEntry> {
    cadre_eval::regime_entries()
}

/// The catalogue document (compact JSON) and its SHA-256 (hex), which every response's
/// provenance names.
pub fn catalogue_document_and_hash() -> (String, String) {
    (
        cadre_eval::catalogue_document_json(),
        cadre_eval::catalogue_sha256(),
    )
}

/// The contract records whose JSON Schemas are published.
pub fn contract_schema(name: SchemaName) -> serde_json::Value {
    let name = match name {
        SchemaName::Assessment => "assessment",
        SchemaName::Decision => "decision",
        SchemaName::Error => "error",
        SchemaName::Rejected => "rejected",
        SchemaName::FormSchema => "form-schema",
        SchemaName::ConductCatalogue => "conduct-catalogue",
        SchemaName::ConductScope => "conduct-scope",
    };
    cadre_eval::schema(name).unwrap_or_default()
}
