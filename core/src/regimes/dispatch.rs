//! Evaluation of a validated assessment under its regime: the one place that knows
//! which regime's engine evaluates which record.

use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::level::{Options, Outcome};
use crate::contract::regime::RegimeId;
use crate::model::ValidAssessment;
use crate::regimes::decision::Decision;
use crate::regimes::{graded, qd366};

/// Evaluates a validated assessment under its regime.
///
/// Fails only for a regime this version does not implement (which validation already
/// reports) or a record missing what classification needs (which only a record built
/// by hand, not by validation, can lack).
pub fn evaluate_valid(
    assessment: &ValidAssessment,
    options: &Options,
) -> Result<Decision, InputErrors> {
    let decision = match assessment.regime {
        RegimeId::Qd366 => qd366::evaluate::evaluate(assessment, options),
        RegimeId::Qd124 | RegimeId::Qd132 => graded::evaluate::evaluate(assessment, options),
    };
    match missing_for_classification(assessment) {
        Some(error) if decision.outcome != Outcome::NotClassified => Err(InputErrors::one(error)),
        _ => Ok(decision),
    }
}

/// What a classified record lacks, by its regime: points (QĐ 366) or criterion grades
/// (QĐ 124, QĐ 132), and task counts.
fn missing_for_classification(a: &ValidAssessment) -> Option<InputError> {
    let (grounds_missing, grounds_path, vi, en) = match a.regime {
        RegimeId::Qd366 => (
            a.score.is_none(),
            "/score",
            "Thiếu điểm hoặc số nhiệm vụ cần để xếp loại",
            "the score and task counts are needed to classify",
        ),
        RegimeId::Qd124 | RegimeId::Qd132 => (
            a.grades.is_none(),
            "/grades",
            "Thiếu mức đánh giá tiêu chí hoặc số nhiệm vụ cần để xếp loại",
            "the criterion grades and task counts are needed to classify",
        ),
    };
    if !grounds_missing && a.tasks.is_some() {
        return None;
    }
    let path = if grounds_missing {
        grounds_path
    } else {
        "/tasks"
    };
    Some(InputError::new(ErrorCode::MissingField, path, vi, en))
}
