//! `cadre-eval org`: evaluate an organisation tree and print a per-unit report.

use crate::args::{Lang, OrgArgs, OutputFormat};
use crate::lines::{read_all, unreadable, BoundedLines};
use crate::sheets::{self, is_spreadsheet};
use crate::table::DecisionTable;
use crate::Failure;
use cadre_eval::QuotaScope;
use cadre_eval::{
    evaluate_org_sheets, evaluate_tree_json, is_units_sheet, org_result_tables, InputError, Level,
    OrgEvaluator, OrgOptions, OrgRecord, OrgResult, ScoreMean, Share, StateUnitReport, Stats,
    UnitReport, MAX_TREE_BYTES, MAX_UNIT_LINE_BYTES, UNITS_SHEET,
};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

/// Runs `org`. `Ok(true)` when nothing was rejected.
pub fn run(args: &OrgArgs) -> Result<bool, Failure> {
    args.state.check().map_err(Failure::Usage)?;
    let options = args.options();
    let quota = options.quota.is_some();
    let (result, tables) = if is_spreadsheet(&args.input) {
        let tables = sheets::read_sheets(&args.input)?;
        let Some(units) = tables.iter().find(|t| is_units_sheet(&t.name)).cloned() else {
            return Err(Failure::Usage(format!(
                "{}: no units sheet (`{}` or `{}`); see docs/excel.md",
                args.input.display(),
                UNITS_SHEET.0,
                UNITS_SHEET.1
            )));
        };
        let records = sheets::records(tables, &args.sheet)?;
        let evaluated = evaluate_org_sheets(&units, &records, options);
        (evaluated.result, Some(evaluated.tables))
    } else {
        (json_tree(args, options)?, None)
    };
    let tables = match (&args.output, tables) {
        (Some(_), Some(tables)) => Some(tables),
        (Some(_), None) => Some(org_result_tables(&result, quota)),
        (None, tables) => tables,
    };
    if let Some(tables) = &tables {
        if is_spreadsheet(&args.input) {
            sheets::report_rejected(&tables.rejected, args.format, args.lang);
        }
    }
    if let (Some(path), Some(tables)) = (&args.output, &tables) {
        sheets::write_output(tables, path)?;
        return Ok(result.report.rejected.is_empty() && tables.rejected.is_empty());
    }
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        OutputFormat::Json => write_json(&result, &mut out),
        OutputFormat::Table => write_report(&result, args.lang, &mut out),
    }
    .and_then(|()| out.flush())
    .map_err(Failure::Output)?;
    let sheet_rejected = tables.as_ref().is_some_and(|t| !t.rejected.is_empty());
    Ok(result.report.rejected.is_empty() && !sheet_rejected)
}

/// A tree read from JSON (nested) or JSON Lines of units, evaluated.
fn json_tree(args: &OrgArgs, options: OrgOptions) -> Result<OrgResult, Failure> {
    Ok(if args.is_json_lines() {
        let mut evaluator = OrgEvaluator::new(options);
        if args.input.as_os_str() == "-" {
            read_lines(io::stdin().lock(), &mut evaluator, args)?;
        } else {
            let file = File::open(&args.input).map_err(|error| unreadable(&args.input, error))?;
            read_lines(
                BufReader::with_capacity(1 << 20, file),
                &mut evaluator,
                args,
            )?;
        }
        evaluator.finish()
    } else {
        evaluate_tree_json(&read_all(&args.input, MAX_TREE_BYTES)?, options)
            .map_err(Failure::Input)?
    })
}

fn read_lines(
    reader: impl BufRead,
    evaluator: &mut OrgEvaluator,
    args: &OrgArgs,
) -> Result<(), Failure> {
    let mut lines = BoundedLines::new(reader, MAX_UNIT_LINE_BYTES);
    let mut index = 0;
    while let Some(line) = lines
        .next_line()
        .map_err(|error| unreadable(&args.input, error))?
    {
        evaluator.add_line(index, line.as_core());
        index += 1;
    }
    Ok(())
}

fn write_json(result: &OrgResult, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &result.output())?;
    out.write_all(b"\n")
}

fn level_name(level: Option<Level>, lang: Lang) -> String {
    level.map_or_else(
        || lang.pick("chưa xếp loại", "not rated").to_owned(),
        |l| lang.pick(l.vi(), l.en()).to_owned(),
    )
}

/// `HTXSNV 1 (12,5%) · HTTNV 5 (62,5%) · …`
fn stats_line(stats: &Stats, lang: Lang) -> String {
    let share = |s: &Share| match lang {
        Lang::Vi => s.percent.replace('.', ","),
        Lang::En => s.percent.clone(),
    };
    let sh = &stats.shares;
    let by_level = [
        (Level::Excellent, stats.excellent, &sh.excellent),
        (Level::Good, stats.good, &sh.good),
        (Level::Completed, stats.completed, &sh.completed),
        (Level::NotCompleted, stats.not_completed, &sh.not_completed),
    ];
    let mut parts: Vec<String> = by_level
        .iter()
        .map(|(level, count, part)| {
            format!(
                "{} {count} ({})",
                lang.pick(level.code(), level.en()),
                share(part)
            )
        })
        .collect();
    parts.push(format!(
        "{} {}",
        lang.pick("tốt trở lên", "Good or better"),
        share(&sh.good_or_better)
    ));
    if stats.not_classified > 0 {
        let by: Vec<String> = stats
            .not_classified_by
            .iter()
            .map(|(rule, n)| format!("{rule}: {n}"))
            .collect();
        parts.push(format!(
            "{} {} ({})",
            lang.pick("không xếp loại", "not classified"),
            stats.not_classified,
            by.join(", ")
        ));
    }
    if stats.undetermined > 0 {
        parts.push(format!(
            "{} {}",
            lang.pick("chưa xác định", "undetermined"),
            stats.undetermined
        ));
    }
    parts.push(format!(
        "{} {}",
        lang.pick("cần quyết định", "needs decision"),
        stats.needs_decision
    ));
    parts.push(format!(
        "{} {}",
        lang.pick("hạ do tỷ lệ", "demoted by the quota"),
        stats.quota_demoted
    ));
    if stats.rejected > 0 {
        parts.push(format!(
            "{} {}",
            lang.pick("bị từ chối", "rejected"),
            stats.rejected
        ));
    }
    format!(
        "{} {}: {}",
        stats.records,
        lang.pick("hồ sơ", "records"),
        parts.join(" · ")
    )
}

/// `; điểm bình quân 85,15` — the mean annual score of state records, when any has one.
fn mean_part(mean: Option<&ScoreMean>, lang: Lang) -> String {
    mean.map_or_else(String::new, |m| {
        let display = match lang {
            Lang::Vi => m.display.replace('.', ","),
            Lang::En => m.display.clone(),
        };
        format!(
            " · {} {display} ({} {})",
            lang.pick("điểm năm bình quân", "mean annual score"),
            m.scored,
            lang.pick("hồ sơ có điểm", "scored")
        )
    })
}

fn write_unit(
    unit: &UnitReport,
    state: Option<&StateUnitReport>,
    records: &[&OrgRecord],
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    let indent = "  ".repeat(unit.depth as usize);
    let name = unit.name.as_deref().unwrap_or(&unit.id);
    writeln!(
        out,
        "{indent}■ {name} ({}) — {}: {}",
        unit.id,
        lang.pick("xếp loại đơn vị", "unit rating"),
        level_name(unit.rating, lang)
    )?;
    // A unit with state records only shows no empty party line.
    if state.is_none() || unit.subtree.records > 0 {
        let party = if state.is_some() {
            lang.pick("Đảng — ", "Party — ")
        } else {
            ""
        };
        writeln!(
            out,
            "{indent}  {party}{}: {}",
            lang.pick("Của đơn vị", "Own"),
            stats_line(&unit.own, lang)
        )?;
        if unit.subtree != unit.own {
            writeln!(
                out,
                "{indent}  {party}{}: {}",
                lang.pick("Cả đơn vị và cấp dưới", "With units below"),
                stats_line(&unit.subtree, lang)
            )?;
        }
    }
    if let Some(state) = state {
        let party = lang.pick("Nhà nước — ", "State — ");
        writeln!(
            out,
            "{indent}  {party}{} ({} {}, {}): {}{}",
            lang.pick("Của đơn vị", "Own"),
            lang.pick("cơ quan", "agency"),
            state.agency,
            level_name(state.rating, lang),
            stats_line(&state.own, lang),
            mean_part(state.own_mean.as_ref(), lang)
        )?;
        if state.subtree != state.own {
            writeln!(
                out,
                "{indent}  {party}{}: {}{}",
                lang.pick("Cả đơn vị và cấp dưới", "With units below"),
                stats_line(&state.subtree, lang),
                mean_part(state.subtree_mean.as_ref(), lang)
            )?;
        }
    }
    for d in &unit.demotions {
        let tie = if d.tied_at_cut {
            lang.pick(
                ", đồng hạng tại ngưỡng: cần quyết định",
                ", tied at the cut: needs decision",
            )
        } else {
            ""
        };
        writeln!(
            out,
            "{indent}  {} {}: {} {}, {} {}, {} {}{tie}",
            lang.pick(
                "↓ Hạ xuống Hoàn thành tốt do tỷ lệ:",
                "↓ Moved to Good by the quota:"
            ),
            d.id,
            lang.pick("nhóm", "group"),
            d.group,
            lang.pick("tối đa", "e_max"),
            d.e_max,
            lang.pick("xếp thứ", "rank"),
            d.rank
        )?;
    }
    if !records.is_empty() {
        let mut table = DecisionTable::new(lang);
        for record in records {
            table.push(&record.decision);
        }
        let mut text = Vec::new();
        table.write_rows(&mut text)?;
        for line in String::from_utf8_lossy(&text).lines() {
            writeln!(out, "{indent}  {line}")?;
        }
    }
    writeln!(out)
}

fn write_report(result: &OrgResult, lang: Lang, out: &mut impl Write) -> io::Result<()> {
    let report = &result.report;
    for unit in &report.units {
        let records: Vec<&OrgRecord> = result
            .records
            .iter()
            .filter(|r| r.unit == unit.id)
            .collect();
        let state = report.state_units.iter().find(|s| s.id == unit.id);
        write_unit(unit, state, &records, lang, out)?;
    }
    if !report.state_groups.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Nhà nước — tỷ lệ Hoàn thành xuất sắc theo nhóm và theo cơ quan:",
                "State — the Excellent quota by group and by agency:"
            )
        )?;
        for group in &report.state_groups {
            let q = &group.quota;
            let scope = match q.scope {
                QuotaScope::Group => lang.pick("nhóm", "group"),
                QuotaScope::Agency => lang.pick("cơ quan", "agency"),
            };
            writeln!(
                out,
                "  {scope} {} ({}, {}): {} {}, {} {}, {} {} → {} {}, {} {}{}",
                q.name,
                q.regime.as_str(),
                q.rule,
                lang.pick("đề nghị HTXSNV", "Excellent candidates"),
                q.candidates,
                lang.pick("HTTNV", "Good"),
                q.good,
                lang.pick("tỷ lệ", "ratio"),
                q.ratio.as_deref().unwrap_or("—"),
                lang.pick("tối đa", "e_max"),
                q.e_max,
                lang.pick("hạ", "demoted"),
                q.demoted,
                mean_part(group.mean.as_ref(), lang)
            )?;
        }
        writeln!(out)?;
    }
    if !report.groups.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Tỷ lệ Hoàn thành xuất sắc theo nhóm (qd366.11.1.quota):",
                "Excellent quota by group (qd366.11.1.quota):"
            )
        )?;
        for group in &report.groups {
            let q = &group.quota;
            if q.candidates == 0 {
                continue;
            }
            writeln!(
                out,
                "  {}: {} {}, {} {}, {} {}% → {} {}, {} {}{}",
                q.group,
                lang.pick("đề nghị HTXSNV", "Excellent candidates"),
                q.candidates,
                lang.pick("HTTNV", "Good"),
                q.good,
                lang.pick("tỷ lệ", "ratio"),
                q.ratio_percent,
                lang.pick("tối đa", "e_max"),
                q.e_max,
                lang.pick("hạ", "demoted"),
                q.demoted,
                if q.tied_at_cut > 0 {
                    format!(
                        ", {} {}",
                        lang.pick("đồng hạng tại ngưỡng", "tied at the cut"),
                        q.tied_at_cut
                    )
                } else {
                    String::new()
                }
            )?;
        }
        writeln!(out)?;
    }
    // The state figures of each root are its subtree's (the report has no state total
    // across roots); a tree of state records only shows no empty party total.
    for root in report.state_units.iter().filter(|u| u.depth == 0) {
        writeln!(
            out,
            "{} ({}): {}{}",
            lang.pick("Tổng cộng — Nhà nước", "Total — State"),
            root.id,
            stats_line(&root.subtree, lang),
            mean_part(root.subtree_mean.as_ref(), lang)
        )?;
    }
    if report.state_units.is_empty() || report.total.records > 0 {
        writeln!(
            out,
            "{}: {}",
            if report.state_units.is_empty() {
                lang.pick("Tổng cộng", "Total")
            } else {
                lang.pick("Tổng cộng — Đảng", "Total — Party")
            },
            stats_line(&report.total, lang)
        )?;
    }
    if !report.rejected.is_empty() {
        writeln!(
            out,
            "\n{}",
            lang.pick("Bị từ chối (không đánh giá):", "Rejected (not evaluated):")
        )?;
        for entry in &report.rejected {
            for error in &entry.errors {
                writeln!(
                    out,
                    "  {}",
                    rejected_line(
                        entry.line,
                        entry.unit.as_deref(),
                        entry.id.as_deref(),
                        error,
                        lang
                    )
                )?;
            }
        }
    }
    Ok(())
}

fn rejected_line(
    line: Option<usize>,
    unit: Option<&str>,
    id: Option<&str>,
    error: &InputError,
    lang: Lang,
) -> String {
    let mut place = Vec::new();
    if let Some(line) = line {
        place.push(format!("{} {}", lang.pick("dòng", "line"), line + 1));
    }
    if let Some(unit) = unit {
        place.push(format!("{} {unit}", lang.pick("đơn vị", "unit")));
    }
    if let Some(id) = id {
        place.push(format!("{} {id}", lang.pick("hồ sơ", "record")));
    }
    let path = if error.path.is_empty() {
        "/"
    } else {
        error.path.as_str()
    };
    format!(
        "{}: {} {} {path}: {}",
        place.join(", "),
        error.code,
        lang.pick("tại", "at"),
        lang.pick(&error.message.vi, &error.message.en)
    )
}
