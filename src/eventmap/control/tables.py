"""The control model as rows, GeoJSON and CSV: who holds each place on a day, and what changed hands."""

from __future__ import annotations

import io
from typing import Any

import pandas as pd

from eventmap.control.model import HOLDER_LABELS, UNKNOWN, Change, ControlModel, PlaceControl, _iso

#: columns of a state row, in CSV order
STATE_COLUMNS: tuple[str, ...] = (
    "date", "place_key", "place_id", "location", "name_ar", "name_en", "admin1", "admin2", "admin3",
    "latitude", "longitude", "resolution", "holder", "holder_label", "since", "previous", "contenders", "how",
    "taken_from", "event_ids", "report_ids", "sources", "urls", "evidence",
)
#: columns of a change row
CHANGE_COLUMNS: tuple[str, ...] = (
    "date", "place_key", "place_id", "location", "name_ar", "name_en", "admin1", "admin2", "admin3",
    "latitude", "longitude", "resolution", "previous", "holder", "holder_label", "contenders", "how", "taken_from",
    "event_ids", "report_ids", "sources", "urls", "evidence",
)


def _place_cells(p: PlaceControl) -> dict[str, Any]:
    return {"place_key": p.key, "place_id": p.place_id or "", "location": p.location, "name_ar": p.name_ar,
            "name_en": p.name_en, "admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3,
            "latitude": p.latitude, "longitude": p.longitude, "resolution": p.resolution}


def _change_cells(ch: Change | None) -> dict[str, Any]:
    if ch is None:
        return {"holder": UNKNOWN, "holder_label": HOLDER_LABELS[UNKNOWN], "since": "", "previous": "",
                "contenders": [], "how": [], "taken_from": [], "event_ids": [], "report_ids": [], "sources": [],
                "urls": [], "evidence": []}
    b = ch.basis()
    return {"holder": ch.holder, "holder_label": HOLDER_LABELS[ch.holder], "since": ch.date,
            "previous": ch.previous, "contenders": list(ch.contenders), "how": list(ch.how),
            "taken_from": list(ch.taken_from), **b,
            "evidence": list(dict.fromkeys(c.sentence for c in ch.claims if c.sentence))}


def state_rows(model: ControlModel, day: str) -> list[dict[str, Any]]:
    """One row per place: who holds it on ``day`` (unknown before anything is reported) and on what basis."""
    day = _iso(day)
    rows = [{"date": day, **_place_cells(p), **_change_cells(ch)} for p, ch in model.on(day)]
    rows.sort(key=lambda r: (r["admin1"], r["admin2"], r["admin3"], r["name_en"] or r["location"]))
    return rows


def change_rows(model: ControlModel, since: str | None, until: str | None) -> list[dict[str, Any]]:
    """One row per change of holder between ``since`` and ``until`` (inclusive), in date order."""
    out = []
    for p, ch in model.changes(since, until):
        cells = _change_cells(ch)
        cells.pop("since")
        out.append({"date": ch.date, **_place_cells(p), **cells})
    return out


def to_geojson(rows: list[dict[str, Any]], day: str | None = None) -> dict[str, Any]:
    """Rows as a FeatureCollection of points (a place whose location is unknown has a null geometry)."""
    feats = []
    for r in rows:
        props = {k: v for k, v in r.items() if k not in ("latitude", "longitude")}
        lat, lon = r.get("latitude"), r.get("longitude")
        geom = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
        feats.append({"type": "Feature", "geometry": geom, "properties": props})
    out: dict[str, Any] = {"type": "FeatureCollection", "features": feats}
    if day:
        out["control_date"] = day
    out["holders"] = dict(HOLDER_LABELS)
    return out


def to_csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    """Rows as CSV (lists joined with "; "), every text cell made safe for spreadsheets."""
    from eventmap.csvsafe import neutralise_frame
    flat = [{k: "; ".join(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows]
    df = pd.DataFrame(flat, columns=list(columns))
    buf = io.StringIO()
    neutralise_frame(df).to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


__all__ = ["CHANGE_COLUMNS", "STATE_COLUMNS", "change_rows", "state_rows", "to_csv", "to_geojson"]
