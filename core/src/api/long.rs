//! State records from long tables (design §16): a periods table and a products table
//! (`intake::long`), with party records evaluated in the same call (pairs by `id`),
//! both quotas and the link, as [`evaluate_with_pairs`] does for JSON records.

use crate::api::pairs::evaluate_with_pairs;
use crate::contract::errors::{InputError, InputErrors};
use crate::contract::level::Options;
use crate::contract::quota::{GroupQuotaReport, QuotaOptions};
use crate::contract::state::StateQuotaReport;
pub use crate::intake::long::{
    read_long_tables, LongColumn, LongKind, LongLevel, LongPerson, LongRead, LongTable,
    LongTableName, PlacedError, TablePlace, GENERAL_ITEMS_PREFIX, PERIOD_COLUMNS, PRODUCT_COLUMNS,
};
use crate::regimes::decision::Decision;

/// One person of the periods table, evaluated.
#[derive(Debug, Clone)]
pub struct LongResult {
    /// The person's id.
    pub id: String,
    /// The person's rows of the periods table.
    pub rows: Vec<usize>,
    /// The decision, or every problem, each placed in the tables.
    pub decision: Result<Decision, Vec<PlacedError>>,
}

/// What a call with long tables gives.
#[derive(Debug, Clone)]
pub struct LongEvaluated {
    /// One result per person, in order of first appearance.
    pub persons: Vec<LongResult>,
    /// Per party record given, in order: its decision or its problems.
    pub party: Vec<Result<Decision, InputErrors>>,
    /// Problems of no person (an unknown column, a row without an id, a product of no
    /// person).
    pub errors: Vec<PlacedError>,
    /// The party quota's reports.
    pub groups: Vec<GroupQuotaReport>,
    /// The state quota's reports.
    pub state_groups: Vec<StateQuotaReport>,
}

/// Reads the periods and products tables into state records and evaluates them with the
/// party records `party` (JSON texts; a party record and a state person with one id are
/// a pair), applying both quotas when `quota` is given.
pub fn evaluate_long_tables(
    periods: &LongTable<'_>,
    products: Option<&LongTable<'_>>,
    party: &[String],
    options: &Options,
    quota: Option<&QuotaOptions>,
) -> LongEvaluated {
    let read = read_long_tables(periods, products);
    let mut texts: Vec<String> = Vec::with_capacity(read.persons.len() + party.len());
    let mut position: Vec<Option<usize>> = Vec::with_capacity(read.persons.len());
    for person in &read.persons {
        match &person.record {
            Ok(text) => {
                position.push(Some(texts.len()));
                texts.push(text.clone());
            }
            Err(_) => position.push(None),
        }
    }
    let first_party = texts.len();
    texts.extend(party.iter().cloned());
    let batch = evaluate_with_pairs(&texts, options, quota);
    let mut slots: Vec<Option<Result<Decision, Vec<InputError>>>> = vec![None; texts.len()];
    for (decision, index) in batch.decisions.into_iter().zip(batch.indices) {
        if let Some(slot) = slots.get_mut(index) {
            *slot = Some(Ok(decision));
        }
    }
    for (index, _, errors) in batch.rejected {
        if let Some(slot) = slots.get_mut(index) {
            match slot {
                Some(Err(earlier)) => earlier.extend(errors.0),
                _ => *slot = Some(Err(errors.0)),
            }
        }
    }
    let mut slots = slots.into_iter();
    let mut persons = Vec::with_capacity(read.persons.len());
    for (person, at) in read.persons.into_iter().zip(position) {
        let decision = match (&person.record, at) {
            (Err(errors), _) => Err(errors.clone()),
            (Ok(_), Some(_)) => match slots.next().flatten() {
                Some(Ok(decision)) => Ok(decision),
                Some(Err(errors)) => Err(person.placed(errors)),
                None => Err(Vec::new()),
            },
            (Ok(_), None) => Err(Vec::new()),
        };
        persons.push(LongResult {
            id: person.id,
            rows: person.rows,
            decision,
        });
    }
    let party = slots
        .take(texts.len() - first_party)
        .map(|slot| match slot {
            Some(Ok(decision)) => Ok(decision),
            Some(Err(errors)) => Err(InputErrors(errors)),
            None => Err(InputErrors(Vec::new())),
        })
        .collect();
    LongEvaluated {
        persons,
        party,
        errors: read.errors,
        groups: batch.groups,
        state_groups: batch.state_groups,
    }
}
