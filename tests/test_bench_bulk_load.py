"""``benchmarks/bench_bulk.py``'s large-ingest measure: ``ingest_many`` inside one ``EventStore.bulk_load`` (as
``eventmap ingest`` of many reports runs it) and its floor, SQLite's own ``executemany`` with the same indexes
dropped before and created after. Both must leave the store as a normal ingest does: every row, every index."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from eventmap.store import bulk_load, open_store
from eventmap.store.testing import synthetic_batch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import bench_bulk


def _indexes(path: Path) -> dict[str, str]:
    with open_store(str(path)) as s:
        return s._db.index_sql("events")


def test_the_floor_creates_again_every_index_it_dropped(tmp_path):
    items = list(synthetic_batch(20, seed=3))
    tables = bench_bulk.ingest_rows([items])
    wall, cpu, _ = bench_bulk._floor_executemany(tmp_path / "floor.gpkg", tables, 10_000, deferred=True)
    assert wall > 0 and cpu > 0
    open_store(str(tmp_path / "new.gpkg")).close()
    made = _indexes(tmp_path / "new.gpkg")
    assert _indexes(tmp_path / "floor.gpkg") == made and len(made) > 5
    with open_store(str(tmp_path / "floor.gpkg")) as s:
        assert s.count_stored() == sum(len(evs) for _, evs in items)


def test_the_measure_defers_the_indexes_and_builds_them_at_the_end(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk_load, "MIN_REPORTS", 10)   # 20 reports count as a large load here
    items = list(synthetic_batch(20, seed=3))
    seen = []
    real = bulk_load.deferred_indexes

    def spy(store, reports):
        with real(store, reports) as deferred:
            seen.append((deferred, len(store._db.index_sql("events"))))
            yield deferred

    monkeypatch.setattr(bulk_load, "deferred_indexes", contextlib.contextmanager(spy))
    open_store(str(tmp_path / "new.gpkg")).close()
    with open_store(str(tmp_path / "s.gpkg")) as s:
        wall, cpu, _ = bench_bulk._measure_bulk_load(s, [items[:10], items[10:]])
        assert s.count_stored() == sum(len(evs) for _, evs in items) and bulk_load.record(s) is None
    assert seen == [(True, len(bulk_load.KEEP))]                      # the load ran without the others
    assert _indexes(tmp_path / "s.gpkg") == _indexes(tmp_path / "new.gpkg")
