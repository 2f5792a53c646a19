//! Batches: a table of flat columns (Arrow, from pandas or pyarrow) or a JSON array of
//! records, evaluated row by row with the quota applied over the batch when asked.
//!
//! Table columns are read as typed Arrow arrays through the C data interface; each row's
//! values go to `cadre_eval::flat`, which builds the contract's `Assessment`: no Python
//! object and no JSON text per row.

use crate::output::{DecisionColumns, ReasonColumns};
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{ArrowError, DataType};
use cadre_eval::{
    apply_verdict, columns_of, default_group, plan_quota, Assessment, BatchItem, Cell,
    CollectiveKind, Column, DisciplineCells, ErrorCode, FlatRow, GroupQuotaReport, InputError,
    InputErrors, Level, Options, Outcome, QuotaEntry, QuotaOptions, QuotaPlan, RejectedRecord,
    SubjectKind, TableColumn, CRITERION_PREFIX, DISCIPLINE_COLUMNS, MAX_BATCH_RECORDS,
};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::HashMap;

/// One column's values, as the typed array holding them.
#[derive(Clone, Copy)]
enum Values<'a> {
    Null,
    Utf8(&'a arrow_array::StringArray),
    LargeUtf8(&'a arrow_array::LargeStringArray),
    Utf8View(&'a arrow_array::StringViewArray),
    Integer(&'a arrow_array::Int64Array),
    Number(&'a arrow_array::Float64Array),
    Flag(&'a arrow_array::BooleanArray),
}

impl<'a> Values<'a> {
    fn of(array: &'a ArrayRef) -> Option<Values<'a>> {
        Some(match array.data_type() {
            DataType::Null => Values::Null,
            DataType::Utf8 => Values::Utf8(array.as_string::<i32>()),
            DataType::LargeUtf8 => Values::LargeUtf8(array.as_string::<i64>()),
            DataType::Utf8View => Values::Utf8View(array.as_string_view()),
            DataType::Int64 => Values::Integer(array.as_primitive::<Int64Type>()),
            DataType::Float64 => Values::Number(array.as_primitive::<Float64Type>()),
            DataType::Boolean => Values::Flag(array.as_boolean()),
            _ => return None,
        })
    }

    fn cell(self, index: usize) -> Option<Cell<'a>> {
        match self {
            Values::Null => None,
            Values::Utf8(a) => a.is_valid(index).then(|| Cell::Text(a.value(index))),
            Values::LargeUtf8(a) => a.is_valid(index).then(|| Cell::Text(a.value(index))),
            Values::Utf8View(a) => a.is_valid(index).then(|| Cell::Text(a.value(index))),
            Values::Integer(a) => a.is_valid(index).then(|| Cell::Integer(a.value(index))),
            Values::Number(a) => a.is_valid(index).then(|| Cell::Number(a.value(index))),
            Values::Flag(a) => a.is_valid(index).then(|| Cell::Flag(a.value(index))),
        }
    }
}

/// The column `discipline`: a list of records, each a struct with the contract's keys.
struct Records<'a> {
    /// Per row: the range of struct indexes, or None for a null list.
    offsets: Vec<Option<(usize, usize)>>,
    items: &'a StructArray,
    fields: [Option<Values<'a>>; DISCIPLINE_COLUMNS.len()],
}

impl<'a> Records<'a> {
    fn of(array: &'a ArrayRef) -> Result<Records<'a>, InputError> {
        let (offsets, values): (Vec<Option<(usize, usize)>>, &ArrayRef) = match array.data_type() {
            DataType::List(_) => {
                let list = array.as_list::<i32>();
                let o = list.value_offsets();
                (
                    (0..list.len())
                        .map(|i| {
                            list.is_valid(i).then(|| {
                                let start = usize::try_from(o[i]).unwrap_or(0);
                                let end = usize::try_from(o[i + 1]).unwrap_or(start);
                                (start, end)
                            })
                        })
                        .collect(),
                    list.values(),
                )
            }
            DataType::LargeList(_) => {
                let list = array.as_list::<i64>();
                let o = list.value_offsets();
                (
                    (0..list.len())
                        .map(|i| {
                            list.is_valid(i).then(|| {
                                let start = usize::try_from(o[i]).unwrap_or(0);
                                let end = usize::try_from(o[i + 1]).unwrap_or(start);
                                (start, end)
                            })
                        })
                        .collect(),
                    list.values(),
                )
            }
            other => return Err(unsupported(Column::Discipline.name(), other)),
        };
        let Some(items) = values.as_struct_opt() else {
            return Err(unsupported(Column::Discipline.name(), values.data_type()));
        };
        let mut fields = [None; DISCIPLINE_COLUMNS.len()];
        for (name, child) in items.column_names().into_iter().zip(items.columns()) {
            let Some(column) = Column::for_discipline_key(name) else {
                return Err(InputError::new(
                    ErrorCode::UnknownField,
                    format!("/discipline/*/{name}"),
                    format!("Khoá `{name}` không có trong quyết định kỷ luật của hợp đồng"),
                    format!("`{name}` is not a key of a discipline record"),
                ));
            };
            let position = DISCIPLINE_COLUMNS
                .iter()
                .position(|c| *c == column)
                .unwrap_or(0);
            let values = Values::of(child)
                .ok_or_else(|| unsupported(&format!("discipline.{name}"), child.data_type()))?;
            if let Some(slot) = fields.get_mut(position) {
                *slot = Some(values);
            }
        }
        Ok(Records {
            offsets,
            items,
            fields,
        })
    }

    fn fill(&self, row: usize, target: &mut FlatRow<'a>) {
        target.clear_records();
        let Some(Some((start, end))) = self.offsets.get(row) else {
            return;
        };
        for item in *start..*end {
            if self.items.is_null(item) {
                continue;
            }
            let mut cells: DisciplineCells<'a> = [None; DISCIPLINE_COLUMNS.len()];
            for (cell, values) in cells.iter_mut().zip(&self.fields) {
                *cell = values.and_then(|v| v.cell(item));
            }
            target.push_record(cells);
        }
    }
}

fn unsupported(column: &str, data_type: &DataType) -> InputError {
    InputError::new(
        ErrorCode::InvalidType,
        format!("/{}", cadre_eval::pointer_segment(column)),
        format!("Cột `{column}` có kiểu {data_type} không đọc được"),
        format!("column `{column}` has the type {data_type}, which cannot be read"),
    )
}

/// A batch's columns, ready to read row by row.
pub struct BatchColumns<'a> {
    scalars: Vec<(Column, Values<'a>)>,
    /// The criterion-grade columns: the criterion id and its values.
    criteria: Vec<(&'a str, Values<'a>)>,
    records: Option<Records<'a>>,
    rows: usize,
}

impl<'a> BatchColumns<'a> {
    fn of(
        batch: &'a RecordBatch,
        columns: &[TableColumn<'a>],
    ) -> Result<BatchColumns<'a>, InputErrors> {
        let mut scalars = Vec::new();
        let mut criteria = Vec::new();
        let mut records = None;
        let mut errors = Vec::new();
        for (column, array) in columns.iter().zip(batch.columns()) {
            match *column {
                TableColumn::Leaf(Column::Discipline) => match Records::of(array) {
                    Ok(r) => records = Some(r),
                    Err(e) => errors.push(e),
                },
                TableColumn::Leaf(column) => match Values::of(array) {
                    Some(values) => scalars.push((column, values)),
                    None => errors.push(unsupported(column.name(), array.data_type())),
                },
                TableColumn::Criterion(id) => match Values::of(array) {
                    Some(values) => criteria.push((id, values)),
                    None => errors.push(unsupported(
                        &format!("{CRITERION_PREFIX}{id}"),
                        array.data_type(),
                    )),
                },
            }
        }
        if errors.is_empty() {
            Ok(BatchColumns {
                scalars,
                criteria,
                records,
                rows: batch.num_rows(),
            })
        } else {
            Err(InputErrors(errors))
        }
    }

    fn fill(&self, row: usize, target: &mut FlatRow<'a>) {
        for (column, values) in &self.scalars {
            target.set(*column, values.cell(row));
        }
        for (id, values) in &self.criteria {
            target.set_criterion(id, values.cell(row));
        }
        if let Some(records) = &self.records {
            records.fill(row, target);
        }
    }
}

/// Where a batch's records come from.
pub enum Source<'a> {
    /// Record batches of flat columns (already checked by name: `columns`).
    Table {
        /// The batches, in order.
        batches: &'a [RecordBatch],
        /// Their columns.
        columns: Vec<TableColumn<'a>>,
    },
    /// A JSON array of assessments (records held by the caller as dicts).
    Json(&'a str),
}

/// Checks the table's column names against the flat contract.
pub fn table_columns<'n>(
    names: impl IntoIterator<Item = &'n str>,
) -> Result<Vec<TableColumn<'n>>, InputErrors> {
    columns_of(names)
}

/// What receives each record's result, with the flat column of an error path.
type Sink<'s> = dyn FnMut(usize, BatchItem, &dyn Fn(&str) -> Option<Cow<'static, str>>) + 's;

/// What receives each record read from a source, for callers other than evaluation
/// (comparisons): its index, the assessment or the rejection of a record that cannot
/// be read, and the flat column of an error path.
pub type AssessmentSink<'s> =
    dyn FnMut(usize, Result<Assessment, RejectedRecord>, &ColumnOf<'_>) + 's;

/// The flat column of an error path, for a row of a table (none for JSON).
pub type ColumnOf<'f> = dyn Fn(&str) -> Option<Cow<'static, str>> + 'f;

/// The rows of a source, ready to evaluate in ranges (tables) or whole (JSON).
pub enum Rows<'a> {
    Table {
        readers: Vec<BatchColumns<'a>>,
        /// The first row of each batch.
        starts: Vec<usize>,
        total: usize,
    },
    Json(&'a str),
}

impl<'a> Rows<'a> {
    /// The rows of `source`; fails when a column cannot be read at all.
    pub fn of(source: &Source<'a>) -> Result<Rows<'a>, InputErrors> {
        Ok(match source {
            Source::Table { batches, columns } => {
                let readers = batches
                    .iter()
                    .map(|b| BatchColumns::of(b, columns))
                    .collect::<Result<Vec<_>, _>>()?;
                let mut starts = Vec::with_capacity(readers.len());
                let mut total = 0;
                for reader in &readers {
                    starts.push(total);
                    total += reader.rows;
                }
                Rows::Table {
                    readers,
                    starts,
                    total,
                }
            }
            Source::Json(text) => Rows::Json(text),
        })
    }

    /// The ranges to evaluate, one per thread: a table is split when it is large enough
    /// to pay for a thread; a JSON array is read whole. An empty table is one empty
    /// range, so that its result is one empty batch with the result's columns.
    pub fn ranges(&self, threads: usize) -> Vec<std::ops::Range<usize>> {
        const MIN_ROWS_PER_THREAD: usize = 10_000;
        match self {
            Rows::Table { total: 0, .. } => std::iter::once(0..0).collect(),
            Rows::Table { total, .. } => {
                let parts = threads.clamp(1, (total / MIN_ROWS_PER_THREAD).max(1));
                let size = total.div_ceil(parts).max(1);
                (0..parts)
                    .map(|p| (p * size).min(*total)..((p + 1) * size).min(*total))
                    .filter(|r| !r.is_empty())
                    .collect()
            }
            // One range: the JSON array is evaluated whole, in order.
            Rows::Json(_) => std::iter::once(0..usize::MAX).collect(),
        }
    }

    /// Evaluates the rows of `range` in order.
    fn run(
        &self,
        range: std::ops::Range<usize>,
        options: &Options,
        sink: &mut Sink<'_>,
    ) -> Result<(), InputErrors> {
        match self {
            Rows::Table {
                readers, starts, ..
            } => {
                let mut row = FlatRow::new();
                for (reader, &start) in readers.iter().zip(starts) {
                    let from = range.start.max(start);
                    let to = range.end.min(start + reader.rows);
                    for index in from..to {
                        reader.fill(index - start, &mut row);
                        let item = evaluate_row(index, &row, options);
                        sink(index, item, &|path| row.column_of(path));
                    }
                }
                Ok(())
            }
            Rows::Json(text) => {
                for (index, item) in cadre_eval::evaluate_json_array(text, options)?
                    .into_iter()
                    .enumerate()
                {
                    sink(index, item, &|_| None);
                }
                Ok(())
            }
        }
    }

    /// Reads the records of `range` in order, without evaluating them: each row's
    /// assessment, or the rejection of a row that cannot be read (the `id` kept when it
    /// can be). A JSON array is read whole, each element decoded as `compare_json`
    /// decodes a record.
    pub fn read(
        &self,
        range: std::ops::Range<usize>,
        sink: &mut AssessmentSink<'_>,
    ) -> Result<(), InputErrors> {
        match self {
            Rows::Table {
                readers, starts, ..
            } => {
                let mut row = FlatRow::new();
                for (reader, &start) in readers.iter().zip(starts) {
                    let from = range.start.max(start);
                    let to = range.end.min(start + reader.rows);
                    for index in from..to {
                        reader.fill(index - start, &mut row);
                        let read = row.to_assessment().map_err(|errors| RejectedRecord {
                            index,
                            id: match row.get(Column::Id) {
                                Some(Cell::Text(id)) => Some(id.to_owned()),
                                _ => None,
                            },
                            errors: errors.0,
                        });
                        sink(index, read, &|path| row.column_of(path));
                    }
                }
                Ok(())
            }
            Rows::Json(text) => {
                for (index, record) in json_records(text)?.into_iter().enumerate() {
                    let read = cadre_eval::decode_assessment(record.get()).map_err(|errors| {
                        RejectedRecord {
                            index,
                            id: salvage_id(record.get()),
                            errors: errors.0,
                        }
                    });
                    sink(index, read, &|_| None);
                }
                Ok(())
            }
        }
    }
}

/// The elements of a JSON array of records, with the checks of
/// `cadre_eval::evaluate_json_array`: an array, and at most `MAX_BATCH_RECORDS`.
fn json_records(text: &str) -> Result<Vec<&RawValue>, InputErrors> {
    let records: Vec<&RawValue> = serde_json::from_str(text).map_err(|error| {
        InputErrors::one(InputError::new(
            ErrorCode::InvalidJson,
            "",
            format!("Dữ liệu phải là một mảng JSON các hồ sơ đánh giá: {error}"),
            format!("the input must be a JSON array of assessments: {error}"),
        ))
    })?;
    if records.len() > MAX_BATCH_RECORDS {
        return Err(InputErrors::one(InputError::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "{} hồ sơ, vượt giới hạn {MAX_BATCH_RECORDS} của một lô",
                records.len()
            ),
            format!(
                "{} records, over the batch limit of {MAX_BATCH_RECORDS}",
                records.len()
            ),
        )));
    }
    Ok(records)
}

/// Best effort: the `id` of a record that could not be decoded, for its row.
fn salvage_id(record: &str) -> Option<String> {
    match serde_json::from_str::<serde_json::Value>(record)
        .ok()?
        .get("id")?
    {
        serde_json::Value::String(id) => Some(id.clone()),
        other => Some(other.to_string()),
    }
}

/// Runs `work` on each range, on its own thread when there are several.
pub fn in_parallel<R: Send>(
    ranges: &[std::ops::Range<usize>],
    work: &(dyn Fn(std::ops::Range<usize>) -> R + Sync),
) -> Result<Vec<R>, BatchFailure> {
    if let [only] = ranges {
        return Ok(vec![work(only.clone())]);
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = ranges
            .iter()
            .map(|range| scope.spawn(move || work(range.clone())))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().map_err(|_| BatchFailure::Thread))
            .collect()
    })
}

fn evaluate_row(index: usize, row: &FlatRow<'_>, options: &Options) -> BatchItem {
    let rejected = |id: Option<String>, errors: InputErrors| {
        BatchItem::Rejected(RejectedRecord {
            index,
            id,
            errors: errors.0,
        })
    };
    match row.to_assessment() {
        Ok(assessment) => match cadre_eval::evaluate(&assessment, options) {
            Ok(decision) => BatchItem::Decision(Box::new(decision)),
            Err(errors) => rejected(Some(assessment.id), errors),
        },
        Err(errors) => {
            let id = match row.get(Column::Id) {
                Some(Cell::Text(id)) => Some(id.to_owned()),
                _ => None,
            };
            rejected(id, errors)
        }
    }
}

/// What the quota needs of one evaluated record.
struct Slim {
    row: usize,
    group: usize,
    level: Option<Level>,
    score: Option<cadre_eval::Points>,
    exceeded: u32,
    assigned: u32,
    /// The raised 25% ratio is QĐ 366's only.
    regime: cadre_eval::RegimeId,
    /// Only candidates need their id (the last tie-break).
    id: Option<Box<str>>,
}

/// The quota over a batch, gathered while evaluating.
#[derive(Default)]
struct QuotaGather {
    names: Vec<String>,
    index: HashMap<String, usize>,
    /// The default group of each subject kind, once named (no string per record).
    defaults: HashMap<(SubjectKind, Option<CollectiveKind>), usize>,
    entries: Vec<Slim>,
}

impl QuotaGather {
    fn group(&mut self, name: &str) -> usize {
        if let Some(&group) = self.index.get(name) {
            return group;
        }
        let group = self.names.len();
        self.names.push(name.to_owned());
        self.index.insert(name.to_owned(), group);
        group
    }

    fn add(&mut self, row: usize, decision: &cadre_eval::Decision) {
        let group = match &decision.quota_group {
            Some(name) => self.group(name),
            None => {
                let kind = (decision.subject_kind, decision.collective_kind);
                match self.defaults.get(&kind) {
                    Some(&group) => group,
                    None => {
                        let group = self.group(&default_group(decision));
                        self.defaults.insert(kind, group);
                        group
                    }
                }
            }
        };
        let level = (decision.outcome == Outcome::Classified)
            .then_some(decision.level)
            .flatten();
        self.entries.push(Slim {
            row,
            group,
            level,
            score: decision.score,
            exceeded: decision.tasks.map_or(0, |t| t.exceeded),
            assigned: decision.tasks.map_or(0, |t| t.assigned),
            regime: decision.regime,
            id: (level == Some(Level::Excellent)).then(|| decision.id.clone().into_boxed_str()),
        });
    }

    /// Takes in another range's entries (ranges arrive in row order).
    fn merge(&mut self, other: QuotaGather) {
        for mut entry in other.entries {
            let name = other.names.get(entry.group).map_or("", String::as_str);
            entry.group = self.group(name);
            self.entries.push(entry);
        }
    }

    fn plan(&self, options: &QuotaOptions) -> QuotaPlan {
        let entries: Vec<QuotaEntry<'_>> = self
            .entries
            .iter()
            .map(|e| QuotaEntry {
                group: e.group,
                id: e.id.as_deref().unwrap_or(""),
                level: e.level,
                score: e.score,
                exceeded: e.exceeded,
                assigned: e.assigned,
                regime: e.regime,
            })
            .collect();
        let names: Vec<&str> = self.names.iter().map(String::as_str).collect();
        plan_quota(&entries, &names, options)
    }
}

/// The tables a batch evaluation gives, as Arrow record batches in row order.
pub struct BatchTables {
    /// One row per input record.
    pub decisions: Vec<RecordBatch>,
    /// One row per reason, when asked.
    pub reasons: Option<Vec<RecordBatch>>,
    /// What the quota did in each group, when asked.
    pub quota_groups: Vec<GroupQuotaReport>,
}

/// A failure of a whole batch: its input, or building the output.
pub enum BatchFailure {
    /// The input as a whole cannot be read.
    Input(InputErrors),
    /// An Arrow array could not be built (a bug).
    Arrow(ArrowError),
    /// A worker thread stopped (a bug).
    Thread,
}

impl From<InputErrors> for BatchFailure {
    fn from(errors: InputErrors) -> Self {
        BatchFailure::Input(errors)
    }
}

impl From<ArrowError> for BatchFailure {
    fn from(error: ArrowError) -> Self {
        BatchFailure::Arrow(error)
    }
}

/// One range's share of the first pass.
struct Part {
    start: usize,
    decisions: DecisionColumns,
    reasons: Option<ReasonColumns>,
    quota: QuotaGather,
}

/// Evaluates a batch: decisions, the quota over the batch when `quota` is given, and the
/// reasons table when `reasons` (with messages when `messages`). Large tables are split
/// over `threads` threads; the results are in row order either way.
pub fn evaluate_batch(
    source: &Source<'_>,
    options: &Options,
    quota: Option<&QuotaOptions>,
    reasons: bool,
    messages: bool,
    threads: usize,
) -> Result<BatchTables, BatchFailure> {
    let rows = Rows::of(source)?;
    let ranges = rows.ranges(threads);
    // Without the quota the reasons are final on the first pass; with it, a second pass
    // re-evaluates (evaluation is deterministic) so that nothing is kept per record.
    let first_pass_reasons = reasons && quota.is_none();
    let parts = in_parallel(&ranges, &|range| {
        let expected = range.end.saturating_sub(range.start).min(1 << 24);
        let mut part = Part {
            start: range.start,
            decisions: DecisionColumns::with_capacity(expected, quota.is_some(), false),
            reasons: first_pass_reasons.then(|| ReasonColumns::new(messages)),
            quota: QuotaGather::default(),
        };
        let outcome = rows.run(range, options, &mut |index, item, column_of| match item {
            BatchItem::Decision(decision) => {
                part.decisions.push_decision(&decision);
                if quota.is_some() {
                    part.quota.add(index, &decision);
                }
                if let Some(table) = &mut part.reasons {
                    table.push(index, &decision);
                }
            }
            BatchItem::Rejected(rejected) => part.decisions.push_rejected(&rejected, column_of),
        });
        outcome.map(|()| part)
    })?
    .into_iter()
    .collect::<Result<Vec<Part>, InputErrors>>()?;
    let mut parts = parts;

    let mut quota_groups = Vec::new();
    let mut second_pass_reasons = None;
    if let Some(quota_options) = quota {
        let mut gather = QuotaGather::default();
        for part in &mut parts {
            gather.merge(std::mem::take(&mut part.quota));
        }
        let plan = gather.plan(quota_options);
        // Per row: the verdict and its group's report.
        let mut verdicts = HashMap::new();
        for (entry, verdict) in gather.entries.iter().zip(&plan.verdicts) {
            let Some(verdict) = verdict else { continue };
            let Some(report) = plan.reports.get(verdict.report) else {
                continue;
            };
            let part_index = parts
                .partition_point(|p| p.start <= entry.row)
                .saturating_sub(1);
            if let Some(part) = parts.get_mut(part_index) {
                part.decisions.set_quota(
                    entry.row - part.start,
                    &cadre_eval::QuotaOutcome {
                        group: report.group.clone(),
                        e_max: report.e_max,
                        rank: verdict.rank,
                        demoted: !verdict.keeps,
                        tied_at_cut: verdict.tied,
                    },
                );
            }
            verdicts.insert(entry.row, (*verdict, report));
        }
        if reasons {
            let tables = in_parallel(&ranges, &|range| {
                let mut table = ReasonColumns::new(messages);
                let outcome = rows.run(range, options, &mut |index, item, _| {
                    if let BatchItem::Decision(mut decision) = item {
                        if let Some((verdict, report)) = verdicts.get(&index) {
                            apply_verdict(&mut decision, verdict, report);
                        }
                        table.push(index, &decision);
                    }
                });
                outcome.map(|()| table)
            })?;
            second_pass_reasons = Some(tables.into_iter().collect::<Result<Vec<_>, _>>()?);
        }
        quota_groups = plan.reports.clone();
    }
    let mut decisions = Vec::with_capacity(parts.len());
    let mut reason_tables = Vec::with_capacity(parts.len());
    for part in parts {
        decisions.push(part.decisions.finish()?);
        if let Some(table) = part.reasons {
            reason_tables.push(table.finish()?);
        }
    }
    let reasons = match second_pass_reasons {
        Some(tables) => Some(
            tables
                .into_iter()
                .map(ReasonColumns::finish)
                .collect::<Result<Vec<_>, _>>()?,
        ),
        None => reasons.then_some(reason_tables),
    };
    Ok(BatchTables {
        decisions,
        reasons,
        quota_groups,
    })
}
