//! Results: the core's [`ResultTables`] written as a workbook for people — the
//! committee's summary laid out as a committee reports to its superior, the decisions
//! (one row per record, coloured by level), the long table of reasons, the rejected
//! rows with their cells — or the decisions as flat CSV. Every figure is the core's;
//! every sheet carries the provenance line.

use crate::layout::{
    body, cell, header, kind_vi, level_fill, note, provenance_line, title, title_rows, vi_day,
    wrapped, write_decimal, write_error,
};
use crate::SheetFileError;
use cadre_eval::{
    CategoryStats, CommitteeSummary, DecisionRecord, Effect, Level, Outcome, QuotaScope, Rating,
    ResultRow, ResultTables, Share, Stats, SubjectKind, COLLECTIVE_KINDS,
};
use rust_xlsxwriter::{Color, FormatAlign, FormatUnderline, Workbook, Worksheet, XlsxError};
use std::io::{self, Write};
use std::path::Path;

/// Writes `tables` as a workbook at `path`.
pub fn write_results(tables: &ResultTables, path: &Path) -> Result<(), SheetFileError> {
    let error = write_error(path);
    let provenance = provenance_line(&tables.provenance);
    let mut workbook = Workbook::new();
    summary_sheet(workbook.add_worksheet(), tables, &provenance).map_err(&error)?;
    decisions_sheet(workbook.add_worksheet(), &tables.decisions, &provenance).map_err(&error)?;
    reasons_sheet(workbook.add_worksheet(), &tables.decisions, &provenance).map_err(&error)?;
    rejected_sheet(workbook.add_worksheet(), tables, &provenance).map_err(&error)?;
    workbook.save(path).map_err(&error)
}

fn col(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

fn row_at(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// A share as a Vietnamese report writes it: `87,5%`.
fn share_vi(share: &Share) -> String {
    share.percent.replace('.', ",")
}

/// The level of a decision in words, and its code.
fn level_words(decision: &DecisionRecord) -> (String, String) {
    match (decision.outcome, decision.level) {
        (Outcome::Classified, Some(level)) => (level.vi().to_owned(), level.code().to_owned()),
        (Outcome::NotClassified, _) => ("Không xếp loại".to_owned(), "KXL".to_owned()),
        _ => (
            "Chưa xác định (cấp có thẩm quyền quyết định)".to_owned(),
            String::new(),
        ),
    }
}

/// The period of the results for a title: `NĂM 2025`, or the days.
fn period_title(tables: &ResultTables) -> String {
    match tables.provenance.periods.as_slice() {
        [period]
            if period.from.ends_with("-01-01")
                && period.to.ends_with("-12-31")
                && period.from.get(..4) == period.to.get(..4) =>
        {
            format!("NĂM {}", period.from.get(..4).unwrap_or(""))
        }
        [period] => format!("TỪ {} ĐẾN {}", vi_day(&period.from), vi_day(&period.to)),
        _ => "CÁC KỲ ĐÁNH GIÁ".to_owned(),
    }
}

/// The summary's columns: heading and width.
const SUMMARY_COLUMNS: [(&str, f64); 18] = [
    ("STT", 5.0),
    ("Nội dung", 34.0),
    ("Tổng số", 8.0),
    ("Được xếp loại", 9.0),
    ("SL", 6.0),
    ("Tỷ lệ", 8.0),
    ("SL", 6.0),
    ("Tỷ lệ", 8.0),
    ("SL", 6.0),
    ("Tỷ lệ", 8.0),
    ("SL", 6.0),
    ("Tỷ lệ", 8.0),
    ("SL", 6.0),
    ("Tỷ lệ", 8.0),
    ("Không xếp loại", 9.0),
    ("Cần cấp có thẩm quyền quyết định", 12.0),
    ("Hạ mức do tỷ lệ", 8.0),
    ("Chưa đánh giá (dữ liệu lỗi)", 10.0),
];

/// The level groups over the summary's columns 4–13.
const LEVEL_GROUPS: [(&str, usize); 5] = [
    ("Hoàn thành xuất sắc nhiệm vụ", 4),
    ("Hoàn thành tốt nhiệm vụ", 6),
    ("Hoàn thành nhiệm vụ", 8),
    ("Không hoàn thành nhiệm vụ", 10),
    ("Từ Hoàn thành tốt nhiệm vụ trở lên", 12),
];

fn summary_sheet(
    sheet: &mut Worksheet,
    tables: &ResultTables,
    provenance: &str,
) -> Result<(), XlsxError> {
    let summary = &tables.summary;
    sheet.set_name("Tổng hợp")?;
    sheet.set_active(true);
    let last = col(SUMMARY_COLUMNS.len() - 1);
    let bold_center = body().set_bold().set_align(FormatAlign::Center);
    let organ = summary
        .title
        .clone()
        .unwrap_or_else(|| "……………………".to_owned());
    sheet.merge_range(0, 0, 0, 5, &organ.to_uppercase(), &bold_center)?;
    // A workbook of state records alone is the agency's; with party records, the
    // committee's.
    let state_only =
        summary.total.state.records > 0 && summary.total.state.records == summary.total.all.records;
    let (motto, heading, signature) = if state_only {
        (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC",
            "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ",
        )
    } else if summary.total.state.records > 0 {
        (
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG, ĐẢNG VIÊN VÀ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC",
            "T/M CẤP ỦY",
        )
    } else {
        (
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN",
            "T/M CẤP ỦY",
        )
    };
    sheet.merge_range(
        0,
        11,
        0,
        last,
        motto,
        &bold_center.clone().set_underline(FormatUnderline::Single),
    )?;
    sheet.merge_range(
        1,
        11,
        1,
        last,
        "……, ngày …… tháng …… năm ……",
        &body().set_italic().set_align(FormatAlign::Center),
    )?;
    sheet.merge_range(
        3,
        0,
        3,
        last,
        heading,
        &title().set_align(FormatAlign::Center),
    )?;
    sheet.merge_range(4, 0, 4, last, &period_title(tables), &bold_center)?;
    sheet.merge_range(
        5,
        0,
        5,
        last,
        provenance,
        &note().set_text_wrap().set_align(FormatAlign::Center),
    )?;
    sheet.set_row_height(5, 26)?;
    // The table's two header rows.
    let top = 7;
    let head = header();
    for (index, (text, width)) in SUMMARY_COLUMNS.iter().enumerate() {
        sheet.set_column_width(col(index), *width)?;
        if !(4..14).contains(&index) {
            sheet.merge_range(top, col(index), top + 1, col(index), text, &head)?;
        } else {
            sheet.write_string_with_format(top + 1, col(index), *text, &head)?;
        }
    }
    for (text, first) in LEVEL_GROUPS {
        sheet.merge_range(top, col(first), top, col(first + 1), text, &head)?;
    }
    sheet.set_row_height(top, 42)?;
    sheet.set_row_height(top + 1, 30)?;
    let mut row = top + 2;
    section(sheet, &mut row, "I", "TỔNG CỘNG")?;
    category_rows(sheet, &mut row, &summary.total, 0, true)?;
    if !summary.units.is_empty() {
        section(
            sheet,
            &mut row,
            "II",
            "TỪNG ĐƠN VỊ (hồ sơ của chính đơn vị)",
        )?;
        for (index, unit) in summary.units.iter().enumerate() {
            let name = unit.name.clone().unwrap_or_else(|| unit.id.clone());
            let label = format!("{}{name}", "   ".repeat(unit.depth as usize));
            stats_row(
                sheet,
                row,
                &(index + 1).to_string(),
                &label,
                &unit.own.all,
                true,
            )?;
            row += 1;
            category_rows(sheet, &mut row, &unit.own, unit.depth as usize + 1, false)?;
            if unit.has_units_below {
                let label = format!(
                    "{}Cả đơn vị và cấp dưới",
                    "   ".repeat(unit.depth as usize + 1)
                );
                stats_row(sheet, row, "", &label, &unit.subtree.all, false)?;
                row += 1;
            }
        }
    }
    row += 1;
    not_classified_block(sheet, &mut row, summary)?;
    demotions_block(sheet, &mut row, summary)?;
    groups_block(sheet, &mut row, tables)?;
    state_groups_block(sheet, &mut row, tables)?;
    // Signatures.
    row += 1;
    sheet.merge_range(row, 0, row, 5, "Nơi nhận:", &body().set_bold().set_italic())?;
    sheet.merge_range(row, 11, row, last, signature, &bold_center)?;
    sheet.merge_range(
        row + 1,
        0,
        row + 1,
        5,
        if state_only {
            "- Cơ quan cấp trên (để báo cáo);"
        } else {
            "- Cấp ủy cấp trên (để báo cáo);"
        },
        &body(),
    )?;
    sheet.merge_range(
        row + 1,
        11,
        row + 1,
        last,
        "(Ký, ghi rõ họ tên)",
        &body().set_italic().set_align(FormatAlign::Center),
    )?;
    sheet.merge_range(row + 2, 0, row + 2, 5, "- Lưu.", &body())?;
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_center_horizontally(true);
    sheet.set_repeat_rows(top, top + 1)?;
    sheet.set_freeze_panes(top + 2, 2)?;
    Ok(())
}

/// A section's heading row.
fn section(
    sheet: &mut Worksheet,
    row: &mut u32,
    number: &str,
    text: &str,
) -> Result<(), XlsxError> {
    let format = cell()
        .set_bold()
        .set_background_color(Color::RGB(0xF2_F2_F2));
    sheet.write_string_with_format(*row, 0, number, &format)?;
    sheet.merge_range(*row, 1, *row, col(SUMMARY_COLUMNS.len() - 1), text, &format)?;
    *row += 1;
    Ok(())
}

/// The rows of each category with records, indented by `depth`.
fn category_rows(
    sheet: &mut Worksheet,
    row: &mut u32,
    stats: &CategoryStats,
    depth: usize,
    with_total: bool,
) -> Result<(), XlsxError> {
    let indent = "   ".repeat(depth);
    let categories = [
        ("Tổ chức đảng", &stats.party_organisations),
        (
            "Tập thể lãnh đạo, quản lý; cơ quan, đơn vị",
            &stats.other_collectives,
        ),
        ("Đảng viên", &stats.party_members),
        ("   Trong đó: cán bộ lãnh đạo, quản lý", &stats.leaders),
        ("Cán bộ, công chức, viên chức (Nhà nước)", &stats.state),
        ("   Trong đó: lãnh đạo, quản lý", &stats.state_leaders),
    ];
    let mut number = 0;
    for (label, figures) in categories {
        if figures.records == 0 {
            continue;
        }
        number += 1;
        let sub = if with_total && !label.starts_with(' ') {
            number.to_string()
        } else {
            String::new()
        };
        stats_row(
            sheet,
            *row,
            &sub,
            &format!("{indent}{label}"),
            figures,
            false,
        )?;
        *row += 1;
    }
    if with_total {
        stats_row(sheet, *row, "", "Tổng số hồ sơ", &stats.all, true)?;
        *row += 1;
    }
    Ok(())
}

/// One row of figures.
fn stats_row(
    sheet: &mut Worksheet,
    row: u32,
    number: &str,
    label: &str,
    stats: &Stats,
    bold: bool,
) -> Result<(), XlsxError> {
    let base = if bold { cell().set_bold() } else { cell() };
    let numbers = base.clone().set_align(FormatAlign::Center);
    let shares = base.clone().set_align(FormatAlign::Right);
    sheet.write_string_with_format(row, 0, number, &numbers)?;
    sheet.write_string_with_format(row, 1, label, &base)?;
    let s = &stats.shares;
    let counts: [(usize, u64); 11] = [
        (2, stats.records),
        (3, stats.classified),
        (4, stats.excellent),
        (6, stats.good),
        (8, stats.completed),
        (10, stats.not_completed),
        (12, stats.excellent + stats.good),
        (14, stats.not_classified),
        (15, stats.needs_decision),
        (16, stats.quota_demoted),
        (17, stats.rejected),
    ];
    for (index, count) in counts {
        #[expect(
            clippy::cast_precision_loss,
            reason = "counts of records, far below 2^53"
        )]
        sheet.write_number_with_format(row, col(index), count as f64, &numbers)?;
    }
    for (index, share) in [
        (5, &s.excellent),
        (7, &s.good),
        (9, &s.completed),
        (11, &s.not_completed),
        (13, &s.good_or_better),
    ] {
        sheet.write_string_with_format(row, col(index), share_vi(share), &shares)?;
    }
    Ok(())
}

fn small_table(
    sheet: &mut Worksheet,
    row: &mut u32,
    heading: &str,
    columns: &[(&str, u16, u16)],
    rows: &[Vec<String>],
) -> Result<(), XlsxError> {
    sheet.merge_range(
        *row,
        0,
        *row,
        col(SUMMARY_COLUMNS.len() - 1),
        heading,
        &body().set_bold(),
    )?;
    *row += 1;
    let head = header();
    for (text, first, last) in columns {
        if first == last {
            sheet.write_string_with_format(*row, *first, *text, &head)?;
        } else {
            sheet.merge_range(*row, *first, *row, *last, text, &head)?;
        }
    }
    *row += 1;
    let text = wrapped().set_align(FormatAlign::VerticalCenter);
    let number = cell().set_align(FormatAlign::Center);
    for values in rows {
        // Merged cells do not grow with their text: the row is made as tall as its
        // longest text needs.
        let lines = columns
            .iter()
            .zip(values)
            .map(|((_, first, last), value)| {
                let width: f64 = (*first..=*last)
                    .map(|c| SUMMARY_COLUMNS.get(usize::from(c)).map_or(8.0, |(_, w)| *w))
                    .sum();
                (value.chars().count() as f64 / (width * 1.1))
                    .ceil()
                    .max(1.0)
            })
            .fold(1.0_f64, f64::max);
        if lines > 1.0 {
            sheet.set_row_height(*row, 15.0 * lines)?;
        }
        for ((_, first, last), value) in columns.iter().zip(values) {
            let format =
                if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit() || b == b'%') {
                    &number
                } else {
                    &text
                };
            if first == last {
                sheet.write_string_with_format(*row, *first, value, format)?;
            } else {
                sheet.merge_range(*row, *first, *row, *last, value, format)?;
            }
        }
        *row += 1;
    }
    *row += 1;
    Ok(())
}

fn not_classified_block(
    sheet: &mut Worksheet,
    row: &mut u32,
    summary: &CommitteeSummary,
) -> Result<(), XlsxError> {
    if summary.not_classified.is_empty() {
        return Ok(());
    }
    let rows: Vec<Vec<String>> = summary
        .not_classified
        .iter()
        .enumerate()
        .map(|(i, n)| {
            vec![
                (i + 1).to_string(),
                n.rule.clone(),
                n.citation.clone(),
                n.count.to_string(),
            ]
        })
        .collect();
    small_table(
        sheet,
        row,
        "Không xếp loại, theo lý do",
        &[
            ("STT", 0, 0),
            ("Quy tắc", 1, 1),
            ("Căn cứ", 2, 9),
            ("Số lượng", 10, 11),
        ],
        &rows,
    )
}

fn demotions_block(
    sheet: &mut Worksheet,
    row: &mut u32,
    summary: &CommitteeSummary,
) -> Result<(), XlsxError> {
    if summary.demotions.is_empty() {
        return Ok(());
    }
    let rows: Vec<Vec<String>> = summary
        .demotions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            vec![
                (i + 1).to_string(),
                match &d.name {
                    Some(name) => format!("{name} ({})", d.id),
                    None => d.id.clone(),
                },
                d.unit
                    .as_deref()
                    .map(|id| {
                        summary
                            .units
                            .iter()
                            .find(|u| u.id == id)
                            .and_then(|u| u.name.clone())
                            .unwrap_or_else(|| id.to_owned())
                    })
                    .unwrap_or_default(),
                d.group.clone(),
                d.rank.to_string(),
                d.e_max.to_string(),
                if d.tied_at_cut {
                    "Đồng hạng tại ngưỡng: cần quyết định".to_owned()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    small_table(
        sheet,
        row,
        "Hạ từ Hoàn thành xuất sắc xuống Hoàn thành tốt nhiệm vụ do tỷ lệ",
        &[
            ("STT", 0, 0),
            ("Hồ sơ", 1, 1),
            ("Đơn vị", 2, 5),
            ("Nhóm tỷ lệ", 6, 9),
            ("Xếp thứ", 10, 10),
            ("Số tối đa", 11, 11),
            ("Ghi chú", 12, 17),
        ],
        &rows,
    )
}

fn groups_block(
    sheet: &mut Worksheet,
    row: &mut u32,
    tables: &ResultTables,
) -> Result<(), XlsxError> {
    let groups: Vec<Vec<String>> = tables
        .quota_groups
        .iter()
        .filter(|g| g.candidates > 0)
        .enumerate()
        .map(|(i, g)| {
            vec![
                (i + 1).to_string(),
                g.group.clone(),
                g.candidates.to_string(),
                g.good.to_string(),
                format!("{}%", g.ratio_percent),
                g.e_max.to_string(),
                g.demoted.to_string(),
                g.tied_at_cut.to_string(),
            ]
        })
        .collect();
    if groups.is_empty() {
        return Ok(());
    }
    small_table(
        sheet,
        row,
        "Tỷ lệ Hoàn thành xuất sắc nhiệm vụ theo nhóm",
        &[
            ("STT", 0, 0),
            ("Nhóm", 1, 3),
            ("Đề nghị HTXSNV", 4, 5),
            ("HTTNV", 6, 7),
            ("Tỷ lệ", 8, 9),
            ("Số tối đa", 10, 11),
            ("Bị hạ", 12, 13),
            ("Đồng hạng tại ngưỡng", 14, 15),
        ],
        &groups,
    )
}

/// What the state quota did (ND 335 Art. 20.5, ND 90 Art. 2.6): per group with similar
/// tasks, then per agency, beside the party's groups.
fn state_groups_block(
    sheet: &mut Worksheet,
    row: &mut u32,
    tables: &ResultTables,
) -> Result<(), XlsxError> {
    let groups: Vec<Vec<String>> = tables
        .state_groups
        .iter()
        .filter(|g| g.candidates > 0)
        .enumerate()
        .map(|(i, g)| {
            vec![
                (i + 1).to_string(),
                match g.scope {
                    QuotaScope::Group => format!("Nhóm: {}", g.name),
                    QuotaScope::Agency => format!("Cơ quan: {}", g.name),
                },
                format!("{} ({})", g.rule, g.regime.as_str()),
                g.ratio.clone().unwrap_or_else(|| "—".to_owned()),
                g.candidates.to_string(),
                g.good.to_string(),
                g.e_max.to_string(),
                g.demoted.to_string(),
                g.tied_at_cut.to_string(),
            ]
        })
        .collect();
    if groups.is_empty() {
        return Ok(());
    }
    small_table(
        sheet,
        row,
        "Tỷ lệ Hoàn thành xuất sắc nhiệm vụ của cán bộ, công chức, viên chức (Nhà nước), theo nhóm và cơ quan",
        &[
            ("STT", 0, 0),
            ("Nhóm, cơ quan", 1, 1),
            ("Quy tắc", 2, 3),
            ("Tỷ lệ", 4, 5),
            ("Đề nghị HTXSNV", 6, 7),
            ("HTTNV", 8, 9),
            ("Số tối đa", 10, 11),
            ("Bị hạ", 12, 13),
            ("Đồng hạng tại ngưỡng", 14, 15),
        ],
        &groups,
    )
}

/// The decision sheet's columns: heading and width.
const DECISION_COLUMNS: [(&str, f64); 21] = [
    ("STT", 5.0),
    ("Trang", 10.0),
    ("Dòng", 6.0),
    ("Đơn vị", 18.0),
    ("Mã hồ sơ", 18.0),
    ("Họ và tên", 22.0),
    ("Đối tượng", 14.0),
    ("Quy định", 11.0),
    ("Điểm", 7.0),
    ("Mức đề xuất", 28.0),
    ("Mã mức", 9.0),
    ("Cần cấp có thẩm quyền quyết định", 12.0),
    ("Quy tắc quyết định", 22.0),
    ("Căn cứ", 22.0),
    ("Lý do", 60.0),
    ("Nhóm tỷ lệ", 20.0),
    ("Xếp thứ", 7.0),
    ("Số tối đa", 7.0),
    ("Bị hạ do tỷ lệ", 8.0),
    ("Đánh giá", 10.0),
    ("Kỳ tính điểm / kỳ đã khai", 10.0),
];

fn decisions_sheet(
    sheet: &mut Worksheet,
    rows: &[ResultRow],
    provenance: &str,
) -> Result<(), XlsxError> {
    sheet.set_name("Kết quả")?;
    title_rows(
        sheet,
        "KẾT QUẢ XẾP LOẠI TỪNG HỒ SƠ (mức đề xuất)",
        provenance,
    )?;
    let top = 3;
    for (index, (text, width)) in DECISION_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(top, col(index), *text, &header())?;
        sheet.set_column_width(col(index), *width)?;
    }
    sheet.set_row_height(top, 45)?;
    let plain = cell();
    let wrap = wrapped();
    for (i, result) in rows.iter().enumerate() {
        let row = top + 1 + row_at(i);
        let d = &result.decision;
        let (words, code) = level_words(d);
        let deciding = d.deciding_reason();
        let citation = deciding.map_or(String::new(), |r| r.citation.in_words());
        let fill = level_fill(if d.outcome == Outcome::Classified {
            d.level
        } else {
            None
        });
        let level_format = plain.clone().set_background_color(fill).set_bold();
        let state = d.state.as_ref();
        // The periods that count in the mean, of those listed.
        let periods = state.map_or(String::new(), |s| {
            let counted = s.periods.iter().filter(|p| p.counted).count();
            format!("{counted}/{}", s.periods.len())
        });
        let rating = if d.rating == Some(Rating::State) {
            "Nhà nước"
        } else {
            "Đảng"
        };
        let texts: [(usize, String); 13] = [
            (1, result.sheet.clone().unwrap_or_default()),
            (3, result.unit.clone().unwrap_or_default()),
            (4, d.id.clone()),
            (5, result.name.clone().unwrap_or_default()),
            (6, kind_of(result).to_owned()),
            (7, d.regime_document.clone().unwrap_or_default()),
            (
                11,
                if d.needs_decision {
                    "Có".to_owned()
                } else {
                    String::new()
                },
            ),
            (12, deciding.map_or(String::new(), |r| r.rule.clone())),
            (13, citation),
            (
                15,
                d.quota.as_ref().map_or(String::new(), |q| q.group.clone()),
            ),
            (
                18,
                d.quota.as_ref().map_or(String::new(), |q| {
                    if q.demoted {
                        "Có".to_owned()
                    } else {
                        String::new()
                    }
                }),
            ),
            (19, rating.to_owned()),
            (20, periods),
        ];
        #[expect(clippy::cast_precision_loss, reason = "a row number")]
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &plain)?;
        for (index, text) in texts {
            sheet.write_string_with_format(row, col(index), &text, &plain)?;
        }
        match result.row {
            Some(number) => sheet.write_number_with_format(row, 2, f64::from(number), &plain)?,
            None => sheet.write_string_with_format(row, 2, "", &plain)?,
        };
        // The score (a state record's annual score) exactly: a number cell when its
        // float reads back as the same decimal, else its text.
        match &d.score {
            Some(score) => write_decimal(sheet, row, 8, &score.to_string(), &plain)?,
            None => {
                sheet.write_string_with_format(row, 8, "", &plain)?;
            }
        };
        sheet.write_string_with_format(row, 9, &words, &level_format)?;
        sheet.write_string_with_format(row, 10, &code, &level_format)?;
        sheet.write_string_with_format(
            row,
            14,
            deciding.map_or(String::new(), |r| r.message.vi.clone()),
            &wrap,
        )?;
        match &d.quota {
            Some(q) => {
                sheet.write_number_with_format(row, 16, f64::from(q.rank), &plain)?;
                sheet.write_number_with_format(row, 17, f64::from(q.e_max), &plain)?;
            }
            None => {
                sheet.write_string_with_format(row, 16, "", &plain)?;
                sheet.write_string_with_format(row, 17, "", &plain)?;
            }
        }
    }
    sheet.set_freeze_panes(top + 1, 6)?;
    if !rows.is_empty() {
        sheet.autofilter(
            top,
            0,
            top + row_at(rows.len()),
            col(DECISION_COLUMNS.len() - 1),
        )?;
    }
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// What is assessed, in words (a collective by its sub-kind).
fn kind_of(result: &ResultRow) -> &'static str {
    match (result.kind, result.collective_kind) {
        (SubjectKind::Collective, Some(kind)) => COLLECTIVE_KINDS
            .iter()
            .find(|name| name.value == kind.as_str())
            .map_or("", |name| name.vi),
        (kind, _) => kind_vi(kind),
    }
}

const REASON_COLUMNS: [(&str, f64); 10] = [
    ("STT hồ sơ", 7.0),
    ("Mã hồ sơ", 18.0),
    ("Thứ tự", 6.0),
    ("Quy tắc", 26.0),
    ("Căn cứ", 22.0),
    ("Thỏa mãn", 8.0),
    ("Tác động", 18.0),
    ("Mức", 14.0),
    ("Nội dung", 70.0),
    ("Content (English)", 60.0),
];

fn effect_vi(effect: Effect) -> &'static str {
    match effect {
        Effect::Decides => "Quyết định mức",
        Effect::Blocks => "Chặn mức cao hơn",
        Effect::Excludes => "Không xếp loại",
        Effect::NeedsDecision => "Cần quyết định",
        Effect::Demotes => "Hạ mức",
        Effect::Info => "Thông tin",
    }
}

fn reasons_sheet(
    sheet: &mut Worksheet,
    rows: &[ResultRow],
    provenance: &str,
) -> Result<(), XlsxError> {
    sheet.set_name("Lý do")?;
    title_rows(sheet, "CĂN CỨ VÀ LÝ DO CỦA TỪNG HỒ SƠ", provenance)?;
    let top = 3;
    for (index, (text, width)) in REASON_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(top, col(index), *text, &header())?;
        sheet.set_column_width(col(index), *width)?;
    }
    let plain = cell();
    let wrap = wrapped();
    let mut row = top;
    for (i, result) in rows.iter().enumerate() {
        for (position, reason) in result.decision.reasons.iter().enumerate() {
            row += 1;
            let citation = reason.citation.in_words();
            #[expect(clippy::cast_precision_loss, reason = "row numbers")]
            {
                sheet.write_number_with_format(row, 0, (i + 1) as f64, &plain)?;
                sheet.write_number_with_format(row, 2, (position + 1) as f64, &plain)?;
            }
            sheet.write_string_with_format(row, 1, &result.decision.id, &plain)?;
            sheet.write_string_with_format(row, 3, &reason.rule, &plain)?;
            sheet.write_string_with_format(row, 4, &citation, &plain)?;
            sheet.write_string_with_format(
                row,
                5,
                if reason.holds { "Có" } else { "Không" },
                &plain,
            )?;
            sheet.write_string_with_format(row, 6, effect_vi(reason.effect), &plain)?;
            sheet.write_string_with_format(row, 7, reason.level.map_or("", Level::code), &plain)?;
            sheet.write_string_with_format(row, 8, &reason.message.vi, &wrap)?;
            sheet.write_string_with_format(row, 9, &reason.message.en, &wrap)?;
        }
    }
    sheet.set_freeze_panes(top + 1, 2)?;
    if row > top {
        sheet.autofilter(top, 0, row, col(REASON_COLUMNS.len() - 1))?;
    }
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

const REJECTED_COLUMNS: [(&str, f64); 11] = [
    ("STT", 5.0),
    ("Trang", 12.0),
    ("Dòng", 6.0),
    ("Cột", 5.0),
    ("Tiêu đề cột", 26.0),
    ("Đơn vị", 16.0),
    ("Mã hồ sơ", 18.0),
    ("Đường dẫn JSON", 24.0),
    ("Mã lỗi", 18.0),
    ("Nội dung lỗi", 60.0),
    ("Message (English)", 50.0),
];

fn rejected_sheet(
    sheet: &mut Worksheet,
    tables: &ResultTables,
    provenance: &str,
) -> Result<(), XlsxError> {
    sheet.set_name("Bị từ chối")?;
    title_rows(
        sheet,
        "DÒNG, HỒ SƠ CHƯA ĐÁNH GIÁ ĐƯỢC (cần sửa dữ liệu)",
        provenance,
    )?;
    let top = 3;
    for (index, (text, width)) in REJECTED_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(top, col(index), *text, &header())?;
        sheet.set_column_width(col(index), *width)?;
    }
    let plain = cell();
    let wrap = wrapped();
    let mut row = top;
    for (i, rejected) in tables.rejected.iter().enumerate() {
        for error in &rejected.errors {
            row += 1;
            #[expect(clippy::cast_precision_loss, reason = "row numbers")]
            sheet.write_number_with_format(row, 0, (i + 1) as f64, &plain)?;
            let sheet_name = error
                .sheet
                .clone()
                .or_else(|| rejected.sheet.clone())
                .unwrap_or_else(|| {
                    rejected
                        .index
                        .map_or(String::new(), |index| format!("#{index}"))
                });
            sheet.write_string_with_format(row, 1, &sheet_name, &plain)?;
            match error.row.or(rejected.row) {
                Some(number) => {
                    sheet.write_number_with_format(row, 2, f64::from(number), &plain)?
                }
                None => sheet.write_string_with_format(row, 2, "", &plain)?,
            };
            let texts = [
                (3, error.column.clone().unwrap_or_default()),
                (4, error.header.clone().unwrap_or_default()),
                (5, rejected.unit.clone().unwrap_or_default()),
                (6, rejected.id.clone().unwrap_or_default()),
                (7, error.path.clone()),
                (8, error.code.to_string()),
            ];
            for (index, text) in texts {
                sheet.write_string_with_format(row, index, &text, &plain)?;
            }
            sheet.write_string_with_format(row, 9, &error.message.vi, &wrap)?;
            sheet.write_string_with_format(row, 10, &error.message.en, &wrap)?;
        }
    }
    if row == top {
        sheet.write_string_with_format(
            top + 1,
            1,
            "Không có: mọi dòng đã được đánh giá.",
            &body().set_italic(),
        )?;
    }
    sheet.set_freeze_panes(top + 1, 0)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// Writes the decisions as flat CSV (UTF-8 with a byte-order mark, `,` between fields,
/// numbers with a decimal point): one line per record.
pub fn write_decisions_csv(tables: &ResultTables, out: &mut impl Write) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "index",
        "sheet",
        "row",
        "unit",
        "id",
        "name",
        "regime",
        "outcome",
        "level",
        "level_vi",
        "level_code",
        "score",
        "needs_decision",
        "deciding_rule",
        "citation",
        "reason_vi",
        "reason_en",
        "quota_group",
        "quota_rank",
        "quota_e_max",
        "quota_demoted",
        "quota_tied_at_cut",
    ])?;
    for result in &tables.decisions {
        let d = &result.decision;
        let (words, code) = level_words(d);
        let deciding = d.deciding_reason();
        let quota = d.quota.as_ref();
        writer.write_record([
            result.index.to_string(),
            result.sheet.clone().unwrap_or_default(),
            result.row.map_or(String::new(), |r| r.to_string()),
            result.unit.clone().unwrap_or_default(),
            d.id.clone(),
            result.name.clone().unwrap_or_default(),
            d.regime.map_or(String::new(), |r| r.as_str().to_owned()),
            d.outcome.as_str().to_owned(),
            d.level.map_or(String::new(), |l| l.as_str().to_owned()),
            words,
            code,
            d.score.as_ref().map_or(String::new(), ToString::to_string),
            d.needs_decision.to_string(),
            deciding.map_or(String::new(), |r| r.rule.clone()),
            deciding.map_or(String::new(), |r| r.citation.in_words()),
            deciding.map_or(String::new(), |r| r.message.vi.clone()),
            deciding.map_or(String::new(), |r| r.message.en.clone()),
            quota.map_or(String::new(), |q| q.group.clone()),
            quota.map_or(String::new(), |q| q.rank.to_string()),
            quota.map_or(String::new(), |q| q.e_max.to_string()),
            quota.map_or(String::new(), |q| q.demoted.to_string()),
            quota.map_or(String::new(), |q| q.tied_at_cut.to_string()),
        ])?;
    }
    writer.flush()?;
    Ok(())
}
