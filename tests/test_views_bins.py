"""Binned events (``eventmap.views.bins``): a store too large to draw event by event is counted per place and day
in the database and drawn one symbol per place; counts are conserved, the window still moves in the browser."""

from __future__ import annotations

import json
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


def test_window_counts_sum_each_place_and_type(store):
    """What the map draws for a window is counted on the server: per place and type, the window's events and how
    many of them are approximate; they add up to the stored events of the window that have a place."""
    b = point_day_bins(store)
    for since, until in (("2018-07-20", "2018-07-20"), ("2018-07-21", "2018-07-25"), (None, None),
                         ("2018-07-26", "2018-08-30")):
        w = b.window_counts(since, until)
        rows = store.query(EventFilter(since=since, until=until))
        rows = rows[rows["latitude"].notna()]
        assert len(w["p"]) == len(w["t"]) == len(w["c"]) == len(w["a"]) <= len(b.points) * len(b.types)
        assert sum(w["c"]) == len(rows) and w["p"] == sorted(w["p"])
        assert sum(w["a"]) == int((rows["geo_precision"] >= 2).sum())
        got = {(b.points[p][2], b.types[t]): c for p, t, c in zip(w["p"], w["t"], w["c"])}
        want = rows.assign(en=rows["place_name_en"].fillna("")).groupby(["en", "event_type"]).size().to_dict()
        assert got == want
    assert b.window_counts("2018-07-26", "2018-08-30") == {"p": [], "t": [], "c": [], "a": []}


def test_window_counts_reach_the_page_as_integers_only():
    from eventmap.views.live_map import bridge_script

    ok = bridge_script("2018-07-20", "2018-07-22", counts={"p": [3, 4], "t": [1, 0], "c": [7, 1], "a": [2, 0]})
    assert '"b":{"p":[3,4],"t":[1,0],"c":[7,1],"a":[2,0]}' in ok
    with pytest.raises(ValueError):   # text where a number belongs never reaches the script
        bridge_script("2018-07-20", "2018-07-22", counts={"p": [3], "t": [1], "c": ["</script><b>"], "a": [0]})
    with pytest.raises(ValueError):   # columns that do not line up
        bridge_script("2018-07-20", "2018-07-22", counts={"p": [3, 4], "t": [1], "c": [7], "a": [0]})


def test_payload_sends_no_bin(store):
    """The page gets the places, the types, the days and the counts of all dates: never a row per place-day."""
    b = point_day_bins(store)
    p = bins_payload(b)
    assert p["bins"] is True and p["n"] == 0 and not {"d", "t", "p", "c", "gp"} & set(p)
    assert p["W"] == b.window_counts() and sum(p["W"]["c"]) == p["total"] == b.total
    assert p["days"] == b.days and len(p["P"]) == len(b.points)
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
        # one day: only its events (the window's counts come from the server)
        day = json.dumps(b.window_counts("2018-07-20", "2018-07-20"))
        n_day = pg.evaluate(f"EM.showBins(0, 0, {day})")
        assert n_day == int(b.per_point("2018-07-20", "2018-07-20").sum()) < b.total
        assert pg.evaluate("EM.layer.getLayers().reduce((a, m) => a + m.emn, 0)") == n_day
        # close in: a symbol per place with its count; the popup gives the counts per type
        pg.evaluate(f"EM.showBins(0, EM.D.days.length - 1, EM.D.W); {map_var}.setView([32.876, 35.876], 14, "
                    "{animate: false})")
        pg.wait_for_timeout(300)
        sayda, drawn = pg.evaluate("(() => { var m = EM.layer.getLayers().find(m => EM.D.P[m.emp][2] === 'Sayda');"
                                   "return [m.emn, !!m._map]; })()")
        assert drawn and sayda == int(b.per_point()[[p[2] for p in b.points].index("Sayda")])
        text = pg.evaluate("EM.layer.getPopup()._content(EM.layer.getLayers().find("
                           "m => EM.D.P[m.emp][2] === 'Sayda')).innerText")
        assert f"{sayda} events" in text and "Battles" in text and "صيدا" in text
        assert errors == []


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")
def test_the_window_brings_its_counts_to_the_binned_map(store, tmp_path):
    """As in the dashboard: the window (``live_map.window_group``) carries its counts; the map draws those, and a
    new window handed over by the page's bridge redraws the places with its own."""
    from eventmap.views.live_map import bridge_script, window_group

    b = point_day_bins(store)
    m = build_map(store.query(EventFilter(limit=0)), bins=b)
    m.add_child(window_group("2018-07-22", "2018-07-25", counts=b.window_counts("2018-07-22", "2018-07-25")))
    with opened_map(m, tmp_path, ready="window.eventmapReady === true && window.emWindowApplied >= 1") as (pg, errors):
        two_days = int(b.per_point("2018-07-22", "2018-07-25").sum())
        assert 0 < two_days < b.total and pg.evaluate("EM.count") == two_days
        legend = pg.evaluate("Array.from(document.querySelectorAll('.em-legend .em-row[data-ti] .em-n'))"
                             ".reduce((a, e) => a + +e.textContent.replace(/,/g, ''), 0)")
        assert legend == two_days
        script = bridge_script("2018-07-20", "2018-07-20", counts=b.window_counts("2018-07-20", "2018-07-20"))
        # the page's bridge, pointed at this page instead of the dashboard's map frame
        body = script.removeprefix("<script>").removesuffix("</script>").replace(
            """document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]')""", "[{contentWindow: window}]")
        pg.evaluate(body)
        assert pg.evaluate("EM.count") == int(b.per_point("2018-07-20", "2018-07-20").sum())
        assert errors == []


def test_small_results_keep_single_events(store):
    """Below the threshold nothing changes: the map draws each event with its own popup data."""
    m = build_map(store.query(EventFilter()))
    html = m.get_root().render()
    assert '"bins"' not in html and "ev-sayda-0" in html


def _scattered_counts(points_per_place: int = 40):
    """A counts frame of events each at a point of its own, scattered within 3 km of real places (as a store of
    events placed by another geocoder would be), over three days and two types."""
    import numpy as np
    import pandas as pd

    from eventmap.store.testing import PLACES
    rng = np.random.default_rng(7)
    rows = []
    for _pid, _ar, _en, lat, lon, *_ in list(PLACES.values())[:6]:
        for k in range(points_per_place):
            dlat, dlon = rng.uniform(-0.03, 0.03, 2)
            rows.append((("2018-07-20", "2018-07-22", "2018-07-25")[k % 3],
                         ("Battles", "Explosions/Remote violence")[k % 2],
                         round(lat + dlat, 6), round(lon + dlon, 6), 0, int(rng.integers(1, 5))))
    return pd.DataFrame(rows, columns=["day", "event_type", "latitude", "longitude", "approx", "n"]).sort_values(
        "day", kind="stable").reset_index(drop=True)


def test_events_at_too_many_points_are_counted_per_grid_cell(monkeypatch):
    """More distinct points than ``MAX_POINTS``: one symbol per cell of the finest grid that keeps them under it,
    drawn at the cell's busiest point (a real one, named), its count the sum of its points' in every window."""
    from eventmap.views import bins as B
    c = _scattered_counts()
    asked: list = []

    def names(points):
        asked.extend(points)
        return {p: (f"near {p[0]:.3f}", "") for p in points}

    whole = B.from_counts(c, names)
    assert len(whole.points) == len(c[["latitude", "longitude"]].drop_duplicates()) == 240   # under the cap
    monkeypatch.setattr(B, "MAX_POINTS", 30)
    asked.clear()
    b = B.from_counts(c, names)
    assert 6 <= len(b.points) <= 30 and len(asked) == len(b.points)   # names looked up for the symbols only
    real = set(zip(c["latitude"], c["longitude"]))
    assert all((lat, lon) in real and en for lat, lon, en, _ in b.points)
    for since, until in (("2018-07-20", "2018-07-20"), ("2018-07-22", "2018-07-25"), (None, None)):
        assert int(b.per_point(since, until).sum()) == int(whole.per_point(since, until).sum())
        assert b.per_type(since, until) == whole.per_type(since, until)
    # each symbol stands at the busiest point of its cell
    per_point = c.groupby(["latitude", "longitude"])["n"].sum()
    step = next(s for s in B.GRID_STEPS
                if len({(round(a / s), round(o / s)) for a, o in real}) <= 30)
    for lat, lon, *_ in b.points:
        cell = (round(lat / step), round(lon / step))
        mates = [p for p in real if (round(p[0] / step), round(p[1] / step)) == cell]
        assert per_point[(lat, lon)] == max(per_point[p] for p in mates)
