"""Binned events (``eventmap.views.bins``): a store too large to draw event by event is counted per place and day
in the database and drawn one symbol per place; counts are conserved, the window still moves in the browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from _map_page import opened_map
from _views_exports_data import sample_events

from eventmap.exports.png import CHROMIUM
from eventmap.model import Report
from eventmap.store import EventFilter, open_store
from eventmap.views.bins import bins_payload, point_day_bins
from eventmap.views.map import build_map


@pytest.fixture
def store(tmp_path):
    """The sample events, each copied onto three days by three reports (events at five places, one without)."""
    from dataclasses import replace

    base = sample_events(hostile=True)
    with open_store(tmp_path / "b.gpkg") as s:
        for k, day in enumerate(("2018-07-20", "2018-07-22", "2018-07-25")):
            rep = Report(text=f"تقرير تجريبي رقم {k} عن جنوب سوريا", published=day, source="Test outlet")
            evs = [replace(e, event_id=f"{e.event_id}-{k}", event_date=day, report_id="") for e in base]
            s.ingest(rep, evs)
        yield s


def test_counts_are_conserved(store):
    b = point_day_bins(store)
    with_place = EventFilter(include_hidden=False)
    drawn = store.count_stored(with_place) - int(store.query(with_place)["latitude"].isna().sum())
    assert b.total == drawn and b.total > 0
    assert b.days == ["2018-07-20", "2018-07-22", "2018-07-25"]
    # every window's symbols add up to the stored events of that window that have a place
    for since, until in (("2018-07-20", "2018-07-20"), ("2018-07-21", "2018-07-25"), (None, None)):
        w = EventFilter(since=since, until=until)
        expect = int(store.query(w)["latitude"].notna().sum())
        assert int(b.per_point(since, until).sum()) == expect == sum(b.per_type(since, until).values())
    # one point per distinct place, with its names
    assert len(b.points) == len({(p[0], p[1]) for p in b.points})
    assert any(p[3] == "صيدا" and p[2] == "Sayda" for p in b.points)


def test_bins_follow_the_filters(store):
    only = EventFilter(event_types=("Battles",))
    b = point_day_bins(store, only)
    assert set(b.types) == {"Battles"}
    assert b.total == int(store.query(only)["latitude"].notna().sum())


def test_payload_escapes_place_names(store):
    p = bins_payload(point_day_bins(store))
    assert p["bins"] is True and sum(p["c"]) == p["total"]
    assert len(p["d"]) == len(p["t"]) == len(p["p"]) == len(p["c"]) == p["n"]
    assert all("<" not in name for pt in p["P"] for name in pt[2:])


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")
def test_binned_layer_in_the_browser(store, tmp_path):
    """Low zoom: the places are clustered and the clusters add up to every event; a window shows only its
    days; close in, one symbol per place with its count, and its popup lists the counts per type."""
    b = point_day_bins(store)
    m = build_map(store.query(EventFilter(limit=0)), bins=b)
    with opened_map(m, tmp_path) as (pg, errors):
        assert errors == []
        assert pg.evaluate("EM.count") == b.total
        map_var = pg.evaluate("Object.keys(window).find(k => k.startsWith('map_') && window[k].getZoom)")
        # a few places are drawn one by one; many are clustered (forced here: five places)
        pg.evaluate(f"EM.UNCLUSTERED = 0; EM.showRange(0, EM.D.days.length - 1); {map_var}.setZoom(6, "
                    "{animate: false})")
        pg.wait_for_timeout(300)
        clusters = pg.evaluate("EM.layer._featureGroup.getLayers().filter(l => l.getChildCount)"
                               ".map(l => l.getAllChildMarkers().reduce((a, m) => a + m.emn, 0))")
        singles = pg.evaluate("EM.layer._featureGroup.getLayers().filter(l => !l.getChildCount)"
                              ".reduce((a, m) => a + m.emn, 0)")
        assert clusters and sum(clusters) + singles == b.total        # aggregated, nothing dropped
        # the cluster icon shows the summed count
        icon = pg.inner_text(".em-cl span")
        assert int(icon.replace(",", "").split("≈")[0]) in clusters
        # one day: only its events
        n_day = pg.evaluate("EM.showRange(0, 0)")
        assert n_day == int(b.per_point("2018-07-20", "2018-07-20").sum())
        # close in: a symbol per place with its count; the popup gives the counts per type
        pg.evaluate(f"EM.showRange(0, EM.D.days.length - 1); {map_var}.setView([32.876, 35.876], 14, "
                    "{animate: false})")
        pg.wait_for_timeout(300)
        sayda, drawn = pg.evaluate("(() => { var m = EM.layer.getLayers().find(m => EM.D.P[m.emp][2] === 'Sayda');"
                                   "return [m.emn, !!m._map]; })()")
        assert drawn and sayda == int(b.per_point()[[p[2] for p in b.points].index("Sayda")])
        text = pg.evaluate("EM.layer.getPopup()._content(EM.layer.getLayers().find("
                           "m => EM.D.P[m.emp][2] === 'Sayda')).innerText")
        assert f"{sayda} events" in text and "Battles" in text and "صيدا" in text
        assert errors == []


def test_small_results_keep_single_events(store):
    """Below the threshold nothing changes: the map draws each event with its own popup data."""
    m = build_map(store.query(EventFilter()))
    html = m.get_root().render()
    assert '"bins"' not in html and "ev-sayda-0" in html
