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
use serde::{Serialize, Serializer};

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

/// A value as JSON; `None` for the values that stand for several (a period, the year,
/// a quota step), which `reason_values` expands from the decision's state part.
fn value_json(value: Value) -> Option<serde_json::Value> {
    match value {
        Value::Period(_) | Value::QuotaStep(_) | Value::Year => None,
        other => serde_json::to_value(ValueJson(other)).ok(),
    }
}

/// A value as a decision writes it (the period, the year and a quota step, which stand
/// for several numbers, as null: `reason_values` expands them instead). The one mapping
/// from values to JSON, for the owned record and the borrowed view alike.
pub struct ValueJson(pub Value);

impl Serialize for ValueJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Count(n) => serializer.serialize_u64(n),
            Value::Points(p) => p.to_json_number().serialize(serializer),
            Value::Flag(b) => serializer.serialize_bool(b),
            Value::Date(d) => serializer.collect_str(&d),
            Value::Level(l) => serializer.serialize_str(l.as_str()),
            Value::Form(f) => f.serialize(serializer),
            Value::Why(w) => serializer.serialize_str(w.key()),
            Value::Kind(k) => k.serialize(serializer),
            Value::ConductItem(index) => catalogue()
                .ok()
                .and_then(|c| c.items().get(usize::from(index)))
                .map(|item| item.id.as_str())
                .serialize(serializer),
            Value::Answer(a) => a.serialize(serializer),
            Value::Grade(g) => serializer.serialize_str(g.as_str()),
            Value::Trigger(t) => serializer.serialize_str(t.key()),
            Value::Part(p) => serializer.serialize_str(p.key()),
            Value::Whose(w) => serializer.serialize_str(w.key()),
            Value::Rules(set) => serializer.collect_seq(set.iter().map(Rule::id)),
            Value::Period(_) | Value::QuotaStep(_) | Value::Year => serializer.serialize_unit(),
            Value::Employment(e) => serializer.serialize_str(e.as_str()),
            Value::LeaveKind(k) => serializer.serialize_str(k.as_str()),
            Value::StateLevel(l) => serializer.serialize_str(l.as_str()),
            Value::Regime(r) => serializer.serialize_str(r.as_str()),
            Value::Source(s) => serializer.serialize_str(s.as_str()),
            Value::Scope(s) => serializer.serialize_str(s.as_str()),
            Value::Rounding(r) => serializer.serialize_str(r.as_str()),
            Value::Parts(parts) => serializer.collect_seq(parts.iter().map(|p| p.key())),
            Value::Capped(bits) => serializer.collect_seq(
                ["a", "b", "c"]
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, k)| k),
            ),
            Value::DisciplineKind(k) => k.serialize(serializer),
            Value::Year4(y) => serializer.serialize_i32(y),
        }
    }
}

/// A reason's values as the decision writes them: each value under its fact's key, and
/// a period, the year or a quota step expanded into the numbers it stands for.
pub fn reason_values(
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
pub fn citation_of(reason: &Reason, decision: &Decision) -> Citation {
    match (reason.rule, decision.state.as_deref()) {
        (Rule::LinkStateRating | Rule::LinkMismatch, _) => {
            link_citation(reason.rule, decision.regime, reason.effect != Effect::Info)
        }
        (rule, Some(part)) => state_citation(rule, decision.regime, part.employment, part.leader),
        (rule, None) => rule.citation(),
    }
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
        citation: record_of(citation_of(reason, decision)),
        basis: reason.basis(),
        message: explain::message(reason, decision),
        values: reason_values(reason, decision),
    }
}
