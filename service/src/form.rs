//! The self-assessment form (`web/`) and its WASM package, served from directories
//! given at start-up: the form still evaluates in the browser, and works offline once
//! loaded. Only the kinds of files a web page needs are served, never a hidden file or
//! anything under `node_modules`, whatever else the directories hold.

use crate::reply::ApiError;
use crate::wire::ServiceCode;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method};
use axum::middleware::{from_fn, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::path::PathBuf;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// Where the form's files are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormDirs {
    /// The form (`web/`): served at `/`, `index.html` for `/`.
    pub root: PathBuf,
    /// The WASM package (`bindings-wasm/pkg/web`): served at `/pkg/`.
    pub pkg: PathBuf,
}

/// File name endings that are served.
const SERVED: [&str; 12] = [
    ".html",
    ".js",
    ".mjs",
    ".css",
    ".wasm",
    ".json",
    ".webmanifest",
    ".png",
    ".svg",
    ".ico",
    ".woff2",
    ".txt",
];

/// Names never served: the tooling of `web/`, not the page.
const NEVER_SERVED: [&str; 5] = [
    "node_modules",
    "tests",
    "package.json",
    "package-lock.json",
    "serve.mjs",
];

/// Whether a URL path names a file the form may serve.
pub fn servable(path: &str) -> bool {
    let hidden = path.split('/').any(|segment| {
        segment.starts_with('.') || segment.contains('\\') || NEVER_SERVED.contains(&segment)
    });
    let directory = path.ends_with('/');
    let allowed = SERVED.iter().any(|ending| path.ends_with(ending));
    !hidden && (directory || allowed)
}

async fn only_servable(request: Request, next: Next) -> Response {
    let allowed_method = request.method() == Method::GET || request.method() == Method::HEAD;
    if allowed_method && servable(request.uri().path()) {
        return next.run(request).await;
    }
    ApiError::service(
        ServiceCode::NotFound,
        "",
        "Không có tệp này".to_owned(),
        "no such file".to_owned(),
    )
    .into_response()
}

/// The form's routes: `/` and its files, `/pkg/` and the package's files.
pub fn form_router(dirs: FormDirs) -> Router {
    Router::new()
        .nest_service("/pkg", ServeDir::new(dirs.pkg))
        .fallback_service(ServeDir::new(dirs.root))
        .layer(from_fn(only_servable))
        // The page and its code change with each release: revalidate, never serve stale.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_page_files_are_served() {
        for path in [
            "/",
            "/index.html",
            "/app.js",
            "/pkg/cadre_eval_wasm_bg.wasm",
            "/sw.js",
            "/manifest.webmanifest",
        ] {
            assert!(servable(path), "{path}");
        }
        for path in [
            "/package.json",
            "/.git/config",
            "/node_modules/a/index.js",
            "/serve.mjs",
            "/tests/browser.test.mjs",
            "/README",
            "/a\\b.js",
        ] {
            assert!(!servable(path), "{path}");
        }
        assert!(!servable("/.env"));
        assert!(!servable("/node_modules/x.js"));
        assert!(!servable("/Cargo.toml"));
    }
}
