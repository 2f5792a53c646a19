//! The state workbook (ND 335, ND 233; design §16): a periods sheet and a products sheet
//! headed in Vietnamese (the core's labels of its two-table reader's columns,
//! [`PERIOD_COLUMNS`], [`PRODUCT_COLUMNS`]), each header with a note giving its English
//! header, its name and JSON path, its meaning and the articles behind it under the
//! template's regime; drop-down lists for choices and flags, number ranges, frozen
//! headers and an instructions sheet listing every column with its articles; empty, or
//! filled from state records (one periods row per person and period, one products row
//! per product). `cadre-eval evaluate` reads the headers back in either language or by
//! name.

use crate::layout::{header, title, wrapped, write_decimal, write_error};
use crate::SheetFileError;
use cadre_eval::{
    column_letter, LongColumn, LongKind, LongLevel, RegimeId, FLAGS, GENERAL_ITEMS_PREFIX,
    GENERAL_ITEM_HEADERS, PERIODS_SHEET, PERIOD_COLUMNS, PRODUCTS_SHEET, PRODUCT_COLUMNS,
};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, Note, Workbook,
    Worksheet, XlsxError,
};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// The instructions sheet.
const INSTRUCTIONS: &str = "Hướng dẫn";
/// Rows prepared (validation) below the header.
const ROWS: u32 = 2000;

/// Writes the empty state workbook of `regime` (`nd335`, `nd233`: the articles its notes
/// and instructions cite) at `path`.
pub fn write_state_template(path: &Path, regime: RegimeId) -> Result<(), SheetFileError> {
    write_state_records(path, regime, &[]).map(|_| ())
}

/// Writes the state workbook at `path` filled with the state records among `records`
/// (JSON objects of the input contract; those whose `rating` is not `state` are
/// skipped): one periods row per person and period, every leaf in its column (a
/// period's `general_items` in `periods_general_items_<id>` columns), one products row
/// per product. A number is written as a number cell when the float it becomes reads
/// back as the same decimal, else as its text (read back exactly). Returns how many
/// records it wrote.
pub fn write_state_records(
    path: &Path,
    regime: RegimeId,
    records: &[Value],
) -> Result<usize, SheetFileError> {
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
    table_sheet(sheet, PERIODS_SHEET, PERIOD_COLUMNS, regime).map_err(&error)?;
    let first_item = u16::try_from(PERIOD_COLUMNS.len()).unwrap_or(u16::MAX);
    for (offset, item) in items.iter().enumerate() {
        let col = first_item.saturating_add(u16::try_from(offset).unwrap_or(u16::MAX));
        let text = format!("{} {item}", GENERAL_ITEM_HEADERS[0]);
        sheet
            .write_string_with_format(0, col, text, &header())
            .map_err(&error)?;
        let note = format!(
            "{} {item}\n{GENERAL_ITEMS_PREFIX}{item} · /periods/*/general_items/{item}",
            GENERAL_ITEM_HEADERS[1]
        );
        sheet.insert_note(0, col, &note_of(note)).map_err(&error)?;
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
    table_sheet(sheet, PRODUCTS_SHEET, PRODUCT_COLUMNS, regime).map_err(&error)?;
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
    instructions(workbook.add_worksheet(), regime).map_err(&error)?;
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

/// Writes a JSON leaf into a cell: a text, a number (exactly: [`write_decimal`]), a
/// flag as its Vietnamese label; anything else is left empty.
fn put(sheet: &mut Worksheet, row: u32, col: u16, value: Option<&Value>) -> Result<(), XlsxError> {
    match value {
        Some(Value::String(text)) => sheet.write_string(row, col, text).map(|_| ()),
        Some(Value::Number(number)) => {
            write_decimal(sheet, row, col, &number.to_string(), &Format::new())
        }
        // A flag as its label (`Có`, `Không`), as the party template writes it: a boolean
        // cell beside empty ones reads as a float column in pandas.
        Some(Value::Bool(flag)) => {
            let value = if *flag { "true" } else { "false" };
            let label = FLAGS.iter().find(|f| f.value == value).map_or("", |f| f.vi);
            sheet.write_string(row, col, label).map(|_| ())
        }
        _ => Ok(()),
    }
}

/// A header's note.
fn note_of(text: String) -> Note {
    Note::new(text)
        .set_width(360)
        .set_height(160)
        .add_author_prefix(false)
}

/// The articles a column's rules are written in under `regime`, joined.
fn cited(column: &LongColumn, regime: RegimeId) -> String {
    let cited: Vec<String> = column
        .citations(regime)
        .into_iter()
        .map(|c| format!("{} ({})", c.text, c.rule))
        .collect();
    cited.join("; ")
}

/// What a header's note says: the English header, the name and path a program uses,
/// what the column asks, and the articles behind it.
fn note_text(column: &LongColumn, regime: RegimeId) -> String {
    let mut text = format!(
        "{}\n{} · {}\n\n{}",
        column.en, column.name, column.path, column.description
    );
    let cited = cited(column, regime);
    if !cited.is_empty() {
        text.push_str(&format!("\n\nCăn cứ / Basis: {cited}"));
    }
    text
}

fn table_sheet(
    sheet: &mut Worksheet,
    name: &str,
    columns: &[LongColumn],
    regime: RegimeId,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    sheet.set_row_height(0, 48)?;
    for (index, column) in columns.iter().enumerate() {
        let col = u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)?;
        sheet.write_string_with_format(0, col, column.vi, &header())?;
        sheet.insert_note(0, col, &note_of(note_text(column, regime)))?;
        let width = (column.vi.chars().count() as f64 * 0.6).clamp(8.0, 30.0);
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

/// The instructions: what each sheet holds, then every column with its headers, name,
/// JSON path, meaning and the articles behind it under `regime`.
fn instructions(sheet: &mut Worksheet, regime: RegimeId) -> Result<(), XlsxError> {
    sheet.set_name(INSTRUCTIONS)?;
    let info = regime.info();
    let lines = [
        "Mẫu đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức (Nhà nước)".to_owned(),
        format!("Quy định áp dụng: {} — Nghị định 335/2025/NĐ-CP (công chức) và Nghị định 233/2026/NĐ-CP (viên chức, từ năm 2026): đánh giá theo tháng hoặc quý, theo sản phẩm; xếp loại năm từ điểm các kỳ. Cột `Căn cứ` dưới đây dẫn điều, khoản theo {}.", info.document, info.document),
        format!("Bảng `{PERIODS_SHEET}`: mỗi dòng là một người trong một kỳ (cột Tháng hoặc Quý). Các cột của người (mã hồ sơ, năm, đối tượng, …) nhắc lại trên mỗi dòng của người đó; hai giá trị khác nhau là lỗi."),
        format!("Cột `{} <mã>`: điểm từng tiêu chí chung của kỳ (thêm cột theo mã tiêu chí).", GENERAL_ITEM_HEADERS[0]),
        format!("Bảng `{PRODUCTS_SHEET}`: mỗi dòng là một sản phẩm của một người trong một kỳ; kỳ đó phải có dòng ở bảng `{PERIODS_SHEET}`."),
        "Số thập phân được đọc chính xác (dấu phẩy hoặc dấu chấm); không dùng công thức; Có/Không cho các cột đúng/sai.".to_owned(),
        "Tiêu đề cột có thể là tiếng Việt, tiếng Anh hoặc tên trong chương trình; ghi chú ở đầu mỗi cột cho biết tên tiếng Anh, trường JSON, ý nghĩa và căn cứ. Kiểm tra: cadre-eval evaluate tep-da-dien.xlsx --output ket-qua.xlsx".to_owned(),
        "State records by month or quarter (ND 335/2025, ND 233/2026): one periods row per person and period, one products row per product; headers in Vietnamese, English or the program's names.".to_owned(),
    ];
    sheet.write_string_with_format(0, 0, &lines[0], &title())?;
    let mut row = 1u32;
    for line in lines.iter().skip(1) {
        sheet.write_string(row, 0, line)?;
        row += 1;
    }
    row += 1;
    let headings = [
        ("Trang", 14.0),
        ("Cột", 5.0),
        ("Tiêu đề", 34.0),
        ("English", 30.0),
        ("Tên trong chương trình", 30.0),
        ("Đường dẫn JSON", 30.0),
        ("Meaning", 45.0),
        ("Căn cứ", 45.0),
    ];
    for (col, (text, width)) in (0u16..).zip(headings) {
        sheet.write_string_with_format(row, col, text, &header())?;
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(row + 1, 0)?;
    let wrap = wrapped();
    for (name, columns) in [
        (PERIODS_SHEET, PERIOD_COLUMNS),
        (PRODUCTS_SHEET, PRODUCT_COLUMNS),
    ] {
        for (index, column) in (0u32..).zip(columns) {
            row += 1;
            let cells = [
                name.to_owned(),
                column_letter(index),
                column.vi.to_owned(),
                column.en.to_owned(),
                column.name.to_owned(),
                column.path.to_owned(),
                column.description.to_owned(),
                cited(column, regime),
            ];
            for (col, text) in (0u16..).zip(&cells) {
                sheet.write_string_with_format(row, col, text, &wrap)?;
            }
        }
    }
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}
