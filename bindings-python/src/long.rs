//! Long tables of state records (design §16): a periods table and an optional products
//! table, read as Arrow columns into the core's cells (`cadre_eval::LongTable`), with an
//! optional party table (flat columns) evaluated in the same call. The core reads,
//! pairs, evaluates and applies the quotas (`cadre_eval::evaluate_long_tables`); here
//! each result becomes a row of plain values for the Python package's frames.

use crate::convert::to_py;
use crate::errors::{assessment_error, no_column};
use crate::table::{table_columns, unsupported, ArrowRows, Values};
use arrow_array::{RecordBatch, RecordBatchReader};
use arrow_pyarrow::FromPyArrow;
use cadre_eval::{
    evaluate_long_tables, Cell, Decision, FlatRow, InputError, InputErrors, LongTable, Options,
    PlacedError, QuotaOptions, RowSource,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use serde_json::value::RawValue;
use serde_json::{json, Value};

/// An Arrow stream's batches and column names.
fn read_stream(table: &Bound<'_, PyAny>) -> PyResult<(Vec<String>, Vec<RecordBatch>)> {
    let reader = arrow_array::ffi_stream::RecordBatchStreamReader::from_pyarrow_bound(table)?;
    let names = reader
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let batches = reader
        .collect::<Result<Vec<RecordBatch>, _>>()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok((names, batches))
}

/// The batches as the core's long table, each cell borrowed from its array.
fn long_table<'a>(
    names: &'a [String],
    batches: &'a [RecordBatch],
) -> Result<LongTable<'a>, InputErrors> {
    let mut rows: Vec<Vec<Option<Cell<'a>>>> = Vec::new();
    for batch in batches {
        let mut columns = Vec::with_capacity(names.len());
        for (name, array) in names.iter().zip(batch.columns()) {
            match Values::of(array) {
                Some(values) => columns.push(values),
                None => return Err(InputErrors::one(unsupported(name, array.data_type()))),
            }
        }
        for row in 0..batch.num_rows() {
            rows.push(columns.iter().map(|v| v.cell(row)).collect());
        }
    }
    Ok(LongTable {
        columns: names.iter().map(String::as_str).collect(),
        rows,
    })
}

/// A core error as a plain dict.
fn error_value(
    error: &InputError,
    table: Option<&str>,
    row: Option<usize>,
    column: Option<&str>,
) -> Value {
    json!({
        "code": error.code.as_str(),
        "path": error.path,
        "table": table,
        "row": row,
        "column": column,
        "message_vi": error.message.vi,
        "message_en": error.message.en,
    })
}

fn placed_value(error: &PlacedError) -> Value {
    match &error.place {
        Some(p) => error_value(
            &error.error,
            Some(p.table.as_str()),
            Some(p.row),
            Some(&p.column),
        ),
        None => error_value(&error.error, None, None, None),
    }
}

/// The result columns of a state decision (design §16).
fn state_row(decision: &Decision) -> PyResult<Value> {
    let record = decision.to_record();
    let state = record.state.as_ref();
    let quota = decision.quota.as_ref();
    let scope = quota
        .and_then(|q| q.scope)
        .map(serde_json::to_value)
        .transpose()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(json!({
        "id": decision.id,
        "outcome": decision.outcome.as_str(),
        "level": decision.level.map(|l| l.as_str()),
        "score": decision.score.map(|s| s.hundredths() as f64 / 100.0),
        "band": decision.band.map(|l| l.as_str()),
        "needs_decision": decision.needs_decision,
        "regime": decision.regime_shown().map(|r| r.as_str()),
        "employment": state.and_then(|s| s.employment).map(|e| e.as_str()),
        "deciding_rule": decision.deciding_reason().map(|r| r.rule.id()),
        "alternative_level": decision.alternatives.first().and_then(|a| a.level).map(|l| l.as_str()),
        "periods_counted": state.and_then(|s| s.periods_counted),
        "periods_listed": state.map(|s| s.periods.len()),
        "mean": state.and_then(|s| s.mean.clone()),
        "agency": state.and_then(|s| s.agency.clone()),
        "quota_group": quota.map(|q| q.group.clone()).or_else(|| decision.quota_group.clone()),
        "quota_scope": scope,
        "quota_rank": quota.map(|q| q.rank),
        "quota_e_max": quota.map(|q| q.e_max),
        "quota_demoted": quota.map(|q| q.demoted),
        "quota_tied_at_cut": quota.map(|q| q.tied_at_cut),
    }))
}

/// Evaluates long tables of state records; see `cadre_eval.evaluate_many`. Returns a
/// dict: `persons` (each with `row` — the state frame's columns —, `rows`, `errors`
/// and `record`, the full decision), `party` (each with `record` or `errors`),
/// `errors` (of no person), `groups` and `state_groups`.
pub fn evaluate_long<'py>(
    py: Python<'py>,
    periods: &Bound<'py, PyAny>,
    products: Option<&Bound<'py, PyAny>>,
    party: Option<&Bound<'py, PyAny>>,
    options: &Options,
    quota: Option<&QuotaOptions>,
) -> PyResult<Bound<'py, PyAny>> {
    let (period_names, period_batches) = read_stream(periods)?;
    let products = products.map(read_stream).transpose()?;
    // The party records: a JSON array's text (dicts serialised by the package) or a
    // table of flat columns.
    let party_text: Option<String> = match party {
        Some(p) if p.is_instance_of::<PyString>() => Some(p.extract()?),
        _ => None,
    };
    let party = match party {
        Some(p) if party_text.is_none() => Some(read_stream(p)?),
        _ => None,
    };
    let value = py.detach(|| -> Result<Value, InputErrors> {
        let periods = long_table(&period_names, &period_batches)?;
        let products = products
            .as_ref()
            .map(|(names, batches)| long_table(names, batches))
            .transpose()?;
        // The party rows: the good ones cross as records; a row that cannot be read
        // keeps its errors and its place.
        let mut party_slots: Vec<Result<usize, Vec<Value>>> = Vec::new();
        let mut texts = Vec::new();
        if let Some(text) = &party_text {
            let records: Vec<Box<RawValue>> = serde_json::from_str(text)
                .map_err(|e| InputErrors::one(InputError::invalid_json("", &e)))?;
            for record in records {
                party_slots.push(Ok(texts.len()));
                texts.push(record.get().to_owned());
            }
        }
        if let Some((names, batches)) = &party {
            let columns = table_columns(names.iter().map(String::as_str))?;
            let rows = ArrowRows::of(batches, &columns)?;
            let mut row = FlatRow::new();
            for index in 0..rows.rows() {
                rows.fill(index, &mut row);
                match row.to_assessment() {
                    Ok(assessment) => {
                        let text = serde_json::to_string(&assessment).map_err(|e| {
                            InputErrors::one(InputError::invalid_json("", &e))
                        })?;
                        party_slots.push(Ok(texts.len()));
                        texts.push(text);
                    }
                    Err(errors) => party_slots.push(Err(errors
                        .0
                        .iter()
                        .map(|e| {
                            let column = row.column_of(&e.path);
                            error_value(e, Some("party"), Some(index), column.as_deref())
                        })
                        .collect())),
                }
            }
        }
        let result = evaluate_long_tables(&periods, products.as_ref(), &texts, options, quota);
        let mut persons = Vec::with_capacity(result.persons.len());
        for person in &result.persons {
            persons.push(match &person.decision {
                Ok(decision) => json!({
                    "row": state_row(decision).map_err(|e| InputErrors::one(InputError::invalid_json("", &e)))?,
                    "rows": person.rows,
                    "errors": Value::Null,
                    "record": decision.to_record(),
                }),
                Err(errors) => json!({
                    "row": {"id": person.id},
                    "rows": person.rows,
                    "errors": errors.iter().map(placed_value).collect::<Vec<_>>(),
                    "record": Value::Null,
                }),
            });
        }
        let party: Vec<Value> = party_slots
            .into_iter()
            .enumerate()
            .map(|(index, slot)| match slot {
                Ok(at) => match result.party.get(at) {
                    Some(Ok(decision)) => json!({"record": decision.to_record(), "errors": Value::Null}),
                    Some(Err(errors)) => json!({
                        "record": Value::Null,
                        "errors": errors.0.iter().map(|e| error_value(e, Some("party"), Some(index), None)).collect::<Vec<_>>(),
                    }),
                    None => json!({"record": Value::Null, "errors": []}),
                },
                Err(errors) => json!({"record": Value::Null, "errors": errors}),
            })
            .collect();
        Ok(json!({
            "persons": persons,
            "party": party,
            "errors": result.errors.iter().map(placed_value).collect::<Vec<_>>(),
            "groups": result.groups,
            "state_groups": result.state_groups,
        }))
    });
    match value {
        Ok(value) => to_py(py, &value),
        Err(errors) => Err(assessment_error(py, &errors.0, &no_column)),
    }
}
