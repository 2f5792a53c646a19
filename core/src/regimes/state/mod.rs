//! The state regimes (`spec/state-regimes.md`): ND 90/2020 with ND 48/2023 (`nd90`),
//! ND 335/2025 (`nd335`) and ND 233/2026 (`nd233`), which rate cán bộ, công chức and
//! viên chức. One folder for the family: `nd335` and `nd233` share the spec's rule ids
//! and their arithmetic; what differs is asked of `nd233.rs` and `citations.rs`.
//!
//! | file | what |
//! |---|---|
//! | `select.rs` | which regime rates whom, by rating year and employment |
//! | `eligibility.rs` | who is not classified, who is rated on the time worked |
//! | `discipline.rs` | which discipline records count in the rating year |
//! | `periods.rs` | a period's `a`, `b`, `c` (`d`, `đ`, `e`), its score, the annual mean |
//! | `nd335.rs` | evaluation under `nd335` and `nd233` |
//! | `nd233.rs` | what ND 233 reads differently |
//! | `nd90.rs` | evaluation under `nd90` |
//! | `part.rs` | what a state decision carries: periods, mean, quota steps |
//! | `citations.rs` | each state rule's citation and basis under the regime applied |

pub mod citations;
pub mod discipline;
pub mod eligibility;
pub mod evaluate;
pub mod form;
pub mod link;
pub mod messages;
pub mod nd233;
pub mod nd335;
pub mod nd90;
pub mod part;
pub mod periods;
pub mod select;
pub mod topics;
