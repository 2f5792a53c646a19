//! Spreadsheet limits (issue 16): a file's size, the size a workbook inflates to (a zip
//! bomb), a sheet's rows and cells. Each over its limit is a `TooLarge` error, found
//! before the reader holds what is refused.

#![cfg(test)]

use cadre_eval_sheets::{
    read_file, SheetFileError, MAX_SHEET_CELLS, MAX_SHEET_FILE_BYTES, MAX_SHEET_INFLATED_BYTES,
};
use rust_xlsxwriter::Workbook;
use std::fs::{self, File};
use std::path::PathBuf;

/// A file in a folder of its own, so that tests running at once never share one.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cadre-eval-limits-{}-{name}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Removes a test's files with their folders.
fn clean_up(paths: &[&PathBuf]) {
    for path in paths {
        fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }
}

fn assert_too_large(result: Result<Vec<cadre_eval::SheetTable>, SheetFileError>, what: &str) {
    match result {
        Err(SheetFileError::TooLarge { detail, .. }) => assert!(detail.contains(what), "{detail}"),
        Err(other) => panic!("expected TooLarge ({what}), got {other}"),
        Ok(_) => panic!("expected TooLarge ({what}), read"),
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let path = scratch("big.csv");
    File::create(&path)
        .unwrap()
        .set_len(MAX_SHEET_FILE_BYTES + 1)
        .unwrap();
    assert_too_large(read_file(&path), "bytes");
    clean_up(&[&path]);
}

/// Two cells at A1 and XFD1048576: calamine's dense range would be 17 billion cells.
#[test]
fn an_xlsx_sheet_spanning_too_many_cells_is_refused_before_it_is_held() {
    let path = scratch("far.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "id").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    workbook.save(&path).unwrap();
    assert_too_large(read_file(&path), "cells");
    let wide = scratch("wide.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "id").unwrap();
    let rows = u32::try_from(MAX_SHEET_CELLS / 16_000 + 1).unwrap();
    sheet.write_string(rows, 15_999, "x").unwrap();
    workbook.save(&wide).unwrap();
    assert_too_large(read_file(&wide), "cells");
    clean_up(&[&path, &wide]);
}

#[test]
fn a_csv_file_with_too_many_cells_is_refused() {
    let path = scratch("cells.csv");
    let line = ",".repeat(usize::try_from(MAX_SHEET_CELLS).unwrap());
    fs::write(&path, format!("id\n{line}\n")).unwrap();
    assert_too_large(read_file(&path), "cells");
    clean_up(&[&path]);
}

/// A little-endian zip archive of one deflated entry `name` whose central directory
/// declares `size` inflated bytes (the data is an empty deflate stream: what the
/// header says is what the check reads).
fn zip_declaring(name: &str, size: u32) -> Vec<u8> {
    let data = [0x03_u8, 0x00];
    let mut local = Vec::new();
    local.extend(0x0403_4b50_u32.to_le_bytes());
    local.extend([20, 0, 0, 0, 8, 0, 0, 0, 0, 0]); // version, flags, deflate, time, date
    local.extend(0_u32.to_le_bytes()); // crc
    local.extend(u32::try_from(data.len()).unwrap().to_le_bytes());
    local.extend(size.to_le_bytes());
    local.extend(u16::try_from(name.len()).unwrap().to_le_bytes());
    local.extend(0_u16.to_le_bytes());
    local.extend(name.as_bytes());
    local.extend(data);
    let mut central = Vec::new();
    central.extend(0x0201_4b50_u32.to_le_bytes());
    central.extend([20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
    central.extend(0_u32.to_le_bytes());
    central.extend(u32::try_from(data.len()).unwrap().to_le_bytes());
    central.extend(size.to_le_bytes());
    central.extend(u16::try_from(name.len()).unwrap().to_le_bytes());
    central.extend([0, 0, 0, 0, 0, 0, 0, 0]); // extra, comment, disk, internal attributes
    central.extend(0_u32.to_le_bytes()); // external attributes
    central.extend(0_u32.to_le_bytes()); // local header offset
    central.extend(name.as_bytes());
    let mut end = Vec::new();
    end.extend(0x0605_4b50_u32.to_le_bytes());
    end.extend([0, 0, 0, 0, 1, 0, 1, 0]);
    end.extend(u32::try_from(central.len()).unwrap().to_le_bytes());
    end.extend(u32::try_from(local.len()).unwrap().to_le_bytes());
    end.extend(0_u16.to_le_bytes());
    [local, central, end].concat()
}

/// A zip bomb: a small xlsx whose entry inflates past the limit is refused from its
/// central directory, before calamine inflates anything.
#[test]
fn a_workbook_that_inflates_past_the_limit_is_refused() {
    let path = scratch("bomb.xlsx");
    let size = u32::try_from(MAX_SHEET_INFLATED_BYTES + 1).unwrap();
    fs::write(&path, zip_declaring("xl/sharedStrings.xml", size)).unwrap();
    assert_too_large(read_file(&path), "inflates");
    let ods = scratch("bomb.ods");
    fs::write(&ods, zip_declaring("content.xml", size)).unwrap();
    assert_too_large(read_file(&ods), "inflates");
    // Within the limit the file goes on to calamine (which finds it is no workbook).
    fs::write(&path, zip_declaring("xl/sharedStrings.xml", 1000)).unwrap();
    assert!(matches!(
        read_file(&path),
        Err(SheetFileError::Workbook { .. })
    ));
    clean_up(&[&path, &ods]);
}
