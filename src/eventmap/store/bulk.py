"""Events as rows of the ``events`` table (:func:`row_from_event`), and bulk writes of them without
per-event overhead.

``Event.to_dict()`` goes through ``dataclasses.asdict``, a recursive deep copy that cost more
than writing the row (about 50 of the 140 microseconds per event of ``ingest_many``, profiled).
:func:`event_dict` gives the same dict from the slots directly; :func:`event_params` turns a
batch of events into the parameter rows of the ``events`` table (the values ``row_from_event``
gives, the geometry), which the backend writes in one statement (``executemany`` on SQLite,
``COPY`` on PostGIS).

``extracted``: a new row's columns are the event as the extractor made it, so its ``extracted`` is
written empty, and :func:`event_from_row` reads the event back from the columns; the store writes the
JSON there only when a correction is about to change the columns (``EventStore._extractions``). Writing
the whole event again as JSON on every row made it 1.6 KB of a row's 2.3 KB (a million events: 2.6 GB
on disk) and cost SQLite a third of its insert time (SQLite's own ``executemany`` of 20,000 rows: 1.41 s
with it, 0.93 s without, 2026-12-04).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from itertools import repeat
from operator import attrgetter
from typing import Any

import pandas as pd

from eventmap.model import EVENT_FIELDS, Event, Evidence
from eventmap.nogc import paused_gc
from eventmap.store.corroborate import place_key
from eventmap.store.filters import search_key, search_keys

#: event columns stored in the ``events`` table (besides fid, extracted, geom); every :class:`Event` field is one
EVENT_COLUMNS: tuple[str, ...] = EVENT_FIELDS + (
    "trigger", "report_id", "language", "trigger_label", "alternatives", "resolution_note",
    "uncertainty_km", "admin1_pcode", "admin2_pcode", "admin3_pcode", "extractor",
    "mention_start", "mention_end", "status", "merged_into", "corrected", "place_key", "search",
)
#: the columns :func:`event_params` fills (the geometry comes after them)
ROW_COLUMNS: tuple[str, ...] = EVENT_COLUMNS + ("extracted",)

_EVENT_SLOTS = tuple(f.name for f in fields(Event))
_EVIDENCE_SLOTS = tuple(f.name for f in fields(Evidence))
_GET_EVENT = attrgetter(*_EVENT_SLOTS)
_GET_EVIDENCE = attrgetter(*_EVIDENCE_SLOTS)
_EVIDENCE = attrgetter("evidence")
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


def event_from_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """The ``Event.to_dict()``-shaped dict an ``events`` row holds (``row``: column -> value, at least every
    :class:`Event` field), the inverse of :func:`row_from_event` up to its normalisation:
    ``row_from_event(event_from_row(row_from_event(d))) == row_from_event(d)``."""
    d = {k: row[k] for k in _EVENT_SLOTS}
    d["evidence"] = json.loads(d["evidence"] or "{}")
    d["alternatives"] = json.loads(d["alternatives"] or "[]")
    return d


def _event_params_one_by_one(evs: Sequence[Event], cols: Sequence[str],
                             geom_value: Callable[[Any, Any], Any]) -> list[list]:
    """:func:`event_params` an event at a time (any event-like object, any column order)."""
    out = []
    for e in evs:
        d = event_dict(e)
        row = row_from_event(d)
        row["extracted"] = ""   # the columns are the extraction (``event_from_row``)
        out.append([row[c] for c in cols] + [geom_value(row["latitude"], row["longitude"])])
    return out


def event_params(evs: Sequence[Event], cols: Sequence[str], geom_value: Callable[[Any, Any], Any],
                 geom_many: Callable[[list, list], list] | None = None) -> Sequence[Sequence]:
    """Parameter rows for ``INSERT INTO events (cols..., geom)``: ``row_from_event`` values, ``extracted``
    empty (the columns are the extraction: :func:`event_from_row`), then the geometry value
    (``geom_value(lat, lon)``, or ``geom_many(lats, lons)`` for the whole batch).

    Plain :class:`Event` rows in the store's column order are built column by column
    (:func:`_column_rows`: the same values, without a dict and a JSON encoder call per event);
    anything else goes an event at a time."""
    if (tuple(cols) != ROW_COLUMNS or set(map(type, evs)) - {Event}
            or set(map(type, map(_EVIDENCE, evs))) - {Evidence}):
        return _event_params_one_by_one(evs, cols, geom_value)
    return _column_rows(evs, geom_many or (lambda lats, lons: list(map(geom_value, lats, lons))))


# ---------------------------------------------------------------- column by column (plain Event rows)
#: what JSON escapes in a string with ``ensure_ascii=False`` (``json.encoder.ESCAPE``)
_ESCAPED = re.compile(r'[\x00-\x1f\\"]')
#: those characters' bytes in UTF-8, where a character beyond ASCII has no byte below 0x80 (:func:`_plain`)
_ESCAPED_BYTES = bytes(range(0x20)) + b'"\\'


def _plain(text: str) -> bool:
    """``_ESCAPED.search(text) is None``, from a deletion of those bytes over ``text``'s UTF-8: a column of 10,000
    UCDP cells in a fifth of the expression's time (its search was a third of ``json_objects``' time, profiled)."""
    b = text.encode("utf-8", "surrogatepass")
    return len(b.translate(None, _ESCAPED_BYTES)) == len(b)
#: value types JSON writes without quotes and without ", " inside (``None`` included)
_SCALARS = frozenset({int, float, bool, type(None)})
_TEXT_COLUMNS = ("event_type", "sub_event_type", "actor1", "actor2", "location", "place_name_ar", "place_name_en",
                 "admin1", "admin2", "admin3", "resolution", "source", "source_url", "published", "notes")
_OR_EMPTY = ("report_id", "language", "trigger_label", "resolution_note", "admin1_pcode", "admin2_pcode",
             "admin3_pcode", "extractor")


def _json_column(values: Sequence[Any], strings: bool = False) -> tuple[list[str], bool]:
    """Each value as ``_JSON`` writes it inside an object: ``(texts, quoted)``, where ``quoted`` means
    the strings' own quotes are left out (the row template puts them back).

    One encoder call for a column of strings, split at ``", "``: a quote inside a JSON string is always
    escaped, so an unescaped one followed by ``, "`` is a boundary. An escaped quote followed by ``, "`` (a value
    ending in ``", `` read as ``\\", "``) would be taken for one and hide the real boundary it overlaps: a column
    whose text holds ``\\", "`` anywhere (also after an escaped backslash, where it is harmless) has each value
    encoded alone, as does one whose count comes out wrong. A column with nothing to escape is its own text. A
    column of numbers, booleans and None splits at ``", "`` likewise. ``strings``: the caller knows every value
    is a ``str`` (their types are not looked at)."""
    n = len(values)
    types = {str} if strings else set(map(type, values))
    if types == {str}:
        if _plain("".join(values)):   # nothing to escape: JSON writes each string as it is
            return list(values), True
        text = _JSON.encode(list(values))
        parts = text[2:-2].split('", "') if '\\", "' not in text else []
        if len(parts) == n:
            return parts, True
    elif types <= _SCALARS:
        parts = _JSON.encode(list(values))[1:-1].split(", ")
        if len(parts) == n:
            return parts, False
    return [_JSON.encode(v) for v in values], False


def _json_objects(keys: Sequence[str], columns: Sequence[tuple[list[str], bool]]) -> list[str]:
    """Per row, ``_JSON.encode`` of the object ``{key: value}`` (``keys`` sorted, as ``sort_keys`` writes
    them), from each key's column of encoded values (:func:`_json_column`): the text between two values
    is the same on every row, so each row is one ``join`` of those texts and its values."""
    if not columns:
        raise ValueError("an object needs at least one key here (the rows are counted by its columns)")
    pieces: list[Any] = []
    between = "{"
    for k, (texts, quoted) in zip(keys, columns):
        q = '"' if quoted else ""
        pieces += [repeat(between + _JSON.encode(k) + ": " + q), texts]
        between = q + ", "
    pieces.append(repeat(between[:-2] + "}"))
    return list(map("".join, zip(*pieces)))


def json_objects(keys: Sequence[str], columns: Sequence[Sequence[Any]], strings: bool = False) -> list[str]:
    """Per row, ``json.dumps(dict(zip(keys, row)), ensure_ascii=False)`` of value ``columns`` (one per
    key, in the order the object is to be written; keys distinct), a column at a time. ``strings``: every
    value is a ``str`` (as the caller made them; a column's types are then not looked at)."""
    return _json_objects(keys, [_json_column(c, strings) for c in columns])


def _coord(v: Any) -> float | None:
    return None if pd.isna(v) else float(v)


def _offsets(starts: Sequence[Any], ends: Sequence[Any]) -> tuple[list, list]:
    """``_evidence_offsets`` of each event's mention offsets, as two columns."""
    out_s, out_e = [], []
    for a, b in zip(starts, ends):
        if type(a) is not int or type(b) is not int:
            a, b = _evidence_offsets({"evidence": {"mention_start": a, "mention_end": b}})
        out_s.append(a)
        out_e.append(b)
    return out_s, out_e


def _json_texts(cols: Mapping[str, Sequence[Any]], evid: Mapping[str, Sequence[Any]]) -> tuple[list, list]:
    """``(evidence, alternatives)`` JSON per event, as ``row_from_event`` writes them."""
    ev_keys = sorted(evid)
    evidence = _json_objects(ev_keys, [_json_column(evid[k]) for k in ev_keys])
    plain = ["[]" if type(a) is tuple and not a else _JSON_ARRAY.encode([dict(x) for x in a])
             for a in cols["alternatives"]]
    return evidence, plain


def _column_rows(evs: Sequence[Event], geom_many: Callable[[list, list], list]) -> list[tuple]:
    """:func:`event_params` of plain :class:`Event` objects in :data:`ROW_COLUMNS` order, a column at a
    time: each value as ``row_from_event(event_dict(e))`` gives it (tests/test_bulk_writes.py compares)."""
    if not evs:
        return []
    with paused_gc():   # the rows are new containers: collecting them as they are made cost a third of the time
        return _column_rows_no_gc(evs, geom_many)


def _column_rows_no_gc(evs: Sequence[Event], geom_many: Callable[[list, list], list]) -> list[tuple]:
    """:func:`_column_rows`' work: the slots transposed into columns, each ``events`` column made from them."""
    cols = dict(zip(_EVENT_SLOTS, zip(*map(_GET_EVENT, evs))))
    evid = dict(zip(_EVIDENCE_SLOTS, zip(*map(_GET_EVIDENCE, cols["evidence"]))))
    evidence, alternatives = _json_texts(cols, evid)
    out: dict[str, Sequence[Any]] = {c: ["" if v is None else v for v in cols[c]] for c in _TEXT_COLUMNS}
    out.update({c: [v or "" for v in cols[c]] for c in _OR_EMPTY})
    pid = [v or None for v in cols["place_id"]]
    lat, lon = ([v if type(v) is float and not math.isnan(v) else _coord(v) for v in cols[c]]
                for c in ("latitude", "longitude"))
    out["mention_start"], out["mention_end"] = _offsets(evid["mention_start"], evid["mention_end"])
    text = zip(cols["notes"], cols["location"], cols["place_name_ar"], cols["place_name_en"])
    n = len(evs)
    out.update({
        "event_id": cols["event_id"], "event_date": cols["event_date"], "place_id": pid, "latitude": lat,
        "longitude": lon, "time_precision": [int(v or 1) for v in cols["time_precision"]],
        "geo_precision": [int(v or 1) for v in cols["geo_precision"]],
        "confidence": [float(v or 0.0) for v in cols["confidence"]],
        "uncertainty_km": [float(v or 0.0) for v in cols["uncertainty_km"]],
        "fatalities": list(map(_killed, cols["fatalities"])), "evidence": evidence,
        "trigger": [v or "" for v in evid["trigger"]], "alternatives": alternatives,
        "status": ["ok"] * n, "merged_into": [None] * n, "corrected": [0] * n,
        "place_key": [str(p) if p else place_key(p, la, lo) for p, la, lo in zip(pid, lat, lon)],
        "search": search_keys([" ".join((str(a or ""), str(b or ""), str(c or ""), str(d or "")))
                               for a, b, c, d in text]),
        "extracted": [""] * n,
    })
    return list(zip(*(out[c] for c in ROW_COLUMNS), geom_many(lat, lon)))
