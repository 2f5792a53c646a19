//! The command line, as clap parses it. Only the shape of the arguments lives here; each
//! command's work is in its own module.

use cadre_eval::{
    BatchOptions, CompareOptions, GradeMapping, InputErrors, LeaderComponents, Options, OrgOptions,
    PartyRate, QuotaOptions, QuotaReading, Reading, RegimeId, Rounding, StateCap, SubjectKind,
    TargetsReading,
};
use cadre_eval_service::Limits;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Exit codes, shown under `--help` of the tool and of `evaluate`.
const EXIT_CODES: &str = "\
Exit codes:
  0  every record was evaluated
  1  at least one record was rejected (the others were still evaluated)
  2  usage error, unreadable input (file not found, not UTF-8, not a JSON array, \
too many records, over a size limit), or output that could not be written
A reader that closes the output early (`| head`) is not a failure: the exit code is then 0.";

/// Exit codes of `compare`.
const COMPARE_EXIT_CODES: &str = "\
Exit codes:
  0  every record was evaluated under every regime asked
  1  a record was rejected, or could not be evaluated under some regime (its errors are \
shown; the other regimes and records are still compared); with --org, some regime \
rejected a record or unit of the tree
  2  usage error (an unknown regime), unreadable input (file not found, not UTF-8, \
neither a JSON array nor one JSON object, too many records; with --org, not one nested \
unit; over a size limit), or output that could not be written
A reader that closes the output early (`| head`) is not a failure: the exit code is then 0.";

/// Exit codes of `partial` and `what-would-change`.
const SINGLE_EXIT_CODES: &str = "\
Exit codes / Mã thoát:
  0  the form was read and answered / đã đọc và trả lời
  2  the record cannot be read (its errors on stderr, each with its JSON path), \
unreadable input, input over 64 KiB, or output that could not be written / \
không đọc được hồ sơ (lỗi kèm đường dẫn JSON ở stderr), không đọc được dữ liệu vào, \
dữ liệu vào quá 64 KiB, hoặc không ghi được kết quả
A reader that closes the output early (`| head`) is not a failure: the exit code is then 0.";

/// Evaluate party members, leaders and collectives under QĐ 366-QĐ/TW: a proposed
/// quality level with every reason, rule id and citation.
#[derive(Debug, Parser)]
#[command(name = "cadre-eval", version, after_help = EXIT_CODES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate a JSON array, JSON Lines or a spreadsheet of assessments and print the
    /// decisions.
    ///
    /// Decisions go to stdout in the shape and order of the input (a pretty-printed JSON
    /// array for an array or a spreadsheet, one JSON object per line for JSON Lines), or
    /// as a table with `--format table`. Each rejected record goes to stderr: one
    /// `RejectedRecord` JSON object per line (see `cadre-eval schema rejected`; for a
    /// spreadsheet, with its sheet, row, column and header), or in table mode one
    /// readable line per error. Good records are evaluated even when others are rejected.
    /// A spreadsheet (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`, `.csv`) is read by its
    /// extension; see docs/excel.md. With `--output` the results are written to a file
    /// for people instead (a workbook, or CSV) and nothing to stdout.
    #[command(after_help = EXIT_CODES)]
    Evaluate(EvaluateArgs),
    /// Evaluate an organisation tree and print a per-unit report.
    ///
    /// The input is one nested unit (JSON), or JSON Lines of units each naming its
    /// `parent` (a name ending in `.jsonl`, or `--jsonl`); see docs/organisation-trees.md.
    /// Records are evaluated in the order of Art. 12.2, facts derived from the tree, and
    /// the Excellent quota applied per group. Rejected records and units are listed; the
    /// rest is still evaluated.
    #[command(after_help = EXIT_CODES)]
    Org(OrgArgs),
    /// Compare regimes: evaluate each record under QĐ 366, QĐ 124 and QĐ 132 and show
    /// the levels and, topic by topic, what differs and why.
    ///
    /// The input is a JSON array of assessments or one assessment object. Each regime
    /// reads its own fields and skips the others' (`score` for QĐ 366, `grades` for
    /// QĐ 124 and QĐ 132); see docs/regimes.md, "Comparison". A record with points only
    /// gets no grades unless `--grades-from-points` names a mapping: the older regimes
    /// then report the missing grades as their error, and the others are still compared.
    ///
    /// With `--org` the input is an organisation tree (one nested unit): the whole tree is
    /// evaluated under each regime, with its derived facts and the Excellent quota, and
    /// the report lists each regime's totals, the records whose level differs, and per
    /// pair of regimes how many records change level.
    #[command(after_help = COMPARE_EXIT_CODES)]
    Compare(CompareArgs),
    /// Print the self-assessment form for a subject kind, as JSON (Mẫu 2A, 2B, 2C, 01).
    FormSchema(FormSchemaArgs),
    /// Print the conduct catalogue (or, with `--kind`, the items that apply).
    Conduct(ConductArgs),
    /// Evaluate an assessment still being filled in: the levels still reachable and
    /// which unanswered fields can still change the result (JSON). / Đánh giá một hồ sơ
    /// đang điền dở: các mức còn đạt được và những trường chưa điền còn có thể đổi kết quả.
    #[command(after_help = SINGLE_EXIT_CODES)]
    Partial(SingleArgs),
    /// For one assessment, the smallest changes that reach each higher level (JSON). /
    /// Với một hồ sơ, những thay đổi nhỏ nhất để đạt từng mức cao hơn.
    #[command(after_help = SINGLE_EXIT_CODES)]
    WhatWouldChange(SingleArgs),
    /// Write a spreadsheet template to fill in: the columns that apply to the kinds and
    /// the regime, headed in Vietnamese, with drop-down lists, number ranges, date cells
    /// and an instructions sheet (docs/excel.md).
    Template(TemplateArgs),
    /// Print the JSON Schema of a contract record.
    Schema {
        /// Which record.
        #[arg(value_enum)]
        record: SchemaRecord,
    },
    /// List the rules the library applies: id, citation and basis.
    Rules(RulesArgs),
    /// Run the HTTP service: every entry point under /v1/, the OpenAPI document at
    /// /openapi.json, health at /healthz and /readyz, metrics at /metrics, and the
    /// self-assessment form at / (with --form). See docs/service.md.
    ///
    /// Stops on SIGTERM or SIGINT: no new connections, requests in flight finish within
    /// --shutdown-grace, exit 0. Logs one JSON line per request on stderr.
    Serve(ServeArgs),
}

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on. Beyond loopback, --token-file is required (or
    /// --insecure-no-auth).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub bind: std::net::SocketAddr,
    /// Bearer tokens, one per line (`#` comments and blank lines skipped): every call
    /// under /v1/ and /metrics must send `Authorization: Bearer <token>`.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Allow an address beyond loopback without tokens (behind a proxy that
    /// authenticates, for example).
    #[arg(long, conflicts_with = "token_file")]
    pub insecure_no_auth: bool,
    /// TLS certificate chain (PEM); with --tls-key.
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// TLS private key (PEM); with --tls-cert.
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Serve the self-assessment form from this directory (web/) at /.
    #[arg(long, value_name = "DIR")]
    pub form: Option<PathBuf>,
    /// The form's WASM package (bindings-wasm/pkg/web), served at /pkg/; default
    /// <--form>/pkg.
    #[arg(long, value_name = "DIR", requires = "form")]
    pub form_pkg: Option<PathBuf>,
    /// Largest request body read whole, in bytes (JSON Lines of assessments are
    /// streamed and bounded by --max-records instead).
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_body_bytes)]
    pub max_body_bytes: usize,
    /// Most records in one request.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_records)]
    pub max_records: usize,
    /// Seconds to answer a request whose body is read whole; for a JSON Lines stream,
    /// the longest wait for the next part of the body.
    #[arg(long, value_name = "SECONDS", default_value_t = Limits::default().request_timeout.as_secs())]
    pub request_timeout: u64,
    /// Seconds for a client to send a request's headers.
    #[arg(long, value_name = "SECONDS", default_value_t = Limits::default().header_timeout.as_secs())]
    pub header_timeout: u64,
    /// Most requests in flight under /v1/; beyond it, 503 with Retry-After at once.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_concurrent_requests)]
    pub max_concurrent_requests: usize,
    /// Most JSON Lines streams in flight.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_concurrent_streams)]
    pub max_concurrent_streams: usize,
    /// Milliseconds of queueing delay (how late the runtime runs a ready task) above
    /// which new /v1/ requests are refused with 503 at once, so that the requests taken
    /// are answered in bounded time under overload.
    #[arg(long, value_name = "MS", default_value_t = Limits::default().max_queue_delay.as_millis() as u64)]
    pub max_queue_delay_ms: u64,
    /// Seconds that requests in flight may run on after SIGTERM or SIGINT.
    #[arg(long, value_name = "SECONDS", default_value_t = Limits::default().shutdown_grace.as_secs())]
    pub shutdown_grace: u64,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// Arguments of `evaluate`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// The assessments: a JSON array, or JSON Lines when the name ends in `.jsonl` or
    /// `--jsonl` is given. `-` reads stdin.
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// Read the input as JSON Lines (one assessment per line), streamed line by line.
    #[arg(long)]
    pub jsonl: bool,
    /// How a score whose band's conditions fail is resolved.
    #[arg(long, value_enum, default_value_t = ReadingArg::Cascade)]
    pub reading: ReadingArg,
    /// How "did not meet the basic targets" is read.
    #[arg(long, value_enum, default_value_t = TargetsArg::Any)]
    pub basic_targets: TargetsArg,
    /// Output for programs (JSON) or for people (a table).
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,
    /// Language of the table and of the readable error lines.
    #[arg(long, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
    /// Apply the Excellent quota (qd366.11.1.quota) across the batch, per `quota_group`
    /// (or the subject kind when none is named). The output keeps input order; JSON
    /// Lines are then held in memory until the end.
    #[arg(long)]
    pub quota: bool,
    /// How the quota's Good count is read.
    #[arg(long, value_enum, default_value_t = QuotaReadingArg::FinalTally, requires = "quota")]
    pub quota_reading: QuotaReadingArg,
    /// A quota group for which the competent level allowed 25% instead of 20%
    /// (repeatable).
    #[arg(long, value_name = "GROUP", requires = "quota")]
    pub raised_ratio_group: Vec<String>,
    /// The options of state records (ND 335, ND 233, ND 90) and of the link.
    #[command(flatten)]
    pub state: StateArgs,
    /// A spreadsheet's sheet to read (repeatable); default every sheet but its
    /// instructions, lists and units.
    #[arg(long, value_name = "NAME")]
    pub sheet: Vec<String>,
    /// What each decision of the JSON output holds: the whole record (`all`), or
    /// `levels`: id, regime, outcome, level, needs_decision and the deciding rule's id,
    /// with no message rendered.
    #[arg(long, value_enum, default_value_t = Fields::All, conflicts_with = "output")]
    pub fields: Fields,
    /// Write the results to this file instead of stdout: a workbook for people
    /// (`.xlsx`: summary, decisions, reasons, rejected rows) or the decisions as CSV
    /// (`.csv`).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl EvaluateArgs {
    /// The batch's options these arguments select: each record's evaluation, and the
    /// quota when `--quota` is given.
    pub fn batch_options(&self) -> BatchOptions {
        BatchOptions {
            evaluation: self
                .state
                .evaluation(evaluation_options(self.reading, self.basic_targets)),
            quota: self.quota.then(|| {
                self.state
                    .quota(quota_options(self.quota_reading, &self.raised_ratio_group))
            }),
        }
    }

    /// A usage error when a quota option of state records is given without `--quota`,
    /// or an agency's party rate twice.
    pub fn check(&self) -> Result<(), String> {
        self.state.check()?;
        if !self.quota && self.state.has_quota_options() {
            return Err(
                "--recognised-agency và --party-excellent-rate chỉ dùng cùng --quota / \
                 --recognised-agency and --party-excellent-rate need --quota"
                    .to_owned(),
            );
        }
        Ok(())
    }

    /// Whether the input is JSON Lines: asked for, or named `*.jsonl`.
    pub fn is_json_lines(&self) -> bool {
        self.jsonl
            || self
                .input
                .extension()
                .is_some_and(|extension| extension.eq_ignore_ascii_case("jsonl"))
    }

    /// Whether the input is stdin.
    pub fn reads_stdin(&self) -> bool {
        self.input.as_os_str() == "-"
    }
}

/// Arguments of `org`.
#[derive(Debug, Args)]
pub struct OrgArgs {
    /// The tree: one nested unit (JSON), or JSON Lines of units. `-` reads stdin.
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// Read the input as JSON Lines of units.
    #[arg(long)]
    pub jsonl: bool,
    /// How a score whose band's conditions fail is resolved.
    #[arg(long, value_enum, default_value_t = ReadingArg::Cascade)]
    pub reading: ReadingArg,
    /// How "did not meet the basic targets" is read.
    #[arg(long, value_enum, default_value_t = TargetsArg::Any)]
    pub basic_targets: TargetsArg,
    /// Leave the Excellent quota out.
    #[arg(long)]
    pub no_quota: bool,
    /// How the quota's Good count is read.
    #[arg(long, value_enum, default_value_t = QuotaReadingArg::FinalTally)]
    pub quota_reading: QuotaReadingArg,
    /// A quota group for which the competent level allowed 25% instead of 20% (repeatable).
    #[arg(long, value_name = "GROUP")]
    pub raised_ratio_group: Vec<String>,
    /// The options of state records (ND 335, ND 233, ND 90) and of the link.
    #[command(flatten)]
    pub state: StateArgs,
    /// A readable report (default) or JSON.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// Language of the report.
    #[arg(long, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
    /// Show every record's decision (default for a nested tree; off for JSON Lines,
    /// which may hold millions of records).
    #[arg(long, overrides_with = "no_records")]
    pub records: bool,
    /// Show only the figures, not each record.
    #[arg(long)]
    pub no_records: bool,
    /// A spreadsheet's records sheet to read (repeatable); default every sheet but its
    /// units, instructions and lists. The units come from the sheet `Đơn vị` (or
    /// `Units`).
    #[arg(long, value_name = "NAME")]
    pub sheet: Vec<String>,
    /// Write the results to this file too: a workbook for people (`.xlsx`) or the
    /// decisions as CSV (`.csv`).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl OrgArgs {
    /// Whether the input is JSON Lines: asked for, or named `*.jsonl`.
    pub fn is_json_lines(&self) -> bool {
        self.jsonl
            || self
                .input
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
    }

    /// The organisation options these arguments select.
    pub fn options(&self) -> OrgOptions {
        let evaluation = self
            .state
            .evaluation(evaluation_options(self.reading, self.basic_targets));
        let quota = (!self.no_quota).then(|| {
            self.state
                .quota(quota_options(self.quota_reading, &self.raised_ratio_group))
        });
        // A results file shows every decision.
        let keep_decisions = if self.no_records && self.output.is_none() {
            false
        } else {
            self.records || !self.is_json_lines() || self.output.is_some()
        };
        OrgOptions {
            evaluation,
            quota,
            keep_decisions,
            regime: None,
            grades_from_points: None,
        }
    }
}

/// The options of state records and of the link (`spec/state-regimes.md` §2.1, §2.3,
/// §4; docs/state-regimes.md), shared by `evaluate` and `org`.
#[derive(Debug, Args)]
pub struct StateArgs {
    /// How a party rating under QĐ 124 or QĐ 366 reads the state one: `none` (a finding
    /// when the party level is above the state one) or `hd21` (HD 21's caps).
    #[arg(long, value_enum, default_value_t = StateCapArg::None)]
    pub state_cap: StateCapArg,
    /// How a state record's annual mean is rounded, once, half away from zero.
    #[arg(long, value_enum, default_value_t = RoundingArg::TwoDecimals)]
    pub rounding: RoundingArg,
    /// A state leader's `d`, `đ`, `e` given directly: only 1 or ½ (`text`) or any value
    /// from 0 to 1 (`override`, the reason then marked inferred).
    #[arg(long, value_enum, default_value_t = LeaderComponentsArg::Text)]
    pub leader_components: LeaderComponentsArg,
    /// With the quota: an agency the competent level recognised Excellent, whose state
    /// ratio is 25% instead of 20% (ND 335 Art. 20.5.b; repeatable).
    #[arg(long, value_name = "AGENCY")]
    pub recognised_agency: Vec<String>,
    /// With the quota: an agency's party Excellent rate for ND 48's state quota
    /// (`nd90.2.6`), as `AGENCY=E/N` (E of N party members) or `AGENCY=P%` (at most two
    /// decimals); read exactly or refused (repeatable).
    #[arg(long, value_name = "AGENCY=RATE", value_parser = parse_party_rate)]
    pub party_excellent_rate: Vec<(String, PartyRate)>,
}

impl StateArgs {
    /// `options` with the state options set.
    pub fn evaluation(&self, options: Options) -> Options {
        Options {
            state_cap: match self.state_cap {
                StateCapArg::None => StateCap::None,
                StateCapArg::Hd21 => StateCap::Hd21,
            },
            rounding: match self.rounding {
                RoundingArg::TwoDecimals => Rounding::TwoDecimals,
                RoundingArg::OneDecimal => Rounding::OneDecimal,
                RoundingArg::Integer => Rounding::Integer,
            },
            leader_components: match self.leader_components {
                LeaderComponentsArg::Text => LeaderComponents::Text,
                LeaderComponentsArg::Override => LeaderComponents::Override,
            },
            ..options
        }
    }

    /// `quota` with the state quota's agencies and rates set (a rate named twice: the
    /// last one).
    pub fn quota(&self, quota: QuotaOptions) -> QuotaOptions {
        QuotaOptions {
            agency_recognised_excellent: self.recognised_agency.clone(),
            party_excellent_rate: self.party_excellent_rate.iter().cloned().collect(),
            ..quota
        }
    }

    /// A usage error when an agency's party rate is given twice (the core's refusal,
    /// in both languages): one of the two is never picked silently.
    pub fn check(&self) -> Result<(), String> {
        PartyRate::by_agency(
            "--party-excellent-rate",
            self.party_excellent_rate.iter().cloned(),
        )
        .map(|_| ())
        .map_err(|error| format!("{} / {}", error.message.vi, error.message.en))
    }

    /// Whether an option of the state quota is given.
    pub fn has_quota_options(&self) -> bool {
        !self.recognised_agency.is_empty() || !self.party_excellent_rate.is_empty()
    }
}

/// `--party-excellent-rate`: the core's reading, its error in both languages.
fn parse_party_rate(text: &str) -> Result<(String, PartyRate), String> {
    PartyRate::parse_agency_rate("--party-excellent-rate", text)
        .map_err(|error| format!("{} / {}", error.message.vi, error.message.en))
}

/// How a party rating reads the state one (mirrors `cadre_eval::StateCap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StateCapArg {
    /// No cap: a finding when the party level is above the state one.
    None,
    /// HD 21's caps: Excellent needs state Excellent; state Not completed is party Not
    /// completed.
    Hd21,
}

/// How the annual mean is rounded (mirrors `cadre_eval::Rounding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoundingArg {
    /// Two decimals.
    #[value(name = "two_decimals", alias = "two-decimals")]
    TwoDecimals,
    /// One decimal.
    #[value(name = "one_decimal", alias = "one-decimal")]
    OneDecimal,
    /// A whole number.
    Integer,
}

/// Which values of a leader's `d`, `đ`, `e` are accepted (mirrors
/// `cadre_eval::LeaderComponents`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LeaderComponentsArg {
    /// Only 1 and ½, as the text says.
    Text,
    /// Any value from 0 to 1.
    Override,
}

/// The evaluation options of `--reading` and `--basic-targets`.
fn evaluation_options(reading: ReadingArg, basic_targets: TargetsArg) -> Options {
    Options {
        reading: match reading {
            ReadingArg::Cascade => Reading::Cascade,
            ReadingArg::Strict => Reading::Strict,
        },
        basic_targets: match basic_targets {
            TargetsArg::Any => TargetsReading::Any,
            TargetsArg::All => TargetsReading::All,
        },
        ..Options::default()
    }
}

/// The quota options of `--quota-reading` and `--raised-ratio-group`.
fn quota_options(reading: QuotaReadingArg, raised_ratio_groups: &[String]) -> QuotaOptions {
    QuotaOptions {
        reading: match reading {
            QuotaReadingArg::FinalTally => QuotaReading::FinalTally,
            QuotaReadingArg::ProposedGood => QuotaReading::ProposedGood,
        },
        raised_ratio_groups: raised_ratio_groups.to_vec(),
        ..QuotaOptions::default()
    }
}

/// Arguments of `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The assessments: a JSON array, or one assessment object; with `--org`, an
    /// organisation tree (one nested unit). `-` reads stdin.
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// The input is an organisation tree (one nested unit, docs/organisation-trees.md):
    /// the whole tree is evaluated under each regime, with the facts derived from it and
    /// the Excellent quota, and compared record by record. JSON Lines of units are not
    /// read here.
    #[arg(long)]
    pub org: bool,
    /// With `--org`: leave the Excellent quota out.
    #[arg(long, requires = "org")]
    pub no_quota: bool,
    /// With `--org`: how the quota's Good count is read.
    #[arg(long, value_enum, default_value_t = QuotaReadingArg::FinalTally, requires = "org")]
    pub quota_reading: QuotaReadingArg,
    /// With `--org`: a quota group for which the competent level allowed 25% instead of
    /// 20% (repeatable).
    #[arg(long, value_name = "GROUP", requires = "org")]
    pub raised_ratio_group: Vec<String>,
    /// The input holds state and party records (`"rating": "state"`, docs/state-regimes.md):
    /// each person's state and party levels side by side, a state record and a party
    /// record with one id being a pair (no quota).
    #[arg(long, conflicts_with_all = ["org", "regimes", "grades_from_points"])]
    pub state_party: bool,
    /// The regimes to compare, in the order shown (comma-separated); default the party
    /// regimes qd366, qd124, qd132, and for a state record nd335, nd233, nd90 with the
    /// one in force first.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub regimes: Vec<RegimeArg>,
    /// Grades for a record that has points only, by a documented mapping
    /// (docs/regimes.md); default none.
    #[arg(long, value_enum, value_name = "MAPPING")]
    pub grades_from_points: Option<GradeMappingArg>,
    /// How a score whose band's conditions fail is resolved.
    #[arg(long, value_enum, default_value_t = ReadingArg::Cascade)]
    pub reading: ReadingArg,
    /// How "did not meet the basic targets" is read.
    #[arg(long, value_enum, default_value_t = TargetsArg::Any)]
    pub basic_targets: TargetsArg,
    /// A readable report (default) or JSON: an array of comparisons, or with `--org` one
    /// organisation comparison.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// Language of the report and of the readable error lines.
    #[arg(long, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
}

impl CompareArgs {
    /// With `--org`, the quota options: applied unless `--no-quota`, as in `org`.
    pub fn quota_options(&self) -> Option<QuotaOptions> {
        (self.org && !self.no_quota)
            .then(|| quota_options(self.quota_reading, &self.raised_ratio_group))
    }

    /// Whether the input is named `*.jsonl` (JSON Lines, which `--org` does not read).
    pub fn is_json_lines(&self) -> bool {
        self.input
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("jsonl"))
    }

    /// The comparison options these arguments select (the core compares a regime named
    /// twice once, where first named).
    pub fn options(&self) -> Result<CompareOptions, InputErrors> {
        let regimes: Vec<RegimeId> = self.regimes.iter().map(|regime| regime.id()).collect();
        CompareOptions::new(
            (!regimes.is_empty()).then_some(regimes.as_slice()),
            self.grades_from_points.map(|mapping| match mapping {
                GradeMappingArg::ScoreShares => GradeMapping::ScoreShares,
            }),
            evaluation_options(self.reading, self.basic_targets),
        )
    }
}

/// A regime (mirrors `cadre_eval::RegimeId`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RegimeArg {
    /// QĐ 366-QĐ/TW (2025) with HD 43-HD/BTCTW.
    Qd366,
    /// QĐ 124-QĐ/TW (2023) with HD 25-HD/BTCTW.
    Qd124,
    /// QĐ 132-QĐ/TW (2018) with HD 16 and HD 21-HD/BTCTW.
    Qd132,
    /// State: Nghị định 335/2025/NĐ-CP (công chức from 2026).
    Nd335,
    /// State: Nghị định 233/2026/NĐ-CP (viên chức from 1/7/2026).
    Nd233,
    /// State: Nghị định 90/2020/NĐ-CP with Nghị định 48/2023/NĐ-CP.
    Nd90,
}

impl RegimeArg {
    /// The core's id.
    pub fn id(self) -> RegimeId {
        match self {
            RegimeArg::Qd366 => RegimeId::Qd366,
            RegimeArg::Qd124 => RegimeId::Qd124,
            RegimeArg::Qd132 => RegimeId::Qd132,
            RegimeArg::Nd335 => RegimeId::Nd335,
            RegimeArg::Nd233 => RegimeId::Nd233,
            RegimeArg::Nd90 => RegimeId::Nd90,
        }
    }
}

/// A mapping from points to grades (mirrors `cadre_eval::GradeMapping`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GradeMappingArg {
    /// Each group's share of its maximum by the bands 90/70/50%: the general criteria
    /// become the criterion `general`, the task results `task_results`.
    #[value(name = "score_shares", alias = "score-shares")]
    ScoreShares,
}

/// Arguments of `template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The kinds of subject the records sheet takes (comma-separated or repeated);
    /// default all three, or with `--from` those of the records.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub kind: Vec<KindArg>,
    /// The regime whose columns it asks for; default QĐ 366, or with `--from` the
    /// records' regime.
    #[arg(long, value_enum)]
    pub regime: Option<RegimeArg>,
    /// An organisation tree: a units sheet, and a unit column on the records sheet.
    #[arg(long)]
    pub org: bool,
    /// Fill the template with these records: a JSON array of assessments, or with
    /// `--org` a tree (one nested unit); with `--regime nd335|nd233` the state records
    /// of the array (one periods row per person and period, one products row per
    /// product).
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// QĐ 124, QĐ 132: the criteria to grade, one column each (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub criteria: Vec<String>,
    /// The file's format; default by the output's extension (xlsx unless `.csv`).
    #[arg(long, value_enum)]
    pub format: Option<TemplateFormat>,
    /// Language of the headers (both are read back).
    #[arg(long, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
    /// Where to write it (`-`: stdout, CSV only).
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
}

/// A template's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormat {
    /// An Excel workbook, with drop-down lists and instructions.
    Xlsx,
    /// CSV (UTF-8 with a byte-order mark): the records sheet's headers and rows.
    Csv,
}

/// Arguments of `form-schema`.
#[derive(Debug, Args)]
pub struct FormSchemaArgs {
    /// `party` (default: the yearly self-review of QĐ 366) or `state` (the monthly or
    /// quarterly self-assessment of a civil servant or public employee).
    #[arg(long, value_enum, default_value_t = RatingArg::Party)]
    pub rating: RatingArg,
    /// `member`, `leader` or `collective` (a state form: `member` or `leader`).
    #[arg(long, value_enum)]
    pub kind: KindArg,
    /// The regime: `qd366` (default) for the party forms; `nd335` (default for a state
    /// form) or `nd233` for the state ones.
    #[arg(long, value_enum)]
    pub regime: Option<RegimeArg>,
    /// A state form: `month` (default) or `quarter`.
    #[arg(long, value_enum)]
    pub period_kind: Option<PeriodKindArg>,
    /// A member outside the political system (PL 5, Mẫu 2C).
    #[arg(long)]
    pub outside_political_system: bool,
    /// A centrally managed leader (PL 2).
    #[arg(long)]
    pub centrally_managed: bool,
    /// A collective's sub-kind.
    #[arg(long, value_enum)]
    pub collective_kind: Option<CollectiveKindArg>,
    /// A shipped criteria profile: one field per criteria item instead of two totals.
    #[arg(long, value_name = "PROFILE_ID")]
    pub profile: Option<String>,
    /// The day whose conduct items apply (YYYY-MM-DD); default the end of this year.
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

/// Arguments of `conduct`.
#[derive(Debug, Args)]
pub struct ConductArgs {
    /// Only the items for this kind of subject (with `--on`), as a table.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// The day (YYYY-MM-DD); default the end of this year.
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Language of the table.
    #[arg(long, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
}

/// Arguments of the commands that take one assessment.
#[derive(Debug, Args)]
pub struct SingleArgs {
    /// One assessment (JSON object); `-` reads stdin.
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// How a score whose band's conditions fail is resolved.
    #[arg(long, value_enum, default_value_t = ReadingArg::Cascade)]
    pub reading: ReadingArg,
}

impl SingleArgs {
    /// The evaluation options.
    pub fn options(&self) -> Options {
        evaluation_options(self.reading, TargetsArg::Any)
    }
}

/// Which rating a form is for (mirrors `cadre_eval::Rating`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RatingArg {
    /// The party's.
    Party,
    /// The state's.
    State,
}

/// A state form's period (mirrors `cadre_eval::PeriodKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodKindArg {
    /// Monthly.
    Month,
    /// Quarterly.
    Quarter,
}

/// A subject kind (mirrors `cadre_eval::SubjectKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// A member without a leadership post.
    Member,
    /// A leader.
    Leader,
    /// A collective.
    Collective,
}

impl KindArg {
    /// The core's kind.
    pub fn kind(self) -> SubjectKind {
        match self {
            KindArg::Member => SubjectKind::Member,
            KindArg::Leader => SubjectKind::Leader,
            KindArg::Collective => SubjectKind::Collective,
        }
    }
}

/// A collective's sub-kind (mirrors `cadre_eval::CollectiveKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CollectiveKindArg {
    /// Leadership or management collective.
    Leadership,
    /// Party committee.
    PartyCommittee,
    /// Party organisation.
    PartyOrganisation,
    /// Organisation, agency or unit.
    Agency,
}

/// Arguments of `rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A table for people, or a JSON array for programs.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// Language of the table's headings.
    #[arg(long, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
}

/// The reading of open cases (mirrors `cadre_eval::Reading`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReadingArg {
    /// Fall to the highest level whose floor and conditions hold.
    Cascade,
    /// Propose no level when the band's own conditions fail: the competent level decides.
    Strict,
}

/// The reading of the basic targets (mirrors `cadre_eval::TargetsReading`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetsArg {
    /// Missing any applicable target triggers the rule.
    Any,
    /// Only missing all of them triggers it.
    All,
}

/// The reading of the quota (mirrors `cadre_eval::QuotaReading`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuotaReadingArg {
    /// Those demoted count as Good: e_max = floor(p·(E₀+G₀)/(p+q)).
    FinalTally,
    /// Only those proposed Good count: e_max = floor(p·G₀/q).
    ProposedGood,
}

/// What each decision of `evaluate`'s JSON output holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Fields {
    /// The whole decision record, messages in both languages.
    All,
    /// The level and what settled it, nothing rendered.
    Levels,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// JSON, as the contract writes it.
    Json,
    /// An aligned table for people.
    Table,
}

/// Language of text for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The text in this language.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// A record whose JSON Schema can be printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaRecord {
    /// An assessment (input).
    Assessment,
    /// A decision (output).
    Decision,
    /// One input error.
    Error,
    /// A rejected batch record, as written to stderr by `evaluate`.
    Rejected,
}
