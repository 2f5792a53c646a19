"""cadre_eval: exact, explained, citable classification under QĐ 366-QĐ/TW (2025), and
the earlier QĐ 124-QĐ/TW (2023) and QĐ 132-QĐ/TW with HD 21 (2018–2023).

Đánh giá, xếp loại chất lượng đảng viên và tổ chức đảng theo Quy định 366-QĐ/TW
(và các Quy định 124-QĐ/TW, 132-QĐ/TW trước đó): mỗi kết quả là mức đề xuất kèm căn
cứ, mã quy tắc, trích dẫn và lời giải thích.

Every result is a *proposed* level with every reason behind it (rule id, citation,
message in Vietnamese and English); the competent level decides. The rules live in
the Rust core; this package converts and forwards.

>>> import cadre_eval
>>> decision = cadre_eval.evaluate({
...     "id": "dv-0042", "period": {"year": 2025},
...     "subject": {"kind": "member", "admitted_on": "2019-05-19"},
...     "score": {"general": 27.5, "task_results": 63},
...     "tasks": {"assigned": 12, "completed": 12, "on_time": 12, "exceeded": 3},
... })
>>> decision.level, decision.score
('good', Decimal('90.5'))
>>> decision.reasons[1].rule   # 3 of 12 exceeded is 25%, under the 30% Excellent needs
'qd366.11.1.N'

Records of QĐ 124 and QĐ 132 carry criterion grades instead of points; the regime is
the one in force on the period's last day (``docs/regimes.md``):

>>> earlier = cadre_eval.evaluate({
...     "id": "dv-2022", "period": {"year": 2022},
...     "subject": {"kind": "member", "admitted_on": "2010-03-02"},
...     "grades": {"criteria": {"politics": "good", "ethics": "excellent"},
...                "task_results": "excellent"},
...     "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 5},
... })
>>> earlier.regime, earlier.regime_info["document"], earlier.level
('qd132', '132-QĐ/TW', 'excellent')

Tables: :func:`evaluate_many` takes a list of such dicts, a pandas DataFrame or a
pyarrow Table of flat columns (:func:`columns`) and returns a DataFrame of decisions,
one row per input row, plus a long table of reasons on request.

Spreadsheets: :func:`write_template` writes the workbook a secretary fills in (Vietnamese
headers, drop-down lists, an instructions sheet); a DataFrame read from it
(``pandas.read_excel``) goes to :func:`evaluate_many` as it is, and :func:`write_workbook`
writes the results workbook the command-line tool writes (``docs/excel.md``).

Regimes side by side: :func:`compare` for one record, :func:`compare_many` for a table
(one row per record, each regime's level in its own column), :func:`compare_org` for an
organisation tree (with :func:`org_comparison_frame` for its records as a table).
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TypedDict, cast, overload

import pandas as pd
import pyarrow as pa

from . import _long, _native, _tables
from ._errors import AssessmentError, ErrorDetail, ErrorMessage
from ._native import Decision, Reason
from .types import Assessment, PartyRateCounts, StateQuotaReport

__all__ = [
    "AssessmentError",
    "Assessment",
    "ColumnInfo",
    "Decision",
    "ErrorDetail",
    "ErrorMessage",
    "GroupQuotaReport",
    "LevelInfo",
    "OrgResult",
    "Reason",
    "RegimeInfo",
    "RuleInfo",
    "StateQuotaReport",
    "apply_quota",
    "columns",
    "compare",
    "compare_many",
    "compare_org",
    "conduct_catalogue",
    "criteria_catalogue",
    "error_codes",
    "evaluate",
    "form_schema",
    "evaluate_many",
    "evaluate_org",
    "levels",
    "org_comparison_frame",
    "regimes",
    "rules",
    "write_template",
    "write_workbook",
    "__version__",
]

__version__: str = _native.__version__

Reading = Literal["cascade", "strict"]
TargetsReading = Literal["any", "all"]
StateCap = Literal["none", "hd21"]
Rounding = Literal["two_decimals", "one_decimal", "integer"]
LeaderComponents = Literal["text", "override"]
QuotaReading = Literal["final_tally", "proposed_good"]
RegimeId = Literal["qd366", "qd124", "qd132"]
GradeMapping = Literal["score_shares"]
#: ND 48's party Excellent rate of an agency: counts, or a percent (0–100, at most two
#: decimals, read exactly).
PartyRate = PartyRateCounts | int | float | str


class Text(TypedDict):
    """A label or message in Vietnamese and English."""

    vi: str
    en: str


class RegimeInfo(TypedDict):
    """A regime of the registry."""

    id: str
    document: str
    guideline: str
    in_force_from: str
    in_force_until: str | None
    implemented: bool
    title: Text


class ColumnInfo(TypedDict):
    """A flat column: its name, the contract path it fills, its kind and meaning.

    A family of columns keyed by the caller's ids has a ``prefix``: the criterion
    grades (``path`` ``/grades/criteria``) are the columns ``grades_criteria_<id>``,
    each holding one of ``choices``; ``name`` is then the family's, not a column's."""

    name: str
    path: str
    kind: str
    choices: list[str]
    prefix: str | None
    description: str


class RuleInfo(TypedDict):
    """A rule of the catalogue with its citation."""

    id: str
    document: str
    article: str
    clause: str | None
    note: str | None
    basis: str


class LevelInfo(TypedDict):
    """A level with its names and score floor."""

    id: str
    vi: str
    en: str
    code: str
    floor: int


class GroupQuotaReport(TypedDict):
    """What the Excellent quota did in one group."""

    group: str
    ratio_percent: int
    candidates: int
    good: int
    e_max: int
    demoted: int
    tied_at_cut: int


def _json_default(value: Any) -> Any:
    """Values a table or a program holds that JSON has no type for."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        # The shortest text of the float is the decimal's text (up to 15 digits), which
        # the core reads exactly.
        return float(value)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"{type(value).__name__} is not a JSON value")


def _as_mapping(record: Any) -> Any:
    """A typed record (dataclass, pydantic model) as the contract's dict."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {k: v for k, v in dataclasses.asdict(record).items() if v is not None}
    dump = getattr(record, "model_dump", None)
    if callable(dump):
        return dump(exclude_none=True)
    return record


def _finite(value: Any) -> Any:
    """`value` with every NaN or infinity as its text, which the core refuses as
    ``invalid_type`` at its path: only the record holding it is rejected (issue 16,
    defect 10: a NaN made the whole batch text unreadable)."""
    if isinstance(value, Mapping):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    if isinstance(value, (float, decimal.Decimal)) and not math.isfinite(value):
        return str(value)
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        return _finite(value.item())
    return value


def _to_json(value: Any) -> str:
    try:
        return json.dumps(value, default=_json_default, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(value), default=_json_default, ensure_ascii=False)


def evaluate(
    assessment: Assessment | Mapping[str, Any] | str,
    *,
    reading: Reading = "cascade",
    basic_targets: TargetsReading = "any",
    state_cap: StateCap = "none",
    rounding: Rounding = "two_decimals",
    leader_components: LeaderComponents = "text",
) -> Decision:
    """Evaluates one assessment: a dict of the contract (``spec/contract.md``), a typed
    record (a dataclass or pydantic model with the contract's fields), or its JSON text.
    A state record (``"rating": "state"``, ``docs/state-regimes.md``) is evaluated under
    ND 90, ND 335 or ND 233; ``state_cap``, ``rounding`` and ``leader_components`` are
    the state options.

    Raises :class:`AssessmentError` with every problem of the record.

    >>> d = evaluate({"id": "a", "period": {"year": 2025}, "subject": {"kind": "member"},
    ...               "score": {"general": 29, "task_results": 66},
    ...               "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 3}})
    >>> d.level, d.needs_decision, d.label["vi"]
    ('excellent', False, 'Hoàn thành xuất sắc nhiệm vụ')
    >>> d.to_dict()["reasons"][-1]["citation"]
    {'document': '366-QĐ/TW', 'article': '11', 'clause': '1'}
    """
    text = assessment if isinstance(assessment, str) else _to_json(_as_mapping(assessment))
    return _native.evaluate_json(
        text,
        reading=reading,
        basic_targets=basic_targets,
        state_cap=state_cap,
        rounding=rounding,
        leader_components=leader_components,
    )


def compare(
    assessment: Assessment | Mapping[str, Any] | str,
    regimes: Iterable[RegimeId] | None = None,
    grades_from_points: GradeMapping | None = None,
    *,
    reading: Reading = "cascade",
    basic_targets: TargetsReading = "any",
) -> dict[str, Any]:
    """Compares one assessment under several regimes (``regimes``, in the order shown;
    default all three, newest first; one named twice is compared once): per regime its
    decision or its errors, the levels side by side, and, topic by topic (not
    classified, leave, discipline, Not-completed triggers, Excellent, Good, Completed,
    quota, caps), what each regime's rules found and how the rules differ
    (``docs/regimes.md``, "Comparison").

    Each regime reads its own fields and skips the others'. A record with QĐ 366
    points only has no grades for QĐ 124 and QĐ 132: they report ``missing_field`` at
    ``/grades`` in their ``errors`` unless ``grades_from_points="score_shares"`` maps
    each group's share of its maximum to a grade (shown as ``mapped_grades``).

    Raises :class:`AssessmentError` only when the record cannot be read at all.

    >>> c = compare({"id": "dv-7", "period": {"year": 2025}, "subject": {"kind": "member"},
    ...              "score": {"general": 28, "task_results": 66},
    ...              "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 4}},
    ...             grades_from_points="score_shares")
    >>> [(r["regime"]["id"], r["regime"]["selected"]) for r in c["results"]]
    [('qd366', 'period'), ('qd124', 'comparison'), ('qd132', 'comparison')]
    >>> c["levels"], c["levels_agree"]   # 4 of 10 exceeded: QĐ 124 needs 50% for Excellent
    (['excellent', 'good', 'excellent'], False)
    >>> c["results"][1]["mapped_grades"]
    {'criteria': {'general': 'excellent'}, 'task_results': 'excellent'}
    >>> excellent = next(t for t in c["topics"] if t["topic"] == "excellent")
    >>> excellent["differs"], [(f["regime"], f["verdict"]) for f in excellent["findings"]]
    (True, [('qd366', 'decides'), ('qd124', 'blocks'), ('qd132', 'decides')])
    >>> excellent["rules"][1]["summary"]["en"]
    'Excellent: criteria Good or better, task results Excellent; an individual all on time with at least 50% exceeded; nobody disciplined'
    """
    text = assessment if isinstance(assessment, str) else _to_json(_as_mapping(assessment))
    comparison: dict[str, Any] = _native.compare_json(
        text,
        regimes=None if regimes is None else list(regimes),
        grades_from_points=grades_from_points,
        reading=reading,
        basic_targets=basic_targets,
    )
    return comparison


Records = pd.DataFrame | pa.Table | pa.RecordBatch | Sequence[Mapping[str, Any]]


@overload
def evaluate_many(
    records: Records,
    *,
    reading: Reading = ...,
    basic_targets: TargetsReading = ...,
    reasons: Literal[False] = ...,
    messages: bool = ...,
    quota: bool = ...,
    quota_reading: QuotaReading = ...,
    raised_ratio_groups: Iterable[str] = ...,
    threads: int | None = ...,
    products: None = ...,
    party: None = ...,
    periods: Literal[False] = ...,
    state_cap: StateCap = ...,
    rounding: Rounding = ...,
    leader_components: LeaderComponents = ...,
    agency_recognised_excellent: Iterable[str] = ...,
    party_excellent_rate: Mapping[str, PartyRate] | None = ...,
) -> pd.DataFrame: ...
@overload
def evaluate_many(
    records: Records,
    *,
    reading: Reading = ...,
    basic_targets: TargetsReading = ...,
    reasons: Literal[True],
    messages: bool = ...,
    quota: bool = ...,
    quota_reading: QuotaReading = ...,
    raised_ratio_groups: Iterable[str] = ...,
    threads: int | None = ...,
    products: None = ...,
    party: None = ...,
    periods: Literal[False] = ...,
    state_cap: StateCap = ...,
    rounding: Rounding = ...,
    leader_components: LeaderComponents = ...,
    agency_recognised_excellent: Iterable[str] = ...,
    party_excellent_rate: Mapping[str, PartyRate] | None = ...,
) -> tuple[pd.DataFrame, pd.DataFrame]: ...
@overload
def evaluate_many(
    records: Records,
    *,
    reading: Reading = ...,
    basic_targets: TargetsReading = ...,
    reasons: bool = ...,
    messages: bool = ...,
    quota: bool = ...,
    quota_reading: QuotaReading = ...,
    raised_ratio_groups: Iterable[str] = ...,
    threads: int | None = ...,
    products: Any = ...,
    party: Any = ...,
    periods: bool = ...,
    state_cap: StateCap = ...,
    rounding: Rounding = ...,
    leader_components: LeaderComponents = ...,
    agency_recognised_excellent: Iterable[str] = ...,
    party_excellent_rate: Mapping[str, PartyRate] | None = ...,
) -> pd.DataFrame | tuple[pd.DataFrame, ...]: ...
def evaluate_many(
    records: Records,
    *,
    reading: Reading = "cascade",
    basic_targets: TargetsReading = "any",
    reasons: bool = False,
    messages: bool = True,
    quota: bool = False,
    quota_reading: QuotaReading = "final_tally",
    raised_ratio_groups: Iterable[str] = (),
    threads: int | None = None,
    products: Any = None,
    party: Any = None,
    periods: bool = False,
    state_cap: StateCap = "none",
    rounding: Rounding = "two_decimals",
    leader_components: LeaderComponents = "text",
    agency_recognised_excellent: Iterable[str] = (),
    party_excellent_rate: Mapping[str, PartyRate] | None = None,
) -> pd.DataFrame | tuple[pd.DataFrame, ...]:
    """Evaluates many assessments: a list of contract dicts, or a pandas DataFrame or
    pyarrow Table of flat columns (:func:`columns`; ``tasks_on_time`` is
    ``/tasks/on_time``). Criterion grades (QĐ 124, QĐ 132) are one column per
    criterion, ``grades_criteria_<id>`` (``/grades/criteria/<id>``), plus
    ``grades_task_results``; a null cell is an absent criterion, so one table may hold
    records of every regime (leave the other regimes' columns null).

    Returns a DataFrame with one row per input row (same index): ``id``, ``outcome``,
    ``level``, ``score``, ``band``, ``needs_decision``, ``regime``, ``deciding_rule``,
    ``alternative_level``, ``quota_group``, and for rows that could not be evaluated
    ``error_codes`` (comma-separated) and ``errors`` (a list of dicts with ``code``,
    ``path``, ``column``, ``message_vi``, ``message_en``); the good rows are still
    evaluated. With ``quota=True`` the Excellent quota is applied per group over the
    batch (columns ``quota_rank``, ``quota_e_max``, ``quota_demoted``,
    ``quota_tied_at_cut``; the group reports are in ``frame.attrs["quota_groups"]``).
    With ``reasons=True`` also returns the reasons, one row per reason: ``row`` (the
    input position), ``id``, ``position``, ``rule``, ``holds``, ``effect``, ``level``,
    ``citation_*``, ``basis`` and, unless ``messages=False``, ``message_vi`` and
    ``message_en``.

    A large table is split over ``threads`` threads (default: one per core); the
    result does not depend on it.

    **State records in a list of dicts** (``"rating": "state"``,
    ``docs/state-regimes.md``): the list is one call, as the command-line tool reads a
    JSON array. A state record and a party record with one ``id`` are a pair: the state
    record is evaluated first and its result read by the party record (``state_cap``
    says how); with ``quota=True`` the state quota is applied per group with similar
    tasks and per agency (``agency_recognised_excellent``: agencies allowed 25%;
    ``party_excellent_rate``: ND 48's party rate per agency, ``{"excellent": E,
    "rated": N}`` or a percent), then the party quota. The state quota's reports are in
    ``frame.attrs["state_quota_groups"]`` (:class:`cadre_eval.types.StateQuotaReport`);
    a state decision's row has its state ``regime``. ``state_cap``, ``rounding`` and
    ``leader_components`` are the state options, as for :func:`evaluate`.

    **State records as long tables** (ND 335, ND 233; ``docs/state-regimes.md``): a table with a
    column ``periods_month`` or ``periods_quarter`` is a long table of periods, one
    row per person and period (``id``, ``period_year``, ``subject_kind``,
    ``subject_employment``, ``agency``, … repeated on each of the person's rows;
    ``periods_general``, ``periods_task_results``, ``periods_unit_*`` per period), and
    ``products`` an optional table with one row per product (``id``, the period,
    ``label``, ``weight``, ``done``, ``quality_failures``, ``delays``, ``extra``).
    The result has one row per person (first-appearance order): ``id``, ``outcome``,
    ``level``, ``score`` (the exact hundredths as a float), ``band``,
    ``needs_decision``, ``regime``, ``employment``, ``deciding_rule``,
    ``alternative_level``, ``periods_counted``, ``periods_listed``, ``mean`` (exact,
    as text), ``agency``, ``quota_*``, ``error_codes`` and ``errors`` (each with its
    ``table``, ``row`` and ``column``). ``periods=True`` adds a frame of one row per
    person and period (``a``, ``b``, ``c``, ``d``, ``dd``, ``e``, ``task_results``,
    ``score`` exact as text, ``score_2dp``); ``reasons=True`` the reasons (with
    ``values`` as JSON text); ``party=`` a flat party table evaluated in the same call
    (a party row and a state person with one id are a pair) and a last frame for it,
    with ``state_level``, ``state_regime``, ``state_source`` and ``mismatch``.
    Frames come back as a tuple in that order when there is more than one.

    Raises :class:`AssessmentError` only when the table as a whole cannot be read (an
    unknown column, a column of the wrong type).

    >>> import pandas as pd
    >>> frame = pd.DataFrame({
    ...     "id": ["a", "b", "c"], "period_year": [2025, 2025, 2025],
    ...     "subject_kind": ["member", "member", "member"],
    ...     "score_general": [29, 27.5, 31], "score_task_results": [66, 63, 60],
    ...     "tasks_assigned": [10, 12, 10], "tasks_completed": [10, 12, 10],
    ...     "tasks_on_time": [10, 12, 10], "tasks_exceeded": [3, 3, 0]})
    >>> out = evaluate_many(frame)
    >>> out[["id", "level", "score", "error_codes"]]
      id      level  score   error_codes
    0  a  excellent   95.0           NaN
    1  b       good   90.5           NaN
    2  c        NaN    NaN  out_of_range
    >>> out.loc[2, "errors"][0]["column"]
    'score_general'
    >>> decisions, why = evaluate_many(frame.iloc[:1], reasons=True)
    >>> list(why["rule"])
    ['qd366.10.score', 'qd366.11.1.N']
    """
    groups_raised = list(raised_ratio_groups)
    if _long.is_long(records):
        return _long.evaluate(
            records,
            products,
            party,
            want_periods=periods,
            reasons=reasons,
            messages=messages,
            quota=quota,
            options={
                "reading": reading,
                "basic_targets": basic_targets,
                "state_cap": state_cap,
                "rounding": rounding,
                "leader_components": leader_components,
                "quota_reading": quota_reading,
                "raised_ratio_groups": groups_raised,
            },
        )
    if products is not None or party is not None or periods:
        raise TypeError(
            "products=, party= and periods= go with a long table of state periods "
            "(a column periods_month or periods_quarter)"
        )
    index: pd.Index | None = None
    settings: dict[str, Any] = {
        "reading": reading,
        "basic_targets": basic_targets,
        "reasons": reasons,
        "messages": messages,
        "quota": quota,
        "quota_reading": quota_reading,
        "raised_ratio_groups": groups_raised,
        "threads": threads,
        **_state_settings(
            state_cap, rounding, leader_components, agency_recognised_excellent,
            party_excellent_rate,
        ),
    }
    if isinstance(records, (pd.DataFrame, pa.Table, pa.RecordBatch)):
        if isinstance(records, pd.DataFrame):
            index = records.index
        decisions, why, groups, state_groups = _native.evaluate_table(
            _tables.to_arrow(records), **settings
        )
    elif isinstance(records, Sequence) and not isinstance(records, (str, bytes)):
        decisions, why, groups, state_groups = _native.evaluate_json_array(
            _to_json([_as_mapping(record) for record in records]), **settings
        )
    else:
        raise TypeError(
            "evaluate_many takes a list of dicts, a pandas DataFrame or a pyarrow Table, "
            f"not {type(records).__name__}"
        )
    frame = _tables.decisions_frame(decisions, index)
    if quota:
        frame.attrs["quota_groups"] = groups
        frame.attrs["state_quota_groups"] = state_groups
    if reasons:
        assert why is not None
        return frame, _tables.reasons_frame(why)
    return frame


def compare_many(
    records: Records,
    regimes: Iterable[RegimeId] | None = None,
    grades_from_points: GradeMapping | None = None,
    *,
    reading: Reading = "cascade",
    basic_targets: TargetsReading = "any",
    threads: int | None = None,
) -> pd.DataFrame:
    """Compares many assessments under several regimes, each as :func:`compare` compares
    one: ``records`` as for :func:`evaluate_many` (a list of contract dicts, or a pandas
    DataFrame or pyarrow Table of flat columns, criterion grades in
    ``grades_criteria_<id>`` columns next to the ``score_*`` columns). ``regimes`` and
    ``grades_from_points`` as for :func:`compare`. No quota is applied (each record is
    compared alone; :func:`compare_org` applies it per group of a tree).

    Returns a DataFrame with one row per input row (same index): ``id``, ``in_force``
    (the regime in force on the period's last day), then per regime, in the order
    compared, ``level_<regime>`` (an ordered categorical; null when not classified or
    not evaluated), ``outcome_<regime>``, ``deciding_rule_<regime>`` and
    ``error_<regime>`` (``code at path`` of each error that regime found, ``; ``
    between them; null when none; for example ``missing_field at /grades`` for points
    without a mapping); then ``levels_agree`` (nullable boolean) and ``differs`` (the
    topics on which the regimes settle the record differently, in the order of
    evaluation: ``not_classified``, ``leave``, ``discipline``, ``not_completed``,
    ``excellent``, ``good``, ``completed``, ``quota``, ``caps``). A row that cannot be
    read at all is reported as :func:`evaluate_many` reports it: ``error_codes``
    (comma-separated) and ``errors`` (a list of dicts with ``code``, ``path``,
    ``column``, ``message_vi``, ``message_en``), its other columns null; the other
    rows are still compared.

    A large table is split over ``threads`` threads (default: one per core); the result
    does not depend on it.

    Raises :class:`AssessmentError` only when the table as a whole cannot be read.

    >>> frame = compare_many(
    ...     [{"id": "dv-7", "period": {"year": 2025}, "subject": {"kind": "member"},
    ...       "score": {"general": 28, "task_results": 66},
    ...       "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 4}},
    ...      {"id": "dv-8", "period": {"year": 2025}, "subject": {"kind": "member"},
    ...       "score": {"general": 24, "task_results": 50},
    ...       "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 0}},
    ...      {"id": "dv-9", "subject": {"kind": "member"}}],
    ...     grades_from_points="score_shares")
    >>> frame[["id", "level_qd366", "level_qd124", "level_qd132", "levels_agree"]]
         id level_qd366 level_qd124 level_qd132  levels_agree
    0  dv-7   excellent        good   excellent         False
    1  dv-8        good        good        good          True
    2  dv-9         NaN         NaN         NaN          <NA>
    >>> frame.loc[0, "differs"]   # 4 of 10 exceeded: QĐ 124 needs 50% for Excellent
    ['excellent', 'good']
    >>> frame.loc[0, "deciding_rule_qd124"]   # as Decision.deciding_reason() picks it
    'qd124.12.excellent'
    >>> frame.loc[2, "error_codes"], frame.loc[2, "errors"][0]["path"]
    ('missing_field', '/period')
    """
    names: list[str] | None = None if regimes is None else list(regimes)
    index: pd.Index | None = None
    if isinstance(records, (pd.DataFrame, pa.Table, pa.RecordBatch)):
        if isinstance(records, pd.DataFrame):
            index = records.index
        batches = _native.compare_table(
            _tables.to_arrow(records),
            regimes=names,
            grades_from_points=grades_from_points,
            reading=reading,
            basic_targets=basic_targets,
            threads=threads,
        )
    elif isinstance(records, Sequence) and not isinstance(records, (str, bytes)):
        batches = _native.compare_json_array(
            _to_json([_as_mapping(record) for record in records]),
            regimes=names,
            grades_from_points=grades_from_points,
            reading=reading,
            basic_targets=basic_targets,
        )
    else:
        raise TypeError(
            "compare_many takes a list of dicts, a pandas DataFrame or a pyarrow Table, "
            f"not {type(records).__name__}"
        )
    return _tables.comparisons_frame(batches, index)


def apply_quota(
    decisions: Sequence[Decision],
    *,
    reading: QuotaReading = "final_tally",
    raised_ratio_groups: Iterable[str] = (),
) -> tuple[list[Decision], list[GroupQuotaReport]]:
    """Applies the Excellent quota (``qd366.11.1.quota``) per group: at most 20% of the
    Good count may be Excellent (25% for ``raised_ratio_groups``). Groups are the
    decisions' ``quota_group``, else members, leaders, and collectives by kind. Returns
    new decisions in the same order, and each group's report.

    >>> people = [evaluate({"id": n, "period": {"year": 2025}, "quota_group": "cb-1",
    ...                     "subject": {"kind": "member"},
    ...                     "score": {"general": 29, "task_results": s},
    ...                     "tasks": {"assigned": 10, "completed": 10, "on_time": 10,
    ...                               "exceeded": 4}})
    ...           for n, s in [("a", 66), ("b", 65), ("c", 50), ("d", 50), ("e", 50), ("f", 50)]]
    >>> [d.level for d in people]
    ['excellent', 'excellent', 'good', 'good', 'good', 'good']
    >>> after, groups = apply_quota(people)
    >>> [d.level for d in after]
    ['excellent', 'good', 'good', 'good', 'good', 'good']
    >>> after[1].quota
    {'group': 'cb-1', 'e_max': 1, 'rank': 2, 'demoted': True, 'tied_at_cut': False}
    >>> groups[0]["e_max"], groups[0]["demoted"]
    (1, 1)
    """
    after, groups = _native.apply_quota(
        list(decisions), reading=reading, raised_ratio_groups=list(raised_ratio_groups)
    )
    return after, cast(list[GroupQuotaReport], groups)


@dataclasses.dataclass(frozen=True)
class OrgResult:
    """An organisation tree evaluated: the report and its tables.

    ``units`` has one row per unit with the counts of its whole subtree (``subtree_*``)
    and of its own records (``own_*``); ``groups`` one row per quota group (what the
    quota did: ``candidates``, ``good`` before it, ``e_max``, ``demoted``,
    ``tied_at_cut``; and the group's final counts, ``final_*``);
    ``decisions`` one row per record with its ``unit`` and ``role``; ``reasons`` one
    row per reason (when asked); ``report`` is the full report as the CLI's
    ``org --format json`` writes it.

    A tree holding state records (``docs/state-regimes.md``, "Organisation trees") adds
    their figures, apart from the party's: ``state_units`` has one row per unit with
    state records in its subtree (``id``, ``name``, ``parent``, ``depth``, ``agency``,
    ``rating`` of its state agency record, the counts and shares of its subtree and its
    own records as in ``units``, and the mean annual score: ``subtree_scored``,
    ``subtree_mean`` exact as text such as ``"1703/20"``, ``subtree_mean_display`` as
    text rounded to two decimals, the same with ``own_``); ``state_groups`` one row per
    state quota group with similar tasks and per agency (what the state quota did:
    ``scope``, ``name``, ``year``, ``regime``, ``rule``, ``ratio`` exact as text,
    ``ratio_source``, ``rated``, ``candidates``, ``good``, ``e_max``, ``demoted``,
    ``tied_at_cut``; the final counts, ``final_*``; and the mean, ``scored``, ``mean``,
    ``mean_display``). Both are empty, with their columns, for a party-only tree.
    """

    report: dict[str, Any]
    units: pd.DataFrame
    groups: pd.DataFrame
    decisions: pd.DataFrame
    reasons: pd.DataFrame | None
    state_units: pd.DataFrame
    state_groups: pd.DataFrame

    @property
    def total(self) -> dict[str, Any]:
        """Counts and shares over the whole tree."""
        total: dict[str, Any] = self.report["total"]
        return total

    @property
    def rejected(self) -> list[dict[str, Any]]:
        """Records and units that could not be evaluated, with their errors."""
        rejected: list[dict[str, Any]] = self.report["rejected"]
        return rejected


def _flat(prefix: str, stats: Mapping[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, value in stats.items():
        if key == "shares":
            for share, exact in value.items():
                row[f"{prefix}{share}_share"] = exact["numerator"] / exact["denominator"] if exact["denominator"] else float("nan")
        elif key == "not_classified_by":
            row[f"{prefix}{key}"] = dict(value)
        else:
            row[f"{prefix}{key}"] = value
    return row


#: The columns of :attr:`OrgResult.state_groups` that come from the state quota's
#: report, in order.
_STATE_QUOTA_COLUMNS = (
    "scope", "name", "year", "regime", "rule", "ratio", "ratio_source", "rated",
    "candidates", "good", "e_max", "demoted", "tied_at_cut",
)

#: The counts of a :class:`Stats`-like mapping, as the frames hold them.
_STATS_COUNTS = (
    "records", "classified", "excellent", "good", "completed", "not_completed",
    "not_classified", "undetermined", "needs_decision", "quota_demoted", "rejected",
)
_STATS_SHARES = ("excellent", "good", "completed", "not_completed", "good_or_better")


def _stats_columns(prefix: str) -> list[str]:
    return (
        [f"{prefix}{name}" for name in _STATS_COUNTS]
        + [f"{prefix}not_classified_by"]
        + [f"{prefix}{name}_share" for name in _STATS_SHARES]
    )


def _mean(prefix: str, mean: Mapping[str, Any] | None) -> dict[str, Any]:
    """A state report's mean annual score: how many scored, exact and for people."""
    return {
        f"{prefix}scored": 0 if mean is None else mean["scored"],
        f"{prefix}mean": None if mean is None else mean["exact"],
        f"{prefix}mean_display": None if mean is None else mean["display"],
    }


def _state_frames(report: Mapping[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The state figures of an organisation report as frames (empty, with their
    columns, when the tree holds no state record)."""
    unit_columns = [
        "id", "name", "parent", "depth", "agency", "rating",
        *_stats_columns("subtree_"), *_mean("subtree_", None),
        *_stats_columns("own_"), *_mean("own_", None),
    ]
    units = pd.DataFrame(
        [
            {
                "id": unit["id"],
                "name": unit.get("name"),
                "parent": unit.get("parent"),
                "depth": unit["depth"],
                "agency": unit["agency"],
                "rating": unit.get("rating"),
                **_flat("subtree_", unit["subtree"]),
                **_mean("subtree_", unit.get("subtree_mean")),
                **_flat("own_", unit["own"]),
                **_mean("own_", unit.get("own_mean")),
            }
            for unit in report.get("state_units", [])
        ],
        columns=unit_columns,
    )
    group_columns = [*_STATE_QUOTA_COLUMNS, *_stats_columns("final_"), *_mean("", None)]
    groups = pd.DataFrame(
        [
            {**group["quota"], **_flat("final_", group["stats"]), **_mean("", group.get("mean"))}
            for group in report.get("state_groups", [])
        ],
        columns=group_columns,
    )
    counts = [
        "depth", "year", "rated", "candidates", "good", "e_max", "demoted", "tied_at_cut",
        "scored", "subtree_scored", "own_scored",
        *(f"{prefix}{name}" for prefix in ("subtree_", "own_", "final_") for name in _STATS_COUNTS),
    ]
    for frame in (units, groups):
        for name in frame.columns:
            if name in counts:
                frame[name] = frame[name].astype("Int64")
            elif name.endswith("_share"):
                frame[name] = frame[name].astype("float64")
    return units, groups


def evaluate_org(
    tree: Mapping[str, Any] | Sequence[Mapping[str, Any]] | str | os.PathLike[str],
    *,
    lines: bool | None = None,
    reading: Reading = "cascade",
    basic_targets: TargetsReading = "any",
    quota: bool = True,
    quota_reading: QuotaReading = "final_tally",
    raised_ratio_groups: Iterable[str] = (),
    reasons: bool = False,
    messages: bool = True,
    state_cap: StateCap = "none",
    rounding: Rounding = "two_decimals",
    leader_components: LeaderComponents = "text",
    agency_recognised_excellent: Iterable[str] = (),
    party_excellent_rate: Mapping[str, PartyRate] | None = None,
) -> OrgResult:
    """Evaluates an organisation tree (``docs/organisation-trees.md``) in the order of
    Art. 12.2, with facts derived from the tree and the Excellent quota per group.

    A tree may hold state records (``docs/state-regimes.md``, "Organisation trees"):
    ``state_cap``, ``rounding`` and ``leader_components`` are the state options, as for
    :func:`evaluate`; ``agency_recognised_excellent`` and ``party_excellent_rate`` the
    state quota's, as for :func:`evaluate_many`. Their figures are in
    :attr:`OrgResult.state_units` and :attr:`OrgResult.state_groups`.

    ``tree`` is a nested unit (a dict, or its JSON text), a list of units naming their
    ``parent`` (JSON Lines of units as dicts), JSON Lines text (``lines=True``), or a
    path to a ``.json`` or ``.jsonl`` file.

    >>> root = {"id": "cb", "name": "Chi bộ thôn Đông", "members": [
    ...     {"id": f"dv-{i}", "period": {"year": 2025}, "subject": {"kind": "member"},
    ...      "score": {"general": 29, "task_results": 62 + i},
    ...      "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 4}}
    ...     for i in range(3)]}
    >>> result = evaluate_org(root)
    >>> result.units[["id", "subtree_excellent", "subtree_good", "subtree_quota_demoted"]]
       id  subtree_excellent  subtree_good  subtree_quota_demoted
    0  cb                  0             3                      3
    """
    if isinstance(tree, os.PathLike):
        path = os.fspath(tree)
        with open(path, encoding="utf-8") as file:
            text = file.read()
        if lines is None:
            lines = path.endswith(".jsonl")
    elif isinstance(tree, str):
        text = tree
    elif isinstance(tree, Mapping):
        text = _to_json(tree)
    else:
        text = "\n".join(_to_json(unit) for unit in tree)
        lines = True if lines is None else lines
    decisions, why, report = _native.evaluate_org(
        text,
        lines=bool(lines),
        reading=reading,
        basic_targets=basic_targets,
        quota=quota,
        quota_reading=quota_reading,
        raised_ratio_groups=list(raised_ratio_groups),
        reasons=reasons,
        messages=messages,
        **_state_settings(
            state_cap, rounding, leader_components, agency_recognised_excellent,
            party_excellent_rate,
        ),
    )
    units = pd.DataFrame(
        [
            {
                "id": unit["id"],
                "name": unit.get("name"),
                "parent": unit.get("parent"),
                "depth": unit["depth"],
                "rating": unit.get("rating"),
                **_flat("subtree_", unit["subtree"]),
                **_flat("own_", unit["own"]),
                "demotions": len(unit["demotions"]),
            }
            for unit in report["units"]
        ]
    )
    groups = pd.DataFrame(
        [{**group["quota"], **_flat("final_", group["stats"])} for group in report["groups"]]
    )
    state_units, state_groups = _state_frames(report)
    return OrgResult(
        report=report,
        units=units,
        groups=groups,
        decisions=_tables.decisions_frame(decisions, None),
        reasons=None if why is None else _tables.reasons_frame(why),
        state_units=state_units,
        state_groups=state_groups,
    )


def _state_settings(
    state_cap: StateCap,
    rounding: Rounding,
    leader_components: LeaderComponents,
    agency_recognised_excellent: Iterable[str],
    party_excellent_rate: Mapping[str, PartyRate] | None,
) -> dict[str, Any]:
    """The state options as the compiled module takes them (a party rate map as the
    contract's JSON, read exactly by the core)."""
    return {
        "state_cap": state_cap,
        "rounding": rounding,
        "leader_components": leader_components,
        "agency_recognised_excellent": list(agency_recognised_excellent),
        "party_excellent_rate": None
        if party_excellent_rate is None
        else _to_json(dict(party_excellent_rate)),
    }


def _records_json(records: Sequence[Mapping[str, Any]]) -> str:
    return _to_json([_as_mapping(record) for record in records])


def write_template(
    path: str | os.PathLike[str],
    records: Sequence[Mapping[str, Any]] | None = None,
    *,
    tree: Mapping[str, Any] | str | os.PathLike[str] | None = None,
    kinds: Iterable[Literal["member", "leader", "collective"]] = (),
    regime: RegimeId | Literal["nd335", "nd233"] | None = None,
    criteria: Iterable[str] = (),
    english: bool = False,
) -> None:
    """Writes a template workbook to fill in (``.xlsx``): the columns that apply to the
    ``kinds`` (default all three) under the ``regime`` (default QĐ 366), headed in
    Vietnamese (``english=True``: English), with drop-down lists, number ranges, date
    cells, frozen headers and an instructions sheet citing the rule behind each column.
    The same workbook as ``cadre-eval template``.

    With ``records`` (contract dicts) the records sheet holds them, one per row, with the
    columns they use; with ``tree`` (a nested organisation unit) the workbook has a units
    sheet and each record's unit. ``criteria`` names the criteria a QĐ 124 or QĐ 132
    template grades, one column each.

    A state regime (``regime="nd335"`` or ``"nd233"``, ``docs/excel.md`` §6) writes the
    state workbook of ``cadre-eval template --regime nd335``: a periods sheet
    (``Kỳ đánh giá``, one row per person and month or quarter) and a products sheet
    (``Sản phẩm``), headed in Vietnamese (the columns :func:`evaluate_many` reads as a
    long table), each header with a note giving its English header, name, JSON path and
    the articles behind it; with ``records``, filled with their state records as
    ``cadre-eval template --from`` fills it (a list without a state record is a
    ``ValueError``). ``tree``, ``kinds`` and ``criteria`` are for party templates and
    refused with it.
    """
    _native.write_template(
        os.fspath(path),
        records=None if records is None else _records_json(records),
        tree=None if tree is None else _tree_text(tree),
        kinds=list(kinds),
        regime=regime,
        criteria=list(criteria),
        english=english,
    )


def write_workbook(
    path: str | os.PathLike[str],
    records: Records | None = None,
    *,
    tree: Mapping[str, Any] | str | os.PathLike[str] | None = None,
    reading: Reading = "cascade",
    basic_targets: TargetsReading = "any",
    quota: bool | None = None,
    quota_reading: QuotaReading = "final_tally",
    raised_ratio_groups: Iterable[str] = (),
) -> None:
    """Evaluates and writes the results workbook (``.xlsx``) that ``cadre-eval evaluate
    --output`` writes: the committee's summary (counts and shares per level, per unit and
    in total), the decisions (one row per record, coloured by level), the reasons, and
    the rows that could not be evaluated with their errors; the provenance on every
    sheet.

    ``records`` as for :func:`evaluate_many` (a DataFrame read from a template, Vietnamese
    headers and all, or a list of contract dicts); or ``tree``, an organisation tree as
    for :func:`compare_org` (a ``.jsonl`` path: JSON Lines of units). The Excellent quota
    is applied when ``quota`` is true: by default for a tree, not for records.
    """
    groups = list(raised_ratio_groups)
    target = os.fspath(path)
    if (records is None) == (tree is None):
        raise TypeError("write_workbook takes records or a tree")
    if tree is not None:
        lines = False
        if isinstance(tree, os.PathLike) and os.fspath(tree).endswith(".jsonl"):
            lines = True
            with open(os.fspath(tree), encoding="utf-8") as file:
                text = file.read()
        else:
            text = _tree_text(tree)
        _native.write_workbook_tree(
            target,
            text,
            lines=lines,
            reading=reading,
            basic_targets=basic_targets,
            quota=True if quota is None else quota,
            quota_reading=quota_reading,
            raised_ratio_groups=groups,
        )
        return
    if isinstance(records, (pd.DataFrame, pa.Table, pa.RecordBatch)):
        _native.write_workbook_records(
            target,
            _tables.to_arrow(records),
            reading=reading,
            basic_targets=basic_targets,
            quota=bool(quota),
            quota_reading=quota_reading,
            raised_ratio_groups=groups,
        )
    elif isinstance(records, Sequence) and not isinstance(records, (str, bytes)):
        _native.write_workbook_records(
            target,
            text=_records_json(records),
            reading=reading,
            basic_targets=basic_targets,
            quota=bool(quota),
            quota_reading=quota_reading,
            raised_ratio_groups=groups,
        )
    else:
        raise TypeError(
            "write_workbook takes a list of dicts, a pandas DataFrame or a pyarrow Table, "
            f"not {type(records).__name__}"
        )


def _tree_text(tree: Mapping[str, Any] | str | os.PathLike[str]) -> str:
    """One nested organisation tree as JSON text."""
    if isinstance(tree, os.PathLike):
        path = os.fspath(tree)
        if path.endswith(".jsonl"):
            raise ValueError(
                "compare_org reads one nested tree (JSON); JSON Lines of units are not read"
            )
        with open(path, encoding="utf-8") as file:
            return file.read()
    if isinstance(tree, str):
        return tree
    return _to_json(tree)


def compare_org(
    tree: Mapping[str, Any] | str | os.PathLike[str],
    regimes: Iterable[RegimeId] | None = None,
    grades_from_points: GradeMapping | None = None,
    *,
    reading: Reading = "cascade",
    basic_targets: TargetsReading = "any",
    quota: bool = True,
    quota_reading: QuotaReading = "final_tally",
    raised_ratio_groups: Iterable[str] = (),
    state_cap: StateCap = "none",
    rounding: Rounding = "two_decimals",
    leader_components: LeaderComponents = "text",
    agency_recognised_excellent: Iterable[str] = (),
    party_excellent_rate: Mapping[str, PartyRate] | None = None,
) -> dict[str, Any]:
    """Compares an organisation tree under several regimes (``regimes``,
    ``grades_from_points`` as for :func:`compare`): the whole tree is evaluated under
    each regime as :func:`evaluate_org` evaluates it (facts derived from the tree, the
    Excellent quota unless ``quota=False``), then each record's decisions are compared
    (``docs/regimes.md``, "An organisation tree").

    ``tree`` is one nested unit: a dict, its JSON text, or a path to a ``.json`` file
    (JSON Lines of units are not read here). Returns the comparison as the CLI's
    ``compare --org --format json`` writes it: ``regimes`` (per regime its ``total``
    and what it ``rejected``), ``records`` (per record its ``unit``, ``role``,
    ``levels`` and ``outcomes`` in the order compared, ``levels_agree`` and the
    ``differences``, topic by topic) and ``changes`` (per pair of regimes, how many
    records classified under both are rated ``up`` or ``down`` under the second).
    :func:`org_comparison_frame` turns its records into a DataFrame. The state options
    (``state_cap``, ``rounding``, ``leader_components``, ``agency_recognised_excellent``,
    ``party_excellent_rate``) are :func:`evaluate_org`'s, for a tree holding state
    records.

    Raises :class:`AssessmentError` when the tree cannot be read.

    >>> root = {"id": "cb", "members": [
    ...     {"id": f"dv-{i}", "period": {"year": 2025}, "subject": {"kind": "member"},
    ...      "score": {"general": 28, "task_results": 60 + 2 * i},
    ...      "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 4}}
    ...     for i in range(6)]}
    >>> compared = compare_org(root, grades_from_points="score_shares")
    >>> [(r["regime"]["id"], r["total"]["excellent"], r["total"]["good"])
    ...  for r in compared["regimes"]]
    [('qd366', 1, 5), ('qd124', 0, 6), ('qd132', 1, 5)]
    >>> compared["changes"][0]
    {'from': 'qd366', 'to': 'qd124', 'compared': 6, 'up': 0, 'down': 1}
    """
    comparison: dict[str, Any] = _native.compare_org(
        _tree_text(tree),
        regimes=None if regimes is None else list(regimes),
        grades_from_points=grades_from_points,
        reading=reading,
        basic_targets=basic_targets,
        quota=quota,
        quota_reading=quota_reading,
        raised_ratio_groups=list(raised_ratio_groups),
        **_state_settings(
            state_cap, rounding, leader_components, agency_recognised_excellent,
            party_excellent_rate,
        ),
    )
    return comparison


def org_comparison_frame(comparison: Mapping[str, Any]) -> pd.DataFrame:
    """The records of a :func:`compare_org` result as a DataFrame, one row per record in
    tree order: ``id``, ``unit``, ``role``, then per regime ``level_<regime>`` (an
    ordered categorical), ``outcome_<regime>`` (null: rejected under that regime) and
    ``error_<regime>`` (``code at path`` of the record's errors under that regime, from
    its ``rejected``), then ``levels_agree`` and ``differs`` (the topics on which the
    regimes settle the record differently, in the order of evaluation).

    >>> root = {"id": "cb", "members": [
    ...     {"id": "dv-1", "period": {"year": 2025}, "subject": {"kind": "member"},
    ...      "score": {"general": 28, "task_results": 66},
    ...      "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 4}}]}
    >>> compared = compare_org(root, ["qd366", "qd124"], "score_shares", quota=False)
    >>> frame = org_comparison_frame(compared)
    >>> frame[["id", "role", "level_qd366", "level_qd124", "differs"]]
         id    role level_qd366 level_qd124            differs
    0  dv-1  member   excellent        good  [excellent, good]
    """
    regime_ids: list[str] = [r["regime"]["id"] for r in comparison["regimes"]]
    # Errors of records rejected under a regime, by record id.
    errors: list[dict[str, str]] = []
    for result in comparison["regimes"]:
        by_id: dict[str, str] = {}
        for entry in result["rejected"]:
            if entry.get("id") is None:
                continue
            located = "; ".join(
                f"{e['code']} at {e['path']}" if e["path"] else e["code"] for e in entry["errors"]
            )
            by_id[entry["id"]] = located if entry["id"] not in by_id else f"{by_id[entry['id']]}; {located}"
        errors.append(by_id)
    records = comparison["records"]
    columns: dict[str, Any] = {
        "id": [r["id"] for r in records],
        "unit": [r["unit"] for r in records],
        "role": pd.Categorical([r["role"] for r in records], categories=_native.roles()),
    }
    levels = [level["id"] for level in _native.levels()]
    outcomes = ["classified", "not_classified", "undetermined"]
    for position, regime in enumerate(regime_ids):
        columns[f"level_{regime}"] = pd.Categorical(
            [r["levels"][position] for r in records], categories=levels, ordered=True
        )
    for position, regime in enumerate(regime_ids):
        columns[f"outcome_{regime}"] = pd.Categorical(
            [r["outcomes"][position] for r in records], categories=outcomes
        )
    for position, regime in enumerate(regime_ids):
        columns[f"error_{regime}"] = [errors[position].get(r["id"]) for r in records]
    columns["levels_agree"] = pd.array([r["levels_agree"] for r in records], dtype="boolean")
    columns["differs"] = pd.Series(
        [[t["topic"] for t in r["differences"]] for r in records], dtype=object
    )
    return pd.DataFrame(columns)


def regimes() -> list[RegimeInfo]:
    """The regimes the library knows: the party's oldest first, then the state's.

    >>> [(r["id"], r["document"]) for r in regimes()][:3]
    [('qd132', '132-QĐ/TW'), ('qd124', '124-QĐ/TW'), ('qd366', '366-QĐ/TW')]
    >>> [r["id"] for r in regimes()][3:]
    ['nd90', 'nd335', 'nd233']
    >>> all(r["implemented"] for r in regimes())
    True
    """
    return cast(list[RegimeInfo], _native.regimes())


def columns() -> list[ColumnInfo]:
    """The flat columns of a table: each leaf of the assessment, named by its path.

    >>> [c["name"] for c in columns()][:4]
    ['id', 'period_year', 'period_quarter', 'period_from']
    >>> next(c for c in columns() if c["name"] == "tasks_on_time")["path"]
    '/tasks/on_time'

    The criterion grades of QĐ 124 and QĐ 132 are a family of columns, one per
    criterion id:

    >>> grades = next(c for c in columns() if c["path"] == "/grades/criteria")
    >>> grades["prefix"], grades["choices"]
    ('grades_criteria_', ['excellent', 'good', 'average', 'poor'])
    """
    return cast(list[ColumnInfo], _native.columns())


def rules() -> list[RuleInfo]:
    """The rule catalogue: every rule id with its citation and basis."""
    return cast(list[RuleInfo], _native.rules())


def levels() -> list[LevelInfo]:
    """The four levels, lowest first.

    >>> [(level["code"], level["floor"]) for level in levels()]
    [('KHTNV', 0), ('HTNV', 50), ('HTTNV', 70), ('HTXSNV', 90)]
    """
    return cast(list[LevelInfo], _native.levels())


def error_codes() -> list[str]:
    """Every stable error code an :class:`AssessmentError` may carry."""
    return _native.error_codes()


def conduct_catalogue() -> dict[str, Any]:
    """The conduct checklist catalogue as shipped with the core: the documents of the
    things party members must not do and of exemplary conduct, each item with its
    source article, kind and effect on the rating (``docs/conduct-catalogue.md``).

    >>> catalogue = conduct_catalogue()
    >>> sorted(catalogue["items"][0])[:4]
    ['applies_to', 'article', 'confirmation', 'document']
    """
    catalogue: dict[str, Any] = json.loads(_native.conduct_catalogue_json())
    return catalogue


def criteria_catalogue(appendix: Literal["pl1", "pl2", "pl3", "pl4", "pl5"]) -> dict[str, Any]:
    """The criteria of one appendix of QĐ 366 (``pl1`` collectives … ``pl5`` members
    outside the political system): its groups and items with their citations.

    >>> pl4 = criteria_catalogue("pl4")
    >>> [(group["group"], group["max"]) for group in pl4["groups"]]
    [('general', 30), ('task_results', 70)]
    """
    catalogue: dict[str, Any] = _native.criteria_catalogue(appendix)
    return catalogue


def form_schema(
    kind: Literal["member", "leader", "collective"],
    *,
    on: str,
    outside_political_system: bool = False,
    centrally_managed: bool = False,
    collective_kind: str | None = None,
    scope: Mapping[str, Any] | None = None,
    profile: str | None = None,
) -> dict[str, Any]:
    """The self-assessment form (Mẫu 2A, 2B, 2C or 01 of HD 43) for a subject, as JSON a
    browser or an HR system renders: sections of fields, each with the contract path it
    fills, its range, labels and help in Vietnamese and English, and the citation of the
    rule that reads it; ``on`` picks the conduct items in force; ``profile`` (a shipped
    criteria profile's id) gives one field per criteria item.

    >>> form = form_schema("member", on="2025-12-31")
    >>> form["form"], form["appendix"]
    ('2B', 'pl4')
    >>> [section["id"] for section in form["sections"]][:4]
    ['status', 'general_criteria', 'task_results_points', 'tasks']
    """
    request: dict[str, Any] = {
        "kind": kind,
        "on": on,
        "outside_political_system": outside_political_system,
        "centrally_managed": centrally_managed,
    }
    if collective_kind is not None:
        request["collective_kind"] = collective_kind
    if scope is not None:
        request["scope"] = dict(scope)
    schema: dict[str, Any] = _native.form_schema(_to_json(request), profile=profile)
    return schema
