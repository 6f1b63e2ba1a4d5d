"""The analyst's loop on a store: pin a name, dismiss a non-place, undo either, and the queue of names to fix.

Everything here is one transaction per analyst action, with the author, the time and
the reason, and a *batch* id that a single ``undo(store, batch)`` takes back:

- ``pin(store, name, lat, lon, ...)`` stores an analyst place (``analyst_places``, shared by
  everyone on the store) and re-resolves at once every stored event that names it *in that
  area* (a ``repin_place`` correction per event, so it survives ``reprocess``). Pinning a
  name again in the same area moves the place; its earlier corrections are "replaced".
- ``unpin`` removes a place (its events go back to the queue); ``dismiss`` marks a name as
  not a place for the whole store; ``undo`` reverses any of these, or a batch of corrections.
- ``name_queue`` lists every name that is unresolved, ambiguous or approximate, with the
  events waiting on it, the sentences, the current estimate and the gazetteer's suggestions.
- ``extractor_for(store, fn)`` hands the store's analyst places to the extractor (as a
  gazetteer built by ``eventmap.places.layered.gazetteer_with``): the extractor never
  imports the store.
"""

from __future__ import annotations

import csv
import hashlib
import inspect
import json
import math
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from eventmap.model import Place
from eventmap.store.records import StoreError, utc_now
from eventmap.text import has_arabic, name_key, script_of

if TYPE_CHECKING:  # the store calls this module; this module only takes the store as an argument
    from eventmap.store.base import EventStore

#: an event is "in the area" of a pin when its estimate (or a namesake it hesitated over) lies this close
AREA_KM = 40.0
#: suggestions further than this from the current estimate are left out of the queue
FAR_SUGGESTION_KM = 150.0
#: resolutions an analyst can fix by pinning the name
QUEUE_RESOLUTIONS = ("unresolved", "ambiguous", "approximate")
_ADMIN_KEYS = ("admin1", "admin2", "admin3", "admin1_pcode", "admin2_pcode", "admin3_pcode")
_PLACE_COLS = ("place_id", "name", "name_ar", "name_en", "variants", "latitude", "longitude", "admin1", "admin2",
               "admin3", "admin1_pcode", "admin2_pcode", "admin3_pcode", "kind", "author", "note", "created_at",
               "status", "batch", "updated_at")


def new_batch(kind: str) -> str:
    return f"{kind}:{uuid.uuid4().hex[:12]}"


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def point_admin(lat: float, lon: float) -> dict[str, str]:
    """The OCHA governorate, district and sub-district a point falls in (names and pcodes; empty outside)."""
    out = {k: "" for k in _ADMIN_KEYS}
    out.update(admin3_ar="")
    try:
        from eventmap.places.gazetteer import default_gazetteer
        p = default_gazetteer().admin_for_point(float(lat), float(lon))
    except Exception:  # noqa: BLE001 - no gazetteer or boundaries: the analyst's point still counts
        p = None
    if p is not None:
        out.update(admin1=p.admin1_en, admin2=p.admin2_en, admin3=p.admin3_en or p.name_en,
                   admin1_pcode=p.admin1_pcode, admin2_pcode=p.admin2_pcode,
                   admin3_pcode=p.admin3_pcode or p.source_id, admin3_ar=p.admin3_ar or p.name_ar)
    return out


# --------------------------------------------------------------------------- analyst places (rows)

def place_rows(store: EventStore, status: str | None = "active") -> list[dict[str, Any]]:
    """Analyst places as dicts (``_PLACE_COLS``), oldest first."""
    where, params = ("status = ?", (status,)) if status else ("1=1", ())
    rows = store._db.fetchall(f"SELECT {', '.join(_PLACE_COLS)} FROM analyst_places WHERE {where} ORDER BY fid",
                              params)
    return [dict(zip(_PLACE_COLS, r)) for r in rows]


def _names(row: dict[str, Any]) -> list[str]:
    return [n for n in (row.get("name"), row.get("name_ar"), row.get("name_en"),
                        *(row.get("variants") or "").split("|")) if n]


def row_keys(row: dict[str, Any]) -> set[str]:
    return {k for k in (name_key(n) for n in _names(row)) if k}


def as_place(row: dict[str, Any]) -> Place:
    """A stored analyst place as a gazetteer ``Place`` (source "analyst")."""
    from eventmap.places.overlay import to_place

    variants = [n for n in _names(row) if n not in (row.get("name_ar"), row.get("name_en"))]
    return to_place({
        "id": row["place_id"], "name_ar": row.get("name_ar") or "", "name_en": row.get("name_en") or "",
        "variants": "|".join(dict.fromkeys(variants)), "lat": row["latitude"], "lon": row["longitude"],
        "kind": row.get("kind") or "village", **{k: row.get(k) or "" for k in _ADMIN_KEYS},
        "note": row.get("note") or "", "author": row.get("author") or ""})


def payload_of(row: dict[str, Any]) -> dict[str, Any]:
    """What a ``repin_place`` correction copies onto its event."""
    name = row.get("name") or ""
    return {"place_id": row["place_id"],
            "place_name_ar": row.get("name_ar") or (name if has_arabic(name) else ""),
            "place_name_en": row.get("name_en") or ("" if has_arabic(name) else name),
            **{k: row.get(k) or "" for k in _ADMIN_KEYS},
            "lat": float(row["latitude"]), "lon": float(row["longitude"])}


def _upsert_place(store: EventStore, row: dict[str, Any]) -> None:
    db = store._db
    cols = [c for c in _PLACE_COLS]
    upd = ", ".join(f"{c} = excluded.{c}" for c in cols if c not in ("place_id", "created_at"))
    db.execute(f"INSERT INTO analyst_places ({', '.join(cols)}, geom) VALUES ({', '.join('?' for _ in cols)}, "
               f"{db.geom_placeholder}) ON CONFLICT (place_id) DO UPDATE SET {upd}, geom = excluded.geom",
               [row.get(c) if row.get(c) is not None else "" for c in cols]
               + [db.geom_value(row["latitude"], row["longitude"])])


# --------------------------------------------------------------------------- which events a pin re-resolves

def in_area(ev: dict[str, Any], place: dict[str, Any]) -> bool:
    """Does an event that names the place lie in its area?

    An estimate (approximate) or a chosen namesake (ambiguous, and its alternatives) within
    ``AREA_KM``; else the governorate the report gives; else nothing says where, so the name decides."""
    here = (float(place["latitude"]), float(place["longitude"]))
    pts = []
    if ev.get("latitude") is not None and ev.get("longitude") is not None:
        pts.append((float(ev["latitude"]), float(ev["longitude"])))
    if ev.get("resolution") == "ambiguous":
        for a in _alternatives(ev.get("alternatives")):
            if a.get("lat") is not None and a.get("lon") is not None:
                pts.append((float(a["lat"]), float(a["lon"])))
    if any(km(p, here) <= AREA_KM for p in pts):
        return True
    if ev.get("admin1"):
        return ev["admin1"] == place.get("admin1") or not place.get("admin1")
    return not pts


def _alternatives(v: Any) -> list[dict]:
    if isinstance(v, str):
        try:
            v = json.loads(v or "[]")
        except ValueError:
            return []
    return [a for a in (v or ()) if isinstance(a, dict)]


_EV_COLS = ("event_id", "location", "resolution", "latitude", "longitude", "admin1", "alternatives", "place_id")


def _candidates(store: EventStore, keys: set[str], extra_ids: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Stored events naming one of ``keys`` that still wait for a place (or that ``extra_ids`` names)."""
    marks = ", ".join("?" for _ in QUEUE_RESOLUTIONS)
    rows = store._db.fetchall(f"SELECT {', '.join(_EV_COLS)} FROM events WHERE resolution IN ({marks}) "
                              "AND location <> ''", QUEUE_RESOLUTIONS)
    out = [dict(zip(_EV_COLS, r)) for r in rows]
    out = [e for e in out if name_key(e["location"]) in keys]
    extra = [i for i in dict.fromkeys(extra_ids) if i not in {e["event_id"] for e in out}]
    for eid in extra:
        r = store._db.fetchall(f"SELECT {', '.join(_EV_COLS)} FROM events WHERE event_id = ?", (eid,))
        if r:
            out.append(dict(zip(_EV_COLS, r[0])))
    return out


def _insert_repin(store: EventStore, event_id: str, row: dict[str, Any], author: str, reason: str,
                  batch: str) -> None:
    key = store._event_key(event_id)
    if key is None:
        return
    args = json.dumps({"place_id": row["place_id"], "payload": payload_of(row)}, ensure_ascii=False, sort_keys=True)
    store._db.execute(
        "INSERT INTO corrections (kind, event_id, report_id, location, mention_start, mention_end, author, reason, "
        "created_at, args, status, batch) VALUES ('repin_place', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)",
        (event_id, key[0], key[1] or "", key[2], key[3], author or "analyst", reason, utc_now(), args, batch))


def _place_corrections(store: EventStore, place_id: str, status: str = "active") -> list[tuple[int, str]]:
    """(correction_id, event_id) of the ``repin_place`` corrections pointing at ``place_id``."""
    rows = store._db.fetchall("SELECT correction_id, event_id, args FROM corrections WHERE kind = 'repin_place' "
                              "AND status = ?", (status,))
    return [(cid, eid) for cid, eid, args in rows if json.loads(args or "{}").get("place_id") == place_id]


def _patch_extracted(store: EventStore, place_id: str, row: dict[str, Any] | None) -> list[str]:
    """Events the extractor itself resolved to an analyst place (it was in the gazetteer it used):
    follow the place when it moves (``row``), or go back to unresolved when it is removed (``None``)."""
    out = []
    for eid, d in store._extractions("place_id = ?", (place_id,)):
        if d.get("place_id") != place_id:
            continue
        if row is not None:
            p = payload_of(row)
            d.update(latitude=p["lat"], longitude=p["lon"], place_name_ar=p["place_name_ar"],
                     place_name_en=p["place_name_en"], **{k: p[k] for k in _ADMIN_KEYS})
        else:
            d.update(place_id=None, latitude=None, longitude=None, place_name_ar="", place_name_en="",
                     resolution="unresolved", geo_precision=1, uncertainty_km=0.0,
                     resolution_note="unresolved: the analyst place it was found as was removed "
                                     "(eventmap reprocess estimates it again)")
        store._db.execute("UPDATE events SET extracted = ? WHERE event_id = ?",
                          (json.dumps(d, ensure_ascii=False, sort_keys=True), eid))
        out.append(eid)
    return out


# --------------------------------------------------------------------------- pin

@dataclass(frozen=True)
class PinResult:
    place_id: str
    name: str
    lat: float
    lon: float
    admin: dict[str, str]
    events: int                     # stored events re-resolved
    batch: str                      # ``undo(store, batch)`` takes it all back
    moved: bool = False             # the name was already pinned in this area: the place moved
    event_ids: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        """"Al-Khashniyyeh sub-district, Quneitra district, Quneitra" (empty outside the OCHA units)."""
        a = self.admin
        parts = [f"{a['admin3']} sub-district" if a.get("admin3") else "",
                 f"{a['admin2']} district" if a.get("admin2") else "", a.get("admin1", "")]
        return ", ".join(p for p in parts if p)


def _place_id(name: str, admin: dict[str, str]) -> str:
    h = hashlib.sha1(f"{name_key(name)}|{admin.get('admin2_pcode', '')}".encode()).hexdigest()[:10]
    return f"user:{h}"


def _same_place(store: EventStore, keys: set[str], lat: float, lon: float, admin: dict[str, str]) -> dict | None:
    """An active analyst place with one of these names in the same area (a re-pin moves it)."""
    for row in place_rows(store, status=None):
        if not (row_keys(row) & keys):
            continue
        near = km((float(row["latitude"]), float(row["longitude"])), (lat, lon)) <= AREA_KM
        if near or (admin.get("admin2_pcode") and row.get("admin2_pcode") == admin["admin2_pcode"]):
            return row
    return None


def pin(store: EventStore, name: str, lat: float | str, lon: float | str, *, author: str, reason: str = "",
        name_ar: str = "", name_en: str = "", variants: Sequence[str] = (), everywhere: bool = False,
        place_id: str | None = None, admin: dict[str, str] | None = None, kind: str = "village",
        allow_outside_syria: bool = False) -> PinResult:
    """Pin ``name`` at (lat, lon) and re-resolve, in this one transaction, every stored event that names it
    (any of its spellings) in that area (``everywhere``: wherever the report put it).

    Raises ``ValueError`` (``PlaceValidationError``) for a bad name or point, with the reason."""
    from eventmap.places.overlay import AnalystPlace, validate

    author = (author or "").strip()
    if not author:
        raise ValueError("pinning a place needs the author's name")
    # as typed or read from a file: ``validate`` turns them into floats or says what is wrong
    ap = validate(AnalystPlace(name=name, lat=cast(float, lat), lon=cast(float, lon), name_ar=name_ar, name_en=name_en,
                               variants=tuple(variants), author=author, note=reason),
                  allow_outside_syria=allow_outside_syria)
    given = {k: v for k, v in (admin or {}).items() if v}
    admin = {**point_admin(ap.lat, ap.lon), **given}
    batch = new_batch("pin")
    now = utc_now()
    row: dict[str, Any] = {"name": ap.name, "name_ar": ap.name_ar, "name_en": ap.name_en,
           "variants": "|".join(v for v in dict.fromkeys(ap.variants) if v not in (ap.name_ar, ap.name_en)),
           "latitude": ap.lat, "longitude": ap.lon, **{k: admin.get(k, "") for k in _ADMIN_KEYS}, "kind": kind,
           "author": author, "note": reason, "created_at": now, "status": "active", "batch": batch,
           "updated_at": now}
    keys = row_keys(row)
    with store._db.write():
        old = _same_place(store, keys, ap.lat, ap.lon, admin) if place_id is None else \
            next((r for r in place_rows(store, status=None) if r["place_id"] == place_id), None)
        row["place_id"] = place_id or (old["place_id"] if old else _place_id(ap.name, admin))
        if old:
            row["created_at"] = old.get("created_at") or now
            merged = dict.fromkeys([*_names(old), *_names(row)])  # a re-pin keeps the spellings it had
            row["variants"] = "|".join(n for n in merged if n not in (row["name"], row["name_ar"], row["name_en"]))
            keys = row_keys(row)
        _upsert_place(store, row)
        replaced = _place_corrections(store, row["place_id"])
        for cid, _ in replaced:
            store._db.execute("UPDATE corrections SET status = 'replaced', replaced_by = ? WHERE correction_id = ?",
                              (batch, cid))
        patched = _patch_extracted(store, row["place_id"], row)
        store._rewrite_events([eid for _, eid in replaced])
        targets = [e["event_id"] for e in _candidates(store, keys, [eid for _, eid in replaced])
                   if everywhere or in_area(e, row)]
        why = reason or f"analyst place {ap.name}"
        for eid in targets:
            _insert_repin(store, eid, row, author, why, batch)
        store._rewrite_events([*targets, *patched])
        _record_action(store, batch, "pin", row["place_id"], ap.name, old, author, reason, len(targets))
        store._bump()
    return PinResult(row["place_id"], ap.name, ap.lat, ap.lon, admin, len(targets), batch, moved=old is not None,
                     event_ids=tuple(targets))


def unpin(store: EventStore, place: str, *, author: str, reason: str = "") -> tuple[str, int]:
    """Remove an analyst place (by id, or by a name it carries): its events go back to waiting.
    Returns ``(batch, events affected)``; ``undo(store, batch)`` puts it back."""
    author = (author or "").strip()
    if not author:
        raise ValueError("removing a place needs the author's name")
    with store._db.write():
        row = find_place(store, place)
        if row is None:
            raise ValueError(f"no analyst place {place!r} in this store (eventmap places list)")
        batch = new_batch("unpin")
        fixed = _place_corrections(store, row["place_id"])
        for cid, _ in fixed:
            store._db.execute("UPDATE corrections SET status = 'replaced', replaced_by = ? WHERE correction_id = ?",
                              (batch, cid))
        store._db.execute("UPDATE analyst_places SET status = 'removed', updated_at = ? WHERE place_id = ?",
                          (utc_now(), row["place_id"]))
        patched = _patch_extracted(store, row["place_id"], None)
        ids = [eid for _, eid in fixed] + patched
        store._rewrite_events(ids)
        _record_action(store, batch, "unpin", row["place_id"], row["name"], row, author, reason,
                       len(set(ids)))
        store._bump()
    return batch, len(set(ids))


def find_place(store: EventStore, place: str) -> dict[str, Any] | None:
    rows = place_rows(store)
    hit = next((r for r in rows if r["place_id"] == place), None)
    if hit is None:
        k = name_key(place)
        hit = next((r for r in reversed(rows) if k in row_keys(r)), None)
    return hit


def _record_action(store: EventStore, batch: str, kind: str, target: str, name: str, before: dict | None,
                   author: str, reason: str, n: int) -> None:
    store._db.execute(
        "INSERT INTO analyst_actions (batch, kind, target, name, before_json, author, reason, created_at, n_events) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (batch, kind, target, name, json.dumps(before, ensure_ascii=False, default=str) if before else "", author,
         reason or "", utc_now(), n))


def auto_pin(store: EventStore, events: Sequence[Any], skip: Iterable[str] = (),
             rows: list[dict[str, Any]] | None = None) -> None:
    """Events just stored (ingest, reprocess) that name an analyst place in its area get its correction
    (the place's batch, so undoing the pin takes them back too)."""
    rows = place_rows(store) if rows is None else rows
    if not rows:
        return
    by_key: dict[str, list[dict]] = {}
    for r in rows:
        for k in row_keys(r):
            by_key.setdefault(k, []).append(r)
    skip = set(skip)
    for e in events:
        d = e.to_dict() if hasattr(e, "to_dict") else dict(e)
        if d["event_id"] in skip or d.get("resolution") not in QUEUE_RESOLUTIONS or not d.get("location"):
            continue
        for r in by_key.get(name_key(d["location"]), ()):
            if in_area(d, r):
                _insert_repin(store, d["event_id"], r, r.get("author") or "analyst",
                              f"analyst place {r['name']}", r.get("batch") or "")
                store._rewrite_events([d["event_id"]])
                break


# --------------------------------------------------------------------------- dismiss, undo

def dismiss(store: EventStore, name: str, *, author: str, reason: str = "") -> str:
    """Mark ``name`` (every spelling with the same key) as not a place, for the whole store; returns the batch."""
    author = (author or "").strip()
    if not author:
        raise ValueError("dismissing a name needs the author's name")
    k = name_key(name)
    if not k:
        raise ValueError("nothing to dismiss: the name is empty")
    batch = new_batch("dismiss")
    with store._db.write():
        before = _dismissed_row(store, k)
        store._db.execute(
            "INSERT INTO dismissed_names (name_key, name, author, reason, created_at, status, batch) "
            "VALUES (?, ?, ?, ?, ?, 'active', ?) ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, "
            "author = excluded.author, reason = excluded.reason, created_at = excluded.created_at, "
            "status = 'active', batch = excluded.batch", (k, name.strip(), author, reason or "", utc_now(), batch))
        _record_action(store, batch, "dismiss", k, name.strip(), before, author, reason, 0)
        store._bump()
    return batch


def _dismissed_row(store: EventStore, key: str) -> dict | None:
    cols = ("name_key", "name", "author", "reason", "created_at", "status", "batch")
    r = store._db.fetchall(f"SELECT {', '.join(cols)} FROM dismissed_names WHERE name_key = ?", (key,))
    return dict(zip(cols, r[0])) if r else None


def dismissed(store: EventStore) -> list[dict[str, Any]]:
    """Names dismissed as not a place (a signal for the extractor's tests): name, key, author, reason, time."""
    cols = ("name", "name_key", "author", "reason", "created_at")
    return [dict(zip(cols, r)) for r in store._db.fetchall(
        f"SELECT {', '.join(cols)} FROM dismissed_names WHERE status = 'active' ORDER BY fid")]


def dismissed_keys(store: EventStore) -> set[str]:
    return {r[0] for r in store._db.fetchall("SELECT name_key FROM dismissed_names WHERE status = 'active'")}


def undo(store: EventStore, batch: str, *, author: str) -> int:
    """Take back one analyst action (a pin, unpin, dismissal or a batch of corrections) in one transaction.
    Returns how many events changed. ``ValueError`` when there is nothing live to undo."""
    author = (author or "").strip()
    if not author:
        raise ValueError("undo needs the author's name")
    now = utc_now()
    with store._db.write():
        act = store._db.fetchall("SELECT kind, target, before_json, undone_at FROM analyst_actions WHERE batch = ?",
                                 (batch,))
        live = store._db.fetchall("SELECT correction_id, event_id FROM corrections WHERE batch = ? AND status IN "
                                  "('active', 'stale')", (batch,))
        back = store._db.fetchall("SELECT correction_id, event_id FROM corrections WHERE replaced_by = ? AND "
                                  "status = 'replaced'", (batch,))
        if (not act or act[0][3]) and not live:
            raise ValueError(f"nothing to undo for {batch!r} (already undone, or no such action)")
        store._db.execute("UPDATE corrections SET status = 'undone', undone_at = ?, undone_by = ? WHERE batch = ? "
                          "AND status IN ('active', 'stale')", (now, author, batch))
        store._db.execute("UPDATE corrections SET status = 'active', replaced_by = '' WHERE replaced_by = ? AND "
                          "status = 'replaced'", (batch,))
        ids = [eid for _, eid in live] + [eid for _, eid in back]
        if act and not act[0][3]:
            ids += _undo_action(store, act[0][0], act[0][1], json.loads(act[0][2]) if act[0][2] else None)
            store._db.execute("UPDATE analyst_actions SET undone_at = ?, undone_by = ? WHERE batch = ?",
                              (now, author, batch))
        store._rewrite_events(ids)
        store._bump()
    return len(set(ids))


def _undo_action(store: EventStore, kind: str, target: str, before: dict | None) -> list[str]:
    if kind == "dismiss":
        if before:
            store._db.execute("UPDATE dismissed_names SET status = ?, batch = ? WHERE name_key = ?",
                              (before["status"], before["batch"], target))
        else:
            store._db.execute("UPDATE dismissed_names SET status = 'undone' WHERE name_key = ?", (target,))
        return []
    if before:  # the place as it was (moved back, or restored after an unpin)
        _upsert_place(store, before)
        return _patch_extracted(store, target, before if before.get("status") == "active" else None)
    store._db.execute("UPDATE analyst_places SET status = 'removed', updated_at = ? WHERE place_id = ?",
                      (utc_now(), target))
    return _patch_extracted(store, target, None)


def actions(store: EventStore, limit: int = 50) -> list[dict[str, Any]]:
    """The latest analyst actions (pins, unpins, dismissals), newest first, for an undo list."""
    cols = ("batch", "kind", "target", "name", "author", "reason", "created_at", "n_events", "undone_at",
            "undone_by")
    rows = store._db.fetchall(f"SELECT {', '.join(cols)} FROM analyst_actions ORDER BY fid DESC LIMIT ?",
                              (int(limit),))
    return [dict(zip(cols, r)) for r in rows]


# --------------------------------------------------------------------------- the queue of names to fix

_Q_COLS = ("event_id", "location", "resolution", "notes", "latitude", "longitude", "uncertainty_km", "admin1",
           "admin2", "alternatives", "resolution_note", "place_name_ar", "place_name_en", "report_id")
QUEUE_COLUMNS = ("name", "key", "count", "status", "statuses", "reports", "spellings", "examples", "estimate",
                 "latitude", "longitude", "uncertainty_km", "estimate_from", "area", "admin1", "admin2",
                 "suggestions", "event_ids")


def name_queue(store: EventStore, *, limit: int | None = None, suggest: bool = False) -> list[dict[str, Any]]:
    """Every name that is unresolved, ambiguous or approximate in a visible event, most events first.

    Per name: its spellings, how many events (and reports) wait on it, up to three sentences,
    the current estimate and where it comes from, the area the reports give, and suggestions
    (the extractor's alternatives; with ``suggest``, a fresh gazetteer lookup for names without).
    Names dismissed as not a place are left out."""
    marks = ", ".join("?" for _ in QUEUE_RESOLUTIONS)
    rows = store._db.fetchall(f"SELECT {', '.join(_Q_COLS)} FROM events WHERE status = 'ok' AND resolution IN "
                              f"({marks}) AND location <> '' ORDER BY fid", QUEUE_RESOLUTIONS)
    skip = dismissed_keys(store)
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        d = dict(zip(_Q_COLS, r))
        k = name_key(d["location"]) or d["location"]
        if k not in skip:
            groups.setdefault(k, []).append(d)
    out = [_queue_row(k, evs) for k, evs in groups.items()]
    out.sort(key=lambda q: (-q["count"], q["name"]))
    if limit is not None:
        out = out[:int(limit)]
    if suggest:
        _fresh_suggestions(out)
    return out


def _most(values: Iterable[Any]) -> Any:
    counts: dict[Any, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: counts[v]) if counts else None


def _queue_row(key: str, evs: list[dict[str, Any]]) -> dict[str, Any]:
    from eventmap.estimate import describe, estimate_sources

    statuses: dict[str, int] = {}
    for e in evs:
        statuses[e["resolution"]] = statuses.get(e["resolution"], 0) + 1
    status = max(statuses, key=lambda s: (statuses[s], QUEUE_RESOLUTIONS[::-1].index(s)))
    located = [e for e in evs if e["latitude"] is not None and e["resolution"] != "unresolved"]
    est = _most((round(e["latitude"], 5), round(e["longitude"], 5)) for e in located)
    lead = next((e for e in located if (round(e["latitude"], 5), round(e["longitude"], 5)) == est), None)
    a1 = _most(e["admin1"] for e in evs if e["admin1"]) or ""
    a2 = _most(e["admin2"] for e in evs if e["admin1"] == a1 and e["admin2"]) or ""
    if lead is not None and lead["resolution"] == "approximate":
        text = describe(lead["resolution_note"], lead["uncertainty_km"], limit=8)
    elif lead is not None:
        text = "ambiguous: now at " + (" · ".join(x for x in (lead["place_name_ar"], lead["place_name_en"]) if x)
                                       or "a namesake") + (f" ({lead['admin1']})" if lead["admin1"] else "")
    else:
        text = "unresolved: not on the map" + (f" (the report says {a1})" if a1 else "")
    examples: list[str] = []
    for e in evs:
        if e["notes"] and e["notes"] not in examples and len(examples) < 3:
            examples.append(e["notes"])
    return {
        "name": _most(e["location"] for e in evs), "key": key, "count": len(evs), "status": status,
        "statuses": statuses, "reports": len({e["report_id"] for e in evs}),
        "spellings": sorted({e["location"] for e in evs}), "examples": examples, "estimate": text,
        "latitude": est[0] if est else None, "longitude": est[1] if est else None,
        "uncertainty_km": float(lead["uncertainty_km"] or 0) if lead else 0.0,
        "estimate_from": estimate_sources(lead["resolution_note"]) if lead else [],
        "area": " · ".join(x for x in (a1, a2 if a2 != a1 else "") if x), "admin1": a1, "admin2": a2,
        "suggestions": _suggestions(evs, est), "event_ids": [e["event_id"] for e in evs],
    }


def _suggestions(evs: list[dict[str, Any]], near: tuple[float, float] | None, n: int = 5) -> list[dict[str, Any]]:
    """The extractor's alternatives for these events (namesakes, nearest names), nearest the estimate first."""
    seen: dict[str, dict[str, Any]] = {}
    for e in evs:
        for a in _alternatives(e["alternatives"]):
            if a.get("id") and a.get("lat") is not None and a["id"] not in seen:
                seen[a["id"]] = dict(a)
    out = list(seen.values())
    for a in out:
        a["km"] = round(km(near, (float(a["lat"]), float(a["lon"]))), 1) if near else None
    # a namesake at the other end of Syria is no suggestion for a name the reports place here
    out = [a for a in out if a["km"] is None or a["km"] <= FAR_SUGGESTION_KM]
    out.sort(key=lambda a: (a["km"] if a["km"] is not None else 0.0, -float(a.get("score") or 0)))
    return out[:n]


def _fresh_suggestions(queue: list[dict[str, Any]]) -> None:
    try:
        from eventmap.places.gazetteer import default_gazetteer
        g = default_gazetteer()
    except Exception:  # noqa: BLE001 - no gazetteer: the stored alternatives are all there is
        return
    for q in queue:
        if q["suggestions"]:
            continue
        r = g.lookup(q["name"])
        near = (q["latitude"], q["longitude"]) if q["latitude"] is not None else None
        q["suggestions"] = _suggestions([{"alternatives": [c.to_dict() for c in (*r.candidates, *r.suggestions)]}],
                                        near)


# --------------------------------------------------------------------------- the extractor sees the pins

_SEEN_GENERATION = [-1]


class WithAnalystPlaces:
    """An extractor that looks names up in the committed gazetteer plus the store's analyst places.

    Picklable (workers of a parallel ingest get the places with it)."""

    def __init__(self, fn: Callable[..., Any], places: Sequence[Place]) -> None:
        self.fn = fn
        self.places = tuple(places)

    def __call__(self, text: str, published: Any, **kw: Any) -> Any:
        from eventmap.places.layered import gazetteer_with, overlay_generation

        g = gazetteer_with(self.places)
        if overlay_generation() != _SEEN_GENERATION[0]:
            _SEEN_GENERATION[0] = overlay_generation()
            try:  # a lookup cache keyed by a gazetteer's id() must not outlive that gazetteer
                from eventmap.events import extract as _x
                getattr(_x, "_GLOBAL_LOOKUP_CACHE", {}).clear()
            except ImportError:
                pass
        return self.fn(text, published, gazetteer=g, **kw)


def accepts_gazetteer(fn: Callable[..., Any]) -> bool:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "gazetteer" or p.kind is inspect.Parameter.VAR_KEYWORD for p in params)


def extractor_for(store: EventStore, fn: Callable[..., Any] | None = None) -> Callable[..., Any]:
    """``fn`` (default: ``eventmap.events.extract.extract_events``) seeing the store's analyst places;
    ``fn`` itself when the store has none or ``fn`` takes no ``gazetteer``."""
    if fn is None:
        from eventmap.events.extract import extract_events
        fn = extract_events
    base: Callable[..., Any] = fn.fn if isinstance(fn, WithAnalystPlaces) else fn
    rows = place_rows(store)
    if not rows or not accepts_gazetteer(base):
        return base
    return WithAnalystPlaces(base, [as_place(r) for r in rows])


# --------------------------------------------------------------------------- files: export, import, the old per-user file

def export_places(store: EventStore, dest: str | Path) -> int:
    """The store's analyst places as the overlay CSV (``places import`` reads it into another store)."""
    from eventmap.csvsafe import neutralise
    from eventmap.places.overlay import OVERLAY_COLUMNS

    rows = place_rows(store)
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(OVERLAY_COLUMNS), extrasaction="ignore")
        w.writeheader()
        for r in rows:
            variants = [n for n in _names(r) if n not in (r.get("name_ar"), r.get("name_en"))]
            row = {"id": r["place_id"], "name_ar": r.get("name_ar") or "", "name_en": r.get("name_en") or "",
                   "variants": "|".join(dict.fromkeys(variants)), "lat": f"{float(r['latitude']):.6f}",
                   "lon": f"{float(r['longitude']):.6f}", "kind": r.get("kind") or "village",
                   **{k: r.get(k) or "" for k in _ADMIN_KEYS}, "note": r.get("note") or "",
                   "author": r.get("author") or "", "created_at": r.get("created_at") or ""}
            # a cell a spreadsheet would run as a formula gets a leading ' (OWASP); overlay.read_rows removes it
            w.writerow({k: neutralise(v) for k, v in row.items()})
    return len(rows)


def import_places(store: EventStore, src: str | Path, *, author: str = "") -> tuple[int, int, list[str]]:
    """Pin every valid row of an overlay CSV (a colleague's export, or the old per-user file).
    Returns ``(places, events re-resolved, errors)``; a bad row is reported, the others are kept."""
    from eventmap.places.overlay import read_rows

    added = events = 0
    errors: list[str] = []
    for n, r in enumerate(read_rows(Path(src)), start=2):
        name = r.get("name_ar") or r.get("name_en") or r.get("name") or ""
        variants = tuple(v for v in (r.get("variants") or "").split("|") if v)
        try:
            res = pin(store, name, r.get("lat") or "", r.get("lon") or "", author=r.get("author") or author or "analyst",
                      reason=r.get("note") or "", name_ar=r.get("name_ar") or "", name_en=r.get("name_en") or "",
                      variants=variants, place_id=(r.get("id") or "").strip() or None,
                      admin={k: r.get(k) or "" for k in _ADMIN_KEYS}, kind=r.get("kind") or "village")
        except (ValueError, TypeError) as exc:
            errors.append(f"line {n}: {exc}")
            continue
        added += 1
        events += res.events
    return added, events, errors


def import_user_file(store: EventStore) -> int:
    """Once per store and file content: the per-user overlay file (``settings.analyst_places_path()``,
    where pins lived before the store held them) is imported. Returns the places imported."""
    from eventmap.settings import analyst_places_path

    try:
        path = analyst_places_path()
        data = path.read_bytes() if path.is_file() else b""
    except OSError:
        return 0
    if not data.strip():
        return 0
    key = "user_places_imported:" + hashlib.sha256(data).hexdigest()[:16]
    if store._db.fetchall("SELECT 1 FROM meta WHERE key = ?", (key,)):
        return 0
    added, _, errors = import_places(store, path, author="analyst")
    with store._db.write():
        store._db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                          "value = excluded.value", (key, f"{path} {utc_now()} {added} places, {len(errors)} skipped"))
    return added


__all__ = [
    "AREA_KM",
    "PinResult",
    "StoreError",
    "actions",
    "auto_pin",
    "dismiss",
    "dismissed",
    "export_places",
    "extractor_for",
    "import_places",
    "import_user_file",
    "in_area",
    "name_queue",
    "pin",
    "point_admin",
    "script_of",
    "undo",
    "unpin",
]
