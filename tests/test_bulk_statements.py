"""The backends' bulk statements behind ``reprocess`` (issue 15): ``delete_returning`` (one
``DELETE ... RETURNING`` on PostGIS, a ``SELECT`` then the ``DELETE`` on SQLite) and ``update_many``
(one ``UPDATE ... FROM unnest`` on PostGIS, ``executemany`` where a key repeats) change what the
statement-per-row way changed, inside the caller's transaction."""

from __future__ import annotations

import pytest

from eventmap.store import open_store
from eventmap.store.testing import backend_url, synthetic_batch

BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    with backend_url(request.param, tmp_path) as u:
        yield u


def _ids(s) -> list[tuple]:
    return s._db.fetchall("SELECT event_id, report_id FROM events ORDER BY fid")


def test_delete_returning_gives_the_rows_deleted(url):
    items = list(synthetic_batch(6, seed=31))
    with open_store(url) as s:
        s.ingest_many(items)
        before = _ids(s)
        rids = [items[1][0].report_id, items[4][0].report_id]
        with s._db.write():
            got = s._db.delete_returning("events", "report_id IN (?, ?)", rids, "event_id, report_id")
        assert sorted(got) == sorted(r for r in before if r[1] in rids) and got
        assert _ids(s) == [r for r in before if r[1] not in rids]
        with pytest.raises(OSError), s._db.write():   # inside a transaction that fails: nothing deleted
            s._db.delete_returning("events", "1 = 1", (), "event_id")
            raise OSError("disk went away")
        assert _ids(s) == [r for r in before if r[1] not in rids]


def test_update_many_sets_each_keys_row_and_the_last_of_a_repeated_key(url):
    items = list(synthetic_batch(5, seed=32))
    with open_store(url) as s:
        s.ingest_many(items)
        rids = [rep.report_id for rep, _ in items]
        with s._db.write():
            s._db.update_many("reports", "report_id", ("n_events", "extractor"),
                              [(10 + i, f"x-{i}", rid) for i, rid in enumerate(rids[:3])])
        with s._db.write():   # a key twice: the last row wins, as row by row
            s._db.update_many("reports", "report_id", ("n_events", "extractor"),
                              [(1, "a", rids[3]), (2, "b", rids[3])])
        s._db.update_many("reports", "report_id", ("n_events",), [])
        got = s._db.fetchall("SELECT report_id, n_events, extractor FROM reports ORDER BY fid")
        assert got[:4] == [(rids[0], 10, "x-0"), (rids[1], 11, "x-1"), (rids[2], 12, "x-2"), (rids[3], 2, "b")]
        assert got[4][1] == len(items[4][1])


@pytest.mark.postgis
def test_reprocess_lets_postgis_find_each_batchs_rows_by_index(tmp_path):
    """A store just loaded has no planner statistics; without them PostgreSQL read the whole events table for
    each batch's ``DELETE ... WHERE report_id IN (...)``. ``reprocess`` gathers them first (``ANALYZE``, a
    manual one: autovacuum's own sets another column), and the batch's look-up goes through the index."""
    from eventmap.pipeline import reprocess

    items = list(synthetic_batch(1500, seed=33))
    with backend_url("postgis", tmp_path) as u, open_store(u) as s:
        s.ingest_many(items)

        def analysed() -> list[tuple]:
            return s._db.fetchall("SELECT relname FROM pg_stat_user_tables WHERE relid = 'events'::regclass "
                                  "AND last_analyze IS NOT NULL")

        assert analysed() == []
        stored = _ids(s)
        reprocess(s, lambda text, published, **kw: [e for rep, evs in items if rep.text == text for e in evs])
        assert analysed() == [("events",)]
        assert sorted(_ids(s)) == sorted(stored)   # the same events, replaced
        rids = [rep.report_id for rep, _ in items[:40]]
        plan = "\n".join(r[0] for r in s._db.fetchall(
            f"EXPLAIN DELETE FROM events WHERE report_id IN ({', '.join('?' for _ in rids)})", rids))
        assert "events_report" in plan, plan
