"""Per-day counts by type and the Altair histogram."""

from __future__ import annotations

import pandas as pd

from _views_exports_data import sample_frame
from eventmap.frame import events_frame
from eventmap.views.colors import color_for
from eventmap.views.timeline import daily_counts, histogram_chart


def test_daily_counts_by_type():
    c = daily_counts(sample_frame())
    assert list(c.columns) == ["date", "event_type", "count"]
    as_tuples = {(d.strftime("%Y-%m-%d"), t, n) for d, t, n in c.itertuples(index=False)}
    assert as_tuples == {
        ("2018-07-22", "Strategic developments", 1),
        ("2018-07-23", "Violence against civilians", 1),   # unresolved events still count in time
        ("2018-07-24", "Battles", 1),
        ("2018-07-24", "Explosions/Remote violence", 1),
        ("2018-07-25", "Battles", 1),
        ("2018-07-25", "Protests", 1),
    }
    assert c["count"].sum() == len(sample_frame())
    assert c["date"].is_monotonic_increasing


def test_daily_counts_empty_and_bad_dates():
    empty = daily_counts(events_frame([]))
    assert len(empty) == 0 and list(empty.columns) == ["date", "event_type", "count"]
    f = sample_frame()
    f.loc[0, "event_date"] = "not a date"
    c = daily_counts(f)
    assert c["count"].sum() == len(f) - 1


def test_histogram_chart_colours_follow_the_legend():
    chart = histogram_chart(sample_frame(), window=("2018-07-23", "2018-07-24"))
    spec = chart.to_dict()
    bars = spec["layer"][-1]
    scale = bars["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"]))["Battles"] == color_for("Battles")
    assert len(spec["layer"]) == 2   # the window band + the bars
    assert histogram_chart(sample_frame()).to_dict()["layer"][0]["mark"]["type"] == "bar"
