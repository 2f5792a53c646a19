//! Every shared vector (`vectors/`) through HTTP gives what the library gives: the same
//! decision record (or the same errors), the same quota, organisation report,
//! comparison, partial evaluation and changes. The library's own tests check the
//! library against each vector's expectation; this checks the service against the
//! library, field for field.

#![cfg(test)]

mod common;

use cadre_eval::{
    apply_quota, compare_json, evaluate_batch_json, evaluate_json, evaluate_partial_json,
    evaluate_text, evaluate_tree_json, what_would_change_json, BatchItem, BatchOptions,
    CompareOptions, Options, OrgOptions, PartyRate, QuotaOptions,
};
use common::{client, repo_root, serve};
use serde_json::{json, Value};
use std::path::PathBuf;

/// Every vector file under `vectors/`, with its kind (its folder), and those of
/// `vectors/state/{org,compare,partial,change}`.
fn vector_files() -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    for folder in std::fs::read_dir(repo_root().join("vectors")).unwrap() {
        let folder = folder.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        let kind = folder.file_name().unwrap().to_string_lossy().into_owned();
        for file in std::fs::read_dir(&folder).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "json") {
                files.push((kind.clone(), file));
            }
        }
    }
    // The state regimes' trees, comparisons, partial evaluations and changes, each of
    // the kind of its folder.
    for kind in ["org", "compare", "partial", "change"] {
        let folder = repo_root().join("vectors/state").join(kind);
        for file in std::fs::read_dir(folder).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "json") {
                files.push((kind.to_owned(), file));
            }
        }
    }
    files.sort();
    files
}

fn load(path: &PathBuf) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The query string of evaluation options.
fn options_query(options: &Options) -> String {
    let value = serde_json::to_value(options).unwrap();
    let mut query = format!(
        "reading={}&basic_targets={}",
        value["reading"].as_str().unwrap(),
        value["basic_targets"].as_str().unwrap()
    );
    for key in ["state_cap", "rounding", "leader_components"] {
        if let Some(choice) = value.get(key).and_then(Value::as_str) {
            query.push_str(&format!("&{key}={choice}"));
        }
    }
    query
}

fn quota_query(quota: &QuotaOptions) -> String {
    let value = serde_json::to_value(quota).unwrap();
    let mut query = format!("quota_reading={}", value["reading"].as_str().unwrap());
    for group in &quota.raised_ratio_groups {
        query.push_str("&raised_ratio_group=");
        query.push_str(&percent(group));
    }
    for agency in &quota.agency_recognised_excellent {
        query.push_str("&recognised_agency=");
        query.push_str(&percent(agency));
    }
    for (agency, rate) in &quota.party_excellent_rate {
        let rate = match rate {
            PartyRate::Counts { excellent, rated } => format!("{excellent}/{rated}"),
            PartyRate::Percent(percent) => format!("{percent}%"),
        };
        query.push_str("&party_excellent_rate=");
        query.push_str(&percent(&format!("{agency}={rate}")));
    }
    query
}

/// Percent-encodes a query value.
fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn options_of(vector: &Value) -> Options {
    vector
        .get("options")
        .map(|o| serde_json::from_value(o.clone()).unwrap())
        .unwrap_or_default()
}

fn quota_of(vector: &Value) -> QuotaOptions {
    vector
        .get("quota")
        .map(|o| serde_json::from_value(o.clone()).unwrap())
        .unwrap_or_default()
}

async fn post(client: &reqwest::Client, url: String, body: String) -> (u16, Value) {
    let response = client
        .post(url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let value: Value = response.json().await.unwrap();
    (status, value)
}

/// Checks one decision vector; returns the problems.
async fn check_decision(client: &reqwest::Client, base: &str, vector: &Value) -> Vec<String> {
    let options = options_of(vector);
    let text = vector["input"].to_string();
    let url = format!("{base}/v1/evaluate?{}", options_query(&options));
    let (status, body) = post(client, url, text.clone()).await;
    match evaluate_json(&text, &options) {
        Ok(record) => {
            let want = serde_json::to_value(record).unwrap();
            let mut problems = Vec::new();
            if status != 200 {
                problems.push(format!("status {status}, want 200: {body}"));
            } else if body["decision"] != want {
                problems.push(format!(
                    "decision differs:\n  http {}\n  lib  {want}",
                    body["decision"]
                ));
            }
            // A decision without a regime (a cán bộ from 2026, `state.none`) names none.
            let regimes = match &want["regime"] {
                Value::Null => json!([]),
                regime => json!([regime]),
            };
            if body["provenance"]["regimes"] != regimes {
                problems.push(format!(
                    "provenance regimes {}",
                    body["provenance"]["regimes"]
                ));
            }
            problems
        }
        Err(errors) => {
            let want = serde_json::to_value(&errors).unwrap();
            let mut problems = Vec::new();
            if !(400..500).contains(&status) {
                problems.push(format!("status {status}, want 4xx"));
            }
            if body["errors"] != want {
                problems.push(format!(
                    "errors differ:\n  http {}\n  lib  {want}",
                    body["errors"]
                ));
            }
            problems
        }
    }
}

/// A group vector: its inputs through `POST /v1/quota`, against `apply_quota`.
async fn check_group(client: &reqwest::Client, base: &str, vector: &Value) -> Vec<String> {
    let options = options_of(vector);
    let quota = quota_of(vector);
    let template = vector.get("template").cloned().unwrap_or(json!({}));
    let records: Vec<Value> = vector["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|input| {
            let mut record = template.as_object().unwrap().clone();
            record.extend(input.as_object().unwrap().clone());
            Value::Object(record)
        })
        .collect();
    let holds_state = records.iter().any(|r| r["rating"] == "state");
    let (want, groups, state_groups) = if holds_state {
        // A call with state records pairs them with party records and applies both
        // quotas (api::pairs); some of these vectors hold a record that is rejected.
        let batch = evaluate_batch_json(
            &Value::Array(records.clone()).to_string(),
            &BatchOptions {
                evaluation: options,
                quota: Some(quota.clone()),
            },
        )
        .unwrap();
        let want: Vec<Value> = batch
            .items
            .iter()
            .filter_map(|item| match item {
                BatchItem::Decision(d) => Some(serde_json::to_value(d.to_record()).unwrap()),
                BatchItem::Rejected(_) => None,
            })
            .collect();
        (want, batch.groups, batch.state_groups)
    } else {
        let mut decisions: Vec<_> = records
            .iter()
            .map(|r| evaluate_text(&r.to_string(), &options).unwrap())
            .collect();
        let groups = apply_quota(&mut decisions, &quota);
        let want: Vec<Value> = decisions
            .iter()
            .map(|d| serde_json::to_value(d.to_record()).unwrap())
            .collect();
        (want, groups, Vec::new())
    };
    let url = format!(
        "{base}/v1/quota?{}&{}",
        options_query(&options),
        quota_query(&quota)
    );
    let (status, body) = post(client, url, Value::Array(records).to_string()).await;
    let mut problems = Vec::new();
    if status != 200 {
        return vec![format!("status {status}: {body}")];
    }
    let got: Vec<Value> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["status"] == "evaluated")
        .map(|item| item["decision"].clone())
        .collect();
    if got != want {
        problems.push("decisions after the quota differ".to_owned());
    }
    if body["groups"] != serde_json::to_value(&groups).unwrap() {
        problems.push(format!("group reports differ: {}", body["groups"]));
    }
    if body["state_groups"] != serde_json::to_value(&state_groups).unwrap() {
        problems.push(format!(
            "state group reports differ: {}",
            body["state_groups"]
        ));
    }
    problems
}

/// An organisation tree through `POST /v1/org`, against `evaluate_tree_json`.
async fn check_tree(client: &reqwest::Client, base: &str, vector: &Value) -> Vec<String> {
    let options = options_of(vector);
    let quota = quota_of(vector);
    let text = vector["input"].to_string();
    let result = evaluate_tree_json(
        &text,
        OrgOptions {
            evaluation: options,
            quota: Some(quota.clone()),
            ..OrgOptions::default()
        },
    );
    let url = format!(
        "{base}/v1/org?{}&{}",
        options_query(&options),
        quota_query(&quota)
    );
    let (status, body) = post(client, url, text).await;
    match result {
        Ok(result) => {
            let mut problems = Vec::new();
            if status != 200 {
                return vec![format!("status {status}: {body}")];
            }
            if body["report"] != serde_json::to_value(&result.report).unwrap() {
                problems.push("report differs".to_owned());
            }
            let want: Vec<Value> = result
                .records
                .iter()
                .map(|r| serde_json::to_value(r.decision.to_record()).unwrap())
                .collect();
            let got: Vec<Value> = body["records"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["decision"].clone())
                .collect();
            if got != want {
                problems.push("decisions differ".to_owned());
            }
            problems
        }
        Err(errors) => {
            if body["errors"] == serde_json::to_value(&errors).unwrap()
                && (400..500).contains(&status)
            {
                Vec::new()
            } else {
                vec![format!("errors differ: {status} {body}")]
            }
        }
    }
}

/// A comparison through `POST /v1/compare`, against `compare_json`.
async fn check_comparison(client: &reqwest::Client, base: &str, vector: &Value) -> Vec<String> {
    let mut options = CompareOptions::default();
    let mut query = Vec::new();
    if let Some(given) = vector.get("options") {
        if let Some(regimes) = given.get("regimes") {
            options.regimes = serde_json::from_value(regimes.clone()).unwrap();
            for regime in regimes.as_array().unwrap() {
                query.push(format!("regimes={}", regime.as_str().unwrap()));
            }
        }
        if let Some(mapping) = given.get("grades_from_points") {
            options.grades_from_points = serde_json::from_value(mapping.clone()).unwrap();
            query.push(format!("grades_from_points={}", mapping.as_str().unwrap()));
        }
    }
    let text = vector["input"].to_string();
    let url = format!("{base}/v1/compare?{}", query.join("&"));
    let (status, body) = post(client, url, text.clone()).await;
    match compare_json(&text, &options) {
        Ok(comparison)
            if status == 200
                && body["comparison"] == serde_json::to_value(&comparison).unwrap() =>
        {
            Vec::new()
        }
        Err(errors) if body["errors"] == serde_json::to_value(&errors).unwrap() => Vec::new(),
        _ => vec![format!("comparison differs: {status}")],
    }
}

/// A partial evaluation through `POST /v1/partial`.
async fn check_partial(client: &reqwest::Client, base: &str, vector: &Value) -> Vec<String> {
    let options = options_of(vector);
    let text = vector["input"].to_string();
    let url = format!("{base}/v1/partial?{}", options_query(&options));
    let (status, body) = post(client, url, text.clone()).await;
    match evaluate_partial_json(&text, &options) {
        Ok(partial)
            if status == 200 && body["partial"] == serde_json::to_value(&partial).unwrap() =>
        {
            Vec::new()
        }
        Err(errors) if body["errors"] == serde_json::to_value(&errors).unwrap() => Vec::new(),
        _ => vec![format!("partial result differs: {status} {body}")],
    }
}

/// What would change, through `POST /v1/what-would-change`.
async fn check_change(client: &reqwest::Client, base: &str, vector: &Value) -> Vec<String> {
    let options = options_of(vector);
    let text = vector["input"].to_string();
    let url = format!("{base}/v1/what-would-change?{}", options_query(&options));
    let (status, body) = post(client, url, text.clone()).await;
    match what_would_change_json(&text, &options) {
        Ok(change)
            if status == 200
                && body["decision"] == serde_json::to_value(&change.decision).unwrap()
                && body["what_would_change"]
                    == serde_json::to_value(&change.what_would_change).unwrap() =>
        {
            Vec::new()
        }
        Err(errors) if body["errors"] == serde_json::to_value(&errors).unwrap() => Vec::new(),
        _ => vec![format!("what would change differs: {status}")],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_shared_vector_through_http_gives_what_the_library_gives() {
    let (service, base) = serve(|_| {}).await;
    let client = client();
    let mut failures = Vec::new();
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for (kind, path) in vector_files() {
        let file = load(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let lists = [
            (
                "decision",
                file.get("vectors"),
                kind != "partial" && kind != "change",
            ),
            ("group", file.get("groups"), true),
            ("tree", file.get("trees"), true),
            ("comparison", file.get("comparisons"), true),
            ("partial", file.get("vectors"), kind == "partial"),
            ("change", file.get("vectors"), kind == "change"),
        ];
        for (what, list, applies) in lists {
            let Some(list) = list.filter(|_| applies) else {
                continue;
            };
            for vector in list.as_array().unwrap() {
                let problems = match what {
                    "decision" => check_decision(&client, &base, vector).await,
                    "group" => check_group(&client, &base, vector).await,
                    "tree" => check_tree(&client, &base, vector).await,
                    "comparison" => check_comparison(&client, &base, vector).await,
                    "partial" => check_partial(&client, &base, vector).await,
                    _ => check_change(&client, &base, vector).await,
                };
                *counts.entry(what).or_default() += 1;
                for problem in problems {
                    failures.push(format!("{kind}/{name} / {}: {problem}", vector["name"]));
                }
            }
        }
    }
    println!("vectors through HTTP: {counts:?}");
    for kind in [
        "decision",
        "group",
        "tree",
        "comparison",
        "partial",
        "change",
    ] {
        assert!(
            counts.get(kind).copied().unwrap_or(0) > 0,
            "no {kind} vectors found"
        );
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
    service.shutdown().await.unwrap();
}

/// The same records as one JSON array, and as JSON Lines streamed, give the same
/// decisions as the library, record by record and in order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn decision_vectors_as_a_batch_and_as_json_lines_agree_with_the_library() {
    let (service, base) = serve(|_| {}).await;
    let client = client();
    let mut records = Vec::new();
    for (kind, path) in vector_files() {
        if kind == "partial" || kind == "change" {
            continue;
        }
        if let Some(vectors) = load(&path).get("vectors").and_then(Value::as_array) {
            records.extend(
                vectors
                    .iter()
                    .filter(|v| v.get("options").is_none())
                    .map(|v| v["input"].clone()),
            );
        }
    }
    // In one call, a state record and a party record with the same id are a pair
    // (api::pairs); the vectors reuse ids, so each record gets its own here.
    for (index, record) in records.iter_mut().enumerate() {
        if record.get("id").is_some_and(Value::is_string) {
            record["id"] = json!(format!("r{index}"));
        }
    }
    assert!(records.len() > 100, "only {} records", records.len());
    let want: Vec<Value> = records
        .iter()
        .map(
            |record| match evaluate_json(&record.to_string(), &Options::default()) {
                Ok(decision) => json!({ "decision": serde_json::to_value(decision).unwrap() }),
                Err(errors) => json!({ "errors": serde_json::to_value(errors).unwrap() }),
            },
        )
        .collect();
    let pick = |entry: &Value| match entry["status"].as_str().unwrap() {
        "evaluated" => json!({ "decision": entry["decision"] }),
        _ => json!({ "errors": entry["errors"] }),
    };

    let (status, body) = post(
        &client,
        format!("{base}/v1/evaluate/batch"),
        Value::Array(records.clone()).to_string(),
    )
    .await;
    assert_eq!(status, 200);
    let got: Vec<Value> = body["items"].as_array().unwrap().iter().map(pick).collect();
    assert_eq!(got.len(), want.len());
    for (index, (got, want)) in got.iter().zip(&want).enumerate() {
        assert_eq!(got, want, "array record {index}");
    }

    let lines: String = records.iter().map(|r| format!("{r}\n")).collect();
    let response = client
        .post(format!("{base}/v1/evaluate/batch"))
        .header("content-type", "application/x-ndjson")
        .body(lines)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/x-ndjson");
    let text = response.text().await.unwrap();
    let entries = common::json_lines(&text);
    assert_eq!(entries.len(), want.len());
    for (index, (entry, want)) in entries.iter().zip(&want).enumerate() {
        assert_eq!(entry["index"], index, "line {index}");
        assert_eq!(&pick(entry), want, "line {index}");
    }
    service.shutdown().await.unwrap();
}
