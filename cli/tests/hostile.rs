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
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
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
