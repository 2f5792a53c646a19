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
//!
//! A batch holding a state record (`docs/state-regimes.md`) is one call of the pair
//! form (`api::pairs`): seen in the first pass, it makes the batch read again whole,
//! state and party records of one id paired, the state quota then the party quota and
//! the link applied, and each record's final decision handed to the sinks. A batch of
//! party records only never pays for it beyond one comparison per record.

use crate::analysis::compare::{compare_levels, LevelComparison};
use crate::api::batch::{evaluate_record_text, holds_state_record, BatchItem};
use crate::api::evaluate::evaluate;
use crate::api::pairs::{evaluate_read_with_pairs, read_json_record, ReadRecord};
use crate::contract::assessment::Assessment;
use crate::contract::batch::{BatchOptions, RejectedRecord};
use crate::contract::compare::CompareOptions;
use crate::contract::decision::QuotaOutcome;
use crate::contract::errors::InputErrors;
use crate::contract::level::Options;
use crate::contract::quota::GroupQuotaReport;
use crate::contract::state::{Rating, StateQuotaReport};
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

    /// How many records there are.
    fn len(&self) -> usize {
        match self {
            Records::Rows(source) => source.rows(),
            Records::Json(records) => records.len(),
        }
    }

    /// Runs `work` with the flat column of an error path of record `index` (a row read
    /// again; none for a JSON record).
    fn with_column_of(&self, index: usize, work: &mut dyn FnMut(&ColumnOf<'_>)) {
        match self {
            Records::Rows(source) => {
                let mut row = FlatRow::new();
                source.fill(index, &mut row);
                work(&|path| row.column_of(path));
            }
            Records::Json(_) => work(&|_| None),
        }
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

    /// Evaluates each record of `range` in order; the last argument of `each` says
    /// whether the record is a state record (`"rating": "state"`), evaluated or not.
    fn evaluate(
        &self,
        range: Range<usize>,
        options: &Options,
        each: &mut dyn FnMut(usize, RecordResult, &ColumnOf<'_>, bool),
    ) {
        self.read(range, &mut |index, read, column_of| {
            let (item, state) = match read {
                Read::Assessment(assessment) => {
                    let state = assessment.rating == Some(Rating::State);
                    let item = match evaluate(&assessment, options) {
                        Ok(decision) => RecordResult::Decision(decision),
                        Err(errors) => RecordResult::Rejected(RejectedRecord {
                            index,
                            id: Some(assessment.id),
                            errors: errors.0,
                        }),
                    };
                    (item, state)
                }
                Read::Json(text) => match evaluate_record_text(index, text, options) {
                    BatchItem::Decision(decision) => {
                        let state = decision.rating == Rating::State;
                        (RecordResult::Decision(*decision), state)
                    }
                    BatchItem::Rejected(rejected) => {
                        (RecordResult::Rejected(rejected), holds_state_record(text))
                    }
                },
                Read::Rejected(rejected) => (RecordResult::Rejected(rejected), false),
            };
            each(index, item, column_of, state);
        });
    }

    /// Every record as the pair form reads it, in order.
    fn read_all(&self, options: &Options) -> Vec<ReadRecord> {
        let mut all = Vec::with_capacity(self.len());
        self.read(0..self.len(), &mut |_, read, _| {
            all.push(match read {
                Read::Assessment(assessment) => Ok(assessment),
                Read::Json(text) => read_json_record(text, options),
                Read::Rejected(rejected) => Err((
                    rejected.id.unwrap_or_default(),
                    InputErrors(rejected.errors),
                )),
            });
        });
        all
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
///
/// In a batch holding state records (the pair form), every decision is final when it
/// is handed over: [`EvaluationSink::decision`] gets it with both quotas applied, then
/// [`EvaluationSink::quota`] its quota outcome, if any, and, with `final_decisions`,
/// [`EvaluationSink::final_decision`] the same decision.
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

/// The sinks of a batch in the order of their ranges, and what the quotas did in each
/// group (none without the quota).
pub struct Evaluated<S> {
    /// One sink per range, in record order.
    pub sinks: Vec<S>,
    /// The party quota's report per group, by group name.
    pub groups: Vec<GroupQuotaReport>,
    /// The state quota's reports (`spec/state-regimes.md` §2.3), per group with similar
    /// tasks then per agency, as [`Batch`](crate::Batch) gives them; none without the
    /// quota or without state records.
    pub state_groups: Vec<StateQuotaReport>,
}

/// Evaluates every record, each range on its own thread (at most `threads`), handing
/// the results to the sinks `sink` makes (one per range), with the quota over the whole
/// batch when `options` asks for it; with `final_decisions`, every decision again with
/// the quota applied (see [`EvaluationSink::final_decision`]). A batch holding a state
/// record is evaluated as one call of the pair form (pairs by id, the state quota and
/// the party quota, the link), as [`evaluate_batch_json`](crate::evaluate_batch_json)
/// evaluates one.
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
        let mut holds_state = false;
        records.evaluate(
            range,
            &options.evaluation,
            &mut |index, item, column_of, state| {
                holds_state |= state;
                match item {
                    RecordResult::Decision(decision) => {
                        part.decision(index, &decision);
                        if gathering {
                            quota.add(index, &decision);
                        }
                    }
                    RecordResult::Rejected(rejected) => part.rejected(&rejected, column_of),
                }
            },
        );
        (part, quota, holds_state)
    })?;
    if parts.iter().any(|(_, _, holds_state)| *holds_state) {
        // The first pass's sinks are dropped: every record goes through the pair form.
        drop(parts);
        return Ok(evaluate_paired(
            records,
            &ranges,
            options,
            final_decisions,
            sink,
        ));
    }
    let Some(quota_options) = &options.quota else {
        return Ok(Evaluated {
            sinks: parts.into_iter().map(|(part, _, _)| part).collect(),
            groups: Vec::new(),
            state_groups: Vec::new(),
        });
    };
    let mut gathered = BatchQuota::default();
    let mut sinks = Vec::with_capacity(parts.len());
    for (part, quota, _) in parts {
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
            records.evaluate(
                range.clone(),
                &options.evaluation,
                &mut |index, item, _, _| {
                    if let RecordResult::Decision(mut decision) = item {
                        plan.apply(index, &mut decision);
                        part.final_decision(index, &decision);
                    }
                },
            );
        })?;
    }
    Ok(Evaluated {
        sinks,
        groups: plan.into_reports(),
        state_groups: Vec::new(),
    })
}

/// A batch holding state records: every record read again, in order, and evaluated as
/// one call of the pair form (`api::pairs`); each final decision or rejection handed to
/// the sinks of `ranges`, in order.
fn evaluate_paired<S: EvaluationSink>(
    records: &Records<'_>,
    ranges: &[Range<usize>],
    options: &BatchOptions,
    final_decisions: bool,
    sink: &(dyn Fn(Range<usize>) -> S + Sync),
) -> Evaluated<S> {
    let read = records.read_all(&options.evaluation);
    let paired = evaluate_read_with_pairs(read, &options.evaluation, options.quota.as_ref());
    let mut results: Vec<Option<Result<Decision, RejectedRecord>>> =
        (0..records.len()).map(|_| None).collect();
    for (index, decision) in paired.indices.into_iter().zip(paired.decisions) {
        if let Some(slot) = results.get_mut(index) {
            *slot = Some(Ok(decision));
        }
    }
    for (index, name, errors) in paired.rejected {
        if let Some(slot) = results.get_mut(index) {
            *slot = Some(Err(RejectedRecord {
                index,
                id: Some(name).filter(|name| !name.is_empty()),
                errors: errors.0,
            }));
        }
    }
    let mut results = results.into_iter().enumerate();
    let mut sinks = Vec::with_capacity(ranges.len());
    for range in ranges {
        let mut part = sink(range.clone());
        for (index, result) in results.by_ref().take(range.len()) {
            match result {
                Some(Ok(decision)) => {
                    part.decision(index, &decision);
                    if let Some(outcome) = &decision.quota {
                        part.quota(index, outcome);
                    }
                    if final_decisions {
                        part.final_decision(index, &decision);
                    }
                }
                Some(Err(rejected)) => {
                    records.with_column_of(index, &mut |column_of| {
                        part.rejected(&rejected, column_of);
                    });
                }
                None => {}
            }
        }
        sinks.push(part);
    }
    Evaluated {
        sinks,
        groups: paired.groups,
        state_groups: paired.state_groups,
    }
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
