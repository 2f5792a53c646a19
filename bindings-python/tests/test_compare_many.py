"""Comparisons of many records and of an organisation tree: `compare_many` gives, row by
row, what `compare` gives for each record (as dicts, a DataFrame with
`grades_criteria_*` columns, an Arrow table, with points only and a mapping), reports a
row it cannot read as `evaluate_many` does, and `compare_org` is the CLI's
`compare --org --format json`."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

import cadre_eval
from conftest import EXAMPLES, flatten

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import population  # noqa: E402

CHI_BO = json.loads((EXAMPLES / "chi-bo-2025-compare.json").read_text(encoding="utf-8"))
DANG_BO = EXAMPLES / "dang-bo-xa-2025.json"
ALL_REGIMES = ["qd366", "qd124", "qd132"]


def deciding_rule(decision: dict[str, Any] | None) -> str | None:
    """The rule of a decision record's deciding reason, chosen as
    `DecisionRecord::deciding_reason` (and `Decision.deciding_reason()`) choose it."""
    if decision is None:
        return None
    reasons = decision["reasons"]
    for wanted in (
        lambda r: r["effect"] == "demotes",
        lambda r: r["effect"] == "excludes",
        lambda r: r["effect"] == "decides" and r["level"] == "not_completed",
        lambda r: r["effect"] == "needs_decision",
        lambda r: r["effect"] == "blocks",
        lambda r: r["effect"] == "decides",
    ):
        found = next((r for r in reasons if wanted(r)), None)
        if found is not None:
            rule: str = found["rule"]
            return rule
    return None


def cell(value: Any) -> Any:
    """A frame's cell as a plain value: None for a missing one."""
    return None if value is None or (not isinstance(value, list) and pd.isna(value)) else value


def assert_rows_match_compare(
    frame: pd.DataFrame,
    records: list[dict[str, Any]],
    regimes: list[str] | None = None,
    grades_from_points: cadre_eval.GradeMapping | None = None,
) -> None:
    """Each row of `frame` says what `compare` says of the same record."""
    assert len(frame) == len(records)
    names = regimes or ALL_REGIMES
    assert list(frame.columns) == [
        "id",
        "in_force",
        *[f"level_{r}" for r in names],
        *[f"outcome_{r}" for r in names],
        *[f"deciding_rule_{r}" for r in names],
        *[f"error_{r}" for r in names],
        "levels_agree",
        "differs",
        "error_codes",
        "errors",
    ]
    for (_, row), record in zip(frame.iterrows(), records):
        expected = cadre_eval.compare(record, regimes, grades_from_points)
        assert row["id"] == expected["id"]
        assert cell(row["in_force"]) == expected["in_force"]
        for result, level in zip(expected["results"], expected["levels"]):
            regime = result["regime"]["id"]
            decision = result["decision"]
            assert cell(row[f"level_{regime}"]) == level, (row["id"], regime)
            assert cell(row[f"outcome_{regime}"]) == (decision or {}).get("outcome")
            assert cell(row[f"deciding_rule_{regime}"]) == deciding_rule(decision)
            errors = "; ".join(f"{e['code']} at {e['path']}" for e in result["errors"])
            assert cell(row[f"error_{regime}"]) == (errors or None), (row["id"], regime)
        assert bool(row["levels_agree"]) == expected["levels_agree"]
        assert row["differs"] == [t["topic"] for t in expected["topics"] if t["differs"]]
        assert cell(row["error_codes"]) is None and row["errors"] is None


def test_the_example_chi_bo_as_dicts_row_by_row_as_compare() -> None:
    assert len(CHI_BO) == 17
    frame = cadre_eval.compare_many(CHI_BO)
    assert_rows_match_compare(frame, CHI_BO)
    # The example is worth comparing: the regimes do not all agree on it.
    assert not frame["levels_agree"].all()
    assert frame["level_qd366"].cat.ordered
    assert list(frame["level_qd366"].cat.categories) == [
        "not_completed", "completed", "good", "excellent"
    ]


def test_the_example_chi_bo_as_a_dataframe_and_arrow_with_criterion_columns() -> None:
    flat = pd.DataFrame([flatten(record) for record in CHI_BO], index=range(100, 117))
    assert any(name.startswith("grades_criteria_") for name in flat.columns)
    from_frame = cadre_eval.compare_many(flat)
    assert list(from_frame.index) == list(flat.index)
    assert_rows_match_compare(from_frame, CHI_BO)
    from_dicts = cadre_eval.compare_many(CHI_BO)
    pd.testing.assert_frame_equal(from_frame.reset_index(drop=True), from_dicts)
    from_arrow = cadre_eval.compare_many(pa.Table.from_pandas(flat, preserve_index=False))
    pd.testing.assert_frame_equal(from_arrow, from_dicts)


def test_regimes_in_the_order_asked() -> None:
    frame = cadre_eval.compare_many(CHI_BO, ["qd132", "qd366"])
    assert_rows_match_compare(frame, CHI_BO, ["qd132", "qd366"])
    with pytest.raises(ValueError, match="qd366, qd124, qd132"):
        cadre_eval.compare_many(CHI_BO, ["qd999"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="score_shares"):
        cadre_eval.compare_many(CHI_BO, None, "rounded")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="compare_many takes"):
        cadre_eval.compare_many("[]")  # type: ignore[arg-type]


def points_only(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    stripped = copy.deepcopy(records)
    for record in stripped:
        record.pop("grades", None)
    return stripped


def test_points_only_records_with_and_without_a_mapping() -> None:
    records = points_only(CHI_BO)
    mapped = cadre_eval.compare_many(records, grades_from_points="score_shares")
    assert_rows_match_compare(mapped, records, None, "score_shares")
    assert mapped[[f"error_{r}" for r in ALL_REGIMES]].isna().all().all()
    flat = pd.DataFrame([flatten(record) for record in records])
    assert not any(name.startswith("grades_") for name in flat.columns)
    pd.testing.assert_frame_equal(
        cadre_eval.compare_many(flat, grades_from_points="score_shares"), mapped
    )

    unmapped = cadre_eval.compare_many(records)
    assert_rows_match_compare(unmapped, records)
    # Without a mapping the older regimes report the missing grades in their own column
    # and give no level; QĐ 366 still classifies.
    for regime in ("qd124", "qd132"):
        classified = unmapped["outcome_qd366"] == "classified"
        assert (unmapped.loc[classified, f"error_{regime}"] == "missing_field at /grades").all()
        assert unmapped.loc[classified, f"level_{regime}"].isna().all()
    assert unmapped["level_qd366"].notna().sum() == mapped["level_qd366"].notna().sum()
    assert unmapped["error_codes"].isna().all()


def test_a_row_that_cannot_be_read_is_reported_as_evaluate_many_reports_it() -> None:
    # Points only: `evaluate_many` then finds nothing wrong in the rest of the record
    # (a record with grades is refused by QĐ 366 for them), so both report the same.
    good = points_only(CHI_BO[:3])
    unknown_field = {**points_only(CHI_BO[3:4])[0], "scores": 5}
    records = [good[0], unknown_field, good[1], {"subject": {"kind": "member"}}, good[2]]
    frame = cadre_eval.compare_many(records)
    evaluated = cadre_eval.evaluate_many(records)
    for row in (1, 3):
        with pytest.raises(cadre_eval.AssessmentError) as raised:
            cadre_eval.compare(records[row])
        assert frame.loc[row, "errors"] == [
            {"code": e["code"], "path": e["path"], "message_vi": e["message"]["vi"],
             "message_en": e["message"]["en"]}
            for e in raised.value.errors()
        ]
        assert frame.loc[row, "error_codes"] == evaluated.loc[row, "error_codes"]
        assert frame.loc[row, "errors"] == evaluated.loc[row, "errors"]
        assert cell(frame.loc[row, "id"]) == cell(evaluated.loc[row, "id"])
        assert frame.loc[row, "differs"] is None
        assert pd.isna(frame.loc[row, "levels_agree"])
        assert frame.loc[row, [f"level_{r}" for r in ALL_REGIMES]].isna().all()
        assert frame.loc[row, [f"error_{r}" for r in ALL_REGIMES]].isna().all()
    assert frame.loc[1, "id"] == unknown_field["id"]
    assert "unknown_field" in frame.loc[1, "error_codes"]
    assert_rows_match_compare(frame.iloc[[0, 2, 4]], good)

    # In a table, the row's errors name their column. A grade that is not one is a row
    # the core cannot read; a value it reads but refuses (27.555 points) is each
    # regime's error, as `compare` reports it.
    graded = CHI_BO[:3]
    flat = pd.DataFrame([flatten(record) for record in graded])
    flat["grades_criteria_chinh_tri"] = pd.Categorical(["excellent", "great", "good"])
    flat.loc[2, "score_general"] = 27.555
    from_frame = cadre_eval.compare_many(flat)
    evaluated_frame = cadre_eval.evaluate_many(flat)
    assert from_frame.loc[1, "error_codes"] == evaluated_frame.loc[1, "error_codes"]
    assert from_frame.loc[1, "errors"] == evaluated_frame.loc[1, "errors"]
    assert from_frame.loc[1, "errors"][0]["column"] == "grades_criteria_chinh_tri"
    assert from_frame.loc[1, "id"] == graded[1]["id"]
    refused = {**graded[2], "score": {**graded[2]["score"], "general": 27.555}}
    graded_first = {**graded[0], "grades": {**graded[0]["grades"], "criteria": {
        **graded[0]["grades"]["criteria"], "chinh_tri": "excellent"}}}
    assert_rows_match_compare(from_frame.iloc[[0, 2]], [graded_first, refused])
    assert "too_many_decimals at /score/general" in from_frame.loc[2, "error_qd366"]


def test_no_records_give_an_empty_frame_with_the_columns() -> None:
    columns = list(cadre_eval.compare_many(CHI_BO[:1]).columns)
    assert list(cadre_eval.compare_many([]).columns) == columns
    empty = cadre_eval.compare_many(pd.DataFrame({"id": pd.Series([], dtype=object)}))
    assert len(empty) == 0 and list(empty.columns) == columns


def test_a_table_that_cannot_be_read_raises() -> None:
    with pytest.raises(cadre_eval.AssessmentError) as raised:
        cadre_eval.compare_many(pd.DataFrame({"id": ["a"], "no_such_column": [1]}))
    assert raised.value.errors()[0]["code"] == "unknown_field"
    assert raised.value.errors()[0]["column"] == "no_such_column"


def test_threads_do_not_change_the_result() -> None:
    members = population.members(20_000, seed=124)
    # 20,000 rows over 2 threads: two ranges of 10,000 (the smallest a thread takes).
    one = cadre_eval.compare_many(members, grades_from_points="score_shares", threads=1)
    two = cadre_eval.compare_many(members, grades_from_points="score_shares", threads=2)
    pd.testing.assert_frame_equal(one, two)
    sample = [0, 7_777, 10_000, 19_999]
    records = cadre_eval.compare_many(
        members.iloc[sample], grades_from_points="score_shares", threads=1
    )
    pd.testing.assert_frame_equal(one.iloc[sample], records)


@pytest.fixture(scope="module")
def cli_org_comparison(cli: Path) -> dict[str, Any]:
    done = subprocess.run(
        [str(cli), "compare", "--org", str(DANG_BO), "--grades-from-points", "score_shares",
         "--format", "json"],
        capture_output=True, text=True, check=True,
    )
    parsed: dict[str, Any] = json.loads(done.stdout)
    return parsed


def test_compare_org_of_the_example_dang_bo_is_the_cli_comparison(
    cli_org_comparison: dict[str, Any],
) -> None:
    compared = cadre_eval.compare_org(DANG_BO, grades_from_points="score_shares")
    assert [r["regime"]["id"] for r in compared["regimes"]] == ALL_REGIMES
    for result in compared["regimes"]:
        assert result["total"]["classified"] == 65, result["regime"]["id"]
        assert result["rejected"] == []
    assert compared["changes"] == cli_org_comparison["changes"]
    # The same facts record by record and regime by regime (the messages are the same
    # core's; they are left out so that a CLI built from another revision of the wording
    # still checks the numbers).
    facts = ("id", "unit", "role", "levels", "outcomes", "levels_agree")
    assert [{k: r[k] for k in facts} for r in compared["records"]] == [
        {k: r[k] for k in facts} for r in cli_org_comparison["records"]
    ]
    assert [r["total"] for r in compared["regimes"]] == [
        r["total"] for r in cli_org_comparison["regimes"]
    ]
    text = DANG_BO.read_text(encoding="utf-8")
    assert cadre_eval.compare_org(text, grades_from_points="score_shares") == compared
    assert cadre_eval.compare_org(json.loads(text), grades_from_points="score_shares") == compared


def test_the_records_of_an_org_comparison_as_a_frame() -> None:
    compared = cadre_eval.compare_org(DANG_BO, grades_from_points="score_shares")
    frame = cadre_eval.org_comparison_frame(compared)
    assert list(frame["id"]) == [r["id"] for r in compared["records"]]
    assert list(frame["role"].astype(str)) == [r["role"] for r in compared["records"]]
    for position, regime in enumerate(ALL_REGIMES):
        assert [cell(v) for v in frame[f"level_{regime}"]] == [
            r["levels"][position] for r in compared["records"]
        ]
        assert frame[f"error_{regime}"].isna().all()
    assert frame["level_qd366"].cat.ordered
    # The level changes counted from the frame are the comparison's.
    for change in compared["changes"]:
        both = frame[[f"level_{change['from']}", f"level_{change['to']}"]].dropna()
        before, after = both.iloc[:, 0], both.iloc[:, 1]
        assert (len(both), int((after > before).sum()), int((after < before).sum())) == (
            change["compared"], change["up"], change["down"]
        )
    assert list(frame["differs"]) == [
        [t["topic"] for t in r["differences"]] for r in compared["records"]
    ]


def test_an_org_comparison_without_a_mapping_reports_each_rejected_record() -> None:
    compared = cadre_eval.compare_org(DANG_BO, ["qd366", "qd124"])
    frame = cadre_eval.org_comparison_frame(compared)
    rejected = {e["id"] for e in compared["regimes"][1]["rejected"] if e.get("id")}
    assert rejected
    errors = frame.set_index("id")["error_qd124"]
    assert errors[list(rejected)].str.contains("missing_field at /").all()
    assert frame.loc[frame["id"].isin(rejected), "outcome_qd124"].isna().all()
    assert compared["regimes"][0]["rejected"] == []


def test_compare_org_inputs_it_refuses(tmp_path: Path) -> None:
    lines = tmp_path / "units.jsonl"
    lines.write_text("{}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="JSON Lines"):
        cadre_eval.compare_org(lines)
    with pytest.raises(cadre_eval.AssessmentError):
        cadre_eval.compare_org("[1, 2]")
    with pytest.raises(ValueError, match="at least one regime"):
        cadre_eval.compare_org(DANG_BO, [])
