"""State records as long tables (design §16): the 2026 examples turned into a periods
table and a products table evaluate to the levels and scores of their JSON records."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import cadre_eval

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

PERSON = {
    "id": "/id", "period_year": "/period/year", "as_of": "/as_of",
    "subject_kind": "/subject/kind", "subject_employment": "/subject/employment",
    "agency": "/agency", "quota_group": "/quota_group",
    "leave_months_worked": "/leave/months_worked", "leave_months_absent": "/leave/months_absent",
    "leave_kind": "/leave/kind", "leader_headed_level": "/leader/headed_level",
    "discipline_form": "/discipline/0/form", "discipline_kind": "/discipline/0/kind",
    "discipline_decided_on": "/discipline/0/decided_on",
}
PERIOD = {
    "periods_no_work": "/no_work", "periods_general": "/general",
    "periods_task_results": "/task_results",
    "periods_unit_staff_not_completed": "/unit/staff_not_completed",
    "periods_unit_prolonged_delays": "/unit/prolonged_delays",
}
PRODUCT = {
    "label": "/label", "weight": "/weight", "done": "/done",
    "quality_failures": "/quality_failures", "delays": "/delays",
}


def at(value: Any, path: str) -> Any:
    for part in path.strip("/").split("/"):
        if isinstance(value, list):
            value = value[int(part)] if len(value) > int(part) else None
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    return value


def tables(records: list[dict[str, Any]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    periods, products = [], []
    for record in records:
        if record.get("rating") != "state":
            continue
        for period in record["periods"]:
            key = "periods_month" if "month" in period else "periods_quarter"
            row = {name: at(record, path) for name, path in PERSON.items()}
            row[key] = period.get("month") or period.get("quarter")
            row.update({name: at(period, path) for name, path in PERIOD.items()})
            periods.append(row)
            for product in period.get("products", []):
                item = {"id": record["id"], key: row[key]}
                item.update({name: at(product, path) for name, path in PRODUCT.items()})
                products.append(item)
    return pd.DataFrame(periods), pd.DataFrame(products)


def examples() -> list[str]:
    return ["trung-tam-y-te-2026-nd233.json", "vu-ke-hoach-tai-chinh-2026-pair.json"]


@pytest.mark.parametrize("name", examples())
def test_the_2026_examples_as_tables_decide_as_their_json(name: str) -> None:
    records = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    states = [r for r in records if r.get("rating") == "state"]
    periods, products = tables(records)
    frame = cadre_eval.evaluate_many(periods, products=products)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["id"]) == [r["id"] for r in states]
    assert frame["error_codes"].isna().all(), frame["errors"].dropna().tolist()
    for record, (_, row) in zip(states, frame.iterrows()):
        decision = cadre_eval.evaluate(record)
        level = None if pd.isna(row["level"]) else row["level"]
        assert level == decision.level, record["id"]
        if decision.score is None:
            assert pd.isna(row["score"])
        else:
            assert Decimal(str(row["score"])) == decision.score, record["id"]
        state = decision.state
        assert state is not None
        def value(name: str) -> Any:
            return None if pd.isna(row[name]) else row[name]

        assert value("mean") == state.get("mean"), record["id"]
        assert value("periods_counted") == state.get("periods_counted"), record["id"]
        assert row["periods_listed"] == len(state["periods"])


def test_periods_reasons_party_and_quota() -> None:
    records = json.loads(
        (EXAMPLES / "vu-ke-hoach-tai-chinh-2026-pair.json").read_text(encoding="utf-8")
    )
    periods, products = tables(records)
    party_records = [r for r in records if r.get("rating") != "state"]
    party = party_records
    result = cadre_eval.evaluate_many(
        periods, products=products, party=party, periods=True, reasons=True, quota=True
    )
    assert isinstance(result, tuple)
    state, per_period, why, party_frame = result
    assert len(per_period) == len(periods)
    assert set(per_period["id"]) == set(state["id"])
    assert why["values"].map(lambda v: isinstance(json.loads(v), dict)).all()
    assert state["quota_rank"].notna().any()
    paired = party_frame.merge(state, on="id", suffixes=("", "_state"))
    assert len(paired) > 0
    assert (paired["state_level"] == paired["level_state"]).all()


def test_bad_cells_name_their_table_row_and_column() -> None:
    periods = pd.DataFrame({
        "id": ["a", "a", "b"],
        "period_year": [2026, 2026, 2026],
        "subject_kind": ["member", "member", "member"],
        "subject_employment": ["cong_chuc", "cong_chuc", "cong_chuc"],
        "agency": ["x", "y", "x"],
        "periods_quarter": [1, 2, 1],
        "periods_general": [27.5, 27.5, 27.555],
        "periods_task_results": [60.0, 61.0, 62.0],
    })
    products = pd.DataFrame({
        "id": ["c"], "periods_quarter": [1], "weight": [1.0], "done": [True],
    })
    frame = cadre_eval.evaluate_many(periods, products=products)
    assert isinstance(frame, pd.DataFrame)
    a, b = frame.iloc[0], frame.iloc[1]
    assert a["error_codes"] == "conflict"
    assert (a["errors"][0]["table"], a["errors"][0]["row"], a["errors"][0]["column"]) == (
        "periods", 1, "agency"
    )
    assert b["error_codes"] == "too_many_decimals"
    assert (b["errors"][0]["row"], b["errors"][0]["column"]) == (2, "periods_general")
    orphan = frame.attrs["table_errors"][0]
    assert (orphan["table"], orphan["row"], orphan["column"]) == (
        "products", 0, "periods_quarter"
    )


def test_a_flat_party_table_pairs_with_the_state_person_of_its_id() -> None:
    periods = pd.DataFrame({
        "id": ["a", "a"],
        "period_year": [2026, 2026],
        "subject_kind": ["member", "member"],
        "subject_employment": ["Công chức", "Công chức"],
        "periods_quarter": [1, 2],
        "periods_general": [27.5, 28.0],
        "periods_task_results": [60.0, 61.5],
    })
    party = pd.DataFrame({
        "id": ["a", "b"], "period_year": [2026, 2026], "subject_kind": ["member", "member"],
        "score_general": [27.0, 27.0], "score_task_results": [62.0, 62.0],
        "tasks_assigned": [10, 10], "tasks_completed": [10, 10],
        "tasks_on_time": [10, 10], "tasks_exceeded": [1, 1],
    })
    result = cadre_eval.evaluate_many(periods, party=party)
    assert isinstance(result, tuple)
    state, party_frame = result
    assert state["error_codes"].isna().all(), state["errors"].tolist()
    assert list(party_frame["id"]) == ["a", "b"]
    assert party_frame.loc[0, "state_level"] == state.loc[0, "level"]
    assert party_frame.loc[0, "state_source"] == "computed"
    assert pd.isna(party_frame.loc[1, "state_level"])
