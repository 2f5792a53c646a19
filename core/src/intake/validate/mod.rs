//! Validation: from the contract's `Assessment` to a `ValidAssessment`, every problem
//! reported at once with its code, JSON path and a message in both languages.

pub mod assessment;
