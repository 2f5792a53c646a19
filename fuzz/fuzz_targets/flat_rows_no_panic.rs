//! flat-rows-no-panic: arbitrary bytes read as a sheet of flat rows (lines of cells
//! split at `,`; a cell that reads as a whole number is an integer cell, as a number a
//! number cell, `=…` a formula), evaluated by `evaluate_sheets` with and without the
//! quota. Nothing may panic; every rejected row has at least one error; the decisions
//! and rejected rows add up to the data rows at most.

#![no_main]

use cadre_eval::{evaluate_sheets, BatchOptions, QuotaOptions, SheetTable, SheetValue};
use libfuzzer_sys::fuzz_target;

fn cell(text: &str) -> SheetValue {
    if text.is_empty() {
        SheetValue::Empty
    } else if let Ok(whole) = text.parse::<i64>() {
        SheetValue::Integer(whole)
    } else if let Ok(number) = text.parse::<f64>() {
        SheetValue::Number(number)
    } else if text.starts_with('=') {
        SheetValue::Formula(text.to_owned())
    } else {
        SheetValue::Text(text.to_owned())
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let rows: Vec<Vec<SheetValue>> = text
        .lines()
        .map(|line| line.split(',').map(cell).collect())
        .collect();
    let data_rows = rows.len().saturating_sub(1);
    let table = SheetTable {
        name: "Hồ sơ".to_owned(),
        rows,
        ..SheetTable::default()
    };
    for quota in [None, Some(QuotaOptions::default())] {
        let options = BatchOptions {
            quota,
            ..BatchOptions::default()
        };
        let Ok(evaluated) = evaluate_sheets(std::slice::from_ref(&table), &options, 1) else {
            panic!("a worker stopped");
        };
        for rejected in &evaluated.tables.rejected {
            assert!(!rejected.errors.is_empty(), "a row rejected with no error");
        }
        assert!(evaluated.decisions.len() <= data_rows.max(1));
    }
});
