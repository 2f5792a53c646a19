//! Reasons: what each rule found, as compact data.
//!
//! A reason holds the rule, whether it held, its effect and the values it read, with no
//! text: a batch that needs only levels never formats a message. Messages are built from
//! the values on demand ([`crate::reason_message`]).

use crate::contract::assessment::{ConductAnswerKind, DisciplineForm, Grade};
use crate::contract::decision::{Basis, Effect};
use crate::contract::level::Level;
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
}

impl NotCountedWhy {
    /// The code shown in `values.why`.
    pub fn key(self) -> &'static str {
        match self {
            NotCountedWhy::BeforePeriod => "before_period",
            NotCountedWhy::AfterPeriod => "after_period",
            NotCountedWhy::CountedBefore => "counted_before",
            NotCountedWhy::PreviousUnit => "at_previous_unit",
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
    /// This finding rests on the library's reading where the public texts are
    /// incomplete (`basis: inferred` in the decision), although the rule itself is stated.
    pub inferred: bool,
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
            inferred: false,
        }
    }

    /// Marks the finding as resting on the library's reading.
    pub fn inferred_if(mut self, inferred: bool) -> Reason {
        self.inferred = inferred;
        self
    }

    /// The basis shown in the decision: the rule's, or `inferred` for this finding.
    pub fn basis(&self) -> Basis {
        if self.inferred {
            Basis::Inferred
        } else {
            self.rule.basis()
        }
    }
}
