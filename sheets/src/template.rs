//! Templates: the core's [`Template`] written as a workbook to fill in (headers with
//! notes, drop-down lists, number ranges and date cells, frozen headers, an
//! instructions sheet citing the rule behind each column), or as CSV.

use crate::layout::{
    body, cell_type_names, header, kind_vi, title, wrapped, write_decimal, write_error, FONT,
};
use crate::SheetFileError;
use cadre_eval::{
    CellType, SheetRole, Template, TemplateColumn, TemplateSheet, TemplateValue, FLAGS,
};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format, Formula,
    Note, Workbook, Worksheet, XlsxError,
};
use std::io::{self, Write};
use std::path::Path;

/// The instructions sheet.
const INSTRUCTIONS: &str = "Hướng dẫn";
/// The hidden sheet the drop-down lists read.
const LISTS: &str = "Danh mục";
/// Rows a template prepares (validation, formats) beyond those filled in.
const SPARE_ROWS: u32 = 1000;

/// Header language of a template.
fn header_text(column: &TemplateColumn, english: bool) -> &str {
    if english {
        &column.header.en
    } else {
        &column.header.vi
    }
}

/// Writes `template` as a workbook at `path`, its headers in Vietnamese (or English).
pub fn write_template(
    template: &Template,
    path: &Path,
    english: bool,
) -> Result<(), SheetFileError> {
    let error = write_error(path);
    let mut workbook = Workbook::new();
    let lists = list_columns(template);
    for sheet in &template.sheets {
        let worksheet = workbook.add_worksheet();
        data_sheet(worksheet, sheet, &lists, english).map_err(&error)?;
        if sheet.role == SheetRole::Records {
            worksheet.set_active(true);
        }
    }
    instructions(workbook.add_worksheet(), template).map_err(&error)?;
    lists_sheet(workbook.add_worksheet(), &lists).map_err(&error)?;
    workbook.save(path).map_err(&error)
}

/// The lists of the drop-downs: one column of the lists sheet per distinct list.
fn list_columns(template: &Template) -> Vec<Vec<String>> {
    let mut lists: Vec<Vec<String>> = vec![FLAGS.iter().map(|f| f.vi.to_owned()).collect()];
    for column in template.sheets.iter().flat_map(|s| &s.columns) {
        let labels: Vec<String> = column.choices.iter().map(|c| c.label.vi.clone()).collect();
        if !labels.is_empty() && !lists.contains(&labels) {
            lists.push(labels);
        }
    }
    lists
}

/// The letters of a column, from 0.
fn letter(column: u16) -> String {
    cadre_eval::column_letter(u32::from(column))
}

/// A formula naming list `index` of the lists sheet.
fn list_formula(lists: &[Vec<String>], labels: &[String]) -> Option<Formula> {
    let index = lists.iter().position(|list| list == labels)?;
    let column = letter(u16::try_from(index).ok()?);
    Some(Formula::new(format!(
        "='{LISTS}'!${column}$2:${column}${}",
        labels.len() + 1
    )))
}

fn data_sheet(
    sheet: &mut Worksheet,
    template: &TemplateSheet,
    lists: &[Vec<String>],
    english: bool,
) -> Result<(), XlsxError> {
    sheet.set_name(if english {
        &template.name.en
    } else {
        &template.name.vi
    })?;
    let last_row = u32::try_from(template.rows.len())
        .unwrap_or(u32::MAX)
        .saturating_add(SPARE_ROWS);
    sheet.set_row_height(0, 48)?;
    let mut frozen = 0;
    for (index, column) in template.columns.iter().enumerate() {
        let col = u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)?;
        let text = header_text(column, english);
        sheet.write_string_with_format(0, col, text, &header())?;
        sheet.insert_note(
            0,
            col,
            &Note::new(note_text(column))
                .set_width(420)
                .set_height(260)
                .add_author_prefix(false),
        )?;
        let width = (text.chars().count() as f64 * 0.55).clamp(10.0, 30.0);
        sheet.set_column_width(col, width)?;
        if let Some(format) = column_format(column.cell) {
            sheet.set_column_format(col, &format)?;
        }
        if let Some(validation) = validation(column, lists)? {
            sheet.add_data_validation(1, col, last_row, col, &validation)?;
        }
        if matches!(column.key.as_str(), "id" | "name" | "unit") {
            frozen = col + 1;
        }
    }
    sheet.set_freeze_panes(1, frozen)?;
    for (row_index, row) in template.rows.iter().enumerate() {
        let row_number =
            u32::try_from(row_index + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (index, value) in row.iter().enumerate() {
            let (Some(value), Ok(col)) = (value, u16::try_from(index)) else {
                continue;
            };
            let cell = template
                .columns
                .get(index)
                .map_or(CellType::Text, |c| c.cell);
            write_value(sheet, row_number, col, value, cell)?;
        }
    }
    Ok(())
}

/// The format a column's cells get.
fn column_format(cell: CellType) -> Option<Format> {
    let format = body();
    match cell {
        // Text cells keep what is typed (an id `0012` stays `0012`).
        CellType::Text | CellType::List => Some(format.set_num_format("@")),
        CellType::Date => Some(format.set_num_format("dd/mm/yyyy")),
        CellType::Whole => Some(format.set_num_format("0")),
        CellType::Decimal | CellType::Choice | CellType::Flag => Some(format),
    }
}

/// What a header's note says: the English name, the name and path a program uses, what
/// the column asks, and the rules that read it.
fn note_text(column: &TemplateColumn) -> String {
    let mut text = format!("{}\n{}", column.header.en, column.key);
    if let Some(path) = &column.path {
        text.push_str(&format!(" · {path}"));
    }
    text.push_str(&format!("\n\n{}\n{}", column.help.vi, column.help.en));
    if !column.citations.is_empty() {
        let cited: Vec<&str> = column.citations.iter().map(|c| c.text.as_str()).collect();
        text.push_str(&format!("\n\nCăn cứ: {}", cited.join("; ")));
    }
    text
}

/// The data validation of a column, if its cells have one.
fn validation(
    column: &TemplateColumn,
    lists: &[Vec<String>],
) -> Result<Option<DataValidation>, XlsxError> {
    let range =
        |min: Option<i64>, max: Option<i64>| (min.unwrap_or(0), max.unwrap_or(i64::from(i32::MAX)));
    let validation = match column.cell {
        CellType::Choice => {
            let labels: Vec<String> = column.choices.iter().map(|c| c.label.vi.clone()).collect();
            match list_formula(lists, &labels) {
                Some(formula) => DataValidation::new().allow_list_formula(formula),
                None => return Ok(None),
            }
        }
        CellType::Flag => {
            let labels: Vec<String> = FLAGS.iter().map(|f| f.vi.to_owned()).collect();
            match list_formula(lists, &labels) {
                Some(formula) => DataValidation::new().allow_list_formula(formula),
                None => return Ok(None),
            }
        }
        CellType::Whole => {
            let (min, max) = range(column.min, column.max);
            let bound = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
            DataValidation::new()
                .allow_whole_number(DataValidationRule::Between(bound(min), bound(max)))
        }
        CellType::Decimal => {
            let (min, max) = range(column.min, column.max);
            #[expect(
                clippy::cast_precision_loss,
                reason = "bounds of a few digits, exact as floats"
            )]
            let rule = DataValidationRule::Between(min as f64, max as f64);
            DataValidation::new().allow_decimal_number(rule)
        }
        CellType::Date => DataValidation::new().allow_date(DataValidationRule::Between(
            ExcelDateTime::from_ymd(1920, 1, 1)?,
            ExcelDateTime::from_ymd(2100, 12, 31)?,
        )),
        CellType::Text | CellType::List => return Ok(None),
    };
    let message: String = column.help.vi.chars().take(250).collect();
    Ok(Some(
        validation
            .set_input_message(message)?
            .set_error_style(DataValidationErrorStyle::Stop)
            .set_error_message(error_message(column).chars().take(250).collect::<String>())?,
    ))
}

/// What a rejected entry is told.
fn error_message(column: &TemplateColumn) -> String {
    let (vi, _) = cell_type_names(column.cell);
    match (column.min, column.max) {
        (Some(min), Some(max)) => format!("{}: {vi} từ {min} đến {max}", column.header.vi),
        _ => format!("{}: {vi}", column.header.vi),
    }
}

/// Writes a filled value as its column shows it.
fn write_value(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &TemplateValue,
    cell: CellType,
) -> Result<(), XlsxError> {
    match value {
        TemplateValue::Text(text) | TemplateValue::Choice(text) => {
            sheet.write_string(row, col, text)?;
        }
        TemplateValue::Whole(n) => {
            #[expect(
                clippy::cast_precision_loss,
                reason = "counts and years, far below 2^53"
            )]
            sheet.write_number(row, col, *n as f64)?;
        }
        // A number cell when the float reads back as this decimal, else its text.
        TemplateValue::Decimal(text) => write_decimal(sheet, row, col, text, &Format::new())?,
        TemplateValue::Date(iso) => match ExcelDateTime::parse_from_str(iso) {
            Ok(day) => {
                sheet.write_datetime_with_format(
                    row,
                    col,
                    &day,
                    &body().set_num_format("dd/mm/yyyy"),
                )?;
            }
            Err(_) => {
                sheet.write_string(row, col, iso)?;
            }
        },
        TemplateValue::Flag(flag) => {
            let name = FLAGS
                .iter()
                .find(|f| f.value == if *flag { "true" } else { "false" });
            sheet.write_string(row, col, name.map_or("", |n| n.vi))?;
        }
    }
    let _ = cell;
    Ok(())
}

/// The instructions: how to fill the sheets, and each column with its rule.
fn instructions(sheet: &mut Worksheet, template: &Template) -> Result<(), XlsxError> {
    sheet.set_name(INSTRUCTIONS)?;
    sheet.write_string_with_format(
        0,
        0,
        "HƯỚNG DẪN ĐIỀN MẪU / HOW TO FILL IN THIS TEMPLATE",
        &title(),
    )?;
    let kinds: Vec<&str> = template.kinds.iter().map(|k| kind_vi(*k)).collect();
    let lines = [
        format!("Quy định áp dụng: {} — đối tượng: {}.", template.documents, kinds.join(", ")),
        "1. Mỗi dòng của trang Hồ sơ là một hồ sơ (một đảng viên, một cán bộ hoặc một tập thể). Dòng trống được bỏ qua. / One row per record; empty rows are skipped.".to_owned(),
        "2. Ô để trống là không có thông tin. Không ghi 0 thay cho ô trống. / An empty cell is an absent field.".to_owned(),
        "3. Số: gõ 27,5 hoặc 27.5; tối đa hai chữ số thập phân; chữ trong ô số là lỗi, không phải số 0. / Numbers: 27,5 or 27.5, at most two decimals; text in a number cell is an error.".to_owned(),
        "4. Ngày: ô định dạng ngày, hoặc gõ 20/12/2025 (ngày/tháng/năm) hoặc 2025-12-20. / Dates: a date cell, or 20/12/2025, or 2025-12-20.".to_owned(),
        "5. Không nhập công thức, không gộp ô: mỗi giá trị nằm trong ô của nó. / No formulas, no merged cells.".to_owned(),
        "6. Cột có danh sách chọn: chọn trong danh sách. Tiêu đề cột có thể là tiếng Việt, tiếng Anh hoặc tên trong chương trình; đưa chuột vào tiêu đề để xem ghi chú. / Headers may be Vietnamese, English or the program's names; each header has a note.".to_owned(),
        "7. Xếp loại: cadre-eval evaluate TỆP.xlsx --quota --output ket-qua.xlsx (cây tổ chức: cadre-eval org TỆP.xlsx --output ket-qua.xlsx). / Then run the command shown.".to_owned(),
    ];
    for (row, line) in lines.iter().enumerate() {
        sheet.write_string_with_format(u32::try_from(row + 1).unwrap_or(1), 0, line, &body())?;
    }
    let mut row = u32::try_from(lines.len() + 2).unwrap_or(10);
    let headings = [
        ("Trang", 12.0),
        ("Cột", 5.0),
        ("Tiêu đề", 30.0),
        ("English", 26.0),
        ("Tên trong chương trình", 26.0),
        ("Đường dẫn JSON", 26.0),
        ("Kiểu", 18.0),
        ("Bắt buộc", 9.0),
        ("Áp dụng cho", 16.0),
        ("Giá trị", 30.0),
        ("Ý nghĩa", 45.0),
        ("Meaning", 40.0),
        ("Căn cứ", 30.0),
    ];
    for (col, (text, width)) in headings.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(0);
        sheet.write_string_with_format(row, col, *text, &header())?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(row + 1, 0)?;
    let wrap = wrapped();
    for data in &template.sheets {
        for (index, column) in data.columns.iter().enumerate() {
            row += 1;
            let kinds: Vec<&str> = column.kinds.iter().map(|k| kind_vi(*k)).collect();
            let values = if column.choices.is_empty() {
                match (column.min, column.max) {
                    (Some(min), Some(max)) => format!("{min} – {max}"),
                    _ => String::new(),
                }
            } else {
                let labels: Vec<&str> =
                    column.choices.iter().map(|c| c.label.vi.as_str()).collect();
                labels.join("; ")
            };
            let cited: Vec<String> = column
                .citations
                .iter()
                .map(|c| format!("{} ({})", c.text, c.rule))
                .collect();
            let cells = [
                data.name.vi.clone(),
                letter(u16::try_from(index).unwrap_or(0)),
                column.header.vi.clone(),
                column.header.en.clone(),
                column.key.clone(),
                column.path.clone().unwrap_or_default(),
                cell_type_names(column.cell).0.to_owned(),
                if column.required {
                    "Có".to_owned()
                } else {
                    String::new()
                },
                if kinds.is_empty() {
                    "Tất cả".to_owned()
                } else {
                    kinds.join(", ")
                },
                values,
                column.help.vi.clone(),
                column.help.en.clone(),
                cited.join("; "),
            ];
            for (col, text) in cells.iter().enumerate() {
                sheet.write_string_with_format(
                    row,
                    u16::try_from(col).unwrap_or(0),
                    text,
                    &wrap,
                )?;
            }
        }
    }
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn lists_sheet(sheet: &mut Worksheet, lists: &[Vec<String>]) -> Result<(), XlsxError> {
    sheet.set_name(LISTS)?;
    for (index, list) in lists.iter().enumerate() {
        let col = u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)?;
        sheet.write_string_with_format(
            0,
            col,
            "Danh sách",
            &body().set_bold().set_font_name(FONT),
        )?;
        for (row, label) in list.iter().enumerate() {
            sheet.write_string(u32::try_from(row + 1).unwrap_or(1), col, label)?;
        }
        sheet.set_column_width(col, 30)?;
    }
    sheet.set_hidden(true);
    Ok(())
}

/// Writes the records sheet of `template` as CSV (UTF-8 with a byte-order mark, `,`
/// between fields), its headers in Vietnamese (or English). A tree's units do not fit
/// in one CSV file: its template is a workbook.
pub fn write_template_csv(
    template: &Template,
    out: &mut impl Write,
    english: bool,
) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::Writer::from_writer(out);
    for sheet in template
        .sheets
        .iter()
        .filter(|s| s.role == SheetRole::Records)
    {
        writer.write_record(sheet.columns.iter().map(|c| header_text(c, english)))?;
        for row in &sheet.rows {
            writer.write_record(row.iter().map(|value| {
                match value {
                    None => String::new(),
                    Some(
                        TemplateValue::Text(t)
                        | TemplateValue::Choice(t)
                        | TemplateValue::Decimal(t)
                        | TemplateValue::Date(t),
                    ) => t.clone(),
                    Some(TemplateValue::Whole(n)) => n.to_string(),
                    Some(TemplateValue::Flag(flag)) => FLAGS
                        .iter()
                        .find(|f| f.value == if *flag { "true" } else { "false" })
                        .map_or(String::new(), |f| f.vi.to_owned()),
                }
            }))?;
        }
    }
    writer.flush()?;
    Ok(())
}
