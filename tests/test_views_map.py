"""build_map / payload / offline assets (no browser; the browser tests are in test_export_browser.py)."""

from __future__ import annotations

import base64
import gzip
import json
import re

import folium
import pytest

from _views_exports_data import sample_events, sample_frame
from eventmap.frame import events_frame
from eventmap.views import assets
from eventmap.views.boundaries import load_boundaries
from eventmap.views.colors import TYPE_STYLES, kml_color, style_for
from eventmap.views.map import build_map, build_payload, clicked_event_id, highlight_html
from eventmap.views.payload import encode_payload

URL_RE = re.compile(r'(?:src|href)="([^"]+)"')


def _jscss_links(m: folium.Map) -> list[str]:
    """The asset URLs streamlit-folium would load for this map (same walk as st_folium)."""
    from folium.elements import JSCSSMixin

    out = []

    def walk(e):
        if isinstance(e, JSCSSMixin):
            out.extend(u for _, u in e.default_js)
            out.extend(u for _, u in e.default_css)
        for c in getattr(e, "_children", {}).values():
            walk(c)

    walk(m)
    return out


def test_offline_map_has_only_local_leaflet():
    m = assets.offline_map()
    names = [n for n, _ in m.default_js + m.default_css]
    assert names == ["leaflet_js", "leaflet_css"]      # jquery, bootstrap, awesome-markers, fonts removed
    page = m.get_root().render()
    for hint in assets.CDN_HINTS:
        assert hint not in page
    assert all(u.startswith("data:") for u in URL_RE.findall(page))


def test_build_map_assets_are_data_uris_for_streamlit_folium():
    m = build_map(sample_frame())
    links = _jscss_links(m)
    assert links and all(u.startswith("data:") for u in links)
    decoded = [base64.b64decode(u.split(",", 1)[1]).decode("utf-8") for u in links]
    assert any("MarkerClusterGroup" in d for d in decoded)
    assert any("leaflet" in d.lower() and "L.version" not in d for d in decoded)
    page = m.get_root().render()
    for hint in assets.CDN_HINTS + ("http://", "https://unpkg"):
        if hint == "http://":
            # only links inside popups/attribution text may be http(s); no script or stylesheet is
            assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', page)
        else:
            assert hint not in page


def test_inline_assets_removes_every_data_uri_tag():
    page = assets.inline_assets(build_map(sample_frame()).get_root().render())
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+stylesheet", page)
    assert "L.markerClusterGroup" in page and "leaflet" in page


def test_payload_draws_only_located_events_sorted_by_day():
    f = sample_frame()
    p = build_payload(f)
    assert p["n"] == 5 and p["unresolved"] == 1
    assert len(p["lat"]) == len(p["lon"]) == len(p["id"]) == 5
    assert "ev-nodate" not in p["id"]                      # unresolved: never at a made-up point
    assert p["d"] == sorted(p["d"])
    assert p["days"] == ["2018-07-22", "2018-07-23", "2018-07-24", "2018-07-25"]  # calendar days
    i = p["id"].index("ev-sayda")
    assert (p["lat"][i], p["lon"][i]) == (32.87622, 35.87609)
    assert p["days"][p["d"][i]] == "2018-07-25"
    assert p["S"][p["pa"][i]] == "صيدا" and p["S"][p["pe"][i]] == "Sayda"
    assert p["rtl"][i] == 1 and p["rtl"][p["id"].index("ev-rafid")] == 0
    g = p["id"].index("ev-ghadir")
    assert p["gp"][g] == 2 and p["u"][g] == 2.0
    t = p["T"][p["t"][i]]
    assert t == ["Battles", style_for("Battles").color, "circle"]


def test_payload_escapes_every_report_string_once():
    p = build_payload(sample_frame())
    h = p["id"].index("ev-hostile")
    note = p["S"][p["no"][h]]
    assert "<script>" not in note and "<img" not in note
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in note
    assert "&amp;lt;" not in note                             # not escaped twice
    # the place name as written is marked inside the sentence
    assert note.startswith("Residents of <mark>&lt;img src=x onerror=alert(1)&gt;</mark> protested")
    assert p["S"][p["so"][h]] == "Outlet &lt;script&gt;alert(1)&lt;/script&gt;"
    assert p["S"][p["ur"][h]] == ""                            # javascript: link dropped
    assert p["S"][p["ur"][p["id"].index("ev-sayda")]] == "https://www.enabbaladi.net/archives/245000"
    assert all("<" not in s.replace("<mark>", "").replace("</mark>", "") for s in p["S"])


def test_highlight_uses_evidence_offsets_then_falls_back():
    notes = "قصف على صيدا ثم صيدا"
    ev = json.dumps({"mention_start": 16, "mention_end": 20, "sentence_start": 0})
    assert highlight_html(notes, "صيدا", ev) == "قصف على صيدا ثم <mark>صيدا</mark>"
    assert highlight_html(notes, "صيدا", "{bad json") == "قصف على <mark>صيدا</mark> ثم صيدا"
    assert highlight_html(notes, "درعا", "") == "قصف على صيدا ثم صيدا"
    assert highlight_html("<b>x</b>", "x") == "&lt;b&gt;<mark>x</mark>&lt;/b&gt;"


def test_region_outline_for_an_area_event():
    if not load_boundaries(2):
        pytest.skip("gazetteer boundaries not built")
    quneitra = [b for b in load_boundaries(1) if b.pcode == "SY14"]
    assert quneitra, "Quneitra governorate (SY14) missing from gazetteer boundaries"
    lat, lon = quneitra[0].label_point
    ev = sample_events(hostile=False)[1]
    from dataclasses import replace

    area = replace(ev, event_id="ev-area", place_id="ocha:SY14", geo_precision=3, resolution="approximate",
                   latitude=lat, longitude=lon, place_name_en="Quneitra", place_name_ar="القنيطرة")
    p = build_payload(events_frame([area, ev]))
    i = p["id"].index("ev-area")
    assert p["rg"][i] == 0 and p["R"][0]["type"] in ("Polygon", "MultiPolygon")
    assert p["rg"][p["id"].index("ev-rafid")] == -1


def test_selected_event_and_compressed_payload_round_trip():
    p = build_payload(sample_frame(), selected_event_id="ev-nabaa")
    assert p["id"][p["sel"]] == "ev-nabaa"
    assert build_payload(sample_frame(), selected_event_id="nope")["sel"] == -1
    enc = json.loads(encode_payload(p, compress_above=10))
    assert set(enc) == {"z"}
    assert json.loads(gzip.decompress(base64.b64decode(enc["z"]))) == p
    assert json.loads(encode_payload(p)) == p                 # small: plain JSON literal


def test_build_map_layers_and_legend():
    m = build_map(sample_frame(), heat=True, cluster=False)
    page = m.get_root().render()
    assert "L.featureGroup()" in page and "L.heatLayer" in page
    def js(name):
        return json.dumps(name)[1:-1]

    assert js("Events · أحداث") in page and js("Heat map · خريطة حرارية") in page
    assert "without a place is not drawn" in page             # the unresolved event is counted in the legend
    if load_boundaries(1):
        assert js("Governorates · محافظات") in page and js("Sub-districts · نواحي") in page
    assert "eventmapReady" in page
    m2 = build_map(sample_frame(), boundaries=False)
    assert "Governorates" not in m2.get_root().render()
    assert "Governorates" in page or not load_boundaries(1)


def test_empty_frame_still_builds_a_map():
    m = build_map(events_frame([]))
    assert "eventmapReady" in m.get_root().render()


def test_clicked_event_id_from_st_folium_result():
    assert clicked_event_id({"last_object_clicked_tooltip": "2018-07-25 · Battles\nصيدا · Sayda\n#ev-sayda"}) == "ev-sayda"
    assert clicked_event_id(None) is None
    f = sample_frame()
    near = {"last_object_clicked": {"lat": 32.87623, "lng": 35.87608}, "last_object_clicked_tooltip": None}
    assert clicked_event_id(near, f) == "ev-sayda"
    far = {"last_object_clicked": {"lat": 33.5, "lng": 36.3}}
    assert clicked_event_id(far, f) is None


def test_colour_table_is_one_place():
    assert len({s.color for s in TYPE_STYLES}) == len(TYPE_STYLES)
    assert len({s.shape for s in TYPE_STYLES}) == len(TYPE_STYLES)
    assert style_for("battles").color == style_for("Battles").color
    assert style_for("Something new").event_type == "Something new"
    assert kml_color("#D55E00") == "ff005ed5"


def test_a_hostile_date_is_escaped_too():
    f = sample_frame()
    f.loc[f["event_id"] == "ev-rafid", "event_date"] = "<img src=x onerror=alert(1)>"
    p = build_payload(f)
    assert all("<" not in d for d in p["days"])
    assert "&lt;img src=x" in " ".join(p["days"])
    assert p["days"][p["d"][p["id"].index("ev-rafid")]].startswith("&lt;img")


def test_region_outline_for_a_curated_region():
    from dataclasses import replace

    from shapely.geometry import shape

    from eventmap.views.boundaries import outline_for_place, region_members

    if not region_members("yarmouk-basin"):
        pytest.skip("gazetteer regions not built")
    assert region_members("yarmouk-basin") == ("SY120003", "SY120305")   # Ash-Shajara + Tassil
    ev = sample_events(hostile=False)[0]
    # the gazetteer's point for region:yarmouk-basin
    area = replace(ev, event_id="ev-basin", place_id="region:yarmouk-basin", geo_precision=3,
                   resolution="approximate", latitude=32.80254, longitude=35.903023,
                   place_name_en="Yarmouk Basin", place_name_ar="حوض اليرموك", location="حوض اليرموك",
                   notes="قصفت قوات النظام مواقع في حوض اليرموك بريف درعا الغربي.")
    p = build_payload(events_frame([area]))
    outline = shape(p["R"][p["rg"][0]])
    members = [b for lvl in (3,) for b in load_boundaries(lvl) if b.pcode in ("SY120003", "SY120305")]
    assert len(members) == 2
    assert outline.area == pytest.approx(sum(m.geometry.area for m in members), rel=0.02)
    from shapely.geometry import Point

    assert outline.buffer(0.01).contains(Point(35.92916, 32.88117))   # Al Bakkar lies in Tassil
    assert outline_for_place("wof:1276450189") is None and outline_for_place("region:nowhere") is None


def test_report_text_is_never_evaluated_as_a_template():
    """branca compiles rendered macros with Jinja: report text must never reach that compile."""
    from dataclasses import replace

    from eventmap.exports import ExportMeta
    from eventmap.exports.html import render_html

    # what an evaluated template would print holds letters no hex element id holds (an id once held "abcd")
    hostile = ("وشن الطيران الحربي غارات على بلدة صيدا {{ 'qr' * 2 }} {{ 'wx' ~ 'yz' }} "
               "{% for x in range(3) %}X{% endfor %} {# note #} {{ \" صباح اليوم.")
    e = replace(sample_events(hostile=False)[0], notes=hostile, actor1="{% if 1 %}Y{{ 'ef' ~ 'gh' }}")
    f = events_frame([e])
    page = build_map(f).get_root().render()              # a stray '{{ "' would raise TemplateSyntaxError
    html = render_html(f, ExportMeta(title="{{ 'ij' ~ 'kl' }} {% if %}", filters={"q": ["{{ 'mn' ~ 'op' }}"]}))
    for out in (page, html):
        for evaluated in ("qrqr", "wxyz", "efgh", "ijkl", "mnop", "XXX"):
            assert evaluated not in out
    p = build_payload(f)
    note = p["S"][p["no"][0]]
    assert "&#123;&#123; &#x27;qr&#x27; * 2 &#125;&#125;" in note   # kept as text (entities show "{")
    assert json.loads(re.search(r'id="eventmap-meta">(.*?)</script>', html).group(1))["title"] == \
        "{{ 'ij' ~ 'kl' }} {% if %}"
