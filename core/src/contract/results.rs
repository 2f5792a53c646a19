//! The results of a season as people read them: each decision with its row, the rows
//! that were not evaluated, and the committee's summary (counts and shares per level,
//! per unit and in total, as a committee reports them to its superior; HD 43), with the
//! provenance of every figure. A front end lays these out (a workbook, a CSV file); the
//! figures are the core's.

use crate::contract::decision::{DecisionRecord, PeriodRecord};
use crate::contract::org::Stats;
use crate::contract::quota::GroupQuotaReport;
use crate::contract::regime::RegimeId;
use crate::contract::sheet::RejectedRow;
use crate::contract::state::StateQuotaReport;
use crate::contract::subject::{CollectiveKind, SubjectKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Everything a results workbook shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultTables {
    /// Which engine and rules made the figures, and for which days.
    pub provenance: Provenance,
    /// One row per evaluated record, in input (or tree) order.
    pub decisions: Vec<ResultRow>,
    /// The rows and records not evaluated.
    pub rejected: Vec<RejectedRow>,
    /// The committee's summary.
    pub summary: CommitteeSummary,
    /// What the Excellent quota did in each group (none without the quota).
    pub quota_groups: Vec<GroupQuotaReport>,
    /// What the state quota did per group with similar tasks, then per agency (ND 335
    /// Art. 20.5, ND 90 Art. 2.6; none without the quota or without state records).
    #[serde(default)]
    pub state_groups: Vec<StateQuotaReport>,
}

/// Which engine and rules made the figures, and for which period and days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The library's version (`cadre-eval 0.1.0`).
    pub engine: String,
    /// The contract's version.
    pub contract: u32,
    /// The regimes applied, each with its documents (`366-QĐ/TW; 43-HD/BTCTW`).
    pub regimes: Vec<RegimeDocuments>,
    /// The version of the conduct catalogue shipped with the engine.
    pub conduct_catalogue: Option<String>,
    /// The periods evaluated, each once, in order.
    pub periods: Vec<PeriodRecord>,
    /// The evaluation days, each once, in order.
    pub evaluation_days: Vec<String>,
    /// The Excellent quota was applied.
    pub quota: bool,
}

/// A regime applied, and its documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegimeDocuments {
    /// Its id.
    pub regime: RegimeId,
    /// The regulation and its guidelines (`366-QĐ/TW; 43-HD/BTCTW`).
    pub documents: String,
}

/// One evaluated record and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultRow {
    /// Its position among the records read, from 0.
    pub index: usize,
    /// The sheet it was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The row, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// Its unit, in an organisation tree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The name given beside the record (the sheet's name column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What is assessed.
    pub kind: SubjectKind,
    /// A collective's sub-kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collective_kind: Option<CollectiveKind>,
    /// The decision.
    pub decision: DecisionRecord,
}

/// The committee's summary: figures per unit (its own records and with the units below)
/// and in total, each split by what is assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommitteeSummary {
    /// The name of the whole (the tree's root unit), when there is one.
    pub title: Option<String>,
    /// The units of a tree, in tree order (none for a batch without units).
    pub units: Vec<UnitSummary>,
    /// Every record.
    pub total: CategoryStats,
    /// Records not classified, by the rule that excluded them.
    pub not_classified: Vec<NotClassifiedCount>,
    /// Records moved from Excellent to Good by the quota, in order.
    pub demotions: Vec<QuotaDemotion>,
}

/// One unit's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitSummary {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: Option<String>,
    /// 0 for a root.
    pub depth: u32,
    /// Whether units sit below it.
    pub has_units_below: bool,
    /// Its own records.
    pub own: CategoryStats,
    /// With every unit below it.
    pub subtree: CategoryStats,
}

/// Figures split by what is assessed, as a committee reports them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryStats {
    /// Party organisations and committees (tổ chức đảng, cấp ủy).
    pub party_organisations: Stats,
    /// Leadership collectives and organisations, agencies, units.
    pub other_collectives: Stats,
    /// Party members (đảng viên), leaders included.
    pub party_members: Stats,
    /// Of the party members, those in a leadership or management post.
    pub leaders: Stats,
    /// State records (cán bộ, công chức, viên chức rated under ND 335, ND 233, ND 90),
    /// counted apart from the party's categories.
    #[serde(default)]
    pub state: Stats,
    /// Of the state records, those of heads and deputies.
    #[serde(default)]
    pub state_leaders: Stats,
    /// Everything.
    pub all: Stats,
}

/// How many records one rule left unclassified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotClassifiedCount {
    /// The rule id (`unknown` when none was named).
    pub rule: String,
    /// Its citation, in words (`366-QĐ/TW, Điều 5, khoản 2`).
    pub citation: String,
    /// How many.
    pub count: u64,
}

/// One record the quota moved from Excellent to Good.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuotaDemotion {
    /// The record.
    pub id: String,
    /// The name given beside it.
    pub name: Option<String>,
    /// Its unit.
    pub unit: Option<String>,
    /// Its quota group.
    pub group: String,
    /// Its rank among the group's Excellent candidates.
    pub rank: u32,
    /// The group's largest number of Excellent.
    pub e_max: u32,
    /// In a tie at the cut: the competent level decides.
    pub tied_at_cut: bool,
}
