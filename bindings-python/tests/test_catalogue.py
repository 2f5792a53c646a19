"""The catalogues the package exposes, and the column documentation in its README."""

from __future__ import annotations

from pathlib import Path

import cadre_eval


def test_every_flat_column_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Flat columns", 1)[1].split("\n## ", 1)[0]
    rows = {line.split("|")[1].strip().strip("`"): line for line in section.splitlines()
            if line.startswith("| `")}
    columns = cadre_eval.columns()
    assert len(columns) >= 50

    def documented(column: cadre_eval.ColumnInfo) -> str:
        # A family of columns is documented by its pattern: `grades_criteria_<id>`.
        return column["name"] if column["prefix"] is None else f"{column['prefix']}<id>"

    for column in columns:
        name = documented(column)
        assert name in rows, name
        assert f"`{column['path']}`" in rows[name]
        assert column["description"] in rows[name]
        assert all(f"`{choice}`" in rows[name] for choice in column["choices"])
    assert set(rows) == {documented(c) for c in columns}
    assert [c["prefix"] for c in columns if c["prefix"]] == ["grades_criteria_"]


def test_columns_are_paths_with_underscores() -> None:
    for column in cadre_eval.columns():
        expected = column["path"].lstrip("/").replace("/*/", "_").replace("/", "_")
        assert column["name"] == expected


def test_rules_levels_and_regimes() -> None:
    rules = {r["id"]: r for r in cadre_eval.rules()}
    assert rules["qd366.11.1.N"]["document"] == "366-QĐ/TW"
    assert rules["qd366.11.1.N"]["article"] == "11" and rules["qd366.11.1.N"]["clause"] == "1"
    assert rules["qd366.reading.cascade_gap"]["basis"] == "reading"
    # QĐ 366 Art. 11's notes are cited as notes (ghi chú), not as a clause.
    assert rules["qd366.7.discipline"]["clause"] is None and rules["qd366.7.discipline"]["note"] == "2–3"
    assert rules["qd366.7.own_discipline"]["note"] == "1" and rules["qd366.7.own_discipline"]["basis"] == "reading"
    assert rules["qd366.11.1.N"]["note"] is None
    levels = cadre_eval.levels()
    assert [level["id"] for level in levels] == ["not_completed", "completed", "good", "excellent"]
    assert levels[-1]["vi"] == "Hoàn thành xuất sắc nhiệm vụ"
    regimes = {r["id"]: r for r in cadre_eval.regimes()}
    assert regimes["qd366"]["in_force_from"] == "2025-08-30"
    assert regimes["qd124"]["in_force_until"] == "2025-08-29"
    assert regimes["qd366"]["title"]["en"].startswith("Regulation 366-QĐ/TW")
