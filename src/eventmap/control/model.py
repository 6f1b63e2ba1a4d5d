"""Who holds what: per place, a history of holders built from the events that change or assert control.

The model reads stored events as the store holds them (effective values: every analyst correction of
type, date, place or actor already applied; events marked "not an event" left out; an event merged by
an analyst into another adds its report to that event's basis). Only events that say who controls a
place take part:

* ``Battles / Government regains territory`` and ``Non-state actor overtakes territory``: the place is
  held by actor 1 (taken from actor 2, as the report says);
* ``Strategic developments / Non-violent transfer of territory``: entries under a settlement, handovers,
  flags raised (actor 1 holds it); withdrawals and evacuations of fighters (actor 1 leaves: actor 2
  holds it when the report names one, otherwise the holder is unknown);
* ``Strategic developments / Headquarters or base established``: actor 1 is there (an assertion).

Actors map to a short list of holders (:data:`HOLDERS`); the state's allies count as the government.

A place's holder is **unknown** until the first such event: nothing is guessed. When reports disagree
about the same place on the same day, the place is **contested** from that day (with the holders each
report claims) until a later report settles it. Every change keeps the claims it rests on: event ids,
report ids, outlets, URLs and the report's sentence.
"""

from __future__ import annotations

import datetime as _dt
import math
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pandas as pd

from eventmap.events import actors as A
from eventmap.nogc import paused_gc
from eventmap.text import name_key

GOVERNMENT, OPPOSITION, NUSRA, ISIS, ISRAEL, UNKNOWN = (
    "government", "opposition", "nusra", "isis", "israel", "unknown")
CONTESTED = "contested"
#: the holders, in legend order
HOLDERS: tuple[str, ...] = (GOVERNMENT, OPPOSITION, NUSRA, ISIS, ISRAEL, UNKNOWN)
HOLDER_LABELS: dict[str, str] = {
    GOVERNMENT: "Government and allies",
    OPPOSITION: "Opposition / settlement factions",
    NUSRA: "Jabhat al-Nusra / HTS",
    ISIS: "ISIS / Khalid ibn al-Walid Army",
    ISRAEL: "Israeli forces",
    UNKNOWN: "Unknown",
    CONTESTED: "Contested (reports disagree)",
}
#: stored actor (canonical names of ``eventmap.events.actors``) -> holder
ACTOR_HOLDER: dict[str, str] = {
    A.GOV: GOVERNMENT, A.RUS: GOVERNMENT, A.IRN: GOVERNMENT, A.HZB: GOVERNMENT,
    A.OPP: OPPOSITION, A.HTS: NUSRA, A.ISIS: ISIS, A.ISR: ISRAEL,
}

TAKEN_GOV = "Government regains territory"
TAKEN_NSA = "Non-state actor overtakes territory"
TRANSFER = "Non-violent transfer of territory"
BASE = "Headquarters or base established"
#: the sub-event types that say who controls a place
CONTROL_SUB_TYPES: tuple[str, ...] = (TAKEN_GOV, TAKEN_NSA, TRANSFER, BASE)
_LEAVING = ("withdrawal", "evacuation")
_HOW = {"settlement_entry": "settlement", "withdrawal": "withdrawal", "evacuation": "evacuation",
        "flag_raised": "flag raised", "weapons_handover": "handover", "territory_entered": "entered",
        "territory_taken": "taken"}

#: columns the model reads (a store frame or ``EventStore.control_rows()``)
COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "sub_event_type", "trigger_label", "actor1", "actor2", "location", "place_id",
    "place_name_ar", "place_name_en", "admin1", "admin2", "admin3", "admin1_pcode", "admin2_pcode",
    "admin3_pcode", "latitude", "longitude", "geo_precision", "resolution", "report_id", "source",
    "source_url", "published", "notes", "confidence", "mention_start", "status", "merged_into",
)


def holder_of(actor: str | None) -> str | None:
    """The holder an actor stands for, ``None`` for no actor or one that holds no territory here."""
    if not actor:
        return None
    h = ACTOR_HOLDER.get(actor)
    if h is not None:
        return h
    low = actor.lower()  # an analyst's own wording ("FSA", "Hayat Tahrir al-Sham", "IS")
    for words, holder in ((("nusra", "hts", "tahrir al-sham", "النصرة", "تحرير الشام"), NUSRA),
                          (("isis", "islamic state", "khalid ibn", "داعش", "خالد بن الوليد"), ISIS),
                          (("israel", "idf", "إسرائيل", "الاحتلال"), ISRAEL),
                          (("opposition", "rebel", "fsa", "free syrian", "faction", "المعارضة", "الفصائل",
                            "الجيش الحر"), OPPOSITION),
                          (("government", "army", "regime", "russia", "hezbollah", "iran", "الجيش", "النظام"),
                           GOVERNMENT)):
        if any(w in low for w in words):
            return holder
    return None


def claimed(sub_type: str, label: str, actor1: str, actor2: str) -> tuple[str, str | None, str] | None:
    """``(holder after, holder before as the report says or None, how)`` for one control event, else None."""
    h1, h2 = holder_of(actor1), holder_of(actor2)
    how = _HOW.get(label or "", "")
    if sub_type == TAKEN_GOV:
        return (h1 or GOVERNMENT), h2, how or "taken"
    if sub_type == TAKEN_NSA:
        return (h1 or UNKNOWN), h2, how or "taken"
    if sub_type == TRANSFER:
        leaving = label in _LEAVING and (label == "withdrawal" or h1 in (OPPOSITION, NUSRA, ISIS))
        if leaving:
            return (h2 or UNKNOWN), h1, how
        return (h1 or UNKNOWN), h2, how or "transfer"
    if sub_type == BASE and h1:
        return h1, None, "base established"
    return None


class Claim(NamedTuple):
    """One report's word on who holds a place on a day: one stored event (and the duplicates merged into it).
    A named tuple, not a frozen dataclass: a store of a million events makes a third of a million of them,
    and a frozen dataclass takes four times as long to make (1.5 s of the model's 6 s there)."""

    event_id: str
    date: str
    holder: str
    taken_from: str                 # whom the report says it was taken from ("" when it does not say)
    how: str
    report_id: str
    source: str
    source_url: str
    published: str
    sentence: str
    sub_event_type: str
    merged: tuple[tuple[str, str, str, str], ...] = ()  # (event_id, report_id, source, url) of duplicates

    def event_ids(self) -> list[str]:
        return [self.event_id] + [m[0] for m in self.merged]

    def report_ids(self) -> list[str]:
        return _uniq([self.report_id] + [m[1] for m in self.merged])

    def sources(self) -> list[str]:
        return _uniq([self.source] + [m[2] for m in self.merged])

    def urls(self) -> list[str]:
        return _uniq([self.source_url] + [m[3] for m in self.merged])


@dataclass(frozen=True, slots=True)
class Change:
    """From ``date`` on, the place is held by ``holder`` (or contested between ``contenders``)."""

    date: str
    holder: str
    previous: str                       # the model's holder the day before (unknown before anything is known)
    claims: tuple[Claim, ...]           # the claims of that day
    contenders: tuple[str, ...] = ()    # the holders the reports claim, when contested
    taken_from: tuple[str, ...] = ()    # whom the reports say it was taken from

    @property
    def how(self) -> tuple[str, ...]:
        return tuple(_uniq([c.how for c in self.claims]))

    def basis(self) -> dict[str, list[str]]:
        """Event ids, report ids, outlets and URLs this change rests on."""
        return {"event_ids": _uniq([e for c in self.claims for e in c.event_ids()]),
                "report_ids": _uniq([r for c in self.claims for r in c.report_ids()]),
                "sources": _uniq([s for c in self.claims for s in c.sources()]),
                "urls": _uniq([u for c in self.claims for u in c.urls()])}


@dataclass(slots=True)
class PlaceControl:
    """A place and the history of who holds it (changes in date order)."""

    key: str
    place_id: str | None
    location: str
    name_ar: str
    name_en: str
    admin1: str
    admin2: str
    admin3: str
    latitude: float | None
    longitude: float | None
    resolution: str
    changes: list[Change] = field(default_factory=list)
    confirmations: list[list[Claim]] = field(default_factory=list)  # later claims that repeat each change

    @property
    def name(self) -> str:
        return self.name_en or self.name_ar or self.location

    def change_on(self, day: str) -> Change | None:
        """The change in force on ``day`` (``None``: nothing known yet, the holder is unknown)."""
        found = None
        for ch in self.changes:
            if ch.date > day:
                break
            found = ch
        return found

    def holder_on(self, day: str) -> str:
        ch = self.change_on(day)
        return ch.holder if ch is not None else UNKNOWN


@dataclass(slots=True)
class ControlModel:
    """Every place some event says something about, with its holders over time."""

    places: dict[str, PlaceControl]

    def __len__(self) -> int:
        return len(self.places)

    def find(self, name: str) -> PlaceControl | None:
        """A place by key, else by place id or gazetteer name, else by the name as a report wrote it."""
        if name in self.places:
            return self.places[name]
        for fields in (lambda p: (p.place_id, p.name_ar, p.name_en), lambda p: (p.location,)):
            for p in self.places.values():
                if name in fields(p):
                    return p
        return None

    def on(self, day: str) -> list[tuple[PlaceControl, Change | None]]:
        """Every place with the change in force on ``day`` (``None``: unknown)."""
        day = _iso(day)
        return [(p, p.change_on(day)) for p in self.places.values()]

    def changes(self, since: str | None = None, until: str | None = None) -> list[tuple[PlaceControl, Change]]:
        """What changed hands between ``since`` and ``until`` (inclusive), in date order."""
        lo, hi = _iso(since) if since else "", _iso(until) if until else "9999-12-31"
        out = [(p, ch) for p in self.places.values() for ch in p.changes if lo <= ch.date <= hi]
        out.sort(key=lambda pc: (pc[1].date, pc[0].name))
        return out

    def within(self, admin1: Sequence[str] = (), admin2: Sequence[str] = (), admin3: Sequence[str] = (),
               bbox: Sequence[float] | None = None) -> ControlModel:
        """The places inside the given admin units (stored names) and box (west, south, east, north)."""
        def keep(p: PlaceControl) -> bool:
            if (admin1 and p.admin1 not in admin1) or (admin2 and p.admin2 not in admin2) or \
                    (admin3 and p.admin3 not in admin3):
                return False
            if bbox is not None:
                w, s, e, n = bbox
                return p.latitude is not None and p.longitude is not None and s <= p.latitude <= n and \
                    w <= p.longitude <= e
            return True
        return ControlModel({k: p for k, p in self.places.items() if keep(p)})

    def change_dates(self) -> list[str]:
        return sorted({ch.date for p in self.places.values() for ch in p.changes})

    def timeline(self) -> dict[str, list[tuple[str, str]]]:
        """Place key -> [(date, holder), ...]: what a map needs to colour places on any day."""
        return {k: [(ch.date, ch.holder) for ch in p.changes] for k, p in self.places.items()}

    def __reduce__(self) -> tuple:
        """Pickled as columns (:func:`_model_columns`): the prefetch helper hands the model to the server through a
        socket, and a restart reads it from disk (``ui.page_cache``). Pickled object by object, the 332,845 claims of
        a million-event store took 5.6 s to write and 4.4 s to read (99 MB); now a text field whose values repeat
        is written once per distinct value, with a code per claim (1.9 s, 0.9 s, 35 MB)."""
        return _model_from_columns, (_model_columns(self),)


def _model_columns(model: ControlModel) -> tuple:
    """The model as plain columns: for each text field of the claims, its distinct values and one code per claim
    (or its values as they are, when most are distinct); the places with their changes and confirmations naming
    claims by number (a claim shared by two stays one)."""
    with paused_gc():
        groups: list[Sequence[Claim]] = [ch.claims for p in model.places.values() for ch in p.changes]
        groups += [cc for p in model.places.values() for cc in p.confirmations]
        by_id = {id(c): c for g in groups for c in g}
        claims = list(by_id.values())
        numbers = {k: i for i, k in enumerate(by_id)}

        def nums(g: Iterable[Claim]) -> list[int]:
            return list(map(numbers.__getitem__, map(id, g)))

        places = [(p.key, p.place_id, p.location, p.name_ar, p.name_en, p.admin1, p.admin2, p.admin3, p.latitude,
                   p.longitude, p.resolution,
                   [(ch.date, ch.holder, ch.previous, nums(ch.claims), ch.contenders, ch.taken_from)
                    for ch in p.changes],
                   [nums(cc) for cc in p.confirmations]) for p in model.places.values()]
        columns: list[tuple[Sequence, array | None]] = []
        for values in list(zip(*claims))[:-1]:         # every field but ``merged``
            sample = values[::max(1, len(values) // 2000)]
            if len(set(sample)) > 0.9 * len(sample):   # ids and URLs: mostly distinct, kept as they are
                columns.append((values, None))
                continue
            table = dict.fromkeys(values)
            for i, v in enumerate(table):
                table[v] = i
            columns.append((list(table), array("i", map(table.__getitem__, values))))
        merged = {i: c.merged for i, c in enumerate(claims) if c.merged}
    return columns, merged, len(claims), places


def _model_from_columns(state: tuple) -> ControlModel:
    columns, merged, n, places = state
    with paused_gc():
        fields = [values if codes is None else map(values.__getitem__, codes) for values, codes in columns]
        extra = [merged.get(i, ()) for i in range(n)] if merged else [()] * n
        claims = list(map(Claim._make, zip(*fields, extra))) if n else []
        out: dict[str, PlaceControl] = {}
        for key, pid, loc, ar, en, a1, a2, a3, lat, lon, res, changes, confirmations in places:
            out[key] = PlaceControl(
                key, pid, loc, ar, en, a1, a2, a3, lat, lon, res,
                [Change(d, h, prev, tuple(map(claims.__getitem__, ids)), cont, taken)
                 for d, h, prev, ids, cont, taken in changes],
                [list(map(claims.__getitem__, ids)) for ids in confirmations])
    return ControlModel(out)


def _uniq(xs: Iterable[str]) -> list[str]:
    return [x for x in dict.fromkeys(x for x in xs if x)]


def _iso(d: str | _dt.date) -> str:
    if isinstance(d, _dt.date):
        return d.isoformat()
    try:
        return _dt.date.fromisoformat(str(d)[:10]).isoformat()
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {d!r}") from None


def place_key(place_id: Any, location: str, admin_pcode: str) -> str:
    """A place's key: its gazetteer id, else the name as written (matching key) within its sub-district."""
    if isinstance(place_id, str) and place_id:
        return place_id
    return f"name:{name_key(location or '')}@{admin_pcode or '?'}"


def _coarse(place_id: Any, geo_precision: Any) -> bool:
    """A governorate, district or region: no one 'holds' it from one report's sentence."""
    pid = place_id if isinstance(place_id, str) else ""
    return pid.startswith(("ocha:", "region:")) or geo_precision == 3



def build_control(frame: pd.DataFrame) -> ControlModel:
    """The control model of the events in ``frame`` (store rows: see :data:`COLUMNS`; missing columns are
    read as empty, a frame without ``status`` as all "ok"). Rows of other types are ignored.

    Columns are read once as Python lists and the rows folded in one pass (100,000 rows in well under a
    second of CPU: ``benchmarks/bench_control.py``)."""
    return _build(_columns(frame))


def _build(cols: dict[str, list[Any]]) -> ControlModel:
    places: dict[str, PlaceControl] = {}
    if not cols or not cols["event_id"]:
        return ControlModel(places)
    merged: dict[str, list[tuple[str, str, str, str]]] = {}
    recs = _claim_records(cols, merged)
    recs.sort()
    eid_, rep_, src_, url_, pub_, note_, sub_ = (cols[c] for c in (
        "event_id", "report_id", "source", "source_url", "published", "notes", "sub_event_type"))
    lat_ = cols["latitude"]
    current, day, located = "", "", -1
    claims: list[Claim] = []
    for key, d, _rep, _ms, _eid, i, holder, taken, how in recs:
        if key != current:
            if claims:
                _add_day(places[current], claims)
                _locate(places[current], cols, located)
            current, day, claims, located = key, d, [], -1
            places[key] = _place(cols, key, i)
        elif d != day:
            _add_day(places[key], claims)
            day, claims = d, []
        if not _isnan(lat_[i]):
            located = i
        m = merged.get(eid_[i])
        claims.append(Claim(eid_[i], d, holder, taken, how, rep_[i], src_[i], url_[i], pub_[i], note_[i], sub_[i],
                            tuple(m) if m else ()))
    if claims:
        _add_day(places[current], claims)
        _locate(places[current], cols, located)
    return ControlModel(places)


def _isnan(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def _columns(frame: pd.DataFrame) -> dict[str, list[Any]]:
    """The control rows of ``frame`` as one list per column (text columns as str, "" for missing)."""
    if "sub_event_type" not in frame.columns or not len(frame):
        return {}
    df = frame[frame["sub_event_type"].isin(CONTROL_SUB_TYPES)]
    if not len(df):
        return {}
    out: dict[str, list[Any]] = {}
    for c in COLUMNS:
        if c not in df.columns:
            out[c] = [("ok" if c == "status" else None)] * len(df)
        elif c in ("latitude", "longitude", "geo_precision", "mention_start"):
            out[c] = pd.to_numeric(df[c], errors="coerce").astype(float).tolist()
        elif c in ("place_id", "merged_into"):
            out[c] = [v if isinstance(v, str) and v else None for v in df[c].tolist()]
        else:   # a text column read as numbers (all missing, say) takes "" as an object column (pandas 4 refuses it)
            col = df[c].astype(object) if df[c].dtype.kind in "fiu" else df[c]
            out[c] = col.fillna("").astype(str).tolist()
    out["event_date"] = [d[:10] for d in out["event_date"]]
    return out


def _claim_records(cols: dict[str, list[Any]], merged: dict[str, list[tuple[str, str, str, str]]]) -> list[tuple]:
    """One sortable record per claim: (key, date, report, mention, event id, row, holder, taken from, how);
    events merged by an analyst go to ``merged`` (target event id -> their reports) instead."""
    verdict: dict[tuple[str, str, str, str], tuple[str, str | None, str] | None] = {}
    keys: dict[tuple[str, str], str] = {}
    c = cols
    eid_, date_, pid_, prec_, rep_ = c["event_id"], c["event_date"], c["place_id"], c["geo_precision"], c["report_id"]
    sub_, label_, a1_, a2_ = c["sub_event_type"], c["trigger_label"], c["actor1"], c["actor2"]
    recs = []
    for i, st in enumerate(c["status"]):
        d, pid = date_[i], pid_[i]
        if st not in ("ok", "merged") or not d or _coarse(pid, prec_[i]):
            continue
        if st == "merged":
            into = c["merged_into"][i]
            if into:
                merged.setdefault(into, []).append((eid_[i], rep_[i], c["source"][i], c["source_url"][i]))
            continue
        combo = (sub_[i], label_[i], a1_[i], a2_[i])
        if combo in verdict:
            v = verdict[combo]
        else:
            v = verdict[combo] = claimed(*combo)
        if v is None:
            continue
        if pid:
            key = pid
        else:
            loc = c["location"][i]
            admin = c["admin3_pcode"][i] or c["admin2_pcode"][i] or c["admin1_pcode"][i]
            key = keys.get((loc, admin)) or keys.setdefault((loc, admin), place_key(None, loc, admin))
        ms = c["mention_start"][i]
        recs.append((key, d, rep_[i], 0.0 if _isnan(ms) else ms, eid_[i], i, v[0], v[1] or "", v[2]))
    return recs


def _place(cols: dict[str, list[Any]], key: str, i: int) -> PlaceControl:
    lat, lon = cols["latitude"][i], cols["longitude"][i]
    return PlaceControl(
        key=key, place_id=cols["place_id"][i], location=cols["location"][i], name_ar=cols["place_name_ar"][i],
        name_en=cols["place_name_en"][i], admin1=cols["admin1"][i], admin2=cols["admin2"][i],
        admin3=cols["admin3"][i], latitude=None if _isnan(lat) else lat, longitude=None if _isnan(lon) else lon,
        resolution=cols["resolution"][i])


def _locate(p: PlaceControl, cols: dict[str, list[Any]], i: int) -> None:
    """Name and point of a place from its latest located event (an analyst's re-pin moves it)."""
    if i >= 0:
        q = _place(cols, p.key, i)
        p.location, p.name_ar, p.name_en, p.admin1, p.admin2, p.admin3 = (
            q.location, q.name_ar, q.name_en, q.admin1, q.admin2, q.admin3)
        p.latitude, p.longitude, p.resolution, p.place_id = q.latitude, q.longitude, q.resolution, q.place_id


def _add_day(p: PlaceControl, claims: list[Claim]) -> None:
    """Fold one day's claims about a place into its history."""
    if len(claims) == 1:
        c = claims[0]
        holders: tuple[str, ...] = (c.holder,)
    else:
        by_report: dict[str, str] = {}
        for c in claims:                     # a report's last word that day stands for it (claims in text order)
            by_report[c.report_id or c.event_id] = c.holder
        holders = tuple(_uniq(by_report.values()))
    last = p.changes[-1] if p.changes else None
    prev = last.holder if last is not None else UNKNOWN
    holder, contenders = (CONTESTED, tuple(sorted(holders))) if len(holders) > 1 else (holders[0], ())
    if last is not None and holder == prev and contenders == last.contenders:
        p.confirmations[-1].extend(claims)     # the same holder again: more basis, no change (none is made)
        return
    if len(claims) == 1:
        taken: tuple[str, ...] = (claims[0].taken_from,) if claims[0].taken_from else ()
    else:
        taken = tuple(_uniq([c.taken_from for c in claims]))
    p.changes.append(Change(claims[0].date, holder, prev, tuple(claims), contenders=contenders, taken_from=taken))
    p.confirmations.append([])


def control_from_store(store: Any, until: str | None = None) -> ControlModel:
    """The control model of a store's events (up to ``until``, inclusive, when given); the rows go from the
    database to the model as lists, with no frame in between."""
    return _build(_tuple_columns(store.control_tuples(COLUMNS, CONTROL_SUB_TYPES, until=until)))


_NUMERIC = ("latitude", "longitude", "geo_precision", "mention_start")


def control_from_table(table: Any) -> ControlModel:
    """The control model of the rows of ``store.control_sql(COLUMNS, CONTROL_SUB_TYPES)`` read by another reader
    into a ``pyarrow.Table`` (the dashboard's helper, with GDAL: ``store.gdal_read``); the same model as
    :func:`control_from_store`'s."""
    if table.num_rows == 0:
        return _build({})
    return _build(_typed_columns(table.column(c).to_pylist() for c in COLUMNS))


def _tuple_columns(rows: list[tuple]) -> dict[str, list[Any]]:
    """Rows in :data:`COLUMNS` order as one list per column, typed as ``_columns`` types them."""
    if not rows:
        return {}
    return _typed_columns(zip(*rows))


def _typed_columns(columns: Iterable[Sequence[Any]]) -> dict[str, list[Any]]:
    """The values of each of :data:`COLUMNS`, in that order, typed as ``_columns`` types them."""
    out: dict[str, list[Any]] = {}
    for c, values in zip(COLUMNS, columns):
        if c in _NUMERIC:
            out[c] = [float("nan") if v is None else float(v) for v in values]
        elif c in ("place_id", "merged_into"):
            out[c] = [v if isinstance(v, str) and v else None for v in values]
        else:
            out[c] = [v if isinstance(v, str) else ("" if v is None else str(v)) for v in values]
    out["event_date"] = [d[:10] for d in out["event_date"]]
    return out


__all__ = [
    "COLUMNS",
    "CONTESTED",
    "CONTROL_SUB_TYPES",
    "HOLDERS",
    "HOLDER_LABELS",
    "Change",
    "Claim",
    "ControlModel",
    "PlaceControl",
    "build_control",
    "claimed",
    "control_from_store",
    "holder_of",
    "place_key",
]
