"""Events counted per place and day: the map of a store too large to draw event by event.

Above :data:`BIN_ABOVE` events a browser cannot hold one marker (and one popup's strings) per event, and no
analyst can see a million symbols. :func:`point_day_bins` asks the store for the matching events counted
per (day, event type, point) — two grouped scans in the database, no event row in Python — and
:func:`bins_payload` turns them into the compact columns the map's script reads (``build_map(bins=...)``):

* the time window still moves in the browser (bins are sorted by day, a window is one slice);
* the map draws ONE symbol per place with the number of its events in the window, coloured and shaped by
  its most frequent type, clustered at low zoom with the counts summed (cluster rings show the shares of
  the types); its popup gives the counts per type;
* the legend counts per type follow the window, as for single events.

Counts are conserved: the symbols of a window add up to the stored events of that window that have a
place (tested), so nothing is dropped, only aggregated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from eventmap.views.colors import style_for
from eventmap.views.escape import esc

#: more events than this (matching the filters, all dates) are drawn binned per place and day
BIN_ABOVE = 150_000


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


def point_day_bins(store: Any, f: Any = None) -> PointDayBins:
    """The events matching ``f`` in ``store``, counted per day, type and point."""
    bins, points = store.point_day_counts(f)
    return from_rows(bins, points)


def bins_payload(b: PointDayBins) -> dict[str, Any]:
    """The map script's columns for binned events (``D.bins`` set): per bin its day ``d``, type ``t``, point
    ``p``, approximate flag ``gp`` (2 = approximate, as for events) and count ``c``; the points ``P`` as
    ``[lat, lon, name_en, name_ar]`` (names escaped)."""
    T = []
    for name in b.types:
        st = style_for(name)
        T.append([esc(name), st.color, st.shape])
    return {
        "bins": True, "n": len(b.n), "total": b.total, "unresolved": 0,
        "days": [esc(x) for x in b.days], "T": T,
        "P": [[round(lat, 5), round(lon, 5), esc(en), esc(ar)] for lat, lon, en, ar in b.points],
        "d": b.d.tolist(), "t": b.t.tolist(), "p": b.p.tolist(), "gp": (b.approx.astype(np.int64) + 1).tolist(),
        "c": b.n.tolist(), "id": [], "sel": -1, "G": [], "R": [], "S": [""],
    }


__all__ = ["BIN_ABOVE", "PointDayBins", "bins_payload", "from_rows", "point_day_bins"]
