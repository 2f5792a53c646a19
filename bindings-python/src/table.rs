//! Batches: a table of flat columns (Arrow, from pandas or pyarrow) or a JSON array of
//! records, handed to the core (`cadre_eval::evaluate_records`), which reads, evaluates
//! and applies the quota over the batch; here a table's columns are read and each range
//! of results becomes Arrow columns.
//!
//! Table columns are read as typed Arrow arrays through the C data interface; each row's
//! values cross as the core's flat cells (`cadre_eval::FlatRow`): no Python object and
//! no JSON text per row, and the record crosses once.

use crate::output::{DecisionColumns, ReasonColumns};
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{Array, ArrayRef, GenericListArray, OffsetSizeTrait, RecordBatch, StructArray};
use arrow_schema::{ArrowError, DataType};
use cadre_eval::{
    columns_of, evaluate_records, pointer_segment, BatchOptions, Cell, Column, ColumnOf, Decision,
    DisciplineCells, ErrorCode, EvaluationSink, FlatRow, GroupQuotaReport, InputError, InputErrors,
    QuotaOutcome, Records, RejectedRecord, RowSource, StateQuotaReport, TableColumn, WorkerStopped,
    CRITERION_PREFIX, DISCIPLINE_COLUMNS,
};

/// One column's values, as the typed array holding them.
#[derive(Clone, Copy)]
pub(crate) enum Values<'a> {
    Null,
    Utf8(&'a arrow_array::StringArray),
    LargeUtf8(&'a arrow_array::LargeStringArray),
    Utf8View(&'a arrow_array::StringViewArray),
    Integer(&'a arrow_array::Int64Array),
    Number(&'a arrow_array::Float64Array),
    Flag(&'a arrow_array::BooleanArray),
}

impl<'a> Values<'a> {
    pub(crate) fn of(array: &'a ArrayRef) -> Option<Values<'a>> {
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

    pub(crate) fn cell(self, index: usize) -> Option<Cell<'a>> {
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

/// Per row of a list column: the range of its items, or None for a null list.
fn row_ranges<O: OffsetSizeTrait>(list: &GenericListArray<O>) -> Vec<Option<(usize, usize)>> {
    let o = list.value_offsets();
    (0..list.len())
        .map(|i| {
            list.is_valid(i).then(|| {
                let start = o[i].to_usize().unwrap_or(0);
                let end = o[i + 1].to_usize().unwrap_or(start);
                (start, end)
            })
        })
        .collect()
}

/// The column `discipline`: a list of records, each a struct with the contract's keys.
struct DisciplineRecords<'a> {
    /// Per row: the range of struct indexes, or None for a null list.
    offsets: Vec<Option<(usize, usize)>>,
    items: &'a StructArray,
    fields: [Option<Values<'a>>; DISCIPLINE_COLUMNS.len()],
}

impl<'a> DisciplineRecords<'a> {
    fn of(array: &'a ArrayRef) -> Result<DisciplineRecords<'a>, InputError> {
        let (offsets, values): (Vec<Option<(usize, usize)>>, &ArrayRef) = match array.data_type() {
            DataType::List(_) => {
                let list = array.as_list::<i32>();
                (row_ranges(list), list.values())
            }
            DataType::LargeList(_) => {
                let list = array.as_list::<i64>();
                (row_ranges(list), list.values())
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
        Ok(DisciplineRecords {
            offsets,
            items,
            fields,
        })
    }

    fn fill<'t>(&'t self, row: usize, target: &mut FlatRow<'t>) {
        target.clear_records();
        let Some(Some((start, end))) = self.offsets.get(row) else {
            return;
        };
        for item in *start..*end {
            if self.items.is_null(item) {
                continue;
            }
            let mut cells: DisciplineCells<'t> = [None; DISCIPLINE_COLUMNS.len()];
            for (cell, values) in cells.iter_mut().zip(&self.fields) {
                *cell = values.and_then(|v| v.cell(item));
            }
            target.push_record(cells);
        }
    }
}

pub(crate) fn unsupported(column: &str, data_type: &DataType) -> InputError {
    InputError::new(
        ErrorCode::InvalidType,
        format!("/{}", pointer_segment(column)),
        format!("Cột `{column}` có kiểu {data_type} không đọc được"),
        format!("column `{column}` has the type {data_type}, which cannot be read"),
    )
}

/// A batch's columns, ready to read row by row.
pub struct BatchColumns<'a> {
    scalars: Vec<(Column, Values<'a>)>,
    /// The criterion-grade columns: the criterion id and its values.
    criteria: Vec<(&'a str, Values<'a>)>,
    records: Option<DisciplineRecords<'a>>,
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
                TableColumn::Leaf(Column::Discipline) => match DisciplineRecords::of(array) {
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

    fn fill<'t>(&'t self, row: usize, target: &mut FlatRow<'t>) {
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

/// A table's record batches, read as the core reads a table: row by row.
pub struct ArrowRows<'a> {
    readers: Vec<BatchColumns<'a>>,
    /// The first row of each batch.
    starts: Vec<usize>,
    total: usize,
}

impl<'a> ArrowRows<'a> {
    /// The rows of `batches`; fails when a column cannot be read at all.
    pub(crate) fn of(
        batches: &'a [RecordBatch],
        columns: &[TableColumn<'a>],
    ) -> Result<ArrowRows<'a>, InputErrors> {
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
        Ok(ArrowRows {
            readers,
            starts,
            total,
        })
    }
}

impl RowSource for ArrowRows<'_> {
    fn rows(&self) -> usize {
        self.total
    }

    fn fill<'s>(&'s self, index: usize, row: &mut FlatRow<'s>) {
        let batch = self
            .starts
            .partition_point(|&start| start <= index)
            .saturating_sub(1);
        if let (Some(reader), Some(&start)) = (self.readers.get(batch), self.starts.get(batch)) {
            reader.fill(index - start, row);
        }
    }
}

/// Runs `work` on the records of `source`, as the core reads them.
pub fn with_records<R>(
    source: &Source<'_>,
    work: impl FnOnce(&Records<'_>) -> Result<R, BatchFailure>,
) -> Result<R, BatchFailure> {
    match source {
        Source::Table { batches, columns } => {
            let rows = ArrowRows::of(batches, columns)?;
            work(&Records::Rows(&rows))
        }
        Source::Json(text) => work(&Records::json_array(text)?),
    }
}

/// One range's tables.
struct Part {
    start: usize,
    decisions: DecisionColumns,
    reasons: Option<ReasonColumns>,
    /// With the quota, the reasons come from the decisions after it.
    quota: bool,
}

impl EvaluationSink for Part {
    fn decision(&mut self, index: usize, decision: &Decision) {
        self.decisions.push_decision(decision);
        if let (Some(table), false) = (&mut self.reasons, self.quota) {
            table.push(index, decision);
        }
    }

    fn rejected(&mut self, rejected: &RejectedRecord, column_of: &ColumnOf<'_>) {
        self.decisions.push_rejected(rejected, column_of);
    }

    fn quota(&mut self, index: usize, outcome: &QuotaOutcome) {
        self.decisions.set_quota(index - self.start, outcome);
    }

    fn final_decision(&mut self, index: usize, decision: &Decision) {
        if let Some(table) = &mut self.reasons {
            table.push(index, decision);
        }
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
    /// What the state quota did per group and per agency, when asked and the batch
    /// holds state records.
    pub state_groups: Vec<StateQuotaReport>,
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

impl From<WorkerStopped> for BatchFailure {
    fn from(_: WorkerStopped) -> Self {
        BatchFailure::Thread
    }
}

/// Evaluates a batch (the core reads, evaluates and applies the quota; here each
/// range's results become Arrow columns): decisions, the reasons table when `reasons`
/// (with messages when `messages`), and the quota's reports when `options` has one.
pub fn evaluate_batch(
    source: &Source<'_>,
    options: &BatchOptions,
    reasons: bool,
    messages: bool,
    threads: usize,
) -> Result<BatchTables, BatchFailure> {
    let quota = options.quota.is_some();
    let evaluated = with_records(source, |records| {
        Ok(evaluate_records(
            records,
            options,
            threads,
            reasons && quota,
            &|range| Part {
                start: range.start,
                decisions: DecisionColumns::with_capacity(range.len().min(1 << 24), quota, false),
                reasons: reasons.then(|| ReasonColumns::new(messages)),
                quota,
            },
        )?)
    })?;
    let mut decisions = Vec::with_capacity(evaluated.sinks.len());
    let mut reason_tables = Vec::with_capacity(evaluated.sinks.len());
    for part in evaluated.sinks {
        decisions.push(part.decisions.finish()?);
        if let Some(table) = part.reasons {
            reason_tables.push(table.finish()?);
        }
    }
    Ok(BatchTables {
        decisions,
        reasons: reasons.then_some(reason_tables),
        quota_groups: evaluated.groups,
        state_groups: evaluated.state_groups,
    })
}
