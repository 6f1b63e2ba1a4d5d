"""Data exports read back: GeoJSON, CSV, GeoPackage, KML carry the same events and the metadata."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest

from _views_exports_data import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_TEMPLATE, sample_frame
from eventmap import __version__
from eventmap.exports import FORMATS, EmptySelectionError, ExportMeta, export, format_for_path
from eventmap.exports.tables import ACLED_ORDER
from eventmap.frame import events_frame

META = ExportMeta(title="Quneitra, July 2018", filters={"admin1": ["Quneitra", "Dar'a"], "event_type": []},
                  since="2018-07-20", until="2018-07-31")
LOCATED = {  # event_id -> (lat, lon, date, Arabic place name)
    "ev-sayda": (32.87622, 35.87609, "2018-07-25", "صيدا"),
    "ev-rafid": (32.9557, 35.9002, "2018-07-24", "الرفيد"),
    "ev-nabaa": (33.08408, 35.95076, "2018-07-22", "نبع الصخر"),
    "ev-ghadir": (32.91846, 35.91606, "2018-07-24", "غدير البستان"),
    "ev-hostile": (32.88117, 35.92916, "2018-07-25", "البكار"),
}


@pytest.fixture(scope="module")
def frame():
    return sample_frame()


def _check_meta(md: dict, count: int = 6):
    assert md["title"] == "Quneitra, July 2018"
    assert md["filters"]["admin1"] == ["Quneitra", "Dar'a"]
    assert (md["since"], md["until"]) == ("2018-07-20", "2018-07-31")
    assert md["version"] == __version__
    assert "OCHA" in md["attribution"] and "GeoNames" in md["attribution"]
    assert md["generated_at"].endswith("Z") and md["generated_at"][:2] == "20"
    assert md["count"] == count


def _check_located(df: pd.DataFrame, id_col="event_id", name_col="place_name_ar"):
    got = {r[id_col]: r for _, r in df.iterrows()}
    for eid, (lat, lon, date, ar) in LOCATED.items():
        r = got[eid]
        assert r.geometry.y == pytest.approx(lat, abs=1e-7) and r.geometry.x == pytest.approx(lon, abs=1e-7)
        assert str(r["event_date"])[:10] == date
        assert r[name_col] == ar


def test_geojson_rfc7946_round_trip(tmp_path, frame):
    p = export(frame, "geojson", tmp_path / "events.geojson", META)
    raw = json.loads(p.read_text(encoding="utf-8"))
    assert raw["type"] == "FeatureCollection" and "crs" not in raw
    _check_meta(raw["eventmap"])
    feats = {f["id"]: f for f in raw["features"]}
    assert feats["ev-sayda"]["geometry"]["coordinates"] == [35.87609, 32.87622]   # lon, lat
    assert feats["ev-nodate"]["geometry"] is None                                # unresolved: no made-up point
    assert isinstance(feats["ev-sayda"]["properties"]["evidence"], dict)
    assert raw["bbox"] == [35.87609, 32.87622, 35.95076, 33.08408]
    g = gpd.read_file(p)
    assert len(g) == 6 and g.crs.to_epsg() == 4326
    _check_located(g[g.geometry.notna()])
    assert HOSTILE_SCRIPT in g.set_index("event_id").loc["ev-hostile", "notes"]


def test_csv_acled_columns_bom_and_sidecar(tmp_path, frame):
    p = export(frame, "csv", tmp_path / "events.csv", META)
    assert p.read_bytes()[:3] == b"\xef\xbb\xbf"          # Excel shows Arabic
    df = pd.read_csv(p, encoding="utf-8-sig", keep_default_na=False)
    shared = [c for c in ACLED_ORDER if c in df.columns]
    assert shared == ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                      "actor1", "actor2", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                      "geo_precision", "source", "notes", "fatalities"]
    assert list(df.columns[:len(shared)]) == shared          # ACLED's names and order first
    assert "event_id" not in df.columns and "location_as_written" in df.columns
    r = df.set_index("event_id_cnty").loc["ev-nabaa"]
    assert r["location"] == "Nab` as Sakhr" and r["place_name_ar"] == "نبع الصخر"
    assert r["location_as_written"] == "نبع الصخر" and r["year"] == 2018
    assert float(r["latitude"]) == 33.08408 and r["notes"].startswith("أعلنت فصائل المعارضة في نبع الصخر")
    un = df.set_index("event_id_cnty").loc["ev-nodate"]
    assert un["latitude"] == "" and un["location"] == "المهير"
    assert HOSTILE_IMG in df.set_index("event_id_cnty").loc["ev-hostile", "notes"]
    _check_meta(json.loads((tmp_path / "events.csv.meta.json").read_text(encoding="utf-8")))


def test_geopackage_layers_round_trip(tmp_path, frame):
    p = export(frame, "gpkg", tmp_path / "events.gpkg", META)
    layers = dict(pyogrio.list_layers(p))
    assert layers["events"] == "Point" and "metadata" in layers
    ev = gpd.read_file(p, layer="events")
    assert len(ev) == 6 and ev.crs.to_epsg() == 4326
    _check_located(ev[ev.geometry.notna()])
    assert ev.set_index("event_id").loc["ev-nodate"].geometry is None
    md = gpd.read_file(p, layer="metadata")
    md = {k: (json.loads(v) if k in ("filters", "count", "count_located") else v) for k, v in zip(md["key"], md["value"])}
    _check_meta(md)
    info = pyogrio.read_info(p, layer="events")
    from eventmap.views.boundaries import load_boundaries

    if load_boundaries(1):
        b = gpd.read_file(p, layer="boundaries")
        assert {1, 2, 3} <= set(b["level"]) and "SY14" in set(b["pcode"])
        assert "القنيطرة" in set(b["name_ar"])
    assert info["features"] == 6


def test_kml_styles_timestamps_and_escaping(tmp_path, frame):
    p = export(frame, "kml", tmp_path / "events.kml", META)
    text = p.read_text(encoding="utf-8")
    assert "<script>" not in text and "<img" not in text          # escaped, inert
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    root = ET.fromstring(text.encode("utf-8"))                      # well-formed XML
    pms = root.findall(".//k:Placemark", ns)
    assert len(pms) == 5                                            # located events only
    whens = {pm.get("id"): pm.find("k:TimeStamp/k:when", ns).text for pm in pms}
    assert whens["ev-sayda"] == "2018-07-25" and whens["ev-nabaa"] == "2018-07-22"
    styles = {s.get("id"): s.find("k:IconStyle/k:color", ns).text for s in root.findall(".//k:Style", ns)}
    assert styles["t_battles"] == "ff005ed5" and "t_battles_approx" in styles   # Ghadir: approximate
    hostile = [pm for pm in pms if pm.get("id") == "ev-hostile"][0]
    notes = [d.find("k:value", ns).text for d in hostile.findall(".//k:Data", ns) if d.get("name") == "notes"][0]
    assert HOSTILE_SCRIPT in notes and HOSTILE_TEMPLATE in notes   # the text survives as text
    g = gpd.read_file(p)
    assert len(g) == 5
    got = g.set_index("event_id")
    for eid, (lat, lon, date, ar) in LOCATED.items():
        assert got.loc[eid].geometry.y == pytest.approx(lat) and got.loc[eid].geometry.x == pytest.approx(lon)
        assert got.loc[eid, "place_name_ar"] == ar and got.loc[eid, "event_date"] == date
    assert got.loc["ev-sayda", "Name"] == "صيدا · Sayda"
    doc = root.find("k:Document", ns)
    assert "Quneitra, July 2018" in doc.find("k:name", ns).text
    assert "OCHA" in doc.find("k:description", ns).text and __version__ in doc.find("k:description", ns).text


def test_kml_drops_control_characters(tmp_path, frame):
    f = frame.copy()
    f.loc[0, "notes"] = "قصف\x00 على\x1b صيدا\x0b"
    text = export(f, "kml", tmp_path / "ctl.kml", META).read_text(encoding="utf-8")
    ET.fromstring(text.encode("utf-8"))       # would raise on \x00 / \x1b / \x0b
    assert "قصف على صيدا" in text


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "png"])
def test_empty_selection_is_a_clear_error(tmp_path, fmt):
    with pytest.raises(EmptySelectionError) as e:
        export(events_frame([]), fmt, tmp_path / f"x.{fmt}", META)
    msg = str(e.value)
    assert "No events to export" in msg and "2018-07-20" in msg and "governorate: Quneitra, Dar'a" in msg
    assert not (tmp_path / f"x.{fmt}").exists()


def test_format_dispatch(tmp_path, frame):
    assert format_for_path("a/b.GeoJSON") == "geojson" and format_for_path("x.json") == "geojson"
    assert format_for_path("x.txt") is None
    p = export(frame, None, tmp_path / "auto.kml", META)
    assert p.read_text(encoding="utf-8").startswith("<?xml")
    with pytest.raises(ValueError, match="unknown export format"):
        export(frame, "shp", tmp_path / "x.shp", META)


def test_meta_defaults_from_the_data(frame):
    m = ExportMeta().resolved(frame)
    assert (m.since, m.until) == ("2018-07-22", "2018-07-25")
    assert m.title and m.version == __version__
    assert m.window_text() == "2018-07-22 – 2018-07-25"
    assert ExportMeta(filters={"admin1": ["Quneitra"], "x": None}).filters_text() == "governorate: Quneitra"


def test_export_bytes_for_download_buttons(frame):
    from eventmap.exports import export_bytes

    data, name, mime = export_bytes(frame, "geojson", META)
    assert name == "eventmap_2018-07-20_2018-07-31.geojson" and mime == "application/geo+json"
    assert json.loads(data.decode("utf-8"))["eventmap"]["title"] == "Quneitra, July 2018"
    data, name, mime = export_bytes(frame, "gpkg", META)
    assert data[:16] == b"SQLite format 3\x00" and name.endswith(".gpkg")
    with pytest.raises(EmptySelectionError):
        export_bytes(events_frame([]), "csv", META)
