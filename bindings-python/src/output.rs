//! Arrow tables out: one row per decision (or rejected record), and optionally one row
//! per reason. Enum values are dictionary columns (pandas categoricals); nothing is
//! rendered unless asked (messages cost far more than the evaluation).

use crate::names::{
    basis_index, effect_index, level_index, outcome_index, regime_index, rule_index, BASES,
    EFFECTS, LEVELS, OUTCOMES,
};
use arrow_array::builder::{StringBuilder, UInt32Builder};
use arrow_array::types::Int16Type;
use arrow_array::{
    ArrayRef, BooleanArray, DictionaryArray, Float64Array, Int16Array, Int32Array, Int8Array,
    ListArray, PrimitiveArray, RecordBatch, StringArray, StructArray, UInt16Array, UInt32Array,
};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_schema::{ArrowError, DataType, Field, Fields};
use cadre_eval::{
    reason_message, Decision, InputError, Level, QuotaOutcome, RejectedRecord, Rule, REGIMES,
};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// A string column of fixed names.
pub fn strings(values: impl IntoIterator<Item = Option<&'static str>>) -> ArrayRef {
    Arc::new(StringArray::from_iter(values))
}

/// A dictionary column (a pandas categorical) of `keys` into `values`.
pub fn dictionary<K: arrow_array::types::ArrowDictionaryKeyType>(
    keys: PrimitiveArray<K>,
    values: ArrayRef,
) -> Result<ArrayRef, ArrowError> {
    Ok(Arc::new(DictionaryArray::<K>::try_new(keys, values)?))
}

/// The dictionary of levels, lowest first.
pub fn level_values() -> ArrayRef {
    strings(LEVELS.iter().copied().map(Some))
}

/// The dictionary of rule ids, in catalogue order.
pub fn rule_ids() -> ArrayRef {
    strings(Rule::ALL.iter().map(|r| Some(r.id())))
}

/// An error of a rejected row with the flat column its path came from.
pub type LocatedError = (InputError, Option<Cow<'static, str>>);

/// The decisions table under construction.
#[derive(Default)]
pub struct DecisionColumns {
    id: StringBuilder,
    outcome: Vec<Option<i8>>,
    level: Vec<Option<i8>>,
    score: Vec<Option<f64>>,
    band: Vec<Option<i8>>,
    needs_decision: Vec<Option<bool>>,
    regime: Vec<Option<i8>>,
    deciding_rule: Vec<Option<i16>>,
    alternative_level: Vec<Option<i8>>,
    input_quota_group: Vec<Option<i32>>,
    group_names: Vec<String>,
    group_index: HashMap<String, i32>,
    quota: Option<QuotaColumns>,
    error_codes: StringBuilder,
    error_rows: Vec<Option<Vec<LocatedError>>>,
    units: Option<(StringBuilder, Vec<Option<i8>>)>,
}

#[derive(Default)]
struct QuotaColumns {
    rank: Vec<Option<u32>>,
    e_max: Vec<Option<u32>>,
    demoted: Vec<Option<bool>>,
    tied: Vec<Option<bool>>,
}

/// The places of a record in an organisation unit, as the report names them.
pub const ROLES: [&str; 6] = [
    "organisation",
    "agency",
    "leadership",
    "leader",
    "member",
    "state_agency",
];

impl DecisionColumns {
    /// An empty table; `quota` adds the quota columns, `units` the unit and role columns
    /// of an organisation tree.
    pub fn new(quota: bool, units: bool) -> DecisionColumns {
        DecisionColumns::with_capacity(0, quota, units)
    }

    /// An empty table with room for `rows` rows.
    pub fn with_capacity(rows: usize, quota: bool, units: bool) -> DecisionColumns {
        DecisionColumns {
            id: StringBuilder::with_capacity(rows, rows * 12),
            outcome: Vec::with_capacity(rows),
            level: Vec::with_capacity(rows),
            score: Vec::with_capacity(rows),
            band: Vec::with_capacity(rows),
            needs_decision: Vec::with_capacity(rows),
            regime: Vec::with_capacity(rows),
            deciding_rule: Vec::with_capacity(rows),
            alternative_level: Vec::with_capacity(rows),
            input_quota_group: Vec::with_capacity(rows),
            quota: quota.then(QuotaColumns::default),
            error_rows: Vec::with_capacity(rows),
            units: units.then(|| (StringBuilder::new(), Vec::new())),
            ..DecisionColumns::default()
        }
    }

    fn group(&mut self, name: &str) -> i32 {
        if let Some(&index) = self.group_index.get(name) {
            return index;
        }
        let index = i32::try_from(self.group_names.len()).unwrap_or(i32::MAX);
        self.group_names.push(name.to_owned());
        self.group_index.insert(name.to_owned(), index);
        index
    }

    /// Adds an evaluated record.
    pub fn push_decision(&mut self, decision: &Decision) {
        self.id.append_value(&decision.id);
        self.outcome.push(Some(outcome_index(decision.outcome)));
        self.level.push(decision.level.map(level_index));
        self.score
            .push(decision.score.map(|s| s.hundredths() as f64 / 100.0));
        self.band.push(decision.band.map(level_index));
        self.needs_decision.push(Some(decision.needs_decision));
        self.regime.push(Some(regime_index(decision.regime)));
        self.deciding_rule
            .push(decision.deciding_reason().map(|r| rule_index(r.rule)));
        self.alternative_level.push(
            decision
                .alternatives
                .first()
                .and_then(|a| a.level)
                .map(level_index),
        );
        let group = match &decision.quota {
            Some(q) => Some(q.group.as_str()),
            None => decision.quota_group.as_deref(),
        };
        let group = group.map(|g| self.group(g));
        self.input_quota_group.push(group);
        if let Some(q) = &mut self.quota {
            let outcome = decision.quota.as_ref();
            q.rank.push(outcome.map(|o| o.rank));
            q.e_max.push(outcome.map(|o| o.e_max));
            q.demoted.push(outcome.map(|o| o.demoted));
            q.tied.push(outcome.map(|o| o.tied_at_cut));
        }
        self.error_codes.append_null();
        self.error_rows.push(None);
    }

    /// Adds a record that could not be evaluated; `column_of` names the flat column of
    /// each error's path (table input).
    pub fn push_rejected(
        &mut self,
        rejected: &RejectedRecord,
        column_of: &dyn Fn(&str) -> Option<Cow<'static, str>>,
    ) {
        match &rejected.id {
            Some(id) => self.id.append_value(id),
            None => self.id.append_null(),
        }
        self.outcome.push(None);
        self.level.push(None);
        self.score.push(None);
        self.band.push(None);
        self.needs_decision.push(None);
        self.regime.push(None);
        self.deciding_rule.push(None);
        self.alternative_level.push(None);
        self.input_quota_group.push(None);
        if let Some(q) = &mut self.quota {
            q.rank.push(None);
            q.e_max.push(None);
            q.demoted.push(None);
            q.tied.push(None);
        }
        let codes: Vec<&str> = rejected.errors.iter().map(|e| e.code.as_str()).collect();
        self.error_codes.append_value(codes.join(","));
        self.error_rows.push(Some(
            rejected
                .errors
                .iter()
                .map(|e| (e.clone(), column_of(&e.path)))
                .collect(),
        ));
    }

    /// The unit and role of the row just added (organisation trees).
    pub fn set_unit(&mut self, unit: &str, role: usize) {
        if let Some((units, roles)) = &mut self.units {
            units.append_value(unit);
            roles.push(i8::try_from(role).ok());
        }
    }

    /// Records what the quota did to row `row` (table input, after planning).
    pub fn set_quota(&mut self, row: usize, outcome: &QuotaOutcome) {
        let group = self.group(&outcome.group);
        if let Some(slot) = self.input_quota_group.get_mut(row) {
            *slot = Some(group);
        }
        if outcome.demoted {
            if let Some(slot) = self.level.get_mut(row) {
                *slot = Some(level_index(Level::Good));
            }
            if let Some(slot) = self.deciding_rule.get_mut(row) {
                *slot = Some(rule_index(Rule::ExcellentQuota));
            }
        }
        if outcome.tied_at_cut {
            if let Some(slot) = self.needs_decision.get_mut(row) {
                *slot = Some(true);
            }
        }
        if let Some(q) = &mut self.quota {
            for (column, value) in [(&mut q.rank, outcome.rank), (&mut q.e_max, outcome.e_max)] {
                if let Some(slot) = column.get_mut(row) {
                    *slot = Some(value);
                }
            }
            for (column, value) in [
                (&mut q.demoted, outcome.demoted),
                (&mut q.tied, outcome.tied_at_cut),
            ] {
                if let Some(slot) = column.get_mut(row) {
                    *slot = Some(value);
                }
            }
        }
    }

    /// The finished table.
    pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let regimes = strings(REGIMES.iter().map(|r| Some(r.id.as_str())));
        let mut columns: Vec<(&str, ArrayRef)> = vec![
            ("id", Arc::new(self.id.finish())),
            (
                "outcome",
                dictionary(
                    Int8Array::from(self.outcome),
                    strings(OUTCOMES.iter().copied().map(Some)),
                )?,
            ),
            (
                "level",
                dictionary(Int8Array::from(self.level), level_values())?,
            ),
            ("score", Arc::new(Float64Array::from(self.score))),
            (
                "band",
                dictionary(Int8Array::from(self.band), level_values())?,
            ),
            (
                "needs_decision",
                Arc::new(BooleanArray::from(self.needs_decision)),
            ),
            ("regime", dictionary(Int8Array::from(self.regime), regimes)?),
            (
                "deciding_rule",
                dictionary(Int16Array::from(self.deciding_rule), rule_ids())?,
            ),
            (
                "alternative_level",
                dictionary(Int8Array::from(self.alternative_level), level_values())?,
            ),
            (
                "quota_group",
                dictionary(
                    Int32Array::from(self.input_quota_group),
                    Arc::new(StringArray::from_iter_values(&self.group_names)),
                )?,
            ),
        ];
        if let Some(q) = self.quota {
            columns.push(("quota_rank", Arc::new(UInt32Array::from(q.rank))));
            columns.push(("quota_e_max", Arc::new(UInt32Array::from(q.e_max))));
            columns.push(("quota_demoted", Arc::new(BooleanArray::from(q.demoted))));
            columns.push(("quota_tied_at_cut", Arc::new(BooleanArray::from(q.tied))));
        }
        if let Some((mut units, roles)) = self.units.take() {
            columns.push(("unit", Arc::new(units.finish())));
            columns.push((
                "role",
                dictionary(
                    Int8Array::from(roles),
                    strings(ROLES.iter().copied().map(Some)),
                )?,
            ));
        }
        columns.push(("error_codes", Arc::new(self.error_codes.finish())));
        columns.push(("errors", errors_column(&self.error_rows)?));
        RecordBatch::try_from_iter_with_nullable(
            columns.into_iter().map(|(name, array)| (name, array, true)),
        )
    }
}

/// `errors`: per row, null or a list of `{code, path, column, message_vi, message_en}`.
pub fn errors_column(rows: &[Option<Vec<LocatedError>>]) -> Result<ArrayRef, ArrowError> {
    let mut code = StringBuilder::new();
    let mut path = StringBuilder::new();
    let mut column = StringBuilder::new();
    let mut vi = StringBuilder::new();
    let mut en = StringBuilder::new();
    let mut lengths = Vec::with_capacity(rows.len());
    let mut valid = Vec::with_capacity(rows.len());
    for row in rows {
        let errors = row.as_deref().unwrap_or_default();
        lengths.push(errors.len());
        valid.push(row.is_some());
        for (error, name) in errors {
            code.append_value(error.code.as_str());
            path.append_value(&error.path);
            column.append_option(name.as_deref());
            vi.append_value(&error.message.vi);
            en.append_value(&error.message.en);
        }
    }
    let fields = Fields::from(
        ["code", "path", "column", "message_vi", "message_en"]
            .map(|name| Field::new(name, DataType::Utf8, name == "column"))
            .to_vec(),
    );
    let children: Vec<ArrayRef> = vec![
        Arc::new(code.finish()),
        Arc::new(path.finish()),
        Arc::new(column.finish()),
        Arc::new(vi.finish()),
        Arc::new(en.finish()),
    ];
    let items = StructArray::try_new(fields.clone(), children, None)?;
    let item_field = Arc::new(Field::new("item", DataType::Struct(fields), false));
    Ok(Arc::new(ListArray::try_new(
        item_field,
        OffsetBuffer::from_lengths(lengths),
        Arc::new(items),
        Some(NullBuffer::from(valid)),
    )?))
}

/// The reasons table under construction: one row per reason.
pub struct ReasonColumns {
    messages: bool,
    row: UInt32Builder,
    id: StringBuilder,
    position: Vec<u16>,
    rule: Vec<i16>,
    holds: Vec<bool>,
    effect: Vec<i8>,
    level: Vec<Option<i8>>,
    /// Per reason: its own basis (`inferred` for a finding on the library's reading
    /// under a stated rule), not only its rule's.
    basis: Vec<i8>,
    vi: StringBuilder,
    en: StringBuilder,
}

impl ReasonColumns {
    /// An empty table; `messages` renders each reason's message in both languages.
    pub fn new(messages: bool) -> ReasonColumns {
        ReasonColumns {
            messages,
            row: UInt32Builder::new(),
            id: StringBuilder::new(),
            position: Vec::new(),
            rule: Vec::new(),
            holds: Vec::new(),
            effect: Vec::new(),
            level: Vec::new(),
            basis: Vec::new(),
            vi: StringBuilder::new(),
            en: StringBuilder::new(),
        }
    }

    /// Adds every reason of the decision in row `row`.
    pub fn push(&mut self, row: usize, decision: &Decision) {
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        for (position, reason) in decision.reasons.iter().enumerate() {
            self.row.append_value(row);
            self.id.append_value(&decision.id);
            self.position
                .push(u16::try_from(position).unwrap_or(u16::MAX));
            self.rule.push(rule_index(reason.rule));
            self.holds.push(reason.holds);
            self.effect.push(effect_index(reason.effect));
            self.level.push(reason.level.map(level_index));
            self.basis.push(basis_index(reason.basis()));
            if self.messages {
                let text = reason_message(reason, decision);
                self.vi.append_value(text.vi);
                self.en.append_value(text.en);
            }
        }
    }

    /// The finished table.
    pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        // Columns that depend only on the rule share its keys, remapped onto their own
        // distinct values (pandas categoricals need unique categories).
        let by_rule = |part: fn(Rule) -> Option<&'static str>| -> Result<ArrayRef, ArrowError> {
            let mut distinct: Vec<&'static str> = Vec::new();
            let key_of_rule: Vec<Option<i16>> = Rule::ALL
                .iter()
                .map(|rule| {
                    part(*rule).map(|value| {
                        let position = distinct.iter().position(|v| *v == value);
                        let position = position.unwrap_or_else(|| {
                            distinct.push(value);
                            distinct.len() - 1
                        });
                        i16::try_from(position).unwrap_or(i16::MAX)
                    })
                })
                .collect();
            let keys: Int16Array = self
                .rule
                .iter()
                .map(|&rule| {
                    usize::try_from(rule)
                        .ok()
                        .and_then(|r| key_of_rule.get(r).copied().flatten())
                })
                .collect();
            dictionary::<Int16Type>(keys, strings(distinct.into_iter().map(Some)))
        };
        let mut columns: Vec<(&str, ArrayRef)> = vec![
            ("row", Arc::new(self.row.finish())),
            ("id", Arc::new(self.id.finish())),
            ("position", Arc::new(UInt16Array::from(self.position))),
            ("rule", by_rule(|r| Some(r.id()))?),
            ("holds", Arc::new(BooleanArray::from(self.holds))),
            (
                "effect",
                dictionary(
                    Int8Array::from(self.effect),
                    strings(EFFECTS.iter().copied().map(Some)),
                )?,
            ),
            (
                "level",
                dictionary(Int8Array::from(self.level), level_values())?,
            ),
            (
                "citation_document",
                by_rule(|r| Some(r.citation().document))?,
            ),
            ("citation_article", by_rule(|r| Some(r.citation().article))?),
            ("citation_clause", by_rule(|r| r.citation().clause)?),
            ("citation_note", by_rule(|r| r.citation().note)?),
            (
                "basis",
                dictionary(
                    Int8Array::from(self.basis),
                    strings(BASES.iter().copied().map(Some)),
                )?,
            ),
        ];
        if self.messages {
            columns.push(("message_vi", Arc::new(self.vi.finish())));
            columns.push(("message_en", Arc::new(self.en.finish())));
        }
        RecordBatch::try_from_iter_with_nullable(
            columns.into_iter().map(|(name, array)| (name, array, true)),
        )
    }
}
