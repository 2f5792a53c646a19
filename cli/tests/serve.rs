//! `cadre-eval serve` as a process: it refuses to listen beyond loopback without
//! tokens, answers on the port it reports, logs one JSON line per request without the
//! records' content, and exits 0 after SIGTERM once the requests in flight are done.

#![cfg(test)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const RECORD: &str = r#"{"id":"dv-secret-4711","period":{"year":2025},"subject":{"kind":"member","admitted_on":"2019-05-19"},"score":{"general":27.5,"task_results":63},"tasks":{"assigned":12,"completed":12,"on_time":12,"exceeded":3}}"#;

fn serve(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_cadre-eval"))
        .arg("serve")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The stderr lines of a child, as they come.
fn log_lines(child: &mut Child) -> mpsc::Receiver<String> {
    let stderr = child.stderr.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            if sender.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    receiver
}

fn next_line(lines: &mpsc::Receiver<String>) -> serde_json::Value {
    let line = lines
        .recv_timeout(Duration::from_secs(30))
        .expect("a log line");
    serde_json::from_str(&line).unwrap_or_else(|_| panic!("not a JSON log line: {line}"))
}

/// One HTTP/1.1 exchange on a new connection; the whole answer.
fn exchange(address: &str, request: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

fn post(path: &str, body: &str) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
}

#[test]
fn refuses_to_listen_beyond_loopback_without_tokens() {
    let output = Command::new(env!("CARGO_BIN_EXE_cadre-eval"))
        .args(["serve", "--bind", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--token-file"), "{stderr}");
}

#[test]
fn answers_logs_and_stops_gracefully_on_sigterm() {
    // No shedding on a loaded test machine.
    let mut child = serve(&[
        "--bind",
        "127.0.0.1:0",
        "--shutdown-grace",
        "10",
        "--max-queue-delay-ms",
        "60000",
    ]);
    let lines = log_lines(&mut child);
    let listening = next_line(&lines);
    assert_eq!(listening["fields"]["message"], "listening");
    let address = listening["fields"]["address"].as_str().unwrap().to_owned();

    let answer = exchange(&address, &post("/v1/evaluate", RECORD));
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"level\":\"good\""), "{answer}");
    let logged = next_line(&lines);
    let fields = &logged["fields"];
    assert_eq!(fields["route"], "/v1/evaluate");
    assert_eq!(fields["status"], 200);
    assert_eq!(fields["records_evaluated"], 1);
    assert!(fields["request_id"]
        .as_str()
        .is_some_and(|id| !id.is_empty()));
    assert!(fields["duration_ms"].as_f64().is_some());
    assert!(
        !logged.to_string().contains("dv-secret-4711"),
        "the log holds record content: {logged}"
    );

    // A request in flight when SIGTERM comes still gets its answer.
    let mut in_flight = TcpStream::connect(&address).unwrap();
    in_flight
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let request = post("/v1/evaluate", RECORD);
    let (head, tail) = request.split_at(request.len() - 20);
    in_flight.write_all(head.as_bytes()).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    std::thread::sleep(Duration::from_millis(300));
    in_flight.write_all(tail.as_bytes()).unwrap();
    let mut answer = String::new();
    in_flight.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "exit status after SIGTERM");
}
