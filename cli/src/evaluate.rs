//! `cadre-eval evaluate`: read assessments, forward each to the core, write decisions.

use crate::args::{EvaluateArgs, Lang, OutputFormat};
use crate::lines::{read_all, unreadable, BoundedLines};
use crate::sheets::{self, is_spreadsheet};
use crate::table::DecisionTable;
use crate::Failure;
use cadre_eval::{
    batch_result_tables, evaluate_batch_json, evaluate_batch_lines, evaluate_sheets, BatchItem,
    Decision, InputError, JsonLinesBatch, RejectedRecord, MAX_BATCH_BYTES, MAX_RECORD_BYTES,
};
use serde::Serializer as _;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::thread;

/// Runs `evaluate`. `Ok(true)` when every record was evaluated, `Ok(false)` when some
/// were rejected.
pub fn run(args: &EvaluateArgs) -> Result<bool, Failure> {
    if is_spreadsheet(&args.input) {
        return spreadsheet(args);
    }
    if let Some(path) = &args.output {
        return to_file(args, path);
    }
    let stdout = io::stdout();
    let mut output = Output::new(args.format, args.lang, BufWriter::new(stdout.lock()));
    if args.is_json_lines() {
        if args.reads_stdin() {
            json_lines(io::stdin().lock(), args, &mut output)?;
        } else {
            let file = File::open(&args.input).map_err(|error| unreadable(&args.input, error))?;
            json_lines(
                BufReader::with_capacity(READ_BUFFER, file),
                args,
                &mut output,
            )?;
        }
    } else {
        json_array(&read_all(&args.input, MAX_BATCH_BYTES)?, args, &mut output)?;
    }
    output.finish()
}

/// A spreadsheet's records evaluated: the decisions to stdout (or the results to the
/// output file), the rejected rows with their cells to stderr.
fn spreadsheet(args: &EvaluateArgs) -> Result<bool, Failure> {
    let tables = sheets::records(sheets::read_sheets(&args.input)?, &args.sheet)?;
    let threads = thread::available_parallelism().map_or(1, usize::from);
    let evaluated =
        evaluate_sheets(&tables, &args.batch_options(), threads).map_err(|_| Failure::Stopped)?;
    sheets::report_rejected(&evaluated.tables.rejected, args.format, args.lang);
    let nothing_rejected = evaluated.tables.rejected.is_empty();
    if let Some(path) = &args.output {
        sheets::write_output(&evaluated.tables, path)?;
        return Ok(nothing_rejected);
    }
    let stdout = io::stdout();
    let mut output = Output::new(args.format, args.lang, BufWriter::new(stdout.lock()));
    output.rejected += evaluated.tables.rejected.len() as u64;
    output
        .decision_array(evaluated.decisions.iter())
        .map_err(Failure::Output)?;
    output.finish()
}

/// JSON or JSON Lines evaluated, the results written to a file for people; the rejected
/// records still go to stderr.
fn to_file(args: &EvaluateArgs, path: &Path) -> Result<bool, Failure> {
    let text = read_all(&args.input, MAX_BATCH_BYTES)?;
    let options = args.batch_options();
    let batch = if args.is_json_lines() {
        evaluate_batch_lines(&text, &options)
    } else {
        evaluate_batch_json(&text, &options).map_err(Failure::Input)?
    };
    let tables = batch_result_tables(&batch.items, batch.groups, options.quota.is_some());
    sheets::report_rejected(&tables.rejected, args.format, args.lang);
    sheets::write_output(&tables, path)?;
    Ok(tables.rejected.is_empty())
}

/// Read buffer for JSON Lines: one record fits several times over.
const READ_BUFFER: usize = 256 * 1024;

fn json_array(
    text: &str,
    args: &EvaluateArgs,
    output: &mut Output<impl Write>,
) -> Result<(), Failure> {
    let batch = evaluate_batch_json(text, &args.batch_options()).map_err(Failure::Input)?;
    let mut decisions = Vec::with_capacity(batch.items.len());
    for item in batch.items {
        match item {
            BatchItem::Decision(decision) => decisions.push(*decision),
            BatchItem::Rejected(rejected) => output.rejected(&rejected, None),
        }
    }
    output
        .decision_array(decisions.iter())
        .map_err(Failure::Output)
}

fn json_lines(
    reader: impl BufRead,
    args: &EvaluateArgs,
    output: &mut Output<impl Write>,
) -> Result<(), Failure> {
    let mut batch = JsonLinesBatch::new(args.batch_options());
    let mut lines = BoundedLines::new(reader, MAX_RECORD_BYTES);
    while let Some(line) = lines
        .next_line()
        .map_err(|error| unreadable(&args.input, error))?
    {
        match batch.push(line.as_core()) {
            Some(BatchItem::Decision(decision)) => {
                output.decision_line(&decision).map_err(Failure::Output)?;
            }
            Some(BatchItem::Rejected(rejected)) => {
                let number = rejected.index + 1;
                output.rejected(&rejected, Some(number));
            }
            None => {}
        }
    }
    // With the quota, the decisions come now, in input order.
    let (held, _) = batch.finish();
    for decision in &held {
        output.decision_line(decision).map_err(Failure::Output)?;
    }
    Ok(())
}

/// Where decisions and rejections go, in the chosen format.
struct Output<W: Write> {
    format: OutputFormat,
    lang: Lang,
    stdout: W,
    table: Option<DecisionTable>,
    rejected: u64,
}

impl<W: Write> Output<W> {
    fn new(format: OutputFormat, lang: Lang, stdout: W) -> Output<W> {
        let table = (format == OutputFormat::Table).then(|| DecisionTable::new(lang));
        Output {
            format,
            lang,
            stdout,
            table,
            rejected: 0,
        }
    }

    /// Decisions of an array input: a pretty JSON array, rendered one record at a time.
    fn decision_array<'a>(
        &mut self,
        decisions: impl Iterator<Item = &'a Decision>,
    ) -> io::Result<()> {
        match &mut self.table {
            Some(table) => decisions.for_each(|decision| table.push(decision)),
            None => {
                let mut serializer = serde_json::Serializer::pretty(&mut self.stdout);
                serializer.collect_seq(decisions.map(Decision::to_record))?;
                self.stdout.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    /// One decision of a JSON Lines input.
    fn decision_line(&mut self, decision: &Decision) -> io::Result<()> {
        match &mut self.table {
            Some(table) => table.push(decision),
            None => {
                serde_json::to_writer(&mut self.stdout, &decision.to_record())?;
                self.stdout.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    /// Reports a rejected record on stderr. `line` is its line number in JSON Lines.
    fn rejected(&mut self, rejected: &RejectedRecord, line: Option<usize>) {
        self.rejected += 1;
        report_rejected(rejected, line, self.format, self.lang);
    }

    /// Writes the table, if any, and flushes. `Ok(true)` when nothing was rejected.
    fn finish(mut self) -> Result<bool, Failure> {
        if let Some(table) = &self.table {
            table
                .write(&mut self.stdout, self.rejected)
                .map_err(Failure::Output)?;
        }
        self.stdout.flush().map_err(Failure::Output)?;
        Ok(self.rejected == 0)
    }
}

/// A rejected record on stderr: a `RejectedRecord` JSON line, or in table mode one
/// readable line per error. `line` is its line number in JSON Lines.
pub fn report_rejected(
    rejected: &RejectedRecord,
    line: Option<usize>,
    format: OutputFormat,
    lang: Lang,
) {
    let text = match format {
        // Serializing strings and numbers cannot fail; should it, the index still goes out.
        OutputFormat::Json => {
            serde_json::to_string(rejected)
                .unwrap_or_else(|_| format!("{{\"index\":{}}}", rejected.index))
                + "\n"
        }
        OutputFormat::Table => readable_rejection(rejected, line, lang),
    };
    // Nothing can be done if stderr is closed; the exit code still says 1.
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// One line per error: `record #3 (line 4, id "dv-9"): out_of_range at /tasks/on_time: …`.
pub fn readable_rejection(rejected: &RejectedRecord, line: Option<usize>, lang: Lang) -> String {
    let mut place = vec![format!("#{}", rejected.index)];
    if let Some(line) = line {
        place.push(format!("{} {line}", lang.pick("dòng", "line")));
    }
    place.push(match &rejected.id {
        Some(id) => format!("id {id:?}"),
        None => lang.pick("không có id", "no id").to_owned(),
    });
    let subject = format!("{} {}", lang.pick("hồ sơ", "record"), place.join(", "));
    rejected
        .errors
        .iter()
        .map(|error| format!("{subject}: {}\n", readable_error(error, lang)))
        .collect()
}

/// `out_of_range at /tasks/on_time: message`, in `lang`.
pub fn readable_error(error: &InputError, lang: Lang) -> String {
    let path = if error.path.is_empty() {
        lang.pick("(cả hồ sơ)", "(whole record)")
    } else {
        error.path.as_str()
    };
    let message = lang.pick(&error.message.vi, &error.message.en);
    format!(
        "{} {} {path}: {message}",
        error.code,
        lang.pick("tại", "at")
    )
}
