//! The catalogue shipped with the library (`core/data/conduct-catalogue.json`, compiled
//! in or given at run time: `crate::data`), read and checked once.

use crate::contract::conduct::ConductScope;
use crate::contract::conduct_catalogue::{ApplicableItem, Catalogue, CatalogueError, ConductItem};
use crate::contract::text::Text;
use crate::data::{shipped_file, CONDUCT_CATALOGUE_FILE};
use chrono::NaiveDate;
use std::sync::OnceLock;

/// The shipped catalogue, read and checked on first use.
pub fn catalogue() -> Result<&'static Catalogue, CatalogueError> {
    static CATALOGUE: OnceLock<Result<Catalogue, CatalogueError>> = OnceLock::new();
    if let Some(read) = CATALOGUE.get() {
        return read.as_ref().map_err(Clone::clone);
    }
    // Not kept when the file is missing: it may still be given.
    let text = shipped_file(CONDUCT_CATALOGUE_FILE).ok_or_else(|| CatalogueError {
        problems: vec![Text::new(
            "chưa có tệp dữ liệu của thư viện (provide_shipped_data; WASM: loadData)",
            "the library's data files have not been given (provide_shipped_data; WASM: loadData)",
        )],
    })?;
    CATALOGUE
        .get_or_init(|| Catalogue::from_json(text))
        .as_ref()
        .map_err(Clone::clone)
}

/// The shipped catalogue as JSON text, exactly as shipped, for the CLI and the
/// bindings ([`catalogue`] reads the same text); empty while the data files have not
/// been given (a build without `embedded-data`).
pub fn catalogue_json() -> &'static str {
    shipped_file(CONDUCT_CATALOGUE_FILE).unwrap_or("")
}

/// The version of the shipped catalogue's content.
pub fn version() -> Result<&'static str, CatalogueError> {
    Ok(catalogue()?.version())
}

/// The item of the shipped catalogue with this id.
pub fn get(id: &str) -> Result<Option<&'static ConductItem>, CatalogueError> {
    Ok(catalogue()?.get(id))
}

/// The items of the shipped catalogue that apply to a subject on a day
/// ([`Catalogue::items_for`]).
pub fn items_for(
    scope: &ConductScope,
    on: NaiveDate,
) -> Result<Vec<ApplicableItem<'static>>, CatalogueError> {
    Ok(catalogue()?.items_for(scope, on))
}
