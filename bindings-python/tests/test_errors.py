"""Errors cross as data: one exception type, a ValueError, with every problem's stable
code, JSON path and messages; a batch reports its bad rows and evaluates the rest."""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import cadre_eval


def test_one_exception_type_with_every_problem() -> None:
    record = {
        "id": "x",
        "perod": 1,
        "period": {"year": 2025},
        "subject": {"kind": "member", "centrally_managed": True},
        "score": {"general": 30.5, "task_results": 70.001},
        "tasks": {"assigned": 5, "completed": 6, "on_time": 6, "exceeded": 0},
    }
    with pytest.raises(cadre_eval.AssessmentError) as raised:
        cadre_eval.evaluate(record)
    error = raised.value
    assert isinstance(error, ValueError)
    # Every problem at once: the unknown field together with the values' problems.
    assert error.codes() == [
        "unknown_field", "not_applicable", "out_of_range", "too_many_decimals", "inconsistent_counts"
    ]
    record.pop("perod")
    with pytest.raises(cadre_eval.AssessmentError) as raised:
        cadre_eval.evaluate(record)
    details = raised.value.errors()
    assert [(e["code"], e["path"]) for e in details] == [
        ("not_applicable", "/subject/centrally_managed"),
        ("out_of_range", "/score/general"),
        ("too_many_decimals", "/score/task_results"),
        ("inconsistent_counts", "/tasks/completed"),
    ]
    for detail in details:
        assert set(detail) == {"code", "path", "message"}
        assert detail["message"]["vi"] and detail["message"]["en"]
        assert detail["code"] in cadre_eval.error_codes()
    assert str(raised.value).startswith("4 problems: not_applicable at `/subject/centrally_managed`")
    # `errors()` is a copy, and the exception survives pickling (multiprocessing).
    details[0]["code"] = "changed"
    assert raised.value.errors()[0]["code"] == "not_applicable"
    again = pickle.loads(pickle.dumps(raised.value))
    assert isinstance(again, cadre_eval.AssessmentError) and again.errors() == raised.value.errors()


def test_json_text_and_bad_json() -> None:
    with pytest.raises(cadre_eval.AssessmentError) as raised:
        cadre_eval.evaluate("{not json")
    assert raised.value.codes() == ["invalid_json"]
    assert raised.value.errors()[0]["path"] == ""


def test_error_codes_are_the_stable_list() -> None:
    codes = cadre_eval.error_codes()
    assert len(codes) == len(set(codes)) >= 15
    assert {"unknown_field", "out_of_range", "too_many_decimals", "conflict"} <= set(codes)


def test_a_batch_reports_bad_rows_by_index_and_id_and_evaluates_the_rest() -> None:
    frame = pd.DataFrame(
        {
            "id": ["ok-1", "bad-kind", None, "bad-counts", "ok-2"],
            "period_year": [2025] * 5,
            "subject_kind": ["member", "boss", "member", "member", "member"],
            "score_general": [27.0, 27.0, 27.0, 27.0, 28.0],
            "score_task_results": [60.0, 60.0, 60.0, 60.0, 62.0],
            "tasks_assigned": [10, 10, 10, 10, 10],
            "tasks_completed": [10, 10, 10, 11, 10],
            "tasks_on_time": [10, 10, 10, 10, 10],
            "tasks_exceeded": [1, 1, 1, 1, 1],
        },
        index=[10, 11, 12, 13, 14],
    )
    out = cadre_eval.evaluate_many(frame)
    assert list(out.index) == [10, 11, 12, 13, 14]
    assert list(out["level"].astype(object).where(out["level"].notna(), None)) == [
        "good", None, None, None, "good"
    ]
    bad = out[out["error_codes"].notna()]
    assert list(bad.index) == [11, 12, 13]
    assert list(bad["id"].astype(object).where(bad["id"].notna(), None)) == [
        "bad-kind", None, "bad-counts"
    ]
    assert list(bad["error_codes"]) == ["invalid_value", "missing_field", "inconsistent_counts"]
    first = bad.loc[11, "errors"][0]
    assert first["code"] == "invalid_value" and first["path"] == "/subject/kind"
    assert first["column"] == "subject_kind"
    assert "boss" in first["message_en"] and first["message_vi"]
    assert bad.loc[12, "errors"][0]["column"] == "id"
    assert bad.loc[13, "errors"][0]["column"] == "tasks_completed"
    assert out.loc[10, "errors"] is None


def test_a_table_that_cannot_be_read_raises_once_with_every_column() -> None:
    frame = pd.DataFrame({"id": ["a"], "tasks_ontime": [1], "subject_knd": ["member"]})
    with pytest.raises(cadre_eval.AssessmentError) as raised:
        cadre_eval.evaluate_many(frame)
    assert [(e["code"], e["path"]) for e in raised.value.errors()] == [
        ("unknown_field", "/tasks_ontime"),
        ("unknown_field", "/subject_knd"),
    ]
    mixed = pd.DataFrame({"id": ["a", 1.5], "subject_kind": ["member", "member"]})
    with pytest.raises(cadre_eval.AssessmentError) as raised:
        cadre_eval.evaluate_many(mixed)
    assert raised.value.codes() == ["invalid_type"] and raised.value.errors()[0]["column"] == "id"
    nested = pa.table({"id": ["a"], "subject_kind": ["member"], "score_general": [[1, 2]]})
    with pytest.raises(cadre_eval.AssessmentError) as raised:
        cadre_eval.evaluate_many(nested)
    assert raised.value.codes() == ["invalid_type"]


def test_bad_options_and_inputs_are_python_errors() -> None:
    with pytest.raises(ValueError, match="reading must be one of cascade, strict"):
        cadre_eval.evaluate_many([], reading="lenient")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cadre_eval.evaluate_many(42)  # type: ignore[arg-type]
    assert len(cadre_eval.evaluate_many([])) == 0


def test_an_organisation_tree_that_is_not_a_unit() -> None:
    with pytest.raises(cadre_eval.AssessmentError) as raised:
        cadre_eval.evaluate_org("[1, 2]")
    assert raised.value.codes()


_RECORD = {
    "id": "dv-1",
    "period": {"year": 2025},
    "subject": {"kind": "member", "admitted_on": "2019-05-19"},
    "score": {"general": 27.5, "task_results": 63},
    "tasks": {"assigned": 12, "completed": 12, "on_time": 12, "exceeded": 4},
}


def test_a_nan_in_a_list_of_dicts_rejects_only_its_row() -> None:
    # Issue 16, defect 10: the NaN made the whole batch "not a JSON array".
    bad = dict(_RECORD, id="dv-2", score={"general": float("nan"), "task_results": 63})
    out = cadre_eval.evaluate_many([_RECORD, bad])
    assert out.loc[0, "level"] == "excellent" and out.loc[0, "errors"] is None
    errors = out.loc[1, "errors"]
    assert [(e["code"], e["path"]) for e in errors] == [("invalid_type", "/score/general")]
    with pytest.raises(cadre_eval.AssessmentError) as raised:
        cadre_eval.evaluate(bad)
    assert [e["path"] for e in raised.value.errors()] == ["/score/general"]


def _flat(assigned: Any) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a", "b"],
            "period_year": [2025, 2025],
            "subject_kind": ["member", "member"],
            "score_general": [27.5, 27.5],
            "score_task_results": [63.0, 63.0],
            "tasks_assigned": assigned,
            "tasks_completed": [12, 12],
            "tasks_on_time": [12, 12],
            "tasks_exceeded": [4, 4],
        }
    )


def test_a_uint64_beyond_int64_rejects_only_its_row() -> None:
    # Issue 16, defect 10: 2**64 - 1 in a uint64 column refused the whole table.
    out = cadre_eval.evaluate_many(_flat(np.array([12, 2**64 - 1], dtype=np.uint64)))
    assert out.loc[0, "level"] == "excellent" and out.loc[0, "errors"] is None
    errors = out.loc[1, "errors"]
    assert len(errors) == 1 and errors[0]["column"] == "tasks_assigned"
    assert errors[0]["path"] == "/tasks/assigned"
    fits = cadre_eval.evaluate_many(_flat(np.array([12, 12], dtype=np.uint64)))
    assert list(fits["level"]) == ["excellent", "excellent"]


def test_duplicate_column_names_are_an_error_naming_the_column() -> None:
    # Issue 16, defect 10: a bare `KeyError: 0`.
    frame = _flat([12, 12])
    frame.insert(2, "period_year_again", frame["period_year"])
    frame.columns = [c if c != "period_year_again" else "period_year" for c in frame.columns]
    arrow = pa.Table.from_arrays(
        [pa.array(frame.iloc[:, i]) for i in range(frame.shape[1])], names=list(frame.columns)
    )
    for table in (frame, arrow):
        with pytest.raises(cadre_eval.AssessmentError) as raised:
            cadre_eval.evaluate_many(table)
        errors = raised.value.errors()
        assert [(e["code"], e["column"]) for e in errors] == [("invalid_type", "period_year")]
