//! Rendering: a compact [`Decision`] as the contract's [`DecisionRecord`], every message
//! built in Vietnamese and English from the values.

use crate::conduct::shipped::catalogue;
use crate::contract::decision::Effect;
use crate::contract::decision::{
    AlternativeRecord, CitationRecord, DecisionRecord, PeriodRecord, ReasonRecord,
};
use crate::contract::level::Level;
use crate::contract::state::Rating;
use crate::points::Points;
use crate::regimes::decision::Decision;
use crate::regimes::explain;
use crate::regimes::state::citations::{link_citation, state_citation};
use crate::rules::catalogue::{Citation, Rule};
use crate::rules::reason::{Reason, Value};

impl Decision {
    /// The contract record, with every message rendered.
    pub fn to_record(&self) -> DecisionRecord {
        let regime = self.regime_shown();
        DecisionRecord {
            rating: (self.rating == Rating::State).then_some(Rating::State),
            id: self.id.clone(),
            regime,
            regime_document: regime.map(|r| r.info().document.to_owned()),
            regime_info: regime.map(|r| {
                r.info()
                    .record_for_period(self.regime_selection, self.period.to)
            }),
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
                    needs_decision: a.needs_decision,
                    message: explain::alternative_message(a),
                })
                .collect(),
            quota: self.quota.clone(),
            quota_group: self.quota_group.clone(),
            state: self.state.as_ref().map(|part| part.record()),
            state_rating: self.state_rating.clone(),
        }
    }
}

fn text_json(text: &str) -> serde_json::Value {
    serde_json::Value::String(text.to_owned())
}

/// A value as JSON; `None` for the values that stand for several (a period, the year,
/// a quota step), which `reason_values` expands from the decision's state part.
fn value_json(value: Value) -> Option<serde_json::Value> {
    Some(match value {
        Value::Count(n) => serde_json::Value::from(n),
        Value::Points(p) => serde_json::Value::Number(p.to_json_number()),
        Value::Flag(b) => serde_json::Value::Bool(b),
        Value::Date(d) => serde_json::Value::String(d.to_string()),
        Value::Level(l) => serde_json::Value::String(l.as_str().to_owned()),
        Value::Form(f) => serde_json::to_value(f).unwrap_or(serde_json::Value::Null),
        Value::Why(w) => serde_json::Value::String(w.key().to_owned()),
        Value::Kind(k) => serde_json::to_value(k).unwrap_or(serde_json::Value::Null),
        Value::ConductItem(index) => catalogue()
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
        Value::Period(_) | Value::QuotaStep(_) | Value::Year => return None,
        Value::Employment(e) => text_json(e.as_str()),
        Value::LeaveKind(k) => text_json(k.as_str()),
        Value::StateLevel(l) => text_json(l.as_str()),
        Value::Regime(r) => text_json(r.as_str()),
        Value::Source(s) => text_json(s.as_str()),
        Value::Scope(s) => text_json(s.as_str()),
        Value::Rounding(r) => text_json(r.as_str()),
        Value::Parts(parts) => {
            serde_json::Value::Array(parts.iter().map(|p| text_json(p.key())).collect())
        }
        Value::Capped(bits) => serde_json::Value::Array(
            ["a", "b", "c"]
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, k)| text_json(k))
                .collect(),
        ),
        Value::DisciplineKind(k) => serde_json::to_value(k).unwrap_or(serde_json::Value::Null),
        Value::Year4(y) => serde_json::Value::from(y),
    })
}

/// A reason's values as the decision writes them: each value under its fact's key, and
/// a period, the year or a quota step expanded into the numbers it stands for.
fn reason_values(
    reason: &Reason,
    decision: &Decision,
) -> std::collections::BTreeMap<String, serde_json::Value> {
    let mut out = serde_json::Map::new();
    for (fact, value) in reason.values.iter() {
        match (value, decision.state.as_deref()) {
            (Value::Period(index), Some(part)) => part.period_values(*index, reason.rule, &mut out),
            (Value::Year, Some(part)) => part.year_values(&mut out),
            (Value::QuotaStep(index), Some(part)) => part.quota_values(*index, &mut out),
            (other, _) => {
                if let Some(json) = value_json(*other) {
                    out.insert(fact.key().to_owned(), json);
                }
            }
        }
    }
    out.into_iter().collect()
}

/// A reason's citation: a state rule's follows the regime, employment and pattern that
/// applied it; a link rule's follows the party regime that read the state rating.
fn citation_of(reason: &Reason, decision: &Decision) -> CitationRecord {
    let citation = match (reason.rule, decision.state.as_deref()) {
        (Rule::LinkStateRating | Rule::LinkMismatch, _) => {
            link_citation(reason.rule, decision.regime, reason.effect != Effect::Info)
        }
        (rule, Some(part)) => state_citation(rule, decision.regime, part.employment, part.leader),
        (rule, None) => rule.citation(),
    };
    record_of(citation)
}

/// A rule's citation as a decision writes it.
pub fn citation_record(rule: Rule) -> CitationRecord {
    record_of(rule.citation())
}

fn record_of(citation: Citation) -> CitationRecord {
    CitationRecord {
        document: citation.document.to_owned(),
        article: citation.article.to_owned(),
        clause: citation.clause.map(str::to_owned),
        note: citation.note.map(str::to_owned),
    }
}

/// Renders one reason as its contract record.
pub fn reason_record(reason: &Reason, decision: &Decision) -> ReasonRecord {
    ReasonRecord {
        rule: reason.rule.id().to_owned(),
        holds: reason.holds,
        effect: reason.effect,
        level: reason.level,
        citation: citation_of(reason, decision),
        basis: reason.basis(),
        message: explain::message(reason, decision),
        values: reason_values(reason, decision),
    }
}
