//! Spreadsheets for `evaluate` and `org`: which sheets of a file to read, the rows the
//! core rejected (each error at its cell) on stderr, and the results written to a file
//! for people. The files are read and written by `cadre-eval-sheets`; every decision
//! and figure is the core's.

use crate::args::{Lang, OutputFormat};
use crate::Failure;
use cadre_eval::{records_sheets, LocatedError, RejectedRow, ResultTables, SheetTable};
use cadre_eval_sheets::{
    read_file, write_decisions_csv, write_results, FileFormat, SheetFileError,
};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Whether the input is a spreadsheet (by its extension).
pub fn is_spreadsheet(input: &Path) -> bool {
    FileFormat::of(input).is_some()
}

/// Every sheet of the file.
pub fn read_sheets(input: &Path) -> Result<Vec<SheetTable>, Failure> {
    read_file(input).map_err(Failure::Sheets)
}

/// The records sheets: those named, each of which must exist, or all but the
/// instructions, lists and units.
pub fn records(tables: Vec<SheetTable>, named: &[String]) -> Result<Vec<SheetTable>, Failure> {
    if named.is_empty() {
        let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        let keep: Vec<String> = records_sheets(&names)
            .into_iter()
            .map(str::to_owned)
            .collect();
        return Ok(tables
            .into_iter()
            .filter(|t| keep.contains(&t.name))
            .collect());
    }
    if let Some(missing) = named
        .iter()
        .find(|name| !tables.iter().any(|t| &t.name == *name))
    {
        let known: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        return Err(Failure::Sheets(SheetFileError::NoSuchSheet {
            name: missing.clone(),
            known: known.join(", "),
        }));
    }
    Ok(tables
        .into_iter()
        .filter(|t| named.contains(&t.name))
        .collect())
}

/// The rows the core rejected, on stderr: one JSON object per row, or readable lines.
pub fn report_rejected(rejected: &[RejectedRow], format: OutputFormat, lang: Lang) {
    let mut text = String::new();
    for row in rejected {
        match format {
            // Serializing strings and numbers cannot fail; should it, the row still shows.
            OutputFormat::Json => {
                text.push_str(
                    &serde_json::to_string(row)
                        .unwrap_or_else(|_| format!("{{\"row\":{:?}}}", row.row)),
                );
                text.push('\n');
            }
            OutputFormat::Table => {
                for error in &row.errors {
                    text.push_str(&readable(row, error, lang));
                    text.push('\n');
                }
            }
        }
    }
    // Nothing can be done if stderr is closed; the exit code still says 1.
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// `Hồ sơ!H12 (Số nhiệm vụ vượt mức), hồ sơ dv-3: invalid_type tại /tasks/exceeded: …`.
fn readable(row: &RejectedRow, error: &LocatedError, lang: Lang) -> String {
    let mut place = error
        .cell_reference()
        .or_else(|| row.index.map(|index| format!("#{index}")))
        .unwrap_or_else(|| lang.pick("(cả tệp)", "(whole file)").to_owned());
    if let Some(header) = &error.header {
        place.push_str(&format!(" ({header})"));
    }
    if let Some(id) = &row.id {
        place.push_str(&format!(", {} {id}", lang.pick("hồ sơ", "record")));
    }
    let path = if error.path.is_empty() {
        "/"
    } else {
        error.path.as_str()
    };
    format!(
        "{place}: {} {} {path}: {}",
        error.code,
        lang.pick("tại", "at"),
        lang.pick(&error.message.vi, &error.message.en)
    )
}

/// Writes the results to `path`: a workbook (`.xlsx`) or the decisions as CSV (`.csv`).
pub fn write_output(tables: &ResultTables, path: &Path) -> Result<(), Failure> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("xlsx") => write_results(tables, path).map_err(Failure::Sheets),
        Some("csv") => {
            let file = File::create(path).map_err(Failure::Output)?;
            let mut out = BufWriter::new(file);
            write_decisions_csv(tables, &mut out).map_err(Failure::Output)?;
            out.flush().map_err(Failure::Output)
        }
        _ => Err(Failure::Usage(format!(
            "--output {}: the results are written as .xlsx or .csv",
            path.display()
        ))),
    }
}
