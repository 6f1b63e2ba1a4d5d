"""Named sites (crossings, checkpoints, bases, mosques, quarters): the whole name is the place.

Sentences written for these tests in the styles of Syrian outlets; real gazetteer entries.
"""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events
from eventmap.events.sites import ar_sites, en_sites
from eventmap.events._spans import normalize_offsets


def _at(events, location):
    return [e for e in events if e.location == location]


def _ar(text):
    norm, _ = normalize_offsets(text)
    return [(norm[s.start:s.end], s.kind, s.bare) for s in ar_sites(norm, 0, len(norm))]


@pytest.mark.parametrize("text, site", [
    ("سيطرت الفصائل على معبر نصيب الحدودي مع الأردن", ("معبر نصيب", "crossing", False)),
    ("سقطت قذيفة قرب الجامع العمري", ("الجامع العمري", "mosque", False)),
    ("تقدم الجيش باتجاه الجمرك القديم", ("الجمرك القديم", "crossing", False)),
    ("حاصر الثوار اللواء 61 غرب البلدة", ("اللوا 61", "brigade", False)),
    ("اقتحموا مقر اللواء 38 دفاع جوي للجيش", ("اللوا 38 دفاع جوي", "brigade", False)),
    ("في حي طريق السد بدرعا", ("حي طريق السد", "neighbourhood", False)),
    ("وصلت الدورية إلى منطقة العارضة", ("العارضه", "area", True)),
])
def test_arabic_site_names_are_whole(text, site):
    assert site in _ar(text)


@pytest.mark.parametrize("text", [
    "هاجم مسلحون حاجزاً عسكرياً في البلدة",        # a checkpoint, not a named one
    "اقتحموا حاجز المخابرات الجوية وسط المدينة",     # named by the force that holds it
    "انتشر الجيش في المنطقة الجنوبية",               # a region, not a site
    "فوق مبنى البريد وسط البلدة",                    # a building, not a landmark
])
def test_generic_facilities_are_not_sites(text):
    assert _ar(text) == []


def test_crossing_is_placed_at_its_town_and_named_in_full():
    ev = extract_events("سيطرت فصائل المعارضة صباح اليوم على معبر نصيب الحدودي مع الأردن بعد معارك مع قوات النظام.",
                        "2015-04-01")
    taken = [e for e in _at(ev, "معبر نصيب") if e.sub_event_type == "Non-state actor overtakes territory"]
    assert len(taken) == 1
    e = taken[0]
    assert e.resolution == "approximate" and e.geo_precision == 2 and e.place_id is None
    assert abs(e.latitude - 32.55) < 0.05 and abs(e.longitude - 36.19) < 0.05     # the town of Nasib
    assert "نصيب" in e.resolution_note and e.admin1_pcode == "SY12"
    assert not _at(ev, "نصيب")        # a piece of the name is never a place of its own


def test_checkpoints_in_a_town_are_hosted_by_it():
    ev = extract_events("واستولى مقاتلو المعارضة على حاجزي المخفر والسرايا في مدينة طفس بعد اشتباكات قصيرة.",
                        "2014-02-10")
    for name in ("المخفر", "السرايا"):
        es = _at(ev, name)
        assert es and all(e.resolution == "approximate" and "طفس" in e.resolution_note for e in es)
        # "السرايا" is also a village in Latakia: a far namesake never gives the point
        assert all(abs(e.latitude - 32.74) < 0.05 for e in es)
    assert not _at(ev, "طفس")         # the town locates the checkpoints; it is not a third place


def test_mosque_and_quarter_in_a_city():
    ev = extract_events("سقطت قذائف هاون على الجامع الكبير في مدينة نوى ظهر اليوم، "
                        "وقصفت قوات النظام حي المنشية بمدينة درعا بالمدفعية الثقيلة.", "2016-03-01")
    assert [e.resolution for e in _at(ev, "الجامع الكبير")] == ["approximate"]
    assert [e.resolution for e in _at(ev, "حي المنشية")] == ["approximate"]
    assert not _at(ev, "نوى") and not _at(ev, "درعا")


def test_old_town_quarter_is_the_place():
    ev = extract_events("ودخلت وحدات الجيش أحياء درعا البلد بموجب اتفاق التسوية.", "2018-07-12")
    e = _at(ev, "درعا البلد")
    assert e and e[0].resolution == "approximate" and abs(e[0].latitude - 32.62) < 0.05


def test_generic_checkpoint_puts_the_event_in_the_town():
    ev = extract_events("هاجم مسلحون مجهولون حاجزاً عسكرياً في بلدة المسيفرة ليلة أمس.", "2020-03-02")
    assert [e.location for e in ev] == ["المسيفرة"]


@pytest.mark.parametrize("text, name", [
    ("rebels attacked the Nasib border crossing at dawn", "Nasib border crossing"),
    ("near the Omari mosque in the old city", "Omari mosque"),
    ("they stormed the 52nd Brigade base", "52nd Brigade base"),
    ("the flag over the citadel of Bosra", "citadel of Bosra"),
    ("gunmen attacked “Al-Hajjanah” checkpoint overnight", "Al-Hajjanah” checkpoint"),   # offsets keep the quote
    ("a strike near Brigade 132, the source said", "Brigade 132"),
    ("clashes in the Sajna district on Friday", "Sajna"),
])
def test_english_site_names(text, name):
    assert name in [text[s.start:s.end] for s in en_sites(text, 0, len(text))]


@pytest.mark.parametrize("text", ["shelling in the Quneitra area", "a Syrian army checkpoint", "in Daraa district"])
def test_english_regions_and_generic_posts_are_not_sites(text):
    assert en_sites(text, 0, len(text)) == []


def test_english_neighbourhood_and_roundabout():
    ev = extract_events("Artillery shells hit the Kashef neighbourhood of Daraa on Monday. An explosive device went off "
                        "near the Inkhil roundabout on Tuesday, wounding two soldiers.", "2021-03-10")
    k = _at(ev, "Kashef")
    # Kashef is also a village near Homs: the quarter is placed in Daraa, where the text puts it
    assert k and k[0].resolution == "approximate" and abs(k[0].latitude - 32.62) < 0.05
    r = _at(ev, "Inkhil roundabout")
    assert r and r[0].sub_event_type == "Remote explosive/landmine/IED" and abs(r[0].latitude - 33.02) < 0.05


@pytest.mark.parametrize("text, location", [
    # a quarter named after its town, with the place noun after it (lower or upper case): the town hosts it
    ("Regime artillery shelled the Daraa al-Mahatta district on Tuesday night.", "Daraa al-Mahatta"),
    ("Regime artillery shelled the Daraa Al-Balad District on Tuesday night.", "Daraa Al-Balad"),
])
def test_a_quarter_with_district_after_it_is_placed_in_its_town(text, location):
    ev = _at(extract_events(text, "2021-08-25"), location)
    assert ev and ev[0].resolution == "approximate" and ev[0].place_name_en == "" and ev[0].latitude is not None
    assert ev[0].admin1 == "Dar'a"


def test_an_adverb_after_a_site_is_not_its_name():
    # "entirely" after the checkpoint: the checkpoint is حاجز المؤسسة, not "حاجز المؤسسة كاملا"
    ev = extract_events("وسيطرت فصائل المعارضة على حاجز المؤسسة كاملا بعد معارك استمرت يومين.", "2014-10-05")
    assert {e.location for e in ev} == {"حاجز المؤسسة"}


def test_a_word_ending_in_al_before_a_name_lends_it_no_article():
    # "the rural Tal X area": the "al" of "rural" is not the article of the name
    ev = extract_events("Troops repelled an attack on a post in the rural Tal al-Hara area on Friday.", "2014-01-03")
    assert [e.location for e in ev] == ["Tal al-Hara area"]


def test_a_quarter_then_its_city_after_a_comma_names_one_place():
    # "the X district, Daraa city": the city hosts the quarter, it is not a second event place
    ev = extract_events("Rebels attacked regime positions in the Sajna district, Daraa city, on Sunday.", "2017-05-26")
    assert [e.location for e in ev] == ["Sajna"]


def test_a_list_goes_on_after_a_name_followed_by_city():
    ev = extract_events("Rebels attacked regime positions in Tafas, Daraa city and Inkhil on Sunday.", "2017-05-26")
    assert [e.location for e in ev] == ["Tafas", "Daraa", "Inkhil"]


def test_a_crossing_named_after_a_daraa_town_is_placed_there_whatever_the_wire_dateline():
    ev = extract_events("DAMASCUS, July 7 (Xinhua) -- The Syrian army on Friday took control of the Nassib border "
                        "crossing with Jordan, state TV said.", "2018-07-07")
    crossing = [e for e in ev if e.location == "Nassib border crossing"]
    assert crossing and all(e.latitude is not None and abs(e.latitude - 32.55) < 0.05 for e in crossing)


@pytest.mark.parametrize("text, site", [
    ("Hundreds demonstrated in front of the Omari Mosque in Daraa al-Balad after Friday prayers.", "Omari Mosque"),
    ("تظاهر المئات أمام المسجد العمري في درعا البلد عقب صلاة الجمعة.", "المسجد العمري"),
])
def test_a_quarter_hosts_a_mosque_which_is_the_place(text, site):
    ev = extract_events(text, "2022-06-10")
    assert [e.location for e in ev] == [site]
    assert ev[0].latitude is not None   # placed at the town the quarter is named after


def test_a_site_that_is_only_a_reference_leaves_its_quarter_the_place():
    ev = extract_events("Rebels took control of a row of buildings west of the Bilal Mosque in Sahari neighbourhood "
                        "in Daraa city.", "2017-02-14")
    assert [e.location for e in ev] == ["Sahari"]


def test_a_checkpoint_with_its_owner_named_is_hosted_by_the_quarter_after():
    text = "هاجم مقاتلون محليون حاجز الكازية التابع لقوات النظام في درعا البلد واستولوا عليه لساعات."
    ev = extract_events(text, "2021-08-30")
    assert {e.location for e in ev} == {"حاجز الكازية"}
    assert all(e.latitude is not None for e in ev)


@pytest.mark.parametrize("text, site", [
    ("نظم أهالي مدينة طفس وقفة احتجاجية أمام الجامع الكبير في المدينة يوم الأحد للمطالبة بالإفراج عن المعتقلين.",
     "الجامع الكبير"),
    ("قُتل شاب برصاص مجهولين في مدينة نوى. وكان قد أصيب قبل أشهر بانفجار عبوة ناسفة قرب المشفى الوطني في المدينة.",
     "المشفى الوطني"),
])
def test_a_site_in_the_town_named_before_is_placed_there(text, site):
    ev = extract_events(text, "2020-11-02")
    placed = _at(ev, site)
    assert placed and all(e.resolution == "approximate" and e.latitude is not None for e in placed)
    town = "طفس" if "طفس" in text else "نوى"
    assert not [e for e in ev if e.location == town and e.trigger_label == placed[0].trigger_label]


@pytest.mark.parametrize("text, town", [
    ("Clashes went on in the Sabil neighbourhood in the city of Daraa on Sunday, amid intense air strikes and dozens "
     "of shells fired by government forces on areas in the city.", "Daraa"),
    ("تواصلت الاشتباكات في حي السبيل بمدينة درعا يوم الأحد، وسط غارات مكثفة وعشرات القذائف التي أطلقتها قوات النظام "
     "على أحياء المدينة.", "درعا"),
])
def test_the_areas_of_the_town_holding_the_quarter_are_the_shellings_target(text, town):
    ev = extract_events(text, "2017-03-05")
    assert {e.trigger_label for e in _at(ev, town)} == {"shelling"}


@pytest.mark.parametrize("text", [
    "Rebels took control of the Kark block in the Sabil neighbourhood in the city of Daraa on Sunday.",
    "سيطرت الفصائل على كتلة الكرك في حي السبيل بمدينة درعا يوم الأحد.",
])
def test_a_block_named_like_a_far_village_is_in_the_town_the_text_puts_it_in(text):
    ev = extract_events(text, "2017-03-05")
    assert len(ev) == 1 and ev[0].resolution == "approximate"
    assert abs(ev[0].latitude - 32.619) < 0.01 and abs(ev[0].longitude - 36.102) < 0.01   # Daraa, not al-Karak


def test_a_quarter_named_like_a_man_is_still_a_quarter():
    ev = extract_events("The Fourth Division shelled the Tariq al-Sad neighborhood in Daraa with mortar shells.",
                        "2021-08-01")
    assert [(e.location, e.resolution) for e in ev] == [("Tariq al-Sad", "approximate")]


def test_a_site_in_a_province_s_countryside_is_placed_in_the_province():
    ev = extract_events("Israeli jets struck the 12th Brigade headquarters in Daraa countryside on Monday night.",
                        "2025-03-10")
    assert len(ev) == 1 and ev[0].resolution == "approximate" and ev[0].geo_precision == 3   # not Daraa city


@pytest.mark.parametrize("text, town", [
    ("قتل خمسة أشخاص في انفجار سيارة مفخخة أمس الأربعاء وسط سوق بلدة الحراك.", "الحراك"),
    ("اعتقلت دورية للأمن العسكري أمس ثلاثة شبان على حاجز مدينة نوى.", "نوى"),
])
def test_a_towns_market_or_checkpoint_named_by_the_town_is_at_the_town(text, town):
    assert [e.location for e in extract_events(text, "2024-02-08")] == [town]


@pytest.mark.parametrize("text", [
    "وفي مدينة درعا، استشهدت طفلة جراء سقوط قذيفتي هاون على حي المطار أمس.",
    "In Daraa city, a child was killed when two mortar shells hit the Matar neighbourhood on Monday.",
])
def test_a_quarter_is_placed_in_the_town_put_first_in_its_sentence(text):
    ev = extract_events(text, "2018-07-10")
    assert [(e.resolution, round(e.latitude, 2)) for e in ev] == [("approximate", 32.62)]


def test_a_squares_name_ends_before_what_the_protest_demands():
    ev = extract_events("خرجت مظاهرة مساء الإثنين في ساحة إنخل تطالب بالإفراج عن المعتقلين.", "2025-07-15")
    assert [(e.location, e.geo_precision) for e in ev] == [("ساحة إنخل", 2)]   # (the square of the town, placed)
