//! The state workbook template (ND 335, ND 233): written, read back, its two sheets
//! headed in Vietnamese with notes citing each column's articles; an empty template
//! evaluates to nothing and no error; the 2026 examples written into it evaluate to
//! exactly the decisions of their JSON; a number a float cannot hold comes back exactly.

#![cfg(test)]

use cadre_eval::{
    batch_result_tables, evaluate_batch_json, evaluate_long_sheets, record_result_tables,
    BatchItem, BatchOptions, Level, Options, Outcome, QuotaOptions, Records, RegimeId, SheetTable,
    SheetValue, PERIODS_SHEET, PERIOD_COLUMNS, PRODUCTS_SHEET, PRODUCT_COLUMNS,
};
use cadre_eval_sheets::{read_file, write_results, write_state_records, write_state_template};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A scratch folder of this test, removed with it.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "cadre-eval-state-template-{}-{name}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn sheet<'s>(sheets: &'s [SheetTable], name: &str) -> &'s SheetTable {
    sheets.iter().find(|s| s.name == name).unwrap()
}

fn texts(row: &[SheetValue]) -> Vec<String> {
    row.iter()
        .map(|v| match v {
            SheetValue::Text(t) => t.clone(),
            other => panic!("header {other:?}"),
        })
        .collect()
}

/// The notes of a sheet's xlsx part (`xl/comments1.xml` is the periods sheet's).
fn notes(path: &Path, part: &str) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(part).unwrap(), &mut text).unwrap();
    text
}

#[test]
fn the_state_template_is_headed_in_vietnamese_and_cites_each_column() {
    let scratch = Scratch::new("empty");
    for (regime, document, article) in [
        (
            RegimeId::Nd335,
            "335/2025/NĐ-CP",
            "335/2025/NĐ-CP, Điều 20, khoản 4.b",
        ),
        (
            RegimeId::Nd233,
            "233/2026/NĐ-CP",
            "233/2026/NĐ-CP, Điều 12, khoản 4.b",
        ),
    ] {
        let path = scratch.file(&format!("mau-{}.xlsx", regime.as_str()));
        write_state_template(&path, regime).unwrap();
        let sheets = read_file(&path).unwrap();
        let labels = |columns: &[cadre_eval::LongColumn]| -> Vec<String> {
            columns.iter().map(|c| c.vi.to_owned()).collect()
        };
        assert_eq!(
            texts(&sheet(&sheets, PERIODS_SHEET).rows[0]),
            labels(PERIOD_COLUMNS)
        );
        assert_eq!(
            texts(&sheet(&sheets, PRODUCTS_SHEET).rows[0]),
            labels(PRODUCT_COLUMNS)
        );
        // Each header's note: its English header, name and path, and its articles.
        let periods_notes = notes(&path, "xl/comments1.xml");
        for column in PERIOD_COLUMNS {
            assert!(periods_notes.contains(column.en), "{}", column.en);
            assert!(
                periods_notes.contains(&format!("{} · {}", column.name, column.path)),
                "{}",
                column.name
            );
        }
        assert!(periods_notes.contains(article), "{regime:?}: {article}");
        // The instructions: one line per column, its articles under the regime.
        let instructions = sheet(&sheets, "Hướng dẫn");
        let text = |row: &[SheetValue], at: usize| match row.get(at) {
            Some(SheetValue::Text(t)) => Some(t.clone()),
            _ => None,
        };
        let listed: Vec<(String, Option<String>)> = instructions
            .rows
            .iter()
            .filter_map(|row| text(row, 4).map(|name| (name, text(row, 7))))
            .skip(1)
            .collect();
        let names: Vec<&str> = PERIOD_COLUMNS
            .iter()
            .chain(PRODUCT_COLUMNS)
            .map(|c| c.name)
            .collect();
        assert_eq!(
            listed.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
            names
        );
        let cited: Vec<&str> = listed.iter().filter_map(|(_, c)| c.as_deref()).collect();
        assert!(cited.len() > 30, "{cited:?}");
        assert!(cited.iter().any(|c| c.contains(article)), "{cited:?}");
        // Every article is the regime's, but the law's (who is rated at all), ND 233
        // Art. 14 (which the spec adopts for ND 335) and its head cap (a warning there).
        assert!(
            cited.iter().all(|c| c.contains(document)
                || c.contains("80/2025/QH15")
                || c.contains("233/2026/NĐ-CP, Điều 14")
                || c.contains("233/2026/NĐ-CP, Điều 12, khoản 7")),
            "{cited:?}"
        );
        let evaluated = evaluate_long_sheets(
            sheet(&sheets, PERIODS_SHEET),
            Some(sheet(&sheets, PRODUCTS_SHEET)),
            &Options::default(),
            None,
        );
        assert!(evaluated.decisions.is_empty());
        assert!(evaluated.rejected.is_empty(), "{:?}", evaluated.rejected);
    }
}

fn example(name: &str) -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn quota() -> QuotaOptions {
    QuotaOptions::default()
}

/// The state decisions of `records` evaluated as JSON (with the quota), as JSON.
fn json_decisions(records: &[Value]) -> Vec<Value> {
    let state: Vec<&Value> = records.iter().filter(|r| r["rating"] == "state").collect();
    let options = BatchOptions {
        evaluation: Options::default(),
        quota: Some(quota()),
    };
    let batch = evaluate_batch_json(&serde_json::to_string(&state).unwrap(), &options).unwrap();
    batch
        .items
        .into_iter()
        .map(|item| match item {
            BatchItem::Decision(d) => serde_json::to_value(d.to_record()).unwrap(),
            BatchItem::Rejected(r) => panic!("{:?}: {:?}", r.id, r.errors),
        })
        .collect()
}

/// The ND 233 and ND 335 examples written into the template, read back from the file
/// and evaluated: exactly the decisions of their JSON.
#[test]
fn the_examples_written_into_the_template_evaluate_as_their_json() {
    let scratch = Scratch::new("examples");
    for (name, regime, count) in [
        ("trung-tam-y-te-2026-nd233.json", RegimeId::Nd233, 10),
        ("vu-ke-hoach-tai-chinh-2026-pair.json", RegimeId::Nd335, 12),
    ] {
        let records = example(name);
        let path = scratch.file(&format!("{name}.xlsx"));
        let written = write_state_records(&path, regime, &records).unwrap();
        assert_eq!(written, count, "{name}");
        let sheets = read_file(&path).unwrap();
        let evaluated = evaluate_long_sheets(
            sheet(&sheets, PERIODS_SHEET),
            Some(sheet(&sheets, PRODUCTS_SHEET)),
            &Options::default(),
            Some(&quota()),
        );
        assert!(evaluated.rejected.is_empty(), "{:?}", evaluated.rejected);
        let got: Vec<Value> = evaluated
            .decisions
            .iter()
            .map(|d| serde_json::to_value(d.to_record()).unwrap())
            .collect();
        assert_eq!(got.len(), count, "{name}");
        assert_eq!(got, json_decisions(&records), "{name}");
    }
}

/// A decimal a float holds is a number cell; one it cannot hold is written as its text
/// and read back as exactly that text (never its nearest float).
#[test]
fn numbers_come_back_exactly() {
    let scratch = Scratch::new("exact");
    let record: Value = serde_json::from_str(
        r#"{"id": "a", "rating": "state", "period": {"year": 2026},
            "subject": {"kind": "member", "employment": "cong_chuc"},
            "leave": {"months_worked": 11.5, "months_absent": 0.123456789012345678901},
            "periods": [{"month": 1, "general": 27.35,
                         "products": [{"label": "x", "weight": 1.10, "done": true}]}]}"#,
    )
    .unwrap();
    let path = scratch.file("exact.xlsx");
    write_state_records(&path, RegimeId::Nd335, &[record]).unwrap();
    let sheets = read_file(&path).unwrap();
    let cell = |table: &str, name: &str| {
        let columns = if table == PERIODS_SHEET {
            PERIOD_COLUMNS
        } else {
            PRODUCT_COLUMNS
        };
        let at = columns.iter().position(|c| c.name == name).unwrap();
        sheet(&sheets, table).rows[1][at].clone()
    };
    assert_eq!(
        cell(PERIODS_SHEET, "leave_months_worked"),
        SheetValue::Number(11.5)
    );
    assert_eq!(
        cell(PERIODS_SHEET, "leave_months_absent"),
        SheetValue::Text("0.123456789012345678901".to_owned())
    );
    assert_eq!(
        cell(PERIODS_SHEET, "periods_general"),
        SheetValue::Number(27.35)
    );
    assert_eq!(
        cell(PERIODS_SHEET, "periods_month"),
        SheetValue::Number(1.0)
    );
    assert_eq!(cell(PRODUCTS_SHEET, "weight"), SheetValue::Number(1.1));
    // Read back, the long decimal is that decimal: refused for its places, not rounded.
    let evaluated = evaluate_long_sheets(
        sheet(&sheets, PERIODS_SHEET),
        Some(sheet(&sheets, PRODUCTS_SHEET)),
        &Options::default(),
        None,
    );
    let errors: Vec<(String, String)> = evaluated
        .rejected
        .iter()
        .flat_map(|r| &r.errors)
        .map(|e| (e.path.clone(), e.header.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        errors,
        [(
            "/leave/months_absent".to_owned(),
            "Số tháng nghỉ".to_owned()
        )]
    );
}

/// The text of a cell, if it holds one.
fn text_at(row: &[SheetValue], at: usize) -> Option<&str> {
    match row.get(at) {
        Some(SheetValue::Text(t)) => Some(t.trim()),
        _ => None,
    }
}

/// The results workbook of the ND 233 example with both quotas: the state records
/// counted apart from the party's categories on the summary, with their levels, and the
/// state quota's groups beside the party's; the decisions sheet shows each record's
/// rating and its periods counted and listed.
#[test]
fn the_results_workbook_shows_the_state_levels_and_groups() {
    let scratch = Scratch::new("results");
    let records = example("trung-tam-y-te-2026-nd233.json");
    let options = BatchOptions {
        evaluation: Options::default(),
        quota: Some(quota()),
    };
    let batch = evaluate_batch_json(&serde_json::to_string(&records).unwrap(), &options).unwrap();
    let state_groups: Vec<_> = batch
        .state_groups
        .iter()
        .filter(|g| g.candidates > 0)
        .cloned()
        .collect();
    assert!(!state_groups.is_empty());
    let tables = batch_result_tables(
        &batch.items,
        batch.groups.clone(),
        batch.state_groups.clone(),
        true,
    );
    assert_eq!(tables.state_groups, batch.state_groups);
    let decisions: Vec<&cadre_eval::Decision> = batch
        .items
        .iter()
        .filter_map(|item| match item {
            BatchItem::Decision(d) => Some(&**d),
            BatchItem::Rejected(_) => None,
        })
        .collect();
    let at = |level: Level| {
        decisions
            .iter()
            .filter(|d| d.outcome == Outcome::Classified && d.level == Some(level))
            .count() as u64
    };
    let state = &tables.summary.total.state;
    assert_eq!(state.records, 10);
    assert_eq!(
        (
            state.excellent,
            state.good,
            state.completed,
            state.not_completed
        ),
        (
            at(Level::Excellent),
            at(Level::Good),
            at(Level::Completed),
            at(Level::NotCompleted)
        )
    );
    assert_eq!(tables.summary.total.party_members.records, 0);
    assert_eq!(tables.summary.total.all.records, 10);
    let path = scratch.file("ket-qua.xlsx");
    write_results(&tables, &path).unwrap();
    let sheets = read_file(&path).unwrap();
    let summary = sheet(&sheets, "Tổng hợp");
    let row = summary
        .rows
        .iter()
        .find(|row| text_at(row, 1) == Some("Cán bộ, công chức, viên chức (Nhà nước)"))
        .unwrap();
    let number = |at: usize| match row[at] {
        SheetValue::Number(n) => n as u64,
        ref other => panic!("{other:?}"),
    };
    assert_eq!(
        [number(2), number(4), number(6), number(8), number(10)],
        [
            state.records,
            state.excellent,
            state.good,
            state.completed,
            state.not_completed
        ]
    );
    let headed = |word: &str| {
        summary.rows.iter().any(|row| {
            row.iter()
                .any(|v| matches!(v, SheetValue::Text(t) if t.contains(word)))
        })
    };
    assert!(headed("CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC"));
    assert!(!headed("ĐẢNG CỘNG SẢN"));
    let listed: Vec<&str> = summary
        .rows
        .iter()
        .filter_map(|row| text_at(row, 1))
        .filter(|t| t.starts_with("Nhóm: ") || t.starts_with("Cơ quan: "))
        .collect();
    let named: Vec<String> = state_groups
        .iter()
        .map(|g| match g.scope {
            cadre_eval::QuotaScope::Group => format!("Nhóm: {}", g.name),
            cadre_eval::QuotaScope::Agency => format!("Cơ quan: {}", g.name),
        })
        .collect();
    assert_eq!(listed, named);
    let results = sheet(&sheets, "Kết quả");
    let top = results
        .rows
        .iter()
        .position(|row| text_at(row, 0) == Some("STT"))
        .unwrap();
    for (row, decision) in results.rows[top + 1..].iter().zip(&decisions) {
        assert_eq!(text_at(row, 4), Some(decision.id.as_str()));
        assert_eq!(text_at(row, 19), Some("Nhà nước"));
        let record = decision.to_record();
        let part = record.state.as_ref().unwrap();
        let counted = part.periods.iter().filter(|p| p.counted).count();
        let periods = format!("{counted}/{}", part.periods.len());
        assert_eq!(text_at(row, 20), Some(periods.as_str()));
        let score = record
            .score
            .as_ref()
            .map(|s| s.to_string().parse::<f64>().unwrap());
        assert_eq!(row[8], score.map_or(SheetValue::Empty, SheetValue::Number));
    }
}

/// The results tables built from a JSON array (Python's `write_workbook`) read the
/// records through the pair form too, so they carry the same state quota groups as the
/// batch, not an empty list.
#[test]
fn the_results_tables_of_a_json_array_carry_the_state_groups() {
    let records = example("trung-tam-y-te-2026-nd233.json");
    let text = serde_json::to_string(&records).unwrap();
    let options = BatchOptions {
        evaluation: Options::default(),
        quota: Some(quota()),
    };
    let batch = evaluate_batch_json(&text, &options).unwrap();
    assert!(batch.state_groups.iter().any(|g| g.candidates > 0));
    let read = Records::json_array(&text).unwrap();
    let tables = record_result_tables(&read, &options, 2).unwrap();
    assert_eq!(tables.state_groups, batch.state_groups);
}
