"""Events as a table: the one tabular shape shared by the store, the views and the exports.

A frame has one row per event and these columns, in this order:
``EVENT_FIELDS`` (ACLED names; ``evidence`` as a JSON string), then ``FRAME_EXTRAS``.
Dates stay ISO strings (``event_date``, ``published``); ``latitude``/``longitude`` are
floats with NaN for unresolved events; ``fatalities`` is a nullable integer (``Int64``, ``<NA>``
where the report gives no figure).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

import pandas as pd
import pyarrow as pa

from eventmap.model import EVENT_FIELDS, Event

FRAME_EXTRAS = (
    "trigger", "report_id", "language", "trigger_label", "alternatives", "resolution_note",
    "uncertainty_km", "admin1_pcode", "admin2_pcode", "admin3_pcode", "extractor",
    "number_of_sources", "sources", "corrected",
)
FRAME_COLUMNS = EVENT_FIELDS + FRAME_EXTRAS


def event_row(e: Event) -> dict:
    d = e.to_dict()
    d["evidence"] = json.dumps(d["evidence"], ensure_ascii=False, sort_keys=True)
    d["alternatives"] = json.dumps(d["alternatives"], ensure_ascii=False)
    d["trigger"] = e.evidence.trigger
    d["number_of_sources"] = 1
    d["sources"] = e.source
    d["corrected"] = False
    return d


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Events -> DataFrame with ``FRAME_COLUMNS`` (an empty frame keeps the columns)."""
    rows = [event_row(e) for e in events]
    df = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    return normalise_frame(df)


def fatalities_column(values: pd.Series) -> pd.Series:
    """Numbers killed as a nullable integer column: anything but a whole number from 0 to 10^9 is <NA>."""
    num = pd.to_numeric(values, errors="coerce")
    num = num.where((num >= 0) & (num <= 10**9) & (num == num.round()))
    return num.astype("Int64")


def normalise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Give any frame of events the standard columns and dtypes (missing columns filled)."""
    for col in FRAME_COLUMNS:
        if col not in df.columns:
            df[col] = None
    df = df[list(FRAME_COLUMNS) + [c for c in df.columns if c not in FRAME_COLUMNS]]
    df["latitude"] = pd.to_numeric(df["latitude"], errors="coerce").astype(float)
    df["longitude"] = pd.to_numeric(df["longitude"], errors="coerce").astype(float)
    for col in ("time_precision", "geo_precision", "number_of_sources"):
        df[col] = pd.to_numeric(df[col], errors="coerce").fillna(1).astype(int)
    df["confidence"] = pd.to_numeric(df["confidence"], errors="coerce").fillna(0.0).astype(float)
    df["uncertainty_km"] = pd.to_numeric(df["uncertainty_km"], errors="coerce").fillna(0.0).astype(float)
    df["fatalities"] = fatalities_column(df["fatalities"])
    for col in FRAME_COLUMNS:
        if df[col].dtype == object:
            df[col] = df[col].where(df[col].notna(), "" if col not in ("place_id",) else None)
    df["corrected"] = df["corrected"].fillna(False).astype(bool)
    return df.reset_index(drop=True)


def _str_dtype() -> Any:
    """The dtype pandas gives a column of strings it reads from row tuples (pandas >= 3: ``str``, on Arrow)."""
    return pd.DataFrame([("a",)]).dtypes.iloc[0]


_STR_DTYPE = _str_dtype()
#: text goes to pandas as Arrow arrays only where pandas itself would keep it so
_ARROW_STR = isinstance(_STR_DTYPE, pd.StringDtype) and _STR_DTYPE.storage == "pyarrow"
_ARROW_TYPE = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def reference_frame(rows: Sequence[tuple], names: Sequence[str], columns: Sequence[str],
                    extra: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns=names)`` with the ``extra`` columns set, keeping ``columns`` in that order:
    the plain construction :func:`frame_from_rows` must match."""
    df = pd.DataFrame(rows, columns=list(names))
    for col, values in extra.items():
        df[col] = list(values)
    return df[list(columns)]


def _str_list(values: list) -> Any:
    """A list as the Arrow string array pandas would infer from it, or ``None`` when pandas would infer anything
    else (Arrow's inference: ``string`` when every value is a ``str`` or ``None`` and one at least a ``str``; all
    ``None`` is its ``null`` type)."""
    try:
        arr = pa.array(values)
    except (pa.ArrowException, TypeError, ValueError, UnicodeError, OverflowError):
        return None
    if arr.type != pa.string():
        return None
    return pd.arrays.ArrowStringArray(arr, dtype=_STR_DTYPE)


def _text_columns(rows: Sequence[tuple], names: Sequence[str]) -> dict[str, Any] | None:
    """The columns of ``rows`` that hold text (``str`` or ``None``, at least one ``str``) as Arrow string arrays,
    converted in one pass along the rows; ``None`` when any value is of a type a database driver does not give
    for text and numbers (bytes, for one: Arrow would take them as text where pandas keeps them apart), or a
    column mixes types (Arrow fails on text and numbers together), or a row is not as long as ``names``."""
    if not set(map(type, chain.from_iterable(rows))) <= {str, int, float, bool, type(None)}:
        return None
    try:  # each column's type: that of its first value that is not None
        kinds = [type(next((r[j] for r in rows if r[j] is not None), None)) for j in range(len(names))]
    except IndexError:
        return None
    fields = [(f"c{j}", _ARROW_TYPE.get(k, pa.null())) for j, k in enumerate(kinds)]
    try:
        table = pa.array(rows, type=pa.struct(fields))
    except (pa.ArrowException, TypeError, ValueError, UnicodeError, OverflowError):
        return None
    return {c: pd.arrays.ArrowStringArray(table.field(j), dtype=_STR_DTYPE)
            for j, (c, k) in enumerate(zip(names, kinds)) if k is str}


def _assemble(n: int, columns: Sequence[str], extra: Mapping[str, Sequence[Any]], text: Mapping[str, Any],
              rest: Any) -> pd.DataFrame:
    """The frame of ``columns``: ``extra`` as pandas infers it, the ``text`` columns (Arrow string arrays), and
    the others from ``rest(names)``, a list of row tuples of those columns that pandas then converts."""
    out: dict[str, Any] = {}
    left: list[str] = []
    for col in columns:
        if col in extra:
            values = list(extra[col])  # a copy: the caller's list is not the frame's
            arr = _str_list(values)
            out[col] = values if arr is None else arr  # a list: inferred by pandas as ``df[col] = values`` does
        elif col in text:
            out[col] = text[col]
        else:
            left.append(col)
    if left:  # pandas converts each column of row tuples on its own: a narrower tuple gives the same column
        frame = pd.DataFrame(rest(left), columns=left)
        out.update((c, frame[c]) for c in left)
    return pd.DataFrame(out, columns=list(columns), index=pd.RangeIndex(n), copy=False)


def frame_from_table(table: pa.Table, names: Sequence[str], columns: Sequence[str],
                     extra: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """The frame :func:`frame_from_rows` makes from the rows of ``table`` (the ``names`` columns as GDAL reads a
    store's typed columns), without a Python object per text value: a string column goes to pandas as it is,
    unless it holds no value (then, as from rows, a column of ``None``); the other columns go through pandas
    from Python values, as from rows."""
    if not _ARROW_STR or len(set(names)) != len(names):
        return reference_frame(list(zip(*(table.column(c).to_pylist() for c in names))), names, columns, extra)
    text = {c: pd.arrays.ArrowStringArray(table.column(c).combine_chunks(), dtype=_STR_DTYPE)
            for c in names if table.schema.field(c).type == pa.string() and table.column(c).null_count < len(table)}

    def rest(left: list[str]) -> list[tuple]:
        return list(zip(*(table.column(c).to_pylist() for c in left)))
    return _assemble(len(table), columns, extra, text, rest)


def frame_from_rows(rows: Sequence[tuple], names: Sequence[str], columns: Sequence[str],
                    extra: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """The frame :func:`reference_frame` makes (the same columns, order, dtypes, values and index), built faster:
    the text columns go to Arrow in one pass along the rows, as one struct array, and the few other columns are
    made by pandas from the same values as before. A row's values lie together in memory, one column's do not:
    pandas (or Arrow) reading the 31 text columns one by one took 1.0 s for the 90,374 rows of the 100,000-event
    benchmark store's first page, the pass along the rows (with the check of every value's type) 0.7 s."""
    if not rows or not _ARROW_STR or not isinstance(rows[0], tuple) or len(set(names)) != len(names):
        return reference_frame(rows, names, columns, extra)
    text = _text_columns(rows, names)
    if text is None:
        return reference_frame(rows, names, columns, extra)

    def rest(left: list[str]) -> list[tuple]:
        idx = [names.index(c) for c in left]
        return [tuple(r[j] for j in idx) for r in rows] if len(idx) == 1 else list(map(itemgetter(*idx), rows))
    return _assemble(len(rows), columns, extra, text, rest)
