//! Writes the library's data bundle (`cadre_eval_data.json`: every file of `core/data/`,
//! by its path, as shipped) into each directory given, for the WASM package, whose
//! module is built without the compiled-in files and loads this one beside it
//! (`loadData`).
//!
//! `cargo run -p cadre-eval-wasm --example data -- bindings-wasm/pkg/web bindings-wasm/pkg/node`

use std::path::Path;

fn main() -> std::io::Result<()> {
    let bundle = cadre_eval::shipped_data_bundle();
    for dir in std::env::args().skip(1) {
        std::fs::write(Path::new(&dir).join("cadre_eval_data.json"), &bundle)?;
    }
    Ok(())
}
