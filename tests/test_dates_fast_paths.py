"""Shortcuts of the date finder: each skips work and must find exactly what the plain scan finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.events import dates as D

_EN_WORDS = ["the", "day", "before", "yesterday", "two", "days", "ago", "today", "tonight", "this", "morning",
             "afternoon", "evening", "earlier", "on", "last", "week", "past", "in", "recent", "few", "xday",
             "dayx", "weekx", "a", "may", "mar", "march", "sept", "sep", "jan", "12", "2018", "xjan", "marx",
             # whole expressions, so that every alternative of every pattern is met
             "on the day", "the day before yesterday", "two days ago", "earlier this week", "in recent days",
             "few days ago", "last night", "late on yesterday", "this evening", "earlier today"]
_AR_WORDS = ["كانون", "الثاني", "الاول", "تشرين", "اب", "كتاب", "ايار", "ابريل", "تموز", "تموزي", "في", "11",
             "شباط", "اوت", "الاوت", "x", "مارس"]
_SEPS = st.sampled_from([" ", "  ", "\n", "\t", "-", "", ", "])


def _near_scans_are_full_scans(patterns, scan_words, norm: str) -> None:
    """Each pattern scanned near its words (``dates._near_words``) finds what its full scan finds."""
    assert len(scan_words) == len(patterns)
    for (pattern, _, _), words in zip(patterns, scan_words):
        if words is None:
            continue
        want = [(m.span(), m.group(0)) for m in pattern.finditer(norm)]
        assert [(m.span(), m.group(0)) for m in D._near_words(pattern, words, norm)] == want


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_EN_WORDS), max_size=40), _SEPS)
def test_relative_english_dates_scanned_near_their_words_are_the_full_scan(words, sep):
    _near_scans_are_full_scans(D._EN_RELATIVE, D._EN_RELATIVE_WORDS, sep.join(words))


_AR_REL_WORDS = ["امس", "الامس", "وامس", "بالامس", "الاول", "اول", "من", "قبل", "يومين", "منذ", "خلال", "الساعات",
                 "الماضيه", "ساعات", "ساعه", "الـ", "24", "الـ24", "ل", "x", "امس الاول", "اول من امس", "قبل يومين",
                 "خلال الساعات الماضيه", "قبل ساعات", "خلال الـ 24 ساعه", "خلال ال24 ساعه", "خلال 24 ساعه", "لامس",
                 "الاحد", "احد", "والاحد", "يوم", "صباح", "الجمعه", "جمعه", "السبت", "سبت", "المقبل", "الماضي"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_AR_REL_WORDS), max_size=30), _SEPS)
def test_relative_arabic_dates_scanned_near_their_words_are_the_full_scan(words, sep):
    norm = sep.join(words)
    _near_scans_are_full_scans(D._AR_RELATIVE, D._AR_RELATIVE_WORDS, norm)
    want = [(m.span(), m.groupdict()) for m in D._AR_WEEKDAY_RE.finditer(norm)]
    assert [(m.span(), m.groupdict()) for m in D._near_words(D._AR_WEEKDAY_RE, D._AR_WEEKDAY_WORDS, norm)] == want


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_EN_WORDS + _AR_WORDS), max_size=30), _SEPS)
def test_a_month_name_is_found_at_a_month_start_exactly_when_a_search_finds_it(words, sep):
    norm = sep.join(words)
    starts = D._month_starts(norm)
    for pattern in (D._AR_MONTH_WORD_RE, D._EN_MONTH_WORD_RE):
        assert any(pattern.match(norm, s) for s in starts) == bool(pattern.search(norm))


def test_the_month_word_shortcut_gives_the_dates_a_search_gives():
    from datetime import date

    pub = date(2018, 7, 25)
    norm = "قصف في 11 تموز الماضي وفي كتاب x اب 2017 و the raid of 3 march 2018, in july"
    assert D._find_norm(norm, pub) == [(7, 21, date(2018, 7, 11), 1, "explicit"), (33, 40, date(2017, 8, 15), 3, "month"),
                                       (55, 67, date(2018, 3, 3), 1, "explicit"), (72, 76, date(2018, 7, 15), 3, "month")]
    assert D._find_norm("كتاب الكاتب", pub) == [] and D._find_norm("a remark, maybe", pub) == []
