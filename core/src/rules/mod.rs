//! The rule catalogue (every rule under its spec id, with citation, basis, regime and
//! topic) and reasons, the compact record of what a rule found.

pub mod catalogue;
pub mod reason;
