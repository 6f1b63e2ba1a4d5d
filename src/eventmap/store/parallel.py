"""Parallel (``--workers N``) and distributed (``--dask ADDRESS``) ingestion, with ONE writer.

Extraction is the slow part of ingestion (milliseconds per report, against well under a
millisecond to store it), so it is the part spread out:

* :func:`ingest_parallel` runs extraction in N local processes (``ProcessPoolExecutor``,
  ``spawn`` context; the initializer loads the extractor and the gazetteer once per worker).
  Reports go out in chunks; the parent is the only writer and writes each chunk's reports
  in input order, so the store and the summary equal those of a one-worker run.  Files
  other than .jsonl are read (HTML parsed) in the workers too.
* :func:`ingest_dask` submits chunks to an existing ``dask.distributed`` cluster
  (``Client(address)``).  Tasks are pure and retried (``retries=2``); a worker that dies
  takes no report with it: the scheduler runs its tasks again elsewhere.  Results are
  gathered as they complete (``as_completed``) and written by the client process, in input
  order (a small reorder buffer), to the store named by ``--db``.  The parent reads the
  files (cluster workers need not share its disk); ``eventmap`` must be installed on the
  workers.

Both keep at most a few chunks per worker in flight, so memory does not grow with the size
of the archive beyond the list of inputs itself.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence, TextIO

from eventmap.model import Event, Report
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # base brings pandas, which the spawned extraction workers never need
    from eventmap.store.base import EventStore
from eventmap.store.ingest import (BatchSummary, InputError, Progress, default_extractor, iso_date, iter_files,
                                   read_file, read_jsonl)

#: below this many reports an automatic worker count stays in-process (starting workers costs more)
MIN_PARALLEL = 500


def available_cores() -> int:
    """CPUs this process may run on (``sched_getaffinity``; falls back to ``os.cpu_count()``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class FileJob:
    """A .txt/.html file to be read where it is extracted (in a worker)."""
    path: str
    published: str | None
    source: str | None
    url: str | None


Item = tuple[str, Any]          # (label, Report | InputError | FileJob)
Result = tuple[str, Any, Any]   # (label, Report | InputError, list[Event] | str failure reason)


def plan_items(paths: Iterable[str | Path], published: str | None = None, source: str | None = None,
               url: str | None = None, defer_files: bool = False) -> list[Item]:
    """The inputs in the order :func:`eventmap.store.ingest.iter_reports` gives them.

    With ``defer_files`` the .txt/.html files are left as :class:`FileJob` (read in the worker);
    .jsonl lines are always parsed here (cheap, and one file holds many reports).
    """
    if published:
        published = iso_date(published, "--published")
    out: list[Item] = []
    for f in iter_files(paths):
        if not f.exists():
            out.append((str(f), InputError("no such file or folder")))
            continue
        if f.suffix.lower() == ".jsonl":
            try:
                out.extend(read_jsonl(f, published, source, url))
            except (InputError, OSError) as exc:
                out.append((str(f), InputError(str(exc))))
            continue
        if defer_files:
            out.append((str(f), FileJob(str(f), published, source, url)))
            continue
        out.append(_read(str(f), FileJob(str(f), published, source, url)))
    return out


def _read(label: str, job: FileJob) -> tuple[str, Report | InputError]:
    try:
        return label, read_file(Path(job.path), job.published, job.source, job.url)
    except (InputError, OSError) as exc:
        return label, InputError(str(exc))


def extract_one(label: str, item: Any, extract_fn: Callable) -> Result:
    """Read (if a :class:`FileJob`) and extract one input; failures come back as a reason, never raised."""
    if isinstance(item, FileJob):
        label, item = _read(label, item)
    if isinstance(item, InputError):
        return label, item, str(item)
    try:
        events = extract_fn(item.text, item.published, source=item.source, url=item.url, title=item.title)
    except Exception as exc:  # this report only
        return label, item, f"{type(exc).__name__}: {exc}"
    return label, item, list(events)


# ------------------------------------------------------------------ per-process state of a worker
_WORKER: dict[str, Any] = {}


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
    except Exception:  # a toy extractor or no gazetteer: the first real call will say what is wrong
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


def extract_chunk(chunk: Sequence[Item], extract_fn: Callable | None = None) -> list[Result]:
    """Pure task for Dask: the same chunk always gives the same results (the gazetteer is cached per worker)."""
    fn = _load_extractor(extract_fn)
    return [extract_one(label, item, fn) for label, item in chunk]


# ------------------------------------------------------------------ the one writer
def write_results(store: EventStore, results: Sequence[Result], summary: BatchSummary) -> None:
    """Store a chunk's reports in input order (one transaction for the chunk, each report whole).

    If the chunk's transaction fails, each report is stored on its own, so one bad report
    fails alone, exactly as in a one-worker run.
    """
    good = [(label, rep, evs) for label, rep, evs in results if not isinstance(evs, str)]
    try:
        res = store.ingest_many([(rep, evs) for _, rep, evs in good]) if good else []
        by_label = {id(g): r for g, r in zip(good, res)}
    except Exception:
        by_label = {}
        for g in good:
            try:
                by_label[id(g)] = store.ingest(g[1], g[2])
            except Exception as exc:
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


def _chunks(items: Sequence[Item], size: int) -> list[list[Item]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _chunk_size(n: int, workers: int, chunk_size: int | None) -> int:
    if chunk_size:
        return max(1, int(chunk_size))
    return max(1, min(32, n // (workers * 8) or 1))


def _picklable(obj: Any) -> bool:
    try:
        pickle.dumps(obj)
        return True
    except Exception:
        return False


def ingest_parallel(store: EventStore, paths: Iterable[str | Path], workers: int | None = None,
                    published: str | None = None, source: str | None = None, url: str | None = None,
                    extract_fn: Callable | None = None, progress: bool | None = None, stream: TextIO | None = None,
                    chunk_size: int | None = None, on_chunk: Callable[[int, int], None] | None = None
                    ) -> BatchSummary:
    """Like :func:`eventmap.store.ingest.ingest_paths`, extracting in ``workers`` processes.

    ``workers=None``: the cores available, staying in-process for batches under
    :data:`MIN_PARALLEL` reports.  ``workers=1``: in-process.  The result (store contents and
    summary) equals a one-worker run.  ``on_chunk(done, total)`` is called after each write.
    """
    auto = workers is None
    n_workers = available_cores() if auto else max(1, int(workers))
    if extract_fn is not None and not _picklable(extract_fn):
        print("eventmap ingest: the extractor cannot be sent to worker processes (not a module-level "
              "function); extracting in this process", file=stream or sys.stderr)
        n_workers = 1
    items = plan_items(paths, published, source, url, defer_files=n_workers > 1)
    if auto and len(items) < MIN_PARALLEL:
        n_workers = 1
    n_workers = min(n_workers, max(1, len(items)))
    summary = BatchSummary()
    bar = Progress(len(items), stream, force=bool(progress)) if progress is not False else Progress(0)
    done = 0

    def write(results: list[Result]) -> None:
        nonlocal done
        write_results(store, results, summary)
        done += len(results)
        bar.update(done, results[-1][0] if results else "")
        if on_chunk:
            on_chunk(done, len(items))

    size = _chunk_size(len(items), n_workers, chunk_size)
    chunks = _chunks(items, size)
    if n_workers == 1:
        fn = extract_fn or default_extractor()
        for ch in chunks:
            write([extract_one(label, item, fn) for label, item in ch])
        bar.close()
        return summary

    # keys (chunk index, part) keep the input order when a chunk is later split into single reports
    pending: deque = deque(((i, 0), ch) for i, ch in enumerate(chunks))
    restarts = 0
    suspects = -1  # chunks up to this index were in flight when a pool last broke
    ctx = multiprocessing.get_context("spawn")
    while pending:
        inflight: deque = deque()
        # after two broken pools: one report at a time through the suspects, so that the next break names the
        # report that kills its worker (and only that report fails); then back to full speed
        careful = restarts >= 2
        if careful:
            split: list = []
            for key, ch in pending:
                if key[0] <= suspects and len(ch) > 1:
                    split += [((key[0], n), [item]) for n, item in enumerate(ch)]
                else:
                    split.append((key, ch))
            pending = deque(split)
        try:
            ex = ProcessPoolExecutor(1 if careful else n_workers, mp_context=ctx, initializer=_init_worker,
                                     initargs=(extract_fn,))
            with _shutdown_now_on_interrupt(ex):
                while pending or inflight:
                    if careful and not inflight and pending[0][0][0] > suspects:
                        restarts = 0  # every suspect went through (the death was not the input's fault)
                        break
                    while pending and len(inflight) < (1 if careful else n_workers * 4):
                        key, ch = pending[0]
                        inflight.append((key, ch, ex.submit(_pool_chunk, ch)))
                        pending.popleft()
                    key, ch, fut = inflight[0]
                    results = fut.result()
                    inflight.popleft()
                    write(results)
        except BrokenProcessPool:
            # a worker died (killed, out of memory, a crash on some input): rerun what was not written
            if careful:  # alone in its pool, this report killed the worker again: it fails, the rest goes on
                _, ch, _ = inflight.popleft()
                write([(label, item if not isinstance(item, FileJob) else InputError("not read"),
                        "the extraction process died on this report (3 times)") for label, item in ch])
                restarts = 0
            else:
                restarts += 1
                suspects = max([key[0] for key, _, _ in inflight] + [suspects])
            pending = deque(sorted([(key, ch) for key, ch, _ in inflight] + list(pending), key=lambda t: t[0]))
    bar.close()
    return summary


def _check_reachable(address: str, timeout: float = 3.0) -> None:
    """Fail fast (OSError) when nothing listens at a tcp:// scheduler address, instead of retrying for seconds."""
    import socket
    from urllib.parse import urlsplit

    if "://" not in address:
        address = "tcp://" + address
    u = urlsplit(address)
    if u.scheme not in ("tcp", "tls") or not u.hostname or not u.port:
        return  # other transports (inproc, ws, ucx): let distributed say what is wrong
    with socket.create_connection((u.hostname, u.port), timeout=timeout):
        pass


class _shutdown_now_on_interrupt:
    """``with`` for a pool: normal exit waits for the workers; Ctrl-C cancels what has not started."""

    def __init__(self, ex: ProcessPoolExecutor) -> None:
        self.ex = ex

    def __enter__(self) -> ProcessPoolExecutor:
        return self.ex

    def __exit__(self, et, ev, tb) -> None:  # noqa: ANN001
        if et is KeyboardInterrupt:
            self.ex.shutdown(wait=False, cancel_futures=True)
        else:
            self.ex.shutdown(wait=True)


def ingest_dask(store: EventStore, paths: Iterable[str | Path], address: str | None = None,
                published: str | None = None, source: str | None = None, url: str | None = None,
                extract_fn: Callable | None = None, progress: bool | None = None, stream: TextIO | None = None,
                chunk_size: int | None = None, client: Any = None, retries: int = 2,
                on_chunk: Callable[[int, int], None] | None = None) -> BatchSummary:
    """Extract on a dask.distributed cluster (scheduler ``address``, or an open ``client``); store here.

    Tasks are pure (same chunk, same key, same result) and retried ``retries`` times; a
    killed worker's tasks are rerun by the scheduler.  Each chunk is written once, in
    input order, as results complete.
    """
    from dask.base import tokenize
    from distributed import Client, as_completed

    own = client is None
    if own:
        if not address:
            raise ValueError("ingest_dask needs a scheduler address (tcp://host:8786) or a client")
        _check_reachable(address)
        client = Client(address, timeout="10s", set_as_default=False)
    try:
        items = plan_items(paths, published, source, url, defer_files=False)
        try:
            n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        except Exception:
            n_workers = 1
        size = _chunk_size(len(items), n_workers, chunk_size)
        chunks = _chunks(items, size)
        summary = BatchSummary()
        bar = Progress(len(items), stream, force=bool(progress)) if progress is not False else Progress(0)
        done = 0
        fn_token = tokenize(getattr(extract_fn, "__module__", ""), getattr(extract_fn, "__qualname__", ""))

        def submit(i: int):
            key = f"eventmap-extract-{i}-{tokenize(chunks[i], fn_token)}"
            fut = client.submit(extract_chunk, chunks[i], extract_fn, key=key, pure=True, retries=retries)
            index[fut.key] = i
            return fut

        index: dict[str, int] = {}
        window = max(2, n_workers * 4)
        nxt = min(window, len(chunks))
        ac = as_completed([submit(i) for i in range(nxt)], loop=client.loop, with_results=False)
        ready: dict[int, list[Result]] = {}
        write_next = 0
        for fut in ac:
            i = index.pop(fut.key)
            try:
                ready[i] = fut.result()
            except Exception as exc:  # failed after its retries: its reports are reported failed, not lost silently
                ready[i] = [(label, item, f"extraction task failed: {type(exc).__name__}: {exc}")
                            for label, item in chunks[i]]
            fut.release()
            if nxt < len(chunks):
                ac.add(submit(nxt))
                nxt += 1
            while write_next in ready:
                results = ready.pop(write_next)
                write_results(store, results, summary)
                chunks[write_next] = []  # free the texts
                write_next += 1
                done += len(results)
                bar.update(done, results[-1][0] if results else "")
                if on_chunk:
                    on_chunk(done, len(items))
        bar.close()
        return summary
    finally:
        if own:
            client.close()

