"""The timeline under the dashboard's map: the time window over an events frame, per-day counts by
type, and the stacked Altair histogram (type colours as on the map) whose shaded band follows the window.

``histogram_spec`` serialises the chart once per filter; ``with_window`` moves its band cheaply.
"""

from __future__ import annotations

import pandas as pd

from eventmap.views.colors import TYPE_STYLES, style_for


def window(frame: pd.DataFrame, since: str | None, until: str | None) -> pd.DataFrame:
    """Rows of ``frame`` whose ``event_date`` lies in [since, until] (inclusive ISO dates; None = open).

    The store returns frames ordered by date: then the window is a slice found by binary search
    (cheap at 100,000 rows); any other frame is filtered row by row.
    """
    if frame is None or not len(frame) or (not since and not until):
        return frame
    d = frame["event_date"].astype(str)
    if d.is_monotonic_increasing:
        arr = d.to_numpy()
        i0 = int(arr.searchsorted(since, side="left")) if since else 0
        # dates may carry a time ("2018-07-25T..."): everything that starts with ``until`` is inside
        i1 = int(arr.searchsorted(until + "\uffff", side="right")) if until else len(arr)
        return frame.iloc[i0:i1]
    d = d.str.slice(0, 10)
    keep = pd.Series(True, index=frame.index)
    if since:
        keep &= d >= since
    if until:
        keep &= d <= until
    return frame[keep]


#: the days the timeline (Streamlit's slider, pandas' timestamps) can draw; a store may hold others
#: (a wrong publication date stored by an older eventmap): they are counted apart, never a crash
TIMELINE_BOUNDS = ("1900-01-01", "2199-12-31")


def outside_timeline(frame: pd.DataFrame) -> pd.DataFrame:
    """The events whose date the timeline cannot show (before/after :data:`TIMELINE_BOUNDS`, or not a date)."""
    if frame is None or not len(frame):
        return frame
    d = frame["event_date"].astype(str).str.slice(0, 10)
    ok = d.str.fullmatch(r"\d{4}-\d\d-\d\d") & (d >= TIMELINE_BOUNDS[0]) & (d <= TIMELINE_BOUNDS[1])
    return frame[~ok]


def day_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Events per (day, event_type): columns ``day`` (ISO), ``event_type``, ``n``; days the timeline
    cannot draw (see :func:`outside_timeline`) are left out."""
    if frame is not None and len(frame):
        frame = frame.drop(index=outside_timeline(frame).index)
    if frame is None or not len(frame):
        return pd.DataFrame({"day": pd.Series(dtype=str), "event_type": pd.Series(dtype=str),
                             "n": pd.Series(dtype=int)})
    d = frame["event_date"].astype(str).str.slice(0, 10)
    t = frame["event_type"].astype(str).replace("", "Unknown")
    out = pd.DataFrame({"day": d, "event_type": t}).groupby(["day", "event_type"]).size().reset_index(name="n")
    return out


def histogram_chart(counts: pd.DataFrame, since: str | None = None, until: str | None = None,
                    height: int = 96):
    """Altair per-day histogram stacked by type (type colours as on the map), the window shaded."""
    import altair as alt

    types = list(dict.fromkeys(counts["event_type"])) if len(counts) else []
    order = {s.event_type: i for i, s in enumerate(TYPE_STYLES)}
    types.sort(key=lambda t: (order.get(t, 99), t))
    scale = alt.Scale(domain=types, range=[style_for(t).color for t in types]) if types else alt.Scale()
    c = counts.copy()
    c["date"] = pd.to_datetime(c["day"], errors="coerce")
    c["order"] = c["event_type"].map(lambda t: order.get(t, 99))
    first = c["date"].min() if len(c) else None
    last = c["date"].max() if len(c) else None
    ndays = int((last - first).days) + 1 if first is not None and pd.notna(first) else 1
    if ndays <= 20:
        axis = alt.Axis(format="%d %b %Y", labelAngle=0, tickCount={"interval": "day", "step": 1}, grid=False)
    elif ndays <= 120:
        axis = alt.Axis(format="%d %b", labelAngle=0, tickCount={"interval": "week", "step": 1}, grid=False)
    else:
        axis = alt.Axis(format="%b %Y", labelAngle=0, tickCount={"interval": "month", "step": 1}, grid=False)
    domain = None
    if first is not None and pd.notna(first):
        domain = [(first - pd.Timedelta(hours=12)).isoformat(), (last + pd.Timedelta(hours=12)).isoformat()]
    x_scale = alt.Scale(domain=domain) if domain else alt.Scale()
    bar_px = max(2.0, min(40.0, 900.0 / max(ndays, 1) * 0.8))  # years of days: 2 px so a day still shows
    bars = alt.Chart(c).mark_bar(size=bar_px).encode(
        x=alt.X("date:T", title=None, axis=axis, scale=x_scale),
        y=alt.Y("sum(n):Q", title="per day", axis=alt.Axis(tickMinStep=1, tickCount=3)),
        # no legend: the map's legend gives the same colours, and the bars get the whole width
        color=alt.Color("event_type:N", scale=scale, sort=types, legend=None),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("day:N", title="day"), alt.Tooltip("event_type:N", title="type"),
                 alt.Tooltip("n:Q", title="events")],
    )
    layers = [bars]
    if (since or until) and len(c):
        lo = since or c["day"].min()
        hi = until or c["day"].max()
        band = alt.Chart(pd.DataFrame({"a": [pd.Timestamp(lo) - pd.Timedelta(hours=12)],
                                       "b": [pd.Timestamp(hi) + pd.Timedelta(hours=12)]})).mark_rect(
            opacity=0.13, color="#1f4e79").encode(x="a:T", x2="b:T")
        layers.insert(0, band)
    return alt.layer(*layers).properties(height=height)


def histogram_spec(counts: pd.DataFrame) -> dict:
    """``histogram_chart`` as a Vega-Lite dict whose window band ``with_window`` moves cheaply
    (the bars are built and serialised once per filter, not on every window change)."""
    days = sorted(counts["day"]) if len(counts) else []
    lo, hi = (days[0], days[-1]) if days else (None, None)
    spec = histogram_chart(counts, lo, hi).to_dict()
    if len(spec.get("layer", [])) == 2:
        spec["layer"][0]["data"] = {"name": "em_window"}
        spec.setdefault("datasets", {})["em_window"] = []
    return spec


def with_window(spec: dict, since: str | None, until: str | None) -> dict:
    """A shallow copy of ``spec`` with the shaded band over [since, until]."""
    out = dict(spec)
    if "em_window" in spec.get("datasets", {}) and since and until:
        ds = dict(spec["datasets"])
        a0, b0 = pd.Timestamp(since) - pd.Timedelta(hours=12), pd.Timestamp(until) + pd.Timedelta(hours=12)
        # over years of reports a week is under a pixel wide: the band keeps at least 1/120 of the axis
        dom = (((spec.get("layer") or [{}])[-1].get("encoding") or {}).get("x") or {}).get("scale", {}).get("domain")
        if dom:
            least = (pd.Timestamp(dom[1]) - pd.Timestamp(dom[0])) / 120
            if b0 - a0 < least:
                mid = a0 + (b0 - a0) / 2
                a0, b0 = mid - least / 2, mid + least / 2
        a, b = a0.isoformat(), b0.isoformat()
        ds["em_window"] = [{"a": a, "b": b}]
        out["datasets"] = ds
    return out
