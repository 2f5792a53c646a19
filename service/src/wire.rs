//! What the service adds to the contract on the wire: response envelopes with their
//! provenance, batch entries, query parameters and HTTP-level errors. Records,
//! decisions, options and input errors are the library's own types.
//!
//! Every type here derives `JsonSchema`: the OpenAPI document is generated from them.

use cadre_eval::{
    Comparison, ConductScope, DecisionRecord, FormSchema, GradeMapping, GroupQuotaReport,
    InputError, IsoDate, LeaderComponents, LevelPath, OrgComparison, OrgReport, PartialResult,
    QuotaReading, Reading, RegimeEntry, RegimeId, RejectedRecord, Role, Rounding, RuleEntry,
    StateCap, StateQuotaReport, TargetsReading, Text,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Which engine and which rules produced a response: store it with each rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// Always `cadre-eval`.
    pub engine: String,
    /// The engine's version.
    pub engine_version: String,
    /// SHA-256 (hex) of the catalogue document served at `GET /v1/catalogue`: the rule
    /// catalogue (ids, citations, basis), the regimes and the conduct catalogue, as this
    /// engine applies them.
    pub catalogue_sha256: String,
    /// How many rules the rule catalogue holds.
    pub rule_count: usize,
    /// The conduct catalogue's version.
    pub conduct_catalogue_version: String,
    /// The regimes under which the decisions of this response were made, in order of
    /// first appearance (empty when the response holds no decision).
    pub regimes: Vec<RegimeId>,
}

/// One record's result in a batch, in input order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchEntry {
    /// Position in the batch, from 0 (JSON Lines: the line number minus one).
    pub index: usize,
    /// `evaluated` (see `decision`), `rejected` or `aborted` (see `errors`).
    pub status: EntryStatus,
    /// The record's `id`, when it could be read.
    pub id: Option<String>,
    /// The decision, for an evaluated record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Box<DecisionRecord>>,
    /// Every problem found, for a rejected record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<InputError>,
}

/// Whether a batch record was evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    /// Evaluated: `decision` holds the result.
    Evaluated,
    /// Rejected: `errors` says why; the other records were still evaluated.
    Rejected,
    /// JSON Lines only, always the last line: the stream stopped here (`errors` says
    /// why: too many records, a body that could not be read further or timed out);
    /// the lines after it were not read.
    Aborted,
}

impl BatchEntry {
    /// An evaluated record at `index`.
    pub fn evaluated_at(index: usize, decision: DecisionRecord) -> BatchEntry {
        BatchEntry {
            index,
            status: EntryStatus::Evaluated,
            id: Some(decision.id.clone()),
            decision: Some(Box::new(decision)),
            errors: Vec::new(),
        }
    }

    /// A rejected record.
    pub fn rejected(record: RejectedRecord) -> BatchEntry {
        BatchEntry {
            index: record.index,
            status: EntryStatus::Rejected,
            id: record.id,
            decision: None,
            errors: record.errors,
        }
    }
}

/// `POST /v1/evaluate`: one decision.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluateResponse {
    /// Engine, rules and regimes that produced it.
    pub provenance: Provenance,
    /// The decision.
    pub decision: DecisionRecord,
}

/// `POST /v1/evaluate/batch` (JSON array): every record's result.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchResponse {
    /// Engine, rules and regimes that produced it.
    pub provenance: Provenance,
    /// How many records were evaluated.
    pub evaluated: usize,
    /// How many were rejected.
    pub rejected: usize,
    /// Each record's result, in input order.
    pub items: Vec<BatchEntry>,
}

/// `POST /v1/quota`: the batch with the Excellent quota applied per group.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuotaResponse {
    /// Engine, rules and regimes that produced it.
    pub provenance: Provenance,
    /// How many records were evaluated.
    pub evaluated: usize,
    /// How many were rejected.
    pub rejected: usize,
    /// Each record's result after the quota, in input order.
    pub items: Vec<BatchEntry>,
    /// What the quota did in each group.
    pub groups: Vec<GroupQuotaReport>,
    /// What the state quota did in each group with similar tasks, then in each agency
    /// (none without state records).
    #[serde(default)]
    pub state_groups: Vec<StateQuotaReport>,
}

/// A kept decision of an organisation evaluation, with its place in the tree.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgRecordEntry {
    /// The unit's id.
    pub unit: String,
    /// The record's place in the unit.
    pub role: Role,
    /// The decision.
    pub decision: DecisionRecord,
}

/// `POST /v1/org`: the per-unit report and, when kept, every decision.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgResponse {
    /// Engine, rules and regimes that produced it.
    pub provenance: Provenance,
    /// Statistics per unit, group and in total, and what was rejected.
    pub report: OrgReport,
    /// Every decision in tree order (empty with `records=false`).
    pub records: Vec<OrgRecordEntry>,
}

/// `POST /v1/compare`: one assessment under several regimes.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompareResponse {
    /// Engine, rules and regimes that produced it.
    pub provenance: Provenance,
    /// The comparison.
    pub comparison: Comparison,
}

/// `POST /v1/compare/org`: an organisation tree under several regimes.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompareOrgResponse {
    /// Engine, rules and regimes that produced it.
    pub provenance: Provenance,
    /// The comparison.
    pub comparison: OrgComparison,
}

/// `POST /v1/partial`: an assessment still being filled in.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialResponse {
    /// Engine and rules that produced it.
    pub provenance: Provenance,
    /// The levels still reachable and the fields that can still change the result.
    pub partial: PartialResult,
}

/// `POST /v1/what-would-change`.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WhatWouldChangeResponse {
    /// Engine, rules and regimes that produced it.
    pub provenance: Provenance,
    /// The decision.
    pub decision: DecisionRecord,
    /// For each level above it: the smallest changes that reach it, or why not.
    pub what_would_change: Vec<LevelPath>,
}

/// `POST /v1/form-schema`: the self-assessment form.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormSchemaResponse {
    /// Engine and rules that produced it.
    pub provenance: Provenance,
    /// The form.
    pub form: FormSchema,
}

/// `POST /v1/conduct/items`: who, and on which day.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConductItemsRequest {
    /// The person (or collective) the items are for.
    pub scope: ConductScope,
    /// The day (`YYYY-MM-DD`).
    pub on: IsoDate,
}

/// `GET /v1/rules`.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesResponse {
    /// Engine and rules.
    pub provenance: Provenance,
    /// Every rule, in catalogue order.
    pub rules: Vec<RuleEntry>,
}

/// `GET /v1/regimes`.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegimesResponse {
    /// Engine and rules.
    pub provenance: Provenance,
    /// Every regime, oldest first.
    pub regimes: Vec<RegimeEntry>,
    /// The ids of the shipped criteria profiles (`POST /v1/form-schema?profile=…`).
    pub criteria_profiles: Vec<String>,
}

/// A contract record whose JSON Schema is published at `GET /v1/schemas/{name}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SchemaName {
    /// An assessment (input).
    Assessment,
    /// A decision (output).
    Decision,
    /// One input error.
    Error,
    /// A rejected batch record.
    Rejected,
    /// A self-assessment form.
    FormSchema,
    /// The conduct catalogue.
    ConductCatalogue,
    /// A conduct scope.
    ConductScope,
}

/// The path parameter of `GET /v1/schemas/{name}`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct SchemaPath {
    /// Which record.
    pub name: SchemaName,
}

// The query parameter types below repeat some fields rather than share them with
// `#[serde(flatten)]`: a flattened struct is read through serde's buffered content,
// where a query's values are all strings and `true` or an enum name no longer reads
// as a bool or an enum, and unknown parameters could no longer be refused.

/// Options of one evaluation, as query parameters.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluationParams {
    /// How a score whose band's conditions fail is resolved: `cascade` (default) or
    /// `strict`.
    pub reading: Option<Reading>,
    /// How "did not meet the basic targets" is read: `any` (default) or `all`.
    pub basic_targets: Option<TargetsReading>,
    /// How a party rating under QĐ 124 or QĐ 366 reads a state one: `none` (default: a
    /// finding when the party level is above the state one) or `hd21` (HD 21's caps).
    pub state_cap: Option<StateCap>,
    /// How a state record's annual mean is rounded: `two_decimals` (default),
    /// `one_decimal` or `integer`.
    pub rounding: Option<Rounding>,
    /// A state leader's `d`, `đ`, `e` given directly: `text` (default: 1 or ½ only) or
    /// `override` (any value from 0 to 1).
    pub leader_components: Option<LeaderComponents>,
}

/// Options of a batch with the Excellent quota, as query parameters.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuotaParams {
    /// `cascade` (default) or `strict`.
    pub reading: Option<Reading>,
    /// `any` (default) or `all`.
    pub basic_targets: Option<TargetsReading>,
    /// How the quota's Good count is read: `final_tally` (default) or `proposed_good`.
    pub quota_reading: Option<QuotaReading>,
    /// A quota group for which the competent level allowed 25% instead of 20%
    /// (repeatable).
    #[serde(default)]
    pub raised_ratio_group: Vec<String>,
    /// How a party rating under QĐ 124 or QĐ 366 reads a state one: `none` (default: a
    /// finding when the party level is above the state one) or `hd21` (HD 21's caps).
    pub state_cap: Option<StateCap>,
    /// How a state record's annual mean is rounded: `two_decimals` (default),
    /// `one_decimal` or `integer`.
    pub rounding: Option<Rounding>,
    /// A state leader's `d`, `đ`, `e` given directly: `text` (default: 1 or ½ only) or
    /// `override` (any value from 0 to 1).
    pub leader_components: Option<LeaderComponents>,
    /// With the quota: an agency recognised Excellent, whose state ratio is 25% instead
    /// of 20% (ND 335 Art. 20.5.b; repeatable).
    #[serde(default)]
    pub recognised_agency: Vec<String>,
    /// With the quota: an agency's party Excellent rate for ND 48's state quota, as
    /// `AGENCY=E/N` or `AGENCY=P%` (at most two decimals), read exactly or refused
    /// (repeatable).
    #[serde(default)]
    pub party_excellent_rate: Vec<String>,
}

/// Options of an organisation evaluation, as query parameters.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgParams {
    /// `cascade` (default) or `strict`.
    pub reading: Option<Reading>,
    /// `any` (default) or `all`.
    pub basic_targets: Option<TargetsReading>,
    /// Leave the Excellent quota out.
    #[serde(default)]
    pub no_quota: bool,
    /// `final_tally` (default) or `proposed_good`.
    pub quota_reading: Option<QuotaReading>,
    /// A quota group for which the competent level allowed 25% (repeatable).
    #[serde(default)]
    pub raised_ratio_group: Vec<String>,
    /// Return every record's decision (default: yes for a nested tree, no for JSON Lines
    /// of units).
    pub records: Option<bool>,
    /// How a party rating under QĐ 124 or QĐ 366 reads a state one: `none` (default: a
    /// finding when the party level is above the state one) or `hd21` (HD 21's caps).
    pub state_cap: Option<StateCap>,
    /// How a state record's annual mean is rounded: `two_decimals` (default),
    /// `one_decimal` or `integer`.
    pub rounding: Option<Rounding>,
    /// A state leader's `d`, `đ`, `e` given directly: `text` (default: 1 or ½ only) or
    /// `override` (any value from 0 to 1).
    pub leader_components: Option<LeaderComponents>,
    /// With the quota: an agency recognised Excellent, whose state ratio is 25% instead
    /// of 20% (ND 335 Art. 20.5.b; repeatable).
    #[serde(default)]
    pub recognised_agency: Vec<String>,
    /// With the quota: an agency's party Excellent rate for ND 48's state quota, as
    /// `AGENCY=E/N` or `AGENCY=P%` (at most two decimals), read exactly or refused
    /// (repeatable).
    #[serde(default)]
    pub party_excellent_rate: Vec<String>,
}

/// Options of a comparison, as query parameters.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompareParams {
    /// The regimes to compare, in the order shown (repeatable; default `qd366`,
    /// `qd124`, `qd132`). A regime named twice is compared once.
    #[serde(default)]
    pub regimes: Vec<RegimeId>,
    /// Grades for a record that has points only, by a documented mapping; default none.
    pub grades_from_points: Option<GradeMapping>,
    /// `cascade` (default) or `strict`.
    pub reading: Option<Reading>,
    /// `any` (default) or `all`.
    pub basic_targets: Option<TargetsReading>,
    /// How a party rating under QĐ 124 or QĐ 366 reads a state one: `none` (default) or
    /// `hd21`.
    pub state_cap: Option<StateCap>,
    /// How a state record's annual mean is rounded: `two_decimals` (default),
    /// `one_decimal` or `integer`.
    pub rounding: Option<Rounding>,
    /// A state leader's `d`, `đ`, `e` given directly: `text` (default) or `override`.
    pub leader_components: Option<LeaderComponents>,
}

/// Options of an organisation comparison, as query parameters.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompareOrgParams {
    /// The regimes to compare (repeatable; default all three).
    #[serde(default)]
    pub regimes: Vec<RegimeId>,
    /// Grades for records that have points only; default none.
    pub grades_from_points: Option<GradeMapping>,
    /// `cascade` (default) or `strict`.
    pub reading: Option<Reading>,
    /// `any` (default) or `all`.
    pub basic_targets: Option<TargetsReading>,
    /// Leave the Excellent quota out.
    #[serde(default)]
    pub no_quota: bool,
    /// `final_tally` (default) or `proposed_good`.
    pub quota_reading: Option<QuotaReading>,
    /// A quota group for which the competent level allowed 25% (repeatable).
    #[serde(default)]
    pub raised_ratio_group: Vec<String>,
}

/// Options of `POST /v1/form-schema`, as query parameters.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormSchemaParams {
    /// A shipped criteria profile (see `GET /v1/regimes`): one field per criteria item
    /// instead of two totals.
    pub profile: Option<String>,
}

/// Input errors (400 malformed, 413 too large, 422 invalid): the contract's errors.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorResponse {
    /// Every problem found, each with a stable code, a JSON Pointer and a message in
    /// Vietnamese and English.
    pub errors: Vec<InputError>,
}

/// A refusal of the request itself (401, 404, 405, 408, 415, 503, 500), in the shape
/// of the contract's errors.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceErrorResponse {
    /// What went wrong (one entry).
    pub errors: Vec<ServiceError>,
}

/// One refusal: a stable code, where (`""` for the whole request) and a message in
/// Vietnamese and English.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceError {
    /// Stable code.
    pub code: ServiceCode,
    /// What it concerns: `""` (the request), or a header name.
    pub path: String,
    /// The message.
    pub message: Text,
}

/// Stable codes of refusals of the request itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ServiceCode {
    /// No bearer token, or not a token this service accepts (401).
    Unauthorized,
    /// The body's media type is not one this endpoint reads (415).
    UnsupportedMediaType,
    /// No such endpoint (404).
    NotFound,
    /// The endpoint exists, with another method (405).
    MethodNotAllowed,
    /// The request did not complete in time (408).
    RequestTimeout,
    /// Too many requests in flight; retry after the `Retry-After` seconds (503).
    Overloaded,
    /// The service is shutting down (503).
    ShuttingDown,
    /// A fault of the service (500); the request id in the logs tells which.
    Internal,
}
