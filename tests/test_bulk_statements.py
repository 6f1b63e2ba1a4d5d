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
