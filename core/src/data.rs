//! The data files the library ships (`core/data/`: the conduct catalogue, the criteria
//! catalogues of QĐ 366's appendices and the illustrative criteria profiles).
//!
//! They are compiled in with the feature `embedded-data` (on by default). A front end
//! that must stay small builds without it and gives the same files once at run time as
//! one bundle ([`provide_shipped_data`]): the WASM module loads `cadre_eval_data.json`
//! beside itself, and the form's service worker keeps both for offline use
//! (`docs/performance.md`, "WASM"). Until the files are given, what needs them reports
//! that they are missing, as it would report a broken file.

use crate::contract::errors::{pointer_segment, ErrorCode, InputError, InputErrors};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The conduct catalogue's file name in the bundle.
pub const CONDUCT_CATALOGUE_FILE: &str = "conduct-catalogue.json";

/// Every file of a bundle, by its path under `core/data/`.
pub const SHIPPED_DATA_FILES: [&str; 12] = [
    CONDUCT_CATALOGUE_FILE,
    "criteria/catalogue-pl1.json",
    "criteria/catalogue-pl2.json",
    "criteria/catalogue-pl3.json",
    "criteria/catalogue-pl4.json",
    "criteria/catalogue-pl5.json",
    "criteria/profile-illustrative-pl1-even-state-administration.json",
    "criteria/profile-illustrative-pl2-even-post-group-11.json",
    "criteria/profile-illustrative-pl3-even.json",
    "criteria/profile-illustrative-pl4-even-state-administration.json",
    "criteria/profile-illustrative-pl5-even.json",
    "criteria/profile-illustrative-pl5-spec-example.json",
];

/// The files compiled in, in the order of [`SHIPPED_DATA_FILES`]. A `static`: a `const`
/// would be copied into each function that reads it.
#[cfg(feature = "embedded-data")]
static EMBEDDED: [&str; 12] = [
    include_str!("../data/conduct-catalogue.json"),
    include_str!("../data/criteria/catalogue-pl1.json"),
    include_str!("../data/criteria/catalogue-pl2.json"),
    include_str!("../data/criteria/catalogue-pl3.json"),
    include_str!("../data/criteria/catalogue-pl4.json"),
    include_str!("../data/criteria/catalogue-pl5.json"),
    include_str!("../data/criteria/profile-illustrative-pl1-even-state-administration.json"),
    include_str!("../data/criteria/profile-illustrative-pl2-even-post-group-11.json"),
    include_str!("../data/criteria/profile-illustrative-pl3-even.json"),
    include_str!("../data/criteria/profile-illustrative-pl4-even-state-administration.json"),
    include_str!("../data/criteria/profile-illustrative-pl5-even.json"),
    include_str!("../data/criteria/profile-illustrative-pl5-spec-example.json"),
];

/// The files given at run time, when they were.
static PROVIDED: OnceLock<BTreeMap<String, String>> = OnceLock::new();

/// The text of a shipped file: as given at run time, else as compiled in; `None` when
/// neither (a build without `embedded-data` before [`provide_shipped_data`]).
pub fn shipped_file(name: &str) -> Option<&'static str> {
    if let Some(files) = PROVIDED.get() {
        return files.get(name).map(String::as_str);
    }
    embedded(name)
}

#[cfg(feature = "embedded-data")]
fn embedded(name: &str) -> Option<&'static str> {
    let index = SHIPPED_DATA_FILES.iter().position(|file| *file == name)?;
    EMBEDDED.get(index).copied()
}

#[cfg(not(feature = "embedded-data"))]
fn embedded(_name: &str) -> Option<&'static str> {
    None
}

/// The bundle of the compiled-in files (`api::data::shipped_data_bundle`).
#[cfg(feature = "embedded-data")]
pub fn shipped_data_bundle() -> String {
    let files: BTreeMap<&str, &str> = SHIPPED_DATA_FILES
        .iter()
        .copied()
        .zip(EMBEDDED.iter().copied())
        .collect();
    // A map of strings always serializes.
    serde_json::to_string(&files).unwrap_or_default()
}

/// Reads a bundle: a JSON object with exactly the files of [`SHIPPED_DATA_FILES`], each
/// a string.
fn read_bundle(bundle: &str) -> Result<BTreeMap<String, String>, InputErrors> {
    let files: BTreeMap<String, String> = serde_json::from_str(bundle)
        .map_err(|error| InputErrors::one(InputError::invalid_json("", &error)))?;
    let mut errors = Vec::new();
    for name in SHIPPED_DATA_FILES {
        if !files.contains_key(name) {
            let path = format!("/{}", pointer_segment(name));
            errors.push(InputError::new(
                ErrorCode::MissingField,
                path,
                format!("Thiếu tệp dữ liệu `{name}`"),
                format!("the data file `{name}` is missing"),
            ));
        }
    }
    for name in files
        .keys()
        .filter(|n| !SHIPPED_DATA_FILES.contains(&n.as_str()))
    {
        let path = format!("/{}", pointer_segment(name));
        errors.push(InputError::new(
            ErrorCode::UnknownField,
            path,
            format!("`{name}` không phải tệp dữ liệu của thư viện"),
            format!("`{name}` is not one of the library's data files"),
        ));
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(InputErrors(errors))
    }
}

/// Keeps the files of a bundle, once (`api::data::provide_shipped_data`).
pub fn provide_shipped_data(bundle: &str) -> Result<(), InputErrors> {
    let files = read_bundle(bundle)?;
    let given = PROVIDED.get_or_init(|| files.clone());
    if *given == files {
        Ok(())
    } else {
        Err(InputErrors::one(InputError::new(
            ErrorCode::InvalidValue,
            "",
            "Dữ liệu của thư viện đã được nạp, với nội dung khác",
            "the library's data files were already given, with other contents",
        )))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;

    #[cfg(feature = "embedded-data")]
    #[test]
    fn the_bundle_holds_every_file_as_shipped_and_reads_back() {
        let files = read_bundle(&shipped_data_bundle()).unwrap();
        assert_eq!(files.len(), SHIPPED_DATA_FILES.len());
        for name in SHIPPED_DATA_FILES {
            assert_eq!(files[name], embedded(name).unwrap(), "{name}");
        }
        assert!(files[CONDUCT_CATALOGUE_FILE].contains("\"items\""));
    }

    #[test]
    fn a_bundle_without_a_file_or_with_another_is_refused_naming_them() {
        let mut files: BTreeMap<String, String> = SHIPPED_DATA_FILES
            .iter()
            .map(|name| ((*name).to_owned(), "{}".to_owned()))
            .collect();
        files.remove("criteria/catalogue-pl3.json");
        files.insert("extra.json".to_owned(), "{}".to_owned());
        let errors = read_bundle(&serde_json::to_string(&files).unwrap()).unwrap_err();
        let found: Vec<(ErrorCode, &str)> =
            errors.0.iter().map(|e| (e.code, e.path.as_str())).collect();
        assert_eq!(
            found,
            [
                (ErrorCode::MissingField, "/criteria~1catalogue-pl3.json"),
                (ErrorCode::UnknownField, "/extra.json"),
            ]
        );
        assert_eq!(
            read_bundle("[1]").unwrap_err().0[0].code,
            ErrorCode::InvalidJson
        );
    }
}
