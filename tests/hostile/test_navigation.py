"""Promise: the view an analyst set up survives moving around the dashboard.

Filters and the time window set on the map (or given in a bookmarked URL) are still there, in
the widgets and in the address bar, after a visit to "Unresolved names" or "Ingest a report".
"""

from __future__ import annotations

import pytest

from eventmap.store import open_store
from eventmap.store.testing import make_event, make_report, rafid_report_ar


@pytest.fixture
def store_with_battles(tmp_path) -> str:
    db = str(tmp_path / "s.gpkg")
    clash = "درعا-سانا: دارت اشتباكات في البكار بين وحدات الجيش ومجموعات مسلحة."
    unknown = "درعا-سانا: وشن الطيران الحربي غارات على المهير شرق درعا."
    with open_store(db) as s:
        s.ingest(make_report(clash, "2018-07-20"), [make_event(clash, "2018-07-20", "البكار", "اشتباكات في", "bakkar")])
        s.ingest(make_report(unknown, "2018-07-21"), [make_event(unknown, "2018-07-21", "المهير", "غارات على")])
        s.ingest(*rafid_report_ar("2018-07-26"))
    return db


def _count_line(at) -> str:
    return next(m.value for m in at.markdown if 'data-testid="em-count"' in m.value)


@pytest.mark.slow
@pytest.mark.parametrize("other_page", ["unresolved", "ingest"])
def test_filters_survive_a_round_trip_through_another_page(store_with_battles, monkeypatch, other_page):
    from streamlit.testing.v1 import AppTest

    from eventmap.views.cli import app_path

    monkeypatch.setenv("EVENTMAP_DB", store_with_battles)
    monkeypatch.chdir(app_path().parent)
    at = AppTest.from_file(str(app_path()), default_timeout=240)
    at.query_params["type"] = "Battles"          # a view bookmarked before: battles only, exact places only
    at.query_params["exact"] = "1"
    at.run()
    assert not at.exception, at.exception
    assert "<b id=\"em-n\">1</b> event " in _count_line(at)
    # the address bar now says it with the filter's own names
    want = {"event_types": "Battles", "resolutions": ["resolved", "ambiguous", "unresolved"]}
    assert {k: at.query_params.get(k) for k in (*want, "type", "exact")} == {**want, "type": None, "exact": None}
    at.sidebar.radio[0].set_value(other_page).run()
    assert not at.exception, at.exception
    assert {k: at.query_params.get(k) for k in want} == want
    at.sidebar.radio[0].set_value("map").run()
    assert not at.exception, at.exception
    assert at.session_state["f_event_types"] == ["Battles"] and at.session_state["f_hide_approximate"] is True
    assert {k: at.query_params.get(k) for k in want} == want
    assert "<b id=\"em-n\">1</b> event " in _count_line(at)   # not the 4 events of the whole store


@pytest.mark.slow
def test_the_time_window_survives_a_round_trip(store_with_battles, monkeypatch):
    import datetime as dt

    from streamlit.testing.v1 import AppTest

    from eventmap.views.cli import app_path

    monkeypatch.setenv("EVENTMAP_DB", store_with_battles)
    monkeypatch.chdir(app_path().parent)
    at = AppTest.from_file(str(app_path()), default_timeout=240)
    at.run()
    window = (dt.date(2018, 7, 21), dt.date(2018, 7, 26))
    at.slider(key="window").set_value(window).run()
    assert not at.exception, at.exception
    at.sidebar.radio[0].set_value("unresolved").run()
    at.sidebar.radio[0].set_value("map").run()
    assert not at.exception, at.exception
    assert at.session_state["window"] == window and at.query_params["since"] == "2018-07-21"
