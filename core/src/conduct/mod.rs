//! The conduct catalogue (`spec/conduct.md`): the exemplary-conduct rules (nêu gương),
//! the must-not-do rules and the related conduct standards, as versioned data shipped
//! with the library.
//!
//! The data is `core/data/conduct-catalogue.json`, embedded at build time and read once.
//! It holds the items of QĐ 101, QĐ 55, QĐ 08-QĐi, QĐ 144, QĐ 37 and QĐ 213, and the
//! forms of discipline of QĐ 69; each item has a stable topic-keyed id, its citation, a
//! paraphrase in Vietnamese and English, whom it applies to, its kind and effect, the
//! document versions it belongs to, and how far its wording was confirmed. See
//! `docs/conduct-catalogue.md`.
//!
//! ```
//! use cadre_eval::conduct::{self, ConductScope};
//! use chrono::NaiveDate;
//!
//! let catalogue = conduct::catalogue().map_err(|e| e.to_string())?;
//! let day = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("date")?;
//! let member = catalogue.items_for(&ConductScope::default(), day);
//! assert!(member.iter().any(|applicable| applicable.item.id == "q37.gifts"));
//! assert!(member.iter().all(|applicable| !applicable.item.id.starts_with("q101.key.")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod catalogue;
mod check;
mod scope;

pub use catalogue::{
    discipline_form_item_id, Applicability, ApplicableItem, Catalogue, CatalogueError, ConductItem,
    Confirmation, Divisions, Document, DocumentCount, DocumentVersion, EndStatus, IsoDate,
    ItemEffect, ItemKind, ItemStatus, VersionEnd, FORMAT,
};
pub use scope::{CommitteeLevel, ConductScope, Residence};

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

/// The JSON Schema of the catalogue data.
pub fn catalogue_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Catalogue)).unwrap_or_default()
}

/// The JSON Schema of a scope (`conduct.scope`).
pub fn scope_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(ConductScope)).unwrap_or_default()
}
