"""Events as rows of the ``events`` table (:func:`row_from_event`), and bulk writes of them without
per-event overhead.

``Event.to_dict()`` goes through ``dataclasses.asdict``, a recursive deep copy that cost more
than writing the row (about 50 of the 140 microseconds per event of ``ingest_many``, profiled).
:func:`event_dict` gives the same dict from the slots directly; :func:`event_params` turns a
batch of events into the parameter rows of the ``events`` table (the values ``row_from_event``
gives, the extraction as JSON, the geometry), which the backend writes in one statement
(``executemany`` on SQLite, ``COPY`` on PostGIS).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import Any

import pandas as pd

from eventmap.model import EVENT_FIELDS, Event, Evidence
from eventmap.store.corroborate import place_key
from eventmap.store.filters import search_key

_EVENT_SLOTS = tuple(f.name for f in fields(Event))
_EVIDENCE_SLOTS = tuple(f.name for f in fields(Evidence))
#: one encoder for every row (``json.dumps`` with options builds a new one per call)
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def event_dict(e: Event) -> dict[str, Any]:
    """``e.to_dict()`` (same keys, same values), without ``asdict``'s recursive deep copy."""
    ev = e.evidence
    if type(e) is not Event or type(ev) is not Evidence:
        return e.to_dict()
    d = {k: getattr(e, k) for k in _EVENT_SLOTS}
    d["evidence"] = {k: getattr(ev, k) for k in _EVIDENCE_SLOTS}
    d["alternatives"] = [dict(a) for a in e.alternatives]
    return d


def _evidence_offsets(ev: dict) -> tuple[int | None, int | None]:
    e = ev.get("evidence") or {}
    start, end = e.get("mention_start"), e.get("mention_end")
    if start is None or end is None:
        return None, None
    try:
        return int(start), int(end)
    except (TypeError, ValueError):
        return None, None


def _killed(v: Any) -> int | None:
    """A number killed as stored: a whole number >= 0, else NULL (never a made-up 0)."""
    if v is None or isinstance(v, bool):
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return int(f) if math.isfinite(f) and 0 <= f <= 10**9 and f.is_integer() else None


#: ``json.dumps(..., ensure_ascii=False[, sort_keys=True])`` without building an encoder per call
_JSON_SORTED = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
_JSON_ARRAY = json.JSONEncoder(ensure_ascii=False)


def row_from_event(ev: dict[str, Any], status: str = "ok", merged_into: str | None = None,
                   corrected: bool = False) -> dict[str, Any]:
    """``Event.to_dict()``-shaped dict (after corrections) -> ``events`` table values."""
    row: dict[str, Any] = {}
    for c in EVENT_FIELDS:
        row[c] = ev.get(c)
    evidence = ev.get("evidence") or {}
    row["evidence"] = _JSON_SORTED.encode(evidence)
    row["trigger"] = evidence.get("trigger", "") or ""
    for c in ("report_id", "language", "trigger_label", "resolution_note", "admin1_pcode", "admin2_pcode",
              "admin3_pcode", "extractor"):
        row[c] = ev.get(c) or ""
    row["alternatives"] = _JSON_ARRAY.encode(list(ev.get("alternatives") or ()))
    row["uncertainty_km"] = float(ev.get("uncertainty_km") or 0.0)
    row["mention_start"], row["mention_end"] = _evidence_offsets(ev)
    for c in ("event_type", "sub_event_type", "actor1", "actor2", "location", "place_name_ar", "place_name_en",
              "admin1", "admin2", "admin3", "resolution", "source", "source_url", "published", "notes"):
        row[c] = row[c] if row[c] is not None else ""
    lat, lon = row["latitude"], row["longitude"]
    row["latitude"] = None if pd.isna(lat) else float(lat)
    row["longitude"] = None if pd.isna(lon) else float(lon)
    row["place_id"] = row["place_id"] or None
    row["time_precision"] = int(row["time_precision"] or 1)
    row["geo_precision"] = int(row["geo_precision"] or 1)
    row["confidence"] = float(row["confidence"] or 0.0)
    row["fatalities"] = _killed(row["fatalities"])
    row["status"], row["merged_into"], row["corrected"] = status, merged_into, int(bool(corrected))
    row["place_key"] = place_key(row["place_id"], row["latitude"], row["longitude"])
    row["search"] = search_key(" ".join(str(ev.get(k) or "") for k in
                                        ("notes", "location", "place_name_ar", "place_name_en")))
    return row


def event_params(evs: Sequence[Event], cols: Sequence[str], geom_value: Callable[[Any, Any], Any]) -> list[list]:
    """Parameter rows for ``INSERT INTO events (cols..., geom)``: ``row_from_event`` values, the
    extraction as JSON in ``extracted``, then the geometry value."""
    out = []
    for e in evs:
        d = event_dict(e)
        row = row_from_event(d)
        row["extracted"] = _JSON.encode(d)
        out.append([row[c] for c in cols] + [geom_value(row["latitude"], row["longitude"])])
    return out
