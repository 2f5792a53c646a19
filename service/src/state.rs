//! What every request shares: the limits, the access tokens, the provenance computed
//! once at start-up, the metrics and the readiness flag.

use crate::config::{Access, Limits};
use crate::engine;
use crate::overload::QueueDelay;
use crate::telemetry::Metrics;
use crate::wire::Provenance;
use bytes::Bytes;
use cadre_eval::{DecisionRecord, RegimeId};
use sha2::{Digest, Sha256};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::sync::Semaphore;

/// The shared state (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    shared: Arc<Shared>,
}

struct Shared {
    limits: Limits,
    /// SHA-256 digests of the accepted tokens (compared in constant time).
    token_digests: Option<Vec<[u8; 32]>>,
    provenance: Provenance,
    catalogue: Bytes,
    metrics: Metrics,
    streams: Arc<Semaphore>,
    queue_delay: Arc<QueueDelay>,
    ready: AtomicBool,
}

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

impl AppState {
    /// The state of a service with these limits and access.
    pub fn new(limits: Limits, access: &Access) -> AppState {
        let (catalogue, catalogue_sha256) = engine::catalogue_document_and_hash();
        let provenance = Provenance {
            engine: "cadre-eval".to_owned(),
            engine_version: engine::ENGINE_VERSION.to_owned(),
            catalogue_sha256,
            rule_count: engine::rule_catalogue().len(),
            conduct_catalogue_version: engine::conduct_catalogue_version(),
            regimes: Vec::new(),
        };
        let token_digests = match access {
            Access::Tokens(tokens) => Some(tokens.iter().map(|t| sha256(t.as_bytes())).collect()),
            Access::Open => None,
        };
        AppState {
            shared: Arc::new(Shared {
                streams: Arc::new(Semaphore::new(limits.max_concurrent_streams)),
                queue_delay: Arc::new(QueueDelay::new(limits.max_queue_delay)),
                limits,
                token_digests,
                provenance,
                catalogue: Bytes::from(catalogue),
                metrics: Metrics::new(),
                ready: AtomicBool::new(true),
            }),
        }
    }

    /// The limits.
    pub fn limits(&self) -> &Limits {
        &self.shared.limits
    }

    /// The digests of the accepted tokens; `None` when access is open.
    pub fn token_digests(&self) -> Option<&[[u8; 32]]> {
        self.shared.token_digests.as_deref()
    }

    /// The provenance without regimes (engine and catalogues).
    pub fn provenance(&self) -> Provenance {
        self.shared.provenance.clone()
    }

    /// The provenance of a response holding these decisions.
    pub fn provenance_of<'a>(
        &self,
        decisions: impl IntoIterator<Item = &'a DecisionRecord>,
    ) -> Provenance {
        let mut regimes: Vec<RegimeId> = Vec::new();
        for decision in decisions {
            if !regimes.contains(&decision.regime) {
                regimes.push(decision.regime);
            }
        }
        Provenance {
            regimes,
            ..self.provenance()
        }
    }

    /// The catalogue document.
    pub fn catalogue(&self) -> Bytes {
        self.shared.catalogue.clone()
    }

    /// The metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.shared.metrics
    }

    /// The slots for JSON Lines streams.
    pub fn streams(&self) -> Arc<Semaphore> {
        self.shared.streams.clone()
    }

    /// The runtime's queueing delay, as the probe last measured it.
    pub fn queue_delay(&self) -> Arc<QueueDelay> {
        self.shared.queue_delay.clone()
    }

    /// Whether the service takes new work (false once shutting down).
    pub fn is_ready(&self) -> bool {
        self.shared.ready.load(Ordering::Relaxed)
    }

    /// Marks the service as shutting down (`/readyz` then answers 503).
    pub fn set_not_ready(&self) {
        self.shared.ready.store(false, Ordering::Relaxed);
    }
}
