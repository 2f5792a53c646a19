//! The published JSON Schemas in `docs/schema/` match the Rust types.
//!
//! Regenerate after changing a contract type:
//! `cargo run -q -p cadre-eval --example write_schemas`

#![cfg(test)]

use std::path::Path;

fn check(name: &str, generated: serde_json::Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs/schema")
        .join(format!("{name}.schema.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let published: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        published == generated,
        "{} is out of date: regenerate with `cargo run -q -p cadre-eval --example write_schemas`",
        path.display()
    );
}

#[test]
fn published_schemas_match_the_types() {
    check("assessment", cadre_eval::assessment_schema());
    check("decision", cadre_eval::decision_schema());
    check("error", cadre_eval::error_schema());
    check("rejected", cadre_eval::rejected_schema());
}

#[test]
fn the_assessment_schema_rejects_unknown_fields() {
    let schema = cadre_eval::assessment_schema();
    assert_eq!(
        schema["additionalProperties"],
        serde_json::Value::Bool(false)
    );
    assert!(schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v == "subject"));
}
