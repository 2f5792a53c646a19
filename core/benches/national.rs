//! National-scale benchmark (`docs/performance.md`, "National scale"): one long run,
//! single-threaded, that prints its figures as tables. Each part measures its baseline
//! in the same process, just before or between its own passes.
//!
//! - **(b) end to end** (first, so that its peak memory is not mixed with (a)'s
//!   population): the synthetic national tree (`cadre_eval::synthetic::national`,
//!   about 5.8 million records in 220,000 units) is written once as JSON Lines to a
//!   file, then read back line by line and evaluated with the organisation engine
//!   (`cadre_eval::org`) down to its report. Baselines: reading the lines only; parsing
//!   each line as a `serde_json::Value`; and decoding, validating and evaluating every
//!   record on its own, with no tree (the per-record floor of the engine), once with
//!   the reporting decoder (`decode_assessment`, as the engine uses) and once with plain
//!   serde in one parse of the line (what a fast path for valid input would cost). Each pass
//!   reports wall time and its own peak resident memory (`VmHWM`, reset before each
//!   pass through `/proc/self/clear_refs`).
//! - **(a) levels in memory**: the first `CADRE_EVAL_NATIONAL_RECORDS` records of the
//!   tree (default 2,000,000) are serialized, decoded and validated outside the timed
//!   region; then `evaluate_valid` (levels and reason ids, no text) runs over all of
//!   them, against a baseline pass that only sums their total scores. Passes alternate;
//!   the median of `CADRE_EVAL_NATIONAL_PASSES` (default 5) is reported.
//!
//! Run with `cargo bench -p cadre-eval --features synthetic --bench national`.
//! Environment: `CADRE_EVAL_NATIONAL_SCALE` (default 1.0; 0.01 for a quick run),
//! `CADRE_EVAL_NATIONAL_FILE` (default `$TMPDIR/cadre-eval-national-<scale>.jsonl`,
//! rewritten on every run), `CADRE_EVAL_NATIONAL_RECORDS`, `CADRE_EVAL_NATIONAL_PASSES`,
//! `CADRE_EVAL_NATIONAL_PARTS` (`a`, `b` or `ab`, the default; `e` runs only the
//! engine's pass of (b), for a profiler) and `CADRE_EVAL_NATIONAL_REUSE` (set: keep an
//! existing file of the same scale rather than write it again).

#![expect(clippy::expect_used, reason = "benchmark harness")]

use cadre_eval::synthetic::national;
use cadre_eval::{
    decode_assessment, evaluate_valid, validate, Assessment, Options, OrgEvaluator, OrgOptions,
    ValidAssessment,
};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fs::File;
use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

struct Config {
    scale: f64,
    file: PathBuf,
    records: usize,
    passes: usize,
    part_a: bool,
    part_b: bool,
    /// Only the engine's pass of (b), for a profiler.
    engine_only: bool,
    /// Keep an existing file rather than write it again.
    reuse: bool,
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

impl Config {
    fn from_env() -> Config {
        let scale: f64 = env_or("CADRE_EVAL_NATIONAL_SCALE", 1.0);
        let file = std::env::var_os("CADRE_EVAL_NATIONAL_FILE").map_or_else(
            || std::env::temp_dir().join(format!("cadre-eval-national-{scale}.jsonl")),
            PathBuf::from,
        );
        let parts = std::env::var("CADRE_EVAL_NATIONAL_PARTS").unwrap_or_else(|_| "ab".into());
        Config {
            scale,
            file,
            records: env_or("CADRE_EVAL_NATIONAL_RECORDS", 2_000_000),
            passes: env_or("CADRE_EVAL_NATIONAL_PASSES", 5usize).max(1),
            part_a: parts.contains('a'),
            part_b: parts.contains('b') || parts.contains('e'),
            engine_only: parts.contains('e'),
            reuse: std::env::var_os("CADRE_EVAL_NATIONAL_REUSE").is_some(),
        }
    }
}

/// A field of `/proc/self/status`, in KiB (0 where the file is missing).
fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status.lines().find_map(|line| {
                line.strip_prefix(field)?
                    .strip_prefix(':')?
                    .trim()
                    .trim_end_matches(" kB")
                    .parse()
                    .ok()
            })
        })
        .unwrap_or(0)
}

/// Resets the peak resident set size (`VmHWM`) to the current one, so that the next
/// reading is the peak of what runs in between. False where the kernel does not allow it.
fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "?".into())
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn main() {
    let config = Config::from_env();
    println!(
        "# National-scale benchmark: scale {}, {} CPUs, load average {}",
        config.scale,
        std::thread::available_parallelism().map_or(0, usize::from),
        load_average()
    );
    if config.part_b {
        end_to_end(&config);
    }
    if config.part_a {
        levels_in_memory(&config);
    }
    println!("\nload average at the end: {}", load_average());
}

/// One timed pass of part (b).
struct Pass {
    name: &'static str,
    wall: Duration,
    peak_kib: u64,
    note: String,
}

fn timed_pass(name: &'static str, run: impl FnOnce() -> String) -> Pass {
    let peak_reset = reset_peak_memory();
    let started = Instant::now();
    let note = run();
    let wall = started.elapsed();
    let peak_kib = status_kib("VmHWM");
    eprintln!(
        "  {name}: {:.2} s, peak RSS {:.0} MiB{} (load {})",
        wall.as_secs_f64(),
        mib(peak_kib),
        if peak_reset { "" } else { " (process peak)" },
        load_average()
    );
    Pass {
        name,
        wall,
        peak_kib,
        note,
    }
}

/// Reads `path` line by line into one reused buffer, calling `each` with the line's
/// index and text (without its newline).
fn for_each_line(path: &Path, mut each: impl FnMut(usize, &str)) {
    let mut reader = BufReader::with_capacity(1 << 20, File::open(path).expect("the file"));
    let mut line = String::new();
    let mut index = 0;
    loop {
        line.clear();
        if reader.read_line(&mut line).expect("a UTF-8 line") == 0 {
            break;
        }
        each(index, line.trim_end_matches('\n'));
        index += 1;
    }
}

/// The records of one unit line, borrowed from the line.
#[derive(Deserialize)]
struct UnitRecords<'a> {
    #[serde(borrow, default)]
    organisation: Option<&'a RawValue>,
    #[serde(borrow, default)]
    agency: Option<&'a RawValue>,
    #[serde(borrow, default)]
    leadership: Option<&'a RawValue>,
    #[serde(borrow, default)]
    members: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    leaders: Vec<&'a RawValue>,
}

/// The records of one unit line, decoded with plain serde in the same parse (what a
/// fast path that reports unknown fields only on failure would do for valid input).
#[derive(Deserialize)]
struct TypedUnitRecords {
    #[serde(default)]
    organisation: Option<Assessment>,
    #[serde(default)]
    agency: Option<Assessment>,
    #[serde(default)]
    leadership: Option<Assessment>,
    #[serde(default)]
    members: Vec<Assessment>,
    #[serde(default)]
    leaders: Vec<Assessment>,
}

fn end_to_end(config: &Config) {
    println!(
        "\n## (b) End to end: the national tree from JSON Lines on disk, one core\n\nfile: {}",
        config.file.display()
    );
    let started = Instant::now();
    let reused = config.reuse && config.file.exists();
    let size = if reused {
        national::NationalSize {
            census: national::census(config.scale).expect("the tree's census"),
            bytes: std::fs::metadata(&config.file).expect("the file").len(),
        }
    } else {
        let file = File::create(&config.file).expect("the output file");
        national::write_json_lines(file, config.scale).expect("the tree is written")
    };
    let generation = started.elapsed().as_secs_f64();
    let census = size.census;
    println!(
        "{} {} units ({} grassroots), {} records ({} members, {} leaders, {} collectives), {} bytes in {generation:.1} s ({:.0} MB/s)",
        if reused {
            "reused (census only)"
        } else {
            "generated"
        },
        thousands(census.units),
        thousands(census.grassroots),
        thousands(census.records),
        thousands(census.members),
        thousands(census.leaders),
        thousands(census.collectives),
        thousands(size.bytes),
        size.bytes as f64 / generation / 1e6,
    );
    let options = Options::default();
    let mut passes = Vec::new();

    if config.engine_only {
        org_engine_passes(config, &size);
        return;
    }
    passes.push(timed_pass("baseline: read lines", || {
        let (mut lines, mut bytes) = (0u64, 0u64);
        for_each_line(&config.file, |_, line| {
            lines += 1;
            bytes += line.len() as u64 + 1;
        });
        assert_eq!(bytes, size.bytes);
        format!("{} lines", thousands(lines))
    }));

    passes.push(timed_pass(
        "baseline: parse each line as serde_json::Value",
        || {
            let mut keys = 0usize;
            for_each_line(&config.file, |_, line| {
                let value: serde_json::Value = serde_json::from_str(line).expect("JSON");
                keys += value.as_object().map_or(0, serde_json::Map::len);
                drop(black_box(value));
            });
            format!("{} keys", thousands(keys as u64))
        },
    ));

    passes.push(timed_pass(
        "floor: decode_assessment + validate + evaluate_valid each record, no tree",
        || {
            let (mut evaluated, mut classified) = (0u64, 0u64);
            for_each_line(&config.file, |_, line| {
                let unit: UnitRecords = serde_json::from_str(line).expect("a unit");
                let records = [unit.organisation, unit.agency, unit.leadership]
                    .into_iter()
                    .flatten()
                    .chain(unit.members)
                    .chain(unit.leaders);
                for record in records {
                    let decision = decode_assessment(record.get())
                        .and_then(|assessment| validate(&assessment))
                        .and_then(|valid| evaluate_valid(&valid, &options))
                        .expect("generated records evaluate");
                    evaluated += 1;
                    classified += u64::from(decision.level.is_some());
                    drop(black_box(decision));
                }
            });
            assert_eq!(evaluated, census.records);
            format!(
                "{} records, {} classified",
                thousands(evaluated),
                thousands(classified)
            )
        },
    ));

    passes.push(timed_pass(
        "floor, plain serde: one typed parse per line + validate + evaluate_valid",
        || {
            let (mut evaluated, mut classified) = (0u64, 0u64);
            for_each_line(&config.file, |_, line| {
                let unit: TypedUnitRecords = serde_json::from_str(line).expect("a unit");
                let records = [unit.organisation, unit.agency, unit.leadership]
                    .into_iter()
                    .flatten()
                    .chain(unit.members)
                    .chain(unit.leaders);
                for record in records {
                    let decision = validate(&record)
                        .and_then(|valid| evaluate_valid(&valid, &options))
                        .expect("generated records evaluate");
                    evaluated += 1;
                    classified += u64::from(decision.level.is_some());
                    drop(black_box(decision));
                }
            });
            assert_eq!(evaluated, census.records);
            format!(
                "{} records, {} classified",
                thousands(evaluated),
                thousands(classified)
            )
        },
    ));

    passes.extend(org_engine_passes(config, &size));

    let baseline = passes.first().map_or(1.0, |pass| pass.wall.as_secs_f64());
    let parse = passes.get(1).map_or(1.0, |pass| pass.wall.as_secs_f64());
    println!(
        "\n| pass | wall s | MB/s | records/s | peak RSS MiB | × read lines | × parse Value | notes |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    for pass in &passes {
        let seconds = pass.wall.as_secs_f64();
        println!(
            "| {} | {seconds:.2} | {:.0} | {} | {:.0} | {:.1} | {:.2} | {} |",
            pass.name,
            size.bytes as f64 / seconds / 1e6,
            thousands((census.records as f64 / seconds) as u64),
            mib(pass.peak_kib),
            seconds / baseline,
            seconds / parse,
            pass.note
        );
    }
}

/// The organisation engine from the file to its report, the decisions not kept (as a
/// national run would): reading and adding the lines, `finish`, and dropping the
/// result are timed apart and reported in the note.
fn org_engine_passes(config: &Config, size: &national::NationalSize) -> Vec<Pass> {
    let mut first_rejections = Vec::new();
    let pass = timed_pass("org engine: add_unit_line each line + finish", || {
        let options = OrgOptions {
            keep_decisions: false,
            ..OrgOptions::default()
        };
        let started = Instant::now();
        let mut evaluator = OrgEvaluator::new(options);
        for_each_line(&config.file, |index, line| {
            evaluator.add_unit_line(index, line);
        });
        let added = started.elapsed();
        let added_peak = status_kib("VmHWM");
        let result = evaluator.finish();
        let finished = started.elapsed();
        let report = &result.report;
        let (units, rejected, total) = (
            report.units.len() as u64,
            report.rejected.len(),
            report.total.clone(),
        );
        first_rejections = report.rejected.iter().take(3).cloned().collect();
        let root_share = report
            .units
            .first()
            .map(|root| root.subtree.shares.good_or_better.percent.clone())
            .unwrap_or_default();
        let groups = report.groups.len();
        drop(black_box(result));
        let dropped = started.elapsed();
        assert_eq!(units, size.census.units, "every unit is reported");
        format!(
            "read + add {:.2} s (peak {:.0} MiB), finish {:.2} s, drop {:.2} s; {} units, {} groups, {} records evaluated, {} classified, {} demoted by the quota, {rejected} rejected; good or better {root_share}",
            added.as_secs_f64(),
            mib(added_peak),
            (finished - added).as_secs_f64(),
            (dropped - finished).as_secs_f64(),
            thousands(units),
            thousands(groups as u64),
            thousands(total.records),
            thousands(total.classified),
            thousands(total.quota_demoted),
        )
    });
    eprintln!("  {}", pass.note);
    for rejection in &first_rejections {
        eprintln!("  rejected: {rejection:?}");
    }
    vec![pass]
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

fn levels_in_memory(config: &Config) {
    println!(
        "\n## (a) Levels and reason ids in memory, one core\n\npopulation: the first {} records of the tree at scale {}",
        thousands(config.records as u64),
        config.scale
    );
    let started = Instant::now();
    let mut population: Vec<ValidAssessment> = Vec::with_capacity(config.records);
    'units: for unit in national::units(config.scale).expect("a valid scale") {
        let records = [unit.organisation, unit.agency, unit.leadership]
            .into_iter()
            .flatten()
            .chain(unit.members)
            .chain(unit.leaders);
        for record in records {
            if population.len() == config.records {
                break 'units;
            }
            let json = serde_json::to_string(&record).expect("a record serializes");
            let decoded = decode_assessment(&json).expect("a generated record decodes");
            population.push(validate(&decoded).expect("a generated record is valid"));
        }
    }
    let count = population.len() as u64;
    println!(
        "{} records decoded and validated in {:.1} s (outside the timed passes); RSS {:.0} MiB",
        thousands(count),
        started.elapsed().as_secs_f64(),
        mib(status_kib("VmRSS"))
    );
    let options = Options::default();
    let mut outcomes = std::collections::BTreeMap::<String, u64>::new();
    for record in &population {
        let decision = evaluate_valid(record, &options).expect("valid records evaluate");
        let key = decision
            .level
            .map_or_else(|| format!("{:?}", decision.outcome), |l| l.as_str().into());
        *outcomes.entry(key).or_default() += 1;
    }
    println!("outcomes: {outcomes:?}");

    let (mut baseline, mut levels) = (Vec::new(), Vec::new());
    for pass in 0..config.passes {
        let started = Instant::now();
        let total: i64 = population
            .iter()
            .map(|record| record.score.map_or(0, |score| score.total().hundredths()))
            .sum();
        black_box(total);
        baseline.push(started.elapsed());

        let started = Instant::now();
        let mut classified = 0u64;
        for record in &population {
            let decision = evaluate_valid(black_box(record), &options);
            classified += u64::from(matches!(&decision, Ok(d) if d.level.is_some()));
            drop(black_box(decision));
        }
        levels.push(started.elapsed());
        black_box(classified);
        eprintln!(
            "  pass {}: baseline {:.3} s, evaluate_valid {:.3} s (load {})",
            pass + 1,
            baseline.last().map_or(0.0, Duration::as_secs_f64),
            levels.last().map_or(0.0, Duration::as_secs_f64),
            load_average()
        );
    }
    let baseline = median(baseline).as_secs_f64();
    let levels = median(levels).as_secs_f64();
    println!(
        "\n| pass (median of {}) | s | records/s | ns/record | × baseline time |",
        config.passes
    );
    println!("|---|---:|---:|---:|---:|");
    for (name, seconds) in [
        ("baseline: sum the total scores", baseline),
        ("evaluate_valid: levels + reason ids", levels),
    ] {
        println!(
            "| {name} | {seconds:.3} | {} | {:.1} | {:.1} |",
            thousands((count as f64 / seconds) as u64),
            seconds * 1e9 / count.max(1) as f64,
            seconds / baseline
        );
    }
    println!(
        "\nevaluate_valid: {:.2} million assessments/s (target ≥ 2 million/s)",
        count as f64 / levels / 1e6
    );
}
