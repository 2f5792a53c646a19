//! Writes the JSON Schemas of every type the WASM binding takes or returns into the
//! folder given as the only argument, one `<name>.schema.json` each; the TypeScript
//! types are generated from them (`scripts/generate-types.mjs`). The schemas come from
//! the core's registry (`cadre_eval::schema`), so the types follow the Rust types.

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "a build tool")]

/// The records of the core's registry this binding neither takes nor returns.
const NOT_HERE: [&str; 4] = [
    "change-result",
    "batch-options",
    "org-report",
    "criteria-profile",
];

fn main() {
    let dir = std::env::args_os()
        .nth(1)
        .expect("usage: schemas <output folder>");
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    for name in cadre_eval::SCHEMA_NAMES
        .into_iter()
        .filter(|name| !NOT_HERE.contains(name))
    {
        let schema = cadre_eval::schema(name).expect("a schema of the core's registry");
        let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        std::fs::write(dir.join(format!("{name}.schema.json")), text).unwrap();
    }
}
