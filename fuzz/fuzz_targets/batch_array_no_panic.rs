//! batch-array-no-panic: arbitrary bytes (as lossy UTF-8) evaluated as a JSON array by
//! `evaluate_json_array`. Nothing may panic; a rejected record's index is its
//! position in the array; every item renders and serializes.

#![no_main]

mod common;

use cadre_eval::Options;
use cadre_eval::{evaluate_json_array, BatchItem};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match evaluate_json_array(&text, &Options::default()) {
        Ok(items) => {
            for (position, item) in items.iter().enumerate() {
                if let BatchItem::Rejected(rejected) = item {
                    assert_eq!(
                        rejected.index, position,
                        "a rejected record's index is its position"
                    );
                }
                common::check_item(item);
            }
        }
        Err(errors) => common::check_errors(&errors),
    }
});
