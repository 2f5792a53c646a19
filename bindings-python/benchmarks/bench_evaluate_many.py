"""Benchmark: ``cadre_eval.evaluate_many`` on a one-million-row DataFrame of members
against two baselines measured in the same run on the same rows: the QĐ 366 member rules
as vectorised pandas (``qd366_pandas``) and as a ZEN decision table (``qd366_zen``).

    .venv/bin/python bindings-python/benchmarks/bench_evaluate_many.py [--rows N]
        [--zen-rows N] [--repeat K] [--json FILE]

Every timing starts from the same pandas DataFrame and ends with a pandas result (so
each includes its own conversions). Reports the best of ``--repeat`` runs (ZEN: one
run), rows per second, and ratios; checks first that all three agree on every row.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

import cadre_eval
import population
import qd366_pandas
import qd366_zen


def timed(work: Callable[[], Any], repeat: int) -> tuple[float, list[float], Any]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), times, result


def plain(series: pd.Series) -> list[object]:
    return list(series.astype(object).where(series.notna(), None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--zen-rows", type=int, default=None, help="default: --rows")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    zen_rows = args.zen_rows or args.rows

    frame = population.members(args.rows)
    print(f"{args.rows:,} members, {frame.shape[1]} columns; Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")

    # Same answers first.
    ours = cadre_eval.evaluate_many(frame)
    vectorised = qd366_pandas.classify(frame)
    assert plain(ours["level"]) == plain(vectorised["level"])
    assert list(ours["needs_decision"].astype(bool)) == list(vectorised["needs_decision"])

    results: dict[str, dict[str, Any]] = {}

    def record(name: str, rows: int, best: float, times: list[float]) -> None:
        results[name] = {"rows": rows, "best_s": best, "median_s": statistics.median(times),
                         "rows_per_s": rows / best}
        print(f"  {name:42} best {best:7.3f} s  median {statistics.median(times):7.3f} s  "
              f"{rows / best:>12,.0f} rows/s")

    cases: list[tuple[str, Callable[[], Any]]] = [
        ("cadre_eval: levels (all cores)", lambda: cadre_eval.evaluate_many(frame)),
        ("cadre_eval: levels (1 thread)", lambda: cadre_eval.evaluate_many(frame, threads=1)),
        ("cadre_eval: levels + reasons, no text", lambda: cadre_eval.evaluate_many(
            frame, reasons=True, messages=False)),
        ("cadre_eval: levels + reasons + messages vi/en", lambda: cadre_eval.evaluate_many(
            frame, reasons=True)),
        ("cadre_eval: + quota over the batch", lambda: cadre_eval.evaluate_many(
            frame, quota=True)),
        ("pandas, vectorised (baseline)", lambda: qd366_pandas.classify(frame)),
    ]
    for name, work in cases:
        best, times, _ = timed(work, args.repeat)
        record(name, args.rows, best, times)
        if name.startswith("cadre_eval: levels + reasons, no text"):
            _, why = work()
            results[name]["reason_rows"] = len(why)

    zen_frame = frame.iloc[:zen_rows]
    best, times, table = timed(lambda: qd366_zen.classify(zen_frame), 1)
    assert plain(table["level"]) == plain(ours["level"].iloc[:zen_rows])
    assert list(table["needs_decision"]) == list(ours["needs_decision"].iloc[:zen_rows].astype(bool))
    record("zen-engine decision table (baseline)", zen_rows, best, times)

    ours_rate = results["cadre_eval: levels (all cores)"]["rows_per_s"]
    print()
    for name, figures in results.items():
        figures["vs_pandas"] = figures["rows_per_s"] / results["pandas, vectorised (baseline)"]["rows_per_s"]
        figures["vs_zen"] = figures["rows_per_s"] / results["zen-engine decision table (baseline)"]["rows_per_s"]
        print(f"  {name:42} {figures['vs_pandas']:6.2f}x pandas  {figures['vs_zen']:8.1f}x zen")
    print(f"\nlevels: {ours_rate / results['pandas, vectorised (baseline)']['rows_per_s']:.2f}x "
          f"the pandas baseline, {ours_rate / results['zen-engine decision table (baseline)']['rows_per_s']:.0f}x zen-engine")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"rows": args.rows, "results": results}, indent=2))


if __name__ == "__main__":
    main()
