//! The input as text: a whole file (or stdin), or JSON Lines read line by line with a
//! bounded buffer — the reader the service uses for request bodies
//! (`cadre_eval_service::lines`): a line over the limit is skipped to its end while only
//! its length is counted, so a newline-free multi-GB input cannot exhaust memory.

use crate::Failure;
pub use cadre_eval_service::lines::BoundedLines;
use cadre_eval_service::lines::UTF8_BOM;
use std::io::{self, Read};
use std::path::Path;

/// The input's failure to read, naming the file (or `stdin` for `-`).
pub fn unreadable(input: &Path, error: io::Error) -> Failure {
    let name = if input.as_os_str() == "-" {
        "stdin".to_owned()
    } else {
        input.display().to_string()
    };
    Failure::Unreadable { name, error }
}

/// The whole input (a file, or stdin for `-`) as UTF-8 text, a leading byte-order mark
/// dropped.
pub fn read_all(input: &Path) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    let read = if input.as_os_str() == "-" {
        io::stdin().lock().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(input).and_then(|mut file| file.read_to_end(&mut bytes))
    };
    read.map_err(|error| unreadable(input, error))?;
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    String::from_utf8(bytes).map_err(|error| {
        unreadable(
            input,
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("not UTF-8 text: {error}"),
            ),
        )
    })
}
