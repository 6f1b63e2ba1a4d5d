"""GeoJSON (RFC 7946), CSV (ACLED column names and order) and GeoPackage exports."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from eventmap.csvsafe import neutralise_frame
from eventmap.exports.meta import ExportMeta
from eventmap.frame import FRAME_COLUMNS
from eventmap.views.map import has_coords

#: ACLED's column order (the columns of ACLED's export, whether or not we have them)
ACLED_ORDER = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
)
#: ACLED column <- our column (``year`` is derived from ``event_date``). ACLED's ``location``
#: is the place's standard name, so it takes ``place_name_en``; the name as written in the
#: report follows as ``location_as_written``.
ACLED_FROM_OURS = {
    "event_id_cnty": "event_id", "event_date": "event_date", "time_precision": "time_precision",
    "event_type": "event_type", "sub_event_type": "sub_event_type", "actor1": "actor1", "actor2": "actor2",
    "admin1": "admin1", "admin2": "admin2", "admin3": "admin3", "location": "place_name_en",
    "latitude": "latitude", "longitude": "longitude", "geo_precision": "geo_precision", "source": "source",
    "notes": "notes", "fatalities": "fatalities",
}
_JSON_COLUMNS = ("evidence", "alternatives")


def _plain(v: Any) -> Any:
    """A JSON-native value (NaN/NA -> None, numpy scalars -> Python)."""
    if v is None or v is pd.NA:
        return None
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        f = float(v)
        return None if math.isnan(f) or math.isinf(f) else f
    if isinstance(v, np.bool_):
        return bool(v)
    return v


def _maybe_json(v: Any) -> Any:
    if isinstance(v, str) and v[:1] in "[{":
        try:
            return json.loads(v)
        except ValueError:
            return v
    return v


def acled_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Our frame with ACLED's names and order for the shared columns, then our other columns."""
    out = {}
    for col in ACLED_ORDER:
        if col == "year":
            out["year"] = pd.to_numeric(frame["event_date"].astype(str).str[:4], errors="coerce").astype("Int64")
        elif col in ACLED_FROM_OURS:
            src = frame[ACLED_FROM_OURS[col]]
            if col == "location":
                # the standard name when the place is resolved, else the name as written
                src = src.where(src.astype(str).str.len() > 0, frame["location"])
            out[col] = src
    used = set(ACLED_FROM_OURS.values()) - {"place_name_en"}
    for col in frame.columns:
        if col in used:
            continue
        name = "location_as_written" if col == "location" else col
        out[name] = frame[col]
    return pd.DataFrame(out)


def export_csv(frame: pd.DataFrame, path: Path, meta: ExportMeta) -> Path:
    """UTF-8 with a BOM (Excel shows Arabic), metadata in ``<path>.meta.json``; text cells that a
    spreadsheet would run as a formula get a leading ``'`` (``eventmap.csvsafe``, as OWASP recommends)."""
    path = Path(path)
    neutralise_frame(acled_frame(frame)).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    sidecar = path.with_name(path.name + ".meta.json")
    sidecar.write_text(json.dumps(meta.to_dict(frame), ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def column_values(frame: pd.DataFrame, col: str) -> list:
    """One column as JSON-native Python values (NaN/NA -> None), fast for 100k rows."""
    s = frame[col]
    if pd.api.types.is_bool_dtype(s) or pd.api.types.is_integer_dtype(s):
        return [_plain(v) for v in s.tolist()] if s.isna().any() else s.astype(object).tolist()
    if pd.api.types.is_float_dtype(s):
        return [None if math.isnan(v) or v in (float("inf"), float("-inf")) else v for v in s.tolist()]
    return [_plain(v) if not isinstance(v, str) else v for v in s.astype(object).where(s.notna(), None).tolist()]


def geojson_dict(frame: pd.DataFrame, meta: ExportMeta) -> dict[str, Any]:
    ok = has_coords(frame).to_numpy()
    cols = list(frame.columns)
    data = []
    for c in cols:
        vals = column_values(frame, c)
        if c in _JSON_COLUMNS:
            vals = [_maybe_json(v) for v in vals]
        data.append(vals)
    lon_i, lat_i, id_i = cols.index("longitude"), cols.index("latitude"), cols.index("event_id")
    feats = []
    for located, row in zip(ok, zip(*data)):
        geom = {"type": "Point", "coordinates": [row[lon_i], row[lat_i]]} if located else None
        feats.append({"type": "Feature", "id": row[id_i], "geometry": geom, "properties": dict(zip(cols, row))})
    fc: dict[str, Any] = {"type": "FeatureCollection"}
    if ok.any():
        lon = frame.loc[ok, "longitude"].astype(float)
        lat = frame.loc[ok, "latitude"].astype(float)
        fc["bbox"] = [float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())]
    fc["eventmap"] = meta.to_dict(frame)   # RFC 7946 foreign member
    fc["features"] = feats
    return fc


def export_geojson(frame: pd.DataFrame, path: Path, meta: ExportMeta) -> Path:
    """RFC 7946: WGS 84 lon/lat, no ``crs`` member; unlocated events have ``"geometry": null``."""
    path = Path(path)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(geojson_dict(frame, meta), f, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return path


#: ISO date columns written as GeoPackage DATE fields (QGIS's temporal controller animates them)
DATE_COLUMNS = ("event_date", "published")


def events_geodataframe(frame: pd.DataFrame, *, dates: bool = False):
    """Events as a GeoDataFrame (unresolved events have no geometry). ``dates``: the ISO date
    columns as Arrow ``date32`` (GeoPackage DATE when written with ``use_arrow=True``)."""
    import geopandas as gpd
    from shapely import points

    ok = has_coords(frame).to_numpy()
    geoms = np.array([None] * len(frame), dtype=object)
    if ok.any():
        geoms[ok] = points(frame.loc[ok, "longitude"].astype(float).to_numpy(),
                           frame.loc[ok, "latitude"].astype(float).to_numpy())
    df = frame.copy()
    for c in df.columns:
        if df[c].dtype == bool:
            df[c] = df[c].astype(int)
    if dates:
        for c in DATE_COLUMNS:
            if c in df.columns:
                d = pd.to_datetime(df[c].astype(str).str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
                df[c] = d.dt.date.astype("date32[pyarrow]")
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")


def boundaries_geodataframe(frame: pd.DataFrame | None = None, boundary_dir=None):
    """Governorates, districts and sub-districts around the events (simplified, as on the map)."""
    import geopandas as gpd

    from eventmap.views.boundaries import load_boundaries, view_bbox

    bbox = None
    if frame is not None:
        ok = has_coords(frame)
        bbox = view_bbox(frame.loc[ok, "latitude"].astype(float).tolist(),
                         frame.loc[ok, "longitude"].astype(float).tolist())
    rows = []
    for level in (1, 2, 3):
        for b in load_boundaries(level, bbox, directory=boundary_dir):
            rows.append({"level": level, "pcode": b.pcode, "name_en": b.name_en, "name_ar": b.name_ar,
                         "parent_pcode": b.parent_pcode, "geometry": b.geometry})
    if not rows:
        return None
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


#: GeoPackage 1.3: GDAL 3.6 (Debian 12's) warns that a 1.4 file "may only be partially supported"
GPKG_VERSION = "1.3"


def export_gpkg(frame: pd.DataFrame, path: Path, meta: ExportMeta, *, boundary_dir=None) -> Path:
    """Layers ``events`` (points; ``event_date`` and ``published`` as DATE fields), ``boundaries``
    (polygons), ``metadata`` (key/value table) and ``layer_styles`` (QGIS's default styles in the
    dashboard's colours, ``gpkg_style``); the events layer's description holds the title, window,
    filters and attribution too."""
    import pyogrio

    from eventmap.exports.gpkg_style import layer_styles_rows

    path = Path(path)
    if path.exists():
        path.unlink()
    md = meta.to_dict(frame)
    desc = f"{meta.title} · {meta.window_text()} · {meta.filters_text() or 'no filters'} · {meta.attribution}"
    gdf = events_geodataframe(frame, dates=True)
    pyogrio.write_dataframe(gdf, path, layer="events", driver="GPKG", use_arrow=True,
                            dataset_options={"VERSION": GPKG_VERSION},
                            layer_options={"DESCRIPTION": desc[:1000], "IDENTIFIER": "events"})
    styled = {"events": "geom"}
    bnd = boundaries_geodataframe(frame, boundary_dir)
    if bnd is not None:
        pyogrio.write_dataframe(bnd, path, layer="boundaries", driver="GPKG", append=False,
                                layer_options={"DESCRIPTION": "Administrative boundaries (UN OCHA COD-AB)"})
        styled["boundaries"] = "geom"
    kv = pd.DataFrame({"key": list(md), "value": [json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v
                                                  for v in md.values()]})
    pyogrio.write_dataframe(kv, path, layer="metadata", driver="GPKG")
    pyogrio.write_dataframe(pd.DataFrame(layer_styles_rows(styled)), path, layer="layer_styles", driver="GPKG",
                            layer_options={"FID": "id", "DESCRIPTION": "QGIS layer styles"})
    return path


__all__ = ["ACLED_ORDER", "ACLED_FROM_OURS", "acled_frame", "export_csv", "export_geojson", "geojson_dict",
           "export_gpkg", "events_geodataframe", "boundaries_geodataframe", "FRAME_COLUMNS"]
