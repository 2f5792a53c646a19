//! Organisation trees as they travel in JSON (`docs/organisation-trees.md`): units,
//! options, and the report.

use crate::contract::assessment::Assessment;
use crate::contract::compare::GradeMapping;
use crate::contract::decision::DecisionRecord;
use crate::contract::errors::InputError;
use crate::contract::level::{Level, Options};
use crate::contract::quota::{GroupQuotaReport, QuotaOptions};
use crate::contract::regime::RegimeId;
use crate::contract::state::StateQuotaReport;
use crate::contract::subject::{CollectiveKind, SubjectKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// One unit as it travels in JSON: nested (with `units`) or one JSON Lines line (with
/// `parent`). Records are kept as raw JSON and decoded one by one, so a bad record is
/// reported alone and the rest of the unit is still evaluated.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct UnitInput {
    /// Unique among units.
    pub id: String,
    /// The unit's name, for reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// JSON Lines only: the parent unit's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The party organisation or committee (collective `party_organisation` or `party_committee`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Assessment>")]
    pub organisation: Option<Box<RawValue>>,
    /// The organisation, agency or unit itself (collective `agency`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Assessment>")]
    pub agency: Option<Box<RawValue>>,
    /// The leadership collective (collective `leadership`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Assessment>")]
    pub leadership: Option<Box<RawValue>>,
    /// The unit's state agency record (a state record of collective `agency` giving its
    /// `unit_level`): the agency of the state records below it, the level a head's cap
    /// and ND 90's managed units read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Assessment>")]
    pub state_agency: Option<Box<RawValue>>,
    /// Ids of this unit's member and leader records that make up the leadership collective.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leadership_members: Vec<String>,
    /// Ids of the leader records (anywhere in the tree) responsible for this unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub led_by: Vec<String>,
    /// QĐ 132: the id of the leader record (anywhere in the tree) of the unit's head
    /// (người đứng đầu), whose level is capped by what they head.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    /// QĐ 132: this unit is a grassroots party organisation (tổ chức cơ sở đảng: a đảng
    /// bộ cơ sở or a chi bộ cơ sở). HD 21 counts the members' Excellent quota within each:
    /// QĐ 132 members below it are grouped as `<unit>/members` of the nearest such unit.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub grassroots: bool,
    /// Records of kind `member`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Assessment>")]
    pub members: Vec<Box<RawValue>>,
    /// Records of kind `leader`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Assessment>")]
    pub leaders: Vec<Box<RawValue>>,
    /// Nested form only: subordinate units.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<UnitInput>,
}

/// The place of a record in its unit.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The party organisation or committee.
    Organisation,
    /// The organisation, agency or unit itself.
    Agency,
    /// The leadership collective.
    Leadership,
    /// The unit's state agency record (`state_agency`).
    StateAgency,
    /// A leader.
    Leader,
    /// A member.
    Member,
}

impl Role {
    /// The unit's key that holds records of this role (`organisation`, `leaders`).
    pub fn key(self) -> &'static str {
        match self {
            Role::Organisation => "organisation",
            Role::Agency => "agency",
            Role::Leadership => "leadership",
            Role::StateAgency => "state_agency",
            Role::Leader => "leaders",
            Role::Member => "members",
        }
    }

    /// Whether a record of this kind may sit in this place.
    pub fn admits(self, kind: SubjectKind, collective: Option<CollectiveKind>) -> bool {
        match self {
            Role::Organisation => matches!(
                (kind, collective),
                (
                    SubjectKind::Collective,
                    Some(CollectiveKind::PartyOrganisation | CollectiveKind::PartyCommittee)
                )
            ),
            Role::Agency | Role::StateAgency => {
                kind == SubjectKind::Collective && collective == Some(CollectiveKind::Agency)
            }
            Role::Leadership => {
                kind == SubjectKind::Collective && collective == Some(CollectiveKind::Leadership)
            }
            Role::Leader => kind == SubjectKind::Leader,
            Role::Member => kind == SubjectKind::Member,
        }
    }
}

/// Options of an organisation evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgOptions {
    /// Options of each record's evaluation.
    pub evaluation: Options,
    /// The quota, applied per group; `None` leaves it out.
    pub quota: Option<QuotaOptions>,
    /// Keep every full decision (with reasons) for the output; off for national runs.
    pub keep_decisions: bool,
    /// Evaluate every record under this regime, whatever its period or `regime` says (a
    /// comparison): fields of other regimes are skipped, and a regime not in force at
    /// the period's end is allowed (`regime_info.selected` = `comparison`).
    pub regime: Option<RegimeId>,
    /// With `regime`: grades for records that have QĐ 366 points only, by this mapping
    /// (`docs/regimes.md`, "Comparison").
    pub grades_from_points: Option<GradeMapping>,
}

impl Default for OrgOptions {
    fn default() -> OrgOptions {
        OrgOptions {
            evaluation: Options::default(),
            quota: Some(QuotaOptions::default()),
            keep_decisions: true,
            regime: None,
            grades_from_points: None,
        }
    }
}

/// Counts and exact shares over a set of records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stats {
    /// Records evaluated.
    pub records: u64,
    /// Of them, given a level.
    pub classified: u64,
    /// Excellent.
    pub excellent: u64,
    /// Good.
    pub good: u64,
    /// Completed.
    pub completed: u64,
    /// Not completed.
    pub not_completed: u64,
    /// Not classified.
    pub not_classified: u64,
    /// Not classified, by the rule that excluded them.
    pub not_classified_by: BTreeMap<String, u64>,
    /// No level under the `strict` reading.
    pub undetermined: u64,
    /// Marked needs-decision.
    pub needs_decision: u64,
    /// Moved from Excellent to Good by the quota.
    pub quota_demoted: u64,
    /// Records rejected for bad input (not evaluated).
    pub rejected: u64,
    /// Shares of the classified records.
    pub shares: Shares,
}

/// An exact share, and how it is shown (rounded to one decimal place).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Share {
    /// Numerator.
    pub numerator: u64,
    /// Denominator (the classified records).
    pub denominator: u64,
    /// Rounded for people: `87.5%`.
    pub percent: String,
}

/// Shares per level and Good-or-better, over the classified records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Shares {
    /// Excellent.
    pub excellent: Share,
    /// Good.
    pub good: Share,
    /// Completed.
    pub completed: Share,
    /// Not completed.
    pub not_completed: Share,
    /// Excellent or Good.
    pub good_or_better: Share,
}

/// One demotion by the quota, for a unit's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Demotion {
    /// The record demoted.
    pub id: String,
    /// Its quota group.
    pub group: String,
    /// The group's admissible number of Excellent.
    pub e_max: u32,
    /// Its rank among the group's candidates.
    pub rank: u32,
    /// In a tie at the cut.
    pub tied_at_cut: bool,
}

/// A unit's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitReport {
    /// The unit's id.
    pub id: String,
    /// Its name.
    pub name: Option<String>,
    /// Its parent's id.
    pub parent: Option<String>,
    /// 0 for a root.
    pub depth: u32,
    /// Its rating: its agency's level if it has one, else its organisation's.
    pub rating: Option<Level>,
    /// The unit's own records.
    pub own: Stats,
    /// The unit and every unit below it.
    pub subtree: Stats,
    /// Demotions by the quota among its own records.
    pub demotions: Vec<Demotion>,
}

/// A quota group's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupReport {
    /// What the quota did.
    pub quota: GroupQuotaReport,
    /// The group's records.
    pub stats: Stats,
}

/// A record or unit that could not be evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectedEntry {
    /// JSON Lines: the line, from 0.
    pub line: Option<usize>,
    /// The unit.
    pub unit: Option<String>,
    /// The record, when the problem is one record's.
    pub id: Option<String>,
    /// Every problem found, with paths from the line (or the tree's root).
    pub errors: Vec<InputError>,
}

/// The report of an organisation evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgReport {
    /// Units in tree order (each root, then its subtree depth-first).
    pub units: Vec<UnitReport>,
    /// Quota groups, by name.
    pub groups: Vec<GroupReport>,
    /// Every record.
    pub total: Stats,
    /// What was not evaluated, and why.
    pub rejected: Vec<RejectedEntry>,
    /// State records: units in tree order (those with state records in their subtree).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub state_units: Vec<StateUnitReport>,
    /// State records: the state quota's groups and agencies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub state_groups: Vec<StateGroupReport>,
}

/// The mean of the annual scores of a set of state records (`nd335`, `nd233`: those
/// classified with a score).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreMean {
    /// Records with an annual score.
    pub scored: u64,
    /// The mean, exact (`"1703/20"`).
    pub exact: String,
    /// The mean rounded to two decimals, for people (`85.15`).
    pub display: String,
}

/// A unit's figures over its state records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StateUnitReport {
    /// The unit's id.
    pub id: String,
    /// Its name.
    pub name: Option<String>,
    /// Its parent's id.
    pub parent: Option<String>,
    /// 0 for a root.
    pub depth: u32,
    /// The agency its state records belong to (`state_agency`, else the root's id).
    pub agency: String,
    /// The level of its state agency record, if it has one.
    pub rating: Option<Level>,
    /// The unit's own state records.
    pub own: Stats,
    /// The mean annual score of its own records.
    pub own_mean: Option<ScoreMean>,
    /// The unit and every unit below it.
    pub subtree: Stats,
    /// The mean annual score over the subtree.
    pub subtree_mean: Option<ScoreMean>,
}

/// A state quota group's or agency's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StateGroupReport {
    /// What the state quota did.
    pub quota: StateQuotaReport,
    /// The records of the group or agency.
    pub stats: Stats,
    /// Their mean annual score.
    pub mean: Option<ScoreMean>,
}

/// An organisation's result as the contract writes it: the report and, when kept, each
/// decision with its unit and place, in tree order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrgOutput<'a> {
    /// Statistics and rejections.
    pub report: &'a OrgReport,
    /// The kept decisions (none when they were not kept).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<OrgDecisionRecord<'a>>,
}

/// A kept decision with its place in the tree, as the contract writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrgDecisionRecord<'a> {
    /// The unit's id.
    pub unit: &'a str,
    /// The record's place in the unit.
    pub role: Role,
    /// The decision.
    pub decision: DecisionRecord,
}
