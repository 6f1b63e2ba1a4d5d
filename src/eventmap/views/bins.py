"""Events counted per place and day: the map of a store too large to draw event by event.

Above :data:`BIN_ABOVE` events a browser cannot hold one marker (and one popup's strings) per event, and no
analyst can see a million symbols. :func:`point_day_bins` asks the store for the matching events counted
per (day, event type, point) — two grouped scans in the database, no event row in Python — and
:func:`bins_payload` turns them into the compact columns the map's script reads (``build_map(bins=...)``):

* the time window is counted on the server: :meth:`PointDayBins.window_counts` sums a window's bins per place
  and type (one slice, since bins are sorted by day, and one ``bincount``), and those few thousand numbers travel
  with the window to the map already drawn (``views.live_map``), so the page never receives the hundreds of
  thousands of place-days of a large store, and moving the window still rebuilds no map;
* the map draws ONE symbol per place with the number of its events in the window, coloured and shaped by
  its most frequent type, clustered at low zoom with the counts summed (cluster rings show the shares of
  the types); its popup gives the counts per type;
* the legend counts per type follow the window, as for single events;
* the symbols are bounded too: events at more than :data:`MAX_POINTS` distinct points (each with a point of its
  own, not at a gazetteer place) are counted per cell of a grid, each cell drawn at its busiest point.

Counts are conserved: the symbols of a window add up to the stored events of that window that have a
place (tested), so nothing is dropped, only aggregated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from eventmap.views.colors import style_for
from eventmap.views.escape import esc

#: more events than this (matching the filters, all dates) are drawn binned per place and day
BIN_ABOVE = 150_000
#: at most this many symbols: events at more distinct points are counted per cell of a grid (``_cells``)
MAX_POINTS = 20_000
#: the grid's cell sizes tried, finest first (degrees: 0.001 is about 110 m north-south here)
GRID_STEPS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 45.0, 180.0)


@dataclass
class PointDayBins:
    """Counts per (day, type, point), sorted by day, with the points' names."""

    days: list[str]                  # distinct days, sorted (ISO)
    types: list[str]                 # event types ("Unknown" for none)
    points: list[tuple[float, float, str, str]]   # (lat, lon, name_en, name_ar)
    d: np.ndarray                    # per bin: day index
    t: np.ndarray                    # per bin: type index
    p: np.ndarray                    # per bin: point index
    approx: np.ndarray               # per bin: 1 when the place is approximate
    n: np.ndarray                    # per bin: events

    @property
    def total(self) -> int:
        return int(self.n.sum())

    def window(self, since: str | None = None, until: str | None = None) -> slice:
        """The bins of the days in [since, until] (inclusive ISO dates; None = open)."""
        days = np.asarray(self.days, dtype=object)
        lo = int(np.searchsorted(days, since, side="left")) if since else 0
        hi = int(np.searchsorted(days, until, side="right")) if until else len(self.days)
        return slice(int(np.searchsorted(self.d, lo, side="left")), int(np.searchsorted(self.d, hi, side="left")))

    def per_point(self, since: str | None = None, until: str | None = None) -> np.ndarray:
        """Events per point in the window (index = point index)."""
        w = self.window(since, until)
        return np.bincount(self.p[w], weights=self.n[w], minlength=len(self.points)).astype(np.int64)

    def per_type(self, since: str | None = None, until: str | None = None) -> dict[str, int]:
        w = self.window(since, until)
        c = np.bincount(self.t[w], weights=self.n[w], minlength=len(self.types)).astype(np.int64)
        return {self.types[i]: int(v) for i, v in enumerate(c) if v}

    def window_counts(self, since: str | None = None, until: str | None = None) -> dict[str, list[int]]:
        """What the map draws for the window [since, until]: per (point, type) with events in it, the point
        index ``p``, the type index ``t``, the events ``c`` and how many of them are approximate ``a``; sorted
        by point. At most points x types entries, whatever the number of days and events."""
        w = self.window(since, until)
        nt = max(len(self.types), 1)
        key = self.p[w].astype(np.int64) * nt + self.t[w]
        size = len(self.points) * nt
        n = self.n[w].astype(np.int64)
        c = np.bincount(key, weights=n, minlength=size).astype(np.int64)
        a = np.bincount(key, weights=n * self.approx[w], minlength=size).astype(np.int64)
        nz = np.flatnonzero(c)
        return {"p": (nz // nt).tolist(), "t": (nz % nt).tolist(), "c": c[nz].tolist(), "a": a[nz].tolist()}


def from_rows(bins: list[tuple], points: list[tuple]) -> PointDayBins:
    """``PointDayBins`` from ``EventStore.point_day_counts`` rows."""
    key = {(round(float(r[0]), 6), round(float(r[1]), 6)): i for i, r in enumerate(points)}
    pts = [(float(r[0]), float(r[1]), str(r[2] or ""), str(r[3] or "")) for r in points]
    days = sorted({str(r[0] or "") for r in bins})
    d_index = {d: i for i, d in enumerate(days)}
    types = list(dict.fromkeys(str(r[1] or "") or "Unknown" for r in bins))
    t_index = {t: i for i, t in enumerate(types)}
    m = len(bins)
    d = np.fromiter((d_index[str(r[0] or "")] for r in bins), dtype=np.int32, count=m)
    t = np.fromiter((t_index[str(r[1] or "") or "Unknown"] for r in bins), dtype=np.int16, count=m)
    p = np.fromiter((key[(round(float(r[2]), 6), round(float(r[3]), 6))] for r in bins), dtype=np.int32, count=m)
    ap = np.fromiter((int(r[4] or 0) for r in bins), dtype=np.int8, count=m)
    n = np.fromiter((int(r[5]) for r in bins), dtype=np.int32, count=m)
    order = np.argsort(d, kind="stable")
    return PointDayBins(days, types, pts, d[order], t[order], p[order], ap[order], n[order])


#: the columns of :func:`counts_frame`
COUNT_COLUMNS = ("day", "event_type", "latitude", "longitude", "approx", "n")


def counts_frame(rows: list[tuple]) -> pd.DataFrame:
    """``EventStore.grouped_counts`` rows as one frame per (day, type, point, approximate): ``day`` (ISO, a time
    part dropped), ``event_type`` ("Unknown" for none), ``latitude``/``longitude`` (NaN: no point), ``approx``
    (1 when geo-precision is 2 or more), ``n``; vectorised (700,000 groups of a million events in about a
    second), sorted by day."""
    g = pd.DataFrame.from_records(rows, columns=["event_date", "event_type", "latitude", "longitude", "prec", "n"])
    if not len(g):
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
            COUNT_COLUMNS, (str, str, float, float, np.int8, np.int64))})
    day = g["event_date"].fillna("").astype(str)
    out = pd.DataFrame({
        "day": day.str.slice(0, 10) if bool((day.str.len() != 10).any()) else day,
        "event_type": g["event_type"].fillna("").astype(str).replace("", "Unknown"),
        "latitude": pd.to_numeric(g["latitude"], errors="coerce").astype(float),
        "longitude": pd.to_numeric(g["longitude"], errors="coerce").astype(float),
        "approx": (pd.to_numeric(g["prec"], errors="coerce").fillna(1) >= 2).astype(np.int8),
        "n": g["n"].astype(np.int64)})
    keys = list(COUNT_COLUMNS[:5])
    if out.duplicated(keys).any():   # dates with a time part, or precisions 2 and 3 at one point
        out = out.groupby(keys, sort=False, dropna=False, as_index=False)["n"].sum()
    return out.sort_values("day", kind="stable").reset_index(drop=True)


def from_counts(c: pd.DataFrame, names: Callable[[list[tuple[float, float]]], dict]) -> PointDayBins:
    """``PointDayBins`` of the events with a point in a :func:`counts_frame`; ``names(points)`` gives
    ``{(lat, lon): (name_en, name_ar)}`` (``EventStore.point_names``)."""
    c = c[c["latitude"].notna() & c["longitude"].notna()]
    days = sorted(c["day"].unique().tolist())
    d = np.searchsorted(np.asarray(days, dtype=object), c["day"].to_numpy(dtype=object)).astype(np.int32)
    t_codes, types = pd.factorize(c["event_type"], sort=False)
    # a point as one complex number: hashed, not sorted (a MultiIndex or a 2-D unique takes seconds)
    lat, lon = c["latitude"].to_numpy(np.float64), c["longitude"].to_numpy(np.float64)
    p_codes, uniq = pd.factorize(lat + 1j * lon)
    if len(uniq) > MAX_POINTS:   # events at points of their own: one symbol per cell of a grid (_cells)
        p_codes, uniq = _cells(lat, lon, c["n"].to_numpy(np.int64), p_codes, uniq)
    pts_ll = [(float(z.real), float(z.imag)) for z in uniq]
    nm = names(pts_ll) if pts_ll else {}
    pts = [(lat, lon, *nm.get((lat, lon), ("", ""))) for lat, lon in pts_ll]
    order = np.argsort(d, kind="stable")
    return PointDayBins(days, [str(t) for t in types], pts, d[order], t_codes.astype(np.int16)[order],
                        p_codes.astype(np.int32)[order], c["approx"].to_numpy(dtype=np.int8)[order],
                        c["n"].to_numpy(dtype=np.int32)[order])


def _cells(lat: np.ndarray, lon: np.ndarray, n: np.ndarray, p_codes: np.ndarray, uniq: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray]:
    """Bins at more than :data:`MAX_POINTS` distinct points, counted per cell of the finest grid of
    :data:`GRID_STEPS` that has at most that many cells with events: ``(cell per bin, a point per cell)``. A cell
    is drawn at its busiest point (a real point, with the names of the events there), its count the sum of its
    points' (conserved). Events geocoded to gazetteer places sit at a few thousand points and never get here; a
    store whose every event has a point of its own (a million points: a million names looked up, 12.7 MB of page,
    measured) does."""
    cell = p_codes
    for step in GRID_STEPS:
        cell, cells = pd.factorize(np.round(lat / step) + 1j * np.round(lon / step))
        if len(cells) <= MAX_POINTS:
            break
    per_point = np.bincount(p_codes, weights=n, minlength=len(uniq))
    point_cell = np.empty(len(uniq), dtype=np.int64)
    point_cell[p_codes] = cell                 # a point lies in one cell
    order = np.lexsort((-per_point, point_cell))   # by cell, the busiest point first
    by_cell = point_cell[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = by_cell[1:] != by_cell[:-1]
    return cell.astype(np.int64), uniq[order[first]]


def point_day_bins(store: Any, f: Any = None) -> PointDayBins:
    """The events matching ``f`` in ``store``, counted per day, type and point (one grouped scan)."""
    return from_counts(counts_frame(store.grouped_counts(f)), store.point_names)


def bins_payload(b: PointDayBins) -> dict[str, Any]:
    """The map script's data for binned events (``D.bins`` set): the days (the time window's scale), the types
    ``T``, the points ``P`` as ``[lat, lon, name_en, name_ar]`` (names escaped) and ``W``, the counts of all
    dates (:meth:`PointDayBins.window_counts`), drawn until a window brings its own. No bin is sent: ``n``
    (rows of events in the payload) is 0."""
    T = []
    for name in b.types:
        st = style_for(name)
        T.append([esc(name), st.color, st.shape])
    return {
        "bins": True, "n": 0, "total": b.total, "unresolved": 0,
        "days": [esc(x) for x in b.days], "T": T,
        "P": [[round(lat, 5), round(lon, 5), esc(en), esc(ar)] for lat, lon, en, ar in b.points],
        "W": b.window_counts(), "id": [], "sel": -1, "G": [], "R": [], "S": [""],
    }


__all__ = ["BIN_ABOVE", "COUNT_COLUMNS", "GRID_STEPS", "MAX_POINTS", "PointDayBins", "bins_payload", "counts_frame",
           "from_counts", "from_rows", "point_day_bins"]
