"""The event store, the same tests on both backends (embedded GeoPackage, PostGIS).

PostGIS runs when EVENTMAP_TEST_PG points at a server (`.ci/start-postgres.sh` prints the URL);
otherwise those cases skip, saying so.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import replace

import pytest

from eventmap.frame import FRAME_COLUMNS
from eventmap.model import Report
from eventmap.pipeline import reprocess
from eventmap.store import (
    Correction, EventFilter, StoreVersionError, content_hash, open_store,
)
from eventmap.store import migrations
from eventmap.store.testing import (
    PLACES, backend_url, make_event, make_report, rafid_report_ar, rafid_report_en, toy_extract, toy_extract_v2,
)

BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    with backend_url(request.param, tmp_path) as u:
        yield u


@pytest.fixture
def store(url):
    s = open_store(url)
    yield s
    s.close()


def _ids(df):
    return set(df["event_id"])


# ---------------------------------------------------------------------------- ingest
def test_ingest_is_idempotent(store):
    rep, evs = rafid_report_ar()
    first = store.ingest(rep, evs)
    assert first.status == "new" and first.events == 2
    again = store.ingest(rep, evs)
    assert again.status == "duplicate" and again.events == 0
    # the same text with other whitespace / a re-typed alef is the same report
    retyped = make_report(rep.text.replace(" ", "  ").replace("أعلنت", "اعلنت"), rep.published)
    assert store.ingest(retyped, []).status == "duplicate"
    assert len(store.reports()) == 1
    assert store.count_stored() == 2
    assert store.report_events(rep.report_id) == [e.event_id for e in evs]


def test_report_without_id_gets_the_content_hash(store):
    rep, evs = rafid_report_ar()
    bare = Report(text=rep.text, published=rep.published, source="SANA")
    res = store.ingest(bare, [replace(e, report_id="") for e in evs])
    assert res.report_id == content_hash(rep.text) == rep.report_id
    assert set(store.query()["report_id"]) == {rep.report_id}


def test_report_and_events_commit_together(store):
    rep, evs = rafid_report_ar()
    broken = replace(evs[1], event_date=None)  # NOT NULL violated by the second event
    with pytest.raises(Exception):  # noqa: B017 - each backend raises its own constraint error
        store.ingest(rep, [evs[0], broken])
    assert len(store.reports()) == 0 and store.count_stored() == 0
    assert store.ingest(rep, evs).status == "new"  # nothing half-written blocks the retry
    assert store.count_stored() == 2


def test_empty_or_binary_report_is_refused(store):
    with pytest.raises(ValueError):
        store.ingest(Report(text="  \n ", published="2018-07-26"), [])
    with pytest.raises(ValueError, match="NUL"):
        store.ingest(Report(text="PK\x03\x04\x00\x00 word/document.xml", published="2018-07-26"), [])
    assert len(store.reports()) == 0


def test_an_event_id_twice_in_one_extraction_is_stored_once(store):
    rep, evs = rafid_report_ar()
    res = store.ingest(rep, evs + [evs[0]])
    assert res.events == 2 and store.count_stored() == 2
    assert store.reports().iloc[0]["n_events"] == 2


def test_query_frame_shape_and_values(store):
    rep, evs = rafid_report_ar()
    unresolved = make_event(rep.text, rep.published, "صيدا الجولان", "غارات على", None, source="SANA")
    store.ingest(rep, evs + [unresolved])
    df = store.query()
    assert list(df.columns)[: len(FRAME_COLUMNS)] == list(FRAME_COLUMNS)
    assert len(df) == 3
    rafid = df[df["place_id"] == "wof:1293106469"].iloc[0]
    assert (rafid["latitude"], rafid["longitude"]) == (32.9557, 35.9002)
    assert rafid["admin3"] == "Al-Khashniyyeh" and rafid["event_type"] == "Strategic developments"
    assert rafid["trigger"] == "سيطرتها على" and rafid["number_of_sources"] == 1 and rafid["sources"] == "SANA"
    assert json.loads(rafid["evidence"])["mention_start"] == rep.text.index("الرفيد")
    un = df[df["resolution"] == "unresolved"].iloc[0]
    assert math.isnan(un["latitude"]) and math.isnan(un["longitude"])  # never a made-up point
    ev = store.get_event(evs[1].event_id)
    assert ev == evs[1]
    assert store.get_event("no-such-id") is None


# ---------------------------------------------------------------------------- corroboration
def test_corroborated_events_merge_with_source_counts(store):
    ar, ar_evs = rafid_report_ar()
    en, en_evs = rafid_report_en(event_date="2018-07-27")  # told a day later: still the same event
    store.ingest(ar, ar_evs)
    store.ingest(en, en_evs)
    df = store.query()
    assert len(df) == 2 and store.count() == 2 and store.count_stored() == 4
    assert set(df["number_of_sources"]) == {2}
    assert set(df["sources"]) == {"SANA; Reuters"}
    # each report's own extraction stays stored
    assert len(store.report_events(ar.report_id)) == 2 and len(store.report_events(en.report_id)) == 2
    # a date window that cuts the pair still counts the report on the other side of its edge
    for since, until, outlet in (("2018-07-27", "2018-07-27", "Reuters"), ("2018-07-20", "2018-07-26", "SANA"),
                                 (None, "2018-07-26", "SANA"), ("2018-07-27", None, "Reuters")):
        cut = store.query(EventFilter(since=since, until=until))
        assert set(cut["number_of_sources"]) == {2} and set(cut["source"]) == {outlet}, (since, until)
    # filtered by one outlet, the row still counts the other outlet's report
    reuters = store.query(EventFilter(sources=["Reuters"]))
    assert len(reuters) == 2 and set(reuters["number_of_sources"]) == {2}
    assert set(reuters["source"]) == {"Reuters"}


def test_events_further_apart_or_of_other_type_are_not_merged(store):
    ar, ar_evs = rafid_report_ar()
    en, en_evs = rafid_report_en(event_date="2018-07-29")  # three days later
    store.ingest(ar, ar_evs)
    store.ingest(en, en_evs)
    assert store.count() == 4 and set(store.query()["number_of_sources"]) == {1}


def _every_companion(store, rows, f=None):
    """The companions as the store read them before it pruned them by place, type and filter in SQL: every
    visible event of the rows' date window (a day more on each side) that is not a filtered row, and the events
    merged into any of them (``EventStore._companions``'s contract, read the slow way)."""
    from eventmap.store.base import _LIGHT, day_shift

    have = {r[2] for r in rows}
    dates = [r[0] for r in rows if r[3] and r[0]]
    out = []
    if dates:
        sql = (f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in _LIGHT)} FROM events "
               "WHERE status = 'ok' AND event_date >= ? AND event_date <= ? ORDER BY fid")
        for r in store._db.fetchall(sql, [day_shift(min(dates), -1), day_shift(max(dates), 1)]):
            d = dict(zip(_LIGHT, r))
            if d["event_id"] not in have:
                out.append(d)
    ids = sorted(have | {d["event_id"] for d in out})
    sql = (f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in _LIGHT)} FROM events WHERE status = 'merged' "
           f"AND merged_into IN ({', '.join('?' for _ in ids)}) ORDER BY fid")
    return out + [dict(zip(_LIGHT, r)) for r in store._db.fetchall(sql, ids)]


def test_filtered_rows_count_their_corroboration_outside_the_filter(store, monkeypatch):
    """Filtered by type, outlet, place, resolution or text, each row still counts the reports outside the filter
    that corroborate it, exactly as when every event around it was read: the store reads only the events of the
    rows' places and types outside the filter."""
    from eventmap.store.testing import synthetic_batch

    items = list(synthetic_batch(60, seed=11, days=12))   # 60 reports over 12 days at 7 places: many pairs
    for rep, evs in items:
        store.ingest(rep, evs)
    by_day = store.query(EventFilter(sources=["SANA"]))
    assert (by_day["number_of_sources"] > 1).sum() >= 5     # corroborated by the other outlets
    strikes = store.query(EventFilter(event_types=["Explosions/Remote violence"]))
    dup = strikes.iloc[1]["event_id"]
    store.add_correction(Correction("merge", dup, author="test", reason="same strike",
                                    into_event_id=strikes.iloc[0]["event_id"]))
    filters = [EventFilter(), EventFilter(event_types=["Battles"]), EventFilter(sub_event_types=["Armed clash"]),
               EventFilter(event_types=["Explosions/Remote violence"], sources=["Al-Watan"]),
               EventFilter(sources=["SANA"]), EventFilter(sources=["Enab Baladi"], since="2018-06-04"),
               EventFilter(admin1=["Quneitra"]), EventFilter(admin2=["Al Fiq"]), EventFilter(resolutions=["resolved"]),
               EventFilter(text="صيدا"), EventFilter(since="2018-06-03", until="2018-06-07"),
               EventFilter(actors=["Syrian government forces"])]
    got = [store.query(f) for f in filters]
    monkeypatch.setattr(type(store), "_companions", _every_companion)
    for f, frame in zip(filters, got):
        want = store.query(f)
        assert frame.equals(want), f
        assert len(want) and want["number_of_sources"].max() >= 2 or not len(want), f


def test_two_mentions_in_one_report_are_not_corroboration(store):
    text = ("درعا - سانا: شن الطيران الحربي غارات على البكار صباح اليوم. "
            "وعاد الطيران وشن غارات على البكار مساء.")
    rep = make_report(text, "2018-07-20")
    evs = [make_event(text, "2018-07-20", "البكار", "غارات على", "bakkar", occurrence=i) for i in (0, 1)]
    store.ingest(rep, evs)
    assert store.count() == 2
    assert set(store.query()["number_of_sources"]) == {1}


# ---------------------------------------------------------------------------- filters
@pytest.fixture
def filled(store):
    store.ingest(*rafid_report_ar("2018-07-26"))
    text = "درعا - سانا: ودارت اشتباكات في البكار بين الجيش ومسلحي الجبهة الجنوبية."
    store.ingest(make_report(text, "2018-07-10", source="SANA"),
                 [make_event(text, "2018-07-10", "البكار", "اشتباكات في", "bakkar")])
    text2 = "وشن الطيران الحربي غارات على نبع الصخر."
    store.ingest(make_report(text2, "2018-07-19", source="Enab Baladi"),
                 [make_event(text2, "2018-07-19", "نبع الصخر", "غارات على", "nab_sakhr", source="Enab Baladi")])
    text3 = "وشن الطيران الحربي غارات على المهير."
    store.ingest(make_report(text3, "2018-07-21", source="Enab Baladi"),
                 [make_event(text3, "2018-07-21", "المهير", "غارات على", None, source="Enab Baladi")])
    return store


def test_filter_date_window(filled):
    assert set(filled.query(EventFilter(since="2018-07-19", until="2018-07-21"))["location"]) == {"نبع الصخر", "المهير"}
    assert len(filled.query(EventFilter(since="2018-07-27"))) == 0
    assert len(filled.query(EventFilter(until="2018-07-10"))) == 1
    import datetime as dt
    assert filled.count(EventFilter(since=dt.date(2018, 7, 26))) == 2
    with pytest.raises(ValueError):
        EventFilter(since="26/07/2018")


def test_filter_types_admin_sources_resolution_actors(filled):
    assert filled.count(EventFilter(event_types=["Explosions/Remote violence"])) == 3
    assert filled.count(EventFilter(sub_event_types=["Armed clash"])) == 1
    assert set(filled.query(EventFilter(admin1=["Dar'a"]))["location"]) == {"البكار"}
    assert filled.count(EventFilter(admin3=["Al-Khashniyyeh", "Fiq"])) == 2
    assert filled.count(EventFilter(admin2=["Quneitra"])) == 2
    assert filled.count(EventFilter(sources=["Enab Baladi"])) == 2
    assert set(filled.query(EventFilter(resolutions=["unresolved"]))["location"]) == {"المهير"}
    assert filled.count(EventFilter(actors=["Southern Front"])) == 1
    assert filled.count(EventFilter(actors=["Military Forces of Syria (2000-2024)"])) == 2
    assert len(filled.query(EventFilter(limit=2))) == 2


def test_filter_bbox(filled):
    # a box around Sayda (35.876E, 32.876N) only: not Ar Rafid 9 km north, not the unresolved event
    df = filled.query(EventFilter(bbox=(35.85, 32.86, 35.89, 32.89)))
    assert list(df["place_id"]) == ["wof:1276450189"]
    # the whole south: everything located, nothing unlocated
    assert filled.count(EventFilter(bbox=(35.5, 32.3, 36.9, 33.5))) == 4
    with pytest.raises(ValueError):
        EventFilter(bbox=(35.5, 33.5, 36.9, 32.3))


def test_filter_text_arabic_and_english(filled):
    assert set(filled.query(EventFilter(text="صيدا"))["location"]) == {"صيدا"}
    # diacritics and hamza forms in the query do not matter
    assert set(filled.query(EventFilter(text="الرَّفيد"))["location"]) == {"الرفيد"}
    assert filled.count(EventFilter(text="أعلنت وحدات")) == 1
    # English place names and case
    assert set(filled.query(EventFilter(text="ar rafid"))["location"]) == {"الرفيد"}
    assert set(filled.query(EventFilter(text="NAB` AS"))["location"]) == {"نبع الصخر"}


def test_filter_text_is_not_a_pattern_or_sql(filled):
    n = filled.count_stored()
    assert filled.count(EventFilter(text="%")) == 0
    assert filled.count(EventFilter(text="_")) == 0
    assert filled.count(EventFilter(text="الر%د")) == 0
    assert filled.count(EventFilter(text="'; DROP TABLE events; --")) == 0
    assert filled.count(EventFilter(admin1=["x') OR 1=1 --"])) == 0
    assert filled.count_stored() == n


def test_facets_and_date_span(filled):
    f = filled.facets()
    assert f["admin1"] == ["Dar'a", "Quneitra"]
    assert "Armed clash" in f["sub_event_types"] and "Enab Baladi" in f["sources"]
    assert "unresolved" in f["resolutions"] and "Southern Front" in f["actors"]
    assert filled.date_span() == ("2018-07-10", "2018-07-26")
    # the facets cache follows every change, made by this process or another one
    v = filled.data_version()
    text = "وشن الطيران الحربي غارات على الرفيد."
    with open_store(filled.url) as other:
        other.ingest(make_report(text, "2018-08-01", source="Al-Watan"),
                     [make_event(text, "2018-08-01", "الرفيد", "غارات على", "rafid", source="Al-Watan")])
    assert filled.data_version() > v
    assert "Al-Watan" in filled.facets()["sources"] and filled.date_span()[1] == "2018-08-01"


def test_facets_skip_along_the_indexes_to_the_same_values(filled):
    """The filter widgets' values read from one value to the next along an index are those of a scan of every
    visible event: a value only hidden events have (dismissed as not an event) is not offered, "" never is."""
    text = "وشن الطيران الحربي غارات على الرفيد."
    odd = make_event(text, "2018-08-02", "الرفيد", "غارات على", "rafid", source="O'Brien & Sons <b>")
    filled.ingest(make_report(text, "2018-08-02", source="O'Brien & Sons <b>"), [odd])
    text2 = "ودارت اشتباكات في البكار."
    gone = make_event(text2, "2018-08-03", "البكار", "اشتباكات في", "bakkar", source="Hidden Outlet")
    filled.ingest(make_report(text2, "2018-08-03", source="Hidden Outlet"), [gone])
    filled.add_correction(Correction("false_positive", gone.event_id, author="test", reason="not an event"))
    f = filled.facets()
    for key, col in (("event_types", "event_type"), ("sub_event_types", "sub_event_type"), ("admin1", "admin1"),
                     ("admin2", "admin2"), ("admin3", "admin3"), ("sources", "source"), ("resolutions", "resolution")):
        scan = filled._db.fetchall(f"SELECT DISTINCT {col} FROM events WHERE status = 'ok' AND {col} <> ''")
        assert f[key] == sorted(r[0] for r in scan), key
    assert "O'Brien & Sons <b>" in f["sources"] and "Hidden Outlet" not in f["sources"]
    assert "" not in f["admin3"] and f["admin1"] == ["Dar'a", "Quneitra"]


def test_unresolved_names_with_examples(filled):
    text = "وشن الطيران الحربي غارات على المهير مجددا."
    filled.ingest(make_report(text, "2018-07-22", source="SANA"),
                  [make_event(text, "2018-07-22", "المهير", "غارات على", None)])
    df = filled.unresolved_names()
    row = df[df["name"] == "المهير"].iloc[0]
    assert row["count"] == 2
    assert any("مجددا" in ex for ex in row["examples"])


# ---------------------------------------------------------------------------- corrections
def test_corrections_apply_and_are_kept_with_author_and_reason(store):
    rep, evs = rafid_report_ar()
    store.ingest(rep, evs)
    rafid, sayda = evs
    c = store.add_correction(Correction("set_type", rafid.event_id, author="lina", reason="it was a battle",
                                        event_type="Battles", sub_event_type="Armed clash"))
    assert c.correction_id and c.created_at and c.location == "الرفيد"
    store.add_correction(Correction("set_date", rafid.event_id, author="lina", reason="SANA reports a day late",
                                    event_date="2018-07-25"))
    store.add_correction(Correction("set_actors", rafid.event_id, author="omar", actor2="Southern Front"))
    row = store.query(EventFilter(event_types=["Battles"])).iloc[0]
    assert (row["sub_event_type"], row["event_date"], row["actor2"]) == ("Armed clash", "2018-07-25", "Southern Front")
    assert row["actor1"] == "Military Forces of Syria (2000-2024)" and bool(row["corrected"])
    assert store.count(EventFilter(until="2018-07-25")) == 1
    listed = store.corrections()
    assert [x.kind for x in listed] == ["set_type", "set_date", "set_actors"]
    assert listed[0].author == "lina" and listed[0].reason == "it was a battle" and listed[0].status == "active"


def _stored(store, event_id: str) -> dict:
    from eventmap.store.base import EVENT_COLUMNS, q
    cols = [*EVENT_COLUMNS, "extracted"]
    rows = store._db.fetchall(f"SELECT {', '.join(q(c) for c in cols)} FROM events WHERE event_id = ?", (event_id,))
    return dict(zip(cols, rows[0]))


def test_a_row_is_its_own_extraction_until_a_correction_writes_it_down(store):
    rep, evs = rafid_report_ar()
    store.ingest(rep, evs)
    rafid, sayda = evs
    before = _stored(store, rafid.event_id)
    assert before["extracted"] == "" and _stored(store, sayda.event_id)["extracted"] == ""   # not stored twice
    store.add_corrections([Correction("set_type", rafid.event_id, author="lina", reason="a clash, not shelling",
                                      event_type="Battles", sub_event_type="Armed clash")], batch="b1")
    after = _stored(store, rafid.event_id)
    assert after["event_type"] == "Battles" and json.loads(after["extracted"]) == rafid.to_dict()
    assert _stored(store, sayda.event_id)["extracted"] == ""            # an event not corrected stays lean
    store.undo("b1", author="lina")
    undone = _stored(store, rafid.event_id)
    assert {k: v for k, v in undone.items() if k != "extracted"} == \
        {k: v for k, v in before.items() if k != "extracted"}            # back to the extraction, every column
    assert store.get_event(sayda.event_id) == sayda


def test_repin_coords_moves_the_point_and_the_bbox(store, url):
    rep, evs = rafid_report_ar()
    unresolved = make_event(rep.text, rep.published, "صيدا الجولان", "غارات على", None)
    store.ingest(rep, evs + [unresolved])
    assert store.count(EventFilter(bbox=(35.85, 32.86, 35.89, 32.89))) == 1
    # Sayda al-Jawlan is the WOF Sayda (Fiq): 32.87622, 35.87609
    store.add_correction(Correction("repin_coords", unresolved.event_id, author="lina", reason="Saydat al-Jawlan",
                                    lat=32.87622, lon=35.87609))
    e = store.get_event(unresolved.event_id)
    assert (e.latitude, e.longitude, e.resolution, e.geo_precision) == (32.87622, 35.87609, "resolved", 1)
    inside = store.query(EventFilter(bbox=(35.85, 32.86, 35.89, 32.89)))
    assert set(inside["location"]) == {"صيدا", "صيدا الجولان"}
    if url.endswith(".gpkg"):  # the GeoPackage geometry follows the correction
        from eventmap.store.geopackage import read_point_blob
        con = sqlite3.connect(url)
        blob = con.execute("SELECT geom FROM events WHERE event_id = ?", (unresolved.event_id,)).fetchone()[0]
        con.close()
        assert read_point_blob(blob) == (32.87622, 35.87609, 4326)


def test_false_positive_and_merge(store):
    ar, ar_evs = rafid_report_ar()
    store.ingest(ar, ar_evs)
    text = "دمشق - الوطن: قوات الجيش تتقدم. وشن الطيران الحربي غارات على صيدا الجولان."
    other = make_report(text, "2018-07-26", source="Al-Watan")
    dup = make_event(text, "2018-07-26", "صيدا الجولان", "غارات على", None, source="Al-Watan")
    store.ingest(other, [dup])
    assert store.count() == 3
    store.add_correction(Correction("merge", dup.event_id, author="omar", reason="same strike",
                                    into_event_id=ar_evs[1].event_id))
    df = store.query()
    assert store.count() == 2 and dup.event_id not in set(df["event_id"])
    sayda = df[df["event_id"] == ar_evs[1].event_id].iloc[0]
    assert sayda["number_of_sources"] == 2 and sayda["sources"] == "SANA; Al-Watan"
    store.add_correction(Correction("false_positive", ar_evs[0].event_id, author="omar",
                                    reason="announcement, not an event"))
    assert _ids(store.query()) == {ar_evs[1].event_id}
    assert store.event_status(ar_evs[0].event_id) == "false_positive"
    assert store.count(EventFilter(include_hidden=True)) == 3


def test_invalid_corrections_are_refused(store):
    rep, evs = rafid_report_ar()
    store.ingest(rep, evs)
    eid = evs[0].event_id
    bad = [
        Correction("set_colour", eid, author="x"),
        Correction("set_type", eid, author="", event_type="Battles"),
        Correction("set_type", eid, author="x"),
        Correction("repin_coords", eid, author="x", lat=132.9, lon=35.9),
        Correction("set_date", eid, author="x", event_date="26/07/2018"),
        Correction("set_type", "no-such-event", author="x", event_type="Battles"),
        Correction("merge", eid, author="x", into_event_id=eid),
        Correction("merge", eid, author="x", into_event_id="missing"),
        Correction("repin_place", eid, author="x", place_id="user:nowhere"),
    ]
    for c in bad:
        with pytest.raises(ValueError):
            store.add_correction(c)
    assert store.corrections() == [] and store.query()["corrected"].sum() == 0


def test_analyst_place_re_resolves_stored_events(store):
    rep, evs = rafid_report_ar()
    sj = make_event(rep.text, rep.published, "صيدا الجولان", "غارات على", None)
    store.ingest(rep, evs + [sj])
    assert "صيدا الجولان" in set(store.unresolved_names()["name"])
    pid, n = store.add_analyst_place("صيدا الجولان", 32.87622, 35.87609, name_en="Saydat al-Jawlan",
                                     admin1="Quneitra", author="lina", note="WOF 1276450189 Sayda (Fiq)")
    assert n == 1 and pid.startswith("user:")
    e = store.get_event(sj.event_id)
    assert (e.latitude, e.longitude, e.resolution, e.geo_precision, e.place_id) == \
        (32.87622, 35.87609, "resolved", 1, pid)
    assert "صيدا الجولان" not in set(store.unresolved_names()["name"])
    assert [c.kind for c in store.corrections()] == ["repin_place"]
    assert store.analyst_places()["name"].tolist() == ["صيدا الجولان"]
    # a later report naming it is pinned on ingest
    text = "وشن الطيران الحربي غارات على صيدا الجولان فجر اليوم."
    later = make_event(text, "2018-07-28", "صيدا الجولان", "غارات على", None)
    store.ingest(make_report(text, "2018-07-28"), [later])
    assert store.get_event(later.event_id).resolution == "resolved"
    # other events can be re-pinned to the analyst place by id
    store.add_correction(Correction("repin_place", evs[0].event_id, author="lina", place_id=pid))
    assert store.get_event(evs[0].event_id).latitude == 32.87622


# ---------------------------------------------------------------------------- reprocess
def test_reprocess_keeps_corrections_and_lists_stale_ones(store):
    text = ("القنيطرة - سانا: أعلنت وحدات من الجيش العربي السوري سيطرتها على بلدة الرفيد. "
            "وشن الطيران الحربي غارات على المهير.")
    rep = make_report(text, "2018-07-26")
    v1 = toy_extract(text, "2018-07-26", source="SANA")
    assert [e.location for e in v1] == ["الرفيد", "المهير"]
    store.ingest(rep, v1)
    kept = store.add_correction(Correction("set_type", v1[0].event_id, author="lina", reason="fighting first",
                                           event_type="Battles", sub_event_type="Armed clash"))
    gone = store.add_correction(Correction("false_positive", v1[1].event_id, author="omar",
                                           reason="المهير: no strike that day"))
    # same extractor again: everything stays, ids are stable
    res = reprocess(store, toy_extract)
    assert len(res.kept) == 2 and res.stale == () and res.events_before == res.events_after == 2
    # a newer extractor drops the unresolved mention: that correction no longer applies
    res = reprocess(store, toy_extract_v2)
    assert res.reports == 1 and (res.events_before, res.events_after) == (2, 1)
    assert [c.correction_id for c in res.kept] == [kept.correction_id]
    assert [c.correction_id for c in res.stale] == [gone.correction_id]
    row = store.query().iloc[0]
    assert row["event_type"] == "Battles" and row["extractor"] == "toy-2"
    statuses = {c.correction_id: c.status for c in store.corrections()}
    assert statuses == {kept.correction_id: "active", gone.correction_id: "stale"}  # listed, never dropped


def test_reprocess_follows_events_whose_id_changed(store):
    rep, evs = rafid_report_ar()
    store.ingest(rep, evs)
    store.add_correction(Correction("set_actors", evs[1].event_id, author="lina", actor1="Military Forces of Syria (2000-2024)"))

    def renaming(text, published, **kw):  # a newer extractor with another id scheme
        return [replace(e, event_id="v3-" + e.event_id, extractor="toy-3") for e in toy_extract(text, published, **kw)]

    res = reprocess(store, renaming)
    assert len(res.kept) == 1 and not res.stale
    assert res.kept[0].event_id == "v3-" + evs[1].event_id
    assert store.get_event("v3-" + evs[1].event_id).actor1 == "Military Forces of Syria (2000-2024)"


def test_reprocess_failure_keeps_old_events(store):
    rep, evs = rafid_report_ar()
    store.ingest(rep, evs)

    def broken(text, published, **kw):
        raise RuntimeError("model file missing")

    res = reprocess(store, broken)
    assert res.failed and "model file missing" in res.failed[0][1]
    assert store.count_stored() == 2


# ---------------------------------------------------------------------------- schema versions
def _make_v1_store(url: str, dialect: str) -> None:
    """A store exactly as version 1 wrote it, holding one report and one event."""
    rep, evs = rafid_report_ar()
    e = evs[0]
    if dialect == "sqlite":
        from eventmap.store.sqlite import SQLiteBackend
        db = SQLiteBackend(url)
    else:
        from eventmap.store.postgis import PostGISBackend
        db = PostGISBackend(url)
    with db.write():
        for stmt in migrations.render(migrations.V1_DDL, dialect):
            db.execute(stmt)
        db.after_schema(1)
        db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '1')")
        db.execute("INSERT INTO reports (report_id, text, source, published, ingested_at, n_events) "
                   "VALUES (?, ?, 'SANA', ?, '2018-07-26T10:00:00Z', 1)", (rep.report_id, rep.text, rep.published))
        db.execute(
            "INSERT INTO events (event_id, report_id, event_date, event_type, sub_event_type, location, place_id, "
            "latitude, longitude, admin1, source, notes, evidence, extracted) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SANA', ?, ?, ?)",
            (e.event_id, rep.report_id, e.event_date, e.event_type, e.sub_event_type, e.location, e.place_id,
             e.latitude, e.longitude, e.admin1, e.notes, json.dumps(e.evidence.to_dict()),
             json.dumps(e.to_dict(), ensure_ascii=False)))
    db.close()


def test_a_version_1_store_upgrades(url):
    dialect = "sqlite" if url.endswith(".gpkg") else "postgis"
    _make_v1_store(url, dialect)
    with open_store(url) as s:
        assert s.schema_version() == migrations.CURRENT_VERSION
        assert s.count_stored() == 1
        assert s.count(EventFilter(text="الرفيد")) == 1  # search keys backfilled
        en, en_evs = rafid_report_en()
        s.ingest(en, en_evs)
        rafid = s.query(EventFilter(text="rafid"))
        assert len(rafid) == 1 and rafid.iloc[0]["number_of_sources"] == 2  # corroboration keys backfilled
        s.import_reference("acled", _acled_frame())  # v2 tables exist
        # its extraction is the JSON version 1 wrote (its columns lack the actors): a correction starts from it
        e = rafid_report_ar()[1][0]
        s.add_correction(Correction("set_date", e.event_id, author="lina", event_date="2018-07-24"))
        got = s.get_event(e.event_id)
        assert (got.event_date, got.actor1, got.confidence) == ("2018-07-24", e.actor1, e.confidence)
    with open_store(url) as s:  # opening again is a no-op
        assert s.schema_version() == migrations.CURRENT_VERSION


def _acled_frame():
    import pandas as pd
    return pd.DataFrame([{"event_id_cnty": "SYR999001", "event_date": "2018-07-26", "event_type": "Battles",
                          "latitude": "32.9557", "longitude": "35.9002", "location": "Ar Rafid"}])


def test_a_newer_store_says_what_to_run(url):
    with open_store(url) as s:
        s._db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreVersionError, match="pip install -U eventmap"):
        open_store(url)


def test_a_foreign_database_is_not_touched(tmp_path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE events (id INTEGER, what TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreVersionError, match="not written by eventmap"):
        open_store(str(path))


# ---------------------------------------------------------------------------- the GeoPackage itself
def test_embedded_store_is_a_geopackage_gdal_reads(tmp_path):
    import warnings

    import pyogrio
    path = tmp_path / "events.gpkg"
    with open_store(f"sqlite:///{path}") as s:
        s.ingest(*rafid_report_ar())
        s.add_analyst_place("صيدا الجولان", 32.87622, 35.87609, author="lina")
    assert path.read_bytes()[68:72] == b"GPKG"  # application_id in the SQLite header
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # GDAL warns about a bad application_id / header
        layers = dict((name, kind) for name, kind in pyogrio.list_layers(path))
        gdf = pyogrio.read_dataframe(path, layer="events")
    assert layers["events"] == "Point" and layers["analyst_places"] == "Point"
    assert sorted(zip(gdf.geometry.y.round(5), gdf.geometry.x.round(5))) == [(32.87622, 35.87609), (32.9557, 35.9002)]
    assert gdf.crs.to_epsg() == 4326
    assert set(gdf["location"]) == {"الرفيد", "صيدا"}


def test_open_store_urls(tmp_path, monkeypatch):
    from eventmap.store import StoreError
    monkeypatch.setenv("EVENTMAP_DB", str(tmp_path / "default.gpkg"))
    with open_store() as s:
        assert s.dialect == "sqlite"
    assert (tmp_path / "default.gpkg").exists()
    with pytest.raises(StoreError):
        open_store("mysql://root@localhost/events")


def test_real_places_used_here_match_the_gazetteer_data():
    """The fixtures' coordinates are the WOF rows (guards against a made-up point creeping in)."""
    import csv
    from pathlib import Path
    src = Path("/work/shared/data/wof_sy/wof_sy_localities.csv")
    if not src.exists():
        pytest.skip("reference data not present on this machine")
    rows = {r["wof_id"]: r for r in csv.DictReader(src.open(encoding="utf-8"))}
    for pid, _ar, _en, lat, lon, _a1, _a2, a3, *_ in PLACES.values():
        r = rows[pid.split(":")[1]]
        assert (float(r["lat"]), float(r["lon"])) == (lat, lon)
        assert r["ocha_adm3_en"] == a3


def _gazetteer_or_skip():
    try:
        from eventmap.places.gazetteer import default_gazetteer
        return default_gazetteer()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"gazetteer not built here: {exc}")


def test_repin_to_a_gazetteer_place_and_admin_units_for_coordinates(store):
    gaz = _gazetteer_or_skip()
    assert gaz.get("wof:1276450189") is not None
    rep, evs = rafid_report_ar()
    sj = make_event(rep.text, rep.published, "صيدا الجولان", "غارات على", None)
    store.ingest(rep, evs + [sj])
    store.add_correction(Correction("repin_place", sj.event_id, author="lina", reason="Saydat al-Jawlan is Sayda (Fiq)",
                                    place_id="wof:1276450189"))
    e = store.get_event(sj.event_id)
    assert (e.place_id, e.latitude, e.longitude, e.admin2, e.admin3, e.admin3_pcode) == \
        ("wof:1276450189", 32.87622, 35.87609, "Al Fiq", "Fiq", "SY140200")
    # two events now at the same place, type and day, but from the same report: still two rows
    assert store.count(EventFilter(admin3=["Fiq"])) == 2
    # coordinates alone: the admin units come from the boundaries containing the point
    store.add_correction(Correction("repin_coords", evs[0].event_id, author="lina", reason="moved to Sayda",
                                    lat=32.87622, lon=35.87609))
    e = store.get_event(evs[0].event_id)
    assert (e.admin1, e.admin2, e.admin3, e.place_id) == ("Quneitra", "Al Fiq", "Fiq", None)
