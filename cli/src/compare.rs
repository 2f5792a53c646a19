//! `cadre-eval compare`: each record under several regimes, side by side.
//!
//! The core compares ([`cadre_eval::compare_json`]); this module reads the
//! input, forwards every record and writes the comparisons as JSON or as a report for
//! people: per record the level under each regime, then each topic on which the regimes
//! differ with what each regime found and how its rules read; at the end how many
//! records keep their level and, per pair of regimes, how many move up or down.
//!
//! With `--org` the input is an organisation tree and the core compares the whole tree
//! ([`cadre_eval::compare_org`]); the report then gives each regime's totals,
//! one line per record whose level differs, and the level changes per pair of regimes.

use crate::args::{CompareArgs, Lang, OutputFormat};
use crate::evaluate::{readable_error, report_rejected};
use crate::lines::read_all;
use crate::table::{level_name, printable, Align, Table, NONE};
use crate::Failure;
use cadre_eval::{
    compare_json_records, compare_org, compare_state_party, pair_tallies, CompareOptions,
    Comparison, ErrorCode, GradesInput, InputError, InputErrors, Level, LevelChanges,
    OrgComparison, OrgRecordComparison, OrgRegimeResult, PairTally, RegimeId, RegimeResult,
    RejectedEntry, Role, StatePartyComparison, Stats, Text, TopicComparison, Verdict,
    MAX_BATCH_BYTES, MAX_TREE_BYTES,
};
use std::io::{self, BufWriter, Write};
use unicode_width::UnicodeWidthStr;

/// Runs `compare`. `Ok(true)` when every record was evaluated under every regime.
pub fn run(args: &CompareArgs) -> Result<bool, Failure> {
    if args.org {
        return run_org(args);
    }
    let text = read_all(&args.input, MAX_BATCH_BYTES)?;
    let options = args.options().map_err(Failure::Input)?;
    if args.state_party {
        return run_state_party(&text, &options, args);
    }
    let results = compare_json_records(&text, &options).map_err(Failure::Input)?;
    let mut comparisons = Vec::with_capacity(results.len());
    let mut rejected = 0_usize;
    for result in results {
        match result {
            Ok(comparison) => comparisons.push(comparison),
            Err(record) => {
                rejected += 1;
                report_rejected(&record, None, args.format, args.lang);
            }
        }
    }
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        OutputFormat::Json => write_json(&comparisons, &mut out),
        OutputFormat::Table => write_report(&comparisons, &options, rejected, args.lang, &mut out),
    }
    .and_then(|()| out.flush())
    .map_err(Failure::Output)?;
    let every_regime_evaluated = comparisons
        .iter()
        .all(|comparison| comparison.results.iter().all(|r| r.decision.is_some()));
    Ok(rejected == 0 && every_regime_evaluated)
}

/// `compare --state-party`: each person's state and party levels side by side.
/// `Ok(true)` when no record was rejected.
fn run_state_party(
    text: &str,
    options: &CompareOptions,
    args: &CompareArgs,
) -> Result<bool, Failure> {
    let comparison = compare_state_party(text, &options.evaluation).map_err(Failure::Input)?;
    for record in &comparison.rejected {
        report_rejected(record, None, args.format, args.lang);
    }
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        OutputFormat::Json => serde_json::to_writer_pretty(&mut out, &comparison)
            .map_err(io::Error::other)
            .and_then(|()| out.write_all(b"\n")),
        OutputFormat::Table => write_state_party(&comparison, args.lang, &mut out),
    }
    .and_then(|()| out.flush())
    .map_err(Failure::Output)?;
    Ok(comparison.rejected.is_empty())
}

/// The people's table, then the totals.
fn write_state_party(
    comparison: &StatePartyComparison,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut table = Table::new(&[
        ("ID", Align::Left),
        (lang.pick("Nhà nước", "State"), Align::Left),
        (lang.pick("Điểm năm", "Annual score"), Align::Right),
        (lang.pick("Đảng", "Party"), Align::Left),
        (lang.pick("Cùng mức", "Agree"), Align::Left),
        (lang.pick("Đảng cao hơn", "Party above"), Align::Left),
    ]);
    let yes_no = |flag: Option<bool>| match flag {
        Some(true) => lang.pick("có", "yes").to_owned(),
        Some(false) => lang.pick("không", "no").to_owned(),
        None => NONE.to_owned(),
    };
    for person in &comparison.people {
        let state = &person.state;
        let state_level = match state.level.level() {
            Some(level) => lang.pick(level.vi(), level.en()),
            None => lang.pick("Không xếp loại", "Not classified"),
        };
        let (party_level, _) = level_name(person.party.outcome, person.party.level, lang);
        table.push(vec![
            person.id.clone(),
            format!(
                "{state_level} ({}, {})",
                state.regime.map_or(NONE, RegimeId::as_str),
                state.source.as_str()
            ),
            state
                .score
                .as_ref()
                .map_or_else(|| NONE.to_owned(), ToString::to_string),
            format!("{party_level} ({})", person.party.regime.as_str()),
            yes_no(Some(person.agree)),
            yes_no(person.mismatch),
        ]);
    }
    table.write(out)?;
    let totals = comparison.totals;
    writeln!(
        out,
        "{}: {} {}; {} {}; {} {}; {} {}; {} {}",
        lang.pick("Tổng kết", "Summary"),
        totals.people,
        lang.pick("người", "people"),
        totals.agree,
        lang.pick("cùng mức", "agree"),
        totals.party_above,
        lang.pick("mức Đảng cao hơn", "party above state"),
        totals.party_below,
        lang.pick("mức Đảng thấp hơn", "party below state"),
        totals.not_comparable,
        lang.pick("không so được", "not comparable"),
    )
}

fn write_json(comparisons: &[Comparison], out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, comparisons)?;
    out.write_all(b"\n")
}

fn write_report(
    comparisons: &[Comparison],
    options: &CompareOptions,
    rejected: usize,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    for (position, comparison) in comparisons.iter().enumerate() {
        if position > 0 {
            writeln!(out)?;
        }
        write_comparison(comparison, lang, out)?;
    }
    if !comparisons.is_empty() {
        writeln!(out)?;
    }
    write_summary(comparisons, options.regimes.len(), rejected, lang, out)
}

/// One record: its level under each regime, then the topics that differ.
fn write_comparison(comparison: &Comparison, lang: Lang, out: &mut impl Write) -> io::Result<()> {
    let in_force = comparison.in_force.map_or_else(
        || lang.pick("không có", "none").to_owned(),
        |regime| regime.as_str().to_owned(),
    );
    writeln!(
        out,
        "== {} ({}: {in_force}) ==",
        printable(&comparison.id),
        lang.pick(
            "quy định có hiệu lực cuối kỳ",
            "regime in force at the period's end"
        ),
    )?;
    let rows: Vec<LevelRow> = comparison
        .results
        .iter()
        .map(|result| LevelRow::of(result, lang))
        .collect();
    let level_width = rows.iter().map(|r| r.level.width()).max().unwrap_or(0);
    let code_width = rows.iter().map(|r| r.code.width()).max().unwrap_or(0);
    let rule_width = rows.iter().map(|r| r.rule.width()).max().unwrap_or(0);
    let regime_width = comparison
        .results
        .iter()
        .map(|r| r.regime.id.as_str().len())
        .max()
        .unwrap_or(0);
    for (row, result) in rows.iter().zip(&comparison.results) {
        let line = format!(
            "  {}  {}  {}  {}  {}",
            pad(result.regime.id.as_str(), regime_width),
            pad(&row.level, level_width),
            pad(&row.code, code_width),
            pad(&row.rule, rule_width),
            row.message,
        );
        writeln!(out, "{}", line.trim_end())?;
        for error in &result.errors {
            writeln!(out, "         {}", printable(&readable_error(error, lang)))?;
        }
        if let Some(grades) = &result.mapped_grades {
            let mapping = comparison
                .grades_from_points
                .map_or("", |mapping| mapping.as_str());
            writeln!(
                out,
                "         {} ({mapping}): {}",
                lang.pick("mức quy đổi từ điểm", "grades mapped from points"),
                grades_text(grades, lang),
            )?;
        }
    }
    let differences: Vec<&TopicComparison> = comparison.differences().collect();
    if differences.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "  {}:",
        lang.pick("Các quy định khác nhau ở", "Where the regimes differ")
    )?;
    for topic in differences {
        write_topic(topic, lang, out)?;
    }
    Ok(())
}

/// One regime's line of a record.
struct LevelRow {
    level: String,
    code: String,
    rule: String,
    message: String,
}

impl LevelRow {
    fn of(result: &RegimeResult, lang: Lang) -> LevelRow {
        let Some(decision) = &result.decision else {
            return LevelRow {
                level: lang.pick("Lỗi", "Error").to_owned(),
                code: NONE.to_owned(),
                rule: NONE.to_owned(),
                message: String::new(),
            };
        };
        let (level, code) = level_name(decision.outcome, decision.level, lang);
        let (rule, message) = match decision.setting_reason() {
            Some(reason) => (reason.rule.clone(), printable(pick(&reason.message, lang))),
            None => (NONE.to_owned(), String::new()),
        };
        LevelRow {
            level: level.to_owned(),
            code: code.to_owned(),
            rule,
            message,
        }
    }
}

/// `general Tốt, task_results Xuất sắc`.
fn grades_text(grades: &GradesInput, lang: Lang) -> String {
    grades
        .criteria
        .iter()
        .map(|(id, grade)| (id.as_str(), *grade))
        .chain([("task_results", grades.task_results)])
        .map(|(id, grade)| format!("{} {}", printable(id), lang.pick(grade.vi(), grade.en())))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A topic on which the regimes differ: each regime's verdict and messages, then how
/// each regime's rules read.
fn write_topic(topic: &TopicComparison, lang: Lang, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "  - {}", pick(&topic.title, lang))?;
    for finding in &topic.findings {
        let level = finding
            .level
            .map_or(String::new(), |level| format!(" {}", level.code()));
        writeln!(
            out,
            "      {}: {}{level}",
            finding.regime.as_str(),
            verdict_name(finding.verdict, lang)
        )?;
        for message in &finding.messages {
            writeln!(out, "        {}", printable(pick(message, lang)))?;
        }
    }
    writeln!(
        out,
        "      {}:",
        lang.pick("Vì sao khác (quy định)", "Why they differ (the rules)")
    )?;
    for rule in &topic.rules {
        writeln!(
            out,
            "        {}: {}",
            rule.regime.as_str(),
            pick(&rule.summary, lang)
        )?;
    }
    Ok(())
}

fn verdict_name(verdict: Verdict, lang: Lang) -> &'static str {
    match verdict {
        Verdict::Decides => lang.pick("quyết định", "decides"),
        Verdict::Blocks => lang.pick("không đạt", "blocks"),
        Verdict::Informs => lang.pick("chỉ để biết", "informs"),
        Verdict::NotReached => lang.pick("không xét đến", "not reached"),
    }
}

/// How many records keep their level, and per pair of regimes how many change.
fn write_summary(
    comparisons: &[Comparison],
    regimes_asked: usize,
    rejected: usize,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    let regime_count = comparisons
        .iter()
        .map(|c| c.results.len())
        .max()
        .unwrap_or(regimes_asked);
    let fully_evaluated = |c: &&Comparison| c.results.iter().all(|r| r.decision.is_some());
    let with_errors = comparisons.iter().filter(|c| !fully_evaluated(c)).count();
    let agree = comparisons
        .iter()
        .filter(fully_evaluated)
        .filter(|c| c.levels_agree)
        .count();
    writeln!(
        out,
        "{}: {}; {agree} {} {}; {with_errors} {}; {rejected} {}",
        lang.pick("Tổng kết", "Summary"),
        count_of(comparisons.len() + rejected, lang),
        lang.pick("cùng mức theo cả", "get the same level under all"),
        count_regimes(regime_count, lang),
        lang.pick(
            "không đánh giá được theo một quy định (có lỗi)",
            "not evaluated under some regime (errors)"
        ),
        lang.pick("bị từ chối", "rejected"),
    )?;
    for (from, to, tally) in pair_tallies(comparisons) {
        writeln!(out, "{}", pair_line(from, to, &tally, lang))?;
    }
    Ok(())
}

/// `qd366 → qd124: 5 records change level: 3 down, 2 up`.
fn pair_line(from: RegimeId, to: RegimeId, tally: &PairTally, lang: Lang) -> String {
    let changed = tally.changed();
    let verb = match (lang, changed) {
        (Lang::En, 1) => "changes level",
        _ => lang.pick("đổi mức", "change level"),
    };
    let mut line = format!(
        "{} → {}: {} {verb}: {} {}, {} {}",
        from.as_str(),
        to.as_str(),
        count_of(changed, lang),
        tally.down,
        lang.pick("giảm", "down"),
        tally.up,
        lang.pick("tăng", "up"),
    );
    if tally.other > 0 {
        line.push_str(&format!(
            ", {} {}",
            tally.other,
            lang.pick(
                "khác (xếp loại theo một quy định, không theo quy định kia)",
                "other (classified under one regime only)"
            )
        ));
    }
    if tally.not_comparable > 0 {
        line.push_str(&format!(
            "; {} {}",
            tally.not_comparable,
            lang.pick("không so được (lỗi)", "not comparable (errors)")
        ));
    }
    line
}

/// `17 hồ sơ` / `17 records` (`1 record`).
fn count_of(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Vi, _) => format!("{count} hồ sơ"),
        (Lang::En, 1) => "1 record".to_owned(),
        (Lang::En, _) => format!("{count} records"),
    }
}

/// `3 quy định` / `3 regimes`.
fn count_regimes(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Vi, _) => format!("{count} quy định"),
        (Lang::En, 1) => "1 regime".to_owned(),
        (Lang::En, _) => format!("{count} regimes"),
    }
}

fn pick(text: &Text, lang: Lang) -> &str {
    lang.pick(&text.vi, &text.en)
}

/// `text` padded with spaces to `width` columns of display width.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// Runs `compare --org`. `Ok(true)` when no regime rejected anything in the tree.
fn run_org(args: &CompareArgs) -> Result<bool, Failure> {
    // The core compares one nested tree; JSON Lines of units would need the streaming
    // evaluator once per regime, which it does not offer for comparisons.
    if args.is_json_lines() {
        return Err(Failure::Input(InputErrors::one(InputError::new(
            ErrorCode::InvalidJson,
            "",
            "compare --org đọc một cây lồng nhau (JSON); chưa đọc được JSON Lines các đơn vị",
            "compare --org reads one nested tree (JSON); JSON Lines of units are not read",
        ))));
    }
    let text = read_all(&args.input, MAX_TREE_BYTES)?;
    let options = args.options().map_err(Failure::Input)?;
    let comparison = compare_org(&text, &options, args.quota_options()).map_err(Failure::Input)?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        OutputFormat::Json => serde_json::to_writer_pretty(&mut out, &comparison)
            .map_err(io::Error::from)
            .and_then(|()| out.write_all(b"\n")),
        OutputFormat::Table => write_org_report(&comparison, args.lang, &mut out),
    }
    .and_then(|()| out.flush())
    .map_err(Failure::Output)?;
    Ok(comparison.regimes.iter().all(|r| r.rejected.is_empty()))
}

/// The tree's report: each regime's totals and rejections, the records whose level
/// differs, how many agree, and the level changes per pair of regimes.
fn write_org_report(
    comparison: &OrgComparison,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{}:",
        lang.pick("Tổng cộng theo từng quy định", "Totals per regime")
    )?;
    for regime in &comparison.regimes {
        write_regime_totals(regime, lang, out)?;
    }
    writeln!(out)?;

    let regimes: Vec<RegimeId> = comparison.regimes.iter().map(|r| r.regime.id).collect();
    let evaluated_by_all = |record: &OrgRecordComparison| {
        comparison
            .regimes
            .iter()
            .all(|regime| !rejected_in(regime, record))
    };
    let differing: Vec<&OrgRecordComparison> = comparison
        .records
        .iter()
        .filter(|r| !r.levels_agree)
        .collect();
    let agreeing = comparison
        .records
        .iter()
        .filter(|r| r.levels_agree && evaluated_by_all(r))
        .count();
    let partly_evaluated = comparison
        .records
        .iter()
        .filter(|r| r.levels_agree && !evaluated_by_all(r))
        .count();
    writeln!(
        out,
        "{} ({}):",
        lang.pick(
            "Hồ sơ có mức khác nhau giữa các quy định",
            "Records whose level differs between the regimes"
        ),
        differing.len()
    )?;
    if !differing.is_empty() {
        write_differing(comparison, &differing, lang, out)?;
    }
    writeln!(
        out,
        "{}: {agreeing}",
        match lang {
            Lang::Vi => format!("Hồ sơ cùng mức theo cả {} quy định", regimes.len()),
            Lang::En => format!(
                "Records with the same level under all {}",
                count_regimes(regimes.len(), lang)
            ),
        }
    )?;
    if partly_evaluated > 0 {
        writeln!(
            out,
            "{}: {partly_evaluated}",
            lang.pick(
                "Các hồ sơ khác, bị từ chối theo một số quy định",
                "Other records, rejected under some regime"
            )
        )?;
    }
    writeln!(out)?;
    for changes in &comparison.changes {
        writeln!(out, "{}", org_pair_line(changes, lang))?;
    }
    Ok(())
}

/// `qd366  67 records: 64 classified (HTXSNV 8, …), 3 not classified, …; 0 rejected`,
/// then each rejection of that regime.
fn write_regime_totals(
    regime: &OrgRegimeResult,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(
        out,
        "  {}  {}",
        regime.regime.id.as_str(),
        totals_text(&regime.total, lang)
    )?;
    for entry in &regime.rejected {
        for error in &entry.errors {
            writeln!(
                out,
                "         {}",
                printable(&rejected_entry_line(entry, error, lang))
            )?;
        }
    }
    Ok(())
}

/// `67 hồ sơ: 65 xếp loại (HTXSNV 6, HTTNV 46, HTNV 8, KHTNV 5), 2 không xếp loại, 5 hạ
/// do tỷ lệ; 0 bị từ chối`.
fn totals_text(stats: &Stats, lang: Lang) -> String {
    let by_level = [
        (Level::Excellent, stats.excellent),
        (Level::Good, stats.good),
        (Level::Completed, stats.completed),
        (Level::NotCompleted, stats.not_completed),
    ]
    .iter()
    .map(|(level, count)| format!("{} {count}", level.code()))
    .collect::<Vec<_>>()
    .join(", ");
    let mut parts = vec![format!(
        "{} {} ({by_level})",
        stats.classified,
        lang.pick("xếp loại", "classified")
    )];
    parts.push(format!(
        "{} {}",
        stats.not_classified,
        lang.pick("không xếp loại", "not classified")
    ));
    if stats.undetermined > 0 {
        parts.push(format!(
            "{} {}",
            stats.undetermined,
            lang.pick("chưa xác định", "undetermined")
        ));
    }
    parts.push(format!(
        "{} {}",
        stats.quota_demoted,
        lang.pick("hạ do tỷ lệ", "demoted by the quota")
    ));
    format!(
        "{}: {}; {} {}",
        count_of(usize::try_from(stats.records).unwrap_or(usize::MAX), lang),
        parts.join(", "),
        stats.rejected,
        lang.pick("bị từ chối", "rejected"),
    )
}

/// `đơn vị chi-bo-1, hồ sơ dv-1: missing_field tại /grades: …`, as `org` lists them.
fn rejected_entry_line(entry: &RejectedEntry, error: &InputError, lang: Lang) -> String {
    let mut place = Vec::new();
    if let Some(line) = entry.line {
        place.push(format!("{} {}", lang.pick("dòng", "line"), line + 1));
    }
    if let Some(unit) = &entry.unit {
        place.push(format!("{} {unit}", lang.pick("đơn vị", "unit")));
    }
    if let Some(id) = &entry.id {
        place.push(format!("{} {id}", lang.pick("hồ sơ", "record")));
    }
    format!("{}: {}", place.join(", "), readable_error(error, lang))
}

/// Whether `regime` rejected `record` (its level there is then not a level).
fn rejected_in(regime: &OrgRegimeResult, record: &OrgRecordComparison) -> bool {
    regime.rejected.iter().any(|entry| {
        entry.id.as_deref() == Some(record.id.as_str())
            && entry.unit.as_deref().is_none_or(|unit| unit == record.unit)
    })
}

/// One aligned line per record whose level differs: unit, id, role, the level code under
/// each regime, and the first topic on which the regimes differ with each one's verdict.
fn write_differing(
    comparison: &OrgComparison,
    records: &[&OrgRecordComparison],
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut rows: Vec<Vec<String>> = vec![[
        lang.pick("đơn vị", "unit"),
        lang.pick("hồ sơ", "record"),
        lang.pick("vai trò", "role"),
    ]
    .iter()
    .map(|&heading| heading.to_owned())
    .chain(
        comparison
            .regimes
            .iter()
            .map(|r| r.regime.id.as_str().to_owned()),
    )
    .chain([lang
        .pick("khác nhau trước hết ở", "first difference")
        .to_owned()])
    .collect()];
    for record in records {
        let levels = comparison
            .regimes
            .iter()
            .zip(&record.levels)
            .map(|(regime, level)| {
                if rejected_in(regime, record) {
                    lang.pick("lỗi", "error").to_owned()
                } else {
                    level.map_or(NONE, |level| level.code()).to_owned()
                }
            });
        let difference = record
            .differences
            .first()
            .map_or_else(|| NONE.to_owned(), |topic| first_difference(topic, lang));
        rows.push(
            [
                printable(&record.unit),
                printable(&record.id),
                role_name(record.role, lang).to_owned(),
            ]
            .into_iter()
            .chain(levels)
            .chain([difference])
            .collect(),
        );
    }
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|column| {
            rows.iter()
                .filter_map(|row| row.get(column))
                .map(|cell| cell.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, &width)| pad(cell, width))
            .collect();
        writeln!(out, "  {}", cells.join("  ").trim_end())?;
    }
    Ok(())
}

/// `Conditions of Excellent: qd366 decides HTXSNV, qd124 blocks HTXSNV, qd132 decides
/// HTXSNV`.
fn first_difference(topic: &TopicComparison, lang: Lang) -> String {
    let verdicts: Vec<String> = topic
        .findings
        .iter()
        .map(|finding| {
            let level = finding
                .level
                .map_or(String::new(), |level| format!(" {}", level.code()));
            format!(
                "{} {}{level}",
                finding.regime.as_str(),
                verdict_name(finding.verdict, lang)
            )
        })
        .collect();
    format!("{}: {}", pick(&topic.title, lang), verdicts.join(", "))
}

fn role_name(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Organisation => lang.pick("tổ chức đảng", "party organisation"),
        Role::Agency => lang.pick("cơ quan, đơn vị", "agency"),
        Role::Leadership => lang.pick("tập thể lãnh đạo", "leadership"),
        Role::StateAgency => lang.pick("cơ quan, đơn vị (Nhà nước)", "state agency"),
        Role::Leader => lang.pick("lãnh đạo", "leader"),
        Role::Member => lang.pick("đảng viên", "member"),
    }
}

/// `qd366 → qd124: 12 of 60 records classified under both change level: 9 down, 3 up`.
fn org_pair_line(changes: &LevelChanges, lang: Lang) -> String {
    let changed = changes.up + changes.down;
    let (from, to) = (changes.from.as_str(), changes.to.as_str());
    match lang {
        Lang::Vi => format!(
            "{from} → {to}: {changed} trong {} hồ sơ được xếp loại theo cả hai đổi mức: {} giảm, {} tăng",
            changes.compared, changes.down, changes.up
        ),
        Lang::En => format!(
            "{from} → {to}: {changed} of {} {} classified under both {}: {} down, {} up",
            changes.compared,
            if changes.compared == 1 { "record" } else { "records" },
            if changed == 1 { "changes level" } else { "change level" },
            changes.down,
            changes.up
        ),
    }
}
