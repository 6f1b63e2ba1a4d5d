"""``eventmap reprocess``: the extract and store steps again, over the reports already stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TextIO

from eventmap.model import Event, Report
from eventmap.pipeline.run import Result, chunk_size, extract_one, prepare_extractor
from eventmap.store.filters import EventFilter
from eventmap.store.records import Correction, ReprocessResult

if TYPE_CHECKING:
    from eventmap.store.base import EventStore


def reprocess(store: EventStore, extract_fn: Callable[..., Any] | None = None,
              progress: Callable[[int, int], None] | None = None, workers: int | None = 1,
              stream: TextIO | None = None) -> ReprocessResult:
    """Re-run an extractor over every stored report, keeping the corrections that still apply.

    ``extract_fn(text, published, source=, url=, title=) -> list[Event]`` (default: the eventmap
    extractor), seeing the store's analyst places, its events stamped with its version.  Reports are
    read and replaced ``store.REPROCESS_BATCH`` at a time, each batch in one transaction
    (``EventStore.replace_events``: every report whole, a run stopped half-way is simply run again).
    A report the extractor fails on keeps its previous events and is listed in ``failed``; corrections
    that no longer match an event are listed in ``stale`` (never deleted). A store of many reports is
    reprocessed as one bulk load (``EventStore.bulk_load``: the events' indexes built once, after the last batch).

    ``workers``: extraction processes, as for ``eventmap ingest`` (``None``: the cores available, in-process
    under ``parallel.MIN_PARALLEL`` reports; 1: this process). This process alone writes, batch by batch in
    storage order, so the store ends as a one-worker run leaves it.
    """
    from eventmap.pipeline import parallel

    fn = prepare_extractor(store, extract_fn)
    n_reports, batches = store.stored_reports()
    store.before_replacing()
    every = EventFilter(include_hidden=True)   # every stored row, as the result has always counted
    before = store.count_stored(every)
    n_workers = parallel.worker_count(workers, fn, stream)
    if workers is None and n_reports < parallel.MIN_PARALLEL:
        n_workers = 1
    size = chunk_size(n_reports, n_workers) if n_workers > 1 else store.REPROCESS_BATCH
    replacer = _Replacer(store, n_reports, progress)
    with store.bulk_load(n_reports):   # every event is replaced: indexes built once at the end (large stores)
        parts = _parts(batches, size)
        if n_workers > 1:
            parallel.run_pool(parts, n_workers, fn, replacer)
        else:
            for part in parts:
                replacer([extract_one(label, item, fn) for label, item in part])
        replacer.flush()
        store.follow_merges(replacer.id_map, replacer.kept, replacer.stale)
    return ReprocessResult(replacer.done - len(replacer.failed), before, store.count_stored(every),
                           tuple(replacer.kept), tuple(replacer.stale), tuple(replacer.failed))


def _parts(batches: Iterator[list[Report]], size: int) -> Iterator[list[tuple[str, Report]]]:
    """Each stored batch's reports in chunks of ``size``, labelled with the batch's number (a chunk never spans
    two batches, so a batch is whole once its last chunk's results are in)."""
    for number, reports in enumerate(batches):
        for i in range(0, len(reports), size):
            yield [(str(number), rep) for rep in reports[i:i + size]]


class _Replacer:
    """Results in storage order -> one ``replace_events`` per stored batch, with what the run reports."""

    def __init__(self, store: EventStore, total: int, progress: Callable[[int, int], None] | None) -> None:
        self.store, self.total, self.progress = store, total, progress
        self.kept: list[Correction] = []
        self.stale: list[Correction] = []
        self.failed: list[tuple[str, str]] = []
        self.id_map: dict[str, str] = {}
        self.done = 0
        self._number: str | None = None
        self._batch: list[tuple[Report, list[Event]]] = []
        self._read = 0   # reports of the current batch, failed ones included

    def __call__(self, results: list[Result]) -> None:
        for number, rep, evs in results:
            if number != self._number:
                self.flush()
                self._number = number
            self._read += 1
            if isinstance(evs, str):  # the extractor failed on it (or its process died): its old events stay
                self.failed.append((rep.report_id, evs))
                continue
            rid = rep.report_id
            self._batch.append((rep, [e if e.report_id == rid else replace(e, report_id=rid) for e in evs]))

    def flush(self) -> None:
        """Replace the current batch's reports' events (one transaction) and count them done."""
        if self._batch:
            k, st, m = self.store.replace_events(self._batch)
            self.kept += k
            self.stale += st
            self.id_map.update(m)
        for _ in range(self._read):
            self.done += 1
            if self.progress:
                self.progress(self.done, self.total)
        self._batch, self._read = [], 0


__all__ = ["reprocess"]
