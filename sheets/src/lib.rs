//! Spreadsheet files for cadre-eval: xlsx, ods and CSV read into the core's sheet
//! tables ([`cadre_eval::SheetTable`]), and the core's templates and results written
//! as workbooks (xlsx) or CSV. One reader and one writer shared by the command-line tool
//! and the Python binding.
//!
//! A thin layer over well-kept crates: `calamine` reads workbooks, `csv` reads and
//! writes CSV, `rust_xlsxwriter` writes workbooks. What a column means, how a cell is
//! read and what the figures are is the core's; here cells are moved between a file and
//! the core's types, and laid out for people (`docs/excel.md`).

mod layout;
mod read;
mod results;
mod state_template;
mod template;

pub use read::{
    read_bytes, read_file, FileFormat, MAX_SHEET_CELLS, MAX_SHEET_FILE_BYTES,
    MAX_SHEET_INFLATED_BYTES, MAX_SHEET_ROWS,
};
pub use results::{write_decisions_csv, write_results};
pub use state_template::{write_state_records, write_state_template};
pub use template::{write_template, write_template_csv};

use std::io;
use std::path::PathBuf;

/// Why a spreadsheet file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SheetFileError {
    /// The file could not be opened, read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// The file's name does not say a format this crate reads.
    #[error("{path}: not a spreadsheet this tool reads (xlsx, xlsm, xlsb, xls, ods, csv)")]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The workbook could not be read.
    #[error("{path}: cannot read the workbook: {detail}")]
    Workbook {
        /// The file.
        path: PathBuf,
        /// What the reader said.
        detail: String,
    },
    /// A CSV file that is not UTF-8 text.
    #[error("{path}: not UTF-8 text (save the file as \"CSV UTF-8\"): {detail}")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Where the bytes went wrong.
        detail: String,
    },
    /// A CSV file that cannot be split into records.
    #[error("{path}: cannot read the CSV file: {detail}")]
    Csv {
        /// The file.
        path: PathBuf,
        /// What the reader said.
        detail: String,
    },
    /// The workbook could not be written.
    #[error("{path}: cannot write the workbook: {detail}")]
    Write {
        /// The file.
        path: PathBuf,
        /// What the writer said.
        detail: String,
    },
    /// The file is over one of the documented limits (`docs/excel.md`, "Limits"): its
    /// size, the size its zip entries inflate to, or a sheet's rows or cells.
    #[error("{path}: too_large: {detail}")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Which limit, and by how much.
        detail: String,
    },
    /// No sheet has the name asked for.
    #[error("no sheet named {name:?}; the sheets are: {known}")]
    NoSuchSheet {
        /// The name asked for.
        name: String,
        /// The sheets there are, comma-separated.
        known: String,
    },
}
