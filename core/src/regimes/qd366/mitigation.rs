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

/// Rules-qd366 §5, mitigation: the level stays Not completed, and if accepting the
/// mitigation would lead elsewhere, the case needs a decision and carries that level.
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
    match resolve(band, a, tasks, tally, options.reading, &mut scratch) {
        Resolution::Level(level) if level > Level::NotCompleted => {
            values.push(Fact::Alternative, Value::Level(level));
            reasons.push(Reason::new(
                rule,
                true,
                Effect::NeedsDecision,
                Some(level),
                values,
            ));
            decision.needs_decision = true;
            decision.alternatives.push(Alternative {
                level: Some(level),
                mitigation,
                rule,
            });
        }
        Resolution::Undetermined => {
            reasons.push(Reason::new(rule, true, Effect::NeedsDecision, None, values));
            decision.needs_decision = true;
            decision.alternatives.push(Alternative {
                level: None,
                mitigation,
                rule,
            });
        }
        Resolution::Level(_) | Resolution::Gap => {
            values.push(Fact::Alternative, Value::Level(Level::NotCompleted));
            reasons.push(Reason::new(
                rule,
                true,
                Effect::Info,
                Some(Level::NotCompleted),
                values,
            ));
        }
    }
}
