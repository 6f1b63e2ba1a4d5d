"""Bulk rows built a column at a time (issue 15) give what the row-at-a-time code gave, and stay atomic.

The event rows of ``ingest_many`` / ``reprocess`` (``bulk.event_params``), the search keys
(``text.normalize_ar_many``), JSON objects written a column at a time (``bulk.json_objects``), the
reference-layer parser (``reference.reference_columns``) and PostGIS's straight ``COPY`` are each
compared with the previous path (kept in the code as the fallback, or written out here) on realistic
rows and on the odd values a batch can carry. A failed import leaves nothing; a repeated one adds nothing.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.store import geopackage as gpkg
from eventmap.store import open_store
from eventmap.store.bulk import (
    _ESCAPED,
    ROW_COLUMNS,
    _event_params_one_by_one,
    _plain,
    event_params,
    json_objects,
)
from eventmap.store.records import utc_now
from eventmap.store.reference import (
    REFERENCE_COLUMNS,
    _float,
    _floats,
    _frame,
    _parse_rows,
    _within,
    parse_reference,
    reference_columns,
)
from eventmap.store.testing import backend_url, rafid_report_ar, rafid_report_en, synthetic_batch
from eventmap.text import normalize_ar, normalize_ar_many

BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]
REF_COLS = ["kind", "ref_id", *REFERENCE_COLUMNS[1:]]


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    with backend_url(request.param, tmp_path) as u:
        yield u


def _odd(events: list) -> list:
    """Realistic events bent the ways a batch may carry them (None, NaN, ints, escapes, odd offsets)."""
    e = events[0]
    alt = ({"name_ar": "صيدا", "lat": 32.68, "lon": 36.3, "reasons": ["admin1", {"b": 1, "a": [2.5, None]}]},)
    bent = [
        replace(e, notes='قصف "المهير"\t\\ شرقي\nدرعا', location=", ", place_name_en=None, admin3=None),
        replace(e, latitude=float("nan"), longitude=None, place_id=None, resolution="unresolved"),
        replace(e, latitude=32, longitude=36, place_id="", fatalities=2.0, confidence=None, time_precision=0),
        replace(e, fatalities=True, uncertainty_km=None, geo_precision=None, alternatives=alt),
        replace(e, fatalities=-1, extractor=None, report_id=None, trigger_label=None, notes="ΟΔΟΣ Σ  x\u00a0\u2003y"),
        replace(e, fatalities=float("nan"), evidence=replace(e.evidence, mention_start=None, trigger="")),
        replace(e, evidence=replace(e.evidence, mention_start="7", mention_end=9.0), confidence=float("inf")),
        replace(e, notes="صي\u200dدا\x01 \u0651", actor1="", event_type=None, published=None),
    ]
    return [replace(b, event_id=f"{b.event_id}-{i}") for i, b in enumerate(bent)] + events


def _events() -> list:
    items = list(synthetic_batch(25, seed=12)) + [rafid_report_ar(), rafid_report_en()]
    return [e for _, evs in items for e in evs]


@pytest.mark.parametrize("geom", [(gpkg.point_blob, gpkg.point_blobs), (gpkg.wkb_point, gpkg.wkb_points)])
def test_event_rows_a_column_at_a_time_equal_the_event_at_a_time_rows(geom):
    one, many = geom
    cols = list(ROW_COLUMNS)
    for evs in (_events(), _odd(_events()), _odd(_events())[:1]):
        want = _event_params_one_by_one(evs, cols, one)
        got = [list(r) for r in event_params(evs, cols, one, many)]
        assert len(got) == len(want)
        for g, w in zip(got, want):   # NaN is not equal to itself: compare the JSON text of each row
            assert json.dumps(g, default=bytes.hex) == json.dumps(w, default=bytes.hex)
    assert event_params([], cols, one, many) == []


_TEXT = st.lists(st.sampled_from(list("ab ΣσςΟΔأإآةىيءًٌَُِّـ٠١٢\u0300\u0301\u200d\u202e\u00a0\u2003\t\n\x1f,.\"İﻻ")
                                 + ["e\u0301", "\u0645\u0651\u064e"]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=6), st.booleans())
def test_search_keys_of_a_batch_equal_one_string_at_a_time(strings, numpy):
    from eventmap import text
    old = text.TRANSLATE_WITH_NUMPY
    text.TRANSLATE_WITH_NUMPY = 0 if numpy else old   # short texts through the numpy translation too
    try:
        assert normalize_ar_many(strings) == [normalize_ar(s) for s in strings]
        with_nul = strings + ["nul\x00inside"]
        assert normalize_ar_many(with_nul) == [normalize_ar(s) for s in with_nul]
        odd = strings + ["\ud800 lone surrogate", "\U0001f600 \ufeff\uff21 past the table"]
        assert normalize_ar_many(odd) == [normalize_ar(s) for s in odd]
    finally:
        text.TRANSLATE_WITH_NUMPY = old


def test_search_keys_of_a_long_batch_equal_one_string_at_a_time():
    evs = _odd(_events())
    strings = [" ".join((e.notes or "", e.location or "", e.place_name_ar or "", e.place_name_en or ""))
               for e in evs] * 40
    assert sum(map(len, strings)) > 20_000
    assert normalize_ar_many(strings) == [normalize_ar(s) for s in strings]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([", ", '", "', "", "\\", "\x00", "ق\"ص", "a"]) | _TEXT,
                          st.none() | st.integers(-3, 3) | st.floats(allow_nan=True) | st.booleans() | _TEXT),
                min_size=1, max_size=6))
def test_json_objects_write_what_json_dumps_writes(rows):
    strings, mixed = [r[0] for r in rows], [r[1] for r in rows]
    got = json_objects(["z", "a\"k"], [strings, mixed])
    assert got == [json.dumps({"z": s, "a\"k": m}, ensure_ascii=False) for s, m in rows]


def test_a_value_ending_in_a_quote_and_a_comma_keeps_its_boundary():
    """A value ending in ``", `` is written ``\\", "``: its escaped quote followed by ``, "`` once passed for the
    boundary between two values and hid the real one (found by the property test above)."""
    for column in (['", ', ', '], ['قال: "نعم", ', "x"], ["a\\", '", ', "b"]):
        got = json_objects(["z"], [column])
        assert got == [json.dumps({"z": v}, ensure_ascii=False) for v in column]
        assert [json.loads(g)["z"] for g in got] == column


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=10) | _TEXT)
def test_the_byte_test_for_nothing_to_escape_is_the_expressions(text):
    """``_plain`` (a deletion of bytes over the UTF-8, for speed) says what ``_ESCAPED.search`` says."""
    for t in (text, text + "\ud800", "".join(map(chr, range(0x80))), "\x7f\u2028\ud800x", "\\", '"'):
        assert _plain(t) == (_ESCAPED.search(t) is None)


_CELL = st.sampled_from(["32.5", "1", "", "nan", "NaN", "-inf", "inf", "1e999", "x", "1_0", "0x10", "-0", "91", "-181"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CELL | st.floats().map(repr), max_size=6))
def test_a_column_of_coordinates_is_each_cells_float(cells):
    """``_floats`` (one ``map`` when all parse and none is NaN) gives ``_float`` of each cell; ``_within`` (min and
    max) says what a test of each value said."""
    got = _floats(cells)
    assert got == [_float(v) for v in cells]
    for bound in (90, 180):
        assert _within(got, bound) == all(v is None or -bound <= v <= bound for v in got)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.none() | st.floats() | st.integers(-200, 200) | st.booleans(),
                          st.none() | st.floats() | st.integers(-200, 200)), max_size=5))
def test_a_batch_of_points_is_each_point(points):
    """``point_blobs`` / ``wkb_points`` (one ``map`` of a prebuilt struct when every point is located) give each
    point's blob or WKB as ``point_blob`` / ``wkb_point`` do, None for a point with None or NaN."""
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    for many, one in ((gpkg.point_blobs, gpkg.point_blob), (gpkg.wkb_points, gpkg.wkb_point)):
        assert many(lats, lons) == [one(a, b) for a, b in zip(lats, lons)]


def _tricky_csv(path, kind: str) -> None:
    """A small export with what real ones hold: a BOM, quotes, a line break in a cell, a blank line, CRLF,
    "NA", padded numbers, empty cells, a short row, both date styles."""
    if kind == "ucdp":
        head = "id,type_of_violence,date_start,latitude,longitude,best,side_a,side_b,where_coordinates,source_headline"
        rows = ['900001,1,2018-07-25 00:00:00.000,32.95, 35.90 , 4 ,Government of Syria,"Syrian insurgents",Sayda,'
                '"a ""quoted"" head"',
                '900002,3, 26 July 2018,32.87,35.87,NA,IS,Civilians,"x, y","line\nbreak"',
                "",
                "900003,,2018-07-27,,,,,,,",
                "900004,2,2018-07-28,32.1,36.1,2.0,HTS,  Southern Front  ,قرية صيدا,\t",
                "900005,1,2018-07-29,32.2,36.2"]
    else:
        head = "event_id_cnty,event_date,event_type,latitude,longitude,fatalities,actor1,location,notes,geo_precision"
        rows = ['SYR1,2018-07-25,Battles,32.95, 35.90 , 4 ,Military Forces,"Sayda","a ""quoted"" note",1',
                'SYR2, 26 July 2018,Explosions/Remote violence,32.87,35.87,NA,IS,"x, y","line\nbreak",2',
                "",
                "SYR3,2018-07-27,Riots,,,,,,,",
                "SYR4,2018-07-28,Protests,32.1,36.1,2.0,Protesters,  قرية صيدا  ,\t,3",
                "SYR5,25/07/2018,Battles,32.2,36.2"]
    path.write_text("\ufeff" + head + "\n" + "\r\n".join(rows) + "\n", encoding="utf-8")


@pytest.mark.parametrize("kind", ["ucdp", "acled"])
def test_reference_columns_read_what_the_row_parser_read(tmp_path, kind):
    path = tmp_path / f"{kind}.csv"
    _tricky_csv(path, kind)
    sample = Path(__file__).parent / "data" / f"{kind}_sample.csv"
    for source in (path, sample):
        df = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8-sig")   # how it was read before
        df.columns = [str(c).strip().lower() for c in df.columns]
        want = _parse_rows(kind, df)
        assert parse_reference(kind, source) == want
        got = reference_columns(kind, source)
        assert [dict(zip(REFERENCE_COLUMNS, r)) for r in zip(*(got[c] for c in REFERENCE_COLUMNS))] == want
        # the cells themselves: object columns hold what the string columns held
        cells = _frame(kind, source)
        assert [[None if isinstance(v, float) and math.isnan(v) else v for v in cells[c]] for c in cells.columns] \
            == [[None if isinstance(v, float) and math.isnan(v) else v for v in df.iloc[:, j]]
                for j in range(df.shape[1])]


def test_a_bad_row_is_named_as_before(tmp_path):
    path = tmp_path / "ged.csv"
    _tricky_csv(path, "ucdp")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("32.1,36.1", "92.1,36.1"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"row 5: coordinates out of range \(92.1, 36.1\)"):
        reference_columns("ucdp", path)
    path.write_text(text.replace("2018-07-28", "someday"), encoding="utf-8")
    with pytest.raises(ValueError, match="unreadable date 'someday'"):
        reference_columns("ucdp", path)
    path.write_text(text.replace("900004", ""), encoding="utf-8")
    with pytest.raises(ValueError, match="row 5: empty id"):
        reference_columns("ucdp", path)


def _ref_dump(store) -> list[tuple]:
    geom = "ST_AsBinary(geom)" if store.dialect == "postgis" else "geom"
    rows = store._db.fetchall(f"SELECT {', '.join(REF_COLS)}, {geom} FROM reference_events ORDER BY fid")
    return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows]


def _row_by_row_import(store, kind: str, path) -> None:
    """What ``import_reference`` did before bulk writes: one upsert per parsed row (the reference)."""
    db = store._db
    cols = REF_COLS + ["imported_at"]
    sets = ", ".join(f"{c} = excluded.{c}" for c in cols[2:]) + ", geom = excluded.geom"
    sql = (f"INSERT INTO reference_events ({', '.join(cols)}, geom) VALUES ({', '.join('?' for _ in cols)}, "
           f"{db.geom_placeholder}) ON CONFLICT (kind, ref_id) DO UPDATE SET {sets}")
    df = _frame(kind, path)
    df.columns = [str(c).strip().lower() for c in df.columns]
    with db.write():
        for r in _parse_rows(kind, df):
            db.execute(sql, [kind, *(r[c] for c in REFERENCE_COLUMNS), utc_now(),
                             db.geom_value(r["latitude"], r["longitude"])])


def test_import_stores_what_row_by_row_upserts_stored(tmp_path):
    for backend in ("sqlite",) + (("postgis",) if os.environ.get("EVENTMAP_TEST_PG") else ()):
        (tmp_path / backend / "a").mkdir(parents=True)
        (tmp_path / backend / "b").mkdir()
        path = tmp_path / "ged.csv"
        _tricky_csv(path, "ucdp")
        dup = tmp_path / "dup.csv"   # 900002 again further down, revised
        dup.write_text(path.read_text(encoding="utf-8") + "900002,3,2018-07-26,32.87,35.87,9,IS,Civilians,x,y\n",
                       encoding="utf-8")
        with backend_url(backend, tmp_path / backend / "a") as a, backend_url(backend, tmp_path / backend / "b") as b:
            with open_store(a) as bulk, open_store(b) as ref:
                for p in (path, dup):
                    bulk.import_reference("ucdp", p)
                    _row_by_row_import(ref, "ucdp", p)
                    assert _ref_dump(bulk) == _ref_dump(ref)


def test_a_failed_import_leaves_nothing_and_a_repeated_one_adds_nothing(url, tmp_path, monkeypatch):
    path = tmp_path / "ged.csv"
    _tricky_csv(path, "ucdp")
    with open_store(url) as s:
        v = s.data_version()

        def broken():
            raise OSError("disk went away")

        monkeypatch.setattr(s, "_bump", broken)   # after the rows are written, inside the transaction
        with pytest.raises(OSError):
            s.import_reference("ucdp", path)
        monkeypatch.undo()
        assert len(s.reference_layer("ucdp")) == 0 and s.data_version() == v
        assert s.import_reference("ucdp", path) == 5
        first = _ref_dump(s)
        assert s.import_reference("ucdp", path) == 5 and _ref_dump(s) == first
        assert len(s.reference_layer("ucdp")) == 5


@pytest.mark.postgis
def test_straight_copy_stores_what_the_on_conflict_way_stored(tmp_path, monkeypatch):
    from eventmap.store.postgis import PostGISBackend
    items = list(synthetic_batch(20, seed=13)) + [rafid_report_ar()]
    items = items + [items[4]]   # a duplicate report: that batch's reports go the ON CONFLICT way
    dumps = []
    for mode in ("straight", "temp", "race"):
        (tmp_path / mode).mkdir()
        with backend_url("postgis", tmp_path / mode) as u, open_store(u) as s:
            s.ingest_many(items[:3])
            if mode == "temp":
                monkeypatch.setattr(PostGISBackend, "_all_new", lambda *a, **k: None)
            if mode == "race":   # as if another writer stored the keys between the look-up and the COPY
                monkeypatch.setattr(PostGISBackend, "_all_new", lambda self, cur, t, cols, rows, keys, ask=True:
                                    {r[list(cols).index(keys[0])] for r in rows} if len(keys) == 1 else None)
            res = [r.status for r in s.ingest_many(items[1:10])] + [r.status for r in s.ingest_many(items[10:])]
            monkeypatch.undo()
            geom = "ST_AsBinary(geom)"
            evs = s._db.fetchall(f"SELECT {', '.join(chr(34) + c + chr(34) for c in ROW_COLUMNS)}, {geom} "
                                 "FROM events ORDER BY fid")
            reps = s._db.fetchall("SELECT report_id, n_events FROM reports ORDER BY fid")
            dumps.append((res, reps, [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in evs]))
    assert dumps[0] == dumps[1] == dumps[2]
    assert dumps[0][0][:2] == ["duplicate", "duplicate"]
