//! Python binding of cadre-eval: the compiled module `cadre_eval._native`.
//!
//! It converts and forwards to the `cadre_eval` crate and holds no rules. Records come
//! in as JSON text (dicts are serialised by the Python package) or as Arrow tables of
//! flat columns (`cadre_eval::flat`); decisions go out as typed objects or Arrow
//! tables; every input problem is raised as one `cadre_eval.AssessmentError` carrying
//! the core's structured errors. The Python package `cadre_eval` wraps this module
//! (pandas in and out, docstrings, typing).

use crate::convert::to_py;
use crate::decision::{decision_list, PyDecision, PyReason};
use crate::errors::{assessment_error, no_column};
use crate::output::{DecisionColumns, ReasonColumns, ROLES};
use crate::table::{evaluate_batch, table_columns, BatchFailure, Source};
use arrow_array::{RecordBatch, RecordBatchReader};
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use cadre_eval::{
    evaluate_tree_json, evaluate_unit_lines, form_schema_for, level_entries, regime_entries,
    Appendix, BatchOptions, Column, CompareOptions, Decision, ErrorCode, FormRequest, GradeMapping,
    InputErrors, OrgOptions, OrgResult, RegimeId, Role, Rule,
};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// The allocator of the Rust side (Python's objects keep Python's): a batch allocates
/// several small blocks per row, which mimalloc serves faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod comparison;
mod convert;
mod decision;
mod errors;
mod long;
mod names;
mod options;
mod output;
mod sheets;
mod table;

fn arrow_error(error: arrow_schema::ArrowError) -> PyErr {
    PyRuntimeError::new_err(format!("building an Arrow table failed: {error}"))
}

/// Evaluates one assessment given as the contract's JSON text.
#[pyfunction]
#[pyo3(signature = (text, *, reading = "cascade", basic_targets = "any", state_cap = "none", rounding = "two_decimals", leader_components = "text"))]
fn evaluate_json(
    py: Python<'_>,
    text: &str,
    reading: &str,
    basic_targets: &str,
    state_cap: &str,
    rounding: &str,
    leader_components: &str,
) -> PyResult<PyDecision> {
    let options = options::with_state(
        options::evaluation(reading, basic_targets)?,
        state_cap,
        rounding,
        leader_components,
    )?;
    match py.detach(|| cadre_eval::evaluate_text(text, &options)) {
        Ok(decision) => Ok(PyDecision::new(decision)),
        Err(errors) => Err(assessment_error(py, &errors.0, &no_column)),
    }
}

/// Evaluates long tables of state records (design §16): a periods table, an optional
/// products table and an optional party table (each anything with
/// `__arrow_c_stream__`). Returns a dict of plain values for the Python package.
#[pyfunction]
#[pyo3(signature = (periods, products = None, party = None, *, reading = "cascade", basic_targets = "any", state_cap = "none", rounding = "two_decimals", leader_components = "text", quota = false, quota_reading = "final_tally", raised_ratio_groups = Vec::new()))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of the Python API"
)]
fn evaluate_long_tables<'py>(
    py: Python<'py>,
    periods: &Bound<'py, PyAny>,
    products: Option<&Bound<'py, PyAny>>,
    party: Option<&Bound<'py, PyAny>>,
    reading: &str,
    basic_targets: &str,
    state_cap: &str,
    rounding: &str,
    leader_components: &str,
    quota: bool,
    quota_reading: &str,
    raised_ratio_groups: Vec<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options::with_state(
        options::evaluation(reading, basic_targets)?,
        state_cap,
        rounding,
        leader_components,
    )?;
    let quota = quota
        .then(|| options::quota(quota_reading, raised_ratio_groups))
        .transpose()?;
    long::evaluate_long(py, periods, products, party, &options, quota.as_ref())
}

/// The four results of a batch, for the Python package: the decisions, the reasons
/// (when asked), the party quota's and the state quota's reports.
type BatchResult<'py> = (
    Bound<'py, PyAny>,
    Option<Bound<'py, PyAny>>,
    Bound<'py, PyAny>,
    Bound<'py, PyAny>,
);

/// The three results of an organisation tree: the decisions, the reasons (when asked)
/// and the report.
type TreeResult<'py> = (
    Bound<'py, PyAny>,
    Option<Bound<'py, PyAny>>,
    Bound<'py, PyAny>,
);

fn batches<'py>(py: Python<'py>, batches: &[RecordBatch]) -> PyResult<Bound<'py, PyAny>> {
    let list = PyList::empty(py);
    for batch in batches {
        list.append(batch.to_pyarrow(py)?)?;
    }
    Ok(list.into_any())
}

/// Threads for a large table: `threads`, or one per available core.
fn thread_count(threads: Option<usize>) -> usize {
    threads
        .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
        .unwrap_or(1)
        .max(1)
}

/// A batch's options from the keyword arguments of `evaluate_many`.
#[expect(
    clippy::too_many_arguments,
    reason = "mirrors the keyword arguments of the Python API"
)]
fn batch_options(
    reading: &str,
    basic_targets: &str,
    state_cap: &str,
    rounding: &str,
    leader_components: &str,
    quota: bool,
    quota_reading: &str,
    raised_ratio_groups: Vec<String>,
    agency_recognised_excellent: Vec<String>,
    party_excellent_rate: Option<&str>,
) -> PyResult<BatchOptions> {
    let evaluation = options::with_state(
        options::evaluation(reading, basic_targets)?,
        state_cap,
        rounding,
        leader_components,
    )?;
    let quota = quota
        .then(|| {
            options::with_state_quota(
                options::quota(quota_reading, raised_ratio_groups)?,
                agency_recognised_excellent,
                party_excellent_rate,
            )
        })
        .transpose()?;
    Ok(BatchOptions { evaluation, quota })
}

fn batch<'py>(
    py: Python<'py>,
    source: &Source<'_>,
    options: &BatchOptions,
    reasons: bool,
    messages: bool,
    threads: Option<usize>,
) -> PyResult<BatchResult<'py>> {
    let threads = thread_count(threads);
    let tables = py.detach(|| evaluate_batch(source, options, reasons, messages, threads));
    let tables = match tables {
        Ok(tables) => tables,
        Err(BatchFailure::Input(errors)) => return Err(table_error(py, &errors)),
        Err(BatchFailure::Arrow(error)) => return Err(arrow_error(error)),
        Err(BatchFailure::Thread) => {
            return Err(PyRuntimeError::new_err("an evaluation thread stopped"))
        }
    };
    let decisions = batches(py, &tables.decisions)?;
    let reasons = tables.reasons.map(|r| batches(py, &r)).transpose()?;
    let groups = to_py(py, &tables.quota_groups)?;
    let state_groups = to_py(py, &tables.state_groups)?;
    Ok((decisions, reasons, groups, state_groups))
}

/// Evaluates a table of flat columns (anything with `__arrow_c_stream__`: a
/// `pyarrow.Table` or `RecordBatchReader`). Returns the decisions and, when asked, the
/// reasons as `pyarrow.RecordBatch`es, and the quotas' reports (party, state).
#[pyfunction]
#[pyo3(signature = (table, *, reading = "cascade", basic_targets = "any", reasons = false, messages = true, quota = false, quota_reading = "final_tally", raised_ratio_groups = Vec::new(), threads = None, state_cap = "none", rounding = "two_decimals", leader_components = "text", agency_recognised_excellent = Vec::new(), party_excellent_rate = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of the Python API"
)]
fn evaluate_table<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    reading: &str,
    basic_targets: &str,
    reasons: bool,
    messages: bool,
    quota: bool,
    quota_reading: &str,
    raised_ratio_groups: Vec<String>,
    threads: Option<usize>,
    state_cap: &str,
    rounding: &str,
    leader_components: &str,
    agency_recognised_excellent: Vec<String>,
    party_excellent_rate: Option<&str>,
) -> PyResult<BatchResult<'py>> {
    let options = batch_options(
        reading,
        basic_targets,
        state_cap,
        rounding,
        leader_components,
        quota,
        quota_reading,
        raised_ratio_groups,
        agency_recognised_excellent,
        party_excellent_rate,
    )?;
    let reader = arrow_array::ffi_stream::RecordBatchStreamReader::from_pyarrow_bound(table)?;
    let schema = reader.schema();
    let columns = table_columns(schema.fields().iter().map(|f| f.name().as_str()))
        .map_err(|errors| table_error(py, &errors))?;
    let batches = reader
        .collect::<Result<Vec<RecordBatch>, _>>()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let source = Source::Table {
        batches: &batches,
        columns,
    };
    batch(py, &source, &options, reasons, messages, threads)
}

/// Evaluates a JSON array of assessments (the contract's records). Same results as
/// `evaluate_table`; an array holding state records is one call of the pair form
/// (pairs by id, the state quota then the party quota, the link).
#[pyfunction]
#[pyo3(signature = (text, *, reading = "cascade", basic_targets = "any", reasons = false, messages = true, quota = false, quota_reading = "final_tally", raised_ratio_groups = Vec::new(), threads = None, state_cap = "none", rounding = "two_decimals", leader_components = "text", agency_recognised_excellent = Vec::new(), party_excellent_rate = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of the Python API"
)]
fn evaluate_json_array<'py>(
    py: Python<'py>,
    text: &str,
    reading: &str,
    basic_targets: &str,
    reasons: bool,
    messages: bool,
    quota: bool,
    quota_reading: &str,
    raised_ratio_groups: Vec<String>,
    threads: Option<usize>,
    state_cap: &str,
    rounding: &str,
    leader_components: &str,
    agency_recognised_excellent: Vec<String>,
    party_excellent_rate: Option<&str>,
) -> PyResult<BatchResult<'py>> {
    let options = batch_options(
        reading,
        basic_targets,
        state_cap,
        rounding,
        leader_components,
        quota,
        quota_reading,
        raised_ratio_groups,
        agency_recognised_excellent,
        party_excellent_rate,
    )?;
    batch(
        py,
        &Source::Json(text),
        &options,
        reasons,
        messages,
        threads,
    )
}

/// Applies the Excellent quota to decisions, by group; returns new decisions (in the
/// same order) and the report of each group.
#[pyfunction]
#[pyo3(signature = (decisions, *, reading = "final_tally", raised_ratio_groups = Vec::new()))]
fn apply_quota<'py>(
    py: Python<'py>,
    decisions: Vec<Bound<'py, PyDecision>>,
    reading: &str,
    raised_ratio_groups: Vec<String>,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyAny>)> {
    let options = options::quota(reading, raised_ratio_groups)?;
    let mut owned: Vec<Decision> = decisions.iter().map(|d| d.get().decision.clone()).collect();
    let reports = cadre_eval::apply_quota(&mut owned, &options);
    Ok((decision_list(py, owned)?, to_py(py, &reports)?))
}

fn role_index(role: Role) -> usize {
    match role {
        Role::Organisation => 0,
        Role::Agency => 1,
        Role::Leadership => 2,
        Role::Leader => 3,
        Role::Member => 4,
        Role::StateAgency => 5,
    }
}

/// Evaluates an organisation tree: nested JSON (one unit with its `units`) or, with
/// `lines`, JSON Lines of units naming their `parent`. Returns the report (a dict), the
/// decisions table (with `unit` and `role`), and the reasons table when asked.
#[pyfunction]
#[pyo3(signature = (text, *, lines = false, reading = "cascade", basic_targets = "any", quota = true, quota_reading = "final_tally", raised_ratio_groups = Vec::new(), reasons = false, messages = true, state_cap = "none", rounding = "two_decimals", leader_components = "text", agency_recognised_excellent = Vec::new(), party_excellent_rate = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of the Python API"
)]
fn evaluate_org<'py>(
    py: Python<'py>,
    text: &str,
    lines: bool,
    reading: &str,
    basic_targets: &str,
    quota: bool,
    quota_reading: &str,
    raised_ratio_groups: Vec<String>,
    reasons: bool,
    messages: bool,
    state_cap: &str,
    rounding: &str,
    leader_components: &str,
    agency_recognised_excellent: Vec<String>,
    party_excellent_rate: Option<&str>,
) -> PyResult<TreeResult<'py>> {
    let options = options::org(
        reading,
        basic_targets,
        quota,
        quota_reading,
        raised_ratio_groups,
    )?;
    let options = options::org_with_state(
        options,
        state_cap,
        rounding,
        leader_components,
        agency_recognised_excellent,
        party_excellent_rate,
    )?;
    let result = tree_result(py, text, lines, options)?;
    let mut decisions = DecisionColumns::new(quota, true);
    let mut reason_table = reasons.then(|| ReasonColumns::new(messages));
    for (row, record) in result.records.iter().enumerate() {
        decisions.push_decision(&record.decision);
        decisions.set_unit(&record.unit, role_index(record.role));
        if let Some(table) = &mut reason_table {
            table.push(row, &record.decision);
        }
    }
    let decisions = batches(py, &[decisions.finish().map_err(arrow_error)?])?;
    let reasons = reason_table
        .map(|t| t.finish().map_err(arrow_error))
        .transpose()?
        .map(|r| batches(py, &[r]))
        .transpose()?;
    let report = to_py(py, &result.report)?;
    Ok((decisions, reasons, report))
}

/// Evaluates a tree: nested JSON, or JSON Lines of units with `lines`.
pub(crate) fn tree_result(
    py: Python<'_>,
    text: &str,
    lines: bool,
    options: OrgOptions,
) -> PyResult<OrgResult> {
    let result = py.detach(|| {
        if lines {
            Ok(evaluate_unit_lines(text, options))
        } else {
            evaluate_tree_json(text, options)
        }
    });
    result.map_err(|errors| assessment_error(py, &errors.0, &no_column))
}

/// Compares one assessment (the contract's JSON text) under several regimes: the
/// comparison as plain Python values (`cadre_eval::Comparison`).
#[pyfunction]
#[pyo3(signature = (text, *, regimes = None, grades_from_points = None, reading = "cascade", basic_targets = "any"))]
fn compare_json<'py>(
    py: Python<'py>,
    text: &str,
    regimes: Option<Vec<String>>,
    grades_from_points: Option<&str>,
    reading: &str,
    basic_targets: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let options = compare_options(regimes, grades_from_points, reading, basic_targets)?;
    match py.detach(|| cadre_eval::compare_json(text, &options)) {
        Ok(comparison) => Ok(to_py(py, &comparison)?),
        Err(errors) => Err(assessment_error(py, &errors.0, &no_column)),
    }
}

/// The error of a whole table: every problem, with the column it names.
fn table_error(py: Python<'_>, errors: &InputErrors) -> PyErr {
    assessment_error(py, &errors.0, &|path| {
        Some(path.trim_start_matches('/').to_owned())
    })
}

/// Compares every record of `source`: the comparisons table as `pyarrow.RecordBatch`es.
fn compare_source<'py>(
    py: Python<'py>,
    source: &Source<'_>,
    options: &CompareOptions,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = thread_count(threads);
    match py.detach(|| comparison::compare_batch(source, options, threads)) {
        Ok(tables) => batches(py, &tables),
        Err(BatchFailure::Input(errors)) => Err(table_error(py, &errors)),
        Err(BatchFailure::Arrow(error)) => Err(arrow_error(error)),
        Err(BatchFailure::Thread) => Err(PyRuntimeError::new_err("a comparison thread stopped")),
    }
}

/// Compares every row of a table of flat columns (anything with
/// `__arrow_c_stream__`) under several regimes: one row per input row, as
/// `pyarrow.RecordBatch`es (`id`, `in_force`, `level_<regime>`, `outcome_<regime>`,
/// `deciding_rule_<regime>`, `error_<regime>`, `levels_agree`, `differs`,
/// `error_codes`, `errors`).
#[pyfunction]
#[pyo3(signature = (table, *, regimes = None, grades_from_points = None, reading = "cascade", basic_targets = "any", threads = None))]
fn compare_table<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    regimes: Option<Vec<String>>,
    grades_from_points: Option<&str>,
    reading: &str,
    basic_targets: &str,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = compare_options(regimes, grades_from_points, reading, basic_targets)?;
    let reader = arrow_array::ffi_stream::RecordBatchStreamReader::from_pyarrow_bound(table)?;
    let schema = reader.schema();
    let columns = table_columns(schema.fields().iter().map(|f| f.name().as_str()))
        .map_err(|errors| table_error(py, &errors))?;
    let batches = reader
        .collect::<Result<Vec<RecordBatch>, _>>()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let source = Source::Table {
        batches: &batches,
        columns,
    };
    compare_source(py, &source, &options, threads)
}

/// Compares every record of a JSON array of assessments; same table as
/// `compare_table`.
#[pyfunction]
#[pyo3(signature = (text, *, regimes = None, grades_from_points = None, reading = "cascade", basic_targets = "any"))]
fn compare_json_array<'py>(
    py: Python<'py>,
    text: &str,
    regimes: Option<Vec<String>>,
    grades_from_points: Option<&str>,
    reading: &str,
    basic_targets: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let options = compare_options(regimes, grades_from_points, reading, basic_targets)?;
    compare_source(py, &Source::Json(text), &options, None)
}

/// Compares an organisation tree (nested JSON) under several regimes: the comparison
/// as plain Python values (`cadre_eval::OrgComparison`).
#[pyfunction]
#[pyo3(signature = (text, *, regimes = None, grades_from_points = None, reading = "cascade", basic_targets = "any", quota = true, quota_reading = "final_tally", raised_ratio_groups = Vec::new(), state_cap = "none", rounding = "two_decimals", leader_components = "text", agency_recognised_excellent = Vec::new(), party_excellent_rate = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "keyword arguments of the Python API"
)]
fn compare_org<'py>(
    py: Python<'py>,
    text: &str,
    regimes: Option<Vec<String>>,
    grades_from_points: Option<&str>,
    reading: &str,
    basic_targets: &str,
    quota: bool,
    quota_reading: &str,
    raised_ratio_groups: Vec<String>,
    state_cap: &str,
    rounding: &str,
    leader_components: &str,
    agency_recognised_excellent: Vec<String>,
    party_excellent_rate: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut options = compare_options(regimes, grades_from_points, reading, basic_targets)?;
    options.evaluation =
        options::with_state(options.evaluation, state_cap, rounding, leader_components)?;
    let quota = quota
        .then(|| {
            options::with_state_quota(
                options::quota(quota_reading, raised_ratio_groups)?,
                agency_recognised_excellent,
                party_excellent_rate,
            )
        })
        .transpose()?;
    match py.detach(|| cadre_eval::compare_org(text, &options, quota)) {
        Ok(comparison) => Ok(to_py(py, &comparison)?),
        Err(errors) => Err(assessment_error(py, &errors.0, &no_column)),
    }
}

/// The options of a comparison from their Python names (the core compares a regime
/// named twice once, and refuses an empty list).
fn compare_options(
    regimes: Option<Vec<String>>,
    grades_from_points: Option<&str>,
    reading: &str,
    basic_targets: &str,
) -> PyResult<CompareOptions> {
    let regimes = regimes
        .map(|names| {
            names
                .iter()
                .map(|name| options::named::<RegimeId>("a regime", name, "qd366, qd124, qd132"))
                .collect::<PyResult<Vec<RegimeId>>>()
        })
        .transpose()?;
    let grades_from_points = grades_from_points
        .map(|name| options::named::<GradeMapping>("grades_from_points", name, "score_shares"))
        .transpose()?;
    let evaluation = options::evaluation(reading, basic_targets)?;
    CompareOptions::new(regimes.as_deref(), grades_from_points, evaluation)
        .map_err(|errors| value_error(&errors))
}

/// A `ValueError` with the core's message, for arguments that are not a record.
fn value_error(errors: &InputErrors) -> PyErr {
    let messages: Vec<&str> = errors
        .errors()
        .iter()
        .map(|e| e.message.en.as_str())
        .collect();
    PyValueError::new_err(messages.join("; "))
}

/// The regimes the library knows, oldest first.
#[pyfunction]
fn regimes(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &regime_entries())
}

/// The flat columns of a table, in the contract's order.
#[pyfunction]
fn columns(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for column in Column::ALL {
        let dict = PyDict::new(py);
        dict.set_item("name", column.name())?;
        dict.set_item("path", column.path())?;
        dict.set_item("kind", column.kind().as_str())?;
        dict.set_item(
            "choices",
            column
                .kind()
                .choices()
                .iter()
                .map(|name| name.value)
                .collect::<Vec<_>>(),
        )?;
        dict.set_item("prefix", column.prefix())?;
        dict.set_item("description", column.description())?;
        list.append(dict)?;
    }
    Ok(list)
}

/// The rule catalogue: id, citation and basis of every rule.
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for rule in Rule::ALL {
        let citation = rule.citation();
        let dict = PyDict::new(py);
        dict.set_item("id", rule.id())?;
        dict.set_item("document", citation.document)?;
        dict.set_item("article", citation.article)?;
        dict.set_item("clause", citation.clause)?;
        dict.set_item("note", citation.note)?;
        dict.set_item("basis", names::basis_name(rule.basis()))?;
        list.append(dict)?;
    }
    Ok(list)
}

/// The four levels, lowest first, with their names and score floors.
#[pyfunction]
fn levels(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &level_entries())
}

/// Every stable error code.
#[pyfunction]
fn error_codes() -> Vec<&'static str> {
    ErrorCode::ALL.iter().map(|c| c.as_str()).collect()
}

/// The places of a record in a unit, as the `role` column names them.
#[pyfunction]
fn roles() -> Vec<&'static str> {
    ROLES.to_vec()
}

/// The conduct checklist catalogue (`core/data/conduct-catalogue.json`) as shipped, as
/// JSON text: the Python package parses it.
#[pyfunction]
fn conduct_catalogue_json() -> &'static str {
    cadre_eval::conduct_catalogue_json()
}

/// The criteria catalogue of one appendix of QĐ 366 (`pl1` … `pl5`): groups and items
/// with their citations.
#[pyfunction]
fn criteria_catalogue<'py>(py: Python<'py>, appendix: &str) -> PyResult<Bound<'py, PyAny>> {
    let appendix: Appendix = options::named("appendix", appendix, "pl1, pl2, pl3, pl4, pl5")?;
    to_py(py, cadre_eval::criteria_catalogue(appendix))
}

/// The form schema (Mẫu 2A, 2B, 2C, 01) for a request given as the JSON text of
/// `cadre_eval::FormRequest`, with the fields of a shipped criteria profile when
/// `profile` names one.
#[pyfunction]
#[pyo3(signature = (request, *, profile = None))]
fn form_schema<'py>(
    py: Python<'py>,
    request: &str,
    profile: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let request: FormRequest = serde_json::from_str(request)
        .map_err(|e| PyValueError::new_err(format!("not a form request: {e}")))?;
    let form = form_schema_for(&request, profile).map_err(|errors| value_error(&errors))?;
    to_py(py, &form)
}

/// The compiled module `cadre_eval._native`.
#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<PyDecision>()?;
    module.add_class::<PyReason>()?;
    module.add_function(wrap_pyfunction!(evaluate_json, module)?)?;
    module.add_function(wrap_pyfunction!(evaluate_table, module)?)?;
    module.add_function(wrap_pyfunction!(evaluate_long_tables, module)?)?;
    module.add_function(wrap_pyfunction!(evaluate_json_array, module)?)?;
    module.add_function(wrap_pyfunction!(apply_quota, module)?)?;
    module.add_function(wrap_pyfunction!(evaluate_org, module)?)?;
    module.add_function(wrap_pyfunction!(compare_json, module)?)?;
    module.add_function(wrap_pyfunction!(compare_table, module)?)?;
    module.add_function(wrap_pyfunction!(compare_json_array, module)?)?;
    module.add_function(wrap_pyfunction!(compare_org, module)?)?;
    module.add_function(wrap_pyfunction!(regimes, module)?)?;
    module.add_function(wrap_pyfunction!(columns, module)?)?;
    module.add_function(wrap_pyfunction!(rules, module)?)?;
    module.add_function(wrap_pyfunction!(levels, module)?)?;
    module.add_function(wrap_pyfunction!(error_codes, module)?)?;
    module.add_function(wrap_pyfunction!(roles, module)?)?;
    module.add_function(wrap_pyfunction!(conduct_catalogue_json, module)?)?;
    module.add_function(wrap_pyfunction!(criteria_catalogue, module)?)?;
    module.add_function(wrap_pyfunction!(form_schema, module)?)?;
    module.add_function(wrap_pyfunction!(sheets::sheet_column, module)?)?;
    module.add_function(wrap_pyfunction!(sheets::long_column, module)?)?;
    module.add_function(wrap_pyfunction!(sheets::write_template, module)?)?;
    module.add_function(wrap_pyfunction!(sheets::write_workbook_records, module)?)?;
    module.add_function(wrap_pyfunction!(sheets::write_workbook_tree, module)?)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
