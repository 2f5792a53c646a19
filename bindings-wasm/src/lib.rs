//! WASM binding of cadre-eval (wasm-bindgen). It converts JavaScript values to the
//! core's inputs and the core's results back, and holds no rules.
//!
//! Every export returns a tagged result, `{ ok: true, value }` or `{ ok: false, errors }`
//! with the contract's error shape (`code`, `path`, `message: { vi, en }`), so a form
//! never needs `try`/`catch`. Inputs are JSON-compatible JavaScript values; an
//! assessment may also be given as JSON text (a string), which keeps decimal points
//! exactly as typed. The TypeScript types are generated from the core's JSON Schemas
//! (`bindings-wasm/scripts/generate-types.mjs`).

use cadre_eval::{
    evaluate_json_array, BatchItem, ErrorCode, GradeMapping, InputError, InputErrors, Options,
    QuotaOptions, Reading, RegimeId, RejectedRecord, TargetsReading,
};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
import type { Assessment } from "./types/assessment";
import type { DecisionRecord, Level } from "./types/decision";
import type { InputError } from "./types/error";
import type { RejectedRecord } from "./types/rejected";
import type { FormRequest } from "./types/form-request";
import type { FormSchema } from "./types/form-schema";
import type { Catalogue } from "./types/conduct-catalogue";
import type { ConductScope } from "./types/conduct-scope";
import type { ApplicableItem } from "./types/applicable-item";
import type { PartialResult } from "./types/partial-result";
import type { LevelPath } from "./types/level-path";
import type { Options } from "./types/options";
import type { QuotaOptions } from "./types/quota-options";
import type { GroupQuotaReport } from "./types/group-quota-report";
import type { Comparison } from "./types/comparison";
import type { CompareOptions } from "./types/compare-options";
export type {
  Assessment, DecisionRecord, Level, InputError, RejectedRecord, FormRequest, FormSchema, Catalogue,
  ConductScope, ApplicableItem, PartialResult, LevelPath, Options, QuotaOptions, GroupQuotaReport,
  Comparison, CompareOptions,
};

/** A success with its value, or every problem found (the contract's errors). */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };

/** One record of a batch: its decision, or its rejection (index, id, errors). */
export type BatchResult =
  | { ok: true; value: DecisionRecord }
  | ({ ok: false } & RejectedRecord);

/** A batch with the Excellent quota applied, and what the quota did in each group. */
export interface QuotaResult {
  items: BatchResult[];
  groups: GroupQuotaReport[];
}

/** A decision and, for each higher level, what would reach it. */
export interface ChangeResult {
  decision: DecisionRecord;
  what_would_change: LevelPath[];
}

/** An assessment as a value, or as JSON text (decimals kept exactly as typed). */
export type AssessmentInput = Assessment | string;

// The options are optional: these declarations add the shorter calls to the ones
// wasm-bindgen writes.
export function evaluate(input: AssessmentInput, options?: Options | null): Result<DecisionRecord>;
export function evaluateMany(inputs: AssessmentInput[] | string, options?: Options | null): Result<BatchResult[]>;
export function applyQuota(inputs: AssessmentInput[] | string, options?: Options | null, quota?: QuotaOptions | null): Result<QuotaResult>;
export function evaluatePartial(input: AssessmentInput, options?: Options | null): Result<PartialResult>;
export function whatWouldChange(input: AssessmentInput, options?: Options | null): Result<ChangeResult>;
export function compare(input: AssessmentInput, options?: CompareOptions | null): Result<Comparison>;
"#;

/// The options of [`compare`], as JavaScript gives them: every key optional.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct CompareOptions {
    /// The regimes to compare, in the order shown; default all three, newest first. A
    /// regime named twice is compared once, where first named.
    pub regimes: Option<Vec<RegimeId>>,
    /// Grades for a record that has QĐ 366 points only, by a documented mapping
    /// (`docs/regimes.md`); default none: the older regimes then report the missing
    /// grades as their errors.
    pub grades_from_points: Option<GradeMapping>,
    /// `cascade` (default) or `strict`.
    pub reading: Reading,
    /// `any` (default) or `all`.
    pub basic_targets: TargetsReading,
}

impl CompareOptions {
    /// The core's options; an empty list of regimes is an error.
    fn to_core(&self) -> Result<cadre_eval::CompareOptions, InputErrors> {
        let mut options = cadre_eval::CompareOptions {
            grades_from_points: self.grades_from_points,
            evaluation: Options {
                reading: self.reading,
                basic_targets: self.basic_targets,
            },
            ..Default::default()
        };
        if let Some(regimes) = &self.regimes {
            let mut ids: Vec<RegimeId> = Vec::with_capacity(regimes.len());
            for &id in regimes {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            if ids.is_empty() {
                return Err(one_error(
                    ErrorCode::InvalidValue,
                    "/regimes",
                    "Cần nêu ít nhất một chế độ để so sánh (qd366, qd124, qd132)".to_owned(),
                    "name at least one regime to compare (qd366, qd124, qd132)".to_owned(),
                ));
            }
            options.regimes = ids;
        }
        Ok(options)
    }
}

/// The tagged success value.
#[derive(Serialize)]
struct Success<T> {
    ok: bool,
    value: T,
}

/// `{ok: true, value}` as a JavaScript value.
fn success<T: Serialize>(value: T) -> Result<JsValue, InputErrors> {
    to_js(&Success { ok: true, value })
}

/// The tagged failure value.
#[derive(Serialize)]
struct Failure<'a> {
    ok: bool,
    errors: &'a [InputError],
}

/// A rejected batch record, tagged like a failure.
#[derive(Serialize)]
struct Rejected<'a> {
    ok: bool,
    #[serde(flatten)]
    record: &'a RejectedRecord,
}

/// `{ok: true, value}` or `{ok: false, errors}`.
#[derive(Serialize)]
#[serde(untagged)]
enum BatchResult<'a> {
    Decision(Success<Box<cadre_eval::DecisionRecord>>),
    Rejected(Rejected<'a>),
}

#[derive(Serialize)]
struct QuotaResult<'a> {
    items: Vec<BatchResult<'a>>,
    groups: Vec<cadre_eval::GroupQuotaReport>,
}

#[derive(Serialize)]
struct ChangeResult {
    decision: cadre_eval::DecisionRecord,
    what_would_change: Vec<cadre_eval::LevelPath>,
}

/// A batch's records in input order: each evaluated (the decision) or rejected.
type Items = Vec<(Option<cadre_eval::Decision>, Option<RejectedRecord>)>;

/// Plain objects for maps, numbers for integers: what `JSON.parse` would give.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, InputErrors> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            one_error(
                ErrorCode::InvalidValue,
                "",
                format!("Không chuyển được kết quả sang JavaScript: {e}"),
                format!("the result could not be converted to JavaScript: {e}"),
            )
        })
}

fn one_error(code: ErrorCode, path: &str, vi: String, en: String) -> InputErrors {
    InputErrors::one(InputError::new(code, path, vi, en))
}

/// The tagged value of a result: the success as converted, or `{ok: false, errors}`.
/// Converting the errors cannot fail in practice (strings only); should it, the
/// answer is `null`, never an exception.
fn respond(result: Result<JsValue, InputErrors>) -> JsValue {
    match result {
        Ok(js) => js,
        Err(errors) => to_js(&Failure {
            ok: false,
            errors: &errors.0,
        })
        .unwrap_or(JsValue::NULL),
    }
}

/// The JSON text of an input: a string is taken as JSON text as it is, any other value
/// is converted to JSON (`undefined` and functions are refused).
fn input_text(input: &JsValue, path: &str) -> Result<String, InputErrors> {
    if let Some(text) = input.as_string() {
        return Ok(text);
    }
    if input.is_undefined() {
        return Err(one_error(
            ErrorCode::MissingField,
            path,
            "Thiếu dữ liệu đầu vào".to_owned(),
            "the input is missing".to_owned(),
        ));
    }
    let value: serde_json::Value = serde_wasm_bindgen::from_value(input.clone()).map_err(|e| {
        one_error(
            ErrorCode::InvalidJson,
            path,
            format!("Không phải giá trị JSON: {e}"),
            format!("not a JSON value: {e}"),
        )
    })?;
    Ok(value.to_string())
}

/// An optional argument: `undefined` or `null` gives the default.
fn optional<T: DeserializeOwned + Default>(
    value: Option<&JsValue>,
    name: &str,
) -> Result<T, InputErrors> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(T::default());
    };
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        one_error(
            ErrorCode::InvalidValue,
            "",
            format!("Tham số `{name}` không hợp lệ: {e}"),
            format!("the `{name}` argument is not valid: {e}"),
        )
    })
}

/// An optional argument whose unknown keys are errors: read through JSON, because
/// `serde_wasm_bindgen` looks up only the keys a struct names and never sees the others.
fn optional_checked<T: DeserializeOwned + Default>(
    value: Option<&JsValue>,
    name: &str,
) -> Result<T, InputErrors> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(T::default());
    };
    let invalid = |e: &dyn std::fmt::Display| {
        one_error(
            ErrorCode::InvalidValue,
            "",
            format!("Tham số `{name}` không hợp lệ: {e}"),
            format!("the `{name}` argument is not valid: {e}"),
        )
    };
    let json: serde_json::Value =
        serde_wasm_bindgen::from_value(value.clone()).map_err(|e| invalid(&e))?;
    serde_json::from_value(json).map_err(|e| invalid(&e))
}

fn batch_results(items: Vec<BatchItem>) -> Items {
    items
        .into_iter()
        .map(|item| match item {
            BatchItem::Decision(decision) => (Some(*decision), None),
            BatchItem::Rejected(rejected) => (None, Some(rejected)),
        })
        .collect()
}

fn render<'a>(
    items: &'a [(Option<cadre_eval::Decision>, Option<RejectedRecord>)],
) -> Vec<BatchResult<'a>> {
    items
        .iter()
        .filter_map(|item| match item {
            (Some(decision), _) => Some(BatchResult::Decision(Success {
                ok: true,
                value: Box::new(decision.to_record()),
            })),
            (None, Some(record)) => Some(BatchResult::Rejected(Rejected { ok: false, record })),
            (None, None) => None,
        })
        .collect()
}

fn evaluate_batch(inputs: &JsValue, options: Option<&JsValue>) -> Result<Items, InputErrors> {
    let options: Options = optional(options, "options")?;
    let text = input_text(inputs, "")?;
    Ok(batch_results(evaluate_json_array(&text, &options)?))
}

/// Evaluates one assessment: the contract's decision record.
#[wasm_bindgen(unchecked_return_type = "Result<DecisionRecord>")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "AssessmentInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> JsValue {
    respond((|| {
        let options: Options = optional(options.as_ref(), "options")?;
        success(cadre_eval::evaluate_json(
            &input_text(&input, "")?,
            &options,
        )?)
    })())
}

/// Evaluates an array of assessments (or its JSON text): every good record is
/// evaluated, every bad one reported with its index, id and errors. Fails as a whole
/// only when the input is not an array or is over the batch limits.
#[wasm_bindgen(js_name = evaluateMany, unchecked_return_type = "Result<BatchResult[]>")]
pub fn evaluate_many(
    #[wasm_bindgen(unchecked_param_type = "AssessmentInput[] | string")] inputs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> JsValue {
    respond(evaluate_batch(&inputs, options.as_ref()).and_then(|items| success(render(&items))))
}

/// Evaluates an array of assessments, then applies the Excellent quota per group.
#[wasm_bindgen(js_name = applyQuota, unchecked_return_type = "Result<QuotaResult>")]
pub fn apply_quota(
    #[wasm_bindgen(unchecked_param_type = "AssessmentInput[] | string")] inputs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
    #[wasm_bindgen(unchecked_param_type = "QuotaOptions")] quota: Option<JsValue>,
) -> JsValue {
    respond((|| {
        let quota: QuotaOptions = optional(quota.as_ref(), "quota")?;
        let mut items = evaluate_batch(&inputs, options.as_ref())?;
        // The quota sees the evaluated records only, then they go back in input order.
        let mut decisions: Vec<cadre_eval::Decision> =
            items.iter_mut().filter_map(|(d, _)| d.take()).collect();
        let groups = cadre_eval::apply_quota(&mut decisions, &quota);
        let mut evaluated = decisions.into_iter();
        for (decision, rejected) in &mut items {
            if rejected.is_none() {
                *decision = evaluated.next();
            }
        }
        success(QuotaResult {
            items: render(&items),
            groups,
        })
    })())
}

/// The self-assessment form for a request (member, leader or collective), with one
/// field per criteria item when a shipped criteria `profile` id is given.
#[wasm_bindgen(js_name = formSchema, unchecked_return_type = "Result<FormSchema>")]
pub fn form_schema(
    #[wasm_bindgen(unchecked_param_type = "FormRequest")] request: JsValue,
    profile: Option<String>,
) -> JsValue {
    respond((|| {
        let request: cadre_eval::FormRequest =
            serde_wasm_bindgen::from_value(request).map_err(|e| {
                one_error(
                    ErrorCode::InvalidValue,
                    "",
                    format!("Yêu cầu biểu mẫu không hợp lệ: {e}"),
                    format!("the form request is not valid: {e}"),
                )
            })?;
        let profile = match profile {
            Some(id) => Some(cadre_eval::shipped_profile(&id).ok_or_else(|| {
                let known = cadre_eval::SHIPPED_PROFILE_IDS.join(", ");
                one_error(
                    ErrorCode::InvalidValue,
                    "/profile",
                    format!("Không có hồ sơ tiêu chí `{id}`; có: {known}"),
                    format!("no criteria profile `{id}`; there are: {known}"),
                )
            })?),
            None => None,
        };
        success(cadre_eval::form_schema(&request, profile))
    })())
}

fn catalogue_failure(error: &cadre_eval::CatalogueError) -> InputErrors {
    one_error(
        ErrorCode::InvalidValue,
        "",
        format!("Danh mục chuẩn mực không đọc được: {error}"),
        format!("the conduct catalogue is unreadable: {error}"),
    )
}

/// The conduct catalogue as shipped (documents, versions, items).
#[wasm_bindgen(js_name = conductCatalogue, unchecked_return_type = "Result<Catalogue>")]
pub fn conduct_catalogue() -> JsValue {
    respond((|| {
        cadre_eval::conduct_catalogue().map_err(|e| catalogue_failure(&e))?;
        let value = serde_json::from_str::<serde_json::Value>(cadre_eval::conduct_catalogue_json())
            .map_err(|e| {
                one_error(
                    ErrorCode::InvalidJson,
                    "",
                    format!("Danh mục chuẩn mực không đọc được: {e}"),
                    format!("the conduct catalogue is unreadable: {e}"),
                )
            })?;
        success(value)
    })())
}

/// The conduct items that apply to a person (`scope`) on a day (`YYYY-MM-DD`).
#[wasm_bindgen(js_name = conductItems, unchecked_return_type = "Result<ApplicableItem[]>")]
pub fn conduct_items(
    #[wasm_bindgen(unchecked_param_type = "ConductScope")] scope: JsValue,
    on: &str,
) -> JsValue {
    respond((|| {
        let scope: cadre_eval::ConductScope =
            serde_wasm_bindgen::from_value(scope).map_err(|e| {
                one_error(
                    ErrorCode::InvalidValue,
                    "/scope",
                    format!("Phạm vi không hợp lệ: {e}"),
                    format!("the scope is not valid: {e}"),
                )
            })?;
        let problems = scope.problems("/scope");
        if !problems.is_empty() {
            return Err(InputErrors(problems));
        }
        let day = cadre_eval::parse_iso_date(on).ok_or_else(|| {
            one_error(
                ErrorCode::InvalidDate,
                "/on",
                format!("`{on}` không phải ngày YYYY-MM-DD"),
                format!("`{on}` is not a date YYYY-MM-DD"),
            )
        })?;
        let items =
            cadre_eval::conduct_items_for(&scope, day).map_err(|e| catalogue_failure(&e))?;
        success(items)
    })())
}

/// Evaluates an assessment still being filled in: the lowest and highest level still
/// reachable, and which unanswered fields can still change the result.
#[wasm_bindgen(js_name = evaluatePartial, unchecked_return_type = "Result<PartialResult>")]
pub fn evaluate_partial(
    #[wasm_bindgen(unchecked_param_type = "AssessmentInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> JsValue {
    respond((|| {
        let options: Options = optional(options.as_ref(), "options")?;
        success(cadre_eval::evaluate_partial_json(
            &input_text(&input, "")?,
            &options,
        )?)
    })())
}

/// The decision and, for each level above it, the smallest changes that reach it or
/// why it is out of reach this period.
#[wasm_bindgen(js_name = whatWouldChange, unchecked_return_type = "Result<ChangeResult>")]
pub fn what_would_change(
    #[wasm_bindgen(unchecked_param_type = "AssessmentInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> JsValue {
    respond((|| {
        let options: Options = optional(options.as_ref(), "options")?;
        let valid = cadre_eval::decode_and_validate(
            &input_text(&input, "")?,
            cadre_eval::ValidateOptions::default(),
        )?;
        let decision = cadre_eval::evaluate_valid(&valid, &options)?;
        let paths = cadre_eval::what_would_change(&valid, &decision, &options);
        success(ChangeResult {
            decision: decision.to_record(),
            what_would_change: paths,
        })
    })())
}

/// Compares one assessment under several regimes: per regime its decision or its
/// errors, the levels side by side, and, topic by topic, what each regime's rules found
/// and how they differ (`docs/regimes.md`, "Comparison"). Fails only when the record
/// cannot be read, or the options are not valid.
#[wasm_bindgen(unchecked_return_type = "Result<Comparison>")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "AssessmentInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CompareOptions")] options: Option<JsValue>,
) -> JsValue {
    respond((|| {
        let options: CompareOptions = optional_checked(options.as_ref(), "options")?;
        success(cadre_eval::compare_json(
            &input_text(&input, "")?,
            &options.to_core()?,
        )?)
    })())
}
