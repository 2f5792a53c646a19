//! Evaluation and quota options from their Python names (`"cascade"`, `"strict"`, …).

use cadre_eval::{Options, OrgOptions, PartyRate, QuotaOptions};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

/// Reads a contract enum from its JSON name, or says which names are allowed.
pub fn named<T: DeserializeOwned>(what: &str, text: &str, allowed: &str) -> PyResult<T> {
    T::deserialize(StrDeserializer::<ValueError>::new(text)).map_err(|_| {
        PyValueError::new_err(format!("{what} must be one of {allowed}, not {text:?}"))
    })
}

/// The evaluation options.
pub fn evaluation(reading: &str, basic_targets: &str) -> PyResult<Options> {
    Ok(Options {
        reading: named("reading", reading, "cascade, strict")?,
        basic_targets: named("basic_targets", basic_targets, "any, all")?,
        ..Options::default()
    })
}

/// The evaluation options with the state regimes' own (`spec/state-regimes.md`): how a
/// party record reads the state rating, how the annual mean is rounded, which values of
/// a leader's `d`, `đ`, `e` are accepted.
pub fn with_state(
    options: Options,
    state_cap: &str,
    rounding: &str,
    leader_components: &str,
) -> PyResult<Options> {
    Ok(Options {
        state_cap: named("state_cap", state_cap, "none, hd21")?,
        rounding: named("rounding", rounding, "two_decimals, one_decimal, integer")?,
        leader_components: named("leader_components", leader_components, "text, override")?,
        ..options
    })
}

/// The quota options.
pub fn quota(reading: &str, raised_ratio_groups: Vec<String>) -> PyResult<QuotaOptions> {
    Ok(QuotaOptions {
        reading: named("quota_reading", reading, "final_tally, proposed_good")?,
        raised_ratio_groups,
        ..QuotaOptions::default()
    })
}

/// The quota options with the state quota's own (`spec/state-regimes.md` §2.3): the
/// agencies recognised Excellent (25%), and ND 48's party Excellent rate per agency as
/// the JSON text of the contract's map (counts or a percent, read exactly by the core).
pub fn with_state_quota(
    quota: QuotaOptions,
    agency_recognised_excellent: Vec<String>,
    party_excellent_rate: Option<&str>,
) -> PyResult<QuotaOptions> {
    let party_excellent_rate = match party_excellent_rate {
        None => BTreeMap::new(),
        Some(text) => serde_json::from_str::<BTreeMap<String, PartyRate>>(text).map_err(|e| {
            PyValueError::new_err(format!(
                "party_excellent_rate maps an agency to {{\"excellent\": E, \"rated\": N}} \
                 or a percent: {e}"
            ))
        })?,
    };
    Ok(QuotaOptions {
        agency_recognised_excellent,
        party_excellent_rate,
        ..quota
    })
}

/// The options of an organisation tree: every decision kept.
pub fn org(
    reading: &str,
    basic_targets: &str,
    quota: bool,
    quota_reading: &str,
    raised_ratio_groups: Vec<String>,
) -> PyResult<OrgOptions> {
    Ok(OrgOptions {
        evaluation: evaluation(reading, basic_targets)?,
        quota: quota
            .then(|| self::quota(quota_reading, raised_ratio_groups))
            .transpose()?,
        keep_decisions: true,
        regime: None,
        grades_from_points: None,
    })
}

/// An organisation tree's options with the state options and the state quota's
/// (`spec/state-regimes.md`; the quota's only when the tree's quota is applied).
pub fn org_with_state(
    options: OrgOptions,
    state_cap: &str,
    rounding: &str,
    leader_components: &str,
    agency_recognised_excellent: Vec<String>,
    party_excellent_rate: Option<&str>,
) -> PyResult<OrgOptions> {
    Ok(OrgOptions {
        evaluation: with_state(options.evaluation, state_cap, rounding, leader_components)?,
        quota: options
            .quota
            .map(|quota| with_state_quota(quota, agency_recognised_excellent, party_excellent_rate))
            .transpose()?,
        ..options
    })
}
