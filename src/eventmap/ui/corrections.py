"""The details panel's correction form turned into store corrections, without Streamlit: what the analyst
changed (``EventForm``) -> ``Correction``s, and the events that may be the same as the one open (a merge)."""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from eventmap.store import Correction
from eventmap.views.details import field



@dataclass
class EventForm:
    """What the analyst set in the details panel's form (``None`` / "" = unchanged)."""

    event_type: str = ""
    sub_event_type: str = ""
    event_date: str = ""
    actor1: str | None = None
    actor2: str | None = None
    not_an_event: bool = False
    merge_into: str = ""
    lat: float | None = None
    lon: float | None = None


def corrections_from_form(event: Any, form: EventForm, author: str, reason: str) -> list[Correction]:
    """The corrections the form asks for against ``event`` (a frame row, dict or ``Event``): only what
    changed. ``ValueError`` without an author or a reason, or when nothing changed."""
    author, reason = (author or "").strip(), (reason or "").strip()
    eid = str(field(event, "event_id"))
    out = []
    if form.not_an_event:
        out.append(Correction("false_positive", eid, author=author, reason=reason))
    if form.merge_into and form.merge_into != eid:
        out.append(Correction("merge", eid, author=author, reason=reason, into_event_id=form.merge_into))
    et = form.event_type or ""
    st = form.sub_event_type or ""
    if (et and et != field(event, "event_type")) or (st and st != field(event, "sub_event_type")):
        out.append(Correction("set_type", eid, author=author, reason=reason,
                              event_type=et or str(field(event, "event_type") or ""), sub_event_type=st))
    if form.event_date and form.event_date != str(field(event, "event_date") or "")[:10]:
        out.append(Correction("set_date", eid, author=author, reason=reason, event_date=form.event_date))
    if form.lat is not None and form.lon is not None and \
            (form.lat, form.lon) != (field(event, "latitude"), field(event, "longitude")):
        out.append(Correction("repin_coords", eid, author=author, reason=reason, lat=form.lat, lon=form.lon))
    a1 = None if form.actor1 is None or form.actor1 == (field(event, "actor1") or "") else form.actor1
    a2 = None if form.actor2 is None or form.actor2 == (field(event, "actor2") or "") else form.actor2
    if a1 is not None or a2 is not None:
        out.append(Correction("set_actors", eid, author=author, reason=reason, actor1=a1, actor2=a2))
    if not out:
        raise ValueError("nothing changed: set a type, date, place, actors, 'not an event' or a merge first")
    if not author:
        raise ValueError("corrections need your name")
    if not reason:
        raise ValueError("say why (the reason is kept with the correction)")
    return out


def merge_candidates(frame: pd.DataFrame, event: Any, days: int = 2, km: float = 25.0, limit: int = 30) \
        -> list[tuple[str, str]]:
    """(event_id, label) of events that may be the same as ``event``: within ``days`` and ``km``, other ids."""
    if frame is None or not len(frame):
        return []
    eid = field(event, "event_id")
    try:
        d0 = _dt.date.fromisoformat(str(field(event, "event_date"))[:10])
    except ValueError:
        return []
    lat, lon = field(event, "latitude"), field(event, "longitude")
    out = []
    for r in frame.itertuples(index=False):
        if r.event_id == eid:
            continue
        try:
            dd = abs((_dt.date.fromisoformat(str(r.event_date)[:10]) - d0).days)
        except ValueError:
            continue
        if dd > days:
            continue
        dist = None
        if lat is not None and lon is not None and pd.notna(r.latitude) and pd.notna(r.longitude):
            dist = _km((float(lat), float(lon)), (float(r.latitude), float(r.longitude)))
            if dist > km:
                continue
        name = " · ".join(x for x in (r.place_name_ar, r.place_name_en) if x) or r.location
        far = f", {dist:.0f} km" if dist is not None else ""
        out.append((dd, dist or 0.0, r.event_id, f"{r.event_date} · {r.event_type} · {name}{far} · #{r.event_id}"))
    out.sort()
    return [(e, label) for _, _, e, label in out[:limit]]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))
