//! Rendering: a compact [`Decision`] as the contract's [`DecisionRecord`], every message
//! built in Vietnamese and English from the values.

use crate::conduct::shipped::catalogue;
use crate::contract::decision::{
    AlternativeRecord, CitationRecord, DecisionRecord, PeriodRecord, ReasonRecord,
};
use crate::contract::level::Level;
use crate::points::Points;
use crate::regimes::decision::Decision;
use crate::regimes::explain;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Reason, Value};

impl Decision {
    /// The contract record, with every message rendered.
    pub fn to_record(&self) -> DecisionRecord {
        DecisionRecord {
            id: self.id.clone(),
            regime: self.regime,
            regime_document: self.regime.info().document.to_owned(),
            regime_info: self
                .regime
                .info()
                .record_for_period(self.regime_selection, self.period.to),
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
    }
}

/// A rule's citation as a decision writes it.
pub fn citation_record(rule: Rule) -> CitationRecord {
    let citation = rule.citation();
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
        citation: citation_record(reason.rule),
        basis: reason.basis(),
        message: explain::message(reason, decision),
        values: reason
            .values
            .iter()
            .map(|(f, v)| (f.key().to_owned(), value_json(*v)))
            .collect(),
    }
}
