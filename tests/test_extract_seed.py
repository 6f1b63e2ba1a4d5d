"""The seed report (Arabic, published 2018-07-25) against the real gazetteer."""

from pathlib import Path

import pytest

from eventmap.events.extract import extract_events
from eventmap.model import EVENT_FIELDS
from eventmap.places.gazetteer import default_gazetteer

SEED = Path(__file__).resolve().parents[1] / "sample" / "2018-07-25_southern-front.txt"
PUB = "2018-07-25"

VILLAGES = ["المهير", "الرفيد", "رسم الحسن", "الحيران الشمالي", "الحيران الجنوبي", "رسم عزرائيل", "رسم البنيان",
            "رسم زعرورة", "غدير البستان", "أبو قليعة", "أبو تينة", "المعلقة", "الجبيلة", "المدورة", "أبو الخشان",
            "أم اللوقس", "المهيوبة", "المشيدة", "البصة", "البكار", "البكار الشرقي"]
RESOLVED = {"الرفيد": "wof:1293106469", "غدير البستان": "wof:1344158795", "المعلقة": "wof:1209617041",
            "أم اللوقس": "wof:1209526959", "البكار": "wof:1242968489", "البكار الشرقي": "wof:1293805895"}


@pytest.fixture(scope="module")
def text():
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def events(text):
    return extract_events(text, PUB, source="seed")


@pytest.fixture(scope="module")
def g():
    return default_gazetteer()


def _regained(events):
    return [e for e in events if e.sub_event_type == "Government regains territory" and e.location in VILLAGES]


def test_the_21_listed_villages_are_21_events_of_territory_regained(events):
    ev = _regained(events)
    assert sorted(e.location for e in ev) == sorted(VILLAGES)
    for e in ev:
        assert e.event_type == "Battles"
        assert e.actor1 == "Syrian government forces"
        # the list sentence carries no date of its own: the publication date, within a week
        assert (e.event_date, e.time_precision) == (PUB, 2)


def test_resolvable_villages_at_gazetteer_coordinates(events, g):
    by_loc = {e.location: e for e in _regained(events)}
    for name, pid in RESOLVED.items():
        e = by_loc[name]
        p = g.get(pid)
        assert (e.place_id, e.resolution, e.geo_precision) == (pid, "resolved", 1), name
        assert (e.latitude, e.longitude) == (p.lat, p.lon)
        assert e.admin1 in ("Quneitra", "Dar'a")


def test_unknown_villages_are_approximate_near_the_list(events):
    by_loc = {e.location: e for e in _regained(events)}
    resolved_pts = [(by_loc[n].latitude, by_loc[n].longitude) for n in RESOLVED]
    lat_c = sum(p[0] for p in resolved_pts) / len(resolved_pts)
    lon_c = sum(p[1] for p in resolved_pts) / len(resolved_pts)
    for name in set(VILLAGES) - set(RESOLVED):
        e = by_loc[name]
        assert e.place_id is None, name
        assert e.resolution in ("approximate", "unresolved"), name
        if e.resolution == "approximate":
            assert e.geo_precision == 2
            assert "approximate" in e.resolution_note and e.uncertainty_km > 0
            assert abs(e.latitude - lat_c) < 0.05 and abs(e.longitude - lon_c) < 0.05
        else:
            assert e.latitude is None and e.longitude is None
    # far namesakes (Abu Tinah in al-Hasakah, a northern al-Bassa) are never taken
    for e in by_loc.values():
        if e.latitude is not None:
            assert 32.5 < e.latitude < 33.3 and 35.6 < e.longitude < 36.3, e.location


def test_ghadir_al_bustan_entered_under_a_settlement(events):
    ev = [e for e in events if e.location == "غدير البستان" and e.sub_event_type == "Non-violent transfer of territory"]
    assert len(ev) == 1
    e = ev[0]
    assert e.event_type == "Strategic developments" and e.actor1 == "Syrian government forces"
    assert e.place_id == "wof:1344158795" and "تسوية" in e.evidence.trigger


def test_tell_al_jabiya_taken_after_clashes_with_nusra(events):
    ev = [e for e in events if e.location == "تل الجابية" and e.sub_event_type == "Government regains territory"]
    assert len(ev) == 1
    # "بعد مواجهات مع جبهة النصرة": the fighting is a fact of its own, coded beside the capture
    clash = [e for e in events if e.location == "تل الجابية" and e.sub_event_type == "Armed clash"]
    assert len(clash) == 1 and clash[0].actor2 == "Jabhat al-Nusra / HTS"
    e = ev[0]
    assert (e.event_type, e.sub_event_type) == ("Battles", "Government regains territory")
    assert e.actor1 == "Syrian government forces" and e.actor2 == "Jabhat al-Nusra / HTS"
    assert e.place_id == "wof:1225867155" and e.place_name_ar == "الجابية"
    assert "hill" in e.resolution_note and e.geo_precision == 2


def test_sayda_air_strike_and_aircraft_shot_down(events):
    ev = {e.sub_event_type: e for e in events if e.location == "صيدا"}
    assert set(ev) == {"Air/drone strike", "Disrupted weapons use"}
    strike, downed = ev["Air/drone strike"], ev["Disrupted weapons use"]
    for e in (strike, downed):
        assert e.place_id == "wof:1276450189"   # the Yarmouk-basin Sayda (Quneitra/Fiq), not the one east of Daraa
        assert e.admin1 == "Quneitra"
    assert strike.event_type == "Explosions/Remote violence" and strike.actor1 == "Syrian government forces"
    assert downed.actor1 == "Israeli forces" and downed.actor2 == "Syrian government forces"


def test_field_hospital_and_depot_found_at_nab_as_sakhr(events):
    ev = [e for e in events if e.location == "نبع الصخر"]
    assert len(ev) == 1
    e = ev[0]
    assert e.event_type == "Strategic developments" and e.sub_event_type in ("Other", "Disrupted weapons use")
    assert (e.event_date, e.time_precision) == ("2018-07-23", 1)   # أول أمس
    assert e.place_id == "wof:1309907731" and e.actor1 == "Syrian government forces"
    # Quneitra city is only the reference point of "جنوب شرق مدينة القنيطرة"
    assert not [x for x in events if x.location in ("القنيطرة", "مدينة القنيطرة")]


def test_sirens_in_the_golan_at_region_precision(events):
    ev = [e for e in events if "صافرات" in e.evidence.trigger]
    assert len(ev) == 1
    assert ev[0].geo_precision == 3 and ev[0].place_id == "region:golan"


def test_nothing_placed_abroad_or_at_common_words(events, text):
    for e in events:
        for foreign in ("باريس", "ألمانيا", "لألمانيا", "هلسنكي", "صفد", "تل أبيب", "موسكو", "واشنطن", "الأسد"):
            assert foreign not in e.location
        assert e.location not in ("الروسية", "زيارة", "الزيارة", "مدينة", "بشار", "الميادين", "جوزيف", "بنيامين")
        if e.latitude is not None:
            assert 32.3 < e.latitude < 37.5 and 35.5 < e.longitude < 42.5   # inside Syria


def test_evidence_offsets_point_into_the_original_text(events, text):
    for e in events:
        ev = e.evidence
        assert text[ev.mention_start:ev.mention_end] == e.location
        assert text[ev.trigger_start:ev.trigger_end] == ev.trigger
        assert ev.sentence_start <= ev.trigger_start < ev.sentence_end
        assert ev.sentence_start <= ev.mention_start < ev.sentence_end
        assert not e.location.startswith("و") or e.location in ("وادي",)   # clitic و excluded


def test_fields_ids_and_confidence(events, text):
    assert len({e.event_id for e in events}) == len(events)
    again = extract_events(text, PUB, source="seed")
    assert [e.event_id for e in again] == [e.event_id for e in events]
    for e in events:
        d = e.to_dict()
        assert all(k in d for k in EVENT_FIELDS)
        assert 0.0 <= e.confidence <= 1.0
        assert e.published == PUB and e.source == "seed" and e.language == "ar"
        assert e.time_precision in (1, 2, 3) and e.geo_precision in (1, 2, 3)
        assert e.notes and e.notes in text
    strong = [e.confidence for e in events if e.resolution == "resolved" and e.geo_precision == 1]
    weak = [e.confidence for e in events if e.resolution == "approximate"]
    assert min(strong) > max(weak)
