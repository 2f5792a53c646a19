//! The contract: every type that crosses a boundary as data (JSON, Python, JavaScript),
//! with its JSON Schema. Nothing here decides anything; `spec/contract.md` is the
//! normative description, `docs/schema/` the published schemas.

pub mod assessment;
pub mod batch;
pub mod catalogues;
pub mod change;
pub mod choices;
pub mod compare;
pub mod compare_org;
pub mod conduct;
pub mod conduct_catalogue;
pub mod criteria;
pub mod date;
pub mod decision;
pub mod errors;
pub mod fields;
pub mod form;
pub mod json_syntax;
pub mod level;
pub mod limits;
pub mod org;
pub mod partial;
pub mod quota;
pub mod regime;
pub mod results;
pub mod schema;
pub mod sheet;
pub mod state;
pub mod state_options;
pub mod subject;
pub mod text;
pub mod topic;
