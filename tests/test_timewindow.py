"""The time window's typed dates, presets, months and steps (``eventmap.ui.timewindow``)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventmap.ui import timewindow as tw

d = dt.date
SPAN = (d(2011, 3, 15), d(2025, 12, 5))       # fourteen years of reports, as a real archive spans


def test_presets_end_on_the_last_day_with_events():
    assert tw.preset_window("last7", SPAN) == (d(2025, 11, 29), d(2025, 12, 5))
    assert tw.preset_window("last30", SPAN) == (d(2025, 11, 6), d(2025, 12, 5))
    assert tw.preset_window("all", SPAN) == SPAN
    short = (d(2018, 7, 22), d(2018, 7, 25))
    assert tw.preset_window("last7", short) == short             # never before the first day
    with pytest.raises(ValueError):
        tw.preset_window("yesterday", SPAN)


def test_month_window_is_cut_to_the_span():
    assert tw.month_window("2018-07", SPAN) == (d(2018, 7, 1), d(2018, 7, 31))
    assert tw.month_window("2024-02", SPAN) == (d(2024, 2, 1), d(2024, 2, 29))
    assert tw.month_window("2025-12", SPAN) == (d(2025, 12, 1), d(2025, 12, 5))
    assert tw.month_window("2011-03", SPAN) == (d(2011, 3, 15), d(2011, 3, 31))


def test_months_with_events_newest_first_with_counts():
    days = ["2018-07-24", "2018-07-25", "2018-07-25", "2011-03-18", "2025-12-05"]
    assert tw.months_with_events(days) == [("2025-12", 1), ("2018-07", 3), ("2011-03", 1)]
    assert tw.months_with_events(["2018-07-24", "2018-08-01"], [4, 2]) == [("2018-08", 2), ("2018-07", 4)]


def test_typed_dates_are_kept_in_order_and_in_the_span():
    cur = (d(2025, 11, 6), d(2025, 12, 5))
    assert tw.typed_window(d(2018, 7, 20), None, SPAN, cur) == (d(2018, 7, 20), d(2025, 12, 5))
    assert tw.typed_window(d(2018, 7, 20), d(2018, 7, 26), SPAN, cur) == (d(2018, 7, 20), d(2018, 7, 26))
    assert tw.typed_window(d(2018, 7, 26), d(2018, 7, 20), SPAN, cur) == (d(2018, 7, 20), d(2018, 7, 26))
    assert tw.typed_window(None, d(2018, 7, 1), SPAN, cur) == (d(2018, 7, 1), d(2018, 7, 1))
    assert tw.typed_window(d(1999, 1, 1), d(2030, 1, 1), SPAN, cur) == SPAN


def test_steps_keep_the_width_and_stop_at_the_ends():
    w = (d(2018, 7, 20), d(2018, 7, 26))
    assert tw.shift_window(w, 1, SPAN) == (d(2018, 7, 21), d(2018, 7, 27))
    assert tw.shift_window(w, -7, SPAN) == (d(2018, 7, 13), d(2018, 7, 19))
    end = (d(2025, 11, 29), d(2025, 12, 5))
    assert tw.shift_window(end, 7, SPAN) == end                          # already at the last day
    assert tw.shift_window((d(2011, 3, 16), d(2011, 3, 22)), -7, SPAN) == (d(2011, 3, 15), d(2011, 3, 21))
