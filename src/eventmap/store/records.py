"""Records the store hands back: corrections, ingest and reprocess results, errors."""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field
from typing import Any

#: what an analyst can change about an event, and the fields each kind needs
CORRECTION_KINDS: dict[str, tuple[str, ...]] = {
    "repin_place": ("place_id",),
    "repin_coords": ("lat", "lon"),
    "set_type": ("event_type",),
    "set_date": ("event_date",),
    "set_actors": (),
    "false_positive": (),
    "merge": ("into_event_id",),
}


class StoreError(Exception):
    """A store problem with a message that says what to do."""


class StoreVersionError(StoreError):
    """The store was written by a newer eventmap (or is not an eventmap store)."""


class StoreDamagedError(StoreError):
    """The store file is damaged (or is not a store at all); nothing is written to it."""


class StoreReadOnlyError(StoreError):
    """The store can be read but not written (file or folder permissions)."""


class StoreFullError(StoreError):
    """The disk (or the database's size limit) is full: the write was rolled back."""


def utc_now() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class Correction:
    """One analyst fix to one event, kept through re-extraction.

    ``kind`` is one of ``CORRECTION_KINDS``.  The store records, at the time the
    correction is added, a stable key of the event it fixes (report id, the place
    name as written, the mention offsets) so the correction finds its event again
    after ``reprocess`` gives the event a new id.
    """

    kind: str
    event_id: str
    author: str
    reason: str = ""
    created_at: str = ""          # ISO UTC; filled by the store when empty
    place_id: str = ""            # repin_place
    lat: float | None = None      # repin_coords
    lon: float | None = None
    event_type: str = ""          # set_type
    sub_event_type: str = ""
    event_date: str = ""          # set_date
    actor1: str | None = None     # set_actors (None: leave unchanged)
    actor2: str | None = None
    into_event_id: str = ""       # merge: the event this one duplicates
    # filled by the store
    correction_id: int | None = None
    status: str = "active"        # "active" | "stale" (no longer matches any event after reprocess)
    #                               | "undone" (an analyst undid it) | "replaced" (a later pin or unpin took over)
    report_id: str = ""
    location: str = ""
    mention_start: int | None = None
    mention_end: int | None = None
    payload: dict[str, Any] = field(default_factory=dict)  # resolved values (place coordinates, names)
    batch: str = ""               # the analyst action it belongs to ("pin:...", "fix:..."): undone together
    undone_at: str = ""
    undone_by: str = ""
    replaced_by: str = ""         # the batch that replaced it (a pin moved, a place removed)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)



@dataclass(frozen=True, slots=True)
class IngestResult:
    report_id: str
    status: str                   # "new" | "duplicate"
    events: int = 0               # events stored (0 for a duplicate)
    unresolved: tuple[str, ...] = ()  # place names as written that did not resolve

    @property
    def is_new(self) -> bool:
        return self.status == "new"


@dataclass(frozen=True, slots=True)
class ReprocessResult:
    reports: int = 0
    events_before: int = 0
    events_after: int = 0
    kept: tuple[Correction, ...] = ()    # corrections re-attached to an event of the new extraction
    stale: tuple[Correction, ...] = ()   # corrections whose event is gone: listed, kept in the store as "stale"
    failed: tuple[tuple[str, str], ...] = ()  # (report_id, reason): the old events of these reports stay
