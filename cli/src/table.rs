//! Tables for people: columns aligned by display width, so Vietnamese text (precomposed
//! or with combining marks) lines up in a terminal.

use crate::args::Lang;
use cadre_eval::{reason_message, Decision, Level, Outcome, OutcomeTally, Rating};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Horizontal alignment of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// Rows of cells under headings, written with every column as wide as its widest cell;
/// or, once [`Table::flush`] has written the rows held so far, as wide as its widest
/// cell among them (a later wider cell pushes the rest of its line to the right).
pub struct Table {
    headings: Vec<String>,
    aligns: Vec<Align>,
    rows: Vec<Vec<String>>,
    /// The column widths, fixed by the first [`Table::flush`].
    widths: Option<Vec<usize>>,
}

impl Table {
    /// An empty table with these columns.
    pub fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            headings: columns
                .iter()
                .map(|(heading, _)| (*heading).to_owned())
                .collect(),
            aligns: columns.iter().map(|(_, align)| *align).collect(),
            rows: Vec::new(),
            widths: None,
        }
    }

    /// Rows held, not yet written.
    pub fn held(&self) -> usize {
        self.rows.len()
    }

    /// Forgets the rows held without writing them.
    pub fn discard(&mut self) {
        self.rows.clear();
    }

    /// Writes the rows held so far (the headings and the rule first, the first time,
    /// which fixes the column widths) and forgets them: a long table is written as it
    /// comes instead of held whole.
    pub fn flush(&mut self, out: &mut impl Write) -> io::Result<()> {
        let widths = match self.widths.take() {
            Some(widths) => widths,
            None => {
                let widths = self.widest();
                self.write_row(out, &self.headings, &widths)?;
                let rules: Vec<String> = widths.iter().map(|&width| "-".repeat(width)).collect();
                self.write_row(out, &rules, &widths)?;
                widths
            }
        };
        for row in &self.rows {
            self.write_row(out, row, &widths)?;
        }
        self.rows.clear();
        self.widths = Some(widths);
        Ok(())
    }

    /// Each column's width: its widest cell among the headings and the rows held.
    fn widest(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self
            .headings
            .iter()
            .map(|heading| heading.width())
            .collect();
        for row in &self.rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.width());
            }
        }
        widths
    }

    /// Adds a row; control characters in cells are escaped so they cannot break the layout.
    pub fn push(&mut self, cells: Vec<String>) {
        self.rows
            .push(cells.into_iter().map(|cell| printable(&cell)).collect());
    }

    /// Writes the headings, a rule and the rows (after a [`Table::flush`], the rows held
    /// since).
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        if let Some(widths) = &self.widths {
            for row in &self.rows {
                self.write_row(out, row, widths)?;
            }
            return Ok(());
        }
        let widths = self.widest();
        self.write_row(out, &self.headings, &widths)?;
        let rules: Vec<String> = widths.iter().map(|&width| "-".repeat(width)).collect();
        self.write_row(out, &rules, &widths)?;
        for row in &self.rows {
            self.write_row(out, row, &widths)?;
        }
        Ok(())
    }

    fn write_row(
        &self,
        out: &mut impl Write,
        cells: &[String],
        widths: &[usize],
    ) -> io::Result<()> {
        let mut line = String::new();
        for (column, (cell, &width)) in cells.iter().zip(widths).enumerate() {
            if column > 0 {
                line.push_str(COLUMN_GAP);
            }
            let padding = " ".repeat(width.saturating_sub(cell.width()));
            match self.aligns.get(column).copied().unwrap_or(Align::Left) {
                Align::Left => {
                    line.push_str(cell);
                    line.push_str(&padding);
                }
                Align::Right => {
                    line.push_str(&padding);
                    line.push_str(cell);
                }
            }
        }
        writeln!(out, "{}", line.trim_end())
    }
}

/// Space between two columns.
const COLUMN_GAP: &str = "  ";

/// Whether a character would change the layout or the reading of a cell: a control
/// character, or a bidirectional formatting character (a right-to-left override in an
/// id reverses what follows it on the line; issue 16, defect 11).
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// The text with control and bidirectional formatting characters (a newline, an escape
/// sequence or a right-to-left override in an id) escaped.
pub fn printable(text: &str) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if is_unsafe(c) {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Rows a decision table holds before it starts writing them as they come: its column
/// widths are those of the first rows.
pub const ROWS_BEFORE_STREAMING: usize = 1000;

/// Shown in a cell that has no value.
pub const NONE: &str = "—";

/// The decisions of one run, as a table with a summary line.
///
/// Two layouts (`docs/state-regimes.md` "The CLI"): party decisions only keep the party
/// columns; once a state decision is among the rows, the table shows the rating, the
/// regime, the annual score and the periods counted of those listed for every row.
/// Both layouts are filled until the first rows are written, which fixes the layout
/// (a stream's first [`ROWS_BEFORE_STREAMING`] rows decide it).
pub struct DecisionTable {
    lang: Lang,
    party: Table,
    state: Table,
    /// A state decision is among the rows.
    holds_state: bool,
    /// The layout is fixed: rows have been written.
    fixed: bool,
    tally: OutcomeTally,
    state_tally: OutcomeTally,
}

impl DecisionTable {
    /// An empty table with headings in `lang`.
    pub fn new(lang: Lang) -> DecisionTable {
        let party = Table::new(&[
            ("ID", Align::Left),
            (lang.pick("Xếp loại", "Level"), Align::Left),
            (lang.pick("Mã", "Code"), Align::Left),
            (lang.pick("Điểm", "Score"), Align::Right),
            (lang.pick("Cần quyết định", "Needs decision"), Align::Left),
            (lang.pick("Quy tắc", "Rule"), Align::Left),
            (lang.pick("Lý do", "Reason"), Align::Left),
        ]);
        let state = Table::new(&[
            ("ID", Align::Left),
            (lang.pick("Đánh giá", "Rating"), Align::Left),
            (lang.pick("Chế độ", "Regime"), Align::Left),
            (lang.pick("Xếp loại", "Level"), Align::Left),
            (lang.pick("Mã", "Code"), Align::Left),
            (lang.pick("Điểm năm", "Annual score"), Align::Right),
            (lang.pick("Kỳ", "Periods"), Align::Right),
            (lang.pick("Cần quyết định", "Needs decision"), Align::Left),
            (lang.pick("Quy tắc", "Rule"), Align::Left),
            (lang.pick("Lý do", "Reason"), Align::Left),
        ]);
        DecisionTable {
            lang,
            party,
            state,
            holds_state: false,
            fixed: false,
            tally: OutcomeTally::default(),
            state_tally: OutcomeTally::default(),
        }
    }

    /// Adds one decision: its level, score and the reason that settles it.
    pub fn push(&mut self, decision: &Decision) {
        let lang = self.lang;
        let is_state = decision.rating == Rating::State;
        if !self.fixed {
            self.holds_state |= is_state;
        }
        let (name, code) = level_name(decision.outcome, decision.level, lang);
        let (rule, reason) = match decision.deciding_reason() {
            Some(reason) => {
                let message = reason_message(reason, decision);
                let text = match lang {
                    Lang::Vi => message.vi,
                    Lang::En => message.en,
                };
                (reason.rule.id().to_owned(), text)
            }
            None => (NONE.to_owned(), String::new()),
        };
        let score = decision.score.map_or_else(
            || NONE.to_owned(),
            |score| match lang {
                Lang::Vi => score.vi(),
                Lang::En => score.to_string(),
            },
        );
        let needs = if decision.needs_decision {
            lang.pick("có", "yes")
        } else {
            ""
        }
        .to_owned();
        if !self.fixed || self.holds_state {
            // `11/12`: periods with work (in the mean) of those listed.
            let periods = decision.state.as_deref().map_or_else(
                || NONE.to_owned(),
                |part| {
                    let counted = part.periods.iter().filter(|p| p.work.is_some()).count();
                    format!("{counted}/{}", part.periods.len())
                },
            );
            let rating = if is_state {
                lang.pick("Nhà nước", "State")
            } else {
                lang.pick("Đảng", "Party")
            };
            let regime = decision
                .regime_shown()
                .map_or(NONE, |regime| regime.as_str());
            self.state.push(vec![
                decision.id.clone(),
                rating.to_owned(),
                regime.to_owned(),
                name.to_owned(),
                code.to_owned(),
                score.clone(),
                periods,
                needs.clone(),
                rule.clone(),
                reason.clone(),
            ]);
        }
        if !self.fixed || !self.holds_state {
            self.party.push(vec![
                decision.id.clone(),
                name.to_owned(),
                code.to_owned(),
                score,
                needs,
                rule,
                reason,
            ]);
        }
        if is_state {
            self.state_tally.add(decision);
        } else {
            self.tally.add(decision);
        }
    }

    /// The table of the layout in use.
    fn shown(&self) -> &Table {
        if self.holds_state {
            &self.state
        } else {
            &self.party
        }
    }

    /// Writes the rows held once there are [`ROWS_BEFORE_STREAMING`] of them, so that a
    /// long run's table is written as it comes (the widths are those of the first rows).
    pub fn stream_to(&mut self, out: &mut impl Write) -> io::Result<()> {
        let held = self.shown().held();
        if held >= ROWS_BEFORE_STREAMING {
            self.fixed = true;
            if self.holds_state {
                self.party.discard();
                self.state.flush(out)?;
            } else {
                self.state.discard();
                self.party.flush(out)?;
            }
        }
        Ok(())
    }

    /// Writes the table alone, without the summary line.
    pub fn write_rows(&self, out: &mut impl Write) -> io::Result<()> {
        self.shown().write(out)
    }

    /// Writes the table and the summary line, counting `rejected` records in it; with
    /// state decisions, a line for them before the party line.
    pub fn write(&self, out: &mut impl Write, rejected: u64) -> io::Result<()> {
        self.shown().write(out)?;
        if self.state_tally.evaluated() == 0 {
            return writeln!(out, "{}", summary(&self.tally, self.lang, rejected));
        }
        let lang = self.lang;
        writeln!(
            out,
            "{} — {}",
            lang.pick("Nhà nước", "State"),
            summary(&self.state_tally, lang, 0)
        )?;
        if self.tally.evaluated() > 0 || rejected > 0 {
            writeln!(
                out,
                "{} — {}",
                lang.pick("Đảng (và hồ sơ bị từ chối)", "Party (and rejected records)"),
                summary(&self.tally, lang, rejected)
            )?;
        }
        Ok(())
    }
}

/// `Hồ sơ: 9; HTXSNV 1, HTTNV 5, …; không xếp loại 1; …; bị từ chối 0`.
fn summary(tally: &OutcomeTally, lang: Lang, rejected: u64) -> String {
    let levels: Vec<String> = Level::DESCENDING
        .iter()
        .map(|level| {
            format!(
                "{} {}",
                lang.pick(level.code(), level.en()),
                tally.at(*level)
            )
        })
        .collect();
    format!(
        "{}: {}; {}; {} {}; {} {}; {} {}; {} {}",
        lang.pick("Hồ sơ", "Records"),
        tally.evaluated() + rejected,
        levels.join(", "),
        lang.pick("không xếp loại", "not classified"),
        tally.not_classified,
        lang.pick("chưa xác định", "undetermined"),
        tally.undetermined,
        lang.pick("cần quyết định", "needs decision"),
        tally.needs_decision,
        lang.pick("bị từ chối", "rejected"),
        rejected,
    )
}

/// A decision's level and its code, or what stands in for them when there is none.
pub fn level_name(
    outcome: Outcome,
    level: Option<Level>,
    lang: Lang,
) -> (&'static str, &'static str) {
    match (outcome, level) {
        (Outcome::Classified, Some(level)) => (lang.pick(level.vi(), level.en()), level.code()),
        (Outcome::NotClassified, _) => (lang.pick("Không xếp loại", "Not classified"), NONE),
        (Outcome::Undetermined, _) => (lang.pick("Chưa xác định", "Undetermined"), NONE),
        (Outcome::Classified, None) => (NONE, NONE),
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    fn render(table: &Table) -> String {
        let mut out = Vec::new();
        table.write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn columns_align_by_display_width_with_combining_marks() {
        let mut table = Table::new(&[("a", Align::Left), ("b", Align::Left)]);
        table.push(vec!["Nguyễn".to_owned(), "x".to_owned()]);
        // The same name with the circumflex and tilde as combining marks.
        table.push(vec!["Nguye\u{302}\u{303}n".to_owned(), "y".to_owned()]);
        let text = render(&table);
        let widths: Vec<usize> = text
            .lines()
            .skip(2)
            .map(|line| line[..line.rfind(['x', 'y']).unwrap()].width())
            .collect();
        assert_eq!(widths, vec![8, 8], "{text}");
    }

    #[test]
    fn right_aligned_cells_end_together_and_lines_have_no_trailing_space() {
        let mut table = Table::new(&[("n", Align::Right), ("note", Align::Left)]);
        table.push(vec!["90.5".to_owned(), String::new()]);
        table.push(vec!["7".to_owned(), "ok".to_owned()]);
        assert_eq!(render(&table), "   n  note\n----  ----\n90.5\n   7  ok\n");
    }

    #[test]
    fn a_flushed_table_keeps_its_widths_and_writes_each_row_once() {
        let mut table = Table::new(&[("id", Align::Left), ("n", Align::Right)]);
        table.push(vec!["abc".to_owned(), "1".to_owned()]);
        let mut out = Vec::new();
        table.flush(&mut out).unwrap();
        table.push(vec!["d".to_owned(), "22".to_owned()]);
        table.write(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "id   n\n---  -\nabc  1\nd    22\n");
    }

    /// Issue 16, defect 11: a right-to-left override in an id passed into the table.
    #[test]
    fn bidirectional_formatting_characters_are_escaped() {
        let mut table = Table::new(&[("id", Align::Left)]);
        table.push(vec!["dv\u{202E}1-gnp\u{2066}x\u{200F}".to_owned()]);
        assert_eq!(
            render(&table).lines().nth(2),
            Some("dv\\u{202e}1-gnp\\u{2066}x\\u{200f}")
        );
    }

    #[test]
    fn control_characters_are_escaped() {
        let mut table = Table::new(&[("id", Align::Left)]);
        table.push(vec!["a\nb\u{1b}[31m".to_owned()]);
        assert_eq!(render(&table).lines().nth(2), Some("a\\nb\\u{1b}[31m"));
    }
}
