//! The front door: every entry point a front end calls (the command-line tool, the
//! Python and WASM bindings, the HTTP service), each taking the contract's types or
//! their JSON text and returning the contract's types or structured errors. A front end
//! converts its arguments, calls one of these and writes what it returns.

pub mod batch;
pub mod catalogues;
pub mod compare;
pub mod data;
pub mod evaluate;
pub mod forms;
pub mod long;
pub mod org;
pub mod pairs;
pub mod rows;
pub mod sheets;
pub mod state_party;
