//! The catalogue shipped with the library (`core/data/conduct-catalogue.json`), read
//! and checked once.

use crate::contract::conduct::ConductScope;
use crate::contract::conduct_catalogue::{ApplicableItem, Catalogue, CatalogueError, ConductItem};
use chrono::NaiveDate;
use std::sync::OnceLock;

/// The catalogue data as shipped (JSON). A `static`, not a `const`: a `const` is copied
/// into each function that reads it, and the WASM build carried the text twice.
static DATA: &str = include_str!("../../data/conduct-catalogue.json");

/// The shipped catalogue, read and checked on first use.
pub fn catalogue() -> Result<&'static Catalogue, CatalogueError> {
    static CATALOGUE: OnceLock<Result<Catalogue, CatalogueError>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| Catalogue::from_json(DATA))
        .as_ref()
        .map_err(Clone::clone)
}

/// The shipped catalogue as JSON text, exactly as embedded, for the CLI and the
/// bindings. [`catalogue`] reads the same text.
pub fn catalogue_json() -> &'static str {
    DATA
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
