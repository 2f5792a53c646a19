//! Writes the JSON Schemas of every type the WASM binding takes or returns into the
//! folder given as the only argument, one `<name>.schema.json` each; the TypeScript
//! types are generated from them (`scripts/generate-types.mjs`). The core's own schema
//! functions are used where it has them, so the types follow the Rust types.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a build tool")]

use cadre_eval::{
    assessment_schema, conduct_catalogue_schema, conduct_scope_schema, decision_schema,
    error_schema, form_schema_schema, rejected_schema, ApplicableItem, FormRequest, LevelPath,
    PartialResult,
};

fn main() {
    let dir = std::env::args_os()
        .nth(1)
        .expect("usage: schemas <output folder>");
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    let to_value = |s: schemars::Schema| serde_json::to_value(s).unwrap();
    for (name, schema) in [
        ("assessment", assessment_schema()),
        ("decision", decision_schema()),
        ("error", error_schema()),
        ("rejected", rejected_schema()),
        ("form-schema", form_schema_schema()),
        ("form-request", to_value(schemars::schema_for!(FormRequest))),
        ("conduct-catalogue", conduct_catalogue_schema()),
        ("conduct-scope", conduct_scope_schema()),
        (
            "applicable-item",
            to_value(schemars::schema_for!(ApplicableItem<'static>)),
        ),
        (
            "partial-result",
            to_value(schemars::schema_for!(PartialResult)),
        ),
        ("level-path", to_value(schemars::schema_for!(LevelPath))),
        (
            "options",
            to_value(schemars::schema_for!(cadre_eval::Options)),
        ),
        (
            "quota-options",
            to_value(schemars::schema_for!(cadre_eval::QuotaOptions)),
        ),
        (
            "group-quota-report",
            to_value(schemars::schema_for!(cadre_eval::GroupQuotaReport)),
        ),
        (
            "comparison",
            to_value(schemars::schema_for!(cadre_eval::Comparison)),
        ),
        (
            "compare-options",
            to_value(schemars::schema_for!(cadre_eval_wasm::CompareOptions)),
        ),
    ] {
        let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        std::fs::write(dir.join(format!("{name}.schema.json")), text).unwrap();
    }
}
