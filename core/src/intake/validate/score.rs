//! What a level is read from: QĐ 366's points (given, or derived from item points
//! under a criteria profile), QĐ 124's and QĐ 132's criterion grades (given, or mapped
//! from points for a comparison), and QĐ 132's civil-service level.

use crate::contract::assessment::{
    Assessment, GradesInput, ProfileChoice, ScoreInput, SubjectInput,
};
use crate::contract::criteria::{appendix_for, ProfileReference};
use crate::contract::errors::{pointer_segment, ErrorCode};
use crate::contract::fields::RegimeField;
use crate::contract::level::Level;
use crate::contract::limits::{MAX_CRITERION_ID_CHARS, MAX_GRADED_CRITERIA};
use crate::intake::validate::options::ValidateOptions;
use crate::intake::validate::problems::Problems;
use crate::intake::validate::regime::RegimeFields;
use crate::intake::validate::subject::SubjectFacts;
use crate::model::{Grades, Score};
use crate::regimes::fields::reads;
use crate::regimes::graded::mapping::mapped_grades;
use crate::regimes::qd366::criteria::shipped::shipped_profile;
use crate::regimes::qd366::criteria::validate::validate_profile_at;

/// The grounds of a level, as validated.
pub struct Grounds {
    /// Points (QĐ 366).
    pub score: Option<Score>,
    /// Criterion grades (QĐ 124, QĐ 132).
    pub grades: Option<Grades>,
    /// The grades were mapped from points (a comparison).
    pub grades_mapped: bool,
    /// The civil-service level (QĐ 132).
    pub civil_service_level: Option<Level>,
    /// The criteria profile the points were derived from.
    pub profile_used: Option<ProfileReference>,
}

/// Reads the grounds the record's regime needs; a subject that is not classified needs
/// none.
pub fn grounds(
    p: &mut Problems,
    input: &Assessment,
    subject: &SubjectFacts,
    fields: RegimeFields,
    excluded: bool,
    options: ValidateOptions,
) -> Grounds {
    let (s, individual, (vi_whom, en_whom)) = (
        &input.subject,
        subject.individual,
        (subject.whom.vi, subject.whom.en),
    );
    let regime_id = fields.regime;
    let reads_field = |field| regime_id.is_some_and(|regime| reads(regime, field));
    let graded = reads_field(RegimeField::Grades);
    let mut profile_used = None;
    let score = if fields.allows(p, RegimeField::Score, input.score.is_some()) {
        input
            .score
            .as_ref()
            .and_then(|score| score_input(p, score, s, &mut profile_used))
    } else {
        if !excluded && reads_field(RegimeField::Score) && input.score.is_none() {
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
    } else if fields.allows(p, RegimeField::Grades, input.grades.is_some()) {
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
        RegimeField::CivilServiceLevel,
        input.civil_service_level.is_some(),
    ) {
        if !individual {
            p.not_applicable("/civil_service_level", vi_whom, en_whom);
        }
        input.civil_service_level
    } else {
        None
    };

    Grounds {
        score,
        grades,
        grades_mapped,
        civil_service_level,
        profile_used,
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
