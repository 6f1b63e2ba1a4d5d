"""Analyst corrections: validate them, and apply them to an extracted event.

An event row in the store holds the *effective* values (extraction + active
corrections, in the order they were made) and, in ``extracted``, the event as
the extractor produced it, so corrections can always be re-applied from scratch
(empty while no correction has rewritten the row: the columns are then the
extraction; ``EventStore._extractions`` reads either).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from eventmap.events.dates import parse_date
from eventmap.store.records import CORRECTION_KINDS, Correction


def validate(c: Correction) -> Correction:
    """Raise ``ValueError`` with a clear message for an incomplete or impossible correction."""
    if c.kind not in CORRECTION_KINDS:
        raise ValueError(f"unknown correction kind {c.kind!r}; one of: {', '.join(CORRECTION_KINDS)}")
    if not c.event_id:
        raise ValueError("a correction needs the event_id it corrects")
    if not (c.author or "").strip():
        raise ValueError("a correction needs an author")
    for name in CORRECTION_KINDS[c.kind]:
        v = getattr(c, name)
        if v is None or v == "":
            raise ValueError(f"{c.kind} needs {name}")
    if c.kind == "repin_coords":
        lat, lon = float(c.lat), float(c.lon)  # type: ignore[arg-type]
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat) or math.isnan(lon):
            raise ValueError(f"coordinates out of range: lat {c.lat}, lon {c.lon}")
        c = replace(c, lat=lat, lon=lon)
    if c.kind == "set_date":
        c = replace(c, event_date=parse_date(c.event_date or "", "set_date's date").isoformat())  # the one rule
    if c.kind == "set_actors" and c.actor1 is None and c.actor2 is None:
        raise ValueError("set_actors needs actor1 and/or actor2")
    if c.kind == "merge" and c.into_event_id == c.event_id:
        raise ValueError("an event cannot be merged into itself")
    return c


def args_of(c: Correction) -> dict[str, Any]:
    """The kind-specific values of a correction, as stored in ``corrections.args``."""
    keys = {
        "repin_place": ("place_id",), "repin_coords": ("lat", "lon"),
        "set_type": ("event_type", "sub_event_type"), "set_date": ("event_date",),
        "set_actors": ("actor1", "actor2"), "false_positive": (), "merge": ("into_event_id",),
    }[c.kind]
    d = {k: getattr(c, k) for k in keys}
    if c.payload:
        d["payload"] = c.payload
    return d


_PLACE_FIELDS = ("place_id", "place_name_ar", "place_name_en", "admin1", "admin2", "admin3",
                 "admin1_pcode", "admin2_pcode", "admin3_pcode")


def apply(ev: dict[str, Any], corrections: Iterable[Correction]) -> tuple[dict[str, Any], str, str | None, bool]:
    """Apply active corrections (in order) to an event dict (``Event.to_dict()`` shape).

    Returns ``(event_dict, status, merged_into, corrected)`` where status is
    "ok", "false_positive" or "merged".
    """
    ev = dict(ev)
    status, merged_into, corrected = "ok", None, False
    for c in corrections:
        if c.status != "active":
            continue
        corrected = True
        p = c.payload or {}
        if c.kind == "repin_place":
            for k in _PLACE_FIELDS:
                if k in p:
                    ev[k] = p[k]
            ev["place_id"] = c.place_id
            ev["latitude"], ev["longitude"] = p.get("lat"), p.get("lon")
            ev["geo_precision"], ev["resolution"] = 1, "resolved"
            ev["uncertainty_km"] = 0.0
            ev["resolution_note"] = f"re-pinned by {c.author}: {c.reason}".strip().rstrip(":")
        elif c.kind == "repin_coords":
            ev["latitude"], ev["longitude"] = c.lat, c.lon
            ev["place_id"] = None
            for k in ("admin1", "admin2", "admin3", "admin1_pcode", "admin2_pcode", "admin3_pcode"):
                if p.get(k):
                    ev[k] = p[k]
            ev["geo_precision"], ev["resolution"] = 1, "resolved"
            ev["uncertainty_km"] = 0.0
            ev["resolution_note"] = f"coordinates set by {c.author}: {c.reason}".strip().rstrip(":")
        elif c.kind == "set_type":
            ev["event_type"] = c.event_type
            if c.sub_event_type:
                ev["sub_event_type"] = c.sub_event_type
        elif c.kind == "set_date":
            ev["event_date"] = c.event_date
            ev["time_precision"] = 1
        elif c.kind == "set_actors":
            if c.actor1 is not None:
                ev["actor1"] = c.actor1
            if c.actor2 is not None:
                ev["actor2"] = c.actor2
        elif c.kind == "false_positive":
            status = "false_positive"
        elif c.kind == "merge":
            if status == "ok":
                status, merged_into = "merged", c.into_event_id
    return ev, status, merged_into, corrected
