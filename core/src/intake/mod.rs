//! From input to a validated record: a record or a batch read from JSON with every
//! problem located, flat rows of a table, and validation into the exact model every
//! regime evaluates (`model`).

pub mod batch;
pub mod columns;
pub mod decode;
pub mod flat;
pub mod long;
pub mod sheet;
pub mod validate;
