"""Tables in and out: pandas and pyarrow to the flat columns the core reads, and the
core's Arrow results back to pandas. Conversion only; nothing here decides anything."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import _native
from ._errors import AssessmentError, ErrorDetail

__all__ = ["to_arrow", "decisions_frame", "reasons_frame", "comparisons_frame"]

_KINDS: dict[str, str] = {
    c["name"]: c["kind"] for c in _native.columns() if c["prefix"] is None
}
# Families of columns keyed by the caller's ids (`grades_criteria_<id>`): prefix → kind.
_PREFIX_KINDS: dict[str, str] = {
    c["prefix"]: c["kind"] for c in _native.columns() if c["prefix"] is not None
}
_TEXT_KINDS = {"text", "date", "choice"}
# The keys of a discipline record and the kind of each.
_RECORD_KINDS: dict[str, str] = {
    name.removeprefix("discipline_"): kind
    for name, kind in _KINDS.items()
    if name.startswith("discipline_")
}
_LEVELS = [level["id"] for level in _native.levels()]


def _kind_of(name: str) -> str | None:
    """The kind of a table's column, or None for a name the contract does not have."""
    kind = _KINDS.get(name)
    if kind is not None:
        return kind
    for prefix, family_kind in _PREFIX_KINDS.items():
        if name.startswith(prefix) and len(name) > len(prefix):
            return family_kind
    return None


def _type_error(column: str, detail: str) -> AssessmentError:
    error: ErrorDetail = {
        "code": "invalid_type",
        "path": "/" + column.replace("~", "~0").replace("/", "~1"),
        "message": {
            "vi": f"Cột `{column}` không đọc được: {detail}",
            "en": f"column `{column}` cannot be read: {detail}",
        },
        "column": column,
    }
    return AssessmentError(f"1 problem: invalid_type at `{error['path']}`: {detail}", [error])


def _try_cast(array: Any, target: pa.DataType) -> Any:
    """The array cast to `target`, or unchanged when some value does not convert (the
    core then reports each such row by itself)."""
    try:
        return pc.cast(array, target)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return array


def _wide_integers(array: Any) -> Any:
    """Integers as int64, or, when some value is beyond int64 (a uint64 holding 2⁶⁴−1),
    as float64: that row alone is then out of range (issue 16, defect 10: the whole
    table was refused)."""
    cast = _try_cast(array, pa.int64())
    if pa.types.is_int64(cast.type):
        return cast
    return pc.cast(array, pa.float64(), safe=False)


def _normalise(array: Any, kind: str) -> Any:
    """One column in the Arrow type the core reads for its kind."""
    t = array.type
    if pa.types.is_dictionary(t):
        array = array.dictionary_decode()
        t = array.type
    if pa.types.is_null(t):
        return array
    if kind in _TEXT_KINDS:
        if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
            return array
        if pa.types.is_timestamp(t):
            array = pc.cast(array, pa.date32())
        return _try_cast(array, pa.string())
    if kind in {"count", "year"}:
        if pa.types.is_integer(t):
            # A uint64 beyond int64 (2⁶⁴−1) is read as a float: its row alone is then
            # out of range (issue 16, defect 10: the whole table was refused).
            return _wide_integers(array)
        if pa.types.is_floating(t) or pa.types.is_decimal(t):
            return _try_cast(array, pa.float64())
        return array
    if kind == "decimal":
        if pa.types.is_integer(t):
            return _wide_integers(array)
        if pa.types.is_floating(t):
            return _try_cast(array, pa.float64())
        if pa.types.is_decimal(t):
            # Exact decimal text; the core reads it without rounding.
            return _try_cast(array, pa.string())
        return array
    if kind == "flag":
        if pa.types.is_boolean(t):
            return array
        return _try_cast(array, pa.bool_())
    if kind == "records":
        return _normalise_records(array)
    return array


def _normalise_records(array: Any) -> Any:
    """The `discipline` column: a list of structs whose fields have the core's types."""
    t = array.type
    if not (pa.types.is_list(t) or pa.types.is_large_list(t)):
        return array
    values = array.values
    if not pa.types.is_struct(values.type):
        return array
    # `values` holds every list's items; the offsets below still index into it.
    fields = [values.type.field(i).name for i in range(values.type.num_fields)]
    children = [
        _normalise(values.field(name), _RECORD_KINDS.get(name, "text")) for name in fields
    ]
    items = pa.StructArray.from_arrays(children, names=fields, mask=values.is_null())
    offsets = array.offsets
    return type(array).from_arrays(offsets, items, mask=array.is_null())


def _normalise_table(table: pa.Table) -> pa.Table:
    columns = []
    for name, column in zip(table.column_names, table.columns):
        kind = _kind_of(name)
        if kind is None:
            columns.append(column)  # the core reports it as an unknown column
            continue
        chunks = [_normalise(chunk, kind) for chunk in column.chunks]
        if not chunks:
            columns.append(column)
            continue
        types = {chunk.type for chunk in chunks}
        if len(types) > 1:
            chunks = [pc.cast(chunk, chunks[0].type) for chunk in chunks]
        columns.append(pa.chunked_array(chunks, type=chunks[0].type))
    return pa.Table.from_arrays(columns, names=table.column_names)


# The columns a spreadsheet holds beside the record (a name, a unit, notes): not read.
_BESIDE = {"name", "unit", "notes"}


def _flat_name(name: str) -> str | None:
    """The flat column a header names: a flat name as it is; a spreadsheet header
    (``Số nhiệm vụ vượt mức``, ``Tasks exceeded``, ``Tiêu chí: chinh_tri``) as the core
    reads it; None for a column beside the record. A name the core does not know is
    kept, for the core to report."""
    if _kind_of(name) is not None:
        return name
    key = _native.sheet_column(name)
    if key is None:
        return name
    return None if key in _BESIDE else key


def _flat_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A DataFrame read from a template (Vietnamese or English headers) with the flat
    names of its columns; the columns beside the record left out."""
    names = [_flat_name(name) if isinstance(name, str) else name for name in frame.columns]
    if names == list(frame.columns):
        return frame
    keep = [i for i, name in enumerate(names) if name is not None]
    renamed = frame.iloc[:, keep].copy()
    renamed.columns = [names[i] for i in keep]
    return renamed


def _flat_table(table: pa.Table) -> pa.Table:
    """A pyarrow Table with spreadsheet headers, as :func:`_flat_frame`."""
    names = [_flat_name(name) for name in table.column_names]
    if names == table.column_names:
        return table
    keep = [i for i, name in enumerate(names) if name is not None]
    return pa.Table.from_arrays(
        [table.column(i) for i in keep], names=[str(names[i]) for i in keep]
    )


def _refuse_duplicate_columns(names: list[Any]) -> None:
    """A column named twice (or a Vietnamese and an English header for the same field)
    is an error naming it (issue 16, defect 10: it raised a bare ``KeyError: 0``)."""
    seen: set[Any] = set()
    for name in names:
        if name in seen:
            raise _type_error(str(name), "the column appears more than once")
        seen.add(name)


def to_arrow(records: Any) -> pa.Table:
    """A pandas DataFrame, a pyarrow Table or RecordBatch as a table of flat columns;
    headers of a template (Vietnamese or English) are read as their flat columns."""
    if isinstance(records, pd.DataFrame):
        records = _flat_frame(records)
        _refuse_duplicate_columns(list(records.columns))
        arrays = []
        names = []
        for name in records.columns:
            if not isinstance(name, str):
                raise _type_error(str(name), "column names must be text")
            try:
                arrays.append(pa.array(records[name], from_pandas=True))
            except (pa.ArrowInvalid, pa.ArrowTypeError) as error:
                raise _type_error(name, str(error)) from None
            names.append(name)
        table = pa.Table.from_arrays(arrays, names=names)
    elif isinstance(records, pa.RecordBatch):
        table = _flat_table(pa.Table.from_batches([records]))
        _refuse_duplicate_columns(table.column_names)
    elif isinstance(records, pa.Table):
        table = _flat_table(records)
        _refuse_duplicate_columns(table.column_names)
    else:  # pragma: no cover - the caller checks
        raise TypeError(f"not a table: {type(records).__name__}")
    return _normalise_table(table)


_TYPES: dict[pa.DataType, Any] = {
    pa.bool_(): pd.BooleanDtype(),
    pa.uint16(): pd.UInt16Dtype(),
    pa.uint32(): pd.UInt32Dtype(),
}


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    frame = table.to_pandas(types_mapper=_TYPES.get)
    for name in ("level", "band", "alternative_level"):
        if name in frame.columns:
            frame[name] = frame[name].cat.set_categories(_LEVELS, ordered=True)
    return frame


def _error_cells(errors: Any) -> list[Any]:
    """The ``errors`` column as one list of dicts per rejected row (None for the others);
    only rejected rows become Python objects."""
    cells: list[Any] = [None] * len(errors)
    if errors.null_count < len(errors):
        rows: list[int] = pc.indices_nonzero(pc.is_valid(errors)).to_pylist()
        values: list[Any] = pc.take(errors, rows).to_pylist()
        for row, value in zip(rows, values):
            cells[row] = [{k: v for k, v in item.items() if v is not None} for item in value]
    return cells


def decisions_frame(batches: list[pa.RecordBatch], index: pd.Index | None) -> pd.DataFrame:
    """The decisions table as a DataFrame: categoricals for names, nullable booleans,
    ``errors`` as lists of dicts (None for evaluated rows)."""
    table = pa.Table.from_batches(batches)
    errors = _error_cells(table.column("errors"))
    frame = _to_pandas(table.drop_columns(["errors"]))
    frame["errors"] = pd.Series(errors, index=frame.index, dtype=object)
    if index is not None:
        frame.index = index
    return frame


def comparisons_frame(batches: list[pa.RecordBatch], index: pd.Index | None) -> pd.DataFrame:
    """The comparisons table as a DataFrame: ``level_<regime>`` ordered categoricals,
    ``differs`` as lists of topic names and ``errors`` as lists of dicts (None for rows
    that could not be read)."""
    table = pa.Table.from_batches(batches)
    errors = _error_cells(table.column("errors"))
    differs: list[Any] = table.column("differs").to_pylist()
    frame = _to_pandas(table.drop_columns(["differs", "errors"]))
    for name in frame.columns:
        if name.startswith("level_"):
            frame[name] = frame[name].cat.set_categories(_LEVELS, ordered=True)
    frame.insert(
        list(frame.columns).index("levels_agree") + 1,
        "differs",
        pd.Series(differs, index=frame.index, dtype=object),
    )
    frame["errors"] = pd.Series(errors, index=frame.index, dtype=object)
    if index is not None:
        frame.index = index
    return frame


def reasons_frame(batches: list[pa.RecordBatch]) -> pd.DataFrame:
    """The reasons table as a DataFrame."""
    return _to_pandas(pa.Table.from_batches(batches))
