//! JSON Lines input, read line by line with a bounded buffer (the CLI's files and the
//! service's request bodies alike).
//!
//! `BufRead::lines` would hold a whole line in memory however long it is, so one
//! newline-free multi-GB input could exhaust memory. Here a line longer than the limit is
//! skipped to its end while only its length is counted.

use std::io::{self, BufRead};

/// One line of input, without its `\n` or `\r\n`.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A line within the limit, as text.
    Text(String),
    /// A line over the limit: only its length in bytes is kept.
    TooLong(u64),
    /// A line within the limit that is not UTF-8.
    NotUtf8,
}

impl Line {
    /// The line as the library reads it.
    pub fn as_core(&self) -> cadre_eval::Line<'_> {
        match self {
            Line::Text(text) => cadre_eval::Line::Text(text),
            Line::TooLong(length) => cadre_eval::Line::TooLong(*length),
            Line::NotUtf8 => cadre_eval::Line::NotUtf8,
        }
    }
}

/// Reads lines of at most `limit` bytes each, in constant memory.
pub struct BoundedLines<R> {
    reader: R,
    limit: usize,
    buffer: Vec<u8>,
    at_start: bool,
}

impl<R: BufRead> BoundedLines<R> {
    /// Lines of `reader`, each kept only when it is at most `limit` bytes.
    pub fn new(reader: R, limit: usize) -> BoundedLines<R> {
        BoundedLines {
            reader,
            limit,
            buffer: Vec::new(),
            at_start: true,
        }
    }

    /// The reader underneath (to see whether it has more input buffered).
    pub fn get_ref(&self) -> &R {
        &self.reader
    }

    /// The next line, or `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        let at_start = std::mem::take(&mut self.at_start);
        // Room for a longest line, plus its `\r` and, on the first line, a byte-order mark,
        // so that a line within the limit is always kept whole.
        let keep = self.limit + 1 + if at_start { UTF8_BOM.len() } else { 0 };
        self.buffer.clear();
        let mut length: u64 = 0;
        let mut last_byte = None;
        let mut read_any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if available.is_empty() {
                if !read_any {
                    return Ok(None);
                }
                break;
            }
            read_any = true;
            let newline = available.iter().position(|&byte| byte == b'\n');
            let content = &available[..newline.unwrap_or(available.len())];
            length += content.len() as u64;
            last_byte = content.last().copied().or(last_byte);
            let room = keep.saturating_sub(self.buffer.len());
            self.buffer
                .extend_from_slice(&content[..content.len().min(room)]);
            let consumed = content.len() + usize::from(newline.is_some());
            self.reader.consume(consumed);
            if newline.is_some() {
                break;
            }
        }
        let whole = self.buffer.len() as u64 == length;
        if last_byte == Some(b'\r') {
            length -= 1;
            if whole {
                self.buffer.pop();
            }
        }
        if at_start && self.buffer.starts_with(UTF8_BOM) {
            // A byte-order mark, as spreadsheet exports write, is not part of the record.
            self.buffer.drain(..UTF8_BOM.len());
            length -= UTF8_BOM.len() as u64;
        }
        if length > self.limit as u64 {
            return Ok(Some(Line::TooLong(length)));
        }
        Ok(Some(
            match String::from_utf8(std::mem::take(&mut self.buffer)) {
                Ok(text) => Line::Text(text),
                Err(_) => Line::NotUtf8,
            },
        ))
    }
}

/// The UTF-8 byte-order mark.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]

    use super::*;

    fn all_lines(input: &[u8], limit: usize, capacity: usize) -> Vec<Line> {
        let reader = io::BufReader::with_capacity(capacity, input);
        let mut lines = BoundedLines::new(reader, limit);
        let mut out = Vec::new();
        while let Some(line) = lines.next_line().unwrap() {
            out.push(line);
        }
        out
    }

    fn text(line: &str) -> Line {
        Line::Text(line.to_owned())
    }

    #[test]
    fn splits_on_newlines_and_strips_carriage_returns() {
        for capacity in [1, 2, 3, 64] {
            assert_eq!(
                all_lines(b"ab\r\n\ncd\nef", 10, capacity),
                vec![text("ab"), text(""), text("cd"), text("ef")],
                "buffer capacity {capacity}"
            );
        }
    }

    #[test]
    fn a_final_newline_does_not_make_an_empty_line() {
        assert_eq!(all_lines(b"ab\n", 10, 8), vec![text("ab")]);
        assert_eq!(all_lines(b"", 10, 8), vec![]);
    }

    #[test]
    fn the_limit_is_inclusive_and_long_lines_report_their_full_length() {
        for capacity in [1, 4, 64] {
            assert_eq!(
                all_lines(b"abcd\nabcde\r\nxy\nabcd\r\n", 4, capacity),
                vec![text("abcd"), Line::TooLong(5), text("xy"), text("abcd")],
                "buffer capacity {capacity}"
            );
        }
        let long = [b'x'; 1000];
        assert_eq!(all_lines(&long, 4, 16), vec![Line::TooLong(1000)]);
    }

    #[test]
    fn a_leading_byte_order_mark_is_dropped_once() {
        let input = b"\xEF\xBB\xBFab\n\xEF\xBB\xBFcd\n";
        let lines = all_lines(input, 10, 64);
        assert_eq!(lines[0], text("ab"));
        assert_eq!(lines[1], text("\u{feff}cd"));
        for capacity in [1, 2, 64] {
            assert_eq!(
                all_lines(b"\xEF\xBB\xBFabcd\r\n\xEF\xBB\xBFab\n", 4, capacity),
                vec![text("abcd"), Line::TooLong(5)],
                "buffer capacity {capacity}"
            );
        }
    }

    #[test]
    fn invalid_utf8_is_reported_not_replaced() {
        assert_eq!(
            all_lines(b"a\xFFb\nok", 10, 64),
            vec![Line::NotUtf8, text("ok")]
        );
    }
}
