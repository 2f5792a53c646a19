//! Rules-qd366 §5, mitigation: what a claim changes when a trigger fired.

use crate::contract::decision::{Effect, MitigationKind};
use crate::contract::level::{Level, Options};
use crate::contract::subject::SubjectKind;
use crate::model::{Tasks, ValidAssessment};
use crate::regimes::decision::{Alternative, Decision};
use crate::regimes::qd366::discipline::DisciplineTally;
use crate::regimes::qd366::levels::{resolve, Resolution};
use crate::regimes::qd366::triggers::Fired;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, RuleSet, Value, Values};

#[inline]
pub fn mitigation_rule(kind: SubjectKind) -> Rule {
    match kind {
        SubjectKind::Member => Rule::MemberMitigation,
        SubjectKind::Leader => Rule::LeaderMitigation,
        SubjectKind::Collective => Rule::CollectiveMitigation,
    }
}

#[inline]
pub fn claimed(a: &ValidAssessment) -> [(MitigationKind, bool); 2] {
    [
        (
            MitigationKind::SelfDetectedAndRemedied,
            a.mitigation.self_detected_and_remedied,
        ),
        (MitigationKind::ForceMajeure, a.mitigation.force_majeure),
    ]
}

#[inline]
pub fn claim_values(a: &ValidAssessment) -> Values {
    Values::of(&[
        (
            Fact::SelfDetectedAndRemedied,
            Value::Flag(a.mitigation.self_detected_and_remedied),
        ),
        (Fact::ForceMajeure, Value::Flag(a.mitigation.force_majeure)),
    ])
}

/// Rules-qd366 §5, mitigation: the level stays Not completed. When no trigger without a
/// mitigation remains, the case needs a decision and carries the alternative: a level, or
/// a case for the competent level itself (Not completed in the cascade gap, or no level
/// under `strict`). When one remains, the claim cannot change the result and says so.
#[expect(
    clippy::too_many_arguments,
    reason = "one call site; the pieces are the evaluation's state"
)]
pub fn mitigate(
    a: &ValidAssessment,
    fired: &[Fired],
    band: Level,
    tasks: &Tasks,
    tally: &DisciplineTally,
    options: &Options,
    decision: &mut Decision,
    reasons: &mut Vec<Reason>,
) {
    let rule = mitigation_rule(a.subject.kind);
    let claims = claimed(a);
    let is_claimed = |kind: MitigationKind| claims.iter().any(|(k, on)| *k == kind && *on);
    let mitigated: Vec<&Fired> = fired
        .iter()
        .filter(|f| f.mitigable_by.is_some_and(is_claimed))
        .collect();
    let Some(first) = mitigated.first() else {
        reasons.push(Reason::new(
            rule,
            false,
            Effect::Info,
            None,
            claim_values(a),
        ));
        return;
    };
    let mitigation = first
        .mitigable_by
        .unwrap_or(MitigationKind::SelfDetectedAndRemedied);
    let mut remaining = RuleSet::default();
    for f in fired
        .iter()
        .filter(|f| !f.mitigable_by.is_some_and(is_claimed))
    {
        remaining.insert(f.rule);
    }
    let mut values = claim_values(a);
    if remaining.iter().next().is_some() {
        values.push(Fact::Remaining, Value::Rules(remaining));
        reasons.push(Reason::new(
            rule,
            true,
            Effect::Info,
            Some(Level::NotCompleted),
            values,
        ));
        return;
    }
    let mut scratch = Vec::new();
    // Without the mitigated triggers: a level, or a case the text leaves to the competent
    // level (the cascade gap, or `strict` undetermined), which the alternative then is too
    // (rules-qd366 §5, ruling of 7/12/2026). A score under 50 is a trigger no mitigation
    // lifts, so it was among the remaining ones above.
    let (level, needs_decision) =
        match resolve(band, a, tasks, tally, options.reading, &mut scratch) {
            Resolution::Level(level) => (Some(level), false),
            Resolution::Gap => (Some(Level::NotCompleted), true),
            Resolution::Undetermined => (None, true),
        };
    if let Some(level) = level {
        values.push(Fact::Alternative, Value::Level(level));
    }
    reasons.push(Reason::new(
        rule,
        true,
        Effect::NeedsDecision,
        level,
        values,
    ));
    decision.needs_decision = true;
    decision.alternatives.push(Alternative {
        level,
        mitigation,
        rule,
        needs_decision,
    });
}
