"""What the dashboard's session asks of the store before it draws anything: a cheap fingerprint of the
store's contents (the key of every cache) and which reference layers were imported; and how the server keeps
what it caches between runs."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventmap.store.base import EventStore


def has_reference(store: EventStore, kind: str) -> bool:
    try:
        return len(store.reference_layer(kind)) > 0
    except Exception:  # noqa: BLE001 - an older store without reference tables
        return False


def data_token(store: EventStore) -> tuple:
    """Cheap fingerprint of the store's contents (cache key): the store's change counter (bumped by every
    write, undo included, in any process), rows stored, corrections, analyst places, and the ids of the last
    event and report stored (two stores made by as many writes of as many rows still differ: what is kept on
    disk between starts, ``ui.page_cache``, is keyed by this)."""
    from eventmap.store import EventFilter

    n = store.count_stored(EventFilter(include_hidden=True))
    corr = store.corrections()
    return (store.data_version(), n, len(corr), corr[-1].created_at if corr else "", len(store.analyst_places()),
            *store.newest_ids())


#: fewer stored events than this and what the server caches is small: the collection after each run takes
#: milliseconds, less than the full collection that settling costs once
SETTLE_ABOVE = 20_000


def settle_cached(token: tuple) -> None:
    """Put what the server holds between runs out of the cyclic collector's sight, once a large result is made.

    Streamlit collects every generation after each script run (``runner.postScriptGC``), and each collection
    walks every container object alive. Holding the control model of a million events (about 500,000 of them)
    that took 0.3-0.5 s of CPU per run, every timeline step included, with the interpreter lock held: the other
    sessions and the web server wait. Frozen objects are still freed by reference counting when a cache drops
    them (a new store version); only cycles among them wait for the next call, which unfreezes everything
    first, so they are collected then. ``token`` is the store's ``data_token``: a small store is left alone."""
    if token[1] <= SETTLE_ABOVE:
        return
    gc.unfreeze()
    gc.collect()
    gc.freeze()
