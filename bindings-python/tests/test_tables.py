"""Tables: the same records as a list of dicts, a pandas DataFrame and an Arrow table give
the same decisions; column types a table may hold are read; the reasons table agrees
with the typed decisions; splitting over threads changes nothing."""

from __future__ import annotations

import datetime
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import cadre_eval
from conftest import flatten

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import population  # noqa: E402


def member(record_id: str, **changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": record_id,
        "period": {"year": 2025},
        "subject": {"kind": "member", "admitted_on": "2019-05-19"},
        "score": {"general": 27.5, "task_results": 63},
        "tasks": {"assigned": 12, "completed": 12, "on_time": 12, "exceeded": 4},
    }
    record.update(changes)
    return record


RECORDS = [
    member("a"),
    member("b", score={"general": 29, "task_results": 66}),
    member("c", tasks={"assigned": 10, "completed": 9, "on_time": 9, "exceeded": 0}),
    member("d", discipline=[{"form": "warning", "decided_on": "2025-03-02"}],
           mitigation={"self_detected_and_remedied": True}),
    member("e", subject={"kind": "member", "admitted_on": "2025-08-31"}),
    {"id": "f", "period": {"year": 2025}, "subject": {"kind": "leader"},
     "score": {"general": 28, "task_results": 65},
     "tasks": {"assigned": 8, "completed": 8, "on_time": 8, "exceeded": 3},
     "leader": {"confidence_vote": {"low": 3, "total": 40}}},
    {"id": "g", "period": {"year": 2025},
     "subject": {"kind": "collective", "collective_kind": "leadership"},
     "score": {"general": 27, "task_results": 60},
     "tasks": {"assigned": 20, "completed": 13, "on_time": 13, "exceeded": 2}},
]


def frame_of(records: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame([flatten(r) for r in records])


def test_list_dataframe_and_arrow_give_the_same_decisions() -> None:
    from_list, why_list = cadre_eval.evaluate_many(RECORDS, reasons=True)
    frame = frame_of(RECORDS)
    from_frame, why_frame = cadre_eval.evaluate_many(frame, reasons=True)
    from_arrow, why_arrow = cadre_eval.evaluate_many(
        pa.Table.from_pandas(frame, preserve_index=False), reasons=True
    )
    pd.testing.assert_frame_equal(from_list, from_frame)
    pd.testing.assert_frame_equal(from_list, from_arrow)
    pd.testing.assert_frame_equal(why_list, why_frame)
    pd.testing.assert_frame_equal(why_list, why_arrow)
    typed = [cadre_eval.evaluate(r) for r in RECORDS]
    assert list(from_list["level"].astype(object).where(from_list["level"].notna(), None)) == [
        d.level for d in typed
    ]
    assert [Decimal(str(s)) if not pd.isna(s) else None for s in from_list["score"]] == [
        d.score for d in typed
    ]
    assert list(from_list["alternative_level"].astype(object).where(
        from_list["alternative_level"].notna(), None)) == [
        d.alternatives[0]["level"] if d.alternatives else None for d in typed
    ]


def test_the_reasons_table_is_the_decisions_reasons() -> None:
    decisions, reasons = cadre_eval.evaluate_many(RECORDS, reasons=True)
    for row, record in enumerate(RECORDS):
        decision = cadre_eval.evaluate(record)
        mine = reasons[reasons["row"] == row]
        assert list(mine["id"]) == [record["id"]] * len(decision.reasons)
        assert list(mine["position"]) == list(range(len(decision.reasons)))
        for (_, got), want in zip(mine.iterrows(), decision.reasons):
            assert got["rule"] == want.rule and got["holds"] == want.holds
            assert got["effect"] == want.effect
            assert (None if pd.isna(got["level"]) else got["level"]) == want.level
            assert got["message_vi"] == want.message["vi"]
            assert got["message_en"] == want.message["en"]
            citation = want.citation
            assert got["citation_document"] == citation["document"]
            assert got["citation_article"] == citation["article"]
            assert (None if pd.isna(got["citation_clause"]) else got["citation_clause"]) == citation["clause"]
            assert (None if pd.isna(got["citation_note"]) else got["citation_note"]) == citation.get("note")
            assert got["basis"] == want.basis
        deciding = decision.deciding_reason()
        assert deciding is not None and decisions.loc[row, "deciding_rule"] == deciding.rule
    _, quiet = cadre_eval.evaluate_many(RECORDS, reasons=True, messages=False)
    assert "message_vi" not in quiet.columns
    pd.testing.assert_frame_equal(quiet, reasons.drop(columns=["message_vi", "message_en"]))


def test_output_types_are_for_analysis() -> None:
    frame = cadre_eval.evaluate_many(RECORDS)
    assert list(frame.columns) == [
        "id", "outcome", "level", "score", "band", "needs_decision", "regime",
        "deciding_rule", "alternative_level", "quota_group", "error_codes", "errors",
    ]
    assert frame["level"].dtype == pd.CategoricalDtype(
        ["not_completed", "completed", "good", "excellent"], ordered=True
    )
    assert frame["level"].max() == "excellent" and frame["level"].min() == "not_completed"
    assert str(frame["needs_decision"].dtype) == "boolean"
    assert frame["score"].dtype == np.float64


def test_the_input_index_is_kept() -> None:
    frame = frame_of(RECORDS)
    frame.index = pd.Index([f"row-{i}" for i in range(len(frame))], name="who")
    out = cadre_eval.evaluate_many(frame)
    assert out.index.equals(frame.index)
    assert out.loc["row-1", "level"] == "excellent"


def test_column_types_a_table_may_hold() -> None:
    table = pa.table(
        {
            "id": pa.array([1, 2], pa.int32()),  # ids as numbers are read as text
            "period_year": pa.array([2025, 2025], pa.int16()),
            "subject_kind": pa.array(["member", "member"]).dictionary_encode(),
            "subject_admitted_on": pa.array(
                [datetime.date(2019, 5, 19), datetime.date(2025, 8, 31)], pa.date32()
            ),
            "score_general": pa.array([Decimal("27.55"), Decimal("29")], pa.decimal128(5, 2)),
            "score_task_results": pa.array([63.0, 66.25], pa.float32()),
            "tasks_assigned": pa.array([12, 12], pa.uint8()),
            "tasks_completed": pa.array([12.0, 12.0]),
            "tasks_on_time": pa.array([12, 12]),
            "tasks_exceeded": pa.array([4, 4]),
            "leave_maternity": pa.array([0, 1], pa.int8()),
            "discipline_form": pa.array([None, None], pa.string()),
        }
    )
    out = cadre_eval.evaluate_many(table)
    assert list(out["id"]) == ["1", "2"]
    assert out.loc[0, "score"] == 90.55
    assert out.loc[1, "outcome"] == "not_classified"  # admitted 31 Aug: 6 months end 28 Feb
    assert out["error_codes"].isna().all()


def test_discipline_as_a_list_column_and_as_single_columns() -> None:
    listed = member("x", discipline=[{"form": "reprimand", "decided_on": "2025-02-01",
                                      "duty_related": False},
                                     {"form": "warning", "decided_on": "2024-12-31"}])
    single = flatten(member("y"))
    single.update(discipline_form="reprimand", discipline_decided_on="2025-02-01",
                  discipline_duty_related=True)
    frame = pd.DataFrame([flatten(listed), single, flatten(member("z"))])
    out, reasons = cadre_eval.evaluate_many(frame, reasons=True)
    assert list(out["level"].astype(str)) == [
        cadre_eval.evaluate(listed).level, "not_completed", cadre_eval.evaluate(member("z")).level
    ]
    for row, record in enumerate([listed, single]):
        typed = cadre_eval.evaluate(record if row == 0 else member("y", discipline=[
            {"form": "reprimand", "decided_on": "2025-02-01", "duty_related": True}]))
        assert list(reasons.loc[reasons["row"] == row, "rule"].astype(str)) == [
            r.rule for r in typed.reasons
        ]


def test_exact_points_from_floats_and_too_many_decimals() -> None:
    frame = frame_of([member("a", score={"general": 27.55, "task_results": 62.45}),
                      member("b", score={"general": 27.555, "task_results": 62})])
    out = cadre_eval.evaluate_many(frame)
    assert out.loc[0, "score"] == 90.0 and out.loc[0, "level"] == "excellent"
    assert out.loc[1, "error_codes"] == "too_many_decimals"
    assert out.loc[1, "errors"][0]["column"] == "score_general"


def test_threads_do_not_change_the_result() -> None:
    members = population.members(30_000, seed=7)
    # 30,000 rows over 3 threads: three ranges of 10,000 (the smallest a thread takes).
    one, why_one = cadre_eval.evaluate_many(members, threads=1, reasons=True, quota=True)
    three, why_three = cadre_eval.evaluate_many(members, threads=3, reasons=True, quota=True)
    pd.testing.assert_frame_equal(one, three)
    pd.testing.assert_frame_equal(why_one, why_three)
    assert one.attrs["quota_groups"] == three.attrs["quota_groups"]


def test_a_batch_quota_matches_apply_quota_on_typed_decisions() -> None:
    records = [member(f"m{i}", quota_group="cb", score={"general": 29, "task_results": 60 + i})
               for i in range(8)]
    frame = cadre_eval.evaluate_many(records, quota=True)
    typed, groups = cadre_eval.apply_quota([cadre_eval.evaluate(r) for r in records])
    assert frame.attrs["quota_groups"] == groups
    assert list(frame["level"].astype(str)) == [d.level for d in typed]
    assert list(frame["quota_rank"].astype(object).where(frame["quota_rank"].notna(), None)) == [
        d.quota["rank"] if d.quota else None for d in typed
    ]


def graded(record_id: str, year: int, **changes: Any) -> dict[str, Any]:
    """A member of QĐ 124 (2024) or QĐ 132 (2022), graded by criterion."""
    record: dict[str, Any] = {
        "id": record_id,
        "period": {"year": year},
        "subject": {"kind": "member", "admitted_on": "2010-03-02"},
        "grades": {"criteria": {"politics": "good", "ethics": "excellent"},
                   "task_results": "excellent"},
        "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 5},
    }
    record.update(changes)
    return record


MIXED = [
    member("m-2025"),
    graded("m-2024", 2024),
    graded("m-2022", 2022, civil_service_level="good"),
    graded("m-2022-poor", 2022, grades={"criteria": {"politics": "poor", "study": "good"},
                                        "task_results": "good"}),
    {"id": "lc-2021", "period": {"year": 2021},
     "subject": {"kind": "collective", "collective_kind": "leadership"},
     "grades": {"criteria": {"politics": "excellent"}, "task_results": "excellent"},
     "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 5},
     "collective": {"main_targets_missed": False, "organisation_level": "good"}},
    {"id": "cb-2020", "period": {"year": 2020},
     "subject": {"kind": "collective", "collective_kind": "party_organisation"},
     "grades": {"criteria": {"politics": "excellent"}, "task_results": "excellent"},
     "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 5},
     "collective": {"member_levels": {"excellent": 2, "good": 8},
                    "same_level_bodies_good": True}},
]


def test_a_table_mixes_regimes_with_one_column_per_criterion() -> None:
    typed = [cadre_eval.evaluate(r) for r in MIXED]
    assert [d.regime for d in typed] == ["qd366", "qd124", "qd132", "qd132", "qd132", "qd132"]
    # Each row's own criteria: the others are null in that row.
    frame = frame_of(MIXED)
    assert {"grades_criteria_politics", "grades_criteria_ethics", "grades_criteria_study",
            "collective_member_levels_good", "civil_service_level"} <= set(frame.columns)
    # Flags that default to false may be filled for every row.
    frame["conclusions_disunity"] = False
    from_list, why_list = cadre_eval.evaluate_many(MIXED, reasons=True)
    from_frame, why_frame = cadre_eval.evaluate_many(frame, reasons=True)
    from_arrow, why_arrow = cadre_eval.evaluate_many(
        pa.Table.from_pandas(frame, preserve_index=False), reasons=True
    )
    assert from_list["error_codes"].isna().all(), from_list["errors"].tolist()
    pd.testing.assert_frame_equal(from_list, from_frame)
    pd.testing.assert_frame_equal(from_list, from_arrow)
    pd.testing.assert_frame_equal(why_list, why_frame)
    pd.testing.assert_frame_equal(why_list, why_arrow)
    assert list(from_frame["regime"].astype(str)) == [d.regime for d in typed]
    assert list(from_frame["level"].astype(object).where(from_frame["level"].notna(), None)) == [
        d.level for d in typed
    ]
    # The graded rows are not all alike: the poor criterion decides one of them.
    assert typed[3].level == "not_completed" and typed[1].level != typed[3].level


def test_criterion_columns_may_be_categoricals_and_report_their_own_name() -> None:
    frame = frame_of([graded("a", 2024), graded("b", 2024)])
    frame["grades_criteria_politics"] = pd.Categorical(["good", "great"])
    out = cadre_eval.evaluate_many(frame)
    assert out.loc[0, "level"] == cadre_eval.evaluate(graded("a", 2024)).level
    assert out.loc[1, "error_codes"] == "invalid_value"
    error = out.loc[1, "errors"][0]
    assert error["path"] == "/grades/criteria/politics"
    assert error["column"] == "grades_criteria_politics"
    assert "`grades_criteria_politics`" in error["message_en"]


def test_another_regimes_stated_value_is_a_mismatch_and_null_is_not() -> None:
    rows = [flatten(member("a")), flatten(member("b")), flatten(graded("c", 2024))]
    frame = pd.DataFrame(rows)
    # A flag without a default states something even when false; null says nothing.
    frame["collective_main_targets_missed"] = pd.array([None, None, None], dtype="boolean")
    frame["leader_main_targets_missed"] = pd.array([None, False, None], dtype="boolean")
    out = cadre_eval.evaluate_many(frame)
    assert pd.isna(out.loc[0, "error_codes"]) and pd.isna(out.loc[2, "error_codes"])
    codes = [(e["code"], e["path"], e["column"]) for e in out.loc[1, "errors"]]
    assert ("regime_field_mismatch", "/leader/main_targets_missed",
            "leader_main_targets_missed") in codes
    # Grades under QĐ 366 are a mismatch too, named by the first criterion's column.
    wrong = flatten(member("d"))
    wrong["grades_criteria_politics"] = "good"
    wrong["grades_task_results"] = "good"
    out = cadre_eval.evaluate_many(pd.DataFrame([wrong]))
    assert [(e["code"], e["path"]) for e in out.loc[0, "errors"]] == [
        ("regime_field_mismatch", "/grades")
    ]
    assert out.loc[0, "errors"][0]["column"] == "grades_task_results"


def test_an_empty_table_gives_an_empty_frame_with_the_columns() -> None:
    from_list = cadre_eval.evaluate_many([])
    from_frame = cadre_eval.evaluate_many(pd.DataFrame({"id": pd.Series([], dtype=object)}))
    assert len(from_list) == len(from_frame) == 0
    assert list(from_frame.columns) == list(from_list.columns)
    assert "level" in from_frame.columns and "errors" in from_frame.columns
