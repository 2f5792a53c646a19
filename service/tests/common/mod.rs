//! Starting the real service on an ephemeral loopback port, and a real HTTP client.

#![allow(dead_code, reason = "each test binary uses part of the helpers")]

use cadre_eval_service::{start, RunningService, ServiceConfig};
use std::path::{Path, PathBuf};

/// A service listening on 127.0.0.1 (a port of the system's choosing), configured by
/// `configure`, and its base URL.
pub async fn serve(configure: impl FnOnce(&mut ServiceConfig)) -> (RunningService, String) {
    let mut config = ServiceConfig::new(([127, 0, 0, 1], 0).into());
    // A loaded test machine must not make the service shed (the test that wants it
    // sets its own limit).
    config.limits.max_queue_delay = std::time::Duration::from_secs(3600);
    configure(&mut config);
    let scheme = if config.tls.is_some() {
        "https"
    } else {
        "http"
    };
    let service = start(config).await.expect("the service starts");
    let base = format!("{scheme}://{}", service.address());
    (service, base)
}

/// A client.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder().build().expect("a client")
}

/// The repository's root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The library's example record (a member of 2025, proposed Good).
pub const RECORD: &str = cadre_eval_service::app::EXAMPLE_ASSESSMENT;

/// The JSON values of JSON Lines text.
pub fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}
