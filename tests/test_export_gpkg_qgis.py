"""The GeoPackage as QGIS and Debian's GDAL 3.6 read it: DATE fields, the dashboard's style, no version warning."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET

import pytest
from _views_exports_data import sample_frame

from eventmap.exports import ExportMeta, export
from eventmap.views.colors import TYPE_STYLES

META = ExportMeta(title="Quneitra, July 2018", filters={"admin1": ["Quneitra"]}, since="2018-07-20",
                  until="2018-07-31")


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory):
    return export(sample_frame(), "gpkg", tmp_path_factory.mktemp("gpkg") / "events.gpkg", META)


def test_event_date_is_a_date_field(gpkg):
    with sqlite3.connect(gpkg) as db:
        cols = {r[1]: r[2] for r in db.execute("PRAGMA table_info(events)")}
        assert cols["event_date"] == "DATE" and cols["published"] == "DATE"
        assert db.execute("SELECT event_date FROM events WHERE event_id = 'ev-sayda'").fetchone() == ("2018-07-25",)


def test_geopackage_version_gdal_36_reads(gpkg):
    with sqlite3.connect(gpkg) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47          # "GPKG"
        assert db.execute("PRAGMA user_version").fetchone()[0] == 10300                 # 1.3, not 1.4


@pytest.mark.skipif(not shutil.which("ogrinfo"), reason="needs Debian's gdal-bin (ogrinfo)")
def test_debian_ogrinfo_opens_it_without_a_warning(gpkg):
    r = subprocess.run(["ogrinfo", "-so", str(gpkg), "events"], capture_output=True, text=True, check=True)
    assert "Warning" not in r.stderr + r.stdout and r.stderr.strip() == ""
    assert "event_date: Date" in r.stdout
    layers = subprocess.run(["ogrinfo", "-q", str(gpkg)], capture_output=True, text=True, check=True)
    assert layers.stderr.strip() == "" and "layer_styles" in layers.stdout


def test_layer_styles_hold_the_dashboards_colours(gpkg):
    with sqlite3.connect(gpkg) as db:
        rows = db.execute("SELECT f_table_name, f_geometry_column, useAsDefault, styleQML, styleSLD "
                          "FROM layer_styles").fetchall()
        registered = db.execute("SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'").fetchone()
    assert registered == ("attributes",)
    by = {r[0]: r for r in rows}
    assert set(by) == {"events", "boundaries"}
    _, geom, default, qml, sld = by["events"]
    assert geom == "geom" and default == 1
    root = ET.fromstring(qml.split("\n", 1)[1])          # after the DOCTYPE line
    rules = root.findall(".//rule")
    assert len(rules) == 2 * (len(TYPE_STYLES) + 1)      # each type filled (exact) and hollow (approximate), + other
    colors = {o.get("value") for o in root.iter("Option") if o.get("name") == "color"}
    for st in TYPE_STYLES:
        h = st.color.lstrip("#")
        rgb = f"{int(h[:2], 16)},{int(h[2:4], 16)},{int(h[4:], 16)}"
        assert f"{rgb},225" in colors and f"{rgb},0" in colors, st.event_type
    assert any("\"event_type\" = 'Battles' AND \"geo_precision\" >= 2" == r.get("filter") for r in rules)
    t = root.find("temporal")
    assert t.get("enabled") == "1" and t.get("startField") == "event_date"
    sld_root = ET.fromstring(sld.encode())
    fills = [p.text for p in sld_root.iter("{http://www.opengis.net/se}SvgParameter") if p.get("name") == "fill"]
    assert [st.color for st in TYPE_STYLES] == fills[:len(TYPE_STYLES)]

