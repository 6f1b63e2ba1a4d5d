"""A named site the gazetteer lacks, told from a town ("سد X غربي مدينة Y", "the X base east of Y", "a hill
overlooking Y"): placed near that town (approximate, a few km of uncertainty), the town staying a point of
reference; not left with no point, nor put at the governorate's centre.

Sentences written for these tests in the styles of the outlets; the sites' names are made up (the gazetteer has
none of them), the towns are the gazetteer's.
"""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events
from eventmap.places.gazetteer import default_gazetteer


def _points(name: str) -> set[tuple[float, float]]:
    """The points of the gazetteer's places of that name in Dar'a and Quneitra (al-Harak has three spellings)."""
    r = default_gazetteer().lookup(name)
    got = {(c.place.lat, c.place.lon) for c in r.candidates if c.place.admin1_pcode in ("SY12", "SY14")}
    assert got, name
    return got


def _ids(name: str) -> set[str]:
    return {c.place.id for c in default_gazetteer().lookup(name).candidates}


#: (what the case shows, the text, the day it was published, the site, the town it is told from)
_TOLD_FROM = [
    ("a_dam_west_of_a_city",
     "توغلت قوة إسرائيلية فجر اليوم في حرش سد الكرامة غرب مدينة نوى بريف درعا الغربي.", "2025-04-03",
     "حرش سد الكرامة", "نوى"),   # (the grove by the dam, a site of its own name: the twenty-fourth round)
    ("a_base_east_of_a_town_arabic",
     "سيطرت فصائل المعارضة صباح اليوم على مقر اللواء 61 شرقي بلدة الحراك بعد معارك استمرت ساعات.", "2015-06-09",
     "اللواء 61", "الحراك"),
    ("a_site_the_east_of_which_is_told",
     "اندلعت اشتباكات عنيفة قرب حاجز البريد الواقع إلى الشرق من بلدة جاسم مساء أمس.", "2013-05-02",
     "حاجز البريد", "جاسم"),
    ("a_company_south_of_a_village",
     "قصفت مدفعية الاحتلال سرية المرصد جنوب قرية كودنة صباح اليوم.", "2025-01-20", "سرية المرصد", "كودنة"),
    ("a_hill_overlooking_a_village",
     "Israeli troops set up a post on Tal al-Kharrub overlooking the village of Kudna on Monday.", "2025-01-21",
     "Tal al-Kharrub", "كودنة"),
    ("a_dam_west_of_the_village_of",
     "Israeli troops took up positions at the Rawdah dam west of the village of Kudna on Monday.", "2025-01-21",
     "Rawdah dam", "كودنة"),
    ("a_hill_west_of_a_town_in_apposition",
     "Israeli forces seized Tal al-Kharrub, a hill west of Jasim, on Monday.", "2025-01-21",
     "Tal al-Kharrub", "جاسم"),
    ("a_base_on_the_western_edge_of_a_town",
     "Warplanes struck the former headquarters of the 61st Brigade on the western edge of al-Harak on Sunday.",
     "2025-03-17", "61st Brigade", "الحراك"),
]


@pytest.mark.parametrize("why, text, published, site, town", _TOLD_FROM, ids=[r[0] for r in _TOLD_FROM])
def test_a_site_told_from_a_town_is_placed_near_it(why, text, published, site, town):
    events = extract_events(text, published)
    at_site = [e for e in events if e.location == site]
    assert at_site, [e.location for e in events]
    for e in at_site:
        assert e.resolution == "approximate" and e.geo_precision == 2
        assert (e.latitude, e.longitude) in _points(town)
        assert 2.0 < e.uncertainty_km <= 5.0   # (not "in" the town: a few km from it)
    # the town itself is a point of reference, no event place
    assert not {e.place_id for e in events} & _ids(town)


def test_the_area_after_a_site_is_not_the_town_it_is_told_from():
    # (guard) "في المنطقة" after a site told from a town does not make the town an event place
    text = ("قتل خمسة أشخاص ليل الأربعاء جراء قصف إسرائيلي استهدف حرش سد الكرامة غرب مدينة نوى بريف درعا "
            "الغربي، تزامناً مع توغل قوة إسرائيلية في المنطقة وتجريفها أراضي زراعية.")
    events = extract_events(text, "2025-04-03")
    assert "حرش سد الكرامة" in {e.location for e in events}
    assert not {e.place_id for e in events} & _ids("نوى")


def test_a_site_in_a_town_keeps_the_closer_placing():
    # (guard) "في بلدة Y": the site is inside the town, 2 km of uncertainty
    events = extract_events("اقتحمت دورية حاجز البريد في بلدة جاسم صباح اليوم واعتقلت شابين.", "2025-02-02")
    site = [e for e in events if e.location == "حاجز البريد"]
    assert site and all(e.uncertainty_km == 2.0 for e in site)


def test_a_site_named_after_a_village_is_placed_at_that_village_not_at_the_town_it_is_told_from():
    # (guard) the site's own name says where it is: the village inside its name comes first
    events = extract_events("سيطرت الفصائل على حاجز صيدا شرقي مدينة درعا بعد اشتباكات عنيفة.", "2013-10-01")
    site = [e for e in events if e.location == "حاجز صيدا"]
    assert site and all((e.latitude, e.longitude) in _points("صيدا") for e in site)


def test_a_town_after_the_numbered_unit_the_fire_came_from_is_the_target():
    # "اللواء 61 بلدة X": the number is the brigade's name, not a count of towns ("12 بلدة")
    events = extract_events("وقصفت قوات النظام من مواقعها في اللواء 61 بلدة الحراك بالمدفعية الثقيلة.", "2015-03-25")
    assert [e.location for e in events] == ["الحراك"]


def test_a_count_of_towns_is_still_no_town_s_noun():
    # (guard) "12 بلدة جديدة": a count of towns names none of them
    events = extract_events("سيطرت الفصائل على 12 بلدة جديدة في ريف درعا الشرقي.", "2015-03-25")
    assert not [e for e in events if e.geo_precision in (1, 2)]


@pytest.mark.parametrize("text, there, not_there", [
    ("Gunmen attacked a checkpoint in Inkhil and then fled toward the western outskirts of Jasim.", "Inkhil", "Jasim"),
    ("هاجم مسلحون حاجزاً في بلدة إنخل ثم فروا باتجاه الأطراف الغربية لمدينة جاسم.", "إنخل", "جاسم"),
    ("هاجم مسلحون حاجزاً في بلدة إنخل ثم فروا باتجاه الأطراف الغربية لجاسم.", "إنخل", "جاسم"),
])
def test_the_edge_of_a_town_the_doers_fled_toward_is_no_place_of_the_act(text, there, not_there):
    places = {e.location for e in extract_events(text, "2018-06-21")}
    assert there in places and not_there not in places


def test_the_outskirts_of_a_town_shelled_are_the_town_s():
    # (guard) the outskirts as the target, not where anyone went
    events = extract_events("Government forces shelled the western outskirts of Jasim on Monday.", "2018-06-21")
    assert [e.location for e in events] == ["Jasim"]


@pytest.mark.parametrize("text, there", [
    ("قتل شاب برصاص مجهولين في بلدة الجيزة، وفارق الحياة قبل وصوله إلى المستشفى الوطني في مدينة درعا.", "الجيزة"),
    ("Two civilians were killed in shelling on Tafas, a doctor at Daraa National Hospital said.", "Tafas"),
])
def test_a_hospital_where_the_wounded_went_or_a_doctor_spoke_is_no_place_of_the_act(text, there):
    places = {e.location for e in extract_events(text, "2025-03-04")}
    assert there in places
    assert not [p for p in places if "المشفى" in p or "hospital" in p.lower()], places


def test_a_hospital_the_act_was_done_to_is_its_place():
    # (guard) the hospital shelled is the place
    events = extract_events("قصفت قوات النظام المشفى الوطني في مدينة إزرع صباح اليوم.", "2016-01-25")
    assert "المشفى الوطني" in {e.location for e in events}


@pytest.mark.parametrize("text, published, place", [
    ("تمركزت قوة إسرائيلية صباح اليوم في محيط قرية الرفيد بريف القنيطرة الجنوبي.", "2025-01-14", "الرفيد"),
    ("شوهدت دبابات إسرائيلية قرب بلدة خان أرنبة صباح اليوم.", "2025-01-14", "خان أرنبة"),
    ("Israeli troops have taken up positions near Hader, residents said on Monday.", "2025-01-14", "Hader"),
    ("Israeli tanks were seen near Khan Arnabeh on Sunday morning.", "2025-01-14", "Khan Arnabeh"),
])
def test_a_force_posted_or_seen_near_a_village_is_an_event_there(text, published, place):
    assert place in {e.location for e in extract_events(text, published)}


def test_a_force_stationed_in_a_village_since_a_day_is_a_state_not_an_act():
    # (guard) the present: where a force has been since, told by the way of where families fled from
    text = "ونزحت عائلات من قرية الحميدية التي تتمركز فيها قوات الاحتلال منذ التاسع من الشهر الجاري."
    assert not [e for e in extract_events(text, "2024-12-20") if e.location == "الحميدية" and e.actor1 == "Israeli forces"]


def test_bulldozers_seen_razing_land_still_raze_it():
    # (guard) "bulldozers were seen" is no troop movement: their razing near the village is the act
    text = "Israeli bulldozers were seen razing farmland near Hader on the edge of the buffer zone."
    assert "Hader" in {e.location for e in extract_events(text, "2024-12-12")}


@pytest.mark.parametrize("text, published, place, kind", [
    ("Rebels seize Nasib crossing on the Jordanian border", "2015-04-02", "Nasib crossing",
     "Non-state actor overtakes territory"),
    ("July 6, 2018 - Government forces take back the Nasib crossing after a surrender deal.", "2019-07-06",
     "Nasib crossing", "Government regains territory"),
])
def test_a_capture_in_the_present_of_headlines_and_timelines(text, published, place, kind):
    events = extract_events(text, published)
    assert kind in {e.sub_event_type for e in events if e.location == place}


def test_goods_seized_in_the_present_are_no_ground_taken():
    # (guard) "seize drugs": goods, no territory
    events = extract_events("Police seize drugs and weapons in raid on a house in Tafas", "2025-03-04")
    assert not [e for e in events if "territory" in e.sub_event_type]
