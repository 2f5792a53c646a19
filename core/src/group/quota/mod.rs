//! The Excellent quota (`spec/group-rules.md` §1): planned over a group's candidates,
//! applied to decisions, gathered over a batch read row by row.

pub mod apply;
pub mod gather;
pub mod plan;
pub mod state;
