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
//! use cadre_eval::{conduct_catalogue, ConductScope};
//! use chrono::NaiveDate;
//!
//! let catalogue = conduct_catalogue().map_err(|e| e.to_string())?;
//! let day = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("date")?;
//! let member = catalogue.items_for(&ConductScope::default(), day);
//! assert!(member.iter().any(|applicable| applicable.item.id == "q37.gifts"));
//! assert!(member.iter().all(|applicable| !applicable.item.id.starts_with("q101.key.")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod catalogue;
pub mod check;
pub mod shipped;
