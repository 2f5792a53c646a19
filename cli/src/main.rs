//! `cadre-eval`: the command-line tool over JSON and JSON Lines.
//!
//! A thin layer: it reads input, converts arguments to [`cadre_eval::Options`], forwards
//! every record to the core and writes what the core returns. No rule lives here.
//!
//! Exit codes: 0 when every record was evaluated, 1 when some were rejected (the others
//! are still evaluated), 2 for a usage error, unreadable input or unwritable output.

mod args;
mod catalogue;
mod compare;
mod evaluate;
mod forms;
mod lines;
mod org;
mod serve;
mod sheets;
mod table;
mod template;

use args::{Cli, Command, Lang};
use cadre_eval::InputErrors;
use cadre_eval_sheets::SheetFileError;
use clap::Parser;
use mimalloc::MiMalloc;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Many small allocations per record (decoding, rendering): mimalloc serves them faster
/// than the system allocator (docs/performance.md, "Issue 15").
#[global_allocator]
static ALLOCATOR: MiMalloc = MiMalloc;

/// Why a command stopped without finishing its work (exit code 2).
pub enum Failure {
    /// The input could not be read (missing file, not UTF-8, I/O error).
    Unreadable {
        /// The file name, or `stdin`.
        name: String,
        /// What went wrong.
        error: io::Error,
    },
    /// The input as a whole is unusable (not a JSON array, too many records).
    Input(InputErrors),
    /// The output could not be written.
    Output(io::Error),
    /// A spreadsheet could not be read or written, or has no sheet of the name given.
    Sheets(SheetFileError),
    /// Arguments that do not go together.
    Usage(String),
    /// A worker thread stopped (a defect, reported rather than passed on as a panic).
    Stopped,
    /// The service could not start, or stopped on an error.
    Service(String),
}

impl Failure {
    /// Tells the user on stderr, in `lang`.
    fn report(&self, lang: Lang) {
        let text = match self {
            Failure::Unreadable { name, error } => {
                format!(
                    "cadre-eval: {} {name}: {error}\n",
                    lang.pick("không đọc được", "cannot read")
                )
            }
            Failure::Input(errors) => errors
                .errors()
                .iter()
                .map(|error| format!("cadre-eval: {}\n", evaluate::readable_error(error, lang)))
                .collect(),
            Failure::Output(error) => {
                format!(
                    "cadre-eval: {}: {error}\n",
                    lang.pick("không ghi được kết quả", "cannot write the output")
                )
            }
            Failure::Sheets(error) => format!("cadre-eval: {error}\n"),
            Failure::Usage(message) => format!("cadre-eval: {message}\n"),
            Failure::Stopped => "cadre-eval: a worker thread stopped\n".to_owned(),
            Failure::Service(message) => format!("cadre-eval serve: {message}\n"),
        };
        let _ = io::stderr().lock().write_all(text.as_bytes());
    }
}

/// Exit code: some records were rejected.
const EXIT_REJECTED: u8 = 1;
/// Exit code: usage error, unreadable input, unwritable output (clap also uses 2).
const EXIT_FAILURE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (result, lang) = match &cli.command {
        Command::Evaluate(args) => (evaluate::run(args), args.lang),
        Command::Org(args) => (org::run(args), args.lang),
        Command::Compare(args) => (compare::run(args), args.lang),
        Command::FormSchema(args) => (forms::form_schema(args), Lang::En),
        Command::Conduct(args) => (forms::conduct(args), args.lang),
        Command::Partial(args) => (forms::partial(args), Lang::En),
        Command::WhatWouldChange(args) => (forms::what_would_change(args), Lang::En),
        Command::Template(args) => (template::run(args), args.lang),
        Command::Schema { record } => (
            write_stdout(|out| catalogue::write_schema(*record, out)),
            Lang::En,
        ),
        Command::Rules(args) => (
            write_stdout(|out| catalogue::write_rules(args, out)),
            args.lang,
        ),
        Command::Serve(args) => (serve::run(args), Lang::En),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(EXIT_REJECTED),
        // A reader that stopped early (`| head`) is not an error of ours.
        Err(Failure::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(failure) => {
            failure.report(lang);
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Runs `write` on a buffered stdout and flushes it.
fn write_stdout(
    write: impl FnOnce(&mut BufWriter<io::StdoutLock<'static>>) -> io::Result<()>,
) -> Result<bool, Failure> {
    let mut out = BufWriter::new(io::stdout().lock());
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(Failure::Output)?;
    Ok(true)
}
