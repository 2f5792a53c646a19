"""Worked analysis: the example đảng bộ xã of 2025, evaluated with cadre_eval.

What a party committee's analyst does with the Python package:

1. load the organisation tree (``examples/dang-bo-xa-2025.json``: a đảng bộ xã with four
   chi bộ) and evaluate it in the order of Art. 12.2, with the Excellent quota;
2. show the level distribution of each chi bộ's members (a table and a plot);
3. show what the quota did: each group's ``e_max``, who was moved from Excellent to
   Good and why (the rule's own message), and the ties the competent level must settle;
4. compare the ordinary 20% quota with the 25% the competent level may grant;
5. compare the regimes: the same đảng bộ under QĐ 366, QĐ 124 and QĐ 132
   (``cadre_eval.compare_org``, points mapped to criterion grades by ``score_shares``),
   the level distribution under each, and which records change level and why (the
   first topic on which the regimes' rules settle the record differently).

Run: ``.venv/bin/python docs/examples/analyse_dang_bo.py --out target/python-analysis``
(the test command does). It prints the tables and writes three PNG plots and a Markdown
summary to ``--out``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only, no display

import matplotlib.pyplot as plt
import pandas as pd

import cadre_eval

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "dang-bo-xa-2025.json"
LEVELS = ["excellent", "good", "completed", "not_completed"]
LABELS = {level["id"]: f"{level['vi']} ({level['code']})" for level in cadre_eval.levels()}
COLOURS = {
    "excellent": "#1b7837",
    "good": "#7fbf7b",
    "completed": "#f1a340",
    "not_completed": "#d73027",
    "not classified": "#bababa",
}


def level_distribution(result: cadre_eval.OrgResult) -> pd.DataFrame:
    """Members of each chi bộ by proposed level (after the quota)."""
    members = result.decisions[result.decisions["role"] == "member"]
    names = result.units.set_index("id")["name"]
    level = members["level"].astype(object).where(members["level"].notna(), "not classified")
    table = pd.crosstab(members["unit"].map(names), level)
    return table.reindex(columns=[*LEVELS, "not classified"], fill_value=0)


def plot_distribution(table: pd.DataFrame, path: Path) -> None:
    shares = table.div(table.sum(axis=1), axis=0) * 100
    fig, ax = plt.subplots(figsize=(9, 4.5))
    left = pd.Series(0.0, index=shares.index)
    for column in shares.columns:
        ax.barh(shares.index, shares[column], left=left, color=COLOURS[column],
                label=LABELS.get(column, "Không xếp loại (not classified)"))
        for y, (value, start, count) in enumerate(zip(shares[column], left, table[column])):
            if count:
                ax.text(start + value / 2, y, str(count), ha="center", va="center", fontsize=9)
        left += shares[column]
    ax.set_xlabel("% đảng viên của chi bộ (members of the chi bộ)")
    ax.set_title("Xếp loại đảng viên theo chi bộ, 2025 (sau tỷ lệ HTXSNV)\n"
                 "Members' proposed levels per chi bộ, 2025, after the Excellent quota")
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, fontsize=8, frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def quota_effects(result: cadre_eval.OrgResult) -> pd.DataFrame:
    """Everyone the quota ranked, with what it did and the reason's message."""
    assert result.reasons is not None
    reasons = result.reasons[result.reasons["rule"] == "qd366.11.1.quota"]
    ranked = result.decisions.loc[reasons["row"]]
    return pd.DataFrame(
        {
            "id": ranked["id"].to_numpy(),
            "group": ranked["quota_group"].astype(str).to_numpy(),
            "rank": ranked["quota_rank"].to_numpy(),
            "e_max": ranked["quota_e_max"].to_numpy(),
            "kept_excellent": ~ranked["quota_demoted"].astype(bool).to_numpy(),
            "tied_at_cut": ranked["quota_tied_at_cut"].astype(bool).to_numpy(),
            "message_vi": reasons["message_vi"].to_numpy(),
        }
    )


def one_group_for_members(tree: dict[str, Any], group: str) -> dict[str, Any]:
    """The same tree with every member compared in one quota group (the competent level
    may compare a wider group than the default one chi bộ)."""
    units = [tree]
    while units:
        unit = units.pop()
        for member in unit.get("members", []):
            member["quota_group"] = group
        units.extend(unit.get("units", []))
    return tree


def compare_ratios(at_20: cadre_eval.OrgResult, at_25: cadre_eval.OrgResult) -> pd.DataFrame:
    """Per group with Excellent candidates: how many keep Excellent at 20% and at 25%."""
    columns = ["group", "candidates", "good", "e_max", "demoted", "tied_at_cut"]
    a = at_20.groups[columns].set_index("group")
    b = at_25.groups[columns].set_index("group")
    table = a.merge(b, left_index=True, right_index=True, suffixes=("_20", "_25"))
    table = table[table["candidates_20"] > 0].copy()
    table["excellent_20"] = table["candidates_20"] - table["demoted_20"]
    table["excellent_25"] = table["candidates_25"] - table["demoted_25"]
    return table[["candidates_20", "good_20", "e_max_20", "excellent_20", "e_max_25",
                  "excellent_25", "tied_at_cut_20", "tied_at_cut_25"]]


def plot_comparison(panels: list[tuple[str, pd.DataFrame]], path: Path) -> None:
    fig, axes = plt.subplots(
        1, len(panels), figsize=(11, 4.8), sharey=True,
        gridspec_kw={"width_ratios": [len(t) + 1 for _, t in panels]},
    )
    width = 0.27
    for ax, (title, table) in zip(axes, panels):
        x = list(range(len(table)))
        ax.bar([i - width for i in x], table["candidates_20"], width, color="#bababa",
               label="Đề xuất HTXSNV trước tỷ lệ (candidates)")
        ax.bar(x, table["excellent_20"], width, color="#7fbf7b", label="HTXSNV, tỷ lệ 20%")
        ax.bar([i + width for i in x], table["excellent_25"], width, color="#1b7837",
               label="HTXSNV, tỷ lệ 25%")
        ax.set_xticks(x)
        ax.set_xticklabels([g.replace("/", "/\n") for g in table.index], fontsize=7)
        ax.set_title(title, fontsize=10)
        ax.yaxis.get_major_locator().set_params(integer=True)
    axes[0].set_ylabel("số người (people)")
    axes[0].legend(fontsize=8, frameon=False)
    fig.suptitle("Tỷ lệ Hoàn thành xuất sắc: 20% so với 25% số Hoàn thành tốt\n"
                 "Excellent kept: the 20% quota vs the 25% the competent level may grant")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


REGIME_COLOURS = {"qd366": "#2166ac", "qd124": "#b2182b", "qd132": "#999999"}
CODES = {level["id"]: level["code"] for level in cadre_eval.levels()}


def regime_distribution(compared: dict[str, Any], records: pd.DataFrame) -> pd.DataFrame:
    """Records of the tree by level under each regime (rows: levels, columns: regimes),
    checked against each regime's totals."""
    columns = {}
    for result in compared["regimes"]:
        regime = result["regime"]["id"]
        level = records[f"level_{regime}"].astype(object)
        level = level.where(level.notna(), "not classified")
        counts = level.value_counts().reindex([*LEVELS, "not classified"], fill_value=0)
        total = result["total"]
        assert [int(counts[name]) for name in LEVELS] == [total[name] for name in LEVELS]
        assert int(counts["not classified"]) == total["records"] - total["classified"]
        columns[result["regime"]["document"]] = counts
    return pd.DataFrame(columns)


def plot_regimes(table: pd.DataFrame, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(9, 4.5))
    width = 0.8 / len(table.columns)
    for position, (document, colour) in enumerate(zip(table.columns, REGIME_COLOURS.values())):
        x = [i + (position - (len(table.columns) - 1) / 2) * width for i in range(len(table))]
        bars = ax.bar(x, table[document], width, color=colour, label=document)
        ax.bar_label(bars, fontsize=8)
    ax.set_xticks(range(len(table)))
    ax.set_xticklabels([LABELS.get(level, "Không xếp loại (not classified)").replace(" (", "\n(")
                        for level in table.index], fontsize=8)
    ax.set_ylabel("số hồ sơ (records)")
    ax.set_title("Đảng bộ xã Hòa An 2025 theo ba quy định (điểm quy đổi sang mức: score_shares)\n"
                 "The đảng bộ under each regime, points mapped to grades by score shares")
    ax.legend(frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def level_changes(compared: dict[str, Any], records: pd.DataFrame) -> pd.DataFrame:
    """Every record whose level differs between the regimes, with the first topic on
    which the regimes settle it differently and what each regime's rules did there."""
    regimes = [r["regime"]["id"] for r in compared["regimes"]]
    by_id = {r["id"]: r for r in compared["records"]}
    rows = []
    def code(level: Any) -> str:
        return "—" if pd.isna(level) else CODES[level]

    for _, record in records[records["levels_agree"].eq(False)].iterrows():
        first = by_id[record["id"]]["differences"][0]
        verdicts = ", ".join(
            f"{f['regime']} {f['verdict'].replace('_', ' ')}"
            + (f" {CODES[f['level']]}" if f["verdict"] == "decides" and f["level"] else "")
            for f in first["findings"]
        )
        rows.append({
            "unit": record["unit"],
            "record": record["id"],
            "role": record["role"],
            **{regime: code(record[f"level_{regime}"]) for regime in regimes},
            "first difference": first["title"]["en"],
            "verdicts": verdicts,
        })
    return pd.DataFrame(rows)


def excellent_ids(result: cadre_eval.OrgResult) -> set[str]:
    decisions = result.decisions
    return set(decisions.loc[decisions["level"] == "excellent", "id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "target" / "python-analysis")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    pd.set_option("display.width", 160)
    pd.set_option("display.max_colwidth", 90)

    at_20 = cadre_eval.evaluate_org(EXAMPLE, reasons=True)
    assert not at_20.rejected, at_20.rejected
    print(f"{EXAMPLE.name}: {at_20.total['records']} records in {len(at_20.units)} units\n")
    print(at_20.units[["name", "rating", "subtree_records", "subtree_excellent", "subtree_good",
                       "subtree_completed", "subtree_not_completed", "subtree_not_classified",
                       "subtree_quota_demoted"]].to_string(index=False), "\n")

    distribution = level_distribution(at_20)
    print("Members by level, per chi bộ:\n", distribution.to_string(), "\n", sep="")
    plot_distribution(distribution, out / "levels-per-chi-bo.png")

    effects = quota_effects(at_20)
    effects = effects.sort_values(["group", "rank"])
    print("What the quota did (every Excellent candidate, by group and rank):")
    print(effects.drop(columns="message_vi").to_string(index=False), "\n")
    print("Why, in the rule's own words, for those moved down:")
    for _, row in effects[~effects["kept_excellent"]].iterrows():
        print(f"  {row['id']}: {row['message_vi']}")
    print()

    # The competent level may allow 25% for a unit with outstanding results: grant it
    # to every group to see the most it could change; then compare all the đảng bộ's
    # members in one group, as a competent level comparing wider groups would.
    tree = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    panels = []
    lines = []
    for title, source in [
        ("Nhóm mặc định: mỗi chi bộ\n(default groups: one per chi bộ)", tree),
        ("Một nhóm cho toàn đảng bộ\n(all members in one group)",
         one_group_for_members(json.loads(json.dumps(tree)), "dang-bo-xa-hoa-an/members")),
    ]:
        at_20_here = cadre_eval.evaluate_org(source)
        groups = list(at_20_here.groups["group"])
        at_25_here = cadre_eval.evaluate_org(source, raised_ratio_groups=groups)
        comparison = compare_ratios(at_20_here, at_25_here)
        comparison = comparison[comparison.index.str.endswith("/members")]
        panels.append((title, comparison))
        gained = sorted(excellent_ids(at_25_here) - excellent_ids(at_20_here))
        first_line = title.splitlines()[1]
        lines.append(f"{first_line}: Excellent at 25% but not at 20%: {', '.join(gained) or 'nobody'}")
        print(f"Excellent kept at 20% and at 25%, {first_line}:")
        print(comparison.to_string(), "\n", lines[-1], "\n", sep="")
    plot_comparison(panels, out / "quota-20-vs-25.png")

    # The same đảng bộ under the three regimes. Its records carry QĐ 366 points only:
    # QĐ 124 and QĐ 132 grade criteria, so the points are mapped to grades by each
    # group's share of its maximum (`score_shares`, docs/regimes.md); the whole tree is
    # evaluated under each regime with its derived facts and quota.
    compared = cadre_eval.compare_org(EXAMPLE, grades_from_points="score_shares")
    records = cadre_eval.org_comparison_frame(compared)
    by_regime = regime_distribution(compared, records)
    print("Records by level under each regime (score_shares):")
    print(by_regime.to_string(), "\n")
    plot_regimes(by_regime, out / "levels-per-regime.png")
    changes = level_changes(compared, records)
    print(f"Records whose level differs between the regimes ({len(changes)} of {len(records)}):")
    print(changes.to_string(index=False), "\n")
    pairs = [
        f"{c['from']} → {c['to']}: {c['down'] + c['up']} of {c['compared']} records classified "
        f"under both change level ({c['down']} down, {c['up']} up)"
        for c in compared["changes"]
    ]
    print("\n".join(pairs), "\n")

    summary = out / "summary.md"
    summary.write_text(
        "# Đảng bộ xã Hòa An, 2025: worked analysis\n\n"
        "## Members by level, per chi bộ\n\n```\n" + distribution.to_string() + "\n```\n\n"
        "## What the quota did\n\n```\n" + effects.drop(columns="message_vi").to_string(index=False)
        + "\n```\n\n## 20% vs 25%\n\n" + "\n".join(f"- {line}" for line in lines) + "\n"
        "\n## Under QĐ 366, QĐ 124 and QĐ 132 (score_shares)\n\n```\n" + by_regime.to_string()
        + "\n```\n\nRecords whose level differs:\n\n```\n" + changes.to_string(index=False)
        + "\n```\n\n" + "\n".join(f"- {line}" for line in pairs) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {out / 'levels-per-chi-bo.png'}, {out / 'quota-20-vs-25.png'}, "
          f"{out / 'levels-per-regime.png'}, {summary}")


if __name__ == "__main__":
    main()
