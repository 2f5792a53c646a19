//! The one place where the service calls the library.
//!
//! Every handler goes through these functions and nothing else of `cadre_eval` is called
//! for work (the contract's types are used everywhere), so moving to the library's
//! front door (`cadre_eval::api`, issue 11) changes this file only. No rule lives here;
//! the little orchestration that remains is what the CLI and the WASM binding do today,
//! through the same core functions, and is marked for the move.

use crate::wire::{BatchEntry, ConductItemsRequest, OrgRecordEntry};
use cadre_eval::{
    evaluate_json_array, evaluate_json_line, line_not_utf8, line_too_large, ApplicableItem,
    BatchItem, BatchOptions, ChangeResult, CompareOptions, Comparison, DecisionRecord, ErrorCode,
    FormRequest, FormSchema, GroupQuotaReport, InputError, InputErrors, Options, OrgComparison,
    OrgOptions, OrgResult, PartialResult, QuotaOptions, RegimeEntry, RuleEntry,
};
use serde_json::value::RawValue;

pub use cadre_eval::{MAX_RECORD_BYTES, MAX_UNIT_LINE_BYTES};

/// The library's version: the engine that produced every decision.
pub fn engine_version() -> &'static str {
    // The core crate and this one share the workspace's version; the core's own
    // constant would be better once `cadre_eval::api` publishes it.
    env!("CARGO_PKG_VERSION")
}

/// One assessment (JSON text) to its decision record.
pub fn evaluate_one(text: &str, options: &Options) -> Result<DecisionRecord, InputErrors> {
    cadre_eval::evaluate_json(text, options)
}

/// The number of records of a JSON array, or `None` when the text is not one (the
/// library then says why, in [`evaluate_array`]).
fn array_len(text: &str) -> Option<usize> {
    serde_json::from_str::<Vec<&RawValue>>(text)
        .ok()
        .map(|records| records.len())
}

/// The error of a request holding more records than the service takes at once.
pub fn too_many_records(count: usize, limit: usize) -> InputError {
    InputError::new(
        ErrorCode::TooLarge,
        "",
        format!(
            "{count} hồ sơ, vượt giới hạn {limit} hồ sơ của một yêu cầu; hãy chia nhỏ hoặc dùng JSON Lines"
        ),
        format!(
            "{count} records, over the limit of {limit} records per request; split the batch or stream JSON Lines"
        ),
    )
}

/// Evaluates a JSON array of assessments, each record on its own: its decision or its
/// rejection, in input order.
pub fn evaluate_array(
    text: &str,
    options: &Options,
    max_records: usize,
) -> Result<Vec<BatchItem>, InputErrors> {
    if let Some(count) = array_len(text).filter(|&count| count > max_records) {
        return Err(InputErrors::one(too_many_records(count, max_records)));
    }
    evaluate_json_array(text, options)
}

/// One line of a JSON Lines body, as the bounded reader gave it.
pub fn evaluate_line(
    index: usize,
    line: crate::lines::Line,
    options: &Options,
) -> Option<BatchItem> {
    use crate::lines::Line;
    match line {
        Line::Text(text) if text.trim().is_empty() => None,
        Line::Text(text) => Some(evaluate_json_line(index, &text, options)),
        Line::TooLong(length) => Some(BatchItem::Rejected(line_too_large(index, length))),
        Line::NotUtf8 => Some(BatchItem::Rejected(line_not_utf8(index))),
    }
}

/// A batch item at `index` as the service writes it.
pub fn batch_entry(index: usize, item: BatchItem) -> BatchEntry {
    match item {
        BatchItem::Decision(decision) => BatchEntry::evaluated_at(index, decision.to_record()),
        BatchItem::Rejected(rejected) => BatchEntry::rejected(rejected),
    }
}

/// Evaluates a JSON array of assessments, then applies the Excellent quota per group to
/// the evaluated ones; the entries keep input order.
pub fn evaluate_with_quota(
    text: &str,
    options: &Options,
    quota: &QuotaOptions,
    max_records: usize,
) -> Result<(Vec<BatchEntry>, Vec<GroupQuotaReport>), InputErrors> {
    if let Some(count) = array_len(text).filter(|&count| count > max_records) {
        return Err(InputErrors::one(too_many_records(count, max_records)));
    }
    let batch = cadre_eval::evaluate_batch_json(
        text,
        &BatchOptions {
            evaluation: *options,
            quota: Some(quota.clone()),
        },
    )?;
    let entries = batch
        .items
        .into_iter()
        .enumerate()
        .map(|(index, item)| batch_entry(index, item))
        .collect();
    Ok((entries, batch.groups))
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

/// The kept records of an organisation evaluation, as the CLI's JSON writes them.
pub fn org_records(result: &OrgResult) -> Vec<OrgRecordEntry> {
    result
        .records
        .iter()
        .map(|record| OrgRecordEntry {
            unit: record.unit.clone(),
            role: record.role,
            decision: record.decision.to_record(),
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

/// The conduct catalogue's version.
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

/// The contract records whose JSON Schemas are published.
pub fn contract_schema(name: crate::wire::SchemaName) -> serde_json::Value {
    use crate::wire::SchemaName;
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
