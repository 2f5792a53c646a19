//! Writes the published JSON Schemas to `docs/schema/` (the CLI's `schema` command
//! prints the same).

#![expect(clippy::unwrap_used, reason = "a developer tool")]

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/schema");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, schema) in [
        ("assessment", cadre_eval::assessment_schema()),
        ("decision", cadre_eval::decision_schema()),
        ("error", cadre_eval::error_schema()),
        ("rejected", cadre_eval::rejected_schema()),
    ] {
        let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        std::fs::write(dir.join(format!("{name}.schema.json")), text).unwrap();
    }
}
