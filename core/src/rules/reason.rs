//! Reasons: what each rule found, as compact data.
//!
//! A reason holds the rule, whether it held, its effect and the values it read, with no
//! text: a batch that needs only levels never formats a message. Messages are built from
//! the values on demand ([`crate::reason_message`]).

use crate::contract::assessment::{ConductAnswerKind, DisciplineForm, Grade};
use crate::contract::decision::{Basis, Effect};
use crate::contract::level::Level;
use crate::contract::regime::RegimeId;
use crate::contract::state::{
    DisciplineKind, Employment, LeaveKind, QuotaScope, StateLevel, StateRatingSource,
};
use crate::contract::state_options::Rounding;
use crate::contract::subject::SubjectKind;
use crate::points::Points;
use crate::rules::catalogue::Rule;
use chrono::NaiveDate;

/// The name of a value a rule read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[expect(
    missing_docs,
    reason = "each variant is the value of the same name in the contract"
)]
pub enum Fact {
    General,
    TaskResults,
    Total,
    Band,
    Assigned,
    Completed,
    OnTime,
    Exceeded,
    Late,
    NotCompleted,
    Identified,
    Fixed,
    AdmittedOn,
    EligibleOn,
    AsOf,
    SickMonths,
    Maternity,
    Unit,
    CommentReceived,
    DecidedOn,
    Form,
    DutyRelated,
    Why,
    Degradation,
    ProhibitionBreach,
    ExemplaryBreach,
    Disciplined,
    DisciplinedNotDutyRelated,
    SubordinateUnitsDisciplined,
    MembersDisciplined,
    CadreWorkViolation,
    MemberDegradation,
    TargetsApplicable,
    TargetsMissed,
    TargetsReadingAll,
    UnitsTotal,
    UnitsNotCompleted,
    LowVotes,
    TotalVotes,
    ScopeCorruption,
    SelfDetectedAndRemedied,
    ForceMajeure,
    Remaining,
    Alternative,
    Kind,
    Group,
    Item,
    SelfReported,
    EMax,
    Rank,
    Candidates,
    GoodCount,
    Tied,
    TaskResultsGrade,
    LowestGrade,
    CriteriaBelow,
    CriteriaCount,
    Trigger,
    Part,
    CivilServiceLevel,
    MainTargetsMissed,
    SubordinateUnits,
    LevelBefore,
    CapLevel,
    Whose,
    UnitsCounted,
    AtLeastCompleted,
    AtLeastGood,
    SameLevelBodiesGood,
    Given,
    Threshold,
    CollectiveDisciplined,
    Suspended,
    /// A state period, by its index: renders as its `month` or `quarter` and the exact
    /// numbers the rule read (`a`, `b`, `score`…).
    Period,
    StaffNotCompleted,
    StaffCounted,
    Override,
    /// The annual mean of a state decision: renders as `periods_counted`,
    /// `periods_excluded`, `sum`, `mean`, `rounding`, `score`.
    Year,
    Employment,
    LeaveKind,
    MonthsWorked,
    MonthsAbsent,
    Exception,
    Failed,
    /// A step of the state quota, by its index: renders as `scope`, `group`, `rated`,
    /// `rate`, `rate_source`, `e_max`, `rank`, `candidates`, `good`, `tied`, `in_force`.
    QuotaStep,
    PartyLevel,
    StateLevel,
    /// The state level a party record read (`link.state_rating`).
    StateRatingLevel,
    StateNotCompleted,
    Source,
    Regime,
    RatingYear,
    Agency,
    ManagedTotal,
    CompletedOrBetter,
    GoodOrBetter,
    DisciplineKind,
    Rounding,
    UnitName,
    Capped,
}

impl Fact {
    /// The key in the decision's `values` object.
    pub fn key(self) -> &'static str {
        match self {
            Fact::General => "general",
            Fact::TaskResults => "task_results",
            Fact::Total => "total",
            Fact::Band => "band",
            Fact::Assigned => "assigned",
            Fact::Completed => "completed",
            Fact::OnTime => "on_time",
            Fact::Exceeded => "exceeded",
            Fact::Late => "late",
            Fact::NotCompleted => "not_completed",
            Fact::Identified => "identified",
            Fact::Fixed => "fixed",
            Fact::AdmittedOn => "admitted_on",
            Fact::EligibleOn => "eligible_on",
            Fact::AsOf => "as_of",
            Fact::SickMonths => "sick_months",
            Fact::Maternity => "maternity",
            Fact::Unit => "unit",
            Fact::CommentReceived => "comment_received",
            Fact::DecidedOn => "decided_on",
            Fact::Form => "form",
            Fact::DutyRelated => "duty_related",
            Fact::Why => "why",
            Fact::Degradation => "degradation",
            Fact::ProhibitionBreach => "prohibition_breach",
            Fact::ExemplaryBreach => "exemplary_breach",
            Fact::Disciplined => "disciplined",
            Fact::DisciplinedNotDutyRelated => "disciplined_not_duty_related",
            Fact::SubordinateUnitsDisciplined => "subordinate_units_disciplined",
            Fact::MembersDisciplined => "members_disciplined",
            Fact::CadreWorkViolation => "cadre_work_violation",
            Fact::MemberDegradation => "member_degradation",
            Fact::TargetsApplicable => "basic_targets_applicable",
            Fact::TargetsMissed => "basic_targets_missed",
            Fact::TargetsReadingAll => "basic_targets_reading_all",
            Fact::UnitsTotal => "units_total",
            Fact::UnitsNotCompleted => "units_not_completed",
            Fact::LowVotes => "low_votes",
            Fact::TotalVotes => "total_votes",
            Fact::ScopeCorruption => "scope_corruption_disciplined",
            Fact::SelfDetectedAndRemedied => "self_detected_and_remedied",
            Fact::ForceMajeure => "force_majeure",
            Fact::Remaining => "remaining",
            Fact::Alternative => "alternative",
            Fact::Kind => "kind",
            Fact::Group => "group",
            Fact::Item => "item",
            Fact::SelfReported => "self_reported",
            Fact::EMax => "e_max",
            Fact::Rank => "rank",
            Fact::Candidates => "candidates",
            Fact::GoodCount => "good",
            Fact::Tied => "tied",
            Fact::TaskResultsGrade => "task_results_grade",
            Fact::LowestGrade => "lowest_grade",
            Fact::CriteriaBelow => "criteria_below",
            Fact::CriteriaCount => "criteria",
            Fact::Trigger => "trigger",
            Fact::Part => "part",
            Fact::CivilServiceLevel => "civil_service_level",
            Fact::MainTargetsMissed => "main_targets_missed",
            Fact::SubordinateUnits => "subordinate_units",
            Fact::LevelBefore => "level_before",
            Fact::CapLevel => "cap",
            Fact::Whose => "whose",
            Fact::UnitsCounted => "counted",
            Fact::AtLeastCompleted => "at_least_completed",
            Fact::AtLeastGood => "at_least_good",
            Fact::SameLevelBodiesGood => "same_level_bodies_good",
            Fact::Given => "given",
            Fact::Threshold => "threshold",
            Fact::CollectiveDisciplined => "collective_disciplined",
            Fact::Suspended => "suspended",
            Fact::Period => "period",
            Fact::StaffNotCompleted => "staff_not_completed",
            Fact::StaffCounted => "staff_counted",
            Fact::Override => "override",
            Fact::Year => "year_mean",
            Fact::Employment => "employment",
            Fact::LeaveKind => "leave_kind",
            Fact::MonthsWorked => "months_worked",
            Fact::MonthsAbsent => "months_absent",
            Fact::Exception => "exception",
            Fact::Failed => "failed",
            Fact::QuotaStep => "quota_step",
            Fact::PartyLevel => "party_level",
            Fact::StateLevel => "state_level",
            Fact::StateRatingLevel => "level",
            Fact::StateNotCompleted => "state_not_completed",
            Fact::Source => "source",
            Fact::Regime => "regime",
            Fact::RatingYear => "year",
            Fact::Agency => "agency",
            Fact::ManagedTotal => "total",
            Fact::CompletedOrBetter => "completed_or_better",
            Fact::GoodOrBetter => "good_or_better",
            Fact::DisciplineKind => "kind",
            Fact::Rounding => "rounding",
            Fact::UnitName => "unit_name",
            Fact::Capped => "capped",
        }
    }
}

/// Why a discipline record does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NotCountedWhy {
    /// Decided before the period began.
    BeforePeriod,
    /// Decided after the period ended, or after the evaluation day.
    AfterPeriod,
    /// The same violation was counted in an earlier period.
    CountedBefore,
    /// The violation happened at the previous unit: it counts against that unit.
    PreviousUnit,
    /// A party-only discipline in a state rating made before ND 48 applied
    /// (15/9/2023): ND 90 as first issued counted administrative discipline only.
    BeforeNd48,
}

impl NotCountedWhy {
    /// The code shown in `values.why`.
    pub fn key(self) -> &'static str {
        match self {
            NotCountedWhy::BeforePeriod => "before_period",
            NotCountedWhy::AfterPeriod => "after_period",
            NotCountedWhy::CountedBefore => "counted_before",
            NotCountedWhy::PreviousUnit => "at_previous_unit",
            NotCountedWhy::BeforeNd48 => "before_nd48",
        }
    }
}

/// A value a rule read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(missing_docs, reason = "each variant wraps the value it names")]
pub enum Value {
    Count(u64),
    Points(Points),
    Flag(bool),
    Date(NaiveDate),
    Level(Level),
    Form(DisciplineForm),
    Why(NotCountedWhy),
    Rules(RuleSet),
    Kind(SubjectKind),
    /// An item of the conduct catalogue, by index.
    ConductItem(u16),
    /// A conduct checklist answer.
    Answer(ConductAnswerKind),
    /// A criterion grade (QĐ 124, QĐ 132).
    Grade(Grade),
    /// Which Not-completed trigger fired (QĐ 124, QĐ 132).
    Trigger(Trigger),
    /// Which condition of a level (QĐ 124, QĐ 132).
    Part(Part),
    /// Whose levels a count is of.
    Whose(Whose),
    /// A state period, by its index in the decision's state part.
    Period(u8),
    /// A step of the state quota, by its index in the decision's state part.
    QuotaStep(u8),
    /// The annual mean of the decision's state part.
    Year,
    /// An employment.
    Employment(Employment),
    /// A kind of leave.
    LeaveKind(LeaveKind),
    /// A state result (a level, or not classified).
    StateLevel(StateLevel),
    /// A regime.
    Regime(RegimeId),
    /// Where a state rating came from.
    Source(StateRatingSource),
    /// The scope of a state quota step.
    Scope(QuotaScope),
    /// How the annual mean is rounded.
    Rounding(Rounding),
    /// Conditions of an ND 90 level that failed.
    Parts(Nd90Parts),
    /// Which of a period's `a`, `b`, `c` were capped at 1 (bits 0, 1, 2).
    Capped(u8),
    /// A discipline record's kind.
    DisciplineKind(DisciplineKind),
    /// A signed year.
    Year4(i32),
}

impl Value {
    /// A count read from the input.
    pub fn count(n: u32) -> Value {
        Value::Count(u64::from(n))
    }
}

/// A Not-completed trigger of QĐ 124 or QĐ 132, shown in `values.trigger`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Trigger {
    /// A criterion, or task results, graded poor.
    PoorGrade,
    /// Under 50% of the tasks completed with the main targets missed.
    Plan,
    /// Under 50% of the tasks completed (QĐ 132, a member).
    TasksUnderHalf,
    /// The collective itself disciplined.
    CollectiveDisciplined,
    /// A subordinate unit disciplined.
    SubordinatesDisciplined,
    /// More than 20% of the subordinate units disciplined.
    SubordinatesOverShare,
    /// A member of the collective disciplined (QĐ 132: at warning or heavier).
    MemberDisciplined,
    /// Disunity concluded.
    Disunity,
    /// A member of the leadership collective concluded degraded.
    MemberDegraded,
    /// Concluded degradation.
    Degradation,
    /// Breach of the must-not-do rules.
    ProhibitionBreach,
    /// Breach of exemplary conduct harming prestige.
    ExemplaryBreach,
    /// Disciplined in the year.
    Disciplined,
    /// Rated Not completed as a civil servant.
    CivilServiceNotCompleted,
    /// ND 90: over half of the tasks not on schedule, quality or efficiency.
    Poor,
    /// ND 90, leaders: the unit completed under half of its targets.
    UnitUnderHalf,
    /// ND 90, leaders: a unit under direct charge involved in corruption or waste.
    ScopeCorruption,
}

impl Trigger {
    /// The code shown in `values.trigger`.
    pub fn key(self) -> &'static str {
        match self {
            Trigger::PoorGrade => "poor_grade",
            Trigger::Plan => "plan",
            Trigger::TasksUnderHalf => "tasks_under_half",
            Trigger::CollectiveDisciplined => "collective_disciplined",
            Trigger::SubordinatesDisciplined => "subordinates_disciplined",
            Trigger::SubordinatesOverShare => "subordinates_over_share",
            Trigger::MemberDisciplined => "member_disciplined",
            Trigger::Disunity => "disunity",
            Trigger::MemberDegraded => "member_degraded",
            Trigger::Degradation => "degradation",
            Trigger::ProhibitionBreach => "prohibition_breach",
            Trigger::ExemplaryBreach => "exemplary_breach",
            Trigger::Disciplined => "disciplined",
            Trigger::CivilServiceNotCompleted => "civil_service_not_completed",
            Trigger::Poor => "poor",
            Trigger::UnitUnderHalf => "unit_under_half",
            Trigger::ScopeCorruption => "scope_corruption",
        }
    }
}

/// One condition of a level under QĐ 124 or QĐ 132, shown in `values.part`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The pattern of criterion grades.
    Grades,
    /// All tasks on time, at least 50% exceeded (QĐ 124, an individual).
    Tasks,
    /// No discipline counted in the collective, or of the person.
    Discipline,
    /// Rated Excellent as a civil servant (QĐ 132).
    CivilService,
    /// Members' or subordinate organisations' levels (QĐ 132, a party organisation).
    Subordinates,
    /// Same-level government, Fatherland Front and mass organisations ≥ Good.
    SameLevelBodies,
    /// Sick leave, maternity (QĐ 132).
    Leave,
    /// A cap by another level (QĐ 132).
    Cap,
    /// A mitigation exception applied to a trigger.
    Exception,
}

impl Part {
    /// The code shown in `values.part`.
    pub fn key(self) -> &'static str {
        match self {
            Part::Grades => "grades",
            Part::Tasks => "tasks",
            Part::Discipline => "discipline",
            Part::CivilService => "civil_service",
            Part::Subordinates => "subordinates",
            Part::SameLevelBodies => "same_level_bodies",
            Part::Leave => "leave",
            Part::Cap => "cap",
            Part::Exception => "exception",
        }
    }
}

/// Whose levels a count is of (QĐ 132, a party organisation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Whose {
    /// A chi bộ's members.
    Members,
    /// A đảng bộ's subordinate party organisations.
    SubordinateOrganisations,
}

impl Whose {
    /// The code shown in `values.whose`.
    pub fn key(self) -> &'static str {
        match self {
            Whose::Members => "members",
            Whose::SubordinateOrganisations => "subordinate_organisations",
        }
    }
}

/// One condition of an ND 90 level (`values.failed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nd90Part {
    /// The criteria's grades.
    Criteria,
    /// Every task on schedule with quality.
    TasksOnTime,
    /// At least half the tasks exceeded.
    Exceeded,
    /// Every task completed.
    TasksCompleted,
    /// At most 20% of the tasks poor.
    Poor,
    /// The unit's targets completed (all, or over 70%).
    UnitCompleted,
    /// At least half the unit's targets exceeded.
    UnitExceeded,
    /// At least 80% of the unit's targets on schedule.
    UnitOnTime,
    /// The managed units Completed or better (all, or 70%).
    ManagedCompleted,
    /// At least 70% of the managed units Good or better.
    ManagedGood,
}

impl Nd90Part {
    /// Every part, in the order shown.
    pub const ALL: [Nd90Part; 10] = [
        Nd90Part::Criteria,
        Nd90Part::TasksOnTime,
        Nd90Part::Exceeded,
        Nd90Part::TasksCompleted,
        Nd90Part::Poor,
        Nd90Part::UnitCompleted,
        Nd90Part::UnitExceeded,
        Nd90Part::UnitOnTime,
        Nd90Part::ManagedCompleted,
        Nd90Part::ManagedGood,
    ];

    /// The code shown in `values.failed`.
    pub fn key(self) -> &'static str {
        match self {
            Nd90Part::Criteria => "criteria",
            Nd90Part::TasksOnTime => "tasks_on_time",
            Nd90Part::Exceeded => "exceeded",
            Nd90Part::TasksCompleted => "tasks_completed",
            Nd90Part::Poor => "poor",
            Nd90Part::UnitCompleted => "unit_completed",
            Nd90Part::UnitExceeded => "unit_exceeded",
            Nd90Part::UnitOnTime => "unit_on_time",
            Nd90Part::ManagedCompleted => "managed_completed",
            Nd90Part::ManagedGood => "managed_good",
        }
    }
}

/// A set of ND 90 level conditions, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Nd90Parts(u16);

impl Nd90Parts {
    /// Adds a part.
    pub fn insert(&mut self, part: Nd90Part) {
        self.0 |= 1 << (part as u16);
    }

    /// Whether the set holds `part`.
    pub fn contains(self, part: Nd90Part) -> bool {
        self.0 & (1 << (part as u16)) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The parts, in the order shown.
    pub fn iter(self) -> impl Iterator<Item = Nd90Part> {
        Nd90Part::ALL.into_iter().filter(move |p| self.contains(*p))
    }
}

/// A small set of rules (the triggers that remain after a mitigation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RuleSet {
    // INVARIANT: the rules present come first, in insertion order (`insert` fills the
    // first free slot), so `iter` stops at nothing it should show.
    rules: [Option<Rule>; 6],
}

impl RuleSet {
    /// Adds a rule (beyond six, the rest are dropped: no rule set is that large).
    pub fn insert(&mut self, rule: Rule) {
        if let Some(slot) = self.rules.iter_mut().find(|slot| slot.is_none()) {
            *slot = Some(rule);
        }
    }

    /// The rules, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = Rule> + '_ {
        self.rules.iter().flatten().copied()
    }
}

const MAX_VALUES: usize = 8;

/// The values a rule read, in a fixed inline array (no allocation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Values {
    // INVARIANT: `len <= MAX_VALUES`, and `items[..len]` are the values pushed, in order
    // (`push` drops a value past the eighth); the rest are filler never read.
    len: u8,
    items: [(Fact, Value); MAX_VALUES],
}

impl Default for Values {
    fn default() -> Values {
        Values {
            len: 0,
            items: [(Fact::Total, Value::Count(0)); MAX_VALUES],
        }
    }
}

impl Values {
    /// Values from a list (at most eight; the library never reads more for one rule).
    pub fn of(items: &[(Fact, Value)]) -> Values {
        let mut values = Values::default();
        for &(fact, value) in items {
            values.push(fact, value);
        }
        values
    }

    /// Adds one value.
    pub fn push(&mut self, fact: Fact, value: Value) {
        if let Some(slot) = self.items.get_mut(usize::from(self.len)) {
            *slot = (fact, value);
            self.len += 1;
        }
    }

    /// The values, in the order read.
    pub fn iter(&self) -> impl Iterator<Item = &(Fact, Value)> {
        self.items.iter().take(usize::from(self.len))
    }

    /// One value by name.
    pub fn get(&self, fact: Fact) -> Option<Value> {
        self.iter().find(|(f, _)| *f == fact).map(|(_, v)| *v)
    }

    /// A count by name (0 when absent).
    pub fn count(&self, fact: Fact) -> u64 {
        match self.get(fact) {
            Some(Value::Count(n)) => n,
            _ => 0,
        }
    }

    /// A flag by name (false when absent).
    pub fn flag(&self, fact: Fact) -> bool {
        matches!(self.get(fact), Some(Value::Flag(true)))
    }

    /// Points by name.
    pub fn points(&self, fact: Fact) -> Points {
        match self.get(fact) {
            Some(Value::Points(p)) => p,
            _ => Points::ZERO,
        }
    }

    /// A state result by name.
    pub fn state_level(&self, fact: Fact) -> Option<StateLevel> {
        match self.get(fact) {
            Some(Value::StateLevel(l)) => Some(l),
            _ => None,
        }
    }

    /// A date by name.
    pub fn date(&self, fact: Fact) -> Option<NaiveDate> {
        match self.get(fact) {
            Some(Value::Date(d)) => Some(d),
            _ => None,
        }
    }

    /// A level by name.
    pub fn level(&self, fact: Fact) -> Option<Level> {
        match self.get(fact) {
            Some(Value::Level(l)) => Some(l),
            _ => None,
        }
    }
}

/// One rule's finding in a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reason {
    /// The rule.
    pub rule: Rule,
    /// Whether its condition held.
    pub holds: bool,
    /// What it did to the decision.
    pub effect: Effect,
    /// The level it concerns.
    pub level: Option<Level>,
    /// The values it read.
    pub values: Values,
    /// The basis of this finding when it is not the rule's: `inferred` where it rests on
    /// the library's reading of incomplete texts although the rule itself is stated (or
    /// a state rule under a regime whose text was not seen), `reading` where the library
    /// chose it.
    pub basis_override: Option<Basis>,
}

impl Reason {
    /// A reason from its parts.
    pub fn new(
        rule: Rule,
        holds: bool,
        effect: Effect,
        level: Option<Level>,
        values: Values,
    ) -> Reason {
        Reason {
            rule,
            holds,
            effect,
            level,
            values,
            basis_override: None,
        }
    }

    /// Marks the finding as resting on the library's reading.
    pub fn inferred_if(mut self, inferred: bool) -> Reason {
        if inferred {
            self.basis_override = Some(Basis::Inferred);
        }
        self
    }

    /// Sets the basis of this finding.
    pub fn with_basis(mut self, basis: Basis) -> Reason {
        self.basis_override = (basis != self.rule.basis()).then_some(basis);
        self
    }

    /// The basis shown in the decision: the rule's, or this finding's own.
    pub fn basis(&self) -> Basis {
        self.basis_override.unwrap_or_else(|| self.rule.basis())
    }
}
