#!/usr/bin/env python3
"""Checks a results workbook as LibreOffice read it against the JSON results.

    check-office-export.py DECISIONS.json CSV_BASE
    check-office-export.py --org ORG_OUTPUT.json CSV_BASE

DECISIONS.json is what `cadre-eval evaluate … --quota` prints (an array of decisions);
with --org, what `cadre-eval org … --format json` prints (its `records` and `report`).
CSV_BASE is the base name LibreOffice gave the sheets it exported (`soffice
--convert-to csv:…:…,-1`): CSV_BASE-<sheet>.csv. The test command's office stage runs
this (scripts/test.sh --only office); it uses the standard library only.

Checked: every decision's row on the sheet `Kết quả` (id, level code, score, needs
decision, deciding rule; a state record's rating and periods counted/listed), the total
row of the summary `Tổng hợp` (records, classified, each level, Good or better, not
classified, needs decision, quota demotions) and its state row when there are state
records, and for a tree the total against the report's own figures.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

CODES = {"excellent": "HTXSNV", "good": "HTTNV", "completed": "HTNV", "not_completed": "KHTNV"}


def sheet(base: str, name: str) -> list[list[str]]:
    path = Path(f"{base}-{name}.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def rows_after(table: list[list[str]], first_cell: str) -> list[list[str]]:
    """The rows under the header row whose first cell is `first_cell`."""
    for index, row in enumerate(table):
        if row and row[0] == first_cell:
            return table[index + 1 :]
    raise SystemExit(f"no header row starting with {first_cell!r}")


def fail(problems: list[str]) -> None:
    for problem in problems:
        print(f"check-office-export: {problem}", file=sys.stderr)
    raise SystemExit(1)


def check_decisions(decisions: list[dict[str, Any]], base: str) -> None:
    table = rows_after(sheet(base, "Kết quả"), "STT")
    header = sheet(base, "Kết quả")
    names = next(row for row in header if row and row[0] == "STT")
    at = {name: names.index(name) for name in names}
    problems = []
    by_id = {row[at["Mã hồ sơ"]]: row for row in table if len(row) > at["Mã hồ sơ"]}
    if len(by_id) != len(decisions):
        problems.append(f"{len(by_id)} rows on the sheet Kết quả, {len(decisions)} decisions")
    for decision in decisions:
        row = by_id.get(decision["id"])
        if row is None:
            problems.append(f"{decision['id']}: no row")
            continue
        level = decision["level"] if decision["outcome"] == "classified" else None
        want = {
            "Mã mức": CODES.get(level, "KXL" if decision["outcome"] == "not_classified" else ""),
            "Cần cấp có thẩm quyền quyết định": "Có" if decision["needs_decision"] else "",
        }
        for column, value in want.items():
            if row[at[column]] != value:
                problems.append(f"{decision['id']}: {column} {row[at[column]]!r}, JSON says {value!r}")
        state = decision.get("state")
        if decision.get("rating") == "state" and state is not None:
            counted = sum(1 for period in state["periods"] if period["counted"])
            periods = f"{counted}/{len(state['periods'])}"
            for column, value in (("Đánh giá", "Nhà nước"), ("Kỳ tính điểm / kỳ đã khai", periods)):
                if row[at[column]] != value:
                    problems.append(f"{decision['id']}: {column} {row[at[column]]!r}, JSON says {value!r}")
        score = decision["score"]
        shown = row[at["Điểm"]]
        if (score is None) != (shown == "") or (score is not None and float(shown) != float(score)):
            problems.append(f"{decision['id']}: score {shown!r}, JSON says {score!r}")
    if problems:
        fail(problems)


def counts(decisions: list[dict[str, Any]]) -> dict[str, int]:
    classified = [d for d in decisions if d["outcome"] == "classified" and d["level"]]
    level = {name: sum(1 for d in classified if d["level"] == name) for name in CODES}
    return {
        "records": len(decisions),
        "classified": len(classified),
        **level,
        "good_or_better": level["excellent"] + level["good"],
        "not_classified": sum(1 for d in decisions if d["outcome"] == "not_classified"),
        "needs_decision": sum(1 for d in decisions if d["needs_decision"]),
        "quota_demoted": sum(1 for d in decisions if (d.get("quota") or {}).get("demoted")),
    }


SUMMARY_COLUMNS = {
    "records": 2,
    "classified": 3,
    "excellent": 4,
    "good": 6,
    "completed": 8,
    "not_completed": 10,
    "good_or_better": 12,
    "not_classified": 14,
    "needs_decision": 15,
    "quota_demoted": 16,
}


def check_summary(decisions: list[dict[str, Any]], base: str, report: dict[str, Any] | None) -> None:
    table = sheet(base, "Tổng hợp")
    total = next(row for row in table if len(row) > 1 and row[1] == "Tổng số hồ sơ")
    state = [d for d in decisions if d.get("rating") == "state"]
    if state:
        label = "Cán bộ, công chức, viên chức (Nhà nước)"
        row = next((row for row in table if len(row) > 1 and row[1].strip() == label), None)
        if row is None:
            fail([f"summary: no row {label!r} for {len(state)} state records"])
        else:
            want = counts(state)
            problems = [
                f"summary state {name}: {row[column]}, JSON says {want[name]}"
                for name, column in SUMMARY_COLUMNS.items()
                if int(row[column]) != want[name]
            ]
            if problems:
                fail(problems)
    shown = {name: int(total[column]) for name, column in SUMMARY_COLUMNS.items()}
    want = counts(decisions)
    problems = [f"summary {name}: {shown[name]}, JSON says {want[name]}" for name in want if shown[name] != want[name]]
    if report is not None:
        figures = report["total"]
        for name in SUMMARY_COLUMNS:
            value = figures["excellent"] + figures["good"] if name == "good_or_better" else figures[name]
            if shown[name] != value:
                problems.append(f"summary {name}: {shown[name]}, the report says {value}")
        share = figures["shares"]["good_or_better"]["percent"].replace(".", ",")
        if total[13] != share:
            problems.append(f"summary Good or better share {total[13]!r}, the report says {share!r}")
    if problems:
        fail(problems)


def main(argv: list[str]) -> None:
    org = argv[:1] == ["--org"]
    if org:
        argv = argv[1:]
    if len(argv) != 2:
        raise SystemExit(__doc__)
    results = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    if org:
        decisions = [record["decision"] for record in results["records"]]
        report = results["report"]
    else:
        decisions, report = results, None
    check_decisions(decisions, argv[1])
    check_summary(decisions, argv[1], report)
    rejected = sheet(argv[1], "Bị từ chối")
    if not any("Không có" in cell for row in rejected for cell in row):
        fail(["the sheet Bị từ chối lists rows, the JSON has none"])
    print(f"check-office-export: {len(decisions)} decisions and the summary agree with the JSON ({argv[1]})")


if __name__ == "__main__":
    main(sys.argv[1:])
