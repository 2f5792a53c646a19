//! State records from two long tables (design §16): a **periods** table, one row per
//! person and period, and an optional **products** table, one row per product.
//!
//! A state record under `nd335`/`nd233` is a list of periods, each with its list of
//! products: lists of lists, which a flat row cannot hold. Analysts and secretaries keep
//! them as two tables instead. The person-level columns (`id`, `subject_kind`,
//! `agency`, …) repeat on every row of a person; a value that differs between two of
//! them is a `conflict` naming its column (an empty cell is no value). The period-level
//! columns are `periods_*` (`periods_month` or `periods_quarter` names the period); a
//! product row names its person and period by `id` and `periods_month` or
//! `periods_quarter`, and one whose period has no row is an error on that row.
//!
//! Each person's record is built as the JSON record the contract reads, then decoded and
//! validated as any record is, so the two tables mean exactly what the record means.
//! Cells are read as the flat columns read them (`intake::flat`): decimals exactly, by
//! their shortest text; a text in a number column is an error, never a zero; a `false`
//! in a flag that defaults to `false` is no value. Every problem is placed: its table,
//! row (from 0, in the table's order) and column.

use crate::contract::choices::{
    find_choice, label_key, ChoiceName, DISCIPLINE_KINDS, EMPLOYMENTS, FLAGS, LEAVE_KINDS, LEVELS,
    STATE_REGIMES, SUBJECT_KINDS,
};
use crate::contract::errors::{ErrorCode, InputError};
use crate::contract::form::FieldCitation;
use crate::contract::regime::RegimeId;
use crate::intake::columns::{header_names, prefixed_header};
use crate::intake::flat::{cell_decimal, day_month_year, is_integer_text, Cell};
use crate::regimes::state::citations::state_citation;
use crate::rules::catalogue::Rule;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The prefix of the per-item general points of a period under a criteria profile:
/// `periods_general_items_<id>` holds `/periods/*/general_items/<id>`.
pub const GENERAL_ITEMS_PREFIX: &str = "periods_general_items_";

/// Which of the two tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LongTableName {
    /// One row per person and period.
    Periods,
    /// One row per product.
    Products,
}

impl LongTableName {
    /// `periods` or `products`.
    pub fn as_str(self) -> &'static str {
        match self {
            LongTableName::Periods => "periods",
            LongTableName::Products => "products",
        }
    }
}

/// A table as a front end reads it: its column names and, per row, one cell per column
/// (`None` for an empty cell).
#[derive(Debug, Clone, Default)]
pub struct LongTable<'a> {
    /// The column names, in order.
    pub columns: Vec<&'a str>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Option<Cell<'a>>>>,
}

/// Where a problem is: its table, row (from 0) and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TablePlace {
    /// The table.
    pub table: LongTableName,
    /// The row, from 0 in the table's order.
    pub row: usize,
    /// The column's name.
    pub column: String,
}

/// A problem and its place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedError {
    /// Where (none for a problem of no row, as an empty periods table).
    pub place: Option<TablePlace>,
    /// What.
    pub error: InputError,
}

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongKind {
    /// Text.
    Text,
    /// A day (`YYYY-MM-DD` or `D/M/YYYY`).
    Date,
    /// A year.
    Year,
    /// A whole number from 0.
    Count,
    /// A decimal, read exactly.
    Decimal,
    /// True or false, whose default is `false`: a `false` is no value.
    FlagFalse,
    /// True or false, both stated.
    Flag,
    /// One of the names (or either of their labels).
    Choice(&'static [ChoiceName]),
}

/// Where a column's values go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongLevel {
    /// The person: repeated on each of the person's rows.
    Person,
    /// The period of the row.
    Period,
    /// The product of the row (the products table).
    Product,
}

/// One column of the long tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LongColumn {
    /// Its name in a table.
    pub name: &'static str,
    /// Its header on a Vietnamese sheet (a state template's first row).
    pub vi: &'static str,
    /// Its English header.
    pub en: &'static str,
    /// The JSON path of its field, relative to the record, the period or the product.
    pub path: &'static str,
    /// What it holds.
    pub kind: LongKind,
    /// Where it goes.
    pub level: LongLevel,
    /// What it asks, in English.
    pub description: &'static str,
    /// The rules that read it (a template cites their articles under its regime).
    pub rules: &'static [Rule],
}

/// A column: its name, headers (Vietnamese, English), path, kind, level, meaning and
/// rules.
const fn column(
    name: &'static str,
    (vi, en): (&'static str, &'static str),
    path: &'static str,
    kind: LongKind,
    level: LongLevel,
    description: &'static str,
    rules: &'static [Rule],
) -> LongColumn {
    LongColumn {
        name,
        vi,
        en,
        path,
        kind,
        level,
        description,
        rules,
    }
}

impl LongColumn {
    /// Where the rules that read it are written under `regime` (`nd335`, `nd233`: ND 233
    /// cites its own articles, `regimes::state::citations`), each text once.
    pub fn citations(&self, regime: RegimeId) -> Vec<FieldCitation> {
        let mut cited: Vec<FieldCitation> = Vec::new();
        for &rule in self.rules {
            let text = state_citation(rule, regime, None, false).in_words();
            if !cited.iter().any(|c| c.text == text) {
                cited.push(FieldCitation {
                    rule: rule.id().to_owned(),
                    text,
                });
            }
        }
        cited
    }
}

use LongKind as K;
use LongLevel as L;
use Rule as R;

const LEAVE: &[Rule] = &[R::StateShort, R::StateLeave, R::StateTimeWorked];
const QUOTA: &[Rule] = &[R::StateQuota, R::StateRecognised];
const DISCIPLINED: &[Rule] = &[R::StateDisciplined];
const NOT_COUNTED: &[Rule] = &[R::StateDisciplined, R::StateDisciplineNotCounted];
const PERIOD_KEY: &[Rule] = &[R::StatePeriodScore, R::StateYear];
const ID: (&str, &str) = ("Mã hồ sơ", "Record id");
const MONTH: (&str, &str) = ("Tháng", "Month");
const QUARTER: (&str, &str) = ("Quý", "Quarter");

/// The columns of the periods table (besides the family [`GENERAL_ITEMS_PREFIX`]).
#[rustfmt::skip]
pub const PERIOD_COLUMNS: &[LongColumn] = &[
    column("id", ID, "/id", K::Text, L::Person, "The person's id.", &[]),
    column("rating", ("Loại đánh giá", "Rating"), "/rating", K::Text, L::Person, "`state` (the default here).", &[]),
    column("regime", ("Quy định áp dụng", "Regime"), "/regime", K::Choice(STATE_REGIMES), L::Person, "nd335, nd233 (selected by the year when empty).", &[]),
    column("period_year", ("Năm đánh giá", "Year"), "/period/year", K::Year, L::Person, "The year rated.", &[R::StateYear]),
    column("as_of", ("Ngày đánh giá", "Evaluation day"), "/as_of", K::Date, L::Person, "The evaluation day (default 31/12 of the year).", &[]),
    column("subject_kind", ("Đối tượng", "Subject kind"), "/subject/kind", K::Choice(SUBJECT_KINDS), L::Person, "member (staff) or leader (head or deputy).", &[R::StatePeriodScore]),
    column("subject_employment", ("Công chức hay viên chức", "Employment"), "/subject/employment", K::Choice(EMPLOYMENTS), L::Person, "cong_chuc, vien_chuc or can_bo.", &[R::StateNone]),
    column("subject_unit_regulation", ("Đơn vị có quy chế đánh giá riêng", "Unit has its own regulation"), "/subject/unit_regulation", K::Flag, L::Person, "Viên chức in 2026: the unit has its own regulation.", &[]),
    column("agency", ("Cơ quan, đơn vị", "Agency"), "/agency", K::Text, L::Person, "The agency, for the quota.", QUOTA),
    column("quota_group", ("Nhóm tỷ lệ xuất sắc", "Quota group"), "/quota_group", K::Text, L::Person, "The group with similar tasks, for the quota.", QUOTA),
    column("leave_months_worked", ("Số tháng thực tế làm việc", "Months worked"), "/leave/months_worked", K::Decimal, L::Person, "Months actually worked in the year.", LEAVE),
    column("leave_months_absent", ("Số tháng nghỉ", "Months of leave"), "/leave/months_absent", K::Decimal, L::Person, "Months of leave in the year.", LEAVE),
    column("leave_kind", ("Loại nghỉ", "Kind of leave"), "/leave/kind", K::Choice(LEAVE_KINDS), L::Person, "The kind of the leave.", LEAVE),
    column("conclusions_degradation", ("Kết luận suy thoái", "Concluded degradation"), "/conclusions/degradation", K::FlagFalse, L::Person, "Concluded degraded (ND 335 Art. 20.4.b).", &[R::StateConduct]),
    column("conclusions_prohibition_breach", ("Vi phạm những điều không được làm", "Prohibition breach"), "/conclusions/prohibition_breach", K::FlagFalse, L::Person, "Concluded in breach of a prohibition.", &[R::StateConduct]),
    column("conclusions_exemplary_breach", ("Vi phạm quy định nêu gương", "Exemplary-conduct breach"), "/conclusions/exemplary_breach", K::FlagFalse, L::Person, "Concluded in breach of exemplary conduct.", &[R::StateConduct]),
    column("leader_scope_corruption_disciplined", ("Để xảy ra tham nhũng, lãng phí, tiêu cực và bị xử lý", "Corruption in scope, disciplined"), "/leader/scope_corruption_disciplined", K::FlagFalse, L::Person, "Leader: corruption in the scope led, disciplined.", &[R::StateScopeCorruption]),
    column("leader_headed_level", ("Xếp loại của đơn vị do mình đứng đầu", "Level of the unit headed"), "/leader/headed_level", K::Choice(LEVELS), L::Person, "Head: the level of the unit headed (ND 233 Art. 12.7).", &[R::StateHeadCap]),
    column("mitigation_self_detected_and_remedied", ("Tự phát hiện, khắc phục kịp thời", "Self-detected and remedied"), "/mitigation/self_detected_and_remedied", K::FlagFalse, L::Person, "Leader: the corruption was self-detected and remedied.", &[R::StateScopeCorruption]),
    column("discipline_form", ("Hình thức kỷ luật", "Discipline: form"), "/discipline/0/form", K::Text, L::Person, "One discipline record: its form.", DISCIPLINED),
    column("discipline_kind", ("Loại kỷ luật (đảng, hành chính)", "Discipline: kind"), "/discipline/0/kind", K::Choice(DISCIPLINE_KINDS), L::Person, "party or administrative.", DISCIPLINED),
    column("discipline_decided_on", ("Ngày quyết định kỷ luật", "Discipline: decided on"), "/discipline/0/decided_on", K::Date, L::Person, "The day it was decided.", NOT_COUNTED),
    column("discipline_duty_related", ("Kỷ luật liên quan đến nhiệm vụ được giao", "Discipline: duty related"), "/discipline/0/duty_related", K::Flag, L::Person, "Related to the duties (default yes).", DISCIPLINED),
    column("discipline_at_previous_unit", ("Vi phạm xảy ra ở đơn vị cũ", "Discipline: at the previous unit"), "/discipline/0/at_previous_unit", K::FlagFalse, L::Person, "Decided at a previous unit.", &[R::StateOldUnit]),
    column("discipline_counted_before", ("Kỷ luật đã tính ở năm trước", "Discipline: counted before"), "/discipline/0/counted_before", K::FlagFalse, L::Person, "Already counted in an earlier year.", NOT_COUNTED),
    column("periods_month", MONTH, "/month", K::Count, L::Period, "The month (1–12); or periods_quarter.", PERIOD_KEY),
    column("periods_quarter", QUARTER, "/quarter", K::Count, L::Period, "The quarter (1–4); or periods_month.", PERIOD_KEY),
    column("periods_no_work", ("Không được giao nhiệm vụ trong kỳ", "No assigned work in the period"), "/no_work", K::FlagFalse, L::Period, "No assigned work in the period (left out of the mean).", &[R::StateNoWork]),
    column("periods_general", ("Điểm tiêu chí chung (tối đa 30)", "General criteria points (max 30)"), "/general", K::Decimal, L::Period, "General criteria points G (0–30).", &[R::StatePeriodScore]),
    column("periods_task_results", ("Điểm kết quả thực hiện nhiệm vụ (tối đa 70)", "Task results points (max 70)"), "/task_results", K::Decimal, L::Period, "Task results R (0–70) given directly, without products.", &[R::StatePeriodScore]),
    column("periods_unit_staff_not_completed", ("Số người do mình quản lý dưới 50 điểm", "Staff managed under 50"), "/unit/staff_not_completed", K::Count, L::Period, "Leader: staff managed scoring under 50 in the period.", &[R::StateUnitResults]),
    column("periods_unit_prolonged_delays", ("Đơn vị chậm tiến độ kéo dài", "Prolonged delays in the unit"), "/unit/prolonged_delays", K::FlagFalse, L::Period, "Leader: prolonged delays in the unit (đ = ½).", &[R::StateOrganising]),
    column("periods_unit_disunity_complaints", ("Đơn vị mất đoàn kết, đơn thư kéo dài", "Disunity or complaints in the unit"), "/unit/disunity_complaints", K::FlagFalse, L::Period, "Leader: disunity or complaints in the unit (e = ½).", &[R::StateRallying]),
    column("periods_unit_d", ("Điểm d (kết quả của đơn vị)", "d given directly"), "/unit/d", K::Decimal, L::Period, "Leader: d given directly.", &[R::StateUnitResults]),
    column("periods_unit_dd", ("Điểm đ (tổ chức thực hiện)", "đ given directly"), "/unit/dd", K::Decimal, L::Period, "Leader: đ given directly.", &[R::StateOrganising]),
    column("periods_unit_e", ("Điểm e (tập hợp, đoàn kết)", "e given directly"), "/unit/e", K::Decimal, L::Period, "Leader: e given directly.", &[R::StateRallying]),
];

/// The columns of the products table.
#[rustfmt::skip]
pub const PRODUCT_COLUMNS: &[LongColumn] = &[
    column("id", ID, "/id", K::Text, L::Person, "The person's id.", &[]),
    column("periods_month", MONTH, "/month", K::Count, L::Period, "The month of the product's period.", PERIOD_KEY),
    column("periods_quarter", QUARTER, "/quarter", K::Count, L::Period, "The quarter of the product's period.", PERIOD_KEY),
    column("label", ("Tên sản phẩm", "Product"), "/label", K::Text, L::Product, "What the product is (for people).", &[]),
    column("weight", ("Trọng số quy đổi", "Converted weight"), "/weight", K::Decimal, L::Product, "Its converted weight (> 0).", &[R::StateQuantity]),
    column("done", ("Hoàn thành trong kỳ", "Done"), "/done", K::Flag, L::Product, "Completed in the period.", &[R::StateQuantity]),
    column("quality_failures", ("Số lần không đạt chất lượng", "Quality failures"), "/quality_failures", K::Count, L::Product, "Unexcused failed quality reviews.", &[R::StateQuality]),
    column("delays", ("Số lần chậm tiến độ", "Delays"), "/delays", K::Count, L::Product, "Unexcused delays.", &[R::StateProgress]),
    column("extra", ("Ngoài nhiệm vụ được giao", "Beyond the assignment"), "/extra", K::FlagFalse, L::Product, "Completed beyond the assignment.", &[R::StateQuantity]),
];

/// The period columns that name a period.
const PERIOD_KEYS: [&str; 2] = ["periods_month", "periods_quarter"];

/// One person read from the tables.
#[derive(Debug, Clone)]
pub struct LongPerson {
    /// The person's id.
    pub id: String,
    /// The person's rows of the periods table.
    pub rows: Vec<usize>,
    /// The record (JSON text), or every problem found reading it.
    pub record: Result<String, Vec<PlacedError>>,
    places: Places,
}

impl LongPerson {
    /// The place of a problem at `path` of this person's record.
    pub fn place(&self, path: &str) -> TablePlace {
        self.places.place(path)
    }

    /// `errors`, each at its place in the tables.
    pub fn placed(&self, errors: Vec<InputError>) -> Vec<PlacedError> {
        errors
            .into_iter()
            .map(|error| PlacedError {
                place: Some(self.place(&error.path)),
                error,
            })
            .collect()
    }
}

/// Where a person's values came from.
#[derive(Debug, Clone, Default)]
struct Places {
    /// The person's first row.
    first: usize,
    /// Person-level column → the row its value came from.
    person: HashMap<&'static str, usize>,
    /// Per period index: its row and the column naming it.
    periods: Vec<(usize, &'static str)>,
    /// Per period index, per product index: its row.
    products: Vec<Vec<usize>>,
}

impl Places {
    fn place(&self, path: &str) -> TablePlace {
        let periods = |row: usize, column: String| TablePlace {
            table: LongTableName::Periods,
            row,
            column,
        };
        let mut segments = path.trim_start_matches('/').split('/');
        if path.starts_with("/periods/") {
            segments.next();
            let index = segments.next().and_then(|s| s.parse::<usize>().ok());
            if let Some(&(row, key)) = index.and_then(|i| self.periods.get(i)) {
                let rest: Vec<&str> = segments.collect();
                if rest.first() == Some(&"products") {
                    let product = rest.get(1).and_then(|s| s.parse::<usize>().ok());
                    let product_row = index
                        .and_then(|i| self.products.get(i))
                        .zip(product)
                        .and_then(|(rows, j)| rows.get(j).copied());
                    if let Some(product_row) = product_row {
                        let name = rest.get(2).copied().unwrap_or("");
                        let column = PRODUCT_COLUMNS
                            .iter()
                            .find(|c| c.level == L::Product && c.path[1..] == *name)
                            .map_or("weight", |c| c.name);
                        return TablePlace {
                            table: LongTableName::Products,
                            row: product_row,
                            column: column.to_owned(),
                        };
                    }
                    return periods(row, key.to_owned());
                }
                let joined = rest.join("_");
                let column = if rest.first() == Some(&"general_items") && rest.len() > 1 {
                    format!("{GENERAL_ITEMS_PREFIX}{}", rest[1..].join("/"))
                } else if PERIOD_COLUMNS
                    .iter()
                    .any(|c| c.level == L::Period && c.name == format!("periods_{joined}"))
                {
                    format!("periods_{joined}")
                } else {
                    key.to_owned()
                };
                return periods(row, column);
            }
        }
        let name = path.trim_start_matches('/').replace('/', "_");
        let name = name.replace("discipline_0_", "discipline_");
        match PERIOD_COLUMNS.iter().find(|c| c.name == name) {
            Some(c) => periods(
                self.person.get(c.name).copied().unwrap_or(self.first),
                c.name.to_owned(),
            ),
            None if path == "/periods" || path.starts_with("/periods/") => {
                periods(self.first, PERIOD_KEYS[0].to_owned())
            }
            None => periods(self.first, "id".to_owned()),
        }
    }
}

/// What the two tables hold: the persons in order of first appearance, and the problems
/// that belong to no person (an unknown column, a row without an id, a product of no
/// person).
#[derive(Debug, Clone, Default)]
pub struct LongRead {
    /// The persons.
    pub persons: Vec<LongPerson>,
    /// Problems of no person.
    pub errors: Vec<PlacedError>,
}

/// The header prefixes of a general item's column besides [`GENERAL_ITEMS_PREFIX`],
/// Vietnamese and English (`Tiêu chí chung: politics_ethics`).
pub const GENERAL_ITEM_HEADERS: [&str; 2] = ["Tiêu chí chung:", "General item:"];

/// A column of the long tables as a header names it: one of the table's columns, or a
/// general item's (the periods table only), by its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongHeader<'h> {
    /// One of the table's columns.
    Column(&'static LongColumn),
    /// `periods_general_items_<id>`: the id.
    GeneralItem(&'h str),
}

impl LongHeader<'_> {
    /// The column's name in a table (`periods_general_items_<id>` for a general item).
    pub fn name(&self) -> String {
        match self {
            LongHeader::Column(column) => column.name.to_owned(),
            LongHeader::GeneralItem(item) => format!("{GENERAL_ITEMS_PREFIX}{item}"),
        }
    }

    fn is_id(&self) -> bool {
        matches!(self, LongHeader::Column(column) if column.name == "id")
    }
}

/// The column of `table` a header names: a column's name, its Vietnamese or English
/// header (compared as every sheet's headers are, `intake::columns::header_names`), or,
/// in the periods table, a general item's column (`periods_general_items_<id>`,
/// `Tiêu chí chung: <id>`, `General item: <id>`; the id as written).
pub fn long_column_of_header(table: LongTableName, header: &str) -> Option<LongHeader<'_>> {
    let header = header.trim();
    let columns = match table {
        LongTableName::Periods => PERIOD_COLUMNS,
        LongTableName::Products => PRODUCT_COLUMNS,
    };
    let key = label_key(header);
    if let Some(column) = columns
        .iter()
        .find(|c| header_names(&key, [c.name, c.vi, c.en]))
    {
        return Some(LongHeader::Column(column));
    }
    if table != LongTableName::Periods {
        return None;
    }
    prefixed_header(header, GENERAL_ITEMS_PREFIX, GENERAL_ITEM_HEADERS)
        .flatten()
        .map(LongHeader::GeneralItem)
}

fn cell_error(
    code: ErrorCode,
    place: TablePlace,
    path: String,
    vi: String,
    en: String,
) -> PlacedError {
    PlacedError {
        place: Some(place),
        error: InputError::new(code, path, vi, en),
    }
}

/// Resolves a table's columns (by [`long_column_of_header`]): each known, or an error
/// of the table (a header no column has, or a second header of one column).
fn resolve<'a>(
    table: &LongTable<'a>,
    name: LongTableName,
    errors: &mut Vec<PlacedError>,
) -> Vec<Option<LongHeader<'a>>> {
    let mut seen: Vec<LongHeader<'a>> = Vec::new();
    table
        .columns
        .iter()
        .map(|&column| {
            let place = TablePlace {
                table: name,
                row: 0,
                column: column.to_owned(),
            };
            let Some(found) = long_column_of_header(name, column) else {
                errors.push(cell_error(
                    ErrorCode::UnknownField,
                    place,
                    String::new(),
                    format!(
                        "Bảng `{}`: cột `{column}` không có trong mẫu",
                        name.as_str()
                    ),
                    format!("table `{}`: `{column}` is not a column", name.as_str()),
                ));
                return None;
            };
            if seen.contains(&found) {
                errors.push(cell_error(
                    ErrorCode::InvalidValue,
                    place,
                    String::new(),
                    format!("Bảng `{}`: cột `{column}` có hai lần", name.as_str()),
                    format!("table `{}`: column `{column}` appears twice", name.as_str()),
                ));
                return None;
            }
            seen.push(found);
            Some(found)
        })
        .collect()
}

/// Reads one cell as its JSON value (`None`: no value).
fn read_cell(
    kind: LongKind,
    name: &str,
    cell: Option<Cell<'_>>,
) -> Result<Option<Value>, (ErrorCode, String, String)> {
    let wrong = |vi: &str, en: &str| {
        Err((
            ErrorCode::InvalidType,
            format!("Cột `{name}`: cần {vi}"),
            format!("column `{name}`: expected {en}"),
        ))
    };
    let Some(cell) = cell else { return Ok(None) };
    if matches!(cell, Cell::Number(n) if n.is_nan()) {
        return Ok(None);
    }
    match kind {
        K::Text => match cell {
            Cell::Text(text) => Ok(Some(Value::String(text.to_owned()))),
            _ => wrong("văn bản", "text"),
        },
        K::Date => match cell {
            Cell::Text(text) => match day_month_year(text) {
                Some(Some(day)) => Ok(Some(Value::String(day.format("%Y-%m-%d").to_string()))),
                Some(None) => {
                    let e = InputError::invalid_date("", text);
                    Err((e.code, e.message.vi, e.message.en))
                }
                None => Ok(Some(Value::String(text.to_owned()))),
            },
            _ => wrong("một ngày (YYYY-MM-DD)", "a day (YYYY-MM-DD)"),
        },
        K::Year | K::Count => {
            let whole = match cell {
                Cell::Integer(n) => Some(n),
                // Exact: every integer-valued f64 in this range converts without loss.
                Cell::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Some(n as i64),
                Cell::Text(text) if is_integer_text(text.trim()) => text.trim().parse().ok(),
                _ => None,
            };
            match whole {
                Some(n) if kind == K::Count && n < 0 => Err((
                    ErrorCode::OutOfRange,
                    format!("Cột `{name}`: {n} không phải số đếm hợp lệ"),
                    format!("column `{name}`: {n} is not a valid count"),
                )),
                Some(n) => Ok(Some(Value::from(n))),
                None => wrong("một số nguyên", "a whole number"),
            }
        }
        K::Decimal => {
            let number = cell_decimal(cell);
            match number {
                Some(n) => Ok(Some(Value::Number(n))),
                None => wrong("một số thập phân", "a decimal number"),
            }
        }
        K::Flag | K::FlagFalse => {
            let flag = match cell {
                Cell::Flag(flag) => Some(flag),
                Cell::Text(text) => find_choice(FLAGS, text).map(|n| n.value == "true"),
                _ => None,
            };
            match flag {
                Some(false) if kind == K::FlagFalse => Ok(None),
                Some(flag) => Ok(Some(Value::Bool(flag))),
                None => wrong("Có hoặc Không", "true or false"),
            }
        }
        K::Choice(names) => match cell {
            Cell::Text(text) => match find_choice(names, text) {
                Some(choice) => Ok(Some(Value::String(choice.value.to_owned()))),
                None => {
                    let values: Vec<&str> = names.iter().map(|n| n.value).collect();
                    let labels: Vec<&str> = names.iter().map(|n| n.vi).collect();
                    Err((
                        ErrorCode::InvalidValue,
                        format!(
                            "Cột `{name}`: `{text}` không hợp lệ; các giá trị: {} ({})",
                            labels.join("; "),
                            values.join(", ")
                        ),
                        format!(
                            "column `{name}`: `{text}` is not one of {}",
                            values.join(", ")
                        ),
                    ))
                }
            },
            _ => wrong("văn bản", "text"),
        },
    }
}

/// Sets `value` at the JSON path `path` (segments separated by `/`) under `target`.
fn set_path(target: &mut Map<String, Value>, path: &str, value: Value) {
    let mut segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let Some(last) = segments.pop() else { return };
    let mut map = target;
    for segment in segments {
        if segment == "0" {
            // `/discipline/0/…`: the one discipline record of the columns.
            continue;
        }
        let entry = map
            .entry(segment.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if segment == "discipline" {
            if !entry.is_array() {
                *entry = Value::Array(vec![Value::Object(Map::new())]);
            }
            let Some(Value::Object(record)) = entry.as_array_mut().and_then(|a| a.first_mut())
            else {
                return;
            };
            map = record;
            continue;
        }
        let Value::Object(next) = entry else { return };
        map = next;
    }
    map.insert(last.to_owned(), value);
}

/// A person being read.
struct Reading {
    id: String,
    rows: Vec<usize>,
    record: Map<String, Value>,
    person_values: HashMap<&'static str, (usize, Value)>,
    periods: Vec<(Map<String, Value>, Vec<Value>)>,
    /// Per period index: (key column, number) naming it.
    keys: Vec<Option<(&'static str, i64)>>,
    errors: Vec<PlacedError>,
    places: Places,
}

fn place(table: LongTableName, row: usize, column: &str) -> TablePlace {
    TablePlace {
        table,
        row,
        column: column.to_owned(),
    }
}

/// The id of a row, or the error of a row without one.
fn row_id<'a>(
    table: LongTableName,
    row: usize,
    cells: &[Option<Cell<'a>>],
    id_column: Option<usize>,
) -> Result<Option<&'a str>, PlacedError> {
    let cell = id_column.and_then(|i| cells.get(i).copied().flatten());
    match cell {
        Some(Cell::Text(text)) if !text.trim().is_empty() => Ok(Some(text)),
        None | Some(Cell::Number(_))
            if cells
                .iter()
                .all(|c| c.is_none() || matches!(c, Some(Cell::Number(n)) if n.is_nan())) =>
        {
            Ok(None)
        }
        _ => Err(cell_error(
            ErrorCode::MissingField,
            place(table, row, "id"),
            "/id".to_owned(),
            format!(
                "Bảng `{}`, dòng {row}: thiếu mã `id`, hoặc mã không phải văn bản",
                table.as_str()
            ),
            format!(
                "table `{}`, row {row}: the `id` is missing or not a text",
                table.as_str()
            ),
        )),
    }
}

/// Reads the two tables into state records, one per person (by `id`, in order of first
/// appearance), each with every problem found placed in its table.
pub fn read_long_tables(periods: &LongTable<'_>, products: Option<&LongTable<'_>>) -> LongRead {
    let mut errors = Vec::new();
    let period_columns = resolve(periods, LongTableName::Periods, &mut errors);
    let id_column = period_columns
        .iter()
        .position(|c| c.is_some_and(|c| c.is_id()));
    if id_column.is_none() {
        errors.push(PlacedError {
            place: None,
            error: InputError::new(
                ErrorCode::MissingField,
                "/id",
                "Bảng `periods` thiếu cột `id`",
                "the table `periods` has no column `id`",
            ),
        });
        return LongRead {
            persons: Vec::new(),
            errors,
        };
    }
    let mut readings: Vec<Reading> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let table = LongTableName::Periods;
    for (row, cells) in periods.rows.iter().enumerate() {
        let id = match row_id(table, row, cells, id_column) {
            Ok(Some(id)) => id,
            Ok(None) => continue,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let index = *by_id.entry(id.to_owned()).or_insert_with(|| {
            readings.push(Reading {
                id: id.to_owned(),
                rows: Vec::new(),
                record: Map::new(),
                person_values: HashMap::new(),
                periods: Vec::new(),
                keys: Vec::new(),
                errors: Vec::new(),
                places: Places {
                    first: row,
                    ..Places::default()
                },
            });
            readings.len() - 1
        });
        let Some(person) = readings.get_mut(index) else {
            continue;
        };
        person.rows.push(row);
        let mut period = Map::new();
        let mut key: Option<(&'static str, i64)> = None;
        let mut key_column = PERIOD_KEYS[0];
        for (known, cell) in period_columns.iter().zip(cells) {
            let Some(known) = known else { continue };
            let (name, kind) = match known {
                LongHeader::Column(c) => (c.name, c.kind),
                LongHeader::GeneralItem(_) => ("", K::Decimal),
            };
            let shown = known.name();
            let value = match read_cell(kind, &shown, *cell) {
                Ok(Some(value)) => value,
                Ok(None) => continue,
                Err((code, vi, en)) => {
                    let index = person.periods.len();
                    let path = match known {
                        LongHeader::Column(c) if c.level == L::Person => c.path.to_owned(),
                        LongHeader::Column(c) => format!("/periods/{index}{}", c.path),
                        LongHeader::GeneralItem(item) => {
                            format!("/periods/{index}/general_items/{item}")
                        }
                    };
                    let at = place(table, row, &shown);
                    person.errors.push(cell_error(code, at, path, vi, en));
                    continue;
                }
            };
            match known {
                LongHeader::GeneralItem(item) => {
                    let items = period
                        .entry("general_items")
                        .or_insert_with(|| Value::Object(Map::new()));
                    if let Value::Object(items) = items {
                        items.insert((*item).to_owned(), value);
                    }
                }
                LongHeader::Column(c) if c.level == L::Period => {
                    if PERIOD_KEYS.contains(&name) {
                        key_column = c.name;
                        if let Value::Number(n) = &value {
                            key = n.as_i64().map(|n| (c.name, n));
                        }
                    }
                    set_path(&mut period, c.path, value);
                }
                LongHeader::Column(c) => match person.person_values.get(c.name) {
                    Some((first, earlier)) if *earlier != value => {
                        person.errors.push(cell_error(
                            ErrorCode::Conflict,
                            place(table, row, c.name),
                            c.path.to_owned(),
                            format!(
                                "Cột `{}` của `{}`: `{value}` khác `{earlier}` ở dòng {first}; các dòng của một người phải cùng giá trị",
                                c.name, person.id
                            ),
                            format!(
                                "column `{}` of `{}`: `{value}` differs from `{earlier}` on row {first}; a person's rows must agree",
                                c.name, person.id
                            ),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        person.places.person.insert(c.name, row);
                        person.person_values.insert(c.name, (row, value.clone()));
                        set_path(&mut person.record, c.path, value);
                    }
                },
            }
        }
        person.places.periods.push((row, key_column));
        person.places.products.push(Vec::new());
        person.keys.push(key);
        person.periods.push((period, Vec::new()));
    }
    if let Some(products) = products {
        read_products(products, &mut readings, &by_id, &mut errors);
    }
    let persons = readings.into_iter().map(finish).collect();
    LongRead { persons, errors }
}

/// Reads the products table into the persons' periods.
fn read_products(
    products: &LongTable<'_>,
    readings: &mut [Reading],
    by_id: &HashMap<String, usize>,
    errors: &mut Vec<PlacedError>,
) {
    let table = LongTableName::Products;
    let columns = resolve(products, table, errors);
    let id_column = columns.iter().position(|c| c.is_some_and(|c| c.is_id()));
    for (row, cells) in products.rows.iter().enumerate() {
        let id = match row_id(table, row, cells, id_column) {
            Ok(Some(id)) => id,
            Ok(None) => continue,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let mut product = Map::new();
        let mut key: Option<(&'static str, i64)> = None;
        let mut problems = Vec::new();
        for (known, cell) in columns.iter().zip(cells) {
            let Some(LongHeader::Column(c)) = known else {
                continue;
            };
            if c.level == L::Person {
                continue;
            }
            match read_cell(c.kind, c.name, *cell) {
                Ok(Some(value)) if c.level == L::Period => {
                    if let Value::Number(n) = &value {
                        key = key.or(n.as_i64().map(|n| (c.name, n)));
                    }
                }
                Ok(Some(value)) => set_path(&mut product, c.path, value),
                Ok(None) => {}
                Err((code, vi, en)) => {
                    let path = format!("/periods/*/products/*{}", c.path);
                    problems.push(cell_error(code, place(table, row, c.name), path, vi, en));
                }
            }
        }
        let person = by_id.get(id).and_then(|&i| readings.get_mut(i));
        let period = person
            .as_ref()
            .and_then(|p| key.and_then(|key| p.keys.iter().position(|k| *k == Some(key))));
        match (person, period) {
            (Some(person), Some(period)) if problems.is_empty() => {
                if let Some((_, list)) = person.periods.get_mut(period) {
                    list.push(Value::Object(product));
                }
                if let Some(rows) = person.places.products.get_mut(period) {
                    rows.push(row);
                }
            }
            (person, period) => {
                if period.is_none() {
                    let column = key.map_or(PERIOD_KEYS[0], |(c, _)| c);
                    let which = key.map_or_else(String::new, |(c, n)| format!(" ({c} = {n})"));
                    problems.push(PlacedError {
                        place: Some(place(table, row, column)),
                        error: InputError::new(
                            ErrorCode::MissingField,
                            "/periods",
                            format!(
                                "Bảng `products`, dòng {row}: sản phẩm của `{id}`{which} không có dòng kỳ tương ứng trong bảng `periods`"
                            ),
                            format!(
                                "table `products`, row {row}: the product of `{id}`{which} has no period row in the table `periods`"
                            ),
                        ),
                    });
                }
                match person {
                    Some(person) => person.errors.extend(problems),
                    None => errors.extend(problems),
                }
            }
        }
    }
}

/// A person's record (JSON text), or the problems found reading it.
fn finish(mut person: Reading) -> LongPerson {
    let record = if person.errors.is_empty() {
        if !person.record.contains_key("rating") {
            person
                .record
                .insert("rating".to_owned(), Value::String("state".to_owned()));
        }
        let periods: Vec<Value> = person
            .periods
            .into_iter()
            .map(|(mut period, products)| {
                if !products.is_empty() {
                    period.insert("products".to_owned(), Value::Array(products));
                }
                Value::Object(period)
            })
            .collect();
        person
            .record
            .insert("periods".to_owned(), Value::Array(periods));
        Ok(Value::Object(person.record).to_string())
    } else {
        Err(person.errors)
    };
    LongPerson {
        id: person.id,
        rows: person.rows,
        record,
        places: person.places,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_names_its_own_column_and_no_other() {
        for (table, columns) in [
            (LongTableName::Periods, PERIOD_COLUMNS),
            (LongTableName::Products, PRODUCT_COLUMNS),
        ] {
            let mut seen: Vec<(String, &str)> = Vec::new();
            for column in columns {
                for header in [column.name, column.vi, column.en] {
                    let key = label_key(header);
                    assert!(
                        seen.iter()
                            .all(|(k, name)| *k != key || *name == column.name),
                        "{header} names two columns"
                    );
                    seen.push((key, column.name));
                    assert_eq!(
                        long_column_of_header(table, header),
                        Some(LongHeader::Column(column)),
                        "{header}"
                    );
                }
            }
        }
        for header in [
            "periods_general_items_capacity",
            "Tiêu chí chung: capacity",
            " tiêu chí CHUNG:capacity ",
            "General item:  capacity",
        ] {
            assert_eq!(
                long_column_of_header(LongTableName::Periods, header),
                Some(LongHeader::GeneralItem("capacity")),
                "{header}"
            );
        }
        for (table, header) in [
            (LongTableName::Periods, "Tiêu chí chung:"),
            (LongTableName::Periods, "periods_general_items_"),
            (LongTableName::Products, "Tiêu chí chung: capacity"),
            (LongTableName::Periods, "Số con"),
        ] {
            assert_eq!(long_column_of_header(table, header), None, "{header}");
        }
    }

    #[test]
    fn a_column_cites_its_articles_under_the_regime() {
        let general = PERIOD_COLUMNS
            .iter()
            .find(|c| c.name == "conclusions_degradation")
            .map(|c| (c.citations(RegimeId::Nd335), c.citations(RegimeId::Nd233)));
        let texts = |cited: &[FieldCitation]| -> Vec<String> {
            cited.iter().map(|c| c.text.clone()).collect()
        };
        let (nd335, nd233) = general.unwrap_or_default();
        assert_eq!(texts(&nd335), ["335/2025/NĐ-CP, Điều 20, khoản 4.b"]);
        assert_eq!(texts(&nd233), ["233/2026/NĐ-CP, Điều 12, khoản 4.b"]);
        assert_eq!(nd335[0].rule, "nd335.20.4.b");
    }
}
