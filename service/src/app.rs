//! The router: every endpoint with its documentation, the middleware around them, and
//! the OpenAPI document generated from the handlers' types (aide over schemars, the
//! same schemas the library publishes).

use crate::auth::require_token;
use crate::form::{form_router, FormDirs};
use crate::overload::shed_when_late;
use crate::reply::ApiError;
use crate::routes;
use crate::state::AppState;
use crate::telemetry::observe;
use aide::axum::routing::{get_with, post_with};
use aide::axum::ApiRouter;
use aide::openapi::{OpenApi, ReferenceOr, SecurityScheme, Server, Tag};
use aide::transform::TransformOperation;
use axum::error_handling::HandleErrorLayer;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{BoxError, Router};
use bytes::Bytes;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;

/// The security scheme's name in the document.
const BEARER: &str = "bearer";

/// An example assessment (the library's own first example): a member of 2025.
pub const EXAMPLE_ASSESSMENT: &str = r#"{
  "id": "dv-0042",
  "period": { "year": 2025 },
  "subject": { "kind": "member", "admitted_on": "2019-05-19" },
  "score": { "general": 27.5, "task_results": 63 },
  "tasks": { "assigned": 12, "completed": 12, "on_time": 12, "exceeded": 3 }
}"#;

/// Sets the example of the request body (every media type that is JSON).
fn request_example(
    op: TransformOperation<'_>,
    example: serde_json::Value,
) -> TransformOperation<'_> {
    let mut op = op;
    if let Some(ReferenceOr::Item(body)) = op.inner_mut().request_body.as_mut() {
        if let Some(media) = body.content.get_mut("application/json") {
            media.example = Some(example);
        }
    }
    op
}

/// Sets the example of the 200 answer.
fn response_example(
    op: TransformOperation<'_>,
    example: serde_json::Value,
) -> TransformOperation<'_> {
    let mut op = op;
    if let Some(responses) = op.inner_mut().responses.as_mut() {
        if let Some(ReferenceOr::Item(response)) = responses
            .responses
            .get_mut(&aide::openapi::StatusCode::Code(200))
        {
            if let Some(media) = response.content.get_mut("application/json") {
                media.example = Some(example);
            }
        }
    }
    op
}

fn example_assessment() -> serde_json::Value {
    serde_json::from_str(EXAMPLE_ASSESSMENT).unwrap_or_default()
}

/// The answer of `POST /v1/evaluate` to the example, computed by the engine itself.
fn example_evaluation(state: &AppState) -> serde_json::Value {
    let options = cadre_eval::Options::default();
    crate::engine::evaluate_one(EXAMPLE_ASSESSMENT, &options)
        .ok()
        .and_then(|decision| {
            serde_json::to_value(crate::wire::EvaluateResponse {
                provenance: state.provenance_of([&decision]),
                decision,
            })
            .ok()
        })
        .unwrap_or_default()
}

/// The `/v1/` endpoints with their documentation.
fn v1(state: &AppState) -> ApiRouter<AppState> {
    let evaluation_example = example_evaluation(state);
    ApiRouter::new()
        .api_route(
            "/v1/evaluate",
            post_with(routes::evaluate, move |op| {
                let op = op
                    .id("evaluate")
                    .tag("evaluate")
                    .summary("Evaluate one assessment")
                    .description("The proposed level of one assessment (the contract's JSON), with every reason, rule id and citation. Invalid records answer 422 with every problem and its JSON Pointer.")
                    .security_requirement(BEARER);
                let op = request_example(op, example_assessment());
                response_example(op, evaluation_example.clone())
            }),
        )
        .api_route(
            "/v1/evaluate/batch",
            post_with(routes::evaluate_batch, |op| {
                let op = op
                    .id("evaluateBatch")
                    .tag("evaluate")
                    .summary("Evaluate many assessments: a JSON array, or JSON Lines streamed")
                    .description("Each record is evaluated on its own; a bad record is reported (index, id, errors) and the others are still evaluated. A JSON array answers one JSON object; JSON Lines (`application/x-ndjson`) are read and answered line by line in bounded memory, one `BatchEntry` per input record.")
                    .security_requirement(BEARER);
                request_example(op, serde_json::Value::Array(vec![example_assessment()]))
            }),
        )
        .api_route(
            "/v1/quota",
            post_with(routes::quota, |op| {
                let op = op
                    .id("evaluateWithQuota")
                    .tag("evaluate")
                    .summary("Evaluate a batch and apply the Excellent quota per group")
                    .description("The batch's records are evaluated, then at most 20% (or 25% for a raised group) of each quota group's Good count stays Excellent (qd366.11.1.quota); demotions and ties are explained in the decisions.")
                    .security_requirement(BEARER);
                request_example(op, serde_json::Value::Array(vec![example_assessment()]))
            }),
        )
        .api_route(
            "/v1/org",
            post_with(routes::org, |op| {
                op.id("evaluateOrganisation")
                    .tag("organisation")
                    .summary("Evaluate an organisation tree")
                    .description("One nested unit (JSON) or JSON Lines of units naming their parents (docs/organisation-trees.md): records in the order of Art. 12.2, facts derived from the tree, the Excellent quota per group, and a report per unit.")
                    .security_requirement(BEARER)
            }),
        )
        .api_route(
            "/v1/compare",
            post_with(routes::compare, |op| {
                let op = op
                    .id("compare")
                    .tag("compare")
                    .summary("Compare one assessment under several regimes")
                    .description("The record under QĐ 366, QĐ 124 and QĐ 132 (or the regimes named): each regime's decision or errors, and topic by topic what differs and why.")
                    .security_requirement(BEARER);
                request_example(op, example_assessment())
            }),
        )
        .api_route(
            "/v1/compare/org",
            post_with(routes::compare_org, |op| {
                op.id("compareOrganisation")
                    .tag("compare")
                    .summary("Compare an organisation tree under several regimes")
                    .security_requirement(BEARER)
            }),
        )
        .api_route(
            "/v1/partial",
            post_with(routes::partial, |op| {
                op.id("evaluatePartial")
                    .tag("form")
                    .summary("Evaluate an assessment still being filled in")
                    .description("The lowest and highest level still reachable, and which unanswered fields can still change the result.")
                    .security_requirement(BEARER)
            }),
        )
        .api_route(
            "/v1/what-would-change",
            post_with(routes::what_would_change, |op| {
                let op = op
                    .id("whatWouldChange")
                    .tag("form")
                    .summary("The decision and the smallest changes that reach each higher level")
                    .security_requirement(BEARER);
                request_example(op, example_assessment())
            }),
        )
        .api_route(
            "/v1/form-schema",
            post_with(routes::form_schema, |op| {
                let op = op
                    .id("formSchema")
                    .tag("form")
                    .summary("The self-assessment form for a subject (Mẫu 2A, 2B, 2C, 01)")
                    .security_requirement(BEARER);
                request_example(op, serde_json::json!({ "kind": "member", "on": "2025-12-31" }))
            }),
        )
        .api_route(
            "/v1/conduct",
            get_with(routes::conduct_catalogue, |op| {
                op.id("conductCatalogue")
                    .tag("catalogues")
                    .summary("The conduct catalogue (documents, versions, items)")
                    .security_requirement(BEARER)
            }),
        )
        .api_route(
            "/v1/conduct/items",
            post_with(routes::conduct_items, |op| {
                let op = op
                    .id("conductItems")
                    .tag("catalogues")
                    .summary("The conduct items that apply to a person on a day")
                    .security_requirement(BEARER);
                request_example(op, serde_json::json!({ "scope": { "subject": "member" }, "on": "2025-12-31" }))
            }),
        )
        .api_route(
            "/v1/rules",
            get_with(routes::rules, |op| {
                op.id("rules")
                    .tag("catalogues")
                    .summary("Every rule the library applies: id, citation and basis")
                    .security_requirement(BEARER)
            }),
        )
        .api_route(
            "/v1/regimes",
            get_with(routes::regimes, |op| {
                op.id("regimes")
                    .tag("catalogues")
                    .summary("The regimes, their documents and spans, and the criteria profiles")
                    .security_requirement(BEARER)
            }),
        )
        .api_route(
            "/v1/catalogue",
            get_with(routes::catalogue, |op| {
                op.id("catalogue")
                    .tag("catalogues")
                    .summary("The catalogue document whose SHA-256 is every response's `catalogue_sha256`")
                    .security_requirement(BEARER)
            }),
        )
        .api_route(
            "/v1/schemas/{name}",
            get_with(routes::schema, |op| {
                op.id("contractSchema")
                    .tag("catalogues")
                    .summary("The JSON Schema of a contract record")
                    .security_requirement(BEARER)
            }),
        )
}

/// The OpenAPI document's frame: title, version, security scheme, tags.
fn describe(api: aide::transform::TransformOpenApi<'_>) -> aide::transform::TransformOpenApi<'_> {
    let tag = |name: &str, description: &str| Tag {
        name: name.to_owned(),
        description: Some(description.to_owned()),
        ..Tag::default()
    };
    api.title("cadre-eval")
        .version(crate::engine::ENGINE_VERSION)
        .description(
            "Assessment and quality classification (kiểm điểm, đánh giá, xếp loại chất lượng) of party organisations and members under QĐ 366-QĐ/TW (2025), QĐ 124-QĐ/TW (2023) and QĐ 132-QĐ/TW (2018): a proposed level with every reason, rule id and citation. Stateless: every request carries what it needs. Every response carries the engine version and the catalogue's SHA-256 in headers (`cadre-engine-version`, `cadre-catalogue-sha256`) and, for `/v1/` results, a `provenance` object. Errors are `{\"errors\": [{code, path, message: {vi, en}}]}`.",
        )
        .security_scheme(
            BEARER,
            SecurityScheme::Http {
                scheme: "bearer".to_owned(),
                bearer_format: None,
                description: Some("A token of the service's token file (`--token-file`).".to_owned()),
                extensions: Default::default(),
            },
        )
        .server(Server {
            url: "/".to_owned(),
            ..Server::default()
        })
        .tag(tag("evaluate", "Evaluation of assessments"))
        .tag(tag("organisation", "Organisation trees"))
        .tag(tag("compare", "Comparison of regimes"))
        .tag(tag("form", "The self-assessment side"))
        .tag(tag("catalogues", "What the library applies: rules, regimes, conduct, schemas"))
}

/// `503 overloaded` for load shedding, `408` for the request timeout.
async fn handle_layer_error(error: BoxError) -> Response {
    if error.is::<tower::timeout::error::Elapsed>() {
        ApiError::timeout().into_response()
    } else if error.is::<tower::load_shed::error::Overloaded>() {
        ApiError::overloaded().into_response()
    } else {
        ApiError::internal().into_response()
    }
}

async fn not_found() -> Response {
    ApiError::service(
        crate::wire::ServiceCode::NotFound,
        "",
        "Không có điểm truy cập này; xem /openapi.json".to_owned(),
        "no such endpoint; see /openapi.json".to_owned(),
    )
    .into_response()
}

async fn method_not_allowed() -> Response {
    ApiError::service(
        crate::wire::ServiceCode::MethodNotAllowed,
        "",
        "Điểm truy cập này không nhận phương thức này; xem /openapi.json".to_owned(),
        "this endpoint does not take this method; see /openapi.json".to_owned(),
    )
    .into_response()
}

async fn healthz() -> &'static str {
    "ok\n"
}

async fn readyz(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    if state.is_ready() {
        (StatusCode::OK, "ready\n").into_response()
    } else {
        ApiError::service(
            crate::wire::ServiceCode::ShuttingDown,
            "",
            "Dịch vụ đang dừng".to_owned(),
            "the service is shutting down".to_owned(),
        )
        .into_response()
    }
}

async fn metrics(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        state.metrics().encode(state.queue_delay().current()),
    )
        .into_response()
}

/// Content Security Policy of every answer: only this origin; WebAssembly may be
/// compiled (`'wasm-unsafe-eval'`), nothing else evaluated; no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The whole service: the `/v1/` API, health, metrics, the OpenAPI document and the
/// form, with every middleware.
pub fn app(state: AppState, form: Option<FormDirs>) -> Router {
    let mut api = OpenApi::default();
    aide::generate::infer_responses(true);
    aide::generate::extract_schemas(true);
    let limits = state.limits().clone();
    let v1 = v1(&state)
        .finish_api_with(&mut api, describe)
        .layer(RequestBodyTimeoutLayer::new(limits.request_timeout))
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(handle_layer_error))
                .load_shed()
                .concurrency_limit(limits.max_concurrent_requests)
                .timeout(limits.request_timeout),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(from_fn_with_state(state.clone(), require_token))
        .layer(from_fn_with_state(state.clone(), shed_when_late));
    let document = Bytes::from(serde_json::to_vec(&api).unwrap_or_default());
    let metrics_route = Router::new()
        .route("/metrics", get(metrics))
        .layer(from_fn_with_state(state.clone(), require_token));
    let mut router = Router::new()
        .merge(v1)
        .merge(metrics_route)
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route(
            "/openapi.json",
            get(move || {
                let document = document.clone();
                async move {
                    (
                        [(
                            header::CONTENT_TYPE,
                            HeaderValue::from_static("application/json"),
                        )],
                        document,
                    )
                }
            }),
        );
    router = match form {
        Some(form) => router.fallback_service(form_router(form)),
        None => router.fallback(not_found),
    };
    let provenance = state.provenance();
    let header_value =
        |text: &str| HeaderValue::from_str(text).unwrap_or(HeaderValue::from_static(""));
    let request_id = HeaderName::from_static("x-request-id");
    router
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state.clone())
        .layer(CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| ApiError::internal().into_response(),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cadre-engine-version"),
            header_value(&provenance.engine_version),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cadre-catalogue-sha256"),
            header_value(&provenance.catalogue_sha256),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(from_fn_with_state(state, observe))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}
