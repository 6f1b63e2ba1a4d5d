"""A printed brief: numbered places on the map, their events listed beside it (``eventmap export --list``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _views_exports_data import HOSTILE_IMG, HOSTILE_SCRIPT, sample_frame

from eventmap.cli import main
from eventmap.exports import ExportMeta
from eventmap.exports.brief import list_html, numbered_places
from eventmap.exports.html import render_html
from eventmap.exports.png import CHROMIUM, CHROMIUM_ARGS


def test_places_are_numbered_in_the_order_of_their_first_event():
    f = sample_frame()
    numbers, places, unplaced = numbered_places(f)
    by_id = dict(zip(f["event_id"], numbers))
    # 22 Jul Nab` as Sakhr, 24 Jul Ar Rafid and Ghadir al Bustan, 25 Jul Sayda and Al Bakkar
    assert by_id["ev-nabaa"] == 1 and {by_id["ev-rafid"], by_id["ev-ghadir"]} == {2, 3}
    assert {by_id["ev-sayda"], by_id["ev-hostile"]} == {4, 5}
    assert by_id["ev-nodate"] == 0 and [e["location"] for e in unplaced] == ["المهير"]
    assert [p.number for p in places] == [1, 2, 3, 4, 5]
    assert next(p for p in places if p.name_en == "Ghadir al Bustan").approximate


def test_places_beyond_the_limit_are_not_numbered():
    numbers, places, _ = numbered_places(sample_frame(), limit=2)
    assert len(places) == 2 and sorted(set(numbers)) == [0, 1, 2]


def test_list_escapes_once_and_isolates_names():
    _, places, unplaced = numbered_places(sample_frame())
    h = list_html(places, unplaced, total_places=len(places))
    assert HOSTILE_SCRIPT not in h and HOSTILE_IMG not in h
    assert '<bdi dir="rtl" lang="ar">صيدا</bdi> · <bdi>Sayda</bdi>' in h
    assert "24 Jul</span> Shelling/artillery/missile attack" in h
    assert "Without a place" in h and "<bdi>المهير</bdi>" in h


def test_numbered_page_keys_markers_to_the_list():
    html = render_html(sample_frame(), ExportMeta(title="Quneitra brief"), numbered=True)
    assert html.count('class="el-p"') == 5 and '"num":' in html
    assert "em-list" in html and "emListFitted" in html


def test_list_is_for_maps_only(tmp_path, capsys):
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "x.csv"), "--list",
                 "--db", str(tmp_path / "empty.gpkg")]) == 2
    assert "--list numbers the places of a map" in capsys.readouterr().err


#: cluster every event, step out ``k`` zoom levels and flag the end of MarkerCluster's re-clustering
#: (its 'animationend' after the zoom, when the map relabels and declutters)
CLUSTER_OUT_JS = """(k) => { window.emClustered = false;
  EM.UNCLUSTERED = 0; EM.showRange(EM.range[0], EM.range[1]);
  const still = (last, n) => requestAnimationFrame(() => {   // then wait until the cluster icons stop gliding
    const now = JSON.stringify([...document.querySelectorAll('.em-cluster')].map(e => e.getBoundingClientRect()));
    if (now === last && n >= 3) window.emClustered = true; else still(now, now === last ? n + 1 : 0); });
  EM.map.once('zoomend', () => EM.layer.once('animationend', () => still('', 0)));
  EM.map.setZoom(EM.map.getZoom() - k, {animate: false}); }"""

LABELS_JS = """() => {
  // shown: laid out, not hidden, not fading out (Leaflet sets opacity 0 and removes the label 200 ms later)
  const shown = e => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden' && e.style.opacity !== '0';
  const box = e => e.getBoundingClientRect();
  const over = (a, b) => !(a.right <= b.left || a.left >= b.right || a.bottom <= b.top || a.top >= b.bottom);
  const labs = [...document.querySelectorAll('.em-lab, .em-num')].filter(shown).map(e => [e.textContent, box(e)]);
  const obs = [...document.querySelectorAll('.em-cluster, .marker-cluster, .em-legend, .em-title, .em-far')]
    .filter(e => e.offsetParent !== null).map(e => [e.className, box(e)]);
  const bad = [];
  for (const [t, a] of labs) for (const [k, b] of obs) if (over(a, b)) bad.push(t + ' under ' + k);
  const nums = [...document.querySelectorAll('.em-num')].map(e => [e.textContent, shown(e)]);
  const listed = [...document.querySelectorAll('.em-list li.el-p')].map(e => [e.getAttribute('value'), !e.hidden]);
  const list = document.querySelector('.em-list');
  const overflow = list ? [...list.querySelectorAll('li.el-p')].filter(e => !e.hidden)
    .some(e => e.getBoundingClientRect().bottom > list.getBoundingClientRect().bottom) : false;
  return {labels: labs.length, clusters: document.querySelectorAll('.em-cluster').length, bad, nums, listed, overflow,
          cut: list ? list.querySelector('.el-cut').hidden ? '' : list.querySelector('.el-cut').textContent : ''};
}"""


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _open(browser, html: str, tmp_path, size) -> object:
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    pg = browser.new_context(viewport={"width": size[0], "height": size[1]}).new_page()
    pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:")) else r.abort())
    pg.goto(p.as_uri())
    pg.wait_for_function("window.eventmapReady === true")
    pg.evaluate("document.fonts.ready.then(() => true)")
    return pg


@pytest.mark.browser
@pytest.mark.parametrize("size", [(1440, 900), (1280, 720)])
def test_numbers_on_the_map_match_the_list_and_none_is_covered(browser, tmp_path, size):
    pg = _open(browser, render_html(sample_frame(), ExportMeta(title="Brief"), numbered=True), tmp_path, size)
    got = pg.evaluate(LABELS_JS)
    assert got["bad"] == [], got
    assert sorted(n for n, shown in got["nums"]) == ["1", "2", "3", "4", "5"] and all(s for _, s in got["nums"])
    assert [v for v, shown in got["listed"] if shown] == ["1", "2", "3", "4", "5"] and not got["overflow"]
    pg.context.close()


@pytest.mark.browser
def test_a_list_longer_than_the_page_says_what_it_left_out(browser, tmp_path):
    pg = _open(browser, render_html(sample_frame(), ExportMeta(title="Brief"), numbered=True), tmp_path, (900, 170))
    got = pg.evaluate(LABELS_JS)
    shown = [v for v, s in got["listed"] if s]
    assert 0 < len(shown) < 5 and not got["overflow"]
    assert f"numbers {len(shown) + 1}–5" in got["cut"] and "not listed for want of room" in got["cut"]
    pg.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("size", [(1440, 900), (1280, 720)])
def test_exported_page_labels_never_under_clusters_or_the_legend(browser, tmp_path, size):
    pg = _open(browser, render_html(sample_frame(), ExportMeta(title="Quneitra, July 2018")), tmp_path, size)
    assert pg.evaluate(LABELS_JS)["bad"] == []
    pg.evaluate(CLUSTER_OUT_JS, 2)
    pg.wait_for_function("() => window.emClustered === true")
    got = pg.evaluate(LABELS_JS)
    assert got["clusters"] > 0 and got["labels"] > 0 and got["bad"] == [], got
    pg.context.close()


@pytest.mark.browser
def test_cli_png_brief_with_list(tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium")
    from _views_exports_data import sample_events
    from PIL import Image

    from eventmap.model import Report
    from eventmap.store import content_hash, open_store

    db = str(tmp_path / "s.gpkg")
    with open_store(db) as store:
        for e in sample_events():
            store.ingest(Report(text=e.notes, published=e.published, source=e.source, language=e.language,
                                report_id=content_hash(e.notes)), [e])
    out = tmp_path / "brief.png"
    assert main(["export", "-o", str(out), "--db", db, "--list", "--size", "1200x700", "--admin1", "Qunaitra"]) == 0
    img = Image.open(out)
    assert img.size == (1200, 700)
    # the list's white column on the right, the map's colours on the left
    right = img.convert("RGB").crop((1200 - 300, 300, 1200 - 10, 690)).getcolors(1_000_000)
    assert max(right)[1] == (255, 255, 255)
    assert "governorate: Quneitra" in img.text.get("Description", "")


def _crowded_frame():
    """The sample plus the villages nearest Tafas (real gazetteer entries, a few km apart): their numbers crowd."""
    import math

    import pandas as pd
    from _views_exports_data import _ev

    from eventmap.frame import events_frame
    from eventmap.places.gazetteer import default_gazetteer

    g = default_gazetteer()
    (tafas,) = [c.place for c in g.lookup("طفس").candidates[:1]]
    near = sorted((p for p in g.places if p.kind in ("village", "town", "city") and p.admin1_en == "Dar'a"),
                  key=lambda p: math.dist((p.lat, p.lon), (tafas.lat, tafas.lon)))[:14]
    evs = [_ev(f"ev-near-{k}", f"2018-07-{10 + k}", "Battles", "Armed clash", p.name_ar, p.id, p.name_ar, p.name_en,
               "Dar'a", p.admin2_en, p.admin3_en, p.lat, p.lon,
               f"اندلعت اشتباكات عنيفة في بلدة {p.name_ar} بريف درعا الغربي بين قوات النظام وفصائل محلية.")
           for k, p in enumerate(near)]
    return pd.concat([sample_frame(hostile=False), events_frame(evs)], ignore_index=True)


NUMS_APART_JS = """() => {
  const shown = e => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden';
  const nums = [...document.querySelectorAll('.em-num')].filter(shown).map(e => [e.textContent, e.getBoundingClientRect()]);
  const bad = [];
  for (let i = 0; i < nums.length; i++) for (let j = i + 1; j < nums.length; j++) {
    const a = nums[i][1], b = nums[j][1];
    if (!(a.right <= b.left || a.left >= b.right || a.bottom <= b.top || a.top >= b.bottom)) bad.push(nums[i][0] + '/' + nums[j][0]);
  }
  return {n: nums.length, bad};
}"""


LEADERS_JS = """() => {
  const lines = (EM.numLeaders ? EM.numLeaders.getLayers() : []).map(l => {
    const [a, b] = l.getLatLngs().map(ll => EM.map.latLngToContainerPoint(ll)), c = EM.map.getContainer().getBoundingClientRect();
    const at_marker = EM.layer.getLayers().some(m => m._map && m.getRadius &&
      Math.abs(EM.map.latLngToContainerPoint(m.getLatLng()).distanceTo(a) - m.getRadius()) <= 6);
    const in_number = [...document.querySelectorAll('.em-num')].some(e => { const r = e.getBoundingClientRect();
      return r.left <= c.left + b.x && c.left + b.x <= r.right && r.top <= c.top + b.y && c.top + b.y <= r.bottom; });
    return {at_marker, in_number};
  });
  return {lines};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("size", [(1280, 720), (1100, 650)])
def test_crowded_numbers_step_aside_rather_than_cover_each_other(browser, tmp_path, size):
    # 18 places, 14 of them a few km apart: numbers take a second ring of spots beside their marker; no label
    # is left under the title panel once it has its final size
    frame = _crowded_frame()
    pg = _open(browser, render_html(frame, ExportMeta(title="Western Daraa"), numbered=True), tmp_path, size)
    got = pg.evaluate(NUMS_APART_JS)
    assert got["n"] == len(numbered_places(frame)[1]) and got["bad"] == [], got
    assert pg.evaluate(LABELS_JS)["bad"] == []
    # a number set a ring apart is tied to its own marker by a line: it starts at a marker's edge, ends in a number
    leaders = pg.evaluate(LEADERS_JS)
    assert all(x["at_marker"] and x["in_number"] for x in leaders["lines"]), leaders
    if size == (1100, 650):
        assert leaders["lines"], leaders          # crowded enough here that some numbers take the second ring
    # the data's attribution (CC BY) is read whole, not under the legend, on a map narrowed by the list
    apart = pg.evaluate("""() => { const a = document.querySelector('.leaflet-control-attribution').getBoundingClientRect(),
      b = document.querySelector('.em-legend').getBoundingClientRect(); return a.right <= b.left || a.bottom <= b.top; }""")
    assert apart
    pg.context.close()


@pytest.mark.browser
def test_a_long_list_tightens_before_it_leaves_a_place_out(browser, tmp_path):
    # 18 places at 1280x720: two lines each would not fit; one line of events per place does
    frame = _crowded_frame()
    pg = _open(browser, render_html(frame, ExportMeta(title="Western Daraa"), numbered=True), tmp_path, (1280, 720))
    got = pg.evaluate(LABELS_JS)
    assert [v for v, shown in got["listed"] if shown] == [str(k) for k in range(1, 19)], got
    assert got["cut"] == "" and not got["overflow"]
    assert pg.evaluate("document.querySelector('.em-list').classList.contains('el-compact')")
    pg.context.close()
