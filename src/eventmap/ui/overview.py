"""The dashboard over a store too large to load: counts and pages from the store, never a frame of every event.

Below ``settings.bin_above()`` events under the filters (``views.bins.BIN_ABOVE``, 150,000, by default) the
dashboard reads the filter's events once as a frame and draws each of them. Above it, a million events would
be gigabytes in the server and megabytes per page in the browser, and no analyst can see a million symbols, so:

* the map, the timeline's histogram, its months and every count come from ONE grouped query
  (``EventStore.grouped_counts``: events per day, type and point, from an index) held as an :class:`Overview`;
  the map draws one symbol per place with its count in the window (``views.bins``), clustered at low zoom;
* the table is one page of the window's newest events read from the store (``EventStore.newest``), with a
  note saying how many of how many it shows; the events without a place likewise;
* a download, the details panel's merge candidates and the like ask the store for the rows they need.

Counts are stored events (each report's event once, as ``count_stored`` counts them; below the threshold the
dashboard merges corroborating reports into one row): the counts say so. Filters (governorate, type, dates,
text) reach the store's ``WHERE`` as they do below the threshold, so they change every count.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from eventmap import settings
from eventmap.store import EventFilter
from eventmap.views.bins import BIN_ABOVE, PointDayBins, counts_frame, from_counts
from eventmap.views.escape import esc
from eventmap.views.timeline import TIMELINE_BOUNDS

if TYPE_CHECKING:
    from eventmap.store.base import EventStore

#: rows of the window's table, and of the list of events without a place, read from a large store
PAGE_ROWS = 500
UNPLACED_ROWS = 200


def bin_above() -> int:
    """The threshold: ``EVENTMAP_BIN_ABOVE``, else ``views.bins.BIN_ABOVE``."""
    return settings.bin_above(BIN_ABOVE)


def is_large(store: EventStore, f: EventFilter, above: int | None = None) -> bool:
    """True when more stored events match ``f`` (all dates) than the dashboard loads (one indexed count)."""
    return store.count_stored(f) > (bin_above() if above is None else above)


@dataclass(frozen=True)
class WindowCounts:
    """The stored events of a time window: ``n`` in all, ``placed`` drawn on the map, ``unplaced`` without a point."""

    n: int
    placed: int
    unplaced: int


@dataclass
class Overview:
    """What the dashboard shows of the events matching a filter, from counts: the map's bins and the events per
    (day, type, with or without a point), a few thousand rows however many events there are."""

    days: pd.DataFrame        # day, event_type, placed (bool), n
    bins: PointDayBins        # the map's symbols (events with a point)

    @classmethod
    def from_counts(cls, c: pd.DataFrame, names: Any) -> Overview:
        """From a ``views.bins.counts_frame`` (per day, type and point) and ``EventStore.point_names``."""
        placed = c["latitude"].notna() & c["longitude"].notna()
        days = c.assign(placed=placed).groupby(["day", "event_type", "placed"], as_index=False)["n"].sum()
        return cls(days, from_counts(c, names))

    @property
    def total(self) -> int:
        """Stored events matching the filter, all dates."""
        return int(self.days["n"].sum())

    def _drawable(self) -> pd.Series:
        d = self.days["day"]
        return d.str.fullmatch(r"\d{4}-\d\d-\d\d") & (d >= TIMELINE_BOUNDS[0]) & (d <= TIMELINE_BOUNDS[1])

    def outside_timeline(self) -> tuple[int, str]:
        """Events whose date the timeline cannot draw (``views.timeline.outside_timeline``): count, an example."""
        odd = self.days[~self._drawable()]
        return int(odd["n"].sum()), (str(odd["day"].iloc[0]) if len(odd) else "")

    def day_counts(self) -> pd.DataFrame:
        """Events per (day, event_type), as ``views.timeline.day_counts`` gives them for a frame."""
        c = self.days[self._drawable()]
        return c.groupby(["day", "event_type"], as_index=False)["n"].sum()

    def window(self, since: str | None, until: str | None) -> WindowCounts:
        """The window's counts (inclusive ISO days; None = open)."""
        c = self.days
        keep = pd.Series(True, index=c.index)
        if since:
            keep &= c["day"] >= since
        if until:
            keep &= c["day"] <= until
        w = c[keep]
        placed = int(w.loc[w["placed"], "n"].sum())
        n = int(w["n"].sum())
        return WindowCounts(n, placed, n - placed)

    def unplaced_total(self) -> int:
        return self.window(None, None).unplaced


def overview(store: EventStore, f: EventFilter) -> Overview:
    """The :class:`Overview` of the events matching ``f`` (one grouped query, then a name per point)."""
    return Overview.from_counts(counts_frame(store.grouped_counts(f)), store.point_names)


def window_filter(f: EventFilter, since: str | None, until: str | None) -> EventFilter:
    return replace(f, since=since, until=until)


def page(store: EventStore, f: EventFilter, since: str | None, until: str | None,
         limit: int = PAGE_ROWS) -> pd.DataFrame:
    """The window's newest ``limit`` events (a frame, newest first) for the table."""
    return store.newest(window_filter(f, since, until), limit)


def unplaced(store: EventStore, f: EventFilter, limit: int = UNPLACED_ROWS) -> pd.DataFrame:
    """The newest ``limit`` events without a point (all dates), newest first."""
    return store.newest(f, limit, placed=False)


def window_events(store: EventStore, f: EventFilter, since: str | None, until: str | None) -> pd.DataFrame:
    """Every event of the window (for a download the analyst asked for), in the store's order."""
    return store.query(window_filter(f, since, until))


def neighbours(store: EventStore, event: Any, days: int = 2, km: float = 25.0, limit: int = 300) -> pd.DataFrame:
    """Events that may be the same as ``event`` (``ui.corrections.merge_candidates`` reads them): within ``days``
    and about ``km`` of it (a box), read from the store."""
    from eventmap.views.details import field

    try:
        d0 = _dt.date.fromisoformat(str(field(event, "event_date"))[:10])
    except ValueError:
        return store.query(EventFilter(limit=0))
    lat, lon = field(event, "latitude"), field(event, "longitude")
    bbox = None
    if lat is not None and lon is not None:
        dlat = km / 111.2
        dlon = km / (111.2 * max(0.1, math.cos(math.radians(float(lat)))))
        bbox = (float(lon) - dlon, float(lat) - dlat, float(lon) + dlon, float(lat) + dlat)
    f = EventFilter(since=d0 - _dt.timedelta(days=days), until=d0 + _dt.timedelta(days=days), bbox=bbox)
    return store.newest(f, limit)


def count_html(n: int, placed: int, unplaced_n: int, total: int, since: str, until: str, listed: int,
               large: bool = False) -> str:
    """The line above the table: the window's events, how many are drawn, how many have no place, how many in all
    dates, and how many the table lists (``large``: "showing N of M", counted per report)."""
    more = ""
    if large:
        more = (f" · showing the newest {listed:,} of {n:,} (counted per report; the map counts per place: narrow "
                "the filters to draw each event)")
    elif n > listed:
        more = f" · newest {listed:,} listed (download the CSV for all)"
    return (f'<div class="em-count" data-testid="em-count"><b id="em-n">{n:,}</b> '
            f'event{"s" if n != 1 else ""} from <b>{esc(since)}</b> to <b>{esc(until)}</b> · '
            f'{placed:,} on the map · {unplaced_n:,} without a place · {total:,} in all dates'
            f'{more} — select a row to centre the map on it</div>')


__all__ = ["PAGE_ROWS", "UNPLACED_ROWS", "Overview", "WindowCounts", "bin_above", "count_html", "is_large", "neighbours",
           "overview", "page", "unplaced", "window_events", "window_filter"]
