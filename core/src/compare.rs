//! Side-by-side comparison of regimes (`spec/regimes-history.md`, Comparison): one
//! record evaluated under several regimes, with, topic by topic, what each regime's
//! rules found and how those rules differ ("QĐ 124 needed at least 50% of tasks
//! exceeded for Excellent; QĐ 366 needs 30% and 90 points").
//!
//! A record carries what each regime needs: points for QĐ 366, grades for QĐ 124 and
//! QĐ 132; each regime reads its own fields and skips the others'. A record with points
//! only may be given grades by an explicit mapping the caller chooses
//! ([`GradeMapping`]); by default it is not, and the older regimes report the missing
//! grades as an error of their own, while the other regimes are still compared.

use crate::contract::{Assessment, Grade, GradesInput};
use crate::decision::{Decision, DecisionRecord};
use crate::error::{ErrorCode, InputError, InputErrors};
use crate::level::{Level, Options, Outcome};
use crate::model::Score;
use crate::points::Points;
use crate::reason::Effect;
use crate::regime::{regime_in_force_on, RegimeId, RegimeRecord, RegimeSelection};
use crate::rules::Rule;
use crate::text::Text;
use crate::validate::{validate_with, ValidateOptions};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A documented mapping from QĐ 366 points to criterion grades, for comparing a record
/// written with points only under the regimes that grade criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GradeMapping {
    /// Each group's share of its maximum, by QĐ 366's bands applied to the share: the
    /// general criteria (of 30) become the criterion `general`, the task results (of 70)
    /// become `task_results`; at least 90% → excellent, at least 70% → good, at least
    /// 50% → average, else poor. Compared exactly (`docs/regimes.md`).
    ScoreShares,
}

impl GradeMapping {
    /// The id as written in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            GradeMapping::ScoreShares => "score_shares",
        }
    }

    /// Reads an id.
    pub fn parse(text: &str) -> Option<GradeMapping> {
        (text == "score_shares").then_some(GradeMapping::ScoreShares)
    }

    /// The grades of a score.
    pub fn grades(self, score: &Score) -> GradesInput {
        match self {
            GradeMapping::ScoreShares => GradesInput {
                criteria: BTreeMap::from([(
                    "general".to_owned(),
                    share_grade(score.general, Points::whole(30)),
                )]),
                task_results: share_grade(score.task_results, Points::whole(70)),
            },
        }
    }
}

/// The grade of `points` out of `maximum` by the share bands 90/70/50%, exactly:
/// `100·p ≥ 90·max`.
fn share_grade(points: Points, maximum: Points) -> Grade {
    let (p, m) = (
        i128::from(points.hundredths()),
        i128::from(maximum.hundredths()),
    );
    if 100 * p >= 90 * m {
        Grade::Excellent
    } else if 100 * p >= 70 * m {
        Grade::Good
    } else if 100 * p >= 50 * m {
        Grade::Average
    } else {
        Grade::Poor
    }
}

/// Options of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareOptions {
    /// The regimes to compare, in the order shown; default all, newest first.
    pub regimes: Vec<RegimeId>,
    /// Grades for a record that has points only; default none (the older regimes then
    /// report the missing grades).
    pub grades_from_points: Option<GradeMapping>,
    /// Options of each evaluation.
    pub evaluation: Options,
}

impl Default for CompareOptions {
    fn default() -> CompareOptions {
        CompareOptions {
            regimes: vec![RegimeId::Qd366, RegimeId::Qd124, RegimeId::Qd132],
            grades_from_points: None,
            evaluation: Options::default(),
        }
    }
}

/// A topic of the rules, on which regimes are compared.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Who is not classified.
    NotClassified,
    /// Sick and maternity leave.
    Leave,
    /// Which discipline records count.
    Discipline,
    /// The Not-completed triggers and their exceptions.
    NotCompleted,
    /// The conditions of Excellent.
    Excellent,
    /// The conditions of Good.
    Good,
    /// The conditions of Completed.
    Completed,
    /// The Excellent quota.
    Quota,
    /// Caps by another level (HD 21).
    Caps,
    /// Context: the score, derived facts, the reading of open cases, complaints.
    Context,
}

impl Topic {
    /// Every topic, in the order of evaluation.
    pub const ALL: [Topic; 10] = [
        Topic::NotClassified,
        Topic::Leave,
        Topic::Discipline,
        Topic::NotCompleted,
        Topic::Excellent,
        Topic::Good,
        Topic::Completed,
        Topic::Quota,
        Topic::Caps,
        Topic::Context,
    ];

    /// The topic of a rule.
    pub fn of(rule: Rule) -> Topic {
        use Rule as R;
        match rule {
            R::Exempt
            | R::Suspended
            | R::NewMember
            | R::Qd124Exempt
            | R::Qd124Suspended
            | R::Qd124NewMember
            | R::Qd132Exempt
            | R::Qd132Suspended
            | R::Qd132NewMember
            | R::Qd132NewCollective => Topic::NotClassified,
            R::SickLeave | R::Qd132Sick => Topic::Leave,
            R::DisciplineNotCounted
            | R::Qd124DisciplineNotCounted
            | R::Qd132DisciplineNotCounted => Topic::Discipline,
            R::NotCompletedScore
            | R::CollectiveCadreWork
            | R::CollectiveMemberDiscipline
            | R::CollectiveMemberDegradation
            | R::CollectivePlan
            | R::CollectiveMitigation
            | R::LeaderPlan
            | R::LeaderConfidence
            | R::LeaderDiscipline
            | R::LeaderDegradation
            | R::LeaderScopeCorruption
            | R::LeaderMitigation
            | R::MemberConduct
            | R::MemberTasks
            | R::MemberMitigation
            | R::ConductBreach
            | R::ConductNeedsConclusion
            | R::Qd124NotCompleted
            | R::Qd132MemberNotCompleted
            | R::Qd132OrgNotCompleted
            | R::Qd132LcNotCompleted => Topic::NotCompleted,
            R::ExcellentCollective
            | R::ExcellentLeader
            | R::ExcellentMember
            | R::ExcellentShortcomingsFixed
            | R::Qd124Excellent
            | R::Qd132MemberExcellent
            | R::Qd132OrgExcellent
            | R::Qd132LcExcellent => Topic::Excellent,
            R::GoodCollective
            | R::GoodLeader
            | R::GoodMember
            | R::Qd124Good
            | R::Qd132MemberGood
            | R::Qd132OrgGood
            | R::Qd132LcGood => Topic::Good,
            R::CompletedCollective
            | R::CompletedLeader
            | R::CompletedMember
            | R::Qd124Completed
            | R::Qd132MemberCompleted
            | R::Qd132OrgCompleted
            | R::Qd132LcCompleted => Topic::Completed,
            R::ExcellentQuota | R::Qd124Quota | R::Qd132Quota => Topic::Quota,
            R::Qd132LcCap | R::Qd132HeadCap => Topic::Caps,
            R::Score
            | R::TemporaryActivity
            | R::CascadeGap
            | R::StrictUndetermined
            | R::DerivedFact
            | R::Qd124DerivedFact
            | R::Qd132DerivedFact
            | R::ConductSoftFinding
            | R::OpenComplaints => Topic::Context,
        }
    }

    /// Its name in two languages.
    pub fn title(self) -> Text {
        match self {
            Topic::NotClassified => Text::new("Không xếp loại", "Not classified"),
            Topic::Leave => Text::new("Nghỉ ốm, thai sản", "Sick and maternity leave"),
            Topic::Discipline => Text::new("Kỷ luật được tính", "Discipline counted"),
            Topic::NotCompleted => Text::new(
                "Các trường hợp Không hoàn thành nhiệm vụ",
                "Not-completed triggers",
            ),
            Topic::Excellent => Text::new(
                "Điều kiện Hoàn thành xuất sắc nhiệm vụ",
                "Conditions of Excellent",
            ),
            Topic::Good => Text::new("Điều kiện Hoàn thành tốt nhiệm vụ", "Conditions of Good"),
            Topic::Completed => {
                Text::new("Điều kiện Hoàn thành nhiệm vụ", "Conditions of Completed")
            }
            Topic::Quota => Text::new("Tỷ lệ Hoàn thành xuất sắc", "The Excellent quota"),
            Topic::Caps => Text::new("Giới hạn mức theo tập thể", "Caps by another level"),
            Topic::Context => Text::new("Bối cảnh", "Context"),
        }
    }

    /// How `regime` rules on this topic, in one sentence per language.
    pub fn rule_summary(self, regime: RegimeId) -> Text {
        summary(self, regime)
    }
}

fn summary(topic: Topic, regime: RegimeId) -> Text {
    use RegimeId::{Qd124, Qd132, Qd366};
    match (topic, regime) {
        (Topic::NotClassified, Qd366 | Qd124) => Text::new(
            "Không xếp loại: miễn công tác và sinh hoạt đảng, đình chỉ sinh hoạt đảng, vào Đảng chưa đủ 6 tháng",
            "Not classified: exempted, suspended, or admitted under 6 months",
        ),
        (Topic::NotClassified, Qd132) => Text::new(
            "Không xếp loại: miễn, đình chỉ sinh hoạt đảng, vào Đảng chưa đủ 6 tháng (vẫn kiểm điểm); tổ chức, tập thể thành lập chưa đủ 6 tháng",
            "Not classified: exempted, suspended, admitted under 6 months (still reviewed); organisations and collectives established under 6 months",
        ),
        (Topic::Leave, Qd366) => Text::new(
            "Nghỉ ốm từ 3 tháng, thai sản: xếp loại theo kết quả thực tế, không giới hạn mức",
            "Sick leave of 3 months or more, maternity: classified on the work actually done, no cap",
        ),
        (Topic::Leave, Qd124) => Text::new(
            "Không có quy định công khai về nghỉ ốm (không tìm thấy nội dung HD 25)",
            "No public rule on sick leave (HD 25's wording was not found)",
        ),
        (Topic::Leave, Qd132) => Text::new(
            "Nghỉ ốm từ 3 tháng: tối đa Hoàn thành nhiệm vụ; thai sản: theo thời gian công tác thực tế",
            "Sick leave of 3 months or more: at most Completed; maternity: on the time actually worked",
        ),
        (Topic::Discipline, Qd366) => Text::new(
            "Tính kỷ luật trong kỳ, từ khiển trách, liên quan thực thi nhiệm vụ; mỗi vi phạm tính một lần",
            "Discipline in the period, reprimand or heavier, tied to duties; each violation counted once",
        ),
        (Topic::Discipline, Qd124) => Text::new(
            "Tính mọi kỷ luật trong năm, trừ trường hợp tự phát hiện, khắc phục",
            "Any discipline in the year, unless self-detected and remedied",
        ),
        (Topic::Discipline, Qd132) => Text::new(
            "Tính mọi kỷ luật trong năm (thành viên tập thể lãnh đạo: từ cảnh cáo); mỗi vi phạm tính một lần",
            "Any discipline in the year (a leadership collective's members: warning or heavier); each violation counted once",
        ),
        (Topic::NotCompleted, Qd366) => Text::new(
            "Không hoàn thành: dưới 50 điểm; quá 50% nhiệm vụ không hoàn thành; dưới 70% kế hoạch; bị kỷ luật, suy thoái, vi phạm điều cấm, nêu gương; quá nửa phiếu tín nhiệm thấp",
            "Not completed: under 50 points; over half the tasks not completed; under 70% of the plan; disciplined, degraded, must-not-do or exemplary breach; over half low-confidence votes",
        ),
        (Topic::NotCompleted, Qd124) => Text::new(
            "Không hoàn thành: có tiêu chí Kém; dưới 50% chỉ tiêu và không đạt chỉ tiêu chủ yếu; tập thể bị kỷ luật hoặc quá 20% đơn vị trực thuộc bị kỷ luật; mất đoàn kết; suy thoái, vi phạm điều cấm, nêu gương; bị kỷ luật (trừ tự phát hiện, khắc phục)",
            "Not completed: a criterion graded Poor; under 50% of targets with main targets missed; the collective disciplined or over 20% of subordinate units; disunity; degradation, must-not-do or exemplary breach; discipline (unless self-detected and remedied)",
        ),
        (Topic::NotCompleted, Qd132) => Text::new(
            "Không hoàn thành: dưới mức Hoàn thành; suy thoái; dưới 50% chỉ tiêu; Không hoàn thành với tư cách CBCCVC; bị kỷ luật trong năm; tập thể lãnh đạo: mất đoàn kết, bị kỷ luật, thành viên bị kỷ luật từ cảnh cáo",
            "Not completed: below Completed; degradation; under 50% of targets; Not completed as a civil servant; disciplined in the year; leadership collective: disunity, disciplined, a member disciplined at warning or heavier",
        ),
        (Topic::Excellent, Qd366) => Text::new(
            "Hoàn thành xuất sắc: từ 90 điểm, 100% nhiệm vụ đúng tiến độ, từ 30% vượt, khắc phục hết hạn chế kỳ trước",
            "Excellent: 90 points or more, all tasks on time, at least 30% exceeded, every earlier shortcoming fixed",
        ),
        (Topic::Excellent, Qd124) => Text::new(
            "Hoàn thành xuất sắc: các tiêu chí từ Tốt, kết quả nhiệm vụ Xuất sắc; cá nhân 100% đúng tiến độ, từ 50% vượt; không ai bị kỷ luật",
            "Excellent: criteria Good or better, task results Excellent; an individual all on time with at least 50% exceeded; nobody disciplined",
        ),
        (Topic::Excellent, Qd132) => Text::new(
            "Hoàn thành xuất sắc: tiêu chí nhiệm vụ Xuất sắc, các tiêu chí khác từ Tốt; CBCCVC cũng Hoàn thành xuất sắc; tổ chức đảng: 100% từ Hoàn thành, từ 80% Hoàn thành tốt, chính quyền, đoàn thể cùng cấp từ Hoàn thành tốt",
            "Excellent: task criteria Excellent, others Good or better; a civil servant also Excellent as one; a party organisation: 100% Completed or better, at least 80% Good, same-level bodies Good or better",
        ),
        (Topic::Good, Qd366) => Text::new(
            "Hoàn thành tốt: từ 70 điểm, 100% nhiệm vụ đúng tiến độ",
            "Good: 70 points or more, all tasks on time",
        ),
        (Topic::Good, Qd124 | Qd132) => Text::new(
            "Hoàn thành tốt: kết quả nhiệm vụ từ Tốt, các tiêu chí khác từ Trung bình",
            "Good: task results Good or better, other criteria Average or better",
        ),
        (Topic::Completed, Qd366) => Text::new(
            "Hoàn thành: từ 50 điểm, 100% nhiệm vụ hoàn thành, không quá 20% chậm tiến độ",
            "Completed: 50 points or more, all tasks completed, at most 20% late",
        ),
        (Topic::Completed, Qd124 | Qd132) => Text::new(
            "Hoàn thành: các tiêu chí từ Trung bình",
            "Completed: every criterion Average or better",
        ),
        (Topic::Quota, Qd366) => Text::new(
            "Hoàn thành xuất sắc không quá 20% (có thể 25%) số Hoàn thành tốt trong nhóm",
            "Excellent at most 20% (or 25%) of the Good count per group",
        ),
        (Topic::Quota, Qd124 | Qd132) => Text::new(
            "Hoàn thành xuất sắc không quá 20% số Hoàn thành tốt trong nhóm",
            "Excellent at most 20% of the Good count per group",
        ),
        (Topic::Caps, Qd132) => Text::new(
            "Tập thể lãnh đạo không cao hơn tổ chức mình lãnh đạo; người đứng đầu không cao hơn tập thể, tổ chức mình đứng đầu",
            "A leadership collective never above its organisation; a head never above what they head",
        ),
        (Topic::Caps, Qd366 | Qd124) => Text::new(
            "Không có quy định giới hạn mức theo tập thể",
            "No cap by another level",
        ),
        (Topic::Context, Qd366) => Text::new(
            "Chấm điểm 100 (30 + 70) theo tiêu chí",
            "Scored out of 100 (30 + 70)",
        ),
        (Topic::Context, Qd124 | Qd132) => Text::new(
            "Đánh giá từng tiêu chí theo 4 mức: Xuất sắc, Tốt, Trung bình, Kém",
            "Each criterion graded Excellent, Good, Average or Poor",
        ),
    }
}

/// What a regime's rules did on one topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No rule of the topic came into play.
    NotReached,
    /// A rule of the topic set the level, excluded, or demoted.
    Decides,
    /// A condition of the topic failed.
    Blocks,
    /// The topic's rules informed the decision without changing it.
    Informs,
}

/// One regime's finding on a topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TopicFinding {
    /// The regime.
    pub regime: RegimeId,
    /// What its rules did.
    pub verdict: Verdict,
    /// The level they concern, if one.
    pub level: Option<Level>,
    /// The rule ids, in evaluation order.
    pub rules: Vec<String>,
    /// The messages of those reasons.
    pub messages: Vec<Text>,
}

/// One topic across the regimes compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TopicComparison {
    /// The topic.
    pub topic: Topic,
    /// Its name.
    pub title: Text,
    /// Whether the regimes' findings differ: one regime's rules set the level, exclude or
    /// demote on this topic (or at another level) where another's do not.
    pub differs: bool,
    /// Each regime's finding, for the regimes that evaluated the record.
    pub findings: Vec<TopicFinding>,
    /// How each regime rules on the topic.
    pub rules: Vec<RegimeRuleSummary>,
}

/// How one regime rules on a topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegimeRuleSummary {
    /// The regime.
    pub regime: RegimeId,
    /// The rule, in one sentence.
    pub summary: Text,
}

/// One regime's result in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegimeResult {
    /// The regime, with how it was chosen (`period` for the one in force, else
    /// `comparison`).
    pub regime: RegimeRecord,
    /// Its decision, if the record could be evaluated under it.
    pub decision: Option<DecisionRecord>,
    /// Why not, otherwise: the errors of that regime alone.
    pub errors: Vec<InputError>,
    /// The grades mapped from points, when a mapping was chosen and used.
    pub mapped_grades: Option<GradesInput>,
}

/// The result of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The record's id.
    pub id: String,
    /// The regime in force on the period's last day, if any.
    pub in_force: Option<RegimeId>,
    /// The mapping from points to grades, if one was chosen.
    pub grades_from_points: Option<GradeMapping>,
    /// Each regime's result, in the order asked.
    pub results: Vec<RegimeResult>,
    /// Each regime's level, in the same order (null: not classified or not evaluated).
    pub levels: Vec<Option<Level>>,
    /// Whether every regime that evaluated the record gives the same outcome and level.
    pub levels_agree: bool,
    /// Topic by topic, what each regime found and how the rules differ; topics no
    /// regime reached are left out.
    pub topics: Vec<TopicComparison>,
}

impl Comparison {
    /// The topics on which the regimes' findings differ.
    pub fn differences(&self) -> impl Iterator<Item = &TopicComparison> {
        self.topics.iter().filter(|t| t.differs)
    }
}

/// What a regime's rules did on a topic, and the level concerned: no text.
fn verdict(decision: &Decision, topic: Topic) -> (Verdict, Option<Level>) {
    let mut reasons = decision
        .reasons
        .iter()
        .filter(|r| Topic::of(r.rule) == topic)
        .peekable();
    if reasons.peek().is_none() {
        return (Verdict::NotReached, None);
    }
    let (mut deciding, mut blocking) = (None, None);
    for r in reasons {
        // A quota demotion holds false (the subject did not keep its place) yet moves it.
        if deciding.is_none()
            && (r.effect == Effect::Demotes
                || (r.holds && matches!(r.effect, Effect::Decides | Effect::Excludes)))
        {
            deciding = Some(r);
        }
        if blocking.is_none() && r.effect == Effect::Blocks {
            blocking = Some(r);
        }
    }
    match (deciding, blocking) {
        (Some(r), _) => (Verdict::Decides, r.level.or(decision.level)),
        (None, Some(r)) => (Verdict::Blocks, r.level),
        (None, None) => (Verdict::Informs, None),
    }
}

/// What settles a topic for the comparison: the level a deciding rule set, or nothing.
fn settled(verdict: Verdict, level: Option<Level>) -> Option<Option<Level>> {
    (verdict == Verdict::Decides).then_some(level)
}

/// Whether every decision gives the same outcome and level.
fn levels_agree(decisions: &[Decision]) -> bool {
    decisions
        .windows(2)
        .all(|pair| (pair[0].outcome, pair[0].level) == (pair[1].outcome, pair[1].level))
}

/// The topics on which the decisions settle differently, in evaluation order: one
/// regime's rules grant or fire on the topic and another's do not (or at another
/// level). Whether a rule that did not grant was reached or not is not a difference:
/// QĐ 366 never reaches Excellent's conditions under 90 points, where a graded regime
/// blocks it, and both leave the level where it is. Context (the score, derived facts)
/// explains, it does not decide.
fn differing_topics(decisions: &[Decision]) -> Vec<Topic> {
    Topic::ALL
        .into_iter()
        .filter(|&topic| topic != Topic::Context)
        .filter(|&topic| {
            let mut settled_by = decisions.iter().map(|d| {
                let (v, l) = verdict(d, topic);
                settled(v, l)
            });
            let first = settled_by.next();
            settled_by.any(|s| Some(s) != first)
        })
        .collect()
}

fn finding(decision: &Decision, topic: Topic) -> TopicFinding {
    let reasons: Vec<_> = decision
        .reasons
        .iter()
        .filter(|r| Topic::of(r.rule) == topic)
        .collect();
    let (verdict, level) = verdict(decision, topic);
    let mut rules: Vec<String> = Vec::new();
    for reason in &reasons {
        let id = reason.rule.id().to_owned();
        if !rules.contains(&id) {
            rules.push(id);
        }
    }
    TopicFinding {
        regime: decision.regime,
        verdict,
        level,
        rules,
        messages: reasons
            .iter()
            .map(|r| crate::explain::message(r, decision))
            .collect(),
    }
}

/// Evaluates `assessment` under one regime for a comparison; also returns the grades
/// mapped from points, when the mapping was used.
fn evaluate_under(
    assessment: &Assessment,
    regime: RegimeId,
    options: &CompareOptions,
) -> (Result<Decision, InputErrors>, Option<GradesInput>) {
    let validate_options = ValidateOptions {
        allow_regime_outside_span: true,
        ignore_other_regime_fields: true,
        regime_override: Some(regime),
        grades_from_points: options.grades_from_points,
    };
    match validate_with(assessment, validate_options) {
        Ok(valid) => {
            let mapped = valid
                .grades
                .as_ref()
                .filter(|_| valid.grades_mapped)
                .map(|g| GradesInput {
                    criteria: g.criteria.clone(),
                    task_results: g.task_results,
                });
            (crate::evaluate_valid(&valid, &options.evaluation), mapped)
        }
        Err(errors) if regime != RegimeId::Qd366 => (Err(explain_missing_grades(errors)), None),
        Err(errors) => (Err(errors), None),
    }
}

/// Adds to a missing-grades error what a comparison can do about it.
fn explain_missing_grades(errors: InputErrors) -> InputErrors {
    InputErrors(
        errors
            .0
            .into_iter()
            .map(|e| {
                if e.code == ErrorCode::MissingField && e.path.ends_with("/grades") {
                    InputError::new(
                        ErrorCode::MissingField,
                        e.path.clone(),
                        "Hồ sơ chỉ có điểm theo Quy định 366; cần mức đánh giá từng tiêu chí (grades), hoặc chọn cách quy đổi điểm sang mức (score_shares)",
                        "the record has QĐ 366 points only: give criterion grades (grades), or choose a mapping from points (score_shares)",
                    )
                } else {
                    e
                }
            })
            .collect(),
    )
}

/// Whether the decisions agree, and the topics any of them reached, each with whether
/// the regimes settle it differently.
fn compare_decisions(decisions: &[Decision], regimes: &[RegimeId]) -> (bool, Vec<TopicComparison>) {
    let differing = differing_topics(decisions);
    let mut topics = Vec::new();
    for topic in Topic::ALL {
        let findings: Vec<TopicFinding> = decisions.iter().map(|d| finding(d, topic)).collect();
        if findings.iter().all(|f| f.verdict == Verdict::NotReached) {
            continue;
        }
        topics.push(TopicComparison {
            topic,
            title: topic.title(),
            differs: differing.contains(&topic),
            findings,
            rules: regimes
                .iter()
                .map(|&regime| RegimeRuleSummary {
                    regime,
                    summary: topic.rule_summary(regime),
                })
                .collect(),
        });
    }
    (levels_agree(decisions), topics)
}

/// Compares one record under the regimes of `options`.
pub fn compare(assessment: &Assessment, options: &CompareOptions) -> Comparison {
    let last_day = crate::validate::period_last_day(&assessment.period);
    let in_force = last_day.and_then(regime_in_force_on);
    let mut results = Vec::with_capacity(options.regimes.len());
    let mut decisions = Vec::with_capacity(options.regimes.len());
    let mut levels = Vec::with_capacity(options.regimes.len());
    for &regime in &options.regimes {
        let selected = if Some(regime) == in_force {
            RegimeSelection::Period
        } else {
            RegimeSelection::Comparison
        };
        let (result, mapped_grades) = evaluate_under(assessment, regime, options);
        match result {
            Ok(mut decision) => {
                decision.regime_selection = selected;
                levels.push(decision.level);
                results.push(RegimeResult {
                    regime: regime.info().record(selected),
                    decision: Some(decision.to_record()),
                    errors: Vec::new(),
                    mapped_grades,
                });
                decisions.push(decision);
            }
            Err(errors) => {
                levels.push(None);
                results.push(RegimeResult {
                    regime: regime.info().record(selected),
                    decision: None,
                    errors: errors.0,
                    mapped_grades,
                });
            }
        }
    }
    let (levels_agree, topics) = compare_decisions(&decisions, &options.regimes);
    Comparison {
        id: assessment.id.clone(),
        in_force,
        grades_from_points: options.grades_from_points,
        results,
        levels,
        levels_agree,
        topics,
    }
}

/// One regime's result in a comparison without text ([`compare_levels`]).
#[derive(Debug, Clone, PartialEq)]
pub struct LevelResult {
    /// The regime.
    pub regime: RegimeId,
    /// The outcome, if the record could be evaluated under it.
    pub outcome: Option<Outcome>,
    /// The level.
    pub level: Option<Level>,
    /// The rule that settles the decision ([`Decision::deciding_reason`]).
    pub deciding_rule: Option<Rule>,
    /// Why it could not be evaluated, otherwise.
    pub errors: Vec<InputError>,
}

/// A comparison without text: each regime's outcome, level and deciding rule, and the
/// topics that differ. It settles exactly what [`compare`] settles, for tables of many
/// records (Python's `compare_many`), without rendering a message.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelComparison {
    /// The regime in force on the period's last day, if any.
    pub in_force: Option<RegimeId>,
    /// Each regime's result, in the order asked.
    pub results: Vec<LevelResult>,
    /// Whether every regime that evaluated the record gives the same outcome and level.
    pub levels_agree: bool,
    /// The topics on which the regimes settle differently, in evaluation order.
    pub differs: Vec<Topic>,
}

/// [`compare`] without text.
pub fn compare_levels(assessment: &Assessment, options: &CompareOptions) -> LevelComparison {
    let in_force =
        crate::validate::period_last_day(&assessment.period).and_then(regime_in_force_on);
    let mut results = Vec::with_capacity(options.regimes.len());
    let mut decisions = Vec::with_capacity(options.regimes.len());
    for &regime in &options.regimes {
        match evaluate_under(assessment, regime, options).0 {
            Ok(decision) => {
                results.push(LevelResult {
                    regime,
                    outcome: Some(decision.outcome),
                    level: decision.level,
                    deciding_rule: decision.deciding_reason().map(|r| r.rule),
                    errors: Vec::new(),
                });
                decisions.push(decision);
            }
            Err(errors) => results.push(LevelResult {
                regime,
                outcome: None,
                level: None,
                deciding_rule: None,
                errors: errors.0,
            }),
        }
    }
    LevelComparison {
        in_force,
        results,
        levels_agree: levels_agree(&decisions),
        differs: differing_topics(&decisions),
    }
}

/// Decodes one record (every unknown field reported) and compares it.
pub fn compare_json(json: &str, options: &CompareOptions) -> Result<Comparison, InputErrors> {
    Ok(compare(&crate::decode::decode_assessment(json)?, options))
}

/// One regime's evaluation of an organisation tree in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgRegimeResult {
    /// The regime (`comparison` for every record evaluated outside its span).
    pub regime: RegimeRecord,
    /// Every record's statistics under this regime.
    pub total: crate::org::Stats,
    /// What this regime could not evaluate, and why (a record with points only has no
    /// grades for QĐ 124 and QĐ 132).
    pub rejected: Vec<crate::org::RejectedEntry>,
}

/// One record of the tree across the regimes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgRecordComparison {
    /// The record's id.
    pub id: String,
    /// Its unit.
    pub unit: String,
    /// Its place in the unit.
    pub role: crate::org::Role,
    /// Its level under each regime, in the order compared (null: not classified, or
    /// not evaluated under that regime).
    pub levels: Vec<Option<Level>>,
    /// Its outcome under each regime (null: rejected under that regime, see
    /// [`OrgRegimeResult::rejected`]).
    pub outcomes: Vec<Option<Outcome>>,
    /// Whether the regimes that evaluated it agree.
    pub levels_agree: bool,
    /// The topics on which the regimes settle it differently (facts derived from the
    /// tree, such as a chi bộ's members' levels, are part of each decision).
    pub differences: Vec<TopicComparison>,
}

/// How many records change level from one regime to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelChanges {
    /// From this regime.
    pub from: RegimeId,
    /// To this one.
    pub to: RegimeId,
    /// Records classified under both.
    pub compared: u64,
    /// Of them, rated higher under `to`.
    pub up: u64,
    /// Of them, rated lower under `to`.
    pub down: u64,
}

/// An organisation tree compared under several regimes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgComparison {
    /// The regimes, in the order compared.
    pub regimes: Vec<OrgRegimeResult>,
    /// Every record evaluated under at least one regime, in tree order.
    pub records: Vec<OrgRecordComparison>,
    /// For each pair of regimes, how many records change level.
    pub changes: Vec<LevelChanges>,
}

/// Compares an organisation tree (`docs/organisation-trees.md`, nested form) under the
/// regimes of `options`: the whole tree is evaluated under each regime, with its derived
/// facts and quota, and each record's decisions are compared. With a mapping, records
/// that have points only are given grades under QĐ 124 and QĐ 132, as for one record.
/// Every regime is recorded as selected for the `comparison` (the records of a tree may
/// have different periods).
pub fn compare_org(
    tree_json: &str,
    options: &CompareOptions,
    quota: Option<crate::quota::QuotaOptions>,
) -> Result<OrgComparison, InputErrors> {
    let mut regimes = Vec::with_capacity(options.regimes.len());
    let mut by_id: Vec<(String, String, crate::org::Role, Vec<Option<Decision>>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (position, &regime) in options.regimes.iter().enumerate() {
        let org_options = crate::org::OrgOptions {
            evaluation: options.evaluation,
            quota: quota.clone(),
            keep_decisions: true,
            regime: Some(regime),
            grades_from_points: options.grades_from_points,
        };
        let result = crate::org::evaluate_tree_json(tree_json, org_options)?;
        regimes.push(OrgRegimeResult {
            regime: regime.info().record(RegimeSelection::Comparison),
            total: result.report.total.clone(),
            rejected: result
                .report
                .rejected
                .iter()
                .map(|entry| crate::org::RejectedEntry {
                    errors: if regime == RegimeId::Qd366 {
                        entry.errors.clone()
                    } else {
                        explain_missing_grades(InputErrors(entry.errors.clone())).0
                    },
                    ..entry.clone()
                })
                .collect(),
        });
        for record in result.records {
            let slot = *index.entry(record.decision.id.clone()).or_insert_with(|| {
                by_id.push((
                    record.decision.id.clone(),
                    record.unit.clone(),
                    record.role,
                    vec![None; options.regimes.len()],
                ));
                by_id.len() - 1
            });
            if let Some(place) = by_id.get_mut(slot).and_then(|r| r.3.get_mut(position)) {
                *place = Some(record.decision);
            }
        }
    }
    let mut changes = Vec::new();
    for (i, &from) in options.regimes.iter().enumerate() {
        for (j, &to) in options.regimes.iter().enumerate().skip(i + 1) {
            let mut pair = LevelChanges {
                from,
                to,
                compared: 0,
                up: 0,
                down: 0,
            };
            for (_, _, _, decisions) in &by_id {
                let level = |k: usize| {
                    decisions
                        .get(k)
                        .and_then(|d| d.as_ref())
                        .and_then(|d| d.level)
                };
                if let (Some(a), Some(b)) = (level(i), level(j)) {
                    pair.compared += 1;
                    pair.up += u64::from(b > a);
                    pair.down += u64::from(b < a);
                }
            }
            changes.push(pair);
        }
    }
    let records = by_id
        .into_iter()
        .map(|(id, unit, role, decisions)| {
            let levels = decisions
                .iter()
                .map(|d| d.as_ref().and_then(|d| d.level))
                .collect();
            let outcomes = decisions
                .iter()
                .map(|d| d.as_ref().map(|d| d.outcome))
                .collect();
            let evaluated: Vec<Decision> = decisions.into_iter().flatten().collect();
            let compared: Vec<RegimeId> = evaluated.iter().map(|d| d.regime).collect();
            let (levels_agree, topics) = compare_decisions(&evaluated, &compared);
            OrgRecordComparison {
                id,
                unit,
                role,
                levels,
                outcomes,
                levels_agree,
                differences: topics.into_iter().filter(|t| t.differs).collect(),
            }
        })
        .collect();
    Ok(OrgComparison {
        regimes,
        records,
        changes,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests")]
mod tests {
    use super::*;

    #[test]
    fn score_shares_are_exact_at_each_band() {
        let grade = |hundredths: i64, max: i64| {
            share_grade(Points::from_hundredths(hundredths), Points::whole(max))
        };
        assert_eq!(grade(2700, 30), Grade::Excellent); // 27/30 = 90%
        assert_eq!(grade(2699, 30), Grade::Good);
        assert_eq!(grade(4900, 70), Grade::Good); // 49/70 = 70%
        assert_eq!(grade(4899, 70), Grade::Average);
        assert_eq!(grade(3500, 70), Grade::Average); // 50%
        assert_eq!(grade(3499, 70), Grade::Poor);
    }

    #[test]
    fn an_organisation_is_compared_record_by_record_with_a_mapping() {
        let member = |id: &str, general: f64, exceeded: u32| {
            serde_json::json!({
                "id": id, "period": {"year": 2025},
                "subject": {"kind": "member", "admitted_on": "2010-01-01"},
                "score": {"general": general, "task_results": 63},
                "tasks": {"assigned": 12, "completed": 12, "on_time": 12, "exceeded": exceeded}
            })
        };
        let tree = serde_json::json!({
            "id": "chi-bo-1",
            "organisation": {
                "id": "chi-bo-1-2025", "period": {"year": 2025},
                "subject": {"kind": "collective", "collective_kind": "party_organisation"},
                "score": {"general": 28, "task_results": 64},
                "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 5}
            },
            "members": [member("a", 28.0, 4), member("b", 27.0, 6), member("c", 20.0, 0)]
        });
        let options = CompareOptions {
            grades_from_points: Some(GradeMapping::ScoreShares),
            ..CompareOptions::default()
        };
        let compared = compare_org(&tree.to_string(), &options, None).unwrap();
        assert_eq!(compared.regimes.len(), 3);
        assert!(compared.regimes.iter().all(|r| r.rejected.is_empty()));
        assert_eq!(compared.records.len(), 4);
        assert_eq!(compared.changes.len(), 3);
        let a = compared.records.iter().find(|r| r.id == "a").unwrap();
        // 4 of 12 exceeded: Excellent under QĐ 366 and QĐ 132, Good under QĐ 124.
        assert_eq!(
            a.levels,
            vec![
                Some(Level::Excellent),
                Some(Level::Good),
                Some(Level::Excellent)
            ]
        );
        assert!(!a.levels_agree);
        assert!(a.differences.iter().any(|t| t.topic == Topic::Excellent));
        // The chi bộ is evaluated under every regime (under QĐ 132 with its members'
        // levels derived from the tree).
        let chi_bo = compared
            .records
            .iter()
            .find(|r| r.id == "chi-bo-1-2025")
            .unwrap();
        assert_eq!(chi_bo.levels.len(), 3);
        let qd366_to_qd124 = compared.changes[0];
        assert_eq!(
            (qd366_to_qd124.from, qd366_to_qd124.to),
            (RegimeId::Qd366, RegimeId::Qd124)
        );
        assert_eq!(qd366_to_qd124.compared, 4);
        assert!(qd366_to_qd124.down >= 1);
    }

    #[test]
    fn a_quota_demotion_in_one_regime_only_is_a_difference() {
        // Six members Completed under QĐ 366 (60 points) are Good under QĐ 132 (grades
        // good): QĐ 366's group has fewer Good, so its quota demotes b, QĐ 132's keeps b.
        let member = |id: &str, general: u32, task: u32, grade: &str, exceeded: u32| {
            serde_json::json!({
                "id": id, "period": {"year": 2025},
                "subject": {"kind": "member", "admitted_on": "2010-01-01"},
                "score": {"general": general, "task_results": task},
                "grades": {"criteria": {"a": "good"}, "task_results": grade},
                "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": exceeded}
            })
        };
        let mut members = vec![
            member("a", 29, 66, "excellent", 6),
            member("b", 28, 64, "excellent", 5),
        ];
        for i in 0..4 {
            members.push(member(&format!("g{i}"), 25, 55, "good", 0));
        }
        for i in 0..6 {
            members.push(member(&format!("c{i}"), 20, 40, "good", 0));
        }
        let tree = serde_json::json!({"id": "cb", "members": members});
        let options = CompareOptions {
            regimes: vec![RegimeId::Qd366, RegimeId::Qd132],
            ..CompareOptions::default()
        };
        let quota = Some(crate::quota::QuotaOptions::default());
        let compared = compare_org(&tree.to_string(), &options, quota).unwrap();
        let b = compared.records.iter().find(|r| r.id == "b").unwrap();
        assert_eq!(b.levels, vec![Some(Level::Good), Some(Level::Excellent)]);
        assert!(
            b.differences.iter().any(|t| t.topic == Topic::Quota),
            "{:?}",
            b.differences.iter().map(|t| t.topic).collect::<Vec<_>>()
        );
    }

    #[test]
    fn compare_levels_settles_what_compare_settles() {
        let json = r#"{"id":"dv","period":{"year":2025},
          "subject":{"kind":"member","admitted_on":"2019-05-19"},
          "score":{"general":27.5,"task_results":63},
          "grades":{"criteria":{"a":"excellent"},"task_results":"excellent"},
          "leave":{"sick_months":4},
          "tasks":{"assigned":12,"completed":12,"on_time":12,"exceeded":4}}"#;
        let assessment = crate::decode::decode_assessment(json).unwrap();
        for mapping in [None, Some(GradeMapping::ScoreShares)] {
            let options = CompareOptions {
                grades_from_points: mapping,
                ..CompareOptions::default()
            };
            let full = compare(&assessment, &options);
            let compact = compare_levels(&assessment, &options);
            assert_eq!(compact.in_force, full.in_force);
            assert_eq!(compact.levels_agree, full.levels_agree);
            let differs: Vec<Topic> = full.differences().map(|t| t.topic).collect();
            assert_eq!(compact.differs, differs);
            assert!(!differs.is_empty());
            for (c, f) in compact.results.iter().zip(&full.results) {
                assert_eq!(c.level, f.decision.as_ref().and_then(|d| d.level));
                assert_eq!(
                    c.deciding_rule.map(Rule::id),
                    f.decision
                        .as_ref()
                        .and_then(|d| d.deciding_reason())
                        .map(|r| r.rule.as_str())
                );
                assert_eq!(c.errors, f.errors);
            }
        }
    }

    #[test]
    fn every_rule_has_a_topic_and_every_topic_a_summary() {
        for rule in Rule::ALL {
            let _ = Topic::of(*rule);
        }
        for topic in Topic::ALL {
            for regime in [RegimeId::Qd366, RegimeId::Qd124, RegimeId::Qd132] {
                assert!(!topic.rule_summary(regime).en.is_empty());
            }
        }
    }
}
