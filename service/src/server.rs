//! Listening: plain HTTP or TLS (rustls), with the header timeout, and a graceful
//! shutdown on SIGTERM or SIGINT (stop accepting, let in-flight requests finish within
//! the grace period, then return).

use crate::app::app;
use crate::config::{ServiceConfig, TlsFiles};
use crate::form::FormDirs;
use crate::state::AppState;
#[cfg(feature = "tls")]
use axum_server::tls_rustls::RustlsConfig;
use axum_server::Handle;
use hyper_util::rt::TokioTimer;
#[cfg(feature = "tls")]
use rustls::pki_types::pem::PemObject;
#[cfg(feature = "tls")]
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::task::JoinHandle;

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The configuration is refused (an open service beyond loopback, a zero limit…).
    #[error("{0}")]
    Refused(String),
    /// The address could not be bound.
    #[error("cannot listen on {address}: {error}")]
    Bind {
        /// The address.
        address: SocketAddr,
        /// Why.
        error: std::io::Error,
    },
    /// The certificate or key could not be read.
    #[error("TLS: {0}")]
    Tls(String),
    /// The form's directory is missing.
    #[error("the form directory {0} does not exist")]
    Form(String),
    /// The server stopped on an error.
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
}

/// A service that is listening.
pub struct RunningService {
    address: SocketAddr,
    handle: Handle<SocketAddr>,
    state: AppState,
    grace: Duration,
    task: JoinHandle<std::io::Result<()>>,
    probe: JoinHandle<()>,
}

impl RunningService {
    /// The address it listens on (the port chosen when port 0 was asked).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Its shared state (metrics, readiness).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Stops accepting connections, lets in-flight requests finish within the grace
    /// period (connections still open then are closed), and waits for the end.
    pub async fn shutdown(self) -> std::io::Result<()> {
        self.state.set_not_ready();
        self.handle.graceful_shutdown(Some(self.grace));
        let result = self
            .task
            .await
            .unwrap_or_else(|error| Err(std::io::Error::other(error)));
        self.probe.abort();
        result
    }
}

/// The server's TLS configuration: the certificate chain and key, HTTP/2 and HTTP/1.1
/// offered by ALPN, aws-lc-rs as the cryptography provider (rustls' default).
#[cfg(feature = "tls")]
fn tls_config(files: &TlsFiles) -> Result<RustlsConfig, StartError> {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&files.cert)
        .and_then(|certs| certs.collect::<Result<_, _>>())
        .map_err(|error| StartError::Tls(format!("{}: {error}", files.cert.display())))?;
    if certs.is_empty() {
        return Err(StartError::Tls(format!(
            "{}: no certificate",
            files.cert.display()
        )));
    }
    let key = PrivateKeyDer::from_pem_file(&files.key)
        .map_err(|error| StartError::Tls(format!("{}: {error}", files.key.display())))?;
    let provider = std::sync::Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|error| StartError::Tls(error.to_string()))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|error| StartError::Tls(error.to_string()))?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(RustlsConfig::from_config(std::sync::Arc::new(config)))
}

/// A build without the `tls` feature (the fuzz build) refuses a TLS configuration.
#[cfg(not(feature = "tls"))]
fn tls_config(files: &TlsFiles) -> Result<std::convert::Infallible, StartError> {
    Err(StartError::Tls(format!(
        "{}: this build has no TLS (feature `tls`)",
        files.cert.display()
    )))
}

/// The server with its shutdown handle and the header timeouts: of the first request on
/// a connection (axum-server) and of each next one (hyper).
fn with_timeouts<A>(
    server: axum_server::Server<SocketAddr, A>,
    handle: &Handle<SocketAddr>,
    limits: &crate::config::Limits,
) -> axum_server::Server<SocketAddr, A> {
    let mut server = server
        .handle(handle.clone())
        .first_request_timeout(limits.header_timeout);
    server
        .http_builder()
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    server
}

/// Starts the service on a running Tokio runtime.
pub async fn start(config: ServiceConfig) -> Result<RunningService, StartError> {
    if let Some(problem) = config.problem() {
        return Err(StartError::Refused(problem));
    }
    let form = match &config.form_dir {
        Some(root) => {
            if !root.is_dir() {
                return Err(StartError::Form(root.display().to_string()));
            }
            let pkg = config
                .form_pkg_dir
                .clone()
                .unwrap_or_else(|| root.join("pkg"));
            Some(FormDirs {
                root: root.clone(),
                pkg,
            })
        }
        None => None,
    };
    let tls = config.tls.as_ref().map(tls_config).transpose()?;
    let limits = config.limits.clone();
    let state = AppState::new(limits.clone(), &config.access);
    let router = app(state.clone(), form);
    let bind_error = |error| StartError::Bind {
        address: config.bind,
        error,
    };
    let listener = std::net::TcpListener::bind(config.bind).map_err(bind_error)?;
    let address = listener.local_addr().map_err(bind_error)?;
    let handle = Handle::new();
    let service = router.into_make_service_with_connect_info::<SocketAddr>();
    let task = match tls {
        #[cfg(feature = "tls")]
        Some(tls) => {
            let server = axum_server::from_tcp_rustls(listener, tls).map_err(bind_error)?;
            tokio::spawn(with_timeouts(server, &handle, &limits).serve(service))
        }
        #[cfg(not(feature = "tls"))]
        Some(never) => match never {},
        None => {
            let server = axum_server::from_tcp(listener).map_err(bind_error)?;
            tokio::spawn(with_timeouts(server, &handle, &limits).serve(service))
        }
    };
    let probe = crate::overload::spawn_probe(state.queue_delay());
    Ok(RunningService {
        address,
        handle,
        state,
        grace: limits.shutdown_grace,
        task,
        probe,
    })
}

/// Waits for SIGTERM or SIGINT (Ctrl-C).
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

/// Runs the service until SIGTERM or SIGINT, then shuts it down gracefully. Logs one
/// JSON line per request on stderr.
pub async fn run(config: ServiceConfig) -> Result<(), StartError> {
    crate::telemetry::init_logging();
    let scheme = if config.tls.is_some() {
        "https"
    } else {
        "http"
    };
    let open = config.access == crate::config::Access::Open;
    let service = start(config).await?;
    tracing::info!(
        target: "cadre_eval_service",
        address = %service.address(),
        scheme,
        open_access = open,
        engine_version = %crate::engine::ENGINE_VERSION,
        catalogue_sha256 = %service.state().provenance().catalogue_sha256,
        "listening"
    );
    shutdown_signal().await;
    tracing::info!(target: "cadre_eval_service", "shutting down: no new connections; finishing requests in flight");
    let result = service.shutdown().await;
    tracing::info!(target: "cadre_eval_service", ok = result.is_ok(), "stopped");
    result.map_err(StartError::Serve)
}
