//! Spreadsheets read into records: the cells of a sheet, as a front end reads them from
//! a file (xlsx, ods, CSV), become flat rows (`intake::flat`), every problem located by
//! sheet, row, column letter and header.
//!
//! The rules, one place for every front end (`docs/excel.md`):
//!
//! - The header row is the sheet's first row with a value; each header names a column
//!   ([`SheetColumn::of_header`]). A header no column has, a header written twice and a
//!   column of values without a header are errors of the sheet; that column is not read,
//!   the others are.
//! - A row with no value is skipped. An empty cell is an absent field; the spaces around
//!   a text are not part of it.
//! - Numbers are read exactly. A number cell holds a binary float: it is read by its
//!   shortest decimal text that reads back as the same float, and that text must have at
//!   most two decimals where the contract allows two (`27.5` is read; `27.555`, and the
//!   `0.30000000000000004` a sum of 0.1 and 0.2 leaves, are refused, never rounded). A
//!   text cell may hold a number too, with a decimal point or comma (`27,5`); any other
//!   text in a number column is an error, not a zero. A whole number in a text column
//!   (an id typed as `1001`) is read as its digits.
//! - A date cell is read as its day; a date cell with a time of day, or in a column that
//!   is not a date, is an error. A date typed as text is `YYYY-MM-DD` or `DD/MM/YYYY`.
//! - A formula, a merged cell and an error value (`#DIV/0!`) are errors: the value to
//!   evaluate is typed in its cell.
//! - A row with such a cell is not evaluated; it is reported with every problem found
//!   in it. The other rows are evaluated.

use crate::contract::choices::{find_choice, label_key, FLAGS};
use crate::contract::errors::{pointer_segment, ErrorCode, InputError};
use crate::contract::limits::MAX_BATCH_RECORDS;
use crate::contract::sheet::{LocatedError, RejectedRow};
use crate::intake::columns::{SheetColumn, UnitColumn, RECORDS_SHEET, UNITS_SHEET};
use crate::intake::flat::{duplicate_column, unknown_column, Cell, ColumnKind, FlatRow};
use crate::intake::validate::assessment::validate;
use chrono::{NaiveDateTime, NaiveTime};
use std::borrow::Cow;

/// One cell as a spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetValue {
    /// No value.
    Empty,
    /// Text.
    Text(String),
    /// A number (spreadsheets keep binary floats).
    Number(f64),
    /// A whole number, where the format keeps one.
    Integer(i64),
    /// True or false.
    Bool(bool),
    /// A cell formatted as a date (or a date and time).
    DateTime(NaiveDateTime),
    /// A formula: its text (its last computed value is not read).
    Formula(String),
    /// An error value the spreadsheet shows (`#DIV/0!`).
    Error(String),
}

impl SheetValue {
    fn is_empty(&self) -> bool {
        match self {
            SheetValue::Empty => true,
            SheetValue::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// A range of merged cells, by row and column from 0, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergedRange {
    /// First row.
    pub first_row: u32,
    /// First column.
    pub first_column: u32,
    /// Last row.
    pub last_row: u32,
    /// Last column.
    pub last_column: u32,
}

impl MergedRange {
    fn contains(&self, row: u32, column: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_column..=self.last_column).contains(&column)
    }

    /// `A3:C3`.
    fn text(&self) -> String {
        format!(
            "{}{}:{}{}",
            column_letter(self.first_column),
            self.first_row + 1,
            column_letter(self.last_column),
            self.last_row + 1
        )
    }
}

/// One sheet's cells as a front end read them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SheetTable {
    /// The sheet's name (a CSV file: the file's name).
    pub name: String,
    /// The row of `rows[0]`, from 0 (a spreadsheet may start its used range lower).
    pub first_row: u32,
    /// The column of each row's first cell, from 0.
    pub first_column: u32,
    /// The cells, row by row.
    pub rows: Vec<Vec<SheetValue>>,
    /// The merged ranges, by absolute row and column.
    pub merged: Vec<MergedRange>,
}

/// The letters of a column, from 0: `A`, `Z`, `AA`.
pub fn column_letter(column: u32) -> String {
    let mut n = u64::from(column) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The sheets of a workbook that hold records: all but its instructions, its lists, its
/// units and the sheets of a results workbook.
pub fn records_sheets<'n>(names: &[&'n str]) -> Vec<&'n str> {
    const OTHERS: [&str; 12] = [
        "Hướng dẫn",
        "Instructions",
        "Danh mục",
        "Lists",
        UNITS_SHEET.0,
        UNITS_SHEET.1,
        "Tổng hợp",
        "Kết quả",
        "Lý do",
        "Bị từ chối",
        "Summary",
        "Rejected",
    ];
    names
        .iter()
        .copied()
        .filter(|name| {
            !OTHERS
                .iter()
                .any(|other| label_key(other) == label_key(name))
        })
        .collect()
}

/// Whether a sheet name is an organisation's units sheet.
pub fn is_units_sheet(name: &str) -> bool {
    [UNITS_SHEET.0, UNITS_SHEET.1]
        .iter()
        .any(|units| label_key(units) == label_key(name))
}

/// The default name of a records sheet, for a file that has none (CSV).
pub fn default_records_sheet() -> &'static str {
    RECORDS_SHEET.0
}

/// A sheet's header row as read: the first row with a value, each header matched to a
/// column by the caller's header→column step (`SheetColumn::of_header`,
/// `UnitColumn::of_header`, `long_column_of_header`). One reading for every sheet a
/// workbook holds (records, units, a state workbook's periods and products).
#[derive(Debug, Clone)]
pub struct HeaderRow<C> {
    /// Its index in the table's rows.
    pub at: usize,
    /// The row, from 1.
    pub row: u32,
    /// Per position: the column its header names and the header as written (`None`: a
    /// blank, unknown, repeated or merged header, whose column is not read).
    pub columns: Vec<Option<(C, String)>>,
    /// Per position: whether the header is blank.
    pub blank: Vec<bool>,
    /// Its problems, each at its sheet, row and column: a merged header cell, a header
    /// no column has, a second header of one column.
    pub errors: Vec<LocatedError>,
}

impl<C> HeaderRow<C> {
    /// The position and header of the first column `wanted` picks.
    pub fn find(&self, wanted: impl Fn(&C) -> bool) -> Option<(usize, &str)> {
        self.columns
            .iter()
            .enumerate()
            .find_map(|(position, column)| {
                column
                    .as_ref()
                    .filter(|(column, _)| wanted(column))
                    .map(|(_, header)| (position, header.as_str()))
            })
    }
}

/// Reads `table`'s header row, naming each header's column with `of_header`; `None` for
/// a sheet without a value.
pub fn read_header_row<C: PartialEq>(
    table: &SheetTable,
    of_header: impl Fn(&str) -> Option<C>,
) -> Option<HeaderRow<C>> {
    let at = table
        .rows
        .iter()
        .position(|row| row.iter().any(|v| !v.is_empty()))?;
    let header_row = table.first_row + at as u32;
    let mut read = HeaderRow {
        at,
        row: header_row + 1,
        columns: Vec::new(),
        blank: Vec::new(),
        errors: Vec::new(),
    };
    let cells = table.rows.get(at).map_or(&[][..], Vec::as_slice);
    for (position, value) in cells.iter().enumerate() {
        let column = table.first_column + position as u32;
        let text = match value {
            SheetValue::Text(text) => text.trim().to_owned(),
            other => display(other),
        };
        let place = |error: InputError| {
            let mut located = LocatedError::unplaced(error);
            located.sheet = Some(table.name.clone());
            located.row = Some(header_row + 1);
            located.column = Some(column_letter(column));
            located.header = (!text.is_empty()).then(|| text.clone());
            located
        };
        if let Some(range) = table.merged.iter().find(|r| r.contains(header_row, column)) {
            read.errors.push(place(merged_cell("", &range.text())));
            read.columns.push(None);
            read.blank.push(false);
            continue;
        }
        read.blank.push(text.is_empty());
        if text.is_empty() {
            read.columns.push(None);
            continue;
        }
        match of_header(&text) {
            Some(found) if read.columns.iter().flatten().any(|(c, _)| *c == found) => {
                read.errors.push(place(duplicate_column(&text)));
                read.columns.push(None);
            }
            Some(found) => read.columns.push(Some((found, text))),
            None => {
                read.errors.push(place(unknown_column(&text)));
                read.columns.push(None);
            }
        }
    }
    Some(read)
}

/// A value of a row, owned, handed to a flat row as a [`Cell`].
#[derive(Debug, Clone, PartialEq)]
enum Owned {
    Text(String),
    Integer(i64),
    Number(f64),
    Flag(bool),
}

impl Owned {
    fn cell(&self) -> Cell<'_> {
        match self {
            Owned::Text(text) => Cell::Text(text),
            Owned::Integer(n) => Cell::Integer(*n),
            Owned::Number(n) => Cell::Number(*n),
            Owned::Flag(flag) => Cell::Flag(*flag),
        }
    }
}

/// A header as read: the column it names and its text.
#[derive(Debug, Clone)]
struct Header {
    column: SheetColumn,
    text: String,
}

/// One row of a sheet as read.
#[derive(Debug, Clone)]
pub struct SheetRow {
    /// The sheet's index among those read.
    sheet: usize,
    /// The row, from 1.
    pub row: u32,
    /// Its values, by column position in the sheet.
    values: Vec<(usize, Owned)>,
    /// The name column's text.
    pub name: Option<String>,
    /// The unit column's text.
    pub unit: Option<String>,
}

/// Sheets read: their headers, the rows to evaluate, and what was rejected.
#[derive(Debug, Clone, Default)]
pub struct SheetRecords {
    /// Sheet names, in the order read.
    names: Vec<String>,
    /// Per sheet: its headers by position (`None`: not read), and its first column.
    headers: Vec<(Vec<Option<Header>>, u32)>,
    /// The rows to evaluate, in order.
    pub rows: Vec<SheetRow>,
    /// Problems of the sheets' headers (a sheet at a time: its header row).
    pub header_errors: Vec<RejectedRow>,
    /// Rows not evaluated for their cells, with every problem of the row.
    pub rejected: Vec<RejectedRow>,
}

/// What [`SheetRecords::located`] needs to place an error: the sheet, row and column.
struct Place<'r> {
    records: &'r SheetRecords,
    sheet: usize,
    row: u32,
}

impl Place<'_> {
    /// The error at the column `key` names (a flat column's name), if the sheet has it.
    fn locate(&self, error: InputError, key: Option<&str>) -> LocatedError {
        let mut located = LocatedError::unplaced(error);
        located.sheet = self.records.names.get(self.sheet).cloned();
        located.row = Some(self.row);
        if let (Some(key), Some((headers, first))) = (key, self.records.headers.get(self.sheet)) {
            if let Some((position, header)) = headers
                .iter()
                .enumerate()
                .find_map(|(i, h)| h.as_ref().filter(|h| h.column.key() == key).map(|h| (i, h)))
            {
                located.column = Some(column_letter(first + position as u32));
                located.header = Some(header.text.clone());
            }
        }
        located
    }
}

impl SheetRecords {
    /// Reads the records sheets given (rows with unreadable cells are rejected here;
    /// the others wait in [`SheetRecords::rows`]).
    pub fn read(tables: &[SheetTable]) -> SheetRecords {
        let mut records = SheetRecords::default();
        for table in tables {
            records.read_sheet(table);
        }
        records
    }

    fn read_sheet(&mut self, table: &SheetTable) {
        let sheet = self.names.len();
        self.names.push(table.name.clone());
        let Some(header) = read_header_row(table, SheetColumn::of_header) else {
            self.headers.push((Vec::new(), table.first_column));
            return;
        };
        let (header_at, header_row) = (header.at, header.row - 1);
        let mut header_errors = header.errors;
        // Columns whose header is blank: values under one are reported.
        let blank = header.blank;
        let headers: Vec<Option<Header>> = header
            .columns
            .into_iter()
            .map(|column| column.map(|(column, text)| Header { column, text }))
            .collect();
        // The headers are known before the rows are read: a row's problems are placed by
        // them.
        self.headers.push((headers.clone(), table.first_column));
        // A column of values with no header is reported once, at its header cell.
        let mut unnamed: Vec<usize> = Vec::new();
        let mut records = 0usize;
        for (offset, cells) in table.rows.iter().enumerate().skip(header_at + 1) {
            let row = table.first_row + offset as u32;
            for (position, value) in cells.iter().enumerate() {
                let blank_header = blank.get(position).copied().unwrap_or(true);
                if blank_header && !value.is_empty() && !unnamed.contains(&position) {
                    unnamed.push(position);
                    let mut located = LocatedError::unplaced(unnamed_column());
                    located.sheet = Some(table.name.clone());
                    located.row = Some(header_row + 1);
                    located.column = Some(column_letter(table.first_column + position as u32));
                    header_errors.push(located);
                }
            }
            if cells.iter().all(SheetValue::is_empty) {
                continue;
            }
            records += 1;
            if records > MAX_BATCH_RECORDS {
                let mut located = LocatedError::unplaced(InputError::too_many_records(
                    records,
                    MAX_BATCH_RECORDS,
                    false,
                ));
                located.sheet = Some(table.name.clone());
                located.row = Some(row + 1);
                header_errors.push(located);
                break;
            }
            self.read_row(sheet, table, &headers, row, cells);
        }
        if !header_errors.is_empty() {
            self.header_errors.push(RejectedRow {
                index: None,
                sheet: Some(table.name.clone()),
                row: Some(header_row + 1),
                unit: None,
                id: None,
                errors: header_errors,
            });
        }
    }

    /// Reads one row's cells; a row with an unreadable cell is rejected with every
    /// problem of the row.
    fn read_row(
        &mut self,
        sheet: usize,
        table: &SheetTable,
        headers: &[Option<Header>],
        row: u32,
        cells: &[SheetValue],
    ) {
        let mut values = Vec::new();
        let mut bad: Vec<(usize, InputError)> = Vec::new();
        let (mut name, mut unit) = (None, None);
        for (position, value) in cells.iter().enumerate() {
            let Some(Some(header)) = headers.get(position) else {
                continue;
            };
            let column = table.first_column + position as u32;
            let path = header.column.path().unwrap_or_default();
            if let Some(range) = table.merged.iter().find(|r| r.contains(row, column)) {
                bad.push((position, merged_cell(&path, &range.text())));
                continue;
            }
            match read_value(&header.column, &path, value) {
                Ok(None) => {}
                Ok(Some(owned)) => match (&header.column, owned) {
                    (SheetColumn::Name, Owned::Text(text)) => name = Some(text),
                    (SheetColumn::Unit, Owned::Text(text)) => unit = Some(text),
                    (SheetColumn::Notes | SheetColumn::Name | SheetColumn::Unit, _) => {}
                    (_, owned) => values.push((position, owned)),
                },
                Err(error) => bad.push((position, error)),
            }
        }
        let read = SheetRow {
            sheet,
            row: row + 1,
            values,
            name,
            unit,
        };
        if bad.is_empty() {
            self.rows.push(read);
            return;
        }
        // The row's other problems too, but none more at a column already at fault.
        let mut flat = FlatRow::new();
        self.fill_from(&read, &mut flat);
        let others = match flat.to_assessment() {
            Ok(assessment) => validate(&assessment).err().map(|e| e.0).unwrap_or_default(),
            Err(errors) => errors.0,
        };
        let place = Place {
            records: self,
            sheet,
            row: row + 1,
        };
        let key_at = |position: usize| {
            headers
                .get(position)
                .and_then(Option::as_ref)
                .map(|h| h.column.key())
        };
        let bad_keys: Vec<String> = bad.iter().filter_map(|(p, _)| key_at(*p)).collect();
        let mut errors: Vec<LocatedError> = bad
            .into_iter()
            .map(|(position, error)| place.locate(error, key_at(position).as_deref()))
            .collect();
        for error in others {
            let key = flat.column_of(&error.path);
            if key
                .as_deref()
                .is_some_and(|k| bad_keys.iter().any(|b| b == k))
            {
                continue;
            }
            errors.push(place.locate(error, key.as_deref()));
        }
        let id = flat.id_text().map(str::to_owned);
        self.rejected.push(RejectedRow {
            index: None,
            sheet: self.names.get(sheet).cloned(),
            row: Some(row + 1),
            unit: read.unit.clone(),
            id,
            errors,
        });
    }

    /// Sets `flat` to the values of `row` (every other column empty).
    pub fn fill<'s>(&'s self, row: &'s SheetRow, flat: &mut FlatRow<'s>) {
        *flat = FlatRow::new();
        self.fill_from(row, flat);
    }

    fn fill_from<'s>(&'s self, row: &'s SheetRow, flat: &mut FlatRow<'s>) {
        let Some((headers, _)) = self.headers.get(row.sheet) else {
            return;
        };
        for (position, owned) in &row.values {
            match headers
                .get(*position)
                .and_then(Option::as_ref)
                .map(|h| &h.column)
            {
                Some(SheetColumn::Field(column)) => flat.set(*column, Some(owned.cell())),
                Some(SheetColumn::Criterion(id)) => flat.set_criterion(id, Some(owned.cell())),
                _ => {}
            }
        }
    }

    /// Sorts rejected rows by their sheet (in the order read), then their row.
    pub fn sort_rejected(&self, rows: &mut [RejectedRow]) {
        rows.sort_by_key(|row| {
            let sheet = row
                .sheet
                .as_ref()
                .and_then(|name| self.names.iter().position(|n| n == name));
            (sheet, row.row)
        });
    }

    /// The sheet a row was read from.
    pub fn sheet_name(&self, row: &SheetRow) -> Option<&str> {
        self.names.get(row.sheet).map(String::as_str)
    }

    /// An error of `row`'s record, placed at the column its path came from
    /// (`column_of`: the flat column's name of a path, as [`FlatRow::column_of`] gives it).
    pub fn locate(
        &self,
        row: &SheetRow,
        error: InputError,
        column_of: &dyn Fn(&str) -> Option<Cow<'static, str>>,
    ) -> LocatedError {
        let key = column_of(&error.path);
        Place {
            records: self,
            sheet: row.sheet,
            row: row.row,
        }
        .locate(error, key.as_deref())
    }
}

/// A cell's value for a column, or the cell's problem.
fn read_value(
    column: &SheetColumn,
    path: &str,
    value: &SheetValue,
) -> Result<Option<Owned>, InputError> {
    let kind = match column {
        SheetColumn::Field(column) => column.kind(),
        SheetColumn::Criterion(_) => ColumnKind::Choice(&[]),
        _ => ColumnKind::Text,
    };
    Ok(Some(match value {
        SheetValue::Empty => return Ok(None),
        SheetValue::Text(text) => {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            Owned::Text(text.to_owned())
        }
        // An id or a name typed as a number: its digits, exactly.
        SheetValue::Number(n)
            if kind == ColumnKind::Text && n.fract() == 0.0 && n.abs() < 9.0e15 =>
        {
            Owned::Text(format!("{}", *n as i64))
        }
        SheetValue::Number(n) => Owned::Number(*n),
        SheetValue::Integer(n) if kind == ColumnKind::Text => Owned::Text(n.to_string()),
        SheetValue::Integer(n) => Owned::Integer(*n),
        SheetValue::Bool(flag) => Owned::Flag(*flag),
        SheetValue::DateTime(moment) if kind == ColumnKind::Date => {
            if moment.time() != NaiveTime::MIN {
                return Err(time_of_day(path, moment));
            }
            Owned::Text(moment.date().format("%Y-%m-%d").to_string())
        }
        SheetValue::DateTime(moment) => return Err(date_in_other_column(path, moment)),
        SheetValue::Formula(formula) => return Err(formula_cell(path, formula)),
        SheetValue::Error(shown) => return Err(error_cell(path, shown)),
    }))
}

/// How a non-text header cell reads.
fn display(value: &SheetValue) -> String {
    match value {
        SheetValue::Number(n) => n.to_string(),
        SheetValue::Integer(n) => n.to_string(),
        SheetValue::Bool(flag) => flag.to_string(),
        SheetValue::DateTime(moment) => moment.to_string(),
        SheetValue::Formula(text) | SheetValue::Error(text) | SheetValue::Text(text) => {
            text.clone()
        }
        SheetValue::Empty => String::new(),
    }
}

/// A formula where a value is expected.
fn formula_cell(path: &str, formula: &str) -> InputError {
    InputError::new(
        ErrorCode::InvalidType,
        path,
        format!("Ô chứa công thức `{formula}`: hãy nhập giá trị, không nhập công thức"),
        format!("the cell holds the formula `{formula}`: type the value, not a formula"),
    )
}

/// A cell inside a merged range.
fn merged_cell(path: &str, range: &str) -> InputError {
    InputError::new(
        ErrorCode::InvalidValue,
        path,
        format!("Ô nằm trong vùng gộp ô {range}: hãy bỏ gộp ô và nhập giá trị vào từng ô"),
        format!("the cell is part of the merged range {range}: unmerge it and type each value in its own cell"),
    )
}

/// A cell that shows an error value.
fn error_cell(path: &str, shown: &str) -> InputError {
    InputError::new(
        ErrorCode::InvalidType,
        path,
        format!("Ô hiển thị lỗi `{shown}`"),
        format!("the cell shows the error `{shown}`"),
    )
}

/// A date cell in a column that is not a date.
fn date_in_other_column(path: &str, moment: &NaiveDateTime) -> InputError {
    InputError::new(
        ErrorCode::InvalidType,
        path,
        format!(
            "Ô định dạng ngày ({}) trong cột không phải ngày",
            moment.date()
        ),
        format!(
            "a date cell ({}) in a column that is not a date",
            moment.date()
        ),
    )
}

/// A date cell with a time of day.
fn time_of_day(path: &str, moment: &NaiveDateTime) -> InputError {
    InputError::new(
        ErrorCode::InvalidDate,
        path,
        format!("`{moment}` có giờ trong ngày; cần một ngày"),
        format!("`{moment}` has a time of day; a day is expected"),
    )
}

/// Values under no header.
fn unnamed_column() -> InputError {
    InputError::new(
        ErrorCode::UnknownField,
        "",
        "Cột có giá trị nhưng không có tiêu đề: không được đọc",
        "a column with values but no header: it is not read",
    )
}

/// One unit of an organisation's units sheet, as read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnitRow {
    /// The row, from 1.
    pub row: u32,
    /// The unit's id.
    pub id: String,
    /// Its name.
    pub name: Option<String>,
    /// Its parent's id.
    pub parent: Option<String>,
    /// A grassroots party organisation.
    pub grassroots: bool,
    /// Ids of the leader records responsible for it.
    pub led_by: Vec<String>,
    /// Ids of its records in its leadership collective.
    pub leadership_members: Vec<String>,
    /// The id of its head's leader record.
    pub head: Option<String>,
}

/// An organisation's units sheet, read.
#[derive(Debug, Clone, Default)]
pub struct UnitSheet {
    /// The sheet's name.
    pub name: String,
    /// The units, in the sheet's order.
    pub units: Vec<UnitRow>,
    /// Problems of its header row.
    pub header_errors: Vec<RejectedRow>,
    /// Rows not read, with their problems.
    pub rejected: Vec<RejectedRow>,
    /// Its columns by position, with their headers.
    columns: Vec<Option<(UnitColumn, String)>>,
    first_column: u32,
}

impl UnitSheet {
    /// An error of the unit on `row`, at the column its path names (`/led_by/0`: the
    /// led-by column).
    pub fn locate(&self, row: u32, error: InputError) -> LocatedError {
        let key = error
            .path
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or("")
            .to_owned();
        let mut located = LocatedError::unplaced(error);
        located.sheet = Some(self.name.clone());
        located.row = Some(row);
        if let Some((position, header)) = self.columns.iter().enumerate().find_map(|(i, c)| {
            c.as_ref()
                .filter(|(c, _)| c.key() == key)
                .map(|(_, h)| (i, h))
        }) {
            located.column = Some(column_letter(self.first_column + position as u32));
            located.header = Some(header.clone());
        }
        located
    }
}

/// Reads an organisation's units sheet.
pub fn read_units(table: &SheetTable) -> UnitSheet {
    let mut units = Vec::new();
    let mut rejected = Vec::new();
    let mut sheet = UnitSheet {
        name: table.name.clone(),
        first_column: table.first_column,
        ..UnitSheet::default()
    };
    let Some(header) = read_header_row(table, UnitColumn::of_header) else {
        return sheet;
    };
    let (header_at, header_row) = (header.at, header.row);
    let place = |row: u32, position: Option<usize>, header: Option<&str>, error: InputError| {
        let mut located = LocatedError::unplaced(error);
        located.sheet = Some(table.name.clone());
        located.row = Some(row);
        located.column = position.map(|p| column_letter(table.first_column + p as u32));
        located.header = header.map(str::to_owned);
        located
    };
    let columns = header.columns;
    let header_errors = header.errors;
    if !header_errors.is_empty() {
        sheet.header_errors.push(RejectedRow {
            index: None,
            sheet: Some(table.name.clone()),
            row: Some(header_row),
            unit: None,
            id: None,
            errors: header_errors,
        });
    }
    for (offset, cells) in table.rows.iter().enumerate().skip(header_at + 1) {
        if cells.iter().all(SheetValue::is_empty) {
            continue;
        }
        let row = table.first_row + offset as u32 + 1;
        let mut unit = UnitRow {
            row,
            ..UnitRow::default()
        };
        let mut errors = Vec::new();
        for (position, value) in cells.iter().enumerate() {
            let Some(Some((column, header))) = columns.get(position) else {
                continue;
            };
            let path = format!("/{}", pointer_segment(column.key()));
            let text = match value {
                SheetValue::Empty => continue,
                SheetValue::Text(text) => text.trim().to_owned(),
                SheetValue::Integer(n) => n.to_string(),
                SheetValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
                    format!("{}", *n as i64)
                }
                SheetValue::Bool(flag) if *column == UnitColumn::Grassroots => {
                    unit.grassroots = *flag;
                    continue;
                }
                SheetValue::Formula(formula) => {
                    errors.push(place(
                        row,
                        Some(position),
                        Some(header),
                        formula_cell(&path, formula),
                    ));
                    continue;
                }
                SheetValue::Error(shown) => {
                    errors.push(place(
                        row,
                        Some(position),
                        Some(header),
                        error_cell(&path, shown),
                    ));
                    continue;
                }
                other => {
                    let error = InputError::new(
                        ErrorCode::InvalidType,
                        path.clone(),
                        format!(
                            "Cột `{header}`: cần văn bản, không phải `{}`",
                            display(other)
                        ),
                        format!("column `{header}`: text expected, not `{}`", display(other)),
                    );
                    errors.push(place(row, Some(position), Some(header), error));
                    continue;
                }
            };
            if text.is_empty() {
                continue;
            }
            if let Some(range) = table
                .merged
                .iter()
                .find(|r| r.contains(row - 1, table.first_column + position as u32))
            {
                errors.push(place(
                    row,
                    Some(position),
                    Some(header),
                    merged_cell(&path, &range.text()),
                ));
                continue;
            }
            let list = || {
                text.split([',', ';', '\n'])
                    .map(str::trim)
                    .filter(|id| !id.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            };
            match column {
                UnitColumn::Id => unit.id = text.clone(),
                UnitColumn::Name => unit.name = Some(text.clone()),
                UnitColumn::Parent => unit.parent = Some(text.clone()),
                UnitColumn::Head => unit.head = Some(text.clone()),
                UnitColumn::LedBy => unit.led_by = list(),
                UnitColumn::LeadershipMembers => unit.leadership_members = list(),
                UnitColumn::Notes => {}
                UnitColumn::Grassroots => match flag_text(&text) {
                    Some(flag) => unit.grassroots = flag,
                    None => {
                        let error = InputError::new(
                            ErrorCode::InvalidType,
                            path.clone(),
                            format!("Cột `{header}`: cần Có hoặc Không, không phải `{text}`"),
                            format!("column `{header}`: Yes or No expected, not `{text}`"),
                        );
                        errors.push(place(row, Some(position), Some(header), error));
                    }
                },
            }
        }
        if unit.id.is_empty() && errors.is_empty() {
            let id_position = columns
                .iter()
                .position(|c| c.as_ref().is_some_and(|(c, _)| *c == UnitColumn::Id));
            let header = id_position
                .and_then(|p| columns.get(p))
                .and_then(Option::as_ref)
                .map(|(_, h)| h.as_str());
            let error = InputError::new(
                ErrorCode::MissingField,
                "/id",
                "Thiếu mã đơn vị",
                "the unit id is missing",
            );
            errors.push(place(row, id_position, header, error));
        }
        if errors.is_empty() {
            units.push(unit);
        } else {
            rejected.push(RejectedRow {
                index: None,
                sheet: Some(table.name.clone()),
                row: Some(row),
                unit: (!unit.id.is_empty()).then(|| unit.id.clone()),
                id: None,
                errors,
            });
        }
    }
    sheet.units = units;
    sheet.rejected = rejected;
    sheet.columns = columns;
    sheet
}

/// A flag's text (`Có`, `Không`, `true`, …), as a flat column reads it.
fn flag_text(text: &str) -> Option<bool> {
    find_choice(FLAGS, text).map(|name| name.value == "true")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::sheets::{evaluate_org_sheets, evaluate_sheets};
    use crate::contract::batch::BatchOptions;
    use crate::contract::level::Level;
    use crate::contract::org::OrgOptions;
    use chrono::NaiveDate;

    fn text(value: &str) -> SheetValue {
        SheetValue::Text(value.to_owned())
    }

    /// The headers of a small member sheet, Vietnamese, English and flat names mixed.
    fn headers() -> Vec<SheetValue> {
        [
            "Mã hồ sơ",
            "Họ và tên (tên tập thể)",
            "Đối tượng",
            "year",
            "Ngày vào Đảng",
            "Điểm tiêu chí chung (tối đa 30)",
            "Task results points (max 70)",
            "tasks_assigned",
            "Số nhiệm vụ hoàn thành",
            "Số nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng",
            "Số nhiệm vụ vượt mức",
            "Ghi chú",
        ]
        .iter()
        .map(|h| text(h))
        .collect()
    }

    /// A good member row (row `n` of the sheet, id `dv-n`).
    fn member(n: u32) -> Vec<SheetValue> {
        vec![
            text(&format!("dv-{n}")),
            text("Nguyễn Văn A"),
            text("Đảng viên"),
            SheetValue::Number(2025.0),
            SheetValue::DateTime(
                NaiveDate::from_ymd_opt(2019, 5, 19)
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
                    .unwrap_or_default(),
            ),
            SheetValue::Number(27.5),
            text("63"),
            SheetValue::Number(12.0),
            SheetValue::Integer(12),
            SheetValue::Number(12.0),
            SheetValue::Number(3.0),
            text("ghi chú tự do"),
        ]
    }

    fn sheet(rows: Vec<Vec<SheetValue>>) -> SheetTable {
        SheetTable {
            name: "Hồ sơ".to_owned(),
            first_row: 0,
            first_column: 0,
            rows,
            merged: Vec::new(),
        }
    }

    /// (row, column letter, code, path) of every located error.
    fn places(rejected: &[RejectedRow]) -> Vec<(u32, String, ErrorCode, String)> {
        rejected
            .iter()
            .flat_map(|r| &r.errors)
            .map(|e| {
                (
                    e.row.unwrap_or(0),
                    e.column.clone().unwrap_or_default(),
                    e.code,
                    e.path.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_good_sheet_reads_as_its_records() {
        let table = sheet(vec![headers(), member(2), vec![], member(4)]);
        let evaluated = evaluate_sheets(&[table], &BatchOptions::default(), 1).unwrap();
        assert!(
            evaluated.tables.rejected.is_empty(),
            "{:?}",
            evaluated.tables.rejected
        );
        let rows: Vec<(Option<u32>, Option<&str>)> = evaluated
            .tables
            .decisions
            .iter()
            .map(|r| (r.row, r.name.as_deref()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (Some(2), Some("Nguyễn Văn A")),
                (Some(4), Some("Nguyễn Văn A"))
            ]
        );
        assert_eq!(evaluated.decisions[0].level, Some(Level::Good));
    }

    #[test]
    fn every_bad_cell_is_placed_and_the_other_rows_are_evaluated() {
        let mut rows = vec![headers(), member(2)];
        let mut bad = |n: u32, column: usize, value: SheetValue| {
            let mut row = member(n);
            row[column] = value;
            rows.push(row);
        };
        bad(3, 7, text("mười hai")); // text in a number column
        bad(4, 5, SheetValue::Number(27.555)); // three decimals
        bad(5, 4, text("30/02/2019")); // a day that does not exist
        bad(6, 2, text("Đảng viên dự bị")); // not a choice
        bad(7, 6, SheetValue::Formula("=60+3".to_owned())); // a formula
        bad(8, 0, SheetValue::Empty); // the required id
        bad(9, 10, SheetValue::Error("#DIV/0!".to_owned())); // an error value
        bad(10, 5, SheetValue::Number(0.1 + 0.2)); // a float that is no two-place decimal
        bad(11, 8, text("12,5")); // a fraction of a count
        bad(12, 4, text("2019-02-30")); // ISO, no such day
        rows.push(member(13));
        rows.push(member(14));
        let mut table = sheet(rows);
        table.merged.push(MergedRange {
            first_row: 12,
            first_column: 7,
            last_row: 13,
            last_column: 7,
        });
        let evaluated = evaluate_sheets(&[table], &BatchOptions::default(), 1).unwrap();
        let ids: Vec<&str> = evaluated.decisions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, vec!["dv-2"]);
        let got = places(&evaluated.tables.rejected);
        let want: Vec<(u32, &str, ErrorCode, &str)> = vec![
            (3, "H", ErrorCode::InvalidType, "/tasks/assigned"),
            (4, "F", ErrorCode::TooManyDecimals, "/score/general"),
            (5, "E", ErrorCode::InvalidDate, "/subject/admitted_on"),
            (6, "C", ErrorCode::InvalidValue, "/subject/kind"),
            (7, "G", ErrorCode::InvalidType, "/score/task_results"),
            (8, "A", ErrorCode::MissingField, "/id"),
            (9, "K", ErrorCode::InvalidType, "/tasks/exceeded"),
            (10, "F", ErrorCode::TooManyDecimals, "/score/general"),
            (11, "I", ErrorCode::InvalidType, "/tasks/completed"),
            (12, "E", ErrorCode::InvalidDate, "/subject/admitted_on"),
            (13, "H", ErrorCode::InvalidValue, "/tasks/assigned"),
            (14, "H", ErrorCode::InvalidValue, "/tasks/assigned"),
        ];
        let want: Vec<(u32, String, ErrorCode, String)> = want
            .into_iter()
            .map(|(r, c, code, p)| (r, c.to_owned(), code, p.to_owned()))
            .collect();
        assert_eq!(got, want);
        let first = &evaluated.tables.rejected[0].errors[0];
        assert_eq!(first.sheet.as_deref(), Some("Hồ sơ"));
        assert_eq!(first.header.as_deref(), Some("tasks_assigned"));
        assert_eq!(first.cell_reference().as_deref(), Some("Hồ sơ!H3"));
        assert!(!first.message.vi.is_empty() && !first.message.en.is_empty());
    }

    #[test]
    fn header_problems_are_the_sheets_and_its_rows_are_still_read() {
        let mut header = headers();
        header.push(text("Số con")); // no such column
        header.push(text("Số nhiệm vụ vượt mức")); // twice
        header.push(SheetValue::Empty); // values under no header
        let mut row = member(2);
        row.extend([text("2"), SheetValue::Number(3.0), text("x")]);
        let evaluated =
            evaluate_sheets(&[sheet(vec![header, row])], &BatchOptions::default(), 1).unwrap();
        assert_eq!(evaluated.decisions.len(), 1);
        let got = places(&evaluated.tables.rejected);
        assert_eq!(
            got,
            vec![
                (
                    1,
                    "M".to_owned(),
                    ErrorCode::UnknownField,
                    "/Số con".to_owned()
                ),
                (
                    1,
                    "N".to_owned(),
                    ErrorCode::InvalidValue,
                    "/Số nhiệm vụ vượt mức".to_owned()
                ),
                (1, "O".to_owned(), ErrorCode::UnknownField, String::new()),
            ]
        );
    }

    #[test]
    fn merged_header_cells_and_time_of_day_are_refused() {
        let mut table = sheet(vec![headers(), member(2)]);
        table.merged.push(MergedRange {
            first_row: 0,
            first_column: 0,
            last_row: 0,
            last_column: 1,
        });
        table.rows[1][4] = SheetValue::DateTime(
            NaiveDate::from_ymd_opt(2019, 5, 19)
                .and_then(|d| d.and_hms_opt(8, 30, 0))
                .unwrap_or_default(),
        );
        let evaluated = evaluate_sheets(&[table], &BatchOptions::default(), 1).unwrap();
        let codes: Vec<(u32, String, ErrorCode)> = places(&evaluated.tables.rejected)
            .into_iter()
            .map(|(r, c, code, _)| (r, c, code))
            .collect();
        assert_eq!(
            codes,
            vec![
                (1, "A".to_owned(), ErrorCode::InvalidValue),
                (1, "B".to_owned(), ErrorCode::InvalidValue),
                (2, "E".to_owned(), ErrorCode::InvalidDate),
                // The id's header is merged, so its column is not read.
                (2, String::new(), ErrorCode::MissingField),
            ]
        );
    }

    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        let letters: Vec<String> = [0, 25, 26, 51, 52, 701, 702]
            .into_iter()
            .map(column_letter)
            .collect();
        assert_eq!(letters, ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn a_number_typed_in_a_text_column_is_its_digits() {
        let mut row = member(2);
        row[0] = SheetValue::Number(1001.0);
        let evaluated =
            evaluate_sheets(&[sheet(vec![headers(), row])], &BatchOptions::default(), 1).unwrap();
        assert_eq!(evaluated.decisions[0].id, "1001");
    }

    #[test]
    fn records_sheets_leave_out_instructions_lists_and_units() {
        let names = ["Hồ sơ", "Hướng dẫn", "danh mục", "Đơn vị", "Chi bộ 2"];
        assert_eq!(records_sheets(&names), vec!["Hồ sơ", "Chi bộ 2"]);
        assert!(is_units_sheet("UNITS"));
    }

    #[test]
    fn a_tree_reads_from_a_units_sheet_and_a_unit_column() {
        let units = SheetTable {
            name: "Đơn vị".to_owned(),
            rows: vec![
                vec![
                    text("Mã đơn vị"),
                    text("Tên đơn vị"),
                    text("Đơn vị cấp trên"),
                    text("Cán bộ phụ trách"),
                ],
                vec![text("cb"), text("Chi bộ"), SheetValue::Empty, text("bt, ")],
                vec![
                    text("con"),
                    text("Tổ"),
                    text("cb"),
                    SheetValue::Formula("=A1".to_owned()),
                ],
            ],
            ..SheetTable::default()
        };
        let mut header = headers();
        header.insert(0, text("Đơn vị"));
        let mut first = member(2);
        first.insert(0, text("cb"));
        let mut lost = member(3);
        lost.insert(0, text("khong-co"));
        let mut leader = member(4);
        leader.insert(0, text("cb"));
        leader[1] = text("bt");
        leader[3] = text("Cán bộ lãnh đạo, quản lý");
        let evaluated = evaluate_org_sheets(
            &units,
            &[sheet(vec![header, first, lost, leader])],
            OrgOptions::default(),
        );
        let ids: Vec<&str> = evaluated
            .result
            .records
            .iter()
            .map(|r| r.decision.id.as_str())
            .collect();
        assert_eq!(
            ids,
            vec!["bt", "dv-2"],
            "a unit's leaders before its members"
        );
        let got: Vec<(Option<String>, u32, String, ErrorCode)> = evaluated
            .tables
            .rejected
            .iter()
            .flat_map(|r| &r.errors)
            .map(|e| {
                (
                    e.sheet.clone(),
                    e.row.unwrap_or(0),
                    e.column.clone().unwrap_or_default(),
                    e.code,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    Some("Đơn vị".to_owned()),
                    3,
                    "D".to_owned(),
                    ErrorCode::InvalidType
                ),
                (
                    Some("Hồ sơ".to_owned()),
                    3,
                    "A".to_owned(),
                    ErrorCode::InvalidValue
                ),
            ]
        );
        // The rows rejected here count in the tree's figures.
        assert_eq!(evaluated.result.report.total.rejected, 1);
        assert_eq!(evaluated.tables.summary.total.all.rejected, 1);
        let row_of = |id: &str| {
            evaluated
                .tables
                .decisions
                .iter()
                .find(|r| r.decision.id == id)
                .and_then(|r| r.row)
        };
        assert_eq!((row_of("dv-2"), row_of("bt")), (Some(2), Some(4)));
    }
}
