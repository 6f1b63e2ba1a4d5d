"""Corroboration: the same event told by several reports becomes one row.

Two events corroborate each other when they are at the same place (same
``place_id``, or the same coordinates rounded to 3 decimals, about 100 m),
have the same ``event_type``, fall within one day of each other, and come from
different reports.  Each report's own event stays stored; only query results
are merged.  ``number_of_sources`` counts the reports (as UCDP GED counts source
articles), ``sources`` lists the distinct outlets.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable, Sequence
from typing import Any


def place_key(place_id: str | None, lat: float | None, lon: float | None) -> str | None:
    """The place part of the corroboration key, ``None`` for an unlocated event (never merged)."""
    if place_id:
        return str(place_id)
    if lat is None or lon is None or math.isnan(lat) or math.isnan(lon):
        return None
    return f"ll:{float(lat):.3f},{float(lon):.3f}"


_ORD_CACHE: dict[str, int] = {}


def ordinal_of(d: str) -> int:
    """The day ordinal of an ISO date (its first 10 characters), 0 for anything else."""
    o = _ORD_CACHE.get(d)
    if o is None:
        try:
            o = _dt.date.fromisoformat(str(d)[:10]).toordinal()
        except ValueError:
            o = 0
        if len(_ORD_CACHE) < 100_000:
            _ORD_CACHE[d] = o
    return o


def cluster(rows: Sequence[dict]) -> list[list[int]]:
    """Group row indexes into corroboration clusters.

    ``rows`` need ``place_key``, ``event_type``, ``event_date``, ``report_id`` (``fid``, ``event_id``
    order ties).  Greedy in date order: an event joins the first open cluster of its key whose
    first date is within one day and that has no event of the same report yet.
    Deterministic for a given input set (sorted by date, then storage order, then event_id),
    so ``sources`` lists outlets in the order they reported.
    """
    return cluster_tuples([(r.get("event_date") or "", r.get("fid") or 0, r.get("event_id") or "",
                            r.get("place_key"), r.get("event_type") or "", r.get("report_id") or "") for r in rows])


def cluster_tuples(rows: Sequence[tuple]) -> list[list[int]]:
    """``cluster`` over tuples ``(event_date, fid, event_id, place_key, event_type, report_id)`` (the fast path)."""
    order = sorted(range(len(rows)), key=lambda i: rows[i][:3])
    open_by_key: dict[tuple, list[list]] = {}
    clusters: list[list[int]] = []
    for i in order:
        day_s, _, _, pk, etype, rep = rows[i]
        if not pk:
            clusters.append([i])
            continue
        day = ordinal_of(day_s)
        cands = open_by_key.get((pk, etype))
        if cands is None:
            cands = open_by_key[(pk, etype)] = []
        # drop clusters that can no longer take anything (dates are ascending)
        while cands and day - cands[0][0] > 1:
            cands.pop(0)
        for cand in cands:
            if rep not in cand[1]:
                cand[1].add(rep)
                cand[2].append(i)
                break
        else:
            members = [i]
            clusters.append(members)
            cands.append([day, {rep}, members])
    return clusters


#: fewer rows than this and :func:`clusters_any_order` is :func:`cluster_tuples` itself
SMALL = 2048


def clusters_any_order(rows: Sequence[tuple], small: int = SMALL) -> list[list[int]]:
    """The clusters of :func:`cluster_tuples` (each one's members in the same order), the clusters in no set order.

    A row that no other row of its place and type comes within a day of is a cluster of its own, and changes no
    other row's cluster (a row joins a cluster whose first day is the day before its own or its own day): such rows
    are found for all rows at once (numpy, each distinct date parsed once), and only the others go through the
    greedy pass, in the same order. At 100,000 events of the dashboard benchmark 81% of the rows are alone.
    Dates that are not ISO dates sort apart from their day (the greedy pass then reads them as day 0): rows like
    those, with a place, send every row through the greedy pass."""
    n = len(rows)
    if n < max(small, 1):
        return cluster_tuples(rows)
    import numpy as np
    import pandas as pd

    days_of = {d: ordinal_of(d) for d in dict.fromkeys(r[0] for r in rows)}
    day = np.fromiter(map(days_of.__getitem__, (r[0] for r in rows)), dtype=np.int64, count=n)
    placed = np.fromiter((bool(r[3]) for r in rows), dtype=bool, count=n)
    if (day[placed] == 0).any():
        return cluster_tuples(rows)
    place = pd.factorize(np.fromiter((r[3] or "" for r in rows), dtype=object, count=n))[0]
    etype = pd.factorize(np.fromiter((r[4] for r in rows), dtype=object, count=n))[0]
    near = crowded(day, placed, place, etype)
    busy = np.flatnonzero(near).tolist()
    out = [[i] for i in np.flatnonzero(~near).tolist()]
    out += [[busy[j] for j in c] for c in cluster_tuples([rows[i] for i in busy])]
    return out


def crowded(day: Any, placed: Any, place: Any, etype: Any) -> Any:
    """Which rows another row of their place and type comes within a day of (numpy arrays of one length: each
    row's day ordinal, whether it has a place, and codes of its place and of its type): only those can share a
    cluster (:func:`clusters_any_order`); every other row is a cluster of its own."""
    import numpy as np

    key = place.astype(np.int64) * (int(etype.max()) + 1 if len(etype) else 1) + etype
    order = np.lexsort((day, key))
    k, d = key[order], day[order]
    near = (k[1:] == k[:-1]) & (d[1:] - d[:-1] <= 1)    # sorted by day within a key: the gap is never negative
    out = np.zeros(len(day), dtype=bool)
    out[order[1:][near]] = True
    out[order[:-1][near]] = True
    return out & placed


def join_sources(values: Iterable[str]) -> str:
    seen: list[str] = []
    for v in values:
        for part in str(v or "").split("; "):
            if part and part not in seen:
                seen.append(part)
    return "; ".join(seen)
