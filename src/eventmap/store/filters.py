"""``EventFilter``: what the dashboard and the CLI ask the store for.

The filter is turned into one SQL ``WHERE`` clause (``to_sql``) so every
backend filters in the database, on indexed columns, never in pandas.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from eventmap.events.dates import parse_date
from eventmap.text import normalize_ar, normalize_ar_many


def _iso(d: str | _dt.date | _dt.datetime | None) -> str | None:
    """``YYYY-MM-DD`` by the one rule for dates people give (``events.dates.parse_date``), ``None`` when empty."""
    if d is None or d == "":
        return None
    return parse_date(d).isoformat()


def _tuple(v: Iterable[str] | str | None) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,) if v else ()
    return tuple(x for x in v if x is not None and x != "")


@dataclass(frozen=True)
class EventFilter:
    """Which events to return.  Empty fields do not filter.

    ``since``/``until`` are inclusive ISO dates (or ``date``); ``bbox`` is
    ``(west, south, east, north)`` in degrees; ``text`` is a substring matched,
    after Arabic normalisation and case folding, against the notes, the place
    names and the location as written.  ``include_hidden`` also returns events
    marked false positive or merged into another.
    """

    since: str | _dt.date | None = None
    until: str | _dt.date | None = None
    event_types: Sequence[str] = ()
    sub_event_types: Sequence[str] = ()
    admin1: Sequence[str] = ()
    admin2: Sequence[str] = ()
    admin3: Sequence[str] = ()
    bbox: tuple[float, float, float, float] | None = None
    resolutions: Sequence[str] = ()
    sources: Sequence[str] = ()
    actors: Sequence[str] = ()
    text: str = ""
    limit: int | None = None
    report_ids: Sequence[str] = ()
    include_hidden: bool = False

    def __post_init__(self) -> None:
        for name in ("event_types", "sub_event_types", "admin1", "admin2", "admin3",
                     "resolutions", "sources", "actors", "report_ids"):
            object.__setattr__(self, name, _tuple(getattr(self, name)))
        object.__setattr__(self, "since", _iso(self.since))
        object.__setattr__(self, "until", _iso(self.until))
        if self.bbox is not None:
            if len(self.bbox) != 4:
                raise ValueError("bbox is (west, south, east, north)")
            w, s, e, n = (float(x) for x in self.bbox)
            if s > n:
                raise ValueError(f"bbox south {s} is north of north {n}")
            object.__setattr__(self, "bbox", (w, s, e, n))
        if self.limit is not None and int(self.limit) < 0:
            raise ValueError("limit must be >= 0")

    def to_sql(self, alias: str = "", dialect: str = "sqlite") -> tuple[str, list]:
        """``(where_clause, params)`` with ``?`` placeholders (the backend adapts them).

        On PostGIS the bounding box uses the GiST index on ``geom``; on the embedded
        store, the index on ``latitude``.
        """
        a = f"{alias}." if alias else ""
        where: list[str] = []
        params: list = []
        if not self.include_hidden:
            where.append(f"{a}status = 'ok'")
        if self.since:
            where.append(f"{a}event_date >= ?")
            params.append(self.since)
        if self.until:
            where.append(f"{a}event_date <= ?")
            params.append(self.until)

        def _in(col: str, values: Sequence[str]) -> None:
            if values:
                where.append(f"{a}{col} IN ({', '.join('?' for _ in values)})")
                params.extend(values)

        _in("event_type", self.event_types)
        _in("sub_event_type", self.sub_event_types)
        _in("admin1", self.admin1)
        _in("admin2", self.admin2)
        _in("admin3", self.admin3)
        _in("resolution", self.resolutions)
        _in("source", self.sources)
        _in("report_id", self.report_ids)
        if self.actors:
            marks = ", ".join("?" for _ in self.actors)
            where.append(f"({a}actor1 IN ({marks}) OR {a}actor2 IN ({marks}))")
            params.extend(self.actors)
            params.extend(self.actors)
        if self.bbox is not None:
            w, s, e, n = self.bbox
            if dialect == "postgis" and w <= e:
                where.append(f"{a}geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)")
                params.extend([w, s, e, n])
            where.append(f"{a}latitude BETWEEN ? AND ?")
            params.extend([s, n])
            if w <= e:
                where.append(f"{a}longitude BETWEEN ? AND ?")
                params.extend([w, e])
            else:  # crosses the antimeridian
                where.append(f"({a}longitude >= ? OR {a}longitude <= ?)")
                params.extend([w, e])
        if self.text and self.text.strip():
            # a query of punctuation only (e.g. "%") normalises to nothing: search it literally (matches nothing
            # in the punctuation-free search column) rather than dropping the filter
            needle = search_key(self.text) or self.text.strip().lower()
            if needle:
                esc = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                where.append(f"{a}search LIKE ? ESCAPE '\\'")
                params.append(f"%{esc}%")
        return (" AND ".join(where) or "1=1"), params


def search_key(s: str) -> str:
    """The normalised form used for text search on both sides (Arabic letter forms, case)."""
    return normalize_ar(s or "")


def search_keys(strings: Sequence[str]) -> list[str]:
    """``[search_key(s) for s in strings]`` in one pass over the batch (``text.normalize_ar_many``)."""
    return normalize_ar_many([s or "" for s in strings])


def filter_from_args(**kw) -> EventFilter:
    """Build a filter from CLI-style keyword arguments, ignoring ``None``."""
    return EventFilter(**{k: v for k, v in kw.items() if v is not None})


__all__ = ["EventFilter", "search_key", "search_keys", "filter_from_args"]
_ = field  # keep dataclasses.field importable for subclasses
