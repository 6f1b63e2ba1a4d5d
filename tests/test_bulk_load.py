"""Bulk loads (``EventStore.bulk_load``, ``eventmap.store.bulk_load``): the events' secondary indexes are dropped
for a large load and built again at its end, also when it fails; a process that dies mid-load leaves a record
the next writer acts on. The rows stored are the same as without; only the time differs."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from eventmap.pipeline import ingest_paths, reprocess
from eventmap.store import bulk_load, open_store
from eventmap.store.testing import backend_url, synthetic_batch, toy_extract, toy_extract_v2

SRC = str(Path(__file__).resolve().parents[1] / "src")
#: what a load must leave exactly as it was (the rows; ``ingested_at`` is a clock reading)
ROWS = ("SELECT event_id, report_id, event_date, event_type, sub_event_type, location, latitude, longitude, "
        "admin1, admin2, admin3, place_key, search, status, geom FROM events ORDER BY event_id")
BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]


@pytest.fixture(params=BACKENDS)
def urls(request, tmp_path):
    """Two new stores of one backend (``urls(0)``, ``urls(1)``)."""
    made: dict[int, str] = {}
    ctxs = []

    def get(i: int) -> str:
        if i not in made:
            sub = tmp_path / str(i)
            sub.mkdir()
            ctx = backend_url(request.param, sub)
            made[i] = ctx.__enter__()
            ctxs.append(ctx)
        return made[i]

    yield get
    for ctx in ctxs:
        ctx.__exit__(None, None, None)


@pytest.fixture
def small_min(monkeypatch):
    """Loads of a handful of reports count as large (the real threshold is thousands)."""
    monkeypatch.setattr(bulk_load, "MIN_REPORTS", 3)


def _indexes(store) -> dict[str, str]:
    """The events' own indexes; PostGIS's definitions name the store's schema, which differs between stores."""
    return {k: re.sub(r" ON \S+\.events ", " ON events ", v) for k, v in store._db.index_sql("events").items()}


def _rows(store) -> list[tuple]:
    return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in store._db.fetchall(ROWS)]


def _sound(store) -> bool:
    if store.dialect == "sqlite":
        return store._db.fetchall("PRAGMA integrity_check") == [("ok",)]
    return True   # PostgreSQL checks its indexes as it builds them


def test_a_large_load_defers_the_indexes_and_builds_the_same_ones_again(urls, small_min):
    batch = list(synthetic_batch(40, seed=3))
    with open_store(urls(0)) as plain:
        for i in range(0, 40, 10):
            plain.ingest_many(batch[i:i + 10])
        want_rows, want_indexes = _rows(plain), _indexes(plain)
    with open_store(urls(1)) as s:
        with s.bulk_load(40) as deferred:
            assert deferred
            assert set(_indexes(s)) == bulk_load.KEEP   # only the index the batches read is left
            assert s._db.owner_running(bulk_load.record(s)["owner"])
            for i in range(0, 40, 10):
                s.ingest_many(batch[i:i + 10])
            # a query the dashboard makes still answers, from the table
            assert s.count_stored() == len(want_rows)
        assert _indexes(s) == want_indexes and len(want_indexes) > 10
        assert bulk_load.record(s) is None
        assert _rows(s) == want_rows
        assert _sound(s)


def test_small_loads_and_loads_onto_a_larger_store_keep_the_indexes(tmp_path, small_min):
    with open_store(str(tmp_path / "s.gpkg")) as s:
        n = len(_indexes(s))
        with s.bulk_load(2) as deferred:          # under the threshold
            assert not deferred and len(_indexes(s)) == n
        s.ingest_many(list(synthetic_batch(20, seed=4)))
        with s.bulk_load(10) as deferred:         # fewer reports than the store holds
            assert not deferred and len(_indexes(s)) == n
        with s.bulk_load(25) as deferred:         # more: worth it
            assert deferred
            with s.bulk_load(25) as inner:        # a load inside a load changes nothing
                assert not inner
            assert set(_indexes(s)) == bulk_load.KEEP
        assert len(_indexes(s)) == n


def test_a_failed_load_still_builds_the_indexes_and_keeps_its_committed_batches(urls, small_min):
    batch = list(synthetic_batch(12, seed=5))
    with open_store(urls(0)) as s:
        want = _indexes(s)
        with pytest.raises(RuntimeError, match="the disk went away"):
            with s.bulk_load(12):
                s.ingest_many(batch[:6])
                raise RuntimeError("the disk went away")
        assert _indexes(s) == want and bulk_load.record(s) is None
        assert s.count_stored() == sum(len(evs) for _, evs in batch[:6])


def test_another_process_sees_a_running_load_and_leaves_its_indexes_alone(urls, small_min):
    path = urls(0)
    with open_store(path) as s, s.bulk_load(5):
        with open_store(path) as other:   # its owner (this process) runs: no rebuild under its feet
            assert set(_indexes(other)) == bulk_load.KEEP
            with other.bulk_load(50) as deferred:   # nor a second load over the first
                assert not deferred
            other.ingest_many(list(synthetic_batch(3, seed=6)))
            assert other.count_stored() > 0
    with open_store(path) as s:
        assert len(_indexes(s)) > 10 and bulk_load.record(s) is None


def test_a_load_whose_process_died_is_finished_by_the_next_writer(urls, caplog):
    path = urls(0)
    with open_store(path) as s:
        want = _indexes(s)
    # a real process starts a load, stores one batch and dies without its clean-up (os._exit: no finally runs)
    code = (
        "import os, sys\n"
        "from eventmap.store import bulk_load, open_store\n"
        "from eventmap.store.testing import synthetic_batch\n"
        "s = open_store(sys.argv[1])\n"
        "cm = s.bulk_load(bulk_load.MIN_REPORTS)\n"
        "assert cm.__enter__()\n"
        "s.ingest_many(list(synthetic_batch(4, seed=8)))\n"
        "os._exit(7)\n")
    proc = subprocess.run([sys.executable, "-c", code, path], env=dict(os.environ, PYTHONPATH=SRC),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 7, proc.stderr
    if not path.startswith("postgresql"):   # the file as it was left: indexes missing, the batch there
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            left = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                               "tbl_name = 'events' AND sql IS NOT NULL")}
            assert left == set(bulk_load.KEEP) and conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] > 0
            owner = json.loads(conn.execute("SELECT value FROM meta WHERE key = ?", (bulk_load.RECORD_KEY,))
                               .fetchone()[0])["owner"]
        finally:
            conn.close()
    else:   # the server ends the dead client's session within moments
        import time

        import psycopg
        with psycopg.connect(path, autocommit=True) as c:
            owner = json.loads(c.execute("SELECT value FROM meta WHERE key = %s", (bulk_load.RECORD_KEY,))
                               .fetchone()[0])["owner"]
            for _ in range(100):
                if not c.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (owner["backend"],)).fetchone():
                    break
                time.sleep(0.1)
    with caplog.at_level(logging.WARNING, logger="eventmap.store.bulk_load"):
        with open_store(path) as s:
            assert _indexes(s) == want
            assert bulk_load.record(s) is None
            assert s.count_stored() > 0
    assert "stopped before it rebuilt the events' indexes" in caplog.text
    # the dead loader named as the store check and the dashboard name a running one
    assert (f"(process {owner['pid']} on {owner['host']})" if not path.startswith("postgresql")
            else f"(server session {owner['backend']})") in caplog.text


def test_an_ingest_run_of_many_reports_is_one_bulk_load(tmp_path, small_min):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, (rep, _) in enumerate(synthetic_batch(9, seed=9)):
        (folder / f"2018-06-{i + 1:02d}_r{i}.txt").write_text(rep.text, encoding="utf-8")
    seen: list[int] = []
    with open_store(str(tmp_path / "s.gpkg")) as s:
        want = _indexes(s)
        from eventmap.pipeline.parallel import ingest_parallel
        shown = io.StringIO()
        summary = ingest_parallel(s, [folder], workers=1, extract_fn=toy_extract, chunk_size=3, progress=True,
                                  stream=shown, on_chunk=lambda done, total: seen.append(len(_indexes(s))))
        assert "building the events' indexes" in shown.getvalue()   # the pause after the bar is explained
        assert summary.new == 9 and summary.events > 0
        assert seen == [len(bulk_load.KEEP)] * 3       # every chunk written without the deferred indexes
        assert _indexes(s) == want and bulk_load.record(s) is None
        n = s.count_stored()
    # the same run on a store holding more reports than it brings keeps the indexes
    with open_store(str(tmp_path / "s.gpkg")) as s:
        seen.clear()
        ingest_paths(s, [folder / "2018-06-01_r0.txt"], extract_fn=toy_extract)
        assert s.count_stored() == n and len(_indexes(s)) == len(want)


def test_reprocess_of_a_large_store_is_one_bulk_load_with_the_same_result(tmp_path, small_min, monkeypatch):
    batch = list(synthetic_batch(30, seed=10))
    results, rows = [], []
    for name, threshold in (("bulk", 3), ("plain", 10**9)):
        monkeypatch.setattr(bulk_load, "MIN_REPORTS", threshold)
        with open_store(str(tmp_path / f"{name}.gpkg")) as s:
            s.ingest_many(batch)
            want = _indexes(s)
            monkeypatch.setattr(s, "REPROCESS_BATCH", 7)
            during: list[int] = []
            r = reprocess(s, toy_extract_v2, progress=lambda done, total: during.append(len(_indexes(s))))
            assert during and set(during) == {len(bulk_load.KEEP) if name == "bulk" else len(want)}
            assert _indexes(s) == want and bulk_load.record(s) is None
            results.append((r.reports, r.events_before, r.events_after, r.stale, r.failed))
            rows.append(_rows(s))
    assert results[0] == results[1] and rows[0] == rows[1]


def test_store_check_says_when_a_load_has_the_indexes_dropped(urls, small_min, capsys):
    from eventmap.cli import main
    path = urls(0)
    with open_store(path) as s:
        s.ingest_many(list(synthetic_batch(4, seed=11)))
        with s.bulk_load(10):
            assert main(["store", "check", "--db", path]) == 0
            out = capsys.readouterr().out
            assert out.startswith("ok:") and "a bulk load is running" in out and "indexes are built again" in out
            assert (f"(process {os.getpid()} on " in out) if s.dialect != "postgis" else \
                (f"(server session {s._db.conn.info.backend_pid})" in out)
    assert main(["store", "check", "--db", path]) == 0
    assert "bulk load" not in capsys.readouterr().out


def test_indexes_that_cannot_be_built_at_the_end_lose_no_row_and_are_built_by_the_next_writer(
        urls, small_min, monkeypatch, caplog):
    path = urls(0)
    batch = list(synthetic_batch(8, seed=12))
    with open_store(path) as s:
        want = _indexes(s)
        # the rebuild fails as a full disk would make it fail: the load's batches stay, nothing is raised
        monkeypatch.setattr(bulk_load, "_if_not_exists", lambda sql: "CREATE INDEX no_room ON no_such_table (x)")
        with caplog.at_level(logging.WARNING, logger="eventmap.store.bulk_load"):
            with s.bulk_load(8):
                s.ingest_many(batch)
        assert "could not be built at the end of the bulk load" in caplog.text
        assert s.count_stored() == sum(len(evs) for _, evs in batch)
        assert set(_indexes(s)) == bulk_load.KEEP and bulk_load.record(s)["owner"] == {}
        assert "stopped before it rebuilt" in bulk_load.status_text(s)
    monkeypatch.undo()
    with open_store(path) as s:   # this process still runs, but the record has no loader left: rebuilt
        assert _indexes(s) == want and bulk_load.record(s) is None


@pytest.mark.parametrize("sql, want", [
    ("CREATE INDEX events_date ON events (event_date)", "CREATE INDEX IF NOT EXISTS events_date ON events (event_date)"),
    ("CREATE UNIQUE INDEX one_key ON events (event_id)", "CREATE UNIQUE INDEX IF NOT EXISTS one_key ON events (event_id)"),
    ("CREATE INDEX events_geom ON t_1.events USING gist (geom)",
     "CREATE INDEX IF NOT EXISTS events_geom ON t_1.events USING gist (geom)"),
    ("CREATE INDEX IF NOT EXISTS events_lat ON events (latitude)", "CREATE INDEX IF NOT EXISTS events_lat ON events (latitude)"),
])
def test_a_rebuild_meets_an_index_already_made_without_error(sql, want):
    assert bulk_load._if_not_exists(sql) == want


def test_reprocess_says_when_it_builds_the_deferred_indexes(tmp_path, small_min, capsys):
    from eventmap.cli import main
    db = str(tmp_path / "s.gpkg")
    with open_store(db) as s:
        s.ingest_many(list(synthetic_batch(6, seed=13)))
    capsys.readouterr()
    assert main(["reprocess", "--progress", "--workers", "1", "--db", db,
                 "--extractor", "eventmap.store.testing:toy_extract"]) == 0
    out, err = capsys.readouterr()
    assert "building the events' indexes" in err and "reports: 6" in out
    assert err.index("6/6") < err.index("building the events' indexes")   # after the full bar, once
    assert err.count("building the events' indexes") == 1
    with open_store(db) as s:
        assert len(_indexes(s)) > 10 and not s.bulk_loading
    bulk_load.MIN_REPORTS = 10**9   # a reprocess that keeps its indexes says nothing of them
    assert main(["reprocess", "--progress", "--workers", "1", "--db", db,
                 "--extractor", "eventmap.store.testing:toy_extract"]) == 0
    assert "building the events' indexes" not in capsys.readouterr().err


@pytest.mark.slow
def test_the_dashboard_says_while_a_load_has_the_indexes_dropped(urls, small_min, monkeypatch):
    """An analyst with the dashboard open while `eventmap ingest` loads thousands of reports is told why pages
    are slower; once the indexes are built again, nothing is said."""
    from streamlit.testing.v1 import AppTest

    from eventmap.views.cli import app_path

    path = urls(0)
    monkeypatch.setenv("EVENTMAP_DB", path)
    monkeypatch.chdir(app_path().parent)

    def dashboard_notes() -> list[str]:
        at = AppTest.from_file(str(app_path()), default_timeout=240)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return [i.value for i in at.info]

    with open_store(path) as s:
        s.ingest_many(list(synthetic_batch(4, seed=11)))
        with s.bulk_load(10):
            assert s.load_note.startswith("a bulk load is running")
            notes = dashboard_notes()
            assert any(n.startswith("A bulk load is running") and "queries are slower until then" in n
                       for n in notes), notes
        assert s.load_note == ""
    assert not any("bulk load" in n for n in dashboard_notes())


def test_a_store_whose_meta_cannot_be_read_has_no_load_note(urls, monkeypatch):
    """The dashboard asks on every run: a damaged store (its notices already say so) gives no note and no error."""
    from eventmap.store import StoreDamagedError

    with open_store(urls(0)) as s:
        def damaged(*_a, **_k):
            raise StoreDamagedError("database disk image is malformed")

        monkeypatch.setattr(s._db, "fetchall", damaged)
        assert s.load_note == ""
