//! Comparisons of many records: each record of a table of flat columns or of a JSON
//! array compared under several regimes by the core (`cadre_eval::compare_levels`,
//! which settles what `compare` settles without rendering a message),
//! one Arrow row per record with each regime's level, outcome, deciding rule and error
//! side by side. Records are read as `evaluate_many` reads them (`crate::table::Rows`):
//! no Python object or JSON text per table row.

use crate::names::{
    level_index, outcome_index, regime_index, rule_index, topic_index, OUTCOMES, TOPICS,
};
use crate::output::{dictionary, errors_column, level_values, rule_ids, strings, LocatedError};
use crate::table::{with_records, BatchFailure, Source};
use arrow_array::builder::StringBuilder;
use arrow_array::{
    ArrayRef, BooleanArray, DictionaryArray, Int16Array, Int8Array, ListArray, RecordBatch,
};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_schema::{ArrowError, DataType, Field};
use cadre_eval::{
    compare_records, ColumnOf, CompareOptions, ComparisonSink, InputError, LevelComparison,
    LevelResult, RegimeId, RejectedRecord, REGIMES,
};
use std::borrow::Cow;
use std::sync::Arc;

/// One regime's columns.
#[derive(Default)]
struct RegimeColumns {
    level: Vec<Option<i8>>,
    outcome: Vec<Option<i8>>,
    deciding_rule: Vec<Option<i16>>,
    error: StringBuilder,
}

impl RegimeColumns {
    fn push(&mut self, result: Option<&LevelResult>) {
        self.level
            .push(result.and_then(|r| r.level).map(level_index));
        self.outcome
            .push(result.and_then(|r| r.outcome).map(outcome_index));
        self.deciding_rule
            .push(result.and_then(|r| r.deciding_rule).map(rule_index));
        match result.filter(|r| !r.errors.is_empty()) {
            Some(r) => self.error.append_value(located(&r.errors)),
            None => self.error.append_null(),
        }
    }
}

/// `missing_field at /grades; …`: each error's code at its path.
fn located(errors: &[InputError]) -> String {
    let parts: Vec<String> = errors
        .iter()
        .map(|e| {
            if e.path.is_empty() {
                e.code.as_str().to_owned()
            } else {
                format!("{} at {}", e.code.as_str(), e.path)
            }
        })
        .collect();
    parts.join("; ")
}

/// The comparisons table under construction: one row per input record.
pub struct ComparisonColumns {
    regimes: Vec<RegimeId>,
    id: StringBuilder,
    in_force: Vec<Option<i8>>,
    per_regime: Vec<RegimeColumns>,
    levels_agree: Vec<Option<bool>>,
    /// The differing topics of every row, one after another, and each row's count.
    differs: Vec<i8>,
    differs_lengths: Vec<usize>,
    differs_valid: Vec<bool>,
    error_codes: StringBuilder,
    error_rows: Vec<Option<Vec<LocatedError>>>,
}

impl ComparisonColumns {
    /// An empty table with one group of columns per regime, in the order given.
    pub fn new(regimes: &[RegimeId]) -> ComparisonColumns {
        ComparisonColumns {
            regimes: regimes.to_vec(),
            id: StringBuilder::new(),
            in_force: Vec::new(),
            per_regime: regimes.iter().map(|_| RegimeColumns::default()).collect(),
            levels_agree: Vec::new(),
            differs: Vec::new(),
            differs_lengths: Vec::new(),
            differs_valid: Vec::new(),
            error_codes: StringBuilder::new(),
            error_rows: Vec::new(),
        }
    }

    /// Adds a compared record.
    pub fn push_comparison(&mut self, id: &str, comparison: &LevelComparison) {
        self.id.append_value(id);
        self.in_force.push(comparison.in_force.map(regime_index));
        for (position, (regime, columns)) in
            self.regimes.iter().zip(&mut self.per_regime).enumerate()
        {
            // The core keeps the order asked; looked up by id all the same.
            let result = comparison
                .results
                .iter()
                .position(|r| r.regime == *regime)
                .unwrap_or(position);
            columns.push(comparison.results.get(result));
        }
        self.levels_agree.push(Some(comparison.levels_agree));
        let before = self.differs.len();
        self.differs
            .extend(comparison.differs.iter().map(|&topic| topic_index(topic)));
        self.differs_lengths.push(self.differs.len() - before);
        self.differs_valid.push(true);
        self.error_codes.append_null();
        self.error_rows.push(None);
    }

    /// Adds a record that could not be read; `column_of` names the flat column of each
    /// error's path (table input).
    pub fn push_rejected(
        &mut self,
        rejected: &RejectedRecord,
        column_of: &dyn Fn(&str) -> Option<Cow<'static, str>>,
    ) {
        match &rejected.id {
            Some(id) => self.id.append_value(id),
            None => self.id.append_null(),
        }
        self.in_force.push(None);
        for columns in &mut self.per_regime {
            columns.push(None);
        }
        self.levels_agree.push(None);
        self.differs_lengths.push(0);
        self.differs_valid.push(false);
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

    /// The finished table: `id`, `in_force`, then `level_<regime>` for each regime,
    /// `outcome_<regime>`, `deciding_rule_<regime>`, `error_<regime>`, then
    /// `levels_agree`, `differs`, `error_codes` and `errors`.
    pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let regimes = strings(REGIMES.iter().map(|r| Some(r.id.as_str())));
        let mut columns: Vec<(String, ArrayRef)> = vec![
            ("id".to_owned(), Arc::new(self.id.finish())),
            (
                "in_force".to_owned(),
                dictionary(Int8Array::from(self.in_force), regimes)?,
            ),
        ];
        let names: Vec<&str> = self.regimes.iter().map(|r| r.as_str()).collect();
        let mut levels = Vec::new();
        let mut outcomes = Vec::new();
        let mut rules = Vec::new();
        let mut errors = Vec::new();
        for (name, mut regime) in names.iter().zip(self.per_regime) {
            levels.push((
                format!("level_{name}"),
                dictionary(Int8Array::from(regime.level), level_values())?,
            ));
            outcomes.push((
                format!("outcome_{name}"),
                dictionary(
                    Int8Array::from(regime.outcome),
                    strings(OUTCOMES.iter().copied().map(Some)),
                )?,
            ));
            rules.push((
                format!("deciding_rule_{name}"),
                dictionary(Int16Array::from(regime.deciding_rule), rule_ids())?,
            ));
            let error: ArrayRef = Arc::new(regime.error.finish());
            errors.push((format!("error_{name}"), error));
        }
        columns.extend(levels);
        columns.extend(outcomes);
        columns.extend(rules);
        columns.extend(errors);
        columns.push((
            "levels_agree".to_owned(),
            Arc::new(BooleanArray::from(self.levels_agree)),
        ));
        let topics = DictionaryArray::<arrow_array::types::Int8Type>::try_new(
            Int8Array::from(self.differs),
            strings(TOPICS.iter().copied().map(Some)),
        )?;
        let topic_field = Arc::new(Field::new(
            "item",
            DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8)),
            false,
        ));
        columns.push((
            "differs".to_owned(),
            Arc::new(ListArray::try_new(
                topic_field,
                OffsetBuffer::from_lengths(self.differs_lengths),
                Arc::new(topics),
                Some(NullBuffer::from(self.differs_valid)),
            )?),
        ));
        columns.push((
            "error_codes".to_owned(),
            Arc::new(self.error_codes.finish()),
        ));
        columns.push(("errors".to_owned(), errors_column(&self.error_rows)?));
        RecordBatch::try_from_iter_with_nullable(
            columns.into_iter().map(|(name, array)| (name, array, true)),
        )
    }
}

impl ComparisonSink for ComparisonColumns {
    fn comparison(&mut self, _: usize, id: &str, comparison: &LevelComparison) {
        self.push_comparison(id, comparison);
    }

    fn rejected(&mut self, rejected: &RejectedRecord, column_of: &ColumnOf<'_>) {
        self.push_rejected(rejected, column_of);
    }
}

/// Compares every record of `source` under the regimes of `options` (the core reads and
/// compares; here each range becomes Arrow columns), in row order: one record batch per
/// range (large tables are split over `threads` threads).
pub fn compare_batch(
    source: &Source<'_>,
    options: &CompareOptions,
    threads: usize,
) -> Result<Vec<RecordBatch>, BatchFailure> {
    let parts = with_records(source, |records| {
        Ok(compare_records(records, options, threads, &|_| {
            ComparisonColumns::new(&options.regimes)
        })?)
    })?;
    let mut batches = Vec::with_capacity(parts.len());
    for part in parts {
        batches.push(part.finish()?);
    }
    Ok(batches)
}
