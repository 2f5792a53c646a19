//! State records from long tables (design §16): a periods table and a products table
//! (`intake::long`), with party records evaluated in the same call (pairs by `id`),
//! both quotas and the link, as [`evaluate_with_pairs`] does for JSON records.

use crate::api::pairs::evaluate_with_pairs;
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::level::Options;
use crate::contract::quota::{GroupQuotaReport, QuotaOptions};
use crate::contract::sheet::{LocatedError, RejectedRow};
use crate::contract::state::StateQuotaReport;
use crate::intake::flat::Cell;
pub use crate::intake::long::{
    long_column_of_header, read_long_tables, LongColumn, LongHeader, LongKind, LongLevel,
    LongPerson, LongRead, LongTable, LongTableName, PlacedError, TablePlace, GENERAL_ITEMS_PREFIX,
    GENERAL_ITEM_HEADERS, PERIOD_COLUMNS, PRODUCT_COLUMNS,
};
use crate::intake::sheet::{column_letter, read_header_row, HeaderRow, SheetTable, SheetValue};
use crate::regimes::decision::Decision;
use std::collections::HashMap;

/// One person of the periods table, evaluated.
#[derive(Debug, Clone)]
pub struct LongResult {
    /// The person's id.
    pub id: String,
    /// The person's rows of the periods table.
    pub rows: Vec<usize>,
    /// The decision, or every problem, each placed in the tables.
    pub decision: Result<Decision, Vec<PlacedError>>,
}

/// What a call with long tables gives.
#[derive(Debug, Clone)]
pub struct LongEvaluated {
    /// One result per person, in order of first appearance.
    pub persons: Vec<LongResult>,
    /// Per party record given, in order: its decision or its problems.
    pub party: Vec<Result<Decision, InputErrors>>,
    /// Problems of no person (an unknown column, a row without an id, a product of no
    /// person).
    pub errors: Vec<PlacedError>,
    /// The party quota's reports.
    pub groups: Vec<GroupQuotaReport>,
    /// The state quota's reports.
    pub state_groups: Vec<StateQuotaReport>,
}

/// Reads the periods and products tables into state records and evaluates them with the
/// party records `party` (JSON texts; a party record and a state person with one id are
/// a pair), applying both quotas when `quota` is given.
pub fn evaluate_long_tables(
    periods: &LongTable<'_>,
    products: Option<&LongTable<'_>>,
    party: &[String],
    options: &Options,
    quota: Option<&QuotaOptions>,
) -> LongEvaluated {
    let read = read_long_tables(periods, products);
    let mut texts: Vec<String> = Vec::with_capacity(read.persons.len() + party.len());
    let mut position: Vec<Option<usize>> = Vec::with_capacity(read.persons.len());
    for person in &read.persons {
        match &person.record {
            Ok(text) => {
                position.push(Some(texts.len()));
                texts.push(text.clone());
            }
            Err(_) => position.push(None),
        }
    }
    let first_party = texts.len();
    texts.extend(party.iter().cloned());
    let batch = evaluate_with_pairs(&texts, options, quota);
    let mut slots: Vec<Option<Result<Decision, Vec<InputError>>>> = vec![None; texts.len()];
    for (decision, index) in batch.decisions.into_iter().zip(batch.indices) {
        if let Some(slot) = slots.get_mut(index) {
            *slot = Some(Ok(decision));
        }
    }
    for (index, _, errors) in batch.rejected {
        if let Some(slot) = slots.get_mut(index) {
            match slot {
                Some(Err(earlier)) => earlier.extend(errors.0),
                _ => *slot = Some(Err(errors.0)),
            }
        }
    }
    let mut slots = slots.into_iter();
    let mut persons = Vec::with_capacity(read.persons.len());
    for (person, at) in read.persons.into_iter().zip(position) {
        let decision = match (&person.record, at) {
            (Err(errors), _) => Err(errors.clone()),
            (Ok(_), Some(_)) => match slots.next().flatten() {
                Some(Ok(decision)) => Ok(decision),
                Some(Err(errors)) => Err(person.placed(errors)),
                None => Err(Vec::new()),
            },
            (Ok(_), None) => Err(Vec::new()),
        };
        persons.push(LongResult {
            id: person.id,
            rows: person.rows,
            decision,
        });
    }
    let party = slots
        .take(texts.len() - first_party)
        .map(|slot| match slot {
            Some(Ok(decision)) => Ok(decision),
            Some(Err(errors)) => Err(InputErrors(errors)),
            None => Err(InputErrors(Vec::new())),
        })
        .collect();
    LongEvaluated {
        persons,
        party,
        errors: read.errors,
        groups: batch.groups,
        state_groups: batch.state_groups,
    }
}

/// The periods sheet of a state workbook, by the name the template gives it.
pub const PERIODS_SHEET: &str = "Kỳ đánh giá";

/// The products sheet of a state workbook.
pub const PRODUCTS_SHEET: &str = "Sản phẩm";

/// A sheet read as a long table: its header row (the first row with a value, read as
/// every sheet's is, `intake::sheet::read_header_row`) names the columns, by their
/// names or their Vietnamese or English headers; the cells below are the rows. Dates
/// become their day's text; a formula or an error value is refused at its cell (the
/// value to evaluate is typed in it).
struct SheetLong<'s> {
    sheet: &'s SheetTable,
    /// The header row: each column's name in the long table.
    header: Option<HeaderRow<String>>,
    /// The day texts of date cells, by (row, column) of `sheet.rows`.
    days: HashMap<(usize, usize), String>,
}

impl<'s> SheetLong<'s> {
    fn of(sheet: &'s SheetTable, name: LongTableName) -> SheetLong<'s> {
        let header = read_header_row(sheet, |text| {
            long_column_of_header(name, text).map(|column| column.name())
        });
        let mut days = HashMap::new();
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                if let SheetValue::DateTime(at) = value {
                    days.insert((r, c), at.date().format("%Y-%m-%d").to_string());
                }
            }
        }
        SheetLong {
            sheet,
            header,
            days,
        }
    }

    /// The problems of its header row, as one rejected row.
    fn header_errors(&self) -> Option<RejectedRow> {
        let header = self.header.as_ref().filter(|h| !h.errors.is_empty())?;
        Some(RejectedRow {
            index: None,
            sheet: Some(self.sheet.name.clone()),
            row: Some(header.row),
            unit: None,
            id: None,
            errors: header.errors.clone(),
        })
    }

    /// The table (the columns its header row names, in order), and the problems of
    /// cells that hold no value to read.
    fn table(&self, name: LongTableName) -> (LongTable<'_>, Vec<PlacedError>) {
        let Some(header) = &self.header else {
            return (LongTable::default(), Vec::new());
        };
        let read: Vec<(usize, &str)> = header
            .columns
            .iter()
            .enumerate()
            .filter_map(|(position, column)| {
                column.as_ref().map(|(name, _)| (position, name.as_str()))
            })
            .collect();
        let mut errors = Vec::new();
        let mut rows = Vec::new();
        for (r, row) in self.sheet.rows.iter().enumerate().skip(header.at + 1) {
            let index = r - header.at - 1;
            let mut cells = Vec::with_capacity(read.len());
            for &(c, column) in &read {
                let cell = match row.get(c) {
                    None | Some(SheetValue::Empty) => None,
                    Some(SheetValue::Text(t)) if t.trim().is_empty() => None,
                    Some(SheetValue::Text(t)) => Some(Cell::Text(t.trim())),
                    Some(SheetValue::Number(n)) => Some(Cell::Number(*n)),
                    Some(SheetValue::Integer(n)) => Some(Cell::Integer(*n)),
                    Some(SheetValue::Bool(b)) => Some(Cell::Flag(*b)),
                    Some(SheetValue::DateTime(_)) => {
                        self.days.get(&(r, c)).map(|d| Cell::Text(d.as_str()))
                    }
                    Some(SheetValue::Formula(text) | SheetValue::Error(text)) => {
                        errors.push(PlacedError {
                            place: Some(TablePlace {
                                table: name,
                                row: index,
                                column: column.to_owned(),
                            }),
                            error: InputError::new(
                                ErrorCode::InvalidType,
                                "",
                                format!("Ô chứa công thức hoặc lỗi `{text}`: hãy nhập giá trị"),
                                format!(
                                    "the cell holds a formula or an error `{text}`: type the value"
                                ),
                            ),
                        });
                        None
                    }
                };
                cells.push(cell);
            }
            rows.push(cells);
        }
        (
            LongTable {
                columns: read.iter().map(|&(_, column)| column).collect(),
                rows,
            },
            errors,
        )
    }

    /// A problem at `place` (a row of this table) as the sheet's cell: its row, column
    /// letter and the header as written.
    fn locate(&self, place: Option<&TablePlace>, error: InputError) -> LocatedError {
        let mut located = LocatedError::unplaced(error);
        located.sheet = Some(self.sheet.name.clone());
        let (Some(place), Some(header)) = (place, &self.header) else {
            return located;
        };
        // The header is the sheet's row `header.row` (from 1); the table's rows follow.
        let row = header.row as usize + 1 + place.row;
        located.row = u32::try_from(row).ok();
        let column = header.find(|name| *name == place.column);
        located.column = column
            .and_then(|(c, _)| u32::try_from(c).ok())
            .map(|c| column_letter(self.sheet.first_column + c));
        located.header = Some(column.map_or(place.column.clone(), |(_, text)| text.to_owned()));
        located
    }
}

/// What a state workbook gives: the decisions, in the order of the persons, and the
/// rows not evaluated, each problem at its sheet, row and column.
#[derive(Debug, Clone)]
pub struct EvaluatedLongSheets {
    /// The decisions.
    pub decisions: Vec<Decision>,
    /// The persons (or rows) not evaluated.
    pub rejected: Vec<RejectedRow>,
    /// The state quota's reports.
    pub state_groups: Vec<StateQuotaReport>,
}

/// Evaluates a state workbook's periods sheet and optional products sheet (headers:
/// the long tables' column names) as [`evaluate_long_tables`] does.
pub fn evaluate_long_sheets(
    periods: &SheetTable,
    products: Option<&SheetTable>,
    options: &Options,
    quota: Option<&QuotaOptions>,
) -> EvaluatedLongSheets {
    let period_sheet = SheetLong::of(periods, LongTableName::Periods);
    let product_sheet = products.map(|sheet| SheetLong::of(sheet, LongTableName::Products));
    let (period_table, mut cell_errors) = period_sheet.table(LongTableName::Periods);
    let product_table = product_sheet.as_ref().map(|s| {
        let (table, errors) = s.table(LongTableName::Products);
        cell_errors.extend(errors);
        table
    });
    let sheet_of = |place: Option<&TablePlace>| match place.map(|p| p.table) {
        Some(LongTableName::Products) => product_sheet.as_ref().unwrap_or(&period_sheet),
        _ => &period_sheet,
    };
    let locate =
        |e: &PlacedError| sheet_of(e.place.as_ref()).locate(e.place.as_ref(), e.error.clone());
    let row_of = |e: &PlacedError| -> (Option<String>, Option<u32>) {
        let located = locate(e);
        (located.sheet, located.row)
    };
    // A header no column has, or a column's second header: that column is not read.
    let mut rejected: Vec<RejectedRow> = std::iter::once(&period_sheet)
        .chain(product_sheet.as_ref())
        .filter_map(SheetLong::header_errors)
        .collect();
    // A cell that holds no value rejects the row's person: its record cannot be read.
    let result = evaluate_long_tables(&period_table, product_table.as_ref(), &[], options, quota);
    let mut decisions = Vec::new();
    for (index, person) in result.persons.into_iter().enumerate() {
        let mut errors: Vec<PlacedError> = cell_errors
            .iter()
            .filter(|e| {
                e.place.as_ref().is_some_and(|p| {
                    p.table == LongTableName::Periods && person.rows.contains(&p.row)
                })
            })
            .cloned()
            .collect();
        match person.decision {
            Ok(decision) if errors.is_empty() => decisions.push(decision),
            Ok(_) => {}
            Err(more) => errors.extend(more),
        }
        if let Some(first) = errors.first() {
            let (sheet, row) = row_of(first);
            rejected.push(RejectedRow {
                index: Some(index),
                sheet,
                row,
                unit: None,
                id: Some(person.id),
                errors: errors.iter().map(locate).collect(),
            });
        }
    }
    let loose = result.errors.iter().chain(cell_errors.iter().filter(|e| {
        e.place
            .as_ref()
            .is_some_and(|p| p.table == LongTableName::Products)
    }));
    for error in loose {
        let (sheet, row) = row_of(error);
        rejected.push(RejectedRow {
            index: None,
            sheet,
            row,
            unit: None,
            id: None,
            errors: vec![locate(error)],
        });
    }
    EvaluatedLongSheets {
        decisions,
        rejected,
        state_groups: result.state_groups,
    }
}
