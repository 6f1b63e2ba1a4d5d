"""The event store: reports, events, analyst corrections and places, reference layers.

``open_store(url)`` picks the backend from the URL:

- ``None`` -> ``eventmap.settings.default_db()`` (``EVENTMAP_DB`` or a per-user ``eventmap.gpkg``);
- a path, ``sqlite:///path`` or ``*.gpkg`` -> the embedded store, one SQLite file that is a GeoPackage;
- ``postgresql://user@host/db`` -> PostgreSQL + PostGIS shared by a team.

Both backends implement the same ``EventStore`` and pass the same tests.  The store only stores:
reading and extracting reports is :mod:`eventmap.pipeline`'s work (which calls the store, never the reverse).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventmap.store.filters import EventFilter
from eventmap.store.records import (
    CORRECTION_KINDS,
    Correction,
    IngestResult,
    ReprocessResult,
    StoreDamagedError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
    StoreVersionError,
)

if TYPE_CHECKING:
    from eventmap.store.base import EventStore


def __getattr__(name: str) -> Any:
    """``EventStore`` and ``content_hash`` load lazily: ``base`` brings pandas, which extraction
    workers (``eventmap.pipeline.parallel``) never need, and importing it costs each worker a second or two."""
    if name in ("EventStore", "content_hash"):
        from eventmap.store import base
        return getattr(base, name)
    raise AttributeError(f"module 'eventmap.store' has no attribute {name!r}")


def _embedded_path(url: str) -> Path:
    if url.startswith("sqlite:///"):
        # as SQLAlchemy: sqlite:///relative/path, sqlite:////absolute/path
        return Path(url[len("sqlite:///"):])
    if url.startswith("gpkg:"):
        return Path(url[len("gpkg:"):])
    return Path(url)


def embedded_file(url: str | Path | None = None) -> Path | None:
    """The file of the embedded store ``open_store(url)`` opens, ``None`` for any other URL (a database server);
    nothing is opened or imported: a cheap look before the store is opened."""
    if url is None or str(url) == "":
        from eventmap.settings import default_db
        url = default_db()
    s = str(url)
    if "://" in s and not s.startswith("sqlite://"):
        return None
    return _embedded_path(s)


def open_store(url: str | Path | None = None) -> EventStore:
    """Open (creating or upgrading as needed) the store at ``url``."""
    from eventmap.store.base import EventStore

    path = embedded_file(url)
    if path is not None:
        from eventmap.store.sqlite import SQLiteBackend
        return EventStore(SQLiteBackend(path))
    s = str(url)
    if s.startswith(("postgresql://", "postgres://")):
        from eventmap.store.postgis import PostGISBackend
        return EventStore(PostGISBackend(s))
    raise StoreError(f"unsupported store URL {s!r}: use a file path (.gpkg), sqlite:///path or postgresql://...")


__all__ = [
    "CORRECTION_KINDS",
    "Correction",
    "EventFilter",
    "EventStore",
    "IngestResult",
    "ReprocessResult",
    "StoreDamagedError",
    "StoreError",
    "StoreFullError",
    "StoreReadOnlyError",
    "StoreVersionError",
    "content_hash",
    "embedded_file",
    "open_store",
]
