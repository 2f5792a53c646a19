//! Evaluation of a validated assessment under its regime: the one place that knows
//! which regime's engine evaluates which record.

use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::level::{Options, Outcome};
use crate::contract::regime::RegimeId;
use crate::model::ValidAssessment;
use crate::regimes::decision::Decision;
use crate::regimes::state::link::read_state_rating;
use crate::regimes::{graded, qd366, state};

/// Evaluates a validated assessment under its regime.
///
/// Fails only for a regime this version does not implement (which validation already
/// reports) or a record missing what classification needs (which only a record built
/// by hand, not by validation, can lack).
pub fn evaluate_valid(
    assessment: &ValidAssessment,
    options: &Options,
) -> Result<Decision, InputErrors> {
    let mut decision = match (assessment.regime, assessment.state.as_deref()) {
        (_, Some(facts)) => return Ok(state::evaluate::evaluate(assessment, facts, options)),
        (RegimeId::Qd366, None) => qd366::evaluate::evaluate(assessment, options),
        (RegimeId::Qd124 | RegimeId::Qd132, None) => {
            graded::evaluate::evaluate(assessment, options)
        }
        // A state regime without state facts: only a record built by hand, not by
        // validation, can be one.
        (RegimeId::Nd90 | RegimeId::Nd335 | RegimeId::Nd233, None) => {
            return Err(InputErrors::one(InputError::new(
                ErrorCode::InvalidValue,
                "/rating",
                "Hồ sơ đánh giá theo chế độ của Nhà nước cần \"rating\": \"state\"",
                "a record under a state regime needs \"rating\": \"state\"",
            )))
        }
    };
    match missing_for_classification(assessment) {
        Some(error) if decision.outcome != Outcome::NotClassified => Err(InputErrors::one(error)),
        _ => {
            read_state_rating(assessment, &mut decision, options);
            Ok(decision)
        }
    }
}

/// What a classified party record lacks, by its regime: points (QĐ 366) or criterion
/// grades (QĐ 124, QĐ 132), and task counts. (State records are checked by their
/// validation, which knows who is not classified.)
fn missing_for_classification(a: &ValidAssessment) -> Option<InputError> {
    let (grounds_missing, grounds_path, vi, en) = match a.regime {
        RegimeId::Nd90 | RegimeId::Nd335 | RegimeId::Nd233 => return None,
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
