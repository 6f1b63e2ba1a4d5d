"""``benchmarks/bench_bulk.py``'s PostGIS floor: PostgreSQL's own ``COPY`` of the rows the store writes, in
binary with LZ4 compression of long values (as the store's bulk path writes them), beside the text ``COPY``
with the server's default compression it used before. Both floors store the very rows the store stores."""

from __future__ import annotations

import sys
from pathlib import Path

import psycopg
import pytest

from eventmap.store import open_store
from eventmap.store.testing import backend_url, synthetic_batch, with_long_texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import bench_bulk

_EVENT_COLS = "event_id, report_id, event_date, latitude, longitude, confidence, extracted, ST_AsEWKT(geom)"


def _stored(url: str) -> tuple[list[tuple], set, str]:
    with psycopg.connect(url) as c:
        rows = c.execute(f"SELECT {_EVENT_COLS} FROM events ORDER BY fid").fetchall()
        comp = {r[0] for r in c.execute("SELECT pg_column_compression(text) FROM reports").fetchall()}
        default = c.execute("SHOW default_toast_compression").fetchone()[0]
    return rows, comp - {None}, default


@pytest.mark.postgis
def test_binary_and_text_floors_store_what_the_store_stores(tmp_path):
    items = with_long_texts(synthetic_batch(8, seed=23))   # texts long enough to compress
    tables = bench_bulk.ingest_rows([items])
    got = {}
    for name, binary in (("binary", True), ("text", False)):
        with backend_url("postgis", tmp_path / name) as url:
            wall, cpu, both = bench_bulk._floor_copy(url, tables, binary=binary)
            assert wall > 0 and both >= cpu >= 0
            got[name] = _stored(url)
    with backend_url("postgis", tmp_path / "store") as url:
        with open_store(url) as s:
            s.ingest_many(items)
        ours = _stored(url)
    assert got["binary"][0] == got["text"][0] == ours[0] and ours[0]
    assert got["binary"][1] == ours[1] == {"lz4"}           # long values compressed as the store compresses them
    assert got["text"][1] == {got["text"][2]}              # the server's default compression, as before
