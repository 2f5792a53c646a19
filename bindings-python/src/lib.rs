//! Python binding of cadre-eval. A skeleton until the Python binding issue: it converts
//! and forwards to `cadre_eval`, and holds no rules.

use pyo3::prelude::*;

/// Evaluates one assessment given as JSON text; returns the decision as JSON text.
///
/// Errors are returned as the JSON list of structured errors under `errors`.
#[pyfunction]
fn evaluate_json(json: &str) -> String {
    let result = cadre_eval::evaluate_json(json, &cadre_eval::Options::default());
    let value = match result {
        Ok(decision) => serde_json::json!({ "ok": true, "decision": decision }),
        Err(errors) => serde_json::json!({ "ok": false, "errors": errors }),
    };
    value.to_string()
}

/// The compiled module `cadre_eval._native`.
#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(evaluate_json, module)?)?;
    Ok(())
}
