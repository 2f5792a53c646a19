//! Checks shared by the fuzz targets. A failed check panics on purpose: to libFuzzer a
//! panic is a crash, and it saves the input that caused it.

#![expect(dead_code, reason = "each target uses a subset of these checks")]

use cadre_eval::{BatchItem, RejectedRecord};
use cadre_eval::{Decision, InputErrors, Options, Reading, TargetsReading};
use cadre_eval::{LeaderComponents, Rounding, StateCap};

/// Every combination of the two readings the options offer.
pub const ALL_OPTIONS: [Options; 4] = [
    Options {
        reading: Reading::Cascade,
        basic_targets: TargetsReading::Any,
        state_cap: StateCap::None,
        rounding: Rounding::TwoDecimals,
        leader_components: LeaderComponents::Text,
    },
    Options {
        reading: Reading::Cascade,
        basic_targets: TargetsReading::All,
        state_cap: StateCap::None,
        rounding: Rounding::TwoDecimals,
        leader_components: LeaderComponents::Text,
    },
    Options {
        reading: Reading::Strict,
        basic_targets: TargetsReading::Any,
        state_cap: StateCap::None,
        rounding: Rounding::TwoDecimals,
        leader_components: LeaderComponents::Text,
    },
    Options {
        reading: Reading::Strict,
        basic_targets: TargetsReading::All,
        state_cap: StateCap::None,
        rounding: Rounding::TwoDecimals,
        leader_components: LeaderComponents::Text,
    },
];

/// A decision renders as the contract's record, and the record serializes to JSON.
pub fn check_decision(decision: &Decision) {
    let record = decision.to_record();
    if let Err(error) = serde_json::to_string(&record) {
        panic!("a decision record failed to serialize: {error}");
    }
}

/// A rejection explains itself: at least one error, and the errors serialize to JSON.
pub fn check_errors(errors: &InputErrors) {
    assert!(!errors.0.is_empty(), "an input was rejected with no error");
    if let Err(error) = serde_json::to_string(errors) {
        panic!("input errors failed to serialize: {error}");
    }
}

/// A rejected batch record carries at least one error and serializes to JSON.
pub fn check_rejected(rejected: &RejectedRecord) {
    assert!(
        !rejected.errors.is_empty(),
        "record {} was rejected with no error",
        rejected.index
    );
    if let Err(error) = serde_json::to_string(rejected) {
        panic!("a rejected record failed to serialize: {error}");
    }
}

/// Checks one batch item, whichever kind it is.
pub fn check_item(item: &BatchItem) {
    match item {
        BatchItem::Decision(decision) => check_decision(decision),
        BatchItem::Rejected(rejected) => check_rejected(rejected),
    }
}
