//! The real `cadre-eval` binary on spreadsheets: `template` → `evaluate FILE.xlsx` →
//! `--output`, the rejected rows on stderr with their cells, and the usage errors of the
//! spreadsheet options. What the files hold is tested in `sheets/tests/`; here, that
//! the tool forwards and reports.

#![cfg(test)]

use cadre_eval::{DecisionRecord, RejectedRow};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!(
            "cadre-eval-cli-sheets-{}-{test}",
            std::process::id()
        ));
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cadre-eval"))
        .args(args)
        .current_dir(repo())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn the_secretarys_path_template_fill_evaluate_output() {
    let dir = TempDir::new("path");
    let (empty, filled, results, flat) = (
        dir.path("mau.xlsx"),
        dir.path("da-dien.xlsx"),
        dir.path("ket-qua.xlsx"),
        dir.path("ket-qua.csv"),
    );
    let out = run(&["template", "--kind", "member,leader", "--output", &empty]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run(&[
        "template",
        "--from",
        "examples/chi-bo-2025.json",
        "--output",
        &filled,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The filled workbook evaluates as its JSON.
    let from_sheet = run(&["evaluate", &filled, "--quota"]);
    let from_json = run(&["evaluate", "examples/chi-bo-2025.json", "--quota"]);
    assert!(from_sheet.status.success(), "{}", text(&from_sheet.stderr));
    assert_eq!(from_sheet.stdout, from_json.stdout);
    let decisions: Vec<DecisionRecord> = serde_json::from_slice(&from_sheet.stdout).unwrap();
    assert_eq!(decisions.len(), 17);
    // With --output: the file, and nothing on stdout.
    for output in [&results, &flat] {
        let out = run(&["evaluate", &filled, "--quota", "--output", output]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(out.stdout.is_empty());
        assert!(std::fs::metadata(output).unwrap().len() > 1000, "{output}");
    }
    let csv = std::fs::read_to_string(&flat).unwrap();
    assert!(
        csv.starts_with("\u{feff}index,sheet,row,unit,id,name"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 18);
    // JSON input writes the same kind of file.
    let out = run(&[
        "evaluate",
        "examples/chi-bo-2025.json",
        "--output",
        &results,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn rejected_rows_are_reported_with_their_cells_and_exit_1() {
    let file = "vectors/sheets/chi-bo-2025-excel-vi.csv";
    let table = run(&["evaluate", file, "--format", "table", "--lang", "en"]);
    assert_eq!(table.status.code(), Some(1));
    let stderr = text(&table.stderr);
    assert!(
        stderr.contains("Hồ sơ!L19 (Điểm tiêu chí chung (tối đa 30)), record dv-loi-thap-phan: too_many_decimals at /score/general"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Hồ sơ!Q20 (Số nhiệm vụ vượt mức)"),
        "{stderr}"
    );
    let json = run(&["evaluate", file]);
    assert_eq!(json.status.code(), Some(1));
    let rows: Vec<RejectedRow> = text(&json.stderr)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].row, rows[0].errors[0].column.as_deref()),
        (Some(19), Some("L"))
    );
    // The good rows are still evaluated.
    let decisions: Vec<DecisionRecord> = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(decisions.len(), 17);
}

#[test]
fn the_organisation_workbook_evaluates_as_its_tree() {
    let dir = TempDir::new("org");
    let workbook = dir.path("dang-bo.xlsx");
    let out = run(&[
        "template",
        "--org",
        "--from",
        "examples/dang-bo-xa-2025.json",
        "--output",
        &workbook,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let from_sheet = run(&["org", &workbook, "--format", "json"]);
    let from_json = run(&["org", "examples/dang-bo-xa-2025.json", "--format", "json"]);
    assert!(from_sheet.status.success(), "{}", text(&from_sheet.stderr));
    assert_eq!(from_sheet.stdout, from_json.stdout);
    let results = dir.path("ket-qua.xlsx");
    let out = run(&["org", &workbook, "--output", &results]);
    assert!(
        out.status.success() && out.stdout.is_empty(),
        "{}",
        text(&out.stderr)
    );
    // A workbook without a units sheet is no tree.
    let plain = dir.path("plain.xlsx");
    assert!(run(&["template", "--output", &plain]).status.success());
    let out = run(&["org", &plain]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no units sheet"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn spreadsheet_options_are_checked() {
    let dir = TempDir::new("usage");
    let out = run(&[
        "evaluate",
        "vectors/sheets/chi-bo-2024-english.csv",
        "--sheet",
        "Khác",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no sheet named \"Khác\"; the sheets are: Hồ sơ"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&[
        "template",
        "--org",
        "--format",
        "csv",
        "--output",
        &dir.path("t.csv"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[
        "evaluate",
        "examples/chi-bo-2025.json",
        "--output",
        &dir.path("r.pdf"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["template", "--output", "-"]);
    assert_eq!(out.status.code(), Some(2));
    // A CSV template goes to stdout, its headers in Vietnamese.
    let out = run(&[
        "template", "--kind", "member", "--format", "csv", "--output", "-",
    ]);
    assert!(out.status.success());
    assert!(
        text(&out.stdout).starts_with("\u{feff}Mã hồ sơ,Họ và tên (tên tập thể),Năm đánh giá"),
        "{}",
        text(&out.stdout)
    );
}

/// `template --regime nd335`: the state workbook, its periods and products sheets headed
/// with the Vietnamese labels of the long tables' columns; as CSV (one table only) it is refused and
/// nothing is written.
#[test]
fn template_writes_the_state_workbook() {
    use cadre_eval::{SheetValue, PERIODS_SHEET, PERIOD_COLUMNS, PRODUCTS_SHEET};
    let dir =
        std::env::temp_dir().join(format!("cadre-eval-state-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("state.csv");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_cadre-eval"))
        .args(["template", "--regime", "nd335", "--lang", "en", "-o"])
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("products sheet"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!csv.exists());
    let xlsx = dir.join("state.xlsx");
    for regime in ["nd335", "nd233"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_cadre-eval"))
            .args(["template", "--kind", "leader", "--regime", regime, "-o"])
            .arg(&xlsx)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let sheets = cadre_eval_sheets::read_file(&xlsx).unwrap();
        let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names[..2], [PERIODS_SHEET, PRODUCTS_SHEET]);
        let first = sheets[0].rows[0].first();
        assert_eq!(
            first,
            Some(&SheetValue::Text(PERIOD_COLUMNS[0].vi.to_owned()))
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The state records of a JSON example written as a state workbook: a periods sheet
/// and a products sheet (design §16), every leaf in the long tables' column.
fn state_workbook(records: &[serde_json::Value], path: &str, bad_general: Option<usize>) {
    use cadre_eval::{LongLevel, PERIODS_SHEET, PERIOD_COLUMNS, PRODUCTS_SHEET, PRODUCT_COLUMNS};
    use serde_json::Value;
    fn put(sheet: &mut rust_xlsxwriter::Worksheet, row: u32, column: u16, value: Option<&Value>) {
        match value {
            Some(Value::String(s)) => {
                sheet.write_string(row, column, s).unwrap();
            }
            Some(Value::Number(n)) => {
                sheet
                    .write_number(row, column, n.as_f64().unwrap())
                    .unwrap();
            }
            Some(Value::Bool(b)) => {
                sheet.write_boolean(row, column, *b).unwrap();
            }
            _ => {}
        }
    }
    let at = |v: &'_ Value, path: &str| v.pointer(path).cloned();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let periods = workbook.add_worksheet();
    periods.set_name(PERIODS_SHEET).unwrap();
    for (c, column) in PERIOD_COLUMNS.iter().enumerate() {
        periods.write_string(0, c as u16, column.name).unwrap();
    }
    let mut products_rows = Vec::new();
    let mut row = 1;
    for record in records.iter().filter(|r| r["rating"] == "state") {
        for period in record["periods"].as_array().unwrap() {
            for (c, column) in PERIOD_COLUMNS.iter().enumerate() {
                let value = match column.level {
                    LongLevel::Period => at(period, column.path),
                    _ => at(record, column.path),
                };
                put(periods, row, c as u16, value.as_ref());
            }
            if bad_general == Some(row as usize) {
                let c = PERIOD_COLUMNS
                    .iter()
                    .position(|c| c.name == "periods_general");
                periods
                    .write_string(row, c.unwrap() as u16, "hai mươi")
                    .unwrap();
            }
            for product in period["products"].as_array().into_iter().flatten() {
                products_rows.push(
                    PRODUCT_COLUMNS
                        .iter()
                        .map(|column| match column.level {
                            LongLevel::Person => at(record, column.path),
                            LongLevel::Period => at(period, column.path),
                            LongLevel::Product => at(product, column.path),
                        })
                        .collect::<Vec<_>>(),
                );
            }
            row += 1;
        }
    }
    let products = workbook.add_worksheet();
    products.set_name(PRODUCTS_SHEET).unwrap();
    for (c, column) in PRODUCT_COLUMNS.iter().enumerate() {
        products.write_string(0, c as u16, column.name).unwrap();
    }
    for (r, cells) in products_rows.iter().enumerate() {
        for (c, value) in cells.iter().enumerate() {
            put(products, r as u32 + 1, c as u16, value.as_ref());
        }
    }
    workbook.save(path).unwrap();
}

#[test]
fn a_state_workbook_evaluates_as_its_json_and_reports_bad_cells() {
    let dir = TempDir::new("state");
    let example = "examples/trung-tam-y-te-2026-nd233.json";
    let records: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(repo().join(example)).unwrap()).unwrap();
    let filled = dir.path("nha-nuoc.xlsx");
    state_workbook(&records, &filled, None);
    let from_json = run(&["evaluate", example, "--quota"]);
    let from_sheets = run(&["evaluate", &filled, "--quota"]);
    assert!(
        from_sheets.status.success(),
        "{}",
        text(&from_sheets.stderr)
    );
    let expected: Vec<DecisionRecord> = serde_json::from_slice(&from_json.stdout).unwrap();
    let got: Vec<DecisionRecord> = serde_json::from_slice(&from_sheets.stdout).unwrap();
    assert_eq!(got.len(), 10);
    assert_eq!(got, expected);
    // The results workbook.
    let results = dir.path("ket-qua.xlsx");
    let written = run(&["evaluate", &filled, "--quota", "--output", &results]);
    assert!(written.status.success(), "{}", text(&written.stderr));
    assert!(Path::new(&results).exists());
    // A text in a number cell: its sheet, row, column and header; the others evaluated.
    let bad = dir.path("loi.xlsx");
    state_workbook(&records, &bad, Some(4));
    let output = run(&["evaluate", &bad, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let rejected: RejectedRow =
        serde_json::from_str(text(&output.stderr).lines().next().unwrap()).unwrap();
    let error = &rejected.errors[0];
    assert_eq!(error.cell_reference().as_deref(), Some("Kỳ đánh giá!AC5"));
    assert_eq!(error.header.as_deref(), Some("periods_general"));
    let decisions: Vec<DecisionRecord> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(decisions.len(), 9);
}

/// `template --regime nd233 --from`: the 2026 example's state records written into the
/// state workbook by the program evaluate as its JSON; a file with no state record is
/// refused and nothing is written.
#[test]
fn template_from_state_records_evaluates_as_their_json() {
    let dir = TempDir::new("state-from");
    let example = "examples/trung-tam-y-te-2026-nd233.json";
    let filled = dir.path("nha-nuoc.xlsx");
    let written = run(&[
        "template", "--regime", "nd233", "--from", example, "-o", &filled,
    ]);
    assert!(written.status.success(), "{}", text(&written.stderr));
    let from_json = run(&["evaluate", example, "--quota"]);
    let from_sheets = run(&["evaluate", &filled, "--quota"]);
    assert!(
        from_sheets.status.success(),
        "{}",
        text(&from_sheets.stderr)
    );
    let expected: Vec<DecisionRecord> = serde_json::from_slice(&from_json.stdout).unwrap();
    let got: Vec<DecisionRecord> = serde_json::from_slice(&from_sheets.stdout).unwrap();
    assert_eq!(got.len(), 10);
    assert_eq!(got, expected);
    let party = dir.path("dang.xlsx");
    let refused = run(&[
        "template",
        "--regime",
        "nd335",
        "--from",
        "examples/chi-bo-2025.json",
        "-o",
        &party,
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("no state record"),
        "{}",
        text(&refused.stderr)
    );
    assert!(!Path::new(&party).exists());
}
