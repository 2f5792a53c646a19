//! Analyses of one record or tree: regimes compared, a form still being filled in, and
//! what would change the result.

pub mod change;
pub mod compare;
pub mod compare_org;
pub mod partial;
pub mod state_change;
pub mod state_partial;
pub mod task_counts;
