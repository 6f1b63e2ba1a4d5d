"""``benchmarks/truth_corpus.py``: the date row scores only the events whose text gives their day, as the
real corpus's annotation dates only those; the templates mark which they are."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import truth_corpus as tc


def _extracted(place_id: str, event_type: str, day: str) -> SimpleNamespace:
    return SimpleNamespace(place_id=place_id, resolution="resolved", location="", event_type=event_type,
                           event_date=day)


def _report(*events: tc.TruthEvent) -> tc.TruthReport:
    return tc.TruthReport("text", "2018-07-10", "en", "outlet", "title", list(events))


def test_an_undated_event_on_another_day_is_not_a_date_miss():
    rep = _report(tc.TruthEvent("p1", "Tafas", "Battles", "2018-07-08", dated=True),
                  tc.TruthEvent("p2", "Jasim", "Battles", "2018-07-10", dated=False))
    # the undated sentence followed the dated one: the extractor gave it that day, not the publication's
    s = tc.score([rep], [[_extracted("p1", "Battles", "2018-07-08"), _extracted("p2", "Battles", "2018-07-08")]])
    assert s["matched"] == 2 and s["dated_matched"] == 1
    assert s["date_accuracy"] == 1.0


def test_a_dated_event_on_the_wrong_day_is_a_miss():
    rep = _report(tc.TruthEvent("p1", "Tafas", "Battles", "2018-07-08"),
                  tc.TruthEvent("p2", "Jasim", "Battles", "2018-07-09"))
    s = tc.score([rep], [[_extracted("p1", "Battles", "2018-07-08"), _extracted("p2", "Battles", "2018-07-10")]])
    assert s["dated_matched"] == 2
    assert s["date_accuracy"] == 0.5


def test_no_dated_event_matched_gives_no_date_figure():
    rep = _report(tc.TruthEvent("p1", "Tafas", "Battles", "2018-07-10", dated=False))
    s = tc.score([rep], [[_extracted("p1", "Battles", "2018-07-10")]])
    assert s["dated_matched"] == 0 and s["date_accuracy"] != s["date_accuracy"]  # NaN: nothing to score


def test_generated_events_undated_exactly_where_no_day_is_written():
    from eventmap.places.gazetteer import default_gazetteer

    reps = tc.generate(60, default_gazetteer(), seed=11)
    events = [(r, e) for r in reps for e in r.events]
    assert {e.dated for _, e in events} == {True, False}
    assert all(e.event_date == r.published for r, e in events if not e.dated)
