//! WASM binding of cadre-eval (wasm-bindgen). It converts JavaScript values to the
//! core's inputs and the core's results back, and holds no rules.
//!
//! Every export returns a tagged result, `{ ok: true, value }` or `{ ok: false, errors }`
//! with the contract's error shape (`code`, `path`, `message: { vi, en }`), so a form
//! never needs `try`/`catch`. Inputs are JSON-compatible JavaScript values; an
//! assessment may also be given as JSON text (a string), which keeps decimal points
//! exactly as typed. The TypeScript types are generated from the core's JSON Schemas
//! (`bindings-wasm/scripts/generate-types.mjs`).
//!
//! The library's data files (the conduct catalogue, the criteria catalogues and
//! profiles) are not compiled in: `loadData` takes them once, as the text of
//! `cadre_eval_data.json` beside the module, before the other calls.

use cadre_eval::{
    compare_json, conduct_catalogue_json, evaluate_batch_json, form_schema_for,
    provide_shipped_data, what_would_change_json, Batch, BatchItem, BatchOptions, CompareRequest,
    ConductScope, DecisionRecord, ErrorCode, FormRequest, GroupQuotaReport, InputError,
    InputErrors, Options, QuotaOptions, RejectedRecord, StateQuotaReport,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
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
import type { StateQuotaReport } from "./types/state-quota-report";
import type { Comparison } from "./types/comparison";
import type { CompareOptions } from "./types/compare-options";
import type { StatePartyComparison } from "./types/state-party-comparison";
export type {
  Assessment, DecisionRecord, Level, InputError, RejectedRecord, FormRequest, FormSchema, Catalogue,
  ConductScope, ApplicableItem, PartialResult, LevelPath, Options, QuotaOptions, GroupQuotaReport,
  StateQuotaReport, Comparison, CompareOptions, StatePartyComparison,
};

/** A success with its value, or every problem found (the contract's errors). */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };

/** One record of a batch: its decision, or its rejection (index, id, errors). */
export type BatchResult =
  | { ok: true; value: DecisionRecord }
  | ({ ok: false } & RejectedRecord);

/** A batch with the Excellent quota applied, and what the quota did in each group
 * (the party quota's `groups`; the state quota's `state_groups`, per group with similar
 * tasks, then per agency). */
export interface QuotaResult {
  items: BatchResult[];
  groups: GroupQuotaReport[];
  state_groups: StateQuotaReport[];
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
export function compareStateParty(inputs: Assessment[] | string, options?: Options | null): Result<StatePartyComparison>;
"#;

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
    Decision(Success<Box<DecisionRecord>>),
    Rejected(Rejected<'a>),
}

#[derive(Serialize)]
struct QuotaResult<'a> {
    items: Vec<BatchResult<'a>>,
    groups: Vec<GroupQuotaReport>,
    state_groups: Vec<StateQuotaReport>,
}

/// What `JSON.parse` of the value's JSON text gives: plain objects, numbers.
///
/// Through the text because the workspace's `serde_json` keeps a number as the text its
/// sender wrote (`arbitrary_precision`, issue 16), which only `serde_json` itself writes
/// as a number: serde-wasm-bindgen would see an internal struct instead.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, InputErrors> {
    let failed = |why: String| {
        InputErrors::one(InputError::new(
            ErrorCode::InvalidValue,
            "",
            format!("Không chuyển được kết quả sang JavaScript: {why}"),
            format!("the result could not be converted to JavaScript: {why}"),
        ))
    };
    let text = serde_json::to_string(value).map_err(|e| failed(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|e| failed(format!("{e:?}")))
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

/// The JSON text of a JavaScript value, as `JSON.stringify` writes it; `None` for what
/// has no JSON text (`undefined`, a function, a symbol), the exception's text for what
/// cannot be written (a `BigInt`, a cycle).
///
/// `JSON.stringify` rather than serde-wasm-bindgen: every type is then read by the one
/// `serde_json` deserializer the core already carries, instead of a second deserializer
/// per type in the module (docs/performance.md, "WASM").
fn json_text(value: &JsValue) -> Result<Option<String>, String> {
    match js_sys::JSON::stringify(value) {
        Ok(text) => Ok(text.as_string()),
        Err(error) => Err(error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| error.as_string())
            .unwrap_or_else(|| "JSON.stringify failed".to_owned())),
    }
}

/// The JSON text of an input: a string is taken as JSON text as it is, any other value
/// is written as JSON (`undefined`, functions and what `JSON.stringify` refuses are
/// errors).
fn input_text(input: &JsValue, path: &str) -> Result<String, InputErrors> {
    if let Some(text) = input.as_string() {
        return Ok(text);
    }
    if input.is_undefined() {
        return Err(InputErrors::one(InputError::new(
            ErrorCode::MissingField,
            path,
            "Thiếu dữ liệu đầu vào",
            "the input is missing",
        )));
    }
    let not_json = |why: &str| {
        InputErrors::one(InputError::new(
            ErrorCode::InvalidJson,
            path,
            format!("Không phải giá trị JSON: {why}"),
            format!("not a JSON value: {why}"),
        ))
    };
    json_text(input)
        .map_err(|why| not_json(&why))?
        .ok_or_else(|| not_json("JSON.stringify"))
}

/// An argument read as the JSON value it writes (through [`serde_json::Value`], so that
/// a message names no position in a text the caller never wrote).
fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    let text = json_text(value)?.ok_or_else(|| "not a JSON value".to_owned())?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    serde_json::from_value(json).map_err(|e| e.to_string())
}

/// An optional argument: `undefined` or `null` gives the default. Read through JSON, so
/// unknown keys are checked wherever the type itself denies them.
fn optional<T: DeserializeOwned + Default>(
    value: Option<&JsValue>,
    name: &str,
) -> Result<T, InputErrors> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(T::default());
    };
    from_js(value).map_err(|e| invalid_argument(name, &e))
}

/// The error of an argument that cannot be read.
fn invalid_argument(name: &str, error: &dyn std::fmt::Display) -> InputErrors {
    InputErrors::one(InputError::invalid_argument(
        "",
        &format!("Tham số `{name}`"),
        &format!("the `{name}` argument"),
        error,
    ))
}

fn render(items: &[BatchItem]) -> Vec<BatchResult<'_>> {
    items
        .iter()
        .map(|item| match item {
            BatchItem::Decision(decision) => BatchResult::Decision(Success {
                ok: true,
                value: Box::new(decision.to_record()),
            }),
            BatchItem::Rejected(record) => BatchResult::Rejected(Rejected { ok: false, record }),
        })
        .collect()
}

/// Evaluates a batch given as an array (or its JSON text), with the quota when asked.
fn evaluate_batch(inputs: &JsValue, options: BatchOptions) -> Result<Batch, InputErrors> {
    evaluate_batch_json(&input_text(inputs, "")?, &options)
}

/// Gives the library its data files, once, before the other calls: `bundle` is the
/// text of `cadre_eval_data.json`, which the package ships beside the module. Until
/// then what needs them (most calls) answers with an error naming the missing data.
#[wasm_bindgen(js_name = loadData, unchecked_return_type = "Result<null>")]
pub fn load_data(bundle: &str) -> JsValue {
    respond(provide_shipped_data(bundle).and_then(|()| success(())))
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
    respond((|| {
        let evaluation: Options = optional(options.as_ref(), "options")?;
        let batch = evaluate_batch(
            &inputs,
            BatchOptions {
                evaluation,
                quota: None,
            },
        )?;
        success(render(&batch.items))
    })())
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
        let evaluation: Options = optional(options.as_ref(), "options")?;
        let batch = evaluate_batch(
            &inputs,
            BatchOptions {
                evaluation,
                quota: Some(quota),
            },
        )?;
        success(QuotaResult {
            items: render(&batch.items),
            groups: batch.groups,
            state_groups: batch.state_groups,
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
        let request: FormRequest = from_js(&request).map_err(|e| {
            InputErrors::one(InputError::invalid_argument(
                "",
                "Yêu cầu biểu mẫu",
                "the form request",
                &e,
            ))
        })?;
        success(form_schema_for(&request, profile.as_deref())?)
    })())
}

/// The conduct catalogue as shipped (documents, versions, items).
#[wasm_bindgen(js_name = conductCatalogue, unchecked_return_type = "Result<Catalogue>")]
pub fn conduct_catalogue() -> JsValue {
    respond((|| {
        let unreadable =
            |e: &dyn std::fmt::Display| InputErrors::one(InputError::catalogue_unreadable(e));
        cadre_eval::conduct_catalogue().map_err(|e| unreadable(&e))?;
        let value = serde_json::from_str::<serde_json::Value>(conduct_catalogue_json())
            .map_err(|e| unreadable(&e))?;
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
        let scope: ConductScope = from_js(&scope).map_err(|e| {
            InputErrors::one(InputError::invalid_argument(
                "/scope",
                "Phạm vi",
                "the scope",
                &e,
            ))
        })?;
        success(cadre_eval::conduct_items(&scope, on)?)
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
        success(what_would_change_json(&input_text(&input, "")?, &options)?)
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
        let request: CompareRequest = optional(options.as_ref(), "options")?;
        success(compare_json(&input_text(&input, "")?, &request.options()?)?)
    })())
}

/// A person's state and party levels side by side (`docs/state-regimes.md`,
/// "Comparison"): the records of one call, state and party (an array, or its JSON text),
/// evaluated without quota, a state record and a party record with one id being a pair.
/// Fails only when the input cannot be read, or the options are not valid.
#[wasm_bindgen(js_name = compareStateParty, unchecked_return_type = "Result<StatePartyComparison>")]
pub fn compare_state_party(
    #[wasm_bindgen(unchecked_param_type = "Assessment[] | string")] inputs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> JsValue {
    respond((|| {
        let options: Options = optional(options.as_ref(), "options")?;
        success(cadre_eval::compare_state_party(
            &input_text(&inputs, "")?,
            &options,
        )?)
    })())
}
