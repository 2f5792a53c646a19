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
}
