//! Reading: a workbook (calamine) or a CSV file (csv) into the core's sheet tables, each
//! cell as the file holds it. A formula is handed over as a formula (its last computed
//! value is not read), a merged range as a range; the core decides what is an error.

use crate::SheetFileError;
use cadre_eval::{default_records_sheet, MergedRange, SheetTable, SheetValue};
use calamine::{open_workbook_auto, Data, Dimensions, Range, Reader, Sheets};
use chrono::{NaiveDate, NaiveDateTime};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

/// The formats read, by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// A workbook: xlsx, xlsm, xlsb, xls (Excel) or ods (LibreOffice, OpenDocument).
    Workbook,
    /// CSV: `,`, `;` or tab between fields; UTF-8 with or without a byte-order mark.
    Csv,
}

impl FileFormat {
    /// The format a file's name says, if it is one of those read.
    pub fn of(path: &Path) -> Option<FileFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Some(FileFormat::Workbook),
            "csv" => Some(FileFormat::Csv),
            _ => None,
        }
    }
}

/// Every sheet of the file, in the workbook's order (a CSV file is one sheet named
/// after its records sheet).
pub fn read_file(path: &Path) -> Result<Vec<SheetTable>, SheetFileError> {
    match FileFormat::of(path) {
        Some(FileFormat::Workbook) => read_workbook(path),
        Some(FileFormat::Csv) => read_csv(path).map(|table| vec![table]),
        None => Err(SheetFileError::UnknownFormat {
            path: path.to_path_buf(),
        }),
    }
}

fn workbook_error(path: &Path, detail: impl ToString) -> SheetFileError {
    SheetFileError::Workbook {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}

fn read_workbook(path: &Path) -> Result<Vec<SheetTable>, SheetFileError> {
    let mut workbook = open_workbook_auto(path).map_err(|e| workbook_error(path, e))?;
    let names = workbook.sheet_names();
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        let values = workbook
            .worksheet_range(&name)
            .map_err(|e| workbook_error(path, e))?;
        // A format without formulas (or a sheet without any) reads as none.
        let formulas = workbook.worksheet_formula(&name).unwrap_or_default();
        let merged = merged_ranges(&mut workbook, &name);
        tables.push(table(name, &values, &formulas, merged));
    }
    Ok(tables)
}

/// The merged ranges of a sheet, where the format tells them (xlsx, xls).
fn merged_ranges(workbook: &mut Sheets<BufReader<File>>, name: &str) -> Vec<MergedRange> {
    let dimensions: Vec<Dimensions> = match workbook {
        Sheets::Xlsx(xlsx) => xlsx
            .worksheet_merge_cells(name)
            .and_then(Result::ok)
            .unwrap_or_default(),
        Sheets::Xls(xls) => xls.worksheet_merge_cells(name).unwrap_or_default(),
        Sheets::Xlsb(_) | Sheets::Ods(_) => Vec::new(),
    };
    dimensions
        .into_iter()
        .map(|d| MergedRange {
            first_row: d.start.0,
            first_column: d.start.1,
            last_row: d.end.0,
            last_column: d.end.1,
        })
        .collect()
}

fn table(
    name: String,
    values: &Range<Data>,
    formulas: &Range<String>,
    merged: Vec<MergedRange>,
) -> SheetTable {
    let Some((first_row, first_column)) = values.start().or_else(|| formulas.start()) else {
        return SheetTable {
            name,
            merged,
            ..SheetTable::default()
        };
    };
    let (first_row, first_column) = (
        first_row.min(formulas.start().map_or(first_row, |s| s.0)),
        first_column.min(formulas.start().map_or(first_column, |s| s.1)),
    );
    let last = |range_end: Option<(u32, u32)>, (row, column): (u32, u32)| {
        range_end.map_or((row, column), |(r, c)| (row.max(r), column.max(c)))
    };
    let (last_row, last_column) = last(
        formulas.end(),
        values.end().unwrap_or((first_row, first_column)),
    );
    let rows = (first_row..=last_row)
        .map(|row| {
            (first_column..=last_column)
                .map(
                    |column| match formulas.get_value((row, column)).filter(|f| !f.is_empty()) {
                        Some(formula) => SheetValue::Formula(format!("={formula}")),
                        None => values
                            .get_value((row, column))
                            .map_or(SheetValue::Empty, value),
                    },
                )
                .collect()
        })
        .collect();
    SheetTable {
        name,
        first_row,
        first_column,
        rows,
        merged,
    }
}

/// A workbook cell as the core reads it.
fn value(data: &Data) -> SheetValue {
    match data {
        Data::Empty => SheetValue::Empty,
        Data::String(text) => SheetValue::Text(text.clone()),
        Data::Int(n) => SheetValue::Integer(*n),
        Data::Float(n) => SheetValue::Number(*n),
        Data::Bool(flag) => SheetValue::Bool(*flag),
        Data::DateTime(moment) => match moment.as_datetime() {
            Some(moment) if moment_is_date(data) => SheetValue::DateTime(moment),
            // A duration (a time of day alone): its number, which no column reads.
            _ => SheetValue::Number(moment.as_f64()),
        },
        Data::DateTimeIso(text) => {
            iso_moment(text).map_or_else(|| SheetValue::Text(text.clone()), SheetValue::DateTime)
        }
        Data::DurationIso(text) => SheetValue::Text(text.clone()),
        Data::Error(error) => SheetValue::Error(error.to_string()),
    }
}

fn moment_is_date(data: &Data) -> bool {
    matches!(data, Data::DateTime(moment) if moment.is_datetime())
}

/// An ISO date or date and time (as ods files keep them).
fn iso_moment(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .and_then(|day| day.and_hms_opt(0, 0, 0))
        })
}

/// The UTF-8 byte-order mark some programs put before a CSV file's text.
const BOM: &str = "\u{feff}";

fn read_csv(path: &Path) -> Result<SheetTable, SheetFileError> {
    let io_error = |source| SheetFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut file| file.read_to_end(&mut bytes))
        .map_err(io_error)?;
    let text = String::from_utf8(bytes).map_err(|e| SheetFileError::NotUtf8 {
        path: path.to_path_buf(),
        detail: e.utf8_error().to_string(),
    })?;
    let text = text.strip_prefix(BOM).unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| SheetFileError::Csv {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        rows.push(
            record
                .iter()
                .map(|field| {
                    if field.is_empty() {
                        SheetValue::Empty
                    } else {
                        SheetValue::Text(field.to_owned())
                    }
                })
                .collect(),
        );
    }
    Ok(SheetTable {
        name: default_records_sheet().to_owned(),
        first_row: 0,
        first_column: 0,
        rows,
        merged: Vec::new(),
    })
}

/// The separator of a CSV file: of `,`, `;` and tab, the one its header line holds most
/// of, outside quotes (a Vietnamese Excel writes `;`, as its decimal mark is `,`).
fn delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(count) = counts.iter_mut().find(|(b, _)| *b == byte) {
                    count.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(byte, count)| (*count, *byte == b','))
        .map_or(b',', |(byte, _)| *byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_line_says_the_separator() {
        assert_eq!(delimiter("Mã hồ sơ;Điểm\n1;27,5"), b';');
        assert_eq!(delimiter("id,score_general\n1,\"27,5\""), b',');
        assert_eq!(delimiter("\"a;b\",c\n"), b',');
        assert_eq!(delimiter("a\tb\tc\n"), b'\t');
        assert_eq!(delimiter("id\n"), b',');
    }
}
