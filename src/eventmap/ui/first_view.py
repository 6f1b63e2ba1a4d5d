"""The first page's server work for the default view, done by the server's warm-up before any browser asks.

After ``eventmap app`` starts, the first script run used to read the store's facets, query every event of the
default view (90,000 rows at 100,000 events), work out who holds what, build the map (a 4 MB page) and the
histogram: about 11 s at 100,000 events before the browser got a map. The warm-up thread
(``views/warm.py``, started by ``eventmap app`` before Streamlit) now calls :func:`prepare` after its imports:
the same library calls, with the same arguments, for the view a URL without filters opens, and keeps each
result here under ``(kind, store url, data token, filter key)``.

``app.py``'s cached functions call :func:`take` first: a result computed for the same store contents
(``session.data_token``) and filters is handed over once (the Streamlit cache keeps it from then on); one the
warm-up is still computing is waited for rather than computed a second time on the same two cores; anything
else (another filter, a store changed since) is :data:`MISSING` and computed by the app as before. Nothing
here imports Streamlit, and nothing changes what the page shows: the same functions run, earlier.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import TYPE_CHECKING, Any

from eventmap import settings

if TYPE_CHECKING:
    from eventmap.store.base import EventStore
    from eventmap.store.filters import EventFilter

#: what :func:`prepare` computes, in the order the first script run asks for it
KINDS = ("facets", "date_span", "large", "events", "counts", "control_all", "event_map", "histogram")
#: the longest a script run waits for the warm-up's result before computing it itself
WAIT_S = 120.0

MISSING: Any = object()

_lock = threading.Lock()
_values: dict[tuple, Any] = {}
_pending: dict[str, threading.Event] = {}


def _say(t0: float, label: str) -> None:
    if settings.profile():
        print(f"[eventmap first view] {time.perf_counter() - t0:7.3f} s  {label}", file=sys.stderr, flush=True)


def announce() -> None:
    """Say that :func:`prepare` is about to run: :func:`take` then waits for its results (call from the thread
    that will run it, before it starts, so that no script run computes a kind twice)."""
    with _lock:
        for k in KINDS:
            _pending.setdefault(k, threading.Event())


def _done(kind: str) -> None:
    with _lock:
        ev = _pending.pop(kind, None)
    if ev is not None:
        ev.set()


def _put(kind: str, url: str | None, token: tuple, key: tuple, value: Any) -> None:
    with _lock:
        _values[(kind, url, token, key)] = value
    _done(kind)


def take(kind: str, url: str | None, token: tuple, key: tuple = (), wait: float = WAIT_S) -> Any:
    """The warm-up's ``kind`` for this store url, data token and filter key (handed over once), waiting while
    the warm-up is still at it; :data:`MISSING` when it has none."""
    with _lock:
        ev = _pending.get(kind)
    if ev is not None:
        ev.wait(wait)
    with _lock:
        return _values.pop((kind, url, token, key), MISSING)


def clear() -> None:
    """Forget every result and wake every waiter (tests; a warm-up that failed)."""
    with _lock:
        _values.clear()
        events = list(_pending.values())
        _pending.clear()
    for ev in events:
        ev.set()


def default_filter() -> tuple[tuple, EventFilter]:
    """The filter key and store filter of the view a URL without parameters opens (``ui.state``)."""
    from eventmap.ui import state as vs

    s = vs.from_session(vs.session_values(vs.decode({})))
    return s.base_key(), s.base_filter()


def map_of(store: EventStore, frame: Any, overview: Any, control: Any) -> Any:
    """The map of the filter's events (``frame``), or of a large store's counts (``overview``), rendered once
    (``st_folium(render=False)`` then skips re-rendering its header)."""
    from eventmap.store.filters import EventFilter
    from eventmap.views import live_map
    from eventmap.views.map import build_map

    if overview is not None:  # one symbol per place with its count in the window (views.bins)
        m = build_map(store.query(EventFilter(limit=0)), bins=overview.bins, control=control)
    else:
        m = build_map(live_map.defuse_templates(frame), control=control)
    m.get_root().render()
    return m


def prepare(db: str | None = None) -> None:
    """Compute the default view's facets, date span, events (or counts), control layer, map and histogram into
    this module's cache. Every kind not computed (an error, an empty store) is released for the app to do."""
    t0 = time.perf_counter()
    announce()
    try:
        _prepare(settings.store_url() if db is None else db, t0)
    except Exception as exc:  # noqa: BLE001 - the first page computes (and reports) it itself
        _say(t0, f"{type(exc).__name__}: {exc}")
    finally:
        for k in KINDS:
            _done(k)


def _prepare(url: str | None, t0: float) -> None:
    from eventmap.control import control_from_store
    from eventmap.store import open_store
    from eventmap.ui import overview as ov
    from eventmap.ui import session
    from eventmap.views import timeline

    store = open_store(url)
    try:
        token = session.data_token(store)
        _put("facets", url, token, (), store.facets())
        _put("date_span", url, token, (), store.date_span(within=timeline.TIMELINE_BOUNDS))
        key, f = default_filter()
        big = ov.is_large(store, f)
        _put("large", url, token, key, big)
        frame = overview = None
        if big:
            _done("events")
            overview = ov.overview(store, f)
            _put("counts", url, token, key, overview)
        else:
            _done("counts")
            frame = store.query(f)
            _put("events", url, token, key, frame)
        _say(t0, "facets, events")
        model = control_from_store(store)
        _put("control_all", url, token, (), model)
        m = map_of(store, frame, overview, model.within(f.admin1, f.admin2, f.admin3, f.bbox))
        _put("event_map", url, token, key, m)
        _say(t0, "map")
        days = overview.day_counts() if overview is not None else timeline.day_counts(frame)
        _put("histogram", url, token, key, timeline.histogram_spec(days))
        _say(t0, "histogram")
    finally:
        store.close()
