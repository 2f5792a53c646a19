"""Typed records of the contract (``spec/contract.md``), for static checking.

An assessment passed to :func:`cadre_eval.evaluate` is a plain dict; annotating it as
:class:`Assessment` lets mypy check its keys and value types. Keys left out take the
contract's defaults. Records of QĐ 124 and QĐ 132 carry :class:`Grades` instead of a
:class:`Score` (``docs/regimes.md``).

>>> from cadre_eval.types import Assessment
>>> record: Assessment = {
...     "id": "dv-1", "period": {"year": 2025}, "subject": {"kind": "member"},
...     "score": {"general": 27.5, "task_results": 63},
...     "tasks": {"assigned": 12, "completed": 12, "on_time": 12, "exceeded": 3},
... }
"""

from __future__ import annotations

from typing import Literal, Required, TypedDict

__all__ = [
    "Assessment",
    "BasicTargets",
    "CollectiveFacts",
    "Conclusions",
    "ConfidenceVote",
    "DisciplineRecord",
    "Grade",
    "Grades",
    "Leave",
    "LeaderFacts",
    "LevelCounts",
    "Mitigation",
    "Period",
    "Procedure",
    "Score",
    "StatePart",
    "StatePeriod",
    "StateQuotaReport",
    "PartyRateCounts",
    "Shortcomings",
    "Subject",
    "Tasks",
    "TemporaryActivity",
    "UnitsInCharge",
    "Level",
    "Outcome",
    "Effect",
]

Level = Literal["excellent", "good", "completed", "not_completed"]
Grade = Literal["excellent", "good", "average", "poor"]
Outcome = Literal["classified", "not_classified", "undetermined"]
Effect = Literal["decides", "blocks", "excludes", "needs_decision", "demotes", "info"]
SubjectKind = Literal["member", "leader", "collective"]
CollectiveKind = Literal["leadership", "party_committee", "party_organisation", "agency"]
PartyStatus = Literal["active", "exempted", "suspended"]
DisciplineForm = Literal["reprimand", "warning", "removal", "expulsion", "dissolution"]
Number = int | float


# `from` is a Python keyword, hence the functional form: `{year}`, `{year, quarter}`
# or `{from, to}`.
Period = TypedDict(
    "Period", {"year": int, "quarter": int, "from": str, "to": str}, total=False
)


class TemporaryActivity(TypedDict, total=False):
    """Temporary party activity at another chi bộ."""

    unit: Required[str]
    comment_received: bool


class Subject(TypedDict, total=False):
    """Who is assessed."""

    kind: Required[SubjectKind]
    in_political_system: bool
    centrally_managed: bool
    collective_kind: CollectiveKind
    party_status: PartyStatus
    admitted_on: str
    established_on: str
    temporary_activity: TemporaryActivity


class Score(TypedDict):
    """QĐ 366 points: general criteria 0–30, task results 0–70, at most two decimals."""

    general: Number
    task_results: Number


class Grades(TypedDict):
    """QĐ 124, QĐ 132: the grade of each criterion other than task results, by the
    caller's id (1–32 entries), and of the task-results criterion."""

    criteria: dict[str, Grade]
    task_results: Grade


class Tasks(TypedDict, total=False):
    """Task counts of the period."""

    assigned: Required[int]
    completed: Required[int]
    on_time: Required[int]
    exceeded: Required[int]
    not_completed: int


class Shortcomings(TypedDict):
    """Shortcomings identified at the previous review, and how many are fixed."""

    identified: int
    fixed: int


class Leave(TypedDict, total=False):
    """Sick and maternity leave in the period."""

    sick_months: Number
    maternity: bool


class DisciplineRecord(TypedDict, total=False):
    """One discipline decision."""

    form: Required[DisciplineForm]
    decided_on: Required[str]
    duty_related: bool
    at_previous_unit: bool
    counted_before: bool
    member_id: str


class Conclusions(TypedDict, total=False):
    """Conclusions of the competent level."""

    degradation: bool
    prohibition_breach: bool
    exemplary_breach: bool
    cadre_work_violation: bool
    disunity: bool
    member_degradation: bool


class ConfidenceVote(TypedDict):
    """A confidence vote held in the period."""

    low: int
    total: int


class UnitsInCharge(TypedDict):
    """Units in a leader's charge, and how many were rated Not completed."""

    total: int
    not_completed: int


class BasicTargets(TypedDict):
    """The five basic socio-economic targets."""

    applicable: bool
    missed: int


class LeaderFacts(TypedDict, total=False):
    """Facts for a leader's triggers."""

    confidence_vote: ConfidenceVote
    units_in_charge: UnitsInCharge
    basic_targets: BasicTargets
    scope_corruption_disciplined: bool
    main_targets_missed: bool
    headed_level: Level


class LevelCounts(TypedDict, total=False):
    """How many were rated at each level (absent: 0)."""

    excellent: int
    good: int
    completed: int
    not_completed: int


class CollectiveFacts(TypedDict, total=False):
    """Facts for a collective's conditions and triggers."""

    subordinate_units_disciplined: int
    basic_targets: BasicTargets
    subordinate_units: int
    main_targets_missed: bool
    member_levels: LevelCounts
    subordinate_levels: LevelCounts
    same_level_bodies_good: bool
    organisation_level: Level


class Mitigation(TypedDict, total=False):
    """Mitigation claimed."""

    self_detected_and_remedied: bool
    force_majeure: bool


class Procedure(TypedDict, total=False):
    """State of the procedure."""

    open_complaints: bool


class Assessment(TypedDict, total=False):
    """One assessment, as the contract's JSON object."""

    id: Required[str]
    period: Required[Period]
    subject: Required[Subject]
    as_of: str
    regime: Literal["qd366", "qd124", "qd132"]
    score: Score
    grades: Grades
    civil_service_level: Level
    tasks: Tasks
    shortcomings: Shortcomings
    leave: Leave
    discipline: list[DisciplineRecord]
    conclusions: Conclusions
    leader: LeaderFacts
    collective: CollectiveFacts
    mitigation: Mitigation
    procedure: Procedure
    quota_group: str


class StatePeriod(TypedDict, total=False):
    """One period of a state decision (``Decision.state["periods"]``); the numbers
    are exact, as text (``"n/d"`` or ``"n"``), except ``score_2dp``."""

    month: int
    quarter: int
    counted: Required[bool]
    general: float
    assigned_weight: float
    a: str
    b: str
    c: str
    d: str
    dd: str
    e: str
    task_results: str
    task_results_given: bool
    score: str
    score_2dp: float


class StatePart(TypedDict, total=False):
    """The state side of a decision (``Decision.state``, ``docs/state-regimes.md``)."""

    employment: Required[Literal["cong_chuc", "vien_chuc", "can_bo"] | None]
    unit_regulation: bool
    months_worked: float
    period_kind: Literal["month", "quarter"]
    periods: Required[list[StatePeriod]]
    periods_counted: int
    mean: str
    rounding: Literal["two_decimals", "one_decimal", "integer"]
    agency: str
    unit_level: Level


class PartyRateCounts(TypedDict):
    """ND 48's party Excellent rate of an agency as counts (``nd90.2.6``): ``excellent``
    of ``rated`` party members rated Excellent. A rate may also be a percent (a number,
    0 to 100, at most two decimals)."""

    excellent: int
    rated: int


class StateQuotaReport(TypedDict):
    """What the state quota did in one group with similar tasks or one agency
    (``spec/state-regimes.md`` §2.3): ``evaluate_many(..., quota=True)`` puts them in
    ``frame.attrs["state_quota_groups"]``; :class:`cadre_eval.OrgResult` has them as
    the ``state_groups`` frame."""

    scope: Literal["group", "agency"]
    name: str
    year: int
    regime: Literal["nd90", "nd335", "nd233"]
    rule: str
    ratio: str | None
    ratio_source: Literal["norm", "recognised", "given", "derived", "party_norm", "not_in_force"]
    rated: int
    candidates: int
    good: int
    e_max: int
    demoted: int
    tied_at_cut: int
