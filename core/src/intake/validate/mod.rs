//! Validation: from the contract's `Assessment` to a `ValidAssessment`, every problem
//! reported at once with its code, JSON path and a message in both languages, topic by
//! topic in the order of the record's fields (`assessment.rs` walks them).

pub mod assessment;
pub mod conclusions;
pub mod conduct;
pub mod discipline;
pub mod link;
pub mod options;
pub mod owned;
pub mod period;
pub mod problems;
pub mod regime;
pub mod score;
pub mod state;
pub mod subject;
pub mod tasks;
