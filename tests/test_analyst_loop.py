"""The analyst's loop in the store, on both backends: the queue of names to fix, pinning a name (all its
stored events re-resolved at once, in its area), moving and undoing a pin, other spellings, dismissing a
non-place, corrections undone and kept through reprocess, analyst places shared through the store.

The reports are written here in the style of SANA / Enab Baladi wire copy; the villages are real gazetteer
entries (Ar Rafid, Ghadir al Bustan) and names no dataset holds (المهير, رسم الحسن, أبو الخشان).
The coordinates given to pins are test values for the mechanism, not claims about where the villages are.
"""

from __future__ import annotations

import json

import pytest

from eventmap.events.reader import make_report
from eventmap.pipeline import reprocess
from eventmap.store import Correction, EventFilter, analyst, open_store
from eventmap.store.testing import backend_url

BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]

# (no "after clashes": the extractor codes clashes beside a capture, and these tests count one event a village)
QUNEITRA_AR = ("القنيطرة - سانا: أعلنت وحدات من الجيش العربي السوري اليوم سيطرتها على قرى الرفيد وغدير البستان "
               "والمهير ورسم الحسن وأبو الخشان في ريف القنيطرة الجنوبي.")
QUNEITRA_EN = ("Government troops regained control of Ar Rafid, Ghadir al-Bustan, al-Muhayr and Rasm al-Hassan in "
               "the southern Quneitra countryside on Thursday, state media said.")
HOMS_AR = "حمص - سانا: وقصفت المدفعية قرية المهير في ريف حمص الشمالي صباح اليوم."
# "المقبلة" (the coming one) after "منطقة" reads as a place the gazetteer does not know: the analyst dismisses it
NON_PLACE_AR = "وقال مصدر ميداني إن الجيش سيطر على تل الحارة، واشتبك مع المسلحين في منطقة المقبلة."
PIN = (32.931, 35.902)   # a point in Al-Khashniyyeh sub-district, between Ar Rafid and Ghadir al Bustan


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    with backend_url(request.param, tmp_path) as u:
        yield u


@pytest.fixture
def store(url):
    s = open_store(url)
    yield s
    s.close()


def ingest(store, text, published="2018-07-26", source="SANA"):
    rep = make_report(text, published, source=source)
    fn = store.extractor()
    return store.ingest(rep, fn(rep.text, rep.published, source=source))


def by_location(store, name, hidden=False):
    df = store.query(EventFilter(include_hidden=hidden))
    return df[df["location"] == name]


def queue_row(store, name):
    q = store.names_to_fix()
    hit = q[q["name"] == name]
    return hit.iloc[0] if len(hit) else None


def test_queue_lists_approximate_names_with_estimate_and_sentences(store):
    ingest(store, QUNEITRA_AR)
    ingest(store, QUNEITRA_EN, source="Enab Baladi")
    q = store.names_to_fix()
    names = list(q["name"])
    assert {"المهير", "رسم الحسن", "أبو الخشان", "al-Muhayr", "Rasm al-Hassan"} <= set(names)
    row = queue_row(store, "المهير")
    assert row["status"] == "approximate" and row["count"] == 1 and row["area"] == "Quneitra"
    assert row["estimate"].startswith("approximate: not located; estimated from the centre of الرفيد")
    assert row["estimate_from"] == ["الرفيد", "غدير البستان"]
    assert abs(row["latitude"] - 32.937) < 0.01 and row["uncertainty_km"] > 0
    assert QUNEITRA_AR.split(": ", 1)[1][:30] in row["examples"][0]
    # most events first
    counts = list(q["count"])
    assert counts == sorted(counts, reverse=True)


def test_pin_re_resolves_every_stored_event_of_the_name_at_once_and_undo_restores(store):
    ingest(store, QUNEITRA_AR)
    ingest(store, "وشن الطيران الحربي غارات على بلدة المهير وقرية رسم الحسن جنوب القنيطرة.", "2018-07-27")
    before = by_location(store, "المهير")
    assert len(before) == 2 and set(before["resolution"]) == {"approximate"}
    res = store.pin("المهير", *PIN, author="lina", reason="local source: between Rafid and Ghadir")
    assert res.events == 2 and not res.moved
    assert res.admin["admin3"] == "Al-Khashniyyeh" and res.admin["admin1"] == "Quneitra"
    assert "Al-Khashniyyeh sub-district" in res.where
    after = by_location(store, "المهير")
    assert set(after["resolution"]) == {"resolved"}
    assert set(zip(after["latitude"], after["longitude"])) == {PIN}
    assert set(after["admin3"]) == {"Al-Khashniyyeh"}
    cs = store.corrections(batch=res.batch)
    assert len(cs) == 2 and {c.author for c in cs} == {"lina"} and all(c.created_at for c in cs)
    assert {c.reason for c in cs} == {"local source: between Rafid and Ghadir"}
    assert queue_row(store, "المهير") is None
    # the place is in the store, for everyone using it
    places = store.analyst_places()
    assert list(places["name"]) == ["المهير"] and places.iloc[0]["admin3"] == "Al-Khashniyyeh"
    # one undo takes it all back
    assert store.undo(res.batch, author="lina") == 2
    back = by_location(store, "المهير")
    assert set(back["resolution"]) == {"approximate"}
    assert queue_row(store, "المهير")["count"] == 2
    assert store.analyst_places().empty
    assert {c.status for c in store.corrections(batch=res.batch)} == {"undone"}
    assert {c.undone_by for c in store.corrections(batch=res.batch)} == {"lina"}
    with pytest.raises(ValueError, match="nothing to undo"):
        store.undo(res.batch, author="lina")


def test_pin_keeps_to_its_area(store, monkeypatch):
    monkeypatch.setenv("EVENTMAP_AREA", "all")   # the Homs report is outside the default area of interest
    ingest(store, QUNEITRA_AR)
    ingest(store, HOMS_AR, "2018-07-27")
    res = store.pin("المهير", *PIN, author="lina")
    assert res.events == 1  # the Homs namesake (its estimate is 200 km away) still waits
    homs = by_location(store, "المهير")
    assert sorted(homs["resolution"]) == ["approximate", "resolved"]
    assert queue_row(store, "المهير")["area"] == "Homs"
    res2 = store.pin("المهير", *PIN, author="lina", everywhere=True)
    assert res2.moved and res2.place_id == res.place_id and res2.events == 2


def test_moving_a_pin_replaces_its_corrections_and_undo_moves_it_back(store):
    ingest(store, QUNEITRA_AR)
    first = store.pin("رسم الحسن", 32.925, 35.91, author="lina")
    moved = store.pin("رسم الحسن", 32.921, 35.917, author="omar", reason="closer to Ghadir")
    assert moved.moved and moved.place_id == first.place_id and moved.events == 1
    ev = by_location(store, "رسم الحسن").iloc[0]
    assert (ev["latitude"], ev["longitude"]) == (32.921, 35.917)
    assert [c.status for c in store.corrections(batch=first.batch)] == ["replaced"]
    store.undo(moved.batch, author="omar")
    ev = by_location(store, "رسم الحسن").iloc[0]
    assert (ev["latitude"], ev["longitude"], ev["resolution"]) == (32.925, 35.91, "resolved")
    assert store.analyst_places().iloc[0]["latitude"] == 32.925
    # unpin sends the events back to the queue; undoing the unpin brings the pin back
    batch, n = store.unpin("رسم الحسن", author="lina", reason="wrong village")
    assert n == 1 and by_location(store, "رسم الحسن").iloc[0]["resolution"] == "approximate"
    assert store.analyst_places().empty
    store.undo(batch, author="lina")
    assert by_location(store, "رسم الحسن").iloc[0]["resolution"] == "resolved"


def test_a_pin_with_other_spellings_resolves_both_languages(store):
    ingest(store, QUNEITRA_AR)
    ingest(store, QUNEITRA_EN, source="Enab Baladi")
    res = store.pin("المهير", *PIN, author="lina", name_en="al-Muhayr", variants=["Al Muhayyir"])
    assert res.events == 2
    both = store.query(EventFilter())
    placed = both[both["location"].isin(["المهير", "al-Muhayr"])]
    assert len(placed) == 1 and placed.iloc[0]["number_of_sources"] == 2  # one place now: corroborated
    assert (placed.iloc[0]["latitude"], placed.iloc[0]["longitude"]) == PIN
    # a later report with a third spelling is resolved by the extractor, which sees the store's places
    later = "Clashes were reported near Al Muhayyir in southern Quneitra on Friday, a local activist said."
    r = ingest(store, later, "2018-07-27", source="Horan Free League")
    [ev] = [e for e in map(store.get_event, store.report_events(r.report_id)) if e.location == "Al Muhayyir"]
    assert ev.place_id == res.place_id and ev.resolution == "resolved"


def test_dismissed_names_leave_the_queue_for_the_whole_store(store, url):
    ingest(store, NON_PLACE_AR)
    assert queue_row(store, "المقبلة") is not None
    batch = store.dismiss_name("المقبلة", author="omar", reason="an adjective, not a place")
    assert queue_row(store, "المقبلة") is None
    assert "المقبلة" not in set(store.unresolved_names()["name"])
    with open_store(url) as other:  # another analyst's session
        assert queue_row(other, "المقبلة") is None
        assert [d["name"] for d in analyst.dismissed(other)] == ["المقبلة"]
    store.undo(batch, author="omar")
    assert queue_row(store, "المقبلة") is not None
    assert analyst.dismissed(store) == []


def test_event_corrections_undo_and_survive_reprocess(store):
    ingest(store, QUNEITRA_AR)
    rafid = by_location(store, "الرفيد").iloc[0]["event_id"]
    [t] = store.add_corrections([Correction("set_type", rafid, author="lina", reason="a takeover, not a battle",
                                            event_type="Strategic developments",
                                            sub_event_type="Non-violent transfer of territory")])
    fp = store.add_correction(Correction("false_positive", rafid, author="lina", reason="duplicate wire copy"))
    assert store.event_status(rafid) == "false_positive"
    store.undo(fp.batch, author="lina")
    assert store.event_status(rafid) == "ok"
    assert store.get_event(rafid).event_type == "Strategic developments"
    res = reprocess(store)
    assert res.stale == () and [c.correction_id for c in res.kept] == [t.correction_id]
    assert store.event_status(rafid) == "ok"  # the undone correction stays undone
    assert store.get_event(rafid).event_type == "Strategic developments"
    statuses = {c.correction_id: c.status for c in store.corrections()}
    assert statuses == {t.correction_id: "active", fp.correction_id: "undone"}


def test_pins_survive_reprocess_and_reach_the_extractor(store):
    ingest(store, QUNEITRA_AR)
    res = store.pin("أبو الخشان", 32.95, 35.93, author="lina")
    reprocess(store)
    ev = by_location(store, "أبو الخشان").iloc[0]
    # reprocess looked the name up with the analyst place: the extractor itself resolves it now
    assert ev["resolution"] == "resolved" and ev["place_id"] == res.place_id
    assert (ev["latitude"], ev["longitude"]) == (32.95, 35.93)


def test_unresolved_events_keep_their_area_in_filters_and_the_queue(store):
    from dataclasses import replace

    from eventmap.store.testing import make_event
    from eventmap.store.testing import make_report as mk

    text = "درعا - سانا: وشن الطيران الحربي غارات على المسيفرة الغربية في ريف درعا الشرقي."
    rep = mk(text, "2018-07-20")
    ev = replace(make_event(text, "2018-07-20", "المسيفرة الغربية", "غارات على", None), admin1="Dar'a",
                 admin2="Dar'a", admin1_pcode="SY12")
    store.ingest(rep, [ev])
    got = store.query(EventFilter(admin1=["Dar'a"]))
    assert list(got["event_id"]) == [ev.event_id] and got["latitude"].isna().all()
    assert store.count(EventFilter(admin1=["Quneitra"])) == 0
    assert "Dar'a" in store.facets()["admin1"]
    row = queue_row(store, "المسيفرة الغربية")
    assert row["area"] == "Dar'a" and row["admin2"] == "Dar'a" and "the report says Dar'a" in row["estimate"]


#: an unknown farm (a name no dataset holds) with its district said in the text, as a local outlet writes it
DISTRICT_AR = "اندلعت اشتباكات عنيفة فجر اليوم في مزرعة الغديرات العليا بمنطقة الصنمين في ريف درعا الشمالي، بحسب ناشطين."


@pytest.mark.parametrize("url", ["sqlite"], indirect=True)
def test_the_extractor_keeps_the_district_the_text_gives_an_unknown_village(store):
    ingest(store, DISTRICT_AR, published="2019-03-04", source="Nabaa")
    ev = by_location(store, "الغديرات العليا")
    assert len(ev) == 1 and ev.iloc[0]["resolution"] != "resolved"
    assert (ev.iloc[0]["admin1"], ev.iloc[0]["admin2"]) == ("Dar'a", "As-Sanamayn")
    # governorate and district filters keep it, another district's filter does not
    assert list(store.query(EventFilter(admin2=["As-Sanamayn"]))["location"]) == ["الغديرات العليا"]
    assert store.count(EventFilter(admin2=["Izra'"])) == 0
    assert queue_row(store, "الغديرات العليا")["area"] == "Dar'a · As-Sanamayn"


def test_places_export_import_and_the_old_user_file(store, tmp_path, monkeypatch):
    ingest(store, QUNEITRA_AR)
    store.pin("المهير", *PIN, author="lina", name_en="al-Muhayr")
    out = tmp_path / "places.csv"
    assert analyst.export_places(store, out) == 1
    with open_store(str(tmp_path / "colleague.gpkg")) as other:
        ingest(other, QUNEITRA_AR)
        added, events, errors = analyst.import_places(other, out, author="omar")
        assert (added, events, errors) == (1, 1, [])
        assert by_location(other, "المهير").iloc[0]["place_id"] == store.analyst_places().iloc[0]["place_id"]
    # the per-user file of earlier versions is imported once into a store, then left alone
    old = tmp_path / "userdata" / "analyst_places.csv"
    old.parent.mkdir()
    old.write_text("id,name_ar,name_en,variants,lat,lon,author,note\n"
                   "user:abc123,رسم الحسن,,,32.925,35.91,sami,pinned before the store kept places\n",
                   encoding="utf-8")
    monkeypatch.setenv("EVENTMAP_ANALYST_PLACES", str(old))
    db = str(tmp_path / "third.gpkg")
    with open_store(db) as third:
        ingest(third, QUNEITRA_AR)
    with open_store(db) as third:  # the file came in on the first open, before the report
        assert list(third.analyst_places()["place_id"]) == ["user:abc123"]
        assert by_location(third, "رسم الحسن").iloc[0]["resolution"] == "resolved"
        assert len(analyst.actions(third)) == 1


@pytest.mark.postgis
def test_postgis_a_pin_through_one_connection_resolves_events_seen_through_another(tmp_path):
    with backend_url("postgis", tmp_path) as u, open_store(u) as a, open_store(u) as b:
        ingest(a, QUNEITRA_AR)
        assert queue_row(b, "المهير")["status"] == "approximate"
        res = a.pin("المهير", *PIN, author="lina", variants=["Al Muhayr"])
        seen = by_location(b, "المهير").iloc[0]
        assert (seen["latitude"], seen["longitude"], seen["resolution"]) == (*PIN, "resolved")
        assert list(b.analyst_places()["place_id"]) == [res.place_id]
        # b's next ingest looks names up with a's place
        r = ingest(b, "Clashes broke out in Al Muhayr on Friday, according to a local source.", "2018-07-28")
        evs = [e for e in map(b.get_event, b.report_events(r.report_id)) if e.location == "Al Muhayr"]
        assert [e.place_id for e in evs] == [res.place_id]
        b.undo(res.batch, author="omar")
        assert by_location(a, "المهير").iloc[0]["resolution"] == "approximate"


def test_a_version_2_store_upgrades_to_3_keeping_places_and_corrections(tmp_path):
    from eventmap.store import migrations
    from eventmap.store.sqlite import SQLiteBackend

    path = tmp_path / "v2.gpkg"
    db = SQLiteBackend(path)
    with db.write():
        for v in (1, 2):
            for stmt in migrations.statements(v, "sqlite"):
                db.execute(stmt)
            db.after_schema(v)
        db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '2')")
        db.execute("INSERT INTO analyst_places (place_id, name, name_ar, latitude, longitude, author, created_at) "
                   "VALUES ('user:old', 'المهير', 'المهير', 32.94, 35.905, 'lina', '2018-07-26T10:00:00Z')")
        db.execute("INSERT INTO corrections (kind, event_id, author, created_at, args) VALUES "
                   "('set_type', 'e1', 'lina', '2018-07-26T10:00:00Z', ?)",
                   (json.dumps({"event_type": "Battles", "sub_event_type": ""}),))
    db.close()
    with open_store(str(path)) as s:
        assert s.schema_version() == migrations.CURRENT_VERSION >= 3   # and on to later versions
        assert list(s.analyst_places()["place_id"]) == ["user:old"]
        [c] = s.corrections()
        assert c.status == "active" and c.batch == "" and c.undone_by == ""
        assert analyst.dismissed(s) == [] and analyst.actions(s) == []
