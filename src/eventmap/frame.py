"""Events as a table: the one tabular shape shared by the store, the views and the exports.

A frame has one row per event and these columns, in this order:
``EVENT_FIELDS`` (ACLED names; ``evidence`` as a JSON string), then ``FRAME_EXTRAS``.
Dates stay ISO strings (``event_date``, ``published``); ``latitude``/``longitude`` are
floats with NaN for unresolved events; ``fatalities`` is a nullable integer (``Int64``, ``<NA>``
where the report gives no figure).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import pandas as pd

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
