//! Throughput over one million synthetic assessments (`docs/performance.md`).
//!
//! Run with `cargo bench -p cadre-eval --features synthetic`. Every figure is reported
//! per record (`Throughput::Elements`), each timed iteration covering the whole
//! population:
//!
//! - `baseline_sum_scores`: one pass that only sums the total scores of the validated
//!   records: the memory-bandwidth floor of walking the same data;
//! - `levels_only`: `evaluate_valid` (levels and compact reasons, no text);
//! - `with_messages`: `evaluate_valid(..).to_record()` (every message rendered in
//!   Vietnamese and English);
//! - `json_lines_full_path`: one JSON text line per record through `evaluate_json`
//!   (decode, validate, evaluate, render) and `serde_json::to_writer` of the decision;
//! - `graded_levels_only`: `evaluate_valid` of the same records under QĐ 124 and QĐ 132
//!   (alternately), their grades mapped from the points (`score_shares`), to compare the
//!   graded engine with QĐ 366's `levels_only`;
//! - `compare/three_regimes` (a population of 20,000): `compare::compare` of each record
//!   under the three regimes with every message rendered, against `compare/qd366_only`,
//!   the same records through `evaluate` and `to_record` once.
//!
//! Generating, validating and serializing the population happens once, outside the
//! timed region. `CADRE_EVAL_BENCH_RECORDS` overrides the population size (for a
//! profiler run under valgrind, say); the default is 1,000,000.

#![expect(clippy::expect_used, reason = "benchmark harness")]
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented public function"
)]

use cadre_eval::{
    compare, evaluate, evaluate_json, evaluate_valid, synthetic, validate, validate_with,
    CompareOptions, GradeMapping, Level, Options, Outcome, RegimeId, ValidAssessment,
    ValidateOptions,
};
use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use std::hint::black_box;
use std::time::Duration;

/// The population: the same seed as the tests' spot checks, so a reader can rebuild any
/// record with `synthetic::assessment(SEED, index)`.
const SEED: u64 = 366;
/// Records compared under three regimes (`compare` group): a comparison renders every
/// message three times, so a smaller population keeps the run short.
const COMPARED_RECORDS: usize = 20_000;
const DEFAULT_RECORDS: u64 = 1_000_000;

struct Population {
    assessments: Vec<cadre_eval::Assessment>,
    valid: Vec<ValidAssessment>,
    graded: Vec<ValidAssessment>,
    json_lines: Vec<String>,
}

fn records() -> u64 {
    std::env::var("CADRE_EVAL_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_RECORDS)
}

fn population(count: u64) -> Population {
    let mut valid = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    let mut json_lines = Vec::with_capacity(valid.capacity());
    let mut graded = Vec::with_capacity(valid.capacity());
    let mut assessments = Vec::new();
    for (index, assessment) in synthetic::assessments(SEED, count).enumerate() {
        json_lines.push(serde_json::to_string(&assessment).expect("an assessment serializes"));
        valid.push(validate(&assessment).expect("synthetic records are valid"));
        let regime = if index % 2 == 0 {
            RegimeId::Qd124
        } else {
            RegimeId::Qd132
        };
        let as_graded = ValidateOptions {
            allow_regime_outside_span: true,
            ignore_other_regime_fields: true,
            regime_override: Some(regime),
            grades_from_points: Some(GradeMapping::ScoreShares),
            ..ValidateOptions::default()
        };
        // QĐ 124 and HD 21 classify yearly: the graded copy has no quarter.
        let mut yearly = assessment.clone();
        yearly.period.quarter = None;
        graded.push(validate_with(&yearly, as_graded).expect("mapped records are valid"));
        if assessments.len() < COMPARED_RECORDS {
            assessments.push(assessment);
        }
    }
    Population {
        assessments,
        valid,
        graded,
        json_lines,
    }
}

/// Prints the population's level distribution (reported in `docs/performance.md`) and
/// the mean JSON line length, once, before timing.
fn describe(population: &Population, options: &Options) {
    let mut counts = [0u64; 6];
    for record in &population.valid {
        let decision = evaluate_valid(record, options).expect("valid records evaluate");
        let slot = match (decision.outcome, decision.level) {
            (Outcome::Classified, Some(Level::Excellent)) => 0,
            (Outcome::Classified, Some(Level::Good)) => 1,
            (Outcome::Classified, Some(Level::Completed)) => 2,
            (Outcome::Classified, Some(Level::NotCompleted)) => 3,
            (Outcome::NotClassified, _) => 4,
            _ => 5,
        };
        if let Some(count) = counts.get_mut(slot) {
            *count += 1;
        }
    }
    let total = population.valid.len().max(1) as f64;
    let names = [
        "excellent",
        "good",
        "completed",
        "not_completed",
        "not_classified",
        "undetermined",
    ];
    eprintln!(
        "population: {} records, seed {SEED}",
        population.valid.len()
    );
    for (name, count) in names.iter().zip(counts) {
        eprintln!(
            "  {name:>15}: {count:>8} ({:.2}%)",
            count as f64 * 100.0 / total
        );
    }
    let bytes: usize = population.json_lines.iter().map(String::len).sum();
    eprintln!(
        "  mean assessment JSON line: {:.0} bytes",
        bytes as f64 / total
    );
    let sample = population.valid.len().min(10_000);
    let decision_bytes: usize = population.valid[..sample]
        .iter()
        .filter_map(|record| evaluate_valid(record, options).ok())
        .map(|decision| serde_json::to_vec(&decision.to_record()).map_or(0, |json| json.len()))
        .sum();
    let reasons: usize = population.valid[..sample]
        .iter()
        .filter_map(|record| evaluate_valid(record, options).ok())
        .map(|decision| decision.reasons.len())
        .sum();
    eprintln!(
        "  first {sample}: mean decision JSON {:.0} bytes, mean {:.2} reasons",
        decision_bytes as f64 / sample.max(1) as f64,
        reasons as f64 / sample.max(1) as f64
    );
}

fn throughput(c: &mut Criterion) {
    let count = records();
    let population = population(count);
    let options = Options::default();
    describe(&population, &options);

    let mut group = c.benchmark_group("throughput");
    // Each iteration walks the whole population, so few, flat samples suffice.
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(count));

    group.bench_function(BenchmarkId::new("baseline_sum_scores", count), |b| {
        b.iter(|| {
            population
                .valid
                .iter()
                .map(|record| record.score.map_or(0, |score| score.total().hundredths()))
                .sum::<i64>()
        });
    });

    group.bench_function(BenchmarkId::new("levels_only", count), |b| {
        b.iter(|| {
            let mut classified = 0u64;
            for record in &population.valid {
                let decision = evaluate_valid(record, &options);
                classified += u64::from(matches!(&decision, Ok(d) if d.level.is_some()));
                drop(black_box(decision));
            }
            classified
        });
    });

    group.bench_function(BenchmarkId::new("with_messages", count), |b| {
        b.iter(|| {
            for record in &population.valid {
                let record = evaluate_valid(record, &options).map(|decision| decision.to_record());
                drop(black_box(record));
            }
        });
    });

    group.bench_function(BenchmarkId::new("json_lines_full_path", count), |b| {
        let mut output = Vec::with_capacity(16 * 1024);
        b.iter(|| {
            let mut written = 0usize;
            for line in &population.json_lines {
                output.clear();
                if let Ok(record) = evaluate_json(line, &options) {
                    serde_json::to_writer(&mut output, &record).expect("a decision serializes");
                }
                written += output.len();
            }
            written
        });
    });

    group.bench_function(BenchmarkId::new("graded_levels_only", count), |b| {
        b.iter(|| {
            let mut classified = 0u64;
            for record in &population.graded {
                let decision = evaluate_valid(record, &options);
                classified += u64::from(matches!(&decision, Ok(d) if d.level.is_some()));
                drop(black_box(decision));
            }
            classified
        });
    });
    group.finish();

    let compared = population.assessments.len() as u64;
    let mut group = c.benchmark_group("compare");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(compared));
    group.bench_function(BenchmarkId::new("qd366_only", compared), |b| {
        b.iter(|| {
            for assessment in &population.assessments {
                let record = evaluate(assessment, &options).map(|d| d.to_record());
                drop(black_box(record));
            }
        });
    });
    let compare_options = CompareOptions {
        grades_from_points: Some(GradeMapping::ScoreShares),
        ..CompareOptions::default()
    };
    group.bench_function(BenchmarkId::new("three_regimes", compared), |b| {
        b.iter(|| {
            for assessment in &population.assessments {
                drop(black_box(compare(assessment, &compare_options)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
