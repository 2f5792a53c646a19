//! The self-assessment side: the form for a subject, an assessment still being filled in,
//! what would change a result, and the conduct items that apply to a person.

pub use crate::analysis::change::what_would_change;
pub use crate::analysis::partial::evaluate_partial_json;
use crate::conduct::shipped::items_for;
use crate::contract::change::ChangeResult;
use crate::contract::conduct::ConductScope;
use crate::contract::conduct_catalogue::ApplicableItem;
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::form::{FormRequest, FormSchema};
use crate::contract::level::Options;
use crate::contract::state::Rating;
use crate::dates::parse_iso_date;
use crate::intake::decode::decode_and_validate;
use crate::intake::validate::options::ValidateOptions;
use crate::regimes::dispatch::evaluate_valid;
use crate::regimes::qd366::criteria::shipped::shipped_profile;
/// The ids of the shipped criteria profiles, which [`form_schema_for`] takes.
pub use crate::regimes::qd366::criteria::shipped::SHIPPED_PROFILE_IDS;
pub use crate::regimes::qd366::form::form_schema;
pub use crate::regimes::state::form::state_form_schema;
use chrono::NaiveDate;

/// The form for a request, with one field per criteria item when `profile` names a
/// shipped criteria profile (an unknown id is an error at `/profile`); a state request
/// (`rating: state`) gives the monthly or quarterly state form
/// ([`state_form_schema`]).
pub fn form_schema_for(
    request: &FormRequest,
    profile: Option<&str>,
) -> Result<FormSchema, InputErrors> {
    if request.rating == Rating::State {
        if profile.is_some() {
            return Err(InputErrors::one(InputError::new(
                ErrorCode::NotApplicable,
                "/profile",
                "Hồ sơ tiêu chí (profile) là của phiếu Quy định 366, không của phiếu Nhà nước",
                "a criteria profile belongs to the QĐ 366 forms, not to a state form",
            )));
        }
        return state_form_schema(request);
    }
    if request.regime.info().rating == Rating::State {
        return Err(InputErrors::one(InputError::new(
            ErrorCode::NotApplicable,
            "/regime",
            format!(
                "`{}` là chế độ của Nhà nước: phiếu của chế độ này cần `rating: state`",
                request.regime.as_str()
            ),
            format!(
                "`{}` is a state regime: its forms need `rating: state`",
                request.regime.as_str()
            ),
        )));
    }
    let profile = match profile {
        Some(id) => Some(shipped_profile(id).ok_or_else(|| {
            InputErrors::one(InputError::unknown_profile(
                "/profile",
                id,
                &SHIPPED_PROFILE_IDS,
            ))
        })?),
        None => None,
    };
    Ok(form_schema(request, profile))
}

/// One assessment's decision (JSON text) and, for each level above it, the smallest
/// changes that reach it or why it is out of reach this period.
pub fn what_would_change_json(json: &str, options: &Options) -> Result<ChangeResult, InputErrors> {
    let valid = decode_and_validate(json, ValidateOptions::default())?;
    let decision = evaluate_valid(&valid, options)?;
    let paths = what_would_change(&valid, &decision, options);
    Ok(ChangeResult {
        decision: decision.to_record(),
        what_would_change: paths,
    })
}

/// A day given as an argument (`YYYY-MM-DD`); `path` names the argument in the error.
pub fn parse_day(path: &str, text: &str) -> Result<NaiveDate, InputErrors> {
    parse_iso_date(text).ok_or_else(|| InputErrors::one(InputError::not_a_day(path, text)))
}

/// The conduct items that apply to a person (`scope`) on a day (`YYYY-MM-DD`): the
/// scope's contradictions (at `/scope`) and a day that is not one (at `/on`) are errors.
pub fn conduct_items(
    scope: &ConductScope,
    on: &str,
) -> Result<Vec<ApplicableItem<'static>>, InputErrors> {
    let problems = scope.problems("/scope");
    if !problems.is_empty() {
        return Err(InputErrors(problems));
    }
    let day = parse_day("/on", on)?;
    items_for(scope, day)
        .map_err(|error| InputErrors::one(InputError::catalogue_unreadable(&error)))
}
