"""Distributed extraction (``--dask ADDRESS``) on an existing ``dask.distributed`` cluster, with ONE writer.

:func:`ingest_dask` submits chunks to the cluster (``Client(address)``).  Tasks are pure and retried
(``retries=2``); a worker that dies takes no report with it: the scheduler runs its tasks again
elsewhere.  Results are gathered as they complete (``as_completed``) and written by the client process,
in input order (a small reorder buffer), to the store named by ``--db``.  The parent reads the files
(cluster workers need not share its disk); ``eventmap`` must be installed on the workers.  At most a
few chunks per worker are in flight.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from eventmap.pipeline.inputs import Item, iter_reports
from eventmap.pipeline.parallel import _load_extractor
from eventmap.pipeline.run import (
    Result,
    Writer,
    chunks,
    extract_one,
    extractor_version,
    prepare_extractor,
)
from eventmap.pipeline.run import chunk_size as _size
from eventmap.pipeline.summary import BatchSummary

if TYPE_CHECKING:
    from eventmap.store.base import EventStore


def extract_chunk(chunk: Sequence[Item], extract_fn: Callable | None = None) -> list[Result]:
    """Pure task for Dask: the same chunk always gives the same results (the gazetteer is cached per worker)."""
    fn = _load_extractor(extract_fn)
    return [extract_one(label, item, fn) for label, item in chunk]


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
    from distributed import Client

    own = client is None
    if own:
        if not address:
            raise ValueError("ingest_dask needs a scheduler address (tcp://host:8786) or a client")
        _check_reachable(address)
        client = Client(address, timeout="10s", set_as_default=False)
    try:
        fn = prepare_extractor(store, extract_fn)
        items = list(iter_reports(paths, published, source, url))
        try:
            n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        except Exception:  # noqa: BLE001 - an old scheduler without the info: one worker
            n_workers = 1
        with Writer(store, len(items), stream, progress, on_chunk) as write:
            _run_on_cluster(client, chunks(items, _size(len(items), n_workers, chunk_size)), fn, n_workers,
                            retries, write)
            return write.close()
    finally:
        if own:
            client.close()


def _run_on_cluster(client: Any, parts: list[list[Item]], fn: Callable, n_workers: int, retries: int,
                    write: Writer) -> None:
    """Submit the chunks (a window of ``4 x workers`` in flight) and write their results in input order."""
    from dask.base import tokenize
    from distributed import as_completed

    fn_token = tokenize(extractor_version(fn))
    index: dict[str, int] = {}

    def submit(i: int) -> Any:
        key = f"eventmap-extract-{i}-{tokenize(parts[i], fn_token)}"
        fut = client.submit(extract_chunk, parts[i], fn, key=key, pure=True, retries=retries)
        index[fut.key] = i
        return fut

    nxt = min(max(2, n_workers * 4), len(parts))
    ac = as_completed([submit(i) for i in range(nxt)], loop=client.loop, with_results=False)
    ready: dict[int, list[Result]] = {}
    write_next = 0
    for fut in ac:
        i = index.pop(fut.key)
        try:
            ready[i] = fut.result()
        except Exception as exc:  # noqa: BLE001 - failed after its retries: its reports fail, never lost silently
            ready[i] = [(label, item, f"extraction task failed: {type(exc).__name__}: {exc}")
                        for label, item in parts[i]]
        fut.release()
        if nxt < len(parts):
            ac.add(submit(nxt))
            nxt += 1
        while write_next in ready:
            write(ready.pop(write_next))
            parts[write_next] = []  # free the texts
            write_next += 1


__all__ = ["extract_chunk", "ingest_dask"]
