"""The default view's first page computed by the server's warm-up (``eventmap.ui.first_view``): the same results
as the app computes, handed over once, waited for while being computed, and taken by the app instead of redone."""

from __future__ import annotations

import threading

import pandas as pd
import pytest
from test_ui_overview import _run_app, store_path  # noqa: F401 - a fixture

from eventmap.store import EventFilter, open_store
from eventmap.ui import first_view, session
from eventmap.views import timeline, warm


@pytest.fixture(autouse=True)
def _clean():
    first_view.clear()
    yield
    first_view.clear()


def test_prepare_computes_what_the_app_would_and_hands_it_over_once(store_path):  # noqa: F811
    first_view.prepare(store_path)
    key, f = first_view.default_filter()
    assert f == EventFilter() and all(not v for v in key)
    with open_store(store_path) as s:
        token = session.data_token(s)
        assert first_view.take("facets", store_path, token) == s.facets()
        assert first_view.take("date_span", store_path, token) == s.date_span(within=timeline.TIMELINE_BOUNDS)
        assert first_view.take("large", store_path, token, key) is False
        frame = first_view.take("events", store_path, token, key)
        pd.testing.assert_frame_equal(frame, s.query(f))
        assert first_view.take("events", store_path, token, key) is first_view.MISSING     # once
        assert first_view.take("counts", store_path, token, key) is first_view.MISSING    # small store: a frame
        assert first_view.take("histogram", store_path, token, key) == timeline.histogram_spec(
            timeline.day_counts(frame))
        m = first_view.take("event_map", store_path, token, key)
        assert "eventmapReady" in m.get_root().render()
        assert first_view.take("control_all", store_path, token) is not first_view.MISSING
        # another store version or filter: nothing (and no wait: nothing is being computed)
        assert first_view.take("facets", store_path, (*token[:-1], -1)) is first_view.MISSING
        assert first_view.take("events", store_path, token, ("x",)) is first_view.MISSING


def test_a_large_store_gets_counts_not_a_frame(store_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("EVENTMAP_BIN_ABOVE", "10")
    first_view.prepare(store_path)
    key, _f = first_view.default_filter()
    with open_store(store_path) as s:
        token = session.data_token(s)
    assert first_view.take("large", store_path, token, key) is True
    assert first_view.take("events", store_path, token, key) is first_view.MISSING
    assert first_view.take("counts", store_path, token, key).total == 18


def test_a_script_run_waits_for_the_warm_up_instead_of_computing_twice(store_path):  # noqa: F811
    first_view.announce()
    got: list = []
    t = threading.Thread(target=lambda: got.append(first_view.take("event_map", store_path, None, (), wait=120)))
    t.start()
    t.join(0.3)
    assert t.is_alive()                     # waiting: the warm-up has not got there
    first_view.prepare(store_path)          # releases every kind, whatever its key
    t.join(60)
    assert not t.is_alive() and got == [first_view.MISSING]      # token None: not this store version


def test_a_failing_warm_up_releases_its_waiters(tmp_path):
    first_view.announce()
    first_view.prepare(str(tmp_path / "no" / "such" / "dir" / "s.gpkg"))
    assert first_view.take("facets", None, (), wait=5) is first_view.MISSING


def test_eventmap_app_asks_the_warm_up_for_the_first_view(tmp_path):
    assert "then=FIRST_VIEW" in warm.BOOT and warm.FIRST_VIEW == "eventmap.ui.first_view:prepare"
    db = str(tmp_path / "w.gpkg")
    warm.warm(db, None, then=warm.FIRST_VIEW)
    with open_store(db) as s:                # the sample, then its first view
        token = session.data_token(s)
    assert first_view.take("facets", db, token) is not first_view.MISSING


@pytest.mark.slow
@pytest.mark.parametrize("bin_above", [None, "10"])
def test_the_app_takes_the_warm_ups_map_and_shows_the_same_page(store_path, monkeypatch, bin_above):  # noqa: F811
    _at, line, built, _queried = _run_app(store_path, monkeypatch, bin_above)
    first_view.clear()
    if bin_above:
        monkeypatch.setenv("EVENTMAP_BIN_ABOVE", bin_above)
    first_view.prepare(store_path)
    # a new store version for the app's caches of the first run (same contents: same token for first_view)
    from streamlit import cache_data, cache_resource

    cache_data.clear()
    cache_resource.clear()
    _at2, line2, built2, queried2 = _run_app(store_path, monkeypatch, bin_above)
    assert built and built2 == []                                  # the map came from the warm-up
    assert all(f.limit == 0 for f in queried2), queried2           # and so did the frame
    assert line2 == line
    assert not first_view._values                                  # everything was handed over
