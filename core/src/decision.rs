//! Decisions: the compact result of an evaluation, and its contract record.

use crate::contract::{CollectiveKind, SubjectKind};
use crate::dates::Span;
use crate::explain;
use crate::level::{Level, Outcome, Reading};
use crate::model::Tasks;
use crate::points::Points;
use crate::reason::{Effect, Reason, Value};
use crate::regime::{RegimeId, RegimeRecord, RegimeSelection};
use crate::rules::{Basis, Rule};
use crate::text::Text;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

/// What the level would be if the competent level accepted a mitigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alternative {
    /// The level then (`None`: undetermined under the `strict` reading).
    pub level: Option<Level>,
    /// The mitigation to accept.
    pub mitigation: MitigationKind,
    /// The mitigation rule.
    pub rule: Rule,
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
}

/// The result of evaluating one assessment, with reasons as compact data.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The caller's id.
    pub id: String,
    /// The regime applied.
    pub regime: RegimeId,
    /// How the regime was chosen.
    pub regime_selection: RegimeSelection,
    /// The kind of subject.
    pub subject_kind: SubjectKind,
    /// The collective's sub-kind.
    pub collective_kind: Option<CollectiveKind>,
    /// The task counts read (for ranking by the share exceeded).
    pub tasks: Option<Tasks>,
    /// The period evaluated.
    pub period: Span,
    /// The evaluation day.
    pub as_of: NaiveDate,
    /// Classified, not classified, or undetermined.
    pub outcome: Outcome,
    /// The proposed level.
    pub level: Option<Level>,
    /// The total score.
    pub score: Option<Points>,
    /// The level of the score band alone.
    pub band: Option<Level>,
    /// The text leaves the case to the competent level.
    pub needs_decision: bool,
    /// The reading applied.
    pub reading: Reading,
    /// Every rule that decided, blocked or informs the level, in evaluation order.
    pub reasons: Vec<Reason>,
    /// Levels reachable if a mitigation is accepted.
    pub alternatives: Vec<Alternative>,
    /// The Excellent quota's effect, after a group evaluation.
    pub quota: Option<QuotaOutcome>,
    /// The quota group named in the input.
    pub quota_group: Option<String>,
}

impl Decision {
    /// The rule ids of the reasons, in order.
    pub fn rule_ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.reasons.iter().map(|reason| reason.rule.id())
    }

    /// The reason that settles the decision, for a one-line summary: the first that
    /// excludes, decides Not completed, demotes or needs a decision, else the first that
    /// blocks, else the first that decides.
    pub fn deciding_reason(&self) -> Option<&Reason> {
        let first = |wanted: &dyn Fn(&Reason) -> bool| self.reasons.iter().find(|r| wanted(r));
        first(&|r| r.effect == Effect::Demotes)
            .or_else(|| first(&|r| r.effect == Effect::Excludes))
            .or_else(|| {
                first(&|r| r.effect == Effect::Decides && r.level == Some(Level::NotCompleted))
            })
            .or_else(|| first(&|r| r.effect == Effect::NeedsDecision))
            .or_else(|| first(&|r| r.effect == Effect::Blocks))
            .or_else(|| first(&|r| r.effect == Effect::Decides))
    }

    /// The contract record, with every message rendered.
    pub fn to_record(&self) -> DecisionRecord {
        DecisionRecord {
            id: self.id.clone(),
            regime: self.regime,
            regime_document: self.regime.info().document.to_owned(),
            regime_info: self.regime.info().record(self.regime_selection),
            period: PeriodRecord {
                from: self.period.from.to_string(),
                to: self.period.to.to_string(),
            },
            as_of: self.as_of.to_string(),
            outcome: self.outcome,
            level: self.level,
            label: self.level.map(Level::label),
            score: self.score.map(Points::to_json_number),
            band: self.band,
            needs_decision: self.needs_decision,
            reading: self.reading,
            reasons: self
                .reasons
                .iter()
                .map(|r| reason_record(r, self))
                .collect(),
            alternatives: self
                .alternatives
                .iter()
                .map(|a| AlternativeRecord {
                    level: a.level,
                    r#if: a.mitigation.path().to_owned(),
                    rule: a.rule.id().to_owned(),
                    message: explain::alternative_message(a),
                })
                .collect(),
            quota: self.quota.clone(),
            quota_group: self.quota_group.clone(),
        }
    }
}

fn value_json(value: Value) -> serde_json::Value {
    match value {
        Value::Count(n) => serde_json::Value::from(n),
        Value::Points(p) => serde_json::Value::Number(p.to_json_number()),
        Value::Flag(b) => serde_json::Value::Bool(b),
        Value::Date(d) => serde_json::Value::String(d.to_string()),
        Value::Level(l) => serde_json::Value::String(l.as_str().to_owned()),
        Value::Form(f) => serde_json::to_value(f).unwrap_or(serde_json::Value::Null),
        Value::Why(w) => serde_json::Value::String(w.key().to_owned()),
        Value::Kind(k) => serde_json::to_value(k).unwrap_or(serde_json::Value::Null),
        Value::ConductItem(index) => crate::conduct::catalogue()
            .ok()
            .and_then(|c| c.items().get(usize::from(index)))
            .map_or(serde_json::Value::Null, |item| {
                serde_json::Value::String(item.id.clone())
            }),
        Value::Answer(a) => serde_json::to_value(a).unwrap_or(serde_json::Value::Null),
        Value::Grade(g) => serde_json::Value::String(g.as_str().to_owned()),
        Value::Trigger(t) => serde_json::Value::String(t.key().to_owned()),
        Value::Part(p) => serde_json::Value::String(p.key().to_owned()),
        Value::Whose(w) => serde_json::Value::String(w.key().to_owned()),
        Value::Rules(set) => serde_json::Value::Array(
            set.iter()
                .map(|r| serde_json::Value::String(r.id().to_owned()))
                .collect(),
        ),
    }
}

/// Renders one reason as its contract record.
pub fn reason_record(reason: &Reason, decision: &Decision) -> ReasonRecord {
    let citation = reason.rule.citation();
    ReasonRecord {
        rule: reason.rule.id().to_owned(),
        holds: reason.holds,
        effect: reason.effect,
        level: reason.level,
        citation: CitationRecord {
            document: citation.document.to_owned(),
            article: citation.article.to_owned(),
            clause: citation.clause.map(str::to_owned),
        },
        basis: reason.basis(),
        message: explain::message(reason, decision),
        values: reason
            .values
            .iter()
            .map(|(f, v)| (f.key().to_owned(), value_json(*v)))
            .collect(),
    }
}

/// A decision as the contract writes it (`spec/contract.md`, Decision).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRecord {
    /// The caller's id.
    pub id: String,
    /// The regime applied.
    pub regime: RegimeId,
    /// The regulation of that regime (`366-QĐ/TW`).
    pub regime_document: String,
    /// The regime's name, document, guideline, span, and how it was chosen.
    pub regime_info: RegimeRecord,
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
    /// Total score.
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
}

impl DecisionRecord {
    /// The reason that settles the decision, chosen as [`Decision::deciding_reason`]
    /// chooses it.
    pub fn deciding_reason(&self) -> Option<&ReasonRecord> {
        let first =
            |wanted: &dyn Fn(&ReasonRecord) -> bool| self.reasons.iter().find(|r| wanted(r));
        first(&|r| r.effect == Effect::Demotes)
            .or_else(|| first(&|r| r.effect == Effect::Excludes))
            .or_else(|| {
                first(&|r| r.effect == Effect::Decides && r.level == Some(Level::NotCompleted))
            })
            .or_else(|| first(&|r| r.effect == Effect::NeedsDecision))
            .or_else(|| first(&|r| r.effect == Effect::Blocks))
            .or_else(|| first(&|r| r.effect == Effect::Decides))
    }
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
    /// What accepting it would mean.
    pub message: Text,
}
