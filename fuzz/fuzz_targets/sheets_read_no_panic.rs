//! sheets-read-no-panic: the spreadsheet reader (`cadre_eval_sheets::read_bytes`) on
//! arbitrary bytes named as each format it reads (xlsx, ods, xls, xlsb, CSV), and on
//! structure-aware workbooks: records-sheet cells built from the input (the core's
//! column headers, numbers, text, formulas, booleans) written by rust_xlsxwriter, read
//! back, then the same archive with bytes of it overwritten. Nothing may panic; a
//! workbook rust_xlsxwriter wrote is read, with rows when cells were written; an error
//! says what it is; whatever is read goes through `evaluate_sheets`, whose rejected
//! rows each carry an error.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use cadre_eval::{column_info, evaluate_sheets, BatchOptions, Column, QuotaOptions, SheetTable};
use cadre_eval_sheets::{read_bytes, SheetFileError};
use libfuzzer_sys::fuzz_target;
use rust_xlsxwriter::{Formula, Workbook};
use std::path::Path;

/// A cell as the fuzzer writes it.
#[derive(Arbitrary, Debug)]
enum Value {
    Number(i32),
    Whole(u16),
    Text(String),
    Choice(u8),
    Formula(u8),
    Bool(bool),
}

/// Values the columns read, so that rows reach the rules.
const CHOICES: [&str; 12] = [
    "member",
    "leader",
    "collective",
    "2025",
    "2024",
    "true",
    "false",
    "Có",
    "Không",
    "warning",
    "2025-12-15",
    "27,5",
];

#[derive(Arbitrary, Debug)]
struct Sheet {
    /// Indices into the core's columns: the header row.
    headers: Vec<u8>,
    /// (row, column, value) below the headers.
    cells: Vec<(u8, u8, Value)>,
    /// Bytes of the written archive overwritten: (offset, byte).
    patches: Vec<(u32, u8)>,
}

/// A rejection explains itself.
fn check_error(error: &SheetFileError) {
    assert!(!error.to_string().is_empty(), "an empty error");
}

/// What is read goes through the evaluation, with and without the quota.
fn evaluate(tables: &[SheetTable]) {
    for quota in [None, Some(QuotaOptions::default())] {
        let options = BatchOptions {
            quota,
            ..BatchOptions::default()
        };
        let Ok(evaluated) = evaluate_sheets(tables, &options, 1) else {
            panic!("a worker stopped");
        };
        for rejected in &evaluated.tables.rejected {
            assert!(!rejected.errors.is_empty(), "a row rejected with no error");
        }
    }
}

fn read(name: &str, bytes: &[u8]) {
    match read_bytes(Path::new(name), bytes) {
        Ok(tables) => evaluate(&tables),
        Err(error) => check_error(&error),
    }
}

fn structured(data: &[u8]) {
    let Ok(sheet) = Sheet::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let mut workbook = Workbook::new();
    let worksheet = workbook.add_worksheet();
    let Ok(worksheet) = worksheet.set_name("Hồ sơ") else {
        return;
    };
    let mut written = 0;
    for (at, index) in sheet.headers.iter().take(40).enumerate() {
        let column = Column::ALL[usize::from(*index) % Column::ALL.len()];
        let header = column_info(column).vi;
        if worksheet.write_string(0, at as u16, header).is_ok() {
            written += 1;
        }
    }
    let width = sheet.headers.len().clamp(1, 40) as u16;
    for (row, column, value) in sheet.cells.iter().take(200) {
        let (row, column) = (1 + u32::from(*row % 32), u16::from(*column) % width);
        let result = match value {
            Value::Number(n) => worksheet.write_number(row, column, f64::from(*n) / 100.0),
            Value::Whole(n) => worksheet.write_number(row, column, f64::from(*n)),
            // An empty text may be written as no cell: it is not counted.
            Value::Text(text) => {
                let text: String = text.chars().take(300).collect();
                let result = worksheet.write_string(row, column, &text);
                if text.is_empty() {
                    continue;
                }
                result
            }
            Value::Choice(i) => {
                worksheet.write_string(row, column, CHOICES[usize::from(*i) % CHOICES.len()])
            }
            Value::Formula(i) => {
                worksheet.write_formula(row, column, Formula::new(format!("={i}+1")))
            }
            Value::Bool(flag) => worksheet.write_boolean(row, column, *flag),
        };
        if result.is_ok() {
            written += 1;
        }
    }
    let Ok(bytes) = workbook.save_to_buffer() else {
        return;
    };
    let tables = match read_bytes(Path::new("fuzz.xlsx"), &bytes) {
        Ok(tables) => tables,
        Err(error) => panic!("a workbook rust_xlsxwriter wrote was not read: {error}"),
    };
    assert_eq!(tables.len(), 1, "one sheet written");
    if written > 0 {
        assert!(!tables[0].rows.is_empty(), "cells written, none read");
    }
    evaluate(&tables);
    if sheet.patches.is_empty() {
        return;
    }
    let mut patched = bytes;
    for (offset, byte) in sheet.patches.iter().take(16) {
        let at = *offset as usize % patched.len();
        patched[at] = *byte;
    }
    read("fuzz.xlsx", &patched);
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    match selector % 8 {
        0 => read("fuzz.xlsx", rest),
        1 => read("fuzz.ods", rest),
        2 => read("fuzz.xls", rest),
        3 => read("fuzz.xlsb", rest),
        4 | 5 => read("fuzz.csv", rest),
        _ => structured(rest),
    }
});
