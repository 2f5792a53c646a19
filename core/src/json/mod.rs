//! Reading JSON with every problem located: unknown fields by JSON Pointer, structural
//! errors at their path, syntax told from data, and records only as objects.
//!
//! | file | job |
//! |---|---|
//! | `read` | the shared reader: unknown fields, structural errors, the quiet fast path |
//! | `objects_only` | a deserializer wrapper that refuses a record written as an array |

pub mod objects_only;
pub mod read;
