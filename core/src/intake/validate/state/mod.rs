//! Validation of a state record (`"rating": "state"`, `spec/state-regimes.md` §6), by
//! topic; `record.rs` walks the record in the order of its fields.
//!
//! | file | what |
//! |---|---|
//! | `record.rs` | the order of the checks; builds the `ValidAssessment` |
//! | `select.rs` | the regime: by rating year and employment, or named |
//! | `periods.rs` | ND 335, ND 233: months or quarters, product lists, a leader's unit facts |
//! | `nd90.rs` | ND 90: criteria, tasks, the unit's targets, managed units |
//! | `discipline.rs` | party or administrative discipline |
//! | `foreign.rs` | fields of the party contract, or of the other family of state regimes |

pub mod discipline;
pub mod foreign;
pub mod nd90;
pub mod periods;
pub mod record;
pub mod select;
