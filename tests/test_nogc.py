"""``eventmap.nogc.paused_gc``: the cyclic collector paused while rows are made, and running again after, whatever
the nesting, the threads and the errors; and the store's reads and the map use it."""

from __future__ import annotations

import gc
import threading

import pytest

from eventmap.nogc import paused_gc


@pytest.fixture(autouse=True)
def _collector_running():
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_running_after_even_when_nested_or_failing():
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()   # the inner one leaving does not resume it for the outer
    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("a bad row")
    assert gc.isenabled()


def test_a_collector_paused_by_someone_else_stays_paused():
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_as_a_decorator():
    @paused_gc()
    def running() -> bool:
        return gc.isenabled()

    assert running() is False and running() is False
    assert gc.isenabled()


def test_two_threads_overlapping_resume_it_only_when_the_last_leaves():
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def first() -> None:
        with paused_gc():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with paused_gc():
            second_in.set()
            first_out.wait(5)
            seen["after the first left"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == {"after the first left": False}
    assert gc.isenabled()


def test_a_store_query_and_the_map_are_built_with_the_collector_paused(tmp_path, monkeypatch):
    from eventmap.store import open_store
    from eventmap.store.base import EventStore
    from eventmap.views import map as map_view
    from eventmap.views import map_payload

    seen: list[tuple[str, bool]] = []
    frame_of = EventStore._frame
    payload_of = map_payload._events_payload

    def frame(self, *a, **k):
        seen.append(("frame", gc.isenabled()))
        return frame_of(self, *a, **k)

    def payload(*a, **k):
        seen.append(("payload", gc.isenabled()))
        return payload_of(*a, **k)

    monkeypatch.setattr(EventStore, "_frame", frame)
    monkeypatch.setattr(map_payload, "_events_payload", payload)
    with open_store(tmp_path / "s.gpkg") as s:
        map_view.build_map(s.query())
        assert seen == [("frame", False), ("payload", False)]
        map_payload.events_layer(s.query())   # made apart (the prefetch helper, the page's map_layer)
    assert seen[2:] == [("frame", False), ("payload", False)]
    assert gc.isenabled()
