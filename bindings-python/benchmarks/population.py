"""A deterministic synthetic population of party members (QĐ 366, PL 4 and PL 5) as a
DataFrame of flat columns, for the benchmark and its smoke test.

Realistic mixes: most totals 70–95 points, some with halves and hundredths; task
counts consistent; a few percent newly admitted (some on the six-month boundary),
exempted, suspended, with shortcomings, discipline (in and outside the period, not tied
to duties, counted before), conclusions, mitigation claims and open complaints.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

YEAR = 2025


def members(rows: int, seed: int = 366) -> pd.DataFrame:
    """`rows` members of the 2025 period."""
    rng = np.random.default_rng(seed)

    def chance(p: float) -> np.ndarray:
        return rng.random(rows) < p

    general = np.round(rng.normal(26.0, 2.5, rows).clip(5, 30) * 2) / 2
    quarter = chance(0.2)
    task_results = np.round(rng.normal(60.0, 6.0, rows).clip(10, 70) * 4) / 4
    task_results = np.where(quarter, task_results, np.round(task_results))
    assigned = rng.integers(4, 21, rows)
    unfinished = np.where(chance(0.06), rng.integers(1, 4, rows), 0)
    completed = np.maximum(assigned - unfinished, 0)
    late = np.where(chance(0.08), rng.integers(1, 4, rows), 0)
    on_time = np.maximum(completed - late, 0)
    exceeded = np.minimum(rng.binomial(assigned, 0.25), on_time)

    admitted_days = rng.integers(0, 40 * 365, rows)
    admitted = pd.Timestamp(f"{YEAR}-12-31") - pd.to_timedelta(admitted_days, unit="D")
    recent = chance(0.02)
    recent_days = rng.integers(0, 240, rows)
    admitted = admitted.where(
        ~recent, pd.Timestamp(f"{YEAR}-12-31") - pd.to_timedelta(recent_days, unit="D")
    )
    status = np.full(rows, "active", dtype=object)
    status[chance(0.01)] = "exempted"
    status[chance(0.005)] = "suspended"

    identified = np.where(chance(0.05), rng.integers(1, 4, rows), 0)
    fixed = np.minimum(identified, rng.integers(0, 4, rows))
    has_shortcomings = identified > 0

    disciplined = chance(0.02)
    decided = pd.Timestamp(f"{YEAR - 1}-06-01") + pd.to_timedelta(
        rng.integers(0, 540, rows), unit="D"
    )
    forms = rng.choice(np.array(["reprimand", "warning", "removal"], dtype=object), rows)
    duty = np.where(chance(0.7), True, False)
    counted = chance(0.1)

    frame = pd.DataFrame(
        {
            "id": [f"dv-{i:07d}" for i in range(rows)],
            "period_year": np.full(rows, YEAR),
            "subject_kind": np.full(rows, "member", dtype=object),
            "subject_in_political_system": ~chance(0.2),
            "subject_party_status": status,
            "subject_admitted_on": admitted.strftime("%Y-%m-%d"),
            "score_general": general,
            "score_task_results": task_results,
            "tasks_assigned": assigned,
            "tasks_completed": completed,
            "tasks_on_time": on_time,
            "tasks_exceeded": exceeded,
            "shortcomings_identified": pd.Series(identified, dtype="Int64").where(
                has_shortcomings, pd.NA
            ),
            "shortcomings_fixed": pd.Series(fixed, dtype="Int64").where(
                has_shortcomings, pd.NA
            ),
            "discipline_form": pd.Series(forms).where(disciplined, None),
            "discipline_decided_on": pd.Series(decided.strftime("%Y-%m-%d")).where(
                disciplined, None
            ),
            "discipline_duty_related": pd.Series(duty, dtype="boolean").where(
                disciplined, pd.NA
            ),
            "discipline_counted_before": counted & disciplined,
            "conclusions_degradation": chance(0.003),
            "conclusions_prohibition_breach": chance(0.003),
            "conclusions_exemplary_breach": chance(0.005),
            "mitigation_self_detected_and_remedied": chance(0.01),
            "procedure_open_complaints": chance(0.005),
        }
    )
    return frame
