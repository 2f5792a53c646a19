"""Spreadsheets from Python: a template written and read back with pandas evaluates as
its records; the results workbook is the one the command-line tool writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import pytest

import cadre_eval

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CODES = {"excellent": "HTXSNV", "good": "HTTNV", "completed": "HTNV", "not_completed": "KHTNV"}


def load(name: str) -> Any:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", ["chi-bo-2025.json", "chi-bo-2024.json", "chi-bo-2022.json"])
def test_a_frame_read_from_a_filled_template_evaluates_as_its_records(
    example: str, tmp_path: Path
) -> None:
    records = load(example)
    path = tmp_path / "mau.xlsx"
    cadre_eval.write_template(path, records)
    frame = pd.read_excel(path, sheet_name="Hồ sơ")
    assert frame.columns[0] == "Mã hồ sơ"
    from_sheet = cadre_eval.evaluate_many(frame, quota=True)
    from_records = cadre_eval.evaluate_many(records, quota=True)
    columns = ["id", "outcome", "level", "score", "regime", "deciding_rule", "quota_demoted"]
    pd.testing.assert_frame_equal(from_sheet[columns], from_records[columns])
    assert from_sheet["error_codes"].isna().all()


def test_a_bad_cell_of_a_template_is_reported_at_its_column(tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    cadre_eval.write_template(path, load("chi-bo-2025.json"))
    frame = pd.read_excel(path, sheet_name="Hồ sơ")
    frame.loc[1, "Đối tượng"] = "Đảng viên dự bị"
    out = cadre_eval.evaluate_many(frame)
    assert out.loc[1, "error_codes"] == "invalid_value"
    assert out.loc[1, "errors"][0]["column"] == "subject_kind"
    assert out["level"].notna().sum() == 15  # the others, but the one not classified


def letter(position: int) -> str:
    """A spreadsheet's column letters, from 0."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@pytest.mark.parametrize(
    "vector", sorted((EXAMPLES.parent / "vectors" / "sheets").glob("*.json")), ids=lambda p: p.stem
)
def test_the_spreadsheet_vectors_read_with_pandas_as_in_rust(vector: Path) -> None:
    """`vectors/sheets/`: each CSV file read by pandas as text (its separator the one
    its header holds most of, its byte-order mark dropped) gives the levels and the
    rejected cells the Rust runner finds."""
    expected = json.loads(vector.read_text(encoding="utf-8"))
    file = vector.parent / expected["file"]
    header = file.read_text(encoding="utf-8-sig").splitlines()[0]
    # The separator the header line holds most of, as the Rust reader takes it.
    separator = max([",", ";", "\t"], key=header.count)
    frame = pd.read_csv(
        file,
        sep=separator,
        encoding="utf-8-sig",
        dtype=str,
        keep_default_na=False,
        na_values=[""],
    )
    out = cadre_eval.evaluate_many(frame, quota=expected["quota"])
    levels = {
        row.id: None if pd.isna(row.level) else str(row.level)
        for row in out.itertuples()
        if pd.isna(row.error_codes)
    }
    assert levels == expected["levels"]
    at = {cadre_eval._native.sheet_column(h): letter(i) for i, h in enumerate(frame.columns)}
    rejected = [
        {"row": int(position) + 2, "column": at[e["column"]], "code": e["code"], "path": e["path"]}
        for position, errors in enumerate(out["errors"])
        if isinstance(errors, list)
        for e in errors
    ]
    assert rejected == expected["rejected"]


def test_an_empty_template_has_the_columns_of_its_kinds_and_regime(tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    cadre_eval.write_template(path, kinds=["leader"], regime="qd132", english=True)
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets)[:2] == ["Records", "Hướng dẫn"]
    headers = list(sheets["Records"].columns)
    assert headers[:3] == ["Record id", "Name", "Year"]
    assert "Level of the collective headed" in headers
    assert "Criterion: chinh_tri" in headers
    assert "General criteria points (max 30)" not in headers


@pytest.mark.parametrize("regime", ["nd335", "nd233"])
def test_a_state_template_has_the_long_tables_sheets_and_headers(
    regime: Literal["nd335", "nd233"], tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "mau-nha-nuoc.xlsx"
    cadre_eval.write_template(path, regime=regime)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Kỳ đánh giá", "Sản phẩm", "Hướng dẫn"]
    periods = [cell.value for cell in book["Kỳ đánh giá"][1]]
    products = [cell.value for cell in book["Sản phẩm"][1]]
    assert periods[:4] == ["Mã hồ sơ", "Loại đánh giá", "Quy định áp dụng", "Năm đánh giá"]
    assert {"Tháng", "Quý", "Điểm tiêu chí chung (tối đa 30)"} <= set(periods)
    assert products[:3] == ["Mã hồ sơ", "Tháng", "Quý"]
    note = book["Kỳ đánh giá"]["A1"].comment.text
    assert note.startswith("Record id\nid · /id")
    degradation = book["Kỳ đánh giá"].cell(1, periods.index("Kết luận suy thoái") + 1)
    article = "Điều 20, khoản 4.b" if regime == "nd335" else "Điều 12, khoản 4.b"
    assert article in degradation.comment.text
    assert book["Kỳ đánh giá"].max_row == 1
    frame = pd.read_excel(path, sheet_name="Kỳ đánh giá")
    assert list(frame.columns) == periods and frame.empty


def test_a_state_template_filled_from_records_reads_back_as_their_decisions(
    tmp_path: Path,
) -> None:
    records = load("trung-tam-y-te-2026-nd233.json")
    path = tmp_path / "nha-nuoc.xlsx"
    cadre_eval.write_template(path, records, regime="nd233")
    periods = pd.read_excel(path, sheet_name="Kỳ đánh giá")
    products = pd.read_excel(path, sheet_name="Sản phẩm")
    assert "Điểm tiêu chí chung (tối đa 30)" in periods.columns
    from_sheets = cadre_eval.evaluate_many(periods, products=products)
    from_json = cadre_eval.evaluate_many(records)
    assert len(from_sheets) == 10
    columns = ["id", "outcome", "level", "score", "needs_decision"]
    got = from_sheets[columns].reset_index(drop=True)
    want = from_json[columns].reset_index(drop=True)
    assert got.astype(object).where(got.notna(), None).values.tolist() == want.astype(
        object
    ).where(want.notna(), None).values.tolist()


def test_a_state_template_takes_records_only(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no state record"):
        cadre_eval.write_template(tmp_path / "m.xlsx", [{"id": "a"}], regime="nd335")
    with pytest.raises(ValueError, match="records only"):
        cadre_eval.write_template(tmp_path / "m.xlsx", kinds=["member"], regime="nd335")
    assert not (tmp_path / "m.xlsx").exists()
    with pytest.raises(ValueError, match="regime must be one of"):
        cadre_eval.write_template(tmp_path / "m.xlsx", regime="nd999")  # type: ignore[arg-type]


def test_the_results_workbook_holds_the_decisions_and_the_summary(tmp_path: Path) -> None:
    records = load("chi-bo-2025.json")
    path = tmp_path / "ket-qua.xlsx"
    cadre_eval.write_workbook(path, records, quota=True)
    sheets = pd.read_excel(path, sheet_name=None, header=None)
    assert list(sheets) == ["Tổng hợp", "Kết quả", "Lý do", "Bị từ chối"]
    shown = pd.read_excel(path, sheet_name="Kết quả", header=3)
    expected = cadre_eval.evaluate_many(records, quota=True)
    codes = {
        row.id: CODES.get(str(row.level), "KXL")
        for row in expected.itertuples()
    }
    assert dict(zip(shown["Mã hồ sơ"], shown["Mã mức"])) == codes
    summary = sheets["Tổng hợp"]
    total = summary[summary[1] == "Tổng số hồ sơ"].iloc[0]
    assert (int(total[2]), int(total[3]), int(total[4]), int(total[6])) == (17, 16, 2, 11)


def test_a_tree_writes_its_summary_per_unit(tmp_path: Path) -> None:
    path = tmp_path / "ket-qua.xlsx"
    cadre_eval.write_workbook(path, tree=EXAMPLES / "dang-bo-xa-2025.json")
    report = cadre_eval.evaluate_org(EXAMPLES / "dang-bo-xa-2025.json").report
    summary = pd.read_excel(path, sheet_name="Tổng hợp", header=None)
    total = summary[summary[1] == "Tổng số hồ sơ"].iloc[0]
    figures = report["total"]
    assert [int(total[i]) for i in (2, 3, 4, 6, 8, 10, 16)] == [
        figures[name]
        for name in (
            "records",
            "classified",
            "excellent",
            "good",
            "completed",
            "not_completed",
            "quota_demoted",
        )
    ]
    names = set(summary[1].dropna().str.strip())
    assert {"Chi bộ thôn Đông", "Chi bộ Trạm Y tế xã Hòa An"} <= names


def test_write_workbook_takes_records_or_a_tree() -> None:
    with pytest.raises(TypeError):
        cadre_eval.write_workbook("x.xlsx")
    assert cadre_eval._native.sheet_column("Số nhiệm vụ vượt mức") == "tasks_exceeded"
    assert cadre_eval._native.sheet_column("Tiêu chí: dao_duc") == "grades_criteria_dao_duc"
    assert cadre_eval._native.sheet_column("Số con") is None
