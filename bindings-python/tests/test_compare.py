"""Comparisons: every vector of vectors/compare through `cadre_eval.compare`, checked as
`core/tests/compare_vectors.rs` checks it, and the comparison's agreement with
`evaluate` under each regime."""

from __future__ import annotations

from typing import Any

import pytest

import cadre_eval
from conftest import load

COMPARISONS = load("compare", "comparisons")
ALL_REGIMES = ["qd366", "qd124", "qd132"]


def test_the_comparison_vectors_are_there() -> None:
    assert len(COMPARISONS) >= 5
    assert any(v.get("options", {}).get("grades_from_points") for _, v in COMPARISONS)
    assert any(v.get("options", {}).get("regimes") for _, v in COMPARISONS)


@pytest.mark.parametrize(("file", "vector"), COMPARISONS, ids=[v["name"] for _, v in COMPARISONS])
def test_each_comparison_vector(file: str, vector: dict[str, Any]) -> None:
    options = vector.get("options", {})
    comparison = cadre_eval.compare(
        vector["input"], options.get("regimes"), options.get("grades_from_points")
    )
    expect = vector["expect"]
    regimes = options.get("regimes", ALL_REGIMES)
    if "in_force" in expect:
        assert comparison["in_force"] == expect["in_force"]
    assert [r["regime"]["id"] for r in comparison["results"]] == regimes
    for result, level in zip(comparison["results"], comparison["levels"]):
        regime = result["regime"]["id"]
        assert level == expect["levels"][regime], regime
        decision = result["decision"]
        assert (decision or {}).get("level") == level, regime
        errors = [{"code": e["code"], "path": e["path"]} for e in result["errors"]]
        assert errors == expect.get("errors", {}).get(regime, []), regime
        if regime in expect.get("selected", {}):
            assert result["regime"]["selected"] == expect["selected"][regime]
        if decision is not None:
            assert decision["regime_info"]["selected"] == result["regime"]["selected"]
        assert result["mapped_grades"] == expect.get("mapped_grades", {}).get(regime), regime
    assert comparison["levels_agree"] == expect["levels_agree"]
    differs = {t["topic"] for t in comparison["topics"] if t["differs"]}
    assert differs == set(expect["differs"])
    for topic in comparison["topics"]:
        if topic["differs"]:
            assert [r["regime"] for r in topic["rules"]] == regimes
            assert [f["regime"] for f in topic["findings"]] == [
                r["regime"]["id"] for r in comparison["results"] if r["decision"] is not None
            ]


def test_the_regime_in_force_agrees_with_evaluate() -> None:
    for _, vector in COMPARISONS:
        comparison = cadre_eval.compare(vector["input"])
        for result in comparison["results"]:
            if result["regime"]["selected"] != "period" or result["decision"] is None:
                continue
            # Under the regime in force, a record with no other regime's fields is
            # evaluated as `evaluate` does; with them, `evaluate` refuses them.
            try:
                alone = cadre_eval.evaluate(vector["input"])
            except cadre_eval.AssessmentError as error:
                assert {e["code"] for e in error.errors()} == {"regime_field_mismatch"}
                continue
            assert alone.level == result["decision"]["level"]
            assert alone.regime == result["regime"]["id"]


def test_options_are_checked_and_a_regime_named_twice_is_compared_once() -> None:
    _, vector = COMPARISONS[0]
    twice = cadre_eval.compare(vector["input"], ["qd124", "qd124", "qd366"])
    assert [r["regime"]["id"] for r in twice["results"]] == ["qd124", "qd366"]
    assert cadre_eval.compare(vector["input"], iter(["qd124", "qd366"])) == twice
    with pytest.raises(ValueError, match="at least one regime"):
        cadre_eval.compare(vector["input"], [])
    with pytest.raises(ValueError, match="qd366, qd124, qd132"):
        cadre_eval.compare(vector["input"], ["qd999"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="score_shares"):
        cadre_eval.compare(vector["input"], None, "rounded")  # type: ignore[arg-type]
    with pytest.raises(cadre_eval.AssessmentError) as raised:
        cadre_eval.compare({"id": "x"})
    assert {e["code"] for e in raised.value.errors()} == {"missing_field"}
