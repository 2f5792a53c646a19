//! A decision written as the contract's record straight from the compact [`Decision`]:
//! a borrowed `Serialize` view that gives the same JSON as serializing
//! [`Decision::to_record`], without building the owned record first (its rule ids,
//! citations, dates and values as owned strings and a map per reason; issue 15).
//!
//! Only the messages are still built as text. A state decision's part and the values a
//! period, the year or a quota step stand for are built as `to_record` builds them.

use crate::contract::decision::{Basis, Effect, QuotaOutcome};
use crate::contract::level::{Level, Outcome, Reading};
use crate::contract::regime::{RegimeId, RegimeRecord};
use crate::contract::state::{Rating, StatePartRecord, StateRatingRecord};
use crate::contract::text::Text;
use crate::regimes::decision::{Alternative, Decision};
use crate::regimes::explain;
use crate::regimes::render::{citation_of, reason_values, ValueJson};
use crate::rules::catalogue::Citation;
use crate::rules::reason::{Reason, Value};
use chrono::NaiveDate;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// A decision as the contract's record, borrowed: serializing it writes the same JSON as
/// serializing [`Decision::to_record`] (`core/tests/record_view.rs` compares both over
/// the vectors and generated populations).
#[derive(Debug, Clone, Copy)]
pub struct DecisionJson<'d>(&'d Decision);

impl Decision {
    /// The contract record as a borrowed view, for writing it as JSON without building
    /// the owned [`crate::DecisionRecord`] first.
    pub fn record_json(&self) -> DecisionJson<'_> {
        DecisionJson(self)
    }
}

/// The fields of `DecisionRecord`, in its order and with its rules for leaving a field
/// out; each borrows from the decision or the catalogues.
#[derive(Serialize)]
struct RecordFields<'d> {
    #[serde(skip_serializing_if = "Option::is_none")]
    rating: Option<Rating>,
    id: &'d str,
    regime: Option<RegimeId>,
    regime_document: Option<&'static str>,
    regime_info: Option<RegimeRecord>,
    period: PeriodFields,
    #[serde(serialize_with = "day")]
    as_of: NaiveDate,
    outcome: Outcome,
    level: Option<Level>,
    label: Option<TextFields>,
    score: Option<serde_json::Number>,
    band: Option<Level>,
    needs_decision: bool,
    reading: Reading,
    reasons: Reasons<'d>,
    alternatives: Alternatives<'d>,
    quota: Option<&'d QuotaOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quota_group: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<StatePartRecord>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state_rating: Option<&'d StateRatingRecord>,
}

/// A day as the record writes it (`2025-12-31`), without an owned string.
fn day<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

#[derive(Serialize)]
struct PeriodFields {
    #[serde(serialize_with = "day")]
    from: NaiveDate,
    #[serde(serialize_with = "day")]
    to: NaiveDate,
}

/// A label in both languages, borrowed (the record's `Text`).
#[derive(Serialize)]
struct TextFields {
    vi: &'static str,
    en: &'static str,
}

impl Serialize for DecisionJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let decision = self.0;
        let regime = decision.regime_shown();
        RecordFields {
            rating: (decision.rating == Rating::State).then_some(Rating::State),
            id: &decision.id,
            regime,
            regime_document: regime.map(|r| r.info().document),
            regime_info: regime.map(|r| {
                r.info()
                    .record_for_period(decision.regime_selection, decision.period.to)
            }),
            period: PeriodFields {
                from: decision.period.from,
                to: decision.period.to,
            },
            as_of: decision.as_of,
            outcome: decision.outcome,
            level: decision.level,
            label: decision.level.map(|level| TextFields {
                vi: level.vi(),
                en: level.en(),
            }),
            score: decision.score.map(|score| score.to_json_number()),
            band: decision.band,
            needs_decision: decision.needs_decision,
            reading: decision.reading,
            reasons: Reasons(decision),
            alternatives: Alternatives(&decision.alternatives),
            quota: decision.quota.as_ref(),
            quota_group: decision.quota_group.as_deref(),
            state: decision.state.as_ref().map(|part| part.record()),
            state_rating: decision.state_rating.as_ref(),
        }
        .serialize(serializer)
    }
}

struct Reasons<'d>(&'d Decision);

impl Serialize for Reasons<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let decision = self.0;
        let mut seq = serializer.serialize_seq(Some(decision.reasons.len()))?;
        for reason in &decision.reasons {
            seq.serialize_element(&ReasonFields {
                rule: reason.rule.id(),
                holds: reason.holds,
                effect: reason.effect,
                level: reason.level,
                citation: CitationFields(citation_of(reason, decision)),
                basis: reason.basis(),
                message: explain::message(reason, decision),
                values: ReasonValues { reason, decision },
            })?;
        }
        seq.end()
    }
}

/// The fields of `ReasonRecord`, in its order.
#[derive(Serialize)]
struct ReasonFields<'d> {
    rule: &'static str,
    holds: bool,
    effect: Effect,
    level: Option<Level>,
    citation: CitationFields,
    basis: Basis,
    message: Text,
    values: ReasonValues<'d>,
}

/// A citation as `CitationRecord` writes it, from the catalogue's static text.
struct CitationFields(Citation);

impl Serialize for CitationFields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Fields {
            document: &'static str,
            article: &'static str,
            clause: Option<&'static str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            note: Option<&'static str>,
        }
        let citation = self.0;
        Fields {
            document: citation.document,
            article: citation.article,
            clause: citation.clause,
            note: citation.note,
        }
        .serialize(serializer)
    }
}

/// A reason's values, keyed and ordered as the record's `BTreeMap` orders them.
struct ReasonValues<'d> {
    reason: &'d Reason,
    decision: &'d Decision,
}

impl Serialize for ReasonValues<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (reason, decision) = (self.reason, self.decision);
        let expands =
            |value: &Value| matches!(value, Value::Period(_) | Value::Year | Value::QuotaStep(_));
        if decision.state.is_some() && reason.values.iter().any(|(_, v)| expands(v)) {
            // Expanded into the numbers a period, the year or a quota step stands for.
            return reason_values(reason, decision).serialize(serializer);
        }
        // At most eight values (`Values`), sorted by key without allocating; a key read
        // twice keeps its last value, as the record's map does.
        let mut keyed = [("", Value::Flag(false)); 8];
        let mut len = 0;
        for (fact, value) in reason.values.iter() {
            if expands(value) {
                continue; // stands for nothing without a state part (`value_json`)
            }
            if let Some(slot) = keyed.get_mut(len) {
                *slot = (fact.key(), *value);
                len += 1;
            }
        }
        let keyed = keyed.get_mut(..len).unwrap_or_default();
        keyed.sort_by_key(|(key, _)| *key);
        let keyed = &*keyed;
        let shown = |i: usize, key: &str| keyed.get(i + 1).is_none_or(|next| next.0 != key);
        let count = (0..keyed.len())
            .zip(keyed)
            .filter(|(i, (key, _))| shown(*i, key))
            .count();
        let mut map = serializer.serialize_map(Some(count))?;
        for (i, (key, value)) in keyed.iter().enumerate() {
            if shown(i, key) {
                map.serialize_entry(key, &ValueJson(*value))?;
            }
        }
        map.end()
    }
}

struct Alternatives<'d>(&'d [Alternative]);

impl Serialize for Alternatives<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The fields of `AlternativeRecord`, in its order.
        #[derive(Serialize)]
        struct Fields {
            level: Option<Level>,
            r#if: &'static str,
            rule: &'static str,
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            needs_decision: bool,
            message: Text,
        }
        serializer.collect_seq(self.0.iter().map(|a| Fields {
            level: a.level,
            r#if: a.mitigation.path(),
            rule: a.rule.id(),
            needs_decision: a.needs_decision,
            message: explain::alternative_message(a),
        }))
    }
}
