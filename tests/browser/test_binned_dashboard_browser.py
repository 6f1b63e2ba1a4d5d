"""The dashboard of a store above the binning threshold, in a real browser: the map draws places with counts,
and the counts of each time window come from the server with the window (``views.bins.window_counts``).

``EVENTMAP_BIN_ABOVE`` is set low for this module's server, so the seeded store is drawn binned.
"""

from __future__ import annotations

import os
import re

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def binned():
    """Set before the module's server starts (an autouse fixture of its scope is made first)."""
    old = os.environ.get("EVENTMAP_BIN_ABOVE")
    os.environ["EVENTMAP_BIN_ABOVE"] = "5"
    yield
    if old is None:
        os.environ.pop("EVENTMAP_BIN_ABOVE", None)
    else:
        os.environ["EVENTMAP_BIN_ABOVE"] = old


def _on_the_map(page) -> int:
    line = page.page.locator('[data-testid="em-count"]').inner_text()
    return int(re.search(r"([\d,]+) on the map", line).group(1).replace(",", ""))


def test_the_binned_map_draws_the_window_the_page_counts(page):
    page.open()
    frame = page.map_frame()
    # places with counts, and no row per event or per place-day in the page
    assert frame.evaluate("() => EM.D.bins === true && EM.D.n === 0 && EM.D.d === undefined")
    shown = _on_the_map(page)
    assert shown > 0 and frame.evaluate("() => EM.count") == shown
    assert frame.evaluate("() => EM.layer.getLayers().reduce(function(a, m){ return a + m.emn; }, 0)") == shown
    # the last day leaves the window: the page's count and the map's fall together, the frame is not reloaded
    span = page.server.seeded["span"]
    end = page.page.locator('[data-testid="stSlider"] input[type=range]').nth(1)
    assert end.get_attribute("aria-valuetext") == span[1]
    frame.evaluate("() => { window.emSameData = EM.D; }")
    end.focus()
    page.page.keyboard.press("ArrowLeft")
    page.idle()
    page.page.wait_for_function("() => /until=/.test(location.search)")
    frame.wait_for_function(f"() => EM.count !== {shown}")
    after = _on_the_map(page)
    assert after < shown and frame.evaluate("() => EM.count") == after
    assert frame.evaluate("() => EM.D === window.emSameData")
    legend = frame.evaluate("() => Array.from(document.querySelectorAll('.em-legend .em-row[data-ti] .em-n'))"
                            ".reduce(function(a, e){ return a + +e.textContent.replace(/,/g, ''); }, 0)")
    assert legend == after
