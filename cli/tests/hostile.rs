//! Hostile input through the real binary (issue 16): every reader bounded, under a
//! memory cap; one reader for every command; echoed ids cut; paths kept.

#![cfg(test)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_cadre-eval");

const RECORD: &str = r#"{"id":"dv-1","period":{"year":2025},"subject":{"kind":"member","admitted_on":"2019-05-19"},"score":{"general":27.5,"task_results":63},"tasks":{"assigned":12,"completed":12,"on_time":12,"exceeded":4}}"#;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Written from another thread: a command that writes as it reads would otherwise
    // block on a full stdout while this thread still writes its input.
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

/// `head -c <bytes> /dev/zero | cadre-eval <args>` under a cap of `cap_kib` KiB of
/// address space (`ulimit -v`): the process must end with a structured error (exit 2,
/// `too_large` on stderr), never be killed or abort.
fn zeros_under_cap(args: &str, bytes: &str, cap_kib: u64) -> Output {
    let script = format!(
        "ulimit -v {cap_kib}; head -c {bytes} /dev/zero | '{BIN}' {args}; echo \"exit=$?\" >&2"
    );
    Command::new("sh").arg("-c").arg(script).output().unwrap()
}

fn assert_refused_as_too_large(output: &Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("too_large"), "{stderr}");
    assert!(stderr.trim_end().ends_with("exit=2"), "{stderr}");
}

/// Issue 16, defect 4: `head -c 2G /dev/zero | cadre-eval partial -` held 2.1 GB to
/// report a 64 KiB limit.
#[test]
fn a_single_record_reader_stops_at_its_limit_under_a_memory_cap() {
    for command in ["partial -", "what-would-change -", "evaluate -"] {
        let output = zeros_under_cap(command, "2G", 1024 * 1024);
        assert_refused_as_too_large(&output);
    }
}

#[test]
fn a_tree_reader_stops_at_its_limit_under_a_memory_cap() {
    // The nested tree's limit is 256 MiB: read to it, no further.
    assert_refused_as_too_large(&zeros_under_cap("org -", "300M", 1024 * 1024));
}

/// Issue 16, defect 9: a byte-order mark was refused by `partial` and
/// `what-would-change` and accepted by the other commands.
#[test]
fn every_command_reads_a_byte_order_mark() {
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), RECORD.as_bytes()].concat();
    for command in [
        &["partial", "-"][..],
        &["what-would-change", "-"][..],
        &["evaluate", "--jsonl", "-"][..],
        &["compare", "-"][..],
    ] {
        let output = run(command, &with_bom);
        // `compare` exits 1: the record has no grades for QĐ 124 and QĐ 132.
        assert_ne!(
            output.status.code(),
            Some(2),
            "{command:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// Issue 16, defect 8: a rejected record's id was copied to stderr at full size.
#[test]
fn an_oversized_id_is_cut_when_echoed() {
    let id = "x".repeat(1_000_000);
    let record = RECORD.replace("dv-1", &id);
    for (args, input) in [
        (&["evaluate", "-"][..], format!("[{record}]")),
        (&["evaluate", "--jsonl", "-"][..], record.clone()),
        (&["compare", "-"][..], record.clone()),
    ] {
        let output = run(args, input.as_bytes());
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.len() < 4096,
            "{args:?}: {} bytes of stderr",
            stderr.len()
        );
        // An over-long JSON Lines line is not read at all, so it has no id to echo.
        assert!(
            stderr.contains(&format!("\"{}\"", "x".repeat(256))) || args.contains(&"--jsonl"),
            "{args:?}"
        );
    }
}

/// Issue 16, defects 1 and 7: a nested object written as an array is refused, and the
/// CLI says where.
#[test]
fn a_record_written_as_an_array_is_refused_with_its_path() {
    let record = RECORD.replace(r#"{"general":27.5,"task_results":63}"#, "[27.5,63]");
    let output = run(&["partial", "-"], record.as_bytes());
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("invalid_type") && stderr.contains("/score"),
        "{stderr}"
    );
    let array = r#"["p",[2025],null,null,["member"],[28,65],null,null,[10,10,10,4]]"#;
    let output = run(&["evaluate", "--jsonl", "-"], array.as_bytes());
    assert_eq!(output.status.code(), Some(1));
}

/// Issue 16, defect 2: 20 significant digits were rounded to 30 (score 95, exit 0).
#[test]
fn points_are_read_from_their_exact_text() {
    for general in ["29.999999999999999999", "30.000000000000001", "65e-400"] {
        let record = RECORD.replace("27.5", general);
        let output = run(&["evaluate", "--jsonl", "-"], record.as_bytes());
        assert_eq!(output.status.code(), Some(1), "{general}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("too_many_decimals"), "{general}: {stderr}");
    }
    let record = RECORD.replace("27.5", "2.75e1");
    let output = run(&["evaluate", "--jsonl", "-"], record.as_bytes());
    assert_eq!(output.status.code(), Some(0));
}

/// `count` party records as JSON Lines, a fifth or so Excellent candidates, in 50 groups.
fn party_stream(count: usize) -> String {
    (0..count)
        .map(|i| {
            RECORD
                .replace(
                    "\"dv-1\"",
                    &format!("\"dv-{i}\",\"quota_group\":\"g{}\"", i % 50),
                )
                .replace("27.5", ["27.5", "28", "29", "25"][i % 4])
                .replace("\"exceeded\":4", &format!("\"exceeded\":{}", i % 7))
                + "\n"
        })
        .collect()
}

/// The lines of an example's JSON array.
fn example_lines(name: &str) -> String {
    let path = format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let records: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    records.iter().map(|r| r.to_string() + "\n").collect()
}

fn decisions_of_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Issue 16, defect 5, and issue 12: JSON Lines with the quota give the decisions of the
/// same records as a JSON array — with state records, pairs and the state quota too
/// (main evaluated each line alone: no pair, no state quota).
#[test]
fn a_quota_stream_decides_as_the_array_does_pairs_and_state_quota_included() {
    for example in [
        "chi-bo-2025.json",
        "vu-ke-hoach-tai-chinh-2026-pair.json",
        "trung-tam-y-te-2026-nd233.json",
    ] {
        let path = format!("{}/../examples/{example}", env!("CARGO_MANIFEST_DIR"));
        let array = run(&["evaluate", "--quota", &path], b"");
        let expected: Vec<serde_json::Value> = serde_json::from_slice(&array.stdout).unwrap();
        let lines = example_lines(example);
        let streamed = run(&["evaluate", "--jsonl", "--quota", "-"], lines.as_bytes());
        assert_eq!(streamed.status.code(), array.status.code(), "{example}");
        assert_eq!(decisions_of_lines(&streamed.stdout), expected, "{example}");
    }
}

/// Issue 16, defect 5: `--quota` over a stream held every decision (about 1.25 KB a
/// record) and aborted under a memory limit. Now it keeps the candidates' rank keys
/// only: 60,000 records under a 128 MiB address-space cap end with every decision.
#[test]
fn a_big_quota_stream_under_a_memory_cap_ends_with_every_decision() {
    let count = 60_000;
    let stream = party_stream(count);
    let script = format!(
        "ulimit -v {}; '{BIN}' evaluate --jsonl --quota --fields levels -; echo \"exit=$?\" >&2",
        128 * 1024
    );
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(stream.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.trim_end().ends_with("exit=0"), "{stderr}");
    let decisions = decisions_of_lines(&output.stdout);
    assert_eq!(decisions.len(), count);
    // The quota did demote: 1/5 of the Good count at most per group.
    let demoted = decisions
        .iter()
        .filter(|d| d["deciding_rule"] == "qd366.11.1.quota")
        .count();
    assert!(demoted > 0, "no candidate demoted");
}

/// Issue 16, defect 5: `--format table` held every row to the end. Rows now come as
/// they are decided, after the first 1,000: one heading, every row, the summary.
#[test]
fn a_long_table_is_written_whole_with_one_heading() {
    let stream = party_stream(2500);
    let output = run(
        &[
            "evaluate", "--jsonl", "--format", "table", "--lang", "en", "-",
        ],
        stream.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(text.lines().filter(|l| l.starts_with("ID ")).count(), 1);
    assert_eq!(text.lines().filter(|l| l.starts_with("dv-")).count(), 2500);
    assert!(
        text.lines().last().unwrap().starts_with("Records: 2500"),
        "{text}"
    );
}

/// Issue 16, defect 4: `evaluate --jsonl --output FILE` read its whole input first
/// (and refused a stream over 256 MiB). Lines are now evaluated as they are read: 300
/// MB of blank lines under a 128 MiB cap give an empty result file.
#[test]
fn json_lines_for_an_output_file_are_not_read_whole_first() {
    let dir = std::env::temp_dir().join(format!("cadre-eval-h16-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("out.csv");
    let script = format!(
        "ulimit -v {}; head -c 300M /dev/zero | tr '\\0' '\\n' | '{BIN}' evaluate --jsonl --output '{}' -; echo \"exit=$?\" >&2",
        128 * 1024,
        file.display()
    );
    let output = Command::new("sh").arg("-c").arg(script).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.trim_end().ends_with("exit=0"), "{stderr}");
    assert!(file.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Issue 16, defect 11: one record followed by text gave exit 2 from `evaluate` and
/// exit 1 from `compare`, which reported it as a record "không có id" though it has one.
#[test]
fn trailing_text_is_the_same_whole_input_error_for_evaluate_and_compare() {
    let input = format!("{RECORD} xyz");
    for command in ["evaluate", "compare"] {
        let output = run(&[command, "-"], input.as_bytes());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{command}: {stderr}");
        assert!(stderr.contains("invalid_json"), "{command}: {stderr}");
        assert!(!stderr.contains("không có id"), "{command}: {stderr}");
    }
}

/// Issue 16, defect 11: a `{from, to}` period skipped the 1900–2200 check that `{year}`
/// has, and an evaluation day centuries after the period was accepted.
#[test]
fn period_dates_and_the_evaluation_day_are_bounded() {
    let with = |period: &str, as_of: &str| {
        RECORD
            .replace(r#""period":{"year":2025}"#, period)
            .replace(r#""id":"dv-1","#, &format!(r#""id":"dv-1",{as_of}"#))
    };
    let cases = [
        (
            with(r#""period":{"from":"1066-01-01","to":"1066-12-31"}"#, ""),
            Some("/period/from"),
        ),
        (
            with(r#""period":{"from":"2025-01-01","to":"9999-12-31"}"#, ""),
            Some("/period/to"),
        ),
        (
            with(r#""period":{"year":2025}"#, r#""as_of":"2200-01-01","#),
            Some("/as_of"),
        ),
        (
            with(r#""period":{"year":2025}"#, r#""as_of":"2035-12-31","#),
            None,
        ),
        (
            with(r#""period":{"from":"2025-01-01","to":"2025-12-31"}"#, ""),
            None,
        ),
    ];
    for (line, refused_at) in cases {
        let output = run(
            &["evaluate", "--jsonl", "--format", "json", "-"],
            line.as_bytes(),
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        match refused_at {
            Some(path) => {
                assert_eq!(output.status.code(), Some(1), "{line}: {stderr}");
                assert!(
                    stderr.contains(&format!("\"path\":\"{path}\"")),
                    "{line}: {stderr}"
                );
            }
            None => assert_eq!(output.status.code(), Some(0), "{line}: {stderr}"),
        }
    }
}

/// Issue 16: `ProfileChoice` was a derived untagged enum, which buffers the value: an
/// inline criteria profile written as an array passed the objects-only reader.
#[test]
fn an_inline_criteria_profile_written_as_an_array_is_refused() {
    let vectors: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../vectors/qd366/profiles.json"
        ))
        .unwrap(),
    )
    .unwrap();
    fn inline(value: &serde_json::Value) -> Option<&serde_json::Value> {
        match value {
            serde_json::Value::Object(map) => {
                if map
                    .get("score")
                    .and_then(|s| s.get("profile"))
                    .is_some_and(|p| p.is_object())
                {
                    return Some(value);
                }
                map.values().find_map(inline)
            }
            serde_json::Value::Array(items) => items.iter().find_map(inline),
            _ => None,
        }
    }
    let record = inline(&vectors).unwrap().clone();
    let output = run(
        &["evaluate", "--format", "json", "-"],
        format!("[{record}]").as_bytes(),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut as_array = record.clone();
    let profile = &as_array["score"]["profile"];
    let fields = [
        "id",
        "version",
        "appendix",
        "issuer",
        "valid_from",
        "illustrative",
    ];
    let mut items: Vec<serde_json::Value> = fields
        .iter()
        .map(|f| profile.get(*f).cloned().unwrap_or_default())
        .collect();
    items[5] = serde_json::Value::Bool(false);
    items.extend([
        serde_json::Value::Null,
        serde_json::Value::Null,
        profile["items"].clone(),
    ]);
    as_array["score"]["profile"] = serde_json::Value::Array(items);
    let output = run(
        &["evaluate", "--format", "json", "-"],
        format!("[{as_array}]").as_bytes(),
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(r#""code":"invalid_type","path":"/score/profile""#),
        "{stderr}"
    );
}
