"""PostGIS bulk writes (issue 15): ``COPY`` in binary format stores what the text format stored, and the
session's long values are compressed with LZ4 (read back the same; a server without it keeps pglz).

``postgis.binary_types`` sends a batch in binary only when every value is exactly of its column's type;
anything else (an int in a float column, a bool in an int column, a str subclass, an int out of range,
a column type it does not write) goes in text, as before. The stored rows of both formats are compared
on realistic events bent the ways a batch may carry them, and on reference imports (the straight
``COPY`` and the temporary table's ``ON CONFLICT`` way).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from eventmap.store import open_store
from eventmap.store import postgis as pg
from eventmap.store.bulk import ROW_COLUMNS
from eventmap.store.testing import backend_url, rafid_report_ar, rafid_report_en, synthetic_batch, with_long_texts

TYPES = {"a": 25, "n": 23, "big": 20, "x": 701, "b": 17}


class _Name(str):
    pass


def test_binary_types_only_when_every_value_is_of_its_columns_type():
    cols = ["a", "n", "big", "x", "b"]
    ok = [("t", 1, 2**40, 1.5, b"\x00"), (None, None, None, None, None), ("", -2**31, -2**63, float("nan"), b"")]
    assert pg.binary_types(TYPES, cols, ok, None) == [25, 23, 20, 701, 17]
    assert pg.binary_types(TYPES, cols[:1], [("t", b"wkb")], "geom") == [25, 17]
    bad = [("t", 1, 2, 2, b""),              # an int in a float column
           ("t", True, 2, 1.0, b""),          # a bool in an int column
           (_Name("t"), 1, 2, 1.0, b""),      # a str subclass
           ("t", 2**31, 2, 1.0, b""),         # out of int4's range
           ("t", 1, 2**63, 1.0, b""),         # out of int8's range
           ("t", 1.0, 2, 1.0, b""),           # a float in an int column
           ("t", 1, 2, 1.0, "bytes?")]        # text in a bytea column
    for row in bad:
        assert pg.binary_types(TYPES, cols, [ok[0], row], None) is None, row
    assert pg.binary_types({**TYPES, "j": 3802}, ["a", "j"], [("t", "{}")], None) is None   # jsonb: not written


def _items() -> list:
    items = list(synthetic_batch(15, seed=21)) + [rafid_report_ar(), rafid_report_en()]
    rep, evs = items[0]
    e = evs[0]
    bent = [replace(e, notes='قصف "المهير"\t\\ شرقي\nدرعا\r', location=", ", place_name_en=None),
            replace(e, latitude=float("nan"), longitude=None, place_id=None, resolution="unresolved"),
            replace(e, confidence=float("inf"), fatalities=2.0, time_precision=0, geo_precision=None),
            replace(e, notes="صي\u200dدا\x01 \u0651 \\N", actor1="\\.", event_type=None)]
    items[0] = (rep, [replace(b, event_id=f"{b.event_id}-{i}") for i, b in enumerate(bent)] + evs)
    return items


def _dump(s) -> tuple[list, list, list]:
    cols = ", ".join(f'"{c}"' for c in ROW_COLUMNS)
    evs = s._db.fetchall(f"SELECT {cols}, ST_AsEWKB(geom) FROM events ORDER BY fid")
    reps = s._db.fetchall("SELECT report_id, text, n_events, extractor FROM reports ORDER BY fid")
    refs = s._db.fetchall("SELECT kind, ref_id, event_date, latitude, longitude, geo_precision, fatalities, notes, "
                          "raw, ST_AsEWKB(geom) FROM reference_events ORDER BY fid")
    norm = [[tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows] for rows in (evs, refs)]
    return reps, norm[0], norm[1]


def _ucdp(path: Path, rows: int, revised: bool = False) -> Path:
    lines = ["id,type_of_violence,date_start,latitude,longitude,best,side_a,side_b,where_coordinates,adm_1"]
    for i in range(rows):
        lat = "" if i == 2 else f"32.{i}"
        lines.append(f"{900000 + i},{1 + i % 3},2018-07-{1 + i:02d},{lat},36.1,{i if i != 3 else ''},"
                     f"\"Gov, \"\"A\"\"\",B{'x' if revised else ''},\"Sayda\tvillage\",Daraa")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.postgis
def test_binary_copy_stores_what_the_text_copy_stored(tmp_path, monkeypatch):
    items = _items()
    dumps = []
    for mode in ("binary", "text"):
        (tmp_path / mode).mkdir()
        if mode == "text":
            monkeypatch.setattr(pg, "binary_types", lambda *a: None)
        with backend_url("postgis", tmp_path / mode) as u, open_store(u) as s:
            s.ingest_many(items[:5])
            s.ingest_many(items[3:])     # two reports again: the temporary table's ON CONFLICT way
            s.import_reference("ucdp", _ucdp(tmp_path / "a.csv", 6))
            s.import_reference("ucdp", _ucdp(tmp_path / "b.csv", 8, revised=True))   # upsert via temp table
            dumps.append(_dump(s))
        monkeypatch.undo()
    assert dumps[0] == dumps[1]
    reps, evs, refs = dumps[0]
    assert len(reps) == len(items) and len(refs) == 8 and refs[0][8] != "{}"
    assert any(r[ROW_COLUMNS.index("confidence")] == float("inf") for r in evs)


@pytest.mark.postgis
def test_long_values_are_compressed_with_lz4_and_read_back_the_same(tmp_path):
    items = with_long_texts(synthetic_batch(8, seed=23))
    with backend_url("postgis", tmp_path) as u, open_store(u) as s:
        s.ingest_many(items)
        got = s._db.fetchall("SELECT DISTINCT pg_column_compression(text) FROM reports")
        assert got == [("lz4",)]
        stored = dict(s._db.fetchall("SELECT report_id, text FROM reports"))
        assert all(stored[rep.report_id] == rep.text for rep, _ in items)
        assert all(s.get_event(e.event_id) == e for _, evs in items for e in evs)


def test_a_server_without_lz4_keeps_its_default():
    class Refusing:
        def execute(self, sql: str) -> None:
            raise psycopg.errors.InvalidParameterValue(f"invalid value for parameter: {sql}")

    backend = object.__new__(pg.PostGISBackend)
    backend.conn, backend._psycopg = Refusing(), psycopg
    backend._fast_compression()    # no error: the store opens with pglz


def _chunked_mode(mode: str, monkeypatch) -> None:
    """Set up one way of writing events on PostGIS (see the test below)."""
    from eventmap.store.base import EventStore
    monkeypatch.setattr(EventStore, "COPY_CHUNK", 10**9 if mode == "whole" else 7)
    if mode == "later chunk not binary":
        calls = {"n": 0}
        real = pg.binary_types

        def third_refused(*a):
            calls["n"] += 1
            return None if calls["n"] % 3 == 0 else real(*a)
        monkeypatch.setattr(pg, "binary_types", third_refused)
    if mode == "race":   # as if another writer stored the keys between the look-up and the COPY
        monkeypatch.setattr(pg.PostGISBackend, "_all_new", lambda self, cur, t, cols, rows, keys, ask=True:
                            {r[list(cols).index(keys[0])] for r in rows} if len(keys) == 1 else None)


@pytest.mark.postgis
def test_events_made_in_chunks_while_copy_streams_are_stored_as_in_one_batch(tmp_path, monkeypatch):
    from eventmap.pipeline import reprocess
    from eventmap.store.testing import toy_extract_v2
    items = _items()
    dumps = []
    for mode in ("whole", "chunks", "later chunk not binary", "race"):
        (tmp_path / mode).mkdir()
        with backend_url("postgis", tmp_path / mode) as u, open_store(u) as s:
            s.ingest_many(items[:3])
            _chunked_mode(mode, monkeypatch)
            res = [r.status for r in s.ingest_many(items[1:])]
            first = _dump(s)
            s.REPROCESS_BATCH = 5
            reprocess(s, toy_extract_v2)
            monkeypatch.undo()
            dumps.append((res, first, _dump(s)))
    assert dumps[0] == dumps[1] == dumps[2] == dumps[3]
    assert dumps[0][0][:2] == ["duplicate", "duplicate"] and len(dumps[0][1][1]) > 3 * 7


@pytest.mark.postgis
def test_a_later_chunk_failing_leaves_nothing(tmp_path, monkeypatch):
    from eventmap.store.base import EventStore
    monkeypatch.setattr(EventStore, "COPY_CHUNK", 5)
    items = list(synthetic_batch(12, seed=24))
    rep, evs = items[9]
    nul = items[:9] + [(rep, [replace(evs[0], notes="قصف\x00مدفعي")] + evs[1:])] + items[10:]
    with backend_url("postgis", tmp_path) as u, open_store(u) as s:
        assert sum(len(e) for _, e in items[:9]) > 3 * 5    # the NUL is in the fourth chunk or later
        with pytest.raises(psycopg.DataError):
            s.ingest_many(nul)
        assert len(s.reports()) == 0 and s.count_stored() == 0
        assert all(r.status == "new" for r in s.ingest_many(items))
        assert s.count_stored() == sum(len(e) for _, e in items)


@pytest.mark.postgis
def test_a_chunked_batch_meeting_a_stored_event_id_stores_what_one_batch_stores(tmp_path, monkeypatch):
    """``insert_new_chunks`` does not ask the server whether an event id is stored: a new report whose events
    reuse stored ids makes its ``COPY`` fail under the savepoint, and the batch goes the ``ON CONFLICT`` way
    (the first stored keeps its id), as ``insert_new`` of the whole batch does after its look-up."""
    from eventmap.store.base import EventStore
    items = _items()
    stored = items[:3]
    rep, evs = items[3]
    reused = [replace(e, event_id=old.event_id) for e, old in zip(evs, stored[1][1])]
    again = [(replace(rep, report_id=rep.report_id + "-b", text=rep.text + " (updated)"), reused + evs[len(reused):])]
    later = items[4:]
    dumps = []
    for mode in ("whole", "chunks"):
        (tmp_path / mode).mkdir()
        with backend_url("postgis", tmp_path / mode) as u, open_store(u) as s:
            s.ingest_many(stored)
            monkeypatch.setattr(EventStore, "COPY_CHUNK", 10**9 if mode == "whole" else 2)
            res = [r.status for r in s.ingest_many(again + later)]
            monkeypatch.undo()
            dumps.append((res, _dump(s)))
    assert dumps[0] == dumps[1]
    res, (reps, evs_stored, _) = dumps[0]
    assert res == ["new"] * len(again + later) and len(reused) >= 2
    ids = [r[ROW_COLUMNS.index("event_id")] for r in evs_stored]
    assert len(ids) == len(set(ids))   # each reused id stored once: the first report's event kept it
    owner = {r[ROW_COLUMNS.index("event_id")]: r[ROW_COLUMNS.index("report_id")] for r in evs_stored}
    assert all(owner[e.event_id] == stored[1][0].report_id for e in reused)
