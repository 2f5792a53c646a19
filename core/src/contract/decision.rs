//! A decision as the contract writes it (`spec/contract.md`, Decision): the level, every
//! reason with its rule id, citation, basis, values and message, the alternatives a
//! mitigation would open, and the quota's effect.

use crate::contract::level::{Level, Outcome, Reading};
use crate::contract::regime::{RegimeId, RegimeRecord};
use crate::contract::state::{QuotaScope, Rating, StatePartRecord, StateRatingRecord};
use crate::contract::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a rule did to the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// It set the level (a level's conditions all held, or a trigger fired).
    Decides,
    /// A condition of a higher level failed.
    Blocks,
    /// It put the subject outside classification.
    Excludes,
    /// It leaves the case to the competent level.
    NeedsDecision,
    /// The group quota, or a cap by another level (HD 21), moved the subject down.
    Demotes,
    /// Context the reader needs; it changed nothing by itself.
    Info,
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Stated in the text cited.
    Text,
    /// The library's documented reading of a point the text leaves open (rules-qd366 §5).
    Reading,
    /// The public texts are incomplete here; the library takes the spec's reading
    /// (`spec/regimes-history.md`, `docs/regimes.md`).
    Inferred,
}

/// A mitigation named in the contract's `mitigation` object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MitigationKind {
    /// `mitigation.self_detected_and_remedied`.
    SelfDetectedAndRemedied,
    /// `mitigation.force_majeure`.
    ForceMajeure,
}

impl MitigationKind {
    /// The contract path of the claim.
    pub fn path(self) -> &'static str {
        match self {
            MitigationKind::SelfDetectedAndRemedied => "mitigation.self_detected_and_remedied",
            MitigationKind::ForceMajeure => "mitigation.force_majeure",
        }
    }
}

/// What the Excellent quota did to one subject (group-rules §1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuotaOutcome {
    /// The quota group.
    pub group: String,
    /// The largest number of Excellent the group admits.
    pub e_max: u32,
    /// Rank among the group's Excellent candidates (1 is first).
    pub rank: u32,
    /// Moved from Excellent to Good by the quota.
    pub demoted: bool,
    /// In a tie at the cut: the competent level decides between the tied.
    #[serde(default)]
    pub tied_at_cut: bool,
    /// State quota: the step that ranked the candidate last (`group` or `agency`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<QuotaScope>,
    /// State quota: its rule (`nd335.20.5.a`, `nd90.2.6`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// A decision as the contract writes it (`spec/contract.md`, Decision).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRecord {
    /// `state` for a state decision; absent for a party decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// The caller's id.
    pub id: String,
    /// The regime applied; null only for a cán bộ from 2026, whom no state regime rates.
    pub regime: Option<RegimeId>,
    /// The regulation of that regime (`366-QĐ/TW`).
    pub regime_document: Option<String>,
    /// The regime's name, document, guideline, span, and how it was chosen.
    pub regime_info: Option<RegimeRecord>,
    /// The period evaluated.
    pub period: PeriodRecord,
    /// The evaluation day.
    pub as_of: String,
    /// `classified`, `not_classified` or `undetermined`.
    pub outcome: Outcome,
    /// The proposed level, or null.
    pub level: Option<Level>,
    /// The level's name in Vietnamese and English.
    pub label: Option<Text>,
    /// Total score (a state decision: the annual score, the mean rounded once).
    pub score: Option<serde_json::Number>,
    /// The level of the score band alone.
    pub band: Option<Level>,
    /// The competent level must decide.
    pub needs_decision: bool,
    /// The reading applied.
    pub reading: Reading,
    /// The reasons, in evaluation order.
    pub reasons: Vec<ReasonRecord>,
    /// What the level would be if a mitigation were accepted.
    pub alternatives: Vec<AlternativeRecord>,
    /// The quota's effect, after a group evaluation.
    pub quota: Option<QuotaOutcome>,
    /// The quota group named in the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota_group: Option<String>,
    /// A state decision: the employment, every period's exact numbers, the mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<StatePartRecord>,
    /// A party decision: the state rating it read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_rating: Option<StateRatingRecord>,
}

impl DecisionRecord {
    /// The reason that settles the decision, chosen as `Decision::deciding_reason`
    /// chooses it (one rule for both, `deciding_position`).
    pub fn deciding_reason(&self) -> Option<&ReasonRecord> {
        let position =
            deciding_position(self.reasons.iter().map(|r| (r.effect, r.level)), self.band)?;
        self.reasons.get(position)
    }

    /// The reason that set the final outcome: what excluded the subject, what left it
    /// undetermined, or the last rule that set (or lowered to) the level proposed. Unlike
    /// [`DecisionRecord::deciding_reason`], which shows why a higher level failed, this is
    /// what a regime ended on (a comparison shows it; its topics show what blocked).
    pub fn setting_reason(&self) -> Option<&ReasonRecord> {
        let reasons = &self.reasons;
        let set_level = |r: &&ReasonRecord| {
            r.holds
                && matches!(r.effect, Effect::Decides | Effect::Demotes)
                && r.level == self.level
        };
        match self.outcome {
            Outcome::NotClassified => reasons
                .iter()
                .find(|r| r.holds && r.effect == Effect::Excludes),
            Outcome::Undetermined => reasons.iter().find(|r| r.effect == Effect::NeedsDecision),
            Outcome::Classified => reasons.iter().rev().find(set_level),
        }
        .or_else(|| reasons.iter().find(|r| r.effect == Effect::Decides))
    }
}

/// The position of the reason that settles a decision, for a one-line summary, among
/// reasons given by effect and level: the first that demotes, else excludes, else
/// decides Not completed, else needs a decision, else blocks, else decides.
///
/// A block of a level above the score's `band` only says that the score did not reach
/// that level (the state bands, `nd335.20.1` under 90): it is skipped, so that the
/// band's own rule settles the decision; a block at or below the band is a condition
/// that failed and still settles it.
pub fn deciding_position(
    reasons: impl Iterator<Item = (Effect, Option<Level>)> + Clone,
    band: Option<Level>,
) -> Option<usize> {
    let above_band = |level: Option<Level>| matches!((level, band), (Some(l), Some(b)) if l > b);
    let first = |wanted: &dyn Fn(Effect, Option<Level>) -> bool| {
        reasons
            .clone()
            .position(|(effect, level)| wanted(effect, level))
    };
    first(&|effect, _| effect == Effect::Demotes)
        .or_else(|| first(&|effect, _| effect == Effect::Excludes))
        .or_else(|| {
            first(&|effect, level| effect == Effect::Decides && level == Some(Level::NotCompleted))
        })
        .or_else(|| first(&|effect, _| effect == Effect::NeedsDecision))
        .or_else(|| first(&|effect, level| effect == Effect::Blocks && !above_band(level)))
        .or_else(|| first(&|effect, _| effect == Effect::Decides))
}

/// A period as written in a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodRecord {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
}

/// A citation as written in a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CitationRecord {
    /// The document (`366-QĐ/TW`).
    pub document: String,
    /// The article, or a guideline's section.
    pub article: String,
    /// The clause.
    pub clause: Option<String>,
    /// The article's notes cited instead of a clause (`2–3` for QĐ 366 Art. 11, ghi chú
    /// 2–3). Written only when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl CitationRecord {
    /// The citation in words, as a Vietnamese reader cites it ([`citation_words`]).
    pub fn in_words(&self) -> String {
        citation_words(&self.document, &self.article, self.clause.as_deref())
    }
}

/// A citation in words, as a Vietnamese reader cites it: `366-QĐ/TW, Điều 11, khoản 4`;
/// a guideline's section as `21-HD/BTCTW, mục II.B.2`.
pub fn citation_words(document: &str, article: &str, clause: Option<&str>) -> String {
    let article = if document.contains("-HD/") {
        format!("mục {article}")
    } else {
        format!("Điều {article}")
    };
    match clause {
        Some(clause) => format!("{document}, {article}, khoản {clause}"),
        None => format!("{document}, {article}"),
    }
}

/// A reason as written in a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRecord {
    /// The rule id.
    pub rule: String,
    /// Whether the rule's condition held.
    pub holds: bool,
    /// Its effect.
    pub effect: Effect,
    /// The level it concerns.
    pub level: Option<Level>,
    /// Where the rule is written.
    pub citation: CitationRecord,
    /// Stated in the text, or the library's reading.
    pub basis: Basis,
    /// What it found, built from the values.
    pub message: Text,
    /// The values read.
    pub values: BTreeMap<String, serde_json::Value>,
}

/// An alternative as written in a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlternativeRecord {
    /// The level if accepted.
    pub level: Option<Level>,
    /// The mitigation to accept (`mitigation.self_detected_and_remedied`).
    pub r#if: String,
    /// The mitigation rule.
    pub rule: String,
    /// The alternative is itself a case for the competent level (rules-qd366 §5): Not
    /// completed although no trigger is left, or no level under the `strict` reading.
    /// Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_decision: bool,
    /// What accepting it would mean.
    pub message: Text,
}
