//! Runs the real `cadre-eval` binary. Decisions are compared with what the core library
//! returns for the same record and options, so these tests check that the CLI forwards
//! faithfully, plus the few facts a reader of the output relies on.

#![cfg(test)]

use cadre_eval::{
    compare_json, compare_org, evaluate_json, CompareOptions, Comparison, DecisionRecord,
    GradeMapping, Level, Options, OrgComparison, QuotaOptions, Reading, RegimeId, RejectedRecord,
    Rule, TargetsReading, Topic,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use unicode_width::UnicodeWidthStr;

/// Excellent: 4 of 12 tasks (33.3%) above requirement.
const EXCELLENT: &str = r#"{"id":"dv-1","period":{"year":2025},"subject":{"kind":"member","admitted_on":"2019-05-19"},"score":{"general":27.5,"task_results":63},"tasks":{"assigned":12,"completed":12,"on_time":12,"exceeded":4}}"#;
/// Excellent band, but 3 of 12 (25%) above requirement: Good under `cascade`, no level
/// under `strict`.
const BAND_CONDITIONS_FAIL: &str = r#"{"id":"dv-2","period":{"year":2025},"subject":{"kind":"member","admitted_on":"2019-05-19"},"score":{"general":27.5,"task_results":63},"tasks":{"assigned":12,"completed":12,"on_time":12,"exceeded":3}}"#;
/// Admitted under 6 months before the end of the period: not classified.
const NEW_MEMBER: &str = r#"{"id":"dv-3","period":{"year":2025},"subject":{"kind":"member","admitted_on":"2025-10-01"}}"#;
/// Decodes, but 13 tasks on time out of 12 completed.
const INCONSISTENT: &str = r#"{"id":"dv-bad","period":{"year":2025},"subject":{"kind":"member","admitted_on":"2019-05-19"},"score":{"general":27.5,"task_results":63},"tasks":{"assigned":12,"completed":12,"on_time":13,"exceeded":3}}"#;
/// A leader whose unit missed 2 of 5 basic targets.
const LEADER_TARGETS_MISSED: &str = r#"{"id":"ld-1","period":{"year":2025},"subject":{"kind":"leader","admitted_on":"2010-01-01"},"score":{"general":27.5,"task_results":63},"tasks":{"assigned":12,"completed":12,"on_time":12,"exceeded":4},"leader":{"basic_targets":{"applicable":true,"missed":2}}}"#;

/// A directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "cadre-eval-cli-{}-{unique}-{test}",
            std::process::id()
        ));
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cadre-eval"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The binary may exit before reading stdin (a usage error), closing the pipe.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn run_file(args: &[&str], file: &Path) -> Output {
    let mut all = args.to_vec();
    all.push(file.to_str().unwrap());
    run(&all, b"")
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).unwrap()
}

fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).unwrap()
}

fn array(records: &[&str]) -> String {
    format!("[\n{}\n]\n", records.join(",\n"))
}

fn json_lines(records: &[&str]) -> String {
    records.iter().map(|record| format!("{record}\n")).collect()
}

/// What the core says about each record.
fn core_decisions(records: &[&str], options: &Options) -> Vec<DecisionRecord> {
    records
        .iter()
        .map(|record| evaluate_json(record, options).unwrap())
        .collect()
}

fn parse_lines(text: &str) -> Vec<DecisionRecord> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn options(reading: Reading, basic_targets: TargetsReading) -> Options {
    Options {
        reading,
        basic_targets,
        ..Options::default()
    }
}

#[test]
fn array_input_gives_the_core_decisions_as_a_pretty_array_in_order() {
    let dir = TempDir::new("array");
    let records = [NEW_MEMBER, EXCELLENT, BAND_CONDITIONS_FAIL];
    let output = run_file(&["evaluate"], &dir.file("batch.json", array(&records)));

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    assert!(
        stdout(&output).starts_with("[\n  {\n    \"id\": \"dv-3\""),
        "not pretty: {}",
        stdout(&output)
    );
    let decisions: Vec<DecisionRecord> = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(decisions, core_decisions(&records, &Options::default()));
    let levels: Vec<_> = decisions
        .iter()
        .map(|d| d.level.map(|level| level.as_str()))
        .collect();
    assert_eq!(levels, [None, Some("excellent"), Some("good")]);
}

#[test]
fn json_lines_input_gives_one_decision_per_line_and_skips_blank_lines() {
    let dir = TempDir::new("jsonl");
    let records = [EXCELLENT, NEW_MEMBER, BAND_CONDITIONS_FAIL];
    let text = format!("{EXCELLENT}\r\n\n{NEW_MEMBER}\n   \n{BAND_CONDITIONS_FAIL}");
    let output = run_file(&["evaluate"], &dir.file("batch.jsonl", text));

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), 3);
    assert_eq!(
        parse_lines(stdout(&output)),
        core_decisions(&records, &Options::default())
    );
}

#[test]
fn the_jsonl_flag_reads_json_lines_from_any_file_name() {
    let dir = TempDir::new("jsonl-flag");
    let records = [EXCELLENT, NEW_MEMBER];
    let output = run_file(
        &["evaluate", "--jsonl"],
        &dir.file("batch.txt", json_lines(&records)),
    );

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        parse_lines(stdout(&output)),
        core_decisions(&records, &Options::default())
    );
}

#[test]
fn dash_reads_an_array_or_json_lines_from_stdin() {
    let records = [BAND_CONDITIONS_FAIL, EXCELLENT];
    let expected = core_decisions(&records, &Options::default());

    let from_array = run(&["evaluate", "-"], array(&records).as_bytes());
    assert_eq!(from_array.status.code(), Some(0), "{}", stderr(&from_array));
    assert_eq!(
        serde_json::from_str::<Vec<DecisionRecord>>(stdout(&from_array)).unwrap(),
        expected
    );

    let from_lines = run(
        &["evaluate", "-", "--jsonl"],
        json_lines(&records).as_bytes(),
    );
    assert_eq!(from_lines.status.code(), Some(0), "{}", stderr(&from_lines));
    assert_eq!(parse_lines(stdout(&from_lines)), expected);
}

#[test]
fn strict_reading_leaves_a_failed_band_undetermined() {
    let records = [EXCELLENT, BAND_CONDITIONS_FAIL];
    let output = run(
        &["evaluate", "-", "--reading", "strict"],
        array(&records).as_bytes(),
    );

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let decisions: Vec<DecisionRecord> = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(
        decisions,
        core_decisions(&records, &options(Reading::Strict, TargetsReading::Any))
    );
    let strict = serde_json::to_value(&decisions[1]).unwrap();
    assert_eq!(strict["reading"], "strict");
    assert_eq!(strict["outcome"], "undetermined");
    assert_eq!(strict["level"], serde_json::Value::Null);
    assert_eq!(strict["needs_decision"], true);
}

#[test]
fn basic_targets_all_is_forwarded() {
    let records = [LEADER_TARGETS_MISSED];
    let any = run(
        &["evaluate", "-", "--jsonl"],
        json_lines(&records).as_bytes(),
    );
    let all = run(
        &["evaluate", "-", "--jsonl", "--basic-targets", "all"],
        json_lines(&records).as_bytes(),
    );

    let any = parse_lines(stdout(&any));
    let all = parse_lines(stdout(&all));
    assert_eq!(
        any,
        core_decisions(&records, &options(Reading::Cascade, TargetsReading::Any))
    );
    assert_eq!(
        all,
        core_decisions(&records, &options(Reading::Cascade, TargetsReading::All))
    );
    assert_ne!(
        any[0].level, all[0].level,
        "missing 2 of 5 targets must matter under `any` only"
    );
}

#[test]
fn table_shows_vietnamese_levels_codes_reasons_and_a_summary() {
    let records = [EXCELLENT, BAND_CONDITIONS_FAIL, NEW_MEMBER];
    let output = run(
        &["evaluate", "-", "--format", "table"],
        array(&records).as_bytes(),
    );

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let table = stdout(&output);
    let row = |id: &str| table.lines().find(|line| line.starts_with(id)).unwrap();
    assert!(
        row("dv-1").contains("Hoàn thành xuất sắc nhiệm vụ") && row("dv-1").contains("HTXSNV"),
        "{table}"
    );
    assert!(
        row("dv-2").contains("Hoàn thành tốt nhiệm vụ") && row("dv-2").contains("HTTNV"),
        "{table}"
    );
    assert!(
        row("dv-2").contains("90,5"),
        "the Vietnamese table writes a decimal comma: {table}"
    );
    assert!(row("dv-3").contains("Không xếp loại"), "{table}");
    // The deciding reason: its rule id and its Vietnamese message, built from the values.
    assert!(
        row("dv-2").contains("qd366.11.1.N") && row("dv-2").contains("3/12"),
        "{table}"
    );
    assert!(row("dv-3").contains("qd366.5.2.new"), "{table}");
    let summary = table.lines().last().unwrap();
    assert!(
        summary.contains("HTXSNV 1, HTTNV 1, HTNV 0, KHTNV 0"),
        "{summary}"
    );
    assert!(
        summary.contains("không xếp loại 1") && summary.contains("bị từ chối 0"),
        "{summary}"
    );
}

#[test]
fn table_in_english_under_strict_reading() {
    let records = [EXCELLENT, BAND_CONDITIONS_FAIL, NEW_MEMBER];
    let output = run(
        &[
            "evaluate",
            "-",
            "--format",
            "table",
            "--lang",
            "en",
            "--reading",
            "strict",
        ],
        array(&records).as_bytes(),
    );

    let table = stdout(&output);
    let row = |id: &str| table.lines().find(|line| line.starts_with(id)).unwrap();
    assert!(row("dv-1").contains("Excellent"), "{table}");
    assert!(
        row("dv-2").contains("Undetermined") && row("dv-2").contains("yes"),
        "{table}"
    );
    assert!(row("dv-3").contains("Not classified"), "{table}");
    let summary = table.lines().last().unwrap();
    assert!(
        summary.contains("undetermined 1") && summary.contains("needs decision 1"),
        "{summary}"
    );
}

#[test]
fn table_columns_align_when_ids_use_combining_marks() {
    // "Nguyễn" precomposed, and with the circumflex and tilde as combining marks.
    let precomposed = EXCELLENT.replace("dv-1", "Nguyễn");
    let combining = EXCELLENT.replace("dv-1", "Nguye\u{302}\u{303}n-2");
    let output = run(
        &["evaluate", "-", "--format", "table"],
        array(&[&precomposed, &combining]).as_bytes(),
    );

    let table = stdout(&output);
    let level_columns: Vec<usize> = table
        .lines()
        .filter(|line| line.starts_with("Nguy"))
        .map(|line| line[..line.find("Hoàn thành").unwrap()].width())
        .collect();
    assert_eq!(level_columns.len(), 2, "{table}");
    assert_eq!(level_columns[0], level_columns[1], "{table}");
}

#[test]
fn a_bad_record_is_reported_on_stderr_and_the_good_ones_still_evaluated() {
    let records = [EXCELLENT, INCONSISTENT, NEW_MEMBER];
    let output = run(&["evaluate", "-"], array(&records).as_bytes());

    assert_eq!(output.status.code(), Some(1));
    let decisions: Vec<DecisionRecord> = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(
        decisions,
        core_decisions(&[EXCELLENT, NEW_MEMBER], &Options::default())
    );
    let reports: Vec<RejectedRecord> = stderr(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(reports.len(), 1, "{}", stderr(&output));
    assert_eq!(
        (reports[0].index, reports[0].id.as_deref()),
        (1, Some("dv-bad"))
    );
    assert!(
        reports[0]
            .errors
            .iter()
            .any(|e| e.code.as_str() == "inconsistent_counts" && e.path == "/tasks/on_time"),
        "{reports:?}"
    );
}

#[test]
fn in_table_mode_a_bad_record_gets_a_readable_line_with_index_id_code_and_path() {
    let records = [EXCELLENT, INCONSISTENT];
    let output = run(
        &["evaluate", "-", "--format", "table", "--lang", "en"],
        array(&records).as_bytes(),
    );

    assert_eq!(output.status.code(), Some(1));
    let line = stderr(&output)
        .lines()
        .find(|line| line.contains("/tasks/on_time"))
        .unwrap();
    assert!(
        line.contains("#1") && line.contains("dv-bad") && line.contains("inconsistent_counts"),
        "{line}"
    );
    assert!(stdout(&output).lines().any(|line| line.starts_with("dv-1")));
    assert!(stdout(&output)
        .lines()
        .last()
        .unwrap()
        .contains("rejected 1"));
}

#[test]
fn json_lines_rejections_carry_the_line_index_and_evaluation_goes_on() {
    let dir = TempDir::new("jsonl-bad");
    let too_long = format!(
        "{{\"id\":\"big\",\"pad\":\"{}\"}}",
        "x".repeat(cadre_eval::MAX_RECORD_BYTES)
    );
    let mut text = format!("{EXCELLENT}\n\nnot json\n{too_long}\n").into_bytes();
    text.extend_from_slice(b"{\"id\":\"\xFF\"}\n");
    text.extend_from_slice(format!("{NEW_MEMBER}\n").as_bytes());
    let output = run_file(&["evaluate"], &dir.file("batch.jsonl", text));

    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        parse_lines(stdout(&output)),
        core_decisions(&[EXCELLENT, NEW_MEMBER], &Options::default())
    );
    let reports: Vec<RejectedRecord> = stderr(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary: Vec<(usize, &str)> = reports
        .iter()
        .map(|r| (r.index, r.errors[0].code.as_str()))
        .collect();
    assert_eq!(
        summary,
        [(2, "invalid_json"), (3, "too_large"), (4, "invalid_json")]
    );
}

#[test]
fn json_lines_over_several_chunks_keep_input_order_on_every_core() {
    // More lines than one chunk of the parallel reader holds (4,096), with rejections
    // and blank lines among them: every decision and every rejection in input order.
    let dir = TempDir::new("jsonl-order");
    let kinds = [
        EXCELLENT,
        BAND_CONDITIONS_FAIL,
        NEW_MEMBER,
        INCONSISTENT,
        "",
    ];
    let mut records = Vec::new();
    let mut text = String::new();
    for n in 0..9_000 {
        let record = kinds[n % kinds.len()].replacen("\"id\":\"", &format!("\"id\":\"{n}-"), 1);
        text.push_str(&record);
        text.push('\n');
        records.push(record);
    }
    let output = run_file(&["evaluate"], &dir.file("many.jsonl", &text));

    assert_eq!(output.status.code(), Some(1));
    let good: Vec<&str> = records
        .iter()
        .filter(|r| !r.is_empty() && !r.contains("-dv-bad"))
        .map(String::as_str)
        .collect();
    assert_eq!(
        parse_lines(stdout(&output)),
        core_decisions(&good, &Options::default())
    );
    let rejected: Vec<usize> = stderr(&output)
        .lines()
        .map(|l| serde_json::from_str::<RejectedRecord>(l).unwrap().index)
        .collect();
    let expected: Vec<usize> = (0..9_000).filter(|n| n % kinds.len() == 3).collect();
    assert_eq!(rejected, expected);
}

#[test]
fn fields_levels_writes_the_level_and_the_deciding_rule_only() {
    let dir = TempDir::new("jsonl-levels");
    let records = [EXCELLENT, BAND_CONDITIONS_FAIL, NEW_MEMBER];
    let file = dir.file("batch.jsonl", json_lines(&records));
    let output = run_file(&["evaluate", "--fields", "levels"], &file);

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let full = core_decisions(&records, &Options::default());
    assert_eq!(lines.len(), full.len());
    for (line, decision) in lines.iter().zip(&full) {
        let expected = serde_json::json!({
            "id": decision.id,
            "regime": decision.regime,
            "outcome": decision.outcome,
            "level": decision.level,
            "needs_decision": decision.needs_decision,
            "deciding_rule": decision.deciding_reason().map(|r| r.rule.clone()),
        });
        assert_eq!(line, &expected);
    }
    assert_eq!(lines[1]["level"], "good");
    assert_eq!(lines[1]["deciding_rule"], "qd366.11.1.N");

    // The same fields for an array, as a pretty array.
    let array_output = run_file(
        &["evaluate", "--fields", "levels"],
        &dir.file("batch.json", array(&records)),
    );
    let from_array: Vec<serde_json::Value> = serde_json::from_str(stdout(&array_output)).unwrap();
    assert_eq!(from_array, lines);
}

#[test]
fn input_that_is_not_a_json_array_is_a_usage_failure() {
    let dir = TempDir::new("not-array");
    let output = run_file(&["evaluate"], &dir.file("one.json", EXCELLENT));

    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains("invalid_json"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn missing_files_and_bad_arguments_exit_with_2() {
    let dir = TempDir::new("missing");
    let missing = dir.0.join("absent.json");
    assert_eq!(run_file(&["evaluate"], &missing).status.code(), Some(2));
    assert_eq!(
        run_file(&["evaluate", "--jsonl"], &missing).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["evaluate", "-", "--reading", "lenient"], b"[]")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["evaluate"], b"").status.code(), Some(2));
}

#[test]
fn help_documents_the_exit_codes() {
    for args in [
        &["--help"][..],
        &["evaluate", "--help"],
        &["compare", "--help"],
    ] {
        let output = run(args, b"");
        assert_eq!(output.status.code(), Some(0));
        let help = stdout(&output);
        assert!(
            help.contains("Exit codes") && help.contains("  1  ") && help.contains("  2  "),
            "{help}"
        );
    }
}

#[test]
fn schemas_are_json_and_match_the_core() {
    let cases = [
        ("assessment", cadre_eval::assessment_schema()),
        ("decision", cadre_eval::decision_schema()),
        ("error", cadre_eval::error_schema()),
        ("rejected", cadre_eval::rejected_schema()),
    ];
    for (record, expected) in cases {
        let output = run(&["schema", record], b"");
        assert_eq!(output.status.code(), Some(0), "{record}");
        let schema: serde_json::Value = serde_json::from_str(stdout(&output)).unwrap();
        assert!(schema.is_object(), "{record}");
        assert_eq!(schema, expected, "{record}");
    }
}

#[test]
fn rules_are_listed_in_catalogue_order_as_json_and_as_a_table() {
    let json = run(&["rules", "--format", "json"], b"");
    assert_eq!(json.status.code(), Some(0));
    let listed: Vec<serde_json::Value> = serde_json::from_str(stdout(&json)).unwrap();
    let ids: Vec<&str> = listed
        .iter()
        .map(|rule| rule["id"].as_str().unwrap())
        .collect();
    let catalogue: Vec<&str> = Rule::ALL.iter().map(|rule| rule.id()).collect();
    assert_eq!(ids, catalogue);
    let excellent = listed
        .iter()
        .find(|rule| rule["id"] == "qd366.11.1.N")
        .unwrap();
    assert_eq!(excellent["citation"]["document"], "366-QĐ/TW");
    assert_eq!(excellent["citation"]["article"], "11");
    assert_eq!(excellent["basis"], "text");
    // QĐ 366 Art. 11 ends with notes, cited as notes, not as a clause.
    let previous_unit = listed
        .iter()
        .find(|rule| rule["id"] == "qd366.7.discipline")
        .unwrap();
    assert_eq!(previous_unit["citation"]["clause"], serde_json::Value::Null);
    assert_eq!(previous_unit["citation"]["note"], "2–3");

    let table = run(&["rules"], b"");
    let text = stdout(&table);
    assert!(
        text.lines()
            .any(|line| line.starts_with("qd366.7.discipline ") && line.contains("ghi chú 2–3")),
        "{text}"
    );
    for id in catalogue {
        assert!(
            text.lines().any(|line| line.starts_with(&format!("{id} "))),
            "{id} missing:\n{text}"
        );
    }
}

/// Every quota group vector (`vectors/groups/quota.json`, the worked examples of
/// group-rules §1 among them) gives its expected levels through `--quota`, for JSON
/// arrays and JSON Lines alike, with the output in input order.
#[test]
fn quota_group_vectors_through_the_cli() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../vectors/groups/quota.json");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let dir = TempDir::new("quota");
    let groups = file["groups"].as_array().unwrap();
    assert!(groups.len() >= 4);
    for group in groups {
        let name = group["name"].as_str().unwrap();
        let template = group["template"].as_object().unwrap();
        let records: Vec<serde_json::Value> = group["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|input| {
                let mut record = template.clone();
                record.extend(input.as_object().unwrap().clone());
                serde_json::Value::Object(record)
            })
            .collect();
        let mut args = vec!["evaluate", "--quota"];
        let quota = &group["quota"];
        if quota["reading"] == "proposed_good" {
            args.extend(["--quota-reading", "proposed-good"]);
        }
        for raised in quota["raised_ratio_groups"]
            .as_array()
            .into_iter()
            .flatten()
        {
            args.extend(["--raised-ratio-group", raised.as_str().unwrap()]);
        }
        let array = dir.file(
            &format!("{name}.json"),
            serde_json::to_vec(&records).unwrap(),
        );
        let lines: String = records.iter().map(|r| format!("{r}\n")).collect();
        let jsonl = dir.file(&format!("{name}.jsonl"), lines);
        let from_array: Vec<DecisionRecord> =
            serde_json::from_str(stdout(&run_file(&args, &array))).unwrap();
        let from_lines: Vec<DecisionRecord> = stdout(&run_file(&args, &jsonl))
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(from_array, from_lines, "{name}");
        let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
        let out_ids: Vec<&str> = from_array.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, out_ids, "{name}: output keeps input order");
        for (id, level) in group["expect"]["levels"].as_object().unwrap() {
            let decision = from_array.iter().find(|d| &d.id == id).unwrap();
            assert_eq!(
                decision.level.map(|l| l.as_str()),
                level.as_str(),
                "{name}: level of {id}"
            );
        }
        let demoted: Vec<&str> = from_array
            .iter()
            .filter(|d| d.quota.as_ref().is_some_and(|q| q.demoted))
            .map(|d| d.id.as_str())
            .collect();
        let mut wanted: Vec<&str> = group["expect"]["demoted"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let mut got = demoted.clone();
        got.sort_unstable();
        wanted.sort_unstable();
        assert_eq!(got, wanted, "{name}: demoted");
    }
}

#[test]
fn quota_options_require_quota() {
    let output = run(
        &["evaluate", "--quota-reading", "proposed-good", "-"],
        b"[]",
    );
    assert_eq!(output.status.code(), Some(2));
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name)
}

/// The example đảng bộ: a per-unit report with statistics, demotions and the quota
/// groups, in Vietnamese by default; exit 0 (nothing rejected).
#[test]
fn org_prints_a_per_unit_report_of_the_example() {
    let output = run_file(&["org"], &example("dang-bo-xa-2025.json"));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = stdout(&output);
    for expected in [
        "Đảng bộ xã Hòa An",
        "Chi bộ thôn Đông",
        "tốt trở lên",
        "Hạ xuống Hoàn thành tốt do tỷ lệ",
        "đồng hạng tại ngưỡng",
        "qd366.11.1.quota",
        "qd366.11.4.T.member_discipline",
        "Tổng cộng",
    ] {
        assert!(
            report.contains(expected),
            "missing {expected:?} in:\n{report}"
        );
    }
    let english = stdout(&run_file(
        &["org", "--lang", "en", "--no-records"],
        &example("dang-bo-xa-2025.json"),
    ))
    .to_owned();
    assert!(
        english.contains("Good or better") && english.contains("Moved to Good by the quota"),
        "{english}"
    );
    assert!(
        !english.contains("qd366.11.2.N"),
        "--no-records hides the records:\n{english}"
    );
}

/// `--format json` gives the report and the records; JSON Lines of units give the same
/// figures as the nested tree.
#[test]
fn org_json_and_json_lines_agree() {
    let tree: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example("dang-bo-xa-2025.json")).unwrap())
            .unwrap();
    let nested = run_file(
        &["org", "--format", "json"],
        &example("dang-bo-xa-2025.json"),
    );
    let nested: serde_json::Value = serde_json::from_slice(&nested.stdout).unwrap();
    assert!(nested["records"].as_array().unwrap().len() >= 55);

    fn flatten(unit: &serde_json::Value, parent: Option<&str>, lines: &mut Vec<String>) {
        let mut flat = unit.as_object().unwrap().clone();
        let children = flat.remove("units");
        if let Some(parent) = parent {
            flat.insert("parent".to_owned(), parent.into());
        }
        let id = flat["id"].as_str().unwrap().to_owned();
        lines.push(serde_json::Value::Object(flat).to_string());
        for child in children.iter().flat_map(|c| c.as_array().unwrap()) {
            flatten(child, Some(&id), lines);
        }
    }
    let mut lines = Vec::new();
    flatten(&tree, None, &mut lines);
    lines.reverse();
    let dir = TempDir::new("org-lines");
    let file = dir.file("tree.jsonl", lines.join("\n"));
    let flat = run_file(&["org", "--format", "json"], &file);
    assert_eq!(flat.status.code(), Some(0), "{}", stderr(&flat));
    let flat: serde_json::Value = serde_json::from_slice(&flat.stdout).unwrap();
    assert_eq!(flat["report"]["total"], nested["report"]["total"]);
    assert_eq!(flat["report"]["groups"], nested["report"]["groups"]);
    assert!(
        flat.get("records").is_none(),
        "JSON Lines keep no records unless asked"
    );
}

/// A fact given explicitly that contradicts the tree: that record is rejected with a
/// `conflict` naming both places, the rest evaluated; exit 1.
#[test]
fn org_reports_a_conflict_and_evaluates_the_rest() {
    let member = |id: &str| {
        format!(
            r#"{{"id":"{id}","period":{{"year":2025}},"subject":{{"kind":"member"}},"score":{{"general":25,"task_results":55}},"tasks":{{"assigned":10,"completed":10,"on_time":10,"exceeded":1}}}}"#
        )
    };
    let chi_bo = |id: &str, score: u32| {
        format!(
            r#"{{"id":"{id}","organisation":{{"id":"org-{id}","period":{{"year":2025}},"subject":{{"kind":"collective","collective_kind":"party_organisation"}},"score":{{"general":20,"task_results":{score}}},"tasks":{{"assigned":10,"completed":10,"on_time":10,"exceeded":1}}}},"led_by":["bi-thu"],"members":[{}]}}"#,
            member(&format!("dv-{id}"))
        )
    };
    let tree = format!(
        r#"{{"id":"dang-bo","leaders":[{{"id":"bi-thu","period":{{"year":2025}},"subject":{{"kind":"leader"}},"score":{{"general":25,"task_results":55}},"tasks":{{"assigned":10,"completed":10,"on_time":10,"exceeded":1}},"leader":{{"units_in_charge":{{"total":2,"not_completed":0}}}}}}],"units":[{},{}]}}"#,
        chi_bo("cb-1", 20),
        chi_bo("cb-2", 55)
    );
    let output = run(&["org", "-", "--lang", "en"], tree.as_bytes());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(
        report.contains("conflict at /leaders/0/leader/units_in_charge"),
        "{report}"
    );
    assert!(
        report.contains("1 of 2 units in charge rated Not completed (cb-1)"),
        "{report}"
    );
    assert!(
        report.contains("dv-cb-1") && report.contains("dv-cb-2"),
        "the rest is evaluated:\n{report}"
    );
}

/// `form-schema` for each subject kind, and `conduct` for a role: the issue's Done-when.
#[test]
fn form_schema_for_each_kind_and_the_conduct_items_of_a_role() {
    for (args, form) in [
        (
            vec!["form-schema", "--kind", "member", "--on", "2025-12-31"],
            "2B",
        ),
        (
            vec![
                "form-schema",
                "--kind",
                "member",
                "--outside-political-system",
                "--on",
                "2025-12-31",
            ],
            "2C",
        ),
        (
            vec![
                "form-schema",
                "--kind",
                "leader",
                "--profile",
                "illustrative-pl3-even",
                "--on",
                "2025-12-31",
            ],
            "2A",
        ),
        (
            vec![
                "form-schema",
                "--kind",
                "collective",
                "--collective-kind",
                "leadership",
                "--on",
                "2025-12-31",
            ],
            "01",
        ),
    ] {
        let output = run(&args, b"");
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(schema["form"], form);
        assert!(schema["sections"].as_array().unwrap().len() >= 6);
    }
    let bad = run(
        &["form-schema", "--kind", "leader", "--profile", "nope"],
        b"",
    );
    assert_eq!(bad.status.code(), Some(2));
    let table = run(
        &[
            "conduct",
            "--kind",
            "member",
            "--on",
            "2025-12-31",
            "--lang",
            "en",
        ],
        b"",
    );
    assert!(stdout(&table).contains("q37."), "{}", stdout(&table));
    let catalogue: serde_json::Value =
        serde_json::from_slice(&run(&["conduct"], b"").stdout).unwrap();
    assert!(catalogue["items"].as_array().unwrap().len() >= 60);
}

/// `what-would-change` and `partial` on one assessment.
#[test]
fn what_would_change_and_partial_from_the_cli() {
    let good = r#"{"id":"dv","period":{"year":2025},"subject":{"kind":"member"},"score":{"general":27.5,"task_results":60},"tasks":{"assigned":10,"completed":10,"on_time":10,"exceeded":2}}"#;
    let output = run(&["what-would-change", "-"], good.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["decision"]["level"], "good");
    assert_eq!(value["what_would_change"][0]["level"], "excellent");
    let partial = r#"{"id":"dv","period":{"year":2025},"subject":{"kind":"member"},"score":{"general":28},"tasks":{"assigned":10,"completed":10,"on_time":10}}"#;
    let value: serde_json::Value =
        serde_json::from_slice(&run(&["partial", "-"], partial.as_bytes()).stdout).unwrap();
    assert_eq!(value["highest"], "excellent");
    assert_eq!(value["unanswered"][0]["path"], "/score/task_results");
}

/// The 2022 example is evaluated under QĐ 132 with HD 21, as the core evaluates each
/// record; every reason cites 21-HD/BTCTW, and the year has every level.
#[test]
fn the_2022_example_is_evaluated_under_qd132_with_hd21_citations() {
    let path = example("chi-bo-2022.json");
    let output = run_file(&["evaluate"], &path);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let decisions: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(decisions, core_array_decisions(&path));
    for decision in &decisions {
        assert_eq!(decision["regime"], "qd132", "{}", decision["id"]);
        for reason in decision["reasons"].as_array().unwrap() {
            assert_eq!(
                reason["citation"]["document"], "21-HD/BTCTW",
                "{}: {}",
                decision["id"], reason["rule"]
            );
        }
    }
    assert_every_level_and_one_not_classified(&decisions);
}

/// The 2024 example is evaluated under QĐ 124, as the core evaluates each record.
#[test]
fn the_2024_example_is_evaluated_under_qd124() {
    let path = example("chi-bo-2024.json");
    let output = run_file(&["evaluate"], &path);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let decisions: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(decisions, core_array_decisions(&path));
    for decision in &decisions {
        assert_eq!(decision["regime"], "qd124", "{}", decision["id"]);
        assert_eq!(decision["regime_info"]["selected"], "period");
        assert!(decision["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .all(|reason| reason["rule"].as_str().unwrap().starts_with("qd124.")));
    }
    assert_every_level_and_one_not_classified(&decisions);
}

/// What the core says about each record of an example array, as JSON.
fn core_array_decisions(path: &Path) -> Vec<serde_json::Value> {
    let records: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    records
        .iter()
        .map(|record| {
            let decision = evaluate_json(&record.to_string(), &Options::default()).unwrap();
            serde_json::to_value(decision).unwrap()
        })
        .collect()
}

fn assert_every_level_and_one_not_classified(decisions: &[serde_json::Value]) {
    for level in ["excellent", "good", "completed", "not_completed"] {
        assert!(
            decisions.iter().any(|d| d["level"] == level),
            "no {level} in the example"
        );
    }
    let not_classified = decisions
        .iter()
        .filter(|d| d["outcome"] == "not_classified")
        .count();
    assert_eq!(not_classified, 1);
}

/// What the core's comparison says about each record of an array.
fn core_comparisons(text: &str, options: &CompareOptions) -> Vec<Comparison> {
    let records: Vec<serde_json::Value> = serde_json::from_str(text).unwrap();
    records
        .iter()
        .map(|record| compare_json(&record.to_string(), options).unwrap())
        .collect()
}

/// The block of one record in the compare report: from its `== id` header to the next.
fn record_block<'a>(report: &'a str, id: &str) -> &'a str {
    let start = report.find(&format!("== {id} "));
    assert!(start.is_some(), "no block for {id}:\n{report}");
    let start = start.unwrap();
    let rest = &report[start..];
    let end = rest[3..].find("\n== ").map_or(rest.len(), |end| end + 3);
    &rest[..end]
}

fn level_label(decision: &DecisionRecord) -> &'static str {
    match decision.level {
        Some(level) => level.vi(),
        None => "Không xếp loại",
    }
}

/// The example with grades: JSON output is the core's comparison of each record, with a
/// result per regime in the order asked, newest first.
#[test]
fn compare_json_output_is_the_core_comparison_with_a_result_per_regime() {
    let path = example("chi-bo-2025-compare.json");
    let output = run_file(&["compare", "--format", "json"], &path);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let comparisons: Vec<Comparison> = serde_json::from_slice(&output.stdout).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        comparisons,
        core_comparisons(&text, &CompareOptions::default())
    );
    assert_eq!(comparisons.len(), 17);
    for comparison in &comparisons {
        let regimes: Vec<RegimeId> = comparison.results.iter().map(|r| r.regime.id).collect();
        assert_eq!(
            regimes,
            [RegimeId::Qd366, RegimeId::Qd124, RegimeId::Qd132],
            "{}",
            comparison.id
        );
        assert!(
            comparison
                .results
                .iter()
                .all(|r| r.decision.is_some() && r.errors.is_empty()),
            "{}: every regime evaluates a record with points and grades",
            comparison.id
        );
    }
    assert!(comparisons.iter().any(|c| !c.levels_agree));

    let reordered = run_file(
        &["compare", "--format", "json", "--regimes", "qd132,qd366"],
        &path,
    );
    let reordered: Vec<Comparison> = serde_json::from_slice(&reordered.stdout).unwrap();
    let options = CompareOptions {
        regimes: vec![RegimeId::Qd132, RegimeId::Qd366],
        ..CompareOptions::default()
    };
    assert_eq!(reordered, core_comparisons(&text, &options));
}

/// The example's report: each record's level under each regime with the rule that set
/// it, the topics that differ with each regime's finding and rules, and a summary whose
/// counts are those of the comparisons.
#[test]
fn compare_report_shows_levels_differences_and_a_summary() {
    let path = example("chi-bo-2025-compare.json");
    let output = run_file(&["compare"], &path);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = stdout(&output);
    let text = std::fs::read_to_string(&path).unwrap();
    let comparisons = core_comparisons(&text, &CompareOptions::default());

    for comparison in &comparisons {
        let block = record_block(report, &comparison.id);
        for result in &comparison.results {
            let decision = result.decision.as_ref().unwrap();
            let line = block
                .lines()
                .find(|line| line.starts_with(&format!("  {} ", result.regime.id.as_str())));
            assert!(
                line.is_some(),
                "no {:?} line in:\n{block}",
                result.regime.id
            );
            let line = line.unwrap();
            assert!(line.contains(level_label(decision)), "{line}");
            if let Some(level) = decision.level {
                assert!(line.contains(level.code()), "{line}");
            }
        }
        for topic in comparison.differences() {
            assert!(block.contains(&topic.title.vi), "{block}");
            for rule in &topic.rules {
                assert!(block.contains(&rule.summary.vi), "{block}");
            }
        }
        if comparison.differences().next().is_none() {
            assert!(!block.contains("khác nhau"), "{block}");
        }
    }

    // QĐ 132 caps a member with 4 months of sick leave at Completed; QĐ 366 does not.
    let sick = record_block(report, "vu-thi-mai");
    assert!(
        sick.lines()
            .any(|l| l.starts_with("  qd132 ") && l.contains("qd132.hd21.sick")),
        "{sick}"
    );
    assert!(sick.contains("Nghỉ ốm, thai sản"), "{sick}");

    let summary: Vec<&str> = report
        .lines()
        .skip_while(|line| !line.starts_with("Tổng kết"))
        .collect();
    let agree = comparisons.iter().filter(|c| c.levels_agree).count();
    assert!(
        summary[0].contains("17 hồ sơ")
            && summary[0].contains(&format!("{agree} cùng mức theo cả 3 quy định")),
        "{}",
        summary[0]
    );
    let pairs = [(0, 1), (0, 2), (1, 2)];
    assert_eq!(summary.len(), 1 + pairs.len(), "{summary:?}");
    for (line, (from, to)) in summary[1..].iter().zip(pairs) {
        let (mut down, mut up) = (0, 0);
        for comparison in &comparisons {
            let (a, b) = (comparison.levels[from], comparison.levels[to]);
            match (a, b) {
                (Some(a), Some(b)) if b < a => down += 1,
                (Some(a), Some(b)) if b > a => up += 1,
                _ => {}
            }
        }
        let expected = format!(
            "{} → {}: {} hồ sơ đổi mức: {down} giảm, {up} tăng",
            comparisons[0].results[from].regime.id.as_str(),
            comparisons[0].results[to].regime.id.as_str(),
            down + up
        );
        assert_eq!(*line, expected);
    }
    assert!(
        summary[1..].iter().any(|line| !line.contains(": 0 hồ sơ")),
        "some record must change level between two regimes: {summary:?}"
    );
}

/// A record with points only, compared without a mapping: QĐ 366 evaluates it, the older
/// regimes report the missing grades as their own error (exit 1, the record is still
/// shown).
#[test]
fn compare_without_grades_reports_missing_grades_for_the_older_regimes() {
    let json = run(&["compare", "-", "--format", "json"], EXCELLENT.as_bytes());
    assert_eq!(json.status.code(), Some(1), "{}", stderr(&json));
    assert_eq!(stderr(&json), "");
    let comparisons: Vec<Comparison> = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        comparisons,
        [compare_json(EXCELLENT, &CompareOptions::default()).unwrap()]
    );
    let results = &comparisons[0].results;
    assert!(results[0].decision.is_some() && results[0].errors.is_empty());
    for result in &results[1..] {
        assert!(result.decision.is_none());
        assert!(
            result
                .errors
                .iter()
                .any(|e| e.code.as_str() == "missing_field" && e.path == "/grades"),
            "{:?}",
            result.errors
        );
    }

    let table = run(&["compare", "-", "--lang", "en"], EXCELLENT.as_bytes());
    assert_eq!(table.status.code(), Some(1));
    let report = stdout(&table);
    assert!(
        report
            .lines()
            .any(|l| l.starts_with("  qd366 ") && l.contains("Excellent")),
        "{report}"
    );
    for regime in ["qd124", "qd132"] {
        let mut lines = report
            .lines()
            .skip_while(|l| !l.starts_with(&format!("  {regime} ")));
        assert!(lines.next().unwrap().contains("Error"), "{report}");
        assert!(
            lines
                .next()
                .unwrap()
                .contains("missing_field at /grades: the record has QĐ 366 points only"),
            "{report}"
        );
    }
}

/// With `--grades-from-points score_shares` the older regimes evaluate the mapped grades,
/// and the report shows them.
#[test]
fn compare_with_score_shares_shows_the_mapped_grades() {
    let output = run(
        &[
            "compare",
            "-",
            "--grades-from-points",
            "score_shares",
            "--format",
            "json",
        ],
        EXCELLENT.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let comparisons: Vec<Comparison> = serde_json::from_slice(&output.stdout).unwrap();
    let options = CompareOptions {
        grades_from_points: Some(GradeMapping::ScoreShares),
        ..CompareOptions::default()
    };
    assert_eq!(comparisons, [compare_json(EXCELLENT, &options).unwrap()]);
    let results = &comparisons[0].results;
    assert!(results[0].mapped_grades.is_none());
    assert!(results[1..]
        .iter()
        .all(|r| r.mapped_grades.is_some() && r.decision.is_some()));

    let table = run(
        &[
            "compare",
            "-",
            "--grades-from-points",
            "score_shares",
            "--lang",
            "en",
        ],
        EXCELLENT.as_bytes(),
    );
    assert_eq!(table.status.code(), Some(0));
    let report = stdout(&table);
    let grades = results[1].mapped_grades.as_ref().unwrap();
    let shown = format!(
        "grades mapped from points (score_shares): general {}, task_results {}",
        grades.criteria["general"].en(),
        grades.task_results.en()
    );
    assert_eq!(
        report.matches(&shown).count(),
        2,
        "once under qd124 and once under qd132:\n{report}"
    );
}

/// An unknown regime is a usage error; so is input that is neither an array nor an
/// object. A record the core cannot decode is reported on stderr and the others are
/// still compared (exit 1).
#[test]
fn compare_usage_errors_and_rejected_records() {
    let bad_regime = run(&["compare", "-", "--regimes", "qd366,qd999"], b"[]");
    assert_eq!(bad_regime.status.code(), Some(2));
    assert_eq!(stdout(&bad_regime), "");
    assert!(
        stderr(&bad_regime).contains("qd999"),
        "{}",
        stderr(&bad_regime)
    );

    let not_records = run(&["compare", "-"], b"42");
    assert_eq!(not_records.status.code(), Some(2));
    assert!(stderr(&not_records).contains("invalid_json"));

    let unknown_field = EXCELLENT.replace("\"id\":\"dv-1\"", "\"id\":\"dv-x\",\"diem\":90");
    let input = array(&[&unknown_field, NEW_MEMBER]);
    let output = run(&["compare", "-", "--format", "json"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let comparisons: Vec<Comparison> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        comparisons
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        ["dv-3"]
    );
    let rejected: RejectedRecord = serde_json::from_str(stderr(&output).trim()).unwrap();
    assert_eq!((rejected.index, rejected.id.as_deref()), (0, Some("dv-x")));
    assert!(rejected
        .errors
        .iter()
        .any(|e| e.code.as_str() == "unknown_field" && e.path == "/diem"));

    let table = run(&["compare", "-", "--lang", "en"], input.as_bytes());
    assert_eq!(table.status.code(), Some(1));
    assert!(
        stderr(&table).contains("record #0, id \"dv-x\": unknown_field at /diem"),
        "{}",
        stderr(&table)
    );
    assert!(stdout(&table).contains("1 rejected"), "{}", stdout(&table));
}

/// `compare --org` on the commune's đảng bộ with grades mapped from points, as JSON.
fn org_comparison(extra: &[&str]) -> (Output, OrgComparison) {
    let mut args = vec![
        "compare",
        "--org",
        "--grades-from-points",
        "score_shares",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let output = run_file(&args, &example("dang-bo-xa-2025.json"));
    let comparison = serde_json::from_slice(&output.stdout).unwrap();
    (output, comparison)
}

fn score_shares() -> CompareOptions {
    CompareOptions {
        grades_from_points: Some(GradeMapping::ScoreShares),
        ..CompareOptions::default()
    }
}

/// With the mapping every record of the tree is evaluated under all three regimes (the
/// example has points only; `score_shares` gives the older regimes their grades), so
/// nothing is rejected and the exit code is 0. The JSON is the core's comparison, with
/// the quota applied by default as in `org`, and `--no-quota` leaves it out.
#[test]
fn compare_org_json_is_the_core_comparison_of_the_tree() {
    let text = std::fs::read_to_string(example("dang-bo-xa-2025.json")).unwrap();
    let (output, comparison) = org_comparison(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let raw: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        raw["records"].is_array() && raw["changes"].is_array(),
        "{raw}"
    );
    let expected = compare_org(&text, &score_shares(), Some(QuotaOptions::default())).unwrap();
    assert_eq!(comparison, expected);

    let regimes: Vec<RegimeId> = comparison.regimes.iter().map(|r| r.regime.id).collect();
    assert_eq!(regimes, [RegimeId::Qd366, RegimeId::Qd124, RegimeId::Qd132]);
    for regime in &comparison.regimes {
        assert!(regime.rejected.is_empty(), "{:?}", regime.rejected);
        assert_eq!(regime.total.records, comparison.records.len() as u64);
    }
    let pairs: Vec<(RegimeId, RegimeId)> =
        comparison.changes.iter().map(|c| (c.from, c.to)).collect();
    assert_eq!(
        pairs,
        [
            (RegimeId::Qd366, RegimeId::Qd124),
            (RegimeId::Qd366, RegimeId::Qd132),
            (RegimeId::Qd124, RegimeId::Qd132)
        ]
    );
    // QĐ 124 asks 50% of tasks exceeded for Excellent, QĐ 366 30%: some members the
    // example rates Excellent under QĐ 366 are only Good under QĐ 124.
    assert!(comparison
        .records
        .iter()
        .any(|r| r.levels[0] == Some(Level::Excellent)
            && r.levels[1] == Some(Level::Good)
            && r.differences.iter().any(|t| t.topic == Topic::Excellent)));
    assert!(
        comparison.changes[0].down > 0,
        "{:?}",
        comparison.changes[0]
    );

    let (no_quota, without) = org_comparison(&["--no-quota"]);
    assert_eq!(no_quota.status.code(), Some(0), "{}", stderr(&no_quota));
    assert_eq!(without, compare_org(&text, &score_shares(), None).unwrap());
    assert!(without.regimes.iter().all(|r| r.total.quota_demoted == 0));
    assert!(
        comparison.regimes[0].total.quota_demoted > 0,
        "the example's quota demotes under QĐ 366"
    );
}

/// The table: each regime's totals, one line per record whose level differs (levels by
/// code, first differing topic), the agreeing records as a count only, and the changes
/// per pair of regimes.
#[test]
fn compare_org_table_lists_totals_differing_records_and_changes() {
    let path = example("dang-bo-xa-2025.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let comparison = compare_org(&text, &score_shares(), Some(QuotaOptions::default())).unwrap();
    let output = run_file(
        &[
            "compare",
            "--org",
            "--grades-from-points",
            "score_shares",
            "--lang",
            "en",
        ],
        &path,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = stdout(&output);
    let lines: Vec<&str> = report.lines().collect();

    for regime in &comparison.regimes {
        let prefix = format!(
            "  {}  {} records: ",
            regime.regime.id.as_str(),
            regime.total.records
        );
        let line = lines.iter().find(|l| l.starts_with(&prefix));
        assert!(line.is_some(), "no totals line {prefix:?}:\n{report}");
        let line = line.unwrap();
        assert!(
            line.contains(&format!(
                "{} classified (HTXSNV {}, HTTNV {}",
                regime.total.classified, regime.total.excellent, regime.total.good
            )) && line.ends_with("; 0 rejected"),
            "{line}"
        );
    }

    let differing: Vec<_> = comparison
        .records
        .iter()
        .filter(|r| !r.levels_agree)
        .collect();
    assert!(!differing.is_empty());
    assert!(report.contains(&format!(
        "Records whose level differs between the regimes ({}):",
        differing.len()
    )));
    for record in &differing {
        let line = lines
            .iter()
            .find(|l| l.split_whitespace().nth(1) == Some(record.id.as_str()));
        assert!(line.is_some(), "no line for {}:\n{report}", record.id);
        let cells: Vec<&str> = line.unwrap().split_whitespace().collect();
        assert_eq!(cells[0], record.unit);
        let codes: Vec<&str> = record
            .levels
            .iter()
            .map(|level| level.map_or("—", |level| level.code()))
            .collect();
        assert!(
            cells.windows(codes.len()).any(|w| w == codes.as_slice()),
            "{cells:?} {codes:?}"
        );
        let first = &record.differences[0];
        assert!(
            line.unwrap().contains(&format!("{}: ", first.title.en)),
            "{}",
            line.unwrap()
        );
    }
    // The records that agree are counted, not listed.
    let agreeing = comparison.records.len() - differing.len();
    assert!(report.contains(&format!(
        "Records with the same level under all 3 regimes: {agreeing}"
    )));
    for record in comparison.records.iter().filter(|r| r.levels_agree) {
        assert!(
            !lines
                .iter()
                .any(|l| l.split_whitespace().nth(1) == Some(record.id.as_str())),
            "{} agrees and is listed:\n{report}",
            record.id
        );
    }
    // QĐ 132 caps a member with 3 months or more of sick leave at Completed (HD 21); the
    // others classify on the work done.
    let sick = comparison
        .records
        .iter()
        .find(|r| r.differences.iter().any(|t| t.topic == Topic::Leave));
    assert!(
        sick.is_some(),
        "the example has a member on long sick leave"
    );
    let sick = sick.unwrap();
    assert_eq!(sick.levels[2], Some(Level::Completed));
    let sick_line = lines
        .iter()
        .find(|l| l.contains(&format!(" {} ", sick.id)))
        .unwrap();
    assert!(sick_line.contains("qd132 decides HTNV"), "{sick_line}");

    for changes in &comparison.changes {
        let expected = format!(
            "{} → {}: {} of {} records classified under both change level: {} down, {} up",
            changes.from.as_str(),
            changes.to.as_str(),
            changes.up + changes.down,
            changes.compared,
            changes.down,
            changes.up
        );
        assert!(lines.contains(&expected.as_str()), "{expected}\n{report}");
    }
}

/// Without the mapping, QĐ 124 and QĐ 132 have no grades for the example's records:
/// each rejects them with `missing_field` on their `grades` (listed under that regime's
/// totals), QĐ 366 evaluates the whole tree, and the exit code is 1.
#[test]
fn compare_org_without_mapping_rejects_records_under_the_older_regimes() {
    let path = example("dang-bo-xa-2025.json");
    let output = run_file(&["compare", "--org", "--format", "json"], &path);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let comparison: OrgComparison = serde_json::from_slice(&output.stdout).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        comparison,
        compare_org(
            &text,
            &CompareOptions::default(),
            Some(QuotaOptions::default())
        )
        .unwrap()
    );
    assert!(comparison.regimes[0].rejected.is_empty());
    for regime in &comparison.regimes[1..] {
        let missing_grades = regime
            .rejected
            .iter()
            .filter(|entry| {
                entry
                    .errors
                    .iter()
                    .any(|e| e.code.as_str() == "missing_field" && e.path.ends_with("/grades"))
            })
            .count();
        assert!(missing_grades > 0, "{:?}", regime.regime.id);
        assert_eq!(regime.total.rejected, missing_grades as u64);
    }

    let table = run_file(&["compare", "--org", "--lang", "en"], &path);
    assert_eq!(table.status.code(), Some(1));
    let report = stdout(&table);
    for regime in ["qd124", "qd132"] {
        let mut lines = report
            .lines()
            .skip_while(|l| !l.starts_with(&format!("  {regime}  ")));
        let totals = lines.next().unwrap();
        assert!(!totals.ends_with("; 0 rejected"), "{totals}");
        assert!(
            lines.next().unwrap().contains("missing_field at /"),
            "{report}"
        );
    }
}

/// `--org` reads one nested tree: JSON Lines of units are refused (exit 2), as are the
/// quota options without `--org`.
#[test]
fn compare_org_usage_errors() {
    let dir = TempDir::new("compare-org");
    let lines = dir.file("units.jsonl", "{\"id\":\"u\"}\n");
    let output = run_file(&["compare", "--org", "--lang", "en"], &lines);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("JSON Lines"),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "");

    let no_org = run(&["compare", "-", "--no-quota"], b"[]");
    assert_eq!(no_org.status.code(), Some(2));
    assert!(stderr(&no_org).contains("--org"), "{}", stderr(&no_org));
}

/// A state record compared with the default regimes: the state regimes, the one in force
/// first, exactly as the core compares it; the report names each regime on its line.
#[test]
fn compare_reads_state_records_under_the_state_regimes() {
    let record = r#"{"id":"cmp-vc","rating":"state","period":{"year":2026},
      "subject":{"kind":"member","employment":"vien_chuc"},
      "periods":[{"quarter":1,"general":27,"task_results":60},{"quarter":2,"general":27,"task_results":60}]}"#;
    let json = run(&["compare", "-", "--format", "json"], record.as_bytes());
    let comparisons: Vec<Comparison> = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        comparisons,
        [compare_json(record, &CompareOptions::default()).unwrap()]
    );
    let regimes: Vec<&str> = comparisons[0]
        .results
        .iter()
        .map(|r| r.regime.id.as_str())
        .collect();
    assert_eq!(regimes, ["nd233", "nd335", "nd90"]);
    // ND 90 cannot read a record of periods: exit 1, the record still shown.
    assert_eq!(json.status.code(), Some(1), "{}", stderr(&json));

    let named = run(
        &["compare", "-", "--regimes", "nd335,nd233", "--lang", "en"],
        record.as_bytes(),
    );
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));
    let report = stdout(&named);
    assert!(
        report.contains("  nd335  Good") && report.contains("  nd233  Good"),
        "{report}"
    );
    assert!(
        report.contains("Summary: 1 record; 1 get the same level under all 2 regimes"),
        "{report}"
    );
}

/// `compare --state-party`: each person's state and party levels, as the core gives
/// them; the table ends with the totals.
#[test]
fn compare_state_party_puts_each_person_s_levels_side_by_side() {
    let path = example("vu-ke-hoach-tai-chinh-2026-pair.json");
    let output = run_file(&["compare", "--state-party", "--format", "json"], &path);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let got: cadre_eval::StatePartyComparison = serde_json::from_slice(&output.stdout).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let want = cadre_eval::compare_state_party(&text, &cadre_eval::Options::default()).unwrap();
    assert_eq!(got, want);
    assert!(got.totals.people > 0 && got.rejected.is_empty());
    assert!(got.people.iter().all(|p| p.state.score.is_some()));

    let table = run_file(&["compare", "--state-party", "--lang", "en"], &path);
    let report = stdout(&table);
    let summary = report.lines().last().unwrap();
    assert_eq!(
        summary,
        format!(
            "Summary: {} people; {} agree; {} party above state; {} party below state; {} not comparable",
            want.totals.people,
            want.totals.agree,
            want.totals.party_above,
            want.totals.party_below,
            want.totals.not_comparable
        )
    );
    // --state-party takes no regimes.
    let conflict = run_file(&["compare", "--state-party", "--regimes", "qd366"], &path);
    assert_eq!(conflict.status.code(), Some(2), "{}", stderr(&conflict));
}

/// `form-schema --rating state`: the core's state form (a leader's quarterly sheet under
/// nd233 here); a party regime is refused for it, and a state regime for a party form.
#[test]
fn form_schema_gives_the_state_forms() {
    let output = run(
        &[
            "form-schema",
            "--rating",
            "state",
            "--regime",
            "nd233",
            "--kind",
            "leader",
            "--period-kind",
            "quarter",
            "--on",
            "2026-12-31",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let form: cadre_eval::FormSchema = serde_json::from_slice(&output.stdout).unwrap();
    let request: cadre_eval::FormRequest = serde_json::from_value(serde_json::json!({
        "rating": "state", "regime": "nd233", "kind": "leader", "period_kind": "quarter", "on": "2026-12-31"
    }))
    .unwrap();
    assert_eq!(form, cadre_eval::state_form_schema(&request).unwrap());
    assert_eq!(form.form, "02B");
    let refused = run(
        &[
            "form-schema",
            "--rating",
            "state",
            "--regime",
            "qd124",
            "--kind",
            "member",
        ],
        b"",
    );
    assert_ne!(refused.status.code(), Some(0));
    assert!(
        stderr(&refused).contains("not_applicable at /regime"),
        "{}",
        stderr(&refused)
    );
    let party = run(
        &["form-schema", "--regime", "nd335", "--kind", "member"],
        b"",
    );
    assert!(
        stderr(&party).contains("not_applicable at /regime"),
        "{}",
        stderr(&party)
    );
}

/// The state options reach the core: `--rounding integer` rounds the annual score to a
/// whole number, and a party rate that cannot be read exactly is refused in both
/// languages, exit 2.
#[test]
fn state_options_reach_the_core_and_inexact_rates_are_refused() {
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/trung-tam-y-te-2026-nd233.json");
    let scores = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["evaluate", "--quota"];
        args.extend_from_slice(extra);
        let output = run_file(&args, &example);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let decisions: Vec<serde_json::Value> = serde_json::from_str(stdout(&output)).unwrap();
        decisions
            .iter()
            .filter_map(|d| d["score"].as_number().map(ToString::to_string))
            .collect()
    };
    let default = scores(&[]);
    assert!(default.iter().any(|s| s.contains('.')), "{default:?}");
    let whole = scores(&[
        "--rounding",
        "integer",
        "--recognised-agency",
        "ttyt-hoa-an",
    ]);
    assert_eq!(whole.len(), default.len());
    assert!(whole.iter().all(|s| !s.contains('.')), "{whole:?}");

    let refused = run_file(
        &[
            "evaluate",
            "--quota",
            "--party-excellent-rate",
            "ttyt=12.345%",
        ],
        &example,
    );
    assert_eq!(refused.status.code(), Some(2));
    let message = stderr(&refused);
    assert!(message.contains("quá hai chữ số thập phân"), "{message}");
    assert!(message.contains("more than two decimals"), "{message}");
    // An agency's rate given twice is refused, naming it, by `evaluate` and `org`
    // (never the last one silently).
    let twice = [
        "--quota",
        "--party-excellent-rate",
        "so-a=1/10",
        "--party-excellent-rate",
        "so-a=2/10",
    ];
    let refused = run_file(&[&["evaluate"][..], &twice].concat(), &example);
    assert_eq!(refused.status.code(), Some(2));
    let message = stderr(&refused);
    assert!(message.contains("`so-a` is given twice"), "{message}");
    assert!(message.contains("được nêu hai lần"), "{message}");
    let refused = run_file(
        &[
            "org",
            "--party-excellent-rate",
            "so-a=1/10",
            "--party-excellent-rate",
            "so-a=10%",
        ],
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/vu-ke-hoach-tai-chinh-2026.json"),
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("`so-a` is given twice"));
    let without_quota = run_file(&["evaluate", "--recognised-agency", "ttyt"], &example);
    assert_eq!(without_quota.status.code(), Some(2));
    assert!(stderr(&without_quota).contains("need --quota"));
}

/// Design §15: with state records, the table shows the rating, the regime, the annual
/// score and the periods counted of those listed for every row, and the summary counts
/// state and party decisions on lines of their own; party-only input keeps its columns.
#[test]
fn a_table_with_state_records_shows_rating_regime_and_periods() {
    let output = run_file(
        &["evaluate", "--quota", "--format", "table", "--lang", "en"],
        &example("vu-ke-hoach-tai-chinh-2026-pair.json"),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let heading = text.lines().next().unwrap();
    for column in ["Rating", "Regime", "Annual score", "Periods", "Rule"] {
        assert!(heading.contains(column), "{heading}");
    }
    let row = |id: &str, rating: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{id} ")) && l.contains(rating))
            .unwrap_or_else(|| panic!("no {rating} row for {id}:\n{text}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Six months of leave: 6 of 12 months in the mean; the deciding rule is the band's.
    assert!(
        row("vu-thi-giang", "State")
            .starts_with("vu-thi-giang State nd335 Good HTTNV 86.08 6/12 nd335.20.2"),
        "{}",
        row("vu-thi-giang", "State")
    );
    assert!(row("nguyen-van-an", "Party").contains("Party qd366 Good HTTNV 88 —"));
    let summary: Vec<&str> = text.lines().rev().take(2).collect();
    assert!(summary[1].starts_with("State — Records: 12;"), "{text}");
    assert!(
        summary[0].starts_with("Party (and rejected records) — Records: 10;"),
        "{text}"
    );

    let party = run_file(
        &["evaluate", "--format", "table", "--lang", "en"],
        &example("chi-bo-2025.json"),
    );
    let heading = stdout(&party).lines().next().unwrap().to_owned();
    assert!(
        heading.starts_with("ID ") && !heading.contains("Rating"),
        "{heading}"
    );
    assert!(stdout(&party)
        .lines()
        .last()
        .unwrap()
        .starts_with("Records: 17;"));
}
