//! Error responses: the contract's input errors and the service's own refusals, each
//! mapped to its HTTP status, as JSON in the shape `{ "errors": [ {code, path,
//! message: {vi, en}} ] }`.

use crate::wire::{ErrorResponse, ServiceCode, ServiceError, ServiceErrorResponse};
use aide::generate::GenContext;
use aide::openapi::{
    MediaType, Operation, Response as ApiResponse, SchemaObject, StatusCode as ApiStatus,
};
use aide::OperationOutput;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cadre_eval::{ErrorCode, InputErrors, Text};
use schemars::JsonSchema;

/// Codes of the errors a response carries, for the rejection counters
/// (`cadre_rejections_total`).
#[derive(Debug, Clone, Default)]
pub struct RejectionCodes(pub Vec<&'static str>);

/// Why a request was not answered with its result.
#[derive(Debug)]
pub enum ApiError {
    /// The input: 400 (malformed), 413 (too large) or 422 (invalid).
    Input(InputErrors),
    /// The request's parameters (query, path): 400, whatever the code.
    Parameters(InputErrors),
    /// The request itself.
    Service(ServiceCode, ServiceError),
}

impl ApiError {
    /// A refusal with its code and message.
    pub fn service(code: ServiceCode, path: &str, vi: String, en: String) -> ApiError {
        ApiError::Service(
            code,
            ServiceError {
                code,
                path: path.to_owned(),
                message: Text::new(vi, en),
            },
        )
    }

    /// 415: the body is not of a media type the endpoint reads.
    pub fn unsupported_media_type(got: Option<&str>, wanted: &str) -> ApiError {
        let got = got.unwrap_or("(none)");
        ApiError::service(
            ServiceCode::UnsupportedMediaType,
            "content-type",
            format!("Kiểu nội dung `{got}` không được nhận ở đây; hãy gửi {wanted}"),
            format!("content type `{got}` is not read here; send {wanted}"),
        )
    }

    /// 401.
    pub fn unauthorized() -> ApiError {
        ApiError::service(
            ServiceCode::Unauthorized,
            "authorization",
            "Cần mã truy cập hợp lệ: Authorization: Bearer <mã>".to_owned(),
            "a valid bearer token is needed: Authorization: Bearer <token>".to_owned(),
        )
    }

    /// 503: too many requests in flight.
    pub fn overloaded() -> ApiError {
        ApiError::service(
            ServiceCode::Overloaded,
            "",
            "Dịch vụ đang quá tải; hãy thử lại sau".to_owned(),
            "the service is overloaded; retry later".to_owned(),
        )
    }

    /// 408: the request did not complete in time.
    pub fn timeout() -> ApiError {
        ApiError::service(
            ServiceCode::RequestTimeout,
            "",
            "Yêu cầu không hoàn tất trong thời gian cho phép".to_owned(),
            "the request did not complete in the time allowed".to_owned(),
        )
    }

    /// 500.
    pub fn internal() -> ApiError {
        ApiError::service(
            ServiceCode::Internal,
            "",
            "Lỗi của dịch vụ; mã yêu cầu trong nhật ký cho biết chi tiết".to_owned(),
            "a fault of the service; the request id in the logs tells more".to_owned(),
        )
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Input(errors) => input_status(errors),
            ApiError::Parameters(_) => StatusCode::BAD_REQUEST,
            ApiError::Service(code, _) => service_status(*code),
        }
    }
}

/// 413 when anything is over a size limit, 400 when the text cannot be read as JSON,
/// else 422: the JSON was read and breaks the contract.
fn input_status(errors: &InputErrors) -> StatusCode {
    let has = |code: ErrorCode| errors.errors().iter().any(|e| e.code == code);
    if has(ErrorCode::TooLarge) {
        StatusCode::PAYLOAD_TOO_LARGE
    } else if has(ErrorCode::InvalidJson) {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

fn service_status(code: ServiceCode) -> StatusCode {
    match code {
        ServiceCode::Unauthorized => StatusCode::UNAUTHORIZED,
        ServiceCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ServiceCode::NotFound => StatusCode::NOT_FOUND,
        ServiceCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        ServiceCode::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
        ServiceCode::Overloaded | ServiceCode::ShuttingDown => StatusCode::SERVICE_UNAVAILABLE,
        ServiceCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The code as written in JSON, for the counters.
fn service_code_name(code: ServiceCode) -> &'static str {
    match code {
        ServiceCode::Unauthorized => "unauthorized",
        ServiceCode::UnsupportedMediaType => "unsupported_media_type",
        ServiceCode::NotFound => "not_found",
        ServiceCode::MethodNotAllowed => "method_not_allowed",
        ServiceCode::RequestTimeout => "request_timeout",
        ServiceCode::Overloaded => "overloaded",
        ServiceCode::ShuttingDown => "shutting_down",
        ServiceCode::Internal => "internal",
    }
}

impl From<InputErrors> for ApiError {
    fn from(errors: InputErrors) -> ApiError {
        ApiError::Input(errors)
    }
}

/// A JSON response of a serialized value (serializing the contract's types cannot fail;
/// should it, a 500 with the contract's error shape).
pub fn json_response(status: StatusCode, value: &impl serde::Serialize) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response(),
        Err(_) => ApiError::internal().into_response(),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let (mut response, codes) = match self {
            ApiError::Input(errors) | ApiError::Parameters(errors) => {
                let codes = errors.errors().iter().map(|e| e.code.as_str()).collect();
                (
                    json_response(status, &ErrorResponse { errors: errors.0 }),
                    codes,
                )
            }
            ApiError::Service(code, error) => (
                json_response(
                    status,
                    &ServiceErrorResponse {
                        errors: vec![error],
                    },
                ),
                vec![service_code_name(code)],
            ),
        };
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response.extensions_mut().insert(RejectionCodes(codes));
        response
    }
}

/// A media type whose content has this schema.
pub fn media_type(json_schema: schemars::Schema) -> MediaType {
    MediaType {
        schema: Some(SchemaObject {
            json_schema,
            example: None,
            external_docs: None,
        }),
        ..Default::default()
    }
}

/// A documented response of `T` as JSON.
fn json_doc<T: JsonSchema>(ctx: &mut GenContext, description: &str) -> ApiResponse {
    ApiResponse {
        description: description.to_owned(),
        content: [(
            "application/json".to_owned(),
            media_type(ctx.schema.subschema_for::<T>()),
        )]
        .into_iter()
        .collect(),
        ..Default::default()
    }
}

/// The documented answers of the middleware: 401, 408, 503.
pub fn guard_responses(ctx: &mut GenContext) -> Vec<(Option<ApiStatus>, ApiResponse)> {
    let service = |ctx: &mut GenContext, status: u16, description: &str| {
        (
            Some(ApiStatus::Code(status)),
            json_doc::<ServiceErrorResponse>(ctx, description),
        )
    };
    vec![
        service(
            ctx,
            401,
            "No bearer token, or a wrong one (`unauthorized`).",
        ),
        service(
            ctx,
            408,
            "The request did not complete in time (`request_timeout`).",
        ),
        service(
            ctx,
            503,
            "Too many requests in flight (`overloaded`); retry after `Retry-After` seconds.",
        ),
    ]
}

impl OperationOutput for ApiError {
    type Inner = ErrorResponse;

    fn inferred_responses(
        ctx: &mut GenContext,
        _operation: &mut Operation,
    ) -> Vec<(Option<ApiStatus>, ApiResponse)> {
        let input = |ctx: &mut GenContext, status: u16, description: &str| {
            (
                Some(ApiStatus::Code(status)),
                json_doc::<ErrorResponse>(ctx, description),
            )
        };
        vec![
            input(
                ctx,
                400,
                "The body or a query parameter cannot be read (`invalid_json`, `invalid_value`).",
            ),
            input(
                ctx,
                413,
                "Over a size limit: body, records per request, record (`too_large`).",
            ),
            (
                Some(ApiStatus::Code(415)),
                json_doc::<ServiceErrorResponse>(
                    ctx,
                    "The body's media type is not read here (`unsupported_media_type`).",
                ),
            ),
            input(
                ctx,
                422,
                "The JSON was read and breaks the contract: every problem, with its JSON Pointer.",
            ),
        ]
    }
}
