//! The regimes that grade criteria instead of scoring them (`docs/regimes.md`):
//! QĐ 124-QĐ/TW (2023) with HD 25-HD/BTCTW, and QĐ 132-QĐ/TW (2018) with HD 16 and
//! HD 21-HD/BTCTW. One engine serves both; `family.rs` says which rules a record's
//! regime and kind take.
//!
//! | file | what | rule ids |
//! |---|---|---|
//! | `evaluate.rs` | the order of evaluation | |
//! | `family.rs` | QĐ 124, or QĐ 132 by kind of subject (HD 21 §II.B.1–3) | |
//! | `not_classified.rs` | QĐ 124 Art. 5.2, HD 21 §II.6 | `qd124.5.2.*`, `qd132.hd21.6.*` |
//! | `discipline.rs` | discipline counted in the year | `qd124.discipline`, `qd132.hd21.discipline` |
//! | `triggers.rs` | the Not-completed triggers | `qd124.12.not_completed`, `qd132.hd21.*.not_completed` |
//! | `levels.rs` | the grade pattern and each level's further conditions | `qd124.12.*`, `qd132.hd21.*.{excellent,good,completed}` |
//! | `caps.rs` | HD 21's caps: sick leave, leadership collective, head | `qd132.hd21.sick`, `qd132.hd21.lc.cap`, `qd132.hd21.head.cap` |
//! | `mapping.rs` | QĐ 366 points to grades, for a comparison | |
//! | `messages.rs` | the wording of their rules | |
//! | `topics.rs` | the topic summaries both share | |
//! | `qd124.rs` | QĐ 124's own: the fields it reads, its topic summaries | |
//! | `qd132.rs` | QĐ 132's own: the fields it reads, its topic summaries | |

pub mod caps;
pub mod discipline;
pub mod evaluate;
pub mod family;
pub mod levels;
pub mod mapping;
pub mod messages;
pub mod not_classified;
pub mod qd124;
pub mod qd132;
pub mod topics;
pub mod triggers;
