//! The service over real HTTP: auth, TLS, limits, timeouts, clients that misbehave,
//! media types, JSON Lines streaming, overload, errors, metrics, the form and graceful
//! shutdown. Each test starts its own service on an ephemeral loopback port.

#![cfg(test)]

mod common;

use cadre_eval_service::{Access, TlsFiles};
use common::{client, json_lines, serve, RECORD};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn post_json(client: &reqwest::Client, url: &str, body: &str) -> reqwest::Response {
    client
        .post(url)
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
}

/// The text of a GET.
async fn get_text(client: &reqwest::Client, url: &str) -> String {
    client.get(url).send().await.unwrap().text().await.unwrap()
}

/// `POST /v1/evaluate/batch` of JSON Lines.
async fn post_lines(
    client: &reqwest::Client,
    base: &str,
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    client
        .post(format!("{base}/v1/evaluate/batch"))
        .header("content-type", "application/x-ndjson")
        .body(body)
        .send()
        .await
        .unwrap()
}

/// The first error's code of an error answer.
async fn error_code(response: reqwest::Response) -> String {
    let body: Value = response.json().await.unwrap();
    body["errors"][0]["code"].as_str().unwrap().to_owned()
}

/// A connection on which `POST /v1/evaluate` of [`RECORD`] was started: headers and the
/// first `sent` bytes of the body (the connection closes after the answer).
async fn start_evaluate(address: std::net::SocketAddr, sent: usize) -> TcpStream {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /v1/evaluate HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        RECORD.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&RECORD.as_bytes()[..sent]).await.unwrap();
    stream
}

/// Reads what the server sends until it closes the connection (or `limit` passes).
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> (String, bool) {
    let mut received = Vec::new();
    let mut buffer = [0_u8; 4096];
    let deadline = Instant::now() + limit;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.read(&mut buffer)).await {
            Ok(Ok(0)) | Ok(Err(_)) => {
                return (String::from_utf8_lossy(&received).into_owned(), true)
            }
            Ok(Ok(n)) => received.extend_from_slice(&buffer[..n]),
            Err(_) => return (String::from_utf8_lossy(&received).into_owned(), false),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_is_required_when_tokens_are_configured() {
    let (service, base) = serve(|config| {
        config.access = Access::Tokens(vec!["first-secret".to_owned(), "second-secret".to_owned()]);
    })
    .await;
    let client = client();
    let url = format!("{base}/v1/evaluate");
    let request = |token: Option<&str>| {
        let mut builder = client
            .post(&url)
            .header("content-type", "application/json")
            .body(RECORD);
        if let Some(token) = token {
            builder = builder.bearer_auth(token);
        }
        builder.send()
    };
    let none = request(None).await.unwrap();
    assert_eq!(none.status(), 401);
    assert_eq!(none.headers()["www-authenticate"], "Bearer");
    assert_eq!(error_code(none).await, "unauthorized");
    for wrong in ["first-secre", "first-secret2", "FIRST-SECRET", ""] {
        let response = request(Some(wrong)).await.unwrap();
        assert_eq!(response.status(), 401, "token {wrong:?}");
    }
    let basic = client
        .post(&url)
        .header("authorization", "Basic Zmlyc3Qtc2VjcmV0")
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status(), 401);
    for right in ["first-secret", "second-secret"] {
        assert_eq!(
            request(Some(right)).await.unwrap().status(),
            200,
            "token {right}"
        );
    }
    // Metrics need the token too; health, readiness and the document do not.
    assert_eq!(
        client
            .get(format!("{base}/metrics"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    for open in ["/healthz", "/readyz", "/openapi.json"] {
        assert_eq!(
            client
                .get(format!("{base}{open}"))
                .send()
                .await
                .unwrap()
                .status(),
            200,
            "{open}"
        );
    }
    service.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_service_refuses_to_listen_beyond_loopback() {
    let mut config = cadre_eval_service::ServiceConfig::new(([0, 0, 0, 0], 0).into());
    let refused = cadre_eval_service::start(config.clone()).await;
    assert!(matches!(
        refused,
        Err(cadre_eval_service::StartError::Refused(_))
    ));
    config.access = Access::Tokens(vec!["secret".to_owned()]);
    // With tokens it may (bound here to loopback only, to keep the test off the network).
    config.bind = ([127, 0, 0, 1], 0).into();
    let service = cadre_eval_service::start(config).await.unwrap();
    service.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_with_a_certificate_made_in_the_test() {
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let folder = std::env::temp_dir().join(format!("cadre-eval-tls-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let cert = folder.join("cert.pem");
    let key = folder.join("key.pem");
    std::fs::write(&cert, certified.cert.pem()).unwrap();
    std::fs::write(&key, certified.signing_key.serialize_pem()).unwrap();
    let (service, _) = serve(|config| {
        config.tls = Some(TlsFiles {
            cert: cert.clone(),
            key: key.clone(),
        });
    })
    .await;
    let port = service.address().port();
    let trusting = reqwest::Client::builder()
        .tls_certs_only([reqwest::Certificate::from_pem(certified.cert.pem().as_bytes()).unwrap()])
        .resolve("localhost", service.address())
        .build()
        .unwrap();
    let url = format!("https://localhost:{port}/v1/evaluate");
    let response = post_json(&trusting, &url, RECORD).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["decision"]["level"], "good");
    // A client that does not trust the certificate is refused at the handshake.
    let stranger = reqwest::Client::builder()
        .resolve("localhost", service.address())
        .build()
        .unwrap();
    assert!(stranger
        .get(format!("https://localhost:{port}/healthz"))
        .send()
        .await
        .is_err());
    // Plain HTTP on the TLS port gets no answer.
    let plain = client()
        .get(format!("http://127.0.0.1:{port}/healthz"))
        .send()
        .await;
    assert!(plain.is_err() || plain.unwrap().status() != 200);
    service.shutdown().await.unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_bodies_and_wrong_media_types() {
    let (service, base) = serve(|_| {}).await;
    let client = client();
    let url = format!("{base}/v1/evaluate");
    let malformed = post_json(&client, &url, "{\"id\": ").await;
    assert_eq!(malformed.status(), 400);
    assert_eq!(error_code(malformed).await, "invalid_json");
    let invalid = post_json(
        &client,
        &url,
        &RECORD.replace("\"on_time\": 12", "\"on_time\": 13"),
    )
    .await;
    assert_eq!(invalid.status(), 422);
    let body: Value = invalid.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "inconsistent_counts");
    assert_eq!(body["errors"][0]["path"], "/tasks/on_time");
    assert!(body["errors"][0]["message"]["vi"].as_str().unwrap().len() > 5);
    let not_utf8 = client
        .post(&url)
        .header("content-type", "application/json")
        .body(vec![b'{', 0xFF, b'}'])
        .send()
        .await
        .unwrap();
    assert_eq!(not_utf8.status(), 400);
    let text = client
        .post(&url)
        .header("content-type", "text/plain")
        .body(RECORD)
        .send()
        .await
        .unwrap();
    assert_eq!(text.status(), 415);
    assert_eq!(error_code(text).await, "unsupported_media_type");
    let none = client.post(&url).body(RECORD).send().await.unwrap();
    assert_eq!(none.status(), 415);
    let lines = client
        .post(&url)
        .header("content-type", "application/x-ndjson")
        .body(RECORD)
        .send()
        .await
        .unwrap();
    assert_eq!(lines.status(), 415);
    let charset = client
        .post(&url)
        .header("content-type", "application/json; charset=utf-8")
        .body(format!("\u{feff}{RECORD}"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        charset.status(),
        200,
        "a charset parameter and a byte-order mark are fine"
    );
    let batch_not_array = post_json(&client, &format!("{base}/v1/evaluate/batch"), RECORD).await;
    assert_eq!(batch_not_array.status(), 400);
    let bad_option = post_json(
        &client,
        &format!("{base}/v1/evaluate?reading=lenient"),
        RECORD,
    )
    .await;
    assert_eq!(bad_option.status(), 400);
    let body: Value = bad_option.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "invalid_value");
    assert_eq!(body["errors"][0]["path"], "?reading");
    let unknown_option = post_json(
        &client,
        &format!("{base}/v1/evaluate?readng=strict"),
        RECORD,
    )
    .await;
    assert_eq!(unknown_option.status(), 400);
    let missing = client
        .get(format!("{base}/v1/nothing"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert_eq!(error_code(missing).await, "not_found");
    let schema = client
        .get(format!("{base}/v1/schemas/nothing"))
        .send()
        .await
        .unwrap();
    assert_eq!(schema.status(), 404);
    assert_eq!(error_code(schema).await, "not_found");
    let method = client.get(&url).send().await.unwrap();
    assert_eq!(method.status(), 405);
    assert_eq!(error_code(method).await, "method_not_allowed");
    let form = post_json(
        &client,
        &format!("{base}/v1/form-schema"),
        r#"{"kind": "member", "on": "2025-13-40"}"#,
    )
    .await;
    assert_eq!(form.status(), 422);
    let body: Value = form.json().await.unwrap();
    assert_eq!(body["errors"][0]["path"], "/on");
    service.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn size_limits_answer_413() {
    let (service, base) = serve(|config| {
        config.limits.max_body_bytes = 4096;
        config.limits.max_records = 3;
    })
    .await;
    let client = client();
    let big = format!("[{}]", [RECORD; 20].join(","));
    assert!(big.len() > 4096);
    let response = post_json(&client, &format!("{base}/v1/evaluate/batch"), &big).await;
    assert_eq!(response.status(), 413);
    assert_eq!(error_code(response).await, "too_large");
    // The same over a chunked body, whose length is not declared.
    let chunks: Vec<Result<String, std::io::Error>> = vec![Ok(big.clone())];
    let chunked = client
        .post(format!("{base}/v1/evaluate/batch"))
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(chunked.status(), 413);
    let four = format!("[{}]", ["{}"; 4].join(","));
    let response = post_json(&client, &format!("{base}/v1/evaluate/batch"), &four).await;
    assert_eq!(response.status(), 413, "four records over a limit of three");
    // JSON Lines: three records are answered, then the stream stops with `aborted`.
    let lines: String = (0..5)
        .map(|_| format!("{}\n", RECORD.replace('\n', "")))
        .collect();
    let response = post_lines(&client, &base, lines).await;
    assert_eq!(response.status(), 200);
    let entries = json_lines(&response.text().await.unwrap());
    let statuses: Vec<&str> = entries
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["evaluated", "evaluated", "evaluated", "aborted"]);
    assert_eq!(entries[3]["errors"][0]["code"], "too_large");
    service.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_lines_stream_in_and_out() {
    let (service, base) = serve(|_| {}).await;
    let one_line = RECORD.replace('\n', "");
    let long_line = format!("{{\"id\": \"{}\"}}", "x".repeat(70 * 1024));
    let body = [
        one_line.clone(),
        String::new(),
        "{not json".to_owned(),
        long_line,
        one_line.replace("dv-0042", "dv-0043"),
    ]
    .join("\r\n");
    let mut payload = body.into_bytes();
    payload.extend_from_slice(b"\n\xFF\xFE\n");
    let response = post_lines(&client(), &base, payload).await;
    assert_eq!(response.status(), 200);
    let entries = json_lines(&response.text().await.unwrap());
    let summary: Vec<(u64, &str)> = entries
        .iter()
        .map(|e| (e["index"].as_u64().unwrap(), e["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        summary,
        [
            (0, "evaluated"),
            (2, "rejected"),
            (3, "rejected"),
            (4, "evaluated"),
            (5, "rejected")
        ]
    );
    assert_eq!(entries[0]["decision"]["id"], "dv-0042");
    assert_eq!(entries[1]["errors"][0]["code"], "invalid_json");
    assert_eq!(entries[2]["errors"][0]["code"], "too_large");
    assert_eq!(entries[3]["id"], "dv-0043");

    // Interactive: each line's answer arrives before the next line is sent.
    let mut stream = TcpStream::connect(service.address()).await.unwrap();
    stream
        .write_all(b"POST /v1/evaluate/batch HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-ndjson\r\ntransfer-encoding: chunked\r\n\r\n")
        .await
        .unwrap();
    let mut seen = String::new();
    for id in ["first", "second"] {
        let line = format!("{}\n", one_line.replace("dv-0042", id));
        stream
            .write_all(format!("{:x}\r\n{line}\r\n", line.len()).as_bytes())
            .await
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        while !seen.contains(&format!("\"id\":\"{id}\"")) {
            let mut buffer = [0_u8; 65536];
            let left = deadline.saturating_duration_since(Instant::now());
            let n = tokio::time::timeout(left, stream.read(&mut buffer))
                .await
                .expect("the answer to a line comes before the next line is sent")
                .unwrap();
            assert!(n > 0, "closed early: {seen}");
            seen.push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
    }
    stream.write_all(b"0\r\n\r\n").await.unwrap();

    // A client that asks `Expect: 100-continue` (curl, for large bodies) is told to go on
    // at once, not left to its own timeout.
    let mut stream = TcpStream::connect(service.address()).await.unwrap();
    let body = format!("{one_line}\n");
    stream
        .write_all(
            format!(
                "POST /v1/evaluate/batch HTTP/1.1\r\nhost: x\r\nexpect: 100-continue\r\ncontent-type: application/x-ndjson\r\ncontent-length: {}\r\n\r\n",
                body.len()
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    let mut buffer = [0_u8; 256];
    let n = tokio::time::timeout(Duration::from_millis(500), stream.read(&mut buffer))
        .await
        .expect("100 Continue comes before the body is sent")
        .unwrap();
    assert!(
        buffer[..n].starts_with(b"HTTP/1.1 100"),
        "{}",
        String::from_utf8_lossy(&buffer[..n])
    );
    drop(stream);
    service.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_client_is_cut_off() {
    let (service, base) = serve(|config| {
        config.limits.header_timeout = Duration::from_millis(500);
        config.limits.request_timeout = Duration::from_millis(800);
    })
    .await;
    // Headers never finished: the connection is closed after the header timeout.
    let mut stream = TcpStream::connect(service.address()).await.unwrap();
    stream
        .write_all(b"POST /v1/evaluate HTTP/1.1\r\nhost: x\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let (_, closed) = read_until_closed(&mut stream, Duration::from_secs(10)).await;
    assert!(
        closed,
        "the server kept a connection whose headers never came"
    );
    assert!(started.elapsed() < Duration::from_secs(5));

    // A body that stops halfway: 408 after the request timeout.
    let mut stream = start_evaluate(service.address(), 20).await;
    let (answer, _) = read_until_closed(&mut stream, Duration::from_secs(10)).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("request_timeout"), "{answer}");

    // A JSON Lines stream that stalls: the lines before are answered, then `aborted`.
    let mut stream = TcpStream::connect(service.address()).await.unwrap();
    let line = format!("{}\n", RECORD.replace('\n', ""));
    stream
        .write_all(
            format!(
                "POST /v1/evaluate/batch HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-ndjson\r\ntransfer-encoding: chunked\r\n\r\n{:x}\r\n{line}\r\n",
                line.len()
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    let (answer, closed) = read_until_closed(&mut stream, Duration::from_secs(10)).await;
    assert!(closed, "{answer}");
    assert!(answer.contains("\"status\":\"evaluated\""), "{answer}");
    assert!(answer.contains("\"status\":\"aborted\""), "{answer}");
    assert!(answer.contains("timed out waiting"), "{answer}");

    // The service is still there.
    let response = post_json(&client(), &format!("{base}/v1/evaluate"), RECORD).await;
    assert_eq!(response.status(), 200);
    service.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_disconnects_mid_body_harms_nothing() {
    let (service, base) = serve(|_| {}).await;
    for (path, media) in [
        ("/v1/evaluate", "application/json"),
        ("/v1/evaluate/batch", "application/x-ndjson"),
    ] {
        for _ in 0..20 {
            let mut stream = TcpStream::connect(service.address()).await.unwrap();
            stream
                .write_all(
                    format!(
                        "POST {path} HTTP/1.1\r\nhost: x\r\ncontent-type: {media}\r\ncontent-length: 100000\r\n\r\n{}",
                        RECORD.replace('\n', "")
                    )
                    .as_bytes(),
                )
                .await
                .unwrap();
            drop(stream);
        }
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let client = client();
    let response = post_json(&client, &format!("{base}/v1/evaluate"), RECORD).await;
    assert_eq!(response.status(), 200);
    // Every stream slot was given back.
    let lines = format!("{}\n", RECORD.replace('\n', ""));
    for _ in 0..40 {
        let response = post_lines(&client, &base, lines.clone()).await;
        assert_eq!(response.status(), 200);
        assert!(response.text().await.unwrap().contains("evaluated"));
    }
    let metrics = get_text(&client, &format!("{base}/metrics")).await;
    // Only the metrics request itself is in flight.
    assert!(
        metrics.contains("cadre_http_requests_in_flight 1"),
        "{metrics}"
    );
    service.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overload_sheds_with_503_and_recovers() {
    let (service, base) = serve(|config| {
        config.limits.max_concurrent_requests = 1;
    })
    .await;
    // One request holds the only slot while its body trickles in.
    let mut holder = start_evaluate(service.address(), 10).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let client = client();
    let shed = post_json(&client, &format!("{base}/v1/evaluate"), RECORD).await;
    assert_eq!(shed.status(), 503);
    assert_eq!(shed.headers()["retry-after"], "1");
    assert_eq!(error_code(shed).await, "overloaded");
    // Health answers during the overload.
    assert_eq!(
        client
            .get(format!("{base}/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    holder.write_all(&RECORD.as_bytes()[10..]).await.unwrap();
    let (answer, _) = read_until_closed(&mut holder, Duration::from_millis(1500)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let recovered = post_json(&client, &format!("{base}/v1/evaluate"), RECORD).await;
    assert_eq!(recovered.status(), 200);
    let metrics = get_text(&client, &format!("{base}/metrics")).await;
    assert!(
        metrics.contains("cadre_rejections_total{code=\"overloaded\"} 1"),
        "{metrics}"
    );
    service.shutdown().await.unwrap();
}

/// With a queueing-delay limit of zero every measured delay is over it: `/v1/` sheds
/// with 503 while health and metrics still answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_late_runtime_sheds_new_requests() {
    let (service, base) = serve(|config| config.limits.max_queue_delay = Duration::ZERO).await;
    let client = client();
    tokio::time::sleep(Duration::from_millis(50)).await;
    let shed = post_json(&client, &format!("{base}/v1/evaluate"), RECORD).await;
    assert_eq!(shed.status(), 503);
    assert_eq!(shed.headers()["retry-after"], "1");
    assert_eq!(error_code(shed).await, "overloaded");
    assert_eq!(
        client
            .get(format!("{base}/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let metrics = get_text(&client, &format!("{base}/metrics")).await;
    assert!(
        metrics.contains("cadre_queue_delay_microseconds"),
        "{metrics}"
    );
    service.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn provenance_metrics_and_the_document() {
    let (service, base) = serve(|_| {}).await;
    let client = client();
    let response = post_json(&client, &format!("{base}/v1/evaluate"), RECORD).await;
    let headers = response.headers().clone();
    let body: Value = response.json().await.unwrap();
    let provenance = &body["provenance"];
    assert_eq!(provenance["engine"], "cadre-eval");
    assert_eq!(
        headers["cadre-engine-version"],
        provenance["engine_version"].as_str().unwrap()
    );
    assert_eq!(
        headers["cadre-catalogue-sha256"],
        provenance["catalogue_sha256"].as_str().unwrap()
    );
    assert_eq!(provenance["regimes"], json!(["qd366"]));
    assert_eq!(headers["cache-control"], "no-store");
    assert!(headers.contains_key("x-request-id"));
    // The hash is the catalogue document's, byte for byte.
    let document = client
        .get(format!("{base}/v1/catalogue"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let digest: String = cadre_eval_service::state::sha256(&document)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(provenance["catalogue_sha256"], digest);
    let rules: Value = client
        .get(format!("{base}/v1/rules"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        rules["rules"].as_array().unwrap().len(),
        provenance["rule_count"].as_u64().unwrap() as usize
    );
    assert_eq!(
        rules["rules"].as_array().unwrap().len(),
        cadre_eval::Rule::ALL.len()
    );
    // A request id sent by the caller is kept.
    let tagged = client
        .get(format!("{base}/healthz"))
        .header("x-request-id", "hr-42")
        .send()
        .await
        .unwrap();
    assert_eq!(tagged.headers()["x-request-id"], "hr-42");
    // Records and rejections are counted.
    post_json(
        &client,
        &format!("{base}/v1/evaluate/batch"),
        &format!("[{RECORD}, {{}}]"),
    )
    .await;
    let metrics = get_text(&client, &format!("{base}/metrics")).await;
    for wanted in [
        "cadre_http_requests_total{route=\"/v1/evaluate\",method=\"POST\",status=\"200\"} 1",
        "cadre_records_total{outcome=\"evaluated\"} 2",
        "cadre_records_total{outcome=\"rejected\"} 1",
        "cadre_rejections_total{code=\"missing_field\"}",
        "cadre_http_request_duration_seconds_bucket{le=",
    ] {
        assert!(metrics.contains(wanted), "{wanted} missing from\n{metrics}");
    }
    let openapi: Value = client
        .get(format!("{base}/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(openapi["openapi"], "3.1.0");
    for path in [
        "/v1/evaluate",
        "/v1/evaluate/batch",
        "/v1/quota",
        "/v1/org",
        "/v1/compare",
        "/v1/compare/org",
        "/v1/partial",
        "/v1/what-would-change",
        "/v1/form-schema",
        "/v1/conduct",
        "/v1/rules",
        "/v1/regimes",
        "/v1/schemas/{name}",
    ] {
        assert!(openapi["paths"].get(path).is_some(), "{path} undocumented");
    }
    let example = &openapi["paths"]["/v1/evaluate"]["post"]["responses"]["200"]["content"]
        ["application/json"]["example"];
    assert_eq!(
        example["decision"]["level"], "good",
        "the example answer is the engine's"
    );
    let schema: Value = client
        .get(format!("{base}/v1/schemas/assessment"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(schema, cadre_eval::assessment_schema());
    service.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_form_is_served_with_security_headers() {
    let folder = std::env::temp_dir().join(format!("cadre-eval-form-{}", std::process::id()));
    std::fs::create_dir_all(folder.join("pkg")).unwrap();
    std::fs::create_dir_all(folder.join("node_modules/x")).unwrap();
    std::fs::write(
        folder.join("index.html"),
        "<!doctype html><title>form</title>",
    )
    .unwrap();
    std::fs::write(folder.join("app.js"), "export {};").unwrap();
    std::fs::write(folder.join("package.json"), "{}").unwrap();
    std::fs::write(
        folder.join("pkg/cadre_eval_wasm_bg.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .unwrap();
    std::fs::write(folder.join("node_modules/x/index.js"), "secret").unwrap();
    let (service, base) = serve(|config| config.form_dir = Some(folder.clone())).await;
    let client = client();
    let page = client.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("'wasm-unsafe-eval'")
            && !csp.contains("'unsafe-eval'")
            && !csp.contains("'unsafe-inline'")
    );
    assert!(
        csp.contains("frame-ancestors 'none'") && !csp.contains("http"),
        "{csp}"
    );
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    assert_eq!(page.headers()["referrer-policy"], "no-referrer");
    assert!(page.text().await.unwrap().contains("<title>form</title>"));
    let wasm = client
        .get(format!("{base}/pkg/cadre_eval_wasm_bg.wasm"))
        .send()
        .await
        .unwrap();
    assert_eq!(wasm.status(), 200);
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    assert_eq!(
        client
            .get(format!("{base}/app.js"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    for hidden in [
        "/node_modules/x/index.js",
        "/package.json",
        "/../Cargo.toml",
        "/nothing.html",
    ] {
        let response = client.get(format!("{base}{hidden}")).send().await.unwrap();
        assert_eq!(response.status(), 404, "{hidden}");
    }
    // The API is still there beside the form.
    assert_eq!(
        post_json(&client, &format!("{base}/v1/evaluate"), RECORD)
            .await
            .status(),
        200
    );
    service.shutdown().await.unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_lets_requests_in_flight_finish() {
    let (service, base) =
        serve(|config| config.limits.shutdown_grace = Duration::from_secs(5)).await;
    let address = service.address();
    let mut in_flight = start_evaluate(address, 10).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let stopping = tokio::spawn(service.shutdown());
    tokio::time::sleep(Duration::from_millis(200)).await;
    // No new connections…
    let refused = client()
        .get(format!("{base}/healthz"))
        .timeout(Duration::from_secs(5))
        .send()
        .await;
    assert!(
        refused.is_err(),
        "a new connection was accepted while shutting down"
    );
    // …but the request in flight finishes.
    in_flight.write_all(&RECORD.as_bytes()[10..]).await.unwrap();
    let (answer, _) = read_until_closed(&mut in_flight, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    stopping.await.unwrap().unwrap();
}

/// `POST /v1/form-schema` with a state request: the core's monthly or quarterly state
/// form (docs/state-regimes.md §10.1); a state form for a party regime is refused as data.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_form_schema_route_gives_the_state_forms() {
    let (service, base) = serve(|_| {}).await;
    let client = client();
    let url = format!("{base}/v1/form-schema");
    let form = post_json(
        &client,
        &url,
        r#"{"rating": "state", "regime": "nd233", "kind": "leader", "period_kind": "quarter", "on": "2026-12-31"}"#,
    )
    .await;
    assert_eq!(form.status(), 200);
    let body: Value = form.json().await.unwrap();
    assert_eq!(body["form"]["form"], "02B");
    assert_eq!(body["form"]["period_placeholder"], "{p}");
    assert_eq!(body["form"]["fixed"]["subject"]["employment"], "vien_chuc");
    let refused = post_json(
        &client,
        &url,
        r#"{"rating": "state", "regime": "qd124", "kind": "member", "on": "2026-12-31"}"#,
    )
    .await;
    assert_eq!(refused.status(), 422);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "not_applicable");
    assert_eq!(body["errors"][0]["path"], "/regime");
    service.shutdown().await.unwrap();
}
