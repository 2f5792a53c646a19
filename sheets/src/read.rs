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

/// The largest spreadsheet file read, in bytes (checked before it is opened).
pub const MAX_SHEET_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The most a zip-based workbook (xlsx, xlsm, ods) may inflate to, in bytes: the sum of
/// its entries' uncompressed sizes, read from its central directory before any entry is
/// inflated (a zip bomb is refused there).
pub const MAX_SHEET_INFLATED_BYTES: u64 = 512 * 1024 * 1024;

/// The most rows a sheet may span (Excel's own limit; a CSV file's lines too).
pub const MAX_SHEET_ROWS: u64 = 1_048_576;

/// The most cells a sheet's used range may span (rows × columns, empty cells included:
/// the reader holds the range whole). For xlsx the range is measured from a first pass
/// over its cells, before it is held; two cells at A1 and XFD1048576 are refused there.
pub const MAX_SHEET_CELLS: u64 = 4_000_000;

fn too_large(path: &Path, detail: String) -> SheetFileError {
    SheetFileError::TooLarge {
        path: path.to_path_buf(),
        detail,
    }
}

/// The file's size, within [`MAX_SHEET_FILE_BYTES`].
fn check_file_size(path: &Path) -> Result<(), SheetFileError> {
    let size = std::fs::metadata(path)
        .map_err(|source| SheetFileError::Io {
            path: path.to_path_buf(),
            source,
        })?
        .len();
    if size > MAX_SHEET_FILE_BYTES {
        return Err(too_large(
            path,
            format!("the file has {size} bytes, over the limit of {MAX_SHEET_FILE_BYTES}"),
        ));
    }
    Ok(())
}

/// A zip-based workbook's declared inflated size, within [`MAX_SHEET_INFLATED_BYTES`]
/// (files that are not zip archives, xls and xlsb's older forms, pass to calamine).
fn check_inflated_size(path: &Path) -> Result<(), SheetFileError> {
    let Ok(file) = File::open(path) else {
        return Ok(()); // calamine reports it
    };
    let Ok(mut archive) = zip::ZipArchive::new(BufReader::new(file)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(index) else {
            continue;
        };
        total = total.saturating_add(entry.size());
        if total > MAX_SHEET_INFLATED_BYTES {
            return Err(too_large(
                path,
                format!(
                    "the workbook inflates to more than {MAX_SHEET_INFLATED_BYTES} bytes \
                     (its entry {:?} alone to {})",
                    entry.name(),
                    entry.size()
                ),
            ));
        }
    }
    Ok(())
}

/// A sheet spanning `rows` × `columns`, within [`MAX_SHEET_ROWS`] and [`MAX_SHEET_CELLS`].
fn check_span(path: &Path, sheet: &str, rows: u64, columns: u64) -> Result<(), SheetFileError> {
    if rows > MAX_SHEET_ROWS {
        return Err(too_large(
            path,
            format!("sheet {sheet:?} spans {rows} rows, over the limit of {MAX_SHEET_ROWS}"),
        ));
    }
    let cells = rows.saturating_mul(columns);
    if cells > MAX_SHEET_CELLS {
        return Err(too_large(
            path,
            format!(
                "sheet {sheet:?} spans {rows} rows × {columns} columns = {cells} cells, \
                 over the limit of {MAX_SHEET_CELLS}"
            ),
        ));
    }
    Ok(())
}

/// The rows × columns an xlsx sheet's cells and formulas span, from a pass over them
/// that holds none (calamine's ranges are dense: they are built only once this fits).
fn xlsx_span(
    xlsx: &mut calamine::Xlsx<BufReader<File>>,
    name: &str,
) -> Result<Option<(u64, u64)>, calamine::XlsxError> {
    let mut bounds: Option<(u32, u32, u32, u32)> = None;
    let mut add = |(row, column): (u32, u32)| {
        bounds = Some(match bounds {
            None => (row, row, column, column),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(column), c1.max(column)),
        });
    };
    {
        let mut cells = xlsx.worksheet_cells_reader(name)?;
        while let Some(cell) = cells.next_cell()? {
            add(cell.get_position());
        }
    }
    {
        let mut cells = xlsx.worksheet_cells_reader(name)?;
        while let Some(cell) = cells.next_formula()? {
            add(cell.get_position());
        }
    }
    Ok(bounds.map(|(r0, r1, c0, c1)| (u64::from(r1 - r0) + 1, u64::from(c1 - c0) + 1)))
}

/// Every sheet of the file, in the workbook's order (a CSV file is one sheet named
/// after its records sheet). Over a documented limit (file size, inflated size, rows,
/// cells) the file is refused with [`SheetFileError::TooLarge`].
pub fn read_file(path: &Path) -> Result<Vec<SheetTable>, SheetFileError> {
    let format = FileFormat::of(path);
    if format.is_some() {
        check_file_size(path)?;
    }
    match format {
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
    check_inflated_size(path)?;
    let mut workbook = open_workbook_auto(path).map_err(|e| workbook_error(path, e))?;
    let names = workbook.sheet_names();
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        if let Sheets::Xlsx(xlsx) = &mut workbook {
            if let Some((rows, columns)) =
                xlsx_span(xlsx, &name).map_err(|e| workbook_error(path, e))?
            {
                check_span(path, &name, rows, columns)?;
            }
        }
        let values = workbook
            .worksheet_range(&name)
            .map_err(|e| workbook_error(path, e))?;
        // A format without formulas (or a sheet without any) reads as none.
        let formulas = workbook.worksheet_formula(&name).unwrap_or_default();
        let merged = merged_ranges(&mut workbook, &name);
        // Other formats are measured once read (before the table is built from them).
        for range in [values.get_size(), formulas.get_size()] {
            check_span(path, &name, range.0 as u64, range.1 as u64)?;
        }
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
    // Bounded even if the file grows after its size was checked.
    File::open(path)
        .and_then(|file| file.take(MAX_SHEET_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_SHEET_FILE_BYTES {
        return Err(too_large(
            path,
            format!("the file has more than {MAX_SHEET_FILE_BYTES} bytes"),
        ));
    }
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
    let mut cells: u64 = 0;
    for record in reader.records() {
        let record = record.map_err(|e| SheetFileError::Csv {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        cells += record.len() as u64;
        // Rows may differ in length: the cells held are counted, one column per row.
        check_span(path, default_records_sheet(), rows.len() as u64 + 1, 1)?;
        if cells > MAX_SHEET_CELLS {
            return Err(too_large(
                path,
                format!("the file holds more than {MAX_SHEET_CELLS} cells"),
            ));
        }
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
