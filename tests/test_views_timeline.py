"""The timeline under the map (``eventmap.views.timeline``, the module the dashboard draws with): per-day
counts by type, the days it cannot draw, and the Altair histogram in the map's colours."""

from __future__ import annotations

from _views_exports_data import sample_frame

from eventmap.frame import events_frame
from eventmap.views.colors import color_for
from eventmap.views.timeline import (
    day_counts,
    histogram_chart,
    histogram_spec,
    outside_timeline,
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


def test_histogram_chart_colours_follow_the_legend():
    spec = histogram_chart(day_counts(sample_frame()), "2018-07-23", "2018-07-24").to_dict()
    bars = spec["layer"][-1]
    scale = bars["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"]))["Battles"] == color_for("Battles")
    assert len(spec["layer"]) == 2   # the window band + the bars
    assert histogram_chart(day_counts(sample_frame())).to_dict()["layer"][0]["mark"]["type"] == "bar"


def test_histogram_spec_band_is_a_named_dataset():
    spec = histogram_spec(day_counts(sample_frame()))
    assert spec["layer"][0]["data"] == {"name": "em_window"} and spec["datasets"]["em_window"] == []
