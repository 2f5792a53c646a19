//! Spreadsheets: templates (empty, or filled from records or a tree), sheets of records
//! and an organisation's units evaluated with every problem placed at its cell, and
//! the tables of a results workbook (decisions, reasons, rejected rows, the committee's
//! summary) from any evaluation. A front end reads and writes the files
//! (`docs/excel.md`); what is in them is decided here.

use crate::api::batch::BatchItem;
use crate::api::rows::{
    evaluate_records, ColumnOf, EvaluationSink, Records, RowSource, WorkerStopped,
};
use crate::conduct::shipped::version as conduct_catalogue_version;
use crate::contract::assessment::{Assessment, CONTRACT_VERSION};
use crate::contract::batch::{BatchOptions, RejectedRecord};
use crate::contract::decision::PeriodRecord;
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::org::{OrgOptions, Role, UnitInput};
use crate::contract::quota::GroupQuotaReport;
use crate::contract::regime::RegimeId;
use crate::contract::results::{Provenance, RegimeDocuments, ResultRow, ResultTables};
use crate::contract::sheet::{
    LocatedError, RejectedRow, SheetRole, Template, TemplateRequest, TemplateValue,
};
use crate::contract::state::StateQuotaReport;
use crate::contract::subject::{CollectiveKind, SubjectKind};
use crate::group::org::evaluator::{OrgEvaluator, OrgResult};
use crate::group::org::intake::{decode_unit, UnitRecords};
use crate::group::summary::{committee_summary, Counted, SummaryUnit};
use crate::intake::batch::{batch_records, BatchText};
use crate::intake::columns::template;
pub use crate::intake::columns::{
    column_info, record_columns, regime_reads, row_values, used_columns, ColumnInfo, SheetColumn,
    UnitColumn, DEFAULT_CRITERIA, RECORDS_SHEET, UNITS_SHEET,
};
use crate::intake::decode::decode_assessment;
use crate::intake::flat::{Column, FlatRow};
pub use crate::intake::sheet::{
    column_letter, default_records_sheet, is_units_sheet, records_sheets, MergedRange, SheetTable,
    SheetValue,
};
use crate::intake::sheet::{read_units, SheetRecords};
use crate::intake::validate::assessment::validate;
use crate::regimes::decision::Decision;
use crate::regimes::registry::REGIMES;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// The engine that made a result: the library and its version.
pub const ENGINE: &str = concat!("cadre-eval ", env!("CARGO_PKG_VERSION"));

/// An empty template.
pub fn sheet_template(request: &TemplateRequest) -> Template {
    template(request)
}

/// A template whose records sheet holds `records` (a JSON array of assessments), one
/// per row, with the columns they use besides the template's. With no kinds asked, the
/// kinds of the records; with no criteria named, the criteria they grade.
pub fn template_with_records(
    request: &TemplateRequest,
    records: &str,
) -> Result<Template, InputErrors> {
    let texts = batch_records(records, BatchText::ArrayOrRecord)?;
    let mut assessments = Vec::with_capacity(texts.len());
    let mut errors = Vec::new();
    for (index, text) in texts.iter().enumerate() {
        match decode_assessment(text) {
            Ok(assessment) => assessments.push(assessment),
            Err(e) => errors.extend(prefixed(e.0, &format!("/{index}"))),
        }
    }
    if !errors.is_empty() {
        return Err(InputErrors(errors));
    }
    let rows: Vec<(Assessment, Option<String>)> =
        assessments.into_iter().map(|a| (a, None)).collect();
    filled(request, &rows, None)
}

/// A template for an organisation tree (one nested unit, as `evaluate_tree_json` reads
/// it): its units sheet, and its records sheet with each record's unit.
pub fn template_with_tree(request: &TemplateRequest, tree: &str) -> Result<Template, InputErrors> {
    let root = decode_unit(tree)?;
    let mut units: Vec<Vec<Option<TemplateValue>>> = Vec::new();
    let mut records: Vec<(Assessment, Option<String>)> = Vec::new();
    let mut errors = Vec::new();
    let mut stack: Vec<(UnitInput, Option<String>, String)> = vec![(root, None, String::new())];
    while let Some((unit, parent, path)) = stack.pop() {
        let text = |value: &str| Some(TemplateValue::Text(value.to_owned()));
        let list = |values: &[String]| {
            (!values.is_empty()).then(|| TemplateValue::Text(values.join(", ")))
        };
        units.push(
            UnitColumn::ALL
                .iter()
                .map(|column| match column {
                    UnitColumn::Id => text(&unit.id),
                    UnitColumn::Name => unit.name.as_deref().and_then(text),
                    UnitColumn::Parent => {
                        parent.as_deref().or(unit.parent.as_deref()).and_then(text)
                    }
                    UnitColumn::Grassroots => unit.grassroots.then_some(TemplateValue::Flag(true)),
                    UnitColumn::LedBy => list(&unit.led_by),
                    UnitColumn::LeadershipMembers => list(&unit.leadership_members),
                    UnitColumn::Head => unit.head.as_deref().and_then(text),
                    UnitColumn::Notes => None,
                })
                .collect(),
        );
        let raws = [
            ("organisation", unit.organisation.as_deref()),
            ("agency", unit.agency.as_deref()),
            ("leadership", unit.leadership.as_deref()),
        ]
        .into_iter()
        .filter_map(|(key, raw)| raw.map(|raw| (format!("{path}/{key}"), raw)))
        .chain(
            unit.leaders
                .iter()
                .enumerate()
                .map(|(i, raw)| (format!("{path}/leaders/{i}"), &**raw)),
        )
        .chain(
            unit.members
                .iter()
                .enumerate()
                .map(|(i, raw)| (format!("{path}/members/{i}"), &**raw)),
        )
        .collect::<Vec<_>>();
        for (record_path, raw) in raws {
            match decode_assessment(raw.get()) {
                Ok(assessment) => records.push((assessment, Some(unit.id.clone()))),
                Err(e) => errors.extend(prefixed(e.0, &record_path)),
            }
        }
        for (index, child) in unit.units.into_iter().enumerate().rev() {
            stack.push((
                child,
                Some(unit.id.clone()),
                format!("{path}/units/{index}"),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(InputErrors(errors));
    }
    let mut request = request.clone();
    request.org = true;
    filled(&request, &records, Some(units))
}

fn prefixed(errors: Vec<InputError>, prefix: &str) -> Vec<InputError> {
    errors
        .into_iter()
        .map(|mut error| {
            error.path = format!("{prefix}{}", error.path);
            error
        })
        .collect()
}

/// The template of `request` with `records` (each with its unit) in its records sheet
/// and, for a tree, `units` in its units sheet.
fn filled(
    request: &TemplateRequest,
    records: &[(Assessment, Option<String>)],
    units: Option<Vec<Vec<Option<TemplateValue>>>>,
) -> Result<Template, InputErrors> {
    let mut request = request.clone();
    if request.regime.is_none() {
        request.regime = records
            .iter()
            .find_map(|(a, _)| validate(a).ok().map(|v| v.regime));
    }
    let regime = request.regime.unwrap_or(RegimeId::Qd366);
    if request.kinds.is_empty() {
        request.kinds = [
            SubjectKind::Member,
            SubjectKind::Leader,
            SubjectKind::Collective,
        ]
        .into_iter()
        .filter(|&kind| records.iter().any(|(a, _)| a.subject.kind == kind))
        .collect();
    }
    if request.criteria.is_empty() {
        for (assessment, _) in records {
            for id in assessment.grades.iter().flat_map(|g| g.criteria.keys()) {
                if !request.criteria.contains(id) {
                    request.criteria.push(id.clone());
                }
            }
        }
    }
    let mut also: Vec<Column> = Vec::new();
    for (assessment, _) in records {
        for column in used_columns(assessment) {
            if !also.contains(&column) {
                also.push(column);
            }
        }
    }
    let columns = record_columns(
        &request.kinds,
        regime,
        request.org,
        &request.criteria,
        &also,
    );
    let mut rows = Vec::with_capacity(records.len());
    let mut errors = Vec::new();
    for (index, (assessment, unit)) in records.iter().enumerate() {
        match row_values(assessment, &columns, None, unit.as_deref()) {
            Ok(row) => rows.push(row),
            Err(error) => errors.extend(prefixed(vec![error], &format!("/{index}"))),
        }
    }
    if !errors.is_empty() {
        return Err(InputErrors(errors));
    }
    let mut made = template(&request);
    for sheet in &mut made.sheets {
        match sheet.role {
            SheetRole::Records => {
                sheet.columns = columns.iter().map(|c| c.template_column(regime)).collect();
                sheet.rows = std::mem::take(&mut rows);
            }
            SheetRole::Units => sheet.rows = units.clone().unwrap_or_default(),
        }
    }
    Ok(made)
}

/// A decision's row of the results, placed nowhere yet.
fn result_row(index: usize, decision: &Decision) -> ResultRow {
    ResultRow {
        index,
        sheet: None,
        row: None,
        unit: None,
        name: None,
        kind: decision.subject_kind,
        collective_kind: decision.collective_kind,
        decision: decision.to_record(),
    }
}

/// The records of sheets, read but not evaluated: each row's assessment with its sheet
/// and row, and the rows (and headers) that could not be read.
pub fn sheet_assessments(
    tables: &[SheetTable],
) -> (Vec<(String, u32, Assessment)>, Vec<RejectedRow>) {
    let records = SheetRecords::read(tables);
    let mut read = Vec::with_capacity(records.rows.len());
    let mut rejected = records.header_errors.clone();
    let mut rows_rejected = records.rejected.clone();
    for row in &records.rows {
        let mut flat = FlatRow::new();
        records.fill(row, &mut flat);
        let sheet = records.sheet_name(row).unwrap_or_default().to_owned();
        match flat.to_assessment() {
            Ok(assessment) => read.push((sheet, row.row, assessment)),
            Err(errors) => rows_rejected.push(RejectedRow {
                index: None,
                sheet: Some(sheet),
                row: Some(row.row),
                unit: row.unit.clone(),
                id: flat.id_text().map(str::to_owned),
                errors: errors
                    .0
                    .into_iter()
                    .map(|error| records.locate(row, error, &|path| flat.column_of(path)))
                    .collect(),
            }),
        }
    }
    records.sort_rejected(&mut rows_rejected);
    rejected.extend(rows_rejected);
    (read, rejected)
}

/// A batch read from sheets and evaluated: the decisions (after the quota, when asked)
/// in the order of the rows, and the tables of a results workbook.
#[derive(Debug, Clone)]
pub struct EvaluatedSheets {
    /// Each evaluated row's decision, in the order of `tables.decisions`.
    pub decisions: Vec<Decision>,
    /// The results as a workbook shows them.
    pub tables: ResultTables,
}

/// The rows of sheets, as a batch reads them.
struct SheetSource<'a> {
    records: &'a SheetRecords,
}

impl RowSource for SheetSource<'_> {
    fn rows(&self) -> usize {
        self.records.rows.len()
    }

    fn fill<'s>(&'s self, index: usize, row: &mut FlatRow<'s>) {
        if let Some(read) = self.records.rows.get(index) {
            self.records.fill(read, row);
        }
    }
}

/// How a sink places a rejected record: its row, with every error at its column.
type Placer<'a> = dyn Fn(&RejectedRecord, &ColumnOf<'_>) -> Option<RejectedRow> + Sync + 'a;

/// What the evaluation of one range of records leaves: each decision (after the quota,
/// when asked) and each rejected record, by index.
struct Collected<'a> {
    place: &'a Placer<'a>,
    quota: bool,
    decisions: Vec<(usize, Decision)>,
    rejected: Vec<(usize, RejectedRow)>,
}

impl EvaluationSink for Collected<'_> {
    fn decision(&mut self, index: usize, decision: &Decision) {
        if !self.quota {
            self.decisions.push((index, decision.clone()));
        }
    }

    fn rejected(&mut self, rejected: &RejectedRecord, column_of: &ColumnOf<'_>) {
        if let Some(row) = (self.place)(rejected, column_of) {
            self.rejected.push((rejected.index, row));
        }
    }

    fn final_decision(&mut self, index: usize, decision: &Decision) {
        self.decisions.push((index, decision.clone()));
    }
}

/// A batch evaluated: its decisions by index, its rejected records, and what the quota
/// did.
type Collection = (
    Vec<(usize, Decision)>,
    Vec<RejectedRow>,
    Vec<GroupQuotaReport>,
    Vec<StateQuotaReport>,
);

/// Evaluates `records`, handing back the decisions and the rejected records, each in
/// order, and what the party and state quotas did.
fn collect(
    records: &Records<'_>,
    options: &BatchOptions,
    threads: usize,
    place: &Placer<'_>,
) -> Result<Collection, WorkerStopped> {
    let quota = options.quota.is_some();
    let evaluated = evaluate_records(records, options, threads, quota, &|_: Range<usize>| {
        Collected {
            place,
            quota,
            decisions: Vec::new(),
            rejected: Vec::new(),
        }
    })?;
    let mut decisions = Vec::new();
    let mut rejected = Vec::new();
    for part in evaluated.sinks {
        decisions.extend(part.decisions);
        rejected.extend(part.rejected);
    }
    decisions.sort_by_key(|(index, _)| *index);
    rejected.sort_by_key(|(index, _)| *index);
    Ok((
        decisions,
        rejected.into_iter().map(|(_, row)| row).collect(),
        evaluated.groups,
        evaluated.state_groups,
    ))
}

/// Evaluates the records of a table (the rows a front end reads, a JSON array), with
/// the quota over the batch when asked, into the tables of a results workbook: each
/// record by its position, each error of a row at its column's name.
pub fn record_result_tables(
    records: &Records<'_>,
    options: &BatchOptions,
    threads: usize,
) -> Result<ResultTables, WorkerStopped> {
    let place = |rejected: &RejectedRecord, column_of: &ColumnOf<'_>| {
        let errors = rejected
            .errors
            .iter()
            .map(|error| {
                let mut located = LocatedError::unplaced(error.clone());
                located.header = column_of(&error.path).map(|name| name.into_owned());
                located
            })
            .collect();
        Some(RejectedRow {
            index: Some(rejected.index),
            sheet: None,
            row: None,
            unit: None,
            id: rejected.id.clone(),
            errors,
        })
    };
    let (decisions, rejected, groups, state_groups) = collect(records, options, threads, &place)?;
    let rows = decisions
        .iter()
        .map(|(index, decision)| result_row(*index, decision))
        .collect();
    let decisions: Vec<Decision> = decisions.into_iter().map(|(_, d)| d).collect();
    let count = rejected.len();
    Ok(batch_tables(
        &decisions,
        rows,
        rejected,
        count,
        groups,
        state_groups,
        options.quota.is_some(),
    ))
}

/// Evaluates the records of sheets (the tables a front end read), each range of rows
/// on its own thread (at most `threads`), with the quota over all of them when asked.
pub fn evaluate_sheets(
    tables: &[SheetTable],
    options: &BatchOptions,
    threads: usize,
) -> Result<EvaluatedSheets, WorkerStopped> {
    let records = SheetRecords::read(tables);
    let quota = options.quota.is_some();
    let source = SheetSource { records: &records };
    let place = |rejected: &RejectedRecord, column_of: &ColumnOf<'_>| {
        let row = records.rows.get(rejected.index)?;
        let errors = rejected
            .errors
            .iter()
            .map(|error| records.locate(row, error.clone(), column_of))
            .collect();
        Some(RejectedRow {
            index: None,
            sheet: records.sheet_name(row).map(str::to_owned),
            row: Some(row.row),
            unit: row.unit.clone(),
            id: rejected.id.clone(),
            errors,
        })
    };
    let (decisions, late_rejected, groups, state_groups) =
        collect(&Records::Rows(&source), options, threads, &place)?;
    // The sheets' header problems first, then the rows in the sheets' order.
    let mut rows_rejected = records.rejected.clone();
    rows_rejected.extend(late_rejected);
    records.sort_rejected(&mut rows_rejected);
    let rejected_records = rows_rejected.len();
    let mut rejected = records.header_errors.clone();
    rejected.extend(rows_rejected);
    let rows: Vec<ResultRow> = decisions
        .iter()
        .map(|(index, decision)| {
            let read = records.rows.get(*index);
            ResultRow {
                sheet: read.and_then(|r| records.sheet_name(r)).map(str::to_owned),
                row: read.map(|r| r.row),
                unit: read.and_then(|r| r.unit.clone()),
                name: read.and_then(|r| r.name.clone()),
                ..result_row(*index, decision)
            }
        })
        .collect();
    let decisions: Vec<Decision> = decisions.into_iter().map(|(_, d)| d).collect();
    let tables = batch_tables(
        &decisions,
        rows,
        rejected,
        rejected_records,
        groups,
        state_groups,
        quota,
    );
    Ok(EvaluatedSheets { decisions, tables })
}

/// The tables of a batch's results: its decisions (rendered in `rows`), what was
/// rejected (`records` of them records, the rest a sheet's header problems), and what
/// the party and state quotas did.
fn batch_tables(
    decisions: &[Decision],
    rows: Vec<ResultRow>,
    rejected: Vec<RejectedRow>,
    records: usize,
    groups: Vec<GroupQuotaReport>,
    state_groups: Vec<StateQuotaReport>,
    quota: bool,
) -> ResultTables {
    let summary = committee_summary(
        None,
        &[],
        decisions.iter().zip(&rows).map(|(decision, row)| Counted {
            unit: None,
            name: row.name.as_deref(),
            decision,
        }),
        (0..records).map(|_| None),
    );
    ResultTables {
        provenance: provenance(decisions, quota),
        decisions: rows,
        rejected,
        summary,
        quota_groups: groups,
        state_groups,
    }
}

/// The tables of a batch evaluated from JSON (`evaluate_batch_json`): each record's
/// result by its position, with the party quota's groups and the state quota's
/// (`Batch::groups`, `Batch::state_groups`).
pub fn batch_result_tables(
    items: &[BatchItem],
    groups: Vec<GroupQuotaReport>,
    state_groups: Vec<StateQuotaReport>,
    quota: bool,
) -> ResultTables {
    let mut decisions = Vec::new();
    let mut rows = Vec::new();
    let mut rejected = Vec::new();
    for (index, item) in items.iter().enumerate() {
        match item {
            BatchItem::Decision(decision) => {
                rows.push(result_row(index, decision));
                decisions.push((**decision).clone());
            }
            BatchItem::Rejected(record) => rejected.push(RejectedRow {
                index: Some(record.index),
                sheet: None,
                row: None,
                unit: None,
                id: record.id.clone(),
                errors: record
                    .errors
                    .iter()
                    .cloned()
                    .map(LocatedError::unplaced)
                    .collect(),
            }),
        }
    }
    let records = rejected.len();
    batch_tables(
        &decisions,
        rows,
        rejected,
        records,
        groups,
        state_groups,
        quota,
    )
}

/// Which engine, regimes, periods and days made these decisions.
fn provenance(decisions: &[Decision], quota: bool) -> Provenance {
    let used: BTreeSet<RegimeId> = decisions.iter().map(|d| d.regime).collect();
    let regimes = REGIMES
        .iter()
        .rev()
        .filter(|info| used.contains(&info.id))
        .map(|info| RegimeDocuments {
            regime: info.id,
            documents: format!("{}; {}", info.document, info.guideline),
        })
        .collect();
    let periods: BTreeSet<(String, String)> = decisions
        .iter()
        .map(|d| (d.period.from.to_string(), d.period.to.to_string()))
        .collect();
    let days: BTreeSet<String> = decisions.iter().map(|d| d.as_of.to_string()).collect();
    Provenance {
        engine: ENGINE.to_owned(),
        contract: CONTRACT_VERSION,
        regimes,
        conduct_catalogue: conduct_catalogue_version().ok().map(str::to_owned),
        periods: periods
            .into_iter()
            .map(|(from, to)| PeriodRecord { from, to })
            .collect(),
        evaluation_days: days.into_iter().collect(),
        quota,
    }
}

/// An organisation read from sheets and evaluated: the result as for a JSON tree, and
/// the tables of a results workbook (each decision with its row; problems at their
/// cells).
#[derive(Debug, Clone)]
pub struct EvaluatedOrg {
    /// The result, as `evaluate_tree_json` gives it (its rejections are those the tree
    /// found; those of unreadable rows come first).
    pub result: OrgResult,
    /// The results as a workbook shows them.
    pub tables: ResultTables,
}

/// Where a record of a tree was read: its sheet, row and name.
struct RowOrigin {
    sheet: Option<String>,
    row: u32,
    name: Option<String>,
}

/// The place of a record in its unit, from what it is.
fn role_of(assessment: &Assessment) -> Option<Role> {
    match (assessment.subject.kind, assessment.subject.collective_kind) {
        (SubjectKind::Member, _) => Some(Role::Member),
        (SubjectKind::Leader, _) => Some(Role::Leader),
        (
            SubjectKind::Collective,
            Some(CollectiveKind::PartyOrganisation | CollectiveKind::PartyCommittee),
        ) => Some(Role::Organisation),
        (SubjectKind::Collective, Some(CollectiveKind::Agency)) => Some(Role::Agency),
        (SubjectKind::Collective, Some(CollectiveKind::Leadership)) => Some(Role::Leadership),
        (SubjectKind::Collective, None) => None,
    }
}

/// Why a record of a tree's sheets cannot be placed in its unit: the problem, and the
/// column at fault.
fn place_problem(
    unit: Option<&str>,
    known: bool,
    role: Option<Role>,
) -> Option<(InputError, &'static str)> {
    match (unit, known, role) {
        (None, _, _) => Some((
            InputError::new(
                ErrorCode::MissingField,
                "",
                "Thiếu đơn vị của hồ sơ (cột Đơn vị)",
                "the record's unit is missing (the unit column)",
            ),
            "unit",
        )),
        (Some(unit), false, _) => Some((
            InputError::new(
                ErrorCode::InvalidValue,
                "",
                format!("Không có đơn vị `{unit}` trong trang Đơn vị"),
                format!("there is no unit `{unit}` on the units sheet"),
            ),
            "unit",
        )),
        (Some(_), true, None) => Some((
            InputError::new(
                ErrorCode::MissingField,
                "/subject/collective_kind",
                "Tập thể trong cây tổ chức cần loại tập thể để biết vị trí trong đơn vị",
                "a collective in a tree needs its collective kind to find its place in the unit",
            ),
            "subject_collective_kind",
        )),
        _ => None,
    }
}

/// A unit's second record for a place that holds one.
fn place_taken(role: Role) -> InputError {
    InputError::new(
        ErrorCode::Conflict,
        "/subject",
        format!("Đơn vị đã có một hồ sơ ở vị trí `{}`", role.key()),
        format!(
            "the unit already has a record in its `{}` place",
            role.key()
        ),
    )
}

/// A located error as the tree's report keeps it (no place but its path).
fn unlocated(error: &LocatedError) -> InputError {
    InputError::new(
        error.code,
        error.path.clone(),
        error.message.vi.clone(),
        error.message.en.clone(),
    )
}

/// Evaluates an organisation from its units sheet and its records sheets (each record's
/// unit in the unit column; its place in the unit from its kind and collective kind).
pub fn evaluate_org_sheets(
    units: &SheetTable,
    tables: &[SheetTable],
    options: OrgOptions,
) -> EvaluatedOrg {
    let unit_sheet = read_units(units);
    let records = SheetRecords::read(tables);
    let quota = options.quota.is_some();
    let mut evaluator = OrgEvaluator::new(options);
    let mut shown: Vec<RejectedRow> = unit_sheet.header_errors.clone();
    shown.extend(records.header_errors.iter().cloned());
    // Rows that cannot be read are the tree's rejections too (they count in its figures
    // as its own do): a unit's row as the unit's problem, a record's in its unit.
    let mut early: Vec<RejectedRow> = unit_sheet.rejected.clone();
    early.extend(records.rejected.iter().cloned());
    let mut built: Vec<UnitRecords> = unit_sheet
        .units
        .iter()
        .map(|unit| UnitRecords {
            id: unit.id.clone(),
            name: unit.name.clone(),
            parent: unit.parent.clone(),
            leadership_members: unit.leadership_members.clone(),
            led_by: unit.led_by.clone(),
            head: unit.head.clone(),
            grassroots: unit.grassroots,
            ..UnitRecords::default()
        })
        .collect();
    let unit_at: HashMap<String, usize> = built
        .iter()
        .enumerate()
        .rev()
        .map(|(position, unit)| (unit.id.clone(), position))
        .collect();
    // Where each placed record was read (an index into `records.rows`): by its place,
    // for the tree's problems; by its id, for its decision.
    let mut at_place: HashMap<(String, Role, Option<usize>), usize> = HashMap::new();
    let mut at_id: HashMap<String, usize> = HashMap::new();
    for (index, row) in records.rows.iter().enumerate() {
        let mut flat = FlatRow::new();
        records.fill(row, &mut flat);
        let column_of = |path: &str| flat.column_of(path);
        let reject = |errors: Vec<LocatedError>, id: Option<String>| RejectedRow {
            index: None,
            sheet: records.sheet_name(row).map(str::to_owned),
            row: Some(row.row),
            unit: row.unit.clone(),
            id,
            errors,
        };
        let assessment = match flat.to_assessment() {
            Ok(assessment) => assessment,
            Err(errors) => {
                let located = errors
                    .0
                    .into_iter()
                    .map(|e| records.locate(row, e, &column_of))
                    .collect();
                early.push(reject(located, flat.id_text().map(str::to_owned)));
                continue;
            }
        };
        let position = row
            .unit
            .as_deref()
            .and_then(|unit| unit_at.get(unit).copied());
        let role = role_of(&assessment);
        if let Some((error, key)) = place_problem(row.unit.as_deref(), position.is_some(), role) {
            let located = records.locate(row, error, &|_| Some(key.into()));
            early.push(reject(vec![located], Some(assessment.id.clone())));
            continue;
        }
        let (Some(position), Some(role)) = (position, role) else {
            continue;
        };
        let Some(unit) = built.get_mut(position) else {
            continue;
        };
        let slot = match role {
            Role::Organisation => Some(&mut unit.organisation),
            Role::Agency => Some(&mut unit.agency),
            Role::Leadership => Some(&mut unit.leadership),
            Role::StateAgency => Some(&mut unit.state_agency),
            Role::Leader | Role::Member => None,
        };
        let place = match (slot, role) {
            (Some(slot), _) if slot.is_some() => {
                let located =
                    records.locate(row, place_taken(role), &|_| Some("subject_kind".into()));
                early.push(reject(vec![located], Some(assessment.id.clone())));
                continue;
            }
            (Some(slot), _) => {
                at_id.entry(assessment.id.clone()).or_insert(index);
                *slot = Some(assessment);
                None
            }
            (None, Role::Leader) => {
                at_id.entry(assessment.id.clone()).or_insert(index);
                unit.leaders.push(assessment);
                Some(unit.leaders.len() - 1)
            }
            (None, _) => {
                at_id.entry(assessment.id.clone()).or_insert(index);
                unit.members.push(assessment);
                Some(unit.members.len() - 1)
            }
        };
        at_place.insert((unit.id.clone(), role, place), index);
    }
    let early_count = early.len();
    for row in &early {
        let errors = row.errors.iter().map(unlocated).collect();
        let id = row
            .id
            .as_deref()
            .filter(|_| row.unit.is_some() || row.id.is_some());
        evaluator.reject_record(row.unit.as_deref(), id, errors);
    }
    for unit in built {
        evaluator.add_unit_records(unit, None);
    }
    let result = evaluator.finish();
    shown.extend(early);
    // The tree's own rejections, each error placed at its row and column.
    for entry in result.report.rejected.iter().skip(early_count) {
        let mut row_of_entry = None;
        let errors = entry
            .errors
            .iter()
            .map(|error| {
                let (place, rest) = split_record_path(&error.path);
                let mut relative = error.clone();
                relative.path = rest.to_owned();
                let read = place
                    .zip(entry.unit.clone())
                    .and_then(|((role, position), unit)| at_place.get(&(unit, role, position)))
                    .and_then(|&index| records.rows.get(index));
                match read {
                    Some(read) => {
                        row_of_entry = Some(read.row);
                        let mut flat = FlatRow::new();
                        records.fill(read, &mut flat);
                        records.locate(read, relative, &|path| flat.column_of(path))
                    }
                    None => {
                        let unit_row = entry
                            .unit
                            .as_deref()
                            .and_then(|unit| unit_sheet.units.iter().find(|u| u.id == unit));
                        match unit_row {
                            Some(unit_row) if place.is_none() => {
                                row_of_entry = row_of_entry.or(Some(unit_row.row));
                                unit_sheet.locate(unit_row.row, error.clone())
                            }
                            _ => LocatedError::unplaced(error.clone()),
                        }
                    }
                }
            })
            .collect();
        shown.push(RejectedRow {
            index: None,
            sheet: None,
            row: row_of_entry,
            unit: entry.unit.clone(),
            id: entry.id.clone(),
            errors,
        });
    }
    let origin = |id: &str| {
        at_id
            .get(id)
            .and_then(|&index| records.rows.get(index))
            .map(|read| RowOrigin {
                sheet: records.sheet_name(read).map(str::to_owned),
                row: read.row,
                name: read.name.clone(),
            })
    };
    let tables = org_tables(&result, &origin, shown, quota);
    EvaluatedOrg { result, tables }
}

/// A path of a tree's unit split into the record's place (`/members/3` → member 3) and
/// the path within the record; no place for the unit's own fields.
fn split_record_path(path: &str) -> (Option<(Role, Option<usize>)>, &str) {
    // The tail of `path` that is `/` and `within`.
    let tail = |within: &str| path.get(path.len() - within.len() - 1..).unwrap_or("");
    let Some(rest) = path.strip_prefix('/') else {
        return (None, path);
    };
    let (key, after) = rest.split_once('/').unwrap_or((rest, ""));
    let roles = [
        Role::Organisation,
        Role::Agency,
        Role::Leadership,
        Role::Leader,
        Role::Member,
    ];
    let Some(role) = roles.into_iter().find(|role| role.key() == key) else {
        return (None, path);
    };
    match role {
        Role::Leader | Role::Member => {
            let (index, within) = match after.split_once('/') {
                Some((index, within)) => (index, tail(within)),
                None => (after, ""),
            };
            match index.parse::<usize>() {
                Ok(position) => (Some((role, Some(position))), within),
                Err(_) => (None, path),
            }
        }
        _ if after.is_empty() => (Some((role, None)), ""),
        _ => (Some((role, None)), tail(after)),
    }
}

/// The tables of an organisation's result; `origin` gives where a record was read.
fn org_tables(
    result: &OrgResult,
    origin: &dyn Fn(&str) -> Option<RowOrigin>,
    rejected: Vec<RejectedRow>,
    quota: bool,
) -> ResultTables {
    let report = &result.report;
    let position_of: HashMap<&str, usize> = report
        .units
        .iter()
        .enumerate()
        .map(|(position, unit)| (unit.id.as_str(), position))
        .collect();
    let units: Vec<SummaryUnit> = report
        .units
        .iter()
        .map(|unit| SummaryUnit {
            id: unit.id.clone(),
            name: unit.name.clone(),
            parent: unit
                .parent
                .as_deref()
                .and_then(|p| position_of.get(p).copied()),
            depth: unit.depth,
        })
        .collect();
    let origins: Vec<Option<RowOrigin>> = result
        .records
        .iter()
        .map(|r| origin(&r.decision.id))
        .collect();
    let title = match report
        .units
        .iter()
        .filter(|u| u.depth == 0)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [root] => Some(root.name.clone().unwrap_or_else(|| root.id.clone())),
        _ => None,
    };
    let summary = committee_summary(
        title,
        &units,
        result
            .records
            .iter()
            .zip(&origins)
            .map(|(record, origin)| Counted {
                unit: position_of.get(record.unit.as_str()).copied(),
                name: origin.as_ref().and_then(|o| o.name.as_deref()),
                decision: &record.decision,
            }),
        report
            .rejected
            .iter()
            .filter(|entry| entry.id.is_some() || entry.unit.is_none())
            .map(|entry| {
                entry
                    .unit
                    .as_deref()
                    .and_then(|u| position_of.get(u).copied())
            }),
    );
    let decisions: Vec<Decision> = result.records.iter().map(|r| r.decision.clone()).collect();
    let rows = result
        .records
        .iter()
        .zip(origins)
        .enumerate()
        .map(|(index, (record, origin))| ResultRow {
            sheet: origin.as_ref().and_then(|o| o.sheet.clone()),
            row: origin.as_ref().map(|o| o.row),
            unit: Some(record.unit.clone()),
            name: origin.and_then(|o| o.name),
            ..result_row(index, &record.decision)
        })
        .collect();
    ResultTables {
        provenance: provenance(&decisions, quota),
        decisions: rows,
        rejected,
        summary,
        quota_groups: report.groups.iter().map(|g| g.quota.clone()).collect(),
        state_groups: report
            .state_groups
            .iter()
            .map(|g| g.quota.clone())
            .collect(),
    }
}

/// The tables of an organisation evaluated from JSON (`evaluate_tree_json`, JSON Lines
/// of units): its decisions kept, its rejections with their paths.
pub fn org_result_tables(result: &OrgResult, quota: bool) -> ResultTables {
    let rejected = result
        .report
        .rejected
        .iter()
        .map(|entry| RejectedRow {
            index: entry.line,
            sheet: None,
            row: None,
            unit: entry.unit.clone(),
            id: entry.id.clone(),
            errors: entry
                .errors
                .iter()
                .cloned()
                .map(LocatedError::unplaced)
                .collect(),
        })
        .collect();
    org_tables(result, &|_| None, rejected, quota)
}
