//! The validated assessment: exact points, real dates, resolved defaults.
//!
//! Only [`crate::validate`] builds these, so evaluation never sees an inconsistent
//! record and never needs to fail.

use crate::contract::assessment::{
    CollectiveInput, Conclusions, ConductAnswerKind, DisciplineForm, Grade, LeaderInput,
    Mitigation, Procedure, TemporaryActivity,
};
use crate::contract::conduct::ConductScope;
use crate::contract::criteria::ProfileReference;
use crate::contract::level::Level;
use crate::contract::regime::{RegimeId, RegimeSelection};
use crate::contract::state::{
    CriterionGrade, DisciplineKind, Employment, LeaveKind, ManagedUnits, PeriodKind, Rating,
    StateLevel, StateRatingSource,
};
use crate::contract::subject::{CollectiveKind, PartyStatus, SubjectKind};
use crate::dates::Span;
use crate::points::Points;
use chrono::NaiveDate;

/// A validated assessment, ready to evaluate.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidAssessment {
    // INVARIANT: built by `intake::validate` (and, from a valid one, by the plans of
    // `analysis::change`, which move values only within their ranges): every limit of
    // `contract::limits` holds, only the fields `regime` reads are set, and `score`,
    // `grades` (QĐ 124, QĐ 132) and `tasks` are present unless the subject is not
    // classified. The regimes rely on it and never re-check.
    /// The caller's id.
    pub id: String,
    /// The period evaluated.
    pub period: Span,
    /// The evaluation day.
    pub as_of: NaiveDate,
    /// The regime applied.
    pub regime: RegimeId,
    /// Who is assessed.
    pub subject: Subject,
    /// How the regime was chosen.
    pub regime_selection: RegimeSelection,
    /// Points; absent only for a subject that is not classified.
    pub score: Option<Score>,
    /// Criterion grades (QĐ 124, QĐ 132); absent only for a subject that is not
    /// classified, or under QĐ 366.
    pub grades: Option<Grades>,
    /// The grades were mapped from QĐ 366 points (a comparison's chosen mapping).
    pub grades_mapped: bool,
    /// QĐ 132: the level as a civil servant, if rated as one.
    pub civil_service_level: Option<Level>,
    /// Task counts; absent only for a subject that is not classified.
    pub tasks: Option<Tasks>,
    /// Shortcomings from the previous review.
    pub shortcomings: Shortcomings,
    /// Leave in the period.
    pub leave: Leave,
    /// Discipline records.
    pub discipline: Vec<Discipline>,
    /// Conclusions of the competent level.
    pub conclusions: Conclusions,
    /// Leader facts (defaults when absent).
    pub leader: LeaderInput,
    /// Collective facts (defaults when absent).
    pub collective: CollectiveInput,
    /// Mitigation claimed.
    pub mitigation: Mitigation,
    /// Procedure state.
    pub procedure: Procedure,
    /// Quota group.
    pub quota_group: Option<String>,
    /// The criteria profile the points were derived from, if any.
    pub profile: Option<ProfileReference>,
    /// Who the person is for the conduct checklist, when answered.
    pub conduct_scope: Option<ConductScope>,
    /// The conduct checklist answers, by catalogue item.
    pub conduct: Vec<ConductFinding>,
    /// `party` or `state`.
    pub rating: Rating,
    /// A state record's facts (`spec/state-regimes.md`); `None` for a party record.
    pub state: Option<Box<StateFacts>>,
    /// A party record: the state rating it reads (given, or computed in the same call).
    pub state_rating: Option<StateRatingRead>,
}

/// The state rating a party record reads (`spec/state-regimes.md` §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateRatingRead {
    /// The state regime, if known.
    pub regime: Option<RegimeId>,
    /// The rating year.
    pub year: i32,
    /// The level, or not classified.
    pub level: StateLevel,
    /// Given in the record, or computed in the same call.
    pub source: StateRatingSource,
    /// The person's employment, when computed from a state record.
    pub employment: Option<Employment>,
}

/// A state record's facts, validated (`spec/state-regimes.md` §6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateFacts {
    // INVARIANT: built by `intake::validate::state`: `periods` is non-empty, of one kind,
    // without repeats, under `nd335` and `nd233` (unless the subject is not classified
    // for a reason settled first); `criteria` and the person's `tasks` are present under
    // `nd90` (same exception); every number is within its range.
    /// The subject's employment; `None` for an agency record.
    pub employment: Option<Employment>,
    /// Viên chức in 2026: whether the unit had its own regulation (as given).
    pub unit_regulation: Option<bool>,
    /// A cán bộ from 2026: no state regime rates them (`state.none`); `regime` is then
    /// only the placeholder `nd335` and is never shown.
    pub no_regime: bool,
    /// Under `nd90`: ND 48's amendments apply (rated on or after 15/9/2023).
    pub nd48: bool,
    /// Months actually worked in the year (hundredths of a month).
    pub months_worked: Points,
    /// Months of leave in the year.
    pub months_absent: Points,
    /// The kind of the leave, when any.
    pub leave_kind: Option<LeaveKind>,
    /// `month` or `quarter`, when periods are given.
    pub period_kind: Option<PeriodKind>,
    /// The periods, in input order.
    pub periods: Vec<StatePeriod>,
    /// ND 90's criteria: clauses 1–4, and 5.a for the leader pattern.
    pub criteria: Option<Nd90Grades>,
    /// ND 90: the person's tasks not on schedule, quality or efficiency.
    pub poor: u32,
    /// ND 90, leader pattern: the unit's targets.
    pub unit: Option<Tasks>,
    /// ND 90, leader pattern: the directly managed units' levels (none: 0 of 0).
    pub managed_units: Option<ManagedUnits>,
    /// The agency for the quota (default `(agency)`).
    pub agency: Option<String>,
    /// An agency record: the level its competent level gave it.
    pub unit_level: Option<Level>,
}

impl StateFacts {
    /// The agency name the quota uses.
    pub fn agency_name(&self) -> &str {
        self.agency.as_deref().unwrap_or(DEFAULT_AGENCY)
    }
}

/// The agency of a state record that names none, in a flat batch.
pub const DEFAULT_AGENCY: &str = "(agency)";

/// ND 90's criteria grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nd90Grades {
    /// Clauses 1–4.
    pub general: [CriterionGrade; 4],
    /// Clause 5.a, for the leader pattern.
    pub leading: Option<CriterionGrade>,
}

impl Nd90Grades {
    /// Every graded clause with its name (`1`–`4`, `5a`).
    pub fn all(&self) -> impl Iterator<Item = (&'static str, CriterionGrade)> + '_ {
        ["1", "2", "3", "4"]
            .into_iter()
            .zip(self.general)
            .chain(self.leading.map(|g| ("5a", g)))
    }
}

/// A month or a quarter of the rating year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKey {
    /// A month, 1–12.
    Month(u8),
    /// A quarter, 1–4.
    Quarter(u8),
}

impl PeriodKey {
    /// Month or quarter.
    pub fn kind(self) -> PeriodKind {
        match self {
            PeriodKey::Month(_) => PeriodKind::Month,
            PeriodKey::Quarter(_) => PeriodKind::Quarter,
        }
    }

    /// The month's or quarter's number.
    pub fn number(self) -> u8 {
        match self {
            PeriodKey::Month(n) | PeriodKey::Quarter(n) => n,
        }
    }
}

/// One period of a state record, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatePeriod {
    /// Which month or quarter.
    pub key: PeriodKey,
    /// Its work, or `None` when no work was assigned (left out of the mean).
    pub work: Option<PeriodWork>,
}

/// A period with assigned work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodWork {
    /// General criteria `G_p`, 0–30.
    pub general: Points,
    /// Task results: given, or from a product list.
    pub results: TaskResults,
}

/// How a period's task results are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskResults {
    /// `R_p` given directly, 0–70.
    Given(Points),
    /// From the product list (and, for a leader, the unit facts).
    Products(Vec<Product>, Option<LeaderFacts>),
}

/// One product of a period's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    /// Converted weight, > 0 (hundredths).
    pub weight: Points,
    /// Completed.
    pub done: bool,
    /// Unexcused failed quality reviews.
    pub quality_failures: u32,
    /// Unexcused delays.
    pub delays: u32,
    /// Beyond the assignment.
    pub extra: bool,
    /// The label given, for what-would-change's messages.
    pub label: Option<String>,
}

/// A leader's unit-side facts of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LeaderFacts {
    /// Staff under 50 in the period (given, or derived in a tree).
    pub staff_not_completed: Option<u32>,
    /// Staff counted, when derived in a tree.
    pub staff_counted: Option<u32>,
    /// Prolonged delays in the unit's programme.
    pub prolonged_delays: Option<bool>,
    /// Complaints of prolonged disunity.
    pub disunity_complaints: Option<bool>,
    /// `d` given directly (hundredths of 1).
    pub d: Option<Points>,
    /// `đ` given directly.
    pub dd: Option<Points>,
    /// `e` given directly.
    pub e: Option<Points>,
}

/// One answered item of the conduct checklist (self-reported).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConductFinding {
    /// Index of the item in the conduct catalogue.
    pub item: u16,
    /// The answer.
    pub answer: ConductAnswerKind,
    /// For an exemplary-conduct item: the breach harmed prestige.
    pub harmed_prestige: bool,
}

/// Who is assessed, with defaults resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// Kind.
    pub kind: SubjectKind,
    /// Member: inside the political system (PL 4) or not (PL 5).
    pub in_political_system: bool,
    /// Leader: centrally managed (PL 2) or not (PL 3).
    pub centrally_managed: bool,
    /// Collective sub-kind.
    pub collective_kind: Option<CollectiveKind>,
    /// Party status.
    pub party_status: PartyStatus,
    /// Admission day.
    pub admitted_on: Option<NaiveDate>,
    /// Establishment day.
    pub established_on: Option<NaiveDate>,
    /// Temporary party activity.
    pub temporary_activity: Option<TemporaryActivity>,
}

impl Subject {
    /// Whether this is a leadership collective (the only collective with triggers).
    pub fn is_leadership_collective(&self) -> bool {
        self.kind == SubjectKind::Collective
            && self.collective_kind == Some(CollectiveKind::Leadership)
    }

    /// The QĐ 366 appendix whose criteria apply (PL 1 to PL 5).
    pub fn appendix(&self) -> &'static str {
        match self.kind {
            SubjectKind::Collective => "PL 1",
            SubjectKind::Leader if self.centrally_managed => "PL 2",
            SubjectKind::Leader => "PL 3",
            SubjectKind::Member if self.in_political_system => "PL 4",
            SubjectKind::Member => "PL 5",
        }
    }
}

/// Criterion grades, validated (QĐ 124, QĐ 132).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grades {
    /// Criteria other than task results, by the caller's id.
    pub criteria: std::collections::BTreeMap<String, Grade>,
    /// The task-results criterion.
    pub task_results: Grade,
}

impl Grades {
    /// The lowest grade of the criteria other than task results.
    pub fn lowest_other(&self) -> Grade {
        self.criteria
            .values()
            .copied()
            .min()
            .unwrap_or(Grade::Excellent)
    }

    /// How many criteria other than task results are graded below `grade`.
    pub fn others_below(&self, grade: Grade) -> u64 {
        self.criteria.values().filter(|g| **g < grade).count() as u64
    }

    /// The lowest grade of all, task results included.
    pub fn lowest(&self) -> Grade {
        self.lowest_other().min(self.task_results)
    }
}

/// The two score groups, exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// General criteria, 0–30.
    pub general: Points,
    /// Task results, 0–70.
    pub task_results: Points,
}

impl Score {
    /// `S = G + R`.
    pub fn total(&self) -> Points {
        self.general.saturating_add(self.task_results)
    }
}

/// Task counts with `not_completed` resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tasks {
    /// `n`.
    pub assigned: u32,
    /// `c`.
    pub completed: u32,
    /// `o`.
    pub on_time: u32,
    /// `x`.
    pub exceeded: u32,
    /// `f`.
    pub not_completed: u32,
}

impl Tasks {
    /// `late = c − o`: completed but not on schedule.
    pub fn late(&self) -> u32 {
        self.completed.saturating_sub(self.on_time)
    }
}

/// Shortcomings identified at the previous review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shortcomings {
    /// Identified.
    pub identified: u32,
    /// Fixed.
    pub fixed: u32,
}

/// Leave in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Leave {
    /// Months of sick leave, exact (hundredths of a month).
    pub sick_months: Points,
    /// Maternity leave.
    pub maternity: bool,
}

/// A discipline record with its date parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discipline {
    /// Form.
    pub form: DisciplineForm,
    /// Day decided.
    pub decided_on: NaiveDate,
    /// Tied to official duties.
    pub duty_related: bool,
    /// The violation happened at the previous unit.
    pub at_previous_unit: bool,
    /// Counted in an earlier period.
    pub counted_before: bool,
    /// For a collective: which member.
    pub member_id: Option<String>,
    /// Party or administrative (state records).
    pub kind: DisciplineKind,
}
