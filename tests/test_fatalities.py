"""The number killed per event (ACLED's ``fatalities``): carried from the event through the store
(both backends, an old store upgrades) to every output (CSV, GeoJSON, GeoPackage, KML, popups,
the details panel, ``eventmap extract``).

Sentences here are written for these tests in the styles of the outlets analysts read.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace

import pandas as pd
import pytest
from _views_exports_data import HOSTILE_SCRIPT, sample_events

from eventmap.exports import export
from eventmap.exports.meta import ExportMeta
from eventmap.frame import events_frame
from eventmap.model import EVENT_FIELDS, Event
from eventmap.store import EventFilter, migrations, open_store
from eventmap.store.testing import backend_url, rafid_report_ar, rafid_report_en

BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    with backend_url(request.param, tmp_path) as u:
        yield u


def _killed(events: list[Event], *numbers: int | None) -> list[Event]:
    return [replace(e, fatalities=n) for e, n in zip(events, numbers)]


# ---------------------------------------------------------------------------- the field
def test_fatalities_is_an_acled_field_in_acled_order():
    assert EVENT_FIELDS.index("fatalities") == EVENT_FIELDS.index("notes") + 1   # ACLED: ..., notes, fatalities
    _, evs = rafid_report_ar()
    assert evs[0].fatalities is None                                            # default: no figure
    d = replace(evs[0], fatalities=4).to_dict()
    assert d["fatalities"] == 4 and Event.from_dict(d).fatalities == 4


def test_the_frame_keeps_unknown_apart_from_zero():
    _, evs = rafid_report_ar()
    f = events_frame(_killed(evs, 0, None))
    assert str(f["fatalities"].dtype) == "Int64"
    assert f["fatalities"].iloc[0] == 0 and f["fatalities"].iloc[1] is pd.NA


# ---------------------------------------------------------------------------- store
def test_store_round_trip(url):
    rep, evs = rafid_report_ar()
    with open_store(url) as s:
        s.ingest(rep, _killed(evs, 3, None))
        df = s.query(EventFilter()).set_index("event_id")
        assert df.loc[evs[0].event_id, "fatalities"] == 3
        assert df.loc[evs[1].event_id, "fatalities"] is pd.NA
        assert s.get_event(evs[0].event_id).fatalities == 3
        assert s.get_event(evs[1].event_id).fatalities is None
    with open_store(url) as s:   # and after reopening
        assert s.get_event(evs[0].event_id).fatalities == 3


def test_reprocess_fills_the_figure_and_corrections_keep_it(url):
    from eventmap.store import Correction

    rep, evs = rafid_report_ar()
    with open_store(url) as s:
        s.ingest(rep, evs)
        assert s.get_event(evs[1].event_id).fatalities is None
        s.add_correction(Correction("set_date", evs[1].event_id, "analyst", event_date="2018-07-25"))
        res = s.reprocess(lambda text, published, **kw: _killed(list(evs), None, 2))
        assert len(res.kept) == 1
        e = s.get_event(evs[1].event_id)
        assert e.fatalities == 2 and e.event_date == "2018-07-25"   # re-extracted figure, correction re-applied


#: the schema version that added events.fatalities
FATALITIES_VERSION = next(v for v, ddl in migrations.DDL_BY_VERSION.items() if "ADD COLUMN fatalities" in ddl)


def _make_store_before_fatalities(url: str, dialect: str) -> Event:
    """A store exactly as the schema version before fatalities wrote it, holding one event."""
    rep, evs = rafid_report_ar()
    e = evs[0]
    if dialect == "sqlite":
        from eventmap.store.sqlite import SQLiteBackend
        db = SQLiteBackend(url)
    else:
        from eventmap.store.postgis import PostGISBackend
        db = PostGISBackend(url)
    with db.write():
        for v in range(1, FATALITIES_VERSION):
            for stmt in migrations.statements(v, dialect):
                db.execute(stmt)
            db.after_schema(v)
        db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(FATALITIES_VERSION - 1),))
        db.execute("INSERT INTO reports (report_id, text, source, published, ingested_at, n_events) "
                   "VALUES (?, ?, 'SANA', ?, '2018-07-26T10:00:00Z', 1)", (rep.report_id, rep.text, rep.published))
        d = e.to_dict()
        d.pop("fatalities")   # extractions of that time did not have it
        db.execute(
            "INSERT INTO events (event_id, report_id, event_date, event_type, sub_event_type, location, place_id, "
            "latitude, longitude, admin1, source, notes, evidence, extracted, place_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SANA', ?, ?, ?, ?)",
            (e.event_id, rep.report_id, e.event_date, e.event_type, e.sub_event_type, e.location, e.place_id,
             e.latitude, e.longitude, e.admin1, e.notes, json.dumps(e.evidence.to_dict()),
             json.dumps(d, ensure_ascii=False), "k"))
    db.close()
    return e


def test_an_older_store_upgrades_and_takes_figures(url):
    dialect = "sqlite" if url.endswith(".gpkg") else "postgis"
    old = _make_store_before_fatalities(url, dialect)
    with open_store(url) as s:
        assert s.schema_version() == migrations.CURRENT_VERSION >= FATALITIES_VERSION
        assert s.get_event(old.event_id).fatalities is None        # stored before: unknown, not 0
        assert s.query(EventFilter())["fatalities"].isna().all()
        en, en_evs = rafid_report_en()
        s.ingest(en, _killed(en_evs, None, 5))
        df = s.query(EventFilter(text="sayda"))
        assert df["fatalities"].tolist() == [5]


# ---------------------------------------------------------------------------- exports
META = ExportMeta(title="Killed per event")


@pytest.fixture(scope="module")
def killed_frame():
    evs = sample_events()
    nums = [7, None, 1] + [None] * (len(evs) - 3)
    return events_frame([replace(e, fatalities=n) for e, n in zip(evs, nums)]), evs


def test_csv_has_acleds_fatalities_column(tmp_path, killed_frame):
    frame, evs = killed_frame
    p = export(frame, "csv", tmp_path / "e.csv", META)
    with open(p, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    cols = list(rows[0])
    assert cols.index("fatalities") == cols.index("notes") + 1
    by_id = {r["event_id_cnty"]: r["fatalities"] for r in rows}
    assert by_id[evs[0].event_id] == "7" and by_id[evs[2].event_id] == "1"
    assert by_id[evs[1].event_id] == ""          # unknown stays empty, not 0 or "<NA>"


def test_geojson_and_geopackage_carry_the_number(tmp_path, killed_frame):
    import pyogrio

    frame, evs = killed_frame
    g = json.loads(export(frame, "geojson", tmp_path / "e.geojson", META).read_text(encoding="utf-8"))
    props = {f["id"]: f["properties"]["fatalities"] for f in g["features"]}
    assert props[evs[0].event_id] == 7 and props[evs[1].event_id] is None
    p = export(frame, "gpkg", tmp_path / "e.gpkg", META)
    info = pyogrio.read_info(p, layer="events")
    assert info["dtypes"][list(info["fields"]).index("fatalities")].startswith("int")
    df = pyogrio.read_dataframe(p, layer="events").set_index("event_id")
    assert df.loc[evs[0].event_id, "fatalities"] == 7 and pd.isna(df.loc[evs[1].event_id, "fatalities"])


def test_kml_extended_data_has_the_number(tmp_path, killed_frame):
    frame, evs = killed_frame
    kml = export(frame, "kml", tmp_path / "e.kml", META).read_text(encoding="utf-8")
    pm = re.search(rf'<Placemark id="{evs[0].event_id}">.*?</Placemark>', kml, re.DOTALL).group(0)
    assert '<Data name="fatalities"><value>7</value></Data>' in pm
    pm = re.search(rf'<Placemark id="{evs[1].event_id}">.*?</Placemark>', kml, re.DOTALL).group(0)
    assert '<Data name="fatalities"><value></value></Data>' in pm


# ---------------------------------------------------------------------------- views
def test_popup_payload_and_script_show_killed(killed_frame):
    from eventmap.views.map import build_payload, killed_values

    frame, evs = killed_frame
    p = build_payload(frame)
    by_id = dict(zip(p["id"], p["k"]))
    assert by_id[evs[0].event_id] == 7 and by_id[evs[1].event_id] is None
    # whatever text reaches the column, only numbers reach the page
    hostile = frame.head(3).astype({"fatalities": object})
    hostile["fatalities"] = [HOSTILE_SCRIPT, "12", None]
    assert killed_values(hostile) == [None, 12, None]


def test_details_panel_shows_killed_only_with_a_number(killed_frame):
    from eventmap.views.dashboard import details_html

    frame, evs = killed_frame
    rows = frame.set_index("event_id", drop=False)
    assert "killed: 7" in details_html(rows.loc[evs[0].event_id])
    assert "killed" not in details_html(rows.loc[evs[1].event_id])
    row = dict(rows.loc[evs[0].event_id])
    row["fatalities"] = HOSTILE_SCRIPT
    html = details_html(row)
    assert "killed" not in html and "<script>alert" not in html
    assert "killed: 0" in details_html({**row, "fatalities": 0})   # "nobody was killed" is a figure


def test_dashboard_table_has_a_killed_column(killed_frame):
    from eventmap.views.dashboard import table_frame

    frame, evs = killed_frame
    t = table_frame(frame).set_index("event_id")
    assert t.loc[evs[0].event_id, "fatalities"] == 7


@pytest.mark.browser
def test_exported_map_popup_says_killed(tmp_path, killed_frame):
    from pathlib import Path

    from eventmap.exports.png import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium")
    from playwright.sync_api import sync_playwright

    frame, evs = killed_frame
    html = export(frame, "html", tmp_path / "map.html", META)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            pg = b.new_page()
            pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
                     else r.abort())
            pg.goto(html.resolve().as_uri())
            pg.wait_for_function("window.eventmapReady === true", timeout=30_000)
            pop = "EM.popup(EM.D.id.indexOf('%s')).innerText"
            assert "killed: 7" in pg.evaluate(pop % evs[0].event_id)
            assert "killed" not in pg.evaluate(pop % evs[1].event_id)
        finally:
            b.close()
