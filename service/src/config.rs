//! How the service is started: address, tokens, TLS, the form's files and the limits,
//! each limit with its documented default (`docs/service.md`, "Limits").

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The limits that keep one client, or many, from exhausting the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest request body read whole (every JSON body, and JSON Lines of units), in
    /// bytes. JSON Lines of assessments are streamed and bounded by `max_records`.
    pub max_body_bytes: usize,
    /// Most records in one request (a JSON array, or the lines of a JSON Lines stream).
    pub max_records: usize,
    /// Longest time to answer a request whose body is read whole, body included; for a
    /// JSON Lines stream, the longest wait for the next part of the body.
    pub request_timeout: Duration,
    /// Longest time for a client to send a request's headers.
    pub header_timeout: Duration,
    /// Most requests in flight under `/v1/` at once; beyond it, requests are refused
    /// at once with 503 and `Retry-After` (load shedding), never queued.
    pub max_concurrent_requests: usize,
    /// Most JSON Lines streams in flight at once (each holds one blocking thread).
    pub max_concurrent_streams: usize,
    /// Longest queueing delay (how late the runtime runs a ready task) at which new
    /// `/v1/` requests are still taken; above it they are refused with 503 at once
    /// (`crate::overload`).
    pub max_queue_delay: Duration,
    /// How long in-flight requests may run on after SIGTERM or SIGINT.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_body_bytes: 16 * 1024 * 1024,
            max_records: 100_000,
            request_timeout: Duration::from_secs(60),
            header_timeout: Duration::from_secs(10),
            max_concurrent_requests: 256,
            max_concurrent_streams: 16,
            max_queue_delay: Duration::from_millis(20),
            shutdown_grace: Duration::from_secs(20),
        }
    }
}

/// TLS: a certificate chain and its private key, PEM files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    /// The certificate chain, leaf first.
    pub cert: PathBuf,
    /// The private key (PKCS#8, PKCS#1 or SEC1).
    pub key: PathBuf,
}

/// Who may call `/v1/` and `/metrics`.
#[derive(Clone, PartialEq, Eq)]
pub enum Access {
    /// Callers must send one of these bearer tokens.
    Tokens(Vec<String>),
    /// Anyone may call (`--insecure-no-auth`, or loopback without a token file).
    Open,
}

impl std::fmt::Debug for Access {
    // Never print a token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Access::Tokens(tokens) => write!(f, "Tokens({} tokens)", tokens.len()),
            Access::Open => f.write_str("Open"),
        }
    }
}

/// Everything the service needs to start.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    /// Where to listen.
    pub bind: SocketAddr,
    /// Who may call.
    pub access: Access,
    /// Whether an open service may listen beyond loopback (`--insecure-no-auth`).
    pub insecure_no_auth: bool,
    /// TLS, when given.
    pub tls: Option<TlsFiles>,
    /// The self-assessment form's files (`web/`), served at `/`.
    pub form_dir: Option<PathBuf>,
    /// The form's WASM package (`bindings-wasm/pkg/web`), served at `/pkg/`; default
    /// `<form_dir>/pkg`.
    pub form_pkg_dir: Option<PathBuf>,
    /// The limits.
    pub limits: Limits,
}

impl ServiceConfig {
    /// A configuration for `bind` with default limits, open access and no form.
    pub fn new(bind: SocketAddr) -> ServiceConfig {
        ServiceConfig {
            bind,
            access: Access::Open,
            insecure_no_auth: false,
            tls: None,
            form_dir: None,
            form_pkg_dir: None,
            limits: Limits::default(),
        }
    }

    /// Why this configuration must not start, if it must not: an open service beyond
    /// loopback without `--insecure-no-auth`, or a limit of zero.
    pub fn problem(&self) -> Option<String> {
        if self.access == Access::Open && !self.bind.ip().is_loopback() && !self.insecure_no_auth {
            return Some(format!(
                "refusing to listen on {} without --token-file: anyone on the network could call it \
                 (give --token-file FILE, bind to 127.0.0.1, or pass --insecure-no-auth)",
                self.bind
            ));
        }
        if let Access::Tokens(tokens) = &self.access {
            if tokens.is_empty() {
                return Some("the token file holds no token".to_owned());
            }
        }
        let limits = &self.limits;
        if limits.max_body_bytes == 0
            || limits.max_records == 0
            || limits.max_concurrent_requests == 0
            || limits.max_concurrent_streams == 0
            || limits.request_timeout.is_zero()
            || limits.header_timeout.is_zero()
        {
            return Some("every limit must be above zero".to_owned());
        }
        None
    }
}

/// The tokens of a token file: one per line; blank lines and lines starting with `#`
/// are skipped, surrounding spaces dropped.
pub fn parse_token_file(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(bind: &str, access: Access) -> ServiceConfig {
        let mut config = ServiceConfig::new(
            bind.parse()
                .unwrap_or(SocketAddr::from(([127, 0, 0, 1], 0))),
        );
        config.access = access;
        config
    }

    #[test]
    fn an_open_service_stays_on_loopback_unless_told() {
        assert!(config("127.0.0.1:8080", Access::Open).problem().is_none());
        assert!(config("[::1]:8080", Access::Open).problem().is_none());
        assert!(config("0.0.0.0:8080", Access::Open).problem().is_some());
        let mut insecure = config("0.0.0.0:8080", Access::Open);
        insecure.insecure_no_auth = true;
        assert!(insecure.problem().is_none());
        let tokens = Access::Tokens(vec!["secret".to_owned()]);
        assert!(config("0.0.0.0:8080", tokens).problem().is_none());
        assert!(config("0.0.0.0:8080", Access::Tokens(Vec::new()))
            .problem()
            .is_some());
    }

    #[test]
    fn token_files_skip_blanks_and_comments() {
        assert_eq!(
            parse_token_file("# hr-system\n  abc  \n\n#x\ndef\r\n"),
            vec!["abc".to_owned(), "def".to_owned()]
        );
    }

    #[test]
    fn tokens_are_never_printed() {
        let text = format!("{:?}", Access::Tokens(vec!["secret".to_owned()]));
        assert!(!text.contains("secret"), "{text}");
    }
}
