"""``paused_gc()``: make many new containers with Python's cyclic garbage collector paused.

A collection of the oldest generation walks every container object alive, and one can come for every 70,000 or
so new containers that survive (tuples, lists, dicts): reading 100,000 rows of 40 values, building the rows of a
bulk insert or a control model of 333,000 claims set it off again and again, over a heap that grows as they are
made (the store's rows, a dashboard server's caches). Reference counting frees the rows; the few cycles (a folium
map's elements and their parents) wait for the collector's next run after the pause. In turns with the code
before, on the dashboard benchmark's store of 100,000 events: ``EventStore.query`` of the default view 1.90-2.00 ->
1.80 s, ``views.map.build_map`` 0.50 -> 0.47 s, the prefetch helper's ``query_from_table`` in a new process
0.79-1.21 -> 0.58-0.61 s; before, reading a million events' control model took 3.3 s, 2.5 s of it in the
collector, and making bulk rows a third more time.

Process-wide, as the collector is, and safe in threads: the collector is paused while any caller is inside, and
resumed when the last leaves, only if it was running when the first came in.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_inside = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """The body runs with the cyclic collector paused (see the module docstring); nested and concurrent uses
    share one pause."""
    global _inside, _was_enabled
    with _lock:
        if _inside == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0 and _was_enabled:
                gc.enable()


__all__ = ["paused_gc"]
