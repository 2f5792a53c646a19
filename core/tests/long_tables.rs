//! State records from long tables (design §16): the 2026 examples turned into a periods
//! table and a products table evaluate to exactly the decisions of their JSON records,
//! and every bad table is reported at its table, row and column.

#![cfg(test)]

use cadre_eval::{
    evaluate_batch_json, evaluate_long_tables, BatchItem, BatchOptions, Cell, ErrorCode,
    LongEvaluated, LongLevel, LongTable, LongTableName, Options, QuotaOptions, PERIOD_COLUMNS,
    PRODUCT_COLUMNS,
};
use serde_json::Value;

fn example(name: &str) -> Vec<Value> {
    let path = format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("example");
    serde_json::from_str(&text).expect("a JSON array")
}

/// The value at `path` (`/a/b`, or `/discipline/0/form`) under `value`.
fn at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    value.pointer(path).filter(|v| !v.is_null())
}

/// A cell holding a JSON leaf, as a table (pandas, a spreadsheet) would.
fn cell(value: &Value) -> Cell<'_> {
    match value {
        Value::Bool(b) => Cell::Flag(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Cell::Integer(i),
            None => Cell::Number(n.as_f64().expect("a number")),
        },
        Value::String(s) => Cell::Text(s),
        other => panic!("not a leaf: {other}"),
    }
}

/// The state records of `records` as two long tables.
fn tables(records: &[Value]) -> (LongTable<'_>, LongTable<'_>) {
    let mut periods = LongTable {
        columns: PERIOD_COLUMNS.iter().map(|c| c.name).collect(),
        rows: Vec::new(),
    };
    let mut products = LongTable {
        columns: PRODUCT_COLUMNS.iter().map(|c| c.name).collect(),
        rows: Vec::new(),
    };
    for record in records.iter().filter(|r| r["rating"] == "state") {
        for period in record["periods"].as_array().expect("periods") {
            periods.rows.push(
                PERIOD_COLUMNS
                    .iter()
                    .map(|c| match c.level {
                        LongLevel::Period => at(period, c.path).map(cell),
                        _ => at(record, c.path).map(cell),
                    })
                    .collect(),
            );
            for product in period["products"].as_array().into_iter().flatten() {
                products.rows.push(
                    PRODUCT_COLUMNS
                        .iter()
                        .map(|c| match c.level {
                            LongLevel::Person => at(record, c.path).map(cell),
                            LongLevel::Period => at(period, c.path).map(cell),
                            LongLevel::Product => at(product, c.path).map(cell),
                        })
                        .collect(),
                );
            }
        }
    }
    (periods, products)
}

fn quota() -> QuotaOptions {
    serde_json::from_str("{}").expect("default quota options")
}

/// Every decision of the JSON path, as JSON, by rating and id.
fn json_decisions(records: &[Value]) -> Vec<(String, Value)> {
    let text = serde_json::to_string(records).expect("records");
    let options = BatchOptions {
        evaluation: Options::default(),
        quota: Some(quota()),
    };
    let batch = evaluate_batch_json(&text, &options).expect("a batch");
    batch
        .items
        .into_iter()
        .map(|item| match item {
            BatchItem::Decision(d) => {
                let record = serde_json::to_value(d.to_record()).expect("a decision");
                (format!("{:?}:{}", d.rating, d.id), record)
            }
            BatchItem::Rejected(r) => panic!("the example rejects {:?}: {:?}", r.id, r.errors),
        })
        .collect()
}

fn long_decisions(records: &[Value]) -> (LongEvaluated, Vec<(String, Value)>) {
    let (periods, products) = tables(records);
    let party: Vec<String> = records
        .iter()
        .filter(|r| r["rating"] != "state")
        .map(Value::to_string)
        .collect();
    let result = evaluate_long_tables(
        &periods,
        Some(&products),
        &party,
        &Options::default(),
        Some(&quota()),
    );
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    let mut decisions = Vec::new();
    for person in &result.persons {
        let d = person.decision.as_ref().expect("every person evaluates");
        decisions.push((
            format!("{:?}:{}", d.rating, d.id),
            serde_json::to_value(d.to_record()).expect("a decision"),
        ));
    }
    for d in &result.party {
        let d = d.as_ref().expect("every party record evaluates");
        decisions.push((
            format!("{:?}:{}", d.rating, d.id),
            serde_json::to_value(d.to_record()).expect("a decision"),
        ));
    }
    (result, decisions)
}

#[test]
fn the_2026_examples_as_tables_decide_as_their_json() {
    for name in [
        "trung-tam-y-te-2026-nd233.json",
        "vu-ke-hoach-tai-chinh-2026-pair.json",
    ] {
        let records = example(name);
        let mut expected = json_decisions(&records);
        let (result, mut got) = long_decisions(&records);
        expected.sort_by(|a, b| a.0.cmp(&b.0));
        got.sort_by(|a, b| a.0.cmp(&b.0));
        let states = records.iter().filter(|r| r["rating"] == "state").count();
        assert_eq!(result.persons.len(), states, "{name}");
        assert!(states > 0);
        assert_eq!(got.len(), expected.len(), "{name}");
        for ((id, g), (_, e)) in got.iter().zip(&expected) {
            assert_eq!(g, e, "{name}: {id}");
        }
        assert!(
            !result.state_groups.is_empty(),
            "{name}: the state quota ran"
        );
    }
}

/// A small table: one quarterly member with two quarters, products for the first.
fn member_rows() -> (Vec<&'static str>, Vec<Vec<Option<Cell<'static>>>>) {
    let columns = vec![
        "id",
        "period_year",
        "subject_kind",
        "subject_employment",
        "agency",
        "periods_quarter",
        "periods_general",
        "periods_task_results",
    ];
    let row = |quarter: i64, agency: &'static str, task: Option<Cell<'static>>| {
        vec![
            Some(Cell::Text("a")),
            Some(Cell::Integer(2026)),
            Some(Cell::Text("member")),
            Some(Cell::Text("Công chức")),
            Some(Cell::Text(agency)),
            Some(Cell::Integer(quarter)),
            Some(Cell::Number(27.5)),
            task,
        ]
    };
    (
        columns,
        vec![
            row(1, "x", None),
            row(2, "x", Some(Cell::Number(60.25))),
            row(3, "x", Some(Cell::Number(61.0))),
            row(4, "x", Some(Cell::Text("62,5"))),
        ],
    )
}

fn products_table(rows: Vec<Vec<Option<Cell<'static>>>>) -> LongTable<'static> {
    LongTable {
        columns: vec!["id", "periods_quarter", "weight", "done", "delays"],
        rows,
    }
}

fn product(id: &'static str, quarter: i64, weight: f64) -> Vec<Option<Cell<'static>>> {
    vec![
        Some(Cell::Text(id)),
        Some(Cell::Integer(quarter)),
        Some(Cell::Number(weight)),
        Some(Cell::Flag(true)),
        None,
    ]
}

/// A product for the first quarter of `a`, the one without `periods_task_results`.
fn first_products() -> LongTable<'static> {
    products_table(vec![product("a", 1, 2.0)])
}

fn evaluate(periods: &LongTable<'_>, products: Option<&LongTable<'_>>) -> LongEvaluated {
    evaluate_long_tables(periods, products, &[], &Options::default(), None)
}

#[test]
fn a_good_table_evaluates_with_labels_and_decimal_commas() {
    let (columns, rows) = member_rows();
    let periods = LongTable { columns, rows };
    let products = products_table(vec![product("a", 1, 2.0), product("a", 1, 1.5)]);
    let result = evaluate(&periods, Some(&products));
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    let person = &result.persons[0];
    assert_eq!(person.rows, vec![0, 1, 2, 3]);
    let decision = person.decision.as_ref().expect("evaluated");
    let state = decision.to_record().state.expect("a state part");
    assert_eq!(state.periods.len(), 4);
    assert_eq!(state.periods[3].task_results.as_deref(), Some("125/2"));
}

fn only_errors(result: &LongEvaluated) -> Vec<(ErrorCode, LongTableName, usize, String)> {
    let mut all = result.errors.clone();
    for person in &result.persons {
        if let Err(errors) = &person.decision {
            all.extend(errors.iter().cloned());
        }
    }
    all.into_iter()
        .map(|e| {
            let place = e.place.expect("placed");
            (e.error.code, place.table, place.row, place.column)
        })
        .collect()
}

#[test]
fn a_person_level_value_that_differs_between_rows_is_a_conflict_naming_its_column() {
    let (columns, mut rows) = member_rows();
    rows[2][4] = Some(Cell::Text("y"));
    let result = evaluate(&LongTable { columns, rows }, Some(&first_products()));
    assert_eq!(
        only_errors(&result),
        vec![(
            ErrorCode::Conflict,
            LongTableName::Periods,
            2,
            "agency".to_owned()
        )]
    );
}

#[test]
fn a_product_without_its_period_row_is_an_error_on_that_row() {
    let (columns, rows) = member_rows();
    let periods = LongTable { columns, rows };
    let products = products_table(vec![product("a", 1, 2.0), product("b", 1, 1.0)]);
    let result = evaluate(&periods, Some(&products));
    assert_eq!(
        only_errors(&result),
        vec![(
            ErrorCode::MissingField,
            LongTableName::Products,
            1,
            "periods_quarter".to_owned()
        )]
    );
    // The person whose product row names a period it does not have is not evaluated.
    let products = products_table(vec![product("a", 1, 2.0), product("a", 7, 1.0)]);
    let result = evaluate(&periods, Some(&products));
    assert!(result.persons[0].decision.is_err());
    assert_eq!(
        only_errors(&result),
        vec![(
            ErrorCode::MissingField,
            LongTableName::Products,
            1,
            "periods_quarter".to_owned()
        )]
    );
}

#[test]
fn bad_cells_are_refused_where_they_are_never_coerced() {
    let (columns, mut rows) = member_rows();
    rows[1][6] = Some(Cell::Text("hai mươi"));
    rows[2][6] = Some(Cell::Number(27.555));
    let result = evaluate(&LongTable { columns, rows }, Some(&first_products()));
    let errors = only_errors(&result);
    assert_eq!(
        errors[0],
        (
            ErrorCode::InvalidType,
            LongTableName::Periods,
            1,
            "periods_general".to_owned()
        )
    );
    // Three decimals pass the table and are refused by validation, placed back on
    // the row and column they came from.
    let (columns, mut rows) = member_rows();
    rows[2][6] = Some(Cell::Number(27.555));
    let result = evaluate(&LongTable { columns, rows }, Some(&first_products()));
    assert_eq!(
        only_errors(&result),
        vec![(
            ErrorCode::TooManyDecimals,
            LongTableName::Periods,
            2,
            "periods_general".to_owned()
        )]
    );
}

#[test]
fn unknown_and_repeated_columns_and_rows_without_id_are_errors_of_the_table() {
    let (mut columns, mut rows) = member_rows();
    columns.push("colour");
    for row in &mut rows {
        row.push(Some(Cell::Text("blue")));
    }
    rows.push(vec![
        None,
        Some(Cell::Integer(2026)),
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ]);
    rows.push(vec![None; 9]);
    let result = evaluate(&LongTable { columns, rows }, Some(&first_products()));
    assert_eq!(
        only_errors(&result),
        vec![
            (
                ErrorCode::UnknownField,
                LongTableName::Periods,
                0,
                "colour".to_owned()
            ),
            (
                ErrorCode::MissingField,
                LongTableName::Periods,
                4,
                "id".to_owned()
            ),
        ]
    );
    assert!(result.persons[0].decision.is_ok());
}

#[test]
fn a_missing_field_is_placed_at_the_column_to_fill() {
    let (mut columns, mut rows) = member_rows();
    columns.remove(3);
    for row in &mut rows {
        row.remove(3);
    }
    let result = evaluate(&LongTable { columns, rows }, Some(&first_products()));
    assert_eq!(
        only_errors(&result),
        vec![(
            ErrorCode::MissingField,
            LongTableName::Periods,
            0,
            "subject_employment".to_owned()
        )]
    );
}

/// A sheet holding `table` under a title row, as a workbook read by a front end.
fn sheet(name: &str, table: &LongTable<'_>) -> cadre_eval::SheetTable {
    use cadre_eval::SheetValue as V;
    let mut rows = vec![
        vec![V::Empty; table.columns.len()],
        table
            .columns
            .iter()
            .map(|c| V::Text((*c).to_owned()))
            .collect(),
    ];
    for row in &table.rows {
        rows.push(
            row.iter()
                .map(|cell| match cell {
                    None => V::Empty,
                    Some(Cell::Text(t)) => V::Text((*t).to_owned()),
                    Some(Cell::Integer(n)) => V::Integer(*n),
                    Some(Cell::Number(n)) => V::Number(*n),
                    Some(Cell::Flag(b)) => V::Bool(*b),
                })
                .collect(),
        );
    }
    cadre_eval::SheetTable {
        name: name.to_owned(),
        first_row: 0,
        first_column: 0,
        rows,
        merged: Vec::new(),
    }
}

#[test]
fn a_state_workbook_decides_as_its_json_and_places_bad_cells_at_their_cell() {
    let records = example("trung-tam-y-te-2026-nd233.json");
    let (periods, products) = tables(&records);
    let periods_sheet = sheet(cadre_eval::PERIODS_SHEET, &periods);
    let products_sheet = sheet(cadre_eval::PRODUCTS_SHEET, &products);
    let result = cadre_eval::evaluate_long_sheets(
        &periods_sheet,
        Some(&products_sheet),
        &Options::default(),
        Some(&quota()),
    );
    assert!(result.rejected.is_empty(), "{:?}", result.rejected);
    let expected = json_decisions(&records);
    assert_eq!(result.decisions.len(), expected.len());
    for decision in &result.decisions {
        let key = format!("{:?}:{}", decision.rating, decision.id);
        let json = expected.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
        let got = serde_json::to_value(decision.to_record()).expect("a decision");
        assert_eq!(Some(&got), json, "{key}");
    }
    // A text in a number cell: the sheet, the row (from 1, under a title row and the
    // header) and the column's letter and header.
    let mut bad = periods_sheet.clone();
    let general = PERIOD_COLUMNS
        .iter()
        .position(|c| c.name == "periods_general")
        .expect("a column");
    bad.rows[4][general] = cadre_eval::SheetValue::Text("hai mươi".to_owned());
    let result =
        cadre_eval::evaluate_long_sheets(&bad, Some(&products_sheet), &Options::default(), None);
    assert_eq!(result.rejected.len(), 1);
    let error = &result.rejected[0].errors[0];
    assert_eq!(error.code, ErrorCode::InvalidType);
    assert_eq!(error.cell_reference().as_deref(), Some("Kỳ đánh giá!AC5"));
    assert_eq!(error.header.as_deref(), Some("periods_general"));
    assert_eq!(result.decisions.len(), expected.len() - 1);
}

/// The decisions of `result`, as JSON, in order.
fn decided(result: &LongEvaluated) -> Vec<Value> {
    result
        .persons
        .iter()
        .map(|p| {
            let d = p.decision.as_ref().expect("every person evaluates");
            serde_json::to_value(d.to_record()).expect("a decision")
        })
        .collect()
}

/// Headers in Vietnamese or English (or a mix with names, case and spacing aside) are
/// read through the same header step as the names: the same decisions.
#[test]
fn vietnamese_and_english_headers_read_as_the_names() {
    let records = example("trung-tam-y-te-2026-nd233.json");
    let (periods, products) = tables(&records);
    let by_name = evaluate_long_tables(&periods, Some(&products), &[], &Options::default(), None);
    let expected = decided(&by_name);
    assert_eq!(expected.len(), 10);
    let shouted: Vec<String> = PERIOD_COLUMNS
        .iter()
        .map(|c| format!("  {} ", c.en.to_uppercase()))
        .collect();
    let headers: [(Vec<&str>, Vec<&str>); 3] = [
        (
            PERIOD_COLUMNS.iter().map(|c| c.vi).collect(),
            PRODUCT_COLUMNS.iter().map(|c| c.vi).collect(),
        ),
        (
            shouted.iter().map(String::as_str).collect(),
            PRODUCT_COLUMNS.iter().map(|c| c.en).collect(),
        ),
        (
            PERIOD_COLUMNS
                .iter()
                .enumerate()
                .map(|(i, c)| if i % 2 == 0 { c.vi } else { c.name })
                .collect(),
            PRODUCT_COLUMNS.iter().map(|c| c.name).collect(),
        ),
    ];
    for (period_headers, product_headers) in headers {
        let periods = LongTable {
            columns: period_headers,
            rows: periods.rows.clone(),
        };
        let products = LongTable {
            columns: product_headers,
            rows: products.rows.clone(),
        };
        let result =
            evaluate_long_tables(&periods, Some(&products), &[], &Options::default(), None);
        assert!(result.errors.is_empty(), "{:?}", result.errors);
        assert_eq!(decided(&result), expected, "{:?}", periods.columns);
    }
    // A column named twice (its name and its Vietnamese header): the second is not read.
    let mut twice = periods.clone();
    twice.columns.push(PERIOD_COLUMNS[3].vi);
    for row in &mut twice.rows {
        row.push(Some(Cell::Integer(1999)));
    }
    let result = evaluate_long_tables(&twice, Some(&products), &[], &Options::default(), None);
    let places: Vec<(ErrorCode, String)> = result
        .errors
        .iter()
        .map(|e| {
            (
                e.error.code,
                e.place.as_ref().expect("a place").column.clone(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [(ErrorCode::InvalidValue, PERIOD_COLUMNS[3].vi.to_owned())]
    );
    assert_eq!(decided(&result), expected);
}

/// A state workbook headed in Vietnamese: the same decisions, a bad cell placed at its
/// cell under its Vietnamese header; a header no column has and a column's second header
/// are the sheet's problems at their header cell (row, letter, header), and the other
/// columns are read.
#[test]
fn a_vietnamese_state_workbook_places_its_header_problems() {
    use cadre_eval::SheetValue as V;
    let records = example("trung-tam-y-te-2026-nd233.json");
    let (periods, products) = tables(&records);
    let mut periods_sheet = sheet(cadre_eval::PERIODS_SHEET, &periods);
    let mut products_sheet = sheet(cadre_eval::PRODUCTS_SHEET, &products);
    periods_sheet.rows[1] = PERIOD_COLUMNS
        .iter()
        .map(|c| V::Text(c.vi.to_owned()))
        .collect();
    products_sheet.rows[1] = PRODUCT_COLUMNS
        .iter()
        .map(|c| V::Text(c.vi.to_owned()))
        .collect();
    let expected = json_decisions(&records);
    let read = |periods: &cadre_eval::SheetTable| {
        cadre_eval::evaluate_long_sheets(
            periods,
            Some(&products_sheet),
            &Options::default(),
            Some(&quota()),
        )
    };
    let result = read(&periods_sheet);
    assert!(result.rejected.is_empty(), "{:?}", result.rejected);
    assert_eq!(result.decisions.len(), expected.len());
    let general = PERIOD_COLUMNS
        .iter()
        .position(|c| c.name == "periods_general")
        .expect("a column");
    let mut bad = periods_sheet.clone();
    bad.rows[4][general] = V::Text("hai mươi".to_owned());
    let result = read(&bad);
    let error = &result.rejected[0].errors[0];
    assert_eq!(error.cell_reference().as_deref(), Some("Kỳ đánh giá!AC5"));
    assert_eq!(error.header.as_deref(), Some(PERIOD_COLUMNS[general].vi));
    assert_eq!(result.decisions.len(), expected.len() - 1);
    // Two more headers: one no column has, and the year's English header.
    let mut extra = periods_sheet.clone();
    extra.rows[1].push(V::Text("Số con".to_owned()));
    extra.rows[1].push(V::Text("year".to_owned()));
    for row in extra.rows.iter_mut().skip(2) {
        row.push(V::Integer(2));
        row.push(V::Integer(1999));
    }
    let result = read(&extra);
    assert_eq!(result.decisions.len(), expected.len());
    assert_eq!(result.rejected.len(), 1);
    let header = &result.rejected[0];
    assert_eq!(
        (header.sheet.as_deref(), header.row),
        (Some("Kỳ đánh giá"), Some(2))
    );
    let got: Vec<(ErrorCode, Option<&str>, Option<&str>)> = header
        .errors
        .iter()
        .map(|e| (e.code, e.column.as_deref(), e.header.as_deref()))
        .collect();
    let letter = |n: usize| cadre_eval::column_letter(n as u32);
    let (unknown, twice) = (
        letter(PERIOD_COLUMNS.len()),
        letter(PERIOD_COLUMNS.len() + 1),
    );
    assert_eq!(
        got,
        [
            (
                ErrorCode::UnknownField,
                Some(unknown.as_str()),
                Some("Số con")
            ),
            (ErrorCode::InvalidValue, Some(twice.as_str()), Some("year")),
        ]
    );
}
