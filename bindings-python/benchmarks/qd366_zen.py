"""Baseline 2: the same QĐ 366 member rules as ``qd366_pandas`` in a GoRules ZEN decision
graph (``zen-engine`` from PyPI): an expression node derives the facts of each row from
the flat columns (calendar months with ZEN's date functions), and a first-hit decision
table picks the outcome, the level and whether the competent level must decide. Rows
go in as dicts, one ``evaluate`` call each, the way the engine is used from Python.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pyarrow as pa
import zen

_FACTS = {
    "total": "score_general + score_task_results",
    "new": 'subject_admitted_on != null and d(subject_admitted_on).add(6, "month") > d("2025-12-31")',
    "inactive": 'subject_party_status == "exempted" or subject_party_status == "suspended"',
    "conduct": (
        "conclusions_degradation == true or conclusions_prohibition_breach == true"
        " or conclusions_exemplary_breach == true"
        " or (discipline_form != null"
        ' and d(discipline_decided_on) >= d("2025-01-01")'
        ' and d(discipline_decided_on) <= d("2025-12-31")'
        " and discipline_counted_before != true and discipline_duty_related != false)"
    ),
    "tasks_failed": "2 * (tasks_assigned - tasks_completed) > tasks_assigned",
    "excellent_ok": (
        "tasks_on_time == tasks_assigned and 10 * tasks_exceeded >= 3 * tasks_assigned"
        " and (shortcomings_identified == null or shortcomings_fixed >= shortcomings_identified)"
    ),
    "good_ok": "tasks_on_time == tasks_assigned",
    "completed_ok": (
        "tasks_completed == tasks_assigned"
        " and 5 * (tasks_completed - tasks_on_time) <= tasks_assigned"
    ),
    "complaints": "procedure_open_complaints == true",
    "mitigation": "mitigation_self_detected_and_remedied == true",
}

# Input columns of the table (id, field) and its rules, first hit: each rule's cells in
# column order ("" matches anything), then outcome, level, needs_decision.
_INPUTS = [
    ("inactive", "inactive"),
    ("new", "new"),
    ("low", "total < 50"),
    ("tasks_failed", "tasks_failed"),
    ("conduct", "conduct"),
    # A conduct trigger alone, mitigation claimed: the level without it is higher or in
    # the gap, a decision either way (spec §5, "Mitigation").
    ("mitigable", "mitigation"),
    ("excellent", "total >= 90 and excellent_ok"),
    ("good", "total >= 70 and good_ok"),
    ("completed", "completed_ok"),
]
_RULES = [
    (["true", "", "", "", "", "", "", "", ""], '"not_classified"', "null", "false"),
    (["", "true", "", "", "", "", "", "", ""], '"not_classified"', "null", "false"),
    (["", "", "true", "", "", "", "", "", ""], '"classified"', '"not_completed"', "complaints"),
    (["", "", "", "true", "", "", "", "", ""], '"classified"', '"not_completed"', "complaints"),
    (["", "", "", "", "true", "true", "", "", ""], '"classified"', '"not_completed"', "true"),
    (["", "", "", "", "true", "", "", "", ""], '"classified"', '"not_completed"', "complaints"),
    (["", "", "", "", "", "", "true", "", ""], '"classified"', '"excellent"', "complaints"),
    (["", "", "", "", "", "", "", "true", ""], '"classified"', '"good"', "complaints"),
    (["", "", "", "", "", "", "", "", "true"], '"classified"', '"completed"', "complaints"),
    (["", "", "", "", "", "", "", "", ""], '"classified"', '"not_completed"', "true"),
]


def graph() -> dict[str, Any]:
    """The decision graph (JDM): input → facts → table → output."""
    table_inputs = [
        {"id": name, "name": name, "type": "expression", "field": field} for name, field in _INPUTS
    ]
    outputs = [
        {"id": name, "name": name, "type": "expression", "field": name}
        for name in ("outcome", "level", "needs_decision")
    ]
    rules = []
    for index, (cells, outcome, level, needs) in enumerate(_RULES):
        rule: dict[str, str] = {"_id": f"r{index}"}
        rule.update({name: cell for (name, _), cell in zip(_INPUTS, cells)})
        rule.update({"outcome": outcome, "level": level, "needs_decision": needs})
        rules.append(rule)
    return {
        "contentType": "application/vnd.gorules.decision",
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "row", "position": {"x": 0, "y": 0}},
            {
                "id": "facts",
                "type": "expressionNode",
                "name": "facts",
                "position": {"x": 200, "y": 0},
                "content": {
                    "expressions": [
                        {"id": key, "key": key, "value": value} for key, value in _FACTS.items()
                    ],
                    "passThrough": True,
                },
            },
            {
                "id": "table",
                "type": "decisionTableNode",
                "name": "qd366-member",
                "position": {"x": 400, "y": 0},
                "content": {
                    "hitPolicy": "first",
                    "inputs": table_inputs,
                    "outputs": outputs,
                    "rules": rules,
                },
            },
            {"id": "out", "type": "outputNode", "name": "decision", "position": {"x": 600, "y": 0}},
        ],
        "edges": [
            {"id": "e1", "sourceId": "in", "targetId": "facts", "type": "edge"},
            {"id": "e2", "sourceId": "facts", "targetId": "table", "type": "edge"},
            {"id": "e3", "sourceId": "table", "targetId": "out", "type": "edge"},
        ],
    }


def classify(frame: pd.DataFrame) -> pd.DataFrame:
    """Outcome, level and needs-decision of every member of `frame`, one ZEN call per row."""
    decision = zen.ZenEngine().create_decision(json.dumps(graph()))
    # Arrow gives None for missing values (pandas would give NaN).
    rows = pa.Table.from_pandas(frame, preserve_index=False).to_pylist()
    results = [decision.evaluate(row)["result"] for row in rows]
    return pd.DataFrame(
        {
            "id": frame["id"].to_numpy(),
            "outcome": [r.get("outcome") for r in results],
            "level": [r.get("level") for r in results],
            "needs_decision": [bool(r.get("needs_decision")) for r in results],
        },
        index=frame.index,
    )
