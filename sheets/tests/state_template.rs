//! The state workbook template (ND 335, ND 233): written, read back, its two sheets
//! carry exactly the headers the core's two-table reader reads, and an empty template
//! evaluates to nothing and no error.

#![cfg(test)]

use cadre_eval::{
    evaluate_long_sheets, Options, SheetValue, PERIODS_SHEET, PERIOD_COLUMNS, PRODUCTS_SHEET,
    PRODUCT_COLUMNS,
};
use cadre_eval_sheets::{read_file, write_state_template};

#[test]
fn the_state_template_reads_back_as_the_two_tables() {
    let dir =
        std::env::temp_dir().join(format!("cadre-eval-state-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("mau-nha-nuoc.xlsx");
    write_state_template(&path).unwrap();
    let sheets = read_file(&path).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let headers = |name: &str| -> Vec<String> {
        let sheet = sheets.iter().find(|s| s.name == name).unwrap();
        sheet.rows[0]
            .iter()
            .map(|v| match v {
                SheetValue::Text(t) => t.clone(),
                other => panic!("header {other:?}"),
            })
            .collect()
    };
    let names = |columns: &[cadre_eval::LongColumn]| -> Vec<String> {
        columns.iter().map(|c| c.name.to_owned()).collect()
    };
    assert_eq!(headers(PERIODS_SHEET), names(PERIOD_COLUMNS));
    assert_eq!(headers(PRODUCTS_SHEET), names(PRODUCT_COLUMNS));
    let periods = sheets.iter().find(|s| s.name == PERIODS_SHEET).unwrap();
    let products = sheets.iter().find(|s| s.name == PRODUCTS_SHEET);
    let evaluated = evaluate_long_sheets(periods, products, &Options::default(), None);
    assert!(evaluated.decisions.is_empty());
    assert!(evaluated.rejected.is_empty(), "{:?}", evaluated.rejected);
}
