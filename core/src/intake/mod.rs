//! From input to a validated record: JSON read with every problem located, flat rows of
//! a table, and validation into the exact model every regime evaluates.

pub mod decode;
pub mod flat;
pub mod json;
pub mod model;
pub mod validate;
