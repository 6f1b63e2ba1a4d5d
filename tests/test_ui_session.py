"""How the dashboard's server keeps what it caches (``eventmap.ui.session.settle_cached``)."""

from __future__ import annotations

import gc
import weakref

from eventmap.ui import session


class _Leaf:
    """A cached result's object: refers to no container that refers back."""

    def __init__(self, i: int) -> None:
        self.claims = [str(i)]


class _Node:
    """A container that refers to itself: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.me = self


def _token(events: int) -> tuple:
    return (7, events, 0, "", 0)   # the shape of session.data_token


def test_a_large_store_freezes_what_is_cached_and_the_next_settle_collects_what_died_since():
    try:
        gc.unfreeze()
        cached = [_Leaf(i) for i in range(2_000)]
        cyclic = _Node()
        cycle_ref, leaf_ref = weakref.ref(cyclic), weakref.ref(cached[0])
        session.settle_cached(_token(session.SETTLE_ABOVE + 1))
        assert gc.get_freeze_count() >= 2 * len(cached)   # each leaf and its list
        del cyclic
        gc.collect()
        assert cycle_ref() is not None   # frozen: the collection after a run does not walk it
        cached.clear()
        assert leaf_ref() is None        # a cache that drops a result frees it (reference counting)
        session.settle_cached(_token(session.SETTLE_ABOVE + 1))
        assert cycle_ref() is None       # the next settle unfreezes first and collects the cycle
    finally:
        gc.unfreeze()


def test_a_small_store_is_left_to_the_collector():
    try:
        gc.unfreeze()
        session.settle_cached(_token(session.SETTLE_ABOVE))
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
