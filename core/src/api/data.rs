//! The library's data files at run time (`data`): a front end built without
//! `embedded-data` gives them once as one bundle; a build with them writes that bundle.

use crate::contract::errors::InputErrors;
use crate::data;

/// Gives the shipped data files at run time, once: `bundle` is the JSON object that
/// [`shipped_data_bundle`] writes (each file's path under `core/data/` to its text).
/// The files are read when first used, as compiled-in ones are. A second call with the
/// same files is accepted; with other files it is refused (what was read from the
/// first stays in use).
pub fn provide_shipped_data(bundle: &str) -> Result<(), InputErrors> {
    data::provide_shipped_data(bundle)
}

/// The bundle of the compiled-in files: a JSON object from each file's path under
/// `core/data/` to its text, exactly as shipped. What [`provide_shipped_data`] reads.
#[cfg(feature = "embedded-data")]
pub fn shipped_data_bundle() -> String {
    data::shipped_data_bundle()
}
