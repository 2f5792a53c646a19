//! # cadre-eval
//!
//! Exact, explained and citable assessment and quality classification (kiểm điểm,
//! đánh giá, xếp loại chất lượng) of party organisations and members under
//! Quy định 366-QĐ/TW (2025) and its guideline Hướng dẫn 43-HD/BTCTW.
//!
//! The library computes a **proposed** level with every reason that decided or blocked
//! it, each under the rule id and citation of the project's specification; the
//! competent level decides.
//!
//! ```
//! use cadre_eval::{evaluate_json, Level, Options};
//!
//! let json = r#"{
//!   "id": "dv-0042",
//!   "period": { "year": 2025 },
//!   "subject": { "kind": "member", "admitted_on": "2019-05-19" },
//!   "score": { "general": 27.5, "task_results": 63 },
//!   "tasks": { "assigned": 12, "completed": 12, "on_time": 12, "exceeded": 3 }
//! }"#;
//! let decision = evaluate_json(json, &Options::default()).map_err(|e| e.to_string())?;
//! assert_eq!(decision.level, Some(Level::Good));
//! assert_eq!(decision.reasons[1].rule, "qd366.11.1.N"); // 3 of 12 exceeded: 25% < 30%
//! # Ok::<(), String>(())
//! ```
//!
//! Layers, from the outside in: [`decode`] (JSON to [`Assessment`], every unknown field
//! reported), [`validate`] (to [`ValidAssessment`]: exact points, dates, every problem at
//! once), evaluation (a [`Decision`] with compact [`Reason`]s), and
//! [`Decision::to_record`] (the contract's [`DecisionRecord`] with messages in
//! Vietnamese and English). See `docs/architecture.md`.

#![cfg_attr(not(test), warn(missing_docs))]

pub mod batch;
pub mod change;
pub mod compare;
pub mod conduct;
pub mod contract;
pub mod criteria;
pub mod dates;
pub mod decision;
pub mod decode;
pub mod error;
pub mod explain;
mod explain_graded;
pub mod flat;
pub mod form;
mod graded;
pub mod level;
pub mod limits;
pub mod model;
pub mod org;
pub mod partial;
pub mod points;
mod qd366;
pub mod quota;
pub mod reason;
pub mod regime;
pub mod rules;
pub mod schema;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod text;
pub mod validate;

pub use batch::{evaluate_json_array, evaluate_json_lines, BatchItem, RejectedRecord};
pub use contract::Assessment;
pub use decision::{Decision, DecisionRecord, ReasonRecord};
pub use decode::{assessment_from_deserializer, assessment_from_value, decode_assessment};
pub use error::{ErrorCode, InputError, InputErrors};
pub use level::{Level, Options, Outcome, Reading, TargetsReading};
pub use model::ValidAssessment;
pub use points::Points;
pub use quota::{apply_quota, GroupQuotaReport, QuotaOptions, QuotaReading};
pub use reason::{Effect, Reason};
pub use regime::RegimeId;
pub use rules::Rule;
pub use text::Text;
pub use validate::validate;

/// Evaluates a validated assessment under its regime.
///
/// Fails only for a regime this version does not implement (which [`validate`] already
/// reports) or a record missing what classification needs (which only a record built
/// by hand, not by [`validate`], can lack).
pub fn evaluate_valid(
    assessment: &ValidAssessment,
    options: &Options,
) -> Result<Decision, InputErrors> {
    match assessment.regime {
        RegimeId::Qd366 => {
            let decision = qd366::evaluate(assessment, options, assessment.score, assessment.tasks);
            if decision.outcome != Outcome::NotClassified
                && (assessment.score.is_none() || assessment.tasks.is_none())
            {
                return Err(InputErrors::one(InputError::new(
                    ErrorCode::MissingField,
                    if assessment.score.is_none() {
                        "/score"
                    } else {
                        "/tasks"
                    },
                    "Thiếu điểm hoặc số nhiệm vụ cần để xếp loại",
                    "the score and task counts are needed to classify",
                )));
            }
            Ok(decision)
        }
        RegimeId::Qd124 | RegimeId::Qd132 => {
            let decision = graded::evaluate(assessment, options);
            if decision.outcome != Outcome::NotClassified
                && (assessment.grades.is_none() || assessment.tasks.is_none())
            {
                return Err(InputErrors::one(InputError::new(
                    ErrorCode::MissingField,
                    if assessment.grades.is_none() {
                        "/grades"
                    } else {
                        "/tasks"
                    },
                    "Thiếu mức đánh giá tiêu chí hoặc số nhiệm vụ cần để xếp loại",
                    "the criterion grades and task counts are needed to classify",
                )));
            }
            Ok(decision)
        }
    }
}

/// Validates and evaluates one assessment.
pub fn evaluate(assessment: &Assessment, options: &Options) -> Result<Decision, InputErrors> {
    evaluate_valid(&validate(assessment)?, options)
}

/// Decodes, validates and evaluates one assessment given as JSON text. Every problem is
/// reported at once: unknown fields together with the validation problems.
pub fn evaluate_text(json: &str, options: &Options) -> Result<Decision, InputErrors> {
    evaluate_valid(
        &decode::decode_and_validate(json, validate::ValidateOptions::default())?,
        options,
    )
}

/// [`evaluate_text`], rendering the decision as the contract's record.
pub fn evaluate_json(json: &str, options: &Options) -> Result<DecisionRecord, InputErrors> {
    Ok(evaluate_text(json, options)?.to_record())
}
