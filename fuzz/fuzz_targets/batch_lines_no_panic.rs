//! batch-lines-no-panic: arbitrary bytes (as lossy UTF-8) evaluated as JSON Lines by
//! `evaluate_json_lines`. Nothing may panic; there is one item per non-blank
//! line, in input order; every item renders and serializes.

#![no_main]

mod common;

use cadre_eval::Options;
use cadre_eval::{evaluate_json_lines, BatchItem};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let items = evaluate_json_lines(&text, &Options::default());
    let records = text.lines().filter(|line| !line.trim().is_empty()).count();
    assert_eq!(items.len(), records, "one batch item per non-blank line");
    let mut previous_index = None;
    for item in &items {
        if let BatchItem::Rejected(rejected) = item {
            assert!(
                previous_index < Some(rejected.index),
                "rejected records are in input order"
            );
            previous_index = Some(rejected.index);
        }
        common::check_item(item);
    }
});
