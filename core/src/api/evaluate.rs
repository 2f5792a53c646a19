//! One assessment: typed, as JSON text or already validated, to a compact decision or
//! the contract's record.

use crate::contract::assessment::Assessment;
use crate::contract::decision::DecisionRecord;
use crate::contract::errors::InputErrors;
use crate::contract::level::Options;
use crate::intake::decode::decode_and_validate;
use crate::intake::validate::assessment::validate_with;
use crate::intake::validate::options::ValidateOptions;
pub use crate::regimes::decision::Decision;
pub use crate::regimes::dispatch::evaluate_valid;
pub use crate::regimes::explain::message as reason_message;
pub use crate::regimes::record_view::DecisionJson;

/// Validates and evaluates one assessment.
pub fn evaluate(assessment: &Assessment, options: &Options) -> Result<Decision, InputErrors> {
    evaluate_valid(
        &validate_with(assessment, ValidateOptions::for_evaluation(options))?,
        options,
    )
}

/// Decodes, validates and evaluates one assessment given as JSON text. Every problem is
/// reported at once: unknown fields together with the validation problems.
pub fn evaluate_text(json: &str, options: &Options) -> Result<Decision, InputErrors> {
    evaluate_valid(
        &decode_and_validate(json, ValidateOptions::for_evaluation(options))?,
        options,
    )
}

/// [`evaluate_text`], rendering the decision as the contract's record.
pub fn evaluate_json(json: &str, options: &Options) -> Result<DecisionRecord, InputErrors> {
    Ok(evaluate_text(json, options)?.to_record())
}
