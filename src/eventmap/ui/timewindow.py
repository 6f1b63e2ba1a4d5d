"""The dashboard's time window: typed dates, presets, a month picker and day/week steps.

A store of real reports spans years (a slider pixel is then about a week), so the window is
also set by typing dates, by presets relative to the last day with events ("last 7 days",
"last 30 days", "the whole span"), by a month that has events, and by stepping the whole
window a day or a week earlier or later (buttons with keyboard shortcuts in the app).

All functions take and return ``datetime.date`` and keep the window inside ``span`` (the
store's first and last event days); nothing here knows about Streamlit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

Window = tuple[dt.date, dt.date]

#: preset key -> label; "last N days" end on the store's last day with events
PRESETS = {"last7": "Last 7 days", "last30": "Last 30 days", "all": "Whole span"}


def clamp(d: dt.date, span: Window) -> dt.date:
    lo, hi = span
    return max(lo, min(d, hi))


def typed_window(since: dt.date | None, until: dt.date | None, span: Window, current: Window) -> Window:
    """The window after the analyst typed a start and/or an end: inside ``span``, in order
    (an end typed before the start moves the start back to it, and the other way round)."""
    a = clamp(since, span) if since else current[0]
    b = clamp(until, span) if until else current[1]
    if a > b:
        if since and until:
            a, b = b, a
        elif since:
            b = a
        else:
            a = b
    return a, b


def preset_window(key: str, span: Window) -> Window:
    """``last7`` / ``last30`` (ending on the last day with events) or ``all``."""
    lo, hi = span
    if key == "all":
        return lo, hi
    days = {"last7": 7, "last30": 30}.get(key)
    if days is None:
        raise ValueError(f"unknown preset {key!r}; one of {', '.join(PRESETS)}")
    return max(lo, hi - dt.timedelta(days=days - 1)), hi


def month_window(month: str, span: Window) -> Window:
    """``"2018-07"`` -> its first and last day, cut to ``span``."""
    y, m = (int(x) for x in month.split("-")[:2])
    first = dt.date(y, m, 1)
    last = (dt.date(y + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)
    return clamp(first, span), clamp(last, span)


def months_with_events(days: Iterable[str], counts: Iterable[int] | None = None) -> list[tuple[str, int]]:
    """``[("2018-07", 412), ...]`` newest first, for the months that have events.

    ``days`` are ISO dates (one per event, or one per day with ``counts`` beside them)."""
    out: dict[str, int] = {}
    cs = list(counts) if counts is not None else None
    for i, d in enumerate(days):
        m = str(d)[:7]
        if len(m) == 7 and m[4] == "-":
            out[m] = out.get(m, 0) + (int(cs[i]) if cs is not None else 1)
    return sorted(out.items(), reverse=True)


def shift_window(window: Window, days: int, span: Window) -> Window:
    """The window moved ``days`` later (negative: earlier), same width; it stops at the ends of ``span``."""
    a, b = window
    lo, hi = span
    width = b - a
    step = dt.timedelta(days=days)
    a2, b2 = a + step, b + step
    if b2 > hi:
        b2, a2 = hi, max(lo, hi - width)
    if a2 < lo:
        a2, b2 = lo, min(hi, lo + width)
    return a2, b2


def default_window(span: tuple[dt.date, dt.date], days: int = 30, whole_below: int = 90) \
        -> tuple[dt.date, dt.date]:
    """The window a first visit opens on: the whole span when it is short, else the last ``days`` days."""
    lo, hi = span
    if (hi - lo).days < whole_below:
        return lo, hi
    return hi - dt.timedelta(days=days - 1), hi



def first_window(span: Window, since: str | None = None, until: str | None = None) -> Window:
    """The window a session opens on: the one its URL gives (either end may be missing, each clipped to ``span``,
    in order), else ``default_window``."""
    lo, hi = span
    d0, d1 = default_window(span) if not (since or until) else (lo, hi)
    a = clamp(dt.date.fromisoformat(since), span) if since else d0
    b = clamp(dt.date.fromisoformat(until), span) if until else d1
    return min(a, b), max(a, b)


def day_range(span: tuple[str | None, str | None]) -> tuple[dt.date, dt.date] | None:
    lo, hi = span
    if not lo or not hi:
        return None
    a, b = dt.date.fromisoformat(str(lo)[:10]), dt.date.fromisoformat(str(hi)[:10])
    return (a, b) if a <= b else (b, a)


def step_window(since: dt.date, until: dt.date, span: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """The play control's next window: one day later, same width; wraps to the start at the end.
    A window over the whole span starts playing as a one-day window on the first day."""
    width = until - since
    lo, hi = span
    if since <= lo and until >= hi > lo:
        return lo, lo
    if until >= hi:
        return lo, min(lo + width, hi)
    one = dt.timedelta(days=1)
    return since + one, until + one


__all__ = [
    "PRESETS",
    "Window",
    "clamp",
    "day_range",
    "default_window",
    "month_window",
    "months_with_events",
    "preset_window",
    "shift_window",
    "step_window",
    "typed_window",
]
