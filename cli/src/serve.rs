//! `cadre-eval serve`: converts the arguments to the service's configuration and runs
//! it (`cadre_eval_service`, docs/service.md).

use crate::args::ServeArgs;
use crate::Failure;
use cadre_eval_service::{parse_token_file, Access, Limits, ServiceConfig, TlsFiles};
use std::time::Duration;

/// The service's configuration of these arguments (reads the token file).
fn config(args: &ServeArgs) -> Result<ServiceConfig, Failure> {
    let access = match &args.token_file {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|error| Failure::Unreadable {
                name: path.display().to_string(),
                error,
            })?;
            Access::Tokens(parse_token_file(&text))
        }
        None => Access::Open,
    };
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => Some(TlsFiles {
            cert: cert.clone(),
            key: key.clone(),
        }),
        _ => None,
    };
    Ok(ServiceConfig {
        bind: args.bind,
        access,
        insecure_no_auth: args.insecure_no_auth,
        tls,
        form_dir: args.form.clone(),
        form_pkg_dir: args.form_pkg.clone(),
        limits: Limits {
            max_body_bytes: args.max_body_bytes,
            max_records: args.max_records,
            request_timeout: Duration::from_secs(args.request_timeout),
            header_timeout: Duration::from_secs(args.header_timeout),
            max_concurrent_requests: args.max_concurrent_requests,
            max_concurrent_streams: args.max_concurrent_streams,
            max_queue_delay: Duration::from_millis(args.max_queue_delay_ms),
            shutdown_grace: Duration::from_secs(args.shutdown_grace),
        },
    })
}

/// Runs `serve` until SIGTERM or SIGINT. `Ok(true)` after a graceful stop.
pub fn run(args: &ServeArgs) -> Result<bool, Failure> {
    let config = config(args)?;
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    runtime.enable_all();
    if let Some(threads) = args.threads {
        runtime.worker_threads(threads.max(1));
    }
    let runtime = runtime
        .build()
        .map_err(|error| Failure::Service(format!("cannot start the runtime: {error}")))?;
    runtime
        .block_on(cadre_eval_service::run(config))
        .map_err(|error| Failure::Service(error.to_string()))?;
    Ok(true)
}
