"""Approximate events drawn as what they are: several unknown places, each its own symbol, none located.

The extractor puts every unknown name of a list at one estimate (the centre of the known
places listed with it). Drawn as is, fifteen villages sit on one point and read as one
place. ``rings(frame)`` groups the approximate events that share an estimate and give
different names, and gives each name a *slot* on a ring around the estimate:

- the map (``views/map.py``) draws the ring in screen pixels (wide enough for a label per
  name at any zoom), the uncertainty circle in km, legs from the estimate, and says
  "approximate: not located" on the ring;
- static outputs (CSV, GeoJSON, GeoPackage, KML) get ``display_latitude`` /
  ``display_longitude`` on a ring of ``ring_km`` inside the uncertainty circle, next to the
  estimate itself (``latitude`` / ``longitude``, never moved), and ``approximate_note``
  naming the known places the estimate came from (``eventmap.estimate``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eventmap.estimate import NOT_LOCATED, describe


@dataclass(frozen=True)
class Ring:
    """One estimate shared by several names: its centre, uncertainty and the names in slot order."""

    lat: float
    lon: float
    uncertainty_km: float
    names: tuple[str, ...]
    note: str                     # describe(): "approximate: not located; estimated from the centre of ..."

    @property
    def ring_km(self) -> float:
        """Radius of the static ring: half the uncertainty, at least 1 km, so the names stay inside it."""
        return max(1.0, 0.5 * float(self.uncertainty_km or 0.0))

    def slot_point(self, slot: int) -> tuple[float, float]:
        """(lat, lon) of a slot on the static ring, clockwise from north."""
        a = 2 * math.pi * slot / max(1, len(self.names))
        dlat = self.ring_km * math.cos(a) / 110.574
        dlon = self.ring_km * math.sin(a) / (111.320 * math.cos(math.radians(self.lat)))
        return round(self.lat + dlat, 6), round(self.lon + dlon, 6)


def _is_approx(frame: pd.DataFrame) -> pd.Series:
    lat = pd.to_numeric(frame["latitude"], errors="coerce")
    res = frame["resolution"].astype(str) if "resolution" in frame else pd.Series("", index=frame.index)
    return (res == "approximate") & lat.notna()


def rings(frame: pd.DataFrame) -> tuple[list[Ring], pd.Series, pd.Series]:
    """``(rings, ring index per row (-1 none), slot per row (-1 none))`` for ``frame``.

    A ring is an estimate (rounded to ~1 m) shared by approximate events naming at least two
    different places; events naming the same place share its slot."""
    n = len(frame)
    ring_of = pd.Series(np.full(n, -1, dtype=np.int64), index=frame.index)
    slot_of = pd.Series(np.full(n, -1, dtype=np.int64), index=frame.index)
    if not n or "resolution" not in frame:
        return [], ring_of, slot_of
    ap = frame[_is_approx(frame)]
    if not len(ap):
        return [], ring_of, slot_of
    key = list(zip(ap["latitude"].astype(float).round(5), ap["longitude"].astype(float).round(5)))
    names = ap["location"].astype(str).str.strip()
    groups: dict[tuple[float, float], list] = {}
    for idx, k, name in zip(ap.index, key, names):
        groups.setdefault(k, []).append((idx, name))
    out: list[Ring] = []
    for (lat, lon), members in groups.items():
        distinct = sorted({nm for _, nm in members})
        if len(distinct) < 2:
            continue
        first = members[0][0]
        note = str(frame.at[first, "resolution_note"]) if "resolution_note" in frame else ""
        unc = float(pd.to_numeric(pd.Series([frame.at[first, "uncertainty_km"]]), errors="coerce").fillna(0)[0]) \
            if "uncertainty_km" in frame else 0.0
        r = len(out)
        out.append(Ring(lat, lon, unc, tuple(distinct), describe(note, unc, limit=8)))
        slot = {nm: j for j, nm in enumerate(distinct)}
        for idx, nm in members:
            ring_of.at[idx] = r
            slot_of.at[idx] = slot[nm]
    return out, ring_of, slot_of


def approximate_notes(frame: pd.DataFrame, radius: bool = True) -> pd.Series:
    """"approximate: not located; estimated from ..." for approximate events, "" for the others
    (``radius=False``: without the "(±N km)" at its end)."""
    out = pd.Series([""] * len(frame), index=frame.index, dtype=object)
    if not len(frame) or "resolution" not in frame:
        return out
    ap = frame["resolution"].astype(str) == "approximate"
    # a missing note is no note (pandas 3 keeps a missing value of a text column as NaN through astype(str))
    notes = frame.loc[ap, "resolution_note"].fillna("").astype(str) if "resolution_note" in frame \
        else pd.Series("", index=ap)
    unc = pd.to_numeric(frame.loc[ap, "uncertainty_km"], errors="coerce").fillna(0.0) if "uncertainty_km" in frame \
        else pd.Series(0.0, index=notes.index)
    out.loc[ap] = [describe(n, u if radius else None) for n, u in zip(notes, unc)]
    return out


def badge_notes(frame: pd.DataFrame) -> pd.Series:
    """What a popup says beside its "approximate ±N km" badge (the badge says "approximate" and the radius,
    once): "not located; estimated from the centre of ..." for approximate events, "" for the others."""
    return approximate_notes(frame, radius=False).astype("str").str.removeprefix("approximate: ")


def annotate(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with ``approximate_note``, ``display_latitude`` and ``display_longitude``
    (the static ring position of an approximate event that shares its estimate; else its coordinates)."""
    out = frame.copy()
    out["approximate_note"] = approximate_notes(frame)
    lat = pd.to_numeric(frame["latitude"], errors="coerce").astype(float)
    lon = pd.to_numeric(frame["longitude"], errors="coerce").astype(float)
    dlat, dlon = lat.copy(), lon.copy()
    rs, ring_of, slot_of = rings(frame)
    for idx in ring_of.index[ring_of.to_numpy() >= 0]:
        dlat.at[idx], dlon.at[idx] = rs[int(ring_of.at[idx])].slot_point(int(slot_of.at[idx]))
    out["display_latitude"], out["display_longitude"] = dlat, dlon
    return out


__all__ = ["NOT_LOCATED", "Ring", "annotate", "approximate_notes", "badge_notes", "rings"]
