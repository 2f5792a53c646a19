"""A small run of the benchmark's code: the binding and both baselines (vectorised pandas,
a ZEN decision table) agree on every row of a synthetic population, so the benchmark
compares implementations of the same rules."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import cadre_eval

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import population  # noqa: E402
import qd366_pandas  # noqa: E402


def plain(series: pd.Series) -> list[object]:
    return list(series.astype(object).where(series.notna(), None))


def test_the_three_implementations_agree() -> None:
    members = population.members(3_000, seed=11)
    ours = cadre_eval.evaluate_many(members)
    assert ours["error_codes"].isna().all()
    # The population exercises every branch the baselines implement.
    assert set(plain(ours["level"])) == {None, "excellent", "good", "completed", "not_completed"}
    assert ours["needs_decision"].sum() > 0
    vectorised = qd366_pandas.classify(members)
    assert plain(vectorised["level"]) == plain(ours["level"])
    assert list(vectorised["outcome"].astype(str)) == list(ours["outcome"].astype(str))
    assert list(vectorised["needs_decision"]) == list(ours["needs_decision"].astype(bool))
    zen = pytest.importorskip("zen")
    assert zen is not None
    import qd366_zen  # noqa: E402

    table = qd366_zen.classify(members.iloc[:500])
    assert plain(table["level"]) == plain(ours["level"].iloc[:500])
    assert list(table["needs_decision"]) == list(ours["needs_decision"].iloc[:500].astype(bool))
