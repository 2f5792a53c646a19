//! compare-no-panic: arbitrary bytes (as lossy UTF-8) compared under every regime by
//! `compare::compare_json`, without and with the points-to-grades mapping. Nothing may
//! panic; each regime gives a decision or at least one error, never both; the
//! comparison serializes.

#![no_main]

mod common;

use cadre_eval::{compare_json, CompareOptions, GradeMapping};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for mapping in [None, Some(GradeMapping::ScoreShares)] {
        let options = CompareOptions {
            grades_from_points: mapping,
            ..CompareOptions::default()
        };
        match compare_json(&text, &options) {
            Ok(comparison) => {
                assert_eq!(comparison.results.len(), options.regimes.len());
                assert_eq!(comparison.levels.len(), options.regimes.len());
                for result in &comparison.results {
                    assert!(
                        result.decision.is_some() != !result.errors.is_empty(),
                        "a regime gives a decision or errors, not both"
                    );
                }
                assert!(
                    serde_json::to_string(&comparison).is_ok(),
                    "a comparison must serialize"
                );
            }
            Err(errors) => common::check_errors(&errors),
        }
    }
});
