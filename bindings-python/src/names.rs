//! The contract's names of enum values, in a fixed order, for Arrow dictionary columns
//! and Python strings.

use cadre_eval::{Basis, Effect, Level, Outcome, Reading, RegimeId, Rule, Topic, REGIMES};

/// Levels, lowest first (the order of an ordered categorical).
pub const LEVELS: [&str; 4] = ["not_completed", "completed", "good", "excellent"];

/// Position of a level in [`LEVELS`].
pub fn level_index(level: Level) -> i8 {
    match level {
        Level::NotCompleted => 0,
        Level::Completed => 1,
        Level::Good => 2,
        Level::Excellent => 3,
    }
}

/// Outcomes.
pub const OUTCOMES: [&str; 3] = ["classified", "not_classified", "undetermined"];

/// Position of an outcome in [`OUTCOMES`].
pub fn outcome_index(outcome: Outcome) -> i8 {
    match outcome {
        Outcome::Classified => 0,
        Outcome::NotClassified => 1,
        Outcome::Undetermined => 2,
    }
}

/// An outcome's name.
pub fn outcome_name(outcome: Outcome) -> &'static str {
    OUTCOMES
        .get(usize::try_from(outcome_index(outcome)).unwrap_or(0))
        .copied()
        .unwrap_or("classified")
}

/// Effects of reasons.
pub const EFFECTS: [&str; 6] = [
    "decides",
    "blocks",
    "excludes",
    "needs_decision",
    "demotes",
    "info",
];

/// Position of an effect in [`EFFECTS`].
pub fn effect_index(effect: Effect) -> i8 {
    match effect {
        Effect::Decides => 0,
        Effect::Blocks => 1,
        Effect::Excludes => 2,
        Effect::NeedsDecision => 3,
        Effect::Demotes => 4,
        Effect::Info => 5,
    }
}

/// An effect's name.
pub fn effect_name(effect: Effect) -> &'static str {
    EFFECTS
        .get(usize::try_from(effect_index(effect)).unwrap_or(0))
        .copied()
        .unwrap_or("info")
}

/// Bases of reasons.
pub const BASES: [&str; 3] = ["text", "reading", "inferred"];

/// Position of a basis in [`BASES`].
pub fn basis_index(basis: Basis) -> i8 {
    match basis {
        Basis::Text => 0,
        Basis::Reading => 1,
        Basis::Inferred => 2,
    }
}

/// A basis's name.
pub fn basis_name(basis: Basis) -> &'static str {
    BASES
        .get(usize::try_from(basis_index(basis)).unwrap_or(0))
        .copied()
        .unwrap_or("text")
}

/// A reading's name.
pub fn reading_name(reading: Reading) -> &'static str {
    match reading {
        Reading::Cascade => "cascade",
        Reading::Strict => "strict",
    }
}

/// Position of a rule in [`Rule::ALL`] (the catalogue order).
pub fn rule_index(rule: Rule) -> i16 {
    // The catalogue lists every variant in declaration order (one macro writes both).
    rule as i16
}

/// Topics of a comparison, in the order of evaluation (`Topic::ALL`).
pub const TOPICS: [&str; 10] = [
    "not_classified",
    "leave",
    "discipline",
    "not_completed",
    "excellent",
    "good",
    "completed",
    "quota",
    "caps",
    "context",
];

/// Position of a topic in [`TOPICS`].
pub fn topic_index(topic: Topic) -> i8 {
    match topic {
        Topic::NotClassified => 0,
        Topic::Leave => 1,
        Topic::Discipline => 2,
        Topic::NotCompleted => 3,
        Topic::Excellent => 4,
        Topic::Good => 5,
        Topic::Completed => 6,
        Topic::Quota => 7,
        Topic::Caps => 8,
        Topic::Context => 9,
    }
}

/// Position of a regime in the registry (`REGIMES`, oldest first), the dictionary of
/// regime columns.
pub fn regime_index(regime: RegimeId) -> i8 {
    let position = REGIMES.iter().position(|r| r.id == regime);
    position.and_then(|p| i8::try_from(p).ok()).unwrap_or(0)
}

#[cfg(test)]
mod tests {

    use super::*;

    #[test]
    fn rule_indexes_follow_the_catalogue() {
        for (index, rule) in Rule::ALL.iter().enumerate() {
            assert_eq!(usize::try_from(rule_index(*rule)).unwrap(), index);
        }
    }

    #[test]
    fn names_match_the_contract() {
        let json = |v: serde_json::Value| v.as_str().unwrap().to_owned();
        for level in Level::DESCENDING {
            assert_eq!(LEVELS[level_index(level) as usize], level.as_str());
        }
        for outcome in [
            Outcome::Classified,
            Outcome::NotClassified,
            Outcome::Undetermined,
        ] {
            assert_eq!(
                outcome_name(outcome),
                json(serde_json::to_value(outcome).unwrap())
            );
        }
        for effect in [
            Effect::Decides,
            Effect::Blocks,
            Effect::Excludes,
            Effect::NeedsDecision,
            Effect::Demotes,
            Effect::Info,
        ] {
            assert_eq!(
                effect_name(effect),
                json(serde_json::to_value(effect).unwrap())
            );
        }
        for basis in [Basis::Text, Basis::Reading, Basis::Inferred] {
            assert_eq!(
                basis_name(basis),
                json(serde_json::to_value(basis).unwrap())
            );
        }
        for (index, topic) in Topic::ALL.iter().enumerate() {
            assert_eq!(usize::try_from(topic_index(*topic)).unwrap(), index);
            assert_eq!(TOPICS[index], json(serde_json::to_value(topic).unwrap()));
        }
        for regime in REGIMES {
            let index = usize::try_from(regime_index(regime.id)).unwrap();
            assert_eq!(REGIMES[index].id, regime.id);
        }
        assert_eq!(
            reading_name(Reading::Strict),
            json(serde_json::to_value(Reading::Strict).unwrap())
        );
    }
}
