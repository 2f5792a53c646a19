//! The endpoints: each converts the request, calls the engine adapter and converts the
//! answer. One endpoint per entry point of the library, under `/v1/`.

use crate::engine;
use crate::extract::{BatchInput, Guarded, JsonText, OrgInput, Params};
use crate::reply::ApiError;
use crate::state::AppState;
use crate::telemetry::{SharedTally, Tally};
use crate::wire::{
    BatchEntry, BatchResponse, CompareOrgParams, CompareOrgResponse, CompareParams,
    CompareResponse, ConductItemsRequest, EntryStatus, EvaluateResponse, EvaluationParams,
    FormSchemaParams, FormSchemaResponse, OrgParams, OrgResponse, PartialResponse, QuotaParams,
    QuotaResponse, RegimesResponse, RulesResponse, SchemaName, SchemaPath, WhatWouldChangeResponse,
};
use aide::generate::GenContext;
use aide::openapi::{Operation, Response as ApiResponse, StatusCode as ApiStatus};
use aide::OperationOutput;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cadre_eval::{
    ApplicableItem, Assessment, BatchOptions, CompareOptions, FormRequest, InputErrors,
    LeaderComponents, Options, OrgOptions, PartyRate, QuotaOptions, RegimeId, Rounding, StateCap,
    UnitInput,
};
use schemars::JsonSchema;
use std::sync::Arc;

/// A JSON answer with the records it evaluated and rejected, for the log and metrics.
pub struct Counted<T> {
    value: T,
    tally: Arc<Tally>,
}

impl<T> Counted<T> {
    fn new(value: T, evaluated: u64, rejected: u64) -> Counted<T> {
        let tally = Tally::default();
        tally.evaluated(evaluated);
        tally.rejected(rejected);
        Counted {
            value,
            tally: Arc::new(tally),
        }
    }
}

impl<T: serde::Serialize> IntoResponse for Counted<T> {
    fn into_response(self) -> Response {
        let mut response = crate::reply::json_response(StatusCode::OK, &self.value);
        response.extensions_mut().insert(SharedTally(self.tally));
        response
    }
}

impl<T: JsonSchema> OperationOutput for Counted<T> {
    type Inner = T;

    fn operation_response(ctx: &mut GenContext, operation: &mut Operation) -> Option<ApiResponse> {
        Json::<T>::operation_response(ctx, operation)
    }

    fn inferred_responses(
        ctx: &mut GenContext,
        operation: &mut Operation,
    ) -> Vec<(Option<ApiStatus>, ApiResponse)> {
        Json::<T>::inferred_responses(ctx, operation)
    }
}

/// An answer built by hand (a stream, or text served as it is), documented in the
/// OpenAPI document as `D` documents itself.
pub struct Documented<D> {
    response: Response,
    doc: std::marker::PhantomData<fn() -> D>,
}

impl<D> Documented<D> {
    fn new(response: Response) -> Documented<D> {
        Documented {
            response,
            doc: std::marker::PhantomData,
        }
    }
}

impl<D> IntoResponse for Documented<D> {
    fn into_response(self) -> Response {
        self.response
    }
}

impl<D: OperationOutput> OperationOutput for Documented<D> {
    type Inner = D::Inner;

    fn operation_response(ctx: &mut GenContext, operation: &mut Operation) -> Option<ApiResponse> {
        D::operation_response(ctx, operation)
    }

    fn inferred_responses(
        ctx: &mut GenContext,
        operation: &mut Operation,
    ) -> Vec<(Option<ApiStatus>, ApiResponse)> {
        D::inferred_responses(ctx, operation)
    }
}

/// The evaluation options of a parameter struct with the fields `reading`,
/// `basic_targets`, `state_cap`, `rounding` and `leader_components` (each route's own
/// struct: the query types cannot share a flattened part, see `wire.rs`).
macro_rules! options {
    ($params:expr) => {
        options(
            $params.reading,
            $params.basic_targets,
            (
                $params.state_cap,
                $params.rounding,
                $params.leader_components,
            ),
        )
    };
}

/// The evaluation options of query parameters: the readings and the options of state
/// records.
fn options(
    reading: Option<cadre_eval::Reading>,
    basic_targets: Option<cadre_eval::TargetsReading>,
    state: StateChoices,
) -> Options {
    Options {
        reading: reading.unwrap_or_default(),
        basic_targets: basic_targets.unwrap_or_default(),
        state_cap: state.0.unwrap_or_default(),
        rounding: state.1.unwrap_or_default(),
        leader_components: state.2.unwrap_or_default(),
    }
}

/// The state options of a query: `state_cap`, `rounding`, `leader_components`.
type StateChoices = (Option<StateCap>, Option<Rounding>, Option<LeaderComponents>);

/// The quota options of query parameters; a party rate that cannot be read exactly is
/// refused, naming its parameter.
fn quota_options(
    reading: Option<cadre_eval::QuotaReading>,
    raised: Vec<String>,
    recognised: Vec<String>,
    rates: &[String],
) -> Result<QuotaOptions, ApiError> {
    let party_excellent_rate = rates
        .iter()
        .map(|rate| PartyRate::parse_agency_rate("party_excellent_rate", rate))
        .collect::<Result<Vec<_>, _>>()
        .and_then(|rates| PartyRate::by_agency("party_excellent_rate", rates))
        .map_err(|error| ApiError::from(InputErrors::one(error)))?;
    Ok(QuotaOptions {
        reading: reading.unwrap_or_default(),
        raised_ratio_groups: raised,
        agency_recognised_excellent: recognised,
        party_excellent_rate,
    })
}

/// Runs CPU-bound work off the async workers, so that a large batch does not hold up
/// other requests (health checks included).
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|_| Err(ApiError::internal()))
}

/// Counts the error codes of rejected entries; returns (evaluated, rejected).
fn count_entries(state: &AppState, entries: &[BatchEntry]) -> (u64, u64) {
    let mut counts = (0, 0);
    for entry in entries {
        if entry.status == EntryStatus::Evaluated {
            counts.0 += 1;
        } else {
            counts.1 += 1;
            state
                .metrics()
                .count_codes(entry.errors.iter().map(|error| error.code.as_str()));
        }
    }
    counts
}

/// `POST /v1/evaluate`
pub async fn evaluate(
    _guarded: Guarded,
    State(state): State<AppState>,
    Params(params): Params<EvaluationParams>,
    body: JsonText<Assessment>,
) -> Result<Counted<EvaluateResponse>, ApiError> {
    let decision = engine::evaluate_one(&body.text, &options!(params))?;
    Ok(Counted::new(
        EvaluateResponse {
            provenance: state.provenance_of([&decision]),
            decision,
        },
        1,
        0,
    ))
}

/// `POST /v1/evaluate/batch`
pub async fn evaluate_batch(
    _guarded: Guarded,
    State(state): State<AppState>,
    Params(params): Params<EvaluationParams>,
    body: BatchInput,
) -> Result<Documented<BatchAnswer>, ApiError> {
    let options = options!(params);
    let text = match body {
        BatchInput::Lines(body) => {
            return Ok(Documented::new(
                crate::stream::evaluate_lines(&state, body, options).await,
            ));
        }
        BatchInput::Array(text) => text,
    };
    let max_records = state.limits().max_records;
    let worker = state.clone();
    blocking(move || {
        let batch = BatchOptions {
            evaluation: options,
            quota: None,
        };
        let (items, _, _) = engine::evaluate_batch(&text, &batch, max_records)?;
        let (evaluated, rejected) = count_entries(&worker, &items);
        let provenance = worker.provenance_of(items.iter().filter_map(|e| e.decision.as_deref()));
        Ok(Counted::new(
            BatchResponse {
                provenance,
                evaluated: evaluated as usize,
                rejected: rejected as usize,
                items,
            },
            evaluated,
            rejected,
        )
        .into_response())
    })
    .await
    .map(Documented::new)
}

/// Documents `POST /v1/evaluate/batch`'s answer: JSON, or JSON Lines when JSON Lines
/// were sent.
pub struct BatchAnswer;

impl OperationOutput for BatchAnswer {
    type Inner = BatchResponse;

    fn operation_response(ctx: &mut GenContext, operation: &mut Operation) -> Option<ApiResponse> {
        let mut response = Json::<BatchResponse>::operation_response(ctx, operation)?;
        let entry = ctx.schema.subschema_for::<BatchEntry>();
        response.content.insert(
            crate::extract::NDJSON.to_owned(),
            crate::reply::media_type(schemars::json_schema!({
                "type": "string",
                "description": format!(
                    "JSON Lines, when JSON Lines were sent: one `BatchEntry` per line ({}), streamed in input order; a last line with status `aborted` when the stream stopped early.",
                    entry.get("$ref").and_then(|r| r.as_str()).unwrap_or("BatchEntry")
                ),
            })),
        );
        response.description =
            "Every record's result in input order: a JSON object for a JSON array, JSON Lines for JSON Lines.".to_owned();
        Some(response)
    }

    fn inferred_responses(
        ctx: &mut GenContext,
        operation: &mut Operation,
    ) -> Vec<(Option<ApiStatus>, ApiResponse)> {
        Self::operation_response(ctx, operation)
            .map(|response| vec![(Some(ApiStatus::Code(200)), response)])
            .unwrap_or_default()
    }
}

/// `POST /v1/quota`
pub async fn quota(
    _guarded: Guarded,
    State(state): State<AppState>,
    Params(params): Params<QuotaParams>,
    body: JsonText<Vec<Assessment>>,
) -> Result<Counted<QuotaResponse>, ApiError> {
    let options = options!(params);
    let quota = quota_options(
        params.quota_reading,
        params.raised_ratio_group,
        params.recognised_agency,
        &params.party_excellent_rate,
    )?;
    let max_records = state.limits().max_records;
    let worker = state.clone();
    blocking(move || {
        let batch = BatchOptions {
            evaluation: options,
            quota: Some(quota),
        };
        let (items, groups, state_groups) =
            engine::evaluate_batch(&body.text, &batch, max_records)?;
        let (evaluated, rejected) = count_entries(&worker, &items);
        let provenance = worker.provenance_of(items.iter().filter_map(|e| e.decision.as_deref()));
        Ok(Counted::new(
            QuotaResponse {
                provenance,
                evaluated: evaluated as usize,
                rejected: rejected as usize,
                items,
                groups,
                state_groups,
            },
            evaluated,
            rejected,
        ))
    })
    .await
}

/// `POST /v1/org`
pub async fn org(
    _guarded: Guarded,
    State(state): State<AppState>,
    Params(params): Params<OrgParams>,
    body: OrgInput,
) -> Result<Counted<OrgResponse>, ApiError> {
    let options = OrgOptions {
        evaluation: options!(params),
        quota: if params.no_quota {
            None
        } else {
            Some(quota_options(
                params.quota_reading,
                params.raised_ratio_group,
                params.recognised_agency,
                &params.party_excellent_rate,
            )?)
        },
        keep_decisions: params.records.unwrap_or(!body.json_lines),
        ..OrgOptions::default()
    };
    let worker = state.clone();
    blocking(move || {
        let result = engine::evaluate_org(&body.text, body.json_lines, options)?;
        let records = engine::org_records(&result);
        let rejected = result.report.rejected.len() as u64;
        for entry in &result.report.rejected {
            worker
                .metrics()
                .count_codes(entry.errors.iter().map(|error| error.code.as_str()));
        }
        let evaluated = result.report.total.records;
        Ok(Counted::new(
            OrgResponse {
                provenance: worker.provenance_of(records.iter().map(|r| &r.decision)),
                report: result.report,
                records,
            },
            evaluated,
            rejected,
        ))
    })
    .await
}

/// The comparison options of query parameters; a regime named twice is compared once.
fn compare_options(
    regimes: Vec<RegimeId>,
    grades_from_points: Option<cadre_eval::GradeMapping>,
    evaluation: Options,
) -> CompareOptions {
    let mut options = CompareOptions {
        grades_from_points,
        evaluation,
        ..CompareOptions::default()
    };
    if !regimes.is_empty() {
        let mut unique: Vec<RegimeId> = Vec::with_capacity(regimes.len());
        for regime in regimes {
            if !unique.contains(&regime) {
                unique.push(regime);
            }
        }
        options.regimes = unique;
    }
    options
}

/// `POST /v1/compare`
pub async fn compare(
    _guarded: Guarded,
    State(state): State<AppState>,
    Params(params): Params<CompareParams>,
    body: JsonText<Assessment>,
) -> Result<Counted<CompareResponse>, ApiError> {
    let options = compare_options(params.regimes, params.grades_from_points, options!(params));
    let comparison = engine::compare(&body.text, &options)?;
    let provenance = state.provenance_of(
        comparison
            .results
            .iter()
            .filter_map(|r| r.decision.as_ref()),
    );
    Ok(Counted::new(
        CompareResponse {
            provenance,
            comparison,
        },
        1,
        0,
    ))
}

/// `POST /v1/compare/org`
pub async fn compare_org(
    _guarded: Guarded,
    State(state): State<AppState>,
    Params(params): Params<CompareOrgParams>,
    body: JsonText<UnitInput>,
) -> Result<Counted<CompareOrgResponse>, ApiError> {
    let options = compare_options(
        params.regimes,
        params.grades_from_points,
        options(params.reading, params.basic_targets, (None, None, None)),
    );
    let quota = if params.no_quota {
        None
    } else {
        Some(quota_options(
            params.quota_reading,
            params.raised_ratio_group,
            Vec::new(),
            &[],
        )?)
    };
    let worker = state.clone();
    blocking(move || {
        let comparison = engine::compare_org(&body.text, &options, quota)?;
        let mut provenance = worker.provenance();
        provenance.regimes = comparison.regimes.iter().map(|r| r.regime.id).collect();
        let records = comparison.records.len() as u64;
        Ok(Counted::new(
            CompareOrgResponse {
                provenance,
                comparison,
            },
            records,
            0,
        ))
    })
    .await
}

/// `POST /v1/partial`
pub async fn partial(
    _guarded: Guarded,
    State(state): State<AppState>,
    Params(params): Params<EvaluationParams>,
    body: JsonText<Assessment>,
) -> Result<Counted<PartialResponse>, ApiError> {
    let partial = engine::partial(&body.text, &options!(params))?;
    Ok(Counted::new(
        PartialResponse {
            provenance: state.provenance(),
            partial,
        },
        1,
        0,
    ))
}

/// `POST /v1/what-would-change`
pub async fn what_would_change(
    _guarded: Guarded,
    State(state): State<AppState>,
    Params(params): Params<EvaluationParams>,
    body: JsonText<Assessment>,
) -> Result<Counted<WhatWouldChangeResponse>, ApiError> {
    let change = engine::what_would_change(&body.text, &options!(params))?;
    Ok(Counted::new(
        WhatWouldChangeResponse {
            provenance: state.provenance_of([&change.decision]),
            decision: change.decision,
            what_would_change: change.what_would_change,
        },
        1,
        0,
    ))
}

/// Decodes a small JSON request of the service's own (form requests, conduct scopes),
/// every problem named by its JSON Pointer.
fn decode<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." {
            String::new()
        } else {
            format!("/{}", path.replace('.', "/"))
        };
        let inner = error.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            // Its kind and place in words of both languages (issue 16).
            return ApiError::Input(InputErrors::one(cadre_eval::InputError::invalid_json(
                path, &inner,
            )));
        }
        ApiError::Input(InputErrors::one(cadre_eval::InputError::new(
            cadre_eval::ErrorCode::InvalidValue,
            path,
            format!("Yêu cầu không hợp lệ: {inner}"),
            format!("the request is not valid: {inner}"),
        )))
    })?;
    deserializer.end().map_err(|error| {
        ApiError::Input(InputErrors::one(cadre_eval::InputError::invalid_json(
            "", &error,
        )))
    })?;
    // Fields the types do not define are errors, as everywhere in the contract (some
    // of the library's request types leave that check to their JSON Schema).
    let mut unknown = Vec::new();
    let mut again = serde_json::Deserializer::from_str(text);
    let _: Result<T, _> = serde_ignored::deserialize(&mut again, |path| {
        unknown.push(cadre_eval::InputError::new(
            cadre_eval::ErrorCode::UnknownField,
            format!("/{}", path.to_string().replace('.', "/")),
            format!("Trường `{path}` không có trong hợp đồng"),
            format!("the contract has no field `{path}`"),
        ));
    });
    if !unknown.is_empty() {
        return Err(ApiError::Input(InputErrors(unknown)));
    }
    Ok(value)
}

/// `POST /v1/form-schema`
pub async fn form_schema(
    _guarded: Guarded,
    State(state): State<AppState>,
    Params(params): Params<FormSchemaParams>,
    body: JsonText<FormRequest>,
) -> Result<Counted<FormSchemaResponse>, ApiError> {
    let request: FormRequest = decode(&body.text)?;
    let form = engine::form_schema(&request, params.profile.as_deref())?;
    Ok(Counted::new(
        FormSchemaResponse {
            provenance: state.provenance(),
            form,
        },
        0,
        0,
    ))
}

/// `GET /v1/conduct`: the catalogue as shipped.
pub async fn conduct_catalogue(_guarded: Guarded) -> Documented<Json<cadre_eval::Catalogue>> {
    Documented::new(
        (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            engine::conduct_catalogue_json(),
        )
            .into_response(),
    )
}

/// `POST /v1/conduct/items`
pub async fn conduct_items(
    _guarded: Guarded,
    body: JsonText<ConductItemsRequest>,
) -> Result<Json<Vec<ApplicableItem<'static>>>, ApiError> {
    let request: ConductItemsRequest = decode(&body.text)?;
    Ok(Json(engine::conduct_items(&request)?))
}

/// `GET /v1/rules`
pub async fn rules(_guarded: Guarded, State(state): State<AppState>) -> Json<RulesResponse> {
    Json(RulesResponse {
        provenance: state.provenance(),
        rules: engine::rule_catalogue(),
    })
}

/// `GET /v1/regimes`
pub async fn regimes(_guarded: Guarded, State(state): State<AppState>) -> Json<RegimesResponse> {
    Json(RegimesResponse {
        provenance: state.provenance(),
        regimes: engine::regimes(),
        criteria_profiles: engine::criteria_profile_ids()
            .iter()
            .map(|id| (*id).to_owned())
            .collect(),
    })
}

/// `GET /v1/catalogue`: the document whose SHA-256 is `catalogue_sha256`.
pub async fn catalogue(
    _guarded: Guarded,
    State(state): State<AppState>,
) -> Documented<Json<cadre_eval::CatalogueDocument>> {
    Documented::new(
        (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            state.catalogue(),
        )
            .into_response(),
    )
}

/// The `{name}` of `/v1/schemas/{name}`: a name the service does not publish is a 404
/// in the contract's error shape.
pub struct SchemaNameParam(pub SchemaName);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for SchemaNameParam {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        let not_found = |name: &str| {
            ApiError::service(
                crate::wire::ServiceCode::NotFound,
                "/name",
                format!("Không có lược đồ `{name}`"),
                format!("no schema `{name}`"),
            )
        };
        let Path(name) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| not_found(""))?;
        serde_json::from_value(serde_json::Value::String(name.clone()))
            .map(SchemaNameParam)
            .map_err(|_| not_found(&name))
    }
}

impl aide::OperationInput for SchemaNameParam {
    fn operation_input(ctx: &mut GenContext, operation: &mut Operation) {
        Path::<SchemaPath>::operation_input(ctx, operation);
    }

    fn inferred_early_responses(
        ctx: &mut GenContext,
        _operation: &mut Operation,
    ) -> Vec<(Option<ApiStatus>, ApiResponse)> {
        let mut response =
            Json::<crate::wire::ServiceErrorResponse>::operation_response(ctx, _operation)
                .unwrap_or_default();
        response.description = "No schema of that name (`not_found`).".to_owned();
        vec![(Some(ApiStatus::Code(404)), response)]
    }
}

/// `GET /v1/schemas/{name}`
pub async fn schema(
    _guarded: Guarded,
    SchemaNameParam(name): SchemaNameParam,
) -> Json<serde_json::Value> {
    Json(engine::contract_schema(name))
}
