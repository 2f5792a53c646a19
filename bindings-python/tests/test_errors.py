"""Errors cross as data: one exception type, a ValueError, with every problem's stable
code, JSON path and messages; a batch reports its bad rows and evaluates the rest."""

from __future__ import annotations

import pickle

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
