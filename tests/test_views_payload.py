"""The map payload as the page carries it (``eventmap.views.payload``): the columns that follow from an event's
place are written once per place (``factored``) and rebuilt exactly in the browser (``EM.unfactor``)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from _map_page import opened_map
from _views_exports_data import sample_events

from eventmap.exports.png import CHROMIUM
from eventmap.frame import events_frame
from eventmap.views.map import PLACE_COLUMNS, build_map, build_payload
from eventmap.views.payload import encode_payload, factored


def _many_events(copies: int = 60):
    """The sample events, each copied on as many days (other ids): a store where places repeat."""
    base = sample_events(hostile=True)
    days = [(dt.date(2018, 6, 1) + dt.timedelta(days=k)).isoformat() for k in range(copies)]
    return events_frame([replace(e, event_id=f"{e.event_id}-{k}", event_date=day)
                         for k, day in enumerate(days) for e in base])


def test_place_columns_are_written_once_per_place_and_rebuilt_exactly():
    p = build_payload(_many_events())
    q = factored(p, PLACE_COLUMNS)
    assert p["n"] >= 256 and set(PLACE_COLUMNS) <= set(q["F"]) and not set(PLACE_COLUMNS) & set(q)
    places = len(q["F"]["lat"])
    assert places == len({(a, b) for a, b in zip(p["lat"], p["lon"])}) < p["n"] // 50   # a row per place
    for c in PLACE_COLUMNS:
        assert [q["F"][c][i] for i in q["fi"]] == list(p[c]), c
    # everything else is left as it was, and the text written is smaller
    assert {k: v for k, v in q.items() if k not in ("F", "fi")} == {k: v for k, v in p.items() if k not in PLACE_COLUMNS}
    assert len(encode_payload(q, compress_above=10**9)) < len(encode_payload(p, compress_above=10**9))


def test_small_or_varied_payloads_are_left_as_they_are():
    small = build_payload(_many_events(1))
    assert small["n"] < 256 and factored(small, PLACE_COLUMNS) is small
    varied = {"n": 400, "lat": [32.0 + i / 1000 for i in range(400)], "lon": [36.0] * 400}
    assert factored(varied, ("lat", "lon")) is varied            # 400 places for 400 rows: nothing gained
    assert factored({"n": 400, "lat": [1.0] * 400}, ("lat", "lon")) == {"n": 400, "lat": [1.0] * 400}


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")
@pytest.mark.parametrize("compress_above", [10**9, 10])   # inline JSON, and gzip+base64
def test_the_browser_rebuilds_the_place_columns(tmp_path, compress_above):
    frame = _many_events()
    p = json.loads(json.dumps(build_payload(frame)))
    with opened_map(build_map(frame, compress_above=compress_above), tmp_path) as (pg, errors):
        assert errors == []
        got = pg.evaluate(f"({json.dumps(list(PLACE_COLUMNS))}).map(function(k){{ return EM.D[k]; }})")
        assert got == [p[c] for c in PLACE_COLUMNS]
        assert pg.evaluate("EM.D.F === undefined && EM.D.fi === undefined && EM.count") == p["n"]
