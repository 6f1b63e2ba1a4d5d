"""The timeline under the map (``eventmap.views.timeline``, the module the dashboard draws with): per-day
counts by type, the days it cannot draw, and the stacked histogram (plain HTML) in the map's colours."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pandas as pd
from _views_exports_data import sample_frame
from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.frame import events_frame
from eventmap.views.colors import TYPE_STYLES, color_for
from eventmap.views.timeline import (
    MAX_BARS,
    MAX_LABELS,
    day_counts,
    histogram,
    outside_timeline,
    window_style,
)


def test_day_counts_by_type():
    c = day_counts(sample_frame())
    assert list(c.columns) == ["day", "event_type", "n"]
    assert set(c.itertuples(index=False, name=None)) == {
        ("2018-07-22", "Strategic developments", 1),
        ("2018-07-23", "Violence against civilians", 1),   # unresolved events still count in time
        ("2018-07-24", "Battles", 1),
        ("2018-07-24", "Explosions/Remote violence", 1),
        ("2018-07-25", "Battles", 1),
        ("2018-07-25", "Protests", 1),
    }
    assert c["n"].sum() == len(sample_frame())
    assert c["day"].is_monotonic_increasing


def test_day_counts_empty_and_dates_the_timeline_cannot_draw():
    empty = day_counts(events_frame([]))
    assert len(empty) == 0 and list(empty.columns) == ["day", "event_type", "n"]
    f = sample_frame()
    f.loc[0, "event_date"] = "not a date"
    f.loc[1, "event_date"] = "0218-07-25"          # a mistyped year: before the slider's first day
    assert set(outside_timeline(f).index) == {0, 1}
    assert day_counts(f)["n"].sum() == len(f) - 2


class _Chart(HTMLParser):
    """What a reader of the histogram's HTML sees: bars (tooltip, left/width in %, stacked segments bottom-up
    as (colour, height %)), the band (left, width in %), the date labels and the count axis's labels."""

    def __init__(self, html: str):
        super().__init__()
        self.bars: list[dict] = []
        self.band: tuple[float, float] | None = None
        self.labels: list[tuple[float, str]] = []
        self.counts: list[str] = []
        self._open: str | None = None
        self._left = 0.0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        style = dict(kv.split(":", 1) for kv in (a.get("style") or "").split(";") if ":" in kv)
        if a.get("class") == "em-bar":
            self.bars.append({"title": a["title"], "left": float(style["left"].rstrip("%")),
                              "width": float(style["width"].rstrip("%")), "segments": []})
        elif tag == "i":
            self.bars[-1]["segments"].append((style["background"], float(style["height"].rstrip("%"))))
        elif tag == "style":
            self._open = "style"
        elif tag == "span":
            self._open = "count" if "right" in style else "date" if "left" in style and "%" in style["left"] else None
            self._left = float(style["left"].rstrip("%")) if self._open == "date" else 0.0

    def handle_data(self, data):
        placed = re.search(r"\.em-band\{left:([\d.]+)%;width:([\d.]+)%\}", data) if self._open == "style" else None
        if placed:
            self.band = (float(placed[1]), float(placed[2]))
        elif self._open == "date":
            self.labels.append((self._left, data))
        elif self._open == "count":
            self.counts.append(data)
        self._open = None


def with_window(h, since, until):
    """What the page holds: the chart, and the style rule that places its window band."""
    return h.html + window_style(h, since, until)


def _counts(rows):
    return pd.DataFrame(rows, columns=["day", "event_type", "n"])


def test_histogram_bars_stack_the_types_in_the_legends_colours_and_order():
    c = _counts([("2018-07-24", "Battles", 3), ("2018-07-24", "Protests", 1), ("2018-07-24", "Explosions/Remote violence", 2),
                 ("2018-07-25", "Battles", 1)])
    chart = _Chart(with_window(histogram(c), "2018-07-24", "2018-07-25"))
    first, second = chart.bars
    order = [s.event_type for s in TYPE_STYLES]
    # bottom-up in the legend's order: Battles, then Explosions, then Protests
    assert [col for col, _ in first["segments"]] == [color_for(t) for t in sorted(
        ["Battles", "Protests", "Explosions/Remote violence"], key=order.index)]
    heights = [h for _, h in first["segments"]]
    assert abs(heights[0] - 1.5 * heights[1]) < 0.02 and abs(heights[0] - 3 * heights[2]) < 0.02  # 3 : 2 : 1
    assert sum(heights) <= 100 and second["segments"] == [(color_for("Battles"), heights[2])]
    assert first["title"].splitlines() == ["2018-07-24: 6 events", "Battles: 3", "Explosions/Remote violence: 2",
                                           "Protests: 1"]
    assert second["title"].startswith("2018-07-25: 1 event\n")
    assert first["left"] == 0 and first["width"] == second["width"] == 50 and second["left"] == 50
    assert [d for _, d in chart.labels] == ["24 Jul 2018", "25 Jul 2018"]
    assert chart.counts[0] == "0" and int(chart.counts[-1].replace(",", "")) >= 6


def test_histogram_window_band_moves_alone():
    c = _counts([("2018-07-01", "Battles", 3), ("2018-07-02", "Protests", 1), ("2018-07-10", "Riots", 2)])
    h = histogram(c)
    a, b = with_window(h, "2018-07-02", "2018-07-03"), with_window(h, "2018-07-09", "2018-07-10")
    assert _Chart(a).band == (10.0, 20.0) and _Chart(b).band == (80.0, 20.0)   # days 2-3 and 9-10 of ten
    # only the style rule differs: the page keeps the bars' HTML as it is
    assert re.fullmatch(r"<style>[^<]*</style>", window_style(h, "2018-07-02", "2018-07-03"))
    assert _Chart(with_window(h, None, None)).band is None and "display:none" in window_style(h, None, None)


def test_a_week_still_shows_on_a_fourteen_year_histogram():
    c = _counts([("2011-03-15", "Battles", 1), ("2018-07-25", "Battles", 20), ("2025-12-05", "Battles", 2)])
    h = histogram(c)
    assert h.unit == "month" and h.bars <= MAX_BARS
    left, width = _Chart(with_window(h, "2018-07-20", "2018-07-26")).band
    assert width >= 100 / 120 - 1e-3                                   # about 8 px of 1,000
    at = h.position(dt.date(2018, 7, 23)) / h.bars * 100
    assert left < at < left + width
    left, width = _Chart(with_window(h, "2018-01-01", "2018-12-31")).band   # wide enough: as it is
    assert abs(left - h.position(dt.date(2018, 1, 1)) / h.bars * 100) < 1e-3
    assert abs(width - 12 / h.bars * 100) < 2e-3


def test_long_spans_count_per_week_then_per_month_and_lose_no_event():
    days = pd.date_range("2016-01-01", "2019-06-30", freq="D").strftime("%Y-%m-%d")
    c = _counts([(d, "Battles" if i % 3 else "Riots", 1 + i % 5) for i, d in enumerate(days)])
    h = histogram(c)
    chart = _Chart(with_window(h, "2017-01-01", "2017-01-31"))
    assert h.unit == "week" and len(chart.bars) <= MAX_BARS
    assert chart.bars[0]["title"].startswith("week of 2015-12-28: ")          # weeks start on Monday
    totals = [int(re.match(r".*?: ([\d,]+) event", b["title"])[1].replace(",", "")) for b in chart.bars]
    assert sum(totals) == c["n"].sum()
    assert 2 <= len(chart.labels) <= MAX_LABELS and chart.labels == sorted(chart.labels)
    assert [d for _, d in chart.labels][:2] == ["2017", "2018"] or all(re.fullmatch(r"\w{3} \d{4}", d)
                                                                        for _, d in chart.labels)
    one_day = _Chart(with_window(histogram(c.iloc[:1]), "2016-01-01", "2016-01-01"))
    assert len(one_day.bars) == 1 and one_day.band == (0.0, 100.0) and len(one_day.labels) == 1


def test_histogram_escapes_types_and_skips_dates_it_cannot_place():
    c = _counts([("2018-07-24", '<img src=x onerror="alert(1)">', 2), ("2018-02-30", "Battles", 5),
                 ("2018-07-25", "Battles", 1)])
    html = with_window(histogram(c), "2018-07-24", "2018-07-25")
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;: 2" in html
    chart = _Chart(html)
    assert len(chart.bars) == 2 and "5 events" not in html
    assert chart.bars[0]["segments"][0][0] == color_for("anything unknown")       # grey, as on the map
    mixed = _Chart(with_window(histogram(_counts([("2018-07-24", None, 2), ("2018-07-24", "Battles", 1)])), None, None))
    assert mixed.bars[0]["title"].splitlines() == ["2018-07-24: 3 events", "Battles: 1", "Unknown: 2"]
    empty = histogram(day_counts(events_frame([])))
    assert "No events for these filters" in with_window(empty, "2018-07-24", "2018-07-25")


# ------------------------------------------------- day_counts by code against the group-by it replaced (issue 15)
def _reference_day_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """``day_counts`` as a pandas group-by, as it was written first."""
    if len(frame):
        frame = frame.drop(index=outside_timeline(frame).index)
    if not len(frame):
        return pd.DataFrame({"day": pd.Series(dtype=str), "event_type": pd.Series(dtype=str),
                             "n": pd.Series(dtype=int)})
    d = frame["event_date"].astype(str).str.slice(0, 10)
    t = frame["event_type"].astype(str).replace("", "Unknown")
    return pd.DataFrame({"day": d, "event_type": t}).groupby(["day", "event_type"]).size().reset_index(name="n")


_DATES = st.sampled_from(["2018-07-22", "2018-07-25T13:40:00", "2018-07-25", "2019-01-01", "1899-12-31",
                          "2200-01-01", "1900-01-01", "2199-12-31", "", "22/07/2018", "2018-7-2"])
_TYPES = st.sampled_from(["Battles", "Protests", "", "Violence against civilians", "معارك", "Riots"])


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.tuples(_DATES, st.one_of(st.none(), _TYPES)), max_size=60),
       dtype=st.sampled_from(["object", "string"]))
def test_day_counts_equal_the_group_by_they_replaced(rows, dtype):
    """Dates the timeline cannot draw, types missing or empty, in object and string columns: the same frame."""
    frame = pd.DataFrame({"event_date": pd.Series([r[0] for r in rows], dtype=dtype),
                          "event_type": pd.Series([r[1] for r in rows], dtype=dtype)})
    pd.testing.assert_frame_equal(day_counts(frame), _reference_day_counts(frame))
