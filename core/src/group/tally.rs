//! Counts of decisions by outcome and level, for a summary of a batch.

use crate::contract::level::{Level, Outcome};
use crate::regimes::decision::Decision;

/// How many decisions got each level, were not classified or left undetermined, and
/// how many need a decision of the competent level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutcomeTally {
    // INVARIANT: each decision counts once among the four levels, `not_classified` and
    // `undetermined`; `needs_decision` counts across them.
    /// Classified Excellent.
    pub excellent: u64,
    /// Classified Good.
    pub good: u64,
    /// Classified Completed.
    pub completed: u64,
    /// Classified Not completed.
    pub not_completed: u64,
    /// Not classified.
    pub not_classified: u64,
    /// No level under the `strict` reading.
    pub undetermined: u64,
    /// Marked needs-decision (whatever the outcome).
    pub needs_decision: u64,
}

impl OutcomeTally {
    /// Counts one decision.
    pub fn add(&mut self, decision: &Decision) {
        match (decision.outcome, decision.level) {
            (Outcome::Classified, Some(level)) => *self.slot(level) += 1,
            (Outcome::Classified, None) => {}
            (Outcome::NotClassified, _) => self.not_classified += 1,
            (Outcome::Undetermined, _) => self.undetermined += 1,
        }
        self.needs_decision += u64::from(decision.needs_decision);
    }

    fn slot(&mut self, level: Level) -> &mut u64 {
        match level {
            Level::Excellent => &mut self.excellent,
            Level::Good => &mut self.good,
            Level::Completed => &mut self.completed,
            Level::NotCompleted => &mut self.not_completed,
        }
    }

    /// Those classified at `level`.
    pub fn at(&self, level: Level) -> u64 {
        match level {
            Level::Excellent => self.excellent,
            Level::Good => self.good,
            Level::Completed => self.completed,
            Level::NotCompleted => self.not_completed,
        }
    }

    /// Every decision counted: classified, not classified or undetermined.
    pub fn evaluated(&self) -> u64 {
        Level::DESCENDING
            .iter()
            .map(|&level| self.at(level))
            .sum::<u64>()
            + self.not_classified
            + self.undetermined
    }
}
