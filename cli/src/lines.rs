//! The input as text: a whole file (or stdin), or JSON Lines read line by line with a
//! bounded buffer — the reader the service uses for request bodies
//! (`cadre_eval_service::lines`): a line over the limit is skipped to its end while only
//! its length is counted, so a newline-free multi-GB input cannot exhaust memory.

use crate::Failure;
use cadre_eval::{InputError, InputErrors};
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
/// dropped: the one reader of every command that reads its input whole. Reading stops
/// after `limit` bytes (the mark aside): a longer input is a `too_large` error, never
/// held in memory.
pub fn read_all(input: &Path, limit: usize) -> Result<String, Failure> {
    if input.as_os_str() == "-" {
        read_whole(io::stdin().lock(), input, limit)
    } else {
        let file = std::fs::File::open(input).map_err(|error| unreadable(input, error))?;
        read_whole(file, input, limit)
    }
}

/// [`read_all`] of an open reader of `input`.
pub fn read_whole(reader: impl Read, input: &Path, limit: usize) -> Result<String, Failure> {
    read_bounded(reader, limit)
        .map_err(|error| unreadable(input, error))?
        .ok_or_else(|| Failure::Input(InputErrors::one(InputError::input_too_large(limit))))
        .and_then(|bytes| {
            String::from_utf8(bytes).map_err(|error| {
                unreadable(
                    input,
                    io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("not UTF-8 text: {error}"),
                    ),
                )
            })
        })
}

/// At most `limit` bytes of `reader` (after a leading byte-order mark, which is
/// dropped), or `None` when there are more.
fn read_bounded(reader: impl Read, limit: usize) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    let cap = (limit + UTF8_BOM.len() + 1) as u64;
    reader.take(cap).read_to_end(&mut bytes)?;
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    Ok((bytes.len() <= limit).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_input_is_read_up_to_its_limit_only() {
        assert_eq!(
            read_bounded(&b"abcd"[..], 4).unwrap(),
            Some(b"abcd".to_vec())
        );
        assert_eq!(
            read_bounded(&b"\xEF\xBB\xBFabcd"[..], 4).unwrap(),
            Some(b"abcd".to_vec())
        );
        assert_eq!(read_bounded(&b"abcde"[..], 4).unwrap(), None);
        // An endless input is read to the limit and no further.
        assert_eq!(read_bounded(io::repeat(b' '), 1024).unwrap(), None);
    }
}
