"""The ingest page's work, without Streamlit: read uploads into reports, extract events to preview them
(nothing stored), turn the analyst's fixes to a preview into store corrections, and save.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from eventmap.errors import InputError
from eventmap.frame import events_frame
from eventmap.model import Event, Report

if TYPE_CHECKING:
    from eventmap.store.base import EventStore
    from eventmap.store.records import Correction


def get_extractor() -> Callable[..., list[Event]] | None:
    try:
        from eventmap.events.extract import extract_events
    except ImportError:
        return None
    return extract_events


#: the files the ingest page takes (``.jsonl``: one report per line)
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def check_upload_type(name: str) -> str:
    """The file's suffix when the ingest page reads it; ``ValueError`` (what to use instead) otherwise."""
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise ValueError(f"{name}: unsupported file type {suffix or '(none)'}; use .txt, .html or .jsonl")
    return suffix


def read_upload(name: str, data: bytes, published: str, source: str = "", url: str = "",
                title: str = "", errors: list[str] | None = None) -> list[Report]:
    """Reports from one uploaded file: ``.txt``/``.html`` give one, ``.jsonl`` one per line.

    JSON lines are read by the read step of ``eventmap ingest`` (``pipeline.inputs.jsonl_reports``, each
    line judged alone).  With ``errors`` a bad line is added there and the other lines are kept; without
    it the first bad line raises ``InputError`` (a ``ValueError``) ``"file:line: why"``.
    """
    from eventmap.events.reader import read_report
    from eventmap.pipeline.inputs import jsonl_reports

    if check_upload_type(name) == ".jsonl":
        out = []
        for where, rep in jsonl_reports(data, name, published or None, source, url, no_date=_NO_DATE_PAGE):
            if isinstance(rep, Report):
                out.append(rep)
                continue
            if errors is None:
                raise InputError(f"{where}: {rep}")
            errors.append(f"{where}: {rep}")
        return out
    return [read_report(data, published=published, title=title, source=source, url=url)]


#: a JSON line without a date, on the ingest page
_NO_DATE_PAGE = ("no publication date: give the line a 'published' field or type the date in 'Publication date' "
                 "(it is never assumed to be today)")


def preview_frame(events: Sequence[Event]) -> pd.DataFrame:
    return events_frame(events)


@dataclass
class Fix:
    """What the analyst changed about one previewed event before saving."""

    drop: bool = False
    place_id: str = ""                      # one of the event's alternatives
    lat: float | None = None                # typed or clicked coordinates (unresolved name)
    lon: float | None = None
    event_type: str = ""
    sub_event_type: str = ""
    event_date: str = ""
    extra: dict = field(default_factory=dict)

    def empty(self) -> bool:
        return not (self.drop or self.place_id or self.lat is not None or self.event_type or self.event_date)


def corrections_for(event: Event, fix: Fix, author: str, reason: str = "ingest preview") -> list[Correction]:
    """Store corrections saying ``fix`` about ``event`` (empty when nothing changed)."""
    from eventmap.store import Correction

    out = []
    if fix.drop:
        return [Correction(kind="false_positive", event_id=event.event_id, author=author, reason=reason)]
    if fix.place_id and fix.place_id != (event.place_id or ""):
        alt = next((a for a in event.alternatives if a.get("id") == fix.place_id), None)
        payload = {}
        if alt is not None:
            payload = {"place_id": alt.get("id"), "place_name_ar": alt.get("name_ar", ""),
                       "place_name_en": alt.get("name_en", ""), "admin1": alt.get("admin1", ""),
                       "admin2": alt.get("admin2", ""), "admin3": alt.get("admin3", ""),
                       "lat": alt.get("lat"), "lon": alt.get("lon")}
        out.append(Correction(kind="repin_place", event_id=event.event_id, author=author, reason=reason,
                              place_id=fix.place_id, payload=payload))
    elif fix.lat is not None and fix.lon is not None:
        out.append(Correction(kind="repin_coords", event_id=event.event_id, author=author, reason=reason,
                              lat=float(fix.lat), lon=float(fix.lon)))
    if fix.event_type and fix.event_type != event.event_type:
        out.append(Correction(kind="set_type", event_id=event.event_id, author=author, reason=reason,
                              event_type=fix.event_type, sub_event_type=fix.sub_event_type))
    if fix.event_date and fix.event_date != event.event_date:
        out.append(Correction(kind="set_date", event_id=event.event_id, author=author, reason=reason,
                              event_date=fix.event_date))
    return out


def save_preview(store: EventStore, report: Report, events: Sequence[Event], fixes: dict[str, Fix], author: str) -> dict:
    """Ingest ``report`` with its events, then add the analyst's corrections (one batch). Returns a summary.

    A report already in the store keeps its events, and the fixes still apply to them (matched by id, or
    by the place name and its offsets when a newer extractor named them differently); a fix already
    made is not made twice."""
    author = (author or "").strip()
    if any(not f.empty() for f in fixes.values()) and not author:
        raise ValueError("corrections need the author's name")
    res = store.ingest(report, list(events))
    todo = []
    stored = _stored_ids(store, res.report_id, events)
    for e in events:
        f = fixes.get(e.event_id)
        sid = stored.get(e.event_id)
        if f is None or f.empty() or sid is None:
            continue
        done = {_same(c) for c in store.corrections(status="active", event_id=sid)}
        for c in corrections_for(e, f, author):
            c = replace(c, event_id=sid)
            if _same(c) not in done:
                todo.append(c)
    made = store.add_corrections(todo) if todo else []
    return {"status": res.status, "events": res.events, "corrections": len(made), "unresolved": list(res.unresolved),
            "report_id": res.report_id, "batch": made[0].batch if made else ""}


def _same(c: Correction) -> tuple:  # what it changes, not who or when
    return (c.kind, c.place_id, c.lat, c.lon, c.event_type, c.sub_event_type, c.event_date, c.actor1, c.actor2,
            c.into_event_id)


def _stored_ids(store: EventStore, report_id: str, events: Sequence[Event]) -> dict[str, str]:
    """Previewed event id -> the stored event it is (same id, else same name as written at the same offsets)."""
    ids = store.report_events(report_id)
    have = set(ids)
    by_key: dict[tuple, str] = {}
    for eid in ids:
        ev = store.get_event(eid)
        if ev is not None:
            by_key.setdefault((ev.location, ev.evidence.mention_start, ev.evidence.mention_end), eid)
    out = {}
    for e in events:
        if e.event_id in have:
            out[e.event_id] = e.event_id
        elif (e.location, e.evidence.mention_start, e.evidence.mention_end) in by_key:
            out[e.event_id] = by_key[(e.location, e.evidence.mention_start, e.evidence.mention_end)]
    return out



def split_alternatives(value: Any) -> list[dict]:
    """The ``alternatives`` field (tuple of dicts or a JSON string) as a list of dicts."""
    if isinstance(value, str):
        try:
            value = json.loads(value or "[]")
        except json.JSONDecodeError:
            return []
    return [dict(a) for a in (value or ()) if isinstance(a, dict)]

