//! Flat columns: an assessment as one row of a table (pandas, Arrow, a spreadsheet).
//!
//! Analysts keep assessments in tables, one row per subject. This module is the
//! contract between such a row and an [`Assessment`]: every leaf of the assessment is a
//! column named by its JSON path with `/` replaced by `_` (`/tasks/on_time` →
//! `tasks_on_time`, `/subject/kind` → `subject_kind`). Discipline records, the one list
//! in the contract, come either as the column `discipline` (a list of records with the
//! contract's keys: `form`, `decided_on`, …) or, for the common case of one record, as
//! the columns `discipline_form`, `discipline_decided_on`, … (that record comes after
//! any in `discipline`). Per-item points under a criteria profile and the conduct
//! checklist answers are keyed by item id and have no columns ([`RECORD_ONLY`]).
//!
//! Criterion grades (QĐ 124, QĐ 132) are keyed by the caller's ids too, but a table of
//! such records is the common case, so they have a family of columns: every column
//! whose name starts with [`CRITERION_PREFIX`] holds the grade of one criterion,
//! `grades_criteria_<id>` → `/grades/criteria/<id>` (`grades_criteria_politics` holds
//! `excellent`, `good`, `average` or `poor`). [`Column::GradesCriteria`] stands for the
//! family ([`Column::prefix`]); its own name is not a column of a table.
//! [`TableColumn::of`] reads a table's column name, and [`FlatRow::set_criterion`]
//! sets one criterion's value. A null criterion is an absent one, so a table may hold
//! records with different criteria, and records of QĐ 366 with all of them null.
//!
//! A binding reads each column as a typed array and hands a row's values over as
//! [`Cell`]s; [`FlatRow::to_assessment`] builds the record, so the JSON text is never
//! written. A missing value (null, or a float NaN) is an absent field. An object of the
//! contract (`score`, `tasks`, `leader`, …) is present when one of its columns has a
//! value; a `false` in a column whose field defaults to `false` is the same as no
//! value, so a table mixing members and leaders may fill such flags with `false`. A
//! flag without a default (`collective_main_targets_missed`,
//! `conclusions_member_degradation`, …) states something when `false`: leave it null
//! where it does not apply (a record of another regime, another kind of subject).
//! Problems are reported with the contract's JSON path, and
//! [`FlatRow::column_of`] names the column a path came from.

use crate::contract::assessment::{
    Assessment, BasicTargets, CollectiveInput, Conclusions, ConfidenceVote, DisciplineInput, Grade,
    GradesInput, LeaderInput, LeaveInput, LevelCounts, Mitigation, PeriodInput, Procedure,
    ScoreInput, ShortcomingsInput, SubjectInput, TasksInput, TemporaryActivity, UnitsInCharge,
};
use crate::contract::choices::{
    find_choice, ChoiceName, COLLECTIVE_KINDS, DISCIPLINE_FORMS, FLAGS, GRADES, LEVELS,
    PARTY_STATUSES, SUBJECT_KINDS,
};
use crate::contract::errors::{pointer_segment, ErrorCode, InputError, InputErrors};
use chrono::NaiveDate;
use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use Column as C;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Text.
    Text,
    /// A day, as text `YYYY-MM-DD`.
    Date,
    /// One of the names given (a table may hold a name's value or one of its labels).
    Choice(&'static [ChoiceName]),
    /// A whole number from 0.
    Count,
    /// A calendar year.
    Year,
    /// An exact decimal with at most two places (points, months of leave): a number, or
    /// its decimal text.
    Decimal,
    /// True or false.
    Flag,
    /// A list of discipline records (the column `discipline`).
    Records,
}

impl ColumnKind {
    /// The kind's name, as documented (`text`, `date`, `choice`, `count`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnKind::Text => "text",
            ColumnKind::Date => "date",
            ColumnKind::Choice(_) => "choice",
            ColumnKind::Count => "count",
            ColumnKind::Year => "year",
            ColumnKind::Decimal => "decimal",
            ColumnKind::Flag => "flag",
            ColumnKind::Records => "records",
        }
    }

    /// The allowed names of a choice, with their labels; empty for other kinds.
    pub fn choices(self) -> &'static [ChoiceName] {
        match self {
            ColumnKind::Choice(names) => names,
            _ => &[],
        }
    }

    fn expected(self) -> (&'static str, &'static str) {
        match self {
            ColumnKind::Text | ColumnKind::Choice(_) => ("văn bản", "text"),
            ColumnKind::Date => (
                "ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY",
                "a date as text YYYY-MM-DD or DD/MM/YYYY",
            ),
            ColumnKind::Count | ColumnKind::Year => ("số nguyên", "a whole number"),
            ColumnKind::Decimal => (
                "số thập phân (tối đa hai chữ số sau dấu phẩy)",
                "a decimal number (at most two places)",
            ),
            ColumnKind::Flag => ("Có/Không (đúng/sai)", "Yes/No (true or false)"),
            ColumnKind::Records => (
                "danh sách quyết định kỷ luật",
                "a list of discipline records",
            ),
        }
    }
}

macro_rules! columns {
    ($( $variant:ident = $name:literal, $path:literal, $kind:expr, $doc:literal; )*) => {
        /// A flat column: one leaf of the assessment record.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Column {
            $( #[doc = $doc] $variant, )*
        }

        impl Column {
            /// Every column, in the order of the contract.
            pub const ALL: &'static [Column] = &[$(Column::$variant),*];

            /// The column's name (`tasks_on_time`).
            pub fn name(self) -> &'static str {
                match self { $(Column::$variant => $name,)* }
            }

            /// The JSON path of the field it fills (`/tasks/on_time`); `*` stands for the
            /// index of the single discipline record.
            pub fn path(self) -> &'static str {
                match self { $(Column::$variant => $path,)* }
            }

            /// What it holds.
            pub fn kind(self) -> ColumnKind {
                match self { $(Column::$variant => $kind,)* }
            }

            /// What it means, in English.
            pub fn description(self) -> &'static str {
                match self { $(Column::$variant => $doc,)* }
            }
        }
    };
}

columns! {
    Id = "id", "/id", ColumnKind::Text, "The caller's id, echoed in the decision. Required.";
    PeriodYear = "period_year", "/period/year", ColumnKind::Year, "Calendar year of the period.";
    PeriodQuarter = "period_quarter", "/period/quarter", ColumnKind::Count, "Quarter 1–4 of `period_year`.";
    PeriodFrom = "period_from", "/period/from", ColumnKind::Date, "First day of the period, with `period_to`.";
    PeriodTo = "period_to", "/period/to", ColumnKind::Date, "Last day of the period, with `period_from`.";
    AsOf = "as_of", "/as_of", ColumnKind::Date, "Evaluation day; default the period's last day.";
    Regime = "regime", "/regime", ColumnKind::Text, "`qd366`, `qd124` or `qd132`; default the regime in force on the period's last day.";
    SubjectKind = "subject_kind", "/subject/kind", ColumnKind::Choice(SUBJECT_KINDS), "Who is assessed. Required.";
    SubjectInPoliticalSystem = "subject_in_political_system", "/subject/in_political_system", ColumnKind::Flag, "Member only: false for a party member outside the political system (PL 5); default true.";
    SubjectCentrallyManaged = "subject_centrally_managed", "/subject/centrally_managed", ColumnKind::Flag, "Leader only: true for a cadre managed by the Central Committee, Politburo or Secretariat (PL 2).";
    SubjectCollectiveKind = "subject_collective_kind", "/subject/collective_kind", ColumnKind::Choice(COLLECTIVE_KINDS), "Collective only: its sub-kind.";
    SubjectPartyStatus = "subject_party_status", "/subject/party_status", ColumnKind::Choice(PARTY_STATUSES), "Individual only; default `active`.";
    SubjectAdmittedOn = "subject_admitted_on", "/subject/admitted_on", ColumnKind::Date, "Individual only: the day of admission to the party.";
    SubjectEstablishedOn = "subject_established_on", "/subject/established_on", ColumnKind::Date, "Collective only: the day it was established.";
    SubjectTemporaryActivityUnit = "subject_temporary_activity_unit", "/subject/temporary_activity/unit", ColumnKind::Text, "Individual only: the chi bộ of temporary party activity.";
    SubjectTemporaryActivityCommentReceived = "subject_temporary_activity_comment_received", "/subject/temporary_activity/comment_received", ColumnKind::Flag, "Whether the temporary chi bộ's written comment was received.";
    ScoreGeneral = "score_general", "/score/general", ColumnKind::Decimal, "General criteria points, 0–30.";
    ScoreTaskResults = "score_task_results", "/score/task_results", ColumnKind::Decimal, "Task results points, 0–70.";
    GradesCriteria = "grades_criteria", "/grades/criteria", ColumnKind::Choice(GRADES), "QĐ 124, QĐ 132: one column per criterion other than task results, `grades_criteria_<id>` (the caller's id), each holding its grade.";
    GradesTaskResults = "grades_task_results", "/grades/task_results", ColumnKind::Choice(GRADES), "QĐ 124, QĐ 132: the grade of the task-results criterion.";
    CivilServiceLevel = "civil_service_level", "/civil_service_level", ColumnKind::Choice(LEVELS), "QĐ 132, individual: the level as a cadre, civil servant or public employee, if rated as one.";
    TasksAssigned = "tasks_assigned", "/tasks/assigned", ColumnKind::Count, "Tasks assigned (`n`).";
    TasksCompleted = "tasks_completed", "/tasks/completed", ColumnKind::Count, "Tasks completed (`c`).";
    TasksOnTime = "tasks_on_time", "/tasks/on_time", ColumnKind::Count, "Completed on time with the required quality (`o`).";
    TasksExceeded = "tasks_exceeded", "/tasks/exceeded", ColumnKind::Count, "Completed above requirement (`x`).";
    TasksNotCompleted = "tasks_not_completed", "/tasks/not_completed", ColumnKind::Count, "Rated not completed (`f`); default `assigned − completed`.";
    ShortcomingsIdentified = "shortcomings_identified", "/shortcomings/identified", ColumnKind::Count, "Shortcomings identified at the previous review.";
    ShortcomingsFixed = "shortcomings_fixed", "/shortcomings/fixed", ColumnKind::Count, "Of them, fixed.";
    LeaveSickMonths = "leave_sick_months", "/leave/sick_months", ColumnKind::Decimal, "Months of sick leave in the period.";
    LeaveMaternity = "leave_maternity", "/leave/maternity", ColumnKind::Flag, "Maternity leave in the period.";
    Discipline = "discipline", "/discipline", ColumnKind::Records, "Discipline records: a list of records with the keys `form`, `decided_on`, `duty_related`, `at_previous_unit`, `counted_before`, `member_id`.";
    DisciplineForm = "discipline_form", "/discipline/*/form", ColumnKind::Choice(DISCIPLINE_FORMS), "One discipline record (after any in `discipline`): its form.";
    DisciplineDecidedOn = "discipline_decided_on", "/discipline/*/decided_on", ColumnKind::Date, "One discipline record: the day it was decided.";
    DisciplineDutyRelated = "discipline_duty_related", "/discipline/*/duty_related", ColumnKind::Flag, "One discipline record: tied to official duties; default true.";
    DisciplineAtPreviousUnit = "discipline_at_previous_unit", "/discipline/*/at_previous_unit", ColumnKind::Flag, "One discipline record: the violation happened at the previous unit.";
    DisciplineCountedBefore = "discipline_counted_before", "/discipline/*/counted_before", ColumnKind::Flag, "One discipline record: already counted in an earlier period.";
    DisciplineMemberId = "discipline_member_id", "/discipline/*/member_id", ColumnKind::Text, "One discipline record, for a collective: the member disciplined.";
    ConclusionsDegradation = "conclusions_degradation", "/conclusions/degradation", ColumnKind::Flag, "Concluded to show degradation.";
    ConclusionsProhibitionBreach = "conclusions_prohibition_breach", "/conclusions/prohibition_breach", ColumnKind::Flag, "Breached the things party members must not do.";
    ConclusionsExemplaryBreach = "conclusions_exemplary_breach", "/conclusions/exemplary_breach", ColumnKind::Flag, "Breached the exemplary-conduct rules.";
    ConclusionsCadreWorkViolation = "conclusions_cadre_work_violation", "/conclusions/cadre_work_violation", ColumnKind::Flag, "Leadership collective: violations in cadre work, disunity, factionalism.";
    ConclusionsDisunity = "conclusions_disunity", "/conclusions/disunity", ColumnKind::Flag, "QĐ 124, any collective; QĐ 132, leadership collective: disunity concluded by the competent level.";
    ConclusionsMemberDegradation = "conclusions_member_degradation", "/conclusions/member_degradation", ColumnKind::Flag, "Leadership collective: a member concluded degraded (false is stated, null is not).";
    LeaderConfidenceVoteLow = "leader_confidence_vote_low", "/leader/confidence_vote/low", ColumnKind::Count, "Leader: low-confidence votes.";
    LeaderConfidenceVoteTotal = "leader_confidence_vote_total", "/leader/confidence_vote/total", ColumnKind::Count, "Leader: votes cast.";
    LeaderUnitsInChargeTotal = "leader_units_in_charge_total", "/leader/units_in_charge/total", ColumnKind::Count, "Leader: units in charge (`m`).";
    LeaderUnitsInChargeNotCompleted = "leader_units_in_charge_not_completed", "/leader/units_in_charge/not_completed", ColumnKind::Count, "Leader: of them, rated Not completed (`k`).";
    LeaderBasicTargetsApplicable = "leader_basic_targets_applicable", "/leader/basic_targets/applicable", ColumnKind::Flag, "Leader: the five basic targets apply to the post.";
    LeaderBasicTargetsMissed = "leader_basic_targets_missed", "/leader/basic_targets/missed", ColumnKind::Count, "Leader: how many of the five were missed.";
    LeaderScopeCorruptionDisciplined = "leader_scope_corruption_disciplined", "/leader/scope_corruption_disciplined", ColumnKind::Flag, "Leader: corruption, waste or negativity under direct management, and disciplined.";
    LeaderMainTargetsMissed = "leader_main_targets_missed", "/leader/main_targets_missed", ColumnKind::Flag, "QĐ 124, QĐ 132, leader: the main targets of the unit(s) led were missed (false is stated, null is not).";
    LeaderHeadedLevel = "leader_headed_level", "/leader/headed_level", ColumnKind::Choice(LEVELS), "QĐ 132, a head: the level of the collective or organisation headed (the cap).";
    CollectiveSubordinateUnitsDisciplined = "collective_subordinate_units_disciplined", "/collective/subordinate_units_disciplined", ColumnKind::Count, "Collective: subordinate units disciplined in the period.";
    CollectiveBasicTargetsApplicable = "collective_basic_targets_applicable", "/collective/basic_targets/applicable", ColumnKind::Flag, "Leadership collective: the five basic targets apply.";
    CollectiveBasicTargetsMissed = "collective_basic_targets_missed", "/collective/basic_targets/missed", ColumnKind::Count, "Leadership collective: how many of the five were missed.";
    CollectiveSubordinateUnits = "collective_subordinate_units", "/collective/subordinate_units", ColumnKind::Count, "QĐ 124, collective: how many subordinate units there are.";
    CollectiveMainTargetsMissed = "collective_main_targets_missed", "/collective/main_targets_missed", ColumnKind::Flag, "QĐ 124, QĐ 132, collective: the main targets of the year were missed (false is stated, null is not).";
    CollectiveMemberLevelsExcellent = "collective_member_levels_excellent", "/collective/member_levels/excellent", ColumnKind::Count, "QĐ 132, a chi bộ: members rated Excellent (the four `collective_member_levels_*` columns default to 0 once one has a value).";
    CollectiveMemberLevelsGood = "collective_member_levels_good", "/collective/member_levels/good", ColumnKind::Count, "QĐ 132, a chi bộ: members rated Good.";
    CollectiveMemberLevelsCompleted = "collective_member_levels_completed", "/collective/member_levels/completed", ColumnKind::Count, "QĐ 132, a chi bộ: members rated Completed.";
    CollectiveMemberLevelsNotCompleted = "collective_member_levels_not_completed", "/collective/member_levels/not_completed", ColumnKind::Count, "QĐ 132, a chi bộ: members rated Not completed.";
    CollectiveSubordinateLevelsExcellent = "collective_subordinate_levels_excellent", "/collective/subordinate_levels/excellent", ColumnKind::Count, "QĐ 132, a đảng bộ: subordinate party organisations rated Excellent (the four `collective_subordinate_levels_*` columns default to 0 once one has a value).";
    CollectiveSubordinateLevelsGood = "collective_subordinate_levels_good", "/collective/subordinate_levels/good", ColumnKind::Count, "QĐ 132, a đảng bộ: subordinate party organisations rated Good.";
    CollectiveSubordinateLevelsCompleted = "collective_subordinate_levels_completed", "/collective/subordinate_levels/completed", ColumnKind::Count, "QĐ 132, a đảng bộ: subordinate party organisations rated Completed.";
    CollectiveSubordinateLevelsNotCompleted = "collective_subordinate_levels_not_completed", "/collective/subordinate_levels/not_completed", ColumnKind::Count, "QĐ 132, a đảng bộ: subordinate party organisations rated Not completed.";
    CollectiveSameLevelBodiesGood = "collective_same_level_bodies_good", "/collective/same_level_bodies_good", ColumnKind::Flag, "QĐ 132, party organisation or committee: the same-level government, Fatherland Front and mass organisations are all rated Good or better (false is stated, null is not).";
    CollectiveOrganisationLevel = "collective_organisation_level", "/collective/organisation_level", ColumnKind::Choice(LEVELS), "QĐ 132, leadership collective: the level of the organisation it leads (the cap).";
    MitigationSelfDetectedAndRemedied = "mitigation_self_detected_and_remedied", "/mitigation/self_detected_and_remedied", ColumnKind::Flag, "Mitigation claimed: detected by the subject and remedied in time.";
    MitigationForceMajeure = "mitigation_force_majeure", "/mitigation/force_majeure", ColumnKind::Flag, "Mitigation claimed: force majeure (leadership collective's plan trigger).";
    ProcedureOpenComplaints = "procedure_open_complaints", "/procedure/open_complaints", ColumnKind::Flag, "Complaints or signs of violations not yet checked.";
    QuotaGroup = "quota_group", "/quota_group", ColumnKind::Text, "Group for the Excellent quota.";
}

/// Parts of the assessment that have no flat columns: per-item points under a criteria
/// profile and the conduct checklist are keyed by item id, so a table cannot name them
/// in advance. Records that use them go through the record form (JSON, a dict).
///
/// The state side (`spec/state-regimes.md`) is record-only in this version too: a state
/// record's periods and product lists are lists of lists, and the party record's
/// `state_rating` comes with it (the long tables of `docs/state-regimes.md` are read by
/// the Python binding into records).
pub const RECORD_ONLY: [&str; 18] = [
    "/score/items",
    "/score/profile",
    "/conduct",
    "/rating",
    "/agency",
    "/periods",
    "/criteria",
    "/unit",
    "/managed_units",
    "/unit_level",
    "/state_rating",
    "/subject/employment",
    "/subject/unit_regulation",
    "/tasks/poor",
    "/leave/months_worked",
    "/leave/months_absent",
    "/leave/kind",
    "/discipline/*/kind",
];

/// How many columns there are.
pub const COLUMN_COUNT: usize = Column::ALL.len();

/// The prefix of the criterion-grade columns: `grades_criteria_<id>` holds the grade
/// of the criterion `<id>` (`/grades/criteria/<id>`).
pub const CRITERION_PREFIX: &str = "grades_criteria_";

impl Column {
    /// The column with this name; `None` for a family's own name (`grades_criteria`),
    /// whose columns are read by [`TableColumn::of`].
    pub fn from_name(name: &str) -> Option<Column> {
        Column::ALL
            .iter()
            .copied()
            .find(|c| c.name() == name && c.prefix().is_none())
    }

    /// For a family of columns keyed by the caller's ids ([`Column::GradesCriteria`]):
    /// the prefix of their names ([`CRITERION_PREFIX`]); `None` for a single column.
    pub fn prefix(self) -> Option<&'static str> {
        match self {
            Column::GradesCriteria => Some(CRITERION_PREFIX),
            _ => None,
        }
    }

    /// The key of a discipline record this column fills (`form`), for the
    /// single-record columns.
    pub fn discipline_key(self) -> Option<&'static str> {
        self.path().strip_prefix("/discipline/*/")
    }

    /// The single-record column for a discipline record's key (`form` →
    /// `discipline_form`).
    pub fn for_discipline_key(key: &str) -> Option<Column> {
        DISCIPLINE_COLUMNS
            .iter()
            .copied()
            .find(|c| c.discipline_key() == Some(key))
    }
}

/// The columns of `/collective/member_levels`, in the contract's order.
const MEMBER_LEVELS: [Column; 4] = [
    Column::CollectiveMemberLevelsExcellent,
    Column::CollectiveMemberLevelsGood,
    Column::CollectiveMemberLevelsCompleted,
    Column::CollectiveMemberLevelsNotCompleted,
];

/// The columns of `/collective/subordinate_levels`, in the contract's order.
const SUBORDINATE_LEVELS: [Column; 4] = [
    Column::CollectiveSubordinateLevelsExcellent,
    Column::CollectiveSubordinateLevelsGood,
    Column::CollectiveSubordinateLevelsCompleted,
    Column::CollectiveSubordinateLevelsNotCompleted,
];

/// The columns of one discipline record, in the contract's order.
pub const DISCIPLINE_COLUMNS: [Column; 6] = [
    Column::DisciplineForm,
    Column::DisciplineDecidedOn,
    Column::DisciplineDutyRelated,
    Column::DisciplineAtPreviousUnit,
    Column::DisciplineCountedBefore,
    Column::DisciplineMemberId,
];

/// A column of a table, read by its name: a leaf of the contract, or one member of a
/// family of columns keyed by the caller's ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableColumn<'n> {
    /// A leaf of the contract.
    Leaf(Column),
    /// One criterion's grade, the column `grades_criteria_<id>`: the id.
    Criterion(&'n str),
}

impl<'n> TableColumn<'n> {
    /// The column with this name (`tasks_on_time`, `grades_criteria_politics`), if the
    /// contract has it.
    pub fn of(name: &'n str) -> Option<TableColumn<'n>> {
        if let Some(column) = Column::from_name(name) {
            return Some(TableColumn::Leaf(column));
        }
        name.strip_prefix(CRITERION_PREFIX)
            .filter(|id| !id.is_empty())
            .map(TableColumn::Criterion)
    }

    /// The contract's column it is, or belongs to (the family of a criterion).
    pub fn column(self) -> Column {
        match self {
            TableColumn::Leaf(column) => column,
            TableColumn::Criterion(_) => Column::GradesCriteria,
        }
    }
}

/// One value of a row, as a table holds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// Text.
    Text(&'a str),
    /// A whole number.
    Integer(i64),
    /// A floating-point number (NaN counts as no value).
    Number(f64),
    /// True or false.
    Flag(bool),
}

/// One discipline record's values, by [`DISCIPLINE_COLUMNS`] position.
pub type DisciplineCells<'a> = [Option<Cell<'a>>; DISCIPLINE_COLUMNS.len()];

/// One row of a flat table. Reuse it across rows: [`FlatRow::set`] overwrites a cell,
/// [`FlatRow::clear_records`] empties the list of discipline records.
#[derive(Debug, Clone)]
pub struct FlatRow<'a> {
    cells: [Option<Cell<'a>>; COLUMN_COUNT],
    records: Vec<DisciplineCells<'a>>,
    /// The criterion-grade columns: (criterion id, value).
    criteria: Vec<(&'a str, Option<Cell<'a>>)>,
}

impl Default for FlatRow<'_> {
    fn default() -> Self {
        FlatRow {
            cells: [None; COLUMN_COUNT],
            records: Vec::new(),
            criteria: Vec::new(),
        }
    }
}

/// Collects the problems of one row.
struct Problems(Vec<InputError>);

impl Problems {
    fn wrong_type(&mut self, column: Column, path: &str) {
        self.wrong_type_in(column.name(), column.kind(), path);
    }

    fn wrong_type_in(&mut self, name: &str, kind: ColumnKind, path: &str) {
        let (vi, en) = kind.expected();
        self.0.push(InputError::new(
            ErrorCode::InvalidType,
            path,
            format!("Cột `{name}`: cần {vi}"),
            format!("column `{name}`: expected {en}"),
        ));
    }

    fn missing(&mut self, column: Column, path: &str) {
        self.0.push(InputError::new(
            ErrorCode::MissingField,
            path,
            format!("Thiếu `{path}` (cột `{}`)", column.name()),
            format!("`{path}` is required (column `{}`)", column.name()),
        ));
    }
}

/// Reads cells as the contract's field types, reporting problems at the column's path.
struct Reader<'r> {
    problems: &'r mut Problems,
}

impl Reader<'_> {
    /// Text; for a date column, a day written `D/M/YYYY` (Vietnamese order; `.` or `-`
    /// may separate too) becomes `YYYY-MM-DD`, and one that does not exist is an error
    /// here. Any other text goes on as it is, for validation to read.
    fn text(&mut self, column: Column, path: &str, cell: Option<Cell<'_>>) -> Option<String> {
        match cell? {
            Cell::Text(text) if column.kind() == ColumnKind::Date => match day_month_year(text) {
                Some(Some(day)) => Some(day.format("%Y-%m-%d").to_string()),
                Some(None) => {
                    self.problems.0.push(InputError::invalid_date(path, text));
                    None
                }
                None => Some(text.to_owned()),
            },
            Cell::Text(text) => Some(text.to_owned()),
            Cell::Number(n) if n.is_nan() => None,
            _ => {
                self.problems.wrong_type(column, path);
                None
            }
        }
    }

    /// A whole number: an integer, a float with no fraction, or the text of an integer
    /// (`"12"`, as a CSV file holds it).
    fn whole(&mut self, column: Column, path: &str, cell: Option<Cell<'_>>) -> Option<i64> {
        match cell? {
            Cell::Integer(n) => Some(n),
            Cell::Number(n) if n.is_nan() => None,
            // Exact: every integer-valued f64 in this range converts without loss.
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Some(n as i64),
            Cell::Text(text) => match text.trim().parse::<i64>() {
                Ok(n) if is_integer_text(text.trim()) => Some(n),
                _ => {
                    self.problems.wrong_type(column, path);
                    None
                }
            },
            _ => {
                self.problems.wrong_type(column, path);
                None
            }
        }
    }

    fn count(&mut self, column: Column, path: &str, cell: Option<Cell<'_>>) -> Option<u32> {
        let value = self.whole(column, path, cell)?;
        match u32::try_from(value) {
            Ok(count) => Some(count),
            Err(_) => {
                self.problems.0.push(InputError::new(
                    ErrorCode::OutOfRange,
                    path,
                    format!("Cột `{}`: {value} không phải số đếm hợp lệ", column.name()),
                    format!("column `{}`: {value} is not a valid count", column.name()),
                ));
                None
            }
        }
    }

    fn year(&mut self, column: Column, path: &str, cell: Option<Cell<'_>>) -> Option<i32> {
        let value = self.whole(column, path, cell)?;
        match i32::try_from(value) {
            Ok(year) => Some(year),
            Err(_) => {
                self.problems.0.push(InputError::new(
                    ErrorCode::OutOfRange,
                    path,
                    format!("Cột `{}`: năm {value} không hợp lệ", column.name()),
                    format!("column `{}`: {value} is not a valid year", column.name()),
                ));
                None
            }
        }
    }

    fn decimal(
        &mut self,
        column: Column,
        path: &str,
        cell: Option<Cell<'_>>,
    ) -> Option<serde_json::Number> {
        let cell = cell?;
        if matches!(cell, Cell::Number(n) if n.is_nan()) {
            return None;
        }
        let number = cell_decimal(cell);
        if number.is_none() {
            self.problems.wrong_type(column, path);
        }
        number
    }

    /// A flag: true or false, or text naming one (`Có`, `Không`, `Yes`, `No`, `true`,
    /// `false`).
    fn flag(&mut self, column: Column, path: &str, cell: Option<Cell<'_>>) -> Option<bool> {
        match cell? {
            Cell::Flag(flag) => Some(flag),
            Cell::Number(n) if n.is_nan() => None,
            Cell::Text(text) => match find_choice(FLAGS, text) {
                Some(name) => Some(name.value == "true"),
                None => {
                    self.problems.wrong_type(column, path);
                    None
                }
            },
            _ => {
                self.problems.wrong_type(column, path);
                None
            }
        }
    }

    fn choice<T: Deserialize<'static>>(
        &mut self,
        column: Column,
        path: &str,
        cell: Option<Cell<'_>>,
    ) -> Option<T> {
        self.choice_in(column.name(), column.kind(), path, cell)
    }

    /// A choice read from the column `name` (a member of a family: its own name).
    fn choice_in<T: Deserialize<'static>>(
        &mut self,
        name: &str,
        kind: ColumnKind,
        path: &str,
        cell: Option<Cell<'_>>,
    ) -> Option<T> {
        let text = match cell? {
            Cell::Text(text) => text,
            Cell::Number(n) if n.is_nan() => return None,
            _ => {
                self.problems.wrong_type_in(name, kind, path);
                return None;
            }
        };
        let names = kind.choices();
        match find_choice(names, text) {
            // The names are the contract's (a test reads each one), so this holds.
            Some(choice) => T::deserialize(StrDeserializer::<ValueError>::new(choice.value)).ok(),
            None => {
                let values: Vec<&str> = names.iter().map(|n| n.value).collect();
                let labels: Vec<&str> = names.iter().map(|n| n.vi).collect();
                let (values, labels) = (values.join(", "), labels.join("; "));
                self.problems.0.push(InputError::new(
                    ErrorCode::InvalidValue,
                    path,
                    format!(
                        "Cột `{name}`: `{text}` không hợp lệ; các giá trị: {labels} ({values})"
                    ),
                    format!("column `{name}`: `{text}` is not one of {values}"),
                ));
                None
            }
        }
    }
}

/// A cell's decimal, exactly (`None` when it holds none).
pub(crate) fn cell_decimal(cell: Cell<'_>) -> Option<serde_json::Number> {
    match cell {
        // The shortest text that reads back as this f64 is the decimal the table was
        // given (27.55 stays 27.55), which validation then reads exactly: a float that
        // is no such decimal (0.1 + 0.2 = 0.30000000000000004) keeps all its places,
        // and validation refuses it as more than two.
        // A whole number is read as one (no decimal text to write and read back).
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
            Some(serde_json::Number::from(n as i64))
        }
        Cell::Number(n) => serde_json::Number::from_f64(n),
        Cell::Integer(n) => Some(serde_json::Number::from(n)),
        Cell::Text(text) => decimal_text(text.trim()),
        Cell::Flag(_) => None,
    }
}

/// Whether `text` is an integer's text: an optional sign, then ASCII digits.
pub(crate) fn is_integer_text(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A decimal's text, exactly: a JSON number (`27.5`), or digits with one decimal comma
/// as Vietnamese writes them (`27,5`). `None` for anything else.
pub(crate) fn decimal_text(text: &str) -> Option<serde_json::Number> {
    match text.split_once(',') {
        Some((whole, fraction))
            if is_integer_text(whole)
                && !fraction.is_empty()
                && fraction.bytes().all(|b| b.is_ascii_digit()) =>
        {
            format!("{whole}.{fraction}").parse().ok()
        }
        Some(_) => None,
        None => text.parse().ok(),
    }
}

/// A day written day first, `D/M/YYYY` (`/`, `.` or `-` between the parts):
/// `Some(Some(day))`, `Some(None)` when no such day exists (`30/02/2025`), `None` when
/// the text is not written so.
pub(crate) fn day_month_year(text: &str) -> Option<Option<NaiveDate>> {
    let text = text.trim();
    let separator = text.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let mut parts = text.split(separator);
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    let short =
        |part: &str| (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some()
        || !short(day)
        || !short(month)
        || year.len() != 4
        || !year.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let number = |part: &str| part.parse::<u32>().ok();
    let year = year.parse::<i32>().ok()?;
    Some(NaiveDate::from_ymd_opt(year, number(month)?, number(day)?))
}

impl<'a> FlatRow<'a> {
    /// An empty row.
    pub fn new() -> FlatRow<'a> {
        FlatRow::default()
    }

    /// Sets (or clears, with `None`) one column's value. The family
    /// [`Column::GradesCriteria`] has no value of its own (it is not read): its columns
    /// are set by [`FlatRow::set_criterion`].
    pub fn set(&mut self, column: Column, cell: Option<Cell<'a>>) {
        if let Some(slot) = self.cells.get_mut(column as usize) {
            *slot = cell;
        }
    }

    /// The value of one column.
    pub fn get(&self, column: Column) -> Option<Cell<'a>> {
        self.cells.get(column as usize).copied().flatten()
    }

    /// Empties the list of discipline records (the column `discipline`).
    pub fn clear_records(&mut self) {
        self.records.clear();
    }

    /// Adds one record of the column `discipline`.
    pub fn push_record(&mut self, record: DisciplineCells<'a>) {
        self.records.push(record);
    }

    /// Sets (or clears, with `None`) the grade of the criterion `id`: the value of the
    /// column `grades_criteria_<id>`. A criterion set once stays in the row (null when
    /// cleared) until [`FlatRow::clear_criteria`].
    pub fn set_criterion(&mut self, id: &'a str, cell: Option<Cell<'a>>) {
        match self.criteria.iter_mut().find(|(known, _)| *known == id) {
            Some((_, slot)) => *slot = cell,
            None => self.criteria.push((id, cell)),
        }
    }

    /// Forgets every criterion column.
    pub fn clear_criteria(&mut self) {
        self.criteria.clear();
    }

    /// The value of the criterion `id`'s column.
    pub fn criterion(&self, id: &str) -> Option<Cell<'a>> {
        self.criteria
            .iter()
            .find(|(known, _)| *known == id)
            .and_then(|(_, cell)| *cell)
    }

    /// Whether the single-record discipline columns hold a record.
    fn has_single_record(&self) -> bool {
        record_present(&DISCIPLINE_COLUMNS.map(|c| self.get(c)))
    }

    fn has_value(&self, column: Column) -> bool {
        match self.get(column) {
            Some(Cell::Flag(flag)) => flag_default(column) != Some(flag),
            cell => is_value(cell),
        }
    }

    /// An optional flag field: `None` when the column is empty or holds the default.
    fn flag_field(&self, r: &mut Reader<'_>, column: Column) -> Option<bool> {
        if !self.has_value(column) {
            return None;
        }
        r.flag(column, column.path(), self.get(column))
    }

    /// A flag field defaulting to false.
    fn set_flag(&self, r: &mut Reader<'_>, column: Column) -> bool {
        self.flag_field(r, column).unwrap_or(false)
    }

    fn any(&self, columns: &[Column]) -> bool {
        columns.iter().any(|&c| self.has_value(c))
    }

    /// The row's `id`, when its cell holds text: what names a row that cannot be read.
    pub fn id_text(&self) -> Option<&'a str> {
        match self.get(Column::Id) {
            Some(Cell::Text(id)) => Some(id),
            _ => None,
        }
    }

    /// The column a JSON path of this row's record came from (`/tasks/on_time` →
    /// `tasks_on_time`; `/discipline/1/form` → `discipline` or `discipline_form`;
    /// `/grades/criteria/politics` → `grades_criteria_politics`; an object's path,
    /// `/score`, → its first column).
    pub fn column_of(&self, path: &str) -> Option<Cow<'static, str>> {
        if let Some(rest) = path.strip_prefix("/discipline/") {
            let (index, key) = rest.split_once('/').unwrap_or((rest, ""));
            let index: usize = index.parse().ok()?;
            if index < self.records.len() {
                return Some(Column::Discipline.name().into());
            }
            return Some(
                Column::for_discipline_key(key)
                    .unwrap_or(Column::DisciplineForm)
                    .name()
                    .into(),
            );
        }
        if let Some(rest) = path.strip_prefix(Column::GradesCriteria.path()) {
            // One criterion's path, or the whole map's: its first column in the row.
            let segment = rest.strip_prefix('/');
            if segment.is_none() && !rest.is_empty() {
                return None;
            }
            return self
                .criteria
                .iter()
                .find(|(id, _)| segment.is_none_or(|s| pointer_segment(id) == s))
                .map(|(id, _)| format!("{CRITERION_PREFIX}{id}").into());
        }
        let inside = |c: &&Column| {
            c.prefix().is_none()
                && c.path()
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with('/'))
        };
        Column::ALL
            .iter()
            .find(|c| c.path() == path)
            .or_else(|| Column::ALL.iter().find(inside))
            .map(|c| c.name().into())
    }

    /// Builds the assessment this row describes. Fails with every problem of the row
    /// (wrong types, missing fields of a present object, unknown names); validation of
    /// the record itself is [`crate::validate()`]'s.
    pub fn to_assessment(&self) -> Result<Assessment, InputErrors> {
        let mut problems = Problems(Vec::new());
        let assessment = self.build(&mut problems);
        match assessment {
            Some(assessment) if problems.0.is_empty() => Ok(assessment),
            _ => Err(InputErrors(problems.0)),
        }
    }

    fn build(&self, problems: &mut Problems) -> Option<Assessment> {
        let mut r = Reader { problems };
        let cell = |c: Column| self.get(c);

        if !self.has_value(C::Id) {
            r.problems.missing(C::Id, "/id");
        }
        let id = r.text(C::Id, "/id", cell(C::Id));
        let period = PeriodInput {
            year: r.year(C::PeriodYear, "/period/year", cell(C::PeriodYear)),
            quarter: r.count(C::PeriodQuarter, "/period/quarter", cell(C::PeriodQuarter)),
            from: r.text(C::PeriodFrom, "/period/from", cell(C::PeriodFrom)),
            to: r.text(C::PeriodTo, "/period/to", cell(C::PeriodTo)),
        };
        let as_of = r.text(C::AsOf, "/as_of", cell(C::AsOf));
        let regime = r.text(C::Regime, "/regime", cell(C::Regime));

        if !self.has_value(C::SubjectKind) {
            r.problems.missing(C::SubjectKind, "/subject/kind");
        }
        let kind = r.choice(C::SubjectKind, "/subject/kind", cell(C::SubjectKind));
        let temporary_activity = if self.any(&[
            C::SubjectTemporaryActivityUnit,
            C::SubjectTemporaryActivityCommentReceived,
        ]) {
            let unit = r.text(
                C::SubjectTemporaryActivityUnit,
                "/subject/temporary_activity/unit",
                cell(C::SubjectTemporaryActivityUnit),
            );
            if !self.has_value(C::SubjectTemporaryActivityUnit) {
                r.problems.missing(
                    C::SubjectTemporaryActivityUnit,
                    "/subject/temporary_activity/unit",
                );
            }
            let comment_received =
                self.set_flag(&mut r, C::SubjectTemporaryActivityCommentReceived);
            unit.map(|unit| TemporaryActivity {
                unit,
                comment_received,
            })
        } else {
            None
        };
        let subject = kind.map(|kind| SubjectInput {
            kind,
            in_political_system: None,
            centrally_managed: None,
            collective_kind: None,
            party_status: None,
            employment: None,
            unit_regulation: None,
            admitted_on: None,
            established_on: None,
            temporary_activity,
        });
        let in_political_system = self.flag_field(&mut r, C::SubjectInPoliticalSystem);
        let centrally_managed = self.flag_field(&mut r, C::SubjectCentrallyManaged);
        let collective_kind = r.choice(
            C::SubjectCollectiveKind,
            "/subject/collective_kind",
            cell(C::SubjectCollectiveKind),
        );
        let party_status = r.choice(
            C::SubjectPartyStatus,
            "/subject/party_status",
            cell(C::SubjectPartyStatus),
        );
        let admitted_on = r.text(
            C::SubjectAdmittedOn,
            "/subject/admitted_on",
            cell(C::SubjectAdmittedOn),
        );
        let established_on = r.text(
            C::SubjectEstablishedOn,
            "/subject/established_on",
            cell(C::SubjectEstablishedOn),
        );
        let subject = subject.map(|s| SubjectInput {
            in_political_system,
            centrally_managed,
            collective_kind,
            party_status,
            admitted_on,
            established_on,
            ..s
        });

        let score = if self.any(&[C::ScoreGeneral, C::ScoreTaskResults]) {
            let general = self.required_decimal(&mut r, C::ScoreGeneral);
            let task_results = self.required_decimal(&mut r, C::ScoreTaskResults);
            match (general, task_results) {
                (Some(general), Some(task_results)) => {
                    Some(ScoreInput::points(general, task_results))
                }
                _ => None,
            }
        } else {
            None
        };

        let grades = self.grades(&mut r);
        let civil_service_level = r.choice(
            C::CivilServiceLevel,
            "/civil_service_level",
            cell(C::CivilServiceLevel),
        );

        let task_columns = [
            C::TasksAssigned,
            C::TasksCompleted,
            C::TasksOnTime,
            C::TasksExceeded,
        ];
        let tasks = if self.any(&task_columns) || self.has_value(C::TasksNotCompleted) {
            let [assigned, completed, on_time, exceeded] =
                task_columns.map(|c| self.required_count(&mut r, c));
            let not_completed = r.count(
                C::TasksNotCompleted,
                "/tasks/not_completed",
                cell(C::TasksNotCompleted),
            );
            match (assigned, completed, on_time, exceeded) {
                (Some(assigned), Some(completed), Some(on_time), Some(exceeded)) => {
                    Some(TasksInput {
                        assigned,
                        completed,
                        on_time,
                        exceeded,
                        not_completed,
                        poor: None,
                    })
                }
                _ => None,
            }
        } else {
            None
        };

        let shortcomings = if self.any(&[C::ShortcomingsIdentified, C::ShortcomingsFixed]) {
            let identified = self.required_count(&mut r, C::ShortcomingsIdentified);
            let fixed = self.required_count(&mut r, C::ShortcomingsFixed);
            identified
                .zip(fixed)
                .map(|(identified, fixed)| ShortcomingsInput { identified, fixed })
        } else {
            None
        };

        let leave = if self.any(&[C::LeaveSickMonths, C::LeaveMaternity]) {
            Some(LeaveInput {
                sick_months: r.decimal(
                    C::LeaveSickMonths,
                    "/leave/sick_months",
                    cell(C::LeaveSickMonths),
                ),
                maternity: self.set_flag(&mut r, C::LeaveMaternity),
                months_worked: None,
                months_absent: None,
                kind: None,
            })
        } else {
            None
        };

        let mut discipline = Vec::with_capacity(self.records.len() + 1);
        for (index, record) in self.records.iter().enumerate() {
            if let Some(d) = discipline_record(&mut r, index, record, true) {
                discipline.push(d);
            }
        }
        if self.has_single_record() {
            let record = DISCIPLINE_COLUMNS.map(cell);
            if let Some(d) = discipline_record(&mut r, self.records.len(), &record, false) {
                discipline.push(d);
            }
        }

        let conclusions = Conclusions {
            degradation: self.set_flag(&mut r, C::ConclusionsDegradation),
            prohibition_breach: self.set_flag(&mut r, C::ConclusionsProhibitionBreach),
            exemplary_breach: self.set_flag(&mut r, C::ConclusionsExemplaryBreach),
            cadre_work_violation: self.set_flag(&mut r, C::ConclusionsCadreWorkViolation),
            disunity: self.set_flag(&mut r, C::ConclusionsDisunity),
            member_degradation: self.flag_field(&mut r, C::ConclusionsMemberDegradation),
        };

        let leader = if self.any(&[
            C::LeaderConfidenceVoteLow,
            C::LeaderConfidenceVoteTotal,
            C::LeaderUnitsInChargeTotal,
            C::LeaderUnitsInChargeNotCompleted,
            C::LeaderBasicTargetsApplicable,
            C::LeaderBasicTargetsMissed,
            C::LeaderScopeCorruptionDisciplined,
            C::LeaderMainTargetsMissed,
            C::LeaderHeadedLevel,
        ]) {
            let confidence_vote =
                if self.any(&[C::LeaderConfidenceVoteLow, C::LeaderConfidenceVoteTotal]) {
                    let low = self.required_count(&mut r, C::LeaderConfidenceVoteLow);
                    let total = self.required_count(&mut r, C::LeaderConfidenceVoteTotal);
                    low.zip(total)
                        .map(|(low, total)| ConfidenceVote { low, total })
                } else {
                    None
                };
            let units_in_charge = if self.any(&[
                C::LeaderUnitsInChargeTotal,
                C::LeaderUnitsInChargeNotCompleted,
            ]) {
                let total = self.required_count(&mut r, C::LeaderUnitsInChargeTotal);
                let not_completed = self.required_count(&mut r, C::LeaderUnitsInChargeNotCompleted);
                total
                    .zip(not_completed)
                    .map(|(total, not_completed)| UnitsInCharge {
                        total,
                        not_completed,
                    })
            } else {
                None
            };
            Some(LeaderInput {
                confidence_vote,
                units_in_charge,
                basic_targets: self.basic_targets(
                    &mut r,
                    C::LeaderBasicTargetsApplicable,
                    C::LeaderBasicTargetsMissed,
                ),
                scope_corruption_disciplined: self
                    .set_flag(&mut r, C::LeaderScopeCorruptionDisciplined),
                main_targets_missed: self.flag_field(&mut r, C::LeaderMainTargetsMissed),
                headed_level: r.choice(
                    C::LeaderHeadedLevel,
                    "/leader/headed_level",
                    cell(C::LeaderHeadedLevel),
                ),
            })
        } else {
            None
        };

        let collective = if self.any(&[
            C::CollectiveSubordinateUnitsDisciplined,
            C::CollectiveBasicTargetsApplicable,
            C::CollectiveBasicTargetsMissed,
            C::CollectiveSubordinateUnits,
            C::CollectiveMainTargetsMissed,
            C::CollectiveSameLevelBodiesGood,
            C::CollectiveOrganisationLevel,
        ]) || self.any(&MEMBER_LEVELS)
            || self.any(&SUBORDINATE_LEVELS)
        {
            Some(CollectiveInput {
                subordinate_units_disciplined: r.count(
                    C::CollectiveSubordinateUnitsDisciplined,
                    "/collective/subordinate_units_disciplined",
                    cell(C::CollectiveSubordinateUnitsDisciplined),
                ),
                basic_targets: self.basic_targets(
                    &mut r,
                    C::CollectiveBasicTargetsApplicable,
                    C::CollectiveBasicTargetsMissed,
                ),
                subordinate_units: r.count(
                    C::CollectiveSubordinateUnits,
                    "/collective/subordinate_units",
                    cell(C::CollectiveSubordinateUnits),
                ),
                main_targets_missed: self.flag_field(&mut r, C::CollectiveMainTargetsMissed),
                member_levels: self.level_counts(&mut r, MEMBER_LEVELS),
                subordinate_levels: self.level_counts(&mut r, SUBORDINATE_LEVELS),
                same_level_bodies_good: self.flag_field(&mut r, C::CollectiveSameLevelBodiesGood),
                organisation_level: r.choice(
                    C::CollectiveOrganisationLevel,
                    "/collective/organisation_level",
                    cell(C::CollectiveOrganisationLevel),
                ),
            })
        } else {
            None
        };

        let mitigation = Mitigation {
            self_detected_and_remedied: self.set_flag(&mut r, C::MitigationSelfDetectedAndRemedied),
            force_majeure: self.set_flag(&mut r, C::MitigationForceMajeure),
        };
        let procedure = Procedure {
            open_complaints: self.set_flag(&mut r, C::ProcedureOpenComplaints),
        };
        let quota_group = r.text(C::QuotaGroup, "/quota_group", cell(C::QuotaGroup));

        Some(Assessment {
            id: id?,
            period,
            as_of,
            regime,
            subject: subject?,
            score,
            grades,
            civil_service_level,
            tasks,
            shortcomings,
            leave,
            discipline,
            conclusions,
            leader,
            collective,
            mitigation,
            procedure,
            quota_group,
            conduct: None,
            rating: None,
            agency: None,
            periods: None,
            criteria: None,
            unit: None,
            managed_units: None,
            unit_level: None,
            state_rating: None,
        })
    }

    /// The criterion grades: present when a criterion or `grades_task_results` has a
    /// value; then both parts are required.
    fn grades(&self, r: &mut Reader<'_>) -> Option<GradesInput> {
        let family = Column::GradesCriteria;
        let given = self.criteria.iter().any(|(_, cell)| is_value(*cell));
        if !given && !self.has_value(Column::GradesTaskResults) {
            return None;
        }
        let mut criteria = BTreeMap::new();
        for &(id, cell) in &self.criteria {
            let path = format!("{}/{}", family.path(), pointer_segment(id));
            let name = format!("{CRITERION_PREFIX}{id}");
            if let Some(grade) = r.choice_in::<Grade>(&name, family.kind(), &path, cell) {
                criteria.insert(id.to_owned(), grade);
            }
        }
        if !given {
            let path = family.path();
            r.problems.0.push(InputError::new(
                ErrorCode::MissingField,
                path,
                format!("Thiếu `{path}` (các cột `{CRITERION_PREFIX}<mã tiêu chí>`)"),
                format!("`{path}` is required (the columns `{CRITERION_PREFIX}<criterion id>`)"),
            ));
        }
        let task_results = if self.has_value(Column::GradesTaskResults) {
            r.choice(
                Column::GradesTaskResults,
                Column::GradesTaskResults.path(),
                self.get(Column::GradesTaskResults),
            )
        } else {
            r.problems
                .missing(Column::GradesTaskResults, Column::GradesTaskResults.path());
            None
        };
        // A criterion that could not be read is a problem of the row, which then fails.
        match task_results {
            Some(task_results) if given => Some(GradesInput {
                criteria,
                task_results,
            }),
            _ => None,
        }
    }

    /// Counts by level from four columns; those without a value are 0 once one has one.
    fn level_counts(&self, r: &mut Reader<'_>, columns: [Column; 4]) -> Option<LevelCounts> {
        if !self.any(&columns) {
            return None;
        }
        let [excellent, good, completed, not_completed] =
            columns.map(|c| r.count(c, c.path(), self.get(c)).unwrap_or(0));
        Some(LevelCounts {
            excellent,
            good,
            completed,
            not_completed,
        })
    }

    fn required_decimal(&self, r: &mut Reader<'_>, column: Column) -> Option<serde_json::Number> {
        if !self.has_value(column) {
            r.problems.missing(column, column.path());
            return None;
        }
        r.decimal(column, column.path(), self.get(column))
    }

    fn required_count(&self, r: &mut Reader<'_>, column: Column) -> Option<u32> {
        if !self.has_value(column) {
            r.problems.missing(column, column.path());
            return None;
        }
        r.count(column, column.path(), self.get(column))
    }

    fn basic_targets(
        &self,
        r: &mut Reader<'_>,
        applicable: Column,
        missed: Column,
    ) -> Option<BasicTargets> {
        if !self.has_value(missed) && !self.has_value(applicable) {
            return None;
        }
        // Inside the object `applicable` is required, so false is a value here.
        let applicable_value = if is_value(self.get(applicable)) {
            r.flag(applicable, applicable.path(), self.get(applicable))
        } else {
            r.problems.missing(applicable, applicable.path());
            None
        };
        let missed_value = self.required_count(r, missed);
        applicable_value
            .zip(missed_value)
            .map(|(applicable, missed)| BasicTargets { applicable, missed })
    }
}

/// Whether a cell holds a value: not empty, not NaN.
fn is_value(cell: Option<Cell<'_>>) -> bool {
    match cell {
        None => false,
        Some(Cell::Number(n)) => !n.is_nan(),
        Some(_) => true,
    }
}

/// The value a flag field takes when absent, for the flags that have one; a flag equal
/// to it states nothing (a table mixing kinds may fill the column for everyone).
pub(crate) fn flag_default(column: Column) -> Option<bool> {
    match column {
        C::SubjectInPoliticalSystem | C::DisciplineDutyRelated => Some(true),
        C::SubjectCentrallyManaged
        | C::SubjectTemporaryActivityCommentReceived
        | C::LeaveMaternity
        | C::DisciplineAtPreviousUnit
        | C::DisciplineCountedBefore
        | C::ConclusionsDegradation
        | C::ConclusionsProhibitionBreach
        | C::ConclusionsExemplaryBreach
        | C::ConclusionsCadreWorkViolation
        | C::ConclusionsDisunity
        | C::LeaderScopeCorruptionDisciplined
        | C::MitigationSelfDetectedAndRemedied
        | C::MitigationForceMajeure
        | C::ProcedureOpenComplaints => Some(false),
        _ => None,
    }
}

/// Whether a record's cells hold a record: a value other than a flag's default.
fn record_present(cells: &DisciplineCells<'_>) -> bool {
    DISCIPLINE_COLUMNS
        .iter()
        .zip(cells)
        .any(|(&column, &cell)| match cell {
            Some(Cell::Flag(flag)) => flag_default(column) != Some(flag),
            cell => is_value(cell),
        })
}

/// One discipline record from its cells; `listed` says whether it came from the column
/// `discipline` (its problems then name that column).
fn discipline_record<'a>(
    r: &mut Reader<'_>,
    index: usize,
    cells: &DisciplineCells<'a>,
    listed: bool,
) -> Option<DisciplineInput> {
    let [form, decided_on, duty_related, at_previous_unit, counted_before, member_id] = *cells;
    let path = |key: &str| format!("/discipline/{index}/{}", pointer_segment(key));
    let named = |c: Column| if listed { Column::Discipline } else { c };
    let form_path = path("form");
    let decided_path = path("decided_on");
    if !is_value(form) {
        r.problems
            .missing(named(Column::DisciplineForm), &form_path);
    }
    if !is_value(decided_on) {
        r.problems
            .missing(named(Column::DisciplineDecidedOn), &decided_path);
    }
    let form = r.choice(Column::DisciplineForm, &form_path, form);
    let decided_on = r.text(Column::DisciplineDecidedOn, &decided_path, decided_on);
    let duty_related = r.flag(
        Column::DisciplineDutyRelated,
        &path("duty_related"),
        duty_related,
    );
    let at_previous_unit = r
        .flag(
            Column::DisciplineAtPreviousUnit,
            &path("at_previous_unit"),
            at_previous_unit,
        )
        .unwrap_or(false);
    let counted_before = r
        .flag(
            Column::DisciplineCountedBefore,
            &path("counted_before"),
            counted_before,
        )
        .unwrap_or(false);
    let member_id = r.text(Column::DisciplineMemberId, &path("member_id"), member_id);
    Some(DisciplineInput {
        form: form?,
        decided_on: decided_on?,
        duty_related,
        at_previous_unit,
        counted_before,
        member_id,
        kind: None,
    })
}

/// The error for a column that is not part of the contract; its path is the column
/// as a key of the row (`/tasks_ontime`).
pub fn unknown_column(name: &str) -> InputError {
    let path = format!("/{}", pointer_segment(name));
    InputError::new(
        ErrorCode::UnknownField,
        path,
        format!("Cột `{name}` không có trong hợp đồng dữ liệu"),
        format!("column `{name}` is not a column of the contract"),
    )
}

/// The error for a column named twice in a table; its path is the column as a key of
/// the row.
pub fn duplicate_column(name: &str) -> InputError {
    InputError::new(
        ErrorCode::InvalidValue,
        format!("/{}", pointer_segment(name)),
        format!("Cột `{name}` xuất hiện hai lần"),
        format!("column `{name}` appears twice"),
    )
}

/// The columns of a table by name, in the table's order; every unknown or repeated
/// name is an error.
pub fn columns_of<'n>(
    names: impl IntoIterator<Item = &'n str>,
) -> Result<Vec<TableColumn<'n>>, InputErrors> {
    let mut columns = Vec::new();
    let mut errors = Vec::new();
    for name in names {
        match TableColumn::of(name) {
            Some(column) if columns.contains(&column) => errors.push(duplicate_column(name)),
            Some(column) => columns.push(column),
            None => errors.push(unknown_column(name)),
        }
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(InputErrors(errors))
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::api::evaluate::evaluate;
    use crate::contract::assessment::DisciplineForm;
    use crate::contract::level::{Level, Options};
    use crate::contract::regime::RegimeId;
    use crate::contract::schema::assessment_schema;
    use crate::contract::subject::{CollectiveKind, PartyStatus, SubjectKind};
    use crate::intake::decode::decode_assessment;
    use crate::intake::validate::assessment::validate;

    fn row<'a>(cells: &[(Column, Cell<'a>)]) -> FlatRow<'a> {
        let mut row = FlatRow::new();
        for &(column, cell) in cells {
            row.set(column, Some(cell));
        }
        row
    }

    fn member<'a>() -> Vec<(Column, Cell<'a>)> {
        vec![
            (Column::Id, Cell::Text("dv-1")),
            (Column::PeriodYear, Cell::Integer(2025)),
            (Column::SubjectKind, Cell::Text("member")),
            (Column::SubjectAdmittedOn, Cell::Text("2019-05-19")),
            (Column::ScoreGeneral, Cell::Number(27.5)),
            (Column::ScoreTaskResults, Cell::Integer(63)),
            (Column::TasksAssigned, Cell::Number(12.0)),
            (Column::TasksCompleted, Cell::Integer(12)),
            (Column::TasksOnTime, Cell::Integer(12)),
            (Column::TasksExceeded, Cell::Integer(3)),
        ]
    }

    #[test]
    fn names_are_paths_with_underscores() {
        for column in Column::ALL {
            let expected = column
                .path()
                .trim_start_matches('/')
                .replace("/*/", "_")
                .replace('/', "_");
            assert_eq!(column.name(), expected, "{column:?}");
        }
    }

    #[test]
    fn every_leaf_of_the_assessment_schema_has_a_column() {
        fn leaves(
            schema: &serde_json::Value,
            node: &serde_json::Value,
            path: String,
            out: &mut Vec<String>,
        ) {
            let resolved = |n: &serde_json::Value| -> serde_json::Value {
                let reference = n
                    .get("$ref")
                    .or_else(|| n.get("anyOf").and_then(|a| a[0].get("$ref")))
                    .and_then(|r| r.as_str());
                match reference {
                    Some(r) => schema["$defs"][r.trim_start_matches("#/$defs/")].clone(),
                    None => n.clone(),
                }
            };
            let node = resolved(node);
            if let Some(props) = node.get("properties").and_then(|p| p.as_object()) {
                for (key, child) in props {
                    leaves(schema, child, format!("{path}/{key}"), out);
                }
            } else if let Some(items) = node.get("items") {
                leaves(schema, items, format!("{path}/*"), out);
            } else {
                out.push(path);
            }
        }
        let schema = assessment_schema();
        let mut found = Vec::new();
        leaves(&schema, &schema, String::new(), &mut found);
        for path in &found {
            let record_only = RECORD_ONLY
                .iter()
                .any(|p| path == p || path.starts_with(&format!("{p}/")));
            assert!(
                record_only || Column::ALL.iter().any(|c| c.path() == path),
                "no column for {path}"
            );
        }
        // ... and no column without a leaf (besides the list column itself).
        for column in Column::ALL {
            if *column != Column::Discipline {
                assert!(found.iter().any(|p| p == column.path()), "{column:?}");
            }
        }
    }

    #[test]
    fn choices_read_as_the_contract_names() {
        for column in Column::ALL {
            for name in column.kind().choices() {
                let json = serde_json::Value::String(name.value.to_owned());
                let ok = match column {
                    Column::SubjectKind => serde_json::from_value::<SubjectKind>(json).is_ok(),
                    Column::SubjectCollectiveKind => {
                        serde_json::from_value::<CollectiveKind>(json).is_ok()
                    }
                    Column::SubjectPartyStatus => {
                        serde_json::from_value::<PartyStatus>(json).is_ok()
                    }
                    Column::DisciplineForm => {
                        serde_json::from_value::<DisciplineForm>(json).is_ok()
                    }
                    Column::GradesCriteria | Column::GradesTaskResults => {
                        serde_json::from_value::<Grade>(json).is_ok()
                    }
                    Column::CivilServiceLevel
                    | Column::LeaderHeadedLevel
                    | Column::CollectiveOrganisationLevel => {
                        serde_json::from_value::<Level>(json).is_ok()
                    }
                    _ => false,
                };
                assert!(ok, "{column:?} {}", name.value);
            }
        }
    }

    #[test]
    fn a_row_gives_the_same_record_as_its_json() {
        let assessment = row(&member()).to_assessment().unwrap();
        let json = r#"{"id":"dv-1","period":{"year":2025},
            "subject":{"kind":"member","admitted_on":"2019-05-19"},
            "score":{"general":27.5,"task_results":63},
            "tasks":{"assigned":12,"completed":12,"on_time":12,"exceeded":3}}"#;
        assert_eq!(assessment, decode_assessment(json).unwrap());
    }

    #[test]
    fn discipline_comes_from_the_list_then_the_single_columns() {
        let mut r = row(&member());
        let mut listed: DisciplineCells<'_> = [None; 6];
        listed[0] = Some(Cell::Text("warning"));
        listed[1] = Some(Cell::Text("2025-03-01"));
        listed[2] = Some(Cell::Flag(false));
        r.push_record(listed);
        r.set(Column::DisciplineForm, Some(Cell::Text("reprimand")));
        r.set(Column::DisciplineDecidedOn, Some(Cell::Text("2025-04-01")));
        r.set(Column::DisciplineCountedBefore, Some(Cell::Flag(false)));
        let a = r.to_assessment().unwrap();
        assert_eq!(a.discipline.len(), 2);
        assert_eq!(a.discipline[0].duty_related, Some(false));
        assert_eq!(a.discipline[1].decided_on, "2025-04-01");
        assert_eq!(
            r.column_of("/discipline/0/form").as_deref(),
            Some("discipline")
        );
        assert_eq!(
            r.column_of("/discipline/1/decided_on").as_deref(),
            Some("discipline_decided_on")
        );
    }

    #[test]
    fn false_flags_and_nan_are_no_value() {
        let mut cells = member();
        cells.push((Column::LeaderScopeCorruptionDisciplined, Cell::Flag(false)));
        cells.push((Column::LeaderConfidenceVoteLow, Cell::Number(f64::NAN)));
        cells.push((Column::LeaveMaternity, Cell::Flag(false)));
        cells.push((Column::DisciplineAtPreviousUnit, Cell::Flag(false)));
        let a = row(&cells).to_assessment().unwrap();
        assert_eq!(a.leader, None);
        assert_eq!(a.leave, None);
        assert!(a.discipline.is_empty());
    }

    #[test]
    fn problems_are_reported_together_with_paths_and_columns() {
        let mut cells = member();
        cells.retain(|(c, _)| *c != Column::TasksOnTime);
        cells.push((Column::TasksExceeded, Cell::Number(2.5)));
        cells.push((Column::SubjectPartyStatus, Cell::Text("retired")));
        cells.push((Column::ShortcomingsIdentified, Cell::Integer(-1)));
        let r = row(&cells);
        let errors = r.to_assessment().unwrap_err();
        let got: Vec<(ErrorCode, &str)> =
            errors.0.iter().map(|e| (e.code, e.path.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (ErrorCode::InvalidValue, "/subject/party_status"),
                (ErrorCode::MissingField, "/tasks/on_time"),
                (ErrorCode::InvalidType, "/tasks/exceeded"),
                (ErrorCode::OutOfRange, "/shortcomings/identified"),
                (ErrorCode::MissingField, "/shortcomings/fixed"),
            ]
        );
        assert_eq!(
            r.column_of("/tasks/on_time").as_deref(),
            Some("tasks_on_time")
        );
        assert_eq!(r.column_of("/subject").as_deref(), Some("subject_kind"));
        assert_eq!(row(&[]).to_assessment().unwrap_err().0.len(), 2);
    }

    #[test]
    fn decimal_text_and_floats_keep_their_decimals() {
        let mut cells = member();
        cells.push((Column::ScoreGeneral, Cell::Text("27.55")));
        let a = row(&cells).to_assessment().unwrap();
        assert_eq!(a.score.unwrap().general.unwrap().to_string(), "27.55");
        let mut cells = member();
        cells.push((Column::ScoreGeneral, Cell::Number(27.555)));
        let a = row(&cells).to_assessment().unwrap();
        assert!(validate(&a).is_err(), "three decimals are refused");
    }

    #[test]
    fn text_cells_read_as_a_spreadsheet_or_csv_writes_them() {
        let mut cells = member();
        cells.retain(|(c, _)| !matches!(c, Column::ScoreGeneral | Column::TasksAssigned));
        cells.push((Column::ScoreGeneral, Cell::Text("27,5")));
        cells.push((Column::TasksAssigned, Cell::Text(" 12 ")));
        cells.push((Column::SubjectAdmittedOn, Cell::Text("19/5/2019")));
        cells.push((Column::SubjectPartyStatus, Cell::Text("đang sinh hoạt")));
        cells.push((Column::LeaveMaternity, Cell::Text("Có")));
        let a = row(&cells).to_assessment().unwrap();
        let mut json = serde_json::to_value(row(&member()).to_assessment().unwrap()).unwrap();
        json["subject"]["party_status"] = "active".into();
        json["leave"] = serde_json::json!({"maternity": true});
        assert_eq!(serde_json::to_value(&a).unwrap(), json);
        // Nothing else is taken for a number, a day or a flag.
        for (column, text, code) in [
            (Column::ScoreGeneral, "27,5,1", ErrorCode::InvalidType),
            (Column::ScoreGeneral, "1.000,5", ErrorCode::InvalidType),
            (Column::TasksOnTime, "12.0", ErrorCode::InvalidType),
            (Column::TasksOnTime, "mười hai", ErrorCode::InvalidType),
            (
                Column::SubjectAdmittedOn,
                "31/04/2019",
                ErrorCode::InvalidDate,
            ),
            (Column::LeaveMaternity, "x", ErrorCode::InvalidType),
            (
                Column::SubjectPartyStatus,
                "nghỉ hưu",
                ErrorCode::InvalidValue,
            ),
        ] {
            let mut r = row(&member());
            r.set(column, Some(Cell::Text(text)));
            let errors = r.to_assessment().unwrap_err();
            assert_eq!(errors.0[0].code, code, "{text}");
        }
    }

    /// A QĐ 124 member of 2024 with criterion grades, as cells.
    fn graded_member<'a>() -> FlatRow<'a> {
        let mut r = row(&[
            (Column::Id, Cell::Text("dv-2024")),
            (Column::PeriodYear, Cell::Integer(2024)),
            (Column::SubjectKind, Cell::Text("member")),
            (Column::GradesTaskResults, Cell::Text("excellent")),
            (Column::TasksAssigned, Cell::Integer(10)),
            (Column::TasksCompleted, Cell::Integer(10)),
            (Column::TasksOnTime, Cell::Integer(10)),
            (Column::TasksExceeded, Cell::Integer(5)),
        ]);
        r.set_criterion("politics", Some(Cell::Text("good")));
        r.set_criterion("ethics", Some(Cell::Text("excellent")));
        r
    }

    #[test]
    fn criterion_columns_fill_the_grades() {
        let mut r = graded_member();
        // A criterion that is null in this row is absent, like any other column.
        r.set_criterion("discipline", None);
        r.set(Column::CivilServiceLevel, Some(Cell::Text("good")));
        let json = r#"{"id":"dv-2024","period":{"year":2024},"subject":{"kind":"member"},
            "grades":{"criteria":{"politics":"good","ethics":"excellent"},
                      "task_results":"excellent"},
            "civil_service_level":"good",
            "tasks":{"assigned":10,"completed":10,"on_time":10,"exceeded":5}}"#;
        assert_eq!(r.to_assessment().unwrap(), decode_assessment(json).unwrap());
        assert_eq!(r.criterion("ethics"), Some(Cell::Text("excellent")));
        // The same id set again replaces its value.
        r.set_criterion("ethics", Some(Cell::Text("average")));
        let grades = r.to_assessment().unwrap().grades.unwrap();
        assert_eq!(grades.criteria["ethics"], Grade::Average);
        assert_eq!(grades.criteria.len(), 2);
    }

    #[test]
    fn every_new_leaf_of_a_collective_has_its_column() {
        let r = row(&[
            (Column::Id, Cell::Text("cb-2021")),
            (Column::PeriodYear, Cell::Integer(2021)),
            (Column::SubjectKind, Cell::Text("collective")),
            (
                Column::SubjectCollectiveKind,
                Cell::Text("party_organisation"),
            ),
            (Column::CollectiveSubordinateUnits, Cell::Integer(4)),
            (Column::CollectiveMainTargetsMissed, Cell::Flag(false)),
            (Column::CollectiveMemberLevelsExcellent, Cell::Integer(2)),
            (Column::CollectiveMemberLevelsGood, Cell::Number(9.0)),
            (
                Column::CollectiveSubordinateLevelsNotCompleted,
                Cell::Integer(0),
            ),
            (Column::CollectiveSameLevelBodiesGood, Cell::Flag(true)),
            (Column::CollectiveOrganisationLevel, Cell::Text("completed")),
            (Column::ConclusionsDisunity, Cell::Flag(true)),
            (Column::LeaderMainTargetsMissed, Cell::Flag(true)),
            (Column::LeaderHeadedLevel, Cell::Text("not_completed")),
        ]);
        let json = r#"{"id":"cb-2021","period":{"year":2021},
            "subject":{"kind":"collective","collective_kind":"party_organisation"},
            "conclusions":{"disunity":true},
            "leader":{"main_targets_missed":true,"headed_level":"not_completed"},
            "collective":{"subordinate_units":4,"main_targets_missed":false,
                "member_levels":{"excellent":2,"good":9},
                "subordinate_levels":{"not_completed":0},
                "same_level_bodies_good":true,"organisation_level":"completed"}}"#;
        assert_eq!(r.to_assessment().unwrap(), decode_assessment(json).unwrap());
    }

    #[test]
    fn a_table_mixing_regimes_fills_the_other_regimes_columns_with_no_value() {
        // A QĐ 366 member in a table that also holds graded records: the grade columns
        // are null, the default-false flags false; the record has none of them.
        let mut cells = member();
        cells.push((Column::ConclusionsDisunity, Cell::Flag(false)));
        cells.push((Column::CollectiveMainTargetsMissed, Cell::Number(f64::NAN)));
        cells.push((Column::LeaderMainTargetsMissed, Cell::Number(f64::NAN)));
        cells.push((Column::CollectiveMemberLevelsGood, Cell::Number(f64::NAN)));
        cells.push((Column::GradesTaskResults, Cell::Number(f64::NAN)));
        cells.push((Column::CivilServiceLevel, Cell::Number(f64::NAN)));
        let mut r = row(&cells);
        r.set_criterion("politics", None);
        r.set_criterion("ethics", Some(Cell::Number(f64::NAN)));
        let a = r.to_assessment().unwrap();
        assert_eq!(a, row(&member()).to_assessment().unwrap());
        let decision = evaluate(&a, &Options::default()).unwrap();
        assert_eq!(decision.regime, RegimeId::Qd366);
        // ... while a stated `false` of a flag without a default is a value of
        // another regime's field.
        let mut cells = member();
        cells.push((Column::LeaderMainTargetsMissed, Cell::Flag(false)));
        let a = row(&cells).to_assessment().unwrap();
        assert_eq!(a.leader.unwrap().main_targets_missed, Some(false));
        let errors = evaluate(&a, &Options::default()).unwrap_err();
        assert!(errors
            .0
            .iter()
            .any(|e| e.code == ErrorCode::RegimeFieldMismatch
                && e.path == "/leader/main_targets_missed"));
        // And the graded member of the same table is evaluated under QĐ 124.
        let mut graded = graded_member();
        graded.set(Column::ConclusionsDisunity, Some(Cell::Flag(false)));
        graded.set(Column::ScoreGeneral, Some(Cell::Number(f64::NAN)));
        let a = graded.to_assessment().unwrap();
        let decision = evaluate(&a, &Options::default()).unwrap();
        assert_eq!(decision.regime, RegimeId::Qd124);
    }

    #[test]
    fn criterion_problems_name_the_criterion_column() {
        let mut r = graded_member();
        r.set_criterion("a/b", Some(Cell::Text("great")));
        r.set_criterion("ethics", Some(Cell::Integer(3)));
        r.set(Column::GradesTaskResults, None);
        let errors = r.to_assessment().unwrap_err();
        let got: Vec<(ErrorCode, &str)> =
            errors.0.iter().map(|e| (e.code, e.path.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (ErrorCode::InvalidType, "/grades/criteria/ethics"),
                (ErrorCode::InvalidValue, "/grades/criteria/a~1b"),
                (ErrorCode::MissingField, "/grades/task_results"),
            ]
        );
        assert!(errors.0[1].message.en.contains("`grades_criteria_a/b`"));
        assert!(errors.0[0].message.en.contains("`grades_criteria_ethics`"));
        assert_eq!(
            r.column_of("/grades/criteria/a~1b").as_deref(),
            Some("grades_criteria_a/b")
        );
        assert_eq!(
            r.column_of("/grades/criteria").as_deref(),
            Some("grades_criteria_politics")
        );
        assert_eq!(
            r.column_of("/grades").as_deref(),
            Some("grades_task_results")
        );
        assert_eq!(r.column_of("/grades/criteria/other"), None);

        // Task results alone: the criteria are missing.
        let mut r = graded_member();
        r.clear_criteria();
        let errors = r.to_assessment().unwrap_err();
        assert_eq!(errors.0.len(), 1);
        assert_eq!(
            (errors.0[0].code, errors.0[0].path.as_str()),
            (ErrorCode::MissingField, "/grades/criteria")
        );
        assert_eq!(r.column_of("/grades/criteria"), None);
    }

    #[test]
    fn table_columns_are_checked_by_name() {
        assert_eq!(
            columns_of(["id", "subject_kind", "grades_criteria_politics"]).unwrap(),
            vec![
                TableColumn::Leaf(Column::Id),
                TableColumn::Leaf(Column::SubjectKind),
                TableColumn::Criterion("politics")
            ]
        );
        assert_eq!(
            TableColumn::of("grades_criteria_x").map(TableColumn::column),
            Some(Column::GradesCriteria)
        );
        // The family's own name, and the bare prefix, are no columns.
        let errors =
            columns_of(["grades_criteria", "grades_criteria_", "grades_task_results"]).unwrap_err();
        let got: Vec<(ErrorCode, &str)> =
            errors.0.iter().map(|e| (e.code, e.path.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (ErrorCode::UnknownField, "/grades_criteria"),
                (ErrorCode::UnknownField, "/grades_criteria_")
            ]
        );
        let errors = columns_of(["grades_criteria_x", "grades_criteria_x"]).unwrap_err();
        assert_eq!(errors.0[0].code, ErrorCode::InvalidValue);
        let errors = columns_of(["id", "tasks_ontime", "id"]).unwrap_err();
        let got: Vec<(ErrorCode, &str)> =
            errors.0.iter().map(|e| (e.code, e.path.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (ErrorCode::UnknownField, "/tasks_ontime"),
                (ErrorCode::InvalidValue, "/id")
            ]
        );
    }
}
