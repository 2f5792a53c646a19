//! Spreadsheet files, end to end: the bundled examples written to a filled template,
//! read back from the workbook and evaluated, give exactly the results of their JSON;
//! a workbook with every kind of bad cell gives each error at its sheet, row and column
//! while its good rows are evaluated; the files of a Vietnamese Excel (`;`, decimal
//! commas, a byte-order mark) under `vectors/sheets/` give the expected levels.

#![cfg(test)]

use cadre_eval::{
    evaluate_batch_json, evaluate_org_sheets, evaluate_sheets, evaluate_tree_json, is_units_sheet,
    records_sheets, template_with_records, template_with_tree, BatchItem, BatchOptions, ErrorCode,
    OrgOptions, QuotaOptions, SheetTable, TemplateRequest,
};
use cadre_eval_sheets::{read_file, write_results, write_template, write_template_csv};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A file in a scratch folder of this test run, removed with it.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("cadre-eval-sheets-{}-{name}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn request() -> TemplateRequest {
    TemplateRequest {
        kinds: Vec::new(),
        regime: None,
        org: false,
        criteria: Vec::new(),
    }
}

fn with_quota() -> BatchOptions {
    BatchOptions {
        evaluation: Default::default(),
        quota: Some(QuotaOptions::default()),
    }
}

fn records(tables: Vec<SheetTable>) -> Vec<SheetTable> {
    let names: Vec<String> = tables.iter().map(|t| t.name.clone()).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let keep: Vec<String> = records_sheets(&names)
        .into_iter()
        .map(str::to_owned)
        .collect();
    tables
        .into_iter()
        .filter(|t| keep.contains(&t.name))
        .collect()
}

#[test]
fn the_chi_bo_examples_read_back_from_a_filled_template_as_their_json() {
    let scratch = Scratch::new("chi-bo");
    for example in ["chi-bo-2025.json", "chi-bo-2024.json", "chi-bo-2022.json"] {
        let json = fs::read_to_string(repo().join("examples").join(example)).unwrap();
        let template = template_with_records(&request(), &json).unwrap();
        let path = scratch.file(&example.replace(".json", ".xlsx"));
        write_template(&template, &path, false).unwrap();
        let tables = records(read_file(&path).unwrap());
        assert_eq!(tables.len(), 1, "{example}: one records sheet");
        for options in [BatchOptions::default(), with_quota()] {
            let evaluated = evaluate_sheets(&tables, &options, 2).unwrap();
            assert!(
                evaluated.tables.rejected.is_empty(),
                "{example}: {:?}",
                evaluated.tables.rejected
            );
            let from_sheet: Vec<Value> = evaluated
                .decisions
                .iter()
                .map(|d| serde_json::to_value(d.to_record()).unwrap())
                .collect();
            let from_json: Vec<Value> = evaluate_batch_json(&json, &options)
                .unwrap()
                .items
                .iter()
                .map(|item| match item {
                    BatchItem::Decision(d) => serde_json::to_value(d.to_record()).unwrap(),
                    BatchItem::Rejected(r) => panic!("{example}: {r:?}"),
                })
                .collect();
            assert_eq!(from_sheet, from_json, "{example}");
            // The rows are the template's: the header, then one row per record in order.
            let rows: Vec<u32> = evaluated
                .tables
                .decisions
                .iter()
                .filter_map(|r| r.row)
                .collect();
            assert_eq!(rows, (2..2 + rows.len() as u32).collect::<Vec<_>>());
        }
    }
}

#[test]
fn the_dang_bo_example_reads_back_from_its_workbook_as_its_tree() {
    let scratch = Scratch::new("dang-bo");
    let json = fs::read_to_string(repo().join("examples/dang-bo-xa-2025.json")).unwrap();
    let mut tree_request = request();
    tree_request.org = true;
    let template = template_with_tree(&tree_request, &json).unwrap();
    let path = scratch.file("dang-bo.xlsx");
    write_template(&template, &path, false).unwrap();
    let tables = read_file(&path).unwrap();
    let units = tables
        .iter()
        .find(|t| is_units_sheet(&t.name))
        .cloned()
        .unwrap();
    let evaluated = evaluate_org_sheets(&units, &records(tables), OrgOptions::default());
    assert!(
        evaluated.tables.rejected.is_empty(),
        "{:?}",
        evaluated.tables.rejected
    );
    let expected = evaluate_tree_json(&json, OrgOptions::default()).unwrap();
    assert_eq!(
        serde_json::to_value(evaluated.result.output()).unwrap(),
        serde_json::to_value(expected.output()).unwrap()
    );
    // The summary's figures are the report's.
    let summary = &evaluated.tables.summary;
    assert_eq!(summary.total.all, expected.report.total);
    assert_eq!(summary.title.as_deref(), Some("Đảng bộ xã Hòa An"));
    let party_members = &summary.total.party_members;
    assert_eq!(
        (
            party_members.records,
            party_members.classified,
            party_members.excellent
        ),
        (60, 58, 6)
    );
    assert_eq!(party_members.shares.good_or_better.percent, "82.8%");
    assert_eq!(summary.demotions.len(), 5);
    // And the results workbook is written.
    let out = scratch.file("ket-qua.xlsx");
    write_results(&evaluated.tables, &out).unwrap();
    let sheets: Vec<String> = read_file(&out)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(sheets, ["Tổng hợp", "Kết quả", "Lý do", "Bị từ chối"]);
}

#[test]
fn every_kind_of_bad_cell_in_a_workbook_is_placed_and_the_good_rows_are_evaluated() {
    let scratch = Scratch::new("bad");
    let path = scratch.file("bad.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Hồ sơ").unwrap();
    let headers = [
        "Mã hồ sơ",
        "Đối tượng",
        "Năm đánh giá",
        "Ngày vào Đảng",
        "Điểm tiêu chí chung (tối đa 30)",
        "Điểm kết quả thực hiện nhiệm vụ (tối đa 70)",
        "Số nhiệm vụ được giao",
        "Số nhiệm vụ hoàn thành",
        "Số nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng",
        "Số nhiệm vụ vượt mức",
        "Số con",
        "Số nhiệm vụ vượt mức",
    ];
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    let good = |sheet: &mut rust_xlsxwriter::Worksheet, row: u32, id: &str| {
        sheet.write_string(row, 0, id).unwrap();
        sheet.write_string(row, 1, "Đảng viên").unwrap();
        sheet.write_number(row, 2, 2025).unwrap();
        sheet.write_string(row, 3, "19/05/2019").unwrap();
        sheet.write_number(row, 4, 27.5).unwrap();
        sheet.write_number(row, 5, 63).unwrap();
        for col in 6..9 {
            sheet.write_number(row, col, 12).unwrap();
        }
        sheet.write_number(row, 9, 3).unwrap();
    };
    for row in 1..=11 {
        good(sheet, row, &format!("dv-{}", row + 1));
    }
    sheet.write_string(2, 6, "mười hai").unwrap(); // row 3: text in a number
    sheet.write_number(3, 4, 27.555).unwrap(); // row 4: three decimals
    sheet.write_string(4, 3, "30/02/2019").unwrap(); // row 5: no such day
    sheet.write_string(5, 1, "Đảng viên dự bị").unwrap(); // row 6: not a choice
    sheet.write_formula(6, 5, "=60+3").unwrap(); // row 7: a formula
    sheet.write_blank(7, 0, &Format::new()).unwrap(); // row 8: no id
    sheet.merge_range(8, 6, 9, 6, "12", &Format::new()).unwrap(); // rows 9–10: merged
    sheet.write_number(10, 4, 0.1 + 0.2).unwrap(); // row 11: a float of no two-place decimal
    workbook.save(&path).unwrap();

    let tables = read_file(&path).unwrap();
    let evaluated = evaluate_sheets(&tables, &BatchOptions::default(), 1).unwrap();
    let ids: Vec<&str> = evaluated.decisions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["dv-2", "dv-12"]);
    let got: Vec<(u32, String, ErrorCode)> = evaluated
        .tables
        .rejected
        .iter()
        .flat_map(|r| &r.errors)
        .map(|e| (e.row.unwrap(), e.column.clone().unwrap_or_default(), e.code))
        .collect();
    let want = [
        (1, "K", ErrorCode::UnknownField),
        (1, "L", ErrorCode::InvalidValue),
        (3, "G", ErrorCode::InvalidType),
        (4, "E", ErrorCode::TooManyDecimals),
        (5, "D", ErrorCode::InvalidDate),
        (6, "B", ErrorCode::InvalidValue),
        (7, "F", ErrorCode::InvalidType),
        (8, "A", ErrorCode::MissingField),
        (9, "G", ErrorCode::InvalidValue),
        (10, "G", ErrorCode::InvalidValue),
        (11, "E", ErrorCode::TooManyDecimals),
    ];
    let want: Vec<(u32, String, ErrorCode)> = want
        .iter()
        .map(|(r, c, e)| (*r, (*c).to_owned(), *e))
        .collect();
    assert_eq!(got, want);
    for error in evaluated.tables.rejected.iter().flat_map(|r| &r.errors) {
        assert_eq!(error.sheet.as_deref(), Some("Hồ sơ"));
        assert!(error.header.is_some(), "{error:?}");
        assert!(!error.message.vi.is_empty() && !error.message.en.is_empty());
    }
    let formula = &evaluated.tables.rejected[5].errors[0];
    assert_eq!(formula.path, "/score/task_results");
    assert!(
        formula.message.en.contains("formula"),
        "{}",
        formula.message.en
    );
}

/// A vector of `vectors/sheets/`: a file as a Vietnamese spreadsheet writes it, and what
/// reading it gives.
#[test]
fn files_of_a_vietnamese_excel_read_as_expected() {
    let dir = repo().join("vectors/sheets");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let vector: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let file = dir.join(vector["file"].as_str().unwrap());
        let bytes = fs::read(&file).unwrap();
        if vector["bom"].as_bool() == Some(true) {
            assert!(
                bytes.starts_with(b"\xEF\xBB\xBF"),
                "{}: a byte-order mark",
                file.display()
            );
        }
        let options = if vector["quota"].as_bool() == Some(true) {
            with_quota()
        } else {
            BatchOptions::default()
        };
        let evaluated = evaluate_sheets(&read_file(&file).unwrap(), &options, 1).unwrap();
        let levels: serde_json::Map<String, Value> = evaluated
            .decisions
            .iter()
            .map(|d| {
                let level = d.level.map_or(Value::Null, |l| Value::from(l.as_str()));
                (d.id.clone(), level)
            })
            .collect();
        assert_eq!(
            Value::Object(levels),
            vector["levels"],
            "{}",
            path.display()
        );
        let rejected: Vec<Value> = evaluated
            .tables
            .rejected
            .iter()
            .flat_map(|r| &r.errors)
            .map(|e| serde_json::json!({"row": e.row, "column": e.column, "code": e.code, "path": e.path}))
            .collect();
        assert_eq!(
            Value::Array(rejected),
            vector["rejected"],
            "{}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 2, "the vectors are there");
}

#[test]
fn a_csv_template_reads_back_as_its_records() {
    let scratch = Scratch::new("csv");
    let json = fs::read_to_string(repo().join("examples/chi-bo-2025.json")).unwrap();
    let template = template_with_records(&request(), &json).unwrap();
    let path = scratch.file("mau.csv");
    let mut bytes = Vec::new();
    write_template_csv(&template, &mut bytes, false).unwrap();
    fs::write(&path, bytes).unwrap();
    let evaluated =
        evaluate_sheets(&read_file(&path).unwrap(), &BatchOptions::default(), 1).unwrap();
    assert!(
        evaluated.tables.rejected.is_empty(),
        "{:?}",
        evaluated.tables.rejected
    );
    let expected = evaluate_batch_json(&json, &BatchOptions::default()).unwrap();
    assert_eq!(evaluated.decisions.len(), expected.items.len());
    for (decision, item) in evaluated.decisions.iter().zip(&expected.items) {
        let BatchItem::Decision(expected) = item else {
            panic!("{item:?}")
        };
        assert_eq!(decision, &**expected);
    }
}
