"""Baseline 1: the QĐ 366 member rules (PL 4, PL 5) written as vectorised pandas, the way
an analyst would without cadre_eval. It reads the same flat columns as
``cadre_eval.evaluate_many`` and gives, per row, the outcome, the level and whether the
competent level must decide; it does not validate its input, explain, or cite.

Rules (``spec/rules-qd366.md``): not classified when exempted, suspended or admitted
less than six calendar months before the evaluation day (§6); Not completed when the
total is under 50, a conduct trigger holds (degradation, a duty-related discipline of
the period not counted before, a must-not-do or exemplary-conduct breach) or more than
half the tasks are not completed (11.4.N); otherwise the highest level whose floor and
conditions hold under the ``cascade`` reading (11.1.N with shortcomings fixed, 11.2.N,
11.3.N), Not completed with a decision needed when none does (§5); a mitigation claim
against a conduct trigger alone needs a decision when the level without it is higher,
or falls in that gap (§5, "Mitigation"); open complaints need a decision.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

YEAR_START = np.datetime64("2025-01-01")
YEAR_END = np.datetime64("2025-12-31")


def _flag(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame:
        return np.zeros(len(frame), dtype=bool)
    return frame[name].fillna(False).to_numpy(dtype=bool)


def _count(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame:
        return np.zeros(len(frame), dtype=np.int64)
    return frame[name].fillna(0).to_numpy(dtype=np.int64)


def classify(frame: pd.DataFrame) -> pd.DataFrame:
    """Outcome, level and needs-decision of every member of `frame` (period: 2025)."""
    n = _count(frame, "tasks_assigned")
    c = _count(frame, "tasks_completed")
    o = _count(frame, "tasks_on_time")
    x = _count(frame, "tasks_exceeded")
    f = n - c
    # Exact hundredths, as the texts require (no float comparisons of totals).
    total = np.rint(frame["score_general"].to_numpy() * 100).astype(np.int64) + np.rint(
        frame["score_task_results"].to_numpy() * 100
    ).astype(np.int64)

    status = frame["subject_party_status"].fillna("active").to_numpy(dtype=object)
    admitted = pd.to_datetime(frame["subject_admitted_on"])
    # Calendar months, month ends clamped (31 Aug + 6 months = 28/29 Feb).
    eligible = (admitted + pd.DateOffset(months=6)).to_numpy()
    new = ~np.isnat(eligible) & (eligible > YEAR_END)
    excluded = (status == "exempted") | (status == "suspended") | new

    decided = pd.to_datetime(frame["discipline_decided_on"]).to_numpy()
    counts = (
        frame["discipline_form"].notna().to_numpy()
        & (decided >= YEAR_START)
        & (decided <= YEAR_END)
        & ~_flag(frame, "discipline_counted_before")
    )
    duty = frame["discipline_duty_related"].fillna(True).to_numpy(dtype=bool)
    conduct = (
        _flag(frame, "conclusions_degradation")
        | (counts & duty)
        | _flag(frame, "conclusions_prohibition_breach")
        | _flag(frame, "conclusions_exemplary_breach")
    )
    low_score = total < 5000
    tasks_failed = 2 * f > n
    triggered = low_score | conduct | tasks_failed

    identified = _count(frame, "shortcomings_identified")
    fixed = _count(frame, "shortcomings_fixed")
    excellent = (total >= 9000) & (o == n) & (10 * x >= 3 * n) & (fixed >= identified)
    good = (total >= 7000) & (o == n)
    completed = (total >= 5000) & (c == n) & (5 * (c - o) <= n)
    # 3 excellent, 2 good, 1 completed, 0 not completed (the cascade reading).
    conditions = np.select([excellent, good, completed], [3, 2, 1], default=0)
    gap = conditions == 0

    level = np.where(triggered, 0, conditions)
    mitigable = (
        conduct & ~low_score & ~tasks_failed & _flag(frame, "mitigation_self_detected_and_remedied")
    )
    # Without the trigger the level is higher, or in the gap: a decision either way.
    needs = (~triggered & gap) | mitigable
    needs |= _flag(frame, "procedure_open_complaints")

    names = np.array(["not_completed", "completed", "good", "excellent"], dtype=object)
    out_level = pd.Categorical.from_codes(
        np.where(excluded, -1, level),
        categories=names,
        ordered=True,
    )
    outcome = np.where(excluded, "not_classified", "classified")
    return pd.DataFrame(
        {
            "id": frame["id"].to_numpy(),
            "outcome": pd.Categorical(outcome),
            "level": out_level,
            "needs_decision": np.where(excluded, False, needs),
        },
        index=frame.index,
    )
