//! Synthetic assessments for benchmarks, tests and demonstrations (feature `synthetic`).
//!
//! [`assessment`] builds one realistic, valid QĐ 366 assessment from a seed and an
//! index. The same `(seed, index)` always gives the same record, on every platform and
//! in any order of generation, so a benchmark over a million records and a test over
//! twenty thousand read the same population, and a record can be rebuilt from its index
//! alone. No data here describes a real person or unit.
//!
//! The mix, in approximate shares of all records:
//!
//! | share | subject |
//! |---|---|
//! | 88% | members (`member`); of them about 20% outside the political system (PL 5) |
//! | 10% | leaders (`leader`); of them about 5% centrally managed (PL 2) |
//! | 2% | collectives, about 0.5% of each sub-kind (`leadership`, `party_committee`, `party_organisation`, `agency`) |
//!
//! Totals are mostly 70–95 points (about a third of records carry halves or hundredths),
//! with a tail down to 30. Task counts are consistent (`on_time ≤ completed ≤ assigned`,
//! `exceeded ≤ completed`, `not_completed ≤ assigned − completed`) and track the score:
//! high scorers finish on time and often exceed 30%, weak scorers leave tasks late or
//! unfinished. A few percent carry shortcomings not yet fixed, leave, discipline
//! records (inside or before the period, sometimes not tied to duties, at a previous
//! unit or already counted), conclusions, leader and collective triggers, mitigation
//! claims, open complaints, new, exempted and suspended members. Every record passes
//! [`crate::validate`].
//!
//! ```
//! use cadre_eval::{evaluate, synthetic, Options};
//!
//! let first = synthetic::assessment(366, 0);
//! assert_eq!(first, synthetic::assessment(366, 0)); // deterministic
//! let decisions = synthetic::assessments(366, 100).map(|a| evaluate(&a, &Options::default()));
//! assert!(decisions.into_iter().all(|d| d.is_ok())); // always valid
//! ```
//!
//! [`national`] builds a national-scale organisation tree (about 5.5 million party
//! members in 52,000 grassroots organisations) from the same per-record logic.

mod random;
mod records;

pub mod national;

pub use records::{assessment, assessments};
