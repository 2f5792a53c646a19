//! decode-evaluate-no-panic: arbitrary bytes (as lossy UTF-8) go through
//! `decode_assessment`, then, when they decode, `evaluate` under every combination of
//! options, `Decision::to_record` and JSON serialization. Nothing may panic, and a
//! rejection must carry at least one error.

#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let assessment = match cadre_eval::decode_assessment(&text) {
        Ok(assessment) => assessment,
        Err(errors) => return common::check_errors(&errors),
    };
    for options in &common::ALL_OPTIONS {
        match cadre_eval::evaluate(&assessment, options) {
            Ok(decision) => common::check_decision(&decision),
            Err(errors) => common::check_errors(&errors),
        }
    }
});
