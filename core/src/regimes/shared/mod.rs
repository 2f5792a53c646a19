//! What the regimes apply alike: who is old enough in the party to be classified,
//! whether a discipline record falls in the period, and wording.

pub mod discipline;
pub mod eligibility;
pub mod messages;
pub mod topics;
