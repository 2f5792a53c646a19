//! The state workbook (ND 335, ND 233; design §16): a periods sheet and a products sheet
//! whose headers are the core's two-table reader's column names ([`PERIOD_COLUMNS`],
//! [`PRODUCT_COLUMNS`]), each with a note giving its JSON path and meaning, drop-down
//! lists for choices and flags, number ranges, frozen headers and an instructions sheet;
//! empty, or filled from state records (one periods row per person and period, one
//! products row per product). What `cadre-eval evaluate` reads back is exactly these
//! headers.

use crate::layout::{header, title, wrapped, write_error};
use crate::SheetFileError;
use cadre_eval::{
    LongColumn, LongKind, LongLevel, FLAGS, GENERAL_ITEMS_PREFIX, PERIODS_SHEET, PERIOD_COLUMNS,
    PRODUCTS_SHEET, PRODUCT_COLUMNS,
};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Note, Workbook, Worksheet,
    XlsxError,
};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// The instructions sheet.
const INSTRUCTIONS: &str = "Hướng dẫn";
/// Rows prepared (validation) below the header.
const ROWS: u32 = 2000;

/// Writes the empty state workbook at `path`.
pub fn write_state_template(path: &Path) -> Result<(), SheetFileError> {
    write_state_records(path, &[]).map(|_| ())
}

/// Writes the state workbook at `path` filled with the state records among `records`
/// (JSON objects of the input contract; those whose `rating` is not `state` are
/// skipped): one periods row per person and period, every leaf in its column (a
/// period's `general_items` in `periods_general_items_<id>` columns), one products row
/// per product. Returns how many records it wrote.
pub fn write_state_records(path: &Path, records: &[Value]) -> Result<usize, SheetFileError> {
    let error = write_error(path);
    let state: Vec<&Value> = records.iter().filter(|r| r["rating"] == "state").collect();
    let items: BTreeSet<String> = state
        .iter()
        .flat_map(|record| periods(record))
        .filter_map(|period| period.get("general_items").and_then(Value::as_object))
        .flat_map(|items| items.keys().cloned())
        .collect();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    table_sheet(sheet, PERIODS_SHEET, PERIOD_COLUMNS).map_err(&error)?;
    let first_item = u16::try_from(PERIOD_COLUMNS.len()).unwrap_or(u16::MAX);
    for (offset, item) in items.iter().enumerate() {
        let col = first_item.saturating_add(u16::try_from(offset).unwrap_or(u16::MAX));
        sheet
            .write_string_with_format(0, col, format!("{GENERAL_ITEMS_PREFIX}{item}"), &header())
            .map_err(&error)?;
    }
    let mut row = 0u32;
    for record in &state {
        for period in periods(record) {
            row += 1;
            for (col, column) in (0u16..).zip(PERIOD_COLUMNS) {
                let value = match column.level {
                    LongLevel::Period => at(period, column.path),
                    _ => at(record, column.path),
                };
                put(sheet, row, col, value).map_err(&error)?;
            }
            for (col, item) in (first_item..).zip(&items) {
                let value = period
                    .get("general_items")
                    .and_then(|items| items.get(item));
                put(sheet, row, col, value).map_err(&error)?;
            }
        }
    }
    sheet.set_active(true);
    let sheet = workbook.add_worksheet();
    table_sheet(sheet, PRODUCTS_SHEET, PRODUCT_COLUMNS).map_err(&error)?;
    let mut row = 0u32;
    for record in &state {
        for period in periods(record) {
            let products = period.get("products").and_then(Value::as_array);
            for product in products.into_iter().flatten() {
                row += 1;
                for (col, column) in (0u16..).zip(PRODUCT_COLUMNS) {
                    let value = match column.level {
                        LongLevel::Person => at(record, column.path),
                        LongLevel::Period => at(period, column.path),
                        LongLevel::Product => at(product, column.path),
                    };
                    put(sheet, row, col, value).map_err(&error)?;
                }
            }
        }
    }
    instructions(workbook.add_worksheet()).map_err(&error)?;
    workbook.save(path).map_err(&error)?;
    Ok(state.len())
}

/// A record's periods.
fn periods(record: &Value) -> impl Iterator<Item = &Value> {
    record
        .get("periods")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

/// The value at `path` (`/subject/kind`, `/discipline/0/form`) under `value`, if set.
fn at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    value.pointer(path).filter(|v| !v.is_null())
}

/// Writes a JSON leaf into a cell: a text, a number, a flag; anything else is left empty.
fn put(sheet: &mut Worksheet, row: u32, col: u16, value: Option<&Value>) -> Result<(), XlsxError> {
    match value {
        Some(Value::String(text)) => sheet.write_string(row, col, text).map(|_| ()),
        Some(Value::Number(number)) => match number.as_f64() {
            Some(number) => sheet.write_number(row, col, number).map(|_| ()),
            None => sheet.write_string(row, col, number.to_string()).map(|_| ()),
        },
        Some(Value::Bool(flag)) => sheet.write_boolean(row, col, *flag).map(|_| ()),
        _ => Ok(()),
    }
}

fn table_sheet(sheet: &mut Worksheet, name: &str, columns: &[LongColumn]) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    sheet.set_row_height(0, 36)?;
    for (index, column) in columns.iter().enumerate() {
        let col = u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)?;
        sheet.write_string_with_format(0, col, column.name, &header())?;
        sheet.insert_note(
            0,
            col,
            &Note::new(format!("{}\n{}", column.path, column.description))
                .set_width(360)
                .set_height(120)
                .add_author_prefix(false),
        )?;
        let width = (column.name.chars().count() as f64 * 0.9).clamp(8.0, 34.0);
        sheet.set_column_width(col, width)?;
        if let Some(validation) = validation(column.kind)? {
            sheet.add_data_validation(1, col, ROWS, col, &validation)?;
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// The validation of a column's cells, if its kind has one.
fn validation(kind: LongKind) -> Result<Option<DataValidation>, XlsxError> {
    let list = |labels: Vec<&str>| -> Result<DataValidation, XlsxError> {
        DataValidation::new().allow_list_strings(&labels)
    };
    let validation = match kind {
        LongKind::Choice(names) => list(names.iter().map(|n| n.vi).collect())?,
        LongKind::Flag | LongKind::FlagFalse => list(FLAGS.iter().map(|f| f.vi).collect())?,
        LongKind::Count => {
            DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
        }
        LongKind::Year => {
            DataValidation::new().allow_whole_number(DataValidationRule::Between(2000, 2100))
        }
        LongKind::Decimal => DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
        LongKind::Text | LongKind::Date => return Ok(None),
    };
    Ok(Some(
        validation.set_error_style(DataValidationErrorStyle::Stop),
    ))
}

/// The instructions: what each sheet holds and the rules it serves.
fn instructions(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_name(INSTRUCTIONS)?;
    sheet.set_column_width(0, 110)?;
    let lines = [
        "Mẫu đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức (Nhà nước)".to_owned(),
        "Nghị định 335/2025/NĐ-CP (năm 2025) và Nghị định 233/2026/NĐ-CP (từ năm 2026): đánh giá theo tháng hoặc quý, theo sản phẩm; xếp loại năm từ điểm các kỳ.".to_owned(),
        format!("Bảng `{PERIODS_SHEET}`: mỗi dòng là một người trong một kỳ (cột periods_month hoặc periods_quarter). Các cột của người (id, period_year, subject_kind, …) nhắc lại trên mỗi dòng của người đó; hai giá trị khác nhau là lỗi."),
        format!("Cột {GENERAL_ITEMS_PREFIX}<mã>: điểm từng tiêu chí chung của kỳ (thêm cột theo mã tiêu chí)."),
        format!("Bảng `{PRODUCTS_SHEET}`: mỗi dòng là một sản phẩm của một người trong một kỳ; kỳ đó phải có dòng ở bảng `{PERIODS_SHEET}`."),
        "Số thập phân được đọc chính xác (dấu phẩy hoặc dấu chấm); không dùng công thức; Có/Không cho các cột đúng/sai.".to_owned(),
        "Ghi chú ở đầu mỗi cột cho biết trường JSON tương ứng và ý nghĩa. Kiểm tra: cadre-eval evaluate tep-da-dien.xlsx --output ket-qua.xlsx".to_owned(),
        "State records by month or quarter (ND 335/2025, ND 233/2026): one periods row per person and period, one products row per product; headers are the program's column names.".to_owned(),
    ];
    sheet.write_string_with_format(0, 0, &lines[0], &title())?;
    for (row, line) in lines.iter().enumerate().skip(1) {
        let row = u32::try_from(row).map_err(|_| XlsxError::RowColumnLimitError)?;
        sheet.write_string_with_format(row + 1, 0, line, &wrapped())?;
    }
    Ok(())
}
