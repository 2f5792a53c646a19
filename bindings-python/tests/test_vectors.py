"""Every shared test vector through the binding, checked as the Rust harness checks it
(`core/tests/vectors.rs`, `core/tests/org_vectors.rs`): single records of every regime
(every folder of vectors/ but the other kinds: `qd366`, `qd124`, `qd132`, `regimes`, …)
through `evaluate`, and the same records as a list, a pandas DataFrame and an Arrow
table through `evaluate_many`; quota groups through `apply_quota` and
`evaluate_many(quota=True)`; organisation trees through `evaluate_org`, nested and as
unit lines."""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

import cadre_eval
from conftest import EXAMPLES, OTHER_KINDS, VECTORS, flatten, load, load_shared, shared_files

SINGLE = load_shared("vectors")
# Organisation trees, and the trees holding state records (vectors/state/org).
TREES = load("org", "trees") + load("state/org", "trees")
STATE_OPTIONS = {"state_cap", "rounding", "leader_components"}


def state_side(vector: dict[str, Any]) -> bool:
    """A vector of the state regimes (``docs/state-regimes.md``): a state record, a party
    record reading a state rating, or a state option. Single records run through
    ``evaluate``; state group vectors through ``evaluate_many`` over a list of dicts
    (one call of the pair form, both quotas) and, where their state records have
    periods, over the long tables (``test_each_state_group_vector_through_long_tables``)."""
    records = [vector["input"]] if "input" in vector else vector["inputs"] + [vector.get("template", {})]
    return bool(STATE_OPTIONS & set(vector.get("options", {}))) or any(
        isinstance(r, dict) and (r.get("rating") == "state" or "state_rating" in r)
        for r in records
    )


GROUPS = [(f, v) for f, v in load_shared("groups") if not state_side(v)]
STATE_GROUPS = [(f, v) for f, v in load_shared("groups") if state_side(v)]
PARTY_SINGLE = [(f, v) for f, v in SINGLE if not state_side(v)]
DECISION_VECTORS = [(f, v) for f, v in PARTY_SINGLE if "errors" not in v["expect"]]


def record_only(record: dict[str, Any]) -> bool:
    """Uses a part of the contract that has no flat columns (items keyed by id):
    per-item points under a criteria profile, or conduct checklist answers."""
    score = record.get("score", {})
    return "conduct" in record or "items" in score or "profile" in score


# Vectors whose records have flat columns: every decision vector but those.
FLAT_VECTORS = [(f, v) for f, v in DECISION_VECTORS if not record_only(v["input"])]
ERROR_VECTORS = [(f, v) for f, v in PARTY_SINGLE if "errors" in v["expect"]]


def test_the_vectors_are_all_there() -> None:
    assert len(SINGLE) >= 60 and len(DECISION_VECTORS) >= 60 and ERROR_VECTORS
    assert len(FLAT_VECTORS) >= 100
    assert GROUPS and len(TREES) >= 10
    assert len(STATE_GROUPS) >= 19
    names = [v["name"] for _, v in SINGLE]
    assert len(names) == len(set(names))
    # Every folder of single-record or group vectors is run, whatever its name.
    folders = {p.name for p in VECTORS.iterdir() if p.is_dir()} - OTHER_KINDS
    run = {name.split("/")[0] for name, _ in SINGLE + GROUPS + STATE_GROUPS}
    assert run == folders and {"qd366", "groups"} <= run
    assert {f.relative_to(VECTORS).parts[0] for f in shared_files()} == folders


def test_records_of_every_regime_are_run() -> None:
    regimes = {cadre_eval.evaluate(v["input"], **options(v)).regime for _, v in DECISION_VECTORS}
    assert regimes == {"qd366", "qd124", "qd132"}
    state = {
        cadre_eval.evaluate(v["input"], **options(v)).regime
        for _, v in SINGLE
        if state_side(v) and "errors" not in v["expect"] and v["input"].get("rating") == "state"
    }
    assert state == {"nd90", "nd335", "nd233", None}
    # Graded records go through tables too, with one column per criterion.
    graded = [v for _, v in FLAT_VECTORS if "grades" in v["input"]]
    assert len(graded) >= 20
    assert all(
        any(c.startswith("grades_criteria_") for c in flatten(v["input"])) for v in graded
    )


def options(vector: dict[str, Any]) -> dict[str, Any]:
    return dict(vector.get("options", {}))


def exact(value: Any) -> Fraction | None:
    """An exact number: ``"n/d"``, ``"n"``, a decimal, never through a float."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, Decimal)):
        return Fraction(value)
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    try:
        return Fraction(str(value))
    except ValueError:
        return None


def agrees(got: Any, wanted: Any) -> bool:
    """Equal, or equal as exact numbers (the Rust harness's `agrees`)."""
    if got == wanted and type(got) is type(wanted):
        return True
    a, b = exact(got), exact(wanted)
    return a is not None and a == b


def reason_matches(reason: cadre_eval.Reason, wanted: dict[str, Any]) -> bool:
    for key, value in wanted.items():
        if key == "document":
            if reason.citation["document"] != value:
                return False
        elif key == "values":
            have = reason.values
            if not all(k in have and agrees(have[k], v) for k, v in value.items()):
                return False
        elif getattr(reason, key) != value:
            return False
    return True


def check_state(decision: cadre_eval.Decision, expect: dict[str, Any]) -> list[str]:
    """The state keys: regime, score, mean, periods."""
    problems = []
    if "regime" in expect and decision.regime != expect["regime"]:
        problems.append(f"regime {decision.regime} != {expect['regime']}")
    if "score" in expect:
        got, wanted = decision.score, expect["score"]
        if (got is None) != (wanted is None) or (got is not None and not agrees(got, wanted)):
            problems.append(f"score {got} != {wanted}")
    state = decision.state or {}
    if "mean" in expect and not agrees(state.get("mean"), expect["mean"]):
        problems.append(f"mean {state.get('mean')} != {expect['mean']}")
    if "periods" in expect:
        got_periods = state.get("periods", [])
        if len(got_periods) != len(expect["periods"]):
            problems.append(f"{len(got_periods)} periods != {len(expect['periods'])}")
        for index, (got, wanted) in enumerate(zip(got_periods, expect["periods"])):
            for key, value in wanted.items():
                if not agrees(got.get(key), value):
                    problems.append(f"periods[{index}].{key} {got.get(key)} != {value}")
    return problems


def check_decision(decision: cadre_eval.Decision, expect: dict[str, Any]) -> list[str]:
    """The Rust harness's checks, on a typed decision."""
    problems = check_state(decision, expect)
    if decision.outcome != expect["outcome"]:
        problems.append(f"outcome {decision.outcome} != {expect['outcome']}")
    if decision.level != expect["level"]:
        problems.append(f"level {decision.level} != {expect['level']}")
    if decision.needs_decision != expect["needs_decision"]:
        problems.append(f"needs_decision {decision.needs_decision}")
    if "band" in expect and decision.band != expect["band"]:
        problems.append(f"band {decision.band} != {expect['band']}")
    rules = [r.rule for r in decision.reasons]
    assert expect["rules"], "a decision vector names at least one rule"
    problems += [f"rule {r} missing from {rules}" for r in expect["rules"] if r not in rules]
    problems += [f"rule {r} must not appear" for r in expect.get("absent_rules", []) if r in rules]
    for wanted in expect.get("reasons", []):
        if not any(reason_matches(reason, wanted) for reason in decision.reasons):
            problems.append(f"no reason matching {wanted}")
    if "alternatives" in expect:
        # `needs_decision` is written only when true, and checked when the vector gives it.
        got = [
            {"level": a["level"], "if": a["if"], "needs_decision": a.get("needs_decision", False)}
            for a in decision.alternatives
        ]
        wanted = expect["alternatives"]
        if len(got) != len(wanted) or any(
            g["level"] != w["level"]
            or g["if"] != w["if"]
            or ("needs_decision" in w and g["needs_decision"] != w["needs_decision"])
            for g, w in zip(got, wanted)
        ):
            problems.append(f"alternatives {got} != {wanted}")
    if "guideline" in expect and decision.regime_info["guideline"] != expect["guideline"]:
        problems.append(f"guideline {decision.regime_info['guideline']} != {expect['guideline']}")
    return problems


@pytest.mark.parametrize(("file", "vector"), SINGLE, ids=[v["name"] for _, v in SINGLE])
def test_each_vector_through_evaluate(file: str, vector: dict[str, Any]) -> None:
    expect = vector["expect"]
    if "errors" in expect:
        with pytest.raises(cadre_eval.AssessmentError) as raised:
            cadre_eval.evaluate(vector["input"], **options(vector))
        got = [{"code": e["code"], "path": e["path"]} for e in raised.value.errors()]
        assert got == expect["errors"]
        return
    decision = cadre_eval.evaluate(vector["input"], **options(vector))
    assert check_decision(decision, expect) == []
    # The typed object and its dict agree, and the dict is the contract's JSON.
    record = decision.to_dict()
    assert record == json.loads(decision.to_json())
    assert record["level"] == decision.level and record["id"] == vector["input"]["id"]
    assert [r["rule"] for r in record["reasons"]] == [r.rule for r in decision.reasons]


def by_options(vectors: list[tuple[str, dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, vector in vectors:
        grouped[json.dumps(options(vector), sort_keys=True)].append(vector)
    return grouped


def expected_rows(vectors: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [v["input"]["id"] for v in vectors],
            "outcome": [v["expect"]["outcome"] for v in vectors],
            "level": [v["expect"]["level"] for v in vectors],
            "needs_decision": [v["expect"]["needs_decision"] for v in vectors],
        }
    )


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns the vectors pin, as plain Python values."""
    out = frame[["id", "outcome", "level", "needs_decision"]].astype(object)
    return out.where(out.notna(), None).reset_index(drop=True)


@pytest.mark.parametrize("form", ["list", "pandas", "arrow"])
def test_every_decision_vector_through_evaluate_many(form: str) -> None:
    checked = 0
    # Every decision vector as a list of records; those with flat columns also as a
    # DataFrame and an Arrow table.
    chosen = DECISION_VECTORS if form == "list" else FLAT_VECTORS
    for key, vectors in by_options(chosen).items():
        inputs = [v["input"] for v in vectors]
        records: Any
        if form == "list":
            records = inputs
        elif form == "pandas":
            records = pd.DataFrame([flatten(r) for r in inputs])
        else:
            rows = [flatten(r) for r in inputs]
            names = sorted({name for row in rows for name in row})
            # Column by column: `from_pylist` would keep only the first row's keys.
            records = pa.table({name: [row.get(name) for row in rows] for name in names})
        frame, reasons = cadre_eval.evaluate_many(records, reasons=True, **json.loads(key))
        assert frame["error_codes"].isna().all(), frame.loc[frame["error_codes"].notna(), "errors"].tolist()
        pd.testing.assert_frame_equal(plain(frame), plain(expected_rows(vectors)))
        # The reasons table holds each vector's rule ids, at its row.
        for row, vector in enumerate(vectors):
            rules = set(reasons.loc[reasons["row"] == row, "rule"].astype(str))
            assert set(vector["expect"]["rules"]) <= rules, vector["name"]
        checked += len(vectors)
    assert checked == len(chosen)


def test_error_vectors_in_a_batch_are_reported_by_row_and_the_rest_evaluated() -> None:
    good = DECISION_VECTORS[0][1]
    records = [good["input"]] + [v["input"] for _, v in ERROR_VECTORS] + [good["input"]]
    frame = cadre_eval.evaluate_many(records)
    assert frame.loc[0, "level"] == good["expect"]["level"]
    assert frame.loc[len(records) - 1, "level"] == good["expect"]["level"]
    for row, (_, vector) in enumerate(ERROR_VECTORS, start=1):
        got = [{"code": e["code"], "path": e["path"]} for e in frame.loc[row, "errors"]]
        assert got == vector["expect"]["errors"], vector["name"]
        assert frame.loc[row, "error_codes"] == ",".join(e["code"] for e in got)
        assert pd.isna(frame.loc[row, "level"])


def test_levels_match_the_command_line_tool(cli: Path, tmp_path: Path) -> None:
    for key, vectors in by_options(DECISION_VECTORS).items():
        file = tmp_path / "vectors.json"
        file.write_text(json.dumps([v["input"] for v in vectors]), encoding="utf-8")
        args = [str(cli), "evaluate", str(file)]
        if json.loads(key).get("reading") == "strict":
            args += ["--reading", "strict"]
        if json.loads(key).get("basic_targets") == "all":
            args += ["--basic-targets", "all"]
        run = subprocess.run(args, capture_output=True, text=True, check=True)
        from_cli = json.loads(run.stdout)
        flat = [v for v in vectors if not record_only(v["input"])]
        rest = [v for v in vectors if record_only(v["input"])]
        frame = pd.concat(
            [
                cadre_eval.evaluate_many(
                    pd.DataFrame([flatten(v["input"]) for v in flat]), **json.loads(key)
                ),
                cadre_eval.evaluate_many([v["input"] for v in rest], **json.loads(key)),
            ],
            ignore_index=True,
        )
        flags = [record_only(v["input"]) for v in vectors]
        from_cli = [d for d, f in zip(from_cli, flags) if not f] + [
            d for d, f in zip(from_cli, flags) if f
        ]
        assert [d["id"] for d in from_cli] == list(frame["id"])
        assert [d["level"] for d in from_cli] == plain(frame)["level"].tolist()
        assert [d["needs_decision"] for d in from_cli] == frame["needs_decision"].tolist()


def group_inputs(vector: dict[str, Any]) -> list[dict[str, Any]]:
    return [{**vector.get("template", {}), **overlay} for overlay in vector["inputs"]]


@pytest.mark.parametrize(("file", "vector"), GROUPS, ids=[v["name"] for _, v in GROUPS])
def test_each_group_vector_through_apply_quota(file: str, vector: dict[str, Any]) -> None:
    quota = vector.get("quota", {})
    decisions = [cadre_eval.evaluate(r, **options(vector)) for r in group_inputs(vector)]
    after, reports = cadre_eval.apply_quota(
        decisions,
        reading=quota.get("reading", "final_tally"),
        raised_ratio_groups=quota.get("raised_ratio_groups", []),
    )
    expect = vector["expect"]
    assert reports == expect["groups"]
    levels = {d.id: d.level for d in after}
    assert {i: levels.get(i, "missing") for i in expect["levels"]} == expect["levels"]
    assert sorted(d.id for d in after if d.quota and d.quota["demoted"]) == sorted(expect["demoted"])
    assert sorted(d.id for d in after if d.needs_decision) == sorted(expect["needs_decision"])
    for rule in expect["rules"]:
        assert all(
            rule in [r.rule for r in d.reasons] for d in after if d.quota and d.quota["demoted"]
        )
    # Applying it twice changes nothing; the inputs are left as they were.
    again, _ = cadre_eval.apply_quota(after, reading=quota.get("reading", "final_tally"),
                                      raised_ratio_groups=quota.get("raised_ratio_groups", []))
    assert [d.to_dict() for d in again] == [d.to_dict() for d in after]
    assert all(d.quota is None for d in decisions)

    # The same through a table, with the quota over the batch.
    frame, reasons = cadre_eval.evaluate_many(
        pd.DataFrame([flatten(r) for r in group_inputs(vector)]),
        quota=True,
        reasons=True,
        quota_reading=quota.get("reading", "final_tally"),
        raised_ratio_groups=quota.get("raised_ratio_groups", []),
        **options(vector),
    )
    assert frame.attrs["quota_groups"] == expect["groups"]
    table_levels = dict(zip(frame["id"], plain(frame)["level"]))
    assert {i: table_levels.get(i, "missing") for i in expect["levels"]} == expect["levels"]
    assert sorted(frame.loc[frame["quota_demoted"].fillna(False).astype(bool), "id"]) == sorted(expect["demoted"])
    assert sorted(frame.loc[frame["needs_decision"].astype(bool), "id"]) == sorted(expect["needs_decision"])
    by_id = {d.id: d for d in after}
    for row, record_id in enumerate(frame["id"]):
        rules = reasons.loc[reasons["row"] == row, "rule"].astype(str).tolist()
        assert rules == [r.rule for r in by_id[record_id].reasons]


def tree_names(decisions: pd.DataFrame) -> list[str]:
    """Each decision's name as the vectors write it: ``id@state`` for the state half of a
    pair (a state decision whose id a party decision of the tree shares)."""
    party_ids = {
        str(i) for i, regime in zip(decisions["id"], decisions["regime"]) if regime not in STATE_REGIMES
    }
    return [
        f"{i}@state" if regime in STATE_REGIMES and str(i) in party_ids else str(i)
        for i, regime in zip(decisions["id"], decisions["regime"])
    ]


def as_unit_lines(unit: dict[str, Any], parent: str | None = None) -> list[dict[str, Any]]:
    flat = {k: v for k, v in unit.items() if k != "units"}
    if parent is not None:
        flat["parent"] = parent
    lines = [flat]
    for child in unit.get("units", []):
        lines += as_unit_lines(child, unit["id"])
    return lines


@pytest.mark.parametrize(("file", "vector"), TREES, ids=[v["name"] for _, v in TREES])
def test_each_tree_vector_through_evaluate_org(file: str, vector: dict[str, Any]) -> None:
    quota = vector.get("quota", {})
    kwargs: dict[str, Any] = {
        **options(vector),
        "quota_reading": quota.get("reading", "final_tally"),
        "raised_ratio_groups": quota.get("raised_ratio_groups", []),
    }
    nested = cadre_eval.evaluate_org(vector["input"], reasons=True, **kwargs)
    lines = cadre_eval.evaluate_org(as_unit_lines(vector["input"]), **kwargs)
    expect = vector["expect"]
    levels = dict(zip(tree_names(nested.decisions), plain(nested.decisions)["level"]))
    assert levels == dict(zip(tree_names(lines.decisions), plain(lines.decisions)["level"]))
    assert nested.total == lines.total
    rejected_ids = {r["id"] for r in expect["rejected"]}
    for record_id, level in expect["levels"].items():
        if record_id in levels or record_id not in rejected_ids:
            assert levels.get(record_id, "missing") == level, record_id
    assert set(levels) <= set(expect["levels"])
    got = sorted(
        {"id": r.get("id") or r.get("unit") or "", "code": e["code"]}.items()
        for r in nested.rejected
        for e in r["errors"]
    )
    assert got == sorted({"id": r["id"], "code": r["code"]}.items() for r in expect["rejected"])
    for record_id, rules in expect.get("rules", {}).items():
        rows = nested.decisions.index[nested.decisions["id"] == record_id]
        assert len(rows) == 1, record_id
        assert nested.reasons is not None
        have = set(nested.reasons.loc[nested.reasons["row"] == rows[0], "rule"].astype(str))
        assert set(rules) <= have, record_id
    # The state figures as frames (`OrgResult.state_units`, `state_groups`), the same
    # nested and as unit lines, as `core/tests/org_vectors.rs` checks the report.
    pd.testing.assert_frame_equal(nested.state_units, lines.state_units)
    pd.testing.assert_frame_equal(nested.state_groups, lines.state_groups)
    if "state_groups" in expect:
        got_groups = nested.state_groups.to_dict("records")
        assert len(got_groups) == len(expect["state_groups"]), got_groups
        for have, want in zip(got_groups, expect["state_groups"]):
            assert {k: have[k] for k in want} == want
    for frame, key in ((nested.state_units, "state_units"), (nested.units, "units")):
        by_id = frame.set_index("id")
        for unit, counts in expect.get(key, {}).items():
            row = by_id.loc[unit]
            got_counts = {
                name: int(row[f"subtree_{'quota_demoted' if name == 'demoted' else name}"])
                for name in counts
            }
            assert got_counts == counts, (key, unit)


STATE_REGIMES = {"nd90", "nd335", "nd233"}


def state_quota(vector: dict[str, Any]) -> dict[str, Any]:
    """The quota keyword arguments of a group vector, the state quota's included."""
    quota = vector.get("quota", {})
    return {
        "quota_reading": quota.get("reading", "final_tally"),
        "raised_ratio_groups": quota.get("raised_ratio_groups", []),
        "agency_recognised_excellent": quota.get("agency_recognised_excellent", []),
        "party_excellent_rate": quota.get("party_excellent_rate"),
    }


def check_state_groups(got: list[dict[str, Any]], wanted: list[dict[str, Any]]) -> list[str]:
    """The Rust harness's check: the reports listed, in order, on the keys given (the
    link vectors list a group's report only, not the agency's after it)."""
    problems = []
    if len(got) < len(wanted):
        problems.append(f"state groups: got {got}, want {wanted}")
    for index, (have, want) in enumerate(zip(got, wanted)):
        problems += [
            f"state_groups[{index}].{key}: got {have.get(key)}, want {value}"
            for key, value in want.items()
            if not agrees(have.get(key), value)
        ]
    return problems


def check_state_group_frame(
    vector: dict[str, Any],
    frame: pd.DataFrame,
    reasons: pd.DataFrame,
    names: list[str],
    state_groups: list[dict[str, Any]],
) -> list[str]:
    """A state group vector's expectations on an evaluated frame whose rows are named
    ``names`` (``id@state`` for the state half of a pair), as ``core/tests/vectors.rs``
    checks them."""
    expect = vector["expect"]
    problems = check_state_groups(state_groups, expect["state_groups"])
    rejected = frame["error_codes"].notna().tolist()
    levels = {
        name: level
        for name, level, bad in zip(names, plain(frame)["level"], rejected)
        if not bad
    }
    problems += [
        f"{name}: level {levels.get(name, 'missing')}, want {level}"
        for name, level in expect["levels"].items()
        if levels.get(name, "missing") != level
    ]
    demoted = sorted(n for n, d in zip(names, frame["quota_demoted"].fillna(False)) if d)
    if demoted != sorted(expect["demoted"]):
        problems.append(f"demoted: got {demoted}, want {sorted(expect['demoted'])}")
    needs = sorted(
        n for n, d, bad in zip(names, frame["needs_decision"].fillna(False), rejected) if d and not bad
    )
    if needs != sorted(expect["needs_decision"]):
        problems.append(f"needs_decision: got {needs}, want {sorted(expect['needs_decision'])}")
    rules = set(reasons["rule"].astype(str)) if len(reasons) else set()
    problems += [f"rule {r} in no decision" for r in expect["rules"] if r not in rules]
    row_of = {name: row for row, name in enumerate(names)}
    for name, score in expect.get("scores", {}).items():
        got = frame.loc[frame.index[row_of[name]], "score"] if name in row_of else None
        if got is None or pd.isna(got) or not agrees(float(got), score):
            problems.append(f"{name}: score {got}, want {score}")
    for name, wanted_reasons in expect.get("reasons", {}).items():
        rows = reasons.loc[reasons["row"] == row_of.get(name, -1)]
        for wanted in wanted_reasons:
            # The table holds rule, holds, effect and level (values are in the
            # decision's record, checked by the Rust, WASM and service runners).
            matches = rows["rule"].astype(str) == wanted["rule"]
            for key in ("holds", "effect", "level"):
                if key in wanted:
                    matches &= rows[key].astype(object) == wanted[key]
            if not matches.any():
                problems.append(f"{name}: no reason {wanted}")
    wanted_rejected = sorted((r["id"], r["code"], r["path"]) for r in expect.get("rejected", []))
    got_rejected = sorted(
        (name, e["code"], e["path"])
        for name, errors, bad in zip(names, frame["errors"], rejected)
        if bad
        for e in errors
    )
    if got_rejected != wanted_rejected:
        problems.append(f"rejected: got {got_rejected}, want {wanted_rejected}")
    return problems


def row_names(frame: pd.DataFrame, party_ids: set[str]) -> list[str]:
    """Each row's name as the vectors write it: a state decision whose id a party record
    shares is ``id@state`` (a rejected record is already named so)."""
    return [
        f"{record_id}@state"
        if pd.isna(codes) and regime in STATE_REGIMES and record_id in party_ids
        else str(record_id)
        for record_id, regime, codes in zip(frame["id"], frame["regime"], frame["error_codes"])
    ]


@pytest.mark.parametrize(("file", "vector"), STATE_GROUPS, ids=[v["name"] for _, v in STATE_GROUPS])
def test_each_state_group_vector_through_evaluate_many(file: str, vector: dict[str, Any]) -> None:
    """A list of dicts is one call: pairs by id, the state quota then the party quota,
    the link (``api::rows`` through the pair form), as Rust, WASM and the service."""
    inputs = group_inputs(vector)
    frame, reasons = cadre_eval.evaluate_many(
        inputs, quota=True, reasons=True, **options(vector), **state_quota(vector)
    )
    assert len(frame) == len(inputs)
    assert frame.attrs["quota_groups"] == vector["expect"]["groups"]
    party_ids = {r["id"] for r in inputs if r.get("rating") != "state"}
    names = row_names(frame, party_ids)
    assert check_state_group_frame(
        vector, frame, reasons, names, frame.attrs["state_quota_groups"]
    ) == []
    # Without the quota: the pairs and the link still, no quota report of either kind.
    bare = cadre_eval.evaluate_many(inputs, **options(vector))
    assert len(bare) == len(inputs)
    assert "quota_groups" not in bare.attrs and "state_quota_groups" not in bare.attrs


def test_state_frames_of_the_2026_ministry_example() -> None:
    """The 2026 ministry department as a tree (``examples/``): the state frames hold the
    report's figures, typed, and agree with the decisions frame; a party-only tree has
    them empty, with their columns."""
    tree = json.loads((EXAMPLES / "vu-ke-hoach-tai-chinh-2026.json").read_text(encoding="utf-8"))
    result = cadre_eval.evaluate_org(tree)
    report = result.report
    assert not result.rejected
    units, groups = result.state_units, result.state_groups
    assert list(units["id"]) == [u["id"] for u in report["state_units"]]
    assert len(groups) == len(report["state_groups"]) >= 2
    assert set(groups["scope"]) == {"group", "agency"}
    # Counts are integers, shares floats, means exact text.
    assert str(units["subtree_records"].dtype) == "Int64"
    assert str(groups["e_max"].dtype) == "Int64"
    assert str(units["subtree_excellent_share"].dtype) == "float64"
    root = units.loc[units["depth"] == 0].iloc[0]
    state_rows = result.decisions[result.decisions["regime"].astype(str).isin(STATE_REGIMES)]
    assert int(root["subtree_records"]) == len(state_rows)
    assert int(root["subtree_excellent"]) == int((state_rows["level"] == "excellent").sum())
    scored = state_rows["score"].dropna()
    assert int(root["subtree_scored"]) == len(scored)
    mean = Fraction(str(root["subtree_mean"]))
    assert mean == sum(Fraction(Decimal(repr(s))) for s in scored) / len(scored)
    assert Decimal(root["subtree_mean_display"]) == round(Decimal(mean.numerator) / mean.denominator, 2)
    for _, group in groups.iterrows():
        assert group["demoted"] == group["final_quota_demoted"] or group["scope"] == "agency"
    # The options reach the state quota: recognised Excellent, the agency's ratio is 1/4.
    agency = groups.loc[groups["scope"] == "agency", "name"].iloc[0]
    raised = cadre_eval.evaluate_org(tree, agency_recognised_excellent=[agency]).state_groups
    assert raised.loc[raised["scope"] == "agency", "ratio"].iloc[0] == "1/4"
    assert groups.loc[groups["scope"] == "agency", "ratio"].iloc[0] == "1/5"
    party_only = cadre_eval.evaluate_org(
        {"id": "cb", "members": [{"id": "a", "period": {"year": 2025}, "subject": {"kind": "member"},
                                  "score": {"general": 28, "task_results": 60},
                                  "tasks": {"assigned": 1, "completed": 1, "on_time": 1, "exceeded": 0}}]}
    )
    assert party_only.state_units.empty and party_only.state_groups.empty
    assert list(party_only.state_groups.columns) == list(groups.columns)
    assert list(party_only.state_units.columns) == list(units.columns)


def test_compare_org_takes_the_state_options() -> None:
    """``compare_org`` forwards the state options as ``evaluate_org`` does: a bad one is
    refused by name, and a state cap changes nothing it must not."""
    tree = json.loads((EXAMPLES / "vu-ke-hoach-tai-chinh-2026.json").read_text(encoding="utf-8"))
    plain_run = cadre_eval.compare_org(tree, regimes=["qd366"])
    capped = cadre_eval.compare_org(
        tree, regimes=["qd366"], state_cap="hd21", rounding="one_decimal",
        agency_recognised_excellent=["vu"], party_excellent_rate={"vu": {"excellent": 1, "rated": 10}},
    )
    assert [r["id"] for r in capped["records"]] == [r["id"] for r in plain_run["records"]]
    with pytest.raises(ValueError, match="state_cap"):
        cadre_eval.compare_org(tree, regimes=["qd366"], state_cap="cap")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="party_excellent_rate"):
        cadre_eval.compare_org(tree, regimes=["qd366"], party_excellent_rate={"vu": {"excellent": "x"}})  # type: ignore[dict-item]
