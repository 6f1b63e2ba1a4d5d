"""A large store's first page read ahead by helper processes while the server starts (``eventmap.ui.prefetch``):
the page gets exactly what it would have read itself, once, or reads the store itself."""

from __future__ import annotations

import pickle
import threading
import time
from dataclasses import replace

import pandas as pd
import pytest
from _views_exports_data import sample_events

from eventmap.control import control_from_store
from eventmap.model import Report
from eventmap.store import EventFilter, open_store
from eventmap.ui import overview as ov
from eventmap.ui import prefetch
from eventmap.ui.session import data_token
from eventmap.views.live_map import dashboard_layer

DAYS = ("2018-07-20", "2018-07-22", "2018-07-25")


def _fill(url: str) -> str:
    """The sample events (five places, one event without a place), each copied onto three days by three reports."""
    base = sample_events(hostile=True)
    with open_store(url) as s:
        for k, day in enumerate(DAYS):
            rep = Report(text=f"نص تجريبي رقم {k} عن ريف درعا", published=day, source="Test outlet")
            s.ingest(rep, [replace(e, event_id=f"{e.event_id}-{k}", event_date=day, report_id="") for e in base])
    return url


@pytest.fixture
def store_path(tmp_path):
    return _fill(str(tmp_path / "p.gpkg"))


@pytest.fixture
def helpers(monkeypatch):
    """Helpers for the small test stores (the threshold is passed to them), none left from another test."""
    monkeypatch.setattr(prefetch, "_pending", {})
    monkeypatch.setattr(prefetch, "PREFETCH_ABOVE", 0)
    for name in ("EVENTMAP_PREFETCH", "EVENTMAP_WARM", "EVENTMAP_BIN_ABOVE", "EVENTMAP_PAGE_CACHE"):
        monkeypatch.delenv(name, raising=False)


def _arrived(url: str, kind: str, timeout: float = 120.0) -> None:
    p = prefetch._pending[url]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with p.cond:
            if kind in p.results:
                return
            p.cond.wait(0.1)
    raise AssertionError(f"{kind} never arrived")


def test_the_helpers_hand_over_what_the_page_would_read_once(store_path, helpers):
    assert prefetch.start(store_path, n_events=18)
    assert not prefetch.start(store_path, n_events=18)          # once per server
    f = prefetch.default_filter()
    assert f == EventFilter()
    with open_store(store_path) as s:
        token = data_token(s)
        events = prefetch.take("events", store_path, token, f)
        pd.testing.assert_frame_equal(events, s.query(f))
        assert len(events) == 18 and events["sources"].str.contains("<script", regex=False).any()  # hostile text
        model = prefetch.take("control", store_path, token)
        assert model == control_from_store(s) and len(model)
        # the map's events layer, made by the view's helper from the same frame, is the page's own
        assert prefetch.take("layer", store_path, token, f) == dashboard_layer(s.query(f))
    t0 = time.monotonic()
    assert prefetch.take("events", store_path, token, f) is None   # used once; the next page reads its own
    assert prefetch.take("overview", store_path, token, f) is None  # never promised: no wait
    assert time.monotonic() - t0 < 5


@pytest.mark.parametrize("fork", [True, False])
def test_one_helper_process_forks_the_other_job_or_each_has_its_own(store_path, helpers, monkeypatch, fork):
    """On Linux one process imports what both jobs need and forks the control model's; elsewhere each job is a
    process of its own. Either way each job answers through its own socket, and all of them come."""
    import subprocess

    started = []
    real_popen = subprocess.Popen

    def popen(argv, *a, **kw):
        started.append(argv[3])
        return real_popen(argv, *a, **kw)

    monkeypatch.setattr(prefetch, "FORK", fork)
    monkeypatch.setattr(subprocess, "Popen", popen)
    assert prefetch.start(store_path, n_events=18)
    assert started == (["view,control"] if fork else ["view", "control"])
    with open_store(store_path) as s:
        token = data_token(s)
        assert prefetch.take("control", store_path, token) == control_from_store(s)
        assert len(prefetch.take("events", store_path, token, EventFilter())) == 18
        assert prefetch.take("layer", store_path, token, EventFilter()).points
    p = prefetch._pending[store_path]
    with p.cond:
        assert p.cond.wait_for(lambda: not p.coming and not p.unplanned, 60)


def test_the_helpers_read_a_postgis_store_given_in_their_environment(tmp_path, helpers, monkeypatch):
    """A team's store: its URL (which may hold a password) reaches the helpers in their environment."""
    from eventmap.store.testing import backend_url

    with backend_url("postgis", tmp_path) as url:
        _fill(url)
        monkeypatch.delenv("EVENTMAP_DB", raising=False)
        assert prefetch.start(url, n_events=18)
        with open_store(url) as s:
            token = data_token(s)
            pd.testing.assert_frame_equal(prefetch.take("events", url, token, EventFilter()), s.query(EventFilter()))
            assert prefetch.take("control", url, token) == control_from_store(s)


def test_above_the_bin_threshold_the_helper_reads_the_counts(store_path, helpers, monkeypatch):
    monkeypatch.setenv("EVENTMAP_BIN_ABOVE", "5")               # the helper reads the same setting
    assert prefetch.start(store_path, n_events=18)
    f = prefetch.default_filter()
    with open_store(store_path) as s:
        token = data_token(s)
        got = prefetch.take("overview", store_path, token, f)
        want = ov.overview(s, f)
    assert got is not None and got.total == want.total == 18
    assert got.day_counts().equals(want.day_counts())
    assert got.window("2018-07-21", "2018-07-25") == want.window("2018-07-21", "2018-07-25")
    with open_store(store_path) as s:   # the layer of the counts' places, as the page makes it
        layer = prefetch.take("layer", store_path, token, f)
        assert layer == dashboard_layer(s.query(EventFilter(limit=0)), want.bins) and layer.points
    assert prefetch.take("events", store_path, token, f) is None


def test_a_store_changed_after_the_read_is_read_again(store_path, helpers):
    assert prefetch.start(store_path, n_events=18)
    _arrived(store_path, "events")
    with open_store(store_path) as s:
        rep = Report(text="تقرير جديد وصل بعد بدء الخادم", published="2018-07-26", source="Test outlet")
        s.ingest(rep, [replace(sample_events()[0], event_id="late-1", event_date="2018-07-26", report_id="")])
        token = data_token(s)
    assert prefetch.take("events", store_path, token, EventFilter()) is None


def test_another_filter_reads_its_own_without_waiting(store_path, helpers):
    assert prefetch.start(store_path, n_events=18)
    with open_store(store_path) as s:
        token = data_token(s)
    t0 = time.monotonic()
    assert prefetch.take("events", store_path, token, EventFilter(admin1=("Quneitra",))) is None
    assert time.monotonic() - t0 < 1
    assert prefetch.take("events", "/elsewhere/other.gpkg", token, EventFilter()) is None   # another store
    # the default view's frame, when it comes, is not kept for a page that may never ask for it
    p = prefetch._pending[store_path]
    deadline = time.monotonic() + 120
    with p.cond:
        while (p.coming or p.unplanned) and time.monotonic() < deadline:
            p.cond.wait(0.1)
        assert not p.coming and not p.unplanned and set(p.results) == {"control"}


def test_results_no_page_took_are_dropped_after_a_while(store_path, helpers, monkeypatch):
    """The drop is a timer of KEEP_S started with the helpers; it is fired here once the result has come (a timer of
    a few seconds raced a helper slowed by a loaded machine: a result that comes after it is kept, by design)."""
    timers = []

    class _Timer:
        def __init__(self, interval, fn):
            timers.append((interval, fn))

        def start(self):
            pass

    monkeypatch.setattr(prefetch.threading, "Timer", _Timer)
    assert prefetch.start(store_path, n_events=18)
    _arrived(store_path, "events")
    with open_store(store_path) as s:
        token = data_token(s)
    p = prefetch._pending[store_path]
    assert [t for t, _ in timers] == [prefetch.KEEP_S] and timers[0][1] == p.expire
    timers[0][1]()
    with p.cond:
        assert "events" not in p.results   # 84 MB at 100,000 events, not kept
    assert prefetch.take("events", store_path, token, EventFilter()) is None


def test_a_helper_that_fails_leaves_the_page_to_read_the_store(tmp_path, helpers):
    bad = tmp_path / "not-a-store.gpkg"
    bad.write_bytes(b"this is not an SQLite file\n" * 4096)
    assert prefetch.start(str(bad), n_events=50_000)
    t0 = time.monotonic()
    assert prefetch.take("events", str(bad), (1,), EventFilter(), wait=120) is None
    assert prefetch.take("control", str(bad), (1,), wait=120) is None
    assert time.monotonic() - t0 < 60                           # told by the helper's end, not by the time limit


def test_small_stores_and_the_off_switch_start_nothing(store_path, helpers, monkeypatch):
    monkeypatch.setattr(prefetch, "PREFETCH_ABOVE", 20_000)
    assert not prefetch.start(store_path, n_events=18)          # the sample's size: its page reads in milliseconds
    assert not prefetch.start(store_path)                       # its file is small too
    assert not prefetch.start("postgresql://nobody@localhost/none")   # a server's size is not known before counting
    monkeypatch.setattr(prefetch, "EARLY_FILE_BYTES", 1)
    monkeypatch.setenv("EVENTMAP_PREFETCH", "0")
    assert not prefetch.start(store_path)
    monkeypatch.setenv("EVENTMAP_PREFETCH", "1")
    monkeypatch.setenv("EVENTMAP_WARM", "0")
    assert not prefetch.start(store_path)
    assert prefetch.started(store_path)                         # off: the warm-up does not count the events
    monkeypatch.delenv("EVENTMAP_WARM")
    assert not prefetch.started(store_path)
    assert prefetch.start(store_path)                           # a large file: started before the store is opened
    assert prefetch.started(store_path)                         # the warm-up's count is not needed
    with open_store(store_path) as s:
        token = data_token(s)
    # this helper counts 18 events, under its threshold: it sends nothing and the page reads its own
    assert prefetch.take("events", store_path, token, EventFilter(), wait=120) is None


def run_app(monkeypatch, store_path: str, *spied: tuple[object, str]) -> tuple[object, list[list[tuple]]]:
    """The dashboard's first run on ``store_path`` (AppTest) with each ``(owner, name)`` function wrapped to
    record the arguments of its calls (positional, then keyword values); the app and one list of calls per spied
    function."""
    from streamlit.testing.v1 import AppTest

    from eventmap.views.cli import app_path

    def recording(real, seen: list):
        def spy(*a, **k):
            seen.append(a + tuple(k.values()))
            return real(*a, **k)
        return spy

    calls: list[list[tuple]] = [[] for _ in spied]
    with monkeypatch.context() as m:
        for (owner, name), seen in zip(spied, calls):
            m.setattr(owner, name, recording(getattr(owner, name), seen))
        m.setenv("EVENTMAP_DB", store_path)
        m.chdir(app_path().parent)
        at = AppTest.from_file(str(app_path()), default_timeout=240)
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at, calls


def count_line(at) -> str:
    return next(x.value for x in at.markdown if 'data-testid="em-count"' in x.value)


@pytest.mark.slow
def test_the_first_page_takes_what_the_helpers_read(store_path, helpers, monkeypatch):
    """The dashboard itself (AppTest, the helpers started as ``eventmap app``'s warm-up starts them): the page
    neither reads the filter's frame nor builds the control model, and shows what it shows without them."""
    import streamlit as st

    import eventmap.control as control
    from eventmap.store.base import EventStore

    def run() -> tuple[str, list, list]:
        at, (queried, built) = run_app(monkeypatch, store_path, (EventStore, "query"), (control, "control_from_store"))
        changes = [x.value for x in at.markdown if "em-changes" in x.value]
        return count_line(at) + "".join(changes), [(a[1:] or (None,))[0] or EventFilter() for a in queried], built

    assert prefetch.start(store_path, n_events=18)
    shown, queried, built = run()
    assert not [f for f in queried if f.limit is None], queried    # the frame came from the helper
    assert not built                                                # so did the control model
    assert "18 in all dates" in shown

    st.cache_data.clear()                                           # a new server's caches, and no helper results
    st.cache_resource.clear()                                       # left: the page reads the store itself
    shown2, queried2, built2 = run()
    assert [f for f in queried2 if f.limit is None] and built2
    assert shown2 == shown                                          # and shows the same


def test_a_page_asks_whether_a_result_is_still_coming(store_path, helpers):
    assert not prefetch.arriving("control", store_path)              # no helper for this store: nothing to wait for
    assert prefetch.start(store_path, n_events=18)
    assert prefetch.arriving("control", store_path)                  # a new process: not even its plan has come
    assert not prefetch.arriving("control", store_path, wait=120)    # waited for: it came
    assert not prefetch.arriving("overview", store_path, wait=120)   # never promised
    with open_store(store_path) as s:
        token = data_token(s)
    assert prefetch.take("control", store_path, token) is not None
    assert not prefetch.arriving("control", store_path)              # taken: nothing more is coming


@pytest.mark.slow
def test_the_first_page_is_drawn_while_the_control_model_is_still_being_built(store_path, helpers, monkeypatch):
    """At a million events the helper's control model came 5 s after the rest of the first page: the page is drawn
    without it (no control layer, the changes said to follow), and whole on the run after it has come."""
    import streamlit as st

    import eventmap.control as control
    from eventmap.views import map as views_map

    st.cache_data.clear()
    st.cache_resource.clear()
    still = {"control": True}
    monkeypatch.setattr(prefetch, "arriving", lambda kind, url, wait=0.0: still.get(kind, False))
    at, (built, drawn) = run_app(monkeypatch, store_path, (control, "control_from_store"), (views_map, "build_map"))
    changes = "".join(x.value for x in at.markdown if "em-changes" in x.value)
    assert "working out who holds what" in changes and "Changed hands" in changes
    assert any("control rings" in c.value for c in at.caption)
    assert not built and drawn and all(a[-1] is None for a in drawn)   # build_map(..., control=None)
    still["control"] = False                                           # the helper's model has come
    at, (built, drawn) = run_app(monkeypatch, store_path, (control, "control_from_store"), (views_map, "build_map"))
    changes = "".join(x.value for x in at.markdown if "em-changes" in x.value)
    assert "working out" not in changes and "Changed hands from" in changes
    assert not any("control rings" in c.value for c in at.caption)
    assert drawn and drawn[-1][-1] is not None and len(drawn[-1][-1])  # the map drawn again, with the model


def test_a_helper_message_arrives_whole_however_the_socket_cuts_it():
    """The helpers' messages (``_send``/``_receive``): a length, then the pickle, read in one request each; a
    message larger than the socket's buffers arrives whole, a closed socket ends the stream, a cut one is an error."""
    import socket

    frame = pd.DataFrame({"event_id": [f"ev-{i:07d}" for i in range(200_000)], "notes": ["قصف على البلدة"] * 200_000})
    data = pickle.dumps(("events", (1, 200_000), None, frame), protocol=pickle.HIGHEST_PROTOCOL)
    assert len(data) > 4 * 2**20
    a, b = socket.socketpair()
    with a:
        sender = threading.Thread(target=lambda: (prefetch._plan(b, ["events"]), prefetch._send(b, data), b.close()))
        sender.start()
        assert pickle.loads(prefetch._receive(a)) == ("plan", ["events"])
        got = prefetch._receive(a)
        assert got == data and pickle.loads(got)[3].equals(frame)
        assert prefetch._receive(a) is None                                  # the helper is done
        sender.join()
    a, b = socket.socketpair()
    with a:
        b.sendall(prefetch._LENGTH.pack(1000) + b"x" * 10)
        b.close()
        with pytest.raises(EOFError):
            prefetch._receive(a)


def test_the_first_page_counts_the_days_once(store_path, monkeypatch):
    """The histogram and the month buttons read the same counts per day: made once per filter and store version."""
    import streamlit as st

    from eventmap.views import timeline

    st.cache_data.clear()
    st.cache_resource.clear()
    _, (counted,) = run_app(monkeypatch, store_path, (timeline, "day_counts"))
    assert len(counted) == 1 and len(counted[0][0]) == 18
