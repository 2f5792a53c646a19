//! What the workbooks share: formats, the title and provenance lines of every sheet,
//! the names of types and kinds as people read them, and error conversion.

use crate::SheetFileError;
use cadre_eval::{CellType, Level, Provenance, SubjectKind, SUBJECT_KINDS};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};
use std::path::Path;

/// The red of party documents, for headers.
pub const HEADER_FILL: u32 = 0x9C_1C_1C;
/// The font of every sheet: one a Vietnamese reader has on every system.
pub const FONT: &str = "Times New Roman";

/// A writing error, for the file `path`.
pub fn write_error(path: &Path) -> impl Fn(XlsxError) -> SheetFileError + '_ {
    move |error| SheetFileError::Write {
        path: path.to_path_buf(),
        detail: error.to_string(),
    }
}

/// Plain text.
pub fn body() -> Format {
    Format::new().set_font_name(FONT).set_font_size(11)
}

/// Plain text with a thin border, for table cells.
pub fn cell() -> Format {
    body()
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0x80_80_80))
        .set_align(FormatAlign::VerticalCenter)
}

/// A table cell whose text wraps.
pub fn wrapped() -> Format {
    cell().set_text_wrap().set_align(FormatAlign::Top)
}

/// A table's header cell.
pub fn header() -> Format {
    body()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(HEADER_FILL))
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0x60_60_60))
}

/// A sheet's title.
pub fn title() -> Format {
    body().set_bold().set_font_size(14)
}

/// The provenance line under a title.
pub fn note() -> Format {
    body()
        .set_italic()
        .set_font_size(9)
        .set_font_color(Color::RGB(0x40_40_40))
}

/// The fill of a level's cells (none for no level).
pub fn level_fill(level: Option<Level>) -> Color {
    match level {
        Some(Level::Excellent) => Color::RGB(0xA9_D0_8E),
        Some(Level::Good) => Color::RGB(0xD9_EA_D3),
        Some(Level::Completed) => Color::RGB(0xFF_F2_CC),
        Some(Level::NotCompleted) => Color::RGB(0xF4_CC_CC),
        None => Color::RGB(0xE7_E6_E6),
    }
}

/// A Vietnamese day from `YYYY-MM-DD`: `20/12/2025`.
pub fn vi_day(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(year), Some(month), Some(day)) => format!("{day}/{month}/{year}"),
        _ => iso.to_owned(),
    }
}

/// The provenance line every sheet carries.
pub fn provenance_line(provenance: &Provenance) -> String {
    let regimes: Vec<&str> = provenance
        .regimes
        .iter()
        .map(|r| r.documents.as_str())
        .collect();
    let days: Vec<String> = provenance
        .evaluation_days
        .iter()
        .map(|d| vi_day(d))
        .collect();
    let periods: Vec<String> = provenance
        .periods
        .iter()
        .map(|p| format!("{} – {}", vi_day(&p.from), vi_day(&p.to)))
        .collect();
    let catalogue = provenance
        .conduct_catalogue
        .as_deref()
        .map_or(String::new(), |version| {
            format!(" · danh mục chuẩn mực {version}")
        });
    format!(
        "{} · hợp đồng dữ liệu v{}{catalogue} · quy định: {} · kỳ: {} · ngày đánh giá: {}{} — mức đề xuất; cấp có thẩm quyền quyết định",
        provenance.engine,
        provenance.contract,
        if regimes.is_empty() { "—".to_owned() } else { regimes.join(" | ") },
        if periods.is_empty() { "—".to_owned() } else { periods.join(", ") },
        if days.is_empty() { "—".to_owned() } else { days.join(", ") },
        if provenance.quota { " · áp dụng tỷ lệ xuất sắc" } else { "" },
    )
}

/// Writes a sheet's title and provenance on its first two rows.
pub fn title_rows(
    sheet: &mut Worksheet,
    title_text: &str,
    provenance: &str,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, title_text, &title())?;
    sheet.write_string_with_format(1, 0, provenance, &note())?;
    Ok(())
}

/// How a cell type reads in the instructions: Vietnamese, English.
pub fn cell_type_names(cell: CellType) -> (&'static str, &'static str) {
    match cell {
        CellType::Text => ("Văn bản", "Text"),
        CellType::Date => ("Ngày (20/12/2025)", "Date"),
        CellType::Choice => ("Chọn trong danh sách", "One of a list"),
        CellType::Whole => ("Số nguyên", "Whole number"),
        CellType::Decimal => (
            "Số, tối đa 2 chữ số thập phân",
            "Number, at most 2 decimals",
        ),
        CellType::Flag => ("Có / Không", "Yes / No"),
        CellType::List => ("Các mã, cách nhau bằng dấu phẩy", "Ids, comma-separated"),
    }
}

/// A kind of subject in Vietnamese.
pub fn kind_vi(kind: SubjectKind) -> &'static str {
    SUBJECT_KINDS
        .iter()
        .find(|name| name.value == kind.as_str())
        .map_or("", |name| name.vi)
}

/// Writes a decimal's text (`27.5`, `-3`, `12.345678901234567891`) as a number cell when
/// the float it becomes reads back as the same decimal (a reader reads a float cell by
/// its shortest text), else as the text itself, which the reader reads exactly: a
/// number is never written as its nearest float.
pub fn write_decimal(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    match text.parse::<f64>() {
        Ok(number) if number.is_finite() && same_decimal(&number.to_string(), text) => sheet
            .write_number_with_format(row, col, number, format)
            .map(|_| ()),
        _ => sheet
            .write_string_with_format(row, col, text, format)
            .map(|_| ()),
    }
}

/// Whether two decimal texts are the same number (`27.50` and `27.5`, `3` and `+3.0`);
/// a text with an exponent or no digits is the same as nothing.
fn same_decimal(a: &str, b: &str) -> bool {
    match (canonical_decimal(a), canonical_decimal(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// A decimal text without sign noise, leading or trailing zeros: `-012.50` → `-12.5`.
fn canonical_decimal(text: &str) -> Option<String> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    let fraction = fraction.trim_end_matches('0');
    let magnitude = match (whole.is_empty(), fraction.is_empty()) {
        (true, true) => return Some("0".to_owned()),
        (_, true) => whole.to_owned(),
        (true, false) => format!("0.{fraction}"),
        (false, false) => format!("{whole}.{fraction}"),
    };
    Some(if negative {
        format!("-{magnitude}")
    } else {
        magnitude
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_compare_by_value_not_by_text() {
        assert!(same_decimal("27.5", "27.50"));
        assert!(same_decimal("3", "+3.0"));
        assert!(same_decimal("0", "-0.00"));
        assert!(same_decimal("0.1", ".1"));
        assert!(!same_decimal("27.5", "27.05"));
        assert!(!same_decimal("1e2", "100"));
        assert!(!same_decimal("", "0"));
        // The float nearest a long decimal prints as another decimal.
        let long = "12.345678901234567891";
        assert!(!same_decimal(
            &long.parse::<f64>().unwrap().to_string(),
            long
        ));
        assert!(same_decimal(
            &"27.35".parse::<f64>().unwrap().to_string(),
            "27.35"
        ));
    }
}
