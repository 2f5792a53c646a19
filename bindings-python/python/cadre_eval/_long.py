"""Long tables of state records (design §16): a periods table (one row per person and
period) and an optional products table (one row per product), with an optional party
table evaluated in the same call. The core reads, pairs, evaluates and applies the
quotas; this module converts the tables to Arrow and the results to DataFrames."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pyarrow as pa

from . import _native

#: A periods table is recognised by one of these columns.
PERIOD_KEYS = ("periods_month", "periods_quarter")

#: The state frame's columns, in order.
STATE_COLUMNS = (
    "id", "outcome", "level", "score", "band", "needs_decision", "regime", "employment",
    "deciding_rule", "alternative_level", "periods_counted", "periods_listed", "mean",
    "agency", "quota_group", "quota_scope", "quota_rank", "quota_e_max", "quota_demoted",
    "quota_tied_at_cut", "error_codes", "errors",
)

#: The periods frame's columns after ``id`` and the period.
PERIOD_RESULT_COLUMNS = (
    "counted", "general", "a", "b", "c", "d", "dd", "e", "task_results", "score",
    "score_2dp",
)

#: The party frame's columns.
PARTY_COLUMNS = (
    "id", "outcome", "level", "score", "band", "needs_decision", "regime",
    "state_level", "state_regime", "state_source", "mismatch", "error_codes", "errors",
)


def is_long(records: Any) -> bool:
    """Whether a table is a long table of state periods: a column naming the month or
    the quarter, by its name or its Vietnamese or English header (the core says which:
    ``Tháng``, ``Quarter``)."""
    names = getattr(records, "columns", None)
    if names is None:
        names = getattr(records, "column_names", None)
    return names is not None and any(
        isinstance(name, str) and _native.long_column("periods", name) in PERIOD_KEYS
        for name in list(names)
    )


def to_arrow(table: Any, what: str) -> pa.Table:
    """A DataFrame or pyarrow table as Arrow, each column as pandas holds it (a NaN is
    an empty cell)."""
    if isinstance(table, pa.Table):
        return table
    if isinstance(table, pa.RecordBatch):
        return pa.Table.from_batches([table])
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{what} must be a pandas DataFrame or a pyarrow Table")
    arrays = []
    for name in table.columns:
        if not isinstance(name, str):
            raise TypeError(f"{what}: column names must be text, not {name!r}")
        arrays.append(pa.array(table[name], from_pandas=True))
    return pa.Table.from_arrays(arrays, names=[str(n) for n in table.columns])


def _party(party: Any) -> Any:
    """The party records: a table as Arrow, a list of dicts as a JSON array's text."""
    if party is None:
        return None
    if isinstance(party, (pd.DataFrame, pa.Table, pa.RecordBatch)):
        return to_arrow(party, "party")
    return json.dumps(list(party), ensure_ascii=False)


def _errors(errors: list[dict[str, Any]] | None) -> tuple[str | None, list[dict[str, Any]] | None]:
    if not errors:
        return None, None
    return ",".join(dict.fromkeys(e["code"] for e in errors)), errors


def _frame(
    rows: list[dict[str, Any]], columns: tuple[str, ...], floats: tuple[str, ...] = ("score",)
) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    for name in ("needs_decision", "quota_demoted", "quota_tied_at_cut", "mismatch", "counted"):
        if name in frame.columns:
            frame[name] = frame[name].astype("boolean")
    for name in ("periods_counted", "periods_listed", "quota_rank", "quota_e_max"):
        if name in frame.columns:
            frame[name] = frame[name].astype("Int64")
    for name in floats:
        if name in frame.columns:
            frame[name] = frame[name].astype("float64")
    return frame


def evaluate(
    periods: Any,
    products: Any,
    party: Any,
    *,
    want_periods: bool,
    reasons: bool,
    messages: bool,
    quota: bool,
    options: dict[str, Any],
) -> pd.DataFrame | tuple[pd.DataFrame, ...]:
    """:func:`cadre_eval.evaluate_many` on a long table of state periods."""
    result = _native.evaluate_long_tables(
        to_arrow(periods, "records"),
        None if products is None else to_arrow(products, "products"),
        _party(party),
        quota=quota,
        **options,
    )
    state_rows = []
    period_rows: list[dict[str, Any]] = []
    reason_rows: list[dict[str, Any]] = []
    for position, person in enumerate(result["persons"]):
        row = dict(person["row"])
        row["error_codes"], row["errors"] = _errors(person["errors"])
        state_rows.append(row)
        record = person["record"]
        if record is None:
            continue
        for period in record["state"]["periods"]:
            item: dict[str, Any] = {"id": record["id"]}
            key = "periods_month" if period.get("month") is not None else "periods_quarter"
            item[key] = period.get("month") or period.get("quarter")
            for name in PERIOD_RESULT_COLUMNS:
                value = period.get(name)
                item[name] = value if name in ("counted", "score_2dp") or value is None else str(value)
            period_rows.append(item)
        reason_rows.extend(_reasons(position, record, messages))
    state = _frame(state_rows, STATE_COLUMNS)
    state.attrs["table_errors"] = result["errors"]
    if quota:
        state.attrs["quota_groups"] = result["groups"]
        state.attrs["state_quota_groups"] = result["state_groups"]
    frames: list[pd.DataFrame] = [state]
    if want_periods:
        keys = [k for k in PERIOD_KEYS if any(k in r for r in period_rows)] or [PERIOD_KEYS[0]]
        frames.append(
            _frame(period_rows, ("id", *keys, *PERIOD_RESULT_COLUMNS), floats=("score_2dp",))
        )
    if reasons:
        frames.append(pd.DataFrame(reason_rows))
    if party is not None:
        party_rows = []
        for item in result["party"]:
            record = item["record"]
            party_row: dict[str, Any] = {}
            if record is not None:
                link = record.get("state_rating") or {}
                mismatch = next(
                    (r["holds"] for r in record["reasons"] if r["rule"] == "link.state_party.mismatch"),
                    None,
                )
                party_row = {
                    "id": record["id"], "outcome": record["outcome"], "level": record.get("level"),
                    "score": record.get("score"), "band": record.get("band"),
                    "needs_decision": record["needs_decision"], "regime": record.get("regime"),
                    "state_level": link.get("level"), "state_regime": link.get("regime"),
                    "state_source": link.get("source"), "mismatch": mismatch,
                }
            party_row["error_codes"], party_row["errors"] = _errors(item["errors"])
            party_rows.append(party_row)
        frames.append(_frame(party_rows, PARTY_COLUMNS))
    return frames[0] if len(frames) == 1 else tuple(frames)


def _reasons(position: int, record: dict[str, Any], messages: bool) -> list[dict[str, Any]]:
    rows = []
    for index, reason in enumerate(record["reasons"]):
        citation = reason.get("citation") or {}
        row = {
            "row": position, "id": record["id"], "position": index, "rule": reason["rule"],
            "holds": reason["holds"], "effect": reason["effect"], "level": reason.get("level"),
            "citation_document": citation.get("document"),
            "citation_article": citation.get("article"),
            "citation_clause": citation.get("clause"), "basis": reason.get("basis"),
            "values": json.dumps(reason.get("values") or {}, ensure_ascii=False),
        }
        if messages:
            row["message_vi"] = reason["message"]["vi"]
            row["message_en"] = reason["message"]["en"]
        rows.append(row)
    return rows
