"""build_map as streamlit-folium renders it (its own script assembly), in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from _views_exports_data import sample_frame
from eventmap.exports.png import CHROMIUM, CHROMIUM_ARGS
from eventmap.views.map import build_map, clicked_event_id

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")]


def _st_folium_page(m) -> str:
    """The page streamlit-folium's frontend builds: js/css links loaded by URL, then the
    leaflet script it generated (variables renamed to map_div), then ``window.map``."""
    import streamlit_folium as sf
    from folium.elements import JSCSSMixin

    m.get_root().render()
    m.render()
    html, script = sf._get_html(m), sf._get_map_string(m)
    js, css = [], []

    def walk(e):
        if isinstance(e, JSCSSMixin):
            js.extend(u for _, u in e.default_js)
            css.extend(u for _, u in e.default_css)
        for c in getattr(e, "_children", {}).values():
            walk(c)

    walk(m)
    head = "".join(f'<link rel="stylesheet" href="{u}">' for u in dict.fromkeys(css)) + \
        "".join(f'<script src="{u}"></script>' for u in dict.fromkeys(js))
    return (f"<html><head><meta charset=\"utf-8\">{head}</head><body><div id='map_div' style='width:900px;height:550px'></div>"
            f"{html}<script>{script}\nwindow.map = map_div;</script></body></html>")


def test_map_renders_through_streamlit_folium_offline(tmp_path):
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "st.html"
    page_file.write_text(_st_folium_page(build_map(sample_frame(), selected_event_id="ev-rafid")), encoding="utf-8")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            pg = b.new_page()
            attempted, errors = [], []
            pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
                     else (attempted.append(r.request.url), r.abort()))
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.goto(page_file.as_uri())
            pg.wait_for_function("window.eventmapReady === true", timeout=20_000)
            assert attempted == [] and errors == []
            assert pg.evaluate("EM.D.n") == 5 and pg.evaluate("EM.layer.getLayers().length") == 5
            # the selected event is centred with its popup open
            assert "Ar Rafid" in pg.inner_text(".leaflet-popup-content")
            c = pg.evaluate("[map_div.getCenter().lat, map_div.getCenter().lng]")
            assert c == pytest.approx([32.9557, 35.9002], abs=1e-3)
            # what streamlit-folium returns on a marker click: the group tooltip's text for that marker
            tip = pg.evaluate("EM.layer.getTooltip()._content(EM.marker(EM.D.id.indexOf('ev-sayda'))).innerText")
            assert "صيدا" in tip and "Sayda" in tip
            assert clicked_event_id({"last_object_clicked_tooltip": tip}) == "ev-sayda"
        finally:
            b.close()
