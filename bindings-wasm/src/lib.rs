//! WASM binding of cadre-eval. A skeleton until the WASM binding issue: it converts and
//! forwards to `cadre_eval`, and holds no rules.

use wasm_bindgen::prelude::*;

/// Evaluates one assessment given as JSON text; returns a tagged result as JSON text:
/// `{"ok": true, "decision": …}` or `{"ok": false, "errors": […]}`.
#[wasm_bindgen(js_name = evaluateJson)]
pub fn evaluate_json(json: &str) -> String {
    let value = match cadre_eval::evaluate_json(json, &cadre_eval::Options::default()) {
        Ok(decision) => serde_json::json!({ "ok": true, "decision": decision }),
        Err(errors) => serde_json::json!({ "ok": false, "errors": errors }),
    };
    value.to_string()
}
