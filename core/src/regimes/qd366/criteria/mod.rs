//! Criteria profiles of QĐ 366 (Phụ lục 1–5): the catalogue of criteria items, profile
//! validation, scoring item points into the two group totals, and the shipped samples.
//!
//! The central texts fix only the two group maxima of every appendix: 30 points for the
//! general criteria and 70 for task results (`qd366.crit.groups`). The points of each
//! criteria item are set by the superior party committees (HD 43 §7.12). A
//! [`CriteriaProfile`] is such a weighting, as data: which items of one appendix are
//! scored, with what maximum, nested as the appendix nests them, optionally split into
//! local sub-items.
//!
//! - [`catalogue`] is the list of criteria items of each appendix, with the stable ids of
//!   `criteria-qd366.md` §0.3 (`pl4.general.1.a`), bilingual labels, status marks and
//!   citations. It is shipped with the library (`data/criteria/catalogue-pl<N>.json`).
//! - [`validate_profile`] checks a profile against the catalogue: every parent's maximum
//!   is the exact sum of its children's, and the groups sum to 30 and 70
//!   (`qd366.crit.profile`), every central item is present (`qd366.crit.local`), only
//!   the named sector block or post group applies (`qd366.crit.sector`).
//! - [`ValidProfile::score`] turns item points into the two group totals, exactly
//!   (`qd366.crit.range`, `qd366.crit.complete`, `qd366.crit.derived`).
//! - [`shipped_profiles`] are **illustrative** samples, one or more per appendix; none is
//!   an official weighting (`qd366.crit.no_default`).
//! - [`appendix_for`] maps a subject to its appendix (Art. 10).
//!
//! ```
//! use cadre_eval::{shipped_profile, CriteriaGroup as Group};
//! use cadre_eval::Points;
//! use std::collections::BTreeMap;
//!
//! let profile = shipped_profile("illustrative-pl5-spec-example").ok_or("not shipped")?;
//! let mut items = BTreeMap::new();
//! for (id, points) in [
//!     ("pl5.general.1.a", "8"), ("pl5.general.1.b", "7.5"), ("pl5.general.1.c", "8"),
//!     ("pl5.general.2", "5.25"),
//!     ("pl5.task_results.1", "28"), ("pl5.task_results.2", "19.5"), ("pl5.task_results.3", "20"),
//! ] {
//!     items.insert(id.to_owned(), points.parse::<serde_json::Number>().map_err(|e| e.to_string())?);
//! }
//! let (general, task_results) = profile.score(&items, "/score/items").map_err(|e| format!("{e:?}"))?;
//! assert_eq!(general, Points::from_hundredths(2875));
//! assert_eq!(task_results, Points::from_hundredths(6750));
//! assert_eq!(Group::General.max(), Points::whole(30));
//! # Ok::<(), String>(())
//! ```
//!
//! The format and the readings are documented in `docs/criteria-profiles.md`.

pub mod catalogue;
pub mod document;
pub mod problems;
pub mod profile;
pub mod shipped;
pub mod validate;
