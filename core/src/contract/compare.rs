//! Comparisons of regimes (`spec/regimes-history.md`, Comparison): their options and
//! results, for one record and for an organisation tree.

use crate::contract::assessment::GradesInput;
use crate::contract::batch::RejectedRecord;
use crate::contract::decision::DecisionRecord;
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::level::{Level, Options, Outcome, Reading, TargetsReading};
use crate::contract::regime::{RegimeId, RegimeRecord};
use crate::contract::state::{StateLevel, StateRatingSource};
use crate::contract::text::Text;
use crate::contract::topic::Topic;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A documented mapping from QĐ 366 points to criterion grades, for comparing a record
/// written with points only under the regimes that grade criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GradeMapping {
    /// Each group's share of its maximum, by QĐ 366's bands applied to the share: the
    /// general criteria (of 30) become the criterion `general`, the task results (of 70)
    /// become `task_results`; at least 90% → excellent, at least 70% → good, at least
    /// 50% → average, else poor. Compared exactly (`docs/regimes.md`).
    ScoreShares,
}

impl GradeMapping {
    /// The id as written in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            GradeMapping::ScoreShares => "score_shares",
        }
    }

    /// Reads an id.
    pub fn parse(text: &str) -> Option<GradeMapping> {
        (text == "score_shares").then_some(GradeMapping::ScoreShares)
    }
}

/// Options of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareOptions {
    /// The regimes to compare, in the order shown; default all, newest first.
    pub regimes: Vec<RegimeId>,
    /// Grades for a record that has points only; default none (the older regimes then
    /// report the missing grades).
    pub grades_from_points: Option<GradeMapping>,
    /// Options of each evaluation.
    pub evaluation: Options,
}

impl Default for CompareOptions {
    fn default() -> CompareOptions {
        CompareOptions {
            regimes: vec![RegimeId::Qd366, RegimeId::Qd124, RegimeId::Qd132],
            grades_from_points: None,
            evaluation: Options::default(),
        }
    }
}

impl CompareOptions {
    /// The options of a comparison as a caller names them: `regimes` in the order shown
    /// (default all, newest first), a regime named twice compared once, where first
    /// named; naming none is an error.
    pub fn new(
        regimes: Option<&[RegimeId]>,
        grades_from_points: Option<GradeMapping>,
        evaluation: Options,
    ) -> Result<CompareOptions, InputErrors> {
        let mut options = CompareOptions {
            grades_from_points,
            evaluation,
            ..CompareOptions::default()
        };
        if let Some(named) = regimes {
            let mut ids: Vec<RegimeId> = Vec::with_capacity(named.len());
            for &id in named {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            if ids.is_empty() {
                return Err(InputErrors::one(InputError::new(
                    ErrorCode::InvalidValue,
                    "/regimes",
                    "Cần nêu ít nhất một chế độ để so sánh (qd366, qd124, qd132)",
                    "name at least one regime to compare (qd366, qd124, qd132)",
                )));
            }
            options.regimes = ids;
        }
        Ok(options)
    }
}

/// The options of a comparison as they travel in JSON (a browser's, a service's): every
/// key optional, each with the default of [`CompareOptions`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(rename = "CompareOptions")]
pub struct CompareRequest {
    /// The regimes to compare, in the order shown; default all three, newest first. A
    /// regime named twice is compared once, where first named.
    pub regimes: Option<Vec<RegimeId>>,
    /// Grades for a record that has QĐ 366 points only, by a documented mapping
    /// (`docs/regimes.md`); default none: the older regimes then report the missing
    /// grades as their errors.
    pub grades_from_points: Option<GradeMapping>,
    /// `cascade` (default) or `strict`.
    pub reading: Reading,
    /// `any` (default) or `all`.
    pub basic_targets: TargetsReading,
}

impl CompareRequest {
    /// The comparison's options; an empty list of regimes is an error.
    pub fn options(&self) -> Result<CompareOptions, InputErrors> {
        CompareOptions::new(
            self.regimes.as_deref(),
            self.grades_from_points,
            Options {
                reading: self.reading,
                basic_targets: self.basic_targets,
                ..Options::default()
            },
        )
    }
}

/// What a regime's rules did on one topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No rule of the topic came into play.
    NotReached,
    /// A rule of the topic set the level, excluded, or demoted.
    Decides,
    /// A condition of the topic failed.
    Blocks,
    /// The topic's rules informed the decision without changing it.
    Informs,
}

/// One regime's finding on a topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TopicFinding {
    /// The regime.
    pub regime: RegimeId,
    /// What its rules did.
    pub verdict: Verdict,
    /// The level they concern, if one.
    pub level: Option<Level>,
    /// The rule ids, in evaluation order.
    pub rules: Vec<String>,
    /// The messages of those reasons.
    pub messages: Vec<Text>,
}

/// One topic across the regimes compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TopicComparison {
    /// The topic.
    pub topic: Topic,
    /// Its name.
    pub title: Text,
    /// Whether the regimes' findings differ: one regime's rules set the level, exclude or
    /// demote on this topic (or at another level) where another's do not.
    pub differs: bool,
    /// Each regime's finding, for the regimes that evaluated the record.
    pub findings: Vec<TopicFinding>,
    /// How each regime rules on the topic.
    pub rules: Vec<RegimeRuleSummary>,
}

/// How one regime rules on a topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegimeRuleSummary {
    /// The regime.
    pub regime: RegimeId,
    /// The rule, in one sentence.
    pub summary: Text,
}

/// One regime's result in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegimeResult {
    /// The regime, with how it was chosen (`period` for the one in force, else
    /// `comparison`).
    pub regime: RegimeRecord,
    /// Its decision, if the record could be evaluated under it.
    pub decision: Option<DecisionRecord>,
    /// Why not, otherwise: the errors of that regime alone.
    pub errors: Vec<InputError>,
    /// The grades mapped from points, when a mapping was chosen and used.
    pub mapped_grades: Option<GradesInput>,
}

/// The result of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The record's id.
    pub id: String,
    /// The regime in force on the period's last day, if any.
    pub in_force: Option<RegimeId>,
    /// The mapping from points to grades, if one was chosen.
    pub grades_from_points: Option<GradeMapping>,
    /// Each regime's result, in the order asked.
    pub results: Vec<RegimeResult>,
    /// Each regime's level, in the same order (null: not classified or not evaluated).
    pub levels: Vec<Option<Level>>,
    /// Whether every regime that evaluated the record gives the same outcome and level.
    pub levels_agree: bool,
    /// Topic by topic, what each regime found and how the rules differ; topics no
    /// regime reached are left out.
    pub topics: Vec<TopicComparison>,
}

impl Comparison {
    /// The topics on which the regimes' findings differ.
    pub fn differences(&self) -> impl Iterator<Item = &TopicComparison> {
        self.topics.iter().filter(|t| t.differs)
    }
}

/// One side of a person's state and party comparison: the state rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StateSide {
    /// The state regime, if known (none: a cán bộ from 2026, or a given rating naming
    /// none).
    pub regime: Option<RegimeId>,
    /// The state level, or `not_classified`.
    pub level: StateLevel,
    /// The annual score, when computed from a state record of the call (`nd335`,
    /// `nd233`).
    pub score: Option<serde_json::Number>,
    /// `given` (the party record's `state_rating`) or `computed` (a state record of the
    /// call).
    pub source: StateRatingSource,
}

/// The party side of a person's state and party comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartySide {
    /// The party regime.
    pub regime: RegimeId,
    /// The outcome.
    pub outcome: Outcome,
    /// The level (null when not classified).
    pub level: Option<Level>,
}

/// A person's state and party levels side by side (`spec/state-regimes.md` §4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonLevels {
    /// The person's id.
    pub id: String,
    /// The state rating the party record read.
    pub state: StateSide,
    /// The party decision.
    pub party: PartySide,
    /// Whether both sides are classified at the same level.
    pub agree: bool,
    /// Whether `link.state_party.mismatch` holds (the party level above the state one,
    /// under QĐ 124 and QĐ 366); null when the finding does not apply.
    pub mismatch: Option<bool>,
    /// Whether HD 21's caps (`state_cap: hd21`) lowered the party level.
    pub capped: bool,
}

/// Totals of a state and party comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatePartyTotals {
    /// People compared.
    pub people: usize,
    /// Both classified at the same level.
    pub agree: usize,
    /// The party level above the state one.
    pub party_above: usize,
    /// The party level below the state one.
    pub party_below: usize,
    /// Not classified on one side or both.
    pub not_comparable: usize,
}

/// A call's people with both a state and a party rating, side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatePartyComparison {
    /// Each person whose party record reads a state rating (a pair of the call, or a
    /// given `state_rating`), in the party records' input order.
    pub people: Vec<PersonLevels>,
    /// The totals.
    pub totals: StatePartyTotals,
    /// The records the call rejected, named as a batch names them (`id@state` for the
    /// state half of a pair).
    pub rejected: Vec<RejectedRecord>,
}
