//! service-requests-no-panic: HTTP requests to the service's router (`cadre_eval_service::
//! app::app`), without a socket (tower's `oneshot`): every `/v1/` route and an unknown
//! path, each media type the service reads and some it does not, query parameters from
//! the routes' options (and raw text), and an arbitrary body. Nothing may panic (a panic
//! in a handler aborts the fuzzer before the service's panic layer answers); no answer
//! is a 500; every refusal is the contract's error body (`errors`, each with a code and
//! a message in both languages); every JSON answer parses, and so does every line of a
//! JSON Lines answer.

#![no_main]

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use cadre_eval_service::app::app;
use cadre_eval_service::state::AppState;
use cadre_eval_service::{Access, Limits};
use http_body_util::BodyExt;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use std::time::Duration;
use tower::ServiceExt;

const ROUTES: [(&str, &str); 15] = [
    ("POST", "/v1/evaluate"),
    ("POST", "/v1/evaluate/batch"),
    ("POST", "/v1/quota"),
    ("POST", "/v1/org"),
    ("POST", "/v1/compare"),
    ("POST", "/v1/compare/org"),
    ("POST", "/v1/partial"),
    ("POST", "/v1/what-would-change"),
    ("POST", "/v1/form-schema"),
    ("POST", "/v1/conduct/items"),
    ("GET", "/v1/regimes"),
    ("GET", "/v1/schemas/"),
    ("POST", "/v1/schemas/"),
    ("GET", "/v1/evaluate"),
    ("POST", "/v1/nowhere"),
];

const MEDIA: [Option<&str>; 6] = [
    Some("application/json"),
    Some("application/x-ndjson"),
    None,
    Some("text/plain"),
    Some("application/problem+json; charset=utf-8"),
    Some("application/jsonl"),
];

/// Query parameters of the routes' options, good and bad.
const PARAMETERS: [&str; 24] = [
    "reading=strict",
    "basic_targets=all",
    "state_cap=hd21",
    "rounding=integer",
    "rounding=one_decimal",
    "leader_components=override",
    "quota_reading=proposed_good",
    "raised_ratio_group=g1",
    "no_quota=true",
    "records=false",
    "records=maybe",
    "regimes=qd124",
    "regimes=nd335",
    "grades_from_points=documented",
    "profile=qd366-dang-vien",
    "recognised_agency=bo-a",
    "party_excellent_rate=bo-a%3D1%2F3",
    "party_excellent_rate=bo-a%3D33.333%25",
    "unknown=1",
    "reading=%FF",
    "reading=",
    "reading=cascade&reading=strict",
    "kind=leader",
    "name=assessment",
];

struct Service {
    runtime: tokio::runtime::Runtime,
    router: Router,
}

fn service() -> &'static Service {
    static SERVICE: OnceLock<Service> = OnceLock::new();
    SERVICE.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap_or_else(|error| panic!("no runtime: {error}"));
        let limits = Limits {
            // Small enough that the fuzzer reaches it.
            max_body_bytes: 64 * 1024,
            max_records: 50,
            request_timeout: Duration::from_secs(20),
            ..Limits::default()
        };
        let router = runtime.block_on(async { app(AppState::new(limits, &Access::Open), None) });
        Service { runtime, router }
    })
}

/// Every byte that is not unreserved, percent-encoded.
fn encoded(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&byte| {
            if byte.is_ascii_alphanumeric() || b"-._~=&".contains(&byte) {
                char::from(byte).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect()
}

/// The contract's error body: `errors`, none empty, each with a code and both messages.
fn check_error_body(status: StatusCode, body: &[u8]) {
    let value: serde_json::Value = serde_json::from_slice(body)
        .unwrap_or_else(|error| panic!("{status}: the error body is not JSON ({error})"));
    let errors = value["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("{status}: no `errors` array in {value}"));
    assert!(!errors.is_empty(), "{status}: an empty `errors`");
    for error in errors {
        assert!(
            error["code"].as_str().is_some_and(|c| !c.is_empty()),
            "{status}: no code in {error}"
        );
        for language in ["vi", "en"] {
            assert!(
                error["message"][language]
                    .as_str()
                    .is_some_and(|m| !m.is_empty()),
                "{status}: no {language} message in {error}"
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let [route, media, query_length, rest @ ..] = data else {
        return;
    };
    let (method, path) = ROUTES[usize::from(*route) % ROUTES.len()];
    let query_length = usize::from(query_length & 0x3f).min(rest.len());
    let (query, body) = rest.split_at(query_length);
    let query = if query_length & 1 == 0 {
        query
            .iter()
            .map(|&i| PARAMETERS[usize::from(i) % PARAMETERS.len()])
            .collect::<Vec<_>>()
            .join("&")
    } else {
        encoded(query)
    };
    let path = if path.ends_with('/') {
        // The schema's name: a known one or one that is not.
        let name = if query_length % 4 == 1 {
            "assessment"
        } else {
            "no-such-schema"
        };
        format!("{path}{name}")
    } else {
        path.to_owned()
    };
    let uri = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    let mut request = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).unwrap_or(Method::POST))
        .uri(uri);
    if let Some(media) = MEDIA[usize::from(*media) % MEDIA.len()] {
        request = request.header(header::CONTENT_TYPE, media);
    }
    let Ok(request) = request.body(Body::from(body.to_vec())) else {
        return;
    };
    let service = service();
    let (status, content_type, bytes) = service.runtime.block_on(async {
        let response = service
            .router
            .clone()
            .oneshot(request)
            .await
            .unwrap_or_else(|never| match never {});
        let status = response.status();
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let bytes = response
            .into_body()
            .collect()
            .await
            .unwrap_or_else(|error| panic!("{status}: the body failed: {error}"))
            .to_bytes();
        (status, content_type, bytes)
    });
    assert_ne!(
        status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    if !status.is_success() {
        check_error_body(status, &bytes);
    } else if content_type.starts_with("application/x-ndjson") {
        for line in bytes.split(|&b| b == b'\n').filter(|line| !line.is_empty()) {
            if let Err(error) = serde_json::from_slice::<serde_json::Value>(line) {
                panic!("a JSON Lines answer's line is not JSON ({error})");
            }
        }
    } else if content_type.starts_with("application/json") {
        if let Err(error) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            panic!("a JSON answer is not JSON ({error})");
        }
    }
});
