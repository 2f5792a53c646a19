//! Spreadsheets as they travel: what a template holds (its sheets, columns and any rows
//! filled in), and where a problem of a spreadsheet is (sheet, row, column letter and
//! header). A front end writes and reads the files; what a column means, whom it
//! concerns and how its cells are read is the core's (`docs/excel.md`).

use crate::contract::errors::{ErrorCode, InputError};
use crate::contract::form::{Choice, FieldCitation};
use crate::contract::regime::RegimeId;
use crate::contract::subject::SubjectKind;
use crate::contract::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What template to make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateRequest {
    /// The kinds of subject its records sheet takes (every kind when empty).
    #[serde(default)]
    pub kinds: Vec<SubjectKind>,
    /// The regime whose fields it asks for; default the regime of the records it is
    /// filled with (the first that validates), else QĐ 366.
    #[serde(default)]
    pub regime: Option<RegimeId>,
    /// An organisation tree: a units sheet, and a unit column on the records sheet.
    #[serde(default)]
    pub org: bool,
    /// QĐ 124, QĐ 132: the criteria to grade, one column each (the caller's ids;
    /// default the ids of the project's examples, `docs/excel.md`).
    #[serde(default)]
    pub criteria: Vec<String>,
}

/// What a sheet of a workbook holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SheetRole {
    /// Assessment records, one per row.
    Records,
    /// The units of an organisation tree, one per row.
    Units,
}

/// A template: its sheets, in order (the instructions are the writer's to lay out from
/// the columns).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// The regime it asks for.
    pub regime: RegimeId,
    /// The regime's documents, for the instructions (`366-QĐ/TW; 43-HD/BTCTW`).
    pub documents: String,
    /// The kinds of subject it takes.
    pub kinds: Vec<SubjectKind>,
    /// The sheets.
    pub sheets: Vec<TemplateSheet>,
}

/// One sheet of a template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateSheet {
    /// Its name in both languages (a workbook uses the Vietnamese one).
    pub name: Text,
    /// What it holds.
    pub role: SheetRole,
    /// Its columns, in order.
    pub columns: Vec<TemplateColumn>,
    /// Rows filled in (from records given), each with one value per column.
    #[serde(default)]
    pub rows: Vec<Vec<Option<TemplateValue>>>,
}

/// The type of a template column's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CellType {
    /// Text.
    Text,
    /// A day.
    Date,
    /// One of the column's choices (a drop-down list).
    Choice,
    /// A whole number.
    Whole,
    /// A decimal with at most two places.
    Decimal,
    /// Yes or no (a drop-down list `Có`/`Không`).
    Flag,
    /// A list of ids, separated by commas.
    List,
}

/// One column of a template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateColumn {
    /// The column's name in a program's table (`tasks_on_time`,
    /// `grades_criteria_chinh_tri`; `name`, `unit`, `notes` for the columns outside the
    /// record; the units sheet's own names).
    pub key: String,
    /// The JSON Pointer it fills in the record (none for the columns outside it).
    pub path: Option<String>,
    /// Its header: Vietnamese on the sheet, English accepted too.
    pub header: Text,
    /// What its cells hold.
    pub cell: CellType,
    /// The choices of a choice column (the drop-down shows the Vietnamese labels).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// Smallest value of a number column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// Largest value of a number column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Must be filled in every row.
    pub required: bool,
    /// Whom it concerns (empty: every row).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<SubjectKind>,
    /// What it means.
    pub help: Text,
    /// The rules of the template's regime that read it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<FieldCitation>,
}

/// A value filled in a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum TemplateValue {
    /// Text.
    Text(String),
    /// A whole number.
    Whole(i64),
    /// A decimal, as its exact text (`27.5`).
    Decimal(String),
    /// A day, `YYYY-MM-DD`.
    Date(String),
    /// Yes or no.
    Flag(bool),
    /// A choice: its label as the drop-down shows it (Vietnamese).
    Choice(String),
}

/// A problem of a spreadsheet or of a record of a batch, where it is: for a
/// spreadsheet, the sheet, the row as the spreadsheet numbers it, and the column at fault
/// (its letter and header) when one is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocatedError {
    /// The sheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The row, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// The column's letter (`C`, `AB`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The column's header as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// Stable code.
    pub code: ErrorCode,
    /// JSON Pointer of the field in the record (or the unit).
    pub path: String,
    /// What is wrong, in Vietnamese and English.
    pub message: Text,
}

impl LocatedError {
    /// An error at no place more precise than its record.
    pub fn unplaced(error: InputError) -> LocatedError {
        LocatedError {
            sheet: None,
            row: None,
            column: None,
            header: None,
            code: error.code,
            path: error.path,
            message: error.message,
        }
    }

    /// `Hồ sơ!C12` (the sheet, the column letter and the row), as far as known.
    pub fn cell_reference(&self) -> Option<String> {
        let row = self.row?;
        let column = self.column.as_deref().unwrap_or("");
        Some(match &self.sheet {
            Some(sheet) => format!("{sheet}!{column}{row}"),
            None => format!("{column}{row}"),
        })
    }
}

/// A row (or a record of a batch) that was not evaluated, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectedRow {
    /// Its position among the records read (from 0), when it is a record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// The sheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The row, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// Its unit, in an organisation tree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Its id, when it could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Every problem, in the order found.
    pub errors: Vec<LocatedError>,
}
