//! The assessment record as it travels in JSON (`spec/contract.md`, version 1).
//!
//! These types only carry the shape. Validation (`intake::validate`) turns an
//! [`Assessment`] into a validated record with exact points and dates, reporting every
//! problem at once. Unknown fields are caught by the decoder (`intake::decode`), which
//! reports each one with its path; deserializing these types directly with serde skips
//! that check.

use crate::contract::conduct::ConductScope;
use crate::contract::criteria::CriteriaProfile;
use crate::contract::level::Level;
use crate::contract::state::{
    DisciplineKind, Employment, LeaveKind, ManagedUnits, Nd90Criteria, Rating, StatePeriodInput,
    StateRatingInput, UnitTargetsInput,
};
use crate::contract::subject::{CollectiveKind, PartyStatus, SubjectKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Not;

/// Version of the interchange contract these types implement.
pub const CONTRACT_VERSION: u32 = 1;

/// One assessment: a subject, a period and the facts of that period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Assessment {
    /// `party` (default) or `state` (`spec/state-regimes.md`): which rating this is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// The caller's id, echoed in the decision.
    pub id: String,
    /// The period evaluated.
    pub period: PeriodInput,
    /// Evaluation day (`YYYY-MM-DD`); default the period's last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// `qd366`, `qd124` or `qd132` (a state record: `nd90`, `nd335`, `nd233`); default the
    /// regime in force on the period's last day (a state record: by the rating year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regime: Option<String>,
    /// Who is assessed.
    pub subject: SubjectInput,
    /// QĐ 366 points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<ScoreInput>,
    /// QĐ 124 and QĐ 132: criterion grades instead of points (`docs/regimes.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grades: Option<GradesInput>,
    /// QĐ 132: the level as a cadre, civil servant or public employee, if rated as one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub civil_service_level: Option<Level>,
    /// Task counts: own tasks for a member; the unit(s) led for a leader or a collective.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<TasksInput>,
    /// Shortcomings identified at the previous review, and how many are fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcomings: Option<ShortcomingsInput>,
    /// Sick and maternity leave in the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leave: Option<LeaveInput>,
    /// Discipline records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discipline: Vec<DisciplineInput>,
    /// Conclusions of the competent level.
    #[serde(default, skip_serializing_if = "Conclusions::is_empty")]
    pub conclusions: Conclusions,
    /// Facts for a leader's triggers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<LeaderInput>,
    /// Facts for a collective's conditions and triggers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collective: Option<CollectiveInput>,
    /// Mitigation claimed.
    #[serde(default, skip_serializing_if = "Mitigation::is_empty")]
    pub mitigation: Mitigation,
    /// State of the procedure.
    #[serde(default, skip_serializing_if = "Procedure::is_empty")]
    pub procedure: Procedure,
    /// Group for the Excellent quota.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota_group: Option<String>,
    /// Answers to the conduct checklist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conduct: Option<ConductInput>,
    /// State records: the agency, for the quota per agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// State records under ND 335 and ND 233: the months or quarters of the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periods: Option<Vec<StatePeriodInput>>,
    /// State records under ND 90: the general criteria graded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Nd90Criteria>,
    /// State records under ND 90, leaders: the targets of the unit led.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitTargetsInput>,
    /// State records under ND 90, leaders: the levels of the units managed directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_units: Option<ManagedUnits>,
    /// A state agency record: the level the competent level gave the agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_level: Option<Level>,
    /// Party records: the person's state rating of the same year (`spec/state-regimes.md` §4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_rating: Option<StateRatingInput>,
}

/// `{year}`, `{year, quarter}` or `{from, to}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PeriodInput {
    /// Calendar year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Quarter 1–4 of `year`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u32>,
    /// First day (`YYYY-MM-DD`), with `to`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day (`YYYY-MM-DD`), with `from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// Who is assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SubjectInput {
    /// `member`, `leader` or `collective`.
    pub kind: SubjectKind,
    /// Member only: false for a party member outside the political system (PL 5). Default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_political_system: Option<bool>,
    /// Leader only: true for a cadre managed by the Central Committee, Politburo or Secretariat (PL 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub centrally_managed: Option<bool>,
    /// Collective only: its sub-kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collective_kind: Option<CollectiveKind>,
    /// Individual only; default `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_status: Option<PartyStatus>,
    /// State records: `cong_chuc`, `vien_chuc` or `can_bo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<Employment>,
    /// State records, viên chức in 2026: `false` when the unit had no evaluation
    /// regulation of its own by 30/11/2026 (ND 233 Art. 20.1: rated under ND 90).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_regulation: Option<bool>,
    /// Individual only: the day of admission to the party (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admitted_on: Option<String>,
    /// Collective only: the day it was established (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub established_on: Option<String>,
    /// Individual only: temporary party activity at another chi bộ (HD 43 §7.6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temporary_activity: Option<TemporaryActivity>,
}

/// Temporary party activity at another chi bộ (sinh hoạt đảng tạm thời).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TemporaryActivity {
    /// The chi bộ of temporary activity.
    pub unit: String,
    /// Whether its written comment was received.
    #[serde(default)]
    pub comment_received: bool,
}

/// QĐ 366 points: the general criteria (0–30) and task results (0–70), at most two
/// decimals; or the points of each criteria item (`items`) under a criteria `profile`,
/// from which the two totals are derived (`docs/criteria-profiles.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ScoreInput {
    /// General criteria, 0–30. With `items`, optional; if given, it must equal the derived total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<serde_json::Number>,
    /// Task results, 0–70. With `items`, optional; if given, it must equal the derived total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_results: Option<serde_json::Number>,
    /// Points per criteria item id (`pl4.general.1`), under `profile`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<BTreeMap<String, serde_json::Number>>,
    /// The criteria profile of `items`: a shipped profile's id, or the profile itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<ProfileChoice>,
}

impl ScoreInput {
    /// The two group totals, without items.
    pub fn points(general: serde_json::Number, task_results: serde_json::Number) -> ScoreInput {
        ScoreInput {
            general: Some(general),
            task_results: Some(task_results),
            items: None,
            profile: None,
        }
    }
}

/// A criterion grade (QĐ 124, QĐ 132): Xuất sắc, Tốt, Trung bình, Kém. Ordered from lowest.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Kém.
    Poor,
    /// Trung bình.
    Average,
    /// Tốt.
    Good,
    /// Xuất sắc.
    Excellent,
}

impl Grade {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Poor => "poor",
            Grade::Average => "average",
            Grade::Good => "good",
            Grade::Excellent => "excellent",
        }
    }

    /// The Vietnamese name.
    pub fn vi(self) -> &'static str {
        match self {
            Grade::Poor => "Kém",
            Grade::Average => "Trung bình",
            Grade::Good => "Tốt",
            Grade::Excellent => "Xuất sắc",
        }
    }

    /// The English name.
    pub fn en(self) -> &'static str {
        match self {
            Grade::Poor => "Poor",
            Grade::Average => "Average",
            Grade::Good => "Good",
            Grade::Excellent => "Excellent",
        }
    }
}

/// Criterion grades (QĐ 124, QĐ 132): each criterion other than task results by the
/// caller's id, and the task-results criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct GradesInput {
    /// The grade of each criterion other than task results (1–32 entries).
    pub criteria: BTreeMap<String, Grade>,
    /// The grade of the task-results criterion ("task criteria" in HD 21).
    pub task_results: Grade,
}

/// How many records of a unit, or subordinate units, were rated at each level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LevelCounts {
    /// Rated Excellent.
    #[serde(default)]
    pub excellent: u32,
    /// Rated Good.
    #[serde(default)]
    pub good: u32,
    /// Rated Completed.
    #[serde(default)]
    pub completed: u32,
    /// Rated Not completed.
    #[serde(default)]
    pub not_completed: u32,
}

impl LevelCounts {
    /// All of them.
    pub fn total(&self) -> u64 {
        u64::from(self.excellent)
            + u64::from(self.good)
            + u64::from(self.completed)
            + u64::from(self.not_completed)
    }

    /// Those rated `level` or better.
    pub fn at_least(&self, level: Level) -> u64 {
        let mut sum = u64::from(self.excellent);
        if level <= Level::Good {
            sum += u64::from(self.good);
        }
        if level <= Level::Completed {
            sum += u64::from(self.completed);
        }
        if level <= Level::NotCompleted {
            sum += u64::from(self.not_completed);
        }
        sum
    }

    /// Counts one more at `level`.
    pub fn add(&mut self, level: Level) {
        let slot = match level {
            Level::Excellent => &mut self.excellent,
            Level::Good => &mut self.good,
            Level::Completed => &mut self.completed,
            Level::NotCompleted => &mut self.not_completed,
        };
        *slot = slot.saturating_add(1);
    }
}

/// A criteria profile: by the id of a shipped one, or given in full.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ProfileChoice {
    /// The id of a shipped profile (`cadre_eval::criteria::SHIPPED_PROFILE_IDS`).
    Shipped(String),
    /// A profile set by a superior committee.
    Given(Box<CriteriaProfile>),
}

/// A text (the id) or an object (the profile), nothing else: serde's derived untagged
/// form buffers the value and so read a profile written as an array past the
/// objects-only reader (issue 16); the object is read here from the reader's own map.
impl<'de> Deserialize<'de> for ProfileChoice {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Choice;
        impl<'de> serde::de::Visitor<'de> for Choice {
            type Value = ProfileChoice;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a profile id or a profile object")
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<ProfileChoice, E> {
                Ok(ProfileChoice::Shipped(id.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, id: String) -> Result<ProfileChoice, E> {
                Ok(ProfileChoice::Shipped(id))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<ProfileChoice, A::Error> {
                CriteriaProfile::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|profile| ProfileChoice::Given(Box::new(profile)))
            }
        }
        deserializer.deserialize_any(Choice)
    }
}

/// Answers to the conduct checklist (`spec/conduct.md`): self-reported, one per item of
/// the catalogue that applies to the subject; an item without an answer is unanswered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ConductInput {
    /// Who the person is, for which items apply; default: the subject's kind with no
    /// post beyond it (a leader holds a leadership post).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<ConductScope>,
    /// Answers by item id (`q37.gifts`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, ConductAnswer>,
}

/// One checklist answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ConductAnswer {
    /// `complied`, `shortcoming` (a lapse, remedied or minor) or `breach`.
    pub answer: ConductAnswerKind,
    /// For an exemplary-conduct item: the breach harmed the prestige of self or unit.
    #[serde(default, skip_serializing_if = "Not::not")]
    pub harmed_prestige: bool,
    /// A short note of evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// A checklist answer's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConductAnswerKind {
    /// Complied.
    Complied,
    /// A lapse, remedied or minor: a soft finding.
    Shortcoming,
    /// A breach.
    Breach,
}

/// Task counts for the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TasksInput {
    /// Tasks assigned (`n`).
    pub assigned: u32,
    /// Tasks completed (`c`).
    pub completed: u32,
    /// Completed on time with the required quality (`o`).
    pub on_time: u32,
    /// Completed above requirement (`x`).
    pub exceeded: u32,
    /// Rated not completed (`f`); default `assigned − completed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_completed: Option<u32>,
    /// State records under ND 90: tasks not on schedule, quality or efficiency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poor: Option<u32>,
}

/// Shortcomings identified at the previous review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ShortcomingsInput {
    /// How many were identified.
    pub identified: u32,
    /// How many of them are fixed.
    pub fixed: u32,
}

/// Leave in the period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LeaveInput {
    /// Months of sick leave (at most two decimals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sick_months: Option<serde_json::Number>,
    /// Maternity leave in the period.
    #[serde(default, skip_serializing_if = "Not::not")]
    pub maternity: bool,
    /// State records: months actually worked in the year; default `12 − months_absent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_worked: Option<serde_json::Number>,
    /// State records: months of leave in the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_absent: Option<serde_json::Number>,
    /// State records: the kind of the (main) leave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<LeaveKind>,
}

/// A form of party discipline (QĐ 69-QĐ/TW).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DisciplineForm {
    /// Khiển trách.
    Reprimand,
    /// Cảnh cáo.
    Warning,
    /// Cách chức (individuals).
    Removal,
    /// Khai trừ (individuals).
    Expulsion,
    /// Giải tán (organisations).
    Dissolution,
    /// Administrative discipline: hạ bậc lương (salary downgrade).
    SalaryDowngrade,
    /// Administrative discipline: giáng chức (demotion).
    Demotion,
    /// Administrative discipline: buộc thôi việc (dismissal).
    Dismissal,
}

/// One discipline decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DisciplineInput {
    /// The form of discipline.
    pub form: DisciplineForm,
    /// The day it was decided (`YYYY-MM-DD`).
    pub decided_on: String,
    /// Whether the violation is tied to official duties; default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duty_related: Option<bool>,
    /// The violation happened at the subject's previous unit.
    #[serde(default, skip_serializing_if = "Not::not")]
    pub at_previous_unit: bool,
    /// Already counted in an earlier period (one violation is counted once).
    #[serde(default, skip_serializing_if = "Not::not")]
    pub counted_before: bool,
    /// For a collective: the member of the collective who was disciplined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_id: Option<String>,
    /// State records: `party` (default) or `administrative` discipline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DisciplineKind>,
}

/// Conclusions of the competent level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Conclusions {
    /// Concluded to show degradation (suy thoái, "tự diễn biến", "tự chuyển hoá").
    #[serde(default, skip_serializing_if = "Not::not")]
    pub degradation: bool,
    /// Breached the things party members must not do.
    #[serde(default, skip_serializing_if = "Not::not")]
    pub prohibition_breach: bool,
    /// Breached the exemplary-conduct rules, harming the prestige of self or unit.
    #[serde(default, skip_serializing_if = "Not::not")]
    pub exemplary_breach: bool,
    /// Leadership collective: violations in cadre work, disunity, factionalism, buying posts.
    #[serde(default, skip_serializing_if = "Not::not")]
    pub cadre_work_violation: bool,
    /// QĐ 124, any collective; QĐ 132, leadership collective: disunity concluded (mất
    /// đoàn kết).
    #[serde(default, skip_serializing_if = "Not::not")]
    pub disunity: bool,
    /// Leadership collective: a member concluded to show degradation. Absent and `false`
    /// differ in an organisation tree: `false` states that no member is degraded, and
    /// must agree with the members' records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_degradation: Option<bool>,
}

impl Conclusions {
    /// Whether a member of the leadership collective is concluded degraded.
    pub fn member_degraded(&self) -> bool {
        self.member_degradation == Some(true)
    }

    /// No conclusion stated.
    pub fn is_empty(&self) -> bool {
        *self == Conclusions::default()
    }
}

/// A confidence vote held in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ConfidenceVote {
    /// Low-confidence votes.
    pub low: u32,
    /// Votes cast.
    pub total: u32,
}

/// Units a leader is responsible for, and how many were rated Not completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct UnitsInCharge {
    /// Units in the leader's charge (`m`).
    pub total: u32,
    /// Of them, rated Not completed (`k`).
    pub not_completed: u32,
}

/// The five basic socio-economic targets (growth, budget revenue, public-investment
/// disbursement, income per head, poverty reduction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BasicTargets {
    /// Whether the targets apply to this post or unit.
    pub applicable: bool,
    /// How many of the five were missed.
    pub missed: u32,
}

/// Facts for a leader's triggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LeaderInput {
    /// A confidence vote held in the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_vote: Option<ConfidenceVote>,
    /// Units in the leader's charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units_in_charge: Option<UnitsInCharge>,
    /// The five basic targets of the unit(s) led.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_targets: Option<BasicTargets>,
    /// Corruption, waste or negativity under direct management, and disciplined.
    #[serde(default, skip_serializing_if = "Not::not")]
    pub scope_corruption_disciplined: bool,
    /// QĐ 124, QĐ 132: the main targets of the unit(s) led were missed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_targets_missed: Option<bool>,
    /// QĐ 132, a head: the level of the collective or organisation headed (the cap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headed_level: Option<Level>,
}

/// Facts for a collective's conditions and triggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CollectiveInput {
    /// Subordinate units disciplined in the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subordinate_units_disciplined: Option<u32>,
    /// The five basic targets of the locality or unit led.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_targets: Option<BasicTargets>,
    /// QĐ 124: how many subordinate units there are (for "over 20% disciplined").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subordinate_units: Option<u32>,
    /// QĐ 124, QĐ 132: the main targets of the year were missed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_targets_missed: Option<bool>,
    /// QĐ 132, a chi bộ: its members by level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_levels: Option<LevelCounts>,
    /// QĐ 132, a đảng bộ: its subordinate party organisations by level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subordinate_levels: Option<LevelCounts>,
    /// QĐ 132: the government, Fatherland Front and mass organisations of the same
    /// level are all rated Good or better.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_level_bodies_good: Option<bool>,
    /// QĐ 132, a leadership collective: the level of the organisation it leads (the cap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_level: Option<Level>,
}

/// Mitigation claimed (rules-qd366 §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Mitigation {
    /// The violation was detected by the subject itself and remedied in time.
    #[serde(default, skip_serializing_if = "Not::not")]
    pub self_detected_and_remedied: bool,
    /// Force majeure (for a leadership collective's plan trigger).
    #[serde(default, skip_serializing_if = "Not::not")]
    pub force_majeure: bool,
}

impl Mitigation {
    /// Nothing claimed.
    pub fn is_empty(&self) -> bool {
        *self == Mitigation::default()
    }
}

/// State of the procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Procedure {
    /// Complaints, denunciations or signs of violations not yet checked.
    #[serde(default, skip_serializing_if = "Not::not")]
    pub open_complaints: bool,
}

impl Procedure {
    /// Nothing stated.
    pub fn is_empty(&self) -> bool {
        *self == Procedure::default()
    }
}
