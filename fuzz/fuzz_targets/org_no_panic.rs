//! org-no-panic: arbitrary bytes (as lossy UTF-8) read as an organisation tree, nested
//! (`evaluate_tree_json`) and as JSON Lines of units (`evaluate_unit_lines`). Nothing
//! may panic; a rejected tree has at least one error; every rejection in a report has
//! at least one error; the report serializes; the JSON Lines result is the same with
//! its lines reversed (issue 16: one result for any line order).

#![no_main]

mod common;

use cadre_eval::{evaluate_tree_json, evaluate_unit_lines, OrgOptions, OrgResult};
use libfuzzer_sys::fuzz_target;

fn check(result: &OrgResult) {
    for rejected in &result.report.rejected {
        assert!(!rejected.errors.is_empty(), "a unit rejected with no error");
    }
    assert!(
        serde_json::to_string(&result.report).is_ok(),
        "the report must serialize"
    );
}

/// Units and rejections by content, lines left out.
fn canonical(result: &OrgResult) -> (Vec<String>, Vec<String>) {
    let mut units: Vec<String> = result
        .report
        .units
        .iter()
        .map(|u| format!("{u:?}"))
        .collect();
    units.sort();
    let mut rejected: Vec<String> = result
        .report
        .rejected
        .iter()
        .map(|r| format!("{:?} {:?} {:?}", r.unit, r.id, r.errors))
        .collect();
    rejected.sort();
    (units, rejected)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match evaluate_tree_json(&text, OrgOptions::default()) {
        Ok(result) => check(&result),
        Err(errors) => common::check_errors(&errors),
    }
    let lines = evaluate_unit_lines(&text, OrgOptions::default());
    check(&lines);
    let reversed: Vec<&str> = text.lines().rev().collect();
    let backward = evaluate_unit_lines(&reversed.join("\n"), OrgOptions::default());
    // Duplicate unit ids keep the first line's unit: only trees without them compare.
    let mut ids: Vec<&String> = lines.report.units.iter().map(|u| &u.id).collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    if ids.len() == count && lines.report.rejected.iter().all(|r| r.unit.is_some()) {
        assert_eq!(
            canonical(&lines).0,
            canonical(&backward).0,
            "units depend on line order"
        );
    }
});
