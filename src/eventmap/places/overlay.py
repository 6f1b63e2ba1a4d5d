"""Analyst places: the overlay that analysts add on top of the committed gazetteer.

Analyst places live in the store (``analyst_places`` table, shared by a team on PostGIS);
this module knows their file format (a CSV a colleague can open: ``places export|import``),
validates them and reads them as places; ``eventmap.places.layered.gazetteer_with`` builds the
gazetteer that lookups use from the committed places plus the analyst places *handed in*, so
extraction and reprocess see the store's pins without the places layer ever importing the store.  The per-user file
(``settings.analyst_places_path()``) is the older home of the overlay: the store imports
it once, and ``default_gazetteer()`` still reads it for store-less lookups.
Each row is a place with the author and a note; its coordinates are the analyst's, which
is the point: they come from someone who knows where the village is.
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import math
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventmap.csvsafe import neutralise, restore
from eventmap.model import Place
from eventmap.settings import analyst_places_path
from eventmap.text import normalize_ar, script_of, strip_controls

OVERLAY_COLUMNS = ("id", "name_ar", "name_en", "variants", "lat", "lon", "kind", "admin1", "admin2", "admin3",
                   "admin1_pcode", "admin2_pcode", "admin3_pcode", "note", "author", "created_at")

#: Syria's bounding box, with a margin for the occupied Golan and border areas
SYRIA_BBOX = (32.2, 35.5, 37.5, 42.5)  # south, west, north, east


class PlaceValidationError(ValueError):
    """An analyst place that cannot be stored, with the reason."""


@dataclass(frozen=True)
class AnalystPlace:
    name: str
    lat: float
    lon: float
    kind: str = "village"
    name_ar: str = ""
    name_en: str = ""
    variants: tuple[str, ...] = ()
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    note: str = ""
    author: str = ""


def _slug(name: str, lat: float, lon: float) -> str:
    h = hashlib.sha1(f"{normalize_ar(name)}|{lat:.5f}|{lon:.5f}".encode()).hexdigest()[:10]
    return f"user:{h}"


def validate(ap: AnalystPlace, allow_outside_syria: bool = False) -> AnalystPlace:
    name = strip_controls(ap.name or "").strip()
    if not name:
        raise PlaceValidationError("an analyst place needs a name")
    if len(name) > 200:
        raise PlaceValidationError(f"name too long ({len(name)} characters, at most 200)")
    try:
        lat, lon = float(ap.lat), float(ap.lon)
    except (TypeError, ValueError):
        raise PlaceValidationError(f"coordinates must be numbers, got lat={ap.lat!r} lon={ap.lon!r}") from None
    if not (math.isfinite(lat) and math.isfinite(lon)) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise PlaceValidationError(f"coordinates out of range: lat={lat} lon={lon} (lat -90..90, lon -180..180)")
    s, w, n, e = SYRIA_BBOX
    if not allow_outside_syria and not (s <= lat <= n and w <= lon <= e):
        hint = " (did you swap latitude and longitude?)" if (s <= lon <= n and w <= lat <= e) else ""
        raise PlaceValidationError(f"({lat}, {lon}) is outside Syria{hint}; pass allow_outside_syria to keep it")
    name_ar = ap.name_ar or (name if script_of(name) == "ar" else "")
    name_en = ap.name_en or (name if script_of(name) == "latin" else "")
    return AnalystPlace(name=name, lat=round(lat, 6), lon=round(lon, 6), kind=ap.kind or "village",
                        name_ar=name_ar, name_en=name_en,
                        variants=tuple(v for v in (strip_controls(x).strip() for x in ap.variants) if v),
                        admin1=ap.admin1, admin2=ap.admin2, admin3=ap.admin3, note=ap.note, author=ap.author)


def to_place(row: dict[str, str]) -> Place:
    """A row of the overlay's columns (``OVERLAY_COLUMNS``, as in the CSV) -> an analyst ``Place``."""
    return _to_place(row)


def _to_place(row: dict[str, str]) -> Place:
    variants = tuple(v for v in (row.get("variants") or "").split("|") if v)
    return Place(
        id=row["id"], name_ar=row.get("name_ar", ""), name_en=row.get("name_en", ""), kind=row.get("kind") or "village",
        lat=float(row["lat"]), lon=float(row["lon"]),
        variants_ar=tuple(v for v in variants if script_of(v) == "ar"),
        variants_en=tuple(v for v in variants if script_of(v) != "ar"),
        admin1_en=row.get("admin1", ""), admin2_en=row.get("admin2", ""), admin3_en=row.get("admin3", ""),
        admin1_pcode=row.get("admin1_pcode", ""), admin2_pcode=row.get("admin2_pcode", ""),
        admin3_pcode=row.get("admin3_pcode", ""),
        source="analyst", source_id=row.get("author", ""), note=row.get("note", ""),
        flags=("analyst",),
    )


def read_rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return [{k: restore(v) for k, v in r.items()} for r in csv.DictReader(fh)]


def load_analyst_places(path: Path | None = None) -> list[Place]:
    """The overlay as Places; a broken row is skipped with a warning, never fatal."""
    path = path or analyst_places_path()
    out = []
    for r in read_rows(path):
        try:
            out.append(_to_place(r))
        except (KeyError, ValueError) as exc:
            import warnings
            warnings.warn(f"skipping analyst place row {r.get('id')!r} in {path}: {exc}", stacklevel=2)
    return out


def _write_rows(path: Path, rows: Iterable[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".analyst_places.", suffix=".csv")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(OVERLAY_COLUMNS), extrasaction="ignore")
        w.writeheader()
        for r in rows:  # a cell a spreadsheet would run as a formula gets a leading ' (read_rows removes it)
            w.writerow({k: neutralise(v) for k, v in r.items()})
    os.replace(tmp, path)  # atomic: a crash never leaves half a file


def add_analyst_place(ap: AnalystPlace, path: Path | None = None, gazetteer=None,
                      allow_outside_syria: bool = False) -> Place:
    """Validate and store an analyst place; fills admin units by point-in-polygon when not given."""
    ap = validate(ap, allow_outside_syria=allow_outside_syria)
    path = path or analyst_places_path()
    admin = {"admin1": ap.admin1, "admin2": ap.admin2, "admin3": ap.admin3,
             "admin1_pcode": "", "admin2_pcode": "", "admin3_pcode": ""}
    if gazetteer is not None:
        unit = gazetteer.admin_for_point(ap.lat, ap.lon)
        if unit is not None:
            admin.update(admin1=ap.admin1 or unit.admin1_en, admin2=ap.admin2 or unit.admin2_en,
                         admin3=ap.admin3 or unit.admin3_en, admin1_pcode=unit.admin1_pcode,
                         admin2_pcode=unit.admin2_pcode, admin3_pcode=unit.admin3_pcode)
    variants = [v for v in ap.variants if v not in (ap.name_ar, ap.name_en)]
    if ap.name not in (ap.name_ar, ap.name_en):
        variants.insert(0, ap.name)
    row = {
        "id": _slug(ap.name, ap.lat, ap.lon), "name_ar": ap.name_ar, "name_en": ap.name_en,
        "variants": "|".join(variants), "lat": f"{ap.lat:.6f}", "lon": f"{ap.lon:.6f}", "kind": ap.kind,
        **admin, "note": ap.note, "author": ap.author,
        "created_at": _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat(),
    }
    rows = [r for r in read_rows(path) if r.get("id") != row["id"]]
    rows.append(row)
    _write_rows(path, rows)
    return _to_place(row)


def export_analyst_places(dest: Path, path: Path | None = None) -> int:
    rows = read_rows(path or analyst_places_path())
    _write_rows(Path(dest), rows)
    return len(rows)


def import_analyst_places(src: Path, path: Path | None = None, gazetteer=None) -> tuple[int, list[str]]:
    """Merge a colleague's overlay file; returns (added, errors). Every row is validated."""
    added, errors = 0, []
    for n, r in enumerate(read_rows(Path(src)), start=2):
        try:
            variants = tuple(v for v in (r.get("variants") or "").split("|") if v)
            add_analyst_place(AnalystPlace(  # lat/lon as read from the file: validate() converts and checks them
                name=r.get("name_ar") or r.get("name_en") or r.get("name", ""), lat=r.get("lat"), lon=r.get("lon"),  # type: ignore[arg-type]
                kind=r.get("kind") or "village", name_ar=r.get("name_ar", ""), name_en=r.get("name_en", ""),
                variants=variants, admin1=r.get("admin1", ""), admin2=r.get("admin2", ""), admin3=r.get("admin3", ""),
                note=r.get("note", ""), author=r.get("author", "")), path=path, gazetteer=gazetteer)
            added += 1
        except PlaceValidationError as exc:
            errors.append(f"line {n}: {exc}")
    return added, errors
