//! Contract values to Python objects, through their JSON text.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use serde::Serialize;

/// A contract value as Python objects: what `json.loads` of its JSON text gives.
///
/// Through the text because the workspace's `serde_json` keeps a number as the text its
/// sender wrote (`arbitrary_precision`, issue 16), which only `serde_json` itself writes
/// as a number: a generic serializer (pythonize) would see an internal struct instead.
pub(crate) fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let text =
        serde_json::to_string(value).map_err(|error| PyRuntimeError::new_err(error.to_string()))?;
    let loads = LOADS.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("json")?.getattr("loads")?.unbind())
    })?;
    loads.bind(py).call1((text,))
}
