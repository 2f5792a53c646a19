//! An organisation tree compared under several regimes, as it travels in JSON.

use crate::contract::level::Level;
use crate::contract::org::{RejectedEntry, Role, Stats};
use crate::contract::regime::{RegimeId, RegimeRecord};
use crate::{Outcome, TopicComparison};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One regime's evaluation of an organisation tree in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgRegimeResult {
    /// The regime (`comparison` for every record evaluated outside its span).
    pub regime: RegimeRecord,
    /// Every record's statistics under this regime.
    pub total: Stats,
    /// What this regime could not evaluate, and why (a record with points only has no
    /// grades for QĐ 124 and QĐ 132).
    pub rejected: Vec<RejectedEntry>,
}

/// One record of the tree across the regimes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgRecordComparison {
    /// The record's id.
    pub id: String,
    /// Its unit.
    pub unit: String,
    /// Its place in the unit.
    pub role: Role,
    /// Its level under each regime, in the order compared (null: not classified, or
    /// not evaluated under that regime).
    pub levels: Vec<Option<Level>>,
    /// Its outcome under each regime (null: rejected under that regime, see
    /// [`OrgRegimeResult::rejected`]).
    pub outcomes: Vec<Option<Outcome>>,
    /// Whether the regimes that evaluated it agree.
    pub levels_agree: bool,
    /// The topics on which the regimes settle it differently (facts derived from the
    /// tree, such as a chi bộ's members' levels, are part of each decision).
    pub differences: Vec<TopicComparison>,
}

/// How many records change level from one regime to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelChanges {
    /// From this regime.
    pub from: RegimeId,
    /// To this one.
    pub to: RegimeId,
    /// Records classified under both.
    pub compared: u64,
    /// Of them, rated higher under `to`.
    pub up: u64,
    /// Of them, rated lower under `to`.
    pub down: u64,
}

/// An organisation tree compared under several regimes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgComparison {
    /// The regimes, in the order compared.
    pub regimes: Vec<OrgRegimeResult>,
    /// Every record evaluated under at least one regime, in tree order.
    pub records: Vec<OrgRecordComparison>,
    /// For each pair of regimes, how many records change level.
    pub changes: Vec<LevelChanges>,
}
