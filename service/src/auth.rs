//! Bearer tokens: every call under `/v1/` and `/metrics` must carry one of the tokens
//! of the token file, unless access is open.
//!
//! The presented token and each accepted one are compared as SHA-256 digests with
//! `subtle`'s constant-time equality, over every accepted token without stopping at a
//! match, so the time taken tells nothing about how much of a token was right (the
//! digests also make the compared lengths equal).

use crate::reply::ApiError;
use crate::state::{sha256, AppState};
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::{Choice, ConstantTimeEq};

/// The token of an `Authorization: Bearer …` header.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|token| !token.is_empty())
}

/// Whether `token` is one of the accepted tokens' digests, in constant time.
pub fn accepted(token: &str, digests: &[[u8; 32]]) -> bool {
    let presented = sha256(token.as_bytes());
    let matched = digests.iter().fold(Choice::from(0), |any, digest| {
        any | digest.ct_eq(&presented)
    });
    matched.into()
}

/// Middleware: 401 unless the request carries an accepted token (or access is open).
pub async fn require_token(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let Some(digests) = state.token_digests() else {
        return next.run(request).await;
    };
    if bearer(request.headers()).is_some_and(|token| accepted(token, digests)) {
        return next.run(request).await;
    }
    let mut response = ApiError::unauthorized().into_response();
    response
        .headers_mut()
        .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_accepted_token_passes() {
        let digests = [sha256(b"first-token"), sha256(b"second-token")];
        assert!(accepted("first-token", &digests));
        assert!(accepted("second-token", &digests));
        assert!(!accepted("first-toke", &digests));
        assert!(!accepted("", &digests));
        assert!(!accepted("first-token", &[]));
    }

    #[test]
    fn bearer_tokens_are_read_from_the_header() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer(&headers), None);
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer abc"));
        assert_eq!(bearer(&headers), Some("abc"));
        headers.insert(AUTHORIZATION, HeaderValue::from_static("bearer  abc "));
        assert_eq!(bearer(&headers), Some("abc"));
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(bearer(&headers), None);
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer "));
        assert_eq!(bearer(&headers), None);
    }
}
