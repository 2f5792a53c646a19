//! From the contract's `Assessment` to a `ValidAssessment`, reporting every problem
//! at once, each with its code, JSON path and a message in Vietnamese and English. The
//! record is walked topic by topic (`period`, `regime`, `subject`, `score`, `tasks`,
//! `discipline`, `conclusions`, `conduct`, `owned`), in the order of its fields: the
//! order of the problems.

use crate::contract::assessment::Assessment;
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::regime::RegimeId;
use crate::contract::state::Rating;
use crate::intake::validate::conclusions::{collective, conclusions, graded_facts, leader};
use crate::intake::validate::conduct::conduct;
use crate::intake::validate::discipline::discipline;
use crate::intake::validate::link::{civil_service_level, state_rating};
use crate::intake::validate::options::ValidateOptions;
use crate::intake::validate::owned::keep_owned;
use crate::intake::validate::period::{evaluation_day, period, yearly_only};
use crate::intake::validate::problems::Problems;
use crate::intake::validate::regime::{regime, RegimeFields};
use crate::intake::validate::score::grounds;
use crate::intake::validate::state::foreign::state_fields;
use crate::intake::validate::state::record::validate_state;
use crate::intake::validate::subject::{excluded, subject};
use crate::intake::validate::tasks::{leave, shortcomings, tasks};
use crate::model::{Subject, ValidAssessment};

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
    if input.rating == Some(Rating::State) {
        return validate_state(input, options);
    }
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
    let as_of = evaluation_day(p, input, span);
    let regime = regime(p, input, span, options);
    let subject_facts = subject(p, &input.subject, as_of);
    let fields = RegimeFields {
        regime: regime.map(|(id, _)| id),
        ignore: options.ignore_other_regime_fields,
    };
    yearly_only(p, input, fields.regime);
    // A subject that is not classified needs no grounds: decide that before requiring them.
    let excluded = excluded(&subject_facts, fields.regime, span.map(|s| s.to), as_of);
    let grounds = grounds(p, input, &subject_facts, fields, excluded, options);
    let tasks = tasks(p, input, excluded);
    let shortcomings = shortcomings(p, input);
    let leave = leave(p, input, &subject_facts);
    let discipline = discipline(p, input, &subject_facts);
    conclusions(p, input, &subject_facts);
    leader(p, input, &subject_facts);
    collective(p, input, &subject_facts);
    let conduct = conduct(p, input, subject_facts.kind, as_of);
    if let Some(group) = &input.quota_group {
        p.string_length("/quota_group", group);
    }
    let owned = keep_owned(p, input, fields, shortcomings, conduct);
    graded_facts(
        p,
        input,
        fields.regime,
        &owned.conclusions,
        &owned.collective,
    );
    state_fields(p, input);
    let read = state_rating(p, input, span, input.civil_service_level);

    if !problems.0.is_empty() {
        return Err(InputErrors(problems.0));
    }
    let s = &input.subject;
    match (span, as_of, regime) {
        (Some(period), Some(as_of), Some(regime)) => Ok(ValidAssessment {
            id: input.id.clone(),
            period,
            as_of,
            regime: regime.0,
            regime_selection: regime.1,
            subject: Subject {
                kind: subject_facts.kind,
                in_political_system: s.in_political_system.unwrap_or(true),
                centrally_managed: s.centrally_managed.unwrap_or(false),
                collective_kind: s.collective_kind,
                party_status: subject_facts.party_status,
                admitted_on: subject_facts.admitted_on,
                established_on: subject_facts.established_on,
                temporary_activity: owned.temporary_activity,
            },
            score: grounds.score,
            grades: grounds.grades,
            grades_mapped: grounds.grades_mapped,
            civil_service_level: if regime.0 == RegimeId::Qd132 {
                civil_service_level(grounds.civil_service_level, read.as_ref())
            } else {
                grounds.civil_service_level
            },
            tasks,
            shortcomings: owned.shortcomings.unwrap_or_default(),
            leave,
            discipline,
            conclusions: owned.conclusions,
            leader: owned.leader,
            collective: owned.collective,
            mitigation: input.mitigation,
            procedure: owned.procedure,
            quota_group: input.quota_group.clone(),
            profile: grounds.profile_used,
            conduct_scope: owned.conduct_scope,
            conduct: owned.conduct,
            rating: Rating::Party,
            state: None,
            state_rating: read,
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
