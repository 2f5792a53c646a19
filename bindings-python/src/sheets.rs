//! Spreadsheets from Python: headers read as the core reads them, templates and results
//! workbooks written by `cadre-eval-sheets`, the writer the command-line tool uses.
//! Conversion and forwarding only: the templates, evaluations and figures are the
//! core's.

use crate::errors::{assessment_error, no_column};
use crate::options;
use crate::table::{table_columns, with_records, BatchFailure, Source};
use crate::tree_result;
use arrow_array::{RecordBatch, RecordBatchReader};
use arrow_pyarrow::FromPyArrow;
use cadre_eval::{
    long_column_of_header, org_result_tables, record_result_tables, sheet_template,
    template_with_records, template_with_tree, BatchOptions, InputErrors, LongTableName, Rating,
    RegimeId, ResultTables, SheetColumn, SubjectKind, TemplateRequest,
};
use cadre_eval_sheets::{
    write_results, write_state_records, write_state_template,
    write_template as write_template_file, SheetFileError,
};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use std::path::PathBuf;

fn file_error(error: SheetFileError) -> PyErr {
    PyOSError::new_err(error.to_string())
}

fn input_error(py: Python<'_>, errors: &InputErrors) -> PyErr {
    assessment_error(py, &errors.0, &no_column)
}

/// The name a table gives the column a spreadsheet's header names (`tasks_on_time`,
/// `grades_criteria_<id>`; `name`, `unit`, `notes` beside the record), or `None`.
#[pyfunction]
pub fn sheet_column(header: &str) -> Option<String> {
    SheetColumn::of_header(header).map(|column| column.key())
}

/// The name a long table of state records gives the column a header names in its table
/// (`periods` or `products`): `periods_month` for `Tháng` or `Month`,
/// `periods_general_items_<id>` for `Tiêu chí chung: <id>`; or `None`.
#[pyfunction]
pub fn long_column(table: &str, header: &str) -> PyResult<Option<String>> {
    let table = match table {
        "periods" => LongTableName::Periods,
        "products" => LongTableName::Products,
        other => {
            return Err(PyValueError::new_err(format!(
                "table must be periods or products, not {other:?}"
            )))
        }
    };
    Ok(long_column_of_header(table, header).map(|column| column.name()))
}

/// Writes a template workbook: empty, or filled with `records` (a JSON array of
/// assessments) or `tree` (one nested unit as JSON), its headers in Vietnamese or, with
/// `english`, in English. A state regime (`nd335`, `nd233`) writes the empty state
/// workbook (a periods sheet and a products sheet), as `cadre-eval template --regime
/// nd335` does.
#[pyfunction]
#[pyo3(signature = (path, *, records = None, tree = None, kinds = Vec::new(), regime = None, criteria = Vec::new(), english = false))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of the Python API"
)]
pub fn write_template(
    py: Python<'_>,
    path: PathBuf,
    records: Option<&str>,
    tree: Option<&str>,
    kinds: Vec<String>,
    regime: Option<&str>,
    criteria: Vec<String>,
    english: bool,
) -> PyResult<()> {
    let kinds = kinds
        .iter()
        .map(|kind| options::named::<SubjectKind>("kind", kind, "member, leader, collective"))
        .collect::<PyResult<Vec<_>>>()?;
    let regime = regime
        .map(|id| options::named::<RegimeId>("regime", id, "qd366, qd124, qd132, nd335, nd233"))
        .transpose()?;
    if let Some(regime) = regime.filter(|regime| regime.info().rating == Rating::State) {
        if tree.is_some() || !kinds.is_empty() || !criteria.is_empty() {
            return Err(PyValueError::new_err(
                "a state template takes records only: tree, kinds and criteria are for party records",
            ));
        }
        let Some(records) = records else {
            return py
                .detach(|| write_state_template(&path, regime))
                .map_err(file_error);
        };
        // The state records of a JSON array, as `cadre-eval template --from` writes them.
        let records: Vec<serde_json::Value> = serde_json::from_str(records)
            .map_err(|e| PyValueError::new_err(format!("records: not a JSON array ({e})")))?;
        if !records.iter().any(|record| record["rating"] == "state") {
            return Err(PyValueError::new_err(
                "records: no state record (\"rating\": \"state\") to write",
            ));
        }
        return py
            .detach(|| write_state_records(&path, regime, &records))
            .map(|_| ())
            .map_err(file_error);
    }
    let request = TemplateRequest {
        kinds,
        regime,
        org: tree.is_some(),
        criteria,
    };
    let template = match (records, tree) {
        (Some(_), Some(_)) => {
            return Err(PyValueError::new_err(
                "write_template takes records or a tree, not both",
            ))
        }
        (Some(records), None) => template_with_records(&request, records),
        (None, Some(tree)) => template_with_tree(&request, tree),
        (None, None) => Ok(sheet_template(&request)),
    }
    .map_err(|errors| input_error(py, &errors))?;
    py.detach(|| write_template_file(&template, &path, english))
        .map_err(file_error)
}

/// Writes the results workbook at `path` (the one `cadre-eval evaluate --output`
/// writes).
fn write(py: Python<'_>, tables: &ResultTables, path: PathBuf) -> PyResult<()> {
    py.detach(|| write_results(tables, &path))
        .map_err(file_error)
}

/// The options of a batch.
fn batch_options(
    reading: &str,
    basic_targets: &str,
    quota: bool,
    quota_reading: &str,
    raised_ratio_groups: Vec<String>,
) -> PyResult<BatchOptions> {
    Ok(BatchOptions {
        evaluation: options::evaluation(reading, basic_targets)?,
        quota: quota
            .then(|| options::quota(quota_reading, raised_ratio_groups))
            .transpose()?,
    })
}

/// Evaluates a table of flat columns (anything with `__arrow_c_stream__`) or, given
/// `text`, a JSON array of assessments, and writes the results workbook at `path`.
#[pyfunction]
#[pyo3(signature = (path, table = None, *, text = None, reading = "cascade", basic_targets = "any", quota = false, quota_reading = "final_tally", raised_ratio_groups = Vec::new()))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of the Python API"
)]
pub fn write_workbook_records(
    py: Python<'_>,
    path: PathBuf,
    table: Option<&Bound<'_, PyAny>>,
    text: Option<&str>,
    reading: &str,
    basic_targets: &str,
    quota: bool,
    quota_reading: &str,
    raised_ratio_groups: Vec<String>,
) -> PyResult<()> {
    let options = batch_options(
        reading,
        basic_targets,
        quota,
        quota_reading,
        raised_ratio_groups,
    )?;
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let evaluate = |source: &Source<'_>| {
        with_records(source, |records| {
            Ok(record_result_tables(records, &options, threads)?)
        })
    };
    let tables = match (table, text) {
        (Some(table), None) => {
            let reader =
                arrow_array::ffi_stream::RecordBatchStreamReader::from_pyarrow_bound(table)?;
            let schema = reader.schema();
            let columns = table_columns(schema.fields().iter().map(|f| f.name().as_str()))
                .map_err(|errors| input_error(py, &errors))?;
            let batches = reader
                .collect::<Result<Vec<RecordBatch>, _>>()
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            let source = Source::Table {
                batches: &batches,
                columns,
            };
            py.detach(|| evaluate(&source))
        }
        (None, Some(text)) => py.detach(|| evaluate(&Source::Json(text))),
        _ => {
            return Err(PyValueError::new_err(
                "write_workbook_records takes a table or a JSON text",
            ))
        }
    };
    let tables = match tables {
        Ok(tables) => tables,
        Err(BatchFailure::Input(errors)) => return Err(input_error(py, &errors)),
        Err(BatchFailure::Arrow(error)) => return Err(PyRuntimeError::new_err(error.to_string())),
        Err(BatchFailure::Thread) => {
            return Err(PyRuntimeError::new_err("an evaluation thread stopped"))
        }
    };
    write(py, &tables, path)
}

/// Evaluates an organisation tree (nested JSON, or JSON Lines of units with `lines`)
/// and writes the results workbook at `path`.
#[pyfunction]
#[pyo3(signature = (path, text, *, lines = false, reading = "cascade", basic_targets = "any", quota = true, quota_reading = "final_tally", raised_ratio_groups = Vec::new()))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of the Python API"
)]
pub fn write_workbook_tree(
    py: Python<'_>,
    path: PathBuf,
    text: &str,
    lines: bool,
    reading: &str,
    basic_targets: &str,
    quota: bool,
    quota_reading: &str,
    raised_ratio_groups: Vec<String>,
) -> PyResult<()> {
    let options = options::org(
        reading,
        basic_targets,
        quota,
        quota_reading,
        raised_ratio_groups,
    )?;
    let result = tree_result(py, text, lines, options)?;
    write(py, &org_result_tables(&result, quota), path)
}
