//! Metrics (Prometheus text at `GET /metrics`) and the request log: one JSON line per
//! request with its id, route, status, records and duration, never the records'
//! content. Both are written when the response body ends (or the client goes away), so
//! a JSON Lines stream is counted with all its records.

use crate::reply::RejectionCodes;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use bytes::Bytes;
use http_body::{Body as HttpBody, Frame, SizeHint};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

/// Labels of the request counter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: String,
}

/// Labels of the latency histogram.
#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

/// Labels of the records counter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

/// Labels of the rejections counter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct CodeLabels {
    code: &'static str,
}

/// The service's metrics.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    records: Family<OutcomeLabels, Counter>,
    rejections: Family<CodeLabels, Counter>,
    in_flight: Gauge,
    queue_delay_micros: Gauge,
}

impl Metrics {
    /// Registers every metric.
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("cadre");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route, method and status",
            requests.clone(),
        );
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            // 50 µs to about 13 s.
            Histogram::new(exponential_buckets(0.000_05, 2.0, 19))
        });
        registry.register(
            "http_request_duration_seconds",
            "Time from the request's arrival to the end of its response body, by route",
            latency.clone(),
        );
        let records = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "records",
            "Records evaluated or rejected (one assessment each)",
            records.clone(),
        );
        let rejections = Family::<CodeLabels, Counter>::default();
        registry.register(
            "rejections",
            "Errors answered, by stable code (input errors of rejected records included)",
            rejections.clone(),
        );
        let in_flight = Gauge::default();
        registry.register(
            "http_requests_in_flight",
            "Requests whose response has not ended",
            in_flight.clone(),
        );
        let queue_delay_micros = Gauge::default();
        registry.register(
            "queue_delay_microseconds",
            "How late the runtime last ran a ready task (load shedding above --max-queue-delay-ms)",
            queue_delay_micros.clone(),
        );
        Metrics {
            queue_delay_micros,
            registry,
            requests,
            latency,
            records,
            rejections,
            in_flight,
        }
    }

    /// The metrics in Prometheus' text format, with the queueing delay now.
    pub fn encode(&self, queue_delay: std::time::Duration) -> String {
        self.queue_delay_micros
            .set(i64::try_from(queue_delay.as_micros()).unwrap_or(i64::MAX));
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }

    /// Counts errors answered, by code (the refusals of requests, and each error of
    /// each rejected record).
    pub fn count_codes(&self, codes: impl IntoIterator<Item = &'static str>) {
        for code in codes {
            self.rejections.get_or_create(&CodeLabels { code }).inc();
        }
    }
}

impl Default for Metrics {
    fn default() -> Metrics {
        Metrics::new()
    }
}

/// Records evaluated and rejected by one request, filled by the handler (a stream
/// fills it as it goes).
#[derive(Debug, Default)]
pub struct Tally {
    evaluated: AtomicU64,
    rejected: AtomicU64,
}

impl Tally {
    /// Counts one evaluated record.
    pub fn evaluated(&self, count: u64) {
        self.evaluated.fetch_add(count, Ordering::Relaxed);
    }

    /// Counts one rejected record.
    pub fn rejected(&self, count: u64) {
        self.rejected.fetch_add(count, Ordering::Relaxed);
    }
}

/// A handler's tally, carried to the log in the response's extensions.
#[derive(Debug, Clone, Default)]
pub struct SharedTally(pub Arc<Tally>);

/// What the log line and the metrics need once the response has ended.
struct Pending {
    state: AppState,
    started: Instant,
    route: String,
    method: String,
    status: StatusCode,
    request_id: String,
    tally: Option<SharedTally>,
}

impl Pending {
    fn finish(self, completed: bool) {
        let metrics = self.state.metrics();
        let elapsed = self.started.elapsed();
        let status = self.status.as_u16().to_string();
        metrics
            .requests
            .get_or_create(&RequestLabels {
                route: self.route.clone(),
                method: self.method.clone(),
                status,
            })
            .inc();
        metrics
            .latency
            .get_or_create(&RouteLabels {
                route: self.route.clone(),
            })
            .observe(elapsed.as_secs_f64());
        metrics.in_flight.dec();
        let (evaluated, rejected) = self.tally.as_ref().map_or((0, 0), |tally| {
            (
                tally.0.evaluated.load(Ordering::Relaxed),
                tally.0.rejected.load(Ordering::Relaxed),
            )
        });
        if evaluated > 0 {
            metrics
                .records
                .get_or_create(&OutcomeLabels {
                    outcome: "evaluated",
                })
                .inc_by(evaluated);
        }
        if rejected > 0 {
            metrics
                .records
                .get_or_create(&OutcomeLabels {
                    outcome: "rejected",
                })
                .inc_by(rejected);
        }
        tracing::info!(
            target: "cadre_eval_service::request",
            request_id = %self.request_id,
            method = %self.method,
            route = %self.route,
            status = self.status.as_u16(),
            records_evaluated = evaluated,
            records_rejected = rejected,
            duration_ms = elapsed.as_secs_f64() * 1000.0,
            completed,
        );
    }
}

/// A response body that reports the request when it ends or is dropped.
struct ObservedBody {
    inner: Body,
    pending: Option<Pending>,
}

impl HttpBody for ObservedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        if let Poll::Ready(None) = polled {
            if let Some(pending) = self.pending.take() {
                pending.finish(true);
            }
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for ObservedBody {
    fn drop(&mut self) {
        // The client went away before the end (or the body was never polled).
        if let Some(pending) = self.pending.take() {
            let completed = self.inner.is_end_stream();
            pending.finish(completed);
        }
    }
}

fn request_id(headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

/// Middleware: times every request and reports it when its response ends.
pub async fn observe(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |path| path.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let request_id = request_id(request.headers());
    state.metrics().in_flight.inc();
    let response = next.run(request).await;
    let (parts, body) = response.into_parts();
    if let Some(codes) = parts.extensions.get::<RejectionCodes>() {
        state.metrics().count_codes(codes.0.iter().copied());
    }
    let pending = Pending {
        state,
        started,
        route,
        method,
        status: parts.status,
        request_id,
        tally: parts.extensions.get::<SharedTally>().cloned(),
    };
    Response::from_parts(
        parts,
        Body::new(ObservedBody {
            inner: body,
            pending: Some(pending),
        }),
    )
}

/// Installs the JSON log writer (stderr, one object per line); `RUST_LOG` filters it
/// (default `info`). Does nothing when a subscriber is already installed.
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_current_span(false)
        .with_writer(std::io::stderr)
        .try_init();
}
