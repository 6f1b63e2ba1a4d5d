"""The dashboard in a real browser: offline map, timeline, URL state, escaping, ingest, pinning.

Tests that change the store (ingest, pin) come last in the file; the others only read.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_page_loads_offline_and_draws_the_sample(page):
    if not page.server.seeded["sample"]:
        pytest.skip("the extractor is not installed: no sample report")
    page.open()
    frame = page.map_frame()
    drawn = page.server.seeded["drawn"]
    assert frame.evaluate("() => EM.D.n") == drawn
    # every drawn event of the whole span is shown (markers or clusters), and the page says how many
    assert frame.evaluate("() => EM.count") == drawn
    assert page.count() == page.server.seeded["total"]
    # (approximate names that share an estimate are drawn apart from the clusters, on their ring)
    assert frame.locator(".leaflet-marker-icon, path.leaflet-interactive").count() > 0 or \
        frame.evaluate("() => EM.layer.getLayers().length + EM.ringLayer.getLayers().length") == drawn
    # the boundary basemap and the attribution are there with no tiles
    assert frame.evaluate("() => EM.boundaries[1]") > 0
    assert "OCHA" in frame.locator(".leaflet-control-attribution").inner_text()
    assert page.blocked == [], f"requests left the machine: {page.blocked[:5]}"
    # the histogram is plain HTML: its bars are there, each with its tooltip, and no charting library loaded
    bars = page.page.locator(".em-hist .em-bar")
    assert bars.count() >= 1 and re.match(r"\d{4}-\d\d-\d\d: \d+ events?\n", bars.first.get_attribute("title"))
    assert page.page.locator(".em-hist").bounding_box()["height"] > 50
    charting = r"/VegaLite|vega-|\/embed\./"      # Streamlit's Vega-Lite element, Vega itself (not the grid's stub)
    assert not page.page.evaluate(f"() => performance.getEntriesByType('resource').some(r => {charting}.test(r.name))")


def test_moving_the_timeline_changes_count_and_markers(page):
    page.open()
    frame = page.map_frame()
    before_n, before_markers = page.count(), frame.evaluate("() => EM.count")
    band = "document.querySelector('.em-hist .em-band').getBoundingClientRect().width"
    before_band = page.page.evaluate(f"() => {band}")
    page.page.evaluate("() => { document.querySelector('.em-hist').emKept = true; }")
    span = page.server.seeded["span"]
    end = page.page.locator('[data-testid="stSlider"] input[type=range]').nth(1)
    assert end.get_attribute("aria-valuetext") == span[1]
    end.focus()
    page.page.keyboard.press("ArrowLeft")  # the last day leaves the window
    page.idle()
    page.page.wait_for_function("() => /until=/.test(location.search)")
    after_n = page.count()
    frame.wait_for_function(f"() => EM.count !== {before_markers}")
    after_markers = frame.evaluate("() => EM.count")
    assert after_n < before_n
    assert after_markers < before_markers
    page.page.wait_for_function(f"() => {band} < {before_band}")   # the histogram's shaded window follows
    # ... by its style rule alone: the bars are the same nodes, not drawn again, and one rule places the band
    assert page.page.evaluate("() => document.querySelector('.em-hist').emKept === true")
    assert page.page.evaluate("() => [...document.querySelectorAll('style')].filter("
                              "s => s.textContent.includes('.em-band{left')).length") == 1
    # the map frame was not reloaded: the same decoded data, a new window applied
    assert frame.evaluate("() => window.emWindowApplied") >= 2
    last = frame.evaluate("() => EM.D.days[EM.range[1]]")
    assert last < span[1]


def test_play_steps_the_window_day_by_day(page):
    lo, hi = page.server.seeded["span"]
    page.open()
    frame = page.map_frame()
    page.page.get_by_role("button", name="▶ Play").click()
    # the first step turns the whole span into its first day, the next ones slide it a day at a time
    page.page.wait_for_function(f"() => /since={lo}&until={lo}|until=/.test(location.search)", timeout=30_000)
    page.page.wait_for_function("() => /since=2018-07-1[1-9]/.test(location.search)", timeout=30_000)
    assert frame.evaluate("() => EM.range[0] === EM.range[1]")  # a one-day window on the map
    page.page.get_by_role("button", name="⏸ Pause").click()
    page.idle()
    url = page.page.url
    page.page.wait_for_timeout(2500)
    assert page.page.url == url  # paused: the window stays


def test_bookmarked_url_restores_the_filters(page):
    lo, hi = page.server.seeded["span"]
    page.open(f"type=Battles&from={lo}&to={hi}&q=")
    frame = page.map_frame()
    sidebar = page.page.locator('[data-testid="stSidebar"]')
    assert "Battles" in sidebar.locator('[data-testid="stMultiSelect"]').first.inner_text()
    battles = page.server.seeded["battles"]
    assert page.count() == battles
    types = frame.evaluate("() => EM.D.T.map(function(t){ return t[0]; })")
    assert types == ["Battles"] or battles == 0
    # the filter stays in the address bar, so the view can be shared
    assert "event_types=Battles" in page.page.url


def test_bookmarked_window_restores_the_slider(page):
    lo, hi = page.server.seeded["span"]
    page.open(f"since={hi}&until={hi}")
    thumbs = page.page.locator('[data-testid="stSlider"] input[type=range]')
    assert thumbs.nth(0).get_attribute("aria-valuetext") == hi
    assert thumbs.nth(1).get_attribute("aria-valuetext") == hi
    frame = page.map_frame()
    frame.wait_for_function("() => window.emWindowApplied >= 1")
    assert frame.evaluate("() => EM.D.days[EM.range[0]]") == hi


def test_marker_click_opens_the_details_panel(page):
    page.open()
    frame = page.map_frame()
    frame.evaluate("() => EM.layer.disableClustering ? EM.layer.disableClustering() : null")
    pt = frame.evaluate("""() => { var D = EM.D; for (var i = 0; i < D.n; i++) { var m = EM.markers[i];
        if (m && m._map) { var p = EM.map.latLngToContainerPoint(m.getLatLng());
        if (p.x > 20 && p.y > 20 && p.x < 500 && p.y < 400) return [p.x, p.y, D.id[i]]; } } return null; }""")
    if pt is None:
        pytest.skip("no unclustered marker in the first view")
    box = page.page.locator('iframe[title="streamlit_folium.st_folium"]').first.bounding_box()
    page.page.mouse.click(box["x"] + pt[0], box["y"] + pt[1])
    page.idle()
    page.page.wait_for_function(f"() => location.search.indexOf('ev={pt[2]}') >= 0")
    # the address bar can change before the rerun's panel has replaced the old one: read it until it holds
    # the event (Playwright's expect retries; a panel that never shows it still fails after 15 s)
    from playwright.sync_api import expect

    expect(page.page.locator('[data-testid="stHtml"]').first).to_contain_text(f"#{pt[2]}", timeout=15_000)


def test_selecting_a_table_row_centres_the_map_on_it(page):
    page.open()
    frame = page.map_frame()
    grid = page.page.locator('.st-key-table [data-testid="stDataFrame"]')   # the events table
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.page.mouse.click(box["x"] + 17, box["y"] + 35 + 17)  # the first row's selection box
    page.page.wait_for_function("() => /[?&]ev=/.test(location.search)", timeout=30_000)
    ev = page.page.evaluate("() => new URLSearchParams(location.search).get('ev')")
    frame = page.map_frame()
    frame.wait_for_function(f"() => EM.shownEv === {ev!r}", timeout=30_000)
    i = frame.evaluate(f"() => EM.D.id.indexOf({ev!r})")
    # centred on it at zoom 12 or more (the popup's auto-pan may shift the centre by a few hundred metres)
    assert frame.evaluate(f"() => EM.map.getBounds().pad(-0.2).contains([EM.D.lat[{i}], EM.D.lon[{i}]])")
    assert frame.evaluate("() => EM.map.getZoom()") >= 12
    assert frame.locator(".leaflet-popup-content").count() == 1
    assert f"#{ev}" in page.page.locator('[data-testid="stHtml"]').first.inner_text()


def test_hostile_article_runs_nothing_and_shows_its_characters(page):
    hid = page.server.seeded["hostile_id"]
    page.open(f"ev={hid}")
    frame = page.map_frame()
    panel = page.page.locator('[data-testid="stHtml"]').first
    text = panel.inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "<img src=x onerror=alert(2)>" in text  # the outlet name
    assert panel.locator("img, script").count() == 0
    assert panel.locator('a[href^="javascript"]').count() == 0
    # the map's popup (opened for ?ev=) shows the same characters as text
    frame.wait_for_selector(".leaflet-popup-content", state="attached")
    pop = frame.locator(".leaflet-popup-content")
    assert "<img src=x onerror=alert(1)>" in pop.inner_text()
    assert pop.locator("img, script").count() == 0
    # the table shows them too, as text
    page.page.wait_for_timeout(800)
    assert page.dialogs == []
    assert page.page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0


def test_reference_layer_toggle_draws_the_window_rows(page):
    assert page.server.seeded["acled"] == 2
    page.open("ref=acled&since=2018-07-20&until=2018-07-26")
    frame = page.map_frame()
    frame.wait_for_function("() => window.emReference >= 1")
    assert frame.evaluate("() => window.emReference") == 1  # the 2018-07-12 row is outside the window
    # the sidebar may still be re-rendering after st_folium's first answer: wait for the chip, not one read
    chip = page.page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]', has_text="ACLED")
    chip.first.wait_for(state="visible", timeout=20_000)
    page.open("")  # the toggle is off by default
    frame = page.map_frame()
    assert frame.evaluate("() => window.emReference || 0") == 0


def test_unresolved_events_are_listed_not_drawn(page):
    uid = page.server.seeded["unresolved_id"]
    page.open()
    frame = page.map_frame()
    assert frame.evaluate(f"() => EM.D.id.indexOf({uid!r})") == -1
    assert "المهير" in page.page.locator('[data-testid="stDataFrame"]').first.inner_text() or \
        "without a place" in page.page.locator('[data-testid="em-count"]').inner_text()


def test_ingested_pasted_report_adds_its_events(page):
    from eventmap.events.extract import extract_events  # noqa: F401 - skip cleanly without the extractor

    text = ("Syrian army units took control of Jasim in the northern countryside of Daraa on Wednesday "
            "after clashes with militants, SANA reported.")
    page.open("page=ingest")
    page.page.locator('[data-testid="stTextArea"] textarea').fill(text)
    date = page.page.locator('[data-testid="stDateInput"] input').first
    date.fill("2018-07-20")
    date.press("Enter")
    page.page.keyboard.press("Escape")  # close the calendar pop-up
    page.page.locator('[data-testid="stTextInput"] input').first.fill("SANA")
    page.page.get_by_role("button", name="Preview extracted events").click()
    page.page.get_by_text("Report 1").wait_for(timeout=60_000)
    page.idle()
    pv = page.map_frame()
    assert pv.evaluate("() => EM.D.n") >= 1
    page.page.get_by_label("Your name (recorded with your corrections)").fill("Test Analyst")
    page.page.get_by_role("button", name="Save to the store").click()
    page.page.get_by_text("Saved — new").wait_for(timeout=60_000)
    with page.server.store() as s:
        from eventmap.store import EventFilter

        jasim = s.query(EventFilter(text="Jasim"))
    assert len(jasim) >= 1
    page.open("")
    frame = page.map_frame()
    for eid in jasim["event_id"]:
        assert frame.evaluate(f"() => EM.D.id.indexOf({eid!r})") >= 0


def test_pinned_unresolved_name_moves_onto_the_map(page):
    uid = page.server.seeded["unresolved_id"]
    page.open("page=unresolved")
    page.page.get_by_text(re.compile("^\u2068?المهير\u2069? — ")).first.click()
    page.idle()
    # the analyst types coordinates (a test value: the pin mechanism, not a claim about the village)
    page.page.get_by_label(re.compile("^Point \\(latitude, longitude\\)")).fill("32.918, 35.916")
    page.page.keyboard.press("Tab")
    page.idle()
    page.page.get_by_label("Your name").fill("Test Analyst")
    page.page.keyboard.press("Tab")
    page.page.get_by_role("button", name="Pin here").click()
    page.page.get_by_text(re.compile("Pinned المهير")).wait_for(timeout=60_000)
    page.open("")
    frame = page.map_frame()
    i = frame.evaluate(f"() => EM.D.id.indexOf({uid!r})")
    assert i >= 0
    assert frame.evaluate(f"() => [EM.D.lat[{i}], EM.D.lon[{i}]]") == [32.918, 35.916]
