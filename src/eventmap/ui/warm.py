"""Warm the dashboard server while it starts, so the first browser session does not pay for it.

A new ``streamlit run`` imports nothing of the app until the first browser connects; that first
script run then imported pandas, folium, Altair and the extractor, read the gazetteer (to label the
governorates), simplified the boundary polygons and, on an empty store, extracted the sample report:
about 8 of the 11.9 s an analyst waited for the very first page (profiled: benchmarks/results/HISTORY.md).

``eventmap app`` calls :func:`start` in the server's own process before Streamlit starts: a
daemon thread does that work while Streamlit starts its web server and the browser loads
Streamlit's page (together 2-3 s). The first script run then finds the modules imported and
the per-process caches (``functools.lru_cache``) filled. Nothing here imports Streamlit, and
nothing here changes what the dashboard shows: the same functions run, earlier.

On a store of more than 20,000 events it first starts the helper processes that read the first page's
events and control model (``ui.prefetch``). On a new embedded store (a new user's first start) a helper process
(``python -m eventmap.ui.warm``) extracts the sample report meanwhile: the server's own start keeps one core busy
(imports, its web server), and the gazetteer and the extraction (0.9 s) ran beside the first page on the same two
cores; the server stores the helper's events (:func:`ensure_sample_once`), or extracts them itself if it failed.

``EVENTMAP_WARM=0`` turns it off (to measure the difference).
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import pickle
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from eventmap import settings

#: imported whatever the app file says
MODULES = ("pandas", "pyarrow", "folium", "folium.plugins", "branca", "jinja2", "eventmap.store.base",
           "eventmap.views.map")


def app_modules(app: str | Path | None) -> list[str]:
    """The modules the app file imports at its top level (read, not run), but Streamlit's and its
    components': a component imported before Streamlit's runtime exists is registered nowhere and its
    frame answers 404 (streamlit-folium's map did). Their heavy dependencies (folium, pandas) are in
    :data:`MODULES`."""
    if not app or not Path(app).is_file():
        return []
    tree = ast.parse(Path(app).read_text(encoding="utf-8"))
    out: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.append(node.module)
            out += [f"{node.module}.{a.name}" for a in node.names]   # submodules (``from pkg import mod``)
    return [m for m in dict.fromkeys(out) if not m.split(".")[0].startswith("streamlit")]


_sample_lock = threading.Lock()
_started: list[threading.Thread] = []
#: the helper extracting a new store's sample report (:func:`_start_sample_helper`), until its events are taken
_sample_helper: list[subprocess.Popen] = []
#: how long the sample's first taker waits for the helper's events before it extracts them itself
SAMPLE_WAIT_S = 120.0


def ensure_sample_once(store: Any) -> bool:
    """``eventmap.pipeline.ensure_sample`` for the server's store, run by one thread at a time: the warm-up
    and the first script run may both ask, and the sample is extracted once (by the helper, when there is one).
    A store that already holds reports is answered without importing the extractor."""
    from eventmap.pipeline import ensure_sample

    with _sample_lock:
        if store.readonly or store.has_reports():
            _drop_sample_helper()
            return False
        return ensure_sample(store, _helper_events(store))


def _start_sample_helper(db: str | None) -> bool:
    """Start the helper that extracts the sample report, when ``db`` is an embedded store not made yet (it will
    be, empty, and get the sample); ``True`` when it was started."""
    from eventmap.store import embedded_file

    path = embedded_file(db)
    if path is None or path.exists():
        return False
    with _sample_lock:
        if _sample_helper:
            return False
        try:
            proc = subprocess.Popen([sys.executable, "-m", "eventmap.ui.warm"], stdin=subprocess.DEVNULL,
                                    stdout=subprocess.PIPE)
        except OSError:
            return False
        _sample_helper.append(proc)
    return True


def _drop_sample_helper() -> None:
    while _sample_helper:
        _stop(_sample_helper.pop())


def _stop(proc: subprocess.Popen) -> None:
    proc.kill()
    proc.communicate()   # reaped, its pipe closed


def _helper_events(store: Any) -> list | None:
    """The helper's sample events, once; ``None`` (the caller extracts) when there is no helper, it failed or
    took too long, or ``store`` has analyst places (the helper's extraction, for a new store, saw none)."""
    if not _sample_helper:
        return None
    proc = _sample_helper.pop()
    try:
        out, _ = proc.communicate(timeout=SAMPLE_WAIT_S)
    except subprocess.TimeoutExpired:
        _stop(proc)
        return None
    from eventmap.store import analyst

    if proc.returncode != 0 or not out or analyst.place_rows(store):
        return None
    try:
        from eventmap.ui.page_cache import unpickle

        events = unpickle(out)   # from our own child, through a pipe only it and this process hold
    except Exception:  # noqa: BLE001 - cut short or garbled: extract here
        return None
    return events if isinstance(events, list) else None


def _say(t0: float, label: str) -> None:
    if settings.profile():
        print(f"[eventmap warm] {time.perf_counter() - t0:7.3f} s  {label}", file=sys.stderr, flush=True)


def _import(name: str) -> None:
    """Import ``name`` if it is a module (``from pkg import function`` names are skipped)."""
    try:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
    except (ImportError, ValueError, AttributeError):
        pass


def warm(db: str | None = None, app: str | Path | None = None) -> None:
    """Do, now, the work the first page would do: the sample on an empty store, the app's imports, the
    boundary polygons, the map's assets, the admin names."""
    t0 = time.perf_counter()
    from eventmap.ui import prefetch

    ahead = _start_sample_helper(db)   # a new store: its sample extracted by a helper meanwhile
    prefetch.start(db)   # a large store's file: helper processes read the first page's store work from now on
    try:
        from eventmap.store import EventFilter, open_store

        store = open_store(db)
        try:
            if not ahead:
                ensure_sample_once(store)
            if not prefetch.started(db):   # a large store on a server: counted (0.15 s at 1,000,000 events)
                prefetch.start(db, store.count_stored(EventFilter(include_hidden=True)))
        finally:
            store.close()
        _say(t0, "store" if ahead else "store and sample")
    except Exception as exc:  # noqa: BLE001 - the first page says what is wrong with the store
        _say(t0, f"store: {type(exc).__name__}: {exc}")
    for name in (*MODULES, *app_modules(app)):
        try:
            _import(name)
        except Exception as exc:  # noqa: BLE001 - a broken module is the page's to report
            _say(t0, f"import {name}: {type(exc).__name__}")
    _say(t0, "imports")
    if ahead:   # the helper's events, stored (or extracted here if it failed); the first page may be first
        try:
            from eventmap.store import open_store

            with open_store(db) as store:
                ensure_sample_once(store)
            _say(t0, "sample")
        except Exception as exc:  # noqa: BLE001 - the first page says what is wrong with the store
            with _sample_lock:
                _drop_sample_helper()   # a store that cannot be opened takes no sample: the helper is not waited for
            _say(t0, f"sample: {type(exc).__name__}: {exc}")
    try:
        _fill_caches()
    except Exception as exc:  # noqa: BLE001 - the first page will do it (and report it) itself
        _say(t0, f"caches: {type(exc).__name__}: {exc}")
    _say(t0, "caches")


def _fill_caches() -> None:
    from eventmap.places.admin_names import admin_names
    from eventmap.views import assets
    from eventmap.views.boundaries import load_boundaries

    for level in (1, 2, 3):
        load_boundaries(level)
    for name in assets.assets():
        assets.data_uri(name)
    admin_names()


def start(db: str | None = None, app: str | Path | None = None) -> threading.Thread | None:
    """Start :func:`warm` in a daemon thread (once per process); ``None`` when ``EVENTMAP_WARM=0``."""
    if not settings.warm():
        return None
    if _started:
        return _started[0]
    t = threading.Thread(target=warm, args=(db or settings.store_url(), app),
                         name="eventmap-warm", daemon=True)
    t.start()
    _started.append(t)
    return t


#: ``python -c BOOT run app.py ...``: the server process of ``eventmap app`` (warm-up, then Streamlit's CLI)
BOOT = ("import sys; from eventmap.ui.warm import start; start(app=sys.argv[2] if len(sys.argv) > 2 else None); "
        "from streamlit.web.cli import main; sys.argv[0] = 'streamlit'; main(prog_name='streamlit')")


def _sample_main() -> int:
    """The helper (``python -m eventmap.ui.warm``): the sample report's events for a new store, pickled to
    stdout (and nothing else: what anything prints goes to stderr)."""
    from eventmap.pipeline import sample_events

    out = sys.stdout.buffer
    sys.stdout = sys.stderr
    events = sample_events()
    out.write(pickle.dumps(events, protocol=pickle.HIGHEST_PROTOCOL))
    out.flush()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(_sample_main())
    except (BrokenPipeError, KeyboardInterrupt):   # the server stopped (Ctrl-C reaches the helper too)
        sys.exit(1)
