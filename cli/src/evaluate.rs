//! `cadre-eval evaluate`: read assessments, forward each to the core, write decisions.

use crate::args::{EvaluateArgs, Fields, Lang, OutputFormat};
use crate::lines::{read_all, read_whole, unreadable, BoundedLines};
use crate::sheets::{self, is_spreadsheet};
use crate::table::DecisionTable;
use crate::Failure;
use cadre_eval::{
    batch_result_tables, batch_with_quota, evaluate_batch_json, evaluate_line,
    evaluate_long_sheets, evaluate_paired_lines, evaluate_sheets, Batch, BatchItem, Decision,
    InputError, InputErrors, JsonLinesBatch, Level, Options, Outcome, QuotaStream, RegimeId,
    RejectedRecord, SheetTable, MAX_BATCH_BYTES, MAX_BATCH_RECORDS, MAX_RECORD_BYTES,
    PERIODS_SHEET, PRODUCTS_SHEET,
};
use cadre_eval_service::lines::Line;
use serde::{Serialize, Serializer as _};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::{mpsc, Mutex};
use std::thread;

/// Runs `evaluate`. `Ok(true)` when every record was evaluated, `Ok(false)` when some
/// were rejected.
pub fn run(args: &EvaluateArgs) -> Result<bool, Failure> {
    args.check().map_err(Failure::Usage)?;
    if is_spreadsheet(&args.input) {
        return spreadsheet(args);
    }
    if let Some(path) = &args.output {
        return to_file(args, path);
    }
    let stdout = io::stdout();
    let mut output = Output::new(args, BufWriter::new(stdout.lock()));
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
    let all = sheets::read_sheets(&args.input)?;
    if let Some(periods) = all.iter().find(|t| is_periods_sheet(&t.name)) {
        return state_workbook(
            args,
            periods,
            all.iter().find(|t| is_products_sheet(&t.name)),
        );
    }
    let tables = sheets::records(all, &args.sheet)?;
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
    let mut output = Output::new(args, BufWriter::new(stdout.lock()));
    output.rejected += evaluated.tables.rejected.len() as u64;
    output
        .decision_array(evaluated.decisions.iter())
        .map_err(Failure::Output)?;
    output.finish()
}

fn is_periods_sheet(name: &str) -> bool {
    name == PERIODS_SHEET || name.eq_ignore_ascii_case("periods")
}

fn is_products_sheet(name: &str) -> bool {
    name == PRODUCTS_SHEET || name.eq_ignore_ascii_case("products")
}

/// A state workbook (design §16): a periods sheet and a products sheet read through the
/// core's two-table reader; the decisions to stdout or the results to the output file.
fn state_workbook(
    args: &EvaluateArgs,
    periods: &SheetTable,
    products: Option<&SheetTable>,
) -> Result<bool, Failure> {
    let options = args.batch_options();
    let evaluated = evaluate_long_sheets(
        periods,
        products,
        &options.evaluation,
        options.quota.as_ref(),
    );
    sheets::report_rejected(&evaluated.rejected, args.format, args.lang);
    let nothing_rejected = evaluated.rejected.is_empty();
    if let Some(path) = &args.output {
        let items: Vec<BatchItem> = evaluated
            .decisions
            .iter()
            .map(|d| BatchItem::Decision(Box::new(d.clone())))
            .collect();
        let mut tables = batch_result_tables(
            &items,
            Vec::new(),
            evaluated.state_groups,
            options.quota.is_some(),
        );
        tables.rejected = evaluated.rejected;
        sheets::write_output(&tables, path)?;
        return Ok(nothing_rejected);
    }
    let stdout = io::stdout();
    let mut output = Output::new(args, BufWriter::new(stdout.lock()));
    output.rejected += evaluated.rejected.len() as u64;
    output
        .decision_array(evaluated.decisions.iter())
        .map_err(Failure::Output)?;
    output.finish()
}

/// JSON or JSON Lines evaluated, the results written to a file for people; the rejected
/// records still go to stderr.
fn to_file(args: &EvaluateArgs, path: &Path) -> Result<bool, Failure> {
    let options = args.batch_options();
    let batch = if args.is_json_lines() {
        if args.reads_stdin() {
            lines_for_file(io::stdin().lock(), args)?
        } else {
            let file = File::open(&args.input).map_err(|error| unreadable(&args.input, error))?;
            lines_for_file(BufReader::with_capacity(READ_BUFFER, file), args)?
        }
    } else {
        let text = read_all(&args.input, MAX_BATCH_BYTES)?;
        evaluate_batch_json(&text, &options).map_err(Failure::Input)?
    };
    let tables = batch_result_tables(
        &batch.items,
        batch.groups,
        batch.state_groups,
        options.quota.is_some(),
    );
    sheets::report_rejected(&tables.rejected, args.format, args.lang);
    sheets::write_output(&tables, path)?;
    Ok(tables.rejected.is_empty())
}

/// JSON Lines for an output file, evaluated as they are read (issue 16, defect 4: the
/// input is not read whole first). The file holds every result, so at most
/// `MAX_BATCH_RECORDS` records are taken: one more is a `too_large` error.
fn lines_for_file(reader: impl BufRead, args: &EvaluateArgs) -> Result<Batch, Failure> {
    let mut lines = BoundedLines::new(reader, MAX_RECORD_BYTES);
    let options = args.batch_options();
    let mut items = Vec::new();
    let (mut index, mut records) = (0, 0);
    while let Some(line) = lines
        .next_line()
        .map_err(|error| unreadable(&args.input, error))?
    {
        if let Some(item) = evaluate_line(index, line.as_core(), &options.evaluation) {
            records += 1;
            if records > MAX_BATCH_RECORDS {
                let error = InputError::too_many_records(records, MAX_BATCH_RECORDS, false);
                return Err(Failure::Input(InputErrors::one(error)));
            }
            items.push(item);
        }
        index += 1;
    }
    Ok(batch_with_quota(items, &options))
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
    let options = args.batch_options();
    let mut lines = BoundedLines::new(reader, MAX_RECORD_BYTES);
    if options.quota.is_none() && output.table.is_none() {
        return json_lines_in_parallel(&mut lines, args, &options.evaluation, output);
    }
    if options.quota.is_some() {
        return json_lines_with_quota(lines, args, output);
    }
    // The table without the quota: rows written as they come.
    let mut batch = JsonLinesBatch::new(options);
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
    Ok(())
}

/// JSON Lines with the quota (`QuotaStream`): a first reading keeps what the quota needs
/// and reports the rejected records; a second reading of the same lines evaluates them
/// again and writes the decisions with the quota applied, in input order. Standard
/// input is copied to an unnamed temporary file for the second reading. A stream with
/// state records is evaluated whole instead, with pairs and both quotas, up to
/// `MAX_BATCH_BYTES`.
fn json_lines_with_quota(
    mut lines: BoundedLines<impl BufRead>,
    args: &EvaluateArgs,
    output: &mut Output<impl Write>,
) -> Result<(), Failure> {
    let options = args.batch_options();
    let mut spool = if args.reads_stdin() {
        let file = tempfile::tempfile().map_err(|error| unreadable(&args.input, error))?;
        Some(BufWriter::new(file))
    } else {
        None
    };
    let mut stream = QuotaStream::new(options.clone());
    let mut reported = Vec::new();
    while let Some(line) = lines
        .next_line()
        .map_err(|error| unreadable(&args.input, error))?
    {
        if let Some(spool) = &mut spool {
            // A line that is not kept (too long, not UTF-8) is copied as a blank line,
            // so that the second reading numbers lines alike.
            let text = match &line {
                Line::Text(text) => text.as_str(),
                _ => "",
            };
            spool
                .write_all(text.as_bytes())
                .and_then(|()| spool.write_all(b"\n"))
                .map_err(|error| unreadable(&args.input, error))?;
        }
        match stream.push(line.as_core()) {
            Ok(Some(rejected)) => {
                reported.push(rejected.index);
                output.rejected(&rejected, Some(rejected.index + 1));
            }
            Ok(None) => {}
            Err(error) => return Err(Failure::Input(InputErrors::one(error))),
        }
    }
    let again = match spool {
        Some(spool) => {
            let mut file = spool
                .into_inner()
                .map_err(|error| unreadable(&args.input, error.into_error()))?;
            file.seek(SeekFrom::Start(0))
                .map_err(|error| unreadable(&args.input, error))?;
            file
        }
        None => File::open(&args.input).map_err(|error| unreadable(&args.input, error))?,
    };
    if stream.holds_state_records() {
        let text = read_whole(again, &args.input, MAX_BATCH_BYTES)?;
        for item in evaluate_paired_lines(&text, &options).items {
            match item {
                BatchItem::Decision(decision) => {
                    output.decision_line(&decision).map_err(Failure::Output)?;
                }
                // The first reading reported what a record alone shows; the pairs may
                // add a rejection (a conflict with the pair, a rejected pair).
                BatchItem::Rejected(rejected) => {
                    if reported.binary_search(&rejected.index).is_err() {
                        output.rejected(&rejected, Some(rejected.index + 1));
                    }
                }
            }
        }
        return Ok(());
    }
    let mut plan = stream.plan();
    let mut lines = BoundedLines::new(
        BufReader::with_capacity(READ_BUFFER, again),
        MAX_RECORD_BYTES,
    );
    while let Some(line) = lines
        .next_line()
        .map_err(|error| unreadable(&args.input, error))?
    {
        let item = plan
            .decide(line.as_core())
            .map_err(|error| Failure::Input(InputErrors::one(error)))?;
        if let Some(BatchItem::Decision(decision)) = item {
            output.decision_line(&decision).map_err(Failure::Output)?;
        }
    }
    plan.finish()
        .map_err(|error| Failure::Input(InputErrors::one(error)))?;
    Ok(())
}

/// Lines handed to a worker at a time, at most: long enough that handing them over
/// costs little, short enough that every core has work and little is held.
const CHUNK_LINES: usize = 512;
/// Bytes of lines handed over at a time, at most (plus one line).
const CHUNK_BYTES: usize = 512 << 10;
/// Chunks in flight (read and not yet written) per worker, at most: what bounds memory.
const CHUNKS_PER_WORKER: usize = 4;

/// JSON Lines without the quota, as JSON, on every core: a bounded ordered pipeline.
/// This thread reads chunks of lines and hands them to the workers; each worker
/// evaluates a chunk and sends back its output; this thread writes the chunks in input
/// order as they complete. At most `CHUNKS_PER_WORKER` chunks per worker are in flight,
/// so memory stays bounded whatever the input's length; no worker waits for another, so
/// a slow chunk delays only the writing. The output is the same as one line at a time.
fn json_lines_in_parallel(
    lines: &mut BoundedLines<impl BufRead>,
    args: &EvaluateArgs,
    options: &Options,
    output: &mut Output<impl Write>,
) -> Result<(), Failure> {
    let workers = thread::available_parallelism().map_or(1, usize::from);
    let fields = output.fields;
    let most_in_flight = workers * CHUNKS_PER_WORKER;
    let (chunk_sender, chunks) = mpsc::sync_channel::<(usize, usize, Vec<Line>)>(most_in_flight);
    let (result_sender, results) = mpsc::sync_channel::<(usize, Rendered)>(most_in_flight);
    let chunks = Mutex::new(chunks);
    thread::scope(|scope| {
        for _ in 0..workers {
            let (chunks, result_sender) = (&chunks, result_sender.clone());
            scope.spawn(move || loop {
                // The lock is held only to take the next chunk.
                let next = chunks.lock().map(|receiver| receiver.recv());
                let Ok(Ok((sequence, first, lines))) = next else {
                    return;
                };
                let rendered = Rendered::of(&lines, first, options, fields);
                if result_sender.send((sequence, rendered)).is_err() {
                    return;
                }
            });
        }
        drop(result_sender);
        // Both channels are moved in and closed when it returns, whatever happened, so
        // that no worker waits on them and the scope can end.
        feed_and_write(lines, args, output, chunk_sender, results, most_in_flight)
    })
}

/// Reads chunks and sends them to the workers, keeping at most `most_in_flight` of them
/// unwritten, and writes the results in input order.
fn feed_and_write(
    lines: &mut BoundedLines<impl BufRead>,
    args: &EvaluateArgs,
    output: &mut Output<impl Write>,
    chunks: mpsc::SyncSender<(usize, usize, Vec<Line>)>,
    results: mpsc::Receiver<(usize, Rendered)>,
    most_in_flight: usize,
) -> Result<(), Failure> {
    let mut first_line = 0;
    let (mut sent, mut written) = (0, 0);
    let mut waiting: BTreeMap<usize, Rendered> = BTreeMap::new();
    let mut failed = None;
    let mut at_end = false;
    loop {
        while !at_end && sent - written < most_in_flight {
            let mut chunk = Vec::with_capacity(CHUNK_LINES);
            let mut bytes = 0;
            while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
                match lines.next_line() {
                    Ok(Some(line)) => {
                        if let Line::Text(text) = &line {
                            bytes += text.len();
                        }
                        chunk.push(line);
                    }
                    Ok(None) => {
                        at_end = true;
                        break;
                    }
                    // What was read before the failure is still evaluated and written.
                    Err(error) => {
                        failed = Some(error);
                        at_end = true;
                        break;
                    }
                }
            }
            if chunk.is_empty() {
                break;
            }
            let count = chunk.len();
            chunks
                .send((sent, first_line, chunk))
                .map_err(|_| Failure::Stopped)?;
            sent += 1;
            first_line += count;
        }
        if written == sent {
            return match failed {
                Some(error) => Err(unreadable(&args.input, error)),
                None => Ok(()),
            };
        }
        let (sequence, rendered) = results.recv().map_err(|_| Failure::Stopped)?;
        waiting.insert(sequence, rendered);
        while let Some(part) = waiting.remove(&written) {
            output
                .stdout
                .write_all(&part.text.map_err(Failure::Output)?)
                .map_err(Failure::Output)?;
            for rejected in &part.rejected {
                output.rejected(rejected, Some(rejected.index + 1));
            }
            written += 1;
        }
    }
}

/// One part of a chunk of JSON Lines, evaluated: its decisions as output text, its
/// rejected records to report.
struct Rendered {
    text: io::Result<Vec<u8>>,
    rejected: Vec<RejectedRecord>,
}

impl Rendered {
    /// Evaluates `lines`, the first of which is line `first` of the input (from 0).
    fn of(lines: &[Line], first: usize, options: &Options, fields: Fields) -> Rendered {
        let mut text = Vec::with_capacity(lines.len() * 2048);
        let mut rejected = Vec::new();
        let mut written = Ok(());
        for (index, line) in (first..).zip(lines) {
            match evaluate_line(index, line.as_core(), options) {
                Some(BatchItem::Decision(decision)) if written.is_ok() => {
                    written = write_decision_line(&mut text, &decision, fields);
                }
                Some(BatchItem::Rejected(record)) => rejected.push(record),
                _ => {}
            }
        }
        Rendered {
            text: written.map(|()| text),
            rejected,
        }
    }
}

/// One decision as a line of JSON, whole or its `levels` fields.
fn write_decision_line(
    out: &mut impl Write,
    decision: &Decision,
    fields: Fields,
) -> io::Result<()> {
    match fields {
        Fields::All => serde_json::to_writer(&mut *out, &decision.record_json())?,
        Fields::Levels => serde_json::to_writer(&mut *out, &LevelsFields::of(decision))?,
    }
    out.write_all(b"\n")
}

/// The `levels` fields of a decision (`--fields levels`): what a pipeline that only
/// needs the level reads, with no message rendered.
#[derive(Serialize)]
struct LevelsFields<'d> {
    id: &'d str,
    regime: RegimeId,
    outcome: Outcome,
    level: Option<Level>,
    needs_decision: bool,
    /// The id of the rule that settles the decision (`Decision::deciding_reason`).
    deciding_rule: Option<&'static str>,
}

impl<'d> LevelsFields<'d> {
    fn of(decision: &'d Decision) -> LevelsFields<'d> {
        LevelsFields {
            id: &decision.id,
            regime: decision.regime,
            outcome: decision.outcome,
            level: decision.level,
            needs_decision: decision.needs_decision,
            deciding_rule: decision.deciding_reason().map(|reason| reason.rule.id()),
        }
    }
}

/// Where decisions and rejections go, in the chosen format.
struct Output<W: Write> {
    format: OutputFormat,
    lang: Lang,
    fields: Fields,
    stdout: W,
    table: Option<DecisionTable>,
    rejected: u64,
}

impl<W: Write> Output<W> {
    fn new(args: &EvaluateArgs, stdout: W) -> Output<W> {
        let table = (args.format == OutputFormat::Table).then(|| DecisionTable::new(args.lang));
        Output {
            format: args.format,
            lang: args.lang,
            fields: args.fields,
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
                match self.fields {
                    Fields::All => serializer.collect_seq(decisions.map(Decision::record_json))?,
                    Fields::Levels => serializer.collect_seq(decisions.map(LevelsFields::of))?,
                }
                self.stdout.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    /// One decision of a JSON Lines input.
    fn decision_line(&mut self, decision: &Decision) -> io::Result<()> {
        match &mut self.table {
            Some(table) => {
                table.push(decision);
                table.stream_to(&mut self.stdout)?;
            }
            None => write_decision_line(&mut self.stdout, decision, self.fields)?,
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
