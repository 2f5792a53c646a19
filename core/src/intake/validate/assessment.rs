//! From the contract's [`Assessment`] to a [`ValidAssessment`], reporting every problem
//! at once, each with its code, JSON path and a message in Vietnamese and English.

use crate::contract::assessment::Assessment;

use crate::contract::assessment::BasicTargets;

use crate::contract::subject::CollectiveKind;

use crate::contract::assessment::DisciplineForm;

use crate::contract::subject::PartyStatus;

use crate::contract::assessment::PeriodInput;

use crate::conduct::catalogue::ItemEffect;
use crate::conduct::shipped::catalogue;
use crate::contract::assessment::{
    ConductInput, GradesInput, ProfileChoice, ScoreInput, SubjectInput,
};
use crate::contract::compare::GradeMapping;
use crate::contract::conduct::ConductScope;
use crate::contract::criteria::{appendix_for, ProfileReference};
use crate::contract::errors::{pointer_segment, ErrorCode, InputError, InputErrors};
use crate::contract::limits::{
    MAX_COUNT, MAX_CRITERION_ID_CHARS, MAX_DISCIPLINE_RECORDS, MAX_GRADED_CRITERIA,
    MAX_STRING_CHARS,
};
use crate::contract::regime::{RegimeId, RegimeSelection};
use crate::contract::subject::SubjectKind;
use crate::dates::{add_months, parse_iso_date, vi_date, Span};
use crate::intake::model::{
    ConductFinding, Discipline, Grades, Leave, Score, Shortcomings, Subject, Tasks, ValidAssessment,
};
use crate::points::{Points, PointsProblem};
use crate::regimes::graded::mapping::mapped_grades;
use crate::regimes::qd366::criteria::shipped::shipped_profile;
use crate::regimes::qd366::criteria::validate::validate_profile_at;
use crate::regimes::registry::regime_in_force_on;
use chrono::NaiveDate;

/// How strictly the regime is checked against the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ValidateOptions {
    /// Allow a named regime whose span does not cover the period (a comparison:
    /// "what would this record get under qd124?").
    pub allow_regime_outside_span: bool,
    /// Skip, without error, fields that belong to another regime (a comparison
    /// evaluates one record, written with both points and grades, under each regime).
    pub ignore_other_regime_fields: bool,
    /// Evaluate under this regime, whatever the record names (a comparison); with
    /// `allow_regime_outside_span`, even outside its span.
    pub regime_override: Option<RegimeId>,
    /// Under QĐ 124 or QĐ 132, grades for a record that has QĐ 366 points and no grades,
    /// by this documented mapping (a comparison only; `docs/regimes.md`).
    pub grades_from_points: Option<GradeMapping>,
}

/// Collects problems as validation walks the record.
#[derive(Default)]
struct Problems(Vec<InputError>);

impl Problems {
    fn push(&mut self, code: ErrorCode, path: &str, vi: String, en: String) {
        self.0.push(InputError::new(code, path, vi, en));
    }

    fn not_applicable(&mut self, path: &str, vi_whom: &str, en_whom: &str) {
        self.push(
            ErrorCode::NotApplicable,
            path,
            format!("Trường `{path}` không áp dụng cho {vi_whom}"),
            format!("`{path}` does not apply to {en_whom}"),
        );
    }

    fn missing(&mut self, path: &str, vi_why: &str, en_why: &str) {
        self.push(
            ErrorCode::MissingField,
            path,
            format!("Thiếu trường `{path}`: {vi_why}"),
            format!("`{path}` is required: {en_why}"),
        );
    }

    fn date(&mut self, path: &str, text: &str) -> Option<NaiveDate> {
        let parsed = parse_iso_date(text);
        if parsed.is_none() {
            self.push(
                ErrorCode::InvalidDate,
                path,
                format!("`{text}` không phải ngày hợp lệ dạng YYYY-MM-DD"),
                format!("`{text}` is not a valid date of the form YYYY-MM-DD"),
            );
        }
        parsed
    }

    fn string_length(&mut self, path: &str, text: &str) {
        let chars = text.chars().count();
        if chars > MAX_STRING_CHARS {
            self.push(
                ErrorCode::TooLarge,
                path,
                format!("Chuỗi dài {chars} ký tự, vượt giới hạn {MAX_STRING_CHARS}"),
                format!("{chars} characters, over the limit of {MAX_STRING_CHARS}"),
            );
        }
    }

    fn count(&mut self, path: &str, value: u32) {
        if value > MAX_COUNT {
            self.push(
                ErrorCode::OutOfRange,
                path,
                format!("{value} vượt giới hạn {MAX_COUNT}"),
                format!("{value} is over the limit of {MAX_COUNT}"),
            );
        }
    }

    fn at_most(&mut self, smaller_path: &str, smaller: u32, larger_path: &str, larger: u32) {
        if smaller > larger {
            self.push(
                ErrorCode::InconsistentCounts,
                smaller_path,
                format!("`{smaller_path}` = {smaller} lớn hơn `{larger_path}` = {larger}"),
                format!("`{smaller_path}` = {smaller} is more than `{larger_path}` = {larger}"),
            );
        }
    }

    /// Reads an exact amount (points, or months of leave) in `0..=max`.
    fn points(&mut self, path: &str, number: &serde_json::Number, max: i64) -> Option<Points> {
        let (unit_vi, unit_en) = if path.starts_with("/leave") {
            ("Số tháng", "months")
        } else {
            ("Điểm", "points")
        };
        match Points::from_json_number(number) {
            Ok(points) if points < Points::ZERO || points > Points::whole(max) => {
                self.push(
                    ErrorCode::OutOfRange,
                    path,
                    format!("{unit_vi} {number} nằm ngoài khoảng 0–{max}"),
                    format!("{number} {unit_en} is outside 0–{max}"),
                );
                None
            }
            Ok(points) => Some(points),
            Err(PointsProblem::TooManyDecimals) => {
                self.push(
                    ErrorCode::TooManyDecimals,
                    path,
                    format!("{unit_vi} {number} có quá hai chữ số thập phân"),
                    format!("{number} has more than two decimal places"),
                );
                None
            }
            Err(PointsProblem::NotANumber) => {
                self.push(
                    ErrorCode::OutOfRange,
                    path,
                    format!("{unit_vi} {number} không đọc được như một số hữu hạn"),
                    format!("{number} cannot be read as a finite number of {unit_en}"),
                );
                None
            }
        }
    }

    fn basic_targets(&mut self, path: &str, targets: &BasicTargets) {
        if targets.missed > 5 {
            self.push(
                ErrorCode::OutOfRange,
                &format!("{path}/missed"),
                format!(
                    "Chỉ có 5 chỉ tiêu cơ bản; không thể không đạt {}",
                    targets.missed
                ),
                format!(
                    "There are 5 basic targets; {} cannot have been missed",
                    targets.missed
                ),
            );
        }
        if !targets.applicable && targets.missed > 0 {
            self.push(
                ErrorCode::InconsistentCounts,
                &format!("{path}/missed"),
                "Các chỉ tiêu không áp dụng nhưng lại ghi là không đạt".to_owned(),
                "Targets marked not applicable cannot be missed".to_owned(),
            );
        }
    }
}

fn period(problems: &mut Problems, input: &PeriodInput) -> Option<Span> {
    match (input.year, input.quarter, &input.from, &input.to) {
        (Some(year), quarter, None, None) => {
            if !(1900..=2200).contains(&year) {
                problems.push(
                    ErrorCode::OutOfRange,
                    "/period/year",
                    format!("Năm {year} nằm ngoài khoảng 1900–2200"),
                    format!("year {year} is outside 1900–2200"),
                );
                return None;
            }
            match quarter {
                None => Span::year(year),
                Some(q) => {
                    let span = Span::quarter(year, q);
                    if span.is_none() {
                        problems.push(
                            ErrorCode::OutOfRange,
                            "/period/quarter",
                            format!("Quý {q} không tồn tại (1–4)"),
                            format!("quarter {q} does not exist (1–4)"),
                        );
                    }
                    span
                }
            }
        }
        (None, None, Some(from), Some(to)) => {
            let from = problems.date("/period/from", from);
            let to = problems.date("/period/to", to);
            let (from, to) = (from?, to?);
            if from > to {
                problems.push(
                    ErrorCode::InvalidDate,
                    "/period/to",
                    format!(
                        "Ngày kết thúc {} trước ngày bắt đầu {}",
                        vi_date(to),
                        vi_date(from)
                    ),
                    format!("the period ends ({to}) before it starts ({from})"),
                );
                return None;
            }
            Some(Span { from, to })
        }
        _ => {
            problems.push(
                ErrorCode::InvalidValue,
                "/period",
                "Kỳ đánh giá phải là {year}, {year, quarter} hoặc {from, to}".to_owned(),
                "the period must be {year}, {year, quarter} or {from, to}".to_owned(),
            );
            None
        }
    }
}

fn regime(
    problems: &mut Problems,
    input: &Assessment,
    span: Option<Span>,
    options: ValidateOptions,
) -> Option<(RegimeId, RegimeSelection)> {
    let last_day = span.map(|s| s.to);
    let mut selection = RegimeSelection::Period;
    let named = match options.regime_override {
        Some(regime) => Some(regime.as_str()),
        None => input.regime.as_deref(),
    };
    let regime = match named {
        Some(name) => {
            let Some(regime) = RegimeId::parse(name) else {
                problems.push(
                    ErrorCode::UnknownRegime,
                    "/regime",
                    format!("Không có chế độ `{name}`; các chế độ: qd366, qd124, qd132"),
                    format!("no regime `{name}`; the regimes are qd366, qd124, qd132"),
                );
                return None;
            };
            selection = RegimeSelection::Named;
            if let Some(last_day) = last_day {
                let info = regime.info();
                if !info.in_force_on(last_day) && options.allow_regime_outside_span {
                    selection = RegimeSelection::Comparison;
                } else if !info.in_force_on(last_day) {
                    problems.push(
                        ErrorCode::RegimePeriodMismatch,
                        "/regime",
                        format!(
                            "Quy định {} có hiệu lực {}, không áp dụng cho kỳ kết thúc ngày {}",
                            info.document,
                            info.span_text(),
                            vi_date(last_day)
                        ),
                        format!(
                            "{} was in force {}, not on the period's last day {}",
                            info.document,
                            info.span_text(),
                            last_day
                        ),
                    );
                }
            }
            regime
        }
        None => {
            let last_day = last_day?;
            let Some(regime) = regime_in_force_on(last_day) else {
                problems.push(
                    ErrorCode::RegimePeriodMismatch,
                    "/period",
                    format!(
                        "Không có chế độ nào có hiệu lực vào ngày {}",
                        vi_date(last_day)
                    ),
                    format!("no regime was in force on the period's last day {last_day}"),
                );
                return None;
            };
            regime
        }
    };
    let info = regime.info();
    if !info.implemented {
        let path = if input.regime.is_some() {
            "/regime"
        } else {
            "/period"
        };
        problems.push(
            ErrorCode::RegimeNotImplemented,
            path,
            format!(
                "Phiên bản này chưa đánh giá theo Quy định {} ({})",
                info.document,
                regime.as_str()
            ),
            format!(
                "this version does not yet evaluate regime {} ({})",
                regime.as_str(),
                info.document
            ),
        );
    }
    Some((regime, selection))
}

/// Fields that belong to one regime, or to some regimes, by JSON path.
#[derive(Clone, Copy)]
struct RegimeFields {
    regime: Option<RegimeId>,
    ignore: bool,
}

impl RegimeFields {
    /// Whether a field used only under `regimes` may be read. A field present under
    /// another regime is an error, or skipped in a comparison.
    fn allows(self, p: &mut Problems, path: &str, present: bool, regimes: &[RegimeId]) -> bool {
        let Some(regime) = self.regime else {
            return present;
        };
        if !present {
            return false;
        }
        if regimes.contains(&regime) {
            return true;
        }
        if !self.ignore {
            let names = regimes
                .iter()
                .map(|r| r.info().document)
                .collect::<Vec<_>>()
                .join(", ");
            let info = regime.info();
            p.push(
                ErrorCode::RegimeFieldMismatch,
                path,
                format!(
                    "Trường `{path}` chỉ dùng theo {names}, không dùng theo Quy định {} ({})",
                    info.document,
                    regime.as_str()
                ),
                format!(
                    "`{path}` is used only under {names}, not under {} ({})",
                    info.document,
                    regime.as_str()
                ),
            );
        }
        false
    }
}

const ONLY_QD366: &[RegimeId] = &[RegimeId::Qd366];
const GRADED: &[RegimeId] = &[RegimeId::Qd124, RegimeId::Qd132];
const ONLY_QD132: &[RegimeId] = &[RegimeId::Qd132];
const ONLY_QD124: &[RegimeId] = &[RegimeId::Qd124];
const QD366_AND_QD124: &[RegimeId] = &[RegimeId::Qd366, RegimeId::Qd124];

/// The last day of a period as written, if it is valid.
pub fn period_last_day(input: &PeriodInput) -> Option<NaiveDate> {
    period(&mut Problems::default(), input).map(|span| span.to)
}

fn kind_names(kind: SubjectKind) -> (&'static str, &'static str) {
    match kind {
        SubjectKind::Member => ("đảng viên không giữ chức vụ lãnh đạo", "a member"),
        SubjectKind::Leader => ("cán bộ lãnh đạo, quản lý", "a leader"),
        SubjectKind::Collective => ("tập thể", "a collective"),
    }
}

/// Validates a record and resolves its defaults.
///
/// Returns every problem found, in the order of the fields, never just the first.
pub fn validate(input: &Assessment) -> Result<ValidAssessment, InputErrors> {
    validate_with(input, ValidateOptions::default())
}

/// [`validate`] with options.
pub fn validate_with(
    input: &Assessment,
    options: ValidateOptions,
) -> Result<ValidAssessment, InputErrors> {
    let mut problems = Problems::default();
    let p = &mut problems;

    if input.id.is_empty() {
        p.push(
            ErrorCode::MissingField,
            "/id",
            "Mã hồ sơ `id` không được để trống".to_owned(),
            "`id` must not be empty".to_owned(),
        );
    }
    p.string_length("/id", &input.id);

    let span = period(p, &input.period);
    let as_of = match &input.as_of {
        Some(text) => p.date("/as_of", text),
        None => span.map(|s| s.to),
    };
    if let (Some(span), Some(day)) = (span, as_of) {
        if day < span.from {
            p.push(
                ErrorCode::InvalidDate,
                "/as_of",
                format!(
                    "Ngày đánh giá {} trước khi kỳ bắt đầu ({})",
                    vi_date(day),
                    vi_date(span.from)
                ),
                format!(
                    "the evaluation day {day} is before the period starts ({})",
                    span.from
                ),
            );
        }
    }
    let regime = regime(p, input, span, options);

    // Subject: each field only for the kinds it concerns.
    let s = &input.subject;
    let kind = s.kind;
    let individual = kind != SubjectKind::Collective;
    let (vi_whom, en_whom) = kind_names(kind);
    if s.in_political_system.is_some() && kind != SubjectKind::Member {
        p.not_applicable("/subject/in_political_system", vi_whom, en_whom);
    }
    if s.centrally_managed.is_some() && kind != SubjectKind::Leader {
        p.not_applicable("/subject/centrally_managed", vi_whom, en_whom);
    }
    match (kind, s.collective_kind) {
        (SubjectKind::Collective, None) => p.missing(
            "/subject/collective_kind",
            "tập thể phải nêu loại (leadership, party_committee, party_organisation, agency)",
            "a collective names its kind (leadership, party_committee, party_organisation, agency)",
        ),
        (SubjectKind::Member | SubjectKind::Leader, Some(_)) => {
            p.not_applicable("/subject/collective_kind", vi_whom, en_whom)
        }
        _ => {}
    }
    if !individual {
        if s.party_status.is_some() {
            p.not_applicable("/subject/party_status", vi_whom, en_whom);
        }
        if s.admitted_on.is_some() {
            p.not_applicable("/subject/admitted_on", vi_whom, en_whom);
        }
        if s.temporary_activity.is_some() {
            p.not_applicable("/subject/temporary_activity", vi_whom, en_whom);
        }
    } else if s.established_on.is_some() {
        p.not_applicable("/subject/established_on", vi_whom, en_whom);
    }
    let admitted_on = s
        .admitted_on
        .as_deref()
        .and_then(|t| p.date("/subject/admitted_on", t));
    if let (Some(admitted), Some(day)) = (admitted_on, as_of) {
        if admitted > day {
            p.push(
                ErrorCode::InvalidDate,
                "/subject/admitted_on",
                format!(
                    "Ngày vào Đảng {} sau ngày đánh giá {}",
                    vi_date(admitted),
                    vi_date(day)
                ),
                format!("admitted on {admitted}, after the evaluation day {day}"),
            );
        }
    }
    let established_on = s
        .established_on
        .as_deref()
        .and_then(|t| p.date("/subject/established_on", t));
    if let (Some(established), Some(day)) = (established_on, as_of) {
        if established > day {
            p.push(
                ErrorCode::InvalidDate,
                "/subject/established_on",
                format!(
                    "Ngày thành lập {} sau ngày đánh giá {}",
                    vi_date(established),
                    vi_date(day)
                ),
                format!("established on {established}, after the evaluation day {day}"),
            );
        }
    }
    if let Some(activity) = &s.temporary_activity {
        p.string_length("/subject/temporary_activity/unit", &activity.unit);
    }
    let party_status = s.party_status.unwrap_or_default();

    // A subject that is not classified needs no score: decide that before requiring one.
    let regime_id = regime.map(|(id, _)| id);
    let fields = RegimeFields {
        regime: regime_id,
        ignore: options.ignore_other_regime_fields,
    };
    let graded = matches!(regime_id, Some(RegimeId::Qd124 | RegimeId::Qd132));
    // QĐ 124 and HD 21 classify once a year (a term of several years is read at its end).
    if graded && input.period.quarter.is_some() {
        p.push(
            ErrorCode::NotApplicable,
            "/period/quarter",
            "Quy định 124 và 132 xếp loại chất lượng hằng năm, không theo quý".to_owned(),
            "QĐ 124 and QĐ 132 classify yearly, not by quarter".to_owned(),
        );
    }
    let new_collective = !individual
        && regime_id == Some(RegimeId::Qd132)
        && matches!((established_on, as_of), (Some(e), Some(day)) if add_months(e, 6).is_none_or(|d| d > day));
    let excluded = new_collective
        || (individual
            && (party_status != PartyStatus::Active
                || matches!((admitted_on, as_of), (Some(a), Some(day)) if add_months(a, 6).is_none_or(|d| d > day))));

    let mut profile_used = None;
    let score = if fields.allows(p, "/score", input.score.is_some(), ONLY_QD366) {
        input
            .score
            .as_ref()
            .and_then(|score| score_input(p, score, s, &mut profile_used))
    } else {
        if !excluded && regime_id == Some(RegimeId::Qd366) && input.score.is_none() {
            p.missing(
                "/score",
                "cần điểm hai nhóm tiêu chí để xếp loại",
                "the two criteria-group scores are needed to classify",
            );
        }
        None
    };
    // A comparison may map points to grades, when the caller chose a mapping.
    let mapped = match (
        graded,
        &input.grades,
        &input.score,
        options.grades_from_points,
    ) {
        (true, None, Some(score), Some(mapping)) => {
            score_input(p, score, s, &mut profile_used).map(|score| mapped_grades(mapping, &score))
        }
        _ => None,
    };
    let grades_mapped = mapped.is_some();
    let grades = if let Some(grades) = mapped {
        grades_input(p, &grades)
    } else if fields.allows(p, "/grades", input.grades.is_some(), GRADED) {
        input.grades.as_ref().and_then(|g| grades_input(p, g))
    } else {
        if !excluded && graded && input.grades.is_none() {
            p.missing(
                "/grades",
                "Quy định 124 và 132 xếp loại theo mức đánh giá từng tiêu chí (grades)",
                "QĐ 124 and QĐ 132 classify by criterion grades (grades)",
            );
        }
        None
    };
    let civil_service_level = if fields.allows(
        p,
        "/civil_service_level",
        input.civil_service_level.is_some(),
        ONLY_QD132,
    ) {
        if !individual {
            p.not_applicable("/civil_service_level", vi_whom, en_whom);
        }
        input.civil_service_level
    } else {
        None
    };

    let tasks = match &input.tasks {
        Some(t) => {
            for (path, value) in [
                ("/tasks/assigned", t.assigned),
                ("/tasks/completed", t.completed),
                ("/tasks/on_time", t.on_time),
                ("/tasks/exceeded", t.exceeded),
            ] {
                p.count(path, value);
            }
            p.at_most(
                "/tasks/completed",
                t.completed,
                "/tasks/assigned",
                t.assigned,
            );
            p.at_most("/tasks/on_time", t.on_time, "/tasks/completed", t.completed);
            p.at_most(
                "/tasks/exceeded",
                t.exceeded,
                "/tasks/completed",
                t.completed,
            );
            let unfinished = t.assigned.saturating_sub(t.completed);
            if let Some(f) = t.not_completed {
                if f > unfinished {
                    p.push(
                        ErrorCode::InconsistentCounts,
                        "/tasks/not_completed",
                        format!("{f} nhiệm vụ không hoàn thành, nhưng chỉ {unfinished} nhiệm vụ chưa hoàn thành (giao − hoàn thành)"),
                        format!("{f} tasks rated not completed, but only {unfinished} were left unfinished (assigned − completed)"),
                    );
                }
            }
            Some(Tasks {
                assigned: t.assigned,
                completed: t.completed,
                on_time: t.on_time,
                exceeded: t.exceeded,
                not_completed: t.not_completed.unwrap_or(unfinished),
            })
        }
        None => {
            if !excluded {
                p.missing(
                    "/tasks",
                    "cần số nhiệm vụ để xét điều kiện các mức",
                    "task counts are needed for the level conditions",
                );
            }
            None
        }
    };

    let shortcomings = input.shortcomings.map(|sc| {
        p.count("/shortcomings/identified", sc.identified);
        p.at_most(
            "/shortcomings/fixed",
            sc.fixed,
            "/shortcomings/identified",
            sc.identified,
        );
        Shortcomings {
            identified: sc.identified,
            fixed: sc.fixed,
        }
    });

    let mut leave = Leave::default();
    if let Some(input_leave) = &input.leave {
        if !individual {
            p.not_applicable("/leave", vi_whom, en_whom);
        }
        if let Some(months) = &input_leave.sick_months {
            if let Some(m) = p.points("/leave/sick_months", months, 1200) {
                leave.sick_months = m;
            }
        }
        leave.maternity = input_leave.maternity;
    }

    if input.discipline.len() > MAX_DISCIPLINE_RECORDS {
        p.push(
            ErrorCode::TooLarge,
            "/discipline",
            format!(
                "{} quyết định kỷ luật, vượt giới hạn {MAX_DISCIPLINE_RECORDS}",
                input.discipline.len()
            ),
            format!(
                "{} discipline records, over the limit of {MAX_DISCIPLINE_RECORDS}",
                input.discipline.len()
            ),
        );
    }
    let mut discipline = Vec::with_capacity(input.discipline.len().min(MAX_DISCIPLINE_RECORDS));
    for (index, record) in input
        .discipline
        .iter()
        .enumerate()
        .take(MAX_DISCIPLINE_RECORDS)
    {
        let base = format!("/discipline/{index}");
        let decided_on = p.date(&format!("{base}/decided_on"), &record.decided_on);
        let about_member = record.member_id.is_some();
        if let Some(member) = &record.member_id {
            p.string_length(&format!("{base}/member_id"), member);
            if individual {
                p.not_applicable(&format!("{base}/member_id"), vi_whom, en_whom);
            }
        }
        let form_fits = match record.form {
            DisciplineForm::Dissolution => !individual && !about_member,
            DisciplineForm::Removal | DisciplineForm::Expulsion => individual || about_member,
            DisciplineForm::Reprimand | DisciplineForm::Warning => true,
        };
        if !form_fits {
            p.push(
                ErrorCode::NotApplicable,
                &format!("{base}/form"),
                "Hình thức kỷ luật này không áp dụng cho đối tượng này (giải tán chỉ cho tổ chức; cách chức, khai trừ chỉ cho cá nhân)".to_owned(),
                "this form of discipline does not apply here (dissolution is for organisations; removal and expulsion for individuals)".to_owned(),
            );
        }
        if let Some(decided_on) = decided_on {
            discipline.push(Discipline {
                form: record.form,
                decided_on,
                duty_related: record.duty_related.unwrap_or(true),
                at_previous_unit: record.at_previous_unit,
                counted_before: record.counted_before,
                member_id: record.member_id.clone(),
            });
        }
    }

    let c = &input.conclusions;
    if individual {
        if c.cadre_work_violation {
            p.not_applicable("/conclusions/cadre_work_violation", vi_whom, en_whom);
        }
        if c.member_degradation.is_some() {
            p.not_applicable("/conclusions/member_degradation", vi_whom, en_whom);
        }
    } else {
        for (set, path) in [
            (c.degradation, "/conclusions/degradation"),
            (c.prohibition_breach, "/conclusions/prohibition_breach"),
            (c.exemplary_breach, "/conclusions/exemplary_breach"),
        ] {
            if set {
                p.not_applicable(path, vi_whom, en_whom);
            }
        }
        if (c.cadre_work_violation || c.member_degradation.is_some())
            && s.collective_kind != Some(CollectiveKind::Leadership)
        {
            let path = if c.cadre_work_violation {
                "/conclusions/cadre_work_violation"
            } else {
                "/conclusions/member_degradation"
            };
            p.not_applicable(
                path,
                "tập thể không phải tập thể lãnh đạo, quản lý",
                "a collective other than a leadership collective",
            );
        }
    }

    if let Some(leader) = &input.leader {
        if kind != SubjectKind::Leader {
            p.not_applicable("/leader", vi_whom, en_whom);
        }
        if let Some(vote) = leader.confidence_vote {
            p.count("/leader/confidence_vote/total", vote.total);
            if vote.total == 0 {
                p.push(
                    ErrorCode::OutOfRange,
                    "/leader/confidence_vote/total",
                    "Cuộc lấy phiếu tín nhiệm phải có ít nhất 1 phiếu".to_owned(),
                    "a confidence vote has at least one vote cast".to_owned(),
                );
            }
            p.at_most(
                "/leader/confidence_vote/low",
                vote.low,
                "/leader/confidence_vote/total",
                vote.total,
            );
        }
        if let Some(units) = leader.units_in_charge {
            p.count("/leader/units_in_charge/total", units.total);
            p.at_most(
                "/leader/units_in_charge/not_completed",
                units.not_completed,
                "/leader/units_in_charge/total",
                units.total,
            );
        }
        if let Some(targets) = &leader.basic_targets {
            p.basic_targets("/leader/basic_targets", targets);
        }
    }
    if let Some(collective) = &input.collective {
        if kind != SubjectKind::Collective {
            p.not_applicable("/collective", vi_whom, en_whom);
        }
        if let Some(units) = collective.subordinate_units_disciplined {
            p.count("/collective/subordinate_units_disciplined", units);
        }
        if let Some(targets) = &collective.basic_targets {
            p.basic_targets("/collective/basic_targets", targets);
            if kind == SubjectKind::Collective
                && s.collective_kind != Some(CollectiveKind::Leadership)
            {
                p.not_applicable(
                    "/collective/basic_targets",
                    "tập thể không phải tập thể lãnh đạo, quản lý",
                    "a collective other than a leadership collective",
                );
            }
        }
    }
    let (conduct_scope, conduct) = match (&input.conduct, as_of) {
        (Some(answers), Some(day)) => conduct_answers(p, answers, kind, day),
        _ => (None, Vec::new()),
    };
    if let Some(group) = &input.quota_group {
        p.string_length("/quota_group", group);
    }

    // Fields of one regime only: an error under another, or skipped in a comparison.
    let mut conclusions = input.conclusions;
    let mut leader = input.leader.unwrap_or_default();
    let mut collective = input.collective.unwrap_or_default();
    let mut shortcomings = shortcomings;
    let mut procedure = input.procedure;
    let mut temporary_activity = s.temporary_activity.clone();
    let (mut conduct_scope, mut conduct) = (conduct_scope, conduct);
    if !fields.allows(p, "/shortcomings", shortcomings.is_some(), ONLY_QD366) {
        shortcomings = None;
    }
    if !fields.allows(p, "/conduct", input.conduct.is_some(), ONLY_QD366) {
        (conduct_scope, conduct) = (None, Vec::new());
    }
    if !fields.allows(p, "/procedure", !procedure.is_empty(), ONLY_QD366) {
        procedure = Default::default();
    }
    if !fields.allows(
        p,
        "/subject/temporary_activity",
        temporary_activity.is_some(),
        ONLY_QD366,
    ) {
        temporary_activity = None;
    }
    macro_rules! owned_by {
        ($path:literal, $place:expr, $present:expr, $clear:expr, $regimes:expr) => {
            if !fields.allows(p, $path, $present, $regimes) {
                $place = $clear;
            }
        };
    }
    owned_by!(
        "/conclusions/cadre_work_violation",
        conclusions.cadre_work_violation,
        conclusions.cadre_work_violation,
        false,
        ONLY_QD366
    );
    owned_by!(
        "/conclusions/prohibition_breach",
        conclusions.prohibition_breach,
        conclusions.prohibition_breach,
        false,
        QD366_AND_QD124
    );
    owned_by!(
        "/conclusions/exemplary_breach",
        conclusions.exemplary_breach,
        conclusions.exemplary_breach,
        false,
        QD366_AND_QD124
    );
    owned_by!(
        "/conclusions/disunity",
        conclusions.disunity,
        conclusions.disunity,
        false,
        GRADED
    );
    owned_by!(
        "/leader/confidence_vote",
        leader.confidence_vote,
        leader.confidence_vote.is_some(),
        None,
        ONLY_QD366
    );
    owned_by!(
        "/leader/units_in_charge",
        leader.units_in_charge,
        leader.units_in_charge.is_some(),
        None,
        ONLY_QD366
    );
    owned_by!(
        "/leader/basic_targets",
        leader.basic_targets,
        leader.basic_targets.is_some(),
        None,
        ONLY_QD366
    );
    owned_by!(
        "/leader/scope_corruption_disciplined",
        leader.scope_corruption_disciplined,
        leader.scope_corruption_disciplined,
        false,
        ONLY_QD366
    );
    owned_by!(
        "/leader/main_targets_missed",
        leader.main_targets_missed,
        leader.main_targets_missed.is_some(),
        None,
        ONLY_QD124
    );
    owned_by!(
        "/leader/headed_level",
        leader.headed_level,
        leader.headed_level.is_some(),
        None,
        ONLY_QD132
    );
    owned_by!(
        "/collective/basic_targets",
        collective.basic_targets,
        collective.basic_targets.is_some(),
        None,
        ONLY_QD366
    );
    owned_by!(
        "/collective/subordinate_units",
        collective.subordinate_units,
        collective.subordinate_units.is_some(),
        None,
        ONLY_QD124
    );
    owned_by!(
        "/collective/main_targets_missed",
        collective.main_targets_missed,
        collective.main_targets_missed.is_some(),
        None,
        GRADED
    );
    owned_by!(
        "/collective/member_levels",
        collective.member_levels,
        collective.member_levels.is_some(),
        None,
        ONLY_QD132
    );
    owned_by!(
        "/collective/subordinate_levels",
        collective.subordinate_levels,
        collective.subordinate_levels.is_some(),
        None,
        ONLY_QD132
    );
    owned_by!(
        "/collective/same_level_bodies_good",
        collective.same_level_bodies_good,
        collective.same_level_bodies_good.is_some(),
        None,
        ONLY_QD132
    );
    owned_by!(
        "/collective/organisation_level",
        collective.organisation_level,
        collective.organisation_level.is_some(),
        None,
        ONLY_QD132
    );
    let organisation_kind = matches!(
        s.collective_kind,
        Some(CollectiveKind::PartyOrganisation | CollectiveKind::PartyCommittee)
    );
    let leadership_kind = s.collective_kind == Some(CollectiveKind::Leadership);
    if conclusions.disunity && !leadership_kind {
        p.not_applicable(
            "/conclusions/disunity",
            "đối tượng không phải tập thể lãnh đạo, quản lý",
            "anyone but a leadership collective",
        );
    }
    for (path, counts) in [
        ("/collective/member_levels", collective.member_levels),
        (
            "/collective/subordinate_levels",
            collective.subordinate_levels,
        ),
    ] {
        if let Some(counts) = counts {
            if !organisation_kind {
                p.not_applicable(
                    path,
                    "tập thể không phải tổ chức đảng",
                    "a collective other than a party organisation or committee",
                );
            }
            for (key, value) in [
                ("excellent", counts.excellent),
                ("good", counts.good),
                ("completed", counts.completed),
                ("not_completed", counts.not_completed),
            ] {
                p.count(&format!("{path}/{key}"), value);
            }
        }
    }
    if collective.same_level_bodies_good.is_some() && !organisation_kind {
        p.not_applicable(
            "/collective/same_level_bodies_good",
            "tập thể không phải tổ chức đảng",
            "a collective other than a party organisation or committee",
        );
    }
    if collective.organisation_level.is_some() && !leadership_kind {
        p.not_applicable(
            "/collective/organisation_level",
            "tập thể không phải tập thể lãnh đạo, quản lý",
            "a collective other than a leadership collective",
        );
    }
    if let Some(total) = collective.subordinate_units {
        p.count("/collective/subordinate_units", total);
        if let Some(disciplined) = collective.subordinate_units_disciplined {
            p.at_most(
                "/collective/subordinate_units_disciplined",
                disciplined,
                "/collective/subordinate_units",
                total,
            );
        }
    }

    if !problems.0.is_empty() {
        return Err(InputErrors(problems.0));
    }
    match (span, as_of, regime) {
        (Some(period), Some(as_of), Some(regime)) => Ok(ValidAssessment {
            id: input.id.clone(),
            period,
            as_of,
            regime: regime.0,
            regime_selection: regime.1,
            subject: Subject {
                kind,
                in_political_system: s.in_political_system.unwrap_or(true),
                centrally_managed: s.centrally_managed.unwrap_or(false),
                collective_kind: s.collective_kind,
                party_status,
                admitted_on,
                established_on,
                temporary_activity,
            },
            score,
            grades,
            grades_mapped,
            civil_service_level,
            tasks,
            shortcomings: shortcomings.unwrap_or_default(),
            leave,
            discipline,
            conclusions,
            leader,
            collective,
            mitigation: input.mitigation,
            procedure,
            quota_group: input.quota_group.clone(),
            profile: profile_used,
            conduct_scope,
            conduct,
        }),
        // Unreachable in practice: each None above pushed a problem.
        _ => Err(InputErrors::one(InputError::new(
            ErrorCode::InvalidValue,
            "/period",
            "Kỳ đánh giá không hợp lệ",
            "the period is not valid",
        ))),
    }
}

/// Criterion grades: at least one criterion besides task results, ids of bounded length.
fn grades_input(p: &mut Problems, grades: &GradesInput) -> Option<Grades> {
    if grades.criteria.is_empty() {
        p.missing(
            "/grades/criteria",
            "cần mức đánh giá của ít nhất một tiêu chí ngoài kết quả thực hiện nhiệm vụ",
            "at least one criterion besides task results must be graded",
        );
        return None;
    }
    if grades.criteria.len() > MAX_GRADED_CRITERIA {
        p.push(
            ErrorCode::TooLarge,
            "/grades/criteria",
            format!(
                "{} tiêu chí, vượt giới hạn {MAX_GRADED_CRITERIA}",
                grades.criteria.len()
            ),
            format!(
                "{} criteria, over the limit of {MAX_GRADED_CRITERIA}",
                grades.criteria.len()
            ),
        );
        return None;
    }
    for id in grades.criteria.keys() {
        let path = format!("/grades/criteria/{}", pointer_segment(id));
        if id.is_empty() {
            p.push(
                ErrorCode::InvalidValue,
                &path,
                "Mã tiêu chí không được để trống".to_owned(),
                "a criterion id must not be empty".to_owned(),
            );
        }
        let chars = id.chars().count();
        if chars > MAX_CRITERION_ID_CHARS {
            p.push(
                ErrorCode::TooLarge,
                &path,
                format!("Mã tiêu chí dài {chars} ký tự, vượt giới hạn {MAX_CRITERION_ID_CHARS}"),
                format!("a criterion id of {chars} characters, over the limit of {MAX_CRITERION_ID_CHARS}"),
            );
        }
    }
    Some(Grades {
        criteria: grades.criteria.clone(),
        task_results: grades.task_results,
    })
}

/// The two group totals: given directly, or derived from item points under a criteria
/// profile (`docs/criteria-profiles.md`), in which case totals also given must agree.
fn score_input(
    p: &mut Problems,
    score: &ScoreInput,
    subject: &SubjectInput,
    profile_used: &mut Option<ProfileReference>,
) -> Option<Score> {
    let general = score
        .general
        .as_ref()
        .and_then(|n| p.points("/score/general", n, 30));
    let task_results = score
        .task_results
        .as_ref()
        .and_then(|n| p.points("/score/task_results", n, 70));
    let Some(items) = &score.items else {
        if score.profile.is_some() {
            p.missing(
                "/score/items",
                "hồ sơ tiêu chí chỉ dùng kèm điểm từng tiêu chí",
                "a criteria profile goes with item points",
            );
        }
        if score.general.is_none() {
            p.missing(
                "/score/general",
                "cần điểm nhóm tiêu chí chung (hoặc điểm từng tiêu chí)",
                "the general-criteria points are needed (or item points)",
            );
        }
        if score.task_results.is_none() {
            p.missing(
                "/score/task_results",
                "cần điểm kết quả thực hiện nhiệm vụ (hoặc điểm từng tiêu chí)",
                "the task-results points are needed (or item points)",
            );
        }
        return general
            .zip(task_results)
            .map(|(general, task_results)| Score {
                general,
                task_results,
            });
    };
    let profile = match &score.profile {
        None => {
            p.missing(
                "/score/profile",
                "điểm từng tiêu chí cần một hồ sơ tiêu chí",
                "item points need a criteria profile",
            );
            return None;
        }
        Some(ProfileChoice::Shipped(id)) => match shipped_profile(id) {
            Some(profile) => std::borrow::Cow::Borrowed(profile),
            None => {
                p.push(
                    ErrorCode::InvalidValue,
                    "/score/profile",
                    format!("Không có hồ sơ tiêu chí `{id}` trong thư viện"),
                    format!("no shipped criteria profile `{id}`"),
                );
                return None;
            }
        },
        Some(ProfileChoice::Given(given)) => match validate_profile_at(given, "/score/profile") {
            Ok(profile) => std::borrow::Cow::Owned(profile),
            Err(errors) => {
                p.0.extend(errors.0);
                return None;
            }
        },
    };
    let appendix = appendix_for(
        subject.kind,
        subject.in_political_system.unwrap_or(true),
        subject.centrally_managed.unwrap_or(false),
    );
    if profile.appendix() != appendix {
        p.push(
            ErrorCode::NotApplicable,
            "/score/profile",
            format!(
                "Hồ sơ tiêu chí `{}` dành cho phụ lục khác với phụ lục của đối tượng",
                profile.id()
            ),
            format!(
                "criteria profile `{}` is for another appendix than the subject's",
                profile.id()
            ),
        );
        return None;
    }
    let (derived_general, derived_results) = match profile.score(items, "/score/items") {
        Ok(totals) => totals,
        Err(errors) => {
            p.0.extend(errors);
            return None;
        }
    };
    for (path, given, derived) in [
        ("/score/general", general, derived_general),
        ("/score/task_results", task_results, derived_results),
    ] {
        if let Some(given) = given {
            if given != derived {
                p.push(
                    ErrorCode::Conflict,
                    path,
                    format!("`{path}` = {} khác tổng điểm các tiêu chí {} (`/score/items`)", given.vi(), derived.vi()),
                    format!("`{path}` = {given} differs from the {derived} the items sum to (`/score/items`)"),
                );
            }
        }
    }
    *profile_used = Some(profile.reference());
    Some(Score {
        general: derived_general,
        task_results: derived_results,
    })
}

/// Checks the conduct checklist: every answer names an item of the catalogue that
/// applies to the subject on the evaluation day.
fn conduct_answers(
    p: &mut Problems,
    input: &ConductInput,
    kind: SubjectKind,
    day: NaiveDate,
) -> (Option<ConductScope>, Vec<ConductFinding>) {
    let scope = input.scope.clone().unwrap_or_else(|| {
        let mut scope = ConductScope::new(kind);
        scope.leader = kind == SubjectKind::Leader;
        scope
    });
    p.0.extend(scope.problems("/conduct/scope"));
    if scope.subject != kind {
        p.push(
            ErrorCode::Conflict,
            "/conduct/scope/subject",
            "`/conduct/scope/subject` khác `/subject/kind`".to_owned(),
            "`/conduct/scope/subject` differs from `/subject/kind`".to_owned(),
        );
    }
    let catalogue = match catalogue() {
        Ok(catalogue) => catalogue,
        Err(_) => return (Some(scope), Vec::new()),
    };
    let applicable = catalogue.items_for(&scope, day);
    let mut findings = Vec::with_capacity(input.answers.len());
    for (id, answer) in &input.answers {
        let path = format!("/conduct/answers/{}", pointer_segment(id));
        if let Some(evidence) = &answer.evidence {
            p.string_length(&format!("{path}/evidence"), evidence);
        }
        let Some(index) = catalogue.items().iter().position(|item| &item.id == id) else {
            p.push(
                ErrorCode::InvalidValue,
                &path,
                format!(
                    "Không có mục `{id}` trong danh mục nêu gương (phiên bản {})",
                    catalogue.version()
                ),
                format!(
                    "no item `{id}` in the conduct catalogue (version {})",
                    catalogue.version()
                ),
            );
            continue;
        };
        if !applicable.iter().any(|a| &a.item.id == id) {
            p.push(
                ErrorCode::NotApplicable,
                &path,
                format!(
                    "Mục `{id}` không áp dụng cho đối tượng này vào ngày {}",
                    vi_date(day)
                ),
                format!("item `{id}` does not apply to this subject on {day}"),
            );
            continue;
        }
        let effect = catalogue.items().get(index).map(|item| item.effect);
        if effect == Some(ItemEffect::DisciplineForm) {
            p.push(
                ErrorCode::NotApplicable,
                &path,
                format!("`{id}` là một hình thức kỷ luật, không phải nội dung tự kiểm tra; kỷ luật ghi ở `/discipline`"),
                format!("`{id}` is a form of discipline, not a checklist item; discipline goes in `/discipline`"),
            );
            continue;
        }
        if answer.harmed_prestige && effect != Some(ItemEffect::Exemplary) {
            p.push(
                ErrorCode::NotApplicable,
                &format!("{path}/harmed_prestige"),
                "`harmed_prestige` chỉ áp dụng cho nội dung về trách nhiệm nêu gương".to_owned(),
                "`harmed_prestige` applies only to exemplary-conduct items".to_owned(),
            );
            continue;
        }
        findings.push(ConductFinding {
            item: u16::try_from(index).unwrap_or(u16::MAX),
            answer: answer.answer,
            harmed_prestige: answer.harmed_prestige,
        });
    }
    (Some(scope), findings)
}
