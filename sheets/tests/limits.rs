//! Spreadsheet limits (issue 16): a file's size, the size a workbook inflates to (a zip
//! bomb), a sheet's rows and cells. Each over its limit is a `TooLarge` error, found
//! before the reader holds what is refused.

#![cfg(test)]

use cadre_eval_sheets::{
    read_bytes, read_file, SheetFileError, MAX_SHEET_CELLS, MAX_SHEET_FILE_BYTES,
    MAX_SHEET_INFLATED_BYTES,
};
use rust_xlsxwriter::Workbook;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

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

/// `bytes` (a zip archive) with the inflated size of its entry `name` set to `size`,
/// in its local header and in the central directory, its data left as it is: a header
/// that lies.
fn declare_size(bytes: &[u8], name: &str, size: u32) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(46) {
        let signature = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
        let (size_at, name_length_at, name_at) = match signature {
            0x0403_4b50 => (22, 26, 30),
            0x0201_4b50 => (24, 28, 46),
            _ => continue,
        };
        let length = usize::from(u16::from_le_bytes([
            bytes[at + name_length_at],
            bytes[at + name_length_at + 1],
        ]));
        if bytes.get(at + name_at..at + name_at + length) == Some(name.as_bytes()) {
            bytes[at + size_at..at + size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(
        patched, 2,
        "{name}: a local header and a central directory entry"
    );
    bytes
}

/// A workbook whose sheet inflates to more than its header declares is refused before
/// calamine reads the sheet (calamine's zip reader inflates past the declared size).
#[test]
fn a_zip_entry_that_inflates_past_its_declared_size_is_refused() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for row in 0..2_000 {
        sheet.write_number(row, 0, f64::from(row)).unwrap();
    }
    let honest = workbook.save_to_buffer().unwrap();
    let name = Path::new("liar.xlsx");
    assert_eq!(read_bytes(name, &honest).unwrap()[0].rows.len(), 2_000);
    let lying = declare_size(&honest, "xl/worksheets/sheet1.xml", 100);
    assert_too_large(read_bytes(name, &lying), "its header declares");
    // The same check reads the file's bytes once, as calamine then does.
    let path = scratch("liar.xlsx");
    fs::write(&path, &lying).unwrap();
    assert_too_large(read_file(&path), "its header declares");
    clean_up(&[&path]);
}

/// A stored (not deflated) zip archive of an ods file whose `content.xml` holds `table`
/// (the inside of one `table:table`).
fn ods_with_table(table: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Hồ sơ">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    archive.start_file("mimetype", stored).unwrap();
    archive
        .write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    archive.start_file("META-INF/manifest.xml", stored).unwrap();
    archive
        .write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#)
        .unwrap();
    archive.start_file("content.xml", stored).unwrap();
    archive.write_all(content.as_bytes()).unwrap();
    archive.finish().unwrap().into_inner()
}

const NUMBER_CELL: &str = r#"<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>"#;

/// ods repeats rows and cells by a count: a few bytes can ask calamine for a range of
/// millions of cells, which it builds when the file is opened. They are counted from
/// the XML first.
#[test]
fn an_ods_sheet_spanning_too_many_cells_is_refused_before_calamine_opens_it() {
    let name = Path::new("repeated.ods");
    let small = ods_with_table(&format!(
        r#"<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="2"/>{NUMBER_CELL}</table:table-row>"#
    ));
    let tables = read_bytes(name, &small).unwrap();
    assert_eq!(tables[0].rows.len(), 3);
    assert_eq!(tables[0].first_column, 2);
    // 1,000,000 rows × 5 repeated cells: 5 M cells in the range.
    let spanning = ods_with_table(
        r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="5" office:value-type="float" office:value="1"/></table:table-row>"#,
    );
    assert_too_large(read_bytes(name, &spanning), "cells");
    // Rows whose one cell is far to the right: one column in the range, but calamine
    // holds the empty cells before it while it reads each row.
    let far = format!(
        r#"<table:table-row><table:table-cell table:number-columns-repeated="16000"/>{NUMBER_CELL}</table:table-row>"#
    );
    let held = ods_with_table(&far.repeat(300));
    assert_too_large(read_bytes(name, &held), "while it is read");
    assert_eq!(
        read_bytes(name, &ods_with_table(&far.repeat(3))).unwrap()[0]
            .rows
            .len(),
        3
    );
}
