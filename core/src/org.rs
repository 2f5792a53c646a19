//! Organisation trees (`spec/group-rules.md` §2–§4, `docs/organisation-trees.md`).
//!
//! A unit holds its party organisation, its organisation/agency, its leadership
//! collective, its members and leaders, and its subordinate units. The evaluator takes
//! units one at a time (a nested tree is flattened into the same stream as JSON Lines of
//! units), evaluates each record as soon as what it depends on is known, derives the
//! facts a rating takes from the tree, applies the Excellent quota per group, and
//! reports statistics per unit and per group.
//!
//! Memory: every evaluated record is kept as a small [`RecordSummary`]; full decisions
//! with their reasons are kept only when asked ([`OrgOptions::keep_decisions`]), so a
//! national tree of millions of records fits in a few hundred megabytes.

use crate::contract::{Assessment, CollectiveKind, LevelCounts, SubjectKind, UnitsInCharge};
use crate::decision::Decision;
use crate::decode::{decode_and_validate, decode_json_quietly};
use crate::error::{ErrorCode, InputError, InputErrors};
use crate::level::{Level, Options, Outcome};
use crate::limits::MAX_RECORD_BYTES;
use crate::model::{Discipline, ValidAssessment};
use crate::points::{percent_text, Points};
use crate::quota::{apply_verdict, plan_quota, GroupQuotaReport, QuotaEntry, QuotaOptions};
use crate::reason::{Effect, Fact, Reason, Value, Values, Whose};
use crate::regime::RegimeId;
use crate::rules::Rule;
use crate::validate::{validate_with, ValidateOptions};
use hashbrown::hash_table::Entry;
use hashbrown::{DefaultHashBuilder, HashMap, HashSet, HashTable};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::hash::BuildHasher;

/// Deepest tree accepted.
pub const MAX_DEPTH: u32 = 32;
/// How many times facts read from final levels are derived again after the quota.
const DERIVATION_ROUNDS: usize = 8;
/// Largest nested tree, in bytes of JSON text.
pub const MAX_TREE_BYTES: usize = 256 * 1024 * 1024;
/// Largest unit line of JSON Lines, in bytes.
pub const MAX_UNIT_LINE_BYTES: usize = 16 * 1024 * 1024;

/// The error for a unit line over [`MAX_UNIT_LINE_BYTES`].
pub fn unit_line_too_large(length: u64) -> InputError {
    InputError::new(
        ErrorCode::TooLarge,
        "",
        format!("Dòng dài {length} byte, vượt giới hạn {MAX_UNIT_LINE_BYTES}"),
        format!("the line is {length} bytes, over the limit of {MAX_UNIT_LINE_BYTES}"),
    )
}

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
    #[schemars(with = "Option<crate::contract::Assessment>")]
    pub organisation: Option<Box<RawValue>>,
    /// The organisation, agency or unit itself (collective `agency`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::contract::Assessment>")]
    pub agency: Option<Box<RawValue>>,
    /// The leadership collective (collective `leadership`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::contract::Assessment>")]
    pub leadership: Option<Box<RawValue>>,
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
    #[schemars(with = "Vec<crate::contract::Assessment>")]
    pub members: Vec<Box<RawValue>>,
    /// Records of kind `leader`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<crate::contract::Assessment>")]
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
    /// A leader.
    Leader,
    /// A member.
    Member,
}

impl Role {
    fn key(self) -> &'static str {
        match self {
            Role::Organisation => "organisation",
            Role::Agency => "agency",
            Role::Leadership => "leadership",
            Role::Leader => "leaders",
            Role::Member => "members",
        }
    }

    /// Whether a record of this kind may sit in this place.
    fn admits(self, kind: SubjectKind, collective: Option<CollectiveKind>) -> bool {
        match self {
            Role::Organisation => matches!(
                (kind, collective),
                (
                    SubjectKind::Collective,
                    Some(CollectiveKind::PartyOrganisation | CollectiveKind::PartyCommittee)
                )
            ),
            Role::Agency => {
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
    pub grades_from_points: Option<crate::compare::GradeMapping>,
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

/// What an evaluated record leaves behind: enough for the quota and the statistics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordSummary {
    /// The record's id.
    pub id: Box<str>,
    /// Index of its unit in [`OrgReport::units`].
    pub unit: u32,
    /// Its place in the unit.
    pub role: Role,
    /// A collective's sub-kind.
    pub collective_kind: Option<CollectiveKind>,
    /// The regime it is evaluated under.
    pub regime: RegimeId,
    /// Outcome.
    pub outcome: Outcome,
    /// Level.
    pub level: Option<Level>,
    /// Total score.
    pub score: Option<Points>,
    /// Needs a decision of the competent level.
    pub needs_decision: bool,
    /// The rule that put it outside classification.
    pub excluded_by: Option<Rule>,
    /// Tasks exceeded and assigned (for the quota's ranking).
    pub tasks: (u32, u32),
    /// The quota group named in the input.
    pub quota_group: Option<Box<str>>,
    /// Demoted by the quota.
    pub demoted: bool,
    /// Rank among its quota group's Excellent candidates (0: not a candidate).
    pub quota_rank: u32,
    /// In a tie at the quota's cut.
    pub tied_at_cut: bool,
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

/// Counts over a set of records, summed while the report is built (per unit, subtree,
/// group and in all); made into [`Stats`], with its shares and rule ids as text, once.
#[derive(Debug, Clone, Default)]
struct Tally {
    records: u64,
    classified: u64,
    excellent: u64,
    good: u64,
    completed: u64,
    not_completed: u64,
    not_classified: u64,
    /// By the rule that excluded them (`None`: none named); a handful of rules at most.
    not_classified_by: Vec<(Option<Rule>, u64)>,
    undetermined: u64,
    needs_decision: u64,
    quota_demoted: u64,
    rejected: u64,
}

impl Tally {
    fn add(&mut self, record: &RecordSummary) {
        self.records += 1;
        match (record.outcome, record.level) {
            (Outcome::Classified, Some(level)) => {
                self.classified += 1;
                match level {
                    Level::Excellent => self.excellent += 1,
                    Level::Good => self.good += 1,
                    Level::Completed => self.completed += 1,
                    Level::NotCompleted => self.not_completed += 1,
                }
            }
            (Outcome::Undetermined, _) => self.undetermined += 1,
            _ => {
                self.not_classified += 1;
                self.count_excluded(record.excluded_by, 1);
            }
        }
        self.needs_decision += u64::from(record.needs_decision);
        self.quota_demoted += u64::from(record.demoted);
    }

    fn count_excluded(&mut self, rule: Option<Rule>, count: u64) {
        match self.not_classified_by.iter_mut().find(|(r, _)| *r == rule) {
            Some((_, n)) => *n += count,
            None => self.not_classified_by.push((rule, count)),
        }
    }

    fn merge(&mut self, other: &Tally) {
        self.records += other.records;
        self.classified += other.classified;
        self.excellent += other.excellent;
        self.good += other.good;
        self.completed += other.completed;
        self.not_completed += other.not_completed;
        self.not_classified += other.not_classified;
        for &(rule, count) in &other.not_classified_by {
            self.count_excluded(rule, count);
        }
        self.undetermined += other.undetermined;
        self.needs_decision += other.needs_decision;
        self.quota_demoted += other.quota_demoted;
        self.rejected += other.rejected;
    }

    fn stats(&self, percents: &mut Percents) -> Stats {
        let mut not_classified_by = BTreeMap::new();
        for &(rule, count) in &self.not_classified_by {
            *not_classified_by
                .entry(rule.map_or("unknown", Rule::id).to_owned())
                .or_default() += count;
        }
        let d = self.classified;
        Stats {
            records: self.records,
            classified: self.classified,
            excellent: self.excellent,
            good: self.good,
            completed: self.completed,
            not_completed: self.not_completed,
            not_classified: self.not_classified,
            not_classified_by,
            undetermined: self.undetermined,
            needs_decision: self.needs_decision,
            quota_demoted: self.quota_demoted,
            rejected: self.rejected,
            shares: Shares {
                excellent: percents.share(self.excellent, d),
                good: percents.share(self.good, d),
                completed: percents.share(self.completed, d),
                not_completed: percents.share(self.not_completed, d),
                good_or_better: percents.share(self.excellent + self.good, d),
            },
        }
    }
}

/// Percent texts already made, by numerator and denominator: most shares of small
/// units and groups repeat, so each is formatted once.
#[derive(Default)]
struct Percents(HashMap<(u64, u64), String>);

impl Percents {
    /// Denominators up to this are remembered (bounds the table; larger ones are rare).
    const REMEMBERED: u64 = 1000;

    fn share(&mut self, numerator: u64, denominator: u64) -> Share {
        let percent = if denominator <= Self::REMEMBERED {
            self.0
                .entry((numerator, denominator))
                .or_insert_with(|| percent_text(numerator, denominator))
                .clone()
        } else {
            percent_text(numerator, denominator)
        };
        Share {
            numerator,
            denominator,
            percent,
        }
    }
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
}

/// A kept decision with its place in the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgRecord {
    /// The unit's id.
    pub unit: String,
    /// The record's place in the unit.
    pub role: Role,
    /// The decision.
    pub decision: Decision,
}

/// The result: the report, and the decisions when kept (in tree order).
#[derive(Debug, Clone, PartialEq)]
pub struct OrgResult {
    /// Statistics and rejections.
    pub report: OrgReport,
    /// Full decisions, when [`OrgOptions::keep_decisions`].
    pub records: Vec<OrgRecord>,
}

/// A unit while the tree is read.
struct Unit {
    id: String,
    name: Option<String>,
    parent_id: Option<String>,
    parent: Option<u32>,
    children: Vec<u32>,
    line: Option<usize>,
    path: String,
    led_by: Vec<String>,
    leadership_members: Vec<String>,
    /// The id of the leader record of the unit's head (QĐ 132).
    head_leader: Option<String>,
    /// A grassroots party organisation (QĐ 132's member quota group).
    grassroots: bool,
    organisation: Option<u32>,
    agency: Option<u32>,
    leadership: Option<u32>,
    records: Vec<u32>,
    depth: u32,
}

/// A record that waits for facts from elsewhere in the tree.
struct Pending {
    record: u32,
    valid: ValidAssessment,
    path: String,
}

/// A unit's own fields, whichever way its line or object was read.
struct UnitHead {
    id: String,
    name: Option<String>,
    parent: Option<String>,
    leadership_members: Vec<String>,
    led_by: Vec<String>,
    head_leader: Option<String>,
    grassroots: bool,
}

/// A record as read with its unit: raw JSON text (decoded alone, so that its errors are
/// its own), or already decoded with the unit's line, with no unknown field. Borrowed
/// from the unit, so that records are not moved around.
enum RecordInput<'a> {
    Raw(&'a RawValue),
    Decoded(&'a Assessment),
}

/// A record and its place in the unit: the role, and the index in `members` or
/// `leaders` (none for the three collectives).
struct Slot<'a> {
    role: Role,
    position: Option<usize>,
    record: RecordInput<'a>,
}

/// A unit's records in their places, in the order they are checked: the organisation,
/// agency and leadership collective, then the leaders and members by position. Serves
/// both readings of a unit, raw records (`wrap` = [`RecordInput::Raw`]) and records decoded
/// with the line (`RecordInput::Decoded`).
fn unit_slots<'a, T>(
    collectives: [&'a Option<T>; 3],
    leaders: &'a [T],
    members: &'a [T],
    wrap: impl Fn(&'a T) -> RecordInput<'a>,
) -> Vec<Slot<'a>> {
    let mut slots = Vec::with_capacity(3 + leaders.len() + members.len());
    let roles = [Role::Organisation, Role::Agency, Role::Leadership];
    for (role, record) in roles.into_iter().zip(collectives) {
        if let Some(record) = record {
            slots.push(Slot {
                role,
                position: None,
                record: wrap(record),
            });
        }
    }
    for (role, list) in [(Role::Leader, leaders), (Role::Member, members)] {
        for (i, record) in list.iter().enumerate() {
            slots.push(Slot {
                role,
                position: Some(i),
                record: wrap(record),
            });
        }
    }
    slots
}

/// A record after its own checks: rejected with its id (if it has one) and errors, or
/// valid with its place.
#[allow(
    clippy::large_enum_variant,
    reason = "held for one unit at a time; boxing would allocate once per record"
)]
enum Checked {
    Rejected(Option<String>, Vec<InputError>),
    Valid(Role, Option<usize>, ValidAssessment),
}

/// One JSON Lines unit decoded in one pass with its records typed: the fast path for
/// lines without problems. The same fields as [`UnitInput`] but `units` (which JSON Lines
/// do not allow): any problem, or any unknown field, sends the line to the reporting
/// path ([`decode_unit`], each record decoded from its own text).
#[derive(Deserialize)]
struct TypedUnit {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    organisation: Option<Assessment>,
    #[serde(default)]
    agency: Option<Assessment>,
    #[serde(default)]
    leadership: Option<Assessment>,
    #[serde(default)]
    leadership_members: Vec<String>,
    #[serde(default)]
    led_by: Vec<String>,
    #[serde(default)]
    head: Option<String>,
    #[serde(default)]
    grassroots: bool,
    #[serde(default)]
    members: Vec<Assessment>,
    #[serde(default)]
    leaders: Vec<Assessment>,
}

/// Reads units one at a time and evaluates the tree when all are in.
pub struct OrgEvaluator {
    options: OrgOptions,
    units: Vec<Unit>,
    unit_ids: HashMap<String, u32>,
    /// Every record id, as `(32 bits of the id's hash, record)` (8 bytes an entry: the
    /// table has millions): the id itself is compared in the record's summary, so two
    /// ids of equal hash are never taken for one.
    record_ids: HashTable<(u32, u32)>,
    id_hasher: DefaultHashBuilder,
    summaries: Vec<Option<RecordSummary>>,
    decisions: Vec<Option<Decision>>,
    collectives: Vec<Pending>,
    leaders: Vec<Pending>,
    /// QĐ 132 records capped by another record's level, kept to derive the cap again
    /// after the quota: leadership collectives (lower units first), then heads.
    capped: Vec<Capped>,
    /// Discipline records and degradation of people who have any, by id (sparse).
    person_facts: HashMap<Box<str>, (Vec<Discipline>, bool)>,
    rejected: Vec<RejectedEntry>,
}

/// The 32 bits of an id's hash kept in `record_ids`.
fn short_hash(hash: u64) -> u32 {
    // The high half: the low one is what the table's bucket index is made of below.
    u32::try_from(hash >> 32).unwrap_or(u32::MAX)
}

/// The hash the table works with, made from the kept 32 bits (so that the table can grow
/// without the ids): the bucket index takes the low bits, the control tag the top ones.
fn table_hash(short: u32) -> u64 {
    u64::from(short) | (u64::from(short) << 32)
}

/// Whether record `record` is still in the tree with this id.
fn has_id(summaries: &[Option<RecordSummary>], record: u32, id: &str) -> bool {
    matches!(summaries.get(record as usize), Some(Some(s)) if &*s.id == id)
}

fn prefixed(errors: Vec<InputError>, prefix: &str) -> Vec<InputError> {
    errors
        .into_iter()
        .map(|mut e| {
            e.path = format!("{prefix}{}", e.path);
            e
        })
        .collect()
}

/// Whether a discipline record counts in `valid`'s period (rules-qd366 §7).
fn counts_in(valid: &ValidAssessment, record: &Discipline) -> bool {
    valid.period.contains(record.decided_on)
        && record.decided_on <= valid.as_of
        && !record.counted_before
}

/// A fact derived from the tree, under the rule of the record's regime: a 2022 decision
/// cites HD 21's order of evaluation, not QĐ 366's.
fn derived_reason(regime: RegimeId, values: Values) -> Reason {
    let rule = match regime {
        RegimeId::Qd366 => Rule::DerivedFact,
        RegimeId::Qd124 => Rule::Qd124DerivedFact,
        RegimeId::Qd132 => Rule::Qd132DerivedFact,
    };
    Reason::new(rule, true, Effect::Info, None, values)
}

fn conflict(path: String, vi: String, en: String) -> InputError {
    InputError::new(ErrorCode::Conflict, path, vi, en)
}

impl OrgEvaluator {
    /// An evaluator with these options.
    pub fn new(options: OrgOptions) -> OrgEvaluator {
        OrgEvaluator {
            options,
            units: Vec::new(),
            unit_ids: HashMap::new(),
            record_ids: HashTable::new(),
            id_hasher: DefaultHashBuilder::default(),
            summaries: Vec::new(),
            decisions: Vec::new(),
            collectives: Vec::new(),
            leaders: Vec::new(),
            capped: Vec::new(),
            person_facts: HashMap::new(),
            rejected: Vec::new(),
        }
    }

    /// How each record is validated: as written, or under the regime compared.
    fn validate_options(&self) -> ValidateOptions {
        match self.options.regime {
            Some(regime) => ValidateOptions {
                allow_regime_outside_span: true,
                ignore_other_regime_fields: true,
                regime_override: Some(regime),
                grades_from_points: self.options.grades_from_points,
            },
            None => ValidateOptions::default(),
        }
    }

    fn reject(
        &mut self,
        line: Option<usize>,
        unit: Option<&str>,
        id: Option<&str>,
        errors: Vec<InputError>,
    ) {
        self.rejected.push(RejectedEntry {
            line,
            unit: unit.map(str::to_owned),
            id: id.map(str::to_owned),
            errors,
        });
    }

    /// Reports a line a reader could not hand over (too long, not UTF-8).
    pub fn reject_line(&mut self, line: usize, error: InputError) {
        self.reject(Some(line), None, None, vec![error]);
    }

    /// Adds one JSON Lines line: a unit naming its `parent` (none for the root).
    pub fn add_unit_line(&mut self, line: usize, text: &str) {
        if text.len() > MAX_UNIT_LINE_BYTES {
            let length = u64::try_from(text.len()).unwrap_or(u64::MAX);
            self.reject_line(line, unit_line_too_large(length));
            return;
        }
        // Fast path: the unit and its records in one parse. Only for a line no longer
        // than one record may be, where no record can be over that limit (the reporting
        // path checks each record's length).
        if text.len() <= MAX_RECORD_BYTES {
            if let Some(unit) = decode_json_quietly::<TypedUnit>(text) {
                self.add_typed_unit(unit, line);
                return;
            }
        }
        match decode_unit(text) {
            Ok(unit) if !unit.units.is_empty() => {
                let error = InputError::new(
                    ErrorCode::NotApplicable,
                    "/units",
                    "Trong JSON Lines, mỗi dòng là một đơn vị và nêu `parent`; không lồng `units`",
                    "in JSON Lines each line is one unit naming its `parent`; `units` cannot be nested",
                );
                self.reject(Some(line), Some(&unit.id), None, vec![error]);
            }
            Ok(unit) => self.add_unit_input(unit, Some(line), String::new()),
            Err(errors) => self.reject(Some(line), None, None, errors.0),
        }
    }

    fn add_typed_unit(&mut self, unit: TypedUnit, line: usize) {
        let TypedUnit {
            id,
            name,
            parent,
            organisation,
            agency,
            leadership,
            leadership_members,
            led_by,
            head,
            grassroots,
            members,
            leaders,
        } = unit;
        let slots = unit_slots(
            [&organisation, &agency, &leadership],
            &leaders,
            &members,
            RecordInput::Decoded,
        );
        let head = UnitHead {
            id,
            name,
            parent,
            leadership_members,
            led_by,
            head_leader: head,
            grassroots,
        };
        self.add_unit(head, slots, Some(line), String::new());
    }

    /// Adds a nested tree (its units are read depth-first; `parent` is implied).
    pub fn add_tree(&mut self, root: UnitInput) {
        let mut stack = vec![(root, String::new(), None::<String>)];
        while let Some((mut unit, path, parent)) = stack.pop() {
            let children = std::mem::take(&mut unit.units);
            if parent.is_some() {
                unit.parent = parent;
            }
            let id = unit.id.clone();
            // Pushed in reverse so that units are read in document order.
            for (index, child) in children.into_iter().enumerate().rev() {
                stack.push((child, format!("{path}/units/{index}"), Some(id.clone())));
            }
            self.add_unit_input(unit, None, path);
        }
    }

    /// Adds a unit whose records are raw JSON (each decoded on its own).
    fn add_unit_input(&mut self, unit: UnitInput, line: Option<usize>, path: String) {
        let UnitInput {
            id,
            name,
            parent,
            organisation,
            agency,
            leadership,
            leadership_members,
            led_by,
            head,
            grassroots,
            members,
            leaders,
            units: _,
        } = unit;
        let slots = unit_slots(
            [&organisation, &agency, &leadership],
            &leaders,
            &members,
            |raw| RecordInput::Raw(raw),
        );
        let head = UnitHead {
            id,
            name,
            parent,
            leadership_members,
            led_by,
            head_leader: head,
            grassroots,
        };
        self.add_unit(head, slots, line, path);
    }

    fn add_unit(
        &mut self,
        head: UnitHead,
        slots: Vec<Slot<'_>>,
        line: Option<usize>,
        path: String,
    ) {
        if head.id.is_empty() || self.unit_ids.contains_key(head.id.as_str()) {
            let error = InputError::new(
                ErrorCode::InvalidValue,
                format!("{path}/id"),
                format!("Mã đơn vị `{}` trống hoặc trùng", head.id),
                format!("unit id `{}` is empty or used twice", head.id),
            );
            self.reject(line, Some(&head.id), None, vec![error]);
            return;
        }
        let index = u32::try_from(self.units.len()).unwrap_or(u32::MAX);
        self.unit_ids.insert(head.id.clone(), index);
        self.units.push(Unit {
            id: head.id,
            name: head.name,
            parent_id: head.parent,
            parent: None,
            children: Vec::new(),
            line,
            path,
            led_by: head.led_by,
            leadership_members: head.leadership_members,
            head_leader: head.head_leader,
            grassroots: head.grassroots,
            organisation: None,
            agency: None,
            leadership: None,
            records: Vec::with_capacity(slots.len()),
            depth: 0,
        });
        // Each record is decoded, validated and checked for its place; then the ids of
        // the valid ones are registered together (random accesses into a table of
        // millions of ids: done back to back, their cache misses overlap); then, in the
        // records' order, the problems are reported and the rest placed.
        let mut checked: Vec<Checked> = slots
            .into_iter()
            .map(|slot| self.check_record(index, slot))
            .collect();
        let mut reserved: Vec<Result<u32, String>> = Vec::with_capacity(checked.len());
        for item in &checked {
            if let Checked::Valid(role, _, valid) = item {
                reserved.push(self.reserve(
                    &valid.id,
                    index,
                    *role,
                    valid.subject.collective_kind,
                    valid.regime,
                ));
            }
        }
        let mut reserved = reserved.into_iter();
        for item in checked.drain(..) {
            match item {
                Checked::Rejected(id, errors) => {
                    let unit_id = self.unit_id(index);
                    self.reject(line, Some(&unit_id), id.as_deref(), errors);
                }
                Checked::Valid(role, position, valid) => match reserved.next() {
                    Some(Ok(record)) => self.place_record(index, record, role, position, valid),
                    Some(Err(first)) => {
                        let record_path = self.record_path(index, role, position);
                        let error = InputError::new(
                            ErrorCode::InvalidValue,
                            format!("{record_path}/id"),
                            format!("Mã hồ sơ `{}` đã dùng (đơn vị {first})", valid.id),
                            format!("record id `{}` is already used (unit {first})", valid.id),
                        );
                        let unit_id = self.unit_id(index);
                        self.reject(line, Some(&unit_id), Some(&valid.id), vec![error]);
                    }
                    None => {}
                },
            }
        }
    }

    /// A record's JSON Pointer in its line or tree; made only when needed (an error, a
    /// record kept for later).
    fn record_path(&self, unit: u32, role: Role, position: Option<usize>) -> String {
        let unit_path = self
            .units
            .get(unit as usize)
            .map_or("", |u| u.path.as_str());
        match position {
            Some(i) => format!("{unit_path}/{}/{i}", role.key()),
            None => format!("{unit_path}/{}", role.key()),
        }
    }

    fn unit_id(&self, unit: u32) -> String {
        self.units
            .get(unit as usize)
            .map(|u| u.id.clone())
            .unwrap_or_default()
    }

    /// Decodes and validates a record and checks that it may sit in its place.
    fn check_record(&self, unit: u32, slot: Slot<'_>) -> Checked {
        let Slot {
            role,
            position,
            record,
        } = slot;
        // A decoded record has no unknown field, so its problems are validation's alone,
        // as decode_and_validate would report them.
        let options = self.validate_options();
        let checked = match record {
            RecordInput::Raw(raw) => decode_and_validate(raw.get(), options).map_err(|errors| {
                let id = serde_json::from_str::<IdOnly>(raw.get())
                    .ok()
                    .and_then(|r| r.id);
                (errors, id)
            }),
            RecordInput::Decoded(assessment) => validate_with(assessment, options)
                .map_err(|errors| (errors, Some(assessment.id.clone()))),
        };
        let valid = match checked {
            Ok(valid) => valid,
            Err((errors, id)) => {
                let record_path = self.record_path(unit, role, position);
                return Checked::Rejected(id, prefixed(errors.0, &record_path));
            }
        };
        if !role.admits(valid.subject.kind, valid.subject.collective_kind) {
            let record_path = self.record_path(unit, role, position);
            let error = InputError::new(
                ErrorCode::NotApplicable,
                format!("{record_path}/subject"),
                format!(
                    "Hồ sơ `{}` không thuộc loại được đặt ở vị trí `{}`",
                    valid.id,
                    role.key()
                ),
                format!(
                    "record `{}` is not of the kind that `{}` holds",
                    valid.id,
                    role.key()
                ),
            );
            return Checked::Rejected(Some(valid.id), vec![error]);
        }
        Checked::Valid(role, position, valid)
    }

    /// Places a valid record whose id is registered: members are evaluated at once, the
    /// rest wait for what they take from the tree.
    fn place_record(
        &mut self,
        unit: u32,
        record: u32,
        role: Role,
        position: Option<usize>,
        valid: ValidAssessment,
    ) {
        if matches!(role, Role::Member | Role::Leader)
            && (!valid.discipline.is_empty() || valid.conclusions.degradation)
        {
            // Kept for a leadership collective that may name this person.
            self.person_facts.insert(
                valid.id.as_str().into(),
                (valid.discipline.clone(), valid.conclusions.degradation),
            );
        }
        match role {
            Role::Member => self.evaluate_now(record, &valid, None),
            Role::Organisation | Role::Agency | Role::Leadership => {
                let path = self.record_path(unit, role, position);
                if let Some(u) = self.units.get_mut(unit as usize) {
                    match role {
                        Role::Organisation => u.organisation = Some(record),
                        Role::Agency => u.agency = Some(record),
                        _ => u.leadership = Some(record),
                    }
                }
                self.collectives.push(Pending {
                    record,
                    valid,
                    path,
                });
            }
            Role::Leader => {
                // Under the regimes that grade criteria a leader takes nothing from the
                // tree but a head's cap, so is rated now: a QĐ 132 chi bộ counts its
                // leaders' levels (a head's before the cap, which reads the chi bộ).
                if valid.regime != RegimeId::Qd366 {
                    self.evaluate_now(record, &valid, None);
                }
                let path = self.record_path(unit, role, position);
                self.leaders.push(Pending {
                    record,
                    valid,
                    path,
                });
            }
        }
        if let Some(u) = self.units.get_mut(unit as usize) {
            u.records.push(record);
        }
    }

    /// The id's hash as kept in `record_ids`, and as the table takes it.
    fn id_hash(&self, id: &str) -> (u32, u64) {
        let short = short_hash(self.id_hasher.hash_one(id));
        (short, table_hash(short))
    }

    /// The record with this id, if it is in the tree and was not rejected.
    fn find_record(&self, id: &str) -> Option<&RecordSummary> {
        let (short, hash) = self.id_hash(id);
        let &(_, record) = self
            .record_ids
            .find(hash, |&(h, r)| h == short && has_id(&self.summaries, r, id))?;
        self.summaries.get(record as usize)?.as_ref()
    }

    /// Registers a record's id and reserves its slot (a placeholder summary until it is
    /// evaluated); an id already used gives the id of the unit that holds it first.
    fn reserve(
        &mut self,
        id: &str,
        unit: u32,
        role: Role,
        collective_kind: Option<CollectiveKind>,
        regime: RegimeId,
    ) -> Result<u32, String> {
        let (short, hash) = self.id_hash(id);
        let index = u32::try_from(self.summaries.len()).unwrap_or(u32::MAX);
        let summaries = &self.summaries;
        match self.record_ids.entry(
            hash,
            |&(h, r)| h == short && has_id(summaries, r, id),
            |&(h, _)| table_hash(h),
        ) {
            Entry::Occupied(first) => {
                let first = first.get().1;
                let first_unit = summaries
                    .get(first as usize)
                    .and_then(Option::as_ref)
                    .map_or(u32::MAX, |s| s.unit);
                return Err(self.unit_id(first_unit));
            }
            Entry::Vacant(slot) => {
                slot.insert((short, index));
            }
        }
        self.summaries.push(Some(RecordSummary {
            id: id.into(),
            unit,
            role,
            collective_kind,
            regime,
            outcome: Outcome::NotClassified,
            level: None,
            score: None,
            needs_decision: false,
            excluded_by: None,
            tasks: (0, 0),
            quota_group: None,
            demoted: false,
            quota_rank: 0,
            tied_at_cut: false,
        }));
        if self.options.keep_decisions {
            self.decisions.push(None);
        }
        Ok(index)
    }

    fn reject_reserved(
        &mut self,
        record: u32,
        line: Option<usize>,
        unit: &str,
        id: &str,
        errors: Vec<InputError>,
    ) {
        if let Some(slot) = self.summaries.get_mut(record as usize) {
            *slot = None;
        }
        self.reject(line, Some(unit), Some(id), errors);
    }

    fn evaluate_now(&mut self, record: u32, valid: &ValidAssessment, derived: Option<Values>) {
        let Ok(mut decision) = crate::evaluate_valid(valid, &self.options.evaluation) else {
            // validate() accepted the record, so its regime is implemented.
            return;
        };
        if let Some(values) = derived {
            if values.iter().next().is_some() {
                decision
                    .reasons
                    .insert(0, derived_reason(valid.regime, values));
            }
        }
        if let Some(Some(summary)) = self.summaries.get_mut(record as usize) {
            summary.outcome = decision.outcome;
            summary.level = decision.level;
            summary.score = decision.score;
            summary.needs_decision = decision.needs_decision;
            // A fresh decision: whatever the quota did before is for the quota to redo.
            summary.demoted = false;
            summary.excluded_by = decision
                .reasons
                .iter()
                .find(|r| r.effect == Effect::Excludes)
                .map(|r| r.rule);
            summary.tasks = decision.tasks.map_or((0, 0), |t| (t.exceeded, t.assigned));
            summary.quota_group = valid.quota_group.as_deref().map(Into::into);
        }
        if self.options.keep_decisions {
            if let Some(slot) = self.decisions.get_mut(record as usize) {
                *slot = Some(decision);
            }
        }
    }

    /// The level of a unit: its agency's if it has one, else its organisation's.
    fn unit_rating(&self, unit: u32) -> Option<Level> {
        let u = self.units.get(unit as usize)?;
        let record = u.agency.or(u.organisation)?;
        let summary = self.summaries.get(record as usize)?.as_ref()?;
        (summary.outcome == Outcome::Classified)
            .then_some(summary.level)
            .flatten()
    }

    /// Links parents and children; reports missing parents, cycles and depth.
    fn link(&mut self) -> Vec<u32> {
        let count = self.units.len();
        for index in 0..count {
            let Some(parent_id) = self.units.get(index).and_then(|u| u.parent_id.clone()) else {
                continue;
            };
            match self.unit_ids.get(&parent_id).copied() {
                Some(parent) if parent as usize != index => {
                    if let Some(u) = self.units.get_mut(index) {
                        u.parent = Some(parent);
                    }
                }
                _ => {
                    let (line, id, path) = self
                        .units
                        .get(index)
                        .map(|u| (u.line, u.id.clone(), u.path.clone()))
                        .unwrap_or_default();
                    let error = InputError::new(
                        ErrorCode::InvalidValue,
                        format!("{path}/parent"),
                        format!("Không có đơn vị cấp trên `{parent_id}`; đơn vị được đánh giá như một gốc"),
                        format!("no parent unit `{parent_id}`; the unit is evaluated as a root"),
                    );
                    self.reject(line, Some(&id), None, vec![error]);
                }
            }
        }
        // Depth by walking up; a walk longer than the tree is a cycle, cut at its start.
        for index in 0..count {
            let mut depth = 0u32;
            let mut at = self.units.get(index).and_then(|u| u.parent);
            let mut cut = false;
            while let Some(parent) = at {
                depth += 1;
                if depth as usize > count || depth > MAX_DEPTH {
                    cut = true;
                    break;
                }
                at = self.units.get(parent as usize).and_then(|u| u.parent);
            }
            if cut {
                let (line, id, path) = self
                    .units
                    .get(index)
                    .map(|u| (u.line, u.id.clone(), u.path.clone()))
                    .unwrap_or_default();
                let error = InputError::new(
                    ErrorCode::TooLarge,
                    format!("{path}/parent"),
                    format!("Cây quá sâu (quá {MAX_DEPTH} cấp) hoặc có vòng lặp; đơn vị được đánh giá như một gốc"),
                    format!("the tree is deeper than {MAX_DEPTH} levels or has a cycle; the unit is evaluated as a root"),
                );
                self.reject(line, Some(&id), None, vec![error]);
                if let Some(u) = self.units.get_mut(index) {
                    u.parent = None;
                }
                depth = 0;
            }
            if let Some(u) = self.units.get_mut(index) {
                u.depth = depth;
            }
        }
        // Depths may have changed where cycles were cut: recompute from the parents.
        for index in 0..count {
            let mut depth = 0u32;
            let mut at = self.units.get(index).and_then(|u| u.parent);
            while let Some(parent) = at {
                depth += 1;
                if depth > MAX_DEPTH {
                    break;
                }
                at = self.units.get(parent as usize).and_then(|u| u.parent);
            }
            if let Some(u) = self.units.get_mut(index) {
                u.depth = depth;
            }
        }
        let mut roots = Vec::new();
        for index in 0..count {
            let index32 = u32::try_from(index).unwrap_or(u32::MAX);
            match self.units.get(index).and_then(|u| u.parent) {
                Some(parent) => {
                    if let Some(p) = self.units.get_mut(parent as usize) {
                        p.children.push(index32);
                    }
                }
                None => roots.push(index32),
            }
        }
        roots
    }

    /// Units in tree order: each root, then its subtree depth-first.
    fn preorder(&self, roots: &[u32]) -> Vec<u32> {
        let mut order = Vec::with_capacity(self.units.len());
        let mut stack: Vec<u32> = roots.iter().rev().copied().collect();
        while let Some(unit) = stack.pop() {
            order.push(unit);
            if let Some(u) = self.units.get(unit as usize) {
                stack.extend(u.children.iter().rev().copied());
            }
        }
        order
    }

    /// Evaluates the organisations, agencies and leadership collectives, lower units first
    /// (Art. 12.2). In a unit, under QĐ 366 the leadership collective comes first; under
    /// QĐ 132 last, as its level is capped by its organisation's (HD 21).
    fn evaluate_collectives(&mut self, preorder: &[u32]) {
        // Pending records stay where they are; a small map finds each by its record.
        let mut pending: Vec<Option<Pending>> = std::mem::take(&mut self.collectives)
            .into_iter()
            .map(Some)
            .collect();
        let position_of: HashMap<u32, usize> = pending
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((p.as_ref()?.record, i)))
            .collect();
        // Own discipline of each unit's organisation and agency, for the parent's fact.
        let own = |p: &Pending| -> Vec<Discipline> {
            p.valid
                .discipline
                .iter()
                .filter(|d| d.member_id.is_none())
                .cloned()
                .collect()
        };
        // Sparse: a record without any is simply absent.
        let mut own_discipline: HashMap<u32, Vec<Discipline>> = HashMap::new();
        for p in pending.iter().flatten() {
            let list = own(p);
            if !list.is_empty() {
                own_discipline.insert(p.record, list);
            }
        }
        for &unit in preorder.iter().rev() {
            let Some(u) = self.units.get(unit as usize) else {
                continue;
            };
            let (line, unit_id, children) = (u.line, u.id.clone(), u.children.clone());
            let people = (!u.leadership_members.is_empty()).then(|| self.leadership_people(unit));
            let order = if u.leadership.and_then(|r| self.regime_of(r)) == Some(RegimeId::Qd132) {
                [
                    (u.organisation, Role::Organisation),
                    (u.agency, Role::Agency),
                    (u.leadership, Role::Leadership),
                ]
            } else {
                [
                    (u.leadership, Role::Leadership),
                    (u.organisation, Role::Organisation),
                    (u.agency, Role::Agency),
                ]
            };
            for (record, role) in order {
                let Some(record) = record else { continue };
                let Some(mut p) = position_of
                    .get(&record)
                    .and_then(|&i| pending.get_mut(i))
                    .and_then(Option::take)
                else {
                    continue;
                };
                let mut values = Values::default();
                // The leadership's members: their discipline counts for the leadership
                // collective (11.4.T, 11.1.T) and for the unit's organisation and agency
                // (11.1.T); their degradation for the leadership collective (11.4.T).
                let derived = match &people {
                    Some(Err(error)) => Err(error.clone()),
                    Some(Ok(people)) => {
                        derive_member_facts(&mut p.valid, people, &p.path, role == Role::Leadership)
                            .map(|derived| derived.iter().for_each(|(f, v)| values.push(*f, *v)))
                    }
                    None => Ok(()),
                }
                .and_then(|()| {
                    if role == Role::Leadership {
                        return Ok(());
                    }
                    self.derive_subordinate_facts(
                        &mut p,
                        role,
                        &children,
                        &own_discipline,
                        &mut values,
                    )?;
                    if role == Role::Organisation && p.valid.regime == RegimeId::Qd132 {
                        self.derive_level_counts(unit, &children, &mut p, &mut values)?;
                    }
                    Ok(())
                });
                if let Err(error) = derived {
                    let id = p.valid.id.clone();
                    self.reject_reserved(record, line, &unit_id, &id, vec![error]);
                    continue;
                }
                if role == Role::Leadership && p.valid.regime == RegimeId::Qd132 {
                    // Checked against the tree once the levels are final (after the quota).
                    let explicit = p.valid.collective.organisation_level.take();
                    let mut capped = Capped {
                        pending: p,
                        kind: CapKind::Leadership,
                        units: vec![unit],
                        explicit,
                        derived: None,
                        values,
                    };
                    let cap = self.cap_level(capped.kind, &capped.units);
                    self.evaluate_capped(&mut capped, cap);
                    self.capped.push(capped);
                    continue;
                }
                self.evaluate_now(record, &p.valid, Some(values));
            }
        }
    }

    /// The regime a record is evaluated under, if it is in the tree.
    fn regime_of(&self, record: u32) -> Option<RegimeId> {
        Some(self.summaries.get(record as usize)?.as_ref()?.regime)
    }

    /// From the direct subordinate units holding the same kind of record (organisation
    /// for the organisation, agency for the agency): how many were disciplined in the
    /// record's period (every regime) and, under QĐ 124, how many there are.
    fn derive_subordinate_facts(
        &self,
        p: &mut Pending,
        role: Role,
        children: &[u32],
        own_discipline: &HashMap<u32, Vec<Discipline>>,
        values: &mut Values,
    ) -> Result<(), InputError> {
        let mut disciplined: Vec<String> = Vec::new();
        let mut subordinates = 0u32;
        for &child in children {
            let Some(c) = self.units.get(child as usize) else {
                continue;
            };
            let child_record = if role == Role::Organisation {
                c.organisation
            } else {
                c.agency
            };
            let Some(child_record) = child_record else {
                continue;
            };
            subordinates = subordinates.saturating_add(1);
            if own_discipline
                .get(&child_record)
                .is_some_and(|list| list.iter().any(|d| counts_in(&p.valid, d)))
            {
                disciplined.push(c.id.clone());
            }
        }
        if subordinates == 0 {
            return Ok(());
        }
        let derived = u32::try_from(disciplined.len()).unwrap_or(u32::MAX);
        match p.valid.collective.subordinate_units_disciplined {
            Some(explicit) if explicit != derived => {
                let path = format!("{}/collective/subordinate_units_disciplined", p.path);
                let places = if disciplined.is_empty() {
                    "—".to_owned()
                } else {
                    disciplined.join(", ")
                };
                return Err(conflict(
                    path.clone(),
                    format!("`{path}` = {explicit} mâu thuẫn với cây tổ chức: {derived} đơn vị trực thuộc bị kỷ luật ({places})"),
                    format!("`{path}` = {explicit} contradicts the tree: {derived} subordinate units disciplined ({places})"),
                ));
            }
            _ => {
                p.valid.collective.subordinate_units_disciplined = Some(derived);
                values.push(
                    Fact::SubordinateUnitsDisciplined,
                    Value::Count(u64::from(derived)),
                );
            }
        }
        // QĐ 124 alone reads the number of subordinate units ("more than 20%").
        if p.valid.regime == RegimeId::Qd124 {
            match p.valid.collective.subordinate_units {
                Some(explicit) if explicit != subordinates => {
                    let path = format!("{}/collective/subordinate_units", p.path);
                    return Err(conflict(
                        path.clone(),
                        format!("`{path}` = {explicit} mâu thuẫn với cây tổ chức: {subordinates} đơn vị trực thuộc"),
                        format!("`{path}` = {explicit} contradicts the tree: {subordinates} subordinate units"),
                    ));
                }
                _ => {
                    p.valid.collective.subordinate_units = Some(subordinates);
                    values.push(
                        Fact::SubordinateUnits,
                        Value::Count(u64::from(subordinates)),
                    );
                }
            }
        }
        Ok(())
    }

    /// QĐ 132 (HD 21 §II.B.1), a party organisation's Excellent reads its members'
    /// levels (a chi bộ) or its subordinate organisations' (a đảng bộ). A unit with
    /// subordinate units holding an organisation record is a đảng bộ; any other, a chi
    /// bộ, whose members are its own `members` and `leaders` records. Levels are read as
    /// evaluated before the quota (which moves Excellent to Good only, so it changes
    /// neither count the rule reads), from QĐ 132 records only; a record not classified
    /// (or rejected) is not counted. Nothing is derived when no such record is in the
    /// tree: a given value then stands.
    fn derive_level_counts(
        &self,
        unit: u32,
        children: &[u32],
        p: &mut Pending,
        values: &mut Values,
    ) -> Result<(), InputError> {
        let dang_bo = children.iter().any(|&c| {
            self.units
                .get(c as usize)
                .is_some_and(|c| c.organisation.is_some())
        });
        let records: Vec<u32> = if dang_bo {
            children
                .iter()
                .filter_map(|&c| self.units.get(c as usize)?.organisation)
                .collect()
        } else {
            self.units
                .get(unit as usize)
                .map(|u| u.records.clone())
                .unwrap_or_default()
        };
        let mut counts = LevelCounts::default();
        let mut derivable = false;
        for record in records {
            let Some(Some(s)) = self.summaries.get(record as usize) else {
                continue;
            };
            if s.regime != RegimeId::Qd132
                || (!dang_bo && !matches!(s.role, Role::Member | Role::Leader))
            {
                continue;
            }
            derivable = true;
            if let (Outcome::Classified, Some(level)) = (s.outcome, s.level) {
                counts.add(level);
            }
        }
        if !derivable {
            return Ok(());
        }
        let (whose, field, slot) = if dang_bo {
            (
                Whose::SubordinateOrganisations,
                "subordinate_levels",
                &mut p.valid.collective.subordinate_levels,
            )
        } else {
            (
                Whose::Members,
                "member_levels",
                &mut p.valid.collective.member_levels,
            )
        };
        if let Some(explicit) = *slot {
            if explicit != counts {
                let path = format!("{}/collective/{field}", p.path);
                let (whose_vi, whose_en) = if dang_bo {
                    ("tổ chức đảng trực thuộc", "subordinate party organisations")
                } else {
                    ("đảng viên của chi bộ", "members of the chi bộ")
                };
                return Err(conflict(
                    path.clone(),
                    format!(
                        "`{path}` ({}) mâu thuẫn với cây tổ chức: {whose_vi} được xếp loại {}",
                        counts_text(&explicit, Level::vi),
                        counts_text(&counts, Level::vi)
                    ),
                    format!(
                        "`{path}` ({}) contradicts the tree: {whose_en} rated {}",
                        counts_text(&explicit, Level::en),
                        counts_text(&counts, Level::en)
                    ),
                ));
            }
        }
        *slot = Some(counts);
        values.push(Fact::Whose, Value::Whose(whose));
        values.push(Fact::UnitsCounted, Value::Count(counts.total()));
        values.push(
            Fact::AtLeastCompleted,
            Value::Count(counts.at_least(Level::Completed)),
        );
        values.push(
            Fact::AtLeastGood,
            Value::Count(counts.at_least(Level::Good)),
        );
        Ok(())
    }

    /// A unit's level as the QĐ 132 caps read it: its organisation record's, or its
    /// agency's when it has no organisation record; classified under QĐ 132.
    fn organisation_level(&self, unit: u32) -> Option<Level> {
        let u = self.units.get(unit as usize)?;
        self.qd132_level(u.organisation.or(u.agency)?)
    }

    /// A record's current level, if it is a classified QĐ 132 record.
    fn qd132_level(&self, record: u32) -> Option<Level> {
        let s = self.summaries.get(record as usize)?.as_ref()?;
        (s.regime == RegimeId::Qd132 && s.outcome == Outcome::Classified)
            .then_some(s.level)
            .flatten()
    }

    /// The cap a QĐ 132 record takes from the tree, from the current levels: a leadership
    /// collective's, its unit's organisation level (`qd132.hd21.lc.cap`); a head's, the
    /// lowest level of the leadership collectives and organisations they head
    /// (`qd132.hd21.head.cap`).
    fn cap_level(&self, kind: CapKind, units: &[u32]) -> Option<Level> {
        units
            .iter()
            .flat_map(|&unit| {
                let leadership = match kind {
                    CapKind::Leadership => None,
                    CapKind::Head => self
                        .units
                        .get(unit as usize)
                        .and_then(|u| u.leadership)
                        .and_then(|r| self.qd132_level(r)),
                };
                [leadership, self.organisation_level(unit)]
            })
            .flatten()
            .min()
    }

    /// Evaluates a capped record with this cap (none derivable: the given value, if any).
    fn evaluate_capped(&mut self, capped: &mut Capped, cap: Option<Level>) {
        capped.derived = cap;
        let used = cap.or(capped.explicit);
        match capped.kind {
            CapKind::Leadership => capped.pending.valid.collective.organisation_level = used,
            CapKind::Head => capped.pending.valid.leader.headed_level = used,
        }
        let mut values = capped.values;
        if let Some(level) = cap {
            values.push(Fact::CapLevel, Value::Level(level));
        }
        self.evaluate_now(capped.pending.record, &capped.pending.valid, Some(values));
    }

    /// Derives every cap again from the current levels (leadership collectives, lower
    /// units first, then heads, who read them) and re-evaluates each record whose cap
    /// changed. Returns whether any did.
    fn derive_caps_again(&mut self) -> bool {
        let mut capped = std::mem::take(&mut self.capped);
        let mut changed = false;
        for c in &mut capped {
            let cap = self.cap_level(c.kind, &c.units);
            if cap != c.derived {
                self.evaluate_capped(c, cap);
                changed = true;
            }
        }
        self.capped = capped;
        changed
    }

    /// Rejects each capped record whose given cap contradicts the one derived from the
    /// final levels. Returns whether any was rejected.
    fn reject_cap_conflicts(&mut self) -> bool {
        let capped = std::mem::take(&mut self.capped);
        let mut kept = Vec::with_capacity(capped.len());
        let mut rejected = false;
        for c in capped {
            let (Some(explicit), Some(derived)) = (c.explicit, c.derived) else {
                kept.push(c);
                continue;
            };
            if explicit == derived {
                kept.push(c);
                continue;
            }
            let (field, vi_what, en_what) = match c.kind {
                CapKind::Leadership => (
                    "collective/organisation_level",
                    "tổ chức, cơ quan, đơn vị được lãnh đạo được xếp loại",
                    "the organisation led is rated",
                ),
                CapKind::Head => (
                    "leader/headed_level",
                    "mức thấp nhất của tập thể, tổ chức do người này đứng đầu là",
                    "the lowest level of the collectives and organisations headed is",
                ),
            };
            let path = format!("{}/{field}", c.pending.path);
            let names: Vec<String> = c.units.iter().map(|&u| self.unit_id(u)).collect();
            let error = conflict(
                path.clone(),
                format!(
                    "`{path}` = {} mâu thuẫn với cây tổ chức ({}): {vi_what} {}",
                    explicit.vi(),
                    names.join(", "),
                    derived.vi()
                ),
                format!(
                    "`{path}` = {} contradicts the tree ({}): {en_what} {}",
                    explicit.en(),
                    names.join(", "),
                    derived.en()
                ),
            );
            let record = c.pending.record;
            let unit = self
                .summaries
                .get(record as usize)
                .and_then(Option::as_ref)
                .map_or(u32::MAX, |s| s.unit);
            let line = self.units.get(unit as usize).and_then(|u| u.line);
            let unit_id = self.unit_id(unit);
            let id = c.pending.valid.id.clone();
            if let Some(slot) = self.decisions.get_mut(record as usize) {
                *slot = None;
            }
            self.reject_reserved(record, line, &unit_id, &id, vec![error]);
            rejected = true;
        }
        self.capped = kept;
        rejected
    }

    /// The units each head heads (`head`), with broken references reported: a head is a
    /// leader record anywhere in the tree.
    fn headed_units(&mut self) -> HashMap<String, Vec<u32>> {
        let leader_ids: HashSet<&str> = self.leaders.iter().map(|p| p.valid.id.as_str()).collect();
        let mut map: HashMap<String, Vec<u32>> = HashMap::new();
        let mut broken = Vec::new();
        for (index, unit) in self.units.iter().enumerate() {
            let Some(head) = &unit.head_leader else {
                continue;
            };
            if leader_ids.contains(head.as_str()) {
                map.entry(head.clone())
                    .or_default()
                    .push(u32::try_from(index).unwrap_or(u32::MAX));
            } else {
                broken.push((
                    unit.line,
                    unit.id.clone(),
                    format!("{}/head", unit.path),
                    head.clone(),
                ));
            }
        }
        drop(leader_ids);
        for (line, unit, path, head) in broken {
            let error = InputError::new(
                ErrorCode::InvalidValue,
                path,
                format!("Không có hồ sơ (hợp lệ) của cán bộ lãnh đạo `{head}` (người đứng đầu) trong cây tổ chức"),
                format!("no (valid) leader record `{head}` (the head) in the tree"),
            );
            self.reject(line, Some(&unit), None, vec![error]);
        }
        map
    }

    /// Evaluates the QĐ 132 heads again under the cap of what they head, after the
    /// collectives (HD 21: the head is classified after the collective).
    fn evaluate_heads(&mut self, mut headed: HashMap<String, Vec<u32>>) {
        let leaders = std::mem::take(&mut self.leaders);
        let mut kept = Vec::with_capacity(leaders.len());
        for mut p in leaders {
            if p.valid.regime != RegimeId::Qd132 {
                kept.push(p);
                continue;
            }
            let Some(units) = headed.remove(p.valid.id.as_str()) else {
                kept.push(p);
                continue;
            };
            // Checked against the tree once the levels are final (after the quota).
            let explicit = p.valid.leader.headed_level.take();
            let mut capped = Capped {
                pending: p,
                kind: CapKind::Head,
                units,
                explicit,
                derived: None,
                values: Values::default(),
            };
            let cap = self.cap_level(capped.kind, &capped.units);
            self.evaluate_capped(&mut capped, cap);
            self.capped.push(capped);
        }
        self.leaders = kept;
    }

    /// The people of a unit's leadership collective, from their records anywhere in the
    /// tree; an id that names no valid member or leader record is an error.
    fn leadership_people(&self, unit: u32) -> Result<Vec<Person>, InputError> {
        let Some(u) = self.units.get(unit as usize) else {
            return Ok(Vec::new());
        };
        let mut people = Vec::with_capacity(u.leadership_members.len());
        for (i, id) in u.leadership_members.iter().enumerate() {
            let found = self
                .find_record(id)
                .filter(|s| matches!(s.role, Role::Member | Role::Leader));
            if found.is_none() {
                return Err(InputError::new(
                    ErrorCode::InvalidValue,
                    format!("{}/leadership_members/{i}", u.path),
                    format!(
                        "Không có hồ sơ (hợp lệ) của đảng viên hay cán bộ `{id}` trong cây tổ chức"
                    ),
                    format!("no (valid) member or leader record `{id}` in the tree"),
                ));
            }
            let (discipline, degraded) = self
                .person_facts
                .get(id.as_str())
                .cloned()
                .unwrap_or_default();
            people.push(Person {
                id: id.clone(),
                discipline,
                degraded,
            });
        }
        Ok(people)
    }

    /// Units each leader is responsible for (`led_by`), with broken references reported.
    fn led_units(&mut self) -> HashMap<String, Vec<u32>> {
        let leader_ids: HashSet<&str> = self.leaders.iter().map(|p| p.valid.id.as_str()).collect();
        let mut map: HashMap<String, Vec<u32>> = HashMap::new();
        let mut broken = Vec::new();
        for (index, unit) in self.units.iter().enumerate() {
            for (i, leader) in unit.led_by.iter().enumerate() {
                if leader_ids.contains(leader.as_str()) {
                    map.entry(leader.clone())
                        .or_default()
                        .push(u32::try_from(index).unwrap_or(u32::MAX));
                } else {
                    broken.push((
                        unit.line,
                        unit.id.clone(),
                        format!("{}/led_by/{i}", unit.path),
                        leader.clone(),
                    ));
                }
            }
        }
        drop(leader_ids);
        for (line, unit, path, leader) in broken {
            let error = InputError::new(
                ErrorCode::InvalidValue,
                path,
                format!("Không có hồ sơ cán bộ lãnh đạo `{leader}` (đã được đánh giá) trong cây tổ chức"),
                format!("no (valid) leader record `{leader}` in the tree"),
            );
            self.reject(line, Some(&unit), None, vec![error]);
        }
        map
    }

    /// Whether a leader's units in charge, from the current levels, differ from those it
    /// was evaluated with.
    fn units_in_charge_changed(
        &self,
        led: &HashMap<String, Vec<u32>>,
        used: &[(usize, Option<UnitsInCharge>)],
    ) -> bool {
        used.iter().any(|(position, before)| {
            self.leaders
                .get(*position)
                .and_then(|p| led.get(&p.valid.id))
                .is_some_and(|units| Some(self.units_in_charge(units).0) != *before)
        })
    }

    fn units_in_charge(&self, units: &[u32]) -> (UnitsInCharge, Vec<String>) {
        let mut total = 0u32;
        let mut failed = Vec::new();
        for &unit in units {
            if let Some(level) = self.unit_rating(unit) {
                total += 1;
                if level == Level::NotCompleted {
                    failed.push(
                        self.units
                            .get(unit as usize)
                            .map(|u| u.id.clone())
                            .unwrap_or_default(),
                    );
                }
            }
        }
        let not_completed = u32::try_from(failed.len()).unwrap_or(u32::MAX);
        (
            UnitsInCharge {
                total,
                not_completed,
            },
            failed,
        )
    }

    /// Evaluates the QĐ 366 leaders, after the units they lead are rated (the others
    /// were rated when read). Returns, by position in `self.leaders`, what each one's
    /// derived fact was, to check it again after the quota.
    fn evaluate_leaders(
        &mut self,
        led: &HashMap<String, Vec<u32>>,
    ) -> Vec<(usize, Option<UnitsInCharge>)> {
        let leaders = std::mem::take(&mut self.leaders);
        let mut used = Vec::with_capacity(leaders.len());
        let mut kept = Vec::with_capacity(leaders.len());
        for mut p in leaders {
            // Units in charge are a fact of QĐ 366 alone.
            if p.valid.regime != RegimeId::Qd366 {
                kept.push(p);
                continue;
            }
            let unit_index = self
                .summaries
                .get(p.record as usize)
                .and_then(|s| s.as_ref())
                .map_or(0, |s| s.unit);
            let line = self.units.get(unit_index as usize).and_then(|u| u.line);
            let mut values = Values::default();
            let mut derived_fact = None;
            if let Some(units) = led.get(&p.valid.id) {
                let (derived, failed) = self.units_in_charge(units);
                match p.valid.leader.units_in_charge {
                    Some(explicit) if explicit != derived => {
                        let path = format!("{}/leader/units_in_charge", p.path);
                        let error = conflict(
                            path.clone(),
                            format!(
                                "`{path}` = {}/{} mâu thuẫn với cây tổ chức: {}/{} đơn vị phụ trách bị xếp loại Không hoàn thành nhiệm vụ ({})",
                                explicit.not_completed, explicit.total, derived.not_completed, derived.total, failed.join(", ")
                            ),
                            format!(
                                "`{path}` = {} of {} contradicts the tree: {} of {} units in charge rated Not completed ({})",
                                explicit.not_completed, explicit.total, derived.not_completed, derived.total, failed.join(", ")
                            ),
                        );
                        let id = p.valid.id.clone();
                        let unit_id = self.unit_id(unit_index);
                        self.reject_reserved(p.record, line, &unit_id, &id, vec![error]);
                        continue;
                    }
                    _ => {
                        p.valid.leader.units_in_charge = Some(derived);
                        values.push(
                            Fact::UnitsNotCompleted,
                            Value::Count(u64::from(derived.not_completed)),
                        );
                        values.push(Fact::UnitsTotal, Value::Count(u64::from(derived.total)));
                        derived_fact = Some(derived);
                    }
                }
            }
            self.evaluate_now(p.record, &p.valid, Some(values));
            // Its position among the leaders kept (a rejected one is not kept).
            used.push((kept.len(), derived_fact));
            kept.push(p);
        }
        self.leaders = kept;
        used
    }

    /// Each record's quota group. The default groups are keyed by integers — (unit,
    /// members), (unit, leaders), (parent unit, collective kind) — so a group's name is
    /// formatted once, not once per record; names still decide what is one group (a
    /// `quota_group` may name a default group).
    fn quota_groups(&self) -> QuotaGroups {
        const NO_GROUP: u32 = u32::MAX;
        let mut groups = QuotaGroups::default();
        let mut members = vec![NO_GROUP; self.units.len()];
        let mut leaders = vec![NO_GROUP; self.units.len()];
        let mut collectives: HashMap<(Option<u32>, Option<CollectiveKind>), u32> = HashMap::new();
        let mut kind_names: Vec<(Option<CollectiveKind>, String)> = Vec::new();
        // HD 21 groups QĐ 132 members per grassroots organisation: the nearest unit at
        // or above theirs flagged `grassroots`.
        let grassroots_of = |unit: u32| {
            let mut at = Some(unit);
            let mut steps = 0;
            while let (Some(index), true) = (at, steps <= self.units.len()) {
                let u = self.units.get(index as usize)?;
                if u.grassroots {
                    return Some(index);
                }
                at = u.parent;
                steps += 1;
            }
            None
        };
        groups.of.reserve(self.summaries.len());
        for summary in &self.summaries {
            let Some(s) = summary else {
                groups.of.push(None);
                continue;
            };
            if let Some(name) = &s.quota_group {
                let group = groups.intern(name);
                groups.of.push(Some(group));
                continue;
            }
            let unit = self.units.get(s.unit as usize);
            let unit_id = unit.map_or("", |u| u.id.as_str());
            let group = match s.role {
                Role::Member if s.regime == RegimeId::Qd132 && grassroots_of(s.unit).is_some() => {
                    let root = grassroots_of(s.unit).unwrap_or(s.unit);
                    match members.get_mut(root as usize) {
                        Some(slot) if *slot != NO_GROUP => *slot,
                        slot => {
                            let root_id =
                                self.units.get(root as usize).map_or("", |u| u.id.as_str());
                            let group = groups.intern(&format!("{root_id}/members"));
                            if let Some(slot) = slot {
                                *slot = group;
                            }
                            group
                        }
                    }
                }
                Role::Member | Role::Leader => {
                    let (slots, suffix) = if s.role == Role::Member {
                        (&mut members, "members")
                    } else {
                        (&mut leaders, "leaders")
                    };
                    match slots.get_mut(s.unit as usize) {
                        Some(slot) if *slot != NO_GROUP => *slot,
                        slot => {
                            let group = groups.intern(&format!("{unit_id}/{suffix}"));
                            if let Some(slot) = slot {
                                *slot = group;
                            }
                            group
                        }
                    }
                }
                Role::Organisation | Role::Agency | Role::Leadership => {
                    // Collectives are compared with those of the sibling units; the
                    // roots' with each other (their real peers are outside the tree).
                    let parent = unit.and_then(|u| u.parent);
                    match collectives.entry((parent, s.collective_kind)) {
                        hashbrown::hash_map::Entry::Occupied(entry) => *entry.get(),
                        hashbrown::hash_map::Entry::Vacant(entry) => {
                            let parent_id = parent
                                .and_then(|p| self.units.get(p as usize))
                                .map_or("(root)", |p| p.id.as_str());
                            let kind = collective_kind_name(&mut kind_names, s.collective_kind);
                            *entry.insert(groups.intern(&format!("{parent_id}/collectives/{kind}")))
                        }
                    }
                }
            };
            groups.of.push(Some(group));
        }
        groups
    }

    /// Applies the quota over every evaluated record; returns the groups, each record's
    /// group and the groups' reports.
    fn apply_quota(&mut self) -> QuotaApplied {
        let groups = self.quota_groups();
        let Some(options) = self.options.quota.clone() else {
            return QuotaApplied {
                report_of: vec![None; groups.names.len()],
                groups,
                reports: Vec::new(),
            };
        };
        // Undo an earlier application (the quota may run again after re-evaluation).
        for (summary, decision) in self.summaries.iter_mut().zip(
            self.decisions
                .iter_mut()
                .map(Some)
                .chain(std::iter::repeat_with(|| None)),
        ) {
            if let Some(s) = summary {
                if s.demoted {
                    s.level = Some(Level::Excellent);
                    s.demoted = false;
                }
                s.quota_rank = 0;
                s.tied_at_cut = false;
            }
            if let Some(Some(d)) = decision {
                if let Some(q) = d.quota.take() {
                    if q.demoted {
                        d.level = Some(Level::Excellent);
                    }
                    let rule = crate::graded::quota_rule(d.regime);
                    d.reasons.retain(|r| r.rule != rule);
                    d.needs_decision = d.reasons.iter().any(|r| r.effect == Effect::NeedsDecision);
                }
            }
        }
        // Records without a level are in no group's count: they are left out.
        let mut records: Vec<u32> = Vec::new();
        let entries: Vec<QuotaEntry<'_>> = self
            .summaries
            .iter()
            .zip(&groups.of)
            .enumerate()
            .filter_map(|(record, (s, g))| {
                let (s, group) = (s.as_ref()?, (*g)?);
                let level = if s.outcome == Outcome::Classified {
                    s.level?
                } else {
                    return None;
                };
                records.push(u32::try_from(record).unwrap_or(u32::MAX));
                Some(QuotaEntry {
                    group: group as usize,
                    id: &s.id,
                    level: Some(level),
                    score: s.score,
                    exceeded: s.tasks.0,
                    assigned: s.tasks.1,
                    regime: s.regime,
                })
            })
            .collect();
        let name_refs: Vec<&str> = groups.names.iter().map(String::as_str).collect();
        let plan = plan_quota(&entries, &name_refs, &options);
        drop(name_refs);
        drop(entries);
        for (verdict, record) in plan.verdicts.iter().zip(records) {
            let Some(verdict) = verdict else { continue };
            let Some(report) = plan.reports.get(verdict.report) else {
                continue;
            };
            if let Some(Some(s)) = self.summaries.get_mut(record as usize) {
                if !verdict.keeps {
                    s.level = Some(Level::Good);
                    s.demoted = true;
                }
                s.needs_decision |= verdict.tied;
                s.quota_rank = verdict.rank;
                s.tied_at_cut = verdict.tied;
            }
            if let Some(Some(d)) = self.decisions.get_mut(record as usize) {
                apply_verdict(d, verdict, report);
            }
        }
        let mut report_of = vec![None; groups.names.len()];
        for (index, report) in plan.reports.iter().enumerate() {
            if let Some(slot) = groups
                .find(&report.group)
                .and_then(|group| report_of.get_mut(group as usize))
            {
                *slot = Some(u32::try_from(index).unwrap_or(u32::MAX));
            }
        }
        QuotaApplied {
            groups,
            reports: plan.reports,
            report_of,
        }
    }

    /// Evaluates the tree and reports.
    pub fn finish(mut self) -> OrgResult {
        let roots = self.link();
        let preorder = self.preorder(&roots);
        self.evaluate_collectives(&preorder);
        let led = self.led_units();
        let headed = self.headed_units();
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

    fn report(mut self, preorder: &[u32], quota: QuotaApplied) -> OrgResult {
        let QuotaApplied {
            groups,
            reports: quota_reports,
            report_of,
        } = quota;
        let mut own: Vec<Tally> = vec![Tally::default(); self.units.len()];
        let mut demotions: Vec<Vec<Demotion>> = vec![Vec::new(); self.units.len()];
        let mut total = Tally::default();
        let mut group_tallies: Vec<Tally> = vec![Tally::default(); groups.names.len()];
        for (record, summary) in self.summaries.iter().enumerate() {
            let Some(s) = summary else { continue };
            if let Some(tally) = own.get_mut(s.unit as usize) {
                tally.add(s);
            }
            total.add(s);
            let group = groups.of.get(record).copied().flatten();
            if let Some(tally) = group.and_then(|g| group_tallies.get_mut(g as usize)) {
                tally.add(s);
            }
            if s.demoted {
                let report = group
                    .and_then(|g| report_of.get(g as usize).copied().flatten())
                    .and_then(|r| quota_reports.get(r as usize));
                if let Some(list) = demotions.get_mut(s.unit as usize) {
                    list.push(Demotion {
                        id: s.id.to_string(),
                        group: group
                            .and_then(|g| groups.names.get(g as usize))
                            .cloned()
                            .unwrap_or_default(),
                        e_max: report.map_or(0, |r| r.e_max),
                        // From the summary: kept even when decisions are not.
                        rank: s.quota_rank,
                        tied_at_cut: s.tied_at_cut,
                    });
                }
            }
        }
        for entry in &self.rejected {
            let unit = entry
                .unit
                .as_ref()
                .and_then(|u| self.unit_ids.get(u.as_str()))
                .copied();
            if entry.id.is_some() || entry.unit.is_none() {
                total.rejected += 1;
                if let Some(tally) = unit.and_then(|u| own.get_mut(u as usize)) {
                    tally.rejected += 1;
                }
            }
        }
        // Subtree figures: children before parents, each added into its parent in place.
        let mut subtree: Vec<Tally> = own.clone();
        for &unit in preorder.iter().rev() {
            let Some(parent) = self.units.get(unit as usize).and_then(|u| u.parent) else {
                continue;
            };
            let Some(child) = subtree.get_mut(unit as usize).map(std::mem::take) else {
                continue;
            };
            if let Some(p) = subtree.get_mut(parent as usize) {
                p.merge(&child);
            }
            if let Some(slot) = subtree.get_mut(unit as usize) {
                *slot = child;
            }
        }
        let mut percents = Percents::default();
        let empty = Tally::default();
        let mut units = Vec::with_capacity(preorder.len());
        for &unit in preorder {
            let Some(u) = self.units.get(unit as usize) else {
                continue;
            };
            let index = unit as usize;
            units.push(UnitReport {
                id: u.id.clone(),
                name: u.name.clone(),
                parent: u
                    .parent
                    .and_then(|p| self.units.get(p as usize))
                    .map(|p| p.id.clone()),
                depth: u.depth,
                rating: self.unit_rating(unit),
                own: own.get(index).unwrap_or(&empty).stats(&mut percents),
                subtree: subtree.get(index).unwrap_or(&empty).stats(&mut percents),
                demotions: demotions
                    .get_mut(index)
                    .map(std::mem::take)
                    .unwrap_or_default(),
            });
        }
        drop(own);
        drop(subtree);
        let mut group_of_report = vec![None; quota_reports.len()];
        for (group, report) in report_of.iter().enumerate() {
            if let Some(slot) = report.and_then(|r| group_of_report.get_mut(r as usize)) {
                *slot = Some(group);
            }
        }
        let groups: Vec<GroupReport> = quota_reports
            .into_iter()
            .zip(group_of_report)
            .map(|(quota, group)| GroupReport {
                quota,
                stats: group
                    .and_then(|g| group_tallies.get(g))
                    .unwrap_or(&empty)
                    .stats(&mut percents),
            })
            .collect();
        drop(group_tallies);
        let mut records = Vec::new();
        if self.options.keep_decisions {
            let mut decisions = std::mem::take(&mut self.decisions);
            for &unit in preorder {
                let Some(u) = self.units.get(unit as usize) else {
                    continue;
                };
                let mut ordered = u.records.clone();
                ordered.sort_by_key(|r| {
                    self.summaries
                        .get(*r as usize)
                        .and_then(|s| s.as_ref())
                        .map(|s| s.role)
                });
                for record in ordered {
                    let role = self
                        .summaries
                        .get(record as usize)
                        .and_then(|s| s.as_ref())
                        .map(|s| s.role);
                    if let (Some(role), Some(slot)) = (role, decisions.get_mut(record as usize)) {
                        if let Some(decision) = slot.take() {
                            records.push(OrgRecord {
                                unit: u.id.clone(),
                                role,
                                decision,
                            });
                        }
                    }
                }
            }
        }
        OrgResult {
            report: OrgReport {
                units,
                groups,
                total: total.stats(&mut percents),
                rejected: self.rejected,
            },
            records,
        }
    }
}

/// The quota groups of a tree: their names, and each record's group.
#[derive(Default)]
struct QuotaGroups {
    /// By group.
    names: Vec<String>,
    /// `(hash of the name, group)`, to find a group by its name.
    by_name: HashTable<(u64, u32)>,
    hasher: DefaultHashBuilder,
    /// By record (none for a rejected record).
    of: Vec<Option<u32>>,
}

impl QuotaGroups {
    /// The group of this name, added if new.
    fn intern(&mut self, name: &str) -> u32 {
        let hash = self.hasher.hash_one(name);
        let names = &self.names;
        match self.by_name.entry(
            hash,
            |&(h, g)| h == hash && names.get(g as usize).is_some_and(|n| n == name),
            |&(h, _)| h,
        ) {
            Entry::Occupied(entry) => entry.get().1,
            Entry::Vacant(entry) => {
                let group = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
                entry.insert((hash, group));
                self.names.push(name.to_owned());
                group
            }
        }
    }

    fn find(&self, name: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(name);
        self.by_name
            .find(hash, |&(h, g)| {
                h == hash && self.names.get(g as usize).is_some_and(|n| n == name)
            })
            .map(|&(_, group)| group)
    }
}

/// The quota as applied: the groups, their reports (sorted by name) and the report of
/// each group that has one.
struct QuotaApplied {
    groups: QuotaGroups,
    reports: Vec<GroupQuotaReport>,
    /// By group.
    report_of: Vec<Option<u32>>,
}

/// A collective kind's name as in JSON (`party_organisation`), found once per kind.
fn collective_kind_name(
    known: &mut Vec<(Option<CollectiveKind>, String)>,
    kind: Option<CollectiveKind>,
) -> String {
    if let Some((_, name)) = known.iter().find(|(k, _)| *k == kind) {
        return name.clone();
    }
    let name = kind
        .and_then(|k| serde_json::to_value(k).ok())
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    known.push((kind, name.clone()));
    name
}

#[derive(Deserialize)]
struct IdOnly {
    id: Option<String>,
}

/// Which QĐ 132 cap a record takes from the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CapKind {
    /// A leadership collective, by its organisation (`collective.organisation_level`).
    Leadership,
    /// A head, by what they head (`leader.headed_level`).
    Head,
}

/// A QĐ 132 record whose level is capped by another record's, kept to derive the cap
/// again when levels change (the quota) and to check a given cap against the final one.
struct Capped {
    pending: Pending,
    kind: CapKind,
    /// The leadership collective's unit, or the units the head heads.
    units: Vec<u32>,
    /// The cap given in the record.
    explicit: Option<Level>,
    /// The cap derived when last evaluated (`None`: nothing in the tree to derive from).
    derived: Option<Level>,
    /// The other facts derived for it (the leadership members'), shown with the cap.
    values: Values,
}

/// Level counts as people read them: `2 Xuất sắc, 6 Tốt, …`.
fn counts_text(counts: &LevelCounts, name: fn(Level) -> &'static str) -> String {
    [
        (counts.excellent, Level::Excellent),
        (counts.good, Level::Good),
        (counts.completed, Level::Completed),
        (counts.not_completed, Level::NotCompleted),
    ]
    .iter()
    .map(|&(n, level)| format!("{n} {}", name(level)))
    .collect::<Vec<_>>()
    .join(", ")
}

/// What the leadership collective takes from its members' records.
struct Person {
    id: String,
    discipline: Vec<Discipline>,
    degraded: bool,
}

/// Derives, from the leadership members' records, their discipline (as the collective's
/// member discipline) and, for the leadership collective itself, member degradation; a
/// contradicting explicit fact is a conflict.
fn derive_member_facts(
    collective: &mut ValidAssessment,
    people: &[Person],
    path: &str,
    with_degradation: bool,
) -> Result<Values, InputError> {
    let mut derived: Vec<Discipline> = Vec::new();
    for person in people {
        for record in &person.discipline {
            if counts_in(collective, record) {
                let mut copy = record.clone();
                copy.member_id = Some(person.id.clone());
                derived.push(copy);
            }
        }
    }
    // Explicit member discipline about the listed members must be what their records
    // say; explicit records about others (a member who left during the year) are facts
    // beyond the tree and stand.
    let listed = |d: &Discipline| {
        d.member_id
            .as_ref()
            .is_some_and(|m| people.iter().any(|p| &p.id == m))
    };
    let explicit: Vec<&Discipline> = collective.discipline.iter().filter(|d| listed(d)).collect();
    if !explicit.is_empty() {
        let key = |d: &Discipline| {
            (
                d.member_id.clone(),
                d.decided_on,
                format!("{:?}", d.form),
                d.duty_related,
                d.at_previous_unit,
            )
        };
        let mut a: Vec<_> = explicit.iter().map(|d| key(d)).collect();
        let mut b: Vec<_> = derived.iter().map(key).collect();
        a.sort();
        b.sort();
        if a != b {
            let discipline_path = format!("{path}/discipline");
            let names: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
            return Err(conflict(
                discipline_path.clone(),
                format!(
                    "Kỷ luật thành viên ghi ở `{discipline_path}` ({} quyết định) mâu thuẫn với hồ sơ của các thành viên {} ({} quyết định)",
                    a.len(),
                    names.join(", "),
                    b.len()
                ),
                format!(
                    "the member discipline written at `{discipline_path}` ({} decisions) contradicts the records of members {} ({} decisions)",
                    a.len(),
                    names.join(", "),
                    b.len()
                ),
            ));
        }
    }
    let count = u64::try_from(derived.len()).unwrap_or(u64::MAX);
    let mut values = Values::of(&[(Fact::MembersDisciplined, Value::Count(count))]);
    if with_degradation {
        let degraded = people.iter().any(|p| p.degraded);
        if let Some(explicit) = collective.conclusions.member_degradation {
            if explicit != degraded {
                let degradation_path = format!("{path}/conclusions/member_degradation");
                let names: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
                let (vi_found, en_found) = if degraded {
                    (
                        "có thành viên bị kết luận suy thoái",
                        "a member is concluded degraded",
                    )
                } else {
                    (
                        "không thành viên nào bị kết luận suy thoái",
                        "no member is concluded degraded",
                    )
                };
                return Err(conflict(
                    degradation_path.clone(),
                    format!("`{degradation_path}` = {explicit} mâu thuẫn với hồ sơ các thành viên ({}): {vi_found}", names.join(", ")),
                    format!("`{degradation_path}` = {explicit} contradicts the members' records ({}): {en_found}", names.join(", ")),
                ));
            }
        }
        collective.conclusions.member_degradation = Some(degraded);
        values.push(Fact::MemberDegradation, Value::Flag(degraded));
    }
    if explicit.is_empty() {
        collective.discipline.extend(derived);
    }
    Ok(values)
}

/// Decodes one unit (its records stay raw), locating a structural error by path.
fn decode_unit(text: &str) -> Result<UnitInput, InputErrors> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let decoded =
        crate::decode::decode_reporting_unknown(&mut deserializer, crate::decode::is_json_syntax);
    let unit = match decoded.assessment {
        Some(unit) if decoded.errors.is_empty() => unit,
        _ => return Err(InputErrors(decoded.errors)),
    };
    deserializer.end().map_err(|error| {
        InputErrors::one(crate::decode::structural_error(
            &error.to_string(),
            String::new(),
            true,
        ))
    })?;
    Ok(unit)
}

/// Evaluates a nested tree given as JSON text. Fails as a whole only when the text is not
/// a readable unit; bad records and units are reported in the result.
pub fn evaluate_tree_json(json: &str, options: OrgOptions) -> Result<OrgResult, InputErrors> {
    if json.len() > MAX_TREE_BYTES {
        return Err(InputErrors::one(InputError::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "Cây dài {} byte, vượt giới hạn {MAX_TREE_BYTES}; hãy dùng JSON Lines các đơn vị",
                json.len()
            ),
            format!(
                "the tree is {} bytes, over the limit of {MAX_TREE_BYTES}; use JSON Lines of units",
                json.len()
            ),
        )));
    }
    let root = decode_unit(json)?;
    let mut evaluator = OrgEvaluator::new(options);
    evaluator.add_tree(root);
    Ok(evaluator.finish())
}

/// Evaluates JSON Lines of units (one unit per non-blank line, each naming its parent).
pub fn evaluate_unit_lines(text: &str, options: OrgOptions) -> OrgResult {
    let mut evaluator = OrgEvaluator::new(options);
    for (line, content) in text.lines().enumerate() {
        if !content.trim().is_empty() {
            evaluator.add_unit_line(line, content);
        }
    }
    evaluator.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str) -> String {
        format!(
            r#"{{"id":"{id}","period":{{"year":2025}},"subject":{{"kind":"member"}},"score":{{"general":25,"task_results":55}},"tasks":{{"assigned":10,"completed":10,"on_time":10,"exceeded":1}}}}"#
        )
    }

    #[test]
    fn every_unknown_unit_field_is_reported_with_its_path() {
        let tree = r#"{"id":"u","nmae":"x","units":[{"id":"v","bogus":1}]}"#;
        let errors = evaluate_tree_json(tree, OrgOptions::default())
            .err()
            .map(|e| e.0)
            .unwrap_or_default();
        let paths: Vec<(ErrorCode, &str)> =
            errors.iter().map(|e| (e.code, e.path.as_str())).collect();
        assert_eq!(
            paths,
            [
                (ErrorCode::UnknownField, "/nmae"),
                (ErrorCode::UnknownField, "/units/0/bogus")
            ]
        );
    }

    #[test]
    fn a_bad_record_is_reported_and_the_rest_evaluated() {
        let tree = format!(
            r#"{{"id":"u","members":[{},{{"id":"bad","period":{{"year":2025}},"subject":{{"kind":"member"}},"scroe":1}}]}}"#,
            member("good")
        );
        let result =
            evaluate_tree_json(&tree, OrgOptions::default()).unwrap_or_else(|_| OrgResult {
                report: OrgReport {
                    units: vec![],
                    groups: vec![],
                    total: Stats::default(),
                    rejected: vec![],
                },
                records: vec![],
            });
        assert_eq!(result.records.len(), 1);
        let rejected = result.report.rejected.first().map(|r| {
            (
                r.id.clone(),
                r.errors.iter().map(|e| e.path.clone()).collect::<Vec<_>>(),
            )
        });
        assert_eq!(
            rejected,
            Some((
                Some("bad".to_owned()),
                vec![
                    "/members/1/scroe".to_owned(),
                    "/members/1/score".to_owned(),
                    "/members/1/tasks".to_owned()
                ]
            ))
        );
    }

    #[test]
    fn a_unit_line_whose_parent_is_missing_is_evaluated_as_a_root() {
        let lines = format!(
            r#"{{"id":"a","parent":"nowhere","members":[{}]}}"#,
            member("m")
        );
        let result = evaluate_unit_lines(&lines, OrgOptions::default());
        assert_eq!(result.records.len(), 1);
        assert_eq!(
            result
                .report
                .rejected
                .first()
                .map(|r| r.errors.first().map(|e| e.path.clone())),
            Some(Some("/parent".to_owned()))
        );
        let nested = r#"{"id":"a","parent":"x","units":[{"id":"b"}]}"#;
        let result = evaluate_unit_lines(nested, OrgOptions::default());
        assert_eq!(
            result
                .report
                .rejected
                .first()
                .and_then(|r| r.errors.first())
                .map(|e| e.code),
            Some(ErrorCode::NotApplicable)
        );
    }

    fn rejected_paths(result: &OrgResult) -> Vec<(Option<String>, Vec<String>)> {
        result
            .report
            .rejected
            .iter()
            .map(|r| {
                (
                    r.id.clone(),
                    r.errors.iter().map(|e| e.path.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_record_id_used_twice_in_one_unit_is_rejected() {
        let lines = format!(
            r#"{{"id":"u","members":[{},{},{}]}}"#,
            member("a"),
            member("b"),
            member("a")
        );
        let result = evaluate_unit_lines(&lines, OrgOptions::default());
        assert_eq!(result.records.len(), 2);
        assert_eq!(
            rejected_paths(&result),
            [(Some("a".to_owned()), vec!["/members/2/id".to_owned()])]
        );
    }

    #[test]
    fn a_line_read_in_one_pass_and_one_read_record_by_record_give_the_same_result() {
        // Past the record limit, a line is read record by record (each record's own
        // length is checked); spaces between its tokens change nothing else.
        let compact = format!(
            r#"{{"id":"u","leaders":[{}],"members":[{},{},{{"id":"bad","period":{{"year":2025}},"subject":{{"kind":"member"}},"score":{{"general":99,"task_results":55}}}}]}}"#,
            member("l").replace(r#""kind":"member""#, r#""kind":"leader""#),
            member("a"),
            member("b")
        );
        let padded = compact.replacen(',', &format!(",{}", " ".repeat(MAX_RECORD_BYTES)), 1);
        assert!(compact.len() <= MAX_RECORD_BYTES && padded.len() > MAX_RECORD_BYTES);
        let fast = evaluate_unit_lines(&compact, OrgOptions::default());
        let slow = evaluate_unit_lines(&padded, OrgOptions::default());
        assert_eq!(fast.records.len(), 3);
        assert_eq!(rejected_paths(&fast).len(), 1);
        assert_eq!(fast, slow);
    }

    /// A 2025 record written with both points and grades.
    fn both(id: &str, subject: &str, task_results: &str, score: (u32, u32)) -> String {
        format!(
            r#"{{"id":"{id}","period":{{"year":2025}},"subject":{subject},"score":{{"general":{},"task_results":{}}},"grades":{{"criteria":{{"politics":"good","ethics":"good"}},"task_results":"{task_results}"}},"tasks":{{"assigned":10,"completed":10,"on_time":10,"exceeded":3}}}}"#,
            score.0, score.1
        )
    }

    #[test]
    fn a_comparison_evaluates_every_record_under_one_regime_with_its_tree_facts() {
        let member = r#"{"kind":"member"}"#;
        let tree = format!(
            r#"{{"id":"u","organisation":{},"leadership":{},"members":[{},{},{},{}]}}"#,
            both(
                "o",
                r#"{"kind":"collective","collective_kind":"party_organisation"}"#,
                "excellent",
                (29, 66)
            ),
            both(
                "l",
                r#"{"kind":"collective","collective_kind":"leadership"}"#,
                "excellent",
                (29, 66)
            ),
            both("m1", member, "good", (26, 58)),
            both("m2", member, "good", (26, 58)),
            both("m3", member, "good", (26, 58)),
            both("m4", member, "average", (22, 45)),
        );
        // As written, a 2025 record is under QĐ 366, where grades are another regime's.
        let as_written = evaluate_tree_json(&tree, OrgOptions::default()).ok();
        let mismatches = as_written.map_or(0, |r| {
            r.report
                .rejected
                .iter()
                .flat_map(|e| &e.errors)
                .filter(|e| e.code == ErrorCode::RegimeFieldMismatch)
                .count()
        });
        assert_eq!(mismatches, 6);
        let options = OrgOptions {
            regime: Some(RegimeId::Qd132),
            grades_from_points: None,
            quota: None,
            ..OrgOptions::default()
        };
        let result = evaluate_tree_json(&tree, options).ok();
        let records = result.map(|r| r.records).unwrap_or_default();
        assert_eq!(records.len(), 6);
        assert!(records.iter().all(|r| r.decision.regime == RegimeId::Qd132
            && r.decision.regime_selection == crate::regime::RegimeSelection::Comparison));
        let decision = |id: &str| {
            records
                .iter()
                .find(|r| r.decision.id == id)
                .map(|r| &r.decision)
        };
        // 3 of 4 members Good: 75% < 80%, so the organisation is Good, and caps its
        // leadership collective at Good.
        let organisation = decision("o");
        let derived = organisation
            .and_then(|d| d.reasons.iter().find(|r| r.rule == Rule::Qd132DerivedFact))
            .map(|r| {
                (
                    r.values.get(Fact::UnitsCounted),
                    r.values.get(Fact::AtLeastGood),
                )
            });
        assert_eq!(
            derived,
            Some((Some(Value::Count(4)), Some(Value::Count(3))))
        );
        assert_eq!(organisation.and_then(|d| d.level), Some(Level::Good));
        let leadership = decision("l");
        assert_eq!(leadership.and_then(|d| d.level), Some(Level::Good));
        assert!(leadership.is_some_and(|d| d
            .reasons
            .iter()
            .any(|r| r.rule == Rule::Qd132LcCap && r.holds)));
    }

    #[test]
    fn an_unknown_field_in_a_line_is_reported_with_its_path() {
        let lines = format!(
            r#"{{"id":"u","members":[{},{{"id":"bad","period":{{"year":2025,"quater":1}},"subject":{{"kind":"member"}}}}]}}"#,
            member("good")
        );
        let result = evaluate_unit_lines(&lines, OrgOptions::default());
        assert_eq!(result.records.len(), 1);
        assert_eq!(
            rejected_paths(&result)
                .first()
                .map(|(id, paths)| (id.clone(), paths.first().cloned())),
            Some((
                Some("bad".to_owned()),
                Some("/members/1/period/quater".to_owned())
            ))
        );
    }
}
