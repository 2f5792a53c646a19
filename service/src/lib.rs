//! # cadre-eval-service
//!
//! `cadre-eval serve`: a self-hosted, stateless HTTP service over the library, for HR
//! systems in any language. One endpoint per entry point of the library under `/v1/`,
//! an OpenAPI 3.1 document generated from the Rust types at `/openapi.json`, the
//! contract's structured errors mapped to HTTP statuses, provenance (engine version and
//! the catalogue's SHA-256) in every response, bearer tokens, TLS, limits, Prometheus
//! metrics, one JSON log line per request, and the self-assessment form at `/`. See
//! `docs/service.md`.
//!
//! A front end: it converts and forwards, and holds no rule. Every call into the
//! library goes through [`engine`].
//!
//! Layers, from the outside in: [`server`] (listening, TLS, header timeout, graceful
//! shutdown), [`app`] (routes, middleware, the OpenAPI document), [`auth`],
//! [`telemetry`], [`extract`] and [`reply`] (HTTP in and out), [`routes`] (the
//! endpoints), [`stream`] (JSON Lines), [`engine`] (the library).

pub mod app;
pub mod auth;
pub mod config;
pub mod engine;
pub mod extract;
pub mod form;
pub mod lines;
pub mod overload;
pub mod reply;
pub mod routes;
pub mod server;
pub mod state;
pub mod stream;
pub mod telemetry;
pub mod wire;

pub use config::{parse_token_file, Access, Limits, ServiceConfig, TlsFiles};
pub use server::{run, start, RunningService, StartError};
