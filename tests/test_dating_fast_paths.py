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
