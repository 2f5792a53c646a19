//! Batches read record by record from a front end's table (Arrow arrays, a spreadsheet)
//! or a JSON array, evaluated or compared here, the results handed to the front end's
//! sinks (which build its output, Arrow columns for instance) in row order.
//!
//! Each record crosses into the core once: the front end hands over a row's cells
//! ([`RowSource`]); reading them into an assessment, evaluating it, gathering what the
//! quota needs and planning the quota over the whole batch happen here. A large table is
//! split into ranges evaluated on their own threads; the results do not depend on the
//! split. With the quota, nothing is kept per record but a few integers: a front end
//! that needs the full decisions after the quota (their reasons) gets them from a
//! second pass, each record evaluated again (evaluation is deterministic).

use crate::analysis::compare::{compare_levels, LevelComparison};
use crate::api::batch::{evaluate_record_text, BatchItem};
use crate::api::evaluate::evaluate;
use crate::contract::assessment::Assessment;
use crate::contract::batch::{BatchOptions, RejectedRecord};
use crate::contract::compare::CompareOptions;
use crate::contract::decision::QuotaOutcome;
use crate::contract::errors::InputErrors;
use crate::contract::level::Options;
use crate::contract::quota::GroupQuotaReport;
use crate::group::quota::gather::BatchQuota;
use crate::intake::batch::{batch_records, salvage_id, BatchText};
use crate::intake::decode::decode_assessment;
pub use crate::intake::flat::{
    columns_of, unknown_column, Cell, Column, ColumnKind, DisciplineCells, FlatRow, TableColumn,
    COLUMN_COUNT, CRITERION_PREFIX, DISCIPLINE_COLUMNS, RECORD_ONLY,
};
use crate::regimes::decision::Decision;
use std::borrow::Cow;
use std::ops::Range;
use std::thread;

/// Fewest rows worth a thread of their own.
const MIN_ROWS_PER_THREAD: usize = 10_000;

/// A table's rows as a front end reads them, each row's cells in the flat columns of
/// the contract (`intake::flat`): no text and no object per row.
pub trait RowSource: Sync {
    /// How many rows the table has.
    fn rows(&self) -> usize;

    /// Sets `row` to row `index`: every column the table has (an empty cell as `None`)
    /// and its discipline records.
    fn fill<'s>(&'s self, index: usize, row: &mut FlatRow<'s>);
}

/// Where a batch's records come from.
pub enum Records<'a> {
    /// The rows of a table.
    Rows(&'a dyn RowSource),
    /// The records of a JSON array, each as its text.
    Json(Vec<&'a str>),
}

impl<'a> Records<'a> {
    /// The records of a JSON array of assessments, checked as
    /// [`evaluate_json_array`](crate::evaluate_json_array) checks them.
    pub fn json_array(text: &'a str) -> Result<Records<'a>, InputErrors> {
        Ok(Records::Json(batch_records(text, BatchText::Array)?))
    }

    /// The ranges of records to work on, one per thread: a table is split when it is
    /// large enough to pay for a thread; a JSON array is read whole. An empty table is
    /// one empty range, so that a front end's result has its columns all the same.
    fn ranges(&self, threads: usize) -> Vec<Range<usize>> {
        match self {
            Records::Rows(source) => {
                let total = source.rows();
                if total == 0 {
                    return std::iter::once(0..0).collect();
                }
                let parts = threads.clamp(1, (total / MIN_ROWS_PER_THREAD).max(1));
                let size = total.div_ceil(parts).max(1);
                (0..parts)
                    .map(|p| (p * size).min(total)..((p + 1) * size).min(total))
                    .filter(|r| !r.is_empty())
                    .collect()
            }
            Records::Json(records) => std::iter::once(0..records.len()).collect(),
        }
    }

    /// Reads each record of `range` in order: its assessment, or the rejection of a
    /// record that cannot be read (its `id` kept when it can be), with the flat column of
    /// an error path.
    fn read(&self, range: Range<usize>, each: &mut dyn FnMut(usize, Read<'_>, &ColumnOf<'_>)) {
        match self {
            Records::Rows(source) => {
                let mut row = FlatRow::new();
                for index in range {
                    source.fill(index, &mut row);
                    let read = match row.to_assessment() {
                        Ok(assessment) => Read::Assessment(assessment),
                        Err(errors) => Read::Rejected(RejectedRecord {
                            index,
                            id: row.id_text().map(str::to_owned),
                            errors: errors.0,
                        }),
                    };
                    each(index, read, &|path| row.column_of(path));
                }
            }
            Records::Json(records) => {
                for index in range {
                    let Some(&text) = records.get(index) else {
                        continue;
                    };
                    each(index, Read::Json(text), &|_| None);
                }
            }
        }
    }

    /// Evaluates each record of `range` in order.
    fn evaluate(
        &self,
        range: Range<usize>,
        options: &Options,
        each: &mut dyn FnMut(usize, RecordResult, &ColumnOf<'_>),
    ) {
        self.read(range, &mut |index, read, column_of| {
            let item = match read {
                Read::Assessment(assessment) => match evaluate(&assessment, options) {
                    Ok(decision) => RecordResult::Decision(decision),
                    Err(errors) => RecordResult::Rejected(RejectedRecord {
                        index,
                        id: Some(assessment.id),
                        errors: errors.0,
                    }),
                },
                Read::Json(text) => match evaluate_record_text(index, text, options) {
                    BatchItem::Decision(decision) => RecordResult::Decision(*decision),
                    BatchItem::Rejected(rejected) => RecordResult::Rejected(rejected),
                },
                Read::Rejected(rejected) => RecordResult::Rejected(rejected),
            };
            each(index, item, column_of);
        });
    }
}

/// One record's result as the sinks get it. Not boxed, unlike [`BatchItem`]: a table's
/// rows are evaluated one at a time, and a box would cost an allocation per row.
enum RecordResult {
    /// Evaluated.
    Decision(Decision),
    /// Rejected, with its errors.
    Rejected(RejectedRecord),
}

/// One record as read, before it is evaluated. Held for one record at a time: boxing
/// the assessment would allocate once per record.
#[expect(
    clippy::large_enum_variant,
    reason = "one at a time; boxing would allocate once per record"
)]
enum Read<'t> {
    /// A row read into an assessment.
    Assessment(Assessment),
    /// A JSON record's text (read, validated and evaluated in one step).
    Json(&'t str),
    /// A row that could not be read.
    Rejected(RejectedRecord),
}

/// The flat column an error path came from, for a row of a table (none for a JSON
/// record).
pub type ColumnOf<'f> = dyn Fn(&str) -> Option<Cow<'static, str>> + 'f;

/// What receives a batch's evaluated records, one sink per range of records, in the
/// records' order.
pub trait EvaluationSink: Send {
    /// A record evaluated. With the quota this is its decision before the quota; the
    /// quota's outcome for it, if it is a candidate, comes by [`EvaluationSink::quota`].
    fn decision(&mut self, index: usize, decision: &Decision);

    /// A record that could not be read or evaluated.
    fn rejected(&mut self, rejected: &RejectedRecord, column_of: &ColumnOf<'_>);

    /// What the quota did to the Excellent candidate of record `index`, one this sink
    /// received.
    fn quota(&mut self, index: usize, outcome: &QuotaOutcome) {
        let _ = (index, outcome);
    }

    /// With the quota and `final_decisions`: the decision of record `index` with the
    /// quota applied (a second pass over the records).
    fn final_decision(&mut self, index: usize, decision: &Decision) {
        let _ = (index, decision);
    }
}

/// What receives a batch's compared records, one sink per range, in order.
pub trait ComparisonSink: Send {
    /// A record compared under the regimes asked.
    fn comparison(&mut self, index: usize, id: &str, comparison: &LevelComparison);

    /// A record that could not be read.
    fn rejected(&mut self, rejected: &RejectedRecord, column_of: &ColumnOf<'_>);
}

/// A worker thread stopped before its range was done (a defect, reported rather than
/// passed on as a panic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a worker thread of the batch stopped")]
pub struct WorkerStopped;

/// The sinks of a batch in the order of their ranges, and what the quota did in each
/// group (none without the quota).
pub struct Evaluated<S> {
    /// One sink per range, in record order.
    pub sinks: Vec<S>,
    /// The quota's report per group, by group name.
    pub groups: Vec<GroupQuotaReport>,
}

/// Evaluates every record, each range on its own thread (at most `threads`), handing
/// the results to the sinks `sink` makes (one per range), with the quota over the whole
/// batch when `options` asks for it; with `final_decisions`, every decision again with
/// the quota applied (see [`EvaluationSink::final_decision`]).
pub fn evaluate_records<S: EvaluationSink>(
    records: &Records<'_>,
    options: &BatchOptions,
    threads: usize,
    final_decisions: bool,
    sink: &(dyn Fn(Range<usize>) -> S + Sync),
) -> Result<Evaluated<S>, WorkerStopped> {
    let ranges = records.ranges(threads);
    let gathering = options.quota.is_some();
    let parts = in_parallel(&ranges, &|range| {
        let mut part = sink(range.clone());
        let mut quota = BatchQuota::default();
        records.evaluate(
            range,
            &options.evaluation,
            &mut |index, item, column_of| match item {
                RecordResult::Decision(decision) => {
                    part.decision(index, &decision);
                    if gathering {
                        quota.add(index, &decision);
                    }
                }
                RecordResult::Rejected(rejected) => part.rejected(&rejected, column_of),
            },
        );
        (part, quota)
    })?;
    let Some(quota_options) = &options.quota else {
        return Ok(Evaluated {
            sinks: parts.into_iter().map(|(part, _)| part).collect(),
            groups: Vec::new(),
        });
    };
    let mut gathered = BatchQuota::default();
    let mut sinks = Vec::with_capacity(parts.len());
    for (part, quota) in parts {
        gathered.merge(quota);
        sinks.push(part);
    }
    let plan = gathered.plan(quota_options);
    for (row, outcome) in plan.outcomes() {
        let position = ranges.partition_point(|range| range.start <= row);
        if let Some(part) = position.checked_sub(1).and_then(|p| sinks.get_mut(p)) {
            part.quota(row, &outcome);
        }
    }
    if final_decisions {
        let mut parts: Vec<(Range<usize>, &mut S)> =
            ranges.iter().cloned().zip(&mut sinks).collect();
        for_each_in_parallel(&mut parts, &|(range, part)| {
            records.evaluate(range.clone(), &options.evaluation, &mut |index, item, _| {
                if let RecordResult::Decision(mut decision) = item {
                    plan.apply(index, &mut decision);
                    part.final_decision(index, &decision);
                }
            });
        })?;
    }
    Ok(Evaluated {
        sinks,
        groups: plan.into_reports(),
    })
}

/// Compares every record under the regimes of `options`, each range on its own thread
/// (at most `threads`), handing the results to the sinks `sink` makes, in range order.
pub fn compare_records<S: ComparisonSink>(
    records: &Records<'_>,
    options: &CompareOptions,
    threads: usize,
    sink: &(dyn Fn(Range<usize>) -> S + Sync),
) -> Result<Vec<S>, WorkerStopped> {
    let ranges = records.ranges(threads);
    in_parallel(&ranges, &|range| {
        let mut part = sink(range.clone());
        records.read(range, &mut |index, read, column_of| {
            let assessment = match read {
                Read::Assessment(assessment) => assessment,
                // Decoded as `compare_json` decodes a record.
                Read::Json(text) => match decode_assessment(text) {
                    Ok(assessment) => assessment,
                    Err(errors) => {
                        let rejected = RejectedRecord {
                            index,
                            id: salvage_id(text),
                            errors: errors.0,
                        };
                        part.rejected(&rejected, column_of);
                        return;
                    }
                },
                Read::Rejected(rejected) => {
                    part.rejected(&rejected, column_of);
                    return;
                }
            };
            part.comparison(index, &assessment.id, &compare_levels(&assessment, options));
        });
        part
    })
}

/// Runs `work` on each part, on its own thread when there are several.
fn for_each_in_parallel<P: Send>(
    parts: &mut [P],
    work: &(dyn Fn(&mut P) + Sync),
) -> Result<(), WorkerStopped> {
    if let [only] = parts {
        work(only);
        return Ok(());
    }
    thread::scope(|scope| {
        let handles: Vec<_> = parts
            .iter_mut()
            .map(|part| scope.spawn(move || work(part)))
            .collect();
        handles
            .into_iter()
            .try_for_each(|handle| handle.join().map_err(|_| WorkerStopped))
    })
}

/// Runs `work` on each range, on its own thread when there are several; the results
/// in the ranges' order.
fn in_parallel<R: Send>(
    ranges: &[Range<usize>],
    work: &(dyn Fn(Range<usize>) -> R + Sync),
) -> Result<Vec<R>, WorkerStopped> {
    if let [only] = ranges {
        return Ok(vec![work(only.clone())]);
    }
    thread::scope(|scope| {
        let handles: Vec<_> = ranges
            .iter()
            .map(|range| scope.spawn(move || work(range.clone())))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().map_err(|_| WorkerStopped))
            .collect()
    })
}
