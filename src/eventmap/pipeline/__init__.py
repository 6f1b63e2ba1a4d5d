"""The pipeline: read -> extract -> store, for ``eventmap ingest``, ``eventmap reprocess`` and the dashboard.

One run has three steps, each in its own module:

* read (:mod:`eventmap.pipeline.inputs`): files, folders and JSON Lines -> ``(label, Report or InputError)``
  through the one reader, :mod:`eventmap.events.reader`;
* extract (:mod:`eventmap.pipeline.run`): the extractor sees the store's analyst places and every event
  it returns is stamped with its extractor version (``Event.extractor``);
* store (:class:`eventmap.pipeline.run.Writer`): the one writer, in input order, each report whole.

It runs serially, in local processes (:mod:`eventmap.pipeline.parallel`, ``--workers N``) or on a Dask
cluster (:mod:`eventmap.pipeline.cluster`, ``--dask ADDRESS``), with the same result.  A bad input never
stops a batch: it is counted in the :class:`BatchSummary` with the reason.  The store
(:mod:`eventmap.store`) only stores: it never imports this package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from eventmap.model import Event, Report
from eventmap.pipeline.inputs import (
    SUFFIXES,
    date_from_name,
    iter_files,
    iter_reports,
    published_date,
)
from eventmap.pipeline.reprocessing import reprocess
from eventmap.pipeline.run import (
    Stamped,
    extract_report,
    extractor_version,
    prepare_extractor,
)
from eventmap.pipeline.summary import BatchSummary, Progress

if TYPE_CHECKING:
    from eventmap.store.base import EventStore

SAMPLE_FILE = "2018-07-25_southern-front.txt"
SAMPLE_PUBLISHED = "2018-07-25"
SAMPLE_SOURCE = "Al-Binaa (sample)"


def ingest_paths(store: EventStore, paths: Iterable[str | Path], published: str | None = None,
                 source: str | None = None, url: str | None = None, extract_fn: Callable[..., Any] | None = None,
                 progress: bool | None = None, stream: TextIO | None = None, workers: int | None = 1,
                 dask: str | None = None) -> BatchSummary:
    """Read, extract and store every report under ``paths``; failures are collected, never raised.

    ``workers``: extraction processes (``None``: the cores available; 1: this process);
    ``dask``: a dask.distributed scheduler address to extract on instead.  The store is
    written by this process only, in input order, so the result equals a one-worker run.
    """
    store.ensure_writable()  # a read-only or damaged store is refused before any report is read
    if dask:
        from eventmap.pipeline.cluster import ingest_dask
        return ingest_dask(store, paths, dask, published=published, source=source, url=url,
                           extract_fn=extract_fn, progress=progress, stream=stream)
    from eventmap.pipeline.parallel import ingest_parallel
    return ingest_parallel(store, paths, workers=workers, published=published, source=source, url=url,
                           extract_fn=extract_fn, progress=progress, stream=stream)


def extract_reports(store: EventStore | None, reports: Iterable[Report],
                    extract_fn: Callable[..., Any] | None = None) -> list[tuple[Report, list[Event] | Exception]]:
    """Each report with its events, or the exception its extraction raised (the dashboard's preview:
    nothing is stored until the analyst saves)."""
    fn = prepare_extractor(store, extract_fn)
    out: list[tuple[Report, list[Event] | Exception]] = []
    for rep in reports:
        try:
            out.append((rep, extract_report(rep, fn)))
        except Exception as exc:  # noqa: BLE001 - one bad report does not stop the others
            out.append((rep, exc))
    return out


def sample_report() -> Report:
    """The project's sample report (Arabic, published 2018-07-25), read by the one reader."""
    from eventmap.events.reader import read_report
    from eventmap.settings import sample_dir

    path = sample_dir() / SAMPLE_FILE
    return read_report(path, SAMPLE_PUBLISHED, title=path.stem, source=SAMPLE_SOURCE)


def sample_events(store: EventStore | None = None, extract_fn: Callable[..., Any] | None = None) -> list[Event]:
    """The sample report's events as :func:`ingest_sample` stores them in ``store`` (``None``: a store without
    analyst places, as a new one is)."""
    return extract_report(sample_report(), prepare_extractor(store, extract_fn))


def ingest_sample(store: EventStore, extract_fn: Callable[..., Any] | None = None,
                  events: Sequence[Event] | None = None) -> bool:
    """Seed an empty store with the project's sample report; ``False`` if the store has reports already.
    ``events``: its events extracted already (:func:`sample_events`, by the dashboard server's helper)."""
    if len(store.reports()):
        return False
    if events is None:
        events = sample_events(store, extract_fn)
    return store.ingest(sample_report(), events).status == "new"


def ensure_sample(store: EventStore, events: Sequence[Event] | None = None) -> bool:
    """Ingest the project's sample report into an empty store; ``True`` when it did (never into a
    store that is read-only here or damaged). ``events``: as :func:`ingest_sample` takes them."""
    if store.readonly:
        return False
    return ingest_sample(store, events=events)


__all__ = [
    "SAMPLE_FILE",
    "SUFFIXES",
    "BatchSummary",
    "Progress",
    "Stamped",
    "date_from_name",
    "ensure_sample",
    "extract_report",
    "extract_reports",
    "extractor_version",
    "ingest_paths",
    "ingest_sample",
    "iter_files",
    "iter_reports",
    "prepare_extractor",
    "published_date",
    "reprocess",
    "sample_events",
    "sample_report",
]
