//! Reading requests: bodies by media type within the size limit, and query parameters
//! into the option types, each failure as the contract's error. Each extractor also
//! describes itself in the OpenAPI document.

use crate::reply::{media_type, ApiError};
use crate::state::AppState;
use aide::generate::GenContext;
use aide::openapi::{Operation, RequestBody};
use aide::operation::{add_parameters, parameters_from_schema, set_body, ParamLocation};
use aide::OperationInput;
use axum::body::Body;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use cadre_eval::{ErrorCode, InputError, InputErrors};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use std::marker::PhantomData;

/// The media types the service reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Media {
    /// `application/json` (or any `+json` type).
    Json,
    /// JSON Lines: `application/x-ndjson` or `application/jsonl`.
    JsonLines,
}

/// The JSON Lines media type the service writes.
pub const NDJSON: &str = "application/x-ndjson";

/// The body's media type, when it is one the service reads.
fn media(headers: &HeaderMap) -> Result<Media, Option<String>> {
    let Some(value) = headers.get(CONTENT_TYPE) else {
        return Err(None);
    };
    let text = value.to_str().unwrap_or("").to_owned();
    let essence = text
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "application/json" => Ok(Media::Json),
        "application/x-ndjson" | "application/jsonl" => Ok(Media::JsonLines),
        other if other.starts_with("application/") && other.ends_with("+json") => Ok(Media::Json),
        _ => Err(Some(text)),
    }
}

fn one(code: ErrorCode, vi: String, en: String) -> ApiError {
    ApiError::Input(InputErrors::one(InputError::new(code, "", vi, en)))
}

/// 413 for a body over `limit` bytes.
fn body_too_large(limit: usize) -> ApiError {
    one(
        ErrorCode::TooLarge,
        format!("Nội dung yêu cầu vượt giới hạn {limit} byte"),
        format!("the request body is over the limit of {limit} bytes"),
    )
}

/// The whole body as UTF-8 text (a leading byte-order mark dropped), at most `limit`
/// bytes.
pub async fn read_text(headers: &HeaderMap, body: Body, limit: usize) -> Result<String, ApiError> {
    let declared = headers
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(body_too_large(limit));
    }
    let bytes = match Limited::new(body, limit).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => {
            return Err(body_too_large(limit));
        }
        Err(error) if is_timeout(&*error) => return Err(ApiError::timeout()),
        Err(error) => {
            return Err(one(
                ErrorCode::InvalidJson,
                format!("Không đọc được nội dung yêu cầu: {error}"),
                format!("the request body could not be read: {error}"),
            ))
        }
    };
    let bytes = bytes
        .strip_prefix(crate::lines::UTF8_BOM)
        .unwrap_or(&bytes)
        .to_vec();
    String::from_utf8(bytes).map_err(|_| {
        one(
            ErrorCode::InvalidJson,
            "Nội dung yêu cầu không phải văn bản UTF-8".to_owned(),
            "the request body is not UTF-8 text".to_owned(),
        )
    })
}

/// Whether a body error is the request body timeout's (however wrapped: an I/O error's
/// inner error is not its `source`, so it is looked into too).
pub fn is_timeout(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(error) = current {
        if error.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        let inner = error
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .map(|inner| inner as &(dyn std::error::Error + 'static));
        current = inner.or_else(|| error.source());
    }
    false
}

/// A JSON body, read whole as text; `T` is the type its schema documents (the library
/// decodes the text itself, so that every problem is reported at once).
pub struct JsonText<T> {
    /// The body.
    pub text: String,
    schema: PhantomData<fn() -> T>,
}

impl<T> FromRequest<AppState> for JsonText<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let (parts, body) = request.into_parts();
        match media(&parts.headers) {
            Ok(Media::Json) => {}
            Ok(Media::JsonLines) => {
                return Err(ApiError::unsupported_media_type(
                    Some(NDJSON),
                    "application/json",
                ))
            }
            Err(got) => {
                return Err(ApiError::unsupported_media_type(
                    got.as_deref(),
                    "application/json",
                ))
            }
        }
        let text = read_text(&parts.headers, body, state.limits().max_body_bytes).await?;
        Ok(JsonText {
            text,
            schema: PhantomData,
        })
    }
}

/// A request body of `T` as JSON, and, when `lines` is given, of JSON Lines of it.
fn document_body<T: JsonSchema>(
    ctx: &mut GenContext,
    operation: &mut Operation,
    lines: Option<&str>,
) {
    let mut content = vec![(
        "application/json".to_owned(),
        media_type(ctx.schema.subschema_for::<T>()),
    )];
    if let Some(description) = lines {
        content.push((
            NDJSON.to_owned(),
            media_type(schemars::json_schema!({
                "type": "string",
                "description": description,
            })),
        ));
    }
    set_body(
        ctx,
        operation,
        RequestBody {
            description: None,
            content: content.into_iter().collect(),
            required: true,
            extensions: Default::default(),
        },
    );
}

impl<T: JsonSchema> OperationInput for JsonText<T> {
    fn operation_input(ctx: &mut GenContext, operation: &mut Operation) {
        document_body::<T>(ctx, operation, None);
    }
}

/// A batch of assessments: a JSON array read whole, or JSON Lines streamed.
pub enum BatchInput {
    /// A JSON array, as text.
    Array(String),
    /// JSON Lines, not yet read.
    Lines(Body),
}

impl FromRequest<AppState> for BatchInput {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let (parts, body) = request.into_parts();
        match media(&parts.headers) {
            Ok(Media::Json) => Ok(BatchInput::Array(
                read_text(&parts.headers, body, state.limits().max_body_bytes).await?,
            )),
            Ok(Media::JsonLines) => Ok(BatchInput::Lines(body)),
            Err(got) => Err(ApiError::unsupported_media_type(
                got.as_deref(),
                "application/json or application/x-ndjson",
            )),
        }
    }
}

impl OperationInput for BatchInput {
    fn operation_input(ctx: &mut GenContext, operation: &mut Operation) {
        document_body::<Vec<cadre_eval::Assessment>>(
            ctx,
            operation,
            Some("JSON Lines: one assessment (the schema of `Assessment`) per line, streamed; the answer is streamed as JSON Lines of `BatchEntry`."),
        );
    }
}

/// An organisation tree: one nested unit (JSON), or JSON Lines of units naming their
/// parents, read whole.
pub struct OrgInput {
    /// The body.
    pub text: String,
    /// Whether it is JSON Lines of units.
    pub json_lines: bool,
}

impl FromRequest<AppState> for OrgInput {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let (parts, body) = request.into_parts();
        let json_lines = match media(&parts.headers) {
            Ok(Media::Json) => false,
            Ok(Media::JsonLines) => true,
            Err(got) => {
                return Err(ApiError::unsupported_media_type(
                    got.as_deref(),
                    "application/json or application/x-ndjson",
                ))
            }
        };
        let text = read_text(&parts.headers, body, state.limits().max_body_bytes).await?;
        Ok(OrgInput { text, json_lines })
    }
}

impl OperationInput for OrgInput {
    fn operation_input(ctx: &mut GenContext, operation: &mut Operation) {
        document_body::<cadre_eval::UnitInput>(
            ctx,
            operation,
            Some("JSON Lines of units, each naming its `parent` (docs/organisation-trees.md)."),
        );
    }
}

/// Query parameters read into `T`; an unknown or unreadable parameter is a 400 naming
/// it (`?reading`).
pub struct Params<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or("");
        let deserializer = serde_html_form::Deserializer::from_bytes(query.as_bytes());
        serde_path_to_error::deserialize(deserializer)
            .map(Params)
            .map_err(|error| {
                let name = error.path().to_string();
                let path = if name == "." {
                    String::new()
                } else {
                    format!("?{name}")
                };
                let inner = error.into_inner();
                ApiError::Parameters(InputErrors::one(InputError::new(
                    ErrorCode::InvalidValue,
                    path,
                    format!("Tham số truy vấn không hợp lệ: {inner}"),
                    format!("a query parameter is not valid: {inner}"),
                )))
            })
    }
}

impl<T: JsonSchema> OperationInput for Params<T> {
    fn operation_input(ctx: &mut GenContext, operation: &mut Operation) {
        let schema = ctx.schema.subschema_for::<T>();
        let params = parameters_from_schema(ctx, schema, ParamLocation::Query);
        add_parameters(ctx, operation, params);
    }
}

/// What the middleware in front of every `/v1/` endpoint may answer instead of it: 401
/// (no or a wrong token), 408 (request timeout) and 503 (overloaded). Extracting it
/// does nothing; it is in each endpoint's signature so that the OpenAPI document lists
/// those answers for each operation.
pub struct Guarded;

impl<S: Send + Sync> FromRequestParts<S> for Guarded {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(_parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Guarded)
    }
}

impl OperationInput for Guarded {
    fn inferred_early_responses(
        ctx: &mut GenContext,
        _operation: &mut Operation,
    ) -> Vec<(Option<aide::openapi::StatusCode>, aide::openapi::Response)> {
        crate::reply::guard_responses(ctx)
    }
}
