//! The regimes: the registry (which regime was in force when), the dispatch of a record
//! to its regime's engine, what the regimes share, and one folder per regime (or family
//! of regimes) holding its rules, wording, topic summaries and form.
//!
//! | folder | regime |
//! |---|---|
//! | `qd366/` | QĐ 366-QĐ/TW (2025) with HD 43-HD/BTCTW: points, Art. 11 |
//! | `graded/` | QĐ 124-QĐ/TW (2023) with HD 25, and QĐ 132-QĐ/TW (2018) with HD 16 and HD 21: criterion grades |
//! | `shared/` | what every regime applies alike: the six-month rule, discipline in the period, shared wording |

pub mod decision;
pub mod dispatch;
pub mod explain;
pub mod fields;
pub mod graded;
pub mod qd366;
pub mod record_view;
pub mod registry;
pub mod render;
pub mod shared;
pub mod state;
pub mod topics;
