//! Organisation trees (`spec/group-rules.md` §2–§4, `docs/organisation-trees.md`).
//!
//! A unit holds its party organisation, its organisation/agency, its leadership
//! collective, its members and leaders, and its subordinate units. The evaluator takes
//! units one at a time (a nested tree is flattened into the same stream as JSON Lines of
//! units), evaluates each record as soon as what it depends on is known, derives the
//! facts a rating takes from the tree, applies the Excellent quota per group, and
//! reports statistics per unit and per group.
//!
//! Memory: every evaluated record is kept as a small summary; full decisions with their
//! reasons are kept only when asked (`OrgOptions::keep_decisions`), so a national tree
//! of millions of records fits in a few hundred megabytes.
//!
//! | file | job |
//! |---|---|
//! | `evaluator.rs` | the state, and what every job shares |
//! | `intake.rs` | reading units and records, registering ids |
//! | `link.rs` | parents and children, depth, tree order |
//! | `derive.rs` | facts derived from the tree (Art. 12.2) |
//! | `caps.rs` | QĐ 132's caps from the tree |
//! | `quota.rs` | the quota's groups, and the quota applied |
//! | `report.rs` | statistics per unit, group and in all |
//! | `state.rs` | state records: agency, `d`, managed units, head cap, state quota, pairs |
//! | `finish.rs` | the order of the jobs once every unit is in |

pub mod caps;
pub mod derive;
pub mod evaluator;
pub mod finish;
pub mod intake;
pub mod link;
pub mod quota;
pub mod report;
pub mod state;
#[cfg(test)]
mod tests;
