//! Organisation trees (`docs/organisation-trees.md`): a nested tree or JSON Lines of
//! units, evaluated whole; for a reader that hands over one line at a time, the
//! evaluator itself (`OrgEvaluator::add_line`, then `OrgEvaluator::finish`), with the
//! result as the contract writes it (`OrgResult::output`).

pub use crate::group::org::evaluator::{OrgEvaluator, OrgRecord, OrgResult};
pub use crate::group::org::intake::{evaluate_tree_json, evaluate_unit_lines};
