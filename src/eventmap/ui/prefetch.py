"""The first page's store reads, done by helper processes while the dashboard's server starts.

On a large store, the first page after ``eventmap app`` spent most of its time in Python reading the store: the
events under the default filters (100,000 events: 4.5 s) or, above ``ui.overview.bin_above()``, their counts
(1,000,000 events: 5 s), and the control model (1 s; 12 s at 1,000,000 events). All of it waited for the
server's own start (imports, Streamlit's web server) and then ran one after the other on one core: Python
threads share one interpreter lock. So, as soon as the server starts, two helper processes
(``python -m eventmap.ui.prefetch``) do that work on the other cores, one the view (the events, or the counts),
one the control model, and each sends its result back through a socket. On Linux they are one process that imports
what both need and then forks the second (:data:`FORK`): the imports cost 0.45 s of CPU, once instead of twice, on
a machine whose cores the server's start and the browser already keep busy. The view's helper then makes the map's
events layer from what it read (``views.live_map.dashboard_layer``: 0.45 s of CPU at 100,000 events, which the page
spent on its critical path after the events came) and sends it too. On an embedded store they read their rows
into Arrow with GDAL (``store.gdal_read``: no Python object per value), closing their own connection meanwhile:
a helper may, the server may not (GDAL's own SQLite and ours must not share a file in one process).

The first script run takes each result (:func:`take`) instead of reading the store itself, waiting for it when
it is still being read; but for what the page can be drawn without (the control model: 5 s after the rest of the
first page at 1,000,000 events), it asks whether it is still coming (:func:`arriving`), draws the page without it,
and draws it again when it has come (``app.py``). A result is used once, and only when it is what the page would have read: the same
store, the same filter (the default view; a first page opened with filters in its URL reads its own) and the
same data token (``ui.session.data_token``, checked before and after each read, so a write in between
discards the result). Anything else (a small store, a helper that failed, another filter, a changed store)
and the page reads the store itself, as it would without this module. ``EVENTMAP_PREFETCH=0`` turns it off
(to measure the difference), as does ``EVENTMAP_WARM=0``.

The results are pickled: they come from our own child processes, through sockets only they and the server hold.
Each helper also keeps the bytes it sent on disk, and on the next start of an unchanged store (the same data token,
file and code) sends them again without reading the store (``ui.page_cache``; ``EVENTMAP_PAGE_CACHE=0`` turns it off).
What the server reads itself of the same kinds (after a write made in the dashboard) is kept the same way
(:func:`keep`).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from eventmap import settings
from eventmap.ui import page_cache

#: more stored events than this and the first page's reads are worth doing ahead (the sample's take milliseconds,
#: and each helper costs about 1 s of CPU to start, taken from the server's own start)
PREFETCH_ABOVE = 20_000
#: an embedded store's file at least this large starts the helpers at once, before the store is opened (10,000 to
#: 12,500 events in the benchmark's stores of schema 6, about 4,500 of schema 5, whose rows repeated the event as
#: JSON: below :data:`PREFETCH_ABOVE` either way); each helper counts the events and stops when they are too few
EARLY_FILE_BYTES = 16 * 2**20
#: the helpers, by what they make: the default view (its events, or its counts on a large store; then the map's
#: events layer), the control model
JOBS = ("view", "control")
#: the helpers are one process that imports what both need once and forks the second (0.45 s of CPU each, taken
#: from the first page's two busy cores); where fork is not safe to use after those imports (macOS), one each
FORK = sys.platform.startswith("linux")
#: what the view's helper reads (one or the other), before it makes the map's events layer from it
VIEW_KINDS = ("events", "overview")
#: how long a page waits for a result still being read before it reads the store itself
WAIT_S = 300.0
#: what the server read itself of a helper's kinds is kept on disk this long after (the page is sent first)
KEEP_DELAY_S = 2.0
#: results not taken this long after the helpers started are dropped (a server whose first visitor opens another
#: page, or comes back hours later, does not hold a frame of every event for nothing)
KEEP_S = 600.0


class _Pending:
    """What the server has been promised and handed, for one store."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.results: dict[str, tuple[tuple, Any, Any]] = {}   # kind -> (token, filter, value)
        self.coming: set[str] = set()       # kinds a helper has said it will send
        self.unplanned = 0                  # helpers that have not yet said what they will send
        self.declined: set[str] = set()     # kinds the first page read itself (another filter): not kept

    def _coming(self, kind: str, wait: float) -> bool:
        """``kind`` is still being read after waiting up to ``wait`` seconds for it (the caller holds ``cond``)."""
        deadline = time.monotonic() + wait
        while kind not in self.results and (kind in self.coming or self.unplanned):
            left = deadline - time.monotonic()
            if left <= 0:
                return True
            self.cond.wait(left)
        return False

    def take(self, kind: str, token: tuple, filt: Any, wait: float) -> Any:
        with self.cond:
            self._coming(kind, wait)
            got = self.results.pop(kind, None)
        if got is None or got[0] != token or got[1] != filt:
            _say(f"{kind}: {'none' if got is None else 'read for another store version or filter'}")
            return None
        _say(f"{kind} taken")
        return got[2]

    def arriving(self, kind: str, wait: float) -> bool:
        """``kind`` is still being read after ``wait`` seconds (waited for meanwhile), and will be kept."""
        with self.cond:
            return kind not in self.declined and self._coming(kind, wait)

    def decline(self, kind: str) -> None:
        """The first page asked for ``kind`` under another filter: it reads its own, and the helper's result,
        now or when it comes, is not kept (the default view's frame of 100,000 events is 84 MB pickled)."""
        with self.cond:
            self.declined.add(kind)
            self.results.pop(kind, None)

    def expire(self) -> None:
        """Drop the results no page has taken (:data:`KEEP_S`); those still being read are kept when they come."""
        with self.cond:
            self.declined |= set(self.results)
            self.results.clear()

    def receive(self, sock: socket.socket, proc: subprocess.Popen) -> None:
        """One helper's side of its socket: its plan (the kinds it will send), then each result as it comes."""
        planned = False
        promised: set[str] = set()
        try:
            with sock:
                while (data := _receive(sock)) is not None:
                    msg = page_cache.unpickle(data)
                    del data
                    with self.cond:
                        if msg[0] == "plan" and not planned:
                            planned, promised = True, set(msg[1])
                            self.coming |= promised
                            self.unplanned -= 1
                        elif msg[0] in promised:
                            kind, token, filt, value = msg
                            if kind not in self.declined:
                                self.results[kind] = (token, filt, value)
                            self.coming.discard(kind)
                        self.cond.notify_all()
                    _say(f"{msg[0]} received")
        except Exception as exc:  # noqa: BLE001 - the page reads the store itself
            _say(f"receiving: {type(exc).__name__}: {exc}")
        finally:
            with self.cond:
                self.coming -= promised - set(self.results)
                if not planned:
                    self.unplanned -= 1
                self.cond.notify_all()
            proc.wait()


_pending: dict[str | None, _Pending] = {}
_lock = threading.Lock()


def _say(label: str) -> None:
    if settings.profile():
        print(f"[eventmap prefetch] {label}", file=sys.stderr, flush=True)


def enabled() -> bool:
    return settings.prefetch() and os.name == "posix"   # the socket is handed to the helper as a file descriptor


def default_filter() -> Any:
    """The store filter of the first page opened with no filters in its URL."""
    from eventmap.ui.state import ViewState

    return ViewState().base_filter()


def worth_keeping(token: tuple) -> bool:
    """The server keeps what it makes for this store on disk for the next start (``ui.page_cache``): more stored
    events than :data:`PREFETCH_ABOVE` (``token`` is the store's data token), and the page cache on."""
    return page_cache.enabled() and token[1] > PREFETCH_ABOVE


def first_page(token: tuple, filt: Any) -> bool:
    """:func:`worth_keeping`, and ``filt`` is the default view's: the first page after a start."""
    return worth_keeping(token) and filt == default_filter()


def _large_file(url: str | None) -> bool:
    from eventmap.store import embedded_file

    path = embedded_file(url)
    try:
        return path is not None and path.stat().st_size >= EARLY_FILE_BYTES
    except OSError:
        return False


def started(url: str | None) -> bool:
    """The helpers were started for this store (or are off): nothing left to decide."""
    return url in _pending or not enabled()


def start(url: str | None, n_events: int | None = None) -> bool:
    """Start the helpers for the store at ``url`` (once per server): when it holds more than
    :data:`PREFETCH_ABOVE` events, or, with ``n_events`` not known yet, when it is an embedded store whose file
    is at least :data:`EARLY_FILE_BYTES` long. ``True`` when they were started now."""
    if not enabled() or not (_large_file(url) if n_events is None else n_events > PREFETCH_ABOVE):
        return False
    with _lock:
        if url in _pending:
            return False
        p = _pending[url] = _Pending()
    env = dict(os.environ)
    if url is not None:
        env["EVENTMAP_DB"] = str(url)   # not on the command line: a database URL may hold a password
    for jobs in ([list(JOBS)] if FORK else [[job] for job in JOBS]):
        pairs = [socket.socketpair() for _ in jobs]
        fds = [theirs.fileno() for _, theirs in pairs]
        try:
            proc = subprocess.Popen([sys.executable, "-m", "eventmap.ui.prefetch", ",".join(jobs),
                                     ",".join(map(str, fds)), str(PREFETCH_ABOVE)], env=env, pass_fds=fds,
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        except OSError as exc:
            for mine, _ in pairs:
                mine.close()
            _say(f"{' and '.join(jobs)} helper not started: {exc}")
            continue
        finally:
            for _, theirs in pairs:
                theirs.close()
        for job, (mine, _) in zip(jobs, pairs):
            with p.cond:
                p.unplanned += 1
            threading.Thread(target=p.receive, args=(mine, proc), name=f"eventmap-prefetch-{job}",
                             daemon=True).start()
    timer = threading.Timer(KEEP_S, p.expire)
    timer.daemon = True
    timer.start()
    _say("helpers started")
    return True


def take(kind: str, url: str | None, token: tuple, filt: Any = None, wait: float = WAIT_S) -> Any:
    """The ``kind`` result (``events``, ``overview``, ``layer``, ``control``) read ahead for this store, data token and
    filter, once; ``None`` when there is none to use (the caller then reads the store itself). Waits up to
    ``wait`` seconds for one still being read."""
    p = _pending.get(url)
    if p is None:
        return None
    if filt is not None and filt != default_filter():
        p.decline(kind)
        if kind in VIEW_KINDS:   # the map's layer is made from the view: no page will ask for it either
            p.decline("layer")
        return None
    return p.take(kind, token, filt, wait)


def arriving(kind: str, url: str | None, wait: float = 0.0) -> bool:
    """A helper is still reading ``kind`` for this store, ``wait`` seconds from now (waited for meanwhile): a page
    that can be drawn without it may go on, and come back for it (:func:`take` waits for it)."""
    p = _pending.get(url)
    return p is not None and p.arriving(kind, wait)


def keep(kind: str, url: str | None, token: tuple, filt: Any, value: Any) -> threading.Thread | None:
    """The server read ``kind`` itself (``events``, ``overview`` or ``control``: after a write made in the
    dashboard, or before a helper's result came): keep it on disk as a helper keeps what it sends, so the next
    start of the store as it is now sends it without reading the store (``ui.page_cache``). Only what a helper
    reads and would look for (a store above :data:`PREFETCH_ABOVE`, the default view's filter, or none for the
    control model) and only while the store is still at ``token`` when it is written: no write came between the
    token and the read. Pickled and written by a daemon thread :data:`KEEP_DELAY_S` later, off the page's way
    (84 MB and 0.1 s of pickling at 100,000 events); the thread, or ``None`` when there is nothing to keep."""
    if not (enabled() and worth_keeping(token)) or filt != (None if kind == "control" else default_filter()):
        return None
    try:
        path, digest = page_cache.key(kind, url, token, filt)
    except OSError:   # the store's file cannot be looked at: nothing to key it on
        return None

    def write() -> None:
        from eventmap.store import open_store
        from eventmap.ui.session import data_token

        time.sleep(KEEP_DELAY_S)
        try:
            if page_cache.holds(path, digest):   # a helper kept it already
                return
            with open_store(url) as store:
                if data_token(store) != token:   # written to since: the value may be older than the store
                    return
            msg = _result(kind, token, filt, value)   # as a helper sends it
            if page_cache.save(path, digest, msg):
                _say(f"{kind} kept ({len(msg) / 2**20:,.1f} MB)")
        except Exception as exc:  # noqa: BLE001 - nothing is lost but time on the next start
            _say(f"{kind} not kept: {type(exc).__name__}: {exc}")

    t = threading.Thread(target=write, name=f"eventmap-keep-{kind}", daemon=True)
    t.start()
    return t


#: each message through a helper's socket: its length (8 bytes), then the pickle of ``(kind, token, filter, value)``
#: or of ``("plan", kinds)``
_LENGTH = struct.Struct("<Q")


def _send(out: socket.socket, data: bytes) -> None:
    out.sendall(_LENGTH.pack(len(data)))
    out.sendall(data)


def _plan(out: socket.socket, kinds: list[str]) -> None:
    _send(out, pickle.dumps(("plan", kinds), protocol=pickle.HIGHEST_PROTOCOL))


def _result(kind: str, token: tuple, filt: Any, value: Any) -> bytes:
    """A result's message: what a helper sends, what it and the server keep on disk (``ui.page_cache``)."""
    return pickle.dumps((kind, token, filt, value), protocol=pickle.HIGHEST_PROTOCOL)


def _exactly(sock: socket.socket, n: int) -> bytearray | None:
    """``n`` bytes from ``sock``, ``None`` when it ends before the first. Each call asks the kernel for all of them
    at once (``MSG_WAITALL``), so the interpreter lock is taken again once per message, not once per piece. Read
    from a pipe in its 64 KB pieces, each piece waited for the server's other threads to let go of the lock: 84 MB
    (the frame of 100,000 events) took 6.8-7.2 s beside one busy thread against 0.2-0.4 s alone; through this
    socket 0.4 s beside the same thread."""
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = sock.recv_into(view[got:], n - got, socket.MSG_WAITALL)
        if k == 0:
            if got == 0:
                return None
            raise EOFError(f"a message cut short: {got:,} of {n:,} bytes")
        got += k
    return buf


def _receive(sock: socket.socket) -> bytearray | None:
    """The next message's pickle, ``None`` when the helper has closed its socket."""
    head = _exactly(sock, _LENGTH.size)
    if head is None:
        return None
    body = _exactly(sock, _LENGTH.unpack(head)[0])
    if body is None:
        raise EOFError("a message without its body")
    return body


def _read(kind: str, store: Any, filt: Any) -> tuple[Any, Any]:
    """What the page reads for ``kind`` (``app.py``: ``events``, ``counts``, ``control_all``), the same value:
    ``(store, value)``, the store open again when it was closed for GDAL (:func:`_via_gdal`)."""
    if kind == "control":
        from eventmap.control.model import COLUMNS, CONTROL_SUB_TYPES, control_from_store, control_from_table

        sql, _ = store.control_sql(COLUMNS, CONTROL_SUB_TYPES, inline=True)
        return _via_gdal(store, sql, COLUMNS, lambda _, t: control_from_table(t), control_from_store)
    if kind == "overview":
        from eventmap.ui import overview as ov

        return store, ov.overview(store, filt)
    sql, params, names = store.query_sql(filt)
    if params:   # another filter than the default view's: as the page reads it
        return store, store.query(filt)
    return _via_gdal(store, sql, names, lambda s, t: s.query_from_table(filt, t), lambda s: s.query(filt))


def _via_gdal(store: Any, sql: str, names: Sequence[str], from_table: Callable[[Any, Any], Any],
              read: Callable[[Any], Any]) -> tuple[Any, Any]:
    """``read(store)``, or, on an embedded store, ``from_table(store, rows)``, the rows of ``sql`` read into Arrow by GDAL
    (``store.gdal_read``): the store is closed while GDAL reads its file (GDAL's own SQLite may not share it with
    ours in one process), then opened again. ``(store, value)``."""
    from eventmap.store import embedded_file, open_store
    from eventmap.store.gdal_read import read_table

    path = embedded_file(settings.store_url())
    if path is None:
        return store, read(store)
    store.close()
    try:
        table = read_table(path, sql, names)
    except Exception as exc:  # noqa: BLE001 - read as the page reads
        _say(f"GDAL: {type(exc).__name__}: {exc}")
        table = None
    store = open_store(settings.store_url())
    return store, (read(store) if table is None else from_table(store, table))


def _child(job: str, fd: int, above: int) -> int:
    """A helper: ``view`` reads the default view's events, or their counts on a store above ``bin_above()``, and
    then makes the map's events layer from them (``layer``); ``control`` builds the control model."""
    from eventmap.store import EventFilter, open_store
    from eventmap.ui import overview as ov
    from eventmap.ui.session import data_token

    t0 = time.perf_counter()
    with socket.socket(fileno=fd) as out:
        store = open_store(settings.store_url())
        try:
            if store.count_stored(EventFilter(include_hidden=True)) <= above:
                _plan(out, [])
                return 0
            filt = None if job == "control" else default_filter()
            kind = job if filt is None else ("overview" if ov.is_large(store, filt) else "events")
            kinds = [kind] if job == "control" else [kind, "layer"]
            _plan(out, kinds)
            before = data_token(store)
            value: Any = None
            view_msg: bytes | None = None   # the view as kept on disk: unpickled only if its layer is made here
            to_keep: list[tuple[tuple[Any, bytes], bytes]] = []
            for k in kinds:
                try:
                    kept = page_cache.key(k, settings.store_url(), before, filt) if page_cache.enabled() else None
                except OSError:   # the store's file cannot be looked at: read, keep nothing
                    kept = None
                msg = page_cache.load(*kept) if kept else None
                if msg is not None:   # the same store, data, filter and code as when it was kept: the same bytes
                    _send(out, msg)
                    _say(f"{k} sent from the page cache at {time.perf_counter() - t0:.2f} s")
                    if k == kind:
                        view_msg = msg
                    continue
                if k == "layer":
                    if value is None and view_msg is not None:   # kept without its layer (84 MB at 100,000 events)
                        value = page_cache.unpickle(view_msg)[3]
                    made = _layer(kind, value)
                else:
                    store, made = _read(k, store, filt)
                    value = made
                if data_token(store) != before:
                    _say(f"{k} dropped: the store changed while it was read")
                    return 0
                msg = _result(k, before, filt, made)
                _send(out, msg)
                import resource

                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # kB on Linux
                _say(f"{k} sent at {time.perf_counter() - t0:.2f} s (helper's peak memory {peak:,.0f} MB)")
                if kept:
                    to_keep.append((kept, msg))
            # written after every result is sent, the page does not wait for the disk: 84 MB of events at 100,000
            # took 0.2 s of CPU, which the layer waited for when the events were written before it was made
            _keep(to_keep)
        finally:
            store.close()
    return 0


def _keep(results: list[tuple[tuple[Any, bytes], bytes]]) -> None:
    """Write the results just sent to the page cache, behind the first page's own work (``os.nice``: the browser
    and the server are drawing it on the same cores)."""
    if not results:
        return
    with contextlib.suppress(OSError, AttributeError):   # (no nice on Windows)
        os.nice(10)
    for (path, digest), msg in results:
        page_cache.save(path, digest, msg)


def _layer(kind: str, value: Any) -> Any:
    """The map's events layer of the view just read (``app.py``: ``map_layer``)."""
    from eventmap.views.live_map import dashboard_layer

    return dashboard_layer(None, value.bins) if kind == "overview" else dashboard_layer(value)


#: what every helper imports before it reads: pandas and Arrow (through the store), GDAL's reader
PRELOAD = ("eventmap.store", "eventmap.store.gdal_read", "eventmap.ui.overview", "eventmap.ui.session")


def _preload() -> None:
    """:data:`PRELOAD`, and the page cache's digest of the code (every module read: 0.05 s), once, before the fork."""
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    if page_cache.enabled():
        page_cache.code_version()


def _run(job: str, fd: int, above: int) -> int:
    try:
        return _child(job, fd, above)
    except (ConnectionError, KeyboardInterrupt):  # the server stopped (Ctrl-C reaches the helpers too)
        return 0
    except Exception as exc:  # noqa: BLE001 - the page reads the store itself, and reports what is wrong with it
        _say(f"{job} helper: {type(exc).__name__}: {exc}")
        return 1


def _helpers(jobs: list[str], fds: list[int], above: int) -> int:
    """The helper process: ``jobs[0]`` here, each other job in a process forked from this one after the imports
    they share (:func:`_preload`); each job answers through its own socket, ``fds``."""
    if len(jobs) > 1:
        _preload()
    kids = []
    for job, fd in list(zip(jobs, fds))[1:]:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:   # the child: its own job, its own socket; the others' closed
            for other in fds:
                if other != fd:
                    os.close(other)
            os._exit(_run(job, fd, above))
        kids.append(pid)
        os.close(fd)
    code = _run(jobs[0], fds[0], above)
    for pid in kids:   # reaped: its CPU counts as this process's children's
        try:
            os.waitpid(pid, 0)
        except (ChildProcessError, KeyboardInterrupt):   # Ctrl-C reaches the child too
            pass
    return code


if __name__ == "__main__":
    sys.exit(_helpers(sys.argv[1].split(","), [int(x) for x in sys.argv[2].split(",")], int(sys.argv[3])))
