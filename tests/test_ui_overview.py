"""A store too large to load (``eventmap.ui.overview``): above the threshold the dashboard reads counts and
pages from the store, never a frame of every event; counts are conserved and follow every filter."""

from __future__ import annotations

from dataclasses import replace

import pytest
from _views_exports_data import sample_events

from eventmap import settings
from eventmap.model import Report
from eventmap.store import EventFilter, open_store
from eventmap.store import migrations
from eventmap.ui import overview as ov
from eventmap.views import timeline
from eventmap.views.bins import BIN_ABOVE, point_day_bins

DAYS = ("2018-07-20", "2018-07-22", "2018-07-25")
FILTERS = (EventFilter(), EventFilter(admin1=("Quneitra",)), EventFilter(event_types=("Battles",)),
           EventFilter(since="2018-07-21", until="2018-07-25"), EventFilter(text="صيدا"),
           EventFilter(admin1=("Quneitra",), event_types=("Battles", "Protests"), text="اشتباكات"))


@pytest.fixture
def store_path(tmp_path):
    """The sample events (five places, one event without a place), each copied onto three days by three reports."""
    path = tmp_path / "o.gpkg"
    base = sample_events(hostile=True)
    with open_store(path) as s:
        for k, day in enumerate(DAYS):
            rep = Report(text=f"تقرير تجريبي رقم {k} عن جنوب سوريا", published=day, source="Test outlet")
            s.ingest(rep, [replace(e, event_id=f"{e.event_id}-{k}", event_date=day, report_id="") for e in base])
    return str(path)


@pytest.fixture
def store(store_path):
    with open_store(store_path) as s:
        yield s


def test_grouped_counts_are_the_stored_counts_under_every_filter(store):
    for f in FILTERS:
        o = ov.overview(store, f)
        assert o.total == store.count_stored(f), f
        unplaced = len(store.newest(f, 10_000, placed=False))
        assert o.unplaced_total() == unplaced and o.bins.total == o.total - unplaced, f
    assert ov.overview(store, EventFilter(admin1=("Quneitra",))).total < ov.overview(store, EventFilter()).total
    assert ov.overview(store, EventFilter(text="no such words anywhere")).total == 0


def test_window_counts_follow_the_days(store):
    o = ov.overview(store, EventFilter())
    for since, until in (("2018-07-20", "2018-07-20"), ("2018-07-21", "2018-07-25"), (None, None), ("2019-01-01", None)):
        w = o.window(since, until)
        f = EventFilter(since=since, until=until)
        assert w.n == store.count_stored(f)
        assert w.unplaced == len(store.newest(f, 10_000, placed=False))
        assert w.placed == int(o.bins.per_point(since, until).sum())


def test_histogram_counts_are_the_frames_day_counts(store):
    """The histogram of a large store is drawn from counts exactly as from a frame (no corroboration here)."""
    o = ov.overview(store, EventFilter())
    a = o.day_counts().sort_values(["day", "event_type"]).reset_index(drop=True)
    b = timeline.day_counts(store.query(EventFilter())).sort_values(["day", "event_type"]).reset_index(drop=True)
    assert a.to_dict("records") == b.to_dict("records")
    assert o.outside_timeline() == (0, "")
    html = timeline.histogram(a).html
    assert html.count('class="em-bar"') == len(set(a["day"]))  # a bar for each day with events


def test_newest_is_one_page_newest_first_one_row_per_stored_event(store):
    page = ov.page(store, EventFilter(), "2018-07-21", "2018-07-25", limit=4)
    assert len(page) == 4 and set(page["event_date"]) == {"2018-07-25"}
    whole = store.newest(EventFilter(), 1000)
    assert len(whole) == store.count_stored(EventFilter())
    assert list(whole["event_date"]) == sorted(whole["event_date"], reverse=True)
    assert (whole["number_of_sources"] == 1).all()
    un = ov.unplaced(store, EventFilter())
    assert len(un) == 3 and un["latitude"].isna().all()
    assert store.newest(EventFilter(admin1=("Dar'a",)), 10)["admin1"].eq("Dar'a").all()


def test_neighbours_are_the_merge_candidates_near_in_time_and_space(store):
    ev = store.newest(EventFilter(text="صيدا"), 1).iloc[0]
    near = ov.neighbours(store, ev)
    assert ev["event_id"] in set(near["event_id"])
    assert set(near["event_date"]) <= {"2018-07-25"}   # the other copies are 3 and 5 days away
    assert "ev-hostile-2" in set(near["event_id"])      # Al Bakkar, 5 km from Sayda, same day


def test_threshold_from_the_setting(store, monkeypatch):
    monkeypatch.delenv("EVENTMAP_BIN_ABOVE", raising=False)
    assert ov.bin_above() == BIN_ABOVE and not ov.is_large(store, EventFilter())
    monkeypatch.setenv("EVENTMAP_BIN_ABOVE", "10")
    assert settings.bin_above() == 10 and ov.is_large(store, EventFilter())   # 18 stored events
    assert not ov.is_large(store, EventFilter(event_types=("Battles",)))         # 6: below again
    monkeypatch.setenv("EVENTMAP_BIN_ABOVE", "many")
    assert ov.bin_above() == BIN_ABOVE


def test_count_line_says_how_many_of_how_many():
    big = ov.count_html(82_000, 81_000, 1_000, 1_000_000, "2018-12-01", "2018-12-30", 500, large=True)
    assert '<b id="em-n">82,000</b>' in big and "showing the newest 500 of 82,000" in big
    assert "81,000 on the map · 1,000 without a place · 1,000,000 in all dates" in big
    small = ov.count_html(600, 590, 10, 900, "2018-07-01", "2018-07-30", 500)
    assert "newest 500 listed" in small and "showing" not in small
    assert "listed" not in ov.count_html(3, 3, 0, 9, "2018-07-01", "2018-07-30", 500)


def test_grouped_counts_read_the_overview_index(store):
    """Schema 5: the grouped scans of a large store are answered from one covering index, not the table."""
    assert store.schema_version() == migrations.CURRENT_VERSION >= 5
    plans = {}
    for name, f in (("all", EventFilter()), ("governorate", EventFilter(admin1=("Quneitra",))),
                    ("type", EventFilter(event_types=("Battles",)))):
        where, params = f.to_sql()
        sql = ("EXPLAIN QUERY PLAN SELECT event_date, event_type, latitude, longitude, geo_precision, COUNT(*) "
               f"FROM events WHERE {where} GROUP BY event_date, event_type, latitude, longitude, geo_precision")
        plans[name] = " ".join(str(r[-1]) for r in store._db.fetchall(sql, params))
    assert all("COVERING INDEX events_overview" in p for p in plans.values()), plans
    facet = " ".join(str(r[-1]) for r in store._db.fetchall(
        "EXPLAIN QUERY PLAN SELECT DISTINCT actor2 FROM events WHERE status = 'ok' AND actor2 <> ''"))
    assert "COVERING INDEX" in facet
    from eventmap.control.model import COLUMNS, CONTROL_SUB_TYPES
    marks = ", ".join("?" for _ in CONTROL_SUB_TYPES)
    control = " ".join(str(r[-1]) for r in store._db.fetchall(
        f"EXPLAIN QUERY PLAN SELECT {COLUMNS[0]} FROM events WHERE status IN ('ok', 'merged') AND sub_event_type IN "
        f"({marks})", list(CONTROL_SUB_TYPES)))
    assert "events_sub_type" in control


def test_point_day_bins_unchanged_by_the_vectorised_path(store):
    bins, points = store.point_day_counts(EventFilter())
    b = point_day_bins(store, EventFilter())
    assert b.total == sum(r[-1] for r in bins) == sum(p[-1] for p in points)
    assert sorted(b.days) == b.days == sorted({r[0] for r in bins})
    assert {(p[0], p[1]) for p in b.points} == {(p[0], p[1]) for p in points}
    assert {p[2] for p in b.points} == {p[2] for p in points}


# --------------------------------------------------------------------------- the dashboard itself (AppTest)
def _run_app(store_path, monkeypatch, bin_above: str | None, url: dict | None = None):
    """Run app.py headless, recording the maps' events layers it makes and every frame it asks the store for."""
    from streamlit.testing.v1 import AppTest

    from eventmap.store.base import EventStore
    from eventmap.views import map_payload
    from eventmap.views.cli import app_path

    built: list[dict] = []
    queried: list[EventFilter] = []
    real_build, real_query = map_payload.events_layer, EventStore.query

    def build(frame, **kw):
        built.append({"rows": 0 if frame is None else len(frame), "bins": kw.get("bins")})   # None: bins only
        return real_build(frame, **kw)

    def spy_query(self, f=None):
        queried.append(f or EventFilter())
        return real_query(self, f)

    monkeypatch.setattr(map_payload, "events_layer", build)
    monkeypatch.setattr(EventStore, "query", spy_query)
    monkeypatch.setenv("EVENTMAP_DB", store_path)
    if bin_above is None:
        monkeypatch.delenv("EVENTMAP_BIN_ABOVE", raising=False)
    else:
        monkeypatch.setenv("EVENTMAP_BIN_ABOVE", bin_above)
    monkeypatch.chdir(app_path().parent)
    at = AppTest.from_file(str(app_path()), default_timeout=240)
    for k, v in (url or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    line = next(m.value for m in at.markdown if 'data-testid="em-count"' in m.value)
    return at, line, built, queried


@pytest.mark.slow
def test_dashboard_above_the_threshold_draws_bins_and_loads_no_frame(store_path, monkeypatch):
    at, line, built, queried = _run_app(store_path, monkeypatch, "10", {"since": "2018-07-21", "until": "2018-07-25"})
    maps = [b for b in built if b["bins"] is not None]
    assert maps and all(b["rows"] == 0 for b in maps)          # the payload holds bins, not events
    assert maps[0]["bins"].total == 15                          # 18 stored, 3 without a place
    # the store is asked for empty frames (the map's columns) and pages, never for every event
    assert all(f.limit == 0 for f in queried), queried
    assert "<b id=\"em-n\">12</b>" in line and "18 in all dates" in line and "showing the newest 12 of 12" in line
    assert "10 on the map · 2 without a place" in line
    table = next(d.value for d in at.dataframe if "event_type" in d.value.columns)
    assert len(table) == 12 and set(table["event_date"]) == {"2018-07-22", "2018-07-25"}
    assert any("Without a place (3, all dates)" in m.value for m in at.markdown)


@pytest.mark.slow
def test_dashboard_filters_reach_the_counts_above_the_threshold(store_path, monkeypatch):
    _, line, built, _ = _run_app(store_path, monkeypatch, "5", {"admin1": "Quneitra", "text": "اشتباكات"})
    with open_store(store_path) as s:
        n = s.count_stored(EventFilter(admin1=("Quneitra",), text="اشتباكات"))
    assert n == 6 and f"{n} in all dates" in line and "showing the newest" in line
    assert [b["bins"].total for b in built if b["bins"] is not None] == [n]


@pytest.mark.slow
def test_dashboard_below_the_threshold_is_unchanged(store_path, monkeypatch):
    _, line, built, queried = _run_app(store_path, monkeypatch, None)
    assert built and all(b["bins"] is None for b in built) and built[0]["rows"] == 18
    assert any(f.limit is None for f in queried)                # the filter's frame, as before
    assert "showing" not in line and "18 in all dates" in line


@pytest.mark.slow
@pytest.mark.parametrize("bin_above", [None, "10"])
def test_the_count_line_and_the_table_go_out_before_the_map_is_built(store_path, monkeypatch, bin_above):
    """Streamlit sends each element as the script makes it: the counts, the histogram and the table are made
    before the map, so the browser draws them while the server still builds a large store's map."""
    from eventmap.views import map as vmap

    order: list[str] = []
    real_build, real_count = vmap.build_map, ov.count_html

    def build(frame, **kw):
        order.append("map")
        return real_build(frame, **kw)

    def count(*a, **kw):
        order.append("count")
        return real_count(*a, **kw)

    monkeypatch.setattr(vmap, "build_map", build)
    monkeypatch.setattr(ov, "count_html", count)
    _, line, _, _ = _run_app(store_path, monkeypatch, bin_above)
    assert "count" in order and "map" in order and order.index("count") < order.index("map"), order
    assert "in all dates" in line


def test_postgis_grouped_counts_and_pages(tmp_path):
    """The same counts and pages from PostGIS (schema 5's index there too)."""
    from eventmap.store.testing import backend_url

    with backend_url("postgis", tmp_path) as url, open_store(url) as s:
        base = sample_events(hostile=True)
        for k, day in enumerate(DAYS):
            rep = Report(text=f"تقرير تجريبي رقم {k} عن جنوب سوريا", published=day, source="Test outlet")
            s.ingest(rep, [replace(e, event_id=f"{e.event_id}-{k}", event_date=day, report_id="") for e in base])
        for f in FILTERS:
            o = ov.overview(s, f)
            assert o.total == s.count_stored(f) and o.unplaced_total() == len(s.newest(f, 1000, placed=False)), f
        assert ov.overview(s, EventFilter()).bins.total == point_day_bins(s).total == 15
        page = ov.page(s, EventFilter(), "2018-07-21", "2018-07-25", limit=4)
        assert len(page) == 4 and set(page["event_date"]) == {"2018-07-25"}
        ev = s.newest(EventFilter(text="صيدا"), 1).iloc[0]
        assert "ev-hostile-2" in set(ov.neighbours(s, ev)["event_id"])


def test_an_open_event_is_centred_on_a_binned_map_by_its_point():
    from eventmap.views import live_map

    js = live_map.range_script("2018-07-01", "2018-07-31", "ev-sayda-2", at=(32.87622, 35.87609))
    assert '"at":[32.87622,35.87609]' in js
    assert '"at"' not in live_map.range_script("2018-07-01", "2018-07-31", None, at=(32.8, 35.8))   # no event open
    assert '"at"' not in live_map.bridge_script("2018-07-01", None, "ev-1", at=(float("nan"), 35.8))
    assert '"at"' not in live_map.bridge_script("2018-07-01", None, "ev-1", at=(132.0, 35.8))


@pytest.mark.browser
def test_binned_map_centres_the_open_event(store, tmp_path):
    from pathlib import Path

    from _map_page import opened_map

    from eventmap.exports.png import CHROMIUM
    from eventmap.views import live_map
    from eventmap.views.map import build_map

    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium")
    m = build_map(store.query(EventFilter(limit=0)), bins=ov.overview(store, EventFilter()).bins)
    m.add_child(live_map.window_group("2018-07-20", "2018-07-25", "ev-sayda-2", at=(32.87622, 35.87609)))
    with opened_map(m, tmp_path, "window.eventmapReady === true && window.emWindowApplied >= 1") as (pg, errors):
        c = pg.evaluate("[EM.map.getCenter().lat, EM.map.getCenter().lng, EM.map.getZoom()]")
        assert abs(c[0] - 32.87622) < 1e-3 and abs(c[1] - 35.87609) < 1e-3 and c[2] >= 12
        assert pg.evaluate("EM.count") == 15 and errors == []


def test_dates_the_timeline_cannot_draw_are_counted_apart(store):
    """A stored 0001-01-01 (a wrong publication date of an older version) is counted apart, never drawn in the
    histogram (as ``views.timeline.outside_timeline`` does for a frame)."""
    e = replace(sample_events(hostile=False)[0], event_id="ev-odd", event_date="0001-01-01", report_id="")
    store.ingest(Report(text="تقرير بتاريخ خاطئ", published="2018-07-25", source="Test outlet"), [e])
    o = ov.overview(store, EventFilter())
    assert o.outside_timeline() == (1, "0001-01-01")
    assert "0001-01-01" not in set(o.day_counts()["day"]) and o.day_counts()["n"].sum() == o.total - 1
