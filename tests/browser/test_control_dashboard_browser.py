"""The dashboard's control layer in a real browser: moving the time slider across the day a village changed
hands recolours its ring, and the changes view lists the change."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

#: our own sentence: the army leaves Al Bakkar on Wednesday 1 August 2018
ARMY_LEAVES_BAKKAR = ("أفاد ناشطون من ريف درعا الغربي أن قوات النظام انسحبت من قرية البكار مساء الأربعاء "
                      "وسلّمت نقاطها لعناصر من الفصائل.")


@pytest.fixture(scope="module", autouse=True)
def _withdrawal(server):
    """Stored before the app first reads this module's store."""
    from eventmap.events.extract import extract_events
    from eventmap.store.testing import make_report

    if not server.seeded["sample"]:
        pytest.skip("the extractor is not installed: no sample report")
    rep = make_report(ARMY_LEAVES_BAKKAR, "2018-08-02", source="Horan Free League", url="https://example.org/b")
    with server.store() as store:
        store.ingest(rep, extract_events(rep.text, rep.published, source=rep.source, url=rep.url))


def _bakkar(frame) -> str:
    return frame.evaluate("""() => { var C = EM.ctl, p = C.p.filter(function(q){ return q.n.indexOf('<b>Al Bakkar</b>') >= 0; })[0];
        return C.markers[p.k]._emH; }""")


def test_moving_the_slider_across_a_change_recolours_the_village(page):
    page.open("from=2018-07-20&to=2018-07-31")
    frame = page.map_frame()
    frame.wait_for_function("() => EM.ctl && EM.ctl.day === '2018-07-31'")
    assert _bakkar(frame) == "government"
    before = page.page.locator('[data-testid="em-changes"]').inner_text()
    m = re.search(r"Changed hands from 2018-07-20 to 2018-07-31: (\d+)", before)
    assert m and int(m.group(1)) >= 22     # the seed report's 22 places, at least
    end = page.page.locator('[data-testid="stSlider"] input[type=range]').nth(1)
    assert end.get_attribute("aria-valuetext") == "2018-07-31"
    end.focus()
    page.page.keyboard.press("ArrowRight")        # the window now ends on 2018-08-01
    page.idle()
    # (2018-08-01 is the last day with events: the address bar then drops "until=")
    page.page.wait_for_function("() => /to 2018-08-01/.test(document.querySelector('[data-testid=em-changes]').textContent)")
    frame.wait_for_function("() => EM.ctl.day === '2018-08-01'")
    assert _bakkar(frame) == "opposition"
    ring = frame.evaluate("""() => { var C = EM.ctl, p = C.p.filter(function(q){ return q.n.indexOf('<b>Al Bakkar</b>') >= 0; })[0];
        return C.markers[p.k].options.color; }""")
    assert ring == "#1b7837"
    changes = page.page.locator('[data-testid="em-changes"]').inner_text()
    assert f"Changed hands from 2018-07-20 to 2018-08-01: {int(m.group(1)) + 1}" in changes
    assert page.blocked == []
