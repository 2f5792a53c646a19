//! QĐ 366-QĐ/TW (2025) with HD 43-HD/BTCTW (`spec/rules-qd366.md`): points out of 100,
//! the conditions of Art. 11 and the readings of what the text leaves open.
//!
//! | file | what | rule ids |
//! |---|---|---|
//! | `evaluate.rs` | the order of evaluation | |
//! | `not_classified.rs` | Art. 5.2: exempted, suspended, admitted under 6 months | `qd366.5.2.*` |
//! | `discipline.rs` | rules-qd366 §7: which discipline records count, and whose; a collective's own for its superior | `qd366.7.discipline`, `qd366.7.own_discipline` |
//! | `conduct.rs` | the conduct checklist's findings | `qd366.conduct.*` |
//! | `triggers.rs` | Art. 11.4: the score under 50; what the triggers share | `qd366.11.4.score` |
//! | `triggers_member.rs` | Art. 11.4, member | `qd366.11.4.N.*` |
//! | `triggers_leader.rs` | Art. 11.4, leader | `qd366.11.4.L.*` |
//! | `triggers_collective.rs` | Art. 11.4, leadership collective | `qd366.11.4.T.*` |
//! | `mitigation.rs` | §5: mitigation of a trigger | `qd366.11.4.*.mitigation` |
//! | `levels.rs` | Art. 11.1–11.3 and the `cascade` / `strict` readings | `qd366.11.1.*`, `qd366.11.2.*`, `qd366.11.3.*`, `qd366.reading.*` |
//! | `messages.rs` | the wording of its rules | |
//! | `topics.rs` | how it rules on each topic of a comparison | |
//! | `form.rs` | the self-assessment forms (Mẫu 2A, 2B, 2C, 01) | |
//! | `criteria/` | the criteria of Phụ lục 1–5 and criteria profiles | `qd366.crit.*` |
//!
//! The Excellent quota (`qd366.11.1.quota`) is applied to a group (`group::quota`).

pub mod conduct;
pub mod criteria;
pub mod discipline;
pub mod evaluate;
pub mod fields;
pub mod form;
pub mod levels;
pub mod messages;
pub mod mitigation;
pub mod not_classified;
pub mod topics;
pub mod triggers;
pub mod triggers_collective;
pub mod triggers_leader;
pub mod triggers_member;
