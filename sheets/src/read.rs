//! Reading: a workbook (calamine) or a CSV file (csv) into the core's sheet tables, each
//! cell as the file holds it. A formula is handed over as a formula (its last computed
//! value is not read), a merged range as a range; the core decides what is an error.

use crate::SheetFileError;
use cadre_eval::{default_records_sheet, MergedRange, SheetTable, SheetValue};
use calamine::{open_workbook_from_rs, Data, Dimensions, Error, Range, Reader, Sheets};
use chrono::{NaiveDate, NaiveDateTime};
use quick_xml::events::{BytesStart, Event};
use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
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

/// The most a zip-based workbook (xlsx, xlsm, xlsb, ods) may inflate to, in bytes: the
/// sum of its entries' uncompressed sizes, read from its central directory before any
/// entry is inflated (a zip bomb is refused there). Each entry is then inflated once,
/// into nothing, through a limit of the size it declares: an entry whose header
/// understates what it inflates to is refused before calamine reads it.
pub const MAX_SHEET_INFLATED_BYTES: u64 = 512 * 1024 * 1024;

/// The most rows a sheet may span (Excel's own limit; a CSV file's lines too).
pub const MAX_SHEET_ROWS: u64 = 1_048_576;

/// The most cells a sheet's used range may span (rows × columns, empty cells included:
/// the reader holds the range whole). For xlsx and xlsb the range is measured from a
/// first pass over its cells, for ods from a first pass over its XML, before it is held;
/// two cells at A1 and XFD1048576 are refused there.
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
    check_byte_count(path, size)
}

fn check_byte_count(path: &Path, size: u64) -> Result<(), SheetFileError> {
    if size > MAX_SHEET_FILE_BYTES {
        return Err(too_large(
            path,
            format!("the file has {size} bytes, over the limit of {MAX_SHEET_FILE_BYTES}"),
        ));
    }
    Ok(())
}

/// A zip-based workbook's inflated size, within [`MAX_SHEET_INFLATED_BYTES`]: first the
/// sizes its central directory declares, then each entry inflated (into nothing)
/// through a limit of its declared size. Bytes that are not a zip archive (xls) pass to
/// calamine, as do entries the zip reader cannot open (calamine reports them).
fn check_inflated_size(path: &Path, bytes: &[u8]) -> Result<(), SheetFileError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
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
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index(index) else {
            continue;
        };
        let declared = entry.size();
        let name = entry.name().to_owned();
        // One byte more than declared is enough to know the header lies.
        let inflated = io::copy(&mut entry.take(declared.saturating_add(1)), &mut io::sink());
        if inflated.is_ok_and(|count| count > declared) {
            return Err(too_large(
                path,
                format!(
                    "the workbook's entry {name:?} inflates to more than the {declared} bytes \
                     its header declares"
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

/// The smallest rectangle holding the positions added.
#[derive(Default)]
struct Bounds(Option<(u32, u32, u32, u32)>);

impl Bounds {
    fn add(&mut self, (row, column): (u32, u32)) {
        self.0 = Some(match self.0 {
            None => (row, row, column, column),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(column), c1.max(column)),
        });
    }

    /// Rows × columns.
    fn span(&self) -> Option<(u64, u64)> {
        self.0
            .map(|(r0, r1, c0, c1)| (u64::from(r1 - r0) + 1, u64::from(c1 - c0) + 1))
    }
}

/// The rows × columns an xlsx or xlsb sheet's cells and formulas span, from a pass over
/// them that holds none (calamine's ranges are dense: they are built only once this
/// fits). The two formats' cell readers have the same methods but no common trait.
macro_rules! cell_span {
    ($workbook:expr, $name:expr) => {{
        let mut bounds = Bounds::default();
        {
            let mut cells = $workbook.worksheet_cells_reader($name)?;
            while let Some(cell) = cells.next_cell()? {
                bounds.add(cell.get_position());
            }
        }
        {
            let mut cells = $workbook.worksheet_cells_reader($name)?;
            while let Some(cell) = cells.next_formula()? {
                bounds.add(cell.get_position());
            }
        }
        Ok(bounds.span())
    }};
}

fn xlsx_span(
    xlsx: &mut calamine::Xlsx<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<(u64, u64)>, calamine::XlsxError> {
    cell_span!(xlsx, name)
}

fn xlsb_span(
    xlsb: &mut calamine::Xlsb<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<(u64, u64)>, calamine::XlsbError> {
    cell_span!(xlsb, name)
}

/// Every sheet of the file, in the workbook's order (a CSV file is one sheet named
/// after its records sheet). Over a documented limit (file size, inflated size, rows,
/// cells) the file is refused with [`SheetFileError::TooLarge`].
pub fn read_file(path: &Path) -> Result<Vec<SheetTable>, SheetFileError> {
    if FileFormat::of(path).is_none() {
        return Err(SheetFileError::UnknownFormat {
            path: path.to_path_buf(),
        });
    }
    check_file_size(path)?;
    let mut bytes = Vec::new();
    // Bounded even if the file grows after its size was checked; the bytes are read
    // once, so that every check sees what calamine reads.
    File::open(path)
        .and_then(|file| file.take(MAX_SHEET_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|source| SheetFileError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    read_bytes(path, &bytes)
}

/// The sheets of a file's bytes, as [`read_file`] reads them: `name` (a file name) says
/// the format by its extension and names the file in errors.
pub fn read_bytes(name: &Path, bytes: &[u8]) -> Result<Vec<SheetTable>, SheetFileError> {
    let Some(format) = FileFormat::of(name) else {
        return Err(SheetFileError::UnknownFormat {
            path: name.to_path_buf(),
        });
    };
    check_byte_count(name, bytes.len() as u64)?;
    match format {
        FileFormat::Workbook => read_workbook(name, bytes),
        FileFormat::Csv => read_csv(name, bytes).map(|table| vec![table]),
    }
}

fn workbook_error(path: &Path, detail: impl ToString) -> SheetFileError {
    SheetFileError::Workbook {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}

/// The workbook, by the file name's extension (as calamine's `open_workbook_auto`).
fn open_workbook<'a>(
    path: &Path,
    bytes: &'a [u8],
) -> Result<Sheets<Cursor<&'a [u8]>>, SheetFileError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let data = Cursor::new(bytes);
    let opened = match extension.as_str() {
        "xls" => open_workbook_from_rs(data)
            .map(Sheets::Xls)
            .map_err(Error::Xls),
        "xlsb" => open_workbook_from_rs(data)
            .map(Sheets::Xlsb)
            .map_err(Error::Xlsb),
        "ods" => open_workbook_from_rs(data)
            .map(Sheets::Ods)
            .map_err(Error::Ods),
        _ => open_workbook_from_rs(data)
            .map(Sheets::Xlsx)
            .map_err(Error::Xlsx),
    };
    opened.map_err(|e| workbook_error(path, e))
}

fn read_workbook(path: &Path, bytes: &[u8]) -> Result<Vec<SheetTable>, SheetFileError> {
    check_inflated_size(path, bytes)?;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ods"))
    {
        check_ods_spans(path, bytes)?;
    }
    let mut workbook = open_workbook(path, bytes)?;
    let names = workbook.sheet_names();
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        let span = match &mut workbook {
            Sheets::Xlsx(xlsx) => xlsx_span(xlsx, &name).map_err(|e| workbook_error(path, e))?,
            Sheets::Xlsb(xlsb) => xlsb_span(xlsb, &name).map_err(|e| workbook_error(path, e))?,
            Sheets::Xls(_) | Sheets::Ods(_) => None,
        };
        if let Some((rows, columns)) = span {
            check_span(path, &name, rows, columns)?;
        }
        let values = workbook
            .worksheet_range(&name)
            .map_err(|e| workbook_error(path, e))?;
        // A format without formulas (or a sheet without any) reads as none.
        let formulas = workbook.worksheet_formula(&name).unwrap_or_default();
        let merged = merged_ranges(&mut workbook, &name);
        // xls is measured once read (calamine reads its sheets when it opens the
        // workbook); the others again, before the table is built from them.
        for range in [values.get_size(), formulas.get_size()] {
            check_span(path, &name, range.0 as u64, range.1 as u64)?;
        }
        tables.push(table(name, &values, &formulas, merged));
    }
    Ok(tables)
}

/// The most columns an ods row holds (calamine caps a row's repeated cells there).
const ODS_MAX_COLUMNS: u64 = 16_384;

/// An ods file's sheets measured from a pass over its `content.xml` that holds nothing:
/// per sheet, the range its non-empty cells span (repeated rows and columns counted as
/// calamine expands them) and the cells calamine holds while it reads the sheet (a row's
/// empty cells before its last non-empty one), each within [`MAX_SHEET_ROWS`] and
/// [`MAX_SHEET_CELLS`]. calamine reads every sheet when it opens the file, so this is
/// the only check before it holds them. XML it cannot read is left to calamine.
fn check_ods_spans(path: &Path, bytes: &[u8]) -> Result<(), SheetFileError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut sheet = OdsSheet::default();
    let mut row_repeats: u64 = 1;
    // The row being read: its next column, and one past its last non-empty cell.
    let (mut column, mut row_end): (u64, u64) = (0, 0);
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(_) => return Ok(()),
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let self_closing = matches!(event, Event::Empty(_));
                match e.name().as_ref() {
                    b"table:table" => {
                        sheet = OdsSheet {
                            name: attribute(e, b"table:name").unwrap_or_default(),
                            ..OdsSheet::default()
                        };
                    }
                    b"table:table-row" => {
                        row_repeats = number_attribute(e, b"table:number-rows-repeated")
                            .min(MAX_SHEET_ROWS.saturating_add(1));
                        (column, row_end) = (0, 0);
                        if self_closing {
                            sheet.rows = sheet.rows.saturating_add(row_repeats);
                        }
                    }
                    b"table:table-cell" | b"table:covered-table-cell" => {
                        let repeats = number_attribute(e, b"table:number-columns-repeated");
                        let filled = !self_closing
                            || attribute(e, b"office:value-type").is_some()
                            || attribute(e, b"table:formula").is_some();
                        let next = column.saturating_add(repeats).min(ODS_MAX_COLUMNS);
                        if filled {
                            sheet.first_column = sheet.first_column.min(column);
                            sheet.last_column = sheet.last_column.max(next);
                            row_end = next;
                        }
                        column = next;
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => match e.name().as_ref() {
                b"table:table-row" => {
                    if row_end > 0 {
                        sheet.first_row = sheet.first_row.min(sheet.rows);
                        sheet.rows_to_last = sheet.rows.saturating_add(row_repeats);
                    }
                    sheet.rows = sheet.rows.saturating_add(row_repeats);
                    sheet.held = sheet.held.saturating_add(row_end);
                    sheet.check(path)?;
                }
                b"table:table" => {
                    sheet.check(path)?;
                    sheet = OdsSheet::default();
                }
                _ => {}
            },
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

/// What [`check_ods_spans`] counts of one sheet so far.
struct OdsSheet {
    name: String,
    /// Rows read, repeats included.
    rows: u64,
    first_row: u64,
    /// One past the last row holding a non-empty cell.
    rows_to_last: u64,
    first_column: u64,
    /// One past the last non-empty column.
    last_column: u64,
    /// Cells calamine holds while reading the sheet.
    held: u64,
}

impl Default for OdsSheet {
    fn default() -> OdsSheet {
        OdsSheet {
            name: String::new(),
            rows: 0,
            first_row: u64::MAX,
            rows_to_last: 0,
            first_column: u64::MAX,
            last_column: 0,
            held: 0,
        }
    }
}

impl OdsSheet {
    fn check(&self, path: &Path) -> Result<(), SheetFileError> {
        if self.held > MAX_SHEET_CELLS {
            return Err(too_large(
                path,
                format!(
                    "sheet {:?} holds more than {MAX_SHEET_CELLS} cells while it is read",
                    self.name
                ),
            ));
        }
        if self.rows_to_last > self.first_row {
            check_span(
                path,
                &self.name,
                self.rows_to_last - self.first_row,
                self.last_column.saturating_sub(self.first_column),
            )?;
        }
        Ok(())
    }
}

/// An attribute's text as written (not unescaped: only repeat counts and a sheet name
/// for messages are read).
fn attribute(element: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    let value = element.try_get_attribute(key).ok().flatten()?;
    Some(String::from_utf8_lossy(&value.value).into_owned())
}

/// A repeat count (1 when absent or unreadable, as calamine then refuses the file).
fn number_attribute(element: &BytesStart<'_>, key: &[u8]) -> u64 {
    attribute(element, key)
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(1)
}

/// The merged ranges of a sheet, where the format tells them (xlsx, xls).
fn merged_ranges(workbook: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Vec<MergedRange> {
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

fn read_csv(path: &Path, bytes: &[u8]) -> Result<SheetTable, SheetFileError> {
    let text = std::str::from_utf8(bytes).map_err(|e| SheetFileError::NotUtf8 {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    let text = text.strip_prefix(BOM).unwrap_or(text);
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
