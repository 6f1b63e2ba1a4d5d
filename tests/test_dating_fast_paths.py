"""The start-of-story test of event dating looks for its words first: never a different answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.events import dating as DT

_WORDS = ["launched", "began", "begun", "started", "starting", "since", "beginning", "منذ", "ومنذ", "فمنذ", "بدا",
          "بدات", "بداه", "انطلقت", "وانطلق", "انطلاق", "اطلقت", "اطلق", "فاطلاق", "بدايه", "بدء", "مطلع", "the",
          "battle", "on", "يوم", "الاحد", "x", "launch", "beg", "start", "طلق", "Since", "relaunched", "sincerely"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=8), st.sampled_from([" ", "  ", "\n", "", "، "]),
       st.integers(min_value=0, max_value=30))
def test_a_window_without_a_start_word_is_no_start_and_one_with_one_is_searched(words, sep, cut):
    before = sep.join(words)[-30:][cut:]
    assert DT._starts_story(before) == (DT._START_RE.search(before) is not None)


def test_every_start_word_of_the_pattern_is_found_by_the_shortcut():
    for w in _WORDS[:22]:
        assert DT._START_RE.search("x " + w + " ") is not None, w
        assert DT._starts_story("x " + w + " "), w


def _for_clause_reference(ed: DT.EventDates, cl: DT.ClauseSpan, trigger_start: int) -> tuple[str, int] | None:
    """Rule 1 as first written: the own clause's date nearest the trigger, over the dates themselves (of several, the
    exact days before a month or a week)."""
    own = [ed.dates[k] for k in ed._between(cl.lo, cl.hi)]
    if not own:
        return None
    if len(own) > 1:
        own = [d for d in own if d[3] == 1] or own
    d = min(own, key=lambda x: abs(x[0] - trigger_start))
    return d[2].isoformat(), d[3]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8), st.integers(0, 40), st.sampled_from([1, 2, 3])),
                max_size=8),
       st.integers(0, 70), st.integers(0, 70), st.integers(0, 80))
def test_the_clause_date_nearest_the_trigger_is_the_one_min_over_the_dates_gives(raw, lo, width, trigger):
    from datetime import date, timedelta

    pub = date(2018, 7, 25)
    dates = [(a, a + n, pub - timedelta(days=back), prec, "explicit") for a, n, back, prec in raw]
    cl = DT.ClauseSpan(0, lo, lo + width, 0, 200, 0)
    ed = DT.EventDates(pub, dates, [cl], set(), " " * 200)
    want = _for_clause_reference(ed, cl, trigger)
    if want is not None:   # (ties between equally near dates included: the first one)
        assert ed.for_clause(cl, trigger) == want
