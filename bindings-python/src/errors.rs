//! Errors cross as data: one Python exception, `cadre_eval.AssessmentError` (a
//! `ValueError`), carrying every problem with its stable code, JSON path and messages.

use cadre_eval::InputError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};

/// The exception class, defined in Python (`cadre_eval/_errors.py`) so that it can carry
/// a method, `.errors()`, under the stable ABI.
static ASSESSMENT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// One problem as a Python dict: `code`, `path`, `message` (`vi`, `en`), and the flat
/// `column` it came from when the input was a table.
pub fn error_dict<'py>(
    py: Python<'py>,
    error: &InputError,
    column: Option<&str>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("code", error.code.as_str())?;
    dict.set_item("path", &error.path)?;
    let message = PyDict::new(py);
    message.set_item("vi", &error.message.vi)?;
    message.set_item("en", &error.message.en)?;
    dict.set_item("message", message)?;
    if let Some(column) = column {
        dict.set_item("column", column)?;
    }
    Ok(dict)
}

/// `AssessmentError(summary, errors)` for these problems; `column_of` names the flat
/// column of a path, for table input.
pub fn assessment_error(
    py: Python<'_>,
    errors: &[InputError],
    column_of: &dyn Fn(&str) -> Option<String>,
) -> PyErr {
    match build(py, errors, column_of) {
        Ok(error) => error,
        Err(error) => error,
    }
}

fn build(
    py: Python<'_>,
    errors: &[InputError],
    column_of: &dyn Fn(&str) -> Option<String>,
) -> PyResult<PyErr> {
    let ty = ASSESSMENT_ERROR.import(py, "cadre_eval._errors", "AssessmentError")?;
    let list = PyList::empty(py);
    for error in errors {
        list.append(error_dict(py, error, column_of(&error.path).as_deref())?)?;
    }
    Ok(PyErr::from_type(
        ty.clone(),
        (summary(errors), list.unbind()),
    ))
}

/// `2 problems: out_of_range at /score/general: …; …`, for the exception's text.
pub fn summary(errors: &[InputError]) -> String {
    let count = errors.len();
    let noun = if count == 1 { "problem" } else { "problems" };
    let details: Vec<String> = errors.iter().map(ToString::to_string).collect();
    format!("{count} {noun}: {}", details.join("; "))
}

/// No flat column: the input was a record, not a table row.
pub fn no_column(_path: &str) -> Option<String> {
    None
}
