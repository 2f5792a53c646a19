//! Documented size limits, so that a browser form or a server cannot be made to hang.
//!
//! | limit | value |
//! |---|---|
//! | one record, as JSON text | 64 KiB (a state record with product lists: 256 KiB) |
//! | products in one period of a state record | 500, each weight at most 1,000,000 |
//! | records in one batch (a JSON array) | 1,000,000 |
//! | Excellent candidates in one JSON Lines stream with the quota | 10,000,000 |
//! | one batch as a JSON array, in bytes | 256 MiB |
//! | one JSON Lines line | 64 KiB (the record limit) |
//! | strings (`id`, `quota_group`, `member_id`, unit names) | 256 characters |
//! | discipline records in one assessment | 100 |
//! | graded criteria (`grades.criteria`, QĐ 124 and QĐ 132) | 32, ids of 64 characters |
//! | any task or vote count | 1,000,000 |
//! | JSON nesting | 128 levels (serde_json's own limit) |
//! | a criteria profile | 1,000 items, 1 MiB of JSON text; labels, issuer, reasons 1,000 characters |
//! | an organisation tree | 32 levels deep; 256 MiB nested, or 16 MiB per JSON Lines unit |

/// Largest record, in bytes of JSON text.
pub const MAX_RECORD_BYTES: usize = 64 * 1024;
/// Largest state record (`"rating": "state"`, with its product lists), in bytes of JSON
/// text.
pub const MAX_STATE_RECORD_BYTES: usize = 256 * 1024;
/// Most products in one period of a state record.
pub const MAX_PRODUCTS: usize = 500;
/// Largest converted weight of one product.
pub const MAX_PRODUCT_WEIGHT: i64 = 1_000_000;
/// Largest batch given as one JSON array.
pub const MAX_BATCH_RECORDS: usize = 1_000_000;
/// Largest batch given as one JSON array (or read whole), in bytes of JSON text: a
/// reader stops there and says so; JSON Lines streams beyond it.
pub const MAX_BATCH_BYTES: usize = 256 * 1024 * 1024;
/// Most Excellent candidates in one JSON Lines stream evaluated with the quota: what the
/// quota keeps of each (about 80 bytes and its id) is the stream's only memory that
/// grows with its length; other records keep nothing.
pub const MAX_STREAM_QUOTA_CANDIDATES: usize = 10_000_000;
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
/// Most items in one criteria profile.
pub const MAX_PROFILE_ITEMS: usize = 1000;
/// Largest criteria profile document, in bytes of JSON text.
pub const MAX_PROFILE_BYTES: usize = 1024 * 1024;
/// Longest label, issuer or reason of a criteria profile, in characters (ids and
/// versions: [`MAX_STRING_CHARS`]).
pub const MAX_TEXT_CHARS: usize = 1000;
/// Deepest organisation tree accepted.
pub const MAX_DEPTH: u32 = 32;
/// Largest nested organisation tree, in bytes of JSON text.
pub const MAX_TREE_BYTES: usize = 256 * 1024 * 1024;
/// Party members an organisation tree keeps, once evaluated, in case the state record
/// with the same id comes later in the input (the pair is then linked as if the state
/// record had come first): the most recent ones are kept, a few hundred bytes each. A
/// state record that comes after more party members than this behind its pair is a
/// `conflict` naming this limit (`docs/organisation-trees.md`).
pub const MAX_PARTY_AWAITING_STATE: usize = 10_000;
/// Largest unit line of JSON Lines, in bytes.
pub const MAX_UNIT_LINE_BYTES: usize = 16 * 1024 * 1024;
