//! Groups of records: the Excellent quota over a batch or a group, and organisation
//! trees (`spec/group-rules.md`).

pub mod org;
pub mod pairs;
pub mod quota;
pub mod summary;
pub mod tally;
