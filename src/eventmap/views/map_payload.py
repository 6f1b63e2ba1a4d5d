"""The events' half of the map: the payload the map's script draws the events from, made from an events frame
(or a large store's bins) with no folium in sight.

``events_layer(frame)`` is everything ``views.map.build_map`` needs of the events (:class:`EventsLayer`: the
encoded payload, the legend, the bounds, the last day): the costly half of a map of many events. It lives apart
from the folium elements so that the helper process that reads the first page's events ahead (``ui.prefetch``)
can make it without importing folium (0.3 s of CPU, most of it compiling folium's templates).

The payload is columnar: string tables, rounded coordinates, day indices (``views.payload``); every report string
goes through ``escape.esc`` once, here.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from eventmap.frame import fatalities_column
from eventmap.nogc import paused_gc
from eventmap.views.approximate import badge_notes, rings
from eventmap.views.bidi import base_rtl, isolate_html
from eventmap.views.boundaries import outline_for_place, to_geojson_geometry, view_bbox
from eventmap.views.colors import style_for
from eventmap.views.escape import clean_text, esc, esc_many, safe_url
from eventmap.views.legend import legend_html
from eventmap.views.payload import COMPRESS_ABOVE, _combined, _Numbers, encode_payload, factored

FALLBACK_ATTRIBUTION = (
    "Places: Who's On First (CC0) / GeoNames (CC BY 4.0); boundaries: UN OCHA COD-AB "
    "via HDX (CC BY-IGO 3.0); OpenSyria (CC BY 4.0)"
)


def data_attribution() -> str:
    """The gazetteer's attribution line (``eventmap.places.provenance.ATTRIBUTION``)."""
    from eventmap.places.provenance import ATTRIBUTION

    return str(ATTRIBUTION) or FALLBACK_ATTRIBUTION


# --------------------------------------------------------------------------- payload

def has_coords(frame: pd.DataFrame) -> pd.Series:
    lat = pd.to_numeric(frame["latitude"], errors="coerce")
    lon = pd.to_numeric(frame["longitude"], errors="coerce")
    return lat.between(-90, 90) & lon.between(-180, 180) & np.isfinite(lat) & np.isfinite(lon)


def _text(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v)


def _texts(series: pd.Series) -> list[str]:
    """``[_text(v) for v in series]``, without a Python call per row for string columns."""
    vals = series.to_numpy(dtype=object, na_value=None)
    return [v if type(v) is str else _text(v) for v in vals]


def _mention_span(notes: str, location: str, evidence: str) -> tuple[int, int] | None:
    """Where the place name sits in the sentence: from the evidence offsets when they agree
    with the text, else the first occurrence of the name."""
    if not notes or not location:
        return None
    try:
        ev = json.loads(evidence) if evidence else {}
        s = int(ev.get("mention_start", -1)) - int(ev.get("sentence_start", 0))
        e = int(ev.get("mention_end", -1)) - int(ev.get("sentence_start", 0))
        if 0 <= s < e <= len(notes) and notes[s:e] == location:
            return s, e
    except (ValueError, TypeError, AttributeError):
        pass
    i = notes.find(location)
    if i >= 0:
        return i, i + len(location)
    return None


def highlight_html(notes: Any, location: Any, evidence: Any = "") -> str:
    """The sentence as HTML with the place name in ``<mark>``; each part escaped once, and each run of
    the other script (an English name in an Arabic sentence, an Arabic one in English) in ``<bdi>``."""
    n, loc = _text(notes), _text(location)
    span = _mention_span(n, loc, _text(evidence))
    rtl = base_rtl(n)
    if not span:
        return isolate_html(n, rtl)
    s, e = span
    return f"{isolate_html(n[:s], rtl)}<mark>{isolate_html(n[s:e], rtl)}</mark>{isolate_html(n[e:], rtl)}"


def _is_rtl(notes: str, language: str) -> bool:
    if language:
        return language.lower().startswith("ar")
    from eventmap.text import has_arabic

    return has_arabic(notes)


def calendar_days(dates: Iterable[str]) -> list[str]:
    """Every calendar day from the first to the last date (so a time slider steps through
    quiet days too); the distinct dates themselves when they are not all ISO dates."""
    import datetime as _dt

    uniq = sorted(set(dates))
    if not uniq:
        return []
    try:
        first, last = _dt.date.fromisoformat(uniq[0]), _dt.date.fromisoformat(uniq[-1])
    except (ValueError, TypeError):
        return uniq
    if (last - first).days >= 40_000:  # a stored 0001-01-01 must not make millions of days
        return uniq
    full = [(first + _dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    if not set(uniq) <= set(full):
        return uniq
    return full


def _coded(series: pd.Series) -> tuple[np.ndarray, list[str]]:
    """``(codes, texts)`` with ``texts[codes[i]] == _texts(series)[i]``, the texts in order of first appearance.
    A string column is factorized in C (arrow), so only its distinct values become Python strings."""
    if isinstance(series.dtype, pd.StringDtype):
        codes, uniques = pd.factorize(series, use_na_sentinel=False)
        return codes, uniques.to_numpy(dtype=object, na_value="").tolist()
    codes, uniques = pd.factorize(np.asarray(_texts(series), dtype=object))
    return codes, list(uniques)


def _numbers(values: Any) -> _Numbers:
    """A numeric column (array or Series) as a payload list."""
    return _Numbers(np.asarray(values))


def _per_row(values: list[Any], codes: np.ndarray) -> _Numbers:
    """``[values[c] for c in codes]`` in numpy."""
    return _Numbers(np.asarray(values, dtype=np.int64)[codes] if len(codes) else np.zeros(0, dtype=np.int64))


class _Strings:
    """A shared string table: each distinct (already escaped) string stored once."""

    def __init__(self) -> None:
        self.table: list[str] = [""]
        self.index: dict[str, int] = {"": 0}

    def codes(self, values: Iterable[str]) -> list[int]:
        out = []
        idx, tab = self.index, self.table
        for v in values:
            i = idx.get(v)
            if i is None:
                i = idx[v] = len(tab)
                tab.append(v)
            out.append(i)
        return out

    def column(self, series: pd.Series, escape_all: Any = esc_many) -> list[int]:
        """Each row's index into the table: ``escape_all`` (a list of raw texts -> their HTML) runs over the
        distinct values once, in order of first appearance."""
        if isinstance(series.dtype, pd.StringDtype):
            codes, texts = _coded(series)
            return _per_row(self.codes(escape_all(texts)), codes)
        codes, uniques = pd.factorize(series.astype(object).where(series.notna(), ""), use_na_sentinel=False)
        return _per_row(self.codes(escape_all([_text(u) for u in uniques])), codes)


def _urls_html(urls: list[str]) -> list[str]:
    """Each URL escaped when it is http(s), "" otherwise (``escape.safe_url``)."""
    return esc_many([safe_url(u) for u in urls])


def killed_values(frame: pd.DataFrame) -> list[int | None]:
    """The ``fatalities`` column as plain ints (None where unknown): numbers only ever reach the page."""
    if "fatalities" not in frame:
        return [None] * len(frame)
    num = fatalities_column(frame["fatalities"])
    return [None if v is pd.NA else int(v) for v in num.tolist()]


def _by_date(drawn: pd.DataFrame) -> pd.DataFrame:
    """The rows in date order (stable): ranked per distinct date text, not compared row by row."""
    if not len(drawn):
        return drawn
    codes, texts = _coded(drawn["event_date"])
    rank = np.unique(np.asarray(texts, dtype=object), return_inverse=True)[1].reshape(-1)
    return drawn.iloc[np.argsort(rank[codes], kind="stable")]


def _sentences(drawn: pd.DataFrame) -> tuple[np.ndarray, list[str], list[int]]:
    """Each row's sentence as HTML with its place marked (``highlight_html``: codes into the distinct HTML
    texts, in order of first appearance) and whether it reads right to left, computed once per distinct
    (sentence, place, evidence) and (sentence, language)."""
    n = len(drawn)
    none = (np.zeros(n, dtype=np.intp), [""])
    nc, nt = _coded(drawn["notes"])
    lc, lt = _coded(drawn["location"])
    ec, et = _coded(drawn["evidence"]) if "evidence" in drawn else none
    gc, gt = _coded(drawn["language"]) if "language" in drawn else none
    key, first = _combined(nc, lc, ec)
    html = [highlight_html(nt[nc[i]], lt[lc[i]], et[ec[i]]) for i in first]
    rkey, rfirst = _combined(nc, gc)
    rtl = _per_row([1 if _is_rtl(nt[nc[i]], gt[gc[i]]) else 0 for i in rfirst], rkey)
    return key, html, rtl


def _dates(drawn: pd.DataFrame) -> tuple[list[str], list[int]]:
    """The calendar days of the time slider and each row's index into them."""
    codes, texts = _coded(drawn["event_date"])
    dates = [d[:10] for d in texts]
    days = calendar_days(dates)
    day_index = {d: i for i, d in enumerate(days)}
    return days, _per_row([day_index[d] for d in dates], codes)


def build_payload(frame: pd.DataFrame, *, selected_event_id: str | None = None,
                  boundary_dir=None) -> dict[str, Any]:
    """The compact columnar payload the map's JavaScript draws (resolved events only),
    sorted by date so a day window is one contiguous slice. Text columns are coded per distinct value
    (``_coded``): each distinct string is escaped once and added to the string table in the order its
    first row comes."""
    drawn = _by_date(frame[has_coords(frame)])
    S = _Strings()
    days, day_of = _dates(drawn)
    T, type_of = _type_table(drawn)
    no_key, no_html, rtl = _sentences(drawn)

    # approximate events standing for an admin unit or a curated region get its outline
    gp_n = drawn["geo_precision"].fillna(1).astype(int).to_numpy()
    regions, region_of = _region_outlines(drawn["place_id"], gp_n, boundary_dir)
    nsrc = _numbers(pd.to_numeric(drawn.get("number_of_sources", 1), errors="coerce").fillna(1).astype(int)) \
        if "number_of_sources" in drawn else [1] * len(drawn)
    unc = _numbers(pd.to_numeric(drawn["uncertainty_km"], errors="coerce").fillna(0.0).round(2)) \
        if "uncertainty_km" in drawn else [0.0] * len(drawn)

    # approximate events sharing an estimate: a ring slot each (views/approximate.py)
    rs, ring_of, slot_of = rings(drawn)
    ids = _texts(drawn["event_id"])
    sel = -1
    if selected_event_id is not None and selected_event_id in ids:
        sel = ids.index(selected_event_id)
    badge_codes, badges = _coded(badge_notes(drawn))
    payload = {
        "n": len(drawn),
        "unresolved": int(len(frame) - len(drawn)),
        "days": [esc(d) for d in days],   # HTML-escaped: a date that is not ISO is still report text
        "T": T,
        "lat": _numbers(drawn["latitude"].astype(float).round(5)),
        "lon": _numbers(drawn["longitude"].astype(float).round(5)),
        "d": day_of,
        "t": type_of,
        "gp": _numbers(gp_n),
        "u": unc,
        "ns": nsrc,
        "k": killed_values(drawn),
        "rtl": rtl,
        "rg": region_of,
        "R": regions,
        "id": esc_many(ids),
        "st": S.column(drawn["sub_event_type"]),
        "pa": S.column(drawn["place_name_ar"]),
        "pe": S.column(drawn["place_name_en"]),
        "lo": S.column(drawn["location"]),
        "a1": S.column(drawn["admin1"]),
        "a2": S.column(drawn["admin2"]),
        "a3": S.column(drawn["admin3"]),
        "x1": S.column(drawn["actor1"]),
        "x2": S.column(drawn["actor2"]),
        "so": S.column(drawn["source"]),
        "ur": S.column(drawn["source_url"], escape_all=_urls_html),
        "no": _per_row(S.codes(no_html), no_key),
        "ae": _per_row(S.codes([isolate_html(b) for b in badges]), badge_codes),
        "ag": _numbers(ring_of),
        "as": _numbers(slot_of),
        "G": [[r.lat, r.lon, len(r.names), round(r.uncertainty_km, 2), isolate_html(r.note)] for r in rs],
        "sel": sel,
    }
    if "em_num" in drawn:   # a printed brief's place numbers (keyed to its list), 0 = not numbered
        payload["num"] = pd.to_numeric(drawn["em_num"], errors="coerce").fillna(0).astype(int).tolist()
    payload["un"] = _unplaced_rows(frame)
    payload["S"] = S.table
    return payload


#: the payload's columns that follow from an event's place (its point, precision, names, units, outline, ring):
#: sent once per distinct place (``views.payload.factored``): 1,267 rows for 90,374 events in the 100k benchmark store
PLACE_COLUMNS = ("lat", "lon", "gp", "u", "rg", "ag", "pe", "pa", "a1", "a2", "a3")


def _type_table(drawn: pd.DataFrame) -> tuple[list[list[str]], list[int]]:
    """Event types: T = [[name (escaped), colour, shape], ...] and each row's index into it."""
    codes, texts = _coded(drawn["event_type"])
    types = list(dict.fromkeys(texts))
    table = []
    for t in types:
        st = style_for(t)
        table.append([esc(t or "Unknown"), st.color, st.shape])
    t_index = {t: i for i, t in enumerate(types)}
    return table, _per_row([t_index[t] for t in texts], codes)


def _region_outlines(place_ids: pd.Series, gp: np.ndarray, boundary_dir: Any) -> tuple[list[dict], _Numbers]:
    """The outline of each admin unit or curated region an approximate event stands for (once each, in the
    order of their first events), and each row's index into them (-1: no outline)."""
    codes, pids = _coded(place_ids)
    regions: list[dict] = []
    r_index: dict[str, int] = {}
    for i in np.flatnonzero(gp >= 2):
        pid = pids[codes[i]]
        if pid.startswith(("ocha:", "region:")) and pid not in r_index:
            geom = outline_for_place(pid, boundary_dir)
            r_index[pid] = len(regions) if geom is not None else -1
            if geom is not None:
                regions.append(to_geojson_geometry(geom))
    per_pid = np.asarray([r_index.get(p, -1) for p in pids], dtype=np.int64)
    return regions, _Numbers(np.where(gp >= 2, per_pid[codes], -1) if len(codes) else np.zeros(0, dtype=np.int64))


def _unplaced_rows(frame: pd.DataFrame) -> list[list[str]]:
    """Events without a place: listed (not drawn) by the export page, at most 500."""
    un = frame[~has_coords(frame)].head(500)
    return [[esc(_text(d)[:10]), esc(loc), esc(src), highlight_html(n, loc, ev)]
            for d, loc, src, n, ev in zip(un["event_date"], un["location"], un["source"], un["notes"],
                                          un["evidence"] if "evidence" in un else [""] * len(un))]


@dataclass(frozen=True)
class EventsLayer:
    """What :func:`build_map` draws of the events, made from the frame (or the bins) alone: the costly half of a
    map of many events (0.45 of its 0.7 s of CPU at 100,000 events), which a helper process can make ahead
    (``ui.prefetch``) and send; plain values, so it pickles."""

    payload: str                # the map script's payload, encoded (``views.payload.encode_payload``)
    legend: str                 # the legend's HTML ("" for a map with no event)
    bbox: tuple[float, float, float, float]   # the drawn points' bounds (none: the southern governorates'), W, S, E, N
    points: bool                # any event has a point: the map fits them
    last_day: str | None        # the last event day (the control layer's end when the window reaches it)


@paused_gc()   # a payload of every event's values, made and dropped (also outside build_map: ui.prefetch, app.py)
def events_layer(frame: pd.DataFrame | None, *, bins: Any = None, selected_event_id: str | None = None,
                 boundary_dir: Any = None, compress_above: int = COMPRESS_ABOVE) -> EventsLayer:
    """The events' half of :func:`build_map` (its ``layer``): ``frame``'s events, or ``bins``' places (then
    ``frame`` may be ``None``: a large store's dashboard reads no event for its map)."""
    n = 0 if frame is None else len(frame)
    payload, lats, lons, counts = _events_payload(frame, bins, selected_event_id, boundary_dir)
    # legend rows in the payload's type order (T), so the script can recount per time window
    import html as _html

    t_names = [_html.unescape(t[0]) for t in payload["T"]]
    legend = legend_html(t_names, counts=counts, unresolved=payload["unresolved"],
                         approximate=True, rings=bool(payload["G"])) if n or bins is not None else ""
    days = frame["event_date"].dropna().astype(str).str.slice(0, 10) if frame is not None and n else None
    return EventsLayer(encode_payload(factored(payload, PLACE_COLUMNS), compress_above), legend,
                       view_bbox(lats, lons), bool(lats),
                       days.max() if days is not None and len(days) else None)


def _events_payload(frame: pd.DataFrame | None, bins: Any, selected_event_id: str | None,
                    boundary_dir: Any) -> tuple[dict[str, Any], list[float], list[float], dict[str, int]]:
    """The map script's payload, the drawn points' latitudes and longitudes, and the count per type."""
    if bins is not None:
        from eventmap.views.bins import bins_payload

        return (bins_payload(bins), [p[0] for p in bins.points], [p[1] for p in bins.points],
                {clean_text(t): n for t, n in bins.per_type().items()})
    if frame is None:
        raise ValueError("an events layer needs the events' frame or their bins")
    payload = build_payload(frame, selected_event_id=selected_event_id, boundary_dir=boundary_dir)
    ok = has_coords(frame)
    lats, lons = frame.loc[ok, "latitude"].astype(float).tolist(), frame.loc[ok, "longitude"].astype(float).tolist()
    return payload, lats, lons, _type_counts(frame.loc[ok, "event_type"])


def _type_counts(types: pd.Series) -> dict[str, int]:
    """The number of events per type as the legend names it (cleaned text, "Unknown" for none)."""
    if not isinstance(types.dtype, pd.StringDtype):
        return types.map(_text).replace("", "Unknown").map(clean_text).value_counts().to_dict()
    codes, uniques = pd.factorize(types, use_na_sentinel=False)   # a string column: once per distinct value
    counts: dict[str, int] = {}
    for u, n in zip(uniques, np.bincount(codes, minlength=len(uniques)).tolist()):
        name = clean_text(_text(u) or "Unknown")
        counts[name] = counts.get(name, 0) + n
    return counts
