"""What the prefetch helpers read, kept on disk for the next start of an unchanged store (``eventmap.ui.page_cache``):
used only for the same store file, data, filter, code and settings, never when others could have written it."""

from __future__ import annotations

import pickle
import shutil
import threading
import time
from dataclasses import replace

import pandas as pd
import test_prefetch
from _views_exports_data import sample_events

from eventmap.control import control_from_store
from eventmap.model import Report
from eventmap.store import EventFilter, open_store
from eventmap.ui import page_cache, prefetch
from eventmap.ui.session import data_token

#: the prefetch tests' fixtures: their store (18 events on three days) and helpers with the threshold at 0
store_path = test_prefetch.store_path
helpers = test_prefetch.helpers


def _restart(monkeypatch) -> None:
    """A new server process: nothing pending, no helper started yet."""
    monkeypatch.setattr(prefetch, "_pending", {})


def _kept(path, digest, timeout: float = 120.0) -> bytes:
    """The bytes a helper keeps under ``digest`` once it has written them (it writes after sending its result, so
    the page can have its result first); the file appears whole (written aside, then renamed)."""
    deadline = time.monotonic() + timeout
    while (data := page_cache.load(path, digest)) is None:
        assert time.monotonic() < deadline, f"nothing kept in {path}"
        time.sleep(0.05)
    return data


def _helpers_done(timeout: float = 120.0) -> None:
    """Wait for the helpers to exit (each one's receiving thread ends when its helper has): all they write is
    written."""
    for t in threading.enumerate():
        if t.name.startswith("eventmap-prefetch-"):
            t.join(timeout)
            assert not t.is_alive(), t.name


def _first_page(url: str) -> tuple[tuple, pd.DataFrame, object]:
    assert prefetch.start(url, n_events=18)
    with open_store(url) as s:
        token = data_token(s)
    return token, prefetch.take("events", url, token, EventFilter()), prefetch.take("control", url, token)


def test_a_restart_on_an_unchanged_store_sends_what_was_kept(store_path, helpers, monkeypatch):
    token, events, model = _first_page(store_path)
    with open_store(store_path) as s:
        pd.testing.assert_frame_equal(events, s.query(EventFilter()))
        assert model == control_from_store(s)
    path, digest = page_cache.key("events", store_path, token, EventFilter())
    assert pickle.loads(_kept(path, digest))[3].equals(events)
    _kept(*page_cache.key("control", store_path, token, None))
    layer = prefetch.take("layer", store_path, token, EventFilter())   # the map's, made from the events
    assert pickle.loads(_kept(*page_cache.key("layer", store_path, token, EventFilter())))[3] == layer
    assert sorted(p.suffix for p in page_cache.directory().iterdir()) == [".control", ".events", ".layer"]
    # what is kept is what the next start sends, without reading the store: keep a frame the store never held
    marked = events.iloc[:5].assign(notes="kept on disk")
    assert page_cache.save(path, digest, pickle.dumps(("events", token, EventFilter(), marked)))
    _restart(monkeypatch)
    again, got, model2 = _first_page(store_path)
    assert again == token
    pd.testing.assert_frame_equal(got, marked)
    assert model2 == model
    assert prefetch.take("layer", store_path, token, EventFilter()) == layer   # kept too, not made again


def test_a_write_between_two_starts_reads_the_store_again(store_path, helpers, monkeypatch):
    token, events, _ = _first_page(store_path)
    _kept(*page_cache.key("events", store_path, token, EventFilter()))
    with open_store(store_path) as s:
        rep = Report(text="تقرير وصل بين تشغيلين للخادم", published="2018-07-27", source="Test outlet")
        s.ingest(rep, [replace(sample_events()[1], event_id="between-1", event_date="2018-07-27", report_id="")])
    _restart(monkeypatch)
    token2, events2, model2 = _first_page(store_path)
    assert token2 != token and len(events2) == len(events) + 1
    with open_store(store_path) as s:
        pd.testing.assert_frame_equal(events2, s.query(EventFilter()))
        assert model2 == control_from_store(s)
    # and what is kept now is the new read: a third start gets it from disk
    path, digest = page_cache.key("events", store_path, token2, EventFilter())
    assert pickle.loads(_kept(path, digest))[3].equals(events2)


def test_another_store_copied_in_its_place_is_not_the_kept_one(tmp_path, store_path, helpers):
    """A store made by as many writes of as many rows (the same change counter and counts), copied over the
    kept one in place (the same file, the same inode): its last event and report tell it apart."""
    other = str(tmp_path / "other.gpkg")
    with open_store(other) as s:
        for k, day in enumerate(("2018-08-01", "2018-08-02", "2018-08-03")):
            rep = Report(text=f"تقرير آخر رقم {k} عن ريف القنيطرة", published=day, source="Other outlet")
            s.ingest(rep, [replace(e, event_id=f"other-{e.event_id}-{k}", event_date=day, report_id="")
                           for e in sample_events(hostile=True)])
    with open_store(store_path) as a, open_store(other) as b:
        ta, tb = data_token(a), data_token(b)
    assert ta[:5] == tb[:5] and ta != tb
    path, digest = page_cache.key("events", store_path, ta, EventFilter())
    shutil.copyfile(other, store_path)                               # written in place: the same inode
    with open_store(store_path) as s:
        now = data_token(s)
    assert now == tb
    assert page_cache.key("events", store_path, now, EventFilter()) != (path, digest)
    with open_store(store_path) as s:                                # opening and closing it changes no key
        assert data_token(s) == now
    assert page_cache.key("events", store_path, now, EventFilter()) == page_cache.key("events", store_path, tb,
                                                                                      EventFilter())


def test_the_key_follows_the_filter_the_kind_and_the_settings(store_path, monkeypatch):
    with open_store(store_path) as s:
        token = data_token(s)
    base = page_cache.key("events", store_path, token, EventFilter())
    assert page_cache.key("events", store_path, token, EventFilter()) == base
    assert page_cache.key("events", store_path, token, EventFilter(admin1=["Dar'a"]))[1] != base[1]
    assert page_cache.key("control", store_path, token, None)[0] != base[0]
    monkeypatch.setenv("EVENTMAP_BIN_ABOVE", "5")
    assert page_cache.key("events", store_path, token, EventFilter())[1] != base[1]
    monkeypatch.delenv("EVENTMAP_BIN_ABOVE")
    monkeypatch.setenv("EVENTMAP_DB", "postgresql://analyst:s3cret@db.example:5432/events")
    assert page_cache.key("events", store_path, token, EventFilter()) == base   # the store is named by its location
    url = page_cache.key("events", "postgresql://analyst:s3cret@db.example:5432/events", token, EventFilter())
    assert url[0] != base[0] and url == page_cache.key(
        "events", "postgresql://analyst:other@db.example:5432/events", token, EventFilter())  # not its password


def test_only_a_whole_private_file_under_the_same_key_is_read(tmp_path, monkeypatch):
    path, digest = page_cache.directory() / "x.events", b"a" * 64
    assert page_cache.load(path, digest) is None                     # nothing kept yet
    assert page_cache.save(path, digest, b"payload bytes")
    assert page_cache.load(path, digest) == b"payload bytes"
    assert page_cache.load(path, b"b" * 64) is None                  # another key
    assert oct(page_cache.directory().stat().st_mode & 0o777) == "0o700"
    whole = path.read_bytes()
    path.write_bytes(whole[:-3])                                     # cut short
    assert page_cache.load(path, digest) is None
    path.write_bytes(whole)
    assert page_cache.load(path, digest) == b"payload bytes"
    path.chmod(0o666)                                                # others may write it
    assert page_cache.load(path, digest) is None
    path.chmod(0o600)
    page_cache.directory().chmod(0o777)                              # or its folder
    assert page_cache.load(path, digest) is None
    page_cache.directory().chmod(0o700)
    path.write_bytes(b"not a kept file\n" + whole)
    assert page_cache.load(path, digest) is None


def test_a_folder_it_cannot_write_loses_nothing(store_path, helpers, monkeypatch):
    page_cache.directory().parent.mkdir(parents=True, exist_ok=True)
    page_cache.directory().write_text("a file where the folder would be")
    token, events, model = _first_page(store_path)
    with open_store(store_path) as s:
        pd.testing.assert_frame_equal(events, s.query(EventFilter()))
        assert model == control_from_store(s)
    _helpers_done()
    assert page_cache.directory().is_file()
    assert page_cache.save(page_cache.directory() / "y.events", b"c" * 64, b"data") is False


def test_the_off_switch_keeps_nothing(store_path, helpers, monkeypatch):
    monkeypatch.setenv("EVENTMAP_PAGE_CACHE", "0")
    _, events, _ = _first_page(store_path)
    assert len(events) == 18
    _helpers_done()
    assert not page_cache.directory().exists()


def test_the_server_remembers_the_first_page_map_across_starts(store_path):
    """``remember`` (the dashboard's map of a large store's default view): made once, then read back on the next
    start while the store, the filter and the app's code stay the same."""
    import folium

    made = []

    def make():
        made.append(1)
        m = folium.Map(location=(32.7, 36.1), zoom_start=9, tiles=None)
        folium.Marker((32.62, 36.10), tooltip="<b>kept</b>").add_to(m)
        return m

    with open_store(store_path) as s:
        token = data_token(s)
    html = page_cache.remember("map", store_path, token, EventFilter(), make, extra=b"app v1").get_root().render()
    again = page_cache.remember("map", store_path, token, EventFilter(), make, extra=b"app v1")
    assert len(made) == 1 and again.get_root().render() == html      # the same ids: the same page
    page_cache.remember("map", store_path, token, EventFilter(), make, extra=b"app v2")   # the app changed
    page_cache.remember("map", store_path, (token[0] + 1, *token[1:]), EventFilter(), make, extra=b"app v2")
    assert len(made) == 3
    assert page_cache.remember("map", store_path, token, EventFilter(), lambda: (lambda: 0)) is not None  # unpicklable
    assert prefetch.first_page((token[0], 20_001, 0, "", 0), EventFilter())
    assert prefetch.worth_keeping((token[0], 20_001, 0, "", 0)) and not prefetch.worth_keeping((token[0], 18, 0, "", 0))
    assert not prefetch.first_page((token[0], 18, 0, "", 0), EventFilter())               # a small store
    assert not prefetch.first_page((token[0], 20_001, 0, "", 0), EventFilter(admin1=["Dar'a"]))


def test_a_restarted_dashboard_takes_its_map_and_filter_choices_from_disk(store_path, helpers, monkeypatch):
    """The dashboard of a large store (the threshold lowered to the test store's 18 events), run, then run again
    with empty Streamlit caches as after a restart: the second run builds no map and asks the store for no
    filter choices, and shows the same page; a write to the store and both are made again."""
    import streamlit as st

    import eventmap.views.map as views_map
    from eventmap.store.base import EventStore

    def run() -> tuple[str, int, int]:
        st.cache_data.clear()
        st.cache_resource.clear()
        at, (built, asked) = test_prefetch.run_app(monkeypatch, store_path, (views_map, "build_map"),
                                                   (EventStore, "facets"))
        return test_prefetch.count_line(at) + repr([w.options for w in at.multiselect]), len(built), len(asked)

    shown, built, asked = run()
    assert built == 1 and asked == 1
    assert {p.suffix for p in page_cache.directory().iterdir()} >= {".map", ".facets"}
    again, built2, asked2 = run()
    assert (built2, asked2) == (0, 0) and again == shown and "18 in all dates" in again
    with open_store(store_path) as s:
        rep = Report(text="تقرير وصل قبل إعادة تشغيل الخادم", published="2018-07-28", source="Another outlet")
        s.ingest(rep, [replace(sample_events()[2], event_id="restart-1", event_date="2018-07-28", report_id="")])
    third, built3, asked3 = run()
    assert (built3, asked3) == (1, 1) and "19 in all dates" in third


def _kept_by_server(timeout: float = 120.0) -> None:
    """Wait for the server's threads that keep what it read itself (``prefetch.keep``)."""
    for t in threading.enumerate():
        if t.name.startswith("eventmap-keep-"):
            t.join(timeout)
            assert not t.is_alive(), t.name


def test_what_the_dashboard_reads_after_a_write_is_what_the_next_start_sends(store_path, helpers, monkeypatch):
    """A report added while the dashboard runs: the page reads the store again (no helper reads for it), and what it
    read is kept as a helper keeps it, so the next start sends it without reading the store. Before, that next start
    was a cold one."""
    import streamlit as st

    monkeypatch.setattr(prefetch, "KEEP_DELAY_S", 0.0)

    def run() -> None:
        st.cache_data.clear()
        st.cache_resource.clear()
        test_prefetch.run_app(monkeypatch, store_path)
        _kept_by_server()

    run()                                  # a server on which no helper was started: the page reads the store
    with open_store(store_path) as s:
        rep = Report(text="تقرير أضافه محلل من لوحة المتابعة", published="2018-07-29", source="Analyst's outlet")
        s.ingest(rep, [replace(sample_events()[3], event_id="added-live-1", event_date="2018-07-29", report_id="")])
    run()                                  # the dashboard after that write: read again, and kept
    with open_store(store_path) as s:
        token, frame, model = data_token(s), s.query(EventFilter()), control_from_store(s)
    events_file, digest = page_cache.key("events", store_path, token, EventFilter())
    kind, t, f, kept = pickle.loads(page_cache.load(events_file, digest))   # what a helper would have sent
    assert (kind, t, f) == ("events", token, EventFilter()) and "added-live-1" in set(kept["event_id"])
    pd.testing.assert_frame_equal(kept, frame)
    control_file, cdigest = page_cache.key("control", store_path, token, None)
    assert pickle.loads(page_cache.load(control_file, cdigest))[3] == model
    inodes = events_file.stat().st_ino, control_file.stat().st_ino
    _restart(monkeypatch)
    again, events, model2 = _first_page(store_path)
    assert again == token and model2 == model
    pd.testing.assert_frame_equal(events, frame)
    _helpers_done()
    # the helpers sent the kept files (a helper that reads the store writes its file anew: another inode)
    assert (events_file.stat().st_ino, control_file.stat().st_ino) == inodes


def test_the_server_keeps_only_what_a_helper_would_look_for_and_only_of_an_unchanged_store(store_path, helpers,
                                                                                           monkeypatch):
    monkeypatch.setattr(prefetch, "KEEP_DELAY_S", 0.0)
    with open_store(store_path) as s:
        token, frame = data_token(s), s.query(EventFilter())
    small = (token[0], 5, *token[2:])
    monkeypatch.setattr(prefetch, "PREFETCH_ABOVE", 10)
    assert prefetch.keep("events", store_path, small, EventFilter(), frame) is None         # a small store
    assert prefetch.keep("events", store_path, token, EventFilter(admin1=["Dar'a"]), frame) is None  # another view
    assert prefetch.keep("control", store_path, token, EventFilter(), frame) is None       # the model has no filter
    monkeypatch.setenv("EVENTMAP_PAGE_CACHE", "0")
    assert prefetch.keep("events", store_path, token, EventFilter(), frame) is None         # switched off
    monkeypatch.delenv("EVENTMAP_PAGE_CACHE")
    # a write between the read and the keeping: the frame may be older than the store, so it is not kept
    with open_store(store_path) as s:
        rep = Report(text="تقرير كتب أثناء حفظ الصفحة", published="2018-07-30", source="Test outlet")
        s.ingest(rep, [replace(sample_events()[1], event_id="racing-1", event_date="2018-07-30", report_id="")])
    prefetch.keep("events", store_path, token, EventFilter(), frame).join(60)
    assert not page_cache.key("events", store_path, token, EventFilter())[0].exists()
    # unchanged: kept once, as a helper sends it
    with open_store(store_path) as s:
        token, frame = data_token(s), s.query(EventFilter())
    prefetch.keep("events", store_path, token, EventFilter(), frame).join(60)
    path, digest = page_cache.key("events", store_path, token, EventFilter())
    assert pickle.loads(page_cache.load(path, digest))[:3] == ("events", token, EventFilter())
    ino = path.stat().st_ino
    prefetch.keep("events", store_path, token, EventFilter(), frame).join(60)   # already kept: not written again
    assert path.stat().st_ino == ino


def test_a_store_drawn_from_counts_keeps_its_counts_for_the_next_start(store_path, helpers, monkeypatch):
    """Above the binning threshold (lowered to 5 events) the page reads counts (``ui.overview``), not a frame:
    what it read itself is kept under the kind a helper would look for."""
    import streamlit as st

    from eventmap.ui import overview as ov

    monkeypatch.setattr(prefetch, "KEEP_DELAY_S", 0.0)
    monkeypatch.setenv("EVENTMAP_BIN_ABOVE", "5")
    st.cache_data.clear()
    st.cache_resource.clear()
    test_prefetch.run_app(monkeypatch, store_path)
    _kept_by_server()
    with open_store(store_path) as s:
        token = data_token(s)
        want = ov.overview(s, EventFilter())
    kind, t, f, kept = pickle.loads(page_cache.load(*page_cache.key("overview", store_path, token, EventFilter())))
    assert (kind, t, f) == ("overview", token, EventFilter())
    pd.testing.assert_frame_equal(kept.days, want.days)
    assert kept.total == want.total == 18 and pickle.dumps(kept.bins) == pickle.dumps(want.bins)
    assert not page_cache.key("events", store_path, token, EventFilter())[0].exists()   # no frame was read


def test_a_value_whose_imports_race_another_thread_is_unpickled(monkeypatch):
    """Unpickling a value imports its classes' modules. Another thread importing the same modules in the other order
    (the warm-up importing the app while a helper's control model arrives: seen at 100,000 events, where the model
    was then lost and built again by the page) makes importlib raise ``_DeadlockError`` in one of the two;
    ``unpickle`` tries again once the other has finished. A deadlock that lasts is still raised."""
    from importlib._bootstrap import _DeadlockError  # type: ignore[attr-defined]

    import pytest

    real = pickle.loads
    tries = []

    def racing(data):
        tries.append(1)
        if len(tries) < 3:
            raise _DeadlockError("deadlock detected by _ModuleLock('eventmap.control')")
        return real(data)

    monkeypatch.setattr(page_cache.pickle, "loads", racing)
    data = pickle.dumps({"place": "Nawa", "holder": "Government and allies"})
    assert page_cache.unpickle(data) == {"place": "Nawa", "holder": "Government and allies"} and len(tries) == 3

    def stuck(data):
        raise _DeadlockError("deadlock detected")

    monkeypatch.setattr(page_cache.pickle, "loads", stuck)
    monkeypatch.setattr(page_cache, "IMPORT_RACE_S", 0.05)
    with pytest.raises(_DeadlockError):
        page_cache.unpickle(data)
