//! Documented size limits, so that a browser form or a server cannot be made to hang.
//!
//! | limit | value |
//! |---|---|
//! | one record, as JSON text | 64 KiB |
//! | records in one batch (a JSON array) | 1,000,000 |
//! | one JSON Lines line | 64 KiB (the record limit) |
//! | strings (`id`, `quota_group`, `member_id`, unit names) | 256 characters |
//! | discipline records in one assessment | 100 |
//! | graded criteria (`grades.criteria`, QĐ 124 and QĐ 132) | 32, ids of 64 characters |
//! | any task or vote count | 1,000,000 |
//! | JSON nesting | 128 levels (serde_json's own limit) |

/// Largest record, in bytes of JSON text.
pub const MAX_RECORD_BYTES: usize = 64 * 1024;
/// Largest batch given as one JSON array.
pub const MAX_BATCH_RECORDS: usize = 1_000_000;
/// Longest string field, in characters.
pub const MAX_STRING_CHARS: usize = 256;
/// Most discipline records in one assessment.
pub const MAX_DISCIPLINE_RECORDS: usize = 100;
/// Largest count (tasks, votes, units).
pub const MAX_COUNT: u32 = 1_000_000;
/// Most graded criteria in one assessment (QĐ 124, QĐ 132).
pub const MAX_GRADED_CRITERIA: usize = 32;
/// Longest criterion id in `grades.criteria`, in characters.
pub const MAX_CRITERION_ID_CHARS: usize = 64;
