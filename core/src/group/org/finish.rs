//! The order of work once every unit is in: link, derive, cap, apply the quota, derive
//! again until nothing changes, report.

use crate::group::org::evaluator::{AwaitingState, OrgEvaluator, OrgResult};
use crate::group::org::link::LeaderRef;
use hashbrown::{HashMap, HashTable};

/// How many times facts read from final levels are derived again after the quota.
pub(super) const DERIVATION_ROUNDS: usize = 8;

impl OrgEvaluator {
    /// Evaluates the tree and reports.
    pub fn finish(mut self) -> OrgResult {
        // Every state record is in: party members kept for one that might come are not
        // needed any more.
        self.awaiting_state = AwaitingState::default();
        let roots = self.link();
        let preorder = self.preorder(&roots);
        // State records first: the pairs' party records read their results.
        self.evaluate_state(&preorder);
        self.evaluate_collectives(&preorder);
        let led = self.units_by_leader(LeaderRef::LedBy);
        let headed = self.units_by_leader(LeaderRef::Head);
        self.evaluate_heads(headed);
        let mut used = self.evaluate_leaders(&led);
        let mut quota = self.apply_quota();
        // Facts that read final levels are derived again; a record whose fact changed is
        // re-evaluated, and the quota applied again, until nothing changes (bounded).
        // Given caps are checked against the final ones, and a record rejected for a
        // conflict leaves the tree: what read it is derived again.
        let mut settled = false;
        for _ in 0..DERIVATION_ROUNDS {
            let mut changed = false;
            if self.units_in_charge_changed(&led, &used) {
                self.leaders = std::mem::take(&mut self.leaders)
                    .into_iter()
                    .map(|mut p| {
                        p.valid.leader.units_in_charge = None;
                        p
                    })
                    .collect();
                used = self.evaluate_leaders(&led);
                changed = true;
            }
            changed |= self.derive_caps_again();
            if !changed {
                changed = self.reject_cap_conflicts();
            }
            if !changed {
                settled = true;
                break;
            }
            quota = self.apply_quota();
        }
        if !settled && self.reject_cap_conflicts() {
            quota = self.apply_quota();
        }
        self.refresh_link_findings();
        // What only the evaluation needed.
        drop(led);
        drop(used);
        self.collectives = Vec::new();
        self.leaders = Vec::new();
        self.capped = Vec::new();
        self.person_facts = HashMap::new();
        self.record_ids = HashTable::new();
        self.report(&preorder, quota)
    }
}
