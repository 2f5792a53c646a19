//! A call holding state records (`spec/state-regimes.md` §4, design §8.4): state records
//! and party records together, a state record and a party record with one id being a
//! pair. The order of a round:
//!
//! 1. every record read and validated; pairs matched by id;
//! 2. the state records evaluated;
//! 3. under `nd90` with ND 48, an agency without a given party rate takes the rate of its
//!    paired party records (evaluated without the link, after the party quota);
//! 4. the state quota;
//! 5. the party records evaluated, each reading its pair's final state result
//!    (`source: computed`), then the party quota;
//! 6. the mismatch findings on the final party levels.

use crate::contract::assessment::Assessment;
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::level::Options;
use crate::contract::quota::{GroupQuotaReport, QuotaOptions};
use crate::contract::state::{Rating, StateQuotaReport};
use crate::group::pairs::{
    computed_state_rating, missing_state_pair, pair_conflict, rate_agencies, rates_from,
    state_pair_rejected_reason,
};
use crate::group::quota::apply::apply_quota;
use crate::group::quota::state::apply_state_quota_with;
use crate::intake::decode::{decode_and_validate, decode_assessment};
use crate::intake::validate::assessment::validate_with;
use crate::intake::validate::options::ValidateOptions;
use crate::regimes::decision::Decision;
use crate::regimes::dispatch::evaluate_valid;
use crate::regimes::state::link::refresh_mismatch;
use std::collections::{BTreeMap, HashMap};

/// What a call with state records gives: every decision in input order, the records
/// rejected (named `id`, or `id@state` for the state half of a pair), the party and the
/// state quota reports.
#[derive(Debug, Clone)]
pub struct PairedBatch {
    /// The decisions, in input order.
    pub decisions: Vec<Decision>,
    /// The input position of each decision.
    pub indices: Vec<usize>,
    /// The rejected records: their input position, name and problems.
    pub rejected: Vec<(usize, String, InputErrors)>,
    /// The party quota's reports.
    pub groups: Vec<GroupQuotaReport>,
    /// The state quota's reports.
    pub state_groups: Vec<StateQuotaReport>,
}

/// The name of a decision in a call: a state decision whose id a party record shares is
/// `id@state`.
pub fn decision_name(decision: &Decision, paired: bool) -> String {
    if decision.rating == Rating::State && paired {
        format!("{}@state", decision.id)
    } else {
        decision.id.clone()
    }
}

fn one(code: ErrorCode, path: &str, vi: String, en: String) -> InputErrors {
    InputErrors::one(InputError::new(code, path, vi, en))
}

/// One record of a call as read: its assessment, or, for a record that could not be
/// read, the name it is reported under (its `id` when one can be found, else empty) and
/// every problem found in it.
pub type ReadRecord = Result<Assessment, (String, InputErrors)>;

/// Evaluates the records of one call (JSON texts), state and party, with the pair form,
/// both quotas and the link.
pub fn evaluate_with_pairs(
    records: &[String],
    options: &Options,
    quota: Option<&QuotaOptions>,
) -> PairedBatch {
    let read = records
        .iter()
        .map(|text| read_json_record(text, options))
        .collect();
    evaluate_read_with_pairs(read, options, quota)
}

/// One record's JSON text as the pair form reads it: decoded, or every problem at once
/// as a record evaluated alone reports them (unknown fields with the validation problems
/// of the rest) under its `id` when one can be found.
pub fn read_json_record(text: &str, options: &Options) -> ReadRecord {
    decode_assessment(text).map_err(|errors| {
        let validate = ValidateOptions::for_evaluation(options);
        let errors = decode_and_validate(text, validate).err().unwrap_or(errors);
        let id = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_owned))
            .unwrap_or_default();
        (id, errors)
    })
}

/// Evaluates the records of one call as read (rows of a table, decoded JSON), state and
/// party, with the pair form, both quotas and the link: what [`evaluate_with_pairs`]
/// does once each record is read.
pub fn evaluate_read_with_pairs(
    decoded: Vec<ReadRecord>,
    options: &Options,
    quota: Option<&QuotaOptions>,
) -> PairedBatch {
    let validate = ValidateOptions::for_evaluation(options);
    let mut rejected = Vec::new();
    let is_state = |a: &ReadRecord| matches!(a, Ok(a) if a.rating == Some(Rating::State));
    let party_ids: std::collections::HashSet<String> = decoded
        .iter()
        .filter(|a| !is_state(a))
        .filter_map(|a| a.as_ref().ok().map(|a| a.id.clone()))
        .collect();
    let count = decoded.len();
    // 2. The state records.
    let mut slots: Vec<Option<Decision>> = vec![None; count];
    let mut state_of: HashMap<String, Result<usize, InputErrors>> = HashMap::new();
    for (index, assessment) in decoded.iter().enumerate() {
        let Ok(a) = assessment else { continue };
        if a.rating != Some(Rating::State) {
            continue;
        }
        let paired = party_ids.contains(&a.id);
        let name = if paired {
            format!("{}@state", a.id)
        } else {
            a.id.clone()
        };
        if state_of.contains_key(&a.id) {
            rejected.push((
                index,
                name,
                one(
                    ErrorCode::InvalidValue,
                    "/id",
                    format!("Hai hồ sơ đánh giá của Nhà nước cùng mã `{}`", a.id),
                    format!("two state records share the id `{}`", a.id),
                ),
            ));
            continue;
        }
        match validate_with(a, validate).and_then(|v| evaluate_valid(&v, options)) {
            Ok(decision) => {
                slots[index] = Some(decision);
                state_of.insert(a.id.clone(), Ok(index));
            }
            Err(errors) => {
                state_of.insert(a.id.clone(), Err(errors.clone()));
                rejected.push((index, name, errors));
            }
        }
    }
    // 3. Party Excellent rates derived from the paired party records (nd90 with ND 48).
    // 4. The state quota.
    let state_indices: Vec<usize> = (0..slots.len()).filter(|&i| slots[i].is_some()).collect();
    let mut state_groups = Vec::new();
    let mut states: Vec<Decision> = match quota {
        Some(quota) => {
            let derived = derived_rates(&decoded, &slots, &state_of, options, quota);
            let mut states: Vec<Decision> = slots.iter_mut().filter_map(Option::take).collect();
            state_groups = apply_state_quota_with(&mut states, quota, &derived);
            states
        }
        None => slots.iter_mut().filter_map(Option::take).collect(),
    };
    let states = std::mem::take(&mut states);
    let mut state_by_id: HashMap<String, Decision> = HashMap::new();
    for (index, decision) in state_indices.into_iter().zip(states) {
        state_by_id.insert(decision.id.clone(), decision.clone());
        slots[index] = Some(decision);
    }
    // 5. The party records, reading their pair.
    for (index, assessment) in decoded.into_iter().enumerate() {
        let mut a = match assessment {
            Err((id, errors)) => {
                rejected.push((index, id, errors));
                continue;
            }
            Ok(a) if a.rating == Some(Rating::State) => continue,
            Ok(a) => a,
        };
        let pair = state_of
            .get(&a.id)
            .map(|r| r.as_ref().map(|_| state_by_id.get(&a.id)));
        match pair {
            None => {}
            Some(Ok(Some(state))) => {
                let computed = computed_state_rating(state);
                if let Some(errors) = a
                    .state_rating
                    .as_ref()
                    .and_then(|given| pair_conflict(given, &computed))
                {
                    rejected.push((index, a.id.clone(), errors));
                    continue;
                }
                a.state_rating = Some(computed);
                let employment = state.state.as_deref().and_then(|s| s.employment);
                match validate_with(&a, validate) {
                    Ok(mut valid) => {
                        if let Some(read) = valid.state_rating.as_mut() {
                            read.employment = employment;
                        }
                        match evaluate_valid(&valid, options) {
                            Ok(d) => slots[index] = Some(d),
                            Err(errors) => rejected.push((index, a.id.clone(), errors)),
                        }
                    }
                    Err(errors) => rejected.push((index, a.id.clone(), errors)),
                }
            }
            Some(_) => {
                // The pair's state record was rejected.
                match validate_with(&a, validate) {
                    Ok(valid) => {
                        if let Some(errors) = missing_state_pair(valid.regime, options) {
                            rejected.push((index, a.id.clone(), errors));
                            continue;
                        }
                        match evaluate_valid(&valid, options) {
                            Ok(mut d) => {
                                d.reasons.push(state_pair_rejected_reason());
                                slots[index] = Some(d);
                            }
                            Err(errors) => rejected.push((index, a.id.clone(), errors)),
                        }
                    }
                    Err(errors) => rejected.push((index, a.id.clone(), errors)),
                }
                continue;
            }
        }
        if slots[index].is_none() && !state_of.contains_key(&a.id) {
            match validate_with(&a, validate).and_then(|v| evaluate_valid(&v, options)) {
                Ok(d) => slots[index] = Some(d),
                Err(errors) => rejected.push((index, a.id.clone(), errors)),
            }
        }
    }
    let indices: Vec<usize> = (0..slots.len()).filter(|&i| slots[i].is_some()).collect();
    let mut decisions: Vec<Decision> = slots.into_iter().flatten().collect();
    // The party quota, then the findings on the final party levels.
    let groups = match quota {
        Some(quota) => apply_quota(&mut decisions, quota),
        None => Vec::new(),
    };
    for d in decisions.iter_mut().filter(|d| d.rating == Rating::Party) {
        if d.state_rating.is_some() {
            refresh_mismatch(d);
        }
    }
    PairedBatch {
        decisions,
        indices,
        rejected,
        groups,
        state_groups,
    }
}

/// Step 3: per agency of an `nd90` state record under ND 48 with no given rate, the
/// Excellent share of its paired party records (final levels after the party quota, the
/// state link ignored). No classified paired record: none (the party norm applies).
fn derived_rates(
    decoded: &[ReadRecord],
    slots: &[Option<Decision>],
    state_of: &HashMap<String, Result<usize, InputErrors>>,
    options: &Options,
    quota: &QuotaOptions,
) -> BTreeMap<String, (u32, u32)> {
    let agency_of = rate_agencies(slots.iter().flatten(), quota);
    if agency_of.is_empty() {
        return BTreeMap::new();
    }
    let validate = ValidateOptions::for_evaluation(options);
    let mut party: Vec<Decision> = Vec::new();
    for a in decoded.iter().flatten() {
        if a.rating == Some(Rating::State) || !matches!(state_of.get(&a.id), Some(Ok(_))) {
            continue;
        }
        if !agency_of.contains_key(a.id.as_str()) {
            continue;
        }
        let mut unlinked = a.clone();
        unlinked.state_rating = None;
        if let Ok(d) = validate_with(&unlinked, validate).and_then(|v| evaluate_valid(&v, options))
        {
            party.push(d);
        }
    }
    rates_from(party, &agency_of, quota)
}
