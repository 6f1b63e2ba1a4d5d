"""Per-day event counts by type, and the stacked Altair histogram above the time slider."""

from __future__ import annotations

import pandas as pd

from eventmap.views.colors import TYPE_STYLES, style_for


def daily_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """``DataFrame(date, event_type, count)``: one row per day and type that has events,
    sorted by date then type; ``date`` is a ``datetime64`` day.  Rows whose date does not
    parse are left out (they cannot sit on a time axis)."""
    cols = ["date", "event_type", "count"]
    if frame is None or len(frame) == 0:
        return pd.DataFrame({"date": pd.Series([], dtype="datetime64[ns]"),
                             "event_type": pd.Series([], dtype=object), "count": pd.Series([], dtype="int64")})
    dates = pd.to_datetime(frame["event_date"].astype(str).str[:10], errors="coerce", format="%Y-%m-%d")
    types = frame["event_type"].astype(str).where(frame["event_type"].astype(str).str.len() > 0, "Unknown")
    df = pd.DataFrame({"date": dates, "event_type": types}).dropna(subset=["date"])
    out = df.groupby(["date", "event_type"]).size().reset_index(name="count")
    out["count"] = out["count"].astype("int64")
    return out.sort_values(["date", "event_type"]).reset_index(drop=True)[cols]


def histogram_chart(frame: pd.DataFrame, window: tuple | None = None, *, height: int = 120,
                    width: int | str = "container"):
    """Stacked bars of events per day by type (colours from ``colors.py``); ``window``
    ``(since, until)`` shades the selected days."""
    import altair as alt

    counts = daily_counts(frame)
    present = list(dict.fromkeys(counts["event_type"]))
    order = {s.event_type: i for i, s in enumerate(TYPE_STYLES)}
    present.sort(key=lambda t: (order.get(style_for(t).event_type, 99), t))
    scale = alt.Scale(domain=present, range=[style_for(t).color for t in present])
    bars = alt.Chart(counts).mark_bar().encode(
        x=alt.X("yearmonthdate(date):T", title=None, axis=alt.Axis(format="%d %b %Y", labelAngle=0)),
        y=alt.Y("sum(count):Q", title="events per day", stack="zero"),
        color=alt.Color("event_type:N", scale=scale, title="Event type", legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("yearmonthdate(date):T", title="day"), alt.Tooltip("event_type:N", title="type"),
                 alt.Tooltip("sum(count):Q", title="events")],
    )
    layers = [bars]
    if window and (window[0] or window[1]):
        lo = pd.Timestamp(window[0]) if window[0] else (counts["date"].min() if len(counts) else None)
        hi = pd.Timestamp(window[1]) if window[1] else (counts["date"].max() if len(counts) else None)
        if lo is not None and hi is not None:
            band = pd.DataFrame({"start": [lo], "end": [hi + pd.Timedelta(days=1)]})
            layers.insert(0, alt.Chart(band).mark_rect(opacity=0.12, color="#0072B2").encode(x="start:T", x2="end:T"))
    return alt.layer(*layers).properties(height=height, width=width)
