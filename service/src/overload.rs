//! Load shedding by queueing delay.
//!
//! A single-record evaluation takes tens of microseconds and never waits, so under CPU
//! overload requests do not pile up inside the service (where the concurrency limit
//! would see them) but in the runtime's run queues and the sockets: latency grows
//! without bound while every request is still taken. A probe task measures, every
//! `PROBE_PERIOD`, how long a yield takes to come back: the time any ready task, so any
//! request, now waits for a worker. While two probes in a row find it over the limit
//! (`--max-queue-delay-ms`), new `/v1/` requests are refused at once with 503 and
//! `Retry-After`, so that the requests taken are answered in bounded time and the
//! excess is told to come back (or go to another instance). This is the event-loop
//! delay check of other servers, on Tokio's own timer.

use crate::reply::ApiError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;
use tokio::time::MissedTickBehavior;

/// How often the probe runs.
pub const PROBE_PERIOD: Duration = Duration::from_millis(5);

/// The last two measured queueing delays, and the limit.
#[derive(Debug)]
pub struct QueueDelay {
    delay_micros: AtomicU64,
    previous_micros: AtomicU64,
    limit_micros: u64,
}

impl QueueDelay {
    /// A monitor that reports overload above `limit`.
    pub fn new(limit: Duration) -> QueueDelay {
        QueueDelay {
            delay_micros: AtomicU64::new(0),
            previous_micros: AtomicU64::new(0),
            limit_micros: u64::try_from(limit.as_micros()).unwrap_or(u64::MAX),
        }
    }

    /// Records a measured delay.
    pub fn record(&self, delay: Duration) {
        let micros = u64::try_from(delay.as_micros()).unwrap_or(u64::MAX);
        let previous = self.delay_micros.swap(micros, Ordering::Relaxed);
        self.previous_micros.store(previous, Ordering::Relaxed);
    }

    /// The last measured delay.
    pub fn current(&self) -> Duration {
        Duration::from_micros(self.delay_micros.load(Ordering::Relaxed))
    }

    /// Whether the last two measured delays are over the limit (one late probe, a
    /// page fault or a moment without a core, is not an overload).
    pub fn overloaded(&self) -> bool {
        self.delay_micros.load(Ordering::Relaxed) > self.limit_micros
            && self.previous_micros.load(Ordering::Relaxed) > self.limit_micros
    }
}

/// Starts the probe on the current runtime: every `PROBE_PERIOD`, the time a yield takes
/// to come back, that is, the time to go once through the worker's queue of ready
/// tasks. (A timer's own lateness would not tell: Tokio runs a task woken by a timer
/// next, ahead of the queue.)
pub fn spawn_probe(delay: Arc<QueueDelay>) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(PROBE_PERIOD);
        ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let asked = tokio::time::Instant::now();
            tokio::task::yield_now().await;
            delay.record(asked.elapsed());
        }
    })
}

/// Middleware: 503 `overloaded` while the queueing delay is over the limit.
pub async fn shed_when_late(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if state.queue_delay().overloaded() {
        return ApiError::overloaded().into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overloaded_only_above_the_limit() {
        let delay = QueueDelay::new(Duration::from_millis(25));
        assert!(!delay.overloaded());
        delay.record(Duration::from_millis(25));
        assert!(!delay.overloaded());
        delay.record(Duration::from_micros(25_001));
        assert!(!delay.overloaded(), "one late probe is not an overload");
        delay.record(Duration::from_millis(40));
        assert!(delay.overloaded());
        assert_eq!(delay.current(), Duration::from_millis(40));
        delay.record(Duration::from_millis(1));
        assert!(!delay.overloaded());
    }
}
