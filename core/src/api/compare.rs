//! Comparisons of regimes: one record (typed, as JSON text, or levels only without
//! text), every record of a JSON array, or an organisation tree.

pub use crate::analysis::compare::{
    compare, compare_json, compare_levels, pair_tallies, LevelComparison, LevelResult, PairTally,
};
pub use crate::analysis::compare_org::compare_org;
pub use crate::api::state_party::compare_state_party;
use crate::contract::batch::RejectedRecord;
use crate::contract::compare::{CompareOptions, Comparison};
use crate::contract::errors::InputErrors;
use crate::intake::batch::{batch_records, salvage_id, BatchText};

/// Compares every record of JSON text — a JSON array of assessments, or one assessment
/// object — under the regimes of `options`: each record's comparison, or its rejection
/// (index, the `id` when it can be read, every error). Fails as a whole only when the
/// text is neither, or holds more than `MAX_BATCH_RECORDS` records.
pub fn compare_json_records(
    json: &str,
    options: &CompareOptions,
) -> Result<Vec<Result<Comparison, RejectedRecord>>, InputErrors> {
    Ok(batch_records(json, BatchText::ArrayOrRecord)?
        .into_iter()
        .enumerate()
        .map(|(index, record)| {
            compare_json(record, options).map_err(|errors| RejectedRecord {
                index,
                id: salvage_id(record),
                errors: errors.0,
            })
        })
        .collect())
}
