"""The extract and store steps of the pipeline, and the serial run.

* :func:`prepare_extractor`: the extractor a run uses: the store's analyst places reach its lookups
  (``EventStore.extractor``) and every event it returns carries an extractor version (:class:`Stamped`).
* :func:`extract_one`: read (if deferred) and extract one input; a failure is returned, never raised.
* :class:`Writer`: the ONE writer of a run: each chunk's reports stored in input order (one transaction
  for the chunk, each report whole), counted in a :class:`BatchSummary`, the progress bar moved.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TextIO

from eventmap.errors import InputError
from eventmap.model import Event, Report
from eventmap.pipeline.inputs import FileJob, Item, read_job
from eventmap.pipeline.summary import INDEXES_BUILDING, BatchSummary, Progress

if TYPE_CHECKING:  # base brings pandas: extraction workers import this module and never need it
    from eventmap.store.base import EventStore

Result = tuple[str, Any, Any]   # (label, Report | InputError, list[Event] | str failure reason)
Extractor = Callable[..., list[Event]]


def default_extractor() -> Extractor:
    from eventmap.events.extract import extract_events
    return extract_events


def extractor_version(fn: Callable[..., Any]) -> str:
    """The version an extractor's events are stamped with: its module's ``EXTRACTOR_VERSION``
    (``eventmap-extract/0.1`` for the eventmap extractor), else ``module:function``."""
    fn = getattr(fn, "fn", fn)   # Stamped / WithAnalystPlaces wrap the function they call
    mod = getattr(fn, "__module__", "") or ""
    version = getattr(sys.modules.get(mod), "EXTRACTOR_VERSION", None)
    if isinstance(version, str) and version:
        return version
    return f"{mod}:{getattr(fn, '__qualname__', type(fn).__name__)}"


class Stamped:
    """An extractor whose events all carry an extractor version (an event that has one keeps it).
    Picklable when the function is (worker processes receive it)."""

    def __init__(self, fn: Extractor, version: str) -> None:
        self.fn = fn
        self.version = version

    def __call__(self, text: str, published: Any, **kw: Any) -> list[Event]:
        return [e if e.extractor else replace(e, extractor=self.version)
                for e in self.fn(text, published, **kw)]


def prepare_extractor(store: EventStore | None, extract_fn: Callable[..., Any] | None = None) -> Stamped:
    """``extract_fn`` (default: the eventmap extractor) as a run uses it: seeing ``store``'s analyst
    places, its events stamped with :func:`extractor_version`."""
    if isinstance(extract_fn, Stamped):
        return extract_fn
    base = extract_fn or default_extractor()
    return Stamped(store.extractor(base) if store is not None else base, extractor_version(base))


def extract_report(report: Report, fn: Extractor) -> list[Event]:
    """One report's events (exceptions are the caller's)."""
    return list(fn(report.text, report.published, source=report.source, url=report.url, title=report.title))


def extract_one(label: str, item: Any, fn: Extractor) -> Result:
    """Read (if a :class:`FileJob`) and extract one input; failures come back as a reason, never raised."""
    if isinstance(item, FileJob):
        label, item = read_job(label, item)
    if isinstance(item, InputError):
        return label, item, str(item)
    try:
        return label, item, extract_report(item, fn)
    except Exception as exc:  # noqa: BLE001 - this report only
        return label, item, f"{type(exc).__name__}: {exc}"


def write_results(store: EventStore, results: Sequence[Result], summary: BatchSummary) -> None:
    """Store a chunk's reports in input order (one transaction for the chunk, each report whole).

    If the chunk's transaction fails, each report is stored on its own, so one bad report
    fails alone, exactly as in a one-worker run.
    """
    good = [(label, rep, evs) for label, rep, evs in results if not isinstance(evs, str)]
    by_label: dict[int, Any]
    try:
        res = store.ingest_many([(rep, evs) for _, rep, evs in good]) if good else []
        by_label = {id(g): r for g, r in zip(good, res)}
    except Exception:  # noqa: BLE001 - the chunk failed: each report alone says which one
        by_label = {}
        for g in good:
            try:
                by_label[id(g)] = store.ingest(g[1], g[2])
            except Exception as exc:  # noqa: BLE001 - this report fails, the others are stored
                by_label[id(g)] = f"{type(exc).__name__}: {exc}"
    gi = iter(good)
    for label, rep, evs in results:
        if isinstance(evs, str):
            summary.failed.append((label, evs))
            continue
        r = by_label[id(next(gi))]
        if isinstance(r, str):
            summary.failed.append((label, r))
        else:
            summary.count(r)
            summary.warn(label, rep)


class Writer:
    """The one writer of a run (:func:`write_results` per chunk), its summary and progress bar.

    A run of many reports is one bulk load of the store (``EventStore.bulk_load``): used as a context manager,
    the writer ends it when the run ends or fails (:meth:`close` ends it too)."""

    def __init__(self, store: EventStore, total: int, stream: TextIO | None = None, progress: bool | None = None,
                 on_chunk: Callable[[int, int], None] | None = None) -> None:
        self.store, self.total, self.on_chunk = store, total, on_chunk
        self.summary = BatchSummary()
        self.done = 0
        self._load = contextlib.ExitStack()
        self._deferred = self._load.enter_context(store.bulk_load(total))
        self.bar = Progress.for_batch(total, stream, progress)

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self._load.close()

    def __call__(self, results: list[Result]) -> None:
        write_results(self.store, results, self.summary)
        self.done += len(results)
        self.bar.update(self.done, results[-1][0] if results else "")
        if self.on_chunk:
            self.on_chunk(self.done, self.total)

    def close(self) -> BatchSummary:
        # the deferred indexes' build (a minute at a million events) follows the full bar: say so
        self.bar.close(INDEXES_BUILDING if self._deferred else "")
        self._load.close()
        return self.summary


def chunks(items: Sequence[Item], size: int) -> list[list[Item]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def chunk_size(n: int, workers: int, size: int | None = None) -> int:
    if size:
        return max(1, int(size))
    return max(1, min(32, n // (workers * 8) or 1))


def run_serial(parts: Sequence[Sequence[Item]], fn: Extractor, write: Writer) -> BatchSummary:
    """Extract and store every chunk in this process."""
    for ch in parts:
        write([extract_one(label, item, fn) for label, item in ch])
    return write.close()


__all__ = ["Extractor", "Result", "Stamped", "Writer", "chunk_size", "chunks", "default_extractor",
           "extract_one", "extract_report", "extractor_version", "prepare_extractor", "run_serial",
           "write_results"]
