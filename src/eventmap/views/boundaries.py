"""Administrative boundaries (governorates, districts, sub-districts) for maps and exports.

Read from ``gazetteer/boundaries/adm{1,2,3}.geojson`` (properties ``pcode``, ``name_en``,
``name_ar``, ``level``; OCHA COD-AB field names ``adm{n}_pcode``/``adm{n}_name``/``adm{n}_name1``
are read too), simplified for display and cut to the area in view.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from functools import lru_cache
from pathlib import Path

from shapely.geometry import box, mapping, shape

from eventmap import settings

LEVELS = {1: ("Governorates", "محافظات"), 2: ("Districts", "مناطق"), 3: ("Sub-districts", "نواحي")}
#: simplification tolerance in degrees per level (about 200 m, 150 m, 100 m)
_TOLERANCE = {1: 0.002, 2: 0.0015, 3: 0.001}
#: the default view when there are no events: Dar'a, Quneitra and As-Sweida governorates
SOUTH_BBOX = (35.6, 32.3, 37.2, 33.45)


@dataclass(frozen=True)
class Boundary:
    level: int
    pcode: str
    name_en: str
    name_ar: str
    parent_pcode: str
    geometry: Any             # shapely geometry (simplified)
    label_point: tuple[float, float]   # (lat, lon) inside the polygon

    def bbox(self) -> tuple[float, float, float, float]:
        return self.geometry.bounds


def boundaries_path(level: int, directory: Path | None = None) -> Path:
    base = Path(directory) if directory else settings.gazetteer_dir() / "boundaries"
    return base / f"adm{level}.geojson"


def _prop(p: dict, *names: str) -> str:
    for n in names:
        v = p.get(n)
        if v:
            return str(v)
    return ""


@lru_cache(maxsize=16)
def _load(path: str, mtime: float, level: int) -> tuple[Boundary, ...]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = []
    for feat in data.get("features", []):
        geom = feat.get("geometry")
        if not geom:
            continue
        p = feat.get("properties") or {}
        g = shape(geom)
        if g.is_empty:
            continue
        simple = g.simplify(_TOLERANCE.get(level, 0.001), preserve_topology=True)
        if simple.is_empty:
            simple = g
        rp = g.representative_point()
        parent = _prop(p, "parent_pcode", f"adm{level - 1}_pcode", "adm2_pcode" if level == 3 else "adm1_pcode") \
            if level > 1 else ""
        out.append(Boundary(
            level=level,
            pcode=_prop(p, "pcode", f"adm{level}_pcode"),
            name_en=_prop(p, "name_en", f"adm{level}_name", f"adm{level}_ref_n"),
            name_ar=_prop(p, "name_ar", f"adm{level}_name1"),
            parent_pcode=parent,
            geometry=simple,
            label_point=(round(rp.y, 5), round(rp.x, 5)),
        ))
    return tuple(out)


def load_boundaries(level: int, bbox: tuple[float, float, float, float] | None = None,
                    directory: Path | None = None) -> list[Boundary]:
    """Boundaries of one level (1-3) intersecting ``bbox`` (west, south, east, north);
    ``[]`` when the gazetteer has no boundary file yet."""
    path = boundaries_path(level, directory)
    if not path.is_file():
        return []
    items = _load(str(path), path.stat().st_mtime, level)
    if bbox is None:
        return list(items)
    b = box(*bbox)
    return [x for x in items if x.geometry.intersects(b)]


def _round_coords(obj, nd: int = 4):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), nd) for v in obj]
        return [_round_coords(o, nd) for o in obj]
    return obj


def to_geojson_geometry(geom, nd: int = 4) -> dict:
    g = mapping(geom)
    return {"type": g["type"], "coordinates": _round_coords(g["coordinates"], nd)}


def view_bbox(lats, lons, pad: float = 0.25) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the points, padded by ``pad`` degrees;
    the southern governorates when there are no points."""
    lats = [v for v in lats]
    lons = [v for v in lons]
    if not lats:
        return SOUTH_BBOX
    return (min(lons) - pad, min(lats) - pad, max(lons) + pad, max(lats) + pad)


@lru_cache(maxsize=4)
def _region_members(path: str, mtime: float) -> dict[str, tuple[str, ...]]:
    import csv

    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            members = tuple(m.strip() for m in (r.get("members") or "").split("|") if m.strip())
            if r.get("slug") and members:
                out[r["slug"].strip()] = members
    return out


def region_members(slug: str, directory: Path | None = None) -> tuple[str, ...]:
    """The admin p-codes a curated region (``gazetteer/regions.csv``) is the union of."""
    path = (Path(directory).parent if directory else settings.gazetteer_dir()) / "regions.csv"
    if not path.is_file():
        return ()
    return _region_members(str(path), path.stat().st_mtime).get(slug, ())


def outline_for_place(place_id: str | None, directory: Path | None = None):
    """The polygon an area-level place stands for: ``ocha:<pcode>`` -> that admin unit,
    ``region:<slug>`` -> the union of its member units; ``None`` for anything else."""
    if not place_id:
        return None
    pid = str(place_id)
    if pid.startswith("ocha:"):
        codes: tuple[str, ...] = (pid[5:],)
    elif pid.startswith("region:"):
        codes = region_members(pid[7:], directory)
    else:
        return None
    if not codes:
        return None
    by_code = {}
    for level in (1, 2, 3):
        for b in load_boundaries(level, directory=directory):
            if b.pcode in codes and b.pcode not in by_code:
                by_code[b.pcode] = b.geometry
    if not by_code:
        return None
    from shapely.ops import unary_union

    geoms = list(by_code.values())
    return geoms[0] if len(geoms) == 1 else unary_union(geoms)
