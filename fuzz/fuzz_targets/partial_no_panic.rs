//! partial-no-panic: arbitrary bytes (as lossy UTF-8) read as a form still being filled
//! in (`evaluate_partial_json`) under every option combination. Nothing may panic; a
//! rejection has at least one error; a result serializes.

#![no_main]

mod common;

use cadre_eval::evaluate_partial_json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for options in &common::ALL_OPTIONS {
        match evaluate_partial_json(&text, options) {
            Ok(result) => assert!(
                serde_json::to_string(&result).is_ok(),
                "a partial result must serialize"
            ),
            Err(errors) => common::check_errors(&errors),
        }
    }
});
