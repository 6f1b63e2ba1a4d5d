"""Bulk writes (issue 15): the batched paths store exactly what one row at a time stored, stay atomic.

``ingest_many`` writes a batch with one statement per table (``executemany`` on the embedded store,
``COPY`` into a temporary table then ``INSERT ... SELECT`` on PostGIS), ``reprocess`` replaces
reports a batch at a time, ``import_reference`` upserts in bulk. Each test compares with the
row-by-row way the store wrote before (written out here), or breaks a batch half-way.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import replace

import pandas as pd
import psycopg
import pytest

from eventmap.model import Event
from eventmap.pipeline import reprocess
from eventmap.store import Correction, open_store
from eventmap.store.base import EVENT_COLUMNS, q, row_from_event
from eventmap.store.bulk import event_dict, event_from_row, event_params
from eventmap.store.records import utc_now
from eventmap.store.reference import _str, parse_reference
from eventmap.store.testing import (
    backend_url,
    make_event,
    make_report,
    rafid_report_ar,
    rafid_report_en,
    synthetic_batch,
    toy_extract_v2,
)

BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    with backend_url(request.param, tmp_path) as u:
        yield u


@pytest.fixture(params=BACKENDS)
def two_urls(request, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with backend_url(request.param, tmp_path / "a") as a, backend_url(request.param, tmp_path / "b") as b:
        yield a, b


def _odd_events() -> list:
    """A report whose events carry what a real extraction carries: alternatives with nested lists, a
    toll, an approximate place, an unresolved name without coordinates, a sentence with quotes."""
    text = ("درعا - عنب بلدي: قُتل ثلاثة مدنيين في قصف مدفعي على بلدة صيدا، وشن الطيران الحربي غارات على المهير "
            "\"شرقي درعا\" بحسب ناشطين.")
    rep = make_report(text, "2018-07-27", source="Enab Baladi", url="https://enabbaladi.net/archives/240001")
    a = make_event(text, "2018-07-27", "صيدا", "غارات على", "sayda", source="Enab Baladi")
    b = make_event(text, "2018-07-27", "المهير", "غارات على", None, source="Enab Baladi")
    alt = ({"id": "wof:1", "name_ar": "صيدا", "lat": 32.68, "lon": 36.3, "score": 0.41, "reasons": ["admin1"]},)
    a = replace(a, fatalities=3, alternatives=alt, uncertainty_km=2.5, geo_precision=2, resolution="approximate")
    b = replace(b, notes='غارات على "المهير" \t شرقي درعا', confidence=0.35)
    return [(rep, [a, b])]


def _items() -> list:
    """A realistic batch: Arabic and English wire reports, corroborating, one report twice, odd events."""
    items = list(synthetic_batch(30, seed=4)) + [rafid_report_ar(), rafid_report_en()] + _odd_events()
    return items[:10] + [items[3]] + items[10:]   # report 3 again in the same batch: a duplicate


def _row_by_row(store, items) -> list[str]:
    """What ``ingest_many`` did before bulk writes: a statement per report and per event (the reference)."""
    db = store._db
    cols = list(EVENT_COLUMNS) + ["extracted"]
    ev_sql = (f"INSERT INTO events ({', '.join(q(c) for c in cols)}, geom) VALUES ({', '.join('?' for _ in cols)}, "
              f"{db.geom_placeholder}) ON CONFLICT (event_id) DO NOTHING")
    statuses = []
    with db.write():
        for rep, evs in items:
            uniq = list({e.event_id: e for e in reversed(evs)}.values())[::-1]
            n = db.execute("INSERT INTO reports (report_id, text, title, source, url, language, published, "
                           "ingested_at, n_events, extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (report_id) DO NOTHING",
                           (rep.report_id, rep.text, rep.title, rep.source, rep.url, rep.language, rep.published,
                            utc_now(), len(uniq), next((e.extractor for e in uniq if e.extractor), "")))
            statuses.append("new" if n else "duplicate")
            for e in uniq if n else ():
                d = e.to_dict()
                row = row_from_event(d)
                row["extracted"] = ""   # the columns are the extraction (schema 6)
                db.execute(ev_sql, [row[c] for c in cols] + [db.geom_value(row["latitude"], row["longitude"])])
    return statuses


def _dump(store) -> tuple[list, list]:
    """Every stored column of reports (but the ingest time) and events, in fid order."""
    rcols = "report_id, text, title, source, url, language, published, n_events, extractor"
    geom = "ST_AsBinary(geom)" if store.dialect == "postgis" else "geom"
    ecols = ", ".join(q(c) for c in list(EVENT_COLUMNS) + ["extracted"]) + f", {geom}"
    reps = store._db.fetchall(f"SELECT {rcols} FROM reports ORDER BY fid")
    evs = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
           for r in store._db.fetchall(f"SELECT {ecols} FROM events ORDER BY fid")]
    return reps, evs


def test_event_dict_and_params_equal_the_to_dict_path():
    evs = [e for _, es in _items() for e in es]
    cols = list(EVENT_COLUMNS) + ["extracted"]
    from eventmap.store import geopackage as gpkg
    for e, params in zip(evs, event_params(evs, cols, gpkg.point_blob, gpkg.point_blobs)):
        d = e.to_dict()
        assert event_dict(e) == d
        row = row_from_event(d)
        row["extracted"] = ""
        assert list(params) == [row[c] for c in cols] + [gpkg.point_blob(row["latitude"], row["longitude"])]


def test_a_row_reads_back_as_the_event_it_was_made_from():
    """``extracted`` is written empty: the columns must give the extraction back, field for field, for the
    corrections to be re-applied to it (Arabic and English events, odd ones: alternatives, quotes, tabs)."""
    evs = [e for _, es in _items() for e in es]
    assert any(e.alternatives for e in evs) and any(e.latitude is None for e in evs)
    for e in evs:
        d = e.to_dict()
        row = row_from_event(d)
        back = event_from_row(row)
        assert back == d, e.event_id
        assert Event.from_dict(back) == e
        assert row_from_event(back) == row


def test_what_a_row_normalised_reads_back_as_the_same_row():
    """An event the store normalises (no place id but "", a fractional death toll, no confidence) reads back
    as what gives the same row: re-applying corrections to it gives what the event itself gave."""
    e = next(e for _, es in _items() for e in es if e.latitude is not None)
    odd = replace(e, place_id="", fatalities=2.5, confidence=None, time_precision=0, notes=None)
    row = row_from_event(odd.to_dict())
    assert row["place_id"] is None and row["fatalities"] is None and row["notes"] == ""
    assert row_from_event(event_from_row(row)) == row


def test_bulk_ingest_stores_what_row_by_row_stored(two_urls):
    a, b = two_urls
    items = _items()
    with open_store(a) as bulk, open_store(b) as ref:
        bulk.ingest(*items[5])           # stored before: a duplicate in both
        _row_by_row(ref, [items[5]])
        res = bulk.ingest_many(items)
        statuses = _row_by_row(ref, items)
        assert [r.status for r in res] == statuses
        assert statuses.count("duplicate") == 2 and statuses[10] == "duplicate"
        assert [r.events for r in res] == [len(evs) if s == "new" else 0 for (_, evs), s in zip(items, statuses)]
        assert res[-1].unresolved == ("المهير",)
        assert _dump(bulk) == _dump(ref)
        assert bulk.query().equals(ref.query())   # corroboration counts and sources alike
        assert bulk.query()["number_of_sources"].max() >= 2


def test_one_report_ingested_alone_equals_the_bulk_path(two_urls):
    a, b = two_urls
    items = _items()
    with open_store(a) as one, open_store(b) as many:
        statuses = [one.ingest(rep, evs).status for rep, evs in items]
        assert [r.status for r in many.ingest_many(items)] == statuses
        assert _dump(one) == _dump(many)


def test_a_batch_failing_half_way_leaves_nothing_and_the_store_goes_on(url):
    items = list(synthetic_batch(12, seed=8))
    rep, evs = items[7]
    broken = items[:7] + [(rep, [replace(evs[0], event_date=None)] + evs[1:])] + items[8:]  # NOT NULL
    with open_store(url) as s:
        s.ingest(*items[0])
        v = s.data_version()
        with pytest.raises((sqlite3.IntegrityError, psycopg.errors.NotNullViolation)):
            s.ingest_many(broken)
        assert len(s.reports()) == 1 and s.count_stored() == len(items[0][1]) and s.data_version() == v
        res = s.ingest_many(items)                # the same connection writes the next batch whole
        assert [r.status for r in res] == ["duplicate"] + ["new"] * 11
        assert s.count_stored() == sum(len(e) for _, e in items)


@pytest.mark.postgis
def test_copy_failing_mid_stream_rolls_back_the_batch(tmp_path):
    items = list(synthetic_batch(6, seed=9))
    rep, evs = items[4]
    nul = items[:4] + [(rep, [replace(evs[0], notes="قصف\x00مدفعي")] + evs[1:])] + items[5:]
    with backend_url("postgis", tmp_path) as u, open_store(u) as s:
        with pytest.raises(psycopg.DataError):
            s.ingest_many(nul)                    # PostgreSQL refuses the NUL inside the COPY stream
        assert len(s.reports()) == 0 and s.count_stored() == 0
        assert all(r.status == "new" for r in s.ingest_many(items))
        assert s.count_stored() == sum(len(e) for _, e in items)


def test_reprocess_in_batches_equals_one_report_at_a_time(two_urls):
    a, b = two_urls
    items = list(synthetic_batch(9, seed=5)) + [rafid_report_ar()]
    results = []
    for u, size in ((a, 1), (b, 4)):
        with open_store(u) as s:
            s.REPROCESS_BATCH = size
            s.ingest_many(items)
            rid = items[-1][0].report_id
            first, second = s.report_events(rid)
            s.add_correction(Correction("set_type", first, author="lina", reason="clash, not a handover",
                                        event_type="Battles", sub_event_type="Armed clash"))
            s.add_correction(Correction("merge", second, author="omar", into_event_id=first))
            unresolved = [e.event_id for _, evs in items for e in evs if e.resolution == "unresolved"]
            s.add_correction(Correction("false_positive", unresolved[0], author="omar", reason="not a strike"))
            res = reprocess(s, toy_extract_v2)
            results.append((res.reports, res.events_before, res.events_after,
                            sorted(c.correction_id for c in res.kept), sorted(c.correction_id for c in res.stale),
                            _dump(s)[1], s.query().drop(columns=["event_ids"]).to_dict("records")))
    assert results[0] == results[1]
    reports, before, after, kept, stale, _, _ = results[0]
    assert reports == 10 and after < before and len(kept) == 2 and len(stale) == 1


def test_reprocess_stopped_in_a_later_batch_keeps_every_report_whole(url):
    items = list(synthetic_batch(10, seed=6))
    with open_store(url) as s:
        s.REPROCESS_BATCH = 3
        s.ingest_many(items)
        old = {rep.report_id: s.report_events(rep.report_id) for rep, _ in items}
        calls = {"n": 0}
        orig = s._insert_events

        def fail_in_second_batch(evs):
            calls["n"] += 1
            if calls["n"] == 2:
                orig(evs[:2])              # half of the batch written inside its transaction
                raise OSError("disk went away")
            orig(evs)

        s._insert_events = fail_in_second_batch
        with pytest.raises(OSError):
            reprocess(s, toy_extract_v2)
        del s._insert_events
        reps = s._db.fetchall("SELECT report_id, n_events, extractor FROM reports ORDER BY fid")
        for rid, n, _ in reps:
            assert len(s.report_events(rid)) == n
        # the first batch is reprocessed, the second and later untouched
        assert [r[2] for r in reps] == ["toy-2"] * 3 + ["toy-1"] * 7
        assert [s.report_events(r) for r in list(old)[3:]] == list(old.values())[3:]
        res = reprocess(s, toy_extract_v2)       # run again: everything done
        assert res.reports == 10 and set(s.reports()["extractor"]) == {"toy-2"}


def test_import_upserts_in_bulk_and_a_repeated_id_keeps_its_last_row(url, tmp_path):
    rows = [{"id": str(700000 + i), "type_of_violence": str(1 + i % 3), "date_start": f"2019-03-{1 + i:02d}",
             "latitude": "32.87622", "longitude": "35.87609", "where_coordinates": "Sayda village",
             "best": str(i), "side_a": "Government of Syria", "side_b": "Syrian insurgents"} for i in range(6)]
    rows.append(dict(rows[2], best="9", side_b="Civilians"))  # the same event, revised further down
    path = tmp_path / "ged.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    with open_store(url) as s:
        assert s.import_reference("ucdp", path) == 7
        ref = s.reference_layer("ucdp")
        assert len(ref) == 6
        row = ref.set_index("ref_id").loc["700002"]
        assert row["fatalities"] == 9 and row["actor2"] == "Civilians"
        assert s.import_reference("ucdp", path) == 7 and len(s.reference_layer("ucdp")) == 6   # idempotent
        raw = s._db.fetchall("SELECT raw FROM reference_events WHERE ref_id = '700002'")[0][0]
        assert json.loads(raw)["best"] == "9"


def test_an_import_a_few_rows_at_a_time_stores_what_one_chunk_stores(url, tmp_path, monkeypatch):
    """``import_reference`` reads, maps and stores ``reference.CHUNK_ROWS`` rows at a time in one transaction:
    with chunks of 3 rows the layer is the one a single chunk stores (an id revised in a later chunk keeps its
    last row at its first row's place), and a bad row in a later chunk leaves nothing, named by its row."""
    from eventmap.store import reference
    rows = [{"id": str(710000 + i), "type_of_violence": str(1 + i % 3), "date_start": f"2019-04-{1 + i:02d}",
             "latitude": f"{32.6 + i / 100:.4f}", "longitude": "36.1035", "where_coordinates": f"hamlet {i}",
             "best": str(i), "side_a": "Government of Syria", "side_b": "Civilians"} for i in range(8)]
    rows.append(dict(rows[1], best="11", side_b="Syrian insurgents"))   # revised in the last chunk
    path = tmp_path / "ged.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    cols = "ref_id, event_date, event_type, fatalities, actor2, location, latitude, longitude, raw"
    layers = []
    for chunk in (10_000, 3):
        monkeypatch.setattr(reference, "CHUNK_ROWS", chunk)
        with open_store(url) as s:
            s._db.execute("DELETE FROM reference_events")
            assert s.import_reference("ucdp", path) == 9
            layers.append(s._db.fetchall(f"SELECT {cols} FROM reference_events ORDER BY fid"))
    assert layers[0] == layers[1] and len(layers[1]) == 8
    assert layers[1][1][:5] == ("710001", "2019-04-02", "Non-state conflict", 11, "Syrian insurgents")
    assert len(list(reference.reference_chunks("ucdp", path, 3))) == 3
    bad = pd.DataFrame(rows)
    bad.loc[7, "latitude"] = "132.6"
    with open_store(url) as s:
        s._db.execute("DELETE FROM reference_events")
        with pytest.raises(ValueError, match=r"row 9: coordinates out of range"):
            s.import_reference("ucdp", bad)
        assert s._db.fetchall("SELECT COUNT(*) FROM reference_events")[0][0] == 0


def test_parse_reference_reads_cells_as_the_record_by_record_parser_did():
    df = pd.DataFrame({"id": [" 800001 ", 800002.0, "800003"], "type_of_violence": ["1", 3, float("nan")],
                       "date_start": ["2018-07-25 00:00:00.000", " 2018-07-26", "25 July 2018"],
                       "latitude": [32.9557, " 32.87622 ", float("nan")], "longitude": [35.9002, "35.87609", None],
                       "best": ["4", 2.0, ""], "side_a": ["  Government of Syria", None, "IS"],
                       "source_headline": ["Shelling on \"Sayda\"\tvillage", "", "قصف على صيدا"]})
    got = parse_reference("ucdp", df)
    for r, (_, cells) in zip(got, df.iterrows()):  # the raw column: every cell as _str gave it
        assert json.loads(r["raw"]) == {k: _str(v) for k, v in cells.items()}
        assert r["raw"] == json.dumps({k: _str(v) for k, v in cells.items()}, ensure_ascii=False)
    assert [r["ref_id"] for r in got] == ["800001", "800002.0", "800003"]
    assert [r["event_date"] for r in got] == ["2018-07-25", "2018-07-26", "2018-07-25"]
    assert got[0]["latitude"] == 32.9557 and got[1]["latitude"] == 32.87622 and got[2]["latitude"] is None
    assert [r["fatalities"] for r in got] == [4, 2, None]
    assert [r["event_type"] for r in got] == ["State-based conflict", "One-sided violence", ""]
    assert got[0]["actor1"] == "Government of Syria" and got[1]["actor1"] == ""
    assert not any(isinstance(v, float) and math.isnan(v) for r in got for v in r.values())


def test_events_keep_their_order_and_geometry_through_copy(url):
    rep, evs = rafid_report_en()
    unlocated = replace(evs[1], event_id=evs[1].event_id + "-u", latitude=None, longitude=None, place_id=None,
                        resolution="unresolved")
    with open_store(url) as s:
        s.ingest_many([(rep, [evs[1], unlocated, evs[0]])])
        assert s.report_events(rep.report_id) == [evs[1].event_id, unlocated.event_id, evs[0].event_id]
        got = s.get_event(unlocated.event_id)
        assert got.latitude is None and got.evidence == unlocated.evidence
        assert s.query(None)["latitude"].notna().sum() == 2

