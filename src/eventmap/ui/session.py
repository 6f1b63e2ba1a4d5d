"""What the dashboard's session asks of the store before it draws anything: a cheap fingerprint of the
store's contents (the key of every cache) and which reference layers were imported."""

from __future__ import annotations

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
    write, undo included, in any process), rows stored, corrections, analyst places."""
    from eventmap.store import EventFilter

    n = store.count_stored(EventFilter(include_hidden=True))
    corr = store.corrections()
    return (store.data_version(), n, len(corr), corr[-1].created_at if corr else "", len(store.analyst_places()))

