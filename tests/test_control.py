"""The control model: who holds each place, day by day, from the stored events (issue 16).

The seed report (shipped sample, published 2018-07-25) lists 21 villages the army "liberated", a village
entered under a settlement and a hill taken from Nusra. The later reports below are our own sentences.
"""

from __future__ import annotations

import pytest

from eventmap.control import CONTESTED, build_control, claimed, control_from_store
from eventmap.events.extract import extract_events
from eventmap.pipeline import ensure_sample
from eventmap.store import Correction, open_store
from eventmap.store.testing import make_report

#: the 21 villages of the seed report's list, as written there
SEED_VILLAGES = ("المهير", "الرفيد", "رسم الحسن", "الحيران الشمالي", "الحيران الجنوبي", "رسم عزرائيل",
                 "رسم البنيان", "رسم زعرورة", "غدير البستان", "أبو قليعة", "أبو تينة", "المعلقة", "الجبيلة",
                 "المدورة", "أبو الخشان", "أم اللوقس", "المهيوبة", "المشيدة", "البصة", "البكار", "البكار الشرقي")

#: our own reports about الرفيد a week later (Thursday 2 August 2018)
REBELS_TAKE_RAFID = ("قالت مصادر محلية في ريف القنيطرة إن فصائل المعارضة سيطرت على بلدة الرفيد صباح الخميس "
                     "بعد اشتباكات عنيفة مع قوات النظام.")
ARMY_HOLDS_RAFID = ("QUNEITRA, Aug 2 (Reuters) - Syrian troops regained control of al-Rafid near the Golan "
                    "frontier on Thursday, a commander in the pro-government alliance said.")
ARMY_BACK_IN_RAFID = ("أعلنت وحدات من الجيش العربي السوري السبت استعادة السيطرة على بلدة الرفيد في ريف "
                      "القنيطرة الجنوبي.")


def _ingest(store, text: str, published: str, source: str, url: str) -> list[str]:
    """Ingest one report; the ids of its events that say who holds a place (a clash beside them is not one)."""
    from eventmap.control import CONTROL_SUB_TYPES
    rep = make_report(text, published, source=source, url=url)
    events = extract_events(rep.text, rep.published, source=source, url=url)
    store.ingest(rep, events)
    return [e.event_id for e in events if e.sub_event_type in CONTROL_SUB_TYPES]


@pytest.fixture()
def seeded(tmp_path):
    store = open_store(str(tmp_path / "control.gpkg"))
    assert ensure_sample(store)
    yield store
    store.close()


def _place(model, name: str):
    p = model.find(name)
    assert p is not None, f"{name} not in the control model: {[q.location for q in model.places.values()]}"
    return p


def test_seed_villages_are_government_held_from_the_report_and_unknown_before(seeded):
    model = control_from_store(seeded)
    for name in SEED_VILLAGES:
        p = _place(model, name)
        assert p.holder_on("2018-07-25") == "government", name
        assert p.holder_on("2018-12-31") == "government", name
        assert p.change_on("2018-07-24") is None and p.holder_on("2018-07-24") == "unknown", name
        first = p.changes[0]
        assert first.date == "2018-07-25" and first.previous == "unknown"
        basis = first.basis()
        assert basis["event_ids"] and basis["report_ids"] == [seeded.reports()["report_id"].iloc[0]]
    # a cache found in a town and sirens over the Golan say nothing about who holds them
    assert model.find("نبع الصخر") is None
    assert model.find("الجولان المحتل") is None


def test_ghadir_al_bustan_entered_under_a_settlement(seeded):
    p = _place(control_from_store(seeded), "غدير البستان")
    ch = p.change_on("2018-07-25")
    assert ch is not None and ch.holder == "government"
    assert "settlement" in ch.how
    settlement = [c for c in ch.claims if c.how == "settlement"]
    assert settlement and settlement[0].sub_event_type == "Non-violent transfer of territory"
    assert "تسوية" in settlement[0].sentence


def test_tal_al_jabiya_taken_from_nusra(seeded):
    p = _place(control_from_store(seeded), "تل الجابية")
    ch = p.changes[0]
    assert (ch.date, ch.holder, ch.taken_from, ch.previous) == ("2018-07-25", "government", ("nusra",), "unknown")
    assert p.holder_on("2018-07-24") == "unknown"   # taken from Nusra, but since when Nusra held it nobody says


def test_a_later_report_reversing_one_village_shows_the_change_on_its_date(seeded):
    _ingest(seeded, REBELS_TAKE_RAFID, "2018-08-03", "Enab Baladi", "https://example.org/rafid-1")
    model = control_from_store(seeded)
    rafid = _place(model, "الرفيد")
    assert rafid.holder_on("2018-08-01") == "government"
    assert rafid.holder_on("2018-08-02") == "opposition"
    ch = rafid.change_on("2018-08-02")
    assert ch is not None and ch.previous == "government" and ch.taken_from == ("government",)
    assert ch.basis()["urls"] == ["https://example.org/rafid-1"] and ch.basis()["sources"] == ["Enab Baladi"]
    # the other villages did not move
    assert _place(model, "البكار").holder_on("2018-08-02") == "government"
    assert [(p.location, c.date) for p, c in model.changes("2018-07-26", "2018-08-31")] == [("الرفيد", "2018-08-02")]
    # control as of a day before the new report does not see it
    assert control_from_store(seeded, until="2018-08-01").find("الرفيد").holder_on("2018-08-02") == "government"


def test_two_contradicting_reports_show_the_village_contested_until_settled(seeded):
    _ingest(seeded, REBELS_TAKE_RAFID, "2018-08-03", "Enab Baladi", "https://example.org/rafid-1")
    _ingest(seeded, ARMY_HOLDS_RAFID, "2018-08-03", "Reuters", "https://example.org/rafid-2")
    rafid = _place(control_from_store(seeded), "الرفيد")
    ch = rafid.change_on("2018-08-02")
    assert ch is not None and ch.holder == CONTESTED
    assert ch.contenders == ("government", "opposition")
    assert set(ch.basis()["sources"]) == {"Enab Baladi", "Reuters"}
    assert rafid.holder_on("2018-08-01") == "government"
    _ingest(seeded, ARMY_BACK_IN_RAFID, "2018-08-05", "SANA", "https://example.org/rafid-3")
    rafid = _place(control_from_store(seeded), "الرفيد")
    assert rafid.holder_on("2018-08-03") == CONTESTED
    assert rafid.holder_on("2018-08-04") == "government"
    assert rafid.change_on("2018-08-04").previous == CONTESTED


def test_analysts_corrections_are_what_the_model_uses(seeded):
    ids = _ingest(seeded, REBELS_TAKE_RAFID, "2018-08-03", "Enab Baladi", "https://example.org/rafid-1")
    (eid,) = ids
    seeded.add_correction(Correction("set_actors", eid, author="lina", reason="HTS, per local sources",
                                     actor1="Jabhat al-Nusra / HTS"))
    assert _place(control_from_store(seeded), "الرفيد").holder_on("2018-08-02") == "nusra"
    seeded.add_correction(Correction("set_date", eid, author="lina", reason="it was Friday", event_date="2018-08-03"))
    rafid = _place(control_from_store(seeded), "الرفيد")
    assert rafid.holder_on("2018-08-02") == "government" and rafid.holder_on("2018-08-03") == "nusra"
    seeded.add_correction(Correction("set_type", eid, author="lina", reason="clashes only, no one took it",
                                     event_type="Battles", sub_event_type="Armed clash"))
    assert len(_place(control_from_store(seeded), "الرفيد").changes) == 1
    seeded.add_correction(Correction("set_type", eid, author="lina", reason="it was taken after all",
                                     event_type="Battles", sub_event_type="Non-state actor overtakes territory"))
    assert _place(control_from_store(seeded), "الرفيد").holder_on("2018-08-03") == "nusra"
    seeded.add_correction(Correction("false_positive", eid, author="lina", reason="a rumour"))
    rafid = _place(control_from_store(seeded), "الرفيد")
    assert [c.holder for c in rafid.changes] == ["government"]
    assert eid not in rafid.changes[0].basis()["event_ids"]


def test_a_repinned_event_moves_its_claim_to_the_place_the_analyst_chose(seeded):
    ids = _ingest(seeded, REBELS_TAKE_RAFID, "2018-08-03", "Enab Baladi", "https://example.org/rafid-1")
    before = control_from_store(seeded)
    rafid, bakkar = before.find("الرفيد"), before.find("البكار")
    assert rafid.place_id and bakkar.place_id and rafid.holder_on("2018-08-02") == "opposition"
    seeded.add_correction(Correction("repin_place", ids[0], author="lina", reason="the village is Bakkar",
                                     place_id=bakkar.place_id))
    model = control_from_store(seeded)
    assert model.find(rafid.place_id).holder_on("2018-08-02") == "government"
    assert model.find(bakkar.place_id).holder_on("2018-08-02") == "opposition"


def test_a_duplicate_merged_by_an_analyst_adds_its_report_to_the_basis(seeded):
    a = _ingest(seeded, REBELS_TAKE_RAFID, "2018-08-03", "Enab Baladi", "https://example.org/rafid-1")
    b = _ingest(seeded, REBELS_TAKE_RAFID.replace("صباح الخميس", "فجر الخميس"), "2018-08-03", "Horan Free League",
                "https://example.org/rafid-4")
    seeded.add_correction(Correction("merge", b[0], author="lina", reason="same event", into_event_id=a[0]))
    ch = _place(control_from_store(seeded), "الرفيد").change_on("2018-08-02")
    assert ch.holder == "opposition"
    assert ch.basis()["event_ids"] == [a[0], b[0]]
    assert ch.basis()["sources"] == ["Enab Baladi", "Horan Free League"]


def test_the_model_pickled_comes_back_equal_with_its_claims_shared_as_before(seeded):
    """The prefetch helper hands the model to the server through a pipe, a restart reads it from disk: pickled as
    columns (``ControlModel.__reduce__``), merged duplicates, contested days and confirmations included."""
    import pickle

    from eventmap.control import ControlModel

    a = _ingest(seeded, REBELS_TAKE_RAFID, "2018-08-03", "Enab Baladi", "https://example.org/rafid-1")
    b = _ingest(seeded, REBELS_TAKE_RAFID.replace("صباح الخميس", "فجر الخميس"), "2018-08-03", "Horan Free League",
                "https://example.org/rafid-4")
    seeded.add_correction(Correction("merge", b[0], author="lina", reason="same event", into_event_id=a[0]))
    _ingest(seeded, ARMY_HOLDS_RAFID, "2018-08-02", "Reuters", "https://example.org/rafid-2")
    model = control_from_store(seeded)

    def claims(m):
        return [c for p in m.places.values() for ch in p.changes for c in ch.claims] + \
            [c for p in m.places.values() for cc in p.confirmations for c in cc]

    back = pickle.loads(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == model and len(back) >= 21
    assert [p.holder_on("2018-08-03") for p in back.places.values()] == \
        [p.holder_on("2018-08-03") for p in model.places.values()]
    assert any(c.merged for c in claims(back)) and any(p.confirmations for p in back.places.values())
    assert len({id(c) for c in claims(back)}) == len({id(c) for c in claims(model)})
    assert type(claims(back)[0]) is type(claims(model)[0])
    assert pickle.loads(pickle.dumps(ControlModel({}))) == ControlModel({})


@pytest.mark.parametrize("sub, label, a1, a2, expected", [
    ("Government regains territory", "territory_taken", "Syrian government forces", "Jabhat al-Nusra / HTS",
     ("government", "nusra", "taken")),
    ("Government regains territory", "territory_entered", "Israeli forces", "", ("israel", None, "entered")),
    ("Non-state actor overtakes territory", "territory_taken", "ISIS / Khalid ibn al-Walid Army",
     "Opposition armed groups", ("isis", "opposition", "taken")),
    ("Non-state actor overtakes territory", "territory_taken", "", "", ("unknown", None, "taken")),
    ("Non-violent transfer of territory", "settlement_entry", "Russian forces", "", ("government", None, "settlement")),
    ("Non-violent transfer of territory", "withdrawal", "Syrian government forces", "", ("unknown", "government", "withdrawal")),
    ("Non-violent transfer of territory", "evacuation", "Opposition armed groups", "Syrian government forces",
     ("government", "opposition", "evacuation")),
    ("Headquarters or base established", "base_established", "Israeli forces", "", ("israel", None, "base established")),
    ("Headquarters or base established", "base_established", "", "", None),
    ("Armed clash", "armed_clash", "Syrian government forces", "Opposition armed groups", None),
    ("Government regains territory", "territory_taken", "the Free Syrian Army's Southern Front", "", ("opposition", None, "taken")),
])
def test_what_each_kind_of_event_says_about_control(sub, label, a1, a2, expected):
    assert claimed(sub, label, a1, a2) == expected


def test_a_report_that_names_a_governorate_holds_no_village_and_an_empty_frame_is_an_empty_model():
    import pandas as pd
    frame = pd.DataFrame([{"event_id": "e1", "event_date": "2018-07-20", "sub_event_type": "Government regains territory",
                           "actor1": "Syrian government forces", "location": "ريف درعا", "place_id": "ocha:SY12",
                           "geo_precision": 3, "report_id": "r1"}])
    assert len(build_control(frame)) == 0
    assert len(build_control(frame.iloc[:0])) == 0
