"""Parallel extraction (``--workers N``) in local processes, with ONE writer.

Extraction is the slow part of ingestion (milliseconds per report, against well under a
millisecond to store it), so it is the part spread out: :func:`ingest_parallel` runs extraction in
N local processes (``ProcessPoolExecutor``, ``spawn`` context; the initializer loads the extractor and
the gazetteer once per worker).  Reports go out in chunks; the parent is the only writer
(:class:`eventmap.pipeline.run.Writer`) and writes each chunk's reports in input order, so the store
and the summary equal those of a one-worker run.  Files other than .jsonl are read (HTML parsed) in
the workers too.  At most a few chunks per worker are in flight, so memory does not grow with the
size of the archive beyond the list of inputs itself.  :mod:`eventmap.pipeline.cluster` does the
same on a Dask cluster.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from eventmap.errors import ReportInputError
from eventmap.pipeline.inputs import FileJob, Item, iter_reports
from eventmap.pipeline.run import (
    Result,
    Writer,
    chunks,
    default_extractor,
    extract_one,
    prepare_extractor,
    run_serial,
)
from eventmap.pipeline.run import chunk_size as _chunk_size
from eventmap.pipeline.summary import BatchSummary

if TYPE_CHECKING:  # base brings pandas, which the spawned extraction workers never need
    from eventmap.store.base import EventStore

#: below this many reports an automatic worker count stays in-process (starting workers costs more)
MIN_PARALLEL = 500


def available_cores() -> int:
    """CPUs this process may run on (``sched_getaffinity``; falls back to ``os.cpu_count()``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# ------------------------------------------------------------------ per-process state of a worker
_WORKER: dict[Any, Any] = {}   # "fn" and id(extractor) -> the loaded extractor


def _load_extractor(extract_fn: Callable | None) -> Callable:
    """The extractor, with the gazetteer and its automata loaded once in this process."""
    key = id(extract_fn)
    fn = _WORKER.get(key)
    if fn is not None:
        return fn
    fn = extract_fn or default_extractor()
    try:  # load the gazetteer and build the automata now, not inside the first report's timing
        from eventmap.places.gazetteer import default_gazetteer
        default_gazetteer()
        fn("وشن الطيران الحربي غارات على بلدة نوى.", "2018-07-25")
    except Exception:  # noqa: BLE001 - a toy extractor or no gazetteer: the first real call will say what is wrong
        pass
    _WORKER[key] = fn
    return fn


def _exit_with_parent() -> None:
    """Make this worker exit when the process that started it dies, even by SIGKILL.

    A pool worker waits on a queue whose other end it holds itself, so it would wait for ever
    once its parent is gone (workers and the resource tracker were found running, parent 1,
    13 minutes after ``kill -9`` of ``eventmap ingest --workers``).  A daemon thread waits on the
    parent's sentinel (readable when the parent ends) and ends the worker; it costs nothing
    while the parent lives."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        from multiprocessing.connection import wait

        wait([parent.sentinel])
        os._exit(1)   # the parent is gone: nobody will read this worker's results

    threading.Thread(target=watch, name="eventmap-exit-with-parent", daemon=True).start()


def _init_worker(extract_fn: Callable | None) -> None:
    """ProcessPool initializer (spawn-safe: everything it needs comes pickled by reference).
    First of all, the worker is tied to its parent's life (before loading anything that may take long)."""
    _exit_with_parent()
    _WORKER["fn"] = _load_extractor(extract_fn)


def _pool_chunk(chunk: Sequence[Item]) -> list[Result]:
    fn = _WORKER["fn"]
    return [extract_one(label, item, fn) for label, item in chunk]


def _picklable(obj: Any) -> bool:
    try:
        pickle.dumps(obj)
        return True
    except Exception:  # noqa: BLE001 - any reason not to pickle it is the same answer
        return False


def worker_count(workers: int | None, extract_fn: Callable, stream: TextIO | None) -> int:
    """The processes asked for (``None``: the cores available); 1 when the extractor cannot be sent to them."""
    n = available_cores() if workers is None else max(1, int(workers))
    if n > 1 and not _picklable(extract_fn):
        print("eventmap: the extractor cannot be sent to worker processes (not a module-level "
              "function); extracting in this process", file=stream or sys.stderr)
        return 1
    return n


def ingest_parallel(store: EventStore, paths: Iterable[str | Path], workers: int | None = None,
                    published: str | None = None, source: str | None = None, url: str | None = None,
                    extract_fn: Callable | None = None, progress: bool | None = None, stream: TextIO | None = None,
                    chunk_size: int | None = None, on_chunk: Callable[[int, int], None] | None = None
                    ) -> BatchSummary:
    """Read, extract and store every report under ``paths``, extracting in ``workers`` processes.

    ``workers=None``: the cores available, staying in-process for batches under
    :data:`MIN_PARALLEL` reports.  ``workers=1``: in-process.  The result (store contents and
    summary) equals a one-worker run.  ``on_chunk(done, total)`` is called after each write.
    """
    fn = prepare_extractor(store, extract_fn)
    n_workers = worker_count(workers, fn, stream)
    items = list(iter_reports(paths, published, source, url, defer_files=n_workers > 1))
    if workers is None and len(items) < MIN_PARALLEL:
        n_workers = 1
    n_workers = min(n_workers, max(1, len(items)))
    parts = chunks(items, _chunk_size(len(items), n_workers, chunk_size))
    with Writer(store, len(items), stream, progress, on_chunk) as write:
        if n_workers == 1:
            return run_serial(parts, fn, write)
        run_pool(parts, n_workers, fn, write)
        return write.close()


def run_pool(parts: Iterable[list[Item]], n_workers: int, fn: Callable,
              write: Callable[[list[Result]], None]) -> None:
    """Extract the chunks in a pool of ``n_workers`` processes, writing results in input order.

    ``parts`` is read as the pool has room (a few chunks per worker ahead), so a store's reports need not all
    be in memory (``reprocess``). A pool that breaks (a worker killed, out of memory, a crash on some input)
    is restarted and what was not written is run again; after two broken pools the suspects go one report at a
    time, so the next break names the report that kills its worker (only that report fails), then full speed
    again."""
    # keys (chunk index, part) keep the input order when a chunk is later split into single reports
    source = (((i, 0), ch) for i, ch in enumerate(parts))
    pending: deque = deque()

    def waiting() -> bool:
        """True when a chunk waits to be sent (the next one read from ``parts`` if none did)."""
        if not pending:
            nxt = next(source, None)
            if nxt is not None:
                pending.append(nxt)
        return bool(pending)

    restarts = 0
    suspects = -1  # chunks up to this index were in flight when a pool last broke
    ctx = multiprocessing.get_context("spawn")
    while waiting():
        inflight: deque = deque()
        careful = restarts >= 2
        if careful:
            split = _split_suspects(pending, suspects)
            pending.clear()
            pending.extend(split)
        try:
            ex = ProcessPoolExecutor(1 if careful else n_workers, mp_context=ctx, initializer=_init_worker,
                                     initargs=(fn,))
            with _shutdown_now_on_interrupt(ex):
                while inflight or waiting():
                    if careful and not inflight and pending[0][0][0] > suspects:
                        restarts = 0  # every suspect went through (the death was not the input's fault)
                        break
                    while len(inflight) < (1 if careful else n_workers * 4) and waiting():
                        key, ch = pending.popleft()
                        inflight.append((key, ch, ex.submit(_pool_chunk, ch)))
                    results = inflight[0][2].result()
                    inflight.popleft()
                    write(results)
        except BrokenProcessPool:
            if careful:  # alone in its pool, this report killed the worker again: it fails, the rest goes on
                _, ch, _ = inflight.popleft()
                write([(label, item if not isinstance(item, FileJob) else ReportInputError("not read"),
                        "the extraction process died on this report (3 times)") for label, item in ch])
                restarts = 0
            else:
                restarts += 1
                suspects = max([key[0] for key, _, _ in inflight] + [suspects])
            back = sorted([(key, ch) for key, ch, _ in inflight] + list(pending), key=lambda t: t[0])
            pending.clear()
            pending.extend(back)


def _split_suspects(pending: deque, suspects: int) -> deque:
    """The chunks that were in flight when pools broke, split into single reports."""
    split: list = []
    for key, ch in pending:
        if key[0] <= suspects and len(ch) > 1:
            split += [((key[0], n), [item]) for n, item in enumerate(ch)]
        else:
            split.append((key, ch))
    return deque(split)


class _shutdown_now_on_interrupt:
    """``with`` for a pool: normal exit waits for the workers; Ctrl-C cancels what has not started."""

    def __init__(self, ex: ProcessPoolExecutor) -> None:
        self.ex = ex

    def __enter__(self) -> ProcessPoolExecutor:
        return self.ex

    def __exit__(self, et, ev, tb) -> None:
        if et is KeyboardInterrupt:
            self.ex.shutdown(wait=False, cancel_futures=True)
        else:
            self.ex.shutdown(wait=True)


