"""``eventmap reprocess``: the extract and store steps again, over the reports already stored."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from eventmap.model import Event, Report
from eventmap.pipeline.run import extract_report, prepare_extractor
from eventmap.store.filters import EventFilter
from eventmap.store.records import Correction, ReprocessResult

if TYPE_CHECKING:
    from eventmap.store.base import EventStore


def reprocess(store: EventStore, extract_fn: Callable[..., Any] | None = None,
              progress: Callable[[int, int], None] | None = None) -> ReprocessResult:
    """Re-run an extractor over every stored report, keeping the corrections that still apply.

    ``extract_fn(text, published, source=, url=, title=) -> list[Event]`` (default: the eventmap
    extractor), seeing the store's analyst places, its events stamped with its version.  Reports are
    read and replaced ``store.REPROCESS_BATCH`` at a time, each batch in one transaction
    (``EventStore.replace_events``: every report whole, a run stopped half-way is simply run again).
    A report the extractor fails on keeps its previous events and is listed in ``failed``; corrections
    that no longer match an event are listed in ``stale`` (never deleted). A store of many reports is
    reprocessed as one bulk load (``EventStore.bulk_load``: the events' indexes built once, after the last batch).
    """
    fn = prepare_extractor(store, extract_fn)
    n_reports, batches = store.stored_reports()
    every = EventFilter(include_hidden=True)   # every stored row, as the result has always counted
    before = store.count_stored(every)
    kept: list[Correction] = []
    stale: list[Correction] = []
    failed: list[tuple[str, str]] = []
    id_map: dict[str, str] = {}
    with store.bulk_load(n_reports):   # every event is replaced: indexes built once at the end (large stores)
        done = _replace_all(store, fn, batches, n_reports, kept, stale, failed, id_map, progress)
        store.follow_merges(id_map, kept, stale)
    return ReprocessResult(done - len(failed), before, store.count_stored(every), tuple(kept), tuple(stale),
                           tuple(failed))


def _replace_all(store: EventStore, fn: Callable[..., Any], batches: Iterable[list[Report]], n_reports: int,
                 kept: list[Correction], stale: list[Correction], failed: list[tuple[str, str]],
                 id_map: dict[str, str], progress: Callable[[int, int], None] | None) -> int:
    """Re-extract and replace every batch of stored reports; returns the number of reports read."""
    done = 0
    for reports in batches:
        batch: list[tuple[Report, list[Event]]] = []
        for rep in reports:
            try:
                new = extract_report(rep, fn)
            except Exception as exc:  # noqa: BLE001 - one bad report must not stop the run; its old events stay
                failed.append((rep.report_id, f"{type(exc).__name__}: {exc}"))
                continue
            rid = rep.report_id
            batch.append((rep, [e if e.report_id == rid else replace(e, report_id=rid) for e in new]))
        if batch:
            k, st, m = store.replace_events(batch)
            kept += k
            stale += st
            id_map.update(m)
        for _ in reports:
            done += 1
            if progress:
                progress(done, n_reports)
    return done


__all__ = ["reprocess"]
