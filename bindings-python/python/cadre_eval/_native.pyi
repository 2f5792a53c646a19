# Stubs of the compiled module; `python -m mypy.stubtest cadre_eval._native` checks them
# against the module in the test command.
from decimal import Decimal
from typing import Any, final

import pyarrow as pa

from .types import StatePart, StateQuotaReport

__all__ = [
    "Decision",
    "Reason",
    "__version__",
    "apply_quota",
    "columns",
    "compare_json",
    "compare_json_array",
    "compare_org",
    "compare_table",
    "conduct_catalogue_json",
    "criteria_catalogue",
    "error_codes",
    "form_schema",
    "evaluate_json",
    "evaluate_json_array",
    "evaluate_long_tables",
    "evaluate_org",
    "evaluate_table",
    "levels",
    "long_column",
    "regimes",
    "roles",
    "rules",
    "sheet_column",
    "write_template",
    "write_workbook_records",
    "write_workbook_tree",
]
__version__: str

@final
class Decision:
    @property
    def id(self) -> str: ...
    @property
    def regime(self) -> str | None: ...
    @property
    def regime_document(self) -> str | None: ...
    @property
    def rating(self) -> str | None: ...
    @property
    def state(self) -> StatePart | None: ...
    @property
    def state_rating(self) -> dict[str, Any] | None: ...
    @property
    def regime_info(self) -> dict[str, Any]: ...
    @property
    def period(self) -> dict[str, str]: ...
    @property
    def as_of(self) -> str: ...
    @property
    def outcome(self) -> str: ...
    @property
    def level(self) -> str | None: ...
    @property
    def label(self) -> dict[str, str] | None: ...
    @property
    def score(self) -> Decimal | None: ...
    @property
    def band(self) -> str | None: ...
    @property
    def needs_decision(self) -> bool: ...
    @property
    def reading(self) -> str: ...
    @property
    def reasons(self) -> list[Reason]: ...
    @property
    def alternatives(self) -> list[dict[str, Any]]: ...
    @property
    def quota(self) -> dict[str, Any] | None: ...
    @property
    def quota_group(self) -> str | None: ...
    def deciding_reason(self) -> Reason | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...

@final
class Reason:
    @property
    def rule(self) -> str: ...
    @property
    def holds(self) -> bool: ...
    @property
    def effect(self) -> str: ...
    @property
    def level(self) -> str | None: ...
    @property
    def citation(self) -> dict[str, str | None]: ...
    @property
    def basis(self) -> str: ...
    @property
    def message(self) -> dict[str, str]: ...
    @property
    def values(self) -> dict[str, Any]: ...
    def to_dict(self) -> dict[str, Any]: ...

def evaluate_json(
    text: str,
    *,
    reading: str = "cascade",
    basic_targets: str = "any",
    state_cap: str = "none",
    rounding: str = "two_decimals",
    leader_components: str = "text",
) -> Decision: ...
def evaluate_table(
    table: Any,
    *,
    reading: str = "cascade",
    basic_targets: str = "any",
    reasons: bool = False,
    messages: bool = True,
    quota: bool = False,
    quota_reading: str = "final_tally",
    raised_ratio_groups: list[str] = ...,
    threads: int | None = None,
    state_cap: str = "none",
    rounding: str = "two_decimals",
    leader_components: str = "text",
    agency_recognised_excellent: list[str] = ...,
    party_excellent_rate: str | None = None,
) -> tuple[list[pa.RecordBatch], list[pa.RecordBatch] | None, Any, list[StateQuotaReport]]: ...
def evaluate_long_tables(
    periods: Any,
    products: Any = None,
    party: Any = None,
    *,
    reading: str = "cascade",
    basic_targets: str = "any",
    state_cap: str = "none",
    rounding: str = "two_decimals",
    leader_components: str = "text",
    quota: bool = False,
    quota_reading: str = "final_tally",
    raised_ratio_groups: list[str] = ...,
) -> dict[str, Any]: ...
def evaluate_json_array(
    text: str,
    *,
    reading: str = "cascade",
    basic_targets: str = "any",
    reasons: bool = False,
    messages: bool = True,
    quota: bool = False,
    quota_reading: str = "final_tally",
    raised_ratio_groups: list[str] = ...,
    threads: int | None = None,
    state_cap: str = "none",
    rounding: str = "two_decimals",
    leader_components: str = "text",
    agency_recognised_excellent: list[str] = ...,
    party_excellent_rate: str | None = None,
) -> tuple[list[pa.RecordBatch], list[pa.RecordBatch] | None, Any, list[StateQuotaReport]]: ...
def apply_quota(
    decisions: list[Decision],
    *,
    reading: str = "final_tally",
    raised_ratio_groups: list[str] = ...,
) -> tuple[list[Decision], Any]: ...
def evaluate_org(
    text: str,
    *,
    lines: bool = False,
    reading: str = "cascade",
    basic_targets: str = "any",
    quota: bool = True,
    quota_reading: str = "final_tally",
    raised_ratio_groups: list[str] = ...,
    reasons: bool = False,
    messages: bool = True,
    state_cap: str = "none",
    rounding: str = "two_decimals",
    leader_components: str = "text",
    agency_recognised_excellent: list[str] = ...,
    party_excellent_rate: str | None = None,
) -> tuple[list[pa.RecordBatch], list[pa.RecordBatch] | None, Any]: ...
def compare_json(
    text: str,
    *,
    regimes: list[str] | None = None,
    grades_from_points: str | None = None,
    reading: str = "cascade",
    basic_targets: str = "any",
) -> Any: ...
def compare_table(
    table: Any,
    *,
    regimes: list[str] | None = None,
    grades_from_points: str | None = None,
    reading: str = "cascade",
    basic_targets: str = "any",
    threads: int | None = None,
) -> list[pa.RecordBatch]: ...
def compare_json_array(
    text: str,
    *,
    regimes: list[str] | None = None,
    grades_from_points: str | None = None,
    reading: str = "cascade",
    basic_targets: str = "any",
) -> list[pa.RecordBatch]: ...
def compare_org(
    text: str,
    *,
    regimes: list[str] | None = None,
    grades_from_points: str | None = None,
    reading: str = "cascade",
    basic_targets: str = "any",
    quota: bool = True,
    quota_reading: str = "final_tally",
    raised_ratio_groups: list[str] = ...,
    state_cap: str = "none",
    rounding: str = "two_decimals",
    leader_components: str = "text",
    agency_recognised_excellent: list[str] = ...,
    party_excellent_rate: str | None = None,
) -> Any: ...
def regimes() -> Any: ...
def columns() -> Any: ...
def rules() -> Any: ...
def levels() -> Any: ...
def error_codes() -> list[str]: ...
def roles() -> list[str]: ...
def conduct_catalogue_json() -> str: ...
def criteria_catalogue(appendix: str) -> Any: ...
def form_schema(request: str, *, profile: str | None = None) -> Any: ...

def sheet_column(header: str) -> str | None: ...
def long_column(table: str, header: str) -> str | None: ...
def write_template(
    path: str,
    *,
    records: str | None = None,
    tree: str | None = None,
    kinds: list[str] = ...,
    regime: str | None = None,
    criteria: list[str] = ...,
    english: bool = False,
) -> None: ...
def write_workbook_records(
    path: str,
    table: Any | None = None,
    *,
    text: str | None = None,
    reading: str = "cascade",
    basic_targets: str = "any",
    quota: bool = False,
    quota_reading: str = "final_tally",
    raised_ratio_groups: list[str] = ...,
) -> None: ...
def write_workbook_tree(
    path: str,
    text: str,
    *,
    lines: bool = False,
    reading: str = "cascade",
    basic_targets: str = "any",
    quota: bool = True,
    quota_reading: str = "final_tally",
    raised_ratio_groups: list[str] = ...,
) -> None: ...
