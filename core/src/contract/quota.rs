//! The Excellent quota's options and report (`spec/group-rules.md` §1).

use crate::contract::state::PartyRate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How the ratio's Good count is read (group-rules §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuotaReading {
    /// The final tallies: those demoted become Good and count as Good (default).
    /// `e_max = floor(p·(E₀+G₀)/(p+q))`.
    #[default]
    FinalTally,
    /// Only those proposed Good count: `e_max = floor(p·G₀/q)`.
    ProposedGood,
}

/// Options of the quota.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuotaOptions {
    /// `final_tally` (default) or `proposed_good`.
    #[serde(default)]
    pub reading: QuotaReading,
    /// Groups for which the competent level allowed 25% instead of 20%.
    #[serde(default)]
    pub raised_ratio_groups: Vec<String>,
    /// State quota (ND 335 Art. 20.5.b): agencies the competent level recognised
    /// Excellent, whose ratio is 25% instead of 20%.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agency_recognised_excellent: Vec<String>,
    /// State quota under ND 90 with ND 48 (`nd90.2.6`): each agency's party Excellent
    /// rate, as counts or a percent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub party_excellent_rate: BTreeMap<String, PartyRate>,
}

/// What the quota did in one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupQuotaReport {
    /// The group.
    pub group: String,
    /// The ratio applied, in percent of the Good count (20 or 25).
    pub ratio_percent: u32,
    /// Proposed Excellent before the quota (`E₀`).
    pub candidates: u32,
    /// Proposed Good before the quota (`G₀`).
    pub good: u32,
    /// Largest admissible number of Excellent.
    pub e_max: u32,
    /// Moved down to Good.
    pub demoted: u32,
    /// Candidates tied at the cut (each marked needs-decision).
    pub tied_at_cut: u32,
}
